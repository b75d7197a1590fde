//! `name-capitals`: a proper name written with different capitals in one article ("Korean
//! peninsula" / "Korean Peninsula"). A word capitalised only because it opens a sentence, and
//! headlines, say nothing. The fact base's form wins, else the majority, else the first.

use crate::checks::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::names::analysis;
use crate::names::data::NameData;
use crate::names::phrases::PhraseFinder;
use crate::names::scan::RunKind;
use crate::pack::error::ConfigError;
use crate::text::Span;
use std::collections::HashMap;

#[derive(Debug)]
struct Capitals {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Capitals {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

/// One use of a phrase: where, as written, and whether its first letter opens a sentence.
struct Use {
    span: Span,
    initial: bool,
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
            if let std::collections::hash_map::Entry::Vacant(e) = keys.entry(k) {
                e.insert(phrases.len());
                phrases.push(p.to_owned());
            }
        };
        for (ri, r) in a.runs.iter().enumerate() {
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
                // "Home Secretary" before a name
                if let Some(t) = r.title.as_ref().filter(|t| t.text.contains(' ')) {
                    add(t.span.slice(text));
                }
            } else if r.kind == RunKind::Single
                && !r.sentence_initial
                && r.word().chars().skip(1).all(|c| !c.is_uppercase())
                && !a.word_known(ri, cx.lang)
            {
                add(r.word());
            }
        }
        if phrases.is_empty() {
            return;
        }
        let finder = PhraseFinder::new(&phrases);
        let sentence_starts: Vec<usize> = doc
            .sentences
            .iter()
            .filter_map(|s| doc.sentence_tokens(s).iter().find(|t| t.is_word()))
            .map(|t| t.span.start)
            .collect();
        let mut uses: Vec<Vec<Use>> = (0..phrases.len()).map(|_| Vec::new()).collect();
        for b in doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = &text[b.span.start..b.span.end];
            for m in finder.find_iter(hay) {
                let span = Span::new(b.span.start + m.start, b.span.start + m.end);
                if !at_word_boundaries(text, span) {
                    continue;
                }
                let initial = sentence_starts.binary_search(&span.start).is_ok();
                uses[m.phrase].push(Use { span, initial });
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
            let key = phrases[pi].to_lowercase();
            let fact = fact_forms.iter().find(|f| f.to_lowercase() == key).copied();
            // each use's signature: the capitals of the words that say something
            let sigs: Vec<Option<Vec<Option<bool>>>> =
                us.iter().map(|u| self.signature(u, text, cx)).collect();
            let mut tie = false;
            let chosen_sig = match fact {
                Some(f) => self.signature(
                    &Use {
                        span: Span::new(0, f.len()),
                        initial: false,
                    },
                    f,
                    cx,
                ),
                None => {
                    let mut counts: Vec<(&Vec<Option<bool>>, usize, usize)> = Vec::new();
                    for (i, sig) in sigs.iter().enumerate() {
                        let Some(sig) = sig else { continue };
                        match counts.iter_mut().find(|c| c.0 == sig) {
                            Some(c) => c.1 += 1,
                            None => counts.push((sig, 1, i)),
                        }
                    }
                    if counts.len() < 2 {
                        continue;
                    }
                    let best = counts
                        .iter()
                        .max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2)))
                        .map(|c| c.0.clone());
                    tie = counts.iter().filter(|c| Some(c.0) == best.as_ref()).count() == 1
                        && counts
                            .iter()
                            .filter(|c| c.1 == counts.iter().map(|c| c.1).max().unwrap_or(0))
                            .count()
                            > 1;
                    best
                }
            };
            let Some(chosen_sig) = chosen_sig else {
                continue;
            };
            let model = match fact {
                Some(f) => (f.to_owned(), None),
                None => {
                    let i = sigs
                        .iter()
                        .position(|s| s.as_ref() == Some(&chosen_sig))
                        .unwrap_or(0);
                    (us[i].span.slice(text).to_owned(), Some(us[i].span))
                }
            };
            for (u, sig) in us.iter().zip(&sigs) {
                let Some(sig) = sig else { continue };
                let conflict = sig
                    .iter()
                    .zip(&chosen_sig)
                    .any(|(a, b)| a.is_some() && b.is_some() && a != b);
                if !conflict {
                    // in a tie the first form is kept, but which is wrong is a guess: show
                    // the kept side too, without a fix
                    if tie && model.1.is_some_and(|m| m == u.span) {
                        if let Some(other) = us.iter().zip(&sigs).find(|(_, s)| {
                            s.as_ref().is_some_and(|s| {
                                s.iter()
                                    .zip(&chosen_sig)
                                    .any(|(a, b)| a.is_some() && b.is_some() && a != b)
                            })
                        }) {
                            let found = u.span.slice(text);
                            let theirs = other.0.span.slice(text);
                            cx.report(u.span)
                                .var("match", found)
                                .var("expected", theirs)
                                .label(other.0.span, format!("written “{theirs}” here"))
                                .emit(out);
                        }
                    }
                    continue;
                }
                let found = u.span.slice(text);
                let right = respell(found, &model.0, u.initial);
                if right == found {
                    continue;
                }
                let mut rep = cx
                    .report(u.span)
                    .var("match", found)
                    .var("expected", right.as_str())
                    .fix(Fix::unsafe_(
                        format!("Write “{right}”"),
                        vec![Edit::replace(u.span, right.as_str())],
                    ));
                if let Some(c) = model.1 {
                    rep = rep.label(c, format!("written “{}” here", model.0));
                }
                rep.emit(out);
            }
        }
    }
}

impl Capitals {
    /// For each word of a use: `Some(capitalised)` where the capital says something; `None`
    /// for a word opening a sentence, a function word or an acronym. `None` altogether when
    /// the use is generic ("human rights" beside "Human Rights") or inside a web address.
    fn signature(&self, u: &Use, text: &str, cx: &Context<'_>) -> Option<Vec<Option<bool>>> {
        let s = u.span.slice(text);
        let before = text[..u.span.start].chars().next_back();
        let after = text[u.span.end..].chars().next();
        if matches!(before, Some('.' | '/' | '@'))
            || matches!(after, Some('/' | '@'))
            || (after == Some('.')
                && text[u.span.end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
        {
            return None;
        }
        let words: Vec<&str> = s
            .split([' ', '-', '\u{a0}'])
            .filter(|w| !w.is_empty())
            .collect();
        let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let acronym = |w: &str| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        if words.len() > 1 && !u.initial && !cap(words[0]) {
            return None;
        }
        let mut sig = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            let function = cx.lang.sentence_starters.contains(&w.to_lowercase());
            let skip = (i == 0 && (u.initial || words.len() > 1))
                || (function && i > 0)
                || acronym(w)
                || w.chars().skip(1).any(char::is_uppercase);
            sig.push(if skip { None } else { Some(cap(w)) });
        }
        Some(sig)
    }
}

/// `found` rewritten with the capitals of `model` (same letters), keeping a capital that
/// opens a sentence.
fn respell(found: &str, model: &str, initial: bool) -> String {
    let mut out: String = if found.chars().count() == model.chars().count() {
        model.to_owned()
    } else {
        return found.to_owned();
    };
    if initial {
        out = upper_first(&out);
    }
    out
}
