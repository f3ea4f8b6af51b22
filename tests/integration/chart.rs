//! `kano chart`: every kind from both examples as SVG and PDF, the charts' text found in
//! both (the figures those of `kano analyze`), determinism, and the errors.

use std::path::Path;

use crate::harness::{code, kano};

/// Text with all whitespace removed: extraction splits lines.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn pdf_text(file: &Path) -> String {
    let doc = lopdf::Document::load(file).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    assert_eq!(pages.len(), 1, "{}", file.display());
    squeeze(&doc.extract_text(&pages).unwrap())
}

/// The text of an SVG's `<text>` elements, unescaped, whitespace removed.
fn svg_text(file: &Path) -> String {
    let svg = std::fs::read_to_string(file).unwrap();
    assert!(svg.starts_with("<svg width=\"170mm\""), "{}", file.display());
    let mut out = String::new();
    for part in svg.split("<text").skip(1) {
        let body = part.split_once('>').map_or("", |(_, b)| b);
        let body = body.split("</text>").next().unwrap_or("");
        out.push_str(body);
    }
    squeeze(
        &out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// (chart file stem, texts it must hold) per example.
const ZH: &[(&str, &[&str])] = &[
    (
        "kano-better-worse",
        &["KANOBetter–Worse系数图", "取号后短信提醒叫号", "A兴奋需求", "M基本需求", "分界线0.5"],
    ),
    ("kano-categories", &["KANO各功能需求类别占比", "厅堂WiFi", "I无差异需求", "回答占比（%）"]),
    ("kano-continuous", &["KANO连续分析", "手机银行预约取号", "重要性2.59", "分界线2"]),
    ("servqual-gaps", &["SERVQUAL期望与感知", "可靠度", "期望E", "感知P", "−1.14"]),
    ("servqual-zone", &["容忍区域", "移情度", "低于容忍区", "5.44"]),
    ("servqual-ipa", &["重要性—表现分析（IPA）", "重点改进", "继续保持", "SP2", "十字线：均值"]),
    (
        "journey-g1-j1",
        &["客户旅程图", "进门问询", "痛点", "午休时段大堂经理在", "波谷−3", "平均线−0.5", "首触点"],
    ),
    (
        "emotion-g1-j1",
        &["情绪曲线", "进门问询", "开户用途", "波谷−3", "波峰·末触点2", "平均线−0.5", "情绪"],
    ),
    ("proposals-g1", &["MOT方案三度评价", "速赢区", "p6", "新市民开户礼包", "服务专业度"]),
    ("nps-g1-s8", &["NPS评分分布", "推荐者9–10", "NPS+37.5", "n=32"]),
    // the answers of g5-nps-sms.csv: 38 scores, 23 promoters, 5 detractors
    ("nps-g5-s8", &["离开网点", "NPS+47.4", "n=38", "推荐者9–10：60.5%"]),
    ("csat", &["各触点CSAT", "手机银行下载与激活", "76.0%", "62.5%", "均值3.63", "均值3.30"]),
    ("ces", &["客户费力度", "越高越省力", "同意73.3%", "4.98"]),
    (
        "market-damage",
        &["体验损害模型（TARP）·2025年", "12,600", "3,660", "3,660×1,850元=6,771,000元", "109,182"],
    ),
    // g1 and g5 tie at 86: both third
    ("pk", &["分组PK得分", "1.第六组·回音队", "总分93/100", "3.第一组", "3.第五组", "5.第四组"]),
];

const EN: &[(&str, &[&str])] = &[
    (
        "kano-better-worse",
        &["KanoBetter–Worseplot", "FreefastWi-Fi", "AExcitement(attractive)", "splitat0.50"],
    ),
    ("kano-categories", &["Kanocategorysharesbyfeature", "Pillowmenu", "RReverse"]),
    ("servqual-gaps", &["SERVQUAL:expectationandperception", "Responsiveness", "−1.1"]),
    ("servqual-zone", &["Zoneoftolerance", "Belowthezone", "Abovethezone"]),
    // by dimension: importance the points of 100, crosshair at their means (5.6, 20)
    (
        "servqual-ipa",
        &["bydimension(importance:pointsof100)", "Reliability", "crosshairatthemeans"],
    ),
    ("journey-g1-j1", &["Journeymap", "Arrivesat", "Painpoints", "Valley−3", "Peak2", "End1"]),
    ("emotion-g1-j1", &["Emotioncurve", "Arrivesat", "Valley−3", "Peak2", "End1", "Average"]),
    (
        "proposals-g2",
        &["Three-degreeevaluationofproposals", "Quickwins", "Billcheckedandsentthenightbefore"],
    ),
    ("nps-g1-s7", &["NPSdistribution", "Detractors0–6", "n=25", "NPS+52.0"]),
    ("csat", &["CSATbytouchpoint", "TeamArrival", "70.0%", "mean3.75", "mean4.00"]),
    ("ces", &["Customereffort(CES)bytouchpoint", "1–7:higher=easier·1–5:lower=lesseffort"]),
    ("market-damage", &["Marketdamage(TARP)·FY2025", "1,000", "899", "Revenueatrisk"]),
    ("pk", &["Groupcompetitionscores", "TeamRecovery", "Total87/100"]),
];

fn check_all(workshop: &str, expected: &[(&str, &[&str])], count: usize, lang: Option<&str>) {
    for format in ["svg", "pdf"] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("charts");
        let mut args =
            vec!["chart", workshop, "--all", "--format", format, "-o", dir.to_str().unwrap()];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let o = kano(&args);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        let names = files(&dir);
        assert_eq!(names.len(), count, "{names:?}");
        assert!(names.iter().all(|n| n.ends_with(&format!(".{format}"))));
        for (stem, texts) in expected {
            let file = dir.join(format!("{stem}.{format}"));
            let text = if format == "svg" { svg_text(&file) } else { pdf_text(&file) };
            for t in *texts {
                assert!(text.contains(t), "{workshop} {stem}.{format}: no {t:?} in {text:?}");
            }
        }
    }
}

#[test]
fn every_chart_of_the_chinese_example_as_svg_and_pdf() {
    check_all("workshops/zh-bank", ZH, 39, None);
}

#[test]
fn every_chart_of_the_english_example_as_svg_and_pdf() {
    check_all("workshops/en-hotel.yaml", EN, 21, None);
}

#[test]
fn the_language_can_be_chosen() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("bw.svg");
    let o = kano(&[
        "chart",
        "workshops/zh-bank",
        "--kind",
        "kano-better-worse",
        "--lang",
        "en",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = svg_text(&out);
    // fixed wording in English, the workshop's own names as typed
    assert!(
        text.contains("AExcitement(attractive)") && text.contains("取号后短信提醒叫号"),
        "{text}"
    );
    let out = tmp.path().join("j.pdf");
    let o = kano(&[
        "chart",
        "workshops/en-hotel.yaml",
        "-k",
        "journey-g3-j1",
        "--lang",
        "zh-TW",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&out);
    assert!(text.contains("痛點") && text.contains("Noisyroomcomplaint"), "{text}");
}

#[test]
fn one_chart_in_each_format_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for ext in ["svg", "png", "pdf"] {
        let mut outputs = Vec::new();
        for d in [&a, &b] {
            let file = d.path().join(format!("market.{ext}"));
            let o = kano(&[
                "chart",
                "workshops/en-hotel.yaml",
                "--kind",
                "market-damage",
                "-o",
                file.to_str().unwrap(),
            ]);
            assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
            assert!(String::from_utf8_lossy(&o.stdout).contains("wrote"));
            outputs.push(std::fs::read(&file).unwrap());
        }
        assert!(outputs[0] == outputs[1], "two runs gave different {ext} bytes");
    }
    let png = std::fs::read(a.path().join("market.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
}

#[test]
fn a_kind_with_several_charts_draws_the_first_and_names_the_others() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("j.svg");
    let o = kano(&["chart", "workshops/zh-bank", "--kind", "journey", "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("已画 `journey-g1-j1`") && err.contains("`journey-g6-j1`"), "{err}");
    assert!(svg_text(&out).contains("新市民网点开户"));
    // an id that does not exist
    let o = kano(&[
        "chart",
        "workshops/zh-bank",
        "--kind",
        "journey-g9-j1",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("journey-g1-j1"));
}

#[test]
fn unknown_kind_is_exit_2_with_the_kinds() {
    let o = kano(&["chart", "workshops/en-hotel.yaml", "--kind", "kano-beter-worse"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("unknown chart kind `kano-beter-worse`"), "{err}");
    assert!(err.contains("did you mean `kano-better-worse`?"), "{err}");
    assert!(err.contains("market-damage"), "{err}");
}

#[test]
fn a_kind_without_data_is_exit_2_and_skipped_by_all() {
    // the English example without its market-damage section
    let tmp = tempfile::tempdir().unwrap();
    let yaml =
        std::fs::read_to_string(crate::harness::root().join("workshops/en-hotel.yaml")).unwrap();
    let start = yaml.find("\nmarket_damage:").unwrap() + 1;
    let end = yaml[start..].find("\n#").map_or(yaml.len(), |i| start + i + 1);
    let file = tmp.path().join("hotel.yaml");
    std::fs::write(&file, format!("{}{}", &yaml[..start], &yaml[end..])).unwrap();
    std::fs::copy(
        crate::harness::root().join("workshops/en-hotel-kano.csv"),
        tmp.path().join("en-hotel-kano.csv"),
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let out = tmp.path().join("c.svg");
    let o = kano(&["chart", file, "--kind", "market-damage", "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 2, "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("no `market-damage` chart"), "{err}");
    assert!(!out.exists());
    let dir = tmp.path().join("all");
    let o = kano(&["chart", file, "--all", "-o", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("skipped market-damage") && !err.contains("kano-continuous"), "{err}");
}

#[test]
fn the_english_continuous_kano_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("c.svg");
    let o = kano(&[
        "chart",
        "workshops/en-hotel.yaml",
        "--kind",
        "kano-continuous",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.contains("Pillow menu") || svg.contains("Pillow"), "no feature label");
}

const BAD_ANSWERS: &str = "\
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
kano:
  features:
    - {id: k1, name: 叫号提醒, counts: {A: 12, O: 30, M: 5, I: 8, R: 1, Q: 0}}
";

#[test]
fn answers_the_analysis_rejects_are_exit_2_unless_only_kano_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("workshop.yaml"), BAD_ANSWERS).unwrap();
    std::fs::write(dir.path().join("nps.csv"), "评分\n9\n11\n").unwrap();
    let ws = dir.path().to_str().unwrap();
    let out = dir.path().join("charts");
    let o = kano(&["chart", ws, "--all", "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(code(&o), 2, "{err}");
    // in the workshop's language (zh-CN: it does not say)
    assert!(err.contains("NPS 答案 `11` 超出了量表 0..10（第 3 行，`评分` 列）"), "{err}");
    assert!(err.contains("nps.csv:3:"), "{err}");
    assert!(err.contains("：未做分析；未生成图表"), "{err}");
    assert!(!out.exists());
    // the Kano charts need no analysis
    let file = dir.path().join("bw.svg");
    let o = kano(&["chart", ws, "--kind", "kano-better-worse", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert!(svg_text(&file).contains("叫号提醒"));
    // once the answers are on the scale, the NPS chart draws them
    std::fs::write(dir.path().join("nps.csv"), "评分\n9\n10\n3\n").unwrap();
    let file = dir.path().join("nps.svg");
    let o = kano(&["chart", ws, "--kind", "nps", "-o", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let text = svg_text(&file);
    assert!(text.contains("NPS+33.3") && text.contains("n=3"), "{text}");
}

#[test]
fn listing_and_usage_errors() {
    let o = kano(&["chart", "--list"]);
    assert_eq!(code(&o), 0);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("kano-better-worse") && out.contains("pk"), "{out}");
    assert!(out.contains("emotion ") && out.contains("emotion curve"), "{out}");
    let o = kano(&["chart", "workshops/en-hotel.yaml", "--list"]);
    assert_eq!(code(&o), 0);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("journey-g2-j1")
            && out.contains("emotion-g2-j1")
            && out.contains("kano-continuous")
            && !out.contains("(none:")
    );
    // no kind, no --all
    assert_eq!(code(&kano(&["chart", "workshops/en-hotel.yaml"])), 2);
    // an extension that is no format
    let o =
        kano(&["chart", "workshops/en-hotel.yaml", "--kind", "pk", "-o", "/tmp/kano-chart.gif"]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains(".svg, .png or .pdf"));
    // an invalid workshop writes nothing
    let o = kano(&[
        "chart",
        "tests/corpus/bad/bad-enums.yaml",
        "--all",
        "-o",
        "/nonexistent-kano-charts",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("no chart written"));
}

#[test]
fn the_emotion_curve_of_a_journey_as_svg_and_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    // one by id, in both formats
    for ext in ["svg", "pdf"] {
        let out = tmp.path().join(format!("e.{ext}"));
        let o = kano(&[
            "chart",
            "workshops/zh-bank",
            "--kind",
            "emotion-g1-j1",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
        let text = if ext == "svg" { svg_text(&out) } else { pdf_text(&out) };
        for t in [
            "第一组",
            "新市民网点开户",
            "情绪曲线",
            "进门问询",
            "首笔转账",
            "波谷−3",
            "波峰·末触点2",
            "平均线−0.5",
            "情绪",
            "−3",
        ] {
            assert!(text.contains(t), "e.{ext}: no {t:?} in {text:?}");
        }
    }
    // the kind alone draws the first journey's and names the others
    let out = tmp.path().join("first.svg");
    let o = kano(&["chart", "workshops/zh-bank", "--kind", "emotion", "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("注意：") && err.contains("已画 `emotion-g1-j1`"), "{err}");
    assert!(err.contains("`emotion-g6-j1`"), "{err}");
    // in English, and as PNG
    let out = tmp.path().join("e.png");
    let o = kano(&[
        "chart",
        "workshops/en-hotel.yaml",
        "--kind",
        "emotion-g1-j1",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(&std::fs::read(&out).unwrap()[..8], b"\x89PNG\r\n\x1a\n");
}

/// `kano chart`'s own lines are in the workshop's language (or `--lang`), even before the
/// workshop is loaded (a wrong `--kind`); the kinds are described in the language asked for.
#[test]
fn chart_lines_follow_the_language() {
    let o = kano(&["chart", "--list", "--lang", "zh-CN"]);
    assert_eq!(code(&o), 0);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("图表类型（"), "{out}");
    assert!(out.contains("  kano-better-worse  Kano Better–Worse 散点图"), "{out}");
    let o = kano(&["chart", "--list"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("journey map, one per journey"));
    let o = kano(&["chart", "workshops/zh-bank", "--kind", "jorney"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.starts_with("错误：未知的图表类型 `jorney`\n  = 提示：是不是要写 `journey`？"),
        "{err}"
    );
    let o = kano(&["chart", "workshops/en-hotel.yaml", "--kind", "jorney"]);
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: unknown chart kind `jorney`"));
    // a workshop without SERVQUAL zone data says why, in its language
    let o = kano(&["chart", "tests/corpus/ok/minimal.yaml", "--list", "--lang", "zh-TW"]);
    assert_eq!(code(&o), 0);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("tests/corpus/ok/minimal.yaml 的圖表（zh-TW）：\n"), "{out}");
    assert!(out.contains("  servqual-gaps            （無：沒有 `servqual` 部分）\n"), "{out}");
    assert!(out.contains("（無：沒有任何 CSAT 測評有答案"), "{out}");
}
