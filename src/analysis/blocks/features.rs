//! Per-block features: what the learned block classifier reads of each text block.
//!
//! A *block* is a visible block element all of whose text is its own (no nested block
//! carries text): a paragraph, a list item, a heading, a caption, a table cell, a `div`
//! holding only inline text. Every feature is a count, a share or a 0/1 flag computed with
//! integer arithmetic and IEEE-exact division, so the native and the wasm build compute
//! the same bits (no `ln`/`exp`, whose last bit differs between libms). Trees split on
//! thresholds, so no feature needs a log scale.
//!
//! The CLI exports these rows (`byline features`) for the training script, which never
//! recomputes a feature: training and inference read the same numbers.

use super::Context;
use crate::analysis::trees::{flag, share};
use crate::analysis::hints::*;
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page, NO_NODE};
use crate::text::is_cjk;

/// The features, in the order of a row. The model file records this list and the
/// classifier refuses a model trained on another.
pub const FEATURE_NAMES: &[&str] = &[
    // The block's own text.
    "chars",
    "cjk_share",
    "words",
    "commas",
    "sentence_ends",
    "ends_with_stop",
    "digit_share",
    "upper_share",
    "link_share",
    "starts_with_link",
    // Its tag.
    "tag_p",
    "tag_li",
    "heading_level",
    "tag_div",
    "tag_cell",
    "tag_caption",
    "tag_quote",
    "tag_pre",
    "tag_def",
    // What it sits in (any ancestor).
    "in_link",
    "in_nav",
    "in_aside",
    "in_footer",
    "in_header",
    "in_form",
    "in_figure",
    "in_list",
    "in_table",
    "in_article_tag",
    "in_main",
    "in_dialog_role",
    "hint_positive",
    "hint_negative",
    "hint_unlikely",
    "hint_maybe",
    "hint_credit",
    "hint_image",
    "hint_caption",
    "hint_poster",
    "hint_article",
    "hint_header",
    "depth",
    // Where it is relative to the article the detector found.
    "is_article",
    "in_story",
    "in_story_blocks",
    "in_furniture",
    "before_title",
    "before_root",
    "after_root",
    "pos_in_root",
    "pos_in_page",
    "rule_hidden",
    "rule_caption",
    // Its neighbourhood.
    "repeats",
    "parent_chars",
    "parent_link_share",
    "share_of_parent",
    "siblings",
    "prev_chars",
    "prev_link_share",
    "next_chars",
    "next_link_share",
];

pub const N_FEATURES: usize = FEATURE_NAMES.len();

/// FNV-1a (32 bits) of the feature names joined by newlines, computed at compile time:
/// a model file records the hash of the list it was trained on.
pub(crate) const NAMES_HASH: u32 = crate::analysis::trees::names_hash(FEATURE_NAMES);

/// Index of a feature by name (for the classifier's guards).
const fn index_of(name: &str) -> usize {
    let mut i = 0;
    while i < FEATURE_NAMES.len() {
        let (a, b) = (FEATURE_NAMES[i].as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut k = 0;
            while k < a.len() && a[k] == b[k] {
                k += 1;
            }
            if k == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("no such feature")
}

pub(crate) const F_IN_STORY: usize = index_of("in_story");

/// Ancestor flags, one bit each, inherited down the tree in one forward pass.
const A_LINK: u32 = 1 << 0;
const A_NAV: u32 = 1 << 1;
const A_ASIDE: u32 = 1 << 2;
const A_FOOTER: u32 = 1 << 3;
const A_HEADER: u32 = 1 << 4;
const A_FORM: u32 = 1 << 5;
const A_FIGURE: u32 = 1 << 6;
const A_LIST: u32 = 1 << 7;
const A_TABLE: u32 = 1 << 8;
const A_ARTICLE: u32 = 1 << 9;
const A_MAIN: u32 = 1 << 10;
const A_DIALOG: u32 = 1 << 11;

#[inline(never)]
fn own_flags(page: &Page, id: NodeId) -> u32 {
    let tag_bits = match page.tag(id) {
        "a" => A_LINK,
        "nav" | "menu" => A_NAV,
        "aside" => A_ASIDE,
        "footer" => A_FOOTER,
        "header" => A_HEADER,
        "form" | "fieldset" | "button" | "select" | "label" => A_FORM,
        "figure" | "picture" => A_FIGURE,
        "ul" | "ol" | "dl" => A_LIST,
        "table" => A_TABLE,
        "article" => A_ARTICLE,
        "main" => A_MAIN,
        "dialog" => A_DIALOG,
        _ => 0,
    };
    let role_bits = match page.attr(id, "role") {
        Some("navigation" | "menu" | "menubar") => A_NAV,
        Some("complementary") => A_ASIDE,
        Some("contentinfo") => A_FOOTER,
        Some("banner") => A_HEADER,
        Some("dialog" | "alertdialog") => A_DIALOG,
        Some("main") => A_MAIN,
        Some("article") => A_ARTICLE,
        _ => 0,
    };
    tag_bits | role_bits
}

/// The blocks of a page, in document order.
pub(crate) fn blocks(page: &Page, stats: &Stats) -> Vec<NodeId> {
    (0..page.len() as NodeId)
        .filter(|&id| {
            let i = id as usize;
            // A block element is its own nearest block.
            stats.block_of[i] == id
                && page.is_element(id)
                && !stats.invisible[i]
                && stats.total[i].chars > 0
                && stats.inline[i].chars == stats.total[i].chars
        })
        .collect()
}

/// Shape of a block's text, read in one pass over its characters.
#[derive(Default)]
struct Shape {
    words: u32,
    sentence_ends: u32,
    ends_with_stop: bool,
    digits: u32,
    letters: u32,
    upper: u32,
    /// FNV-1a of the text without whitespace, lowercased (for repeats).
    hash: u64,
}

#[inline(never)]
fn shape_of(page: &Page, stats: &Stats, id: NodeId) -> Shape {
    let mut s = Shape {
        hash: 0xcbf2_9ce4_8422_2325,
        ..Shape::default()
    };
    let mut in_word = false;
    let mut last = ' ';
    for i in page.subtree(id) {
        let Some(t) = page.text(i) else { continue };
        if stats.invisible[i as usize] {
            continue;
        }
        for c in t.chars() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            // A CJK character is a word of its own.
            if !in_word || is_cjk(c) {
                s.words += 1;
            }
            in_word = true;
            if matches!(c, '.' | '!' | '?' | '。' | '！' | '？') {
                s.sentence_ends += 1;
            }
            // ASCII only: the Unicode letter and case tables would cost the wasm build
            // several kilobytes for a feature that reads Latin-script pages anyway.
            if c.is_ascii_digit() {
                s.digits += 1;
            } else if c.is_ascii_alphabetic() {
                s.letters += 1;
                if c.is_ascii_uppercase() {
                    s.upper += 1;
                }
            }
            let folded = if c.is_ascii() {
                u32::from(c.to_ascii_lowercase())
            } else {
                u32::from(c)
            };
            s.hash = (s.hash ^ u64::from(folded)).wrapping_mul(0x0100_0000_01b3);
            last = c;
        }
    }
    s.ends_with_stop = matches!(
        last,
        '.' | '!' | '?' | '。' | '！' | '？' | '"' | '”' | '」' | ')' | '）' | ':' | '：'
    );
    s
}

/// The first text of `id`'s subtree sits inside a link.
#[inline(never)]
fn starts_with_link(page: &Page, stats: &Stats, id: NodeId) -> bool {
    for i in page.subtree(id) {
        if let Some(t) = page.text(i) {
            if !stats.invisible[i as usize] && !t.trim().is_empty() {
                return page
                    .ancestors(i)
                    .take_while(|&a| a != id)
                    .any(|a| page.tag(a) == "a");
            }
        }
    }
    false
}

const R_STORY: u8 = 1 << 0;
const R_STORY_BLOCKS: u8 = 1 << 1;
const R_FURNITURE: u8 = 1 << 2;
const R_HIDDEN: u8 = 1 << 3;
const R_CAPTION: u8 = 1 << 4;

/// For every node, the regions of `cx` it lies in (`R_…` bits), in one forward pass.
#[inline(never)]
fn regions(page: &Page, cx: &Context) -> Vec<u8> {
    let mut mark = vec![0u8; page.len()];
    let mut set = |id: NodeId, bit: u8| {
        if let Some(m) = mark.get_mut(id as usize) {
            *m |= bit;
        }
    };
    cx.story.iter().for_each(|&id| set(id, R_STORY));
    cx.story_blocks
        .iter()
        .for_each(|&id| set(id, R_STORY_BLOCKS));
    cx.furniture.iter().for_each(|&id| set(id, R_FURNITURE));
    for h in cx.hidden {
        set(h.node, R_HIDDEN);
        if h.kind == crate::plan::Kind::CaptionRepeat {
            set(h.node, R_CAPTION);
        }
    }
    for i in 0..page.len() {
        let p = page.node(i as NodeId).parent;
        if p != NO_NODE {
            mark[i] |= mark[p as usize];
        }
    }
    mark
}

/// One row of features per block of `blocks`.
pub(crate) fn rows(
    page: &Page,
    stats: &Stats,
    cx: &Context,
    blocks: &[NodeId],
) -> Vec<[f32; N_FEATURES]> {
    let n = page.len();
    // Ancestor flags and class/id hint bits, inherited; depth.
    let mut flags = vec![0u32; n];
    let mut hints = vec![0u32; n];
    let mut depth = vec![0u16; n];
    for i in 0..n {
        let id = i as NodeId;
        let p = page.node(id).parent;
        let (pf, ph, pd) = if p == NO_NODE {
            (0, 0, 0)
        } else {
            (flags[p as usize], hints[p as usize], depth[p as usize] + 1)
        };
        let own = if page.is_element(id) {
            own_flags(page, id)
        } else {
            0
        };
        flags[i] = pf | own;
        hints[i] = ph | stats.hints[i];
        depth[i] = pd;
    }
    let within = regions(page, cx);

    let shapes: Vec<Shape> = blocks.iter().map(|&b| shape_of(page, stats, b)).collect();
    // How many blocks have the same text (repeated captions, menus, teasers).
    let mut hashes: Vec<u64> = shapes.iter().map(|s| s.hash).collect();
    crate::sort::by_key(&mut hashes, |&h| h);
    let repeats = |h: u64| -> u32 {
        let lo = hashes.partition_point(|&x| x < h);
        let hi = hashes.partition_point(|&x| x <= h);
        (hi - lo) as u32 - 1
    };

    let (root_start, root_end) = match cx.root {
        Some(r) => (r, page.end(r)),
        None => (NO_NODE, NO_NODE),
    };
    let mut out = Vec::with_capacity(blocks.len());
    for (k, &b) in blocks.iter().enumerate() {
        let i = b as usize;
        let text = &stats.total[i];
        let sh = &shapes[k];
        let parent = match page.node(b).parent {
            NO_NODE => b,
            p => match stats.block_of[p as usize] {
                NO_NODE => b,
                block => block,
            },
        };
        let pt = &stats.total[parent as usize];
        let siblings = page
            .children(parent)
            .filter(|&c| page.is_element(c))
            .count() as u32;
        let neighbour = |j: Option<usize>| -> (f32, f32) {
            match j.and_then(|j| blocks.get(j)) {
                Some(&nb) => (
                    stats.total[nb as usize].chars as f32,
                    stats.link_density(nb),
                ),
                None => (0.0, 0.0),
            }
        };
        let (prev_chars, prev_links) = neighbour(k.checked_sub(1));
        let (next_chars, next_links) = neighbour(Some(k + 1));
        let tag = page.tag(b);
        let heading = match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] => f32::from(d - b'0'),
            _ => 0.0,
        };
        let f = flags[i];
        let h = hints[i];
        let has = |bit: u32| flag(f & bit != 0);
        let hint = |bit: u32| flag(h & bit != 0);
        let pos_in_root = if root_start == NO_NODE || b < root_start || b >= root_end {
            -1.0
        } else {
            share(b - root_start, root_end - root_start)
        };
        let row = [
            text.chars as f32,
            share(text.cjk, text.chars),
            sh.words as f32,
            text.commas as f32,
            sh.sentence_ends as f32,
            flag(sh.ends_with_stop),
            share(sh.digits, text.chars),
            share(sh.upper, sh.letters),
            stats.link_density(b),
            flag(starts_with_link(page, stats, b)),
            flag(tag == "p"),
            flag(tag == "li"),
            heading,
            flag(tag == "div" || tag == "section" || tag == "article"),
            flag(matches!(tag, "td" | "th")),
            flag(matches!(tag, "figcaption" | "caption")),
            flag(tag == "blockquote"),
            flag(tag == "pre"),
            flag(matches!(tag, "dd" | "dt")),
            has(A_LINK),
            has(A_NAV),
            has(A_ASIDE),
            has(A_FOOTER),
            has(A_HEADER),
            has(A_FORM),
            has(A_FIGURE),
            has(A_LIST),
            has(A_TABLE),
            has(A_ARTICLE),
            has(A_MAIN),
            has(A_DIALOG),
            hint(H_POSITIVE),
            hint(H_NEGATIVE),
            hint(H_UNLIKELY),
            hint(H_MAYBE),
            hint(H_CREDIT),
            hint(H_IMAGE),
            hint(H_CAPTION),
            hint(H_POSTER),
            hint(H_ARTICLE),
            hint(H_HEADER),
            f32::from(depth[i]),
            flag(cx.root.is_some()),
            flag(within[i] & R_STORY != 0),
            flag(within[i] & R_STORY_BLOCKS != 0),
            flag(within[i] & R_FURNITURE != 0),
            flag(cx.title.is_some_and(|t| b < t)),
            flag(root_start != NO_NODE && b < root_start),
            flag(root_end != NO_NODE && b >= root_end),
            pos_in_root,
            share(b, n as u32),
            flag(within[i] & R_HIDDEN != 0),
            flag(within[i] & R_CAPTION != 0),
            repeats(sh.hash) as f32,
            pt.chars as f32,
            stats.link_density(parent),
            share(text.chars, pt.chars),
            siblings as f32,
            prev_chars,
            prev_links,
            next_chars,
            next_links,
        ];
        out.push(row);
    }
    out
}
