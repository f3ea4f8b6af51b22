//! Group competition (分组PK): each group's scores as a bar stacked by rubric criterion,
//! groups ranked by total (or by the ranks given: tied groups share one), the total and the
//! rubric's maximum at the bar's end.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Plot, Swatch, SwatchKind, Text, bottom_axis,
    bottom_axis_room, figure, grid, palette, size, ticks,
};
use crate::text::shorten;
use crate::view::chart_words::Words;
use crate::view::specs::{PkChart, PkGroup};

const COLORS: [RGBColor; 8] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::PURPLE,
    palette::SKY,
    palette::VERMILLION,
    palette::YELLOW,
    palette::GREY,
];

/// A group's total.
fn total(g: &PkGroup) -> f64 {
    g.scores.iter().flatten().filter(|v| v.is_finite()).sum()
}

/// Scores per group, stacked by criterion, ranked by total.
pub fn pk<DB: DrawingBackend>(
    chart: &PkChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    if chart.groups.is_empty() || chart.criteria.is_empty() {
        return Err(DrawError::NoData("no group scores".into()));
    }
    let (width, height) = c.size;
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let legend: Vec<Swatch> = chart
        .criteria
        .iter()
        .enumerate()
        .map(|(k, cr)| {
            Swatch::new(
                SwatchKind::Box,
                COLORS[k % COLORS.len()],
                format!("{}{}{}{}", cr.name, w.lp, figure::typed(cr.max), w.rp),
            )
        })
        .collect();
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;
    let mut groups: Vec<&PkGroup> = chart.groups.iter().collect();
    // by total, or by the ranks given; stable: ties keep their order
    groups.sort_by(|a, b| total(b).total_cmp(&total(a)));
    if groups.iter().all(|g| g.rank.is_some()) {
        groups.sort_by_key(|g| g.rank);
    }
    let max: f64 = chart.criteria.iter().map(|c| c.max).filter(|v| v.is_finite()).sum();
    let hi = max.max(groups.iter().map(|g| total(g)).fold(0.0, f64::max)).max(1.0);
    let axis0 = Axis {
        scale: Linear { domain: (0.0, hi), range: (0.0, 1.0) },
        ticks: ticks(0.0, hi, 11),
        decimals: 0,
        suffix: "",
        title: w.points.to_owned(),
    };
    let names: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}. {}", g.rank.unwrap_or(i + 1), g.name))
        .collect();
    let names_w =
        names.iter().map(|n| c.width(n, size::LABEL, false)).fold(0.0, f32::max).min(width * 0.3);
    let end_w = c.width(
        &format!("{} {} / {}", w.total, figure::typed(hi), figure::typed(max)),
        size::LABEL,
        true,
    ) + 6.0;
    let plot = Plot {
        x0: names_w + 6.0,
        y0: top,
        x1: width - end_w - 4.0,
        y1: height - bottom_axis_room(&axis0),
    };
    let row_h = plot.h() / groups.len() as f32;
    if plot.w() < 80.0 || row_h < size::LABEL + 2.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let axis = Axis { scale: Linear { domain: (0.0, hi), range: (plot.x0, plot.x1) }, ..axis0 };
    grid(c, area, &plot, Some(&axis), None)?;
    let bar = (row_h * 0.64).min(14.0);
    for (i, (g, name)) in groups.iter().zip(&names).enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let name = shorten(c.face(false), name, size::LABEL, names_w);
        c.text(
            area,
            &name,
            (plot.x0 - 5.0, cy),
            &Text::new(size::LABEL).anchor(HPos::Right, VPos::Center),
        )?;
        let mut acc = 0.0;
        for (k, v) in g.scores.iter().enumerate() {
            let Some(v) = v.filter(|v| v.is_finite() && *v > 0.0) else { continue };
            let (x0, x1) = (axis.scale.at(acc), axis.scale.at(acc + v));
            acc += v;
            let color = COLORS[k % COLORS.len()];
            c.fill(area, (x0, cy - bar / 2.0), (x1, cy + bar / 2.0), color)?;
            c.line(area, &[(x1, cy - bar / 2.0), (x1, cy + bar / 2.0)], palette::WHITE, 0.5)?;
            let label = figure::typed(v);
            if x1 - x0 >= c.width(&label, size::NOTE, false) + 3.0 {
                let ink =
                    if matches!(k % COLORS.len(), 0 | 5) { palette::WHITE } else { palette::TEXT };
                let t = Text::new(size::NOTE).color(ink).anchor(HPos::Center, VPos::Center);
                c.text(area, &label, ((x0 + x1) / 2.0, cy), &t)?;
            }
        }
        let end = format!("{} {} / {}", w.total, figure::typed(acc), figure::typed(max));
        let t = Text::new(size::LABEL).bold().anchor(HPos::Left, VPos::Center);
        c.text(area, &end, (axis.scale.at(acc) + 4.0, cy), &t)?;
    }
    bottom_axis(c, area, &plot, &axis)
}
