//! Unlabelled-by-lexicon headline lists after the article starts: a short heading line
//! over a list of at least three links that read like headlines ("热点新闻", "Lo último",
//! any phrasing the lexicon lacks). Pure structure, so it is strict: outside the article
//! only, after its start (not the site's menus), nearly all links, headline-length links.

use super::Ctx;
use crate::page::NodeId;
use crate::plan::{Hide, Kind, Reason, ReasonCode};
use crate::lexicon::PhraseUse;
use crate::text::{collapse, truncate, TextCounts};

fn is_heading_tag(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

// ---- tunables ----
/// The heading line is short (Latin-equivalent characters; CJK count triple).
pub(super) const MAX_HEADING_WEIGHT: u32 = 45;
/// The rest of the block is at least this share links.
pub(super) const MIN_LINK_DENSITY: f32 = 0.85;
/// At least this many links.
pub(super) const MIN_LINKS: usize = 3;
/// At most this many links: a longer list is site navigation, not a box.
pub(super) const MAX_LINKS: usize = 20;
/// Links average at least this Latin-equivalent length (a headline, not a menu entry).
pub(super) const MIN_AVG_LINK_WEIGHT: u32 = 24;

/// Pure structure: consumes no lexicon section.
#[cfg(test)]
pub const SECTIONS: &[&str] = &[];

/// Latin-equivalent weight of each link in a subtree.
fn link_weights(cx: &Ctx, id: NodeId) -> Vec<u32> {
    let page = cx.page;
    page.subtree(id)
        .filter(|&i| page.tag(i) == "a" && cx.chars(i) > 0)
        // In-page links (a table of contents) are the article's own.
        .filter(|&i| !page.attr(i, "href").is_some_and(|h| h.trim_start().starts_with('#')))
        .map(|i| {
            let mut t = TextCounts::default();
            for j in page.subtree(i) {
                if let (Some(s), false) = (page.text(j), cx.stats.invisible[j as usize]) {
                    t.add(&TextCounts::of(s));
                }
            }
            t.weight()
        })
        .collect()
}

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for label in 0..page.len() as NodeId {
        if !cx.innermost_text_element(label) || cx.stats.weight(label) > MAX_HEADING_WEIGHT || !cx.heading_like(label) {
            continue;
        }
        if !cx.guard.after_article_start(label) || !cx.guard.may_hide(page, label) || page.tag(label) == "h1" {
            continue;
        }
        // A whole-text lexicon label (an ad slot, a button) heads nothing.
        if !cx.lex.tile_squashed(&cx.squashed(label), PhraseUse::Whole).is_empty() {
            continue;
        }
        let block = cx.climb_labelled(label, MIN_LINK_DENSITY, false);
        // One list under one heading: no other heading inside (that is a whole column).
        let other_heading = page.subtree(block).any(|i| is_heading_tag(page.tag(i)) && !page.contains(i, label));
        if block == label || other_heading {
            continue;
        }
        let weights = link_weights(cx, block);
        let in_page = cx.count_links(block) - weights.len();
        if in_page > 0 || weights.len() > MAX_LINKS || weights.len() < MIN_LINKS || weights.iter().sum::<u32>() < MIN_AVG_LINK_WEIGHT * weights.len() as u32 {
            continue;
        }
        let shown = collapse(&page.raw_text(label));
        hides.push(Hide {
            node: block,
            kind: Kind::Recommendations,
            reason: Reason::new(ReasonCode::HeadlineList, [truncate(&shown, 30), weights.len().to_string()]),
        });
    }
}
