//! Customer metrics (METHODS §3): NPS with its standard error, CSAT, CES 1.0 and 2.0.
//!
//! Sources:
//! - NPS: Reichheld 2003, "The one number you need to grow", HBR. 0–10 likelihood to
//!   recommend; NPS = % promoters (9–10) − % detractors (0–6), −100…+100; standard error
//!   SE = 100 · √((p_P + p_D − (p_P − p_D)²) / N) (the variance of a difference of two
//!   shares of one multinomial sample).
//! - CSAT: 1–5 satisfaction; the headline is the top-2-box share 100 · n(4, 5) / N, the
//!   mean is reported beside it. On another declared scale the top two boxes are `max` and
//!   `max − 1`.
//! - CES 1.0: Dixon, Freeman & Toman 2010, "Stop trying to delight your customers", HBR:
//!   1–5 effort, lower is better; the score is the mean.
//! - CES 2.0: Dixon, Toman & DeLisi 2013, *The Effortless Experience*: 1–7 agreement with
//!   "the company made it easy", higher is better; the score is the mean, with the share
//!   agreeing (5–7: above the scale's midpoint) beside it.
//!
//! Every scale is stored as {min, max, higher_is_better}. The CES version follows the
//! declared scale: 1–5 is CES 1.0, any other (default 1–7) CES 2.0. NPS needs 0–10.
//! Answers off the scale — and NPS answers that are not whole numbers — are rejected, with
//! their position.
//!
//! Input: the answers of one measurement plan. Output: [`Figures`]. No I/O.

use serde::Serialize;

use super::stats::mean;
use crate::model::answers::{ScaleError, validate_metric as validate};
use crate::model::target::{self, Comparator, Quantity, Unjudged};
use crate::model::{Metric, Scale};

/// A scale with its direction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MetricScale {
    /// Lowest answer.
    pub min: f64,
    /// Highest answer.
    pub max: f64,
    /// Whether a higher answer is better.
    pub higher_is_better: bool,
}

/// The figures of one metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// `nps`, `csat` or `ces`.
    pub kind: Metric,
    /// `nps`, `csat-top2`, `ces-1.0` or `ces-2.0`.
    pub variant: &'static str,
    /// The formula and its source.
    pub method: &'static str,
    /// What `score` is: `nps`, `top2_box_pct` or `mean`.
    pub headline: &'static str,
    /// The scale and its direction.
    pub scale: MetricScale,
    /// Answers used.
    pub n: u64,
    /// The headline figure; `null` without answers.
    pub score: Option<f64>,
    /// Mean answer.
    pub mean: Option<f64>,
    /// NPS: standard error of the score, in points.
    pub se: Option<f64>,
    /// NPS: % promoters (9–10).
    pub promoters_pct: Option<f64>,
    /// NPS: % passives (7–8).
    pub passives_pct: Option<f64>,
    /// NPS: % detractors (0–6).
    pub detractors_pct: Option<f64>,
    /// CSAT: % in the top two boxes (the score).
    pub top2_box_pct: Option<f64>,
    /// CES 2.0: % agreeing (above the midpoint: 5–7 on 1–7).
    pub agree_pct: Option<f64>,
    /// NPS: how many answered 0, 1, …, 10 (eleven counts summing to `n`); `null` for CSAT
    /// and CES.
    pub distribution: Option<[u64; 11]>,
}

/// Is `scale` the CES 1.0 effort scale (1–5, lower is better)?
pub fn is_ces_1(scale: Scale) -> bool {
    scale.min == 1.0 && scale.max == 5.0
}

const METHOD_NPS: &str = "NPS = % promoters (9–10) − % detractors (0–6); SE = 100·√((p_P + p_D − \
     (p_P − p_D)²)/N) (Reichheld 2003)";
const METHOD_CSAT: &str = "CSAT = 100 · n(top two boxes) / N, headline; mean beside it";
const METHOD_CES1: &str = "CES 1.0 = mean effort on 1–5, lower is better (Dixon et al. 2010)";
const METHOD_CES2: &str = "CES 2.0 = mean agreement that it was easy, higher is better; % agree = \
     answers above the midpoint (5–7 on 1–7) (Dixon et al. 2013)";

fn pct(k: usize, n: usize) -> Option<f64> {
    (n > 0).then(|| 100.0 * k as f64 / n as f64)
}

/// NPS from 0–10 answers.
pub fn nps(values: &[f64]) -> Result<Figures, ScaleError> {
    let scale = Metric::Nps.default_scale();
    validate(Metric::Nps, values, scale)?;
    let n = values.len();
    let promoters = values.iter().filter(|v| **v >= 9.0).count();
    let detractors = values.iter().filter(|v| **v <= 6.0).count();
    let passives = n - promoters - detractors;
    let mut distribution = [0u64; 11];
    for v in values {
        // validated: a whole number from 0 to 10
        distribution[*v as usize] += 1;
    }
    let (p, d) = (pct(promoters, n), pct(detractors, n));
    let score = p.zip(d).map(|(p, d)| p - d);
    let se = (n > 0).then(|| {
        let (pp, pd) = (promoters as f64 / n as f64, detractors as f64 / n as f64);
        100.0 * ((pp + pd - (pp - pd).powi(2)) / n as f64).max(0.0).sqrt()
    });
    Ok(Figures {
        kind: Metric::Nps,
        variant: "nps",
        method: METHOD_NPS,
        headline: "nps",
        scale: MetricScale { min: 0.0, max: 10.0, higher_is_better: true },
        n: n as u64,
        score,
        mean: mean(values),
        se,
        promoters_pct: p,
        passives_pct: pct(passives, n),
        detractors_pct: d,
        top2_box_pct: None,
        agree_pct: None,
        distribution: Some(distribution),
    })
}

/// CSAT on `scale` (default 1–5): the top-2-box share, and the mean.
pub fn csat(values: &[f64], scale: Scale) -> Result<Figures, ScaleError> {
    validate(Metric::Csat, values, scale)?;
    let n = values.len();
    let top = values.iter().filter(|v| **v >= scale.max - 1.0).count();
    let t2b = pct(top, n);
    Ok(Figures {
        kind: Metric::Csat,
        variant: "csat-top2",
        method: METHOD_CSAT,
        headline: "top2_box_pct",
        scale: MetricScale { min: scale.min, max: scale.max, higher_is_better: true },
        n: n as u64,
        score: t2b,
        mean: mean(values),
        se: None,
        promoters_pct: None,
        passives_pct: None,
        detractors_pct: None,
        top2_box_pct: t2b,
        agree_pct: None,
        distribution: None,
    })
}

/// CES on `scale`: 1–5 is CES 1.0 (effort, lower is better), otherwise CES 2.0 (ease,
/// higher is better, with the share agreeing).
pub fn ces(values: &[f64], scale: Scale) -> Result<Figures, ScaleError> {
    validate(Metric::Ces, values, scale)?;
    let n = values.len();
    let v1 = is_ces_1(scale);
    let mid = (scale.min + scale.max) / 2.0;
    let agree = (!v1).then(|| pct(values.iter().filter(|v| **v > mid).count(), n)).flatten();
    let m = mean(values);
    Ok(Figures {
        kind: Metric::Ces,
        variant: if v1 { "ces-1.0" } else { "ces-2.0" },
        method: if v1 { METHOD_CES1 } else { METHOD_CES2 },
        headline: "mean",
        scale: MetricScale { min: scale.min, max: scale.max, higher_is_better: !v1 },
        n: n as u64,
        score: m,
        mean: m,
        se: None,
        promoters_pct: None,
        passives_pct: None,
        detractors_pct: None,
        top2_box_pct: None,
        agree_pct: agree,
        distribution: None,
    })
}

/// The figures of `metric` on its declared scale (or the usual one).
pub fn measure(
    metric: Metric,
    values: &[f64],
    scale: Option<Scale>,
) -> Result<Figures, ScaleError> {
    let scale = scale.unwrap_or_else(|| metric.default_scale());
    match metric {
        Metric::Nps => {
            validate(Metric::Nps, values, scale)?;
            nps(values)
        }
        Metric::Csat => csat(values, scale),
        Metric::Ces => ces(values, scale),
    }
}

/// Whether a measurement meets its plan's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetStatus {
    /// Measured, and the target holds.
    Met,
    /// Measured, and it does not.
    Missed,
    /// The target's text cannot be judged automatically (`reason` says why).
    NotJudged,
    /// The target could be judged, but there are no answers.
    NoAnswers,
}

/// A measurement against its target (`model::target`): the figure the target names, the
/// target's number and how far the figure is on the good side of it (negative: short).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TargetCheck {
    /// Met, missed, not judged or no answers.
    pub status: TargetStatus,
    /// Why the target is not judged; `null` otherwise.
    pub reason: Option<Unjudged>,
    /// The figure compared: `nps`, `satisfied_share`, `mean` or `agree_share`.
    pub quantity: Option<Quantity>,
    /// The comparator.
    pub comparator: Option<Comparator>,
    /// The target's number (in % for shares, in points for NPS).
    pub target: Option<f64>,
    /// The measured figure compared.
    pub value: Option<f64>,
    /// value − target for ≥ and >, target − value for ≤ and < (positive: on the good side).
    pub margin: Option<f64>,
}

/// Judge `f` against the target written `text`.
pub fn check_target(f: &Figures, text: &str) -> TargetCheck {
    let none = |status, reason| TargetCheck {
        status,
        reason,
        quantity: None,
        comparator: None,
        target: None,
        value: None,
        margin: None,
    };
    let judged = target::parse(text)
        .and_then(|t| t.quantity_for(f.kind, f.scale.min, f.scale.max).map(|q| (t, q)));
    let (t, q) = match judged {
        Ok(x) => x,
        Err(reason) => return none(TargetStatus::NotJudged, Some(reason)),
    };
    let value = match q {
        Quantity::Nps => f.score,
        Quantity::SatisfiedShare => f.top2_box_pct,
        Quantity::Mean => f.mean,
        Quantity::AgreeShare => f.agree_pct,
    };
    let Some(value) = value.filter(|v| v.is_finite() && f.n > 0) else {
        return TargetCheck {
            quantity: Some(q),
            comparator: Some(t.comparator),
            target: Some(t.value),
            ..none(TargetStatus::NoAnswers, None)
        };
    };
    TargetCheck {
        status: if t.comparator.holds(value, t.value) {
            TargetStatus::Met
        } else {
            TargetStatus::Missed
        },
        reason: None,
        quantity: Some(q),
        comparator: Some(t.comparator),
        target: Some(t.value),
        value: Some(value),
        margin: Some(t.comparator.margin(value, t.value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_judged_on_the_figure_they_name() {
        let v: Vec<f64> = [5.0, 6.0, 5.0, 4.0, 6.0, 5.0].to_vec();
        let f = ces(&v, Metric::Ces.default_scale()).unwrap();
        let c = check_target(&f, "CES均值≥5.5");
        assert_eq!((c.status, c.quantity), (TargetStatus::Missed, Some(Quantity::Mean)));
        assert!((c.margin.unwrap() + 0.3333).abs() < 1e-3);
        let f = nps(&[10.0, 9.0, 9.0, 7.0]).unwrap();
        let c = check_target(&f, "NPS≥30");
        assert_eq!(c.status, TargetStatus::Met);
        assert!((c.margin.unwrap() - 45.0).abs() < 1e-9);
        let c = check_target(&f, "投诉客户与非投诉客户 NPS 差距≤15 分");
        assert_eq!((c.status, c.reason), (TargetStatus::NotJudged, Some(Unjudged::Comparison)));
        let f = csat(&[], Metric::Csat.default_scale()).unwrap();
        assert_eq!(check_target(&f, "满意率≥80%").status, TargetStatus::NoAnswers);
        assert_eq!(check_target(&f, "满意").status, TargetStatus::NotJudged);
    }

    fn close(a: Option<f64>, b: f64, tol: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() <= tol)
    }

    #[test]
    fn nps_worked_example() {
        // METHODS §3: 5 promoters, 3 passives, 2 detractors → NPS 30.
        let v = [9.0, 10.0, 9.0, 10.0, 9.0, 7.0, 8.0, 7.0, 3.0, 6.0];
        let f = nps(&v).unwrap();
        assert!(close(f.score, 30.0, 1e-9));
        assert_eq!(f.n, 10);
        assert!(close(f.promoters_pct, 50.0, 1e-12));
        assert!(close(f.passives_pct, 30.0, 1e-12));
        assert!(close(f.detractors_pct, 20.0, 1e-12));
        // SE = 100·√((0.5 + 0.2 − 0.09)/10) = 100·√0.061 = 24.698
        assert!(close(f.se, 24.698, 0.0005), "{:?}", f.se);
        assert_eq!(f.headline, "nps");
        assert!(f.scale.higher_is_better);
        // the answers per value: 3 at 9, 2 at 10, 2 at 7, one each at 8, 3 and 6
        assert_eq!(f.distribution, Some([0, 0, 0, 1, 0, 0, 1, 2, 1, 3, 2]));
    }

    #[test]
    fn nps_edges() {
        let f = nps(&[]).unwrap();
        assert_eq!((f.n, f.score, f.se, f.mean), (0, None, None, None));
        assert_eq!(f.distribution, Some([0; 11]));
        let f = nps(&[0.0, 10.0, 10.0]).unwrap();
        assert_eq!(f.distribution, Some([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]));
        let f = nps(&[10.0]).unwrap();
        assert!(close(f.score, 100.0, 1e-12) && close(f.se, 0.0, 1e-12));
        let f = nps(&[0.0, 6.0]).unwrap();
        assert!(close(f.score, -100.0, 1e-12));
        // all passives: 0 with SE 0
        let f = nps(&[7.0, 8.0]).unwrap();
        assert!(close(f.score, 0.0, 1e-12) && close(f.se, 0.0, 1e-12));
        let e = nps(&[9.0, 11.0]).unwrap_err();
        assert_eq!(e.index, 1);
        assert_eq!(e.to_string(), "NPS answer 11 is outside its scale (scale 0..10)");
        let e = nps(&[9.5]).unwrap_err();
        assert_eq!(e.to_string(), "NPS answer 9.5 is not a whole number (scale 0..10)");
        assert!(nps(&[-1.0]).is_err());
        assert!(nps(&[f64::NAN]).is_err());
        let e = measure(Metric::Nps, &[5.0], Some(Scale { min: 1.0, max: 5.0 })).unwrap_err();
        assert!(e.to_string().contains("NPS is asked on 0–10"));
    }

    #[test]
    fn csat_worked_example() {
        // METHODS §3: 45 of 60 answering 4–5 → 75.0 %.
        let mut v = vec![5.0; 25];
        v.extend([4.0; 20]);
        v.extend([3.0; 10]);
        v.extend([1.0; 5]);
        let f = csat(&v, Metric::Csat.default_scale()).unwrap();
        assert!(close(f.score, 75.0, 1e-12));
        assert_eq!(f.top2_box_pct, f.score);
        assert!(close(f.mean, (125.0 + 80.0 + 30.0 + 5.0) / 60.0, 1e-12));
        assert_eq!((f.headline, f.variant), ("top2_box_pct", "csat-top2"));
        assert_eq!(f.distribution, None);
        let e = csat(&[6.0], Metric::Csat.default_scale()).unwrap_err();
        assert_eq!(e.to_string(), "CSAT answer 6 is outside its scale (scale 1..5)");
        assert!(csat(&[0.0], Metric::Csat.default_scale()).is_err());
        // one respondent; and a 1–7 CSAT whose top boxes are 6 and 7
        assert!(close(csat(&[3.0], Metric::Csat.default_scale()).unwrap().score, 0.0, 1e-12));
        let f = csat(&[6.0, 7.0, 5.0, 2.0], Scale { min: 1.0, max: 7.0 }).unwrap();
        assert!(close(f.score, 50.0, 1e-12));
        assert_eq!(csat(&[], Metric::Csat.default_scale()).unwrap().score, None);
    }

    #[test]
    fn ces_versions_and_direction() {
        let f = ces(&[2.0, 1.0, 4.0, 1.0], Scale { min: 1.0, max: 5.0 }).unwrap();
        assert_eq!(f.variant, "ces-1.0");
        assert!(!f.scale.higher_is_better);
        assert!(close(f.score, 2.0, 1e-12));
        assert_eq!(f.agree_pct, None);
        let f = ces(&[7.0, 5.0, 4.0, 2.0, 6.0], Metric::Ces.default_scale()).unwrap();
        assert_eq!(f.variant, "ces-2.0");
        assert!(f.scale.higher_is_better);
        assert!(close(f.score, 4.8, 1e-12));
        // 5, 6, 7 agree; 4 is neutral
        assert!(close(f.agree_pct, 60.0, 1e-12));
        let e = ces(&[8.0], Metric::Ces.default_scale()).unwrap_err();
        assert_eq!(e.to_string(), "CES answer 8 is outside its scale (scale 1..7)");
        let f = ces(&[], Metric::Ces.default_scale()).unwrap();
        assert_eq!((f.n, f.score, f.agree_pct), (0, None, None));
        // fractional CES answers are fine (a mean of sub-scores, say)
        assert!(ces(&[4.5], Metric::Ces.default_scale()).is_ok());
    }
}
