//! What the integration tests share: a page cleaned the way `byline clean --format json`
//! cleans it (the HTML adapter, the core, the report), without starting the CLI; the
//! project's fixtures (`fixtures`) and the checker of their expectations (`expect`).
//! Each test binary uses a part of it, hence the `dead_code` allowance.
#![allow(dead_code)]

pub mod expect;
pub mod fixtures;

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The dev corpora and the shared scorer: `BYLINE_SHARED`, else `../shared` beside the
/// repository. Only the corpus-scale tests (ignored by default) ask for it.
pub fn shared() -> PathBuf {
    let dir = std::env::var_os("BYLINE_SHARED").map_or_else(|| repo().join("../shared"), PathBuf::from);
    assert!(
        dir.join("corpus").is_dir(),
        "needs ../shared (the dev corpora) beside the repository; set BYLINE_SHARED=/path/to/shared (looked in {})",
        dir.display()
    );
    dir
}

/// The page at `path` read through the HTML adapter, and the core's plan for it, as `byline
/// plan PATH --url URL --mode MODE` makes it.
pub fn plan_page(path: &Path, url: &str, mode: byline::Mode) -> (byline::Page, byline::Plan) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let html = byline_html::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let page = byline_html::parse(&html);
    let options = byline::Options { url: Some(url.to_string()), mode, ..Default::default() };
    let plan = byline::analyze(&page, &options);
    (page, plan)
}

/// The CLI's JSON report of the page at `path`, as `byline clean PATH --url URL --mode MODE
/// --format json` prints it.
pub fn clean_json(path: &Path, url: &str, mode: byline::Mode) -> serde_json::Value {
    let (page, plan) = plan_page(path, url, mode);
    serde_json::to_value(byline::report::report(&page, &plan)).unwrap()
}
