//! The user's site rules and per-site switches, applied to the analysis' hidden list.
//! The adapters matched the selectors (plain data in `Options::rule_matches`); this only
//! decides: `##` matches become hidden blocks of kind `site_rule`, `#@#` matches are never
//! hidden (nor is any block containing one), and switched-off kinds are dropped.

use super::{outermost, Guard};
use crate::page::Page;
use crate::plan::{Hide, Kind, Options, Reason, ReasonCode};
use crate::rules::RuleMatch;

/// Removes what the per-site switches keep visible.
pub(crate) fn drop_switched_off(options: &Options, hidden: &mut Vec<Hide>) {
    hidden.retain(|h| match h.kind {
        Kind::CaptionRepeat => !options.keep_captions,
        Kind::OutsideArticle | Kind::SiteRule => true,
        _ => !options.keep_clutter,
    });
}

/// `hidden` (outermost, sorted) plus the hide rules' matches, minus everything a keep
/// rule protects. Rules never hide `html`/`head`/`body`, the article or the headline, but
/// may hide blocks inside the article (an ad the user picked).
pub(crate) fn apply(page: &Page, guard: &Guard, mut hidden: Vec<Hide>, matches: &[RuleMatch]) -> Vec<Hide> {
    if matches.is_empty() {
        return hidden;
    }
    let len = page.len() as u32;
    for m in matches.iter().filter(|m| !m.keep) {
        for &node in m.nodes.iter().filter(|&&n| n < len && page.is_element(n)) {
            if guard.may_hide_in_article(page, node) {
                hidden.push(Hide { node, kind: Kind::SiteRule, reason: Reason::new(ReasonCode::SiteRule, [m.line.to_string(), m.rule.clone()]) });
            }
        }
    }
    let kept: Vec<u32> = matches.iter().filter(|m| m.keep).flat_map(|m| m.nodes.iter().copied()).filter(|&n| n < len).collect();
    hidden.retain(|h| kept.iter().all(|&k| !page.contains(h.node, k) && !page.contains(k, h.node)));
    outermost(page, hidden)
}
