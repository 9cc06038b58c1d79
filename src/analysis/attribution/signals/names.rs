//! Agency names in a line: every name of the agency table found in folded text, Latin
//! names only as whole words.

use crate::lexicon::agencies;
use crate::text::is_cjk;

/// An agency named on the page: its index in the table and the folded name as written.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::analysis::attribution) struct Cited {
    pub agency: usize,
    pub name: String,
}

/// An agency name found in folded text: its byte span, the agency, and the matching
/// pattern of the agency table (which gives the name as the table folds it).
#[derive(Clone, Copy, Debug)]
pub(in crate::analysis::attribution) struct NameHit {
    pub start: usize,
    pub end: usize,
    pub agency: usize,
    pub pattern: usize,
}

impl NameHit {
    pub(super) fn len(&self) -> usize {
        self.end - self.start
    }

    /// The agency, cited by the name this hit matched.
    pub(in crate::analysis::attribution) fn cited(&self) -> Cited {
        Cited { agency: self.agency, name: agencies().folded_names[self.pattern].clone() }
    }
}

/// A letter or digit of a script that separates words with spaces (not CJK).
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Every agency name in folded `text`, Latin names only on word boundaries.
pub(in crate::analysis::attribution) fn name_hits(text: &str) -> Vec<NameHit> {
    let table = agencies();
    let mut out = Vec::new();
    for m in table.names_all_ac.find_overlapping_iter(text) {
        let (s, e) = (m.start(), m.end());
        let first = text[s..e].chars().next();
        let last = text[s..e].chars().last();
        let before = text[..s].chars().last();
        let after = text[e..].chars().next();
        if first.is_some_and(is_word_char) && before.is_some_and(is_word_char) {
            continue;
        }
        if last.is_some_and(is_word_char) && after.is_some_and(is_word_char) {
            continue;
        }
        let pattern = m.pattern().as_usize();
        out.push(NameHit { start: s, end: e, agency: table.name_owner[pattern], pattern });
    }
    out
}
