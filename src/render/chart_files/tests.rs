//! Tests of every chart: drawn from the example workshops in each language, no two texts
//! overlap and nothing leaves the area; edge cases (no data, one point, coincident points)
//! draw or fail cleanly; the SVG keeps the text as `<text>`.

use printpdf::PdfDocument;

use crate::analysis::Analysis;
use crate::analysis::kano::Category;
use crate::analysis::kano::ClassifyReport;
use crate::chart::style::DrawError;
use crate::model::{Dimension, Language, Move, TouchpointKind, Workshop};
use crate::render::pdf::chart_backend::inspect::{Placed, points, texts};
use crate::render::pdf::charts::pdf_ops;
use crate::render::pdf::layout::MM;
use crate::render::pdf::{Area, PdfFonts};
use crate::text::Faces;
use crate::view::charts::{self as data, ChartInputs, Charts};
use crate::view::specs::{
    BetterWorseChart, BetterWorsePoint, CategoryChart, CategoryRow, ChartSpec, ContinuousChart,
    ContinuousPoint, DamageChart, DimensionScores, GapChart, IpaChart, IpaItem, JourneyChart,
    JourneyStep, KeyMoments, Kind, NamedChart, NpsChart, PkChart, PkCriterion, PkGroup,
    ProposalChart, ProposalPoint, ScoreChart, TouchpointScore, ZoneChart, ZoneRow,
};

fn faces() -> Faces {
    Faces::embedded().unwrap()
}

/// A workshop with what the charts draw: its analysis (answer files read, labels in
/// `lang`) and its Kano classification, as `kano chart` computes them.
struct Analysed {
    ws: Workshop,
    analysis: Analysis,
    kano: Option<ClassifyReport>,
}

impl Analysed {
    fn new(path: &str, lang: Language) -> Self {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut loaded = crate::input::load(&root.join(path));
        let ws = loaded.workshop.take().unwrap();
        let opts = crate::analysis::AnalyzeOptions { lang, ..Default::default() };
        let analysis = crate::pipeline::analyze_workshop(&ws, &loaded, &opts)
            .unwrap_or_else(|(d, _)| panic!("{path}: {d:?}"));
        let kano = crate::pipeline::kano_data(&ws).unwrap();
        Analysed { ws, analysis, kano }
    }

    fn inputs(&self) -> ChartInputs<'_> {
        ChartInputs { analysis: Some(&self.analysis), kano: self.kano.as_ref() }
    }

    fn build(&self, lang: Language, only: Option<Kind>) -> Charts {
        data::build(&self.ws, &self.inputs(), lang, only)
    }
}

/// The texts a chart shows and every point it draws through.
type Drawing = (Vec<Placed>, Vec<(f32, f32)>);

/// The texts and the points drawn by `spec` in `area`, through the PDF backend.
fn draw_pdf(spec: &ChartSpec, area: Area, title: bool) -> Result<Drawing, DrawError> {
    let faces = faces();
    let mut doc = PdfDocument::new("t");
    let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
    let ops = pdf_ops(spec, area, &fonts, title)?;
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
    let (w, h) = super::size(spec, &faces());
    Area { x: 20.0, y: 30.0, width: w, height: h }
}

fn all_charts(path: &str, lang: Language) -> Charts {
    Analysed::new(path, lang).build(lang, None)
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
    // the NPS answers of a `responses_file` are drawn too
    assert!(zh.charts.iter().any(|c| c.name() == "nps-g5-s8"));
    let hotel = Analysed::new("workshops/en-hotel.yaml", Language::En);
    let en = hotel.build(Language::En, None);
    let missing: Vec<Kind> = en.missing.iter().map(|(k, _)| *k).collect();
    // both examples have data for every kind
    assert!(missing.is_empty(), "{missing:?}");
    // one journey map per journey, one proposal chart per group, names as files
    let names: Vec<String> = en.charts.iter().map(NamedChart::name).collect();
    for n in [
        "journey-g1-j1",
        "journey-g3-j1",
        "emotion-g1-j1",
        "emotion-g3-j1",
        "proposals-g2",
        "nps-g1-s7",
        "market-damage",
        "pk",
        "servqual-ipa",
    ] {
        assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
    }
    // a plan without answers has no chart
    assert!(!names.iter().any(|x| x == "nps-g2-s6"), "{names:?}");
    // only the kind asked for is built
    let only = hotel.build(Language::En, Some(Kind::Pk));
    assert_eq!(only.charts.len(), 1);
    assert!(only.missing.is_empty());
    // without results there is nothing to draw, and each kind says why
    let none = data::build(&hotel.ws, &ChartInputs::default(), Language::En, None);
    assert!(none.charts.is_empty());
    assert_eq!(none.missing.len(), Kind::ALL.len());
    assert!(
        none.missing
            .iter()
            .any(|(k, why)| *k == Kind::Pk && why.key == "cmd.chart_missing.not_analysed")
    );
}

/// The chart of `name` among `charts`.
fn spec<'a>(charts: &'a Charts, name: &str) -> &'a ChartSpec {
    &charts.charts.iter().find(|c| c.name() == name).unwrap_or_else(|| panic!("no {name}")).spec
}

#[test]
fn charts_draw_the_figures_of_the_analysis() {
    let bank = Analysed::new("workshops/zh-bank", Language::ZhCn);
    let zh = bank.build(Language::ZhCn, None);
    let a = &bank.analysis;
    let metric = |group: &str, step: &str| {
        a.metrics.iter().find(|m| m.group == group && m.step == step).unwrap()
    };
    // NPS from the answers file: 38 answers, 23 promoters, 5 detractors → 47.37
    let ChartSpec::Nps(nps) = spec(&zh, "nps-g5-s8") else { panic!() };
    assert_eq!(nps.counts.iter().sum::<u64>(), 38);
    assert_eq!(nps.counts[9] + nps.counts[10], 23);
    assert_eq!(nps.counts[..7].iter().sum::<u64>(), 5);
    assert_eq!(nps.score, metric("g5", "s8").figures.score);
    assert!((nps.score.unwrap() - 100.0 * 18.0 / 38.0).abs() < 1e-9);
    // SERVQUAL from the raw responses, not the typed item means
    let sq = a.servqual.as_ref().unwrap();
    let ChartSpec::ServqualGaps(gaps) = spec(&zh, "servqual-gaps") else { panic!() };
    for (row, d) in gaps.rows.iter().zip(&sq.dimensions) {
        assert_eq!((Some(row.expectation), Some(row.perception)), (d.expectation, d.perception));
    }
    assert!((gaps.rows[1].perception - gaps.rows[1].expectation + 1.1446).abs() < 5e-5);
    // IPA: the analysis' points and crosshair
    let ChartSpec::Ipa(ipa) = spec(&zh, "servqual-ipa") else { panic!() };
    let lines = &sq.ipa_crosshair.as_ref().unwrap().lines;
    assert_eq!(ipa.crosshair, (lines.performance, lines.importance));
    assert_eq!(ipa.items.len(), sq.ipa.len());
    assert_eq!((ipa.items[0].label.as_str(), ipa.items[0].dimension), ("T1", Dimension::Tangibles));
    // CSAT and CES as the analysis rounds them (62.5 %, 4.975 → 4.98)
    let ChartSpec::Scores(csat) = spec(&zh, "csat") else { panic!() };
    assert!(csat.rows.iter().any(|r| r.shown == "62.5%" && r.detail.contains("n = 24")));
    let ChartSpec::Scores(ces) = spec(&zh, "ces") else { panic!() };
    assert!(ces.rows.iter().any(|r| r.shown == "4.98" && r.detail.contains("67.5%")));
    assert_eq!(ces.domain, (1.0, 7.0));
    // PK: ranks from the analysis, ties share one
    let ChartSpec::Pk(pk) = spec(&zh, "pk") else { panic!() };
    let ranks: Vec<Option<usize>> = pk.groups.iter().map(|g| g.rank).collect();
    assert_eq!(ranks, [1, 2, 3, 3, 5, 6].map(Some));
    // journeys: the analysis' moments
    let ChartSpec::Journey(j) = spec(&zh, "journey-g1-j1") else { panic!() };
    assert!((j.moments.mean + 0.5).abs() < 1e-12);
    assert_eq!(j.moments.valleys, [2]);
    assert!(j.steps.iter().any(|s| !s.pain_points.is_empty()));

    // METHODS §4's worked example: 1000 with a problem, 40 complain, 20 resolved, 899 lost,
    // word of mouth 9,800
    let hotel = Analysed::new("workshops/en-hotel.yaml", Language::En);
    let en = hotel.build(Language::En, None);
    let ChartSpec::MarketDamage(md) = spec(&en, "market-damage") else { panic!() };
    assert!((md.complained - 40.0).abs() < 1e-9 && (md.resolved - 20.0).abs() < 1e-9);
    assert!((md.lost.iter().sum::<f64>() - 899.0).abs() < 1e-9);
    assert!(md.note.contains("9,800"), "{}", md.note);
    // CES 2.0 and CES 1.0 side by side: each scale with its direction
    let ChartSpec::Scores(ces) = spec(&en, "ces") else { panic!() };
    assert_eq!(ces.note, "1–7: higher = easier · 1–5: lower = less effort");
    assert!(ces.rows.iter().any(|r| r.shown == "3.83" && r.detail == "n = 12"));
    // IPA of the dimensions, importance their points of 100
    let ChartSpec::Ipa(ipa) = spec(&en, "servqual-ipa") else { panic!() };
    assert_eq!(ipa.items.len(), 5);
    assert_eq!(ipa.items[1].label, "Reliability");
    assert!((ipa.items[1].importance - 30.2).abs() < 1e-12);
    assert!((ipa.crosshair.1 - 20.0).abs() < 1e-9 && (ipa.crosshair.0 - 5.6).abs() < 1e-9);
    assert!(ipa.title.contains("points of 100"));
    assert_eq!(ipa.scale, (0.0, 100.0));
}

#[test]
fn the_svg_keeps_every_text_as_text_in_the_named_font() {
    let faces = faces();
    for c in all_charts("workshops/en-hotel.yaml", Language::En).charts {
        let svg = super::svg(&c.spec, &faces).unwrap();
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
        assert_eq!(svg, super::svg(&c.spec, &faces).unwrap());
    }
}

#[test]
fn png_and_pdf_outputs_are_well_formed_and_deterministic() {
    let faces = faces();
    let charts = all_charts("workshops/en-hotel.yaml", Language::En);
    let c = charts.charts.iter().find(|c| c.kind == Kind::KanoBetterWorse).unwrap();
    let png = super::png(&c.spec, &faces).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(png, super::png(&c.spec, &faces).unwrap());
    let meta =
        crate::render::pdf::DocMeta { title: c.spec.title().to_owned(), ..Default::default() };
    let pdf = super::pdf(&c.spec, &faces, meta.clone()).unwrap();
    assert_eq!(pdf, super::pdf(&c.spec, &faces, meta).unwrap());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let text = doc.extract_text(&[1]).unwrap();
    for s in
        ["Kano Better–Worse plot", "Free fast Wi-Fi", "A Excitement (attractive)", "split at 0.50"]
    {
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
        ChartSpec::Nps(NpsChart {
            title: "t".into(),
            lang: l,
            counts: [0; 11],
            score: None,
            shares: Default::default(),
        }),
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
            note: String::new(),
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
        assert!(super::svg(&spec, &faces()).is_err());
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
                quick_win: true,
            }],
        }),
        ChartSpec::Nps(NpsChart {
            title: "t".into(),
            lang: l,
            counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
            score: Some(100.0),
            shares: crate::view::figures::nps_shares(
                &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
                Some(100.0),
            ),
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
            note: "t".into(),
        }),
        ChartSpec::Pk(PkChart {
            title: "t".into(),
            lang: l,
            criteria: vec![PkCriterion { name: long.clone(), max: 10.0 }],
            groups: vec![PkGroup { name: long, scores: vec![None], rank: None }],
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
            super::svg(&spec, &faces()).unwrap();
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
    let hotel = Analysed::new("workshops/en-hotel.yaml", Language::En);
    for (lang, words) in [
        (Language::ZhCn, ["A 兴奋需求", "分界线 0.50", "遇到问题", "痛点", "速赢区"]),
        (Language::ZhTw, ["A 興奮需求", "分界線 0.50", "遇到問題", "痛點", "速贏區"]),
        (
            Language::En,
            [
                "A Excitement (attractive)",
                "split at 0.50",
                "With a problem",
                "Pain points",
                "Quick wins",
            ],
        ),
    ] {
        let charts = hotel.build(lang, None);
        let mut all = String::new();
        for c in &charts.charts {
            let (t, _) = draw_pdf(&c.spec, area_for(&c.spec), true).unwrap();
            for x in t {
                // a label wrapped over lines reads as one
                all.push_str(&x.text);
                all.push(' ');
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
    let mut painter = crate::render::pdf::ReportCharts::new(&specs);
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

#[test]
fn the_emotion_curve_of_every_journey_is_tidy() {
    for (path, lang) in [
        ("workshops/zh-bank", Language::ZhCn),
        ("workshops/zh-bank", Language::En),
        ("workshops/en-hotel.yaml", Language::En),
        ("workshops/en-hotel.yaml", Language::ZhTw),
    ] {
        let a = Analysed::new(path, lang);
        let charts = a.build(lang, Some(Kind::Emotion));
        assert_eq!(charts.charts.len(), a.analysis.journeys.len(), "{path}");
        let w = crate::view::chart_words::Words::of(lang);
        for c in &charts.charts {
            let ChartSpec::Emotion(e) = &c.spec else { panic!("{}", c.name()) };
            assert!(c.name().starts_with("emotion-g"), "{}", c.name());
            // as `kano chart` draws it, and in the report's narrower, lower area
            let own = area_for(&c.spec);
            let report = Area { width: 162.0 * MM, height: 95.0 * MM, ..own };
            for (area, title) in [(own, true), (own, false), (report, false)] {
                let (t, p) = draw_pdf(&c.spec, area, title).unwrap();
                let name = format!("{path} {lang:?} {}", c.name());
                assert_tidy(&name, area, &t, &p);
                assert!(t.iter().all(|x| x.size >= 7.0 - 1e-3), "{name}");
                assert_eq!(t.iter().any(|x| x.text == c.spec.title()), title, "{name}");
                assert!(t.iter().any(|x| x.text.starts_with(&w.average)), "{name}");
                assert!(t.iter().any(|x| x.bold && x.text.contains(&w.end)), "{name}");
                assert!(t.iter().any(|x| x.text == w.emotion), "{name}");
                // every step named (whole, over two lines, or shortened)
                for (step, _) in &e.steps {
                    let head: String = step.chars().take(2).collect();
                    assert!(
                        t.iter().any(|x| !x.bold && x.text.starts_with(&head)),
                        "{name}: {step}"
                    );
                }
            }
        }
    }
}

/// The texts of every chart of both examples in every language, as drawn on their own.
fn every_text() -> Vec<(String, Language, String, Vec<Placed>)> {
    let mut out = Vec::new();
    for path in ["workshops/zh-bank", "workshops/en-hotel.yaml"] {
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            for c in all_charts(path, lang).charts {
                let (t, _) = draw_pdf(&c.spec, area_for(&c.spec), true).unwrap();
                out.push((path.to_owned(), lang, c.name(), t));
            }
        }
    }
    out
}

#[test]
fn chart_text_is_spaced_and_numbered_as_the_tables() {
    use crate::text::spaced;
    let closing =
        ['）', ')', '，', '。', '、', '：', '；', '！', '？', '”', '’', ',', '.', ':', ';'];
    for (path, lang, name, texts) in every_text() {
        let at = format!("{path} {lang:?} {name}");
        for t in &texts {
            let s = t.text.as_str();
            // the CJK–Latin spacing of the tables
            assert_eq!(s, spaced(s), "{at}: {s:?} is not spaced");
            // the typographic minus, never a hyphen before a digit
            assert!(
                !s.char_indices().any(|(i, c)| c == '-'
                    && s[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                    && !s[..i].ends_with(|p: char| p.is_alphanumeric())),
                "{at}: {s:?} has a hyphen for a minus"
            );
            // no line starts with closing punctuation or a lone separator
            let first = s.trim_start().chars().next();
            assert!(
                !first.is_some_and(|f| closing.contains(&f) || f == '·' || f == '•'),
                "{at}: a line starts with {first:?}: {s:?}"
            );
        }
    }
}

#[test]
fn chart_labels_match_their_tables() {
    use crate::analysis::ipa::Quadrant;
    let bank = Analysed::new("workshops/zh-bank", Language::ZhCn);
    for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
        let charts = bank.build(lang, None);
        let texts = |name: &str| -> String {
            let (t, _) =
                draw_pdf(spec(&charts, name), area_for(spec(&charts, name)), true).unwrap();
            t.iter().map(|x| x.text.clone()).collect::<Vec<_>>().join("\n")
        };
        // the IPA quadrants by the IPA table's names
        let ipa = texts("servqual-ipa");
        for q in [
            Quadrant::ConcentrateHere,
            Quadrant::KeepUpTheGoodWork,
            Quadrant::LowPriority,
            Quadrant::PossibleOverkill,
        ] {
            assert!(
                ipa.contains(q.label(lang)),
                "{lang:?}: {} not in the IPA chart",
                q.label(lang)
            );
        }
        // the Kano categories as the Kano table names them, letter first
        let names = crate::view::labels::kano_categories(lang);
        let bw = texts("kano-better-worse");
        for c in [Category::A, Category::O, Category::M, Category::I] {
            let name = format!("{} {}", c.letter(), names.get(c));
            assert!(bw.contains(&name), "{lang:?}: {name} not in {bw}");
        }
    }
    let zh = bank.build(Language::ZhCn, None);
    let all = |name: &str| -> String {
        let (t, _) = draw_pdf(spec(&zh, name), area_for(spec(&zh, name)), true).unwrap();
        t.iter().map(|x| x.text.clone()).collect::<Vec<_>>().join("\n")
    };
    // spaced like the tables: 柜面办理时长≤10 分钟, 投诉 24 小时回访, 厅堂 WiFi
    let bw = all("kano-better-worse");
    for s in ["厅堂 WiFi", "柜面办理时长≤10 分钟", "投诉 24 小时回访"] {
        assert!(bw.contains(s), "{s} not in {bw}");
    }
    // fixed decimals: means 2, percents 1, as the tables
    assert!(all("journey-g1-j1").contains("平均线 −0.50"));
    let ChartSpec::Scores(csat) = spec(&zh, "csat") else { panic!() };
    assert!(csat.rows.iter().any(|r| r.shown == "60.0%" && r.detail.starts_with("均值 3.60")));
    assert!(csat.rows.iter().all(|r| r.shown.split('.').nth(1).is_some_and(|d| d.len() == 2)));
    let zone = all("servqual-zone");
    assert!(zone.contains("4.60") && zone.contains("5.80") && !zone.contains("\n4.6\n"));
    let ipa = all("servqual-ipa");
    assert!(ipa.contains("均值（表现 5.40，重要性 5.81）"), "{ipa}");
    let md = all("market-damage");
    for s in [
        "3,660",
        "29.0%",
        "3,553 · 97.1%",
        "69 · 1.9%",
        "38 · 1.0%",
        "−287",
        "3,660 × 1,850 元 = 6,771,000 元",
    ] {
        assert!(md.contains(s), "{s} not in {md}");
    }
}

/// A journey of `n` steps, each with `pains` long pain points.
fn journey(n: usize, pains: usize, lang: Language) -> ChartSpec {
    let steps = (0..n)
        .map(|i| JourneyStep {
            name: format!("第{i}步客户到网点办理业务"),
            emotion: (i as f64 % 5.0) - 2.0,
            kinds: if i == 0 { vec![TouchpointKind::First] } else { vec![] },
            pain_points: (0..pains)
                .map(|k| {
                    format!("等了{}分钟还没有人接待，问了两次才知道要先取号（第{k}条）", 20 + i)
                })
                .collect(),
        })
        .collect();
    ChartSpec::Journey(JourneyChart {
        title: "t".into(),
        lang,
        scale: (-3.0, 3.0),
        steps,
        moments: KeyMoments { mean: -0.25, peaks: vec![], valleys: vec![], end: Some(n - 1) },
    })
}

#[test]
fn journey_pain_points_are_listed_in_full_or_left_to_the_table() {
    for lang in [Language::ZhCn, Language::En] {
        let w = crate::view::chart_words::Words::of(lang);
        for (n, pains) in [(3, 1), (3, 4), (8, 2), (12, 1), (12, 3)] {
            let spec = journey(n, pains, lang);
            let ChartSpec::Journey(j) = &spec else { unreachable!() };
            let own = area_for(&spec);
            let report = Area { width: 162.0 * MM, height: 95.0 * MM, ..own };
            for (area, what) in [(own, "own"), (report, "report")] {
                let (t, p) = draw_pdf(&spec, area, false).unwrap();
                let name = format!("{lang:?} {n}×{pains} {what}");
                assert_tidy(&name, area, &t, &p);
                // the lines of a wrapped text, joined (a break at a space drops the space)
                let squash = |s: &str| s.replace(' ', "");
                let all = squash(&t.iter().map(|x| x.text.as_str()).collect::<String>());
                let listed =
                    j.steps.iter().flat_map(|s| &s.pain_points).all(|p| all.contains(&squash(p)));
                // every pain point whole, or none and the pointer to the table
                let note = t.iter().any(|x| x.text == w.pain_points_in_table);
                assert!(listed != note, "{name}: listed {listed}, note {note}");
                assert!(
                    !t.iter().any(|x| x.text.ends_with('…') && x.text != "…" && x.size <= 7.0),
                    "{name}"
                );
                // a chart on its own lists them
                if what == "own" && n * pains <= 24 {
                    assert!(listed, "{name}");
                }
            }
        }
    }
}

/// The filled rectangles the operations draw: their colour (0–255) and their height, points.
fn filled_rects(ops: &[printpdf::Op]) -> Vec<((u8, u8, u8), f32)> {
    use printpdf::{Color, Op, PaintMode};
    let mut fill = (0, 0, 0);
    let mut out = Vec::new();
    for op in ops {
        match op {
            Op::SetFillColor { col: Color::Rgb(c) } => {
                let b = |v: f32| (v * 255.0).round() as u8;
                fill = (b(c.r), b(c.g), b(c.b));
            }
            Op::DrawRectangle { rectangle: r } if r.mode == Some(PaintMode::Fill) => {
                out.push((fill, r.height.0));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_market_damage_legend_entry_is_drawn_and_the_parts_add_up() {
    use crate::chart::market_damage::{DROP, LOST, MIN_BAR, TOTAL};
    let faces = faces();
    let mut doc = PdfDocument::new("t");
    let fonts = PdfFonts::add_to(&mut doc, &faces).unwrap();
    let rgb = |c: plotters::style::RGBColor| (c.0, c.1, c.2);
    for (path, lang) in [
        ("workshops/zh-bank", Language::ZhCn),
        ("workshops/zh-bank", Language::En),
        ("workshops/en-hotel.yaml", Language::ZhTw),
    ] {
        let charts = all_charts(path, lang);
        let spec = spec(&charts, "market-damage");
        let ChartSpec::MarketDamage(md) = spec else { panic!() };
        for area in
            [area_for(spec), Area { width: 162.0 * MM, height: 90.0 * MM, ..area_for(spec) }]
        {
            let ops = pdf_ops(spec, area, &fonts, false).unwrap();
            let rects = filled_rects(&ops);
            let of =
                |c| rects.iter().filter(|(k, _)| *k == rgb(c)).map(|(_, h)| *h).collect::<Vec<_>>();
            // the legend's swatch and at least one bar of its colour, visibly high
            for c in [TOTAL, DROP] {
                let drawn = of(c);
                assert!(drawn.len() >= 2, "{path} {lang:?}: {c:?} {drawn:?}");
                assert!(drawn.iter().filter(|h| **h >= MIN_BAR - 0.3).count() >= 2, "{drawn:?}");
            }
            // each part of the lost customers: swatch, its segment of the lost column and of
            // the breakdown, each at least MIN_BAR high
            for (k, c) in LOST.iter().enumerate() {
                let drawn = of(*c);
                assert_eq!(drawn.len(), 3, "{path} {lang:?}: part {k} {drawn:?}");
                assert!(drawn.iter().all(|h| *h >= MIN_BAR - 0.3), "{drawn:?}");
            }
            // the breakdown's segments stack to one bar: the tallest of each part sums to the
            // breakdown's height, and the parts are in the order of their counts
            let tallest: Vec<f32> =
                LOST.iter().map(|c| of(*c).into_iter().fold(0.0, f32::max)).collect();
            assert!(md.lost[0] > md.lost[1] && tallest[0] > tallest[1], "{tallest:?}");
            let texts = texts(&ops, &fonts);
            let shown: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
            let total = crate::chart::style::figure::count(md.lost.iter().sum());
            assert!(shown.contains(&total.as_str()), "{shown:?}");
        }
    }
}
