//! `kano new`: a workshop folder from the shipped example. Its messages are in the
//! example's language (`--lang`, zh-CN by default).

use std::process::ExitCode;

use super::EXIT_INVALID;
use super::scaffold;
use crate::cli;
use crate::diag::Msg;
use crate::model::Language;

pub fn run(dir: &std::path::Path, lang: cli::NewLang) -> ExitCode {
    let say = super::say(match lang {
        cli::NewLang::ZhCn => Language::ZhCn,
        cli::NewLang::En => Language::En,
    });
    match scaffold::create(dir, lang) {
        Ok(files) => {
            let created =
                Msg::new("cmd.new_created").text("path", dir.display()).text("n", files.len());
            outln!("{}", say(&created));
            for f in &files {
                outln!("  {f}");
            }
            outln!("{}", say(&Msg::new("cmd.new_next").text("path", dir.display())));
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{}", super::error_text(&say, &e.message(), Some(&e.hint())));
            ExitCode::from(EXIT_INVALID)
        }
    }
}
