//! `name-partial`: a person first mentioned by one name that is neither an introduced surname
//! nor a known mononym ("Jae-Chu, director of ...", "Jeremy, a spokesman, said").

use super::{in_multiword_run, korean_given_shape, near_miss_target, never_a_name};
use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::names::data::NameData;
use crate::names::{analysis, Analysis};
use crate::pack::error::ConfigError;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Evidence needed to report (given name or Korean shape 2; appositive, verb of saying,
    /// not a dictionary word, a surname later used without introduction 1 each).
    threshold: u32,
}

impl Default for Params {
    fn default() -> Self {
        Params { threshold: 3 }
    }
}

#[derive(Debug)]
struct Partial {
    data: NameData,
    params: Params,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&["params"])?;
    Ok(Box::new(Partial {
        data: NameData::new(cx.lexicon),
        params: cx.params()?,
    }))
}

/// Whether a surname is used later without anyone introduced by it (the rest of a name cut
/// at first mention).
fn orphan_surname_after(a: &Analysis, ri: usize) -> bool {
    a.people
        .iter()
        .filter(|p| !p.introduced())
        .flat_map(|p| p.refs.iter())
        .chain(a.unresolved.iter())
        .any(|&r| r > ri && a.runs[r].word() != a.runs[ri].word() && !a.runs[r].sentence_initial)
}

impl Check for Partial {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        let d = &self.data;
        let mut seen: Vec<String> = Vec::new();
        for &ri in &a.unresolved {
            let run = &a.runs[ri];
            let w = run.word();
            let lw = w.to_lowercase();
            if seen.contains(&lw) {
                continue;
            }
            seen.push(lw.clone());
            // only the first mention of the word anywhere
            if a.runs[..ri]
                .iter()
                .any(|r| r.raw.iter().any(|x| x.text.to_lowercase() == lw))
            {
                continue;
            }
            if never_a_name(w, d)
                || in_multiword_run(a, w)
                || near_miss_target(a, ri, d, cx.lang).is_some()
                || run.after_determiner
            {
                continue;
            }
            let korean = korean_given_shape(w);
            let given = d.given_names.contains(w);
            if run.sentence_initial && !(korean || given) {
                continue;
            }
            let mut score = 0;
            if korean || given {
                score += 2;
            }
            if run.appositive {
                score += 1;
            }
            if run.speaks {
                score += 1;
            }
            if !cx.lang.is_word(w) {
                score += 1;
            }
            if orphan_surname_after(a, ri) {
                score += 1;
            }
            if score < self.params.threshold {
                continue;
            }
            let help = if korean {
                format!(
                    "Give the full name at first mention; Korean names put the family name first (“Kim {w}”)."
                )
            } else {
                "Give the person's full name at first mention, then the surname.".to_owned()
            };
            cx.report(run.name_span())
                .var("match", w)
                .help(help)
                .emit(out);
        }
    }
}
