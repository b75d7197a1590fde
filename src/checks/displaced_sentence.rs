//! `displaced-sentence` (advisory): a short, unattributed sentence wedged after a closing
//! quotation at the end of a paragraph, or between a quotation and its attribution — often
//! a sentence machine translation moved from elsewhere.

use super::clause::{
    attribution_only, is_body_prose, next_in_block, previous_in_block, View, Vocab,
};
use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::pack::error::ConfigError;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Longest sentence considered, in words.
    #[serde(default = "default_max_words")]
    max_words: usize,
}

fn default_max_words() -> usize {
    8
}

impl Default for Params {
    fn default() -> Self {
        Params {
            max_words: default_max_words(),
        }
    }
}

#[derive(Debug)]
struct DisplacedSentence {
    vocab: std::sync::Arc<Vocab>,
    params: Params,
    /// Words that open a sentence continuing the one before ("He did not elaborate.").
    continuers: rustc_hash::FxHashSet<String>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&["params"])?;
    Ok(Box::new(DisplacedSentence {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
        params: cx.params()?,
        continuers: cx.lexicon.set("translation.continuers"),
    }))
}

impl Check for DisplacedSentence {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for i in 0..doc.sentences.len() {
            if !is_body_prose(doc, i) {
                continue;
            }
            let Some(p) = previous_in_block(doc, i) else {
                continue;
            };
            let v = View::new(doc, i);
            let n = v.words.len();
            if n < 2
                || n > self.params.max_words
                || !v.ends_with_full_stop(text)
                || v.starts_lower(text)
                || self.continuers.contains(v.lower[0])
                || self.vocab.has_attribution(&v.lower)
            {
                continue;
            }
            let pv = View::new(doc, p);
            if !pv.ends_with_quote(text) || !doc.touches_quotes(pv.span()) {
                continue;
            }
            let wedged = match next_in_block(doc, i) {
                None => true,
                Some(j) => attribution_only(&self.vocab, text, &View::new(doc, j)).is_some(),
            };
            if wedged {
                cx.report(v.span()).var("sentence", v.text(text)).emit(out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::flagged;

    const ID: &str = "translation/displaced-sentence";

    #[test]
    fn flags_a_sentence_after_a_closing_quotation() {
        let t = "The coach said the season was over. “We gave everything.” Tickets sold out early.";
        assert_eq!(flagged(ID, t), ["Tickets sold out early."]);
        let t = "“We gave everything.” Tickets sold out early. said the coach.";
        assert_eq!(flagged(ID, t), ["Tickets sold out early."]);
    }

    #[test]
    fn leaves_ordinary_follow_ups() {
        for t in [
            "“We gave everything,” the coach said. Tickets sold out early.",
            "“We gave everything.” He did not elaborate.",
            "“We gave everything.” The club, founded in 1890, now faces relegation to the lower league.",
            "“We gave everything.” Tickets sold out early. The stadium was full.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }
}
