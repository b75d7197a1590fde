//! Quotation marks: their direction, and the spans of quoted speech they enclose.

use super::Block;
use crate::text::Span;

/// Which way a double quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Open,
    Close,
}

/// A double quotation mark (curly, straight, or two single marks used as one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub span: Span,
    pub direction: Direction,
    pub straight: bool,
}

/// The double quotation marks of `span`, with straight marks given a direction from their
/// neighbours. Inch marks after digits (`6'2"`) are not quotation marks.
pub fn double_marks(text: &str, span: Span) -> Vec<Mark> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut iter = s.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        let (len, straight) = match c {
            '“' | '”' | '„' => (c.len_utf8(), false),
            '"' => (1, true),
            '\'' if s[i + 1..].starts_with('\'') => {
                iter.next();
                (2, true)
            }
            _ => {
                prev = Some(c);
                continue;
            }
        };
        let next = s[i + len..].chars().next();
        let direction = match c {
            '“' | '„' => Direction::Open,
            '”' => Direction::Close,
            _ => {
                if prev.is_some_and(|p| p.is_ascii_digit()) && c == '"' {
                    // an inch mark: 6'2", 12"
                    prev = Some(c);
                    continue;
                }
                straight_direction(prev, next)
            }
        };
        out.push(Mark {
            span: Span::new(span.start + i, span.start + i + len),
            direction,
            straight,
        });
        prev = Some(c);
    }
    out
}

/// A straight mark opens after white space, an opening bracket or a dash, or at the start,
/// when a visible character follows; otherwise it closes.
pub fn straight_direction(prev: Option<char>, next: Option<char>) -> Direction {
    let after_space = prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '‘' | '“')
    });
    let before_space = next.is_none_or(|n| n.is_whitespace());
    if after_space && !before_space {
        Direction::Open
    } else if before_space {
        Direction::Close
    } else {
        // between two visible characters: closes after a letter or punctuation, opens before one
        match prev {
            Some(p) if p.is_alphanumeric() || matches!(p, '.' | ',' | '!' | '?' | ';' | ':') => {
                Direction::Close
            }
            _ => Direction::Open,
        }
    }
}

/// Spans of quoted speech in each block: from an opening mark to its closing mark, or to the
/// end of the block when the quotation continues into the next paragraph.
pub fn quotation_spans(text: &str, blocks: &[Block]) -> Vec<Span> {
    let mut out = Vec::new();
    for b in blocks {
        let mut open: Option<usize> = None;
        for m in double_marks(text, b.span) {
            match (m.direction, open) {
                (Direction::Open, None) => open = Some(m.span.start),
                (Direction::Close, Some(o)) => {
                    out.push(Span::new(o, m.span.end));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            out.push(Span::new(o, b.span.end));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Role;

    fn block(text: &str) -> Vec<Block> {
        vec![Block {
            span: Span::new(0, text.len()),
            role: Role::Body,
            index: 0,
            sentences: 0..0,
        }]
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        let t = "He said “yes” and \"no\" to the 6'2\" man.";
        let spans: Vec<&str> = quotation_spans(t, &block(t))
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(spans, ["“yes”", "\"no\""]);
    }

    #[test]
    fn open_quotation_runs_to_block_end() {
        let t = "\"We will go on. And on.";
        assert_eq!(quotation_spans(t, &block(t)), [Span::new(0, t.len())]);
    }
}
