//! Dates written on pages: ISO forms, 2024年9月22日 / 2025년 11월 27일, "Nov. 23, 2022",
//! "23 November 2022", month-day forms without a year ("Nov. 23", "3月5日"), and dates in
//! URL paths; month names in English, German, French, Spanish, Italian and Portuguese
//! ("23. November 2022", "5 mars 2025", "23 de noviembre de 2022"); day-only mentions
//! ("4日", "27일") and weekdays ("on Tuesday", "화요일", "周二") resolved against a
//! reference date. A small tokenizer (`tokens`) and a few token patterns (`find`): no
//! regex engine in the wasm. `date` holds the date itself and its calendar arithmetic.

mod date;
mod find;
#[cfg(test)]
mod tests;
mod tokens;

pub use date::Date;
pub use find::{date_in_url, find_dates, find_days, find_weekdays};
