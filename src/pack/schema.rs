//! The TOML rule-pack format, as serde types that keep source spans for errors.

use crate::diagnostic::Severity;
use crate::fix::Applicability;
use serde::Deserialize;
use serde_spanned::Spanned;
use std::collections::BTreeMap;

/// A rule-pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackFile {
    pub pack: PackMeta,
    /// Word lists merged into the shared lexicon (extends the built-in lists).
    #[serde(default)]
    pub lexicon: Option<toml::Table>,
    #[serde(default, rename = "rule")]
    pub rules: Vec<Spanned<RuleDef>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub name: Spanned<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub version: Option<String>,
}

/// Where a `pattern` rule looks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Within each sentence of body prose.
    #[default]
    Sentence,
    /// Within each paragraph of body prose.
    Paragraph,
    /// Only inside quoted speech.
    Quotes,
    /// Only outside quoted speech.
    OutsideQuotes,
    /// Everywhere, headlines and bylines included.
    Document,
}

/// One `[[rule]]` table. Keys a check kind does not use are rejected when the rule compiles.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleDef {
    pub id: Spanned<String>,
    pub check: Spanned<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    pub message: Spanned<String>,
    /// One line for `copydesk rules`; the message is used when absent.
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub help: Option<String>,
    /// Whether the rule reports inside quoted speech (default: true for `pattern`, `substitute`
    /// and `consistency`, the analyser's own choice otherwise).
    #[serde(default)]
    pub in_quotes: Option<bool>,
    /// Off unless a config turns it on.
    #[serde(default)]
    pub enabled: Option<bool>,
    /// `safe`, `unsafe`, or absent for the kind's default.
    #[serde(default)]
    pub fix: Option<Spanned<Applicability>>,

    // pattern
    #[serde(default)]
    pub regex: Option<Spanned<String>>,
    #[serde(default)]
    pub words: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub scope: Option<Spanned<Scope>>,
    #[serde(default)]
    pub case_sensitive: Option<Spanned<bool>>,
    /// Regexes; a match lying inside a match of one of these is not reported.
    #[serde(default)]
    pub exceptions: Option<Spanned<Vec<String>>>,

    // substitute
    /// wrong → right.
    #[serde(default)]
    pub swap: Option<Spanned<BTreeMap<String, String>>>,

    // consistency
    /// Groups of forms of which an article should use one.
    #[serde(default)]
    pub groups: Option<Spanned<Vec<Vec<String>>>>,

    /// Parameters of analyser checks.
    #[serde(default)]
    pub params: Option<Spanned<toml::Table>>,

    #[serde(default, rename = "example")]
    pub examples: Vec<Spanned<ExampleDef>>,
}

/// An example text with what the rule must flag in it (nothing, when `flag` is empty) and the
/// text its fixes produce.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleDef {
    pub text: String,
    /// Substrings of `text` each of which a diagnostic of the rule must cover.
    #[serde(default)]
    pub flag: Vec<String>,
    /// The text after applying the rule's fixes (safe and unsafe).
    #[serde(default)]
    pub fixed: Option<String>,
    /// The example is Markdown rather than plain text.
    #[serde(default)]
    pub markdown: bool,
    /// House settings the example runs with (`{ honorifics = "Mr" }`).
    #[serde(default)]
    pub house: Option<crate::house::House>,
    /// A fact base the example runs with (`{ person = [{ name = "..." }] }`).
    #[serde(default)]
    pub facts: Option<crate::facts::FactBase>,
}

impl RuleDef {
    /// Keys set on this rule among the kind-specific ones, with their spans.
    pub fn kind_keys(&self) -> Vec<(&'static str, std::ops::Range<usize>)> {
        let mut keys = Vec::new();
        macro_rules! key {
            ($field:ident, $name:literal) => {
                if let Some(v) = &self.$field {
                    keys.push(($name, v.span()));
                }
            };
        }
        key!(regex, "regex");
        key!(words, "words");
        key!(scope, "scope");
        key!(case_sensitive, "case-sensitive");
        key!(exceptions, "exceptions");
        key!(swap, "swap");
        key!(groups, "groups");
        key!(params, "params");
        keys
    }
}
