//! The date patterns over the tokens: full and month-day dates, day-only mentions,
//! weekdays, and dates in URL paths.

use super::tokens::{is_de, is_mark, month_of, num, tokenize, Spanned, Tok, NO_WEEKDAY, WEEKDAY_CJK};
use super::date::Date;

/// Years outside this range are no dates (version numbers, counts, identifiers).
const MIN_YEAR: u32 = 1990;
const MAX_YEAR: u32 = 2100;

/// The date, when it is a real one: a month, a day that month has, a year in range.
fn valid(y: Option<u32>, m: u32, d: u32) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // No 30 February, no 31 April: day numbers would turn "2024-02-30" into 1 March (the
    // fuzz target's round-trip check holds this). Without a year, 29 February may be real.
    let leap = y.is_none_or(|y| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
    let month_days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if d > month_days {
        return None;
    }
    if let Some(y) = y {
        if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
            return None;
        }
    }
    Some(Date { year: y.map(|y| y as u16), month: m as u8, day: d as u8 })
}

/// Every date written in `text`, with its byte span, in order.
pub fn find_dates(text: &str) -> Vec<(Date, usize, usize)> {
    dates_in(&tokenize(text))
}

/// `find_dates` over the text's tokens.
fn dates_in(t: &[Spanned]) -> Vec<(Date, usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some((date, used)) = date_at(t, i) {
            out.push((date, t[i].1, t[i + used - 1].2));
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at token `i`, and how many tokens it used: the first of the patterns
/// that matches there.
fn date_at(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    year_first(t, i)
        .or_else(|| dotted_day_first(t, i))
        .or_else(|| month_day_cjk(t, i))
        .or_else(|| month_name_first(t, i))
        .or_else(|| day_first(t, i))
}

/// A date written year first: 2024-09-22, 2024/9/22, 2024.09.22, 2024年9月22日, 2025년 11월 27일.
fn year_first(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    if let (Some(y), true) = (num(at(0), 4), matches!(at(0), Some((Tok::Num { digits: 4, .. }, _, _)))) {
        if is_mark(at(1), &['-', '/', '.']) && is_mark(at(3), &['-', '/', '.']) {
            if let (Some(m), Some(d)) = (num(at(2), 2), num(at(4), 2)) {
                if let Some(date) = valid(Some(y), m, d) {
                    return Some((date, 5));
                }
            }
        }
        // 2024年9月22日, 2025년 11월 27일
        if is_mark(at(1), &['年', '년']) && is_mark(at(3), &['月', '월']) {
            if let (Some(m), Some(d)) = (num(at(2), 2), num(at(4), 2)) {
                if let Some(date) = valid(Some(y), m, d) {
                    let used = if is_mark(at(5), &['日', '일']) { 6 } else { 5 };
                    return Some((date, used));
                }
            }
        }
        // 20250703 inside identifiers is handled by `date_in_url`, not here.
    }
    None
}

/// A date written day first with dots: 21.05.2025 (the European way).
fn dotted_day_first(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    if let (Some(d), Some(m)) = (num(at(0), 2), num(at(2), 2)) {
        if is_mark(at(1), &['.']) && is_mark(at(3), &['.']) && matches!(at(4), Some((Tok::Num { digits: 4, .. }, _, _))) {
            if let Some(date) = valid(num(at(4), 4), m, d) {
                return Some((date, 5));
            }
        }
    }
    None
}

/// A CJK month and day without a year: 3月5日, 11월 27일.
fn month_day_cjk(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    if let Some(m) = num(at(0), 2) {
        if is_mark(at(1), &['月', '월']) {
            if let Some(d) = num(at(2), 2) {
                if is_mark(at(3), &['日', '일']) {
                    if let Some(date) = valid(None, m, d) {
                        return Some((date, 4));
                    }
                }
            }
        }
    }
    None
}

/// A month name, then the day and maybe the year: Nov. 23, 2022 / November 23 2022 / Nov. 23.
fn month_name_first(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    if let Some(m) = at(0).and_then(|(tok, _, _)| month_of(tok)) {
        let mut k = 1;
        if is_mark(at(k), &['.']) {
            k += 1;
        }
        if let Some(d) = num(at(k), 2) {
            k += 1;
            let mut k2 = k;
            if is_mark(at(k2), &[',']) {
                k2 += 1;
            }
            if let (Some(y), Some((Tok::Num { digits: 4, .. }, _, _))) = (num(at(k2), 4), at(k2)) {
                if let Some(date) = valid(Some(y), m as u32, d) {
                    return Some((date, k2 + 1));
                }
            }
            if let Some(date) = valid(None, m as u32, d) {
                return Some((date, k));
            }
        }
    }
    None
}

/// The day, then a month name and maybe the year: 23 November 2022 / 23. November 2022 /
/// 23 de noviembre de 2022 / 5 mar.
fn day_first(t: &[Spanned], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    if let Some(d) = num(at(0), 2) {
        let mut k = 1;
        if is_mark(at(k), &['.']) {
            k += 1;
        }
        if is_de(at(k)) {
            k += 1;
        }
        if let Some(m) = at(k).and_then(|(tok, _, _)| month_of(tok)) {
            k += 1;
            if is_mark(at(k), &['.', ',']) {
                k += 1;
            }
            if is_de(at(k)) {
                k += 1;
            }
            if let (Some(y), Some((Tok::Num { digits: 4, .. }, _, _))) = (num(at(k), 4), at(k)) {
                if let Some(date) = valid(Some(y), m as u32, d) {
                    return Some((date, k + 1));
                }
            }
            // "5 mar", "23. November" without a year.
            if let Some(date) = valid(None, m as u32, d) {
                return Some((date, k_month_end(t, i, k)));
            }
        }
    }
    None
}

/// Tokens used by a day-month date without a year: up to and including the month word.
fn k_month_end(t: &[Spanned], i: usize, k: usize) -> usize {
    // `k` may have moved past a trailing '.', ',' or "de"; back up to the month word.
    let mut used = k;
    while used > 1 && month_of(&t[i + used - 1].0).is_none() {
        used -= 1;
    }
    used
}

/// Day-of-month mentions without a month ("4日", "27일"), outside full dates, with
/// their byte spans. "3日間" / "3일간" (a duration) is not a date.
pub fn find_days(text: &str) -> Vec<(u8, usize, usize)> {
    let t = tokenize(text);
    let full = dates_in(&t);
    let mut out = Vec::new();
    for i in 0..t.len() {
        let at = |k: usize| t.get(i + k);
        let Some(d) = num(at(0), 2) else { continue };
        if !is_mark(at(1), &['日', '일']) || is_mark(at(2), &['間', '间', '간', '동']) {
            continue;
        }
        if i > 0 && is_mark(t.get(i - 1), &['月', '월', '第', '.', '/', '-']) {
            continue;
        }
        let (start, end) = (t[i].1, t[i + 1].2);
        if full.iter().any(|&(_, s, e)| s < end && start < e) || !(1..=31).contains(&d) {
            continue;
        }
        out.push((d as u8, start, end));
    }
    out
}

/// Weekday mentions (0 = Monday) with their byte spans.
pub fn find_weekdays(text: &str) -> Vec<(u8, usize, usize)> {
    let mut out: Vec<(u8, usize, usize)> = Vec::new();
    for (tok, s, e) in tokenize(text) {
        if let Tok::Word { weekday, .. } = tok {
            if weekday != NO_WEEKDAY {
                out.push((weekday, s, e));
            }
        }
    }
    for (name, d) in WEEKDAY_CJK {
        for (s, _) in text.match_indices(name) {
            out.push((*d, s, s + name.len()));
        }
    }
    crate::sort::by_key(&mut out, |&(_, s, _)| s as u64);
    out
}

/// A date in a URL path: /2024/0922/, /2025/06/13/, t20250703, 2025-03-06.
pub fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    let t = tokenize(path);
    for i in 0..t.len() {
        let at = |k: usize| t.get(i + k);
        if let Some((Tok::Num { value, digits: 8 }, _, _)) = at(0) {
            if let Some(d) = valid(Some(value / 10000), value / 100 % 100, value % 100) {
                return Some(d);
            }
        }
        if let Some((Tok::Num { value: y, digits: 4 }, _, _)) = at(0) {
            if !is_mark(at(1), &['/', '-', '_']) {
                continue;
            }
            match (at(2), at(3), at(4)) {
                (Some((Tok::Num { value: md, digits: 4 }, _, _)), _, _) => {
                    if let Some(d) = valid(Some(*y), md / 100, md % 100) {
                        return Some(d);
                    }
                }
                (Some((Tok::Num { value: m, digits: 1..=2 }, _, _)), Some((Tok::Mark('/' | '-'), _, _)), Some((Tok::Num { value: d, digits: 1..=2 }, _, _))) => {
                    if let Some(d) = valid(Some(*y), *m, *d) {
                        return Some(d);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

