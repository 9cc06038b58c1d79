//! The browser adapter (wasm only): live DOM → page model in one bulk read, plan → live
//! DOM by a data attribute and one stylesheet, the badge in a closed shadow root built
//! from text, and an exact restore.

mod badge;
mod extension;

pub use extension::*;

use crate::page::{NodeId, Page, PageBuilder, NO_NODE, OPAQUE_TAGS};
use crate::plan::{Options, Plan};
use crate::report::{summary, Summary};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The attribute that marks a hidden block (valued with its kind) and the one stylesheet.
pub use crate::plan::{HIDDEN_ATTR, STYLE};
/// Marks Byline's own elements (stylesheet, badge host) so the walker skips them.
pub const OWN_ATTR: &str = "data-byline";

#[wasm_bindgen(module = "/src/web/snapshot.js")]
extern "C" {
    fn snapshot_document(opaque: &str, attrs: &str, selectors: &js_sys::Array) -> JsValue;
}

const OP_OPEN: u32 = 1;
const OP_TEXT: u32 = 2;
const OP_CLOSE: u32 = 3;

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

fn field(obj: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name))
}

/// A snapshot's op list and string table → the page model, plus for each model node the
/// index of its element in the snapshot's element list (NO_NODE for text nodes).
/// Shared by the live reader and `analyze_snapshot` (a snapshot sent from a content script).
pub fn build_from_snapshot(ops: &[u32], strings: &str) -> Result<(Page, Vec<u32>), JsValue> {
    let mut strs = strings.split('\0');
    let mut next = || strs.next().unwrap_or("");
    let mut b = PageBuilder::new();
    let mut element_index = 0u32;
    let mut element_of: Vec<(NodeId, u32)> = Vec::new();
    let mut i = 0;
    while i < ops.len() {
        match ops[i] {
            OP_OPEN => {
                // A forged or corrupt count must not allocate without bound (an out-of-memory
                // abort is a trap): no element has more attributes than the table has strings.
                let n = (ops.get(i + 1).copied().unwrap_or(0) as usize).min(strings.len());
                let tag = next();
                let attrs: Vec<(&str, &str)> = (0..n).map(|_| (next(), next())).collect();
                if let Some(id) = b.open(tag, attrs) {
                    element_of.push((id, element_index));
                }
                element_index += 1;
                i += 2;
            }
            OP_TEXT => {
                b.text(next());
                i += 1;
            }
            OP_CLOSE => {
                b.close();
                i += 1;
            }
            other => return Err(JsValue::from_str(&format!("bad snapshot op {other}"))),
        }
    }
    let page = b.finish();
    let mut map = vec![NO_NODE; page.len()];
    for (id, idx) in element_of {
        map[id as usize] = idx;
    }
    Ok((page, map))
}

fn ops_of(snap: &JsValue) -> Result<Vec<u32>, JsValue> {
    let ops = field(snap, "ops")?;
    if let Some(typed) = ops.dyn_ref::<js_sys::Uint32Array>() {
        return Ok(typed.to_vec());
    }
    // Through extension messaging a typed array arrives as a plain array.
    serde_wasm_bindgen::from_value(ops).map_err(|e| JsValue::from_str(&format!("bad snapshot ops: {e}")))
}

/// Reads the live document into the page model: one JS call, one copy of the ops and
/// one of the string table.
pub fn read_document() -> Result<LivePage, JsValue> {
    read_document_matching(&[]).map(|(live, _)| live)
}

/// Like [`read_document`], also matching `selectors` in the same walk: for each selector
/// the model ids it matched, or None when the browser cannot compile it.
pub fn read_document_matching(selectors: &[&str]) -> Result<(LivePage, Vec<Option<Vec<NodeId>>>), JsValue> {
    let list: js_sys::Array = selectors.iter().map(|s| JsValue::from_str(s)).collect();
    let snap = snapshot_document(&OPAQUE_TAGS.join(","), &crate::page::MODEL_ATTRS.join(","), &list);
    let ops = ops_of(&snap)?;
    let strings = field(&snap, "strings")?.as_string().unwrap_or_default();
    let elements = field(&snap, "elements")?.dyn_into::<js_sys::Array>()?;
    let (page, element_of) = build_from_snapshot(&ops, &strings)?;
    let raw: Vec<Option<Vec<u32>>> = serde_wasm_bindgen::from_value(field(&snap, "matches")?).unwrap_or_default();
    let matches = node_matches(&element_of, raw);
    Ok((LivePage { page, elements, element_of }, matches))
}

/// Element indices (per selector) → model node ids, in document order.
fn node_matches(element_of: &[u32], raw: Vec<Option<Vec<u32>>>) -> Vec<Option<Vec<NodeId>>> {
    let mut node_of = std::collections::HashMap::new();
    for (id, &idx) in element_of.iter().enumerate() {
        if idx != NO_NODE {
            node_of.insert(idx, id as NodeId);
        }
    }
    raw.into_iter()
        .map(|m| {
            m.map(|idxs| {
                let mut ids: Vec<NodeId> = idxs.iter().filter_map(|i| node_of.get(i).copied()).collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
        })
        .collect()
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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
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

/// The plan for the live document as JSON, without touching the page (parity tests).
/// `rules`: a rules text; the rules for the host of `url` are matched and applied.
#[wasm_bindgen]
pub fn plan_json(url: Option<String>, rules: Option<String>) -> Result<String, JsValue> {
    let set = crate::rules::parse(rules.as_deref().unwrap_or(""));
    let host = url.as_deref().and_then(crate::rules::host_of).unwrap_or_default();
    let for_host = set.for_host(&host);
    let selectors: Vec<&str> = for_host.iter().map(|r| r.selector.as_str()).collect();
    let (live, matches) = read_document_matching(&selectors)?;
    let rule_matches = rule_matches(&for_host.iter().map(|r| RuleRef::from(*r)).collect::<Vec<_>>(), matches);
    let plan = crate::analyze(&live.page, &Options { url, rule_matches, ..Options::default() });
    let value = to_js(&plan)?;
    js_sys::JSON::stringify(&value)?.as_string().ok_or_else(|| JsValue::from_str("stringify failed"))
}

/// The page model of the live document as JSON (browser unit tests).
#[wasm_bindgen]
pub fn page_model_json() -> Result<String, JsValue> {
    let live = read_document()?;
    let nodes: Vec<(u32, u32, &str, Option<&str>)> = (0..live.page.len() as NodeId)
        .map(|i| (live.page.node(i).parent, live.page.end(i), live.page.tag(i), live.page.text(i)))
        .collect();
    let value = to_js(&nodes)?;
    js_sys::JSON::stringify(&value)?.as_string().ok_or_else(|| JsValue::from_str("stringify failed"))
}

/// `performance.now()`, or 0 where there is none.
fn now_ms() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .and_then(|perf| {
            let now = js_sys::Reflect::get(&perf, &"now".into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
            now.call0(&perf).ok()?.as_f64()
        })
        .unwrap_or(0.0)
}

/// Milliseconds spent in each phase of a clean, without touching the page (benchmarks):
/// `[read DOM into the page model, analyze, summarize]`.
#[wasm_bindgen]
pub fn profile_phases(url: Option<String>) -> Result<Vec<f64>, JsValue> {
    let t0 = now_ms();
    let live = read_document()?;
    let t1 = now_ms();
    let plan = crate::analyze(&live.page, &Options { url, ..Options::default() });
    let t2 = now_ms();
    let s = summary(&live.page, &plan);
    let t3 = now_ms();
    std::hint::black_box(s);
    Ok(vec![t1 - t0, t2 - t1, t3 - t2])
}
