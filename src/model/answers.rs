//! The answers a workshop's files hold, as the input stage reads them and the analysis
//! takes them: SERVQUAL raw responses (`servqual.responses`) and the answers of measurement
//! plans (`responses_file`), plus the rules both sides apply to them (a metric answer on its
//! scale, 100 points within a tolerance).
//!
//! Input: values already read and parsed (no file names are opened here). Output: the
//! [`Answers`] handed to the analysis. No I/O; imports only the model and the leaves, so
//! that neither the readers nor the methods need to know about each other.

use std::collections::BTreeMap;
use std::fmt;

use super::{Dimension, Metric, Scale};

/// An item of a raw response file.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemSpec {
    /// The item id, as in the file's header.
    pub id: String,
    /// Its dimension.
    pub dimension: Dimension,
}

/// One respondent's answers to one item; `None` when left blank.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ItemAnswer {
    /// Expectation.
    pub expectation: Option<f64>,
    /// Perception.
    pub perception: Option<f64>,
    /// Importance, if asked.
    pub importance: Option<f64>,
}

/// One respondent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Respondent {
    /// The respondent id, if the file has one.
    pub id: Option<String>,
    /// Answers, index-aligned with [`Responses::items`].
    pub answers: Vec<ItemAnswer>,
    /// The 100 points over the dimensions, in [`Dimension::ALL`] order; `None` when the
    /// respondent gave none.
    pub points: Option<[f64; 5]>,
}

/// Raw SERVQUAL responses, as the input stage reads them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Responses {
    /// The items, in file order.
    pub items: Vec<ItemSpec>,
    /// The respondents, in file order.
    pub respondents: Vec<Respondent>,
}

/// Points must add up to 100 within this tolerance.
pub const POINTS_TOLERANCE: f64 = 0.5;

/// Answers of one measurement plan read from its `responses_file`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileAnswers {
    /// The file as the workshop names it.
    pub file: String,
    /// The answers, in file order.
    pub values: Vec<f64>,
    /// Blank cells skipped.
    pub blank: u64,
}

/// What the input stage read from the files a workshop refers to.
#[derive(Debug, Clone, Default)]
pub struct Answers {
    /// SERVQUAL raw responses (`servqual.responses`).
    pub servqual: Option<Responses>,
    /// Answers per (group index, measurement-plan index) from `responses_file`.
    pub metric_files: BTreeMap<(usize, usize), FileAnswers>,
}

/// A metric answer that cannot be used.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleError {
    /// 0-based position among the answers.
    pub index: usize,
    /// The answer.
    pub value: f64,
    /// The metric.
    pub metric: Metric,
    /// Its scale.
    pub scale: Scale,
    /// Why.
    pub reason: &'static str,
}

impl fmt::Display for ScaleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} answer {} {} (scale {}..{})",
            self.metric.key().to_uppercase(),
            self.value,
            self.reason,
            self.scale.min,
            self.scale.max
        )
    }
}

impl std::error::Error for ScaleError {}

/// Check metric answers against the scale (and NPS answers for whole numbers on 0–10).
pub fn validate_metric(metric: Metric, values: &[f64], scale: Scale) -> Result<(), ScaleError> {
    if metric == Metric::Nps && !(scale.min == 0.0 && scale.max == 10.0) {
        return Err(ScaleError {
            index: 0,
            value: scale.max,
            metric,
            scale,
            reason: "cannot be scored: NPS is asked on 0–10",
        });
    }
    for (index, &value) in values.iter().enumerate() {
        let reason = if !value.is_finite() || !scale.contains(value) {
            Some("is outside its scale")
        } else if metric == Metric::Nps && value.fract() != 0.0 {
            Some("is not a whole number")
        } else {
            None
        };
        if let Some(reason) = reason {
            return Err(ScaleError { index, value, metric, scale, reason });
        }
    }
    Ok(())
}
