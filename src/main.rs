//! The `kano` command: a thin shell over the library (see `kano::run`).

use clap::Parser;

fn main() -> std::process::ExitCode {
    kano::run(kano::cli::Cli::parse())
}
