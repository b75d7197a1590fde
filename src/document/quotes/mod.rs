//! Paired marks: double quotation marks and brackets, analysed once per document.
//!
//! The analysis gives the spans of quoted speech ([`Document::quotes`](super::Document)) that
//! every check consults, and the unbalanced marks the `quotes` pack reports. Apostrophes
//! (China’s, ’90s, rock ’n’ roll) and single quotation marks are not double marks; inch marks
//! after digits (6'2") are not quotation marks.

mod attribution;
mod brackets;
mod marks;
mod pairing;

use super::Block;
use crate::text::Span;

pub use attribution::QuoteWords;
pub use brackets::{BracketIssue, BracketProblem};
pub use marks::{bracket_partner, straight_lean, Direction, Lean};

/// A double quotation mark (curly, straight, or two single marks used as one) with its
/// direction as the pairing settled it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub direction: Direction,
    pub straight: bool,
}

/// A quotation: an opening mark and, when it has one, its closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    pub open: Span,
    pub close: Option<Span>,
    /// The quoted speech, marks included: to the closing mark, to the end of the block for a
    /// quotation continued into the next paragraph, or as far as it probably goes when the
    /// closing mark is missing.
    pub span: Span,
    pub block: usize,
    /// Runs on into the next paragraph (or the next paragraph run into this one).
    pub continues: bool,
}

/// What is wrong with a double quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssueKind {
    /// An opening mark whose quotation never closes in its paragraph.
    Unclosed(Cause),
    /// A closing mark with nothing open.
    UnmatchedClose,
    /// An opening mark while a quotation is still open in the same paragraph.
    Nested,
}

/// What shows that a quotation lacks its closing mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cause {
    /// Still open at the end of the paragraph, and the next paragraph does not reopen it.
    RunsOn,
    /// Its own attribution (", she said") sits inside it.
    Attribution,
    /// A new sentence leads in to another quotation ("He added: "…") while it is open.
    LeadIn,
    /// It opened mid-sentence (not like speech), and a quotation that opens like speech
    /// starts while it is open.
    Interrupted,
}

/// An unbalanced double quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteIssue {
    pub kind: IssueKind,
    /// The mark at fault (for `Nested`, the stray opening mark).
    pub mark: Span,
    pub block: usize,
    /// For `Nested`: the opening mark of the quotation it interrupts.
    pub other: Option<Span>,
    /// For `Unclosed`: where the quotation probably ends.
    pub end_hint: Option<usize>,
    /// For `Nested`: the closing mark of the inner pair, when the outer quotation has a
    /// closing mark of its own after it.
    pub inner_close: Option<Span>,
}

/// The paired-marks analysis of a document.
#[derive(Debug, Clone, Default)]
pub struct PairedMarks {
    /// Every double quotation mark, in order.
    pub marks: Vec<Mark>,
    /// Quotations in order; none overlaps another.
    pub quotations: Vec<Quotation>,
    pub issues: Vec<QuoteIssue>,
    pub brackets: Vec<BracketIssue>,
}

impl PairedMarks {
    pub fn analyse(text: &str, blocks: &[Block], words: &QuoteWords) -> PairedMarks {
        let p = pairing::pair(text, blocks, words);
        let mut issues = p.issues;
        issues.sort_by_key(|i| i.mark.start);
        PairedMarks {
            marks: p.marks,
            quotations: p.quotations,
            issues,
            brackets: brackets::pair(text, blocks),
        }
    }

    /// Spans of quoted speech, in order and without overlap.
    pub fn spans(&self) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::with_capacity(self.quotations.len());
        for q in &self.quotations {
            match out.last_mut() {
                Some(last) if q.span.start < last.end => last.end = last.end.max(q.span.end),
                _ => out.push(q.span),
            }
        }
        out
    }

    /// The quotation whose opening mark is `open`.
    pub fn quotation_opened_at(&self, open: Span) -> Option<&Quotation> {
        self.quotations.iter().find(|q| q.open == open)
    }
}

/// The run of visible characters that ends at `at` (`fair,` in `is fair,|`), for labels that
/// show where a quotation or bracket probably ends.
pub fn word_before(text: &str, at: usize) -> Span {
    let before = text[..at].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    Span::new(start, before.len())
}

/// The run of visible characters that starts at `at`.
pub fn word_after(text: &str, at: usize) -> Span {
    let rest = &text[at..];
    let start = at + (rest.len() - rest.trim_start().len());
    let end = text[start..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| start + i);
    Span::new(start, end)
}

/// The closing mark that matches an opening one in style (`“` → `”`, `"` → `"`, `''` → `''`).
pub fn closing_for(open: &str) -> &'static str {
    match open {
        "“" | "„" => "”",
        "''" => "''",
        _ => "\"",
    }
}

#[cfg(test)]
mod tests;
