//! Benchmark of `kano classify` on a large synthetic survey (issue: Kano classifier).
//!
//! `cargo bench --bench classify [-- --respondents N --features K --runs R --answers codes|english|chinese --importance]`
//!
//! Default: 1,000,000 respondents × 20 features, codes 1–5, three runs of each measurement.
//! It writes a deterministic synthetic wide survey (`target/bench-data/`), then times, each
//! in a fresh child process so that peak memory (VmHWM) is the measurement's own:
//!
//! - `floor`: only parsing the same CSV with the `csv` crate (`StringRecord`, every cell
//!   touched) — the least any CSV-reading classifier can cost;
//! - `kano`: the full classification (`kano::pipeline::classify::classify_file`, default method);
//! - `pandas`: `benches/kano_pandas.py`, the vectorised pandas script a consultant would
//!   write, when `python3` with pandas is available (its counts are compared with ours).
//!
//! Prints a Markdown table (medians) with the ratios to the floor.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kano::analysis::kano::{Category, Method};
use kano::input::survey::{ReadOptions, SynthAnswers, SynthOptions, write_synthetic_wide};
use kano::pipeline::classify::{Options, classify_file};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        child(&args[1], Path::new(&args[2]));
        return;
    }
    let get = |name: &str| {
        args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
    };
    let num = |name: &str, default: u64| get(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    let respondents = num("--respondents", 1_000_000);
    let features = usize::try_from(num("--features", 20)).unwrap_or(20);
    let runs = num("--runs", 3).max(1);
    let answers = match get("--answers") {
        Some("english") => SynthAnswers::English,
        Some("chinese") => SynthAnswers::Chinese,
        _ => SynthAnswers::Codes,
    };
    let importance = args.iter().any(|a| a == "--importance");
    let opts = SynthOptions { respondents, features, seed: 1, answers, importance };

    let file = data_file(&opts);
    let size = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    println!(
        "survey: {respondents} respondents × {features} features, {answers:?}{}, {:.1} MB ({})",
        if importance { " + importance" } else { "" },
        size as f64 / 1e6,
        file.display()
    );
    println!("machine: {} logical CPUs; release build; {runs} run(s) each, medians\n", cpus());

    let exe = std::env::current_exe().expect("the bench binary knows its path");
    let measure = |mode: &str| -> Option<(f64, u64)> {
        let mut times = Vec::new();
        let mut peak = 0;
        for _ in 0..runs {
            let out = Command::new(&exe).args(["--child", mode]).arg(&file).output().ok()?;
            if !out.status.success() {
                eprintln!("{mode} failed: {}", String::from_utf8_lossy(&out.stderr));
                return None;
            }
            let text = String::from_utf8_lossy(&out.stdout);
            let mut it = text.split_whitespace();
            times.push(it.next()?.parse::<f64>().ok()?);
            peak = peak.max(it.next()?.parse::<u64>().ok()?);
        }
        times.sort_by(f64::total_cmp);
        Some((times[times.len() / 2], peak))
    };
    let floor = measure("floor");
    let ours = measure("kano");
    let pandas = pandas_available().then(|| pandas(&file, runs)).flatten();

    println!("| measurement | time (s) | respondents/s | peak memory (MB) | × floor |");
    println!("|---|--:|--:|--:|--:|");
    let base = floor.map(|f| f.0);
    for (name, m) in [
        ("CSV parse only (floor, `csv` crate)", floor),
        ("`kano classify`", ours),
        ("pandas script (`benches/kano_pandas.py`)", pandas.map(|p| (p.0, p.1))),
    ] {
        match m {
            Some((t, kb)) => println!(
                "| {name} | {t:.2} | {:.0} | {:.1} | {} |",
                respondents as f64 / t,
                kb as f64 / 1024.0,
                base.map_or("–".to_owned(), |b| format!("{:.2}", t / b))
            ),
            None => println!("| {name} | not measured | | | |"),
        }
    }
    if let (Some((k, _)), Some((p, _, _))) = (ours, pandas) {
        println!("\npandas / kano: {:.1}× (kano is faster when > 1)", p / k);
    }
    if let Some((_, _, same)) = pandas {
        println!("pandas counts equal kano's: {}", if same { "yes" } else { "NO" });
    }
}

/// The synthetic survey for `opts`, written once and reused.
fn data_file(opts: &SynthOptions) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join(format!(
        "survey-{}x{}-{:?}{}.csv",
        opts.respondents,
        opts.features,
        opts.answers,
        if opts.importance { "-imp" } else { "" }
    ));
    if !file.exists() {
        let t = Instant::now();
        let tmp = file.with_extension("tmp");
        let f = std::fs::File::create(&tmp).expect("bench data folder is writable");
        write_synthetic_wide(std::io::BufWriter::new(f), opts).expect("synthetic survey written");
        std::fs::rename(&tmp, &file).expect("bench data renamed");
        eprintln!("generated {} in {:.1?}", file.display(), t.elapsed());
    }
    file
}

/// One measurement, in this (fresh) process: prints `seconds peak_kb`.
fn child(mode: &str, file: &Path) {
    let t = Instant::now();
    let check = match mode {
        "floor" => {
            let mut rdr = csv::Reader::from_path(file).expect("readable");
            let mut rec = csv::StringRecord::new();
            let mut bytes = 0usize;
            while rdr.read_record(&mut rec).expect("valid CSV") {
                bytes += rec.iter().map(str::len).sum::<usize>();
            }
            bytes
        }
        _ => {
            let opts = Options {
                method: Method::default(),
                read: ReadOptions::default(),
                ..Options::default()
            };
            let report = classify_file(file, &HashMap::new(), &opts).expect("classifies");
            report.segments.iter().map(|s| s.features.len()).sum()
        }
    };
    let secs = t.elapsed().as_secs_f64();
    std::hint::black_box(check);
    println!("{secs} {}", peak_kb());
}

/// Peak resident memory of this process, from /proc (0 where unavailable).
fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn cpus() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

fn pandas_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pandas, numpy"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Median seconds, peak kB, and whether its counts equal kano's.
fn pandas(file: &Path, runs: u64) -> Option<(f64, u64, bool)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/kano_pandas.py");
    let mut times = Vec::new();
    let mut peak = 0;
    let mut output = String::new();
    for _ in 0..runs {
        let out = Command::new("python3").arg(&script).arg(file).output().ok()?;
        if !out.status.success() {
            eprintln!("pandas failed: {}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        let err = String::from_utf8_lossy(&out.stderr);
        let mut it = err.split_whitespace();
        times.push(it.next()?.parse::<f64>().ok()?);
        peak = peak.max(it.next()?.parse::<u64>().ok()?);
        output = String::from_utf8_lossy(&out.stdout).into_owned();
    }
    times.sort_by(f64::total_cmp);
    let report = classify_file(file, &HashMap::new(), &Options::default()).ok()?;
    let ours: Vec<String> = report.segments[0]
        .features
        .iter()
        .map(|f| {
            let c: Vec<String> =
                Category::ALL.iter().map(|&k| f.counts.get(k).to_string()).collect();
            format!("{} {} {}", f.id, f.n, c.join(" "))
        })
        .collect();
    let theirs: Vec<String> = output
        .lines()
        .map(|l| l.split_whitespace().take(8).collect::<Vec<_>>().join(" "))
        .collect();
    Some((times[times.len() / 2], peak, ours == theirs))
}
