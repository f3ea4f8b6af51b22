//! Customer-metric charts (METHODS §3):
//!
//! - [`nps`]: the 0–10 answers of one NPS question as bars coloured detractor (0–6),
//!   passive (7–8) and promoter (9–10), with the score and the group shares;
//! - [`scores`]: one bar per touchpoint, used for CSAT (top-2-box %) and CES (mean on its
//!   scale), each bar with its value and a detail (mean, n, share agreeing).

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Plot, Swatch, SwatchKind, Text, bottom_axis,
    bottom_axis_room, figure, grid, left_axis, left_axis_room, palette, size, ticks,
};
use crate::text::shorten;
use crate::view::chart_words::Words;
use crate::view::specs::{NpsChart, ScoreChart, TouchpointScore};

/// The colour of an answer's group.
fn nps_color(answer: usize) -> RGBColor {
    match answer {
        0..=6 => palette::VERMILLION,
        7 | 8 => palette::GREY,
        _ => palette::GREEN,
    }
}

/// The NPS answer distribution.
pub fn nps<DB: DrawingBackend>(
    chart: &NpsChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let n: u64 = chart.counts.iter().sum();
    if n == 0 {
        return Err(DrawError::NoData("no NPS answers".into()));
    }
    let (width, height) = c.size;
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let legend = vec![
        Swatch::new(
            SwatchKind::Box,
            nps_color(0),
            format!("{}{}{}", w.detractors, w.colon, chart.shares[0]),
        ),
        Swatch::new(
            SwatchKind::Box,
            nps_color(7),
            format!("{}{}{}", w.passives, w.colon, chart.shares[1]),
        ),
        Swatch::new(
            SwatchKind::Box,
            nps_color(9),
            format!("{}{}{}", w.promoters, w.colon, chart.shares[2]),
        ),
    ];
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;
    let max = chart.counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let t = ticks(0.0, (max * 1.15).ceil().max(2.0), 6);
    let hi = t.last().copied().unwrap_or(max).max(max * 1.12);
    let y_axis0 = Axis {
        scale: Linear { domain: (0.0, hi), range: (0.0, 1.0) },
        ticks: t,
        decimals: 0,
        suffix: "",
        title: w.respondents.to_owned(),
    };
    let x_title = Axis {
        scale: y_axis0.scale,
        ticks: vec![],
        decimals: 0,
        suffix: "",
        title: w.likelihood.to_owned(),
    };
    // the score badge on the right
    let badge = chart.score.map(|s| (format!("NPS {}", figure::nps(s)), format!("n = {n}")));
    let badge_w = badge.as_ref().map_or(0.0, |(a, b)| {
        c.width(a, size::TITLE + 2.0, true).max(c.width(b, size::NOTE, false)) + 12.0
    });
    let plot = Plot {
        x0: left_axis_room(c, &y_axis0) + 1.0,
        y0: top + 2.0,
        x1: width - 4.0 - badge_w,
        y1: height - bottom_axis_room(&x_title),
    };
    if plot.w() < 100.0 || plot.h() < 40.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let y_axis = Axis { scale: Linear { domain: (0.0, hi), range: (plot.y1, plot.y0) }, ..y_axis0 };
    grid(c, area, &plot, None, Some(&y_axis))?;
    let slot = plot.w() / 11.0;
    let bar = slot * 0.72;
    for (k, &v) in chart.counts.iter().enumerate() {
        let cx = plot.x0 + (k as f32 + 0.5) * slot;
        let y = y_axis.scale.at(v as f64);
        c.fill(area, (cx - bar / 2.0, y), (cx + bar / 2.0, plot.y1), nps_color(k))?;
        if v > 0 {
            let t = Text::new(size::LABEL).anchor(HPos::Center, VPos::Bottom);
            c.text(area, &v.to_string(), (cx, y - 1.5), &t)?;
        }
        let t = Text::new(size::TICK).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
        c.text(area, &k.to_string(), (cx, plot.y1 + 3.0), &t)?;
    }
    left_axis(c, area, &plot, &y_axis)?;
    c.line(area, &[(plot.x0, plot.y1), (plot.x1, plot.y1)], palette::AXIS, 0.75)?;
    let t = Text::new(size::AXIS_TITLE).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
    c.text(area, &w.likelihood, ((plot.x0 + plot.x1) / 2.0, plot.y1 + 3.0 + size::TICK + 4.0), &t)?;
    if let Some((a, b)) = badge {
        let x = plot.x1 + badge_w / 2.0 + 2.0;
        let ink = match chart.score {
            Some(s) if s < 0.0 => palette::VERMILLION_INK,
            _ => palette::GREEN_INK,
        };
        c.text(
            area,
            &a,
            (x, plot.y0 + 4.0),
            &Text::new(size::TITLE + 2.0).bold().color(ink).anchor(HPos::Center, VPos::Top),
        )?;
        let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
        c.text(area, &b, (x, plot.y0 + 4.0 + size::TITLE + 6.0), &t)?;
    }
    Ok(())
}

/// One bar per touchpoint.
pub fn scores<DB: DrawingBackend>(
    chart: &ScoreChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let rows: Vec<&TouchpointScore> = chart.rows.iter().filter(|r| r.value.is_finite()).collect();
    if rows.is_empty() {
        return Err(DrawError::NoData("no touchpoint has answers".into()));
    }
    let (width, height) = c.size;
    let top = c.title(area, show_title.then_some(chart.title.as_str()))? + 4.0;
    let (lo, hi) = chart.domain;
    let axis0 = Axis {
        scale: Linear { domain: (lo, hi), range: (0.0, 1.0) },
        ticks: ticks(lo, hi, 8),
        decimals: 1,
        suffix: "",
        title: chart.axis.clone(),
    };
    let names_w = rows
        .iter()
        .map(|r| c.width(&r.label, size::LABEL, false))
        .fold(0.0, f32::max)
        .min(width * 0.34);
    let ends_w = rows
        .iter()
        .map(|r| c.width(&r.shown, size::LABEL, true) + 4.0 + c.width(&r.detail, size::NOTE, false))
        .fold(0.0, f32::max)
        .min(width * 0.3);
    let note_h = if chart.note.is_empty() { 0.0 } else { size::NOTE + 3.0 };
    let plot = Plot {
        x0: names_w + 6.0,
        y0: top,
        x1: width - ends_w - 8.0,
        y1: height - bottom_axis_room(&axis0) - note_h,
    };
    let row_h = plot.h() / rows.len() as f32;
    if plot.w() < 80.0 || row_h < size::LABEL + 2.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let axis = Axis { scale: Linear { domain: (lo, hi), range: (plot.x0, plot.x1) }, ..axis0 };
    grid(c, area, &plot, Some(&axis), None)?;
    let bar = (row_h * 0.6).min(12.0);
    for (i, r) in rows.iter().enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let name = shorten(c.face(false), &r.label, size::LABEL, names_w);
        c.text(
            area,
            &name,
            (plot.x0 - 5.0, cy),
            &Text::new(size::LABEL).anchor(HPos::Right, VPos::Center),
        )?;
        let x = axis.scale.at(r.value.clamp(lo, hi));
        c.fill(area, (plot.x0, cy - bar / 2.0), (x, cy + bar / 2.0), palette::BLUE)?;
        let t =
            Text::new(size::LABEL).bold().color(palette::BLUE_INK).anchor(HPos::Left, VPos::Center);
        c.text(area, &r.shown, (x + 3.0, cy), &t)?;
        let dx = x + 3.0 + c.width(&r.shown, size::LABEL, true) + 4.0;
        let room = width - 1.0 - dx;
        let detail = shorten(c.face(false), &r.detail, size::NOTE, room);
        c.text(
            area,
            &detail,
            (dx, cy),
            &Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Left, VPos::Center),
        )?;
    }
    bottom_axis(c, area, &plot, &axis)?;
    if !chart.note.is_empty() {
        let t = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Right, VPos::Bottom);
        c.text(area, &chart.note, (plot.x1, height - 1.0), &t)?;
    }
    Ok(())
}
