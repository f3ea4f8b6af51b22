//! The report's fixed wording, typed: the `labels` section of the wording catalog
//! (`templates/lang/*.yaml`) as [`Labels`], and the Kano category names of its `common`
//! section as [`ByCategory`]. The workshop's own data is never translated: it stays as the
//! facilitator typed it.
//!
//! Each section is deserialised once per process and cached; the text borrows from the
//! embedded catalog, so it is `&'static str`. A section that does not fit its struct reads
//! as empty text (the tests prove that every section fits in every language).

use serde::{Deserialize, Serialize};

use crate::analysis::kano::Category;
use crate::i18n;
use crate::model::Language;

/// Every fixed string of the `labels` section: what the templates read as `labels.*` and
/// the emotion curve's words.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// "Workshop report".
    pub report: &'static str,
    /// "Organisation".
    pub organisation: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Facilitator".
    pub facilitator: &'static str,
    /// "Groups".
    pub groups: &'static str,
    /// "Participants".
    pub participants: &'static str,
    /// "Scenario".
    pub scenario: &'static str,
    /// "Members".
    pub members: &'static str,
    /// Section title for post service standards.
    pub post_standards: &'static str,
    /// "Post".
    pub post: &'static str,
    /// "Dimension".
    pub dimension: &'static str,
    /// "Indicator".
    pub indicator: &'static str,
    /// "Description".
    pub description: &'static str,
    /// "How it is checked".
    pub check: &'static str,
    /// "Target".
    pub target: &'static str,
    /// Section title for journeys.
    pub journeys: &'static str,
    /// "Step".
    pub step: &'static str,
    /// "Emotion".
    pub emotion: &'static str,
    /// "Touchpoint kinds".
    pub kinds: &'static str,
    /// "Pain points".
    pub pain_points: &'static str,
    /// Chart: emotion curve caption.
    pub emotion_curve: &'static str,
    /// Chart: the average line.
    pub average: &'static str,
    /// Chart: the peak.
    pub peak: &'static str,
    /// Chart: a valley.
    pub valley: &'static str,
    /// Chart: the end.
    pub end: &'static str,
    /// Footer page format; `{page}` and `{pages}` are replaced.
    pub page_format: &'static str,
    /// The list separator, e.g. "、" or ", ".
    pub list_sep: &'static str,
}

/// One text per Kano category, by letter (`common.kano_category`, `report.kano_level`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub struct ByCategory {
    /// Attractive (excitement).
    pub A: &'static str,
    /// One-dimensional (performance).
    pub O: &'static str,
    /// Must-be (basic).
    pub M: &'static str,
    /// Indifferent.
    pub I: &'static str,
    /// Reverse.
    pub R: &'static str,
    /// Questionable.
    pub Q: &'static str,
}

impl ByCategory {
    /// The text of category `c`.
    pub fn get(&self, c: Category) -> &'static str {
        match c {
            Category::A => self.A,
            Category::O => self.O,
            Category::M => self.M,
            Category::I => self.I,
            Category::R => self.R,
            Category::Q => self.Q,
        }
    }
}

/// The labels of `lang`.
pub fn labels(lang: Language) -> Labels {
    static ALL: i18n::PerLanguage<Labels> = i18n::PerLanguage::new("labels");
    ALL.get(lang.key()).clone()
}

/// The Kano category names of `lang` (`common.kano_category`), the ones every output uses.
pub fn kano_categories(lang: Language) -> &'static ByCategory {
    static ALL: i18n::PerLanguage<ByCategory> = i18n::PerLanguage::new("common.kano_category");
    ALL.get(lang.key())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_fits_the_structs() {
        for l in i18n::LANGUAGES {
            if let Err(e) = i18n::catalog(l).section::<Labels>("labels") {
                panic!("{e}");
            }
            if let Err(e) = i18n::catalog(l).section::<ByCategory>("common.kano_category") {
                panic!("{e}");
            }
        }
        assert!(i18n::catalog("en").section::<Labels>("no_such_section").is_err());
        assert!(
            i18n::catalog("en").section::<Labels>("report").is_err(),
            "unknown keys are refused"
        );
    }

    #[test]
    fn labels_follow_language() {
        assert_eq!(labels(Language::ZhCn).report, "工作坊成果报告");
        assert_eq!(labels(Language::ZhTw).end, "末觸點");
        assert_eq!(labels(Language::En).page_format, "Page {page} of {pages}");
        assert_eq!(labels(Language::En).list_sep, ", ");
        assert_eq!(kano_categories(Language::ZhCn).get(Category::O), "期望需求");
        assert_eq!(kano_categories(Language::En).get(Category::M), "Basic (must-be)");
    }
}
