//! Every pass is exercised by a fixture of tests/fixtures/ with an expectation that checks
//! it, so no pass can break with only the corpora noticing:
//! - each hidden-block kind of `plan::KINDS` (except `site_rule`, which needs the user's
//!   rules: tests/site_rules.rs): a `must_hide` snippet lies in a block hidden with that kind
//!   (tidy mode; `outside_article` in focus mode, checked by tests/detection.rs);
//!   `caption_repeat` counts through `repeated_caption`: an extra copy hidden with that kind;
//! - non-article verdicts: a page with `title: null`;
//! - source attribution: an expected `original`, an expected `republisher`, and expected
//!   page and story dates far enough apart for the badge's date warning.
//!
//! Expectations listed in tests/fixtures/known_failures.txt do not count.

mod common;

use byline::plan::{Kind, KINDS};
use byline::{Mode, Page, Plan};
use common::expect::{norm, squash};
use common::fixtures::{self, Fixture};
use common::plan_page;
use std::collections::{BTreeMap, BTreeSet};

/// The visible text of one hidden block: the block as the report's article text of a plan
/// that hides nothing and has the block as its article.
fn block_text(page: &Page, plan: &Plan, node: byline::NodeId) -> String {
    let probe = Plan { hidden: vec![], article_nodes: vec![node], ..plan.clone() };
    byline::report::report(page, &probe).article_text
}

/// The kinds of the hidden blocks holding one of `snippets` (normalised with `fold`).
fn kinds_hiding(page: &Page, plan: &Plan, snippets: &[String], fold: fn(&str) -> String) -> Vec<Kind> {
    let mut out = Vec::new();
    for hide in &plan.hidden {
        let text = fold(&block_text(page, plan, hide.node));
        if snippets.iter().any(|s| !s.is_empty() && text.contains(s.as_str())) {
            out.push(hide.kind);
        }
    }
    out
}

fn strings(v: &serde_json::Value, fold: fn(&str) -> String) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(|s| s.as_str()).map(fold).collect()
}

/// The passes `f` exercises, by name (a kind's name, `non-article`, `source.original`,
/// `source.republisher`, `date warning`).
fn passes(f: &Fixture, known: &BTreeSet<String>) -> BTreeSet<String> {
    let counts = |check: &str| !known.contains(&format!("{} {check}", f.name));
    let article = &f.expect["article"];
    let mut out = BTreeSet::new();
    let (page, tidy) = plan_page(&f.page, f.url(), Mode::Tidy);
    if counts("hide") {
        let hide = strings(&article["must_hide"], norm);
        out.extend(kinds_hiding(&page, &tidy, &hide, norm).into_iter().map(|k| k.as_str().to_string()));
        let (page, focus) = plan_page(&f.page, f.url(), Mode::Focus);
        if kinds_hiding(&page, &focus, &hide, norm).contains(&Kind::OutsideArticle) {
            out.insert(Kind::OutsideArticle.as_str().to_string());
        }
    }
    if let Some(caption) = article["repeated_caption"].as_str().filter(|_| counts("caption")) {
        if kinds_hiding(&page, &tidy, &[squash(caption)], squash).contains(&Kind::CaptionRepeat) {
            out.insert(Kind::CaptionRepeat.as_str().to_string());
        }
    }
    if article["title"].is_null() && counts("article") {
        out.insert("non-article".into());
    }
    let source = &f.expect["source"];
    for key in ["original", "republisher"] {
        if source[key].is_string() && counts(&format!("source.{key}")) {
            out.insert(format!("source.{key}"));
        }
    }
    let dates = ["page_date", "story_date"].map(|k| source[k].is_string() && counts(&format!("source.{k}")));
    let summary = byline::report::summary(&page, &tidy);
    if dates == [true, true] && byline::badge::model(&summary, &Default::default()).warning.is_some() {
        out.insert("date warning".into());
    }
    out
}

#[test]
fn every_pass_is_exercised_by_a_fixture() {
    // Site rules are the user's; the block model's kind comes only from `analyze_with`
    // (tests/block_model.rs).
    let mut wanted: Vec<String> =
        KINDS.iter().filter(|(k, _)| !matches!(*k, Kind::SiteRule | Kind::Boilerplate)).map(|(_, n)| n.to_string()).collect();
    wanted.extend(["non-article", "source.original", "source.republisher", "date warning"].map(String::from));
    let known = fixtures::known_fixture_failures();
    let mut by_pass: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in fixtures::all() {
        for pass in passes(&f, &known) {
            by_pass.entry(pass).or_default().push(f.name.clone());
        }
    }
    for pass in &wanted {
        let names = by_pass.get(pass).map_or_else(Vec::new, Clone::clone);
        println!("{pass:<20} {:>2} fixtures: {}", names.len(), names.join(", "));
    }
    let missing: Vec<_> = wanted.iter().filter(|p| !by_pass.contains_key(*p)).collect();
    assert!(missing.is_empty(), "passes no fixture of tests/fixtures/ exercises (add one): {missing:?}");
}
