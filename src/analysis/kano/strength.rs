//! Total strength and category strength.
//!
//! Source: Lee & Newcomb 1997 (METHODS §1.3). Total strength = (A + O + M) / n; category
//! strength = share of the first minus share of the second category among A, O, M, I, R,
//! with shares over n including Q.
//!
//! Choices: both are fractions of 1 (like Better and Worse; multiply by 100 for percentage
//! points). "First" and "second" are the two largest of A, O, M, I, R, ties broken by the
//! plurality order M > O > A > I > R, so a tie for first gives 0. Q is left out of the
//! ranking but stays in n. Both are `None` when n = 0.

use super::category::{Category, Counts};

/// The five categories category strength ranks (Q excluded).
const RANKED: [Category; 5] = [Category::A, Category::O, Category::M, Category::I, Category::R];

/// (A + O + M) / n, in 0..=1; `None` when n = 0.
pub fn total_strength(c: &Counts) -> Option<f64> {
    let n = c.total();
    (n > 0).then(|| c.a.saturating_add(c.o).saturating_add(c.m) as f64 / n as f64)
}

/// (first − second) / n over the two largest of A, O, M, I, R, in 0..=1; `None` when n = 0.
pub fn category_strength(c: &Counts) -> Option<f64> {
    let n = c.total();
    if n == 0 {
        return None;
    }
    let ranked = c.ranked(&RANKED);
    let first = ranked.first().map_or(0, |&k| c.get(k));
    let second = ranked.get(1).map_or(0, |&k| c.get(k));
    Some(first.saturating_sub(second) as f64 / n as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example() {
        let c = Counts::new(12, 30, 5, 8, 1, 0);
        // (12 + 30 + 5) / 56 = 0.839; (30 − 12) / 56 = 0.321.
        assert!((total_strength(&c).unwrap() - 47.0 / 56.0).abs() < 1e-12);
        assert!((total_strength(&c).unwrap() - 0.839).abs() < 0.0005);
        assert!((category_strength(&c).unwrap() - 18.0 / 56.0).abs() < 1e-12);
        assert!((category_strength(&c).unwrap() - 0.321).abs() < 0.0005);
    }

    #[test]
    fn q_stays_in_n_but_out_of_the_ranking() {
        // Q is the largest count, yet the ranking is O (6) then A (2); n = 20.
        let c = Counts::new(2, 6, 0, 0, 0, 12);
        assert!((category_strength(&c).unwrap() - 4.0 / 20.0).abs() < 1e-12);
        assert!((total_strength(&c).unwrap() - 8.0 / 20.0).abs() < 1e-12);
    }

    #[test]
    fn ties_and_edges() {
        assert_eq!(category_strength(&Counts::new(5, 5, 1, 0, 0, 0)), Some(0.0));
        assert_eq!(total_strength(&Counts::default()), None);
        assert_eq!(category_strength(&Counts::default()), None);
        let all_q = Counts::new(0, 0, 0, 0, 0, 9);
        assert_eq!(total_strength(&all_q), Some(0.0));
        assert_eq!(category_strength(&all_q), Some(0.0));
        let one = Counts::new(0, 0, 1, 0, 0, 0);
        assert_eq!(total_strength(&one), Some(1.0));
        assert_eq!(category_strength(&one), Some(1.0));
        // R counts in the ranking.
        assert_eq!(category_strength(&Counts::new(0, 0, 0, 1, 4, 0)), Some(3.0 / 5.0));
    }
}
