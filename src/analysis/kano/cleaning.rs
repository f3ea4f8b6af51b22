//! Respondent cleaning: whether one respondent's answers should be dropped.
//!
//! Source: METHODS §1.3 ("Respondent cleaning, optional and reported"): drop respondents who
//! answered "like" to every functional and "dislike" to every dysfunctional question (or the
//! reverse), or who have more than k Q answers.
//!
//! Choices where METHODS leaves room:
//! - Blank answers neither make nor break a straight line: "every" means every answer the
//!   respondent gave. At least two complete pairs are required, because with one answered
//!   feature like/dislike is an ordinary O answer, not a pattern.
//! - Q answers are complete pairs the method's evaluation table maps to Q (so the table
//!   matters: `pouliot` makes more Q). "More than k" is strict: k Q answers are kept.
//! - The two reasons never meet: a straight line's pairs are all O (or all R), never Q.
//!
//! The check is a pure function over one respondent's pairs across all features, taking an
//! iterator so the caller need not collect them.

use std::fmt;

use serde::Serialize;

use super::answer::Answer;
use super::category::Category;
use super::table::Table;

/// The fewest complete pairs that can make a straight line.
pub const MIN_STRAIGHT_LINE_PAIRS: u64 = 2;

/// Why a respondent is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum DropReason {
    /// Like to every functional and dislike to every dysfunctional question.
    StraightLikeDislike,
    /// Dislike to every functional and like to every dysfunctional question.
    StraightDislikeLike,
    /// More Q answers than allowed.
    TooManyQuestionable {
        /// The respondent's Q answers.
        count: u64,
        /// The most allowed (k).
        max: u32,
    },
}

impl fmt::Display for DropReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DropReason::StraightLikeDislike => f.write_str(
                "straight-liner: like to every functional and dislike to every dysfunctional question",
            ),
            DropReason::StraightDislikeLike => f.write_str(
                "straight-liner: dislike to every functional and like to every dysfunctional question",
            ),
            DropReason::TooManyQuestionable { count, max } => {
                write!(f, "{count} questionable answers, more than {max}")
            }
        }
    }
}

/// Check one respondent. `pairs` holds the (functional, dysfunctional) answers of every
/// feature, `None` for a blank (or skipped invalid) answer. `straight_liners` turns the
/// straight-line check on; `max_questionable` = Some(k) drops respondents with more than k
/// Q answers. `None` keeps the respondent.
pub fn check<I>(
    pairs: I,
    table: Table,
    straight_liners: bool,
    max_questionable: Option<u32>,
) -> Option<DropReason>
where
    I: IntoIterator<Item = (Option<Answer>, Option<Answer>)>,
{
    let mut complete = 0u64;
    let mut like_dislike = true;
    let mut dislike_like = true;
    let mut questionable = 0u64;
    for (f, d) in pairs {
        if let Some(f) = f {
            like_dislike &= f == Answer::Like;
            dislike_like &= f == Answer::Dislike;
        }
        if let Some(d) = d {
            like_dislike &= d == Answer::Dislike;
            dislike_like &= d == Answer::Like;
        }
        if let (Some(f), Some(d)) = (f, d) {
            complete = complete.saturating_add(1);
            if table.classify(f, d) == Category::Q {
                questionable = questionable.saturating_add(1);
            }
        }
    }
    if straight_liners && complete >= MIN_STRAIGHT_LINE_PAIRS {
        if like_dislike {
            return Some(DropReason::StraightLikeDislike);
        }
        if dislike_like {
            return Some(DropReason::StraightDislikeLike);
        }
    }
    match max_questionable {
        Some(max) if questionable > u64::from(max) => {
            Some(DropReason::TooManyQuestionable { count: questionable, max })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{Dislike, Like, LiveWith, MustBe, Neutral};

    fn full(v: &[(Answer, Answer)]) -> Vec<(Option<Answer>, Option<Answer>)> {
        v.iter().map(|&(f, d)| (Some(f), Some(d))).collect()
    }

    #[test]
    fn straight_liners_both_directions() {
        let r = full(&[(Like, Dislike), (Like, Dislike), (Like, Dislike)]);
        assert_eq!(
            check(r.clone(), Table::Standard, true, None),
            Some(DropReason::StraightLikeDislike)
        );
        assert_eq!(check(r, Table::Standard, false, None), None);
        let r = full(&[(Dislike, Like), (Dislike, Like)]);
        assert_eq!(check(r, Table::Standard, true, None), Some(DropReason::StraightDislikeLike));
    }

    #[test]
    fn one_deviation_keeps_the_respondent() {
        let r = full(&[(Like, Dislike), (Like, Neutral), (Like, Dislike)]);
        assert_eq!(check(r, Table::Standard, true, None), None);
        let r = full(&[(Like, Dislike), (MustBe, Dislike)]);
        assert_eq!(check(r, Table::Standard, true, None), None);
        // Mixed directions are no straight line.
        let r = full(&[(Like, Dislike), (Dislike, Like)]);
        assert_eq!(check(r, Table::Standard, true, None), None);
    }

    #[test]
    fn blanks_and_minimum_pairs() {
        // Blanks neither make nor break the line; two complete pairs are needed.
        let r = vec![
            (Some(Like), Some(Dislike)),
            (None, Some(Dislike)),
            (Some(Like), None),
            (None, None),
            (Some(Like), Some(Dislike)),
        ];
        assert_eq!(check(r, Table::Standard, true, None), Some(DropReason::StraightLikeDislike));
        let r = vec![(Some(Like), Some(Dislike)), (Some(Like), None), (None, None)];
        assert_eq!(check(r, Table::Standard, true, None), None);
        assert_eq!(check(full(&[(Like, Dislike)]), Table::Standard, true, None), None);
        assert_eq!(check(Vec::new(), Table::Standard, true, Some(0)), None);
        // A blank beside a deviating answer still breaks it.
        let r =
            vec![(Some(Like), Some(Dislike)), (Some(Like), Some(Dislike)), (Some(Neutral), None)];
        assert_eq!(check(r, Table::Standard, true, None), None);
    }

    #[test]
    fn too_many_questionable() {
        let r = full(&[(Like, Like), (Dislike, Dislike), (Neutral, Neutral), (MustBe, MustBe)]);
        // Standard: 2 Q answers.
        assert_eq!(check(r.clone(), Table::Standard, false, Some(2)), None);
        assert_eq!(
            check(r.clone(), Table::Standard, false, Some(1)),
            Some(DropReason::TooManyQuestionable { count: 2, max: 1 })
        );
        // Pouliot makes must-be/must-be Q too: 3.
        assert_eq!(
            check(r.clone(), Table::Pouliot, false, Some(2)),
            Some(DropReason::TooManyQuestionable { count: 3, max: 2 })
        );
        assert_eq!(check(r, Table::Standard, false, None), None);
        // Incomplete pairs are not Q.
        let r = vec![(Some(Like), None), (None, Some(Like)), (Some(LiveWith), Some(LiveWith))];
        assert_eq!(check(r, Table::Standard, false, Some(0)), None);
    }

    #[test]
    fn display_and_serialise() {
        assert!(DropReason::StraightLikeDislike.to_string().starts_with("straight-liner"));
        assert_eq!(
            DropReason::TooManyQuestionable { count: 3, max: 1 }.to_string(),
            "3 questionable answers, more than 1"
        );
        assert_eq!(
            serde_json::to_string(&DropReason::TooManyQuestionable { count: 3, max: 1 }).unwrap(),
            r#"{"reason":"too_many_questionable","count":3,"max":1}"#
        );
    }
}
