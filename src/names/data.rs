//! The name lists of the lexicon (`rules/data/names.toml` and any extensions) as lookup sets.

use super::hash::{WordMap, WordSet};
use super::with_lower;
use crate::lexicon::Lexicon;

/// What the analyser knows about names, built once per rule set.
#[derive(Debug, Clone, Default)]
pub struct NameData {
    /// Chinese, Korean and Vietnamese family names, as written.
    pub family_first: WordSet,
    /// Romanisation variant groups; a spelling may sit in several groups.
    pub variants: Vec<Vec<String>>,
    /// Lower-cased spelling → the groups it belongs to.
    variant_index: WordMap<Vec<usize>>,
    /// Honorifics without their full stop (`Mr`, `Dr`).
    pub honorifics: WordSet,
    /// Courtesy honorifics (`Mr`, `Ms`), as opposed to styles such as `Lord`.
    pub courtesy: WordSet,
    /// Lower-case nouns that make a bare surname before them attributive ("family").
    pub attributive_after: WordSet,
    /// Title phrases as word sequences (`["Chief", "Cabinet", "Secretary"]`).
    pub titles: Phrases,
    /// Nationality adjectives as word sequences (`["South", "Korean"]`).
    pub nationalities: Phrases,
    pub particles: WordSet,
    pub mononyms: WordSet,
    /// Capitalised words that are never part of a person's name.
    pub not_people: WordSet,
    /// Multi-word entries of `not_people` ("Hong Kong").
    pub not_people_phrases: Vec<String>,
    /// Words before a given name that introduce a relative or a nickname ("his wife
    /// Sandra", "nicknamed Charly"): a given name there is not a cut name.
    pub relations: WordSet,
    /// Prepositions of place before a word that make it a place ("in Cuba").
    pub locatives: WordSet,
    /// Relatives, also across a comma ("his wife, Joan,").
    pub kin: WordSet,
    pub given_names: WordSet,
    /// Titles and honorifics that take a given name ("Prince Harry", "Sir Elton").
    pub given_name_titles: WordSet,
    /// Lower-case verbs of saying (`said`, `told`).
    pub speech_verbs: WordSet,
    /// Lower-case determiners (`the`, `a`).
    pub determiners: WordSet,
}

fn phrases(lex: &Lexicon, path: &str) -> Phrases {
    let mut by_first: WordMap<Vec<Vec<String>>> = WordMap::default();
    for p in lex.strings(path) {
        let words: Vec<String> = p.split_whitespace().map(str::to_owned).collect();
        if let Some(first) = words.first() {
            by_first.entry(first.clone()).or_default().push(words);
        }
    }
    for list in by_first.values_mut() {
        // longest first, so a prefix scan takes the longest phrase
        list.sort_by_key(|p| std::cmp::Reverse(p.len()));
    }
    Phrases { by_first }
}

/// Phrases as word sequences, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub struct Phrases {
    by_first: WordMap<Vec<Vec<String>>>,
}

impl Phrases {
    /// Length of the longest phrase that `words` starts with and that is shorter than `limit`
    /// words; 0 when none.
    pub fn prefix_len_below(&self, words: &[&str], limit: usize) -> usize {
        let Some(first) = words.first() else { return 0 };
        self.by_first.get(*first).map_or(0, |list| {
            list.iter()
                .find(|p| {
                    p.len() < limit
                        && p.len() <= words.len()
                        && p.iter().zip(words).all(|(a, b)| a == b)
                })
                .map_or(0, Vec::len)
        })
    }

    /// Length of the longest phrase that `words` starts with; 0 when none.
    pub fn prefix_len(&self, words: &[&str]) -> usize {
        self.prefix_len_below(words, usize::MAX)
    }

    /// Whether `w` alone is a phrase.
    pub fn has_word(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|l| l.iter().any(|p| p.len() == 1))
    }
}

fn owned(lex: &Lexicon, path: &str) -> WordSet {
    lex.strings(path).into_iter().map(str::to_owned).collect()
}

fn set(lex: &Lexicon, path: &str) -> WordSet {
    lex.set(path)
}

impl NameData {
    pub fn new(lex: &Lexicon) -> NameData {
        let mut family_first = WordSet::default();
        for list in ["surnames.chinese", "surnames.korean", "surnames.vietnamese"] {
            family_first.extend(owned(lex, list));
        }
        let variants: Vec<Vec<String>> = lex
            .groups("variants", "group")
            .into_iter()
            .map(|g| g.into_iter().map(str::to_owned).collect())
            .collect();
        let mut variant_index: WordMap<Vec<usize>> = WordMap::default();
        for (i, g) in variants.iter().enumerate() {
            for s in g {
                variant_index.entry(s.to_lowercase()).or_default().push(i);
            }
        }
        let honorifics = lex
            .strings("honorifics.forms")
            .into_iter()
            .filter(|h| !h.contains(' '))
            .map(str::to_owned)
            .collect();
        NameData {
            family_first,
            variants,
            variant_index,
            honorifics,
            courtesy: owned(lex, "honorifics.courtesy"),
            attributive_after: set(lex, "honorifics.attributive_after"),
            titles: phrases(lex, "titles.words"),
            nationalities: phrases(lex, "titles.nationality_adjectives"),
            particles: owned(lex, "particles.words"),
            mononyms: owned(lex, "mononyms.names"),
            not_people: owned(lex, "not_people.words"),
            not_people_phrases: lex
                .strings("not_people.words")
                .into_iter()
                .filter(|w| w.contains(' '))
                .map(str::to_owned)
                .collect(),
            relations: set(lex, "given_names.after"),
            kin: set(lex, "given_names.kin"),
            locatives: set(lex, "given_names.not_after"),
            given_names: owned(lex, "given_names.names"),
            given_name_titles: owned(lex, "given_names.titles"),
            speech_verbs: set(lex, "attribution_verbs"),
            determiners: set(lex, "determiners"),
        }
    }

    /// Whether two spellings share a romanisation variant group (groups are not merged).
    pub fn are_variants(&self, a: &str, b: &str) -> bool {
        let (Some(ga), Some(gb)) = (
            with_lower(a, |a| self.variant_index.get(a)),
            with_lower(b, |b| self.variant_index.get(b)),
        ) else {
            return false;
        };
        ga.iter().any(|g| gb.contains(g))
    }

    /// Whether `word` is a known honorific, with or without its full stop.
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word.trim_end_matches('.'))
    }

    /// The length (in words) of the title phrase at the start of `words`, a nationality
    /// adjective before it included ("South Korean Foreign Minister"); 0 when none.
    pub fn title_len(&self, words: &[&str]) -> usize {
        let nat = self.nationalities.prefix_len(words);
        let t = self.titles.prefix_len(&words[nat..]);
        if t == 0 {
            return 0;
        }
        // titles chain: "Deputy Foreign Minister", "Former Prime Minister"
        let more = self.title_len(&words[nat + t..]);
        nat + t + more
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load() {
        let d = NameData::new(&Lexicon::builtin());
        assert!(d.family_first.contains("Kim"));
        assert!(d.are_variants("Chen", "Chan"));
        assert!(!d.are_variants("Chen", "Cheng"));
        // "Wong" is in the Wang and the Huang groups; Wang and Huang are not variants
        assert!(d.are_variants("Wong", "Huang") && d.are_variants("Wong", "Wang"));
        assert!(!d.are_variants("Wang", "Huang"));
        assert!(d.is_honorific("Mr.") && !d.is_honorific("President"));
        assert_eq!(
            d.title_len(&["Chief", "Cabinet", "Secretary", "Yoshimasa"]),
            3
        );
        assert_eq!(d.title_len(&["Chinese", "President", "Xi"]), 2);
        assert_eq!(d.title_len(&["Chinese", "Xi"]), 0);
    }
}
