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
/// Separates a message's key from its arguments, and the arguments from each other.
const ARG_SEP: char = '\u{1E}';
/// Separates an argument's name from its value.
const NAME_SEP: char = '\u{1D}';
/// Separates the items of a list argument.
const ITEM_SEP: char = '\u{1C}';

/// The text a deserialiser hands a field whose value was wrong, so that the rest of the
/// record can still be built and checked: types that parse text (the model's dates and
/// vocabularies) map it to their own placeholder value, and renderers never show it (a
/// [`Arg::Text`] holding it prints as `?`). It cannot come from a file: the input stage
/// rejects control characters.
pub const PLACEHOLDER: &str = "\u{1A}invalid\u{1A}";

/// One argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Arg {
    /// Shown as it is: a value, key or path as the user typed it, a number, a file name.
    Text(String),
    /// A word of the catalog (`check.words.<key>`), shown in the reader's language.
    Word(String),
    /// Values as typed, each quoted, joined by the language's list separator.
    List(Vec<String>),
    /// A message of its own, worded in the same language (a clause of a longer message).
    /// Through a serde error string ([`Msg::encode`]) it travels as its key form only, so
    /// messages built inside a `Deserialize` impl do not nest.
    Msg(Box<Msg>),
}

/// A message as data: a key of the wording catalog's `check` section and the values of its
/// `{placeholders}`. It becomes words only when printed, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Msg {
    /// The key under `check` (`unknown_field`); `raw` for text that has no key yet.
    pub key: String,
    /// Placeholder name → value.
    pub args: Vec<(String, Arg)>,
}

impl Msg {
    /// A message without arguments.
    pub fn new(key: &str) -> Self {
        Msg { key: key.to_owned(), args: Vec::new() }
    }

    /// Text shown as it is, in every language (an error of the system, a parser's words).
    pub fn raw(text: impl Into<String>) -> Self {
        Msg::new("raw").text("text", text.into())
    }

    /// Add an argument shown as typed.
    #[must_use]
    pub fn text(mut self, name: &str, value: impl ToString) -> Self {
        self.args.push((name.to_owned(), Arg::Text(value.to_string())));
        self
    }

    /// Add an argument that is a catalog word (`check.words.<key>`).
    #[must_use]
    pub fn word(mut self, name: &str, key: &str) -> Self {
        self.args.push((name.to_owned(), Arg::Word(key.to_owned())));
        self
    }

    /// Add a list argument.
    #[must_use]
    pub fn list<S: ToString>(mut self, name: &str, items: impl IntoIterator<Item = S>) -> Self {
        let items = items.into_iter().map(|s| s.to_string()).collect();
        self.args.push((name.to_owned(), Arg::List(items)));
        self
    }

    /// Add an argument that is a message of its own.
    #[must_use]
    pub fn msg(mut self, name: &str, m: Msg) -> Self {
        self.args.push((name.to_owned(), Arg::Msg(Box::new(m))));
        self
    }

    /// The value of a text argument.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args.iter().find(|(n, _)| n == name).and_then(|(_, a)| match a {
            Arg::Text(t) | Arg::Word(t) => Some(t.as_str()),
            Arg::List(_) | Arg::Msg(_) => None,
        })
    }

    /// "Did you mean `x`?"
    pub fn did_you_mean(candidate: &str) -> Self {
        Msg::new("did_you_mean").text("candidate", candidate)
    }

    /// "One of `a`, `b`, …"
    pub fn one_of<S: ToString>(items: impl IntoIterator<Item = S>) -> Self {
        Msg::new("one_of").list("list", items)
    }

    /// The message as one line of control-separated text, for a serde error string.
    pub fn encode(&self) -> String {
        let mut s = format!("{MSG_MARK}{}", self.key);
        for (name, arg) in &self.args {
            s.push(ARG_SEP);
            s.push_str(name);
            s.push(NAME_SEP);
            match arg {
                Arg::Text(t) => {
                    s.push('t');
                    s.push_str(t);
                }
                Arg::Word(w) => {
                    s.push('w');
                    s.push_str(w);
                }
                Arg::List(items) => {
                    s.push('l');
                    s.push_str(&items.join(&ITEM_SEP.to_string()));
                }
                Arg::Msg(m) => {
                    s.push('t');
                    s.push_str(&m.to_string());
                }
            }
        }
        s
    }

    /// Read back what [`Msg::encode`] wrote; other text (a serde message of its own)
    /// becomes [`Msg::raw`].
    pub fn decode(s: &str) -> Msg {
        let Some(body) = s.strip_prefix(MSG_MARK) else { return Msg::raw(s) };
        let mut parts = body.split(ARG_SEP);
        let mut m = Msg::new(parts.next().unwrap_or_default());
        for part in parts {
            let Some((name, value)) = part.split_once(NAME_SEP) else { continue };
            let mut chars = value.chars();
            let arg = match chars.next() {
                Some('w') => Arg::Word(chars.as_str().to_owned()),
                Some('l') if chars.as_str().is_empty() => Arg::List(Vec::new()),
                Some('l') => Arg::List(chars.as_str().split(ITEM_SEP).map(str::to_owned).collect()),
                _ => Arg::Text(chars.as_str().to_owned()),
            };
            m.args.push((name.to_owned(), arg));
        }
        m
    }
}

/// Starts an encoded message (so that plain text is never read as a key).
const MSG_MARK: char = '\u{1B}';

impl From<String> for Msg {
    fn from(s: String) -> Self {
        Msg::raw(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Self {
        Msg::raw(s)
    }
}

impl std::fmt::Display for Msg {
    /// The key and its arguments (for logs and tests); printing to a reader goes through
    /// the catalog ([`render`]).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key == "raw" {
            return f.write_str(self.arg("text").unwrap_or_default());
        }
        f.write_str(&self.key)?;
        for (name, arg) in &self.args {
            match arg {
                Arg::Text(t) | Arg::Word(t) => write!(f, " {name}=`{t}`")?,
                Arg::List(items) => write!(f, " {name}=[{}]", items.join(", "))?,
                Arg::Msg(m) => write!(f, " {name}=({m})")?,
            }
        }
        Ok(())
    }
}

/// Build a serde custom error that carries an "expected" and a hint; the collecting
/// deserialiser of the input stage turns it into a [`Diagnostic`] with those fields.
pub fn rich_error<E: serde::de::Error>(
    message: Msg,
    expected: Option<Msg>,
    hint: Option<Msg>,
) -> E {
    let enc = Msg::encode;
    E::custom(format!(
        "{}{SEP}{}{SEP}{}",
        enc(&message),
        expected.as_ref().map(enc).unwrap_or_default(),
        hint.as_ref().map(enc).unwrap_or_default()
    ))
}

/// The message, the "expected" and the hint of an error message built with
/// [`rich_error`] (empty parts are `None`; text of serde's own is a [`Msg::raw`]).
pub fn split_rich(msg: &str) -> (Msg, Option<Msg>, Option<Msg>) {
    let mut parts = msg.split(SEP);
    let message = Msg::decode(parts.next().unwrap_or_default());
    let expected = parts.next().filter(|s| !s.is_empty()).map(Msg::decode);
    let hint = parts.next().filter(|s| !s.is_empty()).map(Msg::decode);
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
    pub message: Msg,
    /// What was expected, if that helps.
    pub expected: Option<Msg>,
    /// How to fix it.
    pub hint: Option<Msg>,
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
        message: impl Into<Msg>,
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
        message: impl Into<Msg>,
    ) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, pos, path, message) }
    }

    /// Add what was expected.
    #[must_use]
    pub fn expected(mut self, e: impl Into<Msg>) -> Self {
        self.expected = Some(e.into());
        self
    }

    /// Add a hint.
    #[must_use]
    pub fn hint(mut self, h: impl Into<Msg>) -> Self {
        self.hint = Some(h.into());
        self
    }

    /// Set what was expected, in place.
    pub fn set_expected(&mut self, e: impl Into<Msg>) -> &mut Self {
        self.expected = Some(e.into());
        self
    }

    /// Set the hint, in place.
    pub fn set_hint(&mut self, h: impl Into<Msg>) -> &mut Self {
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

/// Turns a [`Msg`] into words in the reader's language (the commands build it from the
/// wording catalog; this module knows no catalog).
pub type Say<'a> = &'a dyn Fn(&Msg) -> String;

/// Render diagnostics for a terminal. `sources` maps a file name to its text, for snippets;
/// `say` words every message, label and header. The gutter is as wide as the line number
/// shown, as rustc draws it.
pub fn render(diags: &[Diagnostic], sources: &BTreeMap<String, String>, say: Say<'_>) -> String {
    let mut out = String::new();
    for d in diags {
        let label = match d.severity {
            Severity::Error => say(&Msg::new("label_error")),
            Severity::Warning => say(&Msg::new("label_warning")),
        };
        let colon = say(&Msg::new("colon"));
        let _ = writeln!(out, "{label}{colon}{}", say(&d.message));
        let line = sources.get(&d.file).and_then(|t| t.lines().nth(d.pos.line.saturating_sub(1)));
        let num = d.pos.line.to_string();
        let pad = " ".repeat(num.len());
        let _ = writeln!(out, "{pad}--> {}:{}:{}", d.file, d.pos.line, d.pos.col);
        if let Some(line) = line {
            let line = line.trim_end_matches('\r').replace('\t', " ");
            let (line, col) = window(&line, d.pos.col.saturating_sub(1));
            let caret_at: usize = line.chars().take(col).map(|c| c.width().unwrap_or(0)).sum();
            let width = token_width(&line, col);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {line}");
            let _ = writeln!(out, "{pad} | {}{}", " ".repeat(caret_at), "^".repeat(width.max(1)));
        }
        let mut note = |key: &str, text: String| {
            let head = say(&Msg::new(key));
            let _ = writeln!(out, "{pad} = {head}{colon}{text}");
        };
        if !d.path.is_empty() {
            note("label_field", d.path.clone());
        }
        if let Some(e) = &d.expected {
            note("label_expected", say(e));
        }
        if let Some(h) = &d.hint {
            note("label_hint", say(h));
        }
        out.push('\n');
    }
    out
}

/// Words for tests and logs without a catalog: every message as its key and arguments
/// ([`Msg`]'s `Display`), the labels in English.
pub fn plain(m: &Msg) -> String {
    match m.key.as_str() {
        "label_error" => "error".into(),
        "label_warning" => "warning".into(),
        "label_field" => "field".into(),
        "label_expected" => "expected".into(),
        "label_hint" => "hint".into(),
        "colon" => ": ".into(),
        _ => m.to_string(),
    }
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
        let bad = Msg::new("bad").text("v", "x").list("l", ["a", "b"]).word("w", "score");
        let e: serde::de::value::Error = rich_error(bad.clone(), Some(Msg::new("good")), None);
        assert_eq!(split_rich(&e.to_string()), (bad, Some(Msg::new("good")), None));
        assert_eq!(split_rich("plain"), (Msg::raw("plain"), None, None));
        assert_eq!(
            Msg::decode(&Msg::new("k").list("l", Vec::<String>::new()).encode()).args.len(),
            1
        );
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
        let r = render(&[d], &src, &plain);
        // 6 chars before the column: 名称：有形 (5 wide chars = 10 columns) + a space
        assert!(r.contains("\n  | ".to_string().as_str()));
        assert!(r.contains("  |            ^^^\n"), "{r}");
    }

    #[test]
    fn gutter_is_as_wide_as_the_line_number() {
        let text: String = (1..=120).map(|i| format!("k{i}: v\n")).collect();
        let mut src = BTreeMap::new();
        src.insert("f.yaml".to_string(), text);
        let at = |line| Diagnostic::error("f.yaml", Pos { line, col: 1 }, "k", "bad");
        let r = render(&[at(105), at(7)], &src, &plain);
        let expected = "error: bad\n   --> f.yaml:105:1\n    |\n105 | k105: v\n    | ^^^^\n    = field: k\n\n\
                        error: bad\n --> f.yaml:7:1\n  |\n7 | k7: v\n  | ^^\n  = field: k\n\n";
        assert_eq!(r, expected);
    }
}
