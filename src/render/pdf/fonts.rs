//! The embedded faces as fonts of one PDF document: printpdf embeds them (and subsets them
//! to the glyphs used) and sets text as glyph ids. Measuring and the faces themselves are
//! [`crate::text`]'s.

use printpdf::{Codepoint, FontId, ParsedFont, PdfDocument, PdfFontHandle, TextItem};

use crate::text::{Face, Faces, FontError};

/// The faces as added to one PDF document.
#[derive(Debug, Clone)]
pub struct PdfFonts<'a> {
    /// The faces.
    pub faces: &'a Faces,
    /// printpdf's id of the regular face in this document.
    pub regular: FontId,
    /// printpdf's id of the bold face in this document.
    pub bold: FontId,
}

impl<'a> PdfFonts<'a> {
    /// Add both faces to `doc`.
    pub fn add_to(doc: &mut PdfDocument, faces: &'a Faces) -> Result<Self, FontError> {
        let mut warnings = Vec::new();
        let regular = ParsedFont::from_bytes(faces.regular.bytes(), 0, &mut warnings)
            .ok_or(FontError::Invalid)?;
        let bold = ParsedFont::from_bytes(faces.bold.bytes(), 0, &mut warnings)
            .ok_or(FontError::Invalid)?;
        Ok(Self { faces, regular: doc.add_font(&regular), bold: doc.add_font(&bold) })
    }

    /// `text` as a printpdf text item in `face`: glyph ids, each carrying its character for
    /// the ToUnicode map (so the text stays searchable and copyable). printpdf would look
    /// every character up in the font's `cmap` again; the face's table is much faster.
    pub fn text_item(face: &Face, text: &str) -> TextItem {
        TextItem::GlyphIds(
            text.chars()
                .map(|c| Codepoint { gid: face.glyph(c), offset: 0.0, cid: Some(c.to_string()) })
                .collect(),
        )
    }

    /// The face and the printpdf handle for regular (`bold == false`) or bold text.
    pub fn pick(&self, bold: bool) -> (&'a Face, PdfFontHandle) {
        if bold {
            (&self.faces.bold, PdfFontHandle::External(self.bold.clone()))
        } else {
            (&self.faces.regular, PdfFontHandle::External(self.regular.clone()))
        }
    }
}
