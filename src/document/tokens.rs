//! Tokens: words, numbers and punctuation, with byte spans into the prose text.

use crate::text::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with internal apostrophes, hyphens and dots (`China’s`, `Jong-un`, `U.S`).
    Word,
    /// Starts with a digit (`12,000`, `3.5`, `1990s`, `2-1`).
    Number,
    /// Any other visible character.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// Whether the token starts with an upper-case letter.
    pub fn is_capitalised(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '.' | '&' | '_')
}

/// Appends the tokens of `span` to `out`.
pub(crate) fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.start..span.end];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let kind = if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                let numeric_sep = kind == TokenKind::Number && matches!(d, ',' | ':' | '/');
                if is_joiner(d) || numeric_sep {
                    // a joiner stays inside the token only when a letter or digit follows
                    let next = s[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(char::is_alphanumeric) {
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            out.push(Token {
                span: Span::new(span.start + i, span.start + end),
                kind,
            });
        } else {
            out.push(Token {
                span: Span::new(span.start + i, span.start + i + c.len_utf8()),
                kind: TokenKind::Punct,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn words_numbers_punct() {
        assert_eq!(
            toks("Kim Jong-un’s U.S. trip cost £1,400.5 (2.5%)."),
            [
                "Kim",
                "Jong-un’s",
                "U.S",
                ".",
                "trip",
                "cost",
                "£",
                "1,400.5",
                "(",
                "2.5",
                "%",
                ")",
                "."
            ]
        );
        assert_eq!(toks("rock ’n’ roll"), ["rock", "’", "n", "’", "roll"]);
    }
}
