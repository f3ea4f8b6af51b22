//! CLI integration tests: one binary, run from the repository root so that paths in
//! messages are the relative ones a user would type.

mod check;
mod harness;
