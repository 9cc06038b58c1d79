//! Tests of the text helpers, the byte paths against their plain definitions.

use crate::tags::{BLOCK_TAGS, INVISIBLE_TAGS};
use super::*;
use crate::page::NodeId;

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

/// `fold`, char by char.
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

/// `squash`, char by char.
fn squash_ref(s: &str) -> String {
    s.chars().map(fold_char).filter(|c| c.is_alphanumeric()).collect()
}

/// `collapse`, word by word.
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

/// `TextCounts::of`, char by char.
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

/// The byte-path helpers against their plain char-by-char definitions, on generated
/// text mixing ASCII, every kind of whitespace, invisible characters, CJK, full-width
/// forms, quotes and letters with unusual case mappings.
#[test]
fn fast_paths_equal_the_plain_definitions() {
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
