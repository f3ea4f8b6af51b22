//! Semantic checks of a loaded workshop: scores on their declared scales, references to
//! steps and groups that exist, unique ids, dates in order, 3-2-1 counts, referenced files
//! present.
//!
//! Input: a deserialised [`Workshop`] (its dates already valid [`Date`]s) and a
//! [`Locate`] that finds the line of a field path and knows which values are placeholders
//! for wrong ones (a workshop with structural errors is checked too, so that one run shows
//! every mistake; what depends on a placeholder is not checked). Output: every finding as a
//! [`Diagnostic`] whose message is a key of the catalog's `check` section. Pure but for `Path::is_file` on referenced files: it reads no file, and
//! imports only the model and the leaves (how positions are found is the input stage's
//! business).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::diag::{Diagnostic, Msg, PLACEHOLDER, suggest};
use crate::model::{Date, Group, Locate, Metric, Move, Origin, Scale, Summary321, Workshop};

struct Checker<'a> {
    at: &'a dyn Locate,
    ws: &'a Workshop,
    out: Vec<Diagnostic>,
    /// Indices into `out` of findings about placeholders (follow-on errors), dropped.
    follow_on: Vec<usize>,
    /// The workshop's first day.
    start: Date,
}

/// Whether a scale or value is a placeholder for a wrong number.
fn unknown(values: &[f64]) -> bool {
    values.iter().any(|v| v.is_nan())
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

    /// Whether the value at `sub` holds a placeholder for a wrong one.
    fn bad(&self, origin: &Origin, sub: &str) -> bool {
        self.at.invalid(origin.file, &Self::full(origin, sub))
    }

    fn error(&mut self, origin: &Origin, sub: &str, msg: Msg) -> &mut Diagnostic {
        let path = Self::full(origin, sub);
        let pos = self.at.pos(origin.file, &path);
        let file = self.ws.files.get(origin.file).cloned().unwrap_or_default();
        if self.at.invalid(origin.file, &path) {
            self.follow_on.push(self.out.len());
        }
        self.out.push(Diagnostic::error(file, pos, path, msg));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn warn(&mut self, origin: &Origin, sub: &str, msg: Msg) -> &mut Diagnostic {
        let d = self.error(origin, sub, msg);
        d.severity = crate::diag::Severity::Warning;
        d
    }

    /// `what` is the message without the value and the scale: `outside_scale` with the
    /// word of what is scored.
    fn on_scale(&mut self, origin: &Origin, sub: &str, v: f64, scale: Scale, what: Msg) {
        if unknown(&[v, scale.min, scale.max]) {
            return;
        }
        if !scale.contains(v) {
            self.error(
                origin,
                sub,
                what.text("value", v).text("min", scale.min).text("max", scale.max),
            )
            .set_hint(Msg::new("outside_scale_hint").text("min", scale.min).text("max", scale.max));
        }
    }

    fn share(&mut self, origin: &Origin, sub: &str, v: f64) {
        if !(0.0..=1.0).contains(&v) {
            let hint = if (1.0..=100.0).contains(&v) {
                Msg::new("share_percent_hint").text("value", v).text("fraction", v / 100.0)
            } else {
                Msg::new("share_hint")
            };
            self.error(origin, sub, Msg::new("share_range").text("value", v)).set_hint(hint);
        }
    }

    /// A due date before the workshop is probably a typo.
    fn due(&mut self, origin: &Origin, sub: &str, d: Date) {
        if d < self.start {
            self.warn(origin, sub, Msg::new("due_before_workshop").text("date", d))
                .set_hint(Msg::new("due_hint"));
        }
    }

    /// Report ids that repeat; returns the set of ids (holding [`PLACEHOLDER`] when an id
    /// was wrong: references are then not checked). `what` is a word (`step`).
    fn unique<'i>(
        &mut self,
        origin: &Origin,
        ids: impl IntoIterator<Item = (String, &'i str)>,
        what: &str,
    ) -> BTreeSet<String> {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for (sub, id) in ids {
            if id == PLACEHOLDER {
                seen.insert(id, sub);
                continue;
            }
            if id.trim().is_empty() {
                self.error(origin, &sub, Msg::new("empty_id").word("what", what));
                continue;
            }
            if !id_is_safe(id) {
                self.error(origin, &sub, Msg::new("id_charset").word("what", what).text("id", id))
                    .set_hint(Msg::new("id_charset_hint"));
            }
            if let Some(first) = seen.get(id) {
                let first = first.clone();
                self.error(
                    origin,
                    &sub,
                    Msg::new("duplicate_id").word("what", what).text("id", id),
                )
                .set_hint(Msg::new("duplicate_id_hint").text("id", id).text("first", first));
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
        // an id that was wrong may be the one referred to
        if !known.contains(id) && !known.contains(PLACEHOLDER) {
            let d =
                self.error(origin, sub, Msg::new("no_such_id").word("what", what).text("id", id));
            d.expected = Some(if known.is_empty() {
                Msg::new("id_none_defined").word("what", what)
            } else {
                Msg::one_of(known)
            });
            d.hint = suggest(id, known.iter().map(String::as_str)).map(Msg::did_you_mean);
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
            self.error(origin, sub, Msg::new("file_not_found").text("file", rel))
                .set_hint(Msg::new("file_not_found_hint").text("dir", base.display()));
        }
    }

    fn summary(&mut self, origin: &Origin, sub: &str, s: &Summary321, groups: &BTreeSet<String>) {
        for (field, n, want) in [("takeaways", s.takeaways.len(), 3), ("tools", s.tools.len(), 2)] {
            if n != want {
                self.warn(
                    origin,
                    &format!("{sub}.{field}"),
                    Msg::new("summary_count").text("want", want).word("field", field).text("n", n),
                )
                .set_hint(Msg::new("summary_count_hint").text("want", want));
            }
        }
        if let Some(g) = &s.group {
            self.reference(origin, &format!("{sub}.group"), g, groups, "group");
        }
        if s.action.owner.trim().is_empty() {
            self.error(origin, &format!("{sub}.action.owner"), Msg::new("action_no_owner"));
        }
        self.due(origin, &format!("{sub}.action.due"), s.action.due);
    }

    fn group(&mut self, g: &Group, origin: &Origin, groups: &BTreeSet<String>) {
        let scales = self.ws.data.scales;
        if g.members.is_empty() && !self.bad(origin, "members") {
            self.warn(origin, "id", Msg::new("no_members").text("id", &g.id))
                .set_hint(Msg::new("no_members_hint"));
        }
        for (i, ps) in g.post_standards.iter().enumerate() {
            if ps.standards.is_empty()
                && !self.bad(origin, &format!("post_standards[{i}].standards"))
            {
                self.warn(
                    origin,
                    &format!("post_standards[{i}]"),
                    Msg::new("post_no_standards").text("post", &ps.post),
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
                    Msg::new("journey_steps").text("id", &j.id).text("n", j.steps.len()),
                )
                .set_hint(Msg::new("journey_steps_hint"));
            }
            for (k, s) in j.steps.iter().enumerate() {
                self.on_scale(
                    origin,
                    &format!("journeys[{i}].steps[{k}].emotion"),
                    s.emotion,
                    scales.emotion,
                    Msg::new("outside_scale").word("what", "emotion_score"),
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
                        Msg::new("step_other_journey").text("step", &p.step),
                    );
                }
                // a wrong `type` or `phase` reads as a placeholder: nothing to compare
                let settled = !self.bad(origin, &format!("{sub}.type"))
                    && !self.bad(origin, &format!("{sub}.phase"));
                match (p.kind, p.phase) {
                    _ if !settled => {}
                    (Move::FillValley, None) => {
                        self.error(origin, &format!("{sub}.type"), Msg::new("fill_valley_phase"))
                            .set_expected(Msg::new("fill_valley_phase_expected"));
                    }
                    (Move::RaiseAverage | Move::LiftPeak, Some(_)) => {
                        self.warn(
                            origin,
                            &format!("{sub}.phase"),
                            Msg::new("phase_only_fill_valley"),
                        );
                    }
                    _ => {}
                }
                if settled && p.kind != Move::LiftPeak && !p.principles.is_empty() {
                    self.warn(
                        origin,
                        &format!("{sub}.principles"),
                        Msg::new("principles_lift_peak"),
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
                        Msg::new("outside_scale").word("what", &format!("{field}_score")),
                    );
                }
            }
        }
        for (i, m) in g.measurement_plans.iter().enumerate() {
            let sub = format!("measurement_plans[{i}]");
            self.reference(origin, &format!("{sub}.step"), &m.step, &steps, "step");
            let scale = m.scale.unwrap_or_else(|| m.metric.default_scale());
            // the answers are checked against the metric's scale: not when either is wrong
            let settled =
                !self.bad(origin, &format!("{sub}.metric")) && !unknown(&[scale.min, scale.max]);
            if let Some(s) = m.scale {
                self.scale(origin, &format!("{sub}.scale"), s);
                if settled && m.metric == Metric::Nps && (s.min != 0.0 || s.max != 10.0) {
                    self.error(
                        origin,
                        &format!("{sub}.scale"),
                        Msg::new("nps_scale").text("min", s.min).text("max", s.max),
                    )
                    .set_hint(Msg::new("nps_scale_hint"));
                }
            }
            let mut bad = 0;
            for (k, v) in m.responses.iter().enumerate() {
                if !settled || v.is_nan() {
                    continue;
                }
                if !scale.contains(*v) || (m.metric == Metric::Nps && v.fract() != 0.0) {
                    bad += 1;
                    if bad <= 5 {
                        self.error(
                            origin,
                            &format!("{sub}.responses[{k}]"),
                            Msg::new("answer_outside_scale")
                                .text("metric", m.metric.key().to_uppercase())
                                .text("value", v)
                                .text("min", scale.min)
                                .text("max", scale.max),
                        );
                    }
                }
            }
            if bad > 5 {
                self.error(
                    origin,
                    &format!("{sub}.responses"),
                    Msg::new("more_answers_outside").text("n", bad - 5),
                );
            }
            if let Some(f) = &m.responses_file {
                self.file_exists(origin, &format!("{sub}.responses_file"), f);
            }
        }
        for (i, gd) in g.gaps.iter().enumerate() {
            let sub = format!("gaps[{i}]");
            if gd.measures.is_empty() {
                self.warn(origin, &format!("{sub}.measures"), Msg::new("no_measures"));
            }
            self.due(origin, &format!("{sub}.due"), gd.due);
        }
        for (i, t) in g.gap_self_test.iter().enumerate() {
            self.on_scale(
                origin,
                &format!("gap_self_test[{i}].score"),
                t.score,
                scales.self_test,
                Msg::new("outside_scale").word("what", "self_test_score"),
            );
        }
        for (i, s) in g.summaries.iter().enumerate() {
            let sub = format!("summaries[{i}]");
            self.summary(origin, &sub, s, groups);
            if g.id != PLACEHOLDER && s.group.as_deref().is_some_and(|x| x != g.id) {
                self.warn(
                    origin,
                    &format!("{sub}.group"),
                    Msg::new("summary_other_group").text("id", &g.id),
                );
            }
        }
    }

    fn scale(&mut self, origin: &Origin, sub: &str, s: Scale) {
        if s.min >= s.max {
            self.error(origin, sub, Msg::new("empty_scale").text("min", s.min).text("max", s.max))
                .set_hint(Msg::new("empty_scale_hint"));
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
                Msg::new("ends_before_start").text("end", e).text("start", s),
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
            if *id == PLACEHOLDER {
                continue;
            }
            if !id_is_safe(id) {
                self.error(
                    &ws.origins[*i].clone(),
                    "id",
                    Msg::new("id_charset").word("what", "group").text("id", id),
                )
                .set_hint(Msg::new("id_charset_hint"));
            }
            if let Some(first) = seen.get(id) {
                let first_file = ws.files[ws.origins[*first].file].clone();
                self.error(
                    &ws.origins[*i].clone(),
                    "id",
                    Msg::new("duplicate_group").text("id", id),
                )
                .set_hint(Msg::new("duplicate_group_hint").text("id", id).text("file", first_file));
            } else {
                seen.insert(id, *i);
            }
        }
        let groups: BTreeSet<String> = d.groups.iter().map(|g| g.id.clone()).collect();
        if d.groups.is_empty() {
            self.warn(&root, "groups", Msg::new("no_groups")).set_hint(Msg::new("no_groups_hint"));
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
                // wrong counts or a wrong survey path read as none: not "no answers"
                let settled = !self.bad(&root, &format!("kano.features[{i}].counts"))
                    && !self.bad(&root, "kano.survey");
                match (&f.counts, &k.survey) {
                    (None, None) if settled => {
                        self.error(
                            &root,
                            &format!("kano.features[{i}]"),
                            Msg::new("feature_no_answers").text("id", &f.id),
                        )
                        .set_hint(Msg::new("feature_no_answers_hint"));
                    }
                    (Some(c), _) if c.total() == 0 => {
                        self.warn(
                            &root,
                            &format!("kano.features[{i}].counts"),
                            Msg::new("all_counts_zero"),
                        );
                    }
                    _ => {}
                }
            }
        }
        if let Some(sq) = &d.servqual {
            self.scale(&root, "servqual.scale", sq.scale);
            let settled = ["items", "dimensions", "responses", "zone_of_tolerance"]
                .iter()
                .all(|f| !self.bad(&root, &format!("servqual.{f}")));
            if settled
                && sq.items.is_empty()
                && sq.dimensions.is_empty()
                && sq.responses.is_none()
                && sq.zone_of_tolerance.is_empty()
            {
                self.warn(&root, "servqual", Msg::new("servqual_no_data"))
                    .set_hint(Msg::new("servqual_no_data_hint"));
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
                    Msg::new("outside_scale").word("what", "expectation"),
                );
                self.on_scale(
                    &root,
                    &format!("servqual.items[{i}].perception"),
                    it.perception,
                    sq.scale,
                    Msg::new("outside_scale").word("what", "perception"),
                );
                if let Some(imp) = it.importance {
                    self.on_scale(
                        &root,
                        &format!("servqual.items[{i}].importance"),
                        imp,
                        sq.scale,
                        Msg::new("outside_scale").word("what", "importance"),
                    );
                }
                if it.n == 0 {
                    self.error(&root, &format!("servqual.items[{i}].n"), Msg::new("n_zero"));
                }
            }
            for (i, dm) in sq.dimensions.iter().enumerate() {
                self.on_scale(
                    &root,
                    &format!("servqual.dimensions[{i}].expectation"),
                    dm.expectation,
                    sq.scale,
                    Msg::new("outside_scale").word("what", "expectation"),
                );
                self.on_scale(
                    &root,
                    &format!("servqual.dimensions[{i}].perception"),
                    dm.perception,
                    sq.scale,
                    Msg::new("outside_scale").word("what", "perception"),
                );
                if dm.n == 0 {
                    self.error(&root, &format!("servqual.dimensions[{i}].n"), Msg::new("n_zero"));
                }
            }
            if !sq.weights.is_empty() {
                let sum: f64 = sq.weights.values().sum();
                if !sum.is_nan() && (sum - 100.0).abs() > 0.5 {
                    self.error(&root, "servqual.weights", Msg::new("weights_sum").text("sum", sum))
                        .set_hint(Msg::new("weights_sum_hint"));
                }
            }
            for (i, z) in sq.zone_of_tolerance.iter().enumerate() {
                let sub = format!("servqual.zone_of_tolerance[{i}]");
                for (f, v) in
                    [("adequate", z.adequate), ("desired", z.desired), ("perceived", z.perceived)]
                {
                    self.on_scale(
                        &root,
                        &format!("{sub}.{f}"),
                        v,
                        sq.scale,
                        Msg::new("outside_scale").word("what", f),
                    );
                }
                if z.adequate > z.desired {
                    self.error(
                        &root,
                        &format!("{sub}.adequate"),
                        Msg::new("zone_order")
                            .text("adequate", z.adequate)
                            .text("desired", z.desired),
                    )
                    .set_hint(Msg::new("zone_order_hint"));
                }
            }
        }
        if let Some(m) = &d.market_damage {
            if m.customers_with_problem < 0.0 {
                self.error(
                    &root,
                    "market_damage.customers_with_problem",
                    Msg::new("negative_customers"),
                );
            }
            if m.value_per_customer < 0.0 {
                self.error(&root, "market_damage.value_per_customer", Msg::new("negative_value"));
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
                        Msg::new("negative"),
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
                    self.error(&root, &format!("pk.criteria[{i}].max"), Msg::new("criterion_max"));
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
                        Msg::new("scored_twice").text("id", &s.group),
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
                            Msg::new("outside_scale_criterion").text("id", cid),
                        );
                    }
                }
                for c in &pk.criteria {
                    if !s.scores.contains_key(&c.id) {
                        self.warn(
                            &root,
                            &format!("{sub}.scores"),
                            Msg::new("no_criterion_score")
                                .text("group", &s.group)
                                .text("criterion", &c.id),
                        );
                    }
                }
            }
            // a group id that was wrong may be the one scored
            let settled = !scored.contains(PLACEHOLDER) && !self.bad(&root, "pk.scores");
            for g in groups.difference(&scored).filter(|_| settled) {
                if g != PLACEHOLDER {
                    self.warn(&root, "pk.scores", Msg::new("no_pk_scores").text("id", g));
                }
            }
        }
    }
}

/// Run every semantic check on a loaded workshop; `at` finds the lines findings point at.
pub fn check(ws: &Workshop, at: &dyn Locate) -> Vec<Diagnostic> {
    let mut c =
        Checker { at, ws, out: Vec::new(), follow_on: Vec::new(), start: ws.data.workshop.date };
    c.run();
    let follow_on = c.follow_on;
    c.out.into_iter().enumerate().filter(|(i, _)| !follow_on.contains(i)).map(|(_, d)| d).collect()
}

/// The longest id accepted, in characters.
pub const ID_MAX: usize = 64;

/// Whether `id` is an id as documented: 1 to [`ID_MAX`] letters (any script) or digits,
/// `_` and `-`. Ids name output files (`<workshop>-<group>.pdf`, chart files), so nothing
/// that could make a path (`/`, a backslash, `.`, `..`, a drive colon), a space or a control
/// character is allowed.
pub fn id_is_safe(id: &str) -> bool {
    let n = id.chars().count();
    (1..=ID_MAX).contains(&n) && id.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}
