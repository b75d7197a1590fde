//! Who is who in an article: person mentions found and resolved the way a copy editor keeps a
//! list of names while reading.
//!
//! The analysis runs once per document (cached in [`Document::names`]) and is shared by the
//! name checks. It finds capitalised runs ([`scan`]), tells people from organisations and
//! places, groups full names into people, picks each person's surname (family name first for
//! Chinese, Korean and Vietnamese names, decided by how the article refers back to them), and
//! resolves every one-word mention over the whole article.

mod context;
pub mod data;
pub mod hash;
mod known;
pub mod phrases;
pub mod scan;

use crate::document::Document;
use crate::facts::FactBase;
use crate::language::Language;
use data::NameData;
use hash::WordMap;
use scan::{Run, RunKind};

/// One person of the article.
#[derive(Debug, Clone)]
pub struct Person {
    /// Runs naming the person in full ("Kim Jong Un"), in order.
    pub forms: Vec<usize>,
    /// One-word references ("Kim", "Mr. Kim", "President Xi"), in order.
    pub refs: Vec<usize>,
    /// References by another part of the name than the surname ("Jinping").
    pub other_refs: Vec<usize>,
    pub surname: String,
    pub family_first: bool,
    /// Index into the fact base's people.
    pub fact: Option<usize>,
}

impl Person {
    /// Whether the article names the person in full somewhere.
    pub fn introduced(&self) -> bool {
        !self.forms.is_empty()
    }
}

/// The names of one document.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    pub runs: Vec<Run>,
    pub people: Vec<Person>,
    /// For each run, the person it names.
    pub person_of: Vec<Option<usize>>,
    /// One-word runs (no honorific, no title) that name no one the article introduces.
    pub unresolved: Vec<usize>,
    /// For each run, whether its one-word name is a dictionary word, looked up on first
    /// use.
    word_known: known::Known,
    /// Lower-cased words standing in multi-word runs: (in any, in organisations and places).
    multiword: WordMap<(bool, bool)>,
    /// Lower-cased word → index of the first run that contains it.
    first_run: WordMap<usize>,
    /// Lower-cased word → how many unresolved runs it makes.
    unresolved_count: WordMap<usize>,
}

/// Lower-cases and drops hyphens, spaces, full stops and apostrophes: "Kim Jong-un" and
/// "Kim Jong Un" fold alike.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '‐' | ' ' | '.' | '’' | '\'' | '\u{a0}'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Calls `f` with `s` lower-cased as [`str::to_lowercase`] does it, without allocating for
/// a short ASCII word.
pub fn with_lower<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 48;
    if !s.is_ascii() || s.len() > MAX {
        return f(&s.to_lowercase());
    }
    if !s.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(s);
    }
    let mut buf = [0u8; MAX];
    let lower = &mut buf[..s.len()];
    lower.copy_from_slice(s.as_bytes());
    lower.make_ascii_lowercase();
    // ASCII stays valid UTF-8
    f(std::str::from_utf8(lower).unwrap_or_default())
}

/// The 1-based paragraph number of a block, as messages show it.
pub fn paragraph(block: usize) -> usize {
    block + 1
}

/// The analysis of `cx.doc`, computed on first use.
pub fn analysis<'d>(cx: &crate::checks::Context<'d>, data: &NameData) -> &'d Analysis {
    let doc: &'d Document<'d> = cx.doc;
    doc.names
        .get_or_init(|| Analysis::new(doc, data, cx.lang, &cx.house.fact_base))
}

/// A first block that reads as a headline even though it ends with a quotation mark
/// ("Minister decries 'career sexism'").
fn headline_like(doc: &Document<'_>, block: usize) -> bool {
    if block != 0 {
        return false;
    }
    let t = doc.slice(doc.blocks[block].span).trim();
    let core = t.trim_end_matches(['\'', '’', '"', '”']);
    !t.contains('\n') && t.split_whitespace().count() <= 16 && !core.ends_with(['.', '!', '?'])
}

fn key_of(run: &Run) -> String {
    run.name()
        .iter()
        .filter(|w| w.text.chars().count() > 1)
        .map(|w| fold(&w.text))
        .collect()
}

impl Analysis {
    pub fn new(doc: &Document<'_>, data: &NameData, lang: &Language, facts: &FactBase) -> Self {
        let mut runs = Vec::new();
        let mut dict = scan::Dictionary::default();
        for (si, s) in doc.sentences.iter().enumerate() {
            if doc.blocks[s.block].is_body() && !headline_like(doc, s.block) {
                scan::scan_sentence(doc, si, s, data, lang, &mut dict, &mut runs);
            }
        }
        let word_known = known::Known::new(runs.len());
        for (ri, r) in runs.iter().enumerate() {
            if r.name().len() == 1 {
                if let Some(k) = dict.known(r.word()) {
                    word_known.set(ri, k);
                }
            }
        }
        let mut a = Analysis {
            person_of: vec![None; runs.len()],
            word_known,
            runs,
            ..Analysis::default()
        };
        a.group_full_names(data, facts);
        a.resolve_singles(data);
        a.index_words();
        a
    }

    fn index_words(&mut self) {
        self.first_run
            .reserve(self.runs.iter().map(|r| r.raw.len()).sum());
        for (ri, r) in self.runs.iter().enumerate() {
            let multi = r.name().len() > 1 || (r.kind == RunKind::Other && r.raw.len() > 1);
            let thing = r.kind == RunKind::Other && r.raw.len() > 1;
            for w in &r.raw {
                with_lower(&w.text, |lw| {
                    if !self.first_run.contains_key(lw) {
                        self.first_run.insert(lw.to_owned(), ri);
                    }
                    if multi || thing {
                        let e = match self.multiword.get_mut(lw) {
                            Some(e) => e,
                            None => self.multiword.entry(lw.to_owned()).or_default(),
                        };
                        e.0 |= multi;
                        e.1 |= thing;
                    }
                });
            }
        }
        for &ri in &self.unresolved {
            with_lower(self.runs[ri].word(), |lw| {
                match self.unresolved_count.get_mut(lw) {
                    Some(n) => *n += 1,
                    None => {
                        self.unresolved_count.insert(lw.to_owned(), 1);
                    }
                }
            });
        }
    }

    /// Whether run `ri` names one word and that word is in the dictionary
    /// ([`Language::is_word`]).
    pub fn word_known(&self, ri: usize, lang: &Language) -> bool {
        let run = &self.runs[ri];
        if run.name().len() != 1 {
            return false;
        }
        self.word_known.get(ri).unwrap_or_else(|| {
            let k = lang.is_word(run.word());
            self.word_known.set(ri, k);
            k
        })
    }

    /// Whether `word` stands in a multi-word run: a full name, a place, an organisation.
    pub fn in_multiword_run(&self, word: &str) -> bool {
        with_lower(word, |w| self.multiword.get(w).is_some_and(|e| e.0))
    }

    /// Whether `word` stands in a multi-word run that is an organisation or a place.
    pub fn in_multiword_thing(&self, word: &str) -> bool {
        with_lower(word, |w| self.multiword.get(w).is_some_and(|e| e.1))
    }

    /// The first run in which `word` appears (any case).
    pub fn first_run_with(&self, word: &str) -> Option<usize> {
        with_lower(word, |w| self.first_run.get(w).copied())
    }

    /// How many one-word mentions of `word` resolve to no one.
    pub fn unresolved_count(&self, word: &str) -> usize {
        with_lower(word, |w| self.unresolved_count.get(w).copied().unwrap_or(0))
    }

    fn group_full_names(&mut self, data: &NameData, facts: &FactBase) {
        let fact_keys: Vec<Vec<String>> = facts
            .people
            .iter()
            .map(|p| {
                std::iter::once(&p.name)
                    .chain(&p.variants)
                    .map(|n| fold(n))
                    .collect()
            })
            .collect();
        let mut by_key: WordMap<usize> = WordMap::default();
        for (ri, run) in self.runs.iter().enumerate() {
            if run.kind != RunKind::Full {
                continue;
            }
            let key = key_of(run);
            let fact = fact_keys.iter().position(|ks| ks.contains(&key));
            let group = match fact {
                Some(f) => format!("\u{0}fact{f}"),
                None => key,
            };
            let pi = *by_key.entry(group).or_insert_with(|| {
                self.people.push(Person {
                    forms: Vec::new(),
                    refs: Vec::new(),
                    other_refs: Vec::new(),
                    surname: String::new(),
                    family_first: false,
                    fact,
                });
                self.people.len() - 1
            });
            self.people[pi].forms.push(ri);
            self.person_of[ri] = Some(pi);
        }
        // how often each word stands alone: evidence for which end is the surname
        let mut alone: WordMap<usize> = WordMap::default();
        for run in self.runs.iter().filter(|r| r.kind == RunKind::Single) {
            with_lower(run.word(), |w| match alone.get_mut(w) {
                Some(n) => *n += 1,
                None => {
                    alone.insert(w.to_owned(), 1);
                }
            });
        }
        for p in &mut self.people {
            let run = &self.runs[p.forms[0]];
            let words: Vec<&str> = run.name().iter().map(|w| w.text.as_str()).collect();
            let first = words[0];
            let last = words[words.len() - 1];
            let count = |w: &str| with_lower(w, |w| alone.get(w).copied().unwrap_or(0));
            p.family_first = match p.fact.map(|f| &facts.people[f]) {
                Some(f) if f.family_name_first => true,
                Some(_) => false,
                None if !data.family_first.contains(first) => false,
                None if count(last) != count(first) => count(first) > count(last),
                None => {
                    !data.given_names.contains(first)
                        && !data.given_names.contains(last)
                        && words.len() <= 3
                }
            };
            p.surname = if p.family_first { first } else { last }.to_owned();
        }
    }

    fn resolve_singles(&mut self, data: &NameData) {
        let mut unintroduced: WordMap<usize> = WordMap::default();
        let mut surname_index: WordMap<Vec<usize>> = WordMap::default();
        let mut part_index: WordMap<Vec<usize>> = WordMap::default();
        for (pi, p) in self.people.iter().enumerate() {
            surname_index
                .entry(p.surname.to_lowercase())
                .or_default()
                .push(pi);
            for &f in &p.forms {
                for x in self.runs[f].name() {
                    let e = part_index.entry(x.text.to_lowercase()).or_default();
                    if e.last() != Some(&pi) {
                        e.push(pi);
                    }
                }
            }
        }
        for ri in 0..self.runs.len() {
            let run = &self.runs[ri];
            if run.kind != RunKind::Single {
                continue;
            }
            let w = run.word().to_lowercase();
            let nearest = |cands: Vec<usize>, people: &[Person]| -> Option<usize> {
                cands
                    .iter()
                    .copied()
                    .filter(|&p| people[p].forms.first().is_some_and(|&f| f < ri))
                    .max_by_key(|&p| people[p].forms.iter().filter(|&&f| f < ri).max())
                    .or_else(|| cands.first().copied())
            };
            let by_surname: Vec<usize> = surname_index.get(&w).cloned().unwrap_or_default();
            if let Some(p) = nearest(by_surname, &self.people) {
                self.people[p].refs.push(ri);
                self.person_of[ri] = Some(p);
                continue;
            }
            let by_part: Vec<usize> = part_index.get(&w).cloned().unwrap_or_default();
            if let Some(p) = nearest(by_part, &self.people) {
                self.people[p].other_refs.push(ri);
                self.person_of[ri] = Some(p);
                continue;
            }
            let named_as_person = run.honorific.is_some() || run.title.is_some();
            if let Some(&p) = unintroduced.get(&w) {
                self.people[p].refs.push(ri);
                self.person_of[ri] = Some(p);
            } else if named_as_person && !data.mononyms.contains(run.word()) {
                self.people.push(Person {
                    forms: Vec::new(),
                    refs: vec![ri],
                    other_refs: Vec::new(),
                    surname: run.word().to_owned(),
                    family_first: false,
                    fact: None,
                });
                unintroduced.insert(w, self.people.len() - 1);
                self.person_of[ri] = Some(self.people.len() - 1);
            } else {
                self.unresolved.push(ri);
            }
        }
        // a bare word first seen before "Mr X" is a reference to X too
        let late: Vec<usize> = self
            .unresolved
            .iter()
            .copied()
            .filter(|&ri| {
                let w = self.runs[ri].word().to_lowercase();
                unintroduced.contains_key(&w)
            })
            .collect();
        for ri in late {
            let w = self.runs[ri].word().to_lowercase();
            let p = unintroduced[&w];
            self.people[p].refs.push(ri);
            self.people[p].refs.sort_unstable();
            self.person_of[ri] = Some(p);
        }
        self.unresolved.retain(|&ri| self.person_of[ri].is_none());
    }

    /// The people introduced with a full name.
    pub fn introduced(&self) -> impl Iterator<Item = (usize, &Person)> {
        self.people
            .iter()
            .enumerate()
            .filter(|(_, p)| p.introduced())
    }
}

#[cfg(test)]
mod tests;
