//! The page model: a flat arena of element and text nodes in document order.
//!
//! Every node's subtree is the contiguous index range `id .. node.end`, so ancestry is
//! an O(1) comparison and every traversal in the analysis is a loop over a range — no
//! recursion, whatever the nesting depth. Adapters (scraper natively, the live DOM in the
//! browser) feed a [`PageBuilder`]; the builder alone decides what enters the model, so
//! both adapters produce the same arena for the same document.

use crate::tags::is_block;

pub type NodeId = u32;
pub const NO_NODE: NodeId = u32::MAX;

/// Attribute values longer than this are cut (data: URIs, inline JSON in attributes).
pub(crate) const MAX_ATTR_CHARS: usize = 2048;
/// A single text node longer than this is cut: no article paragraph is this long, and a
/// hostile page must not make every later pass quadratic in one string.
pub(crate) const MAX_TEXT_CHARS: usize = 200_000;

/// Elements whose children never enter the model. Their contents are not visible text
/// (or, for `template`, not part of the document at all). Shared with the browser walker
/// so it doesn't copy what would be dropped.
pub(crate) const OPAQUE_TAGS: &[&str] = &[
    "template", "svg", "math", "iframe", "object", "noscript", "style", "textarea", "select",
    "canvas", "video", "audio", "picture",
];

/// The attributes the analysis reads; both adapters copy only these into the model (most of
/// a page's attribute text is styles, data-* and URLs nobody reads). [`Page::attr`] checks
/// the list in debug builds, so a new read outside it fails the tests.
///
/// Every element contributes its [`ELEMENT_ATTRS`]; the others come only from elements that
/// match [`FULL_ATTRS_SELECTOR`]. Reading every attribute of every element was most of the
/// browser walk's time; `class` and `id` are read by name, and the browser finds the few
/// elements the rest matter on with one `querySelectorAll`. Both adapters apply the same
/// rule (the native one with scraper's selector engine), so they build the same model; a
/// read of another attribute on an element outside the selector sees nothing, on both
/// (`tests/attr_scope.rs` holds the plans with and without the rule equal).
pub const MODEL_ATTRS: &[&str] = &[
    "class", "id", "role", "itemprop", "itemtype", "type", "src", "href", "hidden", "style", "property",
    "name", "content", "value", "title", "rel", "datetime", "alt", "placeholder", "autocomplete",
];

/// The elements whose contents never enter the model, as a CSS selector for the browser
/// walker (which then does not copy them): [`OPAQUE_TAGS`], and scripts other than JSON-LD.
/// The same rule as [`PageBuilder::open`]'s, which applies it on both adapters.
pub fn opaque_selector() -> String {
    format!("{},script:not([type*='ld+json' i])", OPAQUE_TAGS.join(","))
}

/// The attributes every element contributes to the model.
pub const ELEMENT_ATTRS: &[&str] = &["class", "id"];

/// The elements that contribute all their [`MODEL_ATTRS`]: those the analysis reads more
/// than `class` and `id` of (roles and microdata anywhere, `hidden` and inline styles,
/// dates, in-page links, metadata, JSON-LD scripts, canonical links, images, form inputs).
pub const FULL_ATTRS_SELECTOR: &str = "[role],[itemprop],[itemtype],[hidden],[style],[datetime],\
    a[href^='#'],meta,script,link,img,input,abbr[title],span[title],time";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    /// `tag` indexes [`Page::tags`]: a page has a few dozen distinct tag names, so interning
    /// them keeps every tag comparison of every pass in one small table instead of a heap
    /// string per element (at 200 000 elements that was a cache miss per node and pass).
    Element { tag: u32, attrs: Vec<(Box<str>, Box<str>)> },
    Text(Box<str>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub parent: NodeId,
    /// One past the last node of this node's subtree.
    pub end: NodeId,
    pub data: NodeData,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub nodes: Vec<Node>,
    /// Distinct lower-case tag names, in order of first appearance.
    pub tags: Vec<Box<str>>,
}

impl Page {
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.nodes[id as usize].parent;
        (p != NO_NODE).then_some(p)
    }
    pub fn end(&self, id: NodeId) -> NodeId {
        self.nodes[id as usize].end
    }
    /// Lower-case tag name, or "" for a text node.
    pub fn tag(&self, id: NodeId) -> &str {
        match &self.nodes[id as usize].data {
            NodeData::Element { tag, .. } => &self.tags[*tag as usize],
            NodeData::Text(_) => "",
        }
    }
    pub fn is_element(&self, id: NodeId) -> bool {
        matches!(self.nodes[id as usize].data, NodeData::Element { .. })
    }
    pub fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id as usize].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }
    pub fn attrs(&self, id: NodeId) -> &[(Box<str>, Box<str>)] {
        match &self.nodes[id as usize].data {
            NodeData::Element { attrs, .. } => attrs,
            NodeData::Text(_) => &[],
        }
    }
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        debug_assert!(MODEL_ATTRS.contains(&name), "attribute {name:?} is read but not in MODEL_ATTRS");
        self.attrs(id).iter().find(|(k, _)| &**k == name).map(|(_, v)| &**v)
    }
    /// For every node, whether it lies in (or is) the subtree of one of `roots`: one forward
    /// pass instead of a search of the roots per node. Out-of-range roots are ignored.
    pub(crate) fn within(&self, roots: impl IntoIterator<Item = NodeId>) -> Vec<bool> {
        let mut mark = vec![false; self.len()];
        for r in roots {
            if let Some(m) = mark.get_mut(r as usize) {
                *m = true;
            }
        }
        for i in 0..self.len() {
            let p = self.nodes[i].parent;
            if p != NO_NODE && mark[p as usize] {
                mark[i] = true;
            }
        }
        mark
    }
    /// True when `a` is `b` or an ancestor of `b`.
    pub fn contains(&self, a: NodeId, b: NodeId) -> bool {
        a <= b && b < self.end(a)
    }
    /// Direct children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children { page: self, next: id + 1, end: self.end(id) }
    }
    /// Ancestors of `id`, nearest first (not including `id`).
    pub fn ancestors(&self, id: NodeId) -> Ancestors<'_> {
        Ancestors { page: self, next: self.nodes[id as usize].parent }
    }
    /// The whole subtree of `id` in document order, `id` included.
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<NodeId> {
        id..self.end(id)
    }
    /// First element with this tag, in document order.
    pub fn find_tag(&self, tag: &str) -> Option<NodeId> {
        (0..self.len() as NodeId).find(|&i| self.tag(i) == tag)
    }
    /// All text of a subtree, concatenated raw (no block separation).
    pub(crate) fn raw_text(&self, id: NodeId) -> String {
        let mut out = String::new();
        for i in self.subtree(id) {
            if let Some(t) = self.text(i) {
                out.push_str(t);
            }
        }
        out
    }
    pub fn class_and_id(&self, id: NodeId) -> String {
        let mut s = String::new();
        if let Some(c) = self.attr(id, "class") {
            s.push_str(c);
        }
        if let Some(i) = self.attr(id, "id") {
            s.push(' ');
            s.push_str(i);
        }
        s
    }
}

pub struct Children<'a> {
    page: &'a Page,
    next: NodeId,
    end: NodeId,
}
impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        self.next = self.page.end(id);
        Some(id)
    }
}

pub struct Ancestors<'a> {
    page: &'a Page,
    next: NodeId,
}
impl Iterator for Ancestors<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NO_NODE {
            return None;
        }
        let id = self.next;
        self.next = self.page.nodes[id as usize].parent;
        Some(id)
    }
}

fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Builds a [`Page`] from open/text/close events in document order.
///
/// The rules that decide what enters the model live here, so every adapter agrees:
/// whitespace-only text is not a node of its own (a word gap it makes between two texts of
/// one line is kept as a space, see [`PageBuilder::text`]), adjacent text is merged,
/// children of [`OPAQUE_TAGS`] and of non-JSON-LD scripts are skipped, long strings are cut.
#[derive(Default)]
pub struct PageBuilder {
    nodes: Vec<Node>,
    tags: Vec<Box<str>>,
    /// (tag name, index into `tags`), sorted by name: a page has a few dozen distinct tags,
    /// so a binary search is as quick as a hash map here and smaller in the wasm.
    tag_ids: Vec<(Box<str>, u32)>,
    /// The tag being opened, lower-cased (reused: no allocation per element).
    tag_buf: String,
    /// Open elements (their ids); `NO_NODE` marks an element inside a skipped subtree.
    stack: Vec<NodeId>,
    /// Depth of skipped subtrees currently open.
    skip_depth: usize,
    pending_text: String,
    /// A text node entered the model since the last block element opened or closed.
    line_has_text: bool,
    /// That text node ended in whitespace.
    last_text_ends_in_space: bool,
    /// Whitespace-only text came after it, with no block boundary between: the next text of
    /// the line starts with a word gap.
    gap: bool,
}

/// `text` is non-empty and only HTML's ASCII whitespace (what crates/wasm/snapshot.js's `BLANK`
/// matches).
pub fn is_html_whitespace(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'))
}

impl PageBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Opens an element and returns its id, or `None` when it is inside a skipped subtree
    /// (its events are still balanced by `close`).
    pub fn open<'a>(&mut self, tag: &str, attrs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<NodeId> {
        if self.skip_depth > 0 {
            self.skip_depth += 1;
            return None;
        }
        let lower = |(k, v): (&str, &str)| (k.to_ascii_lowercase().into_boxed_str(), truncate_chars(v, MAX_ATTR_CHARS).into());
        Some(self.open_element(tag, attrs.into_iter().map(lower).collect()))
    }

    /// `open` past its generic part: compiled once, not inlined into each adapter.
    #[inline(never)]
    fn open_element(&mut self, tag: &str, attrs: Vec<(Box<str>, Box<str>)>) -> NodeId {
        self.flush_text();
        self.tag_buf.clear();
        self.tag_buf.push_str(tag);
        self.tag_buf.make_ascii_lowercase();
        if is_block(&self.tag_buf) {
            self.line_break();
        }
        let tag_id = match self.tag_ids.binary_search_by(|(name, _)| (**name).cmp(self.tag_buf.as_str())) {
            Ok(k) => self.tag_ids[k].1,
            Err(k) => {
                let t = self.tags.len() as u32;
                self.tags.push(self.tag_buf.as_str().into());
                self.tag_ids.insert(k, (self.tag_buf.as_str().into(), t));
                t
            }
        };
        let tag = self.tag_buf.as_str();
        let descend = !OPAQUE_TAGS.contains(&tag)
            && (tag != "script"
                || attrs.iter().any(|(k, v)| &**k == "type" && v.to_ascii_lowercase().contains("ld+json")));
        let id = self.nodes.len() as NodeId;
        let parent = self.stack.last().copied().unwrap_or(NO_NODE);
        self.nodes.push(Node { parent, end: id + 1, data: NodeData::Element { tag: tag_id, attrs } });
        self.stack.push(id);
        if !descend {
            self.skip_depth = 1;
        }
        id
    }

    /// A text node. One that is only HTML whitespace (space, tab, LF, FF, CR) counts as a
    /// single space, whatever its length: that is all it can contribute (a word gap), and
    /// the browser adapter relies on it to send such nodes as " " — on pretty-printed pages
    /// they are about 40 % of a snapshot's bytes. Both adapters come through here, so their
    /// models stay equal.
    ///
    /// Text that is only whitespace (HTML's, or a no-break space) after the elements around
    /// it are taken into account does not become a node; when it separates two texts of one
    /// line (no block element opens or closes between them), the later one starts with a
    /// space, so `or<em> </em>filled` reads "or filled" and `<a>a</a> <a>b</a>` "a b", as a
    /// browser shows them.
    pub fn text(&mut self, text: &str) {
        if self.skip_depth == 0 && self.pending_text.len() < MAX_TEXT_CHARS * 4 {
            if text.len() > 1 && is_html_whitespace(text) {
                self.pending_text.push(' ');
            } else {
                self.pending_text.push_str(text);
            }
        }
    }

    pub fn close(&mut self) {
        if self.skip_depth > 1 {
            self.skip_depth -= 1;
            return;
        }
        self.skip_depth = 0;
        self.flush_text();
        if let Some(id) = self.stack.pop() {
            self.nodes[id as usize].end = self.nodes.len() as NodeId;
            if let NodeData::Element { tag, .. } = &self.nodes[id as usize].data {
                if is_block(&self.tags[*tag as usize]) {
                    self.line_break();
                }
            }
        }
    }

    /// A block element opened or closed: text after it starts a new line, with no gap.
    fn line_break(&mut self) {
        self.line_has_text = false;
        self.gap = false;
    }

    fn flush_text(&mut self) {
        if self.pending_text.is_empty() {
            return;
        }
        let mut text = std::mem::take(&mut self.pending_text);
        if text.trim().is_empty() {
            self.gap |= self.line_has_text;
            return;
        }
        let id = self.nodes.len() as NodeId;
        let parent = self.stack.last().copied().unwrap_or(NO_NODE);
        if parent == NO_NODE {
            return; // text outside the root element
        }
        if self.gap && !self.last_text_ends_in_space && !text.starts_with(char::is_whitespace) {
            text.insert(0, ' ');
        }
        self.gap = false;
        self.line_has_text = true;
        self.last_text_ends_in_space = text.ends_with(char::is_whitespace);
        let text = truncate_chars(&text, MAX_TEXT_CHARS);
        self.nodes.push(Node { parent, end: id + 1, data: NodeData::Text(text.into()) });
    }

    pub fn finish(mut self) -> Page {
        while !self.stack.is_empty() || self.skip_depth > 0 {
            self.close();
        }
        self.flush_text();
        Page { nodes: self.nodes, tags: self.tags }
    }

    /// Number of nodes created so far (the id the next node will get).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whitespace-only text node reads as one space, so the snapshot may send it as " ":
    /// the two pages are equal. NBSP and other Unicode spaces are text, not HTML whitespace.
    #[test]
    fn whitespace_only_text_is_one_space() {
        let build = |gap: &str| {
            let mut b = PageBuilder::new();
            b.open("p", []);
            b.text("a");
            b.text(gap);
            b.text("b");
            b.close();
            b.finish()
        };
        let one = build(" ");
        assert_eq!(one.text(1), Some("a b"));
        for gap in ["\n    ", "\t\r\n\x0c ", "  "] {
            assert_eq!(build(gap).text(1), one.text(1), "{gap:?}");
        }
        assert_eq!(build("\u{a0}\u{a0}").text(1), Some("a\u{a0}\u{a0}b"));
        assert!(is_html_whitespace(" \n") && !is_html_whitespace("") && !is_html_whitespace(" x") && !is_html_whitespace("\u{a0}"));
    }

    /// Whitespace-only text between two texts of one line is a word gap the model keeps (the
    /// later text starts with a space), whatever elements wrap it; across a block boundary, or
    /// where a text already has the space, nothing is added.
    #[test]
    fn whitespace_between_inline_elements_is_a_word_gap() {
        // (events, the model's texts): `<` opens the named element, `>` closes one, else text.
        let texts = |events: &[&str]| {
            let mut b = PageBuilder::new();
            b.open("body", []);
            for e in events {
                match e.strip_prefix('<') {
                    Some(tag) => drop(b.open(tag, [])),
                    None if *e == ">" => b.close(),
                    None => b.text(e),
                }
            }
            let p = b.finish();
            (0..p.len() as NodeId).filter_map(|i| p.text(i).map(str::to_string)).collect::<Vec<_>>()
        };
        // or<em> </em>filled
        assert_eq!(texts(&["<p", "or", "<em", " ", ">", "filled", ">"]), ["or", " filled"]);
        // <b><a><strong>statement</strong></a> </b>to
        assert_eq!(texts(&["<p", "<b", "<a", "<strong", "statement", ">", ">", " ", ">", "to", ">"]), ["statement", " to"]);
        // <a>late</a>\n<a>again</a>, and a no-break space alone in a span
        assert_eq!(texts(&["<p", "<a", "late", ">", "\n  ", "<a", "again", ">", ">"]), ["late", " again"]);
        assert_eq!(texts(&["<p", "lasted", "<span", "\u{a0}", ">", "almost", ">"]), ["lasted", " almost"]);
        // Already spaced: nothing added.
        assert_eq!(texts(&["<p", "or ", "<em", " ", ">", "filled", ">"]), ["or ", "filled"]);
        assert_eq!(texts(&["<p", "or", "<em", " ", ">", " filled", ">"]), ["or", " filled"]);
        // A block boundary between: no gap (a line break is not a space), nor before the
        // line's first text.
        assert_eq!(texts(&["<p", "one", ">", "\n", "<p", "two", ">"]), ["one", "two"]);
        assert_eq!(texts(&["<div", "one", "<span", " ", ">", "<p", "two", ">", ">"]), ["one", "two"]);
        assert_eq!(texts(&["<p", "<em", " ", ">", "first", ">"]), ["first"]);
    }

    #[test]
    fn builder_merges_text_and_skips_opaque() {
        let mut b = PageBuilder::new();
        b.open("HTML", []);
        b.open("body", [("CLASS", "x")]);
        b.text("a");
        b.text("b");
        assert_eq!(b.open("svg", []), Some(3));
        assert_eq!(b.open("text", []), None);
        b.text("hidden");
        b.close();
        b.close();
        b.text("   ");
        b.open("p", []);
        b.close();
        b.close();
        b.close();
        let p = b.finish();
        let tags: Vec<_> = (0..p.len() as NodeId).map(|i| p.tag(i).to_string()).collect();
        assert_eq!(tags, ["html", "body", "", "svg", "p"]);
        assert_eq!(p.text(2), Some("ab"));
        assert_eq!(p.attr(1, "class"), Some("x"));
        assert_eq!(p.end(0), 5);
        assert_eq!(p.children(1).collect::<Vec<_>>(), [2, 3, 4]);
        assert!(p.contains(1, 4) && !p.contains(3, 4));
        assert_eq!(p.ancestors(4).collect::<Vec<_>>(), [1, 0]);
    }

    #[test]
    fn builder_tolerates_unbalanced_events() {
        let mut b = PageBuilder::new();
        b.open("html", []);
        b.open("div", []);
        b.text("x");
        b.close();
        b.close();
        b.close(); // one too many
        let p = b.finish();
        assert_eq!(p.len(), 3);
    }
}
