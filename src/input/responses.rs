//! Answer files a workshop refers to, for `kano analyze`: SERVQUAL raw responses
//! (`servqual.responses`) and the answers of measurement plans (`responses_file`).
//!
//! Input: the checked [`Workshop`]; files are resolved against the folder of the file that
//! names them. Output: the [`Answers`] of the model (what the analysis takes), or every
//! problem found as a [`Diagnostic`] naming the file, line, column and value. File I/O and
//! parsing only: it computes no figure, and imports the model and the leaves, never the
//! analysis.
//!
//! # Text
//!
//! As for Kano surveys ([`crate::input::survey`]): a byte-order mark wins (UTF-8, UTF-16);
//! otherwise UTF-8 when the first 64 KiB are valid UTF-8, else GB18030 (GBK). Comma, tab or
//! semicolon delimited, the most frequent in the header line; an Excel `sep=` line is
//! honoured. Rows with every cell blank are skipped. Numbers are written with ASCII or
//! full-width digits.
//!
//! # SERVQUAL responses
//!
//! One row per respondent. Header cells, compared trimmed, case- and width-insensitively:
//! - `<item>_E` / `<item>_P` (separator `_`, `-`, `.`, `:` or a space; also the words
//!   `expectation`/`perception`, `exp`/`perc`, `期望`/`感知`), or `<item>(期望)` /
//!   `<item>(感知)` with any brackets: the item's expectation and perception; both are
//!   needed;
//! - `<item>_I` (`importance`, `imp`, `重要性`, `重要度`): the item's importance, optional;
//! - `weight_<dimension>` (also `<dimension>_weight`, `points_<dimension>`,
//!   `<dimension>_points`, `<dimension>权重`, `权重_<dimension>`), `<dimension>` any name
//!   of a SERVQUAL dimension: the respondent's share of 100 points, optional;
//! - `respondent`, `id`, `编号`, `序号`, `受访者`: the respondent id, optional;
//! - anything else (branch, date, …) is ignored.
//!
//! An item's dimension comes from `servqual.mapping`, the ids under `servqual.items`, or
//! the standard 22-item mapping, in that order. A blank answer is "not answered"; anything
//! that is not a number on `servqual.scale` is an error. Points: blank cells of a row that
//! has some points count 0; a row's points must add up to 100 (±0.5).
//!
//! # Metric answers
//!
//! One answer per row. The first row is a header when any of its cells is not a number.
//! The column: `responses_column` when the plan names one; else the only column; else the
//! one header named after the metric (`nps`, `csat`, `ces` or their Chinese names) or
//! `score`, `answer`, `response`, `rating`, `value`, `评分`, `分数`, `得分`, `打分`. Blank
//! cells are skipped and counted; values off the metric's scale (NPS: 0–10 whole numbers;
//! CSAT 1–5; CES 1–7, or the plan's `scale`) are errors.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use csv::StringRecord;

use crate::diag::{Diagnostic, Msg, Pos};
use crate::input::survey::text;
use crate::model::answers::{
    Answers, FileAnswers, ItemAnswer, ItemSpec, POINTS_TOLERANCE, Respondent, Responses,
    validate_metric,
};
use crate::model::enums::fold;
use crate::model::{Dimension, Measurement, Metric, Scale, Servqual, Workshop};

/// Largest answer file read.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// At most this many errors are listed per file.
pub const MAX_ERRORS: usize = 20;

/// A decoded CSV file: its text and rows.
struct Table {
    /// The file as shown in messages.
    shown: String,
    /// The decoded text, for snippets.
    text: String,
    delimiter: u8,
    /// Non-blank records with their 1-based line.
    rows: Vec<(u64, StringRecord)>,
}

impl Table {
    /// A diagnostic at `line` pointing at cell `col` (0-based) when it can be located.
    fn error(&self, line: u64, col: Option<usize>, path: &str, msg: Msg) -> Diagnostic {
        let line_no = usize::try_from(line).unwrap_or(usize::MAX);
        let column = col.and_then(|c| self.char_column(line_no, c)).unwrap_or(1);
        Diagnostic::error(&self.shown, Pos { line: line_no, col: column }, path, msg)
    }

    /// The 1-based character column where cell `col` of line `line` starts, for lines
    /// without quotes.
    fn char_column(&self, line: usize, col: usize) -> Option<usize> {
        let text = self.text.lines().nth(line.checked_sub(1)?)?;
        if text.contains('"') {
            return None;
        }
        let delim = char::from(self.delimiter);
        let mut chars = 0;
        for (i, cell) in text.split(delim).enumerate() {
            if i == col {
                return Some(chars + 1);
            }
            chars += cell.chars().count() + 1;
        }
        None
    }
}

/// Read and decode a CSV file.
fn read_table(path: &Path, shown: &str) -> Result<Table, Box<Diagnostic>> {
    let start = Pos { line: 1, col: 1 };
    let err = |msg: Msg| Box::new(Diagnostic::error(shown, start, "", msg));
    let cannot_read = |e: std::io::Error| err(Msg::new("cannot_read").text("error", e));
    let size = std::fs::metadata(path).map_err(cannot_read)?.len();
    if size > MAX_BYTES {
        return Err(err(Msg::new("answers_too_large").text("size", size).text("max", MAX_BYTES)));
    }
    let bytes = std::fs::read(path).map_err(cannot_read)?;
    if bytes.is_empty() {
        return Err(err(Msg::new("empty_file")));
    }
    let sniff = &bytes[..bytes.len().min(text::SNIFF_BYTES)];
    if encoding_rs::Encoding::for_bom(sniff).is_none()
        && let Some(what) = text::binary_kind(sniff)
    {
        return Err(Box::new(
            Diagnostic::error(
                shown,
                start,
                "",
                Msg::new("not_text").word("what", text::binary_word(what)),
            )
            .hint(Msg::new("not_text_hint")),
        ));
    }
    let (encoding, bom) = text::detect(sniff, bytes.len() <= text::SNIFF_BYTES, None);
    let decoded = if encoding == encoding_rs::UTF_8 {
        match std::str::from_utf8(&bytes[bom..]) {
            Ok(s) => s.to_owned(),
            Err(e) => {
                let line =
                    bytes[bom..bom + e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                return Err(Box::new(
                    Diagnostic::error(
                        shown,
                        Pos { line, col: 1 },
                        "",
                        Msg::new("answers_not_utf8"),
                    )
                    .hint(Msg::new("answers_not_utf8_hint")),
                ));
            }
        }
    } else {
        let (text, _, _) = encoding.decode(&bytes);
        text.into_owned()
    };
    let (delimiter, body) = match text::excel_sep_line(decoded.as_bytes()) {
        Some((sep, drop)) => (sep, decoded.get(drop..).unwrap_or("").to_owned()),
        None => (text::sniff_delimiter(decoded.as_bytes()), decoded.clone()),
    };
    let skipped_lines = decoded[..decoded.len() - body.len()].matches('\n').count() as u64;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue;
                }
                let line = record.position().map_or(0, |p| p.line()) + skipped_lines;
                rows.push((line, record.clone()));
            }
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line()) + skipped_lines;
                return Err(Box::new(Diagnostic::error(
                    shown,
                    Pos { line: usize::try_from(line).unwrap_or(1), col: 1 },
                    "",
                    Msg::new("csv_error").text("error", e),
                )));
            }
        }
    }
    if rows.is_empty() {
        return Err(err(Msg::new("no_rows")));
    }
    Ok(Table { shown: shown.to_owned(), text: decoded, delimiter, rows })
}

/// A number as typed: trimmed, full-width digits allowed; `None` for blank.
fn number(cell: &str) -> Option<Result<f64, ()>> {
    let t: String = cell
        .trim()
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect();
    if t.is_empty() {
        return None;
    }
    Some(t.parse::<f64>().ok().filter(|v| v.is_finite()).ok_or(()))
}

/// What a SERVQUAL header cell is.
#[derive(Debug, Clone, PartialEq)]
enum SqColumn {
    Respondent,
    Weight(Dimension),
    Item(String, Role),
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Expectation,
    Perception,
    Importance,
}

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Expectation => "expectation",
            Role::Perception => "perception",
            Role::Importance => "importance",
        }
    }

    fn parse(word: &str) -> Option<Role> {
        match fold(word).trim_matches('-') {
            "e" | "exp" | "expect" | "expected" | "expectation" | "expectations" | "期望"
            | "期望值" => Some(Role::Expectation),
            "p" | "perc" | "perceived" | "perception" | "perceptions" | "感知" | "感知值"
            | "实际" => Some(Role::Perception),
            "i" | "imp" | "importance" | "重要性" | "重要度" | "重要程度" => {
                Some(Role::Importance)
            }
            _ => None,
        }
    }
}

fn classify_sq_header(h: &str) -> SqColumn {
    let f = fold(h);
    if matches!(
        f.as_str(),
        "respondent"
            | "respondent-id"
            | "id"
            | "编号"
            | "序号"
            | "受访者"
            | "受访者编号"
            | "答卷编号"
    ) {
        return SqColumn::Respondent;
    }
    for (prefix, suffix) in [
        ("weight-", ""),
        ("points-", ""),
        ("权重-", ""),
        ("", "-weight"),
        ("", "-points"),
        ("", "-权重"),
        ("", "权重"),
        ("", "(权重)"),
    ] {
        if let Some(rest) = f.strip_prefix(prefix).and_then(|r| r.strip_suffix(suffix))
            && rest != f
            && let Some(d) = Dimension::parse(rest)
        {
            return SqColumn::Weight(d);
        }
    }
    // `<item>(期望)`, `<item>[E]`, full-width brackets folded by `fold`
    let trimmed = f.trim_end_matches([')', ']', '】']);
    if trimmed.len() < f.len()
        && let Some(open) = trimmed.rfind(['(', '[', '【'])
    {
        let (item, word) = (&trimmed[..open], &trimmed[open..]);
        let word = word.trim_start_matches(['(', '[', '【']);
        if let Some(role) = Role::parse(word)
            && !item.trim_matches('-').is_empty()
        {
            return SqColumn::Item(original_prefix(h, item.trim_matches('-')), role);
        }
    }
    // `<item><sep><word>`; `fold` made spaces and `_` into `-`
    if let Some(at) = f.rfind(['-', '.', ':']) {
        let (item, word) = (&f[..at], &f[at + 1..]);
        if let Some(role) = Role::parse(word)
            && !item.is_empty()
        {
            return SqColumn::Item(original_prefix(h, item), role);
        }
    }
    SqColumn::Other
}

/// The item id as the user typed it: the first `folded.len()` characters of the trimmed
/// header, which `fold` keeps one for one except for width and case.
fn original_prefix(header: &str, folded: &str) -> String {
    let n = folded.chars().count();
    header.trim().chars().take(n).collect()
}

/// The SERVQUAL responses file of `sq`, resolved against `base`.
pub fn read_servqual(
    path: &Path,
    shown: &str,
    sq: &Servqual,
) -> Result<(Responses, String), Vec<Diagnostic>> {
    let table = read_table(path, shown).map_err(|d| vec![*d])?;
    let Some((header_line, header)) = table.rows.first().cloned() else {
        return Err(vec![Diagnostic::error(
            shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("no_rows"),
        )]);
    };
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut respondent_col: Option<usize> = None;
    let mut weight_cols: Vec<(usize, Dimension)> = Vec::new();
    // item id (folded) → (id as typed, [E, P, I] columns)
    let mut items: Vec<(String, String, [Option<usize>; 3])> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        match classify_sq_header(h) {
            SqColumn::Respondent if respondent_col.is_none() => respondent_col = Some(i),
            SqColumn::Weight(d) => {
                if weight_cols.iter().any(|(_, x)| *x == d) {
                    errors.push(
                        table.error(
                            header_line,
                            Some(i),
                            h.trim(),
                            Msg::new("second_weight_column")
                                .word("dimension", &format!("dimension_{d}"))
                                .text("header", h.trim()),
                        ),
                    );
                } else {
                    weight_cols.push((i, d));
                }
            }
            SqColumn::Item(id, role) => {
                let key = fold(&id);
                let slot = match items.iter().position(|(k, _, _)| *k == key) {
                    Some(s) => s,
                    None => {
                        items.push((key, id, [None; 3]));
                        items.len() - 1
                    }
                };
                let r = role as usize;
                if items[slot].2[r].is_some() {
                    errors.push(
                        table.error(
                            header_line,
                            Some(i),
                            h.trim(),
                            Msg::new("second_item_column")
                                .word("role", role.name())
                                .text("item", &items[slot].1)
                                .text("header", h.trim()),
                        ),
                    );
                } else {
                    items[slot].2[r] = Some(i);
                }
            }
            _ => {}
        }
    }
    if items.is_empty() {
        return Err(vec![
            table
                .error(header_line, None, "", Msg::new("no_item_columns"))
                .expected(Msg::new("no_item_columns_expected"))
                .hint(Msg::new("header_has").list("list", header.iter().map(str::trim))),
        ]);
    }
    let mut specs: Vec<ItemSpec> = Vec::new();
    let mut cols: Vec<[Option<usize>; 3]> = Vec::new();
    for (_, id, c) in &items {
        for (role, other) in
            [(Role::Expectation, Role::Perception), (Role::Perception, Role::Expectation)]
        {
            if c[role as usize].is_none()
                && let Some(present) = c[other as usize]
            {
                errors.push(
                    table
                        .error(
                            header_line,
                            Some(present),
                            header.get(present).unwrap_or("").trim(),
                            Msg::new(if role == Role::Expectation {
                                "item_no_expectation"
                            } else {
                                "item_no_perception"
                            })
                            .text("item", id),
                        )
                        .hint(Msg::new("add_column").text(
                            "column",
                            format!("{id}_{}", if role == Role::Expectation { "E" } else { "P" }),
                        )),
                );
            }
        }
        match sq.dimension_of(id) {
            Some(dimension) => {
                specs.push(ItemSpec { id: id.clone(), dimension });
                cols.push(*c);
            }
            None => {
                let at = c.iter().flatten().next().copied();
                errors.push(
                    table
                        .error(
                            header_line,
                            at,
                            at.and_then(|a| header.get(a)).unwrap_or("").trim(),
                            Msg::new("item_no_dimension").text("item", id),
                        )
                        .hint(Msg::new("item_no_dimension_hint").text("item", id)),
                );
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let scale = sq.scale;
    let mut respondents = Vec::new();
    let mut more = 0usize;
    let mut push = |errors: &mut Vec<Diagnostic>, d: Diagnostic| {
        if errors.len() < MAX_ERRORS {
            errors.push(d);
        } else {
            more += 1;
        }
    };
    for (line, rec) in table.rows.iter().skip(1) {
        let line = *line;
        let cell = |i: Option<usize>| i.and_then(|i| rec.get(i)).unwrap_or("");
        let mut value =
            |errors: &mut Vec<Diagnostic>, col: Option<usize>, what: &str| -> Option<f64> {
                let raw = cell(col);
                let name = col.and_then(|c| header.get(c)).unwrap_or("").trim();
                match number(raw) {
                    None => None,
                    Some(Ok(v)) if scale.contains(v) => Some(v),
                    Some(Ok(_)) => {
                        push(
                            errors,
                            table
                                .error(
                                    line,
                                    col,
                                    name,
                                    Msg::new("cell_outside_scale")
                                        .word("what", what)
                                        .text("value", raw.trim())
                                        .text("column", name)
                                        .text("min", scale.min)
                                        .text("max", scale.max),
                                )
                                .hint(Msg::new("cell_outside_scale_hint")),
                        );
                        None
                    }
                    Some(Err(())) => {
                        push(
                            errors,
                            table
                                .error(
                                    line,
                                    col,
                                    name,
                                    Msg::new("cell_not_a_number")
                                        .word("what", what)
                                        .text("value", raw.trim())
                                        .text("column", name),
                                )
                                .expected(
                                    Msg::new("number_or_blank")
                                        .word("what", "a_number")
                                        .text("min", scale.min)
                                        .text("max", scale.max),
                                ),
                        );
                        None
                    }
                }
            };
        let answers: Vec<ItemAnswer> = cols
            .iter()
            .map(|c| ItemAnswer {
                expectation: value(&mut errors, c[0], "expectation"),
                perception: value(&mut errors, c[1], "perception"),
                importance: c[2].and_then(|i| value(&mut errors, Some(i), "importance")),
            })
            .collect();
        let mut points: Option<[f64; 5]> = None;
        if !weight_cols.is_empty()
            && weight_cols.iter().any(|(i, _)| !cell(Some(*i)).trim().is_empty())
        {
            let mut p = [0.0; 5];
            let mut ok = true;
            for (i, d) in &weight_cols {
                let raw = cell(Some(*i));
                let name = header.get(*i).unwrap_or("").trim();
                match number(raw) {
                    None => {}
                    Some(Ok(v)) if v >= 0.0 => p[d.index()] = v,
                    Some(_) => {
                        ok = false;
                        push(
                            &mut errors,
                            table.error(
                                line,
                                Some(*i),
                                name,
                                Msg::new("bad_points")
                                    .text("value", raw.trim())
                                    .text("column", name),
                            ),
                        );
                    }
                }
            }
            let sum: f64 = p.iter().sum();
            if ok && (sum - 100.0).abs() > POINTS_TOLERANCE {
                let first = weight_cols.first().map(|(i, _)| *i);
                push(
                    &mut errors,
                    table
                        .error(line, first, "", Msg::new("points_sum").text("sum", sum))
                        .hint(Msg::new("points_sum_hint")),
                );
            }
            if ok {
                points = Some(p);
            }
        }
        respondents.push(Respondent {
            id: respondent_col
                .map(|i| rec.get(i).unwrap_or("").trim().to_owned())
                .filter(|s| !s.is_empty()),
            answers,
            points,
        });
    }
    if more > 0 {
        errors.push(Diagnostic::error(
            shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("more_problems").text("n", more),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((Responses { items: specs, respondents }, table.text))
}

/// Header names a metric answer column may have.
fn is_answer_header(h: &str) -> bool {
    Metric::parse(h).is_some()
        || matches!(
            fold(h).as_str(),
            "score"
                | "answer"
                | "answers"
                | "response"
                | "responses"
                | "rating"
                | "value"
                | "评分"
                | "分数"
                | "得分"
                | "打分"
                | "回答"
                | "分值"
        )
}

/// The answers of measurement plan `m` in `path`.
pub fn read_metric_answers(
    path: &Path,
    shown: &str,
    m: &Measurement,
) -> Result<(FileAnswers, String), Vec<Diagnostic>> {
    let table = read_table(path, shown).map_err(|d| vec![*d])?;
    let Some((first_line, first)) = table.rows.first().cloned() else {
        return Err(vec![Diagnostic::error(
            shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("no_rows"),
        )]);
    };
    let has_header = first.iter().any(|c| matches!(number(c), Some(Err(()))));
    let headers: Vec<String> =
        if has_header { first.iter().map(|h| h.trim().to_owned()).collect() } else { Vec::new() };
    let width = table.rows.iter().map(|(_, r)| r.len()).max().unwrap_or(0);
    let listed = || Msg::one_of(&headers);
    let column = if let Some(want) = &m.responses_column {
        let found = headers
            .iter()
            .position(|h| h == want.trim())
            .or_else(|| headers.iter().position(|h| fold(h) == fold(want)));
        match found {
            Some(i) => i,
            None => {
                let mut d = table.error(
                    first_line,
                    None,
                    "",
                    Msg::new("no_column").text("column", want.trim()),
                );
                d = if headers.is_empty() {
                    d.hint(Msg::new("no_column_hint"))
                } else {
                    d.expected(listed())
                };
                return Err(vec![d]);
            }
        }
    } else if width <= 1
        || (!headers.is_empty() && headers.iter().filter(|h| !h.is_empty()).count() == 1)
    {
        headers.iter().position(|h| !h.is_empty()).unwrap_or(0)
    } else {
        let named: Vec<usize> =
            (0..headers.len()).filter(|&i| is_answer_header(&headers[i])).collect();
        match named.as_slice() {
            [one] => *one,
            _ => {
                let d = table.error(
                    first_line,
                    None,
                    "",
                    Msg::new("which_column").text("width", width),
                );
                return Err(vec![if headers.is_empty() {
                    d.hint(Msg::new("which_column_header_hint"))
                } else {
                    d.expected(listed()).hint(Msg::new("which_column_hint"))
                }]);
            }
        }
    };
    let name = headers.get(column).cloned().unwrap_or_default();
    let metric_name = m.metric.key().to_uppercase();
    let scale: Scale = m.scale.unwrap_or_else(|| m.metric.default_scale());
    let (mut values, mut blank, mut errors, mut more) = (Vec::new(), 0u64, Vec::new(), 0usize);
    for (line, rec) in table.rows.iter().skip(usize::from(has_header)) {
        let raw = rec.get(column).unwrap_or("");
        let problem = match number(raw) {
            None => {
                blank += 1;
                None
            }
            Some(Ok(v)) => match validate_metric(m.metric, &[v], scale) {
                Ok(()) => {
                    values.push(v);
                    None
                }
                Err(e) if e.reason.contains("outside") => Some(
                    Msg::new("metric_cell_outside")
                        .text("metric", &metric_name)
                        .text("value", raw.trim())
                        .text("min", scale.min)
                        .text("max", scale.max),
                ),
                Err(_) => Some(
                    Msg::new("metric_cell_not_whole")
                        .text("metric", &metric_name)
                        .text("value", raw.trim()),
                ),
            },
            Some(Err(())) => Some(
                Msg::new("metric_cell_not_number")
                    .text("metric", &metric_name)
                    .text("value", raw.trim()),
            ),
        };
        if let Some(msg) = problem {
            if errors.len() < MAX_ERRORS {
                let col_label = if name.is_empty() {
                    Msg::new("column_number").text("n", column + 1)
                } else {
                    Msg::new("column_named").text("name", &name)
                };
                errors.push(
                    table
                        .error(
                            *line,
                            Some(column),
                            &name,
                            Msg::new("at_line_column")
                                .msg("problem", msg)
                                .text("line", line)
                                .msg("column", col_label),
                        )
                        .expected(
                            Msg::new("number_or_blank")
                                .word(
                                    "what",
                                    if m.metric == Metric::Nps {
                                        "whole_number"
                                    } else {
                                        "a_number"
                                    },
                                )
                                .text("min", scale.min)
                                .text("max", scale.max),
                        ),
                );
            } else {
                more += 1;
            }
        }
    }
    if more > 0 {
        errors.push(Diagnostic::error(
            shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("more_problems").text("n", more),
        ));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((FileAnswers { file: shown.to_owned(), values, blank }, table.text))
}

/// The folder relative paths of source file `file` are resolved against.
fn base_of(ws: &Workshop, file: usize) -> PathBuf {
    ws.files
        .get(file)
        .and_then(|f| Path::new(f).parent().map(Path::to_path_buf))
        .unwrap_or_else(|| ws.base_dir.clone())
}

/// File name → decoded text of the answer files read, for error snippets.
pub type Sources = BTreeMap<String, String>;

/// Everything `kano analyze` reads besides the workshop: the data, or every problem found;
/// either way the texts of the files read (for snippets).
pub fn load(ws: &Workshop) -> Result<(Answers, Sources), (Vec<Diagnostic>, Sources)> {
    let mut data = Answers::default();
    let mut sources = BTreeMap::new();
    let mut errors: Vec<Diagnostic> = Vec::new();
    if let Some(sq) = &ws.data.servqual
        && let Some(rel) = &sq.responses
    {
        let path = base_of(ws, 0).join(rel);
        let shown = path.display().to_string();
        match read_servqual(&path, &shown, sq) {
            Ok((r, text)) => {
                data.servqual = Some(r);
                sources.insert(shown, text);
            }
            Err(mut e) => {
                if let Some(text) = read_text_for_snippets(&path) {
                    sources.insert(shown, text);
                }
                errors.append(&mut e);
            }
        }
    }
    for (gi, g) in ws.data.groups.iter().enumerate() {
        let origin_file = ws.origins.get(gi).map_or(0, |o| o.file);
        for (pi, m) in g.measurement_plans.iter().enumerate() {
            let Some(rel) = &m.responses_file else { continue };
            let path = base_of(ws, origin_file).join(rel);
            let shown = path.display().to_string();
            match read_metric_answers(&path, &shown, m) {
                Ok((answers, text)) => {
                    data.metric_files.insert((gi, pi), answers);
                    sources.insert(shown, text);
                }
                Err(e) => {
                    if let Some(text) = read_text_for_snippets(&path) {
                        sources.insert(shown, text);
                    }
                    let whose = Msg::new("responses_file_of")
                        .text("group", &g.id)
                        .text("plan", pi + 1)
                        .text("step", &m.step);
                    errors.extend(e.into_iter().map(|mut d| {
                        if d.hint.is_none() {
                            d.hint = Some(whose.clone());
                        }
                        d
                    }));
                }
            }
        }
    }
    if errors.is_empty() { Ok((data, sources)) } else { Err((errors, sources)) }
}

/// The text of a file for error snippets, when it is small and decodes.
fn read_text_for_snippets(path: &Path) -> Option<String> {
    read_table(path, "").ok().map(|t| t.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message in English, as `kano analyze --lang en` prints it.
    trait MsgEn {
        fn en(&self) -> String;
    }

    impl MsgEn for Msg {
        fn en(&self) -> String {
            crate::cmd::say(crate::model::Language::En)(self)
        }
    }

    fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn servqual() -> Servqual {
        Servqual {
            scale: Scale { min: 1.0, max: 7.0 },
            responses: Some("r.csv".into()),
            mapping: BTreeMap::new(),
            items: Vec::new(),
            dimensions: Vec::new(),
            weights: BTreeMap::new(),
            zone_of_tolerance: Vec::new(),
        }
    }

    fn plan(metric: Metric) -> Measurement {
        serde_json::from_value(serde_json::json!({
            "step": "s1", "indicator": "outcome", "metric": metric.key(), "model": "instant",
            "timing": "t", "target": "x"
        }))
        .unwrap()
    }

    #[test]
    fn headers_are_recognised() {
        use Role::*;
        assert_eq!(classify_sq_header("T1_E"), SqColumn::Item("T1".into(), Expectation));
        assert_eq!(classify_sq_header("t1 perception"), SqColumn::Item("t1".into(), Perception));
        assert_eq!(classify_sq_header("SP2(期望)"), SqColumn::Item("SP2".into(), Expectation));
        assert_eq!(classify_sq_header("SP2（感知）"), SqColumn::Item("SP2".into(), Perception));
        assert_eq!(classify_sq_header("Q7.P"), SqColumn::Item("Q7".into(), Perception));
        assert_eq!(classify_sq_header("A1_importance"), SqColumn::Item("A1".into(), Importance));
        assert_eq!(classify_sq_header("weight_tangibles"), SqColumn::Weight(Dimension::Tangibles));
        assert_eq!(classify_sq_header("可靠度权重"), SqColumn::Weight(Dimension::Reliability));
        assert_eq!(classify_sq_header("Empathy points"), SqColumn::Weight(Dimension::Empathy));
        assert_eq!(classify_sq_header("编号"), SqColumn::Respondent);
        assert_eq!(classify_sq_header("网点"), SqColumn::Other);
        assert_eq!(classify_sq_header("E"), SqColumn::Other);
    }

    #[test]
    fn reads_servqual_responses_with_weights_and_blanks() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "编号,网点,T1_E,T1_P,R1_E,R1_P,R1_I,weight_tangibles,weight_reliability,weight_responsiveness,weight_assurance,weight_empathy\n\
                   1,鼓楼,7,5,6,6,7,20,30,20,20,10\n\
                   ,,,,,,,,,,,\n\
                   2,鼓楼,6,,7,4,,,,,,\n";
        let p = write(&dir, "r.csv", csv.as_bytes());
        let (r, _) = read_servqual(&p, "r.csv", &servqual()).unwrap();
        assert_eq!(r.items.len(), 2);
        assert_eq!(r.items[1].dimension, Dimension::Reliability);
        assert_eq!(r.respondents.len(), 2);
        assert_eq!(r.respondents[0].id.as_deref(), Some("1"));
        assert_eq!(r.respondents[0].points, Some([20.0, 30.0, 20.0, 20.0, 10.0]));
        assert_eq!(r.respondents[0].answers[1].importance, Some(7.0));
        assert_eq!(r.respondents[1].answers[0].perception, None);
        assert_eq!(r.respondents[1].points, None);
    }

    #[test]
    fn gbk_semicolon_file_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let text = "受访者;T1(期望);T1(感知)\r\n甲;6;5\r\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let p = write(&dir, "gbk.csv", &gbk);
        let (r, _) = read_servqual(&p, "gbk.csv", &servqual()).unwrap();
        assert_eq!(r.respondents[0].id.as_deref(), Some("甲"));
        assert_eq!(r.respondents[0].answers[0].expectation, Some(6.0));
    }

    #[test]
    fn servqual_errors_name_line_column_and_value() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(&dir, "r.csv", b"id,T1_E,T1_P\n1,7,8\n2,x,5\n3,1,1\n");
        let e = read_servqual(&p, "r.csv", &servqual()).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].pos, Pos { line: 2, col: 5 });
        assert_eq!(e[0].path, "T1_P");
        assert_eq!(e[0].message.en(), "perception `8` in column `T1_P` is outside the scale 1..7");
        assert_eq!(e[1].pos.line, 3);
        assert_eq!(e[1].message.en(), "expectation `x` in column `T1_E` is not a number");

        let p = write(&dir, "m.csv", b"id,T1_E,X9_E,X9_P\n1,7,1,1\n");
        let e = read_servqual(&p, "m.csv", &servqual()).unwrap_err();
        let msgs: Vec<String> = e.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            msgs,
            [
                "item `T1` has an expectation column but no perception column",
                "item `X9` belongs to no SERVQUAL dimension"
            ]
        );
        let p = write(&dir, "w.csv", b"T1_E,T1_P,weight_tangibles,weight_empathy\n5,5,50,40\n");
        let e = read_servqual(&p, "w.csv", &servqual()).unwrap_err();
        assert_eq!(e[0].message.en(), "the points of this respondent add up to 90, not 100");
        let p = write(&dir, "n.csv", b"a,b\n1,2\n");
        let e = read_servqual(&p, "n.csv", &servqual()).unwrap_err();
        assert_eq!(e[0].message.en(), "no SERVQUAL item columns in the header");
        let e =
            read_servqual(&dir.path().join("missing.csv"), "missing.csv", &servqual()).unwrap_err();
        assert!(e[0].message.en().starts_with("cannot read"));
        let p = write(&dir, "bin.csv", b"PK\x03\x04\0\0");
        let e = read_servqual(&p, "bin.csv", &servqual()).unwrap_err();
        assert!(e[0].message.en().contains("Excel"));
        let p = write(&dir, "empty.csv", b"");
        assert_eq!(
            read_servqual(&p, "e.csv", &servqual()).unwrap_err()[0].message.en(),
            "the file is empty"
        );
    }

    #[test]
    fn metric_answers_one_column_header_or_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(&dir, "a.csv", b"9\n10\n\n6\n");
        let (a, _) = read_metric_answers(&p, "a.csv", &plan(Metric::Nps)).unwrap();
        assert_eq!((a.values, a.blank), (vec![9.0, 10.0, 6.0], 0));
        let p = write(
            &dir,
            "b.csv",
            "回复时间,网点,评分\n2026-11-01,鼓楼,9\n2026-11-01,鼓楼,\n2026-11-02,江东,３\n"
                .as_bytes(),
        );
        let (a, _) = read_metric_answers(&p, "b.csv", &plan(Metric::Nps)).unwrap();
        assert_eq!((a.values, a.blank), (vec![9.0, 3.0], 1));
        let mut m = plan(Metric::Csat);
        m.responses_column = Some("Q2".into());
        let p = write(&dir, "c.csv", b"Q1,Q2\n5,4\n1,2\n");
        let (a, _) = read_metric_answers(&p, "c.csv", &m).unwrap();
        assert_eq!(a.values, [4.0, 2.0]);
    }

    #[test]
    fn metric_answer_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(&dir, "a.csv", b"score\n9\n11\n7.5\nabc\n");
        let e = read_metric_answers(&p, "a.csv", &plan(Metric::Nps)).unwrap_err();
        let msgs: Vec<String> = e.iter().map(|d| d.message.en()).collect();
        assert_eq!(
            msgs,
            [
                "NPS answer `11` is outside its scale 0..10 (line 3, column `score`)",
                "NPS answer `7.5` is not a whole number (line 4, column `score`)",
                "NPS answer `abc` is not a number (line 5, column `score`)",
            ]
        );
        assert_eq!(e[0].pos, Pos { line: 3, col: 1 });
        let p = write(&dir, "b.csv", b"Q1,Q2\n5,4\n");
        let e = read_metric_answers(&p, "b.csv", &plan(Metric::Csat)).unwrap_err();
        assert!(e[0].message.en().contains("which one holds the answers"));
        let mut m = plan(Metric::Csat);
        m.responses_column = Some("Q3".into());
        let e = read_metric_answers(&p, "b.csv", &m).unwrap_err();
        assert_eq!(e[0].message.en(), "no column `Q3` in the file");
        assert_eq!(e[0].expected.as_ref().map(MsgEn::en).as_deref(), Some("one of `Q1`, `Q2`"));
    }
}
