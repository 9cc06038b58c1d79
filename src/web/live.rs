//! The Rust DOM path (feature `testing`, for the browser unit tests in tests/web.rs):
//! live DOM → page model in one bulk read through the same snapshot walker, plan → live
//! DOM by a data attribute and one stylesheet, the badge in a closed shadow root built
//! from text, and an exact restore. The extension does this in JS (extension/lib/apply.js).

use super::{badge, build_from_snapshot, field, node_matches, table_of, to_js, HIDDEN_ATTR, OWN_ATTR, STYLE};
use crate::page::{NodeId, Page, NO_NODE};
use crate::plan::{Options, Plan};
use crate::report::{summary, Summary};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

#[wasm_bindgen(module = "/src/web/snapshot.js")]
extern "C" {
    fn snapshot_document(opaque: &str, attrs: &str, full: &str, selectors: &js_sys::Array) -> JsValue;
}

/// The page model of the live document, and the DOM element of each model element.
pub struct LivePage {
    pub page: Page,
    elements: js_sys::Array,
    /// Model node id → index into `elements` (NO_NODE for text nodes).
    element_of: Vec<u32>,
}

impl LivePage {
    pub fn element(&self, id: NodeId) -> Option<Element> {
        let idx = *self.element_of.get(id as usize)?;
        if idx == NO_NODE {
            return None;
        }
        self.elements.get(idx).dyn_into::<Element>().ok()
    }
}

/// Reads the live document into the page model: one JS call, one copy of the token table.
pub fn read_document() -> Result<LivePage, JsValue> {
    read_document_matching(&[]).map(|(live, _)| live)
}

/// Like [`read_document`], also matching `selectors` in the same walk: for each selector
/// the model ids it matched, or None when the browser cannot compile it.
pub fn read_document_matching(selectors: &[&str]) -> Result<(LivePage, Vec<Option<Vec<NodeId>>>), JsValue> {
    let list: js_sys::Array = selectors.iter().map(|s| JsValue::from_str(s)).collect();
    let snap = snapshot_document(&crate::page::opaque_selector(), &crate::page::MODEL_ATTRS.join(","), crate::page::FULL_ATTRS_SELECTOR, &list);
    let table = table_of(&snap)?;
    let elements = field(&snap, "elements")?.dyn_into::<js_sys::Array>()?;
    let (page, element_of) = build_from_snapshot(&table)?;
    let raw: Vec<Option<Vec<u32>>> = serde_wasm_bindgen::from_value(field(&snap, "matches")?).unwrap_or_default();
    let matches = node_matches(&element_of, raw);
    Ok((LivePage { page, elements, element_of }, matches))
}

/// What `toggle` changed, so restore can undo exactly that.
struct Applied {
    hidden: Vec<Element>,
    added: Vec<Element>,
}

thread_local! {
    static APPLIED: RefCell<Option<Applied>> = const { RefCell::new(None) };
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

fn apply(live: &LivePage, plan: &Plan, summary: &Summary) -> Result<Applied, JsValue> {
    let doc = document()?;
    let mut applied = Applied { hidden: Vec::new(), added: Vec::new() };
    let style = doc.create_element("style")?;
    style.set_attribute(OWN_ATTR, "style")?;
    style.set_text_content(Some(STYLE));
    match doc.head() {
        Some(head) => head.append_child(&style)?,
        None => doc.document_element().ok_or("no root element")?.append_child(&style)?,
    };
    applied.added.push(style);
    for h in &plan.hidden {
        let Some(el) = live.element(h.node) else { continue };
        // An attribute the page set itself is not ours to remove on restore.
        if el.has_attribute(HIDDEN_ATTR) {
            continue;
        }
        el.set_attribute(HIDDEN_ATTR, h.kind.as_str())?;
        applied.hidden.push(el);
    }
    let host = badge::build(&doc, &crate::badge::model(summary, &crate::badge::BadgeStrings::default()))?;
    let anchor = plan.title_node.or(plan.article_root).and_then(|n| live.element(n));
    match anchor {
        Some(a) if plan.title_node.is_some() => a.after_with_node_1(&host)?,
        Some(a) => a.before_with_node_1(&host)?,
        None => {
            doc.body().ok_or("no body")?.prepend_with_node_1(&host)?;
        }
    }
    applied.added.push(host);
    Ok(applied)
}

fn restore_applied(applied: Applied) {
    for el in applied.hidden {
        let _ = el.remove_attribute(HIDDEN_ATTR);
    }
    for el in applied.added {
        el.remove();
    }
}

#[derive(Serialize)]
struct ToggleResult {
    state: &'static str,
    #[serde(flatten)]
    summary: Option<Summary>,
}

fn options_from(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("bad options: {e}")))
}

/// Cleans the page, or restores it when it is already cleaned. Returns
/// `{state: "cleaned"|"restored"|"not_article", is_article, title, hidden, source}`.
#[wasm_bindgen]
pub fn toggle(options: JsValue) -> Result<JsValue, JsValue> {
    if let Some(applied) = APPLIED.with(|a| a.borrow_mut().take()) {
        restore_applied(applied);
        return to_js(&ToggleResult { state: "restored", summary: None });
    }
    let options = options_from(options)?;
    let live = read_document()?;
    let plan = crate::analyze(&live.page, &options);
    let summary = summary(&live.page, &plan);
    if !plan.is_article {
        let state = if plan.degraded.is_some() { "degraded" } else { "not_article" };
        return to_js(&ToggleResult { state, summary: Some(summary) });
    }
    let applied = apply(&live, &plan, &summary)?;
    APPLIED.with(|a| *a.borrow_mut() = Some(applied));
    to_js(&ToggleResult { state: "cleaned", summary: Some(summary) })
}

/// Restores the page if it is cleaned; returns whether anything was restored.
#[wasm_bindgen]
pub fn restore() -> bool {
    match APPLIED.with(|a| a.borrow_mut().take()) {
        Some(applied) => {
            restore_applied(applied);
            true
        }
        None => false,
    }
}

#[wasm_bindgen]
pub fn is_cleaned() -> bool {
    APPLIED.with(|a| a.borrow().is_some())
}
