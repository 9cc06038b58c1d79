//! What the gathering stages find, handed on to the decision: the evidence shown to the
//! reader, in the order it was found, and every agency it names, ranked by the signal that
//! named it.

use super::signals::Cited;
use crate::plan::Evidence;
use crate::text::{collapse, truncate};

/// The signals that name an agency, strongest first: the story's own words beat the
/// page's claims about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Rank {
    /// A dateline opening the story (or written in its JSON-LD).
    Dateline = 1,
    /// A tail closing the story: "(Yonhap)".
    Tail = 2,
    /// A copyright line at the end of the story or right after it.
    Copyright = 3,
    /// Markup pointing at the origin, or naming the copyright holder.
    Markup = 4,
    /// A credit line or byline near the headline, or an author naming an agency.
    Credit = 5,
    /// A source label ("来源：…", "Source: …") or its meta form.
    Label = 6,
}

/// What the gathering stages found.
#[derive(Default)]
pub(super) struct Found {
    pub evidence: Vec<Evidence>,
    /// Every agency the evidence names, with the signal that named it.
    pub origin: Vec<(Rank, Cited)>,
    /// A markup origin that names no agency: the name, or the host of a URL elsewhere.
    pub elsewhere: Option<String>,
    /// The fullest credit line near the headline, else an organisation author naming an
    /// agency.
    pub credit: Option<Cited>,
    /// The value of the source label nearest the headline.
    pub label: Option<String>,
}

impl Found {
    /// Notes the agency `cited` as named by a signal of `rank`.
    pub(super) fn cite(&mut self, rank: Rank, cited: Cited) {
        self.origin.push((rank, cited));
    }
}

/// Adds a piece of evidence: the signal and the page's text, collapsed and shortened.
pub(super) fn ev(evidence: &mut Vec<Evidence>, signal: &str, text: &str) {
    evidence.push(Evidence { signal: signal.to_string(), text: truncate(&collapse(text), 100) });
}
