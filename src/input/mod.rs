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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Pos};
use crate::model::{Group, Locate, Origin, Workshop, WorkshopFile};

/// Largest workshop or group file we read.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The result of loading: the model if it could be built, every diagnostic, and the parsed
/// documents (for positions in later checks).
#[derive(Debug)]
pub struct Loaded {
    /// The workshop, when there were no structural errors.
    pub workshop: Option<Workshop>,
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
}

impl Locate for Loaded {
    fn pos(&self, file: usize, path: &str) -> Pos {
        Loaded::pos(self, file, path)
    }
}

/// Which files make up the workshop at `path`, the main file first.
pub fn workshop_files(path: &Path) -> Result<(PathBuf, Vec<PathBuf>), Box<Diagnostic>> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        Diagnostic::error(&shown, Pos { line: 1, col: 1 }, "", format!("cannot read: {e}"))
            .hint("give a workshop file (`.yaml`) or a folder holding `workshop.yaml`")
            .into_box()
    })?;
    if !meta.is_dir() {
        return Ok((path.to_path_buf(), Vec::new()));
    }
    let main = ["workshop.yaml", "workshop.yml"].iter().map(|n| path.join(n)).find(|p| p.is_file());
    let Some(main) = main else {
        return Err(Box::new(
            Diagnostic::error(
                &shown,
                Pos { line: 1, col: 1 },
                "",
                "the folder has no `workshop.yaml`",
            )
            .hint(
                "a workshop folder holds `workshop.yaml` plus one YAML file per group; \
                     `kano new DIR` makes one",
            ),
        ));
    };
    let entries = std::fs::read_dir(path).map_err(|e| {
        Box::new(Diagnostic::error(
            &shown,
            Pos { line: 1, col: 1 },
            "",
            format!("cannot list: {e}"),
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
        .map_err(|e| Box::new(Diagnostic::error(shown, start, "", format!("cannot read: {e}"))))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Box::new(
            Diagnostic::error(
                shown,
                start,
                "",
                format!("the file is {size} bytes; a workshop file is at most {MAX_FILE_BYTES}"),
            )
            .hint("put survey answers in a CSV file and refer to it by path"),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Box::new(Diagnostic::error(shown, start, "", format!("cannot read: {e}"))))?;
    yaml::decode(&bytes, shown)
}

/// Read, parse and deserialise one file into `T`, collecting diagnostics.
fn load_one<T: serde::de::DeserializeOwned>(
    path: &Path,
    loaded: &mut Loaded,
) -> (Option<T>, Option<yaml::Document>) {
    let shown = path.display().to_string();
    let text = match read(path, &shown) {
        Ok(t) => t,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return (None, None);
        }
    };
    loaded.sources.insert(shown.clone(), text);
    let text = &loaded.sources[&shown];
    let mut doc = match yaml::parse(text, &shown, "") {
        Ok(d) => d,
        Err(d) => {
            loaded.diagnostics.push(*d);
            return (None, None);
        }
    };
    yaml::finish(&mut doc, &shown, "");
    loaded.diagnostics.append(&mut doc.diagnostics);
    let (value, diags) = de::from_document::<T>(&doc, &shown);
    loaded.diagnostics.extend(diags);
    (value, Some(doc))
}

/// Load a workshop file or folder. I/O problems and malformed YAML become diagnostics.
pub fn load(path: &Path) -> Loaded {
    let mut loaded = Loaded {
        workshop: None,
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
    let (data, doc) = load_one::<WorkshopFile>(&main, &mut loaded);
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
    let mut all_ok = data.is_some();
    for gf in &group_files {
        let (group, doc) = load_one::<Group>(gf, &mut loaded);
        let index = files.len();
        files.push(gf.display().to_string());
        loaded.docs.push(doc.unwrap_or_else(empty_doc));
        match group {
            Some(g) => extra.push((g, Origin { file: index, prefix: String::new() })),
            None => all_ok = false,
        }
    }
    if let (Some(mut data), true) = (data, all_ok) {
        let mut origins: Vec<Origin> = (0..data.groups.len())
            .map(|i| Origin { file: 0, prefix: format!("groups[{i}]") })
            .collect();
        for (g, o) in extra {
            data.groups.push(g);
            origins.push(o);
        }
        let base_dir = main.parent().map(Path::to_path_buf).unwrap_or_default();
        let slug = slug_of(path);
        loaded.workshop = Some(Workshop { data, origins, files, base_dir, slug });
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
