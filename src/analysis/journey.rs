//! Journeys and the peak–end rule (METHODS §5).
//!
//! Source: Kahneman, Fredrickson, Schreiber & Redelmeier 1993 ("When more pain is preferred
//! to less: adding a better end"); Chase & Dasu 2001 ("Want to perfect your company's
//! service? Use behavioral science", HBR). For the emotion scores e_1..e_n of a journey on
//! the workshop's declared scale: average line = mean(e); valleys = local minima that are
//! the lowest step or lie more than one standard deviation below the mean; peak = max;
//! end = e_n; peak–end estimate = (max e + e_n) / 2, and for a painful episode
//! (min e + e_n) / 2. These are heuristics, as the workshop method presents them, and are
//! labelled so.
//!
//! Also per journey: which of the five kinds of key touchpoint (5类关键触点) its steps
//! cover and which are missing, and a Mermaid `journey` diagram (scores 1–5, mapped
//! linearly from the declared scale).
//!
//! Input: a [`Journey`] of the model and the declared emotion [`Scale`]. Output:
//! [`JourneyResult`], serialisable. No I/O.
//!
//! Choices: the standard deviation is the population one (divided by n), as the emotion
//! chart has always drawn it; non-finite scores count as missing (they cannot pass `kano
//! check`, but no input makes these functions panic); with every score equal there is no
//! peak step and no valley (the value of the peak is still reported).

use serde::Serialize;

use crate::model::{Journey, Language, Scale, TouchpointKind};

/// The key moments of a journey, by step index.
#[derive(Debug, Clone, PartialEq)]
pub struct Moments {
    /// Mean of the scores: the average line.
    pub mean: f64,
    /// The steps at the highest score; none when every score is the same.
    pub peaks: Vec<usize>,
    /// The valleys: steps no higher than their neighbours (local minima) that are the
    /// lowest step or lie more than one standard deviation below the mean; none when every
    /// score is the same.
    pub valleys: Vec<usize>,
    /// The last step with a score.
    pub end: usize,
    /// Peak–end estimate of the remembered experience: (highest + end) / 2.
    pub peak_end: f64,
}

/// The finite scores with their step index.
fn known(scores: &[f64]) -> Vec<(usize, f64)> {
    scores.iter().copied().enumerate().filter(|(_, v)| v.is_finite()).collect()
}

/// Population standard deviation of the finite scores; `None` when there are none.
pub fn population_sd(scores: &[f64]) -> Option<f64> {
    let known = known(scores);
    if known.is_empty() {
        return None;
    }
    let count = known.len() as f64;
    let mean = known.iter().map(|(_, v)| v).sum::<f64>() / count;
    Some((known.iter().map(|(_, v)| (v - mean).powi(2)).sum::<f64>() / count).sqrt())
}

/// The key moments of the scores of a journey's steps (METHODS §5). Non-finite scores are
/// treated as missing; `None` when no score is finite.
pub fn moments(scores: &[f64]) -> Option<Moments> {
    let known = known(scores);
    let &(end, last) = known.last()?;
    let count = known.len() as f64;
    let mean = known.iter().map(|(_, v)| v).sum::<f64>() / count;
    let sd = (known.iter().map(|(_, v)| (v - mean).powi(2)).sum::<f64>() / count).sqrt();
    let max = known.iter().map(|(_, v)| *v).fold(f64::NEG_INFINITY, f64::max);
    let min = known.iter().map(|(_, v)| *v).fold(f64::INFINITY, f64::min);
    let flat = max - min <= f64::EPSILON * max.abs().max(1.0);
    let (mut peaks, mut valleys) = (Vec::new(), Vec::new());
    if !flat {
        for (k, &(i, v)) in known.iter().enumerate() {
            if v == max {
                peaks.push(i);
            }
            let before = k.checked_sub(1).and_then(|k| known.get(k));
            let after = known.get(k + 1);
            let local_min =
                before.is_none_or(|&(_, b)| v <= b) && after.is_none_or(|&(_, a)| v <= a);
            if local_min && (v == min || v < mean - sd) {
                valleys.push(i);
            }
        }
    }
    Some(Moments { mean, peaks, valleys, end, peak_end: (max + last) / 2.0 })
}

/// The method label every journey carries.
pub const METHOD: &str = "peak–end heuristics (Kahneman et al. 1993; Chase & Dasu 2001): \
     average = mean of the step scores; valleys = local minima that are the lowest step or \
     below mean − 1 SD (population SD); peak = highest score; end = last step; \
     peak–end = (peak + end) / 2; trough–end = (lowest + end) / 2 for a painful episode";

/// One step as the analysis reports it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepResult {
    /// Step id.
    pub id: String,
    /// What the customer does.
    pub name: String,
    /// The emotion score.
    pub emotion: f64,
    /// The key-touchpoint kinds (English keys).
    pub kinds: Vec<TouchpointKind>,
    /// Is it a peak step?
    pub peak: bool,
    /// Is it a valley?
    pub valley: bool,
    /// Is it the end step?
    pub end: bool,
}

/// A score and the steps that have it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extreme {
    /// The score.
    pub value: f64,
    /// The step ids at that score (empty for a flat journey's peak).
    pub steps: Vec<String>,
}

/// The end step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndStep {
    /// Its id.
    pub step: String,
    /// Its score.
    pub value: f64,
}

/// A kind of key touchpoint and the steps that are of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCoverage {
    /// The kind's English key.
    pub kind: TouchpointKind,
    /// Its name in the report language.
    pub label: &'static str,
    /// The step ids of that kind (empty when missing).
    pub steps: Vec<String>,
}

/// Which of the five kinds of key touchpoint the journey covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Kinds with at least one step, in the method's order.
    pub covered: Vec<KindCoverage>,
    /// Kinds no step is marked with.
    pub missing: Vec<KindCoverage>,
}

/// The analysis of one journey.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JourneyResult {
    /// The group's id.
    pub group: String,
    /// The group's name.
    pub group_name: String,
    /// The journey's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The customer (persona), if given.
    pub customer: Option<String>,
    /// The declared emotion scale.
    pub scale: Scale,
    /// The steps with their moments marked.
    pub steps: Vec<StepResult>,
    /// The average line: mean of the scores; `null` without steps.
    pub average: Option<f64>,
    /// Population standard deviation of the scores.
    pub sd: Option<f64>,
    /// The highest score and its steps.
    pub peak: Option<Extreme>,
    /// The lowest score and its steps.
    pub lowest: Option<Extreme>,
    /// The valley steps' ids.
    pub valleys: Vec<String>,
    /// The last step.
    pub end: Option<EndStep>,
    /// (peak + end) / 2.
    pub peak_end: Option<f64>,
    /// (lowest + end) / 2, the estimate for a painful episode.
    pub trough_end: Option<f64>,
    /// The key moments by step index, for drawing the emotion curve; not part of the JSON
    /// contract (the fields above carry them by step id).
    #[serde(skip)]
    pub moments: Option<Moments>,
    /// The method label.
    pub method: &'static str,
    /// Key-touchpoint coverage.
    pub coverage: Coverage,
    /// The journey as Mermaid `journey` text.
    pub mermaid: String,
}

/// Analyse one journey of group `group_id` (`group_name`) on the emotion `scale`;
/// touchpoint kinds are labelled in `lang`.
pub fn analyse(
    group_id: &str,
    group_name: &str,
    journey: &Journey,
    scale: Scale,
    lang: Language,
) -> JourneyResult {
    let scores: Vec<f64> = journey.steps.iter().map(|s| s.emotion).collect();
    let m = moments(&scores);
    let step_ids = |idx: &[usize]| -> Vec<String> {
        idx.iter().filter_map(|&i| journey.steps.get(i)).map(|s| s.id.clone()).collect()
    };
    let finite: Vec<f64> = scores.iter().copied().filter(|v| v.is_finite()).collect();
    let max =
        finite.iter().copied().fold(None, |a: Option<f64>, v| Some(a.map_or(v, |a| a.max(v))));
    let min =
        finite.iter().copied().fold(None, |a: Option<f64>, v| Some(a.map_or(v, |a| a.min(v))));
    let steps = journey
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| StepResult {
            id: s.id.clone(),
            name: s.name.clone(),
            emotion: s.emotion,
            kinds: s.kinds.clone(),
            peak: m.as_ref().is_some_and(|m| m.peaks.contains(&i)),
            valley: m.as_ref().is_some_and(|m| m.valleys.contains(&i)),
            end: m.as_ref().is_some_and(|m| m.end == i),
        })
        .collect();
    let lowest_steps: Vec<usize> = match (&m, min) {
        (Some(m), Some(lo)) if !m.peaks.is_empty() => {
            scores.iter().enumerate().filter(|(_, v)| **v == lo).map(|(i, _)| i).collect()
        }
        _ => Vec::new(),
    };
    let end = m.as_ref().and_then(|m| {
        journey.steps.get(m.end).map(|s| EndStep { step: s.id.clone(), value: s.emotion })
    });
    JourneyResult {
        group: group_id.to_owned(),
        group_name: group_name.to_owned(),
        id: journey.id.clone(),
        name: journey.name.clone(),
        customer: journey.customer.clone(),
        scale,
        steps,
        average: m.as_ref().map(|m| m.mean),
        sd: population_sd(&scores),
        peak: max.map(|value| Extreme {
            value,
            steps: m.as_ref().map(|m| step_ids(&m.peaks)).unwrap_or_default(),
        }),
        lowest: min.map(|value| Extreme { value, steps: step_ids(&lowest_steps) }),
        valleys: m.as_ref().map(|m| step_ids(&m.valleys)).unwrap_or_default(),
        peak_end: m.as_ref().map(|m| m.peak_end),
        moments: m.clone(),
        trough_end: match (min, &end) {
            (Some(lo), Some(e)) => Some((lo + e.value) / 2.0),
            _ => None,
        },
        end,
        method: METHOD,
        coverage: coverage(journey, lang),
        mermaid: mermaid(group_name, journey, scale),
    }
}

/// Which of the five kinds of key touchpoint the steps of `journey` are marked with.
pub fn coverage(journey: &Journey, lang: Language) -> Coverage {
    let (mut covered, mut missing) = (Vec::new(), Vec::new());
    for &kind in TouchpointKind::ALL {
        let steps: Vec<String> = journey
            .steps
            .iter()
            .filter(|s| s.kinds.contains(&kind))
            .map(|s| s.id.clone())
            .collect();
        let entry = KindCoverage { kind, label: kind.label(lang), steps };
        if entry.steps.is_empty() {
            missing.push(entry);
        } else {
            covered.push(entry);
        }
    }
    Coverage { covered, missing }
}

/// A score on `scale` mapped linearly onto Mermaid's 1–5 and rounded (half away from zero);
/// the scale's ends map to 1 and 5. Values off the scale are clamped; an empty scale or a
/// non-finite value gives 3.
pub fn mermaid_score(v: f64, scale: Scale) -> u8 {
    let span = scale.max - scale.min;
    if !(span > 0.0 && v.is_finite()) {
        return 3;
    }
    let x = (1.0 + 4.0 * (v - scale.min) / span).round().clamp(1.0, 5.0);
    // x is a whole number from 1 to 5
    x as u8
}

/// Text safe inside a Mermaid journey line: no line breaks, no `:` (it separates the
/// fields), no `#` or `;` (comment and entity syntax).
fn mermaid_text(s: &str) -> String {
    let t: String = s
        .chars()
        .map(|c| match c {
            ':' => '：',
            '#' | ';' => ' ',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() { "-".to_owned() } else { t }
}

/// The journey as Mermaid `journey` text: a title, one section named after the group, one
/// task per step with its score on 1–5 and the touchpoint's parts as actors.
pub fn mermaid(group_name: &str, journey: &Journey, scale: Scale) -> String {
    let mut out = String::from("journey\n");
    out.push_str(&format!("    title {}\n", mermaid_text(&journey.name)));
    out.push_str(&format!("    section {}\n", mermaid_text(group_name)));
    for s in &journey.steps {
        let actors: Vec<String> = s
            .touchpoint
            .as_deref()
            .unwrap_or("")
            .split([',', '，', '、', '/', ';', '；'])
            .map(mermaid_text)
            .filter(|a| a != "-")
            .collect();
        let score = mermaid_score(s.emotion, scale);
        if actors.is_empty() {
            out.push_str(&format!("      {}: {score}\n", mermaid_text(&s.name)));
        } else {
            out.push_str(&format!(
                "      {}: {score}: {}\n",
                mermaid_text(&s.name),
                actors.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Step;

    #[test]
    fn moments_follow_the_peak_end_method() {
        // a hospital visit of ten steps on −5..5
        let scores = [2.0, -3.0, -1.0, 1.0, -4.0, 4.0, -2.0, -1.0, 2.0, 3.0];
        let m = moments(&scores).unwrap();
        assert!((m.mean - 0.1).abs() < 1e-9);
        assert_eq!(m.peaks, vec![5]);
        // −3 and −4 are local minima below mean − SD (≈ −2.5); −2 is a local minimum above it
        assert_eq!(m.valleys, vec![1, 4]);
        assert_eq!(m.end, 9);
        assert!((m.peak_end - 3.5).abs() < 1e-9);

        let flat = moments(&[2.0, 2.0, 2.0]).unwrap();
        assert!(flat.peaks.is_empty() && flat.valleys.is_empty());
        assert_eq!((flat.end, flat.mean), (2, 2.0));

        // ties are all peaks; a missing score is skipped, also as a neighbour
        let gaps = moments(&[3.0, f64::NAN, -1.0, 3.0, f64::NAN]).unwrap();
        assert_eq!(gaps.peaks, vec![0, 3]);
        assert_eq!(gaps.valleys, vec![2]);
        assert_eq!(gaps.end, 3);
        assert!((gaps.mean - 5.0 / 3.0).abs() < 1e-9);

        assert_eq!(moments(&[]), None);
        assert_eq!(moments(&[f64::NAN, f64::INFINITY]), None);
    }

    fn step(id: &str, emotion: f64, kinds: &[TouchpointKind]) -> Step {
        Step {
            id: id.into(),
            name: format!("step {id}"),
            emotion,
            touchpoint: Some("Desk, agent".into()),
            kinds: kinds.to_vec(),
            pain_points: Vec::new(),
        }
    }

    fn journey(scores: &[f64]) -> Journey {
        Journey {
            id: "j1".into(),
            name: "Check-in: early".into(),
            customer: None,
            steps: scores
                .iter()
                .enumerate()
                .map(|(i, &e)| step(&format!("s{}", i + 1), e, &[]))
                .collect(),
            proposals: Vec::new(),
        }
    }

    const EMOTION: Scale = Scale { min: -3.0, max: 3.0 };

    #[test]
    fn moments_worked_by_hand() {
        // 1, −1, −3, −1, 1, −2, 2: mean −3/7, population SD √(120/49)/… computed below.
        let s = [1.0, -1.0, -3.0, -1.0, 1.0, -2.0, 2.0];
        let m = moments(&s).unwrap();
        let mean = -3.0 / 7.0;
        assert!((m.mean - mean).abs() < 1e-12);
        let sd = (s.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 7.0).sqrt();
        assert!((population_sd(&s).unwrap() - sd).abs() < 1e-12);
        // sd ≈ 1.678, mean − sd ≈ −2.11: −3 is the lowest (valley); −2 is a local minimum
        // but not below −2.11, so not a valley.
        assert_eq!(m.valleys, vec![2]);
        assert_eq!(m.peaks, vec![6]);
        assert_eq!(m.end, 6);
        assert!((m.peak_end - 2.0).abs() < 1e-12);
    }

    #[test]
    fn journey_result_and_painful_estimate() {
        let j = journey(&[1.0, -1.0, -3.0, -1.0, 1.0, -2.0, 2.0]);
        let r = analyse("g1", "Team", &j, EMOTION, Language::En);
        assert_eq!(r.peak.as_ref().unwrap().steps, vec!["s7"]);
        assert_eq!(r.lowest.as_ref().unwrap().value, -3.0);
        assert_eq!(r.valleys, vec!["s3"]);
        assert_eq!(r.end, Some(EndStep { step: "s7".into(), value: 2.0 }));
        assert_eq!(r.peak_end, Some(2.0));
        assert_eq!(r.trough_end, Some(-0.5));
        assert!(r.steps[2].valley && r.steps[6].peak && r.steps[6].end);
    }

    #[test]
    fn empty_and_single_step_journeys() {
        let r = analyse("g1", "Team", &journey(&[]), EMOTION, Language::En);
        assert_eq!(r.average, None);
        assert_eq!(r.peak, None);
        assert_eq!(r.end, None);
        assert_eq!(r.peak_end, None);
        assert!(r.valleys.is_empty());
        assert_eq!(r.coverage.missing.len(), 5);
        assert_eq!(r.mermaid, "journey\n    title Check-in： early\n    section Team\n");

        let r = analyse("g1", "Team", &journey(&[-2.0]), EMOTION, Language::En);
        assert_eq!(r.average, Some(-2.0));
        assert_eq!(r.sd, Some(0.0));
        // one step: flat, so no peak step, no valley; the end is that step
        assert_eq!(r.peak, Some(Extreme { value: -2.0, steps: vec![] }));
        assert!(r.valleys.is_empty());
        assert_eq!(r.peak_end, Some(-2.0));
        assert_eq!(r.trough_end, Some(-2.0));
    }

    #[test]
    fn coverage_lists_covered_and_missing_kinds() {
        let mut j = journey(&[1.0, -2.0, 2.0]);
        j.steps[0].kinds = vec![TouchpointKind::First];
        j.steps[1].kinds = vec![TouchpointKind::Complaint, TouchpointKind::HighPerception];
        j.steps[2].kinds = vec![TouchpointKind::End, TouchpointKind::HighPerception];
        let c = coverage(&j, Language::ZhCn);
        let covered: Vec<_> = c.covered.iter().map(|k| (k.kind, k.steps.clone())).collect();
        assert_eq!(
            covered,
            vec![
                (TouchpointKind::First, vec!["s1".to_owned()]),
                (TouchpointKind::Complaint, vec!["s2".to_owned()]),
                (TouchpointKind::HighPerception, vec!["s2".to_owned(), "s3".to_owned()]),
                (TouchpointKind::End, vec!["s3".to_owned()]),
            ]
        );
        assert_eq!(c.missing.len(), 1);
        assert_eq!(c.missing[0].kind, TouchpointKind::HighFrequency);
        assert_eq!(c.missing[0].label, "高频触点");
    }

    #[test]
    fn mermaid_scores_and_text() {
        assert_eq!(mermaid_score(-3.0, EMOTION), 1);
        assert_eq!(mermaid_score(0.0, EMOTION), 3);
        assert_eq!(mermaid_score(3.0, EMOTION), 5);
        assert_eq!(mermaid_score(1.0, EMOTION), 4); // 1 + 4·4/6 = 3.67
        assert_eq!(mermaid_score(-2.0, EMOTION), 2); // 1.67
        assert_eq!(mermaid_score(9.0, EMOTION), 5);
        assert_eq!(mermaid_score(f64::NAN, EMOTION), 3);
        assert_eq!(mermaid_score(1.0, Scale { min: 2.0, max: 2.0 }), 3);
        let five = Scale { min: 1.0, max: 5.0 };
        for v in 1..=5 {
            assert_eq!(mermaid_score(f64::from(v), five), v as u8);
        }
        let mut j = journey(&[1.0, -3.0]);
        j.steps[1].touchpoint = Some("网点门口、大堂经理".into());
        j.steps[0].name = "Queue; wait #1".into();
        let text = mermaid("第一组", &j, EMOTION);
        assert_eq!(
            text,
            "journey\n    title Check-in： early\n    section 第一组\n      \
             Queue wait 1: 4: Desk, agent\n      step s2: 1: 网点门口, 大堂经理\n"
        );
    }
}
