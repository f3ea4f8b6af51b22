//! Stage 4: the report's data for any renderer.
//!
//! Input: the checked workshop ([`Workshop`], the model) and the analysis results
//! ([`ReportData`]: the Kano classification and everything `kano analyze` computes).
//! Output: a [`ReportContext`] — what the tera templates see and what any other renderer
//! reads: sections, labels already in the report language (from the wording catalog,
//! `templates/lang/*.yaml`, through [`labels`] and [`text`]), figures already rounded and
//! written by [`crate::format::Num`], chart references by id — and the chart specs by id.
//! No I/O: the caller reads the files and writes the outputs. `templates/README.md`
//! documents every field.

pub mod chart_words;
pub mod charts;
pub mod figures;
pub mod labels;
pub mod text;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::format::{self, Num, UNDEFINED};
use crate::i18n;
use crate::model::{Date, Dimension, Language, Workshop};
use labels::Labels;
use text::Text;

/// What the templates receive.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    /// Report language key: `zh-CN`, `zh-TW` or `en`.
    pub lang: &'static str,
    /// Fixed wording in that language.
    pub labels: Labels,
    /// The report wording, by key (`t.contents`): the `report` section of the wording
    /// catalog as it stands, so a template may use any key the catalog files have.
    pub t: &'static serde_json::Value,
    /// For a one-group report, that group's name; empty for the whole workshop.
    pub only_group: String,
    /// Title page data.
    pub workshop: MetaView,
    /// Number of groups.
    pub group_count: usize,
    /// Number of distinct participants named as group members.
    pub participant_count: usize,
    /// The groups, in file order.
    pub groups: Vec<GroupView>,
    /// The Kano analysis of the workshop's survey or counts; absent in a one-group report
    /// and when the workshop has no Kano section.
    pub kano: Option<KanoView>,
    /// Everything `kano analyze` computes (its JSON contract, numbers unrounded: format
    /// them with the `fmt` filter); absent when not analysed.
    pub a: Option<crate::analysis::Analysis>,
    /// The ids of the workshop-wide charts the report can place (`servqual-gaps`,
    /// `servqual-zone`, `servqual-ipa`, `csat`, `ces`, `market-damage`, `pk`).
    pub chart_ids: Vec<String>,
    /// The customer-metric variants used (`nps`, `csat-top2`, `ces-2.0`, …), each once
    /// with its method: `[variant, method]` pairs (the method strings are `kano analyze`'s
    /// English; the report prints the catalog's `method_texts` instead).
    pub metric_methods: Vec<[String; 2]>,
    /// The appendix: the methods this report uses, in order, by their key in the
    /// catalog's `report.method_texts`.
    pub methods_used: Vec<&'static str>,
    /// The parameters of the methods that come from the workshop file.
    pub method_params: MethodParams,
    /// The figures as printed (`view::figures`): every measurement against its target, the
    /// market damage in whole customers, the actions for the 3-2-1 page.
    pub figures: figures::FiguresView,
}

/// What the appendix says about the variants a workshop chose, beyond what the analysis
/// (`a`) and the Kano view already carry.
#[derive(Debug, Clone, Serialize)]
pub struct MethodParams {
    /// The three-degree proposal scale as typed: lowest, highest, middle.
    pub proposal_scale: [String; 3],
    /// The journeys' emotion scale as typed: lowest, highest.
    pub emotion_scale: [String; 2],
    /// The mean 100-point weights typed under `servqual.weights`, by dimension (label,
    /// points as typed), in dimension order; empty when none are typed.
    pub servqual_weights: Vec<(&'static str, String)>,
    /// Where the Kano continuous analysis splits its quadrants, as set.
    pub kano_split: String,
    /// Whether the Kano continuous analysis leaves Q and R pairs out.
    pub kano_excludes_qr: bool,
    /// Where the IPA crosshair was put, by its key in `report.param_crosshair_at`
    /// (`mean`, `median`, `scale_mid`, `given`).
    pub crosshair: &'static str,
}

/// What the report is made from besides the workshop file: analyses whose input had to be
/// read from other files (the caller reads them; building the view stays free of I/O).
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    /// The classified Kano section.
    pub kano: Option<crate::analysis::kano::ClassifyReport>,
    /// Every other analysis (`kano analyze`), in the report language.
    pub analysis: Option<crate::analysis::Analysis>,
}

/// The Kano section.
#[derive(Debug, Clone, Serialize)]
pub struct KanoView {
    /// Where the answers come from (file name, or "counts").
    pub source: String,
    /// Respondents, formatted; empty for aggregated counts.
    pub respondents: String,
    /// The method in words: evaluation table and assignment rule.
    pub method: String,
    /// The assignment rule, by its name in `kano classify` (`plurality`, `moai`,
    /// `two_stage`): the key of its explanation in `t.kano_rule_text`.
    pub rule: &'static str,
    /// One row per feature, in input order.
    pub features: Vec<KanoFeatureView>,
    /// Features grouped by category, in the order basic, performance, excitement,
    /// indifferent, reverse, questionable; only categories that occur.
    pub levels: Vec<KanoLevelView>,
    /// Chart ids: Better–Worse scatter and category shares (drawn when the charts exist).
    pub charts: Vec<String>,
    /// The features whose category (the rule's pick) differs from their place in the
    /// continuous analysis, with the reason in words; empty when they all agree or there
    /// is no continuous analysis.
    pub disagreements: Vec<KanoDisagreementView>,
}

/// A feature the discrete classification and the continuous analysis place differently.
#[derive(Debug, Clone, Serialize)]
pub struct KanoDisagreementView {
    /// The feature's name.
    pub name: String,
    /// Its category in the table (name, with the mixed label when there is one).
    pub discrete: String,
    /// Its quadrant in the continuous chart (category name).
    pub continuous: String,
    /// Why the two differ, in one sentence.
    pub reason: String,
}

/// One Kano feature.
#[derive(Debug, Clone, Serialize)]
pub struct KanoFeatureView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Category letter, or empty when there were no answers.
    pub category: String,
    /// Category name in the report language, with the mixed label (e.g. `A/O`) if Fong's
    /// test does not separate the two largest categories.
    pub category_name: String,
    /// Shares of A, O, M, I, R, Q in %, formatted with one decimal.
    pub shares: Vec<String>,
    /// Better, two decimals, or empty.
    pub better: String,
    /// Worse, two decimals, or empty.
    pub worse: String,
    /// Classified answer pairs.
    pub n: u64,
}

/// The features of one category and what that means for the service level.
#[derive(Debug, Clone, Serialize)]
pub struct KanoLevelView {
    /// Category letter.
    pub category: &'static str,
    /// Its name.
    pub name: &'static str,
    /// What it means for the service level.
    pub meaning: &'static str,
    /// The features' names, joined.
    pub features: String,
}

/// Workshop metadata for the cover.
#[derive(Debug, Clone, Serialize)]
pub struct MetaView {
    /// Title.
    pub title: String,
    /// Subtitle, or empty.
    pub subtitle: String,
    /// Client organisation.
    pub organisation: String,
    /// The dates, formatted for the language.
    pub dates: String,
    /// Place.
    pub place: String,
    /// Facilitator.
    pub facilitator: String,
    /// Business scenario, or empty.
    pub scenario: String,
}

/// One group.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// Group id.
    pub id: String,
    /// Group name.
    pub name: String,
    /// Scenario.
    pub scenario: String,
    /// Members, joined with the language's list separator.
    pub members: String,
    /// Post standards, per post.
    pub posts: Vec<PostView>,
    /// Journeys.
    pub journeys: Vec<JourneyView>,
    /// MOT proposals of all its journeys, ranked by the three-degree score when analysed
    /// (else in file order).
    pub proposals: Vec<ProposalView>,
    /// Chart id of the proposals' ease–perception matrix, or empty.
    pub proposals_chart: String,
    /// Measurement plan.
    pub measurements: Vec<MeasurementView>,
    /// Gap diagnoses.
    pub gaps: Vec<GapView>,
    /// The gap self-test sheet.
    pub self_test: Vec<SelfTestView>,
}

/// One MOT proposal.
#[derive(Debug, Clone, Serialize)]
pub struct ProposalView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The move (and phase), as a label.
    pub kind: String,
    /// The journey and step it acts on.
    pub step: String,
    /// What will be done, or empty.
    pub description: String,
    /// Peak principles, joined, or empty.
    pub principles: String,
    /// Professionalism, formatted.
    pub professionalism: String,
    /// Ease of investment, formatted.
    pub ease: String,
    /// Perceived satisfaction, formatted.
    pub perception: String,
    /// Rank in the group (1 = best), or empty when not analysed.
    pub rank: String,
    /// The three-degree score, formatted, or empty.
    pub score: String,
    /// A quick win: easy and well perceived.
    pub quick_win: bool,
}

/// One touchpoint's measurement.
#[derive(Debug, Clone, Serialize)]
pub struct MeasurementView {
    /// The step measured, by name.
    pub step: String,
    /// Indicator kind label.
    pub indicator: &'static str,
    /// Metric label.
    pub metric: &'static str,
    /// Model label.
    pub model: &'static str,
    /// Timing.
    pub timing: String,
    /// Target.
    pub target: String,
    /// Question wording, or empty.
    pub question: String,
    /// The measured result, e.g. `NPS +47.4`, `CSAT 76.0%`, `CES 5.17`, or empty without
    /// answers.
    pub result: String,
    /// The figure beside it (`均值 3.96`, `同意 73.3%`), or empty.
    pub detail: String,
    /// Against the target: `达标 +7.5`, `未达标 −0.33`, or why it is not judged.
    pub verdict: String,
    /// `met`, `missed`, `not_judged` or `no_answers`.
    pub status: &'static str,
    /// Answers counted.
    pub n: u64,
    /// Chart id of its answer distribution (NPS), or empty.
    pub chart: String,
}

/// One gap's diagnosis.
#[derive(Debug, Clone, Serialize)]
pub struct GapView {
    /// Gap label.
    pub gap: &'static str,
    /// Symptoms.
    pub symptoms: Vec<String>,
    /// Causes.
    pub causes: Vec<String>,
    /// Measures.
    pub measures: Vec<String>,
    /// Owner.
    pub owner: String,
    /// Due date as typed.
    pub due: String,
}

/// One self-test statement.
#[derive(Debug, Clone, Serialize)]
pub struct SelfTestView {
    /// Gap label.
    pub gap: &'static str,
    /// The statement.
    pub statement: String,
    /// Score, formatted.
    pub score: String,
}

/// One post's standards, sorted by SERVQUAL dimension.
#[derive(Debug, Clone, Serialize)]
pub struct PostView {
    /// The post.
    pub post: String,
    /// Its standards.
    pub standards: Vec<StandardView>,
}

/// One standard.
#[derive(Debug, Clone, Serialize)]
pub struct StandardView {
    /// Dimension label in the report language.
    pub dimension: &'static str,
    /// Indicator.
    pub indicator: String,
    /// Description.
    pub description: String,
    /// How it is checked.
    pub check: String,
    /// Target.
    pub target: String,
}

/// One journey.
#[derive(Debug, Clone, Serialize)]
pub struct JourneyView {
    /// Journey id.
    pub id: String,
    /// Name.
    pub name: String,
    /// The customer (persona), or empty.
    pub customer: String,
    /// Chart reference of its emotion curve.
    pub chart: String,
    /// Steps in order.
    pub steps: Vec<StepView>,
}

/// One step.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// Position, from 1.
    pub number: usize,
    /// Name.
    pub name: String,
    /// Emotion score, formatted.
    pub emotion: String,
    /// Touchpoint kinds, as labels joined.
    pub kinds: String,
    /// Pain points, joined.
    pub pain_points: String,
}

pub mod specs;
pub use specs::{ChartSpec, EmotionChart};

/// The `report` section of the catalog of `lang`, as the templates read it.
fn report_words(lang: Language) -> &'static serde_json::Value {
    static NULL: serde_json::Value = serde_json::Value::Null;
    i18n::catalog(lang.key()).tree("report").unwrap_or(&NULL)
}

/// A number without a trailing `.0`, with the typographic minus the report prints.
pub fn num(v: f64) -> String {
    // as typed: the shortest form that reads back as the same number, no rounding
    format::raw(v).map_or_else(
        || UNDEFINED.to_owned(),
        |s| match s.strip_prefix('-') {
            Some(abs) => format!("{}{abs}", format::MINUS),
            None => s,
        },
    )
}

/// The workshop's dates in the patterns of `t` (`date_one`, `date_same_month`,
/// `date_range`).
fn dates(s: Date, e: Option<Date>, t: &Text) -> String {
    let date = |pattern: &str, d: Date, end_day: u32| {
        let month = usize::try_from(d.month).ok().and_then(|m| m.checked_sub(1));
        let month_name = month.and_then(|m| t.month_names.get(m)).unwrap_or(&"");
        i18n::fill(
            pattern,
            &[
                ("year", &d.year.to_string()),
                ("month", &d.month.to_string()),
                ("month_name", month_name),
                ("day", &d.day.to_string()),
                ("end_day", &end_day.to_string()),
            ],
        )
    };
    let one = |d: Date| date(t.date_one, d, d.day);
    match e {
        Some(e) if e != s && e.year == s.year && e.month == s.month => {
            date(t.date_same_month, s, e.day)
        }
        Some(e) if e != s => i18n::fill(t.date_range, &[("start", &one(s)), ("end", &one(e))]),
        _ => one(s),
    }
}

/// Build the template context and the chart specs for a workshop in `lang`; with
/// `group`, for that group only.
pub fn build(
    ws: &Workshop,
    lang: Language,
    group: Option<&str>,
    data: &ReportData,
) -> (ReportContext, BTreeMap<String, ChartSpec>) {
    let labels = labels::labels(lang);
    let t = text::text(lang);
    let mut kano =
        if group.is_none() { data.kano.as_ref().map(|k| kano_view(k, t, lang)) } else { None };
    let analysis = data.analysis.as_ref();
    // every chart the workshop has data for, by the name `kano chart` gives it
    let inputs = crate::view::charts::ChartInputs { analysis, kano: data.kano.as_ref() };
    let drawn = crate::view::charts::build(ws, &inputs, lang, None);
    let mut chart_names = std::collections::BTreeSet::new();
    let mut charts = BTreeMap::new();
    for c in drawn.charts {
        chart_names.insert(c.name());
        charts.insert(c.name(), c.spec);
    }
    let has = |name: &str| -> String {
        if chart_names.contains(name) { name.to_owned() } else { String::new() }
    };
    if let Some(k) = kano.as_mut() {
        k.charts = ["kano-better-worse", "kano-categories", "kano-continuous"]
            .iter()
            .filter(|n| chart_names.contains(**n))
            .map(|n| (*n).to_owned())
            .collect();
    }
    let d = &ws.data;
    let m = &d.workshop;
    let mut people = std::collections::BTreeSet::new();
    let groups: Vec<GroupView> = d
        .groups
        .iter()
        .filter(|g| group.is_none_or(|id| g.id == id))
        .map(|g| {
            let step_name = |id: &str| -> String {
                g.journeys
                    .iter()
                    .flat_map(|j| &j.steps)
                    .find(|s| s.id == id)
                    .map_or_else(|| id.to_owned(), |s| s.name.clone())
            };
            let mut proposals: Vec<ProposalView> = g
                .journeys
                .iter()
                .flat_map(|j| j.proposals.iter().map(move |p| (j, p)))
                .map(|(j, p)| ProposalView {
                    id: p.id.clone(),
                    title: p.title.clone(),
                    kind: match p.phase {
                        Some(ph) => {
                            format!("{}{}{}{}", p.kind.label(lang), t.lp, ph.label(lang), t.rp)
                        }
                        None => p.kind.label(lang).to_owned(),
                    },
                    step: if g.journeys.len() > 1 {
                        format!("{} · {}", j.name, step_name(&p.step))
                    } else {
                        step_name(&p.step)
                    },
                    description: p.description.clone().unwrap_or_default(),
                    principles: p
                        .principles
                        .iter()
                        .map(|x| x.label(lang))
                        .collect::<Vec<_>>()
                        .join(labels.list_sep),
                    professionalism: num(p.scores.professionalism),
                    ease: num(p.scores.ease),
                    perception: num(p.scores.perception),
                    rank: String::new(),
                    score: String::new(),
                    quick_win: false,
                })
                .collect();
            if let Some(a) = analysis {
                let ranked = |id: &str| a.proposals.iter().find(|r| r.group == g.id && r.id == id);
                for p in &mut proposals {
                    if let Some(r) = ranked(&p.id) {
                        p.rank = r.group_rank.to_string();
                        p.score = Num::fixed(2).typographic().or_dash(Some(r.score));
                        p.quick_win = r.quick_win;
                    }
                }
                proposals.sort_by_key(|p| ranked(&p.id).map_or(usize::MAX, |r| r.group_rank));
            }
            let fw = figures::words(lang.key());
            let measurements = g
                .measurement_plans
                .iter()
                .map(|x| {
                    let entry = analysis.and_then(|a| {
                        a.metrics.iter().find(|m| m.group == g.id && m.step == x.step)
                    });
                    let row = entry.map(|m| figures::metric_row(m, fw));
                    let result = entry
                        .zip(row.as_ref())
                        .filter(|(m, _)| m.figures.n > 0 && m.figures.score.is_some())
                        .map_or_else(String::new, |(m, r)| {
                            format!("{} {}", m.figures.kind.key().to_uppercase(), r.result)
                        });
                    MeasurementView {
                        step: step_name(&x.step),
                        indicator: x.indicator.label(lang),
                        metric: x.metric.label(lang),
                        model: x.model.label(lang),
                        timing: x.timing.clone(),
                        target: x.target.clone(),
                        question: x.question.clone().unwrap_or_default(),
                        detail: if result.is_empty() {
                            String::new()
                        } else {
                            row.as_ref().map_or_else(String::new, |r| r.detail.clone())
                        },
                        verdict: row.as_ref().map_or_else(String::new, |r| r.verdict.clone()),
                        status: row.as_ref().map_or("", |r| r.status),
                        result,
                        n: entry.map_or(0, |m| m.figures.n),
                        chart: has(&format!("nps-{}-{}", g.id, x.step)),
                    }
                })
                .collect();
            let gaps = g
                .gaps
                .iter()
                .map(|x| GapView {
                    gap: x.gap.label(lang),
                    symptoms: x.symptoms.clone(),
                    causes: x.causes.clone(),
                    measures: x.measures.clone(),
                    owner: x.owner.clone(),
                    due: x.due.to_string(),
                })
                .collect();
            let self_test = g
                .gap_self_test
                .iter()
                .map(|x| SelfTestView {
                    gap: x.gap.label(lang),
                    statement: x.statement.clone(),
                    score: num(x.score),
                })
                .collect();
            people.extend(g.members.iter().map(|s| s.trim().to_owned()));
            let posts = g
                .post_standards
                .iter()
                .map(|p| {
                    let mut standards: Vec<(Dimension, StandardView)> = p
                        .standards
                        .iter()
                        .map(|s| {
                            (
                                s.dimension,
                                StandardView {
                                    dimension: s.dimension.label(lang),
                                    indicator: s.indicator.clone(),
                                    description: s.description.clone(),
                                    check: s.check.clone(),
                                    target: s.target.clone(),
                                },
                            )
                        })
                        .collect();
                    standards.sort_by_key(|(dim, _)| Dimension::ALL.iter().position(|d| d == dim));
                    PostView {
                        post: p.post.clone(),
                        standards: standards.into_iter().map(|(_, s)| s).collect(),
                    }
                })
                .collect();
            let journeys = g
                .journeys
                .iter()
                .map(|j| {
                    // the journey map, or else the bare emotion curve, when drawn
                    let chart = [
                        format!("journey-{}-{}", g.id, j.id),
                        format!("emotion-{}-{}", g.id, j.id),
                    ]
                    .into_iter()
                    .find(|name| chart_names.contains(name))
                    .unwrap_or_default();
                    JourneyView {
                        id: j.id.clone(),
                        name: j.name.clone(),
                        customer: j.customer.clone().unwrap_or_default(),
                        chart,
                        steps: j
                            .steps
                            .iter()
                            .enumerate()
                            .map(|(i, s)| StepView {
                                number: i + 1,
                                name: s.name.clone(),
                                emotion: num(s.emotion),
                                kinds: s
                                    .kinds
                                    .iter()
                                    .map(|k| k.label(lang))
                                    .collect::<Vec<_>>()
                                    .join(labels.list_sep),
                                pain_points: s.pain_points.join(labels.list_sep),
                            })
                            .collect(),
                    }
                })
                .collect();
            GroupView {
                id: g.id.clone(),
                name: g.name.clone(),
                scenario: g.scenario.clone(),
                members: g.members.join(labels.list_sep),
                posts,
                journeys,
                proposals,
                proposals_chart: has(&format!("proposals-{}", g.id)),
                measurements,
                gaps,
                self_test,
            }
        })
        .collect();
    let only_group = group
        .and_then(|id| d.groups.iter().find(|g| g.id == id))
        .map_or_else(String::new, |g| g.name.clone());
    let ctx = ReportContext {
        lang: lang.key(),
        t: report_words(lang),
        only_group,
        workshop: MetaView {
            title: m.title.clone(),
            subtitle: m.subtitle.clone().unwrap_or_default(),
            organisation: m.organisation.clone(),
            dates: dates(m.date, m.end_date, t),
            place: m.place.clone(),
            facilitator: m.facilitator.clone(),
            scenario: m.scenario.clone().unwrap_or_default(),
        },
        group_count: groups.len(),
        participant_count: people.len(),
        groups,
        labels,
        kano,
        metric_methods: {
            let mut seen: Vec<[String; 2]> = Vec::new();
            for m in analysis.map(|a| a.metrics.as_slice()).unwrap_or(&[]) {
                let f = &m.figures;
                if !seen.iter().any(|[v, _]| v == f.variant) {
                    seen.push([f.variant.to_owned(), f.method.to_owned()]);
                }
            }
            seen
        },
        methods_used: methods_used(data, &chart_names, group),
        method_params: MethodParams {
            proposal_scale: {
                let s = d.scales.proposal;
                [num(s.min), num(s.max), num((s.min + s.max) / 2.0)]
            },
            emotion_scale: {
                let n = |v: f64| Num::upto(3).typographic().or_dash(Some(v));
                [n(d.scales.emotion.min), n(d.scales.emotion.max)]
            },
            servqual_weights: d.servqual.as_ref().map_or_else(Vec::new, |sq| {
                Dimension::ALL
                    .iter()
                    .filter_map(|dim| sq.weights.get(dim).map(|w| (dim.label(lang), num(*w))))
                    .collect()
            }),
            kano_split: num(data.kano.as_ref().map_or(2.0, |k| k.method.continuous_split)),
            kano_excludes_qr: data.kano.as_ref().is_some_and(|k| k.method.continuous_excludes_qr),
            crosshair: match analysis.map(|a| a.options.ipa_crosshair.name()) {
                Some("median") => "median",
                Some("scale-mid") => "scale_mid",
                Some("custom") => "given",
                _ => "mean",
            },
        },
        figures: figures::build(analysis, lang.key()),
        a: data.analysis.clone(),
        chart_ids: [
            "servqual-gaps",
            "servqual-zone",
            "servqual-ipa",
            "csat",
            "ces",
            "market-damage",
            "pk",
        ]
        .iter()
        .filter(|n| chart_names.contains(**n))
        .map(|n| (*n).to_owned())
        .collect(),
    };
    (ctx, charts)
}

/// The keys (in `report.method_texts`) of the methods the report shows, in the order of
/// its sections.
/// A one-group report (`group`) shows only that group's chapter: its journeys, proposals and
/// measurements.
fn methods_used(
    data: &ReportData,
    charts: &std::collections::BTreeSet<String>,
    group: Option<&str>,
) -> Vec<&'static str> {
    let whole = group.is_none();
    let ours = |g: &str| group.is_none_or(|id| id == g);
    let mut used = Vec::new();
    if data.kano.is_some() && whole {
        used.push("kano");
        if charts.contains("kano-continuous") {
            used.push("kano_continuous");
        }
    }
    let Some(a) = data.analysis.as_ref() else { return used };
    if let Some(sq) = a.servqual.as_ref().filter(|_| whole) {
        used.push("servqual");
        if !sq.zone_of_tolerance.is_empty() {
            used.push("zone");
        }
        if !sq.ipa.is_empty() {
            used.push("ipa");
        }
    }
    for (variant, key) in
        [("nps", "nps"), ("csat-top2", "csat"), ("ces-2.0", "ces_2"), ("ces-1.0", "ces_1")]
    {
        if a.metrics.iter().any(|m| ours(&m.group) && m.figures.variant == variant) {
            used.push(key);
        }
    }
    if a.market_damage.is_some() && whole {
        used.push("tarp");
    }
    if a.journeys.iter().any(|j| ours(&j.group)) {
        used.push("journey");
    }
    if a.proposals.iter().any(|p| ours(&p.group)) {
        used.push("proposals");
    }
    if a.summary_321.is_some() && whole {
        used.push("summary_321");
    }
    if !a.pk.is_empty() && whole {
        used.push("pk");
    }
    used
}

/// A row of shares in % with one decimal that adds up to 100.0 as printed (issue 11): the
/// tenths apportioned by the largest remainder, so a share may be written 0.1 from its own
/// rounding; empty cells for absent shares (and then each rounded on its own).
fn shares_row(shares: &[Option<f64>]) -> Vec<String> {
    let all: Option<Vec<f64>> = shares.iter().map(|s| s.map(|v| v * 10.0)).collect();
    match all {
        Some(tenths) if tenths.iter().all(|t| t.is_finite() && *t >= 0.0) => {
            format::apportion(&tenths).iter().map(|t| fixed(Some(t / 10.0), 1)).collect()
        }
        _ => shares.iter().map(|s| fixed(*s, 1)).collect(),
    }
}

/// `v` with `decimals` decimals, or empty when absent or not finite.
fn fixed(v: Option<f64>, decimals: usize) -> String {
    Num::fixed(decimals).typographic().or(v, "")
}

/// The Kano section's view of a classification (its whole-sample segment).
fn kano_view(report: &crate::analysis::kano::ClassifyReport, t: &Text, lang: Language) -> KanoView {
    use crate::analysis::kano::Category;
    let category = labels::kano_categories(lang);
    let results = report.segments.first().map(|s| s.features.as_slice()).unwrap_or(&[]);
    let features: Vec<KanoFeatureView> = results
        .iter()
        .map(|f| KanoFeatureView {
            id: f.id.clone(),
            name: f.name.clone(),
            category: f.category.map_or_else(String::new, |c| c.as_str().to_owned()),
            category_name: match (f.category, &f.mixed) {
                (Some(c), Some(mixed)) => format!("{}{}{mixed}{}", category.get(c), t.lp, t.rp),
                (Some(c), None) => category.get(c).to_owned(),
                (None, _) => String::new(),
            },
            shares: shares_row(&Category::ALL.map(|c| f.shares.get(c))),
            better: fixed(f.better, 2),
            worse: fixed(f.worse, 2),
            n: f.n,
        })
        .collect();
    let order = [Category::M, Category::O, Category::A, Category::I, Category::R, Category::Q];
    let levels = order
        .iter()
        .filter_map(|&c| {
            let names: Vec<&str> =
                results.iter().filter(|f| f.category == Some(c)).map(|f| f.name.as_str()).collect();
            if names.is_empty() {
                return None;
            }
            Some(KanoLevelView {
                category: c.as_str(),
                name: category.get(c),
                meaning: t.kano_level.get(c),
                features: names.join(t.kano_feature_sep),
            })
        })
        .collect();
    let m = &report.method;
    let disagreements = results
        .iter()
        .zip(&features)
        .filter_map(|(f, view)| {
            let (discrete, quadrant) = (f.category?, f.continuous.as_ref()?.quadrant?);
            // a mixed label (`R/I`) still shows the first category's colour and place
            if discrete == quadrant {
                return None;
            }
            let pct = |c: Category| Num::fixed(0).or_dash(f.shares.get(c));
            // the runner-up among the other categories
            let second = Category::ALL
                .iter()
                .copied()
                .filter(|c| *c != discrete)
                .max_by_key(|c| f.counts.get(*c));
            let why = &t.kano_disagreement;
            let (pattern, second) = match second {
                _ if discrete == Category::R => (why.reverse, Category::R),
                Some(c) if c == quadrant => (why.runner_up, c),
                Some(c) => (why.spread, c),
                None => (why.spread, discrete),
            };
            let reason = i18n::fill(
                pattern,
                &[
                    ("first", category.get(discrete)),
                    ("first_share", &pct(discrete)),
                    ("second", category.get(second)),
                    ("second_share", &pct(second)),
                    ("continuous", category.get(quadrant)),
                ],
            );
            Some(KanoDisagreementView {
                name: f.name.clone(),
                discrete: view.category_name.clone(),
                continuous: category.get(quadrant).to_owned(),
                reason,
            })
        })
        .collect();
    KanoView {
        disagreements,
        rule: m.rule.name(),
        source: report.source.clone(),
        respondents: report.respondents.map_or_else(String::new, |n| n.to_string()),
        method: format!(
            "{}{}{}",
            t.kano_table.get(m.table.name()),
            t.sep,
            t.kano_rule.get(m.rule.name())
        ),
        features,
        levels,
        charts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates_in(start: &str, end: Option<&str>, lang: Language) -> String {
        let d = |t: &str| t.parse::<Date>().unwrap();
        dates(d(start), end.map(d), text::text(lang))
    }

    #[test]
    fn date_ranges() {
        let d = dates_in;
        assert_eq!(d("2026-11-20", Some("2026-11-21"), Language::ZhCn), "2026年11月20日—21日");
        assert_eq!(
            d("2026-11-20", Some("2026-12-01"), Language::ZhTw),
            "2026年11月20日—2026年12月1日"
        );
        assert_eq!(d("2026-11-20", Some("2026-11-20"), Language::ZhCn), "2026年11月20日");
        assert_eq!(d("2026-11-20", None, Language::En), "20 November 2026");
        assert_eq!(d("2026-11-20", Some("2026-11-21"), Language::En), "20–21 November 2026");
        assert_eq!(
            d("2026-11-30", Some("2026-12-01"), Language::En),
            "30 November 2026 – 1 December 2026"
        );
    }

    #[test]
    fn kano_shares_add_up_to_100_as_printed() {
        // 39.17 + 30 + 9.17 + 20 + 0 + 1.67 = 100, each rounded: 39.2 + 30.0 + 9.2 + 20.0 +
        // 0.0 + 1.7 = 100.1
        let row = shares_row(&[
            Some(39.166_666),
            Some(30.0),
            Some(9.166_666),
            Some(20.0),
            Some(0.0),
            Some(1.666_666),
        ]);
        // three equal fractions for two tenths: the larger shares get them
        assert_eq!(row, ["39.2", "30.0", "9.2", "20.0", "0.0", "1.6"]);
        let sum: f64 = row.iter().map(|s| s.parse::<f64>().unwrap()).sum();
        assert!((sum - 100.0).abs() < 1e-9);
        assert_eq!(shares_row(&[None, Some(50.0)]), ["", "50.0"]);
    }

    #[test]
    fn numbers_go_through_the_one_formatter() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(-1.5), "\u{2212}1.5");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(f64::NAN), UNDEFINED);
        assert_eq!(fixed(Some(0.125), 2), "0.13");
        assert_eq!(fixed(Some(62.5), 0), "63");
        assert_eq!(fixed(None, 1), "");
        assert_eq!(fixed(Some(f64::INFINITY), 1), "");
    }

    fn example(path: &str, lang: Language, group: Option<&str>) -> ReportContext {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut loaded = crate::input::load(&root.join(path));
        let ws = loaded.workshop.take().unwrap();
        let opts = crate::analysis::AnalyzeOptions { lang, ..Default::default() };
        let analysis = crate::pipeline::analyze_workshop(&ws, &loaded, &opts).unwrap();
        let kano = crate::pipeline::kano_data(&ws).unwrap();
        let data = ReportData { kano, analysis: Some(analysis) };
        build(&ws, lang, group, &data).0
    }

    /// zh-bank's table calls 一次告知所需材料 basic (M 48 %, O 35 %) and 理财经理定期电话推荐产品
    /// reverse (R/I); the continuous chart puts them among the performance and the
    /// indifferent needs. The report says so, and why.
    #[test]
    fn kano_disagreements_are_found_with_their_reasons() {
        let ctx = example("workshops/zh-bank", Language::ZhCn, None);
        let d = &ctx.kano.unwrap().disagreements;
        let rows: Vec<(&str, &str, &str)> = d
            .iter()
            .map(|x| (x.name.as_str(), x.discrete.as_str(), x.continuous.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                ("一次告知所需材料", "基本需求", "期望需求"),
                ("理财经理定期电话推荐产品", "反向需求（R/I）", "无差异需求"),
            ]
        );
        assert!(d[0].reason.contains("基本需求（48%）") && d[0].reason.contains("期望需求（35%）"));
        assert!(d[1].reason.starts_with("反向回答占 46%"), "{}", d[1].reason);
        let ctx = example("workshops/en-hotel.yaml", Language::En, None);
        assert!(ctx.kano.unwrap().disagreements.is_empty());
    }

    #[test]
    fn the_appendix_lists_the_methods_the_report_uses() {
        let ctx = example("workshops/zh-bank", Language::ZhCn, None);
        assert_eq!(
            ctx.methods_used,
            [
                "kano",
                "kano_continuous",
                "servqual",
                "zone",
                "ipa",
                "nps",
                "csat",
                "ces_2",
                "tarp",
                "journey",
                "proposals",
                "summary_321",
                "pk"
            ]
        );
        assert_eq!(ctx.method_params.proposal_scale, ["1", "5", "3"]);
        assert_eq!(ctx.method_params.emotion_scale, ["\u{2212}3", "3"]);
        assert_eq!(ctx.method_params.servqual_weights.len(), 5);
        // every key has its words in every language
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            for key in &ctx.methods_used {
                for field in ["title", "meaning", "how", "formula", "source"] {
                    let k = format!("report.method_texts.{key}.{field}");
                    assert!(i18n::catalog(lang.key()).has(&k), "{lang:?}: {k}");
                }
            }
        }
        let hotel = example("workshops/en-hotel.yaml", Language::En, None);
        assert!(hotel.methods_used.contains(&"ces_1"));
        assert_eq!(hotel.method_params.servqual_weights[1], ("Reliability", "30.2".to_owned()));
        let one = example("workshops/zh-bank", Language::ZhCn, Some("g2"));
        assert_eq!(one.methods_used, ["nps", "csat", "ces_2", "journey", "proposals"]);
    }

    /// The report's wording (the appendix's formulas: × ÷ − ≥ √ Σ →) has a glyph for every
    /// character in the embedded font: none would vanish from a page.
    #[test]
    fn every_report_word_is_drawable_in_the_embedded_font() {
        let faces = crate::text::Faces::embedded().unwrap();
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            let all = report_words(lang).to_string();
            assert!(all.contains('÷') && all.contains('√') && all.contains('Σ'));
            assert_eq!(faces.missing(&all), Vec::<char>::new(), "{lang:?}");
        }
    }

    /// Every display name of every closed vocabulary, in every language, is the catalog's
    /// `common.<vocabulary>.<key>` (so the catalog is complete), and is still a spelling
    /// the workshop files accept for that value.
    #[test]
    fn vocabulary_labels_come_from_the_catalog() {
        use crate::model::{
            Gap, IndicatorKind, MeasurementModel, Metric, Move, Phase, Principle, TouchpointKind,
        };
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            section: &str,
            all: &[T],
            key: fn(T) -> &'static str,
            label: fn(T, Language) -> &'static str,
            parse: fn(&str) -> Option<T>,
        ) -> usize {
            for &v in all {
                for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
                    let dotted = format!("common.{section}.{}", key(v).replace('-', "_"));
                    let dotted = dotted.to_lowercase();
                    let catalog = crate::i18n::catalog(lang.key());
                    assert!(catalog.has(&dotted), "{}: no `{dotted}`", lang.key());
                    assert_eq!(label(v, lang), catalog.text(&dotted), "{v:?} in {lang:?}");
                    assert_eq!(parse(label(v, lang)), Some(v), "{v:?} in {lang:?}");
                }
            }
            all.len()
        }
        let n = check("language", Language::ALL, Language::key, Language::label, Language::parse)
            + check(
                "dimension",
                Dimension::ALL,
                Dimension::key,
                Dimension::label,
                Dimension::parse,
            )
            + check(
                "touchpoint_kind",
                TouchpointKind::ALL,
                TouchpointKind::key,
                TouchpointKind::label,
                TouchpointKind::parse,
            )
            + check("move", Move::ALL, Move::key, Move::label, Move::parse)
            + check("phase", Phase::ALL, Phase::key, Phase::label, Phase::parse)
            + check(
                "principle",
                Principle::ALL,
                Principle::key,
                Principle::label,
                Principle::parse,
            )
            + check(
                "indicator_kind",
                IndicatorKind::ALL,
                IndicatorKind::key,
                IndicatorKind::label,
                IndicatorKind::parse,
            )
            + check("metric", Metric::ALL, Metric::key, Metric::label, Metric::parse)
            + check(
                "measurement_model",
                MeasurementModel::ALL,
                MeasurementModel::key,
                MeasurementModel::label,
                MeasurementModel::parse,
            )
            + check("gap", Gap::ALL, Gap::key, Gap::label, Gap::parse);
        assert_eq!(n, 37);
        // the same text as the literals the vocabularies were written with
        assert_eq!(Dimension::Assurance.label(Language::ZhCn), "专业度");
        assert_eq!(TouchpointKind::HighFrequency.label(Language::ZhTw), "高頻觸點");
        assert_eq!(Phase::Before.label(Language::En), "Before (expectation control)");
        assert_eq!(Gap::Customer.label(Language::ZhTw), "顧客差距");
        assert_eq!(Language::ZhTw.label(Language::ZhCn), "繁体中文");
    }
}
