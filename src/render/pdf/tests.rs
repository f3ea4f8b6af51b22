//! Whole-pipeline tests: markup → PDF bytes → read back with lopdf.

use lopdf::{Document, Object};
use printpdf::{Color, Op, PaintMode, Pt, Rect, Rgb};

use super::layout::MM;
use super::*;

/// Draws every chart as a filled rectangle and records the areas it was given.
#[derive(Default)]
struct BoxPainter {
    calls: Vec<(String, Area)>,
}

impl ChartPainter for BoxPainter {
    fn paint(&mut self, id: &str, area: Area, _: &PdfFonts<'_>) -> Result<Vec<Op>, PaintError> {
        if id == "missing" {
            return Err(PaintError::Unknown(id.to_string()));
        }
        self.calls.push((id.to_string(), area));
        Ok(vec![
            Op::SetFillColor { col: Color::Rgb(Rgb::new(0.2, 0.4, 0.7, None)) },
            Op::DrawRectangle {
                rectangle: Rect {
                    x: Pt(area.x),
                    y: Pt(area.y),
                    width: Pt(area.width),
                    height: Pt(area.height),
                    mode: Some(PaintMode::Fill),
                    winding_order: None,
                },
            },
        ])
    }
}

const LONG: &str = "客户对网点服务的评价越来越多地取决于细节：进门是否有人问候、等候时间是否可预期、材料要求是否一次说清。2026年起，分行以 NPS 和 CSAT 追踪改进效果。";

fn report_markup() -> String {
    let mut md = String::from(
        "```cover\ntitle: 网点服务提升工作坊\nsubtitle: 成果报告\n客户单位：甬江银行明州分行\n日期：2026年11月20日\n```\n\n",
    );
    md.push_str("# 岗位服务标准\n\n## 第一组 · 启航队\n\n");
    md.push_str(&format!("{}\n\n", LONG.repeat(12)));
    md.push_str(
        "### 岗位：大堂经理\n\n| 维度 | 指标 | 描述 | 检查方式 | 目标 |\n|---|---|---|---|---|\n",
    );
    for i in 1..=40 {
        md.push_str(&format!(
            "| 可靠性 | 承诺兑现{i} | 对客户说出的“马上帮您”都要在承诺时间内兑现，回电在工作日志中登记。 | 工作日志抽查＋客户回访 | 兑现率≥{}% |\n",
            90 + i % 10
        ));
    }
    md.push_str("\n<!-- pagebreak -->\n\n# 客户体验旅程\n\n## 开户旅程\n\n![开户旅程 · 情绪曲线](chart:emotion-g1-j1?h=85)\n");
    md
}

fn options() -> LayoutOptions {
    LayoutOptions {
        meta: DocMeta {
            title: "网点服务提升工作坊".into(),
            author: "林晓岚".into(),
            subject: "工作坊成果报告".into(),
            language: "zh-CN".into(),
            date: Some((2026, 11, 21)),
        },
        header: "网点服务提升工作坊 · 成果报告".into(),
        footer: "第 {page} 页 / 共 {pages} 页".into(),
        ..LayoutOptions::default()
    }
}

fn render(md: &str, painter: &mut BoxPainter) -> RenderedPdf {
    let faces = Faces::embedded().unwrap();
    render_pdf(&parse(md), &faces, &options(), painter).unwrap()
}

fn page_texts(doc: &Document) -> Vec<String> {
    let pages = doc.get_pages();
    pages.keys().map(|n| doc.extract_text(&[*n]).unwrap()).collect()
}

fn catalog(doc: &Document) -> &lopdf::Dictionary {
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary(root).unwrap()
}

#[test]
fn multi_page_report_reads_back() {
    let mut painter = BoxPainter::default();
    let out = render(&report_markup(), &mut painter);
    assert!(out.missing_chars.is_empty(), "{:?}", out.missing_chars);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);

    let doc = Document::load_mem(&out.bytes).unwrap();
    let texts = page_texts(&doc);
    assert_eq!(texts.len(), out.pages);
    assert!(out.pages > 3, "{} pages", out.pages);

    // the cover: title and entries, no header or footer
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let cover = squeeze(&texts[0]);
    assert!(cover.contains("网点服务提升工作坊") && cover.contains("甬江银行明州分行"), "{cover}");
    assert!(!cover.contains("第1页"));

    let all: Vec<String> = texts.iter().map(|t| squeeze(t)).collect();
    assert!(all[1].contains("岗位服务标准"));
    assert!(all.iter().any(|t| t.contains("客户对网点服务的评价越来越多地取决于细节")));
    // every page but the cover has the header and "page n of N"
    for (i, t) in all.iter().enumerate().skip(1) {
        let footer = format!("第{}页/共{}页", i + 1, out.pages);
        assert!(t.contains(&footer), "page {}: {t}", i + 1);
        assert!(t.contains("网点服务提升工作坊·成果报告"), "page {}", i + 1);
    }
    // the 40-row table runs over pages, and its head is repeated on each of them
    let rows_on: Vec<usize> = all
        .iter()
        .map(|t| (1..=40).filter(|i| t.contains(&format!("承诺兑现{i}对"))).count())
        .collect();
    assert_eq!(rows_on.iter().sum::<usize>(), 40, "{rows_on:?}");
    let table_pages: Vec<usize> = (0..all.len()).filter(|&i| rows_on[i] > 0).collect();
    assert!(table_pages.len() >= 2, "{rows_on:?}");
    for &p in &table_pages {
        assert!(all[p].contains("维度指标描述检查方式目标"), "page {}: {}", p + 1, all[p]);
    }
    // the chart got its area: full text width, 85 mm high, on the journeys page
    assert_eq!(painter.calls.len(), 1);
    let (id, area) = &painter.calls[0];
    assert_eq!(id, "emotion-g1-j1");
    assert!((area.height - 85.0 * MM).abs() < 0.01);
    assert!((area.width - (210.0 - 48.0) * MM).abs() < 0.01);
    assert!(all.last().unwrap().contains("开户旅程·情绪曲线"));
}

#[test]
fn document_information_language_and_outline() {
    let out = render(&report_markup(), &mut BoxPainter::default());
    let doc = Document::load_mem(&out.bytes).unwrap();
    let cat = catalog(&doc);
    assert_eq!(cat.get(b"Lang").unwrap().as_str().unwrap(), b"zh-CN");
    assert_eq!(cat.get(b"PageMode").unwrap().as_name().unwrap(), b"UseOutlines");

    let info_id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info_id).unwrap();
    let text = |k: &[u8]| lopdf::decode_text_string(info.get(k).unwrap()).unwrap();
    assert_eq!(text(b"Title"), "网点服务提升工作坊");
    assert_eq!(text(b"Author"), "林晓岚");
    assert_eq!(text(b"Subject"), "工作坊成果报告");
    assert_eq!(text(b"CreationDate"), "D:20261121");
    assert_eq!(text(b"ModDate"), "D:20261121");

    // outline: two chapters, each with its level-2 heading, in document order
    let outlines = cat.get(b"Outlines").unwrap().as_reference().unwrap();
    let root = doc.get_dictionary(outlines).unwrap();
    assert_eq!(root.get(b"Count").unwrap().as_i64().unwrap(), 4);
    let mut titles = Vec::new();
    let mut next = Some(root.get(b"First").unwrap().as_reference().unwrap());
    while let Some(id) = next {
        let d = doc.get_dictionary(id).unwrap();
        let title = lopdf::decode_text_string(d.get(b"Title").unwrap()).unwrap();
        let first = d.get(b"First").unwrap().as_reference().unwrap();
        let child = doc.get_dictionary(first).unwrap();
        let child_title = lopdf::decode_text_string(child.get(b"Title").unwrap()).unwrap();
        titles.push((title, child_title));
        next = d.get(b"Next").ok().map(|n| n.as_reference().unwrap());
    }
    assert_eq!(
        titles,
        [
            ("岗位服务标准".to_string(), "第一组 · 启航队".to_string()),
            ("客户体验旅程".to_string(), "开户旅程".to_string())
        ]
    );
}

#[test]
fn identical_input_gives_identical_bytes() {
    let md = report_markup();
    let a = render(&md, &mut BoxPainter::default());
    // another document in between moves printpdf's internal id counter
    let _ = render("# 其他\n\n别的内容。", &mut BoxPainter::default());
    let b = render(&md, &mut BoxPainter::default());
    assert!(a.bytes == b.bytes, "two renders differ");
    let c = render(&md.replace("启航队", "扬帆队"), &mut BoxPainter::default());
    assert!(a.bytes != c.bytes);
}

#[test]
fn fonts_are_embedded_as_subsets() {
    let out = render(&report_markup(), &mut BoxPainter::default());
    let doc = Document::load_mem(&out.bytes).unwrap();
    let mut base_fonts = Vec::new();
    for obj in doc.objects.values() {
        if let Object::Dictionary(d) = obj
            && d.get(b"Type").and_then(Object::as_name).is_ok_and(|n| n == b"Font")
            && d.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Type0")
        {
            base_fonts.push(
                String::from_utf8_lossy(d.get(b"BaseFont").unwrap().as_name().unwrap()).to_string(),
            );
        }
    }
    base_fonts.sort();
    assert_eq!(base_fonts.len(), 2, "{base_fonts:?}");
    for name in &base_fonts {
        let (tag, family) = name.split_once('+').unwrap();
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()), "{name}");
        assert!(family.starts_with("NotoSansSC-"), "{name}");
    }
    // two 3.2 MB faces went in; only the glyphs used came out
    assert!(out.bytes.len() < 400_000, "{} bytes", out.bytes.len());
}

#[test]
fn missing_characters_and_failed_charts_are_reported() {
    let md = "# 标题\n\n笑脸 😀 与 ✗ 无法显示。\n\n![图](chart:missing?h=30)\n";
    let out = render(md, &mut BoxPainter::default());
    assert_eq!(out.missing_chars, vec!['😀', '✗']);
    assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    assert_eq!(out.warnings[0].key, "cmd.chart_draw_failed");
    assert_eq!(out.warnings[0].arg("name"), Some("missing"));
}

#[test]
fn a_row_taller_than_a_page_is_split() {
    let cell = "这是一个非常长的单元格，用来检查超过一页高度的表格行能否跨页拆分。".repeat(200);
    let md = format!("| 维度 | 描述 |\n|---|---|\n| 可靠性 | {cell} |\n| 响应性 | 最后一行 |\n");
    let out = render(&md, &mut BoxPainter::default());
    assert!(out.pages >= 3, "{} pages", out.pages);
    let doc = Document::load_mem(&out.bytes).unwrap();
    let texts = page_texts(&doc);
    for t in &texts {
        assert!(t.split_whitespace().collect::<String>().contains("维度描述"));
    }
    assert!(texts.last().unwrap().contains("最后一行"));
}

#[test]
fn empty_input_gives_one_page_and_english_footer() {
    let faces = Faces::embedded().unwrap();
    let opts = LayoutOptions {
        footer: "Page {page} of {pages}".into(),
        meta: DocMeta { language: "en".into(), ..DocMeta::default() },
        ..LayoutOptions::default()
    };
    let out = render_pdf(&[], &faces, &opts, &mut BoxPainter::default()).unwrap();
    assert_eq!(out.pages, 1);
    let doc = Document::load_mem(&out.bytes).unwrap();
    assert!(doc.extract_text(&[1]).unwrap().contains("Page 1 of 1"));
    assert!(catalog(&doc).get(b"Outlines").is_err());
}

#[test]
fn bad_options_are_errors() {
    let faces = Faces::embedded().unwrap();
    let opts = LayoutOptions { body_size: 0.0, ..LayoutOptions::default() };
    let err = render_pdf(&[], &faces, &opts, &mut BoxPainter::default()).unwrap_err();
    assert!(matches!(err, PdfError::Options(_)), "{err}");
}

#[test]
fn contents_give_true_page_numbers_and_link_to_headings() {
    let md = report_markup().replacen(
        "# 岗位服务标准",
        "<!-- pagebreak -->\n\n**目录**\n\n<!-- contents -->\n\n# 岗位服务标准",
        1,
    );
    let faces = Faces::embedded().unwrap();
    let laid = layout::lay_out(&parse(&md), &faces, &options());
    // one line per outline heading, each ending with the page its heading is on
    let contents: String = laid.pages[1]
        .items
        .iter()
        .filter_map(|i| match i {
            layout::Item::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(laid.bookmarks.len(), 4, "{:?}", laid.bookmarks);
    for b in &laid.bookmarks {
        let title: String = b.title.split_whitespace().collect();
        let squeezed: String = contents.split_whitespace().collect();
        assert!(squeezed.contains(&title), "{title} not in {contents}");
    }
    let numbers: Vec<String> = laid.pages[1]
        .items
        .iter()
        .filter_map(|i| match i {
            layout::Item::Text { text, .. } if text.chars().all(|c| c.is_ascii_digit()) => {
                Some(text.clone())
            }
            _ => None,
        })
        .collect();
    let expected: Vec<String> = laid.bookmarks.iter().map(|b| (b.page + 1).to_string()).collect();
    assert_eq!(numbers, expected);
    assert_eq!(laid.links.len(), 4);
    assert!(laid.links.iter().enumerate().all(|(k, l)| l.target == k && l.page == 1));

    // in the PDF, the contents page carries one link annotation per line
    let out = render(&md, &mut BoxPainter::default());
    let doc = Document::load_mem(&out.bytes).unwrap();
    let pages = doc.get_pages();
    let second = pages.get(&2).unwrap();
    let annots = doc.get_dictionary(*second).unwrap().get(b"Annots").unwrap();
    assert_eq!(annots.as_array().unwrap().len(), 4);
}

#[test]
fn letter_paper_sets_the_page_size() {
    let faces = Faces::embedded().unwrap();
    let opts = LayoutOptions { paper: layout::Paper::LETTER, ..options() };
    let out =
        render_pdf(&parse(&report_markup()), &faces, &opts, &mut BoxPainter::default()).unwrap();
    let doc = Document::load_mem(&out.bytes).unwrap();
    let (_, page) = doc.get_pages().into_iter().next().unwrap();
    let dict = doc.get_dictionary(page).unwrap();
    let media = dict.get(b"MediaBox").unwrap().as_array().unwrap();
    let v: Vec<f32> = media.iter().map(|o| o.as_float().unwrap()).collect();
    assert!((v[2] - 612.0).abs() < 0.5 && (v[3] - 792.0).abs() < 0.5, "{v:?}");
    assert!(
        LayoutOptions { paper: layout::Paper { width: 10.0, height: 10.0 }, ..options() }
            .check()
            .is_err()
    );
}
