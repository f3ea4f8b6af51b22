//! Header → layout: which columns hold which feature's answers.
//!
//! Input: the header cells. Output: a [`Plan`] (wide features with their column indices, the
//! long-layout columns, or the counts columns), the respondent column and the segment columns.
//! Matching is by name, never by position, after trimming, case folding and mapping
//! full-width forms (`（功能）`, `Ｆ`) to their ASCII counterparts.

use std::collections::BTreeMap;

use super::error::{ErrorKind, Role, SurveyError};
use super::{Column, Feature, Layout};

/// Word pairs that name the functional / dysfunctional half of a wide-layout feature, as a
/// suffix after a separator (`_`, `-`, `.`, `:`, space) or in brackets (`(…)`, `[…]`, `【…】`).
const ROLE_PAIRS: [(&str, &str); 6] = [
    ("f", "d"),
    ("functional", "dysfunctional"),
    ("func", "dysfunc"),
    ("功能", "反功能"),
    ("正向", "反向"),
    ("具备", "不具备"),
];

/// Suffix words for a feature's self-stated importance.
const IMPORTANCE_WORDS: [&str; 5] = ["importance", "imp", "重要性", "重要度", "重要程度"];

/// Header names (in [`key`] form) taken as the respondent id.
const RESPONDENT_NAMES: &[&str] = &[
    "id",
    "respondent",
    "respondent_id",
    "respondentid",
    "resp_id",
    "respid",
    "participant",
    "participant_id",
    "response_id",
    "responseid",
    "user_id",
    "userid",
    "subject_id",
    "case_id",
    "编号",
    "序号",
    "答卷编号",
    "问卷编号",
    "答卷序号",
    "受访者",
    "受访者编号",
    "被访者",
    "被访者编号",
    "样本编号",
    "用户id",
    "用户编号",
    "答题者",
    "答题序号",
    "no",
    "no_",
];

/// Long and counts layout: the feature id column.
const FEATURE_NAMES: [&str; 9] =
    ["feature", "feature_id", "featureid", "attribute", "item", "功能点", "特性", "需求", "属性"];
/// Long layout: the functional answer.
const FUNCTIONAL_NAMES: [&str; 5] = ["functional", "f", "func", "功能", "正向"];
/// Long layout: the dysfunctional answer.
const DYSFUNCTIONAL_NAMES: [&str; 5] = ["dysfunctional", "d", "dysfunc", "反功能", "反向"];
/// Counts layout: the feature's display name.
const NAME_NAMES: [&str; 5] = ["name", "feature_name", "名称", "功能名称", "需求名称"];
/// Counts layout: the six categories, in the order A, O, M, I, R, Q.
const COUNT_NAMES: [&[&str]; 6] = [
    &["a", "attractive", "兴奋", "魅力"],
    &["o", "one_dimensional", "onedimensional", "performance", "期望", "一元"],
    &["m", "must_be", "mustbe", "must", "基本", "必备"],
    &["i", "indifferent", "无差异", "无差别"],
    &["r", "reverse", "反向"],
    &["q", "questionable", "可疑"],
];
/// The counts categories as written in messages.
pub const COUNT_LETTERS: [&str; 6] = ["A", "O", "M", "I", "R", "Q"];

/// How a file's rows are read.
#[derive(Debug, Clone)]
pub enum Plan {
    /// One row per respondent; the features are in [`Detected::features`].
    Wide,
    /// One row per respondent × feature.
    Long {
        /// Column of the feature id.
        feature: usize,
        /// Column of the functional answer.
        functional: usize,
        /// Column of the dysfunctional answer.
        dysfunctional: usize,
        /// Column of the importance, if any.
        importance: Option<usize>,
    },
    /// One row per feature with category counts.
    Counts {
        /// Column of the feature id.
        feature: usize,
        /// Column of the display name, if any.
        name: Option<usize>,
        /// Columns of A, O, M, I, R, Q (A–I always present).
        counts: [Option<usize>; 6],
    },
}

/// What the header says.
#[derive(Debug, Clone)]
pub struct Detected {
    /// Layout-specific columns.
    pub plan: Plan,
    /// Wide: the features, in header order.
    pub features: Vec<Feature>,
    /// The respondent id column.
    pub respondent: Option<usize>,
    /// Every other named column, kept for grouping.
    pub segments: Vec<usize>,
}

impl Detected {
    /// Which layout.
    pub fn layout(&self) -> Layout {
        match self.plan {
            Plan::Wide => Layout::Wide,
            Plan::Long { .. } => Layout::Long,
            Plan::Counts { .. } => Layout::Counts,
        }
    }
}

/// Full-width ASCII forms and CJK brackets as their ASCII counterparts.
fn halfwidth(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '【' | '〔' => '[',
        '】' | '〕' => ']',
        _ => c,
    }
}

/// The comparison form of a header name: trimmed, half-width, lower case, with spaces,
/// hyphens and dots as underscores.
pub fn key(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match halfwidth(c) {
            ' ' | '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

fn is_sep(c: char) -> bool {
    matches!(halfwidth(c), '_' | '-' | '.' | ':' | ' ' | '/' | '|')
}

/// A wide-layout header parsed as `<prefix><sep><word>` or `<prefix>(<word>)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suffixed<'a> {
    /// The feature id as written.
    pub prefix: &'a str,
    /// Which half of the pair.
    pub role: Role,
    /// Byte range of the role word in the trimmed header.
    word: (usize, usize),
    /// The trimmed header.
    name: &'a str,
}

impl Suffixed<'_> {
    /// The name the other column of the pair would have in the same convention.
    pub fn partner_name(&self) -> String {
        let written = &self.name[self.word.0..self.word.1];
        let k = key(written);
        let other = ROLE_PAIRS.iter().find_map(|&(f, d)| {
            if k == f {
                Some(d)
            } else if k == d {
                Some(f)
            } else {
                None
            }
        });
        let other = other.unwrap_or(if self.role == Role::Functional { "D" } else { "F" });
        let other = if written.chars().all(|c| !c.is_lowercase()) && written.is_ascii() {
            other.to_ascii_uppercase()
        } else if written.starts_with(|c: char| c.is_ascii_uppercase()) {
            let mut s = other.to_owned();
            if let Some(first) = s.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            s
        } else {
            other.to_owned()
        };
        format!("{}{other}{}", &self.name[..self.word.0], &self.name[self.word.1..])
    }
}

/// Parse a wide-layout header; `None` when it follows no convention.
pub fn suffixed(header: &str) -> Option<Suffixed<'_>> {
    let name = header.trim();
    let (last_at, last) = name.char_indices().next_back()?;
    let (prefix_end, word) = if matches!(halfwidth(last), ')' | ']') {
        let (open, oc) = name[..last_at]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(halfwidth(c), '(' | '['))?;
        (open, (open + oc.len_utf8(), last_at))
    } else {
        let (sep, sc) = name.char_indices().rev().find(|&(_, c)| is_sep(c))?;
        (sep, (sep + sc.len_utf8(), name.len()))
    };
    // Trim blanks inside the brackets / after the separator.
    let raw = &name[word.0..word.1];
    let lead = raw.len() - raw.trim_start().len();
    let word = (word.0 + lead, word.0 + lead + raw.trim().len());
    let k = key(&name[word.0..word.1]);
    let role = if ROLE_PAIRS.iter().any(|&(f, _)| f == k) {
        Role::Functional
    } else if ROLE_PAIRS.iter().any(|&(_, d)| d == k) {
        Role::Dysfunctional
    } else if IMPORTANCE_WORDS.contains(&k.as_str()) {
        Role::Importance
    } else {
        return None;
    };
    let prefix = name[..prefix_end].trim_end_matches(is_sep).trim();
    if prefix.is_empty() {
        return None;
    }
    Some(Suffixed { prefix, role, word, name })
}

fn find_all(headers: &[String], names: &[&str]) -> Vec<usize> {
    headers
        .iter()
        .enumerate()
        .filter(|(_, h)| names.contains(&key(h).as_str()))
        .map(|(i, _)| i)
        .collect()
}

/// The single column with one of `names`; a second one is an error.
fn find_one(
    file: &str,
    row: u64,
    headers: &[String],
    names: &[&str],
    what: &'static str,
) -> Result<Option<usize>, SurveyError> {
    let all = find_all(headers, names);
    match all.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        [a, b, ..] => Err(SurveyError::new(
            file,
            ErrorKind::DuplicateHeader { name: what, first_index: a + 1, second_index: b + 1 },
        )
        .at(row)
        .col(&headers[*b])
        .cell(*b)),
    }
}

/// Options that change detection.
pub struct DetectOptions<'a> {
    /// The respondent column, by name.
    pub respondent: Option<&'a str>,
    /// Features from a mapping file (wide layout, no convention matching).
    pub mapped: Option<Vec<Feature>>,
}

/// Detect the layout from the header cells (trimmed). `row` is the header's row.
pub fn detect(
    file: &str,
    row: u64,
    headers: &[String],
    opts: DetectOptions<'_>,
) -> Result<Detected, SurveyError> {
    let (plan, features) = if let Some(mapped) = opts.mapped {
        (Plan::Wide, mapped)
    } else if let Some(plan) = counts_plan(file, row, headers)? {
        (plan, Vec::new())
    } else if let Some(plan) = long_plan(file, row, headers)? {
        (plan, Vec::new())
    } else {
        let features = wide_features(file, row, headers)?;
        if features.is_empty() {
            return Err(
                SurveyError::new(file, ErrorKind::NoFeatures { headers: named(headers) }).at(row)
            );
        }
        (Plan::Wide, features)
    };
    let mut used = vec![false; headers.len()];
    match &plan {
        Plan::Wide => {
            for f in &features {
                for c in [Some(&f.functional), Some(&f.dysfunctional), f.importance.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    used[c.index] = true;
                }
            }
        }
        Plan::Long { feature, functional, dysfunctional, importance } => {
            for i in [Some(*feature), Some(*functional), Some(*dysfunctional), *importance]
                .into_iter()
                .flatten()
            {
                used[i] = true;
            }
        }
        Plan::Counts { feature, name, counts } => {
            for i in [Some(*feature), *name].into_iter().chain(counts.iter().copied()).flatten() {
                used[i] = true;
            }
        }
    }
    let respondent = match opts.respondent {
        Some(name) => {
            let found = headers.iter().position(|h| h == name.trim()).or_else(|| {
                let k = key(name);
                headers.iter().position(|h| key(h) == k)
            });
            match found {
                Some(i) => Some(i),
                None => {
                    return Err(SurveyError::new(
                        file,
                        ErrorKind::UnknownRespondentColumn { name: name.to_owned() },
                    )
                    .at(row));
                }
            }
        }
        None if matches!(plan, Plan::Counts { .. }) => None,
        None => (0..headers.len())
            .find(|&i| !used[i] && RESPONDENT_NAMES.contains(&key(&headers[i]).as_str())),
    };
    if let Some(r) = respondent {
        used[r] = true;
    }
    let segments =
        (0..headers.len()).filter(|&i| !used[i] && !headers[i].trim().is_empty()).collect();
    Ok(Detected { plan, features, respondent, segments })
}

/// The non-blank header cells.
fn named(headers: &[String]) -> Vec<String> {
    headers.iter().filter(|h| !h.trim().is_empty()).cloned().collect()
}

fn counts_plan(file: &str, row: u64, headers: &[String]) -> Result<Option<Plan>, SurveyError> {
    let mut counts = [None; 6];
    for (slot, names) in counts.iter_mut().zip(COUNT_NAMES) {
        *slot = find_one(file, row, headers, names, "count")?;
    }
    let core = counts[..4].iter().filter(|c| c.is_some()).count();
    // Not a counts file unless it has most of A, O, M, I.
    if core < 3 {
        return Ok(None);
    }
    let Some(feature) = find_one(file, row, headers, &FEATURE_NAMES, "feature")? else {
        return Err(missing(file, row, headers, Layout::Counts, "feature"));
    };
    if let Some(i) = counts[..4].iter().position(Option::is_none) {
        return Err(missing(file, row, headers, Layout::Counts, COUNT_LETTERS[i]));
    }
    let name = find_one(file, row, headers, &NAME_NAMES, "name")?;
    Ok(Some(Plan::Counts { feature, name, counts }))
}

fn long_plan(file: &str, row: u64, headers: &[String]) -> Result<Option<Plan>, SurveyError> {
    let functional = find_one(file, row, headers, &FUNCTIONAL_NAMES, "functional")?;
    let dysfunctional = find_one(file, row, headers, &DYSFUNCTIONAL_NAMES, "dysfunctional")?;
    let feature = find_one(file, row, headers, &FEATURE_NAMES, "feature")?;
    let found = [functional, dysfunctional, feature].iter().filter(|c| c.is_some()).count();
    // Two of the three long-layout columns make it a long file with a column missing.
    match (feature, functional, dysfunctional) {
        (Some(feature), Some(functional), Some(dysfunctional)) => {
            let importance = find_one(file, row, headers, &IMPORTANCE_WORDS, "importance")?;
            Ok(Some(Plan::Long { feature, functional, dysfunctional, importance }))
        }
        _ if found < 2 => Ok(None),
        (None, _, _) => Err(missing(file, row, headers, Layout::Long, "feature")),
        (_, None, _) => Err(missing(file, row, headers, Layout::Long, "functional")),
        (_, _, None) => Err(missing(file, row, headers, Layout::Long, "dysfunctional")),
    }
}

fn missing(
    file: &str,
    row: u64,
    headers: &[String],
    layout: Layout,
    column: &'static str,
) -> SurveyError {
    SurveyError::new(file, ErrorKind::MissingColumn { layout, column, headers: named(headers) })
        .at(row)
}

/// One feature's columns while pairing.
struct Slot<'a> {
    first: usize,
    id: &'a str,
    cols: [Option<(usize, Suffixed<'a>)>; 3],
}

fn role_index(r: Role) -> usize {
    match r {
        Role::Functional => 0,
        Role::Dysfunctional => 1,
        Role::Importance => 2,
    }
}

/// Pair wide-layout columns by feature name. Every problem is collected; the first is
/// returned with the others attached.
fn wide_features(file: &str, row: u64, headers: &[String]) -> Result<Vec<Feature>, SurveyError> {
    let mut slots: BTreeMap<String, Slot<'_>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let Some(s) = suffixed(h) else { continue };
        let slot = slots.entry(key(s.prefix)).or_insert(Slot {
            first: i,
            id: s.prefix,
            cols: [None, None, None],
        });
        let cell = &mut slot.cols[role_index(s.role)];
        match cell {
            Some((j, _)) => problems.push((
                i,
                SurveyError::new(
                    file,
                    ErrorKind::DuplicateColumn {
                        feature: slot.id.to_owned(),
                        role: s.role,
                        first: headers[*j].clone(),
                        first_index: *j + 1,
                        second: h.clone(),
                        second_index: i + 1,
                    },
                )
                .at(row)
                .col(h)
                .cell(i),
            )),
            None => *cell = Some((i, s)),
        }
    }
    let mut slots: Vec<Slot<'_>> = slots.into_values().collect();
    slots.sort_by_key(|s| s.first);
    let mut features = Vec::new();
    for slot in slots {
        let col = |c: &Option<(usize, Suffixed<'_>)>| {
            c.as_ref().map(|(i, _)| Column { name: headers[*i].trim().to_owned(), index: *i })
        };
        match &slot.cols {
            [Some(_), Some(_), imp] => features.push(Feature {
                id: slot.id.to_owned(),
                name: slot.id.to_owned(),
                functional: col(&slot.cols[0]).unwrap_or_default(),
                dysfunctional: col(&slot.cols[1]).unwrap_or_default(),
                importance: col(imp),
            }),
            [Some((i, s)), None, _] | [None, Some((i, s)), _] => problems.push((
                *i,
                SurveyError::new(
                    file,
                    ErrorKind::MissingPartner {
                        feature: slot.id.to_owned(),
                        found_role: s.role,
                        missing: if s.role == Role::Functional {
                            Role::Dysfunctional
                        } else {
                            Role::Functional
                        },
                        expected_name: s.partner_name(),
                    },
                )
                .at(row)
                .col(&headers[*i])
                .cell(*i),
            )),
            [None, None, Some((i, _))] => problems.push((
                *i,
                SurveyError::new(file, ErrorKind::OrphanImportance { feature: slot.id.to_owned() })
                    .at(row)
                    .col(&headers[*i])
                    .cell(*i),
            )),
            [None, None, None] => {}
        }
    }
    problems.sort_by_key(|(i, _)| *i);
    let mut problems = problems.into_iter().map(|(_, e)| e);
    match problems.next() {
        Some(first) => Err(first.with_further(problems.collect())),
        None => Ok(features),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(h: &str) -> Option<(&str, Role)> {
        suffixed(h).map(|s| (s.prefix, s.role))
    }

    #[test]
    fn recognises_every_convention() {
        assert_eq!(parse("k01_F"), Some(("k01", Role::Functional)));
        assert_eq!(parse("k01_d"), Some(("k01", Role::Dysfunctional)));
        assert_eq!(parse("F10_dysfunctional"), Some(("F10", Role::Dysfunctional)));
        assert_eq!(parse("F10_Functional"), Some(("F10", Role::Functional)));
        assert_eq!(parse("F6_importance"), Some(("F6", Role::Importance)));
        assert_eq!(parse("取号提醒(功能)"), Some(("取号提醒", Role::Functional)));
        assert_eq!(parse("取号提醒（反功能）"), Some(("取号提醒", Role::Dysfunctional)));
        assert_eq!(parse("取号提醒 (重要性)"), Some(("取号提醒", Role::Importance)));
        assert_eq!(parse("Mobile app functional"), Some(("Mobile app", Role::Functional)));
        assert_eq!(parse("Mobile app DYSFUNCTIONAL"), Some(("Mobile app", Role::Dysfunctional)));
        assert_eq!(parse("Q3-F"), Some(("Q3", Role::Functional)));
        assert_eq!(parse("ＷｉＦｉ＿Ｄ"), Some(("ＷｉＦｉ", Role::Dysfunctional)));
        assert_eq!(parse("k01__F "), Some(("k01", Role::Functional)));
        assert_eq!(parse("age"), None);
        assert_eq!(parse("respondent_id"), None);
        assert_eq!(parse("_F"), None);
        assert_eq!(parse("(功能)"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("functional"), None);
    }

    #[test]
    fn partner_names_follow_the_convention() {
        let p = |h: &str| suffixed(h).map(|s| s.partner_name());
        assert_eq!(p("k01_F").as_deref(), Some("k01_D"));
        assert_eq!(p("k01_d").as_deref(), Some("k01_f"));
        assert_eq!(p("F3_functional").as_deref(), Some("F3_dysfunctional"));
        assert_eq!(p("F3 Dysfunctional").as_deref(), Some("F3 Functional"));
        assert_eq!(p("提醒（功能）").as_deref(), Some("提醒（反功能）"));
    }

    fn h(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    fn opts() -> DetectOptions<'static> {
        DetectOptions { respondent: None, mapped: None }
    }

    #[test]
    fn pairs_by_name_not_position() {
        let d = detect(
            "s.csv",
            1,
            &h(&["序号", "b_D", "a_F", "branch", "B_F", "a_D", "a_importance"]),
            opts(),
        )
        .unwrap();
        assert_eq!(d.layout(), Layout::Wide);
        let f: Vec<_> = d
            .features
            .iter()
            .map(|f| {
                (
                    f.id.as_str(),
                    f.functional.index,
                    f.dysfunctional.index,
                    f.importance.as_ref().map(|c| c.index),
                )
            })
            .collect();
        assert_eq!(f, [("b", 4, 1, None), ("a", 2, 5, Some(6))]);
        assert_eq!(d.respondent, Some(0));
        assert_eq!(d.segments, [3]);
    }

    #[test]
    fn detects_long_and_counts() {
        let d = detect(
            "s.csv",
            1,
            &h(&["Dysfunctional", "Feature", "wave", "Respondent", "functional"]),
            opts(),
        )
        .unwrap();
        assert!(matches!(
            d.plan,
            Plan::Long { feature: 1, functional: 4, dysfunctional: 0, importance: None }
        ));
        assert_eq!((d.respondent, d.segments.as_slice()), (Some(3), &[2][..]));
        let d =
            detect("s.csv", 1, &h(&["feature", "name", "A", "O", "M", "I", "Q"]), opts()).unwrap();
        assert!(matches!(
            d.plan,
            Plan::Counts {
                feature: 0,
                name: Some(1),
                counts: [Some(2), Some(3), Some(4), Some(5), None, Some(6)]
            }
        ));
    }

    #[test]
    fn collects_every_header_problem() {
        let e = detect(
            "s.csv",
            1,
            &h(&["id", "a_F", "b_F", "b_D", "c_D", "a_functional", "d_importance"]),
            opts(),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "s.csv, row 1, column `a_F`: feature `a` has a functional column but no dysfunctional column (and 3 more problem(s) in the header)"
        );
        let further: Vec<String> = e.further().iter().map(ToString::to_string).collect();
        assert_eq!(
            further,
            [
                "s.csv, row 1, column `c_D`: feature `c` has a dysfunctional column but no functional column",
                "s.csv, row 1, column `a_functional`: feature `a` has two functional columns: `a_F` (column 2) and `a_functional` (column 6)",
                "s.csv, row 1, column `d_importance`: importance column for feature `d`, which has no functional and dysfunctional columns",
            ]
        );
    }
}
