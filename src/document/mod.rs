//! The document model: built once per file and shared by every check.
//!
//! `text` is a prose view of the source with the same byte offsets: in Markdown, markup, code,
//! HTML, front matter and link targets are blanked with spaces, so every span a check reports
//! points into the original file.

mod markdown;
mod plain;
pub mod quotes;
mod roles;
mod sentences;
mod tokens;

use crate::language::Language;
use crate::text::{LineIndex, Span};
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

pub use roles::Role;
pub use tokens::{Token, TokenKind};

/// The syntax a file is parsed as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
}

impl Format {
    /// Markdown for `.md`, `.markdown`, `.mdown`, `.mkd`; plain text otherwise.
    pub fn from_path(path: &Path) -> Format {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            _ => Format::Plain,
        }
    }
}

/// A paragraph-level block of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    /// What the block is in the article: body prose, a headline, a byline, ...
    pub role: Role,
    /// Zero-based index among the document's blocks.
    pub index: usize,
    /// Indexes into [`Document::sentences`].
    pub sentences: std::ops::Range<usize>,
}

impl Block {
    /// Whether the block is body prose (not a headline, byline, dateline or caption).
    pub fn is_body(&self) -> bool {
        self.role == Role::Body
    }
}

/// A sentence within one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub block: usize,
    /// Indexes into [`Document::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// A region where diagnostics are suppressed by an inline comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppression {
    /// `None` suppresses every rule; otherwise a rule id (`pack/id`) or a pack name.
    pub rule: Option<String>,
    pub span: Span,
}

impl Suppression {
    pub fn applies(&self, rule: &str, span: Span) -> bool {
        let rule_matches = match &self.rule {
            None => true,
            Some(r) => rule == r || rule.split('/').next() == Some(r.as_str()),
        };
        rule_matches && self.span.start <= span.start && span.start < self.span.end
    }
}

/// A parsed file.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The file as read.
    pub source: &'a str,
    /// The prose view: `source` with non-prose bytes blanked; same length and offsets.
    pub text: Cow<'a, str>,
    pub format: Format,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Quoted speech: each span runs from an opening mark to its closing mark (inclusive), or
    /// to the end of the block for a quotation continued into the next paragraph.
    pub quotes: Vec<Span>,
    /// Double quotation marks and brackets: their pairs and the unbalanced ones.
    pub paired: quotes::PairedMarks,
    pub suppressions: Vec<Suppression>,
    pub lines: LineIndex,
    /// Lower-cased token texts, built on first use (see [`Document::lower`]).
    lowered: OnceLock<Lowered>,
    /// Who is who in the article, computed by the first name check that asks.
    pub names: OnceLock<crate::names::Analysis>,
}

/// Every token's text lower-cased, with `’` as `'`, in one buffer.
#[derive(Debug, Clone, Default)]
struct Lowered {
    text: String,
    ends: Vec<u32>,
}

/// A raw block before sentences are split.
pub(crate) struct RawBlock {
    pub span: Span,
    pub role: Role,
}

impl<'a> Document<'a> {
    pub fn parse(source: &'a str, format: Format, lang: &Language) -> Document<'a> {
        let (text, raw, suppressions) = match format {
            Format::Plain => {
                let raw = plain::blocks(source);
                (Cow::Borrowed(source), raw, Vec::new())
            }
            Format::Markdown => {
                let md = markdown::parse(source);
                (Cow::Owned(md.text), md.blocks, md.suppressions)
            }
        };
        let mut doc = Document {
            source,
            text,
            format,
            blocks: Vec::with_capacity(raw.len()),
            sentences: Vec::new(),
            tokens: Vec::new(),
            quotes: Vec::new(),
            paired: quotes::PairedMarks::default(),
            suppressions,
            lines: LineIndex::new(source),
            lowered: OnceLock::new(),
            names: OnceLock::new(),
        };
        let total = raw.len();
        for (index, rb) in raw.into_iter().enumerate() {
            let role = if rb.role == Role::Body {
                roles::classify(&doc.text[rb.span.start..rb.span.end], index, total)
            } else {
                rb.role
            };
            let body_start = if role == Role::Body {
                rb.span.start + roles::dateline_len(&doc.text[rb.span.start..rb.span.end])
            } else {
                rb.span.start
            };
            let first = doc.sentences.len();
            for s in sentences::split(&doc.text, Span::new(body_start, rb.span.end), lang) {
                let t0 = doc.tokens.len();
                tokens::tokenize(&doc.text, s, &mut doc.tokens);
                let t1 = doc.tokens.len();
                doc.sentences.push(Sentence {
                    span: s,
                    block: index,
                    tokens: t0..t1,
                });
            }
            let last = doc.sentences.len();
            doc.blocks.push(Block {
                span: rb.span,
                role,
                index,
                sentences: first..last,
            });
        }
        doc.paired = quotes::PairedMarks::analyse(&doc.text, &doc.blocks, &lang.quote_words);
        doc.quotes = doc.paired.spans();
        doc
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// The lower-cased text of token `i` (`’` folded to `'`), computed once per document.
    pub fn lower(&self, i: usize) -> &str {
        let l = self.lowered.get_or_init(|| {
            let mut l = Lowered {
                text: String::with_capacity(self.text.len()),
                ends: Vec::with_capacity(self.tokens.len()),
            };
            for t in &self.tokens {
                let word = t.text(&self.text);
                if word
                    .bytes()
                    .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
                {
                    l.text.push_str(word);
                } else {
                    for c in word.chars() {
                        match c {
                            '’' => l.text.push('\''),
                            c => l.text.extend(c.to_lowercase()),
                        }
                    }
                }
                l.ends.push(l.text.len() as u32);
            }
            l
        });
        let start = if i == 0 { 0 } else { l.ends[i - 1] as usize };
        &l.text[start..l.ends[i] as usize]
    }

    /// Index of `token` in [`Document::tokens`] (tokens are in text order).
    pub fn token_index(&self, token: &Token) -> usize {
        self.tokens
            .partition_point(|t| t.span.start < token.span.start)
    }

    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }

    pub fn block_sentences(&self, b: &Block) -> &[Sentence] {
        &self.sentences[b.sentences.clone()]
    }

    /// Whether `span` lies inside quoted speech.
    pub fn in_quotes(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= span.start);
        self.quotes
            .get(i)
            .is_some_and(|q| q.start <= span.start && span.end <= q.end)
    }

    /// Whether `span` overlaps quoted speech.
    pub fn touches_quotes(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= span.start);
        self.quotes.get(i).is_some_and(|q| q.overlaps(span))
    }

    /// Whether `span` is prose exactly as written: no markup was blanked inside it.
    pub fn is_verbatim(&self, span: Span) -> bool {
        self.text.as_bytes().get(span.start..span.end)
            == self.source.as_bytes().get(span.start..span.end)
    }

    /// Whether a diagnostic of `rule` at `span` is suppressed by an inline comment.
    pub fn is_suppressed(&self, rule: &str, span: Span) -> bool {
        self.suppressions.iter().any(|s| s.applies(rule, span))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn lang() -> Language {
        Language::new(&Lexicon::builtin())
    }

    #[test]
    fn one_line_paragraphs_without_blank_lines() {
        let long = "This is a long line of prose that goes on for a while, as news copy does when it has no breaks. ";
        let src = format!("{long}{long}\n{long}\nAdditional reporting by Jane Doe");
        let l = lang();
        let doc = Document::parse(&src, Format::Plain, &l);
        assert_eq!(doc.blocks.len(), 3);
        assert_eq!(doc.blocks[0].sentences.len(), 2);
        assert_eq!(doc.blocks[2].role, Role::Byline);
    }

    #[test]
    fn lower_cased_tokens() {
        let l = lang();
        let doc = Document::parse("Ölaf’s CAT sat.", Format::Plain, &l);
        let lowered: Vec<&str> = (0..doc.tokens.len()).map(|i| doc.lower(i)).collect();
        assert_eq!(lowered, ["ölaf's", "cat", "sat", "."]);
        assert_eq!(doc.token_index(&doc.tokens[2]), 2);
    }

    #[test]
    fn markdown_code_is_not_prose() {
        let src = "# Title\n\nSee `Kiev` and [this](http://x.test/Kiev) now.\n\n```\nKiev\n```\n";
        let l = lang();
        let doc = Document::parse(src, Format::Markdown, &l);
        assert_eq!(doc.text.len(), src.len());
        assert_eq!(doc.text.matches("Kiev").count(), 0);
        assert!(doc.text.contains("this"));
        assert_eq!(doc.blocks[0].role, Role::Headline);
    }
}
