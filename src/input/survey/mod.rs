//! Kano survey files: wide, long and aggregated-count layouts (issue: kano classify).
//!
//! Input: a CSV/TSV export of a Kano questionnaire. Output: a [`Survey`] that knows the
//! layout, the features and their columns, and streams the raw answers with their positions
//! (row as a spreadsheet shows it, column name) so that the caller can report
//! "row 57, column `F3_functional`, value `maybe`". This module does not interpret answers:
//! turning `I like it` / `我很喜欢` / `1` into a Kano answer is the classifier's job.
//!
//! # Layouts, detected from the header
//!
//! Header cells are compared trimmed, case-insensitively, with full-width forms folded
//! (`（功能）` = `(功能)`, `Ｆ` = `F`). The first rule that matches wins:
//!
//! 1. a mapping file was given ([`ReadOptions::mapping`]) → **wide**, columns as the mapping
//!    names them (see [`mapping`]);
//! 2. a feature column (`feature`, `feature_id`, `attribute`, `item`, `功能点`, `特性`, `需求`,
//!    `属性`) and at least three of `A`, `O`, `M`, `I` → **counts**: `feature,A,O,M,I[,R][,Q]`,
//!    optional `name`; missing `R`/`Q` read as 0;
//! 3. two of `feature`, `functional` (`f`, `func`, `功能`, `正向`) and `dysfunctional` (`d`,
//!    `dysfunc`, `反功能`, `反向`) → **long**: one row per respondent × feature, optional
//!    `respondent` and `importance`; a third one missing is an error;
//! 4. otherwise **wide**: one row per respondent, two columns per feature paired by name:
//!    `<feature><sep><word>` with `<sep>` one of `_ - . : / |` or a space, or
//!    `<feature>(<word>)` with `()`, `[]`, `【】` or full-width brackets, where `<word>` is
//!    `F`/`D`, `functional`/`dysfunctional`, `func`/`dysfunc`, `功能`/`反功能`, `正向`/`反向`
//!    or `具备`/`不具备`, plus optionally `importance`/`imp`/`重要性`/`重要度`/`重要程度`.
//!    No pair at all is an error listing the headers found and the conventions expected.
//!
//! In the wide and long layouts the first column named like a respondent id (`ID`,
//! `respondent`, `respondent_id`, `编号`, `序号`, `答卷编号`, …, or [`ReadOptions::respondent_column`])
//! is the respondent; every other named column is a *segment* column, kept by name for
//! grouping (`--by COLUMN`). Columns with a blank header are ignored.
//!
//! # Text
//!
//! Delimiter: comma, tab or semicolon, the most frequent outside quotes in the header line
//! (an Excel `sep=;` first line is honoured and skipped). Encoding: a byte-order mark wins
//! (UTF-8, UTF-16LE/BE); then [`ReadOptions::encoding`]; then UTF-8 if the first 64 KiB are
//! valid UTF-8, else GB18030 (a superset of GBK, as Chinese survey platforms export). Other
//! encodings are decoded in chunks, so memory stays flat. A file whose start is UTF-8 but
//! which turns invalid later is an error at that row (name the encoding to read it).
//! Excel quoting (`"a ""b"", c"`), CRLF and line breaks inside quoted cells are fine.
//!
//! # Rows
//!
//! Rows are numbered as a spreadsheet shows them: the header is row 1 (after any blank lines
//! before it), a cell with line breaks does not shift later rows, a blank line does.
//! Blank rows (no cells, or every cell blank, e.g. trailing `,,,,`) are skipped.
//! Ragged rows: a row with *more* cells than the header is an error unless the extra cells
//! are blank (the usual trailing-delimiter export); a row with *fewer* cells reads the missing
//! ones as blank (exports drop trailing empty cells), or is an error with
//! [`ReadOptions::strict_rows`]. A blank answer reaches the caller as an empty [`Cell`], so it
//! is reported as a missing answer there, not lost here.
//!
//! # Use
//!
//! ```no_run
//! use kano::input::survey::{Layout, ReadOptions, open};
//!
//! let mut survey = open("kano-survey.csv".as_ref(), &ReadOptions::default())?;
//! assert_eq!(survey.layout(), Layout::Wide);
//! survey.for_each_record(|r| {
//!     // `r.feature` indexes `survey.features()`; a wide row's features come consecutively.
//!     println!("row {}, column `{}`: {}", r.row, r.functional.column, r.functional.text);
//! })?;
//! # Ok::<(), kano::input::survey::SurveyError>(())
//! ```
//!
//! Counts files are read with [`Survey::next_counts`] / [`Survey::for_each_counts`]; a whole
//! respondent at a time with [`Survey::next_row`] and [`Row::records`].

pub mod error;
mod header;
pub mod mapping;
mod synth;
pub(crate) mod text;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::fmt;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use csv::StringRecord;
use encoding_rs::Encoding;

pub use error::{ErrorKind, Role, SurveyError};
pub use synth::{SynthAnswers, SynthOptions, write_synthetic_wide};

use header::{DetectOptions, Plan};
use text::TextReader;

/// The three file layouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layout {
    /// One row per respondent, two (or three) columns per feature.
    Wide,
    /// One row per respondent × feature.
    Long,
    /// One row per feature with the category counts A, O, M, I, R, Q.
    Counts,
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layout::Wide => "wide",
            Layout::Long => "long",
            Layout::Counts => "counts",
        })
    }
}

/// A column of the survey file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Column {
    /// The header cell, trimmed.
    pub name: String,
    /// 0-based position.
    pub index: usize,
}

/// One feature (need) of the questionnaire and where its answers are.
///
/// In the long layout every feature shares the `functional` / `dysfunctional` / `importance`
/// columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feature {
    /// The id: the header prefix (`k01` of `k01_F`), the long file's feature cell, or the
    /// mapping file's `feature`.
    pub id: String,
    /// Display name: the mapping file's `name`, else the id.
    pub name: String,
    /// The answer when the feature is present.
    pub functional: Column,
    /// The answer when it is absent.
    pub dysfunctional: Column,
    /// Self-stated importance, if asked.
    pub importance: Option<Column>,
}

/// How to read a survey file. `Default` detects everything.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// A mapping file naming each feature's columns (for headers no convention matches).
    pub mapping: Option<PathBuf>,
    /// The encoding, when detection is not wanted (`Encoding::for_label(b"gbk")`); a
    /// byte-order mark still wins.
    pub encoding: Option<&'static Encoding>,
    /// The delimiter, when sniffing is not wanted.
    pub delimiter: Option<u8>,
    /// The respondent id column, by header name.
    pub respondent_column: Option<String>,
    /// Rows with fewer cells than the header are errors (default: missing cells are blank).
    pub strict_rows: bool,
    /// Longest line accepted, in bytes (default 16 MiB).
    pub max_line_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            mapping: None,
            encoding: None,
            delimiter: None,
            respondent_column: None,
            strict_rows: false,
            max_line_bytes: 16 * 1024 * 1024,
        }
    }
}

/// One answer cell: its text as written (not trimmed) and its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell<'a> {
    /// The cell's text; empty when blank or missing from a short row.
    pub text: &'a str,
    /// The column's header name.
    pub column: &'a str,
    /// The column's 0-based position.
    pub index: usize,
}

/// The segment cells of a row, by column.
#[derive(Debug, Clone, Copy)]
pub struct Segments<'a> {
    record: &'a StringRecord,
    columns: &'a [Column],
}

impl<'a> Segments<'a> {
    /// How many segment columns.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// No segment columns?
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The `i`-th segment value (in [`Survey::segment_columns`] order), trimmed.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.columns.get(i).map(|c| self.record.get(c.index).unwrap_or("").trim())
    }

    /// The value of the segment column named `name` (exact, then case-insensitive).
    pub fn by_name(&self, name: &str) -> Option<&'a str> {
        let i = self
            .columns
            .iter()
            .position(|c| c.name == name)
            .or_else(|| self.columns.iter().position(|c| c.name.eq_ignore_ascii_case(name)))?;
        self.get(i)
    }

    /// (column name, value) pairs.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let record = self.record;
        self.columns
            .iter()
            .map(move |c| (c.name.as_str(), record.get(c.index).unwrap_or("").trim()))
    }
}

/// One respondent's answers to one feature (wide and long layouts).
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    /// Row as a spreadsheet shows it (the header is row 1).
    pub row: u64,
    /// The respondent id, trimmed; `None` without a respondent column or when blank.
    pub respondent: Option<&'a str>,
    /// Index into [`Survey::features`].
    pub feature: usize,
    /// The feature's id.
    pub feature_id: &'a str,
    /// The functional answer.
    pub functional: Cell<'a>,
    /// The dysfunctional answer.
    pub dysfunctional: Cell<'a>,
    /// The importance, when the feature has an importance column.
    pub importance: Option<Cell<'a>>,
    /// The row's segment values.
    pub segments: Segments<'a>,
}

/// One row of a wide or long file: a respondent with every feature (wide) or one
/// respondent × feature (long). Borrowed from the [`Survey`] until the next row is read.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    row: u64,
    record: &'a StringRecord,
    respondent: Option<&'a str>,
    features: &'a [Feature],
    first: usize,
    segments: Segments<'a>,
}

impl<'a> Row<'a> {
    /// Row as a spreadsheet shows it.
    pub fn row(&self) -> u64 {
        self.row
    }

    /// The respondent id, trimmed, if any.
    pub fn respondent(&self) -> Option<&'a str> {
        self.respondent
    }

    /// The segment values.
    pub fn segments(&self) -> Segments<'a> {
        self.segments
    }

    /// The row's records, one per feature in feature order (wide), or one (long).
    pub fn records(&self) -> impl Iterator<Item = Record<'a>> + 'a {
        let Row { row, record, respondent, features, first, segments } = *self;
        let cell = move |c: &'a Column| Cell {
            text: record.get(c.index).unwrap_or(""),
            column: &c.name,
            index: c.index,
        };
        features.iter().enumerate().map(move |(i, f)| Record {
            row,
            respondent,
            feature: first + i,
            feature_id: &f.id,
            functional: cell(&f.functional),
            dysfunctional: cell(&f.dysfunctional),
            importance: f.importance.as_ref().map(cell),
            segments,
        })
    }
}

/// One row of a counts file.
#[derive(Debug, Clone, Copy)]
pub struct CountsRecord<'a> {
    /// Row as a spreadsheet shows it.
    pub row: u64,
    /// The feature id, trimmed.
    pub feature: &'a str,
    /// The `name` cell, trimmed, when the file has one and it is not blank.
    pub name: Option<&'a str>,
    /// Attractive.
    pub a: u64,
    /// One-dimensional.
    pub o: u64,
    /// Must-be.
    pub m: u64,
    /// Indifferent.
    pub i: u64,
    /// Reverse (0 when the file has no `R` column).
    pub r: u64,
    /// Questionable (0 when the file has no `Q` column).
    pub q: u64,
    /// The row's other cells.
    pub segments: Segments<'a>,
}

/// Row numbers as a spreadsheet shows them, from the CSV reader's line counts.
#[derive(Debug, Clone, Copy)]
struct RowCounter {
    /// The last record's row.
    row: u64,
    /// The reader's line after the last record.
    line: u64,
}

impl RowCounter {
    /// The row of `rec`, just read; `line` is the reader's line after it.
    ///
    /// The line count grows by one per record plus any blank lines skipped plus line breaks
    /// inside quoted cells; only the blank lines move the spreadsheet row. (The CSV reader
    /// counts a CRLF record's `\n` with the next record, which this difference absorbs.)
    fn next(&mut self, rec: &StringRecord, line: u64) -> u64 {
        let delta = line.saturating_sub(self.line);
        self.line = line;
        let mut row = self.row + 1;
        if delta > 1 {
            let inside = rec.as_byte_record().as_slice().iter().filter(|&&b| b == b'\n').count();
            row += (delta - 1).saturating_sub(inside as u64);
        }
        self.row = row;
        row
    }
}

/// An open survey: the layout and columns, and a stream of rows.
pub struct Survey {
    file: String,
    layout: Layout,
    encoding: &'static Encoding,
    delimiter: u8,
    headers: Vec<String>,
    header_row: u64,
    plan: Plan,
    features: Vec<Feature>,
    long_index: HashMap<String, usize>,
    respondent: Option<Column>,
    segments: Vec<Column>,
    reader: csv::Reader<TextReader>,
    record: StringRecord,
    rows: RowCounter,
    strict_rows: bool,
}

impl fmt::Debug for Survey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Survey")
            .field("file", &self.file)
            .field("layout", &self.layout)
            .field("encoding", &self.encoding.name())
            .field("delimiter", &char::from(self.delimiter))
            .field("features", &self.features.len())
            .field("segments", &self.segments)
            .finish_non_exhaustive()
    }
}

/// Open the survey file at `path` and read its header.
pub fn open(path: &Path, opts: &ReadOptions) -> Result<Survey, SurveyError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| SurveyError::new(&name, ErrorKind::Io(e)))?;
    from_reader(&name, file, opts)
}

/// Read a survey from any reader (e.g. standard input); `name` is shown in messages.
pub fn from_reader(
    name: &str,
    input: impl Read + 'static,
    opts: &ReadOptions,
) -> Result<Survey, SurveyError> {
    let src =
        CsvSource::open(name, Box::new(input), opts.encoding, opts.delimiter, opts.max_line_bytes)?;
    let headers: Vec<String> = src.header.iter().map(|h| h.trim().to_owned()).collect();
    let mapped = match &opts.mapping {
        Some(m) => Some(mapping::load(m, &headers)?),
        None => None,
    };
    let detected = header::detect(
        name,
        src.header_row,
        &headers,
        DetectOptions { respondent: opts.respondent_column.as_deref(), mapped },
    )?;
    let column = |i: usize| Column { name: headers[i].clone(), index: i };
    let respondent = detected.respondent.map(column);
    let segments = detected.segments.iter().map(|&i| column(i)).collect();
    Ok(Survey {
        file: name.to_owned(),
        layout: detected.layout(),
        encoding: src.encoding,
        delimiter: src.delimiter,
        header_row: src.header_row,
        plan: detected.plan,
        features: detected.features,
        long_index: HashMap::new(),
        respondent,
        segments,
        reader: src.reader,
        record: StringRecord::new(),
        rows: RowCounter { row: src.header_row, line: src.line_after_header },
        strict_rows: opts.strict_rows,
        headers,
    })
}

impl Survey {
    /// The file as named in messages.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// Wide, long or counts.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The features: all of them for the wide layout; for the long layout those seen so far
    /// (in order of first appearance, complete once the rows are read); empty for counts.
    pub fn features(&self) -> &[Feature] {
        &self.features
    }

    /// The respondent id column, if any.
    pub fn respondent_column(&self) -> Option<&Column> {
        self.respondent.as_ref()
    }

    /// The segment columns: every named column that is not an answer, importance,
    /// respondent, feature, name or count column.
    pub fn segment_columns(&self) -> &[Column] {
        &self.segments
    }

    /// The header cells, trimmed.
    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    /// The header's row (1 unless blank lines come first).
    pub fn header_row(&self) -> u64 {
        self.header_row
    }

    /// The encoding the file is read as (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }

    /// The delimiter.
    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// Read the next non-blank row, or `None` at the end. Wide and long layouts only.
    pub fn next_row(&mut self) -> Result<Option<Row<'_>>, SurveyError> {
        if self.layout == Layout::Counts {
            return Err(SurveyError::new(
                &self.file,
                ErrorKind::WrongLayout {
                    found: Layout::Counts,
                    wanted: "read it with `next_counts`",
                },
            ));
        }
        let Some(row) = self.advance()? else { return Ok(None) };
        let (first, features) = match self.plan {
            Plan::Long { feature, .. } => {
                let k = self.long_feature(row, feature)?;
                (k, &self.features[k..=k])
            }
            _ => (0, &self.features[..]),
        };
        let respondent = self
            .respondent
            .as_ref()
            .map(|c| self.record.get(c.index).unwrap_or("").trim())
            .filter(|s| !s.is_empty());
        Ok(Some(Row {
            row,
            record: &self.record,
            respondent,
            features,
            first,
            segments: Segments { record: &self.record, columns: &self.segments },
        }))
    }

    /// Call `f` with every record, in file order (a wide row's features consecutively).
    pub fn for_each_record(&mut self, mut f: impl FnMut(Record<'_>)) -> Result<(), SurveyError> {
        while let Some(row) = self.next_row()? {
            for rec in row.records() {
                f(rec);
            }
        }
        Ok(())
    }

    /// Read the next non-blank row of a counts file, or `None` at the end.
    pub fn next_counts(&mut self) -> Result<Option<CountsRecord<'_>>, SurveyError> {
        let Plan::Counts { feature, name, counts } = self.plan else {
            return Err(SurveyError::new(
                &self.file,
                ErrorKind::WrongLayout { found: self.layout, wanted: "read it with `next_row`" },
            ));
        };
        let Some(row) = self.advance()? else { return Ok(None) };
        let id = self.record.get(feature).unwrap_or("").trim();
        if id.is_empty() {
            return Err(self.error_at(row, feature, ErrorKind::BlankFeature));
        }
        let mut n = [0u64; 6];
        for (slot, col) in n.iter_mut().zip(counts) {
            if let Some(c) = col {
                let text = self.record.get(c).unwrap_or("");
                *slot = text.trim().parse().map_err(|_| {
                    self.error_at(row, c, ErrorKind::BadCount { value: text.to_owned() })
                })?;
            }
        }
        let name = name.and_then(|c| self.record.get(c)).map(str::trim).filter(|s| !s.is_empty());
        Ok(Some(CountsRecord {
            row,
            feature: id,
            name,
            a: n[0],
            o: n[1],
            m: n[2],
            i: n[3],
            r: n[4],
            q: n[5],
            segments: Segments { record: &self.record, columns: &self.segments },
        }))
    }

    /// Call `f` with every row of a counts file.
    pub fn for_each_counts(
        &mut self,
        mut f: impl FnMut(CountsRecord<'_>),
    ) -> Result<(), SurveyError> {
        while let Some(rec) = self.next_counts()? {
            f(rec);
        }
        Ok(())
    }

    fn error_at(&self, row: u64, col: usize, kind: ErrorKind) -> SurveyError {
        let e = SurveyError::new(&self.file, kind).at(row);
        match self.headers.get(col) {
            Some(h) => e.col(h).cell(col),
            None => e,
        }
    }

    /// The long layout's feature index for the current row, adding new features.
    fn long_feature(&mut self, row: u64, col: usize) -> Result<usize, SurveyError> {
        let id = self.record.get(col).unwrap_or("").trim();
        if id.is_empty() {
            return Err(self.error_at(row, col, ErrorKind::BlankFeature));
        }
        if let Some(&k) = self.long_index.get(id) {
            return Ok(k);
        }
        let Plan::Long { functional, dysfunctional, importance, .. } = self.plan else {
            return Ok(0);
        };
        let column = |i: usize| Column { name: self.headers[i].clone(), index: i };
        let k = self.features.len();
        self.features.push(Feature {
            id: id.to_owned(),
            name: id.to_owned(),
            functional: column(functional),
            dysfunctional: column(dysfunctional),
            importance: importance.map(column),
        });
        self.long_index.insert(id.to_owned(), k);
        Ok(k)
    }

    /// Read records until a non-blank one; its row, or `None` at the end.
    fn advance(&mut self) -> Result<Option<u64>, SurveyError> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(e) => {
                    return Err(csv_error(
                        &self.file,
                        self.rows.row + 1,
                        &self.headers,
                        self.encoding,
                        e,
                    ));
                }
            }
            let row = self.rows.next(&self.record, self.reader.position().line());
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let (found, expected) = (self.record.len(), self.headers.len());
            if found > expected && self.record.iter().skip(expected).any(|c| !c.trim().is_empty())
                || found < expected && self.strict_rows
            {
                // the column of the first extra cell, or of the first missing one
                return Err(SurveyError::new(&self.file, ErrorKind::Ragged { found, expected })
                    .at(row)
                    .cell(found.min(expected)));
            }
            return Ok(Some(row));
        }
    }
}

/// A CSV error as a survey error at `row`.
fn csv_error(
    file: &str,
    row: u64,
    headers: &[String],
    encoding: &'static Encoding,
    e: csv::Error,
) -> SurveyError {
    let kind = match e.into_kind() {
        csv::ErrorKind::Io(io) => match text::line_too_long(&io) {
            Some(limit) => ErrorKind::LineTooLong { limit },
            None => return SurveyError::new(file, ErrorKind::Io(io)),
        },
        csv::ErrorKind::Utf8 { err, .. } => {
            let e = SurveyError::new(file, ErrorKind::InvalidUtf8 { encoding: encoding.name() })
                .at(row);
            return match headers.get(err.field()) {
                Some(h) => e.col(h).cell(err.field()),
                None => e,
            };
        }
        other => ErrorKind::Csv(format!("{other:?}")),
    };
    SurveyError::new(file, kind).at(row)
}

/// An opened CSV text stream with its header record read.
struct CsvSource {
    reader: csv::Reader<TextReader>,
    encoding: &'static Encoding,
    delimiter: u8,
    header: StringRecord,
    header_row: u64,
    line_after_header: u64,
}

impl CsvSource {
    fn open(
        file: &str,
        mut raw: Box<dyn Read>,
        forced: Option<&'static Encoding>,
        delimiter: Option<u8>,
        max_line: usize,
    ) -> Result<CsvSource, SurveyError> {
        let io_err = |e| SurveyError::new(file, ErrorKind::Io(e));
        let mut prefix = Vec::with_capacity(text::SNIFF_BYTES);
        let at_eof = text::fill(&mut raw, &mut prefix, text::SNIFF_BYTES).map_err(io_err)?;
        if prefix.is_empty() {
            return Err(SurveyError::new(file, ErrorKind::Empty));
        }
        let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
        if Encoding::for_bom(&prefix).is_none()
            && !forced.is_some_and(utf16)
            && let Some(what) = text::binary_kind(&prefix)
        {
            return Err(SurveyError::new(file, ErrorKind::NotText(what)));
        }
        let (encoding, _) = text::detect(&prefix, at_eof, forced);
        let mut stream = text::text_reader(prefix, raw, encoding, max_line);
        let too_long = |e: std::io::Error| match text::line_too_long(&e) {
            Some(limit) => SurveyError::new(file, ErrorKind::LineTooLong { limit }).at(1),
            None => SurveyError::new(file, ErrorKind::Io(e)),
        };
        let mut first = text::read_first_line(&mut stream, max_line).map_err(too_long)?;
        let delimiter = match (delimiter, text::excel_sep_line(&first)) {
            (_, Some((sep, drop))) => {
                first.drain(..drop);
                delimiter.unwrap_or(sep)
            }
            (Some(d), None) => d,
            (None, None) => text::sniff_delimiter(&first),
        };
        let blank_lines = first
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .filter(|&&b| b == b'\n')
            .count() as u64;
        let stream: TextReader = Box::new(Cursor::new(first).chain(stream));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .buffer_capacity(64 * 1024)
            .from_reader(stream);
        let mut header = StringRecord::new();
        let got = reader
            .read_record(&mut header)
            .map_err(|e| csv_error(file, 1 + blank_lines, &[], encoding, e))?;
        if !got || header.iter().all(|h| h.trim().is_empty()) {
            return Err(SurveyError::new(file, ErrorKind::Empty));
        }
        let line_after_header = reader.position().line();
        Ok(CsvSource {
            reader,
            encoding,
            delimiter,
            header,
            header_row: 1 + blank_lines,
            line_after_header,
        })
    }
}
