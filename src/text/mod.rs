//! Leaf: text as every renderer measures it — the embedded font faces ([`fonts`]: glyph
//! ids, advances, widths, the font bytes), the one line breaker ([`breaker`]: UAX #14 break
//! opportunities, greedy filling, words wider than a line broken between characters), the
//! CJK–Latin spacing ([`spacing`]) and label fitting for charts ([`fit`]).
//!
//! Input: strings and a size. Output: widths, lines, fitted labels. Imports no other
//! module of the crate; knows nothing of PDF (embedding the faces in a document is
//! `render::pdf`'s), of plotters drawing or of any workshop. No I/O.
//!
//! PDF paragraphs (`render::pdf::textflow`) and chart labels ([`fit::wrap`]) both break
//! lines with [`breaker::break_lines`]; each measures through its own [`breaker::Measure`]
//! (points with the CJK–Latin gap, or em scaled at the end), which is what keeps their
//! results exactly as they were when they had separate breakers.

pub mod breaker;
pub mod fit;
pub mod fonts;
pub mod spacing;

pub use breaker::{Break, Measure, break_lines, opportunities};
pub use fit::{fit_label, shorten, wrap};
pub use fonts::{CHART_FAMILY, Face, Faces, FontError};
pub use spacing::{CJK_LATIN_GAP_EM, is_ideograph, is_wide, spaced, wants_gap};
