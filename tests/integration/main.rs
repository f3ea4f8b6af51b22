#![allow(clippy::unwrap_used)] // test code: a panic is a failed test
//! CLI integration tests: one binary, run from the repository root so that paths in
//! messages are the relative ones a user would type.

mod analyze;
mod architecture;
mod chart;
mod check;
mod classify;
mod cli;
mod figures;
mod harness;
mod leaks;
mod report;
