//! Native: writes a parsed document back out as HTML with a plan applied the way the
//! extension applies it (a data attribute on hidden blocks, one stylesheet, a badge),
//! for `byline clean --format html`.

use crate::parse::parse_document;
use byline::plan::Plan;
use scraper::node::Node as SNode;
use std::collections::HashMap;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];
const RAW_TEXT: &[&str] = &["script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext", "noscript"];

use byline::plan::{HIDDEN_ATTR, STYLE};

fn escape(s: &str, attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// `doc` serialized with `plan` applied; `badge_html` (already escaped) goes first in `<body>`.
pub fn apply_to_html(doc: &scraper::Html, plan: &Plan, badge_html: &str) -> String {
    let (_, map) = parse_document(doc);
    let by_scraper: HashMap<ego_tree::NodeId, u32> = map.into_iter().map(|(m, s)| (s, m)).collect();
    let hidden: HashMap<u32, &str> = plan.hidden.iter().map(|h| (h.node, h.kind.as_str())).collect();
    let mut out = String::new();
    let mut raw_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                SNode::Doctype(d) => out.push_str(&format!("<!DOCTYPE {}>", d.name())),
                SNode::Comment(c) => out.push_str(&format!("<!--{}-->", &**c)),
                SNode::Text(t) => out.push_str(&if raw_depth > 0 { t.to_string() } else { escape(t, false) }),
                SNode::Element(e) => {
                    out.push('<');
                    out.push_str(e.name());
                    for (k, v) in e.attrs() {
                        out.push_str(&format!(" {k}=\"{}\"", escape(v, true)));
                    }
                    if let Some(kind) = by_scraper.get(&n.id()).and_then(|m| hidden.get(m)) {
                        out.push_str(&format!(" {HIDDEN_ATTR}=\"{kind}\""));
                    }
                    out.push('>');
                    match e.name() {
                        "head" => out.push_str(&format!("<style id=\"byline-style\">{STYLE}</style>")),
                        "body" => out.push_str(badge_html),
                        name if RAW_TEXT.contains(&name) => raw_depth += 1,
                        _ => {}
                    }
                }
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let SNode::Element(e) = n.value() {
                    if RAW_TEXT.contains(&e.name()) {
                        raw_depth = raw_depth.saturating_sub(1);
                    }
                    if !VOID.contains(&e.name()) {
                        out.push_str(&format!("</{}>", e.name()));
                    }
                }
            }
        }
    }
    out
}

/// Escapes text for HTML.
pub fn text_to_html(s: &str) -> String {
    escape(s, false)
}
