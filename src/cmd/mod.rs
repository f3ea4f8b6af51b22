//! The commands, one file each: parse nothing (clap did), call the pipeline, print, and
//! map the outcome to an exit code (0 success, 2 invalid input or a command that cannot run).

/// `println!` that ignores a closed standard output (`kano chart --list | head`): the
/// reader left, which is no error of ours, and nothing may panic.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

/// `eprintln!` that ignores a closed standard error (see [`outln`]).
macro_rules! errln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($t)*);
    }};
}

pub mod analyze;
pub mod chart;
pub mod check;
pub mod classify;
pub mod new;
pub mod report;
pub mod scaffold;
pub mod schema;

use std::io::Write as _;
use std::process::ExitCode;

use crate::cli::{Cli, Command};

/// Exit code for invalid input or a command that cannot run.
pub const EXIT_INVALID: u8 = 2;

use crate::diag::{Arg, Msg};
use crate::{diag, i18n, input, model, pipeline};

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { workshop, deny_warnings, lang } => {
            check::run(&workshop, deny_warnings, lang.map(model::Language::from))
        }
        Command::Schema { part } => {
            let _ = std::io::stdout().lock().write_all(schema::schema_json(part).as_bytes());
            ExitCode::SUCCESS
        }
        Command::New { dir, lang } => new::run(&dir, lang),
        Command::Classify(args) => classify::run(&args),
        Command::Analyze(args) => analyze::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Chart(args) => chart::run(&args),
    }
}

/// Load a workshop for a command that writes something: diagnostics on stderr, in the
/// command's `--lang` if given, else in the workshop's language ([`diagnostics_language`]);
/// `None` (after saying so, with `outcome`, a key of the catalog's `check` section) when it
/// has errors. The workshop, and what was loaded with it (the sources and positions later
/// diagnostics point into).
pub(crate) fn load_for_output(
    path: &std::path::Path,
    outcome: &str,
    lang: Option<model::Language>,
) -> Option<(model::Workshop, input::Loaded)> {
    let (mut loaded, diags) = pipeline::load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let lang = diagnostics_language(lang, &loaded);
    let say = say(lang);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources, &say).as_bytes());
    match loaded.workshop.take() {
        Some(ws) if errors == 0 => Some((ws, loaded)),
        _ => {
            let summary = summary(&say, path, errors, warnings, &diags);
            let _ = writeln!(
                err,
                "{}",
                say(&Msg::new("summary_outcome").text("summary", summary).word("outcome", outcome))
            );
            None
        }
    }
}

/// The language diagnostics and a command's own lines are printed in: the command's
/// `--lang`, else the workshop's `language` (read leniently, so that a workshop with errors
/// still gets its own language; zh-CN when a YAML file does not say), else English (a file
/// that cannot be read as YAML at all).
pub(crate) fn diagnostics_language(
    flag: Option<model::Language>,
    loaded: &input::Loaded,
) -> model::Language {
    flag.or_else(|| loaded.reader_language()).unwrap_or(model::Language::En)
}

/// The summary line's text: errors and warnings in how many files.
pub(crate) fn summary(
    say: &dyn Fn(&Msg) -> String,
    path: &std::path::Path,
    errors: usize,
    warnings: usize,
    diags: &[diag::Diagnostic],
) -> String {
    let files: std::collections::BTreeSet<&str> = diags.iter().map(|d| d.file.as_str()).collect();
    say(&Msg::new("summary")
        .text("path", path.display())
        .text("errors", errors)
        .text("warnings", warnings)
        .text("files", files.len().max(1)))
}

/// A Kano survey of the workshop that cannot be classified: its problems as diagnostics,
/// then one line saying so, with `outcome` (a word of the catalog's `check.words`).
pub(crate) fn print_kano_error(
    err: &mut dyn std::io::Write,
    say: &dyn Fn(&Msg) -> String,
    e: &pipeline::KanoDataError,
    outcome: &str,
) {
    let sources = std::collections::BTreeMap::new();
    let _ = err.write_all(diag::render(&e.to_diagnostics(), &sources, say).as_bytes());
    let m = Msg::new("cmd.kano_not_classified")
        .text("file", e.file().display())
        .word("outcome", outcome);
    let _ = writeln!(err, "{}", say(&m));
}

/// A command's own error line, worded in the reader's language: `error: …` with an
/// optional `= hint: …` line below it (labels of the catalog's `check` section).
pub(crate) fn error_text(say: &dyn Fn(&Msg) -> String, m: &Msg, hint: Option<&Msg>) -> String {
    labelled(say, "label_error", m, hint)
}

/// A command's warning line (see [`error_text`]).
pub(crate) fn warning_text(say: &dyn Fn(&Msg) -> String, m: &Msg, hint: Option<&Msg>) -> String {
    labelled(say, "label_warning", m, hint)
}

/// A command's note line (see [`error_text`]).
pub(crate) fn note_text(say: &dyn Fn(&Msg) -> String, m: &Msg, hint: Option<&Msg>) -> String {
    labelled(say, "label_note", m, hint)
}

fn labelled(say: &dyn Fn(&Msg) -> String, label: &str, m: &Msg, hint: Option<&Msg>) -> String {
    let colon = say(&Msg::new("colon"));
    let mut s = format!("{}{colon}{}", say(&Msg::new(label)), say(m));
    if let Some(h) = hint {
        s.push_str(&format!("\n  = {}{colon}{}", say(&Msg::new("label_hint")), say(h)));
    }
    s
}

/// Words for diagnostics in `lang`: each [`Msg`] is the catalog's `check.<key>`, its
/// placeholders filled ([`i18n::fill`]); word arguments are `check.words.<key>`, lists are
/// quoted and joined with the language's separator, and a placeholder of a wrong value
/// ([`diag::PLACEHOLDER`]) shows as `?`.
pub(crate) fn say(lang: model::Language) -> impl Fn(&Msg) -> String {
    let catalog = i18n::catalog(lang.key());
    move |m: &Msg| words(catalog, m)
}

fn words(catalog: &i18n::Catalog, m: &Msg) -> String {
    let key = format!("check.{}", m.key);
    let template = catalog.text(&key).to_owned();
    let sep = catalog.text("check.list_separator");
    let args: Vec<(&str, String)> = m
        .args
        .iter()
        .map(|(name, arg)| {
            let value = match arg {
                Arg::Text(t) => t.replace(diag::PLACEHOLDER, "?"),
                Arg::Word(w) => {
                    let key = format!("check.words.{w}");
                    catalog.text(&key).to_owned()
                }
                Arg::List(items) => {
                    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(sep)
                }
                Arg::Msg(inner) => words(catalog, inner),
            };
            (name.as_str(), value)
        })
        .collect();
    let refs: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    i18n::fill(&template, &refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quoted text after each `pattern` in `src`.
    fn after<'s>(src: &'s str, pattern: &str) -> Vec<&'s str> {
        src.match_indices(pattern)
            .filter_map(|(i, _)| {
                let rest = &src[i + pattern.len()..];
                let rest = rest.trim_start().strip_prefix('"')?;
                rest.split('"').next()
            })
            .collect()
    }

    fn rust_files(dir: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }

    /// Every message key and word the code names is in the `check` section of every
    /// catalog (the catalog tests make sure every language has the same keys).
    #[test]
    fn every_message_key_is_in_the_catalog() {
        let mut sources = Vec::new();
        rust_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut sources);
        let mut messages: Vec<String> = [
            "label_error",
            "label_warning",
            "label_field",
            "label_expected",
            "label_hint",
            "colon",
            "list_separator",
            "number_percent_hint",
            "number_digits_hint",
            "tabs_hint",
            "fullwidth_colon_hint",
            "syntax_hint",
        ]
        .map(String::from)
        .to_vec();
        let mut words: Vec<String> = [
            "professionalism_score",
            "ease_score",
            "perception_score",
            "nothing",
            "a_single_value",
            "a_list",
            "a_mapping",
            "adequate",
            "desired",
            "perceived",
            "takeaways",
            "tools",
            "dimension_tangibles",
            "dimension_reliability",
            "dimension_responsiveness",
            "dimension_assurance",
            "dimension_empathy",
            "binary_xlsx",
            "binary_xls",
            "binary_pdf",
            "binary_nul",
            "whole_number",
        ]
        .map(String::from)
        .to_vec();
        for src in &sources {
            let code = src.split("#[cfg(test)]").next().unwrap_or_default();
            messages.extend(after(code, "Msg::new(").into_iter().map(String::from));
            for p in
                ["Some(word(", "expected_found(", "scalar(", "integer(", "load_for_output(path,"]
            {
                words.extend(after(code, p).into_iter().map(String::from));
            }
            for (i, _) in code.match_indices(".word(\"") {
                let call = &code[i..];
                let call = &call[..call.find(')').unwrap_or(call.len())];
                if let Some(w) = after(call, ", ").first() {
                    words.push((*w).to_owned());
                }
            }
            words.extend(
                after(code, ", \"")
                    .into_iter()
                    .filter(|w| w.starts_with("vocab_"))
                    .map(String::from),
            );
        }
        messages.retain(|m| !m.is_empty());
        assert!(messages.len() > 100 && words.len() > 30, "{messages:?} {words:?}");
        for lang in i18n::LANGUAGES {
            let c = i18n::catalog(lang);
            for m in &messages {
                assert!(c.has(&format!("check.{m}")), "{lang}: no check.{m}");
            }
            for w in &words {
                assert!(c.has(&format!("check.words.{w}")), "{lang}: no check.words.{w}");
            }
        }
    }

    /// `kano chart --list` describes every kind in every language (keys made from the
    /// kinds' names, which the key scan above cannot see).
    #[test]
    fn every_chart_kind_is_described() {
        for lang in i18n::LANGUAGES {
            let c = i18n::catalog(lang);
            for k in crate::view::specs::Kind::ALL {
                let key = format!("check.cmd.chart_about.{}", k.name().replace('-', "_"));
                assert!(c.has(&key), "{lang}: no {key}");
            }
        }
    }

    #[test]
    fn messages_are_worded_in_the_language_asked_for() {
        let m = Msg::new("outside_scale")
            .word("what", "emotion_score")
            .text("value", 9)
            .text("min", -3)
            .text("max", 3);
        assert_eq!(say(model::Language::En)(&m), "emotion score 9 is outside its scale -3..3");
        assert_eq!(say(model::Language::ZhCn)(&m), "情绪分 9 超出了量表 -3..3");
        assert_eq!(say(model::Language::ZhTw)(&m), "情緒分數 9 超出了量表 -3..3");
        let list = Msg::one_of(["a", "b"]);
        assert_eq!(say(model::Language::En)(&list), "one of `a`, `b`");
        assert_eq!(say(model::Language::ZhCn)(&list), "以下之一：`a`、`b`");
        let placeholder = Msg::new("no_members").text("id", diag::PLACEHOLDER);
        assert_eq!(say(model::Language::En)(&placeholder), "group `?` lists no members");
    }
}
