//! Exception patterns shared by the word-matching checks.

use super::CompileCx;
use crate::pack::error::ConfigError;
use crate::text::Span;
use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// Regexes whose matches shield what they cover ("chicken Kiev" shields "Kiev").
///
/// They are checked when the pack loads but compiled only when a match first needs them: most
/// articles never use a deprecated name, and compiling Unicode-aware regexes costs more than
/// linting a short article.
#[derive(Debug, Default)]
pub struct Exceptions {
    patterns: Vec<String>,
    regexes: OnceLock<Vec<Regex>>,
}

impl Exceptions {
    pub fn compile(cx: &CompileCx<'_>) -> Result<Exceptions, ConfigError> {
        let Some(list) = &cx.def.exceptions else {
            return Ok(Exceptions::default());
        };
        for p in list.get_ref() {
            // the full compile (and its size limits) waits for first use; syntax fails here
            regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse(p)
                .map_err(|e| cx.error(list.span(), format!("bad regex in `exceptions`: {e}")))?;
        }
        Ok(Exceptions {
            patterns: list.get_ref().clone(),
            regexes: OnceLock::new(),
        })
    }

    fn regexes(&self) -> &[Regex] {
        self.regexes.get_or_init(|| {
            self.patterns
                .iter()
                .filter_map(|p| RegexBuilder::new(p).case_insensitive(true).build().ok())
                .collect()
        })
    }

    /// Whether a match at `span` lies inside an exception match within `within` of `text`.
    pub fn shields(&self, text: &str, within: Span, span: Span) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let hay = &text[within.start..within.end];
        self.regexes().iter().any(|re| {
            re.find_iter(hay)
                .any(|m| Span::new(within.start + m.start(), within.start + m.end()).covers(span))
        })
    }
}
