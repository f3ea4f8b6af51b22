//! The six Kano categories and per-feature counts of them.
//!
//! Source: Kano et al. 1984; Berger et al. 1993, Center for Quality of Management Journal
//! 2(4) (METHODS §1.2–1.3). The Chinese names are the course's terms (DOMAIN.md §0).

use std::fmt;

use serde::{Serialize, Serializer};

/// A Kano category. Serialises as its letter (`"A"`, `"O"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// Attractive (兴奋).
    A,
    /// One-dimensional (期望).
    O,
    /// Must-be (基本).
    M,
    /// Indifferent (无差异).
    I,
    /// Reverse (反向).
    R,
    /// Questionable (可疑).
    Q,
}

impl Category {
    /// All six, in the usual reading order A, O, M, I, R, Q.
    pub const ALL: [Category; 6] =
        [Category::A, Category::O, Category::M, Category::I, Category::R, Category::Q];

    /// The tie-break order of the plurality rule, strongest first: M > O > A > I > R > Q
    /// (METHODS §1.3). Every other rule that needs a tie-break reuses this order.
    pub const PLURALITY_ORDER: [Category; 6] =
        [Category::M, Category::O, Category::A, Category::I, Category::R, Category::Q];

    /// The letter, e.g. `'A'`.
    pub fn letter(self) -> char {
        match self {
            Category::A => 'A',
            Category::O => 'O',
            Category::M => 'M',
            Category::I => 'I',
            Category::R => 'R',
            Category::Q => 'Q',
        }
    }

    /// The letter as a string slice, e.g. `"A"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::A => "A",
            Category::O => "O",
            Category::M => "M",
            Category::I => "I",
            Category::R => "R",
            Category::Q => "Q",
        }
    }

    /// Read a letter (`A`…`Q`, trimmed, either case); `None` for anything else.
    pub fn from_letter(s: &str) -> Option<Category> {
        let mut chars = s.trim().chars();
        let c = chars.next()?;
        if chars.next().is_some() {
            return None;
        }
        Category::ALL.into_iter().find(|k| k.letter().eq_ignore_ascii_case(&c))
    }

    /// Rank in [`Category::PLURALITY_ORDER`]: 0 for M (wins every tie) … 5 for Q.
    pub fn tie_rank(self) -> usize {
        match self {
            Category::M => 0,
            Category::O => 1,
            Category::A => 2,
            Category::I => 3,
            Category::R => 4,
            Category::Q => 5,
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// How many answer pairs of one feature fell into each category.
///
/// Serialises as `{"A":…,"O":…,"M":…,"I":…,"R":…,"Q":…}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Counts {
    /// Attractive.
    #[serde(rename = "A")]
    pub a: u64,
    /// One-dimensional.
    #[serde(rename = "O")]
    pub o: u64,
    /// Must-be.
    #[serde(rename = "M")]
    pub m: u64,
    /// Indifferent.
    #[serde(rename = "I")]
    pub i: u64,
    /// Reverse.
    #[serde(rename = "R")]
    pub r: u64,
    /// Questionable.
    #[serde(rename = "Q")]
    pub q: u64,
}

impl Counts {
    /// Counts in the order A, O, M, I, R, Q.
    pub fn new(a: u64, o: u64, m: u64, i: u64, r: u64, q: u64) -> Counts {
        Counts { a, o, m, i, r, q }
    }

    /// The count of one category.
    pub fn get(&self, c: Category) -> u64 {
        match c {
            Category::A => self.a,
            Category::O => self.o,
            Category::M => self.m,
            Category::I => self.i,
            Category::R => self.r,
            Category::Q => self.q,
        }
    }

    /// Count one more answer pair in `c` (saturating; a count never wraps).
    pub fn add(&mut self, c: Category) {
        self.add_n(c, 1);
    }

    /// Add `n` answers of category `c`.
    pub fn add_n(&mut self, c: Category, n: u64) {
        let slot = match c {
            Category::A => &mut self.a,
            Category::O => &mut self.o,
            Category::M => &mut self.m,
            Category::I => &mut self.i,
            Category::R => &mut self.r,
            Category::Q => &mut self.q,
        };
        *slot = slot.saturating_add(n);
    }

    /// n: all answer pairs of the feature, Q included (METHODS §1.3).
    pub fn total(&self) -> u64 {
        Category::ALL.iter().fold(0u64, |sum, &c| sum.saturating_add(self.get(c)))
    }

    /// The share of `c` in percent of n; `None` when n = 0.
    pub fn share(&self, c: Category) -> Option<f64> {
        let n = self.total();
        (n > 0).then(|| self.get(c) as f64 * 100.0 / n as f64)
    }

    /// The categories among `among` sorted by count, largest first, ties by the plurality
    /// order (M > O > A > I > R > Q). Used by the plurality rule, Fong's test and category
    /// strength, so that all three break ties the same way.
    pub fn ranked(&self, among: &[Category]) -> Vec<Category> {
        let mut v = among.to_vec();
        v.sort_by(|&x, &y| self.get(y).cmp(&self.get(x)).then(x.tie_rank().cmp(&y.tie_rank())));
        v
    }
}

impl From<&crate::model::KanoCounts> for Counts {
    fn from(k: &crate::model::KanoCounts) -> Counts {
        Counts::new(
            u64::from(k.A),
            u64::from(k.O),
            u64::from(k.M),
            u64::from(k.I),
            u64::from(k.R),
            u64::from(k.Q),
        )
    }
}

/// Shares of each category in percent of n (Q included). Every field is `None` when n = 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Shares {
    /// Attractive, %.
    #[serde(rename = "A")]
    pub a: Option<f64>,
    /// One-dimensional, %.
    #[serde(rename = "O")]
    pub o: Option<f64>,
    /// Must-be, %.
    #[serde(rename = "M")]
    pub m: Option<f64>,
    /// Indifferent, %.
    #[serde(rename = "I")]
    pub i: Option<f64>,
    /// Reverse, %.
    #[serde(rename = "R")]
    pub r: Option<f64>,
    /// Questionable, %.
    #[serde(rename = "Q")]
    pub q: Option<f64>,
}

impl Shares {
    /// Shares of `counts` in percent.
    pub fn of(counts: &Counts) -> Shares {
        Shares {
            a: counts.share(Category::A),
            o: counts.share(Category::O),
            m: counts.share(Category::M),
            i: counts.share(Category::I),
            r: counts.share(Category::R),
            q: counts.share(Category::Q),
        }
    }

    /// The share of one category, %.
    pub fn get(&self, c: Category) -> Option<f64> {
        match c {
            Category::A => self.a,
            Category::O => self.o,
            Category::M => self.m,
            Category::I => self.i,
            Category::R => self.r,
            Category::Q => self.q,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_letters() {
        let letters: String = Category::ALL.iter().map(|c| c.letter()).collect();
        assert_eq!(letters, "AOMIRQ");
        for c in Category::ALL {
            assert_eq!(Category::from_letter(c.as_str()), Some(c));
            assert_eq!(Category::from_letter(&c.as_str().to_lowercase()), Some(c));
            assert_eq!(c.to_string(), c.as_str());
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{c}\""));
        }
        assert_eq!(Category::from_letter("X"), None);
        assert_eq!(Category::from_letter("AO"), None);
        assert_eq!(Category::from_letter(""), None);
    }

    #[test]
    fn tie_rank_matches_plurality_order() {
        for (i, c) in Category::PLURALITY_ORDER.iter().enumerate() {
            assert_eq!(c.tie_rank(), i);
        }
    }

    #[test]
    fn counts_total_share_and_serialise() {
        let c = Counts::new(12, 30, 5, 8, 1, 0);
        assert_eq!(c.total(), 56);
        assert!((c.share(Category::O).unwrap() - 30.0 * 100.0 / 56.0).abs() < 1e-12);
        assert_eq!(Counts::default().share(Category::A), None);
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"A":12,"O":30,"M":5,"I":8,"R":1,"Q":0}"#
        );
        let s = Shares::of(&c);
        let sum: f64 = Category::ALL.iter().map(|&k| s.get(k).unwrap()).sum();
        assert!((sum - 100.0).abs() < 1e-9);
        assert_eq!(Shares::of(&Counts::default()), Shares::default());
    }

    #[test]
    fn ranked_breaks_ties_by_plurality_order() {
        let c = Counts::new(3, 3, 3, 3, 3, 3);
        assert_eq!(c.ranked(&Category::ALL), Category::PLURALITY_ORDER.to_vec());
        let c = Counts::new(5, 2, 2, 9, 0, 0);
        assert_eq!(
            c.ranked(&Category::ALL),
            vec![Category::I, Category::A, Category::M, Category::O, Category::R, Category::Q]
        );
    }

    #[test]
    fn from_model_counts() {
        let k = crate::model::KanoCounts { A: 1, O: 2, M: 3, I: 4, R: 5, Q: 6 };
        assert_eq!(Counts::from(&k), Counts::new(1, 2, 3, 4, 5, 6));
    }
}
