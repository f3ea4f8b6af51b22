//! The wording catalog: every fixed word `kano` prints, one YAML file per language under
//! `templates/lang/` (`zh-CN.yaml`, `zh-TW.yaml`, `en.yaml`), embedded at build time.
//!
//! Input: a language key and a dotted key (`chart.better`) or a section name (`chart`).
//! Output: the text, or a section deserialised into a typed struct of the caller's
//! (so a missing key is a deserialisation error the tests catch, not a blank in a report).
//! A leaf module: it imports nothing of the crate, does no I/O beyond the embedded files,
//! and never panics — a catalog that does not parse reads as empty (and fails the tests).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::Value;

/// The catalog languages, by key, in the order the files are listed.
pub const LANGUAGES: [&str; 3] = ["zh-CN", "zh-TW", "en"];

/// The embedded catalog files, index-aligned with [`LANGUAGES`].
const SOURCES: [&str; 3] = [
    include_str!("../templates/lang/zh-CN.yaml"),
    include_str!("../templates/lang/zh-TW.yaml"),
    include_str!("../templates/lang/en.yaml"),
];

/// Why a catalog or a section of it cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The file is not valid YAML.
    #[error("the {lang} wording catalog is not valid YAML: {message}")]
    Syntax {
        /// Language key.
        lang: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The section is absent.
    #[error("the {lang} wording catalog has no section `{section}`")]
    NoSection {
        /// Language key.
        lang: &'static str,
        /// Section name.
        section: String,
    },
    /// The section does not have the keys (or the shapes) the caller expects.
    #[error("section `{section}` of the {lang} wording catalog does not fit: {source}")]
    Shape {
        /// Language key.
        lang: &'static str,
        /// Section name.
        section: String,
        /// Which key is missing or mistyped.
        #[source]
        source: serde_json::Error,
    },
}

/// One language's catalog.
#[derive(Debug)]
pub struct Catalog {
    lang: &'static str,
    tree: Value,
    flat: BTreeMap<String, String>,
}

impl Catalog {
    fn parse(lang: &'static str, text: &str) -> Result<Catalog, CatalogError> {
        let tree: Value = serde_saphyr::from_str(text)
            .map_err(|e| CatalogError::Syntax { lang, message: e.to_string() })?;
        let mut flat = BTreeMap::new();
        flatten("", &tree, &mut flat);
        Ok(Catalog { lang, tree, flat })
    }

    /// The language key of this catalog.
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The text at a dotted key (`chart.better`); the key itself when it is missing (the
    /// tests guarantee no key the code uses is missing).
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.flat.get(key).map_or(key, String::as_str)
    }

    /// Whether the dotted key exists.
    pub fn has(&self, key: &str) -> bool {
        self.flat.contains_key(key)
    }

    /// Every dotted key with its text, sorted by key.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.flat
    }

    /// The section (a dotted path to a mapping) as a tree, for templates.
    pub fn tree(&self, section: &str) -> Option<&Value> {
        section.split('.').filter(|s| !s.is_empty()).try_fold(&self.tree, |v, k| v.get(k))
    }

    /// The section deserialised into `T`: a struct whose fields are the section's keys.
    /// `T` may own its text or borrow it (`&'static str` fields) from the embedded catalog.
    pub fn section<T: Deserialize<'static>>(
        &'static self,
        section: &str,
    ) -> Result<T, CatalogError> {
        let lang = self.lang;
        let tree = self
            .tree(section)
            .ok_or_else(|| CatalogError::NoSection { lang, section: section.to_owned() })?;
        T::deserialize(tree).map_err(|source| CatalogError::Shape {
            lang,
            section: section.to_owned(),
            source,
        })
    }
}

fn flatten(prefix: &str, v: &Value, out: &mut BTreeMap<String, String>) {
    let join = |k: &str| if prefix.is_empty() { k.to_owned() } else { format!("{prefix}.{k}") };
    match v {
        Value::Object(m) => {
            for (k, v) in m {
                flatten(&join(k), v, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                flatten(&join(&i.to_string()), v, out);
            }
        }
        Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        Value::Null => {}
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The catalog of a language key (`zh-CN`, `zh-TW`, `en`; case-insensitive); English for
/// any other key. Each language is parsed once per process, the first time it is asked
/// for; one that does not parse reads as empty (and fails the tests).
pub fn catalog(lang: &str) -> &'static Catalog {
    static ALL: [OnceLock<Catalog>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = LANGUAGES.iter().position(|l| l.eq_ignore_ascii_case(lang)).unwrap_or(2).min(2);
    ALL[i].get_or_init(|| {
        Catalog::parse(LANGUAGES[i], SOURCES[i]).unwrap_or(Catalog {
            lang: LANGUAGES[i],
            tree: Value::Null,
            flat: BTreeMap::new(),
        })
    })
}

/// Shorthand for `catalog(lang).text(key)`.
pub fn text(lang: &str, key: &'static str) -> &'static str {
    catalog(lang).text(key)
}

/// Wording read from a catalog once per process for each language, the first time that
/// language is asked for: a `static` of this type caches a section deserialised
/// ([`PerLanguage::new`]; `T::default()`, empty wording, for a section that does not fit —
/// the tests of each section make sure it does) or whatever a function builds from the
/// language's catalog ([`PerLanguage::with`]).
#[derive(Debug)]
pub struct PerLanguage<T> {
    section: &'static str,
    make: Option<fn(&'static Catalog) -> T>,
    cache: [OnceLock<T>; 3],
}

impl<T: Deserialize<'static> + Default> PerLanguage<T> {
    /// The section at this dotted path (`terminal`, `common.kano_category`).
    pub const fn new(section: &'static str) -> Self {
        PerLanguage {
            section,
            make: None,
            cache: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
        }
    }

    /// What `make` builds from a language's catalog (wording from several sections).
    pub const fn with(make: fn(&'static Catalog) -> T) -> Self {
        PerLanguage {
            section: "",
            make: Some(make),
            cache: [OnceLock::new(), OnceLock::new(), OnceLock::new()],
        }
    }

    /// The wording in the language of this key (English for an unknown key).
    pub fn get(&'static self, lang: &str) -> &'static T {
        let i = LANGUAGES.iter().position(|l| l.eq_ignore_ascii_case(lang)).unwrap_or(2).min(2);
        self.cache[i].get_or_init(|| {
            let catalog = catalog(LANGUAGES[i]);
            match self.make {
                Some(make) => make(catalog),
                None => catalog.section(self.section).unwrap_or_default(),
            }
        })
    }

    /// Deserialise the section in every language: the first error, if any (nothing to
    /// check for [`PerLanguage::with`]).
    pub fn check(&'static self) -> Result<(), CatalogError> {
        if self.make.is_some() {
            return Ok(());
        }
        LANGUAGES.iter().try_for_each(|l| catalog(l).section::<T>(self.section).map(|_| ()))
    }
}

/// `template` with each `{name}` replaced by its value; unknown placeholders stay as they
/// are. Catalog texts with blanks to fill use this, so that word order stays the
/// translator's.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter().find(|(k, _)| *k == name).map(|(_, v)| (close, *v))
        });
        match value {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Check that every embedded catalog parses: the errors, one per broken file.
pub fn validate() -> Vec<CatalogError> {
    LANGUAGES.iter().zip(SOURCES).filter_map(|(l, s)| Catalog::parse(l, s).err()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalog_parses() {
        let errors = validate();
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn every_key_exists_in_every_language() {
        let keys = |l: &str| catalog(l).entries().keys().cloned().collect::<Vec<_>>();
        let reference = keys("en");
        assert!(!reference.is_empty());
        for l in LANGUAGES {
            let these = keys(l);
            let missing: Vec<_> = reference.iter().filter(|k| !these.contains(k)).collect();
            let extra: Vec<_> = these.iter().filter(|k| !reference.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{l}: missing {missing:?}, extra {extra:?}"
            );
        }
    }

    #[test]
    fn no_text_is_empty() {
        for l in LANGUAGES {
            for (k, v) in catalog(l).entries() {
                assert!(!v.is_empty(), "{l}: `{k}` is empty");
            }
        }
    }

    #[test]
    fn sections_deserialise_into_structs() {
        #[derive(serde::Deserialize, Default)]
        struct Common {
            language_name: String,
        }
        let c: Common =
            catalog("zh-TW").section("common").unwrap_or(Common { language_name: String::new() });
        assert_eq!(c.language_name, "繁體中文");
        assert!(catalog("en").section::<Common>("nothing").is_err());
        assert_eq!(catalog("xx").lang(), "en");
        assert_eq!(text("zh-CN", "common.language_name"), "简体中文");
        assert_eq!(text("zh-CN", "no.such.key"), "no.such.key");
        static COMMON: PerLanguage<Common> = PerLanguage::new("common");
        assert!(COMMON.check().is_ok());
        assert_eq!(COMMON.get("en").language_name, "English");
        assert_eq!(COMMON.get("zh-tw").language_name, "繁體中文");
        static NAME: PerLanguage<String> =
            PerLanguage::with(|c| c.text("common.language_name").to_owned());
        assert_eq!(NAME.get("en"), "English");
        assert!(NAME.check().is_ok());
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("{n} 位受访者，{m} 项", &[("n", "80"), ("m", "16")]), "80 位受访者，16 项");
        assert_eq!(fill("{x} and {unknown} {", &[("x", "1")]), "1 and {unknown} {");
    }
}
