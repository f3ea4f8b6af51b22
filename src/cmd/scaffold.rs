//! `kano new DIR`: a new workshop folder made from a shipped example, with the JSON
//! Schemas beside it so that editors complete and check the files from the first keystroke.
//! The folder appears whole or not at all: it is assembled in a temporary folder next to
//! the target and renamed into place.

use std::path::{Path, PathBuf};

use crate::cli::{NewLang, SchemaPart};
use crate::cmd::schema;

/// One file of an example: its name in the new folder and its contents.
type ExampleFile = (&'static str, &'static [u8]);

const ZH_BANK: &[ExampleFile] = &[
    ("workshop.yaml", include_bytes!("../../workshops/zh-bank/workshop.yaml")),
    ("g1.yaml", include_bytes!("../../workshops/zh-bank/g1.yaml")),
    ("g2.yaml", include_bytes!("../../workshops/zh-bank/g2.yaml")),
    ("g3.yaml", include_bytes!("../../workshops/zh-bank/g3.yaml")),
    ("g4.yaml", include_bytes!("../../workshops/zh-bank/g4.yaml")),
    ("g5.yaml", include_bytes!("../../workshops/zh-bank/g5.yaml")),
    ("g6.yaml", include_bytes!("../../workshops/zh-bank/g6.yaml")),
    ("kano-survey.csv", include_bytes!("../../workshops/zh-bank/kano-survey.csv")),
    ("servqual-responses.csv", include_bytes!("../../workshops/zh-bank/servqual-responses.csv")),
    ("g5-nps-sms.csv", include_bytes!("../../workshops/zh-bank/g5-nps-sms.csv")),
];

const EN_HOTEL: &[ExampleFile] = &[
    ("workshop.yaml", include_bytes!("../../workshops/en-hotel.yaml")),
    ("en-hotel-kano.csv", include_bytes!("../../workshops/en-hotel-kano.csv")),
];

/// Where the schemas go inside the new folder.
const SCHEMA_DIR: &str = "schema";

/// Why a folder could not be made.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The target exists and holds files.
    #[error("{0} already exists and is not empty")]
    NotEmpty(PathBuf),
    /// The target exists and is a file.
    #[error("{0} exists and is not a folder")]
    NotAFolder(PathBuf),
    /// A file-system operation failed.
    #[error("cannot create {path}: {source}")]
    Io {
        /// What was being written.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

impl NewError {
    /// What went wrong, as a keyed message (`check.cmd.<key>` of the wording catalog).
    pub fn message(&self) -> crate::diag::Msg {
        use crate::diag::Msg;
        match self {
            Self::NotEmpty(p) => Msg::new("cmd.new_not_empty").text("path", p.display()),
            Self::NotAFolder(p) => Msg::new("cmd.new_not_a_folder").text("path", p.display()),
            Self::Io { path, source } => {
                Msg::new("cmd.new_cannot_create").text("path", path.display()).text("error", source)
            }
        }
    }

    /// What the user can do about it, as a keyed message.
    pub fn hint(&self) -> crate::diag::Msg {
        use crate::diag::Msg;
        match self {
            Self::NotEmpty(_) | Self::NotAFolder(_) => Msg::new("cmd.new_folder_hint"),
            Self::Io { .. } => Msg::new("cmd.new_io_hint"),
        }
    }
}

/// Where each example lives in the repository, as its comments name it.
const ZH_BANK_PATH: &str = "workshops/zh-bank";
const EN_HOTEL_PATH: &str = "workshops/en-hotel.yaml";

/// The files of a new workshop folder `dir` (as the user named it) in `lang`: (relative
/// path, contents). Comments that name the example's own path name `dir` instead.
pub fn files(lang: NewLang, dir: &str) -> Vec<(String, Vec<u8>)> {
    let (example, path) = match lang {
        NewLang::ZhCn => (ZH_BANK, ZH_BANK_PATH),
        NewLang::En => (EN_HOTEL, EN_HOTEL_PATH),
    };
    let mut out: Vec<(String, Vec<u8>)> = example
        .iter()
        .map(|(name, bytes)| ((*name).to_owned(), relocate(&point_schema_here(bytes), path, dir)))
        .collect();
    for part in [SchemaPart::Workshop, SchemaPart::Group] {
        out.push((
            format!("{SCHEMA_DIR}/{}", schema::file_name(part)),
            schema::schema_json(part).into_bytes(),
        ));
    }
    out
}

/// Rewrite the `# yaml-language-server: $schema=…/X.schema.json` line of an example file so
/// that it points at the copy in the new folder's `schema/`.
fn point_schema_here(bytes: &[u8]) -> Vec<u8> {
    const MARK: &str = "# yaml-language-server: $schema=";
    let Ok(text) = std::str::from_utf8(bytes) else { return bytes.to_vec() };
    let Some(first) = text.lines().next().filter(|l| l.starts_with(MARK)) else {
        return bytes.to_vec();
    };
    let target = &first[MARK.len()..];
    let file = target.rsplit('/').next().unwrap_or(target);
    format!("{MARK}{SCHEMA_DIR}/{file}{}", &text[first.len()..]).into_bytes()
}

/// The text of an example file with its example's path replaced by the new folder's.
fn relocate(bytes: &[u8], example: &str, dir: &str) -> Vec<u8> {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.contains(example) => text.replace(example, dir).into_bytes(),
        _ => bytes.to_vec(),
    }
}

/// Create `dir` holding the example in `lang`. Returns the files written, relative to `dir`.
pub fn create(dir: &Path, lang: NewLang) -> Result<Vec<String>, NewError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| NewError::Io { path, source }
    };
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => return Err(NewError::NotAFolder(dir.to_path_buf())),
        Ok(_) => {
            if std::fs::read_dir(dir).map_err(io(dir))?.next().is_some() {
                return Err(NewError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(_) => {}
    }
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let tmp =
        tempfile::Builder::new().prefix(".kano-new-").tempdir_in(parent).map_err(io(parent))?;
    let files = files(lang, &dir.display().to_string());
    for (name, bytes) in &files {
        let path = tmp.path().join(name);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p).map_err(io(p))?;
        }
        std::fs::write(&path, bytes).map_err(io(&path))?;
    }
    if dir.is_dir() {
        // empty, checked above
        std::fs::remove_dir(dir).map_err(io(dir))?;
    }
    let kept = tmp.keep();
    if let Err(e) = std::fs::rename(&kept, dir) {
        let _ = std::fs::remove_dir_all(&kept);
        return Err(NewError::Io { path: dir.to_path_buf(), source: e });
    }
    Ok(files.into_iter().map(|(n, _)| n).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_comment_points_into_the_new_folder() {
        let got = point_schema_here(
            b"# yaml-language-server: $schema=../schema/group.schema.json\nx: 1\n",
        );
        assert_eq!(got, b"# yaml-language-server: $schema=schema/group.schema.json\nx: 1\n");
        assert_eq!(point_schema_here(b"x: 1\n"), b"x: 1\n");
    }

    #[test]
    fn every_example_file_starts_with_the_schema_comment() {
        for lang in [NewLang::ZhCn, NewLang::En] {
            for (name, bytes) in files(lang, "x") {
                if name.ends_with(".yaml") {
                    let text = String::from_utf8(bytes).unwrap();
                    assert!(
                        text.starts_with("# yaml-language-server: $schema=schema/"),
                        "{name}: {}",
                        text.lines().next().unwrap_or("")
                    );
                }
            }
        }
    }

    /// The new folder's files name the new folder, never where the example lives.
    #[test]
    fn comments_name_the_new_folder() {
        for lang in [NewLang::ZhCn, NewLang::En] {
            let files = files(lang, "my-workshop");
            for (name, bytes) in &files {
                let text = String::from_utf8_lossy(bytes);
                for example in [ZH_BANK_PATH, EN_HOTEL_PATH, "workshops/", "zh-bank"] {
                    assert!(!text.contains(example), "{name} names `{example}`");
                }
            }
            let main = files.iter().find(|(n, _)| n == "workshop.yaml").map(|(_, b)| b);
            let main = String::from_utf8_lossy(main.unwrap());
            assert!(main.contains("kano check my-workshop"), "{main}");
        }
    }
}
