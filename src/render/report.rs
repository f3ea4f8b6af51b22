//! `kano report`: the whole path from a checked workshop to PDF bytes — view-model,
//! templates, markup, layout with charts. No file I/O: the caller writes the bytes.

use crate::model::{Date, Language, Workshop};
use crate::render::pdf::layout::Paper;
use crate::render::pdf::{self, DocMeta, Faces, LayoutOptions, RenderedPdf, ReportCharts};
use crate::render::templates;
use crate::view;

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

/// What to make.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Language of the fixed wording.
    pub lang: Language,
    /// Only this group's report.
    pub group: Option<String>,
    /// Paper size.
    pub paper: Paper,
    /// Templates replacing the built-in ones of the same name: (file name, source).
    pub templates: Vec<(String, String)>,
    /// The date written into the PDF's information; by default the workshop's last day.
    pub date: Option<Date>,
}

impl ReportOptions {
    /// The whole workshop's report in `lang` on A4 with the built-in templates.
    pub fn new(lang: Language) -> Self {
        Self { lang, group: None, paper: Paper::A4, templates: Vec::new(), date: None }
    }
}

fn render_markup(ctx: &view::ReportContext, opts: &ReportOptions) -> Result<String, ReportError> {
    let tera = templates::engine_with(&opts.templates)
        .map_err(|e| ReportError::Template(crate::diag::chain(&e)))?;
    templates::render_report(&tera, ctx).map_err(|e| ReportError::Template(crate::diag::chain(&e)))
}

/// The report markup of `ws`: what the templates produce, before layout.
pub fn markup(
    ws: &Workshop,
    data: &view::ReportData,
    opts: &ReportOptions,
) -> Result<String, ReportError> {
    let (ctx, _) = view::build(ws, opts.lang, opts.group.as_deref(), data);
    render_markup(&ctx, opts)
}

/// The PDF report of `ws`.
pub fn pdf(
    ws: &Workshop,
    data: &view::ReportData,
    opts: &ReportOptions,
) -> Result<RenderedPdf, ReportError> {
    let (blocks, layout, charts) = prepare(ws, data, opts)?;
    let faces = Faces::embedded()?;
    let mut painter = ReportCharts::new(&charts);
    Ok(pdf::render_pdf(&blocks, &faces, &layout, &mut painter)?)
}

/// The charts of a report by id.
type Specs = std::collections::BTreeMap<String, crate::view::specs::ChartSpec>;

/// The report's blocks, its layout options and its charts.
fn prepare(
    ws: &Workshop,
    data: &view::ReportData,
    opts: &ReportOptions,
) -> Result<(Vec<pdf::Block>, LayoutOptions, Specs), ReportError> {
    let lang = opts.lang;
    let (ctx, charts) = view::build(ws, lang, opts.group.as_deref(), data);
    let markup = render_markup(&ctx, opts)?;
    let blocks = pdf::parse(&markup);
    let meta = &ws.data.workshop;
    let layout = LayoutOptions {
        meta: DocMeta {
            title: ctx.workshop.title.clone(),
            author: meta.facilitator.clone(),
            subject: format!("{} · {}", meta.organisation, ctx.labels.report),
            language: lang.key().to_owned(),
            date: Some(opts.date.unwrap_or(meta.end_date.unwrap_or(meta.date))).and_then(|d| {
                Some((d.year, u8::try_from(d.month).ok()?, u8::try_from(d.day).ok()?))
            }),
        },
        header: format!("{} · {}", meta.title, ctx.labels.report),
        footer: ctx.labels.page_format.to_owned(),
        paper: opts.paper,
        figure_caption: ctx
            .t
            .get("figure_caption")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_owned(),
        ..LayoutOptions::default()
    };
    Ok((blocks, layout, charts))
}

#[cfg(test)]
mod tests;
