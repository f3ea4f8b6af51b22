//! `kano report`: the workshop report as a PDF.
//!
//! Input: the parsed `kano report` arguments (and `SOURCE_DATE_EPOCH`). Output: the PDF
//! file, messages on the terminal and the exit code. It computes nothing itself: the
//! pipeline reads and analyses, the renderer lays out.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cmd::load_for_output;
use crate::diag::Msg;
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
    // every message in the report's language: --lang, else the workshop's
    let lang = flag.unwrap_or(ws.data.workshop.language);
    let say = super::say(lang);
    let fail = |err: &mut std::io::StderrLock<'_>, m: Msg, hint: Option<Msg>| {
        let _ = writeln!(err, "{}", super::error_text(&say, &m, hint.as_ref()));
        ExitCode::from(EXIT_INVALID)
    };
    if let Some(id) = &args.group
        && !ws.data.groups.iter().any(|g| &g.id == id)
    {
        let ids: Vec<&str> = ws.data.groups.iter().map(|g| g.id.as_str()).collect();
        let hint = match diag::suggest(id, ids.iter().copied()) {
            Some(s) => Msg::did_you_mean(s),
            None => Msg::new("cmd.groups_are").list("list", &ids),
        };
        return fail(&mut err, Msg::new("cmd.no_group").text("id", id), Some(hint));
    }
    let templates = match &args.templates {
        Some(dir) => match input::read_templates(dir) {
            Ok(t) => t,
            Err(e) => {
                let m = match &e {
                    input::TemplateDirError::Io { path, source } => {
                        Msg::new("cmd.templates_unreadable")
                            .text("path", path.display())
                            .text("error", source)
                    }
                    input::TemplateDirError::NotUtf8(path) => {
                        Msg::new("cmd.template_not_utf8").text("path", path.display())
                    }
                    input::TemplateDirError::Empty(path) => {
                        Msg::new("cmd.templates_empty").text("path", path.display())
                    }
                };
                return fail(&mut err, m, None);
            }
        },
        None => Vec::new(),
    };
    for (name, _) in &templates {
        if !render::templates::DEFAULT_TEMPLATES.iter().any(|(n, _)| n == name) {
            let m = Msg::new("cmd.template_unused").text("name", name);
            let _ = writeln!(err, "{}", super::note_text(&say, &m, None));
        }
    }
    // reproducible builds: SOURCE_DATE_EPOCH, when set, dates the PDF
    let date = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) => match v.trim().parse::<i64>().ok().and_then(model::Date::from_unix) {
            Some(d) => Some(d),
            None => {
                let m = Msg::new("cmd.bad_source_date_epoch").text("value", v);
                return fail(&mut err, m, Some(Msg::new("cmd.bad_source_date_epoch_hint")));
            }
        },
        Err(std::env::VarError::NotPresent) => None,
        Err(std::env::VarError::NotUnicode(v)) => {
            let m = Msg::new("cmd.bad_source_date_epoch").text("value", v.to_string_lossy());
            return fail(&mut err, m, Some(Msg::new("cmd.bad_source_date_epoch_hint")));
        }
    };
    let opts = render::report::ReportOptions {
        date,
        lang,
        group: args.group.clone(),
        paper: args.paper.into(),
        templates,
    };
    let mut data = match kano_data(ws) {
        Ok(kano) => view::ReportData { kano, analysis: None },
        Err(e) => {
            super::print_kano_error(&mut err, &say, &e, "no_report");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let analyze_opts = analysis::AnalyzeOptions { lang, ..Default::default() };
    match analyze_workshop(ws, &loaded, &analyze_opts) {
        Ok(a) => data.analysis = Some(a),
        Err((diags, sources)) => {
            let _ = err.write_all(diag::render(&diags, &sources, &say).as_bytes());
            let m =
                Msg::new("cmd.outcome").text("path", path.display()).word("outcome", "no_report");
            let _ = writeln!(err, "{}", say(&m));
            return ExitCode::from(EXIT_INVALID);
        }
    }
    let pdf = match render::report::pdf(ws, &data, &opts) {
        Ok(pdf) => pdf,
        Err(e) => {
            // a template's or the PDF writer's own words, in a sentence of ours
            let m = match &e {
                render::report::ReportError::Template(t) => {
                    Msg::new("cmd.template_error").text("error", t)
                }
                other => Msg::new("cmd.pdf_error").text("error", diag::chain(other)),
            };
            return fail(&mut err, m, None);
        }
    };
    if !pdf.missing_chars.is_empty() {
        let chars: Vec<String> =
            pdf.missing_chars.iter().map(|c| format!("{c} (U+{:04X})", *c as u32)).collect();
        let m = Msg::new("cmd.missing_glyphs").list("chars", &chars);
        let hint = Msg::new("cmd.missing_glyphs_hint");
        let _ = writeln!(err, "{}", super::warning_text(&say, &m, Some(&hint)));
    }
    for w in &pdf.warnings {
        let _ = writeln!(err, "{}", super::warning_text(&say, w, None));
    }
    let name = match &args.group {
        Some(g) => format!("{}-{g}.pdf", ws.slug),
        None => format!("{}.pdf", ws.slug),
    };
    let file = args.out.join(crate::render::safe_file_name(&name));
    if let Err(e) = render::write_atomic(&file, &pdf.bytes) {
        let m = Msg::new("cmd.cannot_write").text("file", file.display()).text("error", e);
        return fail(&mut err, m, None);
    }
    outln!(
        "{}",
        say(&Msg::new("cmd.wrote_pages").text("file", file.display()).text("pages", pdf.pages))
    );
    ExitCode::SUCCESS
}
