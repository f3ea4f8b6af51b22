//! The report wording the Rust code itself puts together: brackets and separators, the
//! Kano section's method names and level texts, the cover's date patterns. They are keys
//! of the `report` section of the wording catalog (`templates/lang/*.yaml`), which the
//! templates read whole as `t.<key>`; this struct names only the keys the code needs, so a
//! template can gain wording without a change here. A key missing from a catalog file
//! fails the tests before any report is written.

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
    /// The keys of the `report` section the code uses.
    pub struct Text {
        sep, lp, rp, kano_feature_sep, date_one, date_same_month, date_range,
    }
    /// The Kano evaluation tables, by their names in `kano classify`.
    kano_table: KanoTables,
    /// The Kano assignment rules, by their names in `kano classify`.
    kano_rule: KanoRules,
    /// What each Kano category means for the service level.
    kano_level: ByCategory,
    /// Why a feature's category and its continuous quadrant differ.
    kano_disagreement: KanoDisagreement,
    /// Month names, January first (for `{month_name}` in the date patterns).
    month_names: [&'static str; 12],
}

/// Why the Kano table and the continuous chart place a feature differently: patterns with
/// `{first}`, `{first_share}` (the category in the table and its share of answers, %),
/// `{second}`, `{second_share}` (the runner-up) and `{continuous}` (the chart's quadrant).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KanoDisagreement {
    /// The feature is reverse: reverse answers score low and pull the mean to the middle.
    pub reverse: &'static str,
    /// The runner-up category is where the mean lands.
    pub runner_up: &'static str,
    /// The answers are spread over several categories.
    pub spread: &'static str,
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
        assert_eq!(text(Language::ZhTw).lp, "（");
        assert_eq!(text(Language::En).month_names[11], "December");
        // the templates read the whole section
        assert_eq!(i18n::text("zh-TW", "report.contents"), "目錄");
        assert_eq!(i18n::text("zh-CN", "report.space"), "\u{3000}");
        assert_eq!(i18n::text("en", "report.space"), " · ");
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
