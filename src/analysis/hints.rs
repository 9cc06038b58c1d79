//! Class/id hint matching. A hint list is a set of fragments that a `class` or `id` may
//! contain ("comment", "sidebar", "-ad-"); the module that tunes a list keeps it, and this
//! module matches every list at once with one Aho-Corasick automaton (ASCII
//! case-insensitive, overlapping matches), so an element's class and id are read once
//! instead of once per fragment, and nothing is lowercased into a new string.

use crate::page::{NodeId, Page};
use crate::lexicon::Matcher;

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

    /// `of`, remembering masks in `cache`: a page repeats the same few class names on many
    /// elements, and looking one up costs a fraction of matching it.
    pub fn of_cached<'p>(&self, page: &'p Page, id: NodeId, cache: &mut MaskCache<'p>) -> u32 {
        let mut m = 0;
        for (k, v) in page.attrs(id) {
            if matches!(&**k, "class" | "id") {
                m |= cache.get(v, |v| self.mask(v));
            }
        }
        m
    }
}

/// Masks of recently seen class and id values: a direct-mapped table (each value has one
/// slot, by a hash of its bytes; a value meeting another in its slot replaces it). A miss
/// only costs the matching it saves, so no input can make the table slower than matching
/// every value, and there is no hashing state to seed.
pub struct MaskCache<'p> {
    slots: Vec<(&'p str, u32)>,
    /// Whether each slot holds a value yet (`""` is a value too).
    filled: Vec<bool>,
}

impl<'p> MaskCache<'p> {
    const SLOTS: usize = 1024;

    pub fn new() -> Self {
        MaskCache { slots: vec![("", 0); Self::SLOTS], filled: vec![false; Self::SLOTS] }
    }

    fn get(&mut self, value: &'p str, mask: impl FnOnce(&str) -> u32) -> u32 {
        // FNV-1a, folded to the table size.
        let mut h: u32 = 0x811c_9dc5;
        for &b in value.as_bytes() {
            h = (h ^ b as u32).wrapping_mul(0x0100_0193);
        }
        let k = ((h ^ (h >> 16)) as usize) & (Self::SLOTS - 1);
        if self.filled[k] && self.slots[k].0 == value {
            return self.slots[k].1;
        }
        let m = mask(value);
        self.slots[k] = (value, m);
        self.filled[k] = true;
        m
    }
}

impl Default for MaskCache<'_> {
    fn default() -> Self {
        Self::new()
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
