//! Text helpers shared by every pass: folding for matching, CJK-aware lengths, block
//! structure and line extraction. No allocation per character where it can be avoided.

use crate::page::{NodeId, Page};

/// Elements that start a new line of text (the same list as `shared/eval/html2text.py`).
pub const BLOCK_TAGS: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
];

/// Elements whose text is never visible, or not part of the running text: `rt` holds a
/// ruby annotation (the reading printed above the base text, "災害<rt>さいがい</rt>") and
/// `rp` the parentheses shown around it where ruby is not supported; read inline they would
/// double every annotated word.
pub const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object", "rt", "rp",
];

pub fn is_block(tag: &str) -> bool {
    BLOCK_TAGS.contains(&tag)
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

/// Folded text with whitespace runs collapsed to one space and trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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

/// The whole page's text folded once (and squashed once), so that the folded or squashed
/// text of any subtree is a slice: `fold(raw_text(id))` and `squash(raw_text(id))` without
/// building either string. Text nodes sit in document order in the arena, so a subtree's
/// text is what was appended between reaching `id` and reaching `end(id)`.
pub struct TextIndex {
    folded: String,
    squashed: String,
    /// `folded.len()` and `squashed.len()` when the pass reached each node (one more entry
    /// for the end of the page).
    fold_at: Vec<u32>,
    squash_at: Vec<u32>,
}

impl TextIndex {
    pub fn new(page: &Page) -> TextIndex {
        let n = page.len();
        let mut ix = TextIndex { folded: String::new(), squashed: String::new(), fold_at: Vec::with_capacity(n + 1), squash_at: Vec::with_capacity(n + 1) };
        // Whitespace collapses across text nodes as it does in `fold` of their concatenation:
        // a pending space is written only before the next non-space character.
        let mut space = false;
        for i in 0..n {
            ix.fold_at.push(ix.folded.len() as u32);
            ix.squash_at.push(ix.squashed.len() as u32);
            let Some(t) = page.text(i as NodeId) else { continue };
            for c in t.chars().map(fold_char) {
                if c.is_whitespace() {
                    space = !ix.folded.is_empty();
                } else {
                    if space {
                        ix.folded.push(' ');
                        space = false;
                    }
                    ix.folded.push(c);
                    if c.is_alphanumeric() {
                        ix.squashed.push(c);
                    }
                }
            }
        }
        ix.fold_at.push(ix.folded.len() as u32);
        ix.squash_at.push(ix.squashed.len() as u32);
        ix
    }

    /// `fold(page.raw_text(id))`.
    pub fn folded(&self, page: &Page, id: NodeId) -> &str {
        let (a, b) = (self.fold_at[id as usize], self.fold_at[page.end(id) as usize]);
        // A space pending from before the subtree is written at its start: trim it.
        self.folded[a as usize..b as usize].trim_start_matches(' ')
    }

    /// `squash(page.raw_text(id))`.
    pub fn squashed(&self, page: &Page, id: NodeId) -> &str {
        &self.squashed[self.squash_at[id as usize] as usize..self.squash_at[page.end(id) as usize] as usize]
    }
}

/// Only letters and digits, folded: "Foo, bar." and "foo bar" squash alike.
pub fn squash(s: &str) -> String {
    s.chars().map(fold_char).filter(|c| c.is_alphanumeric()).collect()
}

/// Characters that take no room on screen and are not whitespace either: soft hyphens
/// (hyphenation hints), zero-width spaces (line-break hints), byte-order marks. A reader
/// never sees them, so the text Byline reports leaves them out.
pub const INVISIBLE_CHARS: &[char] = &['\u{ad}', '\u{200b}', '\u{feff}'];

/// Whitespace collapsed and trimmed, case kept, invisible characters dropped.
pub fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let start = out.len();
        if start > 0 {
            out.push(' ');
        }
        if w.contains(INVISIBLE_CHARS) {
            out.extend(w.chars().filter(|c| !INVISIBLE_CHARS.contains(c)));
        } else {
            out.push_str(w);
        }
        // A word made only of invisible characters leaves no trace (not even its space).
        if out.len() == start + usize::from(start > 0) {
            out.truncate(start);
        }
    }
    out
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
        let mut t = TextCounts::default();
        for c in s.chars() {
            if c.is_whitespace() {
                continue;
            }
            t.chars += 1;
            if is_cjk(c) {
                t.cjk += 1;
            } else if matches!(c, ',' | '，' | '、' | '。' | '､' | '；' | ';') {
                t.commas += 1;
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
            if skip(i) || INVISIBLE_TAGS.contains(&tag) || page.attr(i, "hidden").is_some() {
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

/// At most `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
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
    }

    #[test]
    fn collapse_drops_invisible_characters() {
        assert_eq!(collapse("  Ge\u{ad}sund\u{ad}heit \u{200b} heute\u{200b}  "), "Gesundheit heute");
        assert_eq!(collapse("\u{feff}a"), "a");
        assert_eq!(collapse("\u{200b}"), "");
    }

    #[test]
    fn counts_cjk_as_heavier() {
        let t = TextCounts::of("韩联社，报道 ab");
        assert_eq!((t.chars, t.cjk, t.commas), (8, 5, 1));
        assert_eq!(t.weight(), 3 + 15);
    }
}
