//! The lexicon compiled into the sets the document model and checks look words up in.

use crate::document::quotes::QuoteWords;
use crate::lexicon::{Dictionary, Lexicon};
use rustc_hash::{FxBuildHasher, FxHashSet as HashSet};

/// Lookup sets built once per run from a [`Lexicon`].
#[derive(Debug, Clone, Default)]
pub struct Language {
    /// Abbreviations as written, with their dots (`Mr.`, `a.m.`).
    pub abbreviations: HashSet<String>,
    /// Lower-cased forms of `abbreviations`.
    pub abbreviations_lower: HashSet<String>,
    /// Abbreviations that often end a sentence (`U.S.`, `Inc.`).
    pub final_abbreviations: HashSet<String>,
    /// Abbreviations that never open a sentence (`Ga.`, `Pa.`): one standing alone is a
    /// sentence of its own, not an abbreviation.
    pub non_initial_abbreviations: HashSet<String>,
    /// Lower-case function words that commonly start a sentence (`the`, `he`, `but`).
    pub sentence_starters: HashSet<String>,
    /// Lower-case dictionary words.
    pub dictionary: Dictionary,
    /// Words the quotation analyser reads (verbs of saying, speaker pronouns).
    pub quote_words: QuoteWords,
}

impl Language {
    pub fn new(lex: &Lexicon) -> Language {
        let abbreviations: HashSet<String> = lex
            .strings("abbreviations")
            .into_iter()
            .map(str::to_owned)
            .collect();
        let abbreviations_lower = abbreviations.iter().map(|a| a.to_lowercase()).collect();
        let final_abbreviations = lex
            .strings("abbreviations_sentence_final_ok")
            .into_iter()
            .map(str::to_owned)
            .collect();
        let non_initial_abbreviations = lex
            .strings("abbreviations_never_sentence_initial")
            .into_iter()
            .map(str::to_owned)
            .collect();
        let mut sentence_starters = HashSet::default();
        for list in [
            "determiners",
            "conjunctions",
            "prepositions",
            "speaker_pronouns",
            "sentence_starters",
        ] {
            sentence_starters.extend(lex.set::<FxBuildHasher>(list));
        }
        Language {
            abbreviations,
            abbreviations_lower,
            final_abbreviations,
            non_initial_abbreviations,
            sentence_starters,
            dictionary: lex.dictionary(),
            quote_words: QuoteWords::new(lex),
        }
    }

    /// Whether `word` (with its final dot) is a known abbreviation. A lower-case word matches
    /// a capitalised entry only when it has inner dots ("u.s."): "ill.", "sat." and "gen."
    /// are words ending a sentence, not "Ill.", "Sat." and "Gen.".
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
            || (word.chars().next().is_some_and(char::is_lowercase)
                && word.trim_end_matches('.').contains('.')
                && self.abbreviations_lower.contains(word))
    }

    /// Whether `word` is a dictionary word (any case).
    pub fn is_word(&self, word: &str) -> bool {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            return false;
        }
        if self.dictionary.contains(w) {
            return true;
        }
        if w.bytes()
            .all(|b| b.is_ascii_lowercase() || b == b'\'' || b == b'-')
        {
            return false;
        }
        let lower: String = w
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c == '’' { '\'' } else { c })
            .collect();
        self.dictionary.contains(&lower)
    }
}
