//! The fixed wording of the charts in the three report languages: titles, axis titles,
//! legends, quadrant names. The workshop's own data (feature names, steps, proposals) is
//! never translated.
//!
//! The words live in the wording catalog (`templates/lang/*.yaml`, section `chart`; the
//! Kano category names in `common.kano_category`, the names the report's table uses).
//! They are read once per process; a catalog that does not fit gives empty words (and
//! fails the tests), never a panic.

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
    /// Opening parenthesis after a name, e.g. "（", " (".
    pub lp: String,
    /// Closing parenthesis, e.g. "）", ")".
    pub rp: String,

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
    /// Note: the crosshair lies at the means, `{p}` (performance) and `{i}` (importance).
    pub at_means: String,
    /// Note: the crosshair lies at the medians, `{p}` and `{i}`.
    pub at_medians: String,
    /// Note: the crosshair lies at the scale midpoints, `{p}` and `{i}`.
    pub at_scale_mid: String,
    /// Note: the crosshair lies at given values `{p}` (performance) and `{i}` (importance).
    pub at_values: String,
    /// Title suffix: an IPA of the dimensions, importance the points of 100 given to each.
    pub ipa_by_dimension: String,

    /// Title: journey map.
    pub journey_map: String,
    /// Pain points.
    pub pain_points: String,
    /// Before a step's number of pain points, where they are not listed, e.g. "×".
    pub pain_count: String,
    /// Note: the pain points are listed in the journey table.
    pub pain_points_in_table: String,
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
    /// Note: the axes are zoomed to the scores, the quadrants split at the scale's
    /// midpoint `{v}`.
    pub proposal_split: String,

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
    /// Heading of the breakdown of the lost customers (shares of those lost).
    pub lost_breakdown: String,
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
    /// The names the report's Kano table gives: 基本需求, "Basic (must-be)".
    kano_category: BTreeMap<String, String>,
}

impl KanoNames {
    /// The letter, then the name, as the report's Kano table sets a category
    /// ("**M** 基本需求"): `M 基本需求`, `M Basic (must-be)`.
    fn name(&self, c: Category) -> String {
        let letter = c.letter().to_string();
        match self.kano_category.get(&letter) {
            Some(name) => format!("{letter} {name}"),
            None => letter,
        }
    }
}

/// The chart words of one language: the `chart` section, with the Kano category names of
/// `common`.
fn load(catalog: &'static i18n::Catalog) -> Words {
    let mut words: Words = catalog.section("chart").unwrap_or_default();
    words.kano = catalog.section("common").unwrap_or_default();
    words
}

impl Words {
    /// The wording of `lang`.
    pub fn of(lang: Language) -> &'static Words {
        static ALL: i18n::PerLanguage<Words> = i18n::PerLanguage::with(load);
        ALL.get(lang.key())
    }

    /// A Kano category as the report's Kano table names it, letter first: "A 兴奋需求",
    /// "A Excitement (attractive)". Charts use no other name for a category (where even
    /// that is too wide, the letter alone, which the table prints too).
    pub fn need(&self, c: Category) -> String {
        self.kano.name(c)
    }

    /// `split_at` with the value filled in.
    pub fn split_note(&self, v: &str) -> String {
        self.split_at.replace("{v}", v)
    }

    /// Where the IPA crosshair lies, for its `method` as the analysis names it (`mean`,
    /// `median`, `scale-mid`, `custom`) and its lines, with 2 decimals as the IPA table
    /// prints importance and performance.
    pub fn crosshair_note(&self, method: &str, performance: f64, importance: f64) -> String {
        let pattern = match method {
            "mean" => &self.at_means,
            "median" => &self.at_medians,
            "scale-mid" => &self.at_scale_mid,
            _ => &self.at_values,
        };
        let num = |v: f64| Num::fixed(2).typographic().or_dash(Some(v));
        pattern.replace("{p}", &num(performance)).replace("{i}", &num(importance))
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
                assert!(w.need(c).len() > 2, "{lang:?} {c:?}");
                assert!(w.need(c).starts_with(&format!("{bare} ")));
            }
        }
    }

    #[test]
    fn categories_in_each_language() {
        // as the Kano table: the letter, then `common.kano_category`
        assert_eq!(Words::of(Language::ZhCn).need(Category::O), "O 期望需求");
        assert_eq!(Words::of(Language::ZhCn).need(Category::Q), "Q 可疑结果");
        assert_eq!(Words::of(Language::ZhTw).need(Category::I), "I 無差異需求");
        assert_eq!(Words::of(Language::En).need(Category::M), "M Basic (must-be)");
        assert_eq!(Words::of(Language::En).need(Category::I), "I Indifferent");
        for lang in LANGS {
            let table = crate::view::labels::kano_categories(lang);
            for c in Category::ALL {
                assert_eq!(Words::of(lang).need(c), format!("{} {}", c.letter(), table.get(c)));
            }
        }
        assert_eq!(Words::of(Language::En).split_note("0.5"), "split at 0.5");
    }

    #[test]
    fn crosshair_notes() {
        let en = Words::of(Language::En);
        assert_eq!(
            en.crosshair_note("mean", 5.4, 5.8),
            "crosshair at the means: performance 5.40, importance 5.80"
        );
        assert_eq!(
            en.crosshair_note("median", 5.4, -5.8),
            "crosshair at the medians: performance 5.40, importance −5.80"
        );
        assert_eq!(
            en.crosshair_note("custom", 5.5, 6.0),
            "crosshair at performance 5.50, importance 6.00"
        );
        let zh = Words::of(Language::ZhCn);
        assert_eq!(
            zh.crosshair_note("scale-mid", 4.0, 4.0),
            "十字线：量表中点（表现 4.00，重要性 4.00）"
        );
    }

    #[test]
    fn every_string_is_drawable_in_the_embedded_font() {
        let faces = crate::text::Faces::embedded().unwrap();
        for lang in LANGS {
            let w = Words::of(lang);
            let names: String = Category::ALL.iter().map(|&c| w.need(c)).collect();
            let all = format!("{w:?}{names}");
            assert_eq!(faces.missing(&all), Vec::<char>::new(), "{lang:?}");
        }
    }
}
