//! The names pack on articles it was not tuned on: clean copy stays quiet, and defects injected
//! one at a time (a later surname changed by a letter, an honorific added or dropped, one
//! mention of a repeated proper name re-capitalised, a first mention cut to a given name) are
//! found. The articles under tests/names/ were written for this test.

use copydesk::diagnostic::Diagnostic;
use copydesk::document::Format;
use copydesk::linter::Linter;
use copydesk::pack::RuleSet;
use std::sync::Arc;

/// (file, people as (full name, surname), honorifics used on later mentions, repeated names)
type Meta = (
    &'static str,
    &'static [(&'static str, &'static str)],
    bool,
    &'static [&'static str],
);

const ARTICLES: &[Meta] = &[
    (
        "a01",
        &[
            ("Margaret Olsen", "Olsen"),
            ("Declan Furey", "Furey"),
            ("Imogen Strand", "Strand"),
        ],
        true,
        &["River Avon", "Environment Agency"],
    ),
    (
        "a02",
        &[
            ("Callum Hartley", "Hartley"),
            ("Tariq Benali", "Benali"),
            ("Owen Price", "Price"),
            ("Luke Fenwick", "Fenwick"),
            ("Gareth Roper", "Roper"),
        ],
        false,
        &["Dunmore Athletic", "Crossbridge Town"],
    ),
    (
        "a03",
        &[
            ("Park Jin-woo", "Park"),
            ("Wang Lihua", "Wang"),
            ("Lee Soo-min", "Lee"),
        ],
        false,
        &["Yellow Sea"],
    ),
    (
        "a04",
        &[
            ("Richard Vance", "Vance"),
            ("Fiona Baird", "Baird"),
            ("Stephen Gallacher", "Gallacher"),
        ],
        true,
        &["Northgate Microsystems", "Scottish Government"],
    ),
    (
        "a05",
        &[
            ("Patrick Ainsworth", "Ainsworth"),
            ("Adaeze Okafor", "Okafor"),
            ("Helen Marsh", "Marsh"),
        ],
        true,
        &["Hollins Museum", "Benin City"],
    ),
    (
        "a06",
        &[
            ("Nguyen Van Thanh", "Thanh"),
            ("Tran Thi Mai", "Mai"),
            ("Sofia Lindqvist", "Lindqvist"),
        ],
        false,
        &["Asian Development Bank"],
    ),
    (
        "a07",
        &[
            ("Alan Whitcombe", "Whitcombe"),
            ("Priya Chandran", "Chandran"),
            ("Martin Kearney", "Kearney"),
        ],
        true,
        &["National Association"],
    ),
    (
        "a08",
        &[
            ("Colin Baxter", "Baxter"),
            ("Ruth Adeyemi", "Adeyemi"),
            ("Duncan MacRae", "MacRae"),
        ],
        false,
        &["Met Office"],
    ),
    (
        "a09",
        &[
            ("Kenta Morishima", "Morishima"),
            ("Choi Eun-ji", "Choi"),
            ("Hannah Feldman", "Feldman"),
        ],
        false,
        &[],
    ),
    (
        "a10",
        &[
            ("Dominic Reilly", "Reilly"),
            ("Nadia Farouk", "Farouk"),
            ("Graham Tolley", "Tolley"),
        ],
        true,
        &["Westbrook Hospitals Trust", "Care Quality Commission"],
    ),
];

const HONORIFICS: &[&str] = &["Mr ", "Ms ", "Mrs ", "Dr "];

fn read(name: &str) -> String {
    let path = format!("{}/tests/names/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path).unwrap()
}

fn lint(linter: &Linter, text: &str) -> Vec<Diagnostic> {
    linter
        .lint(text, Format::Plain)
        .into_iter()
        .filter(|d| d.rule.starts_with("names/"))
        .collect()
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Byte offsets of `word` as a whole word in `text`.
fn occurrences(text: &str, word: &str) -> Vec<usize> {
    text.match_indices(word)
        .map(|(p, _)| p)
        .filter(|&p| {
            !is_word_char(text[..p].chars().next_back())
                && !is_word_char(text[p + word.len()..].chars().next())
        })
        .collect()
}

/// The later mentions of a person: uses of the surname after the first full name, outside
/// the full name itself.
fn later_mentions(text: &str, full: &str, surname: &str) -> Vec<usize> {
    let fulls = occurrences(text, full);
    let Some(&intro) = fulls.first() else {
        return Vec::new();
    };
    occurrences(text, surname)
        .into_iter()
        .filter(|&p| p > intro && !fulls.iter().any(|&f| f <= p && p < f + full.len()))
        .collect()
}

/// A one-letter change, varied by `k`: swap a letter, drop one, or double one.
fn misspell(word: &str, k: usize) -> String {
    let chars: Vec<char> = word.chars().collect();
    let i = (chars.len() / 2).max(1).min(chars.len() - 1);
    let mut out = chars.clone();
    match k % 3 {
        0 => {
            out[i] = match chars[i] {
                'a' => 'e',
                'e' => 'a',
                'i' => 'e',
                'o' => 'a',
                'u' => 'o',
                'n' => 'm',
                _ => 'n',
            }
        }
        1 if chars.len() > 3 => {
            out.remove(i);
        }
        _ => out.insert(i, chars[i]),
    }
    out.into_iter().collect()
}

fn hit(diags: &[Diagnostic], rule: &str, start: usize, end: usize) -> bool {
    diags
        .iter()
        .any(|d| d.rule == rule && d.span.start < end && start < d.span.end)
}

struct Tally {
    kind: &'static str,
    found: usize,
    total: usize,
    missed: Vec<String>,
}

impl Tally {
    fn new(kind: &'static str) -> Self {
        Tally {
            kind,
            found: 0,
            total: 0,
            missed: Vec::new(),
        }
    }

    fn add(&mut self, ok: bool, what: String) {
        self.total += 1;
        if ok {
            self.found += 1;
        } else {
            self.missed.push(what);
        }
    }

    fn rate(&self) -> f64 {
        self.found as f64 / self.total.max(1) as f64
    }
}

#[test]
fn names_pack_generalises_to_unseen_articles() {
    let linter = Linter::new(Arc::new(RuleSet::builtin()));
    let mut clean_flags = Vec::new();
    let mut near = Tally::new("surname changed by a letter");
    let mut hon = Tally::new("honorific added or dropped");
    let mut caps = Tally::new("proper name re-capitalised");
    let mut cut = Tally::new("first mention cut to a given name");
    for &(file, people, with_honorifics, repeated) in ARTICLES {
        let text = read(file);
        for d in lint(&linter, &text) {
            clean_flags.push(format!(
                "{file}: {} {:?}",
                d.rule,
                &text[d.span.start..d.span.end]
            ));
        }
        for &(full, surname) in people {
            for (k, p) in later_mentions(&text, full, surname).into_iter().enumerate() {
                // what people say is theirs: a change inside quoted speech is no defect
                let line_start = text[..p].rfind('\n').map_or(0, |i| i + 1);
                let quoted = text[line_start..p].matches(['"', '“', '”']).count() % 2 == 1;
                // a later surname changed by a letter
                let wrong = misspell(surname, k);
                let t = format!("{}{wrong}{}", &text[..p], &text[p + surname.len()..]);
                let ds = lint(&linter, &t);
                near.add(
                    hit(&ds, "names/near-miss", p, p + wrong.len()),
                    format!("{file}: {surname} → {wrong}"),
                );
                // an honorific dropped from, or added to, one later mention
                let before = &text[..p];
                let had = HONORIFICS.iter().find(|h| before.ends_with(*h));
                let (t, start, end) = match (had, with_honorifics) {
                    (Some(h), true) => {
                        let s = p - h.len();
                        (
                            format!("{}{}", &text[..s], &text[p..]),
                            s,
                            s + surname.len(),
                        )
                    }
                    (None, false) => (
                        format!("{}Mr {}", &text[..p], &text[p..]),
                        p,
                        p + 3 + surname.len(),
                    ),
                    _ => continue,
                };
                if quoted {
                    continue;
                }
                let ds = lint(&linter, &t);
                hon.add(
                    hit(&ds, "names/honorifics", start, end),
                    format!(
                        "{file}: {surname} at {p} ({})",
                        if had.is_some() { "dropped" } else { "added" }
                    ),
                );
            }
            // the first mention cut to the given name
            if let Some(&p) = occurrences(&text, full).first() {
                let given = match full.strip_prefix(surname) {
                    Some(rest) => rest.trim(),
                    None => full.split(' ').next().unwrap(),
                };
                if full.split(' ').count() == 2 {
                    let t = format!("{}{given}{}", &text[..p], &text[p + full.len()..]);
                    let ds = lint(&linter, &t);
                    cut.add(
                        hit(&ds, "names/partial-name", p, p + given.len()),
                        format!("{file}: {full} → {given}"),
                    );
                }
            }
        }
        for &name in repeated {
            for p in occurrences(&text, name) {
                // lower-case the initial of the last word
                let last = name.rfind(' ').map_or(0, |i| i + 1);
                let q = p + last;
                let lower: String = text[q..q + 1].to_lowercase();
                let t = format!("{}{lower}{}", &text[..q], &text[q + 1..]);
                let ds = lint(&linter, &t);
                caps.add(
                    hit(&ds, "names/capitals", p, p + name.len()),
                    format!("{file}: {name} at {p}"),
                );
            }
        }
    }
    let mut report = String::new();
    for t in [&near, &hon, &caps, &cut] {
        report.push_str(&format!(
            "{}: {}/{} ({:.0}%) missed {:?}\n",
            t.kind,
            t.found,
            t.total,
            100.0 * t.rate(),
            t.missed
        ));
    }
    println!("{report}");
    assert!(
        clean_flags.is_empty(),
        "flags on clean copy: {clean_flags:#?}"
    );
    assert!(near.rate() >= 0.85, "{report}");
    assert!(hon.rate() >= 0.85, "{report}");
    assert!(caps.rate() >= 0.85, "{report}");
    assert!(cut.rate() >= 0.70, "{report}");
}
