//! Text helpers shared by every pass: folding for matching, CJK-aware lengths, block
//! structure and line extraction. No allocation per character where it can be avoided.

use crate::page::{NodeId, Page};

/// A list of tag names and its membership test, from one list: the test is a `match`,
/// which compiles to a switch on the length and a few byte comparisons instead of a
/// comparison with every entry.
macro_rules! tag_set {
    ($(#[$doc:meta])* $list:ident, $(#[$fdoc:meta])* $test:ident: $($tag:literal),+ $(,)?) => {
        $(#[$doc])*
        pub const $list: &[&str] = &[$($tag),+];
        $(#[$fdoc])*
        pub fn $test(tag: &str) -> bool {
            matches!(tag, $($tag)|+)
        }
    };
}

tag_set! {
    /// Elements that start a new line of text (the same list as `shared/eval/html2text.py`).
    BLOCK_TAGS,
    /// `tag` is one of [`BLOCK_TAGS`].
    is_block:
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
}

tag_set! {
    /// Elements whose text is never visible, or not part of the running text: `rt` holds a
    /// ruby annotation (the reading printed above the base text, "災害<rt>さいがい</rt>") and
    /// `rp` the parentheses shown around it where ruby is not supported; read inline they
    /// would double every annotated word.
    INVISIBLE_TAGS,
    /// `tag` is one of [`INVISIBLE_TAGS`].
    is_invisible_tag:
    "script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object", "rt", "rp",
}

#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
        | 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f)
}

/// Folds a character for matching: full-width ASCII to ASCII, ideographic space to a
/// space, curly quotes to straight ones, lower case. A cheap subset of NFKC + case fold
/// that covers what news pages use, without Unicode tables in the wasm.
#[inline]
pub fn fold_char(c: char) -> char {
    // Most characters are ASCII or CJK, which have cheap answers; only the rest pay for
    // the Unicode case tables.
    if c.is_ascii() {
        return if c == '`' { '\'' } else { c.to_ascii_lowercase() };
    }
    if is_cjk(c) {
        return c;
    }
    let c = match c as u32 {
        0xff01..=0xff5e => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        0x3000 | 0xa0 | 0x2002..=0x200a => ' ',
        0x2018 | 0x2019 | 0x2032 | 0x60 => '\'',
        0x201c | 0x201d => '"',
        0x2013 | 0x2014 => '-',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// `char::is_whitespace` of an ASCII byte (which, unlike `u8::is_ascii_whitespace`,
/// includes the vertical tab).
#[inline]
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The character starting at byte `i` of `s` (a char boundary below `s.len()`).
#[inline]
fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

/// `fold_char` of an ASCII byte.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b.to_ascii_lowercase()
    }
}

/// Folded text with whitespace runs collapsed to one space and trimmed.
pub fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    fold_bytes(s, &mut out, &mut false);
    utf8(out)
}

/// Bytes this module wrote from whole characters, as a `String` (validation only: the
/// fallback never runs).
fn utf8(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Appends `fold(s)` to `out`, continuing a whitespace run pending from earlier text
/// (`space`): a pending space is written only before the next non-space character, and
/// never at the start of `out`. ASCII (most of any page) takes a byte path without the
/// Unicode tables. Only whole characters are written, so `out` stays UTF-8.
fn fold_bytes(s: &str, out: &mut Vec<u8>, space: &mut bool) {
    let bytes = s.as_bytes();
    if s.is_ascii() && fold_ascii_words(bytes, out, space) {
        return;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if ascii_space(b) {
                *space = !out.is_empty();
                continue;
            }
            if *space {
                out.push(b' ');
                *space = false;
            }
            out.push(fold_ascii(b));
            continue;
        }
        let raw = char_at(s, i);
        i += raw.len_utf8();
        let c = fold_char(raw);
        if c.is_whitespace() {
            *space = !out.is_empty();
            continue;
        }
        if *space {
            out.push(b' ');
            *space = false;
        }
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// `fold_bytes` of ASCII text whose words are separated by single spaces (most text):
/// copied whole and folded in place, loops the compiler runs many bytes at a time.
/// False, with nothing written, for any other text.
fn fold_ascii_words(bytes: &[u8], out: &mut Vec<u8>, space: &mut bool) -> bool {
    let Some(first) = bytes.iter().position(|&b| !ascii_space(b)) else {
        // Only whitespace.
        if !bytes.is_empty() {
            *space = !out.is_empty();
        }
        return true;
    };
    let last = bytes.iter().rposition(|&b| !ascii_space(b)).unwrap_or(first);
    let words = &bytes[first..=last];
    let mut odd = false;
    let mut prev_space = false;
    for &b in words {
        let sp = b == b' ';
        odd |= matches!(b, b'\t'..=b'\r') | (sp & prev_space);
        prev_space = sp;
    }
    if odd {
        return false;
    }
    if first > 0 {
        *space = !out.is_empty();
    }
    if *space {
        out.push(b' ');
    }
    let from = out.len();
    out.extend_from_slice(words);
    for b in &mut out[from..] {
        *b = fold_ascii(*b);
    }
    *space = last + 1 < bytes.len();
    true
}

/// The whole page's text folded once, so that the folded text of any subtree is a slice:
/// `fold(raw_text(id))` without building the string (and its `squash`, from the slice).
/// Text nodes sit in document order in the arena, so a subtree's text is what was
/// appended between reaching `id` and reaching `end(id)`.
pub struct TextIndex {
    folded: String,
    /// `folded.len()` when the pass reached each node (one more entry for the end of the page).
    fold_at: Vec<u32>,
}

impl TextIndex {
    pub fn new(page: &Page) -> TextIndex {
        TextIndex::of_texts(page, |_| true)
    }

    /// The index of only the text nodes `include` keeps (its slices are only right for
    /// subtrees whose text nodes it all keeps): readers that never look at long texts need
    /// not fold them.
    #[inline(never)]
    pub fn of_texts(page: &Page, include: impl Fn(NodeId) -> bool) -> TextIndex {
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
    pub fn folded(&self, page: &Page, id: NodeId) -> &str {
        let (a, b) = self.span(page, id);
        &self.folded[a..b]
    }

    /// Where `folded(id)` lies in the page's folded text: subtrees with the same folded
    /// text in the same place (an element and its only text) have the same span.
    pub fn span(&self, page: &Page, id: NodeId) -> (usize, usize) {
        let (a, b) = (self.fold_at[id as usize] as usize, self.fold_at[page.end(id) as usize] as usize);
        // A space pending from before the subtree is written at its start: trim it.
        let a = if a < b && self.folded.as_bytes()[a] == b' ' { a + 1 } else { a };
        (a, b)
    }

    /// `squash(page.raw_text(id))`: the letters and digits of the folded text (squashing
    /// folds each character and keeps the letters and digits; folding keeps every folded
    /// character but whitespace, which is neither).
    pub fn squashed(&self, page: &Page, id: NodeId) -> String {
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

/// Only letters and digits, folded: "Foo, bar." and "foo bar" squash alike.
pub fn squash(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    squash_bytes(s, &mut out);
    utf8(out)
}


/// Appends the letters and digits of ASCII text to `out`, lower-cased (`squash` of ASCII):
/// every byte is written and the write position moves past the kept ones, no branch per
/// byte.
fn squash_ascii(bytes: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + bytes.len(), 0);
    let dst = &mut out[start..];
    let mut w = 0;
    for (&b, _) in bytes.iter().zip(0..dst.len()) {
        // For a letter or digit, `b | 0x20` is its lower case (digits have the bit set).
        let l = b | 0x20;
        let keep = l.wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10;
        if let Some(d) = dst.get_mut(w) {
            *d = l;
        }
        w += usize::from(keep);
    }
    out.truncate(start + w);
}

/// `squash` of each group's pieces joined: `pieces` gives (group, text) in reading order,
/// and the answer has one string per group below `groups` (pieces of other groups are
/// ignored), in one pass over the pieces.
pub fn squash_groups<'a>(groups: usize, pieces: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<String> {
    let mut out: Vec<Vec<u8>> = vec![Vec::new(); groups];
    for (g, s) in pieces {
        if let Some(buf) = out.get_mut(g) {
            squash_bytes(s, buf);
        }
    }
    out.into_iter().map(utf8).collect()
}

/// Appends `squash(s)` to `out` (whole characters only).
fn squash_bytes(s: &str, out: &mut Vec<u8>) {
    if s.is_ascii() {
        squash_ascii(s.as_bytes(), out);
        return;
    }
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
            }
        } else if b >= 0xc0 {
            // The first byte of a character; its continuation bytes are passed over.
            let c = fold_char(char_at(s, i));
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// Characters that take no room on screen and are not whitespace either: soft hyphens
/// (hyphenation hints), zero-width spaces (line-break hints), byte-order marks. A reader
/// never sees them, so the text Byline reports leaves them out.
pub const INVISIBLE_CHARS: &[char] = &['\u{ad}', '\u{200b}', '\u{feff}'];

/// Whitespace collapsed and trimmed, case kept, invisible characters dropped.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(s, &mut out, &mut false);
    out
}

/// Appends `collapse(s)` to `out`, continuing a whitespace run pending from earlier text
/// (`space`) as `fold_bytes` does: `collapse` of a concatenation, piece by piece. A word
/// made only of invisible characters leaves no trace (not even its space).
pub fn collapse_into(s: &str, out: &mut String, space: &mut bool) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if ascii_space(b) {
                *space = true;
                i += 1;
                continue;
            }
            // A run of visible ASCII is copied whole.
            let run = bytes[i..].iter().position(|&x| x >= 0x80 || ascii_space(x)).map_or(bytes.len(), |k| i + k);
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        let c = char_at(s, i);
        i += c.len_utf8();
        if c.is_whitespace() {
            *space = true;
        } else if !INVISIBLE_CHARS.contains(&c) {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push(c);
        }
    }
}

/// Counts of one piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TextCounts {
    /// Non-whitespace characters.
    pub chars: u32,
    /// Of which CJK (Han, kana, Hangul).
    pub cjk: u32,
    /// Commas and their CJK forms (，、。 count as clause breaks).
    pub commas: u32,
}

/// A CJK character carries about as much as this many Latin characters.
pub const CJK_WEIGHT: u32 = 3;

impl TextCounts {
    pub fn of(s: &str) -> Self {
        let bytes = s.as_bytes();
        if s.is_ascii() {
            // Most text is ASCII: count without decoding, in byte-wide counters the
            // compiler can run many to a register.
            let (mut spaces, mut commas) = (0u32, 0u32);
            for chunk in bytes.chunks(255) {
                let (mut sp, mut co) = (0u8, 0u8);
                for &b in chunk {
                    sp += u8::from(ascii_space(b));
                    co += u8::from(b == b',' || b == b';');
                }
                spaces += u32::from(sp);
                commas += u32::from(co);
            }
            return TextCounts { chars: bytes.len() as u32 - spaces, cjk: 0, commas };
        }
        let mut t = TextCounts::default();
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 {
                if !ascii_space(b) {
                    t.chars += 1;
                    t.commas += u32::from(b == b',' || b == b';');
                }
            } else if b >= 0xc0 {
                // The first byte of a character; its continuation bytes are passed over.
                let c = char_at(s, i);
                if c.is_whitespace() {
                    continue;
                }
                t.chars += 1;
                if is_cjk(c) {
                    t.cjk += 1;
                } else if matches!(c, '，' | '、' | '。' | '､' | '；') {
                    t.commas += 1;
                }
            }
        }
        t
    }

    /// Length in "Latin-equivalent" characters.
    pub fn weight(&self) -> u32 {
        self.chars - self.cjk + self.cjk * CJK_WEIGHT
    }
    pub fn add(&mut self, o: &TextCounts) {
        self.chars += o.chars;
        self.cjk += o.cjk;
        self.commas += o.commas;
    }
}

/// Text of a subtree as lines, one per block (the rules of `html2text.py`), skipping
/// invisible elements, `[hidden]` subtrees and every subtree for which `skip` is true.
pub fn block_lines(page: &Page, roots: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for &root in roots {
        flush(&mut cur, &mut lines);
        // Ends of the open block elements, innermost last.
        let mut open_blocks: Vec<NodeId> = Vec::new();
        let mut i = root;
        let end = page.end(root);
        while i < end {
            while open_blocks.last().is_some_and(|&e| e <= i) {
                open_blocks.pop();
                flush(&mut cur, &mut lines);
            }
            if let Some(t) = page.text(i) {
                cur.push_str(t);
                i += 1;
                continue;
            }
            let tag = page.tag(i);
            if skip(i) || is_invisible_tag(tag) || page.attr(i, "hidden").is_some() {
                i = page.end(i);
                continue;
            }
            if is_block(tag) {
                flush(&mut cur, &mut lines);
                open_blocks.push(page.end(i));
            }
            i += 1;
        }
        flush(&mut cur, &mut lines);
    }
    lines
}

fn flush(cur: &mut String, lines: &mut Vec<String>) {
    if !cur.is_empty() {
        let line = collapse(cur);
        if !line.is_empty() {
            lines.push(line);
        }
        cur.clear();
    }
}

/// The first `chars` characters of `s` (all of it when shorter).
pub fn prefix(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A small deterministic generator for the randomised tests that compare a fast path with
/// its plain definition (xorshift64; `seed` must not be 0).
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold("  Ｆｏｏ：\u{3000}Bar’s  "), "foo: bar's");
        assert_eq!(squash("Siem Reap,  Cambodia."), "siemreapcambodia");
        assert_eq!(squash("来源：淄博新闻网"), "来源淄博新闻网");
    }

    #[test]
    fn text_index_slices_equal_folding_each_subtree() {
        let mut b = crate::page::PageBuilder::new();
        b.open("div", []);
        b.text("  Ｆｏｏ ");
        b.open("span", []);
        b.text(" Bar, ");
        b.close();
        b.text("\u{3000}来源：新华社  ");
        b.open("b", []);
        b.text("   ");
        b.close();
        b.open("i", []);
        b.text("x’s  end ");
        b.close();
        b.close();
        let page = b.finish();
        let ix = TextIndex::new(&page);
        for id in 0..page.len() as NodeId {
            assert_eq!(ix.folded(&page, id), fold(&page.raw_text(id)), "node {id}");
            assert_eq!(ix.squashed(&page, id), squash(&page.raw_text(id)), "node {id}");
        }
        // Leaving text nodes out leaves the slices of subtrees made of kept text right.
        for skip in 0..page.len() as NodeId {
            let ix = TextIndex::of_texts(&page, |t| t != skip);
            for id in (0..page.len() as NodeId).filter(|&id| !page.contains(id, skip)) {
                assert_eq!(ix.folded(&page, id), fold(&page.raw_text(id)), "node {id} without {skip}");
            }
        }
    }

    #[test]
    fn tag_matches_equal_the_lists() {
        let mut names: Vec<&str> = BLOCK_TAGS.iter().chain(INVISIBLE_TAGS).copied().collect();
        names.extend(["", "a", "span", "b", "h7", "td2", "divs", "DIV", "scrip", "img", "button"]);
        for t in names {
            assert_eq!(is_block(t), BLOCK_TAGS.contains(&t), "{t}");
            assert_eq!(is_invisible_tag(t), INVISIBLE_TAGS.contains(&t), "{t}");
        }
    }

    #[test]
    fn collapse_drops_invisible_characters() {
        assert_eq!(collapse("  Ge\u{ad}sund\u{ad}heit \u{200b} heute\u{200b}  "), "Gesundheit heute");
        assert_eq!(collapse("\u{feff}a"), "a");
        assert_eq!(collapse("\u{200b}"), "");
    }

    /// The byte-path helpers against their plain char-by-char definitions, on generated
    /// text mixing ASCII, every kind of whitespace, invisible characters, CJK, full-width
    /// forms, quotes and letters with unusual case mappings.
    #[test]
    fn fast_paths_equal_the_plain_definitions() {
        fn fold_ref(s: &str) -> String {
            let mut out = String::new();
            let mut space = false;
            for c in s.chars().map(fold_char) {
                if c.is_whitespace() {
                    space = !out.is_empty();
                } else {
                    if space {
                        out.push(' ');
                        space = false;
                    }
                    out.push(c);
                }
            }
            out
        }
        fn squash_ref(s: &str) -> String {
            s.chars().map(fold_char).filter(|c| c.is_alphanumeric()).collect()
        }
        fn collapse_ref(s: &str) -> String {
            let mut out = String::new();
            for w in s.split_whitespace() {
                let start = out.len();
                if start > 0 {
                    out.push(' ');
                }
                out.extend(w.chars().filter(|c| !INVISIBLE_CHARS.contains(c)));
                if out.len() == start + usize::from(start > 0) {
                    out.truncate(start);
                }
            }
            out
        }
        fn counts_ref(s: &str) -> TextCounts {
            let mut t = TextCounts::default();
            for c in s.chars().filter(|c| !c.is_whitespace()) {
                t.chars += 1;
                if is_cjk(c) {
                    t.cjk += 1;
                } else if matches!(c, ',' | '，' | '、' | '。' | '､' | '；' | ';') {
                    t.commas += 1;
                }
            }
            t
        }
        let alphabet: Vec<char> = "aZ9 \t\n\r\u{b}\u{c}`',;.:-_x\u{a0}\u{3000}\u{2003}\u{2028}\u{85}\u{1680}\u{ad}\u{200b}\u{feff}\
             来源：，、。､；ＡＦＰ１\u{2018}\u{201c}\u{2014}ÉİßΣςǅﬁ한글カナ\u{1f600}Ωé\u{301}"
            .chars()
            .collect();
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let len = (next() % 24) as usize;
            let s: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
            assert_eq!(fold(&s), fold_ref(&s), "{s:?}");
            assert_eq!(squash(&s), squash_ref(&s), "{s:?}");
            assert_eq!(collapse(&s), collapse_ref(&s), "{s:?}");
            assert_eq!(TextCounts::of(&s), counts_ref(&s), "{s:?}");
            // Piecewise collapsing equals collapsing the concatenation.
            let cut = s.char_indices().map(|(i, _)| i).nth(len / 2).unwrap_or(s.len());
            let (mut out, mut space) = (String::new(), false);
            collapse_into(&s[..cut], &mut out, &mut space);
            collapse_into(&s[cut..], &mut out, &mut space);
            assert_eq!(out, collapse_ref(&s), "{s:?}");
        }
    }

    #[test]
    fn counts_cjk_as_heavier() {
        let t = TextCounts::of("韩联社，报道 ab");
        assert_eq!((t.chars, t.cjk, t.commas), (8, 5, 1));
        assert_eq!(t.weight(), 3 + 15);
    }
}
