//! The later gathering stages: markup pointing at the story's origin, credit lines and
//! bylines near the headline (and authors in markup), source labels ("来源：…",
//! "Source: …", "引用元：…") and their meta forms. Each names an agency only by a value
//! that is its name (or ends in it, or is its address), never by a mention in passing.

use super::evidence::{ev, Found, Rank};
use super::input::Input;
use super::markup::{host_of, Clue, ClueKind};
use super::signals::{self, name_hits, Cited};
use crate::lexicon::{agencies, attribution};
use crate::page::NodeId;
use crate::plan::Evidence;
use crate::text::{collapse, fold};

/// Gathers the markup, credit and label clues.
pub(super) fn gather(input: &Input, clues: &[Clue], found: &mut Found) {
    markup_origin(clues, found);
    credits(input, clues, found);
    found.label = source_label(input, &mut found.evidence);
    if let Some(c) = found.label.as_deref().and_then(agency_in) {
        found.cite(Rank::Label, c);
    }
    for c in clues.iter().filter(|c| c.kind == ClueKind::Claim) {
        if let Some(cited) = agency_in(&c.value) {
            ev(&mut found.evidence, &c.signal, &c.value);
            found.cite(Rank::Label, cited);
        }
    }
}

/// The agency a free-text value names: exactly, by a name it ends with, or by its URL's host.
fn agency_in(value: &str) -> Option<Cited> {
    let table = agencies();
    let f = fold(value);
    let f = f.trim();
    if let Some(&i) = table.by_name.get(f) {
        return Some(Cited { agency: i, name: f.to_string() });
    }
    if let Some(host) = host_of(value) {
        let a = table.by_domain(&host)?;
        // Known by its address only: no name cited (the display falls back to the canonical name).
        return Some(Cited { agency: table.index_of(a), name: String::new() });
    }
    name_hits(f).into_iter().filter(|h| h.end == f.len() || h.start == 0).max_by_key(|h| h.end - h.start).map(|h| h.cited())
}

/// Markup pointing at the origin (an agency, else a name or a site elsewhere), and the
/// JSON-LD copyright holder when it is an agency.
fn markup_origin(clues: &[Clue], found: &mut Found) {
    for c in clues {
        match c.kind {
            ClueKind::Origin => {
                ev(&mut found.evidence, &c.signal, &c.value);
                match agency_in(&c.value) {
                    Some(cited) => found.cite(Rank::Markup, cited),
                    None => {
                        if found.elsewhere.is_none() {
                            found.elsewhere = Some(host_of(&c.value).unwrap_or_else(|| c.value.clone()));
                        }
                    }
                }
            }
            ClueKind::Copyright => {
                if let Some(cited) = agency_in(&c.value) {
                    ev(&mut found.evidence, &c.signal, &c.value);
                    found.cite(Rank::Markup, cited);
                }
            }
            _ => {}
        }
    }
}

/// Credit lines and bylines near the headline (the fullest one is the page's credit), and
/// authors in markup that name an agency.
fn credits(input: &Input, clues: &[Clue], found: &mut Found) {
    let page = input.page;
    for i in input.header_region() {
        if input.in_article(i) || input.skipped(i) {
            continue;
        }
        let text = match page.text(i) {
            Some(t) => t,
            None if page.tag(i) == "img" => page.attr(i, "alt").unwrap_or(""),
            None => continue,
        };
        if let Some(c) = signals::credit(text) {
            if !found.evidence.iter().any(|e| e.signal == "credit" && e.text == collapse(text)) {
                ev(&mut found.evidence, "credit", text);
            }
            // The fullest credit wins ("Associated Press" over a kicker "AP").
            if found.credit.as_ref().is_none_or(|old| c.name.chars().count() > old.name.chars().count()) {
                found.credit = Some(c);
            }
        }
    }
    for c in clues {
        if let ClueKind::Author { org } = c.kind {
            if let Some(cited) = agency_in(&c.value) {
                // "DANA WHITFIELD Associated Press" names an agency as employer.
                ev(&mut found.evidence, &c.signal, &c.value);
                found.cite(Rank::Credit, cited.clone());
                if found.credit.is_none() && org {
                    found.credit = Some(cited);
                }
            }
        }
    }
    if let Some(c) = found.credit.clone() {
        found.cite(Rank::Credit, c);
    }
}

/// The first source label near the headline or in the article, read per text node so a
/// neighbouring span ("字号：大 中 小") never joins the value.
#[inline(never)]
fn source_label(input: &Input, evidence: &mut Vec<Evidence>) -> Option<String> {
    let page = input.page;
    let block_of = |i: NodeId| input.stats.block_of[i as usize];
    let start = input.story.title_node.unwrap_or(0);
    let texts: Vec<NodeId> = page.subtree(input.body()).filter(|&i| page.text(i).is_some() && !input.skipped(i)).collect();
    // Inside the article a label counts only in a lead or closing paragraph ("(Source: …)"
    // under a photo mid-story credits the photo).
    let article = input.article_blocks();
    let edge: Vec<NodeId> = article.lead().chain(article.closing()).map(|k| article.node(k)).collect();
    let mut found: Vec<(NodeId, String)> = Vec::new();
    for (k, &i) in texts.iter().enumerate() {
        let block = block_of(i);
        let t = page.text(i).unwrap_or("");
        // A label is followed by a colon (full-width folds to ASCII): most text nodes can
        // be passed over without folding them.
        if !t.contains([':', '：']) || !input.is_short_line(block) {
            continue;
        }
        if input.in_article(i) && !edge.contains(&block) {
            // …or when the label opens its own line ("引用元：共同通信" under a quoted story).
            let opens_line = k == 0 || block_of(texts[k - 1]) != block;
            if !(opens_line && attribution().source_label_ac.find(&fold(t)).is_some_and(|m| m.start() == 0)) {
                continue;
            }
        }
        let Some(mut value) = signals::label_value(t) else { continue };
        if value.is_empty() {
            // "引用元：<a>共同通信</a>": the value is the next text in the same block.
            if let Some(&n) = texts.get(k + 1).filter(|&&n| block_of(n) == block) {
                value = signals::cut_value(page.text(n).unwrap_or(""));
            }
        }
        if !value.is_empty() {
            found.push((i, value));
        }
    }
    // Nearest to the headline first.
    crate::sort::by_key(&mut found, |(n, _)| crate::sort::nearest_after(*n, start));
    let (i, value) = found.into_iter().next()?;
    ev(evidence, "source_label", &collapse(&page.raw_text(block_of(i))));
    Some(value)
}
