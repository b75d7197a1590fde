//! `name-partial`: a person first mentioned by one name that is neither an introduced surname
//! nor a known mononym ("Jae-Chu, director of ...", "Jeremy, a spokesman, said").

use super::{in_multiword_run, korean_given_shape, near_miss_target, never_a_name};
use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::names::data::NameData;
use crate::names::{analysis, Analysis};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct Partial {
    data: NameData,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Partial {
        data: NameData::new(cx.lexicon),
    }))
}

/// Whether a surname is used later without anyone introduced by it (the rest of a name cut
/// at first mention).
fn orphan_surname_after(a: &Analysis, ri: usize) -> bool {
    let honorific_only = a
        .people
        .iter()
        .filter(|p| !p.introduced())
        .flat_map(|p| p.refs.iter())
        .filter(|&&r| a.runs[r].honorific.is_some());
    let speaking = a.unresolved.iter().filter(|&&r| a.runs[r].speaks);
    honorific_only
        .chain(speaking)
        .any(|&r| r > ri && a.runs[r].word() != a.runs[ri].word() && !a.runs[r].listed)
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
            if run.listed
                || run.continues_name
                || run.prev_word.as_ref().is_some_and(|p| d.relations.contains(p))
            {
                continue;
            }
            let korean = korean_given_shape(w);
            let given = d.given_names.contains(w);
            if run.sentence_initial && !(korean || given) {
                continue;
            }
            // a given name (or a Korean given name's shape) with a sign of a person, or an
            // unknown word standing where a person stands with a surname left orphaned after it
            let context = run.appositive || run.speaks;
            let orphan = orphan_surname_after(a, ri);
            let words_both = w.split('-').all(|p| cx.lang.is_word(p));
            let flag = (given && (context || orphan))
                || (korean && !cx.lang.is_word(w) && !words_both && (context || orphan));
            if !flag {
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
