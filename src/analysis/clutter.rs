//! Clutter around the article: blocks opened by a recommendation / friend-link heading,
//! disclaimer and "Powered by" footers, back-to-top buttons. Lexicon phrases find the
//! candidates; structure (position, link density, what the block contains) decides.

use super::stats::Stats;
use super::Guard;
use crate::lexicon::{clutter, PhraseUse};
use crate::page::{NodeId, Page};
use crate::plan::{Hide, Kind};
use crate::text::{collapse, fold, squash, truncate};

// ---- tunables ----
/// A heading label is short: at most this many characters.
pub const MAX_LABEL_CHARS: u32 = 40;
/// The lexicon phrase must cover at least this share of the label's characters.
pub const MIN_LABEL_COVERAGE: f32 = 0.5;
/// The rest of a labelled block must be at least this link-dense to be a link list.
pub const MIN_LIST_LINK_DENSITY: f32 = 0.5;
/// A labelled link block holds at least this many links.
pub const MIN_LIST_LINKS: usize = 2;
/// Disclaimer / footer phrases only hide blocks up to this many characters.
pub const MAX_PHRASE_BLOCK_CHARS: u32 = 400;
/// Back-to-top buttons are at most this long.
pub const MAX_BUTTON_CHARS: u32 = 20;

pub fn find(page: &Page, stats: &Stats, guard: &Guard) -> Vec<Hide> {
    let mut hides = Vec::new();
    headed_blocks(page, stats, guard, &mut hides);
    phrase_blocks(page, stats, guard, &mut hides);
    buttons(page, stats, guard, &mut hides);
    hides
}

fn count_links(page: &Page, id: NodeId) -> usize {
    page.subtree(id).filter(|&i| page.tag(i) == "a").count()
}

/// First visible text node of a subtree.
fn first_text(page: &Page, stats: &Stats, id: NodeId) -> Option<NodeId> {
    page.subtree(id).find(|&i| page.text(i).is_some() && !stats.invisible[i as usize])
}

fn headed_blocks(page: &Page, stats: &Stats, guard: &Guard, hides: &mut Vec<Hide>) {
    let lex = clutter();
    for label in 0..page.len() as NodeId {
        let lu = label as usize;
        if !page.is_element(label) || stats.invisible[lu] {
            continue;
        }
        let chars = stats.total[lu].chars;
        if !(2..=MAX_LABEL_CHARS).contains(&chars) {
            continue;
        }
        // Only the innermost element holding the label text is tried.
        if page.children(label).any(|c| page.is_element(c) && stats.total[c as usize].chars == chars) {
            continue;
        }
        let text = fold(&page.raw_text(label));
        let Some((entry, start, end)) = lex.find_in(&text).find(|(e, _, _)| e.usage == PhraseUse::Heading) else {
            continue;
        };
        let covered = text[start..end].chars().filter(|c| !c.is_whitespace()).count() as f32;
        if covered < MIN_LABEL_COVERAGE * chars as f32 {
            continue;
        }
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        let label_text = first_text(page, stats, label);
        let mut block = label;
        while let Some(p) = page.parent(block) {
            if !guard.may_hide(page, p) || first_text(page, stats, p) != label_text {
                break;
            }
            let rest_chars = stats.total[p as usize].chars - chars;
            let rest_links = stats.link_chars[p as usize] - stats.link_chars[lu];
            if rest_chars > 0 && (rest_links as f32) < MIN_LIST_LINK_DENSITY * rest_chars as f32 {
                break;
            }
            block = p;
        }
        let links = count_links(page, block);
        if block == label || links < MIN_LIST_LINKS || !guard.may_hide(page, block) {
            continue;
        }
        let label_shown = collapse(&page.raw_text(label));
        hides.push(Hide {
            node: block,
            kind,
            reason: format!("“{}” heading over a list of {links} links", truncate(&label_shown, 30)),
        });
    }
}

fn phrase_blocks(page: &Page, stats: &Stats, guard: &Guard, hides: &mut Vec<Hide>) {
    let lex = clutter();
    for t in 0..page.len() as NodeId {
        let Some(text) = page.text(t) else { continue };
        if stats.invisible[t as usize] {
            continue;
        }
        let folded = fold(text);
        let Some((entry, _, _)) = lex.find_in(&folded).find(|(e, _, _)| e.usage == PhraseUse::Phrase) else {
            continue;
        };
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        let block = stats.block_of[t as usize];
        if block == crate::page::NO_NODE
            || stats.total[block as usize].chars > MAX_PHRASE_BLOCK_CHARS
            || !guard.may_hide(page, block)
        {
            continue;
        }
        let what = if kind == Kind::Disclaimer { "disclaimer" } else { "site footer" };
        hides.push(Hide { node: block, kind, reason: format!("{what}: contains “{}”", entry.phrase) });
    }
}

fn buttons(page: &Page, stats: &Stats, guard: &Guard, hides: &mut Vec<Hide>) {
    let lex = clutter();
    for id in 0..page.len() as NodeId {
        let iu = id as usize;
        if !page.is_element(id) || stats.invisible[iu] || stats.total[iu].chars == 0 || stats.total[iu].chars > MAX_BUTTON_CHARS {
            continue;
        }
        // Outermost element with exactly this text.
        if page.parent(id).is_some_and(|p| stats.total[p as usize].chars == stats.total[iu].chars && guard.may_hide(page, p)) {
            continue;
        }
        let Some(&entry) = lex.whole.get(&squash(&page.raw_text(id))) else { continue };
        let entry = &lex.entries[entry];
        let Some(kind) = Kind::from_lexicon(&entry.kind) else { continue };
        if guard.may_hide(page, id) {
            hides.push(Hide { node: id, kind, reason: format!("“{}” button", entry.phrase) });
        }
    }
}
