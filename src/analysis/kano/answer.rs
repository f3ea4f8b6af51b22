//! One Kano answer, parsed from what a survey export holds (the importance rating is
//! [`super::importance`], which shares the folding of cells defined here).
//!
//! Source: METHODS §1.1 (the five options of Kano et al. 1984 as worded by Berger et al.
//! 1993, with the Chinese variants the course uses) and §1.3 "Coding" (reversed exports are
//! accepted only when declared).
//!
//! # Matching
//!
//! A value is folded before it is compared: leading and trailing white space (including the
//! ideographic space U+3000) is dropped, full-width ASCII (`１`, `Ｉ　ｌｉｋｅ　ｉｔ`) becomes
//! half-width, letters are lower-cased, and runs of spaces, `-`, `_` and dashes become one
//! space, so `Must-be`, `must be` and `MUST_BE` are the same wording. One trailing full stop
//! or exclamation mark (`.`, `。`, `!`, `！`) is ignored, because questionnaire tools often
//! export option labels with the sentence's punctuation.
//!
//! Accepted wordings, besides the codes `1`–`5`:
//!
//! | code | English | Chinese (Simplified and Traditional) |
//! |---|---|---|
//! | 1 | I like it · like · I like it that way | 我很喜欢 喜欢 非常喜欢 · 我很喜歡 喜歡 非常喜歡 |
//! | 2 | I expect it · must-be · it must be that way | 它理应如此 理应如此 理所当然 必须的 · 它理應如此 理應如此 理所當然 必須的 |
//! | 3 | I am neutral · neutral · indifferent | 无所谓 无所谓的 中立 · 無所謂 無所謂的 |
//! | 4 | I can live with it · I can tolerate it · tolerate · live with · I can live with it that way | 能忍受 可以忍受 勉强接受 · 勉強接受 |
//! | 5 | I dislike it · dislike · I dislike it that way | 我很不喜欢 不喜欢 很不喜欢 · 我很不喜歡 不喜歡 很不喜歡 |
//!
//! The "… that way" forms are Kano's original questionnaire wording (of which METHODS lists
//! "it must be that way"); they are accepted for the same reason. Nothing else is guessed:
//! any other value is [`InvalidValue`], and a blank cell is `Ok(None)` (missing, counted and
//! excluded by the caller).

use std::fmt;

use serde::{Deserialize, Serialize};

/// One of the five answer options. The discriminant is the standard code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Answer {
    /// 1 — I like it (我很喜欢).
    Like = 1,
    /// 2 — I expect it / it must be that way (它理应如此).
    MustBe = 2,
    /// 3 — I am neutral (无所谓).
    Neutral = 3,
    /// 4 — I can live with it (能忍受).
    LiveWith = 4,
    /// 5 — I dislike it (我很不喜欢).
    Dislike = 5,
}

/// How the numeric codes of an export run. Wordings are never affected.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Coding {
    /// 1 like … 5 dislike (METHODS §1.1, the default).
    #[default]
    Standard,
    /// 5 like … 1 dislike, as some exports write it; only when the user declares it.
    Reversed,
}

/// A value that is neither blank nor a recognised answer (or importance rating).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unrecognised value `{value}`")]
pub struct InvalidValue {
    /// The value as given, trimmed.
    pub value: String,
}

impl InvalidValue {
    pub(super) fn new(raw: &str) -> InvalidValue {
        InvalidValue { value: raw.trim().to_owned() }
    }
}

impl Answer {
    /// All five, in code order.
    pub const ALL: [Answer; 5] =
        [Answer::Like, Answer::MustBe, Answer::Neutral, Answer::LiveWith, Answer::Dislike];

    /// The standard code 1–5.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// The answer with standard code `code` (1 like … 5 dislike).
    pub fn from_code(code: u8) -> Option<Answer> {
        match code {
            1 => Some(Answer::Like),
            2 => Some(Answer::MustBe),
            3 => Some(Answer::Neutral),
            4 => Some(Answer::LiveWith),
            5 => Some(Answer::Dislike),
            _ => None,
        }
    }

    /// Index 0–4 (code − 1), for tables.
    pub fn index(self) -> usize {
        usize::from(self.code().saturating_sub(1))
    }

    /// Parse one cell: `Ok(Some(answer))`, `Ok(None)` for a blank cell (missing), or
    /// `Err` for anything unrecognised. `coding` applies to the numeric codes only.
    #[inline]
    pub fn parse(raw: &str, coding: Coding) -> Result<Option<Answer>, InvalidValue> {
        // Fast paths for what exports hold almost always — a bare code, or a wording exactly
        // as listed (Chinese as is, English in any ASCII case) — with no allocation. Each
        // returns what the general path would: these strings are fixed points of `fold`.
        if let [d @ b'1'..=b'5'] = raw.as_bytes() {
            let code = match coding {
                Coding::Standard => *d - b'0',
                Coding::Reversed => b'6' - *d,
            };
            return Ok(Answer::from_code(code));
        }
        if raw.is_empty() {
            return Ok(None);
        }
        Self::parse_text(raw, coding)
    }

    /// [`Answer::parse`] beyond a bare code.
    fn parse_text(raw: &str, coding: Coding) -> Result<Option<Answer>, InvalidValue> {
        if let Some(a) = wording(raw) {
            return Ok(Some(a));
        }
        if raw.len() <= 32 && raw.is_ascii() {
            let mut buf = [0u8; 32];
            let lower = &mut buf[..raw.len()];
            lower.copy_from_slice(raw.as_bytes());
            lower.make_ascii_lowercase();
            if let Some(a) = std::str::from_utf8(lower).ok().and_then(wording) {
                return Ok(Some(a));
            }
        }
        let folded = fold(raw);
        if folded.is_empty() {
            return Ok(None);
        }
        if let Some(code) = single_digit(&folded) {
            let code = match coding {
                Coding::Standard => Some(code),
                Coding::Reversed => 6u8.checked_sub(code),
            };
            return code
                .and_then(Answer::from_code)
                .map(Some)
                .ok_or_else(|| InvalidValue::new(raw));
        }
        wording(&folded).map(Some).ok_or_else(|| InvalidValue::new(raw))
    }

    /// The English wording of Berger et al. 1993.
    pub fn en_label(self) -> &'static str {
        match self {
            Answer::Like => "I like it",
            Answer::MustBe => "I expect it",
            Answer::Neutral => "I am neutral",
            Answer::LiveWith => "I can live with it",
            Answer::Dislike => "I dislike it",
        }
    }

    /// The Chinese wording of the course.
    pub fn zh_label(self) -> &'static str {
        match self {
            Answer::Like => "我很喜欢",
            Answer::MustBe => "它理应如此",
            Answer::Neutral => "无所谓",
            Answer::LiveWith => "能忍受",
            Answer::Dislike => "我很不喜欢",
        }
    }
}

impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.en_label())
    }
}

/// Fold a cell for comparison (see the module docs). Inner dashes become a space, so after
/// folding `9 - x` reads `9 x`; a leading or trailing dash stays, so `-1` is not `1`.
pub(super) fn fold(raw: &str) -> String {
    let half: String = raw
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut out = String::with_capacity(half.len());
    let mut in_separator = false;
    for c in half.trim().chars() {
        if c.is_whitespace() || matches!(c, '-' | '_' | '\u{2010}'..='\u{2015}' | '\u{2212}') {
            if !in_separator {
                out.push(' ');
            }
            in_separator = true;
            continue;
        }
        in_separator = false;
        out.extend(c.to_lowercase());
    }
    // One trailing sentence mark after a word (never after a digit: `1.` is not a code).
    if let Some(body) = out.strip_suffix(['.', '!', '。']) {
        let body = body.trim_end();
        if body.chars().last().is_some_and(|c| !c.is_ascii_digit()) {
            return body.to_owned();
        }
    }
    out
}

/// The code of a folded one-digit value.
fn single_digit(folded: &str) -> Option<u8> {
    match folded.as_bytes() {
        [d @ b'0'..=b'9'] => Some(d - b'0'),
        _ => None,
    }
}

/// A folded wording of METHODS §1.1.
fn wording(folded: &str) -> Option<Answer> {
    let a = match folded {
        "i like it" | "like" | "i like it that way" | "我很喜欢" | "喜欢" | "非常喜欢"
        | "我很喜歡" | "喜歡" | "非常喜歡" => Answer::Like,
        "i expect it"
        | "must be"
        | "it must be that way"
        | "它理应如此"
        | "理应如此"
        | "理所当然"
        | "必须的"
        | "它理應如此"
        | "理應如此"
        | "理所當然"
        | "必須的" => Answer::MustBe,
        "i am neutral" | "neutral" | "indifferent" | "无所谓" | "无所谓的" | "中立" | "無所謂"
        | "無所謂的" => Answer::Neutral,
        "i can live with it"
        | "i can tolerate it"
        | "tolerate"
        | "live with"
        | "i can live with it that way"
        | "能忍受"
        | "可以忍受"
        | "勉强接受"
        | "勉強接受" => Answer::LiveWith,
        "i dislike it"
        | "dislike"
        | "i dislike it that way"
        | "我很不喜欢"
        | "不喜欢"
        | "很不喜欢"
        | "我很不喜歡"
        | "不喜歡"
        | "很不喜歡" => Answer::Dislike,
        _ => return None,
    };
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Option<Answer>, InvalidValue> {
        Answer::parse(s, Coding::Standard)
    }

    const WORDINGS: &[(&str, Answer)] = &[
        // 1
        ("I like it", Answer::Like),
        ("like", Answer::Like),
        ("I like it that way", Answer::Like),
        ("我很喜欢", Answer::Like),
        ("喜欢", Answer::Like),
        ("非常喜欢", Answer::Like),
        ("我很喜歡", Answer::Like),
        ("喜歡", Answer::Like),
        ("非常喜歡", Answer::Like),
        // 2
        ("I expect it", Answer::MustBe),
        ("must-be", Answer::MustBe),
        ("must be", Answer::MustBe),
        ("It must be that way", Answer::MustBe),
        ("它理应如此", Answer::MustBe),
        ("理应如此", Answer::MustBe),
        ("理所当然", Answer::MustBe),
        ("必须的", Answer::MustBe),
        ("它理應如此", Answer::MustBe),
        ("理應如此", Answer::MustBe),
        ("理所當然", Answer::MustBe),
        ("必須的", Answer::MustBe),
        // 3
        ("I am neutral", Answer::Neutral),
        ("neutral", Answer::Neutral),
        ("indifferent", Answer::Neutral),
        ("无所谓", Answer::Neutral),
        ("无所谓的", Answer::Neutral),
        ("中立", Answer::Neutral),
        ("無所謂", Answer::Neutral),
        ("無所謂的", Answer::Neutral),
        // 4
        ("I can live with it", Answer::LiveWith),
        ("I can tolerate it", Answer::LiveWith),
        ("tolerate", Answer::LiveWith),
        ("live with", Answer::LiveWith),
        ("live-with", Answer::LiveWith),
        ("I can live with it that way", Answer::LiveWith),
        ("能忍受", Answer::LiveWith),
        ("可以忍受", Answer::LiveWith),
        ("勉强接受", Answer::LiveWith),
        ("勉強接受", Answer::LiveWith),
        // 5
        ("I dislike it", Answer::Dislike),
        ("dislike", Answer::Dislike),
        ("I dislike it that way", Answer::Dislike),
        ("我很不喜欢", Answer::Dislike),
        ("不喜欢", Answer::Dislike),
        ("很不喜欢", Answer::Dislike),
        ("我很不喜歡", Answer::Dislike),
        ("不喜歡", Answer::Dislike),
        ("很不喜歡", Answer::Dislike),
    ];

    #[test]
    fn every_wording() {
        for &(w, a) in WORDINGS {
            assert_eq!(p(w), Ok(Some(a)), "{w}");
            // Trimmed, case-insensitive, upper case and padded.
            assert_eq!(p(&format!("  {}\t", w.to_uppercase())), Ok(Some(a)), "{w}");
            // Full-width.
            let wide: String = w
                .chars()
                .map(|c| match c {
                    '!'..='~' => char::from_u32(c as u32 + 0xFEE0).unwrap(),
                    ' ' => '\u{3000}',
                    c => c,
                })
                .collect();
            assert_eq!(p(&wide), Ok(Some(a)), "{wide}");
            // Reversed coding never touches wordings.
            assert_eq!(Answer::parse(w, Coding::Reversed), Ok(Some(a)), "{w}");
        }
    }

    #[test]
    fn separators_and_punctuation_fold() {
        assert_eq!(p("MUST_BE"), Ok(Some(Answer::MustBe)));
        assert_eq!(p("Must  -  be"), Ok(Some(Answer::MustBe)));
        assert_eq!(p("I  like   it"), Ok(Some(Answer::Like)));
        assert_eq!(p("I like it."), Ok(Some(Answer::Like)));
        assert_eq!(p("I like it !"), Ok(Some(Answer::Like)));
        assert_eq!(p("我很喜欢。"), Ok(Some(Answer::Like)));
        assert_eq!(p("我很喜欢！"), Ok(Some(Answer::Like)));
        assert_eq!(p("ｉ　ｃａｎ　ｔｏｌｅｒａｔｅ　ｉｔ"), Ok(Some(Answer::LiveWith)));
    }

    #[test]
    fn codes_standard_and_reversed() {
        for a in Answer::ALL {
            let code = a.code();
            assert_eq!(Answer::from_code(code), Some(a));
            assert_eq!(p(&code.to_string()), Ok(Some(a)));
            assert_eq!(p(&format!(" {code} ")), Ok(Some(a)));
            let wide = char::from_u32(u32::from(b'0' + code) + 0xFEE0).unwrap().to_string();
            assert_eq!(p(&wide), Ok(Some(a)));
            assert_eq!(
                Answer::parse(&code.to_string(), Coding::Reversed),
                Ok(Answer::from_code(6 - code))
            );
        }
        assert_eq!(Answer::parse("5", Coding::Reversed), Ok(Some(Answer::Like)));
        assert_eq!(Answer::parse("1", Coding::Reversed), Ok(Some(Answer::Dislike)));
        assert_eq!(Answer::parse("3", Coding::Reversed), Ok(Some(Answer::Neutral)));
        assert!(Answer::parse("0", Coding::Reversed).is_err());
        assert!(Answer::parse("6", Coding::Reversed).is_err());
        assert!(Answer::parse("9", Coding::Reversed).is_err());
    }

    #[test]
    fn blank_is_missing_anything_else_invalid() {
        for blank in ["", "   ", "\t", "\u{3000}"] {
            assert_eq!(p(blank), Ok(None), "{blank:?}");
        }
        for bad in [
            "0",
            "6",
            "10",
            "1.0",
            "-1",
            "x",
            "likes",
            "I love it",
            "yes",
            "A",
            "喜",
            "很喜欢它",
            "neutral neutral",
            "1 like",
            "..",
            ".",
            "1.",
            "-like",
            "like-",
            "- 1",
        ] {
            let e = p(bad).unwrap_err();
            assert_eq!(e.value, bad.trim(), "{bad}");
        }
        assert_eq!(p("  nope ").unwrap_err().to_string(), "unrecognised value `nope`");
    }

    #[test]
    fn labels() {
        for a in Answer::ALL {
            assert_eq!(p(a.en_label()), Ok(Some(a)));
            assert_eq!(p(a.zh_label()), Ok(Some(a)));
            assert_eq!(a.to_string(), a.en_label());
            assert_eq!(Answer::ALL[a.index()], a);
        }
    }
}
