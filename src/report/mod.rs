//! Stage 4: the template contract. A [`ReportContext`] is what the tera templates see:
//! labels already in the report language, numbers already formatted, chart references by
//! id. It is built from the model with no I/O; `templates/README.md` documents every field.

pub mod labels;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::check::Date;
use crate::model::{Dimension, Language, Workshop};
use labels::Labels;

/// What the templates receive.
#[derive(Debug, Clone, Serialize)]
pub struct ReportContext {
    /// Report language key: `zh-CN`, `zh-TW` or `en`.
    pub lang: &'static str,
    /// Fixed wording in that language.
    pub labels: Labels,
    /// Title page data.
    pub workshop: MetaView,
    /// Number of groups.
    pub group_count: usize,
    /// Number of distinct participants named as group members.
    pub participant_count: usize,
    /// The groups, in file order.
    pub groups: Vec<GroupView>,
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

/// Data of one emotion-curve chart.
#[derive(Debug, Clone, PartialEq)]
pub struct EmotionChart {
    /// Caption.
    pub title: String,
    /// Step names and scores, in order.
    pub steps: Vec<(String, f64)>,
    /// The declared scale.
    pub scale: (f64, f64),
}

/// The charts a report refers to, by id. Every chart `kano chart` draws has a variant, so
/// that templates can place any of them (`![caption](chart:ID)`); [`build`] registers the
/// ones the report shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// A journey's emotion curve.
    Emotion(EmotionChart),
    /// Kano Better–Worse scatter.
    BetterWorse(crate::chart::kano::BetterWorseChart),
    /// Kano category shares per feature.
    KanoCategories(crate::chart::kano::CategoryChart),
    /// Continuous Kano analysis.
    KanoContinuous(crate::chart::kano::ContinuousChart),
    /// SERVQUAL expectation, perception and gap per dimension.
    ServqualGaps(crate::chart::servqual::GapChart),
    /// SERVQUAL zone of tolerance.
    ServqualZone(crate::chart::servqual::ZoneChart),
    /// Importance–performance matrix.
    Ipa(crate::chart::servqual::IpaChart),
    /// A journey map.
    Journey(crate::chart::journey::JourneyChart),
    /// The three-degree evaluation of a group's proposals.
    Proposals(crate::chart::proposals::ProposalChart),
    /// An NPS answer distribution.
    Nps(crate::chart::metrics::NpsChart),
    /// A per-touchpoint bar chart (CSAT, CES).
    Scores(crate::chart::metrics::ScoreChart),
    /// The market damage waterfall.
    MarketDamage(crate::chart::market_damage::DamageChart),
    /// Group competition scores.
    Pk(crate::chart::pk::PkChart),
}

impl ChartSpec {
    /// The chart's title (for a caption or a standalone file).
    pub fn title(&self) -> &str {
        match self {
            Self::Emotion(c) => &c.title,
            Self::BetterWorse(c) => &c.title,
            Self::KanoCategories(c) => &c.title,
            Self::KanoContinuous(c) => &c.title,
            Self::ServqualGaps(c) => &c.title,
            Self::ServqualZone(c) => &c.title,
            Self::Ipa(c) => &c.title,
            Self::Journey(c) => &c.title,
            Self::Proposals(c) => &c.title,
            Self::Nps(c) => &c.title,
            Self::Scores(c) => &c.title,
            Self::MarketDamage(c) => &c.title,
            Self::Pk(c) => &c.title,
        }
    }
}

/// A number without a trailing `.0`.
pub fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v}") }
}

fn dates(start: &str, end: Option<&str>, lang: Language) -> String {
    let (Some(s), e) = (Date::parse(start), end.and_then(Date::parse)) else {
        return start.to_owned();
    };
    let one = |d: Date| match lang {
        Language::En => format!("{} {} {}", d.day, MONTHS[(d.month - 1) as usize], d.year),
        _ => format!("{}年{}月{}日", d.year, d.month, d.day),
    };
    match e {
        Some(e) if e != s => match lang {
            Language::En if e.year == s.year && e.month == s.month => {
                format!("{}–{} {} {}", s.day, e.day, MONTHS[(s.month - 1) as usize], s.year)
            }
            Language::En => format!("{} – {}", one(s), one(e)),
            _ if e.year == s.year && e.month == s.month => format!("{}—{}日", one(s), e.day),
            _ => format!("{}—{}", one(s), one(e)),
        },
        _ => one(s),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Build the template context and the chart specs for a workshop in `lang`.
pub fn build(ws: &Workshop, lang: Language) -> (ReportContext, BTreeMap<String, ChartSpec>) {
    let labels = labels::labels(lang);
    let d = &ws.data;
    let m = &d.workshop;
    let mut charts = BTreeMap::new();
    let mut people = std::collections::BTreeSet::new();
    let groups = d
        .groups
        .iter()
        .map(|g| {
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
                    let chart = format!("emotion-{}-{}", g.id, j.id);
                    charts.insert(
                        chart.clone(),
                        ChartSpec::Emotion(EmotionChart {
                            title: format!("{} · {}", j.name, labels.emotion_curve),
                            steps: j.steps.iter().map(|s| (s.name.clone(), s.emotion)).collect(),
                            scale: (d.scales.emotion.min, d.scales.emotion.max),
                        }),
                    );
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
            }
        })
        .collect();
    let ctx = ReportContext {
        lang: lang.key(),
        workshop: MetaView {
            title: m.title.clone(),
            subtitle: m.subtitle.clone().unwrap_or_default(),
            organisation: m.organisation.clone(),
            dates: dates(&m.date, m.end_date.as_deref(), lang),
            place: m.place.clone(),
            facilitator: m.facilitator.clone(),
            scenario: m.scenario.clone().unwrap_or_default(),
        },
        group_count: d.groups.len(),
        participant_count: people.len(),
        groups,
        labels,
    };
    (ctx, charts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges() {
        assert_eq!(dates("2026-11-20", Some("2026-11-21"), Language::ZhCn), "2026年11月20日—21日");
        assert_eq!(dates("2026-11-20", None, Language::En), "20 November 2026");
        assert_eq!(
            dates("2026-11-30", Some("2026-12-01"), Language::En),
            "30 November 2026 – 1 December 2026"
        );
        assert_eq!(num(3.0), "3");
        assert_eq!(num(-1.5), "-1.5");
    }
}
