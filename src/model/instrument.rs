//! The SERVQUAL instrument as data: the standard 22 items (Parasuraman, Zeithaml & Berry
//! 1988, 1991) and how an item id of a workshop finds its dimension.
//!
//! Input: item ids as written in a workshop or an answer file's header, and the workshop's
//! own `servqual.mapping` and `servqual.items`. Output: the item's [`Dimension`]. Shared by
//! the input stage (which reads the answer files) and the analysis (which scores them); no
//! I/O, and it imports only the model and the leaves.

use std::collections::BTreeMap;

use super::enums::fold;
use super::{Dimension, Servqual};

/// One item of the standard instrument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StandardItem {
    /// Its number in the 22-item questionnaire (1988 and 1991 versions).
    pub number: u8,
    /// Its conventional id.
    pub id: &'static str,
    /// Its dimension.
    pub dimension: Dimension,
}

const fn item(number: u8, id: &'static str, dimension: Dimension) -> StandardItem {
    StandardItem { number, id, dimension }
}

/// The standard 22-item mapping (Parasuraman, Zeithaml & Berry 1988, 1991): items 1–4
/// tangibles, 5–9 reliability, 10–13 responsiveness, 14–17 assurance, 18–22 empathy, with
/// the conventional ids T1–T4, R1–R5, SP1–SP4, A1–A4, E1–E5.
pub const STANDARD_ITEMS: [StandardItem; 22] = {
    use Dimension::{Assurance, Empathy, Reliability, Responsiveness, Tangibles};
    [
        item(1, "T1", Tangibles),
        item(2, "T2", Tangibles),
        item(3, "T3", Tangibles),
        item(4, "T4", Tangibles),
        item(5, "R1", Reliability),
        item(6, "R2", Reliability),
        item(7, "R3", Reliability),
        item(8, "R4", Reliability),
        item(9, "R5", Reliability),
        item(10, "SP1", Responsiveness),
        item(11, "SP2", Responsiveness),
        item(12, "SP3", Responsiveness),
        item(13, "SP4", Responsiveness),
        item(14, "A1", Assurance),
        item(15, "A2", Assurance),
        item(16, "A3", Assurance),
        item(17, "A4", Assurance),
        item(18, "E1", Empathy),
        item(19, "E2", Empathy),
        item(20, "E3", Empathy),
        item(21, "E4", Empathy),
        item(22, "E5", Empathy),
    ]
};

/// The dimension of an item id under the standard mapping: the conventional ids (any case,
/// full- or half-width; `RS1`–`RS4` for SP), or the item numbers `1`–`22` (also `Q7`,
/// `q07`, `item7`).
pub fn standard_dimension(id: &str) -> Option<Dimension> {
    let f: String = fold(id).chars().filter(|c| *c != '-').collect();
    if let Some(it) = STANDARD_ITEMS.iter().find(|it| it.id.eq_ignore_ascii_case(&f)) {
        return Some(it.dimension);
    }
    if let Some(n) = f.strip_prefix("rs").and_then(|n| n.parse::<u8>().ok())
        && (1..=4).contains(&n)
    {
        return Some(Dimension::Responsiveness);
    }
    let digits = f.strip_prefix("item").or_else(|| f.strip_prefix('q')).unwrap_or(&f);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u8 = digits.parse().ok()?;
    STANDARD_ITEMS.iter().find(|it| it.number == n).map(|it| it.dimension)
}

impl Servqual {
    /// The dimension of item `id` for this workshop: `servqual.mapping` (exact id, then
    /// case-insensitive), then the ids under `servqual.items`, then the standard mapping.
    pub fn dimension_of(&self, id: &str) -> Option<Dimension> {
        let id = id.trim();
        if let Some(d) = self.mapping.get(id) {
            return Some(*d);
        }
        if let Some((_, d)) = self.mapping.iter().find(|(k, _)| k.trim().eq_ignore_ascii_case(id)) {
            return Some(*d);
        }
        if let Some(it) = self.items.iter().find(|it| it.id.trim().eq_ignore_ascii_case(id)) {
            return Some(it.dimension);
        }
        standard_dimension(id)
    }
}

/// Item ids to dimensions as one map, for documentation and tests.
pub fn standard_mapping() -> BTreeMap<&'static str, Dimension> {
    STANDARD_ITEMS.iter().map(|it| (it.id, it.dimension)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scale, ServqualItem};
    use Dimension::{Assurance, Empathy, Reliability, Responsiveness, Tangibles};

    fn section() -> Servqual {
        Servqual {
            scale: Scale { min: 1.0, max: 7.0 },
            responses: None,
            mapping: BTreeMap::new(),
            items: Vec::new(),
            dimensions: Vec::new(),
            weights: BTreeMap::new(),
            zone_of_tolerance: Vec::new(),
        }
    }

    #[test]
    fn standard_mapping_has_22_items_4_5_4_4_5() {
        let m = standard_mapping();
        assert_eq!(m.len(), 22);
        let count = |d| STANDARD_ITEMS.iter().filter(|i| i.dimension == d).count();
        assert_eq!(
            [
                count(Tangibles),
                count(Reliability),
                count(Responsiveness),
                count(Assurance),
                count(Empathy)
            ],
            [4, 5, 4, 4, 5]
        );
        assert_eq!(standard_dimension("SP3"), Some(Responsiveness));
        assert_eq!(standard_dimension("rs2"), Some(Responsiveness));
        assert_eq!(standard_dimension("Ｅ５"), Some(Empathy));
        assert_eq!(standard_dimension("r5"), Some(Reliability));
        assert_eq!(standard_dimension("9"), Some(Reliability));
        assert_eq!(standard_dimension("Q10"), Some(Responsiveness));
        assert_eq!(standard_dimension("q07"), Some(Reliability));
        assert_eq!(standard_dimension("item22"), Some(Empathy));
        assert_eq!(standard_dimension("23"), None);
        assert_eq!(standard_dimension("T5"), None);
        assert_eq!(standard_dimension(""), None);
        assert_eq!(standard_dimension("q"), None);
    }

    #[test]
    fn mapping_is_data_before_the_standard() {
        let mut sq = section();
        // a questionnaire whose T1 is about empathy: the workshop's mapping wins
        sq.mapping.insert("T1".into(), Empathy);
        sq.mapping.insert("waiting".into(), Responsiveness);
        assert_eq!(sq.dimension_of("T1"), Some(Empathy));
        assert_eq!(sq.dimension_of("WAITING"), Some(Responsiveness));
        assert_eq!(sq.dimension_of("T2"), Some(Tangibles));
        assert_eq!(sq.dimension_of("unknown"), None);
        sq.items.push(ServqualItem {
            id: "X1".into(),
            dimension: Assurance,
            statement: None,
            expectation: 6.0,
            perception: 5.0,
            n: 3,
            importance: None,
        });
        assert_eq!(sq.dimension_of("x1"), Some(Assurance));
    }
}
