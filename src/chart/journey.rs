//! The journey map (客户旅程图): the emotion curve across the steps with the average line
//! (提升平均线), the valleys (波谷), the peak (波峰) and the end (末触点) marked and
//! labelled; under each step the kinds of key touchpoint it is (5类关键触点) as symbols,
//! its name, and its pain points (痛点) in a column beneath.
//!
//! The key moments arrive with the data (METHODS §5: average = mean, peak = max, valleys =
//! local minima at the lowest score or more than one SD below the mean, end = last step),
//! computed by the journey analysis; this module only draws them.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::place::{Label, Placer, Rect};
use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Marker, Plot, Shape, Swatch, SwatchKind, Text,
    block_height, left_axis, left_axis_room, palette, size, ticks,
};
use crate::model::TouchpointKind;
use crate::text::Faces;
use crate::text::{fit_label, wrap};
use crate::view::chart_words::Words;
use crate::view::specs::{JourneyChart, JourneyStep};

const CURVE: RGBColor = palette::BLUE;
const PEAK: (RGBColor, RGBColor) = (palette::GREEN, palette::GREEN_INK);
const VALLEY: (RGBColor, RGBColor) = (palette::VERMILLION, palette::VERMILLION_INK);
const END: RGBColor = palette::TEXT;
const PAIN_SIZE: f32 = 7.0;
const NAME_SIZE: f32 = 7.5;
const KIND_ROW: f32 = 11.0;

/// The symbol and colour of a touchpoint kind.
pub fn kind_style(k: TouchpointKind) -> (RGBColor, Shape) {
    match k {
        TouchpointKind::First => (palette::BLUE, Shape::Triangle),
        TouchpointKind::Complaint => (palette::VERMILLION, Shape::TriangleDown),
        TouchpointKind::HighFrequency => (palette::ORANGE, Shape::Diamond),
        TouchpointKind::HighPerception => (palette::PURPLE, Shape::Star),
        TouchpointKind::End => (palette::MUTED, Shape::Square),
    }
}

/// Left margin for the emotion axis.
fn left_room(c: &Canvas<'_>, chart: &JourneyChart) -> f32 {
    let (lo, hi) = value_range(chart);
    let probe = Axis {
        scale: Linear { domain: (lo, hi), range: (0.0, 1.0) },
        ticks: ticks(lo, hi, 8),
        decimals: 1,
        suffix: "",
        title: Words::of(chart.lang).emotion.to_owned(),
    };
    left_axis_room(c, &probe)
        .max(c.width(&Words::of(chart.lang).pain_points, size::LABEL, true) + 4.0)
}

/// Right margin for the average line's label.
fn right_room(c: &Canvas<'_>, chart: &JourneyChart) -> f32 {
    let w = Words::of(chart.lang);
    c.width(&format!("{} {}", w.average, c.num(chart.moments.mean, 1)), size::LABEL, true) + 8.0
}

/// The pain points of each step wrapped to the step's column: lines per step.
fn pain_lines(
    faces: &Faces,
    steps: &[JourneyStep],
    column: f32,
    max_lines: usize,
) -> Vec<Vec<(bool, String)>> {
    let bullet = faces.regular.width("• ", PAIN_SIZE);
    steps
        .iter()
        .map(|s| {
            let mut out: Vec<(bool, String)> = Vec::new();
            for p in &s.pain_points {
                let room = max_lines.saturating_sub(out.len());
                if room == 0 {
                    break;
                }
                for (k, l) in wrap(&faces.regular, p, PAIN_SIZE, column - bullet, room)
                    .into_iter()
                    .enumerate()
                {
                    out.push((k == 0, l));
                }
            }
            out
        })
        .collect()
}

/// A height in points that shows every pain point of `chart` at `width`, within reason.
pub fn preferred_height(chart: &JourneyChart, c: &Canvas<'_>, width: f32) -> f32 {
    let n = chart.steps.len().max(1) as f32;
    let column = (width - left_room(c, chart) - right_room(c, chart)) / n - 4.0;
    let lines = pain_lines(c.faces, &chart.steps, column.max(20.0), 40)
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let pain = if lines == 0 { 0.0 } else { 18.0 + lines as f32 * PAIN_SIZE * 1.25 };
    (240.0 + pain).min(560.0)
}

/// The value range of the curve: the declared scale, widened to hold every score.
fn value_range(chart: &JourneyChart) -> (f64, f64) {
    let (mut lo, mut hi) = if chart.scale.0 < chart.scale.1 {
        chart.scale
    } else {
        (f64::INFINITY, f64::NEG_INFINITY)
    };
    for s in chart.steps.iter().filter(|s| s.emotion.is_finite()) {
        lo = lo.min(s.emotion);
        hi = hi.max(s.emotion);
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return (-3.0, 3.0);
    }
    if hi - lo < 1e-9 { (lo - 1.0, hi + 1.0) } else { (lo, hi) }
}

/// The journey map.
pub fn journey<DB: DrawingBackend>(
    chart: &JourneyChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let n = chart.steps.len();
    if n == 0 {
        return Err(DrawError::NoData("the journey has no steps".into()));
    }
    if !chart.steps.iter().any(|s| s.emotion.is_finite()) {
        return Err(DrawError::NoData("no step of the journey has a score".into()));
    }
    let (width, height) = c.size;
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let kinds: Vec<TouchpointKind> = TouchpointKind::ALL
        .iter()
        .copied()
        .filter(|k| chart.steps.iter().any(|s| s.kinds.contains(k)))
        .collect();
    let mut legend: Vec<Swatch> = kinds
        .iter()
        .map(|&k| {
            let (color, shape) = kind_style(k);
            Swatch::new(SwatchKind::Marker(shape, false), color, k.label(chart.lang))
        })
        .collect();
    legend.push(Swatch::new(SwatchKind::Dashed, palette::MUTED, &w.average));
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;

    let left = left_room(c, chart);
    let right = right_room(c, chart);
    let slot = (width - left - right) / n as f32;
    if slot < 18.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    // step names, one size, at most two lines
    let names: Vec<String> = chart
        .steps
        .iter()
        .map(|s| {
            // two balanced lines when the name breaks cleanly; else words as they come,
            // the second line shortened
            let (fitted, clean) = fit_label(c.face(false), &s.name, NAME_SIZE, slot - 3.0);
            if clean {
                fitted
            } else {
                wrap(c.face(false), &s.name, NAME_SIZE, slot - 3.0, 2).join("\n")
            }
        })
        .collect();
    let name_lines = names.iter().map(|n| n.split('\n').count()).max().unwrap_or(1);
    let names_h = block_height(name_lines, NAME_SIZE) + 4.0;
    let kinds_h = if kinds.is_empty() { 0.0 } else { KIND_ROW };

    // the pain area: what it needs, at most 40 % of the height
    let has_pain = chart.steps.iter().any(|s| !s.pain_points.is_empty());
    let line_h = PAIN_SIZE * 1.25;
    let pain_budget =
        if has_pain { (height * 0.42).min(height - top - 150.0).max(0.0) } else { 0.0 };
    let max_lines = ((pain_budget - 14.0) / line_h).floor().max(0.0) as usize;
    let pains = pain_lines(c.faces, &chart.steps, slot - 4.0, max_lines);
    let used_lines = pains.iter().map(Vec::len).max().unwrap_or(0);
    let pain_h = if has_pain && used_lines > 0 { 14.0 + used_lines as f32 * line_h } else { 0.0 };

    let plot = Plot {
        x0: left,
        y0: top + 2.0,
        x1: width - right,
        y1: height - pain_h - names_h - kinds_h - 6.0,
    };
    if plot.h() < 70.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let (lo, hi) = value_range(chart);
    let headroom = 16.0_f64;
    let pad = (hi - lo) * headroom / (f64::from(plot.h()) - 2.0 * headroom).max(1.0);
    let y = Axis {
        scale: Linear { domain: (lo - pad, hi + pad), range: (plot.y1, plot.y0) },
        ticks: ticks(lo, hi, ((plot.h() - 32.0) / 14.0).max(2.0) as usize + 1),
        decimals: 1,
        suffix: "",
        title: w.emotion.to_owned(),
    };
    let cx = |i: usize| plot.x0 + (i as f32 + 0.5) * slot;

    // grid, neutral and average lines
    for &t in &y.ticks {
        let py = y.scale.at(t);
        c.line(area, &[(plot.x0, py), (plot.x1, py)], palette::GRID, 0.5)?;
    }
    let neutral = if lo < 0.0 && hi > 0.0 { 0.0 } else { (lo + hi) / 2.0 };
    let ny = y.scale.at(neutral);
    c.line(area, &[(plot.x0, ny), (plot.x1, ny)], palette::AXIS, 0.8)?;
    let mean = chart.moments.mean;
    let my = y.scale.at(mean);
    if mean.is_finite() {
        c.dashed(area, (plot.x0, my), (plot.x1, my), palette::MUTED, 0.9, (4.0, 2.5))?;
        let label = format!("{} {}", w.average, c.num(mean, 1));
        let t =
            Text::new(size::LABEL).bold().color(palette::MUTED).anchor(HPos::Left, VPos::Center);
        c.text(area, &label, (plot.x1 + 4.0, my), &t)?;
    }

    // the curve, broken where a score is missing
    let points: Vec<Option<(f32, f32)>> = chart
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| s.emotion.is_finite().then(|| (cx(i), y.scale.at(s.emotion))))
        .collect();
    let mut segments = Vec::new();
    for (i, pair) in points.windows(2).enumerate() {
        if let [Some(a), Some(b)] = pair {
            c.line(area, &[*a, *b], CURVE, 1.6)?;
            segments.push((*a, *b));
        }
        let _ = i;
    }
    let m = &chart.moments;
    let role = |i: usize| (m.peaks.contains(&i), m.valleys.contains(&i), m.end == Some(i));
    let mut obstacles = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let Some(p) = *p else { continue };
        let (peak, valley, end) = role(i);
        let (r, color) = if peak {
            (3.6, PEAK.0)
        } else if valley {
            (3.6, VALLEY.0)
        } else {
            (2.6, CURVE)
        };
        c.marker(area, &Marker { shape: Shape::Circle, r, color, rim: 0.8, hollow: false }, p)?;
        let mut extent = r + 0.8;
        if end {
            c.marker(
                area,
                &Marker { shape: Shape::Circle, r: 6.0, color: END, rim: 0.0, hollow: true },
                p,
            )?;
            extent = 6.5;
        }
        obstacles.push(Rect::around(p, extent));
    }
    // key-moment labels, placed off the curve
    let mut placer = Placer::new(Rect {
        x0: plot.x0 + 1.0,
        y0: plot.y0 + 1.0,
        x1: plot.x1 - 1.0,
        y1: plot.y1 - 1.0,
    });
    placer.obstacles = obstacles;
    placer.lines = segments;
    placer.line_cost = 600.0;
    if mean.is_finite() {
        placer.lines.push(((plot.x0, my), (plot.x1, my)));
    }
    for (i, p) in points.iter().enumerate() {
        let Some(p) = *p else { continue };
        let (peak, valley, end) = role(i);
        if !(peak || valley || end) {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        if peak {
            words.push(&w.peak);
        }
        if valley {
            words.push(&w.valley);
        }
        if end {
            words.push(&w.end);
        }
        let text = format!("{} {}", words.join("·"), c.num(chart.steps[i].emotion, 2));
        let ink = if peak {
            PEAK.1
        } else if valley {
            VALLEY.1
        } else {
            END
        };
        let size = (c.width(&text, size::LABEL, true), size::LABEL);
        let radius = if end { 6.5 } else { 4.4 };
        let placed = placer.place(&Label { anchor: p, size, radius });
        if let Some((a, b)) = placed.leader {
            c.line(area, &[a, b], palette::LEADER, 0.5)?;
        }
        c.text(
            area,
            &text,
            (placed.rect.x0, placed.rect.y0),
            &Text::new(size::LABEL).bold().color(ink),
        )?;
    }
    left_axis(c, area, &plot, &y)?;
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;

    // kinds, names, pain points per step
    let mut row = plot.y1 + 4.0;
    if !kinds.is_empty() {
        let cy = row + KIND_ROW / 2.0 - 1.0;
        for (i, s) in chart.steps.iter().enumerate() {
            let ks: Vec<TouchpointKind> =
                TouchpointKind::ALL.iter().copied().filter(|k| s.kinds.contains(k)).collect();
            let step = 8.5;
            let x0 = cx(i) - (ks.len() as f32 - 1.0) * step / 2.0;
            for (k, kind) in ks.iter().enumerate() {
                let (color, shape) = kind_style(*kind);
                c.marker(
                    area,
                    &Marker { shape, r: 2.8, color, rim: 0.0, hollow: false },
                    (x0 + k as f32 * step, cy),
                )?;
            }
        }
        row += KIND_ROW;
    }
    let t = Text::new(NAME_SIZE).anchor(HPos::Center, VPos::Top);
    for (i, name) in names.iter().enumerate() {
        c.text(area, name, (cx(i), row), &t)?;
    }
    row += names_h;
    if pain_h > 0.0 {
        let band = row + 2.0;
        c.line(area, &[(plot.x0, band), (plot.x1, band)], palette::AXIS, 0.6)?;
        let head = Text::new(size::LABEL).bold().color(VALLEY.1);
        c.text(area, &w.pain_points, (1.0, band + 3.0), &head)?;
        let bottom = (band + 4.0 + used_lines as f32 * line_h + 2.0).min(height - 1.0);
        for i in 1..n {
            let x = plot.x0 + i as f32 * slot;
            c.line(area, &[(x, band), (x, bottom)], palette::GRID, 0.5)?;
        }
        let bullet = c.width("• ", PAIN_SIZE, false);
        for (i, lines) in pains.iter().enumerate() {
            let x = plot.x0 + i as f32 * slot + 2.0;
            for (k, (first, line)) in lines.iter().enumerate() {
                let ly = band + 4.0 + k as f32 * line_h;
                if *first {
                    c.text(area, "•", (x, ly), &Text::new(PAIN_SIZE).bold().color(VALLEY.0))?;
                }
                c.text(area, line, (x + bullet, ly), &Text::new(PAIN_SIZE))?;
            }
        }
    }
    Ok(())
}
