//! `kano report`: the PDF of the shipped examples, read back with lopdf.

use crate::harness::{code, kano, root};

fn pdf_text(bytes: &[u8]) -> (lopdf::Document, String) {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    (doc, text)
}

/// Text with all whitespace removed: extraction splits lines and table cells.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn chinese_report_holds_title_standards_and_chart() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let o = kano(&["report", "workshops/zh-bank", "-o", out]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let file = tmp.path().join("zh-bank.pdf");
    assert!(String::from_utf8_lossy(&o.stdout).contains("zh-bank.pdf"));
    let bytes = std::fs::read(&file).unwrap();
    let (doc, text) = pdf_text(&bytes);
    let text = squeeze(&text);
    assert!(doc.get_pages().len() > 3);
    // the cover and the section title
    for s in ["服务创新、体验创值", "甬江银行股份有限公司明州分行", "岗位服务满意标准1.0"]
    {
        assert!(text.contains(s), "no {s} in the PDF text");
    }
    // standards: table head, a dimension label, and cells from g1.yaml
    for s in ["维度", "指标", "有形度", "可靠度", "响应度", "专业度", "移情度"] {
        assert!(text.contains(s), "no {s} in the PDF text");
    }
    let g1 = std::fs::read_to_string(root().join("workshops/zh-bank/g1.yaml")).unwrap();
    let indicator = g1
        .lines()
        .find_map(|l| l.trim().strip_prefix("indicator:"))
        .map(|s| squeeze(s.trim().trim_matches('"')))
        .unwrap();
    assert!(text.contains(&indicator), "no standard `{indicator}` in the PDF text");
    // the emotion curve is vector text in the same fonts: its labels are extractable
    assert!(text.contains("情绪曲线") && text.contains("平均线"));
    // page footer
    assert!(text.contains("第2页/共"));
}

#[test]
fn fonts_are_embedded_subsets() {
    let tmp = tempfile::tempdir().unwrap();
    let o = kano(&["report", "workshops/en-hotel.yaml", "-o", tmp.path().to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(tmp.path().join("en-hotel.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let mut names = Vec::new();
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"Type").and_then(|t| t.as_name()).is_ok_and(|t| t == b"FontDescriptor")
        {
            let name = d.get(b"FontName").and_then(|n| n.as_name()).unwrap();
            assert!(
                d.has(b"FontFile2") || d.has(b"FontFile3"),
                "font {} is not embedded",
                String::from_utf8_lossy(name)
            );
            names.push(String::from_utf8_lossy(name).into_owned());
        }
    }
    names.sort();
    assert_eq!(names.len(), 2, "{names:?}");
    for n in &names {
        // a subset font's name carries a six-letter tag: ABCDEF+NotoSansSC-Regular
        let (tag, base) = n.split_once('+').unwrap();
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{n}");
        assert!(base.starts_with("NotoSansSC-"), "{n}");
    }
    // the 3 MB fonts are cut down to the glyphs used
    assert!(bytes.len() < 600_000, "{} bytes", bytes.len());
    let (_, text) = pdf_text(&bytes);
    assert!(text.contains("Page 2 of"), "English footer");
}

#[test]
fn report_is_deterministic() {
    for (workshop, file) in
        [("workshops/en-hotel.yaml", "en-hotel.pdf"), ("workshops/zh-bank", "zh-bank.pdf")]
    {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        for d in [&a, &b] {
            let o = kano(&["report", workshop, "-o", d.path().to_str().unwrap()]);
            assert_eq!(code(&o), 0);
        }
        let x = std::fs::read(a.path().join(file)).unwrap();
        let y = std::fs::read(b.path().join(file)).unwrap();
        assert!(x == y, "two runs of {workshop} gave different bytes");
    }
}

#[test]
fn english_wording_on_chinese_data() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let o = kano(&["report", "workshops/zh-bank", "--lang", "en", "-o", out]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let (_, text) = pdf_text(&std::fs::read(tmp.path().join("zh-bank.pdf")).unwrap());
    let text = squeeze(&text);
    for s in [
        "Contents",
        "The3-2-1summary",
        "Kanoneedsanalysis",
        "Zoneoftolerance",
        "GroupPK",
        "Appendix:methods",
        "第一组·启航队",
    ] {
        assert!(text.contains(s), "no {s} in the English report");
    }
    assert!(!text.contains("目录") && !text.contains("：Kano"));
}

#[test]
fn language_can_be_overridden() {
    let tmp = tempfile::tempdir().unwrap();
    let o = kano(&[
        "report",
        "workshops/en-hotel.yaml",
        "--lang",
        "zh-TW",
        "-o",
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let (_, text) = pdf_text(&std::fs::read(tmp.path().join("en-hotel.pdf")).unwrap());
    assert!(squeeze(&text).contains("頁"), "Traditional footer");
}

#[test]
fn invalid_workshop_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = kano(&["report", "tests/corpus/bad/bad-enums.yaml", "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    // the workshop's language (it does not say: zh-CN)
    assert!(err.contains("未生成报告"), "{err}");
    assert!(err.contains("tests/corpus/bad/bad-enums.yaml:"), "{err}");
    let args = ["report", "tests/corpus/bad/bad-enums.yaml", "-o", out.to_str().unwrap()];
    for (lang, words) in [("en", "no report written"), ("zh-TW", "未產生報告")] {
        let o = kano(&[&args[..], &["--lang", lang]].concat());
        assert_eq!(code(&o), 2);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(words), "{lang}: {err}");
    }
    assert!(!out.exists(), "the output folder was created");
}

#[test]
fn report_of_a_missing_path_is_exit_2() {
    let o = kano(&["report", "no/such/workshop.yaml", "-o", "/nonexistent-kano-out"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn contents_and_every_group_section() {
    let tmp = tempfile::tempdir().unwrap();
    let o = kano(&["report", "workshops/zh-bank", "-o", tmp.path().to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("no glyph"));
    let bytes = std::fs::read(tmp.path().join("zh-bank.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    // the contents run over pages 2 and 3, each line ending with its page number
    let contents = squeeze(&doc.extract_text(&[2, 3]).unwrap());
    assert!(contents.starts_with("目录3-2-1总结...."), "{contents}");
    for s in [
        "第一组·启航队",
        "第六组·回音队",
        "MOT优化方案",
        "满意度测评方案",
        "服务质量差距诊断",
        "KANO需求分析",
        "SERVQUAL服务质量评估",
        "容忍区域",
        "体验损害模型（TARP）",
        "分组PK",
        "附录：方法说明",
    ] {
        assert!(contents.contains(s), "no {s} in the contents: {contents}");
    }
    let (_, text) = pdf_text(&bytes);
    let text = squeeze(&text);
    for s in [
        // 3-2-1: the most-cited takeaway and an action with its owner
        "峰终定律",
        "行动计划",
        "朱慧敏",
        // per group
        "优化方式",
        "投入难易度",
        "速赢",
        "测评时机",
        "NPS+47.4",
        "倾听的差距",
        "责任人",
        "平均线",
        // workshop-wide, with figures of `kano analyze` (checked by hand there)
        "−0.26",
        "−0.878",
        "3,660",
        "6,771,000",
        "3,659.6",
        "Kano标准评价表",
        // the appendix: in words, the formula typeset, this workshop's parameters
        "体验损害模型（TARP）",
        "Better=(A+O)÷(A+O+M+I)",
        "加权总分按每位受访者自己分配的100分计算（120位受访者）",
    ] {
        assert!(text.contains(s), "no {s} in the PDF text");
    }
}

#[test]
fn one_group_report() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let o = kano(&["report", "workshops/zh-bank", "-o", out, "--group", "g2", "--paper", "letter"]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(tmp.path().join("zh-bank-g2.pdf")).unwrap();
    let (_, text) = pdf_text(&bytes);
    let text = squeeze(&text);
    assert!(text.contains("第二组·扬帆队") && text.contains("小组成果报告"));
    assert!(!text.contains("第一组·启航队"), "another group's section is in g2's report");

    let o = kano(&["report", "workshops/zh-bank", "-o", out, "--group", "g9"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("错误：工作坊中没有小组 `g9`；未生成报告"), "{err}");
    assert!(err.contains("= 提示：是不是要写 `g1`？"), "{err}");
    let o = kano(&["report", "workshops/zh-bank", "-o", out, "--group", "nosuch", "--lang", "en"]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("error: the workshop has no group `nosuch`; no report written"), "{err}");
    assert!(err.contains("= hint: the groups are: `g1`, `g2`"), "{err}");
}

#[test]
fn templates_folder_replaces_a_section() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("tpl");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("gaps.md"),
        "## 我们的差距清单\n{% for x in g.gaps %}\n- {{ x.gap }}：{{ x.owner | md }}\n{% endfor %}\n",
    )
    .unwrap();
    let out = tmp.path().to_str().unwrap();
    let tpl = dir.to_str().unwrap();
    let o = kano(&["report", "workshops/zh-bank", "-o", out, "--templates", tpl]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let (_, text) = pdf_text(&std::fs::read(tmp.path().join("zh-bank.pdf")).unwrap());
    let text = squeeze(&text);
    assert!(text.contains("我们的差距清单") && !text.contains("服务质量差距诊断"));

    // a template mistake: exit 2, the template named, the last good report kept
    std::fs::write(dir.join("gaps.md"), "{% for x in g.gaps %}{{ x.nope }}\n").unwrap();
    let before = std::fs::read(tmp.path().join("zh-bank.pdf")).unwrap();
    let o = kano(&["report", "workshops/zh-bank", "-o", out, "--templates", tpl]);
    assert_eq!(code(&o), 2);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("gaps.md"), "{err}");
    assert_eq!(std::fs::read(tmp.path().join("zh-bank.pdf")).unwrap(), before);
}

#[test]
fn missing_glyphs_are_listed_and_source_date_epoch_dates_the_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(root().join("workshops/en-hotel.yaml")).unwrap();
    let yaml = yaml.replacen(
        "subtitle: Customer journey design",
        "subtitle: Customer journey design \u{1F600} \u{2603}",
        1,
    );
    assert!(yaml.contains('\u{1F600}'));
    let file = tmp.path().join("en-hotel.yaml");
    std::fs::write(&file, yaml).unwrap();
    std::fs::copy(root().join("workshops/en-hotel-kano.csv"), tmp.path().join("en-hotel-kano.csv"))
        .unwrap();
    let run = |epoch: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kano"));
        cmd.args(["report", file.to_str().unwrap(), "-o", tmp.path().to_str().unwrap()]);
        cmd.env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        cmd.output().unwrap()
    };
    let o = run(None);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("no glyph for") && err.contains("U+1F600") && err.contains("U+2603"),
        "{err}"
    );

    let info_date = |bytes: &[u8]| {
        let doc = lopdf::Document::load_mem(bytes).unwrap();
        let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
        let d = doc.get_dictionary(info).unwrap();
        String::from_utf8_lossy(d.get(b"CreationDate").unwrap().as_str().unwrap()).into_owned()
    };
    let pdf = tmp.path().join("en-hotel.pdf");
    let workshop_dated = info_date(&std::fs::read(&pdf).unwrap());
    assert!(workshop_dated.starts_with("D:2026"), "{workshop_dated}");
    let o = run(Some("951782400"));
    assert_eq!(code(&o), 0);
    assert_eq!(info_date(&std::fs::read(&pdf).unwrap()), "D:20000229");
    let o = run(Some("yesterday"));
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("SOURCE_DATE_EPOCH"));
}

/// The command's own lines are in the report's language (`--lang`, else the workshop's):
/// `SOURCE_DATE_EPOCH`, the templates folder, a Kano survey that cannot be classified (its
/// problems with file, row, column and header), and what was written.
#[test]
fn command_lines_follow_the_workshop_language() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let out = out.to_str().unwrap();
    let run = |args: &[&str], epoch: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_kano"));
        cmd.args(args).current_dir(root()).env_remove("SOURCE_DATE_EPOCH");
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        let o = cmd.output().unwrap();
        (code(&o), String::from_utf8_lossy(&o.stderr).into_owned(), o.stdout)
    };
    let (c, err, _) = run(&["report", "workshops/zh-bank", "-o", out], Some("昨天"));
    assert_eq!(c, 2);
    assert!(err.starts_with("错误：SOURCE_DATE_EPOCH 的值是 `昨天`"), "{err}");
    assert!(err.contains("；未生成报告\n  = 提示："), "{err}");
    let (c, err, _) =
        run(&["report", "workshops/zh-bank", "-o", out, "--lang", "zh-TW"], Some("x"));
    assert_eq!(c, 2);
    assert!(
        err.contains("錯誤：SOURCE_DATE_EPOCH 的值是 `x`") && err.contains("未產生報告"),
        "{err}"
    );
    let (c, err, _) =
        run(&["report", "workshops/zh-bank", "-o", out, "--templates", "no/such/dir"], None);
    assert_eq!(c, 2);
    assert!(err.starts_with("错误：无法从 no/such/dir 读取模板："), "{err}");
    // a survey that cannot be classified: the reader's diagnostics, then one line
    let ws = tmp.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    for e in std::fs::read_dir(root().join("workshops/zh-bank")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, ws.join(p.file_name().unwrap())).unwrap();
    }
    let survey = ws.join("kano-survey.csv");
    let text = std::fs::read_to_string(&survey).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[3].push_str(",7,7");
    std::fs::write(&survey, lines.join("\n")).unwrap();
    let (c, err, _) = run(&["report", ws.to_str().unwrap(), "-o", out], None);
    assert_eq!(c, 2);
    let cells = lines[0].split(',').count();
    assert!(
        err.contains(&format!("错误：这一行有 {} 个单元格，表头却有 {cells} 个", cells + 2)),
        "{err}"
    );
    assert!(err.contains(&format!("kano-survey.csv:4:{}\n", cells + 1)), "{err}");
    assert!(err.contains("= 提示：某个值里可能含有分隔符却没有加引号"), "{err}");
    assert!(err.contains("Kano 问卷 ") && err.ends_with("无法分类；未生成报告\n"), "{err}");
    let (c, err, _) = run(&["report", ws.to_str().unwrap(), "-o", out, "--lang", "en"], None);
    assert_eq!(c, 2);
    assert!(err.contains("error: the row has"), "{err}");
    assert!(err.ends_with("cannot be classified; no report written\n"), "{err}");
    // and what was written
    let (c, _, stdout) = run(&["report", "workshops/zh-bank", "-o", out, "--group", "g1"], None);
    assert_eq!(c, 0);
    let stdout = String::from_utf8_lossy(&stdout);
    assert!(stdout.starts_with("已写入 ") && stdout.contains("zh-bank-g1.pdf（"), "{stdout}");
}
