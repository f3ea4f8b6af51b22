//! Fitting labels into a width: one label in at most two balanced lines, a text cut to a
//! width with an ellipsis, and a column of wrapped lines — all measured with the embedded
//! faces, so what fits here fits in every renderer that sets the same font. Lines are
//! broken by the one [breaker](super::breaker). Every text is first given the CJK–Latin
//! spacing of the tables ([`spaced`]), so what is measured is what is set.

use super::breaker::{Measure, break_lines, opportunities};
use super::fonts::Face;
use super::spacing::{is_ideograph, spaced};

/// One label in at most two lines of `width` points at `size`; false when it had to be
/// shortened or split where a line may not break.
pub fn fit_label(face: &Face, name: &str, size: f32, width: f32) -> (String, bool) {
    let name: String = spaced(name).split_whitespace().collect::<Vec<_>>().join(" ");
    let fits = |s: &str| face.width(s, size) <= width;
    if fits(&name) {
        return (name, true);
    }
    // the most balanced split at a line-break opportunity; between ideographs, one after
    // an even number of them (Chinese words are mostly two characters) and a fuller first
    // line are preferred
    let mut best: Option<(f32, String)> = None;
    for (at, _) in opportunities(&name) {
        if at == 0 || at >= name.len() {
            continue;
        }
        let (a, b) = (name[..at].trim_end(), name[at..].trim_start());
        if a.is_empty() || b.is_empty() || !fits(a) || !fits(b) {
            continue;
        }
        let run = a.chars().rev().take_while(|&c| is_ideograph(c)).count();
        let odd = run % 2 == 1 && b.starts_with(is_ideograph);
        let cost = face.width(a, size).max(face.width(b, size)) + if odd { size } else { 0.0 };
        if best.as_ref().is_none_or(|(c, _)| cost <= *c) {
            best = Some((cost, format!("{a}\n{b}")));
        }
    }
    if let Some((_, text)) = best {
        return (text, true);
    }
    // fill the first line, shorten the second
    let mut first = String::new();
    let mut rest = name.chars().peekable();
    while let Some(&c) = rest.peek() {
        let mut next = first.clone();
        next.push(c);
        if !fits(&next) && !first.is_empty() {
            break;
        }
        first = next;
        rest.next();
    }
    let first = first.trim_end().to_owned();
    let rest: String = rest.collect::<String>().trim_start().to_owned();
    if rest.is_empty() {
        return (first, false);
    }
    (format!("{first}\n{}", shorten(face, &rest, size, width)), false)
}

/// `s` cut to `width` points at `size`, ending in an ellipsis when cut.
pub fn shorten(face: &Face, s: &str, size: f32, width: f32) -> String {
    let s = spaced(s);
    if face.width(&s, size) <= width {
        return s.into_owned();
    }
    with_ellipsis(face, &s, size, width)
}

/// The ellipsis after `s`: "…" after Chinese, "..." after Latin text (the font's "…" is
/// the centred CJK form).
fn ellipsis(s: &str) -> &'static str {
    match s.trim_end().chars().last() {
        Some(c) if c.is_ascii() => "...",
        _ => "…",
    }
}

/// As much of `s` as fits in `width` with an ellipsis after it.
fn with_ellipsis(face: &Face, s: &str, size: f32, width: f32) -> String {
    let mut out = String::new();
    for c in s.chars() {
        out.push(c);
        if face.width(&format!("{}{}", out.trim_end(), ellipsis(&out)), size) > width {
            out.pop();
            break;
        }
    }
    // a Latin word cut in the middle: back to the last space, when that keeps most of it
    let cut_in_word = s[out.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        && out.ends_with(|c: char| c.is_ascii_alphanumeric());
    if cut_in_word
        && let Some(space) = out.rfind(' ')
        && face.width(&out[..space], size) >= width * 0.6
    {
        out.truncate(space);
    }
    let out = out.trim_end();
    format!("{out}{}", ellipsis(out))
}

/// `text` broken into lines of at most `width` points at `size`: at line-break
/// opportunities (UAX #14; so between ideographs and at Latin spaces, never before closing
/// punctuation), a word wider than a line between its characters, and a new line at every
/// `\n`. Runs of white space count as one space, empty lines are dropped (an empty text is
/// one empty line). At most `max_lines` lines (at least one); when text is left over, the
/// last line ends in an ellipsis.
pub fn wrap(face: &Face, text: &str, size: f32, width: f32, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    // a separator (" · ") stays with the text before it: no line starts with it
    let text = glue_separators(&spaced(text));
    // each line, and whether a space followed it in the text
    let mut lines: Vec<(String, bool)> = Vec::new();
    for para in text.split('\n') {
        let para = para.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        let chars: Vec<char> = para.chars().collect();
        let breaks = break_lines(&para, &Em { face, chars: &chars, size, width }, true);
        for (k, b) in breaks.iter().enumerate() {
            let line: String = chars[b.start..b.end].iter().collect();
            // the paragraph's last line is followed by the next paragraph
            let space = k + 1 == breaks.len() || (!b.in_word && line.ends_with(' '));
            lines.push((line.trim_end().to_owned(), space));
        }
        if lines.is_empty() {
            lines.push((String::new(), true));
        }
    }
    if lines.len() > max_lines {
        let mut rest = String::new();
        for (l, space) in &lines[max_lines - 1..] {
            rest.push_str(l);
            if *space {
                rest.push(' ');
            }
        }
        lines.truncate(max_lines - 1);
        lines.push((with_ellipsis(face, rest.trim_end(), size, width), false));
    }
    lines.into_iter().map(|(l, _)| l.replace(GLUE, " ")).collect()
}

/// A space no line breaks at (U+00A0, set as the face's space).
const GLUE: char = '\u{a0}';

/// `s` with the space before each separator (`·`, `•`) made one no line breaks at, so that
/// a line may end with a separator but never start with one.
fn glue_separators(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && chars.peek().is_some_and(|n| matches!(n, '·' | '•')) {
            out.push(GLUE);
        } else {
            out.push(c);
        }
    }
    out
}

/// A label's line measured as [`Face::width`] measures a string: advances in em summed in
/// order, then scaled to `size`, so that what [`wrap`] sets is what a caller measuring the
/// set line finds.
struct Em<'a> {
    face: &'a Face,
    chars: &'a [char],
    size: f32,
    width: f32,
}

impl Measure for Em<'_> {
    fn char_at(&self, i: usize) -> char {
        self.chars[i]
    }

    fn extend(&self, width: f32, from: usize, to: usize, _leading: bool) -> f32 {
        self.chars[from..to].iter().fold(width, |w, &c| w + self.face.advance_em(c))
    }

    // not `>`: a width that is not a number never fits, as before
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    fn overflows(&self, em: f32) -> bool {
        !(em * self.size <= self.width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Faces;

    #[test]
    fn wraps_chinese_and_latin_text_within_the_width() {
        let faces = Faces::embedded().unwrap();
        let f = &faces.regular;
        let lines = wrap(f, "被问“为什么来这里开户”，感觉被当成骗子", 7.0, 42.0, 9);
        assert!(lines.len() > 2, "{lines:?}");
        for l in &lines {
            assert!(f.width(l, 7.0) <= 42.0 + 0.01, "{l}");
        }
        assert_eq!(lines.concat(), "被问“为什么来这里开户”，感觉被当成骗子");
        // closing punctuation never starts a line
        assert!(lines.iter().all(|l| !l.starts_with('，') && !l.starts_with('”')));
        let en = wrap(f, "Pillow arrives after 40 minutes", 7.0, 50.0, 9);
        assert!(en.len() >= 2 && en[0].starts_with("Pillow"), "{en:?}");
        assert!(en.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        // the last allowed line is shortened
        let cut = wrap(f, "一二三四五六七八九十一二三四五六七八九十", 7.0, 35.0, 2);
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'));
        // words keep their spaces when the rest is shortened, Latin ends in "..."
        let one = wrap(f, "Welcome drink and a local treat", 7.5, 80.0, 1);
        assert_eq!(one.len(), 1);
        assert_eq!(one[0], "Welcome drink and a...");
        assert!(f.width(&one[0], 7.5) <= 80.0);
        assert_eq!(wrap(f, "", 7.0, 35.0, 3), vec![String::new()]);
        // a separator never starts a line
        for width in [60.0, 70.0, 80.0, 90.0, 100.0] {
            let lines = wrap(f, "开户材料与尽调问题一次告知 · 速赢", 7.5, width, 4);
            assert!(lines.iter().all(|l| !l.starts_with('·')), "{lines:?}");
            assert!(lines.iter().all(|l| !l.contains('\u{a0}')), "{lines:?}");
        }
        // a word wider than the line
        let long = wrap(f, "Supercalifragilistic", 7.0, 20.0, 9);
        assert!(long.len() > 1 && long.iter().all(|l| f.width(l, 7.0) <= 20.01));
    }
}
