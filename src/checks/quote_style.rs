//! `quote-style`: straight and curly double quotation marks mixed in one article. The house
//! setting `[house] quotes = "curly" | "straight"` chooses the style; without it, the style
//! most of the article uses wins and the other is reported.
//!
//! The fix (unsafe: the marks belong to quoted speech, and a straight mark's direction is
//! inferred) rewrites both marks of a quotation in the chosen style.

use super::{Check, CompileCx, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::quotes::{Direction, Mark};
use crate::fix::{Edit, Fix};
use crate::house::QuoteStyle;
use crate::pack::error::ConfigError;
use crate::text::Span;

#[derive(Debug)]
struct QuoteStyleCheck;

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(QuoteStyleCheck))
}

/// Two single marks used as a double one (`''`) count as straight.
fn style_of(m: &Mark) -> QuoteStyle {
    if m.straight {
        QuoteStyle::Straight
    } else {
        QuoteStyle::Curly
    }
}

fn name(s: QuoteStyle) -> &'static str {
    match s {
        QuoteStyle::Curly => "curly",
        QuoteStyle::Straight => "straight",
    }
}

fn wrong(m: &Mark, text: &str, target: QuoteStyle) -> bool {
    match target {
        QuoteStyle::Curly => m.straight,
        QuoteStyle::Straight => m.span.slice(text) != "\"",
    }
}

fn replacement(m: &Mark, target: QuoteStyle) -> &'static str {
    match (target, m.direction) {
        (QuoteStyle::Straight, _) => "\"",
        (QuoteStyle::Curly, Direction::Open) => "“",
        (QuoteStyle::Curly, Direction::Close) => "”",
    }
}

impl Check for QuoteStyleCheck {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        let marks = &doc.paired.marks;
        let count = |s: QuoteStyle| marks.iter().filter(|m| style_of(m) == s).count();
        let (curly, straight) = (count(QuoteStyle::Curly), count(QuoteStyle::Straight));
        let (target, house) = match cx.house.quotes {
            Some(s) => (s, true),
            None if curly > 0 && straight > 0 => {
                let first_curly = marks.iter().position(|m| !m.straight);
                let first_straight = marks.iter().position(|m| m.straight);
                if curly > straight || (curly == straight && first_curly < first_straight) {
                    (QuoteStyle::Curly, false)
                } else {
                    (QuoteStyle::Straight, false)
                }
            }
            None => return,
        };
        let example = marks
            .iter()
            .find(|m| !wrong(m, text, target))
            .map(|m| m.span);
        let mut done: Vec<Span> = Vec::new();
        for m in marks.iter().filter(|m| wrong(m, text, target)) {
            if done.contains(&m.span) {
                continue;
            }
            // a quotation is reported once, with both its marks
            let q = doc
                .paired
                .quotations
                .iter()
                .find(|q| q.open == m.span || q.close == Some(m.span));
            let mut edits = vec![Edit::replace(m.span, replacement(m, target))];
            if let Some(q) = q {
                for s in [Some(q.open), q.close].into_iter().flatten() {
                    if s == m.span {
                        continue;
                    }
                    if let Some(other) =
                        marks.iter().find(|o| o.span == s && wrong(o, text, target))
                    {
                        edits.push(Edit::replace(s, replacement(other, target)));
                        done.push(s);
                    }
                }
            }
            let found = match (m.span.slice(text), style_of(m)) {
                ("''", _) => "Doubled single",
                (_, QuoteStyle::Straight) => "Straight",
                (_, QuoteStyle::Curly) => "Curly",
            };
            let mut r = cx
                .report(m.span)
                .var("found", found)
                .var("expected", name(target))
                .fix(Fix::unsafe_(format!("Use {} marks", name(target)), edits));
            if house {
                r = r
                    .severity(Severity::Warning)
                    .message(format!(
                        "{found} quotation marks; the house style uses {} ones",
                        name(target)
                    ))
                    .help(format!(
                        "The house style sets {} quotation marks.",
                        name(target)
                    ));
            } else if let Some(e) = example {
                r = r.label(e, format!("{} marks are used here", name(target)));
            }
            r.emit(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::Format;
    use crate::fix::{Applicability, FixMode};
    use crate::house::{House, QuoteStyle};
    use crate::linter::Linter;
    use crate::pack::RuleSet;
    use std::sync::Arc;

    fn linter(style: Option<QuoteStyle>) -> Linter {
        let mut l = Linter::only(Arc::new(RuleSet::builtin()), "quotes/quote-style").unwrap();
        l.house = Arc::new(House {
            quotes: style,
            ..House::default()
        });
        l
    }

    #[test]
    fn house_curly_reports_straight_quotations_once_each() {
        let l = linter(Some(QuoteStyle::Curly));
        let t = "\"We won,\" she said. The 6'2\" keeper's reply: \"Again.\"";
        let d = l.lint(t, Format::Plain);
        assert_eq!(d.len(), 2);
        assert!(d
            .iter()
            .all(|d| d.severity == crate::diagnostic::Severity::Warning));
        assert!(d
            .iter()
            .all(|d| d.fix.as_ref().unwrap().applicability == Applicability::Unsafe));
        let fixed = l.fix(t, Format::Plain, FixMode::All).text;
        assert_eq!(
            fixed,
            "“We won,” she said. The 6'2\" keeper's reply: “Again.”"
        );
    }

    #[test]
    fn house_straight_reports_curly_and_double_single_marks() {
        let l = linter(Some(QuoteStyle::Straight));
        let t = "“We won,” she said. ''Again,'' he said.";
        let fixed = l.fix(t, Format::Plain, FixMode::All).text;
        assert_eq!(fixed, "\"We won,\" she said. \"Again,\" he said.");
    }

    #[test]
    fn without_a_house_style_one_style_is_quiet() {
        let l = linter(None);
        assert!(l
            .lint("“We won,” she said. “Again.”", Format::Plain)
            .is_empty());
        assert!(l.lint("\"We won,\" she said.", Format::Plain).is_empty());
        // the majority wins
        let d = l.lint(
            "“We won,” she said. “Again.” He said: \"No.\"",
            Format::Plain,
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
    }
}
