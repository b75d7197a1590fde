//! `bracket-balance`: parentheses, square brackets and braces that do not pair up within
//! their paragraph. Brackets inside quotations (editorial insertions, `[if needed]`) pair like
//! any others.

use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::document::quotes::{word_before, BracketProblem};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct BracketBalance;

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(BracketBalance))
}

use crate::document::quotes::bracket_partner as partner;

impl Check for BracketBalance {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for issue in &doc.paired.brackets {
            let mark = issue.ch.to_string();
            let r = cx.report(issue.mark).var("mark", mark.as_str());
            let r = match issue.problem {
                BracketProblem::Unclosed => {
                    let end = issue.end_hint.unwrap_or(doc.blocks[issue.block].span.end);
                    let last = word_before(text, end);
                    r.var("what", format!("“{mark}” is never closed in its paragraph"))
                        .label(
                            last,
                            format!("“{}” probably belongs after this", partner(issue.ch)),
                        )
                        .var(
                            "end",
                            format!("it probably closes by “{}”", last.slice(text)),
                        )
                }
                BracketProblem::UnmatchedClose => {
                    r.var("what", format!("“{mark}” closes nothing")).var(
                        "end",
                        format!("add the opening “{}” or delete this one", partner(issue.ch)),
                    )
                }
                BracketProblem::Mismatch => {
                    let open = issue.other.unwrap_or(issue.mark);
                    let o = open.slice(text);
                    r.var("what", format!("“{mark}” closes “{o}”"))
                        .label(open, "opened here")
                        .var(
                            "end",
                            format!("use “{}”", partner(o.chars().next().unwrap_or('('))),
                        )
                }
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
        let l = Linter::only(Arc::new(RuleSet::builtin()), "quotes/unbalanced-bracket").unwrap();
        l.lint(t, Format::Plain)
    }

    #[test]
    fn unclosed_bracket_points_at_the_end_of_its_sentence() {
        let t = "The bridge (built in 1890 needs repairs. Work starts soon.";
        let d = lint(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.slice(t), "(");
        assert_eq!(d[0].labels[0].span.slice(t), "repairs");
    }

    #[test]
    fn mismatched_brackets() {
        let t = "The bridge (built in 1890] needs repairs.";
        let d = lint(t);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.slice(t), "]");
        assert!(d[0].message.contains("closes “(”"), "{}", d[0].message);
    }

    #[test]
    fn brackets_pair_across_quotation_marks() {
        assert!(lint("“We will act [if asked],” she said (twice).").is_empty());
        assert!(lint("He (and “his” team) left. Steps: 1) pack, 2) go.").is_empty());
    }
}
