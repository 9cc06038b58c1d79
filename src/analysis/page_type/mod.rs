//! The page-type classifier: is this page an article (a news story, a blog post, a
//! report), or a forum thread, a product, a listing, a collection, documentation or a
//! service page? Every page gets one row of features (`features.rs`), and a tree ensemble
//! trained offline (`scripts/train/page_type.py`, weights in `data/model/page.bin`) scores
//! it. Only an article gets a badge and the cleaning modes; the detector's main content is
//! found on every page.

mod features;
mod schema;
mod structure;
mod url;

pub use features::{FEATURE_NAMES, N_FEATURES};

use super::article::Article;
use super::meta::Meta;
use super::stats::Stats;
use super::trees::{ModelError, Trees};
use crate::page::Page;
use std::sync::OnceLock;

/// The page-type model: a margin per page; at or above its decision margin the page is an
/// article.
pub struct Model(Trees);

impl Model {
    /// Reads a model file written by `scripts/train/page_type.py`.
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        Trees::parse(bytes, N_FEATURES, features::NAMES_HASH).map(Model)
    }
}

/// The model built into the core (`data/model/page.bin`), read once. A file that does not
/// parse (a build defect the unit tests catch) leaves the rule verdict in charge.
fn shipped() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(include_bytes!("../../../data/model/page.bin")).ok()).as_ref()
}

/// The decision on one page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PageType {
    pub is_article: bool,
    /// How far the page's margin lies from the decision, in thousandths (positive: an
    /// article); 0 when the rule verdict decided.
    pub score: i32,
}

/// A main text more than this share links is a list of links, never an article.
const MAX_LINK_DENSITY: f32 = 0.9;

/// Whether the page is an article: the model's verdict on the page's row, for a page where
/// the detector found a main container at all. A page the rule verdict's structural checks
/// call a listing of teasers or a forum thread, or whose main text is nearly all links, is
/// none, whatever the model says: the model never saw such pages called articles, and a
/// tiny page of links lies outside what it was trained on (the training script applies the
/// same guard when it picks the decision threshold).
pub(crate) fn decide(page: &Page, stats: &Stats, meta: &Meta, art: &Article, url: Option<&str>) -> PageType {
    let Some(model) = shipped() else { return PageType { is_article: art.is_article, score: 0 } };
    let Some(verdict) = art.verdict else { return PageType { is_article: false, score: 0 } };
    let margin = model.0.margin(&features::row(page, stats, meta, art, url)) - model.0.margin;
    let score = (margin * 1000.0).round() as i32;
    let guarded = verdict.listing || verdict.forum || verdict.density > MAX_LINK_DENSITY;
    PageType { is_article: margin >= 0.0 && !guarded, score }
}

pub(crate) fn row(page: &Page, stats: &Stats, meta: &Meta, art: &Article, url: Option<&str>) -> [f32; N_FEATURES] {
    features::row(page, stats, meta, art, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The training script's walk of the trees and the core's agree bit for bit on the rows
    /// it wrote beside the model (`page.check.json`).
    #[test]
    fn the_shipped_model_matches_the_training_script() {
        #[derive(serde::Deserialize)]
        struct Check {
            threshold_margin_bits: u64,
            rows_bits: Vec<Vec<u32>>,
            margins_bits: Vec<u64>,
        }
        let check: Check = serde_json::from_str(include_str!("../../../data/model/page.check.json")).unwrap();
        let model = shipped().expect("data/model/page.bin parses for today's features");
        assert_eq!(model.0.margin.to_bits(), check.threshold_margin_bits);
        assert!(check.rows_bits.len() >= 50);
        for (bits, want) in check.rows_bits.iter().zip(&check.margins_bits) {
            let row: Vec<f32> = bits.iter().map(|&b| f32::from_bits(b)).collect();
            assert_eq!(row.len(), N_FEATURES);
            assert_eq!(model.0.margin(&row).to_bits(), *want, "{row:?}");
        }
    }
}
