//! Pairing double quotation marks paragraph by paragraph, honouring newsroom conventions.
//!
//! - A quotation may stay open at the end of a paragraph when the next paragraph opens with an
//!   opening mark (a quotation running over paragraphs).
//! - Where paragraphs were run together, the reopening mark of such a quotation sits after a
//!   full stop inside the paragraph: a quotation that began like speech may be reopened there.
//! - Anything else that opens while a quotation is open is a stray nested mark; a quotation
//!   still open with an attribution inside (", she said") lost its closing mark before it.

use super::attribution::{self, QuoteWords};
use super::marks::{candidates, Candidate, Direction, Lean};
use super::{Cause, IssueKind, Mark, Quotation, QuoteIssue};
use crate::document::Block;
use crate::text::Span;

/// Offsets in `s` where a sentence starts after a full stop, `?` or `!` (and any closing
/// marks) and white space.
fn sentence_starts(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
            j += 1;
        }
        let rest = &s[j..];
        let t = rest.trim_start();
        if t.len() < rest.len() && !t.is_empty() {
            out.push(s.len() - t.len());
        }
    }
    out
}

/// An opening mark waiting for its closing one.
#[derive(Debug, Clone, Copy)]
struct Open {
    mark: Span,
    /// Where its quoted speech starts: the mark, or the start of the block for a quotation
    /// carried over from a paragraph broken off mid-sentence.
    start: usize,
    /// Opens like quoted speech (at a paragraph or sentence start, after a colon or comma,
    /// before a capital): may run over paragraphs.
    speech: bool,
    /// For a stray nested mark: its issue.
    issue: Option<usize>,
}

impl Open {
    /// A quotation opened by the mark at `mark`.
    fn at(mark: Span, speech: bool) -> Open {
        Open {
            mark,
            start: mark.start,
            speech,
            issue: None,
        }
    }
}

/// The output of pairing, appended to by each block.
#[derive(Debug, Default)]
pub(super) struct Pairing {
    pub marks: Vec<Mark>,
    pub quotations: Vec<Quotation>,
    pub issues: Vec<QuoteIssue>,
}

/// What a block hands on to the next one.
#[derive(Debug, Clone, Copy)]
enum Carry {
    Nothing,
    /// A quotation continued by the convention: the next block opens with a reopening mark.
    Reopen,
    /// A quotation still open where the block broke off mid-sentence.
    Open(Open),
}

pub(super) fn pair(text: &str, blocks: &[Block], words: &QuoteWords) -> Pairing {
    let mut out = Pairing::default();
    let mut carry = Carry::Nothing;
    let cands: Vec<Vec<Candidate>> = blocks.iter().map(|b| candidates(text, b.span)).collect();
    for (bi, b) in blocks.iter().enumerate() {
        let next_opens = match (blocks.get(bi + 1), cands.get(bi + 1)) {
            (Some(nb), Some(nc)) => nc
                .first()
                .is_some_and(|c| c.span.start == nb.span.start && c.lean != Lean::Close),
            _ => false,
        };
        // a paragraph broken off mid-sentence (no final punctuation, the next starts in lower
        // case) goes on in the next block
        let next_continues = blocks.get(bi + 1).is_some_and(|nb| {
            let ends_open = b
                .span
                .slice(text)
                .trim_end()
                .ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | '-' | '–'));
            ends_open && nb.span.slice(text).starts_with(char::is_lowercase)
        });
        let cx = BlockCx {
            text,
            block: b,
            index: bi,
            words,
        };
        carry = cx.pair(&cands[bi], carry, (next_opens, next_continues), &mut out);
    }
    out
}

struct BlockCx<'a> {
    text: &'a str,
    block: &'a Block,
    index: usize,
    words: &'a QuoteWords,
}

impl BlockCx<'_> {
    /// Pairs the marks of one block; returns whether its last quotation continues into the next.
    fn pair(
        &self,
        cands: &[Candidate],
        carry: Carry,
        next: (bool, bool),
        out: &mut Pairing,
    ) -> Carry {
        let first_quotation = out.quotations.len();
        let mut stack: Vec<Open> = Vec::new();
        let reopened = matches!(carry, Carry::Reopen);
        if let Carry::Open(q) = carry {
            stack.push(Open {
                start: self.block.span.start,
                ..q
            });
        }
        for (ci, c) in cands.iter().enumerate() {
            let dir = match c.lean {
                Lean::Open => Direction::Open,
                Lean::Close => Direction::Close,
                Lean::Either if stack.is_empty() => Direction::Open,
                Lean::Either => Direction::Close,
            };
            if c.after_digit && (stack.is_empty() || dir == Direction::Open) {
                continue; // an inch mark
            }
            out.marks.push(Mark {
                span: c.span,
                direction: dir,
                straight: c.straight,
            });
            match dir {
                Direction::Open => self.open(c, ci == 0 && reopened, &mut stack, out),
                Direction::Close => match stack.pop() {
                    // an inner pair only if the outer quotation closes next; otherwise the
                    // nested mark was stray and this mark closes the outer quotation
                    Some(inner)
                        if stack.len() == 1
                            && cands.get(ci + 1).is_none_or(|n| n.lean == Lean::Open) =>
                    {
                        let q = stack.pop().expect("an outer quotation");
                        let upto = cands
                            .get(ci + 1)
                            .map_or(self.block.span.end, |n| n.span.start);
                        match self.lost_before(&q, &inner, c.span.end, upto) {
                            Some(hint) => {
                                // the outer quotation lost its closing mark before the sentence
                                // that holds the inner pair: report that instead
                                if let Some(i) = inner.issue {
                                    out.issues[i] = QuoteIssue {
                                        kind: IssueKind::Unclosed(Cause::Interrupted),
                                        mark: q.mark,
                                        block: self.index,
                                        other: None,
                                        end_hint: Some(hint),
                                        inner_close: None,
                                    };
                                }
                                self.quotation(out, &q, None, hint, false);
                                self.quotation(out, &inner, Some(c.span), c.span.end, false);
                            }
                            None => self.quotation(out, &q, Some(c.span), c.span.end, false),
                        }
                    }
                    Some(inner) if !stack.is_empty() => {
                        if let Some(i) = inner.issue {
                            out.issues[i].inner_close = Some(c.span);
                        }
                    }
                    Some(q) => self.quotation(out, &q, Some(c.span), c.span.end, false),
                    None => out.issues.push(QuoteIssue {
                        kind: IssueKind::UnmatchedClose,
                        mark: c.span,
                        block: self.index,
                        other: None,
                        end_hint: None,
                        inner_close: None,
                    }),
                },
            }
        }
        let continues = self.finish(stack, next, out);
        out.quotations[first_quotation..].sort_by_key(|q| q.span.start);
        continues
    }

    fn open(&self, c: &Candidate, reopened: bool, stack: &mut Vec<Open>, out: &mut Pairing) {
        let speech = reopened || self.opens_speech(c.span);
        let Some(q) = stack.first().copied() else {
            stack.push(Open::at(c.span, speech));
            return;
        };
        if stack.len() == 1 {
            let lost = match self.attribution(q.mark.end, c.span.start) {
                Some(end) => Some((end, Cause::Attribution)),
                None => self
                    .lead_in(q.mark.end, c.span.start)
                    .map(|end| (end, Cause::LeadIn)),
            };
            if let Some((end, cause)) = lost {
                self.unclosed(out, &q, end, cause);
                stack[0] = Open::at(c.span, speech);
                return;
            }
            if q.speech && self.reopens(c.span) {
                // paragraphs run together: the quotation continued into the next one
                self.quotation(out, &q, None, c.span.start, true);
                stack[0] = Open::at(c.span, true);
                return;
            }
            if !q.speech && speech {
                let end = self.clause_end(q.mark.end);
                self.unclosed(out, &q, end.min(c.span.start), Cause::Interrupted);
                stack[0] = Open::at(c.span, speech);
                return;
            }
        }
        out.issues.push(QuoteIssue {
            kind: IssueKind::Nested,
            mark: c.span,
            block: self.index,
            other: Some(q.mark),
            end_hint: None,
            inner_close: None,
        });
        if stack.len() == 1 {
            stack.push(Open {
                mark: c.span,
                start: c.span.start,
                speech,
                issue: Some(out.issues.len() - 1),
            });
        }
    }

    /// Settles what is still open at the end of the block.
    fn finish(&self, mut stack: Vec<Open>, next: (bool, bool), out: &mut Pairing) -> Carry {
        let (next_opens, next_continues) = next;
        let end = self.block.span.end;
        if stack.len() == 2 {
            // the stray mark's pair never closed: it is a stray mark on its own
            stack.pop();
        }
        let Some(q) = stack.pop() else {
            return Carry::Nothing;
        };
        // a stray nested mark followed by a single closing mark: that mark closes the outer
        if let Some(i) = out
            .issues
            .iter()
            .rposition(|i| i.kind == IssueKind::Nested && i.other == Some(q.mark))
        {
            if let Some(close) = out.issues[i].inner_close.take() {
                self.quotation(out, &q, Some(close), close.end, false);
                return Carry::Nothing;
            }
        }
        if let Some(at) = self.attribution(q.mark.end, end) {
            self.unclosed(out, &q, at, Cause::Attribution);
            return Carry::Nothing;
        }
        if next_continues {
            self.quotation(out, &q, None, end, true);
            return Carry::Open(q);
        }
        if q.speech && next_opens {
            self.quotation(out, &q, None, end, true);
            return Carry::Reopen;
        }
        let hint = if q.speech {
            end
        } else {
            self.clause_end(q.mark.end)
        };
        self.unclosed(out, &q, hint, Cause::RunsOn);
        Carry::Nothing
    }

    fn quotation(
        &self,
        out: &mut Pairing,
        q: &Open,
        close: Option<Span>,
        end: usize,
        continues: bool,
    ) {
        out.quotations.push(Quotation {
            open: q.mark,
            close,
            span: Span::new(q.start, end.max(q.start)),
            block: self.index,
            continues,
        });
    }

    fn unclosed(&self, out: &mut Pairing, q: &Open, hint: usize, cause: Cause) {
        out.issues.push(QuoteIssue {
            kind: IssueKind::Unclosed(cause),
            mark: q.mark,
            block: self.index,
            other: None,
            end_hint: Some(hint),
            inner_close: None,
        });
        // quoted speech as far as it probably goes
        self.quotation(out, q, None, hint, false);
    }

    /// Where the sentence that leads in to a quotation opening at `to` starts ("He added:",
    /// "Mr Ode, the coach, said,"), when it starts after `from`: the previous quotation
    /// should have ended before it. Returns the end of the sentence before it.
    fn lead_in(&self, from: usize, to: usize) -> Option<usize> {
        let s = self.text[from..to].trim_end();
        if !s.ends_with([':', ',']) {
            return None;
        }
        let start = sentence_starts(s).last().copied()?;
        let lead = &s[start..];
        let words: Vec<&str> = lead.split_whitespace().collect();
        let first_upper = lead.chars().next().is_some_and(char::is_uppercase);
        let saying = words.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            self.words.verbs.contains(&w.to_lowercase())
        });
        (first_upper && saying && words.len() <= 12).then(|| from + s[..start].trim_end().len())
    }

    /// For an outer quotation `q` and a mark `inner` opened inside it whose closing mark ends
    /// at `close_end`, with no other closing mark after it: whether `q` rather lost its
    /// closing mark at the end of a sentence before `inner` (`"We won. It is a "new era" for
    /// the club and its fans in the town.`). Tells by the inner mark opening mid-sentence and
    /// plain prose, not an attribution, running on after the closing mark. Returns the end of
    /// that sentence.
    fn lost_before(&self, q: &Open, inner: &Open, close_end: usize, upto: usize) -> Option<usize> {
        if inner.speech {
            return None;
        }
        let after = &self.text[close_end..upto];
        // `…,” the engineer said.` / `…” says the board`: the attribution of the whole
        let attributed = attribution::find(self.text, close_end, upto, self.words).is_some()
            || after.split_whitespace().take(4).any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                self.words.verbs.contains(&w.to_lowercase())
            });
        if after.split_whitespace().count() < 6 || attributed {
            return None;
        }
        let between = &self.text[q.mark.end..inner.mark.start];
        let start = sentence_starts(between).last().copied()?;
        Some(q.mark.end + between[..start].trim_end().len())
    }

    fn attribution(&self, from: usize, to: usize) -> Option<usize> {
        attribution::find(self.text, from, to, self.words)
    }

    /// The visible character before `at` within the block, and the one after `mark`.
    fn neighbours(&self, mark: Span) -> (Option<char>, bool, Option<char>) {
        let before = &self.text[self.block.span.start..mark.start];
        let trimmed = before.trim_end();
        let spaced = trimmed.len() < before.len();
        let next = self.text[mark.end..self.block.span.end].chars().next();
        (trimmed.chars().next_back(), spaced, next)
    }

    /// What follows an opening mark that starts a sentence of speech.
    fn starts_sentence(next: Option<char>) -> bool {
        next.is_some_and(|n| {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '(' | '[' | '.' | '…' | '\'' | '‘' | '$' | '£' | '€')
        })
    }

    /// Whether an opening mark opens like speech: at the start of the paragraph or of a
    /// sentence, after a colon, comma or a verb of saying, before a capital.
    fn opens_speech(&self, mark: Span) -> bool {
        let (prev, _, next) = self.neighbours(mark);
        let Some(p) = prev else {
            return true;
        };
        let after = matches!(
            p,
            '.' | '!' | '?' | '…' | ':' | ',' | ';' | '—' | '–' | '-' | '(' | '"' | '”'
        ) || self.after_saying(mark.start);
        // `he says, "is …`: a verb of saying and a comma or colon lead in to any words
        let led_in = matches!(p, ',' | ':') && self.after_saying(mark.start);
        (after && Self::starts_sentence(next))
            || led_in
            || (p == ',' && self.resumes_after_attribution(mark))
    }

    /// An opening mark that resumes a quotation split by an attribution:
    /// `"…," said Ms Ito, "but …`.
    fn resumes_after_attribution(&self, mark: Span) -> bool {
        let before = &self.text[self.block.span.start..mark.start];
        let Some(close) = before.rfind(['"', '”']) else {
            return false;
        };
        let between = &before[close..].trim_start_matches(['"', '”']);
        let words: Vec<&str> = between.split_whitespace().collect();
        words.len() <= 10
            && words.iter().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                self.words.verbs.contains(&w.to_lowercase())
            })
    }

    /// Whether an opening mark inside an open quotation is the reopening mark of a paragraph
    /// that was run into the previous one: after the end of a sentence and a space.
    fn reopens(&self, mark: Span) -> bool {
        let (_, spaced, next) = self.neighbours(mark);
        let before = self.text[self.block.span.start..mark.start]
            .trim_end()
            .trim_end_matches(['\'', '’', ')', ']']);
        spaced && before.ends_with(['.', '!', '?', '…']) && Self::starts_sentence(next)
    }

    fn after_saying(&self, at: usize) -> bool {
        let before = self.text[self.block.span.start..at]
            .trim_end()
            .trim_end_matches([',', ':'])
            .trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        self.words.verbs.contains(&word.to_lowercase())
    }

    /// The end of the clause after `from` (before `,;:.!?` or a closing bracket), or of the
    /// block.
    fn clause_end(&self, from: usize) -> usize {
        let s = &self.text[from..self.block.span.end];
        s.find([',', ';', ':', '.', '!', '?', ')'])
            .map_or(self.block.span.end, |i| from + i)
    }
}
