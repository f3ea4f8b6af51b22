//! A measurement plan's target as typed data: the free text the group wrote (`NPS≥30`,
//! `满意（4–5分）占比≥85%`, `Mean ≤ 2.5 (1–5, lower = less effort)`) read into one
//! comparator, one number and its unit, and the quantity it names, or the reason it cannot
//! be read that way.
//!
//! The parser is deliberately strict (issue 11): a target is read only when it has exactly
//! one comparator and one number, names a quantity, and compares nothing else — "差距",
//! "gap", "比上季度", "higher than last year" are comparisons of two figures, which one
//! measurement cannot settle. Parenthesised asides (`（4–5分）`, `(1–7, higher = easier)`)
//! are read for the quantity's name but not for numbers; a range such as `4–5分` or a
//! metric's version (`CES 2.0`, `top-2`) is not the target's number. Whether the target
//! fits the measured metric is [`Target::quantity_for`].
//!
//! The accepted spellings are vocabulary of this parser (like the enums' Chinese names),
//! not report wording. No I/O.

use serde::Serialize;

use super::Metric;

/// How the measured figure is compared with the target's number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// ≥, 不低于, 至少, 以上, at least, or more.
    AtLeast,
    /// ≤, 不高于, 不超过, 以下, at most, or less.
    AtMost,
    /// >, 高于, 超过, more than, above.
    Above,
    /// <, 低于, 少于, less than, below.
    Below,
    /// =, 达到 … exactly.
    Equal,
}

impl Comparator {
    /// Does `value` meet the target `target`?
    pub fn holds(self, value: f64, target: f64) -> bool {
        match self {
            Comparator::AtLeast => value >= target,
            Comparator::AtMost => value <= target,
            Comparator::Above => value > target,
            Comparator::Below => value < target,
            Comparator::Equal => (value - target).abs() < 1e-9,
        }
    }

    /// How far `value` is on the good side of `target` (negative: short of it).
    pub fn margin(self, value: f64, target: f64) -> f64 {
        match self {
            Comparator::AtLeast | Comparator::Above | Comparator::Equal => value - target,
            Comparator::AtMost | Comparator::Below => target - value,
        }
    }

    /// The symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::AtMost => "≤",
            Comparator::Above => ">",
            Comparator::Below => "<",
            Comparator::Equal => "=",
        }
    }
}

/// The quantity a target names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// The net promoter score.
    Nps,
    /// The share satisfied (CSAT's top two boxes), in %.
    SatisfiedShare,
    /// The mean answer (CSAT mean, CES).
    Mean,
    /// The share agreeing it was easy (CES 2.0), in %.
    AgreeShare,
}

/// A target read from its text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Target {
    /// How the figure is compared.
    pub comparator: Comparator,
    /// The number.
    pub value: f64,
    /// Written with `%`.
    pub is_percent: bool,
    /// Written with `分` / `points`.
    pub is_points: bool,
    /// The quantities the text names (NPS, satisfied, mean, effort …).
    pub names: Names,
}

/// The quantities a target's text names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Names {
    /// NPS, 净推荐, recommend.
    pub nps: bool,
    /// 满意, satisfied, CSAT, top-2.
    pub satisfied: bool,
    /// 均值, 平均, mean, average.
    pub mean: bool,
    /// CES, 费力, 省力, effort, easy.
    pub effort: bool,
    /// 同意, agree.
    pub agree: bool,
}

/// Why a target is not judged automatically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unjudged {
    /// No comparator (≥, ≤, 至少 …).
    NoComparator,
    /// Comparators pointing different ways.
    SeveralComparators,
    /// No number.
    NoNumber,
    /// More than one number.
    SeveralNumbers,
    /// A gap, difference or change between two figures.
    Comparison,
    /// The text does not name the measured metric.
    OtherQuantity,
    /// The unit does not fit the metric (a % for NPS, a mean off the scale …).
    Unit,
}

/// Words that make a target a comparison of two figures; checked after the comparator
/// phrases are taken out (so `不低于` and `more than` are not comparisons) and with `占比`
/// taken out (a share, not a comparison).
const COMPARISONS: &[&str] = &[
    "差距",
    "差值",
    "相差",
    "差额",
    "比",
    "较",
    "提升",
    "提高",
    "增长",
    "增加",
    "下降",
    "降低",
    "减少",
    "減少",
    "去年",
    "上年",
    "上季",
    "上月",
    "基线",
    "基線",
    "gap",
    "difference",
    "differ",
    "than",
    " vs",
    "versus",
    "compared",
    "increase",
    "improve",
    "decrease",
    "reduce",
    "growth",
    "change",
    "relative",
    "last year",
    "previous",
    "prior",
    "baseline",
];

/// Words with `比` that name a share, not a comparison.
const SHARES: &[&str] = &["占比", "佔比", "比例", "比率"];

/// Comparator phrases, longest first within a meaning, as they are replaced by symbols.
const PHRASES: &[(&str, Comparator)] = &[
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("不小于", Comparator::AtLeast),
    ("及以上", Comparator::AtLeast),
    ("或以上", Comparator::AtLeast),
    ("以上", Comparator::AtLeast),
    ("至少", Comparator::AtLeast),
    ("最低", Comparator::AtLeast),
    ("达到", Comparator::AtLeast),
    ("達到", Comparator::AtLeast),
    ("不高于", Comparator::AtMost),
    ("不高於", Comparator::AtMost),
    ("不低於", Comparator::AtLeast),
    ("不超过", Comparator::AtMost),
    ("不超過", Comparator::AtMost),
    ("不多于", Comparator::AtMost),
    ("不大于", Comparator::AtMost),
    ("及以下", Comparator::AtMost),
    ("或以下", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("至多", Comparator::AtMost),
    ("最多", Comparator::AtMost),
    ("高于", Comparator::Above),
    ("高於", Comparator::Above),
    ("大于", Comparator::Above),
    ("大於", Comparator::Above),
    ("超过", Comparator::Above),
    ("超過", Comparator::Above),
    ("低于", Comparator::Below),
    ("低於", Comparator::Below),
    ("小于", Comparator::Below),
    ("小於", Comparator::Below),
    ("少于", Comparator::Below),
    ("少於", Comparator::Below),
    ("no less than", Comparator::AtLeast),
    ("not less than", Comparator::AtLeast),
    ("at least", Comparator::AtLeast),
    ("or more", Comparator::AtLeast),
    ("or higher", Comparator::AtLeast),
    ("or above", Comparator::AtLeast),
    ("minimum", Comparator::AtLeast),
    ("no more than", Comparator::AtMost),
    ("not more than", Comparator::AtMost),
    ("at most", Comparator::AtMost),
    ("or less", Comparator::AtMost),
    ("or lower", Comparator::AtMost),
    ("or below", Comparator::AtMost),
    ("maximum", Comparator::AtMost),
    ("more than", Comparator::Above),
    ("greater than", Comparator::Above),
    ("higher than", Comparator::Above),
    ("less than", Comparator::Below),
    ("lower than", Comparator::Below),
    ("fewer than", Comparator::Below),
    (">=", Comparator::AtLeast),
    ("=>", Comparator::AtLeast),
    ("<=", Comparator::AtMost),
    ("=<", Comparator::AtMost),
    ("≥", Comparator::AtLeast),
    ("⩾", Comparator::AtLeast),
    ("≧", Comparator::AtLeast),
    ("≤", Comparator::AtMost),
    ("⩽", Comparator::AtMost),
    ("≦", Comparator::AtMost),
    (">", Comparator::Above),
    ("<", Comparator::Below),
    ("=", Comparator::Equal),
];

/// English comparator words that need a word boundary (`above`, `over`, …).
const WORDS: &[(&str, Comparator)] = &[
    ("above", Comparator::Above),
    ("over", Comparator::Above),
    ("exceeds", Comparator::Above),
    ("below", Comparator::Below),
    ("under", Comparator::Below),
];

/// Lower-cased, full-width forms as half-width, every dash alike.
fn normalise(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        // after the width folding, which turns `～` into `~`
        .map(|c| {
            if matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―' | '~') { '–' } else { c }
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// The text without its parenthesised asides.
fn without_asides(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn names(s: &str) -> Names {
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    Names {
        nps: has(&["nps", "净推荐", "淨推薦", "推荐值", "推薦值", "recommend"]),
        satisfied: has(&[
            "满意", "滿意", "satisf", "csat", "top-2", "top 2", "top2", "好评", "好評",
        ]),
        mean: has(&["均值", "平均", "mean", "average", "avg"]),
        effort: has(&["ces", "费力", "費力", "省力", "effort", "easy", "easier", "ease"]),
        agree: has(&["同意", "agree"]),
    }
}

/// Take the metric versions and box ranges out: `ces 2.0`, `top-2`, `4–5分`, `1–7`.
fn without_labels(s: &str) -> String {
    let mut s = s.to_owned();
    for v in ["ces 2.0", "ces2.0", "ces 1.0", "ces1.0", "top-2", "top 2", "top2", "t2b"] {
        s = s.replace(v, " ");
    }
    // ranges a–b (with optional 分 / points after)
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            let mut j = i;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k] == ' ' {
                k += 1;
            }
            if k < chars.len() && (chars[k] == '–' || chars[k] == '至' || chars[k] == '到') {
                let mut m = k + 1;
                while m < chars.len() && chars[m] == ' ' {
                    m += 1;
                }
                if m < chars.len() && chars[m].is_ascii_digit() {
                    while m < chars.len() && (chars[m].is_ascii_digit() || chars[m] == '.') {
                        m += 1;
                    }
                    out.push(' ');
                    i = m;
                    continue;
                }
            }
            out.extend(&chars[start..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The numbers in `s` with what follows each: (value, rest of the text after it).
fn numbers(s: &str) -> Vec<(f64, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let signed = matches!(c, '-' | '−' | '+' | '–')
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
        if c.is_ascii_digit() || signed {
            let start = i;
            i += 1;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let text: String = chars[start..i]
                .iter()
                .filter(|c| **c != ',')
                .map(|c| if matches!(c, '−' | '–') { '-' } else { *c })
                .collect();
            if let Ok(v) = text.parse::<f64>() {
                out.push((v, chars[i..].iter().collect()));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Replace comparator phrases by markers, returning the text and the comparators found.
fn comparators(s: &str) -> (String, Vec<Comparator>) {
    let mut s = s.to_owned();
    let mut found = Vec::new();
    for (phrase, cmp) in PHRASES {
        while let Some(at) = s.find(phrase) {
            found.push(*cmp);
            s.replace_range(at..at + phrase.len(), " \u{1} ");
        }
    }
    let mut words: Vec<String> = Vec::new();
    for w in s.split(' ') {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if let Some((_, cmp)) = WORDS.iter().find(|(x, _)| *x == bare) {
            found.push(*cmp);
            words.push("\u{1}".into());
        } else {
            words.push(w.to_owned());
        }
    }
    (words.join(" "), found)
}

/// Read a target from its text.
pub fn parse(text: &str) -> Result<Target, Unjudged> {
    let full = normalise(text);
    let names = names(&full);
    let bare = without_asides(&full);
    let (rest, found) = comparators(&bare);
    let shares = |s: String| SHARES.iter().fold(s, |s, w| s.replace(w, " "));
    let words = shares(rest.clone());
    let full_rest = shares(comparators(&full).0);
    if COMPARISONS.iter().any(|w| words.contains(w) || full_rest.contains(w)) {
        return Err(Unjudged::Comparison);
    }
    let Some(&comparator) = found.first() else { return Err(Unjudged::NoComparator) };
    if found.iter().any(|c| *c != comparator) {
        return Err(Unjudged::SeveralComparators);
    }
    let nums = numbers(&without_labels(&rest));
    let (value, after) = match nums.as_slice() {
        [] => return Err(Unjudged::NoNumber),
        [one] => one.clone(),
        _ => return Err(Unjudged::SeveralNumbers),
    };
    let after = after.trim_start();
    let is_percent = after.starts_with('%') || after.starts_with("percent");
    let is_points = after.starts_with('分')
        || after.starts_with("point")
        || after.starts_with("pts")
        || after.starts_with("pt");
    if after.starts_with("个百分点") || after.starts_with("個百分點") || after.starts_with("pp")
    {
        return Err(Unjudged::Comparison);
    }
    Ok(Target { comparator, value, is_percent, is_points, names })
}

impl Target {
    /// Which figure of `metric` (answered on `min..max`) the target is about, or why it is
    /// not one of them.
    pub fn quantity_for(&self, metric: Metric, min: f64, max: f64) -> Result<Quantity, Unjudged> {
        let n = self.names;
        let on_scale = self.value >= min && self.value <= max;
        match metric {
            Metric::Nps => {
                if !n.nps {
                    Err(Unjudged::OtherQuantity)
                } else if self.is_percent || !(-100.0..=100.0).contains(&self.value) {
                    Err(Unjudged::Unit)
                } else {
                    Ok(Quantity::Nps)
                }
            }
            Metric::Csat => {
                if !n.satisfied || n.nps || n.effort {
                    Err(Unjudged::OtherQuantity)
                } else if self.is_percent && !n.mean {
                    if (0.0..=100.0).contains(&self.value) {
                        Ok(Quantity::SatisfiedShare)
                    } else {
                        Err(Unjudged::Unit)
                    }
                } else if n.mean && !self.is_percent && on_scale {
                    Ok(Quantity::Mean)
                } else {
                    Err(Unjudged::Unit)
                }
            }
            Metric::Ces => {
                if !(n.effort || n.mean) || n.nps || n.satisfied {
                    Err(Unjudged::OtherQuantity)
                } else if self.is_percent {
                    if n.agree && (0.0..=100.0).contains(&self.value) {
                        Ok(Quantity::AgreeShare)
                    } else {
                        Err(Unjudged::Unit)
                    }
                } else if on_scale && !self.is_points {
                    Ok(Quantity::Mean)
                } else if on_scale && self.is_points {
                    // 5.5 分 on a 1–7 scale is still the mean
                    Ok(Quantity::Mean)
                } else {
                    Err(Unjudged::Unit)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Comparator::*;
    use super::*;

    fn read(text: &str, metric: Metric) -> Result<(Comparator, f64, Quantity), Unjudged> {
        let s = metric.default_scale();
        let t = parse(text)?;
        let q = t.quantity_for(metric, s.min, s.max)?;
        Ok((t.comparator, t.value, q))
    }

    #[test]
    fn the_examples_targets() {
        use Quantity::*;
        let ces = Metric::Ces;
        let csat = Metric::Csat;
        let nps = Metric::Nps;
        // workshops/zh-bank
        assert_eq!(read("CES均值≥5.5", ces), Ok((AtLeast, 5.5, Mean)));
        assert_eq!(read("CES均值≥5.0", ces), Ok((AtLeast, 5.0, Mean)));
        assert_eq!(read("满意（4–5分）占比≥85%", csat), Ok((AtLeast, 85.0, SatisfiedShare)));
        assert_eq!(read("NPS≥30", nps), Ok((AtLeast, 30.0, Nps)));
        assert_eq!(read("等候环节满意率≥80%", csat), Ok((AtLeast, 80.0, SatisfiedShare)));
        assert_eq!(read("对理财经理沟通的满意率≥85%", csat), Ok((AtLeast, 85.0, SatisfiedShare)));
        assert_eq!(read("财富客户 NPS≥25", nps), Ok((AtLeast, 25.0, Nps)));
        assert_eq!(read("老年客户 NPS≥40", nps), Ok((AtLeast, 40.0, Nps)));
        assert_eq!(read("投诉客户 NPS≥0", nps), Ok((AtLeast, 0.0, Nps)));
        assert_eq!(read("对解除时效的满意率≥80%", csat), Ok((AtLeast, 80.0, SatisfiedShare)));
        assert_eq!(read("投诉客户与非投诉客户 NPS 差距≤15 分", nps), Err(Unjudged::Comparison));
        // workshops/en-hotel.yaml
        assert_eq!(read("≥ 80 % satisfied (4–5)", csat), Ok((AtLeast, 80.0, SatisfiedShare)));
        assert_eq!(read("NPS ≥ 40", nps), Ok((AtLeast, 40.0, Nps)));
        assert_eq!(read("Mean ≥ 5.5 (1–7, higher = easier)", ces), Ok((AtLeast, 5.5, Mean)));
        assert_eq!(
            read("≥ 80 % satisfied (4–5) with the handling", csat),
            Ok((AtLeast, 80.0, SatisfiedShare))
        );
        // CES 1.0, on 1–5
        assert_eq!(
            parse("Mean ≤ 2.5 (1–5, lower = less effort)")
                .and_then(|t| t.quantity_for(ces, 1.0, 5.0).map(|q| (t.comparator, t.value, q))),
            Ok((AtMost, 2.5, Mean))
        );
        assert_eq!(read("NPS ≥ 0 among complainers", nps), Ok((AtLeast, 0.0, Nps)));
    }

    #[test]
    fn comparators_in_words() {
        use Quantity::*;
        let (ces, csat, nps) = (Metric::Ces, Metric::Csat, Metric::Nps);
        assert_eq!(read("NPS 不低于 30", nps), Ok((AtLeast, 30.0, Nps)));
        assert_eq!(read("NPS 30 以上", nps), Ok((AtLeast, 30.0, Nps)));
        assert_eq!(read("NPS至少＋20", nps), Ok((AtLeast, 20.0, Nps)));
        assert_eq!(read("NPS ＞ 50", nps), Ok((Above, 50.0, Nps)));
        assert_eq!(read("NPS>=−10", nps), Ok((AtLeast, -10.0, Nps)));
        assert_eq!(read("净推荐值达到 45", nps), Ok((AtLeast, 45.0, Nps)));
        assert_eq!(read("NPS of at least 35 points", nps), Ok((AtLeast, 35.0, Nps)));
        assert_eq!(read("NPS 40 or higher", nps), Ok((AtLeast, 40.0, Nps)));
        assert_eq!(read("NPS above 20", nps), Ok((Above, 20.0, Nps)));
        assert_eq!(read("满意度 90% 以上", csat), Ok((AtLeast, 90.0, SatisfiedShare)));
        assert_eq!(read("滿意（4–5分）佔比≧85％", csat), Ok((AtLeast, 85.0, SatisfiedShare)));
        assert_eq!(read("CSAT top-2 box at least 75%", csat), Ok((AtLeast, 75.0, SatisfiedShare)));
        assert_eq!(read("at least 85% satisfied", csat), Ok((AtLeast, 85.0, SatisfiedShare)));
        assert_eq!(read("满意度均值≥4.2", csat), Ok((AtLeast, 4.2, Mean)));
        assert_eq!(read("CSAT mean of 4.5 or more", csat), Ok((AtLeast, 4.5, Mean)));
        assert_eq!(read("CES 2.0 均值不低于 5.5 分", ces), Ok((AtLeast, 5.5, Mean)));
        assert_eq!(read("客户费力度均值≥5", ces), Ok((AtLeast, 5.0, Mean)));
        assert_eq!(read("CES ≥ 5.5", ces), Ok((AtLeast, 5.5, Mean)));
        assert_eq!(read("同意省力的占比≥70%", ces), Ok((AtLeast, 70.0, AgreeShare)));
        assert_eq!(read("at least 70% agree it was easy", ces), Ok((AtLeast, 70.0, AgreeShare)));
        assert_eq!(read("CES mean no more than 2", ces), Ok((AtMost, 2.0, Mean)));
        assert_eq!(read("CES均值 = 6", ces), Ok((Equal, 6.0, Mean)));
    }

    #[test]
    fn targets_that_are_not_judged() {
        use Unjudged::*;
        let (ces, csat, nps) = (Metric::Ces, Metric::Csat, Metric::Nps);
        // two quantities: a gap, a change, a comparison with another period or group
        assert_eq!(read("投诉客户与非投诉客户 NPS 差距≤15 分", nps), Err(Comparison));
        assert_eq!(read("NPS 比上季度提高 10 分", nps), Err(Comparison));
        assert_eq!(read("NPS 较去年提升≥5", nps), Err(Comparison));
        assert_eq!(read("满意率同比提升 5 个百分点", csat), Err(Comparison));
        assert_eq!(read("满意率≥80%（与总行差距≤5%）", csat), Err(Comparison));
        assert_eq!(read("NPS gap between complainers and others ≤ 15", nps), Err(Comparison));
        assert_eq!(read("NPS higher than last year", nps), Err(Comparison));
        assert_eq!(read("CSAT ≥ 80% vs 2025", csat), Err(Comparison));
        assert_eq!(read("NPS ≥ 30 (last year 25)", nps), Err(Comparison));
        assert_eq!(read("Difference in NPS ≤ 10 points", nps), Err(Comparison));
        assert_eq!(read("NPS improves by 10", nps), Err(Comparison));
        // no comparator, no number, several numbers
        assert_eq!(read("NPS 30", nps), Err(NoComparator));
        assert_eq!(read("客户满意", csat), Err(NoComparator));
        assert_eq!(read("NPS ≥ 行业均值", nps), Err(NoNumber));
        assert_eq!(read("满意率≥80%且回访率≥95%", csat), Err(SeveralNumbers));
        assert_eq!(read("满意率≥80%，投诉≤2 笔", csat), Err(SeveralComparators));
        assert_eq!(read("30秒问候率≥95%", csat), Err(SeveralNumbers));
        assert_eq!(read("NPS ≥ 30 in 2027", nps), Err(SeveralNumbers));
        assert_eq!(read("NPS ≥ 30, never < 0", nps), Err(SeveralComparators));
        // another quantity than the one measured
        assert_eq!(read("一次解决率≥90%", csat), Err(OtherQuantity));
        assert_eq!(read("≥ 90 % served on time", csat), Err(OtherQuantity));
        assert_eq!(read("NPS≥30", csat), Err(OtherQuantity));
        assert_eq!(read("满意率≥85%", nps), Err(OtherQuantity));
        assert_eq!(read("满意率≥85%", ces), Err(OtherQuantity));
        // units that do not fit
        assert_eq!(read("NPS≥30%", nps), Err(Unit));
        assert_eq!(read("NPS ≥ 120", nps), Err(Unit));
        assert_eq!(read("满意度≥4.5", csat), Err(Unit));
        assert_eq!(read("满意度均值≥85%", csat), Err(Unit));
        assert_eq!(read("CES均值≥8", ces), Err(Unit));
        assert_eq!(read("CES ≥ 80%", ces), Err(Unit));
    }

    #[test]
    fn margins_have_the_good_side_positive() {
        assert!(AtLeast.holds(5.5, 5.5) && !Above.holds(5.5, 5.5));
        assert!((AtLeast.margin(5.17, 5.5) + 0.33).abs() < 1e-9);
        assert!((AtMost.margin(3.83, 2.5) + 1.33).abs() < 1e-9);
        assert!(AtMost.holds(2.0, 2.5) && Below.holds(2.0, 2.5) && !Below.holds(2.5, 2.5));
        assert_eq!(AtLeast.symbol(), "≥");
    }
}
