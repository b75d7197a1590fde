//! Word lists and tables the checks read: built-in data from `rules/data/`, extended by the
//! `[lexicon]` table of any pack and by a newsroom's lexicon files.

use std::collections::HashSet;
use toml::{Table, Value};

const ENGLISH: &str = include_str!("../rules/data/english.toml");
const NAMES: &str = include_str!("../rules/data/names.toml");
const WORDS: &str = include_str!("../rules/data/words.txt");

/// Merged lexicon tables. Arrays concatenate, tables merge, scalars are replaced.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    table: Table,
    extra_words: Vec<String>,
}

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> Lexicon {
        let mut lex = Lexicon::default();
        for (name, src) in [("english.toml", ENGLISH), ("names.toml", NAMES)] {
            let table: Table = toml::from_str(src)
                .unwrap_or_else(|e| panic!("built-in lexicon rules/data/{name} is invalid: {e}"));
            lex.merge(table);
        }
        lex
    }

    /// Merges another table into this one.
    pub fn merge(&mut self, other: Table) {
        if let Some(Value::Array(words)) = other.get("dictionary") {
            self.extra_words.extend(
                words
                    .iter()
                    .filter_map(|w| w.as_str().map(str::to_lowercase)),
            );
        }
        merge_tables(&mut self.table, other);
    }

    /// The strings of the array at a dotted path (`"surnames.korean"`); empty when absent.
    pub fn strings(&self, path: &str) -> Vec<&str> {
        match self.get(path) {
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Lower-cased set of the strings at `path`, with any hasher (`FxHashSet` for hot
    /// lookups).
    pub fn set<S: std::hash::BuildHasher + Default>(&self, path: &str) -> HashSet<String, S> {
        self.strings(path)
            .into_iter()
            .map(str::to_lowercase)
            .collect()
    }

    /// The array of tables at `path` (e.g. `variants`), each table's `key` array.
    pub fn groups(&self, path: &str, key: &str) -> Vec<Vec<&str>> {
        match self.get(path) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|t| t.get(key).and_then(Value::as_array))
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn get(&self, path: &str) -> Option<&Value> {
        let mut parts = path.split('.');
        let mut cur = self.table.get(parts.next()?)?;
        for p in parts {
            cur = cur.get(p)?;
        }
        Some(cur)
    }

    /// The dictionary of lower-case English words: the built-in list plus any `dictionary`
    /// arrays merged in.
    pub fn dictionary(&self) -> Dictionary {
        Dictionary {
            extra: self.extra_words.iter().cloned().collect(),
        }
    }
}

/// Lower-case English words: the built-in list (sorted, searched in place) and additions.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    extra: HashSet<String>,
}

/// The built-in word list, split into lines on first use.
fn builtin_words() -> &'static [&'static str] {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| WORDS.lines().collect())
}

impl Dictionary {
    pub fn contains(&self, word: &str) -> bool {
        builtin_words().binary_search(&word).is_ok() || self.extra.contains(word)
    }

    pub fn len(&self) -> usize {
        builtin_words().len() + self.extra.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn merge_tables(into: &mut Table, from: Table) {
    for (k, v) in from {
        match (into.get_mut(&k), v) {
            (Some(Value::Array(a)), Value::Array(b)) => a.extend(b),
            (Some(Value::Table(a)), Value::Table(b)) => merge_tables(a, b),
            (_, v) => {
                into.insert(k, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_arrays_and_tables() {
        let mut lex = Lexicon::default();
        lex.merge(toml::from_str("a = ['x']\n[t]\nb = ['y']").unwrap());
        lex.merge(toml::from_str("a = ['z']\n[t]\nb = ['w']\ndictionary = ['Foo']").unwrap());
        assert_eq!(lex.strings("a"), ["x", "z"]);
        assert_eq!(lex.strings("t.b"), ["y", "w"]);
        assert!(lex.strings("missing").is_empty());
    }

    #[test]
    fn builtin_lexicon_parses() {
        let lex = Lexicon::builtin();
        assert!(lex
            .set::<rustc_hash::FxBuildHasher>("abbreviations")
            .contains("mr."));
        let dict = lex.dictionary();
        assert!(dict.contains("house") && !dict.contains("ta"));
        assert!(
            WORDS.lines().zip(WORDS.lines().skip(1)).all(|(a, b)| a < b),
            "rules/data/words.txt must be sorted bytewise without duplicates"
        );
    }
}
