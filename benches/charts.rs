//! Benchmark: every chart of the Chinese example workshop (issue: charts and `kano chart`).
//!
//! `cargo bench --bench charts [-- --runs R]`
//!
//! Loads `workshops/zh-bank` once, then times, each as the median of R runs (default 10):
//!
//! - `results`: what the charts draw: the analysis (answer files read) and the Kano
//!   classification of the 120-respondent survey, as `kano chart` computes them;
//! - `data`: every chart's input from those results;
//! - `pdf ops`: drawing every chart into printpdf operations through the plotters PDF
//!   backend, into one document, as the report does;
//! - `svg`: every chart as an SVG document;
//! - `pdf files`: every chart as a one-page PDF file (font subsetting included);
//! - `pdf document`: every chart on a page of one document, saved once with its fonts
//!   subset, as the report holds them;
//! - `png`: every chart as a 200-dpi PNG.
//!
//! Prints a Markdown table. The goal is well under a second for all charts.

use std::time::{Duration, Instant};

use kano::analysis::kano::ClassifyReport;
use kano::analysis::{Analysis, AnalyzeOptions};
use kano::model::{Language, Workshop};
use kano::render::chart_files as output;
use kano::render::pdf::charts::pdf_ops;
use kano::render::pdf::layout::MM;
use kano::render::pdf::{Area, DocMeta, PdfFonts};
use kano::text::Faces;
use kano::view::charts::{self, ChartInputs};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        times.push(t.elapsed());
    }
    let min = times.iter().copied().min().unwrap_or_default();
    (median(times), min)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(10usize)
        .max(1);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut loaded = kano::input::load(&root.join("workshops/zh-bank"));
    let Some(ws) = loaded.workshop.take() else {
        eprintln!("workshops/zh-bank could not be loaded");
        std::process::exit(2);
    };
    let results = |ws: &Workshop| -> (Analysis, Option<ClassifyReport>) {
        let opts = AnalyzeOptions { lang: Language::ZhCn, ..Default::default() };
        let analysis =
            kano::pipeline::analyze_workshop(ws, &loaded, &opts).unwrap_or_else(|(d, _)| {
                eprintln!("the analysis failed: {} problem(s)", d.len());
                std::process::exit(2);
            });
        let kano = kano::pipeline::kano_data(ws).unwrap_or_else(|e| {
            eprintln!("{}", kano::diag::chain(&e));
            std::process::exit(2);
        });
        (analysis, kano)
    };
    let (analysis, kano) = results(&ws);
    let inputs = ChartInputs { analysis: Some(&analysis), kano: kano.as_ref() };
    let faces = Faces::embedded().expect("the embedded fonts load");
    let charts = charts::build(&ws, &inputs, Language::ZhCn, None).charts;
    println!(
        "workshops/zh-bank: {} charts; {} cpus; release build; {runs} runs each, medians (min)\n",
        charts.len(),
        std::thread::available_parallelism().map_or(1, usize::from)
    );

    let mut rows: Vec<(&str, (Duration, Duration))> = Vec::new();
    rows.push((
        "results (analysis with answer files, Kano survey classified)",
        time(runs, || results(&ws)),
    ));
    rows.push((
        "data (all charts' inputs from the results)",
        time(runs, || charts::build(&ws, &inputs, Language::ZhCn, None)),
    ));
    rows.push((
        "pdf ops (all charts into one document)",
        time(runs, || {
            let mut doc = printpdf::PdfDocument::new("bench");
            let fonts = PdfFonts::add_to(&mut doc, &faces).expect("fonts");
            let mut n = 0;
            for c in &charts {
                let (w, h) = output::size(&c.spec, &faces);
                let area = Area { x: 50.0, y: 50.0, width: w, height: h };
                n += pdf_ops(&c.spec, area, &fonts, false).expect("chart").len();
            }
            n
        }),
    ));
    rows.push((
        "svg (all charts)",
        time(runs, || {
            charts.iter().map(|c| output::svg(&c.spec, &faces).expect("svg").len()).sum::<usize>()
        }),
    ));
    rows.push((
        "pdf files (all charts, one page each)",
        time(runs, || {
            charts
                .iter()
                .map(|c| output::pdf(&c.spec, &faces, DocMeta::default()).expect("pdf").len())
                .sum::<usize>()
        }),
    ));
    rows.push((
        "pdf document (all charts, a page each, saved once)",
        time(runs, || {
            let mut doc = printpdf::PdfDocument::new("bench");
            let fonts = PdfFonts::add_to(&mut doc, &faces).expect("fonts");
            let pages: Vec<printpdf::PdfPage> = charts
                .iter()
                .map(|c| {
                    let (w, h) = output::size(&c.spec, &faces);
                    let area = Area { x: 20.0, y: 20.0, width: w, height: h };
                    let ops = pdf_ops(&c.spec, area, &fonts, true).expect("chart");
                    let mm = |pt: f32| printpdf::Mm(pt / MM);
                    printpdf::PdfPage::new(mm(w + 40.0), mm(h + 40.0), ops)
                })
                .collect();
            doc.with_pages(pages);
            let opts = printpdf::PdfSaveOptions {
                optimize: true,
                subset_fonts: true,
                secure: true,
                image_optimization: None,
            };
            doc.save(&opts, &mut Vec::new()).len()
        }),
    ));
    rows.push((
        "png 200 dpi (all charts)",
        time(runs.min(3), || {
            charts.iter().map(|c| output::png(&c.spec, &faces).expect("png").len()).sum::<usize>()
        }),
    ));

    println!("| measurement | median | min | per chart |");
    println!("|---|--:|--:|--:|");
    for (name, (med, min)) in rows {
        let per = med.as_secs_f64() * 1000.0 / charts.len() as f64;
        println!(
            "| {name} | {:.1} ms | {:.1} ms | {per:.2} ms |",
            med.as_secs_f64() * 1000.0,
            min.as_secs_f64() * 1000.0
        );
    }
}
