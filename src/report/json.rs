//! The JSON contract, version 1 (described by docs/report.schema.json).

use super::{FileReport, Summary};
use crate::diagnostic::Diagnostic;
use crate::text::{ColumnUnit, LineIndex, Position, Span};
use serde::Serialize;
use std::io::{self, Write};

/// The contract's version: fields are added, never changed in meaning.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<Diag<'a>>,
}

#[derive(Serialize)]
struct Diag<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    span: Span,
    start: Position,
    end: Position,
    labels: Vec<Label<'a>>,
    fix: Option<&'a crate::fix::Fix>,
}

#[derive(Serialize)]
struct Label<'a> {
    span: Span,
    start: Position,
    end: Position,
    message: &'a str,
}

#[derive(Serialize)]
struct JsonSummary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
    fixable: usize,
}

fn diag<'a>(d: &'a Diagnostic, text: &str, idx: &LineIndex) -> Diag<'a> {
    let pos = |o| idx.position(text, o, ColumnUnit::Chars);
    Diag {
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: &d.message,
        help: d.help.as_deref(),
        span: d.span,
        start: pos(d.span.start),
        end: pos(d.span.end),
        labels: d
            .labels
            .iter()
            .map(|l| Label {
                span: l.span,
                start: pos(l.span.start),
                end: pos(l.span.end),
                message: &l.message,
            })
            .collect(),
        fix: d.fix.as_ref(),
    }
}

pub(super) fn write(files: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    let s = Summary::of(files);
    let report = Report {
        version: JSON_VERSION,
        files: files
            .iter()
            .map(|f| {
                let idx = LineIndex::new(&f.source);
                File {
                    path: &f.path,
                    diagnostics: f
                        .diagnostics
                        .iter()
                        .map(|d| diag(d, &f.source, &idx))
                        .collect(),
                }
            })
            .collect(),
        summary: JsonSummary {
            files: s.files,
            errors: s.errors,
            warnings: s.warnings,
            infos: s.infos,
            fixable: s.fixable,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
