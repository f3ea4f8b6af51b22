//! `kano analyze`: the workshop's figures as tables, Markdown or JSON.

use std::io::Write as _;
use std::process::ExitCode;

use super::EXIT_INVALID;
use crate::cmd::load_for_output;
use crate::diag::Msg;
use crate::pipeline::analyze_workshop;
use crate::{analysis, cli, diag, model, render};

pub fn run(args: &cli::AnalyzeArgs) -> ExitCode {
    let path = args.workshop.as_path();
    let flag = args.lang.map(model::Language::from);
    let Some((ws, loaded)) = load_for_output(path, "nothing_analysed", flag) else {
        return ExitCode::from(EXIT_INVALID);
    };
    let ws = &ws;
    let mut err = std::io::stderr().lock();
    let lang = flag.unwrap_or(ws.data.workshop.language);
    let say = super::say(lang);
    let opts =
        analysis::AnalyzeOptions { as_of: args.as_of, ipa_crosshair: args.ipa_crosshair, lang };
    let result = match analyze_workshop(ws, &loaded, &opts) {
        Ok(r) => r,
        Err((diags, sources)) => {
            let _ = err.write_all(diag::render(&diags, &sources, &say).as_bytes());
            let m = Msg::new("cmd.outcome")
                .text("path", path.display())
                .word("outcome", "nothing_analysed");
            let _ = writeln!(err, "{}", say(&m));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    let text = match render::terminal::analyze::render_to_string(&result, args.format) {
        Ok(t) => t,
        Err(e) => {
            let m = Msg::new("cmd.cannot_format").text("error", e);
            let _ = writeln!(err, "{}", super::error_text(&say, &m, None));
            return ExitCode::from(EXIT_INVALID);
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = render::write_atomic(file, text.as_bytes()) {
                let m = Msg::new("cmd.cannot_write").text("file", file.display()).text("error", e);
                let _ = writeln!(err, "{}", super::error_text(&say, &m, None));
                return ExitCode::from(EXIT_INVALID);
            }
            let _ = writeln!(err, "{}", say(&Msg::new("cmd.wrote").text("file", file.display())));
        }
        None => {
            let mut out = std::io::stdout().lock();
            if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
                // a closed pipe (`| head`) is not an error of ours
                return ExitCode::SUCCESS;
            }
        }
    }
    ExitCode::SUCCESS
}
