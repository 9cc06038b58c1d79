//! Newsletter, sign-up and subscribe boxes (and, when the e-mail form has a text area,
//! the comment box it is): a small box with a heading and either an
//! e-mail form, a call-to-action button ("Subscribe", "Sign up", "立即订阅", "구독하기")
//! or a newsletter label. The box is the innermost block around the seed that opens with
//! a heading-like line; it may sit between article paragraphs (it holds no article block).

use super::Ctx;
use crate::lexicon::PhraseUse;
use crate::page::{NodeId, Page};
use crate::plan::{Hide, Kind, Reason, ReasonCode};
use crate::text::{collapse, squash, truncate};

// ---- tunables ----
/// A box is small: at most this many Latin-equivalent characters (CJK count triple).
pub(super) const MAX_BOX_WEIGHT: u32 = 600;
/// A call-to-action button or link is short.
pub(super) const MAX_CTA_CHARS: u32 = 30;
/// A newsletter label is short.
pub(super) const MAX_LABEL_CHARS: u32 = 60;
/// A box holds at most this many links beside the seed's own.
pub(super) const MAX_BOX_LINKS: usize = 2;
/// Lexicon phrases must cover at least this share of a label's letters.
pub(super) const MIN_LABEL_COVERAGE: f32 = 0.3;

#[cfg(test)]
pub const SECTIONS: &[&str] = &["heading:newsletter", "cta:newsletter"];
const KINDS: &[&str] = &["newsletter"];

/// A form asking for an e-mail address (and no password: that is a login form).
fn email_form(page: &Page, id: NodeId) -> bool {
    if page.tag(id) != "form" {
        return false;
    }
    let inputs = || page.subtree(id).filter(|&i| page.tag(i) == "input");
    let is_email = |i: NodeId| {
        page.attr(i, "type").is_some_and(|t| t.eq_ignore_ascii_case("email"))
            || ["name", "placeholder", "autocomplete"].iter().any(|a| page.attr(i, a).is_some_and(|v| v.to_ascii_lowercase().contains("mail")))
    };
    inputs().any(is_email) && !inputs().any(|i| page.attr(i, "type").is_some_and(|t| t.eq_ignore_ascii_case("password")))
}

/// Element whose whole text (or `value`, for inputs) is a call to action.
fn cta(cx: &Ctx, id: NodeId) -> bool {
    let page = cx.page;
    let key = match page.tag(id) {
        "a" | "button" => match cx.squashed_upto(id, MAX_CTA_CHARS as usize) {
            Some(key) => key,
            None => return false,
        },
        "input" if page.attr(id, "type").is_some_and(|t| matches!(t, "submit" | "button")) => {
            squash(page.attr(id, "value").unwrap_or_default())
        }
        _ => return false,
    };
    !key.is_empty() && key.chars().count() as u32 <= MAX_CTA_CHARS && !cx.lex.tile_squashed(&key, PhraseUse::Cta).is_empty()
}

#[inline(never)]
pub(super) fn find(cx: &Ctx, hides: &mut Vec<Hide>) {
    let page = cx.page;
    for seed in 0..page.len() as NodeId {
        if cx.stats.invisible[seed as usize] || !page.is_element(seed) {
            continue;
        }
        let email = email_form(page, seed);
        let comment_form = email && page.subtree(seed).any(|i| page.tag(i) == "textarea");
        let code = if comment_form {
            ReasonCode::CommentForm
        } else if email {
            ReasonCode::EmailSignup
        } else if cta(cx, seed) {
            ReasonCode::SubscribeButton
        } else if cx.innermost_text_element(seed)
            && cx.chars(seed) <= MAX_LABEL_CHARS
            && cx.label_kind(seed, PhraseUse::Heading, KINDS, MIN_LABEL_COVERAGE).is_some()
        {
            ReasonCode::NewsletterLabel
        } else {
            continue;
        };
        // The innermost small box around the seed that opens with a heading-like line, has
        // more than the seed and few links (so not a menu or a header).
        let first_candidate = if page.tag(seed) == "form" { Some(seed) } else { page.parent(seed) };
        let seed_links = cx.count_links(seed);
        let mut found = None;
        let mut cand = first_candidate;
        while let Some(p) = cand {
            if cx.stats.weight(p) > MAX_BOX_WEIGHT || !cx.guard.may_hide_in_article(page, p) {
                break;
            }
            if cx.count_links(p) > seed_links + MAX_BOX_LINKS {
                break;
            }
            cand = page.parent(p);
            if p != seed && cx.chars(p) <= cx.chars(seed) {
                continue;
            }
            let Some(first) = cx.first_text(p) else { continue };
            let first_el = page.parent(first).unwrap_or(p);
            if first_el != p && !matches!(page.tag(first_el), "button" | "label" | "option") && cx.heading_like(first_el) {
                found = Some((p, first_el));
                break;
            }
        }
        let Some((block, heading)) = found else { continue };
        let shown = collapse(&page.raw_text(heading));
        let kind = if comment_form { Kind::Comments } else { Kind::Newsletter };
        hides.push(Hide { node: block, kind, reason: Reason::new(code, [truncate(&shown, 30)]) });
    }
}
