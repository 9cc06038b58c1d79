//! Dates written on pages: ISO forms, 2024年9月22日 / 2025년 11월 27일, "Nov. 23, 2022",
//! "23 November 2022", month-day forms without a year ("Nov. 23", "3月5日"), and dates in
//! URL paths; month names in English, German, French, Spanish, Italian and Portuguese
//! ("23. November 2022", "5 mars 2025", "23 de noviembre de 2022"); day-only mentions
//! ("4日", "27일") and weekdays ("on Tuesday", "화요일", "周二") resolved against a
//! reference date. A small tokenizer and a few token patterns: no regex engine in the wasm.

use crate::text::{fold_char, is_cjk};

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
    /// Days since 1970-01-01 (proleptic Gregorian), when the year is known.
    pub fn day_number(&self) -> Option<i64> {
        let (y, m, d) = (self.year? as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        Some(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468)
    }
    pub fn from_day_number(n: i64) -> Date {
        let z = n + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date::ymd(y as u16, m as u8, d as u8)
    }
    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> Option<u8> {
        self.day_number().map(|n| (n + 3).rem_euclid(7) as u8)
    }
    /// The latest date not after `self` whose day of the month is `day` (this month or an
    /// earlier one).
    pub fn last_day_of_month_number(&self, day: u8) -> Option<Date> {
        let n = self.day_number()?;
        (0..62).map(|k| Date::from_day_number(n - k)).find(|d| d.day == day)
    }
    /// The latest date not after `self` that falls on `weekday` (0 = Monday).
    pub fn last_weekday(&self, weekday: u8) -> Option<Date> {
        let n = self.day_number()?;
        (0..7).map(|k| Date::from_day_number(n - k)).find(|d| d.weekday() == Some(weekday))
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
    // English
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4), ("apr", 4),
    ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8), ("aug", 8), ("september", 9),
    ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10), ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
    // German
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("mai", 5), ("juni", 6), ("juli", 7),
    ("oktober", 10), ("dezember", 12),
    // French
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6), ("juillet", 7),
    ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11), ("décembre", 12), ("decembre", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6), ("julio", 7),
    ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10), ("noviembre", 11), ("diciembre", 12),
    // Italian
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6), ("luglio", 7),
    ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7), ("setembro", 9),
    ("outubro", 10), ("dezembro", 12),
];

/// Weekday names (0 = Monday) as whole words, in the languages of the month table.
const WEEKDAY_WORDS: &[(&str, u8)] = &[
    ("monday", 0), ("tuesday", 1), ("wednesday", 2), ("thursday", 3), ("friday", 4), ("saturday", 5), ("sunday", 6),
    ("montag", 0), ("dienstag", 1), ("mittwoch", 2), ("donnerstag", 3), ("freitag", 4), ("samstag", 5), ("sonntag", 6),
    ("lundi", 0), ("mardi", 1), ("mercredi", 2), ("jeudi", 3), ("vendredi", 4), ("samedi", 5), ("dimanche", 6),
    ("lunes", 0), ("martes", 1), ("miércoles", 2), ("jueves", 3), ("viernes", 4), ("sábado", 5), ("domingo", 6),
];

/// CJK weekday forms: 周二 / 星期二 (zh), 火曜 / 火曜日 (ja), 화요일 (ko).
const WEEKDAY_CJK: &[(&str, u8)] = &[
    ("星期一", 0), ("星期二", 1), ("星期三", 2), ("星期四", 3), ("星期五", 4), ("星期六", 5), ("星期日", 6), ("星期天", 6),
    ("周一", 0), ("周二", 1), ("周三", 2), ("周四", 3), ("周五", 4), ("周六", 5), ("周日", 6),
    ("月曜", 0), ("火曜", 1), ("水曜", 2), ("木曜", 3), ("金曜", 4), ("土曜", 5), ("日曜", 6),
    ("월요일", 0), ("화요일", 1), ("수요일", 2), ("목요일", 3), ("금요일", 4), ("토요일", 5), ("일요일", 6),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    Num { value: u32, digits: usize },
    /// A word (a run of folded letters outside CJK), by what the date patterns ask of it:
    /// the month it names (0: none), the weekday it names (`NO_WEEKDAY`: none), whether
    /// it is "de". Nothing else reads a word, so none is kept as a string.
    Word { month: u8, weekday: u8, de: bool },
    Mark(char),
}

const NO_WEEKDAY: u8 = u8::MAX;

/// Month and weekday names (from `MONTHS` and `WEEKDAY_WORDS`, which share no name) sorted
/// for a binary search, with their month (0: none) and weekday (`NO_WEEKDAY`: none).
fn names() -> &'static [(&'static str, u8, u8)] {
    static NAMES: std::sync::OnceLock<Vec<(&'static str, u8, u8)>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut v: Vec<(&'static str, u8, u8)> = MONTHS.iter().map(|&(n, m)| (n, m, NO_WEEKDAY)).collect();
        v.extend(WEEKDAY_WORDS.iter().map(|&(n, d)| (n, 0, d)));
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    })
}

/// The longest month or weekday name, in bytes.
const MAX_NAME_BYTES: usize = 10;

fn word(w: &str) -> Tok {
    let (mut month, mut weekday) = (0, NO_WEEKDAY);
    if w.len() <= MAX_NAME_BYTES {
        let names = names();
        if let Ok(k) = names.binary_search_by(|(n, _, _)| (*n).cmp(w)) {
            (month, weekday) = (names[k].1, names[k].2);
        }
    }
    Tok::Word { month, weekday, de: w == "de" }
}

fn tokenize(text: &str) -> Vec<(Tok, usize, usize)> {
    let mut toks = Vec::new();
    // The word being read (reused: no allocation per word).
    let mut w = String::new();
    let mut it = text.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        let c = fold_char(c);
        if c.is_ascii_digit() {
            let mut value = c.to_digit(10).unwrap_or(0);
            let mut digits = 1;
            let mut end = start + c.len_utf8();
            while let Some(&(i, raw)) = it.peek() {
                let d = fold_char(raw);
                if !d.is_ascii_digit() {
                    break;
                }
                if digits < 9 {
                    value = value * 10 + d.to_digit(10).unwrap_or(0);
                }
                digits += 1;
                end = i + raw.len_utf8();
                it.next();
            }
            toks.push((Tok::Num { value, digits }, start, end));
        } else if c.is_alphabetic() && !is_cjk(c) {
            w.clear();
            w.push(c);
            let mut end = start + c.len_utf8();
            while let Some(&(i, raw)) = it.peek() {
                let d = fold_char(raw);
                if !d.is_alphabetic() || is_cjk(d) {
                    break;
                }
                w.push(d);
                end = i + raw.len_utf8();
                it.next();
            }
            toks.push((word(&w), start, end));
        } else if !c.is_whitespace() {
            let raw_len = text[start..].chars().next().map_or(1, char::len_utf8);
            toks.push((Tok::Mark(c), start, start + raw_len));
        }
    }
    toks
}

fn month_of(t: &Tok) -> Option<u8> {
    match *t {
        Tok::Word { month, .. } if month != 0 => Some(month),
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

/// The word "de" ("23 de noviembre de 2022").
fn is_de(t: Option<&(Tok, usize, usize)>) -> bool {
    matches!(t, Some((Tok::Word { de: true, .. }, _, _)))
}

fn valid(y: Option<u32>, m: u32, d: u32) -> Option<Date> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // No 30 February, no 31 April (the fuzz target's round-trip check caught "2024-02-30"
    // becoming 1 March through day numbers, on a seed input). Without a year, 29 February may still be real.
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
fn dates_in(t: &[(Tok, usize, usize)]) -> Vec<(Date, usize, usize)> {
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
    // 21.05.2025 (day first, the European way)
    if let (Some(d), Some(m)) = (num(at(0), 2), num(at(2), 2)) {
        if is_mark(at(1), &['.']) && is_mark(at(3), &['.']) && matches!(at(4), Some((Tok::Num { digits: 4, .. }, _, _))) {
            if let Some(date) = valid(num(at(4), 4), m, d) {
                return Some((date, 5));
            }
        }
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
    // 23 November 2022 / 23. November 2022 / 23 de noviembre de 2022
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
fn k_month_end(t: &[(Tok, usize, usize)], i: usize, k: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<Date> {
        find_dates(s).into_iter().map(|(d, _, _)| d).collect()
    }

    #[test]
    fn names_fit_the_word_lookup() {
        for (n, _) in MONTHS.iter().chain(WEEKDAY_WORDS) {
            assert!(n.len() <= MAX_NAME_BYTES, "{n}");
            assert_eq!(crate::text::fold(n), *n, "{n} is not folded");
        }
    }

    #[test]
    fn impossible_days_are_not_dates() {
        // Fuzzing regression: 30 February was accepted and became 1 March.
        assert_eq!(dates("2024-02-30"), []);
        assert_eq!(dates("2023-02-29 and 2025-04-31"), []);
        assert_eq!(dates("2024-02-29"), [Date::ymd(2024, 2, 29)]);
        assert_eq!(dates("2000-02-29"), [Date::ymd(2000, 2, 29)]);
        assert_eq!(dates("1900-02-29"), []);
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
    fn other_languages() {
        assert_eq!(dates("Berlin, 23. März 2025 (dpa)"), [Date::ymd(2025, 3, 23)]);
        assert_eq!(dates("Paris, le 5 mars 2025 (AFP)"), [Date::ymd(2025, 3, 5)]);
        assert_eq!(dates("Madrid, 23 de noviembre de 2022 (EFE)"), [Date::ymd(2022, 11, 23)]);
        assert_eq!(dates("Roma, 4 settembre 2025 (ANSA)"), [Date::ymd(2025, 9, 4)]);
        assert_eq!(dates("Quelle: dpa | 21.05.2025"), [Date::ymd(2025, 5, 21)]);
        assert_eq!(dates("Lisboa, 4 de setembro de 2025 (Lusa)"), [Date::ymd(2025, 9, 4)]);
    }

    #[test]
    fn day_only_and_weekdays() {
        let days: Vec<u8> = find_days("米航空宇宙局（NASA）は4日、月面に").into_iter().map(|d| d.0).collect();
        assert_eq!(days, [4]);
        let days: Vec<u8> = find_days("노선 3개를 추가로 운행한다고 27일 밝혔다. 3일간 11월 2일").into_iter().map(|d| d.0).collect();
        assert_eq!(days, [27]);
        assert_eq!(find_weekdays("regulators on Tuesday proposed")[0].0, 1);
        assert_eq!(find_weekdays("国务院周二发布")[0].0, 1);
        assert_eq!(find_weekdays("정부는 화요일 발표했다")[0].0, 1);
        let page = Date::ymd(2025, 10, 7);
        assert_eq!(page.weekday(), Some(1));
        assert_eq!(page.last_weekday(1), Some(page));
        assert_eq!(page.last_weekday(4), Some(Date::ymd(2025, 10, 3)));
        assert_eq!(Date::ymd(2025, 9, 7).last_day_of_month_number(4), Some(Date::ymd(2025, 9, 4)));
        assert_eq!(Date::ymd(2025, 3, 2).last_day_of_month_number(30), Some(Date::ymd(2025, 1, 30)));
        assert_eq!(Date::from_day_number(Date::ymd(2024, 2, 29).day_number().unwrap()), Date::ymd(2024, 2, 29));
    }

    #[test]
    fn full_width_digits_keep_spans() {
        let text = "２０２５年３月６日 x";
        let (d, s, e) = find_dates(text)[0];
        assert_eq!(d, Date::ymd(2025, 3, 6));
        assert_eq!(&text[s..e], "２０２５年３月６日");
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
