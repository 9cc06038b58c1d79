//! Class/id hint matching. A hint list is a set of fragments that a `class` or `id` may
//! contain ("comment", "sidebar", "-ad-"); the module that tunes a list keeps it, and this
//! module matches every list at once with one Aho-Corasick automaton (ASCII
//! case-insensitive, overlapping matches), so an element's class and id are read once
//! instead of once per fragment, and nothing is lowercased into a new string.

use crate::page::{NodeId, Page};
use crate::lexicon::Matcher;
use std::collections::HashMap;

/// Hint lists as `(bit, fragments)`; a fragment may sit in several lists.
pub struct HintSet {
    ac: Matcher,
    /// Pattern id → the bits of every list the fragment is in.
    bits: Vec<u32>,
}

impl HintSet {
    pub fn new(lists: &[(u32, &[&str])]) -> HintSet {
        let mut patterns: Vec<&str> = Vec::new();
        let mut bits: Vec<u32> = Vec::new();
        for &(bit, list) in lists {
            for &fragment in list {
                match patterns.iter().position(|&p| p.eq_ignore_ascii_case(fragment)) {
                    Some(k) => bits[k] |= bit,
                    None => {
                        patterns.push(fragment);
                        bits.push(bit);
                    }
                }
            }
        }
        let ac = Matcher::overlapping(&patterns, true);
        HintSet { ac, bits }
    }

    /// The bits of every list with a fragment somewhere in `text`.
    pub fn mask(&self, text: &str) -> u32 {
        let mut m = 0;
        for hit in self.ac.find_overlapping_iter(text) {
            m |= self.bits[hit.pattern().as_usize()];
        }
        m
    }

    /// The bits of every list with a fragment in `id`'s class or id attribute (the two are
    /// matched separately: no fragment spans both).
    pub fn of(&self, page: &Page, id: NodeId) -> u32 {
        let mut m = 0;
        for (k, v) in page.attrs(id) {
            if matches!(&**k, "class" | "id") {
                m |= self.mask(v);
            }
        }
        m
    }

    /// `of`, remembering the mask of each class or id value in `memo`: a page repeats the
    /// same few class names on many elements, and looking one up costs a fraction of
    /// matching it.
    pub fn of_memo<'p>(&self, page: &'p Page, id: NodeId, memo: &mut HashMap<&'p str, u32>) -> u32 {
        let mut m = 0;
        for (k, v) in page.attrs(id) {
            if matches!(&**k, "class" | "id") {
                m |= *memo.entry(&**v).or_insert_with(|| self.mask(v));
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_like_lowercased_contains() {
        const A: u32 = 1;
        const B: u32 = 2;
        let set = HintSet::new(&[(A, &["comment", "-ad-"]), (B, &["ad-break", "Comment"])]);
        assert_eq!(set.mask("post-COMMENTS"), A | B);
        assert_eq!(set.mask("x-ad-break"), A | B);
        assert_eq!(set.mask("ad-"), 0);
        assert_eq!(set.mask(""), 0);
        // Against the straightforward definition, on assorted names.
        for name in ["main-ad-slot", "ad-breaker", "sidebar", "Comment-list", "x", "-ad-break-"] {
            let lower = name.to_ascii_lowercase();
            let a = ["comment", "-ad-"].iter().any(|h| lower.contains(h));
            let b = ["ad-break", "comment"].iter().any(|h| lower.contains(h));
            assert_eq!(set.mask(name), (a as u32) * A | (b as u32) * B, "{name}");
        }
    }
}
