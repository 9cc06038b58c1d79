//! The pure analysis core: page model in, plan out. No I/O, no DOM, no parser.

pub mod article;
pub mod blocks;
pub(crate) mod attribution;
pub(crate) mod captions;
pub(crate) mod clutter;
pub mod dates;
pub(crate) mod site_rules;
pub(crate) mod hints;
pub(crate) mod meta;
pub mod page_type;
pub mod stats;
pub(crate) mod trees;

use crate::page::{NodeId, Page};
use crate::plan::{Hide, Kind, Mode, Options, Plan, Source};
use stats::Stats;

/// What may never be hidden: the article blocks and the headline.
pub(crate) struct Guard {
    protected: Vec<NodeId>,
    /// The article root and the headline: never hidden, even by a clear disclaimer.
    core: Vec<NodeId>,
}

impl Guard {
    pub(crate) fn new(root: Option<NodeId>, nodes: &[NodeId], title: Option<NodeId>) -> Guard {
        let mut protected = nodes.to_vec();
        protected.extend(title);
        let core = root.into_iter().chain(title).collect();
        Guard { protected, core }
    }
    /// `id` lies inside (or is) an article block.
    pub(crate) fn in_article(&self, page: &Page, id: NodeId) -> bool {
        self.protected.iter().any(|&p| page.contains(p, id))
    }
    /// `id` comes after the start of the article in document order.
    pub(crate) fn after_article_start(&self, id: NodeId) -> bool {
        self.protected.iter().min().is_some_and(|&p| id > p)
    }
    /// Like `may_hide_in_article`, but `id` may also be a block merged into the article
    /// beside its root (a disclaimer glued after the body); never the root or headline.
    pub(crate) fn may_hide_merged(&self, page: &Page, id: NodeId) -> bool {
        !matches!(page.tag(id), "html" | "body" | "head")
            && self.core.iter().all(|&c| !page.contains(id, c))
            && self.protected.iter().all(|&p| p == id || !page.contains(id, p))
    }
    /// `id` is outside every protected node and contains none of them.
    pub(crate) fn may_hide(&self, page: &Page, id: NodeId) -> bool {
        !matches!(page.tag(id), "html" | "body" | "head")
            && self.protected.iter().all(|&p| !page.contains(id, p) && !page.contains(p, id))
    }
    /// `id` may sit inside the article but contains no protected node.
    pub(crate) fn may_hide_in_article(&self, page: &Page, id: NodeId) -> bool {
        !matches!(page.tag(id), "html" | "body" | "head") && self.protected.iter().all(|&p| !page.contains(id, p))
    }
}

/// Builds every lexicon automaton and table now instead of on the first page that needs
/// them. The extension's worker calls this as it starts, so the building overlaps the
/// content script's injection and snapshot rather than delaying the first answer.
pub fn prepare() {
    crate::lexicon::clutter();
    crate::lexicon::attribution();
    crate::lexicon::agencies();
    attribution::signals::prepare();
    hints::hint_set();
}

/// Analyses a page. Pure: the same page and options always give the same plan.
///
/// The learned block model (`blocks`, `data/model/blocks.bin`) is not switched on here yet:
/// it loses story text on some page types (see the README's Measured section) and does not
/// fit the wasm budget. [`analyze_with`] runs it, for `byline eval --block-model`.
#[inline(never)]
pub fn analyze(page: &Page, options: &Options) -> Plan {
    run(page, options, None)
}

/// [`analyze`] with a block model: tidy mode also hides the structural clutter the model
/// finds (`blocks::tidy_hides`). For evaluating a model, e.g. one trained without some
/// corpus on that corpus (`byline eval --block-model`, `scripts/train/loco.sh`).
pub fn analyze_with(page: &Page, options: &Options, model: Option<&blocks::Model>) -> Plan {
    run(page, options, model)
}

/// Both entry points; inlined into each, so `analyze` (and the wasm build) carries no
/// block-model code.
#[inline(always)]
fn run(page: &Page, options: &Options, model: Option<&blocks::Model>) -> Plan {
    let mut plan = Plan { mode: options.mode, node_count: page.len() as u32, ..Plan::default() };
    if page.is_empty() {
        return plan;
    }
    // The element budget: a pathological page is left alone, and the plan says so, rather
    // than holding the tab while every pass runs over it.
    let elements = page.nodes.iter().filter(|n| matches!(n.data, crate::page::NodeData::Element { .. })).count() as u32;
    let budget = options.element_budget();
    if elements > budget {
        plan.degraded = Some(crate::plan::Degraded {
            elements,
            budget,
            note: format!("page too large to clean: {elements} elements, budget {budget}"),
        });
        return plan;
    }
    let meta = meta::Meta::new(page);
    let stats = Stats::compute(page);
    let mut art = article::detect(page, &stats, &meta);
    let kind = page_type::decide(page, &stats, &meta, &art, options.url.as_deref());
    plan.page_score = kind.score;
    art.is_article = kind.is_article;
    if !art.is_article {
        // Not an article: nothing is hidden and no source is named, but the main content
        // the detector found is reported (what `article_text` extracts).
        plan.article_root = art.root;
        plan.article_nodes = art.nodes;
        return plan;
    }
    // The whole story blocks (root and merged siblings) and the headline are protected.
    let guard = Guard::new(art.root, &art.blocks, art.title_node);

    let mut hidden = rule_hides(page, &stats, &guard);
    if options.mode == Mode::Tidy && model.is_some() {
        let cx = blocks::Context::of(&art, &hidden);
        let furniture = blocks::tidy_hides(page, &stats, &cx, &guard, model);
        hidden.extend(furniture);
    }
    if options.mode == Mode::Focus {
        hidden.extend(outside_article(page, &art.nodes, art.root, art.title_node));
        // Furniture the detector found inside story blocks it kept whole.
        hidden.extend(art.furniture.iter().filter(|&&f| guard.may_hide_in_article(page, f)).map(|&f| Hide {
            node: f,
            kind: Kind::OutsideArticle,
            reason: crate::plan::ReasonCode::FocusFurniture.into(),
        }));
    }
    site_rules::drop_switched_off(options, &mut hidden);
    let hidden = site_rules::apply(page, &guard, outermost(page, hidden), &options.rule_matches);

    let story = attribution::Story { nodes: &art.nodes, title_node: art.title_node, title: art.title.as_deref() };
    let source: Source = attribution::attribute(&attribution::Input::new(page, &stats, &meta, story, &hidden, options.url.as_deref()));

    plan.is_article = true;
    plan.title = art.title;
    plan.title_node = art.title_node;
    plan.article_root = art.root;
    plan.article_nodes = art.nodes;
    plan.hidden = hidden;
    plan.source = source;
    plan
}

/// What the rule passes hide: clutter, then repeated captions.
fn rule_hides(page: &Page, stats: &Stats, guard: &Guard) -> Vec<Hide> {
    let mut hidden = clutter::find(page, stats, guard);
    let captions = captions::find(page, stats, guard, &hidden);
    hidden.extend(captions);
    hidden
}

/// Every text block of the page with its features, as the classifier reads them after
/// the rule passes (what `byline features` exports for training).
pub fn block_rows(page: &Page, options: &Options) -> Vec<blocks::BlockRow> {
    let Some((meta, stats)) = prepared(page, options) else { return vec![] };
    let mut art = article::detect(page, &stats, &meta);
    art.is_article = page_type::decide(page, &stats, &meta, &art, options.url.as_deref()).is_article;
    let mut hidden = vec![];
    if art.is_article {
        let guard = Guard::new(art.root, &art.blocks, art.title_node);
        hidden = rule_hides(page, &stats, &guard);
    }
    let cx = blocks::Context::of(&art, &hidden);
    blocks::rows(page, &stats, &cx)
}

/// The page-type classifier's features of a page (what `byline features --pages` exports
/// for training); empty for an empty page or one over the element budget.
pub fn page_row(page: &Page, options: &Options) -> Vec<f32> {
    let Some((meta, stats)) = prepared(page, options) else { return vec![] };
    let art = article::detect(page, &stats, &meta);
    page_type::row(page, &stats, &meta, &art, options.url.as_deref()).to_vec()
}

/// The page's `Meta` and `Stats` for the training exports; None for an empty page or one
/// over the element budget (which `analyze` leaves alone).
fn prepared<'p>(page: &'p Page, options: &Options) -> Option<(meta::Meta<'p>, Stats)> {
    let elements = page.nodes.iter().filter(|n| matches!(n.data, crate::page::NodeData::Element { .. })).count() as u32;
    if page.is_empty() || elements > options.element_budget() {
        return None;
    }
    Some((meta::Meta::new(page), Stats::compute(page)))
}

/// Focus mode: every element beside the path from `<body>` to the article and headline.
/// The detector's root is on that path too, so it is never hidden (like every other hide,
/// focus mode leaves the root and the headline alone), even when refining left none of
/// its own blocks in the story; what it holds beside the story still goes.
fn outside_article(page: &Page, article: &[NodeId], root: Option<NodeId>, title: Option<NodeId>) -> Vec<Hide> {
    let Some(body) = page.find_tag("body") else { return vec![] };
    let keep: Vec<NodeId> = article.iter().copied().chain(title).collect();
    let on_path = |id: NodeId| keep.iter().chain(&root).any(|&k| page.contains(id, k));
    let is_kept = |id: NodeId| keep.iter().any(|&k| page.contains(k, id));
    let mut hides = Vec::new();
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        for c in page.children(n) {
            if !page.is_element(c) || is_kept(c) {
                continue;
            }
            if on_path(c) {
                stack.push(c);
            } else if !crate::text::is_invisible_tag(page.tag(c)) {
                hides.push(Hide { node: c, kind: Kind::OutsideArticle, reason: crate::plan::ReasonCode::FocusOutside.into() });
            }
        }
    }
    hides
}

/// Sorted by node, without duplicates or hides nested in another hide.
fn outermost(page: &Page, mut hides: Vec<Hide>) -> Vec<Hide> {
    crate::sort::by_key(&mut hides, |h| h.node as u64);
    let mut out: Vec<Hide> = Vec::with_capacity(hides.len());
    for h in hides {
        if out.last().is_some_and(|last| page.contains(last.node, h.node)) {
            continue;
        }
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageBuilder;

    /// A document whose root is not a block (an XML document's root element in the browser,
    /// a hand-built model) has text in no block at all: that text has no block to be
    /// attributed to, and the analysis must not index with the "no block" marker.
    #[test]
    fn text_outside_every_block_is_analysed_without_panicking() {
        let para = "The council said on Tuesday that the new bridge would open next spring after two years of work, and that traffic on the old crossing would be limited until then. ";
        for root in ["feed", "x-app"] {
            let mut b = PageBuilder::new();
            b.open(root, []);
            b.text("By Reuters staff · Updated 12 March 2024 · Seoul (Yonhap) ");
            b.open("span", [("class", "date")]);
            b.text("2024-03-12");
            b.close();
            b.open("h1", []);
            b.text("Bridge to open next spring");
            b.close();
            b.open("article", []);
            for _ in 0..8 {
                b.open("p", []);
                b.text(para);
                b.close();
            }
            b.close();
            b.text("Copyright 2024. All rights reserved. Related: more stories");
            b.close();
            let page = b.finish();
            for mode in [Mode::Tidy, Mode::Focus] {
                let plan = analyze(&page, &Options { mode, ..Options::default() });
                assert!(plan.is_article, "{root}: the article is still found");
            }
        }
    }
}
