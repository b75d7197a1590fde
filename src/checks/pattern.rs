//! `pattern`: a regex or word list that must not occur.

use super::exceptions::Exceptions;
use super::{at_word_boundaries, Check, CompileCx, Context};
use crate::diagnostic::Diagnostic;
use crate::pack::error::ConfigError;
use crate::pack::schema::Scope;
use crate::text::Span;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

#[derive(Debug)]
enum Matcher {
    Regex(Regex),
    Words(AhoCorasick),
}

#[derive(Debug)]
struct Pattern {
    matcher: Matcher,
    scope: Scope,
    exceptions: Exceptions,
}

pub(super) fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    cx.only_keys(&["regex", "words", "scope", "case-sensitive", "exceptions"])?;
    let def = cx.def;
    let case_sensitive = def.case_sensitive.as_ref().is_some_and(|c| *c.get_ref());
    let matcher = match (&def.regex, &def.words) {
        (Some(re), None) => Matcher::Regex(cx.regex(re.get_ref(), re.span(), case_sensitive)?),
        (None, Some(words)) => {
            if words.get_ref().iter().any(|w| w.trim().is_empty()) {
                return Err(cx.error(words.span(), "`words` holds an empty entry"));
            }
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(!case_sensitive)
                .match_kind(MatchKind::LeftmostLongest)
                .build(words.get_ref())
                .map_err(|e| cx.error(words.span(), format!("bad word list: {e}")))?;
            Matcher::Words(ac)
        }
        _ => {
            return Err(cx.error(
                def.check.span(),
                "a `pattern` rule needs exactly one of `regex` and `words`",
            ))
        }
    };
    Ok(Box::new(Pattern {
        matcher,
        scope: def.scope.as_ref().map(|s| *s.get_ref()).unwrap_or_default(),
        exceptions: Exceptions::compile(cx)?,
    }))
}

impl Pattern {
    fn matches(&self, text: &str, within: Span, mut f: impl FnMut(Span)) {
        let hay = &text[within.start..within.end];
        match &self.matcher {
            Matcher::Regex(re) => {
                for m in re.find_iter(hay) {
                    if m.start() < m.end() {
                        f(Span::new(within.start + m.start(), within.start + m.end()));
                    }
                }
            }
            Matcher::Words(ac) => {
                for m in ac.find_iter(hay) {
                    let span = Span::new(within.start + m.start(), within.start + m.end());
                    if at_word_boundaries(text, span) {
                        f(span);
                    }
                }
            }
        }
    }
}

impl Check for Pattern {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = cx.doc;
        let text: &str = &doc.text;
        let units: Vec<Span> = match self.scope {
            Scope::Document => vec![Span::new(0, text.len())],
            _ => doc
                .blocks
                .iter()
                .filter(|b| b.is_body())
                .map(|b| b.span)
                .collect(),
        };
        for unit in units {
            self.matches(text, unit, |span| {
                let keep = match self.scope {
                    Scope::Sentence => {
                        let i = doc.sentences.partition_point(|s| s.span.end < span.end);
                        doc.sentences.get(i).is_some_and(|s| s.span.covers(span))
                    }
                    Scope::Quotes => doc.in_quotes(span),
                    Scope::OutsideQuotes => !doc.touches_quotes(span),
                    Scope::Paragraph | Scope::Document => true,
                };
                if keep && !self.exceptions.shields(text, unit, span) {
                    cx.report(span).var("match", span.slice(text)).emit(out);
                }
            });
        }
    }
}
