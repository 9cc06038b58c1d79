//! Headline: the heading the page's `<title>` or og:title names (else the only h1; else,
//! per pass, the last h1 before the article root), and the lead paragraphs (standfirst)
//! between the headline and the story's first block, which join the story.

use super::shape::{furniture_tag_or_role, is_control_tag, unlikely_here};
use super::tunables::{headline::*, refine::JUNK_LINK_DENSITY};
use crate::analysis::hints::H_HEADER;
use crate::analysis::meta::{split_title, Meta};
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};
use crate::text::fold;

/// The headline: the h1/h2 whose text the `<title>` or og:title contains; else the only h1.
pub(super) fn find_title_node(page: &Page, stats: &Stats, meta: &Meta) -> Option<NodeId> {
    let doc_title = meta.doc_title().unwrap_or_default();
    // The headline part of the <title>: its longest part once the site name is split off.
    let headline_part = split_title(doc_title).into_iter().max_by_key(|p| p.chars().count()).map(fold).unwrap_or_default();
    let doc_title = fold(doc_title);
    let og = meta.content("og:title").map(fold).unwrap_or_default();
    let mut best: Option<(u8, NodeId)> = None;
    let mut h1s = Vec::new();
    for i in 0..page.len() as NodeId {
        let tag = page.tag(i);
        if !matches!(tag, "h1" | "h2") || stats.invisible[i as usize] {
            continue;
        }
        let text = fold(&stats.visible_text(page, i));
        let len = text.chars().count();
        if len < HEADLINE_MIN_CHARS as usize {
            continue;
        }
        let close = |whole: &str| !whole.is_empty() && (whole.contains(&text) || text.contains(whole)) && 2 * len >= whole.chars().count();
        // 3: the og:title; 2: the headline part of <title>; 1: only some part of <title>
        // (often the site's name in a logo heading).
        let rank = if close(&og) {
            3
        } else if close(&headline_part) {
            2
        } else if doc_title.contains(&text) {
            1
        } else {
            0
        };
        if rank > best.map_or(0, |b| b.0) {
            best = Some((rank, i));
        }
        if tag == "h1" {
            h1s.push(i);
        }
    }
    match best {
        Some((rank, id)) if rank >= 2 => Some(id),
        _ if h1s.len() == 1 => Some(h1s[0]),
        Some((_, id)) => Some(id),
        None => None,
    }
}

/// Adds to `nodes` the lead paragraphs between the headline (`title_node`, else the last
/// h1 before `root`) and the first story block after it, when the headline sits outside
/// the story blocks.
pub(super) fn add_leads(page: &Page, stats: &Stats, title_node: Option<NodeId>, root: NodeId, blocks: &[NodeId], nodes: &mut Vec<NodeId>) {
    let title_node = title_node.or_else(|| headline_before(page, stats, root));
    // Leads end at the first story block after the headline (blocks are in order).
    if let Some(t) = title_node.filter(|&t| !blocks.iter().any(|&b| page.contains(b, t))) {
        let first = blocks.iter().copied().find(|&b| b >= page.end(t)).unwrap_or(root);
        nodes.extend(lead_paragraphs(page, stats, t, first));
    }
}

/// Without a headline matching the page title: the last h1 before the article root.
fn headline_before(page: &Page, stats: &Stats, root: NodeId) -> Option<NodeId> {
    (0..root).rev().find(|&i| page.tag(i) == "h1" && !stats.invisible[i as usize] && stats.total[i as usize].chars >= HEADLINE_MIN_CHARS)
}

/// Prose paragraphs between the headline and the article's first block (standfirst, lead),
/// inside the smallest element holding both, outside furniture and link-heavy blocks.
fn lead_paragraphs(page: &Page, stats: &Stats, title: NodeId, first: NodeId) -> Vec<NodeId> {
    if page.end(title) > first {
        return vec![];
    }
    let Some(common) = page.ancestors(title).find(|&a| page.contains(a, first)) else { return vec![] };
    // When only the page itself holds both, the lead shares the headline's own section (the
    // page header band around the headline), not whatever lies between that and the body.
    let stop = if matches!(page.tag(common), "body" | "html") {
        let Some(top) = std::iter::once(title).chain(page.ancestors(title)).find(|&a| page.parent(a) == Some(common)) else {
            return vec![];
        };
        page.end(top).min(first)
    } else {
        first
    };
    let mut out = Vec::new();
    let mut i = page.end(title);
    while i < stop {
        let iu = i as usize;
        // (Furniture marks inherited from a wrapper of the headline, such as an article
        // header, don't count: only what the walk itself meets. Nor does a "header" class
        // met after the headline: that is the story's own header, where leads sit.)
        let unlikely = unlikely_here(page, stats, i) && (furniture_tag_or_role(page, i) || stats.hints[iu] & H_HEADER == 0);
        if !page.is_element(i) || stats.invisible[iu] || unlikely || is_control_tag(page.tag(i)) {
            i = if page.is_element(i) && !page.contains(i, first) { page.end(i) } else { i + 1 };
            continue;
        }
        if stats.link_density(i) > JUNK_LINK_DENSITY && !page.contains(i, first) {
            i = page.end(i);
            continue;
        }
        let inline = &stats.inline[iu];
        if stats.block_of[iu] == i
            && inline.weight() >= LEAD_MIN_WEIGHT
            && (stats.inline_link_chars[iu] as f32) < LEAD_MAX_LINK_SHARE * inline.chars as f32
            && !page.contains(i, first)
        {
            out.push(i);
            i = page.end(i);
            continue;
        }
        i += 1;
    }
    out
}
