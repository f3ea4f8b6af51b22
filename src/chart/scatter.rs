//! The scatter plot the quadrant charts share (Kano Better–Worse, continuous Kano, IPA,
//! MOT proposals): value axes, split lines with quadrant names, markers (coincident points
//! fanned out so each stays visible), and a label per point placed by [`super::place`],
//! with a leader line when it had to move away. An optional key on the right lists what
//! short labels stand for.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::place::{Label, Placer, Rect};
use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Marker, Plot, Swatch, Text, block_height,
    bottom_axis, bottom_axis_room, grid, left_axis, left_axis_room, nice_ticks, palette, size,
    span,
};
use crate::text::wrap;

/// One axis of a scatter: the value range, a split value, the title.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterAxis {
    /// Values shown.
    pub domain: (f64, f64),
    /// At most this many ticks.
    pub max_ticks: usize,
    /// Decimals of the tick labels.
    pub decimals: usize,
    /// Title.
    pub title: String,
    /// Where the quadrants split, if anywhere.
    pub split: Option<f64>,
    /// Ticks on whole numbers only (a scale of whole scores).
    pub whole: bool,
}

impl ScatterAxis {
    /// An axis over the values, padded, on multiples of `step`, within `hard`, always
    /// showing the split.
    pub fn fitted(
        title: &str,
        values: impl IntoIterator<Item = f64>,
        split: Option<f64>,
        step: f64,
        hard: (f64, f64),
    ) -> Self {
        let keep: Vec<f64> = split.into_iter().collect();
        let domain = span(values, &keep, 0.08, step, hard);
        Self { domain, max_ticks: 8, decimals: 2, title: title.to_owned(), split, whole: false }
    }
}

/// A named quadrant.
#[derive(Debug, Clone, PartialEq)]
pub struct Quadrant {
    /// Its name.
    pub name: String,
    /// Its colour (text).
    pub color: RGBColor,
    /// Shade it lightly (e.g. the quick wins).
    pub shade: Option<RGBColor>,
}

/// A point.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Horizontal value.
    pub x: f64,
    /// Vertical value.
    pub y: f64,
    /// Its label (one line; shortened to fit).
    pub label: String,
    /// How it is drawn.
    pub marker: Marker,
}

/// A scatter chart, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Scatter {
    /// Title, drawn when the chart is drawn with titles.
    pub title: String,
    /// Horizontal axis.
    pub x: ScatterAxis,
    /// Vertical axis.
    pub y: ScatterAxis,
    /// Quadrants: top-left, top-right, bottom-left, bottom-right.
    pub quadrants: [Option<Quadrant>; 4],
    /// The points.
    pub points: Vec<Point>,
    /// Legend entries, above the plot.
    pub legend: Vec<Swatch>,
    /// A note under the plot, right-aligned (e.g. where the split is).
    pub note: String,
    /// A key right of the plot: short label and what it stands for.
    pub key: Vec<(String, String)>,
    /// Widest label, points (longer ones are wrapped, then shortened).
    pub max_label: f32,
    /// Lines a label may take.
    pub label_lines: usize,
}

const MARGIN: f32 = 4.0;

/// Draw `s` into `area`.
pub fn draw<DB: DrawingBackend>(
    s: &Scatter,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let (w, h) = c.size;
    let mut top = c.title(area, show_title.then_some(s.title.as_str()))?;
    if !s.legend.is_empty() {
        top += c.legend(area, &s.legend, (1.0, top), w - 2.0)? + 3.0;
    }
    // the key's column on the right
    let key_w = if s.key.is_empty() { 0.0 } else { (w * 0.36).min(200.0) };
    let x_axis = axis(&s.x);
    let y_axis = axis(&s.y);
    let note_h = if s.note.is_empty() { 0.0 } else { size::NOTE + 2.0 };
    let left = left_axis_room(c, &y_axis) + 1.0;
    // the note shares the axis title's row when it fits beside the centred title, else it
    // takes a row of its own under it
    let rough_w = w - left - key_w - MARGIN;
    let title_w = c.width(&s.x.title, size::AXIS_TITLE, false).min(rough_w);
    let note_w = c.width(&s.note, size::NOTE, false);
    let own_row = !s.note.is_empty() && note_w + 6.0 > (rough_w - title_w) / 2.0;
    let bottom = if own_row {
        bottom_axis_room(&x_axis) + note_h + 1.0
    } else {
        bottom_axis_room(&x_axis).max(note_h + size::TICK + 6.0)
    };
    // room for half the last tick label right of the plot
    let last =
        x_axis.ticks.last().map_or(0.0, |&t| c.width(&x_axis.label(c, t), size::TICK, false) / 2.0);
    let plot =
        Plot { x0: left, y0: top + 2.0, x1: w - MARGIN.max(last + 1.0) - key_w, y1: h - bottom };
    if plot.w() < 60.0 || plot.h() < 50.0 {
        return Err(DrawError::TooSmall { width: w, height: h });
    }
    let x_axis = Axis { scale: Linear { domain: s.x.domain, range: (plot.x0, plot.x1) }, ..x_axis };
    let y_axis = Axis { scale: Linear { domain: s.y.domain, range: (plot.y1, plot.y0) }, ..y_axis };

    // quadrant shading, grid, split lines
    let sx = s.x.split.map(|v| x_axis.scale.at(v).clamp(plot.x0, plot.x1));
    let sy = s.y.split.map(|v| y_axis.scale.at(v).clamp(plot.y0, plot.y1));
    let cx = sx.unwrap_or((plot.x0 + plot.x1) / 2.0);
    let cy = sy.unwrap_or((plot.y0 + plot.y1) / 2.0);
    let boxes = [
        Rect { x0: plot.x0, y0: plot.y0, x1: cx, y1: cy },
        Rect { x0: cx, y0: plot.y0, x1: plot.x1, y1: cy },
        Rect { x0: plot.x0, y0: cy, x1: cx, y1: plot.y1 },
        Rect { x0: cx, y0: cy, x1: plot.x1, y1: plot.y1 },
    ];
    for (q, b) in s.quadrants.iter().zip(&boxes) {
        if let Some(shade) = q.as_ref().and_then(|q| q.shade) {
            c.fill(area, (b.x0, b.y0), (b.x1, b.y1), shade)?;
        }
    }
    grid(c, area, &plot, Some(&x_axis), Some(&y_axis))?;
    let mut lines = Vec::new();
    if let Some(x) = sx {
        c.dashed(area, (x, plot.y0), (x, plot.y1), palette::REFERENCE, 0.8, (3.0, 2.0))?;
        lines.push(((x, plot.y0), (x, plot.y1)));
    }
    if let Some(y) = sy {
        c.dashed(area, (plot.x0, y), (plot.x1, y), palette::REFERENCE, 0.8, (3.0, 2.0))?;
        lines.push(((plot.x0, y), (plot.x1, y)));
    }

    // markers, coincident ones fanned out
    let positions = fan_out(
        &s.points
            .iter()
            .map(|p| ((x_axis.scale.at(p.x), y_axis.scale.at(p.y)), p.marker.r))
            .collect::<Vec<_>>(),
    );
    let markers: Vec<Rect> = s
        .points
        .iter()
        .zip(&positions)
        .map(|(p, &at)| Rect::around(at, p.marker.r + p.marker.rim))
        .collect();

    // quadrant names in the corner of their quadrant that covers the fewest markers
    let mut obstacles = markers.clone();
    let inner = Rect { x0: plot.x0 + 2.0, y0: plot.y0 + 2.0, x1: plot.x1 - 2.0, y1: plot.y1 - 2.0 };
    let mut names = Vec::new();
    for (k, (q, b)) in s.quadrants.iter().zip(&boxes).enumerate() {
        let Some(q) = q else { continue };
        let tw = c.width(&q.name, size::QUADRANT, true);
        let th = size::QUADRANT;
        // the outer corner first
        let corners = match k {
            0 => [(b.x0, b.y0), (b.x0, b.y1 - th), (b.x1 - tw, b.y0), (b.x1 - tw, b.y1 - th)],
            1 => [(b.x1 - tw, b.y0), (b.x1 - tw, b.y1 - th), (b.x0, b.y0), (b.x0, b.y1 - th)],
            2 => [(b.x0, b.y1 - th), (b.x0, b.y0), (b.x1 - tw, b.y1 - th), (b.x1 - tw, b.y0)],
            _ => [(b.x1 - tw, b.y1 - th), (b.x1 - tw, b.y0), (b.x0, b.y1 - th), (b.x0, b.y0)],
        };
        let inset = |(x, y): (f32, f32)| -> Rect {
            let x = x.max(b.x0 + 3.0).min(b.x1 - 3.0 - tw).max(inner.x0).min(inner.x1 - tw);
            let y = y.max(b.y0 + 3.0).min(b.y1 - 3.0 - th).max(inner.y0).min(inner.y1 - th);
            Rect::at(x, y, (tw, th))
        };
        let spot = corners
            .iter()
            .map(|&p| inset(p))
            .enumerate()
            .min_by_key(|(i, r)| {
                (markers.iter().filter(|m| m.overlaps(&r.grow(1.0))).count() * 10 + i, *i)
            })
            .map(|(_, r)| r)
            .unwrap_or_else(|| inset(corners[0]));
        obstacles.push(spot.grow(1.0));
        names.push((q, spot));
    }
    for (q, spot) in &names {
        c.text(
            area,
            &q.name,
            (spot.x0, spot.y0),
            &Text::new(size::QUADRANT).bold().color(q.color),
        )?;
    }

    // labels
    let max_label = s.max_label.min(plot.w() * 0.45);
    let face = c.face(false);
    let texts: Vec<String> = s
        .points
        .iter()
        .map(|p| wrap(face, &p.label, size::LABEL, max_label, s.label_lines.max(1)).join("\n"))
        .collect();
    let mut placer = Placer::new(Rect {
        x0: plot.x0 + 1.0,
        y0: plot.y0 + 1.0,
        x1: plot.x1 - 1.0,
        y1: plot.y1 - 1.0,
    });
    placer.obstacles = obstacles;
    placer.lines = lines;
    let labels: Vec<Label> = texts
        .iter()
        .zip(&s.points)
        .zip(&positions)
        .map(|((t, p), &at)| {
            let lines: Vec<String> = t.split('\n').map(str::to_owned).collect();
            Label {
                anchor: at,
                size: c.block(&lines, size::LABEL, false),
                radius: p.marker.r + p.marker.rim,
            }
        })
        .collect();
    let placed = placer.place_all(&labels);
    for p in &placed {
        if let Some((a, b)) = p.leader {
            c.line(area, &[a, b], palette::LEADER, 0.5)?;
        }
    }
    // larger markers first, so that small ones stay visible on top
    let mut order: Vec<usize> = (0..s.points.len()).collect();
    order.sort_by(|&a, &b| s.points[b].marker.r.total_cmp(&s.points[a].marker.r).then(a.cmp(&b)));
    for i in order {
        c.marker(area, &s.points[i].marker, positions[i])?;
    }
    for ((t, p), at) in texts.iter().zip(&placed).zip(&positions) {
        // lines of a label left of its point end at the point's side
        if p.rect.x1 <= at.0 + 0.5 {
            let right = Text::new(size::LABEL).anchor(HPos::Right, VPos::Top);
            c.text(area, t, (p.rect.x1, p.rect.y0), &right)?;
        } else {
            c.text(area, t, (p.rect.x0, p.rect.y0), &Text::new(size::LABEL))?;
        }
    }

    left_axis(c, area, &plot, &y_axis)?;
    bottom_axis(c, area, &plot, &x_axis)?;
    if !s.note.is_empty() {
        let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Right, VPos::Bottom);
        let note = crate::text::shorten(c.face(false), &s.note, size::NOTE, w - 2.0);
        let x = if c.width(&note, size::NOTE, false) > plot.x1 - 1.0 { w - 1.0 } else { plot.x1 };
        c.text(area, &note, (x, h - 1.0), &t)?;
    }
    if !s.key.is_empty() {
        key(c, area, &s.key, Rect { x0: plot.x1 + 10.0, y0: plot.y0, x1: w - 1.0, y1: h - 1.0 })?;
    }
    Ok(())
}

fn axis(a: &ScatterAxis) -> Axis {
    let t = nice_ticks(a.domain.0, a.domain.1, a.max_ticks, a.whole);
    let decimals = decimals_for(&t).min(a.decimals);
    Axis {
        scale: Linear { domain: a.domain, range: (0.0, 1.0) },
        ticks: t,
        decimals,
        suffix: "",
        title: a.title.clone(),
    }
}

/// The fewest decimals that tell the ticks apart (at most 2).
pub fn decimals_for(ticks: &[f64]) -> usize {
    (0..=2)
        .find(|&d| {
            let m = 10f64.powi(d as i32);
            ticks.iter().all(|t| ((t * m).round() - t * m).abs() < 1e-6)
        })
        .unwrap_or(2)
}

/// Positions of markers, with points closer than their radii fanned out in a ring around
/// their common centre.
fn fan_out(points: &[((f32, f32), f32)]) -> Vec<(f32, f32)> {
    let mut out: Vec<(f32, f32)> = points.iter().map(|(p, _)| *p).collect();
    let mut done = vec![false; points.len()];
    for i in 0..points.len() {
        if done[i] {
            continue;
        }
        let (p, r) = points[i];
        let group: Vec<usize> = (i..points.len())
            .filter(|&j| {
                !done[j] && {
                    let (q, _) = points[j];
                    ((q.0 - p.0).powi(2) + (q.1 - p.1).powi(2)).sqrt() < 0.5
                }
            })
            .collect();
        for &j in &group {
            done[j] = true;
        }
        if group.len() < 2 {
            continue;
        }
        let rmax = group.iter().map(|&j| points[j].1).fold(r, f32::max);
        let n = group.len() as f32;
        // far enough apart that neighbours on the ring do not touch
        let ring = (rmax + 0.8) / (std::f32::consts::PI / n).sin().max(0.3);
        for (k, &j) in group.iter().enumerate() {
            let a = std::f32::consts::TAU * k as f32 / n - std::f32::consts::FRAC_PI_2;
            out[j] = (p.0 + ring * a.cos(), p.1 + ring * a.sin());
        }
    }
    out
}

/// The key: each short label in bold, then its text wrapped beside it.
fn key<DB: DrawingBackend>(
    c: &Canvas<'_>,
    area: &Area<DB>,
    items: &[(String, String)],
    b: Rect,
) -> Drawn {
    let id_w =
        items.iter().map(|(id, _)| c.width(id, size::LEGEND, true)).fold(0.0, f32::max) + 3.0;
    let text_w = (b.x1 - b.x0 - id_w).max(20.0);
    let lines: Vec<Vec<String>> =
        items.iter().map(|(_, t)| wrap(c.face(false), t, size::LEGEND, text_w, 3)).collect();
    let needed: f32 = lines.iter().map(|l| block_height(l.len(), size::LEGEND) + 3.0).sum();
    // fewer lines each when the key would run out of room
    let lines: Vec<Vec<String>> = if needed > b.y1 - b.y0 {
        items.iter().map(|(_, t)| wrap(c.face(false), t, size::LEGEND, text_w, 1)).collect()
    } else {
        lines
    };
    let mut y = b.y0;
    for ((id, _), l) in items.iter().zip(&lines) {
        let h = block_height(l.len(), size::LEGEND);
        if y + h > b.y1 {
            break;
        }
        c.text(area, id, (b.x0, y), &Text::new(size::LEGEND).bold())?;
        c.text(area, &l.join("\n"), (b.x0 + id_w, y), &Text::new(size::LEGEND))?;
        y += h + 3.0;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coincident_points_fan_out() {
        let pts =
            [((10.0, 10.0), 3.0), ((10.0, 10.0), 3.0), ((50.0, 10.0), 3.0), ((10.0, 10.0), 3.0)];
        let out = fan_out(&pts);
        assert_eq!(out[2], (50.0, 10.0));
        for (i, a) in [0, 1, 3].iter().enumerate() {
            for b in &[0, 1, 3][i + 1..] {
                let (p, q) = (out[*a], out[*b]);
                assert!(((p.0 - q.0).powi(2) + (p.1 - q.1).powi(2)).sqrt() >= 6.0, "{p:?} {q:?}");
            }
        }
        assert_eq!(decimals_for(&[0.0, 0.5, 1.0]), 1);
        assert_eq!(decimals_for(&[1.0, 2.0]), 0);
        assert_eq!(decimals_for(&[0.25, 0.5]), 2);
    }
}
