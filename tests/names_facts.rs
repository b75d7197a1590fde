//! The names pack with a house fact base (samples/facts.toml) and house honorific settings.

use copydesk::diagnostic::Diagnostic;
use copydesk::document::Format;
use copydesk::facts::FactBase;
use copydesk::house::{HonorificStyle, House};
use copydesk::linter::Linter;
use copydesk::pack::error::SourceFile;
use copydesk::pack::RuleSet;
use std::sync::Arc;

fn linter(honorifics: Option<HonorificStyle>) -> Linter {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/facts.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let facts = FactBase::parse(&SourceFile::new(path, text)).expect("sample fact file parses");
    let mut l = Linter::new(Arc::new(RuleSet::builtin()));
    l.house = Arc::new(House {
        honorifics,
        fact_base: facts,
        ..House::default()
    });
    l
}

fn names(text: &str, l: &Linter) -> Vec<(String, String)> {
    let ds: Vec<Diagnostic> = l.lint(text, Format::Plain);
    ds.into_iter()
        .filter(|d| d.rule.starts_with("names/"))
        .map(|d| (d.rule.clone(), text[d.span.start..d.span.end].to_owned()))
        .collect()
}

#[test]
fn the_fact_base_wins_over_the_article() {
    let l = linter(None);
    // the article is consistent, but not in the house form
    let text = "Kim Jong-un inspected a missile base on Monday.\n\nState media said Kim Jong-un was pleased. Kim left by train.\n";
    let got = names(text, &l);
    assert_eq!(
        got.iter()
            .filter(|(r, s)| r == "names/name-forms" && s == "Kim Jong-un")
            .count(),
        2,
        "{got:?}"
    );
    let fixed = l
        .fix(text, Format::Plain, copydesk::fix::FixMode::SafeOnly)
        .text;
    assert!(
        fixed.contains("State media said Kim Jong Un was pleased"),
        "{fixed}"
    );
}

#[test]
fn titles_and_places_from_the_fact_base() {
    let l = linter(None);
    let text = "Chief Cabinet Secretary Yoshimasa Hayashi flew to Burma on Tuesday.\n\nVeterans wore the Burma Star. Hayashi later met President Xi Jinping.\n";
    let got = names(text, &l);
    assert!(
        got.contains(&("names/fact-title".into(), "Chief Cabinet Secretary".into())),
        "{got:?}"
    );
    assert!(
        got.contains(&("names/fact-place".into(), "Burma".into())),
        "{got:?}"
    );
    assert_eq!(
        got.iter().filter(|(r, _)| r == "names/fact-place").count(),
        1,
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, s)| s.contains("Xi")), "{got:?}");
}

#[test]
fn capitals_follow_the_fact_base() {
    let l = linter(None);
    let text = "Tension on the Korean peninsula rose.\n\nTroops on the Korean peninsula were put on alert. Talks on the Korean Peninsula stalled.\n";
    let got = names(text, &l);
    let caps: Vec<&String> = got
        .iter()
        .filter(|(r, _)| r == "names/capitals")
        .map(|(_, s)| s)
        .collect();
    assert_eq!(caps, ["Korean peninsula", "Korean peninsula"], "{got:?}");
}

#[test]
fn house_honorifics_are_errors() {
    let l = linter(Some(HonorificStyle::NoStop));
    let text =
        "Kim Jong Un arrived in the capital.\n\nMr. Kim waved to the crowd, and Kim then left.\n";
    let ds = l.lint(text, Format::Plain);
    let hon: Vec<&Diagnostic> = ds.iter().filter(|d| d.rule == "names/honorifics").collect();
    assert_eq!(hon.len(), 2, "{hon:?}");
    assert!(hon
        .iter()
        .all(|d| d.severity == copydesk::diagnostic::Severity::Error));
    let fixed = l.fix(text, Format::Plain, copydesk::fix::FixMode::All).text;
    assert!(
        fixed.contains("Mr Kim waved to the crowd, and Mr Kim then left."),
        "{fixed}"
    );
}
