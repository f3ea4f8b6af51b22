//! A plotters [`DrawingBackend`] that writes printpdf operations: how `render::pdf` draws
//! a chart of [`crate::chart`] into a page.
//!
//! Input: plotters drawing calls in pixels (origin top-left, y down). Output: printpdf
//! [`Op`]s in page points (origin bottom-left, y up) that draw the same figure inside one
//! [`Area`] of a page. The figure is vector graphics, and its text is real PDF text set in
//! the report's embedded faces, so it stays selectable and searchable and shares the
//! document's font subset. No I/O, no rasterising.
//!
//! plotters works in whole pixels; [`PX_PER_PT`] pixels per point keep a quarter-point
//! precision. Pitfalls this module handles (measured in the stack spike):
//!
//! - plotters' font "size" is pixels × 1.24, so one em is `size / 1.24` pixels;
//! - text is anchored on the ideographic em box (0.88 em above and 0.12 em below the
//!   baseline), not on the font's ascent and descent, which CJK fonts inflate;
//! - colours with alpha are composited over white, so no transparency group is needed;
//! - rotated text uses a rotated text matrix, and text with `\n` is set as several lines.

use std::convert::Infallible;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
    FontStyle, FontTransform,
};
use printpdf::{
    Color, Line, LineCapStyle, LineDashPattern, LineJoinStyle, LinePoint, Op, PaintMode, Point,
    Polygon, PolygonRing, Pt, Rect, Rgb, TextMatrix, TextRenderingMode, WindingOrder,
};

use super::{Area, PdfFonts};
use crate::text::Face;

/// Pixels per PDF point in the coordinates plotters draws in.
pub const PX_PER_PT: f32 = 4.0;

/// plotters' font size is this many times the em size.
pub const SIZE_PER_EM: f32 = 1.24;

/// Height of the ideographic em box above the baseline, in em.
pub const ASCENT_EM: f32 = 0.88;

/// Depth of the ideographic em box below the baseline, in em.
pub const DESCENT_EM: f32 = 0.12;

/// Distance between the baselines of the lines of a multi-line text, in em.
pub const LINE_HEIGHT_EM: f32 = 1.25;

/// Pixels for a length in points (rounded).
pub fn px(pt: f32) -> i32 {
    (pt * PX_PER_PT).round() as i32
}

/// The plotters font size (pixels) of text whose em is `pt` points.
pub fn font_size_px(pt: f32) -> f64 {
    f64::from(pt * PX_PER_PT * SIZE_PER_EM)
}

/// Width and height in points of `text` set at `em` points: the widest line, and the em
/// boxes of all lines (one line per `\n`).
pub fn text_extent(face: &Face, text: &str, em: f32) -> (f32, f32) {
    let mut width = 0.0_f32;
    let mut lines = 0_u16;
    for line in text.split('\n') {
        width = width.max(face.width(line, em));
        lines = lines.saturating_add(1);
    }
    (width, em + f32::from(lines.saturating_sub(1)) * LINE_HEIGHT_EM * em)
}

/// Draws into one [`Area`] of a page by collecting printpdf operations.
///
/// The operations are wrapped in a saved graphics state and clipped to the area; take them
/// with [`PdfBackend::into_ops`] when the figure is finished.
pub struct PdfBackend<'a> {
    area: Area,
    fonts: &'a PdfFonts<'a>,
    size: (u32, u32),
    ops: Vec<Op>,
    fill: Option<(u8, u8, u8)>,
    stroke: Option<(u8, u8, u8)>,
    line_width: Option<u32>,
}

impl<'a> PdfBackend<'a> {
    /// A backend drawing into `area` of a page, with text in `fonts`.
    ///
    /// A non-finite or negative area size counts as empty.
    pub fn new(area: Area, fonts: &'a PdfFonts<'a>) -> Self {
        // whole pixels, never beyond the area
        let dim =
            |pt: f32| if pt.is_finite() && pt > 0.0 { (pt * PX_PER_PT).floor() as u32 } else { 0 };
        let size = (dim(area.width), dim(area.height));
        let extent = |pt: f32| if pt.is_finite() { pt.max(0.0) } else { 0.0 };
        let ops = vec![
            Op::SaveGraphicsState,
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(area.x),
                    y: Pt(area.y),
                    width: Pt(extent(area.width)),
                    height: Pt(extent(area.height)),
                    mode: Some(PaintMode::Clip),
                    winding_order: Some(WindingOrder::NonZero),
                },
            },
            Op::SetLineJoinStyle { join: LineJoinStyle::Round },
            Op::SetLineCapStyle { cap: LineCapStyle::Round },
            Op::SetLineDashPattern { dash: LineDashPattern::solid() },
            Op::SetTextRenderingMode { mode: TextRenderingMode::Fill },
        ];
        Self { area, fonts, size, ops, fill: None, stroke: None, line_width: None }
    }

    /// The area drawn into.
    pub fn area(&self) -> Area {
        self.area
    }

    /// The operations drawn so far, closed by restoring the graphics state.
    pub fn into_ops(mut self) -> Vec<Op> {
        self.ops.push(Op::RestoreGraphicsState);
        self.ops
    }

    /// Page point of pixel `(x, y)`.
    pub fn point(&self, (x, y): BackendCoord) -> Point {
        Point {
            x: Pt(self.area.x + x as f32 / PX_PER_PT),
            y: Pt(self.area.y + self.area.height - y as f32 / PX_PER_PT),
        }
    }

    fn line_point(&self, c: BackendCoord, bezier: bool) -> LinePoint {
        LinePoint { p: self.point(c), bezier }
    }

    fn set_fill(&mut self, c: BackendColor) {
        let rgb = over_white(c);
        if self.fill != Some(rgb) {
            self.fill = Some(rgb);
            self.ops.push(Op::SetFillColor { col: pdf_color(rgb) });
        }
    }

    /// Set the stroke colour and width; false when nothing would be drawn.
    fn set_stroke<S: BackendStyle>(&mut self, style: &S) -> bool {
        let (c, w) = (style.color(), style.stroke_width());
        if c.alpha <= 0.0 || w == 0 {
            return false;
        }
        let rgb = over_white(c);
        if self.stroke != Some(rgb) {
            self.stroke = Some(rgb);
            self.ops.push(Op::SetOutlineColor { col: pdf_color(rgb) });
        }
        if self.line_width != Some(w) {
            self.line_width = Some(w);
            self.ops.push(Op::SetOutlineThickness { pt: Pt(w as f32 / PX_PER_PT) });
        }
        true
    }

    /// The points of a circle as four cubic Bézier arcs, starting and ending at the right.
    fn circle_points(&self, (cx, cy): BackendCoord, r: u32) -> Vec<LinePoint> {
        // control-point distance for a quarter circle
        const K: f32 = 0.552_284_8;
        let c = self.point((cx, cy));
        let r = r as f32 / PX_PER_PT;
        let k = r * K;
        let p = |dx: f32, dy: f32, bezier: bool| LinePoint {
            p: Point { x: Pt(c.x.0 + dx), y: Pt(c.y.0 + dy) },
            bezier,
        };
        vec![
            p(r, 0.0, false),
            p(r, k, true),
            p(k, r, true),
            p(0.0, r, false),
            p(-k, r, true),
            p(-r, k, true),
            p(-r, 0.0, false),
            p(-r, -k, true),
            p(-k, -r, true),
            p(0.0, -r, false),
            p(k, -r, true),
            p(r, -k, true),
            p(r, 0.0, false),
        ]
    }
}

/// An opaque colour: `c` composited over white by its alpha.
fn over_white(c: BackendColor) -> (u8, u8, u8) {
    let a = if c.alpha.is_finite() { c.alpha.clamp(0.0, 1.0) } else { 1.0 };
    let mix = |v: u8| (f64::from(v) * a + 255.0 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
    (mix(c.rgb.0), mix(c.rgb.1), mix(c.rgb.2))
}

fn pdf_color((r, g, b): (u8, u8, u8)) -> Color {
    let f = |v: u8| f32::from(v) / 255.0;
    Color::Rgb(Rgb::new(f(r), f(g), f(b), None))
}

/// The unit vectors of a text's baseline direction and its "up" direction on the page.
fn text_axes(t: &FontTransform) -> ((f32, f32), (f32, f32)) {
    // plotters rotates clockwise on screen (y down); on the page (y up) that is
    // clockwise too, so Rotate90 reads top to bottom and Rotate270 bottom to top.
    match t {
        FontTransform::None => ((1.0, 0.0), (0.0, 1.0)),
        FontTransform::Rotate90 => ((0.0, -1.0), (1.0, 0.0)),
        FontTransform::Rotate180 => ((-1.0, 0.0), (0.0, -1.0)),
        FontTransform::Rotate270 => ((0.0, 1.0), (-1.0, 0.0)),
    }
}

impl DrawingBackend for PdfBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if color.alpha <= 0.0 {
            return Ok(());
        }
        self.set_fill(color);
        let p = self.point((point.0, point.1 + 1));
        let side = Pt(1.0 / PX_PER_PT);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: p.x,
                y: p.y,
                width: side,
                height: side,
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let (x0, x1) = (upper_left.0.min(bottom_right.0), upper_left.0.max(bottom_right.0));
        let (y0, y1) = (upper_left.1.min(bottom_right.1), upper_left.1.max(bottom_right.1));
        let mode = if fill {
            if style.color().alpha <= 0.0 {
                return Ok(());
            }
            self.set_fill(style.color());
            PaintMode::Fill
        } else {
            if !self.set_stroke(style) {
                return Ok(());
            }
            PaintMode::Stroke
        };
        let p = self.point((x0, y1));
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: p.x,
                y: p.y,
                width: Pt((x1 - x0) as f32 / PX_PER_PT),
                height: Pt((y1 - y0) as f32 / PX_PER_PT),
                mode: Some(mode),
                winding_order: None,
            },
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let points: Vec<LinePoint> = path.into_iter().map(|c| self.line_point(c, false)).collect();
        if points.len() < 2 || !self.set_stroke(style) {
            return Ok(());
        }
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        if radius == 0 {
            return Ok(());
        }
        let points = self.circle_points(center, radius);
        if fill {
            if style.color().alpha <= 0.0 {
                return Ok(());
            }
            self.set_fill(style.color());
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            });
        } else if self.set_stroke(style) {
            self.ops.push(Op::DrawLine { line: Line { points, is_closed: true } });
        }
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let points: Vec<LinePoint> = vert.into_iter().map(|c| self.line_point(c, false)).collect();
        if points.len() < 3 || style.color().alpha <= 0.0 {
            return Ok(());
        }
        self.set_fill(style.color());
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let color = style.color();
        let em = style.size() as f32 / SIZE_PER_EM / PX_PER_PT;
        if color.alpha <= 0.0 || text.trim().is_empty() || !em.is_finite() || em <= 0.0 {
            return Ok(());
        }
        let (face, font) = self.fonts.pick(matches!(style.style(), FontStyle::Bold));
        let ((ux, uy), (vx, vy)) = text_axes(&style.transform());
        let anchor = self.point(pos);
        let (_, block) = text_extent(face, text, em);
        let anchor_pos = style.anchor();
        // distance from the anchor down to the first baseline, along the text's own "down"
        let first = ASCENT_EM * em
            - match anchor_pos.v_pos {
                VPos::Top => 0.0,
                VPos::Center => block / 2.0,
                VPos::Bottom => block,
            };

        self.set_fill(color);
        self.ops.push(Op::StartTextSection);
        self.ops.push(Op::SetFont { font, size: Pt(em) });
        for (i, line) in text.split('\n').enumerate() {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                continue;
            }
            let w = face.width(line, em);
            let dx = match anchor_pos.h_pos {
                HPos::Left => 0.0,
                HPos::Center => -w / 2.0,
                HPos::Right => -w,
            };
            let down = first + i as f32 * LINE_HEIGHT_EM * em;
            let x = anchor.x.0 + ux * dx - vx * down;
            let y = anchor.y.0 + uy * dx - vy * down;
            self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Raw([ux, uy, vx, vy, x, y]) });
            // glyph ids from the face's own table: printpdf would look each character up
            // in the font's cmap again when saving (slow); each carries its character for
            // the ToUnicode map, so the text stays searchable
            self.ops.push(Op::ShowText { items: vec![PdfFonts::text_item(face, line)] });
        }
        self.ops.push(Op::EndTextSection);
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let em = style.size() as f32 / SIZE_PER_EM / PX_PER_PT;
        if !em.is_finite() || em <= 0.0 {
            return Ok((0, 0));
        }
        let (face, _) = self.fonts.pick(matches!(style.style(), FontStyle::Bold));
        let (w, h) = text_extent(face, text, em);
        // unrotated, as plotters' own estimate
        Ok(((w * PX_PER_PT).ceil() as u32, (h * PX_PER_PT).ceil() as u32))
    }
}

/// Reading back what the operations draw, for tests of the charts.
#[cfg(test)]
pub(crate) mod inspect {
    use printpdf::{Op, PdfFontHandle, TextItem};

    use crate::render::pdf::PdfFonts;

    use super::{ASCENT_EM, DESCENT_EM};

    /// A text the operations show.
    #[derive(Debug, Clone)]
    pub(crate) struct Placed {
        /// The text.
        pub text: String,
        /// Set in the bold face.
        pub bold: bool,
        /// Em size, points.
        pub size: f32,
        /// The text matrix.
        pub matrix: [f32; 6],
        /// Bounding box of its em boxes on the page: (x0, y0, x1, y1).
        pub bbox: (f32, f32, f32, f32),
    }

    impl Placed {
        pub(crate) fn overlaps(&self, o: &Placed) -> bool {
            let (a, b) = (self.bbox, o.bbox);
            a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
        }
    }

    /// Every text shown, in order.
    pub(crate) fn texts(ops: &[Op], fonts: &PdfFonts<'_>) -> Vec<Placed> {
        let (mut bold, mut size, mut m) = (false, 0.0_f32, [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        let mut out = Vec::new();
        for op in ops {
            match op {
                Op::SetFont { font, size: s } => {
                    bold = matches!(font, PdfFontHandle::External(id) if *id == fonts.bold);
                    size = s.0;
                }
                Op::SetTextMatrix { matrix } => m = matrix.as_array(),
                Op::ShowText { items } => {
                    let mut text = String::new();
                    for item in items {
                        match item {
                            TextItem::Text(t) => text.push_str(t),
                            TextItem::GlyphIds(glyphs) => {
                                text.extend(glyphs.iter().filter_map(|g| g.cid.as_deref()));
                            }
                            TextItem::Offset(_) => {}
                        }
                    }
                    let (face, _) = fonts.pick(bold);
                    let w = face.width(&text, size);
                    let corners = [
                        (0.0, -DESCENT_EM * size),
                        (w, -DESCENT_EM * size),
                        (0.0, ASCENT_EM * size),
                        (w, ASCENT_EM * size),
                    ]
                    .map(|(tx, ty)| (m[0] * tx + m[2] * ty + m[4], m[1] * tx + m[3] * ty + m[5]));
                    let xs = corners.map(|c| c.0);
                    let ys = corners.map(|c| c.1);
                    let min = |v: [f32; 4]| v.into_iter().fold(f32::INFINITY, f32::min);
                    let max = |v: [f32; 4]| v.into_iter().fold(f32::NEG_INFINITY, f32::max);
                    out.push(Placed {
                        text,
                        bold,
                        size,
                        matrix: m,
                        bbox: (min(xs), min(ys), max(xs), max(ys)),
                    });
                }
                _ => {}
            }
        }
        out
    }

    /// Every point a path, polygon or rectangle goes through, and the corners of every
    /// text's box.
    pub(crate) fn points(ops: &[Op], fonts: &PdfFonts<'_>) -> Vec<(f32, f32)> {
        let mut out = Vec::new();
        for op in ops {
            match op {
                Op::DrawLine { line } => out.extend(line.points.iter().map(|p| (p.p.x.0, p.p.y.0))),
                Op::DrawPolygon { polygon } => out.extend(
                    polygon.rings.iter().flat_map(|r| r.points.iter().map(|p| (p.p.x.0, p.p.y.0))),
                ),
                Op::DrawRectangle { rectangle: r } => {
                    out.push((r.x.0, r.y.0));
                    out.push((r.x.0 + r.width.0, r.y.0 + r.height.0));
                }
                _ => {}
            }
        }
        for t in texts(ops, fonts) {
            out.push((t.bbox.0, t.bbox.1));
            out.push((t.bbox.2, t.bbox.3));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use plotters::element::{Circle, PathElement, Polygon as PolygonElement, Rectangle};
    use plotters::prelude::DrawingArea;
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    use plotters::style::{BLACK, BLUE, Color as _, FontDesc, FontFamily, RED};
    use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions};

    use super::inspect::{points, texts};
    use super::*;
    use crate::text::CHART_FAMILY;
    use crate::text::Faces;

    const AREA: Area = Area { x: 50.0, y: 100.0, width: 200.0, height: 120.0 };

    fn faces() -> Faces {
        Faces::embedded().unwrap()
    }

    /// Draw with plotters into a backend on a fresh document; the ops and the fonts.
    fn with_backend<T>(
        draw: impl FnOnce(&DrawingArea<PdfBackend<'_>, plotters::coord::Shift>),
        check: impl FnOnce(Vec<Op>, &PdfFonts<'_>) -> T,
    ) -> T {
        let faces = faces();
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
        let backend = Rc::new(RefCell::new(PdfBackend::new(AREA, &fonts)));
        {
            let root = DrawingArea::from(&backend);
            draw(&root);
        }
        let ops = Rc::try_unwrap(backend).ok().unwrap().into_inner().into_ops();
        check(ops, &fonts)
    }

    fn style(pt: f32) -> plotters::style::TextStyle<'static> {
        FontDesc::new(FontFamily::Name(CHART_FAMILY), font_size_px(pt), FontStyle::Normal)
            .color(&BLACK)
    }

    fn line(c: plotters::style::RGBColor, w: u32) -> plotters::style::ShapeStyle {
        plotters::style::Color::stroke_width(&c, w)
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() < 0.01
    }

    #[test]
    fn maps_pixels_to_page_points() {
        let faces = faces();
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
        let b = PdfBackend::new(AREA, &fonts);
        assert_eq!(b.get_size(), (800, 480));
        let tl = b.point((0, 0));
        assert!(close(tl.x.0, 50.0) && close(tl.y.0, 220.0));
        let br = b.point((800, 480));
        assert!(close(br.x.0, 250.0) && close(br.y.0, 100.0));
        let mid = b.point((2, 6));
        assert!(close(mid.x.0, 50.5) && close(mid.y.0, 218.5));
    }

    #[test]
    fn wraps_the_figure_in_a_saved_state_clipped_to_the_area() {
        with_backend(
            |root| {
                root.draw(&PathElement::new(vec![(0, 0), (10, 10)], BLACK)).unwrap();
            },
            |ops, _| {
                assert!(matches!(ops.first(), Some(Op::SaveGraphicsState)));
                assert!(matches!(ops.last(), Some(Op::RestoreGraphicsState)));
                let clip = ops.iter().find_map(|op| match op {
                    Op::DrawRectangle { rectangle } if rectangle.mode == Some(PaintMode::Clip) => {
                        Some(rectangle.clone())
                    }
                    _ => None,
                });
                let clip = clip.unwrap();
                assert_eq!(
                    (clip.x.0, clip.y.0, clip.width.0, clip.height.0),
                    (50.0, 100.0, 200.0, 120.0)
                );
            },
        );
    }

    #[test]
    fn draws_plotters_shapes_as_vector_operations() {
        with_backend(
            |root| {
                root.draw(&PathElement::new(vec![(0, 0), (40, 40), (80, 0)], line(BLUE, 4)))
                    .unwrap();
                root.draw(&Rectangle::new([(100, 100), (200, 140)], RED.filled())).unwrap();
                root.draw(&Rectangle::new([(100, 200), (200, 240)], line(BLACK, 2))).unwrap();
                root.draw(&Circle::new((400, 240), 20, BLUE.filled())).unwrap();
                root.draw(&Circle::new((400, 240), 30, BLACK)).unwrap();
                root.draw(&PolygonElement::new(vec![(500, 100), (600, 100), (550, 50)], RED))
                    .unwrap();
                root.draw_pixel((700, 400), &BLACK).unwrap();
            },
            |ops, fonts| {
                let lines: Vec<_> = ops
                    .iter()
                    .filter_map(|op| match op {
                        Op::DrawLine { line } => Some(line),
                        _ => None,
                    })
                    .collect();
                // the path, and the stroked circle as a closed line of Bézier arcs
                assert_eq!(lines.len(), 2);
                assert_eq!(lines[0].points.len(), 3);
                assert!(lines[1].is_closed && lines[1].points.iter().any(|p| p.bezier));
                // 4 px wide = 1 pt; 1 px = 0.25 pt
                assert!(
                    ops.iter()
                        .any(|op| matches!(op, Op::SetOutlineThickness { pt } if pt.0 == 1.0))
                );
                assert!(
                    ops.iter()
                        .any(|op| matches!(op, Op::SetOutlineThickness { pt } if pt.0 == 0.25))
                );
                let rects: Vec<_> = ops
                    .iter()
                    .filter_map(|op| match op {
                        Op::DrawRectangle { rectangle } => Some(rectangle.mode),
                        _ => None,
                    })
                    .collect();
                assert_eq!(
                    rects,
                    vec![
                        Some(PaintMode::Clip),
                        Some(PaintMode::Fill),
                        Some(PaintMode::Stroke),
                        Some(PaintMode::Fill)
                    ]
                );
                // filled circle and triangle
                assert_eq!(ops.iter().filter(|op| matches!(op, Op::DrawPolygon { .. })).count(), 2);
                // the filled rectangle: pixels (100,100)-(200,140) → 25 × 10 pt, top at 220 − 25
                let filled = ops.iter().find_map(|op| match op {
                    Op::DrawRectangle { rectangle } if rectangle.mode == Some(PaintMode::Fill) => {
                        Some(rectangle.clone())
                    }
                    _ => None,
                });
                let filled = filled.unwrap();
                assert_eq!(
                    (filled.x.0, filled.y.0, filled.width.0, filled.height.0),
                    (75.0, 185.0, 25.0, 10.0)
                );
                for (x, y) in points(&ops, fonts) {
                    assert!((50.0..=250.0).contains(&x) && (100.0..=220.0).contains(&y), "{x},{y}");
                }
            },
        );
    }

    #[test]
    fn colours_with_alpha_are_composited_over_white() {
        with_backend(
            |root| {
                root.draw(&Rectangle::new([(0, 0), (10, 10)], BLACK.mix(0.5).filled())).unwrap();
            },
            |ops, _| {
                let fill = ops.iter().find_map(|op| match op {
                    Op::SetFillColor { col: Color::Rgb(c) } => Some((c.r, c.g, c.b)),
                    _ => None,
                });
                let (r, g, b) = fill.unwrap();
                assert!((r - 0.5).abs() < 0.01 && r == g && g == b);
            },
        );
    }

    #[test]
    fn text_is_set_in_the_document_faces_and_anchored_on_the_em_box() {
        with_backend(
            |root| {
                let centred = style(10.0).pos(Pos::new(HPos::Center, VPos::Center));
                root.draw_text("服务", &centred, (400, 200)).unwrap();
                let bold = FontDesc::new(
                    FontFamily::Name(CHART_FAMILY),
                    font_size_px(10.0),
                    FontStyle::Bold,
                )
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Top));
                root.draw_text("波峰", &bold, (400, 40)).unwrap();
                let two = style(10.0).pos(Pos::new(HPos::Left, VPos::Bottom));
                root.draw_text("第一行\n二", &two, (0, 480)).unwrap();
            },
            |ops, fonts| {
                let t = texts(&ops, fonts);
                assert_eq!(t.len(), 4);
                // centred on pixel (400, 200) = page (150, 170): 20 pt wide, baseline
                // (0.88 − 0.5) em below the centre
                assert_eq!(t[0].text, "服务");
                assert!(!t[0].bold && close(t[0].size, 10.0));
                assert!(close(t[0].matrix[4], 140.0) && close(t[0].matrix[5], 170.0 - 3.8));
                // right/top at (400, 40) = page (150, 210): ends at x 150, baseline 8.8 below
                assert!(t[1].bold);
                assert!(close(t[1].matrix[4], 130.0) && close(t[1].matrix[5], 210.0 - 8.8));
                // two lines, bottom-left at the bottom-left corner of the area
                assert_eq!((t[2].text.as_str(), t[3].text.as_str()), ("第一行", "二"));
                assert!(
                    close(t[3].matrix[5], 100.0 + 1.2) && close(t[2].matrix[5], 100.0 + 1.2 + 12.5)
                );
                assert!(close(t[2].matrix[4], 50.0));
                // every text op sits inside BT … ET with its font set first
                let mut open = false;
                for op in &ops {
                    match op {
                        Op::StartTextSection => open = true,
                        Op::EndTextSection => open = false,
                        Op::ShowText { .. } | Op::SetFont { .. } | Op::SetTextMatrix { .. } => {
                            assert!(open)
                        }
                        _ => {}
                    }
                }
            },
        );
    }

    #[test]
    fn rotated_text_uses_a_rotated_text_matrix() {
        with_backend(
            |root| {
                let up = style(10.0)
                    .transform(FontTransform::Rotate270)
                    .pos(Pos::new(HPos::Center, VPos::Top));
                root.draw_text("情绪", &up, (0, 240)).unwrap();
                let down = style(10.0).transform(FontTransform::Rotate90);
                root.draw_text("情绪", &down, (400, 240)).unwrap();
            },
            |ops, fonts| {
                let t = texts(&ops, fonts);
                let m = t[0].matrix;
                assert_eq!(m[..4], [0.0, 1.0, -1.0, 0.0]);
                // reads bottom to top, centred on y 160; glyph tops at the left edge
                assert!(close(m[4], 50.0 + 8.8) && close(m[5], 160.0 - 10.0));
                assert!(close(t[0].bbox.0, 50.0) && close(t[0].bbox.3, 170.0));
                assert_eq!(t[1].matrix[..4], [0.0, -1.0, 1.0, 0.0]);
            },
        );
    }

    #[test]
    fn estimates_text_size_with_the_face_widths() {
        with_backend(
            |root| {
                let (w, h) = root.estimate_text_size("服务", &style(10.0)).unwrap();
                assert_eq!((w, h), (80, 40));
                let (w2, h2) = root.estimate_text_size("服务\n服务服务", &style(10.0)).unwrap();
                assert_eq!((w2, h2), (160, 90));
            },
            |_, _| (),
        );
    }

    #[test]
    fn chart_text_is_searchable_in_the_saved_pdf() {
        let faces = faces();
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
        let backend = Rc::new(RefCell::new(PdfBackend::new(AREA, &fonts)));
        {
            let root = DrawingArea::from(&backend);
            root.draw_text("情绪曲线 Emotion", &style(10.0), (10, 10)).unwrap();
            let bold =
                FontDesc::new(FontFamily::Name(CHART_FAMILY), font_size_px(9.0), FontStyle::Bold)
                    .color(&BLACK);
            root.draw_text("末触点", &bold, (10, 100)).unwrap();
        }
        let ops = Rc::try_unwrap(backend).ok().unwrap().into_inner().into_ops();
        doc.with_pages(vec![PdfPage::new(Mm(210.0), Mm(297.0), ops)]);
        let mut warnings = Vec::new();
        let bytes = doc.save(&PdfSaveOptions::default(), &mut warnings);
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let text = pdf.extract_text(&[1]).unwrap();
        assert!(text.contains("情绪曲线"), "{text:?}");
        assert!(text.contains("Emotion"), "{text:?}");
        assert!(text.contains("末触点"), "{text:?}");
    }
}
