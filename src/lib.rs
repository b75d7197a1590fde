//! copydesk: a linter for news copy.
//!
//! Files are parsed once into a [`document::Document`]; compiled rule packs run their checks
//! over it and produce [`diagnostic::Diagnostic`]s with optional [`fix::Fix`]es; reports render
//! them in several formats.

// Configuration errors carry their source text and labels for miette; they are built once per
// run, so their size does not matter.
#![allow(clippy::result_large_err)]

pub mod checks;
pub mod config;
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
pub mod report;
pub mod text;
