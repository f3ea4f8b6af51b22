//! `kano classify`: Kano categories from a survey export or a workshop.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
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
    let fail = |err: &mut std::io::StderrLock<'_>, diags: &[diag::Diagnostic]| {
        let say = super::say(crate::model::Language::En);
        let _ = err.write_all(diag::render(diags, &Default::default(), &say).as_bytes());
        ExitCode::from(EXIT_INVALID)
    };
    let encoding = match &args.encoding {
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => Some(e),
            None => {
                let _ = writeln!(
                    err,
                    "error: unknown encoding `{label}`\n  = hint: e.g. utf-8, gbk, gb18030, big5, utf-16le"
                );
                return ExitCode::from(EXIT_INVALID);
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
        let _ = writeln!(
            err,
            "error: --moai-threshold must be a number ≥ 0 and --continuous-split a number"
        );
        return ExitCode::from(EXIT_INVALID);
    }
    let path = args.file.as_path();
    let is_workshop = path.is_dir()
        || path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
    let (survey, names) = if is_workshop {
        let (loaded, diags) = load_and_check(path);
        let (errors, _) = diag::counts(&diags);
        let say = super::say(super::diagnostics_language(None, &loaded));
        let _ = err.write_all(diag::render(&diags, &loaded.sources, &say).as_bytes());
        let Some(ws) = loaded.workshop.as_ref().filter(|_| errors == 0) else {
            let _ = writeln!(err, "{}: {errors} error(s); nothing classified", path.display());
            return ExitCode::from(EXIT_INVALID);
        };
        match classify::workshop_kano(ws) {
            None => {
                let _ = writeln!(
                    err,
                    "error: {} has no `kano` section\n  = hint: add `kano:` with `features:` \
                     and either `survey: FILE` or each feature's `counts:`",
                    path.display()
                );
                return ExitCode::from(EXIT_INVALID);
            }
            Some(classify::WorkshopKano::Counts(features)) => {
                if args.by.is_some() {
                    let _ = writeln!(
                        err,
                        "error: --by needs respondent data; this workshop's Kano section has only counts"
                    );
                    return ExitCode::from(EXIT_INVALID);
                }
                let source =
                    path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                let report = classify::classify_counts(&source, features, opts.method);
                return write_classify(&report, args);
            }
            Some(classify::WorkshopKano::Survey(file, names)) => (file, names),
        }
    } else {
        (path.to_path_buf(), std::collections::HashMap::new())
    };
    let opts = if want_progress(&survey, args.no_progress) {
        let bar = indicatif::ProgressBar::new_spinner().with_message("respondents read");
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
        Ok(report) => write_classify(&report, args),
        Err(classify::ClassifyError::Survey(e)) => fail(&mut err, &e.to_diagnostics()),
        Err(classify::ClassifyError::BadAnswers { file, listed, total }) => {
            let hint = classify::ClassifyError::BadAnswers {
                file: file.clone(),
                listed: Vec::new(),
                total,
            }
            .hint();
            let diags: Vec<diag::Diagnostic> = listed
                .iter()
                .map(|b| {
                    diag::Diagnostic::error(
                        &file,
                        diag::Pos { line: usize::try_from(b.row).unwrap_or(usize::MAX), col: 1 },
                        b.column.clone(),
                        format!(
                            "unrecognised answer `{}` in row {}, column `{}`",
                            b.value, b.row, b.column
                        ),
                    )
                    .expected(b.expected)
                })
                .collect();
            let code = fail(&mut err, &diags);
            let more = total.saturating_sub(listed.len() as u64);
            if more > 0 {
                let _ = writeln!(err, "… and {more} more");
            }
            if let Some(h) = hint {
                let _ = writeln!(err, "  = hint: {h}");
            }
            let _ = writeln!(err, "{file}: {total} unrecognised answer(s); nothing classified");
            code
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            if let Some(h) = e.hint() {
                let _ = writeln!(err, "  = hint: {h}");
            }
            ExitCode::from(EXIT_INVALID)
        }
    }
}

fn write_classify(report: &analysis::kano::ClassifyReport, args: &cli::ClassifyArgs) -> ExitCode {
    use std::io::IsTerminal as _;
    let format =
        args.format.unwrap_or(if args.output.is_none() && std::io::stdout().is_terminal() {
            render::terminal::classify::Format::Table
        } else {
            render::terminal::classify::Format::Json
        });
    let text = match render::terminal::classify::render_to_string(report, format) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot format the results: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = render::write_atomic(file, text.as_bytes()) {
                eprintln!("error: cannot write {}: {e}", file.display());
                return ExitCode::from(EXIT_INVALID);
            }
            eprintln!("wrote {}", file.display());
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
