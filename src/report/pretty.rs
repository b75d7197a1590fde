//! The graphical report: miette renders the source line, labels, help and rule code.

use super::{FileReport, ReportOptions, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

/// Source text that shows a span with the rest of its line (up to [`WINDOW`] characters on
/// either side), where miette alone would show only the span when no context lines are asked.
struct Lines(Arc<str>);

/// Characters of a long line shown before and after a span.
const WINDOW: usize = 70;

impl miette::SourceCode for Lines {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let text: &str = &self.0;
        let (s, e) = (
            span.offset().min(text.len()),
            (span.offset() + span.len()).min(text.len()),
        );
        let line_start = text[..s].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[e..].find('\n').map_or(text.len(), |p| e + p);
        let start = text[line_start..s]
            .char_indices()
            .rev()
            .nth(WINDOW)
            .and_then(|(i, _)| {
                text[line_start + i..s]
                    .find(' ')
                    .map(|j| line_start + i + j + 1)
            })
            .unwrap_or(line_start);
        let end = text[e..line_end]
            .char_indices()
            .nth(WINDOW)
            .and_then(|(i, _)| text[e..e + i].rfind(' ').map(|j| e + j))
            .unwrap_or(line_end);
        if before > 0 || after > 0 {
            return text.read_span(span, before, after);
        }
        // the header shows the line and column of the span itself, not of the window
        let line = text[..start].matches('\n').count();
        let column = text[line_start..s].chars().count();
        let end = end.max(start);
        Ok(Box::new(miette::MietteSpanContents::new(
            &text.as_bytes()[start..end],
            SourceSpan::from(start..end),
            line,
            column,
            text[start..end].matches('\n').count() + 1,
        )))
    }
}

struct Shown<'a> {
    d: &'a Diagnostic,
    src: NamedSource<Lines>,
    help: Option<String>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(
            Some(short_label(self.d)),
            SourceSpan::from(self.d.span.start..self.d.span.end),
        );
        let rest = self.d.labels.iter().map(|l| {
            LabeledSpan::new_with_span(
                Some(l.message.clone()),
                SourceSpan::from(l.span.start..l.span.end),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

fn short_label(d: &Diagnostic) -> String {
    match &d.fix {
        Some(f) => f.message.clone(),
        None => "here".to_owned(),
    }
}

fn help_with_fix(d: &Diagnostic) -> Option<String> {
    let fix = d.fix.as_ref().map(|f| match f.applicability {
        Applicability::Safe => format!("fix (safe, --fix applies it): {}", f.message),
        Applicability::Unsafe => format!("fix (unsafe, needs --unsafe-fixes): {}", f.message),
    });
    match (&d.help, fix) {
        (Some(h), Some(f)) => Some(format!("{h}\n{f}")),
        (Some(h), None) => Some(h.clone()),
        (None, f) => f,
    }
}

pub(super) fn write(
    files: &[FileReport],
    opts: ReportOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_context_lines(0);
    for f in files.iter().filter(|f| !f.diagnostics.is_empty()) {
        let text: Arc<str> = Arc::from(f.source.as_str());
        for d in &f.diagnostics {
            let shown = Shown {
                d,
                src: NamedSource::new(&f.path, Lines(text.clone())),
                help: help_with_fix(d),
            };
            let mut s = String::new();
            handler
                .render_report(&mut s, &shown)
                .map_err(|e| io::Error::other(e.to_string()))?;
            writeln!(out, "{s}")?;
        }
    }
    let s = Summary::of(files);
    writeln!(
        out,
        "{} {} checked: {} {}, {} {}, {} info; {} fixable",
        s.files,
        plural(s.files, "file", "files"),
        s.errors,
        plural(s.errors, "error", "errors"),
        s.warnings,
        plural(s.warnings, "warning", "warnings"),
        s.infos,
        s.fixable
    )
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}
