//! `--diff-base` and baselines, in throwaway git repositories.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn git(dir: &Path, args: &[&str]) {
    let st = std::process::Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=Desk",
            "-c",
            "user.email=desk@example.org",
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(st.status.success(), "git {args:?}: {st:?}");
}

fn repo(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "start"]);
    dir
}

/// (exit code, the flagged words of every diagnostic, by path).
fn check(dir: &Path, args: &[&str], stdin: Option<&str>) -> (i32, Vec<(String, String)>) {
    let mut cmd = Command::cargo_bin("copydesk").unwrap();
    cmd.current_dir(dir)
        .args(["check", "--no-config", "--format", "json"])
        .args(args);
    if let Some(s) = stdin {
        cmd.write_stdin(s);
    }
    let out = cmd.output().unwrap();
    let code = out.status.code().unwrap();
    assert!(code <= 1, "{out:?}");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut found = Vec::new();
    for f in v["files"].as_array().unwrap() {
        let path = f["path"].as_str().unwrap().to_owned();
        let source = match stdin {
            Some(s) => s.to_owned(),
            None => std::fs::read_to_string(dir.join(&path)).unwrap(),
        };
        for d in f["diagnostics"].as_array().unwrap() {
            let (s, e) = (
                d["span"]["start"].as_u64().unwrap(),
                d["span"]["end"].as_u64().unwrap(),
            );
            found.push((path.clone(), source[s as usize..e as usize].to_owned()));
        }
    }
    (code, found)
}

const OLD: &str = "Troops massed near Kiev on Friday.\n\nThe talks ended without a deal.\n";

fn pair(p: &str, w: &str) -> (String, String) {
    (p.to_owned(), w.to_owned())
}

#[test]
fn diff_base_reports_changed_lines_and_untracked_files_only() {
    let dir = repo(&[("a.txt", OLD)]);
    let p = dir.path();
    // an edit on another line, a new finding, and a new untracked file
    std::fs::write(
        p.join("a.txt"),
        format!("A new first line.\n\n{OLD}\nShares fell in Bombay today.\n"),
    )
    .unwrap();
    std::fs::write(p.join("b.txt"), "Flights to Odessa resumed.\n").unwrap();

    let (code, all) = check(p, &["a.txt", "b.txt"], None);
    assert_eq!(code, 1);
    assert_eq!(all.len(), 3, "{all:?}");

    let (_, changed) = check(p, &["--diff-base", "HEAD", "a.txt", "b.txt"], None);
    assert_eq!(
        changed,
        vec![pair("a.txt", "Bombay"), pair("b.txt", "Odessa")]
    );

    // an unchanged file reports nothing and passes
    git(p, &["add", "."]);
    git(p, &["commit", "-q", "-m", "more"]);
    let (code, none) = check(p, &["--diff-base", "HEAD", "a.txt", "b.txt"], None);
    assert_eq!((code, none), (0, vec![]));

    // an editor buffer is compared with the file at the base revision
    let buffer = format!("{OLD}Talks in Kharkov.\n");
    let (_, buf) = check(
        p,
        &["--diff-base", "HEAD~1", "--stdin-filename", "a.txt", "-"],
        Some(&buffer),
    );
    assert_eq!(buf, vec![pair("a.txt", "Kharkov")]);
}

#[test]
fn a_bad_revision_is_a_usage_error() {
    let dir = repo(&[("a.txt", OLD)]);
    Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--diff-base",
            "no-such-rev",
            "a.txt",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a git revision"));
}

#[test]
fn baseline_hides_known_findings_even_when_lines_move() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir(p.join("news")).unwrap();
    std::fs::write(p.join("news/a.txt"), OLD).unwrap();
    let st = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(p)
        .args([
            "check",
            "--no-config",
            "--write-baseline",
            "copydesk-baseline.json",
            "news",
        ])
        .output()
        .unwrap();
    assert_eq!(st.status.code(), Some(0), "{st:?}");
    assert!(String::from_utf8_lossy(&st.stderr).contains("recorded 1 findings"));
    assert!(st.stdout.is_empty());

    let (code, none) = check(p, &["--baseline", "copydesk-baseline.json", "news"], None);
    assert_eq!((code, none), (0, vec![]));

    // lines move and a new finding appears: only the new one is reported
    std::fs::write(
        p.join("news/a.txt"),
        format!("Another opening.\n\nMore words here.\n\n{OLD}\nTroops massed near Kiev again.\n"),
    )
    .unwrap();
    let (code, new) = check(p, &["--baseline", "copydesk-baseline.json", "news"], None);
    assert_eq!(code, 1);
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0].1, "Kiev");

    // the baseline works from another directory too
    let (_, from_news) = check(
        &p.join("news"),
        &["--baseline", "../copydesk-baseline.json", "a.txt"],
        None,
    );
    assert_eq!(from_news.len(), 1, "{from_news:?}");
}
