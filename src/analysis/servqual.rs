//! SERVQUAL (METHODS §2): dimension scores, the three overall scores, and the inputs of the
//! zone of tolerance and of importance–performance analysis.
//!
//! Source: Parasuraman, Zeithaml & Berry 1988, "SERVQUAL: a multiple-item scale for
//! measuring consumer perceptions of service quality", Journal of Retailing 64(1); and
//! 1991, "Refinement and reassessment of the SERVQUAL scale", Journal of Retailing 67(4)
//! (the 100-point importance allocation and the weighted score). 22 paired items on a
//! 7-point scale: tangibles 4, reliability 5, responsiveness 4, assurance 4, empathy 5.
//!
//! | quantity | formula |
//! |---|---|
//! | item gap | G = P − E (negative = shortfall) |
//! | respondent dimension score | S_id = mean of respondent i's item gaps in dimension d (items with both answers) |
//! | dimension score | S_d = mean over respondents of S_id |
//! | unweighted SERVQUAL | SQ_u = mean of the dimension scores |
//! | item-level overall | mean of the item gaps (differs from SQ_u when dimensions have different item counts) |
//! | weighted SERVQUAL | SQ_w = mean over respondents of Σ_d (points_id / 100) · S_id |
//!
//! The item → dimension mapping is data, never a position: [`STANDARD_ITEMS`] ships the
//! standard 22-item instrument's; a workshop may name its own (`servqual.mapping`, or the
//! dimension of each entry under `servqual.items`).
//!
//! # Inputs, most detailed first
//!
//! 1. **Raw responses** ([`Responses`]: one row per respondent, E and P per item, optional
//!    importance per item and 100 points per dimension) — every formula above as written.
//! 2. **Item means** (`servqual.items`: Ē, P̄, n per item, as papers publish them) — the
//!    item gap is P̄ − Ē, S_d the mean of the item gaps in d. This equals the respondent
//!    formula when every respondent answered every item.
//! 3. **Dimension means** (`servqual.dimensions`) — S_d = P̄ − Ē; no item-level overall.
//!
//! The weighted score uses each respondent's own points when the raw responses have them
//! (variant `weighted`); otherwise the mean points under `servqual.weights` applied to the
//! dimension scores, SQ_w = Σ_d (w̄_d / 100) · S_d (variant `weighted-mean-points`), which
//! equals the respondent formula when every respondent gives the same points (METHODS'
//! worked example). Points are divided by 100 once and the sum is not divided by 5 again.
//!
//! # Choices where METHODS leaves room
//!
//! - A dimension nobody answered has `null` scores; SQ_u is then the mean of the dimensions
//!   that have one, and says so in its `note` (`null` when none has).
//! - A respondent enters SQ_w only with points for all five dimensions that sum to 100 (±0.5)
//!   and a score S_id for every dimension given points; the others are counted out.
//! - The item-level overall is the mean over items of each item's gap (pairwise: the
//!   respondents who answered both E and P of that item).
//! - Importance for IPA: the raw file's `<item>_I` columns, else the items' `importance`;
//!   without item importance, the dimensions with their mean 100-point weights.
//!
//! Input: the `servqual` section and, when it names a responses file, the [`Responses`]
//! the input stage read from it. Output: [`ServqualResult`]. No I/O; imports only the model
//! and the leaves.
//!
//! [`STANDARD_ITEMS`]: crate::model::instrument::STANDARD_ITEMS

use std::fmt;

use serde::Serialize;

use super::ipa::{self, Crosshair, IpaPoint, Lines, Point};
use super::stats::mean;
use super::tolerance::{self, Zone};
use crate::model::answers::{POINTS_TOLERANCE, Responses};
use crate::model::{Dimension, Language, Scale, Servqual};

/// A value the method cannot use.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidValue {
    /// 0-based respondent index.
    pub respondent: usize,
    /// The item, for an answer.
    pub item: Option<String>,
    /// `expectation`, `perception`, `importance` or `points`.
    pub field: &'static str,
    /// The value.
    pub value: f64,
    /// Why it cannot be used.
    pub reason: String,
}

impl fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "respondent {}: ", self.respondent + 1)?;
        match &self.item {
            Some(item) => {
                write!(f, "{} of item `{item}` is {}: {}", self.field, self.value, self.reason)
            }
            None => write!(f, "{} {}: {}", self.field, self.value, self.reason),
        }
    }
}

/// Every value of `r` off `scale`, and every set of points that is negative or does not add
/// up to 100.
pub fn validate(r: &Responses, scale: Scale) -> Vec<InvalidValue> {
    let mut out = Vec::new();
    for (i, resp) in r.respondents.iter().enumerate() {
        for (spec, a) in r.items.iter().zip(&resp.answers) {
            for (field, v) in [
                ("expectation", a.expectation),
                ("perception", a.perception),
                ("importance", a.importance),
            ] {
                if let Some(v) = v
                    && !(v.is_finite() && scale.contains(v))
                {
                    out.push(InvalidValue {
                        respondent: i,
                        item: Some(spec.id.clone()),
                        field,
                        value: v,
                        reason: format!("outside the scale {}..{}", scale.min, scale.max),
                    });
                }
            }
        }
        if let Some(p) = resp.points {
            let sum: f64 = p.iter().sum();
            if p.iter().any(|v| !v.is_finite() || *v < 0.0) {
                out.push(InvalidValue {
                    respondent: i,
                    item: None,
                    field: "points",
                    value: sum,
                    reason: "points cannot be negative".into(),
                });
            } else if (sum - 100.0).abs() > POINTS_TOLERANCE {
                out.push(InvalidValue {
                    respondent: i,
                    item: None,
                    field: "points",
                    value: sum,
                    reason: "the points over the five dimensions must add up to 100".into(),
                });
            }
        }
    }
    out
}

/// Where the scores come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Raw respondent data.
    Responses,
    /// Published item means.
    Items,
    /// Published dimension means.
    Dimensions,
    /// No E/P data (a section with only the zone of tolerance).
    None,
}

/// One dimension's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    /// The dimension (English key).
    pub dimension: Dimension,
    /// Its name in the report language.
    pub label: &'static str,
    /// Mean expectation.
    pub expectation: Option<f64>,
    /// Mean perception.
    pub perception: Option<f64>,
    /// S_d: the dimension score, perception minus expectation.
    pub gap: Option<f64>,
    /// Items of the dimension in the data; `null` for dimension means.
    pub n_items: Option<usize>,
    /// Respondents: with a score (raw data), the smallest item n (item means), or as given.
    pub n: Option<u64>,
    /// How the score was computed.
    pub method: &'static str,
}

/// One item's scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    /// Item id.
    pub id: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// The statement, when the workshop gives it.
    pub statement: Option<String>,
    /// Mean expectation.
    pub expectation: Option<f64>,
    /// Mean perception.
    pub perception: Option<f64>,
    /// P − E.
    pub gap: Option<f64>,
    /// Respondents with both answers (or as given).
    pub n: u64,
    /// Mean importance, if known.
    pub importance: Option<f64>,
}

/// An overall SERVQUAL score with its variant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// The score; `null` when it cannot be computed.
    pub value: Option<f64>,
    /// `unweighted`, `weighted`, `weighted-mean-points` or `item-level`.
    pub variant: &'static str,
    /// The formula and its source.
    pub method: &'static str,
    /// What the value is a mean over: dimensions (unweighted), respondents (weighted),
    /// items (item-level); for `weighted-mean-points` the dimensions with points.
    pub n: u64,
    /// A remark when the value is partial or missing.
    pub note: Option<String>,
}

/// The crosshair of the IPA and what was plotted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IpaCrosshair {
    /// `items` or `dimensions`.
    pub level: &'static str,
    /// What importance is: the items' importance ratings, or the 100-point weights.
    pub importance_measure: &'static str,
    /// What performance is.
    pub performance_measure: &'static str,
    /// The lines.
    #[serde(flatten)]
    pub lines: Lines,
}

/// Everything SERVQUAL gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServqualResult {
    /// Where the E/P scores come from.
    pub source: Source,
    /// The answer scale.
    pub scale: Scale,
    /// Respondents in the raw data; `null` for aggregates.
    pub respondents: Option<u64>,
    /// The five dimensions, in the method's order (scores `null` when absent).
    pub dimensions: Vec<DimensionScore>,
    /// Item scores (empty for dimension means).
    pub items: Vec<ItemScore>,
    /// SQ_u.
    pub unweighted: Overall,
    /// SQ_w; `null` without points or weights.
    pub weighted: Option<Overall>,
    /// The mean of the item gaps; `null` without items.
    pub item_overall: Option<Overall>,
    /// The zone of tolerance per dimension given.
    pub zone_of_tolerance: Vec<Zone>,
    /// Importance–performance points (empty without importance data).
    pub ipa: Vec<IpaPoint>,
    /// The IPA crosshair; `null` without IPA points.
    pub ipa_crosshair: Option<IpaCrosshair>,
}

const METHOD_RESPONSES: &str = "S_d = mean over respondents of S_id, the mean of the \
     respondent's item gaps P − E in d (items with both answers); Parasuraman, Zeithaml & Berry 1988";
const METHOD_ITEMS: &str = "S_d = mean of the item gaps mean(P) − mean(E) in d, from published item means; \
     Parasuraman, Zeithaml & Berry 1988";
const METHOD_DIMENSIONS: &str =
    "S_d = mean(P) − mean(E) from published dimension means; Parasuraman, Zeithaml & Berry 1988";
const METHOD_NONE: &str = "no expectation/perception data";
const METHOD_UNWEIGHTED: &str =
    "SQ_u = mean of the dimension scores S_d (Parasuraman, Zeithaml & Berry 1988)";
const METHOD_WEIGHTED: &str = "SQ_w = mean over respondents of Σ_d (points_id / 100) · S_id \
     (Parasuraman, Zeithaml & Berry 1991)";
const METHOD_WEIGHTED_MEAN: &str = "SQ_w = Σ_d (mean(w_d) / 100) · S_d with the mean points mean(w_d); \
     equals the per-respondent formula when every respondent gives the same points \
     (Parasuraman, Zeithaml & Berry 1991)";
const METHOD_ITEM_LEVEL: &str = "mean of the item gaps P − E over items; differs from SQ_u \
     when dimensions have different item counts";

/// The scores of the five dimensions plus what the overall scores need.
struct Scores {
    source: Source,
    respondents: Option<u64>,
    dims: [DimAgg; 5],
    items: Vec<ItemScore>,
    /// Weighted score from each respondent's own points: (value, respondents used).
    weighted: Option<(Option<f64>, u64, u64)>,
    /// Mean points per dimension from the raw data.
    mean_points: Option<[f64; 5]>,
}

#[derive(Debug, Clone, Copy, Default)]
struct DimAgg {
    expectation: Option<f64>,
    perception: Option<f64>,
    gap: Option<f64>,
    n_items: Option<usize>,
    n: Option<u64>,
}

/// Scores from raw responses (METHODS §2 as written).
fn from_responses(r: &Responses, sq: &Servqual) -> Scores {
    let mut dims = [DimAgg::default(); 5];
    // per respondent: (E_id, P_id, S_id) per dimension
    let mut per_resp: Vec<[Option<(f64, f64)>; 5]> = Vec::with_capacity(r.respondents.len());
    for resp in &r.respondents {
        let mut sums = [(0.0f64, 0.0f64, 0usize); 5];
        for (spec, a) in r.items.iter().zip(&resp.answers) {
            if let (Some(e), Some(p)) = (a.expectation, a.perception) {
                let s = &mut sums[spec.dimension.index()];
                s.0 += e;
                s.1 += p;
                s.2 += 1;
            }
        }
        per_resp.push(sums.map(|(e, p, k)| (k > 0).then(|| (e / k as f64, p / k as f64))));
    }
    for (d, agg) in dims.iter_mut().enumerate() {
        let ep: Vec<(f64, f64)> = per_resp.iter().filter_map(|x| x[d]).collect();
        let es: Vec<f64> = ep.iter().map(|x| x.0).collect();
        let ps: Vec<f64> = ep.iter().map(|x| x.1).collect();
        let gaps: Vec<f64> = ep.iter().map(|x| x.1 - x.0).collect();
        *agg = DimAgg {
            expectation: mean(&es),
            perception: mean(&ps),
            gap: mean(&gaps),
            n_items: Some(r.items.iter().filter(|i| i.dimension.index() == d).count()),
            n: Some(ep.len() as u64),
        };
    }
    let items = r
        .items
        .iter()
        .enumerate()
        .map(|(k, spec)| {
            let pairs: Vec<(f64, f64)> = r
                .respondents
                .iter()
                .filter_map(|resp| resp.answers.get(k))
                .filter_map(|a| Some((a.expectation?, a.perception?)))
                .collect();
            let imps: Vec<f64> = r
                .respondents
                .iter()
                .filter_map(|resp| resp.answers.get(k).and_then(|a| a.importance))
                .collect();
            let es: Vec<f64> = pairs.iter().map(|x| x.0).collect();
            let ps: Vec<f64> = pairs.iter().map(|x| x.1).collect();
            let typed =
                sq.items.iter().find(|it| it.id.trim().eq_ignore_ascii_case(spec.id.trim()));
            let (e, p) = (mean(&es), mean(&ps));
            ItemScore {
                id: spec.id.clone(),
                dimension: spec.dimension,
                statement: typed.and_then(|t| t.statement.clone()),
                expectation: e,
                perception: p,
                gap: e.zip(p).map(|(e, p)| p - e),
                n: pairs.len() as u64,
                importance: mean(&imps).or_else(|| typed.and_then(|t| t.importance)),
            }
        })
        .collect();
    // the weighted score from each respondent's own points
    let with_points = r.respondents.iter().filter(|x| x.points.is_some()).count() as u64;
    let weighted = (with_points > 0).then(|| {
        let values: Vec<f64> = r
            .respondents
            .iter()
            .zip(&per_resp)
            .filter_map(|(resp, scores)| {
                let points = resp.points?;
                if (points.iter().sum::<f64>() - 100.0).abs() > POINTS_TOLERANCE {
                    return None;
                }
                let mut total = 0.0;
                for (w, s) in points.iter().zip(scores) {
                    match s {
                        Some((e, p)) => total += w / 100.0 * (p - e),
                        None if *w == 0.0 => {}
                        None => return None,
                    }
                }
                Some(total)
            })
            .collect();
        let used = values.len() as u64;
        (mean(&values), used, with_points - used)
    });
    let mean_points = (with_points > 0).then(|| {
        let pts: Vec<[f64; 5]> = r.respondents.iter().filter_map(|x| x.points).collect();
        let mut m = [0.0; 5];
        for (d, slot) in m.iter_mut().enumerate() {
            let v: Vec<f64> = pts.iter().map(|p| p[d]).collect();
            *slot = mean(&v).unwrap_or(0.0);
        }
        m
    });
    Scores {
        source: Source::Responses,
        respondents: Some(r.respondents.len() as u64),
        dims,
        items,
        weighted,
        mean_points,
    }
}

/// Scores from published item means.
fn from_items(sq: &Servqual) -> Scores {
    let mut dims = [DimAgg::default(); 5];
    for (d, agg) in dims.iter_mut().enumerate() {
        let its: Vec<_> = sq.items.iter().filter(|it| it.dimension.index() == d).collect();
        let es: Vec<f64> = its.iter().map(|it| it.expectation).collect();
        let ps: Vec<f64> = its.iter().map(|it| it.perception).collect();
        let gaps: Vec<f64> = its.iter().map(|it| it.perception - it.expectation).collect();
        *agg = DimAgg {
            expectation: mean(&es),
            perception: mean(&ps),
            gap: mean(&gaps),
            n_items: Some(its.len()),
            n: its.iter().map(|it| u64::from(it.n)).min(),
        };
    }
    let items = sq
        .items
        .iter()
        .map(|it| ItemScore {
            id: it.id.clone(),
            dimension: it.dimension,
            statement: it.statement.clone(),
            expectation: Some(it.expectation),
            perception: Some(it.perception),
            gap: Some(it.perception - it.expectation),
            n: u64::from(it.n),
            importance: it.importance,
        })
        .collect();
    Scores {
        source: Source::Items,
        respondents: None,
        dims,
        items,
        weighted: None,
        mean_points: None,
    }
}

/// Scores from published dimension means (the first row of each dimension counts).
fn from_dimensions(sq: &Servqual) -> Scores {
    let mut dims = [DimAgg::default(); 5];
    for (d, agg) in dims.iter_mut().enumerate() {
        if let Some(dm) = sq.dimensions.iter().find(|x| x.dimension.index() == d) {
            *agg = DimAgg {
                expectation: Some(dm.expectation),
                perception: Some(dm.perception),
                gap: Some(dm.perception - dm.expectation),
                n_items: None,
                n: Some(u64::from(dm.n)),
            };
        }
    }
    Scores {
        source: Source::Dimensions,
        respondents: None,
        dims,
        items: Vec::new(),
        weighted: None,
        mean_points: None,
    }
}

/// SQ_u over the dimensions that have a score.
pub fn unweighted(scores: &[Option<f64>; 5], lang: Language) -> Overall {
    let have: Vec<f64> = scores.iter().flatten().copied().collect();
    let missing: Vec<&str> = Dimension::ALL
        .iter()
        .zip(scores)
        .filter(|(_, s)| s.is_none())
        .map(|(d, _)| d.label(lang))
        .collect();
    let note = match (have.len(), missing.is_empty()) {
        (_, true) => None,
        (0, false) => Some("no dimension has a score".to_owned()),
        (n, false) => {
            Some(format!("mean of {n} of 5 dimensions; no data for {}", missing.join(", ")))
        }
    };
    Overall {
        value: mean(&have),
        variant: "unweighted",
        method: METHOD_UNWEIGHTED,
        n: have.len() as u64,
        note,
    }
}

/// SQ_w = Σ_d (w_d / 100) · S_d for the same points `w` for everyone; `None` when a
/// dimension with points has no score.
pub fn weighted_same_points(scores: &[Option<f64>; 5], points: &[f64; 5]) -> Option<f64> {
    let mut total = 0.0;
    for (s, w) in scores.iter().zip(points) {
        match s {
            Some(s) => total += w / 100.0 * s,
            None if *w == 0.0 => {}
            None => return None,
        }
    }
    Some(total)
}

/// Mean of the item gaps.
pub fn item_level(gaps: &[f64]) -> Option<f64> {
    mean(gaps)
}

/// The workshop's mean points per dimension (missing dimensions are 0).
fn typed_points(sq: &Servqual) -> Option<[f64; 5]> {
    if sq.weights.is_empty() {
        return None;
    }
    let mut p = [0.0; 5];
    for (d, w) in &sq.weights {
        p[d.index()] = *w;
    }
    Some(p)
}

/// Analyse a workshop's SERVQUAL section; `responses` are the raw data read from
/// `servqual.responses`, if any. Values off the scale are rejected.
pub fn analyse(
    sq: &Servqual,
    responses: Option<&Responses>,
    crosshair: Crosshair,
    lang: Language,
) -> Result<ServqualResult, Vec<InvalidValue>> {
    if let Some(r) = responses {
        let bad = validate(r, sq.scale);
        if !bad.is_empty() {
            return Err(bad);
        }
    }
    let scores = match responses {
        Some(r) => from_responses(r, sq),
        None if !sq.items.is_empty() => from_items(sq),
        None if !sq.dimensions.is_empty() => from_dimensions(sq),
        None => Scores {
            source: Source::None,
            respondents: None,
            dims: [DimAgg::default(); 5],
            items: Vec::new(),
            weighted: None,
            mean_points: None,
        },
    };
    let method = match scores.source {
        Source::Responses => METHOD_RESPONSES,
        Source::Items => METHOD_ITEMS,
        Source::Dimensions => METHOD_DIMENSIONS,
        Source::None => METHOD_NONE,
    };
    let dimensions: Vec<DimensionScore> = Dimension::ALL
        .iter()
        .zip(&scores.dims)
        .map(|(&d, a)| DimensionScore {
            dimension: d,
            label: d.label(lang),
            expectation: a.expectation,
            perception: a.perception,
            gap: a.gap,
            n_items: a.n_items,
            n: a.n,
            method,
        })
        .collect();
    let s: [Option<f64>; 5] = scores.dims.map(|a| a.gap);
    let typed = typed_points(sq);
    let weighted = match (scores.weighted, typed) {
        (Some((value, used, out)), _) => Some(Overall {
            value,
            variant: "weighted",
            method: METHOD_WEIGHTED,
            n: used,
            note: (out > 0).then(|| {
                format!(
                    "{out} respondent(s) with points left out: a dimension with points has no \
                     answered item"
                )
            }),
        }),
        (None, Some(points)) => {
            let value = weighted_same_points(&s, &points);
            Some(Overall {
                value,
                variant: "weighted-mean-points",
                method: METHOD_WEIGHTED_MEAN,
                n: points.iter().filter(|w| **w > 0.0).count() as u64,
                note: value.is_none().then(|| "a dimension with points has no score".to_owned()),
            })
        }
        (None, None) => None,
    };
    let gaps: Vec<f64> = scores.items.iter().filter_map(|i| i.gap).collect();
    let item_overall = (!scores.items.is_empty()).then(|| Overall {
        value: item_level(&gaps),
        variant: "item-level",
        method: METHOD_ITEM_LEVEL,
        n: gaps.len() as u64,
        note: (gaps.len() < scores.items.len())
            .then(|| format!("{} item(s) without answers", scores.items.len() - gaps.len())),
    });
    let mid = (sq.scale.min + sq.scale.max) / 2.0;
    let item_points: Vec<Point> = scores
        .items
        .iter()
        .filter_map(|i| {
            Some(Point {
                id: i.id.clone(),
                label: i.statement.clone().unwrap_or_else(|| i.id.clone()),
                importance: i.importance?,
                performance: i.perception?,
            })
        })
        .collect();
    let (ipa, ipa_crosshair) = if !item_points.is_empty() {
        match ipa::classify(&item_points, crosshair, (mid, mid), lang) {
            Some((lines, placed)) => (
                placed,
                Some(IpaCrosshair {
                    level: "items",
                    importance_measure: "mean importance rating of the item",
                    performance_measure: "mean perception P of the item",
                    lines,
                }),
            ),
            None => (Vec::new(), None),
        }
    } else {
        let points = scores.mean_points.or(typed);
        let dim_points: Vec<Point> = match points {
            Some(w) => dimensions
                .iter()
                .filter_map(|d| {
                    Some(Point {
                        id: d.dimension.key().to_owned(),
                        label: d.label.to_owned(),
                        importance: w[d.dimension.index()],
                        performance: d.perception?,
                    })
                })
                .collect(),
            None => Vec::new(),
        };
        match ipa::classify(&dim_points, crosshair, (mid, 20.0), lang) {
            Some((lines, placed)) => (
                placed,
                Some(IpaCrosshair {
                    level: "dimensions",
                    importance_measure: "mean of the 100 points given to the dimension \
                                         (scale midpoint: the equal share, 20)",
                    performance_measure: "mean perception P of the dimension",
                    lines,
                }),
            ),
            None => (Vec::new(), None),
        }
    };
    Ok(ServqualResult {
        source: scores.source,
        scale: sq.scale,
        respondents: scores.respondents,
        dimensions,
        items: scores.items,
        unweighted: unweighted(&s, lang),
        weighted,
        item_overall,
        zone_of_tolerance: tolerance::zones(&sq.zone_of_tolerance, lang),
        ipa,
        ipa_crosshair,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::answers::{ItemAnswer, ItemSpec, Respondent};
    use crate::model::instrument::STANDARD_ITEMS;
    use crate::model::{DimensionMeans, ServqualItem};
    use Dimension::{Empathy, Reliability, Tangibles};
    use std::collections::BTreeMap;

    const SEVEN: Scale = Scale { min: 1.0, max: 7.0 };

    fn section() -> Servqual {
        Servqual {
            scale: SEVEN,
            responses: None,
            mapping: BTreeMap::new(),
            items: Vec::new(),
            dimensions: Vec::new(),
            weights: BTreeMap::new(),
            zone_of_tolerance: Vec::new(),
        }
    }

    /// METHODS' worked example as dimension means: gaps −0.40, −1.20, −0.90, −0.50, −0.70.
    fn worked_dimensions() -> Servqual {
        let gaps = [-0.40, -1.20, -0.90, -0.50, -0.70];
        let mut sq = section();
        sq.dimensions = Dimension::ALL
            .iter()
            .zip(gaps)
            .map(|(&dimension, g)| DimensionMeans {
                dimension,
                expectation: 6.0,
                perception: 6.0 + g,
                n: 50,
            })
            .collect();
        sq
    }

    fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= tol)
    }

    #[test]
    fn worked_example_unweighted_and_weighted() {
        // METHODS §2: SQ_u = −0.74; with 11/32/22/19/16 points, SQ_w = −0.833.
        let mut sq = worked_dimensions();
        let r = analyse(&sq, None, Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.source, Source::Dimensions);
        assert!(close(r.unweighted.value, -0.74, 0.005), "{:?}", r.unweighted);
        assert_eq!((r.unweighted.n, r.unweighted.note.as_deref()), (5, None));
        assert_eq!(r.weighted, None);
        assert_eq!(r.item_overall, None);
        for (w, d) in [11.0, 32.0, 22.0, 19.0, 16.0].iter().zip(Dimension::ALL) {
            sq.weights.insert(*d, *w);
        }
        let r = analyse(&sq, None, Crosshair::Mean, Language::En).unwrap();
        let w = r.weighted.unwrap();
        assert_eq!(w.variant, "weighted-mean-points");
        assert!(close(w.value, -0.833, 0.0005), "{w:?}");
        // not divided by 5 again, not raw points
        assert!(close(w.value, -0.044 - 0.384 - 0.198 - 0.095 - 0.112, 1e-12));
        // IPA falls back to the dimensions with their weights
        let c = r.ipa_crosshair.unwrap();
        assert_eq!(c.level, "dimensions");
        assert!((c.lines.importance - 20.0).abs() < 1e-12);
        assert_eq!(r.ipa.len(), 5);
    }

    /// Respondents with the same gap on every item of a dimension, and the same points.
    fn respondents_for(gaps: [f64; 5], count: usize, points: Option<[f64; 5]>) -> Responses {
        let items: Vec<ItemSpec> = STANDARD_ITEMS
            .iter()
            .map(|it| ItemSpec { id: it.id.into(), dimension: it.dimension })
            .collect();
        let respondents = (0..count)
            .map(|i| Respondent {
                id: Some(format!("r{i}")),
                answers: items
                    .iter()
                    .map(|it| ItemAnswer {
                        expectation: Some(5.5),
                        perception: Some(5.5 + gaps[it.dimension.index()]),
                        importance: None,
                    })
                    .collect(),
                points,
            })
            .collect();
        Responses { items, respondents }
    }

    #[test]
    fn worked_example_from_raw_responses() {
        let gaps = [-0.40, -1.20, -0.90, -0.50, -0.70];
        let raw = respondents_for(gaps, 3, Some([11.0, 32.0, 22.0, 19.0, 16.0]));
        let r = analyse(&section(), Some(&raw), Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.source, Source::Responses);
        assert_eq!(r.respondents, Some(3));
        for (d, g) in r.dimensions.iter().zip(gaps) {
            assert!(close(d.gap, g, 1e-12), "{d:?}");
            assert_eq!(d.n, Some(3));
        }
        assert!(close(r.unweighted.value, -0.74, 1e-12));
        let w = r.weighted.unwrap();
        assert_eq!((w.variant, w.n), ("weighted", 3));
        assert!(close(w.value, -0.833, 1e-12));
        // 22 items: 4·(−0.4) + 5·(−1.2) + 4·(−0.9) + 4·(−0.5) + 5·(−0.7) = −16.7 → −0.759
        let io = r.item_overall.unwrap();
        assert!(close(io.value, -16.7 / 22.0, 1e-12), "{io:?}");
        assert!((io.value.unwrap() - r.unweighted.value.unwrap()).abs() > 0.01);
    }

    #[test]
    fn respondent_scores_are_means_of_answered_items() {
        // Two respondents, two tangibles items, one reliability item.
        let items = vec![
            ItemSpec { id: "T1".into(), dimension: Tangibles },
            ItemSpec { id: "T2".into(), dimension: Tangibles },
            ItemSpec { id: "R1".into(), dimension: Reliability },
        ];
        let a = |e: Option<f64>, p: Option<f64>| ItemAnswer {
            expectation: e,
            perception: p,
            importance: None,
        };
        let raw = Responses {
            items,
            respondents: vec![
                // S_T = mean(5−7, 6−6) = −1; R1 blank
                Respondent {
                    id: None,
                    answers: vec![
                        a(Some(7.0), Some(5.0)),
                        a(Some(6.0), Some(6.0)),
                        a(None, Some(3.0)),
                    ],
                    points: Some([50.0, 50.0, 0.0, 0.0, 0.0]),
                },
                // S_T = 4−7 = −3 (T2 has no expectation); S_R = 2
                Respondent {
                    id: None,
                    answers: vec![
                        a(Some(7.0), Some(4.0)),
                        a(None, Some(7.0)),
                        a(Some(3.0), Some(5.0)),
                    ],
                    points: Some([50.0, 50.0, 0.0, 0.0, 0.0]),
                },
            ],
        };
        let r = analyse(&section(), Some(&raw), Crosshair::Mean, Language::En).unwrap();
        let t = &r.dimensions[0];
        assert!(close(t.gap, -2.0, 1e-12));
        assert_eq!((t.n, t.n_items), (Some(2), Some(2)));
        let rel = &r.dimensions[1];
        assert!(close(rel.gap, 2.0, 1e-12));
        assert_eq!(rel.n, Some(1));
        // item gaps pairwise: T1 (−2 + −3)/2 = −2.5, T2 0 (one pair), R1 2
        assert_eq!(r.items.iter().map(|i| i.n).collect::<Vec<_>>(), [2, 1, 1]);
        assert!(close(r.items[0].gap, -2.5, 1e-12));
        // three dimensions without data: SQ_u over 2, with a note
        assert!(close(r.unweighted.value, 0.0, 1e-12));
        assert_eq!(r.unweighted.n, 2);
        assert!(r.unweighted.note.as_deref().unwrap().contains("Responsiveness"));
        // respondent 1 gave reliability 50 points but has no reliability score: left out
        let w = r.weighted.unwrap();
        assert_eq!(w.n, 1);
        assert!(close(w.value, 0.5 * -3.0 + 0.5 * 2.0, 1e-12));
        assert!(w.note.unwrap().contains("1 respondent"));
    }

    #[test]
    fn one_respondent_and_empty_data() {
        let one = respondents_for([-1.0, 0.0, 0.5, 1.0, -0.5], 1, None);
        let r = analyse(&section(), Some(&one), Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.respondents, Some(1));
        assert!(close(r.unweighted.value, 0.0, 1e-12));
        assert_eq!(r.weighted, None);

        let empty = Responses { items: one.items.clone(), respondents: Vec::new() };
        let r = analyse(&section(), Some(&empty), Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.respondents, Some(0));
        assert!(r.dimensions.iter().all(|d| d.gap.is_none() && d.n == Some(0)));
        assert_eq!(r.unweighted.value, None);
        assert_eq!(r.unweighted.note.as_deref(), Some("no dimension has a score"));
        assert_eq!(r.item_overall.as_ref().unwrap().value, None);
        assert!(r.ipa.is_empty() && r.ipa_crosshair.is_none());

        // a section with only the zone of tolerance
        let r = analyse(&section(), None, Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.source, Source::None);
        assert_eq!(r.dimensions.len(), 5);
        assert_eq!(r.unweighted.value, None);
    }

    #[test]
    fn dimension_without_answers_is_null_not_zero() {
        let mut raw = respondents_for([-1.0, -1.0, -1.0, -1.0, -2.0], 4, None);
        // nobody answered empathy
        for resp in &mut raw.respondents {
            for (spec, a) in raw.items.iter().zip(resp.answers.iter_mut()) {
                if spec.dimension == Empathy {
                    *a = ItemAnswer::default();
                }
            }
        }
        let r = analyse(&section(), Some(&raw), Crosshair::Mean, Language::ZhCn).unwrap();
        let e = &r.dimensions[4];
        assert_eq!((e.gap, e.expectation, e.n, e.n_items), (None, None, Some(0), Some(5)));
        assert!(close(r.unweighted.value, -1.0, 1e-12));
        assert_eq!(r.unweighted.n, 4);
        assert!(r.unweighted.note.as_deref().unwrap().contains("移情度"));
        let io = r.item_overall.unwrap();
        assert_eq!(io.n, 17);
        assert!(io.note.unwrap().contains("5 item(s)"));
    }

    #[test]
    fn out_of_scale_values_and_bad_points_are_rejected() {
        let mut raw = respondents_for([0.0; 5], 2, Some([20.0; 5]));
        raw.respondents[1].answers[3].perception = Some(8.0);
        raw.respondents[0].answers[0].expectation = Some(0.0);
        raw.respondents[1].points = Some([20.0, 20.0, 20.0, 20.0, 30.0]);
        let errs = analyse(&section(), Some(&raw), Crosshair::Mean, Language::En).unwrap_err();
        let msgs: Vec<String> = errs.iter().map(ToString::to_string).collect();
        assert_eq!(
            msgs,
            [
                "respondent 1: expectation of item `T1` is 0: outside the scale 1..7",
                "respondent 2: perception of item `T4` is 8: outside the scale 1..7",
                "respondent 2: points 110: the points over the five dimensions must add up to 100",
            ]
        );
        raw.respondents[1].points = Some([-10.0, 30.0, 30.0, 30.0, 20.0]);
        let errs = validate(&raw, SEVEN);
        assert!(errs.iter().any(|e| e.reason.contains("negative")));
        raw.respondents[0].answers[1].importance = Some(f64::NAN);
        assert!(validate(&raw, SEVEN).iter().any(|e| e.field == "importance"));
    }

    #[test]
    fn item_means_give_dimension_scores_and_ipa() {
        let mut sq = section();
        let it = |id: &str, d, e, p, n, imp| ServqualItem {
            id: id.into(),
            dimension: d,
            statement: Some(format!("statement {id}")),
            expectation: e,
            perception: p,
            n,
            importance: imp,
        };
        sq.items = vec![
            it("T1", Tangibles, 6.12, 5.86, 120, Some(4.9)),
            it("T2", Tangibles, 5.94, 5.98, 120, Some(4.6)),
            it("R1", Reliability, 6.58, 5.41, 118, Some(6.5)),
        ];
        let r = analyse(&sq, None, Crosshair::Mean, Language::En).unwrap();
        assert_eq!(r.source, Source::Items);
        // tangibles: (−0.26 + 0.04) / 2 = −0.11
        assert!(close(r.dimensions[0].gap, -0.11, 1e-9));
        assert_eq!((r.dimensions[0].n_items, r.dimensions[0].n), (Some(2), Some(120)));
        assert!(close(r.dimensions[1].gap, -1.17, 1e-9));
        assert_eq!(r.dimensions[1].n, Some(118));
        assert_eq!(r.dimensions[2].gap, None);
        // item-level: (−0.26 + 0.04 − 1.17) / 3 = −0.4633
        assert!(close(r.item_overall.unwrap().value, -1.39 / 3.0, 1e-9));
        // IPA on items: means performance 5.75, importance 5.333
        let c = r.ipa_crosshair.unwrap();
        assert_eq!(c.level, "items");
        assert!((c.lines.performance - 17.25 / 3.0).abs() < 1e-9);
        let q: Vec<_> = r.ipa.iter().map(|p| p.quadrant).collect();
        assert_eq!(
            q,
            [
                ipa::Quadrant::PossibleOverkill,
                ipa::Quadrant::PossibleOverkill,
                ipa::Quadrant::ConcentrateHere
            ]
        );
        // the scale-midpoint crosshair: 4 on both axes → all high/high
        let r = analyse(&sq, None, Crosshair::ScaleMid, Language::En).unwrap();
        assert!(r.ipa.iter().all(|p| p.quadrant == ipa::Quadrant::KeepUpTheGoodWork));
    }
}
