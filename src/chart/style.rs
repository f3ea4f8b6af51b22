//! What every chart shares: the colour-blind-safe palette, the [`Canvas`] that turns the
//! points a chart is laid out in into the pixels of a plotters backend, and drawing helpers
//! (text in the embedded faces, lines, dashes, markers, axes, legends, titles).
//!
//! Charts are laid out in **points, origin at the top-left of the drawing area, y down**.
//! The canvas scales them to backend pixels: 4 px/pt in the PDF backend (quarter-point
//! precision), the same in SVG, and the print resolution in PNG. Text is measured with the
//! embedded faces, never with the backend, so a chart is laid out identically in PDF, SVG
//! and PNG; text is always drawn with the [`CHART_FAMILY`] fonts registered with plotters'
//! `ab_glyph` (no system-font lookup).

use ab_glyph::{Font as _, FontRef, PxScale, ScaleFont as _};
use plotters::coord::Shift;
use plotters::element::{Circle, PathElement, Polygon, Rectangle};
use plotters::prelude::{DrawingArea, DrawingBackend};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color as _, FontDesc, FontFamily, FontStyle, FontTransform, RGBColor};

use crate::format::Num;
use crate::text::{CHART_FAMILY, Face, Faces, spaced};

/// The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every common colour-vision
/// deficiency, plus greys. Yellow is for fills only: it is too light for lines and text.
pub mod palette {
    use plotters::style::RGBColor;

    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(0xe6, 0x9f, 0x00);
    /// Sky blue.
    pub const SKY: RGBColor = RGBColor(0x56, 0xb4, 0xe9);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0x00, 0x9e, 0x73);
    /// Yellow (fills only).
    pub const YELLOW: RGBColor = RGBColor(0xf0, 0xe4, 0x42);
    /// Blue.
    pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xb2);
    /// Vermillion.
    pub const VERMILLION: RGBColor = RGBColor(0xd5, 0x5e, 0x00);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(0xcc, 0x79, 0xa7);
    /// Neutral grey (indifferent, passive, "other").
    pub const GREY: RGBColor = RGBColor(0x9a, 0x9a, 0x9a);
    /// Darker shades of the palette for text and thin lines on white.
    pub const GREEN_INK: RGBColor = RGBColor(0x00, 0x7a, 0x5a);
    /// Darker vermillion for text.
    pub const VERMILLION_INK: RGBColor = RGBColor(0xb3, 0x4a, 0x00);
    /// Darker blue for text.
    pub const BLUE_INK: RGBColor = RGBColor(0x00, 0x5a, 0x8c);
    /// Darker orange for text.
    pub const ORANGE_INK: RGBColor = RGBColor(0x9c, 0x6a, 0x00);
    /// Body text.
    pub const TEXT: RGBColor = RGBColor(0x26, 0x2a, 0x2e);
    /// Secondary text: ticks, notes, axis titles.
    pub const MUTED: RGBColor = RGBColor(0x5f, 0x63, 0x68);
    /// Axis lines.
    pub const AXIS: RGBColor = RGBColor(0x9a, 0xa0, 0xa6);
    /// Grid lines.
    pub const GRID: RGBColor = RGBColor(0xe3, 0xe6, 0xea);
    /// Quadrant and reference lines.
    pub const REFERENCE: RGBColor = RGBColor(0x6b, 0x72, 0x7a);
    /// Leader lines from a label to its point.
    pub const LEADER: RGBColor = RGBColor(0x8a, 0x90, 0x96);
    /// Light band or quadrant shading.
    pub const SHADE: RGBColor = RGBColor(0xf2, 0xf4, 0xf6);
    /// White.
    pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
}

/// How a chart labels each kind of quantity: fixed decimals per quantity, the same as the
/// report's tables print it, and always the typographic minus (`−`). Axis ticks are not
/// labels of a quantity: they stay short ([`Canvas::num`]).
pub mod figure {
    use crate::format::Num;
    use crate::view::figures::{COUNT, MEAN, NPS, SHARE};

    /// A mean or a score difference (SERVQUAL scores and gaps, CES and CSAT means, the
    /// journey's average line, IPA coordinates): 2 decimals, `3.60`, `−0.50`.
    pub fn mean(v: f64) -> String {
        MEAN.or_dash(Some(v))
    }

    /// A percentage, already × 100: 1 decimal and the sign, `76.0%`.
    pub fn pct(v: f64) -> String {
        SHARE.or_dash(Some(v))
    }

    /// A percentage number without the sign (inside a bar of shares): `52.9`.
    pub fn share(v: f64) -> String {
        SHARE.suffix("").or_dash(Some(v))
    }

    /// A number of people or money: whole, thousands grouped, `12,600`, `−287`.
    pub fn count(v: f64) -> String {
        COUNT.or_dash(Some(v))
    }

    /// A score as the workshop typed it (a step's emotion, a proposal's or a rubric's
    /// score): whole numbers bare, others with 2 decimals, `−3`, `4.50`.
    pub fn typed(v: f64) -> String {
        Num::fixed(2).bare_whole().typographic().or_dash(Some(v))
    }

    /// An NPS, −100..100: 1 decimal with its sign, `+47.4`, as the report's tables print it.
    pub fn nps(v: f64) -> String {
        NPS.or_dash(Some(v))
    }
}

/// Font sizes, points (never below 7 pt, so every chart reads at A4 width).
pub mod size {
    /// Chart title.
    pub const TITLE: f32 = 10.0;
    /// Axis titles.
    pub const AXIS_TITLE: f32 = 8.0;
    /// Tick labels.
    pub const TICK: f32 = 7.5;
    /// Point and bar labels.
    pub const LABEL: f32 = 7.5;
    /// Legends.
    pub const LEGEND: f32 = 7.5;
    /// Notes and small print.
    pub const NOTE: f32 = 7.0;
    /// Quadrant names.
    pub const QUADRANT: f32 = 8.0;
}

/// Distance between the baselines of a multi-line label, in em.
pub const LINE_HEIGHT_EM: f32 = 1.25;
/// Height of the ideographic em box above the baseline, in em.
pub const ASCENT_EM: f32 = 0.88;

/// A chart that cannot be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DrawError {
    /// The chart has nothing to show.
    #[error("{0}")]
    NoData(String),
    /// The area is too small for the chart.
    #[error("the chart area ({width:.0} × {height:.0} pt) is too small for this chart")]
    TooSmall {
        /// Width, points.
        width: f32,
        /// Height, points.
        height: f32,
    },
    /// plotters or the backend failed.
    #[error("drawing failed: {0}")]
    Backend(String),
}

/// The result of a drawing step.
pub type Drawn = Result<(), DrawError>;

/// A plotters drawing area in backend pixels.
pub type Area<DB> = DrawingArea<DB, Shift>;

fn backend_error<E: std::fmt::Display>(e: E) -> DrawError {
    DrawError::Backend(e.to_string())
}

/// How text of a backend lands, relative to the em box the layout assumes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Flavor {
    /// Our PDF backend: plotters' size convention (1.24 × em), anchored on the em box.
    Pdf,
    /// plotters' SVG backend: size 1.24 × em; a top-anchored baseline sits 0.76 em down.
    Svg,
    /// plotters' bitmap backend: glyphs are rasterised here with `ab_glyph` (plotters'
    /// own bitmap text drops each glyph's side bearing, which spaces letters unevenly).
    Bitmap,
}

/// Scales a layout in points to a backend's pixels and draws text in the embedded faces.
#[derive(Debug, Clone)]
pub struct Canvas<'a> {
    /// The faces text is measured with (and drawn in, registered under [`CHART_FAMILY`]).
    pub faces: &'a Faces,
    /// Backend pixels per point.
    pub scale: f32,
    /// Width and height of the drawing area, points.
    pub size: (f32, f32),
    /// plotters font size per em of text.
    size_per_em: f32,
    /// How far below a top anchor the backend sets the baseline, in em.
    baseline_em: f32,
    /// For bitmaps: the regular and bold fonts and their line height in em.
    raster: Option<Raster>,
}

/// What rasterising text needs.
#[derive(Debug, Clone)]
struct Raster {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
    /// ascent − descent, in em: ab_glyph scales fonts by this height.
    height_em: f32,
}

impl<'a> Canvas<'a> {
    /// A canvas for a backend of `flavor` whose area is `pixels` large at `scale` px/pt.
    pub fn new(faces: &'a Faces, flavor: Flavor, scale: f32, pixels: (u32, u32)) -> Self {
        let (size_per_em, baseline_em) = match flavor {
            Flavor::Pdf | Flavor::Bitmap => (1.24, ASCENT_EM),
            Flavor::Svg => (1.24, 0.76),
        };
        let raster = match flavor {
            Flavor::Bitmap => {
                let regular = FontRef::try_from_slice(faces.regular.bytes()).ok();
                let bold = FontRef::try_from_slice(faces.bold.bytes()).ok();
                regular.zip(bold).map(|(regular, bold)| {
                    let upem = regular.units_per_em().unwrap_or(1000.0);
                    let height_em = (regular.ascent_unscaled() - regular.descent_unscaled()) / upem;
                    Raster { regular, bold, height_em }
                })
            }
            _ => None,
        };
        Self {
            faces,
            scale,
            size: (pixels.0 as f32 / scale, pixels.1 as f32 / scale),
            size_per_em,
            baseline_em,
            raster,
        }
    }

    /// Rasterise one line of text with its baseline starting at `origin` (points),
    /// reading left to right, or bottom to top when `up`.
    fn raster<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        line: &str,
        origin: (f32, f32),
        t: &Text,
        up: bool,
    ) -> Drawn {
        let Some(r) = &self.raster else { return Ok(()) };
        let font = if t.bold { &r.bold } else { &r.regular };
        let scale = PxScale::from(t.size * self.scale * r.height_em);
        let scaled = font.as_scaled(scale);
        let (ox, oy) = (origin.0 * self.scale, origin.1 * self.scale);
        let mut pixels: Vec<((i32, i32), f32)> = Vec::new();
        let mut pen = 0.0_f32;
        for ch in line.chars() {
            let id = font.glyph_id(ch);
            let glyph = id.with_scale_and_position(scale, ab_glyph::point(pen, 0.0));
            if let Some(outline) = font.outline_glyph(glyph) {
                let b = outline.px_bounds();
                outline.draw(|gx, gy, cov| {
                    if cov > 0.0 {
                        let (u, v) = (b.min.x + gx as f32, b.min.y + gy as f32);
                        let (x, y) = if up { (ox + v, oy - u) } else { (ox + u, oy + v) };
                        pixels.push(((x.floor() as i32, y.floor() as i32), cov.min(1.0)));
                    }
                });
            }
            pen += scaled.h_advance(id);
        }
        for (p, cov) in pixels {
            area.draw_pixel(p, &t.color.mix(f64::from(cov))).map_err(backend_error)?;
        }
        Ok(())
    }

    /// Pixels for a length in points.
    pub fn px(&self, pt: f32) -> i32 {
        let v = (pt * self.scale).round();
        if v.is_finite() { v.clamp(-1.0e7, 1.0e7) as i32 } else { 0 }
    }

    /// Pixel coordinates of a point.
    pub fn at(&self, (x, y): (f32, f32)) -> (i32, i32) {
        (self.px(x), self.px(y))
    }

    /// The face for regular or bold text.
    pub fn face(&self, bold: bool) -> &'a Face {
        if bold { &self.faces.bold } else { &self.faces.regular }
    }

    /// Width in points of one line of `s` at `size` points, as [`Canvas::text`] sets it
    /// (with the CJK–Latin spacing).
    pub fn width(&self, s: &str, size: f32, bold: bool) -> f32 {
        self.face(bold).width(&spaced(s), size)
    }

    /// Width and height in points of a block of lines at `size`.
    pub fn block(&self, lines: &[String], size: f32, bold: bool) -> (f32, f32) {
        let w = lines.iter().map(|l| self.width(l, size, bold)).fold(0.0, f32::max);
        (w, block_height(lines.len(), size))
    }

    /// A tick value: at most `decimals` decimals, the typographic minus. Labels of a
    /// quantity take the fixed decimals of [`figure`] instead.
    pub fn num(&self, v: f64, decimals: usize) -> String {
        Num::upto(decimals).typographic().or_dash(Some(v))
    }

    fn font(&self, size: f32, bold: bool) -> FontDesc<'static> {
        let style = if bold { FontStyle::Bold } else { FontStyle::Normal };
        FontDesc::new(
            FontFamily::Name(CHART_FAMILY),
            f64::from(size * self.scale * self.size_per_em),
            style,
        )
    }

    /// Draw one or more lines of text (`\n` separates them); `at` is the anchor point, and
    /// the anchor says which point of the em-box block it is. Every text is set with the
    /// CJK–Latin spacing of the tables ([`spaced`]).
    pub fn text<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        s: &str,
        at: (f32, f32),
        t: &Text,
    ) -> Drawn {
        let s = spaced(s);
        let lines: Vec<&str> = s.split('\n').collect();
        let block = block_height(lines.len(), t.size);
        let top = match t.v {
            VPos::Top => at.1,
            VPos::Center => at.1 - block / 2.0,
            VPos::Bottom => at.1 - block,
        };
        // every line is drawn top-anchored and shifted so that its baseline lands where the
        // em box puts it, whatever the backend does with a top anchor
        let shift = (ASCENT_EM - self.baseline_em) * t.size;
        let style = self.font(t.size, t.bold).color(&t.color).pos(Pos::new(t.h, VPos::Top));
        for (i, line) in lines.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            if self.raster.is_some() {
                let w = self.width(line, t.size, t.bold);
                let x = match t.h {
                    HPos::Left => at.0,
                    HPos::Center => at.0 - w / 2.0,
                    HPos::Right => at.0 - w,
                };
                let baseline = top + (ASCENT_EM + i as f32 * LINE_HEIGHT_EM) * t.size;
                self.raster(area, line, (x, baseline), t, false)?;
                continue;
            }
            let y = top + shift + i as f32 * LINE_HEIGHT_EM * t.size;
            area.draw_text(line, &style, self.at((at.0, y))).map_err(backend_error)?;
        }
        Ok(())
    }

    /// Draw one line of text reading bottom to top, centred on `at` vertically, its em
    /// box's top edge (the left side on the page) at `at.0`.
    pub fn text_up<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        s: &str,
        at: (f32, f32),
        t: &Text,
    ) -> Drawn {
        let s = &*spaced(s);
        if self.raster.is_some() {
            let w = self.width(s, t.size, t.bold);
            return self.raster(area, s, (at.0 + ASCENT_EM * t.size, at.1 + w / 2.0), t, true);
        }
        let shift = (ASCENT_EM - self.baseline_em) * t.size;
        let style = self
            .font(t.size, t.bold)
            .color(&t.color)
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Top));
        area.draw_text(s, &style, self.at((at.0 + shift, at.1))).map_err(backend_error)
    }

    /// A polyline.
    pub fn line<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        points: &[(f32, f32)],
        color: RGBColor,
        width: f32,
    ) -> Drawn {
        if self.raster.is_some() && width * self.scale > 1.8 {
            // plotters' bitmap strokes wide lines unevenly by angle: fill each segment as a
            // quadrilateral, with round joins
            let r = width / 2.0;
            for pair in points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let len = (dx * dx + dy * dy).sqrt();
                if !(len.is_finite() && len > 0.0) {
                    continue;
                }
                let (nx, ny) = (-dy / len * r, dx / len * r);
                let quad = [
                    (a.0 + nx, a.1 + ny),
                    (b.0 + nx, b.1 + ny),
                    (b.0 - nx, b.1 - ny),
                    (a.0 - nx, a.1 - ny),
                ];
                let quad: Vec<(i32, i32)> = quad.iter().map(|p| self.at(*p)).collect();
                area.draw(&Polygon::new(quad, color.filled())).map_err(backend_error)?;
            }
            for p in points.iter().skip(1).take(points.len().saturating_sub(2)) {
                let rp = self.px(r).max(1) as u32;
                area.draw(&Circle::new(self.at(*p), rp, color.filled())).map_err(backend_error)?;
            }
            return Ok(());
        }
        let pts: Vec<(i32, i32)> = points.iter().map(|p| self.at(*p)).collect();
        let style = color.stroke_width(self.px(width).max(1) as u32);
        area.draw(&PathElement::new(pts, style)).map_err(backend_error)
    }

    /// A dashed straight line: `dash` on, `gap` off, points.
    pub fn dashed<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        from: (f32, f32),
        to: (f32, f32),
        color: RGBColor,
        width: f32,
        (dash, gap): (f32, f32),
    ) -> Drawn {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if !(len.is_finite() && len > 0.0 && dash > 0.0) {
            return Ok(());
        }
        let (ux, uy) = (dx / len, dy / len);
        let mut s = 0.0;
        while s < len {
            let e = (s + dash).min(len);
            self.line(
                area,
                &[(from.0 + ux * s, from.1 + uy * s), (from.0 + ux * e, from.1 + uy * e)],
                color,
                width,
            )?;
            s = e + gap.max(0.1);
        }
        Ok(())
    }

    /// A filled rectangle between two corners.
    pub fn fill<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        a: (f32, f32),
        b: (f32, f32),
        color: RGBColor,
    ) -> Drawn {
        let (a, b) = (self.at(a), self.at(b));
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        area.draw(&Rectangle::new([a, b], color.filled())).map_err(backend_error)
    }

    /// The outline of a rectangle.
    pub fn frame<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        a: (f32, f32),
        b: (f32, f32),
        color: RGBColor,
        width: f32,
    ) -> Drawn {
        let style = color.stroke_width(self.px(width).max(1) as u32);
        area.draw(&Rectangle::new([self.at(a), self.at(b)], style)).map_err(backend_error)
    }

    /// A marker of `shape` with radius `r` at `c`: filled, with a white rim of `rim` points
    /// so that touching markers stay apart; `hollow` draws only a ring.
    pub fn marker<DB: DrawingBackend>(&self, area: &Area<DB>, m: &Marker, c: (f32, f32)) -> Drawn {
        if m.rim > 0.0 {
            self.shape(area, m.shape, c, m.r + m.rim, palette::WHITE, None)?;
        }
        if m.hollow {
            self.shape(
                area,
                m.shape,
                c,
                m.r,
                palette::WHITE,
                Some((m.color, (m.r / 3.0).clamp(0.6, 1.2))),
            )
        } else {
            self.shape(area, m.shape, c, m.r, m.color, None)
        }
    }

    fn shape<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        shape: Shape,
        (x, y): (f32, f32),
        r: f32,
        fill: RGBColor,
        ring: Option<(RGBColor, f32)>,
    ) -> Drawn {
        let poly =
            |pts: Vec<(f32, f32)>| -> Vec<(i32, i32)> { pts.iter().map(|p| self.at(*p)).collect() };
        let outline: Option<Vec<(f32, f32)>> = match shape {
            Shape::Circle => None,
            Shape::Square => {
                let s = r * 0.89;
                Some(vec![(x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s)])
            }
            Shape::Diamond => {
                let s = r * 1.2;
                Some(vec![(x, y - s), (x + s, y), (x, y + s), (x - s, y)])
            }
            Shape::Triangle => {
                let s = r * 1.25;
                Some(vec![(x, y - s), (x + s * 0.87, y + s * 0.5), (x - s * 0.87, y + s * 0.5)])
            }
            Shape::TriangleDown => {
                let s = r * 1.25;
                Some(vec![(x, y + s), (x + s * 0.87, y - s * 0.5), (x - s * 0.87, y - s * 0.5)])
            }
            Shape::Star => {
                let mut pts = Vec::new();
                for k in 0..10 {
                    let a = std::f32::consts::PI * (k as f32 / 5.0 - 0.5);
                    let rr = if k % 2 == 0 { r * 1.35 } else { r * 0.6 };
                    pts.push((x + rr * a.cos(), y + rr * a.sin()));
                }
                Some(pts)
            }
        };
        match outline {
            None => {
                let rp = self.px(r).max(1) as u32;
                area.draw(&Circle::new(self.at((x, y)), rp, fill.filled()))
                    .map_err(backend_error)?;
                if let Some((c, w)) = ring {
                    let style = c.stroke_width(self.px(w).max(1) as u32);
                    area.draw(&Circle::new(self.at((x, y)), rp, style)).map_err(backend_error)?;
                }
            }
            Some(pts) => {
                area.draw(&Polygon::new(poly(pts.clone()), fill.filled()))
                    .map_err(backend_error)?;
                if let Some((c, w)) = ring {
                    let mut closed = pts;
                    if let Some(first) = closed.first().copied() {
                        closed.push(first);
                    }
                    self.line(area, &closed, c, w)?;
                }
            }
        }
        Ok(())
    }

    /// The chart title at the top-left; the height it takes (0 without a title).
    pub fn title<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        title: Option<&str>,
    ) -> Result<f32, DrawError> {
        let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
            return Ok(0.0);
        };
        let t = Text::new(size::TITLE).bold().color(palette::TEXT);
        let fitted = crate::text::shorten(self.face(true), title, size::TITLE, self.size.0 - 2.0);
        self.text(area, &fitted, (1.0, 1.0), &t)?;
        Ok(size::TITLE + 7.0)
    }

    /// Legend entries in rows from `(x, y)`, wrapping at `width`; the height taken.
    pub fn legend<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        items: &[Swatch],
        (x, y): (f32, f32),
        width: f32,
    ) -> Result<f32, DrawError> {
        let rows = self.legend_rows(items, width);
        let row_h = self.legend_row_height(items);
        for (r, row) in rows.iter().enumerate() {
            let mut cx = x;
            let cy = y + r as f32 * row_h + (row_h - 4.0) / 2.0;
            for &i in row {
                let Some(item) = items.get(i) else { continue };
                self.swatch(area, item, (cx, cy))?;
                let t =
                    Text::new(size::LEGEND).color(palette::TEXT).anchor(HPos::Left, VPos::Center);
                self.text(area, &item.label, (cx + swatch_width(item.kind) + 3.0, cy), &t)?;
                cx += self.legend_item_width(item) + LEGEND_GAP;
            }
        }
        Ok(rows.len() as f32 * row_h)
    }

    /// Height [`Canvas::legend`] takes for `items` at `width`.
    pub fn legend_height(&self, items: &[Swatch], width: f32) -> f32 {
        self.legend_rows(items, width).len() as f32 * self.legend_row_height(items)
    }

    fn legend_row_height(&self, items: &[Swatch]) -> f32 {
        let bubble = items
            .iter()
            .map(|i| if let SwatchKind::Bubble(r) = i.kind { 2.0 * r + 2.0 } else { 0.0 })
            .fold(0.0, f32::max);
        (size::LEGEND + 4.0).max(bubble + 3.0)
    }

    fn legend_item_width(&self, item: &Swatch) -> f32 {
        swatch_width(item.kind) + 3.0 + self.width(&item.label, size::LEGEND, false)
    }

    fn legend_rows(&self, items: &[Swatch], width: f32) -> Vec<Vec<usize>> {
        let mut rows: Vec<Vec<usize>> = Vec::new();
        let mut used = f32::INFINITY;
        for (i, item) in items.iter().enumerate() {
            let w = self.legend_item_width(item);
            if used + LEGEND_GAP + w > width {
                rows.push(Vec::new());
                used = -LEGEND_GAP;
            }
            used += LEGEND_GAP + w;
            if let Some(row) = rows.last_mut() {
                row.push(i);
            }
        }
        rows
    }

    fn swatch<DB: DrawingBackend>(
        &self,
        area: &Area<DB>,
        item: &Swatch,
        (x, cy): (f32, f32),
    ) -> Drawn {
        let h = size::LEGEND * 0.8;
        match item.kind {
            SwatchKind::Box => {
                self.fill(area, (x, cy - h / 2.0), (x + SWATCH_W, cy + h / 2.0), item.color)
            }
            SwatchKind::Band => {
                self.fill(area, (x, cy - h / 2.0), (x + SWATCH_W, cy + h / 2.0), item.color)?;
                self.frame(
                    area,
                    (x, cy - h / 2.0),
                    (x + SWATCH_W, cy + h / 2.0),
                    palette::AXIS,
                    0.5,
                )
            }
            SwatchKind::Line => self.line(area, &[(x, cy), (x + SWATCH_W, cy)], item.color, 1.2),
            SwatchKind::Dashed => {
                self.dashed(area, (x, cy), (x + SWATCH_W, cy), item.color, 0.9, (2.5, 1.5))
            }
            SwatchKind::Marker(shape, hollow) => self.marker(
                area,
                &Marker { shape, r: 2.6, color: item.color, rim: 0.0, hollow },
                (x + SWATCH_W / 2.0, cy),
            ),
            SwatchKind::Bubble(r) => self.marker(
                area,
                &Marker { shape: Shape::Circle, r, color: item.color, rim: 0.0, hollow: true },
                (x + r + 1.0, cy),
            ),
        }
    }
}

const SWATCH_W: f32 = 9.0;

fn swatch_width(kind: SwatchKind) -> f32 {
    match kind {
        SwatchKind::Bubble(r) => 2.0 * r + 2.0,
        _ => SWATCH_W,
    }
}
const LEGEND_GAP: f32 = 9.0;

/// Height of `lines` lines of text at `size`: the em boxes and the line gaps.
pub fn block_height(lines: usize, size: f32) -> f32 {
    size * (1.0 + LINE_HEIGHT_EM * lines.saturating_sub(1) as f32)
}

/// How a text is set.
#[derive(Clone, Copy)]
pub struct Text {
    /// Em size, points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Colour.
    pub color: RGBColor,
    /// Which side of the text the anchor is on.
    pub h: HPos,
    /// Which height of the em-box block the anchor is at.
    pub v: VPos,
}

impl Text {
    /// Regular text of `size`, top-left anchored, in the text colour.
    pub fn new(size: f32) -> Self {
        Self { size, bold: false, color: palette::TEXT, h: HPos::Left, v: VPos::Top }
    }

    /// In bold.
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// In `color`.
    pub fn color(self, color: RGBColor) -> Self {
        Self { color, ..self }
    }

    /// Anchored at `h`, `v`.
    pub fn anchor(self, h: HPos, v: VPos) -> Self {
        Self { h, v, ..self }
    }
}

/// A marker's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// ●
    Circle,
    /// ■
    Square,
    /// ◆
    Diamond,
    /// ▲
    Triangle,
    /// ▼
    TriangleDown,
    /// ★
    Star,
}

/// A point marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    /// Its shape.
    pub shape: Shape,
    /// Radius, points.
    pub r: f32,
    /// Fill (or ring) colour.
    pub color: RGBColor,
    /// White rim around it, points.
    pub rim: f32,
    /// Only a ring.
    pub hollow: bool,
}

/// What a legend entry shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SwatchKind {
    /// A filled box.
    Box,
    /// A light band with a thin frame.
    Band,
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A marker; hollow or not.
    Marker(Shape, bool),
    /// A ring of this radius, points: a bubble size.
    Bubble(f32),
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Swatch {
    /// What it shows.
    pub kind: SwatchKind,
    /// Its colour.
    pub color: RGBColor,
    /// Its label.
    pub label: String,
}

impl Swatch {
    /// An entry.
    pub fn new(kind: SwatchKind, color: RGBColor, label: impl Into<String>) -> Self {
        Self { kind, color, label: label.into() }
    }
}

/// A linear scale from values to points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    /// The value range.
    pub domain: (f64, f64),
    /// Where the ends of the range land, points (the second may be smaller: a y axis).
    pub range: (f32, f32),
}

impl Linear {
    /// The position of `v`.
    pub fn at(&self, v: f64) -> f32 {
        let (d0, d1) = self.domain;
        let t = if d1 != d0 { (v - d0) / (d1 - d0) } else { 0.5 };
        let t = if t.is_finite() { t as f32 } else { 0.5 };
        self.range.0 + (self.range.1 - self.range.0) * t
    }
}

/// Tick values: multiples of a 1–2–5 step inside `lo..=hi`, at most `max` of them; whole
/// numbers only when both ends are whole (scales of whole scores).
pub fn ticks(lo: f64, hi: f64, max: usize) -> Vec<f64> {
    nice_ticks(lo, hi, max, lo.fract() == 0.0 && hi.fract() == 0.0)
}

/// Tick values: multiples of a 1–2–5 step inside `lo..=hi`, at most `max` of them, whole
/// numbers only when `whole`; each rounded to the step's precision.
pub fn nice_ticks(lo: f64, hi: f64, max: usize, whole: bool) -> Vec<f64> {
    let span = hi - lo;
    let max = max.clamp(2, 11);
    if !(span.is_finite() && span > 0.0) {
        return vec![lo];
    }
    let mut magnitude = 10f64.powf((span / max as f64).log10().floor());
    if whole {
        magnitude = magnitude.max(1.0);
    }
    let mut step = magnitude;
    'search: for _ in 0..4 {
        for m in [1.0, 2.0, 5.0] {
            step = m * magnitude;
            if (span / step).floor() + 1.0 <= max as f64 {
                break 'search;
            }
        }
        magnitude *= 10.0;
    }
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    let digits = (-step.log10().floor()).max(0.0) as i32 + 1;
    let round = |v: f64| {
        let m = 10f64.powi(digits);
        (v * m).round() / m
    };
    (first..=last).take(max).map(|k| round(k as f64 * step)).collect()
}

/// A value range holding every finite value of `values` and of `keep`, widened by `pad`
/// of its span on each side, rounded outward to multiples of `step`, and clipped to `hard`.
/// A degenerate range grows by one `step` each way.
pub fn span(
    values: impl IntoIterator<Item = f64>,
    keep: &[f64],
    pad: f64,
    step: f64,
    hard: (f64, f64),
) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().chain(keep.iter().copied()).filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return hard;
    }
    let p = (hi - lo) * pad;
    let step = if step > 0.0 { step } else { 1.0 };
    let (mut a, mut b) = (((lo - p) / step).floor() * step, ((hi + p) / step).ceil() * step);
    if b - a < step * 0.5 {
        a -= step;
        b += step;
    }
    (a.max(hard.0), b.min(hard.1))
}

/// An axis drawn along one side of a plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// Value to position.
    pub scale: Linear,
    /// Where ticks (and grid lines) go.
    pub ticks: Vec<f64>,
    /// Decimals of the tick labels.
    pub decimals: usize,
    /// A suffix for the tick labels, e.g. "%"; `","` groups thousands instead.
    pub suffix: &'static str,
    /// Axis title; empty for none.
    pub title: String,
}

impl Axis {
    /// The tick label of `v`.
    pub fn label(&self, canvas: &Canvas<'_>, v: f64) -> String {
        if self.suffix == "," {
            return figure::count(v);
        }
        format!("{}{}", canvas.num(v, self.decimals), self.suffix)
    }

    /// Widest tick label, points.
    pub fn label_width(&self, canvas: &Canvas<'_>) -> f32 {
        self.ticks
            .iter()
            .map(|&t| canvas.width(&self.label(canvas, t), size::TICK, false))
            .fold(0.0, f32::max)
    }
}

/// Room a left value axis needs: rotated title, tick labels, tick marks.
pub fn left_axis_room(canvas: &Canvas<'_>, axis: &Axis) -> f32 {
    let title = if axis.title.is_empty() { 0.0 } else { size::AXIS_TITLE + 4.0 };
    title + axis.label_width(canvas) + TICK + 3.0
}

/// Room a bottom value axis needs: tick marks, labels, title.
pub fn bottom_axis_room(axis: &Axis) -> f32 {
    let title = if axis.title.is_empty() { 0.0 } else { size::AXIS_TITLE + 4.0 };
    TICK + 2.0 + size::TICK + 2.0 + title
}

/// Tick mark length, points.
pub const TICK: f32 = 2.5;

/// A rectangle in points (y down): the plot of a chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plot {
    /// Left.
    pub x0: f32,
    /// Top.
    pub y0: f32,
    /// Right.
    pub x1: f32,
    /// Bottom.
    pub y1: f32,
}

impl Plot {
    /// Width.
    pub fn w(&self) -> f32 {
        self.x1 - self.x0
    }

    /// Height.
    pub fn h(&self) -> f32 {
        self.y1 - self.y0
    }

    /// As a placement rectangle.
    pub fn rect(&self) -> super::place::Rect {
        super::place::Rect { x0: self.x0, y0: self.y0, x1: self.x1, y1: self.y1 }
    }
}

/// Grid lines of `x` (vertical) and `y` (horizontal) across `plot`.
pub fn grid<DB: DrawingBackend>(
    c: &Canvas<'_>,
    area: &Area<DB>,
    plot: &Plot,
    x: Option<&Axis>,
    y: Option<&Axis>,
) -> Drawn {
    if let Some(x) = x {
        for &t in &x.ticks {
            let px = x.scale.at(t);
            c.line(area, &[(px, plot.y0), (px, plot.y1)], palette::GRID, 0.5)?;
        }
    }
    if let Some(y) = y {
        for &t in &y.ticks {
            let py = y.scale.at(t);
            c.line(area, &[(plot.x0, py), (plot.x1, py)], palette::GRID, 0.5)?;
        }
    }
    Ok(())
}

/// A value axis below `plot`: line, ticks, labels, and the title centred under them.
pub fn bottom_axis<DB: DrawingBackend>(
    c: &Canvas<'_>,
    area: &Area<DB>,
    plot: &Plot,
    axis: &Axis,
) -> Drawn {
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;
    let t = Text::new(size::TICK).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
    for &v in &axis.ticks {
        let x = axis.scale.at(v);
        c.line(area, &[(x, plot.y1), (x, plot.y1 + TICK)], palette::AXIS, 0.75)?;
        c.text(area, &axis.label(c, v), (x, plot.y1 + TICK + 2.0), &t)?;
    }
    if !axis.title.is_empty() {
        let t = Text::new(size::AXIS_TITLE).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
        let title = crate::text::shorten(c.face(false), &axis.title, size::AXIS_TITLE, plot.w());
        c.text(
            area,
            &title,
            ((plot.x0 + plot.x1) / 2.0, plot.y1 + TICK + 2.0 + size::TICK + 3.0),
            &t,
        )?;
    }
    Ok(())
}

/// A value axis left of `plot`, its title rotated, `left` points from the area's edge.
pub fn left_axis<DB: DrawingBackend>(
    c: &Canvas<'_>,
    area: &Area<DB>,
    plot: &Plot,
    axis: &Axis,
) -> Drawn {
    c.line(area, &[(plot.x0, plot.y0), (plot.x0, plot.y1)], palette::AXIS, 0.75)?;
    let t = Text::new(size::TICK).color(palette::MUTED).anchor(HPos::Right, VPos::Center);
    for &v in &axis.ticks {
        let y = axis.scale.at(v);
        c.line(area, &[(plot.x0 - TICK, y), (plot.x0, y)], palette::AXIS, 0.75)?;
        c.text(area, &axis.label(c, v), (plot.x0 - TICK - 2.0, y), &t)?;
    }
    if !axis.title.is_empty() {
        let x = plot.x0 - TICK - 2.0 - axis.label_width(c) - 3.0 - size::AXIS_TITLE;
        let title = crate::text::shorten(c.face(false), &axis.title, size::AXIS_TITLE, plot.h());
        let t = Text::new(size::AXIS_TITLE).color(palette::MUTED);
        c.text_up(area, &title, (x, (plot.y0 + plot.y1) / 2.0), &t)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_spans_and_scales() {
        assert_eq!(ticks(-5.0, 5.0, 11), (-5..=5).map(f64::from).collect::<Vec<_>>());
        assert_eq!(ticks(0.0, 1.0, 6), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(0.0, 1.0, 6, false), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(4.0, 7.0, 8, false), vec![4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0]);
        assert_eq!(span([0.31, 0.82], &[0.5], 0.05, 0.1, (0.0, 1.0)), (0.2, 0.9));
        assert_eq!(span([2.0], &[], 0.0, 0.5, (-2.0, 4.0)), (1.5, 2.5));
        assert_eq!(span([f64::NAN], &[], 0.0, 0.5, (-2.0, 4.0)), (-2.0, 4.0));
        let y = Linear { domain: (0.0, 10.0), range: (100.0, 0.0) };
        assert_eq!((y.at(0.0), y.at(5.0), y.at(10.0)), (100.0, 50.0, 0.0));
    }
}
