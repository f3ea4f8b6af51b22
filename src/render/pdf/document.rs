//! Laid-out pages → printpdf operations → PDF bytes.
//!
//! printpdf names fonts and the file identifier with a process-wide counter, so two
//! renders in one process would differ. Here the font resources get names derived from
//! the text they set (the first six letters also form the `ABCDEF+` subset tag), and the
//! document is finished with lopdf: document information without the wall clock, `/Lang`,
//! a two-level outline in document order, and a file identifier hashed from the content.
//! The same input therefore always gives the same bytes.

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfPage, PdfParseErrorSeverity,
    PdfSaveOptions, PdfWarnMsg, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

use super::layout::{Bookmark, Colour, Item, Laid, LayoutOptions, MM, palette};
use super::{ChartPainter, Faces, PdfError, PdfFonts};
use crate::diag::Msg;

/// FNV-1a, 64 bit: a small stable hash (std's hasher may change between releases).
fn fnv64(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Six capital letters from a hash: a font subset tag.
fn tag(text: &str, salt: u64) -> String {
    let mut h = fnv64(salt, text.as_bytes());
    (0..6)
        .map(|_| {
            let c = char::from(b'A' + (h % 26) as u8);
            h /= 26;
            c
        })
        .collect()
}

fn colour(c: Colour) -> Color {
    Color::Rgb(Rgb::new(c.0, c.1, c.2, None))
}

fn pt(x: f32, y_down: f32, page_h: f32) -> Point {
    Point { x: Pt(x), y: Pt(page_h - y_down) }
}

/// Tracks the graphics state already set, to skip redundant operations.
#[derive(Default)]
struct GState {
    fill: Option<Colour>,
    stroke: Option<(Colour, f32)>,
}

impl GState {
    fn fill(&mut self, ops: &mut Vec<Op>, c: Colour) {
        if self.fill != Some(c) {
            ops.push(Op::SetFillColor { col: colour(c) });
            self.fill = Some(c);
        }
    }
}

/// The operations of one page; a chart that fails is drawn as a framed placeholder and
/// reported in `warnings`.
fn page_ops(
    page_h: f32,
    items: &[Item],
    fonts: &PdfFonts<'_>,
    charts: &mut dyn ChartPainter,
    warnings: &mut Vec<Msg>,
) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut gs = GState::default();
    // font and size set inside the open text section
    let mut text_font: Option<(bool, f32)> = None;
    let mut in_text = false;
    for item in items {
        match item {
            Item::Text { x, baseline, size, bold, colour: c, text } => {
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                    text_font = None;
                }
                if text_font != Some((*bold, *size)) {
                    let (_, handle) = fonts.pick(*bold);
                    ops.push(Op::SetFont { font: handle, size: Pt(*size) });
                    text_font = Some((*bold, *size));
                }
                gs.fill(&mut ops, *c);
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(*x), Pt(page_h - baseline)),
                });
                let (face, _) = fonts.pick(*bold);
                ops.push(Op::ShowText { items: vec![PdfFonts::text_item(face, text)] });
            }
            other => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                match other {
                    Item::Fill { x, y, w, h, colour: c } => {
                        gs.fill(&mut ops, *c);
                        ops.push(Op::DrawRectangle {
                            rectangle: Rect {
                                x: Pt(*x),
                                y: Pt(page_h - y - h),
                                width: Pt(*w),
                                height: Pt(*h),
                                mode: Some(PaintMode::Fill),
                                winding_order: None,
                            },
                        });
                    }
                    Item::Rule { x1, y1, x2, y2, width, colour: c } => {
                        if gs.stroke != Some((*c, *width)) {
                            ops.push(Op::SetOutlineColor { col: colour(*c) });
                            ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                            gs.stroke = Some((*c, *width));
                        }
                        ops.push(Op::DrawLine {
                            line: Line {
                                points: vec![
                                    LinePoint { p: pt(*x1, *y1, page_h), bezier: false },
                                    LinePoint { p: pt(*x2, *y2, page_h), bezier: false },
                                ],
                                is_closed: false,
                            },
                        });
                    }
                    Item::Chart { id, area } => {
                        ops.push(Op::SaveGraphicsState);
                        match charts.paint(id, *area, fonts) {
                            Ok(chart) => ops.extend(chart),
                            Err(e) => {
                                warnings.push(
                                    Msg::new("cmd.chart_draw_failed")
                                        .text("name", id)
                                        .text("error", e),
                                );
                                ops.extend(placeholder(id, *area, fonts));
                            }
                        }
                        ops.push(Op::RestoreGraphicsState);
                    }
                    Item::Text { .. } => {}
                }
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// A frame with the chart id, where a chart could not be drawn.
fn placeholder(id: &str, area: super::Area, fonts: &PdfFonts<'_>) -> Vec<Op> {
    let (face, handle) = fonts.pick(false);
    let size = 9.0;
    let label = format!("chart: {id}");
    let w = face.width(&label, size);
    vec![
        Op::SetOutlineColor { col: colour(palette::MUTED) },
        Op::SetOutlineThickness { pt: Pt(0.6) },
        Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(area.x),
                y: Pt(area.y),
                width: Pt(area.width),
                height: Pt(area.height),
                mode: Some(PaintMode::Stroke),
                winding_order: None,
            },
        },
        Op::StartTextSection,
        Op::SetFont { font: handle, size: Pt(size) },
        Op::SetFillColor { col: colour(palette::MUTED) },
        Op::SetTextMatrix {
            matrix: TextMatrix::Translate(
                Pt(area.x + (area.width - w) / 2.0),
                Pt(area.y + area.height / 2.0),
            ),
        },
        Op::ShowText { items: vec![TextItem::Text(label)] },
        Op::EndTextSection,
    ]
}

/// A PDF text string: PDFDocEncoding for ASCII, UTF-16BE with a byte-order mark otherwise.
fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            bytes.extend(u.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

fn lo(e: lopdf::Error) -> PdfError {
    PdfError::Assemble(e)
}

/// Write the outline: level-1 entries with their level-2 children.
/// Where a bookmark points: its page, scrolled to just above the heading.
fn destination(b: &Bookmark, pages: &[ObjectId], page_h: f32) -> Option<Object> {
    let page = pages.get(b.page)?;
    Some(Object::Array(vec![
        Object::Reference(*page),
        Object::Name(b"XYZ".to_vec()),
        Object::Null,
        Object::Real((page_h - b.y + 12.0).min(page_h)),
        Object::Null,
    ]))
}

/// Link annotations: the lines of the table of contents jump to their headings.
fn links(doc: &mut lopdf::Document, laid: &Laid, pages: &[ObjectId]) -> Result<(), PdfError> {
    let page_h = laid.paper.height;
    let mut per_page: Vec<Vec<Object>> = vec![Vec::new(); pages.len()];
    for link in &laid.links {
        let (Some(target), Some(list)) =
            (laid.bookmarks.get(link.target), per_page.get_mut(link.page))
        else {
            continue;
        };
        let Some(dest) = destination(target, pages, page_h) else { continue };
        let (x, top, w, h) = link.rect;
        let mut annot = Dictionary::new();
        annot.set("Type", Object::Name(b"Annot".to_vec()));
        annot.set("Subtype", Object::Name(b"Link".to_vec()));
        annot.set(
            "Rect",
            Object::Array(vec![
                Object::Real(x),
                Object::Real(page_h - top - h),
                Object::Real(x + w),
                Object::Real(page_h - top),
            ]),
        );
        annot.set(
            "Border",
            Object::Array(vec![Object::Integer(0), Object::Integer(0), Object::Integer(0)]),
        );
        annot.set("Dest", dest);
        list.push(Object::Reference(doc.add_object(Object::Dictionary(annot))));
    }
    for (page, annots) in pages.iter().zip(per_page) {
        if annots.is_empty() {
            continue;
        }
        let dict = doc.get_object_mut(*page).and_then(Object::as_dict_mut).map_err(lo)?;
        dict.set("Annots", Object::Array(annots));
    }
    Ok(())
}

fn outline(
    doc: &mut lopdf::Document,
    bookmarks: &[Bookmark],
    pages: &[ObjectId],
    page_h: f32,
) -> Option<ObjectId> {
    // (bookmark, children)
    let mut tree: Vec<(&Bookmark, Vec<&Bookmark>)> = Vec::new();
    for b in bookmarks {
        match tree.last_mut() {
            Some((parent, children)) if b.level > parent.level => children.push(b),
            _ => tree.push((b, Vec::new())),
        }
    }
    if tree.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let dest = |b: &Bookmark| destination(b, pages, page_h);
    let ids: Vec<(ObjectId, Vec<ObjectId>)> = tree
        .iter()
        .map(|(_, children)| {
            (doc.new_object_id(), children.iter().map(|_| doc.new_object_id()).collect())
        })
        .collect();
    let link = |dict: &mut Dictionary, list: &[ObjectId], k: usize| {
        if k > 0
            && let Some(prev) = list.get(k - 1)
        {
            dict.set("Prev", Object::Reference(*prev));
        }
        if let Some(next) = list.get(k + 1) {
            dict.set("Next", Object::Reference(*next));
        }
    };
    let tops: Vec<ObjectId> = ids.iter().map(|(id, _)| *id).collect();
    let mut count = 0i64;
    for (k, ((b, children), (id, child_ids))) in tree.iter().zip(&ids).enumerate() {
        let mut dict = Dictionary::new();
        dict.set("Title", text_string(&b.title));
        dict.set("Parent", Object::Reference(root));
        if let Some(d) = dest(b) {
            dict.set("Dest", d);
        }
        link(&mut dict, &tops, k);
        if let (Some(first), Some(last)) = (child_ids.first(), child_ids.last()) {
            dict.set("First", Object::Reference(*first));
            dict.set("Last", Object::Reference(*last));
            dict.set("Count", Object::Integer(child_ids.len() as i64));
        }
        for (c, (child, child_id)) in children.iter().zip(child_ids).enumerate() {
            let mut cd = Dictionary::new();
            cd.set("Title", text_string(&child.title));
            cd.set("Parent", Object::Reference(*id));
            if let Some(d) = dest(child) {
                cd.set("Dest", d);
            }
            link(&mut cd, child_ids, c);
            doc.objects.insert(*child_id, Object::Dictionary(cd));
        }
        count += 1 + child_ids.len() as i64;
        doc.objects.insert(*id, Object::Dictionary(dict));
    }
    let mut root_dict = Dictionary::new();
    root_dict.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (tops.first(), tops.last()) {
        root_dict.set("First", Object::Reference(*first));
        root_dict.set("Last", Object::Reference(*last));
    }
    root_dict.set("Count", Object::Integer(count));
    doc.objects.insert(root, Object::Dictionary(root_dict));
    Some(root)
}

fn pdf_date((y, m, d): (i32, u8, u8)) -> Object {
    Object::String(format!("D:{y:04}{m:02}{d:02}").into_bytes(), StringFormat::Literal)
}

/// Draw the laid-out pages (charts through `charts`) and write the PDF: its bytes and the
/// warnings met (charts that could not be drawn, PDF writer warnings).
pub(crate) fn write(
    laid: &Laid,
    faces: &Faces,
    opts: &LayoutOptions,
    charts: &mut dyn ChartPainter,
) -> Result<(Vec<u8>, Vec<Msg>), PdfError> {
    let mut warnings = Vec::new();
    let mut pdf = PdfDocument::new(&opts.meta.title);

    // fonts under names derived from the text they set
    let (regular_text, bold_text) = laid.text_by_weight();
    let fonts = add_fonts(&mut pdf, faces, &regular_text, &bold_text)?;

    let pages: Vec<PdfPage> = laid
        .pages
        .iter()
        .map(|p| {
            let ops = page_ops(laid.paper.height, &p.items, &fonts, charts, &mut warnings);
            PdfPage::new(Mm(laid.paper.width / MM), Mm(laid.paper.height / MM), ops)
        })
        .collect();
    pdf.with_pages(pages);
    let bytes = save(pdf, laid, opts, &mut warnings)?;
    Ok((bytes, warnings))
}

/// One page of `width` × `height` points holding only chart `id`, drawn by `charts` with
/// a margin of `margin` points: a figure to print or to place in another document. Its
/// bytes and the warnings met.
pub(crate) fn write_figure(
    faces: &Faces,
    opts: &LayoutOptions,
    (width, height, margin): (f32, f32, f32),
    id: &str,
    charts: &mut dyn ChartPainter,
) -> Result<(Vec<u8>, Vec<Msg>), PdfError> {
    let mut warnings = Vec::new();
    let mut pdf = PdfDocument::new(&opts.meta.title);
    let seed = format!("{id}{}", opts.meta.title);
    let fonts = add_fonts(&mut pdf, faces, &seed, &seed)?;
    let area = super::Area {
        x: margin,
        y: margin,
        width: width - 2.0 * margin,
        height: height - 2.0 * margin,
    };
    let mut ops = vec![Op::SaveGraphicsState];
    match charts.paint(id, area, &fonts) {
        Ok(chart) => ops.extend(chart),
        Err(e) => return Err(PdfError::Chart(e)),
    }
    ops.push(Op::RestoreGraphicsState);
    let mm = |pt: f32| Mm(pt / super::layout::MM);
    pdf.with_pages(vec![PdfPage::new(mm(width), mm(height), ops)]);
    let bytes = save(pdf, &Laid::default(), opts, &mut warnings)?;
    Ok((bytes, warnings))
}

/// Add the faces to `pdf` under names derived from the text they set.
fn add_fonts<'f>(
    pdf: &mut PdfDocument,
    faces: &'f Faces,
    regular_text: &str,
    bold_text: &str,
) -> Result<PdfFonts<'f>, PdfError> {
    let added = PdfFonts::add_to(pdf, faces)?;
    let regular_id = FontId(tag(regular_text, 1));
    let mut bold_id = FontId(tag(bold_text, 2));
    if bold_id == regular_id {
        bold_id = FontId(tag(bold_text, 3));
    }
    for (old, new) in [(&added.regular, &regular_id), (&added.bold, &bold_id)] {
        if let Some(font) = pdf.resources.fonts.map.remove(old) {
            pdf.resources.fonts.map.insert(new.clone(), font);
        }
    }
    Ok(PdfFonts { faces, regular: regular_id, bold: bold_id })
}

/// Serialise `pdf` (fonts subset), finish it with lopdf and give it a file identifier
/// hashed from its content.
fn save(
    pdf: PdfDocument,
    laid: &Laid,
    opts: &LayoutOptions,
    warnings: &mut Vec<Msg>,
) -> Result<Vec<u8>, PdfError> {
    let save = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut pdf_warnings: Vec<PdfWarnMsg> = Vec::new();
    let mut doc = pdf.to_lopdf_document(&save, &mut pdf_warnings);
    for w in pdf_warnings {
        if w.severity != PdfParseErrorSeverity::Info {
            warnings.push(Msg::new("cmd.pdf_writer_warning").text("text", &w.msg));
        }
    }
    finish(&mut doc, laid, opts)?;

    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)?;
    // the file identifier: a hash of the file written without one
    let id: Vec<u8> = [fnv64(0, &bytes), fnv64(0x5bd1_e995, &bytes)]
        .iter()
        .flat_map(|h| h.to_be_bytes())
        .collect();
    let id = Object::String(id, StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    let mut out = Vec::with_capacity(bytes.len() + 64);
    doc.save_to(&mut out)?;
    Ok(out)
}

/// Document information, language, outline, viewer preferences; drop printpdf's random
/// file identifier.
fn finish(doc: &mut lopdf::Document, laid: &Laid, opts: &LayoutOptions) -> Result<(), PdfError> {
    let meta = &opts.meta;
    doc.version = "1.7".to_string();
    doc.trailer.remove(b"ID");

    let mut info = Dictionary::new();
    if !meta.title.is_empty() {
        info.set("Title", text_string(&meta.title));
    }
    if !meta.author.is_empty() {
        info.set("Author", text_string(&meta.author));
    }
    if !meta.subject.is_empty() {
        info.set("Subject", text_string(&meta.subject));
    }
    info.set("Creator", text_string("kano"));
    info.set("Producer", text_string("kano (printpdf, lopdf)"));
    if let Some(date) = meta.date {
        info.set("CreationDate", pdf_date(date));
        info.set("ModDate", pdf_date(date));
    }
    let old_info = doc.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(old) = old_info {
        doc.objects.remove(&old);
    }
    let info_id = doc.add_object(Object::Dictionary(info));
    doc.trailer.set("Info", Object::Reference(info_id));

    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let outline = outline(doc, &laid.bookmarks, &page_ids, laid.paper.height);
    links(doc, laid, &page_ids)?;

    let root = doc.trailer.get(b"Root").and_then(Object::as_reference).map_err(lo)?;
    let catalog = doc.get_object_mut(root).and_then(Object::as_dict_mut).map_err(lo)?;
    if !meta.language.is_empty() {
        catalog.set("Lang", text_string(&meta.language));
    }
    let mut prefs = Dictionary::new();
    prefs.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(prefs));
    match outline {
        Some(id) => {
            catalog.set("Outlines", Object::Reference(id));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => {
            catalog.remove(b"Outlines");
            catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
        }
    }
    doc.compress();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_six_capitals_and_stable() {
        let t = tag("服务标准", 1);
        assert_eq!(t.len(), 6);
        assert!(t.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(t, tag("服务标准", 1));
        assert_ne!(t, tag("服务标准", 2));
    }

    #[test]
    fn text_strings() {
        assert_eq!(text_string("zh-CN"), Object::String(b"zh-CN".to_vec(), StringFormat::Literal));
        assert_eq!(
            text_string("服"),
            Object::String(vec![0xFE, 0xFF, 0x67, 0x0D], StringFormat::Hexadecimal)
        );
    }
}
