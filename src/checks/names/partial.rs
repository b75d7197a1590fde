//! `name-partial`: a person first mentioned by one name that is neither an introduced surname
//! nor a known mononym ("Jae-Chu, director of ...", "Jeremy, a spokesman, said",
//! "Education Secretary Alan told MPs").

use super::{in_multiword_thing, korean_given_shape, near_miss_target, never_a_name};
use crate::checks::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::names::data::NameData;
use crate::names::scan::Run;
use crate::names::{analysis, Analysis};
use crate::pack::error::ConfigError;

#[derive(Debug)]
struct Partial {
    data: std::sync::Arc<NameData>,
}

pub(crate) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    Ok(Box::new(Partial {
        data: cx.shared.get(|| NameData::new(cx.lexicon)),
    }))
}

/// How sure we are that a surname used later belongs to no one introduced.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Orphan {
    None,
    /// A bare word that speaks or recurs.
    Weak,
    /// "Ms Olsen" for an Olsen never introduced.
    Strong,
}

/// The best evidence of a surname, other than `ri`'s word, left orphaned after `ri` within
/// `blocks` paragraphs: the rest of a name cut at first mention.
fn orphan_after(
    a: &Analysis,
    ri: usize,
    blocks: usize,
    lang: &crate::language::Language,
) -> Orphan {
    let block = a.runs[ri].block;
    let near = |r: usize| {
        r > ri
            && a.runs[r].word() != a.runs[ri].word()
            && !a.runs[r].listed
            && a.runs[r].block - block <= blocks
    };
    let strong = a
        .people
        .iter()
        .filter(|p| !p.introduced())
        .flat_map(|p| p.refs.iter())
        .any(|&r| a.runs[r].honorific.is_some() && near(r));
    if strong {
        return Orphan::Strong;
    }
    let recurs = |r: usize| {
        let w = a.runs[r].word();
        !a.word_known(r, lang) && a.unresolved_count(w) >= 2
    };
    if a.unresolved
        .iter()
        .any(|&r| near(r) && (a.runs[r].speaks || recurs(r)))
    {
        return Orphan::Weak;
    }
    Orphan::None
}

impl Partial {
    /// Whether a one-word mention reads as a cut name.
    fn cut(&self, cx: &Context<'_>, a: &Analysis, ri: usize) -> bool {
        let d = &self.data;
        let run: &Run = &a.runs[ri];
        let w = run.word();
        if never_a_name(w, d)
            || in_multiword_thing(a, w)
            || near_miss_target(a, ri, d, cx.lang).is_some()
            || run.after_determiner
            || run.listed
            || run.joined
            || run.continues_name
            || run
                .prev_word
                .as_ref()
                .is_some_and(|p| d.relations.contains(p))
            || run
                .prev_word_comma
                .as_ref()
                .is_some_and(|p| d.kin.contains(p))
            // "in Cuba", "her role in Elizabeth": a place or a title
            || run
                .prev_word
                .as_ref()
                .is_some_and(|p| d.locatives.contains(p))
            // "Ray star Jamie Foxx": the name of a film, a band, a brand
            || run
                .next_word
                .as_ref()
                .is_some_and(|n| d.attributive_after.contains(n))
        {
            return false;
        }
        let dictionary = || a.word_known(ri, cx.lang);
        let context = run.appositive || run.speaks || run.after_role;
        let korean = korean_given_shape(w);
        let given = d.given_names.contains(w);
        if run.honorific.is_some() {
            // "Mr Howard": many surnames are given names too, so "Dr Helen" needs a "Dr Marsh"
            // close by that no one introduced
            return given && orphan_after(a, ri, 2, cx.lang) == Orphan::Strong;
        }
        if run.title.is_some() {
            // "Education Secretary Alan": a title takes a surname (royal and religious
            // titles, which take given names, are left out)
            let royal = run
                .title
                .as_ref()
                .map(|t| t.text.as_str())
                .or(run.honorific.as_ref().map(|h| h.text.trim_end_matches('.')))
                .is_some_and(|t| {
                    t.split_whitespace()
                        .next_back()
                        .is_some_and(|last| d.given_name_titles.contains(last))
                });
            return (given || korean) && !royal;
        }
        if run.sentence_initial && !(korean || given) {
            return false;
        }
        if given {
            let orphan = orphan_after(a, ri, 2, cx.lang);
            return context
                || orphan == Orphan::Strong
                || (orphan == Orphan::Weak && run.next_verbish);
        }
        if korean {
            let both_words = w.split('-').all(|p| cx.lang.is_word(p));
            let orphan = orphan_after(a, ri, usize::MAX, cx.lang);
            return !dictionary() && !both_words && (context || orphan > Orphan::None);
        }
        // a word standing where a person stands ("chairman Subir", "Feroz, the men's ..."),
        // with "Mr X" for an X no one introduced turning up right after it
        let placed = run.after_role || (run.appositive && !dictionary());
        placed
            && !run.sentence_initial
            && orphan_after(a, ri, 2, cx.lang) == Orphan::Strong
            && !w.chars().skip(1).any(char::is_uppercase)
    }
}

impl Check for Partial {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let a = analysis(cx, &self.data);
        // one-word mentions of no one introduced: bare ones, and the first reference of a
        // person known only by title or honorific
        let mut cands: Vec<usize> = a.unresolved.clone();
        cands.extend(
            a.people
                .iter()
                .filter(|p| !p.introduced())
                .filter_map(|p| p.refs.first().copied()),
        );
        // "Alex" before "Alex Kapranos": a given name ahead of the full name
        cands.extend(a.people.iter().filter_map(|p| {
            let first = *p.other_refs.first()?;
            let gives = self.data.given_names.contains(a.runs[first].word());
            (p.forms.first().is_some_and(|&f| first < f) && gives).then_some(first)
        }));
        cands.sort_unstable();
        let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
        for ri in cands {
            let run = &a.runs[ri];
            let w = run.word();
            if !seen.insert(w.to_lowercase()) {
                continue;
            }
            // only the first mention of the word anywhere
            if a.first_run_with(w).is_some_and(|f| f < ri) {
                continue;
            }
            if !self.cut(cx, a, ri) {
                continue;
            }
            let help = if korean_given_shape(w) {
                format!(
                    "Give the full name at first mention; a Korean name puts the family name first (“[family name] {w}”)."
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
