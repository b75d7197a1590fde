//! Check kinds: one file each, behind the [`Check`] trait.
//!
//! A rule in a pack names a check kind; [`compile`] turns the rule's parameters into a check
//! once per run, and the check then runs over every document.

mod bracket_balance;
mod clause;
mod consistency;
mod displaced_sentence;
mod double_attribution;
mod exceptions;
mod names;
mod nested_quote;
mod orphan_attribution;
mod pattern;
mod quote_balance;
mod quote_style;
mod split_clause;
mod stray_token;
mod substitute;
mod truncated_clause;
mod untranslated;

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::document::Document;
use crate::fix::Fix;
use crate::house::House;
use crate::language::Language;
use crate::lexicon::Lexicon;
use crate::pack::error::{nearest, ConfigError, SourceFile};
use crate::pack::schema::{ExampleDef, RuleDef};
use crate::text::Span;
use std::fmt::Debug;

/// The check kinds a rule may name.
pub const KINDS: &[&str] = &[
    "pattern",
    "substitute",
    "consistency",
    "stray-token",
    "truncated-clause",
    "split-clause",
    "orphan-attribution",
    "double-attribution",
    "displaced-sentence",
    "untranslated",
    "quote-balance",
    "nested-quote",
    "bracket-balance",
    "quote-style",
    "name-forms",
    "name-near-miss",
    "name-partial",
    "honorifics",
    "name-capitals",
    "fact-titles",
    "fact-places",
];

/// A compiled check.
pub trait Check: Send + Sync + Debug {
    /// Reports the findings in `cx.doc` through [`Context::report`].
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule is, apart from its check.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// `pack/id`.
    pub id: String,
    pub pack: String,
    pub kind: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub description: String,
    /// Whether diagnostics inside quoted speech are kept.
    pub in_quotes: bool,
    pub enabled: bool,
    pub examples: Vec<ExampleDef>,
    /// The pack file that defines the rule.
    pub origin: String,
    /// The rule's parameters as written, for `explain`.
    pub params: Vec<(String, String)>,
}

/// What a check sees while it runs.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub rule: &'a RuleInfo,
    pub house: &'a House,
    pub lang: &'a Language,
}

impl<'a> Context<'a> {
    /// Starts a diagnostic of this rule at `span`.
    pub fn report(&self, span: Span) -> Report<'_> {
        Report {
            rule: self.rule,
            span,
            vars: Vec::new(),
            severity: None,
            message: None,
            help: None,
            labels: Vec::new(),
            fix: None,
        }
    }
}

/// A diagnostic being built; [`Report::emit`] renders the rule's message template.
pub struct Report<'r> {
    rule: &'r RuleInfo,
    span: Span,
    vars: Vec<(&'static str, String)>,
    severity: Option<Severity>,
    message: Option<String>,
    help: Option<String>,
    labels: Vec<Label>,
    fix: Option<Fix>,
}

impl Report<'_> {
    /// Sets `{name}` in the message and help templates.
    pub fn var(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.vars.push((name, value.into()));
        self
    }

    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = Some(s);
        self
    }

    /// Replaces the rule's message template for this diagnostic.
    pub fn message(mut self, m: impl Into<String>) -> Self {
        self.message = Some(m.into());
        self
    }

    pub fn help(mut self, h: impl Into<String>) -> Self {
        self.help = Some(h.into());
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn emit(self, out: &mut Vec<Diagnostic>) {
        let message = render(
            self.message.as_deref().unwrap_or(&self.rule.message),
            &self.vars,
        );
        let help = self
            .help
            .as_deref()
            .or(self.rule.help.as_deref())
            .map(|h| render(h, &self.vars));
        out.push(Diagnostic {
            rule: self.rule.id.clone(),
            severity: self.severity.unwrap_or(self.rule.severity),
            message,
            help,
            span: self.span,
            labels: self.labels,
            fix: self.fix,
        });
    }
}

/// Replaces `{name}` with its value; unknown names stay as written.
pub fn render(template: &str, vars: &[(&str, String)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match vars.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// What compiling a rule has to hand.
pub struct CompileCx<'a> {
    pub file: &'a SourceFile,
    pub def: &'a RuleDef,
    pub lexicon: &'a Lexicon,
    pub lang: &'a Language,
    /// `pack/id`, for messages.
    pub rule_id: &'a str,
    /// Data built once per rule set and shared by the rules that need it.
    pub shared: &'a Shared,
}

/// Values built once per rule set, one per type, shared by every rule that asks (word lists
/// several analysers read, say).
#[derive(Default)]
pub struct Shared(std::sync::Mutex<Vec<std::sync::Arc<dyn std::any::Any + Send + Sync>>>);

impl Shared {
    /// The shared value of type `T`, made by `make` on first request.
    pub fn get<T: std::any::Any + Send + Sync>(
        &self,
        make: impl FnOnce() -> T,
    ) -> std::sync::Arc<T> {
        let mut values = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(v) = values.iter().find_map(|v| v.clone().downcast::<T>().ok()) {
            return v;
        }
        let v = std::sync::Arc::new(make());
        values.push(v.clone());
        v
    }
}

impl CompileCx<'_> {
    /// An error at `span` naming this rule.
    pub fn error(
        &self,
        span: std::ops::Range<usize>,
        message: impl std::fmt::Display,
    ) -> ConfigError {
        ConfigError::at(
            self.file,
            span,
            format!("rule `{}`: {message}", self.rule_id),
            message.to_string(),
        )
    }

    /// Rejects kind-specific keys that `allowed` does not list.
    pub fn only_keys(&self, allowed: &[&str]) -> Result<(), ConfigError> {
        for (key, span) in self.def.kind_keys() {
            if !allowed.contains(&key) {
                let kind = self.def.check.get_ref();
                let mut e = self.error(span, format!("check `{kind}` does not take `{key}`"));
                e = e.with_help(if allowed.is_empty() {
                    format!("`{kind}` takes no kind-specific keys")
                } else {
                    format!("`{kind}` takes: {}", allowed.join(", "))
                });
                return Err(e);
            }
        }
        Ok(())
    }

    /// Deserializes the rule's `params` table (absent: defaults).
    pub fn params<T: serde::de::DeserializeOwned + Default>(&self) -> Result<T, ConfigError> {
        let Some(p) = &self.def.params else {
            return Ok(T::default());
        };
        T::deserialize(toml::Value::Table(p.get_ref().clone())).map_err(|e| {
            let mut err = self.error(p.span(), format!("bad `params`: {}", e.message().trim()));
            if let Some(h) = e
                .message()
                .strip_prefix("unknown field `")
                .and_then(|r| r.split_once('`'))
                .and_then(|(k, rest)| {
                    let c: Vec<&str> = rest.split('`').skip(1).step_by(2).collect();
                    nearest(k, &c)
                })
            {
                err = err.with_help(format!("did you mean `{h}`?"));
            }
            err
        })
    }

    /// Compiles a regex, naming this rule in the error.
    pub fn regex(
        &self,
        pattern: &str,
        span: std::ops::Range<usize>,
        case_sensitive: bool,
    ) -> Result<regex::Regex, ConfigError> {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(!case_sensitive)
            .build()
            .map_err(|e| self.error(span, format!("bad regex: {e}")))
    }
}

/// Compiles a rule's check.
pub fn compile(cx: &CompileCx<'_>) -> Result<Box<dyn Check>, ConfigError> {
    let kind = cx.def.check.get_ref().as_str();
    match kind {
        "pattern" => pattern::compile(cx),
        "substitute" => substitute::compile(cx),
        "consistency" => consistency::compile(cx),
        "stray-token" => stray_token::compile(cx),
        "truncated-clause" => truncated_clause::compile(cx),
        "split-clause" => split_clause::compile(cx),
        "orphan-attribution" => orphan_attribution::compile(cx),
        "double-attribution" => double_attribution::compile(cx),
        "displaced-sentence" => displaced_sentence::compile(cx),
        "untranslated" => untranslated::compile(cx),
        "quote-balance" => quote_balance::compile(cx),
        "nested-quote" => nested_quote::compile(cx),
        "bracket-balance" => bracket_balance::compile(cx),
        "quote-style" => quote_style::compile(cx),
        "name-forms" => names::forms::compile(cx),
        "name-near-miss" => names::near_miss::compile(cx),
        "name-partial" => names::partial::compile(cx),
        "honorifics" => names::honorifics::compile(cx),
        "name-capitals" => names::capitals::compile(cx),
        "fact-titles" => names::fact_titles::compile(cx),
        "fact-places" => names::fact_places::compile(cx),
        _ => {
            let mut e = cx.error(cx.def.check.span(), format!("unknown check kind `{kind}`"));
            e = e.with_help(match nearest(kind, KINDS) {
                Some(k) => format!("did you mean `{k}`?"),
                None => format!("check kinds: {}", KINDS.join(", ")),
            });
            Err(e)
        }
    }
}

/// Default for a rule's `in-quotes` when the pack does not say.
pub fn reports_in_quotes_by_default(kind: &str) -> bool {
    matches!(
        kind,
        "pattern"
            | "substitute"
            | "consistency"
            // paired marks sit on the edges of quoted speech
            | "quote-balance"
            | "nested-quote"
            | "bracket-balance"
            | "quote-style"
    )
}

/// Whether `span` of `text` starts and ends at word boundaries.
pub fn at_word_boundaries(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let inner_first = text[span.start..].chars().next();
    let inner_last = text[..span.end].chars().next_back();
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    (!word(inner_first) || !word(before)) && (!word(inner_last) || !word(after))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_templates() {
        let vars = [("match", "Kiev".to_owned())];
        assert_eq!(render("Use {x} not {match}", &vars), "Use {x} not Kiev");
        assert_eq!(render("open { brace", &vars), "open { brace");
    }

    #[test]
    fn word_boundaries() {
        let t = "Kievan Kiev's";
        assert!(!at_word_boundaries(t, Span::new(0, 4)));
        assert!(at_word_boundaries(t, Span::new(7, 11)));
    }
}
