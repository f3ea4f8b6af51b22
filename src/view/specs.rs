//! Chart specs: the plain data of every chart, view data like the rest of the report —
//! labels already in the report language, figures already computed and rounded where
//! they are shown as text. [`charts`](super::charts) builds them from the analysis;
//! `chart` draws them, `render` writes them into the report or into chart files.
//!
//! Data and trivial accessors only: how a chart looks (colours, marker shapes, layout)
//! is the `chart` module's.

use crate::analysis::journey::Moments;
use crate::analysis::kano::Category;
use crate::model::{Dimension, Language, Move, TouchpointKind};

/// The kinds of chart `kano chart` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Kano Better–Worse scatter.
    KanoBetterWorse,
    /// Kano category shares.
    KanoCategories,
    /// Continuous Kano analysis.
    KanoContinuous,
    /// SERVQUAL expectation, perception, gap.
    ServqualGaps,
    /// Zone of tolerance.
    ServqualZone,
    /// Importance–performance analysis.
    ServqualIpa,
    /// Journey map, one per journey.
    Journey,
    /// Emotion curve, one per journey.
    Emotion,
    /// Proposal evaluation, one per group.
    Proposals,
    /// NPS distribution, one per NPS measurement.
    Nps,
    /// CSAT per touchpoint.
    Csat,
    /// CES per touchpoint.
    Ces,
    /// Market damage waterfall.
    MarketDamage,
    /// Group competition.
    Pk,
}

impl Kind {
    /// Every kind, in the course's order.
    pub const ALL: [Kind; 14] = [
        Kind::KanoBetterWorse,
        Kind::KanoCategories,
        Kind::KanoContinuous,
        Kind::ServqualGaps,
        Kind::ServqualZone,
        Kind::ServqualIpa,
        Kind::Journey,
        Kind::Emotion,
        Kind::Proposals,
        Kind::Nps,
        Kind::Csat,
        Kind::Ces,
        Kind::MarketDamage,
        Kind::Pk,
    ];

    /// The name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::KanoBetterWorse => "kano-better-worse",
            Kind::KanoCategories => "kano-categories",
            Kind::KanoContinuous => "kano-continuous",
            Kind::ServqualGaps => "servqual-gaps",
            Kind::ServqualZone => "servqual-zone",
            Kind::ServqualIpa => "servqual-ipa",
            Kind::Journey => "journey",
            Kind::Emotion => "emotion",
            Kind::Proposals => "proposals",
            Kind::Nps => "nps",
            Kind::Csat => "csat",
            Kind::Ces => "ces",
            Kind::MarketDamage => "market-damage",
            Kind::Pk => "pk",
        }
    }

    /// Is it one of the Kano charts (drawn from the Kano classification, not the
    /// service-quality analysis)?
    pub fn is_kano(self) -> bool {
        matches!(self, Kind::KanoBetterWorse | Kind::KanoCategories | Kind::KanoContinuous)
    }

    /// The kind named `s`, if any.
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        Kind::ALL.into_iter().find(|k| k.name() == s)
    }
}

/// One chart of a workshop, named for files: `<kind>[-<id>]`.
#[derive(Debug, Clone, PartialEq)]
pub struct NamedChart {
    /// Its kind.
    pub kind: Kind,
    /// Which one, for kinds drawn once per journey, group or measurement.
    pub id: Option<String>,
    /// What to draw.
    pub spec: ChartSpec,
}

impl NamedChart {
    /// The file name without extension.
    pub fn name(&self) -> String {
        match &self.id {
            Some(id) => format!("{}-{id}", self.kind.name()),
            None => self.kind.name().to_owned(),
        }
    }
}

/// Data of one emotion-curve chart.
#[derive(Debug, Clone, PartialEq)]
pub struct EmotionChart {
    /// Caption.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// Step names and scores, in order.
    pub steps: Vec<(String, f64)>,
    /// The declared scale.
    pub scale: (f64, f64),
    /// The average line, peaks, valleys and end, as the analysis found them.
    pub moments: Moments,
}

/// The charts a report refers to, by id. Every chart `kano chart` draws has a variant, so
/// that templates can place any of them (`![caption](chart:ID)`); [`build`](super::build) registers the
/// ones the report shows.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartSpec {
    /// A journey's emotion curve.
    Emotion(EmotionChart),
    /// Kano Better–Worse scatter.
    BetterWorse(BetterWorseChart),
    /// Kano category shares per feature.
    KanoCategories(CategoryChart),
    /// Continuous Kano analysis.
    KanoContinuous(ContinuousChart),
    /// SERVQUAL expectation, perception and gap per dimension.
    ServqualGaps(GapChart),
    /// SERVQUAL zone of tolerance.
    ServqualZone(ZoneChart),
    /// Importance–performance matrix.
    Ipa(IpaChart),
    /// A journey map.
    Journey(JourneyChart),
    /// The three-degree evaluation of a group's proposals.
    Proposals(ProposalChart),
    /// An NPS answer distribution.
    Nps(NpsChart),
    /// A per-touchpoint bar chart (CSAT, CES).
    Scores(ScoreChart),
    /// The market damage waterfall.
    MarketDamage(DamageChart),
    /// Group competition scores.
    Pk(PkChart),
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

// Kano

/// One feature of the Better–Worse plot.
#[derive(Debug, Clone, PartialEq)]
pub struct BetterWorsePoint {
    /// Feature name.
    pub name: String,
    /// Better (SI), 0..1.
    pub better: f64,
    /// |Worse| (|DI|), 0..1.
    pub worse: f64,
    /// Assigned category (colours the point).
    pub category: Option<Category>,
}

/// Data of the Better–Worse plot.
#[derive(Debug, Clone, PartialEq)]
pub struct BetterWorseChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// Features with both coefficients defined.
    pub points: Vec<BetterWorsePoint>,
    /// Where the quadrants split (0.5, METHODS §1.3).
    pub split: f64,
}

/// One feature's answers.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    /// Feature name.
    pub name: String,
    /// Answers per category, in the order of [`Category::ALL`] (A, O, M, I, R, Q).
    pub counts: [u64; 6],
    /// Assigned category.
    pub category: Option<Category>,
}

/// Data of the category-share chart.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// One row per feature (any order: the chart sorts them).
    pub rows: Vec<CategoryRow>,
}

/// One feature of the continuous analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuousPoint {
    /// Feature name.
    pub name: String,
    /// Mean functional score F̄ (−2..4).
    pub functional: f64,
    /// Mean dysfunctional score D̄ (−2..4).
    pub dysfunctional: f64,
    /// Mean self-stated importance (1–9), if asked.
    pub importance: Option<f64>,
}

/// Data of the continuous-analysis chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuousChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The features with both means defined.
    pub points: Vec<ContinuousPoint>,
    /// The quadrant split (default 2).
    pub split: f64,
}

// Service quality (SERVQUAL)

/// Expectation and perception of one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScores {
    /// Dimension name in the report language.
    pub name: String,
    /// Mean expectation.
    pub expectation: f64,
    /// Mean perception.
    pub perception: f64,
}

/// Data of the expectation–perception–gap chart.
#[derive(Debug, Clone, PartialEq)]
pub struct GapChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The answer scale, e.g. 1..7.
    pub scale: (f64, f64),
    /// One row per dimension, in the order to show.
    pub rows: Vec<DimensionScores>,
}

/// The zone of tolerance of one dimension.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneRow {
    /// Dimension name in the report language.
    pub name: String,
    /// Adequate service.
    pub adequate: f64,
    /// Desired service.
    pub desired: f64,
    /// Perceived service.
    pub perceived: f64,
}

/// Data of the zone-of-tolerance chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The answer scale.
    pub scale: (f64, f64),
    /// One row per dimension.
    pub rows: Vec<ZoneRow>,
}

/// One item of the importance–performance analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct IpaItem {
    /// Short label, e.g. the item id `R3`.
    pub label: String,
    /// Its dimension.
    pub dimension: Dimension,
    /// Performance (mean perception).
    pub performance: f64,
    /// Importance.
    pub importance: f64,
}

/// Data of the IPA matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct IpaChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The items.
    pub items: Vec<IpaItem>,
    /// The crosshair: (performance, importance).
    pub crosshair: (f64, f64),
    /// What the crosshair is, e.g. "crosshair at the means".
    pub crosshair_note: String,
    /// The answer scale (bounds the axes).
    pub scale: (f64, f64),
}

// Journey map

/// One step of the journey.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyStep {
    /// What the customer does.
    pub name: String,
    /// The emotion score.
    pub emotion: f64,
    /// The kinds of key touchpoint it is.
    pub kinds: Vec<TouchpointKind>,
    /// Its pain points.
    pub pain_points: Vec<String>,
}

/// The key moments of the curve, by step index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct KeyMoments {
    /// The average line.
    pub mean: f64,
    /// Peak steps.
    pub peaks: Vec<usize>,
    /// Valley steps.
    pub valleys: Vec<usize>,
    /// The end step.
    pub end: Option<usize>,
}

/// Data of a journey map.
#[derive(Debug, Clone, PartialEq)]
pub struct JourneyChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The declared emotion scale.
    pub scale: (f64, f64),
    /// The steps in time order.
    pub steps: Vec<JourneyStep>,
    /// Its key moments.
    pub moments: KeyMoments,
}

// MOT proposals

/// One proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalPoint {
    /// Its id, e.g. `p1`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Which move.
    pub kind: Move,
    /// Ease of investment (higher = easier).
    pub ease: f64,
    /// Customer-perceived satisfaction.
    pub perception: f64,
    /// Service professionalism.
    pub professionalism: f64,
    /// A quick win, as the analysis found (ease and perception above the midpoint).
    pub quick_win: bool,
}

/// Data of the proposal matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The scores' scale, e.g. 1..5.
    pub scale: (f64, f64),
    /// The proposals.
    pub points: Vec<ProposalPoint>,
}

// NPS, CSAT, CES

/// Data of an NPS distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct NpsChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// How many answered 0, 1, …, 10.
    pub counts: [u64; 11],
    /// The net promoter score, −100..100.
    pub score: Option<f64>,
    /// Detractors, passives and promoters in % as printed (one decimal each): promoters −
    /// detractors is the printed score, and the three add up to 100.0 (see
    /// [`crate::view::figures::nps_shares`]).
    pub shares: [String; 3],
}

/// One touchpoint's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointScore {
    /// Which touchpoint: group and step.
    pub label: String,
    /// The value drawn.
    pub value: f64,
    /// The value as shown at the bar's end, e.g. "75%".
    pub shown: String,
    /// More, after the value, e.g. "mean 3.9 · n = 25".
    pub detail: String,
}

/// Data of a per-touchpoint bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// Axis title.
    pub axis: String,
    /// The value range of the axis (bars start at its low end).
    pub domain: (f64, f64),
    /// A note under the axis, e.g. "higher = easier".
    pub note: String,
    /// One row per touchpoint.
    pub rows: Vec<TouchpointScore>,
}

// Market damage

/// Data of the market-damage waterfall.
#[derive(Debug, Clone, PartialEq)]
pub struct DamageChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// Customers with a problem (N_p).
    pub with_problem: f64,
    /// Of them, who complained (c · N_p).
    pub complained: f64,
    /// Of those, resolved to satisfaction (c · s · N_p).
    pub resolved: f64,
    /// Customers lost: did not complain, complained and unresolved, resolved.
    pub lost: [f64; 3],
    /// The note under the chart (revenue at risk as an equation that holds for its printed
    /// numbers, word-of-mouth reach), written by the view (`view::figures`).
    pub note: String,
}

// Group competition

/// One rubric criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct PkCriterion {
    /// Its name.
    pub name: String,
    /// Highest score.
    pub max: f64,
}

/// One group's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct PkGroup {
    /// Group name.
    pub name: String,
    /// Score per criterion, in the criteria's order; `None` where not scored.
    pub scores: Vec<Option<f64>>,
    /// Its rank as the analysis gave it (tied groups share it); `None`: its place by total.
    pub rank: Option<usize>,
}

/// Data of the group-competition chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PkChart {
    /// Title.
    pub title: String,
    /// Wording language.
    pub lang: Language,
    /// The rubric.
    pub criteria: Vec<PkCriterion>,
    /// The groups (any order: the chart ranks them).
    pub groups: Vec<PkGroup>,
}
