//! Stage 4: charts. plotters figures drawn through [`backend::PdfBackend`], a plotters
//! `DrawingBackend` that emits printpdf operations, so charts are vector graphics whose
//! labels are real, searchable text in the report's own embedded font.
//!
//! - [`emotion::emotion_curve`]: a journey's emotion curve with its peak, valleys, end and
//!   average line (the peak–end view of the journey).

pub mod backend;
pub mod emotion;
