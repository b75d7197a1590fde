//! The `copydesk` binary end to end: formats, exit codes, fixes, config and pack errors, bad input.

use assert_cmd::Command;
use std::fs;
use std::path::Path;
use tempfile::TempDir;

const KIEV: &str = "Troops massed near Kiev on Friday, officials said.\n";

fn copydesk() -> Command {
    let mut c = Command::cargo_bin("copydesk").unwrap();
    c.env_remove("NO_COLOR").env("COLUMNS", "100");
    c
}

/// A temporary directory holding `files` (name, contents).
fn dir_with(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        let p = dir.path().join(name);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, contents).unwrap();
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = copydesk().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn seed_article_json_matches_schema_and_flags_kiev() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (code, out, _) = run_in(
        root,
        &["check", "--format", "json", "samples/seed-article.txt"],
    );
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("docs/report.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&report)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:?}");
    let diags = report["files"][0]["diagnostics"].as_array().unwrap();
    let kiev = diags
        .iter()
        .find(|d| d["rule"] == "house/place-names")
        .expect("Kiev flagged");
    assert_eq!(kiev["fix"]["applicability"], "safe");
    assert_eq!(kiev["fix"]["edits"][0]["replacement"], "Kyiv");
    let start = kiev["span"]["start"].as_u64().unwrap() as usize;
    let text = fs::read_to_string(root.join("samples/seed-article.txt")).unwrap();
    assert_eq!(&text[start..start + 4], "Kiev");
    assert_eq!(kiev["start"]["line"], 14);
}

#[test]
fn concise_format_and_exit_codes() {
    let d = dir_with(&[
        ("a.txt", KIEV.as_bytes()),
        ("clean.txt", b"The talks ended on Friday.\n"),
    ]);
    let (code, out, _) = run_in(d.path(), &["check", "--format", "concise", "a.txt"]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "a.txt:1:20: warning [house/place-names] “Kiev” is an outdated name; the house writes “Kyiv”\n"
    );
    let (code, out, _) = run_in(d.path(), &["check", "--format", "concise", "clean.txt"]);
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, _, _) = run_in(d.path(), &["check", "--fail-on", "error", "a.txt"]);
    assert_eq!(code, 0);
    let (code, _, _) = run_in(d.path(), &["check", "--fail-on", "never", "a.txt"]);
    assert_eq!(code, 0);
    let (code, _, err) = run_in(d.path(), &["check", "--format", "nope", "a.txt"]);
    assert_eq!(code, 2, "{err}");
    // `copydesk PATH` means `copydesk check PATH`
    let (code, out2, _) = run_in(d.path(), &["--format", "concise", "a.txt"]);
    assert_eq!(code, 1);
    assert!(out2.contains("house/place-names"));
}

#[test]
fn pretty_format_shows_source_label_help_and_code() {
    let d = dir_with(&[("a.txt", KIEV.as_bytes())]);
    let (code, out, _) = run_in(
        d.path(),
        &["check", "--format", "pretty", "--color", "never", "a.txt"],
    );
    assert_eq!(code, 1);
    assert!(out.contains("house/place-names"), "{out}");
    assert!(out.contains("Troops massed near Kiev"), "{out}");
    assert!(out.contains("Replace with “Kyiv”"), "{out}");
    assert!(out.contains("help:"), "{out}");
    assert!(out.contains("1 file checked: 0 errors, 1 warning"), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "no colour codes with --color never"
    );
    let (_, colored, _) = run_in(
        d.path(),
        &["check", "--format", "pretty", "--color", "always", "a.txt"],
    );
    assert!(colored.contains('\u{1b}'));
}

#[test]
fn diff_applies_with_git_and_equals_fix() {
    let text = "Kiev and Odessa.\nNothing here.\nShares rose in Bombay";
    let d = dir_with(&[("a.txt", text.as_bytes())]);
    let (code, diff, _) = run_in(d.path(), &["check", "--diff", "a.txt"]);
    assert_eq!(code, 1);
    assert!(
        diff.starts_with("diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n"),
        "{diff}"
    );
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).unwrap(),
        text,
        "--diff changes nothing"
    );

    // apply the diff in a copy with git apply
    let applied = dir_with(&[("a.txt", text.as_bytes()), ("p.diff", diff.as_bytes())]);
    let st = std::process::Command::new("git")
        .args(["apply", "p.diff"])
        .current_dir(applied.path())
        .status()
        .unwrap();
    assert!(st.success());

    let (code, _, _) = run_in(d.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(code, 0, "nothing left after the safe fixes");
    let fixed = fs::read_to_string(d.path().join("a.txt")).unwrap();
    assert_eq!(
        fixed,
        "Kyiv and Odesa.\nNothing here.\nShares rose in Mumbai"
    );
    assert_eq!(
        fs::read_to_string(applied.path().join("a.txt")).unwrap(),
        fixed
    );

    let (_, _, _) = run_in(d.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(
        fs::read_to_string(d.path().join("a.txt")).unwrap(),
        fixed,
        "second --fix is a no-op"
    );
    let (code, diff, _) = run_in(d.path(), &["check", "--diff", "a.txt"]);
    assert_eq!((code, diff.as_str()), (0, ""));
}

#[test]
fn fix_keeps_bom_line_endings_and_permissions() {
    let text = "\u{feff}Kiev fell.\r\nThen quiet.\r\n";
    let d = dir_with(&[("a.txt", text.as_bytes())]);
    let p = d.path().join("a.txt");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let (code, _, err) = run_in(d.path(), &["check", "--fix", "a.txt"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read_to_string(&p).unwrap(),
        "\u{feff}Kyiv fell.\r\nThen quiet.\r\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    let leftovers: Vec<_> = fs::read_dir(d.path()).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let text = "Send an email.\n\nThe e-mail came and the email went.\n";
    let d = dir_with(&[("a.txt", text.as_bytes())]);
    let (_, diff, _) = run_in(d.path(), &["check", "--diff", "a.txt"]);
    assert_eq!(diff, "");
    let (_, diff, _) = run_in(d.path(), &["check", "--diff", "--unsafe-fixes", "a.txt"]);
    assert!(diff.contains("+The email came"), "{diff}");
}

#[test]
fn stdin_reports_with_given_name_and_fix_prints_text() {
    let d = dir_with(&[]);
    let out = copydesk()
        .current_dir(d.path())
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "story.txt",
            "-",
        ])
        .write_stdin(KIEV)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("story.txt:1:20:"));
    let out = copydesk()
        .current_dir(d.path())
        .args(["check", "--fix", "-"])
        .write_stdin(KIEV)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        KIEV.replace("Kiev", "Kyiv")
    );
}

#[test]
fn bad_files_are_reported_and_the_rest_linted() {
    let d = dir_with(&[
        ("good.txt", KIEV.as_bytes()),
        ("clean.md", b"# Title\n\nAll quiet.\n"),
        ("image.txt", b"GIF89a\x00\x01\x02binary"),
        ("latin1.txt", b"Caf\xe9 society in Kiev.\n"),
        ("empty.txt", b""),
        ("nonewline.txt", b"No final newline"),
    ]);
    let (code, out, err) = run_in(d.path(), &["check", "--format", "concise", "."]);
    assert_eq!(code, 2, "an unreadable file makes the run fail with 2");
    assert!(out.contains("good.txt:1:20"), "{out}");
    assert!(
        err.contains("latin1.txt: not valid UTF-8 (first bad byte at offset 3)"),
        "{err}"
    );
    assert!(err.contains("image.txt: binary file skipped"), "{err}");
    let (code, _, err) = run_in(d.path(), &["check", "image.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("image.txt: binary file"), "{err}");
    let (code, _, err) = run_in(d.path(), &["check", "missing.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("missing.txt: no such file"), "{err}");
}

#[test]
fn walking_honours_ignore_files_and_types() {
    let d = dir_with(&[
        ("a/one.txt", KIEV.as_bytes()),
        ("a/two.md", KIEV.as_bytes()),
        ("a/skip.rs", KIEV.as_bytes()),
        ("a/drafts/three.txt", KIEV.as_bytes()),
        ("a/.copydeskignore", b"drafts/\n"),
    ]);
    let (_, out, _) = run_in(d.path(), &["check", "--format", "concise", "a"]);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["a/one.txt", "a/two.md"]);
    // an explicitly named file is always linted
    let (_, out, _) = run_in(d.path(), &["check", "--format", "concise", "a/skip.rs"]);
    assert!(out.starts_with("a/skip.rs:"));
}

#[test]
fn nearest_config_wins() {
    let d = dir_with(&[
        ("copydesk.toml", b"fail-on = \"error\"\n"),
        ("top.txt", KIEV.as_bytes()),
        (
            "desk/copydesk.toml",
            b"[rules]\ndisable = [\"house/place-names\"]\n",
        ),
        ("desk/story.txt", KIEV.as_bytes()),
    ]);
    let (code, out, _) = run_in(d.path(), &["check", "--format", "concise", "."]);
    assert_eq!(code, 0, "top config fails on errors only: {out}");
    assert!(out.contains("top.txt"));
    assert!(!out.contains("story.txt"), "{out}");
    let (code, out, _) = run_in(
        d.path(),
        &["check", "--no-config", "--format", "concise", "."],
    );
    assert_eq!(code, 1);
    assert!(out.contains("story.txt"));
}

#[test]
fn markdown_suppression_comments() {
    let md = "Kiev one.\n\n<!-- copydesk-disable-next-line house/place-names -->\nKiev two.\n\n<!-- copydesk-disable -->\nKiev three.\n<!-- copydesk-enable -->\n\nKiev four.\n";
    let d = dir_with(&[("a.md", md.as_bytes())]);
    let (_, out, _) = run_in(d.path(), &["check", "--format", "concise", "a.md"]);
    let lines: Vec<&str> = out.lines().map(|l| l.split(':').nth(1).unwrap()).collect();
    assert_eq!(lines, ["1", "10"], "{out}");
}

#[test]
fn pack_errors_point_at_file_line_and_column() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("syntax.toml", "[pack]\nname = \"x\"\n[[rule]\n", &["syntax.toml:3:"]),
        (
            "unknown.toml",
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"a\"\ncheck = \"pattern\"\nmessage = \"m\"\nwords = [\"a\"]\nseverty = \"error\"\n",
            &["unknown.toml:8:1", "did you mean `severity`?"],
        ),
        (
            "regex.toml",
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"bad-re\"\ncheck = \"pattern\"\nmessage = \"m\"\nregex = \"(unclosed\"\n",
            &["regex.toml:7:9", "rule `x/bad-re`", "bad regex"],
        ),
        (
            "dup.toml",
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"a\"\ncheck = \"pattern\"\nmessage = \"m\"\nwords = [\"a\"]\n[[rule]]\nid = \"a\"\ncheck = \"pattern\"\nmessage = \"m\"\nwords = [\"b\"]\n",
            &["dup.toml:9:6", "duplicate rule id `x/a`", "first defined at dup.toml:4:6"],
        ),
        (
            "kind.toml",
            "[pack]\nname = \"x\"\n[[rule]]\nid = \"a\"\ncheck = \"substitue\"\nmessage = \"m\"\n",
            &["kind.toml:5:9", "did you mean `substitute`?"],
        ),
    ];
    for (name, text, expected) in cases {
        let d = dir_with(&[(name, text.as_bytes()), ("a.txt", KIEV.as_bytes())]);
        let (code, _, err) = run_in(
            d.path(),
            &["check", "--color", "never", "--pack", name, "a.txt"],
        );
        assert_eq!(code, 2, "{name}: {err}");
        for e in *expected {
            assert!(err.contains(e), "{name}: expected {e:?} in:\n{err}");
        }
    }
}

#[test]
fn config_errors_exit_2() {
    let d = dir_with(&[
        (
            "copydesk.toml",
            b"[rules]\ndisable = [\"house/place-name\"]\n",
        ),
        ("a.txt", KIEV.as_bytes()),
    ]);
    let (code, _, err) = run_in(d.path(), &["check", "a.txt"]);
    assert_eq!(code, 2);
    assert!(err.contains("copydesk.toml:2:"), "{err}");
    assert!(err.contains("did you mean `house/place-names`?"), "{err}");
}

#[test]
fn rules_explain_init_and_pack_tests() {
    let d = dir_with(&[(
        "mine.toml",
        b"[pack]\nname = \"mine\"\n[[rule]]\nid = \"no-very\"\ncheck = \"pattern\"\nmessage = \"Cut {match}\"\nwords = [\"very\"]\n[[rule.example]]\ntext = \"It was very good.\"\nflag = [\"very\"]\n[[rule.example]]\ntext = \"It was every bit good.\"\nflag = [\"every\"]\n",
    )]);
    let (code, out, _) = run_in(d.path(), &["rules"]);
    assert_eq!(code, 0);
    assert!(out.contains("house/place-names"));
    let (code, out, _) = run_in(d.path(), &["explain", "house/place-names"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("Kiev → Kyiv") && out.contains("Examples:"),
        "{out}"
    );
    let (code, _, err) = run_in(d.path(), &["explain", "house/place-name"]);
    assert_eq!(code, 2);
    assert!(err.contains("did you mean `house/place-names`"));
    let (code, out, _) = run_in(d.path(), &["rules", "test", "mine.toml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL mine/no-very example 2"), "{out}");
    assert!(out.contains("1 passed, 1 failed"), "{out}");
    let (code, _, _) = run_in(d.path(), &["init"]);
    assert_eq!(code, 0);
    assert!(d.path().join("copydesk.toml").exists());
    let (code, _, _) = run_in(d.path(), &["init"]);
    assert_eq!(code, 2);
    let (code, _, _) = run_in(d.path(), &["check", "mine.toml"]);
    assert_eq!(code, 0, "the starter config is valid");
}
