//! `copydesk lsp` under Neovim's built-in LSP client (`nvim --headless`). Skipped, with a
//! message, when `nvim` is not installed.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn nvim_available() -> bool {
    Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Opens `file` in headless Neovim, waits for diagnostics and applies `rule`'s quick fix.
fn drive(file: &Path, rule: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim/lsp_check.lua");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
        .env("COPYDESK_FILE", file)
        .env("COPYDESK_RULE", rule)
        .env("COPYDESK_OUT", &out)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(90) {
            child.kill().unwrap();
            panic!("nvim did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let text = std::fs::read_to_string(&out).expect("the Lua script wrote its result");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn neovim_sees_diagnostics_and_applies_a_quick_fix() {
    if !nvim_available() {
        eprintln!("skipping the Neovim test: `nvim` is not installed (apt-get install -y neovim)");
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/seed-article.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let r = drive(&path, "house/place-names");
    assert!(r.get("error").is_none(), "{r}");

    // Neovim turns the server's UTF-16 positions into byte columns: they must land on "Kiev"
    let kiev = text.find("Kiev").unwrap();
    let line = text[..kiev].matches('\n').count();
    let col = kiev - text[..kiev].rfind('\n').map_or(0, |i| i + 1);
    let d = r["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "house/place-names")
        .unwrap_or_else(|| panic!("no place-name diagnostic: {r}"));
    assert_eq!(d["lnum"], line);
    assert_eq!(d["col"], col);
    assert_eq!(d["end_col"], col + 4);

    assert!(r["applied"].is_string(), "no quick fix applied: {r}");
    let fixed = r["lines"][line].as_str().unwrap();
    assert!(fixed.contains("defend Kyiv’s legitim"), "{fixed}");
}
