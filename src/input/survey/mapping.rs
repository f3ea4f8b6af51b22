//! Mapping files: which survey columns hold which feature, for headers no convention
//! matches (e.g. a platform export whose columns are the full question texts).
//!
//! A mapping file is a small CSV (any delimiter and encoding the survey reader accepts), one
//! row per feature, in the order the features should appear:
//!
//! ```text
//! feature,functional,dysfunctional,importance,name
//! sms,"5. 取号后短信提醒 — 具备时","6. 取号后短信提醒 — 不具备时",,取号后短信提醒叫号
//! wifi,Q7a,Q7b,Q7c,厅堂WiFi
//! ```
//!
//! - `feature` (required): the feature id;
//! - `functional`, `dysfunctional` (required): the survey's column names, exactly as in its
//!   header (surrounding blanks and letter case do not matter);
//! - `importance` (optional, may be blank): the importance column;
//! - `name` (optional, may be blank): the display name, else the id.
//!
//! Header aliases: `id`, `f`/`d`, `imp`, `feature_name`, and `功能点`, `功能`/`反功能`,
//! `重要性`, `名称`. Other columns (say `description`) are ignored. Survey columns the mapping
//! does not name are the respondent and segment columns, as without a mapping.

use std::collections::HashSet;
use std::path::Path;

use super::error::{ErrorKind, SurveyError};
use super::header::key;
use super::{Column, CsvSource, Feature, RowCounter};

const FEATURE: [&str; 5] = ["feature", "feature_id", "id", "功能点", "特性"];
const FUNCTIONAL: [&str; 4] = ["functional", "f", "功能", "正向"];
const DYSFUNCTIONAL: [&str; 4] = ["dysfunctional", "d", "反功能", "反向"];
const IMPORTANCE: [&str; 3] = ["importance", "imp", "重要性"];
const NAME: [&str; 3] = ["name", "feature_name", "名称"];

/// Read the mapping file at `path` and resolve it against the survey's `headers`.
pub(crate) fn load(path: &Path, headers: &[String]) -> Result<Vec<Feature>, SurveyError> {
    let file = path.display().to_string();
    let raw = std::fs::File::open(path).map_err(|e| SurveyError::new(&file, ErrorKind::Io(e)))?;
    let mut src = CsvSource::open(&file, Box::new(raw), None, None, 1024 * 1024)?;
    let mine: Vec<String> = src.header.iter().map(|h| h.trim().to_owned()).collect();
    let find = |names: &[&str]| mine.iter().position(|h| names.contains(&key(h).as_str()));
    let need = |names: &[&str], column: &'static str| {
        find(names).ok_or_else(|| {
            SurveyError::new(&file, ErrorKind::MappingHeader { column, headers: mine.clone() })
                .at(src.header_row)
        })
    };
    let c_feature = need(&FEATURE, "feature")?;
    let c_functional = need(&FUNCTIONAL, "functional")?;
    let c_dysfunctional = need(&DYSFUNCTIONAL, "dysfunctional")?;
    let c_importance = find(&IMPORTANCE);
    let c_name = find(&NAME);

    let mut rows = RowCounter { row: src.header_row, line: src.line_after_header };
    let mut record = csv::StringRecord::new();
    let mut features: Vec<Feature> = Vec::new();
    let mut problems = Vec::new();
    let mut seen_features = HashSet::new();
    let mut used: Vec<Option<String>> = vec![None; headers.len()];
    loop {
        match src.reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(super::csv_error(&file, rows.row + 1, &mine, src.encoding, e));
            }
        }
        let row = rows.next(&record, src.reader.position().line());
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |i: usize| record.get(i).unwrap_or("").trim();
        let at = |i: usize, kind| SurveyError::new(&file, kind).at(row).col(&mine[i]).cell(i);
        let id = cell(c_feature);
        if id.is_empty() {
            problems.push(at(c_feature, ErrorKind::BlankFeature));
            continue;
        }
        if !seen_features.insert(key(id)) {
            problems
                .push(at(c_feature, ErrorKind::MappingDuplicateFeature { feature: id.to_owned() }));
            continue;
        }
        let mut resolve = |c: usize| -> Option<Column> {
            let name = cell(c);
            let Some(index) = find_column(headers, name) else {
                problems.push(at(
                    c,
                    ErrorKind::MappingUnknownColumn {
                        name: name.to_owned(),
                        suggestion: suggest(headers, name, &used),
                    },
                ));
                return None;
            };
            if let Some(first) = &used[index] {
                problems.push(at(
                    c,
                    ErrorKind::MappingColumnReused {
                        name: headers[index].clone(),
                        feature: first.clone(),
                    },
                ));
                return None;
            }
            used[index] = Some(id.to_owned());
            Some(Column { name: headers[index].clone(), index })
        };
        let functional = resolve(c_functional);
        let dysfunctional = resolve(c_dysfunctional);
        let importance = match c_importance {
            Some(c) if !cell(c).is_empty() => resolve(c).map(Some),
            _ => Some(None),
        };
        let name = c_name.map(cell).filter(|s| !s.is_empty()).unwrap_or(id);
        if let (Some(functional), Some(dysfunctional), Some(importance)) =
            (functional, dysfunctional, importance)
        {
            features.push(Feature {
                id: id.to_owned(),
                name: name.to_owned(),
                functional,
                dysfunctional,
                importance,
            });
        }
    }
    let mut problems = problems.into_iter();
    if let Some(first) = problems.next() {
        return Err(first.with_further(problems.collect()));
    }
    if features.is_empty() {
        return Err(SurveyError::new(&file, ErrorKind::MappingEmpty));
    }
    Ok(features)
}

/// The survey column called `name`: exact, else the one equal after trimming and case folding.
fn find_column(headers: &[String], name: &str) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    if let Some(i) = headers.iter().position(|h| h == name) {
        return Some(i);
    }
    let k = key(name);
    let mut matches = headers.iter().enumerate().filter(|(_, h)| key(h) == k);
    match (matches.next(), matches.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The header closest to `name` among the columns not mapped yet, if close enough to be a
/// typo (the first of equally close ones).
fn suggest(headers: &[String], name: &str, used: &[Option<String>]) -> Option<String> {
    let k = key(name);
    let mut best: Option<(f64, &String)> = None;
    for (h, u) in headers.iter().zip(used) {
        let score = strsim::normalized_damerau_levenshtein(&key(h), &k);
        if u.is_none() && score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, h));
        }
    }
    best.map(|(_, h)| h.clone())
}
