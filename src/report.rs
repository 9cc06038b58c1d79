//! What a plan means to a reader: the visible text, the article text, and the list of
//! hidden blocks with their reasons. Shared by the CLI's JSON and the extension's popup.

use crate::page::{NodeId, Page};
use crate::plan::{Kind, Plan, Reason, Source};
use crate::text::{block_lines, truncate};
use serde::Serialize;

/// Characters of a hidden block's text shown in reports.
const HIDDEN_TEXT_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HiddenItem {
    pub kind: Kind,
    /// Serialized as its English sentence.
    pub reason: Reason,
    pub text: String,
}

/// The short form: what the badge and the popup show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub is_article: bool,
    pub title: Option<String>,
    pub hidden: Vec<HiddenItem>,
    pub source: Source,
    /// Set when the page exceeded the element budget and was not analysed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degraded: Option<crate::plan::Degraded>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degraded: Option<crate::plan::Degraded>,
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
    Summary {
        is_article: plan.is_article,
        title: plan.title.clone(),
        hidden,
        source: plan.source.clone(),
        degraded: plan.degraded.clone(),
    }
}

/// Text lines still visible under `roots` after the plan is applied.
fn visible_lines(page: &Page, plan: &Plan, roots: &[NodeId]) -> Vec<String> {
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
        degraded: s.degraded,
    }
}

/// Days from `a` to `b` (both `YYYY-MM-DD`), or None if either is not a date.
pub(crate) fn days_between(a: &str, b: &str) -> Option<i64> {
    Some(day_number(b)? - day_number(a)?)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (proleptic Gregorian).
fn day_number(iso: &str) -> Option<i64> {
    let mut parts = iso.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

#[cfg(test)]
mod tests {
    #[test]
    fn day_arithmetic() {
        assert_eq!(super::days_between("2022-11-23", "2024-09-22"), Some(669));
        assert_eq!(super::days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(super::days_between("x", "2024-03-01"), None);
    }
}
