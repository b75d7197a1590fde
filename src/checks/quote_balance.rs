//! `quote-balance`: double quotation marks that do not pair up within their paragraph: a
//! quotation never closed (unless it runs on into a paragraph that reopens it), or a closing
//! mark with nothing open.

use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::document::quotes::{closing_for, word_after, word_before, Cause, IssueKind};
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;

#[derive(Debug)]
struct QuoteBalance;

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(QuoteBalance))
}

impl Check for QuoteBalance {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for issue in &doc.paired.issues {
            let mark = issue.mark.slice(text);
            match issue.kind {
                IssueKind::Unclosed(cause) => {
                    let end = issue.end_hint.unwrap_or(doc.blocks[issue.block].span.end);
                    let last = word_before(text, end);
                    let last_word = last.slice(text);
                    let what = match cause {
                        Cause::RunsOn => "this quotation is never closed in its paragraph, and the next paragraph does not reopen it",
                        Cause::Attribution => "this quotation runs on into its own attribution",
                        Cause::LeadIn => "this quotation is still open where a new sentence leads in to another",
                        Cause::Interrupted => "this quotation is still open where another one starts",
                    };
                    cx.report(issue.mark)
                        .var("mark", mark)
                        .var("what", what)
                        .var("end", format!("it probably ends after “{last_word}”"))
                        .label(last, "probably ends here")
                        .fix(Fix::unsafe_(
                            format!("Close the quotation after “{last_word}”"),
                            vec![Edit::replace(Span::new(end, end), closing_for(mark))],
                        ))
                        .emit(out);
                }
                IssueKind::UnmatchedClose => {
                    let start =
                        sentence_start(text, doc.blocks[issue.block].span.start, issue.mark.start);
                    let first = word_after(text, start);
                    cx.report(issue.mark)
                        .var("mark", mark)
                        .var("what", "a closing mark with no quotation open")
                        .var(
                            "end",
                            format!(
                                "the quotation probably opens before “{}”",
                                first.slice(text)
                            ),
                        )
                        .label(first, "the quotation probably starts here")
                        .emit(out);
                }
                IssueKind::Nested => {}
            }
        }
    }
}

/// The start of the sentence that holds `at`, no earlier than `from`.
fn sentence_start(text: &str, from: usize, at: usize) -> usize {
    let s = &text[from..at];
    s.char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && s[i + 1..].starts_with(char::is_whitespace)
                && i + 2 < s.len()
        })
        .map_or(from, |(i, _)| from + i + 1)
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::linter::Linter;
    use crate::pack::RuleSet;
    use std::sync::Arc;

    fn lint(t: &str) -> Vec<crate::diagnostic::Diagnostic> {
        let l = Linter::only(Arc::new(RuleSet::builtin()), "quotes/unbalanced-quote").unwrap();
        l.lint(t, Format::Plain)
    }

    #[test]
    fn unclosed_quotation_labels_where_it_probably_ends() {
        let t = "“Our nets came up empty, the skipper said as the boat docked.";
        let d = lint(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.slice(t), "“");
        assert_eq!(d[0].labels[0].span.slice(t), "empty,");
        assert!(
            d[0].message.contains("its own attribution"),
            "{}",
            d[0].message
        );
        let edit = &d[0].fix.as_ref().unwrap().edits[0];
        assert_eq!(
            (edit.span.start, edit.replacement.as_str()),
            (t.find(" the").unwrap(), "”")
        );
    }

    #[test]
    fn closing_mark_with_nothing_open_labels_the_sentence_start() {
        let t = "The ferry left late. Nobody told us why,\" one passenger said.";
        let d = lint(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].labels[0].span.slice(t), "Nobody");
        assert!(d[0].fix.is_none());
    }

    #[test]
    fn quotation_reopened_in_the_next_paragraph_is_quiet() {
        let t = "“The nets came up empty.\n\n“We will try again at dawn,” the skipper said.";
        assert!(lint(t).is_empty());
    }
}
