//! `name-forms`: one person (or organisation) written in several forms in one article
//! ("Kim Jong-un" / "Kim Jong Un"), and names the house fact base writes another way.

use crate::checks::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::names::data::NameData;
use crate::names::scan::RunKind;
use crate::names::{analysis, fold, paragraph};
use crate::pack::error::ConfigError;
use crate::text::Span;
use std::collections::HashMap;

#[derive(Debug)]
struct Forms {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Forms {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

impl Check for Forms {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        let text: &str = &cx.doc.text;
        let facts = &cx.house.fact_base;
        // house forms: (folded variant → canonical)
        let mut house: HashMap<String, &str> = HashMap::new();
        for (name, variants) in facts.names_with_variants() {
            house.insert(fold(name), name.as_str());
            for v in variants {
                house.insert(fold(v), name.as_str());
            }
        }
        // every name-shaped run, grouped by its folded form
        let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (ri, r) in a.runs.iter().enumerate() {
            let shaped =
                r.kind == RunKind::Full || (r.kind == RunKind::Single && r.word().contains('-'));
            // without house forms only the shape decides: no need to fold every run
            if !shaped && house.is_empty() {
                continue;
            }
            let key = fold(r.name_text(text));
            if !shaped && !house.contains_key(&key) {
                continue;
            }
            let g = groups.entry(key.clone()).or_default();
            if g.is_empty() {
                order.push(key);
            }
            g.push(ri);
        }
        let mut reported: Vec<Span> = Vec::new();
        for key in &order {
            let runs = &groups[key];
            let forms: Vec<&str> = runs.iter().map(|&ri| a.runs[ri].name_text(text)).collect();
            let (chosen, safe) = match house.get(key) {
                Some(c) => (*c, true),
                None => (forms[0], false),
            };
            for (k, &ri) in runs.iter().enumerate() {
                let form = forms[k];
                // a difference of capitals alone is the capitalisation check's business
                if form == chosen || (!safe && form.to_lowercase() == chosen.to_lowercase()) {
                    continue;
                }
                let span = a.runs[ri].name_span();
                let first = runs
                    .iter()
                    .zip(&forms)
                    .find(|(_, f)| **f == chosen)
                    .map(|(&r, _)| a.runs[r].name_span());
                let mut rep = cx.report(span).var("match", form).var("expected", chosen);
                rep = if safe {
                    rep.message(format!("The house writes “{chosen}”, not “{form}”"))
                        .fix(Fix::safe(
                            format!("Write “{chosen}”"),
                            vec![Edit::replace(span, chosen)],
                        ))
                } else {
                    rep.fix(Fix::unsafe_(
                        format!("Write “{chosen}” as at first mention"),
                        vec![Edit::replace(span, chosen)],
                    ))
                };
                if let Some(f) = first {
                    let para = paragraph(a.runs[runs[0]].block);
                    rep = rep.label(f, format!("written “{chosen}” here (paragraph {para})"));
                }
                rep.emit(out);
                reported.push(span);
            }
        }
        // house variants that no run caught (inside longer names, organisations)
        for block in cx.doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = &text[block.span.start..block.span.end];
            for (name, variants) in facts.names_with_variants() {
                for v in variants.iter().filter(|v| *v != name && !v.is_empty()) {
                    for (p, _) in hay.match_indices(v.as_str()) {
                        let span = Span::new(block.span.start + p, block.span.start + p + v.len());
                        if !at_word_boundaries(text, span)
                            || reported.iter().any(|r| r.overlaps(span))
                        {
                            continue;
                        }
                        cx.report(span)
                            .var("match", v.as_str())
                            .var("expected", name.as_str())
                            .message(format!("The house writes “{name}”, not “{v}”"))
                            .fix(Fix::safe(
                                format!("Write “{name}”"),
                                vec![Edit::replace(span, name.as_str())],
                            ))
                            .emit(out);
                    }
                }
            }
        }
    }
}
