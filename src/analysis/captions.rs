//! Repeated captions: the same caption text shown more than once (a figure caption, a
//! line next to a photo, a copy glued into a paragraph). One copy stays — the one glued
//! into text (it can't be hidden alone) or else the first one attached to an image; the
//! other copies and the duplicated photos beside them are hidden. A caption shown once is
//! content and is never touched.

use super::stats::Stats;
use super::Guard;
use crate::page::{NodeId, Page, NO_NODE};
use crate::plan::{Hide, Kind, Reason, ReasonCode};
use crate::text::squash_groups;
use std::collections::HashSet;

// ---- tunables ----
/// Caption text shorter than this (letters and digits) is too generic to compare.
pub(crate) const MIN_CAPTION_CHARS: usize = 20;
/// A copy with at most this many extra letters around the caption ("Photo:", "Foto:",
/// "图：", "사진=") is a copy of its own; with more, it is glued into running text.
pub(crate) const MAX_AFFIX_CHARS: usize = 8;


fn has_img(page: &Page, id: NodeId) -> bool {
    page.subtree(id).any(|i| page.tag(i) == "img")
}

/// Each node's nearest element siblings, from one pass over every parent's children (the
/// arena has no sibling links, and walking the siblings per block is quadratic in a
/// parent with thousands of paragraphs).
struct Siblings {
    prev: Vec<NodeId>,
    next: Vec<NodeId>,
}

impl Siblings {
    fn new(page: &Page) -> Siblings {
        let n = page.len();
        let mut sib = Siblings { prev: vec![NO_NODE; n], next: vec![NO_NODE; n] };
        // Nodes whose next element sibling is not known yet, per parent: filled when the
        // parent's next element child comes.
        let mut waiting: Vec<NodeId> = Vec::new();
        for p in 0..n as NodeId {
            if !page.is_element(p) {
                continue;
            }
            let mut last = NO_NODE;
            waiting.clear();
            for c in page.children(p) {
                sib.prev[c as usize] = last;
                if page.is_element(c) {
                    for w in waiting.drain(..) {
                        sib.next[w as usize] = c;
                    }
                    last = c;
                }
                waiting.push(c);
            }
        }
        sib
    }

    fn prev_element(&self, id: NodeId) -> Option<NodeId> {
        Some(self.prev[id as usize]).filter(|&p| p != NO_NODE)
    }

    fn next_element(&self, id: NodeId) -> Option<NodeId> {
        Some(self.next[id as usize]).filter(|&p| p != NO_NODE)
    }

    /// Attached to a photo: a figcaption, inside a figure, or right beside an image.
    fn beside_image(&self, page: &Page, id: NodeId) -> bool {
        page.tag(id) == "figcaption"
            || page.ancestors(id).take(2).any(|a| page.tag(a) == "figure")
            || self.prev_element(id).is_some_and(|s| has_img(page, s))
            || self.next_element(id).is_some_and(|s| has_img(page, s) && stats_free_text(page, s))
    }
}

fn stats_free_text(page: &Page, id: NodeId) -> bool {
    page.subtree(id).all(|i| page.text(i).is_none_or(|t| t.trim().is_empty()))
}

#[inline(never)]
pub(crate) fn find(page: &Page, stats: &Stats, guard: &Guard, already: &[Hide]) -> Vec<Hide> {
    // Inside a block another pass hides.
    let covered = page.within(already.iter().map(|h| h.node));
    let sib = Siblings::new(page);
    let candidate = |b: NodeId| {
        page.is_element(b)
            && stats.block_of[b as usize] == b
            && !stats.invisible[b as usize]
            && stats.inline[b as usize].chars as usize >= MIN_CAPTION_CHARS
    };
    // A repeated caption has a copy beside an image: without one, there is nothing to do
    // (and no reason to squash every paragraph of the page).
    if !(0..page.len() as NodeId).any(|b| candidate(b) && sib.beside_image(page, b)) {
        return Vec::new();
    }
    // Every visible text block with its squashed text (its own text, not nested blocks'),
    // from one pass over the text nodes: walking each block's subtree would read a text
    // node once per enclosing block.
    let ids: Vec<NodeId> = (0..page.len() as NodeId).filter(|&b| candidate(b) && !covered[b as usize]).collect();
    let mut group = vec![u32::MAX; page.len()];
    for (g, &b) in ids.iter().enumerate() {
        group[b as usize] = g as u32;
    }
    let pieces = (0..page.len()).filter(|&i| !stats.invisible[i]).filter_map(|i| {
        let b = stats.block_of[i];
        let g = *group.get(b as usize)?;
        Some((g as usize, page.text(i as NodeId)?))
    });
    let blocks: Vec<(NodeId, String)> = ids
        .iter()
        .copied()
        .zip(squash_groups(ids.len(), pieces))
        .filter(|(_, k)| k.chars().count() >= MIN_CAPTION_CHARS)
        .collect();

    let mut done: HashSet<&str> = HashSet::new();
    let mut hides = Vec::new();
    for (b, key) in &blocks {
        if done.contains(key.as_str()) || !sib.beside_image(page, *b) {
            continue;
        }
        done.insert(key);
        let key_chars = key.chars().count();
        // One searcher per caption, reused over every block (this loop is blocks × captions).
        let finder = memchr::memmem::Finder::new(key.as_bytes());
        let mut standalone: Vec<NodeId> = Vec::new();
        let mut glued = 0;
        for (n, k) in &blocks {
            if k.len() < key.len() || finder.find(k.as_bytes()).is_none() {
                continue;
            }
            if k.chars().count() - key_chars <= MAX_AFFIX_CHARS {
                standalone.push(*n);
            } else {
                glued += 1;
            }
        }
        if standalone.len() + glued < 2 {
            continue;
        }
        let keep = if glued > 0 { None } else { standalone.iter().copied().find(|&n| sib.beside_image(page, n)) };
        for &copy in standalone.iter().filter(|&&n| Some(n) != keep) {
            if !guard.may_hide_in_article(page, copy) {
                continue;
            }
            let copies = standalone.len() + glued;
            hides.push(Hide { node: copy, kind: Kind::CaptionRepeat, reason: Reason::new(ReasonCode::CaptionRepeat, [copies.to_string()]) });
            for photo in [sib.prev_element(copy), sib.next_element(copy)].into_iter().flatten() {
                if has_img(page, photo) && stats_free_text(page, photo) && duplicate_image(page, photo) && guard.may_hide_in_article(page, photo) {
                    hides.push(Hide { node: photo, kind: Kind::CaptionRepeat, reason: ReasonCode::PhotoRepeat.into() });
                }
            }
        }
    }
    hides
}

/// The images in `block` all appear earlier on the page.
fn duplicate_image(page: &Page, block: NodeId) -> bool {
    let srcs: Vec<&str> = page.subtree(block).filter(|&i| page.tag(i) == "img").filter_map(|i| page.attr(i, "src")).collect();
    !srcs.is_empty()
        && srcs.iter().all(|src| (0..block).any(|i| page.tag(i) == "img" && page.attr(i, "src") == Some(*src)))
}
