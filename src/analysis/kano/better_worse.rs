//! Customer-satisfaction coefficients Better (SI) and Worse (DI).
//!
//! Source: Berger et al. 1993, after Timko (METHODS §1.3):
//! Better = (A + O) / (A + O + M + I); Worse = −(O + M) / (A + O + M + I).
//! Computed from the counts, never read off a fitted curve. Undefined (`None`, not 0) when
//! A + O + M + I = 0. Worse is never −0.0: with O + M = 0 it is 0.0.

use super::category::Counts;

/// A + O + M + I: the answers Better and Worse are shares of (R and Q left out).
fn denominator(c: &Counts) -> u64 {
    c.a.saturating_add(c.o).saturating_add(c.m).saturating_add(c.i)
}

/// Better (satisfaction index) = (A + O) / (A + O + M + I), in 0..=1.
pub fn better(c: &Counts) -> Option<f64> {
    let den = denominator(c);
    (den > 0).then(|| c.a.saturating_add(c.o) as f64 / den as f64)
}

/// Worse (dissatisfaction index) = −(O + M) / (A + O + M + I), in −1..=0.
pub fn worse(c: &Counts) -> Option<f64> {
    let den = denominator(c);
    let om = c.o.saturating_add(c.m);
    (den > 0).then(|| if om == 0 { 0.0 } else { -(om as f64) / den as f64 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_example() {
        // METHODS §1.3: Better = 42/55 = 0.764; Worse = −35/55 = −0.636.
        let c = Counts::new(12, 30, 5, 8, 1, 0);
        let b = better(&c).unwrap();
        let w = worse(&c).unwrap();
        assert!((b - 0.764).abs() < 0.005, "{b}");
        assert!((w + 0.636).abs() < 0.005, "{w}");
        assert!((b - 42.0 / 55.0).abs() < 1e-12);
        assert!((w + 35.0 / 55.0).abs() < 1e-12);
    }

    #[test]
    fn undefined_when_only_r_and_q() {
        assert_eq!(better(&Counts::default()), None);
        assert_eq!(worse(&Counts::default()), None);
        let c = Counts::new(0, 0, 0, 0, 3, 7);
        assert_eq!(better(&c), None);
        assert_eq!(worse(&c), None);
    }

    #[test]
    fn extremes_and_no_negative_zero() {
        let c = Counts::new(0, 0, 0, 4, 9, 9);
        assert_eq!(better(&c), Some(0.0));
        let w = worse(&c).unwrap();
        assert_eq!(w, 0.0);
        assert!(w.is_sign_positive());
        assert_eq!(serde_json::to_string(&w).unwrap(), "0.0");
        let c = Counts::new(0, 5, 0, 0, 0, 0);
        assert_eq!(better(&c), Some(1.0));
        assert_eq!(worse(&c), Some(-1.0));
        // R and Q do not enter the denominator.
        let c = Counts::new(1, 1, 1, 1, 100, 100);
        assert_eq!(better(&c), Some(0.5));
        assert_eq!(worse(&c), Some(-0.5));
    }
}
