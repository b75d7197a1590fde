//! SARIF 2.1.0 for code-scanning services: the driver lists every active rule, results carry a
//! rule index, a region in UTF-16 code units (`columnKind` says so), a partial fingerprint
//! and the fixes as replacements.

use super::fingerprint::{fingerprints, SARIF_KEY};
use super::location::{encode_uri_path, file_uri, relative_to_root, repo_root};
use super::{FileReport, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fix::Applicability;
use crate::text::{ColumnUnit, LineIndex, Span};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const ROOT_ID: &str = "%SRCROOT%";

/// `error`, `warning` or `note`.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `house/place-names` → `PlaceNames`: SARIF's human-readable rule name.
fn rule_name(id: &str) -> String {
    id.rsplit('/')
        .next()
        .unwrap_or(id)
        .split(['-', '_'])
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

fn descriptor(r: &RuleMeta) -> Value {
    let full = match &r.help {
        Some(h) => format!("{} {}", sentence(&r.description), h),
        None => sentence(&r.description),
    };
    let help = format!(
        "{}\n\nRun `copydesk explain {}` for its parameters and examples.",
        r.help.as_deref().unwrap_or(&r.description),
        r.id
    );
    let tags: Vec<&String> = [&r.pack, &r.kind]
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    json!({
        "id": r.id,
        "name": rule_name(&r.id),
        "shortDescription": {"text": r.description},
        "fullDescription": {"text": full},
        "help": {"text": help},
        "defaultConfiguration": {"level": level(r.severity), "enabled": true},
        "properties": {"tags": tags},
    })
}

fn sentence(s: &str) -> String {
    if s.ends_with(['.', '!', '?']) {
        s.to_owned()
    } else {
        format!("{s}.")
    }
}

struct FileCx<'a> {
    text: &'a str,
    idx: LineIndex,
    artifact: Value,
}

impl FileCx<'_> {
    fn region(&self, span: Span) -> Value {
        let s = self.idx.position(self.text, span.start, ColumnUnit::Utf16);
        let e = self.idx.position(self.text, span.end, ColumnUnit::Utf16);
        let mut r = json!({
            "startLine": s.line,
            "startColumn": s.column,
            "endLine": e.line,
            "endColumn": e.column,
        });
        if !span.is_empty() && span.end <= self.text.len() {
            r["snippet"] = json!({"text": span.slice(self.text)});
        }
        r
    }

    fn location(&self, span: Span) -> Value {
        json!({"physicalLocation": {
            "artifactLocation": self.artifact,
            "region": self.region(span),
        }})
    }
}

fn artifact(path: &str, cwd: &Path, root: &Path) -> Value {
    match relative_to_root(path, cwd, root) {
        Ok(rel) => json!({"uri": encode_uri_path(&rel), "uriBaseId": ROOT_ID}),
        Err(abs) => json!({"uri": file_uri(Path::new(&abs))}),
    }
}

fn result(d: &Diagnostic, fp: &str, index: Option<usize>, f: &FileCx<'_>) -> Value {
    let mut r = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [f.location(d.span)],
        "partialFingerprints": {SARIF_KEY: fp},
    });
    if let Some(i) = index {
        r["ruleIndex"] = json!(i);
    }
    if !d.labels.is_empty() {
        r["relatedLocations"] = d
            .labels
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut loc = f.location(l.span);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({"text": l.message});
                loc
            })
            .collect();
    }
    if let Some(fix) = &d.fix {
        let kind = match fix.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        };
        let replacements: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                json!({
                    "deletedRegion": f.region(e.span),
                    "insertedContent": {"text": e.replacement},
                })
            })
            .collect();
        r["fixes"] = json!([{
            "description": {"text": format!("{} ({kind} fix)", fix.message)},
            "artifactChanges": [{"artifactLocation": f.artifact, "replacements": replacements}],
            "properties": {"applicability": kind},
        }]);
    }
    r
}

/// Writes a SARIF log file by file: the driver and run properties first, then each file's
/// results as it comes, so a long run never holds every result at once.
pub(super) struct SarifWriter {
    index: HashMap<String, usize>,
    cwd: PathBuf,
    root: PathBuf,
    /// What follows the results array.
    tail: String,
    first: bool,
}

/// Stands where the results go while the rest of the log is serialised.
const RESULTS_MARK: &str = "\"results\":[]";

impl SarifWriter {
    pub(super) fn begin(
        rules: &[RuleMeta],
        cwd: &Path,
        out: &mut dyn Write,
    ) -> io::Result<SarifWriter> {
        let root = repo_root(cwd);
        let mut seen = std::collections::HashSet::new();
        let rules: Vec<&RuleMeta> = rules.iter().filter(|r| seen.insert(r.id.clone())).collect();
        let index = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut base = Map::new();
        let mut root_uri = file_uri(&root);
        if !root_uri.ends_with('/') {
            root_uri.push('/');
        }
        base.insert(ROOT_ID.into(), json!({"uri": root_uri}));
        let head = json!({
            "$schema": SCHEMA_URI,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "copydesk",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules.iter().map(|r| descriptor(r)).collect::<Vec<_>>(),
                }},
                "originalUriBaseIds": base,
                "columnKind": "utf16CodeUnits",
                "results": [],
            }],
        });
        let text = serde_json::to_string(&head)?;
        let at = text
            .rfind(RESULTS_MARK)
            .expect("the results array is in the log");
        out.write_all(&text.as_bytes()[..at + RESULTS_MARK.len() - 1])?;
        Ok(SarifWriter {
            index,
            cwd: cwd.to_path_buf(),
            root,
            tail: text[at + RESULTS_MARK.len() - 1..].to_owned(),
            first: true,
        })
    }

    pub(super) fn file(&mut self, f: &FileReport, out: &mut dyn Write) -> io::Result<()> {
        if f.diagnostics.is_empty() {
            return Ok(());
        }
        let cx = FileCx {
            text: &f.source,
            idx: LineIndex::new(&f.source),
            artifact: artifact(&f.path, &self.cwd, &self.root),
        };
        let fps = fingerprints(&f.source, &f.diagnostics);
        for (d, fp) in f.diagnostics.iter().zip(&fps) {
            if !std::mem::take(&mut self.first) {
                out.write_all(b",")?;
            }
            let r = result(d, fp, self.index.get(d.rule.as_str()).copied(), &cx);
            out.write_all(b"\n")?;
            serde_json::to_writer(&mut *out, &r)?;
        }
        Ok(())
    }

    pub(super) fn finish(self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(self.tail.as_bytes())?;
        writeln!(out)
    }
}

/// The SARIF log of a run as a JSON value. `cwd` is where shown paths are relative to.
pub fn log(files: &[FileReport], rules: &[RuleMeta], cwd: &Path) -> Value {
    let mut rules: Vec<RuleMeta> = rules.to_vec();
    // every rule a result names must be in the driver, once
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        if !rules.iter().any(|r| r.id == d.rule) {
            rules.push(RuleMeta::unknown(&d.rule, d.severity));
        }
    }
    let mut buf = Vec::new();
    let write = |buf: &mut Vec<u8>| -> io::Result<()> {
        let mut w = SarifWriter::begin(&rules, cwd, buf)?;
        for f in files {
            w.file(f, buf)?;
        }
        w.finish(buf)
    };
    write(&mut buf).expect("writing to memory cannot fail");
    serde_json::from_slice(&buf).expect("the SARIF writer emits valid JSON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fix::{Edit, Fix};

    #[test]
    fn names_and_levels() {
        assert_eq!(rule_name("house/place-names"), "PlaceNames");
        assert_eq!(level(Severity::Info), "note");
    }

    #[test]
    fn regions_count_utf16_units_and_fixes_are_replacements() {
        let text = "😀 北京 Kiev now.\n";
        let s = text.find("Kiev").unwrap();
        let span = Span::new(s, s + 4);
        let d = Diagnostic {
            rule: "house/place-names".into(),
            severity: Severity::Warning,
            message: "old name".into(),
            help: None,
            span,
            labels: vec![],
            fix: Some(Fix::safe("use Kyiv", vec![Edit::replace(span, "Kyiv")])),
        };
        let f = FileReport {
            path: "news/a.txt".into(),
            source: text.into(),
            diagnostics: vec![d],
        };
        let cwd = Path::new("/nowhere/repo");
        let v = log(&[f], &[], cwd);
        let r = &v["runs"][0]["results"][0];
        let region = &r["locations"][0]["physicalLocation"]["region"];
        // 😀 is two UTF-16 units, then a space, 北京 and a space: Kiev starts at unit 6
        assert_eq!(region["startColumn"], 7);
        assert_eq!(region["endColumn"], 11);
        assert_eq!(r["ruleIndex"], 0);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "news/a.txt"
        );
        let rep = &r["fixes"][0]["artifactChanges"][0]["replacements"][0];
        assert_eq!(rep["insertedContent"]["text"], "Kyiv");
        assert_eq!(rep["deletedRegion"]["startColumn"], 7);
        assert_eq!(
            v["runs"][0]["tool"]["driver"]["rules"][0]["id"],
            "house/place-names"
        );
    }
}
