//! Output formats, one file each. Reports write to any `io::Write`; they never print.

mod concise;
pub mod diff;
pub mod fingerprint;
pub mod github;
mod json;
pub mod location;
mod pretty;
pub mod sarif;
mod stream;

use crate::checks::RuleInfo;
use crate::diagnostic::{Diagnostic, Severity};
use std::io::{self, Write};

pub use json::JSON_VERSION;
pub use stream::Stream;

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
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions workflow commands (`::warning file=...::message`).
    Github,
}

impl OutputFormat {
    /// Formats read by programs, where nothing but the report may appear.
    pub fn is_machine(self) -> bool {
        !matches!(self, OutputFormat::Pretty | OutputFormat::Concise)
    }
}

/// What a report says about a rule (SARIF's driver lists every active rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleMeta {
    /// `pack/id`.
    pub id: String,
    pub pack: String,
    pub kind: String,
    pub description: String,
    pub help: Option<String>,
    /// The severity the rule reports with under the config.
    pub severity: Severity,
}

impl RuleMeta {
    pub fn of(info: &RuleInfo, severity: Severity) -> RuleMeta {
        RuleMeta {
            id: info.id.clone(),
            pack: info.pack.clone(),
            kind: info.kind.clone(),
            description: info.description.clone(),
            help: info.help.clone(),
            severity,
        }
    }

    /// A rule known only by the id of a diagnostic.
    pub fn unknown(id: &str, severity: Severity) -> RuleMeta {
        RuleMeta {
            id: id.to_owned(),
            pack: id.split('/').next().unwrap_or(id).to_owned(),
            kind: String::new(),
            description: id.to_owned(),
            help: None,
            severity,
        }
    }
}

/// Options that shape output.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions<'a> {
    pub color: bool,
    /// Terminal width for wrapping the pretty format.
    pub width: usize,
    /// The active rules, for formats that describe them (SARIF).
    pub rules: &'a [RuleMeta],
}

impl Default for ReportOptions<'_> {
    fn default() -> Self {
        ReportOptions {
            color: false,
            width: 100,
            rules: &[],
        }
    }
}

/// Writes `files` in `format`.
pub fn write(
    format: OutputFormat,
    files: &[FileReport],
    opts: ReportOptions<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut stream = Stream::begin(format, opts, out)?;
    for f in files {
        stream.file(f, out)?;
    }
    stream.finish(out).map(|_| ())
}
