//! What the extension calls: settings in and out of storage, the site configuration for a
//! page, rule checking for the options page, the element picker's selector, and
//! `analyze_snapshot` — the whole analysis on a snapshot taken by the content script.
//!
//! `analyze_snapshot` does not touch any DOM, so the same wasm answers in the content
//! script (normal pages) and in the extension's service worker (pages whose CSP forbids
//! wasm in the content script). It answers with plain data: which snapshot elements to
//! hide and why, where the badge goes and what it says. The content script's small
//! applier (extension/apply.js) only carries that out.

use crate::{build_from_snapshot, field, node_matches, table_of, to_js};
use byline::page::{NodeId, NO_NODE};
use byline::plan::{Kind, Mode, Options};
use byline::report::{summary, Summary};
use byline::rules::{self, Effective, Rule, RuleMatch};
use byline::settings::{self, Area, Settings};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsValue::from_str(&format!("bad {what}: {e}")))
}

fn area(value: JsValue) -> Area {
    if value.is_undefined() || value.is_null() {
        return Area::new();
    }
    // An area whose items cannot even be listed is treated like one whose settings item is
    // unreadable: `settings::load` then resets with a notice.
    from_js(value, "storage area").unwrap_or_else(|_| {
        let mut a = Area::new();
        a.insert(settings::HEAD_KEY.into(), settings::Item::Text(String::new()));
        a
    })
}

/// A rule as the content script needs it: its selector to match, and what to report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RuleRef {
    pub line: u32,
    pub keep: bool,
    pub selector: String,
    pub rule: String,
}

impl From<&Rule> for RuleRef {
    fn from(r: &Rule) -> Self {
        RuleRef { line: r.line, keep: r.keep, selector: r.selector.clone(), rule: r.text() }
    }
}

/// Pairs the rules with what their selectors matched; a selector the browser could not
/// compile (None) is left out.
pub fn rule_matches(rules: &[RuleRef], matches: Vec<Option<Vec<NodeId>>>) -> Vec<RuleMatch> {
    rules
        .iter()
        .zip(matches)
        .filter_map(|(r, m)| Some(RuleMatch { line: r.line, keep: r.keep, rule: r.rule.clone(), nodes: m? }))
        .collect()
}

/// Settings from the two storage areas' contents: `{settings, notice, area, from_schema}`.
#[wasm_bindgen]
pub fn load_settings(sync: JsValue, local: JsValue) -> Result<JsValue, JsValue> {
    to_js(&settings::load(&area(sync), &area(local)))
}

/// The storage items for `settings`: `{area, sync, local, note}` (clear each area, then set).
#[wasm_bindgen]
pub fn save_settings(value: JsValue) -> Result<JsValue, JsValue> {
    let s: Settings = from_js(value, "settings")?;
    to_js(&settings::save(&s))
}

/// Parses rules text: `{rules, diagnostics: [{line, message, text}]}`.
#[wasm_bindgen]
pub fn check_rules(text: &str) -> Result<JsValue, JsValue> {
    to_js(&rules::parse(text))
}

/// The host of a URL as the rules see it (lower case, no port), or undefined.
#[wasm_bindgen]
pub fn host_of(url: &str) -> Option<String> {
    rules::host_of(url)
}

#[derive(Serialize)]
struct SiteConfig {
    /// The elements the snapshot walker must not enter (a selector: `page::opaque_selector`).
    opaque: String,
    /// The attributes the snapshot walker copies (the ones the analysis reads)…
    attrs: String,
    /// …of the elements matching this selector (of the others: `class` and `id`).
    full: &'static str,
    /// The hiding attribute and the one stylesheet the applier adds.
    hidden_attr: &'static str,
    style: &'static str,
    host: String,
    flags: Effective,
    /// The rules for this host, most specific first.
    rules: Vec<RuleRef>,
    /// Malformed lines in the whole rules text.
    diagnostics: usize,
    notice: Option<String>,
}

/// What applies on `url`: `{host, flags, rules, diagnostics, notice}`.
#[wasm_bindgen]
pub fn site_config(sync: JsValue, local: JsValue, url: &str) -> Result<JsValue, JsValue> {
    let loaded = settings::load(&area(sync), &area(local));
    let host = rules::host_of(url).unwrap_or_default();
    let set = rules::parse(&loaded.settings.rules);
    to_js(&SiteConfig {
        opaque: byline::page::opaque_selector(),
        attrs: byline::page::MODEL_ATTRS.join(","),
        full: byline::page::FULL_ATTRS_SELECTOR,
        hidden_attr: byline::plan::HIDDEN_ATTR,
        style: byline::plan::STYLE,
        flags: rules::effective(&loaded.settings.sites, &host),
        rules: set.for_host(&host).into_iter().map(RuleRef::from).collect(),
        diagnostics: set.diagnostics.len(),
        notice: loaded.notice,
        host,
    })
}

/// Builds the core's lexicon automata ahead of the first analysis (the worker calls this
/// when it starts).
#[wasm_bindgen]
pub fn prepare() {
    byline::analysis::prepare();
}

/// The hosts the user opted into auto-cleaning (exact host names, never `*`).
#[wasm_bindgen]
pub fn auto_clean_hosts(sync: JsValue, local: JsValue) -> Result<JsValue, JsValue> {
    let loaded = settings::load(&area(sync), &area(local));
    let hosts: Vec<&String> =
        loaded.settings.sites.iter().filter(|(h, f)| h.as_str() != "*" && f.auto_clean == Some(true)).map(|(h, _)| h).collect();
    to_js(&hosts)
}

/// The rules text with `host##selector` appended on a line of its own.
#[wasm_bindgen]
pub fn add_hide_rule(text: &str, host: &str, selector: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&format!("{host}##{selector}\n"));
    out
}

/// One element on the picker's path, from the picked element up.
#[derive(Deserialize)]
pub struct PathStep {
    tag: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    classes: Vec<String>,
    /// 1-based position among siblings of the same tag.
    nth: u32,
    /// Siblings (itself included) with the same tag.
    same: u32,
}

/// Names that look generated (long digit runs, hashes) change between page loads.
fn stable_name(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    !s.is_empty() && s.len() <= 40 && digits <= 2 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
}

/// The selector the element picker writes for the picked element: an id when it has a
/// stable one, else tag + stable classes, with `:nth-of-type` where the tag alone is
/// ambiguous, joined by `>` up to the nearest ancestor with a stable id (or `body`).
#[wasm_bindgen]
pub fn pick_selector(path: JsValue) -> Result<String, JsValue> {
    let path: Vec<PathStep> = from_js(path, "picker path")?;
    let mut parts: Vec<String> = Vec::new();
    for step in &path {
        let tag = step.tag.to_ascii_lowercase();
        if stable_name(&step.id) {
            parts.push(format!("#{}", step.id));
            break;
        }
        if tag == "body" || tag == "html" {
            parts.push(tag);
            break;
        }
        let classes: Vec<&String> = step.classes.iter().filter(|c| stable_name(c)).take(3).collect();
        let mut part = tag.clone();
        for c in &classes {
            part.push('.');
            part.push_str(c);
        }
        if classes.is_empty() && step.same > 1 {
            part.push_str(&format!(":nth-of-type({})", step.nth));
        }
        parts.push(part);
        // A distinctive class on the picked block itself is usually selector enough.
        if parts.len() == 1 && !classes.is_empty() && step.same == 1 {
            break;
        }
    }
    parts.reverse();
    Ok(parts.join(" > "))
}

#[derive(Deserialize)]
struct Request {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    mode: Mode,
    #[serde(default)]
    flags: Effective,
    #[serde(default)]
    rules: Vec<RuleRef>,
    /// The badge's words from the extension's `_locales` (English when absent).
    #[serde(default)]
    strings: byline::badge::BadgeStrings,
    /// The element budget (None: the core's default).
    #[serde(default)]
    max_elements: Option<u32>,
}

#[derive(Serialize)]
struct HideOut {
    /// Index into the snapshot's element list.
    element: u32,
    kind: Kind,
    reason: String,
    text: String,
}

#[derive(Serialize)]
struct Anchor {
    element: u32,
    /// Insert the badge after the element (the headline) rather than before it.
    after: bool,
}

#[derive(Serialize)]
struct Analysis {
    state: &'static str,
    #[serde(flatten)]
    summary: Summary,
    hide: Vec<HideOut>,
    anchor: Option<Anchor>,
    badge: Option<byline::badge::BadgeModel>,
    node_count: u32,
}

/// Analyses a snapshot (`{table, matches}` from snapshot.js) with a request
/// `{url, mode, flags, rules}` (rules in the order their selectors were matched). Returns
/// `{state: "cleaned"|"not_article"|"degraded", is_article, title, hidden, source, hide,
/// anchor, badge, degraded?: {elements, budget, note}}` ("degraded": above the element
/// budget, nothing analysed or hidden).
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
    page: byline::page::Page,
    element_of: Vec<u32>,
    options: Options,
    flags: Effective,
    strings: byline::badge::BadgeStrings,
}

fn decode(snapshot: JsValue, request: JsValue, mark: &mut dyn FnMut(&str)) -> Result<Decoded, JsValue> {
    let req: Request = if request.is_undefined() || request.is_null() {
        Request {
            url: None,
            mode: Mode::Tidy,
            flags: Effective::default(),
            rules: vec![],
            strings: Default::default(),
            max_elements: None,
        }
    } else {
        from_js(request, "request")?
    };
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
        .filter_map(|(h, item)| Some(HideOut { element: element(h.node)?, kind: h.kind, reason: h.reason.clone(), text: item.text.clone() }))
        .collect();
    let anchor = match (plan.title_node.and_then(element), plan.article_root.and_then(element)) {
        (Some(t), _) => Some(Anchor { element: t, after: true }),
        (None, Some(a)) => Some(Anchor { element: a, after: false }),
        _ => None,
    };
    let badge = (plan.is_article && flags.show_badge).then(|| byline::badge::model(&summary, &strings));
    let out = to_js(&Analysis {
        state: match (&plan.degraded, plan.is_article) {
            (Some(_), _) => "degraded",
            (None, true) => "cleaned",
            (None, false) => "not_article",
        },
        summary,
        hide,
        anchor,
        badge,
        node_count: plan.node_count,
    });
    mark("output");
    out
}
