//! Importance–performance analysis (METHODS §2).
//!
//! Source: Martilla & James 1977, "Importance-performance analysis", Journal of Marketing
//! 41(1). Importance on y, performance on x; the crosshair at the means by default, or at
//! the medians, the scale midpoints, or custom values. Quadrants: high importance / low
//! performance "concentrate here", high / high "keep up the good work", low / low "low
//! priority", low importance / high performance "possible overkill". Ties count as high: a
//! point on a line is on its high side.
//!
//! Input: [`Point`]s (SERVQUAL items with an importance rating, or dimensions with their
//! 100-point weights) and a [`Crosshair`]. Output: the crosshair's position and each point's
//! [`Quadrant`]. No I/O.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

use super::stats::{mean, median};
use crate::model::Language;

/// Where the crosshair lines go.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Crosshair {
    /// The means of the points' performance and importance (Martilla & James; default).
    #[default]
    Mean,
    /// Their medians.
    Median,
    /// The middle of each scale.
    ScaleMid,
    /// Given values.
    Custom {
        /// Performance (x) line.
        performance: f64,
        /// Importance (y) line.
        importance: f64,
    },
}

impl Crosshair {
    /// The name as `--ipa-crosshair` takes it (`custom` for given values).
    pub fn name(&self) -> &'static str {
        match self {
            Crosshair::Mean => "mean",
            Crosshair::Median => "median",
            Crosshair::ScaleMid => "scale-mid",
            Crosshair::Custom { .. } => "custom",
        }
    }
}

impl fmt::Display for Crosshair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Crosshair::Custom { performance, importance } => {
                write!(f, "{performance},{importance}")
            }
            c => f.write_str(c.name()),
        }
    }
}

impl Serialize for Crosshair {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

/// Text that names no crosshair.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{0}` is not a crosshair: use mean, median, scale-mid, or two numbers \
     `PERFORMANCE,IMPORTANCE` such as `5.5,6`"
)]
pub struct CrosshairError(pub String);

impl FromStr for Crosshair {
    type Err = CrosshairError;

    /// `mean`, `median`, `scale-mid` (also `scale_mid`, `midpoint`), or `P,I`: the
    /// performance and importance values of the lines.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "mean" | "means" => Ok(Crosshair::Mean),
            "median" | "medians" => Ok(Crosshair::Median),
            "scale-mid" | "scale_mid" | "scalemid" | "midpoint" | "mid" => Ok(Crosshair::ScaleMid),
            other => {
                let parsed = other.split_once(',').and_then(|(p, i)| {
                    Some((p.trim().parse::<f64>().ok()?, i.trim().parse::<f64>().ok()?))
                });
                match parsed {
                    Some((performance, importance))
                        if performance.is_finite() && importance.is_finite() =>
                    {
                        Ok(Crosshair::Custom { performance, importance })
                    }
                    _ => Err(CrosshairError(s.to_owned())),
                }
            }
        }
    }
}

/// One thing to place: an item or a dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Its id (item id or dimension key).
    pub id: String,
    /// Its name for people.
    pub label: String,
    /// Importance (y).
    pub importance: f64,
    /// Performance (x).
    pub performance: f64,
}

/// The four quadrants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low performance.
    ConcentrateHere,
    /// High importance, high performance.
    KeepUpTheGoodWork,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance.
    PossibleOverkill,
}

impl Quadrant {
    /// The quadrant's name in a report language: the wording catalog's
    /// `common.ipa_quadrant.<key>`.
    pub fn label(self, lang: Language) -> &'static str {
        crate::i18n::text(
            lang.key(),
            match self {
                Quadrant::ConcentrateHere => "common.ipa_quadrant.concentrate_here",
                Quadrant::KeepUpTheGoodWork => "common.ipa_quadrant.keep_up_the_good_work",
                Quadrant::LowPriority => "common.ipa_quadrant.low_priority",
                Quadrant::PossibleOverkill => "common.ipa_quadrant.possible_overkill",
            },
        )
    }
}

/// Where the lines were drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lines {
    /// `mean`, `median`, `scale-mid` or `custom`.
    pub method: &'static str,
    /// The performance (x) line.
    pub performance: f64,
    /// The importance (y) line.
    pub importance: f64,
}

/// A placed point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IpaPoint {
    /// Item id or dimension key.
    pub id: String,
    /// Name.
    pub label: String,
    /// Importance (y).
    pub importance: f64,
    /// Performance (x).
    pub performance: f64,
    /// The quadrant.
    pub quadrant: Quadrant,
    /// The quadrant's name in the report language.
    pub quadrant_label: &'static str,
}

/// The quadrant of a point given the lines; a point on a line counts as high.
pub fn quadrant(importance: f64, performance: f64, lines: &Lines) -> Quadrant {
    match (importance >= lines.importance, performance >= lines.performance) {
        (true, false) => Quadrant::ConcentrateHere,
        (true, true) => Quadrant::KeepUpTheGoodWork,
        (false, false) => Quadrant::LowPriority,
        (false, true) => Quadrant::PossibleOverkill,
    }
}

/// Place `points`; `scale_mid` gives the (performance, importance) midpoints for
/// [`Crosshair::ScaleMid`]. `None` when there are no points.
pub fn classify(
    points: &[Point],
    crosshair: Crosshair,
    scale_mid: (f64, f64),
    lang: Language,
) -> Option<(Lines, Vec<IpaPoint>)> {
    if points.is_empty() {
        return None;
    }
    let perf: Vec<f64> = points.iter().map(|p| p.performance).collect();
    let imp: Vec<f64> = points.iter().map(|p| p.importance).collect();
    let (performance, importance) = match crosshair {
        Crosshair::Mean => (mean(&perf)?, mean(&imp)?),
        Crosshair::Median => (median(&perf)?, median(&imp)?),
        Crosshair::ScaleMid => scale_mid,
        Crosshair::Custom { performance, importance } => (performance, importance),
    };
    let lines = Lines { method: crosshair.name(), performance, importance };
    let placed = points
        .iter()
        .map(|p| {
            let q = quadrant(p.importance, p.performance, &lines);
            IpaPoint {
                id: p.id.clone(),
                label: p.label.clone(),
                importance: p.importance,
                performance: p.performance,
                quadrant: q,
                quadrant_label: q.label(lang),
            }
        })
        .collect();
    Some((lines, placed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_quadrant_is_named_in_every_language() {
        use Quadrant::*;
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            for q in [ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill] {
                assert!(!q.label(lang).starts_with("common."), "{q:?} in {lang:?}");
            }
        }
        assert_eq!(LowPriority.label(Language::ZhTw), "低優先級");
    }

    fn p(id: &str, importance: f64, performance: f64) -> Point {
        Point { id: id.into(), label: id.into(), importance, performance }
    }

    #[test]
    fn quadrants_at_the_means_with_ties_high() {
        // means: performance 5, importance 6
        let pts = [p("a", 7.0, 4.0), p("b", 7.0, 6.0), p("c", 5.0, 4.0), p("d", 5.0, 6.0)];
        let (lines, placed) = classify(&pts, Crosshair::Mean, (4.0, 4.0), Language::En).unwrap();
        assert_eq!((lines.performance, lines.importance), (5.0, 6.0));
        let q: Vec<Quadrant> = placed.iter().map(|x| x.quadrant).collect();
        assert_eq!(
            q,
            [
                Quadrant::ConcentrateHere,
                Quadrant::KeepUpTheGoodWork,
                Quadrant::LowPriority,
                Quadrant::PossibleOverkill
            ]
        );
        // on both lines → high importance, high performance
        let on = Lines { method: "custom", performance: 5.0, importance: 6.0 };
        assert_eq!(quadrant(6.0, 5.0, &on), Quadrant::KeepUpTheGoodWork);
        assert_eq!(quadrant(6.0, 4.999, &on), Quadrant::ConcentrateHere);
    }

    #[test]
    fn median_scale_mid_and_custom() {
        let pts = [p("a", 1.0, 1.0), p("b", 2.0, 2.0), p("c", 9.0, 9.0)];
        let (l, _) = classify(&pts, Crosshair::Median, (4.0, 4.0), Language::En).unwrap();
        assert_eq!((l.performance, l.importance), (2.0, 2.0));
        let (l, _) = classify(&pts, Crosshair::ScaleMid, (4.0, 20.0), Language::En).unwrap();
        assert_eq!((l.performance, l.importance, l.method), (4.0, 20.0, "scale-mid"));
        let c = Crosshair::Custom { performance: 5.5, importance: 6.0 };
        let (l, placed) = classify(&pts, c, (4.0, 4.0), Language::ZhCn).unwrap();
        assert_eq!((l.performance, l.importance, l.method), (5.5, 6.0, "custom"));
        assert_eq!(placed[2].quadrant_label, "继续保持");
        assert_eq!(classify(&[], Crosshair::Mean, (4.0, 4.0), Language::En), None);
        // one point: it sits on both mean lines, so it is high/high
        let (_, one) = classify(&pts[..1], Crosshair::Mean, (4.0, 4.0), Language::En).unwrap();
        assert_eq!(one[0].quadrant, Quadrant::KeepUpTheGoodWork);
    }

    #[test]
    fn parse_crosshair() {
        assert_eq!("mean".parse::<Crosshair>(), Ok(Crosshair::Mean));
        assert_eq!("Median".parse::<Crosshair>(), Ok(Crosshair::Median));
        assert_eq!("scale-mid".parse::<Crosshair>(), Ok(Crosshair::ScaleMid));
        assert_eq!(
            "5.5, 6".parse::<Crosshair>(),
            Ok(Crosshair::Custom { performance: 5.5, importance: 6.0 })
        );
        assert!("middle".parse::<Crosshair>().unwrap_err().to_string().contains("scale-mid"));
        assert!("nan,1".parse::<Crosshair>().is_err());
        assert_eq!(Crosshair::Custom { performance: 5.5, importance: 6.0 }.to_string(), "5.5,6");
    }
}
