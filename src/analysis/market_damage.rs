//! Market damage model (METHODS §4).
//!
//! Source: TARP (Technical Assistance Research Programs) for the White House Office of
//! Consumer Affairs, 1979/1986; Goodman, *Strategic Customer Service* (2009). Inputs: N_p
//! customers with a problem in the period; c the share who complain to someone able to fix
//! it; s the share of complainers resolved to satisfaction; repurchase rates L_nc (did not
//! complain), L_cu (complained, unresolved), L_cs (complained, resolved); value per customer
//! V; optionally k people told per unhappy customer and q the share of hearers deterred.
//!
//! - lost = N_p · [(1 − c)(1 − L_nc) + c(1 − s)(1 − L_cu) + c·s·(1 − L_cs)]
//! - revenue at risk = lost · V
//! - word-of-mouth reach = N_p · [(1 − c) + c(1 − s)] · k; deterred = reach · q;
//!   its loss = reach · q · V (q is an explicit assumption)
//!
//! The sensitivity table shows what the course's two recovery levers buy: the complaint
//! rate and the resolution rate each raised by 0, 10 and 20 percentage points (capped at
//! 100 %), every combination, with the customers and revenue kept against the current rates.
//!
//! Input: the workshop's `market_damage` section. Output: [`MarketDamageResult`]. No I/O.

use serde::Serialize;

use crate::model::MarketDamage;

/// The method label.
pub const METHOD: &str = "TARP market damage model (TARP 1979/1986; Goodman 2009): lost = N_p·[(1−c)(1−L_nc) \
     + c(1−s)(1−L_cu) + c·s·(1−L_cs)]; revenue at risk = lost·V";

/// The word-of-mouth method label.
pub const METHOD_WOM: &str =
    "reach = N_p·[(1−c) + c(1−s)]·k; deterred = reach·q; loss = reach·q·V (q is an assumption)";

/// The steps the levers are raised by, in percentage points.
pub const SENSITIVITY_STEPS: [f64; 3] = [0.0, 10.0, 20.0];

/// The model's inputs as plain numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Inputs {
    /// N_p.
    pub customers_with_problem: f64,
    /// c.
    pub complaint_rate: f64,
    /// s.
    pub resolution_rate: f64,
    /// L_nc.
    pub l_nc: f64,
    /// L_cu.
    pub l_cu: f64,
    /// L_cs.
    pub l_cs: f64,
    /// V.
    pub value: f64,
    /// (k, q).
    pub word_of_mouth: Option<(f64, f64)>,
}

impl From<&MarketDamage> for Inputs {
    fn from(m: &MarketDamage) -> Self {
        Inputs {
            customers_with_problem: m.customers_with_problem,
            complaint_rate: m.complaint_rate,
            resolution_rate: m.resolution_rate,
            l_nc: m.repurchase.not_complained,
            l_cu: m.repurchase.complained_unresolved,
            l_cs: m.repurchase.complained_resolved,
            value: m.value_per_customer,
            word_of_mouth: m.word_of_mouth.map(|w| (w.people_told, w.deterred_share)),
        }
    }
}

/// Customers lost from each group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Lost {
    /// N_p (1 − c)(1 − L_nc).
    pub not_complained: f64,
    /// N_p c (1 − s)(1 − L_cu).
    pub complained_unresolved: f64,
    /// N_p c s (1 − L_cs).
    pub complained_resolved: f64,
    /// The sum.
    pub total: f64,
}

/// Customers lost, per group and in all.
pub fn lost(i: &Inputs) -> Lost {
    let (n, c, s) = (i.customers_with_problem, i.complaint_rate, i.resolution_rate);
    let not_complained = n * (1.0 - c) * (1.0 - i.l_nc);
    let complained_unresolved = n * c * (1.0 - s) * (1.0 - i.l_cu);
    let complained_resolved = n * c * s * (1.0 - i.l_cs);
    Lost {
        not_complained,
        complained_unresolved,
        complained_resolved,
        total: not_complained + complained_unresolved + complained_resolved,
    }
}

/// Word of mouth.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WordOfMouth {
    /// k, people told per unhappy customer.
    pub people_told: f64,
    /// q, share of hearers deterred (an assumption).
    pub deterred_share: f64,
    /// Unhappy customers: N_p·[(1 − c) + c(1 − s)].
    pub unhappy: f64,
    /// People reached: unhappy · k.
    pub reach: f64,
    /// People deterred: reach · q.
    pub deterred: f64,
    /// reach · q · V.
    pub loss: f64,
    /// The method label.
    pub method: &'static str,
}

/// Word of mouth for the inputs, if k and q are given.
pub fn word_of_mouth(i: &Inputs) -> Option<WordOfMouth> {
    let (k, q) = i.word_of_mouth?;
    let (c, s) = (i.complaint_rate, i.resolution_rate);
    let unhappy = i.customers_with_problem * ((1.0 - c) + c * (1.0 - s));
    let reach = unhappy * k;
    Some(WordOfMouth {
        people_told: k,
        deterred_share: q,
        unhappy,
        reach,
        deterred: reach * q,
        loss: reach * q * i.value,
        method: METHOD_WOM,
    })
}

/// One row of the sensitivity table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// c in this row.
    pub complaint_rate: f64,
    /// s in this row.
    pub resolution_rate: f64,
    /// Customers lost.
    pub lost: f64,
    /// lost · V.
    pub revenue_at_risk: f64,
    /// Customers kept against the current rates (current lost − lost).
    pub customers_kept: f64,
    /// Revenue kept against the current rates.
    pub revenue_kept: f64,
    /// Word-of-mouth loss, if modelled.
    pub word_of_mouth_loss: Option<f64>,
}

/// The whole result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarketDamageResult {
    /// The period, if given.
    pub period: Option<String>,
    /// Currency label, if given.
    pub currency: Option<String>,
    /// N_p.
    pub customers_with_problem: f64,
    /// c.
    pub complaint_rate: f64,
    /// s.
    pub resolution_rate: f64,
    /// L_nc, L_cu, L_cs.
    pub repurchase: [f64; 3],
    /// V.
    pub value_per_customer: f64,
    /// Customers lost, per group and in all.
    pub lost: Lost,
    /// lost / N_p.
    pub lost_share: Option<f64>,
    /// lost · V.
    pub revenue_at_risk: f64,
    /// Word of mouth; `null` without k and q.
    pub word_of_mouth: Option<WordOfMouth>,
    /// The method label.
    pub method: &'static str,
    /// The lever steps, in percentage points.
    pub sensitivity_steps_pp: [f64; 3],
    /// What raising c and s buys; the first row is the current rates.
    pub sensitivity: Vec<SensitivityRow>,
}

/// The sensitivity table: c and s raised by each of [`SENSITIVITY_STEPS`] (capped at 1),
/// without repeating a capped combination.
pub fn sensitivity(i: &Inputs) -> Vec<SensitivityRow> {
    let base = lost(i).total;
    let mut rows: Vec<SensitivityRow> = Vec::new();
    for dc in SENSITIVITY_STEPS {
        for ds in SENSITIVITY_STEPS {
            let c = (i.complaint_rate + dc / 100.0).min(1.0_f64.max(i.complaint_rate));
            let s = (i.resolution_rate + ds / 100.0).min(1.0_f64.max(i.resolution_rate));
            if rows.iter().any(|r| r.complaint_rate == c && r.resolution_rate == s) {
                continue;
            }
            let x = Inputs { complaint_rate: c, resolution_rate: s, ..*i };
            let l = lost(&x).total;
            rows.push(SensitivityRow {
                complaint_rate: c,
                resolution_rate: s,
                lost: l,
                revenue_at_risk: l * i.value,
                customers_kept: base - l,
                revenue_kept: (base - l) * i.value,
                word_of_mouth_loss: word_of_mouth(&x).map(|w| w.loss),
            });
        }
    }
    rows
}

/// Analyse the market damage section.
pub fn analyse(m: &MarketDamage) -> MarketDamageResult {
    let i = Inputs::from(m);
    let l = lost(&i);
    MarketDamageResult {
        period: m.period.clone(),
        currency: m.currency.clone(),
        customers_with_problem: i.customers_with_problem,
        complaint_rate: i.complaint_rate,
        resolution_rate: i.resolution_rate,
        repurchase: [i.l_nc, i.l_cu, i.l_cs],
        value_per_customer: i.value,
        lost: l,
        lost_share: (i.customers_with_problem > 0.0).then(|| l.total / i.customers_with_problem),
        revenue_at_risk: l.total * i.value,
        word_of_mouth: word_of_mouth(&i),
        method: METHOD,
        sensitivity_steps_pp: SENSITIVITY_STEPS,
        sensitivity: sensitivity(&i),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// METHODS §4: N_p = 1000, c = 0.04, s = 0.5, 9/19/54 % → lost = 899.
    fn worked() -> Inputs {
        Inputs {
            customers_with_problem: 1000.0,
            complaint_rate: 0.04,
            resolution_rate: 0.5,
            l_nc: 0.09,
            l_cu: 0.19,
            l_cs: 0.54,
            value: 420.0,
            word_of_mouth: Some((10.0, 0.05)),
        }
    }

    #[test]
    fn worked_example() {
        let l = lost(&worked());
        assert!((l.total - 899.0).abs() < 0.5, "{l:?}");
        // by hand: 960·0.91 = 873.6; 20·0.81 = 16.2; 20·0.46 = 9.2
        assert!((l.not_complained - 873.6).abs() < 1e-9);
        assert!((l.complained_unresolved - 16.2).abs() < 1e-9);
        assert!((l.complained_resolved - 9.2).abs() < 1e-9);
        assert!((l.total - 899.0).abs() < 1e-9);
    }

    #[test]
    fn word_of_mouth_by_hand() {
        // unhappy = 1000·(0.96 + 0.02) = 980; reach 9800; deterred 490; loss 490·420
        let w = word_of_mouth(&worked()).unwrap();
        assert!((w.unhappy - 980.0).abs() < 1e-9);
        assert!((w.reach - 9800.0).abs() < 1e-9);
        assert!((w.deterred - 490.0).abs() < 1e-9);
        assert!((w.loss - 205_800.0).abs() < 1e-6);
        assert_eq!(word_of_mouth(&Inputs { word_of_mouth: None, ..worked() }), None);
    }

    #[test]
    fn sensitivity_rows_and_levers() {
        let rows = sensitivity(&worked());
        assert_eq!(rows.len(), 9);
        assert_eq!((rows[0].complaint_rate, rows[0].resolution_rate), (0.04, 0.5));
        assert!(rows[0].customers_kept.abs() < 1e-9);
        // c = 0.24, s = 0.7: 760·0.91 + 240·0.3·0.81 + 240·0.7·0.46 = 691.6 + 58.32 + 77.28
        let last = rows[8];
        assert!((last.complaint_rate - 0.24).abs() < 1e-12);
        assert!((last.lost - 827.2).abs() < 1e-9);
        assert!((last.customers_kept - 71.8).abs() < 1e-9);
        assert!((last.revenue_kept - 71.8 * 420.0).abs() < 1e-6);
        // raising either lever never loses customers with these rates
        assert!(rows.iter().all(|r| r.customers_kept >= -1e-9));
    }

    #[test]
    fn capped_levers_do_not_repeat_rows() {
        let i = Inputs { complaint_rate: 0.95, resolution_rate: 1.0, ..worked() };
        let rows = sensitivity(&i);
        // c: 0.95, 1.0 (capped twice); s: 1.0 only
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].complaint_rate, 1.0);
        // nobody with a problem: nothing lost, no share
        let r = analyse(&MarketDamage {
            period: None,
            customers_with_problem: 0.0,
            complaint_rate: 0.1,
            resolution_rate: 0.5,
            repurchase: crate::model::Repurchase {
                not_complained: 0.5,
                complained_unresolved: 0.5,
                complained_resolved: 0.9,
            },
            value_per_customer: 100.0,
            currency: None,
            word_of_mouth: None,
        });
        assert_eq!((r.lost.total, r.lost_share, r.revenue_at_risk), (0.0, None, 0.0));
    }
}
