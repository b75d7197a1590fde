//! What stands around a run: the signs a checker reads to tell a person from a place, a
//! line-up from prose, an appositive from a list.

use super::data::NameData;
use super::scan::{is_cap, Run};
use super::with_lower;
use crate::document::{Token, TokenKind};
use crate::language::Language;

/// Fills in the context fields of `run`, whose words are `toks[first_tok..end]`.
#[allow(clippy::too_many_arguments)]
pub(super) fn describe(
    run: &mut Run,
    toks: &[Token],
    first_tok: usize,
    end: usize,
    text: &str,
    data: &NameData,
    lang: &Language,
    possessive: bool,
) {
    run.continues_name = first_tok >= 2
        && matches!(
            toks[first_tok - 1].text(text),
            "of" | "for" | "and" | "on" | "de" | "&"
        )
        && toks[first_tok - 2].is_word()
        && is_cap(toks[first_tok - 2].text(text));
    let punct = |k: Option<&Token>, set: &[&str]| {
        k.is_some_and(|t| t.kind == TokenKind::Punct && set.contains(&t.text(text)))
    };
    let cap_at = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.is_word() && is_cap(t.text(text)))
    };
    let list_next = punct(toks.get(end), &[","])
        && cap_at(end + 1)
        && (punct(toks.get(end + 2), &[",", ";"])
            || toks.get(end + 2).is_some_and(|t| t.text(text) == "and"));
    let quote = ["\"", "“", "'", "‘"];
    // Marion "Suge" Knight
    let nickname = (punct(toks.get(end), &quote)
        && cap_at(end + 1)
        && (punct(toks.get(end + 2), &["\"", "”", "'", "’"])
            || punct(toks.get(end + 3), &["\"", "”", "'", "’"])))
        || punct(toks.get(end), &["(", "/"])
        || punct(first_tok.checked_sub(1).map(|k| &toks[k]), &["/"])
        || (possessive && cap_at(end))
        || (first_tok >= 2
            && punct(Some(&toks[first_tok - 1]), &["\"", "”", "'", "’"])
            && toks[first_tok - 2].is_word());
    run.joined = toks
        .get(end)
        .is_some_and(|t| matches!(t.text(text), "and" | "of" | "&"))
        && cap_at(end + 1);
    run.listed = list_next
        || nickname
        || toks.get(end).is_some_and(|t| t.kind == TokenKind::Number)
        || (punct(
            first_tok.checked_sub(1).map(|k| &toks[k]),
            &[",", ";", ":", "(", ")"],
        ) && (first_tok < 2 || cap_at(first_tok - 2) || !toks[first_tok - 2].is_word())
            && (punct(toks.get(end), &[",", ";", "(", ")"])
                || (punct(toks.get(end), &["."]) && end + 1 >= toks.len())));
    let prev_word = toks[..first_tok].last().filter(|t| t.is_word());
    // the word before, across a comma ("his wife, Joan,")
    let before_comma = (first_tok >= 2 && punct(Some(&toks[first_tok - 1]), &[","]))
        .then(|| toks[first_tok - 2])
        .filter(|t| t.is_word());
    run.prev_word = prev_word.map(|t| t.text(text).to_lowercase());
    run.after_determiner = run
        .prev_word
        .as_ref()
        .is_some_and(|p| data.determiners.contains(p));
    run.prev_word_comma = before_comma.map(|t| t.text(text).to_lowercase());
    run.after_role = run
        .prev_word
        .as_deref()
        .or(run.prev_word_comma.as_deref())
        .is_some_and(|p| with_upper_first(p, |c| data.title_len(&[c]) > 0));
    let next = toks.get(end);
    run.next_lowercase = next.is_some_and(|n| {
        n.is_word() && n.text(text).chars().next().is_some_and(char::is_lowercase)
    });
    run.next_word = next
        .filter(|n| n.is_word())
        .map(|n| n.text(text).to_lowercase());
    // `next_lowercase` holds only for a word, so `next_word` is there
    run.next_verbish = run.next_lowercase
        && run
            .next_word
            .as_ref()
            .is_some_and(|n| !lang.sentence_starters.contains(n));
    run.appositive = appositive(toks, end, text, data);
    let says = |t: Option<&Token>| {
        t.filter(|n| n.is_word())
            .is_some_and(|n| data.speech_verbs.contains(&n.text(text).to_lowercase()))
    };
    let verb = |w: &Option<String>| w.as_ref().is_some_and(|w| data.speech_verbs.contains(w));
    run.speaks = verb(&run.next_word)
        || (punct(next, &[","]) && says(toks.get(end + 1)))
        || verb(&run.prev_word);
}

/// Calls `f` with `s` given an upper-case first letter when that letter is ASCII (otherwise
/// `s` unchanged), without allocating for a short word.
fn with_upper_first<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX: usize = 48;
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_lowercase() && s.len() <= MAX => {
            let mut buf = [0u8; MAX];
            let cap = &mut buf[..s.len()];
            cap.copy_from_slice(s.as_bytes());
            cap[0].make_ascii_uppercase();
            // one ASCII byte changed: still valid UTF-8
            f(std::str::from_utf8(cap).unwrap_or_default())
        }
        Some(b) if b.is_ascii_lowercase() => {
            let mut c = s.to_owned();
            c[..1].make_ascii_uppercase();
            f(&c)
        }
        _ => f(s),
    }
}

fn appositive(toks: &[Token], end: usize, text: &str, data: &NameData) -> bool {
    let at = |k: usize| toks.get(k).map(|t| t.text(text));
    match at(end) {
        Some(",") => {
            let Some(n) = toks.get(end + 1) else {
                return false;
            };
            let w = n.text(text);
            if n.kind == TokenKind::Number {
                return true; // "Sarah, 34, ..."
            }
            if !n.is_word() {
                return false;
            }
            // ", a Shanghai-based professor", ", director of", ", who"
            with_lower(w, |lower| {
                matches!(lower, "a" | "an" | "the" | "who" | "whose" | "now" | "then")
                    || data.title_len(&[w]) > 0
                    || with_upper_first(lower, |cap| data.title_len(&[cap]) > 0)
            })
        }
        Some("(") => toks
            .get(end + 1)
            .is_some_and(|n| n.kind == TokenKind::Number),
        _ => false,
    }
}
