//! `substitute`: wrong → right, with a fix.

use super::exceptions::Exceptions;
use super::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Applicability, Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

#[derive(Debug)]
struct Substitute {
    automaton: AhoCorasick,
    right: Vec<String>,
    exceptions: Exceptions,
    applicability: Option<Applicability>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&["swap", "case-sensitive", "exceptions"])?;
    let Some(swap) = &cx.def.swap else {
        return Err(cx.error(
            cx.def.check.span(),
            "a `substitute` rule needs a `swap` table",
        ));
    };
    let case_sensitive = cx.def.case_sensitive.as_ref().is_none_or(|c| *c.get_ref());
    let (wrong, right): (Vec<&String>, Vec<String>) =
        swap.get_ref().iter().map(|(w, r)| (w, r.clone())).unzip();
    if wrong.iter().any(|w| w.trim().is_empty()) {
        return Err(cx.error(swap.span(), "`swap` has an empty key"));
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(!case_sensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&wrong)
        .map_err(|e| cx.error(swap.span(), format!("bad `swap` table: {e}")))?;
    Ok(Box::new(Substitute {
        automaton,
        right,
        exceptions: Exceptions::compile(cx)?,
        applicability: match &cx.def.fix {
            Some(a) => Some(*a.get_ref()),
            None => Some(Applicability::Safe),
        },
    }))
}

impl Check for Substitute {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text: &str = &cx.doc.text;
        for block in cx.doc.blocks.iter() {
            let hay = &text[block.span.start..block.span.end];
            for m in self.automaton.find_iter(hay) {
                let span = Span::new(
                    block.span.start + m.start(),
                    block.span.end.min(block.span.start + m.end()),
                );
                if !at_word_boundaries(text, span)
                    || self.exceptions.shields(text, block.span, span)
                {
                    continue;
                }
                let right = &self.right[m.pattern().as_usize()];
                let mut report = cx
                    .report(span)
                    .var("match", span.slice(text))
                    .var("replacement", right.as_str());
                if let Some(a) = self.applicability {
                    report = report.fix(Fix::new(
                        a,
                        format!("Replace with “{right}”"),
                        vec![Edit::replace(span, right.as_str())],
                    ));
                }
                report.emit(out);
            }
        }
    }
}
