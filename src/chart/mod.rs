//! Stage 4: charts. plotters figures drawn from chart specs, their text always set in the
//! embedded faces.
//!
//! Input: [`crate::view::specs`] — a [`ChartSpec`] per chart, plain data with its labels
//! already in the report language and its figures already computed. Output: drawing on
//! any plotters [`DrawingBackend`], through a [`style::Canvas`] that measures text with
//! [`crate::text`]. Must not: know PDF or any file format (the backends and the files are
//! `render`'s: its PDF backend, plotters' SVG and bitmap backends), compute figures
//! (that is `analysis`, rounded in `view`), read files.
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
//! | `market-damage` | [`market_damage`] | TARP waterfall, the lost customers stacked by cause and magnified |
//! | `pk` | [`pk`] | group competition scores |
//!
//! [`crate::view::charts`] builds every chart a workshop has data for, from the analysis'
//! results.
//!
//! Every text a chart draws goes through [`style::Canvas::text`], which sets it with the
//! CJK–Latin spacing of the tables ([`crate::text::spaced`]; the label fitters of
//! [`crate::text::fit`] measure it spaced too); every figure a label shows goes through
//! [`style::figure`], one number of decimals per quantity as the tables print it, with the
//! typographic minus.

pub mod emotion;
pub mod journey;
pub mod kano;
pub mod market_damage;
pub mod metrics;
pub mod pk;
pub mod place;
pub mod proposals;
pub mod scatter;
pub mod servqual;
pub mod style;

use plotters::prelude::DrawingBackend;

use crate::view::specs::ChartSpec;
use style::{Canvas, Drawn};

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
