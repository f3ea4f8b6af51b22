//! Errors of the survey readers: what went wrong, in which file, at which row and column,
//! and how to fix it.

use std::fmt;
use std::io;

use crate::diag::{Diagnostic, Msg, Pos};

use super::{Layout, text};

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

impl Role {
    /// The catalog word (`check.words.<key>`) of the role.
    pub fn word(self) -> &'static str {
        match self {
            Role::Functional => "role_functional",
            Role::Dysfunctional => "role_dysfunctional",
            Role::Importance => "role_importance",
        }
    }
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
/// [`SurveyError::message`] and [`SurveyError::hint`] say what is wrong and how to fix it as
/// keyed messages (the catalog's `check.survey` section words them in the reader's
/// language), and [`SurveyError::to_diagnostics`] turns it (and any further problems found
/// in the same header, see [`SurveyError::further`]) into the project's diagnostics.
/// `Display` (`file, row N, column `C`: message`) is the English form for logs and for
/// library users who print the error themselves; the commands never print it.
#[derive(Debug)]
pub struct SurveyError(Box<Inner>);

#[derive(Debug)]
struct Inner {
    file: String,
    row: Option<u64>,
    column: Option<String>,
    cell: Option<usize>,
    kind: ErrorKind,
    further: Vec<SurveyError>,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read the survey file: {0}")]
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

impl SurveyError {
    pub(crate) fn new(file: &str, kind: ErrorKind) -> Self {
        SurveyError(Box::new(Inner {
            file: file.to_owned(),
            row: None,
            column: None,
            cell: None,
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

    /// The column's 0-based position in the row.
    pub(crate) fn cell(mut self, index: usize) -> Self {
        self.0.cell = Some(index + 1);
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

    /// The column's 1-based position in the row (A = 1), if it applies.
    pub fn column_number(&self) -> Option<usize> {
        self.0.cell
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.0.kind
    }

    /// Further problems found in the same header (this error is the first).
    pub fn further(&self) -> &[SurveyError] {
        &self.0.further
    }

    /// What went wrong, as a keyed message (`check.survey.<key>` of the wording catalog),
    /// worded in the reader's language when printed.
    pub fn message(&self) -> Msg {
        match self.kind() {
            ErrorKind::Io(e) => Msg::new("survey.cannot_read").text("error", e),
            ErrorKind::Empty => Msg::new("survey.empty"),
            ErrorKind::NotText(what) => {
                Msg::new("survey.not_text").word("what", text::binary_word(what))
            }
            ErrorKind::NoFeatures { headers } => {
                Msg::new("survey.no_features").msg("headers", header_list(headers))
            }
            ErrorKind::MissingPartner { feature, found_role, missing, .. } => {
                Msg::new("survey.missing_partner")
                    .text("feature", feature)
                    .word("found", found_role.word())
                    .word("missing", missing.word())
            }
            ErrorKind::OrphanImportance { feature } => {
                Msg::new("survey.orphan_importance").text("feature", feature)
            }
            ErrorKind::DuplicateColumn {
                feature,
                role,
                first,
                first_index,
                second,
                second_index,
            } => Msg::new("survey.duplicate_column")
                .text("feature", feature)
                .word("role", role.word())
                .text("first", first)
                .text("first_index", first_index)
                .text("second", second)
                .text("second_index", second_index),
            ErrorKind::DuplicateHeader { name, first_index, second_index } => {
                Msg::new("survey.duplicate_header")
                    .text("name", name)
                    .text("first_index", first_index)
                    .text("second_index", second_index)
            }
            ErrorKind::MissingColumn { layout, column, headers } => {
                Msg::new("survey.missing_column")
                    .word("layout", layout_word(*layout))
                    .text("column", column)
                    .msg("headers", header_list(headers))
            }
            ErrorKind::Csv(e) => Msg::new("survey.csv").text("error", e),
            ErrorKind::InvalidUtf8 { encoding } => {
                Msg::new("survey.invalid_utf8").text("encoding", encoding)
            }
            ErrorKind::LineTooLong { limit } => {
                Msg::new("survey.line_too_long").text("limit", limit)
            }
            ErrorKind::Ragged { found, expected } => {
                Msg::new("survey.ragged").text("found", found).text("expected", expected)
            }
            ErrorKind::BadCount { value } => Msg::new("survey.bad_count").text("value", value),
            ErrorKind::BlankFeature => Msg::new("survey.blank_feature"),
            ErrorKind::MappingHeader { column, headers } => Msg::new("survey.mapping_header")
                .text("column", column)
                .msg("headers", header_list(headers)),
            ErrorKind::MappingUnknownColumn { name, suggestion: None } => {
                Msg::new("survey.mapping_unknown_column").text("name", name)
            }
            ErrorKind::MappingUnknownColumn { name, suggestion: Some(s) } => {
                Msg::new("survey.mapping_unknown_column_suggest")
                    .text("name", name)
                    .text("suggestion", s)
            }
            ErrorKind::MappingDuplicateFeature { feature } => {
                Msg::new("survey.mapping_duplicate_feature").text("feature", feature)
            }
            ErrorKind::MappingColumnReused { name, feature } => {
                Msg::new("survey.mapping_column_reused").text("name", name).text("feature", feature)
            }
            ErrorKind::MappingEmpty => Msg::new("survey.mapping_empty"),
            ErrorKind::UnknownRespondentColumn { name } => {
                Msg::new("survey.unknown_respondent_column").text("name", name)
            }
            ErrorKind::WrongLayout { found, wanted } => Msg::new("survey.wrong_layout")
                .word("layout", layout_word(*found))
                .text("wanted", wanted),
        }
    }

    /// How to fix it, as a keyed message (`check.survey.<key>`).
    pub fn hint(&self) -> Option<Msg> {
        let h = match self.kind() {
            ErrorKind::Io(_) | ErrorKind::WrongLayout { .. } => return None,
            ErrorKind::Empty => Msg::new("survey.empty_hint"),
            ErrorKind::NotText(_) => Msg::new("survey.not_text_hint"),
            ErrorKind::NoFeatures { .. } => Msg::new("survey.no_features_hint"),
            ErrorKind::MissingPartner { expected_name, missing, .. } => {
                Msg::new("survey.missing_partner_hint")
                    .word("missing", missing.word())
                    .text("expected_name", expected_name)
            }
            ErrorKind::OrphanImportance { feature } => {
                Msg::new("survey.orphan_importance_hint").text("feature", feature)
            }
            ErrorKind::DuplicateColumn { .. } | ErrorKind::DuplicateHeader { .. } => {
                Msg::new("survey.duplicate_column_hint")
            }
            ErrorKind::MissingColumn { layout: Layout::Counts, .. } => {
                Msg::new("survey.missing_column_counts_hint")
            }
            ErrorKind::MissingColumn { .. } => Msg::new("survey.missing_column_long_hint"),
            ErrorKind::Csv(_) => Msg::new("survey.csv_hint"),
            ErrorKind::InvalidUtf8 { .. } => Msg::new("survey.invalid_utf8_hint"),
            ErrorKind::LineTooLong { .. } => Msg::new("survey.line_too_long_hint"),
            ErrorKind::Ragged { found, expected } if found > expected => {
                Msg::new("survey.ragged_more_hint")
            }
            ErrorKind::Ragged { .. } => Msg::new("survey.ragged_fewer_hint"),
            ErrorKind::BadCount { .. } => Msg::new("survey.bad_count_hint"),
            ErrorKind::BlankFeature => Msg::new("survey.blank_feature_hint"),
            ErrorKind::MappingHeader { .. } => Msg::new("survey.mapping_header_hint"),
            ErrorKind::MappingUnknownColumn { .. } | ErrorKind::UnknownRespondentColumn { .. } => {
                Msg::new("survey.copy_column_hint")
            }
            ErrorKind::MappingDuplicateFeature { .. } => {
                Msg::new("survey.mapping_duplicate_feature_hint")
            }
            ErrorKind::MappingColumnReused { .. } => Msg::new("survey.mapping_column_reused_hint"),
            ErrorKind::MappingEmpty => Msg::new("survey.mapping_empty_hint"),
        };
        Some(h)
    }

    /// This error and the further ones as diagnostics: the row is the line, the column's
    /// position in the row the column, its header the field path; message and hint are
    /// keyed (`check.survey.<key>`).
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        std::iter::once(self).chain(self.further()).map(SurveyError::diagnostic).collect()
    }

    fn diagnostic(&self) -> Diagnostic {
        let line = self.row().and_then(|r| usize::try_from(r).ok()).unwrap_or(1);
        let col = self.column_number().unwrap_or(1);
        let mut d = Diagnostic::error(
            self.file(),
            Pos { line, col },
            self.column().unwrap_or_default(),
            self.message(),
        );
        if let Some(h) = self.hint() {
            d.set_hint(h);
        }
        d
    }
}

/// The header cells, for a message: at most 20, each clipped to 40 characters
/// (`check.survey.headers`, `headers_more`, `no_named_columns`).
fn header_list(items: &[String]) -> Msg {
    const MAX: usize = 20;
    if items.is_empty() {
        return Msg::new("survey.no_named_columns");
    }
    // one line each: a cell with a line break (a runaway quote) would break the message
    let clipped = items.iter().take(MAX).map(|s| {
        let c: String = s.chars().take(40).map(|c| if c.is_control() { ' ' } else { c }).collect();
        if c.chars().count() < s.chars().count() { format!("{c}…") } else { c }
    });
    if items.len() > MAX {
        Msg::new("survey.headers_more").list("list", clipped).text("n", items.len() - MAX)
    } else {
        Msg::new("survey.headers").list("list", clipped)
    }
}

/// The catalog word (`check.words.<key>`) of a layout.
fn layout_word(layout: Layout) -> &'static str {
    match layout {
        Layout::Wide => "layout_wide",
        Layout::Long => "layout_long",
        Layout::Counts => "layout_counts",
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
