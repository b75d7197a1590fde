//! What a check reports: a rule, a severity, a message, a span, labels and an optional fix.

use crate::fix::Fix;
use crate::text::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location shown beside the main span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `pack/id`.
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub span: Span,
    pub labels: Vec<Label>,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// Sort key: position first, then rule, so output is deterministic.
    pub fn sort_key(&self) -> (usize, usize, &str) {
        (self.span.start, self.span.end, &self.rule)
    }
}
