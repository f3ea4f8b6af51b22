//! Self-stated importance of a feature (1–9).
//!
//! Source: METHODS §1.4 (optional self-stated importance 1–9, the weight of the feature's
//! point in the continuous plot). The mean is over the respondents who gave a rating with a
//! complete answer pair; `None` when nobody did.

use std::fmt;

use super::answer::{InvalidValue, fold};

/// An importance rating, 1 (not at all) … 9 (extremely important).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Importance(u8);

impl Importance {
    /// A rating 1–9; `None` outside that range.
    pub fn new(value: u8) -> Option<Importance> {
        (1..=9).contains(&value).then_some(Importance(value))
    }

    /// Parse a cell; see [`parse_importance`].
    pub fn parse(raw: &str) -> Result<Option<Importance>, InvalidValue> {
        parse_importance(raw)
    }

    /// The rating, 1–9.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Importance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Parse a self-stated importance rating 1–9: a digit (`7`) or a label that starts with the
/// integer (`9 - Extremely important`, `9 Extremely important`, `9: …`, `9 (…)`). The integer
/// must be followed by the end, white space, a dash, a colon or an opening parenthesis, so
/// `9.5` and `9x` are invalid; so are 0 and 10 and above. Blank is `Ok(None)`.
pub fn parse_importance(raw: &str) -> Result<Option<Importance>, InvalidValue> {
    // fast path: a bare digit, no allocation
    if let [d @ b'1'..=b'9'] = raw.as_bytes() {
        return Ok(Importance::new(d - b'0'));
    }
    let folded = fold(raw);
    if folded.is_empty() {
        return Ok(None);
    }
    let digits_end = folded.find(|c: char| !c.is_ascii_digit()).unwrap_or(folded.len());
    let (digits, rest) = folded.split_at(digits_end);
    let rest_ok = match rest.chars().next() {
        None => true,
        Some(c) => c == ' ' || c == ':' || c == '(',
    };
    if digits.is_empty() || !rest_ok {
        return Err(InvalidValue::new(raw));
    }
    digits
        .parse::<u8>()
        .ok()
        .and_then(Importance::new)
        .map(Some)
        .ok_or_else(|| InvalidValue::new(raw))
}

/// Running mean of importance ratings: O(1) memory.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportanceAccumulator {
    n: u64,
    sum: u64,
}

impl ImportanceAccumulator {
    /// Add one rating.
    pub fn push(&mut self, v: Importance) {
        self.n = self.n.saturating_add(1);
        self.sum = self.sum.saturating_add(u64::from(v.get()));
    }

    /// How many ratings.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The mean rating; `None` when no rating was given.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn importance() {
        let parse_importance = |s: &str| super::parse_importance(s).map(|v| v.map(Importance::get));
        for v in 1..=9u8 {
            assert_eq!(parse_importance(&v.to_string()), Ok(Some(v)));
        }
        assert_eq!(parse_importance("9 - Extremely important"), Ok(Some(9)));
        assert_eq!(parse_importance("3 - Somewhat important"), Ok(Some(3)));
        assert_eq!(parse_importance("7-Very important"), Ok(Some(7)));
        assert_eq!(parse_importance("5 Important"), Ok(Some(5)));
        assert_eq!(parse_importance("5: important"), Ok(Some(5)));
        assert_eq!(parse_importance("5 (important)"), Ok(Some(5)));
        assert_eq!(parse_importance(" ６ "), Ok(Some(6)));
        assert_eq!(parse_importance(""), Ok(None));
        assert_eq!(parse_importance("  "), Ok(None));
        for bad in ["0", "10", "9.5", "9x", "Extremely important", "-3", "x9", "999999999999"] {
            assert!(parse_importance(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn range() {
        assert_eq!(Importance::new(0), None);
        assert_eq!(Importance::new(10), None);
        for v in 1..=9 {
            assert_eq!(Importance::new(v).map(Importance::get), Some(v));
        }
    }

    #[test]
    fn mean() {
        let mut acc = ImportanceAccumulator::default();
        assert_eq!(acc.mean(), None);
        for v in [9, 7, 6, 3] {
            acc.push(Importance::new(v).unwrap());
        }
        assert_eq!(acc.count(), 4);
        assert_eq!(acc.mean(), Some(6.25));
    }
}
