//! Dates written on pages: ISO forms, 2024年9月22日 / 2025년 11월 27일, "Nov. 23, 2022",
//! "23 November 2022", month-day forms without a year ("Nov. 23", "3月5日"), and dates in
//! URL paths. A small tokenizer and a few token patterns: no regex engine in the wasm.

use crate::text::fold_char;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date { year: Some(year), month, day }
    }
    /// `YYYY-MM-DD`, when the year is known.
    pub fn iso(&self) -> Option<String> {
        self.year.map(|y| format!("{y:04}-{:02}-{:02}", self.month, self.day))
    }
    /// A month-day date placed in the latest year that does not put it after `reference`.
    pub fn resolve_year(&self, reference: Date) -> Date {
        match (self.year, reference.year) {
            (Some(_), _) | (None, None) => *self,
            (None, Some(y)) => {
                let y = if (self.month, self.day) > (reference.month, reference.day) { y - 1 } else { y };
                Date { year: Some(y), ..*self }
            }
        }
    }
}

const MIN_YEAR: u32 = 1990;
const MAX_YEAR: u32 = 2100;

const MONTHS: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num { value: u32, digits: usize },
    Word(String),
    Mark(char),
}

fn tokenize(text: &str) -> Vec<(Tok, usize, usize)> {
    let mut toks = Vec::new();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let c = fold_char(c);
        if c.is_ascii_digit() {
            let mut value = c.to_digit(10).unwrap_or(0);
            let mut digits = 1;
            let mut end = start + c.len_utf8();
            while let Some(&(i, d)) = it.peek() {
                let d = fold_char(d);
                if !d.is_ascii_digit() {
                    break;
                }
                if digits < 9 {
                    value = value * 10 + d.to_digit(10).unwrap_or(0);
                }
                digits += 1;
                end = i + d.len_utf8();
                it.next();
            }
            toks.push((Tok::Num { value, digits }, start, end));
        } else if c.is_ascii_alphabetic() {
            let mut w = String::from(c);
            let mut end = start + 1;
            while let Some(&(i, d)) = it.peek() {
                let d = fold_char(d);
                if !d.is_ascii_alphabetic() {
                    break;
                }
                w.push(d);
                end = i + 1;
                it.next();
            }
            toks.push((Tok::Word(w), start, end));
        } else if !c.is_whitespace() {
            toks.push((Tok::Mark(c), start, start + c.len_utf8()));
        }
    }
    toks
}

fn month_of(t: &Tok) -> Option<u8> {
    match t {
        Tok::Word(w) => MONTHS.iter().find(|(m, _)| m == w).map(|(_, n)| *n),
        _ => None,
    }
}

fn num(t: Option<&(Tok, usize, usize)>, max_digits: usize) -> Option<u32> {
    match t {
        Some((Tok::Num { value, digits }, _, _)) if *digits <= max_digits => Some(*value),
        _ => None,
    }
}

fn is_mark(t: Option<&(Tok, usize, usize)>, marks: &[char]) -> bool {
    matches!(t, Some((Tok::Mark(c), _, _)) if marks.contains(c))
}

fn valid(y: Option<u32>, m: u32, d: u32) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
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
    let t = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if let Some((date, used)) = date_at(&t, i) {
            out.push((date, t[i].1, t[i + used - 1].2));
            i += used;
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at token `i`, and how many tokens it used.
fn date_at(t: &[(Tok, usize, usize)], i: usize) -> Option<(Date, usize)> {
    let at = |k: usize| t.get(i + k);
    // 2024-09-22, 2024/9/22, 2024.09.22
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
    // 3月5日 (year unknown)
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
    // Nov. 23, 2022 / November 23 2022 / Nov. 23
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
    // 23 November 2022 / 23. November 2022
    if let Some(d) = num(at(0), 2) {
        let mut k = 1;
        if is_mark(at(k), &['.']) {
            k += 1;
        }
        if let Some(m) = at(k).and_then(|(tok, _, _)| month_of(tok)) {
            k += 1;
            if is_mark(at(k), &['.', ',']) {
                k += 1;
            }
            if let (Some(y), Some((Tok::Num { digits: 4, .. }, _, _))) = (num(at(k), 4), at(k)) {
                if let Some(date) = valid(Some(y), m as u32, d) {
                    return Some((date, k + 1));
                }
            }
        }
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<Date> {
        find_dates(s).into_iter().map(|(d, _, _)| d).collect()
    }

    #[test]
    fn written_dates() {
        assert_eq!(dates("on Nov. 23, 2022. (Ministry)"), [Date::ymd(2022, 11, 23)]);
        assert_eq!(dates("发表于 2024-09-22 01:06:18"), [Date::ymd(2024, 9, 22)]);
        assert_eq!(dates("２０２５年３月６日"), [Date::ymd(2025, 3, 6)]);
        assert_eq!(dates("입력 2025년 11월 27일 14:05"), [Date::ymd(2025, 11, 27)]);
        assert_eq!(dates("12 June 2025"), [Date::ymd(2025, 6, 12)]);
        assert_eq!(dates("新华社北京3月5日电"), [Date { year: None, month: 3, day: 5 }]);
        assert_eq!(dates("SEOUL, Nov. 23 (Yonhap)"), [Date { year: None, month: 11, day: 23 }]);
        assert!(dates("version 2.0.1 and 1999-13-40").is_empty());
    }

    #[test]
    fn year_resolution() {
        let d = Date { year: None, month: 12, day: 30 };
        assert_eq!(d.resolve_year(Date::ymd(2025, 1, 2)), Date::ymd(2024, 12, 30));
        assert_eq!(Date { year: None, month: 3, day: 5 }.resolve_year(Date::ymd(2025, 3, 6)), Date::ymd(2025, 3, 5));
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_in_url("http://x.example/html/2024/0922/87410.html"), Some(Date::ymd(2024, 9, 22)));
        assert_eq!(date_in_url("https://x.example/business/2025/06/13/slug"), Some(Date::ymd(2025, 6, 13)));
        assert_eq!(date_in_url("http://x.example/zcjd/202507/t20250703_90344.html"), Some(Date::ymd(2025, 7, 3)));
        assert_eq!(date_in_url("https://x.example/v/20251127140512345"), None);
    }
}
