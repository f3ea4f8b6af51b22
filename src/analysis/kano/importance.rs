//! Self-stated importance of a feature (1–9).
//!
//! Source: METHODS §1.4 (optional self-stated importance 1–9, the weight of the feature's
//! point in the continuous plot). The mean is over the respondents who gave a rating with a
//! complete answer pair; `None` when nobody did.

use std::fmt;

/// An importance rating, 1 (not at all) … 9 (extremely important).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Importance(u8);

impl Importance {
    /// A rating 1–9; `None` outside that range.
    pub fn new(value: u8) -> Option<Importance> {
        (1..=9).contains(&value).then_some(Importance(value))
    }

    /// Parse a cell; see [`super::answer::parse_importance`].
    pub fn parse(raw: &str) -> Result<Option<Importance>, super::answer::InvalidValue> {
        super::answer::parse_importance(raw)
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
