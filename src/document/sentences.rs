//! The abbreviation-aware sentence splitter.

use crate::language::Language;
use crate::text::Span;

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»')
}

/// Splits `span` of `text` into sentence spans, each trimmed of surrounding white space.
pub(crate) fn split(text: &str, span: Span, lang: &Language) -> Vec<Span> {
    let s = &text[span.start..span.end];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        if !is_terminator(c) {
            continue;
        }
        // the run of terminators, then closing quotes and brackets
        let mut end = i + c.len_utf8();
        let mut dots = usize::from(c == '.');
        let ellipsis_char = c == '…';
        while let Some(&(j, d)) = iter.peek() {
            if is_terminator(d) {
                dots += usize::from(d == '.');
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        while let Some(&(j, d)) = iter.peek() {
            if is_closer(d) {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &s[end..];
        let Some(next_char) = rest.chars().next() else {
            break; // end of block: the final sentence is pushed below
        };
        if !next_char.is_whitespace() {
            continue;
        }
        let next_word = rest.trim_start();
        let next_first = next_word.chars().find(|c| c.is_alphanumeric());
        let next_upper = next_first.is_some_and(|c| c.is_uppercase() || c.is_numeric());
        let ellipsis = ellipsis_char || dots >= 2;
        if ellipsis && !next_upper {
            continue;
        }
        let closed = end > i + c.len_utf8() * dots.max(1);
        if c == '.' && dots == 1 && !ellipsis && !closed {
            let word = word_before(s, i + 1);
            // a state abbreviation follows a city ("Macon, Ga."); alone it is a sentence
            let alone = start.is_some_and(|st| st + word.len() == i + 1)
                && lang.non_initial_abbreviations.contains(word);
            if !alone && !ends_sentence_after(word, next_word, next_upper, lang) {
                continue;
            }
        }
        let st = start.take().unwrap_or(i);
        out.push(Span::new(span.start + st, span.start + end));
    }
    if let Some(st) = start {
        let tail = s[st..].trim_end();
        if !tail.is_empty() {
            out.push(Span::new(span.start + st, span.start + st + tail.len()));
        }
    }
    out
}

/// The word ending at `end` (which is just past a full stop), including the stop, without
/// opening punctuation.
fn word_before(s: &str, end: usize) -> &str {
    let start = s[..end]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..end]
}

fn ends_sentence_after(word: &str, next: &str, next_upper: bool, lang: &Language) -> bool {
    let bare = word.trim_end_matches('.');
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    let next_word: String = next
        .chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let next_is_starter = lang.sentence_starters.contains(&next_word.to_lowercase());
    // dotted abbreviations (U.S., a.m.) and listed ones
    let dotted = bare.contains('.')
        && bare
            .split('.')
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic));
    if lang.final_abbreviations.contains(word) || (dotted && !lang.is_abbreviation(word)) {
        return next_upper && next_is_starter;
    }
    if lang.is_abbreviation(word) {
        return false;
    }
    // an initial: "J. K. Rowling", "George W. Bush"
    if letters == 1 && bare.chars().all(char::is_uppercase) && bare.chars().count() == 1 {
        return !next_upper || next_is_starter;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn sentences(s: &str) -> Vec<String> {
        let lang = Language::new(&Lexicon::builtin());
        split(s, Span::new(0, s.len()), &lang)
            .into_iter()
            .map(|sp| sp.slice(s).to_owned())
            .collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sentences("It rained. Then it stopped! Why? Because."),
            ["It rained.", "Then it stopped!", "Why?", "Because."]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences(
                "Mr. Kim met Dr. Lee at 3 a.m. on Sept. 5 in the U.S. capital. It cost 3.5m."
            ),
            [
                "Mr. Kim met Dr. Lee at 3 a.m. on Sept. 5 in the U.S. capital.",
                "It cost 3.5m."
            ]
        );
        assert_eq!(
            sentences("J. K. Rowling and George W. Bush met. No. 10 said so."),
            ["J. K. Rowling and George W. Bush met.", "No. 10 said so."]
        );
    }

    #[test]
    fn ends_after_sentence_final_abbreviation() {
        assert_eq!(
            sentences("Troops left the U.S. The war ended."),
            ["Troops left the U.S.", "The war ended."]
        );
    }

    #[test]
    fn ellipses_and_closing_quotes() {
        assert_eq!(
            sentences("He paused... and went on. She said “no.” They left."),
            ["He paused... and went on.", "She said “no.”", "They left."]
        );
    }

    #[test]
    fn a_state_abbreviation_alone_is_a_sentence() {
        assert_eq!(
            sentences("He lives in Macon, Ga. now. Prices rose. Ga. Online sales fell."),
            [
                "He lives in Macon, Ga. now.",
                "Prices rose.",
                "Ga.",
                "Online sales fell."
            ]
        );
    }

    #[test]
    fn words_that_look_like_abbreviations_end_sentences() {
        assert_eq!(
            sentences("He was ill. may resign. They sat. Doctors came."),
            ["He was ill.", "may resign.", "They sat.", "Doctors came."]
        );
    }

    #[test]
    fn decimals_end_sentences() {
        assert_eq!(
            sentences("The index eased to 72.0. said. It rose to 5.25. Then it fell."),
            [
                "The index eased to 72.0.",
                "said.",
                "It rose to 5.25.",
                "Then it fell."
            ]
        );
    }

    #[test]
    fn lower_case_after_full_stop_is_a_new_sentence() {
        assert_eq!(
            sentences("It is a threat. may destabilize."),
            ["It is a threat.", "may destabilize."]
        );
    }
}
