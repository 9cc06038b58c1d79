//! `byline-bench`: inputs for the native benchmarks (`benches/clean.rs`) and the profiling
//! examples: corpus pages and synthetic pages of a chosen size.
//!
//! It owns measuring, nothing else: it calls the core and the HTML adapter as the CLI does
//! and changes neither. It is a crate of its own so that criterion and the peers it is
//! measured against (dom_smoothie) never enter a test, CLI or wasm build.

use std::path::{Path, PathBuf};

/// `../shared/corpus/readability` seen from the repository root.
pub fn readability_corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::env::var_os("BYLINE_SHARED").map(PathBuf::from).unwrap_or_else(|| root.join("../shared")).join("corpus/readability")
}

/// (id, html, url) for every page of the readability corpus, sorted by id.
pub fn corpus_pages() -> Vec<(String, String, Option<String>)> {
    let dir = readability_corpus();
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| {
            let id = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path().join("source.html")).expect("read page");
            let html = byline_html::decode(&bytes).expect("decode page");
            let url = std::fs::read_to_string(e.path().join("meta.json"))
                .ok()
                .and_then(|m| m.split("\"url\"").nth(1).and_then(|r| r.split('"').nth(1)).map(String::from));
            (id, html, url)
        })
        .collect();
    pages.sort_by(|a, b| a.0.cmp(&b.0));
    pages
}

/// A synthetic news page with about `elements` elements: header, nav, an article whose
/// paragraphs hold inline links and emphasis, a sidebar of link lists, a footer. The shape
/// repeats, so time per element should stay flat as the page grows.
pub fn synthetic_page(elements: usize) -> String {
    let mut html = String::from("<!doctype html><html><head><title>Synthetic story_Example News</title></head><body>");
    html.push_str("<div id=\"hd\"><a href=\"/\">Example News</a><ul class=\"nav\"><li><a href=\"/a\">World</a></li><li><a href=\"/b\">Business</a></li></ul></div>");
    html.push_str("<div class=\"wrap\"><h1>Synthetic story</h1><div class=\"article-body\">");
    // Each unit: a paragraph (p + a + em = 3 elements) and a sidebar item (li + a = 2).
    let units = elements / 5;
    let mut sidebar = String::from("<div class=\"side\"><h3>Most read</h3><ul>");
    for i in 0..units {
        html.push_str(&format!(
            "<p>Paragraph {i} of the story, with a clause, another clause, and <a href=\"/r/{i}\">a link</a> and <em>emphasis</em> in it, long enough to count as text.</p>"
        ));
        sidebar.push_str(&format!("<li><a href=\"/s/{i}\">Sidebar story number {i}</a></li>"));
    }
    html.push_str("</div></div>");
    html.push_str(&sidebar);
    html.push_str("</ul></div><div id=\"ft\">Copyright © 2024 Powered by Example CMS</div></body></html>");
    html
}

/// Elements in a page model.
pub fn element_count(page: &byline::Page) -> usize {
    (0..page.len() as u32).filter(|&i| page.is_element(i)).count()
}
