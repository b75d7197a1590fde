//! Spotting an attribution (", she said", ", said the minister") inside what the marks say is
//! still quoted speech: the sign of a closing mark that went missing before it.

use crate::lexicon::Lexicon;
use rustc_hash::{FxBuildHasher, FxHashSet};

/// The word lists the quotation analyser reads: `attribution_verbs`, `speaker_pronouns`,
/// `determiners`, `conjunctions`, `prepositions`, `modal_verbs` and `finite_verbs` from
/// `rules/data/english.toml`, and `quote_thought_verbs` from the `quotes` pack's lexicon.
#[derive(Debug, Clone, Default)]
pub struct QuoteWords {
    /// Verbs of saying (`said`, `told`, `added`): attribution verbs less verbs of thought
    /// (`think`, `believe`), which report no words.
    pub verbs: FxHashSet<String>,
    /// Pronouns that speak (`he`, `she`, `they`).
    pub pronouns: FxHashSet<String>,
    /// Determiners that start a speaker's description (`the minister`, `a spokesman`).
    pub determiners: FxHashSet<String>,
    /// Modal and finite verbs: a clause holding one before its verb of saying is no
    /// attribution ("Time will tell").
    pub other_verbs: FxHashSet<String>,
    /// Conjunctions and prepositions, which start no speaker's name (", and the board says").
    pub linking: FxHashSet<String>,
}

impl QuoteWords {
    pub fn new(lex: &Lexicon) -> QuoteWords {
        QuoteWords {
            verbs: &lex.set("attribution_verbs") - &lex.set("quote_thought_verbs"),
            pronouns: lex.set("speaker_pronouns"),
            determiners: lex.set("determiners"),
            other_verbs: lex
                .set::<FxBuildHasher>("modal_verbs")
                .into_iter()
                .chain(lex.set::<FxBuildHasher>("finite_verbs"))
                .collect(),
            linking: &lex.set("conjunctions") | &lex.set("prepositions"),
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
const TAIL_WORDS: usize = 5;

/// Words a speaker's name and description may take before the verb
/// (`, Global Metals chief executive Ana Ruiz said`).
const MAX_SUBJECT: usize = 6;

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
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    // ", said the minister." / ", said economy minister Ana Ruiz of the ministry."
    if words.is_verb(clause[0]) {
        return clause.len() <= 10
            && (words.starts_speaker(clause[1]) || clause[1..].iter().any(|w| capitalised(w)));
    }
    // ", she said." / ", the minister told the BBC." / ", party treasurer Ana Ruiz added."
    let Some(k) = (1..clause.len().min(MAX_SUBJECT + 1)).find(|&k| words.is_verb(clause[k])) else {
        return false;
    };
    let subject = &clause[..k];
    if subject
        .iter()
        .any(|w| words.other_verbs.contains(&w.to_lowercase()))
    {
        return false;
    }
    let first = subject[0];
    if words.linking.contains(&first.to_lowercase()) {
        return false;
    }
    let speaker = if k == 1 {
        // "she", "Okafor", "officials"
        !words.determiners.contains(first)
    } else {
        words.determiners.contains(first) || subject.iter().any(|w| capitalised(w))
    };
    // what follows the verb: a short tail ("on Monday", "the BBC"), not words it reports
    // (", people said 'you are dreaming'")
    let tail = &clause[k + 1..];
    let reports = tail.iter().any(|w| w.starts_with(['\'', '‘']));
    let limit = if k == 1 && !capitalised(first) && !words.pronouns.contains(first) {
        2
    } else {
        TAIL_WORDS
    };
    speaker && !reports && tail.len() <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> QuoteWords {
        crate::pack::RuleSet::builtin().lang.quote_words
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
        assert_eq!(
            at("Prices will rise, port authority chief Ana Ruiz told reporters."),
            Some("Prices will rise,")
        );
        assert_eq!(at("It works, said farm adviser Li Wen."), Some("It works,"));
    }

    #[test]
    fn ordinary_speech_is_not_attribution() {
        assert_eq!(at("We came, we saw the town and we left for good."), None);
        assert_eq!(at("If so, the plan works."), None);
        assert_eq!(at("We won, and the league thinks so too."), None);
        assert_eq!(at("It hurt, I think, more than the loss."), None);
        assert_eq!(at("Back then, fans said 'you are mad' to me."), None);
        assert_eq!(at("Who knows? Time will tell."), None);
    }
}
