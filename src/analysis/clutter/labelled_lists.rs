//! Blocks opened by a lexicon label ("相关阅读", "Recommended for you", "友情链接",
//! "分享到", "Sponsored stories") whose remaining text is links or buttons: recommendation
//! and ranking lists, friend links, share and reaction bars, sponsored widgets. Inside
//! the article only a clearly labelled box that is almost all links is hidden.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::NodeId;
use crate::plan::{Hide, Reason, ReasonCode};
use crate::text::{collapse, truncate};

// ---- tunables ----
/// A label is short: at most this many characters.
pub(super) const MAX_LABEL_CHARS: u32 = 40;
/// Lexicon phrases must cover at least this share of the label's letters.
pub(super) const MIN_LABEL_COVERAGE: f32 = 0.5;
/// Outside the article, the rest of the block must be at least this share links/buttons.
pub(super) const MIN_LIST_DENSITY: f32 = 0.5;
/// Inside the article, the stricter share.
pub(super) const MIN_LIST_DENSITY_IN_ARTICLE: f32 = 0.8;
/// A labelled block holds at least this many links (outside the article)...
pub(super) const MIN_LIST_LINKS: usize = 2;
/// ... or buttons, for share and reaction bars.
pub(super) const MIN_BAR_ITEMS: usize = 2;

#[cfg(test)]
pub const SECTIONS: &[&str] =
    &["heading:recommendations", "heading:friend_links", "heading:share", "heading:reactions", "heading:ads"];
const KINDS: &[&str] = &["recommendations", "friend_links", "share", "reactions", "ads"];

fn count_buttons(cx: &Ctx, id: NodeId) -> usize {
    cx.page.subtree(id).filter(|&i| cx.page.tag(i) == "button" && cx.chars(i) > 0).count()
}

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for label in 0..page.len() as NodeId {
        if !cx.innermost_text_element(label) || !(2..=MAX_LABEL_CHARS).contains(&cx.chars(label)) {
            continue;
        }
        let Some((kind, _)) = cx.label_kind(label, PhraseUse::Heading, KINDS, MIN_LABEL_COVERAGE) else { continue };
        let in_article = cx.guard.in_article(page, label);
        let density = if in_article { MIN_LIST_DENSITY_IN_ARTICLE } else { MIN_LIST_DENSITY };
        let block = cx.climb_labelled(label, density, in_article);
        if block == label {
            continue;
        }
        let links = cx.count_links(block) - cx.count_links(label);
        let buttons = count_buttons(cx, block);
        if links < MIN_LIST_LINKS && buttons < MIN_BAR_ITEMS {
            continue;
        }
        // Inside the article the label must be a line of its own, not words in a sentence.
        if in_article && !cx.heading_like(label) {
            continue;
        }
        let shown = collapse(&page.raw_text(label));
        let (code, count) = match (links >= MIN_LIST_LINKS, in_article) {
            (true, false) => (ReasonCode::HeadingOverLinks, links),
            (true, true) => (ReasonCode::HeadingOverLinksInArticle, links),
            (false, false) => (ReasonCode::HeadingOverButtons, buttons),
            (false, true) => (ReasonCode::HeadingOverButtonsInArticle, buttons),
        };
        hides.push(Hide { node: block, kind, reason: Reason::new(code, [truncate(&shown, 30), count.to_string()]) });
    }
}
