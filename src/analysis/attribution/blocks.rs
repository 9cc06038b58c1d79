//! The visible text blocks attribution reads (the article's paragraphs, the lines around
//! it), each with its text nodes and, once asked for, its collapsed text; and which of the
//! article's blocks are its lead and its close.

use crate::page::{NodeId, Page, NO_NODE};
use crate::text::{collapse_into, INVISIBLE_CHARS};
use std::cell::OnceCell;

// ---- tunables ----
/// How many leading paragraphs may hold the dateline or the story's date.
pub(super) const LEAD_BLOCKS: usize = 3;
/// How many closing paragraphs may hold a tail such as "(Yonhap)".
const TAIL_BLOCKS: usize = 3;

/// Visible text blocks, in order, with their text (nested blocks separate). Most readers
/// look at a few blocks (the first and last paragraphs, the lines after the article), so
/// the text of the others is never built.
pub(super) struct Blocks<'a> {
    page: &'a Page,
    /// Blocks with visible text, in document order.
    nodes: Vec<NodeId>,
    /// The text nodes of block `k` are `texts[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    texts: Vec<NodeId>,
    collapsed: Vec<OnceCell<String>>,
}

/// The text nodes under some roots, grouped by their block, blocks in the order their
/// first text is read.
struct Grouped {
    /// The blocks.
    entries: Vec<NodeId>,
    /// The text nodes of entry `e` are `texts[starts[e]..starts[e + 1]]`, in reading order.
    starts: Vec<u32>,
    texts: Vec<NodeId>,
}

impl<'a> Blocks<'a> {
    /// The blocks (`block_of`: each node's block) holding the text nodes under `roots`
    /// that `skip_text` keeps, without the blocks `skip_block` names and those whose text
    /// collapses to nothing.
    pub(super) fn of(
        page: &'a Page,
        block_of: &[NodeId],
        roots: &[NodeId],
        skip_text: impl Fn(NodeId) -> bool,
        skip_block: impl Fn(NodeId) -> bool,
    ) -> Blocks<'a> {
        let g = group(page, block_of, roots, |i| skip_text(i) || skip_block(block_of[i as usize]));
        // Blocks in document order, without those whose text is only whitespace and
        // invisible characters.
        let mut order: Vec<u32> = (0..g.entries.len() as u32).collect();
        crate::sort::by_key(&mut order, |&e| g.entries[e as usize] as u64);
        let visible = |t: NodeId| page.text(t).is_some_and(|s| s.chars().any(|c| !c.is_whitespace() && !INVISIBLE_CHARS.contains(&c)));
        let mut out = Blocks { page, nodes: Vec::new(), starts: vec![0], texts: Vec::with_capacity(g.texts.len()), collapsed: Vec::new() };
        for e in order {
            let own = &g.texts[g.starts[e as usize] as usize..g.starts[e as usize + 1] as usize];
            if !own.iter().any(|&t| visible(t)) {
                continue;
            }
            out.nodes.push(g.entries[e as usize]);
            out.texts.extend_from_slice(own);
            out.starts.push(out.texts.len() as u32);
            out.collapsed.push(OnceCell::new());
        }
        out
    }

    pub(super) fn len(&self) -> usize {
        self.nodes.len()
    }

    pub(super) fn node(&self, k: usize) -> NodeId {
        self.nodes[k]
    }

    /// The block's text, whitespace collapsed (`collapse` of its text nodes joined).
    pub(super) fn text(&self, k: usize) -> &str {
        self.collapsed[k].get_or_init(|| {
            let mut out = String::new();
            let mut space = false;
            for &t in &self.texts[self.starts[k] as usize..self.starts[k + 1] as usize] {
                collapse_into(self.page.text(t).unwrap_or(""), &mut out, &mut space);
            }
            out
        })
    }

    /// The lead blocks, first to last.
    pub(super) fn lead(&self) -> std::ops::Range<usize> {
        0..self.len().min(LEAD_BLOCKS)
    }

    /// The closing blocks, last to first.
    pub(super) fn closing(&self) -> impl Iterator<Item = usize> {
        (0..self.len()).rev().take(TAIL_BLOCKS)
    }
}

/// The text nodes under `roots` that `skip` keeps, grouped by block: a flat table from
/// block to entry (no hashing), then the text nodes placed by a counting sort. Every text
/// node has a block (the root element counts as one: `Stats::block_of`); text without one
/// is left out all the same.
fn group(page: &Page, block_of: &[NodeId], roots: &[NodeId], skip: impl Fn(NodeId) -> bool) -> Grouped {
    // Block → its entry (u32::MAX: none yet).
    let mut index: Vec<u32> = vec![u32::MAX; page.len()];
    let mut entries: Vec<NodeId> = Vec::new();
    // (entry, text node), in the order the text is read.
    let mut pairs: Vec<(u32, NodeId)> = Vec::new();
    for &root in roots {
        for i in page.subtree(root) {
            let b = block_of[i as usize];
            if page.text(i).is_none() || b == NO_NODE || skip(i) {
                continue;
            }
            let slot = &mut index[b as usize];
            if *slot == u32::MAX {
                *slot = entries.len() as u32;
                entries.push(b);
            }
            pairs.push((*slot, i));
        }
    }
    // Each entry's text nodes together, in reading order.
    let mut starts = vec![0u32; entries.len() + 1];
    for &(e, _) in &pairs {
        starts[e as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut fill = starts.clone();
    let mut texts = vec![0 as NodeId; pairs.len()];
    for &(e, t) in &pairs {
        texts[fill[e as usize] as usize] = t;
        fill[e as usize] += 1;
    }
    Grouped { entries, starts, texts }
}
