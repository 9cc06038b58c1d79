//! Choice: the best-scoring container, widened to an ancestor shared by strong rivals (a
//! body split in parts) or to a parent that scores better, then the sibling blocks that
//! belong to the story (scoring siblings, loose prose lines, alike sections).

use super::score::Scores;
use super::shape::Shape;
use super::tunables::{choose::*, paragraph::MIN_PARAGRAPH_WEIGHT};
use crate::analysis::stats::Stats;
use crate::page::{NodeId, Page};

/// First classes of layout boxes (grid rows, cards): sections alike by these are alike
/// by layout, not by content.
const LAYOUT_CLASSES: &[&str] = &[
    "row", "col", "column", "columns", "container", "wrapper", "wrap", "grid", "clearfix", "section", "block", "box",
    "panel", "card", "item", "module", "widget", "inner", "flex", "d-flex", "cell", "span", "layout", "region", "pane", "left", "right", "clear", "float",
];

/// The article container and the sibling blocks that join it (in document order), or
/// None without candidates.
pub(super) fn choose(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape) -> Option<(NodeId, Vec<NodeId>)> {
    let ranked = sc.ranked(stats);
    let &(top, top_score) = ranked.first()?;
    let root = widen_to_rivals(page, &ranked, top, top_score);
    let root = climb(page, stats, sc, root);
    let root = above_lone_child(page, root);
    let root_score = if sc.touched[root as usize] { sc.final_score(stats, root) } else { top_score };
    let mut blocks = vec![root];
    merge_siblings(page, stats, sc, shape, root, root_score, &mut blocks);
    merge_sections(page, stats, sc, shape, root, &mut blocks);
    blocks.sort_unstable();
    Some((root, blocks))
}

/// The ancestor of `top` shared by enough strong rivals (split bodies), else `top`.
fn widen_to_rivals(page: &Page, ranked: &[(NodeId, f32)], top: NodeId, top_score: f32) -> NodeId {
    let strong: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(STRONG_CANDIDATES_SEEN)
        .filter(|(c, s)| *s >= STRONG_CANDIDATE_SHARE * top_score && !page.contains(top, *c) && !page.contains(*c, top))
        .map(|(c, _)| *c)
        .collect();
    if strong.len() >= MIN_STRONG_CANDIDATES - 1 {
        for a in page.ancestors(top) {
            if matches!(page.tag(a), "body" | "html") {
                break;
            }
            if strong.iter().filter(|&&c| page.contains(a, c)).count() >= MIN_STRONG_CANDIDATES - 1 {
                return a;
            }
        }
    }
    top
}

/// Climbs to an ancestor that scores better than the root itself (comparing with the
/// root, not with the last ancestor seen: a wrapper that also holds comments and sign-up
/// boxes can edge out the column between it and the body).
fn climb(page: &Page, stats: &Stats, sc: &Scores, root: NodeId) -> NodeId {
    let last = sc.final_score(stats, root);
    let threshold = last * PARENT_CLIMB_SHARE;
    let mut cur = page.parent(root);
    while let Some(p) = cur {
        if matches!(page.tag(p), "body" | "html") {
            break;
        }
        if !sc.touched[p as usize] {
            cur = page.parent(p);
            continue;
        }
        let ps = sc.final_score(stats, p);
        if ps < threshold {
            break;
        }
        if ps > last {
            return p;
        }
        cur = page.parent(p);
    }
    root
}

/// A lone child says nothing its parent doesn't: the outermost wrapper of `root` with no
/// other element child.
fn above_lone_child(page: &Page, mut root: NodeId) -> NodeId {
    while let Some(p) = page.parent(root) {
        if matches!(page.tag(p), "body" | "html") || page.children(p).filter(|&c| page.is_element(c)).count() != 1 {
            break;
        }
        root = p;
    }
    root
}

/// Siblings of the root that belong to the story: scoring well (a sibling with the root's
/// class gets a bonus), or a `<p>` of prose.
fn merge_siblings(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, root: NodeId, root_score: f32, blocks: &mut Vec<NodeId>) {
    let Some(parent) = page.parent(root) else { return };
    let threshold = (root_score * SIBLING_SCORE_SHARE).max(SIBLING_MIN_SCORE);
    let root_class = page.attr(root, "class").unwrap_or("");
    for sib in page.children(parent) {
        let su = sib as usize;
        if sib == root || !page.is_element(sib) || stats.invisible[su] || shape.unlikely[su] {
            continue;
        }
        let ld = stats.link_density(sib);
        let w = stats.weight(sib);
        let bonus = if !root_class.is_empty() && page.attr(sib, "class") == Some(root_class) { root_score * SIBLING_SCORE_SHARE } else { 0.0 };
        let text_ok = page.tag(sib) == "p"
            && ((w >= SIBLING_P_MIN_WEIGHT && ld < SIBLING_P_MAX_LINK_DENSITY) || (w > 0 && ld == 0.0 && ends_sentence(&page.raw_text(sib))));
        if (sc.touched[su] && sc.final_score(stats, sib) + bonus >= threshold) || text_ok {
            blocks.push(sib);
        }
    }
}

/// A body cut into alike sections (same tag and class) around the root's wrappers.
fn merge_sections(page: &Page, stats: &Stats, sc: &Scores, shape: &Shape, root: NodeId, blocks: &mut Vec<NodeId>) {
    let mut wrapper = root;
    for _ in 0..SECTION_LEVELS {
        let Some(parent) = page.parent(wrapper) else { break };
        let class = page.attr(wrapper, "class").unwrap_or("");
        if matches!(page.tag(wrapper), "body" | "html") {
            break;
        }
        if !class.is_empty() {
            for sib in page.children(parent) {
                let su = sib as usize;
                if sib != wrapper
                    && page.is_element(sib)
                    && !stats.invisible[su]
                    && !shape.unlikely[su]
                    && page.tag(sib) == page.tag(wrapper)
                    && page.attr(sib, "class").is_some_and(|c| c == class || (alike_classes(c, class) && sc.para_weight[su] >= SECTION_MIN_PROSE_LOOSE))
                    && sc.para_weight[su] >= MIN_PARAGRAPH_WEIGHT * 2
                    && stats.link_density(sib) < SECTION_MAX_LINK_DENSITY
                    && !blocks.iter().any(|&b| page.contains(b, sib) || page.contains(sib, b))
                {
                    blocks.push(sib);
                }
            }
        }
        wrapper = parent;
    }
}

/// Two class attributes of alike sections: the same first class with different modifiers
/// ("detail-body first-paragraph" and "detail-body"); not a grid class ("small-12",
/// "col-md-8": columns are alike by layout, not by content).
fn alike_classes(a: &str, b: &str) -> bool {
    let first = |s: &str| s.split_whitespace().next().map(str::to_owned);
    match (first(a), first(b)) {
        (Some(x), Some(y)) => {
            x == y && !x.chars().any(|c| c.is_ascii_digit()) && !LAYOUT_CLASSES.contains(&x.to_ascii_lowercase().as_str())
        }
        _ => false,
    }
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '。', '!', '?', '！', '？', '"', '”', ')', '）'])
}
