//! Paragraphs of the PDF: runs of text in two weights broken into lines by the one line
//! breaker ([`crate::text::breaker`]), measured with the embedded faces, set ragged-right;
//! a word wider than the line is broken between characters. Optionally a quarter-em gap
//! separates Chinese from Latin letters and digits (`2026 年`, [`crate::text::spacing`]);
//! it is a position offset, not a character, so copied text stays as written.

use super::markup::Span;
use crate::text::breaker::{self, Measure};
use crate::text::{Faces, is_wide, wants_gap};

/// Fullwidth opening brackets, whose glyph fills only the right half of the em box.
const OPENING_BRACKETS: &str = "（「『《〈【〔〖［｛〘";

pub use crate::text::CJK_LATIN_GAP_EM;

/// How to set a run of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowStyle {
    /// Font size in points.
    pub size: f32,
    /// Set every span bold, whatever its own weight (table heads, headings).
    pub force_bold: bool,
    /// Add [`CJK_LATIN_GAP_EM`] between Chinese and Latin letters or digits.
    pub cjk_latin_gap: bool,
}

impl FlowStyle {
    /// Regular text at `size` with the CJK/Latin gap.
    pub fn new(size: f32) -> Self {
        Self { size, force_bold: false, cjk_latin_gap: true }
    }

    /// The same style, all bold.
    pub fn bold(self) -> Self {
        Self { force_bold: true, ..self }
    }
}

/// A piece of a line in one weight, placed at `x` points from the start of the line.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The text (no line breaks).
    pub text: String,
    /// Set in the bold face.
    pub bold: bool,
    /// Offset from the start of the line, in points.
    pub x: f32,
    /// Advance width, in points.
    pub width: f32,
}

/// One set line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    /// The fragments, left to right.
    pub fragments: Vec<Fragment>,
    /// Width of the line without trailing spaces, in points.
    pub width: f32,
}

impl Line {
    /// The line's text.
    pub fn text(&self) -> String {
        self.fragments.iter().map(|f| f.text.as_str()).collect()
    }
}

/// One character with what the breaker needs to know about it.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    c: char,
    bold: bool,
    advance: f32,
    /// Gap before this character when it does not start a line.
    gap: f32,
}

fn glyphs(spans: &[Span], faces: &Faces, style: FlowStyle) -> (String, Vec<Glyph>) {
    let mut text = String::new();
    let mut out: Vec<Glyph> = Vec::new();
    for span in spans {
        let bold = span.bold || style.force_bold;
        let face = if bold { &faces.bold } else { &faces.regular };
        for c in span.text.chars() {
            // tabs and other controls are set as spaces; line breaks stay (mandatory breaks)
            let c = if c != '\n' && c.is_control() { ' ' } else { c };
            let advance = if c == '\n' { 0.0 } else { face.advance_em(c) * style.size };
            let gap = match out.last() {
                Some(prev) if style.cjk_latin_gap && wants_gap(prev.c, c) => {
                    CJK_LATIN_GAP_EM * style.size
                }
                _ => 0.0,
            };
            text.push(c);
            out.push(Glyph { c, bold, advance, gap });
        }
    }
    (text, out)
}

/// Break `spans` into lines no wider than `max_width` points (a line holding a single
/// character wider than that is the only exception). `'\n'` forces a break. Empty text
/// gives no lines.
pub fn break_lines(spans: &[Span], faces: &Faces, style: FlowStyle, max_width: f32) -> Vec<Line> {
    flow(spans, faces, style, max_width, true)
}

fn flow(
    spans: &[Span],
    faces: &Faces,
    style: FlowStyle,
    max_width: f32,
    break_words: bool,
) -> Vec<Line> {
    flow_keeping(spans, faces, style, max_width, break_words, 0)
}

/// Characters that count towards a line's length for [`runt`]: letters, digits and
/// ideographs, not spaces or punctuation.
fn counts(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `line` is a runt after `prev`: a line of one letter or ideograph (with its
/// punctuation) under a line of more than two.
fn runt(glyphs: &[Glyph], prev: &breaker::Break, line: &breaker::Break) -> bool {
    let visible =
        |b: &breaker::Break| glyphs[b.start..b.end].iter().filter(|g| counts(g.c)).count();
    let hard = glyphs[prev.start..prev.end].iter().any(|g| g.c == '\n');
    !hard && !prev.in_word && visible(line) < 2 && visible(prev) > 2
}

fn flow_keeping(
    spans: &[Span],
    faces: &Faces,
    style: FlowStyle,
    max_width: f32,
    break_words: bool,
    keep: usize,
) -> Vec<Line> {
    // groups kept whole only where they fit, except when measuring the least width
    let fit = max_width > 0.0;
    let (text, glyphs) = glyphs(spans, faces, style);
    let mut lines = breaker::break_lines_keeping(
        &text,
        &Points { glyphs: &glyphs, max_width },
        break_words,
        keep,
        fit,
    );
    if max_width.is_finite() && max_width > 0.0 {
        // a line of one character (with its punctuation): the line above gives it the
        // nearest characters it can break before, up to a short word or a bracketed unit
        // ("CES 2.0（1–7 分）" → "CES 2.0" / "（1–7 分）")
        for i in 1..lines.len() {
            if !runt(&glyphs, &lines[i - 1], &lines[i]) {
                continue;
            }
            // move the break back, to the nearest place where a break may go
            let points = Points { glyphs: &glyphs, max_width };
            let (prev, last) = (lines[i - 1], lines[i]);
            for back in 1..=RUNT_PULL {
                let Some(at) = last.start.checked_sub(back) else { break };
                if at <= prev.start + 1 {
                    break;
                }
                let (a, b) = (glyphs[at - 1].c, glyphs[at].c);
                let latin = |c: char| c.is_alphanumeric() && !is_wide(c);
                let breakable = (a.is_whitespace()
                    || ((is_wide(a) || is_wide(b) || matches!(a, '”' | '’'))
                        && !(latin(a) && latin(b))))
                    && !breaker::NO_LINE_START.contains(b)
                    && !breaker::NO_LINE_END.contains(a)
                    && !b.is_whitespace();
                let fits = !points.overflows(points.extend(0.0, at, last.end, false));
                let a_line = breaker::Break { end: at, ..prev };
                let b_line = breaker::Break { start: at, ..last };
                if breakable && fits && !runt(&glyphs, &a_line, &b_line) {
                    lines[i - 1] = a_line;
                    lines[i] = b_line;
                    break;
                }
            }
        }
    }
    lines.into_iter().map(|b| build_line(&glyphs[b.start..b.end])).collect()
}

/// How many characters a line of one character may take from the line above it.
const RUNT_PULL: usize = 8;

/// A cell whose text is this short (in characters other than spaces) keeps its groups
/// whole: names with a title in brackets, ranks, dates, targets.
pub const SHORT_CELL: usize = 20;

/// The marker of an item in a table cell: a hard-broken line of a cell starting with it is
/// set as a bulleted item with a hanging indent.
pub const CELL_BULLET: &str = "• ";

/// The lines of a table cell `max_width` wide: like [`break_lines`], but short cells keep
/// their groups whole ([`breaker::break_lines_keeping`]), and each hard-broken line
/// starting with [`CELL_BULLET`] is an item with a hanging indent.
pub fn break_cell(spans: &[Span], faces: &Faces, style: FlowStyle, max_width: f32) -> Vec<Line> {
    // a width measured by [`cell_widths`] holds its text, rounding aside
    cell_flow(spans, faces, style, max_width + 1e-3, true, None)
}

fn cell_flow(
    spans: &[Span],
    faces: &Faces,
    style: FlowStyle,
    max_width: f32,
    break_words: bool,
    keep: Option<usize>,
) -> Vec<Line> {
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let short = text.chars().filter(|c| !c.is_whitespace()).count() <= SHORT_CELL;
    let keep = keep.unwrap_or(if short { SHORT_CELL } else { 0 });
    if !text.contains(CELL_BULLET) {
        return flow_keeping(spans, faces, style, max_width, break_words, keep);
    }
    let mut out = Vec::new();
    for para in split_hard(spans) {
        let starts_bullet = para.first().is_some_and(|s| s.text.starts_with(CELL_BULLET));
        if !starts_bullet {
            out.extend(flow_keeping(&para, faces, style, max_width, break_words, keep));
            continue;
        }
        let mut rest = para.clone();
        if let Some(first) = rest.first_mut() {
            first.text = first.text[CELL_BULLET.len()..].trim_start().to_string();
        }
        let face = if para[0].bold || style.force_bold { &faces.bold } else { &faces.regular };
        let dot = face.advance_em('•') * style.size;
        let indent = dot + 0.45 * style.size;
        let lines = flow_keeping(&rest, faces, style, max_width - indent, break_words, keep);
        for (k, mut line) in lines.into_iter().enumerate() {
            for f in &mut line.fragments {
                f.x += indent;
            }
            if k == 0 {
                let bold = para[0].bold || style.force_bold;
                line.fragments.insert(0, Fragment { text: "•".into(), bold, x: 0.0, width: dot });
            }
            line.width += indent;
            out.push(line);
        }
    }
    out
}

/// `spans` split at hard breaks, each part without its `'\n'`.
fn split_hard(spans: &[Span]) -> Vec<Vec<Span>> {
    let mut parts: Vec<Vec<Span>> = vec![Vec::new()];
    for span in spans {
        for (k, piece) in span.text.split('\n').enumerate() {
            if k > 0 {
                parts.push(Vec::new());
            }
            if !piece.is_empty()
                && let Some(last) = parts.last_mut()
            {
                last.push(Span { text: piece.to_string(), bold: span.bold });
            }
        }
    }
    parts
}

/// Groups up to this many characters count whole in a cell's least width.
pub const CELL_KEEP: usize = 8;
/// Groups up to this many characters (a title in brackets: `（信用卡中心副主任）`) are
/// what a cell would like to keep on one line.
pub const GROUP_KEEP: usize = 10;

/// A cell's widths in points: set on one line per hard break; the narrowest it can be set
/// without breaking inside a word or a group of up to [`CELL_KEEP`] characters; the
/// narrowest without breaking inside a group of up to [`GROUP_KEEP`] characters.
pub fn cell_widths(spans: &[Span], faces: &Faces, style: FlowStyle) -> (f32, f32, f32) {
    // measured as the breaker measures, an opening bracket's hanging half included
    let widest = |lines: Vec<Line>| {
        lines
            .iter()
            .map(|l| l.width - l.fragments.first().map_or(0.0, |f| f.x.min(0.0)))
            .fold(0.0, f32::max)
    };
    let natural = widest(cell_flow(spans, faces, style, f32::INFINITY, true, None));
    let text: String = spans.iter().map(|s| s.text.as_str()).collect();
    let short = text.chars().filter(|c| !c.is_whitespace()).count() <= SHORT_CELL;
    let keep = if short { CELL_KEEP } else { 0 };
    let min = widest(cell_flow(spans, faces, style, 0.0, false, Some(keep)));
    // only a cell with a bracket has groups worth keeping on a line of their own
    let groups = if short && text.contains(['（', '(']) {
        widest(cell_flow(spans, faces, style, 0.0, false, Some(GROUP_KEEP)))
    } else {
        min
    };
    (natural, min.min(natural), groups.min(natural))
}

/// A line measured in points: the advances and the gaps between characters, a line's
/// first character without its gap; hard breaks take no room.
struct Points<'g> {
    glyphs: &'g [Glyph],
    max_width: f32,
}

impl Measure for Points<'_> {
    fn char_at(&self, i: usize) -> char {
        self.glyphs[i].c
    }

    fn extend(&self, width: f32, from: usize, to: usize, leading: bool) -> f32 {
        let mut w = 0.0;
        let mut first = true;
        for g in self.glyphs[from..to].iter().filter(|g| g.c != '\n') {
            w += g.advance + if first && !leading { 0.0 } else { g.gap };
            first = false;
        }
        width + w
    }

    fn overflows(&self, width: f32) -> bool {
        width > self.max_width
    }

    fn char_overflows(&self, width: f32, i: usize) -> bool {
        let g = &self.glyphs[i];
        width + g.gap + g.advance > self.max_width
    }
}

fn build_line(glyphs: &[Glyph]) -> Line {
    let mut glyphs: Vec<Glyph> = glyphs.iter().filter(|g| g.c != '\n').copied().collect();
    while glyphs.last().is_some_and(|g| g.c.is_whitespace()) {
        glyphs.pop();
    }
    let mut line = Line::default();
    // an opening bracket sits in the right half of its em box: at the start of a line it
    // hangs its empty half into the margin, so the ink lines up with the lines above
    let mut x = match glyphs.first() {
        Some(g) if OPENING_BRACKETS.contains(g.c) => -0.5 * g.advance,
        _ => 0.0,
    };
    let mut current: Option<Fragment> = None;
    for (k, g) in glyphs.iter().enumerate() {
        let gap = if k == 0 { 0.0 } else { g.gap };
        x += gap;
        let continues = current.as_ref().is_some_and(|f| f.bold == g.bold && gap == 0.0);
        if !continues {
            if let Some(f) = current.take() {
                line.fragments.push(f);
            }
            current = Some(Fragment { text: String::new(), bold: g.bold, x, width: 0.0 });
        }
        if let Some(f) = current.as_mut() {
            f.text.push(g.c);
            f.width += g.advance;
        }
        x += g.advance;
    }
    if let Some(f) = current.take() {
        line.fragments.push(f);
    }
    line.width = x.max(0.0);
    line
}

/// Width of the widest line `spans` would make with no width limit (hard breaks still
/// break), in points.
pub fn natural_width(spans: &[Span], faces: &Faces, style: FlowStyle) -> f32 {
    break_lines(spans, faces, style, f32::INFINITY).iter().map(|l| l.width).fold(0.0, f32::max)
}

/// Width of the widest unbreakable piece of `spans` (the narrowest the text can be set
/// without breaking inside a word), in points.
pub fn min_width(spans: &[Span], faces: &Faces, style: FlowStyle) -> f32 {
    flow(spans, faces, style, 0.0, false).iter().map(|l| l.width).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn faces() -> Faces {
        Faces::embedded().unwrap()
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    const PLAIN: FlowStyle = FlowStyle { size: 10.0, force_bold: false, cjk_latin_gap: false };

    #[test]
    fn chinese_breaks_between_ideographs_and_keeps_punctuation_on_the_line() {
        let f = faces();
        // five ideographs per line (50 pt at 10 pt size)
        let lines = break_lines(&[Span::plain("客户满意度持续提升，服务")], &f, PLAIN, 50.0);
        assert_eq!(texts(&lines), ["客户满意度", "持续提升，", "服务"]);
        // the comma never starts a line: it takes its ideograph along
        let lines = break_lines(&[Span::plain("客户满意度持续提升，服务")], &f, PLAIN, 45.0);
        assert_eq!(texts(&lines), ["客户满意", "度持续提", "升，服务"]);
        for l in &lines {
            assert!(l.width <= 45.0 + 1e-3, "{l:?}");
        }
    }

    #[test]
    fn latin_breaks_at_spaces_and_trailing_spaces_do_not_count() {
        let f = faces();
        let w = f.regular.width("service quality", 10.0) + 0.5;
        let lines = break_lines(&[Span::plain("service quality matters a lot")], &f, PLAIN, w);
        assert_eq!(texts(&lines)[0], "service quality");
        assert!(lines.iter().all(|l| !l.text().ends_with(' ')));
        assert!(lines.iter().all(|l| l.width <= w));
    }

    #[test]
    fn mixed_weights_make_fragments() {
        let f = faces();
        let spans = [Span::bold("场景"), Span::plain("：对公开户")];
        let lines = break_lines(&spans, &f, PLAIN, 500.0);
        assert_eq!(lines.len(), 1);
        let frags = &lines[0].fragments;
        assert_eq!(frags.len(), 2);
        assert!(frags[0].bold && !frags[1].bold);
        assert_eq!(frags[0].text, "场景");
        assert!((frags[1].x - frags[0].width).abs() < 1e-3);
        assert!((lines[0].width - 70.0).abs() < 0.01);
    }

    #[test]
    fn hard_breaks_force_new_lines() {
        let f = faces();
        let lines = break_lines(&[Span::plain("第一行\n第二行\n")], &f, PLAIN, 500.0);
        assert_eq!(texts(&lines), ["第一行", "第二行"]);
        let lines = break_lines(&[Span::plain("上\n\n下")], &f, PLAIN, 500.0);
        assert_eq!(texts(&lines), ["上", "", "下"]);
    }

    #[test]
    fn long_words_break_between_characters() {
        let f = faces();
        let word = "https://example.com/very/long/path/without/spaces";
        let lines = break_lines(&[Span::plain(word)], &f, PLAIN, 60.0);
        assert!(lines.len() > 2);
        assert_eq!(texts(&lines).concat(), word);
        assert!(lines.iter().all(|l| l.width <= 60.0 + 1e-3));
        // narrower than one character: one character per line, never an empty line
        let lines = break_lines(&[Span::plain("服务")], &f, PLAIN, 3.0);
        assert_eq!(texts(&lines), ["服", "务"]);
    }

    #[test]
    fn cjk_latin_gap_is_an_offset_not_a_character() {
        let f = faces();
        let style = FlowStyle::new(10.0);
        let lines = break_lines(&[Span::plain("2026年9月NPS达标")], &f, style, 500.0);
        let line = &lines[0];
        assert_eq!(line.text(), "2026年9月NPS达标");
        // gaps: 2026|年, 年|9, 9|月, 月|NPS, NPS|达
        assert_eq!(line.fragments.len(), 6);
        let plain = f.regular.width("2026年9月NPS达标", 10.0);
        assert!((line.width - (plain + 5.0 * 2.5)).abs() < 0.01, "{}", line.width);
        let second = &line.fragments[1];
        assert!((second.x - (line.fragments[0].width + 2.5)).abs() < 1e-3);
        // no gap next to punctuation or at a line start
        let lines = break_lines(&[Span::plain("「A」")], &f, style, 500.0);
        assert_eq!(lines[0].fragments.len(), 1);
    }

    #[test]
    fn gap_dropped_at_line_start() {
        let f = faces();
        let style = FlowStyle::new(10.0);
        let lines = break_lines(&[Span::plain("服务ABC")], &f, style, 21.0);
        assert_eq!(texts(&lines), ["服务", "ABC"]);
        assert_eq!(lines[1].fragments[0].x, 0.0);
    }

    #[test]
    fn natural_and_minimum_widths() {
        let f = faces();
        let spans = [Span::plain("检查方式 mystery shopper")];
        let nat = natural_width(&spans, &f, PLAIN);
        let min = min_width(&spans, &f, PLAIN);
        let widest = f.regular.width("shopper", 10.0).max(f.regular.width("mystery", 10.0));
        assert!((min - widest).abs() < 0.01, "{min}");
        assert!(nat > min);
        assert_eq!(natural_width(&[], &f, PLAIN), 0.0);
    }

    #[test]
    fn opening_bracket_hangs_at_line_start() {
        let f = faces();
        let lines = break_lines(&[Span::plain("（如下）")], &f, PLAIN, 500.0);
        assert!((lines[0].fragments[0].x + 5.0).abs() < 0.01, "{lines:?}");
        assert!((lines[0].width - 35.0).abs() < 0.01);
        let lines = break_lines(&[Span::plain("如（下）")], &f, PLAIN, 500.0);
        assert_eq!(lines[0].fragments[0].x, 0.0);
    }

    #[test]
    fn empty_text_makes_no_lines() {
        assert!(break_lines(&[], &faces(), PLAIN, 100.0).is_empty());
    }
}

#[cfg(test)]
mod cell_tests {
    use super::*;

    const PLAIN: FlowStyle = FlowStyle { size: 10.0, force_bold: false, cjk_latin_gap: false };

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(Line::text).collect()
    }

    #[test]
    fn cells_keep_names_and_ranks_whole_and_bullet_their_items() {
        let f = Faces::embedded().unwrap();
        // a name with a title breaks at the bracket, not inside the name or the title
        let lines = break_cell(&[Span::plain("陈晓峰（网点负责人）")], &f, PLAIN, 75.0);
        assert_eq!(texts(&lines), ["陈晓峰", "（网点负责人）"]);
        // a tied rank is one group; its natural width is its least width
        let rank = [Span::plain("3（并列）")];
        let (nat, least, _) = cell_widths(&rank, &f, PLAIN);
        assert_eq!(texts(&break_cell(&rank, &f, PLAIN, nat)), ["3（并列）"]);
        assert_eq!(texts(&break_cell(&rank, &f, PLAIN, least)), ["3", "（并列）"]);
        // items of a cell: a bullet each, continuation lines under the text, not the bullet
        let spans = [Span::plain("• 预约页面和短信写明核实要求\n• 智能柜台宣传改为“有人全程陪同”")];
        let lines = break_cell(&spans, &f, PLAIN, 60.0);
        assert!(lines[0].text().starts_with('•'), "{:?}", texts(&lines));
        let bullets = lines.iter().filter(|l| l.text().starts_with('•')).count();
        assert_eq!(bullets, 2, "{:?}", texts(&lines));
        for l in lines.iter().filter(|l| !l.text().starts_with('•')) {
            assert!(l.fragments[0].x > 5.0, "continuation not indented: {l:?}");
        }
        // no line of a single character
        for l in &lines {
            let n = l.text().chars().filter(|c| c.is_alphanumeric()).count();
            assert!(n >= 2, "{:?}", texts(&lines));
        }
    }

    #[test]
    fn no_line_of_one_character_at_the_end_of_a_paragraph() {
        let f = Faces::embedded().unwrap();
        // seven ideographs a line: the eighth would be alone
        let lines = break_lines(&[Span::plain("客户期望一周内能开票")], &f, PLAIN, 80.0);
        assert_eq!(lines.len(), 2, "{:?}", texts(&lines));
        assert!(lines[1].text().chars().count() >= 2, "{:?}", texts(&lines));
    }

    #[test]
    fn kinsoku_separator_dots_percent_and_brackets() {
        let f = Faces::embedded().unwrap();
        for (text, width) in [
            ("叫号屏显示前方人数 · 速赢", 95.0),
            ("Queue display shows waiting time · Quick win", 160.0),
            ("满意率提升到 80 %", 65.0),
            ("开户服务纳入柜员月度绩效（占服务分的20%）", 100.0),
        ] {
            for w in [width * 0.6, width * 0.8, width, width * 1.2] {
                let lines = break_lines(&[Span::plain(text)], &f, PLAIN, w);
                for (k, l) in lines.iter().enumerate() {
                    let t = l.text();
                    let first = t.trim_start().chars().next().unwrap();
                    assert!(
                        k == 0 || !breaker_start(first),
                        "{text} at {w}: line starts with {first}: {:?}",
                        texts(&lines)
                    );
                    let last = t.trim_end().chars().last().unwrap();
                    assert!(
                        !crate::text::breaker::NO_LINE_END.contains(last),
                        "{:?}",
                        texts(&lines)
                    );
                }
            }
        }
    }

    fn breaker_start(c: char) -> bool {
        crate::text::breaker::NO_LINE_START.contains(c)
    }
}
