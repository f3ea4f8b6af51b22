//! Group competition (分组PK): totals per group on the facilitator's rubric, ranked, ties
//! shown.
//!
//! Source: the course method (DOMAIN.md, "Workshop mechanics"): groups present their
//! outputs and the facilitator scores them on a rubric. Total = the sum of a group's
//! criterion scores (a criterion left unscored counts 0 and is listed as missing); the
//! maximum is the sum of the criteria's maxima. Groups are ranked by total, highest first;
//! equal totals share a rank (competition ranking 1, 2, 2, 4) and are marked tied, in the
//! order the scores were typed.
//!
//! Input: the workshop's `pk` section and group names. Output: [`PkResult`] per scored
//! group, best first. No I/O.

use serde::Serialize;

use super::stats::{competition_ranks, rank_key};
use crate::model::{Group, GroupPk};

/// The method label.
pub const METHOD: &str = "total = sum of the rubric scores (unscored criteria count 0); ranked by total, ties share a rank";

/// One criterion's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// Criterion id.
    pub criterion: String,
    /// Its name.
    pub name: String,
    /// The score; `null` when not scored.
    pub score: Option<f64>,
    /// Its maximum.
    pub max: f64,
}

/// One group's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PkResult {
    /// Rank, 1 = best; tied groups share it.
    pub rank: usize,
    /// Whether another group has the same total.
    pub tied: bool,
    /// Group id.
    pub group: String,
    /// Group name (the id when the group is not found).
    pub name: String,
    /// Sum of the scores.
    pub total: f64,
    /// Sum of the criteria's maxima.
    pub max_total: f64,
    /// total / max_total in %; `null` when max_total is 0.
    pub percent: Option<f64>,
    /// Scores per criterion, in rubric order.
    pub scores: Vec<CriterionScore>,
    /// Criteria the group has no score for.
    pub missing: Vec<String>,
    /// The facilitator's comment.
    pub comment: Option<String>,
    /// The method label.
    pub method: &'static str,
}

/// Rank the groups of `pk`; `groups` give the names.
pub fn rank(pk: &GroupPk, groups: &[Group]) -> Vec<PkResult> {
    let max_total: f64 = pk.criteria.iter().map(|c| c.max).sum();
    let mut out: Vec<PkResult> = pk
        .scores
        .iter()
        .map(|s| {
            let scores: Vec<CriterionScore> = pk
                .criteria
                .iter()
                .map(|c| CriterionScore {
                    criterion: c.id.clone(),
                    name: c.name.clone(),
                    score: s.scores.get(&c.id).copied(),
                    max: c.max,
                })
                .collect();
            let total: f64 = scores.iter().filter_map(|c| c.score).sum();
            PkResult {
                rank: 0,
                tied: false,
                group: s.group.clone(),
                name: groups
                    .iter()
                    .find(|g| g.id == s.group)
                    .map_or_else(|| s.group.clone(), |g| g.name.clone()),
                total,
                max_total,
                percent: (max_total > 0.0).then(|| 100.0 * total / max_total),
                missing: scores
                    .iter()
                    .filter(|c| c.score.is_none())
                    .map(|c| c.criterion.clone())
                    .collect(),
                scores,
                comment: s.comment.clone(),
                method: METHOD,
            }
        })
        .collect();
    out.sort_by(|a, b| rank_key(b.total).total_cmp(&rank_key(a.total)));
    let ranks = competition_ranks(&out, |a, b| rank_key(a.total) == rank_key(b.total));
    for (r, (rank, tied)) in out.iter_mut().zip(ranks) {
        r.rank = rank;
        r.tied = tied;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PkCriterion, PkScore};
    use std::collections::BTreeMap;

    fn pk(scores: &[(&str, &[(&str, f64)])]) -> GroupPk {
        GroupPk {
            criteria: vec![
                PkCriterion { id: "c1".into(), name: "内容完整性".into(), max: 30.0 },
                PkCriterion { id: "c2".into(), name: "方案创新性".into(), max: 25.0 },
            ],
            scores: scores
                .iter()
                .map(|(g, s)| PkScore {
                    group: (*g).into(),
                    scores: s
                        .iter()
                        .map(|(k, v)| ((*k).to_owned(), *v))
                        .collect::<BTreeMap<_, _>>(),
                    comment: None,
                })
                .collect(),
        }
    }

    #[test]
    fn totals_ranked_with_ties() {
        let p = pk(&[
            ("g1", &[("c1", 27.0), ("c2", 20.0)]),
            ("g2", &[("c1", 26.0), ("c2", 18.0)]),
            ("g3", &[("c1", 29.0), ("c2", 18.0)]),
            ("g4", &[("c1", 30.0), ("c2", 24.0)]),
        ]);
        let r = rank(&p, &[]);
        let got: Vec<(&str, f64, usize, bool)> =
            r.iter().map(|x| (x.group.as_str(), x.total, x.rank, x.tied)).collect();
        assert_eq!(
            got,
            [
                ("g4", 54.0, 1, false),
                ("g1", 47.0, 2, true),
                ("g3", 47.0, 2, true),
                ("g2", 44.0, 4, false)
            ]
        );
        assert_eq!(r[0].max_total, 55.0);
        assert!((r[0].percent.unwrap() - 100.0 * 54.0 / 55.0).abs() < 1e-12);
        assert_eq!(r[0].name, "g4");
    }

    #[test]
    fn missing_scores_count_zero_and_are_listed() {
        let p = pk(&[("g1", &[("c1", 20.0)])]);
        let r = rank(&p, &[]);
        assert_eq!(r[0].total, 20.0);
        assert_eq!(r[0].missing, ["c2"]);
        assert_eq!(r[0].scores[1].score, None);
        assert!(!r[0].tied);
        let empty = GroupPk { criteria: Vec::new(), scores: Vec::new() };
        assert!(rank(&empty, &[]).is_empty());
        let no_rubric = GroupPk { criteria: Vec::new(), scores: pk(&[("g1", &[])]).scores };
        assert_eq!(rank(&no_rubric, &[])[0].percent, None);
    }
}
