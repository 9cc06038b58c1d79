//! Byline's wasm-bindgen surface: what the extension's JavaScript calls. The content script
//! walks the live DOM once (`snapshot.js`, shipped as `extension/pkg/snapshot.js`) into a
//! token table; [`build_from_snapshot`] turns that table into the core's page model, and
//! `analyze_snapshot` answers with plain data (which snapshot elements to hide and why,
//! where the badge goes and what it says) that `extension/lib/apply.js` carries out.
//! Settings, site rules and the element picker's selector are answered here too.
//!
//! It owns the crossing between JavaScript and the core, nothing else: no decision about a
//! page (that is `byline`'s), no DOM access (the content script reads and changes the
//! page), no parser. The same functions answer in the extension's worker and, when that
//! cannot serve, in the content script.

mod analyze;
mod exports;
mod protocol;

pub use analyze::{analyze_snapshot, plan_snapshot, profile_snapshot};
pub use exports::*;
pub use protocol::states;

use byline::page::{NodeId, Page, PageBuilder, NO_NODE};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Separates the tokens of a snapshot's table (see crates/wasm/snapshot.js for the format).
const SEP: char = '\u{FDD0}';

fn field(obj: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    js_sys::Reflect::get(obj, &JsValue::from_str(name))
}

/// A snapshot's token table (snapshot.js) → the page model, plus for each model node the
/// index of its element in the snapshot's element list (NO_NODE for text nodes).
pub fn build_from_snapshot(table: &str) -> Result<(Page, Vec<u32>), JsValue> {
    let mut tokens = table.split(SEP);
    let mut b = PageBuilder::new();
    let mut element_index = 0u32;
    let mut element_of: Vec<(NodeId, u32)> = Vec::new();
    while let Some(token) = tokens.next() {
        match token {
            "t" => b.text(tokens.next().unwrap_or("")),
            "c" => b.close(),
            // An empty table (a document without a root element).
            "" if table.is_empty() => {}
            _ => {
                let n: usize = token
                    .strip_prefix('o')
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| JsValue::from_str(&format!("bad snapshot token \"{}\"", token.chars().take(20).collect::<String>())))?;
                // A forged or corrupt count must not allocate without bound (an out-of-memory
                // abort is a trap): no element has more attributes than the table has bytes.
                let n = n.min(table.len());
                let tag = tokens.next().unwrap_or("");
                let attrs: Vec<(&str, &str)> = (0..n).map(|_| (tokens.next().unwrap_or(""), tokens.next().unwrap_or(""))).collect();
                if let Some(id) = b.open(tag, attrs) {
                    element_of.push((id, element_index));
                }
                element_index += 1;
            }
        }
    }
    let page = b.finish();
    let mut map = vec![NO_NODE; page.len()];
    for (id, idx) in element_of {
        map[id as usize] = idx;
    }
    Ok((page, map))
}

/// The token table of a snapshot object (`{table, …}`).
fn table_of(snap: &JsValue) -> Result<String, JsValue> {
    field(snap, "table")?.as_string().ok_or_else(|| JsValue::from_str("bad snapshot: no token table"))
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

