//! Stage 2: the typed workshop model.
//!
//! Input: what the input stage deserialised. Output: [`Workshop`], the structs of
//! [`workshop`] with the closed vocabularies of [`enums`] parsed and the dates real
//! [`Date`]s, plus where every group came from, so that later checks can point at lines;
//! the answers read from the files a workshop refers to ([`answers`]), the SERVQUAL
//! instrument ([`instrument`]), and [`check`], the semantic checks that accept the model or
//! say why not.
//!
//! It must not do I/O (but [`check`] asking whether a referenced file exists) and imports
//! only the leaves (`diag`): never the input stage, the analysis or anything below them.

pub mod answers;
pub mod check;
pub mod date;
pub mod enums;
pub mod instrument;
pub mod target;
pub mod workshop;

pub use date::Date;
pub use enums::{
    Dimension, Gap, IndicatorKind, Language, MeasurementModel, Metric, Move, Phase, Principle,
    TouchpointKind,
};
pub use workshop::*;

/// Finds where a field is typed: the position of a field path (`groups[0].journeys[1].id`)
/// inside source file `file` (an index into [`Workshop::files`]). The input stage
/// implements it over its parsed documents; [`check`] only asks.
pub trait Locate {
    /// Line and column of `path` in file `file`; the file's start when unknown.
    fn pos(&self, file: usize, path: &str) -> crate::diag::Pos;

    /// Whether the value at `path` in file `file` (or a value it lies in) was wrong or
    /// missing and holds a placeholder ([`crate::diag::PLACEHOLDER`], NaN, …): its error
    /// is reported, and checks of it would only report follow-on errors.
    fn invalid(&self, _file: usize, _path: &str) -> bool {
        false
    }
}

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
