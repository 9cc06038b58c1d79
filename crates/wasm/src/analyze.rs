//! `analyze_snapshot`: the whole analysis on a snapshot taken by the content script.
//!
//! It does not touch any DOM, so the same wasm answers in the content script (normal
//! pages) and in the extension's service worker (pages whose CSP forbids wasm in the
//! content script). It answers with plain data: which snapshot elements to hide and why,
//! where the badge goes and what it says. The content script's small applier
//! (extension/lib/apply.js) only carries that out.

use crate::exports::{from_js, rule_matches, RuleRef};
use crate::protocol::State;
use crate::{build_from_snapshot, field, node_matches, table_of, to_js};
use byline::badge::{shown, BadgeModel, BadgeStrings};
use byline::page::{NodeId, Page, NO_NODE};
use byline::plan::{Degraded, Kind, Mode, Options, ReasonCode, Source};
use byline::report::{summary, HiddenItem};
use byline::rules::Effective;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Every field may be missing: it then takes its default.
#[derive(Default, Deserialize)]
#[serde(default)]
struct Request {
    url: Option<String>,
    mode: Mode,
    flags: Effective,
    rules: Vec<RuleRef>,
    /// The badge's words from the extension's `_locales` (English when absent).
    strings: BadgeStrings,
    /// The element budget (None: the core's default).
    max_elements: Option<u32>,
}

#[derive(Serialize)]
struct HideOut {
    /// Index into the snapshot's element list.
    element: u32,
    kind: Kind,
    /// The English sentence, shown when the reader's language has no message for `code`.
    reason: String,
    code: ReasonCode,
    args: Vec<String>,
    text: String,
}

#[derive(Serialize)]
struct Anchor {
    element: u32,
    /// Insert the badge after the element (the headline) rather than before it.
    after: bool,
}

/// The source's names as page text may be shown outside the page (the toolbar button's
/// title): plain, one line, cut (`badge::shown`).
#[derive(Serialize)]
struct ShownSource {
    original: Option<String>,
    republisher: Option<String>,
}

impl From<&Source> for ShownSource {
    fn from(s: &Source) -> Self {
        ShownSource { original: s.original.as_deref().map(shown), republisher: s.republisher.as_deref().map(shown) }
    }
}

/// The summary's fields are written out rather than `#[serde(flatten)]`ed: flattening
/// serializes the struct as a map, through serde's generic map machinery (more wasm).
#[derive(Serialize)]
struct Analysis {
    state: State,
    is_article: bool,
    title: Option<String>,
    hidden: Vec<HiddenItem>,
    source: Source,
    #[serde(skip_serializing_if = "Option::is_none")]
    degraded: Option<Degraded>,
    shown: ShownSource,
    hide: Vec<HideOut>,
    anchor: Option<Anchor>,
    badge: Option<BadgeModel>,
    node_count: u32,
}

/// Analyses a snapshot (`{table, matches}` from snapshot.js) with a request
/// `{url, mode, flags, rules, strings, max_elements}` (rules in the order their selectors
/// were matched). Returns `{state: "cleaned"|"not_article"|"degraded", is_article, title,
/// hidden, source, shown, hide, anchor, badge, degraded?: {elements, budget, note}}`
/// ("degraded": above the element budget, nothing analysed or hidden).
#[wasm_bindgen]
pub fn analyze_snapshot(snapshot: JsValue, request: JsValue) -> Result<JsValue, JsValue> {
    analyze_timed(snapshot, request, &mut |_| {})
}

/// Milliseconds spent in each phase of `analyze_snapshot` (benchmarks): `[decode the
/// request and snapshot, build the page model, analyze, summarize and convert the answer,
/// free the model and plan]`.
#[wasm_bindgen]
pub fn profile_snapshot(snapshot: JsValue, request: JsValue) -> Result<Vec<f64>, JsValue> {
    let mut marks = vec![crate::now_ms()];
    analyze_timed(snapshot, request, &mut |_| marks.push(crate::now_ms()))?;
    // The model and the plan are freed as analyze_timed returns.
    marks.push(crate::now_ms());
    Ok(marks.windows(2).map(|w| w[1] - w[0]).collect())
}

/// A request and a snapshot decoded and built into the page model and the options.
struct Decoded {
    page: Page,
    element_of: Vec<u32>,
    options: Options,
    flags: Effective,
    strings: BadgeStrings,
}

fn decode(snapshot: JsValue, request: JsValue, mark: &mut dyn FnMut(&str)) -> Result<Decoded, JsValue> {
    let req: Request = if request.is_undefined() || request.is_null() { Request::default() } else { from_js(request, "request")? };
    let table = table_of(&snapshot)?;
    let raw: Vec<Option<Vec<u32>>> = serde_wasm_bindgen::from_value(field(&snapshot, "matches")?).unwrap_or_default();
    mark("decode");
    let (page, element_of) = build_from_snapshot(&table)?;
    mark("build");
    let options = Options {
        url: req.url,
        mode: req.mode,
        keep_clutter: !req.flags.hide_clutter,
        keep_captions: !req.flags.hide_captions,
        rule_matches: rule_matches(&req.rules, node_matches(&element_of, raw)),
        max_elements: req.max_elements,
    };
    Ok(Decoded { page, element_of, options, flags: req.flags, strings: req.strings })
}

/// The plan (what the CLI's `byline plan` prints) for a snapshot and a request as
/// `analyze_snapshot` takes them, as JSON text: the same snapshot path as the extension,
/// for the parity tests against the native adapter.
#[wasm_bindgen]
pub fn plan_snapshot(snapshot: JsValue, request: JsValue) -> Result<String, JsValue> {
    let d = decode(snapshot, request, &mut |_| {})?;
    let plan = byline::analyze(&d.page, &d.options);
    let value = to_js(&plan)?;
    js_sys::JSON::stringify(&value)?.as_string().ok_or_else(|| JsValue::from_str("stringify failed"))
}

fn analyze_timed(snapshot: JsValue, request: JsValue, mark: &mut dyn FnMut(&str)) -> Result<JsValue, JsValue> {
    let Decoded { page, element_of, options, flags, strings } = decode(snapshot, request, mark)?;
    let plan = byline::analyze(&page, &options);
    mark("analyze");
    let summary = summary(&page, &plan);
    let element = |n: NodeId| element_of.get(n as usize).copied().filter(|&i| i != NO_NODE);
    let hide = plan
        .hidden
        .iter()
        .zip(&summary.hidden)
        .filter_map(|(h, item)| {
            Some(HideOut {
                element: element(h.node)?,
                kind: h.kind,
                reason: h.reason.english(),
                code: h.reason.code,
                args: h.reason.args.clone(),
                text: item.text.clone(),
            })
        })
        .collect();
    let anchor = match (plan.title_node.and_then(element), plan.article_root.and_then(element)) {
        (Some(t), _) => Some(Anchor { element: t, after: true }),
        (None, Some(a)) => Some(Anchor { element: a, after: false }),
        _ => None,
    };
    let badge = (plan.is_article && flags.show_badge).then(|| byline::badge::model(&summary, &strings));
    let out = to_js(&Analysis {
        state: match (&plan.degraded, plan.is_article) {
            (Some(_), _) => State::Degraded,
            (None, true) => State::Cleaned,
            (None, false) => State::NotArticle,
        },
        shown: ShownSource::from(&summary.source),
        is_article: summary.is_article,
        title: summary.title,
        hidden: summary.hidden,
        source: summary.source,
        degraded: summary.degraded,
        hide,
        anchor,
        badge,
        node_count: plan.node_count,
    });
    mark("output");
    out
}
