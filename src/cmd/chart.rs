//! `kano chart`: one chart, or every chart, of a workshop as SVG, PNG or PDF.
//!
//! Input: the parsed `kano chart` arguments. Output: chart files, messages on the
//! terminal and the exit code. It computes nothing itself: figures come from the pipeline,
//! charts from the view and the chart module.

use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cmd::load_for_output;
use crate::pipeline::{analyze_workshop, kano_data};
use std::io::Write as _;

use crate::diag::Msg;
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

impl ChartFileError {
    /// The error as a keyed message; the cause's own words (a drawing library's, the
    /// operating system's) stay as they come.
    fn message(&self) -> Msg {
        match self {
            Self::Draw { name, source } => Msg::new("cmd.chart_draw_failed")
                .text("name", name)
                .text("error", diag::chain(source)),
            Self::Write { file, source } => {
                Msg::new("cmd.cannot_write").text("file", file.display()).text("error", source)
            }
        }
    }
}

/// One line about a kind of chart and where its data comes from
/// (`check.cmd.chart_about.<kind>`, the kind's name with `_` for `-`).
fn about(k: view::specs::Kind) -> Msg {
    Msg::new(&format!("cmd.chart_about.{}", k.name().replace('-', "_")))
}

pub fn run(args: &cli::ChartArgs) -> ExitCode {
    use render::chart_files::Format;
    use view::specs::{Kind, NamedChart};

    let flag = args.lang.map(model::Language::from);
    // before the workshop is loaded: --lang, else the workshop's language read leniently
    // (only when there is something to say)
    let early_say = || {
        let lang = flag.or_else(|| {
            args.workshop.as_deref().and_then(|p| crate::input::load(p).reader_language())
        });
        super::say(lang.unwrap_or(model::Language::En))
    };
    let fail_early = |m: Msg, hint: Option<Msg>| {
        errln!("{}", super::error_text(&early_say(), &m, hint.as_ref()));
        ExitCode::from(EXIT_INVALID)
    };
    let names: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
    let kinds_hint = || Msg::new("cmd.chart_kinds_hint").list("list", &names);
    let Some(path) = &args.workshop else {
        if args.list {
            let say = early_say();
            outln!("{}", say(&Msg::new("cmd.chart_kinds_heading")));
            for k in Kind::ALL {
                outln!("  {:<18} {}", k.name(), say(&about(k)));
            }
            return ExitCode::SUCCESS;
        }
        return fail_early(
            Msg::new("cmd.chart_needs_workshop"),
            Some(Msg::new("cmd.chart_needs_workshop_hint")),
        );
    };
    if !args.list && !args.all && args.kind.is_none() {
        return fail_early(Msg::new("cmd.chart_say_which"), Some(kinds_hint()));
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
                    let hint = match diag::suggest(k, Kind::ALL.iter().map(|k| k.name())) {
                        Some(s) => Msg::new("cmd.chart_kinds_suggest_hint")
                            .text("candidate", s)
                            .list("list", &names),
                        None => kinds_hint(),
                    };
                    return fail_early(
                        Msg::new("cmd.chart_unknown_kind").text("kind", k),
                        Some(hint),
                    );
                }
            }
        }
    };
    let format_of_out = args.out.as_deref().filter(|_| !args.all).map(Format::of_path);
    let format = match (format_of_out, args.format) {
        (Some(None), _) => {
            let file = args.out.as_deref().unwrap_or(std::path::Path::new("")).display();
            return fail_early(
                Msg::new("cmd.chart_unknown_format").text("file", file),
                Some(Msg::new("cmd.chart_unknown_format_hint")),
            );
        }
        (Some(Some(f)), Some(g)) if f != g => {
            let file = args.out.as_deref().unwrap_or(std::path::Path::new("")).display();
            return fail_early(
                Msg::new("cmd.chart_format_mismatch")
                    .text("format", g.extension())
                    .text("file", file),
                None,
            );
        }
        (Some(Some(f)), _) => f,
        (None, g) => g.unwrap_or(Format::Svg),
    };

    let Some((ws, loaded)) = load_for_output(path, "no_chart", flag) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let lang = args.lang.map_or(ws.data.workshop.language, model::Language::from);
    let say = super::say(lang);
    let fail = |m: Msg, hint: Option<Msg>| {
        errln!("{}", super::error_text(&say, &m, hint.as_ref()));
        ExitCode::from(EXIT_INVALID)
    };
    let only = wanted.as_ref().map(|(k, _)| *k);
    // the figures: the analysis (every chart but Kano's) and the Kano classification, each
    // only when a chart of it is wanted
    let analysis = if only.is_none_or(|k| !k.is_kano()) {
        let opts = analysis::AnalyzeOptions { lang, ..Default::default() };
        match analyze_workshop(&ws, &loaded, &opts) {
            Ok(a) => Some(a),
            Err((diags, sources)) => {
                let rendered = diag::render(&diags, &sources, &say);
                let _ = std::io::stderr().lock().write_all(rendered.as_bytes());
                let m = Msg::new("cmd.outcome")
                    .text("path", path.display())
                    .word("outcome", "nothing_analysed_no_chart");
                errln!("{}", say(&m));
                return ExitCode::from(EXIT_INVALID);
            }
        }
    } else {
        None
    };
    let (kano, kano_error) = match only.is_none_or(Kind::is_kano).then(|| kano_data(&ws)) {
        Some(Ok(kano)) => (kano, None),
        Some(Err(e)) => {
            // its problems once; the Kano charts are then missing for that reason
            let mut err = std::io::stderr().lock();
            let sources = std::collections::BTreeMap::new();
            let _ = err.write_all(diag::render(&e.to_diagnostics(), &sources, &say).as_bytes());
            let why = Msg::new("cmd.kano_survey_unclassified").text("file", e.file().display());
            (None, Some(why))
        }
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
        let m = Msg::new("cmd.chart_list_heading")
            .text("path", path.display())
            .text("lang", lang.key());
        outln!("{}", say(&m));
        for c in &charts.charts {
            outln!("  {:<24} {}", c.name(), c.spec.title());
        }
        for (k, why) in &charts.missing {
            let m = Msg::new("cmd.chart_none").msg("why", why.clone());
            outln!("  {:<24} {}", k.name(), say(&m));
        }
        return ExitCode::SUCCESS;
    }
    let faces = match text::Faces::embedded() {
        Ok(f) => f,
        Err(e) => return fail(Msg::new("cmd.fonts_error").text("error", e), None),
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
            outln!("{}", say(&Msg::new("cmd.wrote").text("file", file.display())));
            Ok(())
        };

    if args.all {
        let dir = args.out.clone().unwrap_or_else(|| {
            std::path::PathBuf::from("output").join(format!("{}-charts", ws.slug))
        });
        for (k, why) in &charts.missing {
            let m = Msg::new("cmd.chart_skipped").text("kind", k.name()).msg("why", why.clone());
            errln!("{}", say(&m));
        }
        if charts.charts.is_empty() {
            return fail(Msg::new("cmd.chart_no_data").text("path", path.display()), None);
        }
        let mut failed = false;
        for c in &charts.charts {
            let name = format!("{}.{}", c.name(), format.extension());
            let file = dir.join(crate::render::safe_file_name(&name));
            if let Err(e) = write(c, &file, format) {
                errln!("{}", super::error_text(&say, &e.message(), None));
                failed = true;
            }
        }
        return if failed { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS };
    }

    let Some((kind, id)) = wanted else {
        return ExitCode::from(EXIT_INVALID);
    };
    if let Some((_, why)) = charts.missing.iter().find(|(k, _)| *k == kind) {
        return fail(
            Msg::new("cmd.chart_none_of_kind")
                .text("kind", kind.name())
                .text("path", path.display())
                .msg("why", why.clone()),
            Some(Msg::new("cmd.chart_list_hint").text("path", path.display())),
        );
    }
    let of_kind: Vec<&NamedChart> = charts.charts.iter().filter(|c| c.kind == kind).collect();
    let chosen = match &id {
        Some(id) => of_kind.iter().find(|c| c.id.as_deref() == Some(id.as_str())).copied(),
        None => of_kind.first().copied(),
    };
    let Some(chosen) = chosen else {
        let names: Vec<String> = of_kind.iter().map(|c| c.name()).collect();
        return fail(
            Msg::new("cmd.chart_no_such_chart")
                .text("path", path.display())
                .text("name", format!("{}-{}", kind.name(), id.unwrap_or_default())),
            Some(Msg::new("cmd.chart_of_kind_hint").text("kind", kind.name()).list("list", &names)),
        );
    };
    if id.is_none() && of_kind.len() > 1 {
        let others: Vec<String> = of_kind[1..].iter().map(|c| c.name()).collect();
        let m = Msg::new("cmd.chart_drew_first")
            .text("path", path.display())
            .text("n", of_kind.len())
            .text("kind", kind.name())
            .text("chosen", chosen.name())
            .list("others", &others);
        errln!("{}", super::note_text(&say, &m, None));
    }
    let file = args.out.clone().unwrap_or_else(|| {
        std::path::PathBuf::from("output").join(crate::render::safe_file_name(&format!(
            "{}-{}.{}",
            ws.slug,
            chosen.name(),
            format.extension()
        )))
    });
    match write(chosen, &file, format) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e.message(), None),
    }
}
