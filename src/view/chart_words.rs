//! The fixed wording of the charts in the three report languages: titles, axis titles,
//! legends, quadrant names. The workshop's own data (feature names, steps, proposals) is
//! never translated.
//!
//! The words live in the wording catalog (`templates/lang/*.yaml`, section `chart`; the
//! Kano category names in `common.kano_category` and `common.kano_category_short`, the
//! names the report uses). They are read once per process; a catalog that does not fit
//! gives empty words (and fails the tests), never a panic.

use std::collections::BTreeMap;

use crate::analysis::kano::Category;
use crate::format::Num;
use crate::i18n;
use crate::model::Language;

/// Every fixed string a chart draws.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Separator between a chart's subject and its kind, e.g. " · ".
    pub dot: String,
    /// Between a label and its value in a note, e.g. "：", ": ".
    pub colon: String,

    /// Title: Better–Worse plot.
    pub better_worse: String,
    /// Axis: Better.
    pub better_axis: String,
    /// Axis: |Worse|.
    pub worse_axis: String,
    /// Note: where the quadrants are split; `{v}` is the split.
    pub split_at: String,
    /// Title: category shares per feature.
    pub category_shares: String,
    /// Axis: share of answers.
    pub share_axis: String,
    /// Title: continuous Kano analysis.
    pub continuous: String,
    /// Axis: mean dysfunctional score.
    pub dysfunctional_axis: String,
    /// Axis: mean functional score.
    pub functional_axis: String,
    /// Legend: self-stated importance (bubble size).
    pub importance: String,

    /// Title: SERVQUAL expectation and perception.
    pub servqual: String,
    /// Legend: expectation.
    pub expectation: String,
    /// Legend: perception.
    pub perception: String,
    /// Legend and panel title: the gap P − E.
    pub gap: String,
    /// Axis: score on the SERVQUAL scale.
    pub score: String,
    /// Title: zone of tolerance.
    pub zone: String,
    /// Adequate service.
    pub adequate: String,
    /// Desired service.
    pub desired: String,
    /// The tolerance band (adequate – desired).
    pub zone_band: String,
    /// Perceived below the zone.
    pub below_zone: String,
    /// Perceived within the zone.
    pub within_zone: String,
    /// Perceived above the zone.
    pub above_zone: String,
    /// Title: importance–performance analysis.
    pub ipa: String,
    /// Axis: importance.
    pub ipa_importance: String,
    /// Axis: performance (perception).
    pub ipa_performance: String,
    /// Quadrant: high importance, low performance.
    pub concentrate: String,
    /// Quadrant: high importance, high performance.
    pub keep_up: String,
    /// Quadrant: low importance, low performance.
    pub low_priority: String,
    /// Quadrant: low importance, high performance.
    pub overkill: String,
    /// Note: the crosshair lies at the means.
    pub at_means: String,
    /// Note: the crosshair lies at the medians.
    pub at_medians: String,
    /// Note: the crosshair lies at the scale midpoints.
    pub at_scale_mid: String,
    /// Note: the crosshair lies at given values `{p}` (performance) and `{i}` (importance).
    pub at_values: String,
    /// Title suffix: an IPA of the dimensions, importance the points of 100 given to each.
    pub ipa_by_dimension: String,

    /// Title: journey map.
    pub journey_map: String,
    /// Pain points.
    pub pain_points: String,
    /// Emotion axis.
    pub emotion: String,
    /// The average line.
    pub average: String,
    /// A peak.
    pub peak: String,
    /// A valley.
    pub valley: String,
    /// The end.
    pub end: String,

    /// Title: three-degree evaluation of proposals.
    pub proposals: String,
    /// Axis: ease of investment.
    pub ease: String,
    /// Axis: customer-perceived satisfaction.
    pub perceived_satisfaction: String,
    /// Legend: service professionalism (bubble size).
    pub professionalism: String,
    /// The quick-win quadrant.
    pub quick_wins: String,

    /// Title: NPS distribution.
    pub nps: String,
    /// Detractors (0–6).
    pub detractors: String,
    /// Passives (7–8).
    pub passives: String,
    /// Promoters (9–10).
    pub promoters: String,
    /// Axis: respondents.
    pub respondents: String,
    /// Axis: the 0–10 answer.
    pub likelihood: String,
    /// Title: CSAT per touchpoint.
    pub csat: String,
    /// Axis: top-2-box share.
    pub csat_axis: String,
    /// "mean".
    pub mean: String,
    /// Title: CES per touchpoint.
    pub ces: String,
    /// Axis: CES mean.
    pub ces_axis: String,
    /// Note: higher is easier.
    pub higher_easier: String,
    /// Note: lower is less effort.
    pub lower_easier: String,
    /// "agree".
    pub agree: String,

    /// Title: market damage.
    pub market_damage: String,
    /// Customers with a problem.
    pub with_problem: String,
    /// Did not complain.
    pub silent: String,
    /// Complained.
    pub complained: String,
    /// Not resolved.
    pub unresolved: String,
    /// Resolved.
    pub resolved: String,
    /// Lost.
    pub lost: String,
    /// Lost, of those who did not complain.
    pub lost_silent: String,
    /// Lost, of those complained and not resolved.
    pub lost_unresolved: String,
    /// Lost, of those resolved.
    pub lost_resolved: String,
    /// Axis: customers.
    pub customers: String,
    /// Revenue at risk.
    pub revenue_at_risk: String,
    /// Word of mouth: people reached.
    pub word_of_mouth: String,

    /// Title: group competition.
    pub pk: String,
    /// Total score.
    pub total: String,
    /// Axis: points.
    pub points: String,
    /// Title: a journey's emotion curve.
    pub emotion_curve: String,

    /// The Kano category names, from the catalog's `common` section.
    #[serde(skip)]
    kano: KanoNames,
}

/// The Kano category names of one language, by letter.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
struct KanoNames {
    /// The full names: 基本需求, "Basic (must-be)".
    kano_category: BTreeMap<String, String>,
    /// The short names: 基本, "Basic".
    kano_category_short: BTreeMap<String, String>,
    /// The letter follows in parentheses ("Basic (M)"), not after a space ("基本 M").
    #[serde(skip)]
    latin: bool,
}

impl KanoNames {
    fn name(&self, c: Category, full: bool) -> String {
        let names = if full { &self.kano_category } else { &self.kano_category_short };
        let letter = c.letter().to_string();
        let name = names.get(&letter).map_or(letter.as_str(), String::as_str);
        if !self.latin {
            return format!("{name} {letter}");
        }
        // "Basic (must-be)" takes the letter inside its parentheses: "Basic (must-be, M)"
        match name.strip_suffix(')') {
            Some(open) if open.contains('(') => format!("{open}, {letter})"),
            _ => format!("{name} ({letter})"),
        }
    }
}

/// The chart words of one language: the `chart` section, with the Kano category names of
/// `common`.
fn load(catalog: &'static i18n::Catalog) -> Words {
    let mut words: Words = catalog.section("chart").unwrap_or_default();
    words.kano = catalog.section("common").unwrap_or_default();
    words.kano.latin = catalog.lang() == "en";
    words
}

impl Words {
    /// The wording of `lang`.
    pub fn of(lang: Language) -> &'static Words {
        static ALL: i18n::PerLanguage<Words> = i18n::PerLanguage::with(load);
        ALL.get(lang.key())
    }

    /// The short name of a Kano category, with its letter, where space is tight: "兴奋 A",
    /// "Excitement (A)".
    pub fn category(&self, c: Category) -> String {
        self.kano.name(c, false)
    }

    /// The full name of a Kano category, with its letter, as the report names it:
    /// "兴奋需求 A", "Excitement (attractive, A)".
    pub fn need(&self, c: Category) -> String {
        self.kano.name(c, true)
    }

    /// The full name of a Kano category when `full`, else the short one.
    pub fn category_name(&self, c: Category, full: bool) -> String {
        self.kano.name(c, full)
    }

    /// `split_at` with the value filled in.
    pub fn split_note(&self, v: &str) -> String {
        self.split_at.replace("{v}", v)
    }

    /// Where the IPA crosshair lies, for its `method` as the analysis names it (`mean`,
    /// `median`, `scale-mid`, `custom`) and its lines.
    pub fn crosshair_note(&self, method: &str, performance: f64, importance: f64) -> String {
        match method {
            "mean" => self.at_means.clone(),
            "median" => self.at_medians.clone(),
            "scale-mid" => self.at_scale_mid.clone(),
            _ => {
                let num = |v: f64| Num::upto(2).typographic().or_dash(Some(v));
                self.at_values.replace("{p}", &num(performance)).replace("{i}", &num(importance))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Language; 3] = [Language::ZhCn, Language::ZhTw, Language::En];

    #[test]
    fn the_chart_section_deserialises_in_every_language() {
        for lang in i18n::LANGUAGES {
            let catalog = i18n::catalog(lang);
            let words = catalog.section::<Words>("chart");
            assert!(words.is_ok(), "{lang}: {:?}", words.err());
            let names = catalog.section::<KanoNames>("common");
            assert!(names.is_ok(), "{lang}: {:?}", names.err());
        }
        for lang in LANGS {
            let w = Words::of(lang);
            assert!(!w.better_worse.is_empty() && !w.emotion_curve.is_empty(), "{lang:?}");
            for c in Category::ALL {
                let bare = c.letter().to_string();
                assert!(w.category(c).len() > 2 && w.need(c).len() > 2, "{lang:?} {c:?}");
                assert!(w.category(c).contains(&bare) && w.need(c).contains(&bare));
            }
        }
    }

    #[test]
    fn categories_in_each_language() {
        assert_eq!(Words::of(Language::ZhCn).category(Category::A), "兴奋 A");
        assert_eq!(Words::of(Language::ZhCn).need(Category::O), "期望需求 O");
        assert_eq!(Words::of(Language::ZhCn).need(Category::Q), "可疑结果 Q");
        assert_eq!(Words::of(Language::ZhTw).need(Category::I), "無差異需求 I");
        assert_eq!(Words::of(Language::En).category(Category::O), "Performance (O)");
        assert_eq!(Words::of(Language::En).need(Category::M), "Basic (must-be, M)");
        assert_eq!(Words::of(Language::En).need(Category::I), "Indifferent (I)");
        assert_eq!(Words::of(Language::En).split_note("0.5"), "split at 0.5");
    }

    #[test]
    fn crosshair_notes() {
        let en = Words::of(Language::En);
        assert_eq!(en.crosshair_note("mean", 5.4, 5.8), "crosshair at the means");
        assert_eq!(en.crosshair_note("median", 5.4, 5.8), "crosshair at the medians");
        assert_eq!(
            en.crosshair_note("custom", 5.5, 6.0),
            "crosshair at performance 5.5, importance 6"
        );
        let zh = Words::of(Language::ZhCn);
        assert_eq!(zh.crosshair_note("scale-mid", 4.0, 4.0), "十字线：量表中点");
    }

    #[test]
    fn every_string_is_drawable_in_the_embedded_font() {
        let faces = crate::text::Faces::embedded().unwrap();
        for lang in LANGS {
            let w = Words::of(lang);
            let names: String = Category::ALL.iter().map(|&c| w.need(c) + &w.category(c)).collect();
            let all = format!("{w:?}{names}");
            assert_eq!(faces.missing(&all), Vec::<char>::new(), "{lang:?}");
        }
    }
}
