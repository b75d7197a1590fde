//! House settings from the `[house]` table of `copydesk.toml`, read by the checks.

use crate::facts::FactBase;
use serde::Deserialize;
use std::path::PathBuf;

/// How a newsroom writes honorifics before a surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum HonorificStyle {
    /// No honorifics: "Kim".
    #[serde(rename = "none")]
    None,
    /// British style: "Mr Kim".
    #[serde(rename = "Mr")]
    NoStop,
    /// American style: "Mr. Kim".
    #[serde(rename = "Mr.")]
    Stop,
}

/// Which double quotation marks the house uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    Curly,
    Straight,
}

/// The `[house]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct House {
    #[serde(default)]
    pub honorifics: Option<HonorificStyle>,
    #[serde(default)]
    pub quotes: Option<QuoteStyle>,
    /// Fact files (people, places, organisations), relative to the config file.
    #[serde(default)]
    pub facts: Vec<PathBuf>,
    /// Lexicon files extending the built-in word lists, relative to the config file.
    #[serde(default)]
    pub lexicon: Vec<PathBuf>,
    /// The loaded fact base.
    #[serde(skip)]
    pub fact_base: FactBase,
}
