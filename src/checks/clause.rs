//! What the translation-artefact checks share: their word lists, read once from the lexicon,
//! and a view of a sentence as words with the sentences around it.
//!
//! Every list is lexicon data (`rules/data/english.toml`, or the `[lexicon.translation]` table
//! of a pack) so a newsroom can extend it.

use crate::document::{Document, Sentence, Token, TokenKind};
use crate::lexicon::Lexicon;
use crate::text::Span;
use rustc_hash::{FxBuildHasher, FxHashSet};

/// The word lists of the translation checks, lower-cased unless noted.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// Verb forms that mark a named speaker in the sentence ("said", "told", "argues"),
    /// without the noun homographs of the shared `attribution_verbs` ("state", "report").
    pub speech_verbs: FxHashSet<String>,
    /// The core speech verbs, which also stand before their speaker ("said a scholar").
    pub inverting_verbs: FxHashSet<String>,
    /// Multiword attribution markers, as lower-case word sequences.
    pub attribution_phrases: Vec<Vec<String>>,
    pub speaker_pronouns: FxHashSet<String>,
    pub modal_verbs: FxHashSet<String>,
    pub finite_verbs: FxHashSet<String>,
    /// Words a complete sentence does not end on ("the", "and").
    pub dangling_endings: FxHashSet<String>,
    /// Whole sentences that are a subject and verb cut off from the rest ("there is").
    pub truncated_clauses: FxHashSet<String>,
    /// One- or two-word sentences that are complete on their own ("yes", "no comment").
    pub interjections: FxHashSet<String>,
    /// Brands spelt with a lower-case first letter, as written (case-sensitive).
    pub lowercase_brands: FxHashSet<String>,
    /// Words that open a speaker phrase after an inverted attribution verb ("said a ...").
    pub speaker_openers: FxHashSet<String>,
    /// Words that open a reported clause rather than a speaker ("said that ...").
    pub clause_openers: FxHashSet<String>,
    /// Words that open a relative clause inside a speaker phrase ("who", "which").
    pub relative_pronouns: FxHashSet<String>,
}

impl Vocab {
    pub fn new(lex: &Lexicon) -> Vocab {
        let phrases = |path: &str| -> Vec<Vec<String>> {
            lex.set::<FxBuildHasher>(path)
                .into_iter()
                .map(|p| p.split_whitespace().map(str::to_owned).collect())
                .collect()
        };
        Vocab {
            speech_verbs: lex.set("translation.speech_verbs"),
            inverting_verbs: lex.set("translation.inverting_verbs"),
            attribution_phrases: phrases("attribution_phrases"),
            speaker_pronouns: lex.set("speaker_pronouns"),
            modal_verbs: lex.set("modal_verbs"),
            finite_verbs: lex.set("finite_verbs"),
            dangling_endings: lex.set("translation.dangling_endings"),
            truncated_clauses: lex.set("truncated_clauses"),
            interjections: lex.set("interjections"),
            lowercase_brands: lex
                .strings("lowercase_brands")
                .into_iter()
                .map(str::to_owned)
                .collect(),
            speaker_openers: lex.set("translation.speaker_openers"),
            clause_openers: lex.set("translation.clause_openers"),
            relative_pronouns: lex.set("translation.relative_pronouns"),
        }
    }

    /// Whether `words` (lower-case) hold a speech verb or an attribution phrase.
    pub fn has_attribution(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.speech_verbs.contains(*w)) || self.has_phrase(words)
    }

    /// Whether `words` (lower-case) hold an attribution phrase ("according to").
    pub fn has_phrase(&self, words: &[&str]) -> bool {
        self.attribution_phrases
            .iter()
            .any(|p| !p.is_empty() && words.windows(p.len()).any(|w| same_words(w, p)))
    }

    /// Whether `words` (lower-case) are exactly an attribution phrase ("told reporters").
    pub fn is_attribution_phrase(&self, words: &[&str]) -> bool {
        self.attribution_phrases.iter().any(|p| p == words)
    }
}

/// Whether lower-cased `words` equal `phrase` word for word.
fn same_words(words: &[&str], phrase: &[String]) -> bool {
    words.len() == phrase.len() && words.iter().zip(phrase).all(|(w, p)| *w == p)
}

/// Lower-cases `w` and writes the curly apostrophe straight.
pub(crate) fn lower(w: &str) -> String {
    w.to_lowercase().replace('’', "'")
}

/// A sentence of a body block, seen as its words.
#[derive(Debug, Clone)]
pub(crate) struct View<'d> {
    pub sentence: &'d Sentence,
    pub tokens: &'d [Token],
    /// Word and number tokens.
    pub words: Vec<Token>,
    /// Their lower-cased text.
    pub lower: Vec<&'d str>,
}

impl<'d> View<'d> {
    pub fn new(doc: &'d Document<'d>, index: usize) -> View<'d> {
        let sentence = &doc.sentences[index];
        let tokens = doc.sentence_tokens(sentence);
        let (words, lower) = sentence
            .tokens
            .clone()
            .filter(|&i| doc.tokens[i].kind != TokenKind::Punct)
            .map(|i| (doc.tokens[i], doc.lower(i)))
            .unzip();
        View {
            sentence,
            tokens,
            words,
            lower,
        }
    }

    pub fn span(&self) -> Span {
        self.sentence.span
    }

    /// The sentence's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.sentence.span.slice(text)
    }

    /// The final terminator run without closing quotes and brackets ("." or "?" or "...").
    pub fn terminator<'t>(&self, text: &'t str) -> &'t str {
        let t = self.text(text).trim_end_matches(is_closer);
        let cut = t.trim_end_matches(['.', '!', '?', '…']);
        &t[cut.len()..]
    }

    /// Whether the sentence ends with a single full stop (not an ellipsis, `?` or `!`).
    pub fn ends_with_full_stop(&self, text: &str) -> bool {
        self.terminator(text) == "."
    }

    /// Whether the sentence ends with a closing quotation mark.
    pub fn ends_with_quote(&self, text: &str) -> bool {
        self.text(text)
            .trim_end_matches([')', ']'])
            .ends_with(['"', '”', '\'', '’', '»'])
    }

    /// Whether the first word starts with a lower-case letter.
    pub fn starts_lower(&self, text: &str) -> bool {
        self.text(text)
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
    }

    /// Whether only sentence-final punctuation follows the last word.
    pub fn clean_ending(&self, text: &str) -> bool {
        let Some(last_word) = self.words.last() else {
            return false;
        };
        text[last_word.span.end..self.sentence.span.end]
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…'))
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Whether sentence `i` is body prose with no quoted speech in it.
pub(crate) fn is_body_prose(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[i];
    doc.blocks[s.block].is_body() && !doc.touches_quotes(s.span)
}

/// The body-prose sentences of `doc` (see [`is_body_prose`]) as views, with their indexes.
pub(crate) fn body_views<'d>(
    doc: &'d Document<'d>,
) -> impl Iterator<Item = (usize, View<'d>)> + 'd {
    (0..doc.sentences.len())
        .filter(move |&i| is_body_prose(doc, i))
        .map(move |i| (i, View::new(doc, i)))
}

/// Whether sentence `i` is body prose not wholly inside quoted speech (it may quote a phrase).
pub(crate) fn is_body_sentence(doc: &Document<'_>, i: usize) -> bool {
    let s = &doc.sentences[i];
    doc.blocks[s.block].is_body() && !doc.in_quotes(s.span)
}

/// The sentence before `i` in the same block.
pub(crate) fn previous_in_block(doc: &Document<'_>, i: usize) -> Option<usize> {
    let prev = i.checked_sub(1)?;
    (doc.sentences[prev].block == doc.sentences[i].block).then_some(prev)
}

/// The sentence after `i` in the same block.
pub(crate) fn next_in_block(doc: &Document<'_>, i: usize) -> Option<usize> {
    let next = i + 1;
    (next < doc.sentences.len() && doc.sentences[next].block == doc.sentences[i].block)
        .then_some(next)
}

/// The span that deletes sentence `i` with the white space before it (or after it, when it
/// opens its block).
pub(crate) fn deletion_span(doc: &Document<'_>, i: usize) -> Span {
    let span = doc.sentences[i].span;
    let text: &str = &doc.text;
    if previous_in_block(doc, i).is_some() {
        let before = text[..span.start].trim_end_matches([' ', '\t']);
        Span::new(before.len(), span.end)
    } else {
        let after = text[span.end..].len() - text[span.end..].trim_start_matches([' ', '\t']).len();
        Span::new(span.start, span.end + after)
    }
}

/// How an attribution-only sentence names its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orphan {
    /// No one named: "said.", "he said.", "said in a statement."
    Bare,
    /// A speaker phrase: "said a Chinese scholar.", "the minister added."
    Speaker,
}

/// Whether `v` is a sentence that is only an attribution, and of which sort.
///
/// Lower-case forms ("said.", "said a scholar.", "he said.", "officials said.") always count;
/// a capitalised one only when it is a bare verb or pronoun and verb ("Said.", "He added."),
/// so that an inverted attribution opening a quotation ('Said one official: "..."') stays.
pub(crate) fn attribution_only(vocab: &Vocab, text: &str, v: &View<'_>) -> Option<Orphan> {
    let n = v.words.len();
    if n == 0 || n > 24 || !v.clean_ending(text) || v.terminator(text) != "." {
        return None;
    }
    if v.tokens.iter().any(|t| {
        t.kind == TokenKind::Punct && matches!(t.text(text), ":" | ";" | "\"" | "“" | "”" | "—")
    }) {
        return None;
    }
    let w = &v.lower;
    let lower_start = v.starts_lower(text);
    let verb_at = |i: usize| w.get(i).is_some_and(|x| vocab.speech_verbs.contains(*x));
    // bare: "said." / "he said." / "said in a statement."
    if verb_at(0) && (n == 1 || vocab.is_attribution_phrase(w)) {
        return Some(Orphan::Bare);
    }
    if n == 2 && vocab.speaker_pronouns.contains(w[0]) && verb_at(1) {
        return Some(Orphan::Bare);
    }
    // inverted: "said a Chinese scholar." / "added Mr Lee, a diplomat." A capitalised one
    // ending in a full stop, with no quotation, has lost its quotation too.
    if vocab.inverting_verbs.contains(w[0])
        && (lower_start || n <= 12)
        && speaker_phrase(vocab, text, v, 1)
    {
        return Some(Orphan::Speaker);
    }
    if !lower_start {
        return None;
    }
    // "according to analysts."
    if let Some(p) = vocab
        .attribution_phrases
        .iter()
        .find(|p| p.len() < n && same_words(&w[..p.len()], p))
    {
        if speaker_phrase(vocab, text, v, p.len()) {
            return Some(Orphan::Speaker);
        }
    }
    // "the minister said." / "officials added."
    if n <= 5 && verb_at(n - 1) && !w[..n - 1].iter().any(|x| is_verbish(vocab, x)) {
        return Some(Orphan::Speaker);
    }
    None
}

fn is_verbish(vocab: &Vocab, w: &str) -> bool {
    vocab.finite_verbs.contains(w)
        || vocab.modal_verbs.contains(w)
        || vocab.clause_openers.contains(w)
}

/// Whether the words of `v` from `from` on read as a speaker ("a Chinese scholar", "Chen Qi of
/// the institute", "reporters") rather than a clause ("that prices rose").
fn speaker_phrase(vocab: &Vocab, text: &str, v: &View<'_>, from: usize) -> bool {
    let rest = &v.lower[from..];
    let Some(first) = rest.first() else {
        return false;
    };
    let capitalised = v.words[from].is_capitalised(text);
    if !(capitalised || vocab.speaker_openers.contains(*first)) {
        return false;
    }
    // a speaker phrase may hold a relative clause ("who asked not to be named"), not a
    // clause of its own
    let mut in_relative = false;
    for w in rest {
        if vocab.relative_pronouns.contains(*w) {
            in_relative = true;
        }
        if !in_relative && is_verbish(vocab, w) {
            return false;
        }
    }
    true
}

/// Whether the final clause of `v` (after its last comma or closing quotation mark) holds an
/// attribution: "..., said Chen Qi of the institute." or "“...,” he said."
pub(crate) fn ends_with_attribution(vocab: &Vocab, text: &str, v: &View<'_>) -> bool {
    let cut = v
        .tokens
        .iter()
        .rev()
        .skip(1)
        .find(|t| {
            t.kind == TokenKind::Punct && matches!(t.text(text), "," | "”" | "\"" | ";" | "—")
        })
        .map_or(v.sentence.span.start, |t| t.span.end);
    let tail: Vec<&str> = v
        .words
        .iter()
        .zip(&v.lower)
        .filter(|(t, _)| t.span.start >= cut)
        .map(|(_, l)| *l)
        .collect();
    // only the core verbs of speech: "what it promised" ends no sentence on an attribution
    !tail.is_empty()
        && tail.len() <= 16
        && (tail.iter().any(|w| vocab.inverting_verbs.contains(*w)) || vocab.has_phrase(&tail))
}

#[cfg(test)]
pub(crate) mod testing {
    use crate::document::Format;
    use crate::pack::RuleSet;
    use std::sync::{Arc, OnceLock};

    /// The built-in rule set, compiled once for the tests.
    pub fn rules() -> Arc<RuleSet> {
        static SET: OnceLock<Arc<RuleSet>> = OnceLock::new();
        SET.get_or_init(|| Arc::new(RuleSet::builtin())).clone()
    }

    /// The spans' texts that rule `id` flags in `text`.
    pub fn flagged(id: &str, text: &str) -> Vec<String> {
        let linter = crate::linter::Linter::only(rules(), id).expect("rule exists");
        linter
            .lint(text, Format::Plain)
            .iter()
            .map(|d| d.span.slice(text).to_owned())
            .collect()
    }
}
