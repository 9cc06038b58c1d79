//! Page metadata the detector reads: whether the page declares itself an article, the
//! JSON-LD `articleBody`, the `<title>` / og:title and `<meta>` contents.

use super::tunables::score::LD_BODY_MIN_CHARS;
use crate::page::{NodeId, Page};
use crate::text::{collapse, squash};

/// `<body>` classes of a blog engine's single-post view (also any `postid-N`).
const SINGLE_POST_BODY_CLASSES: &[&str] = &["single-post"];

/// A paragraph's squashed text is part of the squashed JSON-LD `articleBody`.
pub(super) fn in_ld_body(body: &str, own: &str) -> bool {
    // memmem's prefilter skips through the (long) body far faster than `str::contains`,
    // which also builds a new searcher per paragraph.
    own.chars().count() >= 10 && memchr::memmem::find(body.as_bytes(), own.as_bytes()).is_some()
}

/// The page says it is an article: og:type article, or a schema.org Article-like type in
/// microdata or JSON-LD.
pub(super) fn declares_article(page: &Page) -> bool {
    const TYPES: &[&str] = &["article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "techarticle", "scholarlyarticle"];
    if meta_content(page, "og:type").is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) {
        return true;
    }
    // A blog engine's single-post view says so on <body> (WordPress: "single single-post
    // postid-219").
    if page.find_tag("body").and_then(|b| page.attr(b, "class")).is_some_and(|c| {
        c.split_ascii_whitespace().any(|k| SINGLE_POST_BODY_CLASSES.contains(&k) || k.starts_with("postid-"))
    }) {
        return true;
    }
    for i in 0..page.len() as NodeId {
        if let Some(t) = page.attr(i, "itemtype") {
            let t = t.to_ascii_lowercase();
            if TYPES.iter().any(|ty| t.trim_end_matches('/').ends_with(&format!("/{ty}"))) {
                return true;
            }
        }
        if page.tag(i) == "script" {
            let text = page.raw_text(i).to_ascii_lowercase();
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            if TYPES.iter().any(|ty| compact.contains(&format!("\"@type\":\"{ty}\""))) {
                return true;
            }
        }
    }
    false
}

/// The longest JSON-LD `articleBody` string, squashed for matching.
pub(super) fn ld_article_body(page: &Page) -> Option<String> {
    let mut best: Option<String> = None;
    for i in 0..page.len() as NodeId {
        if page.tag(i) != "script" {
            continue;
        }
        let text = page.raw_text(i);
        let mut rest = text.as_str();
        while let Some(k) = rest.find("\"articleBody\"") {
            rest = &rest[k + "\"articleBody\"".len()..];
            let after = rest.trim_start();
            let Some(after) = after.strip_prefix(':') else { continue };
            let after = after.trim_start();
            if let Some(s) = after.strip_prefix('"').and_then(json_string) {
                if s.chars().count() >= LD_BODY_MIN_CHARS && best.as_ref().is_none_or(|b| b.len() < s.len()) {
                    best = Some(s);
                }
            }
        }
    }
    best.map(|b| squash(&b))
}

/// Decodes a JSON string body (after the opening quote) up to its closing quote.
pub(super) fn json_string(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' | 't' | 'r' | 'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                        out.push(ch);
                    }
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// `<meta property=og:title>` or the `<title>` without its site suffix.
pub fn meta_title(page: &Page) -> Option<String> {
    if let Some(t) = meta_content(page, "og:title") {
        return Some(collapse(t));
    }
    let t = page.find_tag("title").map(|t| collapse(&page.raw_text(t)))?;
    let best = split_title(&t).into_iter().max_by_key(|p| p.chars().count())?;
    Some(best.to_string())
}

/// Parts of a `<title>` split on the separators sites put before their name.
pub fn split_title(t: &str) -> Vec<&str> {
    t.split(['_', '|', '–', '—', '｜', '·'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Content of `<meta property|name=KEY>` (first match).
pub fn meta_content<'a>(page: &'a Page, key: &str) -> Option<&'a str> {
    (0..page.len() as NodeId).filter(|&i| page.tag(i) == "meta").find_map(|i| {
        let k = page.attr(i, "property").or_else(|| page.attr(i, "name"))?;
        if k.eq_ignore_ascii_case(key) {
            page.attr(i, "content").filter(|c| !c.trim().is_empty())
        } else {
            None
        }
    })
}
