//! The 3-2-1 summary (课程3-2-1总结): the most-cited takeaways and tools across participants,
//! and every action plan with its owner and due date, overdue ones flagged.
//!
//! Source: the course method (DOMAIN.md, "The 3-2-1 summary"): every participant (or group)
//! writes 3 takeaways (印象深刻的3个收获点), 2 tools to apply (落地应用的2个工具) and 1 action
//! to execute now (立刻执行的1个行动计划: what, who, by when); the report aggregates them.
//!
//! Counting: trivially different spellings are one entry — compared trimmed, without any
//! whitespace or brackets (`()`, `[]`, `【】`, full- or half-width), case-insensitive,
//! full-width letters, digits and punctuation as half-width, every dash (`-`, `‐`, `–`, `—`,
//! `－`) alike and trailing `.`, `。`, `!`, `！`, `;`, `；`, `、` ignored; so `Peak-end rule`,
//! `peak–end rule`, `关键时刻（MOT）` and `关键时刻 MOT` merge with their twins, but
//! `The peak-end rule` and `五类关键触点` / `5类关键触点` stay apart. Each summary counts once per entry however often it
//! repeats it. The entry is shown in its most frequent spelling (the first met among
//! equals). Entries come most-cited first, then in the order first met.
//!
//! Actions: in due-date order (then the order met); overdue when the due date is before the
//! reference date (`--as-of`; by default the workshop's last day, so output does not depend
//! on the clock). Due dates are valid dates of the model, so `overdue` is never `null`.
//!
//! Input: the group summaries in group order, then the workshop's own. Output:
//! [`Summary321Result`]. No I/O.

use serde::Serialize;

use crate::model::{Date, Summary321, WorkshopFile};

/// The method label.
pub const METHOD: &str = "3-2-1 summary: entries merged when equal ignoring spaces, brackets, \
     case, full/half width, dash variants and trailing punctuation; counted once per summary; \
     actions overdue when due before the reference date";

/// The comparison key of a takeaway or tool.
pub fn fold_key(s: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            c => c,
        })
        .filter(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']' | '【' | '】'))
        .flat_map(char::to_lowercase)
        .collect();
    while out.ends_with(['.', '。', '!', ';', '、']) {
        out.pop();
    }
    out
}

/// A takeaway or tool and how often it was cited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    /// The most frequent spelling.
    pub text: String,
    /// Summaries citing it.
    pub count: u64,
    /// Every spelling met, in order.
    pub spellings: Vec<String>,
    /// Who cited it: participants, or `group <id>` for a group's joint summary.
    pub by: Vec<String>,
}

/// One action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionItem {
    /// What will be done.
    pub what: String,
    /// Who does it.
    pub owner: String,
    /// By when, as written.
    pub due: String,
    /// The participant who wrote it (none for a group's joint summary).
    pub participant: Option<String>,
    /// The group, if any.
    pub group: Option<String>,
    /// Due before the reference date; `null` when the date is not valid.
    pub overdue: Option<bool>,
    /// Days from the reference date to the due date (negative when overdue).
    pub days_to_due: Option<i64>,
}

/// The aggregated 3-2-1 summaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary321Result {
    /// The reference date for overdue actions.
    pub as_of: String,
    /// Summaries read.
    pub summaries: usize,
    /// Takeaways, most cited first.
    pub takeaways: Vec<Cited>,
    /// Tools, most cited first.
    pub tools: Vec<Cited>,
    /// Every action, by due date.
    pub actions: Vec<ActionItem>,
    /// How many actions are overdue.
    pub overdue: usize,
    /// The method label.
    pub method: &'static str,
}

/// Aggregate cited entries: each item of `lists` is (who, entries of one summary).
pub fn most_cited<'a>(lists: impl IntoIterator<Item = (String, &'a [String])>) -> Vec<Cited> {
    // (key, spellings with counts, count, by, first index)
    struct Acc {
        key: String,
        spellings: Vec<(String, u64)>,
        count: u64,
        by: Vec<String>,
    }
    let mut acc: Vec<Acc> = Vec::new();
    for (who, entries) in lists {
        let mut seen: Vec<String> = Vec::new();
        for e in entries {
            let text = e.trim();
            let key = fold_key(text);
            if key.is_empty() {
                continue;
            }
            let slot = match acc.iter().position(|a| a.key == key) {
                Some(i) => i,
                None => {
                    acc.push(Acc {
                        key: key.clone(),
                        spellings: Vec::new(),
                        count: 0,
                        by: Vec::new(),
                    });
                    acc.len() - 1
                }
            };
            let a = &mut acc[slot];
            match a.spellings.iter_mut().find(|(s, _)| s == text) {
                Some((_, n)) => *n += 1,
                None => a.spellings.push((text.to_owned(), 1)),
            }
            if !seen.contains(&key) {
                seen.push(key);
                a.count += 1;
                a.by.push(who.clone());
            }
        }
    }
    let mut out: Vec<Cited> = acc
        .into_iter()
        .map(|a| {
            let best = a
                .spellings
                .iter()
                .fold(None::<&(String, u64)>, |best, s| match best {
                    Some(b) if b.1 >= s.1 => Some(b),
                    _ => Some(s),
                })
                .map(|s| s.0.clone())
                .unwrap_or_default();
            Cited {
                text: best,
                count: a.count,
                spellings: a.spellings.into_iter().map(|s| s.0).collect(),
                by: a.by,
            }
        })
        .collect();
    // stable: ties keep the order first met
    out.sort_by_key(|c| std::cmp::Reverse(c.count));
    out
}

/// Who wrote a summary, for the `by` lists.
fn author(s: &Summary321, group: Option<&str>) -> String {
    match (&s.participant, s.group.as_deref().or(group)) {
        (Some(p), _) => p.clone(),
        (None, Some(g)) => format!("group {g}"),
        (None, None) => "(anonymous)".to_owned(),
    }
}

/// Aggregate every summary of the workshop against `as_of`.
pub fn analyse(data: &WorkshopFile, as_of: Date) -> Option<Summary321Result> {
    let all: Vec<(&Summary321, Option<&str>)> = data
        .groups
        .iter()
        .flat_map(|g| g.summaries.iter().map(move |s| (s, Some(g.id.as_str()))))
        .chain(data.summaries.iter().map(|s| (s, s.group.as_deref())))
        .collect();
    if all.is_empty() {
        return None;
    }
    let takeaways = most_cited(all.iter().map(|(s, g)| (author(s, *g), s.takeaways.as_slice())));
    let tools = most_cited(all.iter().map(|(s, g)| (author(s, *g), s.tools.as_slice())));
    let today = as_of.days_since_epoch();
    let mut actions: Vec<(i64, ActionItem)> = all
        .iter()
        .map(|(s, g)| {
            let due = s.action.due.days_since_epoch();
            let item = ActionItem {
                what: s.action.what.clone(),
                owner: s.action.owner.clone(),
                due: s.action.due.to_string(),
                participant: s.participant.clone(),
                group: s.group.clone().or_else(|| g.map(str::to_owned)),
                overdue: Some(due < today),
                days_to_due: Some(due - today),
            };
            (due, item)
        })
        .collect();
    // by due date, stable otherwise
    actions.sort_by_key(|(d, _)| *d);
    let actions: Vec<ActionItem> = actions.into_iter().map(|(_, a)| a).collect();
    Some(Summary321Result {
        as_of: as_of.to_string(),
        summaries: all.len(),
        takeaways,
        tools,
        overdue: actions.iter().filter(|a| a.overdue == Some(true)).count(),
        actions,
        method: METHOD,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Action;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn summary(who: &str, takeaways: &[&str], tools: &[&str], due: &str) -> Summary321 {
        Summary321 {
            participant: Some(who.into()),
            group: None,
            takeaways: takeaways.iter().map(|s| (*s).to_owned()).collect(),
            tools: tools.iter().map(|s| (*s).to_owned()).collect(),
            action: Action { what: format!("{who} acts"), owner: who.into(), due: date(due) },
        }
    }

    #[test]
    fn keys_merge_trivial_differences_only() {
        assert_eq!(fold_key(" Peak-end rule "), fold_key("peak–end  RULE"));
        assert_eq!(fold_key("峰终定律"), fold_key("峰终 定律。"));
        assert_eq!(fold_key("ＮＰＳ"), fold_key("nps"));
        assert_eq!(fold_key("净推荐值（NPS）"), fold_key("净推荐值(NPS)"));
        assert_eq!(fold_key("关键时刻（MOT）"), fold_key("关键时刻MOT"));
        assert_ne!(fold_key("五类关键触点"), fold_key("5类关键触点"));
        assert_eq!(fold_key("KANO模型"), fold_key("Kano 模型"));
        assert_ne!(fold_key("The peak-end rule"), fold_key("Peak-end rule"));
        assert_ne!(fold_key("客户旅程图"), fold_key("客户旅程"));
        assert_eq!(fold_key("  。"), "");
    }

    #[test]
    fn most_cited_counts_each_summary_once() {
        let a = ["峰终定律".to_owned(), "MOT".to_owned(), "峰终 定律".to_owned()];
        let b = ["MOT".to_owned(), "峰终定律".to_owned()];
        let c = ["mot".to_owned(), "KANO".to_owned()];
        let r = most_cited([
            ("甲".to_owned(), &a[..]),
            ("乙".to_owned(), &b[..]),
            ("丙".to_owned(), &c[..]),
        ]);
        let got: Vec<(&str, u64)> = r.iter().map(|x| (x.text.as_str(), x.count)).collect();
        // MOT 3 (two spellings, "MOT" twice), 峰终定律 2 (counted once for 甲), KANO 1
        assert_eq!(got, [("MOT", 3), ("峰终定律", 2), ("KANO", 1)]);
        assert_eq!(r[0].spellings, ["MOT", "mot"]);
        assert_eq!(r[0].by, ["甲", "乙", "丙"]);
        assert_eq!(r[1].by, ["甲", "乙"]);
        assert!(most_cited(Vec::<(String, &[String])>::new()).is_empty());
    }

    #[test]
    fn actions_sorted_and_overdue_against_the_reference_date() {
        let mut ws: WorkshopFile = serde_json::from_value(serde_json::json!({
            "workshop": {"title": "t", "organisation": "o", "date": "2026-11-20",
                         "place": "p", "facilitator": "f"}
        }))
        .unwrap();
        assert!(analyse(&ws, date("2026-11-21")).is_none());
        ws.summaries = vec![
            summary("A", &["x"], &["t"], "2027-01-15"),
            summary("B", &["x"], &["t"], "2026-12-01"),
            summary("C", &["y"], &["u"], "2026-12-31"),
        ];
        let r = analyse(&ws, date("2026-12-31")).unwrap();
        assert_eq!(r.as_of, "2026-12-31");
        let order: Vec<(&str, Option<bool>, Option<i64>)> =
            r.actions.iter().map(|a| (a.owner.as_str(), a.overdue, a.days_to_due)).collect();
        assert_eq!(
            order,
            [
                ("B", Some(true), Some(-30)),
                ("C", Some(false), Some(0)), // due on the day: not overdue
                ("A", Some(false), Some(15)),
            ]
        );
        assert_eq!(r.overdue, 1);
        assert_eq!(r.summaries, 3);
        // one summary alone
        ws.summaries.truncate(1);
        let r = analyse(&ws, date("2026-11-21")).unwrap();
        assert_eq!((r.takeaways.len(), r.tools.len(), r.actions.len(), r.overdue), (1, 1, 1, 0));
    }

    #[test]
    fn day_numbers() {
        let days = |s| date(s).days_since_epoch();
        assert_eq!(days("1970-01-01"), 0);
        assert_eq!(days("2000-03-01") - days("2000-02-28"), 2);
        assert_eq!(days("2027-01-01") - days("2026-01-01"), 365);
        assert_eq!(days("2025-01-01") - days("2024-01-01"), 366);
    }
}
