//! Calendar dates of the model: the workshop's days, due dates of gaps and actions, the
//! reference date for overdue actions.
//!
//! Input: text written `YYYY-MM-DD` (a workshop file, a command-line option) or a Unix time
//! (`SOURCE_DATE_EPOCH`). Output: [`Date`], a day that exists, which serialises back to
//! the same `YYYY-MM-DD` text. An invalid date in a workshop file is a deserialisation
//! error carrying an "expected" and a hint ([`crate::diag::rich_error`]), so that the input
//! stage reports it at its line like any other wrong value. No I/O, no clock.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::diag::{Msg, PLACEHOLDER, rich_error};

/// A calendar date (proleptic Gregorian, years 1–9999) that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// Text that is not a date written `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a date: write YYYY-MM-DD, e.g. 2026-12-31")]
pub struct DateError {
    /// The text as given.
    pub text: String,
}

impl Date {
    /// What a date whose text was wrong reads as ([`PLACEHOLDER`]), so that the rest of
    /// its record can be checked: the first day there is, before any workshop.
    pub const PLACEHOLDER: Date = Date { year: 1, month: 1, day: 1 };

    /// The UTC calendar day of a Unix time in seconds (as `SOURCE_DATE_EPOCH` gives it);
    /// `None` before year 1 or after 9999.
    pub fn from_unix(secs: i64) -> Option<Date> {
        // H. Hinnant's days-to-civil algorithm
        let z = secs.div_euclid(86_400) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
        let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
        let year = i32::try_from(yoe + era * 400 + i64::from(month <= 2)).ok()?;
        (1..=9999).contains(&year).then_some(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD` (surrounding spaces allowed), checking the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut it = s.split('-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if it.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        if ![y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let (year, month, day) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // H. Hinnant's days-from-civil algorithm
        let (m, dd) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + dd - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s).ok_or_else(|| DateError { text: s.to_owned() })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == PLACEHOLDER {
            return Ok(Date::PLACEHOLDER);
        }
        Date::parse(&s).ok_or_else(|| {
            rich_error(
                Msg::new("not_a_date").text("value", &s),
                Some(Msg::new("date_expected")),
                Some(Msg::new("date_hint")),
            )
        })
    }
}

impl schemars::JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // The same schema as a text field: the description of each field says `YYYY-MM-DD`.
        schemars::json_schema!({ "type": "string" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days() {
        let d = |s| Date::from_unix(s).map(|d| (d.year, d.month, d.day));
        assert_eq!(d(0), Some((1970, 1, 1)));
        assert_eq!(d(1_795_000_000), Some((2026, 11, 18)));
        assert_eq!(d(951_782_400), Some((2000, 2, 29)));
        assert_eq!(d(-1), Some((1969, 12, 31)));
        assert_eq!(d(i64::MAX), None);
    }

    #[test]
    fn dates() {
        assert!(Date::parse("2026-11-20").is_some());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("2026/11/20").is_none());
        assert!(Date::parse("26-11-20").is_none());
        assert!(Date::parse("2026-04-31").is_none());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("+026-11-20").is_none());
        assert!(Date::parse("2026-+1-20").is_none());
    }

    #[test]
    fn days_round_trip_unix_time() {
        for secs in [0, 86_400 * 20_000, -86_400 * 400, 1_795_000_000] {
            let Some(d) = Date::from_unix(secs) else { panic!("{secs}") };
            assert_eq!(d.days_since_epoch(), secs.div_euclid(86_400));
        }
    }

    #[test]
    fn text_round_trips() {
        let d: Date = "2026-11-20".parse().unwrap();
        assert_eq!(d.to_string(), "2026-11-20");
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-11-20\"");
        let back: Date = serde_json::from_str("\"2026-11-20\"").unwrap();
        assert_eq!(back, d);
        let e = "2026-02-30".parse::<Date>().unwrap_err();
        assert_eq!(e.to_string(), "`2026-02-30` is not a date: write YYYY-MM-DD, e.g. 2026-12-31");
        assert!(serde_json::from_str::<Date>("\"soon\"").is_err());
    }
}
