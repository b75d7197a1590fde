//! Running the selected rules over a document, and fixing until stable.

use crate::checks::Context;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, Format};
use crate::fix::{apply_fixes, Applicability, FixMode};
use crate::house::House;
use crate::pack::RuleSet;
use std::sync::Arc;

/// How many times `fix` re-lints at most.
pub const MAX_FIX_PASSES: usize = 10;

/// A rule set with a selection of its rules and the house settings: what one config means.
#[derive(Debug, Clone)]
pub struct Linter {
    pub set: Arc<RuleSet>,
    /// (index into `set.rules`, severity to report with).
    pub active: Vec<(usize, Severity)>,
    pub house: Arc<House>,
}

/// The result of fixing a text.
#[derive(Debug, Clone)]
pub struct FixOutcome {
    pub text: String,
    pub fixes: usize,
    /// Lint-and-fix passes that applied something.
    pub passes: usize,
    /// Diagnostics of the fixed text.
    pub remaining: Vec<Diagnostic>,
}

impl Linter {
    /// Every enabled rule at its own severity, with default house settings.
    pub fn new(set: Arc<RuleSet>) -> Linter {
        let active = set
            .rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.info.enabled)
            .map(|(i, r)| (i, r.info.severity))
            .collect();
        Linter {
            set,
            active,
            house: Arc::new(House::default()),
        }
    }

    /// Only the rule `id`, whether enabled or not.
    pub fn only(set: Arc<RuleSet>, id: &str) -> Option<Linter> {
        let i = set.rules.iter().position(|r| r.info.id == id)?;
        let sev = set.rules[i].info.severity;
        Some(Linter {
            set,
            active: vec![(i, sev)],
            house: Arc::new(House::default()),
        })
    }

    pub fn parse<'a>(&self, source: &'a str, format: Format) -> Document<'a> {
        Document::parse(source, format, &self.set.lang)
    }

    pub fn lint(&self, source: &str, format: Format) -> Vec<Diagnostic> {
        self.lint_document(&self.parse(source, format))
    }

    /// Runs every active rule over `doc`; diagnostics come sorted.
    pub fn lint_document(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut buf = Vec::new();
        for &(i, severity) in &self.active {
            let rule = &self.set.rules[i];
            let cx = Context {
                doc,
                rule: &rule.info,
                house: &self.house,
                lang: &self.set.lang,
            };
            rule.check.run(&cx, &mut buf);
            let overridden = severity != rule.info.severity;
            for mut d in buf.drain(..) {
                if !rule.info.in_quotes && doc.in_quotes(d.span) {
                    continue;
                }
                if doc.is_suppressed(&d.rule, d.span) {
                    continue;
                }
                if overridden {
                    d.severity = severity;
                }
                // quoted speech is verbatim: a fix that edits it needs a person's eyes
                if let Some(fix) = d.fix.as_mut() {
                    if fix.applicability == Applicability::Safe
                        && fix.edits.iter().any(|e| doc.touches_quotes(e.span))
                    {
                        fix.applicability = Applicability::Unsafe;
                    }
                }
                out.push(d);
            }
        }
        out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        out
    }

    /// Applies fixes and re-lints until nothing more applies (at most [`MAX_FIX_PASSES`]).
    pub fn fix(&self, source: &str, format: Format, mode: FixMode) -> FixOutcome {
        let mut text = source.to_owned();
        let mut fixes = 0;
        let mut passes = 0;
        let mut diagnostics = self.lint(&text, format);
        for _ in 0..MAX_FIX_PASSES {
            let applied = apply_fixes(&text, &diagnostics, mode);
            if applied.fixes == 0 || applied.text == text {
                break;
            }
            fixes += applied.fixes;
            passes += 1;
            text = applied.text;
            diagnostics = self.lint(&text, format);
        }
        FixOutcome {
            text,
            fixes,
            passes,
            remaining: diagnostics,
        }
    }
}
