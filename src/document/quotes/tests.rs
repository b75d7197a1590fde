use super::*;
use crate::document::{Document, Format};
use crate::language::Language;

fn lang() -> Language {
    crate::pack::RuleSet::builtin().lang
}

/// (kind, text of the mark, context after it) of every quotation issue.
fn issues(src: &str) -> Vec<(IssueKind, String)> {
    let l = lang();
    let doc = Document::parse(src, Format::Plain, &l);
    doc.paired
        .issues
        .iter()
        .map(|i| {
            let after: String = src[i.mark.end..].chars().take(6).collect();
            (i.kind, format!("{}{after}", i.mark.slice(src)))
        })
        .collect()
}

fn quoted(src: &str) -> Vec<String> {
    let l = lang();
    let doc = Document::parse(src, Format::Plain, &l);
    doc.quotes.iter().map(|s| s.slice(src).to_owned()).collect()
}

#[test]
fn pairs_curly_and_straight_marks() {
    let t = "He said “yes” and \"no\" to the 6'2\" man, who wore a 12\" badge.";
    assert_eq!(quoted(t), ["“yes”", "\"no\""]);
    assert!(issues(t).is_empty());
}

#[test]
fn apostrophes_and_single_marks_are_not_double_marks() {
    let t = "China’s rock ’n’ roll of the ’90s: “He told me ‘never again’,” she said of the countries’ pact.";
    assert!(issues(t).is_empty());
    assert_eq!(quoted(t), ["“He told me ‘never again’,”"]);
}

#[test]
fn continued_quotation_over_paragraphs() {
    let t = "The coach spoke at length.\n\n\"We trained hard all week.\n\n\"It showed on the pitch,\" he said.";
    assert!(issues(t).is_empty(), "{:?}", issues(t));
    assert_eq!(
        quoted(t),
        ["\"We trained hard all week.", "\"It showed on the pitch,\""]
    );
}

#[test]
fn open_quotation_without_reopening_is_unclosed() {
    let t = "The coach spoke.\n\n\"We trained hard all week.\n\nThe match starts at noon.";
    assert_eq!(
        issues(t),
        [(IssueKind::Unclosed(Cause::RunsOn), "\"We tra".to_owned())]
    );
}

#[test]
fn run_together_paragraphs_reopen_after_a_full_stop() {
    let t = "Mr Diallo said: \"The harvest failed twice. \"Farmers have nothing left,\" he added.";
    assert!(issues(t).is_empty(), "{:?}", issues(t));
}

#[test]
fn stray_opening_mark_inside_a_quotation() {
    let t = "“The river will rise, and [by then] “the town must be ready,” the mayor said.";
    assert_eq!(issues(t), [(IssueKind::Nested, "“the to".to_owned())]);
    let l = lang();
    let doc = Document::parse(t, Format::Plain, &l);
    assert_eq!(doc.paired.issues[0].inner_close, None);
    assert_eq!(
        quoted(t),
        ["“The river will rise, and [by then] “the town must be ready,”"]
    );
}

#[test]
fn same_type_inner_pair() {
    let t = "\"They called it \"a farce\" on the day,\" she said.";
    let l = lang();
    let doc = Document::parse(t, Format::Plain, &l);
    assert_eq!(doc.paired.issues.len(), 1);
    assert!(doc.paired.issues[0].inner_close.is_some());
    assert_eq!(doc.quotes.len(), 1);
}

#[test]
fn lost_closing_mark_before_an_attribution() {
    let t = "\"The budget is fair, the minister said on Monday. \"It helps families.\"";
    let l = lang();
    let doc = Document::parse(t, Format::Plain, &l);
    assert_eq!(doc.paired.issues.len(), 1);
    let i = doc.paired.issues[0];
    assert_eq!(i.kind, IssueKind::Unclosed(Cause::Attribution));
    assert_eq!(&t[..i.end_hint.unwrap()], "\"The budget is fair,");
}

#[test]
fn closing_mark_with_nothing_open() {
    let t = "The budget is fair,\" the minister said.";
    assert_eq!(
        issues(t),
        [(IssueKind::UnmatchedClose, "\" the m".to_owned())]
    );
}

#[test]
fn scare_quote_left_open_does_not_continue() {
    let t = "Critics called the plan \"reckless and walked out.\n\n\"It will fail,\" one said.";
    assert_eq!(
        issues(t),
        [(IssueKind::Unclosed(Cause::RunsOn), "\"reckle".to_owned())]
    );
}

#[test]
fn brackets_balance_per_paragraph() {
    let t = "The fund (set up in 2019 grew fast. Its head [a former banker] left.\n\nA list: a) one, b) two. Done :)";
    let l = lang();
    let doc = Document::parse(t, Format::Plain, &l);
    let got: Vec<(BracketProblem, &str)> = doc
        .paired
        .brackets
        .iter()
        .map(|b| {
            (
                b.problem,
                &t[b.mark.start..b.end_hint.unwrap_or(b.mark.end)],
            )
        })
        .collect();
    assert_eq!(
        got,
        [(BracketProblem::Unclosed, "(set up in 2019 grew fast")]
    );
}

#[test]
fn markdown_code_is_not_quoted() {
    let src = "Run `say \"hi` today, \"she said\" twice.\n";
    let l = lang();
    let doc = Document::parse(src, Format::Markdown, &l);
    assert!(doc.paired.issues.is_empty());
    assert_eq!(doc.quotes.len(), 1);
}

#[test]
fn lead_in_sentences_and_reopenings_in_one_paragraph() {
    let t = "Coach Ana Ruiz said: \"Sam is an option but we need a forward. \"I have to decide soon. Those three will travel.\" Ruiz added: \"It is not broken, but it is a bad sprain. \"It will take weeks.\"";
    assert!(issues(t).is_empty(), "{:?}", issues(t));
}

#[test]
fn closing_mark_lost_before_a_sentence_with_a_scare_quote() {
    let t = "\"The season starts in May. It is a \"new era\" for the club and its fans in the town. Tickets go on sale next week.";
    let got = issues(t);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, IssueKind::Unclosed(Cause::Interrupted));
    // the seed pattern stays a stray nested mark
    let t =
        "“The dam will hold, and [if the rain eases] “we can reopen the road,” the engineer said.";
    assert_eq!(issues(t)[0].0, IssueKind::Nested);
}
