//! Article detection on every hand-labelled page of tests/fixtures/, in focus mode, where
//! everything outside the detected article is hidden:
//! - article pages: every `must_keep` snippet is in `article_text` and still visible, and
//!   every `must_hide` snippet is hidden (clutter stays hidden when the rest goes too);
//! - non-article pages (`title: null`): `is_article` is false and nothing is hidden;
//! - a fixture may list `focus_drop` snippets: furniture that must not be in
//!   `article_text`.
//!
//! This is the recall guarantee: hiding story text is the worst error.

mod common;

use common::{clean_json, fixtures};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[test]
fn focus_mode_keeps_the_story_and_leaves_non_articles_alone() {
    let mut problems = Vec::new();
    let all = fixtures::all();
    assert!(all.len() >= 50, "expected the folders and the 9 aggregator pages, found {}", all.len());
    for fixtures::Fixture { name, page, expect } in &all {
        let url = expect["url"].as_str().unwrap_or_default();
        let got = clean_json(page, url, byline::Mode::Focus);
        let is_article = got["is_article"].as_bool().unwrap();
        if expect["article"]["title"].is_null() {
            if is_article {
                problems.push(format!("{name}: not an article, detected as one"));
            }
            if !got["hidden"].as_array().unwrap().is_empty() {
                problems.push(format!("{name}: not an article, yet blocks are hidden"));
            }
            continue;
        }
        if !is_article {
            problems.push(format!("{name}: article not detected"));
            continue;
        }
        let visible = norm(got["visible_text"].as_str().unwrap());
        let article = norm(got["article_text"].as_str().unwrap());
        for snippet in expect["article"]["must_keep"].as_array().unwrap() {
            let s = norm(snippet.as_str().unwrap());
            if !article.contains(&s) {
                problems.push(format!("{name}: not in article_text: {s}"));
            }
            if !visible.contains(&s) {
                problems.push(format!("{name}: hidden in focus mode: {s}"));
            }
        }
        for snippet in expect["article"]["must_hide"].as_array().unwrap() {
            let s = norm(snippet.as_str().unwrap());
            if visible.contains(&s) {
                problems.push(format!("{name}: visible in focus mode: {s}"));
            }
        }
        // Optional: furniture inside the story's container that focus mode must cut.
        for snippet in expect["article"]["focus_drop"].as_array().into_iter().flatten() {
            let s = norm(snippet.as_str().unwrap());
            if article.contains(&s) {
                problems.push(format!("{name}: furniture kept in article_text: {s}"));
            }
        }
    }
    assert!(problems.is_empty(), "detection problems:\n{}", problems.join("\n"));
}
