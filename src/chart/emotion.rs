//! The emotion curve of a customer journey (情绪曲线): the customer's feeling at each step,
//! in time order, on the workshop's declared emotion scale.
//!
//! Input: an [`EmotionChart`] (steps, scale, wording language), a drawing area and its
//! [`Canvas`]; drawn like every other chart, onto any plotters backend. No I/O.
//!
//! What it shows, following the peak–end rule (Kahneman et al. 1993; Chase & Dasu 2001):
//! the curve with a marker per step, a neutral line (0, or the middle of a scale that does
//! not cross 0), a dashed average line labelled with its value (提升平均线), and the
//! moments that drive the remembered experience — the peak step(s) (波峰), the valley
//! step(s) (波谷) and the end step (末触点) — highlighted and labelled, each label placed
//! where it hits no marker, no other label and not the curve. The analysis finds them
//! ([`crate::analysis::journey::moments`]), and the spec carries them; they
//! are heuristics, as the workshop method presents them. The title is drawn only on a
//! chart of its own; the report sets it as a caption.

use plotters::element::Circle;
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::{Color as _, RGBColor};

use super::place::{Rect as Box2, Segment};
use super::style::{
    Area, Canvas, DrawError, Drawn, LINE_HEIGHT_EM, Linear, Marker, Plot, Shape, Text, figure,
    palette, ticks,
};
use crate::text::fit_label;
use crate::view::EmotionChart;
use crate::view::chart_words::Words;

use crate::analysis::journey::Moments;

// Palette: calm, print-friendly.
const CURVE: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
// bluish green and vermillion (Okabe–Ito, darkened for text): told apart with every
// common colour-vision deficiency
const PEAK: RGBColor = RGBColor(0x00, 0x7a, 0x5a);
const VALLEY: RGBColor = RGBColor(0xc4, 0x4e, 0x00);
const END: RGBColor = RGBColor(0x37, 0x47, 0x4f);
const NEUTRAL: RGBColor = RGBColor(0x8a, 0x90, 0x96);
const AVERAGE: RGBColor = RGBColor(0x5f, 0x6b, 0x78);
const TEXT: RGBColor = RGBColor(0x33, 0x33, 0x33);

// Sizes, in points.
const TICK_FONT: f32 = 8.0;
const DESC_FONT: f32 = 8.5;
const NOTE_FONT: f32 = 8.0;
const CATEGORY_FONTS: [f32; 4] = [8.5, 8.0, 7.5, 7.0];
const TICK_LEN: f32 = 2.5;
const TOP: f32 = 4.0;
const MARKER: f32 = 2.6;
const KEY_MARKER: f32 = 3.6;
const RIM: f32 = 0.8;
const END_RING: f32 = 6.0;
const LABEL_GAP: f32 = 2.5;
/// Room above the top and below the bottom of the scale for a label beside a marker.
const HEADROOM: f32 = NOTE_FONT + KEY_MARKER + LABEL_GAP + 3.0;
const MIN_PLOT: f32 = 2.0 * HEADROOM + 20.0;

/// Draw the emotion curve of `chart` into `area`; `show_title` draws its title above it.
///
/// Errors when there are no steps or no finite score, or when the area is too small to hold
/// the axes. Scores outside the declared scale widen the axis; an unusable scale (not
/// finite, or empty) is replaced by the range of the scores.
pub fn emotion<DB: DrawingBackend>(
    chart: &EmotionChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    if chart.steps.is_empty() {
        return Err(DrawError::NoData("the journey has no steps to draw".into()));
    }
    let scores: Vec<f64> = chart.steps.iter().map(|(_, v)| *v).collect();
    // the key moments are the analysis' (METHODS §5): the chart only draws them
    let moments = &chart.moments;
    if moments.end >= scores.len() || !scores.iter().any(|v| v.is_finite()) {
        return Err(DrawError::NoData("no step of the journey has a score".into()));
    }
    let w = Words::of(chart.lang);
    let (width, height) = c.size;
    if !(width.is_finite() && height.is_finite()) {
        return Err(DrawError::TooSmall { width, height });
    }
    let top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let plan = Plan::new(chart, w, c, top, moments)?;
    draw(area, c, &plan, moments, &scores, w)
}

/// Sizes and texts of one chart, decided before drawing.
struct Plan {
    steps: usize,
    /// The value range drawn, with headroom: (bottom, top).
    y_range: (f64, f64),
    ticks: Vec<f64>,
    neutral: f64,
    plot: Plot,
    categories: Vec<String>,
    category_font: f32,
    average: String,
}

impl Plan {
    fn new(
        chart: &EmotionChart,
        w: &Words,
        c: &Canvas<'_>,
        top: f32,
        moments: &Moments,
    ) -> Result<Self, DrawError> {
        let (width, height) = c.size;
        let too_small = DrawError::TooSmall { width, height };
        let (lo, hi) = value_range(chart.scale, chart.steps.iter().map(|(_, v)| *v));

        let average = format!("{} {}", w.average, figure::mean(moments.mean));
        let right = 4.0 + c.width(&average, NOTE_FONT, true) + 3.0;

        // tick count from the smallest plot height the category labels can leave
        let widest_bottom = category_height(CATEGORY_FONTS[0], 2);
        let rough_plot = height - top - TOP - widest_bottom;
        if rough_plot.is_nan() || rough_plot < MIN_PLOT {
            return Err(too_small);
        }
        let max_ticks = ((rough_plot - 2.0 * HEADROOM) / 15.0).floor().max(1.0) as usize + 1;
        let ticks = ticks(lo, hi, max_ticks);
        let tick_width =
            ticks.iter().map(|&t| c.width(&c.num(t, 2), TICK_FONT, false)).fold(0.0, f32::max);
        let desc = if w.emotion.trim().is_empty() { 0.0 } else { DESC_FONT + 4.0 };
        let left = 1.0 + desc + tick_width + 2.0 * TICK_LEN;

        let plot_width = width - left - right;
        if plot_width < MIN_PLOT {
            return Err(too_small);
        }
        let slot = plot_width / chart.steps.len() as f32;
        let names: Vec<&str> = chart.steps.iter().map(|(n, _)| n.as_str()).collect();
        let (category_font, categories) = fit_categories(c, &names, slot - 4.0);
        let lines = categories.iter().map(|c| c.split('\n').count()).max().unwrap_or(1);
        let bottom = category_height(category_font, lines);
        let plot = Plot { x0: left, y0: top + TOP, x1: width - right, y1: height - bottom };
        if plot.h() < MIN_PLOT {
            return Err(too_small);
        }
        let pad = (hi - lo) * f64::from(HEADROOM) / f64::from(plot.h() - 2.0 * HEADROOM);
        let neutral = if lo < 0.0 && hi > 0.0 { 0.0 } else { (lo + hi) / 2.0 };
        Ok(Self {
            steps: chart.steps.len(),
            y_range: (lo - pad, hi + pad),
            ticks,
            neutral,
            plot,
            categories,
            category_font,
            average,
        })
    }
}

/// Height below the plot for category labels of `lines` lines at `font` points.
fn category_height(font: f32, lines: usize) -> f32 {
    2.0 * TICK_LEN + 1.5 + font * (1.0 + LINE_HEIGHT_EM * (lines.max(1) - 1) as f32) + 1.0
}

/// The declared scale, widened to hold every finite score; the scores' own range when the
/// scale is unusable; never empty.
fn value_range(scale: (f64, f64), scores: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut min, mut max) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in scores.filter(|v| v.is_finite()) {
        min = min.min(v);
        max = max.max(v);
    }
    let (mut lo, mut hi) = if scale.0.is_finite() && scale.1.is_finite() && scale.0 < scale.1 {
        scale
    } else {
        (min, max)
    };
    lo = lo.min(min);
    hi = hi.max(max);
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(1.0) { (lo - 1.0, hi + 1.0) } else { (lo, hi) }
}

/// Category labels fitted to `width` points: one line, or two, or two with the second
/// shortened by "…". One size for all: the one where the fewest labels had to be shortened
/// (or split inside a word), then the fewest lines, then the largest. Returns the size and
/// the labels, lines joined by `\n`.
fn fit_categories(c: &Canvas<'_>, names: &[&str], width: f32) -> (f32, Vec<String>) {
    let face = c.face(false);
    let mut best: Option<((usize, usize), f32, Vec<String>)> = None;
    for size in CATEGORY_FONTS {
        let mut degraded = 0;
        let fitted: Vec<String> = names
            .iter()
            .map(|n| {
                let (text, ok) = fit_label(face, n, size, width);
                degraded += usize::from(!ok);
                text
            })
            .collect();
        let lines = fitted.iter().map(|t| t.split('\n').count()).max().unwrap_or(1);
        let score = (degraded, lines);
        if best.as_ref().is_none_or(|(b, _, _)| score < *b) {
            best = Some((score, size, fitted));
        }
    }
    best.map_or((CATEGORY_FONTS[0], Vec::new()), |(_, size, fitted)| (size, fitted))
}

/// What a step is, for its marker and label.
#[derive(Debug, Clone, Copy, Default)]
struct Roles {
    peak: bool,
    valley: bool,
    end: bool,
}

impl Roles {
    fn color(self) -> RGBColor {
        if self.peak {
            PEAK
        } else if self.valley {
            VALLEY
        } else if self.end {
            END
        } else {
            CURVE
        }
    }
}

fn draw<DB: DrawingBackend>(
    area: &Area<DB>,
    c: &Canvas<'_>,
    plan: &Plan,
    moments: &Moments,
    scores: &[f64],
    w: &Words,
) -> Drawn {
    let n = plan.steps;
    let plot = plan.plot;
    let xs = Linear { domain: (-0.5, n as f64 - 0.5), range: (plot.x0, plot.x1) };
    let ys = Linear { domain: plan.y_range, range: (plot.y1, plot.y0) };

    // grid, axes, ticks and their labels
    for &t in &plan.ticks {
        c.line(area, &[(plot.x0, ys.at(t)), (plot.x1, ys.at(t))], palette::GRID, 0.5)?;
    }
    c.line(area, &[(plot.x0, plot.y0), (plot.x0, plot.y1)], palette::AXIS, 0.75)?;
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;
    let tick = Text::new(TICK_FONT).color(palette::MUTED).anchor(HPos::Right, VPos::Center);
    for &t in &plan.ticks {
        let y = ys.at(t);
        c.line(area, &[(plot.x0 - TICK_LEN, y), (plot.x0, y)], palette::AXIS, 0.75)?;
        c.text(area, &c.num(t, 2), (plot.x0 - 2.0 * TICK_LEN, y), &tick)?;
    }
    for i in 0..n {
        let x = xs.at(i as f64);
        c.line(area, &[(x, plot.y1), (x, plot.y1 + TICK_LEN)], palette::AXIS, 0.75)?;
    }
    if !w.emotion.trim().is_empty() {
        let t = Text::new(DESC_FONT).color(palette::MUTED);
        c.text_up(area, &w.emotion, (0.0, (plot.y0 + plot.y1) / 2.0), &t)?;
    }

    // the neutral line and the dashed average
    c.line(area, &[(plot.x0, ys.at(plan.neutral)), (plot.x1, ys.at(plan.neutral))], NEUTRAL, 0.8)?;
    let avg_y = ys.at(moments.mean);
    c.dashed(area, (plot.x0, avg_y), (plot.x1, avg_y), AVERAGE, 0.9, (4.0, 2.5))?;

    // the curve, broken where a score is missing
    let at = |i: usize, v: f64| (xs.at(i as f64), ys.at(v));
    let mut run: Vec<(f32, f32)> = Vec::new();
    let mut runs = Vec::new();
    for (i, v) in scores.iter().enumerate() {
        if v.is_finite() {
            run.push(at(i, *v));
        } else if !run.is_empty() {
            runs.push(std::mem::take(&mut run));
        }
    }
    runs.push(run);
    for r in runs.iter().filter(|r| !r.is_empty()) {
        c.line(area, r, CURVE, 1.6)?;
    }

    // markers
    let roles: Vec<Roles> = (0..n)
        .map(|i| Roles {
            peak: moments.peaks.contains(&i),
            valley: moments.valleys.contains(&i),
            end: moments.end == i,
        })
        .collect();
    let mut obstacles: Vec<Box2> = Vec::new();
    let mut points: Vec<(usize, (f32, f32))> = Vec::new();
    for (i, v) in scores.iter().enumerate() {
        if !v.is_finite() {
            continue;
        }
        let r = roles.get(i).copied().unwrap_or_default();
        let radius = if r.peak || r.valley { KEY_MARKER } else { MARKER };
        let p = at(i, *v);
        let marker =
            Marker { shape: Shape::Circle, r: radius, color: r.color(), rim: RIM, hollow: false };
        c.marker(area, &marker, p)?;
        let mut extent = radius + RIM;
        if r.end {
            let ring = END.stroke_width(c.px(1.0).max(1) as u32);
            area.draw(&Circle::new(c.at(p), c.px(END_RING).max(1) as u32, ring))
                .map_err(|e| DrawError::Backend(e.to_string()))?;
            extent = END_RING + 0.5;
        }
        points.push((i, p));
        obstacles.push(Box2::around(p, extent + 1.0));
    }
    let curve: Vec<Segment> = points
        .windows(2)
        .filter_map(|w| match w {
            [(i, a), (j, b)] if j - i == 1 => Some((*a, *b)),
            _ => None,
        })
        .collect();

    // category labels under the axis
    let category = Text::new(plan.category_font).color(TEXT).anchor(HPos::Center, VPos::Top);
    let label_top = plot.y1 + 2.0 * TICK_LEN + 1.5;
    for (i, text) in plan.categories.iter().enumerate() {
        c.text(area, text, (xs.at(i as f64), label_top), &category)?;
    }

    // the average line's label, right of the plot
    let note = Text::new(NOTE_FONT).bold().color(AVERAGE).anchor(HPos::Left, VPos::Center);
    c.text(area, &plan.average, (plot.x1 + 4.0, avg_y), &note)?;

    // key-moment labels, placed where they hit nothing
    let mut scene = Scene {
        bounds: plot.rect().inset(1.0),
        obstacles,
        curve,
        avoid: vec![avg_y, ys.at(plan.neutral)],
    };
    for &(i, p) in &points {
        let r = roles.get(i).copied().unwrap_or_default();
        if !(r.peak || r.valley || r.end) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        if r.peak {
            words.push(&w.peak);
        }
        if r.valley {
            words.push(&w.valley);
        }
        if r.end {
            words.push(&w.end);
        }
        let score = scores.get(i).copied().unwrap_or(f64::NAN);
        let text = format!("{} {}", words.join("·"), figure::typed(score));
        let size = (c.width(&text, NOTE_FONT, true), NOTE_FONT);
        let gap = if r.end { END_RING } else { KEY_MARKER + RIM } + LABEL_GAP;
        let prefer_above = if r.peak {
            true
        } else if r.valley {
            false
        } else {
            // the end: on the side the curve does not come from
            let prev = (0..i).rev().find_map(|k| scores.get(k).copied().filter(|v| v.is_finite()));
            prev.is_none_or(|prev| prev <= score)
        };
        let spot = scene.place(size, p, gap, prefer_above);
        scene.obstacles.push(spot.grow(1.5));
        let t = Text::new(NOTE_FONT).bold().color(r.color()).anchor(HPos::Left, VPos::Top);
        c.text(area, &text, (spot.x0, spot.y0), &t)?;
    }
    Ok(())
}

/// What labels are placed among: the plot's inner bounds, boxes to keep off (markers and
/// labels already placed), the curve's segments, and the heights of lines best not crossed.
struct Scene {
    bounds: Box2,
    obstacles: Vec<Box2>,
    curve: Vec<Segment>,
    avoid: Vec<f32>,
}

impl Scene {
    /// A spot for a label of `size` beside the marker at `p`, `gap` away: the first
    /// candidate, in order of preference (above or below first, then the diagonals, the
    /// sides, further out, the other side), that stays inside the bounds and hits no
    /// obstacle and no curve segment; the `avoid` lines are crossed only when every such
    /// spot crosses one. When no spot is free, the one with the fewest collisions.
    fn place(&self, size: (f32, f32), p: (f32, f32), gap: f32, above_first: bool) -> Box2 {
        let (w, h) = size;
        let (x, y) = p;
        let bounds = &self.bounds;
        let diagonal = gap * 0.8;
        let above = [
            Box2::at(x - w / 2.0, y - gap - h, size).clamp_x(bounds),
            Box2::at(x + diagonal, y - diagonal - h, size),
            Box2::at(x - diagonal - w, y - diagonal - h, size),
            Box2::at(x - w / 2.0, y - gap - 2.2 * h, size).clamp_x(bounds),
        ];
        let below = [
            Box2::at(x - w / 2.0, y + gap, size).clamp_x(bounds),
            Box2::at(x + diagonal, y + diagonal, size),
            Box2::at(x - diagonal - w, y + diagonal, size),
            Box2::at(x - w / 2.0, y + gap + 1.2 * h, size).clamp_x(bounds),
        ];
        let sides = [
            Box2::at(x + gap, y - h / 2.0, size).clamp_y(bounds),
            Box2::at(x - gap - w, y - h / 2.0, size).clamp_y(bounds),
        ];
        let (first, second) = if above_first { (above, below) } else { (below, above) };
        let candidates = first[..3].iter().chain(&sides).chain(&first[3..]).chain(&second).copied();
        let mut best: Option<(usize, Box2)> = None;
        for (k, b) in candidates.enumerate() {
            let cost = self.cost(&b) * 16 + k;
            if best.is_none_or(|(c, _)| cost < c) {
                best = Some((cost, b));
            }
        }
        best.map_or(Box2::at(x - w / 2.0, y - gap - h, size), |(_, b)| b)
    }

    /// 100 per collision (outside the bounds, an obstacle, a curve segment), 1 per line to
    /// avoid that the box crosses.
    fn cost(&self, b: &Box2) -> usize {
        let mut hard = usize::from(!self.bounds.contains(b));
        hard += self.obstacles.iter().filter(|o| o.overlaps(b)).count();
        hard += self.curve.iter().filter(|s| b.grow(1.0).crosses(**s)).count();
        let soft = self.avoid.iter().filter(|&&ly| b.y0 - 1.0 < ly && ly < b.y1 + 1.0).count();
        hard * 100 + soft
    }
}

#[cfg(test)]
mod tests {
    use printpdf::{Op, PdfDocument};

    use super::*;
    use crate::chart::style::Flavor;
    use crate::model::Language;
    use crate::render::pdf::chart_backend::inspect::{Placed, points, texts};
    use crate::render::pdf::charts::pdf_ops;
    use crate::render::pdf::{Area, PdfFonts};
    use crate::text::Faces;
    use crate::view::ChartSpec;

    /// 85 mm high, full text width of A4 with 2 cm margins.
    const AREA: Area = Area { x: 56.7, y: 400.0, width: 481.9, height: 240.9 };

    fn chart(steps: &[(&str, f64)], scale: (f64, f64)) -> EmotionChart {
        let scores: Vec<f64> = steps.iter().map(|(_, v)| *v).collect();
        let moments = crate::analysis::journey::moments(&scores).unwrap_or(Moments {
            mean: f64::NAN,
            peaks: Vec::new(),
            valleys: Vec::new(),
            end: usize::MAX,
            peak_end: f64::NAN,
        });
        EmotionChart {
            moments,
            title: "旅程 · 情绪曲线".to_owned(),
            lang: Language::ZhCn,
            steps: steps.iter().map(|(n, v)| ((*n).to_owned(), *v)).collect(),
            scale,
        }
    }

    fn hospital() -> EmotionChart {
        chart(
            &[
                ("线上预约挂号", 2.0),
                ("到院停车找车位", -3.0),
                ("前台排队取号等候", -1.0),
                ("分诊台咨询", 1.0),
                ("候诊区长时间等待", -4.0),
                ("医生问诊沟通", 4.0),
                ("缴费窗口排队", -2.0),
                ("检查化验预约", -1.0),
                ("取药与用药指导", 2.0),
                ("离院后随访回访电话", 3.0),
            ],
            (-5.0, 5.0),
        )
    }

    /// The ops, their texts, and every point they draw through.
    type Rendered = (Vec<Op>, Vec<Placed>, Vec<(f32, f32)>);

    /// Draw `c` into `area`.
    fn render(c: &EmotionChart, area: Area) -> Result<Rendered, DrawError> {
        let faces = Faces::embedded().unwrap();
        let mut doc = PdfDocument::new("t");
        let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
        let ops = pdf_ops(&ChartSpec::Emotion(c.clone()), area, &fonts, false)?;
        let t = texts(&ops, &fonts);
        let p = points(&ops, &fonts);
        Ok((ops, t, p))
    }

    fn has(t: &[Placed], s: &str) -> bool {
        t.iter().any(|p| p.text == s)
    }

    /// Everything inside `area`, and no two texts overlapping.
    fn assert_tidy(area: Area, t: &[Placed], p: &[(f32, f32)]) {
        let e = 0.01;
        for &(x, y) in p {
            assert!(
                x >= area.x - e
                    && x <= area.x + area.width + e
                    && y >= area.y - e
                    && y <= area.y + area.height + e,
                "({x}, {y}) outside {area:?}"
            );
        }
        for (i, a) in t.iter().enumerate() {
            for b in &t[i + 1..] {
                assert!(!a.overlaps(b), "{:?} overlaps {:?}", a.text, b.text);
            }
        }
    }

    /// The key-moment labels cross neither the curve nor a marker.
    fn assert_labels_clear(ops: &[Op], t: &[Placed]) {
        let curve = (0x1f as f32 / 255.0, 0x4e as f32 / 255.0, 0x79 as f32 / 255.0);
        let mut stroke = (0.0, 0.0, 0.0);
        let (mut segments, mut markers) = (Vec::new(), Vec::new());
        for op in ops {
            match op {
                Op::SetOutlineColor { col: printpdf::Color::Rgb(c) } => stroke = (c.r, c.g, c.b),
                Op::DrawLine { line } if stroke == curve && !line.is_closed => {
                    for w in line.points.windows(2) {
                        segments.push(((w[0].p.x.0, w[0].p.y.0), (w[1].p.x.0, w[1].p.y.0)));
                    }
                }
                Op::DrawPolygon { polygon } => {
                    let pts: Vec<(f32, f32)> = polygon
                        .rings
                        .iter()
                        .flat_map(|r| r.points.iter().map(|p| (p.p.x.0, p.p.y.0)))
                        .collect();
                    let b = Box2 {
                        x0: pts.iter().map(|p| p.0).fold(f32::INFINITY, f32::min),
                        y0: pts.iter().map(|p| p.1).fold(f32::INFINITY, f32::min),
                        x1: pts.iter().map(|p| p.0).fold(f32::NEG_INFINITY, f32::max),
                        y1: pts.iter().map(|p| p.1).fold(f32::NEG_INFINITY, f32::max),
                    };
                    markers.push(b);
                }
                _ => {}
            }
        }
        assert!(!segments.is_empty() && !markers.is_empty());
        for label in t.iter().filter(|p| p.bold && !p.text.starts_with("平均线")) {
            let (x0, y0, x1, y1) = label.bbox;
            let b = Box2 { x0, y0, x1, y1 };
            for s in &segments {
                assert!(!b.crosses(*s), "{:?} crosses the curve at {s:?}", label.text);
            }
            for m in &markers {
                assert!(!b.overlaps(m), "{:?} covers a marker", label.text);
            }
        }
    }

    #[test]
    fn ten_long_chinese_steps_on_minus_five_to_five() {
        let c = hospital();
        let (ops, t, p) = render(&c, AREA).unwrap();
        assert!(matches!(ops.first(), Some(Op::SaveGraphicsState)));
        assert!(matches!(ops.last(), Some(Op::RestoreGraphicsState)));
        // every step name, whole, over at most two lines
        let cats: Vec<&Placed> = t.iter().filter(|p| p.bbox.3 < AREA.y + 30.0).collect();
        let mut joined = String::new();
        for p in &cats {
            joined.push_str(&p.text);
        }
        let names: String = c.steps.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(joined, names);
        assert!(cats.len() > 10 && cats.len() <= 20);
        // key moments, bold, and the average with its value
        for s in ["波峰 4", "波谷 −3", "波谷 −4", "末触点 3", "平均线 0.10"] {
            assert!(t.iter().any(|p| p.text == s && p.bold), "{s} missing");
        }
        assert!(!has(&t, "波谷 −2"));
        // the scale, with a real minus sign, and the rotated axis title
        for s in ["−5", "0", "5"] {
            assert!(has(&t, s), "tick {s}");
        }
        assert!(!has(&t, "6") && !has(&t, "−6"));
        let title = t.iter().find(|p| p.text == "情绪").unwrap();
        assert_eq!(title.matrix[..4], [0.0, 1.0, -1.0, 0.0]);
        assert_tidy(AREA, &t, &p);
        assert_labels_clear(&ops, &t);
        // the average line is dashed: many short segments at one height
        let dashes = ops
            .iter()
            .filter(|op| {
                matches!(op, Op::DrawLine { line } if line.points.len() == 2
                && (line.points[0].p.y.0 - line.points[1].p.y.0).abs() < 0.01
                && (line.points[0].p.x.0 - line.points[1].p.x.0).abs() < 5.0)
            })
            .count();
        assert!(dashes > 20, "{dashes} dashes");
    }

    #[test]
    fn a_one_to_seven_scale_ticks_whole_numbers_and_keeps_short_names_on_one_line() {
        let c = chart(
            &[
                ("进店", 4.0),
                ("迎宾问候", 5.0),
                ("需求了解", 5.0),
                ("试驾", 7.0),
                ("报价谈判", 2.0),
                ("签约付款", 3.0),
                ("交车仪式", 6.0),
            ],
            (1.0, 7.0),
        );
        let (ops, t, p) = render(&c, AREA).unwrap();
        assert_labels_clear(&ops, &t);
        for k in 1..=7 {
            assert!(has(&t, &k.to_string()), "tick {k}");
        }
        assert!(!has(&t, "0") && !has(&t, "8") && !has(&t, "1.5"));
        for (name, _) in &c.steps {
            assert!(has(&t, name), "{name} on one line");
        }
        for s in ["波峰 7", "波谷 2", "末触点 6", "平均线 4.57"] {
            assert!(has(&t, s), "{s}");
        }
        assert_tidy(AREA, &t, &p);
    }

    #[test]
    fn edge_cases_draw_without_panicking() {
        // one step: it is the end, nothing else is highlighted
        let (_, t, p) = render(&chart(&[("唯一步骤", 1.0)], (-3.0, 3.0)), AREA).unwrap();
        assert!(has(&t, "唯一步骤") && has(&t, "末触点 1") && has(&t, "平均线 1.00"));
        assert!(!t.iter().any(|p| p.text.contains("波峰") || p.text.contains("波谷")));
        assert_tidy(AREA, &t, &p);

        // all equal
        let (_, t, p) =
            render(&chart(&[("一", 2.0), ("二", 2.0), ("三", 2.0)], (-3.0, 3.0)), AREA).unwrap();
        assert!(has(&t, "末触点 2") && !t.iter().any(|p| p.text.contains("波峰")));
        assert_tidy(AREA, &t, &p);

        // scores at the bounds: labels still inside the area
        let (ops, t, p) =
            render(&chart(&[("开始", 5.0), ("中间", -5.0), ("结束", 5.0)], (-5.0, 5.0)), AREA)
                .unwrap();
        assert_labels_clear(&ops, &t);
        assert!(has(&t, "波峰 5") && has(&t, "波谷 −5") && has(&t, "波峰·末触点 5"));
        assert_tidy(AREA, &t, &p);

        // scores outside the declared scale widen it; a reversed or NaN scale is replaced
        for scale in [(-3.0, 3.0), (3.0, -3.0), (f64::NAN, 1.0), (0.0, 0.0)] {
            let (_, t, p) =
                render(&chart(&[("甲", 6.0), ("乙", -1.0), ("丙", 0.0)], scale), AREA).unwrap();
            assert!(has(&t, "波峰 6"), "{scale:?}");
            assert_tidy(AREA, &t, &p);
        }

        // a missing score breaks the curve but not the chart
        let (_, t, p) = render(
            &chart(&[("甲", 1.0), ("乙", f64::NAN), ("丙", -2.0), ("丁", 2.0)], (-3.0, 3.0)),
            AREA,
        )
        .unwrap();
        assert!(has(&t, "乙") && has(&t, "波峰·末触点 2") && has(&t, "波谷 −2"));
        assert_tidy(AREA, &t, &p);

        // errors, not panics
        assert!(matches!(render(&chart(&[], (-3.0, 3.0)), AREA), Err(DrawError::NoData(_))));
        assert!(matches!(
            render(&chart(&[("甲", f64::NAN)], (-3.0, 3.0)), AREA),
            Err(DrawError::NoData(_))
        ));
        let steps = [("甲", 1.0), ("乙", 2.0)];
        for (w, h) in
            [(60.0, 240.0), (480.0, 50.0), (0.0, 0.0), (-10.0, 100.0), (f32::NAN, f32::NAN)]
        {
            let area = Area { width: w, height: h, ..AREA };
            assert!(
                matches!(
                    render(&chart(&steps, (-3.0, 3.0)), area),
                    Err(DrawError::TooSmall { .. })
                ),
                "{w}×{h}"
            );
        }
    }

    #[test]
    fn twelve_very_long_names_are_shortened_and_nothing_overlaps() {
        let names: Vec<String> =
            (1..=12).map(|i| format!("第{i}步客户在门店里长时间排队等候办理业务")).collect();
        let steps: Vec<(&str, f64)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.as_str(), [3.0, -3.0, 1.0, -1.0][i % 4]))
            .collect();
        let (ops, t, p) = render(&chart(&steps, (-3.0, 3.0)), AREA).unwrap();
        assert_labels_clear(&ops, &t);
        let shortened = t.iter().filter(|p| p.text.ends_with('…')).count();
        assert_eq!(shortened, 12);
        assert_tidy(AREA, &t, &p);
    }

    #[test]
    fn crowded_labels_move_aside() {
        // tied peaks closer together than their labels are wide, valleys likewise
        let area = Area { x: 100.0, y: 100.0, width: 300.0, height: 200.0 };
        let steps: Vec<(&str, f64)> = [3.0, 3.0, 3.0, 0.0, -3.0, -3.0, -3.0, 0.0, 2.0, 1.0]
            .iter()
            .enumerate()
            .map(|(i, v)| (["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i], *v))
            .collect();
        let (ops, t, p) = render(&chart(&steps, (-3.0, 3.0)), area).unwrap();
        assert_eq!(t.iter().filter(|p| p.text == "波峰 3").count(), 3);
        assert_eq!(t.iter().filter(|p| p.text == "波谷 −3").count(), 3);
        assert_tidy(area, &t, &p);
        assert_labels_clear(&ops, &t);
    }

    #[test]
    fn placement_prefers_the_first_free_spot() {
        let bounds = Box2 { x0: 0.0, y0: 0.0, x1: 400.0, y1: 400.0 };
        let empty =
            || Scene { bounds, obstacles: Vec::new(), curve: Vec::new(), avoid: Vec::new() };
        let size = (40.0, 10.0);
        let free = empty().place(size, (200.0, 200.0), 10.0, true);
        assert_eq!(free, Box2 { x0: 180.0, y0: 180.0, x1: 220.0, y1: 190.0 });
        // above is taken: the label moves, and lands on nothing
        let taken = Box2 { x0: 150.0, y0: 150.0, x1: 250.0, y1: 195.0 };
        let moved =
            Scene { obstacles: vec![taken], ..empty() }.place(size, (200.0, 200.0), 10.0, true);
        assert!(!moved.overlaps(&taken) && bounds.contains(&moved));
        // a curve through the spot below is avoided too
        let line = ((150.0, 215.0), (250.0, 215.0));
        let below = Scene { curve: vec![line], ..empty() }.place(size, (200.0, 200.0), 10.0, false);
        assert!(!below.grow(1.0).crosses(line));
        // a line to avoid moves the label off it when there is room
        let off = Scene { avoid: vec![185.0], ..empty() }.place(size, (200.0, 200.0), 10.0, true);
        assert!(!(off.y0 < 185.0 && 185.0 < off.y1));
        // near the edge it is pushed inside
        let edge = empty().place(size, (5.0, 200.0), 10.0, true);
        assert_eq!((edge.x0, edge.x1), (0.0, 40.0));
    }

    #[test]
    fn a_smaller_area_still_fits() {
        let area = Area { x: 100.0, y: 100.0, width: 300.0, height: 160.0 };
        let (ops, t, p) = render(&hospital(), area).unwrap();
        assert_labels_clear(&ops, &t);
        assert!(has(&t, "波峰 4"));
        assert_tidy(area, &t, &p);
    }

    #[test]
    fn labels_come_from_the_chart_language() {
        let tw = EmotionChart { lang: Language::ZhTw, ..hospital() };
        let (_, t, _) = render(&tw, AREA).unwrap();
        for s in ["平均線 0.10", "波峰 4", "波谷 −4", "末觸點 3", "情緒"] {
            assert!(has(&t, s), "{s}");
        }
        let en = EmotionChart { lang: Language::En, ..hospital() };
        let (_, t, p) = render(&en, AREA).unwrap();
        for s in ["Average 0.10", "Peak 4", "Valley −4", "End 3", "Emotion"] {
            assert!(has(&t, s), "{s}");
        }
        assert_tidy(AREA, &t, &p);
    }

    #[test]
    fn category_labels_break_between_words_or_are_shortened() {
        let faces = Faces::embedded().unwrap();
        let f = &faces.regular;
        assert_eq!(fit_label(f, "进店", 8.0, 40.0), ("进店".to_owned(), true));
        // after an even number of ideographs, fuller first line
        assert_eq!(fit_label(f, "线上预约挂号", 8.0, 33.0), ("线上预约\n挂号".to_owned(), true));
        assert_eq!(
            fit_label(f, "到院停车找车位", 8.0, 33.0),
            ("到院停车\n找车位".to_owned(), true)
        );
        assert_eq!(fit_label(f, "Arrival at the desk", 8.0, 60.0).0, "Arrival at\nthe desk");
        let (long, clean) = fit_label(f, "客户在门店里长时间排队等候", 8.0, 33.0);
        assert!(!clean);
        assert_eq!(long, "客户在门\n店里长…");
        // the categories pick one size for all labels: the largest that needs no shortening
        let c = Canvas::new(&faces, Flavor::Pdf, 4.0, (400, 400));
        let (size, texts) = fit_categories(&c, &["迎宾问候", "报价谈判"], 33.0);
        assert_eq!((size, texts), (8.0, vec!["迎宾问候".to_owned(), "报价谈判".to_owned()]));
    }

    #[test]
    fn ticks_and_numbers() {
        assert_eq!(ticks(-5.0, 5.0, 11), (-5..=5).map(f64::from).collect::<Vec<_>>());
        assert_eq!(ticks(1.0, 7.0, 20), (1..=7).map(f64::from).collect::<Vec<_>>());
        assert_eq!(ticks(-5.0, 5.0, 6), vec![-4.0, -2.0, 0.0, 2.0, 4.0]);
        assert_eq!(
            ticks(0.0, 100.0, 11),
            (0..=10).map(|k| f64::from(k) * 10.0).collect::<Vec<_>>()
        );
        assert_eq!(ticks(0.0, 1.5, 4), vec![0.0, 0.5, 1.0, 1.5]);
        let faces = Faces::embedded().unwrap();
        let c = Canvas::new(&faces, Flavor::Pdf, 4.0, (400, 400));
        assert_eq!(c.num(-1.0, 2), "−1");
        assert_eq!(c.num(-0.04, 1), "0");
        assert_eq!(c.num(0.126, 2), "0.13");
        assert_eq!(c.num(4.6, 1), "4.6");
        assert_eq!(value_range((-3.0, 3.0), [5.0, -1.0].into_iter()), (-3.0, 5.0));
        assert_eq!(value_range((3.0, -3.0), [2.0, 2.0].into_iter()), (1.0, 3.0));
    }
}
