//! Comment sections: a block outside the article that opens with a comments label
//! ("Comments (12)", "댓글 87", "网友评论", "コメント") and holds more than the label
//! (readers' posts, a form). Comments are never looked for inside the article, where a
//! "comments" heading may be part of the story.

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::NodeId;
use crate::plan::{Hide, Reason, ReasonCode};
use crate::text::{collapse, truncate};

// ---- tunables ----
/// A comments label is short: at most this many characters.
pub(super) const MAX_LABEL_CHARS: u32 = 30;
/// Lexicon phrases must cover at least this share of the label's letters.
pub(super) const MIN_LABEL_COVERAGE: f32 = 0.5;
/// The section holds at least this many characters beside the label (or a form).
pub(super) const MIN_BODY_CHARS: u32 = 10;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["heading:comments"];
const KINDS: &[&str] = &["comments"];

fn has_form(cx: &Ctx, id: NodeId) -> bool {
    cx.page.subtree(id).any(|i| matches!(cx.page.tag(i), "form" | "textarea"))
}

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for label in 0..page.len() as NodeId {
        if !cx.innermost_text_element(label) || !(2..=MAX_LABEL_CHARS).contains(&cx.chars(label)) {
            continue;
        }
        // A link to the comments is not the comments.
        if cx.inside_link(label) || !cx.guard.may_hide(page, label) {
            continue;
        }
        let Some((kind, _)) = cx.label_kind(label, PhraseUse::Heading, KINDS, MIN_LABEL_COVERAGE) else { continue };
        let label_text = cx.first_text(label);
        let mut block = label;
        while let Some(p) = page.parent(block) {
            if !cx.guard.may_hide(page, p) || cx.first_text(p) != label_text {
                break;
            }
            block = p;
        }
        let body = cx.chars(block) - cx.chars(label);
        if block == label || (body < MIN_BODY_CHARS && !has_form(cx, block)) {
            continue;
        }
        let shown = collapse(&page.raw_text(label));
        hides.push(Hide { node: block, kind, reason: Reason::new(ReasonCode::CommentSection, [truncate(&shown, 30)]) });
    }
}
