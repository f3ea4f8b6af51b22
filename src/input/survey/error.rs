//! Errors of the survey readers: what went wrong, in which file, at which row and column,
//! and how to fix it.

use std::fmt;
use std::io;

use crate::diag::{Diagnostic, Pos};

use super::Layout;

/// Which half of a Kano question pair a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// The answer when the feature is present.
    Functional,
    /// The answer when the feature is absent.
    Dysfunctional,
    /// Self-stated importance of the feature.
    Importance,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Role::Functional => "functional",
            Role::Dysfunctional => "dysfunctional",
            Role::Importance => "importance",
        })
    }
}

/// A problem reading a survey file, with where it happened.
///
/// `Display` gives `file, row N, column `C`: message`; [`SurveyError::hint`] says how to fix
/// it and [`SurveyError::to_diagnostics`] turns it (and any further problems found in the
/// same header, see [`SurveyError::further`]) into the project's diagnostics.
#[derive(Debug)]
pub struct SurveyError(Box<Inner>);

#[derive(Debug)]
struct Inner {
    file: String,
    row: Option<u64>,
    column: Option<String>,
    kind: ErrorKind,
    further: Vec<SurveyError>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[source] io::Error),
    /// Nothing but blank lines (or nothing at all).
    #[error("the file is empty (no header row)")]
    Empty,
    /// A spreadsheet, PDF or other binary file.
    #[error("this is not a text survey file: {0}")]
    NotText(&'static str),
    /// No header convention matched.
    #[error("no Kano feature columns found; the header has {}", list(.headers, 20))]
    NoFeatures {
        /// The header cells found.
        headers: Vec<String>,
    },
    /// A wide-layout feature with one of its two answer columns.
    #[error("feature `{feature}` has a {found_role} column but no {missing} column")]
    MissingPartner {
        /// The feature.
        feature: String,
        /// The role of the column that is there.
        found_role: Role,
        /// The role that is missing.
        missing: Role,
        /// The name the missing column would have in the same convention.
        expected_name: String,
    },
    /// An importance column whose feature has no answer columns.
    #[error(
        "importance column for feature `{feature}`, which has no functional and dysfunctional columns"
    )]
    OrphanImportance {
        /// The feature.
        feature: String,
    },
    /// Two columns play the same role for one feature.
    #[error(
        "feature `{feature}` has two {role} columns: `{first}` (column {first_index}) and `{second}` (column {second_index})"
    )]
    DuplicateColumn {
        /// The feature.
        feature: String,
        /// The role both columns play.
        role: Role,
        /// The first column's name.
        first: String,
        /// Its 1-based position.
        first_index: usize,
        /// The second column's name.
        second: String,
        /// Its 1-based position.
        second_index: usize,
    },
    /// Two columns with one meaning in a long or counts file (e.g. two `feature` columns).
    #[error("column `{name}` appears twice (columns {first_index} and {second_index})")]
    DuplicateHeader {
        /// The meaning, e.g. `feature`.
        name: &'static str,
        /// 1-based position of the first.
        first_index: usize,
        /// 1-based position of the second.
        second_index: usize,
    },
    /// A long or counts file without a required column.
    #[error("the {layout} layout needs a `{column}` column; the header has {}", list(.headers, 20))]
    MissingColumn {
        /// Which layout the header looked like.
        layout: Layout,
        /// The missing column.
        column: &'static str,
        /// The header cells found.
        headers: Vec<String>,
    },
    /// The CSV syntax could not be read.
    #[error("malformed CSV: {0}")]
    Csv(String),
    /// Bytes that are not UTF-8 in a file read as UTF-8.
    #[error("invalid UTF-8 in the text (the file was read as {encoding})")]
    InvalidUtf8 {
        /// The encoding the file was read as.
        encoding: &'static str,
    },
    /// A line longer than the limit (see `ReadOptions::max_line_bytes`).
    #[error("a line is longer than {limit} bytes")]
    LineTooLong {
        /// The limit.
        limit: usize,
    },
    /// A row with more (or, with `strict_rows`, fewer) cells than the header.
    #[error("the row has {found} cells but the header has {expected}")]
    Ragged {
        /// Cells in the row.
        found: usize,
        /// Cells in the header.
        expected: usize,
    },
    /// A count that is not a non-negative whole number.
    #[error("count `{value}` is not a non-negative whole number")]
    BadCount {
        /// The cell's text.
        value: String,
    },
    /// A blank feature id in a long or counts file.
    #[error("the feature id is blank")]
    BlankFeature,
    /// The mapping file's header lacks a column.
    #[error("the mapping file needs a `{column}` column; its header has {}", list(.headers, 20))]
    MappingHeader {
        /// The missing column.
        column: &'static str,
        /// The header cells found.
        headers: Vec<String>,
    },
    /// The mapping file names a column the survey does not have.
    #[error("the survey has no column `{name}`{}", .suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    MappingUnknownColumn {
        /// The name given.
        name: String,
        /// The closest header name, if one is close.
        suggestion: Option<String>,
    },
    /// The mapping file lists a feature twice.
    #[error("feature `{feature}` is listed twice")]
    MappingDuplicateFeature {
        /// The feature.
        feature: String,
    },
    /// The mapping file uses one survey column twice.
    #[error("survey column `{name}` is already mapped (for feature `{feature}`)")]
    MappingColumnReused {
        /// The column.
        name: String,
        /// The feature it was mapped for first.
        feature: String,
    },
    /// The mapping file has no feature rows.
    #[error("the mapping file lists no features")]
    MappingEmpty,
    /// A named respondent column that the header lacks.
    #[error("the survey has no respondent column `{name}`")]
    UnknownRespondentColumn {
        /// The name given.
        name: String,
    },
    /// A reading method for another layout.
    #[error("this is a {found} survey file; {wanted}")]
    WrongLayout {
        /// The file's layout.
        found: Layout,
        /// What to call instead.
        wanted: &'static str,
    },
}

/// At most `max` items, backquoted and comma-separated, each clipped to 40 characters.
pub(crate) fn list(items: &[String], max: usize) -> String {
    if items.is_empty() {
        return "no named columns".to_owned();
    }
    let mut out = String::new();
    for (i, s) in items.iter().take(max).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        let clipped: String = s.chars().take(40).collect();
        out.push_str(&clipped);
        if clipped.len() < s.len() {
            out.push('…');
        }
        out.push('`');
    }
    if items.len() > max {
        out.push_str(&format!(" and {} more", items.len() - max));
    }
    out
}

/// The header conventions, for hints.
pub const EXPECTED_HEADERS: &str = "wide: two columns per feature named `<feature>_F`/`<feature>_D`, \
`<feature>_functional`/`<feature>_dysfunctional`, `<feature>(功能)`/`<feature>(反功能)` or \
`<feature> functional`/`<feature> dysfunctional` (optional `<feature>_importance`); \
long: `respondent,feature,functional,dysfunctional`; counts: `feature,A,O,M,I,R,Q`";

impl SurveyError {
    pub(crate) fn new(file: &str, kind: ErrorKind) -> Self {
        SurveyError(Box::new(Inner {
            file: file.to_owned(),
            row: None,
            column: None,
            kind,
            further: Vec::new(),
        }))
    }

    pub(crate) fn at(mut self, row: u64) -> Self {
        self.0.row = Some(row);
        self
    }

    pub(crate) fn col(mut self, column: &str) -> Self {
        self.0.column = Some(column.to_owned());
        self
    }

    pub(crate) fn with_further(mut self, further: Vec<SurveyError>) -> Self {
        self.0.further = further;
        self
    }

    /// The file as the user named it (the mapping file for mapping errors).
    pub fn file(&self) -> &str {
        &self.0.file
    }

    /// 1-based row as a spreadsheet shows it (the header is the first row), if it applies.
    pub fn row(&self) -> Option<u64> {
        self.0.row
    }

    /// The column's header name, if it applies.
    pub fn column(&self) -> Option<&str> {
        self.0.column.as_deref()
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Further problems found in the same header (this error is the first).
    pub fn further(&self) -> &[SurveyError] {
        &self.0.further
    }

    /// How to fix it.
    pub fn hint(&self) -> Option<String> {
        let h = match self.kind() {
            ErrorKind::Io(_) => return None,
            ErrorKind::Empty => {
                "export the survey with a header row and one row per respondent".to_owned()
            }
            ErrorKind::NotText(_) => {
                "save it from the spreadsheet as CSV (UTF-8) and give that file".to_owned()
            }
            ErrorKind::NoFeatures { .. } => format!(
                "expected {EXPECTED_HEADERS}; or describe the columns in a mapping file \
                 (`feature,functional,dysfunctional,importance,name`)"
            ),
            ErrorKind::MissingPartner { expected_name, missing, .. } => format!(
                "add the {missing} column (e.g. `{expected_name}`) or rename the column that \
                 holds it (columns are paired by name, not by position); or describe the \
                 columns in a mapping file"
            ),
            ErrorKind::OrphanImportance { feature } => format!(
                "name the answer columns `{feature}_F` and `{feature}_D` (or another convention), \
                 or rename this column if it is not about a feature"
            ),
            ErrorKind::DuplicateColumn { .. } | ErrorKind::DuplicateHeader { .. } => {
                "delete or rename one of the two columns".to_owned()
            }
            ErrorKind::MissingColumn { layout: Layout::Counts, .. } => {
                "a counts file has the header `feature,A,O,M,I,R,Q` (R and Q may be left out)"
                    .to_owned()
            }
            ErrorKind::MissingColumn { .. } => {
                "a long file has the header `respondent,feature,functional,dysfunctional` \
                 (optional `importance`; any other column is a segment)"
                    .to_owned()
            }
            ErrorKind::Csv(_) => "check the quoting near this row".to_owned(),
            ErrorKind::InvalidUtf8 { .. } => {
                "the start of the file looked like UTF-8 but this row is not; save the file as \
                 UTF-8, or name its encoding (e.g. `gb18030` for GBK exports)"
                    .to_owned()
            }
            ErrorKind::LineTooLong { .. } => {
                "is this really a survey CSV? (a binary file, or a value with a runaway quote)"
                    .to_owned()
            }
            ErrorKind::Ragged { found, expected } if found > expected => {
                "a value probably contains the delimiter without quotes around it; quote it or \
                 delete the extra cells"
                    .to_owned()
            }
            ErrorKind::Ragged { .. } => {
                "fill in the missing cells (or read without strict rows, where missing cells \
                 are blank)"
                    .to_owned()
            }
            ErrorKind::BadCount { .. } => {
                "write each count as a whole number (0 when nobody gave that answer)".to_owned()
            }
            ErrorKind::BlankFeature => "give every row a feature id".to_owned(),
            ErrorKind::MappingHeader { .. } => {
                "the mapping file has the header `feature,functional,dysfunctional` (optional \
                 `importance` and `name`), one row per feature naming the survey's columns"
                    .to_owned()
            }
            ErrorKind::MappingUnknownColumn { .. } => {
                "copy the column name from the survey's header row exactly".to_owned()
            }
            ErrorKind::MappingDuplicateFeature { .. } => {
                "give each feature one row in the mapping file".to_owned()
            }
            ErrorKind::MappingColumnReused { .. } => {
                "each survey column holds one answer of one feature".to_owned()
            }
            ErrorKind::MappingEmpty => "add one row per feature".to_owned(),
            ErrorKind::UnknownRespondentColumn { .. } => {
                "copy the column name from the survey's header row exactly".to_owned()
            }
            ErrorKind::WrongLayout { .. } => return None,
        };
        Some(h)
    }

    /// This error and the further ones as diagnostics (the row is the line, the column
    /// name is the field path).
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        std::iter::once(self).chain(self.further()).map(SurveyError::diagnostic).collect()
    }

    fn diagnostic(&self) -> Diagnostic {
        let line = self.row().and_then(|r| usize::try_from(r).ok()).unwrap_or(1);
        let mut d = Diagnostic::error(
            self.file(),
            Pos { line, col: 1 },
            self.column().unwrap_or_default(),
            self.kind().to_string(),
        );
        if let Some(h) = self.hint() {
            d.set_hint(h);
        }
        d
    }
}

impl fmt::Display for SurveyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.file())?;
        if let Some(r) = self.row() {
            write!(f, ", row {r}")?;
        }
        if let Some(c) = self.column() {
            write!(f, ", column `{c}`")?;
        }
        write!(f, ": {}", self.kind())?;
        if !self.further().is_empty() {
            write!(f, " (and {} more problem(s) in the header)", self.further().len())?;
        }
        Ok(())
    }
}

impl std::error::Error for SurveyError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self.kind() {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}
