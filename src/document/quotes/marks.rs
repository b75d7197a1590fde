//! Finding double quotation marks and telling which way they face.
//!
//! Curly marks carry their direction; a straight mark (`"`, or two single marks `''` used as
//! one) gets it from its neighbours, and where they do not tell, from whether a quotation is
//! open (decided while pairing). Inch marks after digits are not quotation marks.

use crate::text::Span;

/// Which way a double quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Open,
    Close,
}

/// What the neighbours of a mark say about its direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Open,
    Close,
    /// Neither side tells (`word"word`, a mark between spaces): the pairing state decides.
    Either,
}

/// A double-mark candidate found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub span: Span,
    pub lean: Lean,
    /// A straight mark (`"` or `''`) rather than a curly one.
    pub straight: bool,
    /// Right after a digit: an inch mark (`12"`) unless it closes an open quotation.
    pub after_digit: bool,
}

/// Double-mark candidates of `span` in order. Feet-and-inches (`6'2"`, `5’11”`) and
/// seconds (`30''`) are left out.
pub fn candidates(text: &str, span: Span) -> Vec<Candidate> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut skip_to = 0;
    for (i, c) in s.char_indices() {
        if i < skip_to {
            continue;
        }
        let len = match c {
            '“' | '”' | '„' | '"' => c.len_utf8(),
            '\'' if s[i + 1..].starts_with('\'') => 2,
            _ => continue,
        };
        skip_to = i + len;
        let prev = s[..i].chars().next_back();
        let after_digit = prev.is_some_and(|p| p.is_ascii_digit());
        if after_digit && (len == 2 || is_feet_inches(&s[..i])) {
            continue;
        }
        let lean = match c {
            '“' | '„' => Lean::Open,
            '”' => Lean::Close,
            _ => straight_lean(prev, &s[i + len..]),
        };
        out.push(Candidate {
            span: Span::new(span.start + i, span.start + i + len),
            lean,
            straight: matches!(c, '"' | '\''),
            after_digit,
        });
    }
    out
}

/// Whether `before` ends in digits, a foot mark and digits (`6'2`, `5’11`).
fn is_feet_inches(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| c.is_ascii_digit());
    t.len() < before.len()
        && t.strip_suffix(['\'', '’', '′'])
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_digit()))
}

/// Characters after which a straight mark opens.
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '‘' | '“' | '\u{a0}'
        )
}

/// The direction a straight mark leans given the character before it and the text after it.
pub fn straight_lean(prev: Option<char>, after: &str) -> Lean {
    let mut next = after.chars();
    let n1 = next.next();
    let n2 = next.next();
    let left_open = prev.is_none_or(opens_after);
    let right_open = match n1 {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–') => true,
        // a full stop closes, an ellipsis may open ("...and then")
        Some('.') => n2 != Some('.'),
        Some(_) => false,
    };
    match (left_open, right_open) {
        (true, false) => Lean::Open,
        (false, true) => Lean::Close,
        _ => Lean::Either,
    }
}

/// A bracket or parenthesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bracket {
    pub span: Span,
    pub ch: char,
    /// A closing bracket that may end a list marker (`a)`, `2)`, `iv)` at the start of a line
    /// or after a space) or an emoticon (`:)`): ignored when nothing is open.
    pub loose: bool,
}

impl Bracket {
    pub fn is_open(&self) -> bool {
        matches!(self.ch, '(' | '[' | '{')
    }

    /// The bracket that pairs with this one.
    pub fn partner(&self) -> char {
        bracket_partner(self.ch)
    }
}

/// The bracket that pairs with `c`: `(` with `)`, `[` with `]`, `{` with `}`.
pub fn bracket_partner(c: char) -> char {
    match c {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// Brackets of `span` in order.
pub fn brackets(text: &str, span: Span) -> Vec<Bracket> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '(' | ')' | '[' | ']' | '{' | '}') {
            continue;
        }
        if c == '(' && is_emoticon(&s[..i]) {
            continue; // :-(
        }
        let loose = matches!(c, ')' | ']') && (is_list_marker(&s[..i]) || is_emoticon(&s[..i]));
        out.push(Bracket {
            span: Span::new(span.start + i, span.start + i + 1),
            ch: c,
            loose,
        });
    }
    out
}

/// `before` ends in one to three letters or digits that start a line or follow a space.
fn is_list_marker(before: &str) -> bool {
    let t = before.trim_end_matches(|c: char| c.is_alphanumeric());
    let n = before.len() - t.len();
    (1..=3).contains(&n) && t.chars().next_back().is_none_or(char::is_whitespace)
}

/// `before` ends an emoticon's eyes (`:`, `;-`, `=`) or a frown (`>(`, `&lt;(` as escaped
/// in some feeds).
fn is_emoticon(before: &str) -> bool {
    if before.ends_with(['<', '>']) || before.ends_with("&lt;") || before.ends_with("&gt;") {
        return true;
    }
    let t = before.strip_suffix('-').unwrap_or(before);
    t.ends_with([':', ';', '='])
        && t[..t.len() - 1]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leans(t: &str) -> Vec<(String, Lean)> {
        candidates(t, Span::new(0, t.len()))
            .into_iter()
            .map(|c| (c.span.slice(t).to_owned(), c.lean))
            .collect()
    }

    #[test]
    fn straight_marks_lean_from_neighbours() {
        let t = "He said: \"Go.\" Then \"...and\" a \"x\"y.";
        let l: Vec<Lean> = leans(t).into_iter().map(|(_, l)| l).collect();
        use Lean::*;
        assert_eq!(l, [Open, Close, Open, Close, Open, Either]);
    }

    #[test]
    fn inch_marks_and_double_singles() {
        let t = "A 6'2\" man and 5’11” woman; ''Yes,'' he said; 30'' later.";
        let got = leans(t);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0], ("''".to_owned(), Lean::Open));
        assert_eq!(got[1], ("''".to_owned(), Lean::Close));
        let t = "a 12\" record";
        assert!(candidates(t, Span::new(0, t.len()))[0].after_digit);
    }

    #[test]
    fn list_markers_and_emoticons_are_loose() {
        let t = "Options:\na) stay (or page 2)\n2) go :) now";
        let b: Vec<(char, bool)> = brackets(t, Span::new(0, t.len()))
            .iter()
            .map(|b| (b.ch, b.loose))
            .collect();
        assert_eq!(
            b,
            [
                (')', true),
                ('(', false),
                (')', true),
                (')', true),
                (')', true)
            ]
        );
    }
}
