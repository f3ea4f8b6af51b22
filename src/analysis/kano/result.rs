//! Per-feature results, from respondents one at a time or from aggregated counts.
//!
//! Source: METHODS §1.3–1.4; every figure is computed by the module that cites its own
//! source ([`super::rule`], [`super::better_worse`], [`super::fong`], [`super::strength`],
//! [`super::continuous`], [`super::importance`]).

use serde::Serialize;

use super::answer::Answer;
use super::better_worse::{better, worse};
use super::category::{Category, Counts, Shares};
use super::continuous::{Continuous, ContinuousAccumulator};
use super::fong::{self, FongVerdict};
use super::importance::{Importance, ImportanceAccumulator};
use super::method::Method;
use super::rule::plurality;
use super::strength::{category_strength, total_strength};

/// Everything reported for one feature. Serialises to the JSON contract
/// `{"id","name","n","counts","shares","plurality","category","better","worse","fong",
/// "mixed","total_strength","category_strength","importance_mean","continuous","blank",
/// "invalid"}`: categories as letters, numbers unrounded, `null` where undefined.
///
/// Null conventions: a leaf is `null` when its figure is undefined (n = 0, a zero
/// denominator, fewer than two respondents for an SD); the whole `continuous` object is
/// `null` when it does not apply (results built from aggregated counts). `fong` and
/// `shares` are always objects.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KanoResult {
    /// Feature id.
    pub id: String,
    /// Feature name.
    pub name: String,
    /// All classified answer pairs, Q included.
    pub n: u64,
    /// Pairs per category.
    pub counts: Counts,
    /// Shares per category, % of n.
    pub shares: Shares,
    /// The plurality pick (ties M > O > A > I > R > Q).
    pub plurality: Option<Category>,
    /// The pick of the method's rule.
    pub category: Option<Category>,
    /// Better (SI) = (A + O) / (A + O + M + I).
    pub better: Option<f64>,
    /// Worse (DI) = −(O + M) / (A + O + M + I).
    pub worse: Option<f64>,
    /// Fong's test on the two largest categories, both sides.
    pub fong: FongVerdict,
    /// Mixed label such as `"A/O"` when Fong's test is not significant.
    pub mixed: Option<String>,
    /// (A + O + M) / n, a fraction.
    pub total_strength: Option<f64>,
    /// (first − second of A, O, M, I, R) / n, a fraction.
    pub category_strength: Option<f64>,
    /// Mean self-stated importance (1–9).
    pub importance_mean: Option<f64>,
    /// Continuous analysis; `None` for aggregated counts.
    pub continuous: Option<Continuous>,
    /// Blank answers the caller reported for this feature.
    pub blank: u64,
    /// Invalid answers the caller reported (and skipped) for this feature.
    pub invalid: u64,
}

impl KanoResult {
    /// The result for aggregated counts (no respondent data: continuous analysis and
    /// importance are `None`, blank and invalid 0).
    pub fn from_counts(
        id: impl Into<String>,
        name: impl Into<String>,
        counts: Counts,
        method: &Method,
    ) -> KanoResult {
        let fong = fong::test(&counts);
        KanoResult {
            id: id.into(),
            name: name.into(),
            n: counts.total(),
            counts,
            shares: Shares::of(&counts),
            plurality: plurality(&counts),
            category: method.assign(&counts),
            better: better(&counts),
            worse: worse(&counts),
            fong: FongVerdict::from(fong),
            mixed: fong.and_then(|f| f.mixed_label(&counts)),
            total_strength: total_strength(&counts),
            category_strength: category_strength(&counts),
            importance_mean: None,
            continuous: None,
            blank: 0,
            invalid: 0,
        }
    }
}

/// The running state of one feature: feed respondents one at a time, then
/// [`finish`](FeatureAccumulator::finish). O(1) memory: counts and running sums only.
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureAccumulator {
    id: String,
    name: String,
    method: Method,
    /// How often each (functional, dysfunctional) answer pair occurred, row-major by the
    /// answers' codes: one increment per respondent; counts and the continuous analysis
    /// are derived from it at the end.
    pairs: [u64; 25],
    importance: ImportanceAccumulator,
    blank: u64,
    invalid: u64,
}

impl FeatureAccumulator {
    /// An empty accumulator for one feature (or one feature within one segment).
    pub fn new(id: impl Into<String>, name: impl Into<String>, method: Method) -> Self {
        FeatureAccumulator {
            id: id.into(),
            name: name.into(),
            method,
            pairs: [0; 25],
            importance: ImportanceAccumulator::default(),
            blank: 0,
            invalid: 0,
        }
    }

    /// Add one respondent's complete answer pair and optional importance; returns the
    /// pair's category. The pair always counts; it enters the continuous analysis unless
    /// the method excludes Q and R pairs and it is one. The importance counts whenever
    /// given with a pair (the Q/R exclusion is about the continuous plot only).
    ///
    /// A respondent with a blank or invalid answer for this feature has no pair: do not
    /// call `add`, call [`note_blank`](Self::note_blank) / [`note_invalid`](Self::note_invalid)
    /// once per such answer instead.
    pub fn add(
        &mut self,
        functional: Answer,
        dysfunctional: Answer,
        importance: Option<Importance>,
    ) -> Category {
        if let Some(n) = self.pairs.get_mut(functional.index() * 5 + dysfunctional.index()) {
            *n = n.saturating_add(1);
        }
        if let Some(v) = importance {
            self.importance.push(v);
        }
        self.method.classify(functional, dysfunctional)
    }

    /// Every (functional, dysfunctional) pair with how often it occurred.
    fn pair_counts(&self) -> impl Iterator<Item = (Answer, Answer, u64)> + '_ {
        Answer::ALL
            .iter()
            .flat_map(|&f| Answer::ALL.iter().map(move |&d| (f, d)))
            .zip(self.pairs.iter())
            .map(|((f, d), &n)| (f, d, n))
    }

    /// Count one blank (missing) answer of this feature.
    pub fn note_blank(&mut self) {
        self.blank = self.blank.saturating_add(1);
    }

    /// Count one invalid answer of this feature that the caller skipped.
    pub fn note_invalid(&mut self) {
        self.invalid = self.invalid.saturating_add(1);
    }

    /// The counts so far.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for (f, d, n) in self.pair_counts() {
            counts.add_n(self.method.classify(f, d), n);
        }
        counts
    }

    /// The method this accumulator classifies with.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The feature's result.
    pub fn finish(self) -> KanoResult {
        let mut continuous = ContinuousAccumulator::default();
        for (f, d, n) in self.pair_counts() {
            let c = self.method.classify(f, d);
            if !(self.method.continuous_excludes_qr && matches!(c, Category::Q | Category::R)) {
                continuous.push_n(f, d, n);
            }
        }
        let counts = self.counts();
        let mut r = KanoResult::from_counts(self.id, self.name, counts, &self.method);
        r.importance_mean = self.importance.mean();
        r.continuous = Some(continuous.finish(self.method.continuous_split));
        r.blank = self.blank;
        r.invalid = self.invalid;
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::kano::{Coding, Rule, Table};
    use Answer::{Dislike, Like, LiveWith, MustBe, Neutral};

    fn close(x: Option<f64>, y: f64, tol: f64) -> bool {
        x.is_some_and(|x| (x - y).abs() <= tol)
    }

    /// Every float in a result is finite (serde_json would hide a NaN as null).
    fn all_finite(r: &KanoResult) -> bool {
        let c = r.continuous.unwrap_or_default();
        let s = r.shares;
        [
            r.better,
            r.worse,
            r.fong.difference,
            r.fong.critical,
            r.total_strength,
            r.category_strength,
            r.importance_mean,
            c.functional_mean,
            c.dysfunctional_mean,
            c.functional_sd,
            c.dysfunctional_sd,
            s.a,
            s.o,
            s.m,
            s.i,
            s.r,
            s.q,
        ]
        .iter()
        .flatten()
        .all(|v| v.is_finite())
    }

    /// The worked example of METHODS §1.3 as respondents: A=12 O=30 M=5 I=8 R=1 Q=0.
    fn worked_example_respondents() -> Vec<(Answer, Answer)> {
        let mut v = Vec::new();
        v.extend(std::iter::repeat_n((Like, Neutral), 12)); // A
        v.extend(std::iter::repeat_n((Like, Dislike), 30)); // O
        v.extend(std::iter::repeat_n((MustBe, Dislike), 5)); // M
        v.extend(std::iter::repeat_n((Neutral, Neutral), 8)); // I
        v.push((Dislike, Like)); // R
        v
    }

    fn check_worked_example(r: &KanoResult) {
        assert_eq!(r.n, 56);
        assert_eq!(r.counts, Counts::new(12, 30, 5, 8, 1, 0));
        assert_eq!(r.plurality, Some(Category::O));
        assert_eq!(r.category, Some(Category::O));
        assert!(close(r.better, 0.764, 0.005));
        assert!(close(r.worse, -0.636, 0.005));
        assert_eq!(r.fong.significant, Some(true));
        assert!(close(r.fong.difference, 18.0, 1e-12));
        assert!(close(r.fong.critical, 8.45, 0.005));
        assert_eq!(r.mixed, None);
        assert!(close(r.total_strength, 47.0 / 56.0, 1e-12));
        assert!(close(r.category_strength, 18.0 / 56.0, 1e-12));
        assert!(close(r.shares.o, 30.0 / 56.0 * 100.0, 1e-9));
        assert!(all_finite(r));
    }

    #[test]
    fn worked_example_from_counts() {
        let r = KanoResult::from_counts(
            "sms",
            "取号后短信提醒叫号",
            Counts::new(12, 30, 5, 8, 1, 0),
            &Method::default(),
        );
        check_worked_example(&r);
        assert_eq!(r.continuous, None);
        assert_eq!(r.importance_mean, None);
        assert_eq!((r.blank, r.invalid), (0, 0));
    }

    #[test]
    fn worked_example_from_respondents() {
        let mut acc = FeatureAccumulator::new("sms", "SMS", Method::default());
        for (f, d) in worked_example_respondents() {
            acc.add(f, d, Importance::new(7));
        }
        acc.note_blank();
        acc.note_blank();
        acc.note_invalid();
        let r = acc.finish();
        check_worked_example(&r);
        assert_eq!(r.importance_mean, Some(7.0));
        assert_eq!((r.blank, r.invalid), (2, 1));
        let c = r.continuous.unwrap();
        assert_eq!(c.n, 56);
        // F: 12·4 + 30·4 + 5·2 + 8·0 + 1·(−2) = 176; D: 0 + 30·4 + 5·4 + 0 + (−2) = 138.
        assert!(close(c.functional_mean, 176.0 / 56.0, 1e-12));
        assert!(close(c.dysfunctional_mean, 138.0 / 56.0, 1e-12));
        assert_eq!(c.quadrant, Some(Category::O));
    }

    #[test]
    fn worked_example_json_contract() {
        let r = KanoResult::from_counts(
            "f1",
            "Feature",
            Counts::new(12, 30, 5, 8, 1, 0),
            &Method::default(),
        );
        let v: serde_json::Value = serde_json::to_value(&r).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        // serde_json's default map is sorted; check the set, then the order from the string.
        let mut expected = vec![
            "id",
            "name",
            "n",
            "counts",
            "shares",
            "plurality",
            "category",
            "better",
            "worse",
            "fong",
            "mixed",
            "total_strength",
            "category_strength",
            "importance_mean",
            "continuous",
            "blank",
            "invalid",
        ];
        let order = expected.clone();
        expected.sort_unstable();
        let mut got = keys.clone();
        got.sort_unstable();
        assert_eq!(got, expected);
        let s = serde_json::to_string(&r).unwrap();
        let positions: Vec<usize> =
            order.iter().map(|k| s.find(&format!("\"{k}\":")).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{s}");
        assert_eq!(v["counts"], serde_json::json!({"A":12,"O":30,"M":5,"I":8,"R":1,"Q":0}));
        assert_eq!(v["plurality"], "O");
        assert_eq!(v["category"], "O");
        assert_eq!(v["fong"]["significant"], true);
        assert_eq!(v["fong"]["difference"], 18.0);
        assert!(v["mixed"].is_null());
        assert!(v["continuous"].is_null());
        assert!(v["importance_mean"].is_null());
        // From respondents the continuous object has exactly its five keys.
        let mut acc = FeatureAccumulator::new("f1", "Feature", Method::default());
        acc.add(Like, Dislike, None);
        let v = serde_json::to_value(acc.finish()).unwrap();
        let mut ck: Vec<&str> =
            v["continuous"].as_object().unwrap().keys().map(String::as_str).collect();
        ck.sort_unstable();
        assert_eq!(
            ck,
            [
                "dysfunctional_mean",
                "dysfunctional_sd",
                "functional_mean",
                "functional_sd",
                "quadrant"
            ]
        );
        assert_eq!(v["continuous"]["quadrant"], "O");
        assert!(v["continuous"]["functional_sd"].is_null());
    }

    #[test]
    fn zero_valid_answers() {
        let mut acc =
            FeatureAccumulator::new("x", "X", Method { rule: Rule::Moai, ..Method::default() });
        acc.note_blank();
        acc.note_invalid();
        let r = acc.finish();
        assert_eq!(r.n, 0);
        assert_eq!(r.counts, Counts::default());
        assert_eq!(r.shares, Shares::default());
        assert_eq!((r.plurality, r.category), (None, None));
        assert_eq!((r.better, r.worse), (None, None));
        assert_eq!(r.fong, FongVerdict::default());
        assert_eq!(r.mixed, None);
        assert_eq!((r.total_strength, r.category_strength, r.importance_mean), (None, None, None));
        assert_eq!(r.continuous, Some(Continuous::default()));
        assert_eq!((r.blank, r.invalid), (1, 1));
        let v = serde_json::to_value(&r).unwrap();
        for k in ["plurality", "category", "better", "worse", "mixed", "total_strength"] {
            assert!(v[k].is_null(), "{k}");
        }
        assert!(v["fong"]["significant"].is_null());
        assert!(v["fong"]["critical"].is_null());
        assert!(v["continuous"]["functional_mean"].is_null());
        assert!(v["continuous"]["quadrant"].is_null());
        assert!(v["shares"]["A"].is_null());
        // Aggregated zero counts too.
        for rule in [Rule::Plurality, Rule::Moai, Rule::TwoStage] {
            let m = Method { rule, ..Method::default() };
            let r = KanoResult::from_counts("x", "X", Counts::default(), &m);
            assert_eq!(r.category, None);
            assert!(all_finite(&r));
        }
    }

    #[test]
    fn one_respondent() {
        let mut acc = FeatureAccumulator::new("x", "X", Method::default());
        assert_eq!(acc.add(MustBe, Dislike, Importance::new(9)), Category::M);
        let r = acc.finish();
        assert_eq!(r.n, 1);
        assert_eq!(r.plurality, Some(Category::M));
        assert_eq!(r.better, Some(0.0));
        assert_eq!(r.worse, Some(-1.0));
        // 1 vs 0: critical 1.65·√(1/2) = 1.167 > 1 → not significant, nothing to mix with.
        assert_eq!(r.fong.significant, Some(false));
        assert!(close(r.fong.critical, 1.65 * 0.5f64.sqrt(), 1e-12));
        assert_eq!(r.mixed, None);
        assert_eq!(r.total_strength, Some(1.0));
        assert_eq!(r.category_strength, Some(1.0));
        assert_eq!(r.importance_mean, Some(9.0));
        let c = r.continuous.unwrap();
        assert_eq!((c.functional_mean, c.dysfunctional_mean), (Some(2.0), Some(4.0)));
        assert_eq!((c.functional_sd, c.dysfunctional_sd), (None, None));
        assert_eq!(c.quadrant, Some(Category::O));
        assert!(all_finite(&r));
    }

    #[test]
    fn all_questionable_feature() {
        let mut acc = FeatureAccumulator::new("q", "Q", Method::default());
        for _ in 0..3 {
            acc.add(Like, Like, None);
            acc.add(Dislike, Dislike, None);
        }
        let r = acc.finish();
        assert_eq!(r.counts, Counts::new(0, 0, 0, 0, 0, 6));
        assert_eq!((r.plurality, r.category), (Some(Category::Q), Some(Category::Q)));
        assert_eq!((r.better, r.worse), (None, None));
        assert_eq!(r.fong.significant, Some(true));
        assert_eq!(r.mixed, None);
        assert_eq!(r.total_strength, Some(0.0));
        assert_eq!(r.category_strength, Some(0.0));
        assert_eq!(r.shares.q, Some(100.0));
        // F: 4,−2 ×3 → mean 1; D: −2, 4 ×3 → mean 1.
        let c = r.continuous.unwrap();
        assert_eq!((c.functional_mean, c.dysfunctional_mean), (Some(1.0), Some(1.0)));
        assert_eq!(c.quadrant, Some(Category::I));
        assert!(all_finite(&r));
    }

    #[test]
    fn mixed_feature_and_rules_side_by_side() {
        // A 20, O 18, M 17: plurality A, Fong not significant → "A/O", moai M.
        let m = Method { rule: Rule::Moai, ..Method::default() };
        let r = KanoResult::from_counts("x", "X", Counts::new(20, 18, 17, 0, 0, 0), &m);
        assert_eq!(r.plurality, Some(Category::A));
        assert_eq!(r.category, Some(Category::M));
        assert_eq!(r.fong.significant, Some(false));
        assert_eq!(r.mixed.as_deref(), Some("A/O"));
    }

    #[test]
    fn continuous_can_exclude_q_and_r() {
        let pairs = [(Like, Dislike), (Like, Neutral), (MustBe, Dislike), (Neutral, Neutral)];
        let extra = [(Like, Like), (Dislike, MustBe)]; // Q, R
        for exclude in [false, true] {
            let m = Method { continuous_excludes_qr: exclude, ..Method::default() };
            let mut acc = FeatureAccumulator::new("x", "X", m);
            for (f, d) in pairs.iter().chain(&extra) {
                acc.add(*f, *d, Importance::new(5));
            }
            let r = acc.finish();
            assert_eq!(r.n, 6);
            assert_eq!(r.importance_mean, Some(5.0));
            let c = r.continuous.unwrap();
            if exclude {
                // The hand-computed set of `continuous`: F̄ 2.5, D̄ 2.
                assert_eq!(c.n, 4);
                assert_eq!((c.functional_mean, c.dysfunctional_mean), (Some(2.5), Some(2.0)));
                assert!(close(c.functional_sd, (11.0f64 / 3.0).sqrt(), 1e-12));
            } else {
                // F: 10 + 4 − 2 = 12 → 2; D: 8 − 2 − 1 = 5 → 5/6.
                assert_eq!(c.n, 6);
                assert_eq!(c.functional_mean, Some(2.0));
                assert!(close(c.dysfunctional_mean, 5.0 / 6.0, 1e-12));
            }
        }
    }

    #[test]
    fn pouliot_table_changes_counts() {
        let m = Method { table: Table::Pouliot, ..Method::default() };
        let mut acc = FeatureAccumulator::new("x", "X", m);
        acc.add(MustBe, MustBe, None);
        acc.add(LiveWith, LiveWith, None);
        acc.add(Neutral, Neutral, None);
        assert_eq!(acc.counts(), Counts::new(0, 0, 0, 1, 0, 2));
        assert_eq!(acc.method().table, Table::Pouliot);
    }

    #[test]
    fn reversed_coding_end_to_end() {
        // Reversed export: 5 = like, 1 = dislike. "5","1" is like/dislike → O.
        let m = Method { coding: Coding::Reversed, ..Method::default() };
        let mut acc = FeatureAccumulator::new("x", "X", m);
        let f = m.parse_answer("5").unwrap().unwrap();
        let d = m.parse_answer("1").unwrap().unwrap();
        assert_eq!(acc.add(f, d, None), Category::O);
        // Wordings are not reversed.
        let f = m.parse_answer("I like it").unwrap().unwrap();
        let d = m.parse_answer("I dislike it").unwrap().unwrap();
        assert_eq!(acc.add(f, d, None), Category::O);
        // Without the declaration the same codes are dislike/like → R.
        let std = Method::default();
        let f = std.parse_answer("5").unwrap().unwrap();
        let d = std.parse_answer("1").unwrap().unwrap();
        assert_eq!(std.classify(f, d), Category::R);
    }

    /// A small deterministic generator (no extra crate).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            self.0 >> 33
        }
    }

    #[test]
    fn property_counts_sum_to_n_and_figures_are_finite() {
        let mut rng = Lcg(42);
        for round in 0..300 {
            let table = if round % 2 == 0 { Table::Standard } else { Table::Pouliot };
            let rule = [Rule::Plurality, Rule::Moai, Rule::TwoStage][round % 3];
            let m =
                Method { table, rule, continuous_excludes_qr: round % 5 == 0, ..Method::default() };
            let mut acc = FeatureAccumulator::new("p", "P", m);
            let respondents = rng.next() % 40;
            let mut added = 0u64;
            for _ in 0..respondents {
                let f = Answer::ALL[(rng.next() % 5) as usize];
                let d = Answer::ALL[(rng.next() % 5) as usize];
                match rng.next() % 10 {
                    0 => acc.note_blank(),
                    1 => acc.note_invalid(),
                    _ => {
                        acc.add(f, d, Importance::new((rng.next() % 10) as u8));
                        added += 1;
                    }
                }
            }
            let r = acc.finish();
            assert_eq!(r.n, added);
            assert_eq!(r.counts.total(), r.n);
            assert_eq!(Category::ALL.iter().map(|&c| r.counts.get(c)).sum::<u64>(), r.n);
            assert!(all_finite(&r), "{r:?}");
            assert_eq!(r.plurality.is_some(), r.n > 0);
            assert_eq!(r.category.is_some(), r.n > 0);
            if let Some(b) = r.better {
                assert!((0.0..=1.0).contains(&b));
            }
            if let Some(w) = r.worse {
                assert!((-1.0..=0.0).contains(&w));
            }
            if r.n > 0 {
                let s: f64 = Category::ALL.iter().filter_map(|&c| r.shares.get(c)).sum();
                assert!((s - 100.0).abs() < 1e-9);
            }
            assert!(!serde_json::to_string(&r).unwrap().contains("NaN"));
        }
    }
}
