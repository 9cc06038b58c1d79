//! Small elements whose whole text is a lexicon label: back-to-top buttons ("返回顶部",
//! "Back to top", "ページトップへ") and ad-slot labels ("Advertisement · Scroll to
//! continue", "スポンサーリンク", "广告", "Anzeige") and like-button labels ("Like this:",
//! "Gefällt mir:"). The whole text must be covered by
//! such labels, so a sentence that mentions them never matches. Being the label and
//! nothing else, they go inside the article too.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::NodeId;
use crate::plan::{Hide, Kind, Reason, ReasonCode};

// ---- tunables ----
/// Labels are at most this long (characters).
pub(super) const MAX_LABEL_CHARS: u32 = 40;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["whole:back_to_top", "whole:ads", "whole:reactions"];

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for id in 0..page.len() as NodeId {
        let chars = cx.chars(id);
        if !page.is_element(id) || cx.stats.invisible[id as usize] || chars == 0 || chars > MAX_LABEL_CHARS {
            continue;
        }
        // Outermost element with exactly this text.
        if page.parent(id).is_some_and(|p| cx.chars(p) == chars && cx.guard.may_hide_in_article(page, p)) {
            continue;
        }
        let entries = cx.lex.tile_squashed(&cx.squashed(id), PhraseUse::Whole);
        let Some(first) = entries.first() else { continue };
        let Some(kind) = Kind::from_lexicon(&first.kind) else { continue };
        if entries.iter().any(|e| e.kind != first.kind) || !cx.guard.may_hide_in_article(page, id) {
            continue;
        }
        let code = match kind {
            Kind::Ads => ReasonCode::AdLabel,
            Kind::Reactions => ReasonCode::LikeLabel,
            _ => ReasonCode::ButtonLabel,
        };
        hides.push(Hide { node: id, kind, reason: Reason::new(code, [first.phrase.to_string()]) });
    }
}
