//! `fact-places`: place names the house fact base marks as deprecated (with the phrases in
//! which they stay, such as "chicken Kiev").

use crate::checks::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;

#[derive(Debug)]
struct FactPlaces;

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(FactPlaces))
}

/// Whether one of `exceptions` (case-insensitive phrases) covers `span` in `block`.
fn shielded(text: &str, block: Span, span: Span, exceptions: &[String]) -> bool {
    let hay = text[block.start..block.end].to_lowercase();
    if hay.len() != block.len() {
        // lower-casing changed byte lengths: compare on the original text instead
        return exceptions.iter().any(|e| {
            text[block.start..block.end]
                .match_indices(e.as_str())
                .any(|(p, m)| Span::new(block.start + p, block.start + p + m.len()).covers(span))
        });
    }
    exceptions.iter().any(|e| {
        let e = e.to_lowercase();
        hay.match_indices(e.as_str())
            .any(|(p, m)| Span::new(block.start + p, block.start + p + m.len()).covers(span))
    })
}

impl Check for FactPlaces {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let places = &cx.house.fact_base.places;
        if places.is_empty() {
            return;
        }
        let text: &str = &cx.doc.text;
        for block in &cx.doc.blocks {
            let hay = &text[block.span.start..block.span.end];
            for place in places {
                for old in place.deprecated.iter().filter(|o| !o.is_empty()) {
                    for (p, m) in hay.match_indices(old.as_str()) {
                        let span = Span::new(block.span.start + p, block.span.start + p + m.len());
                        if !at_word_boundaries(text, span)
                            || shielded(text, block.span, span, &place.exceptions)
                        {
                            continue;
                        }
                        cx.report(span)
                            .var("match", m)
                            .var("replacement", place.name.as_str())
                            .fix(Fix::safe(
                                format!("Replace with “{}”", place.name),
                                vec![Edit::replace(span, place.name.as_str())],
                            ))
                            .emit(out);
                    }
                }
            }
        }
    }
}
