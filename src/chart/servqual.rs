//! SERVQUAL charts (METHODS §2):
//!
//! - [`gaps`]: expectation E and perception P per dimension as a dumbbell (E a ring, P a
//!   dot), and beside it the gap P − E as a bar (shortfall vermillion, surplus green);
//! - [`zone`]: the zone of tolerance per dimension, the band from adequate to desired
//!   service with the perceived service as a diamond coloured by where it falls;
//! - [`ipa`]: importance–performance analysis, importance on y, performance on x, the
//!   crosshair where the analysis puts it (the means by default), a point per item.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::scatter::{self, Point, Scatter, ScatterAxis};
use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Marker, Plot, Shape, Swatch, SwatchKind, Text,
    bottom_axis, bottom_axis_room, figure, grid, nice_ticks, palette, size, span,
};
use crate::analysis::ipa::Quadrant;
use crate::model::Dimension;
use crate::text::shorten;
use crate::view::chart_words::Words;
use crate::view::specs::{DimensionScores, GapChart, IpaChart, IpaItem, ZoneChart, ZoneRow};

/// The colour and marker shape of a SERVQUAL dimension: both differ, so that the points
/// stay apart in grey print and for every colour-vision deficiency.
pub fn dimension_style(d: Dimension) -> (RGBColor, Shape) {
    match d {
        Dimension::Tangibles => (palette::SKY, Shape::Square),
        Dimension::Reliability => (palette::BLUE, Shape::Circle),
        Dimension::Responsiveness => (palette::ORANGE, Shape::Triangle),
        Dimension::Assurance => (palette::GREEN, Shape::Diamond),
        Dimension::Empathy => (palette::PURPLE, Shape::TriangleDown),
    }
}

const E_COLOR: RGBColor = palette::MUTED;
const P_COLOR: RGBColor = palette::BLUE;

/// Rows: label column on the left, then panels; the height of one row and the plot band.
fn rows_plot(
    c: &Canvas<'_>,
    top: f32,
    names: &[&str],
    bottom: f32,
) -> Result<(f32, Plot), DrawError> {
    let (w, h) = c.size;
    let names_w =
        names.iter().map(|n| c.width(n, size::LABEL, true)).fold(0.0, f32::max).min(w * 0.25);
    let plot = Plot { x0: names_w + 8.0, y0: top, x1: w - 6.0, y1: h - bottom };
    let row_h = plot.h() / names.len().max(1) as f32;
    if plot.w() < 120.0 || row_h < 2.0 * size::LABEL + 6.0 {
        return Err(DrawError::TooSmall { width: w, height: h });
    }
    Ok((row_h, plot))
}

fn row_names<DB: DrawingBackend>(
    c: &Canvas<'_>,
    area: &Area<DB>,
    plot: &Plot,
    row_h: f32,
    names: &[&str],
) -> Drawn {
    let width = plot.x0 - 8.0;
    for (i, n) in names.iter().enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let n = shorten(c.face(true), n, size::LABEL, width);
        c.text(
            area,
            &n,
            (plot.x0 - 8.0, cy),
            &Text::new(size::LABEL).bold().anchor(HPos::Right, VPos::Center),
        )?;
    }
    Ok(())
}

/// Expectation against perception per dimension, with the gap bars.
pub fn gaps<DB: DrawingBackend>(
    chart: &GapChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let rows: Vec<&DimensionScores> = chart
        .rows
        .iter()
        .filter(|r| r.expectation.is_finite() && r.perception.is_finite())
        .collect();
    if rows.is_empty() {
        return Err(DrawError::NoData(
            "no SERVQUAL dimension has expectation and perception".into(),
        ));
    }
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let mut legend = vec![
        Swatch::new(SwatchKind::Marker(Shape::Circle, true), E_COLOR, &w.expectation),
        Swatch::new(SwatchKind::Marker(Shape::Circle, false), P_COLOR, &w.perception),
    ];
    if rows.iter().any(|r| r.perception < r.expectation) {
        legend.push(Swatch::new(SwatchKind::Box, palette::VERMILLION, format!("{} < 0", w.gap)));
    }
    if rows.iter().any(|r| r.perception >= r.expectation) {
        legend.push(Swatch::new(SwatchKind::Box, palette::GREEN, format!("{} ≥ 0", w.gap)));
    }
    top += c.legend(area, &legend, (1.0, top), c.size.0 - 2.0)? + 6.0;
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let probe = Axis {
        scale: Linear { domain: (0.0, 1.0), range: (0.0, 1.0) },
        ticks: vec![],
        decimals: 1,
        suffix: "",
        title: "x".into(),
    };
    let (row_h, plot) = rows_plot(c, top, &names, bottom_axis_room(&probe))?;
    row_names(c, area, &plot, row_h, &names)?;

    // two panels: scores (left, 58 %) and gaps (right)
    let split = plot.x0 + plot.w() * 0.58;
    let left = Plot { x1: split - 12.0, ..plot };
    let right = Plot { x0: split + 12.0, ..plot };
    let hard = if chart.scale.0 < chart.scale.1 {
        chart.scale
    } else {
        (f64::NEG_INFINITY, f64::INFINITY)
    };
    let sd = span(rows.iter().flat_map(|r| [r.expectation, r.perception]), &[], 0.1, 0.5, hard);
    let sx = Axis {
        scale: Linear { domain: sd, range: (left.x0, left.x1) },
        ticks: nice_ticks(sd.0, sd.1, 8, false),
        decimals: 1,
        suffix: "",
        title: w.score.to_owned(),
    };
    let gaps: Vec<f64> = rows.iter().map(|r| r.perception - r.expectation).collect();
    let gd = span(gaps.iter().copied(), &[0.0], 0.15, 0.5, (f64::NEG_INFINITY, f64::INFINITY));
    let gx = Axis {
        scale: Linear { domain: gd, range: (right.x0, right.x1) },
        ticks: nice_ticks(gd.0, gd.1, 6, false),
        decimals: 1,
        suffix: "",
        title: w.gap.to_owned(),
    };
    grid(c, area, &left, Some(&sx), None)?;
    grid(c, area, &right, Some(&gx), None)?;
    let zero = gx.scale.at(0.0);
    c.line(area, &[(zero, right.y0), (zero, right.y1)], palette::REFERENCE, 0.8)?;

    let vt = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Center, VPos::Bottom);
    for (i, (r, g)) in rows.iter().zip(&gaps).enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let (xe, xp) = (sx.scale.at(r.expectation), sx.scale.at(r.perception));
        c.line(area, &[(xe, cy), (xp, cy)], palette::AXIS, 2.0)?;
        c.marker(
            area,
            &Marker { shape: Shape::Circle, r: 3.4, color: E_COLOR, rim: 0.0, hollow: true },
            (xe, cy),
        )?;
        c.marker(
            area,
            &Marker { shape: Shape::Circle, r: 3.4, color: P_COLOR, rim: 0.6, hollow: false },
            (xp, cy),
        )?;
        // values above the markers, or one above and one below when they would touch
        let (te, tp) = (figure::mean(r.expectation), figure::mean(r.perception));
        let need = (c.width(&te, size::NOTE, false) + c.width(&tp, size::NOTE, false)) / 2.0 + 2.0;
        c.text(area, &te, (xe, cy - 5.0), &vt)?;
        if (xe - xp).abs() >= need {
            c.text(area, &tp, (xp, cy - 5.0), &vt.color(P_COLOR))?;
        } else {
            let below = Text { v: VPos::Top, ..vt.color(P_COLOR) };
            c.text(area, &tp, (xp, cy + 5.0), &below)?;
        }
        // the gap bar and its value beyond its end
        let xg = gx.scale.at(*g);
        let bar = (row_h * 0.4).min(12.0);
        let color = if *g < 0.0 { palette::VERMILLION } else { palette::GREEN };
        c.fill(area, (zero.min(xg), cy - bar / 2.0), (zero.max(xg), cy + bar / 2.0), color)?;
        let label = figure::mean(*g);
        let lw = c.width(&label, size::LABEL, true);
        let (x, h) = if *g < 0.0 { (xg - 3.0, HPos::Right) } else { (xg + 3.0, HPos::Left) };
        // keep the value inside the panel: inside the bar's far end when needed
        let (x, h, ink) = if matches!(h, HPos::Right) && x - lw < right.x0 - 10.0 {
            (xg + 3.0, HPos::Left, palette::WHITE)
        } else if matches!(h, HPos::Left) && x + lw > c.size.0 - 1.0 {
            (xg - 3.0, HPos::Right, palette::WHITE)
        } else {
            (x, h, if *g < 0.0 { palette::VERMILLION_INK } else { palette::GREEN_INK })
        };
        c.text(
            area,
            &label,
            (x, cy),
            &Text::new(size::LABEL).bold().color(ink).anchor(h, VPos::Center),
        )?;
    }
    bottom_axis(c, area, &left, &sx)?;
    bottom_axis(c, area, &right, &gx)
}

/// Where the perceived service falls: below, within or above the zone.
fn zone_position(r: &ZoneRow) -> std::cmp::Ordering {
    if r.perceived < r.adequate {
        std::cmp::Ordering::Less
    } else if r.perceived > r.desired {
        std::cmp::Ordering::Greater
    } else {
        std::cmp::Ordering::Equal
    }
}

/// The zone of tolerance per dimension.
pub fn zone<DB: DrawingBackend>(
    chart: &ZoneChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    use std::cmp::Ordering;
    let w = Words::of(chart.lang);
    let rows: Vec<&ZoneRow> = chart
        .rows
        .iter()
        .filter(|r| r.adequate.is_finite() && r.desired.is_finite() && r.perceived.is_finite())
        .collect();
    if rows.is_empty() {
        return Err(DrawError::NoData("no zone-of-tolerance data".into()));
    }
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let colour = |o: Ordering| match o {
        Ordering::Less => (palette::VERMILLION, palette::VERMILLION_INK),
        Ordering::Equal => (palette::BLUE, palette::BLUE_INK),
        Ordering::Greater => (palette::GREEN, palette::GREEN_INK),
    };
    let legend = vec![
        Swatch::new(SwatchKind::Band, BAND, &w.zone_band),
        Swatch::new(
            SwatchKind::Marker(Shape::Diamond, false),
            colour(Ordering::Less).0,
            &w.below_zone,
        ),
        Swatch::new(
            SwatchKind::Marker(Shape::Diamond, false),
            colour(Ordering::Equal).0,
            &w.within_zone,
        ),
        Swatch::new(
            SwatchKind::Marker(Shape::Diamond, false),
            colour(Ordering::Greater).0,
            &w.above_zone,
        ),
    ];
    top += c.legend(area, &legend, (1.0, top), c.size.0 - 2.0)? + 6.0;
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    let hard = if chart.scale.0 < chart.scale.1 {
        chart.scale
    } else {
        (f64::NEG_INFINITY, f64::INFINITY)
    };
    let d =
        span(rows.iter().flat_map(|r| [r.adequate, r.desired, r.perceived]), &[], 0.08, 0.5, hard);
    let axis0 = Axis {
        scale: Linear { domain: d, range: (0.0, 1.0) },
        ticks: nice_ticks(d.0, d.1, 10, false),
        decimals: 1,
        suffix: "",
        title: w.score.to_owned(),
    };
    let (row_h, plot) = rows_plot(c, top, &names, bottom_axis_room(&axis0))?;
    let plot = Plot { x1: plot.x1 - 10.0, ..plot };
    let axis = Axis { scale: Linear { domain: d, range: (plot.x0, plot.x1) }, ..axis0 };
    row_names(c, area, &plot, row_h, &names)?;
    grid(c, area, &plot, Some(&axis), None)?;
    let band = (row_h * 0.3).clamp(6.0, 12.0);
    for (i, r) in rows.iter().enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let (xa, xd, xp) =
            (axis.scale.at(r.adequate), axis.scale.at(r.desired), axis.scale.at(r.perceived));
        let (x0, x1) = (xa.min(xd), xa.max(xd));
        c.fill(area, (x0, cy - band / 2.0), (x1, cy + band / 2.0), BAND)?;
        c.frame(area, (x0, cy - band / 2.0), (x1, cy + band / 2.0), palette::SKY, 0.6)?;
        // adequate and desired values under the band's ends
        let below = Text::new(size::NOTE).color(palette::MUTED).anchor(HPos::Center, VPos::Top);
        let (ta, td) = (figure::mean(r.adequate), figure::mean(r.desired));
        let gap = (c.width(&ta, size::NOTE, false) + c.width(&td, size::NOTE, false)) / 2.0 + 2.0;
        if x1 - x0 >= gap {
            c.text(area, &ta, (xa, cy + band / 2.0 + 2.0), &below)?;
            c.text(area, &td, (xd, cy + band / 2.0 + 2.0), &below)?;
        } else {
            c.text(area, &format!("{ta}–{td}"), ((x0 + x1) / 2.0, cy + band / 2.0 + 2.0), &below)?;
        }
        let (fill, ink) = colour(zone_position(r));
        c.marker(
            area,
            &Marker { shape: Shape::Diamond, r: 3.6, color: fill, rim: 0.8, hollow: false },
            (xp, cy),
        )?;
        let tp = figure::mean(r.perceived);
        let t = Text::new(size::LABEL).bold().color(ink).anchor(HPos::Center, VPos::Bottom);
        c.text(area, &tp, (xp, cy - band / 2.0 - 3.0), &t)?;
    }
    bottom_axis(c, area, &plot, &axis)
}

const BAND: RGBColor = RGBColor(0xd6, 0xec, 0xf8);

/// The importance–performance matrix.
pub fn ipa<DB: DrawingBackend>(
    chart: &IpaChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let items: Vec<&IpaItem> = chart
        .items
        .iter()
        .filter(|i| i.performance.is_finite() && i.importance.is_finite())
        .collect();
    if items.is_empty() {
        return Err(DrawError::NoData("no SERVQUAL item has an importance".into()));
    }
    let hard = if chart.scale.0 < chart.scale.1 {
        chart.scale
    } else {
        (f64::NEG_INFINITY, f64::INFINITY)
    };
    let (px, py) = chart.crosshair;
    let legend: Vec<Swatch> = Dimension::ALL
        .iter()
        .filter(|d| items.iter().any(|i| i.dimension == **d))
        .map(|&d| {
            let (color, shape) = dimension_style(d);
            Swatch::new(SwatchKind::Marker(shape, false), color, d.label(chart.lang))
        })
        .collect();
    let q =
        |name: &str, color| Some(scatter::Quadrant { name: name.to_owned(), color, shade: None });
    let s = Scatter {
        title: chart.title.clone(),
        x: ScatterAxis::fitted(
            &w.ipa_performance,
            items.iter().map(|i| i.performance),
            px.is_finite().then_some(px),
            0.5,
            hard,
        ),
        y: ScatterAxis::fitted(
            &w.ipa_importance,
            items.iter().map(|i| i.importance),
            py.is_finite().then_some(py),
            0.5,
            hard,
        ),
        quadrants: [
            q(Quadrant::ConcentrateHere.label(chart.lang), palette::VERMILLION_INK),
            q(Quadrant::KeepUpTheGoodWork.label(chart.lang), palette::GREEN_INK),
            q(Quadrant::LowPriority.label(chart.lang), palette::MUTED),
            q(Quadrant::PossibleOverkill.label(chart.lang), palette::ORANGE_INK),
        ],
        points: items
            .iter()
            .map(|i| {
                let (color, shape) = dimension_style(i.dimension);
                Point {
                    x: i.performance,
                    y: i.importance,
                    label: i.label.clone(),
                    marker: Marker { shape, r: 3.0, color, rim: 0.8, hollow: false },
                }
            })
            .collect(),
        legend,
        note: chart.crosshair_note.clone(),
        key: Vec::new(),
        max_label: 60.0,
        label_lines: 1,
    };
    scatter::draw(&s, area, c, show_title)
}
