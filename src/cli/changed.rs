//! `--diff-base REV`: the lines changed since a git revision, from `git diff --unified=0`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

/// 1-based line ranges (inclusive) changed in each file of a repository.
#[derive(Debug, Default)]
pub struct ChangedLines {
    rev: String,
    root: PathBuf,
    files: HashMap<PathBuf, Vec<(usize, usize)>>,
    tracked: HashSet<PathBuf>,
}

/// Which lines of a file may be reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    All,
    Some(Vec<(usize, usize)>),
}

impl Lines {
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            Lines::All => true,
            Lines::Some(r) => r.iter().any(|&(a, b)| a <= last && first <= b),
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(out.stdout)
}

impl ChangedLines {
    /// Asks git, in the repository holding `dir`, what changed in the working tree since `rev`.
    pub fn load(dir: &Path, rev: &str) -> Result<ChangedLines, String> {
        let top = git(dir, &["rev-parse", "--show-toplevel"])?;
        let root = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let root = std::fs::canonicalize(&root).unwrap_or(root);
        git(
            &root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{rev}^{{commit}}"),
            ],
        )
        .map_err(|_| format!("--diff-base: `{rev}` is not a git revision"))?;
        let diff = git(
            &root,
            &[
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--no-renames",
                "--unified=0",
                rev,
                "--",
            ],
        )?;
        let files = parse_diff(&String::from_utf8_lossy(&diff))
            .into_iter()
            .map(|(p, r)| (root.join(p), r))
            .collect();
        let listed = git(&root, &["ls-files", "-z"])?;
        let tracked = listed
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| root.join(String::from_utf8_lossy(p).as_ref()))
            .collect();
        Ok(ChangedLines {
            rev: rev.to_owned(),
            root,
            files,
            tracked,
        })
    }

    /// The lines of `path` that changed. Files git does not track, or outside the repository,
    /// are new: every line counts.
    pub fn lines(&self, path: &Path) -> Lines {
        let abs = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !abs.starts_with(&self.root) || !self.tracked.contains(&abs) {
            return Lines::All;
        }
        Lines::Some(self.files.get(&abs).cloned().unwrap_or_default())
    }

    /// The lines of a buffer (standard input) for `path` that differ from `path` at the base
    /// revision.
    pub fn lines_of_buffer(&self, path: &Path, text: &str) -> Lines {
        let abs = match std::fs::canonicalize(path) {
            Ok(p) => p,
            Err(_) => match path.parent().and_then(|d| std::fs::canonicalize(d).ok()) {
                Some(d) => d.join(path.file_name().unwrap_or_default()),
                None => return Lines::All,
            },
        };
        let Ok(rel) = abs.strip_prefix(&self.root) else {
            return Lines::All;
        };
        let spec = format!("{}:{}", self.rev, rel.to_string_lossy().replace('\\', "/"));
        match git(&self.root, &["show", &spec]) {
            Ok(old) => Lines::Some(changed_lines(&String::from_utf8_lossy(&old), text)),
            Err(_) => Lines::All,
        }
    }
}

/// New-side line ranges of a `--unified=0` diff, by path relative to the repository root.
pub fn parse_diff(diff: &str) -> HashMap<String, Vec<(usize, usize)>> {
    let mut out: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let mut current: Option<String> = None;
    for line in diff.lines() {
        if let Some(p) = line.strip_prefix("+++ ") {
            current = new_path(p);
            if let Some(p) = &current {
                out.entry(p.clone()).or_default();
            }
        } else if line.starts_with("@@ ") {
            if let (Some(p), Some(r)) = (&current, hunk_range(line)) {
                out.entry(p.clone()).or_default().push(r);
            }
        }
    }
    out
}

/// The path of a `+++ b/path` header; `None` for `/dev/null`.
fn new_path(p: &str) -> Option<String> {
    let p = p.trim_end_matches('\t');
    if p == "/dev/null" {
        return None;
    }
    let p = if p.starts_with('"') && p.ends_with('"') && p.len() >= 2 {
        unquote(&p[1..p.len() - 1])
    } else {
        p.to_owned()
    };
    Some(p.strip_prefix("b/").unwrap_or(&p).to_owned())
}

/// Undoes git's C-style quoting of unusual paths (`\t`, `\"`, `\\`, octal bytes).
fn unquote(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            let c = b[i + 1];
            if (b'0'..=b'7').contains(&c) && i + 3 < b.len() {
                let oct = std::str::from_utf8(&b[i + 1..i + 4]).unwrap_or("");
                if let Ok(v) = u8::from_str_radix(oct, 8) {
                    out.push(v);
                    i += 4;
                    continue;
                }
            }
            out.push(match c {
                b't' => b'\t',
                b'n' => b'\n',
                b'r' => b'\r',
                other => other,
            });
            i += 2;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The new-side lines of a hunk header `@@ -a,b +c,d @@`. A pure deletion (`d` = 0) marks the
/// lines on either side of where the text was removed.
fn hunk_range(line: &str) -> Option<(usize, usize)> {
    let plus = line.split_whitespace().find(|w| w.starts_with('+'))?;
    let mut parts = plus[1..].splitn(2, ',');
    let start: usize = parts.next()?.parse().ok()?;
    let count: usize = match parts.next() {
        Some(c) => c.parse().ok()?,
        None => 1,
    };
    Some(if count == 0 {
        (start.max(1), start + 1)
    } else {
        (start, start + count - 1)
    })
}

/// New-side line ranges where `new` differs from `old`.
pub fn changed_lines(old: &str, new: &str) -> Vec<(usize, usize)> {
    use similar::{DiffOp, TextDiff};
    let diff = TextDiff::from_lines(old, new);
    let mut out = Vec::new();
    let ops = diff.ops();
    for (i, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { new_index, .. } => {
                // a deletion followed by an insertion at the same place is a replacement
                let replaced = matches!(ops.get(i + 1),
                    Some(DiffOp::Insert { new_index: n, .. }) if *n == new_index);
                if !replaced {
                    out.push((new_index.max(1), new_index + 1));
                }
            }
            DiffOp::Insert {
                new_index, new_len, ..
            }
            | DiffOp::Replace {
                new_index, new_len, ..
            } => out.push((new_index + 1, new_index + new_len)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hunks_of_several_files() {
        let diff = "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -3 +3 @@\n-x\n+y\n@@ -10,0 +11,2 @@\n+p\n+q\n@@ -20,2 +22,0 @@\n-r\n-s\ndiff --git a/\"sp ace\\303\\251.md\" b/\"sp ace\\303\\251.md\"\n--- /dev/null\n+++ \"b/sp ace\\303\\251.md\"\n@@ -0,0 +1,4 @@\n+a\n";
        let m = parse_diff(diff);
        assert_eq!(m["a.txt"], vec![(3, 3), (11, 12), (22, 23)]);
        assert_eq!(m["sp aceé.md"], vec![(1, 4)]);
    }

    #[test]
    fn deleted_files_are_skipped() {
        let diff = "--- a/gone.txt\n+++ /dev/null\n@@ -1,3 +0,0 @@\n-a\n";
        assert!(parse_diff(diff).is_empty());
    }

    #[test]
    fn touches_overlapping_ranges_only() {
        let l = Lines::Some(vec![(3, 3), (10, 12)]);
        assert!(l.touches(3, 3) && l.touches(1, 4) && l.touches(12, 20));
        assert!(!l.touches(4, 9) && !l.touches(13, 13));
        assert!(Lines::All.touches(1, 1));
    }

    #[test]
    fn buffer_changes() {
        assert_eq!(
            changed_lines("a\nb\nc\n", "a\nB\nc\nd\n"),
            vec![(2, 2), (4, 4)]
        );
        assert_eq!(changed_lines("a\nb\nc\n", "a\nc\n"), vec![(1, 2)]);
    }
}
