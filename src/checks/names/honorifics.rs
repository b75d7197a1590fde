//! `honorifics`: a person called "Mr. Kim" in one place and "Kim" in another, or honorifics
//! written against the house setting (`[house] honorifics = "none" | "Mr" | "Mr."`).
//!
//! Titles (President, Professor) are not honorifics, quoted speech is left alone, and the
//! first, full mention does not count: "Tony Blair ... Mr Blair ... Mr Blair" is consistent.

use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::{Edit, Fix};
use crate::house::HonorificStyle;
use crate::names::data::NameData;
use crate::names::scan::Run;
use crate::names::{analysis, paragraph};
use crate::pack::error::ConfigError;
use crate::text::Span;

#[derive(Debug)]
struct Honorifics {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Honorifics {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

fn counts(run: &Run, data: &NameData) -> bool {
    if run
        .next_word
        .as_ref()
        .is_some_and(|w| data.attributive_after.contains(w))
    {
        return false;
    }
    !run.in_quotes
        && run.title.is_none()
        && !run.after_determiner
        && !run.listed
        && !run.continues_name
}

/// Deletes the honorific of `run` and the space after it.
fn drop_honorific(run: &Run) -> Edit {
    let h = run.honorific.as_ref().map_or(Span::default(), |h| h.span);
    Edit::delete(Span::new(h.start, run.name_span().start))
}

impl Check for Honorifics {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        let text: &str = &cx.doc.text;
        let refs = |p: &crate::names::Person| -> Vec<usize> {
            p.refs
                .iter()
                .copied()
                .filter(|&r| counts(&a.runs[r], &self.data))
                .collect()
        };
        if let Some(style) = cx.house.honorifics {
            for p in &a.people {
                let fact = p
                    .fact
                    .and_then(|f| cx.house.fact_base.people[f].honorific.clone());
                let known = fact.or_else(|| {
                    p.refs
                        .iter()
                        .find_map(|&r| a.runs[r].honorific.as_ref())
                        .map(|h| h.text.trim_end_matches('.').to_owned())
                });
                for r in refs(p) {
                    let run = &a.runs[r];
                    self.house_style(cx, style, run, known.as_deref(), p.introduced(), out);
                }
            }
            return;
        }
        // the article's own habit, over everyone: honorific or bare, "Mr" or "Mr."
        let (mut with, mut bare, mut stop, mut nostop) = (0, 0, 0, 0);
        let mut first_stop: Option<bool> = None;
        for p in &a.people {
            for r in refs(p) {
                match &a.runs[r].honorific {
                    Some(h) => {
                        with += 1;
                        let s = h.text.ends_with('.');
                        first_stop.get_or_insert(s);
                        if s {
                            stop += 1
                        } else {
                            nostop += 1
                        }
                    }
                    None => bare += 1,
                }
            }
        }
        for p in &a.people {
            let rs = refs(p);
            let h: Vec<usize> = rs
                .iter()
                .copied()
                .filter(|&r| a.runs[r].honorific.is_some())
                .collect();
            let b: Vec<usize> = rs
                .iter()
                .copied()
                .filter(|&r| a.runs[r].honorific.is_none())
                .collect();
            // one odd mention among several is a slip; a person written both ways throughout
            // is a habit of the piece (readers' letters, mixed sources), not one mention to fix
            let minority = h.len().min(b.len());
            if minority == 0 {
                self.against_habit(cx, a, &h, &b, (with, bare), out);
                continue;
            }
            if minority > 1 && minority * 4 > h.len() + b.len() {
                continue;
            }
            let hon = a.runs[h[0]]
                .honorific
                .as_ref()
                .map(|x| x.text.clone())
                .unwrap_or_default();
            // a tie: how the article treats everyone else decides; failing that, both sides
            // are shown and the honorific is kept
            let (other_with, other_bare) = (with - h.len(), bare - b.len());
            let mut both = false;
            let keep_honorific = match h.len().cmp(&b.len()) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Less => false,
                std::cmp::Ordering::Equal if other_with > other_bare => true,
                std::cmp::Ordering::Equal if other_bare > other_with => false,
                std::cmp::Ordering::Equal => {
                    let courtesy = self.data.courtesy.contains(hon.trim_end_matches('.'));
                    if !courtesy {
                        continue;
                    }
                    both = true;
                    true
                }
            };

            let (wrong, right) = if keep_honorific { (&b, &h) } else { (&h, &b) };
            let example = &a.runs[right[0]];
            let shown = Span::new(
                example
                    .honorific
                    .as_ref()
                    .map_or(example.name_span().start, |x| x.span.start),
                example.name_span().end,
            );
            for &r in wrong {
                let run = &a.runs[r];
                let (span, fix) = if keep_honorific {
                    let s = run.name_span();
                    (
                        s,
                        Fix::unsafe_(
                            format!("Write “{hon} {}”", run.word()),
                            vec![Edit::replace(
                                Span::new(s.start, s.start),
                                format!("{hon} "),
                            )],
                        ),
                    )
                } else {
                    (
                        Span::new(
                            run.honorific.as_ref().unwrap().span.start,
                            run.name_span().end,
                        ),
                        Fix::unsafe_(format!("Write “{}”", run.word()), vec![drop_honorific(run)]),
                    )
                };
                let found = span.slice(text);
                let mut rep = cx.report(span);
                if both {
                    // a tie nothing settles: a hint
                    rep = rep.severity(Severity::Info);
                }
                rep.var("match", found)
                    .var("expected", shown.slice(text))
                    .label(
                        shown,
                        format!(
                            "“{}” in paragraph {}",
                            shown.slice(text),
                            paragraph(example.block)
                        ),
                    )
                    .fix(fix)
                    .emit(out);
            }
            if both {
                // no telling which is the slip: show the honorific side too, without a fix
                let bare_at = a.runs[b[0]].name_span();
                for &r in &h {
                    let run = &a.runs[r];
                    let hs = run
                        .honorific
                        .as_ref()
                        .map_or(run.name_span().start, |x| x.span.start);
                    let span = Span::new(hs, run.name_span().end);
                    cx.report(span)
                        .severity(Severity::Info)
                        .var("match", span.slice(text))
                        .var("expected", run.word())
                        .label(bare_at, format!("“{}” here", bare_at.slice(text)))
                        .emit(out);
                }
            }
        }
        // "Mr" and "Mr." in one article
        if stop > 0 && nostop > 0 && (stop.min(nostop) == 1 || stop.min(nostop) * 4 <= with) {
            let want_stop = if stop != nostop {
                stop > nostop
            } else {
                first_stop == Some(true)
            };
            for p in &a.people {
                for r in refs(p) {
                    let Some(h) = &a.runs[r].honorific else {
                        continue;
                    };
                    if h.text.ends_with('.') == want_stop {
                        continue;
                    }
                    let right = if want_stop {
                        format!("{}.", h.text)
                    } else {
                        h.text.trim_end_matches('.').to_owned()
                    };
                    // a matter of typography: a hint unless the house has ruled on it
                    cx.report(h.span)
                        .severity(Severity::Info)
                        .var("match", h.text.as_str())
                        .var("expected", right.as_str())
                        .message(format!(
                            "“{}” here, “{right}” elsewhere in the article",
                            h.text
                        ))
                        .fix(Fix::unsafe_(
                            format!("Write “{right}”"),
                            vec![Edit::replace(h.span, right.as_str())],
                        ))
                        .emit(out);
                }
            }
        }
    }
}

impl Honorifics {
    /// A person written one way only, in an article that writes everyone else the other way
    /// ("Mr Price" among bare surnames): reported when the habit is clear.
    fn against_habit(
        &self,
        cx: &Context<'_>,
        a: &crate::names::Analysis,
        h: &[usize],
        b: &[usize],
        (with, bare): (usize, usize),
        out: &mut Vec<Diagnostic>,
    ) {
        let text: &str = &cx.doc.text;
        let (mine, others_same, others_other) = if h.is_empty() {
            (b, bare - b.len(), with)
        } else {
            (h, with - h.len(), bare)
        };
        // the habit must come from at least two other people introduced in full
        let want_honorific = h.is_empty();
        let witnesses = a
            .people
            .iter()
            .filter(|p| p.introduced())
            .filter(|p| {
                p.refs.iter().any(|&r| {
                    let run = &a.runs[r];
                    counts(run, &self.data)
                        && !run.sentence_initial
                        && run.honorific.is_some() == want_honorific
                })
            })
            .count();
        let person_introduced = a
            .person_of
            .get(mine.first().copied().unwrap_or(0))
            .copied()
            .flatten()
            .is_some_and(|p| a.people[p].introduced());
        if mine.len() != 1 {
            return;
        }
        let run = &a.runs[mine[0]];
        let attributive = run
            .prev_word
            .as_deref()
            .is_some_and(|p| matches!(p, "of" | "as" | "like" | "by"))
            && run.honorific.is_none();
        if mine.len() != 1
            || others_same > 0
            || others_other < 2
            || witnesses < 1
            || !person_introduced
            || attributive
            || run.sentence_initial
        {
            return;
        }
        // one bare surname among people all given honorifics is a likely slip; one honorific
        // among bare surnames is often the house's habit for non-celebrities: a hint
        let severity = if run.honorific.is_none() && witnesses >= 3 {
            Severity::Warning
        } else {
            Severity::Info
        };
        if let Some(hon) = &run.honorific {
            let span = Span::new(hon.span.start, run.name_span().end);
            // the article's habit is weaker evidence than a person written two ways: a hint
            cx.report(span)
                .severity(severity)
                .var("match", span.slice(text))
                .var("expected", run.word())
                .message(format!(
                    "“{}” here, while the article calls everyone else by the surname alone",
                    span.slice(text)
                ))
                .fix(Fix::unsafe_(
                    format!("Write “{}”", run.word()),
                    vec![drop_honorific(run)],
                ))
                .emit(out);
        } else {
            cx.report(run.name_span())
                .severity(severity)
                .var("match", run.word())
                .message(format!(
                    "“{}” here, while the article gives everyone else an honorific",
                    run.word()
                ))
                .emit(out);
        }
    }

    fn house_style(
        &self,
        cx: &Context<'_>,
        style: HonorificStyle,
        run: &Run,
        known: Option<&str>,
        introduced: bool,
        out: &mut Vec<Diagnostic>,
    ) {
        let text: &str = &cx.doc.text;
        match (&run.honorific, style) {
            (Some(h), HonorificStyle::None) => {
                let span = Span::new(h.span.start, run.name_span().end);
                cx.report(span)
                    .severity(Severity::Error)
                    .var("match", span.slice(text))
                    .var("expected", run.word())
                    .message(format!(
                        "The house uses no honorifics: write “{}”, not “{}”",
                        run.word(),
                        span.slice(text)
                    ))
                    .fix(Fix::unsafe_(
                        format!("Write “{}”", run.word()),
                        vec![drop_honorific(run)],
                    ))
                    .emit(out);
            }
            (Some(h), s) => {
                let bare = h.text.trim_end_matches('.');
                let right = if s == HonorificStyle::Stop {
                    format!("{bare}.")
                } else {
                    bare.to_owned()
                };
                if h.text != right && self.data.honorifics.contains(bare) {
                    cx.report(h.span)
                        .severity(Severity::Error)
                        .var("match", h.text.as_str())
                        .var("expected", right.as_str())
                        .message(format!("The house writes “{right}”, not “{}”", h.text))
                        .fix(Fix::unsafe_(
                            format!("Write “{right}”"),
                            vec![Edit::replace(h.span, right.as_str())],
                        ))
                        .emit(out);
                }
            }
            (None, HonorificStyle::None) => {}
            (None, s) => {
                if !introduced && known.is_none() {
                    return;
                }
                let span = run.name_span();
                let mut rep = cx
                    .report(span)
                    .severity(Severity::Error)
                    .var("match", run.word())
                    .message(format!(
                        "The house gives later mentions an honorific: “{}” needs one",
                        run.word()
                    ));
                if let Some(k) = known {
                    let hon = if s == HonorificStyle::Stop {
                        format!("{k}.")
                    } else {
                        k.to_owned()
                    };
                    rep = rep
                        .var("expected", format!("{hon} {}", run.word()))
                        .fix(Fix::unsafe_(
                            format!("Write “{hon} {}”", run.word()),
                            vec![Edit::replace(
                                Span::new(span.start, span.start),
                                format!("{hon} "),
                            )],
                        ));
                }
                rep.emit(out);
            }
        }
    }
}
