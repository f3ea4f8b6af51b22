//! Page layout: blocks → A4 pages of positioned items (text fragments, rules, fills,
//! chart areas). Everything is laid out before anything is drawn, so the page count is
//! known when the header and footer are set.
//!
//! Coordinates here run from the top-left corner of the page downwards, in points; the
//! PDF writer flips them.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use super::Area;
use super::markup::{Align, Block, Cell, ListItem, Span, plain_text};
use super::textflow::{FlowStyle, Line, break_cell, break_lines, cell_widths};
use crate::text::Faces;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// A4 width in points.
pub const A4_WIDTH: f32 = 210.0 * MM;
/// A4 height in points.
pub const A4_HEIGHT: f32 = 297.0 * MM;

/// A paper size in points, portrait.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paper {
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Paper {
    /// ISO A4, 210 × 297 mm.
    pub const A4: Paper = Paper { width: A4_WIDTH, height: A4_HEIGHT };
    /// US Letter, 8.5 × 11 in.
    pub const LETTER: Paper = Paper { width: 612.0, height: 792.0 };
}

impl Default for Paper {
    fn default() -> Self {
        Self::A4
    }
}

/// Document information written into the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct DocMeta {
    /// Title (also shown by viewers in the title bar).
    pub title: String,
    /// Author.
    pub author: String,
    /// Subject.
    pub subject: String,
    /// Language tag, e.g. `zh-CN`; empty for none.
    pub language: String,
    /// The workshop date, written as creation and modification date: (year, month, day).
    /// `None` writes no dates (the wall clock is never used, so output is reproducible).
    pub date: Option<(i32, u8, u8)>,
}

impl Default for DocMeta {
    fn default() -> Self {
        Self {
            title: String::new(),
            author: String::new(),
            subject: String::new(),
            language: "zh-CN".to_string(),
            date: None,
        }
    }
}

/// Page margins in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margins {
    /// Top (the running header sits inside it).
    pub top: f32,
    /// Bottom (the footer sits inside it).
    pub bottom: f32,
    /// Left.
    pub left: f32,
    /// Right.
    pub right: f32,
}

impl Default for Margins {
    fn default() -> Self {
        Self { top: 26.0, bottom: 24.0, left: 24.0, right: 24.0 }
    }
}

/// How to lay out a report.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutOptions {
    /// Document information.
    pub meta: DocMeta,
    /// Running header, left side, on every page but the cover; empty: the title.
    pub header: String,
    /// Footer, centred on every page but the cover. `{page}` and `{pages}` are replaced by
    /// the page number and the page count (the cover counts as page 1).
    pub footer: String,
    /// Body text size in points.
    pub body_size: f32,
    /// Line height as a multiple of the body size.
    pub line_spacing: f32,
    /// Page margins.
    pub margins: Margins,
    /// Paper size.
    pub paper: Paper,
    /// A quarter-em gap between Chinese and Latin letters or digits.
    pub cjk_latin_gap: bool,
    /// How a chart's caption is written with its number, `{n}` the figure number (charts
    /// are numbered in document order) and `{caption}` the caption: `图 {n}　{caption}`.
    /// Empty: captions are set as given, unnumbered.
    pub figure_caption: String,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            meta: DocMeta::default(),
            header: String::new(),
            footer: "{page} / {pages}".to_string(),
            body_size: 10.5,
            line_spacing: 1.5,
            margins: Margins::default(),
            paper: Paper::A4,
            cjk_latin_gap: true,
            figure_caption: String::new(),
        }
    }
}

impl LayoutOptions {
    /// Why these options cannot be laid out, if they cannot.
    pub fn check(&self) -> Result<(), OptionsError> {
        let m = self.margins;
        let sane = |v: f32| v.is_finite() && v >= 0.0;
        let (w, h) = (self.paper.width / MM, self.paper.height / MM);
        if !(w.is_finite()
            && h.is_finite()
            && (70.0..=1200.0).contains(&w)
            && (70.0..=1200.0).contains(&h))
        {
            return Err(OptionsError::Paper { width: w, height: h });
        }
        if !(self.body_size.is_finite() && (4.0..=36.0).contains(&self.body_size)) {
            return Err(OptionsError::BodySize(self.body_size));
        }
        if !(self.line_spacing.is_finite() && (1.0..=3.0).contains(&self.line_spacing)) {
            return Err(OptionsError::LineSpacing(self.line_spacing));
        }
        if ![m.top, m.bottom, m.left, m.right].into_iter().all(sane)
            || m.left + m.right > w - 60.0
            || m.top + m.bottom > h - 90.0
        {
            return Err(OptionsError::Margins);
        }
        Ok(())
    }
}

/// Layout options that cannot be laid out.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OptionsError {
    /// The paper is smaller than 70 mm or larger than 1200 mm a side.
    #[error("a paper of {width:.0} × {height:.0} mm is not supported")]
    Paper {
        /// Width, millimetres.
        width: f32,
        /// Height, millimetres.
        height: f32,
    },
    /// The body size is not between 4 and 36 points.
    #[error("body size {0} pt is not between 4 and 36")]
    BodySize(f32),
    /// The line spacing is not between 1 and 3.
    #[error("line spacing {0} is not between 1 and 3")]
    LineSpacing(f32),
    /// The margins leave no room for text.
    #[error("the margins leave no room for text")]
    Margins,
    /// A figure page too small for its margin.
    #[error("a {width} × {height} pt page cannot hold a figure")]
    Figure {
        /// Page width, points.
        width: f32,
        /// Page height, points.
        height: f32,
    },
}

/// An RGB colour, components 0–1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

const fn rgb(hex: u32) -> Colour {
    Colour(
        ((hex >> 16) & 0xff) as f32 / 255.0,
        ((hex >> 8) & 0xff) as f32 / 255.0,
        (hex & 0xff) as f32 / 255.0,
    )
}

/// The report's colours.
pub mod palette {
    use super::{Colour, rgb};
    /// Headings, cover band, table rules.
    pub const NAVY: Colour = rgb(0x1F_3A_5F);
    /// Accent stripes and bullets.
    pub const ACCENT: Colour = rgb(0x2E_75_B6);
    /// Body text.
    pub const TEXT: Colour = rgb(0x26_2B_33);
    /// Secondary text: captions, header, footer, cover labels.
    pub const MUTED: Colour = rgb(0x6B_72_80);
    /// Thin rules.
    pub const RULE: Colour = rgb(0xC9_D1_DB);
    /// Table head fill.
    pub const HEAD_FILL: Colour = rgb(0xE3_EB_F4);
    /// Alternate table rows.
    pub const ZEBRA: Colour = rgb(0xF6_F8_FB);
    /// Subtitle on the cover band.
    pub const ON_NAVY: Colour = rgb(0xC8_D6_E8);
    /// White.
    pub const WHITE: Colour = rgb(0xFF_FF_FF);
}

/// Something drawn on a page (top-down coordinates, points).
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A piece of text on one baseline.
    Text {
        /// Left end.
        x: f32,
        /// Baseline, from the top of the page.
        baseline: f32,
        /// Font size.
        size: f32,
        /// Bold face.
        bold: bool,
        /// Fill colour.
        colour: Colour,
        /// The text.
        text: String,
    },
    /// A filled rectangle.
    Fill {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        colour: Colour,
    },
    /// A straight line.
    Rule {
        /// Start x.
        x1: f32,
        /// Start y.
        y1: f32,
        /// End x.
        x2: f32,
        /// End y.
        y2: f32,
        /// Line width.
        width: f32,
        /// Colour.
        colour: Colour,
    },
    /// The area given to a chart, in PDF coordinates (origin bottom-left).
    Chart {
        /// Chart id.
        id: String,
        /// Where it goes.
        area: Area,
    },
}

/// One laid-out page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// What is drawn, in order.
    pub items: Vec<Item>,
    /// The title page: no header or footer.
    pub cover: bool,
    /// The level-1 heading the page belongs to (right side of the running header).
    pub section: String,
}

/// An outline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    /// Heading level, 1 or 2.
    pub level: u8,
    /// The heading text.
    pub title: String,
    /// Page index, from 0.
    pub page: usize,
    /// Top of the heading, from the top of the page.
    pub y: f32,
}

/// A clickable area that jumps to an outline entry (a line of the table of contents).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Page index of the area, from 0.
    pub page: usize,
    /// Left, top-down top, width and height, in points.
    pub rect: (f32, f32, f32, f32),
    /// Index of the target in [`Laid::bookmarks`].
    pub target: usize,
}

/// The laid-out document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Laid {
    /// Paper size of every page.
    pub paper: Paper,
    /// The pages, header and footer included.
    pub pages: Vec<Page>,
    /// Outline entries in document order.
    pub bookmarks: Vec<Bookmark>,
    /// Links from the table of contents to the headings.
    pub links: Vec<Link>,
    /// Problems met, as keyed messages (worded by the command).
    pub warnings: Vec<crate::diag::Msg>,
}

impl Laid {
    /// All text drawn in the regular face and in the bold face.
    pub fn text_by_weight(&self) -> (String, String) {
        let (mut regular, mut bold) = (String::new(), String::new());
        for item in self.pages.iter().flat_map(|p| &p.items) {
            if let Item::Text { text, bold: b, .. } = item {
                if *b { &mut bold } else { &mut regular }.push_str(text);
            }
        }
        (regular, bold)
    }
}

/// Lay out `blocks` on pages of `opts.paper`. Options are taken as given; see
/// [`LayoutOptions::check`].
///
/// With a [`Block::Contents`], the document is laid out twice: the first pass finds the
/// page of every heading, the second sets those numbers in the table of contents (which
/// takes the same room in both passes, so the numbers stay true).
pub fn lay_out(blocks: &[Block], faces: &Faces, opts: &LayoutOptions) -> Laid {
    let tables = TableCache::default();
    let first = lay_out_pass(blocks, faces, opts, None, &tables);
    if !blocks.iter().any(|b| matches!(b, Block::Contents)) {
        return first;
    }
    let pages: Vec<usize> = first.bookmarks.iter().map(|b| b.page).collect();
    lay_out_pass(blocks, faces, opts, Some(&pages), &tables)
}

/// Tables already set, by the addresses of their header and rows.
type TableCache = RefCell<HashMap<(usize, usize), Rc<TableSet>>>;

/// Whether a heading becomes an outline entry (and a line of the table of contents).
fn bookmarked(level: u8, spans: &[Span]) -> bool {
    level.clamp(1, 3) <= 2 && !plain_text(spans).trim().is_empty()
}

fn lay_out_pass(
    blocks: &[Block],
    faces: &Faces,
    opts: &LayoutOptions,
    pages: Option<&[usize]>,
    tables: &TableCache,
) -> Laid {
    let mut l = Layouter::new(faces, opts, tables);
    for (i, block) in blocks.iter().enumerate() {
        let next = blocks.get(i + 1..).unwrap_or(&[]);
        match block {
            Block::Cover { title, subtitle, lines } => {
                l.flush_float();
                l.cover(title, subtitle, lines);
            }
            Block::Heading { level, spans } => {
                l.flush_float();
                l.heading(*level, spans, next);
            }
            Block::Paragraph { spans } => l.paragraph(spans),
            Block::List { items } => l.list(items, next),
            Block::Table { aligns, header, rows } => l.table(aligns, header, rows),
            Block::Chart { id, height_mm, caption } => {
                l.flush_float();
                let after_heading = matches!(blocks[..i].last(), Some(Block::Heading { .. }));
                l.chart(id, *height_mm, caption, next, after_heading);
            }
            Block::PageBreak => {
                l.flush_float();
                l.break_page();
            }
            Block::Contents => {
                // the entries: every outline heading after this block
                let skip = blocks[..i]
                    .iter()
                    .filter(|b| matches!(b, Block::Heading { level, spans } if bookmarked(*level, spans)))
                    .count();
                let entries: Vec<(u8, String)> = next
                    .iter()
                    .filter_map(|b| match b {
                        Block::Heading { level, spans } if bookmarked(*level, spans) => {
                            Some(((*level).clamp(1, 3), plain_text(spans).trim().to_string()))
                        }
                        _ => None,
                    })
                    .collect();
                l.flush_float();
                l.contents(&entries, skip, pages);
            }
        }
    }
    l.flush_float();
    l.finish()
}

/// Page geometry, top-down points.
#[derive(Debug, Clone, Copy)]
struct Geometry {
    page_w: f32,
    page_h: f32,
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    width: f32,
}

/// Sizes derived from the body size.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    body: f32,
    leading: f32,
    para_gap: f32,
    table: f32,
    table_leading: f32,
    caption: f32,
    small: f32,
}

/// Width moved from one table column to another, and what it does.
struct Move {
    cost: u64,
    from: usize,
    to: usize,
    from_lines: Vec<usize>,
    to_lines: Vec<usize>,
}

/// A cell no wider than this many table ems is set on one line: its natural width is its
/// column's minimum.
const SHORT_CELL_EM: f32 = 6.5;
/// A column of longer text is at least this many table ems wide (or its widest cell).
const TEXT_COLUMN_EM: f32 = 6.0;
/// A column is wide enough for the groups its short cells keep whole up to this many
/// table ems (`（信用卡中心副主任）`).
const GROUP_EM: f32 = 10.5;

/// Cell padding: horizontal, vertical.
const PAD_X: f32 = 5.0;
const PAD_Y: f32 = 4.0;
const EPS: f32 = 0.01;

/// A table with its column widths and its cells broken into lines.
struct TableSet {
    widths: Vec<f32>,
    aligns: Vec<Align>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
}

impl TableSet {
    fn row_height(cells: &[Vec<Line>], leading: f32) -> f32 {
        cells.iter().map(Vec::len).max().unwrap_or(0).max(1) as f32 * leading + 2.0 * PAD_Y
    }
}

struct Layouter<'a> {
    faces: &'a Faces,
    tables: &'a TableCache,
    opts: &'a LayoutOptions,
    g: Geometry,
    s: Sizes,
    pages: Vec<Page>,
    y: f32,
    section: String,
    bookmarks: Vec<Bookmark>,
    links: Vec<Link>,
    warnings: Vec<crate::diag::Msg>,
    /// Charts numbered so far.
    figures: usize,
    /// A chart that did not fit where it came: it goes at the top of the next page, and
    /// the text after it fills the page it left.
    float: Option<Float>,
}

/// A chart waiting for the next page.
struct Float {
    id: String,
    height: f32,
    lines: Vec<Line>,
}

/// A chart that would leave more than this share of a page empty, moved to the next
/// page, lets the text after it fill the gap.
const FLOAT_GAP: f32 = 0.2;
/// A chart may be made this low (a share of its height) to fit the room left on a page.
const CHART_SHRINK: f32 = 0.75;

/// Where a heading level is set: size, space above, space below.
fn heading_style(level: u8, body: f32) -> (f32, f32, f32) {
    match level {
        1 => (body * 1.9, 0.0, body * 1.6),
        2 => (body * 1.35, body * 2.0, body * 0.8),
        _ => (body * 1.1, body * 1.4, body * 0.55),
    }
}

impl<'a> Layouter<'a> {
    fn new(faces: &'a Faces, opts: &'a LayoutOptions, tables: &'a TableCache) -> Self {
        let m = opts.margins;
        let (page_w, page_h) = (opts.paper.width, opts.paper.height);
        let g = Geometry {
            page_w,
            page_h,
            left: m.left * MM,
            right: page_w - m.right * MM,
            top: m.top * MM,
            bottom: page_h - m.bottom * MM,
            width: page_w - (m.left + m.right) * MM,
        };
        let body = opts.body_size;
        let table = (body * 0.86).max(6.0);
        let s = Sizes {
            body,
            leading: body * opts.line_spacing,
            para_gap: body * 0.75,
            table,
            table_leading: table * (opts.line_spacing - 0.1).max(1.2),
            caption: body * 0.82,
            small: (body * 0.76).max(6.0),
        };
        Self {
            faces,
            tables,
            opts,
            g,
            s,
            pages: Vec::new(),
            y: g.top,
            section: String::new(),
            bookmarks: Vec::new(),
            links: Vec::new(),
            warnings: Vec::new(),
            figures: 0,
            float: None,
        }
    }

    fn style(&self, size: f32) -> FlowStyle {
        FlowStyle { size, force_bold: false, cjk_latin_gap: self.opts.cjk_latin_gap }
    }

    fn capacity(&self) -> f32 {
        self.g.bottom - self.g.top
    }

    fn new_page(&mut self) {
        self.pages.push(Page { section: self.section.clone(), ..Page::default() });
        self.y = self.g.top;
        if let Some(f) = self.float.take() {
            self.draw_chart(&f.id, f.height, &f.lines);
        }
    }

    /// Set the chart waiting for a page, if any, at the top of the next one: before a
    /// heading, a page break or another chart.
    fn flush_float(&mut self) {
        if self.float.is_some() {
            self.new_page();
        }
    }

    /// Nothing has been set on the current page yet (a cover page is never empty).
    fn page_empty(&self) -> bool {
        self.pages.last().is_none_or(|p| !p.cover && p.items.is_empty())
    }

    fn page_mut(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.new_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn push(&mut self, item: Item) {
        self.page_mut().items.push(item);
    }

    /// Start a new page unless the current one is still empty.
    fn break_page(&mut self) {
        if !self.page_empty() {
            self.new_page();
        }
    }

    /// Make room for `needed` points after `space_before` (dropped at the top of a page):
    /// move to a new page if they do not fit here.
    fn place(&mut self, space_before: f32, needed: f32) {
        if self.pages.is_empty() {
            self.new_page();
            return;
        }
        let before = if self.page_empty() { 0.0 } else { space_before };
        if self.y + before + needed > self.g.bottom + EPS && !self.page_empty() {
            self.new_page();
        } else {
            self.y += before;
        }
    }

    fn remaining(&self) -> f32 {
        self.g.bottom - self.y
    }

    /// Set one line whose box starts at `top`; `x` is its left end.
    fn draw_line(&mut self, line: &Line, x: f32, top: f32, size: f32, leading: f32, c: Colour) {
        let baseline = top + (leading - size) / 2.0 + 0.88 * size;
        for f in &line.fragments {
            self.push(Item::Text {
                x: x + f.x,
                baseline,
                size,
                bold: f.bold,
                colour: c,
                text: f.text.clone(),
            });
        }
    }

    fn rule(&mut self, x1: f32, x2: f32, y: f32, width: f32, colour: Colour) {
        self.push(Item::Rule { x1, y1: y, x2, y2: y, width, colour });
    }

    /// Set lines one under the other from the cursor, breaking pages between lines: at
    /// least two lines stay together at the bottom of a page and at the top of the next.
    /// Set in the text colour; `first` is called with the top of the first line (list
    /// markers).
    fn flow_lines(
        &mut self,
        lines: &[Line],
        x: f32,
        size: f32,
        leading: f32,
        space_before: f32,
        mut first: impl FnMut(&mut Self, f32),
    ) {
        if lines.is_empty() {
            return;
        }
        let n = lines.len();
        self.place(space_before, leading * n.min(2) as f32);
        let mut i = 0;
        while i < n {
            let fit = ((self.remaining() + EPS) / leading).floor().max(0.0) as usize;
            let rest = n - i;
            let mut take = fit.min(rest);
            if take < rest && rest - take == 1 {
                // no single line at the top of the next page: one more goes with it, or,
                // if that would leave one alone here, all of them
                take = if take > 2 { take - 1 } else { 0 };
            }
            if take == 1 && i == 0 && rest > 1 {
                take = 0; // no single first line at the bottom of a page
            }
            if take == 0 && self.page_empty() {
                take = fit.clamp(1, rest); // a page too low for the rules: set what fits
            }
            for (k, line) in lines[i..i + take].iter().enumerate() {
                if i + k == 0 {
                    let y = self.y;
                    first(self, y);
                }
                let top = self.y;
                self.draw_line(line, x, top, size, leading, palette::TEXT);
                self.y += leading;
            }
            i += take;
            if i < n {
                self.new_page();
            }
        }
    }

    fn paragraph(&mut self, spans: &[Span]) {
        let lines = break_lines(spans, self.faces, self.style(self.s.body), self.g.width);
        let (x, size, leading, gap) = (self.g.left, self.s.body, self.s.leading, self.s.para_gap);
        self.flow_lines(&lines, x, size, leading, gap, |_, _| {});
        self.y += gap;
    }

    /// The height of a short paragraph that ends its section right after the block being
    /// laid (the source line under a method's formulas): it must not go to a page alone.
    fn closing_tail(&self, next: &[Block]) -> Option<f32> {
        let Some(Block::Paragraph { spans }) = next.first() else { return None };
        if !matches!(next.get(1), None | Some(Block::Heading { .. } | Block::PageBreak)) {
            return None;
        }
        let n = break_lines(spans, self.faces, self.style(self.s.body), self.g.width).len();
        (n <= 2).then_some(self.s.para_gap * 2.0 + n as f32 * self.s.leading)
    }

    fn list(&mut self, items: &[ListItem], next: &[Block]) {
        let size = self.s.body;
        let indent = size * 1.5;
        let marker_box = items
            .iter()
            .map(|i| self.faces.regular.width(&i.marker, size))
            .fold(size * 0.6, f32::max)
            + size * 0.6;
        let mut gap = self.s.para_gap;
        let leading = self.s.leading;
        let set: Vec<Vec<Line>> = items
            .iter()
            .map(|item| {
                let x0 = self.g.left + item.depth as f32 * indent;
                let width = (self.g.right - x0 - marker_box).max(size * 2.0);
                break_lines(&item.spans, self.faces, self.style(size), width)
            })
            .collect();
        let n = items.len();
        for (k, (item, lines)) in items.iter().zip(&set).enumerate() {
            let x0 = self.g.left + item.depth as f32 * indent;
            // the last item does not go to a page alone: when it would, the one before
            // goes with it
            if n >= 3 && k == n - 2 && !self.page_empty() {
                let (a, b) = (lines.len() as f32 * leading, set[n - 1].len() as f32 * leading);
                let both = gap + a + size * 0.3 + b;
                let room = self.remaining();
                if a + gap <= room + EPS
                    && both > room + EPS
                    && set[n - 1].len() <= 2
                    && a + b + size * 0.3 <= self.capacity()
                {
                    self.new_page();
                }
            }
            // nor does a short closing paragraph after the list: the last item goes with it
            if n >= 2
                && k == n - 1
                && !self.page_empty()
                && let Some(tail) = self.closing_tail(next)
            {
                let own = gap + lines.len() as f32 * leading;
                let room = self.remaining();
                if own <= room + EPS && own + tail > room + EPS && own + tail <= self.capacity() {
                    self.new_page();
                }
            }
            let marker = item.marker.clone();
            let colour = if marker.ends_with('.') { palette::TEXT } else { palette::ACCENT };
            let draw_marker = move |l: &mut Self, top: f32| {
                let w = l.faces.regular.width(&marker, size);
                let baseline = top + (leading - size) / 2.0 + 0.88 * size;
                let x = x0 + marker_box - size * 0.6 - w;
                let text = marker.clone();
                l.push(Item::Text { x, baseline, size, bold: false, colour, text });
            };
            if lines.is_empty() {
                continue;
            }
            self.flow_lines(lines, x0 + marker_box, size, leading, gap, draw_marker);
            gap = size * 0.3;
        }
        self.y += self.s.para_gap;
    }

    fn heading_lines(&self, level: u8, spans: &[Span]) -> (Vec<Line>, f32, f32) {
        let (size, _, _) = heading_style(level, self.s.body);
        let leading = size * 1.3;
        let style = self.style(size).bold();
        (break_lines(spans, self.faces, style, self.g.width), size, leading)
    }

    /// Height of a heading without its space above.
    fn heading_height(&self, level: u8, spans: &[Span]) -> f32 {
        let (lines, size, leading) = self.heading_lines(level, spans);
        let (_, _, after) = heading_style(level, self.s.body);
        let rule = if level == 1 { size * 0.4 } else { 0.0 };
        lines.len() as f32 * leading + after + rule
    }

    /// The least of `next` that must stay on the page with a heading before it.
    fn keep_height(&self, next: &[Block]) -> f32 {
        let Some(block) = next.first() else { return 0.0 };
        let h = match block {
            Block::Paragraph { spans } => {
                let n = break_lines(spans, self.faces, self.style(self.s.body), self.g.width).len();
                // a short lead-in paragraph also keeps with what it introduces
                let then = match next.get(1) {
                    Some(Block::Table { .. } | Block::Chart { .. }) if n <= 3 => {
                        self.s.para_gap + self.keep_height(&next[1..])
                    }
                    _ => 0.0,
                };
                // a paragraph of three lines is not split 2 + 1: it goes whole
                let first = if n <= 3 { n } else { 2 };
                first as f32 * self.s.leading + then
            }
            Block::List { items } => items.first().map_or(0.0, |i| {
                let w = self.g.width - self.s.body * 1.8;
                let n = break_lines(&i.spans, self.faces, self.style(self.s.body), w).len();
                n.min(2) as f32 * self.s.leading
            }),
            Block::Table { aligns, header, rows } => {
                let t = self.set_table(aligns, header, rows);
                let lead = self.s.table_leading;
                let head = TableSet::row_height(&t.header, lead);
                let first = t.rows.first().map_or(0.0, |r| TableSet::row_height(r, lead));
                self.s.para_gap + head + first.min(self.capacity() / 3.0)
            }
            Block::Chart { height_mm, caption, .. } => {
                self.s.para_gap + self.chart_height(*height_mm, &self.numbered(caption)).0
            }
            Block::Heading { level, spans } if *level > 1 => {
                let (_, before, _) = heading_style(*level, self.s.body);
                before + self.heading_height(*level, spans) + self.keep_height(&next[1..])
            }
            Block::Heading { .. } | Block::Cover { .. } | Block::PageBreak | Block::Contents => 0.0,
        };
        h.min(self.capacity() * 0.6)
    }

    fn heading(&mut self, level: u8, spans: &[Span], next: &[Block]) {
        let level = level.clamp(1, 3);
        let title = plain_text(spans).trim().to_string();
        if level == 1 {
            self.break_page();
            self.section = title.clone();
            let section = title.clone();
            self.page_mut().section = section;
        }
        let (lines, size, leading) = self.heading_lines(level, spans);
        let (_, before, after) = heading_style(level, self.s.body);
        let own = self.heading_height(level, spans);
        let keep = self.keep_height(next);
        self.place(before, own + keep);
        if level <= 2 && !title.is_empty() {
            let page = self.pages.len().saturating_sub(1);
            self.bookmarks.push(Bookmark { level, title, page, y: self.y });
        }
        let colour = if level == 3 { palette::TEXT } else { palette::NAVY };
        let x = self.g.left;
        if level == 2 {
            // an accent bar in the margin, as high as the first line's em box
            let top = self.y + (leading - size) / 2.0;
            let bar = Item::Fill { x: x - 9.0, y: top, w: 3.0, h: size, colour: palette::ACCENT };
            self.push(bar);
        }
        for line in &lines {
            let top = self.y;
            self.draw_line(line, x, top, size, leading, colour);
            self.y += leading;
        }
        if level == 1 {
            self.y += size * 0.4;
            let (l, r, y) = (self.g.left, self.g.right, self.y);
            self.rule(l, l + 36.0, y, 2.0, palette::ACCENT);
            self.rule(l + 36.0, r, y, 0.5, palette::RULE);
        }
        self.y += after;
    }

    /// The table of contents: one line per entry (level 1 bold, level 2 indented), a dotted
    /// leader and the page number; each line links to its heading. `first` is the index in
    /// the outline of the first entry; `pages` gives the outline's page indices (`None` in
    /// the first pass, when the numbers are not known yet).
    fn contents(&mut self, entries: &[(u8, String)], first: usize, pages: Option<&[usize]>) {
        let size = self.s.body;
        let leading = size * 1.55;
        let number_room = self.faces.regular.width("0000", size) + size;
        let unit = self.faces.regular.width(". ", size).max(1.0);
        let mut gap = self.s.para_gap;
        for (k, (level, title)) in entries.iter().enumerate() {
            let bold = *level == 1;
            let indent = if bold { 0.0 } else { size * 1.6 };
            let x = self.g.left + indent;
            let width = self.g.width - indent - number_room;
            let style = if bold { self.style(size).bold() } else { self.style(size) };
            let lines = break_lines(&[Span::plain(title.as_str())], self.faces, style, width);
            let Some(last) = lines.last() else { continue };
            let last_w = last.width;
            let before = if bold && k > 0 { size * 0.6 } else { 0.0 };
            self.place(gap + before, lines.len() as f32 * leading);
            gap = 0.0;
            let top = self.y;
            let page_index = self.pages.len().saturating_sub(1);
            for line in &lines {
                let y = self.y;
                let colour = if bold { palette::NAVY } else { palette::TEXT };
                self.draw_line(line, x, y, size, leading, colour);
                self.y += leading;
            }
            let target = first + k;
            let number =
                pages.and_then(|p| p.get(target)).map_or_else(String::new, |p| (p + 1).to_string());
            let baseline = self.y - leading + (leading - size) / 2.0 + 0.88 * size;
            let number_w = self.faces.regular.width(&number, size);
            let nx = self.g.right - number_w;
            // the leader: dots on a grid, so the dots of every line stand in columns
            let from = x + last_w + size * 0.5;
            let to = self.g.right - number_room + size * 0.4;
            let start = ((from - self.g.left) / unit).ceil().max(0.0) as usize;
            let end = ((to - self.g.left) / unit).floor().max(0.0) as usize;
            if end > start {
                self.push(Item::Text {
                    x: self.g.left + start as f32 * unit,
                    baseline,
                    size,
                    bold: false,
                    colour: palette::MUTED,
                    text: ". ".repeat(end - start).trim_end().to_string(),
                });
            }
            if !number.is_empty() {
                let text = number;
                let colour = palette::TEXT;
                self.push(Item::Text { x: nx, baseline, size, bold: false, colour, text });
            }
            let h = self.y - top;
            self.links.push(Link { page: page_index, rect: (x, top, self.g.right - x, h), target });
        }
        self.y += self.s.para_gap;
    }

    fn chart_height(&self, height_mm: f32, caption: &str) -> (f32, f32, Vec<Line>) {
        let lines = if caption.is_empty() {
            Vec::new()
        } else {
            let spans = [Span::plain(caption)];
            break_lines(&spans, self.faces, self.style(self.s.caption), self.g.width)
        };
        let cap_h = if lines.is_empty() {
            0.0
        } else {
            self.s.caption * 0.8 + lines.len() as f32 * self.s.caption * 1.4
        };
        let h = (height_mm.max(1.0) * MM).min(self.capacity() - cap_h).max(MM);
        (h + cap_h, h, lines)
    }

    /// The caption of the next chart, numbered as [`LayoutOptions::figure_caption`] says.
    fn numbered(&self, caption: &str) -> String {
        let pattern = &self.opts.figure_caption;
        if pattern.is_empty() {
            return caption.to_string();
        }
        let n = (self.figures + 1).to_string();
        pattern.replace("{n}", &n).replace("{caption}", caption).trim().to_string()
    }

    /// A chart `height_mm` high with its caption: here if it fits; made up to a fifth
    /// lower if that lets it fit; else at the top of the next page, the text after it
    /// (`next`, up to the next heading or chart) filling the room left here, unless it
    /// comes straight after a heading (which keeps with it) or little room is left.
    fn chart(
        &mut self,
        id: &str,
        height_mm: f32,
        caption: &str,
        next: &[Block],
        after_heading: bool,
    ) {
        let caption = self.numbered(caption);
        self.figures += 1;
        let (total, h, lines) = self.chart_height(height_mm, &caption);
        if h + 0.5 < height_mm * MM {
            let mm = |v: f32| crate::format::Num::fixed(0).or(Some(f64::from(v)), "?");
            self.warnings.push(
                crate::diag::Msg::new("cmd.chart_too_high")
                    .text("id", id)
                    .text("height", mm(height_mm))
                    .text("made", mm(h / MM)),
            );
        }
        let cap_h = total - h;
        if self.pages.is_empty() {
            self.new_page();
        }
        let fits = self.y + self.s.para_gap + total <= self.g.bottom + EPS;
        if !self.page_empty() && !fits {
            let room = self.remaining() - self.s.para_gap - cap_h;
            if room >= CHART_SHRINK * h {
                self.y += self.s.para_gap;
                self.draw_chart(id, room, &lines);
                return;
            }
            let flows = matches!(
                next.first(),
                Some(Block::Paragraph { .. } | Block::List { .. } | Block::Table { .. })
            );
            if flows && !after_heading && self.remaining() > FLOAT_GAP * self.capacity() {
                self.float = Some(Float { id: id.to_string(), height: h, lines });
                return;
            }
        }
        self.place(self.s.para_gap, total);
        self.draw_chart(id, h, &lines);
    }

    /// Draw a chart `h` high at the cursor, its caption lines under it.
    fn draw_chart(&mut self, id: &str, h: f32, lines: &[Line]) {
        let area = Area {
            x: self.g.left,
            y: self.g.page_h - (self.y + h),
            width: self.g.width,
            height: h,
        };
        self.push(Item::Chart { id: id.to_string(), area });
        self.y += h + self.s.caption * 0.8;
        let (size, leading) = (self.s.caption, self.s.caption * 1.4);
        for line in lines {
            let x = self.g.left + (self.g.width - line.width) / 2.0;
            let top = self.y;
            self.draw_line(line, x, top, size, leading, palette::MUTED);
            self.y += leading;
        }
        self.y += self.s.para_gap;
    }

    /// Column widths from the cells' natural and minimum widths, filling the text width.
    fn set_table(&self, aligns: &[Align], header: &[Cell], rows: &[Vec<Cell>]) -> Rc<TableSet> {
        // a table is set the same wherever it falls (the text width is fixed), and it is
        // asked for by the heading before it (keep-with-next) and in both passes
        let key = (header.as_ptr() as usize, rows.as_ptr() as usize);
        if let Some(t) = self.tables.borrow().get(&key) {
            return Rc::clone(t);
        }
        let t = Rc::new(self.set_table_uncached(aligns, header, rows));
        self.tables.borrow_mut().insert(key, Rc::clone(&t));
        t
    }

    fn set_table_uncached(
        &self,
        aligns: &[Align],
        header: &[Cell],
        rows: &[Vec<Cell>],
    ) -> TableSet {
        let n = header.len().max(rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
        let style = self.style(self.s.table);
        let total = self.g.width;
        let em = self.s.table;
        // the least a column can take (its widest unbreakable group, a head on one line),
        // what it should take if there is room (short cells on one line, text columns a
        // few characters wide), its natural width, and how much text it holds
        let mut hard = vec![0.0f32; n];
        let mut soft = vec![0.0f32; n];
        let mut max = vec![0.0f32; n];
        let mut content = vec![0.0f32; n];
        for (j, cell) in header.iter().enumerate() {
            let (nat, least, _) = cell_widths(&cell.spans, self.faces, style.bold());
            // keep short column heads on one line
            let head_min = nat.min(total / n as f32 - 2.0 * PAD_X);
            hard[j] = hard[j].max(least.max(head_min));
            max[j] = max[j].max(nat);
        }
        for row in rows {
            for (j, cell) in row.iter().enumerate().take(n) {
                let (nat, least, groups) = cell_widths(&cell.spans, self.faces, style);
                hard[j] = hard[j].max(least);
                // a short cell (a number, a rank, a date, a short name) on one line, a
                // name and its title in brackets each on one; text at least a few
                // characters a line
                let want = if nat <= SHORT_CELL_EM * em {
                    nat
                } else {
                    nat.min(TEXT_COLUMN_EM * em).max(groups.min(GROUP_EM * em))
                };
                soft[j] = soft[j].max(want);
                max[j] = max[j].max(nat);
                content[j] += nat;
            }
        }
        let pad = |w: &f32| w + 2.0 * PAD_X;
        let mut hard: Vec<f32> = hard.iter().map(pad).collect();
        if hard.iter().sum::<f32>() > total {
            // not even that fits: the widest give up width first, the narrow keep theirs
            let (mut lo, mut hi) = (0.0f32, hard.iter().copied().fold(0.0, f32::max));
            for _ in 0..40 {
                let mid = (lo + hi) / 2.0;
                if hard.iter().map(|h| h.min(mid)).sum::<f32>() > total {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            for h in &mut hard {
                *h = h.min(lo);
            }
        }
        let soft: Vec<f32> = soft.iter().map(pad).zip(&hard).map(|(s, h)| s.max(*h)).collect();
        // as much of the soft minimum as the width allows
        let (sum_hard, sum_soft): (f32, f32) = (hard.iter().sum(), soft.iter().sum());
        let t = if sum_soft <= total {
            1.0
        } else if sum_hard < total {
            (total - sum_hard) / (sum_soft - sum_hard).max(EPS)
        } else {
            0.0
        };
        let min: Vec<f32> = hard.iter().zip(&soft).map(|(h, s)| h + (s - h) * t).collect();
        let max: Vec<f32> = max.iter().map(pad).zip(&min).map(|(w, m)| w.max(*m)).collect();
        // the balance may take back half of what the soft minimum added, where that makes
        // the table shorter
        let floor: Vec<f32> = hard.iter().zip(&min).map(|(h, m)| (h + m) / 2.0).collect();
        let widths =
            self.balance(distribute(&min, &max, &content, total), &floor, header, rows, style);

        let set = |cells: &[Cell], bold: bool| -> Vec<Vec<Line>> {
            (0..n)
                .map(|j| {
                    let spans = cells.get(j).map_or(&[][..], |c| &c.spans[..]);
                    let st = if bold { style.bold() } else { style };
                    break_cell(spans, self.faces, st, widths[j] - 2.0 * PAD_X)
                })
                .collect()
        };
        TableSet {
            aligns: (0..n).map(|j| aligns.get(j).copied().unwrap_or_default()).collect(),
            header: set(header, true),
            rows: rows.iter().map(|r| set(r, false)).collect(),
            widths,
        }
    }

    /// Move width between columns, in shrinking steps, while that makes the table shorter
    /// (fewer lines in the tallest cell of each row; fewer lines overall break ties).
    fn balance(
        &self,
        mut w: Vec<f32>,
        min: &[f32],
        header: &[Cell],
        rows: &[Vec<Cell>],
        style: FlowStyle,
    ) -> Vec<f32> {
        let n = w.len();
        if n < 2 {
            return w;
        }
        // (column, width in 1/8 pt) → line count of the head and of every row
        let mut memo: BTreeMap<(usize, i64), Vec<usize>> = BTreeMap::new();
        let mut count = |j: usize, width: f32| -> Vec<usize> {
            let key = (j, (width * 8.0).round() as i64);
            memo.entry(key)
                .or_insert_with(|| {
                    let inner = width - 2.0 * PAD_X;
                    // a line of one character where the cell has more counts as three
                    let lines = |cell: Option<&Cell>, st: FlowStyle| {
                        cell.map_or(0, |c| {
                            let set = break_cell(&c.spans, self.faces, st, inner);
                            let short =
                                |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count() < 2;
                            let bad = if set.len() > 1 && !short(&c.text()) {
                                set.iter()
                                    .filter(|l| short(l.text().trim_start_matches('•')))
                                    .count()
                            } else {
                                0
                            };
                            set.len() + 2 * bad
                        })
                    };
                    std::iter::once(lines(header.get(j), style.bold()))
                        .chain(rows.iter().map(|r| lines(r.get(j), style)))
                        .collect()
                })
                .clone()
        };
        let cost = |cols: &[&[usize]]| -> u64 {
            (0..=rows.len())
                .map(|r| {
                    let counts = cols.iter().map(|c| c.get(r).copied().unwrap_or(0));
                    let tallest = counts.clone().max().unwrap_or(0).max(1) as u64;
                    let weight = if r == 0 { 2 } else { 1 };
                    weight * (tallest * 1000 + counts.sum::<usize>() as u64)
                })
                .sum()
        };
        let mut cols: Vec<Vec<usize>> = (0..n).map(|j| count(j, w[j])).collect();
        let mut best = cost(&cols.iter().map(Vec::as_slice).collect::<Vec<_>>());
        for step in [24.0, 12.0, 6.0, 3.0] {
            for _ in 0..64 {
                let mut found: Option<Move> = None;
                for a in 0..n {
                    if w[a] - step < min[a] - EPS {
                        continue;
                    }
                    let ca = count(a, w[a] - step);
                    for b in (0..n).filter(|&b| b != a) {
                        let cb = count(b, w[b] + step);
                        let view: Vec<&[usize]> = (0..n)
                            .map(|j| match j {
                                j if j == a => ca.as_slice(),
                                j if j == b => cb.as_slice(),
                                j => cols[j].as_slice(),
                            })
                            .collect();
                        let c = cost(&view);
                        if c < found.as_ref().map_or(best, |f| f.cost) {
                            found = Some(Move {
                                cost: c,
                                from: a,
                                to: b,
                                from_lines: ca.clone(),
                                to_lines: cb,
                            });
                        }
                    }
                }
                let Some(m) = found else { break };
                best = m.cost;
                w[m.from] -= step;
                w[m.to] += step;
                cols[m.from] = m.from_lines;
                cols[m.to] = m.to_lines;
            }
        }
        w
    }

    fn table(&mut self, aligns: &[Align], header: &[Cell], rows: &[Vec<Cell>]) {
        let t = self.set_table(aligns, header, rows);
        let lead = self.s.table_leading;
        let head_h = TableSet::row_height(&t.header, lead);
        let first_h = t.rows.first().map_or(0.0, |r| TableSet::row_height(r, lead));
        self.place(self.s.para_gap, head_h + first_h.min(self.capacity() - head_h));
        self.table_head(&t);
        let mut on_page = 0; // rows of this table on the current page
        for (r, cells) in t.rows.iter().enumerate() {
            let h = TableSet::row_height(cells, lead);
            // the last row is not left alone on a page: the one before goes with it
            let last_alone = r + 2 == t.rows.len()
                && on_page > 0
                && t.rows.get(r + 1).is_some_and(|next| {
                    let h2 = TableSet::row_height(next, lead);
                    h + h2 > self.remaining() + EPS && head_h + h + h2 <= self.capacity()
                });
            if last_alone {
                self.continue_table(&t);
                on_page = 0;
            }
            if h > self.remaining() + EPS {
                on_page = 0;
                if head_h + h <= self.capacity() {
                    self.continue_table(&t);
                } else {
                    self.split_row(&t, r, cells);
                    on_page = 1;
                    continue;
                }
            }
            let starts = vec![0; cells.len()];
            self.table_row(&t, r, cells, &starts, usize::MAX);
            on_page += 1;
        }
        let (l, rt, y) = (self.g.left, self.g.right, self.y);
        self.rule(l, rt, y, 0.8, palette::NAVY);
        self.y += self.s.para_gap * 1.5;
    }

    /// Close the table part on this page and repeat the head on the next.
    fn continue_table(&mut self, t: &TableSet) {
        let (l, r, y) = (self.g.left, self.g.right, self.y);
        self.rule(l, r, y, 0.8, palette::NAVY);
        self.new_page();
        self.table_head(t);
    }

    fn table_head(&mut self, t: &TableSet) {
        let lead = self.s.table_leading;
        let h = TableSet::row_height(&t.header, lead);
        let (l, r, top) = (self.g.left, self.g.right, self.y);
        self.push(Item::Fill { x: l, y: top, w: r - l, h, colour: palette::HEAD_FILL });
        self.rule(l, r, top, 0.8, palette::NAVY);
        let starts = vec![0; t.header.len()];
        self.cells(t, &t.header, &starts, usize::MAX, palette::NAVY);
        self.y = top + h;
        self.rule(l, r, self.y, 0.6, palette::NAVY);
    }

    /// Set lines `starts[j]..starts[j] + count` of each cell as one row at the cursor.
    fn table_row(
        &mut self,
        t: &TableSet,
        index: usize,
        cells: &[Vec<Line>],
        starts: &[usize],
        count: usize,
    ) {
        let lead = self.s.table_leading;
        let lines = cells
            .iter()
            .zip(starts)
            .map(|(c, s)| c.len().saturating_sub(*s).min(count))
            .max()
            .unwrap_or(0)
            .max(1);
        let h = lines as f32 * lead + 2.0 * PAD_Y;
        let (l, r, top) = (self.g.left, self.g.right, self.y);
        if index % 2 == 1 {
            self.push(Item::Fill { x: l, y: top, w: r - l, h, colour: palette::ZEBRA });
        }
        self.cells(t, cells, starts, count, palette::TEXT);
        self.y = top + h;
        if index + 1 < t.rows.len() {
            self.rule(l, r, self.y, 0.3, palette::RULE);
        }
    }

    fn cells(
        &mut self,
        t: &TableSet,
        cells: &[Vec<Line>],
        starts: &[usize],
        count: usize,
        c: Colour,
    ) {
        let (lead, size) = (self.s.table_leading, self.s.table);
        let top = self.y + PAD_Y;
        let mut x = self.g.left;
        for (j, lines) in cells.iter().enumerate() {
            let w = t.widths.get(j).copied().unwrap_or(0.0);
            let start = starts.get(j).copied().unwrap_or(0);
            for (k, line) in lines.iter().skip(start).take(count).enumerate() {
                let inner = w - 2.0 * PAD_X;
                let dx = match t.aligns.get(j) {
                    Some(Align::Center) => (inner - line.width) / 2.0,
                    Some(Align::Right) => inner - line.width,
                    _ => 0.0,
                };
                self.draw_line(line, x + PAD_X + dx.max(0.0), top + k as f32 * lead, size, lead, c);
            }
            x += w;
        }
    }

    /// A row taller than a page: set as many of its lines as fit on each page.
    fn split_row(&mut self, t: &TableSet, index: usize, cells: &[Vec<Line>]) {
        let lead = self.s.table_leading;
        let mut starts = vec![0usize; cells.len()];
        let done = |s: &[usize]| cells.iter().zip(s).all(|(c, s)| *s >= c.len());
        let mut first = true;
        let mut fresh = false; // just moved to a new page
        while first || !done(&starts) {
            let fit = ((self.remaining() - 2.0 * PAD_Y + EPS) / lead).floor().max(0.0) as usize;
            if fit < 2 && !fresh {
                self.continue_table(t);
                fresh = true;
                continue;
            }
            // on a new page at least one line is set, even if the head left no room
            let fit = fit.max(1);
            self.table_row(t, index, cells, &starts, fit);
            for s in &mut starts {
                *s += fit;
            }
            first = false;
            fresh = false;
            if !done(&starts) {
                self.continue_table(t);
                fresh = true;
            }
        }
    }

    fn cover(&mut self, title: &str, subtitle: &str, entries: &[(String, String)]) {
        self.break_page();
        if self.pages.is_empty() {
            self.new_page();
        }
        self.page_mut().cover = true;
        let (w, body) = (self.g.page_w, self.s.body);
        let band = self.g.page_h * 0.42;
        self.push(Item::Fill { x: 0.0, y: 0.0, w, h: band, colour: palette::NAVY });
        self.push(Item::Fill { x: 0.0, y: band, w, h: 5.0, colour: palette::ACCENT });

        let text_w = self.g.width - 40.0;
        let (t_size, s_size) = (body * 2.5, body * 1.35);
        let (t_lead, s_lead) = (t_size * 1.35, s_size * 1.5);
        let title_lines =
            break_lines(&[Span::plain(title)], self.faces, self.style(t_size).bold(), text_w);
        let sub_lines =
            break_lines(&[Span::plain(subtitle)], self.faces, self.style(s_size), text_w);
        let gap = if sub_lines.is_empty() { 0.0 } else { s_size * 1.2 };
        let block = title_lines.len() as f32 * t_lead + gap + sub_lines.len() as f32 * s_lead;
        let mut y = (band * 0.56 - block / 2.0).max(self.g.top);
        for line in &title_lines {
            self.draw_line(line, (w - line.width) / 2.0, y, t_size, t_lead, palette::WHITE);
            y += t_lead;
        }
        y += gap;
        for line in &sub_lines {
            self.draw_line(line, (w - line.width) / 2.0, y, s_size, s_lead, palette::ON_NAVY);
            y += s_lead;
        }

        // the cover entries: labels right-aligned, values left-aligned, centred as a block
        let size = body * 1.05;
        let lead = size * 1.5;
        let row_gap = size * 0.9;
        let label_w =
            entries.iter().map(|(l, _)| self.faces.regular.width(l, size)).fold(0.0f32, f32::max);
        let sep = size * 1.6;
        let value_max = (self.g.width - label_w - sep).max(size * 4.0);
        let style = self.style(size);
        let values: Vec<Vec<Line>> = entries
            .iter()
            .map(|(_, v)| break_lines(&[Span::plain(v.as_str())], self.faces, style, value_max))
            .collect();
        let value_w = values.iter().flatten().map(|l| l.width).fold(size * 8.0, f32::max);
        let block_w = label_w + sep + value_w;
        let x0 = (w - block_w) / 2.0;
        let mut y = band + 5.0 + (self.g.page_h - band) * 0.2;
        for (k, ((label, _), lines)) in entries.iter().zip(&values).enumerate() {
            if k > 0 {
                self.rule(x0, x0 + block_w, y - row_gap / 2.0, 0.4, palette::RULE);
            }
            let lw = self.faces.regular.width(label, size);
            let label_line =
                break_lines(&[Span::plain(label.as_str())], self.faces, style, f32::MAX);
            if let Some(ll) = label_line.first() {
                self.draw_line(ll, x0 + label_w - lw, y, size, lead, palette::MUTED);
            }
            for line in lines {
                self.draw_line(line, x0 + label_w + sep, y, size, lead, palette::TEXT);
                y += lead;
            }
            y += row_gap;
        }
        // whatever follows starts on a new page
        self.y = self.g.bottom + 1.0;
    }

    /// Add the running header and the footer, now that the page count is known.
    fn finish(mut self) -> Laid {
        if self.pages.is_empty() {
            self.new_page();
        }
        let total = self.pages.len();
        let size = self.s.small;
        let style = self.style(size);
        let header = if self.opts.header.is_empty() {
            self.opts.meta.title.clone()
        } else {
            self.opts.header.clone()
        };
        let g = self.g;
        let faces = self.faces;
        let one_line = |text: &str, max: f32| -> Option<Line> {
            let chars: Vec<char> = text.chars().map(|c| if c == '\n' { ' ' } else { c }).collect();
            let set = |keep: usize| {
                let mut t: String = chars[..keep].iter().collect();
                if keep < chars.len() {
                    t.push('…');
                }
                break_lines(&[Span::plain(t)], faces, style, f32::MAX).into_iter().next()
            };
            let whole = set(chars.len())?;
            if whole.width <= max {
                return Some(whole);
            }
            // too long: cut where the plain advances reach the room left for the ellipsis,
            // then give back characters while the gaps still make it too wide
            let room = max - faces.regular.advance_em('…') * size;
            let mut width = 0.0;
            let mut keep = 0;
            while keep < chars.len() && width + faces.regular.advance_em(chars[keep]) * size <= room
            {
                width += faces.regular.advance_em(chars[keep]) * size;
                keep += 1;
            }
            loop {
                let line = set(keep)?;
                if line.width <= max || keep == 0 {
                    return Some(line);
                }
                keep -= 1;
            }
        };
        let mut extra: Vec<(usize, Vec<Item>)> = Vec::new();
        for (i, page) in self.pages.iter().enumerate() {
            if page.cover {
                continue;
            }
            let mut items = Vec::new();
            let baseline = g.top - 24.0;
            let right = one_line(&page.section, g.width * 0.45);
            let right_w = right.as_ref().map_or(0.0, |l| l.width);
            let left = one_line(&header, g.width - right_w - 24.0);
            let push_line = |items: &mut Vec<Item>, line: &Line, x: f32, baseline: f32| {
                for f in &line.fragments {
                    items.push(Item::Text {
                        x: x + f.x,
                        baseline,
                        size,
                        bold: f.bold,
                        colour: palette::MUTED,
                        text: f.text.clone(),
                    });
                }
            };
            if let Some(l) = &left {
                push_line(&mut items, l, g.left, baseline);
            }
            if let Some(r) = &right {
                push_line(&mut items, r, g.right - r.width, baseline);
            }
            if left.is_some() || right.is_some() {
                let y = g.top - 17.0;
                items.push(Item::Rule {
                    x1: g.left,
                    y1: y,
                    x2: g.right,
                    y2: y,
                    width: 0.4,
                    colour: palette::RULE,
                });
            }
            let footer = self
                .opts
                .footer
                .replace("{page}", &(i + 1).to_string())
                .replace("{pages}", &total.to_string());
            if let Some(f) = one_line(&footer, g.width) {
                let baseline = g.bottom + (g.page_h - g.bottom) * 0.5;
                push_line(&mut items, &f, (g.page_w - f.width) / 2.0, baseline);
            }
            extra.push((i, items));
        }
        for (i, items) in extra {
            if let Some(p) = self.pages.get_mut(i) {
                p.items.extend(items);
            }
        }
        Laid {
            paper: self.opts.paper,
            pages: self.pages,
            bookmarks: self.bookmarks,
            links: self.links,
            warnings: self.warnings,
        }
    }
}

/// A table as set: its column widths, and each cell's text with its lines.
#[cfg(test)]
pub(crate) type TableLines = (Vec<f32>, Vec<(String, Vec<String>)>);

/// Every table of `blocks` as the layout sets it: for each table, its column widths and
/// each cell (head first, then the rows, left to right) with its text and its lines.
#[cfg(test)]
pub(crate) fn tables_set(blocks: &[Block], faces: &Faces, opts: &LayoutOptions) -> Vec<TableLines> {
    let cache = TableCache::default();
    let l = Layouter::new(faces, opts, &cache);
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table { aligns, header, rows } => {
                let t = l.set_table(aligns, header, rows);
                let texts = std::iter::once(header)
                    .chain(rows)
                    .flat_map(|r| r.iter().map(Cell::text))
                    .collect::<Vec<_>>();
                let lines = std::iter::once(&t.header).chain(&t.rows).flatten();
                let cells = texts
                    .into_iter()
                    .zip(lines)
                    .map(|(text, ls)| (text, ls.iter().map(Line::text).collect()))
                    .collect();
                Some((t.widths.clone(), cells))
            }
            _ => None,
        })
        .collect()
}

/// Share `total` among columns: each gets at least its minimum; what is left goes to the
/// columns that can use it (up to their natural width) in proportion to how much text
/// they hold (`content`, their cells' natural widths added up), sharing again when one is
/// satisfied; any remainder widens every column in proportion.
fn distribute(min: &[f32], max: &[f32], content: &[f32], total: f32) -> Vec<f32> {
    let n = min.len();
    let sum_min: f32 = min.iter().sum();
    if n == 0 {
        return Vec::new();
    }
    if sum_min >= total {
        return min.iter().map(|m| m * total / sum_min.max(EPS)).collect();
    }
    let mut w = min.to_vec();
    let mut open: Vec<usize> = (0..n).filter(|&j| max[j] > min[j] + EPS).collect();
    let mut left = total - sum_min;
    let weight_of = |j: usize| content.get(j).copied().unwrap_or(0.0).max(max[j] - min[j]).max(EPS);
    while left > EPS && !open.is_empty() {
        let weight: f32 = open.iter().map(|&j| weight_of(j)).sum();
        let share = |j: usize| left * weight_of(j) / weight.max(EPS);
        if open.iter().any(|&j| w[j] + share(j) >= max[j]) {
            // satisfy the columns that fit whole, then share again
            let mut used = 0.0;
            let full: Vec<usize> =
                open.iter().copied().filter(|&j| w[j] + share(j) >= max[j]).collect();
            for j in full {
                used += max[j] - w[j];
                w[j] = max[j];
            }
            open.retain(|&j| w[j] < max[j]);
            left -= used;
        } else {
            for &j in &open {
                w[j] += share(j);
            }
            left = 0.0;
        }
    }
    if left > EPS {
        let sum: f32 = w.iter().sum();
        for x in &mut w {
            *x += left * *x / sum.max(EPS);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::markup::parse;

    fn faces() -> Faces {
        Faces::embedded().unwrap()
    }

    fn texts(page: &Page) -> String {
        page.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn distribute_fills_the_width_and_respects_minimums() {
        let w = distribute(&[30.0, 40.0, 40.0], &[35.0, 400.0, 120.0], &[0.0; 3], 300.0);
        assert!((w.iter().sum::<f32>() - 300.0).abs() < 0.01, "{w:?}");
        assert!(w[0] >= 30.0 && w[0] <= 35.0, "{w:?}");
        assert!(w[1] > w[2] && w[2] > 40.0, "{w:?}");
        // what is left goes by how much text a column holds
        let w = distribute(&[40.0, 40.0], &[400.0, 400.0], &[900.0, 300.0], 240.0);
        assert!(w[0] > 1.5 * w[1] && (w[0] + w[1] - 240.0).abs() < 0.01, "{w:?}");
        // everything fits: widened in proportion
        let w = distribute(&[10.0, 10.0], &[20.0, 60.0], &[0.0; 2], 160.0);
        assert!((w[0] - 40.0).abs() < 0.01 && (w[1] - 120.0).abs() < 0.01, "{w:?}");
        // not even the minimums fit: shrunk in proportion
        let w = distribute(&[100.0, 300.0], &[100.0, 300.0], &[0.0; 2], 200.0);
        assert!((w[0] - 50.0).abs() < 0.01, "{w:?}");
    }

    #[test]
    fn h1_starts_a_page_and_headings_keep_with_next() {
        let f = faces();
        let opts = LayoutOptions::default();
        let long = "服务标准".repeat(60);
        let mut md = String::from("# 第一章\n\n");
        for _ in 0..8 {
            md.push_str(&format!("{long}\n\n"));
        }
        md.push_str("## 小节标题\n\n正文。\n\n# 第二章\n\n正文。\n");
        let laid = lay_out(&parse(&md), &f, &opts);
        let idx = |needle: &str| laid.pages.iter().position(|p| texts(p).contains(needle));
        let h2 = idx("小节标题").unwrap();
        let body = laid.pages.iter().position(|p| texts(p).contains("正文。")).unwrap();
        assert_eq!(h2, body, "heading separated from its text");
        let ch2 = laid.pages.iter().rposition(|p| texts(p).contains("第二章")).unwrap();
        assert!(ch2 > h2);
        // the chapter page starts with the chapter heading, below the running header
        assert_eq!(laid.pages[ch2].section, "第二章");
        assert_eq!(laid.bookmarks.iter().map(|b| b.level).collect::<Vec<_>>(), [1, 2, 1]);
        assert_eq!(laid.bookmarks[2].page, ch2);
    }

    #[test]
    fn nothing_runs_past_the_bottom_margin() {
        let f = faces();
        let opts = LayoutOptions::default();
        let mut md = String::from("# 表格\n\n| 维度 | 描述 |\n|---|---|\n");
        for i in 0..60 {
            md.push_str(&format!("| 可靠性{i} | {} |\n", "按时办结业务".repeat(i % 7 + 1)));
        }
        md.push_str(&format!("| 超长 | {} |\n", "这是一个非常长的单元格".repeat(600)));
        let laid = lay_out(&parse(&md), &f, &opts);
        let bottom = A4_HEIGHT - opts.margins.bottom * MM;
        assert!(laid.pages.len() > 3);
        for page in &laid.pages {
            for item in &page.items {
                if let Item::Text { baseline, size, .. } = item {
                    // the footer is the only text below the bottom margin
                    let is_footer = *baseline > bottom + 10.0;
                    assert!(is_footer || *baseline <= bottom + 0.2 * size, "{item:?}");
                }
            }
        }
        // the head is repeated on every page of the table
        for page in &laid.pages {
            assert!(texts(page).contains("维度描述"), "{}", texts(page));
        }
    }

    #[test]
    fn cover_has_no_header_and_is_alone() {
        let f = faces();
        let opts = LayoutOptions {
            header: "页眉".into(),
            footer: "第 {page} 页 / 共 {pages} 页".into(),
            ..LayoutOptions::default()
        };
        let md = "```cover\ntitle: 标题\nsubtitle: 副标题\n机构：某银行\n```\n\n正文段落。\n";
        let laid = lay_out(&parse(md), &f, &opts);
        assert_eq!(laid.pages.len(), 2);
        assert!(laid.pages[0].cover);
        let cover = texts(&laid.pages[0]);
        assert!(cover.contains("标题") && cover.contains("某银行") && !cover.contains("页眉"));
        let body = texts(&laid.pages[1]);
        assert!(
            body.contains("正文段落")
                && body.contains("页眉")
                && body.contains("第 2 页 / 共 2 页")
        );
    }

    #[test]
    fn charts_move_to_the_next_page_when_they_do_not_fit() {
        let f = faces();
        let opts = LayoutOptions::default();
        let md = format!(
            "{}\n\n![曲线](chart:c1?h=120)\n\n![巨大](chart:c2?h=900)\n",
            "段落".repeat(500)
        );
        let laid = lay_out(&parse(&md), &f, &opts);
        let charts: Vec<(usize, Area)> = laid
            .pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.items.iter().filter_map(move |it| match it {
                    Item::Chart { area, .. } => Some((i, *area)),
                    _ => None,
                })
            })
            .collect();
        assert_eq!(charts.len(), 2);
        // made lower to fit the room left, at most by a quarter
        let h = charts[0].1.height;
        assert!((CHART_SHRINK * 120.0 * MM - 0.01..=120.0 * MM + 0.01).contains(&h), "{h}");
        assert!(charts[0].1.y >= opts.margins.bottom * MM - 0.01);
        assert!(charts[1].0 > charts[0].0);
        assert!(charts[1].1.y >= opts.margins.bottom * MM - 0.01);
        assert_eq!(laid.warnings.len(), 1, "{:?}", laid.warnings);
    }

    #[test]
    fn absurd_content_terminates() {
        let f = faces();
        let opts = LayoutOptions::default();
        let huge = "表头".repeat(3000);
        let md = format!(
            "| {huge} | b |\n|---|---|\n| x | y |\n\n# {huge}\n\n![{huge}](chart:c?h=5000)\n"
        );
        let laid = lay_out(&parse(&md), &f, &opts);
        assert!(laid.pages.len() > 2 && laid.pages.len() < 100, "{}", laid.pages.len());
        // the running header shortens the chapter title to fit
        let cut = laid.pages.iter().flat_map(|p| &p.items).any(|i| {
            matches!(i, Item::Text { text, .. } if text.ends_with('…') && text.starts_with("表头"))
        });
        assert!(cut);
    }

    fn chart_pages(laid: &Laid) -> Vec<(usize, Area)> {
        laid.pages
            .iter()
            .enumerate()
            .flat_map(|(i, p)| {
                p.items.iter().filter_map(move |it| match it {
                    Item::Chart { area, .. } => Some((i, *area)),
                    _ => None,
                })
            })
            .collect()
    }

    #[test]
    fn text_after_a_chart_that_does_not_fit_fills_the_page() {
        let f = faces();
        let opts = LayoutOptions::default();
        // a page about two-thirds full, a chart higher than the rest, then text of the
        // same section: the text fills this page, the chart heads the next
        let md = format!(
            "# 章\n\n{}\n\n![图](chart:c?h=150)\n\n{}\n\n{}\n\n## 下一节\n\n正文。\n",
            "段落文字".repeat(240),
            "紧随其后的文字".repeat(20),
            "第二段文字".repeat(20)
        );
        let laid = lay_out(&parse(&md), &f, &opts);
        let charts = chart_pages(&laid);
        assert_eq!(charts.len(), 1);
        let (page, area) = charts[0];
        let after = laid.pages.iter().position(|p| texts(p).contains("紧随其后的文字")).unwrap();
        assert_eq!(after, page - 1, "the text did not flow up");
        // the chart is at the top of its page, full height
        assert!((area.height - 150.0 * MM).abs() < 0.01);
        assert!((A4_HEIGHT - area.y - area.height - opts.margins.top * MM).abs() < 0.5);
        // and the next section comes after it
        let next = laid.pages.iter().position(|p| texts(p).contains("下一节")).unwrap();
        assert!(next >= page);
    }

    #[test]
    fn a_chart_is_made_lower_to_fit_or_moves_before_a_heading() {
        let f = faces();
        let opts = LayoutOptions::default();
        let fill = "段落文字".repeat(250);
        // a little too high for the room left: made lower, on the same page
        let laid = lay_out(&parse(&format!("{fill}\n\n![图](chart:c?h=118)\n")), &f, &opts);
        let charts = chart_pages(&laid);
        assert_eq!(charts[0].0, 0);
        let h = charts[0].1.height;
        assert!((0.75 * 118.0 * MM - 0.01..118.0 * MM).contains(&h), "{h}");
        // far too high, and a heading follows: the chart moves to the next page whole
        let md = format!("{fill}\n\n![图](chart:c?h=200)\n\n## 节\n\n正文。\n");
        let laid = lay_out(&parse(&md), &f, &opts);
        let charts = chart_pages(&laid);
        assert_eq!(charts[0].0, 1);
        assert!((charts[0].1.height - 200.0 * MM).abs() < 0.01);
    }

    #[test]
    fn figures_are_numbered_in_document_order() {
        let f = faces();
        let opts = LayoutOptions {
            figure_caption: "图 {n}　{caption}".into(),
            ..LayoutOptions::default()
        };
        let md = "![各维度期望与感知](chart:a?h=60)\n\n![各触点满意度](chart:b?h=60)\n";
        let laid = lay_out(&parse(md), &f, &opts);
        let all: String = laid.pages.iter().map(texts).collect();
        assert!(all.contains("图 1　各维度期望与感知"), "{all}");
        assert!(all.contains("图 2　各触点满意度"), "{all}");
    }

    #[test]
    fn the_last_list_item_does_not_go_to_a_page_alone() {
        let f = faces();
        let opts = LayoutOptions::default();
        // fill a page so that all but the last item fit
        for filler in 200..260 {
            let mut md = format!("{}\n\n", "段落文字".repeat(filler));
            for i in 0..5 {
                md.push_str(&format!("- 第{i}项：{}\n", "要点".repeat(8)));
            }
            let laid = lay_out(&parse(&md), &f, &opts);
            let last = laid.pages.iter().position(|p| texts(p).contains("第4项")).unwrap();
            let before = laid.pages.iter().position(|p| texts(p).contains("第3项")).unwrap();
            assert_eq!(last, before, "filler {filler}: the last item is alone");
        }
    }

    #[test]
    fn no_single_line_at_the_top_or_bottom_of_a_page() {
        let f = faces();
        let opts = LayoutOptions::default();
        for filler in 200..260 {
            let md = format!("{}\n\n{}\n", "段落文字".repeat(filler), "三行文字".repeat(30));
            let laid = lay_out(&parse(&md), &f, &opts);
            for page in &laid.pages {
                let t = texts(page);
                let n = t.matches("三行文字").count();
                // a paragraph of three lines (30 × 4 characters) is split 2 + 1 never
                assert!(n == 0 || n >= 10, "filler {filler}: {n} on one page");
            }
        }
    }
}
