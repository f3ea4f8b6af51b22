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

/// The string and char literals of Rust source outside `#[cfg(test)]` items
/// (comments skipped).
fn literals(src: &str) -> Vec<String> {
    let s: Vec<char> = src.chars().collect();
    let (mut i, mut out) = (0, Vec::new());
    let mut depth = 0usize; // brace depth
    let mut skip_from: Option<usize> = None; // depth at which a test module opened
    let mut test_attr = false;
    let starts = |i: usize, p: &str| s[i..].iter().take(p.chars().count()).copied().eq(p.chars());
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

/// Where printed wording could hide: every module but the readers. `input`, `model` and
/// `pipeline` hold the input vocabularies — accepted spellings of enum values, questionnaire
/// wordings, header conventions; they are read, not printed as report text.
const PRINTING: &[&str] =
    &["analysis", "view", "chart", "render", "cmd", "cli", "lib", "diag", "format", "i18n", "text"];

/// Files of the readers whose diagnostics are keyed messages worded by the catalog's `check`
/// section: no wording of their own either.
const KEYED: &[&str] = &[
    "input/yaml.rs",
    "input/de.rs",
    "input/mod.rs",
    "input/survey/error.rs",
    "model/check.rs",
    "model/date.rs",
    "pipeline/mod.rs",
    "pipeline/classify.rs",
];

/// Files of printing modules that hold an input vocabulary all the same: the wordings of
/// the Kano questionnaire's five answers, which classification recognises.
const VOCABULARY: &[&str] = &["analysis/kano/answer.rs"];

/// Literals of the JSON contract that name a method by its Chinese name beside the English
/// one (they identify the variant; they are not report text).
const CONTRACT_LABELS: &[&str] = &["three-degree evaluation (方案3度评价)"];

/// Typesetting rules name CJK punctuation (brackets that may not end a line, the full-width
/// colon of a label): a literal made of punctuation only is not wording.
fn punctuation_only(l: &str) -> bool {
    l.chars().all(|c| matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65) || c.is_ascii_punctuation() || c == ' ')
}

#[test]
fn the_lexer_finds_literals_and_skips_comments_and_tests() {
    let src = "// \"注释\"\nfn a() { let s = \"中\"; let r = r#\"文\"#; let c = '、'; let l: &'static str = \"x\"; }\n/* \"块\" */\n#[cfg(test)]\nmod tests { fn t() { \"测试\"; } }\nfn b() { \"after\"; }\n";
    assert_eq!(literals(src), ["中", "文", "、", "x", "after"]);
}

#[test]
fn printed_wording_lives_in_the_catalog() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    let mut seen = 0;
    for file in &files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = module_of(Path::new(&rel));
        if rel.ends_with("tests.rs")
            || !(PRINTING.contains(&module.as_str()) || KEYED.contains(&rel.as_str()))
            || VOCABULARY.contains(&rel.as_str())
        {
            continue;
        }
        let lits = literals(&std::fs::read_to_string(file).unwrap());
        seen += lits.len();
        for l in lits.iter().filter(|l| {
            l.chars().any(is_cjk)
                && !punctuation_only(l)
                && !CONTRACT_LABELS.iter().any(|c| l.starts_with(c))
        }) {
            found.push(format!("src/{rel}: {l:?}"));
        }
    }
    assert!(seen > 300, "the lexer found only {seen} literals in src/");
    assert!(found.is_empty(), "wording belongs in templates/lang/*.yaml:\n{}", found.join("\n"));
}
