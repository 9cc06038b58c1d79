//! The decision: the site that shows the story, the original source (the strongest agency
//! clue, else what the page claims or points at), the republisher (the site, when it is
//! not the original), and what the page says its source is.

use super::evidence::{ev, Found};
use super::input::Input;
use super::markup::{host_of, Clue, ClueKind};
use super::signals::cut_value;
use crate::analysis::meta::split_title;
use crate::lexicon::{agencies, Agency};
use crate::plan::Evidence;
use crate::text::{fold, squash};

/// Who the story is from, as decided.
pub(super) struct Verdict {
    pub original: Option<String>,
    pub republisher: Option<String>,
    pub claimed_source: Option<String>,
}

/// Decides from what the stages found (its origins sorted strongest first on the way).
pub(super) fn decide(input: &Input, clues: &[Clue], found: &mut Found) -> Verdict {
    let table = agencies();
    let site = site_name(input, clues, &mut found.evidence);
    let page_host = input.url.and_then(host_of);
    let site_agency = site
        .as_deref()
        .and_then(|s| table.lookup(s))
        .or_else(|| page_host.as_deref().and_then(|h| table.by_domain(h)))
        .map(|a| table.index_of(a));
    let claim_meta = clues.iter().find(|c| c.kind == ClueKind::Claim);
    crate::sort::by_key(&mut found.origin, |(rank, _)| *rank as u64);
    let best = found.origin.first().map(|(_, c)| c.agency);
    let original = match best {
        // The strongest agency clue, named as the page cites it (the longest form).
        Some(a) => {
            let names = found.origin.iter().filter(|(_, c)| c.agency == a).map(|(_, c)| c.name.as_str());
            Some(display_name(&table.agencies[a], names.max_by_key(|n| n.chars().count()).unwrap_or("")))
        }
        None => {
            let not_site = |v: &String| site.as_deref().is_none_or(|s| !same_name(v, s));
            (found.label.clone().filter(not_site))
                .or_else(|| claim_meta.map(|c| c.value.clone()).filter(not_site))
                .or(found.elsewhere.clone())
                .or_else(|| site.clone())
        }
    };
    let same_as_site = match (best, site_agency) {
        (Some(a), Some(s)) => a == s,
        _ => match (&original, &site) {
            (Some(o), Some(s)) => same_name(o, s),
            _ => false,
        },
    };
    let republisher = if same_as_site || original.is_none() { None } else { site.clone() };
    // What the page says its source is.
    let claimed_source = (found.label.take())
        .or_else(|| claim_meta.map(|c| cut_value(&c.value)))
        .or_else(|| found.credit.as_ref().map(|c| display_name(&table.agencies[c.agency], &c.name)))
        .or_else(|| clues.iter().find(|c| c.kind == ClueKind::Publisher).map(|c| c.value.clone()))
        .or(site);
    Verdict { original, republisher, claimed_source }
}

/// An agency's name as the table writes it, for a folded name.
fn display_name(agency: &Agency, folded: &str) -> String {
    agency.names.iter().chain(std::iter::once(&agency.canonical)).find(|n| fold(n) == folded).cloned().unwrap_or_else(|| agency.canonical.clone())
}

/// Same outlet: equal after folding, or one name contains the other.
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (squash(a), squash(b));
    !a.is_empty() && !b.is_empty() && (a == b || a.contains(&b) || b.contains(&a))
}

/// The site's own name: og:site_name (or a site meta), else the `<title>` part that is
/// not the headline, else the JSON-LD publisher, else the host.
#[inline(never)]
fn site_name(input: &Input, clues: &[Clue], evidence: &mut Vec<Evidence>) -> Option<String> {
    if let Some(c) = clues.iter().find(|c| c.kind == ClueKind::Site) {
        ev(evidence, &c.signal, &c.value);
        return Some(c.value.clone());
    }
    if let Some(full) = input.meta.doc_title() {
        let parts = split_title(full);
        let parts: Vec<&str> = if parts.len() < 2 { full.rsplit_once(" : ").map(|(a, b)| vec![a, b]).unwrap_or(parts) } else { parts };
        if parts.len() >= 2 {
            let headline = input.story.title.map(fold).unwrap_or_default();
            if let Some(site) = parts.iter().rev().find(|p| {
                let f = fold(p);
                !headline.contains(&f) && !f.contains(&headline)
            }) {
                ev(evidence, "title_suffix", full);
                return Some(site.to_string());
            }
        }
    }
    if let Some(c) = clues.iter().find(|c| c.kind == ClueKind::Publisher) {
        ev(evidence, &c.signal, &c.value);
        return Some(c.value.clone());
    }
    let host = input.url.and_then(host_of)?;
    ev(evidence, "host", &host);
    Some(host)
}
