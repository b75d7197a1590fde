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

fn style_of(m: &Mark, text: &str) -> QuoteStyle {
    if m.straight && m.span.slice(text) == "\"" {
        QuoteStyle::Straight
    } else if m.straight {
        // two single marks used as a double one: straight, but never the house's straight
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
        let count = |s: QuoteStyle| marks.iter().filter(|m| style_of(m, text) == s).count();
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
            let found = if m.span.slice(text) == "''" {
                "two single marks as a double"
            } else {
                name(style_of(m, text))
            };
            let mut r = cx
                .report(m.span)
                .var("found", found)
                .var("expected", name(target))
                .fix(Fix::unsafe_(format!("Use {} marks", name(target)), edits));
            if house {
                r = r.severity(Severity::Warning).help(format!(
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
