//! `name-near-miss`: a surname that matches no one introduced but is one letter or one
//! romanisation variant away from someone who was ("Cheng" when only "Chen Qi" was).

use super::near_miss_target;
use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::names::data::NameData;
use crate::names::{analysis, paragraph};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct NearMiss {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(NearMiss {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

impl Check for NearMiss {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        let text: &str = &cx.doc.text;
        // bare surnames no one owns, and "Mr X" for an X never introduced
        let mut cands: Vec<usize> = a.unresolved.clone();
        for p in a.people.iter().filter(|p| !p.introduced()) {
            cands.extend(&p.refs);
        }
        cands.sort_unstable();
        for ri in cands {
            let Some(pi) = near_miss_target(a, ri, &self.data, cx.lang) else {
                continue;
            };
            let run = &a.runs[ri];
            let person = &a.people[pi];
            let intro = &a.runs[person.forms[0]];
            let full = intro.name_text(text);
            let para = paragraph(intro.block);
            let span = run.name()[0].span;
            cx.report(span)
                .var("match", run.word())
                .var("expected", person.surname.as_str())
                .var("intro", format!("{full}, paragraph {para}"))
                .label(intro.name_span(), format!("“{full}” is introduced here"))
                .fix(Fix::unsafe_(
                    format!("Write “{}”", person.surname),
                    vec![Edit::replace(span, person.surname.as_str())],
                ))
                .emit(out);
        }
    }
}
