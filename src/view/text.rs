//! Report wording beyond the labels: section titles, table heads, short phrases, the Kano
//! section's method names and level texts, the cover's date patterns. The words are the
//! `report` section of the wording catalog (`templates/lang/*.yaml`); this module only
//! names its keys. The templates reach them as `t.<key>`; a key missing from a catalog
//! file fails the tests before any report is written.

use serde::{Deserialize, Serialize};

use super::labels::ByCategory;
use crate::i18n;
use crate::model::Language;

/// The struct of a catalog section whose keys are all plain text, plus the listed keys of
/// other types.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($field:ident,)*
        }
        $( $(#[$tmeta:meta])* $typed:ident: $ty:ty, )*
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(
                #[doc = concat!("`t.", stringify!($field), "`.")]
                pub $field: &'static str,
            )*
            $( $(#[$tmeta])* pub $typed: $ty, )*
        }
    };
}

words! {
    /// The `report` section: what the templates read as `t.*`.
    pub struct Text {
        contents, group_report, overview, journey_map, proposals, proposal, r#move, acts_on,
        professionalism, ease, perception, total, rank, quick_win, principles, measurement,
        touchpoint, indicator_kind, metric, model, timing, question, result, responses, gaps,
        gap, symptoms, causes, measures, owner, due, self_test, statement, score, mean, none,
        sep, lp, rp, prof_short, ease_short, perc_short, summary, summary_lead, takeaways,
        tools, mentions, actions, action, status, overdue, open, as_of, journey_figures,
        average_line, peak_end, valleys, missing_kinds, all_kinds_covered, servqual,
        expectation, perception_p, gap_pe, items, overall, variant, value, zone, adequate,
        desired, perceived, position, ipa, importance, performance, quadrant, metrics,
        market_damage, customers_with_problem, complaint_rate, resolution_rate, lost_customers,
        revenue_at_risk, word_of_mouth_loss, sensitivity, customers_kept, revenue_kept, pk,
        group, comment, tied, methods, methods_lead, method_kano, method_servqual, method_zone,
        method_metrics, method_tarp, method_journey, method_proposals, method_321, method_pk,
        kano_method_text, colon, kano, feature, category, better, worse, kano_method,
        kano_respondents, kano_source, kano_shares, kano_levels, kano_feature_sep, date_one,
        date_same_month, date_range,
    }
    /// The Kano evaluation tables, by their names in `kano classify`.
    kano_table: KanoTables,
    /// The Kano assignment rules, by their names in `kano classify`.
    kano_rule: KanoRules,
    /// What each Kano category means for the service level.
    kano_level: ByCategory,
    /// Month names, January first (for `{month_name}` in the date patterns).
    month_names: [&'static str; 12],
    /// `t.space`: the gap between two entries on one line (a full-width space in Chinese).
    space: &'static str,
}

/// The Kano evaluation tables' names.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KanoTables {
    /// Kano's standard table.
    pub standard: &'static str,
    /// Pouliot's table.
    pub pouliot: &'static str,
}

/// The Kano assignment rules' names.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KanoRules {
    /// The most frequent category.
    pub plurality: &'static str,
    /// Matzler's what-hurts-most rule.
    pub moai: &'static str,
    /// The two-stage rule.
    pub two_stage: &'static str,
}

impl KanoTables {
    /// The name of the table called `name` in `kano classify`; empty for another.
    pub fn get(&self, name: &str) -> &'static str {
        match name {
            "standard" => self.standard,
            "pouliot" => self.pouliot,
            _ => "",
        }
    }
}

impl KanoRules {
    /// The name of the rule called `name` in `kano classify`; empty for another.
    pub fn get(&self, name: &str) -> &'static str {
        match name {
            "plurality" => self.plurality,
            "moai" => self.moai,
            "two_stage" => self.two_stage,
            _ => "",
        }
    }
}

/// The wording of `lang`.
pub fn text(lang: Language) -> &'static Text {
    static ALL: i18n::PerLanguage<Text> = i18n::PerLanguage::new("report");
    ALL.get(lang.key())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::kano::{Rule, Table};
    use crate::i18n;

    #[test]
    fn every_language_fits_the_struct() {
        for l in i18n::LANGUAGES {
            if let Err(e) = i18n::catalog(l).section::<Text>("report") {
                panic!("{e}");
            }
        }
        assert_eq!(text(Language::ZhTw).contents, "目錄");
        assert_eq!(text(Language::En).month_names[11], "December");
        assert_eq!(text(Language::ZhCn).space, "\u{3000}");
        assert_eq!(text(Language::En).space, " · ");
    }

    #[test]
    fn every_table_and_rule_has_a_name() {
        for l in [Language::ZhCn, Language::ZhTw, Language::En] {
            let t = text(l);
            for x in [Table::Standard, Table::Pouliot] {
                assert!(!t.kano_table.get(x.name()).is_empty(), "{l:?} {x:?}");
            }
            for x in [Rule::Plurality, Rule::Moai, Rule::TwoStage] {
                assert!(!t.kano_rule.get(x.name()).is_empty(), "{l:?} {x:?}");
            }
        }
    }
}
