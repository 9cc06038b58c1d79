//! What a plan means to a reader: the visible text, the article text, and the list of
//! hidden blocks with their reasons. Shared by the CLI's JSON and the extension's popup.

use crate::page::{NodeId, Page};
use crate::plan::{Kind, Plan, Source};
use crate::text::{block_lines, truncate};
use serde::Serialize;

/// Characters of a hidden block's text shown in reports.
pub const HIDDEN_TEXT_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HiddenItem {
    pub kind: Kind,
    pub reason: String,
    pub text: String,
}

/// The short form: what the badge and the popup show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub is_article: bool,
    pub title: Option<String>,
    pub hidden: Vec<HiddenItem>,
    pub source: Source,
}

/// The CLI's `--format json` document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub is_article: bool,
    pub title: Option<String>,
    pub article_text: String,
    pub visible_text: String,
    pub hidden: Vec<HiddenItem>,
    pub source: Source,
}

fn hidden_mask(page: &Page, plan: &Plan) -> Vec<bool> {
    let mut mask = vec![false; page.len()];
    for h in &plan.hidden {
        if let Some(m) = mask.get_mut(h.node as usize) {
            *m = true;
        }
    }
    mask
}

pub fn summary(page: &Page, plan: &Plan) -> Summary {
    let hidden = plan
        .hidden
        .iter()
        .filter(|h| (h.node as usize) < page.len())
        .map(|h| HiddenItem {
            kind: h.kind,
            reason: h.reason.clone(),
            text: truncate(&block_lines(page, &[h.node], &|_| false).join(" "), HIDDEN_TEXT_CHARS),
        })
        .collect();
    Summary { is_article: plan.is_article, title: plan.title.clone(), hidden, source: plan.source.clone() }
}

/// Text lines still visible under `roots` after the plan is applied.
pub fn visible_lines(page: &Page, plan: &Plan, roots: &[NodeId]) -> Vec<String> {
    let mask = hidden_mask(page, plan);
    block_lines(page, roots, &|i| mask[i as usize])
}

pub fn report(page: &Page, plan: &Plan) -> Report {
    let s = summary(page, plan);
    let visible = if page.is_empty() { vec![] } else { visible_lines(page, plan, &[0]) };
    Report {
        is_article: s.is_article,
        title: s.title,
        article_text: visible_lines(page, plan, &plan.article_nodes).join("\n"),
        visible_text: visible.join("\n"),
        hidden: s.hidden,
        source: s.source,
    }
}
