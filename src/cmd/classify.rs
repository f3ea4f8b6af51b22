//! `kano classify`: Kano categories from a survey export or a workshop.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::diag::Msg;
use crate::model::Language;
use crate::pipeline::classify;
use crate::pipeline::load_and_check;
use crate::{analysis, cli, diag, input, render};

static PROGRESS: std::sync::OnceLock<indicatif::ProgressBar> = std::sync::OnceLock::new();

fn progress_tick(rows: u64) {
    if let Some(bar) = PROGRESS.get() {
        bar.set_position(rows);
    }
}

/// A progress bar only for a person watching: stderr is a terminal and not under CI.
fn want_progress(file: &std::path::Path, disabled: bool) -> bool {
    use std::io::IsTerminal as _;
    const LARGE: u64 = 16 * 1024 * 1024;
    !disabled
        && std::io::stderr().is_terminal()
        && std::env::var_os("CI").is_none()
        && std::fs::metadata(file).is_ok_and(|m| m.len() >= LARGE)
}

pub fn run(args: &cli::ClassifyArgs) -> ExitCode {
    use analysis::kano::{Coding, Method};

    let mut err = std::io::stderr().lock();
    let flag = args.lang.map(Language::from);
    let path = args.file.as_path();
    let is_workshop = path.is_dir()
        || path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
    // a workshop: its diagnostics first, in its language (or --lang)
    let loaded = is_workshop.then(|| load_and_check(path));
    // the language: --lang, else the workshop's, else English (a bare survey file)
    let lang = match &loaded {
        Some((loaded, _)) => super::diagnostics_language(flag, loaded),
        None => flag.unwrap_or(Language::En),
    };
    let say = super::say(lang);
    let fail = |err: &mut std::io::StderrLock<'_>, m: Msg, hint: Option<Msg>| {
        let _ = writeln!(err, "{}", super::error_text(&say, &m, hint.as_ref()));
        ExitCode::from(EXIT_INVALID)
    };
    let encoding = match &args.encoding {
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => Some(e),
            None => {
                return fail(
                    &mut err,
                    Msg::new("cmd.unknown_encoding").text("label", label),
                    Some(Msg::new("cmd.unknown_encoding_hint")),
                );
            }
        },
        None => None,
    };
    let opts = classify::Options {
        method: Method {
            table: args.table,
            rule: args.rule,
            moai_threshold: args.moai_threshold,
            continuous_split: args.continuous_split,
            continuous_excludes_qr: args.continuous_excludes_qr,
            drop_straight_liners: args.drop_straight_liners,
            max_questionable: args.max_questionable,
            coding: if args.reversed { Coding::Reversed } else { Coding::Standard },
        },
        by: args.by.clone(),
        skip_invalid: args.skip_invalid,
        max_errors: args.max_errors,
        read: input::survey::ReadOptions {
            mapping: args.mapping.clone(),
            encoding,
            respondent_column: args.respondent_column.clone(),
            ..Default::default()
        },
        progress: None,
    };
    let (t, split) = (opts.method.moai_threshold, opts.method.continuous_split);
    if !(t.is_finite() && t >= 0.0 && split.is_finite()) {
        return fail(&mut err, Msg::new("cmd.bad_thresholds"), None);
    }
    let (survey, names) = if let Some((loaded, diags)) = &loaded {
        let (errors, warnings) = diag::counts(diags);
        let _ = err.write_all(diag::render(diags, &loaded.sources, &say).as_bytes());
        let Some(ws) = loaded.workshop.as_ref().filter(|_| errors == 0) else {
            let summary = super::summary(&say, path, errors, warnings, diags);
            let _ = writeln!(
                err,
                "{}",
                say(&Msg::new("summary_outcome")
                    .text("summary", summary)
                    .word("outcome", "nothing_classified"))
            );
            return ExitCode::from(EXIT_INVALID);
        };
        match classify::workshop_kano(ws) {
            None => {
                return fail(
                    &mut err,
                    Msg::new("cmd.no_kano_section").text("path", path.display()),
                    Some(Msg::new("cmd.no_kano_section_hint")),
                );
            }
            Some(classify::WorkshopKano::Counts(features)) => {
                if args.by.is_some() {
                    return fail(&mut err, Msg::new("cmd.by_needs_respondents"), None);
                }
                let source =
                    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let report = classify::classify_counts(&source, features, opts.method);
                return write_classify(&report, args, lang);
            }
            Some(classify::WorkshopKano::Survey(file, names)) => (file, names),
        }
    } else {
        (path.to_path_buf(), std::collections::HashMap::new())
    };
    let opts = if want_progress(&survey, args.no_progress) {
        let bar =
            indicatif::ProgressBar::new_spinner().with_message(say(&Msg::new("cmd.progress")));
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {human_pos} {msg} · {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        let _ = PROGRESS.set(bar);
        classify::Options { progress: Some(progress_tick), ..opts }
    } else {
        opts
    };
    let result = classify::classify_file(&survey, &names, &opts);
    if let Some(bar) = PROGRESS.get() {
        bar.finish_and_clear();
    }
    match result {
        Ok(report) => write_classify(&report, args, lang),
        Err(e) => {
            let sources = Default::default();
            let _ = err.write_all(diag::render(&e.to_diagnostics(), &sources, &say).as_bytes());
            let outcome = match &e {
                classify::ClassifyError::BadAnswers { file, listed, total } => {
                    let more = total.saturating_sub(listed.len() as u64);
                    if more > 0 {
                        let _ = writeln!(
                            err,
                            "{}",
                            say(&Msg::new("survey.more_answers").text("n", more))
                        );
                    }
                    Msg::new("survey.bad_answers_summary").text("file", file).text("total", total)
                }
                _ => Msg::new("survey.not_classified").text("file", survey.display()),
            };
            let _ = writeln!(err, "{}", say(&outcome));
            ExitCode::from(EXIT_INVALID)
        }
    }
}

fn write_classify(
    report: &analysis::kano::ClassifyReport,
    args: &cli::ClassifyArgs,
    lang: Language,
) -> ExitCode {
    use std::io::IsTerminal as _;
    let say = super::say(lang);
    let format =
        args.format.unwrap_or(if args.output.is_none() && std::io::stdout().is_terminal() {
            render::terminal::classify::Format::Table
        } else {
            render::terminal::classify::Format::Json
        });
    let text = match render::terminal::classify::render_to_string(report, format, lang.key()) {
        Ok(t) => t,
        Err(e) => {
            let m = Msg::new("cmd.cannot_format").text("error", e);
            errln!("{}", super::error_text(&say, &m, None));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = render::write_atomic(file, text.as_bytes()) {
                let m = Msg::new("cmd.cannot_write").text("file", file.display()).text("error", e);
                errln!("{}", super::error_text(&say, &m, None));
                return ExitCode::from(EXIT_INVALID);
            }
            errln!("{}", say(&Msg::new("cmd.wrote").text("file", file.display())));
        }
        None => {
            let mut out = std::io::stdout().lock();
            if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
                // a closed pipe (`| head`) is not an error of ours
                return ExitCode::SUCCESS;
            }
        }
    }
    ExitCode::SUCCESS
}
