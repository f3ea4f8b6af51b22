//! `kano analyze` on the shipped workshops (every section, hand-checked figures), its
//! options, and broken answer files.

use crate::harness::{code, golden, kano};

fn run(args: &[&str]) -> (String, String) {
    let o = kano(args);
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(code(&o), 0, "{args:?}:\n{stderr}");
    (String::from_utf8(o.stdout).unwrap(), stderr)
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&run(args).0).unwrap()
}

fn close(v: &serde_json::Value, expected: f64, tol: f64) {
    let x = v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"));
    assert!((x - expected).abs() <= tol, "{x} is not {expected} ± {tol}");
}

fn metric<'a>(v: &'a serde_json::Value, group: &str, step: &str) -> &'a serde_json::Value {
    v["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["group"] == group && m["step"] == step)
        .unwrap_or_else(|| panic!("no metric for {group}/{step}"))
}

/// The bank example: raw SERVQUAL responses, an NPS answer file, ties in the PK. Figures
/// checked by hand (a separate Python computation from the CSV files).
#[test]
fn zh_bank_every_section_with_hand_checked_figures() {
    let v = json(&["analyze", "workshops/zh-bank", "--format", "json"]);
    let sq = &v["servqual"];
    assert_eq!(sq["source"], "responses");
    assert_eq!(sq["respondents"], 120);
    let gaps: Vec<f64> =
        sq["dimensions"].as_array().unwrap().iter().map(|d| d["gap"].as_f64().unwrap()).collect();
    let by_hand = [-0.260417, -1.144583, -1.357639, -0.577083, -1.051667];
    for (g, h) in gaps.iter().zip(by_hand) {
        assert!((g - h).abs() < 1e-6, "{gaps:?}");
    }
    assert_eq!(sq["dimensions"][0]["label"], "有形度");
    close(&sq["unweighted"]["value"], -0.878278, 1e-6);
    assert_eq!(sq["unweighted"]["variant"], "unweighted");
    close(&sq["weighted"]["value"], -0.970117, 1e-6);
    assert_eq!(sq["weighted"]["variant"], "weighted");
    assert_eq!(sq["weighted"]["n"], 120);
    close(&sq["item_overall"]["value"], -0.897659, 1e-6);
    assert_eq!(sq["item_overall"]["variant"], "item-level");
    // item means of the raw file round to those typed in workshop.yaml
    let t4 = &sq["items"][3];
    assert_eq!((t4["id"].as_str(), t4["n"].as_u64()), (Some("T4"), Some(119)));
    close(&t4["expectation"], 6.21, 0.005);
    close(&t4["perception"], 5.34, 0.005);
    assert_eq!(sq["ipa"].as_array().unwrap().len(), 22);
    assert_eq!(sq["ipa_crosshair"]["level"], "items");
    assert_eq!(sq["zone_of_tolerance"][1]["status"], "below");
    close(&sq["zone_of_tolerance"][1]["msa"], -0.16, 1e-9);

    // NPS from the SMS export: 38 scores (3 blank), 23 promoters, 5 detractors
    let m = metric(&v, "g5", "s8");
    assert_eq!(
        (m["source"].as_str(), m["n"].as_u64(), m["blank"].as_u64()),
        (Some("file"), Some(38), Some(3))
    );
    close(&m["score"], 100.0 * (23.0 - 5.0) / 38.0, 1e-9);
    close(&m["se"], 11.612894, 1e-6);
    assert_eq!(m["kind"], "nps");
    // the answers per value 0–10, as the NPS chart draws them
    assert_eq!(m["distribution"], serde_json::json!([0, 0, 0, 1, 1, 1, 2, 3, 7, 14, 9]));
    // CES 2.0 of g1 s3: mean 155/30, 22 of 30 agree
    let m = metric(&v, "g1", "s3");
    assert_eq!(
        (m["variant"].as_str(), m["scale"]["higher_is_better"].as_bool()),
        (Some("ces-2.0"), Some(true))
    );
    close(&m["score"], 155.0 / 30.0, 1e-9);
    assert!(m["distribution"].is_null(), "NPS only");
    close(&m["agree_pct"], 100.0 * 22.0 / 30.0, 1e-9);
    // a plan without answers is listed with n = 0 and no score
    let m = metric(&v, "g1", "s2");
    assert_eq!(
        (m["n"].as_u64(), m["score"].is_null(), m["source"].as_str()),
        (Some(0), true, Some("none"))
    );

    let md = &v["market_damage"];
    close(&md["lost"]["total"], 3659.6448, 1e-6);
    close(&md["revenue_at_risk"], 6_770_342.88, 1e-4);
    close(&md["word_of_mouth"]["loss"], 8_079_432.48, 1e-4);
    assert_eq!(md["sensitivity"].as_array().unwrap().len(), 9);

    let j = &v["journeys"][0];
    assert_eq!((j["group"].as_str(), j["id"].as_str()), (Some("g1"), Some("j1")));
    close(&j["average"], -0.5, 1e-12);
    assert_eq!(j["valleys"], serde_json::json!(["s3"]));
    close(&j["peak_end"], 2.0, 1e-12);
    assert!(j["mermaid"].as_str().unwrap().starts_with("journey\n    title 新市民网点开户"));
    assert_eq!(v["journeys"].as_array().unwrap().len(), 8);

    let p = &v["proposals"];
    assert_eq!(p.as_array().unwrap().len(), 43);
    assert_eq!(
        (p[0]["rank"].as_u64(), p[0]["tied"].as_bool(), p[0]["score"].as_f64()),
        (Some(1), Some(true), Some(5.0))
    );

    let s = &v["summary_321"];
    assert_eq!(s["summaries"], 38);
    assert_eq!(
        (s["takeaways"][0]["text"].as_str(), s["takeaways"][0]["count"].as_u64()),
        (Some("峰终定律"), Some(14))
    );
    // 关键时刻（MOT） and 关键时刻MOT are one entry
    assert_eq!(s["takeaways"][1]["count"], 12);
    assert_eq!((s["as_of"].as_str(), s["overdue"].as_u64()), (Some("2026-11-21"), Some(0)));

    let pk: Vec<(String, f64, u64, bool)> = v["pk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["group"].as_str().unwrap().to_owned(),
                x["total"].as_f64().unwrap(),
                x["rank"].as_u64().unwrap(),
                x["tied"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(pk[2], ("g1".into(), 86.0, 3, true));
    assert_eq!(pk[3], ("g5".into(), 86.0, 3, true));
    assert_eq!(pk[4].2, 5);
}

/// The hotel example: dimension means with mean weights, inline answers (NPS, CSAT, CES 1.0
/// and 2.0), and METHODS' market-damage worked example.
#[test]
fn en_hotel_every_section_with_hand_checked_figures() {
    let v = json(&["analyze", "workshops/en-hotel.yaml", "--format", "json"]);
    let sq = &v["servqual"];
    assert_eq!(sq["source"], "dimensions");
    close(&sq["unweighted"]["value"], -0.56, 1e-12);
    assert_eq!(sq["weighted"]["variant"], "weighted-mean-points");
    close(&sq["weighted"]["value"], -0.6891, 1e-12);
    assert!(sq["item_overall"].is_null());
    assert_eq!(sq["ipa_crosshair"]["level"], "dimensions");
    assert_eq!(sq["ipa"][1]["quadrant"], "concentrate_here");
    assert_eq!(sq["dimensions"][0]["label"], "Tangibles");

    let m = metric(&v, "g1", "s7");
    close(&m["score"], 52.0, 1e-9);
    close(&m["se"], 13.994285, 1e-6);
    let m = metric(&v, "g1", "s3");
    close(&m["score"], 70.0, 1e-9);
    close(&m["mean"], 3.75, 1e-12);
    let m = metric(&v, "g3", "s3");
    assert_eq!(m["variant"], "ces-1.0");
    assert_eq!(m["scale"]["higher_is_better"], false);
    close(&m["score"], 46.0 / 12.0, 1e-12);

    close(&v["market_damage"]["lost"]["total"], 899.0, 1e-9);
    close(&v["market_damage"]["revenue_at_risk"], 377_580.0, 1e-6);

    assert_eq!(v["journeys"].as_array().unwrap().len(), 3);
    assert_eq!(v["journeys"][0]["coverage"]["missing"], serde_json::json!([]));
    assert_eq!(v["proposals"][0]["rank"], 1);
    assert_eq!(v["summary_321"]["takeaways"][0]["text"], "Peak-end rule");
    // "Peak-end rule", "Peak–end rule", "The peak-end rule" → the first two merge
    assert_eq!(v["summary_321"]["takeaways"][0]["count"], 5);
    let pk: Vec<&str> =
        v["pk"].as_array().unwrap().iter().map(|p| p["group"].as_str().unwrap()).collect();
    assert_eq!(pk, ["g3", "g1", "g2"]);
}

#[test]
fn markdown_and_table_goldens() {
    for (ws, name) in [("workshops/zh-bank", "zh-bank"), ("workshops/en-hotel.yaml", "en-hotel")] {
        golden(&format!("analyze/{name}.md"), &run(&["analyze", ws, "--format", "md"]).0);
    }
    golden("analyze/en-hotel.table", &run(&["analyze", "workshops/en-hotel.yaml"]).0);
    // Mermaid journeys are in the Markdown
    let md = run(&["analyze", "workshops/en-hotel.yaml", "--format", "md"]).0;
    assert!(md.contains("```mermaid\njourney\n    title Early arrival to first night\n"));
}

#[test]
fn overdue_actions_against_a_given_date() {
    let v =
        json(&["analyze", "workshops/en-hotel.yaml", "--format", "json", "--as-of", "2026-10-31"]);
    let s = &v["summary_321"];
    assert_eq!(s["as_of"], "2026-10-31");
    // due 2026-10-05, 10-15, 10-15 are overdue; 10-31 is due that day
    assert_eq!(s["overdue"], 3);
    assert_eq!(s["actions"][0]["owner"], "Marco Bellini");
    assert_eq!(s["actions"][0]["days_to_due"], -26);
    assert_eq!(s["actions"][3]["overdue"], false);
    let table = run(&["analyze", "workshops/en-hotel.yaml", "--as-of", "2026-10-31"]).0;
    assert!(table.contains("overdue 26d"), "{table}");
    let o = kano(&["analyze", "workshops/en-hotel.yaml", "--as-of", "2026-13-01"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("is not a date"));
}

#[test]
fn crosshair_and_language_options() {
    let v =
        json(&["analyze", "workshops/zh-bank", "--format", "json", "--ipa-crosshair", "scale-mid"]);
    let c = &v["servqual"]["ipa_crosshair"];
    assert_eq!(c["method"], "scale-mid");
    close(&c["performance"], 4.0, 1e-12);
    // every item is above 4 on both axes
    assert!(
        v["servqual"]["ipa"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["quadrant"] == "keep_up_the_good_work")
    );
    let v = json(&["analyze", "workshops/zh-bank", "--format", "json", "--ipa-crosshair", "5.5,6"]);
    assert_eq!(v["options"]["ipa_crosshair"], "5.5,6");
    close(&v["servqual"]["ipa_crosshair"]["importance"], 6.0, 1e-12);
    let o = kano(&["analyze", "workshops/zh-bank", "--ipa-crosshair", "middle"]);
    assert_eq!(code(&o), 2);

    let v = json(&["analyze", "workshops/zh-bank", "--format", "json", "--lang", "en"]);
    assert_eq!(v["servqual"]["dimensions"][0]["label"], "Tangibles");
    assert_eq!(v["options"]["lang"], "en");
    let table = run(&["analyze", "workshops/zh-bank", "--lang", "zh-TW"]).0;
    assert!(table.contains("有形度") && table.contains("容忍區域"), "{table}");
    let table = run(&["analyze", "workshops/zh-bank", "--lang", "en"]).0;
    assert!(table.contains("Zone of tolerance") && table.contains("Assurance"));
}

#[test]
fn output_file_is_written_and_stdout_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sub/analysis.json");
    let out_s = out.to_str().unwrap();
    let (stdout, stderr) =
        run(&["analyze", "workshops/en-hotel.yaml", "--format", "json", "-o", out_s]);
    assert!(stdout.is_empty());
    assert!(stderr.contains("wrote"));
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["workshop"]["title"], "Service Innovation, Experience Value");
}

#[test]
fn absent_sections_are_null_or_empty() {
    let v = json(&["analyze", "tests/corpus/ok/minimal.yaml", "--format", "json"]);
    assert!(v["servqual"].is_null());
    assert!(v["market_damage"].is_null());
    assert_eq!(v["pk"], serde_json::json!([]));
    assert_eq!(v["metrics"].as_array().unwrap().len(), 1);
    close(&v["metrics"][0]["score"], 25.0, 1e-12);
    assert_eq!(v["summary_321"]["summaries"], 1);
    let (md, _) = run(&["analyze", "tests/corpus/ok/minimal.yaml", "--format", "md"]);
    assert!(!md.contains("SERVQUAL") && !md.contains("PK"));
}

const WORKSHOP: &str = "\
workshop: {title: t, organisation: o, date: 2026-11-20, place: p, facilitator: f}
groups:
  - id: g1
    name: 第一组
    members: [张三]
    scenario: 开户
    journeys:
      - id: j1
        name: 开户
        steps:
          - {id: s1, name: 进门, emotion: 1}
          - {id: s2, name: 离开, emotion: 2}
    measurement_plans:
      - {step: s2, indicator: outcome, metric: nps, model: instant, timing: t, target: x, responses_file: nps.csv}
";

/// A temporary workshop folder with `files`; returns the folder.
fn workshop_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn bad_answer_file_is_exit_2_naming_file_line_column_and_value() {
    let dir = workshop_with(&[
        ("workshop.yaml", WORKSHOP.as_bytes()),
        ("nps.csv", "时间,评分\n10-01,9\n10-02,11\n10-03,好\n".as_bytes()),
    ]);
    let out = dir.path().join("out.md");
    let o = kano(&[
        "analyze",
        dir.path().to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 2, "{stderr}");
    assert!(o.stdout.is_empty());
    assert!(!out.exists(), "nothing is written");
    assert!(
        stderr
            .contains("error: NPS answer `11` is outside its scale 0..10 (line 3, column `评分`)"),
        "{stderr}"
    );
    assert!(stderr.contains("nps.csv:3:7"), "{stderr}");
    assert!(
        stderr.contains("error: NPS answer `好` is not a number (line 4, column `评分`)"),
        "{stderr}"
    );
    assert!(stderr.contains("3 | 10-02,11"), "the snippet shows the line: {stderr}");
    assert!(stderr.contains("responses_file` of group `g1`"), "{stderr}");
    assert!(stderr.contains("nothing analysed"));

    // unreadable: the file the workshop names is missing → `kano check` fails first
    let dir = workshop_with(&[("workshop.yaml", WORKSHOP.as_bytes())]);
    let o = kano(&["analyze", "--lang", "en", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("file `nps.csv` not found"));

    // several columns and none named after the metric
    let dir = workshop_with(&[("workshop.yaml", WORKSHOP.as_bytes()), ("nps.csv", b"a,b\n9,8\n")]);
    let o = kano(&["analyze", "--lang", "en", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("which one holds the answers") && stderr.contains("responses_column"),
        "{stderr}"
    );

    // a binary file
    let dir =
        workshop_with(&[("workshop.yaml", WORKSHOP.as_bytes()), ("nps.csv", b"PK\x03\x04\0\0\0")]);
    let o = kano(&["analyze", "--lang", "en", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a text file"));
}

#[test]
fn bad_servqual_responses_are_exit_2() {
    let ws = "\
workshop: {title: t, organisation: o, date: 2026-11-20, place: p, facilitator: f}
servqual:
  responses: sq.csv
";
    let dir = workshop_with(&[
        ("workshop.yaml", ws.as_bytes()),
        ("sq.csv", b"id,T1_E,T1_P,X1_E,X1_P\n1,7,6,5,5\n2,9,6,5,5\n"),
    ]);
    // the workshop does not name its language: zh-CN
    let o = kano(&["analyze", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("错误：题项 `X1` 不属于任何 SERVQUAL 维度"), "{stderr}");
    assert!(stderr.contains("mapping"), "{stderr}");
    let o = kano(&["analyze", "--lang", "en", dir.path().to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("error: item `X1` belongs to no SERVQUAL dimension"), "{stderr}");

    let ws_mapped = format!("{ws}  mapping: {{X1: empathy}}\n");
    let dir = workshop_with(&[
        ("workshop.yaml", ws_mapped.as_bytes()),
        ("sq.csv", b"id,T1_E,T1_P,X1_E,X1_P\n1,7,6,5,5\n2,9,6,5,5\n"),
    ]);
    let o = kano(&["analyze", "--lang", "en", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("expectation `9` in column `T1_E` is outside the scale 1..7"),
        "{stderr}"
    );
    assert!(stderr.contains("sq.csv:3:3"), "{stderr}");

    // fixed: the mapping places X1 under empathy; one respondent, tangibles −1, empathy 0
    let dir = workshop_with(&[
        ("workshop.yaml", ws_mapped.as_bytes()),
        ("sq.csv", b"id,T1_E,T1_P,X1_E,X1_P\n1,7,6,5,5\n"),
    ]);
    let v = json(&["analyze", dir.path().to_str().unwrap(), "--format", "json"]);
    let sq = &v["servqual"];
    close(&sq["dimensions"][0]["gap"], -1.0, 1e-12);
    close(&sq["dimensions"][4]["gap"], 0.0, 1e-12);
    assert!(sq["dimensions"][1]["gap"].is_null());
    close(&sq["unweighted"]["value"], -0.5, 1e-12);
    assert_eq!(sq["unweighted"]["n"], 2);
}

#[test]
fn broken_workshop_is_exit_2() {
    let o = kano(&["analyze", "--lang", "en", "tests/corpus/bad/out-of-scale.yaml"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty());
    assert!(String::from_utf8_lossy(&o.stderr).contains("nothing analysed"));
    // without --lang, the workshop's language (zh-CN when it does not say)
    let o = kano(&["analyze", "tests/corpus/bad/out-of-scale.yaml"]);
    assert_eq!(code(&o), 2);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("未做分析") && stderr.contains("错误："), "{stderr}");
}
