//! Stage 2: the typed workshop model.
//!
//! Input: deserialised YAML. Output: [`Workshop`], the structs of [`workshop`] with the
//! closed vocabularies of [`enums`] already parsed, plus where every group came from, so
//! that later checks can point at lines. No I/O here.

pub mod check;
pub mod enums;
pub mod workshop;

pub use enums::{
    Dimension, Gap, IndicatorKind, Language, MeasurementModel, Metric, Move, Phase, Principle,
    TouchpointKind,
};
pub use workshop::*;

/// Where a group's data was typed: which source file, and the path of the group's root in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Workshop::files`].
    pub file: usize,
    /// Path of the group inside that file (`groups[2]`, or empty for a group file).
    pub prefix: String,
}

/// A loaded workshop: the main file's content with all groups gathered.
#[derive(Debug, Clone)]
pub struct Workshop {
    /// The workshop file's content; `groups` holds inline and per-file groups, in order.
    pub data: WorkshopFile,
    /// For each group in `data.groups`, where it was typed.
    pub origins: Vec<Origin>,
    /// Source files as the user named them: index 0 is the workshop file.
    pub files: Vec<String>,
    /// The folder relative paths in the data are resolved against.
    pub base_dir: std::path::PathBuf,
    /// A short name for outputs, from the file or folder name.
    pub slug: String,
}
