//! Every hand-labelled page of tests/fixtures/ (the folders and the bundled aggregator
//! pages), cleaned in tidy mode the way `byline clean --format json` cleans it and held to
//! its expect.json by the project's checker (tests/common/expect.rs), against the list of
//! known gaps in tests/fixtures/known_failures.txt.
//!
//! Corpus-scale (ignored by default; `scripts/eval/check-corpus.sh` runs them, with the dev
//! corpora at ../shared): the shared scorer agrees with the checker on every page, and the
//! bundled copies are the shared pages byte for byte.

mod common;

use common::expect::{check, Checks};
use common::fixtures::{self, Fixture};
use common::{clean_json, shared};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Page name → its checks, each fixture's report made by `report_of`.
fn check_all(fixtures: &[Fixture], mut report_of: impl FnMut(&Fixture) -> serde_json::Value) -> BTreeMap<String, Checks> {
    fixtures.iter().map(|f| (f.name.clone(), check(&f.expect, &report_of(f)))).collect()
}

fn failing(results: &BTreeMap<String, Checks>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (page, checks) in results {
        out.extend(checks.iter().filter(|(_, ok)| !**ok).map(|(check, _)| format!("{page} {check}")));
    }
    out
}

#[test]
fn fixtures_match_known_state() {
    let all = fixtures::all();
    assert!(all.len() >= 50, "expected the folders and the 9 aggregator pages, found {}", all.len());
    let results = check_all(&all, |f| clean_json(&f.page, f.url(), byline::Mode::Tidy));
    let failing = failing(&results);
    let known = fixtures::known_fixture_failures();
    let total: usize = results.values().map(Checks::len).sum();
    println!("fixtures: {} pages, {}/{total} checks pass; {} known failures", all.len(), total - failing.len(), known.len());
    for k in &known {
        println!("  known failure: {k}");
    }
    assert!(!known.iter().any(|k| k.starts_with("seed-zibo-yonhap ")), "the seed page may not have known failures");
    let regressions: Vec<_> = failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failing).collect();
    assert!(regressions.is_empty(), "checks failing that are not known failures: {regressions:?}");
    assert!(fixed.is_empty(), "known failures that now pass (remove them from the list): {fixed:?}");
}

/// The checker is not vacuous: a report that shows everything and names no source fails
/// every article page's `hide` and source checks.
#[test]
fn the_checker_catches_an_uncleaned_page() {
    let seed = fixtures::all().into_iter().find(|f| f.name == "seed-zibo-yonhap").unwrap();
    let (page, plan) = common::plan_page(&seed.page, seed.url(), byline::Mode::Tidy);
    let untouched = byline::Plan { hidden: vec![], source: Default::default(), ..plan };
    let checks = check(&seed.expect, &serde_json::to_value(byline::report::report(&page, &untouched)).unwrap());
    let failed: BTreeSet<&str> = checks.iter().filter(|(_, ok)| !**ok).map(|(c, _)| c.as_str()).collect();
    for want in ["hide", "caption", "source.original", "source.republisher", "source.page_date", "source.story_date"] {
        assert!(failed.contains(want), "{want} should fail on the uncleaned page: {checks:?}");
    }
    assert!(checks["keep"] && checks["article"]);
}

fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-fixtures-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The shared scorer's checks of every fixture, on the same reports the checker sees.
fn shared_scorer(all: &[Fixture]) -> BTreeMap<String, Checks> {
    let (pages, preds) = (tempdir("pages"), tempdir("preds"));
    for f in all {
        std::fs::copy(&f.page, pages.join(format!("{}.html", f.name))).unwrap();
        std::fs::write(pages.join(format!("{}.expect.json", f.name)), f.expect.to_string()).unwrap();
        let report = clean_json(&f.page, f.url(), byline::Mode::Tidy);
        std::fs::write(preds.join(format!("{}.json", f.name)), report.to_string()).unwrap();
    }
    let out = Command::new("python3")
        .arg(shared().join("eval/fixtures.py"))
        .args([&pages, &preds])
        .arg("--json")
        .output()
        .expect("python3 runs the shared scorer");
    assert!(out.status.success(), "the shared scorer failed: {}", String::from_utf8_lossy(&out.stderr));
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    serde_json::from_value(result["pages"].clone()).expect("pages: name -> check -> bool")
}

#[test]
#[ignore = "corpus-scale: needs ../shared; scripts/eval/check-corpus.sh runs it"]
fn corpus_shared_scorer_agrees_with_the_checker() {
    let all = fixtures::all();
    let ours = check_all(&all, |f| clean_json(&f.page, f.url(), byline::Mode::Tidy));
    let theirs = shared_scorer(&all);
    let mut differ = Vec::new();
    for (page, checks) in &ours {
        if theirs.get(page) != Some(checks) {
            differ.push(format!("{page}: checker {checks:?}, shared scorer {:?}", theirs.get(page)));
        }
    }
    let total: usize = ours.values().map(Checks::len).sum();
    println!("shared scorer and checker: {} pages, {total} checks compared", all.len());
    assert!(differ.is_empty(), "the checker and the shared scorer disagree:\n{}", differ.join("\n"));
}

fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect()
}

#[test]
#[ignore = "corpus-scale: needs ../shared; scripts/eval/check-corpus.sh runs it"]
fn corpus_bundled_copies_match_shared() {
    let shared = shared();
    let mut pairs = Vec::new();
    let (ours, theirs) = (fixtures::aggregator_dir(), shared.join("fixtures/aggregator"));
    assert_eq!(files(&ours).into_iter().filter(|f| f != "README.md").collect::<BTreeSet<_>>(), files(&theirs));
    pairs.extend(files(&theirs).into_iter().map(|f| (ours.join(&f), theirs.join(&f))));
    let sample = fixtures::dir().join("readability");
    for (page, _) in fixtures::readability_sample() {
        let id = page.parent().unwrap().file_name().unwrap();
        for file in ["source.html", "meta.json"] {
            pairs.push((sample.join(id).join(file), shared.join("corpus/readability").join(id).join(file)));
        }
    }
    for (ours, theirs) in &pairs {
        assert!(std::fs::read(ours).unwrap() == std::fs::read(theirs).unwrap(), "{} differs from {}", ours.display(), theirs.display());
    }
    println!("{} bundled files are the shared ones byte for byte", pairs.len());
}
