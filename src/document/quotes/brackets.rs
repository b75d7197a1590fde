//! Pairing brackets and parentheses paragraph by paragraph.

use super::marks::{brackets, Bracket};
use crate::document::Block;
use crate::text::Span;

/// What is wrong with a bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BracketProblem {
    /// Opened and never closed in its paragraph.
    Unclosed,
    /// Closed with nothing open.
    UnmatchedClose,
    /// Closed by a bracket of another type (`(…]`); `other` is the opening one.
    Mismatch,
}

/// An unbalanced bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BracketIssue {
    pub problem: BracketProblem,
    pub mark: Span,
    pub ch: char,
    pub block: usize,
    /// For a mismatch: the opening bracket.
    pub other: Option<Span>,
    /// For an unclosed bracket: where it probably closes (before the end of its sentence).
    pub end_hint: Option<usize>,
}

pub(super) fn pair(text: &str, blocks: &[Block]) -> Vec<BracketIssue> {
    let mut out = Vec::new();
    for (bi, b) in blocks.iter().enumerate() {
        let mut stack: Vec<Bracket> = Vec::new();
        let issue = |problem, br: &Bracket, other, end_hint| BracketIssue {
            problem,
            mark: br.span,
            ch: br.ch,
            block: bi,
            other,
            end_hint,
        };
        for br in brackets(text, b.span) {
            if br.is_open() {
                stack.push(br);
                continue;
            }
            if stack.is_empty() {
                if !br.loose {
                    out.push(issue(BracketProblem::UnmatchedClose, &br, None, None));
                }
                continue;
            }
            let want = br.partner();
            match stack.iter().rposition(|o| o.ch == want) {
                Some(i) => {
                    for o in stack.drain(i + 1..) {
                        let hint = sentence_end(text, o.span.end, br.span.start);
                        out.push(issue(BracketProblem::Unclosed, &o, None, Some(hint)));
                    }
                    stack.pop();
                }
                None if br.loose => {}
                None => {
                    let o = stack.pop().expect("stack is not empty");
                    out.push(issue(BracketProblem::Mismatch, &br, Some(o.span), None));
                }
            }
        }
        for o in stack {
            let hint = sentence_end(text, o.span.end, b.span.end);
            out.push(issue(BracketProblem::Unclosed, &o, None, Some(hint)));
        }
    }
    out.sort_by_key(|i| i.mark.start);
    out
}

/// The offset before the full stop (or `?`, `!`) that ends the sentence after `from`, or `to`.
fn sentence_end(text: &str, from: usize, to: usize) -> usize {
    let s = &text[from..to];
    s.char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && s[i + 1..].chars().next().is_none_or(char::is_whitespace)
        })
        .map_or(to, |(i, _)| from + i)
}
