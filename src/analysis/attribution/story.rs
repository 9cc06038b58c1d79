//! The first gathering stage: what the story's own words say of its origin — a dateline
//! opening it (or one written in its JSON-LD), a tail closing it, a copyright line at its
//! end or right after it.

use super::evidence::{ev, Found, Rank};
use super::input::Input;
use super::markup::{Clue, ClueKind};
use super::signals;
use crate::analysis::dates::Date;
use crate::text::prefix;

// ---- tunables ----
/// How far into the first paragraphs a dateline may reach (characters).
pub(super) const DATELINE_REACH: usize = 160;
/// The first paragraph at least this long (characters) is the lede when there is no dateline.
const MIN_LEDE_CHARS: usize = 40;
/// A tail is looked for in a closing paragraph's last this many characters (the whole
/// paragraph when it is at most twice as long).
const TAIL_REACH: usize = 60;
/// Blocks right after the article that may hold its copyright line.
const AFTER_ARTICLE_BLOCKS: usize = 3;

/// The story's lede: the dateline's paragraph, else the first real paragraph; and the date
/// or day of the month the dateline gives.
pub(super) struct Lede {
    /// The lede's index among the article's blocks.
    pub index: usize,
    pub date: Option<Date>,
    pub day: Option<u8>,
}

/// Gathers the dateline, tail and copyright clues; the lede they point at.
pub(super) fn gather(input: &Input, clues: &[Clue], found: &mut Found) -> Lede {
    let lede = dateline(input, found);
    // JSON-LD may carry the dateline ("SEOUL, Nov. 23 (Yonhap)").
    for c in clues.iter().filter(|c| c.kind == ClueKind::Dateline) {
        if let Some(d) = signals::dateline(&c.value) {
            ev(&mut found.evidence, &c.signal, &c.value);
            found.cite(Rank::Dateline, d.cited);
        }
    }
    tail(input, found);
    copyright(input, found);
    lede
}

/// The dateline opening one of the lead paragraphs.
fn dateline(input: &Input, found: &mut Found) -> Lede {
    let article = input.article_blocks();
    let first_real = (0..article.len()).position(|k| article.text(k).chars().count() >= MIN_LEDE_CHARS).unwrap_or(0);
    for k in article.lead() {
        if let Some(d) = signals::dateline(prefix(article.text(k), DATELINE_REACH)) {
            ev(&mut found.evidence, "dateline", &d.text);
            found.cite(Rank::Dateline, d.cited);
            return Lede { index: k, date: d.date, day: d.day };
        }
    }
    Lede { index: first_real, date: None, day: None }
}

/// A tail ending one of the closing paragraphs, the last first.
fn tail(input: &Input, found: &mut Found) {
    let article = input.article_blocks();
    for text in article.closing().map(|k| article.text(k)) {
        let tail_start = text.char_indices().rev().nth(TAIL_REACH).map_or(0, |(i, _)| i);
        let tail = if text.chars().count() <= 2 * TAIL_REACH { text } else { &text[tail_start..] };
        if let Some((cited, shown)) = signals::tail(tail) {
            ev(&mut found.evidence, "tail", &shown);
            found.cite(Rank::Tail, cited);
            return;
        }
    }
}

/// A copyright line among the closing paragraphs or the blocks right after the article.
fn copyright(input: &Input, found: &mut Found) {
    let page = input.page;
    let article = input.article_blocks();
    let after: Vec<&str> = match input.story.nodes.iter().map(|&a| page.end(a)).max() {
        Some(end) => {
            let b = input.body_blocks();
            (0..b.len()).filter(|&k| b.node(k) >= end).take(AFTER_ARTICLE_BLOCKS).map(|k| b.text(k)).collect()
        }
        None => vec![],
    };
    for text in article.closing().map(|k| article.text(k)).chain(after.iter().copied()) {
        if let Some(cited) = signals::copyright(text) {
            ev(&mut found.evidence, "copyright", text);
            found.cite(Rank::Copyright, cited);
            return;
        }
    }
}
