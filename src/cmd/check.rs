//! `kano check`: validate a workshop and print every problem, in the workshop's language
//! (or `--lang`).

use std::io::Write as _;
use std::process::ExitCode;

use super::{EXIT_INVALID, diagnostics_language, say, summary};
use crate::diag::{self, Msg};
use crate::model::Language;
use crate::pipeline::load_and_check;

pub fn run(path: &std::path::Path, deny_warnings: bool, lang: Option<Language>) -> ExitCode {
    let (loaded, diags) = load_and_check(path);
    let (errors, warnings) = diag::counts(&diags);
    let say = say(diagnostics_language(lang, &loaded));
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(diag::render(&diags, &loaded.sources, &say).as_bytes());
    let failed = errors > 0 || (deny_warnings && warnings > 0) || loaded.workshop.is_none();
    if failed {
        let _ = writeln!(err, "{}", summary(&say, path, errors, warnings, &diags));
        return ExitCode::from(EXIT_INVALID);
    }
    if let Some(ws) = &loaded.workshop {
        outln!(
            "{}",
            say(&Msg::new("ok")
                .text("path", path.display())
                .text("files", ws.files.len())
                .text("groups", ws.data.groups.len())
                .text("warnings", warnings))
        );
    }
    ExitCode::SUCCESS
}
