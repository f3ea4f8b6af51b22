//! The result of classifying one survey (or set of counts): the [`Method`] used, where the
//! data came from, the cleaning summary, and one [`KanoResult`] per feature in each
//! [`Segment`]. It serialises as the stable JSON contract documented in
//! `docs/kano-methods.md` and in `render::terminal::classify`.
//!
//! Without `--by` a report has one segment, the whole sample, with no column and no value
//! ([`ClassifyReport::new`]). With `--by COLUMN` it holds one segment per value of the
//! column (`value` is `None` for respondents whose cell is blank), in the caller's order,
//! optionally preceded by the whole sample ([`Segment::whole`]).

use serde::{Serialize, Serializer};

use super::{DropReason, KanoResult, Method};

/// Everything `kano classify` prints. Serialises as the JSON contract of the module
/// documentation (not field by field).
#[derive(Debug, Clone, PartialEq)]
pub struct ClassifyReport {
    /// The input file's name, as the user should recognise it (not a full path).
    pub source: String,
    /// The input layout: `wide`, `long` or `counts`.
    pub layout: String,
    /// The method every result was computed with.
    pub method: Method,
    /// Respondents analysed, after cleaning; `None` for aggregated counts.
    pub respondents: Option<u64>,
    /// Respondents dropped by cleaning, per reason (see [`tally_dropped`]).
    pub dropped: Vec<Dropped>,
    /// The results: one segment without column for the whole sample, or one per value of
    /// the `--by` column.
    pub segments: Vec<Segment>,
}

impl ClassifyReport {
    /// An unsegmented report: one whole-sample segment holding `features`; no respondent
    /// count and nothing dropped (set those fields for respondent data).
    pub fn new(
        source: impl Into<String>,
        layout: impl Into<String>,
        method: Method,
        features: Vec<KanoResult>,
    ) -> ClassifyReport {
        ClassifyReport {
            source: source.into(),
            layout: layout.into(),
            method,
            respondents: None,
            dropped: Vec::new(),
            segments: vec![Segment::whole(features)],
        }
    }

    /// Whether the output is in segmented form: more than one segment, or any segment
    /// with a column. Decides the JSON form and the CSV's segment columns.
    pub fn is_segmented(&self) -> bool {
        self.segments.len() > 1 || self.segments.iter().any(|s| s.column.is_some())
    }

    /// Whether any feature carries the continuous analysis (respondent data).
    pub fn has_continuous(&self) -> bool {
        self.features().any(|f| f.continuous.is_some())
    }

    /// All results, segment by segment.
    fn features(&self) -> impl Iterator<Item = &KanoResult> {
        self.segments.iter().flat_map(|s| s.features.iter())
    }
}

/// The results of one segment: the whole sample, or the respondents with one value of the
/// `--by` column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// The `--by` column; `None` for the whole sample.
    pub column: Option<String>,
    /// The column's value; `None` for blank cells (or the whole sample).
    pub value: Option<String>,
    /// Respondents in the segment after cleaning; `None` when unknown.
    pub respondents: Option<u64>,
    /// One result per feature.
    pub features: Vec<KanoResult>,
}

impl Segment {
    /// The whole sample.
    pub fn whole(features: Vec<KanoResult>) -> Segment {
        Segment { column: None, value: None, respondents: None, features }
    }
}

/// Why respondents were dropped, as the summary counts them (the per-respondent
/// [`DropReason`] without its details).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DropKind {
    /// Like to every functional and dislike to every dysfunctional question.
    StraightLikeDislike,
    /// Dislike to every functional and like to every dysfunctional question.
    StraightDislikeLike,
    /// More Q answers than allowed.
    TooManyQuestionable,
}

impl DropKind {
    /// All kinds, in report order.
    pub const ALL: [DropKind; 3] = [
        DropKind::StraightLikeDislike,
        DropKind::StraightDislikeLike,
        DropKind::TooManyQuestionable,
    ];

    /// The kind of one respondent's reason.
    pub fn of(reason: &DropReason) -> DropKind {
        match reason {
            DropReason::StraightLikeDislike => DropKind::StraightLikeDislike,
            DropReason::StraightDislikeLike => DropKind::StraightDislikeLike,
            DropReason::TooManyQuestionable { .. } => DropKind::TooManyQuestionable,
        }
    }

    /// The JSON name, e.g. `straight_like_dislike`.
    pub fn name(self) -> &'static str {
        match self {
            DropKind::StraightLikeDislike => "straight_like_dislike",
            DropKind::StraightDislikeLike => "straight_dislike_like",
            DropKind::TooManyQuestionable => "too_many_questionable",
        }
    }
}

/// Respondents dropped for one kind of reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// Why.
    pub reason: DropKind,
    /// How many respondents.
    pub count: u64,
}

/// Count the reasons respondents were dropped for: one entry per kind that occurred, in
/// the order of [`DropKind::ALL`].
pub fn tally_dropped<I>(reasons: I) -> Vec<Dropped>
where
    I: IntoIterator<Item = DropReason>,
{
    let mut counts = [0u64; DropKind::ALL.len()];
    for r in reasons {
        // The discriminants are the positions in `ALL`.
        if let Some(slot) = counts.get_mut(DropKind::of(&r) as usize) {
            *slot = slot.saturating_add(1);
        }
    }
    DropKind::ALL
        .into_iter()
        .zip(counts)
        .filter(|&(_, count)| count > 0)
        .map(|(reason, count)| Dropped { reason, count })
        .collect()
}

// ---------------------------------------------------------------------------------------
// JSON

/// The top-level JSON object; see the module documentation.
#[derive(Serialize)]
struct JsonReport<'a> {
    method: &'a Method,
    #[serde(skip_serializing_if = "Option::is_none")]
    features: Option<&'a [KanoResult]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    segments: Option<&'a [Segment]>,
    input: JsonInput<'a>,
}

#[derive(Serialize)]
struct JsonInput<'a> {
    source: &'a str,
    layout: &'a str,
    respondents: Option<u64>,
    dropped: &'a [Dropped],
}

impl Serialize for ClassifyReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let segmented = self.is_segmented();
        let features =
            (!segmented).then(|| self.segments.first().map_or(&[][..], |s| s.features.as_slice()));
        JsonReport {
            method: &self.method,
            features,
            segments: segmented.then_some(self.segments.as_slice()),
            input: JsonInput {
                source: &self.source,
                layout: &self.layout,
                respondents: self.respondents,
                dropped: &self.dropped,
            },
        }
        .serialize(serializer)
    }
}
