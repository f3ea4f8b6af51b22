//! A Chinese report speaks Chinese: no page of the shipped examples rendered in zh-CN or
//! zh-TW may show an internal code (`item-level`, `csat-top2`, `two_stage`, `S_d`, an enum
//! key) or an English phrase, except names (an explicit list) and the workshop's own text,
//! which is printed as the facilitator typed it (en-hotel's is English).
//!
//! The text is read back from the PDF with lopdf, page by page; every text item of the
//! layout is one line there, so a table cell or a chart label is never run together with
//! its neighbour.

use std::collections::BTreeSet;

use crate::harness::{code, kano, root};

/// Words a Chinese page may show on their own (a word alone between Chinese text, in a
/// table cell or a chart label): method names and abbreviations, the authors the appendix
/// cites by surname alone, and units. Any other lone word must come from the workshop file.
/// (Words within an English stretch, as in a citation's title, are checked as phrases.)
const NAMES: &[&str] = &[
    "SERVQUAL",
    "KANO",
    "Kano",
    "NPS",
    "CSAT",
    "CES",
    "MOT",
    "IPA",
    "TARP",
    "PK",
    "MSA",
    "MSS",
    "Better",
    "Worse",
    "Fong",
    "Timko",
    "DuMouchel",
    "Hayes",
    "Reichheld",
    "Goodman",
    "AMACOM",
    "mm",
];

/// Marks a file name among the workshop's strings.
const FILE_NAME: &str = "\u{0}file:";

/// The workshop's own text: every string typed in its YAML files that is prose (has a space
/// or a non-ASCII character), a name (`GBP`, `Completeness`, `SP1`) or a file name. Single
/// lowercase ASCII tokens are left out on purpose: they are ids and the English keys of the
/// closed vocabularies (`tangibles`, `high-frequency`), exactly what must not reach a page.
fn typed_text(workshop: &str) -> Vec<String> {
    let path = root().join(workshop);
    let files: Vec<std::path::PathBuf> = if path.is_dir() {
        let mut v: Vec<_> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
            .collect();
        v.sort();
        v
    } else {
        vec![path]
    };
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) => {
                let file_name = s
                    .rsplit_once('.')
                    .is_some_and(|(_, ext)| matches!(ext, "csv" | "tsv" | "txt" | "yaml"));
                let name = s.starts_with(|c: char| c.is_ascii_uppercase());
                if s.contains(char::is_whitespace) || !s.is_ascii() || name {
                    out.push(s.clone());
                } else if file_name {
                    // a file name counts for its code-like tokens only (`kano-survey.csv`),
                    // not for its words (`g5-nps-sms.csv` must not excuse a bare `nps`)
                    out.push(format!("{FILE_NAME}{s}"));
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
        walk(&value, &mut out);
    }
    out
}

/// A piece of ASCII text cut into words (runs of letters), each with the text before it.
fn words(s: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    let mut prev_end = 0;
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((&s[prev_end..st], &s[st..i]));
                prev_end = i;
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The workshop's text as the scan compares it: each string's words joined by one space,
/// padded with spaces; and the set of its words and of its code-like tokens.
struct Typed {
    phrases: String,
    words: BTreeSet<String>,
    tokens: BTreeSet<String>,
}

impl Typed {
    fn new(strings: &[String]) -> Self {
        let mut phrases = String::new();
        let mut all_words = BTreeSet::new();
        let mut tokens = BTreeSet::new();
        for s in strings {
            if let Some(name) = s.strip_prefix(FILE_NAME) {
                tokens.extend(code_tokens(name).into_iter().map(str::to_owned));
                continue;
            }
            let w: Vec<&str> = words(s).into_iter().map(|(_, w)| w).collect();
            phrases.push_str(&format!(" {} \n", w.join(" ")));
            all_words.extend(w.iter().map(|w| (*w).to_owned()));
            tokens.extend(code_tokens(s).into_iter().map(str::to_owned));
        }
        Self { phrases, words: all_words, tokens }
    }
}

/// Tokens of letters, digits, `-` and `_`, trimmed of `-` (a word broken at a hyphen).
fn code_tokens(s: &str) -> Vec<&str> {
    s.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .map(|t| t.trim_matches('-'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// `item-level`, `csat-top2`, `two_stage`, `S_d`, `p_P`: a token with an underscore, or
/// lowercase words joined by hyphens.
fn is_code(t: &str) -> bool {
    let kebab = t.contains('-')
        && t.split('-').all(|p| {
            !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && t.chars().any(|c| c.is_ascii_lowercase());
    t.contains('_') || kebab
}

/// What is wrong with one line of a page, if anything. `wrapped_in` and `wrapped_out` say
/// whether the line before ends, and the line after starts, with a Latin letter: a word
/// alone at that end of the line may be the rest of an English title broken over lines.
fn leaks_in_line(line: &str, wrapped_in: bool, wrapped_out: bool, typed: &Typed) -> Vec<String> {
    let mut found = Vec::new();
    for t in code_tokens(line) {
        if is_code(t) && !typed.tokens.contains(t) {
            found.push(format!("internal code `{t}`"));
        }
    }
    // the line's ASCII stretches: a CJK character ends an English phrase
    let line = line.replace('…', "...");
    let parts: Vec<&str> = line.split(|c: char| !c.is_ascii()).collect();
    let last = parts.len().saturating_sub(1);
    for (at, part) in parts.into_iter().enumerate() {
        let mut w = words(part);
        // a label cut short (`… at brea...`) ends in part of a word
        if part.trim_end().ends_with("...") {
            w.pop();
        }
        let lower = |w: &str| w.chars().all(|c| c.is_ascii_lowercase());
        // runs of lowercase words separated by spaces only
        let mut run: Vec<&str> = Vec::new();
        let mut runs: Vec<Vec<&str>> = Vec::new();
        for (before, word) in &w {
            let joined = !run.is_empty() && !before.is_empty() && before.trim().is_empty();
            if !joined && !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
            if lower(word) {
                run.push(word);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        runs.push(run);
        for r in runs.into_iter().filter(|r| r.len() >= 3) {
            let phrase = r.join(" ");
            if !typed.phrases.contains(&format!(" {phrase} ")) {
                found.push(format!("English phrase `{phrase}`"));
            }
        }
        // a word on its own: an enum key or a variant name (`unweighted`, `nps`, `Weighted`)
        let broken = (at == 0 && wrapped_in) || (at == last && wrapped_out);
        if let [(_, word)] = w.as_slice()
            && word.len() >= 2
            && !NAMES.contains(word)
            && !typed.words.contains(*word)
            && (lower(word) || !broken)
        {
            found.push(format!("English word `{word}`"));
        }
    }
    found
}

/// The PDF with a line break before every text item and between the cells of a table row
/// (one `TJ`, the cells set apart by offsets), which lopdf's extraction would run together.
fn text_items_on_lines(pdf: &[u8]) -> lopdf::Document {
    let mut doc = lopdf::Document::load_mem(pdf).unwrap();
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    for id in pages {
        let mut content = lopdf::content::Content::decode(&doc.get_page_content(id)).unwrap();
        let mut ops = Vec::with_capacity(content.operations.len() * 2);
        let line = || lopdf::content::Operation::new("T*", vec![]);
        for op in content.operations {
            match (op.operator.as_str(), op.operands.first()) {
                // a table row is one `TJ` whose cells are set apart by offsets
                ("TJ", Some(lopdf::Object::Array(parts))) => {
                    let mut cell = Vec::new();
                    for p in parts {
                        let gap = p.as_float().is_ok_and(|v| v.abs() > 400.0);
                        if gap && !cell.is_empty() {
                            ops.push(line());
                            let cell = lopdf::Object::Array(std::mem::take(&mut cell));
                            ops.push(lopdf::content::Operation::new("TJ", vec![cell]));
                        } else if !gap {
                            cell.push(p.clone());
                        }
                    }
                    ops.push(line());
                    ops.push(lopdf::content::Operation::new(
                        "TJ",
                        vec![lopdf::Object::Array(cell)],
                    ));
                }
                ("Tj" | "TJ", _) => {
                    ops.push(line());
                    ops.push(op);
                }
                _ => ops.push(op),
            }
        }
        content.operations = ops;
        // one stream in place of the page's (a page with a chart has several)
        let stream = lopdf::Stream::new(lopdf::Dictionary::new(), content.encode().unwrap());
        let new = doc.add_object(stream);
        let page = doc.get_object_mut(id).and_then(lopdf::Object::as_dict_mut).unwrap();
        page.set("Contents", lopdf::Object::Reference(new));
    }
    doc
}

#[test]
fn the_scan_finds_what_it_should() {
    let typed = Typed::new(&["Role-play the early-arrival conversation".to_owned()]);
    let leaks = |l: &str| leaks_in_line(l, false, false, &typed);
    assert_eq!(leaks("item-level  -0.898  22"), ["internal code `item-level`"]);
    assert_eq!(leaks("口径 csat-top2"), ["internal code `csat-top2`"]);
    assert_eq!(leaks("S_d = 维度"), ["internal code `S_d`"]);
    assert_eq!(leaks("unweighted"), ["English word `unweighted`"]);
    assert_eq!(leaks("Weighted -0.970"), ["English word `Weighted`"]);
    assert!(leaks("Better 满意影响系数").is_empty() && leaks("KANO 需求分析").is_empty());
    // the end of a title broken over lines
    assert!(leaks_in_line("Scale，Journal of Retailing 67(4)。", true, false, &typed).is_empty());
    assert_eq!(leaks_in_line("nps", true, true, &typed), ["English word `nps`"]);
    assert_eq!(leaks("· S_d = mean over respondents of S_id").len(), 3);
    assert!(leaks("Better = (A + O) ÷ (A + O + M + I)").is_empty());
    assert!(leaks("SERVQUAL 服务质量评估 · NPS 47.4 · n = 30 · 3-2-1 总结").is_empty());
    assert!(leaks("Parasuraman, Zeithaml & Berry（1988）").is_empty());
    // the workshop's own text, also broken over lines
    assert!(leaks("play the early-").is_empty());
    assert!(leaks("arrival conversation").is_empty());
    assert_eq!(leaks("the early arrival was"), ["English phrase `the early arrival was`"]);
    assert!(leaks("play the early arr...").is_empty() && leaks("play the early arr…").is_empty());
}

#[test]
fn chinese_reports_show_no_codes_and_no_english() {
    let mut problems = Vec::new();
    for (workshop, file) in
        [("workshops/zh-bank", "zh-bank.pdf"), ("workshops/en-hotel.yaml", "en-hotel.pdf")]
    {
        let typed = Typed::new(&typed_text(workshop));
        for lang in ["zh-CN", "zh-TW"] {
            let tmp = tempfile::tempdir().unwrap();
            let out = tmp.path().to_str().unwrap();
            let o = kano(&["report", workshop, "--lang", lang, "-o", out]);
            assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(!err.contains("no glyph"), "{workshop} {lang}: {err}");
            let doc = text_items_on_lines(&std::fs::read(tmp.path().join(file)).unwrap());
            for page in doc.get_pages().keys() {
                let text = doc.extract_text(&[*page]).unwrap();
                let lines: Vec<&str> = text.lines().map(str::trim).collect();
                let latin = |l: Option<&&str>, end: bool| {
                    let c = l.and_then(|l| if end { l.chars().last() } else { l.chars().next() });
                    c.is_some_and(|c| c.is_ascii_alphabetic())
                };
                for (i, line) in lines.iter().enumerate() {
                    let before = latin(i.checked_sub(1).and_then(|j| lines.get(j)), true);
                    let after = latin(lines.get(i + 1), false);
                    for leak in leaks_in_line(line, before, after, &typed) {
                        problems.push(format!("{workshop} {lang} p. {page}: {leak} in «{line}»"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} leaks:\n{}", problems.len(), problems.join("\n"));
}
