//! The commands, one file each: parse nothing (clap did), call the pipeline, print, and
//! map the outcome to an exit code (0 success, 2 invalid input or a command that cannot run).

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

use crate::{diag, input, model, pipeline};

/// Run a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check { workshop, deny_warnings } => check::run(&workshop, deny_warnings),
        Command::Schema { part } => {
            print!("{}", schema::schema_json(part));
            ExitCode::SUCCESS
        }
        Command::New { dir, lang } => new::run(&dir, lang),
        Command::Classify(args) => classify::run(&args),
        Command::Analyze(args) => analyze::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Chart(args) => chart::run(&args),
    }
}

/// Load a workshop for a command that writes something: diagnostics on stderr; `None`
/// (after saying so) when it has errors. The workshop, and what was loaded with it (the
/// sources and positions later diagnostics point into).
pub(crate) fn load_for_output(
    path: &std::path::Path,
    outcome: &str,
) -> Option<(model::Workshop, input::Loaded)> {
    let (mut loaded, diags) = pipeline::load_and_check(path);
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
