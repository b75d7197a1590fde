//! The graphical report: miette renders the source line, labels, help and rule code.

use super::{FileReport, ReportOptions, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};
use std::fmt;
use std::io::{self, Write};
use std::sync::Arc;

struct Shown<'a> {
    d: &'a Diagnostic,
    src: NamedSource<Arc<str>>,
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
    opts: ReportOptions<'_>,
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
                src: NamedSource::new(&f.path, text.clone()),
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
