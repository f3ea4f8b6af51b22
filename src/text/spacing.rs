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

/// `s` with a space wherever the CJK–Latin gap goes ([`wants_gap`]) and none is written:
/// `等了20分钟` → `等了 20 分钟`. For text set without the gap as a position offset (chart
/// labels): the embedded faces' space is 0.224 em, the gap of the tables within a hair.
/// Idempotent; text needing no gap comes back borrowed.
pub fn spaced(s: &str) -> std::borrow::Cow<'_, str> {
    let mut prev: Option<char> = None;
    let needs = s.chars().zip(s.chars().skip(1)).any(|(a, b)| wants_gap(a, b));
    if !needs {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if let Some(p) = prev
            && wants_gap(p, c)
        {
            out.push(' ');
        }
        out.push(c);
        prev = Some(c);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_inserts_the_gap_once() {
        assert_eq!(spaced("等了20分钟"), "等了 20 分钟");
        assert_eq!(spaced("柜面办理时长≤10分钟"), "柜面办理时长≤10 分钟");
        assert_eq!(spaced("厅堂WiFi"), "厅堂 WiFi");
        assert_eq!(spaced("投诉24小时回访"), "投诉 24 小时回访");
        assert_eq!(spaced("等了 20 分钟"), "等了 20 分钟");
        assert_eq!(spaced(&spaced("分组PK得分")), "分组 PK 得分");
        assert_eq!(spaced("（TARP）"), "（TARP）");
        assert_eq!(spaced("Free fast Wi-Fi"), "Free fast Wi-Fi");
        assert!(matches!(spaced("服务"), std::borrow::Cow::Borrowed(_)));
    }

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
