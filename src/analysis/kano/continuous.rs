//! Continuous (functional–dysfunctional) analysis.
//!
//! Source: DuMouchel 1993; Berger et al. 1993 (METHODS §1.4). Functional answers score like
//! 4, must-be 2, neutral 0, live-with −1, dislike −2; dysfunctional answers like −2,
//! must-be −1, neutral 0, live-with 2, dislike 4. Per feature: the means F̄ and D̄ over
//! valid respondents (both answers given), their sample standard deviations (n − 1), and a
//! quadrant with split s (default 2): F̄ ≥ s & D̄ ≥ s → O, F̄ ≥ s & D̄ < s → A,
//! F̄ < s & D̄ ≥ s → M, else I. Plots put D̄ on x and F̄ on y, both −2..4.
//!
//! Scores are integers, so the accumulator keeps exact integer sums and sums of squares:
//! O(1) memory, no rounding drift, and the variance n·Σx² − (Σx)² is never negative.
//! Means are `None` for n = 0, standard deviations `None` for n < 2. Excluding respondents
//! whose pair is Q or R is the caller's option ([`super::Method::continuous_excludes_qr`]).

use serde::Serialize;

use super::answer::Answer;
use super::category::Category;

/// The default quadrant split.
pub const DEFAULT_SPLIT: f64 = 2.0;

/// Score of a functional answer: like 4, must-be 2, neutral 0, live-with −1, dislike −2.
pub fn functional_score(a: Answer) -> i64 {
    match a {
        Answer::Like => 4,
        Answer::MustBe => 2,
        Answer::Neutral => 0,
        Answer::LiveWith => -1,
        Answer::Dislike => -2,
    }
}

/// Score of a dysfunctional answer: like −2, must-be −1, neutral 0, live-with 2, dislike 4.
pub fn dysfunctional_score(a: Answer) -> i64 {
    match a {
        Answer::Like => -2,
        Answer::MustBe => -1,
        Answer::Neutral => 0,
        Answer::LiveWith => 2,
        Answer::Dislike => 4,
    }
}

/// The quadrant of a (F̄, D̄) point with split `s`.
pub fn quadrant(functional_mean: f64, dysfunctional_mean: f64, split: f64) -> Category {
    match (functional_mean >= split, dysfunctional_mean >= split) {
        (true, true) => Category::O,
        (true, false) => Category::A,
        (false, true) => Category::M,
        (false, false) => Category::I,
    }
}

/// Mean and sample standard deviation of integer scores, from exact running sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Moments {
    n: u64,
    sum: i128,
    sum_sq: i128,
}

impl Moments {
    /// Add one score.
    pub fn push(&mut self, x: i64) {
        let x = i128::from(x);
        self.n = self.n.saturating_add(1);
        self.sum = self.sum.saturating_add(x);
        self.sum_sq = self.sum_sq.saturating_add(x.saturating_mul(x));
    }

    /// Add the score `x` `count` times.
    pub fn push_n(&mut self, x: i64, count: u64) {
        let (x, c) = (i128::from(x), i128::from(count));
        self.n = self.n.saturating_add(count);
        self.sum = self.sum.saturating_add(x.saturating_mul(c));
        self.sum_sq = self.sum_sq.saturating_add(x.saturating_mul(x).saturating_mul(c));
    }

    /// How many scores.
    pub fn count(&self) -> u64 {
        self.n
    }

    /// The mean; `None` for n = 0.
    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum as f64 / self.n as f64)
    }

    /// The sample standard deviation √(Σ(x − x̄)² / (n − 1)); `None` for n < 2.
    pub fn sample_sd(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = i128::from(self.n);
        // n·Σx² − (Σx)² = n·Σ(x − x̄)², exact in integers and ≥ 0 (Cauchy–Schwarz).
        let scaled =
            n.saturating_mul(self.sum_sq).saturating_sub(self.sum.saturating_mul(self.sum));
        let var = scaled.max(0) as f64 / (self.n as f64 * (self.n - 1) as f64);
        Some(var.sqrt())
    }
}

/// The continuous analysis of one feature, as reports carry it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Continuous {
    /// F̄, the mean functional score (−2..4); `None` with no valid respondent.
    pub functional_mean: Option<f64>,
    /// D̄, the mean dysfunctional score (−2..4); `None` with no valid respondent.
    pub dysfunctional_mean: Option<f64>,
    /// Sample SD (n − 1) of the functional scores; `None` for fewer than 2 respondents.
    pub functional_sd: Option<f64>,
    /// Sample SD (n − 1) of the dysfunctional scores; `None` for fewer than 2 respondents.
    pub dysfunctional_sd: Option<f64>,
    /// The quadrant of (F̄, D̄) at the method's split; `None` with no valid respondent.
    pub quadrant: Option<Category>,
    /// How many respondents the figures are over (not part of the JSON contract).
    #[serde(skip)]
    pub n: u64,
}

/// Running state of the continuous analysis of one feature: O(1) memory. It counts the
/// answers (five per side) and turns the counts into exact moments at the end, so adding a
/// respondent is two increments.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContinuousAccumulator {
    functional: [u64; 5],
    dysfunctional: [u64; 5],
}

impl ContinuousAccumulator {
    /// Add one respondent's answer pair.
    pub fn push(&mut self, functional: Answer, dysfunctional: Answer) {
        self.push_n(functional, dysfunctional, 1);
    }

    /// Add `count` respondents who gave the same answer pair.
    pub fn push_n(&mut self, functional: Answer, dysfunctional: Answer, count: u64) {
        if let Some(n) = self.functional.get_mut(functional.index()) {
            *n = n.saturating_add(count);
        }
        if let Some(n) = self.dysfunctional.get_mut(dysfunctional.index()) {
            *n = n.saturating_add(count);
        }
    }

    fn moments(counts: &[u64; 5], score: fn(Answer) -> i64) -> Moments {
        let mut m = Moments::default();
        for (a, &n) in Answer::ALL.iter().zip(counts) {
            m.push_n(score(*a), n);
        }
        m
    }

    /// The figures, with the quadrant at `split`.
    pub fn finish(&self, split: f64) -> Continuous {
        let f = Self::moments(&self.functional, functional_score);
        let d = Self::moments(&self.dysfunctional, dysfunctional_score);
        let functional_mean = f.mean();
        let dysfunctional_mean = d.mean();
        Continuous {
            functional_mean,
            dysfunctional_mean,
            functional_sd: f.sample_sd(),
            dysfunctional_sd: d.sample_sd(),
            quadrant: functional_mean.zip(dysfunctional_mean).map(|(f, d)| quadrant(f, d, split)),
            n: f.count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{Dislike, Like, LiveWith, MustBe, Neutral};

    #[test]
    fn scores() {
        let f: Vec<_> = Answer::ALL.iter().map(|&a| functional_score(a)).collect();
        assert_eq!(f, [4, 2, 0, -1, -2]);
        let d: Vec<_> = Answer::ALL.iter().map(|&a| dysfunctional_score(a)).collect();
        assert_eq!(d, [-2, -1, 0, 2, 4]);
    }

    #[test]
    fn quadrants_and_split() {
        assert_eq!(quadrant(2.0, 2.0, 2.0), Category::O);
        assert_eq!(quadrant(2.0, 1.99, 2.0), Category::A);
        assert_eq!(quadrant(1.99, 2.0, 2.0), Category::M);
        assert_eq!(quadrant(1.99, 1.99, 2.0), Category::I);
        assert_eq!(quadrant(1.0, 1.0, 0.5), Category::O);
        assert_eq!(quadrant(f64::NAN, 3.0, 2.0), Category::M);
    }

    #[test]
    fn small_hand_computed_set() {
        // (F, D) = (like, dislike) (4, 4); (like, neutral) (4, 0); (must-be, dislike) (2, 4);
        // (neutral, neutral) (0, 0).
        // F: mean 2.5, squared deviations 2.25 + 2.25 + 0.25 + 6.25 = 11, SD √(11/3) = 1.915.
        // D: mean 2, squared deviations 4 · 4 = 16, SD √(16/3) = 2.309.
        let mut acc = ContinuousAccumulator::default();
        for (f, d) in [(Like, Dislike), (Like, Neutral), (MustBe, Dislike), (Neutral, Neutral)] {
            acc.push(f, d);
        }
        let r = acc.finish(DEFAULT_SPLIT);
        assert_eq!(r.n, 4);
        assert_eq!(r.functional_mean, Some(2.5));
        assert_eq!(r.dysfunctional_mean, Some(2.0));
        assert!((r.functional_sd.unwrap() - (11.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!((r.functional_sd.unwrap() - 1.915).abs() < 0.0005);
        assert!((r.dysfunctional_sd.unwrap() - (16.0f64 / 3.0).sqrt()).abs() < 1e-12);
        assert!((r.dysfunctional_sd.unwrap() - 2.309).abs() < 0.0005);
        assert_eq!(r.quadrant, Some(Category::O));
        assert_eq!(acc.finish(2.5).quadrant, Some(Category::A));
        assert_eq!(acc.finish(3.0).quadrant, Some(Category::I));
        assert_eq!(acc.finish(-2.0).quadrant, Some(Category::O));
    }

    #[test]
    fn must_be_quadrant() {
        // (live-with, dislike) (−1, 4) and (neutral, dislike) (0, 4): F̄ −0.5, D̄ 4 → M.
        let mut acc = ContinuousAccumulator::default();
        acc.push(LiveWith, Dislike);
        acc.push(Neutral, Dislike);
        let r = acc.finish(DEFAULT_SPLIT);
        assert_eq!(r.functional_mean, Some(-0.5));
        assert_eq!(r.dysfunctional_mean, Some(4.0));
        assert!((r.functional_sd.unwrap() - 0.5f64.sqrt()).abs() < 1e-12);
        assert_eq!(r.dysfunctional_sd, Some(0.0));
        assert_eq!(r.quadrant, Some(Category::M));
    }

    #[test]
    fn empty_and_one() {
        let acc = ContinuousAccumulator::default();
        let r = acc.finish(DEFAULT_SPLIT);
        assert_eq!(r, Continuous::default());
        let mut acc = ContinuousAccumulator::default();
        acc.push(Like, Like);
        let r = acc.finish(DEFAULT_SPLIT);
        assert_eq!(r.functional_mean, Some(4.0));
        assert_eq!(r.dysfunctional_mean, Some(-2.0));
        assert_eq!(r.functional_sd, None);
        assert_eq!(r.dysfunctional_sd, None);
        assert_eq!(r.quadrant, Some(Category::A));
    }

    #[test]
    fn identical_scores_have_zero_sd_not_nan() {
        let mut m = Moments::default();
        for _ in 0..1000 {
            m.push(-1);
        }
        assert_eq!(m.sample_sd(), Some(0.0));
        assert_eq!(m.mean(), Some(-1.0));
    }
}
