//! Capitalised runs: the candidate names of a sentence, with what stands around them.

use super::data::NameData;
use super::hash::WordMap;
use super::with_lower;
use crate::document::{Document, Sentence, Token};
use crate::language::Language;
use crate::text::Span;

/// One word of a run, its possessive ending left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub span: Span,
    pub text: String,
}

/// An honorific written before a name ("Mr." or "Mr").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Honorific {
    /// The honorific with its full stop, if any.
    pub span: Span,
    pub text: String,
}

/// What a run of capitalised words is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// Two to four words shaped like a person's name.
    Full,
    /// One word: a surname, a given name, a mononym, a place...
    Single,
    /// An organisation, a place, an event, an acronym: not a person.
    Other,
}

/// A maximal run of capitalised words in body prose.
#[derive(Debug, Clone)]
pub struct Run {
    pub block: usize,
    pub sentence: usize,
    /// Every capitalised word of the run (leading function words such as "But" left out),
    /// honorific and title included.
    pub raw: Vec<Word>,
    /// The name part: `raw[name_start..]`.
    pub name_start: usize,
    pub honorific: Option<Honorific>,
    /// A title before the name ("Chinese President").
    pub title: Option<Word>,
    pub kind: RunKind,
    /// The name's first word opens its sentence (so its capital says nothing).
    pub sentence_initial: bool,
    pub in_quotes: bool,
    /// A determiner stands before the run ("the Blair government").
    pub after_determiner: bool,
    /// An appositive follows (", director of ...", ", a ... professor", ", 34,").
    pub appositive: bool,
    /// A verb of saying follows or precedes ("Shen said", "said Shen").
    pub speaks: bool,
    /// The next token is a lower-case word.
    pub next_lowercase: bool,
    /// The next token is a lower-case content word, as a verb would be ("Callum scored").
    pub next_verbish: bool,
    /// The last word carried a possessive ending.
    pub possessive: bool,
    /// The run continues a longer name joined by "of", "for" or "and" ("School of
    /// International Relations").
    pub continues_name: bool,
    /// The run is an item of a list of names ("Smith, Jones, Brown;"), as in team line-ups.
    pub listed: bool,
    /// "and", "of" and a capital follow ("William and Harry", "Bill of Rights").
    pub joined: bool,
    /// The word before the run, lower-cased ("wife", "nicknamed").
    pub prev_word: Option<String>,
    /// The word before a comma just before the run ("his wife, Joan").
    pub prev_word_comma: Option<String>,
    /// The next token, lower-cased, when it is a word.
    pub next_word: Option<String>,
    /// A role stands just before the run ("goalkeeper Owen", "the minister, Kenta,").
    pub after_role: bool,
}

impl Run {
    pub fn name(&self) -> &[Word] {
        &self.raw[self.name_start..]
    }

    /// The span of the name part.
    pub fn name_span(&self) -> Span {
        let n = self.name();
        Span::new(n[0].span.start, n[n.len() - 1].span.end)
    }

    /// The name part as written (words joined by what separates them in the text).
    pub fn name_text<'t>(&self, text: &'t str) -> &'t str {
        self.name_span().slice(text)
    }

    /// The single word of a one-word name.
    pub fn word(&self) -> &str {
        &self.name()[0].text
    }
}

fn strip_possessive(s: &str) -> (&str, bool) {
    for suf in ["’s", "'s", "’S", "'S"] {
        if let Some(r) = s.strip_suffix(suf) {
            if !r.is_empty() {
                return (r, true);
            }
        }
    }
    (s, false)
}

/// Whether a word token starts with a capital (after an "al-"/"el-" prefix).
pub fn is_cap(w: &str) -> bool {
    let body = w
        .strip_prefix("al-")
        .or_else(|| w.strip_prefix("el-"))
        .unwrap_or(w);
    body.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Dictionary look-ups remembered over one article, where the same names recur.
#[derive(Default)]
pub(super) struct Dictionary {
    known: WordMap<bool>,
}

impl Dictionary {
    /// [`Language::is_word`], remembered.
    pub(super) fn is_word(&mut self, lang: &Language, w: &str) -> bool {
        if let Some(&known) = self.known.get(w) {
            return known;
        }
        let known = lang.is_word(w);
        self.known.insert(w.to_owned(), known);
        known
    }

    /// What was found for `w`, if it was looked up.
    pub(super) fn known(&self, w: &str) -> Option<bool> {
        self.known.get(w).copied()
    }
}

/// The runs of one sentence.
pub(super) fn scan_sentence(
    doc: &Document<'_>,
    si: usize,
    s: &Sentence,
    data: &NameData,
    lang: &Language,
    dict: &mut Dictionary,
    out: &mut Vec<Run>,
) {
    let text: &str = &doc.text;
    let toks = doc.sentence_tokens(s);
    let first_word = toks.iter().position(Token::is_word);
    let word_at = |i: usize| toks.get(i).filter(|t| t.is_word()).map(|t| t.text(text));
    let mut idx: Vec<usize> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if !(t.is_word() && is_cap(t.text(text))) {
            i += 1;
            continue;
        }
        idx.clear();
        idx.push(i);
        let mut j = i;
        loop {
            let cur = toks[j].text(text);
            if strip_possessive(cur).1 {
                break;
            }
            let next = toks.get(j + 1);
            let Some(n) = next else { break };
            let nt = n.text(text);
            if n.is_word() && is_cap(nt) && no_gap(text, toks[j], *n) {
                j += 1;
                idx.push(j);
                continue;
            }
            // "Mr. Kim", "George W. Bush"
            let initial_or_hon = cur.chars().count() == 1 || data.is_honorific(cur);
            if nt == "."
                && initial_or_hon
                && word_at(j + 2).is_some_and(is_cap)
                && toks[j].span.end == n.span.start
            {
                j += 2;
                idx.push(j);
                continue;
            }
            // "Ursula von der Leyen", "Mohammed bin Salman"
            if n.is_word() && data.particles.contains(nt) {
                let mut k = j + 1;
                while word_at(k).is_some_and(|w| data.particles.contains(w)) {
                    k += 1;
                }
                if word_at(k).is_some_and(is_cap) && k - j <= 3 {
                    j = k;
                    idx.push(j);
                    continue;
                }
            }
            break;
        }
        let end = j + 1;
        // the words without their possessive ending; only the last can carry one
        words.clear();
        words.extend(idx.iter().map(|&k| strip_possessive(toks[k].text(text)).0));
        let possessive = idx
            .last()
            .is_some_and(|&k| strip_possessive(toks[k].text(text)).1);
        // leading function words ("But", "In") are not part of a name
        let mut lead = 0;
        while lead < words.len() {
            let w = words[lead];
            let function_word = with_lower(w, |l| lang.sentence_starters.contains(l));
            // "Later Mr Delgado": an ordinary word capitalised only because it opens the
            // sentence
            let rest = &words[lead + 1..];
            let opener = Some(idx[lead]) == first_word
                && (rest.len() >= 2
                    || rest
                        .first()
                        .is_some_and(|r| data.is_honorific(r) || data.title_len(rest) > 0))
                && dict.is_word(lang, w)
                && !data.given_names.contains(w)
                && !data.family_first.contains(w)
                && !data.is_honorific(w)
                && data.title_len(&words[lead..]) == 0;
            if !(function_word || opener) {
                break;
            }
            lead += 1;
        }
        if lead < words.len() {
            let raw: Vec<Word> = idx[lead..]
                .iter()
                .zip(&words[lead..])
                .map(|(&k, w)| Word {
                    span: Span::new(toks[k].span.start, toks[k].span.start + w.len()),
                    text: (*w).to_owned(),
                })
                .collect();
            let first_tok = idx[lead];
            let mut run = classify(raw, &words[lead..], data, lang, dict);
            if let Some(h) = &mut run.honorific {
                if text[h.span.end..].starts_with('.') {
                    h.span.end += 1;
                }
                h.text = h.span.slice(text).to_owned();
            }
            run.block = s.block;
            run.sentence = si;
            run.sentence_initial = Some(first_tok) == first_word && run.name_start == 0;
            run.possessive = possessive;
            super::context::describe(&mut run, toks, first_tok, end, text, data, lang, possessive);
            let name = run.name_span();
            run.in_quotes = doc.in_quotes(name);
            out.push(run);
        }
        i = end;
    }
}

fn no_gap(text: &str, a: Token, b: Token) -> bool {
    let between = &text[a.span.end..b.span.start];
    between == " " || between == "\u{a0}"
}

/// Splits a run into honorific, title and name, and says what the name is.
/// `words` are the texts of `raw`.
fn classify(
    raw: Vec<Word>,
    words: &[&str],
    data: &NameData,
    lang: &Language,
    dict: &mut Dictionary,
) -> Run {
    let mut name_start = 0;
    let mut honorific = None;
    let mut title = None;
    if words.len() > 1 && data.is_honorific(words[0]) {
        honorific = Some(Honorific {
            span: raw[0].span,
            text: words[0].to_owned(),
        });
        name_start = 1;
    } else {
        let t = data.title_len(words);
        if t > 0 && t < words.len() {
            title = Some(Word {
                span: Span::new(raw[0].span.start, raw[t - 1].span.end),
                text: words[..t].join(" "),
            });
            name_start = t;
        }
    }
    let name = &words[name_start..];
    let kind = kind_of(name, data, lang, dict);
    Run {
        block: 0,
        sentence: 0,
        raw,
        name_start,
        honorific,
        title,
        kind,
        sentence_initial: false,
        in_quotes: false,
        after_determiner: false,
        appositive: false,
        speaks: false,
        next_lowercase: false,
        next_verbish: false,
        possessive: false,
        continues_name: false,
        listed: false,
        joined: false,
        prev_word: None,
        after_role: false,
        next_word: None,
        prev_word_comma: None,
    }
}

fn kind_of(name: &[&str], data: &NameData, lang: &Language, dict: &mut Dictionary) -> RunKind {
    let single_nat = |w: &str| data.nationalities.has_word(w);
    let other = name.iter().any(|w| {
        data.not_people.contains(*w)
            || is_acronym(w)
            || single_nat(w)
            || w.chars().any(|c| c.is_ascii_digit())
    });
    // the multi-word entries hold a space: a lone word without one cannot contain them
    let other = other
        || ((name.len() > 1 || name.iter().any(|w| w.contains(' '))) && {
            let joined = name.join(" ");
            data.not_people_phrases
                .iter()
                .any(|p| joined.contains(p.as_str()))
        });
    if other || name.len() > 4 {
        return RunKind::Other;
    }
    if name.len() == 1 {
        return RunKind::Single;
    }
    let mut nameish = |w: &str| {
        data.given_names.contains(w) || data.family_first.contains(w) || !dict.is_word(lang, w)
    };
    let first = name[0];
    let last = name[name.len() - 1];
    if nameish(first) || (name.len() <= 3 && !dict.is_word(lang, last)) {
        RunKind::Full
    } else {
        RunKind::Other
    }
}
