//! The PDF layout: report markup (the Markdown subset the templates write) → pages of
//! printpdf operations → PDF bytes. Text is measured with the embedded faces
//! ([`fonts`]), broken into lines at UAX #14 opportunities, and set ragged-right; tables
//! wrap their cells and split between rows across pages; charts are drawn by a
//! [`ChartPainter`] into the area the layout reserves for them.

pub mod fonts;

use printpdf::Op;

pub use fonts::{Face, Faces, FontError, PdfFonts};

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
    fn paint(&mut self, id: &str, area: Area, fonts: &PdfFonts<'_>) -> Result<Vec<Op>, String>;
}
