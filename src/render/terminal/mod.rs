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
        assert_eq!(words("zh-TW").analyze.title, "工作坊數據分析");
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

    /// The string and char literals of Rust source outside `#[cfg(test)]` items
    /// (comments skipped).
    fn literals(src: &str) -> Vec<String> {
        let s: Vec<char> = src.chars().collect();
        let (mut i, mut out) = (0, Vec::new());
        let mut depth = 0usize; // brace depth
        let mut skip_from: Option<usize> = None; // depth at which a test module opened
        let mut test_attr = false;
        let starts =
            |i: usize, p: &str| s[i..].iter().take(p.chars().count()).copied().eq(p.chars());
        while i < s.len() {
            let c = s[i];
            if starts(i, "//") {
                while i < s.len() && s[i] != '\n' {
                    i += 1;
                }
            } else if starts(i, "/*") {
                let mut nest = 0;
                while i < s.len() {
                    if starts(i, "/*") {
                        nest += 1;
                        i += 2;
                    } else if starts(i, "*/") {
                        nest -= 1;
                        i += 2;
                        if nest == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            } else if starts(i, "#[cfg(test)]") {
                test_attr = true;
                i += "#[cfg(test)]".len();
            } else if c == 'r'
                && (starts(i + 1, "\"") || starts(i + 1, "#\"") || starts(i + 1, "##\""))
                && (i == 0 || !(s[i - 1].is_alphanumeric() || s[i - 1] == '_'))
            {
                let hashes = s[i + 1..].iter().take_while(|&&h| h == '#').count();
                let close: String =
                    std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let body = i + 2 + hashes;
                let mut j = body;
                while j < s.len() && !starts(j, &close) {
                    j += 1;
                }
                if skip_from.is_none() {
                    out.push(s[body..j.min(s.len())].iter().collect());
                }
                i = j + close.len();
            } else if c == '"' {
                let mut j = i + 1;
                while j < s.len() && s[j] != '"' {
                    j += if s[j] == '\\' { 2 } else { 1 };
                }
                if skip_from.is_none() {
                    out.push(s[i + 1..j.min(s.len())].iter().collect());
                }
                i = j + 1;
            } else if c == '\'' && (starts(i + 1, "\\") || s.get(i + 2) == Some(&'\'')) {
                let mut j = i + 1;
                while j < s.len() && s[j] != '\'' {
                    j += if s[j] == '\\' { 2 } else { 1 };
                }
                if skip_from.is_none() {
                    out.push(s[i + 1..j.min(s.len())].iter().collect());
                }
                i = j + 1;
            } else {
                if c == '{' {
                    if test_attr && skip_from.is_none() {
                        skip_from = Some(depth);
                    }
                    test_attr = false;
                    depth += 1;
                } else if c == '}' {
                    depth = depth.saturating_sub(1);
                    if skip_from == Some(depth) {
                        skip_from = None;
                    }
                } else if c == ';' {
                    test_attr = false; // `#[cfg(test)] use …;`: no block to skip
                }
                i += 1;
            }
        }
        out
    }

    fn is_cjk(c: char) -> bool {
        matches!(c as u32,
            0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
            | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
            | 0xFF00..=0xFFEF | 0x20000..=0x3134F)
    }

    #[test]
    fn the_lexer_finds_literals_and_skips_comments_and_tests() {
        let src = "// \"注释\"\nfn a() { let s = \"中\"; let r = r#\"文\"#; let c = '、'; let l: &'static str = \"x\"; }\n/* \"块\" */\n#[cfg(test)]\nmod tests { fn t() { \"测试\"; } }\nfn b() { \"after\"; }\n";
        assert_eq!(literals(src), ["中", "文", "、", "x", "after"]);
    }

    #[test]
    fn no_chinese_literal_outside_tests() {
        // (file, the fewest literals it has outside tests: a lexer gone wrong finds fewer)
        for (name, src, fewest) in [
            ("mod.rs", include_str!("mod.rs"), 0),
            ("analyze.rs", include_str!("analyze.rs"), 50),
            ("classify.rs", include_str!("classify.rs"), 50),
        ] {
            let lits = literals(src);
            assert!(lits.len() >= fewest, "{name}: the lexer found too few literals: {lits:?}");
            let cjk: Vec<&String> = lits.iter().filter(|l| l.chars().any(is_cjk)).collect();
            assert!(cjk.is_empty(), "{name}: wording belongs in the catalog: {cjk:?}");
        }
    }
}
