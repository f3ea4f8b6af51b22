//! Benchmark of `kano report` on the Chinese example (issue: the report).
//!
//! `cargo bench --bench report [-- --runs N --workshop PATH]`
//!
//! Times, in this process, the whole path a `kano report` run takes after start-up: load and
//! check the workshop, build the view-model, render the templates, lay out, draw the charts
//! and write the PDF bytes (not the file write). Then it runs the release `kano` binary the
//! same number of times as a whole process, when it is built (`target/release/kano`), so the
//! figure a facilitator sees is measured too. Prints the medians and the PDF size against
//! the goals: at most 300 ms and 1 MB.

use std::path::{Path, PathBuf};
use std::time::Instant;

use kano::model::Language;
use kano::render::report::{ReportOptions, pdf};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let get = |name: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
    };
    let runs: usize = get("--runs").and_then(|v| v.parse().ok()).unwrap_or(15).max(1);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shown = get("--workshop").unwrap_or("workshops/zh-bank");
    let workshop = root.join(shown);

    let mut times = Vec::new();
    let mut size = 0;
    let mut pages = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let (loaded, diags) = kano::pipeline::load_and_check(&workshop);
        let Some(ws) = loaded.workshop.as_ref() else {
            eprintln!("{} does not load: {} problem(s)", workshop.display(), diags.len());
            std::process::exit(2);
        };
        let lang: Language = ws.data.workshop.language;
        let mut data = match kano::pipeline::kano_data(ws) {
            Ok(kano) => kano::view::ReportData { kano, analysis: None },
            Err(e) => {
                eprintln!("{}", kano::diag::chain(&e));
                std::process::exit(2);
            }
        };
        let opts = kano::analysis::AnalyzeOptions { lang, ..Default::default() };
        match kano::pipeline::analyze_workshop(ws, &loaded, &opts) {
            Ok(a) => data.analysis = Some(a),
            Err((diags, _)) => {
                eprintln!("the analysis failed: {} problem(s)", diags.len());
                std::process::exit(2);
            }
        }
        let out = match pdf(ws, &data, &ReportOptions::new(lang)) {
            Ok(out) => out,
            Err(e) => {
                eprintln!("report failed: {e}");
                std::process::exit(2);
            }
        };
        times.push(t.elapsed().as_secs_f64());
        size = out.bytes.len();
        pages = out.pages;
    }
    let in_process = median(times);
    println!("workshop: {shown} ({pages} pages)");
    println!("runs: {runs}, medians\n");
    println!("| measurement | time | goal |");
    println!("|---|--:|--:|");
    println!("| load + check + report, in process | {:.1} ms | ≤ 300 ms |", in_process * 1e3);
    if let Some(t) = whole_process(&root, &workshop, runs) {
        println!("| `kano report`, whole process | {:.1} ms | ≤ 300 ms |", t * 1e3);
    }
    println!("| PDF size | {:.0} KB | ≤ 1024 KB |", size as f64 / 1024.0);
}

/// The release binary, run as a user would, if it is built.
fn whole_process(root: &Path, workshop: &Path, runs: usize) -> Option<f64> {
    let exe = root.join("target/release/kano");
    if !exe.is_file() {
        println!("(target/release/kano is not built: whole-process time skipped)\n");
        return None;
    }
    let out = std::env::temp_dir().join("kano-bench-report");
    let mut times = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        let status = std::process::Command::new(&exe)
            .arg("report")
            .arg(workshop)
            .arg("-o")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        if !status.success() {
            return None;
        }
        times.push(t.elapsed().as_secs_f64());
    }
    Some(median(times))
}
