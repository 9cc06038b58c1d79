//! The page's text folded once, sliced per subtree.

use super::chars::{char_at, utf8};
use super::fold::{fold_bytes, squash_ascii};
use crate::page::{NodeId, Page};

/// The whole page's text folded once, so that the folded text of any subtree is a slice:
/// `fold(raw_text(id))` without building the string (and its `squash`, from the slice).
/// Text nodes sit in document order in the arena, so a subtree's text is what was
/// appended between reaching `id` and reaching `end(id)`.
pub(crate) struct TextIndex {
    folded: String,
    /// `folded.len()` when the pass reached each node (one more entry for the end of the page).
    fold_at: Vec<u32>,
}

impl TextIndex {
    #[cfg(test)]
    pub(crate) fn new(page: &Page) -> TextIndex {
        TextIndex::of_texts(page, |_| true)
    }

    /// The index of only the text nodes `include` keeps (its slices are only right for
    /// subtrees whose text nodes it all keeps): readers that never look at long texts need
    /// not fold them.
    #[inline(never)]
    pub(crate) fn of_texts(page: &Page, include: impl Fn(NodeId) -> bool) -> TextIndex {
        let n = page.len();
        let mut fold_at = Vec::with_capacity(n + 1);
        let bytes: usize = (0..n as NodeId).filter(|&i| include(i)).filter_map(|i| page.text(i)).map(str::len).sum();
        let mut folded = Vec::with_capacity(bytes);
        // Whitespace collapses across text nodes as it does in `fold` of their concatenation:
        // a pending space is written only before the next non-space character.
        let mut space = false;
        for i in 0..n {
            fold_at.push(folded.len() as u32);
            if let Some(t) = page.text(i as NodeId).filter(|_| include(i as NodeId)) {
                fold_bytes(t, &mut folded, &mut space);
            }
        }
        fold_at.push(folded.len() as u32);
        TextIndex { folded: utf8(folded), fold_at }
    }

    /// `fold(page.raw_text(id))`.
    pub(crate) fn folded(&self, page: &Page, id: NodeId) -> &str {
        let (a, b) = self.span(page, id);
        &self.folded[a..b]
    }

    /// Where `folded(id)` lies in the page's folded text: subtrees with the same folded
    /// text in the same place (an element and its only text) have the same span.
    pub(crate) fn span(&self, page: &Page, id: NodeId) -> (usize, usize) {
        let (a, b) = (self.fold_at[id as usize] as usize, self.fold_at[page.end(id) as usize] as usize);
        // A space pending from before the subtree is written at its start: trim it.
        let a = if a < b && self.folded.as_bytes()[a] == b' ' { a + 1 } else { a };
        (a, b)
    }

    /// `squash(page.raw_text(id))`: the letters and digits of the folded text (squashing
    /// folds each character and keeps the letters and digits; folding keeps every folded
    /// character but whitespace, which is neither).
    pub(crate) fn squashed(&self, page: &Page, id: NodeId) -> String {
        let folded = self.folded(page, id);
        let mut out = Vec::with_capacity(folded.len());
        if folded.is_ascii() {
            squash_ascii(folded.as_bytes(), &mut out);
            return utf8(out);
        }
        for (i, &b) in folded.as_bytes().iter().enumerate() {
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    out.push(b);
                }
            } else if b >= 0xc0 {
                let c = char_at(folded, i);
                if c.is_alphanumeric() {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        utf8(out)
    }
}
