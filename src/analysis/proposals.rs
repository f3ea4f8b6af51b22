//! Three-degree evaluation of MOT proposals (方案3度评价, METHODS §6).
//!
//! Source: the course method (DOMAIN.md, lecture 3). Each proposal is scored by its group
//! on service professionalism (服务专业度), ease of investment (投入难易度, higher = easier
//! or cheaper) and customer-perceived satisfaction (客户满意感知度), each on the declared
//! proposal scale (default 1–5). The rule stated by METHODS ranks them: the mean of the
//! three, ties broken by perception; proposals equal on both share a rank (competition
//! ranking 1, 2, 2, 4) and are marked tied. On the ease (x) × perception (y) plot, with
//! professionalism as the point size, "quick wins" are the top-right: here, ease and
//! perception both strictly above the middle of the scale (a middle score is not high).
//!
//! Input: the proposals of every group's journeys. Output: [`ProposalResult`]s, best first,
//! each with its overall rank and its rank within the group. No I/O.

use serde::Serialize;

use super::stats::{competition_ranks, rank_key};
use crate::model::{Group, Move, Phase, Scale};

/// The method label.
pub const METHOD: &str = "three-degree evaluation (方案3度评价): score = mean of professionalism, \
     ease and perception; ranked by score, ties by perception; quick win = ease and perception \
     both above the scale's midpoint";

/// One ranked proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProposalResult {
    /// Overall rank (1 = best); tied proposals share it.
    pub rank: usize,
    /// Whether another proposal has the same score and perception.
    pub tied: bool,
    /// Rank within its group.
    pub group_rank: usize,
    /// The group's id.
    pub group: String,
    /// The journey's id.
    pub journey: String,
    /// The proposal's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The move: raise-average, fill-valley or lift-peak.
    #[serde(rename = "type")]
    pub kind: Move,
    /// For fill-valley: before, during or after.
    pub phase: Option<Phase>,
    /// The step it acts on.
    pub step: String,
    /// The step's name, when the step is found in the journey.
    pub step_name: Option<String>,
    /// Service professionalism.
    pub professionalism: f64,
    /// Ease of investment.
    pub ease: f64,
    /// Customer-perceived satisfaction.
    pub perception: f64,
    /// Mean of the three.
    pub score: f64,
    /// Ease and perception both above the scale's midpoint.
    pub quick_win: bool,
    /// The method label.
    pub method: &'static str,
}

/// The mean of the three degrees.
pub fn score(professionalism: f64, ease: f64, perception: f64) -> f64 {
    (professionalism + ease + perception) / 3.0
}

/// Is a proposal a quick win on `scale`?
pub fn quick_win(ease: f64, perception: f64, scale: Scale) -> bool {
    let mid = (scale.min + scale.max) / 2.0;
    ease > mid && perception > mid
}

/// Every proposal of `groups`, ranked by the stated rule.
pub fn rank(groups: &[Group], scale: Scale) -> Vec<ProposalResult> {
    let mut all: Vec<ProposalResult> = Vec::new();
    for g in groups {
        for j in &g.journeys {
            for p in &j.proposals {
                let s = p.scores;
                all.push(ProposalResult {
                    rank: 0,
                    tied: false,
                    group_rank: 0,
                    group: g.id.clone(),
                    journey: j.id.clone(),
                    id: p.id.clone(),
                    title: p.title.clone(),
                    kind: p.kind,
                    phase: p.phase,
                    step: p.step.clone(),
                    step_name: j.steps.iter().find(|st| st.id == p.step).map(|st| st.name.clone()),
                    professionalism: s.professionalism,
                    ease: s.ease,
                    perception: s.perception,
                    score: score(s.professionalism, s.ease, s.perception),
                    quick_win: quick_win(s.ease, s.perception, scale),
                    method: METHOD,
                });
            }
        }
    }
    // best first; a stable sort keeps the file order among ties
    let key = |p: &ProposalResult| (rank_key(p.score), rank_key(p.perception));
    all.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.total_cmp(&ka.0).then(kb.1.total_cmp(&ka.1))
    });
    let same = |a: &ProposalResult, b: &ProposalResult| key(a) == key(b);
    let ranks = competition_ranks(&all, same);
    for (p, (r, tied)) in all.iter_mut().zip(ranks) {
        p.rank = r;
        p.tied = tied;
    }
    // rank within each group, in the same order
    let group_ids: Vec<String> = groups.iter().map(|g| g.id.clone()).collect();
    for gid in group_ids {
        let idx: Vec<usize> = (0..all.len()).filter(|&i| all[i].group == gid).collect();
        let members: Vec<&ProposalResult> = idx.iter().map(|&i| &all[i]).collect();
        let ranks = competition_ranks(&members, |a, b| same(a, b));
        for (&i, (r, _)) in idx.iter().zip(ranks) {
            all[i].group_rank = r;
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Journey, Proposal, Step, ThreeDegree};

    const FIVE: Scale = Scale { min: 1.0, max: 5.0 };

    fn proposal(id: &str, p: f64, e: f64, s: f64) -> Proposal {
        Proposal {
            id: id.into(),
            title: format!("proposal {id}"),
            kind: Move::RaiseAverage,
            phase: None,
            step: "s1".into(),
            description: None,
            principles: Vec::new(),
            scores: ThreeDegree { professionalism: p, ease: e, perception: s },
        }
    }

    fn group(id: &str, proposals: Vec<Proposal>) -> Group {
        Group {
            id: id.into(),
            name: id.into(),
            members: Vec::new(),
            scenario: String::new(),
            post_standards: Vec::new(),
            journeys: vec![Journey {
                id: "j1".into(),
                name: "j".into(),
                customer: None,
                steps: vec![Step {
                    id: "s1".into(),
                    name: "Queue".into(),
                    emotion: 0.0,
                    touchpoint: None,
                    kinds: Vec::new(),
                    pain_points: Vec::new(),
                }],
                proposals,
            }],
            measurement_plans: Vec::new(),
            gaps: Vec::new(),
            gap_self_test: Vec::new(),
            summaries: Vec::new(),
        }
    }

    #[test]
    fn ranked_by_mean_then_perception_with_shared_ranks() {
        let groups = [
            group(
                "g1",
                vec![
                    proposal("p1", 4.0, 4.0, 4.0), // 4.0, perception 4
                    proposal("p2", 5.0, 4.0, 5.0), // 4.667
                    proposal("p3", 5.0, 5.0, 2.0), // 4.0, perception 2
                ],
            ),
            group("g2", vec![proposal("p1", 3.0, 5.0, 4.0), proposal("p2", 1.0, 1.0, 1.0)]),
        ];
        let r = rank(&groups, FIVE);
        let order: Vec<(String, String, usize, bool, usize)> = r
            .iter()
            .map(|p| (p.group.clone(), p.id.clone(), p.rank, p.tied, p.group_rank))
            .collect();
        assert_eq!(
            order,
            vec![
                ("g1".into(), "p2".into(), 1, false, 1),
                // g1 p1 and g2 p1: mean 4, perception 4 → tied at 2, file order kept
                ("g1".into(), "p1".into(), 2, true, 2),
                ("g2".into(), "p1".into(), 2, true, 1),
                // same mean, lower perception: ranked after
                ("g1".into(), "p3".into(), 4, false, 3),
                ("g2".into(), "p2".into(), 5, false, 2),
            ]
        );
        assert!((r[0].score - 14.0 / 3.0).abs() < 1e-12);
        assert_eq!(r[0].step_name.as_deref(), Some("Queue"));
    }

    #[test]
    fn quick_wins_are_strictly_top_right() {
        assert!(quick_win(4.0, 4.0, FIVE));
        assert!(!quick_win(3.0, 5.0, FIVE)); // the middle is not high
        assert!(!quick_win(5.0, 2.0, FIVE));
        let r = rank(&[group("g1", vec![proposal("p1", 1.0, 5.0, 5.0)])], FIVE);
        assert!(r[0].quick_win);
        assert_eq!(r[0].rank, 1);
        assert!(!r[0].tied);
        assert!(rank(&[], FIVE).is_empty());
    }
}
