//! Every chart a workshop has data for, as [`NamedChart`]s in the report language.
//!
//! The Kano charts come from the Kano analysis of the workshop's Kano section (the same
//! classification as `kano classify`, default method); journeys, proposals and the group
//! competition straight from the model.
//!
//! # Adapters
//!
//! A few charts need figures that the service-quality analysis computes. Until its results
//! are available here, the small functions in [`adapters`] compute just what the charts
//! draw, straight from the model, each with its source in METHODS; they are kept apart so
//! that they can be replaced by the analysis' results one by one:
//!
//! | adapter | figures | METHODS |
//! |---|---|---|
//! | [`adapters::servqual_means`] | mean E and P per dimension | §2 |
//! | [`adapters::ipa_points`] | items' performance and importance, the crosshair at the means | §2 |
//! | [`adapters::nps_counts`] | answers per 0–10 value, the NPS | §3 |
//! | [`adapters::csat_figures`] | top-2-box %, mean, n | §3 |
//! | [`adapters::ces_figures`] | mean, % agreeing, direction of the scale | §3 |
//! | [`adapters::tarp`] | complained, resolved, lost by group, word-of-mouth reach | §4 |
//! | [`adapters::journey_moments`] | average line, peaks, valleys, end | §5 |

use std::collections::HashMap;

use super::journey::{JourneyChart, JourneyStep};
use super::kano::{
    BetterWorseChart, BetterWorsePoint, CategoryChart, CategoryRow, ContinuousChart,
    ContinuousPoint,
};
use super::market_damage::DamageChart;
use super::metrics::{NpsChart, ScoreChart, TouchpointScore};
use super::pk::{PkChart, PkCriterion, PkGroup};
use super::proposals::{ProposalChart, ProposalPoint};
use super::servqual::{DimensionScores, GapChart, IpaChart, ZoneChart, ZoneRow};
use super::words::Words;
use super::{Kind, NamedChart};
use crate::analysis::kano::{Category, KanoResult, Method};
use crate::model::{Dimension, Group, Language, Metric, Scale, Workshop};
use crate::report::ChartSpec;

/// What a workshop can be charted with.
#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// The charts, by kind in [`Kind::ALL`] order, then in workshop order.
    pub charts: Vec<NamedChart>,
    /// Kinds that could not be drawn, and why.
    pub missing: Vec<(Kind, String)>,
}

/// The charts of `ws` in `lang`: every kind, or only `only`.
pub fn build(ws: &Workshop, lang: Language, only: Option<Kind>) -> Charts {
    let w = Words::of(lang);
    let mut out = Charts::default();
    let wanted = |k: Kind| only.is_none_or(|o| o == k);
    let kano_kinds = [Kind::KanoBetterWorse, Kind::KanoCategories, Kind::KanoContinuous];
    if kano_kinds.iter().any(|k| wanted(*k)) {
        match kano_results(ws) {
            Ok(results) => {
                for k in kano_kinds.into_iter().filter(|k| wanted(*k)) {
                    match kano_chart(k, &results, lang) {
                        Some(spec) => out.charts.push(NamedChart { kind: k, id: None, spec }),
                        None => out.missing.push((k, missing_kano(k))),
                    }
                }
            }
            Err(e) => {
                for k in kano_kinds.into_iter().filter(|k| wanted(*k)) {
                    out.missing.push((k, e.clone()));
                }
            }
        }
    }
    let sq = ws.data.servqual.as_ref();
    let scale = |s: Scale| (s.min, s.max);
    if wanted(Kind::ServqualGaps) {
        let rows: Vec<DimensionScores> = sq
            .map(adapters::servqual_means)
            .unwrap_or_default()
            .into_iter()
            .map(|(d, e, p)| DimensionScores {
                name: d.label(lang).to_owned(),
                expectation: e,
                perception: p,
            })
            .collect();
        if rows.is_empty() {
            out.missing.push((Kind::ServqualGaps, "no `servqual` items or dimension means".into()));
        } else if let Some(sq) = sq {
            let spec = ChartSpec::ServqualGaps(GapChart {
                title: w.servqual.to_owned(),
                lang,
                scale: scale(sq.scale),
                rows,
            });
            out.charts.push(NamedChart { kind: Kind::ServqualGaps, id: None, spec });
        }
    }
    if wanted(Kind::ServqualZone) {
        match sq.filter(|s| !s.zone_of_tolerance.is_empty()) {
            Some(sq) => {
                let mut zones = sq.zone_of_tolerance.clone();
                zones.sort_by_key(|z| Dimension::ALL.iter().position(|d| *d == z.dimension));
                let rows = zones
                    .iter()
                    .map(|z| ZoneRow {
                        name: z.dimension.label(lang).to_owned(),
                        adequate: z.adequate,
                        desired: z.desired,
                        perceived: z.perceived,
                    })
                    .collect();
                let spec = ChartSpec::ServqualZone(ZoneChart {
                    title: w.zone.to_owned(),
                    lang,
                    scale: scale(sq.scale),
                    rows,
                });
                out.charts.push(NamedChart { kind: Kind::ServqualZone, id: None, spec });
            }
            None => {
                out.missing.push((Kind::ServqualZone, "no `servqual.zone_of_tolerance`".into()))
            }
        }
    }
    if wanted(Kind::ServqualIpa) {
        match sq.and_then(adapters::ipa_points) {
            Some((items, crosshair)) => {
                let spec = ChartSpec::Ipa(IpaChart {
                    title: w.ipa.to_owned(),
                    lang,
                    items,
                    crosshair,
                    crosshair_note: w.at_means.to_owned(),
                    scale: sq.map_or((1.0, 7.0), |s| scale(s.scale)),
                });
                out.charts.push(NamedChart { kind: Kind::ServqualIpa, id: None, spec });
            }
            None => out
                .missing
                .push((Kind::ServqualIpa, "no `servqual.items` with an `importance`".into())),
        }
    }
    let groups = &ws.data.groups;
    if wanted(Kind::Journey) {
        let before = out.charts.len();
        for g in groups {
            for j in &g.journeys {
                let steps: Vec<JourneyStep> = j
                    .steps
                    .iter()
                    .map(|s| JourneyStep {
                        name: s.name.clone(),
                        emotion: s.emotion,
                        kinds: s.kinds.clone(),
                        pain_points: s.pain_points.clone(),
                    })
                    .collect();
                let scores: Vec<f64> = steps.iter().map(|s| s.emotion).collect();
                let spec = ChartSpec::Journey(JourneyChart {
                    title: format!("{}{}{}{}{}", g.name, w.dot, j.name, w.dot, w.journey_map),
                    lang,
                    scale: scale(ws.data.scales.emotion),
                    steps,
                    moments: adapters::journey_moments(&scores),
                });
                out.charts.push(NamedChart {
                    kind: Kind::Journey,
                    id: Some(format!("{}-{}", g.id, j.id)),
                    spec,
                });
            }
        }
        if out.charts.len() == before {
            out.missing.push((Kind::Journey, "no group has a journey".into()));
        }
    }
    if wanted(Kind::Proposals) {
        let before = out.charts.len();
        for g in groups {
            let points: Vec<ProposalPoint> = g
                .journeys
                .iter()
                .flat_map(|j| &j.proposals)
                .map(|p| ProposalPoint {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    kind: p.kind,
                    ease: p.scores.ease,
                    perception: p.scores.perception,
                    professionalism: p.scores.professionalism,
                })
                .collect();
            if points.is_empty() {
                continue;
            }
            let spec = ChartSpec::Proposals(ProposalChart {
                title: format!("{}{}{}", g.name, w.dot, w.proposals),
                lang,
                scale: scale(ws.data.scales.proposal),
                points,
            });
            out.charts.push(NamedChart { kind: Kind::Proposals, id: Some(g.id.clone()), spec });
        }
        if out.charts.len() == before {
            out.missing.push((Kind::Proposals, "no journey has proposals".into()));
        }
    }
    if wanted(Kind::Nps) {
        let before = out.charts.len();
        for g in groups {
            for m in g
                .measurement_plans
                .iter()
                .filter(|m| m.metric == Metric::Nps && !m.responses.is_empty())
            {
                let (counts, score) = adapters::nps_counts(&m.responses);
                let spec = ChartSpec::Nps(NpsChart {
                    title: format!(
                        "{}{}{}{}{}",
                        g.name,
                        w.dot,
                        step_name(g, &m.step),
                        w.dot,
                        w.nps
                    ),
                    lang,
                    counts,
                    score,
                });
                out.charts.push(NamedChart {
                    kind: Kind::Nps,
                    id: Some(format!("{}-{}", g.id, m.step)),
                    spec,
                });
            }
        }
        if out.charts.len() == before {
            out.missing.push((Kind::Nps, "no NPS measurement has inline `responses`".into()));
        }
    }
    for (kind, metric) in [(Kind::Csat, Metric::Csat), (Kind::Ces, Metric::Ces)] {
        if !wanted(kind) {
            continue;
        }
        match score_chart(ws, lang, metric) {
            Some(spec) => out.charts.push(NamedChart { kind, id: None, spec }),
            None => out.missing.push((
                kind,
                format!("no {} measurement has inline `responses`", metric.key().to_uppercase()),
            )),
        }
    }
    if wanted(Kind::MarketDamage) {
        match &ws.data.market_damage {
            Some(md) => {
                let t = adapters::tarp(md);
                let title = match &md.period {
                    Some(p) => format!("{}{}{p}", w.market_damage, w.dot),
                    None => w.market_damage.to_owned(),
                };
                let spec = ChartSpec::MarketDamage(DamageChart {
                    title,
                    lang,
                    with_problem: md.customers_with_problem,
                    complained: t.complained,
                    resolved: t.resolved,
                    lost: t.lost,
                    value_per_customer: Some(md.value_per_customer),
                    word_of_mouth: t.word_of_mouth,
                    currency: md.currency.clone().unwrap_or_default(),
                });
                out.charts.push(NamedChart { kind: Kind::MarketDamage, id: None, spec });
            }
            None => out.missing.push((Kind::MarketDamage, "no `market_damage` section".into())),
        }
    }
    if wanted(Kind::Pk) {
        match &ws.data.pk {
            Some(pk) if !pk.scores.is_empty() => {
                let names: HashMap<&str, &str> =
                    groups.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect();
                let spec = ChartSpec::Pk(PkChart {
                    title: w.pk.to_owned(),
                    lang,
                    criteria: pk
                        .criteria
                        .iter()
                        .map(|c| PkCriterion { name: c.name.clone(), max: c.max })
                        .collect(),
                    groups: pk
                        .scores
                        .iter()
                        .map(|s| PkGroup {
                            name: names
                                .get(s.group.as_str())
                                .map_or_else(|| s.group.clone(), |n| (*n).to_owned()),
                            scores: pk
                                .criteria
                                .iter()
                                .map(|c| s.scores.get(&c.id).copied())
                                .collect(),
                        })
                        .collect(),
                });
                out.charts.push(NamedChart { kind: Kind::Pk, id: None, spec });
            }
            _ => out.missing.push((Kind::Pk, "no `pk` scores".into())),
        }
    }
    out
}

fn missing_kano(k: Kind) -> String {
    match k {
        Kind::KanoContinuous => {
            "the continuous analysis needs respondents' answers (`kano.survey`), not counts".into()
        }
        _ => "no Kano feature has answers".into(),
    }
}

/// The Kano results of the workshop's Kano section, default method.
pub fn kano_results(ws: &Workshop) -> Result<Vec<KanoResult>, String> {
    use crate::classify::{self, WorkshopKano};
    let method = Method::default();
    let report = match classify::workshop_kano(ws) {
        None => return Err("no `kano` section".into()),
        Some(WorkshopKano::Counts(features)) => classify::classify_counts("", features, method),
        Some(WorkshopKano::Survey(file, names)) => {
            let opts = classify::Options { method, ..Default::default() };
            classify::classify_file(&file, &names, &opts)
                .map_err(|e| format!("the Kano survey could not be classified: {e}"))?
        }
    };
    Ok(report.segments.into_iter().next().map(|s| s.features).unwrap_or_default())
}

/// One of the Kano charts from the results; `None` when it has nothing to show.
pub fn kano_chart(kind: Kind, results: &[KanoResult], lang: Language) -> Option<ChartSpec> {
    let w = Words::of(lang);
    match kind {
        Kind::KanoBetterWorse => {
            let points: Vec<BetterWorsePoint> = results
                .iter()
                .filter_map(|r| {
                    Some(BetterWorsePoint {
                        name: r.name.clone(),
                        better: r.better?,
                        worse: r.worse?.abs(),
                        category: r.category,
                    })
                })
                .collect();
            (!points.is_empty()).then(|| {
                ChartSpec::BetterWorse(BetterWorseChart {
                    title: w.better_worse.to_owned(),
                    lang,
                    points,
                    split: 0.5,
                })
            })
        }
        Kind::KanoCategories => {
            let rows: Vec<CategoryRow> = results
                .iter()
                .filter(|r| r.n > 0)
                .map(|r| CategoryRow {
                    name: r.name.clone(),
                    counts: Category::ALL.map(|c| r.counts.get(c)),
                    category: r.category,
                })
                .collect();
            (!rows.is_empty()).then(|| {
                ChartSpec::KanoCategories(CategoryChart {
                    title: w.category_shares.to_owned(),
                    lang,
                    rows,
                })
            })
        }
        Kind::KanoContinuous => {
            let points: Vec<ContinuousPoint> = results
                .iter()
                .filter_map(|r| {
                    let c = r.continuous.as_ref()?;
                    Some(ContinuousPoint {
                        name: r.name.clone(),
                        functional: c.functional_mean?,
                        dysfunctional: c.dysfunctional_mean?,
                        importance: r.importance_mean,
                    })
                })
                .collect();
            (!points.is_empty()).then(|| {
                ChartSpec::KanoContinuous(ContinuousChart {
                    title: w.continuous.to_owned(),
                    lang,
                    points,
                    split: Method::default().continuous_split,
                })
            })
        }
        _ => None,
    }
}

/// The name of step `id` in the group's journeys, or the id.
fn step_name(g: &Group, id: &str) -> String {
    g.journeys
        .iter()
        .flat_map(|j| &j.steps)
        .find(|s| s.id == id)
        .map_or_else(|| id.to_owned(), |s| s.name.clone())
}

/// The CSAT or CES bars of every measurement of `metric` with responses.
fn score_chart(ws: &Workshop, lang: Language, metric: Metric) -> Option<ChartSpec> {
    let w = Words::of(lang);
    let mut rows = Vec::new();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    let mut directions = Vec::new();
    for g in &ws.data.groups {
        for m in
            g.measurement_plans.iter().filter(|m| m.metric == metric && !m.responses.is_empty())
        {
            let label = format!("{}{}{}", g.name, w.dot, step_name(g, &m.step));
            let n = m.responses.len();
            match metric {
                Metric::Csat => {
                    let scale = m.scale.unwrap_or(Scale { min: 1.0, max: 5.0 });
                    let (top2, mean) = adapters::csat_figures(&m.responses, scale);
                    rows.push(TouchpointScore {
                        label,
                        value: top2,
                        shown: format!("{}%", super::text::format_number(top2, 0, '−')),
                        detail: format!(
                            "{} {} · n = {n}",
                            w.mean,
                            super::text::format_number(mean, 2, '−')
                        ),
                    });
                    lo = 0.0;
                    hi = 100.0;
                }
                _ => {
                    let scale = m.scale.unwrap_or(Scale { min: 1.0, max: 7.0 });
                    let (mean, agree, higher_better) = adapters::ces_figures(&m.responses, scale);
                    lo = lo.min(scale.min);
                    hi = hi.max(scale.max);
                    directions.push(higher_better);
                    let detail = match agree {
                        Some(a) => format!(
                            "{} {}% · n = {n}",
                            w.agree,
                            super::text::format_number(a, 0, '−')
                        ),
                        None => format!("n = {n}"),
                    };
                    rows.push(TouchpointScore {
                        label,
                        value: mean,
                        shown: super::text::format_number(mean, 2, '−'),
                        detail,
                    });
                }
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some(match metric {
        Metric::Csat => ChartSpec::Scores(ScoreChart {
            title: w.csat.to_owned(),
            lang,
            axis: w.csat_axis.to_owned(),
            domain: (0.0, 100.0),
            note: String::new(),
            rows,
        }),
        _ => {
            let note = if directions.iter().all(|d| *d) {
                w.higher_easier.to_owned()
            } else if directions.iter().all(|d| !*d) {
                w.lower_easier.to_owned()
            } else {
                format!("1–7: {}; 1–5: {}", w.higher_easier, w.lower_easier)
            };
            ChartSpec::Scores(ScoreChart {
                title: w.ces.to_owned(),
                lang,
                axis: w.ces_axis.to_owned(),
                domain: (lo, hi),
                note,
                rows,
            })
        }
    })
}

/// The small computations the charts need until the service-quality analysis supplies
/// them (see the module documentation). Pure functions of the model.
pub mod adapters {
    use crate::chart::journey::KeyMoments;
    use crate::model::{Dimension, MarketDamage, Scale, Servqual};

    use super::super::servqual::IpaItem;

    /// Mean expectation and perception per dimension, in the method's order: the
    /// dimension means when given, else the unweighted mean of the item means of each
    /// dimension (METHODS §2).
    pub fn servqual_means(sq: &Servqual) -> Vec<(Dimension, f64, f64)> {
        if !sq.dimensions.is_empty() {
            let mut out: Vec<(Dimension, f64, f64)> =
                sq.dimensions.iter().map(|d| (d.dimension, d.expectation, d.perception)).collect();
            out.sort_by_key(|(d, _, _)| Dimension::ALL.iter().position(|x| x == d));
            return out;
        }
        Dimension::ALL
            .iter()
            .filter_map(|&d| {
                let items: Vec<_> = sq.items.iter().filter(|i| i.dimension == d).collect();
                if items.is_empty() {
                    return None;
                }
                let n = items.len() as f64;
                let e = items.iter().map(|i| i.expectation).sum::<f64>() / n;
                let p = items.iter().map(|i| i.perception).sum::<f64>() / n;
                Some((d, e, p))
            })
            .collect()
    }

    /// The items with an importance, as IPA points (performance = mean perception), and
    /// the crosshair at the mean performance and mean importance (METHODS §2, Martilla &
    /// James 1977); `None` when no item has an importance.
    pub fn ipa_points(sq: &Servqual) -> Option<(Vec<IpaItem>, (f64, f64))> {
        let items: Vec<IpaItem> = sq
            .items
            .iter()
            .filter_map(|i| {
                Some(IpaItem {
                    label: i.id.clone(),
                    dimension: i.dimension,
                    performance: i.perception,
                    importance: i.importance?,
                })
            })
            .collect();
        if items.is_empty() {
            return None;
        }
        let n = items.len() as f64;
        let p = items.iter().map(|i| i.performance).sum::<f64>() / n;
        let i = items.iter().map(|i| i.importance).sum::<f64>() / n;
        Some((items, (p, i)))
    }

    /// Answers per value 0–10 (others ignored) and the NPS = % promoters (9–10) − %
    /// detractors (0–6) (METHODS §3, Reichheld 2003).
    pub fn nps_counts(responses: &[f64]) -> ([u64; 11], Option<f64>) {
        let mut counts = [0u64; 11];
        for v in responses {
            if v.is_finite() && v.fract() == 0.0 && (0.0..=10.0).contains(v) {
                counts[*v as usize] += 1;
            }
        }
        let n: u64 = counts.iter().sum();
        if n == 0 {
            return (counts, None);
        }
        let promoters: u64 = counts[9..].iter().sum();
        let detractors: u64 = counts[..7].iter().sum();
        (counts, Some((promoters as f64 - detractors as f64) / n as f64 * 100.0))
    }

    /// CSAT: the share answering in the top two points of the scale (4–5 on 1–5), in %,
    /// and the mean (METHODS §3).
    pub fn csat_figures(responses: &[f64], scale: Scale) -> (f64, f64) {
        let valid: Vec<f64> = responses.iter().copied().filter(|v| v.is_finite()).collect();
        if valid.is_empty() {
            return (f64::NAN, f64::NAN);
        }
        let n = valid.len() as f64;
        let top = valid.iter().filter(|v| **v >= scale.max - 1.0).count() as f64;
        (top / n * 100.0, valid.iter().sum::<f64>() / n)
    }

    /// CES: the mean; on a 1–7 scale (CES 2.0, "made it easy", higher is better) also the
    /// share agreeing (5–7); on a 1–5 scale (CES 1.0, effort, lower is better) no share.
    /// Returns (mean, % agreeing, higher is better) (METHODS §3).
    pub fn ces_figures(responses: &[f64], scale: Scale) -> (f64, Option<f64>, bool) {
        let valid: Vec<f64> = responses.iter().copied().filter(|v| v.is_finite()).collect();
        let n = valid.len() as f64;
        let mean = if valid.is_empty() { f64::NAN } else { valid.iter().sum::<f64>() / n };
        let higher_better = scale.max - scale.min > 4.5;
        let agree = (higher_better && !valid.is_empty())
            .then(|| valid.iter().filter(|v| **v >= scale.max - 2.0).count() as f64 / n * 100.0);
        (mean, agree, higher_better)
    }

    /// The TARP cascade (METHODS §4).
    #[derive(Debug, Clone, Copy, PartialEq)]
    pub struct Tarp {
        /// c · N_p.
        pub complained: f64,
        /// c · s · N_p.
        pub resolved: f64,
        /// Lost: (1 − c)(1 − L_nc) N_p, c(1 − s)(1 − L_cu) N_p, c·s·(1 − L_cs) N_p.
        pub lost: [f64; 3],
        /// Word-of-mouth reach N_p [(1 − c) + c(1 − s)] k, when k is given.
        pub word_of_mouth: Option<f64>,
    }

    /// Complained, resolved and lost customers, and the word-of-mouth reach.
    pub fn tarp(md: &MarketDamage) -> Tarp {
        let (np, c, s) = (md.customers_with_problem, md.complaint_rate, md.resolution_rate);
        let r = md.repurchase;
        Tarp {
            complained: np * c,
            resolved: np * c * s,
            lost: [
                np * (1.0 - c) * (1.0 - r.not_complained),
                np * c * (1.0 - s) * (1.0 - r.complained_unresolved),
                np * c * s * (1.0 - r.complained_resolved),
            ],
            word_of_mouth: md
                .word_of_mouth
                .map(|w| np * ((1.0 - c) + c * (1.0 - s)) * w.people_told),
        }
    }

    /// The key moments of a journey's scores (METHODS §5), from the emotion-curve
    /// heuristics.
    pub fn journey_moments(scores: &[f64]) -> KeyMoments {
        match crate::chart::emotion::moments(scores) {
            Some(m) => {
                KeyMoments { mean: m.mean, peaks: m.peaks, valleys: m.valleys, end: Some(m.end) }
            }
            None => KeyMoments { mean: f64::NAN, ..KeyMoments::default() },
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use crate::model::{Repurchase, WordOfMouth};

        #[test]
        fn worked_examples() {
            // METHODS §3: 5 promoters, 3 passives, 2 detractors → NPS 30
            let (counts, nps) = nps_counts(&[9.0, 10.0, 9.0, 10.0, 9.0, 7.0, 8.0, 7.0, 3.0, 6.0]);
            assert_eq!(counts.iter().sum::<u64>(), 10);
            assert!((nps.unwrap() - 30.0).abs() < 1e-9);
            // 45 of 60 answering 4–5 → 75 %
            let answers: Vec<f64> = (0..60).map(|i| if i < 45 { 4.0 } else { 2.0 }).collect();
            let (top2, _) = csat_figures(&answers, Scale { min: 1.0, max: 5.0 });
            assert!((top2 - 75.0).abs() < 1e-9);
            // METHODS §4: N_p 1000, c 0.04, s 0.5, 9/19/54 % → 899 lost
            let md = MarketDamage {
                period: None,
                customers_with_problem: 1000.0,
                complaint_rate: 0.04,
                resolution_rate: 0.5,
                repurchase: Repurchase {
                    not_complained: 0.09,
                    complained_unresolved: 0.19,
                    complained_resolved: 0.54,
                },
                value_per_customer: 1.0,
                currency: None,
                word_of_mouth: Some(WordOfMouth { people_told: 10.0, deterred_share: 0.05 }),
            };
            let t = tarp(&md);
            assert!((t.lost.iter().sum::<f64>() - 899.0).abs() < 0.5);
            assert!((t.complained - 40.0).abs() < 1e-9 && (t.resolved - 20.0).abs() < 1e-9);
            assert!((t.word_of_mouth.unwrap() - 9800.0).abs() < 1e-6);
            let (mean, agree, up) =
                ces_figures(&[7.0, 5.0, 3.0, 1.0], Scale { min: 1.0, max: 7.0 });
            assert!(up && (mean - 4.0).abs() < 1e-9 && (agree.unwrap() - 50.0).abs() < 1e-9);
            let (_, agree, up) = ces_figures(&[1.0, 2.0], Scale { min: 1.0, max: 5.0 });
            assert!(!up && agree.is_none());
        }
    }
}
