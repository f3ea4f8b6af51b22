//! # kano
//!
//! A toolkit for customer-service workshops: facilitators type each group's flip-chart
//! outputs into YAML; `kano` validates them, analyses them and writes the report.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`input`] — files → typed [`model`] structs, every problem a [`diag::Diagnostic`]
//!    with file, line, column, field path and hint;
//! 2. [`check`] — semantic checks (scales, references, ids, dates);
//! 3. analysis — pure functions, no I/O (later issues);
//! 4. [`chart`] — plotters figures drawn straight into PDF operations;
//! 5. [`render`] — tera templates → markup → our printpdf layout → PDF bytes, written
//!    atomically by [`output`].
//!
//! Exit codes: 0 success, 2 invalid input or a command that cannot run.

pub mod analysis;
pub mod chart;
pub mod check;
pub mod cli;
pub mod diag;
pub mod input;
pub mod model;
pub mod render;
pub mod report;
pub mod scaffold;
pub mod schema;

use std::io::Write as _;
use std::process::ExitCode;

use cli::{Cli, Command};

/// Exit code for invalid input or a command that cannot run.
pub const EXIT_INVALID: u8 = 2;

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { workshop, deny_warnings } => cmd_check(&workshop, deny_warnings),
        Command::Schema { part } => {
            print!("{}", schema::schema_json(part));
            ExitCode::SUCCESS
        }
        Command::New { dir, lang } => cmd_new(&dir, lang),
        Command::Report { workshop, out, lang } => cmd_report(&workshop, &out, lang),
    }
}

/// Load and check a workshop; every diagnostic found, sorted.
pub fn load_and_check(path: &std::path::Path) -> (input::Loaded, Vec<diag::Diagnostic>) {
    let mut loaded = input::load(path);
    let mut diags = std::mem::take(&mut loaded.diagnostics);
    if let Some(ws) = &loaded.workshop {
        diags.extend(check::check(ws, &loaded));
    }
    diag::sort(&mut diags);
    (loaded, diags)
}

fn cmd_check(path: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let (loaded, diags) = load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources).as_bytes());
    let failed = errors > 0 || (deny_warnings && warnings > 0) || loaded.workshop.is_none();
    if failed {
        let _ = writeln!(err, "{}: {errors} error(s), {warnings} warning(s)", path.display());
        return ExitCode::from(EXIT_INVALID);
    }
    if let Some(ws) = &loaded.workshop {
        println!(
            "ok: {} — {} file(s), {} group(s), {warnings} warning(s)",
            path.display(),
            ws.files.len(),
            ws.data.groups.len()
        );
    }
    ExitCode::SUCCESS
}

fn cmd_new(dir: &std::path::Path, lang: cli::NewLang) -> ExitCode {
    match scaffold::create(dir, lang) {
        Ok(files) => {
            println!("created {} with {} files:", dir.display(), files.len());
            for f in &files {
                println!("  {f}");
            }
            println!(
                "next: edit the files, then `kano check {0}` and `kano report {0}`",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}\n  = hint: {}", e.hint());
            ExitCode::from(EXIT_INVALID)
        }
    }
}

fn cmd_report(
    path: &std::path::Path,
    out: &std::path::Path,
    lang: Option<cli::ReportLang>,
) -> ExitCode {
    let (loaded, diags) = load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources).as_bytes());
    let Some(ws) = loaded.workshop.as_ref().filter(|_| errors == 0) else {
        let _ = writeln!(
            err,
            "{}: {errors} error(s), {warnings} warning(s); no report written",
            path.display()
        );
        return ExitCode::from(EXIT_INVALID);
    };
    let lang = lang.map_or(ws.data.workshop.language, model::Language::from);
    let pdf = match render::report::pdf(ws, lang) {
        Ok(pdf) => pdf,
        Err(e) => {
            let _ = writeln!(err, "error: {e}; no report written");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    if !pdf.missing_chars.is_empty() {
        let chars: String =
            pdf.missing_chars.iter().map(|c| format!(" {c} (U+{:04X})", *c as u32)).collect();
        let _ = writeln!(
            err,
            "warning: the report font has no glyph for{chars}; they show as empty boxes\n  = hint: replace them in the workshop files, e.g. with a similar common character"
        );
    }
    for w in &pdf.warnings {
        let _ = writeln!(err, "warning: {w}");
    }
    let file = out.join(format!("{}.pdf", ws.slug));
    if let Err(e) = render::write_atomic(&file, &pdf.bytes) {
        let _ = writeln!(err, "error: cannot write {}: {e}", file.display());
        return ExitCode::from(EXIT_INVALID);
    }
    println!("wrote {} ({} pages)", file.display(), pdf.pages);
    ExitCode::SUCCESS
}
