//! A date as pages write it (the year may be unknown) and the calendar arithmetic that
//! resolves it against another date.

/// A calendar date; the year is unknown in month-day forms ("Nov. 23", "3月5日").
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
    pub(crate) fn last_day_of_month_number(&self, day: u8) -> Option<Date> {
        let n = self.day_number()?;
        (0..62).map(|k| Date::from_day_number(n - k)).find(|d| d.day == day)
    }
    /// The latest date not after `self` that falls on `weekday` (0 = Monday).
    pub(crate) fn last_weekday(&self, weekday: u8) -> Option<Date> {
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

