//! What the source badge says, as plain data: one model for every way the badge is drawn
//! (the extension's applier, the wasm `toggle` path). Its words come from the extension's
//! `_locales` (passed in as [`BadgeStrings`]); English is the fallback.

use crate::plan::Reason;
use crate::report::{days_between, Summary};
use serde::{Deserialize, Serialize};

/// Page and story dates further apart than this raise the date warning. One day of slack
/// covers time zones (a story filed late on the 12th in Santiago is the 13th in Seoul);
/// a matome that re-dates a story by three days is already worth a warning.
const DATE_WARNING_DAYS: i64 = 1;

/// Shown text is cut to this many characters (hostile pages can put anything in metadata).
const MAX_SHOWN: usize = 120;

/// The badge's style, inside its closed shadow root (no page CSS gets in or out).
/// `!important` on `:host`: for important declarations the shadow tree's own rules win
/// over the page's, so a page rule on `byline-badge` cannot hide, move or restyle it.
const CSS: &str = ":host{all:initial!important;display:block!important;margin:8px 0!important;position:static!important;visibility:visible!important;opacity:1!important}\
.b{font:13px/1.4 system-ui,sans-serif;color:#1f2328;background:#fff8dc;border:1px solid #c9b458;border-radius:6px;padding:6px 10px;max-width:48em}\
.w{color:#8a4b00;font-weight:600}\
summary{cursor:pointer;color:#555}\
summary:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}\
li{margin:2px 0}\
@media (prefers-color-scheme:dark){.b{color:#e6edf3;background:#2d2a1e;border-color:#8a7a3a}.w{color:#f0b45a}summary{color:#aaa}}";

/// The badge's words in the reader's language (the extension reads them from `_locales`).
/// Placeholders: `{site}`, `{story}`, `{page}`, `{n}`; in `reasons`, `$1`, `$2`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BadgeStrings {
    pub label: String,
    pub source: String,
    pub unknown: String,
    pub republished_by: String,
    pub date_warning: String,
    pub evidence: String,
    pub hidden: String,
    /// The hidden blocks' reasons: a template for each reason code, in the order of
    /// `plan::REASONS`; a missing or empty one falls back to English.
    pub reasons: Vec<String>,
}

impl Default for BadgeStrings {
    fn default() -> Self {
        BadgeStrings {
            label: "Byline: where this story comes from".into(),
            source: "Source".into(),
            unknown: "unknown".into(),
            republished_by: "republished by {site}".into(),
            date_warning: "⚠ Story from {story}, page dated {page}".into(),
            evidence: "Evidence · {n} blocks hidden".into(),
            hidden: "hidden".into(),
            reasons: Vec::new(),
        }
    }
}

/// What the badge shows; drawn from text nodes only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BadgeModel {
    pub css: &'static str,
    /// The accessible name of the badge.
    pub label: String,
    /// "Byline · Source: Yonhap · republished by 淄博新闻网"
    pub line: String,
    /// Shown when the page's and the story's dates are more than a day apart.
    pub warning: Option<String>,
    /// The summary line of the expandable evidence list.
    pub details: Option<String>,
    pub items: Vec<String>,
}

/// Bidirectional controls (embeddings, overrides, isolates, marks): a page's text must not
/// reverse or reorder the badge's own words around it.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// Page text as the badge shows it: plain, one line, no bidi or other control
/// characters, at most [`MAX_SHOWN`] characters.
pub fn shown(s: &str) -> String {
    let plain: String = s.chars().filter(|&c| !is_bidi_control(c) && (!c.is_control() || c.is_whitespace())).collect();
    crate::text::truncate(&crate::text::collapse(&plain), MAX_SHOWN)
}

impl BadgeStrings {
    /// These strings with every empty one replaced by its English default.
    fn or_english(&self) -> BadgeStrings {
        let en = BadgeStrings::default();
        let pick = |mine: &String, english: String| if mine.trim().is_empty() { english } else { mine.clone() };
        BadgeStrings {
            label: pick(&self.label, en.label),
            source: pick(&self.source, en.source),
            unknown: pick(&self.unknown, en.unknown),
            republished_by: pick(&self.republished_by, en.republished_by),
            date_warning: pick(&self.date_warning, en.date_warning),
            evidence: pick(&self.evidence, en.evidence),
            hidden: pick(&self.hidden, en.hidden),
            reasons: self.reasons.clone(),
        }
    }

    /// `reason` in these strings' language.
    fn reason(&self, reason: &Reason) -> String {
        match self.reasons.get(reason.code.index()).filter(|t| !t.trim().is_empty()) {
            Some(template) => reason.render(template),
            None => reason.english(),
        }
    }
}

pub fn model(summary: &Summary, strings: &BadgeStrings) -> BadgeModel {
    let t = strings.or_english();
    let src = &summary.source;
    let original = src.original.as_deref().map_or_else(|| t.unknown.clone(), shown);
    let mut line = format!("Byline · {}: {}", t.source, original);
    if let Some(r) = &src.republisher {
        line.push_str(" · ");
        line.push_str(&t.republished_by.replace("{site}", &shown(r)));
    }
    let warning = match (&src.story_date, &src.page_date) {
        (Some(story), Some(page)) if days_between(story, page).is_some_and(|d| d.abs() > DATE_WARNING_DAYS) => {
            Some(t.date_warning.replace("{story}", story).replace("{page}", page))
        }
        _ => None,
    };
    let mut items: Vec<String> = src.evidence.iter().map(|e| format!("{}: {}", e.signal, shown(&e.text))).collect();
    items.extend(summary.hidden.iter().map(|h| format!("{} {}: {}", t.hidden, h.kind.as_str(), shown(&t.reason(&h.reason)))));
    let details = (!items.is_empty()).then(|| t.evidence.replace("{n}", &summary.hidden.len().to_string()));
    BadgeModel { css: CSS, label: t.label, line, warning, details, items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Source;

    fn summary(story: &str, page: &str) -> Summary {
        Summary {
            is_article: true,
            title: Some("t".into()),
            hidden: vec![],
            source: Source {
                original: Some("Yonhap".into()),
                republisher: Some("淄博新闻网".into()),
                story_date: Some(story.into()),
                page_date: Some(page.into()),
                ..Source::default()
            },
            degraded: None,
        }
    }

    #[test]
    fn english_by_default_and_warning_past_one_day() {
        let m = model(&summary("2022-11-23", "2024-09-22"), &BadgeStrings::default());
        assert_eq!(m.line, "Byline · Source: Yonhap · republished by 淄博新闻网");
        assert_eq!(m.warning.as_deref(), Some("⚠ Story from 2022-11-23, page dated 2024-09-22"));
        assert_eq!(model(&summary("2025-06-12", "2025-06-13"), &BadgeStrings::default()).warning, None);
    }

    #[test]
    fn localized_words_and_fallback_for_missing_ones() {
        let ko = BadgeStrings { source: "출처".into(), republished_by: "{site} 재게재".into(), ..BadgeStrings { label: String::new(), ..BadgeStrings::default() } };
        let m = model(&summary("2025-09-04", "2025-09-07"), &ko);
        assert_eq!(m.line, "Byline · 출처: Yonhap · 淄博新闻网 재게재");
        assert_eq!(m.label, "Byline: where this story comes from", "an empty string falls back to English");
    }

    #[test]
    fn reasons_in_the_given_language_or_english() {
        use crate::plan::{Kind, ReasonCode};
        use crate::report::HiddenItem;
        let mut s = summary("2025-01-01", "2025-01-01");
        let item = |code, args: &[&str]| HiddenItem {
            kind: Kind::FriendLinks,
            reason: Reason { code, args: args.iter().map(|a| a.to_string()).collect() },
            text: String::new(),
        };
        s.hidden = vec![item(ReasonCode::HeadingOverLinks, &["友情链接", "4"]), item(ReasonCode::PrevNext, &[])];
        let mut reasons = vec![String::new(); crate::plan::REASONS.len()];
        reasons[ReasonCode::HeadingOverLinks.index()] = "見出し「$1」の下のリンク $2 件".into();
        let ja = BadgeStrings { reasons, ..BadgeStrings::default() };
        assert_eq!(model(&s, &ja).items, ["hidden friend_links: 見出し「友情链接」の下のリンク 4 件", "hidden friend_links: previous/next article links"]);
        assert_eq!(model(&s, &BadgeStrings::default()).items[0], "hidden friend_links: “友情链接” heading over 4 links");
    }

    #[test]
    fn hostile_text_is_cut() {
        let mut s = summary("2025-01-01", "2025-01-01");
        s.source.original = Some("<script>".repeat(100));
        let m = model(&s, &BadgeStrings::default());
        assert!(m.line.chars().count() < 200 && m.line.contains("<script>"), "shown as text, truncated: {}", m.line);
    }

    #[test]
    fn bidi_and_control_characters_are_dropped() {
        let mut s = summary("2025-01-01", "2025-01-01");
        s.source.original = Some("\u{202e}pahnoY\u{2066}x\u{0}\u{7}".into());
        let m = model(&s, &BadgeStrings::default());
        assert_eq!(m.line, "Byline · Source: pahnoYx · republished by 淄博新闻网");
    }
}
