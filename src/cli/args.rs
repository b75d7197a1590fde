//! Command-line arguments.

use clap::{Args, Parser, Subcommand, ValueEnum};
use copydesk::config::FailOn;
use copydesk::report::OutputFormat;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A linter for news copy: translation damage, quotation balance, names and house style",
    long_about = None,
    after_help = "`copydesk PATHS` is short for `copydesk check PATHS`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files and directories (the default subcommand).
    Check(CheckArgs),
    /// List the rules, or run packs' examples with `rules test`.
    Rules(RulesArgs),
    /// Describe a rule: what it checks, its parameters and examples.
    Explain(ExplainArgs),
    /// Write a commented starter copydesk.toml in the current directory.
    Init(InitArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Options that choose packs and config, shared by every subcommand.
#[derive(Debug, Args, Clone)]
pub struct PackArgs {
    /// Add a rule pack (TOML); repeatable.
    #[arg(long = "pack", value_name = "FILE")]
    pub packs: Vec<PathBuf>,
    /// Use this config file for every input instead of the nearest copydesk.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore every copydesk.toml: built-in defaults only.
    #[arg(long)]
    pub no_config: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to lint; `-` reads standard input. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format [default: pretty on a terminal, concise otherwise].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// When to use colour in the pretty format.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Lowest severity that makes the run fail (exit 1) [default: the config's, else warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Print a unified diff of the fixes instead of applying them; changes nothing.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Apply safe fixes in place (with `-`: print the fixed text).
    #[arg(long)]
    pub fix: bool,
    /// Also apply (or show) unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// The path to report, and to find the config from, for standard input.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    #[command(flatten)]
    pub pack: PackArgs,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: Option<RulesAction>,
    #[command(flatten)]
    pub pack: PackArgs,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// Run the examples of packs (default: every built-in pack).
    Test {
        /// Pack files whose rules' examples to run.
        #[arg(value_name = "PACK_FILE")]
        packs: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id (`pack/id`).
    pub rule: String,
    #[command(flatten)]
    pub pack: PackArgs,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Overwrite an existing copydesk.toml.
    #[arg(long)]
    pub force: bool,
}
