//! Stage 1: files → typed model, with every problem reported as a [`Diagnostic`].
//!
//! A workshop is one YAML file, or a folder holding `workshop.yaml` plus one file per group
//! (any other `*.yaml` / `*.yml` in the folder, in name order), so that groups can type their
//! outputs in parallel. This module does the file I/O; [`yaml`] and [`de`] turn text into
//! structs; [`responses`] and [`survey`] read the answer files.
//!
//! Input: paths. Output: [`Loaded`] (the model when it deserialised, every diagnostic, the
//! sources and the documents' positions, which it offers as a [`Locate`]), the answers of
//! the model, survey records. It imports only the model and the leaves: it runs no semantic
//! check (the pipeline chains those) and computes no figure.

pub mod de;
pub mod responses;
pub mod survey;
pub mod yaml;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Msg, Pos};
use crate::model::{Group, Language, Locate, Origin, Workshop, WorkshopFile};

/// Largest workshop or group file we read.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The result of loading: the model if it could be built, every diagnostic, and the parsed
/// documents (for positions in later checks).
#[derive(Debug)]
pub struct Loaded {
    /// The workshop, when there were no structural errors.
    pub workshop: Option<Workshop>,
    /// The workshop as far as it could be read when it has structural errors: wrong or
    /// missing values replaced by placeholders (their paths are in `invalid`). Enough for
    /// the semantic checks, which skip what depends on a placeholder; never for output.
    pub partial: Option<Workshop>,
    /// Per source file (index-aligned with `docs`), the paths that hold a placeholder.
    pub invalid: Vec<BTreeSet<String>>,
    /// The workshop's `language`, read leniently from the main file even when the file has
    /// errors; `None` when the file could not be parsed or does not say (the model's
    /// default then applies, if the file is a workshop at all).
    pub language: Option<Language>,
    /// Whether the main file parsed as YAML (so that its default language applies).
    pub parsed: bool,
    /// Problems found so far.
    pub diagnostics: Vec<Diagnostic>,
    /// File name → text, for snippets.
    pub sources: BTreeMap<String, String>,
    /// Parsed documents, index-aligned with [`Workshop::files`].
    pub docs: Vec<yaml::Document>,
}

impl Loaded {
    /// Position of `path` inside source file `file` (an index into the workshop's files).
    pub fn pos(&self, file: usize, path: &str) -> Pos {
        self.docs.get(file).map_or(Pos { line: 1, col: 1 }, |d| d.pos_of(path))
    }

    /// The language the workshop's readers read: its `language`, the model's default when
    /// the main file parsed but does not say, `None` when it could not be read.
    pub fn reader_language(&self) -> Option<Language> {
        match (&self.workshop, self.language) {
            (Some(ws), _) => Some(ws.data.workshop.language),
            (None, Some(l)) => Some(l),
            (None, None) if self.parsed => Some(Language::ZhCn),
            (None, None) => None,
        }
    }
}

impl Locate for Loaded {
    fn pos(&self, file: usize, path: &str) -> Pos {
        Loaded::pos(self, file, path)
    }

    fn invalid(&self, file: usize, path: &str) -> bool {
        self.invalid.get(file).is_some_and(|set| set.iter().any(|p| is_within(path, p)))
    }
}

/// Whether `path` is `outer` or inside it.
fn is_within(path: &str, outer: &str) -> bool {
    outer.is_empty()
        || path == outer
        || (path.starts_with(outer) && path[outer.len()..].starts_with(['.', '[']))
}

/// The language a `language: …` line of unparsable text names, if any.
fn language_line(text: &str) -> Option<Language> {
    text.lines().find_map(|line| {
        let value = line.trim_start().strip_prefix("language:")?;
        let value = value.split(" #").next().unwrap_or_default().trim();
        Language::parse(value.trim_matches(['"', '\'']))
    })
}

/// The `workshop.language` of a parsed main file, if it names a language.
fn lenient_language(doc: &yaml::Document) -> Option<Language> {
    let find = |n: &'_ yaml::Node, key: &str| match &n.kind {
        yaml::NodeKind::Map(entries) => {
            entries.iter().find(|(k, _)| k.as_str() == Some(key)).map(|(_, v)| v.clone())
        }
        _ => None,
    };
    let meta = find(&doc.root, "workshop")?;
    let lang = find(&meta, "language")?;
    lang.as_str().and_then(Language::parse)
}

/// Which files make up the workshop at `path`, the main file first.
pub fn workshop_files(path: &Path) -> Result<(PathBuf, Vec<PathBuf>), Box<Diagnostic>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(
            &shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("cannot_read").text("error", e),
        )
        .hint(Msg::new("cannot_read_hint"))
        .into_box()
    })?;
    if !meta.is_dir() {
        return Ok((path.to_path_buf(), Vec::new()));
    }
    let main = ["workshop.yaml", "workshop.yml"].iter().map(|n| path.join(n)).find(|p| p.is_file());
    let Some(main) = main else {
        return Err(Box::new(
            Diagnostic::error(&shown, Pos { line: 1, col: 1 }, "", Msg::new("no_workshop_yaml"))
                .hint(Msg::new("no_workshop_yaml_hint")),
        ));
    };
    let entries = std::fs::read_dir(path).map_err(|e| {
        Box::new(Diagnostic::error(
            &shown,
            Pos { line: 1, col: 1 },
            "",
            Msg::new("cannot_list").text("error", e),
        ))
    })?;
    let mut groups: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p != &main
                && p.extension().is_some_and(|x| x == "yaml" || x == "yml")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    groups.sort();
    Ok((main, groups))
}

fn read(path: &Path, shown: &str) -> Result<String, Box<Diagnostic>> {
    let start = Pos { line: 1, col: 1 };
    let size = std::fs::metadata(path)
        .map_err(|e| {
            Box::new(Diagnostic::error(shown, start, "", Msg::new("cannot_read").text("error", e)))
        })?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                shown,
                start,
                "",
                Msg::new("file_too_large").text("size", size).text("max", MAX_FILE_BYTES),
            )
            .hint(Msg::new("file_too_large_hint")),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Box::new(Diagnostic::error(shown, start, "", Msg::new("cannot_read").text("error", e)))
    })?;
    yaml::decode(&bytes, shown)
}

/// One file read: its value (placeholders included), whether it had structural errors,
/// its document and the paths of its placeholders.
struct One<T> {
    value: Option<T>,
    clean: bool,
    doc: Option<yaml::Document>,
    invalid: BTreeSet<String>,
}

/// Read, parse and deserialise one file into `T`, collecting diagnostics.
fn load_one<T: serde::de::DeserializeOwned>(path: &Path, loaded: &mut Loaded) -> One<T> {
    let none = || One { value: None, clean: false, doc: None, invalid: BTreeSet::new() };
    let shown = path.display().to_string();
    let text = match read(path, &shown) {
        Ok(t) => t,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return none();
        }
    };
    loaded.sources.insert(shown.clone(), text);
    let text = &loaded.sources[&shown];
    let mut doc = match yaml::parse(text, &shown, "") {
        Ok(d) => d,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return none();
        }
    };
    yaml::finish(&mut doc, &shown, "");
    let mut clean = doc.diagnostics.iter().all(|d| !d.is_error());
    loaded.diagnostics.append(&mut doc.diagnostics);
    let parsed = de::from_document::<T>(&doc, &shown);
    clean &= parsed.diagnostics.iter().all(|d| !d.is_error());
    loaded.diagnostics.extend(parsed.diagnostics);
    One { value: parsed.value, clean, doc: Some(doc), invalid: parsed.invalid }
}

/// Load a workshop file or folder. I/O problems and malformed YAML become diagnostics.
pub fn load(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        workshop: None,
        partial: None,
        invalid: Vec::new(),
        language: None,
        parsed: false,
        diagnostics: Vec::new(),
        sources: BTreeMap::new(),
        docs: Vec::new(),
    };
    let (main, group_files) = match workshop_files(path) {
        Ok(f) => f,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return loaded;
        }
    };
    let one = load_one::<WorkshopFile>(&main, &mut loaded);
    loaded.parsed = one.doc.is_some();
    loaded.language = match &one.doc {
        Some(doc) => lenient_language(doc),
        // not YAML we can read: a `language:` line may still say
        None => loaded.sources.get(&main.display().to_string()).and_then(|t| language_line(t)),
    };
    loaded.invalid.push(one.invalid);
    let (data, doc) = (one.value, one.doc);
    let mut all_ok = one.clean;
    let mut files = vec![main.display().to_string()];
    let empty_doc = || yaml::Document {
        root: yaml::Node {
            id: 0,
            pos: Pos { line: 1, col: 1 },
            path: String::new(),
            kind: yaml::NodeKind::Null,
        },
        index: Default::default(),
        diagnostics: Vec::new(),
    };
    loaded.docs.push(doc.unwrap_or_else(empty_doc));
    let mut extra: Vec<(Group, Origin)> = Vec::new();
    for gf in &group_files {
        let one = load_one::<Group>(gf, &mut loaded);
        let index = files.len();
        files.push(gf.display().to_string());
        loaded.docs.push(one.doc.unwrap_or_else(empty_doc));
        loaded.invalid.push(one.invalid);
        all_ok &= one.clean;
        // a file that is no group at all stands as a group of placeholders, so that
        // references to it are not reported as well
        let group = one.value.or_else(|| {
            loaded.invalid[index].insert(String::new());
            de::placeholder::<Group>()
        });
        if let Some(g) = group {
            extra.push((g, Origin { file: index, prefix: String::new() }));
        }
    }
    if let Some(mut data) = data {
        let mut origins: Vec<Origin> = (0..data.groups.len())
            .map(|i| Origin { file: 0, prefix: format!("groups[{i}]") })
            .collect();
        for (g, o) in extra {
            data.groups.push(g);
            origins.push(o);
        }
        let base_dir = main.parent().map(Path::to_path_buf).unwrap_or_default();
        let slug = slug_of(path);
        let ws = Workshop { data, origins, files, base_dir, slug };
        if all_ok {
            loaded.workshop = Some(ws);
        } else {
            loaded.partial = Some(ws);
        }
    }
    loaded
}

/// A file-name-safe short name from the workshop's file or folder name.
fn slug_of(path: &Path) -> String {
    let stem = if path.is_dir() {
        path.canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
    } else {
        path.file_stem().map(|n| n.to_string_lossy().into_owned())
    };
    let stem = stem.unwrap_or_else(|| "workshop".into());
    let s: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '-' })
        .collect();
    if s.trim_matches('-').is_empty() { "workshop".into() } else { s }
}

/// Why a template folder could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TemplateDirError {
    /// The folder or a file in it could not be read.
    #[error("cannot read templates from {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A template is not UTF-8.
    #[error("template {0} is not UTF-8 text")]
    NotUtf8(PathBuf),
    /// The folder holds no `.md` file.
    #[error("{0} holds no .md template")]
    Empty(PathBuf),
}

/// The `.md` templates of a folder, as (file name, text), sorted by name.
pub fn read_templates(dir: &Path) -> Result<Vec<(String, String)>, TemplateDirError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TemplateDirError::Io { path, source }
    };
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io(dir))? {
        let path = entry.map_err(io(dir))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        if !name.ends_with(".md") || !path.is_file() {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(io(&path))?;
        let text = String::from_utf8(bytes).map_err(|_| TemplateDirError::NotUtf8(path.clone()))?;
        let text = text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text);
        out.push((name.to_owned(), text));
    }
    if out.is_empty() {
        return Err(TemplateDirError::Empty(dir.to_path_buf()));
    }
    out.sort();
    Ok(out)
}
