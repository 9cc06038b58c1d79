//! The source badge: a `<byline-badge>` host with a closed shadow root, built only from
//! text nodes (never from page HTML), so neither page markup nor page CSS gets in.

use super::OWN_ATTR;
use crate::report::{days_between, Summary};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

/// Page and story dates further apart than this raise the date warning.
pub const DATE_WARNING_DAYS: i64 = 3;

const CSS: &str = ":host{all:initial;display:block;margin:8px 0}\
.b{font:13px/1.4 system-ui,sans-serif;color:#1f2328;background:#fff8dc;border:1px solid #c9b458;border-radius:6px;padding:6px 10px;max-width:48em}\
.w{color:#8a4b00;font-weight:600}\
summary{cursor:pointer;color:#555}\
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
    let s = &summary.source;
    let host = doc.create_element("byline-badge")?;
    host.set_attribute(OWN_ATTR, "badge")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    append(&root, &el(doc, "style", None, Some(CSS))?)?;
    let box_ = el(doc, "div", Some("b"), None)?;
    box_.set_attribute("role", "note")?;
    box_.set_attribute("aria-label", "Byline: where this story comes from")?;
    let mut line = format!("Byline · Source: {}", shown(s.original.as_deref().unwrap_or("unknown")));
    if let Some(r) = &s.republisher {
        line.push_str(&format!(" · republished by {}", shown(r)));
    }
    append(&box_, &el(doc, "div", Some("s"), Some(&line))?)?;
    if let (Some(story), Some(page)) = (&s.story_date, &s.page_date) {
        if days_between(story, page).is_some_and(|d| d.abs() > DATE_WARNING_DAYS) {
            let warn = format!("⚠ Story from {story}, page dated {page}");
            append(&box_, &el(doc, "div", Some("w"), Some(&warn))?)?;
        }
    }
    if !s.evidence.is_empty() || !summary.hidden.is_empty() {
        let details = el(doc, "details", None, None)?;
        let n = summary.hidden.len();
        append(&details, &el(doc, "summary", None, Some(&format!("Evidence · {n} blocks hidden")))?)?;
        let list = el(doc, "ul", None, None)?;
        for e in &s.evidence {
            append(&list, &el(doc, "li", None, Some(&format!("{}: {}", e.signal, shown(&e.text))))?)?;
        }
        for h in &summary.hidden {
            append(&list, &el(doc, "li", None, Some(&format!("hidden {}: {}", h.kind.as_str(), shown(&h.reason))))?)?;
        }
        details.append_child(&list)?;
        box_.append_child(&details)?;
    }
    root.append_child(&box_)?;
    Ok(host)
}
