//! The three-degree evaluation of MOT proposals (方案3度评价, METHODS §6): ease of
//! investment on x, customer-perceived satisfaction on y, service professionalism as the
//! bubble size, the move (raise the average, fill a valley, lift a peak) as the colour.
//! The top-right quadrant — easy and well perceived, both above the scale's midpoint, the
//! analysis' quick wins — is shaded. The axes are zoomed to the scores (the split stays at
//! the midpoint, as the note says); bubble areas grow linearly with professionalism over
//! the proposals' range, with a size key. Points carry their proposal id; the key on the
//! right gives the titles, quick wins marked as in the table.

use plotters::prelude::DrawingBackend;
use plotters::style::RGBColor;

use super::scatter::{self, Point, Quadrant, Scatter, ScatterAxis};
use super::style::{
    Area, Canvas, DrawError, Drawn, Marker, Shape, Swatch, SwatchKind, figure, palette,
};
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

/// The professionalism values the bubbles span: the proposals' own range, at least one
/// scale step wide, so that a difference of one point shows.
pub fn size_range(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return (0.0, 1.0);
    }
    if hi - lo < 1.0 { (hi - 1.0, hi) } else { (lo, hi) }
}

/// Bubble radii, points: the smallest and the largest.
pub const RADII: (f32, f32) = (3.2, 10.0);

/// The radius of a bubble for professionalism `v`: its area grows linearly with the value
/// over `range`, from the smallest bubble at the range's low end to the largest at its top.
pub fn radius(v: f64, (lo, hi): (f64, f64)) -> f32 {
    let t = if hi > lo { ((v - lo) / (hi - lo)).clamp(0.0, 1.0) as f32 } else { 1.0 };
    let (a0, a1) = (RADII.0 * RADII.0, RADII.1 * RADII.1);
    (a0 + (a1 - a0) * t).sqrt()
}

/// The axis range of ease or perception: the scores' range with half a step around it,
/// the scale's midpoint (the quadrant split) always inside, never wider than the scale
/// with room for a bubble.
pub fn zoomed(values: impl IntoIterator<Item = f64>, (lo, hi): (f64, f64)) -> (f64, f64) {
    let mid = (lo + hi) / 2.0;
    let (mut a, mut b) = (mid, mid);
    for v in values.into_iter().filter(|v| v.is_finite()) {
        a = a.min(v);
        b = b.max(v);
    }
    ((a - 0.5).max(lo - 0.4), (b + 0.5).min(hi + 0.4))
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
    // zoomed to the scores; split where the analysis draws the line for a quick win
    let axis = |title: &str, values: Vec<f64>| ScatterAxis {
        domain: zoomed(values, (lo, hi)),
        max_ticks: 11,
        decimals: 1,
        title: title.to_owned(),
        split: Some(mid),
        whole: true,
    };
    let sizes = size_range(points.iter().map(|p| p.professionalism));
    let mut legend: Vec<Swatch> = Move::ALL
        .iter()
        .filter(|m| points.iter().any(|p| p.kind == **m))
        .map(|&m| {
            let (color, shape) = move_style(m);
            Swatch::new(SwatchKind::Marker(shape, false), color, m.label(chart.lang))
        })
        .collect();
    // the size key: the values the proposals have (at most three)
    let mut shown: Vec<f64> =
        points.iter().map(|p| p.professionalism).filter(|v| v.is_finite()).collect();
    shown.sort_by(f64::total_cmp);
    shown.dedup();
    if shown.len() > 3 {
        shown = vec![shown[0], shown[shown.len() / 2], shown[shown.len() - 1]];
    }
    for (k, v) in shown.iter().enumerate() {
        let label = if k == 0 {
            format!("{} {}", w.professionalism, figure::typed(*v))
        } else {
            figure::typed(*v)
        };
        legend.push(Swatch::new(SwatchKind::Bubble(radius(*v, sizes)), palette::MUTED, label));
    }
    let quick = Quadrant {
        name: w.quick_wins.to_owned(),
        color: palette::GREEN_INK,
        shade: Some(RGBColor(0xe3, 0xf3, 0xec)),
    };
    let quick_word = crate::i18n::text(chart.lang.key(), "report.quick_win");
    let s = Scatter {
        title: chart.title.clone(),
        x: axis(&w.ease, points.iter().map(|p| p.ease).collect()),
        y: axis(&w.perceived_satisfaction, points.iter().map(|p| p.perception).collect()),
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
                        r: radius(p.professionalism, sizes),
                        color,
                        rim: 0.8,
                        hollow: false,
                    },
                }
            })
            .collect(),
        legend,
        note: w.proposal_split.replace("{v}", &figure::typed(mid)),
        key: points
            .iter()
            .map(|p| {
                let title = if p.quick_win {
                    format!("{}{}{quick_word}", p.title, w.dot)
                } else {
                    p.title.clone()
                };
                (p.id.clone(), title)
            })
            .collect(),
        max_label: 40.0,
        label_lines: 1,
    };
    scatter::draw(&s, area, c, show_title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_zoom_to_the_scores_and_keep_the_split() {
        assert_eq!(zoomed([3.0, 4.0, 5.0], (1.0, 5.0)), (2.5, 5.4));
        assert_eq!(zoomed([4.0, 5.0], (1.0, 5.0)), (2.5, 5.4));
        assert_eq!(zoomed([1.0, 2.0], (1.0, 5.0)), (0.6, 3.5));
        assert_eq!(zoomed([f64::NAN], (1.0, 5.0)), (2.5, 3.5));
    }

    #[test]
    fn bubble_areas_grow_with_the_value_over_the_proposals_range() {
        let r = size_range([3.0, 4.0, 5.0]);
        assert_eq!(r, (3.0, 5.0));
        let area = |v: f64| radius(v, r).powi(2);
        // linear in the value: equal steps add equal areas
        assert!(((area(4.0) - area(3.0)) - (area(5.0) - area(4.0))).abs() < 1e-3);
        assert!((radius(3.0, r) - RADII.0).abs() < 1e-6 && (radius(5.0, r) - RADII.1).abs() < 1e-6);
        // the largest at least twice as wide as the smallest: the difference shows
        assert!(radius(5.0, r) > 2.0 * radius(3.0, r));
        // all equal: one size
        assert_eq!(size_range([4.0, 4.0]), (3.0, 4.0));
    }
}
