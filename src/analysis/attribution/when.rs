//! When: the page's date (markup, a labelled or dated line near the headline, the URL)
//! and the story's date (the dateline's, else a date, day or weekday written in the lede,
//! resolved against the page's date).

use super::blocks::LEAD_BLOCKS;
use super::evidence::ev;
use super::input::Input;
use super::markup;
use super::story::{Lede, DATELINE_REACH};
use crate::analysis::dates::{date_in_url, find_dates, find_days, find_weekdays, Date};
use crate::lexicon::attribution;
use crate::page::NodeId;
use crate::plan::Evidence;
use crate::text::{fold, prefix};

// ---- tunables ----
/// A story date more than this many days after the page's date is not believed.
const MAX_STORY_AFTER_PAGE_DAYS: i64 = 1;
/// A weekday is looked for this far into the lede (characters).
const WEEKDAY_REACH: usize = DATELINE_REACH * 2;

/// The page's date and the story's.
pub(super) struct Dates {
    pub page: Option<Date>,
    pub story: Option<Date>,
}

/// Dates the page and the story; `lede` is the story's lede and its dateline's date.
pub(super) fn dates(input: &Input, lede: &Lede, evidence: &mut Vec<Evidence>) -> Dates {
    let page = page_date(input, evidence);
    let article = input.article_blocks();
    let texts: Vec<&str> = (lede.index..article.len()).take(LEAD_BLOCKS).map(|k| article.text(k)).collect();
    let story = story_date(&texts, lede, page, evidence);
    Dates { page, story }
}

/// A date with a year in the text.
fn full_date(text: &str) -> Option<Date> {
    find_dates(text).into_iter().map(|(d, _, _)| d).find(|d| d.year.is_some())
}

#[inline(never)]
fn page_date(input: &Input, evidence: &mut Vec<Evidence>) -> Option<Date> {
    let region = input.header_region();
    if let Some(m) = markup::page_date(input.meta, region.clone()) {
        ev(evidence, &m.signal, &m.text);
        return Some(m.date);
    }
    // A labelled date ("发表于 …", "입력 …") near the headline, then any dated line there.
    let start = input.story.title_node.unwrap_or(0);
    let blocks = input.body_blocks();
    let mut lines: Vec<(NodeId, &str)> = (0..blocks.len())
        .filter(|&k| !input.in_article(blocks.node(k)) && input.is_short_line(blocks.node(k)))
        .map(|k| (blocks.node(k), blocks.text(k)))
        .collect();
    crate::sort::by_key(&mut lines, |(n, _)| crate::sort::nearest_after(*n, start));
    for (_, line) in &lines {
        let folded = fold(line);
        if let Some(m) = attribution().date_label_ac.find(&folded) {
            let after: String = line.chars().skip(folded[..m.end()].chars().count()).collect();
            if let Some(d) = full_date(&after) {
                ev(evidence, "date_label", line);
                return Some(d);
            }
        }
    }
    for (_, line) in lines.iter().filter(|(n, _)| region.contains(n)) {
        if let Some(d) = full_date(line) {
            ev(evidence, "date_near_headline", line);
            return Some(d);
        }
    }
    let url = input.url?;
    let d = date_in_url(url)?;
    ev(evidence, "url_date", url);
    Some(d)
}

/// The story's date: the dateline's, else a date written in the lede (the latest not after
/// the page's date), else a day ("4日", "27일") or weekday ("on Tuesday") in the lede
/// resolved against the page's date, else the page's own date.
#[inline(never)]
fn story_date(lede: &[&str], dateline: &Lede, page: Option<Date>, evidence: &mut Vec<Evidence>) -> Option<Date> {
    let not_after_page = |d: &Date| match (d.day_number(), page.and_then(|p| p.day_number())) {
        (Some(a), Some(b)) => a - b <= MAX_STORY_AFTER_PAGE_DAYS,
        _ => true,
    };
    if let Some(d) = dateline.date {
        return Some(match page {
            Some(p) => d.resolve_year(p),
            None => d,
        });
    }
    // The dates of each lede paragraph, found once.
    let dates: Vec<Vec<(Date, usize, usize)>> = lede.iter().take(LEAD_BLOCKS).map(|t| find_dates(t)).collect();
    if let Some(d) = dates.iter().flatten().map(|&(d, _, _)| d).filter(|d| d.year.is_some() && not_after_page(d)).max() {
        ev(evidence, "date_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    let p = page?;
    let first = lede.first().copied().unwrap_or("");
    if let Some(&(d, s, e)) = dates.first().and_then(|f| f.first()) {
        let d = d.resolve_year(p);
        ev(evidence, "date_in_text", &first[s..e]);
        return Some(d);
    }
    let day = dateline.day.or_else(|| find_days(first).first().map(|d| d.0));
    if let Some(d) = day.and_then(|day| p.last_day_of_month_number(day)) {
        ev(evidence, "day_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    if let Some(d) = find_weekdays(prefix(first, WEEKDAY_REACH)).first().and_then(|w| p.last_weekday(w.0)) {
        ev(evidence, "weekday_in_text", &d.iso().unwrap_or_default());
        return Some(d);
    }
    ev(evidence, "story_date_is_page_date", &p.iso().unwrap_or_default());
    Some(p)
}
