//! The line breaker: greedy filling of lines at UAX #14 break opportunities
//! ([`unicode_linebreak`]). A line takes unbreakable pieces while they fit; trailing
//! spaces never count against the width; `'\n'` (and the other mandatory breaks of
//! UAX #14) end a line; a piece wider than a whole line is optionally broken between its
//! characters (never before a space).
//!
//! The breaker does not measure: the caller's [`Measure`] says how wide a line gets as
//! characters join it and whether it still fits. So PDF paragraphs (advances in points,
//! the CJK–Latin gap between characters, [`crate::text::spacing`]) and chart labels
//! (advances in em, scaled when compared) break the same way while each keeps its own
//! arithmetic, and with it its exact results.

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::spacing::is_wide;

/// How a caller measures a line while the breaker fills it. Positions are indices of the
/// characters of the text being broken.
pub trait Measure {
    /// Character `i` of the text (the caller holds the text's characters already).
    fn char_at(&self, i: usize) -> char;

    /// The width of a line `width` wide once characters `[from, to)` join it; `leading`
    /// is false when they start the line (spacing before the first one is then dropped).
    fn extend(&self, width: f32, from: usize, to: usize, leading: bool) -> f32;

    /// Whether a line `width` wide is too wide.
    fn overflows(&self, width: f32) -> bool;

    /// Whether character `i` overflows a non-empty line `width` wide that it would join,
    /// when a piece is broken between its characters.
    fn char_overflows(&self, width: f32, i: usize) -> bool {
        self.overflows(self.extend(width, i, i + 1, true))
    }
}

/// One line: characters `[start, end)` of the text, with the spaces and the hard break
/// that end it (callers drop them when they set the line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The line ends inside an unbreakable piece (a word wider than a line, broken
    /// between its characters).
    pub in_word: bool,
}

/// The byte offsets at which `text` may be broken (UAX #14), the end of the text
/// included, with whether the break is mandatory.
pub fn opportunities(text: &str) -> impl Iterator<Item = (usize, bool)> + '_ {
    linebreaks(text).map(|(at, kind)| (at, kind == BreakOpportunity::Mandatory))
}

/// Characters that never start a line, whatever UAX #14 allows after a space: closing
/// brackets and punctuation, percent signs, and the middle dot written as a separator
/// (`开户 · 3.96`, `Step 3 · Wait`), which stays at the end of the line before.
/// (`\u{30FB}` is the katakana middle dot.)
pub const NO_LINE_START: &str =
    concat!("·\u{30FB}%‰)]},.;:!?…‥", "％）］｝」』】》〉〕〗〙〛，。、；：！？");

/// Characters that never end a line: opening brackets.
pub const NO_LINE_END: &str = "([{（［｛「『【《〈〔〖〘〚";

/// Whether a line may end before character `end`, the line so far starting at `from`
/// (kinsoku: the next line must not start with [`NO_LINE_START`], this one must not end
/// with [`NO_LINE_END`], spaces before the break not counted).
fn allowed(c: &impl Fn(usize) -> char, from: usize, end: usize) -> bool {
    if NO_LINE_START.contains(c(end)) {
        return false;
    }
    let mut last = end;
    while last > from && c(last - 1).is_whitespace() {
        last -= 1;
    }
    !(last > from && NO_LINE_END.contains(c(last - 1)))
}

/// Break `text` into lines as `measure` measures them (its [`Measure::char_at`] gives
/// the characters of this same text). With `break_words`, a piece wider
/// than a line is broken between its characters; without, it overflows its line. A line
/// that holds only one character wider than the line is the only other overflow. Empty
/// text gives no lines; a text ending in a hard break does not end in an empty line.
pub fn break_lines<M: Measure + ?Sized>(text: &str, measure: &M, break_words: bool) -> Vec<Break> {
    break_lines_keeping(text, measure, break_words, 0, false)
}

/// Where a short group of characters may end: after a space or a hard break, before an
/// opening bracket, after a closing bracket or a CJK comma, full stop, colon or semicolon.
fn group_boundary(prev: char, next: char) -> bool {
    prev.is_whitespace()
        || next.is_whitespace()
        || NO_LINE_END.contains(next)
        || ")]}）］｝」』】》〉〕〗〙〛，。、；：！？".contains(prev)
}

/// [`break_lines`], keeping groups of at most `keep` characters whole: a group runs from
/// one group boundary (`group_boundary`) to the next, so `陈晓峰（网点负责人）` breaks only
/// before the bracket and `3（并列）` not inside the brackets. With `fit`, only the groups
/// that fit on a line are kept whole (the others break where UAX #14 lets them); without, every
/// short group is (to measure the narrowest a text can be set). Table cells use this;
/// `keep` 0 is [`break_lines`].
pub fn break_lines_keeping<M: Measure + ?Sized>(
    text: &str,
    measure: &M,
    break_words: bool,
    keep: usize,
    fit: bool,
) -> Vec<Break> {
    if text.is_empty() {
        return Vec::new();
    }
    // byte offset → character index
    let mut index_of = Vec::with_capacity(text.len() + 1);
    let mut len = 0;
    for (i, c) in text.chars().enumerate() {
        index_of.extend(std::iter::repeat_n(i, c.len_utf8()));
        len = i + 1;
    }
    index_of.push(len);
    let c = |i: usize| measure.char_at(i);

    // unbreakable segments [start, end) and whether a break is mandatory after them
    // with `keep`, the end of the short group each character is in
    let group_end: Vec<usize> = if keep == 0 {
        Vec::new()
    } else {
        let mut ends = vec![0; len];
        let mut g = 0;
        for i in 1..=len {
            if i == len || group_boundary(c(i - 1), c(i)) {
                let mut visible = i;
                while visible > g && c(visible - 1).is_whitespace() {
                    visible -= 1;
                }
                let short = (g..i).filter(|&k| !c(k).is_whitespace()).count() <= keep
                    && !(fit && measure.overflows(measure.extend(0.0, g, visible, false)));
                for e in &mut ends[g..i] {
                    *e = if short { i } else { 0 };
                }
                g = i;
            }
        }
        ends
    };
    let inside_group = |end: usize| end > 0 && group_end.get(end - 1).is_some_and(|&e| e > end);
    // UAX #14 (before Unicode 15.1) never breaks next to a quotation mark; in Chinese text
    // the curly quotes open and close like brackets: a break may come before “ and after ”
    let mut breaks: Vec<(usize, bool)> = opportunities(text)
        .map(|(at, mandatory)| (index_of.get(at).copied().unwrap_or(len), mandatory))
        .collect();
    let wide = |ch: char| is_wide(ch) && !NO_LINE_END.contains(ch) && ch != '“' && ch != '‘';
    // and (UAX #14 LB30 as of Unicode 13) a full-width bracket opens and closes a group
    // after or before Latin letters and digits too: `Completeness（30）`
    let quotes = text.contains(['“', '‘', '”', '’', '（', '）']);
    let extra: Vec<(usize, bool)> = (if quotes { 1 } else { len }..len)
        .filter(|&i| {
            let (a, b) = (c(i - 1), c(i));
            (matches!(b, '“' | '‘') && wide(a))
                || (matches!(a, '”' | '’') && wide(b) && !NO_LINE_START.contains(b))
                || (b == '（' && a.is_alphanumeric())
                || (a == '）' && b.is_alphanumeric())
        })
        .map(|i| (i, false))
        .collect();
    if !extra.is_empty() {
        breaks.extend(extra);
        breaks.sort_unstable();
        breaks.dedup_by(|later, earlier| {
            // one break a position, mandatory if either is
            if later.0 == earlier.0 {
                earlier.1 |= later.1;
                true
            } else {
                false
            }
        });
    }
    let mut segments = Vec::new();
    let mut start = 0;
    for (end, mandatory) in breaks {
        if !mandatory && end < len && (!allowed(&c, start, end) || inside_group(end)) {
            continue;
        }
        if end > start {
            segments.push((start, end, mandatory));
            start = end;
        }
    }

    // lines as character ranges [start, end); hard breaks inside are skipped when set
    let mut lines: Vec<Break> = Vec::new();
    let mut cur = Break { start: 0, end: 0, in_word: false };
    let mut cur_len = 0usize; // characters in `cur` that are drawn
    let mut width = 0.0f32; // width of `cur`, trailing spaces included
    for (start, end, mandatory) in segments {
        let mut visible_end = end;
        while visible_end > start && c(visible_end - 1).is_whitespace() {
            visible_end -= 1;
        }
        if cur_len > 0 && measure.overflows(measure.extend(width, start, visible_end, true)) {
            lines.push(cur);
            cur_len = 0;
        }
        if cur_len == 0 {
            cur = Break { start, end: start, in_word: false };
            width = 0.0;
        }
        if break_words
            && cur_len == 0
            && measure.overflows(measure.extend(0.0, start, visible_end, false))
        {
            // a word longer than the line: break it between characters
            for i in start..end {
                let ch = c(i);
                if ch == '\n' {
                    cur.end = i + 1;
                    continue;
                }
                if cur_len > 0 && !ch.is_whitespace() && measure.char_overflows(width, i) {
                    // kinsoku here too: a closing mark goes to the next line with the
                    // character before it, and so does an opening mark ending this one
                    let back = cur_len > 1
                        && i > cur.start + 1
                        && (NO_LINE_START.contains(ch) || NO_LINE_END.contains(c(i - 1)));
                    let mut from = if back { i - 1 } else { i };
                    while back && from > cur.start + 1 && c(from).is_whitespace() {
                        from -= 1;
                    }
                    lines.push(Break { end: from, in_word: true, ..cur });
                    cur = Break { start: from, end: from, in_word: false };
                    cur_len = i - from;
                    width = measure.extend(0.0, from, i + 1, false);
                } else {
                    width = measure.extend(width, i, i + 1, cur_len > 0);
                }
                cur.end = i + 1;
                cur_len += 1;
            }
        } else {
            width = measure.extend(width, start, end, cur_len > 0);
            cur.end = end;
            cur_len += (start..end).filter(|&i| c(i) != '\n').count();
        }
        if mandatory && end < len {
            lines.push(cur);
            cur = Break { start: end, end, in_word: false };
            cur_len = 0;
        }
    }
    if cur_len > 0 || lines.is_empty() {
        lines.push(cur);
    }
    // a text ending in a hard break does not end in an empty line
    let drawn = |b: &Break| (b.start..b.end).any(|i| c(i) != '\n');
    if c(len - 1) == '\n' && lines.last().is_some_and(|l| !drawn(l)) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide, a line `max` units.
    struct Units(Vec<char>, f32);

    impl Measure for Units {
        fn char_at(&self, i: usize) -> char {
            self.0[i]
        }
        fn extend(&self, width: f32, from: usize, to: usize, _: bool) -> f32 {
            width + (to - from) as f32
        }
        fn overflows(&self, width: f32) -> bool {
            width > self.1
        }
    }

    fn lines(text: &str, max: f32, break_words: bool) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        break_lines(text, &Units(chars.clone(), max), break_words)
            .iter()
            .map(|b| chars[b.start..b.end].iter().collect())
            .collect()
    }

    #[test]
    fn fills_lines_at_opportunities_and_spaces_do_not_count() {
        assert_eq!(lines("aa bb cc", 5.0, true), ["aa bb ", "cc"]);
        assert_eq!(lines("服务质量", 2.0, true), ["服务", "质量"]);
        assert_eq!(lines("", 2.0, true), Vec::<String>::new());
    }

    #[test]
    fn long_words_break_between_characters_only_when_asked() {
        assert_eq!(lines("abcdef gh", 4.0, true), ["abcd", "ef ", "gh"]);
        assert_eq!(lines("abcdef gh", 4.0, false), ["abcdef ", "gh"]);
        let b = break_lines("abcdef", &Units("abcdef".chars().collect(), 4.0), true);
        assert!(b[0].in_word && !b[1].in_word);
    }

    #[test]
    fn hard_breaks() {
        assert_eq!(lines("a\nb\n", 9.0, true), ["a\n", "b\n"]);
        assert_eq!(lines("a\n\nb", 9.0, true), ["a\n", "\n", "b"]);
    }

    #[test]
    fn opportunities_end_with_the_mandatory_end_of_text() {
        let all: Vec<_> = opportunities("ab cd").collect();
        assert_eq!(all, [(3, false), (5, true)]);
    }
}
