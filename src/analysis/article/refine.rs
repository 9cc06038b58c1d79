//! Refinement: the chosen blocks without the furniture inside them (controls, link lists,
//! furniture-marked boxes, photo credits), without the headline, and without label lines
//! that only announce such furniture ("Lesen Sie auch:" over related links).

use super::score::{class_weight, Scores};
use super::shape::{is_control_tag, unlikely_here, Shape};
use super::tunables::{paragraph::MIN_PARAGRAPH_WEIGHT, refine::*};
use crate::analysis::hints::{word_bounded, H_CAPTION, H_CREDIT, H_IMAGE};
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page, NO_NODE};
use crate::text::fold;

/// Words only a photo credit opens with (not source lines: "Quelle: dpa" is attribution).
const PHOTO_CREDIT_WORDS: &[&str] = &[
    "foto:", "fotos:", "foto :", "photo:", "photos:", "photo :", "photos :", "bild:", "bilder:", "kuva:", "zdjęcie:", "zdjęcia:",
    "crédito:", "crédits photos", "crédit photo", "photo credit", "fotografía:", "fotografia:", "foto di", "bildquelle:",
];
/// Words a photo credit opens with (folded), followed by a colon or the agency name.
const CREDIT_WORDS: &[&str] = &["©", "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "image:", "crédito:", "credit:", "credits:", "kuva:", "zdjęcie:", "fot.", "quelle:", "source:", "(c)", "crédits photos", "photo credit"];

/// The story's blocks: each block whole when nothing inside it is furniture, else split
/// into its children (iteratively), dropping furniture and the headline. A block that
/// cannot be split (it holds text of its own) stays whole; the outermost furniture inside
/// it is returned beside the blocks (as `(blocks, furniture)`).
pub(super) fn refine(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, blocks: &[NodeId], title_node: Option<NodeId>) -> (Vec<NodeId>, Vec<NodeId>) {
    let lo = blocks[0] as usize;
    let hi = blocks.iter().map(|&b| page.end(b) as usize).max().unwrap_or(lo);
    // Junk flags for the range, and "some junk below" (backward pass).
    let mut junk = vec![false; hi - lo];
    let mut junk_below = vec![false; hi - lo];
    for i in lo..hi {
        let id = i as NodeId;
        if page.is_element(id) && !stats.invisible[i] {
            junk[i - lo] = is_junk(page, stats, sc, shape, id) || title_node == Some(id);
        }
    }
    mark_dangling_labels(page, stats, blocks, lo, &mut junk);
    for i in (lo + 1..hi).rev() {
        let p = page.node(i as NodeId).parent;
        if p != NO_NODE && (p as usize) >= lo && (junk[i - lo] || junk_below[i - lo]) {
            junk_below[p as usize - lo] = true;
        }
    }
    let (out, furniture) = split(page, blocks, lo, &junk, &junk_below, title_node);
    if out.is_empty() {
        return (blocks.to_vec(), Vec::new());
    }
    (out, furniture)
}

/// Splits the blocks around their junk (`junk` and `junk_below` indexed from `lo`).
fn split(page: &Page, blocks: &[NodeId], lo: usize, junk: &[bool], junk_below: &[bool], title_node: Option<NodeId>) -> (Vec<NodeId>, Vec<NodeId>) {
    let mut out = Vec::new();
    let mut furniture = Vec::new();
    let mut stack: Vec<NodeId> = blocks.iter().rev().copied().collect();
    while let Some(b) = stack.pop() {
        let bu = b as usize - lo;
        if junk[bu] {
            continue;
        }
        // Split only a block whose children are all elements (bare text would lose its line).
        let splittable = junk_below[bu] && page.children(b).all(|c| page.is_element(c));
        if splittable {
            let kids: Vec<NodeId> = page.children(b).collect();
            stack.extend(kids.into_iter().rev());
            continue;
        }
        out.push(b);
        if junk_below[bu] {
            let mut i = b + 1;
            while i < page.end(b) {
                if junk[i as usize - lo] && Some(i) != title_node {
                    furniture.push(i);
                    i = page.end(i);
                } else {
                    i += 1;
                }
            }
        }
    }
    (out, furniture)
}

/// Furniture inside the article container: cut from the article's blocks.
fn is_junk(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, id: NodeId) -> bool {
    let iu = id as usize;
    let tag = page.tag(id);
    if is_control_tag(tag) {
        return true;
    }
    let paras = sc.para_weight[iu];
    if unlikely_here(page, stats, id) {
        return true;
    }
    if CREDITS_ARE_JUNK && stats.total[iu].chars <= CREDIT_MAX_CHARS && is_credit(page, stats, id, tag) {
        return true;
    }
    if matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        return class_weight(page, stats, id) < 0.0;
    }
    if FIGURES_ARE_JUNK && matches!(tag, "figure" | "figcaption") && paras < JUNK_MAX_PARAGRAPH_WEIGHT {
        return true;
    }
    if tag == "p" {
        let inline = &stats.inline[iu];
        return inline.weight() < JUNK_MAX_LINKED_LINE && stats.inline_link_chars[iu] as f32 > JUNK_LINK_DENSITY * inline.chars as f32;
    }
    if !matches!(tag, "div" | "section" | "ul" | "ol" | "dl" | "table" | "form" | "header" | "figure") {
        return false;
    }
    let t = &stats.total[iu];
    if t.commas >= JUNK_MAX_COMMAS {
        return false;
    }
    let ld = stats.link_density(id);
    let weight = t.weight();
    let cw = class_weight(page, stats, id);
    if cw < 0.0 && paras < JUNK_MAX_PARAGRAPH_WEIGHT && (ld > JUNK_SHORT_LINK_DENSITY || paras == 0) {
        return true;
    }
    if weight >= MIN_PARAGRAPH_WEIGHT && ld > JUNK_LINK_DENSITY && !matches!(tag, "ol" | "table") {
        return true;
    }
    weight < MIN_PARAGRAPH_WEIGHT && weight > 0 && ld > JUNK_SHORT_LINK_DENSITY && shape.imgs[iu] == 0
}

/// A photo credit: an element marked as one, or a caption (or a line inside a figure /
/// caption) that opens with a credit word.
fn is_credit(page: &Page, stats: &Stats, id: NodeId, tag: &str) -> bool {
    let own = stats.hints[id as usize];
    let credit_marked = own & H_CREDIT != 0;
    let in_caption = |n: NodeId| matches!(page.tag(n), "figcaption" | "figure") || stats.hints[n as usize] & H_CAPTION != 0;
    let captionish = tag == "figcaption" || in_caption(id) || page.ancestors(id).take(3).any(in_caption);
    if credit_marked && (captionish || own & H_IMAGE != 0) {
        return true;
    }
    if captionish {
        let text = fold(page.raw_text(id).trim_start());
        return CREDIT_WORDS.iter().any(|w| text.starts_with(w));
    }
    // A line of its own naming the photographer ("Crédits photos : Bestimage", "Fotos: Anna
    // Berg") after the story, outside any caption.
    // (Only a block holding its text itself: reading the text of every wrapper would cost
    // the depth of the nesting each time.)
    matches!(tag, "p" | "div")
        && stats.block_of[id as usize] == id
        && stats.inline[id as usize].chars == stats.total[id as usize].chars
        && stats.total[id as usize].chars <= PHOTO_CREDIT_LINE_MAX_CHARS
        && {
            let text = fold(page.raw_text(id).trim_start());
            PHOTO_CREDIT_WORDS.iter().any(|w| text.starts_with(w))
        }
}

/// What a short line announces.
#[derive(Clone, Copy)]
enum Label {
    /// A line ending with a colon: it goes with a link list right after it.
    Colon,
    /// A recommendations label by the lexicon: it goes with any furniture right after it.
    Recommendations,
    /// A heading: it goes only when its block holds no text after it.
    Heading,
}

/// A short label line that introduces nothing but furniture: a line ending with a colon
/// whose next text in its story block sits in a link list cut as junk ("Weitere
/// Informationen:", "Lesen Sie auch:" over related links), or a heading or label after which
/// the block holds no text at all ("Mehr Themen:" closing the story). It goes with that
/// furniture. (A heading over a link list stays: release notes and document round-ups are
/// written so — unless the lexicon names it a recommendations label, "Mehr zum Thema",
/// "Schon gelesen?", "Related stories": then whatever furniture follows it is what it
/// announces.)
fn mark_dangling_labels(page: &Page, stats: &Stats, blocks: &[NodeId], lo: usize, junk: &mut [bool]) {
    for &b in blocks {
        for l in b + 1..page.end(b) {
            let lu = l as usize;
            if !page.is_element(l) || junk[lu - lo] || stats.invisible[lu] || stats.block_of[lu] != l {
                continue;
            }
            let Some(label) = label_of(page, stats, l) else { continue };
            // Inside a junk block already: nothing to do.
            if page.ancestors(l).take_while(|&a| a > b).any(|a| junk[a as usize - lo]) {
                continue;
            }
            if dangles(page, stats, page.end(l), page.end(b), label, lo, junk) {
                junk[lu - lo] = true;
            }
        }
    }
}

/// The kind of label the block `l` is, if it is a short line without links.
fn label_of(page: &Page, stats: &Stats, l: NodeId) -> Option<Label> {
    let lu = l as usize;
    let chars = stats.total[lu].chars;
    if !(2..=DANGLING_LABEL_MAX_CHARS).contains(&chars) || stats.link_chars[lu] > 0 {
        return None;
    }
    let heading = matches!(page.tag(l), "h2" | "h3" | "h4" | "h5" | "h6");
    let line = heading || stats.total[lu].chars == stats.inline[lu].chars;
    // (A colon label keeps its own rule: it announces what follows, which must be a link
    // list.)
    if line && is_colon_label(&page.raw_text(l)) {
        Some(Label::Colon)
    } else if line && is_recommendations_label(&stats.visible_text(page, l)) {
        Some(Label::Recommendations)
    } else if heading {
        Some(Label::Heading)
    } else {
        None
    }
}

/// Whether the text from `from` to `end` (the rest of the label's block) opens with
/// furniture the label announces, or holds no text at all.
fn dangles(page: &Page, stats: &Stats, from: NodeId, end: NodeId, label: Label, lo: usize, junk: &[bool]) -> bool {
    let mut i = from;
    loop {
        if i >= end {
            return true;
        }
        let iu = i as usize;
        if stats.invisible[iu] || stats.total[iu].chars == 0 {
            i = if page.is_element(i) { page.end(i) } else { i + 1 };
            continue;
        }
        if page.is_element(i) && junk[iu - lo] {
            return match label {
                Label::Recommendations => true,
                Label::Colon => {
                    stats.link_density(i) > JUNK_LINK_DENSITY
                        && page.subtree(i).filter(|&a| page.tag(a) == "a").take(DANGLING_LABEL_MIN_LINKS).count() >= DANGLING_LABEL_MIN_LINKS
                }
                Label::Heading => false,
            };
        }
        if !page.is_element(i) {
            return false;
        }
        i += 1;
    }
}

/// A recommendations label by the clutter lexicon ("Mehr zum Thema", "Schon gelesen?",
/// "Related stories"): its `heading:recommendations` phrases cover at least
/// DANGLING_LABEL_MIN_COVERAGE of its letters.
fn is_recommendations_label(text: &str) -> bool {
    let text = fold(text);
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 {
        return false;
    }
    let covered: usize = crate::lexicon::clutter()
        .find_in(&text)
        .filter(|(e, s, t)| e.usage == crate::lexicon::PhraseUse::Heading && e.kind == "recommendations" && word_bounded(&text, *s, *t))
        .map(|(_, s, t)| text[s..t].chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    covered as f32 >= DANGLING_LABEL_MIN_COVERAGE * letters as f32
}

/// A label ending with a colon: a few words, no clause ("Weitere Informationen:", not "To
/// see it in action, watch the video below:").
fn is_colon_label(text: &str) -> bool {
    let t = text.trim();
    t.ends_with([':', '：'])
        && t.split_whitespace().count() <= DANGLING_LABEL_MAX_WORDS
        && !t.contains([',', '，', '、', '.', '。'])
}
