//! The typography of the example reports, in every language and on both papers: table
//! cells, line starts and ends, figure numbers and captions, pages left nearly empty.

use super::*;
use crate::render::pdf::layout::{self, Item, Laid};
use crate::text::breaker::{NO_LINE_END, NO_LINE_START};

const EXAMPLES: [&str; 2] = ["workshops/zh-bank", "workshops/en-hotel.yaml"];
const LANGS: [Language; 3] = [Language::ZhCn, Language::ZhTw, Language::En];

/// An example workshop laid out: its blocks, layout options and pages.
struct Example {
    name: String,
    blocks: Vec<pdf::Block>,
    opts: LayoutOptions,
    laid: Laid,
}

fn examples() -> Vec<Example> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let faces = Faces::embedded().unwrap();
    let mut out = Vec::new();
    for path in EXAMPLES {
        let mut loaded = crate::input::load(&root.join(path));
        let ws = loaded.workshop.take().unwrap();
        let kano = crate::pipeline::kano_data(&ws).unwrap();
        for lang in LANGS {
            let a_opts = crate::analysis::AnalyzeOptions { lang, ..Default::default() };
            let analysis = crate::pipeline::analyze_workshop(&ws, &loaded, &a_opts)
                .unwrap_or_else(|(d, _)| panic!("{path}: {d:?}"));
            let data = view::ReportData { kano: kano.clone(), analysis: Some(analysis) };
            for paper in [Paper::A4, Paper::LETTER] {
                let opts = ReportOptions { paper, ..ReportOptions::new(lang) };
                let (blocks, opts, _) = prepare(&ws, &data, &opts).unwrap();
                let laid = layout::lay_out(&blocks, &faces, &opts);
                let paper = if paper == Paper::A4 { "A4" } else { "Letter" };
                let name = format!("{path} {} {paper}", lang.key());
                out.push(Example { name, blocks, opts, laid });
            }
        }
    }
    out
}

/// Letters, digits and ideographs: what makes a line long, not its punctuation.
fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

#[test]
fn the_example_reports_are_set_well() {
    let faces = Faces::embedded().unwrap();
    let mut problems = Vec::new();
    for ex in examples() {
        let mut say = |what: String| problems.push(format!("{}: {what}", ex.name));
        // tables: no cell line of a single character unless the cell is that short; no
        // name with a title in brackets split inside the name or the title; the tied rank
        // with its brackets on one line, full-width in Chinese
        for (_, cells) in layout::tables_set(&ex.blocks, &faces, &ex.opts) {
            for (text, lines) in &cells {
                for line in lines {
                    let body = line.trim_start_matches('•');
                    if letters(body) < 2 && letters(text) >= 2 && lines.len() > 1 {
                        say(format!("cell `{text}` has a line `{line}`: {lines:?}"));
                    }
                }
                if let Some((name, title)) = text.split_once('（')
                    && letters(text) <= 12
                    && !lines.iter().any(|l| l.contains(name))
                    && !lines.iter().any(|l| l.contains(&format!("（{title}")))
                {
                    say(format!("name `{text}` split: {lines:?}"));
                }
            }
            for (text, lines) in &cells {
                if text.contains("并列") || text.contains("並列") || text.contains("tied") {
                    if lines.len() != 1 {
                        say(format!("rank `{text}` wraps: {lines:?}"));
                    }
                    if !ex.opts.meta.language.starts_with("en") && !text.contains('（') {
                        say(format!("rank `{text}` with half-width brackets"));
                    }
                }
            }
        }
        check_lines(&ex.laid, &mut say);
        check_figures(&ex, &mut say);
        check_pages(&ex.laid, &mut say);
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Text items of a page as lines: items on one baseline joined left to right, split where
/// they are far apart (table columns).
fn page_lines(page: &layout::Page) -> Vec<(f32, String)> {
    let mut items: Vec<(f32, f32, f32, &str)> = page
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Text { x, baseline, size, text, .. } => {
                Some((*baseline, *x, *size, text.as_str()))
            }
            _ => None,
        })
        .collect();
    items.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let faces = Faces::embedded().unwrap();
    let mut lines: Vec<(f32, String)> = Vec::new();
    let mut end = f32::MIN;
    let mut base = f32::MIN;
    for (baseline, x, size, text) in items {
        let w = faces.regular.width(text, size);
        if (baseline - base).abs() < 0.01 && x - end < size * 1.2 {
            if let Some(l) = lines.last_mut() {
                l.1.push_str(text);
            }
        } else {
            lines.push((baseline, text.to_string()));
        }
        base = baseline;
        end = x + w;
    }
    lines
}

fn check_lines(laid: &Laid, say: &mut impl FnMut(String)) {
    for (p, page) in laid.pages.iter().enumerate() {
        for (_, line) in page_lines(page) {
            let t = line.trim();
            // a list bullet or a table cell's item marker starts a line; a separator does not
            let t = t.strip_prefix('•').unwrap_or(t).trim_start();
            if let Some(c) = t.chars().next()
                && NO_LINE_START.contains(c)
                && !t.starts_with(". .")
            {
                say(format!("page {}: line starts with `{c}`: {t}", p + 1));
            }
            if let Some(c) = t.chars().last()
                && NO_LINE_END.contains(c)
            {
                say(format!("page {}: line ends with `{c}`: {t}", p + 1));
            }
        }
    }
}

/// Figures are numbered 1, 2, 3… in page order, and no caption is a heading.
fn check_figures(ex: &Example, say: &mut impl FnMut(String)) {
    let charts = ex.blocks.iter().filter(|b| matches!(b, pdf::Block::Chart { .. })).count();
    let prefix = ex.opts.figure_caption.split("{n}").next().unwrap_or("").to_string();
    assert!(!prefix.is_empty(), "{}", ex.name);
    let mut numbers = Vec::new();
    for page in &ex.laid.pages {
        for (_, line) in page_lines(page) {
            if let Some(rest) = line.strip_prefix(&prefix) {
                let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
                if let Ok(n) = n.parse::<usize>() {
                    numbers.push(n);
                }
            }
        }
    }
    if numbers != (1..=charts).collect::<Vec<_>>() {
        say(format!("figure numbers {numbers:?}, {charts} charts"));
    }
    let headings: Vec<String> = ex
        .blocks
        .iter()
        .filter_map(|b| match b {
            pdf::Block::Heading { spans, .. } => Some(pdf::markup::plain_text(spans)),
            _ => None,
        })
        .collect();
    for b in &ex.blocks {
        if let pdf::Block::Chart { caption, id, .. } = b
            && (caption.is_empty() || headings.iter().any(|h| h.trim() == caption.trim()))
        {
            say(format!("chart {id}: caption `{caption}` says nothing a heading does not"));
        }
    }
}

/// No page but the last of a section holds a single line of text, and none is left more
/// than half empty before a page that starts with a chart.
fn check_pages(laid: &Laid, say: &mut impl FnMut(String)) {
    let g_bottom = laid.paper.height - 24.0 * layout::MM;
    let body = |page: &layout::Page| -> Vec<(f32, String)> {
        // header and footer lines lie outside the margins
        page_lines(page)
            .into_iter()
            .filter(|(b, _)| *b > 26.0 * layout::MM && *b < g_bottom + 5.0)
            .collect()
    };
    for (p, page) in laid.pages.iter().enumerate().skip(1) {
        let has_other =
            page.items.iter().any(|i| matches!(i, Item::Chart { .. } | Item::Fill { .. }));
        let lines = body(page);
        if !has_other && lines.len() == 1 {
            say(format!("page {} holds one line: {}", p + 1, lines[0].1));
        }
        // the page before a page starting with a chart is not left half empty
        let starts_with_chart = page
            .items
            .iter()
            .find(|i| !matches!(i, Item::Text { baseline, .. } if *baseline < 26.0 * layout::MM))
            .is_some_and(|i| matches!(i, Item::Chart { .. }));
        if starts_with_chart && p > 1 && laid.pages[p - 1].section == page.section {
            let prev = &laid.pages[p - 1];
            let lowest = prev
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text { baseline, .. } if *baseline < g_bottom => Some(*baseline),
                    Item::Rule { y1, .. } if *y1 < g_bottom => Some(*y1),
                    Item::Chart { area, .. } => Some(laid.paper.height - area.y),
                    _ => None,
                })
                .fold(0.0f32, f32::max);
            let empty = (g_bottom - lowest) / (g_bottom - 26.0 * layout::MM);
            if empty > 0.5 {
                say(format!("page {} is {:.0}% empty before a chart", p, empty * 100.0));
            }
        }
    }
}
