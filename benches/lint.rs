//! The per-article path: compiling the packs, parsing a document, running every check.
//!
//! `cargo bench` runs it on the files in `samples/`.

use copydesk::document::{Document, Format};
use copydesk::linter::Linter;
use copydesk::pack::RuleSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

fn main() {
    divan::main();
}

fn samples() -> &'static [(String, String)] {
    static SAMPLES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect()
    })
}

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| Linter::new(Arc::new(RuleSet::builtin())))
}

/// Loading and compiling every built-in pack: paid once per process.
#[divan::bench(sample_count = 20)]
fn compile_builtin_packs() -> RuleSet {
    RuleSet::builtin()
}

/// Runs `f` over every sample per iteration, counting the bytes read.
fn over_samples(bencher: divan::Bencher, f: impl Fn(&str, Format) + Sync) {
    let bytes: usize = samples().iter().map(|(_, t)| t.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            for (name, text) in samples() {
                f(text, Format::from_path(Path::new(name)));
            }
        });
}

/// Parsing all samples into documents (blocks, sentences, tokens, quotations).
#[divan::bench]
fn parse_samples(bencher: divan::Bencher) {
    let lang = &linter().set.lang;
    over_samples(bencher, |text, format| {
        divan::black_box(Document::parse(text, format, lang).sentences.len());
    });
}

/// Parsing and every check of the default rule set over all samples.
#[divan::bench]
fn lint_samples(bencher: divan::Bencher) {
    let linter = linter();
    over_samples(bencher, |text, format| {
        divan::black_box(linter.lint(text, format));
    });
}
