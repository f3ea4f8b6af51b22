//! Deterministic synthetic wide surveys, for benchmarks and tests.
//!
//! Each feature gets a category profile (one dominant category among A, O, M, I, sometimes a
//! close second, a little R and Q); each respondent draws a category from it and then an
//! answer pair that the standard Kano table maps to that category. Same options, same bytes.

use std::io::{self, Write};

/// How answers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SynthAnswers {
    /// Codes `1`–`5` (1 like … 5 dislike).
    Codes,
    /// `I like it`, `I expect it`, `I am neutral`, `I can live with it`, `I dislike it`.
    English,
    /// `我很喜欢`, `它理应如此`, `无所谓`, `能忍受`, `我很不喜欢`.
    Chinese,
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Rows.
    pub respondents: u64,
    /// Features (columns `F01_F`, `F01_D`, …).
    pub features: usize,
    /// PRNG seed.
    pub seed: u64,
    /// Answer wording.
    pub answers: SynthAnswers,
    /// Add an `Fnn_importance` column (1–9) per feature.
    pub importance: bool,
}

impl Default for SynthOptions {
    fn default() -> Self {
        SynthOptions {
            respondents: 1000,
            features: 20,
            seed: 1,
            answers: SynthAnswers::Codes,
            importance: false,
        }
    }
}

/// splitmix64 (Steele, Lea & Flood 2014): small, fast, good enough for test data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0; the modulo bias is irrelevant here).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const CODES: [&str; 5] = ["1", "2", "3", "4", "5"];
const ENGLISH: [&str; 5] =
    ["I like it", "I expect it", "I am neutral", "I can live with it", "I dislike it"];
const CHINESE: [&str; 5] = ["我很喜欢", "它理应如此", "无所谓", "能忍受", "我很不喜欢"];
const SEGMENTS: [&str; 4] = ["north", "south", "east", "west"];

/// Per-mille weights of A, O, M, I, R, Q for one feature, cumulative.
fn profile(rng: &mut SplitMix64) -> [u64; 6] {
    let mut w = [150u64, 150, 150, 150, 30, 20];
    let dominant = rng.below(4) as usize;
    w[dominant] += 350;
    if rng.below(4) == 0 {
        // A close second: the kind of feature the assignment rules disagree on.
        let second = (dominant + 1 + rng.below(3) as usize) % 4;
        w[dominant] -= 150;
        w[second] += 150;
    }
    let mut acc = 0;
    w.map(|x| {
        acc += x;
        acc
    })
}

/// An answer pair (0-based: 0 like … 4 dislike) in `category` (0 A … 5 Q).
fn pair(rng: &mut SplitMix64, category: usize) -> (usize, usize) {
    let mid = |rng: &mut SplitMix64| 1 + rng.below(3) as usize;
    match category {
        0 => (0, mid(rng)),
        1 => (0, 4),
        2 => (mid(rng), 4),
        3 => (mid(rng), mid(rng)),
        4 if rng.below(2) == 0 => (4, rng.below(4) as usize),
        4 => (mid(rng), 0),
        _ if rng.below(2) == 0 => (0, 0),
        _ => (4, 4),
    }
}

/// Importance 1–9, higher for must-be and one-dimensional features.
fn importance(rng: &mut SplitMix64, category: usize) -> u64 {
    let base = match category {
        1 | 2 => 6,
        0 => 4,
        _ => 1,
    };
    base + rng.below(4)
}

/// Write a synthetic wide survey: header `respondent,segment,F01_F,F01_D[,F01_importance],…`
/// and `opts.respondents` rows, CRLF-free, UTF-8 without BOM.
pub fn write_synthetic_wide<W: Write>(out: W, opts: &SynthOptions) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, out);
    let mut rng = SplitMix64(opts.seed);
    let profiles: Vec<[u64; 6]> = (0..opts.features).map(|_| profile(&mut rng)).collect();
    let words = match opts.answers {
        SynthAnswers::Codes => CODES,
        SynthAnswers::English => ENGLISH,
        SynthAnswers::Chinese => CHINESE,
    };
    let mut line = Vec::with_capacity(64 + opts.features * 40);
    line.extend_from_slice(b"respondent,segment");
    for k in 1..=opts.features {
        write!(line, ",F{k:02}_F,F{k:02}_D")?;
        if opts.importance {
            write!(line, ",F{k:02}_importance")?;
        }
    }
    line.push(b'\n');
    out.write_all(&line)?;
    for r in 1..=opts.respondents {
        line.clear();
        write!(line, "R{r:07},{}", SEGMENTS[rng.below(4) as usize])?;
        for cum in &profiles {
            let x = rng.below(1000);
            let category = cum.iter().position(|&c| x < c).unwrap_or(3);
            let (f, d) = pair(&mut rng, category);
            line.push(b',');
            line.extend_from_slice(words[f].as_bytes());
            line.push(b',');
            line.extend_from_slice(words[d].as_bytes());
            if opts.importance {
                write!(line, ",{}", importance(&mut rng, category))?;
            }
        }
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generate(opts: &SynthOptions) -> String {
        let mut v = Vec::new();
        write_synthetic_wide(&mut v, opts).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn deterministic_and_shaped() {
        let opts = SynthOptions { respondents: 50, features: 3, seed: 7, ..Default::default() };
        let a = generate(&opts);
        assert_eq!(a, generate(&opts));
        assert_ne!(a, generate(&SynthOptions { seed: 8, ..opts.clone() }));
        let lines: Vec<&str> = a.lines().collect();
        assert_eq!(lines.len(), 51);
        assert_eq!(lines[0], "respondent,segment,F01_F,F01_D,F02_F,F02_D,F03_F,F03_D");
        assert!(lines[1].starts_with("R0000001,"));
        for l in &lines[1..] {
            let cells: Vec<&str> = l.split(',').collect();
            assert_eq!(cells.len(), 8);
            assert!(cells[2..].iter().all(|c| CODES.contains(c)), "{l}");
        }
    }

    #[test]
    fn wordings_and_importance() {
        let opts = SynthOptions {
            respondents: 20,
            features: 2,
            answers: SynthAnswers::Chinese,
            importance: true,
            ..Default::default()
        };
        let text = generate(&opts);
        assert!(text.starts_with("respondent,segment,F01_F,F01_D,F01_importance,F02_F"));
        for l in text.lines().skip(1) {
            let cells: Vec<&str> = l.split(',').collect();
            assert!(CHINESE.contains(&cells[2]) && CHINESE.contains(&cells[3]));
            let imp: u64 = cells[4].parse().unwrap();
            assert!((1..=9).contains(&imp));
        }
    }

    #[test]
    fn every_pair_lands_in_its_category() {
        // The standard table, rows functional, columns dysfunctional (0 like … 4 dislike).
        let table = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"];
        let letters = ['A', 'O', 'M', 'I', 'R', 'Q'];
        let mut rng = SplitMix64(3);
        for (category, letter) in letters.iter().enumerate() {
            for _ in 0..200 {
                let (f, d) = pair(&mut rng, category);
                assert_eq!(table[f].as_bytes()[d] as char, *letter);
            }
        }
    }
}
