//! Draws the source badge (wasm `toggle` path): a `<byline-badge>` host with a closed
//! shadow root, built only from text nodes of a [`BadgeModel`] (never from page HTML), so
//! neither page markup nor page CSS gets in. The extension's own applier draws the same
//! model in `extension/lib/apply.js`.

use super::OWN_ATTR;
use crate::badge::BadgeModel;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

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

fn append(parent: &impl AsRef<web_sys::Node>, child: &Element) -> Result<(), JsValue> {
    parent.as_ref().append_child(child)?;
    Ok(())
}

pub fn build(doc: &Document, model: &BadgeModel) -> Result<Element, JsValue> {
    let host = doc.create_element("byline-badge")?;
    host.set_attribute(OWN_ATTR, "badge")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
    append(&root, &el(doc, "style", None, Some(model.css))?)?;
    let box_ = el(doc, "div", Some("b"), None)?;
    box_.set_attribute("role", "note")?;
    box_.set_attribute("aria-label", &model.label)?;
    append(&box_, &el(doc, "div", Some("s"), Some(&model.line))?)?;
    if let Some(warn) = &model.warning {
        let w = el(doc, "div", Some("w"), Some(warn))?;
        w.set_attribute("role", "status")?;
        append(&box_, &w)?;
    }
    if let Some(summary) = &model.details {
        let details = el(doc, "details", None, None)?;
        append(&details, &el(doc, "summary", None, Some(summary))?)?;
        let list = el(doc, "ul", None, None)?;
        for item in &model.items {
            append(&list, &el(doc, "li", None, Some(item))?)?;
        }
        append(&details, &list)?;
        append(&box_, &details)?;
    }
    append(&root, &box_)?;
    Ok(host)
}
