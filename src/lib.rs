//! copydesk: a linter for news copy.
//!
//! Files are parsed once into a [`document::Document`]; compiled rule packs run their checks
//! over it and produce [`diagnostic::Diagnostic`]s with optional [`fix::Fix`]es; reports render
//! them in several formats.

pub mod checks;
pub mod diagnostic;
pub mod document;
pub mod examples;
pub mod facts;
pub mod fix;
pub mod house;
pub mod language;
pub mod lexicon;
pub mod linter;
pub mod names;
pub mod pack;
pub mod text;
