//! The journey map (客户旅程图): the emotion curve across the steps with the average line
//! (提升平均线), the valleys (波谷), the peak (波峰) and the end (末触点) marked and
//! labelled; under each step the kinds of key touchpoint it is (5类关键触点) as symbols,
//! its name, and under it the numbers of its pain points (痛点), listed in full beneath
//! the map in wide columns (or, when the list would leave the curve too little room, their
//! count per step, the text being the journey table's).
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
    block_height, figure, left_axis, left_axis_room, palette, size, ticks,
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
    c.width(&format!("{} {}", w.average, figure::mean(chart.moments.mean)), size::LABEL, true) + 8.0
}

/// The pain points listed under the map: each numbered (in step order, the number also
/// under its step), wrapped to the width of its column, never cut.
#[derive(Debug, Clone, PartialEq)]
pub struct PainList {
    /// Room for the numbers before the texts, points.
    pub number_w: f32,
    /// Width of a column, points.
    pub column_w: f32,
    /// Per column, its entries: the number and the lines of the text.
    pub entries: Vec<Vec<(usize, Vec<String>)>>,
    /// Height of the tallest column, points.
    pub height: f32,
}

/// The gap between the list's columns, points.
const COLUMN_GAP: f32 = 10.0;
/// The least height of the curve's plot, points.
const MIN_CURVE: f32 = 100.0;
/// The row of numbers under the step names.
const BADGE_ROW: f32 = 13.0;
/// Radius of a number badge.
const BADGE_R: f32 = 4.6;

fn pain_line_h() -> f32 {
    PAIN_SIZE * 1.25
}

/// The pain points of `steps` listed in `width` points: two columns from 300 pt, three
/// from 640 pt; the entries in order, down the first column, then the next, the columns as
/// even as the entries allow.
pub fn pain_list(faces: &Faces, steps: &[JourneyStep], width: f32) -> PainList {
    let columns: usize = if width >= 640.0 {
        3
    } else if width >= 300.0 {
        2
    } else {
        1
    };
    let column_w = (width - COLUMN_GAP * (columns as f32 - 1.0)) / columns as f32;
    // the widest number's badge and a gap
    let count: usize = steps.iter().map(|s| s.pain_points.len()).sum();
    let widest = faces.bold.width(&count.to_string(), size::NOTE);
    let number_w = 2.0 * BADGE_R.max(widest / 2.0 + 1.4) + 3.5;
    let text_w = (column_w - number_w).max(20.0);
    let all: Vec<(usize, Vec<String>)> = steps
        .iter()
        .flat_map(|s| s.pain_points.iter())
        .enumerate()
        .map(|(k, p)| (k + 1, wrap(&faces.regular, p, PAIN_SIZE, text_w, 40)))
        .collect();
    let entry_h = |lines: usize| lines as f32 * pain_line_h() + 2.0;
    let total: f32 = all.iter().map(|(_, l)| entry_h(l.len())).sum();
    let target = total / columns as f32;
    let mut entries: Vec<Vec<(usize, Vec<String>)>> = vec![Vec::new(); columns];
    let (mut col, mut used) = (0, 0.0);
    for e in all {
        let h = entry_h(e.1.len());
        // the next column once this one is full, when the entry fits better there
        if col + 1 < columns && used > 0.0 && used + h / 2.0 > target {
            col += 1;
            used = 0.0;
        }
        used += h;
        entries[col].push(e);
    }
    let height = entries
        .iter()
        .map(|c| c.iter().map(|(_, l)| entry_h(l.len())).sum::<f32>())
        .fold(0.0, f32::max);
    PainList { number_w, column_w, entries, height }
}

/// A height in points that shows every pain point of `chart` at `width`, within reason.
pub fn preferred_height(chart: &JourneyChart, c: &Canvas<'_>, width: f32) -> f32 {
    let list = pain_list(c.faces, &chart.steps, width - 2.0);
    let pain = if list.height > 0.0 { BADGE_ROW + 12.0 + list.height } else { 0.0 };
    (230.0 + pain).min(560.0)
}

/// Radius of the badge of `n`.
fn badge_r(c: &Canvas<'_>, n: &str) -> f32 {
    BADGE_R.max(c.width(n, size::NOTE, true) / 2.0 + 1.4)
}

/// A pain point's number in a vermillion disc, centred on `at`.
fn badge<DB: DrawingBackend>(c: &Canvas<'_>, area: &Area<DB>, n: &str, at: (f32, f32)) -> Drawn {
    let r = badge_r(c, n);
    let disc = Marker { shape: Shape::Circle, r, color: VALLEY.0, rim: 0.0, hollow: false };
    c.marker(area, &disc, at)?;
    let t = Text::new(size::NOTE).bold().color(palette::WHITE).anchor(HPos::Center, VPos::Center);
    c.text(area, n, at, &t)
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

    // the pain points: numbered under their steps and listed in full below the map when
    // the list leaves the curve room; else only their count under each step, the text
    // being the journey table's
    let has_pain = chart.steps.iter().any(|s| !s.pain_points.is_empty());
    let list = pain_list(c.faces, &chart.steps, width - 2.0);
    let badges_h = if has_pain { BADGE_ROW + 4.0 } else { 0.0 };
    let fixed_h = top + 2.0 + names_h + kinds_h + 6.0 + badges_h;
    let listed = has_pain && height - fixed_h - list.height - 8.0 >= MIN_CURVE;
    let below_h = if !has_pain {
        0.0
    } else if listed {
        list.height + 8.0
    } else {
        size::NOTE + 5.0
    };
    let plot = Plot {
        x0: left,
        y0: top + 2.0,
        x1: width - right,
        y1: height - below_h - badges_h - names_h - kinds_h - 6.0,
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
        let label = format!("{} {}", w.average, figure::mean(mean));
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
        let text = format!("{} {}", words.join("·"), figure::typed(chart.steps[i].emotion));
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
    if has_pain {
        // the numbers (or the counts) under each step
        let cy = row + BADGE_ROW / 2.0;
        let head = Text::new(size::LABEL).bold().color(VALLEY.1).anchor(HPos::Left, VPos::Center);
        c.text(area, &w.pain_points, (1.0, cy), &head)?;
        let more = Text::new(size::NOTE).bold().color(VALLEY.1).anchor(HPos::Center, VPos::Center);
        let mut next = 1;
        for (i, s) in chart.steps.iter().enumerate() {
            let n = s.pain_points.len();
            if n == 0 {
                continue;
            }
            let first = next;
            next += n;
            if !listed {
                c.text(area, &format!("{}{n}", w.pain_count), (cx(i), cy), &more)?;
                continue;
            }
            // the numbers side by side; when they do not fit the slot, their range
            let numbers: Vec<String> = (first..next).map(|k| k.to_string()).collect();
            let width_of = |t: &str| 2.0 * badge_r(c, t) + 2.5;
            let all: f32 = numbers.iter().map(|t| width_of(t)).sum();
            if all > slot - 2.0 {
                let range = format!("{}–{}", first, next - 1);
                c.text(area, &range, (cx(i), cy), &more)?;
                continue;
            }
            let mut x = cx(i) - all / 2.0;
            for t in &numbers {
                let bw = width_of(t);
                badge(c, area, t, (x + bw / 2.0, cy))?;
                x += bw;
            }
        }
        row += badges_h;
        if listed {
            c.line(area, &[(1.0, row), (width - 1.0, row)], palette::GRID, 0.6)?;
            let line_h = pain_line_h();
            for (k, column) in list.entries.iter().enumerate() {
                let x = 1.0 + k as f32 * (list.column_w + COLUMN_GAP);
                let mut y = row + 4.0;
                for (n, lines) in column {
                    let n = n.to_string();
                    badge(c, area, &n, (x + badge_r(c, &n), y + PAIN_SIZE / 2.0))?;
                    c.text(area, &lines.join("\n"), (x + list.number_w, y), &Text::new(PAIN_SIZE))?;
                    y += lines.len() as f32 * line_h + 2.0;
                }
            }
        } else {
            let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Left, VPos::Bottom);
            c.text(area, &w.pain_points_in_table, (1.0, height - 1.0), &t)?;
        }
    }
    Ok(())
}
