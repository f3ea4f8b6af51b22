//! Output of `kano analyze`: the [`Analysis`] as an aligned terminal table, a Markdown
//! report, or the JSON contract.
//!
//! - `json`: the [`Analysis`] serialised, pretty-printed, ending with a newline; numbers
//!   unrounded; documented field by field in `docs/analysis-methods.md`.
//! - `md` and `table`: for people. Both are built from the same blocks (headings, notes,
//!   grids), so they always show the same figures: rounded half away from zero
//!   ([`crate::format::Num`]), `—` where a figure is undefined, each section naming its
//!   method and variants. The table measures text in display columns (`unicode-width`) so
//!   Chinese lines up, and cuts long texts with `…`; Markdown keeps them whole and adds
//!   each journey's Mermaid diagram.
//!
//! Input: an [`Analysis`] (the results of `analysis`, with the workshop's own text and the
//! options). Output: text. Pure formatting — it recomputes nothing, only rounds and lays
//! out the figures the analysis holds; no file access.
//!
//! Fixed wording follows the label language (`--lang`, default the workshop's): English,
//! Simplified or Traditional Chinese, from the `terminal.analyze` section of the wording
//! catalog (`templates/lang/*.yaml`). The workshop's own text is never translated.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use serde::Deserialize;

use crate::analysis::Analysis;
use crate::analysis::ipa::IpaPoint;
use crate::analysis::servqual::{Overall, Source};
use crate::format::{Num, UNDEFINED};
use crate::model::{Language, Metric};

/// The output formats of `kano analyze`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// Aligned plain-text tables for the terminal.
    #[default]
    Table,
    /// A Markdown report with rounded figures, method notes and Mermaid journeys.
    Md,
    /// The documented JSON contract, unrounded.
    Json,
}

/// The fixed wording of the table and Markdown forms in one language:
/// `terminal.analyze` of the catalog.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Words {
    pub(super) title: String,
    colon: String,
    as_of: String,
    groups: String,
    undefined_note: String,
    // SERVQUAL
    servqual: String,
    src_responses: String,
    src_items: String,
    src_dimensions: String,
    src_none: String,
    scale: String,
    gap_note: String,
    dimension: String,
    expectation: String,
    perception: String,
    gap: String,
    items: String,
    items_title: String,
    n: String,
    overall: String,
    value: String,
    variant: String,
    basis: String,
    unweighted: String,
    weighted: String,
    item_level: String,
    dimensions_word: String,
    respondents_word: String,
    items_word: String,
    item: String,
    statement: String,
    importance: String,
    performance: String,
    quadrant: String,
    ipa: String,
    ipa_note: String,
    crosshair: String,
    ipa_items: String,
    ipa_dimensions: String,
    crosshair_at: Crosshairs,
    zone: String,
    adequate: String,
    desired: String,
    perceived: String,
    position: String,
    status: String,
    // metrics
    metrics: String,
    group: String,
    step: String,
    touchpoint: String,
    metric: String,
    score: String,
    mean: String,
    details: String,
    target: String,
    target_check: String,
    no_answers: String,
    promoters: String,
    detractors: String,
    agree: String,
    lower_better: String,
    metrics_note: String,
    // market damage
    market_damage: String,
    customers: String,
    repurchase: String,
    lost: String,
    not_complained: String,
    complained_unresolved: String,
    complained_resolved: String,
    total: String,
    revenue_at_risk: String,
    word_of_mouth: String,
    sensitivity: String,
    complaint_rate: String,
    resolution_rate: String,
    kept: String,
    revenue_kept: String,
    wom_loss: String,
    inputs: String,
    lost_share: String,
    value_per_customer: String,
    unhappy: String,
    reach: String,
    deterred: String,
    // journeys
    journeys: String,
    journey: String,
    steps: String,
    average: String,
    peak: String,
    valleys: String,
    end: String,
    peak_end: String,
    trough_end: String,
    covered: String,
    missing: String,
    journeys_note: String,
    mermaid_note: String,
    // proposals
    proposals: String,
    rank: String,
    proposal: String,
    #[serde(rename = "move")]
    move_: String,
    professionalism: String,
    ease: String,
    quick_win: String,
    proposals_note: String,
    // 3-2-1
    summary: String,
    summaries: String,
    takeaways: String,
    tools: String,
    count: String,
    takeaway: String,
    tool: String,
    proposal_title: String,
    cited_once: String,
    actions: String,
    due: String,
    owner: String,
    action: String,
    by: String,
    overdue: String,
    due_today: String,
    due_in: String,
    days: String,
    invalid_date: String,
    // pk
    pk: String,
    name: String,
    percent: String,
    comments: String,
    ties_note: String,
    list_separator: String,
    ipa_short: String,
    msa: String,
    mss: String,
    top_two_box: String,
}

/// What the IPA crosshair is drawn at, by `lines.method`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Crosshairs {
    mean: String,
    median: String,
    scale_mid: String,
    given: String,
}

/// The wording of a label language, parsed once.
fn words(lang: Language) -> &'static Words {
    &super::words(lang.key()).analyze
}

/// A table: header, alignment, rows, and the widest a cell may be in the terminal.
#[derive(Debug, Clone, Default)]
struct Grid {
    header: Vec<String>,
    right: Vec<bool>,
    max: Vec<Option<usize>>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    /// Columns: (title, right-aligned, widest in the terminal).
    fn new(cols: &[(&str, bool, Option<usize>)]) -> Grid {
        Grid {
            header: cols.iter().map(|c| c.0.to_owned()).collect(),
            right: cols.iter().map(|c| c.1).collect(),
            max: cols.iter().map(|c| c.2).collect(),
            rows: Vec::new(),
        }
    }

    fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }
}

/// What a report is made of.
#[derive(Debug, Clone)]
enum Block {
    /// A section title (level 2) or sub-title (level 3).
    Heading(u8, String),
    /// A paragraph.
    Note(String),
    /// A table.
    Grid(Grid),
    /// A titled Mermaid diagram (Markdown only).
    Mermaid(String, String),
}

/// A share of 1 as a percentage: `4.0%`.
const SHARE: Num = Num::fixed(1).percent().suffix("%");

/// A whole amount with thousands separators: `6,912,450`.
const AMOUNT: Num = Num::fixed(0).grouped();

/// A short number as a workshop file gives it: `5`, `4.50`.
const AS_TYPED: Num = Num::fixed(2).bare_whole();

/// `a, b` in the language's list style.
fn list(items: &[String], w: &Words) -> String {
    items.join(&w.list_separator)
}

fn overall_row(g: &mut Grid, label: &str, o: &Overall, w: &Words) {
    let basis = match o.variant {
        "unweighted" => format!("{} {}", o.n, w.dimensions_word),
        "weighted" => format!("{} {}", o.n, w.respondents_word),
        "item-level" => format!("{} {}", o.n, w.items_word),
        _ => format!("{} {}", o.n, w.dimensions_word),
    };
    let basis = match &o.note {
        Some(n) => format!("{basis}; {n}"),
        None => basis,
    };
    g.row(vec![label.to_owned(), Num::fixed(3).or_dash(o.value), o.variant.to_owned(), basis]);
}

/// Build the report's blocks.
fn blocks(a: &Analysis) -> Vec<Block> {
    let lang = a.options.lang;
    let w = words(lang);
    let mut out = Vec::new();
    out.push(Block::Heading(1, format!("{}{}{}", w.title, w.colon, a.workshop.title)));
    let dates = match &a.workshop.end_date {
        Some(e) if *e != a.workshop.date => format!("{} – {e}", a.workshop.date),
        _ => a.workshop.date.clone(),
    };
    out.push(Block::Note(format!(
        "{} · {dates} · {} {} · {} {}",
        a.workshop.organisation, a.workshop.groups, w.groups, w.as_of, a.options.as_of
    )));
    servqual_blocks(a, w, &mut out);
    metric_blocks(a, w, &mut out);
    market_blocks(a, w, &mut out);
    journey_blocks(a, w, &mut out);
    proposal_blocks(a, w, &mut out);
    summary_blocks(a, w, &mut out);
    pk_blocks(a, w, &mut out);
    out.push(Block::Note(w.undefined_note.to_owned()));
    out
}

fn servqual_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(sq) = &a.servqual else { return };
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.servqual.to_owned()));
    let source = match sq.source {
        Source::Responses => {
            format!("{} ({} {})", w.src_responses, sq.respondents.unwrap_or(0), w.respondents_word)
        }
        Source::Items => format!("{} ({} {})", w.src_items, sq.items.len(), w.items_word),
        Source::Dimensions => w.src_dimensions.to_owned(),
        Source::None => w.src_none.to_owned(),
    };
    let method = sq.dimensions.first().map_or("", |d| d.method);
    out.push(Block::Note(format!(
        "{source} · {} {}..{} · {} · {method}",
        w.scale,
        AS_TYPED.or_dash(Some(sq.scale.min)),
        AS_TYPED.or_dash(Some(sq.scale.max)),
        w.gap_note
    )));
    if sq.source != Source::None {
        let mut g = Grid::new(&[
            (&w.dimension, false, None),
            (&w.expectation, true, None),
            (&w.perception, true, None),
            (&w.gap, true, None),
            (&w.items, true, None),
            (&w.n, true, None),
        ]);
        for d in &sq.dimensions {
            g.row(vec![
                d.label.to_owned(),
                Num::fixed(2).or_dash(d.expectation),
                Num::fixed(2).or_dash(d.perception),
                Num::fixed(2).or_dash(d.gap),
                d.n_items.map_or_else(|| UNDEFINED.to_owned(), |n| n.to_string()),
                d.n.map_or_else(|| UNDEFINED.to_owned(), |n| n.to_string()),
            ]);
        }
        out.push(Block::Grid(g));
        let mut g = Grid::new(&[
            (&w.overall, false, None),
            (&w.value, true, None),
            (&w.variant, false, None),
            (&w.basis, false, Some(60)),
        ]);
        overall_row(&mut g, &w.unweighted, &sq.unweighted, w);
        if let Some(o) = &sq.weighted {
            overall_row(&mut g, &w.weighted, o, w);
        }
        if let Some(o) = &sq.item_overall {
            overall_row(&mut g, &w.item_level, o, w);
        }
        out.push(Block::Grid(g));
        let mut methods = vec![sq.unweighted.method];
        methods.extend(sq.weighted.as_ref().map(|o| o.method));
        methods.extend(sq.item_overall.as_ref().map(|o| o.method));
        out.push(Block::Note(methods.join(" · ")));
    }
    if !sq.items.is_empty() {
        out.push(Block::Heading(3, w.items_title.to_owned()));
        let quad = |id: &str| -> Option<&IpaPoint> { sq.ipa.iter().find(|p| p.id == id) };
        let mut g = Grid::new(&[
            (&w.item, false, None),
            (&w.dimension, false, None),
            (&w.expectation, true, None),
            (&w.perception, true, None),
            (&w.gap, true, None),
            (&w.n, true, None),
            (&w.importance, true, None),
            (&w.quadrant, false, None),
            (&w.statement, false, Some(30)),
        ]);
        for it in &sq.items {
            g.row(vec![
                it.id.clone(),
                it.dimension.label(lang).to_owned(),
                Num::fixed(2).or_dash(it.expectation),
                Num::fixed(2).or_dash(it.perception),
                Num::fixed(2).or_dash(it.gap),
                it.n.to_string(),
                Num::fixed(2).or_dash(it.importance),
                quad(&it.id).map_or_else(|| UNDEFINED.to_owned(), |p| p.quadrant_label.to_owned()),
                it.statement.clone().unwrap_or_default(),
            ]);
        }
        out.push(Block::Grid(g));
    } else if !sq.ipa.is_empty() {
        out.push(Block::Heading(3, w.ipa.to_owned()));
        let mut g = Grid::new(&[
            (&w.dimension, false, None),
            (&w.importance, true, None),
            (&w.performance, true, None),
            (&w.quadrant, false, None),
        ]);
        for p in &sq.ipa {
            g.row(vec![
                p.label.clone(),
                Num::fixed(1).or_dash(Some(p.importance)),
                Num::fixed(2).or_dash(Some(p.performance)),
                p.quadrant_label.to_owned(),
            ]);
        }
        out.push(Block::Grid(g));
    }
    if let Some(c) = &sq.ipa_crosshair {
        let at = match c.lines.method {
            "mean" => &w.crosshair_at.mean,
            "median" => &w.crosshair_at.median,
            "scale-mid" => &w.crosshair_at.scale_mid,
            _ => &w.crosshair_at.given,
        };
        let level = if c.level == "items" { &w.ipa_items } else { &w.ipa_dimensions };
        out.push(Block::Note(format!(
            "{} ({level}){}{} = {at} ({} {}, {} {}); {}",
            w.ipa_short,
            w.colon,
            w.crosshair,
            w.performance,
            Num::fixed(2).or_dash(Some(c.lines.performance)),
            w.importance,
            Num::fixed(2).or_dash(Some(c.lines.importance)),
            w.ipa_note
        )));
    }
    if !sq.zone_of_tolerance.is_empty() {
        out.push(Block::Heading(3, w.zone.to_owned()));
        let mut g = Grid::new(&[
            (&w.dimension, false, None),
            (&w.adequate, true, None),
            (&w.desired, true, None),
            (&w.perceived, true, None),
            (&w.msa, true, None),
            (&w.mss, true, None),
            (&w.position, true, None),
            (&w.status, false, None),
        ]);
        for z in &sq.zone_of_tolerance {
            g.row(vec![
                z.label.to_owned(),
                Num::fixed(2).or_dash(Some(z.adequate)),
                Num::fixed(2).or_dash(Some(z.desired)),
                Num::fixed(2).or_dash(Some(z.perceived)),
                Num::fixed(2).or_dash(Some(z.msa)),
                Num::fixed(2).or_dash(Some(z.mss)),
                Num::fixed(2).or_dash(z.position),
                z.status.label(lang).to_owned(),
            ]);
        }
        out.push(Block::Grid(g));
        if let Some(z) = sq.zone_of_tolerance.first() {
            out.push(Block::Note(z.method.to_owned()));
        }
    }
}

fn metric_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.metrics.is_empty() {
        return;
    }
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.metrics.to_owned()));
    let mut g = Grid::new(&[
        (&w.group, false, None),
        (&w.step, false, None),
        (&w.touchpoint, false, Some(14)),
        (&w.metric, false, None),
        (&w.variant, false, None),
        (&w.n, true, None),
        (&w.score, true, None),
        (&w.mean, true, None),
        (&w.details, false, None),
        (&w.target, false, Some(22)),
        (&w.target_check, false, Some(24)),
    ]);
    // the judgement against the target in the words of the report (view::figures)
    let fw = crate::view::figures::words(lang.key());
    for m in &a.metrics {
        let f = &m.figures;
        let score = match f.kind {
            Metric::Nps => Num::fixed(1).or_dash(f.score),
            Metric::Csat => Num::fixed(1).suffix("%").or_dash(f.score),
            Metric::Ces => Num::fixed(2).or_dash(f.score),
        };
        let details = if f.n == 0 {
            w.no_answers.to_owned()
        } else {
            match (f.kind, f.variant) {
                (Metric::Nps, _) => format!(
                    "±{} · {} {} · {} {}",
                    Num::fixed(1).or_dash(f.se),
                    w.promoters,
                    Num::fixed(1).suffix("%").or_dash(f.promoters_pct),
                    w.detractors,
                    Num::fixed(1).suffix("%").or_dash(f.detractors_pct)
                ),
                (Metric::Csat, _) => w.top_two_box.clone(),
                (Metric::Ces, "ces-1.0") => w.lower_better.to_owned(),
                (Metric::Ces, _) => {
                    format!("{} {}", w.agree, Num::fixed(1).suffix("%").or_dash(f.agree_pct))
                }
            }
        };
        g.row(vec![
            m.group.clone(),
            m.step.clone(),
            m.touchpoint.clone().unwrap_or_default(),
            f.kind.label(lang).to_owned(),
            f.variant.to_owned(),
            f.n.to_string(),
            score,
            Num::fixed(2).or_dash(f.mean),
            details,
            m.target.clone(),
            crate::view::figures::metric_row(m, fw).verdict,
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.metrics_note.to_owned()));
}

fn market_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(m) = &a.market_damage else { return };
    let cur = m.currency.clone().unwrap_or_default();
    let money = |x: f64| {
        if cur.is_empty() {
            AMOUNT.or_dash(Some(x))
        } else {
            format!("{} {cur}", AMOUNT.or_dash(Some(x)))
        }
    };
    let mut title = w.market_damage.to_owned();
    if let Some(p) = &m.period {
        title = format!("{title} · {p}");
    }
    out.push(Block::Heading(2, title));
    out.push(Block::Note(format!(
        "{}{}N_p = {} · c = {} · s = {} · L_nc / L_cu / L_cs = {} / {} / {} · V = {} ({})",
        w.inputs,
        w.colon,
        AMOUNT.or_dash(Some(m.customers_with_problem)),
        SHARE.or_dash(Some(m.complaint_rate)),
        SHARE.or_dash(Some(m.resolution_rate)),
        SHARE.or_dash(Some(m.repurchase[0])),
        SHARE.or_dash(Some(m.repurchase[1])),
        SHARE.or_dash(Some(m.repurchase[2])),
        money(m.value_per_customer),
        w.value_per_customer
    )));
    let (n, c, s) = (m.customers_with_problem, m.complaint_rate, m.resolution_rate);
    let mut g = Grid::new(&[
        ("", false, None),
        (&w.customers, true, None),
        (&w.repurchase, true, None),
        (&w.lost, true, None),
    ]);
    for (label, customers, rate, lost) in [
        (&w.not_complained, n * (1.0 - c), m.repurchase[0], m.lost.not_complained),
        (
            &w.complained_unresolved,
            n * c * (1.0 - s),
            m.repurchase[1],
            m.lost.complained_unresolved,
        ),
        (&w.complained_resolved, n * c * s, m.repurchase[2], m.lost.complained_resolved),
    ] {
        g.row(vec![
            label.to_owned(),
            Num::fixed(1).grouped().or_dash(Some(customers)),
            SHARE.or_dash(Some(rate)),
            Num::fixed(1).grouped().or_dash(Some(lost)),
        ]);
    }
    g.row(vec![
        w.total.to_owned(),
        Num::fixed(1).grouped().or_dash(Some(n)),
        String::new(),
        Num::fixed(1).grouped().or_dash(Some(m.lost.total)),
    ]);
    out.push(Block::Grid(g));
    let mut note = format!(
        "{}{}{} ({}{}) · {}",
        w.revenue_at_risk,
        w.colon,
        money(m.revenue_at_risk),
        Num::fixed(1).percent().or_dash(m.lost_share),
        w.lost_share,
        m.method
    );
    if let Some(wm) = &m.word_of_mouth {
        let _ = write!(
            note,
            "\n\n{}{}{} {} × k = {} → {} {} × q = {} → {} {} · {}{}{} · {}",
            w.word_of_mouth,
            w.colon,
            Num::fixed(1).grouped().or_dash(Some(wm.unhappy)),
            w.unhappy,
            AS_TYPED.or_dash(Some(wm.people_told)),
            Num::fixed(0).grouped().or_dash(Some(wm.reach)),
            w.reach,
            SHARE.or_dash(Some(wm.deterred_share)),
            Num::fixed(1).grouped().or_dash(Some(wm.deterred)),
            w.deterred,
            w.wom_loss,
            w.colon,
            money(wm.loss),
            wm.method
        );
    }
    out.push(Block::Note(note));
    out.push(Block::Heading(3, w.sensitivity.to_owned()));
    let wom = m.word_of_mouth.is_some();
    let mut cols: Vec<(&str, bool, Option<usize>)> = vec![
        (&w.complaint_rate, true, None),
        (&w.resolution_rate, true, None),
        (&w.lost, true, None),
        (&w.revenue_at_risk, true, None),
        (&w.kept, true, None),
        (&w.revenue_kept, true, None),
    ];
    if wom {
        cols.push((&w.wom_loss, true, None));
    }
    let mut g = Grid::new(&cols);
    for r in &m.sensitivity {
        let mut row = vec![
            SHARE.or_dash(Some(r.complaint_rate)),
            SHARE.or_dash(Some(r.resolution_rate)),
            Num::fixed(1).grouped().or_dash(Some(r.lost)),
            AMOUNT.or_dash(Some(r.revenue_at_risk)),
            Num::fixed(1).grouped().or_dash(Some(r.customers_kept)),
            AMOUNT.or_dash(Some(r.revenue_kept)),
        ];
        if wom {
            row.push(AMOUNT.or_dash(r.word_of_mouth_loss));
        }
        g.row(row);
    }
    out.push(Block::Grid(g));
}

fn journey_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.journeys.is_empty() {
        return;
    }
    out.push(Block::Heading(2, w.journeys.to_owned()));
    let mut g = Grid::new(&[
        (&w.group, false, None),
        (&w.journey, false, Some(18)),
        (&w.steps, true, None),
        (&w.average, true, None),
        (&w.peak, false, None),
        (&w.valleys, false, None),
        (&w.end, false, None),
        (&w.peak_end, true, None),
        (&w.trough_end, true, None),
        (&w.covered, true, None),
        (&w.missing, false, None),
    ]);
    for j in &a.journeys {
        let peak = j.peak.as_ref().map_or_else(
            || UNDEFINED.to_owned(),
            |p| {
                if p.steps.is_empty() {
                    AS_TYPED.or_dash(Some(p.value))
                } else {
                    format!("{} ({})", AS_TYPED.or_dash(Some(p.value)), p.steps.join(", "))
                }
            },
        );
        let valleys =
            if j.valleys.is_empty() { UNDEFINED.to_owned() } else { j.valleys.join(", ") };
        let end = j.end.as_ref().map_or_else(
            || UNDEFINED.to_owned(),
            |e| format!("{} ({})", AS_TYPED.or_dash(Some(e.value)), e.step),
        );
        let missing: Vec<String> = j.coverage.missing.iter().map(|k| k.label.to_owned()).collect();
        g.row(vec![
            j.group.clone(),
            format!("{} {}", j.id, j.name),
            j.steps.len().to_string(),
            Num::fixed(2).or_dash(j.average),
            peak,
            valleys,
            end,
            Num::fixed(1).or_dash(j.peak_end),
            Num::fixed(1).or_dash(j.trough_end),
            format!("{}/5", j.coverage.covered.len()),
            if missing.is_empty() { UNDEFINED.to_owned() } else { list(&missing, w) },
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.journeys_note.to_owned()));
    out.push(Block::Note(w.mermaid_note.to_owned()));
    for j in &a.journeys {
        out.push(Block::Mermaid(
            format!("{} · {} {}", j.group_name, j.id, j.name),
            j.mermaid.clone(),
        ));
    }
}

fn proposal_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.proposals.is_empty() {
        return;
    }
    let lang = a.options.lang;
    out.push(Block::Heading(2, w.proposals.to_owned()));
    let mut g = Grid::new(&[
        (&w.rank, true, None),
        (&w.group, false, None),
        (&w.proposal, false, None),
        (&w.move_, false, None),
        (&w.step, false, Some(12)),
        (&w.professionalism, true, None),
        (&w.ease, true, None),
        (&w.perception, true, None),
        (&w.score, true, None),
        (&w.quick_win, false, None),
        (&w.proposal_title, false, Some(28)),
    ]);
    for p in &a.proposals {
        let step = match &p.step_name {
            Some(n) => format!("{} {n}", p.step),
            None => p.step.clone(),
        };
        g.row(vec![
            format!("{}{}", p.rank, if p.tied { "=" } else { "" }),
            p.group.clone(),
            format!("{}/{}", p.journey, p.id),
            p.kind.label(lang).to_owned(),
            step,
            AS_TYPED.or_dash(Some(p.professionalism)),
            AS_TYPED.or_dash(Some(p.ease)),
            AS_TYPED.or_dash(Some(p.perception)),
            Num::fixed(2).or_dash(Some(p.score)),
            if p.quick_win { "✓".to_owned() } else { String::new() },
            p.title.clone(),
        ]);
    }
    out.push(Block::Grid(g));
    out.push(Block::Note(w.proposals_note.to_owned()));
}

fn summary_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    let Some(s) = &a.summary_321 else { return };
    out.push(Block::Heading(2, w.summary.to_owned()));
    out.push(Block::Note(format!(
        "{} {} · {} {}: {} {}",
        s.summaries, w.summaries, w.as_of, s.as_of, s.overdue, w.overdue
    )));
    for (title, head, cited) in
        [(&w.takeaways, &w.takeaway, &s.takeaways), (&w.tools, &w.tool, &s.tools)]
    {
        out.push(Block::Heading(3, title.to_owned()));
        let many: Vec<_> = cited.iter().filter(|c| c.count >= 2).collect();
        let shown: Vec<_> = if many.is_empty() { cited.iter().take(5).collect() } else { many };
        let mut g = Grid::new(&[(&w.count, true, None), (head, false, Some(40))]);
        for c in &shown {
            g.row(vec![c.count.to_string(), c.text.clone()]);
        }
        out.push(Block::Grid(g));
        let rest = cited.len() - shown.len();
        if rest > 0 {
            out.push(Block::Note(format!("+ {rest} {}", w.cited_once)));
        }
    }
    out.push(Block::Heading(3, w.actions.to_owned()));
    let mut g = Grid::new(&[
        (&w.due, false, None),
        (&w.status, false, None),
        (&w.owner, false, Some(16)),
        (&w.action, false, Some(40)),
        (&w.by, false, None),
    ]);
    for act in &s.actions {
        let status = match (act.overdue, act.days_to_due) {
            (Some(true), Some(d)) => format!("{} {}{}", w.overdue, -d, w.days),
            (Some(false), Some(0)) => w.due_today.to_owned(),
            (Some(false), Some(d)) => format!("{} {d}{}", w.due_in, w.days),
            _ => w.invalid_date.to_owned(),
        };
        let by = match (&act.participant, &act.group) {
            (Some(p), Some(g)) => format!("{p} ({g})"),
            (Some(p), None) => p.clone(),
            (None, Some(g)) => g.clone(),
            (None, None) => UNDEFINED.to_owned(),
        };
        g.row(vec![act.due.clone(), status, act.owner.clone(), act.what.clone(), by]);
    }
    out.push(Block::Grid(g));
}

fn pk_blocks(a: &Analysis, w: &Words, out: &mut Vec<Block>) {
    if a.pk.is_empty() {
        return;
    }
    out.push(Block::Heading(2, w.pk.to_owned()));
    let mut cols: Vec<(String, bool, Option<usize>)> = vec![
        (w.rank.clone(), true, None),
        (w.group.clone(), false, None),
        (w.name.clone(), false, Some(16)),
    ];
    if let Some(first) = a.pk.first() {
        for c in &first.scores {
            cols.push((format!("{} /{}", c.name, AS_TYPED.or_dash(Some(c.max))), true, None));
        }
    }
    cols.push((
        format!(
            "{} /{}",
            w.total,
            a.pk.first().map_or(String::new(), |p| AS_TYPED.or_dash(Some(p.max_total)))
        ),
        true,
        None,
    ));
    cols.push((w.percent.clone(), true, None));
    let refs: Vec<(&str, bool, Option<usize>)> =
        cols.iter().map(|(a, b, c)| (a.as_str(), *b, *c)).collect();
    let mut g = Grid::new(&refs);
    for p in &a.pk {
        let mut row = vec![
            format!("{}{}", p.rank, if p.tied { "=" } else { "" }),
            p.group.clone(),
            p.name.clone(),
        ];
        row.extend(p.scores.iter().map(|c| AS_TYPED.or_dash(c.score)));
        row.push(AS_TYPED.or_dash(Some(p.total)));
        row.push(Num::fixed(1).suffix("%").or_dash(p.percent));
        g.row(row);
    }
    out.push(Block::Grid(g));
    let mut note = w.ties_note.clone();
    if let Some(p) = a.pk.first() {
        note = format!("{note} {}", p.method);
    }
    out.push(Block::Note(note));
    let comments: Vec<String> =
        a.pk.iter()
            .filter_map(|p| p.comment.as_ref().map(|c| format!("{} {}: {c}", p.group, p.name)))
            .collect();
    if !comments.is_empty() {
        out.push(Block::Heading(3, w.comments.to_owned()));
        for c in comments {
            out.push(Block::Note(format!("- {c}")));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Escape text for a Markdown table cell or paragraph.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().map(|c| if c.is_control() { ' ' } else { c }) {
        if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The Markdown report.
pub fn md(a: &Analysis) -> String {
    let mut out = String::new();
    for b in blocks(a) {
        match b {
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from(level) + 1);
                let _ = writeln!(out, "{hashes} {}\n", md_escape(&text));
            }
            Block::Note(text) => {
                // a list item keeps its dash
                let body: Vec<String> = text
                    .split("\n\n")
                    .map(|p| match p.strip_prefix("- ") {
                        Some(rest) => format!("- {}", md_escape(rest)),
                        None => md_escape(p),
                    })
                    .collect();
                let _ = writeln!(out, "{}\n", body.join("\n\n"));
            }
            Block::Grid(g) => {
                let cells = |r: &[String]| {
                    r.iter()
                        .map(|c| if c.is_empty() { " ".to_owned() } else { md_escape(c) })
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                let _ = writeln!(out, "| {} |", cells(&g.header));
                let rule: Vec<&str> =
                    g.right.iter().map(|&r| if r { "--:" } else { "---" }).collect();
                let _ = writeln!(out, "|{}|", rule.join("|"));
                for r in &g.rows {
                    let _ = writeln!(out, "| {} |", cells(r));
                }
                out.push('\n');
            }
            Block::Mermaid(title, text) => {
                let _ = writeln!(out, "#### {}\n", md_escape(&title));
                let _ = writeln!(out, "```mermaid\n{text}```\n");
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

// ---------------------------------------------------------------------------------------
// Terminal table

use super::classify::{pad, truncate};

fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// The terminal tables.
pub fn table(a: &Analysis) -> String {
    let mut out = String::new();
    let mut after_heading = false;
    for b in blocks(a) {
        let heading = matches!(b, Block::Heading(..));
        match b {
            Block::Heading(level, text) => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                let text = one_line(&text);
                let rule = match level {
                    1 => '═',
                    2 => '─',
                    _ => '·',
                };
                let _ = writeln!(out, "{text}");
                if level < 3 {
                    let _ = writeln!(out, "{}", rule.to_string().repeat(text.width()));
                }
            }
            Block::Note(text) => {
                for p in text.split("\n\n") {
                    let _ = writeln!(out, "{}", one_line(p));
                }
            }
            Block::Grid(g) => {
                let cut = |r: &[String]| -> Vec<String> {
                    r.iter()
                        .zip(&g.max)
                        .map(|(c, m)| {
                            let c = one_line(c);
                            match m {
                                Some(m) => truncate(&c, *m),
                                None => c,
                            }
                        })
                        .collect()
                };
                let header = cut(&g.header);
                let rows: Vec<Vec<String>> = g.rows.iter().map(|r| cut(r)).collect();
                let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
                for r in &rows {
                    for (wd, c) in widths.iter_mut().zip(r) {
                        *wd = (*wd).max(c.width());
                    }
                }
                let line = |cells: &[String]| {
                    cells
                        .iter()
                        .zip(&widths)
                        .zip(&g.right)
                        .map(|((c, &wd), &r)| pad(c, wd, r))
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_owned()
                };
                if !after_heading && !out.ends_with("\n\n") {
                    out.push('\n');
                }
                let _ = writeln!(out, "{}", line(&header));
                for r in &rows {
                    let _ = writeln!(out, "{}", line(r));
                }
                out.push('\n');
            }
            Block::Mermaid(..) => {}
        }
        after_heading = heading;
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `a` in `format`, as text ending with a newline.
pub fn render_to_string(a: &Analysis, format: Format) -> Result<String, serde_json::Error> {
    Ok(match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(a)?;
            s.push('\n');
            s
        }
        Format::Md => {
            let mut s = md(a);
            s.push('\n');
            s
        }
        Format::Table => table(a),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_numbers() {
        let amount = |x: f64| AMOUNT.or_dash(Some(x));
        assert_eq!(amount(6_912_450.4), "6,912,450");
        assert_eq!(amount(899.0 * 420.0), "377,580");
        assert_eq!(amount(-1234.5), "-1,235");
        assert_eq!(amount(12.0), "12");
        assert_eq!(Num::fixed(1).grouped().or_dash(Some(12131.25)), "12,131.3");
        assert_eq!(Num::fixed(1).grouped().or_dash(Some(-999.0)), "-999.0");
        assert_eq!(AS_TYPED.or_dash(Some(5.0)), "5");
        assert_eq!(AS_TYPED.or_dash(Some(4.5)), "4.50");
        assert_eq!(SHARE.or_dash(Some(0.04)), "4.0%");
        assert_eq!(Num::fixed(2).or_dash(None), "—");
        assert_eq!(Num::fixed(2).or_dash(Some(-0.004)), "0.00");
    }

    #[test]
    fn table_aligns_cjk_and_truncates() {
        assert_eq!(truncate("新市民网点开户（借记卡＋手机银行）", 10), "新市民网…");
        assert_eq!(pad("有形度", 8, false), "有形度  ");
        assert_eq!(pad("1.5", 5, true), "  1.5");
    }
}
