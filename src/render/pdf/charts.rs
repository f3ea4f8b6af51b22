//! Charts in the PDF: a chart spec drawn by [`crate::chart`] through the
//! [`PdfBackend`] into an area of a page, and [`ReportCharts`], the [`ChartPainter`] that
//! draws a report's charts when the layout reaches their references.
//!
//! Input: [`ChartSpec`]s (view data) and the document's fonts. Output: printpdf
//! operations. No I/O.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use plotters::prelude::DrawingArea;
use printpdf::Op;

use super::chart_backend::{PX_PER_PT, PdfBackend};
use super::{Area, ChartPainter, PaintError, PdfFonts};
use crate::chart::style::{Canvas, DrawError, Flavor};
use crate::view::specs::ChartSpec;

/// The chart as printpdf operations filling `area` of a page; `show_title` draws its title
/// above it (a figure on its own), the report sets a caption instead.
pub fn pdf_ops(
    spec: &ChartSpec,
    area: Area,
    fonts: &PdfFonts<'_>,
    show_title: bool,
) -> Result<Vec<Op>, DrawError> {
    let backend = Rc::new(RefCell::new(PdfBackend::new(area, fonts)));
    {
        let root = DrawingArea::from(&backend);
        let canvas = Canvas::new(fonts.faces, Flavor::Pdf, PX_PER_PT, root.dim_in_pixel());
        crate::chart::draw(spec, &root, &canvas, show_title)?;
    }
    let backend = Rc::try_unwrap(backend)
        .map_err(|_| DrawError::Backend("the drawing area is still in use".into()))?;
    Ok(backend.into_inner().into_ops())
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
    fn paint(&mut self, id: &str, area: Area, fonts: &PdfFonts<'_>) -> Result<Vec<Op>, PaintError> {
        match self.specs.get(id) {
            // the layout sets the caption: no title in the figure
            Some(spec) => pdf_ops(spec, area, fonts, false)
                .map_err(|source| PaintError::Draw { id: id.to_owned(), source }),
            None => Err(PaintError::Unknown(id.to_owned())),
        }
    }
}
