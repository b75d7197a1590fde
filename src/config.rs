//! `copydesk.toml`: discovery (nearest ancestor wins), parsing, and turning it into a
//! [`Linter`].

use crate::diagnostic::Severity;
use crate::facts::FactBase;
use crate::house::House;
use crate::lexicon::Lexicon;
use crate::linter::Linter;
use crate::pack::error::{nearest, ConfigError, SourceFile};
use crate::pack::{self, RuleSet};
use serde::Deserialize;
use serde_spanned::Spanned;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The file name looked for in each ancestor directory.
pub const CONFIG_NAME: &str = "copydesk.toml";

/// The lowest severity that makes a run fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub fn fails(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Info => true,
            FailOn::Never => false,
        }
    }
}

/// The `[rules]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesTable {
    /// Rules (`pack/id`) or whole packs to turn on, including rules that are off by default.
    #[serde(default)]
    pub enable: Vec<Spanned<String>>,
    /// Rules or whole packs to turn off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
}

/// A parsed `copydesk.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Pack files to load besides the built-in ones, relative to the config file.
    #[serde(default)]
    pub packs: Vec<PathBuf>,
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// Globs (relative to the config file) that files found while walking must match.
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files to skip while walking.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub rules: RulesTable,
    /// Severity overrides: `"pack/id" = "error"` or a whole pack.
    #[serde(default)]
    pub severity: BTreeMap<String, Spanned<Severity>>,
    #[serde(default)]
    pub house: House,
}

/// A config file with where it lives.
#[derive(Debug)]
pub struct Config {
    /// The file, when there is one.
    pub path: Option<PathBuf>,
    pub source: Option<SourceFile>,
    /// The directory relative paths resolve against.
    pub dir: PathBuf,
    pub file: ConfigFile,
    include: Option<globset::GlobSet>,
    exclude: Option<globset::GlobSet>,
}

impl Config {
    /// No file: built-in defaults, relative paths from `dir`.
    pub fn default_in(dir: impl Into<PathBuf>) -> Config {
        Config {
            path: None,
            source: None,
            dir: dir.into(),
            file: ConfigFile::default(),
            include: None,
            exclude: None,
        }
    }

    /// The nearest `copydesk.toml` in `dir` or its ancestors.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(CONFIG_NAME))
            .find(|p| p.is_file())
    }

    /// Reads and parses a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            ConfigError::plain(format!("cannot read config {}: {e}", path.display()))
        })?;
        Config::parse(path, text)
    }

    pub fn parse(path: &Path, text: String) -> Result<Config, ConfigError> {
        let source = SourceFile::new(path.display().to_string(), text);
        let file: ConfigFile =
            toml::from_str(&source.text).map_err(|e| ConfigError::from_toml(&source, &e))?;
        let dir = path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        let globs = |list: &[String]| -> Result<Option<globset::GlobSet>, ConfigError> {
            if list.is_empty() {
                return Ok(None);
            }
            let mut b = globset::GlobSetBuilder::new();
            for g in list {
                b.add(globset::Glob::new(g).map_err(|e| {
                    ConfigError::plain(format!("{}: bad glob `{g}`: {e}", source.name))
                })?);
            }
            b.build()
                .map(Some)
                .map_err(|e| ConfigError::plain(format!("{}: {e}", source.name)))
        };
        let include = globs(&file.include)?;
        let exclude = globs(&file.exclude)?;
        Ok(Config {
            path: Some(path.to_path_buf()),
            source: Some(source),
            dir,
            file,
            include,
            exclude,
        })
    }

    /// Whether a file found while walking is linted under this config.
    pub fn selects(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.dir).unwrap_or(path);
        let rel = rel.strip_prefix("./").unwrap_or(rel);
        if self.exclude.as_ref().is_some_and(|g| g.is_match(rel)) {
            return false;
        }
        self.include.as_ref().is_none_or(|g| g.is_match(rel))
    }

    fn resolve(&self, p: &Path) -> PathBuf {
        if p.is_absolute() {
            p.to_path_buf()
        } else {
            self.dir.join(p)
        }
    }

    /// Loads the packs (built-in, this config's, then `extra_packs`), the house lexicon and
    /// fact files, and selects rules and severities.
    pub fn linter(&self, extra_packs: &[PathBuf]) -> Result<Linter, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let mut sources = pack::builtin_sources();
        let pack_paths: Vec<PathBuf> = self
            .file
            .packs
            .iter()
            .map(|p| self.resolve(p))
            .chain(extra_packs.iter().cloned())
            .collect();
        for p in &pack_paths {
            match std::fs::read_to_string(p) {
                Ok(text) => sources.push(SourceFile::new(p.display().to_string(), text)),
                Err(e) => errors.push(ConfigError::plain(format!(
                    "cannot read pack {}: {e}",
                    p.display()
                ))),
            }
        }
        let mut lexicon = Lexicon::builtin();
        for p in &self.file.house.lexicon {
            let p = self.resolve(p);
            match read_toml_table(&p) {
                Ok(t) => lexicon.merge(t),
                Err(e) => errors.push(e),
            }
        }
        let mut house = self.file.house.clone();
        for p in &self.file.house.facts {
            let p = self.resolve(p);
            match std::fs::read_to_string(&p) {
                Ok(text) => {
                    match FactBase::parse(&SourceFile::new(p.display().to_string(), text)) {
                        Ok(f) => house.fact_base.extend(f),
                        Err(e) => errors.push(e),
                    }
                }
                Err(e) => errors.push(ConfigError::plain(format!(
                    "cannot read fact file {}: {e}",
                    p.display()
                ))),
            }
        }
        let mut parsed = Vec::new();
        for s in sources {
            match pack::parse(s) {
                Ok(p) => parsed.push(p),
                Err(e) => errors.push(e),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let set = Arc::new(RuleSet::compile(parsed, lexicon)?);
        self.select(set, house).map_err(|e| vec![e])
    }

    /// Applies `[rules]` and `[severity]` to a rule set.
    pub fn select(&self, set: Arc<RuleSet>, house: House) -> Result<Linter, ConfigError> {
        let names: Vec<&str> = set
            .rules
            .iter()
            .map(|r| r.info.id.as_str())
            .chain(set.packs.iter().map(|p| p.name.as_str()))
            .collect();
        let matches = |name: &str, id: &str| id == name || id.split('/').next() == Some(name);
        let check = |name: &Spanned<String>| -> Result<(), ConfigError> {
            if names.contains(&name.get_ref().as_str()) {
                return Ok(());
            }
            let src = self.source.as_ref().expect("spans come from a file");
            let mut e = ConfigError::at(
                src,
                name.span(),
                format!("unknown rule or pack `{}`", name.get_ref()),
                "not a rule or pack",
            );
            if let Some(n) = nearest(name.get_ref(), &names) {
                e = e.with_help(format!("did you mean `{n}`?"));
            }
            Err(e)
        };
        for n in self
            .file
            .rules
            .enable
            .iter()
            .chain(&self.file.rules.disable)
        {
            check(n)?;
        }
        for (name, sev) in &self.file.severity {
            check(&Spanned::new(sev.span(), name.clone()))?;
        }
        let mut active = Vec::new();
        for (i, r) in set.rules.iter().enumerate() {
            let id = r.info.id.as_str();
            let mut on = r.info.enabled;
            if self
                .file
                .rules
                .enable
                .iter()
                .any(|n| matches(n.get_ref(), id))
            {
                on = true;
            }
            if self
                .file
                .rules
                .disable
                .iter()
                .any(|n| matches(n.get_ref(), id))
            {
                on = false;
            }
            if !on {
                continue;
            }
            // a rule's own override beats its pack's
            let sev = self
                .file
                .severity
                .get(id)
                .or_else(|| self.file.severity.get(&r.info.pack))
                .map(|s| *s.get_ref())
                .unwrap_or(r.info.severity);
            active.push((i, sev));
        }
        Ok(Linter {
            set,
            active,
            house: Arc::new(house),
        })
    }
}

fn read_toml_table(path: &Path) -> Result<toml::Table, ConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::plain(format!("cannot read {}: {e}", path.display())))?;
    let src = SourceFile::new(path.display().to_string(), text);
    toml::from_str(&src.text).map_err(|e| ConfigError::from_toml(&src, &e))
}

/// The commented starter config written by `copydesk init`.
pub const STARTER: &str = r#"# copydesk configuration. The nearest copydesk.toml above a file applies to it.

# Extra rule packs (TOML), relative to this file.
# packs = ["house-rules.toml"]

# Lowest severity that fails a run: "error", "warning", "info" or "never".
fail-on = "warning"

# Files to lint when walking directories (globs relative to this file).
# include = ["articles/**"]
# exclude = ["archive/**", "drafts/*.md"]

[rules]
# Rules (pack/id) or whole packs to turn on or off.
# enable = []
# disable = ["house/spelling-mix"]

[severity]
# Severity overrides for rules or packs.
# "translation/displaced-sentence" = "warning"

[house]
# How honorifics are written before a surname: "none", "Mr" or "Mr.".
# honorifics = "Mr"
# Double quotation marks: "curly" or "straight".
# quotes = "curly"
# Fact files listing people, places and organisations the house writes one way.
# facts = ["facts.toml"]
# Lexicon files extending the built-in word lists.
# lexicon = ["words.toml"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starter_config_parses() {
        let c = Config::parse(Path::new("copydesk.toml"), STARTER.to_owned()).unwrap();
        assert_eq!(c.file.fail_on, Some(FailOn::Warning));
    }

    #[test]
    fn unknown_key_names_nearest() {
        let e = Config::parse(Path::new("c.toml"), "fial-on = \"error\"\n".into()).unwrap_err();
        assert!(e.message.starts_with("c.toml:1:1:"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("did you mean `fail-on`?"));
    }

    #[test]
    fn selection_and_severity() {
        let text = "[rules]\ndisable = [\"house/spelling-mix\"]\n[severity]\nhouse = \"error\"\n";
        let c = Config::parse(Path::new("c.toml"), text.into()).unwrap();
        let set = Arc::new(RuleSet::builtin());
        let l = c.select(set.clone(), House::default()).unwrap();
        let ids: Vec<&str> = l
            .active
            .iter()
            .map(|(i, _)| set.rules[*i].info.id.as_str())
            .collect();
        assert!(!ids.contains(&"house/spelling-mix"));
        assert!(l
            .active
            .iter()
            .filter(|(i, _)| set.rules[*i].info.pack == "house")
            .all(|(_, s)| *s == Severity::Error));
        let bad = Config::parse(
            Path::new("c.toml"),
            "[rules]\ndisable = [\"house/place-name\"]\n".into(),
        )
        .unwrap();
        let e = bad.select(set, House::default()).unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `house/place-names`?"));
    }
}
