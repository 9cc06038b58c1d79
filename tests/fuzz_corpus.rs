//! The fuzz targets' checks (fuzz/src/checks.rs) on stable Rust, as plain tests: over the
//! seed corpus (fuzz/seeds/<target>/), every crash input kept from fuzzing
//! (fuzz/regressions/<target>/) and, for the HTML target, our own fixture pages.
//! The fuzzing itself (nightly, libFuzzer) is the documented command in fuzz/README.md.

#[path = "../fuzz/src/checks.rs"]
mod checks;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn run(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["seeds", "regressions"] {
        for path in files(&root.join(dir).join(target)) {
            let data = std::fs::read(&path).unwrap();
            let result = std::panic::catch_unwind(|| check(&data));
            assert!(result.is_ok(), "{target}: {} fails its checks", path.display());
            n += 1;
        }
    }
    n
}

#[test]
fn html_plan_seeds_regressions_and_fixtures() {
    let n = run("html_plan", checks::html_plan);
    assert!(n >= 5, "the seed corpus is there ({n} inputs)");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for dir in std::fs::read_dir(&fixtures).unwrap().map(|e| e.unwrap().path()) {
        let page = dir.join("page.html");
        if page.is_file() {
            let mut data = vec![3u8];
            data.extend(std::fs::read(&page).unwrap());
            checks::html_plan(&data);
        }
    }
}

#[test]
fn rules_seeds_and_regressions() {
    assert!(run("rules", checks::rules) >= 3);
}

#[test]
fn dates_seeds_and_regressions() {
    assert!(run("dates", checks::dates) >= 3);
}

#[test]
fn settings_seeds_and_regressions() {
    assert!(run("settings", checks::settings) >= 3);
}

/// The checks are not vacuous: a plan that hides the article root is caught.
#[test]
fn the_plan_check_catches_a_hidden_article() {
    let page = byline_html::parse(
        "<html><body><article><h1>T</h1><p>one, two, three, four words of prose in a paragraph.</p></article></body></html>",
    );
    let article = (0..page.len() as u32).find(|&i| page.tag(i) == "article").unwrap();
    let plan = byline::plan::Plan {
        node_count: page.len() as u32,
        is_article: true,
        article_root: Some(article + 2),
        hidden: vec![byline::plan::Hide { node: article, kind: byline::plan::Kind::Ads, reason: byline::plan::ReasonCode::PrevNext.into() }],
        ..Default::default()
    };
    assert!(std::panic::catch_unwind(|| checks::check_plan(&page, &plan)).is_err());
}
