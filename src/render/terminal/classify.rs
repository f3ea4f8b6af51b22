//! Output of `kano classify`: the report model and its four formats.
//!
//! Input: a [`ClassifyReport`] — the [`Method`] used, where the data came from, the cleaning
//! summary, and one [`KanoResult`] per feature in each [`Segment`]. Output: text written to a
//! `&mut dyn Write` (or returned as a `String`) as `table`, `csv`, `json` or `md`
//! ([`Format`]). Pure formatting — it recomputes nothing, only rounds and lays out the
//! figures the report holds: no file access, no terminal detection, no colour codes; the
//! CLI picks the format and the writer. Every output is deterministic: features and
//! segments come out in the order the report holds them.
//!
//! Without `--by` a report has one segment, the whole sample, with no column and no value
//! ([`ClassifyReport::new`]). With `--by COLUMN` it holds one segment per value of the
//! column (`value` is `None` for respondents whose cell is blank), in the caller's order,
//! optionally preceded by the whole sample ([`Segment::whole`]).
//!
//! # JSON (a stable contract)
//!
//! Pretty-printed, ending with a newline. Numbers are unrounded (serde_json's shortest
//! round-trip form); `null` where a figure is undefined (n = 0, a zero denominator, an SD
//! of fewer than two respondents) or does not apply (`continuous` as a whole for aggregated
//! counts). Categories are the letters `A O M I R Q`.
//!
//! Unsegmented (one segment without a column — every run without `--by`):
//!
//! ```json
//! {
//!   "method": {"table", "rule", "moai_threshold", "continuous_split",
//!              "continuous_excludes_qr", "drop_straight_liners", "max_questionable", "coding"},
//!   "features": [
//!     {"id", "name", "n", "counts": {"A","O","M","I","R","Q"}, "shares": {"A",…,"Q"},
//!      "plurality", "category", "better", "worse",
//!      "fong": {"significant", "difference", "critical"}, "mixed",
//!      "total_strength", "category_strength", "importance_mean",
//!      "continuous": {"functional_mean", "dysfunctional_mean", "functional_sd",
//!                     "dysfunctional_sd", "quadrant"},
//!      "blank", "invalid"}
//!   ],
//!   "input": {"source", "layout", "respondents", "dropped": [{"reason", "count"}]}
//! }
//! ```
//!
//! Segmented (any segment has a column, or there is more than one segment — every run with
//! `--by`): `"features"` is replaced by `"segments"`, each segment carrying its own feature
//! list in the same form. A whole-sample segment, when the caller includes one, has `null`
//! column and value:
//!
//! ```json
//! {
//!   "method": {…},
//!   "segments": [
//!     {"column": "city", "value": "北京", "respondents": 23, "features": [{…}, …]},
//!     {"column": "city", "value": null, "respondents": 2, "features": [{…}, …]}
//!   ],
//!   "input": {…}
//! }
//! ```
//!
//! A segment's `respondents` counts its respondents after cleaning (`null` when unknown);
//! segments come in the caller's order.
//!
//! Exactly one of `"features"` and `"segments"` is present, so a reader tells the two forms
//! apart by the key. Beyond the keys the issue lists, each feature carries `shares` (% of n),
//! `blank` and `invalid`; the top level carries `input`: the source file name, its layout
//! (`wide`, `long` or `counts`), the respondents analysed after cleaning (`null` for
//! aggregated counts) and the respondents dropped per reason (`straight_like_dislike`,
//! `straight_dislike_like`, `too_many_questionable`; reasons with no respondent left out).
//!
//! # CSV
//!
//! One row per feature (per segment and feature when segmented), header first. Columns:
//! `id, name, n, A, O, M, I, R, Q, share_A … share_Q, plurality, category, better, worse,
//! fong_significant, fong_difference, fong_critical, mixed, total_strength,
//! category_strength, importance_mean, functional_mean, dysfunctional_mean, functional_sd,
//! dysfunctional_sd, quadrant, blank, invalid`; segmented output starts each row with
//! `segment_column, segment_value`. Numbers unrounded (Rust's shortest round-trip form,
//! never an exponent), booleans `true`/`false`, empty cells for `null`.
//!
//! # Markdown and table
//!
//! Both are for people: figures are rounded half away from zero on the printed decimals
//! ([`crate::format::Num`]; never `-0.00`), undefined figures print as `—` (Markdown) or
//! `-` (table).
//! Both name the variants used (METHODS §1.3–1.4: the table, the rule and its threshold,
//! the continuous split, the Q/R exclusion, the coding and the cleaning) and carry a legend
//! of the categories with their Chinese and English names. Their wording is the catalog's
//! `terminal.classify` section in the language asked for (`kano classify --lang`), the
//! Chinese category names `common.kano_category_short` (zh-TW's for a zh-TW reader, else
//! zh-CN's); JSON and CSV do not depend on the language. The table measures text in
//! display columns (`unicode-width`), so Chinese names line up; names longer than
//! [`NAME_WIDTH`] columns are cut with `…`.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Deserialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::fill;
use crate::analysis::kano::{
    Category, ClassifyReport, Coding, DropKind, KanoResult, Method, Rule, Segment,
};
use crate::format::{Num, raw};
use crate::i18n;

/// The output formats of `kano classify`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// An aligned plain-text table for the terminal.
    #[default]
    Table,
    /// One row per feature, unrounded.
    Csv,
    /// The documented JSON contract, unrounded.
    Json,
    /// A Markdown report with rounded figures and a legend.
    Md,
}

impl Format {
    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
        }
    }
}

// ---------------------------------------------------------------------------------------
// Wording

/// A text per Kano category letter (`A O M I R Q`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(non_snake_case)]
pub(super) struct Letters {
    A: String,
    O: String,
    M: String,
    I: String,
    R: String,
    Q: String,
}

impl Letters {
    fn get(&self, c: Category) -> &str {
        match c {
            Category::A => &self.A,
            Category::O => &self.O,
            Category::M => &self.M,
            Category::I => &self.I,
            Category::R => &self.R,
            Category::Q => &self.Q,
        }
    }
}

/// Why respondents were dropped, by [`DropKind`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DropReasons {
    straight_like_dislike: String,
    straight_dislike_like: String,
    too_many_questionable: String,
    too_many_questionable_unbounded: String,
}

/// The fixed wording of the table and Markdown forms: `terminal.classify` of the catalog.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    id: String,
    pub(super) feature: String,
    n: String,
    plurality: String,
    category: String,
    better: String,
    worse: String,
    fong: String,
    fong_test: String,
    total_strength: String,
    category_strength: String,
    importance: String,
    functional: String,
    dysfunctional: String,
    quadrant: String,
    blank: String,
    invalid: String,
    method_table: String,
    method_rule: String,
    method_rule_moai: String,
    method_split: String,
    method_excludes_qr: String,
    method_reversed: String,
    method_straight_liners: String,
    method_max_questionable: String,
    respondent: String,
    respondents: String,
    analysed: String,
    dropped: String,
    list_separator: String,
    drop_count: String,
    drop_reason: DropReasons,
    whole_sample: String,
    segment: String,
    blank_value: String,
    fong_significant: String,
    fong_mixed: String,
    fong_not_significant: String,
    kano_term: Letters,
    md_phrase_separator: String,
    md_sentence_end: String,
    md_heading: String,
    md_source: String,
    md_method: String,
    md_rule_note: String,
    md_legend: String,
    md_counts_note: String,
    md_better_worse_note: String,
    md_fong_note: String,
    md_strength_note: String,
    md_continuous_note: String,
    md_undefined_note: String,
    table_method: String,
    table_legend: String,
}

/// The wording of `lang` (a catalog language key: `zh-CN`, `zh-TW`, `en`).
fn words(lang: &str) -> &'static Words {
    &super::words(lang).classify
}

/// The Chinese category names of the legends: `common.kano_category_short` of zh-TW for a
/// zh-TW reader, of zh-CN for every other, parsed once.
fn zh_names(lang: &str) -> &'static Letters {
    static NAMES: i18n::PerLanguage<Letters> = i18n::PerLanguage::new("common.kano_category_short");
    NAMES.get(if lang == "zh-TW" { "zh-TW" } else { "zh-CN" })
}

impl Words {
    fn respondents(&self, n: u64) -> String {
        let template = if n == 1 { &self.respondent } else { &self.respondents };
        fill(template, &[("n", &n.to_string())])
    }

    fn drop_reason(&self, kind: DropKind, max_questionable: Option<u32>) -> String {
        let r = &self.drop_reason;
        match (kind, max_questionable) {
            (DropKind::StraightLikeDislike, _) => r.straight_like_dislike.clone(),
            (DropKind::StraightDislikeLike, _) => r.straight_dislike_like.clone(),
            (DropKind::TooManyQuestionable, Some(k)) => {
                fill(&r.too_many_questionable, &[("k", &k.to_string())])
            }
            (DropKind::TooManyQuestionable, None) => r.too_many_questionable_unbounded.clone(),
        }
    }

    /// "whole sample", "城市 = 北京", "城市 = (blank)".
    fn segment_label(&self, s: &Segment) -> String {
        match (&s.column, &s.value) {
            (None, _) => self.whole_sample.clone(),
            (Some(c), v) => fill(
                &self.segment,
                &[("column", c), ("value", v.as_deref().unwrap_or(&self.blank_value))],
            ),
        }
    }
}

/// Write the JSON contract, pretty-printed, with a trailing newline.
pub fn write_json(report: &ClassifyReport, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

// ---------------------------------------------------------------------------------------
// CSV

/// The CSV columns after the optional segment columns.
pub const CSV_COLUMNS: [&str; 33] = [
    "id",
    "name",
    "n",
    "A",
    "O",
    "M",
    "I",
    "R",
    "Q",
    "share_A",
    "share_O",
    "share_M",
    "share_I",
    "share_R",
    "share_Q",
    "plurality",
    "category",
    "better",
    "worse",
    "fong_significant",
    "fong_difference",
    "fong_critical",
    "mixed",
    "total_strength",
    "category_strength",
    "importance_mean",
    "functional_mean",
    "dysfunctional_mean",
    "functional_sd",
    "dysfunctional_sd",
    "quadrant",
    "blank",
    "invalid",
];

fn letter(c: Option<Category>) -> &'static str {
    c.map_or("", Category::as_str)
}

fn csv_row(f: &KanoResult) -> Vec<String> {
    // unrounded; an empty cell where the figure is undefined
    let r = |x: Option<f64>| x.and_then(raw).unwrap_or_default();
    let cont = f.continuous;
    let mut row = vec![f.id.clone(), f.name.clone(), f.n.to_string()];
    row.extend(Category::ALL.iter().map(|&c| f.counts.get(c).to_string()));
    row.extend(Category::ALL.iter().map(|&c| r(f.shares.get(c))));
    row.push(letter(f.plurality).to_owned());
    row.push(letter(f.category).to_owned());
    row.push(r(f.better));
    row.push(r(f.worse));
    row.push(f.fong.significant.map_or(String::new(), |b| b.to_string()));
    row.push(r(f.fong.difference));
    row.push(r(f.fong.critical));
    row.push(f.mixed.clone().unwrap_or_default());
    row.push(r(f.total_strength));
    row.push(r(f.category_strength));
    row.push(r(f.importance_mean));
    row.push(r(cont.and_then(|c| c.functional_mean)));
    row.push(r(cont.and_then(|c| c.dysfunctional_mean)));
    row.push(r(cont.and_then(|c| c.functional_sd)));
    row.push(r(cont.and_then(|c| c.dysfunctional_sd)));
    row.push(letter(cont.and_then(|c| c.quadrant)).to_owned());
    row.push(f.blank.to_string());
    row.push(f.invalid.to_string());
    row
}

/// Write the CSV: a header, then one row per feature (per segment and feature when
/// segmented).
pub fn write_csv(report: &ClassifyReport, out: &mut dyn Write) -> io::Result<()> {
    let segmented = report.is_segmented();
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<&str> = Vec::new();
    if segmented {
        header.extend(["segment_column", "segment_value"]);
    }
    header.extend(CSV_COLUMNS);
    w.write_record(&header).map_err(io::Error::other)?;
    for s in &report.segments {
        for f in &s.features {
            let mut row = Vec::with_capacity(header.len());
            if segmented {
                row.push(s.column.clone().unwrap_or_default());
                row.push(s.value.clone().unwrap_or_default());
            }
            row.extend(csv_row(f));
            w.write_record(&row).map_err(io::Error::other)?;
        }
    }
    w.flush()
}

// ---------------------------------------------------------------------------------------
// Text helpers shared by Markdown and table

/// The variants the results depend on, one phrase each (METHODS: the report names them).
fn method_phrases(w: &Words, method: &Method, continuous: bool, code: bool) -> Vec<String> {
    let q = |s: &str| if code { format!("`{s}`") } else { s.to_owned() };
    // a number in a sentence as the method gives it: unrounded, `-0` shown as `0`
    let given = |x: f64| raw(x).unwrap_or_default();
    let mut v = vec![fill(&w.method_table, &[("table", &q(method.table.name()))])];
    v.push(match method.rule {
        Rule::Moai => fill(
            &w.method_rule_moai,
            &[("rule", &q(method.rule.name())), ("threshold", &given(method.moai_threshold))],
        ),
        rule => fill(&w.method_rule, &[("rule", &q(rule.name()))]),
    });
    if continuous {
        v.push(fill(&w.method_split, &[("split", &given(method.continuous_split))]));
        if method.continuous_excludes_qr {
            v.push(w.method_excludes_qr.clone());
        }
    }
    if method.coding == Coding::Reversed {
        v.push(w.method_reversed.clone());
    }
    if method.drop_straight_liners {
        v.push(w.method_straight_liners.clone());
    }
    if let Some(k) = method.max_questionable {
        v.push(fill(&w.method_max_questionable, &[("k", &k.to_string())]));
    }
    v
}

/// "53 respondents analysed, 3 dropped (2 straight-lined like/dislike, 1 …)".
fn respondents_phrase(w: &Words, report: &ClassifyReport) -> Option<String> {
    let dropped: u64 = report.dropped.iter().fold(0u64, |s, d| s.saturating_add(d.count));
    let details: Vec<String> = report
        .dropped
        .iter()
        .map(|d| {
            let reason = w.drop_reason(d.reason, report.method.max_questionable);
            fill(&w.drop_count, &[("n", &d.count.to_string()), ("reason", &reason)])
        })
        .collect();
    let mut parts = Vec::new();
    if let Some(n) = report.respondents {
        parts.push(fill(&w.analysed, &[("respondents", &w.respondents(n))]));
    }
    if dropped > 0 {
        parts.push(fill(
            &w.dropped,
            &[("n", &dropped.to_string()), ("reasons", &details.join(&w.list_separator))],
        ));
    }
    (!parts.is_empty()).then(|| parts.join(&w.list_separator))
}

/// Control characters (line breaks, tabs) would break a table row: show them as spaces.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Escape text for a Markdown table cell or paragraph.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

const MD_UNDEFINED: &str = crate::format::UNDEFINED;

/// "12 (21.4%)"; just the count when n = 0.
fn md_count(f: &KanoResult, c: Category) -> String {
    let count = f.counts.get(c);
    match f.shares.get(c).and_then(|s| Num::fixed(1).suffix("%").fmt(s)) {
        Some(share) => format!("{count} ({share})"),
        None => count.to_string(),
    }
}

fn md_fong(w: &Words, f: &KanoResult) -> String {
    let sides = |rel: &str| {
        format!(
            "{} {rel} {}",
            Num::fixed(2).or(f.fong.difference, MD_UNDEFINED),
            Num::fixed(2).or(f.fong.critical, MD_UNDEFINED)
        )
    };
    match (f.fong.significant, &f.mixed) {
        (Some(true), _) => fill(&w.fong_significant, &[("sides", &sides("≥"))]),
        (Some(false), Some(label)) => {
            fill(&w.fong_mixed, &[("label", label), ("sides", &sides("<"))])
        }
        (Some(false), None) => fill(&w.fong_not_significant, &[("sides", &sides("<"))]),
        (None, _) => MD_UNDEFINED.to_owned(),
    }
}

fn md_mean_sd(mean: Option<f64>, sd: Option<f64>) -> String {
    let two = Num::fixed(2);
    match (mean.and_then(|m| two.fmt(m)), sd.and_then(|s| two.fmt(s))) {
        (Some(m), Some(s)) => format!("{m} ± {s}"),
        (Some(m), None) => m,
        (None, _) => MD_UNDEFINED.to_owned(),
    }
}

fn md_table(out: &mut String, header: &[&str], align_right: &[bool], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = align_right.iter().map(|&r| if r { "--:" } else { "---" }).collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
}

fn md_segment(w: &Words, out: &mut String, features: &[KanoResult], continuous: bool) {
    let header: [&str; 16] = [
        &w.id,
        &w.feature,
        &w.n,
        "A",
        "O",
        "M",
        "I",
        "R",
        "Q",
        &w.plurality,
        &w.category,
        &w.better,
        &w.worse,
        &w.fong_test,
        &w.total_strength,
        &w.category_strength,
    ];
    let right = [
        false, false, true, true, true, true, true, true, true, false, false, true, true, false,
        true, true,
    ];
    let share = Num::fixed(1).percent().suffix("%");
    let rows: Vec<Vec<String>> = features
        .iter()
        .map(|f| {
            let mut row = vec![md_escape(&f.id), md_escape(&f.name), f.n.to_string()];
            row.extend(Category::ALL.iter().map(|&c| md_count(f, c)));
            row.push(f.plurality.map_or(MD_UNDEFINED, Category::as_str).to_owned());
            row.push(f.category.map_or(MD_UNDEFINED, Category::as_str).to_owned());
            row.push(Num::fixed(3).or(f.better, MD_UNDEFINED));
            row.push(Num::fixed(3).or(f.worse, MD_UNDEFINED));
            row.push(md_fong(w, f));
            row.push(share.or(f.total_strength, MD_UNDEFINED));
            row.push(share.or(f.category_strength, MD_UNDEFINED));
            row
        })
        .collect();
    md_table(out, &header, &right, &rows);
    if !continuous {
        return;
    }
    out.push('\n');
    let header: [&str; 8] = [
        &w.id,
        &w.feature,
        &w.importance,
        &w.functional,
        &w.dysfunctional,
        &w.quadrant,
        &w.blank,
        &w.invalid,
    ];
    let right = [false, false, true, true, true, false, true, true];
    let rows: Vec<Vec<String>> = features
        .iter()
        .map(|f| {
            let c = f.continuous.unwrap_or_default();
            vec![
                md_escape(&f.id),
                md_escape(&f.name),
                Num::fixed(2).or(f.importance_mean, MD_UNDEFINED),
                md_mean_sd(c.functional_mean, c.functional_sd),
                md_mean_sd(c.dysfunctional_mean, c.dysfunctional_sd),
                c.quadrant.map_or(MD_UNDEFINED, Category::as_str).to_owned(),
                f.blank.to_string(),
                f.invalid.to_string(),
            ]
        })
        .collect();
    md_table(out, &header, &right, &rows);
}

/// The Markdown report as a string, in English.
pub fn md(report: &ClassifyReport) -> String {
    md_in(report, "en")
}

/// The Markdown report as a string, worded in `lang` (a catalog language key).
pub fn md_in(report: &ClassifyReport, lang: &str) -> String {
    let w = words(lang);
    let continuous = report.has_continuous();
    let mut out = String::new();
    let _ = writeln!(out, "## {}", fill(&w.md_heading, &[("source", &md_escape(&report.source))]));
    out.push('\n');
    let mut source =
        fill(&w.md_source, &[("source", &md_escape(&report.source)), ("layout", &report.layout)]);
    if let Some(r) = respondents_phrase(w, report) {
        source.push_str(&w.md_phrase_separator);
        source.push_str(&r);
    }
    let _ = writeln!(out, "{source}{}", w.md_sentence_end);
    out.push('\n');
    let phrases = method_phrases(w, &report.method, continuous, true).join(&w.md_phrase_separator);
    let _ = writeln!(out, "{}", fill(&w.md_method, &[("phrases", &phrases)]));
    if report.method.rule != Rule::Plurality {
        out.push('\n');
        let _ = writeln!(out, "{}", fill(&w.md_rule_note, &[("rule", report.method.rule.name())]));
    }
    let segmented = report.is_segmented();
    for s in &report.segments {
        out.push('\n');
        if segmented {
            let mut heading = md_escape(&w.segment_label(s));
            if let Some(n) = s.respondents {
                let _ = write!(heading, " ({})", w.respondents(n));
            }
            let _ = writeln!(out, "### {heading}");
            out.push('\n');
        }
        md_segment(w, &mut out, &s.features, continuous);
    }
    out.push('\n');
    let _ = writeln!(out, "{}\n", w.md_legend);
    for c in Category::ALL {
        let _ = writeln!(out, "- **{c}** {} ({})", zh_names(lang).get(c), w.kano_term.get(c));
    }
    let mut notes =
        vec![&w.md_counts_note, &w.md_better_worse_note, &w.md_fong_note, &w.md_strength_note];
    if continuous {
        notes.push(&w.md_continuous_note);
    }
    for note in notes {
        let _ = writeln!(out, "- {note}");
    }
    let _ = writeln!(out, "- {}", fill(&w.md_undefined_note, &[("undefined", MD_UNDEFINED)]));
    out
}

/// Write the Markdown report, in English.
pub fn write_md(report: &ClassifyReport, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(md(report).as_bytes())
}

// ---------------------------------------------------------------------------------------
// Terminal table

/// Names wider than this many display columns are cut with `…` in the table.
pub const NAME_WIDTH: usize = 16;

const TABLE_UNDEFINED: &str = "-";

/// Cut `s` to at most `max` display columns, ending with `…` when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    if s.width() <= max {
        return s.to_owned();
    }
    let budget = max.saturating_sub(1);
    let mut out = String::new();
    let mut width = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if width + w > budget {
            break;
        }
        width += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pad `s` to `width` display columns, on the left (numbers) or the right (text).
pub(crate) fn pad(s: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(s.width()));
    if right { format!("{fill}{s}") } else { format!("{s}{fill}") }
}

fn table_category(f: &KanoResult) -> String {
    match (f.category, f.plurality) {
        (Some(c), Some(p)) if c != p => format!("{c} ({p})"),
        (Some(c), _) => c.to_string(),
        (None, _) => TABLE_UNDEFINED.to_owned(),
    }
}

fn table_fong(f: &KanoResult) -> String {
    match (f.fong.significant, &f.mixed) {
        (Some(true), _) => "✓".to_owned(),
        (Some(false), Some(label)) => label.clone(),
        (Some(false), None) => "·".to_owned(),
        (None, _) => TABLE_UNDEFINED.to_owned(),
    }
}

fn table_row(f: &KanoResult, continuous: bool) -> Vec<String> {
    let mut row = vec![one_line(&f.id), truncate(&one_line(&f.name), NAME_WIDTH), f.n.to_string()];
    row.extend(Category::ALL.iter().map(|&c| f.counts.get(c).to_string()));
    row.push(table_category(f));
    row.push(Num::fixed(2).or(f.better, TABLE_UNDEFINED));
    row.push(Num::fixed(2).or(f.worse, TABLE_UNDEFINED));
    row.push(table_fong(f));
    if continuous {
        let q = f.continuous.and_then(|c| c.quadrant);
        row.push(q.map_or(TABLE_UNDEFINED, Category::as_str).to_owned());
    }
    row
}

fn table_line(cells: &[String], widths: &[usize], right: &[bool]) -> String {
    let padded: Vec<String> =
        cells.iter().zip(widths).zip(right).map(|((c, &w), &r)| pad(c, w, r)).collect();
    padded.join("  ").trim_end().to_owned()
}

/// The terminal table as a string, in English.
pub fn table(report: &ClassifyReport) -> String {
    table_in(report, "en")
}

/// The terminal table as a string, worded in `lang` (a catalog language key).
pub fn table_in(report: &ClassifyReport, lang: &str) -> String {
    let w = words(lang);
    let continuous = report.has_continuous();
    let header: [&str; 13] = [
        &w.id,
        &w.feature,
        &w.n,
        "A",
        "O",
        "M",
        "I",
        "R",
        "Q",
        &w.category,
        &w.better,
        &w.worse,
        &w.fong,
    ];
    let mut header: Vec<String> = header.map(str::to_owned).to_vec();
    let mut right =
        vec![false, false, true, true, true, true, true, true, true, false, true, true, false];
    if continuous {
        header.push(w.quadrant.clone());
        right.push(false);
    }
    let blocks: Vec<(&Segment, Vec<Vec<String>>)> = report
        .segments
        .iter()
        .map(|s| (s, s.features.iter().map(|f| table_row(f, continuous)).collect()))
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in blocks.iter().flat_map(|(_, rows)| rows) {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let segmented = report.is_segmented();
    let mut out = String::new();
    for (i, (s, rows)) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if segmented {
            let mut label = one_line(&w.segment_label(s));
            if let Some(n) = s.respondents {
                let _ = write!(label, " · {}", w.respondents(n));
            }
            let _ = writeln!(out, "{label}");
        }
        let _ = writeln!(out, "{}", table_line(&header, &widths, &right));
        for row in rows {
            let _ = writeln!(out, "{}", table_line(row, &widths, &right));
        }
    }
    out.push('\n');
    let mut source = format!("{} ({})", one_line(&report.source), one_line(&report.layout));
    if let Some(r) = respondents_phrase(w, report) {
        source.push_str(" · ");
        source.push_str(&r);
    }
    let _ = writeln!(out, "{source}");
    let phrases = method_phrases(w, &report.method, continuous, false).join(" · ");
    let _ = writeln!(out, "{}", fill(&w.table_method, &[("phrases", &phrases)]));
    let names: Vec<String> = Category::ALL
        .iter()
        .map(|&c| format!("{c} {} {}", zh_names(lang).get(c), w.kano_term.get(c)))
        .collect();
    let _ = writeln!(
        out,
        "{}",
        fill(
            &w.table_legend,
            &[("names", &names.join(&w.list_separator)), ("undefined", TABLE_UNDEFINED)]
        )
    );
    out
}

/// Write the terminal table.
pub fn write_table(report: &ClassifyReport, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(table(report).as_bytes())
}

// ---------------------------------------------------------------------------------------
// Dispatch

/// Write `report` in `format`; the table and Markdown forms worded in `lang` (a catalog
/// language key), JSON and CSV the same in every language.
pub fn render(
    report: &ClassifyReport,
    format: Format,
    lang: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        Format::Table => out.write_all(table_in(report, lang).as_bytes()),
        Format::Csv => write_csv(report, out),
        Format::Json => write_json(report, out),
        Format::Md => out.write_all(md_in(report, lang).as_bytes()),
    }
}

/// `report` in `format` as a string (see [`render`]).
pub fn render_to_string(report: &ClassifyReport, format: Format, lang: &str) -> io::Result<String> {
    let mut buf = Vec::new();
    render(report, format, lang, &mut buf)?;
    String::from_utf8(buf).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::kano::{
        Answer, Counts, DropKind, DropReason, Dropped, FeatureAccumulator, Importance,
        tally_dropped,
    };
    use Answer::{Dislike, Like, MustBe, Neutral};
    use serde_json::{Value, json};

    /// Compare with `tests/golden/classify/<name>`; `KANO_BLESS=1` rewrites the file.
    fn golden(name: &str, actual: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden/classify")
            .join(name);
        if std::env::var_os("KANO_BLESS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual).unwrap();
            return;
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} missing ({e}); run with KANO_BLESS=1", path.display()));
        assert!(
            expected == actual,
            "output differs from {}\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }

    const WORKED: Counts = Counts { a: 12, o: 30, m: 5, i: 8, r: 1, q: 0 };

    /// METHODS' worked example, an all-Q feature and a feature nobody answered, from counts.
    fn counts_report() -> ClassifyReport {
        let m = Method::default();
        ClassifyReport::new(
            "counts.csv",
            "counts",
            m,
            vec![
                KanoResult::from_counts("sms", "取号后短信提醒叫号", WORKED, &m),
                KanoResult::from_counts(
                    "allq",
                    "All questionable",
                    Counts::new(0, 0, 0, 0, 0, 6),
                    &m,
                ),
                KanoResult::from_counts("none", "无人回答", Counts::default(), &m),
            ],
        )
    }

    /// Feed `count` respondents with the answer pair of category `c`.
    fn feed(acc: &mut FeatureAccumulator, c: Category, count: usize, importance: Option<u8>) {
        let (f, d) = match c {
            Category::A => (Like, Neutral),
            Category::O => (Like, Dislike),
            Category::M => (MustBe, Dislike),
            Category::I => (Neutral, Neutral),
            Category::R => (Dislike, Like),
            Category::Q => (Like, Like),
        };
        for _ in 0..count {
            assert_eq!(acc.add(f, d, importance.and_then(Importance::new)), c);
        }
    }

    /// The same features from respondents, under moai with cleaning, plus a mixed feature
    /// whose long Chinese name must be cut in the table.
    fn respondent_method() -> Method {
        Method {
            rule: Rule::Moai,
            drop_straight_liners: true,
            max_questionable: Some(2),
            ..Method::default()
        }
    }

    fn respondent_features(m: Method, scale: usize) -> Vec<KanoResult> {
        let mut sms = FeatureAccumulator::new("sms", "取号后短信提醒叫号", m);
        for (c, k) in Category::ALL.into_iter().zip([12, 30, 5, 8, 1, 0]) {
            feed(&mut sms, c, k * scale, Some(7));
        }
        sms.note_blank();
        sms.note_blank();
        sms.note_invalid();
        let mut water = FeatureAccumulator::new("water", "营业厅等候区提供免费饮用水和充电座", m);
        for (c, k) in [(Category::A, 20), (Category::O, 18), (Category::M, 17)] {
            feed(&mut water, c, k * scale, Some(if c == Category::A { 4 } else { 9 }));
        }
        let mut none = FeatureAccumulator::new("none", "无人回答", m);
        none.note_blank();
        vec![sms.finish(), water.finish(), none.finish()]
    }

    fn respondent_report() -> ClassifyReport {
        let m = respondent_method();
        let mut r = ClassifyReport::new("survey.csv", "wide", m, respondent_features(m, 1));
        r.respondents = Some(58);
        r.dropped = tally_dropped([
            DropReason::TooManyQuestionable { count: 3, max: 2 },
            DropReason::StraightLikeDislike,
            DropReason::StraightLikeDislike,
        ]);
        r
    }

    fn segmented_report() -> ClassifyReport {
        let m = respondent_method();
        let mut whole = Segment::whole(respondent_features(m, 2));
        whole.respondents = Some(116);
        let beijing = Segment {
            column: Some("城市".to_owned()),
            value: Some("北京".to_owned()),
            respondents: Some(58),
            features: respondent_features(m, 1),
        };
        let blank = Segment {
            column: Some("城市".to_owned()),
            value: None,
            respondents: Some(0),
            features: vec![KanoResult::from_counts(
                "sms",
                "取号后短信提醒叫号",
                Counts::default(),
                &m,
            )],
        };
        ClassifyReport {
            source: "survey.csv".to_owned(),
            layout: "long".to_owned(),
            method: m,
            respondents: Some(116),
            dropped: Vec::new(),
            segments: vec![whole, beijing, blank],
        }
    }

    fn json_value(r: &ClassifyReport) -> Value {
        let s = render_to_string(r, Format::Json, "en").unwrap();
        assert!(s.ends_with("}\n"), "{s}");
        serde_json::from_str(&s).unwrap()
    }

    fn keys(v: &Value) -> Vec<&str> {
        let mut k: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort_unstable();
        k
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_and_never_shows_minus_zero() {
        let cases: [(f64, usize, &str); 18] = [
            (0.125, 2, "0.13"),
            (-0.125, 2, "-0.13"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (1.005, 2, "1.01"),
            (0.0, 2, "0.00"),
            (-0.0, 2, "0.00"),
            (-0.004, 2, "0.00"),
            (-0.005, 2, "-0.01"),
            (9.995, 2, "10.00"),
            (99.96, 1, "100.0"),
            (42.0 / 55.0, 3, "0.764"),
            (-35.0 / 55.0, 3, "-0.636"),
            (-35.0 / 55.0, 2, "-0.64"),
            (12.0 / 56.0 * 100.0, 1, "21.4"),
            (18.0, 2, "18.00"),
            (1e-7, 3, "0.000"),
            (123456.0, 0, "123456"),
        ];
        for (x, d, want) in cases {
            assert_eq!(crate::format::fixed(x, d).as_deref(), Some(want), "{x} to {d}");
        }
        assert_eq!(crate::format::fixed(f64::NAN, 2), None);
        assert_eq!(crate::format::fixed(f64::INFINITY, 2), None);
    }

    #[test]
    fn json_contract_unsegmented() {
        let v = json_value(&counts_report());
        assert_eq!(keys(&v), ["features", "input", "method"]);
        assert_eq!(v["method"]["table"], "standard");
        assert_eq!(v["method"]["rule"], "plurality");
        assert_eq!(v["method"]["moai_threshold"], 6.0);
        assert_eq!(v["method"]["continuous_split"], 2.0);
        assert_eq!(
            v["input"],
            json!({"source": "counts.csv", "layout": "counts", "respondents": null, "dropped": []})
        );
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), 3);
        for f in features {
            for k in [
                "id",
                "name",
                "n",
                "counts",
                "plurality",
                "category",
                "better",
                "worse",
                "fong",
                "mixed",
                "total_strength",
                "category_strength",
                "importance_mean",
                "continuous",
            ] {
                assert!(f.get(k).is_some(), "{k} missing in {f}");
            }
            assert_eq!(keys(&f["counts"]), ["A", "I", "M", "O", "Q", "R"]);
            assert_eq!(keys(&f["fong"]), ["critical", "difference", "significant"]);
            // Categories are letters (or null).
            for k in ["plurality", "category"] {
                let c = &f[k];
                assert!(
                    c.is_null() || ["A", "O", "M", "I", "R", "Q"].contains(&c.as_str().unwrap())
                );
            }
        }
        // The worked example, unrounded.
        let sms = &features[0];
        assert_eq!(sms["id"], "sms");
        assert_eq!(sms["name"], "取号后短信提醒叫号");
        assert_eq!(sms["n"], 56);
        assert_eq!(sms["counts"], json!({"A": 12, "O": 30, "M": 5, "I": 8, "R": 1, "Q": 0}));
        assert_eq!(sms["plurality"], "O");
        assert_eq!(sms["category"], "O");
        assert_eq!(sms["better"].as_f64(), Some(42.0 / 55.0));
        assert_eq!(sms["worse"].as_f64(), Some(-35.0 / 55.0));
        assert_eq!(sms["fong"]["significant"], true);
        assert_eq!(sms["fong"]["difference"].as_f64(), Some(18.0));
        let critical = 1.65 * (42.0f64 * 70.0 / 112.0).sqrt();
        assert_eq!(sms["fong"]["critical"].as_f64(), Some(critical));
        assert!(sms["mixed"].is_null());
        assert_eq!(sms["total_strength"].as_f64(), Some(47.0 / 56.0));
        assert_eq!(sms["category_strength"].as_f64(), Some(18.0 / 56.0));
        assert!(sms["importance_mean"].is_null());
        assert!(sms["continuous"].is_null(), "aggregated counts: not applicable");
        // All questionable: Better and Worse undefined, Q the category.
        let q = &features[1];
        assert_eq!((q["plurality"].as_str(), q["category"].as_str()), (Some("Q"), Some("Q")));
        assert!(q["better"].is_null() && q["worse"].is_null());
        assert_eq!(q["fong"]["significant"], true);
        assert_eq!(q["total_strength"].as_f64(), Some(0.0));
        // Nobody answered: null everywhere a figure would be.
        let z = &features[2];
        assert_eq!(z["n"], 0);
        for k in [
            "plurality",
            "category",
            "better",
            "worse",
            "mixed",
            "total_strength",
            "category_strength",
            "importance_mean",
            "continuous",
        ] {
            assert!(z[k].is_null(), "{k}");
        }
        for k in ["significant", "difference", "critical"] {
            assert!(z["fong"][k].is_null(), "fong.{k}");
        }
        for c in ["A", "O", "M", "I", "R", "Q"] {
            assert_eq!(z["counts"][c], 0);
            assert!(z["shares"][c].is_null());
        }
    }

    #[test]
    fn json_from_respondents_has_continuous_and_input() {
        let v = json_value(&respondent_report());
        assert_eq!(v["method"]["rule"], "moai");
        assert_eq!(v["method"]["max_questionable"], 2);
        assert_eq!(
            v["input"],
            json!({"source": "survey.csv", "layout": "wide", "respondents": 58, "dropped": [
                {"reason": "straight_like_dislike", "count": 2},
                {"reason": "too_many_questionable", "count": 1}
            ]})
        );
        let sms = &v["features"][0];
        assert_eq!(sms["importance_mean"].as_f64(), Some(7.0));
        assert_eq!((sms["blank"].as_u64(), sms["invalid"].as_u64()), (Some(2), Some(1)));
        let c = &sms["continuous"];
        assert_eq!(
            keys(c),
            [
                "dysfunctional_mean",
                "dysfunctional_sd",
                "functional_mean",
                "functional_sd",
                "quadrant"
            ]
        );
        // F: 12·4 + 30·4 + 5·2 + 8·0 + 1·(−2) = 176; D: 0 + 30·4 + 5·4 + 0 − 2 = 138.
        assert_eq!(c["functional_mean"].as_f64(), Some(176.0 / 56.0));
        assert_eq!(c["dysfunctional_mean"].as_f64(), Some(138.0 / 56.0));
        assert!(c["functional_sd"].as_f64().is_some_and(|s| s > 0.0));
        assert_eq!(c["quadrant"], "O");
        // Mixed under moai: plurality A, category M, label A/O.
        let water = &v["features"][1];
        assert_eq!(
            (water["plurality"].as_str(), water["category"].as_str()),
            (Some("A"), Some("M"))
        );
        assert_eq!(water["fong"]["significant"], false);
        assert_eq!(water["mixed"], "A/O");
        // Nobody answered, from respondents: the continuous object with null leaves.
        let none = &v["features"][2];
        assert_eq!(
            none["continuous"],
            json!({"functional_mean": null, "dysfunctional_mean": null, "functional_sd": null,
                   "dysfunctional_sd": null, "quadrant": null})
        );
        assert_eq!(none["blank"], 1);
    }

    #[test]
    fn json_segmented_form() {
        let r = segmented_report();
        let v = json_value(&r);
        assert_eq!(keys(&v), ["input", "method", "segments"]);
        let segs = v["segments"].as_array().unwrap();
        assert_eq!(segs.len(), 3);
        for s in segs {
            assert_eq!(keys(s), ["column", "features", "respondents", "value"]);
        }
        assert!(segs[0]["column"].is_null() && segs[0]["value"].is_null());
        assert_eq!(segs[0]["features"][0]["n"], 112);
        assert_eq!(
            (segs[1]["column"].as_str(), segs[1]["value"].as_str()),
            (Some("城市"), Some("北京"))
        );
        assert_eq!(segs[1]["features"][0]["better"].as_f64(), Some(42.0 / 55.0));
        assert!(segs[2]["value"].is_null());
        assert_eq!(segs[2]["respondents"], 0);
        // One segment with a column is still the segmented form.
        let mut one = r.clone();
        one.segments.drain(..2);
        assert!(one.is_segmented());
        assert_eq!(keys(&json_value(&one)), ["input", "method", "segments"]);
        // No segment at all: an empty feature list.
        let mut empty = r;
        empty.segments.clear();
        assert!(!empty.is_segmented());
        assert_eq!(json_value(&empty)["features"], json!([]));
    }

    #[test]
    fn json_is_pretty_deterministic_and_ordered() {
        let r = counts_report();
        let a = render_to_string(&r, Format::Json, "en").unwrap();
        assert_eq!(a, render_to_string(&r, Format::Json, "en").unwrap());
        assert_eq!(a, format!("{}\n", serde_json::to_string_pretty(&r).unwrap()));
        let pos = |k: &str| a.find(&format!("\"{k}\":")).unwrap();
        assert!(pos("method") < pos("features") && pos("features") < pos("input"));
        assert!(a.contains("\"better\": 0.7636363636363637"), "unrounded");
        golden("counts.json", &a);
    }

    #[test]
    fn csv_header_and_rows() {
        let s = render_to_string(&counts_report(), Format::Csv, "en").unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines[0],
            "id,name,n,A,O,M,I,R,Q,share_A,share_O,share_M,share_I,share_R,share_Q,plurality,\
             category,better,worse,fong_significant,fong_difference,fong_critical,mixed,\
             total_strength,category_strength,importance_mean,functional_mean,\
             dysfunctional_mean,functional_sd,dysfunctional_sd,quadrant,blank,invalid"
        );
        let mut rd = csv::Reader::from_reader(s.as_bytes());
        let header = rd.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        let get = |row: &csv::StringRecord, k: &str| {
            let i = header.iter().position(|h| h == k).unwrap();
            row.get(i).unwrap().to_owned()
        };
        let sms = &rows[0];
        assert_eq!(get(sms, "name"), "取号后短信提醒叫号");
        assert_eq!(get(sms, "O"), "30");
        assert_eq!(get(sms, "share_O").parse::<f64>().unwrap(), 30.0 * 100.0 / 56.0);
        assert_eq!(get(sms, "better").parse::<f64>().unwrap(), 42.0 / 55.0);
        assert_eq!(get(sms, "worse").parse::<f64>().unwrap(), -35.0 / 55.0);
        assert_eq!(get(sms, "fong_significant"), "true");
        assert_eq!(get(sms, "fong_difference"), "18");
        assert_eq!(get(sms, "mixed"), "");
        assert_eq!(get(sms, "importance_mean"), "");
        assert_eq!(get(sms, "quadrant"), "");
        assert_eq!(
            lines[1],
            format!(
                "sms,取号后短信提醒叫号,56,12,30,5,8,1,0,{},{},{},{},{},0,O,O,{},{},true,18,{},,{},{},,,,,,,0,0",
                12.0 * 100.0 / 56.0,
                30.0 * 100.0 / 56.0,
                5.0 * 100.0 / 56.0,
                8.0 * 100.0 / 56.0,
                100.0 / 56.0,
                42.0 / 55.0,
                -35.0 / 55.0,
                1.65 * (42.0f64 * 70.0 / 112.0).sqrt(),
                47.0 / 56.0,
                18.0 / 56.0,
            )
        );
        // All Q: worse and better empty; zero answers: only counts, blank and invalid.
        assert_eq!(get(&rows[1], "better"), "");
        assert_eq!(get(&rows[1], "share_Q"), "100");
        assert_eq!(lines[3], "none,无人回答,0,0,0,0,0,0,0,,,,,,,,,,,,,,,,,,,,,,,0,0");
    }

    #[test]
    fn csv_from_respondents_and_segmented() {
        let s = render_to_string(&respondent_report(), Format::Csv, "en").unwrap();
        let mut rd = csv::Reader::from_reader(s.as_bytes());
        let header = rd.headers().unwrap().clone();
        let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
        let col = |k: &str| header.iter().position(|h| h == k).unwrap();
        assert_eq!(&rows[0][col("importance_mean")], "7");
        assert_eq!(rows[0][col("functional_mean")].parse::<f64>().unwrap(), 176.0 / 56.0);
        assert_eq!(&rows[0][col("quadrant")], "O");
        assert_eq!((&rows[0][col("blank")], &rows[0][col("invalid")]), ("2", "1"));
        assert_eq!((&rows[1][col("plurality")], &rows[1][col("category")]), ("A", "M"));
        assert_eq!(&rows[1][col("fong_significant")], "false");
        assert_eq!(&rows[1][col("mixed")], "A/O");
        // A name with a comma, a quote and a line break survives the round trip.
        let m = Method::default();
        let tricky = "Wi-Fi, \"free\"\nfast";
        let r = ClassifyReport::new(
            "x",
            "counts",
            m,
            vec![KanoResult::from_counts("w", tricky, WORKED, &m)],
        );
        let s = render_to_string(&r, Format::Csv, "en").unwrap();
        let mut rd = csv::Reader::from_reader(s.as_bytes());
        assert_eq!(&rd.records().next().unwrap().unwrap()[1], tricky);
        // Segmented: two leading columns, blank value empty.
        let s = render_to_string(&segmented_report(), Format::Csv, "en").unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[0].starts_with("segment_column,segment_value,id,name,n,A,"));
        assert_eq!(lines.len(), 1 + 3 + 3 + 1);
        assert!(lines[1].starts_with(",,sms,取号后短信提醒叫号,112,24,60,"), "{}", lines[1]);
        assert!(lines[4].starts_with("城市,北京,sms,取号后短信提醒叫号,56,12,30,"), "{}", lines[4]);
        assert!(lines[7].starts_with("城市,,sms,"), "{}", lines[7]);
    }

    #[test]
    fn md_golden() {
        let counts = md(&counts_report());
        golden("counts.md", &counts);
        assert!(counts.contains("evaluation table `standard`; rule `plurality`."), "{counts}");
        assert!(counts.contains("| 0.764 | -0.636 | significant (18.00 ≥ 8.45) |"), "{counts}");
        assert!(counts.contains("| 12 (21.4%) | 30 (53.6%) |"), "{counts}");
        assert!(!counts.contains("-0.00") && !counts.contains("continuous split"));
        for c in Category::ALL {
            let zh = crate::i18n::catalog("zh-CN").text(match c {
                Category::A => "common.kano_category_short.A",
                Category::O => "common.kano_category_short.O",
                Category::M => "common.kano_category_short.M",
                Category::I => "common.kano_category_short.I",
                Category::R => "common.kano_category_short.R",
                Category::Q => "common.kano_category_short.Q",
            });
            let en = crate::i18n::catalog("en").text(match c {
                Category::A => "terminal.classify.kano_term.A",
                Category::O => "terminal.classify.kano_term.O",
                Category::M => "terminal.classify.kano_term.M",
                Category::I => "terminal.classify.kano_term.I",
                Category::R => "terminal.classify.kano_term.R",
                Category::Q => "terminal.classify.kano_term.Q",
            });
            assert!(counts.contains(&format!("- **{c}** {zh} ({en})")));
        }
        let resp = md(&respondent_report());
        golden("respondents.md", &resp);
        assert!(resp.contains("rule `moai` (near-tie threshold 6 percentage points)"), "{resp}");
        assert!(resp.contains("continuous split 2"), "{resp}");
        assert!(resp.contains("mixed A/O (2.00 < 8.23)"), "{resp}");
        assert!(resp.contains("58 respondents analysed, 3 dropped (2 straight-lined like/dislike, 1 more than 2 Q answers)"), "{resp}");
        assert!(resp.contains("| 7.00 | 3.14 ± "), "{resp}");
        let seg = md(&segmented_report());
        golden("segmented.md", &seg);
        assert!(seg.contains("### whole sample (116 respondents)\n"), "{seg}");
        assert!(seg.contains("### 城市 = 北京 (58 respondents)\n"), "{seg}");
        assert!(seg.contains("### 城市 = (blank) (0 respondents)\n"), "{seg}");
        // Every table row has as many cells as its header.
        for doc in [&counts, &resp, &seg] {
            let mut expected = 0;
            for line in doc.lines().filter(|l| l.starts_with('|')) {
                let cells = line.matches(" | ").count() + 1;
                if line.starts_with("| id ") {
                    expected = cells;
                } else if !line.starts_with("|--") {
                    assert_eq!(cells, expected, "{line}");
                }
            }
        }
    }

    #[test]
    fn md_escapes_markup_in_names() {
        let m = Method::default();
        let r = ClassifyReport::new(
            "a_b.csv",
            "counts",
            m,
            vec![KanoResult::from_counts("f_1", "A|B *bold*\nnext", WORKED, &m)],
        );
        let s = md(&r);
        assert!(s.contains("| f\\_1 | A\\|B \\*bold\\* next | 56 |"), "{s}");
        assert!(s.contains("## Kano classification: a\\_b.csv\n"), "{s}");
    }

    /// The cells of a table line as (first, last + 1) display columns, cells separated by
    /// two or more spaces.
    fn cell_spans(line: &str) -> Vec<(usize, usize)> {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        let (mut col, mut spaces, mut start, mut end) = (0, 2, 0, 0);
        for c in line.chars() {
            if c == ' ' {
                spaces += 1;
            } else {
                if spaces >= 2 {
                    if col > 0 {
                        spans.push((start, end));
                    }
                    start = col;
                }
                spaces = 0;
                end = col + c.width().unwrap_or(0);
            }
            col += c.width().unwrap_or(0);
        }
        spans.push((start, end));
        spans
    }

    /// The table and Markdown forms in Chinese: the catalog's words, the same figures; the
    /// table's columns still line up under wide headers.
    #[test]
    fn chinese_goldens() {
        for (name, r) in [
            ("counts", counts_report()),
            ("respondents", respondent_report()),
            ("segmented", segmented_report()),
        ] {
            let t = table_in(&r, "zh-CN");
            golden(&format!("{name}.zh-CN.txt"), &t);
            golden(&format!("{name}.zh-CN.md"), &md_in(&r, "zh-CN"));
            assert!(t.contains("图例：A 兴奋 魅力质量、O 期望 一元质量"), "{t}");
            let header = t.lines().find(|l| l.starts_with("编号 ")).unwrap();
            let n_end = cell_spans(header)[2].1;
            for row in
                t.lines().filter(|l| ["sms ", "allq ", "water "].iter().any(|p| l.starts_with(p)))
            {
                assert_eq!(cell_spans(row)[2].1, n_end, "{row}\n{header}");
            }
        }
        let resp = md_in(&respondent_report(), "zh-CN");
        assert!(resp.contains("分析了 58 位受访者、剔除 3 位（直线作答（喜欢/不喜欢） 2 位、Q 答案多于 2 个 1 位）。"), "{resp}");
        assert!(resp.contains("规则 `moai`（相差 6 个百分点以内视为接近并列）"), "{resp}");
        let tw = md_in(&respondent_report(), "zh-TW");
        golden("respondents.zh-TW.md", &tw);
        assert!(tw.contains("- **A** 興奮 (魅力品質)") && tw.contains("混合 A/O"), "{tw}");
        // the English default is the English catalog
        assert_eq!(md(&respondent_report()), md_in(&respondent_report(), "en"));
        // machine outputs do not depend on the language
        for f in [Format::Json, Format::Csv] {
            let r = segmented_report();
            let en = render_to_string(&r, f, "en").unwrap();
            assert_eq!(render_to_string(&r, f, "zh-CN").unwrap(), en);
            assert_eq!(render_to_string(&r, f, "zh-TW").unwrap(), en);
        }
    }

    #[test]
    fn table_golden_and_cjk_alignment() {
        let counts = table(&counts_report());
        golden("counts.txt", &counts);
        let resp = table(&respondent_report());
        golden("respondents.txt", &resp);
        let seg = table(&segmented_report());
        golden("segmented.txt", &seg);
        for doc in [&counts, &resp, &seg] {
            assert!(!doc.contains('\x1b'), "no colour codes");
            assert!(!doc.contains("-0.00"));
            assert!(doc.lines().all(|l| l == l.trim_end()), "no trailing spaces");
            let header = doc.lines().find(|l| l.starts_with("id ")).unwrap();
            let rows: Vec<&str> = doc
                .lines()
                .filter(|l| ["sms ", "allq ", "none ", "water "].iter().any(|p| l.starts_with(p)))
                .collect();
            assert!(rows.len() >= 3, "{doc}");
            let head = cell_spans(header);
            let right =
                |name: &str| ["n", "A", "O", "M", "I", "R", "Q", "Better", "Worse"].contains(&name);
            let names: Vec<&str> = header.split_whitespace().collect();
            assert_eq!(names.len(), head.len());
            for row in rows {
                let cells = cell_spans(row);
                assert_eq!(cells.len(), head.len(), "{row}");
                for ((name, h), c) in names.iter().zip(&head).zip(&cells) {
                    if right(name) {
                        assert_eq!(c.1, h.1, "{name} right-aligned in display columns: {row}");
                    } else {
                        assert_eq!(c.0, h.0, "{name} left-aligned in display columns: {row}");
                    }
                }
            }
        }
        // The cut name, the rule's pick beside the plurality pick, the mixed label.
        assert!(resp.contains("  营业厅等候区提…  "), "{resp}");
        let water = resp.lines().find(|l| l.starts_with("water")).unwrap();
        assert!(water.contains("  M (A)  ") && water.contains("  A/O  "), "{water}");
        let sms = counts.lines().find(|l| l.starts_with("sms")).unwrap();
        assert!(sms.ends_with("O           0.76  -0.64  ✓"), "{sms}");
        assert!(counts.contains("\nmethod: evaluation table standard · rule plurality\n"));
        assert!(!counts.contains("quadrant"), "no continuous column for counts");
        assert!(resp.lines().next().unwrap().ends_with("Fong  quadrant"));
        assert!(
            counts.contains("\nlegend: A 兴奋 attractive, O 期望 one-dimensional, M 基本 must-be")
        );
        assert!(seg.starts_with("whole sample · 116 respondents\n"), "{seg}");
        assert!(seg.contains("\n城市 = (blank) · 0 respondents\n"), "{seg}");
    }

    #[test]
    fn truncate_and_pad_measure_display_columns() {
        assert_eq!(truncate("取号后短信提醒叫号", 16), "取号后短信提醒…");
        assert_eq!(truncate("取号后短信提醒叫号", 16).width(), 15);
        assert_eq!(truncate("取号后短信提醒叫", 16), "取号后短信提醒叫");
        assert_eq!(truncate("abcdefghijklmnopq", 16), "abcdefghijklmno…");
        assert_eq!(truncate("abcdefghijklmnopq", 16).width(), 16);
        assert_eq!(pad("北京", 6, false), "北京  ");
        assert_eq!(pad("12", 4, true), "  12");
        assert_eq!(pad("toolong", 3, true), "toolong");
    }

    #[test]
    fn tally_dropped_counts_by_kind_in_fixed_order() {
        assert_eq!(tally_dropped([]), Vec::new());
        let t = tally_dropped([
            DropReason::TooManyQuestionable { count: 4, max: 1 },
            DropReason::StraightDislikeLike,
            DropReason::TooManyQuestionable { count: 2, max: 1 },
        ]);
        assert_eq!(
            t,
            [
                Dropped { reason: DropKind::StraightDislikeLike, count: 1 },
                Dropped { reason: DropKind::TooManyQuestionable, count: 2 },
            ]
        );
        for (i, k) in DropKind::ALL.into_iter().enumerate() {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
            assert_eq!(k as usize, i, "tally_dropped indexes by discriminant");
        }
    }

    #[test]
    fn render_dispatches_every_format() {
        let r = respondent_report();
        assert_eq!(render_to_string(&r, Format::Md, "en").unwrap(), md(&r));
        assert_eq!(render_to_string(&r, Format::Table, "en").unwrap(), table(&r));
        assert!(render_to_string(&r, Format::Csv, "en").unwrap().starts_with("id,name,"));
        assert!(
            render_to_string(&r, Format::Json, "en").unwrap().starts_with("{\n  \"method\": {")
        );
        let names: Vec<&str> =
            [Format::Table, Format::Csv, Format::Json, Format::Md].map(Format::name).to_vec();
        assert_eq!(names, ["table", "csv", "json", "md"]);
        assert_eq!(Format::default(), Format::Table);
    }

    #[test]
    fn method_line_names_every_variant_used() {
        let m = Method {
            table: crate::analysis::kano::Table::Pouliot,
            rule: Rule::TwoStage,
            continuous_split: 2.5,
            continuous_excludes_qr: true,
            coding: Coding::Reversed,
            ..Method::default()
        };
        let p = method_phrases(words("en"), &m, true, false).join(" · ");
        assert_eq!(
            p,
            "evaluation table pouliot · rule two_stage · continuous split 2.5 · Q and R pairs \
             left out of the continuous analysis · reversed coding (5 = like … 1 = dislike)"
        );
    }
}
