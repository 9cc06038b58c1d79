//! Where a page stands, as the extension's parts report it to each other: the one list of
//! state names, mirrored by `STATE` in extension/lib/protocol.js (tests/e2e/protocol.test.mjs
//! compares the two through [`states`]).

use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// The plan is applied: blocks hidden, badge shown.
    Cleaned,
    /// The core found no article: nothing hidden.
    NotArticle,
    /// Above the element budget: nothing analysed or hidden.
    Degraded,
    /// A click put the page back as it was.
    Restored,
    /// Auto-clean is off for this site.
    Skipped,
    /// Cleaning failed; a message says why.
    Error,
    /// The popup asked a page that is not cleaned.
    NotCleaned,
    /// The element picker is running.
    Picking,
}

/// Every state with its name, in declaration order.
const STATES: [(State, &str); 8] = [
    (State::Cleaned, "cleaned"),
    (State::NotArticle, "not_article"),
    (State::Degraded, "degraded"),
    (State::Restored, "restored"),
    (State::Skipped, "skipped"),
    (State::Error, "error"),
    (State::NotCleaned, "not_cleaned"),
    (State::Picking, "picking"),
];

// STATES lists the states in declaration order (`state as usize` finds its name).
const _: () = {
    let mut i = 0;
    while i < STATES.len() {
        assert!(STATES[i].0 as usize == i);
        i += 1;
    }
};

/// A state serializes as its name.
impl Serialize for State {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(STATES[*self as usize].1)
    }
}

/// Every state name, in declaration order.
#[wasm_bindgen]
pub fn states() -> js_sys::Array {
    STATES.iter().map(|&(_, name)| JsValue::from_str(name)).collect()
}
