//! The quotes pack on patterns from edited copy, and quoted speech kept verbatim.

use copydesk::document::Format;
use copydesk::fix::Applicability;
use copydesk::linter::Linter;
use copydesk::pack::RuleSet;
use serde::Deserialize;
use std::sync::Arc;

#[derive(Deserialize)]
struct Patterns {
    defect: Vec<Case>,
    clean: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    note: String,
    #[serde(default)]
    rule: Option<String>,
    text: String,
}

fn quotes_linter() -> Linter {
    let mut l = Linter::new(Arc::new(RuleSet::builtin()));
    let set = l.set.clone();
    l.active
        .retain(|(i, _)| set.rules[*i].info.id.starts_with("quotes/"));
    l
}

#[test]
fn patterns_from_edited_copy() {
    let src = include_str!("data/quotes/bbc-patterns.toml");
    let p: Patterns = toml::from_str(src).expect("valid patterns file");
    let l = quotes_linter();
    let mut failures = Vec::new();
    for c in &p.defect {
        let rule = c.rule.as_deref().expect("a defect names its rule");
        let d = l.lint(&c.text, Format::Plain);
        if !d.iter().any(|d| d.rule == rule) {
            failures.push(format!("not flagged by {rule}: {} ({:?})", c.note, d));
        }
    }
    for c in &p.clean {
        let d = l.lint(&c.text, Format::Plain);
        if !d.is_empty() {
            failures.push(format!("flagged: {} ({:?})", c.note, d));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn safe_fixes_inside_quoted_speech_become_unsafe() {
    let l = Linter::only(Arc::new(RuleSet::builtin()), "house/place-names").unwrap();
    // outside quotations the fix is safe; inside, also in a quotation that runs on into the
    // next paragraph or lost its closing mark, it needs a person's eyes
    let t = "Troops left Kiev.\n\n\"We reached Kiev at dawn.\n\n\"Then we drove on,\" he said.\n\n\"They shelled Kiev, she said. Nobody slept.";
    let d = l.lint(t, Format::Plain);
    let applicability: Vec<Applicability> = d
        .iter()
        .map(|d| d.fix.as_ref().unwrap().applicability)
        .collect();
    assert_eq!(
        applicability,
        [
            Applicability::Safe,
            Applicability::Unsafe,
            Applicability::Unsafe
        ]
    );
}
