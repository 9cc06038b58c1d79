//! Datelines: the line opening a story that names its agency, its city and often its date
//! ("SEOUL, Nov. 23 (Yonhap) --", "新华社北京3月5日电"). Templates from `data/` (words
//! NAME, CITY, DATE, REPORTER between literal text) are compiled once and matched against
//! the start of a folded line by a bounded backtracking search.

use super::names::{name_hits, Cited, NameHit};
use crate::analysis::dates::{find_dates, find_days, Date};
use crate::lexicon::{agencies, attribution};
use crate::text::{fold, fold_char};
use std::sync::OnceLock;

// ---- tunables ----
/// Longest city in a dateline (characters).
const MAX_CITY_CHARS: usize = 40;
/// Longest reporter name in a dateline (characters).
const MAX_REPORTER_CHARS: usize = 24;
/// Backtracking steps one template may take on one line.
const MAX_MATCH_STEPS: usize = 4000;

#[derive(Clone, Debug, PartialEq)]
enum El {
    Lit(String),
    Name,
    City,
    Date,
    Reporter,
}

struct Template {
    els: Vec<El>,
    /// Only this agency's names fill NAME (templates from the agency table).
    agency: Option<usize>,
}

fn compile(t: &str, agency: Option<usize>) -> Template {
    let mut els = Vec::new();
    let mut lit = String::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let word = [("NAME", El::Name), ("CITY", El::City), ("DATE", El::Date), ("REPORTER", El::Reporter)]
            .into_iter()
            .find(|(w, _)| rest.starts_with(w));
        if let Some((w, el)) = word {
            if !lit.is_empty() {
                els.push(El::Lit(std::mem::take(&mut lit)));
            }
            els.push(el);
            rest = &rest[w.len()..];
            continue;
        }
        if c.is_whitespace() {
            if !lit.is_empty() {
                els.push(El::Lit(std::mem::take(&mut lit)));
            }
        } else {
            lit.push(fold_char(c));
        }
        rest = &rest[c.len_utf8()..];
    }
    if !lit.is_empty() {
        els.push(El::Lit(lit));
    }
    Template { els, agency }
}

/// Compiles the dateline templates now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    templates();
}

fn templates() -> &'static [Template] {
    static T: OnceLock<Vec<Template>> = OnceLock::new();
    T.get_or_init(|| {
        let mut out: Vec<Template> = attribution().datelines.iter().map(|t| compile(t, None)).collect();
        for (i, a) in agencies().agencies.iter().enumerate() {
            out.extend(a.datelines.iter().map(|t| compile(t, Some(i))));
        }
        out
    })
}

fn skip_ws(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start().len()
}

/// `lit` at `pos` (a `-` in the template takes a run of dashes); the end of the match.
fn match_lit(text: &str, pos: usize, lit: &str) -> Option<usize> {
    let mut t = text[pos..].char_indices().peekable();
    let mut l = lit.chars().peekable();
    let mut end = pos;
    while let Some(lc) = l.next() {
        let (i, tc) = t.next()?;
        if lc != tc {
            return None;
        }
        end = pos + i + tc.len_utf8();
        if lc == '-' {
            while l.peek() == Some(&'-') {
                l.next();
            }
            while let Some(&(i, '-')) = t.peek() {
                end = pos + i + 1;
                t.next();
            }
        }
    }
    Some(end)
}

/// A dateline found at the start of a line.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::analysis::attribution) struct Dateline {
    pub cited: Cited,
    pub date: Option<Date>,
    pub day: Option<u8>,
    /// The folded text the template matched.
    pub text: String,
}

#[derive(Clone)]
struct State {
    el: usize,
    pos: usize,
    cited: Option<Cited>,
    date: Option<Date>,
    day: Option<u8>,
}

/// One folded line and what the templates ask of it, computed once for all of them.
struct Line<'a> {
    text: &'a str,
    hits: &'a [NameHit],
    names: &'a [(usize, usize)],
    memo: &'a DateMemo,
}

fn match_template(t: &Template, line: &Line) -> Option<Dateline> {
    // A match needs a NAME filled (`cited`), and an agency's own template only takes that
    // agency's names: without such a hit on the line the template cannot match.
    if t.agency.is_some_and(|a| !line.hits.iter().any(|h| h.agency == a)) {
        return None;
    }
    let text = line.text;
    let mut stack = vec![State { el: 0, pos: 0, cited: None, date: None, day: None }];
    let mut steps = 0;
    while let Some(st) = stack.pop() {
        steps += 1;
        if steps > MAX_MATCH_STEPS {
            return None;
        }
        let Some(el) = t.els.get(st.el) else {
            let cited = st.cited?;
            return Some(Dateline { cited, date: st.date, day: st.day, text: text[..st.pos].trim().to_string() });
        };
        let pos = skip_ws(text, st.pos);
        let next = |pos: usize| State { el: st.el + 1, pos, ..st.clone() };
        match el {
            El::Lit(l) => {
                if let Some(end) = match_lit(text, pos, l) {
                    stack.push(next(end));
                }
            }
            El::Name => {
                for h in line.hits.iter().filter(|h| h.start == pos && t.agency.is_none_or(|a| a == h.agency)) {
                    stack.push(State { cited: Some(h.cited()), ..next(h.end) });
                }
            }
            El::City | El::Reporter => {
                // Shortest first: pushed last.
                for end in free_text_ends(el, line, pos).into_iter().rev() {
                    stack.push(next(end));
                }
            }
            El::Date => match line.memo.at(text, pos) {
                DateAt::Date(d, e) => stack.push(State { date: Some(d), ..next(pos + e) }),
                DateAt::Day(d, e) => stack.push(State { day: Some(d), ..next(pos + e) }),
                DateAt::Neither => {}
            },
        }
    }
    None
}

/// Where a CITY or REPORTER starting at `pos` may end, shortest first: a run of the
/// characters it may hold, with at least one letter, up to its longest length.
fn free_text_ends(el: &El, line: &Line, pos: usize) -> Vec<usize> {
    let text = line.text;
    let city = *el == El::City;
    let max = if city { MAX_CITY_CHARS } else { MAX_REPORTER_CHARS };
    let mut ends = Vec::new();
    let mut letters = 0;
    for (i, c) in text[pos..].char_indices().take(max) {
        let ok = if city {
            c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '·' | ',' | '-')
        } else {
            !matches!(c, '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '=' | '〔' | '〕')
        };
        if !ok {
            break;
        }
        letters += usize::from(c.is_alphabetic());
        let end = pos + i + c.len_utf8();
        let part = text[pos..end].trim();
        // A city is never an agency ("[AP=연합뉴스]" is a photo credit).
        if letters > 0 && !(city && line.names.contains(&(pos, pos + part.len()))) {
            ends.push(end);
        }
    }
    ends
}

/// The dateline opening `line`, if any template matches its start.
pub(in crate::analysis::attribution) fn dateline(line: &str) -> Option<Dateline> {
    let text = fold(line);
    let hits = name_hits(&text);
    if hits.is_empty() {
        return None;
    }
    let memo = DateMemo::default();
    // Every span that spells an agency name, word boundaries or not (a city is never one).
    let names: Vec<(usize, usize)> = agencies().names_all_ac.find_overlapping_iter(&text).map(|m| (m.start(), m.end())).collect();
    let line = Line { text: &text, hits: &hits, names: &names, memo: &memo };
    templates().iter().filter_map(|t| match_template(t, &line)).max_by_key(|d| d.text.len())
}

/// What opens the text at a position: a full date, a bare day ("5日"), or neither.
#[derive(Clone, Copy)]
enum DateAt {
    Date(Date, usize),
    Day(u8, usize),
    Neither,
}

/// Date lookups of one line by byte position: every template and every city length that
/// reaches the same position asks the same question, and the date scanners tokenize the
/// whole rest of the line to answer it.
#[derive(Default)]
struct DateMemo(std::cell::RefCell<Vec<(usize, DateAt)>>);

impl DateMemo {
    fn at(&self, text: &str, pos: usize) -> DateAt {
        if let Some(&(_, d)) = self.0.borrow().iter().find(|(p, _)| *p == pos) {
            return d;
        }
        let rest = &text[pos..];
        let d = if let Some((d, 0, e)) = find_dates(rest).into_iter().next() {
            DateAt::Date(d, e)
        } else if let Some((d, 0, e)) = find_days(rest).into_iter().next() {
            DateAt::Day(d, e)
        } else {
            DateAt::Neither
        };
        self.0.borrow_mut().push((pos, d));
        d
    }
}

