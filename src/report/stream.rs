//! Writing a report file by file, so a run over a large archive holds one batch of files at a
//! time, in input order.

use super::sarif::SarifWriter;
use super::{concise, github, json, pretty, FileReport, OutputFormat, ReportOptions, Summary};
use crate::diagnostic::Severity;
use std::io::{self, Write};
use std::path::PathBuf;

enum State {
    Pretty,
    Concise,
    Json { first: bool },
    Sarif(Box<SarifWriter>),
    Github { cwd: PathBuf, root: PathBuf },
}

/// A report being written.
pub struct Stream<'a> {
    state: State,
    opts: ReportOptions<'a>,
    summary: Summary,
}

impl<'a> Stream<'a> {
    /// Writes the report's opening.
    pub fn begin(
        format: OutputFormat,
        opts: ReportOptions<'a>,
        out: &mut dyn Write,
    ) -> io::Result<Stream<'a>> {
        let cwd = || std::env::current_dir().unwrap_or_else(|_| ".".into());
        let state = match format {
            OutputFormat::Pretty => State::Pretty,
            OutputFormat::Concise => State::Concise,
            OutputFormat::Json => {
                json::write_head(out)?;
                State::Json { first: true }
            }
            OutputFormat::Sarif => {
                State::Sarif(Box::new(SarifWriter::begin(opts.rules, &cwd(), out)?))
            }
            OutputFormat::Github => {
                let cwd = cwd();
                let root = super::location::repo_root(&cwd);
                State::Github { cwd, root }
            }
        };
        Ok(Stream {
            state,
            opts,
            summary: Summary::default(),
        })
    }

    /// Writes one linted file.
    pub fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        self.summary.files += 1;
        for d in &f.diagnostics {
            match d.severity {
                Severity::Error => self.summary.errors += 1,
                Severity::Warning => self.summary.warnings += 1,
                Severity::Info => self.summary.infos += 1,
            }
            self.summary.fixable += usize::from(d.fix.is_some());
        }
        match &mut self.state {
            State::Pretty => pretty::write_file(f, self.opts, out),
            State::Concise => concise::write_file(f, out),
            State::Json { first } => {
                out.write_all(if std::mem::take(first) { b"\n" } else { b",\n" })?;
                json::write_file(f, out)
            }
            State::Sarif(w) => w.file(f, out),
            State::Github { cwd, root } => github::write_file(f, cwd, root, out),
        }
    }

    /// Writes the report's closing (the summary, where the format has one).
    pub fn finish(self, out: &mut dyn Write) -> io::Result<Summary> {
        match self.state {
            State::Pretty => pretty::write_summary(&self.summary, out)?,
            State::Json { .. } => json::write_tail(&self.summary, out)?,
            State::Sarif(w) => w.finish(out)?,
            State::Concise | State::Github { .. } => {}
        }
        Ok(self.summary)
    }
}
