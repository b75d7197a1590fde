//! Spotting an attribution (", she said", ", said the minister") inside what the marks say is
//! still quoted speech: the sign of a closing mark that went missing before it.

use crate::lexicon::Lexicon;
use std::collections::HashSet;

/// The word lists the quotation analyser reads (from `rules/data/english.toml`).
#[derive(Debug, Clone, Default)]
pub struct QuoteWords {
    /// Verbs of saying (`said`, `told`, `added`).
    pub verbs: HashSet<String>,
    /// Pronouns that speak (`he`, `she`, `they`).
    pub pronouns: HashSet<String>,
    /// Determiners that start a speaker's description (`the minister`, `a spokesman`).
    pub determiners: HashSet<String>,
}

impl QuoteWords {
    pub fn new(lex: &Lexicon) -> QuoteWords {
        QuoteWords {
            verbs: lex.set("attribution_verbs"),
            pronouns: lex.set("speaker_pronouns"),
            determiners: lex.set("determiners"),
        }
    }

    fn is_verb(&self, w: &str) -> bool {
        self.verbs.contains(&w.to_lowercase())
    }

    /// A word that can start the name or description of a speaker.
    fn starts_speaker(&self, w: &str) -> bool {
        w.chars().next().is_some_and(char::is_uppercase)
            || self.pronouns.contains(w)
            || self.determiners.contains(w)
    }
}

/// Words a clause may run on for after the verb before it ends (`, she told the BBC on Monday.`).
const TAIL_WORDS: usize = 4;

/// The offset right after the comma (or `?`, `!`) that starts the first attribution in
/// `text[from..to]`: where a lost closing mark most probably stood.
pub fn find(text: &str, from: usize, to: usize, words: &QuoteWords) -> Option<usize> {
    let s = &text[from..to];
    for (i, c) in s.char_indices() {
        if !matches!(c, ',' | '?' | '!') || !s[i + 1..].starts_with([' ', '\n']) {
            continue;
        }
        let (clause, ended) = clause_words(&s[i + 1..]);
        if is_attribution(&clause, ended, words) {
            return Some(from + i + 1);
        }
    }
    None
}

/// The words of `s` up to the first punctuation mark (at most a dozen), and whether the clause
/// ends there (punctuation or the end of `s`) rather than running on.
fn clause_words(s: &str) -> (Vec<&str>, bool) {
    let mut out = Vec::new();
    for raw in s.split_whitespace() {
        let w = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
        let ends = w.len() < raw.len();
        if w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        {
            return (out, ends || w.is_empty());
        }
        out.push(w);
        if ends || out.len() >= 12 {
            return (out, ends);
        }
    }
    (out, true)
}

fn is_attribution(clause: &[&str], ended: bool, words: &QuoteWords) -> bool {
    if !ended || clause.len() < 2 {
        return false;
    }
    // ", said the minister." / ", added Smith,"
    if words.is_verb(clause[0]) && words.starts_speaker(clause[1]) {
        return clause.len() <= 7;
    }
    // ", she said." / ", the minister told the BBC." / ", Mr Smith added on Monday."
    let first = clause[0];
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let max_subject = if words.pronouns.contains(first) {
        1
    } else if words.determiners.contains(first)
        || (capitalised(first) && !first.chars().all(char::is_uppercase))
    {
        3
    } else {
        return false;
    };
    (1..=max_subject.min(clause.len() - 1))
        .find(|&k| words.is_verb(clause[k]))
        .is_some_and(|k| {
            clause.len() - k - 1 <= TAIL_WORDS
                // a name is capitalised throughout ("Mr Smith said", not "Time will tell")
                && (!capitalised(first) || clause[1..k].iter().all(|w| capitalised(w)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> QuoteWords {
        QuoteWords::new(&Lexicon::builtin())
    }

    fn at(t: &str) -> Option<&str> {
        find(t, 0, t.len(), &words()).map(|i| &t[..i])
    }

    #[test]
    fn finds_attributions() {
        assert_eq!(at("We will win, she said."), Some("We will win,"));
        assert_eq!(at("Enough, said the coach. Go."), Some("Enough,"));
        assert_eq!(
            at("It is done, the minister told the BBC on Monday."),
            Some("It is done,")
        );
        assert_eq!(at("Why? Mr Okafor asked."), Some("Why?"));
    }

    #[test]
    fn ordinary_speech_is_not_attribution() {
        assert_eq!(at("We came, we saw the town and we left for good."), None);
        assert_eq!(at("If so, the plan works."), None);
        assert_eq!(at("In June, NATO said nothing."), None);
        assert_eq!(at("Who knows? Time will tell."), None);
    }
}
