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
//! 3. [`analysis`] — pure functions, no I/O, one module per method (`kano classify`,
//!    `kano analyze`); files the workshop refers to are read by [`input::responses`];
//! 4. [`chart`] — plotters figures drawn straight into PDF operations (the report), or
//!    into SVG and PNG files (`kano chart`);
//! 5. [`render`] — tera templates → markup → our printpdf layout → PDF bytes, written
//!    atomically by [`output`].
//!
//! Exit codes: 0 success, 2 invalid input or a command that cannot run.

pub mod analysis;
pub mod chart;
pub mod cli;
pub mod diag;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod view;
pub mod scaffold;
pub mod schema;

use std::io::Write as _;
use std::process::ExitCode;

use cli::{Cli, Command};
use model::check;
use pipeline::classify;

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
        Command::Classify(args) => cmd_classify(&args),
        Command::Analyze(args) => cmd_analyze(&args),
        Command::Report(args) => cmd_report(&args),
        Command::Chart(args) => cmd_chart(&args),
    }
}

/// Read the answer files a checked workshop refers to and run every analysis method.
/// On failure: the problems as diagnostics, with the sources to show them from.
pub fn analyze_workshop(
    ws: &model::Workshop,
    loaded: &input::Loaded,
    opts: &analysis::AnalyzeOptions,
) -> Result<analysis::Analysis, (Vec<diag::Diagnostic>, input::responses::Sources)> {
    let data = match input::responses::load(ws) {
        Ok((data, _)) => data,
        Err((diags, files)) => {
            let mut sources = loaded.sources.clone();
            sources.extend(files);
            return Err((diags, sources));
        }
    };
    analysis::analyze(ws, opts, &data).map_err(|problems| {
        let root = model::Origin { file: 0, prefix: String::new() };
        let diags = problems
            .iter()
            .map(|p| {
                let origin = p.group.and_then(|g| ws.origins.get(g)).unwrap_or(&root);
                let full = full_path(origin, &p.path);
                let file = ws.files.get(origin.file).cloned().unwrap_or_default();
                diag::Diagnostic::error(file, loaded.pos(origin.file, &full), full, &p.message)
            })
            .collect();
        (diags, loaded.sources.clone())
    })
}

/// Read and analyse what a report needs beyond the workshop file: the Kano survey (or the
/// inline counts), classified with the default method.
pub fn report_data(ws: &model::Workshop) -> Result<view::ReportData, String> {
    let kano = match classify::workshop_kano(ws) {
        None => None,
        Some(classify::WorkshopKano::Counts(features)) if features.is_empty() => None,
        Some(classify::WorkshopKano::Counts(features)) => {
            Some(classify::classify_counts("counts", features, analysis::kano::Method::default()))
        }
        Some(classify::WorkshopKano::Survey(file, names)) => {
            let opts = classify::Options::default();
            Some(classify::classify_file(&file, &names, &opts).map_err(|e| {
                format!("the Kano survey {} cannot be classified: {e}", file.display())
            })?)
        }
    };
    Ok(view::ReportData { kano, analysis: None })
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

fn cmd_report(args: &cli::ReportArgs) -> ExitCode {
    let path = args.workshop.as_path();
    let Some((ws, loaded)) = load_for_output(path, "no report written") else {
        return ExitCode::from(EXIT_INVALID);
    };
    let ws = &ws;
    let mut err = std::io::stderr().lock();
    if let Some(id) = &args.group
        && !ws.data.groups.iter().any(|g| &g.id == id)
    {
        let ids: Vec<&str> = ws.data.groups.iter().map(|g| g.id.as_str()).collect();
        let hint = match input::de::suggest(id, ids.iter().copied()) {
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
        Ok(v) => match v.trim().parse::<i64>().ok().and_then(check::Date::from_unix) {
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
    let mut data = match report_data(ws) {
        Ok(d) => d,
        Err(e) => {
            let _ = writeln!(err, "error: {e}; no report written");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let analyze_opts = analysis::AnalyzeOptions { lang: opts.lang, ..Default::default() };
    match analyze_workshop(ws, &loaded, &analyze_opts) {
        Ok(a) => data.analysis = Some(a),
        Err((diags, sources)) => {
            let _ = err.write_all(diag::render(&diags, &sources).as_bytes());
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

/// The path of `sub` inside the group or file at `origin`, as `kano check` writes it.
fn full_path(origin: &model::Origin, sub: &str) -> String {
    match (origin.prefix.is_empty(), sub.is_empty()) {
        (true, _) => sub.to_owned(),
        (false, true) => origin.prefix.clone(),
        (false, false) => format!("{}.{sub}", origin.prefix),
    }
}

fn cmd_analyze(args: &cli::AnalyzeArgs) -> ExitCode {
    let path = args.workshop.as_path();
    let Some((ws, loaded)) = load_for_output(path, "nothing analysed") else {
        return ExitCode::from(EXIT_INVALID);
    };
    let ws = &ws;
    let mut err = std::io::stderr().lock();
    let opts = analysis::AnalyzeOptions {
        as_of: args.as_of,
        ipa_crosshair: args.ipa_crosshair,
        lang: args.lang.map_or(ws.data.workshop.language, model::Language::from),
    };
    let result = match analyze_workshop(ws, &loaded, &opts) {
        Ok(r) => r,
        Err((diags, sources)) => {
            let _ = err.write_all(diag::render(&diags, &sources).as_bytes());
            let _ = writeln!(err, "{}: nothing analysed", path.display());
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match render::terminal::analyze::render_to_string(&result, args.format) {
        Ok(t) => t,
        Err(e) => {
            let _ = writeln!(err, "error: cannot format the results: {e}");
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = render::write_atomic(file, text.as_bytes()) {
                let _ = writeln!(err, "error: cannot write {}: {e}", file.display());
                return ExitCode::from(EXIT_INVALID);
            }
            let _ = writeln!(err, "wrote {}", file.display());
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

/// Load a workshop for a command that writes something: diagnostics on stderr; `None`
/// (after saying so) when it has errors. The workshop, and what was loaded with it (the
/// sources and positions later diagnostics point into).
fn load_for_output(
    path: &std::path::Path,
    outcome: &str,
) -> Option<(model::Workshop, input::Loaded)> {
    let (mut loaded, diags) = load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources).as_bytes());
    match loaded.workshop.take() {
        Some(ws) if errors == 0 => Some((ws, loaded)),
        _ => {
            let _ = writeln!(
                err,
                "{}: {errors} error(s), {warnings} warning(s); {outcome}",
                path.display()
            );
            None
        }
    }
}

fn cmd_chart(args: &cli::ChartArgs) -> ExitCode {
    use chart::{Kind, output::Format};

    let fail = |msg: String| {
        eprintln!("{msg}");
        ExitCode::from(EXIT_INVALID)
    };
    let kinds_hint = || {
        let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
        format!("  = hint: the kinds are {}; `kano chart --list` describes them", names.join(", "))
    };
    let Some(path) = &args.workshop else {
        if args.list {
            println!("chart kinds (`kano chart WORKSHOP --list` shows a workshop's charts):");
            for k in Kind::ALL {
                println!("  {:<18} {}", k.name(), k.about());
            }
            return ExitCode::SUCCESS;
        }
        return fail(
            "error: `kano chart` needs a WORKSHOP\n  = hint: kano chart WORKSHOP --kind KIND, or --all; \
             `kano chart --list` lists the kinds"
                .to_owned(),
        );
    };
    if !args.list && !args.all && args.kind.is_none() {
        return fail(format!("error: say which chart: --kind KIND, or --all\n{}", kinds_hint()));
    }
    // the kind (and id) asked for, before loading anything
    let wanted: Option<(Kind, Option<String>)> = match &args.kind {
        None => None,
        Some(k) => {
            let k = k.trim();
            let found = Kind::parse(k).map(|kind| (kind, None)).or_else(|| {
                Kind::ALL.iter().find_map(|kind| {
                    let id = k.strip_prefix(kind.name())?.strip_prefix('-')?;
                    (!id.is_empty()).then(|| (*kind, Some(id.to_owned())))
                })
            });
            match found {
                Some(f) => Some(f),
                None => {
                    let mut msg = format!("error: unknown chart kind `{k}`");
                    if let Some(s) = input::de::suggest(k, Kind::ALL.iter().map(|k| k.name())) {
                        msg.push_str(&format!("\n  = hint: did you mean `{s}`?"));
                    }
                    return fail(format!("{msg}\n{}", kinds_hint()));
                }
            }
        }
    };
    let format_of_out = args.out.as_deref().filter(|_| !args.all).map(Format::of_path);
    let format = match (format_of_out, args.format) {
        (Some(None), _) => {
            return fail(format!(
                "error: cannot tell the format of `{}`\n  = hint: name the file .svg, .png or .pdf",
                args.out.as_deref().unwrap_or(std::path::Path::new("")).display()
            ));
        }
        (Some(Some(f)), Some(g)) if f != g => {
            return fail(format!(
                "error: --format {} does not match the file name `{}`",
                g.extension(),
                args.out.as_deref().unwrap_or(std::path::Path::new("")).display()
            ));
        }
        (Some(Some(f)), _) => f,
        (None, g) => g.unwrap_or(Format::Svg),
    };

    let Some((ws, loaded)) = load_for_output(path, "no chart written") else {
        return ExitCode::from(EXIT_INVALID);
    };
    let lang = args.lang.map_or(ws.data.workshop.language, model::Language::from);
    let only = wanted.as_ref().map(|(k, _)| *k);
    // the figures: the analysis (every chart but Kano's) and the Kano classification, each
    // only when a chart of it is wanted
    let analysis = if only.is_none_or(|k| !k.is_kano()) {
        let opts = analysis::AnalyzeOptions { lang, ..Default::default() };
        match analyze_workshop(&ws, &loaded, &opts) {
            Ok(a) => Some(a),
            Err((diags, sources)) => {
                eprint!("{}", diag::render(&diags, &sources));
                return fail(format!("{}: nothing analysed; no chart written", path.display()));
            }
        }
    } else {
        None
    };
    let (kano, kano_error) = match only.is_none_or(Kind::is_kano).then(|| report_data(&ws)) {
        Some(Ok(data)) => (data.kano, None),
        Some(Err(e)) => (None, Some(e)),
        None => (None, None),
    };
    let inputs = view::charts::ChartInputs { analysis: analysis.as_ref(), kano: kano.as_ref() };
    let mut charts = view::charts::build(&ws, &inputs, lang, only);
    // a Kano survey that cannot be classified leaves the other charts drawable
    if let Some(e) = kano_error {
        for (_, why) in charts.missing.iter_mut().filter(|(k, _)| k.is_kano()) {
            why.clone_from(&e);
        }
    }
    if args.list {
        println!("charts of {} ({}):", path.display(), lang.key());
        for c in &charts.charts {
            println!("  {:<24} {}", c.name(), c.spec.title());
        }
        for (k, why) in &charts.missing {
            println!("  {:<24} (none: {why})", k.name());
        }
        return ExitCode::SUCCESS;
    }
    let faces = match render::pdf::Faces::embedded() {
        Ok(f) => f,
        Err(e) => return fail(format!("error: {e}")),
    };
    let meta = &ws.data.workshop;
    let doc_meta = |title: &str| render::pdf::DocMeta {
        title: title.to_owned(),
        author: meta.facilitator.clone(),
        subject: meta.organisation.clone(),
        language: lang.key().to_owned(),
        date: check::Date::parse(meta.end_date.as_deref().unwrap_or(&meta.date))
            .and_then(|d| Some((d.year, u8::try_from(d.month).ok()?, u8::try_from(d.day).ok()?))),
    };
    let write =
        |c: &chart::NamedChart, file: &std::path::Path, format: Format| -> Result<(), String> {
            let bytes = chart::output::render(&c.spec, format, &faces, doc_meta(c.spec.title()))
                .map_err(|e| format!("error: chart `{}` could not be drawn: {e}", c.name()))?;
            render::write_atomic(file, &bytes)
                .map_err(|e| format!("error: cannot write {}: {e}", file.display()))?;
            println!("wrote {}", file.display());
            Ok(())
        };

    if args.all {
        let dir = args.out.clone().unwrap_or_else(|| {
            std::path::PathBuf::from("output").join(format!("{}-charts", ws.slug))
        });
        for (k, why) in &charts.missing {
            eprintln!("skipped {}: {why}", k.name());
        }
        if charts.charts.is_empty() {
            return fail(format!("error: {} has no data for any chart", path.display()));
        }
        let mut failed = false;
        for c in &charts.charts {
            let file = dir.join(format!("{}.{}", c.name(), format.extension()));
            if let Err(e) = write(c, &file, format) {
                eprintln!("{e}");
                failed = true;
            }
        }
        return if failed { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS };
    }

    let Some((kind, id)) = wanted else {
        return ExitCode::from(EXIT_INVALID);
    };
    if let Some((_, why)) = charts.missing.iter().find(|(k, _)| *k == kind) {
        return fail(format!(
            "error: no `{}` chart for {}: {why}\n  = hint: `kano chart {} --list` shows the charts it has data for",
            kind.name(),
            path.display(),
            path.display()
        ));
    }
    let of_kind: Vec<&chart::NamedChart> =
        charts.charts.iter().filter(|c| c.kind == kind).collect();
    let chosen = match &id {
        Some(id) => of_kind.iter().find(|c| c.id.as_deref() == Some(id.as_str())).copied(),
        None => of_kind.first().copied(),
    };
    let Some(chosen) = chosen else {
        let names: Vec<String> = of_kind.iter().map(|c| format!("`{}`", c.name())).collect();
        return fail(format!(
            "error: {} has no chart `{}-{}`\n  = hint: the {} charts are {}",
            path.display(),
            kind.name(),
            id.unwrap_or_default(),
            kind.name(),
            names.join(", ")
        ));
    };
    if id.is_none() && of_kind.len() > 1 {
        let others: Vec<String> = of_kind[1..].iter().map(|c| c.name()).collect();
        eprintln!(
            "note: {} has {} `{}` charts; drew `{}` (the others: {})",
            path.display(),
            of_kind.len(),
            kind.name(),
            chosen.name(),
            others.join(", ")
        );
    }
    let file = args.out.clone().unwrap_or_else(|| {
        std::path::PathBuf::from("output").join(format!(
            "{}-{}.{}",
            ws.slug,
            chosen.name(),
            format.extension()
        ))
    });
    match write(chosen, &file, format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

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

fn cmd_classify(args: &cli::ClassifyArgs) -> ExitCode {
    use analysis::kano::{Coding, Method};

    let mut err = std::io::stderr().lock();
    let fail = |err: &mut std::io::StderrLock<'_>, diags: &[diag::Diagnostic]| {
        let _ = err.write_all(diag::render(diags, &Default::default()).as_bytes());
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
        let _ = err.write_all(diag::render(&diags, &loaded.sources).as_bytes());
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
