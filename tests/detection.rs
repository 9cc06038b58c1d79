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

/// Debugging aid (ignored; needs the `explain` feature): `BYLINE_EXPLAIN=a.html:b.html cargo
/// test --release --features explain --test detection explain -- --ignored --nocapture`
/// prints the detector's trace and top candidates for each page.
#[cfg(feature = "explain")]
#[test]
#[ignore = "debugging aid: set BYLINE_EXPLAIN"]
fn explain() {
    use byline::analysis::{article, stats::Stats};
    for path in std::env::var("BYLINE_EXPLAIN").unwrap_or_default().split(':').filter(|p| !p.is_empty()) {
        let page = byline_html::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
        let stats = Stats::compute(&page);
        let why = article::explain(&page, &stats);
        let passes: String = why.passes.iter().map(|p| format!("pass score={:.1} paras={} para_weight={} compact={}; ", p.score, p.paragraphs, p.paragraph_weight, p.compact)).collect();
        let verdict = why.verdict.map(|v| format!("declared={} readerable={} weight={} (min {}) density={:.2} listing={} forum={} root={}", v.declared, v.readerable, v.weight, v.min_weight, v.density, v.listing, v.forum, v.root));
        println!("{path}\n  {passes}{}", verdict.unwrap_or_default());
        // BYLINE_FIND=snippet: the ancestors of the first text node holding it.
        if let Ok(find) = std::env::var("BYLINE_FIND") {
            let hit = (0..page.len() as byline::NodeId).find(|&i| page.text(i).is_some_and(|t| t.contains(find.as_str())));
            if let Some(t) = hit {
                for a in page.ancestors(t) {
                    let names = page.class_and_id(a);
                    println!("  ^ {a:>6} <{}> {} w={} ld={:.2}", page.tag(a), names.chars().take(60).collect::<String>(), stats.weight(a), stats.link_density(a));
                }
            }
        }
        for (id, score) in article::top_candidates(&page, &stats) {
            let names = page.class_and_id(id);
            println!("  {id:>6} {score:>8.1} <{}> {}", page.tag(id), names.chars().take(80).collect::<String>());
        }
    }
}
