//! Per-node text statistics, computed in two linear passes over the arena.

use crate::page::{NodeId, Page, NO_NODE};
use crate::text::{is_block, is_invisible_tag, TextCounts};

pub struct Stats {
    /// Visible text of each subtree.
    pub total: Vec<TextCounts>,
    /// Characters of each subtree's visible text that sit inside links.
    pub link_chars: Vec<u32>,
    /// For block elements: the text whose nearest block ancestor is this element.
    pub inline: Vec<TextCounts>,
    /// For block elements: the part of `inline` inside links.
    pub inline_link_chars: Vec<u32>,
    /// Nearest block element at or above each node (the root element counts as a block).
    pub block_of: Vec<NodeId>,
    /// Inside script/style/head or a `[hidden]` / `display:none` subtree.
    pub invisible: Vec<bool>,
    /// Class/id hint bits of each element (`hints::hint_set`), read once here
    /// because the detector asks for them many times per element.
    pub hints: Vec<u32>,
}

/// The bottom-up pass: calls `add(node, parent)` for every node with a parent, last node
/// first. In the arena a node comes after its ancestors, so each node's sum over its
/// subtree is complete before it is added to its parent's.
#[inline(always)]
pub(crate) fn bottom_up(page: &Page, mut add: impl FnMut(usize, usize)) {
    for i in (1..page.len()).rev() {
        let parent = page.node(i as NodeId).parent;
        if parent != NO_NODE {
            add(i, parent as usize);
        }
    }
}

fn hidden_by_attrs(page: &Page, id: NodeId) -> bool {
    if page.attr(id, "hidden").is_some() {
        return true;
    }
    page.attr(id, "style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

impl Stats {
    #[inline(never)]
    pub fn compute(page: &Page) -> Stats {
        let n = page.len();
        let mut s = Stats {
            total: vec![TextCounts::default(); n],
            link_chars: vec![0; n],
            inline: vec![TextCounts::default(); n],
            inline_link_chars: vec![0; n],
            block_of: vec![NO_NODE; n],
            invisible: vec![false; n],
            hints: vec![0; n],
        };
        let mut in_link = vec![false; n];
        let hint_set = super::hints::hint_set();
        let mut hint_cache = super::hints::MaskCache::new();
        for i in 0..n {
            let id = i as NodeId;
            let parent = page.node(id).parent;
            let (p_invisible, p_link, p_block) = if parent == NO_NODE {
                (false, false, NO_NODE)
            } else {
                let p = parent as usize;
                (s.invisible[p], in_link[p], s.block_of[p])
            };
            if let Some(text) = page.text(id) {
                s.invisible[i] = p_invisible;
                s.block_of[i] = p_block;
                if p_invisible {
                    continue;
                }
                let c = TextCounts::of(text);
                s.total[i] = c;
                if p_link {
                    s.link_chars[i] = c.chars;
                }
                if p_block != NO_NODE {
                    s.inline[p_block as usize].add(&c);
                    if p_link {
                        s.inline_link_chars[p_block as usize] += c.chars;
                    }
                }
            } else {
                let tag = page.tag(id);
                s.invisible[i] = p_invisible || is_invisible_tag(tag) || hidden_by_attrs(page, id);
                in_link[i] = p_link || tag == "a";
                // The root element is a block whatever its tag (an XML document's <feed>, a
                // custom element), so every text node has a block and no pass indexes with
                // NO_NODE; an HTML page's root, <html>, is a block tag anyway.
                s.block_of[i] = if is_block(tag) || parent == NO_NODE { id } else { p_block };
                s.hints[i] = hint_set.of_cached(page, id, &mut hint_cache);
            }
        }
        bottom_up(page, |i, parent| {
            let c = s.total[i];
            s.total[parent].add(&c);
            s.link_chars[parent] += s.link_chars[i];
        });
        s
    }

    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = &self.total[id as usize];
        if t.chars == 0 {
            0.0
        } else {
            self.link_chars[id as usize] as f32 / t.chars as f32
        }
    }

    /// The visible text whose nearest block is `id` (its own lines, without nested blocks).
    pub(crate) fn inline_text(&self, page: &Page, id: NodeId) -> String {
        let mut out = String::new();
        for i in page.subtree(id) {
            if let Some(t) = page.text(i) {
                if self.block_of[i as usize] == id && !self.invisible[i as usize] {
                    out.push_str(t);
                }
            }
        }
        out
    }

    /// The visible text of a subtree, concatenated raw (without ruby readings, scripts,
    /// `[hidden]` parts): what a headline reads as.
    pub fn visible_text(&self, page: &Page, id: NodeId) -> String {
        let mut out = String::new();
        for i in page.subtree(id) {
            if let Some(t) = page.text(i) {
                if !self.invisible[i as usize] {
                    out.push_str(t);
                }
            }
        }
        out
    }

    pub fn weight(&self, id: NodeId) -> u32 {
        self.total[id as usize].weight()
    }
}
