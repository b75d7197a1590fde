//! `consistency`: forms that must not mix within one article.

use super::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

#[derive(Debug)]
struct Consistency {
    automaton: AhoCorasick,
    /// For each pattern: (group, form within the group).
    owner: Vec<(usize, usize)>,
    groups: Vec<Vec<String>>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&["groups", "case-sensitive"])?;
    let Some(groups) = &cx.def.groups else {
        return Err(cx.error(cx.def.check.span(), "a `consistency` rule needs `groups`"));
    };
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    for (g, group) in groups.get_ref().iter().enumerate() {
        if group.len() < 2 || group.iter().any(|f| f.trim().is_empty()) {
            return Err(cx.error(
                groups.span(),
                "each group needs two or more non-empty forms",
            ));
        }
        for (f, form) in group.iter().enumerate() {
            patterns.push(form.clone());
            owner.push((g, f));
        }
    }
    let case_sensitive = cx.def.case_sensitive.as_ref().is_none_or(|c| *c.get_ref());
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(!case_sensitive)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .map_err(|e| cx.error(groups.span(), format!("bad `groups`: {e}")))?;
    Ok(Box::new(Consistency {
        automaton,
        owner,
        groups: groups.get_ref().clone(),
    }))
}

impl Check for Consistency {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let text: &str = &cx.doc.text;
        // every use of every form in body prose, in order
        let mut uses: Vec<(usize, usize, Span)> = Vec::new();
        for block in cx.doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = &text[block.span.start..block.span.end];
            for m in self.automaton.find_iter(hay) {
                let span = Span::new(block.span.start + m.start(), block.span.start + m.end());
                if at_word_boundaries(text, span) {
                    let (g, f) = self.owner[m.pattern().as_usize()];
                    uses.push((g, f, span));
                }
            }
        }
        for (g, forms) in self.groups.iter().enumerate() {
            let mut counts = vec![0usize; forms.len()];
            let mut first = vec![None; forms.len()];
            for &(ug, f, span) in &uses {
                if ug == g {
                    counts[f] += 1;
                    first[f].get_or_insert(span);
                }
            }
            if counts.iter().filter(|&&c| c > 0).count() < 2 {
                continue;
            }
            // the majority form, ties going to the first used
            let chosen = (0..forms.len())
                .filter(|&f| counts[f] > 0)
                .max_by(|&a, &b| {
                    counts[a]
                        .cmp(&counts[b])
                        .then(first[b].map(|s| s.start).cmp(&first[a].map(|s| s.start)))
                })
                .unwrap_or(0);
            let chosen_span = first[chosen].unwrap_or_default();
            for &(ug, f, span) in &uses {
                if ug != g || f == chosen {
                    continue;
                }
                let right = &forms[chosen];
                cx.report(span)
                    .var("match", span.slice(text))
                    .var("expected", right.as_str())
                    .label(chosen_span, format!("“{right}” is used here"))
                    .fix(Fix::unsafe_(
                        format!("Use “{right}”"),
                        vec![Edit::replace(span, right.as_str())],
                    ))
                    .emit(out);
            }
        }
    }
}
