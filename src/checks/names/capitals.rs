//! `name-capitals`: a proper name written with different capitals in one article ("Korean
//! peninsula" / "Korean Peninsula"). A word capitalised only because it opens a sentence, and
//! headlines, say nothing. The fact base's form wins, else the majority, else the first.

use crate::checks::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::names::data::NameData;
use crate::names::scan::RunKind;
use crate::names::analysis;
use crate::pack::error::ConfigError;
use crate::text::Span;
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

#[derive(Debug)]
struct Capitals {
    data: NameData,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Capitals {
        data: NameData::new(cx.lexicon),
    }))
}

/// One use of a phrase: where, as written, and whether its first letter opens a sentence.
struct Use {
    span: Span,
    initial: bool,
}

fn same_but_first(a: &str, b: &str) -> bool {
    let mut x = a.chars();
    let mut y = b.chars();
    x.next();
    y.next();
    x.eq(y)
}

fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl Check for Capitals {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        let doc = cx.doc;
        let text: &str = &doc.text;
        let d = &self.data;
        // the phrases: multi-word capitalised runs, and one-word names no dictionary knows
        let mut phrases: Vec<String> = Vec::new();
        let mut keys: HashMap<String, usize> = HashMap::new();
        let mut add = |p: &str| {
            if p.contains(['\n', '\r']) || p.len() < 3 {
                return;
            }
            let k = p.to_lowercase();
            if !keys.contains_key(&k) {
                keys.insert(k, phrases.len());
                phrases.push(p.to_owned());
            }
        };
        for r in &a.runs {
            let words: Vec<&str> = r.raw.iter().map(|w| w.text.as_str()).collect();
            if r.continues_name {
                continue;
            }
            if r.raw.len() >= 2 && d.title_len(&words) < words.len() {
                let span = Span::new(r.raw[0].span.start, r.raw[r.raw.len() - 1].span.end);
                add(span.slice(text));
                if r.name_start > 0 && r.name().len() >= 2 {
                    add(r.name_text(text));
                }
            } else if r.kind == RunKind::Single
                && !r.sentence_initial
                && !cx.lang.is_word(r.word())
                && r.word().chars().skip(1).all(|c| !c.is_uppercase())
            {
                add(r.word());
            }
        }
        if phrases.is_empty() {
            return;
        }
        let Ok(ac) = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&phrases)
        else {
            return;
        };
        let sentence_starts: Vec<usize> = doc
            .sentences
            .iter()
            .filter_map(|s| doc.sentence_tokens(s).iter().find(|t| t.is_word()))
            .map(|t| t.span.start)
            .collect();
        let mut uses: Vec<Vec<Use>> = (0..phrases.len()).map(|_| Vec::new()).collect();
        for b in doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = &text[b.span.start..b.span.end];
            for m in ac.find_iter(hay) {
                let span = Span::new(b.span.start + m.start(), b.span.start + m.end());
                if !at_word_boundaries(text, span) {
                    continue;
                }
                let initial = sentence_starts.binary_search(&span.start).is_ok();
                uses[m.pattern().as_usize()].push(Use { span, initial });
            }
        }
        let facts = &cx.house.fact_base;
        let fact_forms: Vec<&str> = facts
            .people
            .iter()
            .map(|p| p.name.as_str())
            .chain(facts.places.iter().map(|p| p.name.as_str()))
            .chain(facts.organisations.iter().map(|o| o.name.as_str()))
            .collect();
        for (pi, us) in uses.iter().enumerate() {
            if us.len() < 2 {
                continue;
            }
            let forms: Vec<&str> = us.iter().map(|u| u.span.slice(text)).collect();
            let key = phrases[pi].to_lowercase();
            // the form to keep: the fact base's, else the majority of uses that are not
            // sentence-initial, else the first
            let chosen: String = match fact_forms.iter().find(|f| f.to_lowercase() == key) {
                Some(f) => (*f).to_owned(),
                None => {
                    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
                    for (i, (u, f)) in us.iter().zip(&forms).enumerate() {
                        if u.initial {
                            continue;
                        }
                        match counts.iter_mut().find(|c| c.0 == *f) {
                            Some(c) => c.1 += 1,
                            None => counts.push((f, 1, i)),
                        }
                    }
                    let Some(best) = counts
                        .iter()
                        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
                    else {
                        continue;
                    };
                    if counts.len() < 2 && us.iter().all(|u| !u.initial) {
                        continue;
                    }
                    best.0.to_owned()
                }
            };
            let chosen_at = us
                .iter()
                .zip(&forms)
                .find(|(_, f)| **f == chosen)
                .map(|(u, _)| u.span);
            for (u, f) in us.iter().zip(&forms) {
                let ok = *f == chosen || (u.initial && same_but_first(f, &chosen));
                if ok {
                    continue;
                }
                let right = if u.initial {
                    upper_first(&chosen)
                } else {
                    chosen.clone()
                };
                if *f == right {
                    continue;
                }
                let mut rep = cx
                    .report(u.span)
                    .var("match", *f)
                    .var("expected", right.as_str())
                    .fix(Fix::unsafe_(
                        format!("Write “{right}”"),
                        vec![Edit::replace(u.span, right.as_str())],
                    ));
                if let Some(c) = chosen_at {
                    rep = rep.label(c, format!("written “{chosen}” here"));
                }
                rep.emit(out);
            }
        }
    }
}
