//! Class/id hint matching, and the article detector's hint lists. A hint list is a set of
//! fragments that a `class` or `id` may contain ("comment", "sidebar", "-ad-"); this module
//! matches every list at once with one Aho-Corasick automaton (ASCII case-insensitive,
//! overlapping matches), so an element's class and id are read once instead of once per
//! fragment, and nothing is lowercased into a new string. The detector's lists live here,
//! one bit each, because [`super::stats`] reads every element's bits once for all passes.
//! Also here: `word_bounded`, the whole-word test for lexicon matches.

use crate::page::{NodeId, Page};
use crate::lexicon::Matcher;

/// Hint lists as `(bit, fragments)`; a fragment may sit in several lists.
pub(crate) struct HintSet {
    ac: Matcher,
    /// Pattern id → the bits of every list the fragment is in.
    bits: Vec<u32>,
}

impl HintSet {
    pub(crate) fn new(lists: &[(u32, &[&str])]) -> HintSet {
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
    pub(crate) fn mask(&self, text: &str) -> u32 {
        let mut m = 0;
        for hit in self.ac.find_overlapping_iter(text) {
            m |= self.bits[hit.pattern().as_usize()];
        }
        m
    }

    /// The bits of every list with a fragment in `id`'s class or id attribute (the two are
    /// matched separately: no fragment spans both), remembering masks in `cache`: a page
    /// repeats the same few class names on many elements, and looking one up costs a
    /// fraction of matching it.
    pub(crate) fn of_cached<'p>(&self, page: &'p Page, id: NodeId, cache: &mut MaskCache<'p>) -> u32 {
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
pub(crate) struct MaskCache<'p> {
    slots: Vec<(&'p str, u32)>,
    /// Whether each slot holds a value yet (`""` is a value too).
    filled: Vec<bool>,
}

impl<'p> MaskCache<'p> {
    const SLOTS: usize = 1024;

    pub(crate) fn new() -> Self {
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

/// Class/id fragments that suggest an article body.
const POSITIVE_HINTS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story", "detail",
    "zhengwen", "neirong",
];
/// Class/id fragments that suggest anything else.
const NEGATIVE_HINTS: &[&str] = &[
    "comment", "com-", "contact", "footer", "foot", "sidebar", "widget", "related", "recommend", "share", "social",
    "promo", "sponsor", "banner", "advert", "-ad-", "masthead", "header", "rank", "hot", "friend", "tag", "tool", "meta",
    "popup", "modal", "cookie", "subscribe", "newsletter", "outbrain", "taboola", "shopping", "scroll", "gdpr", "media",
    "hidden",
];
/// Class/id fragments of side furniture: blocks marked so score nothing and are cut from
/// the article (unless a MAYBE fragment is there too).
const UNLIKELY_HINTS: &[&str] = &[
    "-ad-", "ad-break", "agegate", "banner", "breadcrumb", "combx", "comment", "community", "disqus", "extra", "footer",
    "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
    "social", "sponsor", "supplemental", "pagination", "pager", "popup", "recommend", "outbrain", "taboola",
    // comment threads in other languages, sign-up / call-to-action boxes, rating widgets
    "kommentar", "komentar", "comentario", "newsletter", "subscribe", "signup", "sign-up", "-cta", "cta-", "ratings",
    // author boxes: the writer's portrait and bio after (or beside) the story
    "author-bio", "author_bio", "authorbio", "author__bio", "author-box", "author_box", "authorbox", "author-description",
    "author-card", "author-tooltip", "about-author", "about-the-author", "entry-author",
];
/// Fragments that lift an UNLIKELY mark (a "main-sidebar-content" holds the story).
const MAYBE_HINTS: &[&str] = &["and", "article", "body", "column", "content", "main", "shadow"];
/// Unlikely hints that hold whatever prose the element holds (comment threads are long).
const ALWAYS_UNLIKELY_HINTS: &[&str] =
    &["comment", "kommentar", "komentar", "comentario", "disqus", "replies", "remark", "shoutbox", "community", "footer", "combx"];
/// Class/id fragments of photo credits.
const CREDIT_HINTS: &[&str] = &["credit", "copyright"];
/// Class/id fragments that make a credit-marked element a photo's (not an agency trailer).
const IMAGE_HINTS: &[&str] = &["image", "img", "photo", "foto", "bild", "media", "picture", "caption"];
/// Class/id fragments of image captions (where a line opening with a credit word is a credit).
const CAPTION_HINTS: &[&str] = &["caption", "bildunterschrift", "legende", "imagedescription"];
/// Class/id fragments of a forum post's poster element.
const POSTER_HINTS: &[&str] = &["author", "user", "avatar", "member"];

// One bit per class/id hint list, matched all at once by [`hint_set`].
pub(crate) const H_POSITIVE: u32 = 1 << 0;
pub(crate) const H_NEGATIVE: u32 = 1 << 1;
pub(crate) const H_UNLIKELY: u32 = 1 << 2;
pub(crate) const H_MAYBE: u32 = 1 << 3;
pub(crate) const H_CREDIT: u32 = 1 << 4;
pub(crate) const H_IMAGE: u32 = 1 << 5;
pub(crate) const H_CAPTION: u32 = 1 << 6;
pub(crate) const H_POSTER: u32 = 1 << 7;
pub(crate) const H_ALWAYS_UNLIKELY: u32 = 1 << 8;
pub(crate) const H_ARTICLE: u32 = 1 << 9;
pub(crate) const H_HEADER: u32 = 1 << 10;

/// The one automaton over every detector hint list (built on first use, or by
/// [`crate::analysis::prepare`]); [`super::stats::Stats::hints`] holds each element's bits.
pub(crate) fn hint_set() -> &'static HintSet {
    static SET: std::sync::OnceLock<HintSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| {
        HintSet::new(&[
            (H_POSITIVE, POSITIVE_HINTS),
            (H_NEGATIVE, NEGATIVE_HINTS),
            (H_UNLIKELY, UNLIKELY_HINTS),
            (H_MAYBE, MAYBE_HINTS),
            (H_CREDIT, CREDIT_HINTS),
            (H_IMAGE, IMAGE_HINTS),
            (H_CAPTION, CAPTION_HINTS),
            (H_POSTER, POSTER_HINTS),
            (H_ALWAYS_UNLIKELY, ALWAYS_UNLIKELY_HINTS),
            (H_ARTICLE, &["article"]),
            (H_HEADER, &["header"]),
        ])
    })
}

/// A match of a Latin-script phrase is a whole word: no letter glued on either side
/// ("anzeigen" is not found in "Stellenanzeigen"). CJK text has no spaces, so a CJK edge
/// is always a boundary.
pub(crate) fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let latin = |c: char| c.is_alphabetic() && !crate::text::is_cjk(c);
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !((first.is_some_and(latin) && before.is_some_and(latin)) || (last.is_some_and(latin) && after.is_some_and(latin)))
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
            assert_eq!(set.mask(name), ((a as u32) * A) | ((b as u32) * B), "{name}");
        }
    }
}
