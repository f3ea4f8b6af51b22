//! The PDF layout: report markup (the Markdown subset the templates write) → pages of
//! printpdf operations → PDF bytes. Text is measured with the embedded faces
//! ([`crate::text`]; [`fonts`] adds them to the document), broken into lines by the one
//! line breaker ([`textflow`]), and set ragged-right; tables wrap their cells and split
//! between rows across pages; charts are drawn by a [`ChartPainter`] into the area the
//! layout reserves for them — for a report, [`ReportCharts`], drawing the charts of
//! [`crate::chart`] through the plotters backend [`chart_backend`].

pub mod chart_backend;
pub mod charts;
mod document;
pub mod fonts;
pub mod layout;
pub mod markup;
#[cfg(test)]
mod tests;
pub mod textflow;

use printpdf::Op;

pub use crate::text::{Face, Faces, FontError};
pub use charts::ReportCharts;
pub use fonts::PdfFonts;
pub use layout::{DocMeta, LayoutOptions, Margins, OptionsError};
pub use markup::{Block, parse};

/// A rectangle on a page in PDF points, origin at the bottom-left corner of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    /// Left edge.
    pub x: f32,
    /// Bottom edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// Draws the chart a markup block refers to by id (`![caption](chart:ID)`).
pub trait ChartPainter {
    /// The operations that draw chart `id` inside `area`, in page coordinates, using the
    /// document's fonts for its text. An unknown id is an error.
    fn paint(&mut self, id: &str, area: Area, fonts: &PdfFonts<'_>) -> Result<Vec<Op>, PaintError>;
}

/// Why a chart could not be painted.
#[derive(Debug, thiserror::Error)]
pub enum PaintError {
    /// The markup refers to a chart the painter does not define.
    #[error("the report refers to a chart `{0}` that it does not define")]
    Unknown(String),
    /// A chart could not be drawn.
    #[error("chart `{id}`: {source}")]
    Draw {
        /// The chart's id.
        id: String,
        /// Why.
        #[source]
        source: crate::chart::style::DrawError,
    },
    /// The one chart of a figure page could not be drawn.
    #[error("{0}")]
    Figure(#[source] crate::chart::style::DrawError),
}

/// A written report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPdf {
    /// The PDF file.
    pub bytes: Vec<u8>,
    /// Number of pages, the cover included.
    pub pages: usize,
    /// Characters the embedded fonts cannot draw (shown as empty boxes), each once, in order
    /// of appearance.
    pub missing_chars: Vec<char>,
    /// Problems that did not stop the report: a chart that could not be drawn, a chart
    /// higher than a page, warnings of the PDF writer.
    pub warnings: Vec<crate::diag::Msg>,
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The embedded fonts could not be used.
    #[error(transparent)]
    Font(#[from] FontError),
    /// The layout options cannot be laid out.
    #[error("invalid layout options: {0}")]
    Options(#[from] OptionsError),
    /// The PDF could not be assembled.
    #[error("the PDF could not be written: {0}")]
    Assemble(#[from] lopdf::Error),
    /// The PDF could not be saved.
    #[error("the PDF could not be written: {0}")]
    Save(#[from] std::io::Error),
    /// The chart of a figure page could not be drawn.
    #[error("the PDF could not be written: {0}")]
    Chart(#[from] PaintError),
}

/// Lay out `blocks` on A4 pages and write the PDF. Level-1 headings start a new page and,
/// with level-2 headings, make the outline; charts are drawn by `charts` into the areas
/// the layout reserves. Identical input gives identical bytes.
pub fn render_pdf(
    blocks: &[Block],
    faces: &Faces,
    opts: &LayoutOptions,
    charts: &mut dyn ChartPainter,
) -> Result<RenderedPdf, PdfError> {
    opts.check()?;
    let laid = layout::lay_out(blocks, faces, opts);
    let mut missing: Vec<char> = Vec::new();
    for item in laid.pages.iter().flat_map(|p| &p.items) {
        if let layout::Item::Text { text, bold, .. } = item {
            let face = if *bold { &faces.bold } else { &faces.regular };
            for c in text.chars() {
                if !face.has(c) && !missing.contains(&c) {
                    missing.push(c);
                }
            }
        }
    }
    let (bytes, chart_warnings) = document::write(&laid, faces, opts, charts)?;
    let mut warnings = laid.warnings.clone();
    warnings.extend(chart_warnings);
    Ok(RenderedPdf { bytes, pages: laid.pages.len(), missing_chars: missing, warnings })
}

/// A one-page PDF of `width` × `height` points holding only chart `id`, drawn by `charts`
/// inside a margin of `margin` points; document information from `opts.meta`. Identical
/// input gives identical bytes. A chart that cannot be drawn is an error.
pub fn render_figure(
    id: &str,
    (width, height, margin): (f32, f32, f32),
    faces: &Faces,
    opts: &LayoutOptions,
    charts: &mut dyn ChartPainter,
) -> Result<RenderedPdf, PdfError> {
    let sane = |v: f32| v.is_finite() && v > 0.0;
    if !(sane(width) && sane(height) && margin >= 0.0 && 2.0 * margin < width.min(height)) {
        return Err(OptionsError::Figure { width, height }.into());
    }
    let (bytes, warnings) =
        document::write_figure(faces, opts, (width, height, margin), id, charts)?;
    Ok(RenderedPdf { bytes, pages: 1, missing_chars: Vec::new(), warnings })
}
