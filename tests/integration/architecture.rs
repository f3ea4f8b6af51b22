//! The pipeline's arrows, checked: every `crate::…` path in a module's (non-test) code
//! names a module that module may import. ARCHITECTURE.md draws the same table; when a
//! rule here changes, change the picture there.
//!
//! The check reads the source as text. A file's module is its first path component under
//! `src/` (`src/render/pdf/layout.rs` is in `render`); code after the first
//! `#[cfg(test)]` line of a file, and files named `tests.rs`, are test code and may reach
//! anything (example workshops are loaded through `pipeline`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::root;

/// The leaf modules: they import no other module of the crate.
const LEAVES: &[&str] = &["diag", "format", "i18n", "text"];

/// Paths only some modules may use, although their module is allowed: semantic validation
/// (`model::check`) runs in the pipeline, never inside analysis or rendering.
const GUARDED: &[(&str, &[&str])] = &[("model::check", &["model", "pipeline", "cmd"])];

/// Module → the modules it may import besides the leaves. Leaves may import nothing.
/// `lib` is src/lib.rs and src/main.rs.
fn allowed() -> BTreeMap<&'static str, Vec<&'static str>> {
    let mut m: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for leaf in LEAVES {
        m.insert(leaf, Vec::new());
    }
    m.insert("model", vec![]);
    m.insert("input", vec!["model"]);
    m.insert("analysis", vec!["model"]);
    m.insert("pipeline", vec!["model", "input", "analysis"]);
    m.insert("view", vec!["model", "analysis"]);
    m.insert("chart", vec!["model", "analysis", "view"]);
    m.insert("render", vec!["model", "analysis", "view", "chart"]);
    m.insert("cli", vec!["model", "analysis", "view", "chart", "render"]);
    m.insert(
        "cmd",
        vec!["model", "input", "analysis", "pipeline", "view", "chart", "render", "cli"],
    );
    m.insert("lib", vec!["cli", "cmd"]);
    m
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The module a source file belongs to.
fn module_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    match first.strip_suffix(".rs") {
        Some("lib" | "main") => "lib".to_owned(),
        Some(m) => m.to_owned(),
        None => first,
    }
}

/// The code of a file that is not test code, with comments removed.
fn non_test_code(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        let code = line.split("//").next().unwrap_or("");
        out.push((i + 1, code.to_owned()));
    }
    out
}

/// Every `crate::NAME` in a line of code, and every `NAME` inside `crate::{…}` lists.
fn crate_paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(list) = after.strip_prefix('{') {
            let end = list.find('}').unwrap_or(list.len());
            for item in list[..end].split(',') {
                let name: String =
                    item.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.push(name);
                }
            }
        } else {
            let name: String =
                after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if !name.is_empty() {
                found.push(name);
            }
        }
        rest = after;
    }
    found
}

#[test]
fn modules_import_only_along_the_arrows() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let rules = allowed();
    let mut wrong = Vec::new();
    let mut unknown = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap();
        if rel.file_name().is_some_and(|n| n == "tests.rs") {
            continue;
        }
        let module = module_of(rel);
        let Some(may) = rules.get(module.as_str()) else {
            unknown.push(rel.display().to_string());
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap();
        for (line, code) in non_test_code(&text) {
            for target in crate_paths(&code) {
                let leaf = LEAVES.contains(&target.as_str());
                let ok = target == module
                    || (leaf && !LEAVES.contains(&module.as_str()))
                    || may.contains(&target.as_str())
                    // constants and functions of the crate root
                    || target.chars().next().is_some_and(|c| c.is_uppercase())
                    || target == "run";
                let guarded = GUARDED.iter().find(|(path, _)| {
                    target == path.split("::").next().unwrap_or("")
                        && code.contains(&format!("crate::{path}"))
                });
                if let Some((path, who)) = guarded
                    && !who.contains(&module.as_str())
                {
                    wrong.push(format!("src/{}:{line}: `{module}` uses `{path}`", rel.display()));
                }
                if !ok {
                    wrong.push(format!(
                        "src/{}:{line}: `{module}` imports `{target}`",
                        rel.display()
                    ));
                }
            }
        }
    }
    assert!(unknown.is_empty(), "files of modules ARCHITECTURE.md does not place: {unknown:?}");
    assert!(
        wrong.is_empty(),
        "imports against the pipeline's arrows (see ARCHITECTURE.md):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_checker_sees_imports() {
    assert_eq!(crate_paths("use crate::view::charts;"), ["view"]);
    assert_eq!(crate_paths("use crate::{format::Num, model, i18n};"), ["format", "model", "i18n"]);
    assert_eq!(
        crate_paths("let x = crate::chart::draw(crate::EXIT_INVALID);"),
        ["chart", "EXIT_INVALID"]
    );
    assert_eq!(module_of(Path::new("render/pdf/layout.rs")), "render");
    assert_eq!(module_of(Path::new("lib.rs")), "lib");
    assert_eq!(module_of(Path::new("diag.rs")), "diag");
    let code = non_test_code("use crate::a;\n// crate::b\n#[cfg(test)]\nuse crate::c;\n");
    assert_eq!(code.len(), 1);
}
