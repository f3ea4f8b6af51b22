//! The one number formatter: every figure `kano` prints — terminal tables, Markdown, CSV
//! summaries, chart labels, report templates — goes through [`Num`].
//!
//! **Rounding rule.** A figure is rounded half away from zero on the decimal digits Rust
//! prints for it (its shortest round-trip form), so what is rounded is the number a reader
//! would see written out: 0.125 → `0.13`, 1.005 → `1.01`, 2.675 → `2.68`, −0.125 → `−0.13`
//! (not the binary value, by which 1.005 is a hair below 1.005 and `format!("{:.2}")` gives
//! `1.00`). A result that rounds to zero never carries a sign (`-0.00` is `0.00`).
//!
//! Options: a fixed number of decimals or at most that many (trailing zeros trimmed),
//! thousands separators (`12,600`), a percentage of a fraction (`0.375` → `37.5`), a `+`
//! on positive figures, and the minus sign: ASCII `-` for files a program reads back,
//! U+2212 `−` for typeset text and charts, exact integers without decimals
//! ([`Num::bare_whole`]), a unit after the digits ([`Num::suffix`]). Non-finite values
//! and absent figures are formatted by the caller's choice of placeholder ([`Num::or`]).
//!
//! A leaf module: no crate imports, no I/O.

/// The placeholder for a figure that is undefined or absent.
pub const UNDEFINED: &str = "—";

/// The typographic minus sign.
pub const MINUS: char = '\u{2212}';

/// How to write a number. Build with [`Num::fixed`] or [`Num::upto`], refine with the
/// builder methods, then [`Num::fmt`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num {
    decimals: usize,
    trim: bool,
    group: bool,
    plus: bool,
    percent: bool,
    minus: char,
    bare_whole: bool,
    suffix: &'static str,
}

impl Num {
    /// Exactly `decimals` decimals: `fixed(2)` writes 3.5 as `3.50`.
    pub const fn fixed(decimals: usize) -> Num {
        Num {
            decimals,
            trim: false,
            group: false,
            plus: false,
            percent: false,
            minus: '-',
            bare_whole: false,
            suffix: "",
        }
    }

    /// At most `decimals` decimals, trailing zeros (and a bare point) trimmed: `upto(2)`
    /// writes 3.5 as `3.5` and 4.0 as `4`.
    pub const fn upto(decimals: usize) -> Num {
        Num { trim: true, ..Num::fixed(decimals) }
    }

    /// With thousands separators: `12,131.3`.
    pub const fn grouped(self) -> Num {
        Num { group: true, ..self }
    }

    /// With a `+` on figures that are positive after rounding.
    pub const fn plus(self) -> Num {
        Num { plus: true, ..self }
    }

    /// The value is a fraction of 1 written as a percentage number (× 100; no `%` sign).
    pub const fn percent(self) -> Num {
        Num { percent: true, ..self }
    }

    /// With the typographic minus `−` (U+2212) instead of `-`.
    pub const fn typographic(self) -> Num {
        Num { minus: MINUS, ..self }
    }

    /// With this minus sign.
    pub const fn minus(self, minus: char) -> Num {
        Num { minus, ..self }
    }

    /// An exact integer without decimals, as a workshop file gives it: with `fixed(2)`,
    /// 5.0 is written `5` but 4.5 is `4.50` (and 4.999 is `5.00`).
    pub const fn bare_whole(self) -> Num {
        Num { bare_whole: true, ..self }
    }

    /// With a unit after the digits (`%` for `12.5%`); not after a placeholder.
    pub const fn suffix(self, suffix: &'static str) -> Num {
        Num { suffix, ..self }
    }

    /// The number written out; `None` when it is not finite.
    pub fn fmt(&self, x: f64) -> Option<String> {
        let x = if self.percent { x * 100.0 } else { x };
        let decimals = if self.bare_whole && x.fract() == 0.0 { 0 } else { self.decimals };
        let s = fixed(x, decimals)?;
        let (negative, digits) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s.as_str()),
        };
        let digits = if self.trim && digits.contains('.') {
            digits.trim_end_matches('0').trim_end_matches('.')
        } else {
            digits
        };
        let digits = if self.group { group_thousands(digits) } else { digits.to_owned() };
        let zero = digits.bytes().all(|b| matches!(b, b'0' | b'.' | b','));
        let mut out = String::with_capacity(digits.len() + 3);
        if negative && !zero {
            out.push(self.minus);
        } else if self.plus && !negative && !zero {
            out.push('+');
        }
        out.push_str(&digits);
        out.push_str(self.suffix);
        Some(out)
    }

    /// The number written out, or `undefined` for `None` and non-finite values.
    pub fn or(&self, x: Option<f64>, undefined: &str) -> String {
        x.and_then(|v| self.fmt(v)).unwrap_or_else(|| undefined.to_owned())
    }

    /// The number written out, or [`UNDEFINED`] (`—`).
    pub fn or_dash(&self, x: Option<f64>) -> String {
        self.or(x, UNDEFINED)
    }
}

/// `x` with exactly `decimals` decimals by the rounding rule of the module documentation,
/// ASCII minus, never `-0`; `None` for non-finite values.
pub fn fixed(x: f64, decimals: usize) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    let text = format!("{}", x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let mut digits: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(decimals))
        .map(|b| b.saturating_sub(b'0'))
        .collect();
    if frac.as_bytes().get(decimals).is_some_and(|&b| b >= b'5') {
        let mut carry = true;
        for d in digits.iter_mut().rev() {
            if *d == 9 {
                *d = 0;
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            digits.insert(0, 1);
        }
    }
    let split = digits.len().saturating_sub(decimals);
    let zero = digits.iter().all(|&d| d == 0);
    let mut s = String::with_capacity(digits.len() + 2);
    if x < 0.0 && !zero {
        s.push('-');
    }
    let (int, frac) = digits.split_at(split);
    s.extend(int.iter().map(|&d| char::from(b'0' + d)));
    if int.is_empty() {
        s.push('0');
    }
    if decimals > 0 {
        s.push('.');
        s.extend(frac.iter().map(|&d| char::from(b'0' + d)));
    }
    Some(s)
}

/// `x` rounded to a whole number by the rounding rule (the value [`Num::fixed`]`(0)` writes);
/// `None` when it is not finite. For figures a report multiplies or adds further, so that
/// the product or sum of what is printed is what is printed (issue 11).
pub fn whole(x: f64) -> Option<f64> {
    fixed(x, 0).and_then(|s| s.parse::<f64>().ok()).map(|v| if v == 0.0 { 0.0 } else { v })
}

/// Parts rounded to whole numbers that add up to their rounded sum (largest remainder:
/// each part is its value rounded down or up, and the ones with the largest fractions are
/// rounded up), so that a printed breakdown adds up to its printed total. Non-negative,
/// finite parts; others are rounded on their own.
pub fn apportion(parts: &[f64]) -> Vec<f64> {
    if parts.iter().any(|p| !p.is_finite() || *p < 0.0) {
        return parts.iter().map(|p| whole(*p).unwrap_or(*p)).collect();
    }
    let total = whole(parts.iter().sum()).unwrap_or(0.0);
    let mut out: Vec<f64> = parts.iter().map(|p| p.floor()).collect();
    let mut short = total - out.iter().sum::<f64>();
    let mut order: Vec<usize> = (0..parts.len()).collect();
    // largest fraction first (compared to 1e-9, so that equal shares tie), then the larger
    // part (its relative error is the smaller), then by position
    let frac = |i: usize| ((parts[i] - out[i]) * 1e9).round();
    order.sort_by(|&a, &b| {
        frac(b).total_cmp(&frac(a)).then(parts[b].total_cmp(&parts[a])).then(a.cmp(&b))
    });
    for i in order {
        if short < 0.5 {
            break;
        }
        out[i] += 1.0;
        short -= 1.0;
    }
    out
}

/// An unrounded number for files programs read back: Rust's shortest round-trip form
/// (never an exponent), `0` for −0; `None` for non-finite values.
pub fn raw(x: f64) -> Option<String> {
    x.is_finite().then(|| format!("{}", if x == 0.0 { 0.0 } else { x }))
}

/// Thousands separators in the integer part of unsigned decimal digits: `1234567.5` →
/// `1,234,567.5`.
fn group_thousands(digits: &str) -> String {
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(digits.len() + int.len() / 3);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(n: Num, x: f64) -> String {
        n.or_dash(Some(x))
    }

    #[test]
    fn rounds_half_away_from_zero_on_the_printed_digits() {
        assert_eq!(fixed(0.125, 2).as_deref(), Some("0.13"));
        assert_eq!(fixed(-0.125, 2).as_deref(), Some("-0.13"));
        assert_eq!(fixed(1.005, 2).as_deref(), Some("1.01"));
        assert_eq!(fixed(2.675, 2).as_deref(), Some("2.68"));
        assert_eq!(fixed(0.5, 0).as_deref(), Some("1"));
        assert_eq!(fixed(2.5, 0).as_deref(), Some("3"));
        assert_eq!(fixed(9.995, 2).as_deref(), Some("10.00"));
        assert_eq!(fixed(99.95, 1).as_deref(), Some("100.0"));
        assert_eq!(fixed(0.004, 2).as_deref(), Some("0.00"));
        assert_eq!(fixed(-0.004, 2).as_deref(), Some("0.00"));
        assert_eq!(fixed(-0.0, 1).as_deref(), Some("0.0"));
        assert_eq!(fixed(1e21, 0).as_deref(), Some("1000000000000000000000"));
        assert_eq!(fixed(f64::NAN, 2), None);
        assert_eq!(fixed(f64::INFINITY, 2), None);
    }

    #[test]
    fn options() {
        assert_eq!(f(Num::fixed(2), 3.5), "3.50");
        assert_eq!(f(Num::upto(2), 3.5), "3.5");
        assert_eq!(f(Num::upto(2), 4.0), "4");
        assert_eq!(f(Num::upto(2), 4.975), "4.98");
        assert_eq!(f(Num::upto(0), 62.5), "63");
        assert_eq!(f(Num::fixed(0).grouped(), 6_770_343.4), "6,770,343");
        assert_eq!(f(Num::fixed(1).grouped(), -12_131.25), "-12,131.3");
        assert_eq!(f(Num::fixed(0).grouped().typographic(), -3660.0), "\u{2212}3,660");
        assert_eq!(f(Num::fixed(1).percent(), 0.375), "37.5");
        assert_eq!(f(Num::fixed(1).percent(), 0.00125), "0.1");
        assert_eq!(f(Num::fixed(1).plus(), 0.25), "+0.3");
        assert_eq!(f(Num::fixed(1).plus(), -0.25), "-0.3");
        assert_eq!(f(Num::fixed(1).plus(), 0.04), "0.0");
        assert_eq!(f(Num::upto(2).typographic(), -0.001), "0");
        assert_eq!(Num::fixed(2).or(None, "n/a"), "n/a");
        assert_eq!(Num::fixed(2).or_dash(Some(f64::NAN)), UNDEFINED);
        assert_eq!(f(Num::fixed(2).minus('–'), -1.0), "–1.00");
        assert_eq!(f(Num::fixed(2).bare_whole(), 5.0), "5");
        assert_eq!(f(Num::fixed(2).bare_whole(), 4.5), "4.50");
        assert_eq!(f(Num::fixed(2).bare_whole(), 4.999), "5.00");
        assert_eq!(f(Num::fixed(2).bare_whole(), -0.0), "0");
        assert_eq!(f(Num::fixed(1).bare_whole().percent(), 0.25), "25");
        assert_eq!(f(Num::fixed(1).suffix("%"), 12.25), "12.3%");
        assert_eq!(f(Num::fixed(1).percent().suffix("%"), 0.04), "4.0%");
        assert_eq!(Num::fixed(1).suffix("%").or_dash(None), UNDEFINED);
        assert_eq!(Num::fixed(1).suffix("%").fmt(f64::NAN), None);
    }

    #[test]
    fn whole_numbers_and_parts_that_add_up() {
        assert_eq!(whole(3659.645), Some(3660.0));
        assert_eq!(whole(2.5), Some(3.0));
        assert_eq!(whole(-0.4), Some(0.0));
        assert_eq!(whole(f64::NAN), None);
        // the TARP breakdown of workshops/zh-bank: 3,553.4 + 68.8 + 37.5 = 3,659.6 → 3,660
        let parts = apportion(&[3553.368, 68.77584, 37.50048]);
        assert_eq!(parts, vec![3553.0, 69.0, 38.0]);
        assert_eq!(parts.iter().sum::<f64>(), 3660.0);
        assert_eq!(apportion(&[873.6, 16.2, 9.2]), vec![874.0, 16.0, 9.0]);
        assert_eq!(apportion(&[0.5, 0.5]), vec![1.0, 0.0]);
        assert_eq!(apportion(&[]), Vec::<f64>::new());
    }

    #[test]
    fn raw_is_shortest_round_trip() {
        assert_eq!(raw(0.1 + 0.2).as_deref(), Some("0.30000000000000004"));
        assert_eq!(raw(-0.0).as_deref(), Some("0"));
        assert_eq!(raw(1e21).as_deref(), Some("1000000000000000000000"));
        assert_eq!(raw(f64::NAN), None);
    }
}
