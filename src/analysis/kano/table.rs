//! The Kano evaluation table: a (functional, dysfunctional) answer pair → a category.
//!
//! Source: Kano et al. 1984; Berger et al. 1993, Center for Quality of Management Journal
//! 2(4) (METHODS §1.2). The `pouliot` variant is Berger et al. 1993 p. 33: every pair with
//! the same answer twice is Q, except neutral/neutral, which stays I.

use serde::{Deserialize, Serialize};

use super::answer::Answer;
use super::category::Category;

/// Which evaluation table maps answer pairs to categories.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Kano's table as METHODS §1.2 prints it (the default).
    #[default]
    Standard,
    /// Berger et al. 1993 p. 33: a repeated answer is Q, except neutral/neutral → I.
    Pouliot,
}

use Category::{A, I, M, O, Q, R};

/// Rows: functional answer 1–5; columns: dysfunctional answer 1–5.
const STANDARD: [[Category; 5]; 5] = [
    // like  must  neut  live  dislike
    [Q, A, A, A, O], // like
    [R, I, I, I, M], // must-be
    [R, I, I, I, M], // neutral
    [R, I, I, I, M], // live-with
    [R, R, R, R, Q], // dislike
];

impl Table {
    /// The category of one answer pair.
    pub fn classify(self, functional: Answer, dysfunctional: Answer) -> Category {
        let standard = cell(functional, dysfunctional);
        match self {
            Table::Standard => standard,
            Table::Pouliot if functional == dysfunctional && functional != Answer::Neutral => Q,
            Table::Pouliot => standard,
        }
    }

    /// The name written in reports (`standard`, `pouliot`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Standard => "standard",
            Table::Pouliot => "pouliot",
        }
    }
}

fn cell(functional: Answer, dysfunctional: Answer) -> Category {
    // Both indices are 0..5 by construction of `Answer`; `get` keeps this panic-free.
    STANDARD
        .get(functional.index())
        .and_then(|row| row.get(dysfunctional.index()))
        .copied()
        .unwrap_or(Q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{Dislike, Like, LiveWith, MustBe, Neutral};

    /// The 25 cells of METHODS §1.2, written out pair by pair.
    const EXPECTED_STANDARD: [(Answer, Answer, Category); 25] = [
        (Like, Like, Q),
        (Like, MustBe, A),
        (Like, Neutral, A),
        (Like, LiveWith, A),
        (Like, Dislike, O),
        (MustBe, Like, R),
        (MustBe, MustBe, I),
        (MustBe, Neutral, I),
        (MustBe, LiveWith, I),
        (MustBe, Dislike, M),
        (Neutral, Like, R),
        (Neutral, MustBe, I),
        (Neutral, Neutral, I),
        (Neutral, LiveWith, I),
        (Neutral, Dislike, M),
        (LiveWith, Like, R),
        (LiveWith, MustBe, I),
        (LiveWith, Neutral, I),
        (LiveWith, LiveWith, I),
        (LiveWith, Dislike, M),
        (Dislike, Like, R),
        (Dislike, MustBe, R),
        (Dislike, Neutral, R),
        (Dislike, LiveWith, R),
        (Dislike, Dislike, Q),
    ];

    #[test]
    fn standard_all_25_cells() {
        for (f, d, c) in EXPECTED_STANDARD {
            assert_eq!(Table::Standard.classify(f, d), c, "{f:?}/{d:?}");
        }
    }

    #[test]
    fn pouliot_all_25_cells() {
        // Same as standard except the diagonal: must-be/must-be and live-with/live-with
        // become Q; like/like and dislike/dislike are Q already; neutral/neutral stays I.
        for (f, d, c) in EXPECTED_STANDARD {
            let expected = match (f, d) {
                (MustBe, MustBe) | (LiveWith, LiveWith) => Q,
                _ => c,
            };
            assert_eq!(Table::Pouliot.classify(f, d), expected, "{f:?}/{d:?}");
        }
        assert_eq!(Table::Pouliot.classify(Like, Like), Q);
        assert_eq!(Table::Pouliot.classify(MustBe, MustBe), Q);
        assert_eq!(Table::Pouliot.classify(Neutral, Neutral), I);
        assert_eq!(Table::Pouliot.classify(LiveWith, LiveWith), Q);
        assert_eq!(Table::Pouliot.classify(Dislike, Dislike), Q);
    }

    #[test]
    fn names_serde_and_cli_values() {
        use clap::ValueEnum;
        assert_eq!(Table::default(), Table::Standard);
        for t in [Table::Standard, Table::Pouliot] {
            assert_eq!(serde_json::to_string(&t).unwrap(), format!("\"{}\"", t.name()));
            assert_eq!(Table::from_str(t.name(), false), Ok(t));
        }
    }
}
