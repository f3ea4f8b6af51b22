//! `kano new`: a workshop folder from the shipped example.

use std::process::ExitCode;

use super::EXIT_INVALID;
use super::scaffold;
use crate::cli;

pub fn run(dir: &std::path::Path, lang: cli::NewLang) -> ExitCode {
    match scaffold::create(dir, lang) {
        Ok(files) => {
            println!("created {} with {} files:", dir.display(), files.len());
            for f in &files {
                println!("  {f}");
            }
            println!(
                "next: edit the files, then `kano check {0}` and `kano report {0}`",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}\n  = hint: {}", e.hint());
            ExitCode::from(EXIT_INVALID)
        }
    }
}
