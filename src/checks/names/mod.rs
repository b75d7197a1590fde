//! The name checks: one file per check kind, all reading the shared who-is-who analysis
//! ([`crate::names`]).

pub(super) mod capitals;
pub(super) mod fact_places;
pub(super) mod fact_titles;
pub(super) mod forms;
pub(super) mod honorifics;
pub(super) mod near_miss;
pub(super) mod partial;

use crate::language::Language;
use crate::names::data::NameData;
use crate::names::Analysis;

/// Whether `w` is a word a name check must never take for a person's name.
pub(crate) fn never_a_name(w: &str, data: &NameData) -> bool {
    data.not_people.contains(w)
        || data.mononyms.contains(w)
        || data.is_honorific(w)
        || data.title_len(&[w]) > 0
        || data.nationalities.has_word(w)
        || is_acronym(w.strip_suffix('s').unwrap_or(w))
}

fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Whether `w` stands in a multi-word capitalised run that is not a person's full name
/// (a place, an organisation, a title).
pub(crate) fn in_multiword_thing(a: &Analysis, w: &str) -> bool {
    a.in_multiword_thing(w)
}

/// Whether `w` stands anywhere in a multi-word capitalised run (a name part, a place, an
/// organisation), honorific and title words left aside.
pub(crate) fn in_multiword_run(a: &Analysis, w: &str) -> bool {
    a.in_multiword_run(w)
}

/// The introduced person an unresolved one-word mention is one letter or one listed
/// romanisation variant away from ("Cheng" when only "Chen Qi" was introduced).
pub(crate) fn near_miss_target(
    a: &Analysis,
    ri: usize,
    data: &NameData,
    lang: &Language,
) -> Option<usize> {
    let run = &a.runs[ri];
    let w = run.word();
    // the run's own signs first, then the look-ups, the dictionary last
    if (run.sentence_initial && !run.next_lowercase && !run.appositive)
        || run.after_determiner
        || run.listed
        || run.title.is_some()
        || data.given_names.contains(w)
        || never_a_name(w, data)
        || in_multiword_run(a, w)
    {
        return None;
    }
    let lw = w.to_lowercase();
    let lw_len = lw.chars().count();
    let close = |s: &str| {
        let ls = s.to_lowercase();
        let ls_len = ls.chars().count();
        let plural = lw.strip_suffix('s') == Some(ls.as_str());
        // one insertion, deletion, substitution or swap of neighbours (optimal string
        // alignment: the same as Damerau–Levenshtein at distance one)
        let one_edit = lw_len >= 3
            && ls_len >= 3
            && lw_len.abs_diff(ls_len) <= 1
            && strsim::osa_distance(&lw, &ls) == 1;
        ls != lw && !plural && (one_edit || data.are_variants(w, s))
    };
    let cands: Vec<usize> = a
        .introduced()
        .filter(|(_, p)| close(&p.surname))
        .map(|(i, _)| i)
        .collect();
    // the dictionary is the dearest test: asked only when someone is close
    if cands.is_empty() || (run.honorific.is_none() && a.word_known(ri, lang)) {
        return None;
    }
    cands
        .iter()
        .copied()
        .filter(|&p| a.people[p].forms[0] < ri)
        .max_by_key(|&p| a.people[p].forms[0])
        .or_else(|| cands.first().copied())
}

/// Whether `s` looks like a Korean given name written alone: two romanised syllables joined
/// by a hyphen ("Jae-Chu", "Min-soo").
pub(crate) fn korean_given_shape(s: &str) -> bool {
    let mut parts = s.split('-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    a.chars().next().is_some_and(char::is_uppercase) && syllable(a) && syllable(b)
}

fn syllable(p: &str) -> bool {
    let p = p.to_ascii_lowercase();
    if !p.is_ascii() || p.is_empty() || p.len() > 5 {
        return false;
    }
    let b = p.as_bytes();
    let is_vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w');
    let mut i = 0;
    while i < b.len() && !is_vowel(b[i]) && i < 3 {
        i += 1;
    }
    // the consonants romanised Korean starts a syllable with
    if !matches!(
        &p[..i],
        "" | "g"
            | "k"
            | "kk"
            | "n"
            | "d"
            | "t"
            | "tt"
            | "r"
            | "l"
            | "m"
            | "b"
            | "p"
            | "pp"
            | "s"
            | "ss"
            | "sh"
            | "j"
            | "jj"
            | "ch"
            | "h"
    ) {
        return false;
    }
    let v0 = i;
    while i < b.len() && is_vowel(b[i]) {
        i += 1;
    }
    if i == v0 || i - v0 > 3 {
        return false;
    }
    matches!(&p[i..], "" | "ng" | "n" | "m" | "k" | "l" | "p" | "t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_shapes() {
        for s in ["Jae-Chu", "Min-soo", "Jong-un", "Hyun-woo", "Eun-young"] {
            assert!(korean_given_shape(s), "{s}");
        }
        for s in [
            "Coca-Cola",
            "Anglo-Saxon",
            "Jean-Claude",
            "Rolls-Royce",
            "Chu",
        ] {
            assert!(!korean_given_shape(s), "{s}");
        }
    }
}
