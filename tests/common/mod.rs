//! What the integration tests share: a page cleaned the way `byline clean --format json`
//! cleans it (the HTML adapter, the core, the report), without starting the CLI.

use std::path::{Path, PathBuf};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The CLI's JSON report of the page at `path`, as `byline clean PATH --url URL --mode MODE
/// --format json` prints it.
pub fn clean_json(path: &Path, url: &str, mode: byline::Mode) -> serde_json::Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let html = byline_html::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let page = byline_html::parse(&html);
    let options = byline::Options { url: Some(url.to_string()), mode, ..Default::default() };
    let plan = byline::analyze(&page, &options);
    serde_json::to_value(byline::report::report(&page, &plan)).unwrap()
}
