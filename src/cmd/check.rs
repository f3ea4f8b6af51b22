//! `kano check`: validate a workshop and print every problem.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::diag;
use crate::pipeline::load_and_check;

pub fn run(path: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let (loaded, diags) = load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources).as_bytes());
    let failed = errors > 0 || (deny_warnings && warnings > 0) || loaded.workshop.is_none();
    if failed {
        let _ = writeln!(err, "{}: {errors} error(s), {warnings} warning(s)", path.display());
        return ExitCode::from(EXIT_INVALID);
    }
    if let Some(ws) = &loaded.workshop {
        println!(
            "ok: {} — {} file(s), {} group(s), {warnings} warning(s)",
            path.display(),
            ws.files.len(),
            ws.data.groups.len()
        );
    }
    ExitCode::SUCCESS
}
