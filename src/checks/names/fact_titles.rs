//! `fact-titles`: a title in the article that contradicts the house fact base ("Chief Cabinet
//! Secretary Yoshimasa Hayashi" when the fact base files him as Foreign Minister).

use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::names::analysis;
use crate::names::data::NameData;
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct FactTitles {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(FactTitles {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

impl FactTitles {
    /// The title without a nationality or "Former" before it, lower-cased.
    fn core(&self, title: &str) -> String {
        let words: Vec<&str> = title.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let rest = &words[i..];
            let nat = self.data.nationalities.prefix_len_below(rest, rest.len());
            if nat > 0 {
                i += nat;
            } else if rest[0].eq_ignore_ascii_case("former") && rest.len() > 1 {
                i += 1;
            } else {
                break;
            }
        }
        words[i..].join(" ").to_lowercase()
    }
}

impl Check for FactTitles {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let facts = &cx.house.fact_base;
        if facts.people.iter().all(|p| p.title.is_none()) {
            return;
        }
        let a = analysis(cx, &self.data);
        for p in &a.people {
            let Some(fact) = p.fact.map(|f| &facts.people[f]) else {
                continue;
            };
            let Some(want) = &fact.title else { continue };
            for &r in p.forms.iter().chain(&p.refs) {
                let run = &a.runs[r];
                let Some(t) = &run.title else { continue };
                if run.raw[..run.name_start]
                    .iter()
                    .any(|w| w.text.eq_ignore_ascii_case("former"))
                {
                    continue;
                }
                let got = self.core(&t.text);
                if got == self.core(want) {
                    continue;
                }
                cx.report(t.span)
                    .var("match", t.text.as_str())
                    .var("expected", want.as_str())
                    .var("name", fact.name.as_str())
                    .fix(Fix::unsafe_(
                        format!("Write “{want}”"),
                        vec![Edit::replace(t.span, want.as_str())],
                    ))
                    .emit(out);
            }
        }
    }
}
