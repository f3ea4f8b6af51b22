//! Zone of tolerance (METHODS §2).
//!
//! Source: Zeithaml, Berry & Parasuraman 1993, "The nature and determinants of customer
//! expectations of service", Journal of the Academy of Marketing Science 21(1). Per
//! dimension, adequate service A (适当服务), desired service D (理想服务) and perceived
//! service P: measure of service adequacy MSA = P − A, measure of service superiority
//! MSS = P − D; below the zone when MSA < 0, above it when MSS > 0, else within; position
//! in the zone (P − A) / (D − A) (0 at adequate, 1 at desired; undefined when D = A).
//!
//! Input: the workshop's `zone_of_tolerance` rows. Output: [`Zone`] per row, in the order
//! given. No I/O.

use serde::Serialize;

use crate::model::{Dimension, Language, ZoneOfTolerance};

/// The method label of every row.
pub const METHOD: &str = "zone of tolerance (Zeithaml, Berry & Parasuraman 1993): \
     MSA = P − A, MSS = P − D; below when MSA < 0, above when MSS > 0; \
     position = (P − A) / (D − A)";

/// Where perceived service lies relative to the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Below adequate service: MSA < 0.
    Below,
    /// Between adequate and desired service (both included).
    Within,
    /// Above desired service: MSS > 0.
    Above,
}

impl Status {
    /// The status in a report language: the wording catalog's
    /// `common.tolerance_status.<key>`.
    pub fn label(self, lang: Language) -> &'static str {
        crate::i18n::text(
            lang.key(),
            match self {
                Status::Below => "common.tolerance_status.below",
                Status::Within => "common.tolerance_status.within",
                Status::Above => "common.tolerance_status.above",
            },
        )
    }
}

/// The zone of tolerance of one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Zone {
    /// The dimension (English key).
    pub dimension: Dimension,
    /// Its name in the report language.
    pub label: &'static str,
    /// Adequate service A.
    pub adequate: f64,
    /// Desired service D.
    pub desired: f64,
    /// Perceived service P.
    pub perceived: f64,
    /// MSA = P − A.
    pub msa: f64,
    /// MSS = P − D.
    pub mss: f64,
    /// D − A, the width of the zone.
    pub width: f64,
    /// (P − A) / (D − A); `null` when D = A.
    pub position: Option<f64>,
    /// Below, within or above the zone.
    pub status: Status,
    /// The method label.
    pub method: &'static str,
}

/// MSA, MSS, width, position and status of perceived service `p` against adequate `a` and
/// desired `d`.
pub fn measures(a: f64, d: f64, p: f64) -> (f64, f64, f64, Option<f64>, Status) {
    let (msa, mss, width) = (p - a, p - d, d - a);
    let position = (width != 0.0 && width.is_finite()).then(|| msa / width);
    let status = if msa < 0.0 {
        Status::Below
    } else if mss > 0.0 {
        Status::Above
    } else {
        Status::Within
    };
    (msa, mss, width, position, status)
}

/// The zone of every row, labels in `lang`.
pub fn zones(rows: &[ZoneOfTolerance], lang: Language) -> Vec<Zone> {
    rows.iter()
        .map(|z| {
            let (msa, mss, width, position, status) = measures(z.adequate, z.desired, z.perceived);
            Zone {
                dimension: z.dimension,
                label: z.dimension.label(lang),
                adequate: z.adequate,
                desired: z.desired,
                perceived: z.perceived,
                msa,
                mss,
                width,
                position,
                status,
                method: METHOD,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_is_named_in_every_language() {
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            for s in [Status::Below, Status::Within, Status::Above] {
                assert!(!s.label(lang).starts_with("common."), "{s:?} in {lang:?}");
            }
        }
        assert_eq!(Status::Above.label(Language::ZhCn), "高于理想服务");
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn below_within_above() {
        // reliability of the bank example: A 5.6, D 6.6, P 5.44 → MSA −0.16, below
        let (msa, mss, width, pos, st) = measures(5.6, 6.6, 5.44);
        assert!(close(msa, -0.16) && close(mss, -1.16) && close(width, 1.0));
        assert!(close(pos.unwrap(), -0.16));
        assert_eq!(st, Status::Below);
        // within: A 5.3, D 6.5, P 5.86 → position 0.56 / 1.2 = 0.4667
        let (msa, mss, _, pos, st) = measures(5.3, 6.5, 5.86);
        assert!(close(msa, 0.56) && close(mss, -0.64));
        assert!((pos.unwrap() - 0.4667).abs() < 0.00005);
        assert_eq!(st, Status::Within);
        // above: P beyond D
        let (_, mss, _, pos, st) = measures(4.6, 5.8, 5.82);
        assert!(close(mss, 0.02) && pos.unwrap() > 1.0);
        assert_eq!(st, Status::Above);
        // on the edges: within
        assert_eq!(measures(5.0, 6.0, 5.0).4, Status::Within);
        assert_eq!(measures(5.0, 6.0, 6.0).4, Status::Within);
    }

    #[test]
    fn empty_zone_has_no_position() {
        let (_, _, width, pos, st) = measures(5.0, 5.0, 5.5);
        assert_eq!((width, pos, st), (0.0, None, Status::Above));
        let z = zones(
            &[ZoneOfTolerance {
                dimension: Dimension::Empathy,
                adequate: 4.8,
                desired: 6.1,
                perceived: 4.99,
            }],
            Language::ZhCn,
        );
        assert_eq!(z[0].label, "移情度");
        assert_eq!(z[0].status, Status::Within);
        assert!(zones(&[], Language::En).is_empty());
    }
}
