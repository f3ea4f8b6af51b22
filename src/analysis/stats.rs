//! Small descriptive statistics shared by the methods. No I/O.

/// Arithmetic mean; `None` for no values.
pub fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Median (the mean of the two middle values for an even count); `None` for no values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    let n = v.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => v.get(n / 2).copied(),
        _ => Some((v[n / 2 - 1] + v[n / 2]) / 2.0),
    }
}

/// `x` rounded to 9 decimals, for ranking: sums of the same scores in another order
/// (4.5 + 4.2 + 4 and 4 + 4.5 + 4.2) must tie, not differ in the last bit.
pub fn rank_key(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

/// Competition ranks ("1, 2, 2, 4") of items already sorted best first, where `same(a, b)`
/// says that neighbours `a` and `b` tie. Returns each item's rank and whether it ties.
pub fn competition_ranks<T>(sorted: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<(usize, bool)> {
    let mut out: Vec<(usize, bool)> = Vec::with_capacity(sorted.len());
    for (i, item) in sorted.iter().enumerate() {
        let tied_before = i > 0 && same(&sorted[i - 1], item);
        let rank = if tied_before { out[i - 1].0 } else { i + 1 };
        out.push((rank, tied_before));
        if tied_before {
            out[i - 1].1 = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_and_median() {
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[1.0, 2.0, 6.0]), Some(3.0));
        assert_eq!(median(&[6.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
    }

    #[test]
    fn rank_keys_ignore_the_last_bits() {
        let a = (4.5 + 4.2 + 4.1) / 3.0;
        let b = (4.1 + 4.5 + 4.2) / 3.0;
        assert_eq!(rank_key(a), rank_key(b));
        assert!(rank_key(4.0) > rank_key(3.999_999));
    }

    #[test]
    fn ranks_share_places_and_skip() {
        let v = [10, 8, 8, 5, 5, 5, 1];
        let r = competition_ranks(&v, |a, b| a == b);
        assert_eq!(
            r,
            vec![(1, false), (2, true), (2, true), (4, true), (4, true), (4, true), (7, false)]
        );
        assert!(competition_ranks::<u8>(&[], |a, b| a == b).is_empty());
    }
}
