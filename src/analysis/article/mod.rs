//! Main-article detection over the flat page model. Each stage is a module, and every
//! number that steers a stage sits in `tunables.rs` under the stage's name.
//!
//! 1. `shape.rs`: blocks in navigation, asides, footers and class/role-marked side furniture
//!    are "unlikely" and score nothing (one forward pass).
//! 2. `score.rs`: paragraph scores (text length, clause breaks — CJK ，、。 count as commas,
//!    `<br>` runs count as several paragraphs) flow up to five ancestors; containers start
//!    from a tag bonus and class/id/role/itemprop hints; link-heavy containers are damped.
//!    JSON-LD `articleBody`, when present, marks the paragraphs it contains: they weigh more.
//! 3. `choose.rs`: the best container is widened to an ancestor shared by strong rivals
//!    (split bodies) or a parent that scores better, and siblings that belong to the story
//!    join it.
//! 4. `refine.rs`: the result is refined into `nodes`: the story's blocks without the
//!    headline and without furniture inside the container (share bars, link lists, asides,
//!    forms); `headline.rs` adds the lead paragraphs between the headline and the body.
//! 5. `verdict.rs`: readerable check: enough long paragraphs (fewer when the page declares
//!    itself an article, as `Meta` reads it), enough text, few links, not a listing or a
//!    forum.
//!
//! Stages 1–4 run as a pass, strict first, then looser (see `PASSES`); the best pass
//! goes to the verdict. Every pass is a loop over the arena (a subtree is `id..end`); no
//! recursion.

mod choose;
mod headline;
mod refine;
mod score;
mod shape;
#[cfg(test)]
mod tests;
mod tunables;
mod verdict;

use super::meta::Meta;
use super::stats::Stats;
use crate::page::{NodeId, Page};
use crate::text::collapse;
use score::{score_paragraphs, RuleScorer};
use shape::Shape;
use tunables::verdict::{MAX_ARTICLE_LINK_DENSITY, RETRY_BELOW_WEIGHT};
use verdict::{density_of, min_article_weight};

pub use verdict::{Body, Verdict};

pub(crate) struct Article {
    /// The rule verdict: the best pass's body reads as a story (`verdict.rs`). The fields
    /// below describe that pass even when it does not, for the page-type classifier.
    pub is_article: bool,
    pub root: Option<NodeId>,
    /// The story's blocks: the root and merged siblings, without the headline and the
    /// furniture inside them (what `article_text` is made of; focus mode keeps only these).
    pub nodes: Vec<NodeId>,
    /// The root and merged siblings, whole: what the cleaner may never hide (clutter and
    /// repeated captions inside them may still go).
    pub blocks: Vec<NodeId>,
    /// Furniture inside story blocks that could not be split around it (they hold text of
    /// their own beside it): focus mode hides these as well.
    pub furniture: Vec<NodeId>,
    pub title: Option<String>,
    pub title_node: Option<NodeId>,
    /// The best pass's body and the verdict's inputs; None when no pass found a container.
    pub body: Option<Body>,
    pub verdict: Option<Verdict>,
}

impl Article {
    fn none() -> Article {
        Article {
            is_article: false,
            root: None,
            nodes: vec![],
            blocks: vec![],
            furniture: vec![],
            title: None,
            title_node: None,
            body: None,
            verdict: None,
        }
    }
}

/// Why the detector decided as it did (for debugging tools, which format it): the body of
/// each pass that became the best so far, and the final verdict's inputs (None when no
/// pass found a container).
#[derive(Clone, Debug, Default)]
pub struct Explain {
    pub passes: Vec<Body>,
    pub verdict: Option<Verdict>,
}

/// The passes, as (mark unlikely furniture, read class/id hints): strict first; when that
/// finds too little, again without the furniture filters (the page may mark its own body
/// with a class that reads like furniture), then without hints at all.
const PASSES: [(bool, bool); 3] = [(true, true), (false, true), (false, false)];

/// What one pass found.
struct Pass {
    root: NodeId,
    nodes: Vec<NodeId>,
    blocks: Vec<NodeId>,
    furniture: Vec<NodeId>,
    body: Body,
}

/// What every pass reads of the page as a whole.
struct PageFacts<'m> {
    title_node: Option<NodeId>,
    declared: bool,
    ld_body: Option<&'m str>,
}

pub(crate) fn detect(page: &Page, stats: &Stats, meta: &Meta) -> Article {
    detect_traced(page, stats, meta, None)
}

/// Why the detector decided as it did (for debugging tools).
pub fn explain(page: &Page, stats: &Stats) -> Explain {
    let mut trace = Explain::default();
    detect_traced(page, stats, &Meta::new(page), Some(&mut trace));
    trace
}

fn detect_traced(page: &Page, stats: &Stats, meta: &Meta, mut trace: Option<&mut Explain>) -> Article {
    let facts = PageFacts {
        title_node: headline::find_title_node(page, stats, meta),
        declared: meta.declares_article(),
        ld_body: meta.article_body(),
    };
    let Some(pass) = best_pass(page, stats, &facts, trace.as_deref_mut()) else { return Article::none() };
    let verdict = Verdict::of(page, stats, pass.root, &pass.nodes, &pass.body, facts.declared);
    if let Some(trace) = trace {
        trace.verdict = Some(verdict);
    }
    let title_node = facts.title_node;
    let title = title_node.map(|t| collapse(&stats.visible_text(page, t))).or_else(|| meta.title());
    Article {
        is_article: verdict.is_article(),
        root: Some(pass.root),
        nodes: pass.nodes,
        blocks: pass.blocks,
        furniture: pass.furniture,
        title,
        title_node,
        body: Some(pass.body),
        verdict: Some(verdict),
    }
}

/// Runs the passes until one finds enough; the best of those run wins: one that settled on
/// a container below `<body>`, then one whose text is not mostly links, then the most text.
fn best_pass(page: &Page, stats: &Stats, facts: &PageFacts, mut trace: Option<&mut Explain>) -> Option<Pass> {
    let mut found: Option<Pass> = None;
    for (use_unlikely, use_hints) in PASSES {
        let shape = Shape::compute(page, stats, use_unlikely);
        let sc = score_paragraphs(page, stats, &shape, facts.ld_body, use_hints, &RuleScorer);
        let Some((root, blocks)) = choose::choose(page, stats, &sc, &shape) else { continue };
        let (mut nodes, furniture) = refine::refine(page, stats, &sc, &shape, &blocks, facts.title_node);
        headline::add_leads(page, stats, facts.title_node, root, &blocks, &mut nodes);
        nodes.sort_unstable();
        let weight: u32 = nodes.iter().map(|&n| stats.weight(n)).sum();
        // A pass that could only settle on <body> found no container: the next one may.
        let specific = page.tag(root) != "body";
        let enough = specific && weight >= RETRY_BELOW_WEIGHT.max(min_article_weight(facts.declared));
        // ... and a pass whose text is mostly links (a looser pass that took in link lists)
        // loses to one that is not.
        let sparse = density_of(stats, &nodes) <= MAX_ARTICLE_LINK_DENSITY;
        let better = found.as_ref().is_none_or(|f| {
            (specific, sparse, weight) > (page.tag(f.root) != "body", density_of(stats, &f.nodes) <= MAX_ARTICLE_LINK_DENSITY, f.body.weight)
        });
        if better {
            let body = Body::of(stats, &sc, &nodes, weight, facts.declared);
            if let Some(t) = trace.as_deref_mut() {
                t.passes.push(body);
            }
            found = Some(Pass { root, nodes, blocks, furniture, body });
        }
        if enough {
            break;
        }
    }
    found
}

/// The ten best containers of the strict pass with their final scores (for debugging tools).
pub fn top_candidates(page: &Page, stats: &Stats) -> Vec<(NodeId, f32)> {
    let (use_unlikely, use_hints) = PASSES[0];
    let shape = Shape::compute(page, stats, use_unlikely);
    let meta = Meta::new(page);
    let sc = score_paragraphs(page, stats, &shape, meta.article_body(), use_hints, &RuleScorer);
    let mut ranked = sc.ranked(stats);
    ranked.truncate(10);
    ranked
}
