//! The market damage model (METHODS §4; TARP, Goodman) as a waterfall: the customers who
//! had a problem, those who did not complain falling away, those who complained, those
//! not resolved falling away, those resolved; then, apart, the customers lost, stacked by
//! where they were lost. The note gives the revenue at risk and the word-of-mouth reach.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Plot, Swatch, SwatchKind, Text, grid, left_axis,
    left_axis_room, palette, size, ticks,
};
use crate::format::Num;
use crate::text::wrap;
use crate::view::chart_words::Words;
use crate::view::specs::DamageChart;

const TOTAL: RGBColor = palette::BLUE;
const DROP: RGBColor = RGBColor(0xc9, 0xcd, 0xd2);
const LOST: [RGBColor; 3] = [palette::VERMILLION, palette::ORANGE, palette::PURPLE];

/// The waterfall.
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
    let m = c.minus;
    let legend = vec![
        Swatch::new(SwatchKind::Box, TOTAL, &w.customers),
        Swatch::new(SwatchKind::Box, DROP, format!("{} / {}", w.silent, w.unresolved)),
        Swatch::new(
            SwatchKind::Box,
            LOST[0],
            format!("{} {}", w.lost_silent, whole(chart.lost[0], m)),
        ),
        Swatch::new(
            SwatchKind::Box,
            LOST[1],
            format!("{} {}", w.lost_unresolved, whole(chart.lost[1], m)),
        ),
        Swatch::new(
            SwatchKind::Box,
            LOST[2],
            format!("{} {}", w.lost_resolved, whole(chart.lost[2], m)),
        ),
    ];
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;

    // the note under the column names, as the view wrote it
    let lost: f64 = chart.lost.iter().sum();
    let note = chart.note.clone();
    let note_h = if note.is_empty() { 0.0 } else { size::NOTE + 4.0 };

    let columns = [&w.with_problem, &w.silent, &w.complained, &w.unresolved, &w.resolved, &w.lost];
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
    let slot = (width - left - 6.0) / 6.5;
    let names: Vec<Vec<String>> =
        columns.iter().map(|n| wrap(c.face(false), n, size::LABEL, slot - 4.0, 2)).collect();
    let name_lines = names.iter().map(Vec::len).max().unwrap_or(1);
    let names_h = super::style::block_height(name_lines, size::LABEL) + 6.0;
    let plot = Plot {
        x0: left,
        y0: top + size::LABEL + 6.0,
        x1: width - 6.0,
        y1: height - names_h - note_h,
    };
    if plot.w() < 150.0 || plot.h() < 50.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let y = Axis { scale: Linear { domain: (0.0, np), range: (plot.y1, plot.y0) }, ..y_axis0 };
    grid(c, area, &plot, None, Some(&y))?;
    let bar = slot * 0.62;
    // column centres; the lost column half a slot apart
    let cx = |k: usize| plot.x0 + (k as f32 + 0.5) * slot + if k == 5 { slot * 0.5 } else { 0.0 };
    let silent = np - chart.complained;
    let unresolved = chart.complained - chart.resolved;
    // (low, high, colour) per column
    let spans = [
        (0.0, np, TOTAL),
        (chart.complained, np, DROP),
        (0.0, chart.complained, TOTAL),
        (chart.resolved, chart.complained, DROP),
        (0.0, chart.resolved, TOTAL),
    ];
    let values = [np, -silent, chart.complained, -unresolved, chart.resolved];
    let value_text = Text::new(size::LABEL).bold().anchor(HPos::Center, VPos::Bottom);
    for (k, ((lo, hi, color), v)) in spans.iter().zip(values).enumerate() {
        let x = cx(k);
        let (y0, y1) = (y.scale.at(*hi), y.scale.at(*lo));
        // at least a hairline, so that tiny groups stay visible
        let y0 = y0.min(y1 - 0.8);
        c.fill(area, (x - bar / 2.0, y0), (x + bar / 2.0, y1), *color)?;
        let label = if v < 0.0 { format!("{m}{}", whole(-v, m)) } else { whole(v, m) };
        c.text(
            area,
            &label,
            (x, y0 - 2.0),
            &value_text.color(if v < 0.0 { palette::MUTED } else { palette::TEXT }),
        )?;
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
    // the lost column, stacked
    let x = cx(5);
    let mut acc = 0.0;
    for (v, color) in chart.lost.iter().zip(LOST) {
        if !(v.is_finite() && *v > 0.0) {
            continue;
        }
        let (y0, y1) = (y.scale.at(acc + v), y.scale.at(acc));
        c.fill(area, (x - bar / 2.0, y0.min(y1 - 0.8)), (x + bar / 2.0, y1), color)?;
        acc += v;
    }
    // the lost customers and their share of those with a problem
    let share = format!("{} ({}%)", whole(lost, m), c.num(lost / np * 100.0, 1));
    c.text(area, &share, (x, y.scale.at(lost) - 2.0), &value_text.color(palette::VERMILLION_INK))?;
    // divider before the lost column
    let dx = (cx(4) + x) / 2.0;
    c.dashed(area, (dx, plot.y0), (dx, plot.y1), palette::AXIS, 0.6, (2.0, 2.0))?;

    left_axis(c, area, &plot, &y)?;
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;
    for (k, lines) in names.iter().enumerate() {
        let t = Text::new(size::LABEL).anchor(HPos::Center, VPos::Top);
        c.text(area, &lines.join("\n"), (cx(k), plot.y1 + 4.0), &t)?;
    }
    if !note.is_empty() {
        let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Left, VPos::Bottom);
        c.text(area, &note, (plot.x0, height - 1.0), &t)?;
    }
    Ok(())
}

/// `v` rounded to a whole number with thousands separators: `12,600`, `−3,660`.
fn whole(v: f64, minus: char) -> String {
    Num::fixed(0).grouped().minus(minus).or_dash(Some(v))
}
