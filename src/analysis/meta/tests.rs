//! Tests of the page's `Meta`: its tag reads and article detection's reads.

use super::declared::{json_string, ARTICLE_BODY_MIN_CHARS};
use super::*;
use crate::page::PageBuilder;
use crate::text::squash;

/// An element of the page's head: tag, attributes, text.
type Head<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

/// A page from head elements and body attributes.
fn page(head: &[Head], body: &[(&str, &str)]) -> Page {
    let mut b = PageBuilder::new();
    b.open("html", []);
    b.open("head", []);
    for &(tag, attrs, text) in head {
        b.open(tag, attrs.iter().copied());
        b.text(text);
        b.close();
    }
    b.close();
    b.open("body", body.iter().copied());
    b.open("p", []);
    b.text("A paragraph of the story.");
    b.close();
    b.close();
    b.close();
    b.finish()
}

const LD: &[(&str, &str)] = &[("type", "application/ld+json")];

fn long_body(escaped: &str) -> String {
    format!("Opening words{escaped} {}", "and the rest of the story ".repeat(10))
}

/// Article detection's page reads: the title, whether the page declares an article, and
/// the JSON-LD `articleBody`.
#[test]
fn article_reads() {
    let body = long_body(r#" \"quoted\" caf\u00e9\nnext"#);
    let ld = format!(r#"{{"@type" : "NewsArticle", "articleBody": "{body}", "x": {{"articleBody":"short"}}}}"#);
    let cases: Vec<(Page, bool, Option<String>)> = vec![
        (
            page(&[("meta", &[("property", "og:type"), ("content", " Article ")], ""), ("script", LD, &ld)], &[]),
            true,
            Some(squash(&long_body(" \"quoted\" café next"))),
        ),
        // The first og:type with content is the page's.
        (
            page(
                &[
                    ("title", &[], "The headline of the day | The Ledger"),
                    ("meta", &[("property", "og:type"), ("content", " ")], ""),
                    ("meta", &[("name", "OG:TYPE"), ("content", "website")], ""),
                    ("meta", &[("property", "og:type"), ("content", "article")], ""),
                ],
                &[],
            ),
            false,
            None,
        ),
        (page(&[("title", &[], "Only a title")], &[("itemtype", "https://schema.org/NewsArticle/")]), true, None),
        (page(&[], &[("class", "home blog postid-12")]), true, None),
        (
            page(
                &[
                    ("meta", &[("property", "og:title"), ("content", "  The  og  title ")], ""),
                    ("script", LD, r#"{"@type":"BlogPosting","articleBody":"unterminated"#),
                ],
                &[],
            ),
            true,
            None,
        ),
        (page(&[("script", LD, r#"{"@type":"WebPage","articleBody":"too short"}"#)], &[("class", "single")]), false, None),
    ];
    let titles = [None, Some("The headline of the day"), Some("Only a title"), None, Some("The og title"), None];
    assert_eq!(cases.len(), titles.len());
    for (k, ((page, declared, body), title)) in cases.iter().zip(titles).enumerate() {
        let meta = Meta::new(page);
        assert_eq!(meta.title().as_deref(), title, "case {k}");
        assert_eq!(meta.declares_article(), *declared, "case {k}");
        assert_eq!(meta.article_body(), body.as_deref(), "case {k}");
    }
}

#[test]
fn article_body_minimum_length() {
    let at = |n: usize| format!(r#"{{"articleBody":"{}"}}"#, "x".repeat(n));
    let short = page(&[("script", LD, &at(ARTICLE_BODY_MIN_CHARS - 1))], &[]);
    let long = page(&[("script", LD, &at(ARTICLE_BODY_MIN_CHARS))], &[]);
    assert_eq!(Meta::new(&short).article_body(), None);
    assert!(Meta::new(&long).article_body().is_some());
}

#[test]
fn titles_split_on_site_separators() {
    assert_eq!(split_title("Rain in Seoul | The Ledger"), ["Rain in Seoul", "The Ledger"]);
    assert_eq!(split_title("标题_新闻网"), ["标题", "新闻网"]);
    assert_eq!(split_title("A - B – C"), ["A", "B", "C"]);
    assert_eq!(split_title("  "), Vec::<&str>::new());
}

#[test]
fn json_strings_decode() {
    assert_eq!(json_string(r#"a \"b\" \u00e9\nc" rest"#).as_deref(), Some("a \"b\" é c"));
    assert_eq!(json_string("unterminated"), None);
}

#[test]
fn meta_values_by_key_and_document_order() {
    let page = page(
        &[
            ("meta", &[("itemprop", "Author"), ("content", " Ana ")], ""),
            ("meta", &[("name", "byl"), ("content", "  ")], ""),
            ("meta", &[("property", "author"), ("content", "Ben")], ""),
            ("link", &[("rel", "canonical"), ("href", "https://x.example/a")], ""),
            ("script", LD, r#"{"@type":"NewsArticle","headline":"H"}"#),
        ],
        &[],
    );
    let meta = Meta::new(&page);
    let found: Vec<(&str, &str)> = meta.values(&["byl", "author"]).collect();
    assert_eq!(found, [("author", "Ana"), ("author", "Ben")]);
    assert_eq!(meta.links().len(), 1);
    assert_eq!(meta.json_ld().len(), 1);
    assert_eq!(meta.content("author"), Some("Ben"));
}
