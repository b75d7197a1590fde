//! `nested-quote`: an opening double mark while a quotation opened by a double mark is still
//! open in the same paragraph (`“… and [if needed] “we will …”`).

use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::document::quotes::{word_before, IssueKind};
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct NestedQuote;

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(NestedQuote))
}

impl Check for NestedQuote {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for issue in doc
            .paired
            .issues
            .iter()
            .filter(|i| i.kind == IssueKind::Nested)
        {
            let Some(outer) = issue.other else { continue };
            let stray = issue.mark.slice(text);
            let quotation = doc.paired.quotation_opened_at(outer);
            let mut r = cx
                .report(issue.mark)
                .var("mark", stray)
                .label(outer, "inside the quotation opened here");
            if let Some(end) = quotation.and_then(|q| q.close) {
                let last = word_before(text, end.end);
                r = r.label(end, "which probably ends here").var(
                    "end",
                    format!("the quotation probably ends at “{}”", last.slice(text)),
                );
            } else {
                r = r.var("end", "the quotation it interrupts is never closed");
            }
            let (single_open, single_close) = if stray == "“" {
                ("‘", "’")
            } else {
                ("'", "'")
            };
            r = match issue.inner_close {
                // a pair inside the quotation: a quotation within a quotation takes single marks
                Some(close) => r
                    .help("A quotation inside a quotation takes single marks. Or, if the inner marks are strays, delete them.")
                    .fix(Fix::unsafe_(
                        "Turn the inner pair into single marks",
                        vec![
                            Edit::replace(issue.mark, single_open),
                            Edit::replace(close, single_close),
                        ],
                    )),
                None => r
                    .help(format!(
                        "Delete the stray mark. Or, if a quotation within the quotation starts here, turn it and its closing mark into single marks ({single_open}…{single_close})."
                    ))
                    .fix(Fix::unsafe_("Delete the stray opening mark", vec![Edit::delete(issue.mark)])),
            };
            r.emit(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::linter::Linter;
    use crate::pack::RuleSet;
    use std::sync::Arc;

    fn lint(t: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let l = Linter::only(Arc::new(RuleSet::builtin()), "quotes/nested-quote").unwrap();
        l.lint(t, Format::Plain)
    }

    #[test]
    fn labels_the_interrupted_quotation_and_its_end() {
        let t =
            "The mayor said: “We will rebuild, and [with help] “the bridge will reopen by May.”";
        let d = lint(t);
        assert_eq!(d.len(), 1);
        assert_eq!(&t[d[0].span.start..], "“the bridge will reopen by May.”");
        let labels: Vec<&str> = d[0].labels.iter().map(|l| l.span.slice(t)).collect();
        assert_eq!(labels, ["“", "”"]);
        assert_eq!(d[0].labels[0].span.start, t.find("“We").unwrap());
        assert!(d[0].help.as_deref().unwrap().contains("single marks"));
    }

    #[test]
    fn single_marks_inside_and_separate_quotations_are_quiet() {
        assert!(lint("“They said ‘wait’,” she said. “Then we left.”").is_empty());
        assert!(lint("\"They said 'wait',\" she said. \"Then we left.\"").is_empty());
    }
}
