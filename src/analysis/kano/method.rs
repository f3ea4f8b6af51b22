//! The choices a Kano analysis is run with; serialised as the report's "method" object so
//! every report says which table, rule, split and cleaning it used (METHODS §1.3–1.4).

use serde::Serialize;

use super::answer::{Answer, Coding};
use super::category::{Category, Counts};
use super::cleaning::{self, DropReason};
use super::continuous::DEFAULT_SPLIT;
use super::rule::{DEFAULT_MOAI_THRESHOLD, Rule};
use super::table::Table;

/// How features are classified. `Method::default()` is METHODS' default everywhere.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Method {
    /// Evaluation table (default `standard`).
    pub table: Table,
    /// Assignment rule for `category` (default `plurality`; the plurality pick is always
    /// reported beside it).
    pub rule: Rule,
    /// moai near-tie threshold, percentage points of n (default 6).
    pub moai_threshold: f64,
    /// Quadrant split of the continuous analysis (default 2).
    pub continuous_split: f64,
    /// Leave respondents whose pair is Q or R out of the continuous analysis (default no).
    pub continuous_excludes_qr: bool,
    /// Drop straight-lining respondents (default no; METHODS §1.3 cleaning).
    pub drop_straight_liners: bool,
    /// Drop respondents with more than this many Q answers (default: keep all).
    pub max_questionable: Option<u32>,
    /// How numeric answer codes run (default 1 like … 5 dislike).
    pub coding: Coding,
}

impl Default for Method {
    fn default() -> Method {
        Method {
            table: Table::Standard,
            rule: Rule::Plurality,
            moai_threshold: DEFAULT_MOAI_THRESHOLD,
            continuous_split: DEFAULT_SPLIT,
            continuous_excludes_qr: false,
            drop_straight_liners: false,
            max_questionable: None,
            coding: Coding::Standard,
        }
    }
}

impl Method {
    /// Classify one answer pair with the method's table.
    pub fn classify(&self, functional: Answer, dysfunctional: Answer) -> Category {
        self.table.classify(functional, dysfunctional)
    }

    /// The category the method's rule assigns; `None` when n = 0.
    pub fn assign(&self, counts: &Counts) -> Option<Category> {
        self.rule.assign(counts, self.moai_threshold)
    }

    /// Parse one answer cell with the method's coding.
    pub fn parse_answer(&self, raw: &str) -> Result<Option<Answer>, super::answer::InvalidValue> {
        Answer::parse(raw, self.coding)
    }

    /// Whether the method's cleaning drops a respondent, given their (functional,
    /// dysfunctional) answers across all features; see [`cleaning::check`].
    pub fn check_respondent<I>(&self, pairs: I) -> Option<DropReason>
    where
        I: IntoIterator<Item = (Option<Answer>, Option<Answer>)>,
    {
        if !self.drop_straight_liners && self.max_questionable.is_none() {
            return None;
        }
        cleaning::check(pairs, self.table, self.drop_straight_liners, self.max_questionable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_serialises_as_the_method_object() {
        assert_eq!(
            serde_json::to_string(&Method::default()).unwrap(),
            r#"{"table":"standard","rule":"plurality","moai_threshold":6.0,"continuous_split":2.0,"continuous_excludes_qr":false,"drop_straight_liners":false,"max_questionable":null,"coding":"standard"}"#
        );
    }

    #[test]
    fn delegates() {
        let m = Method { table: Table::Pouliot, rule: Rule::TwoStage, ..Method::default() };
        assert_eq!(m.classify(Answer::MustBe, Answer::MustBe), Category::Q);
        assert_eq!(m.assign(&Counts::new(10, 10, 5, 20, 0, 0)), Some(Category::O));
        let m = Method { coding: Coding::Reversed, ..Method::default() };
        assert_eq!(m.parse_answer("5"), Ok(Some(Answer::Like)));
        let m = Method { max_questionable: Some(0), ..Method::default() };
        assert!(m.check_respondent([(Some(Answer::Like), Some(Answer::Like))]).is_some());
        assert!(
            Method::default()
                .check_respondent([(Some(Answer::Like), Some(Answer::Like))])
                .is_none()
        );
    }
}
