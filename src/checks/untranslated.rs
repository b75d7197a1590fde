//! `untranslated`: residue of the source language — Han, kana or Hangul script in body text
//! (outside a gloss right after a name, "Zhu Feng (朱锋)"), and Japanese or Korean honorific
//! suffixes ("Tanaka-san", "Kim-ssi").

use super::{Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::fix::{Edit, Fix};
use crate::pack::error::ConfigError;
use crate::text::Span;
use aho_corasick::AhoCorasick;

#[derive(Debug)]
struct Untranslated {
    /// `-san`, `-ssi`, ...: the honorific suffixes with their hyphen.
    honorifics: Option<AhoCorasick>,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&[])?;
    let suffixes: Vec<String> = cx
        .lexicon
        .strings("translation.honorific_suffixes")
        .into_iter()
        .map(|s| format!("-{}", s.trim_start_matches('-')))
        .collect();
    let honorifics =
        if suffixes.is_empty() {
            None
        } else {
            Some(AhoCorasick::new(&suffixes).map_err(|e| {
                cx.error(cx.def.check.span(), format!("bad honorific suffixes: {e}"))
            })?)
        };
    Ok(Box::new(Untranslated { honorifics }))
}

/// Han, kana and Hangul: the scripts machine translation from Chinese, Japanese and Korean
/// leaves behind.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{2E80}'..='\u{2FDF}' // CJK radicals
        | '\u{3005}'..='\u{3007}' // 々 〆 〇
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3130}'..='\u{318F}' // Hangul compatibility Jamo
        | '\u{31F0}'..='\u{31FF}' // Katakana extensions
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}' // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7AF}' // Hangul syllables
        | '\u{D7B0}'..='\u{D7FF}' // Hangul Jamo extended B
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}' // half-width Katakana
        | '\u{20000}'..='\u{3134F}' // CJK extensions B to G
    )
}

/// Runs of CJK script in `s`, joined across spaces and middle dots ("金 正恩", "ナカ・ムラ").
fn cjk_runs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for (i, c) in s.char_indices() {
        if !is_cjk(c) {
            continue;
        }
        let end = i + c.len_utf8();
        match out.last_mut() {
            Some(r)
                if s[r.end..i]
                    .chars()
                    .all(|g| g.is_whitespace() || matches!(g, '・' | '·')) =>
            {
                r.end = end
            }
            _ => out.push(i..end),
        }
    }
    out
}

impl Check for Untranslated {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        for b in doc.blocks.iter().filter(|b| b.is_body()) {
            let hay = b.span.slice(text);
            if !hay.is_ascii() {
                for r in cjk_runs(hay) {
                    let span = Span::new(b.span.start + r.start, b.span.start + r.end);
                    if is_gloss(text, span) {
                        continue;
                    }
                    cx.report(span)
                        .var("residue", span.slice(text))
                        .var("what", "untranslated script")
                        .emit(out);
                }
            }
            let Some(ac) = &self.honorifics else { continue };
            for m in ac.find_iter(hay) {
                let (start, end) = (b.span.start + m.start(), b.span.start + m.end());
                let name_before = text[..start]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .filter(|w| w.chars().count() >= 2)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
                let word_ends = !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if !name_before || !word_ends {
                    continue;
                }
                let span = Span::new(start, end);
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
