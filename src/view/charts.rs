//! Every chart a workshop has data for, as [`NamedChart`]s in the report language.
//!
//! The charts draw results, they compute none: every figure comes from the analysis the
//! caller ran ([`ChartInputs`]), so that a chart shows the same numbers as `kano analyze`
//! and the report's tables.
//!
//! | kind | from |
//! |---|---|
//! | Kano | the whole-sample segment of the Kano classification (`kano classify`, as the report runs it) |
//! | `servqual-gaps` | [`Analysis::servqual`]: E, P per dimension (raw responses, item or dimension means) |
//! | `servqual-zone` | its zone of tolerance |
//! | `servqual-ipa` | its IPA points (items, or dimensions with their 100-point weights) and the crosshair it chose |
//! | `journey` | [`Analysis::journeys`]: steps with peak, valley and end marked, the average line; pain points from the workshop |
//! | `emotion` | [`Analysis::journeys`]: the steps' names and scores on the journey's scale |
//! | `proposals` | [`Analysis::proposals`], in the workshop's order |
//! | `nps` | [`Analysis::metrics`]: the 0–10 distribution and the score (inline answers and `responses_file`) |
//! | `csat`, `ces` | [`Analysis::metrics`]: top-2-box %, mean, % agreeing, n, the scale's direction |
//! | `market-damage` | [`Analysis::market_damage`]: lost per group, word-of-mouth reach |
//! | `pk` | [`Analysis::pk`]: scores, totals and ranks (ties share a rank) |
//!
//! Only the labels, the scales of journeys and proposals, and the pain points are read
//! from the workshop. Nothing here reads a file.

use crate::analysis::kano::ClassifyReport;
use crate::analysis::kano::{Category, KanoResult};
use crate::analysis::metrics::Figures;
use crate::analysis::{Analysis, MetricEntry};
use crate::diag::Msg;
use crate::model::{Dimension, Language, Metric, Scale, Workshop};
use crate::view::chart_words::Words;
use crate::view::specs::{
    BetterWorseChart, BetterWorsePoint, CategoryChart, CategoryRow, ChartSpec, ContinuousChart,
    ContinuousPoint, DamageChart, DimensionScores, EmotionChart, GapChart, IpaChart, IpaItem,
    JourneyChart, JourneyStep, KeyMoments, Kind, NamedChart, NpsChart, PkChart, PkCriterion,
    PkGroup, ProposalChart, ProposalPoint, ScoreChart, TouchpointScore, ZoneChart, ZoneRow,
};

/// What a workshop can be charted with.
#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// The charts, by kind in [`Kind::ALL`] order, then in workshop order.
    pub charts: Vec<NamedChart>,
    /// Kinds that could not be drawn, and why.
    /// Kinds that could not be drawn, and why (a keyed message, worded by the command).
    pub missing: Vec<(Kind, Msg)>,
}

/// The results the charts draw.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChartInputs<'a> {
    /// The workshop's analysis (`crate::pipeline::analyze_workshop`): every chart but the Kano ones.
    /// `None`: those charts are missing.
    pub analysis: Option<&'a Analysis>,
    /// The classification of the workshop's Kano section (`crate::pipeline::kano_data`); the
    /// charts show its first segment, the whole sample. `None`: no Kano charts.
    pub kano: Option<&'a ClassifyReport>,
}

fn not_analysed() -> Msg {
    Msg::new("cmd.chart_missing.not_analysed")
}

/// The charts of `ws` in `lang` from the results in `inputs`: every kind, or only `only`.
pub fn build(
    ws: &Workshop,
    inputs: &ChartInputs<'_>,
    lang: Language,
    only: Option<Kind>,
) -> Charts {
    let mut out = Charts::default();
    let wanted = |k: Kind| only.is_none_or(|o| o == k);
    for k in Kind::ALL.into_iter().filter(|k| k.is_kano() && wanted(*k)) {
        let chart = inputs.kano.map(|r| {
            let features = r.segments.first().map_or(&[][..], |s| &s.features[..]);
            kano_chart(k, features, r.method.continuous_split, lang)
        });
        match chart {
            Some(Some(spec)) => out.charts.push(NamedChart { kind: k, id: None, spec }),
            Some(None) => out.missing.push((k, missing_kano(k))),
            None => out.missing.push((k, Msg::new("cmd.chart_missing.no_kano"))),
        }
    }
    for k in Kind::ALL.into_iter().filter(|k| !k.is_kano() && wanted(*k)) {
        let Some(a) = inputs.analysis else {
            out.missing.push((k, not_analysed()));
            continue;
        };
        let before = out.charts.len();
        let why = from_analysis(k, ws, a, lang, &mut out.charts);
        if out.charts.len() == before {
            out.missing.push((k, why));
        }
    }
    out
}

/// Push the charts of kind `k` (not a Kano kind) drawn from `a`; returns why there are
/// none, for when none was pushed.
fn from_analysis(
    k: Kind,
    ws: &Workshop,
    a: &Analysis,
    lang: Language,
    out: &mut Vec<NamedChart>,
) -> Msg {
    let w = Words::of(lang);
    let mut push = |id: Option<String>, spec: ChartSpec| out.push(NamedChart { kind: k, id, spec });
    let sq = a.servqual.as_ref();
    let range = |s: Scale| (s.min, s.max);
    match k {
        Kind::ServqualGaps => {
            let Some(sq) = sq else { return Msg::new("cmd.chart_missing.no_servqual") };
            let rows: Vec<DimensionScores> = sq
                .dimensions
                .iter()
                .filter_map(|d| {
                    Some(DimensionScores {
                        name: d.dimension.label(lang).to_owned(),
                        expectation: d.expectation?,
                        perception: d.perception?,
                    })
                })
                .collect();
            if !rows.is_empty() {
                let title = w.servqual.to_owned();
                let scale = range(sq.scale);
                push(None, ChartSpec::ServqualGaps(GapChart { title, lang, scale, rows }));
            }
            Msg::new("cmd.chart_missing.no_servqual_scores")
        }
        Kind::ServqualZone => {
            let Some(sq) = sq.filter(|s| !s.zone_of_tolerance.is_empty()) else {
                return Msg::new("cmd.chart_missing.no_zone");
            };
            let mut zones: Vec<_> = sq.zone_of_tolerance.iter().collect();
            zones.sort_by_key(|z| dim_order(z.dimension));
            let rows = zones
                .iter()
                .map(|z| ZoneRow {
                    name: z.dimension.label(lang).to_owned(),
                    adequate: z.adequate,
                    desired: z.desired,
                    perceived: z.perceived,
                })
                .collect();
            let title = w.zone.to_owned();
            push(
                None,
                ChartSpec::ServqualZone(ZoneChart { title, lang, scale: range(sq.scale), rows }),
            );
            Msg::raw("")
        }
        Kind::ServqualIpa => {
            let none = || Msg::new("cmd.chart_missing.no_importance");
            let Some((sq, cross)) = sq.and_then(|s| Some((s, s.ipa_crosshair.as_ref()?))) else {
                return none();
            };
            let by_dimension = cross.level == "dimensions";
            let items: Vec<IpaItem> = sq
                .ipa
                .iter()
                .filter_map(|p| {
                    let (label, dimension) = if by_dimension {
                        let d = Dimension::ALL.iter().copied().find(|d| d.key() == p.id)?;
                        (d.label(lang).to_owned(), d)
                    } else {
                        let item = sq.items.iter().find(|i| i.id == p.id)?;
                        (p.id.clone(), item.dimension)
                    };
                    Some(IpaItem {
                        label,
                        dimension,
                        performance: p.performance,
                        importance: p.importance,
                    })
                })
                .collect();
            if items.is_empty() {
                return none();
            }
            let lines = &cross.lines;
            let (mut title, mut scale) = (w.ipa.to_owned(), range(sq.scale));
            if by_dimension {
                title = format!("{title}{}{}", w.dot, w.ipa_by_dimension);
                // importance in points of 100, performance on the answer scale: the axes
                // are bounded by both
                scale = (scale.0.min(0.0), scale.1.max(100.0));
            }
            push(
                None,
                ChartSpec::Ipa(IpaChart {
                    title,
                    lang,
                    items,
                    crosshair: (lines.performance, lines.importance),
                    crosshair_note: w.crosshair_note(
                        lines.method,
                        lines.performance,
                        lines.importance,
                    ),
                    scale,
                }),
            );
            Msg::raw("")
        }
        Kind::Journey => {
            for j in &a.journeys {
                let steps_in_ws = ws
                    .data
                    .groups
                    .iter()
                    .find(|g| g.id == j.group)
                    .and_then(|g| g.journeys.iter().find(|x| x.id == j.id))
                    .map_or(&[][..], |x| &x.steps[..]);
                let steps: Vec<JourneyStep> = j
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| JourneyStep {
                        name: s.name.clone(),
                        emotion: s.emotion,
                        kinds: s.kinds.clone(),
                        pain_points: steps_in_ws
                            .get(i)
                            .filter(|x| x.id == s.id)
                            .map(|x| x.pain_points.clone())
                            .unwrap_or_default(),
                    })
                    .collect();
                let marked = |f: fn(&crate::analysis::journey::StepResult) -> bool| -> Vec<usize> {
                    j.steps.iter().enumerate().filter(|(_, s)| f(s)).map(|(i, _)| i).collect()
                };
                let moments = KeyMoments {
                    mean: j.average.unwrap_or(f64::NAN),
                    peaks: marked(|s| s.peak),
                    valleys: marked(|s| s.valley),
                    end: j.steps.iter().position(|s| s.end),
                };
                let spec = ChartSpec::Journey(JourneyChart {
                    title: format!("{}{}{}{}{}", j.group_name, w.dot, j.name, w.dot, w.journey_map),
                    lang,
                    scale: range(j.scale),
                    steps,
                    moments,
                });
                push(Some(format!("{}-{}", j.group, j.id)), spec);
            }
            Msg::new("cmd.chart_missing.no_journey")
        }
        Kind::Emotion => {
            for j in &a.journeys {
                let Some(moments) = j.moments.clone() else { continue };
                let spec = ChartSpec::Emotion(EmotionChart {
                    title: format!(
                        "{}{}{}{}{}",
                        j.group_name, w.dot, j.name, w.dot, w.emotion_curve
                    ),
                    lang,
                    steps: j.steps.iter().map(|s| (s.name.clone(), s.emotion)).collect(),
                    scale: range(j.scale),
                    moments,
                });
                push(Some(format!("{}-{}", j.group, j.id)), spec);
            }
            Msg::new("cmd.chart_missing.no_journey")
        }
        Kind::Proposals => {
            for g in &ws.data.groups {
                // in the workshop's order, the figures as the analysis has them
                let points: Vec<ProposalPoint> = g
                    .journeys
                    .iter()
                    .flat_map(|j| j.proposals.iter().map(move |p| (j, p)))
                    .filter_map(|(j, p)| {
                        let r = a
                            .proposals
                            .iter()
                            .find(|r| r.group == g.id && r.journey == j.id && r.id == p.id)?;
                        Some(ProposalPoint {
                            id: r.id.clone(),
                            title: r.title.clone(),
                            kind: r.kind,
                            ease: r.ease,
                            perception: r.perception,
                            professionalism: r.professionalism,
                            quick_win: r.quick_win,
                        })
                    })
                    .collect();
                if points.is_empty() {
                    continue;
                }
                let spec = ChartSpec::Proposals(ProposalChart {
                    title: format!("{}{}{}", g.name, w.dot, w.proposals),
                    lang,
                    scale: range(ws.data.scales.proposal),
                    points,
                });
                push(Some(g.id.clone()), spec);
            }
            Msg::new("cmd.chart_missing.no_proposals")
        }
        Kind::Nps => {
            for m in measured(a, Metric::Nps) {
                let Some(counts) = m.figures.distribution else { continue };
                let spec = ChartSpec::Nps(NpsChart {
                    title: format!("{}{}{}", touchpoint(m, w), w.dot, w.nps),
                    lang,
                    counts,
                    score: m.figures.score,
                    shares: crate::view::figures::nps_shares(&counts, m.figures.score),
                });
                push(Some(format!("{}-{}", m.group, m.step)), spec);
            }
            Msg::new("cmd.chart_missing.no_nps")
        }
        Kind::Csat | Kind::Ces => {
            let metric = if k == Kind::Csat { Metric::Csat } else { Metric::Ces };
            if let Some(spec) = score_chart(a, lang, metric) {
                push(None, spec);
            }
            Msg::new("cmd.chart_missing.no_metric").text("metric", metric.key().to_uppercase())
        }
        Kind::MarketDamage => {
            let Some(md) = &a.market_damage else {
                return Msg::new("cmd.chart_missing.no_market_damage");
            };
            let title = match &md.period {
                Some(p) => format!("{}{}{p}", w.market_damage, w.dot),
                None => w.market_damage.to_owned(),
            };
            // whole customers, as the report's tables print them (view::figures)
            let whole = crate::view::figures::whole_damage(md);
            let shown = crate::view::figures::damage(md, crate::view::figures::words(lang.key()));
            let spec = ChartSpec::MarketDamage(DamageChart {
                title,
                lang,
                with_problem: md.customers_with_problem,
                complained: whole.complained,
                resolved: whole.resolved,
                lost: whole.lost,
                note: crate::view::figures::damage_note(&shown, w),
            });
            push(None, spec);
            Msg::raw("")
        }
        Kind::Pk => {
            let Some(first) = a.pk.first() else { return Msg::new("cmd.chart_missing.no_pk") };
            let criteria = first
                .scores
                .iter()
                .map(|c| PkCriterion { name: c.name.clone(), max: c.max })
                .collect();
            let groups =
                a.pk.iter()
                    .map(|g| PkGroup {
                        name: g.name.clone(),
                        scores: g.scores.iter().map(|c| c.score).collect(),
                        rank: Some(g.rank),
                    })
                    .collect();
            push(None, ChartSpec::Pk(PkChart { title: w.pk.to_owned(), lang, criteria, groups }));
            Msg::raw("")
        }
        Kind::KanoBetterWorse | Kind::KanoCategories | Kind::KanoContinuous => {
            Msg::new("cmd.chart_missing.kano_kind")
        }
    }
}

/// The position of a dimension in the method's order.
fn dim_order(d: Dimension) -> usize {
    Dimension::ALL.iter().position(|x| *x == d).unwrap_or(usize::MAX)
}

/// The measurements of `metric` with answers, in group and plan order.
fn measured(a: &Analysis, metric: Metric) -> impl Iterator<Item = &MetricEntry> {
    a.metrics.iter().filter(move |m| m.figures.kind == metric && m.figures.n > 0)
}

/// "group · step name" of a measurement (the step id when the step is not found).
fn touchpoint(m: &MetricEntry, w: &Words) -> String {
    format!("{}{}{}", m.group_name, w.dot, m.touchpoint.as_deref().unwrap_or(&m.step))
}

fn missing_kano(k: Kind) -> Msg {
    match k {
        Kind::KanoContinuous => Msg::new("cmd.chart_missing.continuous_needs_respondents"),
        _ => Msg::new("cmd.chart_missing.no_kano_answers"),
    }
}

/// One of the Kano charts from the results; `split` is the continuous analysis' split (the
/// method's `continuous_split`). `None` when it has nothing to show.
pub fn kano_chart(
    kind: Kind,
    results: &[KanoResult],
    split: f64,
    lang: Language,
) -> Option<ChartSpec> {
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
                    split,
                })
            })
        }
        _ => None,
    }
}

/// The CSAT or CES bars of every measurement of `metric` with answers, with the figures
/// and the scale's direction as the analysis recorded them.
fn score_chart(a: &Analysis, lang: Language, metric: Metric) -> Option<ChartSpec> {
    let w = Words::of(lang);
    // one presentation per figure (view::figures): shares with one decimal, means with two
    use crate::view::figures::{MEAN, SHARE};
    let mut rows = Vec::new();
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    // the scales met, with their direction, in order
    let mut scales: Vec<(f64, f64, bool)> = Vec::new();
    for m in measured(a, metric) {
        let f: &Figures = &m.figures;
        let n = f.n;
        let label = touchpoint(m, w);
        match metric {
            Metric::Csat => {
                let (Some(top2), Some(mean)) = (f.top2_box_pct, f.mean) else { continue };
                rows.push(TouchpointScore {
                    label,
                    value: top2,
                    shown: SHARE.or_dash(Some(top2)),
                    detail: format!("{} {} · n = {n}", w.mean, MEAN.or_dash(Some(mean))),
                });
            }
            _ => {
                let Some(mean) = f.mean else { continue };
                lo = lo.min(f.scale.min);
                hi = hi.max(f.scale.max);
                let key = (f.scale.min, f.scale.max, f.scale.higher_is_better);
                if !scales.contains(&key) {
                    scales.push(key);
                }
                let detail = match f.agree_pct {
                    Some(p) => format!("{} {} · n = {n}", w.agree, SHARE.or_dash(Some(p))),
                    None => format!("n = {n}"),
                };
                rows.push(TouchpointScore {
                    label,
                    value: mean,
                    shown: MEAN.or_dash(Some(mean)),
                    detail,
                });
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    let direction = |up: bool| if up { &w.higher_easier } else { &w.lower_easier };
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
            let note = if scales.iter().all(|s| s.2) {
                w.higher_easier.to_owned()
            } else if scales.iter().all(|s| !s.2) {
                w.lower_easier.to_owned()
            } else {
                let parts: Vec<String> = scales
                    .iter()
                    .map(|&(min, max, up)| format!("{min}–{max}: {}", direction(up)))
                    .collect();
                parts.join(&w.dot)
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
