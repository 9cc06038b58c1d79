//! The user's settings (rules text + per-site switches) and how they are laid out in the
//! browser's storage. Pure: the extension reads the storage areas, hands their contents
//! here, and writes back exactly the items this module returns.
//!
//! Layout, schema 2 (current): `storage.sync` holds a `settings` item
//! `{schema: 2, sites: {host: flags}, rules_chunks: N}` and the rules text split into items
//! `rules.0` … `rules.N-1`, each within `storage.sync`'s per-item limit. When everything
//! does not fit `storage.sync`'s quotas, the same items go to `storage.local` and sync keeps
//! only `{schema: 2, location: "local"}`; the save returns a note for the user.
//!
//! Schema 1 (the first layout) kept everything in the one `settings` item:
//! `{schema: 1, rules: "…", sites: {…}}`. It is migrated on load.
//! Anything unreadable (wrong types, a missing chunk, a newer schema) resets to the
//! defaults with a notice; loading never fails.

use crate::rules::SiteFlags;
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(crate) const SCHEMA: u32 = 2;
/// `chrome.storage.sync` limits (the same numbers in Firefox).
pub(crate) const SYNC_QUOTA_BYTES: usize = 102_400;
pub(crate) const SYNC_QUOTA_BYTES_PER_ITEM: usize = 8_192;
pub(crate) const SYNC_MAX_ITEMS: usize = 512;
/// Room left in each item for the key and JSON punctuation.
const ITEM_MARGIN: usize = 64;
/// Use at most this share of the sync quota, so a save never fails at the edge.
const SYNC_BUDGET_BYTES: usize = SYNC_QUOTA_BYTES * 9 / 10;

pub const HEAD_KEY: &str = "settings";
pub(crate) const CHUNK_PREFIX: &str = "rules.";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub rules: String,
    #[serde(default)]
    pub sites: BTreeMap<String, SiteFlags>,
}

impl Settings {
    /// The hosts the user opted into auto-cleaning: exact host names, never `*` (a
    /// wildcard switch does not grant the extension a host permission).
    pub fn auto_clean_hosts(&self) -> Vec<&str> {
        self.sites.iter().filter(|(h, f)| h.as_str() != "*" && f.auto_clean == Some(true)).map(|(h, _)| h.as_str()).collect()
    }
}

/// The `settings` item.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub schema: u32,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sites: BTreeMap<String, SiteFlags>,
    /// Schema 1 only: the whole rules text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<String>,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub rules_chunks: u32,
    /// `"local"` when the settings live in `storage.local`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// One stored item, as the storage API hands it over.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Item {
    Text(String),
    Head(Head),
    #[serde(skip_serializing)]
    Other(IgnoredAny),
}

pub type Area = BTreeMap<String, Item>;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Loaded {
    pub settings: Settings,
    /// Shown to the user when the stored settings could not be used as they were.
    pub notice: Option<String>,
    /// `"sync"` or `"local"`: where the settings were read from.
    pub area: &'static str,
    /// The schema the stored settings had (0: nothing stored yet).
    pub from_schema: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Save {
    /// Where the settings went: `"sync"` or `"local"`.
    pub area: &'static str,
    /// The complete contents of each area after the save (the caller clears, then sets).
    pub sync: Area,
    pub local: Area,
    /// Shown to the user when the settings could not go to sync storage.
    pub note: Option<String>,
}

fn reset(why: String, from_schema: u32) -> Loaded {
    Loaded {
        settings: Settings::default(),
        notice: Some(format!("Byline's saved settings could not be read ({why}) and were reset to the defaults.")),
        area: "sync",
        from_schema,
    }
}

fn read_area(area: &Area, head: &Head) -> Result<String, String> {
    let mut rules = String::new();
    for i in 0..head.rules_chunks {
        match area.get(&format!("{CHUNK_PREFIX}{i}")) {
            Some(Item::Text(t)) => rules.push_str(t),
            Some(_) => return Err(format!("part {i} of the rules is not text")),
            None => return Err(format!("part {i} of {} of the rules is missing", head.rules_chunks)),
        }
    }
    Ok(rules)
}

/// Reads the settings from the contents of both storage areas (migrating older schemas).
pub fn load(sync: &Area, local: &Area) -> Loaded {
    let head = match sync.get(HEAD_KEY) {
        None => return Loaded { settings: Settings::default(), notice: None, area: "sync", from_schema: 0 },
        Some(Item::Head(h)) => h,
        Some(_) => return reset("the settings item has an unknown shape".into(), 0),
    };
    match head.schema {
        1 => Loaded {
            settings: Settings { rules: head.rules.clone().unwrap_or_default(), sites: head.sites.clone() },
            notice: None,
            area: "sync",
            from_schema: 1,
        },
        2 if head.location.as_deref() == Some("local") => {
            let Some(Item::Head(lh)) = local.get(HEAD_KEY) else {
                return reset("the settings kept in this browser are missing".into(), 2);
            };
            match read_area(local, lh) {
                Ok(rules) => Loaded { settings: Settings { rules, sites: lh.sites.clone() }, notice: None, area: "local", from_schema: 2 },
                Err(why) => reset(why, 2),
            }
        }
        2 => match read_area(sync, head) {
            Ok(rules) => Loaded { settings: Settings { rules, sites: head.sites.clone() }, notice: None, area: "sync", from_schema: 2 },
            Err(why) => reset(why, 2),
        },
        n if n > SCHEMA => reset(format!("they were saved by a newer Byline, schema {n}"), n),
        n => reset(format!("unknown schema {n}"), n),
    }
}

/// Bytes `s` takes as a JSON string, quotes included.
pub(crate) fn json_len(s: &str) -> usize {
    2 + s.chars().map(json_char_len).sum::<usize>()
}

fn json_char_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

/// Splits `text` into pieces whose JSON form fits one sync item (never inside a char).
pub(crate) fn chunk(text: &str, max_json: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut len = 2;
    for c in text.chars() {
        let l = json_char_len(c);
        if len + l > max_json && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
            len = 2;
        }
        cur.push(c);
        len += l;
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Upper bound of the JSON size of the sites map.
fn sites_json_len(sites: &BTreeMap<String, SiteFlags>) -> usize {
    // `"hide_captions":false,` is the longest switch at 22 bytes; 4 switches + braces.
    sites.keys().map(|h| json_len(h) + 1 + 4 * 22 + 2 + 1).sum::<usize>() + 2
}

/// The storage items for `settings`: in sync when they fit its quotas, else in local.
pub fn save(settings: &Settings) -> Save {
    let chunks = chunk(&settings.rules, SYNC_QUOTA_BYTES_PER_ITEM - ITEM_MARGIN);
    let head = Head { schema: SCHEMA, sites: settings.sites.clone(), rules: None, rules_chunks: chunks.len() as u32, location: None };
    let head_len = HEAD_KEY.len() + sites_json_len(&settings.sites) + 64;
    let total: usize = head_len + chunks.iter().enumerate().map(|(i, c)| format!("{CHUNK_PREFIX}{i}").len() + json_len(c)).sum::<usize>();
    // Inserted one by one: collecting into a BTreeMap sorts, and a sort costs wasm size.
    let mut items = Area::new();
    for (i, c) in chunks.into_iter().enumerate() {
        items.insert(format!("{CHUNK_PREFIX}{i}"), Item::Text(c));
    }
    items.insert(HEAD_KEY.into(), Item::Head(head));
    let fits = head_len <= SYNC_QUOTA_BYTES_PER_ITEM && total <= SYNC_BUDGET_BYTES && items.len() <= SYNC_MAX_ITEMS;
    if fits {
        return Save { area: "sync", sync: items, local: Area::new(), note: None };
    }
    let marker = Head { schema: SCHEMA, location: Some("local".into()), ..Head::default() };
    Save {
        area: "local",
        sync: Area::from([(HEAD_KEY.to_string(), Item::Head(marker))]),
        local: items,
        note: Some(format!(
            "Your rules and site settings ({} KB) are larger than what the browser syncs ({} KB), so they are saved in this browser only.",
            total.div_ceil(1024),
            SYNC_BUDGET_BYTES / 1024
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn area(v: serde_json::Value) -> Area {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn auto_clean_hosts_are_exact_opted_in_hosts() {
        let s: Settings = serde_json::from_value(json!({"sites": {
            "*": {"auto_clean": true}, "a.com": {"auto_clean": true}, "b.com": {"auto_clean": false}, "c.com": {}
        }}))
        .unwrap();
        assert_eq!(s.auto_clean_hosts(), ["a.com"]);
    }
    fn round_trip(s: &Save) -> (Area, Area) {
        // Through JSON, as the storage API stores it.
        let sync = serde_json::to_value(&s.sync).unwrap();
        let local = serde_json::to_value(&s.local).unwrap();
        (area(sync), area(local))
    }

    fn sample() -> Settings {
        let mut sites = BTreeMap::new();
        sites.insert("example.com".into(), SiteFlags { auto_clean: Some(true), show_badge: Some(false), ..Default::default() });
        Settings { rules: "! mine\r\nexample.com##.ad\n\u{feff}bad line\n".into(), sites }
    }

    #[test]
    fn nothing_stored_gives_defaults_without_notice() {
        let l = load(&Area::new(), &Area::new());
        assert_eq!(l.settings, Settings::default());
        assert_eq!(l.notice, None);
        assert_eq!(l.from_schema, 0);
    }

    #[test]
    fn migrates_schema_1() {
        let v1 = area(json!({"settings": {"schema": 1, "rules": "example.com##.x\nbroken", "sites": {"example.com": {"auto_clean": true}}}}));
        let l = load(&v1, &Area::new());
        assert_eq!(l.notice, None);
        assert_eq!(l.from_schema, 1);
        assert_eq!(l.settings.rules, "example.com##.x\nbroken");
        assert_eq!(l.settings.sites["example.com"].auto_clean, Some(true));
        // Saving writes schema 2, which loads back to the same settings.
        let (sync, local) = round_trip(&save(&l.settings));
        let again = load(&sync, &local);
        assert_eq!(again.from_schema, 2);
        assert_eq!(again.settings, l.settings);
    }

    #[test]
    fn round_trips_exactly_and_chunks_within_item_limits() {
        let mut s = sample();
        // ~60 KB of rules with CJK and quotes: several chunks, still within sync.
        s.rules = (0..1500).map(|i| format!("例子{i}.com##div[title=\"推荐\"]\n")).collect();
        let saved = save(&s);
        assert_eq!(saved.area, "sync");
        assert!(saved.sync.len() > 3);
        for (k, v) in &saved.sync {
            let len = k.len() + serde_json::to_string(v).unwrap().len();
            assert!(len <= SYNC_QUOTA_BYTES_PER_ITEM, "{k}: {len} bytes");
        }
        let (sync, local) = round_trip(&saved);
        assert_eq!(load(&sync, &local).settings, s);
        let small = sample();
        let (sync, local) = round_trip(&save(&small));
        assert_eq!(load(&sync, &local).settings.rules.as_bytes(), small.rules.as_bytes());
    }

    #[test]
    fn too_big_for_sync_goes_local_with_a_note() {
        let mut s = sample();
        s.rules = "example.com##.a\n".repeat(8000); // 128 KB
        let saved = save(&s);
        assert_eq!(saved.area, "local");
        assert!(saved.note.as_deref().unwrap().contains("this browser only"));
        assert_eq!(saved.sync.len(), 1);
        let (sync, local) = round_trip(&saved);
        let l = load(&sync, &local);
        assert_eq!(l.area, "local");
        assert_eq!(l.settings, s);
    }

    #[test]
    fn corrupt_storage_resets_with_a_notice() {
        for bad in [
            json!({"settings": 42}),
            json!({"settings": {"schema": 2, "rules_chunks": 2, "rules.0": "x"}}),
            json!({"settings": {"schema": 2, "rules_chunks": 1}, "rules.0": 7}),
            json!({"settings": {"schema": 9}}),
            json!({"settings": {"schema": 2, "sites": {"a.com": {"auto_clean": "yes"}}}}),
            json!({"settings": {"schema": 2, "location": "local"}}),
        ] {
            let l = load(&area(bad.clone()), &Area::new());
            assert_eq!(l.settings, Settings::default(), "{bad}");
            assert!(l.notice.as_deref().is_some_and(|n| n.contains("reset")), "{bad}: {:?}", l.notice);
        }
    }

    #[test]
    fn chunks_never_split_a_char() {
        let text = "가나다라마바사".repeat(10);
        let parts = chunk(&text, 20);
        assert!(parts.iter().all(|p| json_len(p) <= 20));
        assert_eq!(parts.concat(), text);
    }
}
