//! The learned block classifier: every text block of the page gets a row of features
//! (`features.rs`), and a tree ensemble trained offline (`scripts/train/`, weights in
//! `data/model/`) says how likely the block is story text.

mod features;
mod model;

pub use super::trees::ModelError;
pub use model::Model;

use super::stats::{bottom_up, Stats};
use super::Guard;
use crate::page::{NodeId, Page};
use crate::plan::{Hide, Kind, Reason, ReasonCode};
use serde::Serialize;

pub use features::{FEATURE_NAMES, N_FEATURES};

/// What the features read of the analysis so far.
pub(crate) struct Context<'a> {
    /// The detector's article root, if the page is an article.
    pub root: Option<NodeId>,
    pub title: Option<NodeId>,
    /// The story's blocks (`Article::nodes`), the root and merged siblings whole
    /// (`Article::blocks`), and the furniture found inside them.
    pub story: &'a [NodeId],
    pub story_blocks: &'a [NodeId],
    pub furniture: &'a [NodeId],
    /// What the rule passes hide (clutter and repeated captions).
    pub hidden: &'a [Hide],
}

impl<'a> Context<'a> {
    /// What the features read of `art`: nothing of a page the detector judged no article.
    pub(crate) fn of(art: &'a crate::analysis::article::Article, hidden: &'a [Hide]) -> Context<'a> {
        if !art.is_article {
            return Context { root: None, title: None, story: &[], story_blocks: &[], furniture: &[], hidden };
        }
        Context {
            root: art.root,
            title: art.title_node,
            story: &art.nodes,
            story_blocks: &art.blocks,
            furniture: &art.furniture,
            hidden,
        }
    }
}

/// One block and its features (what `byline features` exports for training).
#[derive(Clone, Debug, Serialize)]
pub struct BlockRow {
    pub node: NodeId,
    /// Its text, one line per line break a reader sees (what the labels are aligned on).
    pub text: String,
    pub features: Vec<f32>,
}

pub(crate) fn rows(page: &Page, stats: &Stats, cx: &Context) -> Vec<BlockRow> {
    let blocks = features::blocks(page, stats);
    let rows = features::rows(page, stats, cx, &blocks);
    blocks
        .into_iter()
        .zip(rows)
        .map(|(node, f)| BlockRow {
            node,
            text: crate::text::block_lines(page, &[node], &|_| false).join("\n"),
            features: f.to_vec(),
        })
        .collect()
}

/// Tidy mode's structural clutter: below and beside the start of the article, the largest
/// elements whose every text block the model scores as not story text (rails, footers,
/// teaser lists, sign-up boxes, in any language). What lies above the article (the site's
/// header and navigation) stays, as do the story blocks and anything holding one.
pub(crate) fn tidy_hides(
    page: &Page,
    stats: &Stats,
    cx: &Context,
    guard: &Guard,
    model: Option<&Model>,
) -> Vec<Hide> {
    let (Some(model), Some(root)) = (model, cx.root) else {
        return vec![];
    };
    let start = cx.title.map_or(root, |t| t.min(root));
    let blocks = features::blocks(page, stats);
    let rows = features::rows(page, stats, cx, &blocks);
    let n = page.len();
    // Per node: blocks below it, and of those the ones scored as not story text.
    let mut total = vec![0u32; n];
    let mut low = vec![0u32; n];
    for (&b, row) in blocks.iter().zip(&rows) {
        total[b as usize] = 1;
        if b > start && row[features::F_IN_STORY] == 0.0 && model.margin(row) < model.threshold() {
            low[b as usize] = 1;
        }
    }
    bottom_up(page, |i, parent| {
        total[parent] += total[i];
        low[parent] += low[i];
    });
    let mut hides = Vec::new();
    let mut i = start + 1;
    while (i as usize) < n {
        let k = i as usize;
        if total[k] > 0 && low[k] == total[k] && page.is_element(i) && guard.may_hide(page, i) {
            hides.push(Hide {
                node: i,
                kind: Kind::Boilerplate,
                reason: Reason::new(ReasonCode::BlockModel, [total[k].to_string()]),
            });
            i = page.end(i);
        } else {
            i += 1;
        }
    }
    hides
}
