//! Command-line interface (clap derive). The doc comments here are the `--help` text.
//!
//! Input: the command line. Output: a parsed [`Cli`], options already typed (dates as
//! [`crate::model::Date`], the IPA crosshair), or clap's error with the parser's message.
//! It reads no file and runs nothing: [`crate::cmd`] does.

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
        /// Language of the messages; by default the workshop's `language` (English when
        /// the file cannot be read). Field names and values stay as typed.
        #[arg(long, value_enum)]
        lang: Option<ReportLang>,
    },
    /// Write the workshop report as a PDF: cover, contents, the groups' outputs and the
    /// workshop-wide analysis.
    Report(ReportArgs),
    /// Draw the workshop's charts as SVG, PNG or PDF: Kano, SERVQUAL, journey maps,
    /// proposals, NPS/CSAT/CES, market damage, group PK.
    ///
    /// `kano chart WORKSHOP --kind KIND [-o FILE.svg|.png|.pdf]` draws one chart;
    /// `kano chart WORKSHOP --all [-o DIR] [--format svg|png|pdf]` draws every chart the
    /// workshop has data for, one file each, named `<kind>[-<id>].<ext>`;
    /// `kano chart --list` lists the kinds (with WORKSHOP: its charts).
    Chart(ChartArgs),
    /// Classify Kano survey answers into basic (M), performance (O), excitement (A),
    /// indifferent (I), reverse (R) and questionable (Q) needs.
    ///
    /// FILE is a survey export (CSV/TSV, UTF-8 or GBK/GB18030): wide (one row per
    /// respondent, columns `<id>_F`/`<id>_D`, `<id> functional`/`<id> dysfunctional`,
    /// `<id>(功能)`/`<id>(反功能)`, optional `<id>_importance`), long
    /// (`respondent,feature,functional,dysfunctional`) or aggregated counts
    /// (`feature,A,O,M,I,R,Q`); or a workshop file or folder, whose Kano section is used.
    Classify(ClassifyArgs),
    /// Compute the workshop's figures: SERVQUAL (dimension scores, overall scores, zone of
    /// tolerance, IPA), NPS / CSAT / CES per measured touchpoint, market damage, journeys
    /// (peak–end, key-touchpoint coverage, Mermaid), ranked proposals, the 3-2-1 summary and
    /// the group PK.
    ///
    /// Sections the workshop does not have are left out (`null` or `[]` in JSON). Answer
    /// files the workshop refers to (`servqual.responses`, `responses_file`) are read and
    /// checked: a value off its scale is an error naming the file, line, column and value.
    Analyze(AnalyzeArgs),
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

/// Options of `kano report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// A workshop YAML file, or a folder holding workshop.yaml plus one file per group.
    pub workshop: PathBuf,
    /// Output folder (created if needed).
    #[arg(short, long, default_value = "output")]
    pub out: PathBuf,
    /// Report language for the fixed wording; by default the workshop's `language`. The
    /// workshop's own text stays as typed.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
    /// Only this group's report (by group id), for its participants to take home; written
    /// as `<workshop>-<group>.pdf`.
    #[arg(long, value_name = "ID")]
    pub group: Option<String>,
    /// Paper size.
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    pub paper: PaperArg,
    /// A folder of templates: each `<name>.md` in it replaces the built-in template of that
    /// name (see templates/README.md); other `.md` files can be included by them.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl From<PaperArg> for crate::render::pdf::layout::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::LETTER,
        }
    }
}

/// Options of `kano classify`.
#[derive(Debug, clap::Args)]
pub struct ClassifyArgs {
    /// Survey export, or a workshop file or folder.
    pub file: PathBuf,
    /// Evaluation table: Kano's standard table, or Pouliot's (a repeated answer is Q).
    #[arg(long, value_enum, default_value_t = crate::analysis::kano::Table::Standard)]
    pub table: crate::analysis::kano::Table,
    /// Assignment rule: the most frequent category, Matzler's "what hurts most first" among
    /// near-ties, or two-stage (M+O+A against I+R+Q first).
    #[arg(long, value_enum, default_value_t = crate::analysis::kano::Rule::Plurality)]
    pub rule: crate::analysis::kano::Rule,
    /// moai: categories within this many percentage points of the top one are near-tied.
    #[arg(long, default_value_t = crate::analysis::kano::rule::DEFAULT_MOAI_THRESHOLD)]
    pub moai_threshold: f64,
    /// Continuous analysis: the split between low and high on the −2..4 scores.
    #[arg(long, default_value_t = crate::analysis::kano::continuous::DEFAULT_SPLIT)]
    pub continuous_split: f64,
    /// Continuous analysis: leave out answer pairs classified Q or R.
    #[arg(long)]
    pub continuous_excludes_qr: bool,
    /// Drop respondents who answered "like" to every functional and "dislike" to every
    /// dysfunctional question, or the reverse.
    #[arg(long)]
    pub drop_straight_liners: bool,
    /// Drop respondents with more than this many questionable (Q) answers.
    #[arg(long, value_name = "K")]
    pub max_questionable: Option<u32>,
    /// The codes run 5 like … 1 dislike (only ever applied when declared).
    #[arg(long)]
    pub reversed: bool,
    /// Also classify per value of this column (e.g. a branch or customer segment).
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,
    /// Output format; default: table on a terminal, json otherwise.
    #[arg(long, value_enum)]
    pub format: Option<crate::render::terminal::classify::Format>,
    /// Write the output to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Skip and count unrecognised answers instead of failing.
    #[arg(long)]
    pub skip_invalid: bool,
    /// List at most this many unrecognised answers.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub max_errors: usize,
    /// A CSV `feature,functional,dysfunctional[,importance][,name]` naming the columns of
    /// each feature, for headers no convention matches.
    #[arg(long, value_name = "CSV")]
    pub mapping: Option<PathBuf>,
    /// The file's encoding (e.g. gbk, gb18030, utf-8), when detection guesses wrong.
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The respondent id column, by header name.
    #[arg(long, value_name = "COLUMN")]
    pub respondent_column: Option<String>,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Language of the table and Markdown forms and of the messages; by default the
    /// workshop's `language` when FILE is a workshop, English for a survey file. JSON and
    /// CSV are the same in every language.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

/// Options of `kano analyze`.
#[derive(Debug, clap::Args)]
pub struct AnalyzeArgs {
    /// A workshop YAML file, or a folder holding workshop.yaml plus one file per group.
    pub workshop: PathBuf,
    /// Output format: aligned tables, a Markdown report, or the JSON contract.
    #[arg(long, value_enum, default_value_t = crate::render::terminal::analyze::Format::Table)]
    pub format: crate::render::terminal::analyze::Format,
    /// Write the output to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Actions due before this date are overdue; default: the workshop's last day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<crate::model::Date>,
    /// Where the importance–performance crosshair goes: `mean`, `median`, `scale-mid`, or
    /// `PERFORMANCE,IMPORTANCE` (e.g. `5.5,6`).
    #[arg(long, value_name = "WHERE", default_value = "mean", value_parser = parse_crosshair)]
    pub ipa_crosshair: crate::analysis::ipa::Crosshair,
    /// Label language; by default the workshop's `language`.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

fn parse_date(s: &str) -> Result<crate::model::Date, crate::model::date::DateError> {
    s.parse()
}

fn parse_crosshair(
    s: &str,
) -> Result<crate::analysis::ipa::Crosshair, crate::analysis::ipa::CrosshairError> {
    s.parse()
}

/// Options of `kano chart`.
#[derive(Debug, clap::Args)]
pub struct ChartArgs {
    /// A workshop YAML file, or a folder holding workshop.yaml plus one file per group.
    pub workshop: Option<PathBuf>,
    /// The chart: a kind such as `kano-better-worse`, or a kind with the id of one
    /// journey, group or measurement as `--all` names files, such as `journey-g1-j1`.
    #[arg(short, long, value_name = "KIND", conflicts_with = "all")]
    pub kind: Option<String>,
    /// Draw every chart the workshop has data for; kinds without data are skipped.
    #[arg(long)]
    pub all: bool,
    /// The file to write (its extension picks the format); with --all, the folder.
    /// Default: `output/<workshop>-<chart>.svg`, with --all `output/<workshop>-charts/`.
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Output format when --out does not say (default svg).
    #[arg(long, value_enum)]
    pub format: Option<crate::render::chart_files::Format>,
    /// Language of titles, axes and legends; by default the workshop's `language`.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
    /// List the chart kinds; with WORKSHOP, the charts it has data for.
    #[arg(long)]
    pub list: bool,
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
