//! Stage 3: analysis. Pure functions over the model, no I/O; one module per method, each
//! citing its source. It imports only the model and the leaves: never the input stage (files
//! arrive as the model's [`Answers`]), the semantic checks, or the view, charts and
//! renderers below it.
//!
//! | module | method | source |
//! |---|---|---|
//! | [`kano`] | Kano classification | METHODS §1 (`kano classify`) |
//! | [`servqual`] | SERVQUAL dimension scores, unweighted / weighted / item-level overall, the standard 22-item mapping | Parasuraman, Zeithaml & Berry 1988, 1991 |
//! | [`tolerance`] | zone of tolerance: MSA, MSS, position | Zeithaml, Berry & Parasuraman 1993 |
//! | [`ipa`] | importance–performance quadrants | Martilla & James 1977 |
//! | [`metrics`] | NPS (with SE), CSAT, CES 1.0 / 2.0 | Reichheld 2003; Dixon et al. 2010, 2013 |
//! | [`market_damage`] | TARP market damage, word of mouth, sensitivity | TARP; Goodman 2009 |
//! | [`journey`] | average line, valleys, peak, end, peak–end; key-touchpoint coverage; Mermaid | Kahneman et al. 1993; Chase & Dasu 2001 |
//! | [`proposals`] | three-degree ranking, quick wins | course method (方案3度评价) |
//! | [`summary321`] | most-cited takeaways and tools, actions, overdue | course method (3-2-1) |
//! | [`pk`] | group competition totals and ranks | course method (分组PK) |
//!
//! [`analyze`] runs every method a workshop has data for (`kano analyze`). It takes the
//! checked [`Workshop`] and the data the input stage read from files the workshop refers to
//! ([`Answers`]: SERVQUAL raw responses, metric answer files) and returns an
//! [`Analysis`], which serialises as the documented JSON contract (docs/analysis-methods.md):
//! numbers unrounded, every figure with its method or variant label.

pub mod ipa;
pub mod journey;
pub mod kano;
pub mod market_damage;
pub mod metrics;
pub mod pk;
pub mod proposals;
pub mod servqual;
pub mod stats;
pub mod summary321;
pub mod tolerance;

use serde::Serialize;

use crate::model::answers::Answers;
use crate::model::{Date, IndicatorKind, Language, MeasurementModel, TouchpointKind, Workshop};

/// How to analyse.
#[derive(Debug, Clone, Copy)]
pub struct AnalyzeOptions {
    /// Reference date for overdue actions; default the workshop's last day.
    pub as_of: Option<Date>,
    /// Where the IPA crosshair goes.
    pub ipa_crosshair: ipa::Crosshair,
    /// Language of the labels in the results (dimension, kind and quadrant names).
    pub lang: Language,
}

impl Default for AnalyzeOptions {
    fn default() -> Self {
        AnalyzeOptions { as_of: None, ipa_crosshair: ipa::Crosshair::Mean, lang: Language::ZhCn }
    }
}

/// A value the methods cannot use, with where it is in the workshop.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysisError {
    /// The group it is in (index into the workshop's groups); `None` for the main file.
    pub group: Option<usize>,
    /// The field path inside that group or file.
    pub path: String,
    /// What is wrong.
    pub message: String,
}

/// The workshop as the output names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkshopInfo {
    /// Title.
    pub title: String,
    /// Client organisation.
    pub organisation: String,
    /// First day.
    pub date: String,
    /// Last day, if several.
    pub end_date: Option<String>,
    /// The workshop's language.
    pub language: Language,
    /// Groups.
    pub groups: usize,
}

/// The options the figures depend on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionsInfo {
    /// Reference date for overdue actions.
    pub as_of: String,
    /// The IPA crosshair asked for.
    pub ipa_crosshair: ipa::Crosshair,
    /// Label language.
    pub lang: Language,
}

/// One measurement plan's metric.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricEntry {
    /// Group id.
    pub group: String,
    /// Group name.
    pub group_name: String,
    /// The step measured.
    pub step: String,
    /// The step's name: the touchpoint measured (`null` if the step is not found).
    pub touchpoint: Option<String>,
    /// Where the step happens (its `touchpoint` field).
    pub channel: Option<String>,
    /// The step's key-touchpoint kinds.
    pub touchpoint_kinds: Vec<TouchpointKind>,
    /// Descriptive, perceptual or outcome.
    pub indicator: IndicatorKind,
    /// The measurement model.
    pub model: MeasurementModel,
    /// When it is asked.
    pub timing: String,
    /// The plan's target, as written.
    pub target: String,
    /// The figures against the target, when its text can be read as one comparison of the
    /// measured metric (`model::target`).
    pub target_check: metrics::TargetCheck,
    /// `inline`, `file`, `inline+file` or `none`.
    pub source: &'static str,
    /// The answers file, if any.
    pub file: Option<String>,
    /// Blank cells skipped in the file.
    pub blank: u64,
    /// The figures.
    #[serde(flatten)]
    pub figures: metrics::Figures,
}

/// Everything `kano analyze` computes. Absent sections are `null` (objects) or `[]`
/// (lists).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// The workshop.
    pub workshop: WorkshopInfo,
    /// The options used.
    pub options: OptionsInfo,
    /// SERVQUAL; `null` without a `servqual` section.
    pub servqual: Option<servqual::ServqualResult>,
    /// One entry per measurement plan, groups in order.
    pub metrics: Vec<MetricEntry>,
    /// Market damage; `null` without a `market_damage` section.
    pub market_damage: Option<market_damage::MarketDamageResult>,
    /// Every journey of every group.
    pub journeys: Vec<journey::JourneyResult>,
    /// Every proposal, ranked.
    pub proposals: Vec<proposals::ProposalResult>,
    /// The 3-2-1 summaries; `null` when nobody wrote one.
    pub summary_321: Option<summary321::Summary321Result>,
    /// Group competition, ranked; `[]` without a `pk` section.
    pub pk: Vec<pk::PkResult>,
}

/// The workshop's last day: `end_date`, else `date`.
pub fn last_day(ws: &Workshop) -> Date {
    let meta = &ws.data.workshop;
    meta.end_date.unwrap_or(meta.date)
}

/// Run every method the workshop has data for.
pub fn analyze(
    ws: &Workshop,
    opts: &AnalyzeOptions,
    data: &Answers,
) -> Result<Analysis, Vec<AnalysisError>> {
    let d = &ws.data;
    let lang = opts.lang;
    let mut errors: Vec<AnalysisError> = Vec::new();
    let as_of = opts.as_of.unwrap_or_else(|| last_day(ws));

    let servqual = match &d.servqual {
        Some(sq) => match servqual::analyse(sq, data.servqual.as_ref(), opts.ipa_crosshair, lang) {
            Ok(r) => Some(r),
            Err(bad) => {
                errors.extend(bad.into_iter().map(|b| AnalysisError {
                    group: None,
                    path: "servqual.responses".into(),
                    message: b.to_string(),
                }));
                None
            }
        },
        None => None,
    };

    let mut metric_entries = Vec::new();
    for (gi, g) in d.groups.iter().enumerate() {
        for (pi, m) in g.measurement_plans.iter().enumerate() {
            let file = data.metric_files.get(&(gi, pi));
            let mut values = m.responses.clone();
            if let Some(f) = file {
                values.extend(&f.values);
            }
            let figures = match metrics::measure(m.metric, &values, m.scale) {
                Ok(f) => f,
                Err(e) => {
                    let path = if e.index < m.responses.len() && !m.responses.is_empty() {
                        format!("measurement_plans[{pi}].responses[{}]", e.index)
                    } else if file.is_some() {
                        format!("measurement_plans[{pi}].responses_file")
                    } else {
                        format!("measurement_plans[{pi}].scale")
                    };
                    errors.push(AnalysisError { group: Some(gi), path, message: e.to_string() });
                    continue;
                }
            };
            let step = g.journeys.iter().flat_map(|j| &j.steps).find(|s| s.id == m.step);
            metric_entries.push(MetricEntry {
                group: g.id.clone(),
                group_name: g.name.clone(),
                step: m.step.clone(),
                touchpoint: step.map(|s| s.name.clone()),
                channel: step.and_then(|s| s.touchpoint.clone()),
                touchpoint_kinds: step.map(|s| s.kinds.clone()).unwrap_or_default(),
                indicator: m.indicator,
                model: m.model,
                timing: m.timing.clone(),
                target: m.target.clone(),
                target_check: metrics::check_target(&figures, &m.target),
                source: match (m.responses.is_empty(), file.is_some()) {
                    (false, true) => "inline+file",
                    (false, false) => "inline",
                    (true, true) => "file",
                    (true, false) => "none",
                },
                file: file.map(|f| f.file.clone()),
                blank: file.map_or(0, |f| f.blank),
                figures,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let journeys = d
        .groups
        .iter()
        .flat_map(|g| {
            g.journeys
                .iter()
                .map(move |j| journey::analyse(&g.id, &g.name, j, d.scales.emotion, lang))
        })
        .collect();

    Ok(Analysis {
        workshop: WorkshopInfo {
            title: d.workshop.title.clone(),
            organisation: d.workshop.organisation.clone(),
            date: d.workshop.date.to_string(),
            end_date: d.workshop.end_date.map(|e| e.to_string()),
            language: d.workshop.language,
            groups: d.groups.len(),
        },
        options: OptionsInfo { as_of: as_of.to_string(), ipa_crosshair: opts.ipa_crosshair, lang },
        servqual,
        metrics: metric_entries,
        market_damage: d.market_damage.as_ref().map(market_damage::analyse),
        journeys,
        proposals: proposals::rank(&d.groups, d.scales.proposal),
        summary_321: summary321::analyse(d, as_of),
        pk: d.pk.as_ref().map(|p| pk::rank(p, &d.groups)).unwrap_or_default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Workshop {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/ok/minimal.yaml");
        crate::input::load(&path).workshop.unwrap()
    }

    #[test]
    fn analyses_what_the_workshop_has() {
        let ws = minimal();
        let a = analyze(&ws, &AnalyzeOptions::default(), &Answers::default()).unwrap();
        assert_eq!(a.options.as_of, "2026-11-20");
        assert!(a.servqual.is_none() && a.market_damage.is_none() && a.pk.is_empty());
        assert_eq!(a.metrics.len(), 1);
        assert_eq!(a.metrics[0].source, "inline");
        assert_eq!(a.metrics[0].figures.score, Some(25.0));
        assert_eq!(a.metrics[0].touchpoint.as_deref(), Some("离开"));
        assert_eq!(a.journeys.len(), 1);
        assert_eq!(a.proposals.len(), 1);
        assert_eq!(a.summary_321.as_ref().map(|s| s.summaries), Some(1));
    }

    #[test]
    fn file_answers_join_the_inline_ones() {
        let ws = minimal();
        let mut data = Answers::default();
        data.metric_files.insert(
            (0, 0),
            crate::model::answers::FileAnswers {
                file: "more.csv".into(),
                values: vec![10.0, 10.0, 10.0, 10.0],
                blank: 2,
            },
        );
        let a = analyze(&ws, &AnalyzeOptions::default(), &data).unwrap();
        let m = &a.metrics[0];
        assert_eq!((m.source, m.figures.n, m.blank), ("inline+file", 8, 2));
        // 9, 10, 7, 3 and four 10s: 6 promoters, 1 detractor of 8
        assert_eq!(m.figures.score, Some(100.0 * 5.0 / 8.0));
    }

    #[test]
    fn out_of_scale_inline_answers_are_errors_with_their_path() {
        let mut ws = minimal();
        ws.data.groups[0].measurement_plans[0].responses[2] = 11.0;
        let opts = AnalyzeOptions { as_of: Date::parse("2027-01-01"), ..AnalyzeOptions::default() };
        let e = analyze(&ws, &opts, &Answers::default()).unwrap_err();
        assert_eq!(
            e,
            vec![AnalysisError {
                group: Some(0),
                path: "measurement_plans[0].responses[2]".into(),
                message: "NPS answer 11 is outside its scale (scale 0..10)".into(),
            }]
        );
    }
}
