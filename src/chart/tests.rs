//! Tests of every chart: drawn from the example workshops in each language, no two texts
//! overlap and nothing leaves the area; edge cases (no data, one point, coincident points)
//! draw or fail cleanly; the SVG keeps the text as `<text>`.

use printpdf::PdfDocument;

use super::backend::inspect::{Placed, points, texts};
use super::data::{self, Charts};
use super::journey::{JourneyChart, JourneyStep, KeyMoments};
use super::kano::{
    BetterWorseChart, BetterWorsePoint, CategoryChart, CategoryRow, ContinuousChart,
    ContinuousPoint,
};
use super::market_damage::DamageChart;
use super::metrics::{NpsChart, ScoreChart, TouchpointScore};
use super::output;
use super::pk::{PkChart, PkCriterion, PkGroup};
use super::proposals::{ProposalChart, ProposalPoint};
use super::servqual::{DimensionScores, GapChart, IpaChart, IpaItem, ZoneChart, ZoneRow};
use super::style::DrawError;
use super::{Kind, NamedChart};
use crate::analysis::kano::Category;
use crate::model::{Dimension, Language, Move, TouchpointKind, Workshop};
use crate::render::pdf::layout::MM;
use crate::render::pdf::{Area, Faces, PdfFonts};
use crate::report::ChartSpec;

fn faces() -> Faces {
    Faces::embedded().unwrap()
}

fn workshop(path: &str) -> Workshop {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = crate::input::load(&root.join(path));
    loaded.workshop.unwrap()
}

/// The texts a chart shows and every point it draws through.
type Drawing = (Vec<Placed>, Vec<(f32, f32)>);

/// The texts and the points drawn by `spec` in `area`, through the PDF backend.
fn draw_pdf(spec: &ChartSpec, area: Area, title: bool) -> Result<Drawing, DrawError> {
    let faces = faces();
    let mut doc = PdfDocument::new("t");
    let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
    let ops = output::pdf_ops(spec, area, &fonts, title)?;
    Ok((texts(&ops, &fonts), points(&ops, &fonts)))
}

/// No two texts overlap; everything lies inside `area`.
fn assert_tidy(name: &str, area: Area, t: &[Placed], p: &[(f32, f32)]) {
    let e = 0.05;
    for &(x, y) in p {
        assert!(
            x >= area.x - e
                && x <= area.x + area.width + e
                && y >= area.y - e
                && y <= area.y + area.height + e,
            "{name}: ({x}, {y}) outside {area:?}"
        );
    }
    for (i, a) in t.iter().enumerate() {
        for b in &t[i + 1..] {
            // the em boxes may touch; they must not overlap by more than a hair
            let (x, y) = (
                a.bbox.2.min(b.bbox.2) - a.bbox.0.max(b.bbox.0),
                a.bbox.3.min(b.bbox.3) - a.bbox.1.max(b.bbox.1),
            );
            assert!(!(x > 0.3 && y > 0.3), "{name}: {:?} overlaps {:?}", a.text, b.text);
        }
    }
}

/// The area a chart gets on its own (as `kano chart` draws it).
fn area_for(spec: &ChartSpec) -> Area {
    let (w, h) = output::size(spec, &faces());
    Area { x: 20.0, y: 30.0, width: w, height: h }
}

fn all_charts(path: &str, lang: Language) -> Charts {
    data::build(&workshop(path), lang, None)
}

#[test]
fn every_chart_of_both_examples_is_tidy_in_every_language() {
    for (path, langs) in [
        ("workshops/zh-bank", &[Language::ZhCn, Language::ZhTw, Language::En][..]),
        ("workshops/en-hotel.yaml", &[Language::En, Language::ZhCn][..]),
    ] {
        for &lang in langs {
            let charts = all_charts(path, lang);
            assert!(charts.charts.len() >= 10, "{path} {lang:?}: {:?}", charts.missing);
            for c in &charts.charts {
                let area = area_for(&c.spec);
                for title in [true, false] {
                    let (t, p) = draw_pdf(&c.spec, area, title)
                        .unwrap_or_else(|e| panic!("{}: {e}", c.name()));
                    assert!(!t.is_empty());
                    assert_tidy(&format!("{path} {lang:?} {}", c.name()), area, &t, &p);
                    // every text is drawable in the embedded font
                    let all: String = t.iter().map(|x| x.text.as_str()).collect();
                    assert_eq!(faces().missing(&all), Vec::<char>::new(), "{}", c.name());
                    // at least 7 pt
                    assert!(t.iter().all(|x| x.size >= 7.0 - 1e-3), "{}", c.name());
                }
                // the report width (A4 with 24 mm margins) and a lower area fit too
                let narrow =
                    Area { width: 162.0 * MM, height: area.height.min(100.0 * MM), ..area };
                let (t, p) = draw_pdf(&c.spec, narrow, false)
                    .unwrap_or_else(|e| panic!("{}: {e}", c.name()));
                assert_tidy(&format!("{path} {lang:?} {} (narrow)", c.name()), narrow, &t, &p);
            }
        }
    }
}

#[test]
fn examples_have_every_kind_they_have_data_for() {
    let zh = all_charts("workshops/zh-bank", Language::ZhCn);
    for k in Kind::ALL {
        assert!(
            zh.charts.iter().any(|c| c.kind == k),
            "zh-bank lacks {}: {:?}",
            k.name(),
            zh.missing
        );
    }
    let en = all_charts("workshops/en-hotel.yaml", Language::En);
    let missing: Vec<Kind> = en.missing.iter().map(|(k, _)| *k).collect();
    // no item importances
    assert_eq!(missing, vec![Kind::ServqualIpa]);
    // one journey map per journey, one proposal chart per group, names as files
    let names: Vec<String> = en.charts.iter().map(NamedChart::name).collect();
    for n in ["journey-g1-j1", "journey-g3-j1", "proposals-g2", "nps-g1-s7", "market-damage", "pk"]
    {
        assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
    }
    // only the kind asked for is built
    let only = data::build(&workshop("workshops/en-hotel.yaml"), Language::En, Some(Kind::Pk));
    assert_eq!(only.charts.len(), 1);
    assert!(only.missing.is_empty());
}

#[test]
fn the_svg_keeps_every_text_as_text_in_the_named_font() {
    let faces = faces();
    for c in all_charts("workshops/en-hotel.yaml", Language::En).charts {
        let svg = output::svg(&c.spec, &faces).unwrap();
        assert!(svg.starts_with("<svg width=\"170mm\""), "{}", &svg[..80]);
        assert!(!svg.contains("kano-sans"));
        assert!(svg.contains("font-family=\"'Noto Sans SC'"));
        let (t, _) = draw_pdf(&c.spec, area_for(&c.spec), true).unwrap();
        for x in &t {
            let escaped = x
                .text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&apos;");
            assert!(svg.contains(&escaped), "{}: {:?} not in the SVG", c.name(), x.text);
        }
        // same input, same bytes
        assert_eq!(svg, output::svg(&c.spec, &faces).unwrap());
    }
}

#[test]
fn png_and_pdf_outputs_are_well_formed_and_deterministic() {
    let faces = faces();
    let charts = all_charts("workshops/en-hotel.yaml", Language::En);
    let c = charts.charts.iter().find(|c| c.kind == Kind::KanoBetterWorse).unwrap();
    let png = output::png(&c.spec, &faces).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(png, output::png(&c.spec, &faces).unwrap());
    let meta =
        crate::render::pdf::DocMeta { title: c.spec.title().to_owned(), ..Default::default() };
    let pdf = output::pdf(&c.spec, &faces, meta.clone()).unwrap();
    assert_eq!(pdf, output::pdf(&c.spec, &faces, meta).unwrap());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    for s in ["Kano Better–Worse plot", "Free fast Wi-Fi", "Attractive (A)", "split at 0.5"] {
        assert!(text.contains(s), "{s} not in {text:?}");
    }
}

fn lang_charts() -> Vec<ChartSpec> {
    let l = Language::ZhCn;
    vec![
        ChartSpec::BetterWorse(BetterWorseChart {
            title: "t".into(),
            lang: l,
            points: vec![],
            split: 0.5,
        }),
        ChartSpec::KanoCategories(CategoryChart { title: "t".into(), lang: l, rows: vec![] }),
        ChartSpec::KanoContinuous(ContinuousChart {
            title: "t".into(),
            lang: l,
            points: vec![],
            split: 2.0,
        }),
        ChartSpec::ServqualGaps(GapChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 7.0),
            rows: vec![],
        }),
        ChartSpec::ServqualZone(ZoneChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 7.0),
            rows: vec![],
        }),
        ChartSpec::Ipa(IpaChart {
            title: "t".into(),
            lang: l,
            items: vec![],
            crosshair: (f64::NAN, f64::NAN),
            crosshair_note: String::new(),
            scale: (1.0, 7.0),
        }),
        ChartSpec::Journey(JourneyChart {
            title: "t".into(),
            lang: l,
            scale: (-3.0, 3.0),
            steps: vec![],
            moments: KeyMoments::default(),
        }),
        ChartSpec::Proposals(ProposalChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 5.0),
            points: vec![],
        }),
        ChartSpec::Nps(NpsChart { title: "t".into(), lang: l, counts: [0; 11], score: None }),
        ChartSpec::Scores(ScoreChart {
            title: "t".into(),
            lang: l,
            axis: "x".into(),
            domain: (0.0, 100.0),
            note: String::new(),
            rows: vec![],
        }),
        ChartSpec::MarketDamage(DamageChart {
            title: "t".into(),
            lang: l,
            with_problem: 0.0,
            complained: 0.0,
            resolved: 0.0,
            lost: [0.0; 3],
            value_per_customer: None,
            word_of_mouth: None,
            currency: String::new(),
        }),
        ChartSpec::Pk(PkChart { title: "t".into(), lang: l, criteria: vec![], groups: vec![] }),
    ]
}

#[test]
fn empty_charts_fail_cleanly() {
    let area = Area { x: 0.0, y: 0.0, width: 480.0, height: 300.0 };
    for spec in lang_charts() {
        match draw_pdf(&spec, area, true) {
            Err(DrawError::NoData(_)) => {}
            other => panic!("{spec:?}: {:?}", other.map(|_| ())),
        }
        assert!(output::svg(&spec, &faces()).is_err());
    }
}

#[test]
fn too_small_areas_fail_cleanly() {
    let charts = all_charts("workshops/en-hotel.yaml", Language::En);
    for c in &charts.charts {
        for (w, h) in [(60.0, 300.0), (480.0, 40.0), (0.0, 0.0)] {
            let area = Area { x: 0.0, y: 0.0, width: w, height: h };
            assert!(draw_pdf(&c.spec, area, true).is_err(), "{} at {w}×{h}", c.name());
        }
    }
}

/// One-item versions of every chart, with long names.
fn single_charts(l: Language) -> Vec<ChartSpec> {
    let long = "客户在门店里长时间排队等候办理业务的体验非常糟糕".to_owned();
    vec![
        ChartSpec::BetterWorse(BetterWorseChart {
            title: "t".into(),
            lang: l,
            points: vec![BetterWorsePoint {
                name: long.clone(),
                better: 0.5,
                worse: 0.5,
                category: None,
            }],
            split: 0.5,
        }),
        ChartSpec::KanoCategories(CategoryChart {
            title: "t".into(),
            lang: l,
            rows: vec![CategoryRow {
                name: long.clone(),
                counts: [1, 0, 0, 0, 0, 0],
                category: Some(Category::A),
            }],
        }),
        ChartSpec::KanoContinuous(ContinuousChart {
            title: "t".into(),
            lang: l,
            points: vec![ContinuousPoint {
                name: long.clone(),
                functional: 4.0,
                dysfunctional: -2.0,
                importance: Some(9.0),
            }],
            split: 2.0,
        }),
        ChartSpec::ServqualGaps(GapChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 7.0),
            rows: vec![DimensionScores { name: long.clone(), expectation: 6.0, perception: 6.0 }],
        }),
        ChartSpec::ServqualZone(ZoneChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 7.0),
            rows: vec![ZoneRow { name: long.clone(), adequate: 5.0, desired: 5.1, perceived: 7.0 }],
        }),
        ChartSpec::Ipa(IpaChart {
            title: "t".into(),
            lang: l,
            items: vec![IpaItem {
                label: "T1".into(),
                dimension: Dimension::Tangibles,
                performance: 5.0,
                importance: 6.0,
            }],
            crosshair: (5.0, 6.0),
            crosshair_note: "x".into(),
            scale: (1.0, 7.0),
        }),
        ChartSpec::Journey(JourneyChart {
            title: "t".into(),
            lang: l,
            scale: (-3.0, 3.0),
            steps: vec![JourneyStep {
                name: long.clone(),
                emotion: 1.0,
                kinds: TouchpointKind::ALL.to_vec(),
                pain_points: vec![long.clone(), long.clone(), long.clone(), long.clone()],
            }],
            moments: KeyMoments { mean: 1.0, peaks: vec![], valleys: vec![], end: Some(0) },
        }),
        ChartSpec::Proposals(ProposalChart {
            title: "t".into(),
            lang: l,
            scale: (1.0, 5.0),
            points: vec![ProposalPoint {
                id: "p1".into(),
                title: long.clone(),
                kind: Move::LiftPeak,
                ease: 5.0,
                perception: 5.0,
                professionalism: 5.0,
            }],
        }),
        ChartSpec::Nps(NpsChart {
            title: "t".into(),
            lang: l,
            counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            score: Some(100.0),
        }),
        ChartSpec::Scores(ScoreChart {
            title: "t".into(),
            lang: l,
            axis: "x".into(),
            domain: (0.0, 100.0),
            note: "n".into(),
            rows: vec![TouchpointScore {
                label: long.clone(),
                value: 100.0,
                shown: "100%".into(),
                detail: long.clone(),
            }],
        }),
        ChartSpec::MarketDamage(DamageChart {
            title: "t".into(),
            lang: l,
            with_problem: 1.0,
            complained: 0.0,
            resolved: 0.0,
            lost: [1.0, 0.0, 0.0],
            value_per_customer: Some(1.0),
            word_of_mouth: Some(1.0),
            currency: "元".into(),
        }),
        ChartSpec::Pk(PkChart {
            title: "t".into(),
            lang: l,
            criteria: vec![PkCriterion { name: long.clone(), max: 10.0 }],
            groups: vec![PkGroup { name: long, scores: vec![None] }],
        }),
    ]
}

#[test]
fn single_items_with_long_names_draw_tidily() {
    for l in [Language::ZhCn, Language::En] {
        for spec in single_charts(l) {
            let area = area_for(&spec);
            let (t, p) = draw_pdf(&spec, area, true).unwrap_or_else(|e| panic!("{spec:?}: {e}"));
            assert_tidy(&format!("{spec:?}"), area, &t, &p);
            output::svg(&spec, &faces()).unwrap();
        }
    }
}

#[test]
fn crowded_scatter_labels_never_overlap() {
    // thirty features in two tight clusters, some at the same spot
    let points: Vec<BetterWorsePoint> = (0..30)
        .map(|i| BetterWorsePoint {
            name: format!("功能{i}号服务体验"),
            better: if i < 15 { 0.6 + f64::from(i % 5) * 0.01 } else { 0.3 },
            worse: if i < 15 { 0.6 + f64::from(i / 5) * 0.01 } else { 0.3 },
            category: Some(Category::O),
        })
        .collect();
    let spec = ChartSpec::BetterWorse(BetterWorseChart {
        title: "t".into(),
        lang: Language::ZhCn,
        points,
        split: 0.5,
    });
    let area = area_for(&spec);
    let (t, p) = draw_pdf(&spec, area, true).unwrap();
    assert_eq!(t.iter().filter(|x| x.text.starts_with("功能")).count(), 30);
    assert_tidy("crowded", area, &t, &p);
}

#[test]
fn chart_text_follows_the_language() {
    let ws = workshop("workshops/en-hotel.yaml");
    for (lang, words) in [
        (Language::ZhCn, ["兴奋需求 A", "分界线 0.5", "遇到问题", "痛点", "速赢区"]),
        (Language::ZhTw, ["興奮需求 A", "分界線 0.5", "遇到問題", "痛點", "速贏區"]),
        (
            Language::En,
            ["Attractive (A)", "split at 0.5", "With a problem", "Pain points", "Quick wins"],
        ),
    ] {
        let charts = data::build(&ws, lang, None);
        let mut all = String::new();
        for c in &charts.charts {
            let (t, _) = draw_pdf(&c.spec, area_for(&c.spec), true).unwrap();
            for x in t {
                all.push_str(&x.text);
                all.push('\n');
            }
        }
        for w in words {
            assert!(all.contains(w), "{lang:?}: {w} missing");
        }
    }
}

#[test]
fn the_report_painter_draws_every_kind_by_id_without_its_title() {
    use crate::render::pdf::ChartPainter as _;
    let charts = all_charts("workshops/en-hotel.yaml", Language::En);
    let specs: std::collections::BTreeMap<String, ChartSpec> =
        charts.charts.iter().map(|c| (c.name(), c.spec.clone())).collect();
    let labels = crate::report::labels::labels(Language::En);
    let mut painter = super::ReportCharts::new(&specs, &labels);
    let faces = faces();
    let mut doc = PdfDocument::new("t");
    let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
    let area = Area { x: 68.0, y: 300.0, width: 162.0 * MM, height: 100.0 * MM };
    for (id, spec) in &specs {
        let ops = painter.paint(id, area, &fonts).unwrap_or_else(|e| panic!("{id}: {e}"));
        let t = texts(&ops, &fonts);
        assert!(!t.is_empty(), "{id}");
        assert!(t.iter().all(|x| x.text != spec.title()), "{id}: the caption is the layout's");
    }
    assert!(painter.paint("no-such-chart", area, &fonts).is_err());
}
