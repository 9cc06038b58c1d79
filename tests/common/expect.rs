//! The checker of a fixture's expect.json (schema: the `about`, `url`, `article`, `source`
//! fields described in tests/fixtures/README.md) against the CLI's JSON report of the page
//! cleaned in tidy mode. One named check per expectation, each true or false:
//!
//! | check           | holds when                                                        |
//! |-----------------|-------------------------------------------------------------------|
//! | `keep`          | every `must_keep` snippet is in the visible text                  |
//! | `hide`          | no `must_hide` snippet is in the visible text                     |
//! | `caption`       | `repeated_caption` is visible exactly `caption_visible_times`     |
//! | `article`       | `is_article` is true exactly when `title` is not null             |
//! | `source.absent` | a non-article page (title null) reports no original source        |
//! | `source.<key>`  | each non-null expected source field matches: dates exactly, names |
//! |                 | when one contains the other or both name the same news agency     |
//!
//! Snippets compare after width folding, lower-casing and whitespace collapsing; captions
//! after also dropping whitespace, punctuation and symbols. The check names are those of the
//! shared scorer (`shared/eval/fixtures.py`), which the corpus-scale test
//! `corpus_shared_scorer_agrees_with_the_checker` holds this checker to, page by page.

use serde_json::Value;
use std::collections::BTreeMap;

/// Check name → passed.
pub type Checks = BTreeMap<String, bool>;

/// Folds the full-width forms of ASCII and the Unicode spaces (the part of NFKC's width
/// folding these pages need), lower-cases, and collapses whitespace.
pub fn norm(s: &str) -> String {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0xFF01..=0xFF5E => folded.push(char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap()),
            0x00A0 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => folded.push(' '),
            0x2026 => folded.push_str("..."),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Punctuation and symbols (Unicode categories P and S) of the scripts these pages use.
fn is_punct_or_symbol(c: char) -> bool {
    let n = c as u32;
    c.is_ascii_punctuation()
        || (matches!(n, 0xA1..=0xBF) && !matches!(n, 0xAA | 0xAD | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE))
        || matches!(n, 0xD7 | 0xF7)
        || matches!(n, 0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20CF)
        || (matches!(n, 0x2190..=0x2BFF) && !matches!(n, 0x2460..=0x24FF | 0x2776..=0x2793))
        || matches!(n, 0x3001..=0x3004 | 0x3008..=0x3020 | 0x3030 | 0x3036 | 0x3037 | 0x303D..=0x303F)
        || matches!(n, 0x30A0 | 0x30FB | 0xFE10..=0xFE19 | 0xFE30..=0xFE6B | 0xFF5F..=0xFF65 | 0xFFE0..=0xFFEE)
        || matches!(n, 0x1F000..=0x1FAFF)
}

/// `norm` without whitespace, punctuation or symbols: for counting caption copies.
pub fn squash(s: &str) -> String {
    norm(s).chars().filter(|&c| !c.is_whitespace() && !is_punct_or_symbol(c)).collect()
}

/// News agencies, each with the names a page may call it by (normalised).
const AGENCIES: &[&[&str]] = &[
    &["yonhap", "yonhap news agency", "연합뉴스", "韩联社", "韓聯社", "聯合ニュース"],
    &["xinhua", "xinhua news agency", "新华社", "新華社"],
    &["xinhuanet", "新华网", "新華網"],
    &["kyodo", "kyodo news", "共同", "共同通信", "共同社"],
    &["ap", "associated press", "the associated press", "ap통신", "美联社"],
    &["reuters", "路透社", "ロイター", "로이터"],
    &["afp", "agence france-presse", "france-presse", "法新社"],
    &["dpa", "deutsche presse-agentur"],
    &["efe", "agencia efe"],
    &["newsis", "뉴시스", "공감언론 뉴시스통신사"],
    &["china news service", "中新社"],
    &["chinanews.com", "中国新闻网", "中新网"],
];

fn agency(name: &str) -> Option<usize> {
    AGENCIES.iter().position(|names| names.contains(&name))
}

/// Whether the reported source name `got` names the expected `want`: the same agency (the
/// whole name or one part of a list like "Yonhap / 연합뉴스"), or one name contains the other.
pub fn same_source(want: &str, got: &str) -> bool {
    let (want, got) = (norm(want), norm(got));
    if got.is_empty() {
        return false;
    }
    if let Some(a) = agency(&want) {
        let parts = got.split(['(', ')', '/', ',', '·', '|']).map(str::trim);
        if std::iter::once(got.as_str()).chain(parts).any(|p| agency(p) == Some(a)) {
            return true;
        }
    }
    want.contains(&got) || got.contains(&want)
}

fn snippets(v: &Value) -> impl Iterator<Item = String> + '_ {
    v.as_array().into_iter().flatten().map(|s| norm(s.as_str().expect("snippets are strings")))
}

/// Every check of `expect` on `report` (the CLI's `--format json` document, tidy mode).
pub fn check(expect: &Value, report: &Value) -> Checks {
    let article = &expect["article"];
    let raw = report["visible_text"].as_str().unwrap_or_default();
    let visible = norm(raw);
    let mut checks = Checks::new();
    let mut put = |name: &str, ok: bool| checks.insert(name.to_string(), ok);
    put("keep", snippets(&article["must_keep"]).all(|s| visible.contains(&s)));
    put("hide", !snippets(&article["must_hide"]).any(|s| visible.contains(&s)));
    if let Some(caption) = article["repeated_caption"].as_str().filter(|c| !c.is_empty()) {
        let times = squash(raw).matches(&squash(caption)).count();
        put("caption", article["caption_visible_times"].as_u64() == Some(times as u64));
    }
    let is_article = !article["title"].is_null();
    put("article", report["is_article"].as_bool() == Some(is_article));
    let source = &report["source"];
    if !is_article {
        put("source.absent", source["original"].as_str().is_none_or(str::is_empty));
    }
    for (key, want) in expect["source"].as_object().into_iter().flatten() {
        let Some(want) = want.as_str() else { continue };
        let got = source[key.as_str()].as_str();
        let ok = if key.ends_with("date") { got == Some(want) } else { same_source(want, got.unwrap_or_default()) };
        put(&format!("source.{key}"), ok);
    }
    checks
}
