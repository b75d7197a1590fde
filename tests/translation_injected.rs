//! The translation pack finds defects injected anywhere in clean copy, and stays quiet on
//! the clean copy itself.
//!
//! The articles below were written for this test. Each defect is injected after every
//! sentence outside quoted speech in turn, and the pack must flag the injected text.

use copydesk::diagnostic::{Diagnostic, Severity};
use copydesk::document::Format;
use copydesk::linter::Linter;
use copydesk::pack::RuleSet;
use copydesk::text::Span;
use std::sync::Arc;

const ARTICLES: &[&str] = &[
    "Harbour strike ends after nine days

Dock workers in Rotterdam voted on Tuesday to end a strike that had stranded more than 400 containers of fresh produce. The union said 78% of members backed the new pay offer.

“This is not everything we asked for, but it is a fair deal,” said Pieter de Vries, who led the talks for the union. He added that night shifts would resume at 10 p.m. on Wednesday.

The port authority estimated the cost of the stoppage at €35m. Shipping lines had diverted some vessels to Antwerp and Hamburg, where queues grew longer by the day.

Exporters welcomed the deal. “We lost customers this week,” said Anna Smit, who runs a flower wholesaler near the docks. “Some of them will not come back.”

The government, which had offered to mediate, said it would review how disputes at critical ports are settled.",
    "Storm cuts power to thousands

A storm with gusts of up to 140km/h cut power to about 60,000 homes across the north of Scotland on Friday night, the network operator said.

Engineers restored supplies to most customers by Saturday afternoon, but some remote villages may wait until Monday. Ferries to the islands were cancelled and several roads were closed by fallen trees.

Mr. Grant, a farmer near Inverness, said the wind had torn the roof off one of his barns. “I have lived here for 50 years and I have never seen anything like it,” he said.

Forecasters expect calmer weather next week. Schools in the worst-hit areas will stay closed until the roads are cleared.",
    "Carmaker raises annual forecast

Shares in the carmaker rose 4.2% after it raised its profit forecast for the year, citing strong demand for its electric models in Europe and the U.S. market.

The company now expects an operating margin of between 8% and 9%, up from 7% previously. Chief executive Laura Bianchi told investors the group had cut battery costs faster than planned.

Analysts said the upgrade was larger than expected. “The numbers show the strategy is working,” said Tom Becker of a Frankfurt brokerage. However, he warned that price cuts by rivals could squeeze margins next year.

The group will publish full results in February. It plans to open a new plant in Spain in 2026 and has hired 1,200 workers for it.",
];

/// (kind, text to inject after a sentence).
const INJECTIONS: &[(&str, &str)] = &[
    ("stray", "Ta."),
    ("stray", "Xu."),
    ("stray", "Zhe ne."),
    ("truncated", "There is."),
    ("truncated", "It was."),
    ("truncated", "They are."),
    ("split", "may destabilize."),
    ("split", "could hurt exports next year."),
    ("split", "has raised fears among traders."),
    ("orphan", "said a Chinese scholar."),
    ("orphan", "said one diplomat."),
    ("orphan", "he said."),
    ("orphan", "said."),
];

fn linter() -> Linter {
    let set = Arc::new(RuleSet::builtin());
    let mut linter = Linter::new(set.clone());
    linter
        .active
        .retain(|(i, _)| set.rules[*i].info.pack == "translation");
    linter
}

fn serious(diags: &[Diagnostic]) -> Vec<&Diagnostic> {
    diags
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .collect()
}

/// Offsets just after each body sentence that ends outside quoted speech.
fn sentence_ends(linter: &Linter, text: &str) -> Vec<usize> {
    let doc = linter.parse(text, Format::Plain);
    doc.sentences
        .iter()
        .filter(|s| doc.blocks[s.block].is_body() && !doc.touches_quotes(s.span))
        .map(|s| s.span.end)
        .collect()
}

#[test]
fn clean_articles_are_quiet() {
    let linter = linter();
    for a in ARTICLES {
        let d = linter.lint(a, Format::Plain);
        assert!(d.is_empty(), "flags on clean copy: {d:#?}");
    }
}

#[test]
fn injected_defects_are_found() {
    let linter = linter();
    let mut missed = Vec::new();
    let mut tried = 0;
    for a in ARTICLES {
        for end in sentence_ends(&linter, a) {
            for (kind, insert) in INJECTIONS {
                let text = format!("{} {insert}{}", &a[..end], &a[end..]);
                let span = Span::new(end + 1, end + 1 + insert.len());
                tried += 1;
                let diags = linter.lint(&text, Format::Plain);
                if !serious(&diags).iter().any(|d| d.span.overlaps(span)) {
                    missed.push(format!(
                        "{kind}: …{}…",
                        &text[end.saturating_sub(40)..span.end]
                    ));
                }
            }
        }
    }
    assert!(tried > 100);
    assert!(
        missed.is_empty(),
        "{} of {tried} injected defects missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn double_attributions_after_attributed_sentences_are_found() {
    let linter = linter();
    let text = ARTICLES.join("\n\n");
    let doc = linter.parse(&text, Format::Plain);
    let ends: Vec<usize> = doc
        .sentences
        .iter()
        .filter(|s| {
            let t = s.span.slice(&text);
            doc.blocks[s.block].is_body()
                && !doc.in_quotes(s.span)
                && t.ends_with('.')
                && (t.contains(" said") || t.contains(" told") || t.contains(" added"))
        })
        .map(|s| s.span.end)
        .collect();
    assert!(ends.len() >= 5, "{ends:?}");
    for end in ends {
        for insert in ["said.", "he said.", "she added."] {
            let t = format!("{} {insert}{}", &text[..end], &text[end..]);
            let span = Span::new(end + 1, end + 1 + insert.len());
            let diags = linter.lint(&t, Format::Plain);
            assert!(
                serious(&diags).iter().any(|d| d.span.overlaps(span)),
                "missed {insert:?} after …{}",
                &text[end.saturating_sub(60)..end]
            );
        }
    }
}

#[test]
fn cut_sentences_are_found() {
    let linter = linter();
    // cut each sentence after its first article or conjunction outside quotes
    let mut tried = 0;
    for a in ARTICLES {
        let doc = linter.parse(a, Format::Plain);
        for s in doc
            .sentences
            .iter()
            .filter(|s| doc.blocks[s.block].is_body() && !doc.touches_quotes(s.span))
        {
            let body = s.span.slice(a);
            let Some(cut) = [" the ", " and ", " a ", " but "]
                .iter()
                .filter_map(|w| body.find(w).map(|p| p + w.len() - 1))
                .min()
            else {
                continue;
            };
            let text = format!("{}.{}", &a[..s.span.start + cut], &a[s.span.end..]);
            let span = Span::new(s.span.start, s.span.start + cut + 1);
            tried += 1;
            let diags = linter.lint(&text, Format::Plain);
            assert!(
                serious(&diags).iter().any(|d| d.span.overlaps(span)),
                "missed cut clause: {}",
                span.slice(&text)
            );
        }
    }
    assert!(tried >= 8);
}
