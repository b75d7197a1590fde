//! `untranslated`: residue of the source language — Han, kana or Hangul script in body text
//! (outside a gloss right after a name, "Zhu Feng (朱锋)"), and Japanese or Korean honorific
//! suffixes ("Tanaka-san", "Kim-ssi").

use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;
use regex::Regex;

#[derive(Debug)]
struct Untranslated {
    script: Regex,
    /// `Name-suffix`, capturing the suffix with its hyphen.
    honorific: Option<Regex>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    let script = r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+(?:[\s・·]*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+)*";
    let suffixes: Vec<String> = cx
        .lexicon
        .strings("translation.honorific_suffixes")
        .into_iter()
        .map(regex::escape)
        .collect();
    let honorific = if suffixes.is_empty() {
        None
    } else {
        let re = format!(r"\b\p{{Lu}}\p{{L}}+(-(?:{}))\b", suffixes.join("|"));
        Some(cx.regex(&re, cx.def.check.span(), true)?)
    };
    Ok(Box::new(Untranslated {
        script: cx.regex(script, cx.def.check.span(), true)?,
        honorific,
    }))
}

impl Check for Untranslated {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for b in doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = b.span.slice(text);
            for m in self.script.find_iter(hay) {
                let span = Span::new(b.span.start + m.start(), b.span.start + m.end());
                if is_gloss(text, span) {
                    continue;
                }
                cx.report(span)
                    .var("residue", span.slice(text))
                    .var("what", "untranslated script")
                    .emit(out);
            }
            let Some(re) = &self.honorific else { continue };
            for c in re.captures_iter(hay) {
                let Some(suffix) = c.get(1) else { continue };
                let span = Span::new(b.span.start + suffix.start(), b.span.start + suffix.end());
                cx.report(span)
                    .var("residue", span.slice(text))
                    .var("what", "an untranslated honorific suffix")
                    .fix(Fix::unsafe_(
                        "drop the honorific suffix",
                        vec![Edit::delete(span)],
                    ))
                    .emit(out);
            }
        }
    }
}

/// Whether `span` glosses the name before it: "Zhu Feng (朱锋)", "Zhu Feng 朱锋".
fn is_gloss(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches([' ', '\u{3000}']);
    let (before, bracketed) = match before.strip_suffix(['(', '（', '[']) {
        Some(b) => (b.trim_end(), true),
        None => (before, false),
    };
    let before = before.trim_end_matches(',');
    if before.len() == text[..span.start].len() && !bracketed {
        return false; // no space or bracket between name and script
    }
    let last_word = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '’' || c == '\''))
        .next()
        .unwrap_or("");
    last_word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::clause::testing::flagged;

    const ID: &str = "translation/untranslated";

    #[test]
    fn flags_script_and_honorifics() {
        assert_eq!(
            flagged(ID, "The ministry called it 重要 progress on Monday."),
            ["重要"]
        );
        assert_eq!(
            flagged(ID, "Officials thanked Tanaka-san for the report."),
            ["-san"]
        );
        assert_eq!(flagged(ID, "Park said Lee-ssi would attend."), ["-ssi"]);
        assert_eq!(flagged(ID, "The talks 회담 ended."), ["회담"]);
    }

    #[test]
    fn leaves_glosses_and_quotes() {
        for t in [
            "The scholar Zhu Feng (朱锋) teaches in Nanjing.",
            "The singer Kim Min-ji 김민지 toured Europe.",
            "He wrote “平和” on the board.",
            "Mr Sanderson-Smith met Ms Sansom.",
        ] {
            assert!(flagged(ID, t).is_empty(), "{t}");
        }
    }
}
