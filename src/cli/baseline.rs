//! Baselines: today's findings recorded by fingerprint (rule + normalised text around the span,
//! never line numbers), so `--baseline FILE` reports only what is new.

use copydesk::diagnostic::Diagnostic;
use copydesk::report::fingerprint::fingerprints;
use copydesk::report::location::relative_to_root;
use copydesk::report::FileReport;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct BaselineFile {
    version: u32,
    findings: Vec<Finding>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Finding {
    /// Relative to the baseline file's directory, with forward slashes.
    path: String,
    rule: String,
    fingerprint: String,
    /// For people reading the file; not used for matching.
    message: String,
}

/// A loaded baseline, or one being written.
#[derive(Debug)]
pub struct Baseline {
    dir: PathBuf,
    cwd: PathBuf,
    known: HashSet<(String, String)>,
}

fn absolute(p: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let dir = p
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(dir).unwrap_or_else(|_| cwd.join(dir))
}

impl Baseline {
    fn new(file: &Path) -> Baseline {
        let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
        let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
        Baseline {
            dir: absolute(file),
            cwd,
            known: HashSet::new(),
        }
    }

    pub fn load(file: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read baseline {}: {e}", file.display()))?;
        let parsed: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a copydesk baseline: {e}", file.display()))?;
        if parsed.version != VERSION {
            return Err(format!(
                "{}: baseline version {} (this copydesk reads version {VERSION})",
                file.display(),
                parsed.version
            ));
        }
        let mut b = Baseline::new(file);
        b.known = parsed
            .findings
            .into_iter()
            .map(|f| (f.path, f.fingerprint))
            .collect();
        Ok(b)
    }

    fn key_path(&self, shown: &str) -> String {
        relative_to_root(shown, &self.cwd, &self.dir).unwrap_or_else(|abs| abs)
    }

    /// Drops the findings the baseline knows.
    pub fn filter(
        &self,
        shown: &str,
        source: &str,
        diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        let path = self.key_path(shown);
        let fps = fingerprints(source, &diagnostics);
        diagnostics
            .into_iter()
            .zip(fps)
            .filter(|(_, fp)| !self.known.contains(&(path.clone(), fp.clone())))
            .map(|(d, _)| d)
            .collect()
    }

    /// Writes every finding of `reports` to `file`; returns how many.
    pub fn write(file: &Path, reports: &[FileReport]) -> std::io::Result<usize> {
        let b = Baseline::new(file);
        let mut findings = Vec::new();
        for r in reports {
            let path = b.key_path(&r.path);
            let fps = fingerprints(&r.source, &r.diagnostics);
            for (d, fp) in r.diagnostics.iter().zip(fps) {
                findings.push(Finding {
                    path: path.clone(),
                    rule: d.rule.clone(),
                    fingerprint: fp,
                    message: d.message.clone(),
                });
            }
        }
        findings.sort_by(|a, b| (&a.path, &a.fingerprint).cmp(&(&b.path, &b.fingerprint)));
        let n = findings.len();
        let mut text = serde_json::to_string_pretty(&BaselineFile {
            version: VERSION,
            findings,
        })?;
        text.push('\n');
        std::fs::write(file, text)?;
        Ok(n)
    }
}
