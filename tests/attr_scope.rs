//! The attribute rule both adapters apply (`page::MODEL_ATTRS`: `class` and `id` of every
//! element, the rest only of elements matching `page::FULL_ATTRS_SELECTOR`) loses nothing
//! the analysis uses: the plan is the same as with every model attribute of every element,
//! on every fixture and the bundled readability sample (by default), and on the whole
//! readability corpus and a sample of the trafilatura corpus (corpus-scale, ignored by
//! default; `scripts/eval/check-corpus.sh` runs it). A new attribute read on elements the
//! selector leaves out makes this fail on the pages where it matters; widen the selector then.

mod common;

use byline_html::{decode, parse_document_scoped, AttrScope};
use common::{fixtures, shared};
use std::path::PathBuf;

/// Checks the rule on `pages` ((page, url) pairs); fails when fewer than `min_dropped`
/// attributes were left out, since the check would then prove little.
fn assert_rule_changes_no_plan(pages: &[(PathBuf, Option<String>)], min_dropped: usize) {
    let mut differ = Vec::new();
    let mut dropped = 0;
    for (path, url) in pages {
        let html = decode(&std::fs::read(path).unwrap()).unwrap();
        let doc = scraper::Html::parse_document(&html);
        let options = byline::Options { url: url.clone(), ..Default::default() };
        let (model, _) = parse_document_scoped(&doc, AttrScope::Model);
        let (all, _) = parse_document_scoped(&doc, AttrScope::All);
        assert_eq!(model.len(), all.len(), "{}: the same nodes", path.display());
        let count = |p: &byline::Page| (0..p.len() as byline::NodeId).map(|i| p.attrs(i).len()).sum::<usize>();
        dropped += count(&all) - count(&model);
        if byline::analyze(&model, &options) != byline::analyze(&all, &options) {
            differ.push(path.display().to_string());
        }
    }
    println!("{} pages, {dropped} attributes left out by the rule", pages.len());
    assert!(dropped >= min_dropped, "only {dropped} attributes left out");
    assert!(differ.is_empty(), "{} of {} pages plan differently under the attribute rule:\n{}", differ.len(), pages.len(), differ.join("\n"));
}

#[test]
fn the_attribute_rule_changes_no_plan() {
    let mut pages: Vec<_> = fixtures::all().into_iter().map(|f| (f.page.clone(), Some(f.url().to_string()))).collect();
    pages.extend(fixtures::readability_sample());
    assert!(pages.len() >= 58, "found only {} pages", pages.len());
    assert_rule_changes_no_plan(&pages, 1_000);
}

#[test]
#[ignore = "corpus-scale: needs ../shared; scripts/eval/check-corpus.sh runs it"]
fn corpus_the_attribute_rule_changes_no_plan() {
    let corpus = shared().join("corpus");
    let mut pages = fixtures::corpus_pages(&corpus.join("readability"), 1);
    pages.extend(fixtures::corpus_pages(&corpus.join("trafilatura"), 10));
    assert!(pages.len() > 130, "found only {} pages", pages.len());
    assert_rule_changes_no_plan(&pages, 10_000);
}
