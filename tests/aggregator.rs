//! The hand-labelled aggregator pages, scored by the shared scorer itself
//! (`../shared/eval/fixtures.py`) on what the CLI prints, against a list of known gaps.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

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
        let run = Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["clean", path.to_str().unwrap(), "--url", url, "--format", "json"])
            .output()
            .expect("run byline");
        assert!(run.status.success(), "byline clean {name} failed: {}", String::from_utf8_lossy(&run.stderr));
        std::fs::write(out.join(format!("{name}.json")), &run.stdout).unwrap();
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
    let dir = std::env::temp_dir().join(format!("byline-aggregator-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn known_failures() -> BTreeSet<String> {
    std::fs::read_to_string(repo().join("tests/aggregator/known_failures.txt"))
        .unwrap()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn aggregator_fixtures_match_known_state() {
    let fixtures = shared().join("fixtures/aggregator");
    let (failing, pages, summary) = failing_checks(&fixtures);
    let known = known_failures();
    assert!(pages >= 9, "expected the 9 aggregator pages, found {pages}");
    assert!(!known.iter().any(|k| k.starts_with("seed-zibo-yonhap ")), "the seed page may not have known failures");
    let regressions: Vec<_> = failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failing).collect();
    println!("aggregator fixtures: {summary}; {} known failures (tests/aggregator/known_failures.txt)", known.len());
    for k in &known {
        println!("  known failure: {k}");
    }
    assert!(regressions.is_empty(), "checks failing that are not known failures: {regressions:?}");
    assert!(fixed.is_empty(), "known failures that now pass (remove them from known_failures.txt): {fixed:?}");
}
