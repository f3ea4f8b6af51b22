//! The faces all text is set in: Noto Sans SC Regular and Bold, pre-subset to GB2312 +
//! Big5 level 1 and embedded in the binary, so a report or a chart never depends on the
//! fonts of the machine it is made on (see `templates/fonts/README.md` for the source and
//! the subsetting command). `ab_glyph` reads them here: glyph ids and advances for
//! measuring and line breaking, and plotters rasterises chart text from the same bytes
//! (registered under [`CHART_FAMILY`]). Embedding them in a PDF is the PDF renderer's
//! business (`render::pdf::PdfFonts`).

use ab_glyph::{Font as _, FontRef};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// The family name the faces are registered under with plotters.
pub const CHART_FAMILY: &str = "kano-sans";

static REGULAR: &[u8] = include_bytes!("../../templates/fonts/NotoSansSC-Regular.subset.ttf");
static BOLD: &[u8] = include_bytes!("../../templates/fonts/NotoSansSC-Bold.subset.ttf");

/// A font face with its metrics.
///
/// The glyph id and advance of a character of the Basic Multilingual Plane are looked up
/// once, the first time it is met, into a flat table: measuring text for line breaking and
/// writing it as glyph ids then costs an index, not a `cmap` search per character.
#[derive(Debug, Clone)]
pub struct Face {
    bytes: &'static [u8],
    font: FontRef<'static>,
    units_per_em: f32,
    /// Per BMP code point: 0 while not looked up, else `1 << 48 | gid << 32 | advance
    /// (f32 bits, em)`.
    bmp: Arc<[AtomicU64]>,
}

impl Face {
    /// Parse a face from TrueType/OpenType bytes.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Self, FontError> {
        let font = FontRef::try_from_slice(bytes).map_err(|_| FontError::Invalid)?;
        let units_per_em = font.units_per_em().unwrap_or(1000.0);
        let bmp = (0..0x1_0000).map(|_| AtomicU64::new(0)).collect();
        Ok(Self { bytes, font, units_per_em, bmp })
    }

    /// Glyph id and advance (em) of `c`, from the table when it is in the BMP.
    #[inline]
    fn metrics(&self, c: char) -> (u16, f32) {
        let lookup = || {
            let id = self.font.glyph_id(c);
            let adv = if c.is_control() {
                0.0
            } else {
                self.font.h_advance_unscaled(id) / self.units_per_em
            };
            (id.0, adv)
        };
        let Some(slot) = self.bmp.get(c as usize) else { return lookup() };
        let v = slot.load(Ordering::Relaxed);
        if v != 0 {
            return ((v >> 32) as u16, f32::from_bits(v as u32));
        }
        let (gid, adv) = lookup();
        slot.store(1 << 48 | u64::from(gid) << 32 | u64::from(adv.to_bits()), Ordering::Relaxed);
        (gid, adv)
    }

    /// The glyph id of `c` (0, the .notdef box, when the face has none).
    #[inline]
    pub fn glyph(&self, c: char) -> u16 {
        self.metrics(c).0
    }

    /// The font file (TrueType/OpenType bytes).
    pub fn bytes(&self) -> &'static [u8] {
        self.bytes
    }

    /// Whether the face has a glyph for `c` (control characters count as present).
    pub fn has(&self, c: char) -> bool {
        c.is_control() || self.glyph(c) != 0
    }

    /// Advance width of `c` in em.
    #[inline]
    pub fn advance_em(&self, c: char) -> f32 {
        self.metrics(c).1
    }

    /// Width of `s` set at `size` points, in points.
    pub fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.advance_em(c)).sum::<f32>() * size
    }
}

/// The regular and bold faces.
#[derive(Debug, Clone)]
pub struct Faces {
    /// Body text.
    pub regular: Face,
    /// Headings, table heads, emphasis.
    pub bold: Face,
}

impl Faces {
    /// The faces shipped in the binary, also registered with plotters under
    /// [`CHART_FAMILY`] (plotters asks for font data even when our backend draws the text).
    pub fn embedded() -> Result<Self, FontError> {
        let faces = Self { regular: Face::from_bytes(REGULAR)?, bold: Face::from_bytes(BOLD)? };
        plotters::style::register_font(CHART_FAMILY, plotters::style::FontStyle::Normal, REGULAR)
            .map_err(|_| FontError::Invalid)?;
        plotters::style::register_font(CHART_FAMILY, plotters::style::FontStyle::Bold, BOLD)
            .map_err(|_| FontError::Invalid)?;
        Ok(faces)
    }

    /// Characters of `text` that neither face can draw, each once, in order of appearance.
    pub fn missing(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = Vec::new();
        for c in text.chars() {
            if !self.regular.has(c) && !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }
}

/// A font that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The bytes are not a usable TrueType/OpenType font.
    #[error("the embedded font could not be read")]
    Invalid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_faces_measure_and_cover_chinese() {
        let f = Faces::embedded().unwrap();
        assert!(f.regular.has('服') && f.regular.has('務') && f.regular.has('A'));
        // ideographs are one em wide; Latin narrower
        assert!((f.regular.advance_em('服') - 1.0).abs() < 1e-3);
        assert!(f.regular.advance_em('i') < 0.5);
        assert_eq!(f.missing("服务✗"), vec!['✗']);
        assert!((f.regular.width("服务", 10.0) - 20.0).abs() < 0.01);
    }
}
