//! The quotation analyser generalises: on articles it has never seen, a deleted closing
//! mark, a stray opening mark inserted at random, or a deleted closing bracket is found in at
//! least 90% of cases, and the clean articles raise nothing.

use copydesk::diagnostic::Diagnostic;
use copydesk::document::Format;
use copydesk::linter::Linter;
use copydesk::pack::RuleSet;
use copydesk::text::Span;
use std::path::Path;
use std::sync::Arc;

/// The balance rules of the quotes pack (the style rule reports mixes, not damage).
fn linter() -> Linter {
    let mut l = Linter::new(Arc::new(RuleSet::builtin()));
    let set = l.set.clone();
    l.active.retain(|(i, _)| {
        let id = &set.rules[*i].info.id;
        id.starts_with("quotes/") && id != "quotes/quote-style"
    });
    assert_eq!(l.active.len(), 3);
    l
}

fn articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/quotes");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("test articles")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    assert!(out.len() >= 5, "too few test articles");
    out
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    }
}

/// Whether a diagnostic points into the paragraph of `text` that holds `at`.
fn found(l: &Linter, text: &str, at: usize) -> bool {
    let doc = l.parse(text, Format::Plain);
    let Some(block) = doc
        .blocks
        .iter()
        .find(|b| b.span.start <= at && at <= b.span.end)
    else {
        return false;
    };
    let within = |s: Span| block.span.start <= s.start && s.start <= block.span.end;
    l.lint_document(&doc)
        .iter()
        .any(|d: &Diagnostic| within(d.span) || d.labels.iter().any(|lb| within(lb.span)))
}

struct Tally {
    tried: usize,
    found: usize,
    missed: Vec<String>,
}

impl Tally {
    fn new() -> Tally {
        Tally {
            tried: 0,
            found: 0,
            missed: Vec::new(),
        }
    }

    fn add(&mut self, ok: bool, text: &str, at: usize) {
        self.tried += 1;
        if ok {
            self.found += 1;
        } else {
            let s = copydesk::text::floor_char_boundary(text, at.saturating_sub(60));
            let e = copydesk::text::floor_char_boundary(text, (at + 40).min(text.len()));
            self.missed.push(format!("…{}…", &text[s..e]));
        }
    }

    fn check(&self, kind: &str) {
        let rate = self.found as f64 / self.tried.max(1) as f64;
        eprintln!(
            "{kind}: found {}/{} ({:.1}%)",
            self.found,
            self.tried,
            rate * 100.0
        );
        if std::env::var_os("SHOW_MISSED").is_some() {
            eprintln!("missed:\n{}", self.missed.join("\n"));
        }
        assert!(self.tried >= 20, "{kind}: too few trials ({})", self.tried);
        assert!(
            rate >= 0.9,
            "{kind}: found {:.1}% < 90%; missed:\n{}",
            rate * 100.0,
            self.missed.join("\n")
        );
    }
}

#[test]
fn clean_articles_raise_nothing() {
    let l = linter();
    for (name, text) in articles() {
        let d = l.lint(&text, Format::Plain);
        assert!(d.is_empty(), "{name}: {:?}", d);
    }
}

#[test]
fn deleted_closing_marks_are_found() {
    let l = linter();
    let mut t = Tally::new();
    for (_, text) in articles() {
        let doc = l.parse(&text, Format::Plain);
        for close in doc.paired.quotations.iter().filter_map(|q| q.close) {
            let mut broken = text.clone();
            broken.replace_range(close.start..close.end, "");
            t.add(found(&l, &broken, close.start), &broken, close.start);
        }
    }
    t.check("deleted closing mark");
}

#[test]
fn stray_opening_marks_are_found() {
    let l = linter();
    let mut t = Tally::new();
    let mut rng = Rng(0x005e_ed0f_c0de);
    for (_, text) in articles() {
        let doc = l.parse(&text, Format::Plain);
        let mark = if text.contains('“') { "“" } else { "\"" };
        // word starts in body paragraphs
        let starts: Vec<usize> = doc
            .blocks
            .iter()
            .filter(|b| b.is_body())
            .flat_map(|b| {
                let s = b.span.slice(&text);
                s.char_indices()
                    .filter(|&(i, c)| c.is_alphanumeric() && (i == 0 || s[..i].ends_with(' ')))
                    .map(|(i, _)| b.span.start + i)
                    .collect::<Vec<_>>()
            })
            .collect();
        for _ in 0..40 {
            let at = starts[rng.below(starts.len())];
            let mut broken = text.clone();
            broken.insert_str(at, mark);
            t.add(found(&l, &broken, at), &broken, at);
        }
    }
    t.check("stray opening mark");
}

#[test]
fn deleted_closing_brackets_are_found() {
    let l = linter();
    let mut t = Tally::new();
    for (_, text) in articles() {
        for (at, _) in text.match_indices([')', ']']) {
            let mut broken = text.clone();
            broken.replace_range(at..at + 1, "");
            t.add(found(&l, &broken, at), &broken, at);
        }
    }
    t.check("deleted closing bracket");
}
