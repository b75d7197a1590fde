//! `truncated-clause`: a sentence cut short — only a subject and verb ("There is.", "It
//! was.") or ending on a word that needs more after it (an article, a conjunction).

use super::clause::{deletion_span, is_body_sentence, View, Vocab};
use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct TruncatedClause {
    vocab: std::sync::Arc<Vocab>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(TruncatedClause {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
    }))
}

impl Check for TruncatedClause {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for i in 0..doc.sentences.len() {
            if !is_body_sentence(doc, i) {
                continue;
            }
            let v = View::new(doc, i);
            if v.words.is_empty() || !v.ends_with_full_stop(text) || !v.clean_ending(text) {
                continue;
            }
            let whole = self.vocab.truncated_clauses.contains(&v.lower.join(" "));
            let last = v.words[v.words.len() - 1];
            // a capitalised last word is a name or a label ("Plan A", "The The")
            let dangling = v.words.len() > 1
                && !last.is_capitalised(text)
                && self
                    .vocab
                    .dangling_endings
                    .contains(v.lower[v.lower.len() - 1]);
            if !(whole || dangling) || doc.in_quotes(last.span) {
                continue;
            }
            let sentence = v.text(text);
            let r = cx.report(v.span()).var("sentence", sentence);
            let r = if whole {
                r.var("reason", "it has a subject and verb and nothing else")
            } else {
                r.var("reason", format!("it ends on “{}”", last.text(text)))
            };
            r.fix(Fix::unsafe_(
                format!("delete “{sentence}”"),
                vec![Edit::delete(deletion_span(doc, i))],
            ))
            .emit(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::flagged;

    const ID: &str = "translation/truncated-clause";

    #[test]
    fn flags_cut_clauses() {
        let t = "The bridge was closed for repairs. There are. Traffic moved slowly.";
        assert_eq!(flagged(ID, t), ["There are."]);
        let t = "Exports rose by a third in the year to March and. Imports fell.";
        assert_eq!(
            flagged(ID, t),
            ["Exports rose by a third in the year to March and."]
        );
        let t = "The mayor opened the new library on the. Readers queued outside.";
        assert_eq!(flagged(ID, t), ["The mayor opened the new library on the."]);
    }

    #[test]
    fn leaves_complete_sentences() {
        for t in [
            "There is little doubt. It was a long night.",
            "The firm tried Plan A. Is there? Yes, there is.",
            "Nobody knew where it came from. Not yet.",
            "“There is,” he said. It is what it is.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }
}
