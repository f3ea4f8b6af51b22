//! Text outputs for the terminal and for files: the `kano classify` and `kano analyze`
//! tables, CSV, Markdown and JSON.

pub mod analyze;
pub mod classify;
