//! Scoring: every paragraph's score flows up to its ancestors (SCORE_LEVELS of them,
//! decaying), a container starts from its tag and class/id/role/itemprop hints, and a
//! container's final score is damped by its link density.
//!
//! The seam for a learned scorer: the stage reads each paragraph into [`BlockFeatures`]
//! and each container into [`ContainerFeatures`] and asks a [`BlockScorer`] for the
//! numbers; [`RuleScorer`] is the hand-written rule. Another scorer plugs in where the
//! passes call [`score_paragraphs`], and nothing around this stage changes.

use super::shape::Shape;
use super::tunables::{paragraph::*, score::*, verdict::READERABLE_MIN_PARAGRAPH};
use crate::analysis::hints::{H_NEGATIVE, H_POSITIVE};
use crate::analysis::stats::{bottom_up, Stats};
use crate::page::{NodeId, Page};
use crate::text::{squash, TextCounts};

/// A paragraph's squashed text is part of the squashed JSON-LD `articleBody`.
fn in_ld_body(body: &str, own: &str) -> bool {
    // memmem's prefilter skips through the (long) body far faster than `str::contains`,
    // which also builds a new searcher per paragraph.
    own.chars().count() >= 10 && memchr::memmem::find(body.as_bytes(), own.as_bytes()).is_some()
}

/// What a paragraph's score reads: its own text (without nested blocks). Only paragraphs
/// are scored: visible blocks of at least MIN_PARAGRAPH_WEIGHT with at most
/// MAX_PARAGRAPH_LINK_SHARE of their text in links, outside unlikely subtrees.
#[derive(Clone, Copy, Debug)]
pub(crate) struct BlockFeatures {
    /// Its text: characters, CJK characters, commas (CJK ，、。 count as commas).
    pub text: TextCounts,
    /// `<br>`s in its flow (runs of them split it into several paragraphs).
    pub brs: u32,
    /// Its text is part of the page's JSON-LD `articleBody`.
    pub in_ld_body: bool,
}

/// What a container's starting score reads.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ContainerFeatures {
    /// [`tag_bonus`] of its tag.
    pub tag_bonus: f32,
    /// [`class_weight`] of its hints (0 in the pass that ignores hints).
    pub class_weight: f32,
}

/// Features in, score out: a paragraph's score (passed up to its ancestors) and a
/// container's starting score.
pub(crate) trait BlockScorer {
    fn block(&self, f: &BlockFeatures) -> f32;
    fn container(&self, f: &ContainerFeatures) -> f32;
}

/// The hand-written score.
pub(crate) struct RuleScorer;

impl BlockScorer for RuleScorer {
    #[inline]
    fn block(&self, f: &BlockFeatures) -> f32 {
        let mut s = paragraph_score(&f.text, f.brs);
        if f.in_ld_body {
            s *= LD_BODY_BOOST;
        }
        s
    }

    #[inline]
    fn container(&self, f: &ContainerFeatures) -> f32 {
        f.tag_bonus + f.class_weight
    }
}

/// These pass their score to their parent (they are parts of a body, not bodies).
fn is_paragraph_tag(tag: &str) -> bool {
    matches!(tag, "p" | "pre" | "blockquote" | "li" | "dd" | "dt" | "h2" | "h3" | "h4" | "h5" | "h6" | "figcaption" | "td")
}

fn tag_bonus(tag: &str) -> f32 {
    match tag {
        "article" => TAG_BONUS_ARTICLE,
        "div" | "main" | "section" => TAG_BONUS_SECTION,
        "pre" | "td" | "blockquote" => TAG_BONUS_PROSE_BOX,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => TAG_BONUS_LIST,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => TAG_BONUS_HEADING,
        _ => 0.0,
    }
}

/// Positive or negative hint from class, id, role and itemprop.
pub(super) fn class_weight(page: &Page, stats: &Stats, id: NodeId) -> f32 {
    let mut w = 0.0;
    if page.attr(id, "itemprop").is_some_and(|v| v.contains("articleBody")) {
        w += CLASS_WEIGHT * ITEMPROP_BODY_CLASS_WEIGHTS;
    }
    if page.attr(id, "role").is_some_and(|v| v == "main" || v == "article") {
        w += CLASS_WEIGHT;
    }
    let h = stats.hints[id as usize];
    if h & H_POSITIVE != 0 {
        w += CLASS_WEIGHT;
    }
    if h & H_NEGATIVE != 0 {
        w -= CLASS_WEIGHT;
    }
    w
}

pub(super) fn paragraph_score(c: &TextCounts, brs: u32) -> f32 {
    let parts = 1 + brs / BRS_PER_PARAGRAPH;
    parts as f32 + c.commas as f32 + (c.weight() as f32 / WEIGHT_PER_POINT).min(MAX_LENGTH_POINTS_PER_PART * parts as f32)
}

/// Scores of every container, from the paragraphs below it.
pub(super) struct Scores {
    pub(super) score: Vec<f32>,
    pub(super) touched: Vec<bool>,
    pub(super) candidates: Vec<NodeId>,
    /// Paragraph weight in each subtree (the text the scores came from).
    pub(super) para_weight: Vec<u32>,
    /// Paragraphs in each subtree.
    pub(super) para_count: Vec<u32>,
    /// Sum of sqrt(len - READERABLE_MIN_PARAGRAPH) over the page's long paragraphs.
    pub(super) readerable: f32,
}

impl Scores {
    /// A container's score damped by its link density.
    #[inline]
    pub(super) fn final_score(&self, stats: &Stats, c: NodeId) -> f32 {
        self.score[c as usize] * (1.0 - stats.link_density(c))
    }

    /// Every candidate with its final score, best first (ties: document order).
    pub(super) fn ranked(&self, stats: &Stats) -> Vec<(NodeId, f32)> {
        let mut ranked: Vec<(NodeId, f32)> = self.candidates.iter().map(|&c| (c, self.final_score(stats, c))).collect();
        crate::sort::by_key(&mut ranked, |&(c, s)| (crate::sort::f32_descending(s) as u64) << 32 | c as u64);
        ranked
    }
}

/// Scores every paragraph with `scorer` and passes the scores up; `use_hints` off ignores
/// class/id hints in the containers' starting scores.
pub(super) fn score_paragraphs<S: BlockScorer>(page: &Page, stats: &Stats, shape: &Shape, ld_body: Option<&str>, use_hints: bool, scorer: &S) -> Scores {
    let n = page.len();
    let mut sc = Scores { score: vec![0.0; n], touched: vec![false; n], candidates: Vec::new(), para_weight: vec![0; n], para_count: vec![0; n], readerable: 0.0 };
    for i in 0..n as NodeId {
        let iu = i as usize;
        if !page.is_element(i) || stats.invisible[iu] || stats.block_of[iu] != i {
            continue;
        }
        let inline = &stats.inline[iu];
        let weight = inline.weight();
        if weight < MIN_PARAGRAPH_WEIGHT {
            continue;
        }
        if stats.inline_link_chars[iu] as f32 > MAX_PARAGRAPH_LINK_SHARE * inline.chars as f32 {
            continue;
        }
        sc.para_weight[iu] += weight;
        sc.para_count[iu] += 1;
        if shape.unlikely[iu] {
            continue;
        }
        if weight >= READERABLE_MIN_PARAGRAPH && class_weight(page, stats, i) >= 0.0 {
            sc.readerable += ((weight - READERABLE_MIN_PARAGRAPH) as f32).sqrt();
        }
        let features = BlockFeatures {
            text: *inline,
            brs: shape.brs[iu],
            in_ld_body: ld_body.is_some_and(|body| in_ld_body(body, &squash(&stats.inline_text(page, i)))),
        };
        let s = scorer.block(&features);
        let passes_up = is_paragraph_tag(page.tag(i)) || (!shape.has_block_child[iu] && shape.brs[iu] < BRS_PER_PARAGRAPH);
        let first = if passes_up { page.parent(i) } else { Some(i) };
        pass_up(page, stats, &mut sc, first, s, use_hints, scorer);
    }
    bottom_up(page, |i, p| {
        sc.para_weight[p] += sc.para_weight[i];
        sc.para_count[p] += sc.para_count[i];
    });
    sc
}

/// Adds a paragraph's score `s` to `first` and its ancestors, less at each level; a
/// container met for the first time starts from the scorer's container score.
#[inline]
fn pass_up<S: BlockScorer>(page: &Page, stats: &Stats, sc: &mut Scores, first: Option<NodeId>, s: f32, use_hints: bool, scorer: &S) {
    let mut level = 0usize;
    let mut cur = first;
    while let Some(c) = cur {
        if level >= SCORE_LEVELS || page.tag(c) == "html" {
            break;
        }
        let cu = c as usize;
        if !sc.touched[cu] {
            sc.touched[cu] = true;
            let features = ContainerFeatures {
                tag_bonus: tag_bonus(page.tag(c)),
                class_weight: if use_hints { class_weight(page, stats, c) } else { 0.0 },
            };
            sc.score[cu] = scorer.container(&features);
            sc.candidates.push(c);
        }
        sc.score[cu] += match level {
            0 => s,
            1 => s / SECOND_LEVEL_DIVISOR,
            l => s / (l as f32 * DEEP_LEVEL_DIVISOR),
        };
        level += 1;
        cur = page.parent(c);
    }
}
