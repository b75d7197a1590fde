//! Rule packs: parsing, validation and compiling into checks.

pub mod builtin;
pub mod error;
pub mod schema;

use crate::checks::{self, Check, CompileCx, RuleInfo};
use crate::diagnostic::Severity;
use crate::language::Language;
use crate::lexicon::Lexicon;
use error::{ConfigError, SourceFile};
use schema::PackFile;
use std::collections::HashMap;

/// A rule ready to run.
#[derive(Debug)]
pub struct CompiledRule {
    pub info: RuleInfo,
    pub check: Box<dyn Check>,
}

/// A parsed pack file, not yet compiled.
pub struct ParsedPack {
    pub file: SourceFile,
    pub pack: PackFile,
}

/// Parses a pack file; errors point into its source.
pub fn parse(file: SourceFile) -> Result<ParsedPack, ConfigError> {
    let pack: PackFile =
        toml::from_str(&file.text).map_err(|e| ConfigError::from_toml(&file, &e))?;
    let name = pack.pack.name.get_ref();
    if name.is_empty() || name.contains(['/', ' ']) {
        return Err(ConfigError::at(
            &file,
            pack.pack.name.span(),
            "a pack name must be non-empty, without spaces or slashes",
            "this name",
        ));
    }
    Ok(ParsedPack { file, pack })
}

/// The built-in packs as source files.
pub fn builtin_sources() -> Vec<SourceFile> {
    builtin::BUILTIN
        .iter()
        .map(|(name, text)| SourceFile::new(format!("<built-in>/rules/{name}"), *text))
        .collect()
}

/// Every rule of a set of packs, compiled, with the lexicon and language they share.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<CompiledRule>,
    pub packs: Vec<PackInfo>,
    pub lexicon: Lexicon,
    pub lang: Language,
}

/// A pack's name and description, for listings.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub name: String,
    pub description: String,
    pub origin: String,
}

impl RuleSet {
    /// Compiles `packs`; `lexicon` already holds any newsroom lexicon files. Pack `[lexicon]`
    /// tables are merged in before any rule compiles. All errors are collected.
    pub fn compile(
        packs: Vec<ParsedPack>,
        mut lexicon: Lexicon,
    ) -> Result<RuleSet, Vec<ConfigError>> {
        for p in &packs {
            if let Some(l) = &p.pack.lexicon {
                lexicon.merge(l.clone());
            }
        }
        let lang = Language::new(&lexicon);
        let mut errors = Vec::new();
        let mut rules = Vec::new();
        let mut infos = Vec::new();
        let mut seen: HashMap<String, (usize, std::ops::Range<usize>)> = HashMap::new();
        let shared = checks::Shared::default();
        for (pi, p) in packs.iter().enumerate() {
            let pack_name = p.pack.pack.name.get_ref().clone();
            infos.push(PackInfo {
                name: pack_name.clone(),
                description: p.pack.pack.description.clone(),
                origin: p.file.name.clone(),
            });
            for rule in &p.pack.rules {
                let def = rule.get_ref();
                let rule_id = format!("{pack_name}/{}", def.id.get_ref());
                if let Some((other, span)) = seen.get(&rule_id) {
                    let first = &packs[*other].file;
                    let e = ConfigError::at(
                        &p.file,
                        def.id.span(),
                        format!("duplicate rule id `{rule_id}`"),
                        "defined again here",
                    );
                    let (l, c) = first.line_col(span.start);
                    errors.push(
                        e.with_help(format!("first defined at {}:{l}:{c}", first.name))
                            .with_related(ConfigError::at(
                                first,
                                span.clone(),
                                format!("`{rule_id}` first defined here"),
                                "first definition",
                            )),
                    );
                    continue;
                }
                seen.insert(rule_id.clone(), (pi, def.id.span()));
                let cx = CompileCx {
                    file: &p.file,
                    def,
                    lexicon: &lexicon,
                    lang: &lang,
                    rule_id: &rule_id,
                    shared: &shared,
                };
                match checks::compile(&cx) {
                    Ok(check) => rules.push(CompiledRule {
                        info: rule_info(&pack_name, &p.file, def, rule_id),
                        check,
                    }),
                    Err(e) => errors.push(e),
                }
            }
        }
        if errors.is_empty() {
            Ok(RuleSet {
                rules,
                packs: infos,
                lexicon,
                lang,
            })
        } else {
            Err(errors)
        }
    }

    /// Loads the built-in packs only.
    pub fn builtin() -> RuleSet {
        let packs = builtin_sources()
            .into_iter()
            .map(|f| parse(f).unwrap_or_else(|e| panic!("built-in pack is invalid: {e}")))
            .collect();
        RuleSet::compile(packs, Lexicon::builtin())
            .unwrap_or_else(|e| panic!("built-in packs do not compile: {}", e[0]))
    }

    pub fn find(&self, id: &str) -> Option<&CompiledRule> {
        self.rules.iter().find(|r| r.info.id == id)
    }
}

fn rule_info(pack: &str, file: &SourceFile, def: &schema::RuleDef, id: String) -> RuleInfo {
    let kind = def.check.get_ref().clone();
    let mut params = Vec::new();
    if let Some(r) = &def.regex {
        params.push(("regex".into(), r.get_ref().clone()));
    }
    if let Some(w) = &def.words {
        params.push(("words".into(), w.get_ref().join(", ")));
    }
    if let Some(s) = &def.swap {
        let pairs: Vec<String> = s
            .get_ref()
            .iter()
            .map(|(a, b)| format!("{a} → {b}"))
            .collect();
        params.push(("swap".into(), pairs.join(", ")));
    }
    if let Some(g) = &def.groups {
        let groups: Vec<String> = g.get_ref().iter().map(|g| g.join(" / ")).collect();
        params.push(("groups".into(), groups.join("; ")));
    }
    if let Some(e) = &def.exceptions {
        params.push(("exceptions".into(), e.get_ref().join(", ")));
    }
    if let Some(p) = &def.params {
        for (k, v) in p.get_ref() {
            params.push((k.clone(), v.to_string()));
        }
    }
    RuleInfo {
        pack: pack.to_owned(),
        severity: def.severity.unwrap_or(Severity::Warning),
        message: def.message.get_ref().clone(),
        help: def.help.clone(),
        description: def
            .description
            .clone()
            .unwrap_or_else(|| def.message.get_ref().clone()),
        in_quotes: def
            .in_quotes
            .unwrap_or_else(|| checks::reports_in_quotes_by_default(&kind)),
        enabled: def.enabled.unwrap_or(true),
        examples: def.examples.iter().map(|e| e.get_ref().clone()).collect(),
        origin: file.name.clone(),
        params,
        kind,
        id,
    }
}
