//! The attribute rule both adapters apply (`page::MODEL_ATTRS`: `class` and `id` of every
//! element, the rest only of elements matching `page::FULL_ATTRS_SELECTOR`) loses nothing
//! the analysis uses: on every fixture, every readability-corpus page and a sample of the
//! trafilatura corpus, the plan is the same as with every model attribute of every element.
//! A new attribute read on elements the selector leaves out makes this fail on the pages
//! where it matters; widen the selector then.

use byline_html::{decode, parse_document_scoped, AttrScope};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (page, url) pairs: fixtures carry their url in expect.json, corpus pages in meta.json.
fn pages() -> Vec<(PathBuf, Option<String>)> {
    let mut out = Vec::new();
    let url_of = |json: &Path| -> Option<String> {
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(json).ok()?).ok()?;
        v["url"].as_str().map(str::to_string)
    };
    let shared = repo().join("../shared");
    for entry in std::fs::read_dir(shared.join("fixtures/aggregator")).expect("shared fixtures") {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "html") {
            let url = url_of(&p.with_extension("expect.json"));
            out.push((p, url));
        }
    }
    for entry in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let dir = entry.unwrap().path();
        if dir.join("page.html").exists() {
            out.push((dir.join("page.html"), url_of(&dir.join("expect.json"))));
        }
    }
    for (corpus, step) in [("readability", 1), ("trafilatura", 10)] {
        let mut ids: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus").join(corpus)).expect("corpus").map(|e| e.unwrap().path()).collect();
        ids.sort();
        for dir in ids.into_iter().step_by(step) {
            if dir.join("source.html").exists() {
                out.push((dir.join("source.html"), url_of(&dir.join("meta.json"))));
            }
        }
    }
    out
}

#[test]
fn the_attribute_rule_changes_no_plan() {
    let pages = pages();
    assert!(pages.len() > 130, "found only {} pages", pages.len());
    let mut differ = Vec::new();
    let mut dropped = 0;
    for (path, url) in &pages {
        let html = decode(&std::fs::read(path).unwrap()).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let options = byline::Options { url: url.clone(), ..Default::default() };
        let (model, _) = parse_document_scoped(&doc, AttrScope::Model);
        let (all, _) = parse_document_scoped(&doc, AttrScope::All);
        assert_eq!(model.len(), all.len(), "{}: the same nodes", path.display());
        let count = |p: &byline::Page| (0..p.len() as byline::NodeId).map(|i| p.attrs(i).len()).sum::<usize>();
        dropped += count(&all) - count(&model);
        let a = byline::analyze(&model, &options);
        let b = byline::analyze(&all, &options);
        if a != b {
            differ.push(path.display().to_string());
        }
    }
    eprintln!("{} pages, {dropped} attributes left out by the rule", pages.len());
    // The rule really drops attributes (else this test would prove nothing).
    assert!(dropped > 10_000, "only {dropped} attributes left out");
    assert!(differ.is_empty(), "{} of {} pages plan differently under the attribute rule:\n{}", differ.len(), pages.len(), differ.join("\n"));
}
