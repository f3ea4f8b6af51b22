//! Text outputs for the terminal and for files: the `kano classify` and `kano analyze`
//! tables, CSV, Markdown and JSON.
//!
//! Input: analysis results — [`crate::analysis::Analysis`] for `kano analyze`,
//! [`crate::analysis::kano::ClassifyReport`] for `kano classify`. Output: text. These
//! renderers recompute nothing: they only choose, round and lay out the figures the results
//! hold. Their fixed wording is the `terminal` section of the wording catalog
//! (`templates/lang/*.yaml`, read through [`crate::i18n`]); every number goes through
//! [`crate::format`].

use serde::Deserialize;

use crate::i18n;

pub mod analyze;
pub mod classify;

/// The `terminal` section of one language's catalog.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    analyze: analyze::Words,
    classify: classify::Words,
}

/// The `terminal` section of the catalog, parsed once per language.
static WORDS: i18n::PerLanguage<Words> = i18n::PerLanguage::new("terminal");

/// The `terminal` section of the catalog of a language key (`zh-CN`, `zh-TW`, `en`;
/// English for any other).
fn words(lang: &str) -> &'static Words {
    WORDS.get(lang)
}

use i18n::fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_section_deserialises_in_every_language() {
        for l in i18n::LANGUAGES {
            let w = i18n::catalog(l).section::<Words>("terminal");
            assert!(w.is_ok(), "{l}: {w:?}");
            assert!(!words(l).analyze.title.is_empty() && !words(l).classify.feature.is_empty());
            assert!(
                i18n::catalog(l).section::<classify::Letters>("common.kano_category_short").is_ok()
            );
        }
        assert_eq!(words("zh-TW").analyze.title, "工作坊資料分析");
        assert_eq!(words("xx").analyze.title, "Workshop analysis");
    }

    #[test]
    fn fill_replaces_known_placeholders() {
        assert_eq!(
            fill("{n} dropped ({reasons})", &[("n", "3"), ("reasons", "x")]),
            "3 dropped (x)"
        );
        assert_eq!(fill("{a}{a} {b} {", &[("a", "1")]), "11 {b} {");
        assert_eq!(fill("no braces", &[]), "no braces");
    }
}
