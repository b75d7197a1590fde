//! Output formats, one file each. Reports write to any `io::Write`; they never print.

mod concise;
pub mod diff;
mod json;
mod pretty;

use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

pub use json::JSON_VERSION;

/// One linted file and what was found in it.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The path as shown to the user.
    pub path: String,
    /// The text the spans point into.
    pub source: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
}

impl Summary {
    pub fn of(files: &[FileReport]) -> Summary {
        let mut s = Summary {
            files: files.len(),
            ..Summary::default()
        };
        for d in files.iter().flat_map(|f| &f.diagnostics) {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
            s.fixable += usize::from(d.fix.is_some());
        }
        s
    }
}

/// Output formats of `copydesk check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Graphical report with the source line, labels, help and rule code.
    Pretty,
    /// `path:line:col: severity [rule] message`, one a line.
    Concise,
    /// The JSON contract (docs/report.schema.json).
    Json,
}

/// Options that shape output.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    pub color: bool,
    /// Terminal width for wrapping the pretty format.
    pub width: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            color: false,
            width: 100,
        }
    }
}

/// Writes `files` in `format`.
pub fn write(
    format: OutputFormat,
    files: &[FileReport],
    opts: ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Pretty => pretty::write(files, opts, out),
        OutputFormat::Concise => concise::write(files, out),
        OutputFormat::Json => json::write(files, out),
    }
}
