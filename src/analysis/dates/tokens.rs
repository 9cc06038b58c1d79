//! The date tokenizer: numbers (full-width digits folded), words (by the month or weekday
//! they name, from the name tables here) and marks, each with its byte span.

use crate::text::{fold_char, is_cjk};

/// Month names (folded) and abbreviations, with their month.
pub(super) const MONTHS: &[(&str, u8)] = &[
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
pub(super) const WEEKDAY_WORDS: &[(&str, u8)] = &[
    ("monday", 0), ("tuesday", 1), ("wednesday", 2), ("thursday", 3), ("friday", 4), ("saturday", 5), ("sunday", 6),
    ("montag", 0), ("dienstag", 1), ("mittwoch", 2), ("donnerstag", 3), ("freitag", 4), ("samstag", 5), ("sonntag", 6),
    ("lundi", 0), ("mardi", 1), ("mercredi", 2), ("jeudi", 3), ("vendredi", 4), ("samedi", 5), ("dimanche", 6),
    ("lunes", 0), ("martes", 1), ("miércoles", 2), ("jueves", 3), ("viernes", 4), ("sábado", 5), ("domingo", 6),
];

/// CJK weekday forms: 周二 / 星期二 (zh), 火曜 / 火曜日 (ja), 화요일 (ko).
pub(super) const WEEKDAY_CJK: &[(&str, u8)] = &[
    ("星期一", 0), ("星期二", 1), ("星期三", 2), ("星期四", 3), ("星期五", 4), ("星期六", 5), ("星期日", 6), ("星期天", 6),
    ("周一", 0), ("周二", 1), ("周三", 2), ("周四", 3), ("周五", 4), ("周六", 5), ("周日", 6),
    ("月曜", 0), ("火曜", 1), ("水曜", 2), ("木曜", 3), ("金曜", 4), ("土曜", 5), ("日曜", 6),
    ("월요일", 0), ("화요일", 1), ("수요일", 2), ("목요일", 3), ("금요일", 4), ("토요일", 5), ("일요일", 6),
];

/// A token and its byte span in the text.
pub(super) type Spanned = (Tok, usize, usize);

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Tok {
    Num { value: u32, digits: usize },
    /// A word (a run of folded letters outside CJK), by what the date patterns ask of it:
    /// the month it names (0: none), the weekday it names (`NO_WEEKDAY`: none), whether
    /// it is "de". Nothing else reads a word, so none is kept as a string.
    Word { month: u8, weekday: u8, de: bool },
    Mark(char),
}

pub(super) const NO_WEEKDAY: u8 = u8::MAX;

/// Month and weekday names (from `MONTHS` and `WEEKDAY_WORDS`, which share no name) sorted
/// for a binary search, with their month (0: none) and weekday (`NO_WEEKDAY`: none).
/// Sorted at compile time: a run-time sort of this element type would bring its own copy
/// of the standard library's quicksort into the wasm.
pub(super) static NAMES: [(&str, u8, u8); MONTHS.len() + WEEKDAY_WORDS.len()] = sorted_names();

const fn sorted_names<const N: usize>() -> [(&'static str, u8, u8); N] {
    let mut v = [("", 0, NO_WEEKDAY); N];
    let mut i = 0;
    while i < MONTHS.len() {
        v[i] = (MONTHS[i].0, MONTHS[i].1, NO_WEEKDAY);
        i += 1;
    }
    while i < N {
        let (name, day) = WEEKDAY_WORDS[i - MONTHS.len()];
        v[i] = (name, 0, day);
        i += 1;
    }
    // An insertion sort, byte-wise (as `str`'s `Ord`).
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && str_less(v[j].0, v[j - 1].0) {
            let t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    v
}

/// `a < b` in `str`'s order, for const evaluation.
const fn str_less(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// The longest month or weekday name, in bytes.
pub(super) const MAX_NAME_BYTES: usize = 10;

/// The token of a folded word.
fn word(w: &str) -> Tok {
    let (mut month, mut weekday) = (0, NO_WEEKDAY);
    if w.len() <= MAX_NAME_BYTES {
        if let Ok(k) = NAMES.binary_search_by(|(n, _, _)| (*n).cmp(w)) {
            (month, weekday) = (NAMES[k].1, NAMES[k].2);
        }
    }
    Tok::Word { month, weekday, de: w == "de" }
}

/// The tokens of `text`, each with its byte span.
pub(super) fn tokenize(text: &str) -> Vec<Spanned> {
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

/// The month a word names.
pub(super) fn month_of(t: &Tok) -> Option<u8> {
    match *t {
        Tok::Word { month, .. } if month != 0 => Some(month),
        _ => None,
    }
}

/// The value of a number token of at most `max_digits` digits.
pub(super) fn num(t: Option<&Spanned>, max_digits: usize) -> Option<u32> {
    match t {
        Some((Tok::Num { value, digits }, _, _)) if *digits <= max_digits => Some(*value),
        _ => None,
    }
}

/// The token is one of the `marks`.
pub(super) fn is_mark(t: Option<&Spanned>, marks: &[char]) -> bool {
    matches!(t, Some((Tok::Mark(c), _, _)) if marks.contains(c))
}

/// The word "de" ("23 de noviembre de 2022").
pub(super) fn is_de(t: Option<&Spanned>) -> bool {
    matches!(t, Some((Tok::Word { de: true, .. }, _, _)))
}

