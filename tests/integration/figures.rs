//! Issue 11: every figure in the report adds up. Both examples in all three languages:
//! every equation printed in the text holds for its printed operands, every negative number
//! takes the typographic minus (as the charts do), and the 3-2-1
//! one-pager is one page on A4 and on Letter.

use crate::harness::{code, kano};

const LANGS: [&str; 3] = ["zh-CN", "zh-TW", "en"];
const WORKSHOPS: [(&str, &str); 2] =
    [("workshops/zh-bank", "zh-bank.pdf"), ("workshops/en-hotel.yaml", "en-hotel.pdf")];

/// The report of `workshop` in `lang` on `paper`, page by page.
fn pages(workshop: &str, file: &str, lang: &str, paper: &str) -> Vec<String> {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let o = kano(&["report", workshop, "--lang", lang, "--paper", paper, "-o", out]);
    assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stderr));
    let doc = lopdf::Document::load(tmp.path().join(file)).unwrap();
    doc.get_pages().keys().map(|p| doc.extract_text(&[*p]).unwrap()).collect()
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A printed number: its value and its decimals.
    Num(f64, u32),
    Times,
    Plus,
    Minus,
    Eq,
    Approx,
    /// A unit after a number (元, GBP, %): skipped.
    Unit,
    /// Anything else: ends an equation.
    Other,
}

fn tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_is_num = matches!(out.iter().rev().find(|t| **t != Tok::Unit), Some(Tok::Num(..)));
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let signed = matches!(c, '−' | '+')
            && !prev_is_num
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() || signed {
            let start = i;
            i += 1;
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            let s: String = chars[start..i]
                .iter()
                .filter(|c| **c != ',')
                .map(|c| if *c == '−' { '-' } else { *c })
                .collect();
            let decimals = s.split_once('.').map_or(0, |(_, f)| f.len() as u32);
            out.push(s.parse().map_or(Tok::Other, |v| Tok::Num(v, decimals)));
            continue;
        }
        let t = match c {
            '×' => Tok::Times,
            '+' => Tok::Plus,
            '−' => Tok::Minus,
            '=' => Tok::Eq,
            '≈' => Tok::Approx,
            '%' | '元' => Tok::Unit,
            _ if c.is_ascii_uppercase() && prev_is_num => {
                // a currency code after a number: GBP, EUR, USD
                let mut j = i;
                while j < chars.len() && chars[j].is_ascii_uppercase() {
                    j += 1;
                }
                if j - i == 3 {
                    i = j;
                    out.push(Tok::Unit);
                    continue;
                }
                Tok::Other
            }
            _ => Tok::Other,
        };
        out.push(t);
        i += 1;
    }
    out
}

/// An equation found: the operands and operators on the left, `=` or `≈`, the result.
#[derive(Debug)]
struct Equation {
    left: Vec<Tok>,
    approx: bool,
    right: (f64, u32),
}

fn equations(text: &str) -> Vec<Equation> {
    let toks: Vec<Tok> = tokens(text).into_iter().filter(|t| *t != Tok::Unit).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // a chain Num (op Num)+ (=|≈) Num
        if let Tok::Num(..) = toks[i] {
            let mut j = i + 1;
            let mut left = vec![toks[i]];
            while j + 1 < toks.len()
                && matches!(toks[j], Tok::Times | Tok::Plus | Tok::Minus)
                && matches!(toks[j + 1], Tok::Num(..))
            {
                left.push(toks[j]);
                left.push(toks[j + 1]);
                j += 2;
            }
            if left.len() > 1
                && j + 1 < toks.len()
                && matches!(toks[j], Tok::Eq | Tok::Approx)
                && let Tok::Num(v, d) = toks[j + 1]
            {
                found.push(Equation { left, approx: toks[j] == Tok::Approx, right: (v, d) });
                i = j + 2;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    found
}

/// The left side as an interval: each printed operand within half a unit of its last digit
/// (`exact`: the printed values themselves). × binds tighter than + and −.
fn evaluate(left: &[Tok], exact: bool) -> (f64, f64) {
    let num = |t: Tok| match t {
        Tok::Num(v, d) => {
            let h = if exact { 0.0 } else { 0.5 * 10f64.powi(-(d as i32)) };
            (v - h, v + h)
        }
        _ => unreachable!(),
    };
    let mul = |a: (f64, f64), b: (f64, f64)| {
        let p = [a.0 * b.0, a.0 * b.1, a.1 * b.0, a.1 * b.1];
        (
            p.iter().copied().fold(f64::INFINITY, f64::min),
            p.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    // terms with their signs
    let mut terms: Vec<(f64, (f64, f64))> = vec![(1.0, num(left[0]))];
    for pair in left[1..].chunks(2) {
        let x = num(pair[1]);
        match pair[0] {
            Tok::Times => {
                let last = terms.last_mut().unwrap();
                last.1 = mul(last.1, x);
            }
            Tok::Plus => terms.push((1.0, x)),
            Tok::Minus => terms.push((-1.0, x)),
            _ => unreachable!(),
        }
    }
    terms.iter().fold(
        (0.0, 0.0),
        |(lo, hi), (s, (a, b))| {
            if *s > 0.0 { (lo + a, hi + b) } else { (lo - b, hi - a) }
        },
    )
}

/// Why an equation does not hold for its printed numbers, if it does not.
fn fails(e: &Equation) -> Option<String> {
    let (v, d) = e.right;
    if e.approx {
        let h = 0.5 * 10f64.powi(-(d as i32));
        let (lo, hi) = evaluate(&e.left, false);
        (hi < v - h || lo > v + h).then(|| format!("{e:?}: left in [{lo}, {hi}]"))
    } else {
        let (x, _) = evaluate(&e.left, true);
        ((x - v).abs() > 1e-6 * v.abs().max(1.0)).then(|| format!("{e:?}: left is {x}"))
    }
}

#[test]
fn the_checker_finds_what_it_should() {
    // the line of issue 11: the lost customers rounded before display
    let old = "收入风险：3,660 × 1,850 元 = 6,770,343 元 口碑波及：109,182";
    let e = equations(old);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(fails(&e[0]).is_some());
    // the same with the unrounded term and ≈ holds; the product of what is printed holds
    for ok in [
        "3,659.6 × 1,850 元 ≈ 6,770,343 元",
        "3,660 × 1,850 元 = 6,771,000 元",
        "Revenue at risk: 899 × 420 GBP = 377,580 GBP",
        "3,553 + 69 + 38 = 3,660",
        "12,600 − 11,844 = 756",
        "−12.5 + 12.5 = 0",
    ] {
        let e = equations(ok);
        assert_eq!(e.len(), 1, "{ok}: {e:?}");
        assert_eq!(fails(&e[0]), None, "{ok}");
    }
    for bad in ["3,553 + 69 + 37 = 3,660", "3,659.6 × 1,850 ≈ 6,780,000", "76.0% − 85% = −9.5"]
    {
        let e = equations(bad);
        assert_eq!(e.len(), 1, "{bad}: {e:?}");
        assert!(fails(&e[0]).is_some(), "{bad}");
    }
    // not equations: labels, ranges, dates, targets, ticks
    for none in ["n = 30", "CES 均值≥5.5", "1–7 分", "2026-11-30", "12,600 −11,844 756 −287 469"]
    {
        assert!(equations(none).is_empty(), "{none}");
    }
}

#[test]
fn every_printed_equation_holds() {
    for (workshop, file) in WORKSHOPS {
        for lang in LANGS {
            let text = pages(workshop, file, lang, "a4").join("\n");
            let found = equations(&text);
            assert!(!found.is_empty(), "{workshop} in {lang}: no equation found");
            let failed: Vec<String> = found.iter().filter_map(fails).collect();
            assert!(failed.is_empty(), "{workshop} in {lang}: {failed:#?}");
            let hyphens = ascii_minus(&text);
            assert!(hyphens.is_empty(), "{workshop} in {lang}: ASCII minus in {hyphens:#?}");
        }
    }
}

/// The places where a negative number is written with the ASCII hyphen instead of the
/// typographic minus `−` that tables and charts share: a `-` before a digit that does not
/// follow a letter or a digit (dates and ranges such as `2026-11-30` or `4-5` are not minus
/// signs).
fn ascii_minus(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            chars[i] == '-'
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && (i == 0 || !chars[i - 1].is_alphanumeric())
        })
        .map(|i| chars[i.saturating_sub(20)..(i + 10).min(chars.len())].iter().collect())
        .collect()
}

#[test]
fn the_minus_finder_finds_what_it_should() {
    assert_eq!(ascii_minus("差距 -0.26 与 −0.58").len(), 1);
    assert!(ascii_minus("2026-11-30，4-5 分，−12.5").is_empty());
}

/// Text without whitespace (extraction splits lines and cells).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_3_2_1_summary_is_one_page() {
    let heading = [("zh-CN", "3-2-1总结"), ("zh-TW", "3-2-1總結"), ("en", "The3-2-1summary")];
    // the section's last paragraph
    let last = [
        ("zh-CN", "完整清单见附录“行动计划清单”。"),
        ("zh-TW", "完整清單見附錄「行動計劃清單」。"),
        ("en", "Fulllist:appendix“Actionplan”."),
    ];
    for (workshop, file) in WORKSHOPS {
        for lang in LANGS {
            for paper in ["a4", "letter"] {
                let pages: Vec<String> =
                    pages(workshop, file, lang, paper).iter().map(|p| squeeze(p)).collect();
                let h = heading.iter().find(|(l, _)| *l == lang).unwrap().1;
                let end = last.iter().find(|(l, _)| *l == lang).unwrap().1;
                // the page of the section's last paragraph also holds its heading (the running
                // head names the section too): the section starts and ends on that page
                let first = pages
                    .iter()
                    .position(|p| p.contains(end))
                    .unwrap_or_else(|| panic!("{workshop} {lang} {paper}: no end of the 3-2-1"));
                assert!(
                    pages[first].matches(h).count() >= 2,
                    "{workshop} {lang} {paper}: the 3-2-1 heading is not on the page of its end"
                );
            }
        }
    }
}
