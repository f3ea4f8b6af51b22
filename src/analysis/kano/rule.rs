//! Assignment rules: which category a feature gets from its counts.
//!
//! Sources (METHODS §1.3): `plurality`, the most frequent category (Berger et al. 1993);
//! `moai`, Matzler et al. 1996, "serve what hurts most first"; `two_stage`, common in
//! Chinese and Taiwanese practice. Every rule returns `None` when n = 0.
//!
//! # Tie-breaks and near-ties, precisely
//!
//! - **plurality**: the largest count; ties broken M > O > A > I > R > Q.
//! - **moai**: let T be the plurality pick. If T is R or Q, moai returns T: the preference
//!   order M > O > A > I ranks only those four, and re-ranking would hide a reverse or
//!   questionable result. Otherwise a category C of M, O, A, I is *near-tied* with T when C
//!   has at least one answer and either Fong's test between T's and C's counts (with the
//!   feature's n) is not significant, or T's share minus C's share is at most the threshold
//!   (percentage points of n, Q included; default 6). Near-ties are measured against T only,
//!   never chained (C near T and D near C does not make D near T). Among T and the
//!   categories near-tied with it, the first in M > O > A > I wins. R and Q are never picked
//!   by moai unless they are T.
//! - **two_stage**: if M + O + A > I + R + Q (strictly), the largest of M, O, A, else the
//!   largest of I, R, Q; ties inside each group by the plurality order (M > O > A,
//!   I > R > Q). Equal sums fall to the I, R, Q branch, as METHODS writes `>`.

use serde::{Deserialize, Serialize};

use super::category::{Category, Counts};
use super::fong;

/// The default moai threshold: share differences up to 6 percentage points are near-ties.
pub const DEFAULT_MOAI_THRESHOLD: f64 = 6.0;

/// Which rule assigns a feature its category.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// The most frequent category, ties M > O > A > I > R > Q (the default).
    #[default]
    Plurality,
    /// Matzler et al. 1996: among near-tied categories pick by M > O > A > I.
    Moai,
    /// M + O + A > I + R + Q → the largest of M, O, A, else the largest of I, R, Q.
    #[value(name = "two_stage", alias = "two-stage")]
    TwoStage,
}

impl Rule {
    /// The name written in reports (`plurality`, `moai`, `two_stage`).
    pub fn name(self) -> &'static str {
        match self {
            Rule::Plurality => "plurality",
            Rule::Moai => "moai",
            Rule::TwoStage => "two_stage",
        }
    }

    /// Apply the rule; `moai_threshold` (percentage points) is used by `moai` only.
    pub fn assign(self, counts: &Counts, moai_threshold: f64) -> Option<Category> {
        match self {
            Rule::Plurality => plurality(counts),
            Rule::Moai => moai(counts, moai_threshold),
            Rule::TwoStage => two_stage(counts),
        }
    }
}

/// The most frequent category, ties broken M > O > A > I > R > Q; `None` when n = 0.
pub fn plurality(counts: &Counts) -> Option<Category> {
    largest_of(counts, &Category::ALL)
}

/// Matzler et al. 1996 (see the module docs for the precise near-tie definition);
/// `threshold` in percentage points. `None` when n = 0.
pub fn moai(counts: &Counts, threshold: f64) -> Option<Category> {
    let top = plurality(counts)?;
    if matches!(top, Category::R | Category::Q) {
        return Some(top);
    }
    let n = counts.total();
    let a = counts.get(top);
    for c in [Category::M, Category::O, Category::A, Category::I] {
        if c == top {
            break;
        }
        let b = counts.get(c);
        if b > 0 && near_tied(a, b, n, threshold) {
            return Some(c);
        }
    }
    Some(top)
}

/// Whether a count `b` is near-tied with a top count `a ≥ b` out of `n` answers.
fn near_tied(a: u64, b: u64, n: u64, threshold: f64) -> bool {
    if fong::significant(a, b, n) == Some(false) {
        return true;
    }
    // Computed from the integer difference, so 3 of 50 is exactly 6 points; the epsilon
    // absorbs the last-bit rounding of the division.
    n > 0 && a.saturating_sub(b) as f64 * 100.0 / n as f64 <= threshold + 1e-9
}

/// M + O + A > I + R + Q → the largest of M, O, A (ties M > O > A), else the largest of
/// I, R, Q (ties I > R > Q); `None` when n = 0.
pub fn two_stage(counts: &Counts) -> Option<Category> {
    if counts.total() == 0 {
        return None;
    }
    let sum = |cs: [Category; 3]| cs.iter().fold(0u64, |s, &c| s.saturating_add(counts.get(c)));
    let kano = [Category::M, Category::O, Category::A];
    let rest = [Category::I, Category::R, Category::Q];
    if sum(kano) > sum(rest) { largest_of(counts, &kano) } else { largest_of(counts, &rest) }
}

/// The largest of `among`, ties by the plurality order; `None` when n = 0.
fn largest_of(counts: &Counts, among: &[Category]) -> Option<Category> {
    if counts.total() == 0 {
        return None;
    }
    counts.ranked(among).first().copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Category::{A, I, M, O, Q, R};

    fn c(a: u64, o: u64, m: u64, i: u64, r: u64, q: u64) -> Counts {
        Counts::new(a, o, m, i, r, q)
    }

    #[test]
    fn worked_example() {
        let k = c(12, 30, 5, 8, 1, 0);
        assert_eq!(plurality(&k), Some(O));
        // Fong significant (18 ≥ 8.45) and 18/56 = 32 points apart: moai keeps O.
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(O));
        assert_eq!(two_stage(&k), Some(O));
    }

    #[test]
    fn plurality_each_tie_break() {
        assert_eq!(plurality(&c(0, 4, 4, 0, 0, 0)), Some(M)); // M > O
        assert_eq!(plurality(&c(4, 4, 0, 0, 0, 0)), Some(O)); // O > A
        assert_eq!(plurality(&c(4, 0, 0, 4, 0, 0)), Some(A)); // A > I
        assert_eq!(plurality(&c(0, 0, 0, 4, 4, 0)), Some(I)); // I > R
        assert_eq!(plurality(&c(0, 0, 0, 0, 4, 4)), Some(R)); // R > Q
        assert_eq!(plurality(&c(4, 0, 4, 0, 0, 4)), Some(M)); // three-way
        assert_eq!(plurality(&c(1, 1, 1, 1, 1, 1)), Some(M));
        assert_eq!(plurality(&c(1, 1, 1, 1, 1, 2)), Some(Q));
    }

    #[test]
    fn zero_answers_give_none() {
        let z = Counts::default();
        for rule in [Rule::Plurality, Rule::Moai, Rule::TwoStage] {
            assert_eq!(rule.assign(&z, DEFAULT_MOAI_THRESHOLD), None);
        }
    }

    #[test]
    fn all_questionable() {
        let k = c(0, 0, 0, 0, 0, 7);
        for rule in [Rule::Plurality, Rule::Moai, Rule::TwoStage] {
            assert_eq!(rule.assign(&k, DEFAULT_MOAI_THRESHOLD), Some(Q), "{rule:?}");
        }
    }

    #[test]
    fn one_respondent() {
        // Zero-count categories are never near-tied, though 1 vs 0 is not Fong-significant.
        for cat in Category::ALL {
            let mut k = Counts::default();
            k.add(cat);
            assert_eq!(plurality(&k), Some(cat));
            assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(cat));
        }
    }

    #[test]
    fn moai_fong_near_tie_picks_must_be() {
        // A 20, O 18, M 17, n = 55. Fong A vs M: 1.65·√(37·73/110) = 8.18 > 3 → near-tied;
        // M > O > A picks M.
        let k = c(20, 18, 17, 0, 0, 0);
        assert_eq!(plurality(&k), Some(A));
        assert_eq!(moai(&k, 0.0), Some(M));
    }

    #[test]
    fn moai_threshold_near_tie() {
        // n = 1000, A 500, O 450: Fong critical 1.65·√(950·1050/2000) = 36.85 < 50, so
        // significant; but 5 points ≤ 6 → near-tied → O.
        let k = c(500, 450, 0, 50, 0, 0);
        assert_eq!(fong::significant(500, 450, 1000), Some(true));
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(O));
        assert_eq!(moai(&k, 4.9), Some(A));
        // 7 points apart and significant → no near-tie.
        let k = c(500, 430, 0, 70, 0, 0);
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(A));
        // Exactly at the threshold counts: 60 of 1000 = 6 points.
        let k = c(500, 440, 0, 60, 0, 0);
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(O));
    }

    #[test]
    fn moai_several_categories_measured_against_the_top() {
        // n = 1100: I 400, A 370 (2.7 points from I), M 330 (6.4 points from I, 3.6 from
        // A). Fong I vs M: 1.65·√(730·1470/2200) = 36.4 < 70 → significant. M is near A
        // but not near the top, and near-ties do not chain: A wins over I.
        let k = c(370, 0, 330, 400, 0, 0);
        assert_eq!(fong::significant(400, 330, 1000), Some(true));
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(A));
        // Wider threshold: M joins, and M > O > A > I picks it.
        assert_eq!(moai(&k, 7.0), Some(M));
        // The highest-priority near-tied category wins even when another is closer.
        let k = c(390, 0, 370, 400, 0, 0); // A 0.9 points, M 2.6 points from I
        assert_eq!(moai(&k, DEFAULT_MOAI_THRESHOLD), Some(M));
    }

    #[test]
    fn moai_and_r_q() {
        // Top R or Q: kept, even with near-tied M, O, A or I.
        assert_eq!(moai(&c(0, 0, 9, 0, 10, 0), DEFAULT_MOAI_THRESHOLD), Some(R));
        assert_eq!(moai(&c(9, 0, 0, 0, 0, 10), DEFAULT_MOAI_THRESHOLD), Some(Q));
        // R or Q near-tied with the top are never picked.
        assert_eq!(moai(&c(0, 0, 0, 10, 10, 0), DEFAULT_MOAI_THRESHOLD), Some(I));
        assert_eq!(moai(&c(0, 0, 0, 10, 9, 9), DEFAULT_MOAI_THRESHOLD), Some(I));
        assert_eq!(moai(&c(10, 9, 0, 0, 0, 81), DEFAULT_MOAI_THRESHOLD), Some(Q));
        // Q below the top still counts in n: A 12, O 9, Q 11, n = 32; Fong A vs O:
        // 1.65·√(21·43/64) = 6.2 > 3 → near-tied → O.
        assert_eq!(moai(&c(12, 9, 0, 0, 0, 11), DEFAULT_MOAI_THRESHOLD), Some(O));
    }

    #[test]
    fn moai_top_already_highest_priority() {
        assert_eq!(moai(&c(29, 29, 30, 0, 0, 0), DEFAULT_MOAI_THRESHOLD), Some(M));
    }

    #[test]
    fn two_stage_both_branches() {
        // M + O + A = 25 > I + R + Q = 20 → largest of M, O, A; O = A tie → O.
        let k = c(10, 10, 5, 20, 0, 0);
        assert_eq!(plurality(&k), Some(I));
        assert_eq!(two_stage(&k), Some(O));
        // 20 vs 22 → largest of I, R, Q = I, though A is the plurality pick.
        let k = c(15, 3, 2, 10, 8, 4);
        assert_eq!(plurality(&k), Some(A));
        assert_eq!(two_stage(&k), Some(I));
        // Equal sums fall to the I, R, Q branch.
        assert_eq!(two_stage(&c(3, 0, 0, 1, 1, 1)), Some(I));
        // Tie-breaks inside each branch.
        assert_eq!(two_stage(&c(3, 3, 3, 0, 0, 0)), Some(M));
        assert_eq!(two_stage(&c(3, 3, 0, 0, 0, 0)), Some(O));
        assert_eq!(two_stage(&c(0, 0, 0, 0, 2, 2)), Some(R));
        assert_eq!(two_stage(&c(0, 0, 0, 2, 2, 2)), Some(I));
        assert_eq!(two_stage(&c(1, 0, 0, 0, 0, 5)), Some(Q));
    }

    #[test]
    fn names_serde_and_cli_values() {
        use clap::ValueEnum;
        assert_eq!(Rule::default(), Rule::Plurality);
        for r in [Rule::Plurality, Rule::Moai, Rule::TwoStage] {
            assert_eq!(serde_json::to_string(&r).unwrap(), format!("\"{}\"", r.name()));
            assert_eq!(Rule::from_str(r.name(), false), Ok(r));
        }
        assert_eq!(Rule::from_str("two-stage", false), Ok(Rule::TwoStage));
    }
}
