//! Stage 4: charts. plotters figures drawn through [`backend::PdfBackend`], a plotters
//! `DrawingBackend` that emits printpdf operations, so charts are vector graphics whose
//! labels are real, searchable text in the report's own embedded font.
//!
//! - [`emotion::emotion_curve`]: a journey's emotion curve with its peak, valleys, end and
//!   average line (the peak–end view of the journey).

pub mod backend;
pub mod emotion;

use std::collections::BTreeMap;

use printpdf::Op;

use crate::render::pdf::{Area, ChartPainter, PdfFonts};
use crate::report::ChartSpec;
use crate::report::labels::Labels;

/// The charts of one report, drawn on demand when the layout reaches their reference.
#[derive(Debug)]
pub struct ReportCharts<'a> {
    specs: &'a BTreeMap<String, ChartSpec>,
    labels: &'a Labels,
}

impl<'a> ReportCharts<'a> {
    /// Charts `specs`, labelled in the report's language.
    pub fn new(specs: &'a BTreeMap<String, ChartSpec>, labels: &'a Labels) -> Self {
        Self { specs, labels }
    }
}

impl ChartPainter for ReportCharts<'_> {
    fn paint(&mut self, id: &str, area: Area, fonts: &PdfFonts<'_>) -> Result<Vec<Op>, String> {
        match self.specs.get(id) {
            Some(ChartSpec::Emotion(chart)) => {
                emotion::emotion_curve(chart, &self.labels.into(), area, fonts)
                    .map_err(|e| format!("chart `{id}`: {e}"))
            }
            None => Err(format!("the report refers to a chart `{id}` that it does not define")),
        }
    }
}
