//! Tests of the page's `Meta`: its tag reads, and article detection's reads against
//! article.rs's own.

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

/// The `Meta` forms of article detection's page reads give article.rs's answers.
/// `article::meta_title` is compared directly; the private `declares_article` and
/// `ld_article_body` through the answers they give on these pages.
#[test]
fn article_reads_match_the_detector() {
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
    for (k, (page, declared, body)) in cases.iter().enumerate() {
        let meta = Meta::new(page);
        assert_eq!(meta.title(), crate::analysis::article::meta_title(page), "case {k}");
        assert_eq!(meta.declares_article(), *declared, "case {k}");
        assert_eq!(meta.article_body(), body.as_deref(), "case {k}");
    }
    assert_eq!(ARTICLE_BODY_MIN_CHARS, crate::analysis::article::LD_BODY_MIN_CHARS);
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
