//! The market damage model (METHODS §4; TARP, Goodman) in two panels. On the left, a
//! waterfall: the customers who had a problem, those who did not complain falling away,
//! those who complained, those not resolved falling away, those resolved. On the right, on
//! a scale of its own (the losses are a small part of the first bar), the customers lost,
//! stacked by where they were lost — the three parts the legend names, each labelled with
//! its count, the total above. The note gives the revenue at risk and the word-of-mouth
//! reach, as the analysis computed them.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Plot, Swatch, SwatchKind, Text, figure, grid,
    left_axis, left_axis_room, palette, size, ticks,
};
use crate::text::wrap;
use crate::view::chart_words::Words;
use crate::view::specs::DamageChart;

/// The customers who remain at each step.
pub const TOTAL: RGBColor = palette::BLUE;
/// Those who fall away (did not complain, not resolved).
pub const DROP: RGBColor = RGBColor(0xa9, 0xae, 0xb4);
/// The lost customers by where they were lost: not complained, unresolved, resolved.
pub const LOST: [RGBColor; 3] = [palette::VERMILLION, palette::ORANGE, palette::PURPLE];
/// The least height of a bar or a segment, points: a group of a few customers stays
/// visible (its label gives the number).
pub const MIN_BAR: f32 = 2.5;

/// Heights of the segments of a bar `total` points high, proportional to `values`, every
/// positive one at least [`MIN_BAR`] high (taken from the others in proportion).
pub fn segment_heights(values: &[f64], total: f32) -> Vec<f32> {
    let sum: f64 = values.iter().filter(|v| v.is_finite() && **v > 0.0).sum();
    if sum.is_nan() || sum <= 0.0 {
        return vec![0.0; values.len()];
    }
    let raw: Vec<f32> = values
        .iter()
        .map(|v| if v.is_finite() && *v > 0.0 { (v / sum) as f32 * total } else { 0.0 })
        .collect();
    let small: f32 = raw.iter().filter(|h| **h > 0.0 && **h < MIN_BAR).map(|_| MIN_BAR).sum();
    let large: f32 = raw.iter().filter(|h| **h >= MIN_BAR).sum();
    let room = (total - small).max(0.0);
    raw.iter()
        .map(|&h| {
            if h <= 0.0 {
                0.0
            } else if h < MIN_BAR {
                MIN_BAR
            } else if large > 0.0 {
                h * room / large
            } else {
                h
            }
        })
        .collect()
}

/// The two panels.
pub fn damage<DB: DrawingBackend>(
    chart: &DamageChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let np = chart.with_problem;
    if !(np.is_finite() && np > 0.0) {
        return Err(DrawError::NoData("no customers with a problem".into()));
    }
    let (width, height) = c.size;
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let silent = np - chart.complained;
    let unresolved = chart.complained - chart.resolved;
    let lost: f64 = chart.lost.iter().filter(|v| v.is_finite()).sum();
    let lost_names = [&w.lost_silent, &w.lost_unresolved, &w.lost_resolved];
    // every entry names something drawn: the blue bars, the grey drops (when any), the
    // parts of the lost bar that are there
    let mut legend = vec![Swatch::new(SwatchKind::Box, TOTAL, &w.customers)];
    if silent > 0.0 || unresolved > 0.0 {
        legend.push(Swatch::new(SwatchKind::Box, DROP, format!("{} / {}", w.silent, w.unresolved)));
    }
    for ((v, name), color) in chart.lost.iter().zip(lost_names).zip(LOST) {
        if v.is_finite() && *v > 0.0 {
            legend.push(Swatch::new(
                SwatchKind::Box,
                color,
                format!("{name} {}", figure::count(*v)),
            ));
        }
    }
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;

    // the note under the column names, as the view wrote it (its equation holds for
    // the figures it prints)
    let note = chart.note.clone();
    let note_h = if note.is_empty() { 0.0 } else { size::NOTE + 4.0 };

    let y_axis0 = Axis {
        scale: Linear { domain: (0.0, np), range: (0.0, 1.0) },
        ticks: ticks(0.0, np, 6),
        decimals: 0,
        suffix: ",",
        title: w.customers.to_owned(),
    };
    let left = left_axis_room(
        c,
        &Axis { ticks: y_axis0.ticks.iter().map(|_| np).collect(), ..y_axis0.clone() },
    ) + 8.0;
    // the breakdown panel: its bar and the labels of its parts
    let part_labels: Vec<String> = chart
        .lost
        .iter()
        .map(|v| format!("{} · {}", figure::count(*v), figure::pct(v / lost.max(1e-12) * 100.0)))
        .collect();
    let labels_w =
        part_labels.iter().map(|l| c.width(l, size::NOTE, false)).fold(0.0, f32::max) + 14.0;
    let lost_bar = 22.0_f32;
    let heading = wrap(c.face(true), &w.lost_breakdown, size::NOTE, lost_bar + labels_w, 2);
    let panel_w = (lost_bar + labels_w).max(c.block(&heading, size::NOTE, true).0) + 8.0;
    let split = width - panel_w;
    let slot = (split - left - 18.0) / 6.0;
    let columns = [&w.with_problem, &w.silent, &w.complained, &w.unresolved, &w.resolved, &w.lost];
    let names: Vec<Vec<String>> =
        columns.iter().map(|n| wrap(c.face(false), n, size::LABEL, slot - 4.0, 2)).collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1);
    let names_h = super::style::block_height(name_lines, size::LABEL) + 6.0;
    let heading_h = super::style::block_height(heading.len(), size::NOTE);
    // room above the bars for their values (two lines over the lost column)
    let values_h = super::style::block_height(2, size::LABEL) + 4.0;
    let plot = Plot {
        x0: left,
        y0: top + values_h.max(heading_h + 4.0),
        x1: split - 8.0,
        y1: height - names_h - note_h,
    };
    if plot.w() < 150.0 || plot.h() < 50.0 || slot < 24.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let y = Axis { scale: Linear { domain: (0.0, np), range: (plot.y1, plot.y0) }, ..y_axis0 };
    grid(c, area, &plot, None, Some(&y))?;
    let bar = slot * 0.62;
    // column centres; the lost column apart from the steps
    let cx = |k: usize| plot.x0 + (k as f32 + 0.5) * slot + if k == 5 { 10.0 } else { 0.0 };
    // (low, high, colour) per step
    let spans = [
        (0.0, np, TOTAL),
        (chart.complained, np, DROP),
        (0.0, chart.complained, TOTAL),
        (chart.resolved, chart.complained, DROP),
        (0.0, chart.resolved, TOTAL),
    ];
    let values = [np, -silent, chart.complained, -unresolved, chart.resolved];
    for (k, ((lo, hi, color), v)) in spans.iter().zip(values).enumerate() {
        let x = cx(k);
        let (y0, y1) = (y.scale.at(*hi), y.scale.at(*lo));
        // at least MIN_BAR high, so that a small group stays visible
        let y0 = y0.min(y1 - MIN_BAR);
        c.fill(area, (x - bar / 2.0, y0), (x + bar / 2.0, y1), *color)?;
        // every value right above its bar, in one style: drops muted
        let label = figure::count(v);
        let ink = if v < 0.0 { palette::MUTED } else { palette::TEXT };
        let t = Text::new(size::LABEL).bold().color(ink).anchor(HPos::Center, VPos::Bottom);
        c.text(area, &label, (x, y0 - 2.0), &t)?;
        // connectors from each bar's level to the next column
        if k < 4 {
            let level = y.scale.at(if k % 2 == 0 { *hi } else { *lo });
            let nx = cx(k + 1);
            c.dashed(
                area,
                (x + bar / 2.0, level),
                (nx - bar / 2.0, level),
                palette::AXIS,
                0.6,
                (2.0, 1.5),
            )?;
        }
    }
    // the lost customers on the same scale, stacked by where they were lost
    let x5 = cx(5);
    let lost_top = y.scale.at(lost).min(plot.y1 - MIN_BAR);
    let mut yb = plot.y1;
    for (h, color) in segment_heights(&chart.lost, plot.y1 - lost_top).iter().zip(LOST) {
        if *h > 0.0 {
            c.fill(area, (x5 - bar / 2.0, yb - h), (x5 + bar / 2.0, yb), color)?;
            yb -= h;
        }
    }
    let total_label = format!("{}\n{}", figure::count(lost), figure::pct(lost / np * 100.0));
    let t = Text::new(size::LABEL)
        .bold()
        .color(palette::VERMILLION_INK)
        .anchor(HPos::Center, VPos::Bottom);
    c.text(area, &total_label, (x5, lost_top - 2.0), &t)?;
    let dx = (cx(4) + x5) / 2.0;
    c.dashed(area, (dx, plot.y0), (dx, plot.y1), palette::AXIS, 0.6, (2.0, 2.0))?;

    left_axis(c, area, &plot, &y)?;
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;
    for (k, lines) in names.iter().enumerate() {
        let t = Text::new(size::LABEL).anchor(HPos::Center, VPos::Top);
        c.text(area, &lines.join("\n"), (cx(k), plot.y1 + 4.0), &t)?;
    }

    // the breakdown: the lost column magnified to the plot's height, its parts as shares
    let bx = split + 4.0;
    let bar_top = plot.y0;
    let t = Text::new(size::NOTE).bold().color(palette::TEXT).anchor(HPos::Left, VPos::Bottom);
    c.text(area, &heading.join("\n"), (bx, bar_top - 3.0), &t)?;
    // the magnifying lines from the lost column's top to the panel's
    c.dashed(area, (x5 + bar / 2.0, lost_top), (bx, bar_top), palette::AXIS, 0.5, (2.0, 1.5))?;
    c.dashed(area, (x5 + bar / 2.0, plot.y1), (bx, plot.y1), palette::AXIS, 0.5, (2.0, 1.5))?;
    let heights = segment_heights(&chart.lost, plot.y1 - bar_top);
    let mut yb = plot.y1;
    let mut centres = Vec::new();
    for (h, color) in heights.iter().zip(LOST) {
        if *h <= 0.0 {
            centres.push(None);
            continue;
        }
        c.fill(area, (bx, yb - h), (bx + lost_bar, yb), color)?;
        // a white hairline between parts
        c.line(area, &[(bx, yb - h), (bx + lost_bar, yb - h)], palette::WHITE, 0.5)?;
        centres.push(Some(yb - h / 2.0));
        yb -= h;
    }
    // each part's count and share beside it, pushed apart where parts are thin
    let line_h = size::NOTE + 1.5;
    let mut at: Vec<(usize, f32)> =
        centres.iter().enumerate().filter_map(|(k, y)| y.map(|y| (k, y))).collect();
    // from the bottom up: each at least a line above the one below
    for i in 0..at.len() {
        let mut y = at[i].1.min(plot.y1 - line_h / 2.0);
        if i > 0 {
            y = y.min(at[i - 1].1 - line_h);
        }
        at[i].1 = y;
    }
    // then down again where the top ones were pushed above the bar
    let ceiling = bar_top + line_h / 2.0;
    for i in (0..at.len()).rev() {
        let mut y = at[i].1.max(ceiling);
        if i + 1 < at.len() {
            y = y.max(at[i + 1].1 + line_h);
        }
        at[i].1 = y;
    }
    let lx = bx + lost_bar + 10.0;
    for (k, ly) in at {
        let Some(cy) = centres[k] else { continue };
        c.line(area, &[(bx + lost_bar + 1.0, cy), (lx - 2.0, ly)], palette::LEADER, 0.5)?;
        let t = Text::new(size::NOTE).color(palette::TEXT).anchor(HPos::Left, VPos::Center);
        c.text(area, &part_labels[k], (lx, ly), &t)?;
    }
    c.line(area, &[(bx, plot.y1), (width - 2.0, plot.y1)], palette::AXIS, 0.75)?;

    if !note.is_empty() {
        let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Left, VPos::Bottom);
        c.text(area, &note, (plot.x0, height - 1.0), &t)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_sum_to_the_bar_and_stay_visible() {
        let h = segment_heights(&[3553.0, 69.0, 37.0], 200.0);
        assert!((h.iter().sum::<f32>() - 200.0).abs() < 1e-3, "{h:?}");
        assert!(h.iter().all(|x| *x >= MIN_BAR), "{h:?}");
        assert!(h[0] > h[1] && h[1] >= h[2]);
        let h = segment_heights(&[10.0, 0.0, 1e-6], 100.0);
        assert_eq!(h[1], 0.0);
        assert_eq!(h[2], MIN_BAR);
        assert_eq!(segment_heights(&[0.0; 3], 50.0), vec![0.0; 3]);
    }
}
