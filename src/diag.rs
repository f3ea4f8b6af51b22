//! Diagnostics as data: file, position, field path, message, what was expected, a hint.
//!
//! Input: what a stage found wrong (messages, positions), or an error value. Output:
//! [`Diagnostic`]s, their terminal rendering ([`render`]), and the small helpers every
//! stage shares to word them: [`suggest`] (did-you-mean), [`rich_error`] (a serde error
//! carrying an "expected" and a hint, split again by [`split_rich`]) and [`chain`] (an
//! error with its causes). A leaf: it imports no other module of the crate, and does no
//! I/O.
//!
//! Every stage that reads user input returns these instead of stopping at the first
//! problem; [`render`] prints them rustc-style with a snippet of the user's own line and a
//! caret placed by display width, so it stays under the right character in Chinese text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

/// Separates message, expected and hint inside a serde custom error string: see
/// [`rich_error`] and [`split_rich`].
pub const SEP: char = '\u{1F}';

/// Build a serde custom error that carries an "expected" and a hint; the collecting
/// deserialiser of the input stage turns it into a [`Diagnostic`] with those fields.
pub fn rich_error<E: serde::de::Error>(message: &str, expected: &str, hint: &str) -> E {
    E::custom(format!("{message}{SEP}{expected}{SEP}{hint}"))
}

/// The message, the "expected" and the hint of an error message built with [`SEP`]
/// (empty parts are `None`).
pub fn split_rich(msg: &str) -> (&str, Option<&str>, Option<&str>) {
    let mut parts = msg.split(SEP);
    let message = parts.next().unwrap_or_default();
    let expected = parts.next().filter(|s| !s.is_empty());
    let hint = parts.next().filter(|s| !s.is_empty());
    (message, expected, hint)
}

/// The closest candidate to `input`, if it is close enough to be a likely typo.
pub fn suggest<'c>(input: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = input.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = strsim::damerau_levenshtein(&lower, &c.to_lowercase());
        let limit = (c.chars().count().max(lower.chars().count()) / 3).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// An error and its causes as one line, `error: cause: cause`. A cause whose text the line
/// already ends with (an error that also prints its source) is not repeated.
pub fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !s.ends_with(&text) {
            s.push_str(": ");
            s.push_str(&text);
        }
        cause = c.source();
    }
    s
}

/// A 1-based line and column (the column counts characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The input cannot be used.
    Error,
    /// The input can be used but is probably not what was meant.
    Warning,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    /// Where in the file.
    pub pos: Pos,
    /// The field path, e.g. `groups[1].journeys[0].steps[2].emotion`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What was expected, if that helps.
    pub expected: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// Boxed, for `Result` error variants (a diagnostic is large).
    pub fn into_box(self) -> Box<Self> {
        Box::new(self)
    }

    /// A new error.
    pub fn error(
        file: impl Into<String>,
        pos: Pos,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            pos,
            path: path.into(),
            message: message.into(),
            expected: None,
            hint: None,
        }
    }

    /// A new warning.
    pub fn warning(
        file: impl Into<String>,
        pos: Pos,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, pos, path, message) }
    }

    /// Add what was expected.
    #[must_use]
    pub fn expected(mut self, e: impl Into<String>) -> Self {
        self.expected = Some(e.into());
        self
    }

    /// Add a hint.
    #[must_use]
    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }

    /// Set what was expected, in place.
    pub fn set_expected(&mut self, e: impl Into<String>) -> &mut Self {
        self.expected = Some(e.into());
        self
    }

    /// Set the hint, in place.
    pub fn set_hint(&mut self, h: impl Into<String>) -> &mut Self {
        self.hint = Some(h.into());
        self
    }

    /// Is it an error?
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sort diagnostics by file, then position, and drop exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (&a.file, a.pos, &a.path, &a.message).cmp(&(&b.file, b.pos, &b.path, &b.message))
    });
    diags.dedup();
}

/// Render diagnostics for a terminal. `sources` maps a file name to its text, for snippets.
pub fn render(diags: &[Diagnostic], sources: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for d in diags {
        let label = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", d.message);
        let _ = writeln!(out, "  --> {}:{}:{}", d.file, d.pos.line, d.pos.col);
        if let Some(line) =
            sources.get(&d.file).and_then(|t| t.lines().nth(d.pos.line.saturating_sub(1)))
        {
            let line = line.trim_end_matches('\r').replace('\t', " ");
            let (line, col) = window(&line, d.pos.col.saturating_sub(1));
            let num = d.pos.line.to_string();
            let pad = " ".repeat(num.len());
            let caret_at: usize = line.chars().take(col).map(|c| c.width().unwrap_or(0)).sum();
            let width = token_width(&line, col);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {line}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(caret_at), "^".repeat(width.max(1)));
        }
        if !d.path.is_empty() {
            let _ = writeln!(out, "   = field: {}", d.path);
        }
        if let Some(e) = &d.expected {
            let _ = writeln!(out, "   = expected: {e}");
        }
        if let Some(h) = &d.hint {
            let _ = writeln!(out, "   = hint: {h}");
        }
        out.push('\n');
    }
    out
}

/// Display width of the token starting at char `start`: up to the next `:` of a key, or
/// to the end of the value, at most the rest of the line.
fn token_width(line: &str, start: usize) -> usize {
    let rest: String = line.chars().skip(start).collect();
    let rest = rest.strip_prefix("- ").unwrap_or(&rest);
    let end = if rest.starts_with(['"', '\'']) {
        rest[1..].find(rest.chars().next().unwrap_or('"')).map_or(rest.len(), |i| i + 2)
    } else if rest.starts_with(['[', '{']) {
        1
    } else {
        [": ", ",", "}", "]", " #"]
            .iter()
            .filter_map(|stop| rest.find(stop))
            .min()
            .unwrap_or_else(|| rest.strip_suffix(':').map_or(rest.len(), str::len))
    };
    rest[..end].trim_end().chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A window of at most about 100 columns of `line` around char `col` (0-based), and the
/// char index of `col` inside that window.
fn window(line: &str, col: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= 100 {
        return (line.to_owned(), col);
    }
    let from = col.saturating_sub(40);
    let to = (col + 60).min(chars.len());
    let mut s = String::new();
    let mut at = col - from;
    if from > 0 {
        s.push('…');
        at += 1;
    }
    s.extend(&chars[from..to]);
    if to < chars.len() {
        s.push('…');
    }
    (s, at)
}

/// Count errors and warnings.
pub fn counts(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("perfomance", ["performance", "listening"]), Some("performance"));
        assert_eq!(suggest("zzz", ["performance", "listening"]), None);
    }

    #[test]
    fn rich_errors_split_back() {
        let e: serde::de::value::Error = rich_error("bad", "good", "");
        assert_eq!(split_rich(&e.to_string()), ("bad", Some("good"), None));
        assert_eq!(split_rich("plain"), ("plain", None, None));
    }

    #[test]
    fn chains_skip_causes_already_printed() {
        #[derive(Debug)]
        struct Outer(std::io::Error, bool);
        impl std::fmt::Display for Outer {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                if self.1 { write!(f, "outer: {}", self.0) } else { f.write_str("outer") }
            }
        }
        impl std::error::Error for Outer {
            fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                Some(&self.0)
            }
        }
        let io = || std::io::Error::other("inner");
        assert_eq!(chain(&Outer(io(), false)), "outer: inner");
        assert_eq!(chain(&Outer(io(), true)), "outer: inner");
    }

    #[test]
    fn caret_is_placed_by_display_width() {
        let d = Diagnostic::error("f.yaml", Pos { line: 1, col: 7 }, "a", "bad");
        let mut src = BTreeMap::new();
        src.insert("f.yaml".to_string(), "名称：有形 xyz: 1".to_string());
        let r = render(&[d], &src);
        // 6 chars before the column: 名称：有形 (5 wide chars = 10 columns) + a space
        assert!(r.contains("\n  | ".to_string().as_str()));
        assert!(r.contains("  |            ^^^\n"), "{r}");
    }
}
