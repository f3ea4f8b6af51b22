//! Fong's test: is the most frequent category really ahead of the second?
//!
//! Source: Fong 1996 (METHODS §1.3). With a, b the two largest counts and n all answers of
//! the feature (Q included), the difference is significant when
//! |a − b| ≥ 1.65 · √((a + b)(2n − a − b) / (2n)).
//!
//! Choices where METHODS leaves room:
//! - a and b are taken over all six categories, R and Q included, ranked by count with ties
//!   broken by the plurality order M > O > A > I > R > Q.
//! - n = 0: undefined (`None`).
//! - Not significant → the feature is *mixed*, labelled with the two letters in rank order
//!   (larger count first, ties by the plurality order), e.g. `"O/A"` for O = A. When the
//!   second category has no answers at all (one respondent, or every answer in one
//!   category) there is nothing to mix with: the verdict still reports the arithmetic
//!   (n = 1 is never significant) but the label stays `None`.

use serde::Serialize;

use super::category::{Category, Counts};

/// The z value of the one-sided 5 % test Fong uses.
pub const Z: f64 = 1.65;

/// Both sides of Fong's inequality for the two largest categories.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fong {
    /// The largest category.
    pub first: Category,
    /// The second largest category.
    pub second: Category,
    /// |a − b|, the left side.
    pub difference: f64,
    /// 1.65 · √((a + b)(2n − a − b) / (2n)), the right side.
    pub critical: f64,
    /// `difference ≥ critical`.
    pub significant: bool,
}

impl Fong {
    /// The mixed label (`"A/O"`) when the test is not significant and the second category
    /// has answers; `None` otherwise.
    pub fn mixed_label(&self, counts: &Counts) -> Option<String> {
        (!self.significant && counts.get(self.second) > 0)
            .then(|| format!("{}/{}", self.first, self.second))
    }
}

/// The verdict as reports carry it: every side `None` when the test is undefined (n = 0).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct FongVerdict {
    /// Whether the difference is significant.
    pub significant: Option<bool>,
    /// Left side, |a − b|.
    pub difference: Option<f64>,
    /// Right side, 1.65 · √((a + b)(2n − a − b) / (2n)).
    pub critical: Option<f64>,
}

impl From<Option<Fong>> for FongVerdict {
    fn from(f: Option<Fong>) -> FongVerdict {
        FongVerdict {
            significant: f.map(|f| f.significant),
            difference: f.map(|f| f.difference),
            critical: f.map(|f| f.critical),
        }
    }
}

/// Both sides of Fong's inequality for counts `a` and `b` out of `n` answers; `None` when
/// n = 0 or a + b > n (not counts of one feature).
pub fn sides(a: u64, b: u64, n: u64) -> Option<(f64, f64)> {
    let ab = a.checked_add(b)?;
    if n == 0 || ab > n {
        return None;
    }
    let (a, b, n, ab) = (a as f64, b as f64, n as f64, ab as f64);
    let critical = Z * ((ab * (2.0 * n - ab)) / (2.0 * n)).max(0.0).sqrt();
    Some(((a - b).abs(), critical))
}

/// Whether `a` and `b` out of `n` differ significantly by Fong's test; `None` when n = 0.
pub fn significant(a: u64, b: u64, n: u64) -> Option<bool> {
    sides(a, b, n).map(|(difference, critical)| difference >= critical)
}

/// Fong's test on the two largest categories of a feature; `None` when n = 0.
pub fn test(counts: &Counts) -> Option<Fong> {
    let ranked = counts.ranked(&Category::ALL);
    let (&first, &second) = (ranked.first()?, ranked.get(1)?);
    let (difference, critical) = sides(counts.get(first), counts.get(second), counts.total())?;
    Some(Fong { first, second, difference, critical, significant: difference >= critical })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example() {
        // METHODS §1.3: a=30, b=12, |a−b|=18, √(42·70/112)=5.123, 1.65·5.123=8.45.
        let c = Counts::new(12, 30, 5, 8, 1, 0);
        let f = test(&c).unwrap();
        assert_eq!((f.first, f.second), (Category::O, Category::A));
        assert!((f.difference - 18.0).abs() < 1e-12);
        assert!((f.critical / Z - 5.123).abs() < 0.0005, "{}", f.critical / Z);
        assert!((f.critical - 8.45).abs() < 0.005, "{}", f.critical);
        assert!(f.significant);
        assert_eq!(f.mixed_label(&c), None);
        let v = FongVerdict::from(Some(f));
        assert_eq!(v.significant, Some(true));
    }

    #[test]
    fn not_significant_is_mixed() {
        // a=20, b=17, n=50: critical = 1.65·√(37·63/100) = 7.93 > 3.
        let c = Counts::new(20, 17, 5, 8, 0, 0);
        let f = test(&c).unwrap();
        assert!(!f.significant);
        assert!((f.critical - Z * (37.0f64 * 63.0 / 100.0).sqrt()).abs() < 1e-12);
        assert_eq!(f.mixed_label(&c).as_deref(), Some("A/O"));
    }

    #[test]
    fn mixed_label_order_ties_by_plurality_order() {
        let c = Counts::new(10, 10, 0, 0, 0, 0);
        assert_eq!(test(&c).unwrap().mixed_label(&c).as_deref(), Some("O/A"));
        let c = Counts::new(4, 0, 4, 4, 0, 0);
        assert_eq!(test(&c).unwrap().mixed_label(&c).as_deref(), Some("M/A"));
        let c = Counts::new(0, 0, 0, 3, 0, 3);
        assert_eq!(test(&c).unwrap().mixed_label(&c).as_deref(), Some("I/Q"));
        let c = Counts::new(0, 0, 0, 0, 3, 3);
        assert_eq!(test(&c).unwrap().mixed_label(&c).as_deref(), Some("R/Q"));
    }

    #[test]
    fn critical_value_and_threshold() {
        // a + b = n makes the critical value 1.65·√(n/2): n = 18 → 1.65·3.
        let (d, c) = sides(18, 0, 18).unwrap();
        assert!((c - Z * 3.0).abs() < 1e-12);
        assert!((d - 18.0).abs() < 1e-12);
        // n = 18, b = 0: a = 2 → 1.65·√(2·34/36) = 2.27 > 2; a = 3 → 1.65·√(3·33/36) = 2.74 ≤ 3.
        assert_eq!(significant(2, 0, 18), Some(false));
        assert_eq!(significant(3, 0, 18), Some(true));
        // Symmetric in a and b.
        assert_eq!(sides(12, 30, 56), sides(30, 12, 56));
    }

    #[test]
    fn undefined_and_degenerate() {
        assert_eq!(test(&Counts::default()), None);
        assert_eq!(FongVerdict::from(None), FongVerdict::default());
        assert_eq!(sides(1, 1, 0), None);
        assert_eq!(sides(3, 3, 5), None);
        assert_eq!(sides(u64::MAX, 1, 5), None);
        // One respondent: 1 vs 0, critical 1.65·√(1/2) = 1.167 → not significant, no label.
        let c = Counts::new(1, 0, 0, 0, 0, 0);
        let f = test(&c).unwrap();
        assert!(!f.significant);
        assert_eq!((f.first, f.second), (Category::A, Category::M));
        assert_eq!(f.mixed_label(&c), None);
        // All questionable, n = 4: 4 vs 0, critical 1.65·√2 = 2.33 → significant.
        let c = Counts::new(0, 0, 0, 0, 0, 4);
        let f = test(&c).unwrap();
        assert!(f.significant);
        assert_eq!(f.first, Category::Q);
    }
}
