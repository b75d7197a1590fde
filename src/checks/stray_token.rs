//! `stray-token`: a sentence of one or two tokens none of which is a word, a name met in the
//! article, an abbreviation, a number or an interjection ("Ta.") — debris that machine
//! translation leaves between sentences.

use super::clause::{body_views, deletion_span, lower, Vocab};
use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Token, TokenKind};
use crate::fix::{Edit, Fix};
use crate::language::Language;
use crate::pack::error::ConfigError;
use std::collections::HashMap;

/// Longest stray fragment, in word and number tokens.
const MAX_TOKENS: usize = 2;

#[derive(Debug)]
struct StrayToken {
    vocab: std::sync::Arc<Vocab>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(StrayToken {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
    }))
}

impl Check for StrayToken {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        let mut seen: Option<HashMap<&str, usize>> = None;
        for (i, v) in body_views(doc) {
            let n = v.words.len();
            // debris ends with a full stop and holds no other punctuation: "Ta.", "Zhe ne."
            // (not a list of names, "Blanchard, McGuire.", nor a title, "Joko! Jakamoko!")
            if n == 0 || n > MAX_TOKENS || !v.ends_with_full_stop(text) || v.tokens.len() != n + 1 {
                continue;
            }
            if self.vocab.interjections.contains(&v.lower.join(" ")) {
                continue;
            }
            let counts = seen.get_or_insert_with(|| word_counts(doc));
            let excused = v.words.iter().any(|t| {
                let w = t.text(text);
                let elsewhere = counts.get(w).copied().unwrap_or(0)
                    > v.words.iter().filter(|u| u.text(text) == w).count();
                elsewhere || self.excused(cx.lang, *t, w)
            });
            if excused {
                continue;
            }
            let fragment = v.text(text);
            cx.report(v.span())
                .var("fragment", fragment)
                .fix(Fix::safe(
                    format!("delete “{fragment}”"),
                    vec![Edit::delete(deletion_span(doc, i))],
                ))
                .emit(out);
        }
    }
}

impl StrayToken {
    /// Whether token `t` (text `w`) is a word, number, abbreviation, initial, acronym,
    /// interjection or brand.
    fn excused(&self, lang: &Language, t: Token, w: &str) -> bool {
        if t.kind == TokenKind::Number || w.chars().any(|c| c.is_numeric()) {
            return true;
        }
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let all_caps = letters.iter().all(|c| c.is_uppercase());
        lang.is_word(w)
            || self.is_abbreviation(lang, w)
            || w.contains('.')
            || (all_caps && !letters.is_empty())
            || self.vocab.interjections.contains(&lower(w))
            || self.vocab.lowercase_brands.contains(w)
    }
}

impl StrayToken {
    /// Whether `w` with a full stop is an abbreviation that may stand alone: not a state
    /// abbreviation ("Ga."), which follows a city.
    fn is_abbreviation(&self, lang: &Language, w: &str) -> bool {
        let dotted = format!("{w}.");
        lang.is_abbreviation(&dotted) && !lang.non_initial_abbreviations.contains(&dotted)
    }
}

/// How often each word appears in the document, as written.
fn word_counts<'d>(doc: &'d Document<'d>) -> HashMap<&'d str, usize> {
    let mut counts = HashMap::new();
    for t in doc.tokens.iter().filter(|t| t.is_word()) {
        *counts.entry(t.text(&doc.text)).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::flagged;

    const ID: &str = "translation/stray-token";

    #[test]
    fn flags_debris_between_sentences() {
        let t =
            "The port reopened on Monday after a week of strikes. Xu. Dockers returned to work.";
        assert_eq!(flagged(ID, t), ["Xu."]);
        let t = "Prices fell sharply in the spring. Zhe ne.";
        assert_eq!(flagged(ID, t), ["Zhe ne."]);
        let t = "Prices fell sharply in the spring. La. Online sales held up.";
        assert_eq!(flagged(ID, t), ["La."]);
    }

    #[test]
    fn leaves_words_names_numbers_and_answers() {
        for t in [
            "The committee met again. Nothing. It adjourned.",
            "Her rival was Okonkwo. Okonkwo. The crowd chanted his name.",
            "Final score: Leeds 2, Hull 1. 2-1.",
            "He was asked whether he would stay. No comment.",
            "The firm trades as ACME. ACME rose.",
            "Apple unveiled a new phone. iPhone sales rose.",
            "He praised the team. Amen.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }

    #[test]
    fn quoted_speech_headlines_and_bylines_are_not_prose() {
        assert!(flagged(ID, "He was asked. “Ta.” That was all.").is_empty());
        assert!(flagged(ID, "Markets calm\n\nShares rose on Monday in heavy trade.").is_empty());
    }
}
