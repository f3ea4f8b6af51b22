//! Kano classification (METHODS §1): the pure core.
//!
//! Input: answers already read from a survey (one respondent's functional, dysfunctional
//! and optional importance answer at a time), or aggregated category counts. Output: one
//! [`KanoResult`] per feature, serialisable as the JSON contract of the `kano classify`
//! issue, plus the [`Method`] it was computed with. No I/O here: readers parse files and
//! report row and column; the CLI prints.
//!
//! One module per method, each citing its source:
//!
//! | module | method | source |
//! |---|---|---|
//! | [`answer`] | answer codes and wordings, reversed coding, importance 1–9 | METHODS §1.1, §1.3 |
//! | [`table`] | evaluation tables `standard` and `pouliot` | Kano 1984; Berger et al. 1993 (p. 33) |
//! | [`rule`] | `plurality`, `moai`, `two_stage` | Berger et al. 1993; Matzler et al. 1996; Chinese/Taiwanese practice |
//! | [`better_worse`] | Better (SI), Worse (DI) | Berger et al. 1993, after Timko |
//! | [`fong`] | Fong's test and the mixed label | Fong 1996 |
//! | [`strength`] | total and category strength | Lee & Newcomb 1997 |
//! | [`continuous`] | functional/dysfunctional means, SDs, quadrant | DuMouchel 1993; Berger et al. 1993 |
//! | [`importance`] | self-stated importance mean | METHODS §1.4 |
//! | [`cleaning`] | straight-liners, too many Q answers | METHODS §1.3 |
//!
//! # Streaming
//!
//! A [`FeatureAccumulator`] per feature (and per segment, for `--by`) takes one
//! respondent's pair at a time and keeps only counts and integer running sums, so memory
//! does not grow with the number of respondents. The caller reports each blank and each
//! skipped invalid answer with [`FeatureAccumulator::note_blank`] /
//! [`FeatureAccumulator::note_invalid`]; a respondent without both answers of a feature
//! adds no pair for it. Respondent cleaning needs all of one respondent's features at
//! once: call [`Method::check_respondent`] before feeding the respondent's pairs.
//!
//! ```
//! use kano::analysis::kano::{Answer, Coding, FeatureAccumulator, Importance, Method};
//!
//! let method = Method::default();
//! let mut acc = FeatureAccumulator::new("sms", "取号后短信提醒叫号", method);
//! let f = Answer::parse("我很喜欢", Coding::Standard).ok().flatten();
//! let d = Answer::parse("5", Coding::Standard).ok().flatten();
//! if let (Some(f), Some(d)) = (f, d) {
//!     acc.add(f, d, Importance::new(8));
//! }
//! let result = acc.finish();
//! assert_eq!(result.n, 1);
//! assert_eq!(result.plurality.map(|c| c.letter()), Some('O'));
//! ```
//!
//! # Choices where METHODS is ambiguous
//!
//! Each is documented in its module; in short:
//! - Answers: separators (space, `-`, `_`, dashes) fold together, one trailing `.`/`。`/`!`
//!   is ignored, Kano's "… that way" wordings are accepted; reversed coding touches only
//!   the numeric codes. Importance: a leading integer 1–9 followed by the end, a space, a
//!   dash, a colon or `(`.
//! - Ties everywhere (plurality, Fong's a and b, the mixed label's order, category
//!   strength, two_stage within a group) follow M > O > A > I > R > Q.
//! - moai: near-ties are measured pairwise against the plurality pick, never chained; a
//!   category needs at least one answer to be near-tied; R and Q are never picked unless
//!   they are the plurality pick, in which case moai keeps it.
//! - two_stage: equal sums go to the I/R/Q branch (METHODS writes `>`).
//! - Fong: a and b over all six categories; no mixed label when the second category has no
//!   answers.
//! - Strengths are fractions of 1, like Better and Worse; shares are percentages.
//! - Continuous: over respondents with both answers; importance counts with every pair,
//!   even where the Q/R exclusion leaves the pair out of the continuous means.
//! - Cleaning: blanks neither make nor break a straight line, which needs ≥ 2 complete
//!   pairs; "more than k" Q answers is strict and depends on the table.
//! - JSON nulls: undefined leaves are `null`; `continuous` is `null` as a whole for
//!   aggregated counts, where it does not apply.

pub mod answer;
pub mod better_worse;
pub mod category;
pub mod cleaning;
pub mod continuous;
pub mod fong;
pub mod importance;
pub mod method;
pub mod report;
pub mod result;
pub mod rule;
pub mod strength;
pub mod table;

pub use answer::{Answer, Coding, InvalidValue};
pub use category::{Category, Counts, Shares};
pub use cleaning::DropReason;
pub use continuous::Continuous;
pub use fong::{Fong, FongVerdict};
pub use importance::{Importance, parse_importance};
pub use method::Method;
pub use report::{ClassifyReport, DropKind, Dropped, Segment, tally_dropped};
pub use result::{FeatureAccumulator, KanoResult};
pub use rule::Rule;
pub use table::Table;
