//! What the page declares about its article, for article detection: that it is one (an
//! og:type, a single-post `<body>`, a schema.org type), and its text (JSON-LD
//! `articleBody`). Both read the scripts' raw text, not the parsed JSON-LD: a declaration
//! or a body inside any script counts, however the rest of the script is written.

use crate::page::{NodeId, Page};
use crate::text::squash;

// ---- tunables ----
/// `articleBody` shorter than this (chars) is a summary, not the body.
pub(crate) const ARTICLE_BODY_MIN_CHARS: usize = 200;
/// `<body>` classes of a blog engine's single-post view (also any `postid-N`).
const SINGLE_POST_BODY_CLASSES: &[&str] = &["single-post"];
/// schema.org types (lower case) that declare an article, in microdata or JSON-LD.
const DECLARING_TYPES: &[&str] =
    &["article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "techarticle", "scholarlyarticle"];

/// See `Meta::declares_article`: `og_type` is the page's og:type, `scripts` its scripts.
pub(super) fn declares_article(page: &Page, og_type: Option<&str>, scripts: &[NodeId]) -> bool {
    if og_type.is_some_and(|t| t.trim().eq_ignore_ascii_case("article")) {
        return true;
    }
    // A blog engine's single-post view says so on <body> (WordPress: "single single-post
    // postid-219").
    if page.find_tag("body").and_then(|b| page.attr(b, "class")).is_some_and(|c| {
        c.split_ascii_whitespace().any(|k| SINGLE_POST_BODY_CLASSES.contains(&k) || k.starts_with("postid-"))
    }) {
        return true;
    }
    let microdata = (0..page.len() as NodeId).filter_map(|i| page.attr(i, "itemtype")).any(|t| {
        let t = t.to_ascii_lowercase();
        DECLARING_TYPES.iter().any(|ty| t.trim_end_matches('/').ends_with(&format!("/{ty}")))
    });
    microdata
        || scripts.iter().any(|&i| {
            let compact: String = page.raw_text(i).to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
            DECLARING_TYPES.iter().any(|ty| compact.contains(&format!("\"@type\":\"{ty}\"")))
        })
}

/// See `Meta::article_body`: every `"articleBody": "…"` in the text of every one of
/// `scripts`, the longest kept.
pub(super) fn article_body(page: &Page, scripts: &[NodeId]) -> Option<String> {
    const KEY: &str = "\"articleBody\"";
    let mut best: Option<String> = None;
    for &i in scripts {
        let text = page.raw_text(i);
        let mut rest = text.as_str();
        while let Some(k) = rest.find(KEY) {
            rest = &rest[k + KEY.len()..];
            let Some(after) = rest.trim_start().strip_prefix(':') else { continue };
            if let Some(s) = after.trim_start().strip_prefix('"').and_then(json_string) {
                if s.chars().count() >= ARTICLE_BODY_MIN_CHARS && best.as_ref().is_none_or(|b| b.len() < s.len()) {
                    best = Some(s);
                }
            }
        }
    }
    best.map(|b| squash(&b))
}

/// Decodes a JSON string's body (after the opening quote) up to its closing quote; `None`
/// when it is not closed. Control escapes become spaces (the text is squashed for
/// matching), and a `\u` escape that is no character is dropped.
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
