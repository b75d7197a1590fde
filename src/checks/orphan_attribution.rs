//! `orphan-attribution`: a sentence that is only an attribution ("said a Chinese scholar.",
//! "he said."), cut off from the sentence it attributes. When the sentence before already
//! names its speaker the orphan is a duplicate and goes; otherwise it is joined back with a
//! comma. A bare attribution straight after an attribution is `double-attribution`'s.

use super::clause::{
    attribution_only, body_views, deletion_span, ends_with_attribution, next_in_block,
    previous_in_block, Orphan, View, Vocab,
};
use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;

#[derive(Debug)]
struct OrphanAttribution {
    vocab: std::sync::Arc<Vocab>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(OrphanAttribution {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
    }))
}

/// What the sentence before an attribution-only sentence tells about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Before {
    /// No sentence before it in the paragraph.
    Nothing,
    /// A question or exclamation ('“Why?” said one.'), or a quotation before a pronoun
    /// attribution ('“Go.” he said.'): ordinary English or a punctuation slip.
    Legitimate,
    /// An attribution ends the sentence: the orphan doubles it.
    EndsAttributed,
    /// The sentence names a speaker elsewhere.
    Attributed,
    Unattributed,
    /// A capitalised pronoun attribution before a quotation: 'He said. “We lost.”' wants a
    /// colon, not a full stop.
    IntroducesQuote,
}

/// Classifies the sentence before sentence `i`, an attribution-only sentence of sort `kind`.
pub(super) fn before(vocab: &Vocab, doc: &Document<'_>, i: usize, kind: Orphan) -> Before {
    let text: &str = &doc.text;
    let v = View::new(doc, i);
    let pronoun = kind == Orphan::Bare && v.words.len() == 2;
    let class = match previous_in_block(doc, i) {
        None => Before::Nothing,
        Some(p) => {
            let pv = View::new(doc, p);
            if !pv.ends_with_full_stop(text) {
                Before::Legitimate
            } else if ends_with_attribution(vocab, text, &pv) {
                Before::EndsAttributed
            } else if pronoun && pv.ends_with_quote(text) {
                // a punctuation slip: '“Go.” he said.'
                Before::Legitimate
            } else if vocab.has_attribution(&pv.lower) {
                Before::Attributed
            } else {
                Before::Unattributed
            }
        }
    };
    // a capitalised pronoun attribution introducing the quotation after it: 'He said. “We lost.”'
    if class != Before::EndsAttributed
        && pronoun
        && !v.starts_lower(text)
        && next_in_block(doc, i).is_some_and(|j| opens_with_quote(doc, j))
    {
        return Before::IntroducesQuote;
    }
    class
}

impl Check for OrphanAttribution {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for (i, v) in body_views(doc) {
            let Some(kind) = attribution_only(&self.vocab, text, &v) else {
                continue;
            };
            let sentence = v.text(text);
            let r = cx.report(v.span()).var("sentence", sentence);
            let delete = vec![Edit::delete(deletion_span(doc, i))];
            let r = match (before(&self.vocab, doc, i, kind), kind) {
                (Before::Legitimate, _) => continue,
                (Before::IntroducesQuote, _) => {
                    let stop = v.span().end - 1;
                    r.help("An attribution introducing a quotation ends with a colon.")
                        .fix(Fix::unsafe_(
                            "end the attribution with a colon",
                            vec![Edit::replace(Span::new(stop, stop + 1), ":")],
                        ))
                }
                (Before::EndsAttributed, Orphan::Bare) => continue, // double-attribution
                // a paragraph opening on a verb has lost its subject, not its sentence
                (Before::Nothing, Orphan::Speaker) => continue,
                (Before::Nothing, Orphan::Bare) => r.help(
                    "The attribution has lost its sentence: attach it to the quotation or \
                     statement it attributes.",
                ),
                (Before::Attributed, Orphan::Bare) => r
                    .help("The sentence before already names its speaker: delete the duplicate.")
                    .fix(Fix::safe("delete the duplicate attribution", delete)),
                (Before::Attributed | Before::EndsAttributed, Orphan::Speaker) => r
                    .help("The sentence before already names a speaker: keep one attribution.")
                    .fix(Fix::unsafe_("delete the second attribution", delete)),
                (Before::Unattributed, _) => match join(doc, i) {
                    Some(edits) => r.fix(Fix::unsafe_(
                        "join the attribution to the sentence before",
                        edits,
                    )),
                    None => r,
                },
            };
            r.emit(out);
        }
    }
}

fn opens_with_quote(doc: &Document<'_>, i: usize) -> bool {
    doc.sentences[i]
        .span
        .slice(&doc.text)
        .starts_with(['"', '“', '\'', '‘'])
}

/// Edits that join sentence `i` to the one before: its full stop becomes a comma and a
/// capital first letter is lowered (". He said." → ", he said.").
fn join(doc: &Document<'_>, i: usize) -> Option<Vec<Edit>> {
    let text: &str = &doc.text;
    let prev = doc.sentences[i - 1].span;
    let stop = prev.start + prev.slice(text).rfind('.')?;
    let mut edits = vec![Edit::replace(Span::new(stop, stop + 1), ",")];
    let span = doc.sentences[i].span;
    let first = span.slice(text).chars().next()?;
    if first.is_uppercase() {
        edits.push(Edit::replace(
            Span::new(span.start, span.start + first.len_utf8()),
            first.to_lowercase().to_string(),
        ));
    }
    Some(edits)
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::{flagged, rules};
    use crate::document::Format;
    use crate::fix::FixMode;
    use crate::linter::Linter;

    const ID: &str = "translation/orphan-attribution";

    fn fixed(t: &str, mode: FixMode) -> String {
        Linter::only(rules(), ID)
            .unwrap()
            .fix(t, Format::Plain, mode)
            .text
    }

    #[test]
    fn joins_an_orphan_to_an_unattributed_sentence() {
        let t = "The harbour will be dredged next year. added a port official.";
        assert_eq!(flagged(ID, t), ["added a port official."]);
        assert_eq!(
            fixed(t, FixMode::All),
            "The harbour will be dredged next year, added a port official."
        );
        assert_eq!(fixed(t, FixMode::SafeOnly), t);
        let t = "The strike will go ahead. He said.";
        assert_eq!(fixed(t, FixMode::All), "The strike will go ahead, he said.");
    }

    #[test]
    fn an_attribution_before_a_quotation_takes_a_colon() {
        let t = "The club lost again. He said. “We were poor.”";
        assert_eq!(flagged(ID, t), ["He said."]);
        assert_eq!(
            fixed(t, FixMode::All),
            "The club lost again. He said: “We were poor.”"
        );
    }

    #[test]
    fn deletes_a_bare_duplicate() {
        let t = "Officials say the dam is safe, though engineers disagree. said.";
        assert_eq!(flagged(ID, t), ["said."]);
        assert_eq!(
            fixed(t, FixMode::SafeOnly),
            "Officials say the dam is safe, though engineers disagree."
        );
    }

    #[test]
    fn leaves_real_attributions() {
        for t in [
            "“The match is over,” he said. The fans went home.",
            "“Why now?” asked a fan. Nobody knew.",
            "Said one official: “We are not worried.”",
            "He said: “We lost.”",
            "The talks failed, the minister said. Both sides left.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }
}
