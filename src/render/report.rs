//! `kano report`: the whole path from a checked workshop to PDF bytes — view-model,
//! templates, markup, layout with charts. No file I/O: the caller writes the bytes.

use crate::chart::ReportCharts;
use crate::check::Date;
use crate::model::{Language, Workshop};
use crate::render::pdf::{self, DocMeta, Faces, LayoutOptions, RenderedPdf};
use crate::render::templates;
use crate::report;

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A template failed to render (a defect of the templates, not of the workshop).
    #[error("template error: {0}")]
    Template(String),
    /// The PDF could not be laid out or written.
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    /// The embedded fonts could not be read.
    #[error(transparent)]
    Font(#[from] pdf::FontError),
}

/// The report markup of `ws` in `lang`: what the templates produce, before layout.
pub fn markup(ws: &Workshop, lang: Language) -> Result<String, ReportError> {
    let (ctx, _) = report::build(ws, lang);
    let tera = templates::engine().map_err(|e| ReportError::Template(e.to_string()))?;
    templates::render_report(&tera, &ctx).map_err(|e| ReportError::Template(e.to_string()))
}

/// The PDF report of `ws` in `lang`.
pub fn pdf(ws: &Workshop, lang: Language) -> Result<RenderedPdf, ReportError> {
    let (ctx, charts) = report::build(ws, lang);
    let tera = templates::engine().map_err(|e| ReportError::Template(e.to_string()))?;
    let markup =
        templates::render_report(&tera, &ctx).map_err(|e| ReportError::Template(e.to_string()))?;
    let blocks = pdf::parse(&markup);
    let faces = Faces::embedded()?;
    let meta = &ws.data.workshop;
    let opts = LayoutOptions {
        meta: DocMeta {
            title: meta.title.clone(),
            author: meta.facilitator.clone(),
            subject: format!("{} · {}", meta.organisation, ctx.labels.report),
            language: lang.key().to_owned(),
            date: Date::parse(meta.end_date.as_deref().unwrap_or(&meta.date)).and_then(|d| {
                Some((d.year, u8::try_from(d.month).ok()?, u8::try_from(d.day).ok()?))
            }),
        },
        header: format!("{} · {}", meta.title, ctx.labels.report),
        footer: ctx.labels.page_format.to_owned(),
        ..LayoutOptions::default()
    };
    let mut painter = ReportCharts::new(&charts, &ctx.labels);
    Ok(pdf::render_pdf(&blocks, &faces, &opts, &mut painter)?)
}
