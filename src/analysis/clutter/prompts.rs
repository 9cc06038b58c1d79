//! In-story prompts: a short line of its own that speaks to the reader instead of telling
//! the story — follow our channel, subscribe, sign up, support us ("¡Mira lo que tiene
//! nuestro canal de YouTube!", "Folgen Sie uns auf …", "Zapraszamy do subskrypcji …"), or
//! an advertising / affiliate disclosure ("We may earn a commission …", "Dieser Beitrag
//! enthält Werbung"), or a notice ("Alle Angaben ohne Gewähr", the placeholder of an embed
//! blocked until the reader consents). The `[prompt:kind]` phrases of `data/clutter.txt` are written in the
//! first or second person of such appeals, so a sentence of the story that merely mentions
//! a newsletter or a channel does not match. The line goes in or out of the article; a
//! block that holds other blocks (a whole section) never does.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::NodeId;
use crate::plan::{Hide, Kind, Reason, ReasonCode};
use crate::text::{collapse, truncate};

// ---- tunables ----
/// A prompt is a short line: at most this many characters.
pub(super) const MAX_PROMPT_CHARS: u32 = 600;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["prompt:newsletter", "prompt:ads", "prompt:disclaimer"];

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for b in 0..page.len() as NodeId {
        let bu = b as usize;
        if !page.is_element(b) || cx.stats.invisible[bu] || cx.stats.block_of[bu] != b {
            continue;
        }
        let chars = cx.chars(b);
        // A line of its own: short, and no nested block holds part of its text.
        if chars == 0 || chars > MAX_PROMPT_CHARS || cx.stats.inline[bu].chars != chars {
            continue;
        }
        let text = &*cx.folded(b);
        let Some((entry, _, _)) =
            cx.matches(b).into_iter().find(|(e, s, t)| e.usage == PhraseUse::Prompt && super::word_bounded(text, *s, *t))
        else {
            continue;
        };
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        if !cx.guard.may_hide_in_article(page, b) {
            continue;
        }
        let code = match kind {
            Kind::Ads => ReasonCode::AdDisclosure,
            Kind::Disclaimer => ReasonCode::NoticeLine,
            _ => ReasonCode::ReaderPrompt,
        };
        let shown = collapse(&page.raw_text(b));
        hides.push(Hide { node: b, kind, reason: Reason::new(code, [truncate(&shown, 30), entry.phrase.to_string()]) });
    }
}
