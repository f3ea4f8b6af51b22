//! `kano report`: the workshop report as a PDF.
//!
//! Input: the parsed `kano report` arguments (and `SOURCE_DATE_EPOCH`). Output: the PDF
//! file, messages on the terminal and the exit code. It computes nothing itself: the
//! pipeline reads and analyses, the renderer lays out.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cmd::load_for_output;
use crate::pipeline::{analyze_workshop, kano_data};
use crate::{analysis, cli, diag, input, model, render, view};

pub fn run(args: &cli::ReportArgs) -> ExitCode {
    let path = args.workshop.as_path();
    let flag = args.lang.map(model::Language::from);
    let Some((ws, loaded)) = load_for_output(path, "no_report", flag) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let ws = &ws;
    let mut err = std::io::stderr().lock();
    if let Some(id) = &args.group
        && !ws.data.groups.iter().any(|g| &g.id == id)
    {
        let ids: Vec<&str> = ws.data.groups.iter().map(|g| g.id.as_str()).collect();
        let hint = match diag::suggest(id, ids.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the groups are: {}", ids.join(", ")),
        };
        let _ = writeln!(
            err,
            "error: the workshop has no group `{id}`; no report written\n  = hint: {hint}"
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let templates = match &args.templates {
        Some(dir) => match input::read_templates(dir) {
            Ok(t) => t,
            Err(e) => {
                let _ = writeln!(err, "error: {e}; no report written");
                return ExitCode::from(EXIT_INVALID);
            }
        },
        None => Vec::new(),
    };
    for (name, _) in &templates {
        if !render::templates::DEFAULT_TEMPLATES.iter().any(|(n, _)| n == name) {
            let _ = writeln!(
                err,
                "note: template `{name}` replaces no built-in template; it is used only where another template includes it"
            );
        }
    }
    // reproducible builds: SOURCE_DATE_EPOCH, when set, dates the PDF
    let date = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => match v.trim().parse::<i64>().ok().and_then(model::Date::from_unix) {
            Some(d) => Some(d),
            None => {
                let _ = writeln!(
                    err,
                    "error: SOURCE_DATE_EPOCH is `{v}`, not a Unix time in seconds; no report written"
                );
                return ExitCode::from(EXIT_INVALID);
            }
        },
        Err(_) => None,
    };
    let opts = render::report::ReportOptions {
        date,
        lang: args.lang.map_or(ws.data.workshop.language, model::Language::from),
        group: args.group.clone(),
        paper: args.paper.into(),
        templates,
    };
    let mut data = match kano_data(ws) {
        Ok(kano) => view::ReportData { kano, analysis: None },
        Err(e) => {
            let _ = writeln!(err, "error: {}; no report written", diag::chain(&e));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let analyze_opts = analysis::AnalyzeOptions { lang: opts.lang, ..Default::default() };
    match analyze_workshop(ws, &loaded, &analyze_opts) {
        Ok(a) => data.analysis = Some(a),
        Err((diags, sources)) => {
            let say = super::say(opts.lang);
            let _ = err.write_all(diag::render(&diags, &sources, &say).as_bytes());
            let _ = writeln!(err, "{}: no report written", path.display());
            return ExitCode::from(EXIT_INVALID);
        }
    }
    let pdf = match render::report::pdf(ws, &data, &opts) {
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
    let name = match &args.group {
        Some(g) => format!("{}-{g}.pdf", ws.slug),
        None => format!("{}.pdf", ws.slug),
    };
    let file = args.out.join(name);
    if let Err(e) = render::write_atomic(&file, &pdf.bytes) {
        let _ = writeln!(err, "error: cannot write {}: {e}", file.display());
        return ExitCode::from(EXIT_INVALID);
    }
    println!("wrote {} ({} pages)", file.display(), pdf.pages);
    ExitCode::SUCCESS
}
