//! `kano check` on the shipped examples and on a corpus of broken files, each with its
//! golden diagnostics.

use crate::harness::{code, golden, kano, root};

#[test]
fn shipped_examples_are_clean() {
    for (ws, ok) in [("workshops/zh-bank", "通过："), ("workshops/en-hotel.yaml", "ok: ")] {
        let o = kano(&["check", "--deny-warnings", ws]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 0, "{ws}:\n{stderr}");
        assert!(stderr.is_empty(), "{ws}: {stderr}");
        assert!(String::from_utf8_lossy(&o.stdout).starts_with(ok));
    }
    let o = kano(&["check", "--lang", "en", "workshops/zh-bank"]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("ok: workshops/zh-bank — 7 file(s)"));
}

#[test]
fn valid_corpus_files_pass() {
    for f in ["tests/corpus/ok/minimal.yaml", "tests/corpus/ok/bom.yaml"] {
        let o = kano(&["check", f]);
        assert_eq!(code(&o), 0, "{f}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

/// Every broken file is rejected with exit 2 and exactly its golden messages, in English
/// (`--lang en`); a few also in the languages of their workshop.
#[test]
fn broken_files_give_precise_messages() {
    let mut cases: Vec<String> = std::fs::read_dir(root().join("tests/corpus/bad"))
        .unwrap()
        .map(|e| format!("tests/corpus/bad/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    cases.sort();
    cases.extend(["tests/corpus/bad-folder".to_string(), "tests/corpus/dup-folder".to_string()]);
    assert!(cases.len() >= 25, "corpus shrank: {cases:?}");
    for case in &cases {
        let start = std::time::Instant::now();
        let o = kano(&["check", "--deny-warnings", "--lang", "en", case]);
        let elapsed = start.elapsed();
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 2, "{case} was accepted:\n{stderr}");
        assert!(!stderr.contains("panicked"), "{case} panicked:\n{stderr}");
        assert!(o.stdout.is_empty(), "{case} printed to stdout");
        // a generous bound for a debug build on a loaded machine; the point is "no hang"
        assert!(elapsed.as_secs() < 10, "{case} took {elapsed:?}");
        let name = case.trim_start_matches("tests/corpus/").replace('/', "__");
        golden(&format!("check/{name}.stderr"), &stderr);
    }
}

#[test]
fn warnings_fail_only_when_denied() {
    let f = "tests/corpus/bad/summary-counts.yaml";
    let o = kano(&["check", "--lang", "en", f]);
    assert_eq!(code(&o), 0);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("warning: a 3-2-1 summary has 3 takeaways")
    );
    assert_eq!(code(&kano(&["check", "--deny-warnings", f])), 2);
}

#[test]
fn missing_path_is_exit_2() {
    let o = kano(&["check", "no/such/workshop.yaml"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/workshop.yaml"));
}

#[test]
fn folder_without_workshop_yaml_is_exit_2() {
    let o = kano(&["check", "tests/corpus/bad"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no `workshop.yaml`"));
}

/// One run reports every independent mistake: an invalid date, an unknown field, a value
/// that is not a number, an out-of-scale score, an unknown vocabulary value, a list that
/// is a single value, answers off their scale beside one that is not a number, an invalid
/// date past line 100 and a semantic error after all of them, each with its file, line,
/// column and field path; and nothing that only follows from them.
#[test]
fn every_mistake_in_one_run() {
    let f = "tests/corpus/bad/many-mistakes.yaml";
    let o = kano(&["check", "--lang", "en", f]);
    assert_eq!(code(&o), 2);
    let stderr = String::from_utf8_lossy(&o.stderr);
    for (at, field, message) in [
        ("7:9", "workshop.date", "`2026-13-45` is not a valid date"),
        ("21:45", "groups[0].journeys[0].steps[1].touchpont", "unknown field `touchpont`"),
        ("22:43", "groups[0].journeys[0].steps[2].emotion", "`很差` is not a number"),
        (
            "29:63",
            "groups[0].journeys[0].proposals[0].scores.perception",
            "perception score 9 is outside its scale 1..5",
        ),
        (
            "32:19",
            "groups[0].journeys[0].proposals[1].type",
            "unknown optimisation move `填平波峰`",
        ),
        (
            "37:110",
            "groups[0].measurement_plans[0].responses[1]",
            "NPS answer 11 is outside its scale 0..10",
        ),
        ("37:114", "groups[0].measurement_plans[0].responses[2]", "`seven` is not a number"),
        ("96:19", "groups[0].gaps[14].measures", "expected a list, found a single value"),
        ("103:48", "groups[0].summaries[0].action.due", "`2026-02-30` is not a valid date"),
        ("109:7", "kano.features[1]", "feature `k2` has no answers"),
    ] {
        let block = format!("error: {message}\n");
        let i = stderr.find(&block).unwrap_or_else(|| panic!("no `{message}`:\n{stderr}"));
        let rest = &stderr[i..];
        let end = rest.find("\n\n").unwrap_or(rest.len());
        let block = &rest[..(end + 1).min(rest.len())];
        assert!(block.contains(&format!("--> {f}:{at}\n")), "{block}");
        assert!(block.contains(&format!(" = field: {field}\n")), "{block}");
    }
    assert!(
        stderr.ends_with(&format!("{f}: 10 error(s), 0 warning(s) in 1 file(s)\n")),
        "{stderr}"
    );
    // no follow-on errors: s3 (its emotion wrong) is still a step, p2's type is not
    // compared with its phase, the measures that are no list are not "no measures"
    for follow_on in ["no step with id", "phase", "no measures", "missing field"] {
        assert!(!stderr.contains(follow_on), "follow-on `{follow_on}`:\n{stderr}");
    }
}

/// Messages come in the workshop's language unless `--lang` says otherwise; field names
/// and values stay as typed.
#[test]
fn messages_follow_the_workshop_language() {
    let text = std::fs::read_to_string(root().join("tests/corpus/bad/many-mistakes.yaml")).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    for (lang, expect, not) in [
        ("zh-CN", "错误：未知字段 `touchpont`", "錯誤"),
        ("zh-TW", "錯誤：未知欄位 `touchpont`", "错误"),
        ("en", "error: unknown field `touchpont`", "错误"),
    ] {
        let file = tmp.path().join(format!("{lang}.yaml"));
        std::fs::write(&file, text.replace("language: zh-CN", &format!("language: {lang}")))
            .unwrap();
        let o = kano(&["check", file.to_str().unwrap()]);
        assert_eq!(code(&o), 2);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(stderr.contains(expect), "{lang}:\n{stderr}");
        assert!(!stderr.contains(not), "{lang}:\n{stderr}");
        assert!(stderr.contains("journeys[0].steps[1].touchpont"), "{lang}:\n{stderr}");
        assert!(stderr.contains("`填平波峰`"), "{lang}:\n{stderr}");
        // --lang wins over the workshop's language
        let o = kano(&["check", "--lang", "en", file.to_str().unwrap()]);
        assert!(String::from_utf8_lossy(&o.stderr).contains("error: unknown field `touchpont`"));
    }
    // Traditional Chinese is Traditional, not Simplified
    let o = kano(&["check", "--lang", "zh-TW", "tests/corpus/bad/many-mistakes.yaml"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("個檔案中有 10 個錯誤"), "{stderr}");
    golden(
        "check/zh-CN/many-mistakes.yaml.stderr",
        &String::from_utf8_lossy(&kano(&["check", "tests/corpus/bad/many-mistakes.yaml"]).stderr),
    );
    golden("check/zh-TW/many-mistakes.yaml.stderr", &stderr);
    // a file that is not YAML at all has no language to go by: English
    let o = kano(&["check", "tests/corpus/bad/binary.yaml"]);
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: "));
}

/// The gutter is as wide as the line number it shows, as rustc draws it.
#[test]
fn gutters_fit_three_digit_lines() {
    let o = kano(&["check", "--lang", "en", "tests/corpus/bad/many-mistakes.yaml"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    let f = "tests/corpus/bad/many-mistakes.yaml";
    assert!(stderr.contains(&format!(
        "   --> {f}:103:48\n    |\n103 |         action: {{what: 梳理开户旅程, owner: 张三, due: 2026-02-30}}\n    |"
    )), "{stderr}");
    assert!(
        stderr.contains(&format!(" --> {f}:7:9\n  |\n7 |   date: 2026-13-45\n  |")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("  --> {f}:96:19\n   |\n96 |")), "{stderr}");
    for line in stderr.lines().filter(|l| l.contains(" = field: ")) {
        let bar = line.find('=').unwrap();
        assert!([2, 3, 4].contains(&bar), "{line}");
    }
}

/// A wrong key of a map keyed by a vocabulary is reported at the key's own line and column
/// (not at the map), in flow and in block style, and the map's other checks (the weights'
/// sum) do not add a follow-on error.
#[test]
fn a_wrong_map_key_is_reported_at_the_key() {
    let o = kano(&["check", "--lang", "en", "tests/corpus/bad/wrong-map-key.yaml"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown SERVQUAL dimension `beauty`\n  --> "), "{err}");
    assert!(err.contains("wrong-map-key.yaml:51:13\n"), "{err}");
    assert!(
        err.contains("   |             ^^^^^^\n   = field: servqual.weights.beauty\n"),
        "{err}"
    );
    assert!(!err.contains("add up to"), "a follow-on of the wrong key: {err}");
    // block style, a Chinese key, in a copy of the shipped example
    let tmp = tempfile::tempdir().unwrap();
    let ws = root().join("workshops/zh-bank/workshop.yaml");
    let text = std::fs::read_to_string(ws).unwrap();
    let line = text.lines().position(|l| l.trim_start().starts_with("响应度:")).unwrap() + 1;
    let col = text.lines().nth(line - 1).unwrap().find('响').unwrap() + 1;
    let p = tmp.path().join("ws.yaml");
    std::fs::write(&p, text.replacen("    响应度:", "    美观度:", 1)).unwrap();
    let o = kano(&["check", p.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("未知的SERVQUAL 维度 `美观度`"), "{err}");
    assert!(err.contains(&format!("ws.yaml:{line}:{col}\n")), "{err}");
    assert!(err.contains("= 字段：servqual.weights.美观度"), "{err}");
}

/// Issue 12, finding 1: ids name output files, so an id that could make a path is an
/// error of `check`, and `report` / `chart --all` on such a workshop write nothing, inside
/// the output folder or outside it.
#[test]
fn ids_that_could_make_a_path_are_errors_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(root().join("workshops/en-hotel.yaml")).unwrap();
    for (from, to) in [
        ("  - id: g1\n", "  - id: x/../../../../escaped\n"),
        ("          - id: s2\n", "          - id: ../s2\n"),
    ] {
        assert!(src.contains(from), "{from}");
        let ws = tmp.path().join("ws.yaml");
        std::fs::write(&ws, src.replacen(from, to, 1)).unwrap();
        std::fs::copy(
            root().join("workshops/en-hotel-kano.csv"),
            tmp.path().join("en-hotel-kano.csv"),
        )
        .unwrap();
        let ws = ws.to_str().unwrap();
        let o = kano(&["check", "--lang", "en", ws]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 2, "{err}");
        assert!(err.contains("may hold only letters, digits, `_` and `-`"), "{err}");
        assert!(err.contains(":28:") || err.contains(":72:"), "no line named: {err}");
        let out = tmp.path().join("out");
        let out_s = out.to_str().unwrap();
        for args in [
            vec!["report", ws, "-o", out_s],
            vec!["report", ws, "--group", "g2", "-o", out_s],
            vec!["chart", ws, "--all", "-o", out_s],
        ] {
            let o = kano(&args);
            assert_eq!(code(&o), 2, "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        }
        let mut files: Vec<String> = walk(tmp.path());
        files.sort();
        assert_eq!(files, ["en-hotel-kano.csv", "ws.yaml"], "written: {files:?}");
        assert!(!tmp.path().parent().unwrap().join("escaped").exists());
    }
}

/// Every file under `dir`, as paths relative to it.
fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out
}
