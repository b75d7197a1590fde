//! Running the examples a rule carries: what it must flag, must not flag, and how it fixes.

use crate::document::Format;
use crate::fix::FixMode;
use crate::linter::Linter;
use crate::pack::RuleSet;
use crate::text::Span;
use std::sync::Arc;

/// One example that did not behave as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    pub rule: String,
    /// 1-based index of the example within its rule.
    pub example: usize,
    pub text: String,
    pub problem: String,
}

/// How many examples ran and which failed.
#[derive(Debug, Clone, Default)]
pub struct ExampleReport {
    pub rules: usize,
    pub examples: usize,
    pub failures: Vec<ExampleFailure>,
}

/// Runs the examples of every rule in `set` whose pack origin satisfies `filter`.
pub fn run_all(set: &Arc<RuleSet>, filter: impl Fn(&str) -> bool) -> ExampleReport {
    let mut report = ExampleReport::default();
    for rule in set.rules.iter().filter(|r| filter(&r.info.origin)) {
        report.rules += 1;
        report.examples += rule.info.examples.len();
        report.failures.extend(run_rule(set, &rule.info.id));
    }
    report
}

/// Runs the examples of one rule.
pub fn run_rule(set: &Arc<RuleSet>, id: &str) -> Vec<ExampleFailure> {
    let Some(linter) = Linter::only(set.clone(), id) else {
        return Vec::new();
    };
    let info = &set.rules[linter.active[0].0].info;
    let mut failures = Vec::new();
    for (i, ex) in info.examples.iter().enumerate() {
        let fail = |problem: String| ExampleFailure {
            rule: id.to_owned(),
            example: i + 1,
            text: ex.text.clone(),
            problem,
        };
        let format = if ex.markdown {
            Format::Markdown
        } else {
            Format::Plain
        };
        let mut linter = linter.clone();
        if ex.house.is_some() || ex.facts.is_some() {
            let mut house = ex.house.clone().unwrap_or_default();
            if let Some(f) = &ex.facts {
                house.fact_base = f.clone();
            }
            linter.house = Arc::new(house);
        }
        let diags = linter.lint(&ex.text, format);
        let occurrences: Vec<Vec<Span>> = ex
            .flag
            .iter()
            .map(|f| {
                ex.text
                    .match_indices(f.as_str())
                    .map(|(p, _)| Span::new(p, p + f.len()))
                    .collect()
            })
            .collect();
        for (f, occ) in ex.flag.iter().zip(&occurrences) {
            if occ.is_empty() {
                failures.push(fail(format!("`flag` entry “{f}” is not in the text")));
            } else if !diags
                .iter()
                .any(|d| occ.iter().any(|o| overlaps(d.span, *o)))
            {
                failures.push(fail(format!("expected “{f}” to be flagged; it was not")));
            }
        }
        for d in &diags {
            if !occurrences.iter().flatten().any(|o| overlaps(d.span, *o)) {
                failures.push(fail(format!(
                    "flagged “{}” ({}), which the example does not expect",
                    &ex.text[d.span.start..d.span.end],
                    d.message
                )));
            }
        }
        if let Some(fixed) = &ex.fixed {
            let got = linter.fix(&ex.text, format, FixMode::All).text;
            if &got != fixed {
                failures.push(fail(format!(
                    "fixed text differs:\n  expected: {fixed:?}\n  got:      {got:?}"
                )));
            }
        }
    }
    failures
}

fn overlaps(a: Span, b: Span) -> bool {
    a.overlaps(b) || (a.is_empty() && b.start <= a.start && a.start <= b.end)
}
