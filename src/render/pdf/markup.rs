//! The report markup: the Markdown subset the templates write (see `templates/README.md`),
//! parsed with pulldown-cmark into the blocks the layout sets.
//!
//! - `#`, `##`, `###` headings (deeper levels are set as level 3);
//! - paragraphs with `**bold**` (other inline markup is set as plain text);
//! - `-` and `1.` lists;
//! - pipe tables, the first row being the header;
//! - a fenced block with the info string `cover`: `title:` and `subtitle:` lines, then one
//!   `label：value` line per cover entry;
//! - a fenced block with the info string `formula`: one formula a line, each set indented
//!   on a line of its own (as unmarked list items one level in);
//! - `<!-- pagebreak -->` on its own;
//! - `<!-- contents -->` on its own: the table of contents (level-1 and level-2 headings
//!   with their page numbers), filled in by the layout;
//! - `![caption](chart:ID?h=85)` on its own: chart `ID`, 85 mm high.
//!
//! Backslash escapes are honoured, so text escaped with
//! [`escape_md`](crate::render::templates::escape_md) comes out as typed.

use pulldown_cmark::{Alignment, CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::text::is_wide;

/// Height of a chart whose reference gives none, in millimetres.
pub const DEFAULT_CHART_HEIGHT_MM: f32 = 80.0;

/// A run of text in one weight. A `'\n'` in `text` is a hard line break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Set in the bold face.
    pub bold: bool,
}

impl Span {
    /// A regular-weight span.
    pub fn plain(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: false }
    }

    /// A bold span.
    pub fn bold(text: impl Into<String>) -> Self {
        Self { text: text.into(), bold: true }
    }
}

/// The text of a list of spans, without weights.
pub fn plain_text(spans: &[Span]) -> String {
    spans.iter().map(|s| s.text.as_str()).collect()
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Not given: left.
    #[default]
    Default,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

/// One table cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The cell's text.
    pub spans: Vec<Span>,
}

impl Cell {
    /// The cell's text without weights.
    pub fn text(&self) -> String {
        plain_text(&self.spans)
    }
}

/// One list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem {
    /// Nesting depth, 0 for the outermost list.
    pub depth: usize,
    /// The marker: `•` or `3.`.
    pub marker: String,
    /// The item's text (paragraphs of a loose item are joined by hard breaks).
    pub spans: Vec<Span>,
}

/// A block of the report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The title page.
    Cover {
        /// The `title:` line.
        title: String,
        /// The `subtitle:` line, empty if none.
        subtitle: String,
        /// The other lines, split at the first `：` or `:`; entries with an empty value are
        /// left out.
        lines: Vec<(String, String)>,
    },
    /// A heading, level 1–3.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading text.
        spans: Vec<Span>,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph text.
        spans: Vec<Span>,
    },
    /// A bulleted or numbered list (nested lists are flattened, with their depth).
    List {
        /// The items in order.
        items: Vec<ListItem>,
    },
    /// A table.
    Table {
        /// Column alignments, one per column.
        aligns: Vec<Align>,
        /// The header row, repeated on every page the table runs over.
        header: Vec<Cell>,
        /// The body rows; each has as many cells as the header.
        rows: Vec<Vec<Cell>>,
    },
    /// A chart drawn by the chart painter.
    Chart {
        /// Chart id (the part of `chart:ID` before `?`).
        id: String,
        /// Height in millimetres (`h=`), [`DEFAULT_CHART_HEIGHT_MM`] if not given.
        height_mm: f32,
        /// Caption, set below the chart.
        caption: String,
    },
    /// `<!-- pagebreak -->`: the next block starts a new page.
    PageBreak,
    /// `<!-- contents -->`: the table of contents, set by the layout from the headings.
    Contents,
}

/// What the parser is collecting inline text for.
#[derive(Debug)]
enum Container {
    Paragraph,
    Heading(u8),
    Cell,
    Item,
}

/// A list being read.
#[derive(Debug)]
struct OpenList {
    next_number: Option<u64>,
}

#[derive(Debug, Default)]
struct TableState {
    aligns: Vec<Align>,
    header: Vec<Cell>,
    rows: Vec<Vec<Cell>>,
    row: Vec<Cell>,
}

#[derive(Debug, Default)]
struct State {
    blocks: Vec<Block>,
    spans: Vec<Span>,
    container: Vec<Container>,
    bold: usize,
    image: Option<(String, String)>,
    /// Images met in the current paragraph: (url, alt text).
    para_images: Vec<(String, String)>,
    /// Whether the current paragraph has text outside images.
    para_has_text: bool,
    code: Option<(String, String)>,
    table: Option<TableState>,
    lists: Vec<OpenList>,
    items: Vec<ListItem>,
    /// Indices in `items` of the list items started but not yet finished, innermost last.
    item_stack: Vec<usize>,
}

impl State {
    fn push_text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if let Some((_, alt)) = self.image.as_mut() {
            alt.push_str(text);
            return;
        }
        if !text.trim().is_empty() {
            self.para_has_text = true;
        }
        let bold = self.bold > 0;
        match self.spans.last_mut() {
            Some(last) if last.bold == bold => last.text.push_str(text),
            _ => self.spans.push(Span { text: text.to_string(), bold }),
        }
    }

    fn soft_break(&mut self) {
        // A line break in the source joins the lines; Chinese text is run together, other
        // text gets a space.
        let prev = match &self.image {
            Some((_, alt)) => alt.chars().last(),
            None => self.spans.last().and_then(|s| s.text.chars().last()),
        };
        if prev.is_some_and(|c| !is_wide(c) && !c.is_whitespace()) {
            self.push_text(" ");
        }
    }

    fn take_spans(&mut self) -> Vec<Span> {
        let mut spans = std::mem::take(&mut self.spans);
        trim_spans(&mut spans);
        spans
    }

    fn end_paragraph(&mut self) {
        let images = std::mem::take(&mut self.para_images);
        let has_text = std::mem::take(&mut self.para_has_text);
        if let ([(url, alt)], false) = (images.as_slice(), has_text)
            && let Some((id, height_mm)) = chart_ref(url)
        {
            self.spans.clear();
            self.blocks.push(Block::Chart { id, height_mm, caption: alt.trim().to_string() });
            return;
        }
        let spans = self.take_spans();
        if let Some(item) = self.open_item() {
            // a paragraph inside a list item (loose list)
            if !item.spans.is_empty() && !spans.is_empty() {
                item.spans.push(Span::plain("\n"));
            }
            item.spans.extend(spans);
        } else if !spans.is_empty() {
            self.blocks.push(Block::Paragraph { spans });
        }
    }

    fn open_item(&mut self) -> Option<&mut ListItem> {
        let at = *self.item_stack.last()?;
        self.items.get_mut(at)
    }

    /// The inline text collected so far belongs to the innermost open list item.
    fn flush_into_item(&mut self) {
        let spans = self.take_spans();
        if let Some(item) = self.open_item() {
            item.spans.extend(spans);
        }
    }

    fn finish_list(&mut self) {
        if self.lists.is_empty() && !self.items.is_empty() {
            let items = std::mem::take(&mut self.items);
            self.blocks.push(Block::List { items });
        }
    }
}

fn trim_spans(spans: &mut Vec<Span>) {
    if let Some(first) = spans.first_mut() {
        let t = first.text.trim_start_matches([' ', '\t']).to_string();
        first.text = t;
    }
    if let Some(last) = spans.last_mut() {
        let t = last.text.trim_end_matches([' ', '\t', '\n']).to_string();
        last.text = t;
    }
    spans.retain(|s| !s.text.is_empty());
}

/// `chart:ID?h=85` → (`ID`, 85.0).
fn chart_ref(url: &str) -> Option<(String, f32)> {
    let rest = url.strip_prefix("chart:")?;
    let (id, query) = rest.split_once('?').unwrap_or((rest, ""));
    if id.is_empty() {
        return None;
    }
    let height = query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == "h")
        .and_then(|(_, v)| v.trim().parse::<f32>().ok())
        .filter(|h| h.is_finite() && *h > 0.0)
        .unwrap_or(DEFAULT_CHART_HEIGHT_MM);
    Some((id.to_string(), height))
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        _ => 3,
    }
}

fn cover_block(source: &str) -> Block {
    let mut title = String::new();
    let mut subtitle = String::new();
    let mut lines = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(t) = line.strip_prefix("title:") {
            title = t.trim().to_string();
        } else if let Some(s) = line.strip_prefix("subtitle:") {
            subtitle = s.trim().to_string();
        } else {
            // `组数：3　参与人数：12` holds two entries, separated by an ideographic space
            let parts: Vec<&str> =
                line.split('\u{3000}').map(str::trim).filter(|p| !p.is_empty()).collect();
            let split: Vec<Option<(&str, &str)>> = parts.iter().map(|p| split_label(p)).collect();
            if parts.len() > 1 && split.iter().all(Option::is_some) {
                for (label, value) in split.into_iter().flatten() {
                    push_cover_line(&mut lines, label, value);
                }
            } else if let Some((label, value)) = split_label(line) {
                push_cover_line(&mut lines, label, value);
            } else {
                lines.push((String::new(), line.to_string()));
            }
        }
    }
    Block::Cover { title, subtitle, lines }
}

/// A `formula` block: each non-empty line set on its own, indented, without a marker (an
/// unmarked list item one level in, so the layout needs nothing new).
fn formula_block(source: &str) -> Option<Block> {
    let items: Vec<ListItem> = source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| ListItem { depth: 1, marker: String::new(), spans: vec![Span::plain(l)] })
        .collect();
    (!items.is_empty()).then_some(Block::List { items })
}

fn split_label(line: &str) -> Option<(&str, &str)> {
    let at = line.find(['：', ':'])?;
    let sep = line[at..].chars().next()?.len_utf8();
    Some((line[..at].trim(), line[at + sep..].trim()))
}

fn push_cover_line(lines: &mut Vec<(String, String)>, label: &str, value: &str) {
    if !value.is_empty() {
        lines.push((label.to_string(), value.to_string()));
    }
}

/// The directive of an HTML comment on its own (`<!-- pagebreak -->`), if it is one.
fn directive(html: &str) -> Option<Block> {
    let t = html.trim();
    let inner = t.strip_prefix("<!--").and_then(|t| t.strip_suffix("-->"))?.trim();
    if inner.eq_ignore_ascii_case("pagebreak") {
        Some(Block::PageBreak)
    } else if inner.eq_ignore_ascii_case("contents") {
        Some(Block::Contents)
    } else {
        None
    }
}

/// Parse report markup into blocks.
pub fn parse(markup: &str) -> Vec<Block> {
    let mut st = State::default();
    let parser = Parser::new_ext(markup, Options::ENABLE_TABLES);
    for event in parser {
        match event {
            Event::Start(tag) => start(&mut st, tag),
            Event::End(tag) => end(&mut st, tag),
            Event::Text(t) => {
                if let Some((_, body)) = st.code.as_mut() {
                    body.push_str(&t);
                } else {
                    st.push_text(&t);
                }
            }
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => st.push_text(&t),
            Event::SoftBreak => st.soft_break(),
            Event::HardBreak => st.push_text("\n"),
            Event::Html(h) => {
                if let Some(block) = directive(&h) {
                    st.blocks.push(block);
                }
            }
            Event::InlineHtml(h) => {
                let t = h.trim().to_ascii_lowercase();
                if matches!(t.as_str(), "<br>" | "<br/>" | "<br />") {
                    st.push_text("\n");
                } else if let Some(block) = directive(&h).filter(|_| st.spans.is_empty()) {
                    st.blocks.push(block);
                }
            }
            Event::FootnoteReference(t) => st.push_text(&t),
            Event::TaskListMarker(done) => st.push_text(if done { "☑ " } else { "☐ " }),
            Event::Rule => {}
        }
    }
    st.blocks
}

fn start(st: &mut State, tag: Tag<'_>) {
    match tag {
        Tag::Paragraph => {
            // text of a list item before its first paragraph belongs to the item
            st.flush_into_item();
            st.para_images.clear();
            st.para_has_text = false;
            st.container.push(Container::Paragraph);
        }
        Tag::Heading { level, .. } => {
            st.spans.clear();
            st.container.push(Container::Heading(heading_level(level)));
        }
        Tag::CodeBlock(kind) => {
            let info = match kind {
                CodeBlockKind::Fenced(info) => info.trim().to_string(),
                CodeBlockKind::Indented => String::new(),
            };
            st.code = Some((info, String::new()));
        }
        Tag::Table(aligns) => {
            st.table = Some(TableState {
                aligns: aligns
                    .into_iter()
                    .map(|a| match a {
                        Alignment::None => Align::Default,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect(),
                ..TableState::default()
            });
        }
        Tag::TableHead | Tag::TableRow => {
            if let Some(t) = st.table.as_mut() {
                t.row.clear();
            }
        }
        Tag::TableCell => {
            st.spans.clear();
            st.container.push(Container::Cell);
        }
        Tag::List(first) => {
            // text of the enclosing item goes before the nested list
            st.flush_into_item();
            st.lists.push(OpenList { next_number: first });
        }
        Tag::Item => {
            st.flush_into_item();
            let depth = st.lists.len().saturating_sub(1);
            let marker = match st.lists.last_mut().and_then(|l| l.next_number.as_mut()) {
                Some(n) => {
                    let m = format!("{n}.");
                    *n += 1;
                    m
                }
                None => if depth == 0 { "•" } else { "◦" }.to_string(),
            };
            st.item_stack.push(st.items.len());
            st.items.push(ListItem { depth, marker, spans: Vec::new() });
            st.container.push(Container::Item);
        }
        Tag::Strong => st.bold += 1,
        Tag::Image { dest_url, .. } => {
            st.image = Some((dest_url.to_string(), String::new()));
        }
        Tag::HtmlBlock
        | Tag::BlockQuote(_)
        | Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::Emphasis
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::MetadataBlock(_) => {}
    }
}

fn end(st: &mut State, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph => {
            st.container.pop();
            st.end_paragraph();
        }
        TagEnd::Heading(_) => {
            if let Some(Container::Heading(level)) = st.container.pop() {
                let spans = st.take_spans();
                st.blocks.push(Block::Heading { level, spans });
            }
        }
        TagEnd::CodeBlock => {
            if let Some((info, body)) = st.code.take() {
                if info == "cover" {
                    st.blocks.push(cover_block(&body));
                } else if info == "formula" {
                    if let Some(block) = formula_block(&body) {
                        st.blocks.push(block);
                    }
                } else {
                    let text = body.trim_end_matches('\n').to_string();
                    if !text.is_empty() {
                        st.blocks.push(Block::Paragraph { spans: vec![Span::plain(text)] });
                    }
                }
            }
        }
        TagEnd::TableCell => {
            st.container.pop();
            let spans = st.take_spans();
            if let Some(t) = st.table.as_mut() {
                t.row.push(Cell { spans });
            }
        }
        TagEnd::TableHead => {
            if let Some(t) = st.table.as_mut() {
                t.header = std::mem::take(&mut t.row);
            }
        }
        TagEnd::TableRow => {
            if let Some(t) = st.table.as_mut() {
                let mut row = std::mem::take(&mut t.row);
                row.resize(t.header.len().max(row.len()), Cell::default());
                t.rows.push(row);
            }
        }
        TagEnd::Table => {
            if let Some(mut t) = st.table.take() {
                let columns = t.header.len();
                for row in &mut t.rows {
                    row.truncate(columns);
                }
                t.aligns.resize(columns, Align::Default);
                st.blocks.push(Block::Table { aligns: t.aligns, header: t.header, rows: t.rows });
            }
        }
        TagEnd::Item => {
            st.container.pop();
            st.flush_into_item();
            if let Some(item) = st.open_item() {
                trim_spans(&mut item.spans);
            }
            st.item_stack.pop();
        }
        TagEnd::List(_) => {
            st.lists.pop();
            st.finish_list();
        }
        TagEnd::Strong => st.bold = st.bold.saturating_sub(1),
        TagEnd::Image => {
            if let Some((url, alt)) = st.image.take() {
                if chart_ref(&url).is_some()
                    && matches!(st.container.last(), Some(Container::Paragraph))
                {
                    // the caption stays in the text in case the paragraph holds more
                    let had_text = st.para_has_text;
                    st.push_text(&alt);
                    st.para_has_text = had_text;
                    st.para_images.push((url, alt));
                } else {
                    st.push_text(&alt);
                }
            }
        }
        TagEnd::HtmlBlock
        | TagEnd::BlockQuote(_)
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::Emphasis
        | TagEnd::Strikethrough
        | TagEnd::Superscript
        | TagEnd::Subscript
        | TagEnd::Link
        | TagEnd::MetadataBlock(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::templates::escape_md;

    fn para(spans: Vec<Span>) -> Block {
        Block::Paragraph { spans }
    }

    #[test]
    fn headings_and_bold_paragraphs() {
        let blocks =
            parse("# 岗位服务标准\n\n## 第一组\n\n**场景**：对公开户　**成员**：张三、李四\n");
        assert_eq!(
            blocks,
            vec![
                Block::Heading { level: 1, spans: vec![Span::plain("岗位服务标准")] },
                Block::Heading { level: 2, spans: vec![Span::plain("第一组")] },
                para(vec![
                    Span::bold("场景"),
                    Span::plain("：对公开户　"),
                    Span::bold("成员"),
                    Span::plain("：张三、李四"),
                ]),
            ]
        );
    }

    #[test]
    fn a_formula_block_is_one_indented_line_a_formula() {
        let blocks =
            parse("```formula\nBetter = (A + O) ÷ (A + O + M + I)\n\n  Worse = −(O + M)\n```\n");
        let line =
            |t: &str| ListItem { depth: 1, marker: String::new(), spans: vec![Span::plain(t)] };
        assert_eq!(
            blocks,
            vec![Block::List {
                items: vec![line("Better = (A + O) ÷ (A + O + M + I)"), line("Worse = −(O + M)")]
            }]
        );
        assert!(parse("```formula\n\n```\n").is_empty());
    }

    #[test]
    fn deep_headings_become_level_three() {
        let blocks = parse("#### 细节");
        assert_eq!(blocks, vec![Block::Heading { level: 3, spans: vec![Span::plain("细节")] }]);
    }

    #[test]
    fn escaped_punctuation_comes_out_as_typed() {
        for raw in ["a|b *c* _d_ [e] <f> #g !h ~i \\j", "-1 分", "# 标题", "**不是粗体**"] {
            let blocks = parse(&escape_md(raw));
            assert_eq!(blocks, vec![para(vec![Span::plain(raw)])], "{raw}");
        }
        // CommonMark escapes only ASCII punctuation: an ordered-list start is escaped
        // after the digits
        assert_eq!(parse("3\\. 步骤"), vec![para(vec![Span::plain("3. 步骤")])]);
    }

    #[test]
    fn escaped_pipes_stay_inside_table_cells() {
        let md = format!(
            "| 维度 | 指标 |\n|---|---|\n| {} | {} |\n",
            escape_md("可靠性|响应"),
            escape_md("≥95% *核心*")
        );
        let blocks = parse(&md);
        let Some(Block::Table { header, rows, .. }) = blocks.first() else {
            panic!("no table: {blocks:?}");
        };
        assert_eq!(header.iter().map(Cell::text).collect::<Vec<_>>(), ["维度", "指标"]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0][0].text(), "可靠性|响应");
        assert_eq!(rows[0][1].text(), "≥95% *核心*");
    }

    #[test]
    fn table_with_bold_header_and_alignment() {
        let md = "| # | 步骤 | 情绪 |\n|---:|:---|:-:|\n| 1 | **取号** | +2 |\n| 2 | 等候 |\n";
        let blocks = parse(md);
        assert_eq!(
            blocks,
            vec![Block::Table {
                aligns: vec![Align::Right, Align::Left, Align::Center],
                header: vec![
                    Cell { spans: vec![Span::plain("#")] },
                    Cell { spans: vec![Span::plain("步骤")] },
                    Cell { spans: vec![Span::plain("情绪")] },
                ],
                rows: vec![
                    vec![
                        Cell { spans: vec![Span::plain("1")] },
                        Cell { spans: vec![Span::bold("取号")] },
                        Cell { spans: vec![Span::plain("+2")] },
                    ],
                    vec![
                        Cell { spans: vec![Span::plain("2")] },
                        Cell { spans: vec![Span::plain("等候")] },
                        Cell::default(),
                    ],
                ],
            }]
        );
    }

    #[test]
    fn cover_block() {
        let md = "```cover\ntitle: 银行网点服务提升工作坊\nsubtitle: 成果报告\n机构：某银行分行\n日期：2026年9月18日\n地点：\n组数：3　参与人数：12\n```\n";
        assert_eq!(
            parse(md),
            vec![Block::Cover {
                title: "银行网点服务提升工作坊".into(),
                subtitle: "成果报告".into(),
                lines: vec![
                    ("机构".into(), "某银行分行".into()),
                    ("日期".into(), "2026年9月18日".into()),
                    ("组数".into(), "3".into()),
                    ("参与人数".into(), "12".into()),
                ],
            }]
        );
    }

    #[test]
    fn chart_reference_pagebreak_and_caption_escapes() {
        let md = format!(
            "<!-- pagebreak -->\n\n![{}](chart:emotion-g1-j1?h=85)\n\n![无高度](chart:x)\n\n文字 ![图](chart:y?h=10) 后\n",
            escape_md("开户旅程 · 情绪曲线 [v2]")
        );
        assert_eq!(
            parse(&md),
            vec![
                Block::PageBreak,
                Block::Chart {
                    id: "emotion-g1-j1".into(),
                    height_mm: 85.0,
                    caption: "开户旅程 · 情绪曲线 [v2]".into(),
                },
                Block::Chart {
                    id: "x".into(),
                    height_mm: DEFAULT_CHART_HEIGHT_MM,
                    caption: "无高度".into(),
                },
                // an image inside running text is not a chart block: its caption is text
                para(vec![Span::plain("文字 图 后")]),
            ]
        );
    }

    #[test]
    fn soft_breaks_join_chinese_without_space() {
        assert_eq!(
            parse("客户满意度\n持续提升，NPS\nscore up"),
            vec![para(vec![Span::plain("客户满意度持续提升，NPS score up")])]
        );
        assert_eq!(parse("第一行  \n第二行"), vec![para(vec![Span::plain("第一行\n第二行")])]);
    }

    #[test]
    fn lists_flattened_with_depth() {
        let md = "- 微笑迎客\n- **主动**问候\n  - 三米之内\n- 礼貌送别\n\n1. 取号\n2. 等候\n";
        assert_eq!(
            parse(md),
            vec![
                Block::List {
                    items: vec![
                        ListItem {
                            depth: 0,
                            marker: "•".into(),
                            spans: vec![Span::plain("微笑迎客")]
                        },
                        ListItem {
                            depth: 0,
                            marker: "•".into(),
                            spans: vec![Span::bold("主动"), Span::plain("问候")],
                        },
                        ListItem {
                            depth: 1,
                            marker: "◦".into(),
                            spans: vec![Span::plain("三米之内")]
                        },
                        ListItem {
                            depth: 0,
                            marker: "•".into(),
                            spans: vec![Span::plain("礼貌送别")]
                        },
                    ]
                },
                Block::List {
                    items: vec![
                        ListItem {
                            depth: 0,
                            marker: "1.".into(),
                            spans: vec![Span::plain("取号")]
                        },
                        ListItem {
                            depth: 0,
                            marker: "2.".into(),
                            spans: vec![Span::plain("等候")]
                        },
                    ]
                },
            ]
        );
    }

    #[test]
    fn the_templates_markup_parses() {
        let md = "# 成果一\n\n## 第一组\n\n### 岗位：大堂经理\n\n| 维度 | 指标 | 描述 | 检查方式 | 目标 |\n|---|---|---|---|---|\n| 有形性 | 仪容 | 着装整洁 | 现场检查 | 100% |\n\n<!-- pagebreak -->\n\n# 成果二\n";
        let kinds: Vec<&str> = parse(md)
            .iter()
            .map(|b| match b {
                Block::Cover { .. } => "cover",
                Block::Heading { .. } => "heading",
                Block::Paragraph { .. } => "paragraph",
                Block::List { .. } => "list",
                Block::Table { .. } => "table",
                Block::Chart { .. } => "chart",
                Block::PageBreak => "pagebreak",
                Block::Contents => "contents",
            })
            .collect();
        assert_eq!(kinds, ["heading", "heading", "heading", "table", "pagebreak", "heading"]);
    }
}
