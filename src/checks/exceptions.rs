//! Exception patterns shared by the word-matching checks.

use super::CompileCx;
use crate::pack::error::ConfigError;
use crate::text::Span;
use regex::Regex;

/// Regexes whose matches shield what they cover ("chicken Kiev" shields "Kiev").
#[derive(Debug, Default)]
pub struct Exceptions {
    regexes: Vec<Regex>,
}

impl Exceptions {
    pub fn compile(cx: &CompileCx<'_>) -> Result<Exceptions, ConfigError> {
        let Some(list) = &cx.def.exceptions else {
            return Ok(Exceptions::default());
        };
        let regexes = list
            .get_ref()
            .iter()
            .map(|p| cx.regex(p, list.span(), false))
            .collect::<Result<_, _>>()?;
        Ok(Exceptions { regexes })
    }

    /// Whether a match at `span` lies inside an exception match within `within` of `text`.
    pub fn shields(&self, text: &str, within: Span, span: Span) -> bool {
        let hay = &text[within.start..within.end];
        self.regexes.iter().any(|re| {
            re.find_iter(hay)
                .any(|m| Span::new(within.start + m.start(), within.start + m.end()).covers(span))
        })
    }
}
