//! Native adapter: bytes → text (charset sniffing) → scraper/html5ever → page model.

use byline::page::{NodeId, Page, PageBuilder, ELEMENT_ATTRS, FULL_ATTRS_SELECTOR, MODEL_ATTRS};
use scraper::node::Node as SNode;

#[derive(Debug, PartialEq, Eq)]
pub enum InputError {
    Empty,
    NotHtml(&'static str),
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::Empty => write!(f, "the file is empty"),
            InputError::NotHtml(why) => write!(f, "not an HTML page: {why}"),
        }
    }
}
impl std::error::Error for InputError {}

/// How many bytes to look through for a `<meta charset>` declaration.
const CHARSET_SNIFF_BYTES: usize = 4096;

/// Decodes page bytes: a BOM wins, then valid UTF-8 (stored corpora are often re-encoded
/// to UTF-8 without fixing their meta tag), then the declared charset, then windows-1252.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(InputError::Empty);
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return check_html(text.into_owned());
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.iter().filter(|&&b| b == 0).count() > 2 {
        return Err(InputError::NotHtml("binary data (NUL bytes)"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return check_html(s.to_owned());
    }
    let enc = declared_charset(&bytes[..bytes.len().min(CHARSET_SNIFF_BYTES)])
        .unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _, _) = enc.decode(bytes);
    check_html(text.into_owned())
}

fn check_html(text: String) -> Result<String, InputError> {
    let head: String = text.chars().take(CHARSET_SNIFF_BYTES).collect::<String>().to_ascii_lowercase();
    let looks_html = ["<html", "<!doctype", "<head", "<body", "<div", "<p", "<meta", "<title", "<article"]
        .iter()
        .any(|m| head.contains(m))
        || text.contains("</");
    if !looks_html {
        return Err(InputError::NotHtml("no HTML tags found"));
    }
    Ok(text)
}

/// Finds `charset=NAME` inside a `<meta>` tag in the first bytes (covers `<meta charset>`
/// and http-equiv). Only meta tags count: a `<script charset="utf-8">` names the script's
/// encoding, not the page's (web archives insert such scripts before the page's own meta).
fn declared_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = lower[tag_start..].iter().position(|&b| b == b'>').map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(c) = find(tag, b"charset") {
            let mut i = c + "charset".len();
            while i < tag.len() && matches!(tag[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < tag.len() && (tag[i].is_ascii_alphanumeric() || matches!(tag[i], b'-' | b'_')) {
                i += 1;
            }
            if let Some(enc) = encoding_rs::Encoding::for_label(&tag[start..i]) {
                return Some(enc);
            }
        }
        from = tag_end.max(tag_start + 1);
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Parses HTML text into the page model. Never fails: html5ever recovers from anything.
pub fn parse(html: &str) -> Page {
    parse_document(&scraper::Html::parse_document(html)).0
}

/// Which attributes enter the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrScope {
    /// What the browser snapshot copies: `class` and `id` of every element, the rest of
    /// [`MODEL_ATTRS`] of the elements matching [`FULL_ATTRS_SELECTOR`]. The default.
    Model,
    /// Every model attribute of every element (for tests that check the rule loses nothing).
    All,
}

fn full_attrs_selector() -> &'static scraper::Selector {
    static SEL: std::sync::OnceLock<scraper::Selector> = std::sync::OnceLock::new();
    SEL.get_or_init(|| scraper::Selector::parse(FULL_ATTRS_SELECTOR).expect("FULL_ATTRS_SELECTOR parses"))
}

/// The page model of a parsed document, and for each model element its scraper node.
pub fn parse_document(doc: &scraper::Html) -> (Page, Vec<(NodeId, ego_tree::NodeId)>) {
    parse_document_scoped(doc, AttrScope::Model)
}

/// [`parse_document`] with a choice of attributes.
pub fn parse_document_scoped(doc: &scraper::Html, scope: AttrScope) -> (Page, Vec<(NodeId, ego_tree::NodeId)>) {
    let rich: std::collections::HashSet<ego_tree::NodeId> = match scope {
        AttrScope::Model => doc.select(full_attrs_selector()).map(|e| e.id()).collect(),
        AttrScope::All => Default::default(),
    };
    let mut b = PageBuilder::new();
    let mut map = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                SNode::Element(e) => {
                    let keep: &[&str] = if scope == AttrScope::All || rich.contains(&n.id()) { MODEL_ATTRS } else { ELEMENT_ATTRS };
                    if let Some(id) = b.open(e.name(), e.attrs().filter(|(k, _)| keep.contains(k))) {
                        map.push((id, n.id()));
                    }
                }
                SNode::Text(t) => b.text(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if let SNode::Element(_) = n.value() {
                    b.close();
                }
            }
        }
    }
    (b.finish(), map)
}

/// Bytes → page model, with a typed error for input that is not a page.
pub fn parse_bytes(bytes: &[u8]) -> Result<Page, InputError> {
    Ok(parse(&decode(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("<html><head><meta charset=\"gbk\"></head><body><p>新闻</p></body></html>");
        let text = decode(&bytes).unwrap();
        assert!(text.contains("新闻"));
    }

    #[test]
    fn script_charset_is_not_the_page_charset() {
        let html = "<html><head><script src=\"a.js\" charset=\"utf-8\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>新闻</p></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(html);
        assert!(decode(&bytes).unwrap().contains("新闻"));
    }

    #[test]
    fn utf8_wins_over_wrong_declaration() {
        let text = decode("<meta charset=gb2312><p>新闻</p>".as_bytes()).unwrap();
        assert!(text.contains("新闻"));
    }

    #[test]
    fn rejects_non_html() {
        assert_eq!(decode(b"   "), Err(InputError::Empty));
        assert!(matches!(decode(b"just some words"), Err(InputError::NotHtml(_))));
        assert!(matches!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"), Err(InputError::NotHtml(_))));
    }

    #[test]
    fn parses_into_flat_model() {
        let p = parse("<!doctype html><html><head><title>T</title></head><body><div><p>One <b>two</b></p><template><p>x</p></template></div></body></html>");
        let tags: Vec<_> = (0..p.len() as u32).map(|i| p.tag(i)).collect();
        assert_eq!(tags, ["html", "head", "title", "", "body", "div", "p", "", "b", "", "template"]);
    }
}
