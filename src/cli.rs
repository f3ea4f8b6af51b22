//! Command-line interface (clap derive). The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// kano — service-design workshop toolkit: validate workshop files, classify Kano needs,
/// and write the workshop report as a PDF (Chinese first).
///
/// Exit codes: 0 success, 2 invalid input or a command that cannot run.
#[derive(Debug, Parser)]
#[command(name = "kano", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a workshop file or folder and report every problem found.
    Check {
        /// A workshop YAML file, or a folder holding workshop.yaml plus one file per group.
        workshop: PathBuf,
        /// Treat warnings as errors (exit 2 if there are any).
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Write the workshop report as a PDF.
    Report {
        /// A workshop YAML file, or a folder holding workshop.yaml plus one file per group.
        workshop: PathBuf,
        /// Output folder (created if needed).
        #[arg(short, long, default_value = "output")]
        out: PathBuf,
        /// Report language; by default the workshop's `language`.
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
    },
    /// Create a new workshop folder from the shipped example.
    New {
        /// The folder to create (must not exist, or be empty).
        dir: PathBuf,
        /// Language of the example to start from.
        #[arg(long, value_enum, default_value_t = NewLang::ZhCn)]
        lang: NewLang,
    },
    /// Print the JSON Schema of the workshop file format.
    Schema {
        /// Which file: the workshop file, or a per-group file.
        #[arg(long, value_enum, default_value_t = SchemaPart::Workshop)]
        part: SchemaPart,
    },
}

/// Languages `kano new` has examples in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewLang {
    /// Simplified Chinese: the bank-branch example with six groups.
    #[value(name = "zh-CN")]
    ZhCn,
    /// English: the smaller hotel example.
    #[value(name = "en")]
    En,
}

/// Languages a report can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportLang {
    /// Simplified Chinese.
    #[value(name = "zh-CN")]
    ZhCn,
    /// Traditional Chinese.
    #[value(name = "zh-TW")]
    ZhTw,
    /// English.
    #[value(name = "en")]
    En,
}

impl From<ReportLang> for crate::model::Language {
    fn from(l: ReportLang) -> Self {
        match l {
            ReportLang::ZhCn => Self::ZhCn,
            ReportLang::ZhTw => Self::ZhTw,
            ReportLang::En => Self::En,
        }
    }
}

/// The two kinds of workshop file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaPart {
    /// `workshop.yaml`.
    Workshop,
    /// One group's file in a workshop folder.
    Group,
}
