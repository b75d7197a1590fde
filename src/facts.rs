//! The house fact base: people, places and organisations a newsroom writes one way.

use crate::pack::error::{ConfigError, SourceFile};
use serde::Deserialize;

/// A person as the house writes them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Person {
    /// The canonical full name ("Kim Jong Un").
    pub name: String,
    /// Other spellings seen in copy ("Kim Jong-un").
    #[serde(default)]
    pub variants: Vec<String>,
    /// Family name first (East Asian order).
    #[serde(default)]
    pub family_name_first: bool,
    /// The person's current title ("Foreign Minister").
    #[serde(default)]
    pub title: Option<String>,
    /// The honorific the house gives the person on later mentions ("Mr", "Ms", "Dr").
    #[serde(default)]
    pub honorific: Option<String>,
}

/// A place with its current name and deprecated ones.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Place {
    pub name: String,
    #[serde(default)]
    pub deprecated: Vec<String>,
    /// Phrases in which a deprecated name stays ("chicken Kiev").
    #[serde(default)]
    pub exceptions: Vec<String>,
}

/// An organisation with its canonical name and variants.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Organisation {
    pub name: String,
    #[serde(default)]
    pub variants: Vec<String>,
}

/// All fact files merged.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactBase {
    #[serde(default, rename = "person")]
    pub people: Vec<Person>,
    #[serde(default, rename = "place")]
    pub places: Vec<Place>,
    #[serde(default, rename = "organisation")]
    pub organisations: Vec<Organisation>,
}

impl FactBase {
    /// Parses one fact file.
    pub fn parse(file: &SourceFile) -> Result<FactBase, ConfigError> {
        toml::from_str(&file.text).map_err(|e| ConfigError::from_toml(file, &e))
    }

    pub fn extend(&mut self, other: FactBase) {
        self.people.extend(other.people);
        self.places.extend(other.places);
        self.organisations.extend(other.organisations);
    }

    /// Every person and organisation as (canonical name, variants).
    pub fn names_with_variants(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.people
            .iter()
            .map(|p| (&p.name, &p.variants))
            .chain(self.organisations.iter().map(|o| (&o.name, &o.variants)))
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty() && self.places.is_empty() && self.organisations.is_empty()
    }
}
