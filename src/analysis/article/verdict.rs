//! Verdict: whether a pass's body is a story. Readerable (enough long paragraphs — fewer
//! when the page declares itself an article — or many short ones, or a compact body of
//! prose), enough text, few links, and neither a listing of teasers, a list of items
//! (an inbox, a result table) nor a forum thread.

use super::score::Scores;
use super::tunables::{paragraph::MIN_PARAGRAPH_WEIGHT, verdict::*};
use crate::analysis::hints::H_POSTER;
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};
use std::collections::HashMap;

/// What the readerable check reads of one pass's story blocks.
#[derive(Clone, Copy, Debug)]
pub struct Body {
    /// All text of the story blocks (weight: CJK counts CJK_WEIGHT times).
    pub weight: u32,
    /// Sum of sqrt(len - READERABLE_MIN_PARAGRAPH) over the page's long paragraphs.
    pub score: f32,
    /// Paragraphs in the story blocks ...
    pub paragraphs: u32,
    /// ... and their text.
    pub paragraph_weight: u32,
    /// A compact story: a few paragraphs that are most of the text, few links.
    pub compact: bool,
    pub readerable: bool,
}

impl Body {
    pub(super) fn of(stats: &Stats, sc: &Scores, nodes: &[NodeId], weight: u32, declared: bool) -> Body {
        let paragraphs: u32 = nodes.iter().map(|&n| sc.para_count[n as usize]).sum();
        let paragraph_weight: u32 = nodes.iter().map(|&n| sc.para_weight[n as usize]).sum();
        let min_score = if declared { READERABLE_MIN_SCORE_DECLARED } else { READERABLE_MIN_SCORE };
        let compact = paragraphs >= COMPACT_BODY_PARAGRAPHS
            && paragraph_weight >= COMPACT_BODY_WEIGHT
            && paragraph_weight as f32 >= COMPACT_BODY_PROSE_SHARE * weight as f32
            && density_of(stats, nodes) <= COMPACT_BODY_MAX_LINK_DENSITY;
        let readerable = sc.readerable >= min_score
            || (paragraphs >= READERABLE_BODY_PARAGRAPHS && paragraph_weight >= READERABLE_BODY_WEIGHT)
            || compact;
        Body { weight, score: sc.readerable, paragraphs, paragraph_weight, compact, readerable }
    }
}

/// The inputs of the final decision, and the decision.
#[derive(Clone, Copy, Debug)]
pub struct Verdict {
    /// The page declares itself an article (og:type, schema.org type, single-post body).
    pub declared: bool,
    pub readerable: bool,
    /// The story's text ...
    pub weight: u32,
    /// ... and the least it needs.
    pub min_weight: u32,
    /// Link density of the story's blocks together.
    pub density: f32,
    /// Teasers or rows of items rather than a story.
    pub listing: bool,
    /// Posts of a forum thread or comment page.
    pub forum: bool,
    /// The article root the verdict is about.
    pub root: NodeId,
}

impl Verdict {
    pub(super) fn of(page: &Page, stats: &Stats, root: NodeId, nodes: &[NodeId], body: &Body, declared: bool) -> Verdict {
        let density = density_of(stats, nodes);
        let mut min_weight = min_article_weight(declared);
        if body.compact {
            min_weight = min_weight.min(COMPACT_BODY_WEIGHT);
        }
        let listing = is_listing(page, stats, nodes) || is_item_list(page, stats, nodes);
        let forum = is_forum(page, stats, root);
        Verdict { declared, readerable: body.readerable, weight: body.weight, min_weight, density, listing, forum, root }
    }

    pub(super) fn is_article(&self) -> bool {
        self.readerable && self.weight >= self.min_weight && self.density <= MAX_ARTICLE_LINK_DENSITY && !self.listing && !self.forum
    }
}

/// The least text an article holds.
pub(super) fn min_article_weight(declared: bool) -> u32 {
    if declared {
        MIN_ARTICLE_WEIGHT_DECLARED
    } else {
        MIN_ARTICLE_WEIGHT
    }
}

/// Link density of the article's blocks together.
pub(super) fn density_of(stats: &Stats, nodes: &[NodeId]) -> f32 {
    let link: u32 = nodes.iter().map(|&n| stats.link_chars[n as usize]).sum();
    let chars: u32 = nodes.iter().map(|&n| stats.total[n as usize].chars).sum();
    if chars == 0 {
        1.0
    } else {
        link as f32 / chars as f32
    }
}

/// Teasers: many headings that are links (titles of other pages), few paragraphs each.
fn is_listing(page: &Page, stats: &Stats, nodes: &[NodeId]) -> bool {
    let mut linked = 0u32;
    let mut paragraphs = 0u32;
    let mut text = 0u32;
    for &b in nodes {
        for i in page.subtree(b) {
            let iu = i as usize;
            if !page.is_element(i) || stats.invisible[iu] {
                continue;
            }
            let tag = page.tag(i);
            if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                if stats.total[iu].chars >= LISTING_HEADING_MIN_CHARS && stats.link_density(i) > LISTING_HEADING_MIN_LINK_DENSITY {
                    linked += 1;
                }
            } else if stats.block_of[iu] == i && stats.inline[iu].weight() >= MIN_PARAGRAPH_WEIGHT {
                paragraphs += 1;
                text += stats.inline[iu].weight();
            }
        }
    }
    linked >= LISTING_MIN_LINKED_HEADINGS
        && linked * LISTING_PARAGRAPHS_PER_HEADING >= paragraphs
        && text < LISTING_MAX_TEXT_PER_HEADING * linked
}

/// Rows of items rather than a story: most of the text sits in table cells that each carry
/// a link (a mail inbox, a result table), and nothing else is prose.
fn is_item_list(page: &Page, stats: &Stats, nodes: &[NodeId]) -> bool {
    let (mut items, mut item_weight, mut total) = (0u32, 0u32, 0u32);
    for &b in nodes {
        for i in page.subtree(b) {
            let iu = i as usize;
            if !page.is_element(i) || stats.invisible[iu] || stats.block_of[iu] != i {
                continue;
            }
            let w = stats.inline[iu].weight();
            if w < MIN_PARAGRAPH_WEIGHT {
                continue;
            }
            total += w;
            let linked = page.subtree(i).skip(1).any(|d| page.tag(d) == "a");
            if page.tag(i) == "td" && linked {
                items += 1;
                item_weight += w;
            } else if w >= ITEM_LIST_MAX_PROSE {
                return false;
            }
        }
    }
    items >= ITEM_LIST_MIN_ITEMS && item_weight as f32 >= ITEM_LIST_MIN_SHARE * total as f32
}

/// Posts: the article container is (or sits beside) several alike blocks (tag and class),
/// each with prose and a poster element, together holding most of the text around them.
fn is_forum(page: &Page, stats: &Stats, root: NodeId) -> bool {
    let has_poster = |b: NodeId| {
        page.subtree(b).skip(1).any(|i| {
            page.is_element(i) && stats.total[i as usize].chars <= FORUM_POSTER_MAX_CHARS && stats.hints[i as usize] & H_POSTER != 0
        })
    };
    // The groups to try: the root's children, and the root with its siblings.
    for parent in [Some(root), page.parent(root)].into_iter().flatten() {
        // Posts and their weight per (tag, class): counted in a map rather than by sorting
        // the blocks, as sorting these tuples would bring a quicksort of its own into the wasm.
        let mut groups: HashMap<(&str, &str), (usize, u32)> = HashMap::new();
        for c in page.children(parent).filter(|&c| {
            page.is_element(c)
                && !stats.invisible[c as usize]
                && matches!(page.tag(c), "div" | "article" | "section" | "li" | "tr" | "table")
                && stats.weight(c) >= MIN_PARAGRAPH_WEIGHT * 2
                && has_poster(c)
        }) {
            let group = groups.entry((page.tag(c), page.attr(c, "class").unwrap_or(""))).or_default();
            group.0 += 1;
            group.1 += stats.weight(c);
        }
        let total = stats.weight(parent) as f32;
        if groups.values().any(|&(posts, weight)| posts >= FORUM_MIN_POSTS && weight as f32 >= FORUM_MIN_SHARE * total) {
            return true;
        }
    }
    false
}
