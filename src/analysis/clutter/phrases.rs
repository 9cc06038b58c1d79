//! Disclaimer and site-footer lines: "资源均来自互联网", "免责声明", "Powered by",
//! "All rights reserved", ICP numbers. Outside the article any short block holding such a
//! phrase goes. A disclaimer may also sit inside the article or be glued to it as a
//! sibling block; there it goes only when the block *opens* with the phrase
//! ("免责声明：本文来源于网络…"). Footer phrases inside the article stay: agency
//! copyright trailers are part of the story's attribution.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::{NodeId, NO_NODE};
use crate::plan::{Hide, Kind, Reason, ReasonCode};

// ---- tunables ----
/// Phrases only hide blocks up to this many characters.
pub(super) const MAX_BLOCK_CHARS: u32 = 400;
/// In or beside the article, the disclaimer phrase must start within this many characters.
pub(super) const MAX_LEAD_OFFSET: usize = 2;
/// ... and the block must hold at least this many disclaimer phrases.
pub(super) const MIN_PHRASES_BESIDE_ARTICLE: usize = 2;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["phrase:disclaimer", "phrase:footer"];

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for t in 0..page.len() as NodeId {
        if page.text(t).is_none() {
            continue;
        }
        if cx.stats.invisible[t as usize] {
            continue;
        }
        // (First: most text sits in long blocks, which need no search.)
        let block = cx.stats.block_of[t as usize];
        if block == NO_NODE || cx.chars(block) > MAX_BLOCK_CHARS {
            continue;
        }
        let folded = &*cx.folded(t);
        let found = cx.matches(t);
        let Some(&(entry, start, _)) =
            found.iter().find(|(e, s, t)| e.usage == PhraseUse::Phrase && super::word_bounded(folded, *s, *t))
        else {
            continue;
        };
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        let code = if kind == Kind::Disclaimer { ReasonCode::DisclaimerPhrase } else { ReasonCode::FooterPhrase };
        if cx.guard.may_hide(page, block) {
            hides.push(Hide { node: block, kind, reason: Reason::new(code, [entry.phrase.to_string()]) });
            continue;
        }
        // In or beside the article: only a block that opens with a disclaimer and says
        // more than one disclaimer phrase ("免责声明：本文来源于网络…"); a lone
        // "Disclaimer:" may be the author's own note.
        let opens = cx.first_text(block) == Some(t) && folded[..start].chars().count() <= MAX_LEAD_OFFSET;
        let phrases = found.iter().filter(|(e, _, _)| e.usage == PhraseUse::Phrase && e.kind == "disclaimer").count();
        if kind == Kind::Disclaimer && opens && phrases >= MIN_PHRASES_BESIDE_ARTICLE && cx.guard.may_hide_merged(page, block) {
            hides.push(Hide { node: block, kind, reason: Reason::new(ReasonCode::DisclaimerOpening, [entry.phrase.to_string()]) });
        }
    }
}
