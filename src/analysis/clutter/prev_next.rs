//! Previous/next-article navigation: short lines that start with a lead label
//! ("上一篇：", "Next article", "前の記事", "다음 기사") and link to another story, and the
//! smallest wrapper that holds nothing but such lines. The same for pointers to another
//! story set in the text ("Mire: <a>…</a>", "Lesen Sie auch: <a>…</a>", "Read also: …"):
//! a line that opens with a `lead:recommendations` label and links elsewhere.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::{NodeId, NO_NODE};
use crate::plan::{Hide, Kind, ReasonCode};

// ---- tunables ----
/// A navigation line is short.
pub(super) const MAX_ITEM_CHARS: u32 = 100;
/// A pointer line names the other story's headline: it may be longer.
pub(super) const MAX_POINTER_CHARS: u32 = 200;
/// The label starts the line, after at most this many non-letter characters ("« ").
pub(super) const MAX_LEAD_OFFSET: usize = 3;
/// Beside the label, at least this share of the line is links.
pub(super) const MIN_ITEM_LINK_DENSITY: f32 = 0.5;
/// A wrapper may hold this many characters beside its navigation lines (separators).
pub(super) const WRAPPER_SLACK_CHARS: u32 = 4;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["lead:prev_next", "lead:recommendations"];

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    let mut items: Vec<(NodeId, Kind)> = Vec::new();
    for b in 0..page.len() as NodeId {
        if !page.is_element(b) || cx.stats.block_of[b as usize] != b || cx.stats.invisible[b as usize] {
            continue;
        }
        let chars = cx.chars(b);
        if chars == 0 || chars > MAX_POINTER_CHARS || items.last().is_some_and(|&(i, _)| page.contains(i, b)) {
            continue;
        }
        let text = &*cx.folded(b);
        // The label must start within MAX_LEAD_OFFSET characters (checked below): the
        // first lead label found there is the first found at all, or there is none.
        let Some((entry, start, end)) = cx
            .leading_matches(b, MAX_LEAD_OFFSET)
            .into_iter()
            .find(|(e, s, t)| e.usage == PhraseUse::Lead && super::word_bounded(text, *s, *t))
        else {
            continue;
        };
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        if kind == Kind::PrevNext && chars > MAX_ITEM_CHARS {
            continue;
        }
        if text[..start].chars().count() > MAX_LEAD_OFFSET || text[..start].chars().any(|c| c.is_alphanumeric()) {
            continue;
        }
        let label_chars = text[..end].chars().filter(|c| !c.is_whitespace()).count() as u32;
        let rest = chars.saturating_sub(label_chars);
        let links = cx.interactive[b as usize];
        // (A pointer names the story it points to: a label alone is not one.)
        let linked = if rest == 0 { links > 0 && kind == Kind::PrevNext } else { links as f32 >= MIN_ITEM_LINK_DENSITY * rest as f32 };
        if linked && cx.count_links(b) > 0 && cx.guard.may_hide_in_article(page, b) {
            items.push((b, kind));
        }
    }
    let mut done = NO_NODE;
    for &(item, kind) in &items {
        if done != NO_NODE && page.contains(done, item) {
            continue;
        }
        let mut block = item;
        while let Some(p) = page.parent(block) {
            if !cx.guard.may_hide_in_article(page, p) {
                break;
            }
            let nav: u32 = items.iter().filter(|&&(i, _)| page.contains(p, i)).map(|&(i, _)| cx.chars(i)).sum();
            if cx.chars(p) > nav + WRAPPER_SLACK_CHARS {
                break;
            }
            block = p;
        }
        done = block;
        let code = if kind == Kind::PrevNext { ReasonCode::PrevNext } else { ReasonCode::StoryPointer };
        hides.push(Hide { node: block, kind, reason: code.into() });
    }
}
