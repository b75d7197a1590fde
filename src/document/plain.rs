//! Paragraphs of plain text.
//!
//! Paragraphs are separated by blank lines. A file with no blank lines whose lines are long
//! (text exported one paragraph a line) takes each line as a paragraph.

use super::{RawBlock, Role};
use crate::text::Span;

/// Lines at least this long, on average, mark a one-paragraph-a-line file.
const LONG_LINE: usize = 100;

pub(crate) fn blocks(text: &str) -> Vec<RawBlock> {
    let lines = line_spans(text);
    let has_blank = lines.iter().any(|l| l.slice(text).trim().is_empty());
    let content: Vec<&Span> = lines
        .iter()
        .filter(|l| !l.slice(text).trim().is_empty())
        .collect();
    let total: usize = content.iter().map(|l| l.len()).sum();
    let one_per_line = !has_blank && content.len() > 1 && total / content.len().max(1) >= LONG_LINE;

    let mut out = Vec::new();
    let mut cur: Option<Span> = None;
    for line in &lines {
        let blank = line.slice(text).trim().is_empty();
        if blank {
            if let Some(span) = cur.take() {
                out.push(block(text, span));
            }
            continue;
        }
        match cur.as_mut() {
            Some(span) if !one_per_line => span.end = line.end,
            _ => {
                if let Some(span) = cur.take() {
                    out.push(block(text, span));
                }
                cur = Some(*line);
            }
        }
    }
    if let Some(span) = cur {
        out.push(block(text, span));
    }
    out
}

fn block(text: &str, span: Span) -> RawBlock {
    // trim surrounding white space so spans start at the first visible character
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    RawBlock {
        span: Span::new(start, end),
        role: Role::Body,
    }
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_paragraphs_join_wrapped_lines() {
        let text = "Title\n\nOne line\nwrapped.\n\n  Two.  \n";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        assert_eq!(b[1].span.slice(text), "One line\nwrapped.");
        assert_eq!(b[2].span.slice(text), "Two.");
    }

    #[test]
    fn short_lines_without_blanks_are_one_paragraph() {
        assert_eq!(blocks("a\nb\nc").len(), 1);
        assert!(blocks("").is_empty());
    }
}
