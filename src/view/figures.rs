//! The report's figures as printed (issue 11: every figure in the report adds up).
//!
//! - **Customer metrics**, one presentation each, everywhere (tables, the 3-2-1 page,
//!   chart labels): NPS with one decimal and its sign (`+37.5`, `−12.5`); CSAT as the
//!   share satisfied with one decimal and `%` (`76.0%`), its mean with two decimals; CES
//!   as the mean with two decimals (`4.50`), the share agreeing with one decimal. The
//!   metric is named in the report language (`CES 2.0（1–7 分）`), never by its code.
//! - **Targets**: the judgement of `analysis::metrics::check_target`, written as
//!   `达标 +7.5` / `未达标 −0.33` (the margin in the figure's own decimals, shares in
//!   percentage points), or why the target cannot be judged.
//! - **Market damage**: customers are counted whole, and every amount is whole customers
//!   × the value per customer, so that every product and difference on the page holds for
//!   the printed numbers: `3,660 × 1,850 元 = 6,771,000 元`; the breakdown of the lost
//!   customers is apportioned ([`format::apportion`]) so that it adds up to the printed
//!   total; customers kept = the printed lost of the current rates − the printed lost of
//!   the row. The unrounded figures stay in `kano analyze` (and `a` in the templates); the
//!   page says that customers are counted whole, with the model's figure.
//! - **3-2-1**: how the targets went and how many actions are overdue or due soon.
//!
//! No I/O; wording from the catalog's `report.figures`.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::analysis::MetricEntry;
use crate::analysis::market_damage::MarketDamageResult;
use crate::analysis::metrics::{Figures, TargetStatus};
use crate::format::{self, Num};
use crate::i18n::{self, fill};
use crate::model::Metric;
use crate::model::target::{Quantity, Unjudged};

/// Actions due within this many days of the reference date are "due soon".
pub const DUE_SOON_DAYS: i64 = 14;

/// At most this many overdue actions on the 3-2-1 page (it must stay one page).
pub const DUE_ROWS: usize = 5;

/// At most this many missed targets on the 3-2-1 page.
pub const MISSED_ROWS: usize = 14;

/// The wording of `report.figures`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    /// Metric names by variant.
    pub metric_name: MetricNames,
    /// `{v}`: a mean.
    pub mean: &'static str,
    /// `{v}`: the share agreeing.
    pub agree: &'static str,
    /// `{n}`: respondents.
    pub respondents: &'static str,
    /// `{margin}`: target met.
    pub met: &'static str,
    /// `{margin}`: target missed.
    pub missed: &'static str,
    /// A target that could be judged, without answers.
    pub no_answers: &'static str,
    /// `{reason}`: a target not judged.
    pub not_judged: &'static str,
    /// After a margin in percentage points.
    pub pp: &'static str,
    /// Why a target is not judged.
    pub reason: Reasons,
    /// `{measured} {met} {missed} {not_judged} {no_answers}`.
    pub targets_tally: &'static str,
    /// `{total} {as_of} {overdue} {days} {soon} {later}`.
    pub actions_tally: &'static str,
    /// `{n}`: due-soon actions not listed.
    pub actions_more: &'static str,
    /// Where the full action list is.
    pub actions_pointer: &'static str,
    /// `{list}`: the touchpoints that met their target.
    pub met_list: &'static str,
    /// `{touchpoint} {result} {margin}`: one of them.
    pub met_item: &'static str,
    /// Between them.
    pub list_sep: &'static str,
    /// `{list}`: measured touchpoints whose target cannot be judged.
    pub not_judged_list: &'static str,
    /// `{touchpoint} {result} {reason}`: one of them.
    pub not_judged_item: &'static str,
    /// `{n}`: missed targets not listed.
    pub missed_more: &'static str,
    /// `{dates}`: the next due dates with their counts.
    pub next_due: &'static str,
    /// `{date} {n}`: one due date.
    pub due_item: &'static str,
    /// `{exact} {value}`: customers counted whole.
    pub damage_rounding: &'static str,
}

/// The metrics' names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricNames {
    /// NPS.
    pub nps: &'static str,
    /// CSAT, top-2-box.
    pub csat_top2: &'static str,
    /// CES 1.0.
    pub ces_1_0: &'static str,
    /// CES 2.0.
    pub ces_2_0: &'static str,
}

/// Why a target is not judged, by [`Unjudged`].
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reasons {
    /// No comparator.
    pub no_comparator: &'static str,
    /// Several comparators.
    pub several_comparators: &'static str,
    /// No number.
    pub no_number: &'static str,
    /// Several numbers.
    pub several_numbers: &'static str,
    /// A comparison of two figures.
    pub comparison: &'static str,
    /// Not this metric.
    pub other_quantity: &'static str,
    /// Wrong unit.
    pub unit: &'static str,
}

impl Reasons {
    fn get(&self, r: Unjudged) -> &'static str {
        match r {
            Unjudged::NoComparator => self.no_comparator,
            Unjudged::SeveralComparators => self.several_comparators,
            Unjudged::NoNumber => self.no_number,
            Unjudged::SeveralNumbers => self.several_numbers,
            Unjudged::Comparison => self.comparison,
            Unjudged::OtherQuantity => self.other_quantity,
            Unjudged::Unit => self.unit,
        }
    }
}

/// The wording of `lang` (`zh-CN`, `zh-TW`, `en`).
pub fn words(lang: &str) -> &'static Words {
    static ALL: i18n::PerLanguage<Words> = i18n::PerLanguage::new("report.figures");
    ALL.get(lang)
}

/// NPS: one decimal, signed.
pub const NPS: Num = Num::fixed(1).plus().typographic();
/// A share in %: one decimal and `%`.
pub const SHARE: Num = Num::fixed(1).typographic().suffix("%");
/// A mean answer: two decimals.
pub const MEAN: Num = Num::fixed(2).typographic();
/// A count of customers or money: whole, with thousands separators.
pub const COUNT: Num = Num::fixed(0).grouped().typographic();
/// Money or a value per customer: up to two decimals, thousands separators.
const MONEY: Num = Num::upto(2).grouped().typographic();

/// One measurement as printed.
#[derive(Debug, Clone, Serialize)]
pub struct MetricRow {
    /// Group id.
    pub group_id: String,
    /// Group name.
    pub group: String,
    /// Step id.
    pub step: String,
    /// The touchpoint (step name, or the id).
    pub touchpoint: String,
    /// The metric's name in the report language.
    pub method: &'static str,
    /// The headline figure (`+37.5`, `76.0%`, `5.17`), or `—` without answers.
    pub result: String,
    /// The figure beside it (`均值 3.96`, `同意 73.3%`), or empty.
    pub detail: String,
    /// Respondents.
    pub n: u64,
    /// The target as written.
    pub target: String,
    /// `met`, `missed`, `not_judged` or `no_answers`.
    pub status: &'static str,
    /// The judgement in words: `达标 +7.5`, `未达标 −0.33`, why not judged.
    pub verdict: String,
    /// The margin alone (`+7.5`, `−9.0 个百分点`), or empty when not judged.
    pub verdict_margin: String,
    /// Why the target is not judged, or empty.
    pub reason: &'static str,
}

/// The headline figure of `f` and the one beside it.
pub fn headline(f: &Figures, w: &Words) -> (String, String) {
    let Some(score) = f.score.filter(|_| f.n > 0) else {
        return (format::UNDEFINED.to_owned(), String::new());
    };
    let detail = |t: &str, v: Option<f64>, n: Num| {
        v.map_or_else(String::new, |v| fill(t, &[("v", &n.or_dash(Some(v)))]))
    };
    match f.kind {
        Metric::Nps => (NPS.or_dash(Some(score)), String::new()),
        Metric::Csat => (SHARE.or_dash(f.top2_box_pct), detail(w.mean, f.mean, MEAN)),
        Metric::Ces => (MEAN.or_dash(f.mean), detail(w.agree, f.agree_pct, SHARE)),
    }
}

/// The metric's name.
pub fn method(f: &Figures, w: &Words) -> &'static str {
    match f.variant {
        "nps" => w.metric_name.nps,
        "ces-1.0" => w.metric_name.ces_1_0,
        "ces-2.0" => w.metric_name.ces_2_0,
        _ => w.metric_name.csat_top2,
    }
}

/// The measurement as printed.
pub fn metric_row(m: &MetricEntry, w: &Words) -> MetricRow {
    let (result, detail) = headline(&m.figures, w);
    let c = &m.target_check;
    let status = match c.status {
        TargetStatus::Met => "met",
        TargetStatus::Missed => "missed",
        TargetStatus::NotJudged => "not_judged",
        TargetStatus::NoAnswers => "no_answers",
    };
    let margin = |v: f64| -> String {
        match c.quantity {
            Some(Quantity::Nps) => NPS.or_dash(Some(v)),
            Some(Quantity::Mean) => MEAN.plus().or_dash(Some(v)),
            // percentage points: one decimal, signed, as an NPS
            _ => format!("{}{}", NPS.or_dash(Some(v)), w.pp),
        }
    };
    let verdict_margin = c
        .margin
        .filter(|_| matches!(c.status, TargetStatus::Met | TargetStatus::Missed))
        .map_or_else(String::new, margin);
    let verdict = match (c.status, c.margin, c.reason) {
        (TargetStatus::Met, Some(v), _) => fill(w.met, &[("margin", &margin(v))]),
        (TargetStatus::Missed, Some(v), _) => fill(w.missed, &[("margin", &margin(v))]),
        (TargetStatus::NotJudged, _, Some(r)) => fill(w.not_judged, &[("reason", w.reason.get(r))]),
        _ => w.no_answers.to_owned(),
    };
    MetricRow {
        group_id: m.group.clone(),
        group: m.group_name.clone(),
        step: m.step.clone(),
        touchpoint: m.touchpoint.clone().unwrap_or_else(|| m.step.clone()),
        method: method(&m.figures, w),
        result,
        detail,
        n: m.figures.n,
        target: m.target.clone(),
        status,
        verdict,
        verdict_margin,
        reason: c.reason.map_or("", |r| w.reason.get(r)),
    }
}

/// How the targets went.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TargetTally {
    /// Touchpoints with answers.
    pub measured: usize,
    /// Met.
    pub met: usize,
    /// Missed.
    pub missed: usize,
    /// Measured, target not judged.
    pub not_judged: usize,
    /// Without answers.
    pub no_answers: usize,
    /// The sentence.
    pub text: String,
    /// The missed targets, at most [`MISSED_ROWS`], in group and plan order.
    pub missed_rows: Vec<MetricRow>,
    /// Missed targets not listed, in a sentence, or empty.
    pub missed_more: String,
    /// The met targets in a sentence, or empty.
    pub met_text: String,
    /// The measured touchpoints whose target cannot be judged, with why, in a sentence, or
    /// empty.
    pub not_judged_text: String,
}

/// The market damage section as printed: whole customers, amounts = customers × value.
#[derive(Debug, Clone, Serialize)]
pub struct DamageView {
    /// The currency, or empty.
    pub currency: String,
    /// N_p.
    pub with_problem: String,
    /// c, in % with one decimal.
    pub complaint_rate: String,
    /// s, in % with one decimal.
    pub resolution_rate: String,
    /// Customers lost, whole.
    pub lost: String,
    /// By where they were lost (did not complain, unresolved, resolved), adding up to
    /// `lost`.
    pub lost_parts: [String; 3],
    /// The value per customer.
    pub value: String,
    /// Revenue at risk: `lost` × `value` (the currency is in the table head).
    pub revenue_at_risk: String,
    /// `3,660 × 1,850 元 = 6,771,000 元`.
    pub equation: String,
    /// Word-of-mouth loss: people deterred (whole) × value; empty without word of mouth.
    /// Without the currency, like `revenue_at_risk`.
    pub word_of_mouth_loss: String,
    /// People reached by word of mouth, whole; empty without.
    pub word_of_mouth_reach: String,
    /// What raising c and s buys.
    pub sensitivity: Vec<DamageRow>,
    /// That customers are counted whole, with the model's figure.
    pub rounding: String,
}

/// One sensitivity row as printed.
#[derive(Debug, Clone, Serialize)]
pub struct DamageRow {
    /// c.
    pub complaint_rate: String,
    /// s.
    pub resolution_rate: String,
    /// Customers lost, whole.
    pub lost: String,
    /// lost × value.
    pub revenue_at_risk: String,
    /// Current lost − this row's lost.
    pub customers_kept: String,
    /// kept × value.
    pub revenue_kept: String,
}

/// The whole-customer figures of the market damage model: (lost parts, N_p · c, N_p · c · s,
/// people deterred by word of mouth), each a whole number.
pub struct WholeDamage {
    /// Lost by group, adding up to their rounded sum.
    pub lost: [f64; 3],
    /// Who complained.
    pub complained: f64,
    /// Who were resolved.
    pub resolved: f64,
}

/// The whole-customer figures of `md`.
pub fn whole_damage(md: &MarketDamageResult) -> WholeDamage {
    let l = &md.lost;
    let parts =
        format::apportion(&[l.not_complained, l.complained_unresolved, l.complained_resolved]);
    let np = md.customers_with_problem;
    let w = |x: f64| format::whole(x).unwrap_or(x);
    WholeDamage {
        lost: [parts[0], parts[1], parts[2]],
        complained: w(np * md.complaint_rate),
        resolved: w(np * md.complaint_rate * md.resolution_rate),
    }
}

/// The note under the market damage chart: the revenue equation and the word-of-mouth
/// reach, from the same figures as the tables.
pub fn damage_note(d: &DamageView, cw: &crate::view::chart_words::Words) -> String {
    let mut notes = vec![format!("{}{}{}", cw.revenue_at_risk, cw.colon, d.equation)];
    if !d.word_of_mouth_reach.is_empty() {
        notes.push(format!("{}{}{}", cw.word_of_mouth, cw.colon, d.word_of_mouth_reach));
    }
    notes.join("    ")
}

/// The market damage section.
pub fn damage(md: &MarketDamageResult, w: &Words) -> DamageView {
    let currency = md.currency.clone().unwrap_or_default();
    let v = md.value_per_customer;
    let money = |x: f64| -> String {
        let s = MONEY.or_dash(Some(x));
        if currency.is_empty() { s } else { format!("{s} {currency}") }
    };
    let whole = |x: f64| format::whole(x).unwrap_or(x);
    let parts = whole_damage(md);
    let lost: f64 = parts.lost.iter().sum();
    let pct = Num::fixed(1).percent().typographic().suffix("%");
    let base = whole(md.lost.total);
    let sensitivity = md
        .sensitivity
        .iter()
        .map(|r| {
            let l = whole(r.lost);
            DamageRow {
                complaint_rate: pct.or_dash(Some(r.complaint_rate)),
                resolution_rate: pct.or_dash(Some(r.resolution_rate)),
                lost: COUNT.or_dash(Some(l)),
                revenue_at_risk: MONEY.or_dash(Some(l * v)),
                customers_kept: COUNT.or_dash(Some(base - l)),
                revenue_kept: MONEY.or_dash(Some((base - l) * v)),
            }
        })
        .collect();
    let wom = md.word_of_mouth.as_ref();
    DamageView {
        with_problem: COUNT.or_dash(Some(md.customers_with_problem)),
        complaint_rate: pct.or_dash(Some(md.complaint_rate)),
        resolution_rate: pct.or_dash(Some(md.resolution_rate)),
        lost: COUNT.or_dash(Some(lost)),
        lost_parts: parts.lost.map(|p| COUNT.or_dash(Some(p))),
        value: money(v),
        revenue_at_risk: MONEY.or_dash(Some(lost * v)),
        equation: format!("{} × {} = {}", COUNT.or_dash(Some(lost)), money(v), money(lost * v)),
        word_of_mouth_loss: wom
            .map_or_else(String::new, |x| MONEY.or_dash(Some(whole(x.deterred) * v))),
        word_of_mouth_reach: wom.map_or_else(String::new, |x| COUNT.or_dash(Some(x.reach))),
        sensitivity,
        rounding: fill(
            w.damage_rounding,
            &[
                ("exact", &Num::fixed(1).grouped().typographic().or_dash(Some(md.lost.total))),
                ("value", &money(v)),
            ],
        ),
        currency,
    }
}

/// The 3-2-1 page's view of the actions.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ActionsView {
    /// How many, overdue, due soon, later, in a sentence.
    pub tally: String,
    /// Overdue actions, at most [`DUE_ROWS`], by due date.
    pub due: Vec<DueAction>,
    /// Overdue actions not listed, in a sentence, or empty.
    pub more: String,
    /// The due dates of the actions due soon, with their counts, in a sentence, or empty.
    pub next_due: String,
    /// Where the full list is.
    pub pointer: &'static str,
}

/// One overdue or due-soon action.
#[derive(Debug, Clone, Serialize)]
pub struct DueAction {
    /// What.
    pub what: String,
    /// Who.
    pub owner: String,
    /// By when.
    pub due: String,
    /// Overdue.
    pub overdue: bool,
}

/// What the 3-2-1 page shows of the figures.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FiguresView {
    /// Every measurement, in group and plan order.
    pub metrics: Vec<MetricRow>,
    /// How the targets went.
    pub targets: TargetTally,
    /// The market damage section, when analysed.
    pub damage: Option<DamageView>,
    /// The actions, for the 3-2-1 page.
    pub actions: ActionsView,
}

/// The figures of the analysis as printed in `lang`.
pub fn build(a: Option<&Analysis>, lang: &str) -> FiguresView {
    let w = words(lang);
    let Some(a) = a else { return FiguresView::default() };
    let metrics: Vec<MetricRow> = a.metrics.iter().map(|m| metric_row(m, w)).collect();
    let count = |s: &str| metrics.iter().filter(|m| m.status == s).count();
    let (met, missed) = (count("met"), count("missed"));
    let measured = metrics.iter().filter(|m| m.n > 0).count();
    let not_judged = metrics.iter().filter(|m| m.n > 0 && m.status == "not_judged").count();
    let no_answers = metrics.len() - measured;
    let n = |x: usize| x.to_string();
    let targets = TargetTally {
        measured,
        met,
        missed,
        not_judged,
        no_answers,
        text: fill(
            w.targets_tally,
            &[
                ("measured", &n(measured)),
                ("met", &n(met)),
                ("missed", &n(missed)),
                ("not_judged", &n(not_judged)),
                ("no_answers", &n(no_answers)),
            ],
        ),
        missed_rows: metrics
            .iter()
            .filter(|m| m.status == "missed")
            .take(MISSED_ROWS)
            .cloned()
            .collect(),
        missed_more: if missed > MISSED_ROWS {
            fill(w.missed_more, &[("n", &n(missed - MISSED_ROWS))])
        } else {
            String::new()
        },
        met_text: {
            let items: Vec<String> = metrics
                .iter()
                .filter(|m| m.status == "met")
                .map(|m| {
                    let margin = m.verdict_margin.clone();
                    fill(
                        w.met_item,
                        &[
                            ("touchpoint", &m.touchpoint),
                            ("result", &m.result),
                            ("margin", &margin),
                        ],
                    )
                })
                .collect();
            if items.is_empty() {
                String::new()
            } else {
                fill(w.met_list, &[("list", &items.join(w.list_sep))])
            }
        },
        not_judged_text: {
            let items: Vec<String> = metrics
                .iter()
                .filter(|m| m.n > 0 && m.status == "not_judged")
                .map(|m| {
                    fill(
                        w.not_judged_item,
                        &[
                            ("touchpoint", &m.touchpoint),
                            ("result", &m.result),
                            ("reason", m.reason),
                        ],
                    )
                })
                .collect();
            if items.is_empty() {
                String::new()
            } else {
                fill(w.not_judged_list, &[("list", &items.join(w.list_sep))])
            }
        },
    };
    let actions = a.summary_321.as_ref().map_or_else(ActionsView::default, |s| {
        let overdue = s.actions.iter().filter(|x| x.overdue == Some(true)).count();
        let soon_of = |x: &&crate::analysis::summary321::ActionItem| {
            x.overdue != Some(true) && x.days_to_due.is_some_and(|d| d <= DUE_SOON_DAYS)
        };
        let soon = s.actions.iter().filter(soon_of).count();
        // the due dates of the actions due soon, each with its count, in date order
        let mut dates: Vec<(&str, usize)> = Vec::new();
        for x in s.actions.iter().filter(soon_of) {
            match dates.iter_mut().find(|(d, _)| *d == x.due) {
                Some((_, k)) => *k += 1,
                None => dates.push((&x.due, 1)),
            }
        }
        let dates: Vec<String> =
            dates.iter().map(|(d, k)| fill(w.due_item, &[("date", d), ("n", &n(*k))])).collect();
        let due: Vec<DueAction> = s
            .actions
            .iter()
            .filter(|x| x.overdue == Some(true))
            .map(|x| DueAction {
                what: x.what.clone(),
                owner: x.owner.clone(),
                due: x.due.clone(),
                overdue: x.overdue == Some(true),
            })
            .collect();
        let more = due.len().saturating_sub(DUE_ROWS);
        ActionsView {
            tally: fill(
                w.actions_tally,
                &[
                    ("total", &n(s.actions.len())),
                    ("as_of", &s.as_of),
                    ("overdue", &n(overdue)),
                    ("days", &DUE_SOON_DAYS.to_string()),
                    ("soon", &n(soon)),
                    ("later", &n(s.actions.len() - overdue - soon)),
                ],
            ),
            due: due.into_iter().take(DUE_ROWS).collect(),
            more: if more > 0 { fill(w.actions_more, &[("n", &n(more))]) } else { String::new() },
            next_due: if dates.is_empty() {
                String::new()
            } else {
                fill(w.next_due, &[("dates", &dates.join(w.list_sep))])
            },
            pointer: w.actions_pointer,
        }
    });
    FiguresView {
        metrics,
        targets,
        damage: a.market_damage.as_ref().map(|md| damage(md, w)),
        actions,
    }
}

/// The detractors', passives' and promoters' shares of NPS answers `counts` (0..=10) in %
/// beside their `score` (computed from the counts when absent),
/// as printed beside the score: each with one decimal, promoters − detractors equal to the
/// score as printed ([`NPS`]) and the three adding up to 100.0. Promoters are rounded on
/// their own; detractors are the printed promoters less the printed score, so they may
/// print 0.1 from their own rounding (as a Kano share row does, issue 11). Empty when there
/// are no answers.
pub fn nps_shares(counts: &[u64; 11], score: Option<f64>) -> [String; 3] {
    let n: u64 = counts.iter().sum();
    if n == 0 {
        return Default::default();
    }
    let pct = |k: std::ops::RangeInclusive<usize>| -> f64 {
        k.map(|i| counts[i]).sum::<u64>() as f64 * 100.0 / n as f64
    };
    let (d, p) = (pct(0..=6), pct(9..=10));
    // in whole tenths, from the digits as printed (one decimal)
    let printed = |v: f64| {
        format::fixed(v, 1).and_then(|s| s.parse::<f64>().ok()).map_or(0.0, |v| (v * 10.0).round())
    };
    let promoters = printed(p);
    let score = printed(score.unwrap_or(p - d));
    let detractors = (promoters - score).max(0.0);
    let passives = (1000.0 - promoters - detractors).max(0.0);
    [detractors, passives, promoters].map(|t| SHARE.or_dash(Some(t / 10.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_shares_subtract_to_the_printed_score_and_add_up_to_100() {
        // 23 promoters, 5 detractors of 38: 60.5 − 13.2 would be 47.3, the score prints +47.4
        let mut counts = [0u64; 11];
        counts[10] = 23;
        counts[0] = 5;
        counts[7] = 10;
        let score = (23.0 - 5.0) / 38.0 * 100.0;
        assert_eq!(NPS.or_dash(Some(score)), "+47.4");
        assert_eq!(nps_shares(&counts, Some(score)), ["13.1%", "26.4%", "60.5%"]);
        // shares that round on their own keep their rounding
        let mut even = [0u64; 11];
        even[9] = 2;
        even[3] = 1;
        even[8] = 1;
        assert_eq!(nps_shares(&even, Some(25.0)), ["25.0%", "25.0%", "50.0%"]);
        assert_eq!(nps_shares(&[0; 11], None), ["", "", ""]);
    }

    #[test]
    fn every_language_fits_the_struct() {
        for l in i18n::LANGUAGES {
            if let Err(e) = i18n::catalog(l).section::<Words>("report.figures") {
                panic!("{l}: {e}");
            }
        }
        assert_eq!(words("en").metric_name.nps, "NPS");
    }

    /// The printed number back (thousands separators, the typographic minus, a unit after).
    fn back(s: &str) -> f64 {
        let n: String = s
            .split(' ')
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| *c != ',')
            .map(|c| if c == '\u{2212}' { '-' } else { c })
            .collect();
        n.parse().unwrap_or_else(|_| panic!("not a number: {s}"))
    }

    #[test]
    fn market_damage_tables_add_up_as_printed() {
        use crate::model::{MarketDamage, Repurchase, WordOfMouth};
        let w = words("zh-CN");
        for (np, c, s, l, v) in [
            // the examples' inputs, and awkward ones
            (12_600.0, 0.06, 0.62, [0.718, 0.76, 0.92], 1850.0),
            (1000.0, 0.04, 0.5, [0.09, 0.19, 0.54], 420.0),
            (777.0, 0.133, 0.415, [0.37, 0.46, 0.7], 99.5),
        ] {
            let md = crate::analysis::market_damage::analyse(&MarketDamage {
                period: None,
                customers_with_problem: np,
                complaint_rate: c,
                resolution_rate: s,
                repurchase: Repurchase {
                    not_complained: l[0],
                    complained_unresolved: l[1],
                    complained_resolved: l[2],
                },
                value_per_customer: v,
                currency: Some("元".into()),
                word_of_mouth: Some(WordOfMouth { people_told: 9.0, deterred_share: 0.04 }),
            });
            let d = damage(&md, w);
            let lost = back(&d.lost);
            let parts: f64 = d.lost_parts.iter().map(|p| back(p)).sum();
            assert_eq!(parts, lost, "{d:?}");
            assert!((back(&d.revenue_at_risk) - lost * back(&d.value)).abs() < 1e-6, "{d:?}");
            assert_eq!(d.equation, format!("{} × {} = {} 元", d.lost, d.value, d.revenue_at_risk));
            let base = back(&d.sensitivity[0].lost);
            assert_eq!(base, lost);
            for r in &d.sensitivity {
                let (l, k) = (back(&r.lost), back(&r.customers_kept));
                assert_eq!(k, base - l, "{r:?}");
                assert!((back(&r.revenue_at_risk) - l * v).abs() < 1e-6, "{r:?}");
                assert!((back(&r.revenue_kept) - k * v).abs() < 1e-6, "{r:?}");
            }
            assert!(d.rounding.contains(&d.value));
        }
    }

    fn entry(f: Figures, target: &str) -> MetricEntry {
        use crate::model::{IndicatorKind, MeasurementModel};
        MetricEntry {
            group: "g1".into(),
            group_name: "G".into(),
            step: "s1".into(),
            touchpoint: Some("T".into()),
            channel: None,
            touchpoint_kinds: vec![],
            indicator: IndicatorKind::Perceptual,
            model: MeasurementModel::Instant,
            timing: String::new(),
            target: target.into(),
            target_check: crate::analysis::metrics::check_target(&f, target),
            source: "inline",
            file: None,
            blank: 0,
            figures: f,
        }
    }

    #[test]
    fn verdicts_in_words() {
        use crate::analysis::metrics::{ces, csat, nps};
        let (zh, en) = (words("zh-CN"), words("en"));
        let f = ces(&[5.0, 6.0, 5.0, 4.0, 6.0, 5.0], Metric::Ces.default_scale()).unwrap();
        let r = metric_row(&entry(f, "CES均值≥5.5"), zh);
        assert_eq!((r.result.as_str(), r.verdict.as_str()), ("5.17", "未达标 \u{2212}0.33"));
        assert_eq!(
            (r.method, r.status, r.detail.as_str()),
            ("CES 2.0（1–7 分）", "missed", "同意 83.3%")
        );
        let f = nps(&[10.0, 9.0, 9.0, 7.0, 3.0, 10.0, 9.0, 8.0]).unwrap();
        let r = metric_row(&entry(f, "NPS ≥ 30"), en);
        assert_eq!((r.result.as_str(), r.verdict.as_str()), ("+50.0", "met +20.0"));
        let f = csat(&[5.0, 4.0, 3.0, 4.0], Metric::Csat.default_scale()).unwrap();
        let r = metric_row(&entry(f.clone(), "满意（4–5分）占比≥85%"), zh);
        assert_eq!(r.verdict, "未达标 \u{2212}10.0 个百分点");
        assert_eq!((r.result.as_str(), r.detail.as_str()), ("75.0%", "均值 4.00"));
        let r = metric_row(&entry(f, "投诉客户与非投诉客户满意率差距≤5%"), zh);
        assert_eq!(r.verdict, "目标无法自动判定：比较的是两个数，如差距、变化");
        let f = csat(&[], Metric::Csat.default_scale()).unwrap();
        let r = metric_row(&entry(f, "满意率≥80%"), en);
        assert_eq!((r.result.as_str(), r.verdict.as_str()), ("—", "no answers yet"));
    }

    #[test]
    fn presentations() {
        assert_eq!(NPS.or_dash(Some(37.5)), "+37.5");
        assert_eq!(NPS.or_dash(Some(-12.5)), "\u{2212}12.5");
        assert_eq!(NPS.or_dash(Some(20.0)), "+20.0");
        assert_eq!(SHARE.or_dash(Some(76.0)), "76.0%");
        assert_eq!(MEAN.or_dash(Some(4.5)), "4.50");
        assert_eq!(MEAN.or_dash(Some(3.6)), "3.60");
    }
}
