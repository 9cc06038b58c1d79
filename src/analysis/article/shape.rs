//! Shape: per-node facts every pass reads beside [`Stats`], from one forward and one
//! backward pass: which subtrees are side furniture ("unlikely": navigation, asides,
//! footers, class/role-marked boxes; they score nothing), which blocks hold block
//! children, the `<br>`s in each block's flow and the images in each subtree.

use super::tunables::{paragraph::*, shape::*};
use crate::analysis::hints::{H_ALWAYS_UNLIKELY, H_ARTICLE, H_MAYBE, H_UNLIKELY};
use crate::analysis::stats::{bottom_up, Stats};
use crate::page::{NodeId, Page, NO_NODE};
use crate::text::is_block;

/// ARIA roles of side furniture.
const UNLIKELY_ROLES: &[&str] = &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Tags that are furniture wherever they are.
fn is_unlikely_tag(tag: &str) -> bool {
    matches!(tag, "nav" | "aside" | "footer")
}

/// Form controls and friends: never part of the story.
pub(super) fn is_control_tag(tag: &str) -> bool {
    matches!(tag, "button" | "input" | "select" | "textarea" | "fieldset" | "label")
}

/// Furniture by its tag or ARIA role (whatever its class says).
pub(super) fn furniture_tag_or_role(page: &Page, id: NodeId) -> bool {
    is_unlikely_tag(page.tag(id)) || page.attr(id, "role").is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim()))
}

/// Per-node facts the detector needs beyond [`Stats`].
pub(super) struct Shape {
    /// Inside an unlikely subtree (and not inside a table, where layout classes lie).
    pub(super) unlikely: Vec<bool>,
    /// Has a block-level element child other than `<br>`.
    pub(super) has_block_child: Vec<bool>,
    /// `<br>`s in the inline flow of each block.
    pub(super) brs: Vec<u32>,
    /// `<img>`s in each subtree.
    pub(super) imgs: Vec<u32>,
}

impl Shape {
    /// The shape of `page`; without `use_unlikely` nothing is marked unlikely (the looser
    /// passes, for pages whose body carries a furniture-like class).
    pub(super) fn compute(page: &Page, stats: &Stats, use_unlikely: bool) -> Shape {
        let n = page.len();
        let mut s = Shape { unlikely: vec![false; n], has_block_child: vec![false; n], brs: vec![0; n], imgs: vec![0; n] };
        let mut in_table = vec![false; n];
        // Prose (paragraph text) in each subtree, for wrappers with misleading classes.
        let prose = if use_unlikely { prose_per_subtree(page, stats) } else { Vec::new() };
        let page_prose = prose.iter().copied().max().unwrap_or(0);
        for i in 0..n {
            let id = i as NodeId;
            if !page.is_element(id) {
                continue;
            }
            let tag = page.tag(id);
            let parent = page.node(id).parent;
            let (p_unlikely, p_table) = if parent == NO_NODE { (false, false) } else { (s.unlikely[parent as usize], in_table[parent as usize]) };
            in_table[i] = p_table || tag == "table";
            s.unlikely[i] = use_unlikely
                && (p_unlikely || (!p_table && unlikely_here(page, stats, id) && !wraps_story(page, stats, id, prose[i], page_prose)));
            if parent != NO_NODE {
                if tag == "br" {
                    let b = stats.block_of[parent as usize];
                    if b != NO_NODE {
                        s.brs[b as usize] += 1;
                    }
                } else if is_block(tag) {
                    s.has_block_child[parent as usize] = true;
                }
            }
            if tag == "img" {
                s.imgs[i] = 1;
            }
        }
        bottom_up(page, |i, p| s.imgs[p] += s.imgs[i]);
        s
    }
}

/// Paragraph text (visible blocks of at least MIN_PARAGRAPH_WEIGHT, not link lists) in
/// each subtree.
fn prose_per_subtree(page: &Page, stats: &Stats) -> Vec<u32> {
    let mut prose = vec![0u32; page.len()];
    for (i, p) in prose.iter_mut().enumerate() {
        let inline = &stats.inline[i];
        if stats.block_of[i] == i as NodeId
            && !stats.invisible[i]
            && inline.weight() >= MIN_PARAGRAPH_WEIGHT
            && stats.inline_link_chars[i] as f32 <= MAX_PARAGRAPH_LINK_SHARE * inline.chars as f32
        {
            *p = inline.weight();
        }
    }
    bottom_up(page, |i, p| prose[p] += prose[i]);
    prose
}

/// This element itself (not its ancestors) is marked as side furniture.
pub(super) fn unlikely_here(page: &Page, stats: &Stats, id: NodeId) -> bool {
    let tag = page.tag(id);
    if matches!(tag, "body" | "html" | "article" | "main") || page.attr(id, "itemprop").is_some_and(|v| v.contains("articleBody")) {
        return false;
    }
    if furniture_tag_or_role(page, id) {
        return true;
    }
    stats.hints[id as usize] & (H_UNLIKELY | H_MAYBE) == H_UNLIKELY
}

/// An element marked unlikely by its class alone that holds most of the page's prose and
/// an element marked as the story: a layout wrapper with a misleading class name.
fn wraps_story(page: &Page, stats: &Stats, id: NodeId, prose: u32, page_prose: u32) -> bool {
    if (prose as f32) < UNLIKELY_MAX_PROSE_SHARE * page_prose as f32 || page_prose == 0 {
        return false;
    }
    if furniture_tag_or_role(page, id) {
        return false;
    }
    if stats.hints[id as usize] & H_ALWAYS_UNLIKELY != 0 {
        return false;
    }
    // ... and which holds an element marked as the story (near its top: the scan is bounded).
    page.subtree(id).skip(1).take(WRAPS_STORY_SCAN_NODES).any(|d| {
        page.is_element(d)
            && (page.tag(d) == "article"
                || page.attr(d, "itemprop").is_some_and(|v| v.contains("articleBody"))
                || stats.hints[d as usize] & H_ARTICLE != 0)
    })
}
