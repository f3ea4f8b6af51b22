//! Stage 4: charts. plotters figures drawn through [`backend::PdfBackend`], a plotters
//! `DrawingBackend` that emits printpdf operations, so charts are vector graphics whose
//! labels are real, searchable text in the report's own embedded font.

pub mod backend;
pub mod emotion;
