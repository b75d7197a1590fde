//! `split-clause`: a sentence that starts in lower case after a full stop ("... the
//! peninsula. may destabilize.") — a clause cut from the sentence it belongs to. An error
//! when it starts with a modal or finite verb, a warning otherwise.

use super::clause::{attribution_only, is_body_sentence, previous_in_block, View, Vocab};
use super::{Check, CompileCx, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Document, TokenKind};
use crate::language::Language;
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct SplitClause {
    vocab: std::sync::Arc<Vocab>,
    /// Lower-case name particles ("van Gogh", "al-Sadr").
    particles: rustc_hash::FxHashSet<String>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(SplitClause {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
        particles: cx.lexicon.set("particles.words"),
    }))
}

impl Check for SplitClause {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for i in 1..doc.sentences.len() {
            if !is_body_sentence(doc, i) {
                continue;
            }
            let v = View::new(doc, i);
            let Some(first) = v.words.first() else {
                continue;
            };
            let first_text = first.text(text);
            if !v.starts_lower(text)
                || first.span.start != v.span().start
                || doc.in_quotes(first.span)
                || self.vocab.lowercase_brands.contains(first_text)
                || self.is_name_particle(&v, text)
                || looks_like_code(&v, text)
                || !after_full_stop(doc, cx.lang, i)
                || attribution_only(&self.vocab, text, &v).is_some()
            {
                continue;
            }
            let w = &v.lower[0];
            let verb = self.vocab.modal_verbs.contains(*w) || self.vocab.finite_verbs.contains(*w);
            let r = cx
                .report(v.span())
                .var("sentence", v.text(text))
                .var("word", first_text);
            if verb {
                r.severity(Severity::Error)
            } else {
                r.severity(Severity::Warning)
            }
            .emit(out);
        }
    }
}

impl SplitClause {
    /// Whether the sentence opens on a name with a lower-case particle: "van Gogh",
    /// "al-Sadr", "de la Rosa".
    fn is_name_particle(&self, v: &View<'_>, text: &str) -> bool {
        let first = &v.lower[0];
        let head = first.split('-').next().unwrap_or(first);
        let next_capital = v.words.get(1).is_some_and(|t| t.is_capitalised(text));
        self.particles.contains(head) && (first.contains('-') || next_capital)
    }
}

/// Whether the sentence holds marks that prose does not: `key = value`, `<br />`, `{...}`.
fn looks_like_code(v: &View<'_>, text: &str) -> bool {
    v.tokens.iter().any(|t| {
        t.kind == TokenKind::Punct
            && matches!(t.text(text), "=" | "{" | "}" | "<" | ">" | "&" | "\\" | "|")
    })
}

/// Whether sentence `i` follows a sentence of its paragraph that ends with a single full
/// stop after a word that is not an abbreviation. (A paragraph opening in lower case is
/// another matter: a lost name, a list continued.)
fn after_full_stop(doc: &Document<'_>, lang: &Language, i: usize) -> bool {
    let Some(p) = previous_in_block(doc, i) else {
        return false;
    };
    let text: &str = &doc.text;
    let pv = View::new(doc, p);
    if !pv.ends_with_full_stop(text) {
        return false;
    }
    let Some(last) = pv.words.last() else {
        return false;
    };
    let end = text[last.span.end..]
        .find('.')
        .map_or(last.span.end, |p| last.span.end + p + 1);
    let word = &text[last.span.start..end];
    !lang.is_abbreviation(word) && !word.ends_with("..")
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::rules;
    use crate::diagnostic::Severity;
    use crate::document::Format;
    use crate::linter::Linter;

    fn diags(t: &str) -> Vec<(String, Severity)> {
        let linter = Linter::only(rules(), "translation/split-clause").unwrap();
        linter
            .lint(t, Format::Plain)
            .iter()
            .map(|d| (d.span.slice(t).to_owned(), d.severity))
            .collect()
    }

    #[test]
    fn verb_start_is_an_error_other_starts_a_warning() {
        let t = "The new tariffs hit exporters hard. could cost thousands of jobs.";
        assert_eq!(
            diags(t),
            [("could cost thousands of jobs.".to_owned(), Severity::Error)]
        );
        let t = "The river burst its banks overnight. the worst flooding in decades.";
        assert_eq!(
            diags(t),
            [(
                "the worst flooding in decades.".to_owned(),
                Severity::Warning
            )]
        );
    }

    #[test]
    fn abbreviations_ellipses_brands_and_questions_are_fine() {
        for t in [
            "Talks began at 9 a.m. and ended late.",
            "He hesitated... then he signed.",
            "Apple cut prices. iPhone sales doubled.",
            "“Why now?” he asked. Nobody answered.",
            "Sales of fruit, vegetables, etc. rose in May.",
            "The court heard the case. al-Sadr was not present. van Gogh painted it.",
            "text = \"It rained.\"\nflag = [\"rained\"]",
        ] {
            assert!(diags(t).is_empty(), "{t}");
        }
    }
}
