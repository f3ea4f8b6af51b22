//! `kano check` on the shipped examples and on a corpus of broken files, each with its
//! golden diagnostics.

use crate::harness::{code, golden, kano, root};

#[test]
fn shipped_examples_are_clean() {
    for ws in ["workshops/zh-bank", "workshops/en-hotel.yaml"] {
        let o = kano(&["check", "--deny-warnings", ws]);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 0, "{ws}:\n{stderr}");
        assert!(stderr.is_empty(), "{ws}: {stderr}");
        assert!(String::from_utf8_lossy(&o.stdout).starts_with("ok: "));
    }
}

#[test]
fn valid_corpus_files_pass() {
    for f in ["tests/corpus/ok/minimal.yaml", "tests/corpus/ok/bom.yaml"] {
        let o = kano(&["check", f]);
        assert_eq!(code(&o), 0, "{f}: {}", String::from_utf8_lossy(&o.stderr));
    }
}

/// Every broken file is rejected with exit 2 and exactly its golden messages.
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
        let o = kano(&["check", "--deny-warnings", case]);
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
    let o = kano(&["check", f]);
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
