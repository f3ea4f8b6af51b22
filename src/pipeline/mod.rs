//! The stages chained with their file I/O, for the commands and for library users: load
//! and check a workshop, read the answer files it refers to, classify a survey file.
//! Nothing here draws or renders.

pub mod classify;

use crate::model::check;
use crate::{analysis, diag, input, model, view};

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
                diag::Diagnostic::error(file, loaded.pos(origin.file, &full), full, &p.message)
            })
            .collect();
        (diags, loaded.sources.clone())
    })
}

/// Read and analyse what a report needs beyond the workshop file: the Kano survey (or the
/// inline counts), classified with the default method.
pub fn kano_data(ws: &model::Workshop) -> Result<view::ReportData, String> {
    let kano = match classify::workshop_kano(ws) {
        None => None,
        Some(classify::WorkshopKano::Counts(features)) if features.is_empty() => None,
        Some(classify::WorkshopKano::Counts(features)) => {
            Some(classify::classify_counts("counts", features, analysis::kano::Method::default()))
        }
        Some(classify::WorkshopKano::Survey(file, names)) => {
            let opts = classify::Options::default();
            Some(classify::classify_file(&file, &names, &opts).map_err(|e| {
                format!("the Kano survey {} cannot be classified: {e}", file.display())
            })?)
        }
    };
    Ok(view::ReportData { kano, analysis: None })
}

/// Load and check a workshop; every diagnostic found, sorted.
pub fn load_and_check(path: &std::path::Path) -> (input::Loaded, Vec<diag::Diagnostic>) {
    let mut loaded = input::load(path);
    let mut diags = std::mem::take(&mut loaded.diagnostics);
    if let Some(ws) = &loaded.workshop {
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
