//! The three-degree evaluation of MOT proposals (方案3度评价, METHODS §6): ease of
//! investment on x, customer-perceived satisfaction on y, service professionalism as the
//! bubble size, the move (raise the average, fill a valley, lift a peak) as the colour.
//! The top-right quadrant — easy and well perceived — is shaded as the quick wins. Points
//! carry their proposal id; the key on the right gives the titles.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::scatter::{self, Point, Quadrant, Scatter, ScatterAxis};
use super::style::{Area, Canvas, DrawError, Drawn, Marker, Shape, Swatch, SwatchKind, palette};
use crate::model::Move;
use crate::view::chart_words::Words;
use crate::view::specs::{ProposalChart, ProposalPoint};

/// The colour and shape of a move: the valley colour for fill-valley, the peak colour for
/// lift-peak, as on the journey map.
pub fn move_style(m: Move) -> (RGBColor, Shape) {
    match m {
        Move::RaiseAverage => (palette::BLUE, Shape::Circle),
        Move::FillValley => (palette::VERMILLION, Shape::Circle),
        Move::LiftPeak => (palette::GREEN, Shape::Circle),
    }
}

fn radius(v: f64, (lo, hi): (f64, f64)) -> f32 {
    let t = if hi > lo { ((v - lo) / (hi - lo)).clamp(0.0, 1.0) } else { 0.5 };
    2.4 + 4.4 * (t as f32).sqrt()
}

/// The proposal matrix.
pub fn proposals<DB: DrawingBackend>(
    chart: &ProposalChart,
    area: &Area<DB>,
    c: &Canvas<'_>,
    show_title: bool,
) -> Drawn {
    let w = Words::of(chart.lang);
    let points: Vec<&ProposalPoint> =
        chart.points.iter().filter(|p| p.ease.is_finite() && p.perception.is_finite()).collect();
    if points.is_empty() {
        return Err(DrawError::NoData("no proposal has scores".into()));
    }
    let (lo, hi) = if chart.scale.0 < chart.scale.1 { chart.scale } else { (1.0, 5.0) };
    let mid = (lo + hi) / 2.0;
    let axis = |title: &str| ScatterAxis {
        domain: (lo - 0.4, hi + 0.4),
        max_ticks: 11,
        decimals: 1,
        title: title.to_owned(),
        split: Some(mid),
        whole: true,
    };
    let mut legend: Vec<Swatch> = Move::ALL
        .iter()
        .filter(|m| points.iter().any(|p| p.kind == **m))
        .map(|&m| {
            let (color, shape) = move_style(m);
            Swatch::new(SwatchKind::Marker(shape, false), color, m.label(chart.lang))
        })
        .collect();
    for (k, v) in [lo, mid, hi].iter().enumerate() {
        let label =
            if k == 0 { format!("{} {}", w.professionalism, c.num(*v, 1)) } else { c.num(*v, 1) };
        legend.push(Swatch::new(SwatchKind::Bubble(radius(*v, (lo, hi))), palette::MUTED, label));
    }
    let quick = Quadrant {
        name: w.quick_wins.to_owned(),
        color: palette::GREEN_INK,
        shade: Some(RGBColor(0xe3, 0xf3, 0xec)),
    };
    let s = Scatter {
        title: chart.title.clone(),
        x: axis(&w.ease),
        y: axis(&w.perceived_satisfaction),
        quadrants: [None, Some(quick), None, None],
        points: points
            .iter()
            .map(|p| {
                let (color, shape) = move_style(p.kind);
                Point {
                    x: p.ease,
                    y: p.perception,
                    label: p.id.clone(),
                    marker: Marker {
                        shape,
                        r: radius(p.professionalism, (lo, hi)),
                        color,
                        rim: 0.8,
                        hollow: false,
                    },
                }
            })
            .collect(),
        legend,
        note: String::new(),
        key: points.iter().map(|p| (p.id.clone(), p.title.clone())).collect(),
        max_label: 40.0,
        label_lines: 1,
    };
    scatter::draw(&s, area, c, show_title)
}
