//! The page as attribution reads it: the story the detector found, the text that is not
//! the story's (invisible, hidden by the plan, in a photo caption), the article's blocks
//! and the body's blocks around it, and the region around the headline.

use super::blocks::Blocks;
use crate::analysis::meta::Meta;
use crate::analysis::stats::Stats;
use crate::lexicon::attribution;
use crate::page::{NodeId, Page};
use crate::plan::Hide;
use std::cell::OnceCell;

// ---- tunables ----
/// Source labels and dated lines outside the article are looked for in lines up to this
/// long (characters).
const MAX_LINE_CHARS: u32 = 200;

/// The story the article detector found.
pub(crate) struct Story<'a> {
    /// The article's blocks.
    pub nodes: &'a [NodeId],
    /// The headline element.
    pub title_node: Option<NodeId>,
    /// The headline's text.
    pub title: Option<&'a str>,
}

/// Everything attribution reads of one page.
pub(crate) struct Input<'a> {
    pub(super) page: &'a Page,
    pub(super) stats: &'a Stats,
    pub(super) meta: &'a Meta<'a>,
    pub(super) story: Story<'a>,
    /// The page's address, when known.
    pub(super) url: Option<&'a str>,
    /// Nodes whose text is not the story's: invisible, hidden by the plan, or in a caption.
    skip: Vec<bool>,
    /// Nodes inside (or at) an article node.
    inside: Vec<bool>,
    /// The blocks of the article and of the body, computed once.
    article_blocks: OnceCell<Blocks<'a>>,
    body_blocks: OnceCell<Blocks<'a>>,
}

impl<'a> Input<'a> {
    pub(crate) fn new(page: &'a Page, stats: &'a Stats, meta: &'a Meta<'a>, story: Story<'a>, hidden: &[Hide], url: Option<&'a str>) -> Self {
        // One forward pass: a node is skipped when its parent is, or it starts a skipped subtree.
        let mut skip = vec![false; page.len()];
        let hidden_here = page.within(hidden.iter().map(|h| h.node));
        for i in 0..page.len() {
            let id = i as NodeId;
            let inherited = page.parent(id).is_some_and(|p| skip[p as usize]);
            skip[i] = inherited || stats.invisible[i] || hidden_here[i] || (page.is_element(id) && is_caption(page, id));
        }
        let inside = page.within(story.nodes.iter().copied());
        Input { page, stats, meta, story, url, skip, inside, article_blocks: OnceCell::new(), body_blocks: OnceCell::new() }
    }

    /// The node's text is not the story's.
    pub(super) fn skipped(&self, id: NodeId) -> bool {
        self.skip[id as usize]
    }

    /// The node lies in (or is) an article block.
    pub(super) fn in_article(&self, id: NodeId) -> bool {
        self.inside[id as usize]
    }

    /// The page's `<body>` (the root when it has none).
    pub(super) fn body(&self) -> NodeId {
        self.page.find_tag("body").unwrap_or(0)
    }

    /// The block is a line short enough to be a label or a date line.
    pub(super) fn is_short_line(&self, block: NodeId) -> bool {
        self.stats.total[block as usize].chars <= MAX_LINE_CHARS
    }

    /// The article's text blocks.
    pub(super) fn article_blocks(&self) -> &Blocks<'a> {
        self.article_blocks.get_or_init(|| self.blocks(self.story.nodes, false))
    }

    /// The body's text blocks outside the article (the only ones their readers want).
    pub(super) fn body_blocks(&self) -> &Blocks<'a> {
        self.body_blocks.get_or_init(|| self.blocks(&[self.body()], true))
    }

    /// The story's text blocks under `roots`, without those in the article when
    /// `outside_article`. One function for both block lists, so that `Blocks::of` is built
    /// into the wasm once rather than once per pair of closures.
    #[inline(never)]
    fn blocks(&self, roots: &[NodeId], outside_article: bool) -> Blocks<'a> {
        Blocks::of(self.page, &self.stats.block_of, roots, |i| self.skipped(i), |b| outside_article && self.in_article(b))
    }

    /// The nodes around the headline that hold bylines, credits and the page date: from the
    /// headline's parent to the start of the article.
    pub(super) fn header_region(&self) -> std::ops::Range<NodeId> {
        let page = self.page;
        let Some(t) = self.story.title_node else { return 0..0 };
        let start = page.parent(t).unwrap_or(t);
        let end = match self.story.nodes.iter().copied().min() {
            Some(a) if a > t => a,
            _ => page.end(start),
        };
        start..end.max(page.end(t))
    }
}

/// A photo caption or credit: `<figure>`, `<figcaption>`, or an element with a caption class.
fn is_caption(page: &Page, a: NodeId) -> bool {
    let words = &attribution().caption_classes;
    matches!(page.tag(a), "figcaption" | "figure")
        || page.attr(a, "class").is_some_and(|c| {
            c.split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
                .chain(c.split_whitespace())
                .any(|w| words.iter().any(|k| w.eq_ignore_ascii_case(k)))
        })
}
