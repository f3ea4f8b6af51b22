//! The stages chained with their file I/O, for the commands and for library users: load
//! and check a workshop, read the answer files it refers to, classify a survey file.
//!
//! Input: paths, and the checked [`model::Workshop`]. Output: the model with its
//! diagnostics, the [`analysis::Analysis`], the Kano [`ClassifyReport`], or typed errors
//! carrying their causes. It imports the input, the model, the analysis and the leaves;
//! nothing here builds a view, draws or renders.

pub mod classify;

use std::path::PathBuf;

use crate::analysis::kano::ClassifyReport;
use crate::model::check;
use crate::{analysis, diag, input, model};

/// Why the Kano data of a workshop could not be made.
#[derive(Debug, thiserror::Error)]
pub enum KanoDataError {
    /// The survey file the workshop names could not be read or classified.
    #[error("the Kano survey {} cannot be classified", file.display())]
    Survey {
        /// The survey file, resolved against the workshop's folder.
        file: PathBuf,
        /// Why.
        #[source]
        source: classify::ClassifyError,
    },
}

impl KanoDataError {
    /// The survey file.
    pub fn file(&self) -> &std::path::Path {
        match self {
            Self::Survey { file, .. } => file,
        }
    }

    /// The problems as keyed diagnostics (see [`classify::ClassifyError::to_diagnostics`]).
    pub fn to_diagnostics(&self) -> Vec<diag::Diagnostic> {
        match self {
            Self::Survey { source, .. } => source.to_diagnostics(),
        }
    }
}

/// Read the answer files a checked workshop refers to and run every analysis method.
/// On failure: the problems as diagnostics, with the sources to show them from.
pub fn analyze_workshop(
    ws: &model::Workshop,
    loaded: &input::Loaded,
    opts: &analysis::AnalyzeOptions,
) -> Result<analysis::Analysis, (Vec<diag::Diagnostic>, input::responses::Sources)> {
    let data = match input::responses::load(ws) {
        Ok((data, _)) => data,
        Err((diags, files)) => {
            let mut sources = loaded.sources.clone();
            sources.extend(files);
            return Err((diags, sources));
        }
    };
    analysis::analyze(ws, opts, &data).map_err(|problems| {
        let root = model::Origin { file: 0, prefix: String::new() };
        let diags = problems
            .iter()
            .map(|p| {
                let origin = p.group.and_then(|g| ws.origins.get(g)).unwrap_or(&root);
                let full = full_path(origin, &p.path);
                let file = ws.files.get(origin.file).cloned().unwrap_or_default();
                diag::Diagnostic::error(
                    file,
                    loaded.pos(origin.file, &full),
                    full,
                    p.message.as_str(),
                )
            })
            .collect();
        (diags, loaded.sources.clone())
    })
}

/// Read and classify the workshop's Kano data: the survey file it names, or its inline
/// counts, with the default method; `None` without Kano data. Print an error with
/// [`diag::chain`] to show its cause.
pub fn kano_data(ws: &model::Workshop) -> Result<Option<ClassifyReport>, KanoDataError> {
    let kano = match classify::workshop_kano(ws) {
        None => None,
        Some(classify::WorkshopKano::Counts(features)) if features.is_empty() => None,
        Some(classify::WorkshopKano::Counts(features)) => {
            Some(classify::classify_counts("counts", features, analysis::kano::Method::default()))
        }
        Some(classify::WorkshopKano::Survey(file, names)) => {
            let opts = classify::Options::default();
            match classify::classify_file(&file, &names, &opts) {
                Ok(report) => Some(report),
                Err(source) => return Err(KanoDataError::Survey { file, source }),
            }
        }
    };
    Ok(kano)
}

/// Load and check a workshop; every diagnostic found, sorted. A workshop with structural
/// errors is checked as far as it was read (`input::Loaded::partial`), so that one run
/// reports every mistake.
pub fn load_and_check(path: &std::path::Path) -> (input::Loaded, Vec<diag::Diagnostic>) {
    let mut loaded = input::load(path);
    let mut diags = std::mem::take(&mut loaded.diagnostics);
    if let Some(ws) = loaded.workshop.as_ref().or(loaded.partial.as_ref()) {
        diags.extend(check::check(ws, &loaded));
    }
    diag::sort(&mut diags);
    (loaded, diags)
}

/// The path of `sub` inside the group or file at `origin`, as `kano check` writes it.
pub fn full_path(origin: &model::Origin, sub: &str) -> String {
    match (origin.prefix.is_empty(), sub.is_empty()) {
        (true, _) => sub.to_owned(),
        (false, true) => origin.prefix.clone(),
        (false, false) => format!("{}.{sub}", origin.prefix),
    }
}
