//! # kano
//!
//! A toolkit for customer-service workshops: facilitators type each group's flip-chart
//! outputs into YAML; `kano` validates them, analyses them and writes the report.
//!
//! The pipeline, one module per stage, every import pointing one way (see ARCHITECTURE.md;
//! `tests/integration/architecture.rs` enforces it):
//!
//! 1. [`input`] — files → [`model`] types: YAML with spans, survey and answer CSV/TSV;
//!    every problem a [`diag::Diagnostic`] with file, line, column, field path and hint;
//! 2. [`model`] — the workshop as typed data; [`model::check`] validates it;
//! 3. [`analysis`] — pure functions, no I/O, one module per method; every result type;
//! 4. [`view`] — the report's data for any renderer, built once: sections, formatted
//!    figures, labels from the catalog, chart specs;
//! 5. [`chart`] — draws a chart spec onto any plotters `DrawingBackend`;
//! 6. [`render`] — PDF (tera templates → markup → layout), chart files, terminal text.
//!
//! Used by every stage: [`diag`], [`format`](mod@format) (the one number formatter),
//! [`i18n`] (the wording catalog), [`text`] (the embedded faces and the one line breaker).
//! [`pipeline`] chains the stages with their file I/O; [`cmd`] holds one file per command,
//! [`cli`] their arguments.
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
pub mod text;
pub mod view;

pub use cmd::{EXIT_INVALID, run};
