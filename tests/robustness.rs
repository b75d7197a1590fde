//! Every rule over text built at random from news-like pieces, odd punctuation and multi-byte
//! characters: no panic, spans inside the text and on character boundaries, fixes that leave
//! valid text and reach a fixed point.

use copydesk::document::Format;
use copydesk::fix::FixMode;
use copydesk::linter::{Linter, MAX_FIX_PASSES};
use copydesk::pack::RuleSet;
use std::sync::Arc;

const PIECES: &[&str] = &[
    "The",
    "minister",
    "said",
    "said.",
    "Kiev",
    "Mr.",
    "Mr",
    "Kim",
    "Jong-un",
    "U.S.",
    "a.m.",
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "...",
    "…",
    "—",
    "-",
    ".",
    ",",
    ";",
    ":",
    "?",
    "!",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "😀",
    "中国",
    "한국",
    "é",
    "Ta.",
    "There is.",
    "may",
    "he said.",
    "According to",
    "Chen",
    "Cheng",
    "Qi",
    "Korean",
    "Peninsula",
    "peninsula",
    "<!--",
    "-->",
    "`",
    "#",
    "*",
    "_",
    "[x](y)",
    "6'2\"",
    "12,000",
    "3.5",
    "\u{feff}",
    "\u{200b}",
    "ﬁ",
    "İ",
    "ß",
    "e\u{301}",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn random_text(rng: &mut Rng) -> String {
    let n = (rng.next() % 120) as usize;
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[(rng.next() % PIECES.len() as u64) as usize]);
        if rng.next().is_multiple_of(3) {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_text_never_breaks_spans_or_fixes() {
    let linter = Linter::new(Arc::new(RuleSet::builtin()));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..1500 {
        let text = random_text(&mut rng);
        let format = if round % 2 == 0 {
            Format::Plain
        } else {
            Format::Markdown
        };
        let diags = linter.lint(&text, format);
        for d in &diags {
            let spans = std::iter::once(d.span)
                .chain(d.labels.iter().map(|l| l.span))
                .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)));
            for s in spans {
                assert!(
                    s.start <= s.end && s.end <= text.len(),
                    "{}: span {s:?} outside {text:?}",
                    d.rule
                );
                assert!(
                    text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                    "{}: span {s:?} splits a character in {text:?}",
                    d.rule
                );
            }
        }
        let fixed = linter.fix(&text, format, FixMode::All);
        if fixed.passes < MAX_FIX_PASSES {
            let again = linter.fix(&fixed.text, format, FixMode::All);
            assert_eq!(
                again.fixes, 0,
                "fixing {text:?} did not reach a fixed point"
            );
        }
    }
}
