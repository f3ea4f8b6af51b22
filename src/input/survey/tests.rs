//! Tests over whole files: the real data sets, every header convention, encodings,
//! delimiters, row numbers, the three layouts, mapping files and every error.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use super::*;

/// The error's hint worded from the English catalog, as the commands print it.
fn en_hint(e: &SurveyError) -> String {
    crate::cmd::say(crate::model::Language::En)(&e.hint().expect("a hint"))
}

/// The error's message worded from the English catalog, as the commands print it.
fn en_message(e: &SurveyError) -> String {
    crate::cmd::say(crate::model::Language::En)(&e.message())
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/survey").join(name)
}

fn read_bytes(bytes: &[u8], opts: &ReadOptions) -> Result<Survey, SurveyError> {
    from_reader("t.csv", Cursor::new(bytes.to_vec()), opts)
}

fn survey(text: &str) -> Survey {
    read_bytes(text.as_bytes(), &ReadOptions::default()).unwrap()
}

fn err(bytes: &[u8]) -> SurveyError {
    read_bytes(bytes, &ReadOptions::default()).unwrap_err()
}

/// A record as owned strings: (row, respondent, feature id, functional, dysfunctional,
/// importance).
type Flat = (u64, Option<String>, String, String, String, Option<String>);

fn flat(s: &mut Survey) -> Vec<Flat> {
    let mut out = Vec::new();
    s.for_each_record(|r| {
        out.push((
            r.row,
            r.respondent.map(str::to_owned),
            r.feature_id.to_owned(),
            r.functional.text.to_owned(),
            r.dysfunctional.text.to_owned(),
            r.importance.map(|c| c.text.to_owned()),
        ));
    })
    .unwrap();
    out
}

fn rec(row: u64, resp: &str, f: &str, func: &str, dys: &str) -> Flat {
    (row, Some(resp.to_owned()), f.to_owned(), func.to_owned(), dys.to_owned(), None)
}

fn ids(s: &Survey) -> Vec<&str> {
    s.features().iter().map(|f| f.id.as_str()).collect()
}

fn names(cols: &[Column]) -> Vec<&str> {
    cols.iter().map(|c| c.name.as_str()).collect()
}

// ---------------------------------------------------------------------------------------
// Real data

#[test]
fn reppl_wide_file_without_mapping() {
    let mut s = open(&corpus("reppl-transfers.csv"), &ReadOptions::default()).unwrap();
    assert_eq!(s.layout(), Layout::Wide);
    assert_eq!(s.encoding(), encoding_rs::UTF_8);
    assert_eq!(s.delimiter(), b',');
    assert_eq!(ids(&s), ["F6", "F7", "F8", "F9", "F10", "F11"]);
    // F10's columns come dysfunctional first: paired by name.
    let f10 = &s.features()[4];
    assert_eq!((f10.functional.name.as_str(), f10.functional.index), ("F10_functional", 16));
    assert_eq!(
        (f10.dysfunctional.name.as_str(), f10.dysfunctional.index),
        ("F10_dysfunctional", 15)
    );
    assert_eq!(f10.importance.as_ref().map(|c| c.index), Some(5));
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("ID"));
    assert!(s.segment_columns().is_empty());

    let mut rows = 0;
    let mut records = 0;
    let mut last_row = 0;
    let mut tally: BTreeMap<(String, &'static str, String), u32> = BTreeMap::new();
    let mut seen_58 = None;
    while let Some(row) = s.next_row().unwrap() {
        rows += 1;
        last_row = row.row();
        for r in row.records() {
            records += 1;
            *tally
                .entry((r.feature_id.to_owned(), "F", r.functional.text.to_owned()))
                .or_default() += 1;
            *tally
                .entry((r.feature_id.to_owned(), "D", r.dysfunctional.text.to_owned()))
                .or_default() += 1;
            if let Some(imp) = r.importance {
                *tally.entry((r.feature_id.to_owned(), "I", imp.text.to_owned())).or_default() += 1;
            }
            if r.row == 58 && r.feature_id == "F10" {
                seen_58 = Some((
                    r.respondent.map(str::to_owned),
                    r.dysfunctional.column.to_owned(),
                    r.dysfunctional.text.to_owned(),
                ));
            }
        }
    }
    assert_eq!((rows, records, last_row), (358, 358 * 6, 359));
    let t = |f: &str, role: &'static str, v: &str| {
        tally.get(&(f.to_owned(), role, v.to_owned())).copied().unwrap_or(0)
    };
    assert_eq!(t("F6", "F", "I like it"), 123);
    assert_eq!(t("F6", "F", "I am neutral"), 124);
    assert_eq!(t("F6", "D", "I expect it"), 80);
    assert_eq!(t("F10", "F", "I like it"), 204);
    assert_eq!(t("F10", "D", "I dislike it"), 269);
    assert_eq!(t("F10", "I", "9 - Extremely important"), 195);
    assert_eq!(t("F6", "I", "2"), 21);
    assert_eq!(
        seen_58,
        Some((
            Some("ALL1-58".to_owned()),
            "F10_dysfunctional".to_owned(),
            "I dislike it".to_owned()
        ))
    );
}

#[test]
fn atlason_long_file() {
    let mut s = open(&corpus("atlason-example-long.csv"), &ReadOptions::default()).unwrap();
    assert_eq!(s.layout(), Layout::Long);
    assert!(s.features().is_empty(), "long features are discovered while reading");
    let recs = flat(&mut s);
    assert_eq!(recs.len(), 185);
    assert_eq!(ids(&s), ["FR1", "FR2", "FR3", "FR4", "FR5"]);
    assert_eq!(s.features()[0].functional.name, "functional");
    let sum =
        |get: fn(&Flat) -> &str| recs.iter().map(|r| get(r).parse::<u32>().unwrap()).sum::<u32>();
    assert_eq!(sum(|r| &r.3), 410);
    assert_eq!(sum(|r| &r.4), 780);
    let fr1_22 = recs.iter().filter(|r| r.2 == "FR1" && r.3 == "2" && r.4 == "2").count();
    assert_eq!(fr1_22, 30);
    assert_eq!(recs[0], rec(2, "1", "FR1", "2", "2"));
    assert_eq!(recs[184], rec(186, "37", "FR5", "1", "4"));
    for k in 0..5 {
        assert_eq!(recs.iter().filter(|r| r.2 == format!("FR{}", k + 1)).count(), 37);
    }
}

#[test]
fn zh_bank_survey() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("workshops/zh-bank/kano-survey.csv");
    let mut s = open(&path, &ReadOptions::default()).unwrap();
    assert_eq!(s.layout(), Layout::Wide);
    let expected: Vec<String> = (1..=16).map(|k| format!("k{k:02}")).collect();
    assert_eq!(ids(&s), expected);
    assert!(s.features().iter().all(|f| f.importance.is_some()));
    assert_eq!(
        s.features()[15].importance.as_ref().map(|c| c.name.as_str()),
        Some("k16_importance")
    );
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("respondent"));
    let recs = flat(&mut s);
    assert_eq!(recs.len(), 120 * 16);
    assert_eq!(recs.last().map(|r| r.0), Some(121));
    let mut values: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &recs {
        *values.entry(&r.3).or_default() += 1;
        *values.entry(&r.4).or_default() += 1;
    }
    let expect: BTreeMap<&str, usize> = [
        ("", 19),
        ("它理应如此", 448),
        ("我很不喜欢", 973),
        ("我很喜欢", 1112),
        ("无所谓", 813),
        ("能忍受", 475),
    ]
    .into();
    assert_eq!(values, expect);
    let importance: u32 = recs
        .iter()
        .filter_map(|r| r.5.as_deref())
        .filter(|t| !t.is_empty())
        .map(|t| t.parse::<u32>().unwrap())
        .sum();
    assert_eq!(importance, 11332);
    let r056 = recs.iter().find(|r| r.1.as_deref() == Some("R056") && r.2 == "k03").unwrap();
    assert_eq!((r056.0, r056.3.as_str()), (57, "能忍受"));
    // Row 13 skipped k15 both ways.
    let r13 = recs.iter().find(|r| r.0 == 13 && r.2 == "k15").unwrap();
    assert_eq!((r13.3.as_str(), r13.4.as_str()), ("", ""));
}

// ---------------------------------------------------------------------------------------
// Header conventions

#[test]
fn every_wide_convention() {
    let cases = [
        "id,a_F,a_D\n7,1,5\n",
        "id,a_f,a_d\n7,1,5\n",
        "id,a_functional,a_dysfunctional\n7,1,5\n",
        "id,A_Functional,A_DYSFUNCTIONAL\n7,1,5\n",
        "id,a(功能),a(反功能)\n7,1,5\n",
        "id,a（功能）,a（反功能）\n7,1,5\n",
        "id,a functional,a dysfunctional\n7,1,5\n",
        "id,a-F,a-D\n7,1,5\n",
        "id,a 正向,a 反向\n7,1,5\n",
    ];
    for text in cases {
        let mut s = survey(text);
        assert_eq!(s.layout(), Layout::Wide, "{text}");
        assert_eq!(s.features().len(), 1, "{text}");
        let id = s.features()[0].id.clone();
        assert!(id.eq_ignore_ascii_case("a"), "{text}: {id}");
        assert_eq!(flat(&mut s), [rec(2, "7", &id, "1", "5")], "{text}");
    }
}

#[test]
fn chinese_feature_names_in_brackets() {
    let mut s = survey(
        "序号,取号后短信提醒（功能）,取号后短信提醒（反功能）,取号后短信提醒（重要性）,网点\n1,我很喜欢,能忍受,8,东门\n",
    );
    assert_eq!(ids(&s), ["取号后短信提醒"]);
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("序号"));
    assert_eq!(names(s.segment_columns()), ["网点"]);
    let row = s.next_row().unwrap().unwrap();
    assert_eq!(row.segments().by_name("网点"), Some("东门"));
    let r = row.records().next().unwrap();
    assert_eq!(r.functional.column, "取号后短信提醒（功能）");
    assert_eq!(r.importance.map(|c| c.text), Some("8"));
}

#[test]
fn shuffled_columns_pair_by_name() {
    let text = "b_importance,gender,b_D,a_F,id,a_D,b_F,region\n\
                9,f,5,1,r1,3,2,south\n\
                1,m,4,2,r2,5,1,north\n";
    let mut s = survey(text);
    assert_eq!(ids(&s), ["b", "a"]);
    assert_eq!(names(s.segment_columns()), ["gender", "region"]);
    assert_eq!(s.respondent_column().map(|c| c.index), Some(4));
    let mut out = Vec::new();
    while let Some(row) = s.next_row().unwrap() {
        let seg: Vec<(&str, &str)> = row.segments().iter().collect();
        for r in row.records() {
            out.push(format!(
                "{} {} {} F={}@{} D={}@{} I={:?} seg={seg:?}",
                r.row,
                r.respondent.unwrap_or("-"),
                r.feature_id,
                r.functional.text,
                r.functional.column,
                r.dysfunctional.text,
                r.dysfunctional.column,
                r.importance.map(|c| c.text),
            ));
        }
    }
    assert_eq!(
        out,
        [
            r#"2 r1 b F=2@b_F D=5@b_D I=Some("9") seg=[("gender", "f"), ("region", "south")]"#,
            r#"2 r1 a F=1@a_F D=3@a_D I=None seg=[("gender", "f"), ("region", "south")]"#,
            r#"3 r2 b F=1@b_F D=4@b_D I=Some("1") seg=[("gender", "m"), ("region", "north")]"#,
            r#"3 r2 a F=2@a_F D=5@a_D I=None seg=[("gender", "m"), ("region", "north")]"#,
        ]
    );
}

#[test]
fn long_layout_any_order_with_segments() {
    let text = "Wave,Dysfunctional,FEATURE,Importance,Respondent,Functional\n\
                1,5,wifi,7,p1,1\n\
                1,4,sms,3,p1,2\n\
                2,3,wifi,,p2,I like it\n";
    let mut s = survey(text);
    assert_eq!(s.layout(), Layout::Long);
    assert_eq!(names(s.segment_columns()), ["Wave"]);
    let mut out = Vec::new();
    s.for_each_record(|r| {
        out.push((
            r.row,
            r.feature,
            r.feature_id.to_owned(),
            r.functional.text.to_owned(),
            r.importance.map(|c| c.text.to_owned()),
            r.segments.get(0).map(str::to_owned),
        ));
    })
    .unwrap();
    let o = |s: &str| Some(s.to_owned());
    assert_eq!(
        out,
        [
            (2, 0, "wifi".to_owned(), "1".to_owned(), o("7"), o("1")),
            (3, 1, "sms".to_owned(), "2".to_owned(), o("3"), o("1")),
            (4, 0, "wifi".to_owned(), "I like it".to_owned(), o(""), o("2")),
        ]
    );
    assert_eq!(ids(&s), ["wifi", "sms"]);
    assert_eq!(s.features()[1].importance.as_ref().map(|c| c.name.as_str()), Some("Importance"));
}

#[test]
fn long_layout_without_respondent() {
    let mut s = survey("feature,functional,dysfunctional\nx,1,5\n");
    assert_eq!(s.respondent_column(), None);
    assert_eq!(flat(&mut s), [(2, None, "x".to_owned(), "1".to_owned(), "5".to_owned(), None)]);
}

#[test]
fn counts_layout() {
    let text = "feature,name,A,O,M,I,R,Q\nk01,短信提醒,12,30,5,8,1,0\nk02,,0,0,0, 7 ,0,2\n";
    let mut s = survey(text);
    assert_eq!(s.layout(), Layout::Counts);
    let mut got = Vec::new();
    s.for_each_counts(|c| {
        got.push((
            c.row,
            c.feature.to_owned(),
            c.name.map(str::to_owned),
            [c.a, c.o, c.m, c.i, c.r, c.q],
        ))
    })
    .unwrap();
    assert_eq!(
        got,
        [
            (2, "k01".to_owned(), Some("短信提醒".to_owned()), [12, 30, 5, 8, 1, 0]),
            (3, "k02".to_owned(), None, [0, 0, 0, 7, 0, 2]),
        ]
    );
    // R and Q may be left out; extra columns are segments.
    let mut s = survey("i;m;o;a;Feature;group\n4;3;2;1;x;g1\n");
    assert_eq!(s.delimiter(), b';');
    assert_eq!(names(s.segment_columns()), ["group"]);
    let c = s.next_counts().unwrap().unwrap();
    assert_eq!([c.a, c.o, c.m, c.i, c.r, c.q], [1, 2, 3, 4, 0, 0]);
    assert_eq!(c.segments.by_name("GROUP"), Some("g1"));
    assert!(s.next_counts().unwrap().is_none());
}

// ---------------------------------------------------------------------------------------
// Text: encodings, delimiters, quoting, rows

#[test]
fn utf8_bom_is_removed() {
    let mut s =
        read_bytes(b"\xEF\xBB\xBFID,x_F,x_D\r\nr1,1,2\r\n", &ReadOptions::default()).unwrap();
    assert_eq!(s.headers()[0], "ID");
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("ID"));
    assert_eq!(flat(&mut s), [rec(2, "r1", "x", "1", "2")]);
}

#[test]
fn gbk_bytes_are_decoded() {
    let text = "编号,取号提醒(功能),取号提醒(反功能),网点\r\n1,我很喜欢,我很不喜欢,东门支行\r\n2,无所谓,能忍受,西门支行\r\n";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(text);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err());
    let mut s = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(s.encoding(), encoding_rs::GB18030);
    assert_eq!(ids(&s), ["取号提醒"]);
    assert_eq!(names(s.segment_columns()), ["网点"]);
    assert_eq!(
        flat(&mut s),
        [
            rec(2, "1", "取号提醒", "我很喜欢", "我很不喜欢"),
            rec(3, "2", "取号提醒", "无所谓", "能忍受")
        ]
    );
}

#[test]
fn gbk_after_a_long_ascii_start() {
    // The first 64 KiB are ASCII, so detection says UTF-8; naming the encoding reads it.
    let mut text = String::from("id,a_F,a_D\n");
    let mut n = 1;
    while text.len() < 70_000 {
        text.push_str(&format!("{n},1,5\n"));
        n += 1;
    }
    text.push_str(&format!("{n},我很喜欢,能忍受\n"));
    let (bytes, _, _) = encoding_rs::GBK.encode(&text);
    let e = {
        let mut s = read_bytes(&bytes, &ReadOptions::default()).unwrap();
        let mut count = 0;
        let e = s.for_each_record(|_| count += 1).unwrap_err();
        assert_eq!(count, n - 1);
        e
    };
    assert_eq!(
        e.to_string(),
        format!(
            "t.csv, row {}, column `a_F`: invalid UTF-8 in the text (the file was read as UTF-8)",
            n + 1
        )
    );
    assert!(en_hint(&e).contains("gb18030"));
    let opts =
        ReadOptions { encoding: encoding_rs::Encoding::for_label(b"gbk"), ..Default::default() };
    let mut s = read_bytes(&bytes, &opts).unwrap();
    let recs = flat(&mut s);
    assert_eq!(recs.last(), Some(&rec(n + 1, &n.to_string(), "a", "我很喜欢", "能忍受")));
}

#[test]
fn utf16_with_bom() {
    let text = "respondent,k1_F,k1_D\r\nR1,我很喜欢,能忍受\r\n";
    for le in [true, false] {
        let mut bytes = if le { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let mut s = read_bytes(&bytes, &ReadOptions::default()).unwrap();
        assert_eq!(s.encoding().name(), if le { "UTF-16LE" } else { "UTF-16BE" });
        assert_eq!(flat(&mut s), [rec(2, "R1", "k1", "我很喜欢", "能忍受")]);
    }
}

#[test]
fn tsv_semicolons_and_excel_sep_line() {
    let tab =
        "id\tQ1 functional\tQ1 dysfunctional\tcomment\nr1\tI like it\tI dislike it\ta, b; c\n";
    let mut s = survey(tab);
    assert_eq!(s.delimiter(), b'\t');
    assert_eq!(flat(&mut s), [rec(2, "r1", "Q1", "I like it", "I dislike it")]);

    let semi = "id;a_F;a_D;note\nr1;\"I like it; a lot\";5;x,y\n";
    let mut s = survey(semi);
    assert_eq!(s.delimiter(), b';');
    assert_eq!(flat(&mut s), [rec(2, "r1", "a", "I like it; a lot", "5")]);

    let mut s = survey("sep=;\r\nid;a_F;a_D\r\nr1;1;2\r\n");
    assert_eq!(s.delimiter(), b';');
    assert_eq!(s.header_row(), 1);
    assert_eq!(flat(&mut s), [rec(2, "r1", "a", "1", "2")]);
}

#[test]
fn quoting_crlf_and_spreadsheet_rows() {
    // Row 3 has a cell with two line breaks; a blank line follows row 4; trailing blanks.
    let text = "id,a_F,a_D,comment\r\n\
                r1,1,5,ok\r\n\
                r2,\"I like it\",\"I \"\"really\"\" dislike it\",\"line one\r\nline two\nline three\"\r\n\
                r3,2,4,\r\n\
                \r\n\
                r4,3,3,\"x,y\"\r\n\
                ,,,\r\n\
                \r\n\r\n";
    let mut s = survey(text);
    assert_eq!(
        flat(&mut s),
        [
            rec(2, "r1", "a", "1", "5"),
            rec(3, "r2", "a", "I like it", "I \"really\" dislike it"),
            rec(4, "r3", "a", "2", "4"),
            rec(6, "r4", "a", "3", "3"),
        ]
    );
    // The same with LF line ends and blank lines before the header.
    let mut s = survey(&format!("\n\n{}", text.replace("\r\n", "\n")));
    assert_eq!(s.header_row(), 3);
    let rows: Vec<u64> = flat(&mut s).iter().map(|r| r.0).collect();
    assert_eq!(rows, [4, 5, 6, 8]);
}

#[test]
fn short_rows_read_as_blank_long_rows_fail() {
    let mut s = survey("id,a_F,a_D,b_F,b_D,seg\nr1,1,5\nr2,2,4,3,3,x,,\n");
    let recs = flat(&mut s);
    assert_eq!(
        recs,
        [
            rec(2, "r1", "a", "1", "5"),
            rec(2, "r1", "b", "", ""),
            rec(3, "r2", "a", "2", "4"),
            rec(3, "r2", "b", "3", "3"),
        ]
    );
    let opts = ReadOptions { strict_rows: true, ..Default::default() };
    let mut s = read_bytes(b"id,a_F,a_D,seg\nr1,1,5\n", &opts).unwrap();
    let e = s.for_each_record(|_| {}).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 2: the row has 3 cells but the header has 4");
    assert!(en_hint(&e).contains("missing cells"));

    let mut s = survey("id,a_F,a_D\nr1,1,5\nr2,I like it,but,no\n");
    let e = s.for_each_record(|_| {}).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 3: the row has 4 cells but the header has 3");
    assert!(en_hint(&e).contains("delimiter without quotes"));
}

#[test]
fn mapping_file() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.csv");
    std::fs::write(
        &map,
        "feature,functional,dysfunctional,importance,name,description\n\
         sms,\"5. 短信提醒 — 具备时\",\"6. 短信提醒 — 不具备时\",,取号后短信提醒叫号,x\n\
         wifi,q7A,Q7b,Q7c,,\n",
    )
    .unwrap();
    let text = "答卷编号,Q7b,5. 短信提醒 — 具备时,Q7a,6. 短信提醒 — 不具备时,Q7c,来源\n\
                101,能忍受,我很喜欢,无所谓,我很不喜欢,6,微信\n";
    let opts = ReadOptions { mapping: Some(map.clone()), ..Default::default() };
    let mut s = read_bytes(text.as_bytes(), &opts).unwrap();
    assert_eq!(s.layout(), Layout::Wide);
    let f: Vec<(&str, &str, usize, usize, Option<usize>)> = s
        .features()
        .iter()
        .map(|f| {
            (
                f.id.as_str(),
                f.name.as_str(),
                f.functional.index,
                f.dysfunctional.index,
                f.importance.as_ref().map(|c| c.index),
            )
        })
        .collect();
    assert_eq!(f, [("sms", "取号后短信提醒叫号", 2, 4, None), ("wifi", "wifi", 3, 1, Some(5))]);
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("答卷编号"));
    assert_eq!(names(s.segment_columns()), ["来源"]);
    assert_eq!(
        flat(&mut s),
        [
            rec(2, "101", "sms", "我很喜欢", "我很不喜欢"),
            (
                2,
                Some("101".to_owned()),
                "wifi".to_owned(),
                "无所谓".to_owned(),
                "能忍受".to_owned(),
                Some("6".to_owned())
            ),
        ]
    );
}

#[test]
fn mapping_file_errors() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.csv");
    let shown = map.display().to_string();
    let survey_text = b"id,Q1a,Q1b,Q2a,Q2b\n1,1,5,2,4\n";
    let try_map = |mapping: &str| {
        std::fs::write(&map, mapping).unwrap();
        let opts = ReadOptions { mapping: Some(map.clone()), ..Default::default() };
        read_bytes(survey_text, &opts).unwrap_err()
    };
    let e = try_map("feature,functional\nq1,Q1a\n");
    assert_eq!(
        e.to_string(),
        format!(
            "{shown}, row 1: the mapping file needs a `dysfunctional` column; its header has `feature`, `functional`"
        )
    );
    let e = try_map("feature,functional,dysfunctional\nq1,Q1a,Q1c\nq1,Q2a,Q2b\nq3,Q1a,Q2b\n");
    assert_eq!(
        e.to_string(),
        format!(
            "{shown}, row 2, column `dysfunctional`: the survey has no column `Q1c` (did you mean `Q1b`?) (and 2 more problem(s) in the header)"
        )
    );
    let further: Vec<String> = e.further().iter().map(ToString::to_string).collect();
    assert_eq!(
        further,
        [
            format!("{shown}, row 3, column `feature`: feature `q1` is listed twice"),
            format!(
                "{shown}, row 4, column `functional`: survey column `Q1a` is already mapped (for feature `q1`)"
            ),
        ]
    );
    let e = try_map("feature,functional,dysfunctional\n\n");
    assert_eq!(e.to_string(), format!("{shown}: the mapping file lists no features"));
}

// ---------------------------------------------------------------------------------------
// Errors

#[test]
fn empty_files() {
    for bytes in [&b""[..], b"\n\n\r\n", b",,,\n1,2,3\n", b"\xEF\xBB\xBF"] {
        let e = err(bytes);
        assert_eq!(e.to_string(), "t.csv: the file is empty (no header row)", "{bytes:?}");
        assert!(en_hint(&e).contains("header row"));
    }
}

#[test]
fn header_without_features() {
    let e = err(b"name,age,city\nx,1,y\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1: no Kano feature columns found; the header has `name`, `age`, `city`"
    );
    let hint = en_hint(&e);
    assert!(hint.contains("`<feature>_F`/`<feature>_D`"), "{hint}");
    assert!(hint.contains("`<feature>(功能)`/`<feature>(反功能)`"), "{hint}");
    assert!(hint.contains("`respondent,feature,functional,dysfunctional`"), "{hint}");
    assert!(hint.contains("`feature,A,O,M,I,R,Q`"), "{hint}");
    assert!(hint.contains("mapping file"), "{hint}");
}

#[test]
fn feature_with_one_column() {
    let e = err(b"id,F3_functional,F4_functional,F4_dysfunctional\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1, column `F3_functional`: feature `F3` has a functional column but no dysfunctional column"
    );
    assert!(en_hint(&e).contains("`F3_dysfunctional`"));
    let e = err("编号,提醒（反功能）\n".as_bytes());
    assert_eq!(
        e.to_string(),
        "t.csv, row 1, column `提醒（反功能）`: feature `提醒` has a dysfunctional column but no functional column"
    );
    assert!(en_hint(&e).contains("`提醒（功能）`"));
    let diags = e.to_diagnostics();
    assert_eq!(diags.len(), 1);
    assert_eq!(
        (diags[0].file.as_str(), diags[0].pos.line, diags[0].path.as_str()),
        ("t.csv", 1, "提醒（反功能）")
    );
}

#[test]
fn duplicate_feature_columns() {
    let e = err(b"id,a_F,a_D,A_functional\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1, column `A_functional`: feature `a` has two functional columns: `a_F` (column 2) and `A_functional` (column 4)"
    );
    let e = err(b"feature,functional,dysfunctional,f\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1, column `f`: column `functional` appears twice (columns 2 and 4)"
    );
}

#[test]
fn long_and_counts_missing_columns() {
    let e = err(b"respondent,feature,functional\n1,x,1\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1: the long layout needs a `dysfunctional` column; the header has `respondent`, `feature`, `functional`"
    );
    let e = err(b"feature,A,O,I\nx,1,2,3\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1: the counts layout needs a `M` column; the header has `feature`, `A`, `O`, `I`"
    );
    let e = err(b"A,O,M,I\n1,2,3,4\n");
    assert_eq!(
        e.to_string(),
        "t.csv, row 1: the counts layout needs a `feature` column; the header has `A`, `O`, `M`, `I`"
    );
}

#[test]
fn bad_counts_and_blank_features() {
    for (value, shown) in [("-3", "-3"), ("2.5", "2.5"), ("", ""), ("lots", "lots")] {
        let mut s = survey(&format!("feature,A,O,M,I,R,Q\nk1,1,2,3,4,5,6\nk2,1,{value},3,4,5,6\n"));
        assert!(s.next_counts().unwrap().is_some());
        let e = s.next_counts().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("t.csv, row 3, column `O`: count `{shown}` is not a non-negative whole number")
        );
        assert_eq!(
            en_hint(&e),
            "write each count as a whole number (0 when nobody gave that answer)"
        );
    }
    let mut s = survey("feature,A,O,M,I\n ,1,2,3,4\n");
    let e = s.next_counts().unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 2, column `feature`: the feature id is blank");
    let mut s = survey("respondent,feature,functional,dysfunctional\n1,x,1,2\n2,,1,2\n");
    let e = s.for_each_record(|_| {}).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 3, column `feature`: the feature id is blank");
}

#[test]
fn wrong_layout_calls() {
    let mut s = survey("feature,A,O,M,I\nx,1,2,3,4\n");
    let e = s.next_row().unwrap_err();
    assert_eq!(e.to_string(), "t.csv: this is a counts survey file; read it with `next_counts`");
    let mut s = survey("id,a_F,a_D\n");
    let e = s.next_counts().unwrap_err();
    assert_eq!(e.to_string(), "t.csv: this is a wide survey file; read it with `next_row`");
}

#[test]
fn unknown_respondent_column() {
    let opts = ReadOptions { respondent_column: Some("who".to_owned()), ..Default::default() };
    let e = read_bytes(b"id,a_F,a_D\n", &opts).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 1: the survey has no respondent column `who`");
    let opts = ReadOptions { respondent_column: Some("Email".to_owned()), ..Default::default() };
    let s = read_bytes(b"id,email,a_F,a_D\n", &opts).unwrap();
    assert_eq!(s.respondent_column().map(|c| c.name.as_str()), Some("email"));
    assert_eq!(names(s.segment_columns()), ["id"]);
}

#[test]
fn binary_files() {
    let e = err(b"PK\x03\x04\x14\x00\x06\x00rest of a zip");
    assert_eq!(
        e.to_string(),
        "t.csv: this is not a text survey file: an Excel workbook (.xlsx) or another zip archive"
    );
    assert!(en_hint(&e).contains("CSV (UTF-8)"));
    let e = err(b"id,a_F\0,a_D\n");
    assert!(e.to_string().contains("NUL bytes"), "{e}");
}

#[test]
fn missing_file() {
    let e = open(Path::new("/nonexistent/survey.csv"), &ReadOptions::default()).unwrap_err();
    assert!(
        e.to_string().starts_with("/nonexistent/survey.csv: cannot read the survey file: "),
        "{e}"
    );
    assert!(matches!(e.kind(), ErrorKind::Io(_)));
}

#[test]
fn huge_lines_are_refused_huge_fields_are_read() {
    let mut text = String::from("id,a_F,a_D,comment\nr1,1,5,\"");
    text.push_str(&"x".repeat(3_000_000));
    text.push_str("\"\nr2,2,4,ok\n");
    let mut s = survey(&text);
    let mut rows = Vec::new();
    s.for_each_record(|r| rows.push((r.row, r.segments.get(0).map(str::len)))).unwrap();
    assert_eq!(rows, [(2, Some(3_000_000)), (3, Some(2))]);

    let opts = ReadOptions { max_line_bytes: 1_000_000, ..Default::default() };
    let mut s = read_bytes(text.as_bytes(), &opts).unwrap();
    let e = s.for_each_record(|_| {}).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 2: a line is longer than 1000000 bytes");
    let e = read_bytes(&vec![b'a'; 2_000_000], &opts).unwrap_err();
    assert_eq!(e.to_string(), "t.csv, row 1: a line is longer than 1000000 bytes");
}

#[test]
fn no_panic_on_junk() {
    let mut state = 0x1234_5678_9abc_def0u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabet = b"a_F,_D\"\n\r;\t\xff\xfe\xe4\xb8\x80\0 1(\xef\xbc\x88)";
    for case in 0..600 {
        let len = (next() % 400) as usize;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                if case % 2 == 0 {
                    next() as u8
                } else {
                    alphabet[(next() % alphabet.len() as u64) as usize]
                }
            })
            .collect();
        let mut prefixed = b"id,a_F,a_D,feature,A,O,M,I\n".to_vec();
        prefixed.extend_from_slice(&bytes);
        for input in [&bytes, &prefixed] {
            let Ok(mut s) = read_bytes(input, &ReadOptions::default()) else { continue };
            match s.layout() {
                Layout::Counts => while let Ok(Some(_)) = s.next_counts() {},
                _ => {
                    while let Ok(Some(row)) = s.next_row() {
                        for r in row.records() {
                            let _ = (r.functional.text.len(), r.segments.iter().count());
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn synthetic_survey_round_trip() {
    let opts = SynthOptions {
        respondents: 1000,
        features: 20,
        seed: 42,
        answers: SynthAnswers::Codes,
        importance: true,
    };
    let mut bytes = Vec::new();
    write_synthetic_wide(&mut bytes, &opts).unwrap();
    let mut s = read_bytes(&bytes, &ReadOptions::default()).unwrap();
    assert_eq!(s.features().len(), 20);
    assert_eq!(s.features()[19].id, "F20");
    assert_eq!(names(s.segment_columns()), ["segment"]);
    let mut n = 0u64;
    let mut per_code = [0u64; 5];
    let mut last = (0, 0);
    s.for_each_record(|r| {
        n += 1;
        let f: usize = r.functional.text.parse().unwrap();
        per_code[f - 1] += 1;
        assert!((1..=9).contains(&r.importance.unwrap().text.parse::<u32>().unwrap()));
        last = (r.row, r.feature);
    })
    .unwrap();
    assert_eq!(n, 20_000);
    assert_eq!(last, (1001, 19));
    assert!(per_code.iter().all(|&c| c > 0), "{per_code:?}");
}

/// Every survey error, worded in every language: each message and hint has a catalog entry
/// (no key shown instead of words) and no blank left unfilled; the English words are the
/// ones the library's `Display` gives.
#[test]
fn every_survey_error_is_worded_in_every_language() {
    use crate::model::Language;
    let headers = vec!["a".to_owned(), "b".to_owned()];
    let many: Vec<String> = (0..25).map(|i| format!("h{i}")).collect();
    let kinds = vec![
        ErrorKind::Io(std::io::Error::other("boom")),
        ErrorKind::Empty,
        ErrorKind::NotText("a PDF document"),
        ErrorKind::NoFeatures { headers: headers.clone() },
        ErrorKind::NoFeatures { headers: many.clone() },
        ErrorKind::NoFeatures { headers: Vec::new() },
        ErrorKind::MissingPartner {
            feature: "f".into(),
            found_role: Role::Functional,
            missing: Role::Dysfunctional,
            expected_name: "f_D".into(),
        },
        ErrorKind::OrphanImportance { feature: "f".into() },
        ErrorKind::DuplicateColumn {
            feature: "f".into(),
            role: Role::Importance,
            first: "x".into(),
            first_index: 1,
            second: "y".into(),
            second_index: 2,
        },
        ErrorKind::DuplicateHeader { name: "feature", first_index: 1, second_index: 3 },
        ErrorKind::MissingColumn { layout: Layout::Counts, column: "A", headers: headers.clone() },
        ErrorKind::MissingColumn { layout: Layout::Long, column: "feature", headers: many },
        ErrorKind::Csv("UnequalLengths".into()),
        ErrorKind::InvalidUtf8 { encoding: "UTF-8" },
        ErrorKind::LineTooLong { limit: 10 },
        ErrorKind::Ragged { found: 3, expected: 2 },
        ErrorKind::Ragged { found: 1, expected: 2 },
        ErrorKind::BadCount { value: "x".into() },
        ErrorKind::BlankFeature,
        ErrorKind::MappingHeader { column: "feature", headers },
        ErrorKind::MappingUnknownColumn { name: "x".into(), suggestion: None },
        ErrorKind::MappingUnknownColumn { name: "x".into(), suggestion: Some("y".into()) },
        ErrorKind::MappingDuplicateFeature { feature: "f".into() },
        ErrorKind::MappingColumnReused { name: "x".into(), feature: "f".into() },
        ErrorKind::MappingEmpty,
        ErrorKind::UnknownRespondentColumn { name: "id".into() },
        ErrorKind::WrongLayout { found: Layout::Wide, wanted: "read it with `next_row`" },
    ];
    for kind in kinds {
        let e = SurveyError::new("t.csv", kind).at(2).col("b").cell(1);
        let english = e.to_string();
        assert!(english.ends_with(&en_message(&e)), "{english} / {}", en_message(&e));
        for lang in [Language::ZhCn, Language::ZhTw, Language::En] {
            let say = crate::cmd::say(lang);
            let mut texts = vec![say(&e.message())];
            texts.extend(e.hint().map(|h| say(&h)));
            for t in texts {
                assert!(!t.contains("check.") && !t.contains("survey."), "{lang:?}: {t}");
                let blanks = t.matches('{').count();
                assert!(blanks == 0 || t.contains("counts: {"), "{lang:?}: {t}");
            }
        }
        let d = &e.to_diagnostics()[0];
        assert_eq!((d.pos.line, d.pos.col, d.path.as_str()), (2, 2, "b"));
    }
}
