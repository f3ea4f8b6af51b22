//! Semantic checks of a loaded workshop: scores on their declared scales, references to
//! steps and groups that exist, unique ids, dates in order, 3-2-1 counts, referenced files
//! present.
//!
//! Input: a deserialised [`Workshop`] (its dates already valid [`Date`]s) and a
//! [`Locate`] that finds the line of a field path. Output: every finding as a
//! [`Diagnostic`]. Pure but for `Path::is_file` on referenced files: it reads no file, and
//! imports only the model and the leaves (how positions are found is the input stage's
//! business).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::{Diagnostic, suggest};
use crate::model::{Date, Group, Locate, Metric, Move, Origin, Scale, Summary321, Workshop};

struct Checker<'a> {
    at: &'a dyn Locate,
    ws: &'a Workshop,
    out: Vec<Diagnostic>,
    /// The workshop's first day.
    start: Date,
}

impl Checker<'_> {
    fn full(origin: &Origin, sub: &str) -> String {
        match (origin.prefix.is_empty(), sub.is_empty()) {
            (true, _) => sub.to_owned(),
            (false, true) => origin.prefix.clone(),
            (false, false) if sub.starts_with('[') => format!("{}{sub}", origin.prefix),
            (false, false) => format!("{}.{sub}", origin.prefix),
        }
    }

    fn error(&mut self, origin: &Origin, sub: &str, msg: impl Into<String>) -> &mut Diagnostic {
        let path = Self::full(origin, sub);
        let pos = self.at.pos(origin.file, &path);
        let file = self.ws.files.get(origin.file).cloned().unwrap_or_default();
        self.out.push(Diagnostic::error(file, pos, path, msg));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn warn(&mut self, origin: &Origin, sub: &str, msg: impl Into<String>) -> &mut Diagnostic {
        let d = self.error(origin, sub, msg);
        d.severity = crate::diag::Severity::Warning;
        d
    }

    fn on_scale(&mut self, origin: &Origin, sub: &str, v: f64, scale: Scale, what: &str) {
        if !scale.contains(v) {
            self.error(
                origin,
                sub,
                format!("{what} {v} is outside its scale {}..{}", scale.min, scale.max),
            )
            .set_hint(format!(
                "use a value from {} to {}, or declare another scale",
                scale.min, scale.max
            ));
        }
    }

    fn share(&mut self, origin: &Origin, sub: &str, v: f64) {
        if !(0.0..=1.0).contains(&v) {
            let hint = if (1.0..=100.0).contains(&v) {
                format!("shares are written between 0 and 1: write {} for {v} %", v / 100.0)
            } else {
                "shares are written between 0 and 1".to_owned()
            };
            self.error(origin, sub, format!("share {v} is not between 0 and 1")).set_hint(hint);
        }
    }

    /// A due date before the workshop is probably a typo.
    fn due(&mut self, origin: &Origin, sub: &str, d: Date) {
        if d < self.start {
            self.warn(origin, sub, format!("due date {d} is before the workshop"))
                .set_hint("check the year and month");
        }
    }

    /// Report ids that repeat; returns the set of ids.
    fn unique<'i>(
        &mut self,
        origin: &Origin,
        ids: impl IntoIterator<Item = (String, &'i str)>,
        what: &str,
    ) -> BTreeSet<String> {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (sub, id) in ids {
            if id.trim().is_empty() {
                self.error(origin, &sub, format!("the {what} id is empty"));
                continue;
            }
            if let Some(first) = seen.get(id) {
                let first = first.clone();
                self.error(origin, &sub, format!("duplicate {what} id `{id}`"))
                    .set_hint(format!("`{id}` is already used at {first}; ids must be unique"));
            } else {
                seen.insert(id, sub);
            }
        }
        seen.into_keys().map(str::to_owned).collect()
    }

    fn reference(
        &mut self,
        origin: &Origin,
        sub: &str,
        id: &str,
        known: &BTreeSet<String>,
        what: &str,
    ) {
        if !known.contains(id) {
            let d = self.error(origin, sub, format!("no {what} with id `{id}`"));
            d.expected = Some(if known.is_empty() {
                format!("a {what} id, but none are defined")
            } else {
                format!(
                    "one of {}",
                    known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
                )
            });
            if let Some(s) = suggest(id, known.iter().map(String::as_str)) {
                d.hint = Some(format!("did you mean `{s}`?"));
            }
        }
    }

    fn file_exists(&mut self, origin: &Origin, sub: &str, rel: &str) {
        let base = self
            .ws
            .files
            .get(origin.file)
            .and_then(|f| Path::new(f).parent().map(Path::to_path_buf))
            .unwrap_or_else(|| self.ws.base_dir.clone());
        if !base.join(rel).is_file() {
            self.error(origin, sub, format!("file `{rel}` not found")).set_hint(format!(
                "paths are relative to the folder of this file ({})",
                base.display()
            ));
        }
    }

    fn summary(&mut self, origin: &Origin, sub: &str, s: &Summary321, groups: &BTreeSet<String>) {
        for (field, n, want) in [("takeaways", s.takeaways.len(), 3), ("tools", s.tools.len(), 2)] {
            if n != want {
                self.warn(
                    origin,
                    &format!("{sub}.{field}"),
                    format!("a 3-2-1 summary has {want} {field}, this one has {n}"),
                )
                .set_hint(format!("write exactly {want}; the report counts what is written"));
            }
        }
        if let Some(g) = &s.group {
            self.reference(origin, &format!("{sub}.group"), g, groups, "group");
        }
        if s.action.owner.trim().is_empty() {
            self.error(origin, &format!("{sub}.action.owner"), "the action has no owner");
        }
        self.due(origin, &format!("{sub}.action.due"), s.action.due);
    }

    fn group(&mut self, g: &Group, origin: &Origin, groups: &BTreeSet<String>) {
        let scales = self.ws.data.scales;
        if g.members.is_empty() {
            self.warn(origin, "id", format!("group `{}` lists no members", g.id))
                .set_hint("add `members: [张三, 李四]`");
        }
        for (i, ps) in g.post_standards.iter().enumerate() {
            if ps.standards.is_empty() {
                self.warn(
                    origin,
                    &format!("post_standards[{i}]"),
                    format!("post `{}` has no standards", ps.post),
                );
            }
        }
        let journey_ids = g
            .journeys
            .iter()
            .enumerate()
            .map(|(i, j)| (format!("journeys[{i}].id"), j.id.as_str()));
        self.unique(origin, journey_ids.collect::<Vec<_>>(), "journey");
        let step_ids: Vec<(String, &str)> = g
            .journeys
            .iter()
            .enumerate()
            .flat_map(|(i, j)| {
                j.steps
                    .iter()
                    .enumerate()
                    .map(move |(k, s)| (format!("journeys[{i}].steps[{k}].id"), s.id.as_str()))
            })
            .collect();
        let steps = self.unique(origin, step_ids, "step");
        let proposal_ids: Vec<(String, &str)> =
            g.journeys
                .iter()
                .enumerate()
                .flat_map(|(i, j)| {
                    j.proposals.iter().enumerate().map(move |(k, p)| {
                        (format!("journeys[{i}].proposals[{k}].id"), p.id.as_str())
                    })
                })
                .collect();
        self.unique(origin, proposal_ids, "proposal");
        for (i, j) in g.journeys.iter().enumerate() {
            if j.steps.len() < 2 {
                self.warn(
                    origin,
                    &format!("journeys[{i}].steps"),
                    format!("journey `{}` has {} step(s)", j.id, j.steps.len()),
                )
                .set_hint("a journey map needs the customer's steps in time order");
            }
            for (k, s) in j.steps.iter().enumerate() {
                self.on_scale(
                    origin,
                    &format!("journeys[{i}].steps[{k}].emotion"),
                    s.emotion,
                    scales.emotion,
                    "emotion score",
                );
            }
            let own: BTreeSet<String> = j.steps.iter().map(|s| s.id.clone()).collect();
            for (k, p) in j.proposals.iter().enumerate() {
                let sub = format!("journeys[{i}].proposals[{k}]");
                self.reference(origin, &format!("{sub}.step"), &p.step, &steps, "step");
                if steps.contains(&p.step) && !own.contains(&p.step) {
                    self.warn(
                        origin,
                        &format!("{sub}.step"),
                        format!("step `{}` belongs to another journey", p.step),
                    );
                }
                match (p.kind, p.phase) {
                    (Move::FillValley, None) => {
                        self.error(
                            origin,
                            &format!("{sub}.type"),
                            "a fill-valley proposal needs a `phase`",
                        )
                        .set_expected(
                            "phase: before (事前控制), during (事中管理) or after (事后补救)",
                        );
                    }
                    (Move::RaiseAverage | Move::LiftPeak, Some(_)) => {
                        self.warn(
                            origin,
                            &format!("{sub}.phase"),
                            "`phase` applies to fill-valley proposals only",
                        );
                    }
                    _ => {}
                }
                if p.kind != Move::LiftPeak && !p.principles.is_empty() {
                    self.warn(
                        origin,
                        &format!("{sub}.principles"),
                        "the four principles apply to lift-peak proposals",
                    );
                }
                for (field, v) in [
                    ("professionalism", p.scores.professionalism),
                    ("ease", p.scores.ease),
                    ("perception", p.scores.perception),
                ] {
                    self.on_scale(
                        origin,
                        &format!("{sub}.scores.{field}"),
                        v,
                        scales.proposal,
                        &format!("{field} score"),
                    );
                }
            }
        }
        for (i, m) in g.measurement_plans.iter().enumerate() {
            let sub = format!("measurement_plans[{i}]");
            self.reference(origin, &format!("{sub}.step"), &m.step, &steps, "step");
            let scale = m.scale.unwrap_or_else(|| m.metric.default_scale());
            if let Some(s) = m.scale {
                self.scale(origin, &format!("{sub}.scale"), s);
                if m.metric == Metric::Nps && (s.min != 0.0 || s.max != 10.0) {
                    self.error(
                        origin,
                        &format!("{sub}.scale"),
                        format!("NPS is asked on 0..10, not {}..{}", s.min, s.max),
                    )
                    .set_hint("leave out `scale` for NPS; promoters answer 9–10, detractors 0–6");
                }
            }
            let mut bad = 0;
            for (k, v) in m.responses.iter().enumerate() {
                if !scale.contains(*v) || (m.metric == Metric::Nps && v.fract() != 0.0) {
                    bad += 1;
                    if bad <= 5 {
                        self.error(
                            origin,
                            &format!("{sub}.responses[{k}]"),
                            format!(
                                "{} answer {v} is outside its scale {}..{}",
                                m.metric.key().to_uppercase(),
                                scale.min,
                                scale.max
                            ),
                        );
                    }
                }
            }
            if bad > 5 {
                self.error(
                    origin,
                    &format!("{sub}.responses"),
                    format!("{} more answers are outside the scale", bad - 5),
                );
            }
            if let Some(f) = &m.responses_file {
                self.file_exists(origin, &format!("{sub}.responses_file"), f);
            }
        }
        for (i, gd) in g.gaps.iter().enumerate() {
            let sub = format!("gaps[{i}]");
            if gd.measures.is_empty() {
                self.warn(origin, &format!("{sub}.measures"), "no measures for this gap");
            }
            self.due(origin, &format!("{sub}.due"), gd.due);
        }
        for (i, t) in g.gap_self_test.iter().enumerate() {
            self.on_scale(
                origin,
                &format!("gap_self_test[{i}].score"),
                t.score,
                scales.self_test,
                "self-test score",
            );
        }
        for (i, s) in g.summaries.iter().enumerate() {
            let sub = format!("summaries[{i}]");
            self.summary(origin, &sub, s, groups);
            if s.group.as_deref().is_some_and(|x| x != g.id) {
                self.warn(
                    origin,
                    &format!("{sub}.group"),
                    format!("this summary is filed under group `{}`", g.id),
                );
            }
        }
    }

    fn scale(&mut self, origin: &Origin, sub: &str, s: Scale) {
        if s.min >= s.max {
            self.error(origin, sub, format!("scale {}..{} is empty", s.min, s.max))
                .set_hint("`min` must be below `max`");
        }
    }

    fn run(&mut self) {
        let ws = self.ws;
        let d = &ws.data;
        let root = Origin { file: 0, prefix: String::new() };
        let s = d.workshop.date;
        if let Some(e) = d.workshop.end_date
            && e < s
        {
            self.error(
                &root,
                "workshop.end_date",
                format!("the workshop ends ({e}) before it starts ({s})"),
            );
        }
        for (name, s) in [
            ("emotion", d.scales.emotion),
            ("proposal", d.scales.proposal),
            ("self_test", d.scales.self_test),
        ] {
            self.scale(&root, &format!("scales.{name}"), s);
        }
        let group_ids: Vec<(String, &str, usize)> = d
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (Self::full(&ws.origins[i], "id"), g.id.as_str(), i))
            .collect();
        let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, id, i) in &group_ids {
            if let Some(first) = seen.get(id) {
                let first_file = ws.files[ws.origins[*first].file].clone();
                self.error(&ws.origins[*i].clone(), "id", format!("duplicate group id `{id}`"))
                    .set_hint(format!("`{id}` is already the id of a group in {first_file}"));
            } else {
                seen.insert(id, *i);
            }
        }
        let groups: BTreeSet<String> = d.groups.iter().map(|g| g.id.clone()).collect();
        if d.groups.is_empty() {
            self.warn(&root, "groups", "the workshop has no groups").set_hint(
                "add groups under `groups:`, or one YAML file per group beside workshop.yaml",
            );
        }
        for (g, o) in d.groups.iter().zip(&ws.origins) {
            self.group(g, o, &groups);
        }
        for (i, s) in d.summaries.iter().enumerate() {
            self.summary(&root, &format!("summaries[{i}]"), s, &groups);
        }
        if let Some(k) = &d.kano {
            let ids = k
                .features
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("kano.features[{i}].id"), f.id.as_str()));
            self.unique(&root, ids.collect::<Vec<_>>(), "feature");
            if let Some(s) = &k.survey {
                self.file_exists(&root, "kano.survey", s);
            }
            for (i, f) in k.features.iter().enumerate() {
                match (&f.counts, &k.survey) {
                    (None, None) => {
                        self.error(&root, &format!("kano.features[{i}]"), format!("feature `{}` has no answers", f.id))
                            .set_hint("give `counts: {A: .., O: .., M: .., I: .., R: .., Q: ..}`, or a survey file under `kano.survey`");
                    }
                    (Some(c), _) if c.total() == 0 => {
                        self.warn(
                            &root,
                            &format!("kano.features[{i}].counts"),
                            "all counts are zero",
                        );
                    }
                    _ => {}
                }
            }
        }
        if let Some(sq) = &d.servqual {
            self.scale(&root, "servqual.scale", sq.scale);
            if sq.items.is_empty()
                && sq.dimensions.is_empty()
                && sq.responses.is_none()
                && sq.zone_of_tolerance.is_empty()
            {
                self.warn(&root, "servqual", "SERVQUAL section without data").set_hint(
                    "give `items`, `dimensions`, `zone_of_tolerance`, or a `responses` file",
                );
            }
            if let Some(r) = &sq.responses {
                self.file_exists(&root, "servqual.responses", r);
            }
            let ids = sq
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| (format!("servqual.items[{i}].id"), it.id.as_str()));
            self.unique(&root, ids.collect::<Vec<_>>(), "item");
            for (i, it) in sq.items.iter().enumerate() {
                self.on_scale(
                    &root,
                    &format!("servqual.items[{i}].expectation"),
                    it.expectation,
                    sq.scale,
                    "expectation",
                );
                self.on_scale(
                    &root,
                    &format!("servqual.items[{i}].perception"),
                    it.perception,
                    sq.scale,
                    "perception",
                );
                if let Some(imp) = it.importance {
                    self.on_scale(
                        &root,
                        &format!("servqual.items[{i}].importance"),
                        imp,
                        sq.scale,
                        "importance",
                    );
                }
                if it.n == 0 {
                    self.error(
                        &root,
                        &format!("servqual.items[{i}].n"),
                        "n is 0: a mean needs respondents",
                    );
                }
            }
            for (i, dm) in sq.dimensions.iter().enumerate() {
                self.on_scale(
                    &root,
                    &format!("servqual.dimensions[{i}].expectation"),
                    dm.expectation,
                    sq.scale,
                    "expectation",
                );
                self.on_scale(
                    &root,
                    &format!("servqual.dimensions[{i}].perception"),
                    dm.perception,
                    sq.scale,
                    "perception",
                );
                if dm.n == 0 {
                    self.error(
                        &root,
                        &format!("servqual.dimensions[{i}].n"),
                        "n is 0: a mean needs respondents",
                    );
                }
            }
            if !sq.weights.is_empty() {
                let sum: f64 = sq.weights.values().sum();
                if (sum - 100.0).abs() > 0.5 {
                    self.error(&root, "servqual.weights", format!("the weights add up to {sum}, not 100"))
                        .set_hint("each respondent shares 100 points over the five dimensions; give their means");
                }
            }
            for (i, z) in sq.zone_of_tolerance.iter().enumerate() {
                let sub = format!("servqual.zone_of_tolerance[{i}]");
                for (f, v) in
                    [("adequate", z.adequate), ("desired", z.desired), ("perceived", z.perceived)]
                {
                    self.on_scale(&root, &format!("{sub}.{f}"), v, sq.scale, f);
                }
                if z.adequate > z.desired {
                    self.error(&root, &format!("{sub}.adequate"), format!(
                        "adequate service ({}) is above desired service ({})", z.adequate, z.desired
                    ))
                    .set_hint("the zone of tolerance runs from adequate (适当服务) up to desired (理想服务)");
                }
            }
        }
        if let Some(m) = &d.market_damage {
            if m.customers_with_problem < 0.0 {
                self.error(
                    &root,
                    "market_damage.customers_with_problem",
                    "a count of customers cannot be negative",
                );
            }
            if m.value_per_customer < 0.0 {
                self.error(
                    &root,
                    "market_damage.value_per_customer",
                    "a value per customer cannot be negative",
                );
            }
            self.share(&root, "market_damage.complaint_rate", m.complaint_rate);
            self.share(&root, "market_damage.resolution_rate", m.resolution_rate);
            self.share(
                &root,
                "market_damage.repurchase.not_complained",
                m.repurchase.not_complained,
            );
            self.share(
                &root,
                "market_damage.repurchase.complained_unresolved",
                m.repurchase.complained_unresolved,
            );
            self.share(
                &root,
                "market_damage.repurchase.complained_resolved",
                m.repurchase.complained_resolved,
            );
            if let Some(w) = &m.word_of_mouth {
                self.share(&root, "market_damage.word_of_mouth.deterred_share", w.deterred_share);
                if w.people_told < 0.0 {
                    self.error(
                        &root,
                        "market_damage.word_of_mouth.people_told",
                        "cannot be negative",
                    );
                }
            }
        }
        if let Some(pk) = &d.pk {
            let ids = pk
                .criteria
                .iter()
                .enumerate()
                .map(|(i, c)| (format!("pk.criteria[{i}].id"), c.id.as_str()));
            let criteria = self.unique(&root, ids.collect::<Vec<_>>(), "criterion");
            for (i, c) in pk.criteria.iter().enumerate() {
                if c.max <= 0.0 {
                    self.error(
                        &root,
                        &format!("pk.criteria[{i}].max"),
                        "the highest score must be above 0",
                    );
                }
            }
            let mut scored = BTreeSet::new();
            for (i, s) in pk.scores.iter().enumerate() {
                let sub = format!("pk.scores[{i}]");
                self.reference(&root, &format!("{sub}.group"), &s.group, &groups, "group");
                if !scored.insert(s.group.clone()) {
                    self.error(
                        &root,
                        &format!("{sub}.group"),
                        format!("group `{}` is scored twice", s.group),
                    );
                }
                for (cid, v) in &s.scores {
                    let csub = format!("{sub}.scores.{cid}");
                    self.reference(&root, &csub, cid, &criteria, "criterion");
                    if let Some(c) = pk.criteria.iter().find(|c| &c.id == cid) {
                        self.on_scale(
                            &root,
                            &csub,
                            *v,
                            Scale { min: 0.0, max: c.max },
                            &format!("`{cid}` score"),
                        );
                    }
                }
                for c in &pk.criteria {
                    if !s.scores.contains_key(&c.id) {
                        self.warn(
                            &root,
                            &format!("{sub}.scores"),
                            format!("group `{}` has no `{}` score", s.group, c.id),
                        );
                    }
                }
            }
            for g in groups.difference(&scored) {
                self.warn(&root, "pk.scores", format!("group `{g}` has no PK scores"));
            }
        }
    }
}

/// Run every semantic check on a loaded workshop; `at` finds the lines findings point at.
pub fn check(ws: &Workshop, at: &dyn Locate) -> Vec<Diagnostic> {
    let mut c = Checker { at, ws, out: Vec::new(), start: ws.data.workshop.date };
    c.run();
    c.out
}
