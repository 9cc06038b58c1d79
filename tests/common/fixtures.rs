//! The project's own test pages, all under tests/fixtures/:
//! - `<name>/{page.html, expect.json}`: hand-labelled pages, one folder each;
//! - `aggregator/<name>.{html, expect.json}`: the bundled copy of the shared aggregator
//!   pages (same schema; see its README.md);
//! - `readability/<id>/{source.html, meta.json}`: a sample of the readability corpus, pages
//!   without expectations for the tests that hold on any page (see its README.md).

use super::repo;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One hand-labelled page and its expectations (the expect.json schema).
pub struct Fixture {
    pub name: String,
    pub page: PathBuf,
    pub expect: Value,
}

impl Fixture {
    pub fn url(&self) -> &str {
        self.expect["url"].as_str().unwrap_or_default()
    }
}

pub fn dir() -> PathBuf {
    repo().join("tests/fixtures")
}

/// The bundled aggregator pages, flat as in the shared folder they are copied from.
pub fn aggregator_dir() -> PathBuf {
    dir().join("aggregator")
}

pub fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

/// Every hand-labelled page, by name. The seed page is both a folder and (as links) an
/// aggregator page; it is listed once.
pub fn all() -> Vec<Fixture> {
    let mut by_name = BTreeMap::new();
    for folder in entries(&dir()) {
        if folder.join("page.html").is_file() {
            let name = folder.file_name().unwrap().to_string_lossy().into_owned();
            let expect = read_json(&folder.join("expect.json"));
            by_name.insert(name.clone(), Fixture { name, page: folder.join("page.html"), expect });
        }
    }
    for page in entries(&aggregator_dir()) {
        if page.extension().is_some_and(|e| e == "html") {
            let name = page.file_stem().unwrap().to_string_lossy().into_owned();
            let expect = read_json(&page.with_extension("expect.json"));
            by_name.entry(name.clone()).or_insert(Fixture { name, page, expect });
        }
    }
    by_name.into_values().collect()
}

/// (page, url) of every corpus page under `dir` (`<id>/source.html`, the url from
/// `<id>/meta.json` where it has one), every `step`-th in sorted order.
pub fn corpus_pages(dir: &Path, step: usize) -> Vec<(PathBuf, Option<String>)> {
    let url_of = |meta: &Path| -> Option<String> {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(meta).ok()?).ok()?;
        v["url"].as_str().map(str::to_string)
    };
    entries(dir)
        .into_iter()
        .filter(|d| d.join("source.html").is_file())
        .step_by(step)
        .map(|d| (d.join("source.html"), url_of(&d.join("meta.json"))))
        .collect()
}

/// The bundled readability sample.
pub fn readability_sample() -> Vec<(PathBuf, Option<String>)> {
    corpus_pages(&dir().join("readability"), 1)
}

/// `name check` lines of a known-failures list (`#` starts a comment).
pub fn known_failures(path: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The known gaps of the fixtures: tests/fixtures/known_failures.txt.
pub fn known_fixture_failures() -> BTreeSet<String> {
    known_failures(&dir().join("known_failures.txt"))
}
