//! Clutter around (and inside) the article. Each classifier is a small module in
//! `clutter/` with its tunables at the top; it proposes blocks with a `kind` and a short
//! human `reason`. Lexicon phrases (`data/clutter.txt`, matched with Aho-Corasick) find
//! candidates; structure (position relative to the article, link density, list shape,
//! what the block contains) decides. The `Guard` keeps the article and headline safe;
//! a classifier may act inside the article only on a clearly labelled box.

mod comments;
mod headline_lists;
mod labelled_lists;
mod labels;
mod phrases;
mod prev_next;
mod prompts;
mod signup;

use super::hints::word_bounded;
use super::stats::Stats;
use super::Guard;
use crate::lexicon::{clutter, ClutterLexicon, Entry, PhraseUse};
use crate::page::{NodeId, Page};
use crate::plan::{Hide, Kind};
use crate::text::TextIndex;
use std::borrow::Cow;
use std::cell::RefCell;

/// The `[use:kind]` lexicon sections each classifier consumes (checked by a test: every
/// section of `data/clutter.txt` has a consumer).
#[cfg(test)]
pub const CONSUMERS: &[(&str, &[&str])] = &[
    ("labelled_lists", labelled_lists::SECTIONS),
    ("comments", comments::SECTIONS),
    ("signup", signup::SECTIONS),
    ("labels", labels::SECTIONS),
    ("phrases", phrases::SECTIONS),
    ("prev_next", prev_next::SECTIONS),
    ("headline_lists", headline_lists::SECTIONS),
    ("prompts", prompts::SECTIONS),
];

/// A box heading (another list's label met while climbing) is at most this long.
pub(crate) const MAX_BOX_HEADING_CHARS: u32 = 40;

/// What every classifier sees.
pub(crate) struct Ctx<'a> {
    pub page: &'a Page,
    pub stats: &'a Stats,
    pub guard: &'a Guard,
    pub lex: &'static ClutterLexicon,
    /// Visible characters of each subtree inside a link or a button.
    pub interactive: Vec<u32>,
    /// The page's short texts folded once; the folded text of a subtree that is
    /// `indexed` is a slice of it.
    text: TextIndex,
    /// Visible subtrees of at most `MAX_INDEXED_CHARS` characters: the classifiers read
    /// no longer text (a label, a line, a short block).
    indexed: Vec<bool>,
    /// Whether each node is the innermost element holding its text (`innermost_text_element`).
    innermost: Vec<bool>,
    /// Lexicon matches of the folded texts searched so far: several classifiers read the
    /// same short texts (a label is a heading for three of them; a line, its only text
    /// node and its block are one text), which are searched once. `memo[node]` indexes
    /// `searched` (NOT_SEARCHED: not yet); a node whose parent or first child has the same
    /// span shares that entry. Indexed by node rather than hashed by span, so a page of
    /// any size keeps every result (4 bytes a node) and no two texts evict each other (a
    /// capped hash table would make the searching grow faster than the page).
    memo: RefCell<Vec<u32>>,
    searched: RefCell<Vec<Searched>>,
    /// (entry index, start, end) of each match, the offsets within the searched text.
    found: RefCell<Vec<(u32, u32, u32)>>,
}

/// A span of the folded page text and its matches (`found[from..to]`).
#[derive(Clone, Copy)]
struct Searched {
    span: (u32, u32),
    from: u32,
    to: u32,
}

const NOT_SEARCHED: u32 = u32::MAX;

/// The longest text a classifier reads through `Ctx::folded` (a prompt line).
const MAX_INDEXED_CHARS: u32 = prompts::MAX_PROMPT_CHARS;

impl<'a> Ctx<'a> {
    #[inline(never)]
    fn new(page: &'a Page, stats: &'a Stats, guard: &'a Guard) -> Self {
        let n = page.len();
        let mut inside = vec![false; n];
        let mut interactive = vec![0u32; n];
        for i in 0..n {
            let id = i as NodeId;
            let p_inside = page.parent(id).is_some_and(|p| inside[p as usize]);
            if page.is_element(id) {
                inside[i] = p_inside || matches!(page.tag(id), "a" | "button");
            } else if p_inside && !stats.invisible[i] {
                interactive[i] = stats.total[i].chars;
            }
        }
        super::stats::bottom_up(page, |i, p| interactive[p] += interactive[i]);
        // An element is not the innermost holder of its text when an element child holds
        // all of it.
        let mut full_child = vec![false; n];
        for i in 1..n {
            let id = i as NodeId;
            if let Some(p) = page.parent(id) {
                if page.is_element(id) && stats.total[i].chars == stats.total[p as usize].chars {
                    full_child[p as usize] = true;
                }
            }
        }
        let innermost = (0..n)
            .map(|i| page.is_element(i as NodeId) && !stats.invisible[i] && stats.total[i].chars > 0 && !full_child[i])
            .collect();
        // Only text under a short visible subtree is folded: an indexed subtree's text
        // nodes all lie under it.
        let indexed: Vec<bool> = (0..n).map(|i| !stats.invisible[i] && stats.total[i].chars <= MAX_INDEXED_CHARS).collect();
        let mut under = indexed.clone();
        for i in 1..n {
            if let Some(p) = page.parent(i as NodeId) {
                under[i] |= under[p as usize];
            }
        }
        let text = TextIndex::of_texts(page, |t| under[t as usize]);
        Ctx {
            page,
            stats,
            guard,
            lex: clutter(),
            interactive,
            text,
            indexed,
            innermost,
            memo: RefCell::new(vec![NOT_SEARCHED; n]),
            searched: RefCell::new(Vec::new()),
            found: RefCell::new(Vec::new()),
        }
    }

    /// Every lexicon phrase (`ClutterLexicon::find_in`) in the subtree's folded text, left to
    /// right, with its byte span in `folded(id)`.
    pub(crate) fn matches(&self, id: NodeId) -> Vec<(&'static Entry, usize, usize)> {
        let lex = self.lex;
        let entry = |(e, s, t): (usize, usize, usize)| (&lex.entries[e], s, t);
        if !self.indexed[id as usize] {
            return lex.find_indexed(&self.folded(id)).map(entry).collect();
        }
        let s = match self.searched_entry(id) {
            Ok(s) => s,
            Err(span) => {
                let mut found = self.found.borrow_mut();
                let from = found.len() as u32;
                found.extend(lex.find_indexed(&self.folded(id)).map(|(e, s, t)| (e as u32, s as u32, t as u32)));
                let s = Searched { span, from, to: found.len() as u32 };
                let mut searched = self.searched.borrow_mut();
                self.memo.borrow_mut()[id as usize] = searched.len() as u32;
                searched.push(s);
                s
            }
        };
        self.stored(s, usize::MAX)
    }

    /// The matches a search stored, those starting at byte `limit` or before.
    fn stored(&self, s: Searched, limit: usize) -> Vec<(&'static Entry, usize, usize)> {
        let lex = self.lex;
        let found = self.found.borrow();
        found[s.from as usize..s.to as usize]
            .iter()
            .filter(|m| m.1 as usize <= limit)
            .map(|&(e, s, t)| (&lex.entries[e as usize], s as usize, t as usize))
            .collect()
    }

    /// The search of an indexed subtree's folded text, when done already (for it, or for
    /// its parent or first child with the same text); else the text's span.
    fn searched_entry(&self, id: NodeId) -> Result<Searched, (u32, u32)> {
        let mut memo = self.memo.borrow_mut();
        let searched = self.searched.borrow();
        let k = memo[id as usize];
        if k != NOT_SEARCHED {
            return Ok(searched[k as usize]);
        }
        let (a, b) = self.text.span(self.page, id);
        let span = (a as u32, b as u32);
        let first_child = (id + 1 < self.page.end(id)).then_some(id + 1);
        for near in self.page.parent(id).into_iter().chain(first_child) {
            let k = memo[near as usize];
            if k != NOT_SEARCHED && searched[k as usize].span == span {
                memo[id as usize] = k;
                return Ok(searched[k as usize]);
            }
        }
        Err(span)
    }

    /// The matches of `matches(id)` that start after at most `chars` characters of the text.
    /// Up to there a search of the text and a search of its beginning find the same
    /// matches (each is the longest at the leftmost place a phrase starts, and every phrase
    /// starting there fits in the beginning), so only the beginning is searched.
    pub(crate) fn leading_matches(&self, id: NodeId, chars: usize) -> Vec<(&'static Entry, usize, usize)> {
        let lex = self.lex;
        let text = self.folded(id);
        let limit = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
        if self.indexed[id as usize] {
            if let Ok(s) = self.searched_entry(id) {
                return self.stored(s, limit);
            }
        }
        let mut end = (limit + lex.max_phrase_bytes).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        lex.find_indexed(&text[..end]).filter(|m| m.1 <= limit).map(|(e, s, t)| (&lex.entries[e], s, t)).collect()
    }

    pub(crate) fn chars(&self, id: NodeId) -> u32 {
        self.stats.total[id as usize].chars
    }

    /// First visible text node of a subtree.
    pub(crate) fn first_text(&self, id: NodeId) -> Option<NodeId> {
        self.page.subtree(id).find(|&i| self.page.text(i).is_some() && !self.stats.invisible[i as usize])
    }

    pub(crate) fn count_links(&self, id: NodeId) -> usize {
        self.page.subtree(id).filter(|&i| self.page.tag(i) == "a" && self.chars(i) > 0).count()
    }

    /// Visible element with text, whose text is not all in one element child: the
    /// innermost element holding a given piece of text.
    pub(crate) fn innermost_text_element(&self, id: NodeId) -> bool {
        self.innermost[id as usize]
    }

    pub(crate) fn inside_link(&self, id: NodeId) -> bool {
        self.page.tag(id) == "a" || self.page.ancestors(id).any(|a| self.page.tag(a) == "a")
    }

    /// `fold` of the subtree's text (a slice of the index for the short subtrees the
    /// classifiers read, built for any other).
    pub(crate) fn folded(&self, id: NodeId) -> Cow<'_, str> {
        if self.indexed[id as usize] {
            Cow::Borrowed(self.text.folded(self.page, id))
        } else {
            Cow::Owned(crate::text::fold(&self.page.raw_text(id)))
        }
    }

    /// `squash` of the subtree's text when it has at most `max_chars` characters.
    pub(crate) fn squashed_upto(&self, id: NodeId, max_chars: usize) -> Option<String> {
        if !self.indexed[id as usize] {
            return Some(self.squashed(id)).filter(|s| s.chars().count() <= max_chars);
        }
        // Squashing drops characters: a folded text of at most `max_chars` characters
        // squashes short enough, and a longer one is squashed to find out.
        let folded = self.text.folded(self.page, id);
        if folded.len() > max_chars && folded.chars().filter(|c| c.is_alphanumeric()).nth(max_chars).is_some() {
            return None;
        }
        Some(self.text.squashed(self.page, id))
    }

    /// `squash` of the subtree's text.
    pub(crate) fn squashed(&self, id: NodeId) -> String {
        if self.indexed[id as usize] {
            self.text.squashed(self.page, id)
        } else {
            crate::text::squash(&self.page.raw_text(id))
        }
    }

    /// The kind of lexicon label `id`'s text is, for `usage` phrases of the given kinds: the
    /// matches must cover at least `min_coverage` of its letters.
    pub(crate) fn label_kind(&self, id: NodeId, usage: PhraseUse, kinds: &[&str], min_coverage: f32) -> Option<(Kind, String)> {
        let text = &*self.folded(id);
        let mut covered = 0;
        let mut best: Option<(&crate::lexicon::Entry, usize)> = None;
        for (e, s, t) in self.matches(id) {
            if e.usage != usage || !kinds.contains(&e.kind.as_str()) || !word_bounded(text, s, t) {
                continue;
            }
            let n = text[s..t].chars().filter(|c| c.is_alphabetic()).count();
            covered += n;
            if best.is_none_or(|(_, bn)| n > bn) {
                best = Some((e, n));
            }
        }
        let (entry, _) = best?;
        // (Counted last: most texts hold no label phrase.)
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 || (covered as f32) < min_coverage * letters as f32 {
            return None;
        }
        Some((Kind::from_lexicon(&entry.kind)?, entry.phrase.clone()))
    }

    /// Climbs from a label to the largest block that starts with it and whose remaining
    /// text is at least `min_density` links/buttons. `in_article` allows blocks inside
    /// the article (still never containing an article block).
    pub(crate) fn climb_labelled(&self, label: NodeId, min_density: f32, in_article: bool) -> NodeId {
        let lu = label as usize;
        let label_text = self.first_text(label);
        let mut block = label;
        while let Some(p) = self.page.parent(block) {
            let allowed = if in_article { self.guard.may_hide_in_article(self.page, p) } else { self.guard.may_hide(self.page, p) };
            if !allowed || self.first_text(p) != label_text {
                break;
            }
            let rest_chars = self.chars(p) - self.chars(label);
            let rest_active = self.interactive[p as usize] - self.interactive[lu];
            if rest_chars > 0 && (rest_active as f32) < min_density * rest_chars as f32 {
                break;
            }
            // Last, as it reads the parent's subtree.
            if self.other_box_heading(p, block, label) {
                break;
            }
            block = p;
        }
        block
    }

    /// `parent` holds, outside `block`, another box's heading: a heading tag, or a line of
    /// plain text with the label's tag (sibling boxes repeat their structure).
    fn other_box_heading(&self, parent: NodeId, block: NodeId, label: NodeId) -> bool {
        let label_tag = self.page.tag(label);
        self.page.subtree(parent).filter(|&i| !self.page.contains(block, i) && self.page.is_element(i)).any(|i| {
            let tag = self.page.tag(i);
            let heading_tag = matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
            (heading_tag || tag == label_tag)
                && self.chars(i) > 0
                && self.chars(i) <= MAX_BOX_HEADING_CHARS
                && self.interactive[i as usize] == 0
                && self.innermost_text_element(i)
                && self.heading_like(i)
        })
    }

    /// A heading-like element: a heading tag, or an element that is a whole line of text.
    pub(crate) fn heading_like(&self, id: NodeId) -> bool {
        if matches!(self.page.tag(id), "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" | "legend" | "caption") {
            return true;
        }
        // A whole line: the only text of its nearest block outside nested blocks.
        let block = self.stats.block_of[id as usize];
        block != crate::page::NO_NODE && self.stats.inline[block as usize].chars == self.chars(id) && !self.inside_link(id)
    }
}

pub(crate) fn find(page: &Page, stats: &Stats, guard: &Guard) -> Vec<Hide> {
    let cx = Ctx::new(page, stats, guard);
    let mut hides = Vec::new();
    labelled_lists::find(&cx, &mut hides);
    comments::find(&cx, &mut hides);
    signup::find(&cx, &mut hides);
    prev_next::find(&cx, &mut hides);
    phrases::find(&cx, &mut hides);
    labels::find(&cx, &mut hides);
    headline_lists::find(&cx, &mut hides);
    prompts::find(&cx, &mut hides);
    hides
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lexicon section is consumed by some classifier, and every entry is found by
    /// the automaton that classifier uses (so no entry is dead data).
    #[test]
    fn every_lexicon_entry_has_a_consumer() {
        let lex = clutter();
        let consumed: Vec<&str> = CONSUMERS.iter().flat_map(|(_, s)| s.iter().copied()).collect();
        for section in lex.sections() {
            assert!(consumed.contains(&section.as_str()), "lexicon section [{section}] is used by no classifier");
        }
        for e in &lex.entries {
            let same = |f: &crate::lexicon::Entry| f.phrase == e.phrase && f.usage == e.usage && f.kind == e.kind;
            let found = match e.usage {
                PhraseUse::Whole | PhraseUse::Cta => {
                    let key = crate::text::squash(&e.phrase);
                    let tiles = lex.tile_squashed(&key, e.usage);
                    tiles.len() == 1 && same(tiles[0])
                }
                _ => lex.find_in(&e.phrase).any(|(f, _, _)| same(f)),
            };
            assert!(found, "lexicon entry {:?} [{}:{}] can never match as itself", e.phrase, e.usage.name(), e.kind);
        }
        for (name, sections) in CONSUMERS {
            for s in *sections {
                assert!(lex.sections().iter().any(|x| x == s), "{name} consumes [{s}], which the lexicon lacks");
            }
        }
    }
}
