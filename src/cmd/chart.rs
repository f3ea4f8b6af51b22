//! `kano chart`: one chart, or every chart, of a workshop as SVG, PNG or PDF.
//!
//! Input: the parsed `kano chart` arguments. Output: chart files, messages on the
//! terminal and the exit code. It computes nothing itself: figures come from the pipeline,
//! charts from the view and the chart module.

use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cmd::load_for_output;
use crate::pipeline::{analyze_workshop, kano_data};
use crate::{analysis, cli, diag, model, render, text, view};

/// Why one chart file could not be made.
#[derive(Debug, thiserror::Error)]
enum ChartFileError {
    /// The chart could not be drawn.
    #[error("chart `{name}` could not be drawn")]
    Draw {
        /// The chart's name.
        name: String,
        /// Why.
        #[source]
        source: render::chart_files::ChartFileError,
    },
    /// The file could not be written.
    #[error("cannot write {}", file.display())]
    Write {
        /// The file.
        file: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

pub fn run(args: &cli::ChartArgs) -> ExitCode {
    use render::chart_files::Format;
    use view::specs::{Kind, NamedChart};

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
                    if let Some(s) = diag::suggest(k, Kind::ALL.iter().map(|k| k.name())) {
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

    let flag = args.lang.map(model::Language::from);
    let Some((ws, loaded)) = load_for_output(path, "no_chart", flag) else {
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
                eprint!("{}", diag::render(&diags, &sources, &super::say(lang)));
                return fail(format!("{}: nothing analysed; no chart written", path.display()));
            }
        }
    } else {
        None
    };
    let (kano, kano_error) = match only.is_none_or(Kind::is_kano).then(|| kano_data(&ws)) {
        Some(Ok(kano)) => (kano, None),
        Some(Err(e)) => (None, Some(diag::chain(&e))),
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
    let faces = match text::Faces::embedded() {
        Ok(f) => f,
        Err(e) => return fail(format!("error: {e}")),
    };
    let meta = &ws.data.workshop;
    let doc_meta = |title: &str| render::pdf::DocMeta {
        title: title.to_owned(),
        author: meta.facilitator.clone(),
        subject: meta.organisation.clone(),
        language: lang.key().to_owned(),
        date: Some(meta.end_date.unwrap_or(meta.date))
            .and_then(|d| Some((d.year, u8::try_from(d.month).ok()?, u8::try_from(d.day).ok()?))),
    };
    let write =
        |c: &NamedChart, file: &std::path::Path, format: Format| -> Result<(), ChartFileError> {
            let bytes =
                render::chart_files::render(&c.spec, format, &faces, doc_meta(c.spec.title()))
                    .map_err(|source| ChartFileError::Draw { name: c.name(), source })?;
            render::write_atomic(file, &bytes)
                .map_err(|source| ChartFileError::Write { file: file.to_path_buf(), source })?;
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
                eprintln!("error: {}", diag::chain(&e));
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
    let of_kind: Vec<&NamedChart> = charts.charts.iter().filter(|c| c.kind == kind).collect();
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
        Err(e) => fail(format!("error: {}", diag::chain(&e))),
    }
}
