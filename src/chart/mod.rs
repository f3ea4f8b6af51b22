//! Stage 4: charts. plotters figures whose text is always set in the embedded faces.
//!
//! Every chart is a function generic over the plotters `DrawingBackend`, drawing a small
//! plain input struct (labels already in the report language, numbers already computed)
//! into a drawing area through a [`style::Canvas`]. The same code therefore draws into
//! [`backend::PdfBackend`] (vector graphics with real, selectable PDF text in the report's
//! own font subset), into plotters' SVG backend (text stays `<text>`) and into its bitmap
//! backend (PNG) — see [`output`].
//!
//! | kind | module | what |
//! |---|---|---|
//! | `kano-better-worse` | [`kano`] | Better–Worse scatter with quadrants and a label per feature |
//! | `kano-categories` | [`kano`] | category shares per feature, 100 % stacked, sorted by category |
//! | `kano-continuous` | [`kano`] | continuous analysis, D̄ against F̄, importance as bubble size |
//! | `servqual-gaps` | [`servqual`] | expectation against perception by dimension, gap bars |
//! | `servqual-zone` | [`servqual`] | zone of tolerance with the perceived service |
//! | `servqual-ipa` | [`servqual`] | importance–performance matrix |
//! | `journey` | [`journey`] | journey map: emotion curve, key moments, touchpoint kinds, pain points |
//! | `emotion` | [`emotion`] | a journey's emotion curve alone: average, peaks, valleys, end |
//! | `proposals` | [`proposals`] | MOT proposals: ease against perception, professionalism as size |
//! | `nps` | [`metrics`] | 0–10 answers coloured detractor / passive / promoter |
//! | `csat`, `ces` | [`metrics`] | CSAT and CES per touchpoint |
//! | `market-damage` | [`market_damage`] | TARP waterfall |
//! | `pk` | [`pk`] | group competition scores |
//!
//! [`crate::view::charts`] builds every chart a workshop has data for, from the analysis'
//! results.

pub mod backend;
pub mod emotion;
pub mod journey;
pub mod kano;
pub mod market_damage;
pub mod metrics;
pub mod output;
pub mod pk;
pub mod place;
pub mod proposals;
pub mod scatter;
pub mod servqual;
pub mod style;
pub mod text;
pub mod words;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use plotters::prelude::DrawingBackend;
use printpdf::Op;

use crate::render::pdf::{Area, ChartPainter, PdfFonts};
use crate::view::ChartSpec;
use style::{Canvas, Drawn};

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

    /// One line about it, and where its data comes from.
    pub fn about(self) -> &'static str {
        match self {
            Kind::KanoBetterWorse => "Kano Better–Worse scatter, a label per feature (kano)",
            Kind::KanoCategories => "Kano category shares per feature, 100 % stacked (kano)",
            Kind::KanoContinuous => {
                "continuous Kano: mean D against mean F, importance as size (kano survey with respondents)"
            }
            Kind::ServqualGaps => "SERVQUAL expectation against perception, gap bars (servqual)",
            Kind::ServqualZone => {
                "zone of tolerance with the perceived service (servqual.zone_of_tolerance)"
            }
            Kind::ServqualIpa => {
                "importance–performance matrix (servqual items with importance, else dimension weights)"
            }
            Kind::Journey => "journey map, one per journey (groups[].journeys)",
            Kind::Emotion => {
                "emotion curve with peaks, valleys and end, one per journey (groups[].journeys)"
            }
            Kind::Proposals => {
                "MOT proposals: ease against perception, one per group (journeys[].proposals)"
            }
            Kind::Nps => {
                "NPS 0–10 distribution, one per NPS measurement with answers (inline or file)"
            }
            Kind::Csat => "CSAT (top-2-box %) per touchpoint (measurement_plans with answers)",
            Kind::Ces => "CES mean per touchpoint (measurement_plans with answers)",
            Kind::MarketDamage => "market damage waterfall (market_damage)",
            Kind::Pk => "group competition scores (pk)",
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

/// Draw `spec` into `area`; `show_title` draws the title above the chart (standalone
/// files), the report sets it as a caption instead.
pub fn draw<DB: DrawingBackend>(
    spec: &ChartSpec,
    area: &style::Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    match spec {
        ChartSpec::Emotion(ch) => emotion::emotion(ch, area, c, show_title),
        ChartSpec::BetterWorse(ch) => kano::better_worse(ch, area, c, show_title),
        ChartSpec::KanoCategories(ch) => kano::categories(ch, area, c, show_title),
        ChartSpec::KanoContinuous(ch) => kano::continuous(ch, area, c, show_title),
        ChartSpec::ServqualGaps(ch) => servqual::gaps(ch, area, c, show_title),
        ChartSpec::ServqualZone(ch) => servqual::zone(ch, area, c, show_title),
        ChartSpec::Ipa(ch) => servqual::ipa(ch, area, c, show_title),
        ChartSpec::Journey(ch) => journey::journey(ch, area, c, show_title),
        ChartSpec::Proposals(ch) => proposals::proposals(ch, area, c, show_title),
        ChartSpec::Nps(ch) => metrics::nps(ch, area, c, show_title),
        ChartSpec::Scores(ch) => metrics::scores(ch, area, c, show_title),
        ChartSpec::MarketDamage(ch) => market_damage::damage(ch, area, c, show_title),
        ChartSpec::Pk(ch) => pk::pk(ch, area, c, show_title),
    }
}

/// The charts of one report, drawn on demand when the layout reaches their reference.
#[derive(Debug)]
pub struct ReportCharts<'a> {
    specs: &'a BTreeMap<String, ChartSpec>,
}

impl<'a> ReportCharts<'a> {
    /// Charts `specs`, each worded in the language it carries.
    pub fn new(specs: &'a BTreeMap<String, ChartSpec>) -> Self {
        Self { specs }
    }
}

impl ChartPainter for ReportCharts<'_> {
    fn paint(&mut self, id: &str, area: Area, fonts: &PdfFonts<'_>) -> Result<Vec<Op>, String> {
        match self.specs.get(id) {
            // the layout sets the caption: no title in the figure
            Some(spec) => {
                output::pdf_ops(spec, area, fonts, false).map_err(|e| format!("chart `{id}`: {e}"))
            }
            None => Err(format!("the report refers to a chart `{id}` that it does not define")),
        }
    }
}
