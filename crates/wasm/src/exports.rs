//! What the extension calls besides the analysis (crate::analyze): settings in and out of
//! storage, the site configuration for a page, rule checking for the options page, and the
//! element picker's selector, each a call into the core.

use crate::to_js;
use byline::page::NodeId;
use byline::picker::{self, PathStep};
use byline::rules::{self, Effective, Rule, RuleMatch};
use byline::settings::{self, Area, Settings};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

pub(crate) fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("bad {what}: {e}")))
}

fn area(value: JsValue) -> Area {
    if value.is_undefined() || value.is_null() {
        return Area::new();
    }
    // An area whose items cannot even be listed is treated like one whose settings item is
    // unreadable: `settings::load` then resets with a notice.
    from_js(value, "storage area").unwrap_or_else(|_| {
        let mut a = Area::new();
        a.insert(settings::HEAD_KEY.into(), settings::Item::Text(String::new()));
        a
    })
}

/// A rule as the content script needs it: its selector to match, and what to report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct RuleRef {
    line: u32,
    keep: bool,
    selector: String,
    rule: String,
}

impl From<&Rule> for RuleRef {
    fn from(r: &Rule) -> Self {
        RuleRef { line: r.line, keep: r.keep, selector: r.selector.clone(), rule: r.text() }
    }
}

/// Pairs the rules with what their selectors matched; a selector the browser could not
/// compile (None) is left out.
pub(crate) fn rule_matches(rules: &[RuleRef], matches: Vec<Option<Vec<NodeId>>>) -> Vec<RuleMatch> {
    rules
        .iter()
        .zip(matches)
        .filter_map(|(r, m)| Some(RuleMatch { line: r.line, keep: r.keep, rule: r.rule.clone(), nodes: m? }))
        .collect()
}

/// Settings from the two storage areas' contents: `{settings, notice, area, from_schema}`.
#[wasm_bindgen]
pub fn load_settings(sync: JsValue, local: JsValue) -> Result<JsValue, JsValue> {
    to_js(&settings::load(&area(sync), &area(local)))
}

/// The storage items for `settings`: `{area, sync, local, note}` (clear each area, then set).
#[wasm_bindgen]
pub fn save_settings(value: JsValue) -> Result<JsValue, JsValue> {
    let s: Settings = from_js(value, "settings")?;
    to_js(&settings::save(&s))
}

/// Parses rules text: `{rules, diagnostics: [{line, message, text}]}`.
#[wasm_bindgen]
pub fn check_rules(text: &str) -> Result<JsValue, JsValue> {
    to_js(&rules::parse(text))
}

/// The host of a URL as the rules see it (lower case, no port), or undefined.
#[wasm_bindgen]
pub fn host_of(url: &str) -> Option<String> {
    rules::host_of(url)
}

#[derive(Serialize)]
struct SiteConfig {
    /// The elements the snapshot walker must not enter (a selector: `page::opaque_selector`).
    opaque: String,
    /// The attributes the snapshot walker copies (the ones the analysis reads)…
    attrs: String,
    /// …of the elements matching this selector (of the others: `class` and `id`).
    full: &'static str,
    /// The hiding attribute and the one stylesheet the applier adds.
    hidden_attr: &'static str,
    style: &'static str,
    host: String,
    flags: Effective,
    /// The rules for this host, most specific first.
    rules: Vec<RuleRef>,
    /// Malformed lines in the whole rules text.
    diagnostics: usize,
    notice: Option<String>,
    /// The reason codes a hidden block can have, in order (the content script sends their
    /// templates in the reader's language back, in the same order, with the badge's words).
    reasons: Vec<&'static str>,
}

/// What applies on `url`: `{host, flags, rules, diagnostics, notice, reasons, …}`.
#[wasm_bindgen]
pub fn site_config(sync: JsValue, local: JsValue, url: &str) -> Result<JsValue, JsValue> {
    let loaded = settings::load(&area(sync), &area(local));
    let host = rules::host_of(url).unwrap_or_default();
    let set = rules::parse(&loaded.settings.rules);
    to_js(&SiteConfig {
        opaque: byline::page::opaque_selector(),
        attrs: byline::page::MODEL_ATTRS.join(","),
        full: byline::page::FULL_ATTRS_SELECTOR,
        hidden_attr: byline::plan::HIDDEN_ATTR,
        style: byline::plan::STYLE,
        flags: rules::effective(&loaded.settings.sites, &host),
        rules: set.for_host(&host).into_iter().map(RuleRef::from).collect(),
        diagnostics: set.diagnostics.len(),
        notice: loaded.notice,
        reasons: byline::plan::REASONS.iter().map(|&(_, name, _)| name).collect(),
        host,
    })
}

/// Builds the core's lexicon automata ahead of the first analysis (the worker calls this
/// when it starts).
#[wasm_bindgen]
pub fn prepare() {
    byline::analysis::prepare();
}

/// The hosts the user opted into auto-cleaning (`Settings::auto_clean_hosts`).
#[wasm_bindgen]
pub fn auto_clean_hosts(sync: JsValue, local: JsValue) -> Result<JsValue, JsValue> {
    to_js(&settings::load(&area(sync), &area(local)).settings.auto_clean_hosts())
}

/// The rules text with `host##selector` appended on a line of its own.
#[wasm_bindgen]
pub fn add_hide_rule(text: &str, host: &str, selector: &str) -> String {
    rules::append_hide_rule(text, host, selector)
}

/// The element picker's selector for the picked element and its ancestors
/// (`[{tag, id, classes, nth, same}]`, picked element first): `picker::selector`.
#[wasm_bindgen]
pub fn pick_selector(path: JsValue) -> Result<String, JsValue> {
    let path: Vec<PathStep> = from_js(path, "picker path")?;
    Ok(picker::selector(&path))
}
