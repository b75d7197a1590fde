//! Subcommands. Output goes through `Out`, which treats a closed pipe as a normal end.

mod args;
mod check;
mod inputs;
mod rules;
mod write;

use args::{Cli, Command};
use clap::Parser;
use copydesk::config::Config;
use copydesk::linter::Linter;
use copydesk::pack::error::ConfigError;
use std::ffi::OsString;
use std::io::{self, Write};

/// Exit codes.
pub const OK: i32 = 0;
pub const FINDINGS: i32 = 1;
pub const TROUBLE: i32 = 2;

const SUBCOMMANDS: &[&str] = &["check", "rules", "explain", "init", "help"];

pub fn run(mut argv: Vec<OsString>) -> i32 {
    // `copydesk PATHS` means `copydesk check PATHS`
    let first = argv.get(1).and_then(|a| a.to_str()).unwrap_or("");
    let is_global_flag = matches!(first, "-h" | "--help" | "-V" | "--version");
    if argv.len() == 1 || (!SUBCOMMANDS.contains(&first) && !is_global_flag) {
        argv.insert(1, "check".into());
    }
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { TROUBLE } else { OK };
        }
    };
    let result = match cli.command {
        Command::Check(a) => check::run(a),
        Command::Rules(a) => rules::list_or_test(a),
        Command::Explain(a) => rules::explain(a),
        Command::Init(a) => rules::init(a),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("copydesk: {e}");
            TROUBLE
        }
    }
}

/// Prints configuration errors as miette reports on standard error.
pub fn report_config_errors(errors: Vec<ConfigError>) -> i32 {
    let handler = miette::GraphicalReportHandler::new_themed(if write::stderr_color() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    });
    let mut err = io::stderr().lock();
    for e in errors {
        let mut s = String::new();
        if handler.render_report(&mut s, &e).is_err() {
            s = e.to_string();
        }
        let _ = writeln!(err, "{s}");
    }
    TROUBLE
}

/// The linter for a config given on the command line (`--config`, `--no-config`) or found
/// from the current directory.
pub fn linter_from(pack: &args::PackArgs) -> Result<Linter, Vec<ConfigError>> {
    let config = if pack.no_config {
        Config::default_in(".")
    } else if let Some(path) = &pack.config {
        Config::load(path).map_err(|e| vec![e])?
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
        match Config::discover(&cwd) {
            Some(p) => Config::load(&p).map_err(|e| vec![e])?,
            None => Config::default_in("."),
        }
    };
    config.linter(&pack.packs)
}
