//! Kano charts (METHODS §1.3–1.4):
//!
//! - [`better_worse`]: the Better–Worse scatter, x = |Worse|, y = Better, split at 0.5,
//!   top-right O, top-left A, bottom-right M, bottom-left I; a label per feature;
//! - [`categories`]: each feature's answers as a 100 % stacked bar of A, O, M, I, R, Q,
//!   features sorted by their assigned category (M, O, A, I, R, Q) and then by that
//!   category's share;
//! - [`continuous`]: the continuous analysis, x = mean dysfunctional score D̄, y = mean
//!   functional score F̄ (both −2..4), split at 2, bubble area linear in importance over
//!   the features' range, with a size key.
//!
//! Inputs are chart specs ([`crate::view::specs`]) built from
//! [`KanoResult`](crate::analysis::kano::KanoResult)s by [`crate::view::charts`]; the
//! wording comes from [`Words`].

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;
use plotters::style::text_anchor::{HPos, VPos};

use super::scatter::{self, Point, Quadrant, Scatter, ScatterAxis};
use super::style::{
    Area, Axis, Canvas, DrawError, Drawn, Linear, Marker, Plot, Shape, Swatch, SwatchKind, Text,
    bottom_axis, bottom_axis_room, figure, grid, palette, size,
};
use crate::analysis::kano::Category;
use crate::text::shorten;
use crate::view::chart_words::Words;
use crate::view::specs::{
    BetterWorseChart, BetterWorsePoint, CategoryChart, CategoryRow, ContinuousChart,
    ContinuousPoint,
};

/// The colour of a Kano category: the Okabe–Ito palette, indifferent in grey.
pub fn category_color(c: Category) -> RGBColor {
    match c {
        Category::M => palette::BLUE,
        Category::O => palette::GREEN,
        Category::A => palette::ORANGE,
        Category::I => palette::GREY,
        Category::R => palette::VERMILLION,
        Category::Q => palette::PURPLE,
    }
}

/// A darker shade of the category colour, for text.
pub fn category_ink(c: Category) -> RGBColor {
    match c {
        Category::M => palette::BLUE_INK,
        Category::O => palette::GREEN_INK,
        Category::A => palette::ORANGE_INK,
        Category::I => palette::MUTED,
        Category::R => palette::VERMILLION_INK,
        Category::Q => RGBColor(0x9c, 0x4a, 0x7a),
    }
}

/// The order categories are sorted and stacked in: the plurality tie-break order.
const ORDER: [Category; 6] = Category::PLURALITY_ORDER;

/// The quadrants top-left, top-right, bottom-left, bottom-right, named as the Kano table
/// names the categories.
fn quadrants(w: &Words, cats: [Category; 4]) -> [Option<Quadrant>; 4] {
    cats.map(|k| Some(Quadrant { name: w.need(k), color: category_ink(k), shade: None }))
}

/// The legend of the categories `present`, then `more`.
fn category_legend(
    w: &Words,
    present: &[Category],
    kind: SwatchKind,
    more: &[Swatch],
) -> Vec<Swatch> {
    ORDER
        .iter()
        .filter(|k| present.contains(k))
        .map(|&k| Swatch::new(kind, category_color(k), w.need(k)))
        .chain(more.iter().cloned())
        .collect()
}

/// The legend and the quadrants of a Kano scatter.
fn scatter_names(
    w: &Words,
    present: &[Category],
    more: &[Swatch],
) -> (Vec<Swatch>, [Option<Quadrant>; 4]) {
    let kind = SwatchKind::Marker(Shape::Circle, false);
    let cats = [Category::A, Category::O, Category::I, Category::M];
    (category_legend(w, present, kind, more), quadrants(w, cats))
}

/// The Better–Worse scatter.
pub fn better_worse<DB: DrawingBackend>(
    chart: &BetterWorseChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let points: Vec<&BetterWorsePoint> =
        chart.points.iter().filter(|p| p.better.is_finite() && p.worse.is_finite()).collect();
    if points.is_empty() {
        return Err(DrawError::NoData("no feature has Better and Worse coefficients".into()));
    }
    let split = Some(chart.split);
    let present: Vec<Category> = points.iter().filter_map(|p| p.category).collect();
    let (legend, quadrants) = scatter_names(w, &present, &[]);
    let s = Scatter {
        title: chart.title.clone(),
        x: ScatterAxis::fitted(
            &w.worse_axis,
            points.iter().map(|p| p.worse),
            split,
            0.1,
            (0.0, 1.0),
        ),
        y: ScatterAxis::fitted(
            &w.better_axis,
            points.iter().map(|p| p.better),
            split,
            0.1,
            (0.0, 1.0),
        ),
        quadrants,
        points: points
            .iter()
            .map(|p| Point {
                x: p.worse,
                y: p.better,
                label: p.name.clone(),
                marker: Marker {
                    shape: Shape::Circle,
                    r: 3.2,
                    color: p.category.map_or(palette::GREY, category_color),
                    rim: 0.8,
                    hollow: false,
                },
            })
            .collect(),
        legend,
        note: w.split_note(&figure::mean(chart.split)),
        key: Vec::new(),
        max_label: 100.0,
        label_lines: 2,
    };
    scatter::draw(&s, area, c, show_title)
}

/// Bubble radius for a mean importance: its area linear in the value over `range`, the
/// features' own range (as the proposal matrix sizes professionalism); no importance, a
/// middle size.
fn bubble(importance: Option<f64>, range: (f64, f64)) -> f32 {
    match importance.filter(|v| v.is_finite()) {
        Some(v) => super::proposals::radius(v, range),
        None => super::proposals::radius((range.0 + range.1) / 2.0, range),
    }
}

/// The continuous-analysis bubble chart.
pub fn continuous<DB: DrawingBackend>(
    chart: &ContinuousChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let points: Vec<&ContinuousPoint> = chart
        .points
        .iter()
        .filter(|p| p.functional.is_finite() && p.dysfunctional.is_finite())
        .collect();
    if points.is_empty() {
        return Err(DrawError::NoData("no feature has continuous scores".into()));
    }
    let split = chart.split;
    let cat = |p: &ContinuousPoint| {
        crate::analysis::kano::continuous::quadrant(p.functional, p.dysfunctional, split)
    };
    // the size key: the smallest, middle and largest importance of the features
    let range = super::proposals::size_range(points.iter().filter_map(|p| p.importance));
    let mut sizes = Vec::new();
    let mut shown: Vec<f64> =
        points.iter().filter_map(|p| p.importance).filter(|v| v.is_finite()).collect();
    shown.sort_by(f64::total_cmp);
    if let (Some(&lo), Some(&hi)) = (shown.first(), shown.last()) {
        let keys = if hi - lo < 1e-9 { vec![lo] } else { vec![lo, (lo + hi) / 2.0, hi] };
        for (k, v) in keys.iter().enumerate() {
            let label = if k == 0 {
                format!("{} {}", w.importance, figure::mean(*v))
            } else {
                figure::mean(*v)
            };
            let swatch = SwatchKind::Bubble(bubble(Some(*v), range));
            sizes.push(Swatch::new(swatch, palette::MUTED, label));
        }
    }
    let present: Vec<Category> = points.iter().map(|p| cat(p)).collect();
    let (legend, quadrants) = scatter_names(w, &present, &sizes);
    let s = Scatter {
        title: chart.title.clone(),
        x: ScatterAxis::fitted(
            &w.dysfunctional_axis,
            points.iter().map(|p| p.dysfunctional),
            Some(split),
            0.5,
            (-2.0, 4.0),
        ),
        y: ScatterAxis::fitted(
            &w.functional_axis,
            points.iter().map(|p| p.functional),
            Some(split),
            0.5,
            (-2.0, 4.0),
        ),
        quadrants,
        points: points
            .iter()
            .map(|p| Point {
                x: p.dysfunctional,
                y: p.functional,
                label: p.name.clone(),
                marker: Marker {
                    shape: Shape::Circle,
                    r: bubble(p.importance, range),
                    color: category_color(cat(p)),
                    rim: 0.8,
                    hollow: false,
                },
            })
            .collect(),
        legend,
        note: w.split_note(&figure::mean(split)),
        key: Vec::new(),
        max_label: 100.0,
        label_lines: 2,
    };
    scatter::draw(&s, area, c, show_title)
}

/// The rows in display order: by assigned category (M, O, A, I, R, Q, none), then by
/// that category's share, largest first.
pub fn sorted_rows(rows: &[CategoryRow]) -> Vec<&CategoryRow> {
    let share = |r: &CategoryRow| -> f64 {
        let n: u64 = r.counts.iter().sum();
        let k = r.category.and_then(|c| Category::ALL.iter().position(|x| *x == c));
        match (k, n) {
            (Some(k), n) if n > 0 => r.counts[k] as f64 / n as f64,
            _ => 0.0,
        }
    };
    let rank = |r: &CategoryRow| {
        r.category.and_then(|c| ORDER.iter().position(|x| *x == c)).unwrap_or(ORDER.len())
    };
    let mut out: Vec<&CategoryRow> = rows.iter().collect();
    out.sort_by(|a, b| rank(a).cmp(&rank(b)).then(share(b).total_cmp(&share(a))));
    out
}

/// The 100 % stacked bars of category shares.
pub fn categories<DB: DrawingBackend>(
    chart: &CategoryChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let rows = sorted_rows(&chart.rows);
    if rows.is_empty() {
        return Err(DrawError::NoData("no Kano features".into()));
    }
    let (width, height) = c.size;
    let mut top = c.title(area, show_title.then_some(chart.title.as_str()))?;
    let present: Vec<Category> =
        ORDER.iter().copied().filter(|cat| rows.iter().any(|r| count(r, *cat) > 0)).collect();
    let legend = category_legend(w, &present, SwatchKind::Box, &[]);
    top += c.legend(area, &legend, (1.0, top), width - 2.0)? + 4.0;

    let axis = Axis {
        scale: Linear { domain: (0.0, 100.0), range: (0.0, 1.0) },
        ticks: vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0],
        decimals: 0,
        suffix: "",
        title: w.share_axis.to_owned(),
    };
    let names_w = rows
        .iter()
        .map(|r| c.width(&r.name, size::LABEL, false))
        .fold(0.0, f32::max)
        .min(width * 0.32);
    // each bar's category after it, by the table's name when that column stays narrow,
    // else by its letter (which the table prints too, and the legend explains)
    let full_name = |k: Category| w.need(k);
    let label_width = |full: bool| {
        rows.iter()
            .filter_map(|r| r.category)
            .map(|k| {
                let name = if full { full_name(k) } else { k.letter().to_string() };
                c.width(&name, size::LABEL, true)
            })
            .fold(0.0, f32::max)
    };
    let full = label_width(true) <= width * 0.2;
    let right_w = label_width(full) + 6.0;
    let plot = Plot {
        x0: names_w + 6.0,
        y0: top,
        x1: width - right_w - 2.0,
        y1: height - bottom_axis_room(&axis),
    };
    let row_h = plot.h() / rows.len() as f32;
    if plot.w() < 80.0 || row_h < size::LABEL + 1.0 {
        return Err(DrawError::TooSmall { width, height });
    }
    let axis = Axis { scale: Linear { domain: (0.0, 100.0), range: (plot.x0, plot.x1) }, ..axis };
    grid(c, area, &plot, Some(&axis), None)?;
    let bar_h = (row_h * 0.72).min(13.0);
    for (i, r) in rows.iter().enumerate() {
        let cy = plot.y0 + (i as f32 + 0.5) * row_h;
        let name = shorten(c.face(false), &r.name, size::LABEL, names_w);
        c.text(
            area,
            &name,
            (plot.x0 - 5.0, cy),
            &Text::new(size::LABEL).anchor(HPos::Right, VPos::Center),
        )?;
        let n: u64 = r.counts.iter().sum();
        if n == 0 {
            continue;
        }
        let mut acc = 0.0;
        for &k in &ORDER {
            let v = count(r, k) as f64 / n as f64 * 100.0;
            if v <= 0.0 {
                continue;
            }
            let (x0, x1) = (axis.scale.at(acc), axis.scale.at(acc + v));
            acc += v;
            c.fill(area, (x0, cy - bar_h / 2.0), (x1, cy + bar_h / 2.0), category_color(k))?;
            // a thin white gap between segments
            c.line(area, &[(x1, cy - bar_h / 2.0), (x1, cy + bar_h / 2.0)], palette::WHITE, 0.5)?;
            // the shares as the Kano table prints them
            let label = figure::share(v);
            let tw = c.width(&label, size::NOTE, false);
            if x1 - x0 >= tw + 3.0 && bar_h >= size::NOTE + 1.0 {
                let ink = if matches!(k, Category::M | Category::R) {
                    palette::WHITE
                } else {
                    palette::TEXT
                };
                let t = Text::new(size::NOTE).color(ink).anchor(HPos::Center, VPos::Center);
                c.text(area, &label, ((x0 + x1) / 2.0, cy), &t)?;
            }
        }
        if let Some(k) = r.category {
            let t = Text::new(size::LABEL)
                .bold()
                .color(category_ink(k))
                .anchor(HPos::Left, VPos::Center);
            let name = if full { full_name(k) } else { k.letter().to_string() };
            c.text(area, &name, (plot.x1 + 5.0, cy), &t)?;
        }
    }
    bottom_axis(c, area, &plot, &axis)
}

fn count(r: &CategoryRow, c: Category) -> u64 {
    Category::ALL.iter().position(|x| *x == c).map_or(0, |k| r.counts[k])
}
