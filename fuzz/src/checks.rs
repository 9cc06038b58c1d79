//! What every fuzz input must satisfy. Each function takes arbitrary bytes, must not
//! panic, and asserts the invariants the extension relies on. Compiled both by the
//! cargo-fuzz targets (fuzz/fuzz_targets/) and by tests/fuzz_corpus.rs, which runs the
//! seed corpus and the kept crash inputs on stable Rust.

use byline::page::{NodeId, Page};
use byline::plan::{Mode, Options, Plan};
use byline::rules::{self, RuleMatch};
use byline::settings::{self, Area};

/// Text of a fuzz input: lossy UTF-8, so every byte string is some page.
fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The plan invariants: ids in range, hides sorted and outermost, never `html`/`head`/
/// `body`, never the article root or the headline or an ancestor of either.
pub fn check_plan(page: &Page, plan: &Plan) {
    let n = page.len() as NodeId;
    assert_eq!(plan.node_count, n);
    for w in plan.hidden.windows(2) {
        assert!(w[0].node < w[1].node, "hides sorted, no duplicates");
        assert!(!page.contains(w[0].node, w[1].node), "hides are outermost");
    }
    let protected: Vec<NodeId> = plan.article_root.into_iter().chain(plan.title_node).collect();
    for h in &plan.hidden {
        assert!(h.node < n, "hidden node in range");
        assert!(page.is_element(h.node), "only elements are hidden");
        assert!(!matches!(page.tag(h.node), "html" | "head" | "body"), "never the document's skeleton");
        for &p in &protected {
            assert!(!page.contains(h.node, p), "hide {} contains the article root or headline {p}", h.node);
        }
    }
    for &a in plan.article_nodes.iter().chain(&protected) {
        assert!(a < n);
    }
    if !plan.is_article {
        assert!(plan.hidden.is_empty(), "nothing hidden on a page that is not an article");
    }
}

/// HTML → page model → plan, in both modes and with a site rule matching arbitrary nodes;
/// then the reports, the badge model and the HTML writer.
pub fn html_plan(data: &[u8]) {
    let (selector_byte, rest) = data.split_first().map_or((0, data), |(b, r)| (*b, r));
    let html = text(rest);
    let doc = scraper::Html::parse_document(&html);
    let (page, _) = byline_html::parse_document(&doc);
    let n = page.len() as u32;
    // A rule that matched every k-th element (what an adapter could hand the core).
    let step = (selector_byte as u32 % 7) + 1;
    let nodes: Vec<NodeId> = (0..n).filter(|i| i % step == 0 && page.is_element(*i)).collect();
    let rule_matches = vec![RuleMatch { line: 1, keep: selector_byte & 0x80 != 0, rule: "##x".into(), nodes }];
    for mode in [Mode::Tidy, Mode::Focus] {
        let options = Options { url: Some("https://news.example.com/2024/01/02/a.html".into()), mode, ..Options::default() };
        let plan = byline::analyze(&page, &options);
        check_plan(&page, &plan);
        assert_eq!(plan, byline::analyze(&page, &options), "analysis is deterministic");
        let with_rules = byline::analyze(&page, &Options { rule_matches: rule_matches.clone(), ..options.clone() });
        check_plan(&page, &with_rules);
        let summary = byline::report::summary(&page, &plan);
        let badge = byline::badge::model(&summary, &Default::default());
        assert!(badge.line.chars().count() <= 400, "badge line is cut");
        let _ = byline::report::report(&page, &plan);
        let _ = byline_html::apply_to_html(&doc, &plan, "");
    }
}

/// The rules parser: every line is a rule, blank, a comment or a diagnostic carrying the
/// line exactly as written; lookups on any host terminate.
pub fn rules(data: &[u8]) {
    let text = text(data);
    let set = rules::parse(&text);
    let lines: Vec<&str> = text.split('\n').collect();
    for d in &set.diagnostics {
        let raw = lines[d.line as usize - 1];
        assert_eq!(d.text, raw.strip_suffix('\r').unwrap_or(raw), "a bad line is kept exactly as written");
    }
    for r in &set.rules {
        assert!(r.line as usize <= lines.len());
        assert!(!r.selector.is_empty());
        // A rule's normalised text parses back to the same rule.
        let again = rules::parse(&r.text());
        assert_eq!(again.rules.len(), 1, "{:?} round-trips", r.text());
        assert_eq!((&again.rules[0].hosts, again.rules[0].keep, &again.rules[0].selector), (&r.hosts, r.keep, &r.selector));
    }
    let mut lined: Vec<u32> = set.rules.iter().map(|r| r.line).chain(set.diagnostics.iter().map(|d| d.line)).collect();
    let before = lined.len();
    lined.sort_unstable();
    lined.dedup();
    assert_eq!(before, lined.len(), "a line is a rule or a diagnostic, never both");
    for host in ["example.com", "a.b.example.com", "", "xn--fiqs8s.example"] {
        let _ = set.for_host(host);
        let _ = rules::host_chain(host);
    }
    let first = text.lines().next().unwrap_or("");
    if let Some(host) = rules::host_of(first) {
        let _ = set.for_host(&host);
        let _ = rules::host_chain(&host);
    }
}

/// The date parser: spans are in range, on char boundaries and in order; found dates
/// are real calendar dates.
pub fn dates(data: &[u8]) {
    use byline::analysis::dates::*;
    let text = text(data);
    let check_span = |s: usize, e: usize| {
        assert!(s <= e && e <= text.len(), "span {s}..{e} in range");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "span on char boundaries");
    };
    let mut last = 0;
    for (d, s, e) in find_dates(&text) {
        check_span(s, e);
        assert!(s >= last, "dates in order");
        last = s;
        assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day), "{d:?}");
        if let Some(iso) = d.iso() {
            assert_eq!(iso.len(), 10, "{iso}");
            let back = Date::from_day_number(d.day_number().unwrap());
            assert_eq!(back, d, "day numbers round-trip (a real date)");
            let _ = d.weekday();
        }
        let _ = d.resolve_year(Date::ymd(2024, 2, 29));
    }
    for (day, s, e) in find_days(&text) {
        check_span(s, e);
        assert!((1..=31).contains(&day));
    }
    for (wd, s, e) in find_weekdays(&text) {
        check_span(s, e);
        assert!(wd < 7);
    }
    if let Some(d) = date_in_url(&text) {
        assert!((1..=12).contains(&d.month) && (1..=31).contains(&d.day), "{d:?}");
    }
}

/// Settings storage: whatever two storage areas hold (any JSON), loading never panics, and
/// what it loads saves and loads back unchanged.
pub fn settings(data: &[u8]) {
    let text = text(data);
    let (a, b) = text.split_once('\u{1}').unwrap_or((&text, "{}"));
    let area = |s: &str| serde_json::from_str::<Area>(s).unwrap_or_default();
    let (sync, local) = (area(a), area(b));
    let loaded = settings::load(&sync, &local);
    let saved = settings::save(&loaded.settings);
    let again = settings::load(&saved.sync, &saved.local);
    assert_eq!(again.settings, loaded.settings, "save → load is the identity");
    assert!(again.notice.is_none(), "what Byline saved loads without a notice");
}
