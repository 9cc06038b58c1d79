//! Tests of the date patterns and the calendar arithmetic.

use super::tokens::{MAX_NAME_BYTES, MONTHS, NAMES, NO_WEEKDAY, WEEKDAY_WORDS};
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

/// The compile-time sort gives what sorting at run time gives.
#[test]
fn names_are_sorted() {
    let mut v: Vec<(&str, u8, u8)> = MONTHS.iter().map(|&(n, m)| (n, m, NO_WEEKDAY)).collect();
    v.extend(WEEKDAY_WORDS.iter().map(|&(n, d)| (n, 0, d)));
    v.sort_unstable_by(|a, b| a.0.cmp(b.0));
    assert_eq!(NAMES[..], v[..]);
}

#[test]
fn impossible_days_are_not_dates() {
    // A fuzzing find: read as a date, 30 February becomes 1 March.
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
