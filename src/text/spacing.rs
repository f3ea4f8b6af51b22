//! Which characters are set wide (without spaces between them), and the gap between
//! Chinese and Latin letters or digits (`2026 年`): a quarter em, set as a position
//! offset, not a character, so copied text stays as written.

/// The gap between Chinese and Latin letters or digits, in em.
pub const CJK_LATIN_GAP_EM: f32 = 0.25;

/// Characters set without spaces between them (CJK ideographs, kana, fullwidth forms,
/// CJK punctuation).
#[inline]
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// A CJK unified ideograph (the common blocks).
pub fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// A letter or digit that is not set wide (ASCII answered without the Unicode tables).
#[inline]
fn latin_like(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { !is_wide(c) && c.is_alphanumeric() }
}

/// Whether the CJK–Latin gap goes between `a` and the `b` after it: one is a wide letter
/// (an ideograph, kana, a fullwidth letter), the other a letter or digit set narrow.
#[inline]
pub fn wants_gap(a: char, b: char) -> bool {
    match (is_wide(a), is_wide(b)) {
        (true, false) => latin_like(b) && a.is_alphanumeric(),
        (false, true) => latin_like(a) && b.is_alphanumeric(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_between_chinese_and_latin_only() {
        assert!(wants_gap('年', '9') && wants_gap('S', '达'));
        assert!(!wants_gap('服', '务') && !wants_gap('A', 'B'));
        // punctuation takes no gap
        assert!(!wants_gap('「', 'A') && !wants_gap('A', '」'));
        assert!(is_ideograph('服') && !is_ideograph('，') && is_wide('，'));
        assert!(wants_gap('Ａ', 'b') && wants_gap('é', '中') && !wants_gap('中', '，'));
        assert!(!wants_gap('中', ' ') && !wants_gap('-', '中') && !wants_gap('中', '３'));
    }
}
