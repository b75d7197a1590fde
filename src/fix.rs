//! Fixes: edits with an applicability, applied left to right without overlap.

use crate::diagnostic::Diagnostic;
use crate::text::Span;
use serde::{Deserialize, Serialize};

/// Whether a fix can be applied without a person looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Plausible but needs eyes; applied only with `--unsafe-fixes`.
    Unsafe,
    /// What the editor surely wants.
    Safe,
}

/// Replace the text of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    pub fn delete(span: Span) -> Self {
        Edit::replace(span, "")
    }
}

/// A set of non-overlapping edits that together fix one diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub message: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<String>, edits: Vec<Edit>) -> Self {
        let mut edits = edits;
        edits.sort_by_key(|e| (e.span.start, e.span.end));
        Fix {
            applicability,
            message: message.into(),
            edits,
        }
    }

    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Safe, message, edits)
    }

    pub fn unsafe_(message: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    /// The smallest span covering every edit.
    pub fn span(&self) -> Span {
        let start = self.edits.iter().map(|e| e.span.start).min().unwrap_or(0);
        let end = self.edits.iter().map(|e| e.span.end).max().unwrap_or(0);
        Span::new(start, end)
    }
}

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    SafeOnly,
    All,
}

impl FixMode {
    pub fn accepts(self, a: Applicability) -> bool {
        match self {
            FixMode::SafeOnly => a == Applicability::Safe,
            FixMode::All => true,
        }
    }
}

/// The result of applying fixes once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub text: String,
    pub fixes: usize,
}

/// Applies the accepted fixes of `diagnostics` to `text`, left to right. A fix whose edits
/// overlap or touch an edit already taken is skipped this round (a later pass may take it).
/// Edits never split a character.
pub fn apply_fixes(text: &str, diagnostics: &[Diagnostic], mode: FixMode) -> Applied {
    let mut fixes: Vec<&Fix> = diagnostics
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .filter(|f| mode.accepts(f.applicability) && !f.edits.is_empty())
        .collect();
    fixes.sort_by_key(|f| (f.span().start, f.span().end));
    fixes.dedup_by(|a, b| a.edits == b.edits);

    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    let mut applied = 0;
    for fix in fixes {
        let valid = fix.edits.first().is_some_and(|e| e.span.start >= last)
            && fix
                .edits
                .windows(2)
                .all(|w| w[0].span.end <= w[1].span.start)
            && fix.edits.iter().all(|e| {
                e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end)
            });
        // a fix starting exactly where the previous one ended is allowed only when neither inserts
        if !valid || (applied > 0 && fix.span().start == last && fix.span().is_empty()) {
            continue;
        }
        for edit in &fix.edits {
            out.push_str(&text[last..edit.span.start]);
            out.push_str(&edit.replacement);
            last = edit.span.end;
        }
        applied += 1;
    }
    out.push_str(&text[last..]);
    Applied {
        text: out,
        fixes: applied,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;

    fn diag(fix: Fix) -> Diagnostic {
        Diagnostic {
            rule: "t/t".into(),
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            span: fix.span(),
            labels: vec![],
            fix: Some(fix),
        }
    }

    #[test]
    fn applies_non_overlapping_and_skips_overlap() {
        let text = "one two three";
        let d = vec![
            diag(Fix::safe("", vec![Edit::replace(Span::new(0, 3), "1")])),
            diag(Fix::safe("", vec![Edit::replace(Span::new(2, 7), "x")])),
            diag(Fix::safe("", vec![Edit::replace(Span::new(8, 13), "3")])),
            diag(Fix::unsafe_("", vec![Edit::delete(Span::new(3, 4))])),
        ];
        let a = apply_fixes(text, &d, FixMode::SafeOnly);
        assert_eq!(a.text, "1 two 3");
        assert_eq!(a.fixes, 2);
        let a = apply_fixes(text, &d, FixMode::All);
        assert_eq!(a.text, "1two 3");
    }

    #[test]
    fn never_splits_a_character() {
        let text = "é";
        let d = vec![diag(Fix::safe("", vec![Edit::delete(Span::new(0, 1))]))];
        assert_eq!(apply_fixes(text, &d, FixMode::All).text, "é");
    }
}
