//! The source badge: a `<byline-badge>` host with a closed shadow root, built only from
//! text nodes (never from page HTML), so neither page markup nor page CSS gets in.

use super::OWN_ATTR;
use crate::report::{days_between, Summary};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

/// The badge's words in one language. Until the extension's `_locales` carry them, they
/// live here, keyed by `navigator.language`-style codes.
pub struct Strings {
    pub label: &'static str,
    pub source: &'static str,
    pub unknown: &'static str,
    /// "{site}" is replaced by the republishing site.
    pub republished_by: &'static str,
    /// "{story}" and "{page}" are replaced by the dates.
    pub date_warning: &'static str,
    /// "{n}" is replaced by the number of hidden blocks.
    pub evidence: &'static str,
    pub hidden: &'static str,
}

const EN: Strings = Strings {
    label: "Byline: where this story comes from",
    source: "Source",
    unknown: "unknown",
    republished_by: "republished by {site}",
    date_warning: "⚠ Story from {story}, page dated {page}",
    evidence: "Evidence · {n} blocks hidden",
    hidden: "hidden",
};
const ZH: Strings = Strings {
    label: "Byline：这篇报道的来源",
    source: "来源",
    unknown: "未知",
    republished_by: "{site} 转载",
    date_warning: "⚠ 报道日期 {story}，页面日期 {page}",
    evidence: "依据 · 已隐藏 {n} 处",
    hidden: "已隐藏",
};
const KO: Strings = Strings {
    label: "Byline: 이 기사의 출처",
    source: "출처",
    unknown: "알 수 없음",
    republished_by: "{site} 재게재",
    date_warning: "⚠ 기사 날짜 {story}, 페이지 날짜 {page}",
    evidence: "근거 · 숨긴 블록 {n}개",
    hidden: "숨김",
};
const JA: Strings = Strings {
    label: "Byline：この記事の出どころ",
    source: "出典",
    unknown: "不明",
    republished_by: "{site} が転載",
    date_warning: "⚠ 記事の日付 {story}、ページの日付 {page}",
    evidence: "根拠 · 非表示 {n} 件",
    hidden: "非表示",
};

/// The strings for a language code ("zh-CN", "ko", "ja-JP", …); English otherwise.
pub fn strings(lang: &str) -> &'static Strings {
    match lang.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase().as_str() {
        "zh" => &ZH,
        "ko" => &KO,
        "ja" => &JA,
        _ => &EN,
    }
}

/// The reader's language: `navigator.language`, else the page's `<html lang>`.
fn reader_language(doc: &Document) -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .or_else(|| doc.document_element().and_then(|e| e.get_attribute("lang")))
        .unwrap_or_default()
}

/// Page and story dates further apart than this raise the date warning. One day of slack
/// covers time zones (a story filed late on the 12th in Santiago is the 13th in Seoul);
/// a matome that re-dates a story by three days is already worth a warning.
pub const DATE_WARNING_DAYS: i64 = 1;

const CSS: &str = ":host{all:initial;display:block;margin:8px 0}\
.b{font:13px/1.4 system-ui,sans-serif;color:#1f2328;background:#fff8dc;border:1px solid #c9b458;border-radius:6px;padding:6px 10px;max-width:48em}\
.w{color:#8a4b00;font-weight:600}\
summary{cursor:pointer;color:#555}\
summary:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}\
li{margin:2px 0}\
@media (prefers-color-scheme:dark){.b{color:#e6edf3;background:#2d2a1e;border-color:#8a7a3a}.w{color:#f0b45a}summary{color:#aaa}}";

fn el(doc: &Document, tag: &str, class: Option<&str>, text: Option<&str>) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if let Some(c) = class {
        e.set_attribute("class", c)?;
    }
    if let Some(t) = text {
        e.set_text_content(Some(t));
    }
    Ok(e)
}

/// Shown text is cut to this many characters (hostile pages can put anything in metadata).
const MAX_SHOWN: usize = 120;

fn shown(s: &str) -> String {
    crate::text::truncate(&crate::text::collapse(s), MAX_SHOWN)
}

fn append(parent: &impl AsRef<web_sys::Node>, child: &Element) -> Result<(), JsValue> {
    parent.as_ref().append_child(child)?;
    Ok(())
}

pub fn build(doc: &Document, summary: &Summary) -> Result<Element, JsValue> {
    build_in(doc, summary, strings(&reader_language(doc)))
}

pub fn build_in(doc: &Document, summary: &Summary, t: &Strings) -> Result<Element, JsValue> {
    let s = &summary.source;
    let host = doc.create_element("byline-badge")?;
    host.set_attribute(OWN_ATTR, "badge")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    append(&root, &el(doc, "style", None, Some(CSS))?)?;
    let box_ = el(doc, "div", Some("b"), None)?;
    box_.set_attribute("role", "note")?;
    box_.set_attribute("aria-label", t.label)?;
    let mut line = format!("Byline · {}: {}", t.source, shown(s.original.as_deref().unwrap_or(t.unknown)));
    if let Some(r) = &s.republisher {
        line.push_str(" · ");
        line.push_str(&t.republished_by.replace("{site}", &shown(r)));
    }
    append(&box_, &el(doc, "div", Some("s"), Some(&line))?)?;
    if let (Some(story), Some(page)) = (&s.story_date, &s.page_date) {
        if days_between(story, page).is_some_and(|d| d.abs() > DATE_WARNING_DAYS) {
            let warn = t.date_warning.replace("{story}", story).replace("{page}", page);
            let w = el(doc, "div", Some("w"), Some(&warn))?;
            w.set_attribute("role", "status")?;
            append(&box_, &w)?;
        }
    }
    if !s.evidence.is_empty() || !summary.hidden.is_empty() {
        let details = el(doc, "details", None, None)?;
        let n = summary.hidden.len();
        append(&details, &el(doc, "summary", None, Some(&t.evidence.replace("{n}", &n.to_string())))?)?;
        let list = el(doc, "ul", None, None)?;
        for e in &s.evidence {
            append(&list, &el(doc, "li", None, Some(&format!("{}: {}", e.signal, shown(&e.text))))?)?;
        }
        for h in &summary.hidden {
            append(&list, &el(doc, "li", None, Some(&format!("{} {}: {}", t.hidden, h.kind.as_str(), shown(&h.reason))))?)?;
        }
        details.append_child(&list)?;
        box_.append_child(&details)?;
    }
    root.append_child(&box_)?;
    Ok(host)
}
