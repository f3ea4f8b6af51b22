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
pub mod cmd;
pub mod diag;
pub mod format;
pub mod i18n;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod view;

use std::process::ExitCode;

/// Exit code for invalid input or a command that cannot run.
pub const EXIT_INVALID: u8 = 2;

/// Run a parsed command line; the exit code to leave with.
pub fn run(cli: cli::Cli) -> ExitCode {
    cmd::run(cli)
}
