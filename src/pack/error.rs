//! Errors in packs and config files, as miette diagnostics that point into the TOML source.

use miette::{Diagnostic, NamedSource, SourceSpan};
use std::sync::Arc;

/// A TOML file's name and text, shared by the errors that point into it.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: Arc<str>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }

    fn named(&self) -> NamedSource<Arc<str>> {
        NamedSource::new(&self.name, self.text.clone()).with_language("TOML")
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, col)
    }
}

/// An error in a rule pack or config file.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(copydesk::config))]
pub struct ConfigError {
    pub message: String,
    #[source_code]
    pub src: Option<NamedSource<Arc<str>>>,
    #[label(collection)]
    pub labels: Vec<miette::LabeledSpan>,
    #[help]
    pub help: Option<String>,
    #[related]
    pub related: Vec<ConfigError>,
}

impl ConfigError {
    /// An error at `span` of `file`; the message names the file, line and column.
    pub fn at(
        file: &SourceFile,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        label: impl Into<String>,
    ) -> Self {
        let (line, col) = file.line_col(span.start);
        ConfigError {
            message: format!("{}:{line}:{col}: {}", file.name, message.into()),
            src: Some(file.named()),
            labels: vec![miette::LabeledSpan::new_primary_with_span(
                Some(label.into()),
                SourceSpan::from(span),
            )],
            help: None,
            related: Vec::new(),
        }
    }

    /// An error with no place in a file (a missing file, say).
    pub fn plain(message: impl Into<String>) -> Self {
        ConfigError {
            message: message.into(),
            src: None,
            labels: Vec::new(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_label(mut self, span: std::ops::Range<usize>, label: impl Into<String>) -> Self {
        self.labels.push(miette::LabeledSpan::new_with_span(
            Some(label.into()),
            SourceSpan::from(span),
        ));
        self
    }

    pub fn with_related(mut self, other: ConfigError) -> Self {
        self.related.push(other);
        self
    }

    /// Converts a TOML parse or schema error, suggesting the nearest valid key for an unknown
    /// one.
    pub fn from_toml(file: &SourceFile, err: &toml::de::Error) -> Self {
        let message = err.message().trim().to_owned();
        let span = err.span().unwrap_or(0..0);
        let first_line = message.lines().next().unwrap_or("").to_owned();
        let mut e = ConfigError::at(file, span, first_line.clone(), first_line);
        if let Some(help) = unknown_key_help(&message) {
            e = e.with_help(help);
        }
        e
    }
}

/// For serde's "unknown field `x`, expected one of `a`, `b`": "did you mean `a`?".
fn unknown_key_help(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (key, expected) = rest.split_once('`')?;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    nearest(key, &candidates)
        .map(|c| format!("did you mean `{c}`?"))
        .or_else(|| Some(format!("valid keys here: {}", candidates.join(", "))))
}

/// The candidate closest to `word`, if reasonably close.
pub fn nearest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_nearest_key() {
        assert_eq!(
            unknown_key_help(
                "unknown field `severty`, expected one of `id`, `severity`, `message`"
            )
            .unwrap(),
            "did you mean `severity`?"
        );
        assert_eq!(nearest("zzzzzz", &["id"]), None);
    }

    #[test]
    fn line_and_column() {
        let f = SourceFile::new("p.toml", "a = 1\nbb = 2\n");
        assert_eq!(f.line_col(7), (2, 2));
    }
}
