//! The browser adapter (wasm only). The shipped extension uses the snapshot path: the
//! content script walks the DOM once (snapshot.js), `analyze_snapshot` builds the page
//! model from that snapshot and answers with plain data, and the extension's JS applier
//! (extension/lib/apply.js) carries it out. The Rust DOM path (read the live document,
//! apply, badge, restore) is only for the browser unit tests and is behind the `testing`
//! feature, so the shipped wasm carries none of it.

mod extension;
#[cfg(feature = "testing")]
mod badge;
#[cfg(feature = "testing")]
mod live;

pub use extension::*;
#[cfg(feature = "testing")]
pub use live::*;

use crate::page::{NodeId, Page, PageBuilder, NO_NODE};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The attribute that marks a hidden block (valued with its kind) and the one stylesheet.
pub use crate::plan::{HIDDEN_ATTR, STYLE};
/// Marks Byline's own elements (stylesheet, badge host) so the walker skips them.
pub const OWN_ATTR: &str = "data-byline";

const OP_OPEN: u32 = 1;
const OP_TEXT: u32 = 2;
const OP_CLOSE: u32 = 3;

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
    // Through extension messaging a typed array arrives as a plain array: converted by the
    // engine in one call rather than element by element across the boundary.
    if js_sys::Array::is_array(&ops) {
        return Ok(js_sys::Uint32Array::new(&ops).to_vec());
    }
    Err(JsValue::from_str("bad snapshot ops: neither a Uint32Array nor an array"))
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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
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

