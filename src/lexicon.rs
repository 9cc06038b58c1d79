//! Lexicons compiled in from `data/`: clutter phrases, attribution labels, the agency
//! table. Parsed once on first use; matched with Aho-Corasick automata.

use crate::text::{fold, squash};
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Input, Match, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A lexicon file as the parsers read it, without its `#` comment and blank lines, which
/// they skip anyway: left out at compile time, the files' documentation does not ship in
/// the wasm.
macro_rules! lexicon_text {
    ($path:literal) => {{
        const RAW: &[u8] = include_bytes!($path);
        const KEPT: [u8; kept_lines(RAW, &mut [])] = {
            let mut out = [0; kept_lines(RAW, &mut [])];
            kept_lines(RAW, &mut out);
            out
        };
        match std::str::from_utf8(&KEPT) {
            Ok(text) => text,
            Err(_) => panic!("a lexicon file is not UTF-8"),
        }
    }};
}

/// Copies the lines of `raw` that are neither blank nor a `#` comment (after leading ASCII
/// whitespace) into `out`, each ending in `\n`, as far as `out` reaches; returns the length
/// they take. Whole lines only, so UTF-8 stays valid.
const fn kept_lines(raw: &[u8], out: &mut [u8]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < raw.len() {
        let start = i;
        while i < raw.len() && raw[i] != b'\n' {
            i += 1;
        }
        let end = i;
        i += 1;
        let mut first = start;
        while first < end && raw[first].is_ascii_whitespace() {
            first += 1;
        }
        if first == end || raw[first] == b'#' {
            continue;
        }
        let mut k = start;
        while k <= end {
            if n < out.len() {
                out[n] = if k < end { raw[k] } else { b'\n' };
            }
            n += 1;
            k += 1;
        }
    }
    n
}

const CLUTTER_TXT: &str = lexicon_text!("../data/clutter.txt");
const ATTRIBUTION_TXT: &str = lexicon_text!("../data/attribution.txt");
const AGENCIES_TXT: &str = lexicon_text!("../data/agencies.txt");

/// How a clutter phrase is used (the `match` part of a `[match:kind]` section).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseUse {
    /// (Most of) a short label that opens a block.
    Heading,
    /// Anywhere in a short block.
    Phrase,
    /// The whole text of a small element, alone or with other `whole` phrases.
    Whole,
    /// The whole text of a call-to-action link or button inside a box.
    Cta,
    /// The start of a short navigation item followed by a link.
    Lead,
    /// Anywhere in a short line of its own that speaks to the reader instead of telling
    /// the story (follow us, subscribe, affiliate disclosure).
    Prompt,
}

#[cfg(test)]
impl PhraseUse {
    pub fn name(self) -> &'static str {
        match self {
            PhraseUse::Heading => "heading",
            PhraseUse::Phrase => "phrase",
            PhraseUse::Whole => "whole",
            PhraseUse::Cta => "cta",
            PhraseUse::Lead => "lead",
            PhraseUse::Prompt => "prompt",
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub phrase: String,
    pub usage: PhraseUse,
    pub kind: String,
}

/// Sections of a lexicon file: `[name]` headers, `#` comments, one entry a line.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut section = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].to_string();
        } else {
            out.push((section.clone(), line.to_string()));
        }
    }
    out
}

/// A phrase automaton: aho-corasick's noncontiguous NFA, used directly rather than through
/// `AhoCorasick`. The lexicons are built whenever a wasm instance starts (the extension's
/// worker after each restart, a page's own instance on the fallback path), and this NFA
/// builds in about half the
/// instructions of the DFA `AhoCorasick` picks for lists this small while searching the
/// short texts the analysis feeds it as fast (callgrind, bench/native example
/// analyze_loop). Naming the one automaton type also lets the linker drop the crate's
/// other automata from the wasm, which `AhoCorasick`'s run-time choice cannot.
pub(crate) struct Matcher(NFA);

impl Matcher {
    /// Leftmost-longest matching (what the lexicons want: "the associated press" over "ap").
    pub(crate) fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Matcher {
        Matcher::build(patterns, MatchKind::LeftmostLongest, false)
    }

    /// Standard semantics, for overlapping searches (every pattern that occurs).
    pub(crate) fn overlapping<P: AsRef<[u8]>>(patterns: &[P], ascii_case_insensitive: bool) -> Matcher {
        Matcher::build(patterns, MatchKind::Standard, ascii_case_insensitive)
    }

    fn build<P: AsRef<[u8]>>(patterns: &[P], kind: MatchKind, ascii_case_insensitive: bool) -> Matcher {
        let nfa = NFA::builder()
            .match_kind(kind)
            .ascii_case_insensitive(ascii_case_insensitive)
            // The texts searched are short (labels, lines, class names): a prefilter would
            // not pay for its build, nor for its code in the wasm.
            .prefilter(false)
            .build(patterns)
            .expect("lexicon automaton builds");
        Matcher(nfa)
    }

    /// Non-overlapping matches, left to right.
    pub(crate) fn find_iter<'a, 'h>(&'a self, text: &'h str) -> impl Iterator<Item = Match> + 'a
    where
        'h: 'a,
    {
        // An unanchored search on an unanchored automaton cannot fail.
        self.0.try_find_iter(Input::new(text)).into_iter().flatten()
    }

    /// Every match of every pattern (built with [`Matcher::overlapping`]).
    pub(crate) fn find_overlapping_iter<'a, 'h>(&'a self, text: &'h str) -> impl Iterator<Item = Match> + 'a
    where
        'h: 'a,
    {
        self.0.try_find_overlapping_iter(Input::new(text)).into_iter().flatten()
    }

    /// The leftmost match.
    pub(crate) fn find(&self, text: &str) -> Option<Match> {
        self.0.try_find(&Input::new(text)).ok().flatten()
    }

    /// The longest match that starts at byte `at` (an anchored search: it stops as soon as
    /// no pattern can continue, instead of scanning the rest of the text).
    pub(crate) fn find_at(&self, text: &str, at: usize) -> Option<Match> {
        let input = Input::new(text).span(at..text.len()).anchored(aho_corasick::Anchored::Yes);
        self.0.try_find(&input).ok().flatten()
    }
}

fn automaton(patterns: &[String]) -> Matcher {
    Matcher::new(patterns)
}

pub(crate) struct ClutterLexicon {
    pub entries: Vec<Entry>,
    /// Over the folded phrases of `heading`, `phrase`, `lead` and `prompt` entries (pattern id = index into `searchable`).
    pub automaton: Matcher,
    pub searchable: Vec<usize>,
    /// The longest folded phrase of `automaton`, in bytes.
    pub max_phrase_bytes: usize,
    /// Over the squashed `whole` and `cta` phrases (pattern id = index into `squashed_ids`).
    pub squashed_automaton: Matcher,
    pub squashed_ids: Vec<usize>,
}

impl ClutterLexicon {
    fn parse(text: &str) -> Self {
        let mut entries = Vec::new();
        for (section, line) in sections(text) {
            let (usage, kind) = section.split_once(':').expect("clutter section is [use:kind]");
            let usage = match usage {
                "heading" => PhraseUse::Heading,
                "phrase" => PhraseUse::Phrase,
                "whole" => PhraseUse::Whole,
                "cta" => PhraseUse::Cta,
                "lead" => PhraseUse::Lead,
                "prompt" => PhraseUse::Prompt,
                other => panic!("unknown phrase use {other}"),
            };
            entries.push(Entry { phrase: fold(&line), usage, kind: kind.to_string() });
        }
        let is_squashed = |u: PhraseUse| matches!(u, PhraseUse::Whole | PhraseUse::Cta);
        let searchable: Vec<usize> = (0..entries.len()).filter(|&i| !is_squashed(entries[i].usage)).collect();
        let patterns: Vec<String> = searchable.iter().map(|&i| entries[i].phrase.clone()).collect();
        let squashed_ids: Vec<usize> = (0..entries.len()).filter(|&i| is_squashed(entries[i].usage)).collect();
        let squashed: Vec<String> = squashed_ids.iter().map(|&i| squash(&entries[i].phrase)).collect();
        ClutterLexicon {
            max_phrase_bytes: patterns.iter().map(String::len).max().unwrap_or(0),
            automaton: automaton(&patterns),
            searchable,
            squashed_automaton: automaton(&squashed),
            squashed_ids,
            entries,
        }
    }

    /// `[use:kind]` sections present in the lexicon, each once.
    #[cfg(test)]
    pub fn sections(&self) -> Vec<String> {
        let mut out: Vec<String> = self.entries.iter().map(|e| format!("{}:{}", e.usage.name(), e.kind)).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Entries of `usage` whose non-overlapping matches tile all of the already-squashed
    /// text, in order; empty when some of the text is not covered.
    ///
    /// Each tile is the match the left-to-right search would find next, which must start
    /// where the previous one ended: the longest match anchored there. Most texts fail on
    /// their first characters, so an anchored search reads only those.
    pub(crate) fn tile_squashed<'a>(&'a self, squashed: &str, usage: PhraseUse) -> Vec<&'a Entry> {
        let mut at = 0;
        let mut out = Vec::new();
        while at < squashed.len() {
            let Some(m) = self.squashed_automaton.find_at(squashed, at) else { return Vec::new() };
            let e = &self.entries[self.squashed_ids[m.pattern().as_usize()]];
            if e.usage != usage || m.end() <= at {
                return Vec::new();
            }
            at = m.end();
            out.push(e);
        }
        out
    }

    /// `find_in` with each entry as its index in `entries`.
    pub(crate) fn find_indexed<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton.find_iter(folded).map(move |m| (self.searchable[m.pattern().as_usize()], m.start(), m.end()))
    }

    /// Entries found in already-folded text, with their byte spans.
    pub(crate) fn find_in<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = (&'a Entry, usize, usize)> + 'a {
        self.find_indexed(folded).map(move |(e, s, t)| (&self.entries[e], s, t))
    }
}

pub(crate) struct AttributionLexicon {
    pub source_label_ac: Matcher,
    pub date_label_ac: Matcher,
    /// Dateline templates every agency may use (see `data/attribution.txt`).
    pub datelines: Vec<String>,
    /// Markers of a copyright / no-redistribution line ("copyright", "무단 전재").
    pub copyright_marks: Vec<String>,
    /// Class-name words that mark a photo caption or credit.
    pub caption_classes: Vec<String>,
    /// Words that open a byline ("by", "von", "记者").
    pub byline_openers: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Agency {
    pub canonical: String,
    pub names: Vec<String>,
    pub domains: Vec<String>,
    /// Dateline templates of this agency (same syntax as the shared ones).
    pub datelines: Vec<String>,
    /// Closing lines that identify this agency without naming it ("reporting by", "(end)"), folded.
    pub tail_marks: Vec<String>,
}

pub(crate) struct AgencyTable {
    pub agencies: Vec<Agency>,
    /// Folded name → agency index.
    pub by_name: HashMap<String, usize>,
    /// The agency of each pattern of `names_all_ac`.
    pub name_owner: Vec<usize>,
    /// The same names with every (overlapping) match reported; pattern id = index into `name_owner`.
    pub names_all_ac: Matcher,
    /// Folded names, by pattern id.
    pub folded_names: Vec<String>,
}

impl AgencyTable {
    fn parse(text: &str) -> Self {
        let mut agencies = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let mut fields = line.split('|').map(str::trim);
            let canonical = fields.next().unwrap_or_default().to_string();
            let list = |f: Option<&str>| -> Vec<String> {
                f.unwrap_or_default().split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
            };
            let names = list(fields.next());
            let domains = list(fields.next());
            let datelines = list(fields.next());
            let tail_marks = list(fields.next()).iter().map(|t| fold(t)).collect();
            agencies.push(Agency { canonical, names, domains, datelines, tail_marks });
        }
        let mut by_name = HashMap::new();
        let mut patterns = Vec::new();
        let mut name_owner = Vec::new();
        for (i, a) in agencies.iter().enumerate() {
            for n in a.names.iter().chain(std::iter::once(&a.canonical)) {
                let f = fold(n);
                if by_name.insert(f.clone(), i).is_none() {
                    patterns.push(f);
                    name_owner.push(i);
                }
            }
        }
        let names_all_ac = Matcher::overlapping(&patterns, false);
        AgencyTable { names_all_ac, folded_names: patterns, agencies, by_name, name_owner }
    }

    pub(crate) fn index_of(&self, agency: &Agency) -> usize {
        self.agencies.iter().position(|a| std::ptr::eq(a, agency)).unwrap_or(0)
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<&Agency> {
        self.by_name.get(&fold(name)).map(|&i| &self.agencies[i])
    }

    pub(crate) fn by_domain(&self, host: &str) -> Option<&Agency> {
        let host = host.trim_start_matches("www.");
        self.agencies.iter().find(|a| a.domains.iter().any(|d| host == d || host.ends_with(&format!(".{d}"))))
    }
}

pub(crate) fn clutter() -> &'static ClutterLexicon {
    static L: OnceLock<ClutterLexicon> = OnceLock::new();
    L.get_or_init(|| ClutterLexicon::parse(CLUTTER_TXT))
}

pub(crate) fn attribution() -> &'static AttributionLexicon {
    static L: OnceLock<AttributionLexicon> = OnceLock::new();
    L.get_or_init(|| {
        let mut source_labels = Vec::new();
        let mut date_labels = Vec::new();
        let mut datelines = Vec::new();
        let mut copyright_marks = Vec::new();
        let mut caption_classes = Vec::new();
        let mut byline_openers = Vec::new();
        for (section, line) in sections(ATTRIBUTION_TXT) {
            match section.as_str() {
                "source_label" => source_labels.push(fold(&line)),
                "date_label" => date_labels.push(fold(&line)),
                "dateline" => datelines.push(line),
                "copyright_mark" => copyright_marks.push(fold(&line)),
                "caption_class" => caption_classes.push(fold(&line)),
                "byline_opener" => byline_openers.push(fold(&line)),
                other => panic!("unknown attribution section {other}"),
            }
        }
        AttributionLexicon {
            source_label_ac: automaton(&source_labels),
            date_label_ac: automaton(&date_labels),
            datelines,
            copyright_marks,
            caption_classes,
            byline_openers,
        }
    })
}

pub(crate) fn agencies() -> &'static AgencyTable {
    static L: OnceLock<AgencyTable> = OnceLock::new();
    L.get_or_init(|| AgencyTable::parse(AGENCIES_TXT))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The anchored tiling finds what the plain left-to-right tiling finds.
    #[test]
    fn anchored_tiling_equals_scanning() {
        let c = clutter();
        let plain = |squashed: &str, usage: PhraseUse| -> Vec<*const Entry> {
            let mut at = 0;
            let mut out = Vec::new();
            for m in c.squashed_automaton.find_iter(squashed) {
                let e = &c.entries[c.squashed_ids[m.pattern().as_usize()]];
                if m.start() != at || e.usage != usage {
                    return Vec::new();
                }
                at = m.end();
                out.push(e as *const Entry);
            }
            if at == squashed.len() { out } else { Vec::new() }
        };
        let keys: Vec<String> = c.squashed_ids.iter().map(|&i| squash(&c.entries[i].phrase)).collect();
        let mut next = crate::text::xorshift(0x9e37_79b9_7f4a_7c15);
        let extra = ["", "x", "a", "1", "广告", "top", "s", "é"];
        let mut tiled = 0;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(next() % 4) {
                let k = &keys[(next() % keys.len() as u64) as usize];
                // Whole keys, or a cut of one, with stray letters between them.
                let cut = k.char_indices().map(|(i, _)| i).nth((next() % 6) as usize).filter(|_| next().is_multiple_of(3)).unwrap_or(k.len());
                text.push_str(&k[..cut]);
                text.push_str(extra[(next() % extra.len() as u64) as usize]);
            }
            for usage in [PhraseUse::Whole, PhraseUse::Cta] {
                let new: Vec<*const Entry> = c.tile_squashed(&text, usage).into_iter().map(|e| e as *const Entry).collect();
                assert_eq!(new, plain(&text, usage), "{text:?}");
                tiled += usize::from(!new.is_empty());
            }
        }
        assert!(tiled > 500, "{tiled} texts tiled");
    }

    /// The files as compiled in read as the files themselves do: only comments and blank
    /// lines are gone.
    #[test]
    fn kept_lines_are_what_the_parsers_read() {
        let read = |text: &str| -> Vec<String> {
            text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
        };
        for (kept, raw) in [
            (CLUTTER_TXT, include_str!("../data/clutter.txt")),
            (ATTRIBUTION_TXT, include_str!("../data/attribution.txt")),
            (AGENCIES_TXT, include_str!("../data/agencies.txt")),
        ] {
            assert_eq!(read(kept), read(raw));
            assert_eq!(sections(kept), sections(raw));
            assert!(kept.len() < raw.len() && !kept.contains("\n#"));
        }
    }

    #[test]
    fn lexicons_parse() {
        let c = clutter();
        assert!(c.entries.iter().any(|e| e.phrase == "友情链接" && e.kind == "friend_links"));
        assert!(c.entries.iter().any(|e| e.phrase == "回顶部" && e.usage == PhraseUse::Whole));
        let found: Vec<_> = c.find_in("版权声明:本站资源均来自互联网,如果").map(|(e, _, _)| e.kind.as_str()).collect();
        assert!(found.contains(&"disclaimer"), "{found:?}");
        let a = agencies();
        assert!(a.agencies.len() >= 60, "{} agencies", a.agencies.len());
        assert_eq!(a.lookup("韩联社").unwrap().canonical, "Yonhap");
        assert_eq!(a.lookup("ＡＰ").unwrap().canonical, "AP");
        assert_eq!(a.by_domain("www.reuters.com").unwrap().canonical, "Reuters");
        assert!(attribution().source_label_ac.find("来源").is_some());
    }
}
