//! Hand-labelled pages scored by the shared scorer itself (`../shared/eval/fixtures.py`) on
//! what `byline clean --format json` prints, against a list of known gaps: the shared aggregator pages, and our
//! own fixtures (`tests/fixtures/<name>/{page.html, expect.json}`, same schema).

mod common;

use common::{clean_json, repo};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    repo().join("../shared")
}

/// Runs the CLI on every `NAME.html` with its `url`, then the scorer; returns failing checks.
fn failing_checks(fixtures: &Path) -> (BTreeSet<String>, usize, String) {
    let out = tempdir();
    let mut pages = 0;
    for entry in std::fs::read_dir(fixtures).expect("fixture dir") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expect: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(fixtures.join(format!("{name}.expect.json"))).unwrap()).unwrap();
        let url = expect["url"].as_str().unwrap_or_default();
        let report = clean_json(&path, url, byline::Mode::Tidy);
        std::fs::write(out.join(format!("{name}.json")), serde_json::to_string_pretty(&report).unwrap()).unwrap();
        pages += 1;
    }
    let score = Command::new("python3")
        .arg(shared().join("eval/fixtures.py"))
        .arg(fixtures)
        .arg(&out)
        .arg("--json")
        .output()
        .expect("python3 runs the shared scorer");
    assert!(score.status.success(), "scorer failed: {}", String::from_utf8_lossy(&score.stderr));
    let result: serde_json::Value = serde_json::from_slice(&score.stdout).unwrap();
    let mut failing = BTreeSet::new();
    for (page, checks) in result["pages"].as_object().unwrap() {
        for (check, ok) in checks.as_object().unwrap() {
            if ok != &serde_json::Value::Bool(true) {
                failing.insert(format!("{page} {check}"));
            }
        }
    }
    let summary = format!("{}/{} checks", result["passed"], result["total"]);
    (failing, pages, summary)
}

fn tempdir() -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("byline-fixtures-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn known_failures(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Fails on checks that fail and are not listed, and on listed checks that now pass.
fn assert_known_state(what: &str, failing: &BTreeSet<String>, known: &BTreeSet<String>, summary: &str) {
    let regressions: Vec<_> = failing.difference(known).collect();
    let fixed: Vec<_> = known.difference(failing).collect();
    println!("{what}: {summary}; {} known failures", known.len());
    for k in known {
        println!("  known failure: {k}");
    }
    assert!(regressions.is_empty(), "{what}: checks failing that are not known failures: {regressions:?}");
    assert!(fixed.is_empty(), "{what}: known failures that now pass (remove them from the list): {fixed:?}");
}

#[test]
fn aggregator_fixtures_match_known_state() {
    let fixtures = shared().join("fixtures/aggregator");
    let (failing, pages, summary) = failing_checks(&fixtures);
    let known = known_failures(&repo().join("tests/aggregator/known_failures.txt"));
    assert!(pages >= 9, "expected the 9 aggregator pages, found {pages}");
    assert!(!known.iter().any(|k| k.starts_with("seed-zibo-yonhap ")), "the seed page may not have known failures");
    assert_known_state("aggregator fixtures", &failing, &known, &summary);
}

/// Our own fixtures: every folder under tests/fixtures/ with page.html and expect.json;
/// known gaps in tests/fixtures/known_failures.txt.
#[test]
fn own_fixtures_match_known_state() {
    let flat = tempdir().join("own");
    std::fs::create_dir_all(&flat).unwrap();
    let mut names = Vec::new();
    for entry in std::fs::read_dir(repo().join("tests/fixtures")).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("page.html").is_file() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        std::fs::copy(dir.join("page.html"), flat.join(format!("{name}.html"))).unwrap();
        std::fs::copy(dir.join("expect.json"), flat.join(format!("{name}.expect.json"))).unwrap();
        names.push(name);
    }
    assert!(!names.is_empty(), "no fixtures under tests/fixtures");
    let (failing, _, summary) = failing_checks(&flat);
    let known = known_failures(&repo().join("tests/fixtures/known_failures.txt"));
    assert_known_state(&format!("own fixtures ({} pages)", names.len()), &failing, &known, &summary);
}
