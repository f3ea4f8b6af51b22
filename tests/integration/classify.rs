//! `kano classify` on real survey exports, the shipped workshops, and broken files.

use crate::harness::{code, golden, kano};

fn json(args: &[&str]) -> serde_json::Value {
    let o = kano(args);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn stdout(args: &[&str]) -> String {
    let o = kano(args);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout).unwrap()
}

/// Reppl's public data set: wide, English wordings, importance as "9 - Extremely important",
/// column order differing per feature — read without a mapping file.
#[test]
fn reppl_wide_english_export() {
    let v = json(&["classify", "tests/corpus/survey/reppl-transfers.csv", "--format", "json"]);
    assert_eq!(v["input"]["layout"], "wide");
    assert_eq!(v["input"]["respondents"], 358);
    let f = v["features"].as_array().unwrap();
    let ids: Vec<&str> = f.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["F6", "F7", "F8", "F9", "F10", "F11"]);
    // every feature has importance and the continuous analysis
    for x in f {
        assert!(x["importance_mean"].as_f64().is_some_and(|m| (1.0..=9.0).contains(&m)));
        assert!(x["continuous"]["functional_mean"].is_number());
        let c = &x["counts"];
        let sum: u64 = ["A", "O", "M", "I", "R", "Q"].iter().map(|k| c[k].as_u64().unwrap()).sum();
        assert_eq!(sum, x["n"].as_u64().unwrap());
    }
    golden(
        "classify/reppl.md",
        &stdout(&["classify", "tests/corpus/survey/reppl-transfers.csv", "--format", "md"]),
    );
}

/// Atlason & Giacalone's example data: long layout, codes 1–5, 37 respondents × 5 features.
#[test]
fn atlason_long_codes() {
    let path = "tests/corpus/survey/atlason-example-long.csv";
    let v = json(&["classify", path, "--format", "json"]);
    assert_eq!(v["input"]["layout"], "long");
    assert_eq!(v["input"]["respondents"], 37);
    assert_eq!(v["features"].as_array().unwrap().len(), 5);
    // FR2: M=30 of 37 — a must-be need
    let fr2 = &v["features"][1];
    assert_eq!(fr2["id"], "FR2");
    assert_eq!(fr2["category"], "M");
    assert_eq!(fr2["counts"]["M"], 30);
    golden("classify/atlason.json", &stdout(&["classify", path, "--format", "json"]));
}

/// The workshop's own survey: feature names come from the workshop file.
#[test]
fn workshop_survey_classifies() {
    let v = json(&["classify", "workshops/zh-bank", "--format", "json"]);
    let f = v["features"].as_array().unwrap();
    assert!(f.len() >= 15);
    assert_eq!(v["input"]["respondents"], 120);
    assert_eq!(f[0]["name"], "取号后短信提醒叫号");
    for x in f {
        assert!(["A", "O", "M", "I", "R", "Q"].contains(&x["category"].as_str().unwrap()));
    }
    // in the workshop's language by default; the English wording on request
    golden(
        "classify/zh-bank.zh-CN.table",
        &stdout(&["classify", "workshops/zh-bank", "--format", "table"]),
    );
    golden(
        "classify/zh-bank.table",
        &stdout(&["classify", "workshops/zh-bank", "--format", "table", "--lang", "en"]),
    );
    // JSON and CSV are the same in every language
    for format in ["json", "csv"] {
        let zh = stdout(&["classify", "workshops/zh-bank", "--format", format]);
        for lang in ["en", "zh-TW"] {
            let other =
                stdout(&["classify", "workshops/zh-bank", "--format", format, "--lang", lang]);
            assert_eq!(zh, other, "{format} in {lang}");
        }
    }
}

/// A bare survey file is classified in English unless `--lang` says otherwise.
#[test]
fn bare_survey_file_language() {
    let path = "tests/corpus/survey/reppl-transfers.csv";
    let en = stdout(&["classify", path, "--format", "md"]);
    assert_eq!(en, stdout(&["classify", path, "--format", "md", "--lang", "en"]));
    assert!(en.starts_with("## Kano classification: "), "{en}");
    golden(
        "classify/reppl.zh-CN.md",
        &stdout(&["classify", path, "--format", "md", "--lang", "zh-CN"]),
    );
    let tw = stdout(&["classify", path, "--format", "table", "--lang", "zh-TW"]);
    assert!(tw.starts_with("編號 ") && tw.contains("圖例："), "{tw}");
}

/// The English workshop's survey tallies to METHODS' worked example for f1 (A=12 O=30 M=5
/// I=8 R=1 Q=0): plurality O, Better 0.764, Worse −0.636, Fong significant.
#[test]
fn workshop_survey_worked_example() {
    let v = json(&["classify", "workshops/en-hotel.yaml", "--format", "json"]);
    assert_eq!(v["input"]["layout"], "wide");
    let f1 = &v["features"][0];
    assert_eq!(f1["n"], 56);
    assert_eq!(f1["plurality"], "O");
    assert!((f1["better"].as_f64().unwrap() - 0.764).abs() < 0.005);
    assert!((f1["worse"].as_f64().unwrap() + 0.636).abs() < 0.005);
    assert_eq!(f1["fong"]["significant"], true);
    assert!((f1["fong"]["critical"].as_f64().unwrap() - 8.45).abs() < 0.005);
    assert_eq!(f1["blank"], 48, "two blank cells per guest who skipped f1");
    assert!(f1["continuous"].is_object());
}

#[test]
fn counts_file_and_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("counts.csv");
    std::fs::write(&p, "feature,name,A,O,M,I,R,Q\nf1,移动值机,12,30,5,8,1,0\nf2,全Q,0,0,0,0,0,7\n")
        .unwrap();
    let p = p.to_str().unwrap();
    let v = json(&["classify", p, "--format", "json"]);
    assert_eq!(v["features"][0]["name"], "移动值机");
    assert_eq!(v["features"][1]["category"], "Q");
    assert!(v["features"][1]["better"].is_null());
    let v = json(&["classify", p, "--rule", "two_stage", "--table", "pouliot", "--format", "json"]);
    assert_eq!(v["method"]["rule"], "two_stage");
    assert_eq!(v["method"]["table"], "pouliot");
    assert_eq!(v["features"][0]["category"], "O");
}

/// A GBK export (as Chinese survey platforms write it) with Chinese wordings and headers.
#[test]
fn gbk_export_with_chinese_headers() {
    let text = "编号,门店,取号提醒(功能),取号提醒(反功能)\r\n1,鼓楼,我很喜欢,我很不喜欢\r\n2,鼓楼,理所当然,我很不喜欢\r\n3,江北,我很喜欢,无所谓\r\n";
    let (bytes, _, bad) = encoding_rs::GBK.encode(text);
    assert!(!bad);
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("gbk.csv");
    std::fs::write(&p, &bytes).unwrap();
    let v = json(&["classify", p.to_str().unwrap(), "--by", "门店", "--format", "json"]);
    let seg = v["segments"].as_array().unwrap();
    assert_eq!(seg[0]["features"][0]["id"], "取号提醒");
    assert_eq!(seg[0]["features"][0]["counts"]["O"], 1);
    assert_eq!(seg[0]["features"][0]["counts"]["M"], 1);
    assert_eq!(seg[0]["features"][0]["counts"]["A"], 1);
    let values: Vec<&str> = seg.iter().filter_map(|s| s["value"].as_str()).collect();
    assert_eq!(values, ["江北", "鼓楼"]);
}

#[test]
fn unrecognised_answers_are_listed_with_row_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("bad.csv");
    std::fs::write(&p, "id,k1_F,k1_D\n1,1,5\n2,maybe,5\n3,2,\n4,2,9\n").unwrap();
    let p = p.to_str().unwrap();
    let o = kano(&["classify", p]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    // a bare survey file: English unless --lang; row and column of the CSV, the header
    assert!(err.contains("error: unrecognised answer `maybe`\n --> "), "{err}");
    assert!(err.contains("bad.csv:3:2\n  = field: k1_F\n  = expected: a Kano answer"), "{err}");
    assert!(err.contains("error: unrecognised answer `9`\n --> "), "{err}");
    assert!(err.contains("bad.csv:5:3\n  = field: k1_D"), "{err}");
    assert!(err.contains("2 unrecognised answer(s); nothing classified"), "{err}");
    let o = kano(&["classify", p, "--lang", "zh-CN"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("错误：无法识别的答案 `maybe`\n --> "), "{err}");
    assert!(err.contains("  = 字段：k1_F\n  = 应为：Kano 答案（1–5 或选项文字）"), "{err}");
    assert!(err.contains("  = 提示：答案是代码 1–5"), "{err}");
    assert!(err.contains("：2 个无法识别的答案；未做分类"), "{err}");
    assert!(o.stdout.is_empty());
    // skipped and counted on request; the blank is missing, not invalid
    let v = json(&["classify", p, "--skip-invalid", "--format", "json"]);
    let k1 = &v["features"][0];
    assert_eq!(
        (k1["n"].as_u64(), k1["blank"].as_u64(), k1["invalid"].as_u64()),
        (Some(1), Some(1), Some(2))
    );
}

#[test]
fn header_without_pairs_says_what_it_expected() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("nopairs.csv");
    std::fs::write(&p, "name,age,city\na,1,b\n").unwrap();
    let o = kano(&["classify", p.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("name") && err.contains("_F"), "{err}");
}

#[test]
fn unknown_segment_column_is_exit_2() {
    let o = kano(&["classify", "workshops/zh-bank", "--by", "nosuch"]);
    assert_eq!(code(&o), 2);
    // in the workshop's language
    assert!(String::from_utf8_lossy(&o.stderr).contains("错误：没有细分列 `nosuch`"));
    let o = kano(&["classify", "workshops/zh-bank", "--by", "nosuch", "--lang", "en"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("error: no segment column `nosuch`"));
}

#[test]
fn output_file_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.csv");
    let o = kano(&[
        "classify",
        "tests/corpus/survey/atlason-example-long.csv",
        "--format",
        "csv",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("id,name,n,A,O,M,I,R,Q,"));
    assert_eq!(text.lines().count(), 6);
}

/// A segment whose first respondent left the first feature blank still lists every feature
/// under its own id, in file order.
#[test]
fn segments_keep_feature_identity() {
    let tmp = tempfile::tempdir().unwrap();
    let p = tmp.path().join("seg.csv");
    std::fs::write(&p, "id,branch,a_F,a_D,b_F,b_D\n1,x,,,1,5\n2,y,2,5,3,3\n3,x,1,2,5,1\n").unwrap();
    let v = json(&["classify", p.to_str().unwrap(), "--by", "branch", "--format", "json"]);
    let segs = v["segments"].as_array().unwrap();
    assert_eq!(segs.len(), 3);
    let x = &segs[1];
    assert_eq!(x["value"], "x");
    assert_eq!(x["respondents"], 2);
    let f = x["features"].as_array().unwrap();
    assert_eq!((f[0]["id"].as_str(), f[1]["id"].as_str()), (Some("a"), Some("b")));
    // both cells of respondent 1's answer to `a` are blank: two missing answers
    assert_eq!((f[0]["n"].as_u64(), f[0]["blank"].as_u64()), (Some(1), Some(2)));
    assert_eq!(f[0]["counts"]["A"], 1);
    assert_eq!((f[1]["counts"]["O"].as_u64(), f[1]["counts"]["R"].as_u64()), (Some(1), Some(1)));
}

/// Hostile survey files, in Chinese: each is one keyed error (never a panic) naming the
/// file and its row and column, with a hint; exit 2, nothing on stdout.
#[test]
fn hostile_survey_files_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let utf16: Vec<u8> =
        "id,k1_F,k1_D\n1,1,5\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("empty.csv", Vec::new(), "文件是空的", ":1:1\n"),
        ("blank.csv", b"\n \n\n".to_vec(), "文件是空的", ":1:1\n"),
        ("book.csv", b"PK\x03\x04rest".to_vec(), "Excel 工作簿", ":1:1\n"),
        ("utf16.csv", utf16, "含有 NUL 字节", ":1:1\n"),
        (
            "ragged.csv",
            b"id,k1_F,k1_D\n1,1,5\n2,1,5,9,9\n".to_vec(),
            "这一行有 5 个单元格",
            ":3:4\n",
        ),
        ("pairs.csv", b"id,k1_F,k2_D\n1,1,5\n".to_vec(), "需求 `k1` 有功能列", ":1:2\n"),
        ("counts.csv", b"feature,A,O,M,I\nk1,1,x,3,4\n".to_vec(), "计数 `x`", ":2:3\n"),
        ("nohead.csv", b"name,age\nx,1\n".to_vec(), "没有找到 Kano 需求列", ":1:1\n"),
    ];
    for (name, bytes, words, at) in &cases {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = kano(&["classify", p.to_str().unwrap(), "--lang", "zh-CN", "--format", "json"]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(code(&o), 2, "{name}: {err}");
        assert!(o.stdout.is_empty() && !err.contains("panicked"), "{name}: {err}");
        assert!(err.starts_with("错误：") && err.contains(words), "{name}: {err}");
        assert!(err.contains(&format!("{name}{at}")), "{name}: {err}");
        assert!(err.contains("  = 提示："), "{name}: {err}");
        assert!(err.ends_with("：未做分类\n"), "{name}: {err}");
    }
    // invalid UTF-8 in a file declared UTF-8: the row and the column's header
    let p = tmp.path().join("bad-utf8.csv");
    std::fs::write(&p, b"id,k1_F,k1_D\n1,1,5\n2,\xff\xfe,5\n").unwrap();
    let o = kano(&["classify", p.to_str().unwrap(), "--encoding", "utf-8", "--lang", "zh-TW"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 2, "{err}");
    assert!(err.starts_with("錯誤：文字中有無效的 UTF-8"), "{err}");
    assert!(err.contains("bad-utf8.csv:3:2\n") && err.contains("= 欄位：k1_F"), "{err}");
}
