use std::fmt;

use chrono::{Datelike, NaiveDate};

/// The months' English names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date that may lack its day or its month (GUIDELINES §3:
/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self::from)
    }

    pub fn ym(year: i32, month: u32) -> Option<Self> {
        (1..=12).contains(&month).then_some(Self { year, month: Some(month), day: None })
    }

    pub fn y(year: i32) -> Self {
        Self { year, month: None, day: None }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month = match parts.next() {
            None => return Some(Self::y(year)),
            Some(m) => m.parse().ok()?,
        };
        let day = match parts.next() {
            None => return Self::ym(year, month),
            Some(d) => d.parse().ok()?,
        };
        if parts.next().is_some() {
            return None;
        }
        Self::ymd(year, month, day)
    }

    /// The full date when day and month are known.
    pub fn to_date(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    /// The first day of the period the date names (`2005` is 2005-01-01).
    pub fn start(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// Whether `self`, as written in gold, accepts `other` (a gold `YYYY-MM`
    /// matches any day of that month).
    pub fn accepts(self, other: PartialDate) -> bool {
        self.year == other.year
            && self.month.is_none_or(|m| other.month == Some(m))
            && self.day.is_none_or(|d| other.day == Some(d))
    }
}

impl From<NaiveDate> for PartialDate {
    fn from(d: NaiveDate) -> Self {
        Self { year: d.year(), month: Some(d.month()), day: Some(d.day()) }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// 1970-01-01, day 0 of Arrow's `Date32`.
const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();

/// Days since 1970-01-01: a date as Arrow's `Date32` stores it.
pub fn epoch_days(d: NaiveDate) -> i32 {
    (d - EPOCH).num_days() as i32
}

/// The date `days` after 1970-01-01 (a `Date32` value), if representable.
pub fn from_epoch_days(days: i32) -> Option<NaiveDate> {
    EPOCH.checked_add_signed(chrono::Duration::days(days.into()))
}

#[cfg(test)]
mod tests {
    use super::PartialDate;

    #[test]
    fn parse_and_display_round_trip() {
        for s in ["2004", "2004-06", "2004-06-01"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(PartialDate::parse("2004-13"), None);
        assert_eq!(PartialDate::parse("2004-02-30"), None);
        assert!(PartialDate::parse("2004-06").unwrap().accepts(PartialDate::parse("2004-06-17").unwrap()));
        assert!(!PartialDate::parse("2004-06-02").unwrap().accepts(PartialDate::parse("2004-06").unwrap()));
    }
}
