//! `--format github`: workflow commands the Actions runner turns into annotations.

use assert_cmd::Command;

#[test]
fn one_workflow_command_per_diagnostic_with_escaped_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--no-config",
            "--format",
            "github",
            "--stdin-filename",
            "desk/a,b: draft.txt",
            "-",
        ])
        .write_stdin("Flights to Kiev resumed.\n😀 Trains to Odessa too.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with(
        "::warning file=desk/a%2Cb%3A draft.txt,line=1,endLine=1,col=12,endColumn=16,title=copydesk house/place-names::"
    ), "{}", lines[0]);
    // columns count characters: the emoji is one
    assert!(
        lines[1].contains(",line=2,endLine=2,col=13,endColumn=19,"),
        "{}",
        lines[1]
    );
    assert!(lines.iter().all(|l| !l.contains('\r')));
}
