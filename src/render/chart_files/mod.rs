//! One chart into one file, as `kano chart` writes it: a one-page PDF, an SVG document or
//! a PNG image. Each picks its backend, builds the [`Canvas`] for it and calls
//! [`chart::draw`]. Identical input gives identical bytes.
//!
//! Input: a [`ChartSpec`] (view data) and the embedded faces. Output: file bytes; writing
//! them is the command's.
//!
//! - PDF: the chart drawn by [`pdf::charts::pdf_ops`] (the report's own
//!   [`PdfBackend`](pdf::chart_backend::PdfBackend), 4 px per point) on a page of its
//!   own; text is real PDF text in the embedded faces.
//! - SVG: plotters' SVG backend at 4 px per point, sized in millimetres; text stays
//!   `<text>`, in the font family "Noto Sans SC" (then the other names of the same design,
//!   then `sans-serif`), so that it is searchable and viewers with the font show it as
//!   drawn here.
//! - PNG: plotters' bitmap backend at [`PNG_DPI`], text rasterised from the embedded faces
//!   by `ab_glyph`, encoded with the `png` crate.

#[cfg(test)]
mod tests;

use plotters::prelude::{BitMapBackend, DrawingBackend, IntoDrawingArea, SVGBackend};
use printpdf::Op;

use crate::chart::style::{Canvas, DrawError, Flavor, palette};
use crate::chart::{self, journey};
use crate::render::pdf::chart_backend::PX_PER_PT;
use crate::render::pdf::layout::MM;
use crate::render::pdf::{
    self, Area, ChartPainter, DocMeta, LayoutOptions, PaintError, PdfError, PdfFonts,
};
use crate::text::{CHART_FAMILY, Faces};
use crate::view::specs::ChartSpec;

/// Why a chart file could not be made. The messages are those of the drawing step that
/// failed.
#[derive(Debug, thiserror::Error)]
pub enum ChartFileError {
    /// The chart could not be drawn.
    #[error(transparent)]
    Draw(#[from] DrawError),
    /// The one-page PDF could not be written.
    #[error("drawing failed: {0}")]
    Pdf(#[source] PdfError),
    /// The PNG could not be encoded.
    #[error("drawing failed: {0}")]
    Png(#[source] png::EncodingError),
}

/// Output formats of `kano chart`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Scalable vector graphics, text as `<text>`.
    Svg,
    /// A PNG image at 200 dpi.
    Png,
    /// A one-page PDF, vector, with selectable text in the embedded font.
    Pdf,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }

    /// The format of a file name's extension.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(Format::Svg),
            "png" => Some(Format::Png),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }
}

/// PNG resolution, dots per inch.
pub const PNG_DPI: f32 = 200.0;

/// Width of a standalone chart: the text width of an A4 page, points.
pub const WIDTH: f32 = 170.0 * MM;

/// Margin around the chart on a standalone PDF page, points.
pub const PDF_MARGIN: f32 = 5.0 * MM;

/// The font families an SVG names: the embedded design under its own names, then a
/// generic fallback.
pub const SVG_FONT_FAMILY: &str =
    "'Noto Sans SC','Noto Sans CJK SC','Source Han Sans SC',sans-serif";

/// The size a chart is drawn at on its own: 170 mm wide, as high as its content needs
/// (within 60–200 mm).
pub fn size(spec: &ChartSpec, faces: &Faces) -> (f32, f32) {
    let rows = |n: usize, base: f32, each: f32, min: f32, max: f32| {
        ((base + each * n as f32) * MM).clamp(min * MM, max * MM)
    };
    let h = match spec {
        ChartSpec::Emotion(_) => 85.0 * MM,
        ChartSpec::BetterWorse(_) | ChartSpec::KanoContinuous(_) | ChartSpec::Ipa(_) => 115.0 * MM,
        ChartSpec::KanoCategories(c) => rows(c.rows.len(), 34.0, 5.6, 70.0, 200.0),
        ChartSpec::ServqualGaps(c) => rows(c.rows.len(), 32.0, 15.0, 70.0, 160.0),
        ChartSpec::ServqualZone(c) => rows(c.rows.len(), 32.0, 14.0, 70.0, 160.0),
        ChartSpec::Journey(c) => {
            let canvas = Canvas::new(faces, Flavor::Pdf, PX_PER_PT, (400, 400));
            journey::preferred_height(c, &canvas, WIDTH)
        }
        ChartSpec::Proposals(_) => 110.0 * MM,
        ChartSpec::Nps(_) => 90.0 * MM,
        ChartSpec::Scores(c) => rows(c.rows.len(), 30.0, 9.0, 60.0, 200.0),
        ChartSpec::MarketDamage(_) => 105.0 * MM,
        ChartSpec::Pk(c) => rows(c.groups.len(), 34.0, 10.0, 60.0, 200.0),
    };
    (WIDTH, h)
}

fn pixels((w, h): (f32, f32), scale: f32) -> (u32, u32) {
    let px = |v: f32| (v * scale).round().clamp(1.0, 20_000.0) as u32;
    (px(w), px(h))
}

/// Draws one chart into the one area of a figure page.
struct Figure<'s> {
    spec: &'s ChartSpec,
}

impl ChartPainter for Figure<'_> {
    fn paint(
        &mut self,
        _id: &str,
        area: Area,
        fonts: &PdfFonts<'_>,
    ) -> Result<Vec<Op>, PaintError> {
        pdf::charts::pdf_ops(self.spec, area, fonts, true).map_err(PaintError::Figure)
    }
}

/// The chart on a one-page PDF of its own size plus a margin; `meta` fills the document
/// information.
pub fn pdf(spec: &ChartSpec, faces: &Faces, meta: DocMeta) -> Result<Vec<u8>, ChartFileError> {
    let (w, h) = size(spec, faces);
    let opts = LayoutOptions { meta, ..LayoutOptions::default() };
    let page = (w + 2.0 * PDF_MARGIN, h + 2.0 * PDF_MARGIN, PDF_MARGIN);
    let rendered = pdf::render_figure("chart", page, faces, &opts, &mut Figure { spec })
        .map_err(ChartFileError::Pdf)?;
    Ok(rendered.bytes)
}

/// Fill the area white, draw, present.
fn draw_on<DB: DrawingBackend>(
    spec: &ChartSpec,
    root: &chart::style::Area<DB>,
    canvas: &Canvas<'_>,
) -> Result<(), DrawError> {
    root.fill(&palette::WHITE).map_err(|e| DrawError::Backend(e.to_string()))?;
    chart::draw(spec, root, canvas, true)?;
    root.present().map_err(|e| DrawError::Backend(e.to_string()))
}

/// The chart as an SVG document.
pub fn svg(spec: &ChartSpec, faces: &Faces) -> Result<String, ChartFileError> {
    let size = size(spec, faces);
    let px = pixels(size, PX_PER_PT);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, px).into_drawing_area();
        let canvas = Canvas::new(faces, Flavor::Svg, PX_PER_PT, px);
        draw_on(spec, &root, &canvas)?;
    }
    // millimetres, so that the drawing prints at its size; the font by its real names
    let mm = |v: f32| format!("{}mm", (v / MM * 10.0).round() / 10.0);
    let from = format!("<svg width=\"{}\" height=\"{}\"", px.0, px.1);
    let to = format!("<svg width=\"{}\" height=\"{}\"", mm(size.0), mm(size.1));
    let out = out.replacen(&from, &to, 1);
    Ok(out.replace(
        &format!("font-family=\"{CHART_FAMILY}\""),
        &format!("font-family=\"{SVG_FONT_FAMILY}\""),
    ))
}

/// The chart as a PNG image at [`PNG_DPI`].
pub fn png(spec: &ChartSpec, faces: &Faces) -> Result<Vec<u8>, ChartFileError> {
    let size = size(spec, faces);
    let scale = PNG_DPI / 72.0;
    let (w, h) = pixels(size, scale);
    let mut buf = vec![0xff_u8; w as usize * h as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        let canvas = Canvas::new(faces, Flavor::Bitmap, scale, (w, h));
        draw_on(spec, &root, &canvas)?;
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, w, h);
        enc.set_color(png::ColorType::Rgb);
        enc.set_depth(png::BitDepth::Eight);
        let per_metre = (PNG_DPI / 0.0254).round() as u32;
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: per_metre,
            yppu: per_metre,
            unit: png::Unit::Meter,
        }));
        let mut writer = enc.write_header().map_err(ChartFileError::Png)?;
        writer.write_image_data(&buf).map_err(ChartFileError::Png)?;
        writer.finish().map_err(ChartFileError::Png)?;
    }
    Ok(out)
}

/// The chart in `format`.
pub fn render(
    spec: &ChartSpec,
    format: Format,
    faces: &Faces,
    meta: DocMeta,
) -> Result<Vec<u8>, ChartFileError> {
    match format {
        Format::Svg => svg(spec, faces).map(String::into_bytes),
        Format::Png => png(spec, faces),
        Format::Pdf => pdf(spec, faces, meta),
    }
}
