//! `double-attribution`: a sentence that ends on its attribution followed directly by a bare
//! one ("..., said a spokesman for the ministry. said."). The second goes.

use super::clause::{attribution_only, body_views, deletion_span, Orphan, Vocab};
use super::orphan_attribution::{before, Before};
use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct DoubleAttribution {
    vocab: std::sync::Arc<Vocab>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(DoubleAttribution {
        vocab: cx.shared.get(|| Vocab::new(cx.lexicon)),
    }))
}

impl Check for DoubleAttribution {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for (i, v) in body_views(doc) {
            if attribution_only(&self.vocab, text, &v) != Some(Orphan::Bare)
                || before(&self.vocab, doc, i, Orphan::Bare) != Before::EndsAttributed
            {
                continue;
            }
            let sentence = v.text(text);
            cx.report(v.span())
                .var("sentence", sentence)
                .fix(Fix::safe(
                    format!("delete the second attribution “{sentence}”"),
                    vec![Edit::delete(deletion_span(doc, i))],
                ))
                .emit(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::{flagged, rules};
    use crate::document::Format;
    use crate::fix::FixMode;
    use crate::linter::Linter;

    const ID: &str = "translation/double-attribution";

    #[test]
    fn deletes_the_second_attribution() {
        let t =
            "Rates will stay on hold until spring, said Maria Lopez of the central bank. said. \
                 Markets were calm.";
        assert_eq!(flagged(ID, t), ["said."]);
        let fixed = Linter::only(rules(), ID)
            .unwrap()
            .fix(t, Format::Plain, FixMode::SafeOnly)
            .text;
        assert_eq!(
            fixed,
            "Rates will stay on hold until spring, said Maria Lopez of the central bank. \
             Markets were calm."
        );
        let t = "“We will appeal,” the lawyer told reporters. she added.";
        assert_eq!(flagged(ID, t), ["she added."]);
    }

    #[test]
    fn leaves_single_attributions() {
        for t in [
            "Rates will stay on hold, said Maria Lopez. Markets were calm.",
            "“We will appeal,” she said. “The ruling is wrong.”",
            "The court ruled on Friday. said a lawyer.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }
}
