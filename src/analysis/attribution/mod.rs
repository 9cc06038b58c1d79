//! Who wrote the story, and when: the evidence the page offers, then the decision. The
//! story's words beat the page's claims; photo captions and credits never count; an agency
//! named in passing ("told AFP") is not a clue.
//!
//! `attribute` runs the stages in order, each in its own file with its own tunables:
//! - `input`, `blocks`: the page as attribution reads it (the story's blocks, the lines
//!   around it, the text that is not the story's);
//! - `markup`: the clues the page's markup gives (from the page's `Meta`);
//! - `story`: the story's own words — dateline, tail, copyright line;
//! - `credits`: markup pointing at the origin, credit lines and bylines, source labels;
//! - `decide`: the original source, the republisher, the claimed source;
//! - `when`: the page's date and the story's date.
//!
//! `signals` holds the scanners of one line the stages use; `evidence` what the gathering
//! stages hand on.

mod blocks;
mod credits;
mod decide;
mod evidence;
mod input;
mod markup;
pub(crate) mod signals;
mod story;
mod when;

pub(crate) use input::{Input, Story};

use crate::plan::Source;
use evidence::Found;

/// The story's source and dates, with the evidence for them.
pub(crate) fn attribute(input: &Input) -> Source {
    let clues = markup::clues(input.meta, input.url);
    let mut found = Found::default();
    let lede = story::gather(input, &clues, &mut found);
    credits::gather(input, &clues, &mut found);
    let verdict = decide::decide(input, &clues, &mut found);
    let dates = when::dates(input, &lede, &mut found.evidence);
    Source {
        original: verdict.original,
        republisher: verdict.republisher,
        claimed_source: verdict.claimed_source,
        page_date: dates.page.and_then(|d| d.iso()),
        story_date: dates.story.and_then(|d| d.iso()),
        evidence: found.evidence,
    }
}
