//! Standard input for editors: `--stdin-filename PATH -` finds PATH's config, reports PATH,
//! and `--fix` prints the fixed buffer.

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

fn run(dir: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn rules_of(out: &std::process::Output) -> Vec<(String, String)> {
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"].as_array().unwrap().iter().map(|d| {
                (
                    f["path"].as_str().unwrap().to_owned(),
                    d["rule"].as_str().unwrap().to_owned(),
                )
            })
        })
        .collect()
}

const TEXT: &str = "Trains to Kiev ran late on Tuesday.\n";

#[test]
fn config_is_resolved_for_the_stdin_filename() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::create_dir_all(p.join("desk")).unwrap();
    std::fs::create_dir_all(p.join("other")).unwrap();
    std::fs::write(
        p.join("desk/copydesk.toml"),
        "[rules]\ndisable = [\"house/place-names\"]\n",
    )
    .unwrap();
    let json = ["--format", "json", "--stdin-filename"];

    // no config above `other/`: the built-in rules apply and the path is reported as given
    let out = run(p, &[&json[..], &["other/story.txt", "-"]].concat(), TEXT);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        rules_of(&out),
        vec![("other/story.txt".into(), "house/place-names".into())]
    );

    // desk/copydesk.toml turns the rule off, also for a file that does not exist yet, in a
    // directory that does not exist yet
    for name in ["desk/story.txt", "desk/new/unsaved.txt"] {
        let out = run(p, &[&json[..], &[name, "-"]].concat(), TEXT);
        assert_eq!(out.status.code(), Some(0), "{name}: {out:?}");
        assert!(rules_of(&out).is_empty(), "{name}");
    }

    // and from another working directory, with an absolute path
    let abs = p.join("desk/story.txt");
    let out = run(
        &p.join("other"),
        &[&json[..], &[abs.to_str().unwrap(), "-"]].concat(),
        TEXT,
    );
    assert!(rules_of(&out).is_empty());
}

#[test]
fn the_stdin_filename_chooses_markdown_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let code = "Notes for the desk.\n\n```\nKiev\n```\n";
    let md = run(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--stdin-filename",
            "a.md",
            "-",
        ],
        code,
    );
    assert!(rules_of(&md).is_empty());
    let txt = run(
        dir.path(),
        &[
            "--no-config",
            "--format",
            "json",
            "--stdin-filename",
            "a.txt",
            "-",
        ],
        code,
    );
    assert_eq!(rules_of(&txt).len(), 1);
}

#[test]
fn fix_on_stdin_prints_the_fixed_text_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("story.txt"), "On disk: Kiev.\n").unwrap();
    let out = run(
        p,
        &["--no-config", "--fix", "--stdin-filename", "story.txt", "-"],
        TEXT,
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Trains to Kyiv ran late on Tuesday.\n"
    );
    assert_eq!(
        std::fs::read_to_string(p.join("story.txt")).unwrap(),
        "On disk: Kiev.\n"
    );
    // nothing to fix: the buffer comes back unchanged
    let clean = "All quiet in Kyiv.\n";
    let out = run(p, &["--no-config", "--fix", "-"], clean);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), clean);
}
