//! `kano classify`: a Kano survey file (or a workshop's Kano section) → per-feature
//! results. This is the I/O side: it streams the survey through [`crate::input::survey`],
//! turns each raw answer into a Kano answer, applies the respondent cleaning, and feeds
//! the pure accumulators of [`crate::analysis::kano`]. Memory stays flat in the number of
//! respondents for the wide layout and for the long layout without cleaning (cleaning a
//! long file needs each respondent's answers together, so it holds them until the end).
//!
//! Input: a survey path and [`Options`], or a checked workshop. Output: a
//! [`ClassifyReport`] or a [`ClassifyError`]. It imports the input, the model, the analysis
//! and the leaves, and prints nothing (the command formats the report).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::analysis::kano::{
    Answer, Counts, DropReason, FeatureAccumulator, Importance, KanoResult, Method,
    parse_importance,
};
use crate::analysis::kano::{ClassifyReport, Segment, tally_dropped};
use crate::diag::{Diagnostic, Msg, Pos};
use crate::input::survey::{self, Cell, Layout, ReadOptions, Record, SurveyError};

/// How to classify.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Table, rule, thresholds, cleaning, coding.
    pub method: Method,
    /// Classify per value of this segment column too.
    pub by: Option<String>,
    /// Skip unrecognised answers (counted per feature) instead of failing.
    pub skip_invalid: bool,
    /// How many unrecognised answers to list before stopping the list (0 = 20).
    pub max_errors: usize,
    /// How to read the file.
    pub read: ReadOptions,
    /// Called every few thousand rows with the number of rows read so far.
    pub progress: Option<fn(u64)>,
}

/// One unrecognised answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadAnswer {
    /// Row as a spreadsheet shows it.
    pub row: u64,
    /// Column header.
    pub column: String,
    /// The value as written.
    pub value: String,
    /// Its 1-based position in the row.
    pub cell: usize,
    /// What kind of value was expected: a word of the wording catalog
    /// (`check.words.<key>`).
    pub expected: &'static str,
}

/// Why a survey could not be classified.
#[derive(Debug, thiserror::Error)]
pub enum ClassifyError {
    /// The file could not be read or its layout not recognised.
    #[error("{0}")]
    Survey(#[from] SurveyError),
    /// Answers that are none of the accepted codes or wordings.
    #[error("{file}: {total} unrecognised answer(s)")]
    BadAnswers {
        /// The survey file.
        file: String,
        /// The first few.
        listed: Vec<BadAnswer>,
        /// How many in all.
        total: u64,
    },
    /// `--by` names a column the file does not have.
    #[error("{file}: no segment column `{column}`")]
    NoSuchSegment {
        /// The survey file.
        file: String,
        /// The column asked for.
        column: String,
        /// The segment columns there are.
        available: Vec<String>,
    },
    /// `--by` on a file of aggregated counts.
    #[error("{file}: a file of aggregated counts cannot be split by segment")]
    SegmentsOfCounts {
        /// The survey file.
        file: String,
    },
}

impl ClassifyError {
    /// The problems as diagnostics, keyed (`check.survey.<key>` of the wording catalog), so
    /// that the command words them in the reader's language. Unrecognised answers are one
    /// diagnostic each (the listed ones), the first carrying the hint; [`ClassifyError`]'s
    /// `Display` is the English form for logs.
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        let top = Pos { line: 1, col: 1 };
        match self {
            Self::Survey(e) => e.to_diagnostics(),
            Self::BadAnswers { file, listed, .. } => listed
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let line = usize::try_from(b.row).unwrap_or(usize::MAX);
                    let d = Diagnostic::error(
                        file,
                        Pos { line, col: b.cell },
                        b.column.clone(),
                        Msg::new("survey.bad_answer").text("value", one_line(&b.value)),
                    )
                    .expected(Msg::new("word").word("what", b.expected));
                    if i == 0 { d.hint(Msg::new("survey.bad_answers_hint")) } else { d }
                })
                .collect(),
            Self::NoSuchSegment { file, column, available } => {
                let d = Diagnostic::error(
                    file,
                    top,
                    "",
                    Msg::new("survey.no_segment").text("column", column),
                );
                let hint = if available.is_empty() {
                    Msg::new("survey.no_segment_columns_hint")
                } else {
                    match crate::diag::suggest(column, available.iter().map(String::as_str)) {
                        Some(s) => Msg::new("survey.segment_columns_suggest_hint")
                            .text("candidate", s)
                            .list("list", available),
                        None => Msg::new("survey.segment_columns_hint").list("list", available),
                    }
                };
                vec![d.hint(hint)]
            }
            Self::SegmentsOfCounts { file } => {
                vec![Diagnostic::error(file, top, "", Msg::new("survey.segments_of_counts"))]
            }
        }
    }
}

/// A cell's text on one line (control characters as spaces), for a message.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The features' accumulators for one group of respondents (the whole sample or a segment).
#[derive(Debug, Default)]
struct Group {
    features: Vec<FeatureAccumulator>,
    respondents: u64,
}

impl Group {
    /// The accumulator of feature `index`, made (with those before it) on first use.
    #[inline]
    fn feature(
        &mut self,
        index: usize,
        ids: &[String],
        names: &HashMap<String, String>,
        method: Method,
    ) -> &mut FeatureAccumulator {
        while self.features.len() <= index {
            let id = ids.get(self.features.len()).map_or("", String::as_str);
            self.features.push(FeatureAccumulator::new(id, name_of(names, id), method));
        }
        &mut self.features[index]
    }

    fn finish(self) -> Vec<KanoResult> {
        self.features.into_iter().map(FeatureAccumulator::finish).collect()
    }
}

/// One respondent's valid answers, kept until the respondent is complete.
#[derive(Debug, Clone)]
struct Pair {
    feature: usize,
    functional: Answer,
    dysfunctional: Answer,
    importance: Option<Importance>,
}

/// Everything gathered while streaming.
struct State<'o> {
    opts: &'o Options,
    names: &'o HashMap<String, String>,
    whole: Group,
    segments: BTreeMap<String, Group>,
    dropped: Vec<DropReason>,
    bad: Vec<BadAnswer>,
    bad_total: u64,
    rows: u64,
}

/// The display name of feature `id`.
fn name_of<'a>(names: &'a HashMap<String, String>, id: &'a str) -> &'a str {
    names.get(id).map_or(id, String::as_str)
}

impl<'o> State<'o> {
    /// The accumulators of `segment`, made on first use.
    fn segment(&mut self, value: &str) -> Option<&mut Group> {
        if !self.segments.contains_key(value) {
            self.segments.insert(value.to_owned(), Group::default());
        }
        self.segments.get_mut(value)
    }

    fn bad(&mut self, cell: Cell<'_>, row: u64, expected: &'static str) {
        self.bad_total += 1;
        let limit = if self.opts.max_errors == 0 { 20 } else { self.opts.max_errors };
        if self.bad.len() < limit {
            self.bad.push(BadAnswer {
                row,
                column: cell.column.to_owned(),
                cell: cell.index + 1,
                value: cell.text.to_owned(),
                expected,
            });
        }
    }

    /// Read one record's answers: `Some(pair)` when both are valid. Every blank answer cell
    /// is counted on the feature as missing, every unrecognised one (answer or importance)
    /// as invalid — and reported unless skipped. An unrecognised importance leaves the pair
    /// in, without an importance.
    fn read(&mut self, rec: &Record<'_>, ids: &[String], segment: Option<&str>) -> Option<Pair> {
        let method = self.opts.method;
        let index = rec.feature;
        let (mut blank, mut invalid) = (0u8, 0u8);
        let mut answer = |state: &mut Self, cell: Cell<'_>| match method.parse_answer(cell.text) {
            Ok(Some(a)) => Some(a),
            Ok(None) => {
                blank += 1;
                None
            }
            Err(_) => {
                invalid += 1;
                if !state.opts.skip_invalid {
                    state.bad(cell, rec.row, "kano_answer");
                }
                None
            }
        };
        let f = answer(self, rec.functional);
        let d = answer(self, rec.dysfunctional);
        let importance = match rec.importance.map(|c| (c, parse_importance(c.text))) {
            Some((_, Ok(i))) => i,
            Some((cell, Err(_))) => {
                invalid += 1;
                if !self.opts.skip_invalid {
                    self.bad(cell, rec.row, "importance_1_9");
                }
                None
            }
            None => None,
        };
        if blank > 0 || invalid > 0 {
            let note = |acc: &mut FeatureAccumulator| {
                (0..blank).for_each(|_| acc.note_blank());
                (0..invalid).for_each(|_| acc.note_invalid());
            };
            let names = self.names;
            note(self.whole.feature(index, ids, names, method));
            if let Some(group) = segment.and_then(|v| self.segment(v)) {
                note(group.feature(index, ids, names, method));
            }
        }
        Some(Pair { feature: index, functional: f?, dysfunctional: d?, importance })
    }

    /// Add one respondent's answers, unless the cleaning drops them; `count` says whether
    /// they are a respondent not met before (a long file spreads one over many rows).
    fn respondent(&mut self, pairs: &[Pair], ids: &[String], segment: Option<&str>, count: bool) {
        let method = self.opts.method;
        if let Some(reason) = method
            .check_respondent(pairs.iter().map(|p| (Some(p.functional), Some(p.dysfunctional))))
        {
            self.dropped.push(reason);
            return;
        }
        let names: &'o HashMap<String, String> = self.names;
        if count {
            self.whole.respondents += 1;
        }
        for p in pairs {
            self.whole.feature(p.feature, ids, names, method).add(
                p.functional,
                p.dysfunctional,
                p.importance,
            );
        }
        if let Some(group) = segment.and_then(|v| self.segment(v)) {
            if count {
                group.respondents += 1;
            }
            for p in pairs {
                group.feature(p.feature, ids, names, method).add(
                    p.functional,
                    p.dysfunctional,
                    p.importance,
                );
            }
        }
    }

    fn tick(&mut self) {
        self.rows += 1;
        if self.rows.is_multiple_of(8192)
            && let Some(p) = self.opts.progress
        {
            p(self.rows);
        }
    }
}

/// Classify the survey at `path`. `names` maps feature ids to display names (from a
/// workshop's Kano section); ids not in it are shown as they are.
pub fn classify_file(
    path: &Path,
    names: &HashMap<String, String>,
    opts: &Options,
) -> Result<ClassifyReport, ClassifyError> {
    let mut s = survey::open(path, &opts.read)?;
    let file = s.file().to_owned();
    let source = path.file_name().map_or(file.clone(), |n| n.to_string_lossy().into_owned());
    if s.layout() == Layout::Counts {
        if opts.by.is_some() {
            return Err(ClassifyError::SegmentsOfCounts { file });
        }
        let mut results = Vec::new();
        while let Some(rec) = s.next_counts()? {
            let name = rec
                .name
                .map(str::to_owned)
                .or_else(|| names.get(rec.feature).cloned())
                .unwrap_or_else(|| rec.feature.to_owned());
            let counts = Counts::new(rec.a, rec.o, rec.m, rec.i, rec.r, rec.q);
            results.push(KanoResult::from_counts(rec.feature, name, counts, &opts.method));
        }
        return Ok(ClassifyReport::new(source, "counts", opts.method, results));
    }
    let by = match &opts.by {
        Some(col) => {
            let cols = s.segment_columns();
            let found = cols
                .iter()
                .position(|c| c.name == *col)
                .or_else(|| cols.iter().position(|c| c.name.eq_ignore_ascii_case(col)));
            match found {
                Some(i) => Some(i),
                None => {
                    return Err(ClassifyError::NoSuchSegment {
                        file,
                        column: col.clone(),
                        available: cols.iter().map(|c| c.name.clone()).collect(),
                    });
                }
            }
        }
        None => None,
    };
    let layout = s.layout();
    let mut st = State {
        opts,
        names,
        whole: Group::default(),
        segments: BTreeMap::new(),
        dropped: Vec::new(),
        bad: Vec::new(),
        bad_total: 0,
        rows: 0,
    };
    let mut ids: Vec<String> = s.features().iter().map(|f| f.id.clone()).collect();
    let mut pairs: Vec<Pair> = Vec::with_capacity(ids.len());
    // long layout: a respondent's rows may be anywhere in the file
    let cleaning = opts.method.drop_straight_liners || opts.method.max_questionable.is_some();
    let mut held: BTreeMap<String, (Vec<Pair>, Option<String>)> = BTreeMap::new();
    // long layout without cleaning: who has been counted (a respondent's rows may also fall
    // into different segments only if the file is inconsistent; each is counted where met)
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut anonymous = false;
    // the common case, a wide file without cleaning or segments: answers go straight into
    // the accumulators, with no per-respondent buffer
    let direct = layout == Layout::Wide && !cleaning && by.is_none();
    while let Some(row) = s.next_row()? {
        let segment = by.and_then(|i| row.segments().get(i)).map(str::to_owned);
        let row_number = row.row();
        let respondent =
            if layout == Layout::Long { row.respondent().map(str::to_owned) } else { None };
        pairs.clear();
        for rec in row.records() {
            if rec.feature >= ids.len() {
                ids.resize(rec.feature + 1, String::new());
                rec.feature_id.clone_into(&mut ids[rec.feature]);
            }
            if let Some(p) = st.read(&rec, &ids, segment.as_deref()) {
                if direct {
                    st.whole.feature(p.feature, &ids, names, opts.method).add(
                        p.functional,
                        p.dysfunctional,
                        p.importance,
                    );
                } else {
                    pairs.push(p);
                }
            }
        }
        st.tick();
        match layout {
            _ if direct => st.whole.respondents += 1,
            Layout::Long if cleaning => {
                let key = respondent.unwrap_or_else(|| format!("row {row_number}"));
                let entry = held.entry(key).or_insert_with(|| (Vec::new(), segment));
                entry.0.append(&mut pairs);
            }
            Layout::Long => {
                let taken = std::mem::take(&mut pairs);
                let new = match &respondent {
                    Some(r) => seen.insert(r.clone()),
                    None => {
                        anonymous = true;
                        false
                    }
                };
                st.respondent(&taken, &ids, segment.as_deref(), new);
                pairs = taken;
            }
            _ => {
                let taken = std::mem::take(&mut pairs);
                st.respondent(&taken, &ids, segment.as_deref(), true);
                pairs = taken;
            }
        }
    }
    for (_, (p, segment)) in std::mem::take(&mut held) {
        st.respondent(&p, &ids, segment.as_deref(), true);
    }
    if st.bad_total > 0 && !opts.skip_invalid {
        return Err(ClassifyError::BadAnswers { file, listed: st.bad, total: st.bad_total });
    }
    // every feature appears in the results, even one nobody answered
    if let Some(last) = ids.len().checked_sub(1) {
        st.whole.feature(last, &ids, names, opts.method);
    }
    let mut report = ClassifyReport::new(source, layout.to_string(), opts.method, Vec::new());
    // a long file without respondent ids does not say how many people answered
    let known = |n: u64| (!anonymous).then_some(n);
    report.respondents = known(st.whole.respondents);
    report.dropped = tally_dropped(st.dropped);
    let mut segments = vec![Segment {
        column: None,
        value: None,
        respondents: known(st.whole.respondents),
        features: st.whole.finish(),
    }];
    for (value, mut group) in st.segments {
        if let Some(last) = ids.len().checked_sub(1) {
            group.feature(last, &ids, names, opts.method);
        }
        segments.push(Segment {
            column: opts.by.clone(),
            value: (!value.is_empty()).then_some(value),
            respondents: known(group.respondents),
            features: group.finish(),
        });
    }
    report.segments = segments;
    Ok(report)
}

/// Where a workshop's Kano data is: a survey file, or the counts typed into the workshop.
#[derive(Debug, Clone)]
pub enum WorkshopKano {
    /// A survey export, resolved against the workshop file's folder, with the display names
    /// of the features.
    Survey(PathBuf, HashMap<String, String>),
    /// Inline counts.
    Counts(Vec<(String, String, Counts)>),
}

/// The Kano data of a checked workshop, if it has any.
pub fn workshop_kano(ws: &crate::model::Workshop) -> Option<WorkshopKano> {
    let kano = ws.data.kano.as_ref()?;
    let names: HashMap<String, String> =
        kano.features.iter().map(|f| (f.id.clone(), f.name.clone())).collect();
    if let Some(survey) = &kano.survey {
        return Some(WorkshopKano::Survey(ws.base_dir.join(survey), names));
    }
    Some(WorkshopKano::Counts(
        kano.features
            .iter()
            .filter_map(|f| f.counts.as_ref().map(|c| (f.id.clone(), f.name.clone(), c.into())))
            .collect(),
    ))
}

/// Classify inline counts.
pub fn classify_counts(
    source: &str,
    features: Vec<(String, String, Counts)>,
    method: Method,
) -> ClassifyReport {
    let results = features
        .into_iter()
        .map(|(id, name, counts)| KanoResult::from_counts(id, name, counts, &method))
        .collect();
    ClassifyReport::new(source, "counts", method, results)
}
