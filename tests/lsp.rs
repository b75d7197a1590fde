//! `copydesk lsp` end to end: a client speaking JSON-RPC over the server's stdio.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let (tx, rx) = channel();
        std::thread::spawn(move || loop {
            let mut len = None;
            loop {
                let mut line = String::new();
                if out.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    len = Some(v.parse::<usize>().unwrap());
                }
            }
            let mut body = vec![0; len.expect("a Content-Length header")];
            out.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        });
        let mut c = Client {
            child,
            stdin,
            rx,
            pending: Vec::new(),
            next_id: 0,
        };
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "capabilities": {"general": {"positionEncodings": ["utf-16"]}},
            }),
        );
        assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
        assert_eq!(init["serverInfo"]["name"], "copydesk");
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = serde_json::to_string(&msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn recv(&mut self) -> Value {
        self.rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the server answers within a minute")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m["id"] == id && m.get("method").is_none() {
                assert!(m.get("error").is_none(), "{method}: {m}");
                return m["result"].clone();
            }
            self.pending.push(m);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let is_ours = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.pending.iter().position(is_ours) {
            let m = self.pending.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let m = self.recv();
            if is_ours(&m) {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push(m);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn actions(&mut self, uri: &str, range: &Value, only: &[&str]) -> Vec<Value> {
        let r = self.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri}, "range": range,
                   "context": {"diagnostics": [], "only": only}}),
        );
        r.as_array().unwrap().clone()
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success(), "{status:?}");
    }
}

fn uri(path: &std::path::Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            s.push(char::from(b));
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

/// Zero-based line and UTF-16 column of a byte offset, computed independently of copydesk.
fn utf16_pos(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        line as u64,
        text[start..offset].encode_utf16().count() as u64,
    )
}

fn byte_offset(text: &str, line: u64, character: u64) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16() as u64;
    }
    text.len()
}

fn range_of(text: &str, start: usize, end: usize) -> Value {
    let (sl, sc) = utf16_pos(text, start);
    let (el, ec) = utf16_pos(text, end);
    json!({"start": {"line": sl, "character": sc}, "end": {"line": el, "character": ec}})
}

/// Applies LSP text edits (non-overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let r = &e["range"];
            let s = byte_offset(
                text,
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["character"].as_u64().unwrap(),
            );
            let t = byte_offset(
                text,
                r["end"]["line"].as_u64().unwrap(),
                r["end"]["character"].as_u64().unwrap(),
            );
            (s, t, e["newText"].as_str().unwrap().to_owned())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (s, t, new) in spans {
        out.replace_range(s..t, &new);
    }
    out
}

fn edits_of(action: &Value, uri: &str) -> Vec<Value> {
    action["edit"]["changes"][uri].as_array().unwrap().clone()
}

fn code(d: &Value) -> &str {
    d["code"].as_str().unwrap()
}

/// Applies the quick fix of the first diagnostic of `rule` and returns the new text.
fn quick_fix(c: &mut Client, uri: &str, text: &str, diags: &[Value], rule: &str) -> String {
    let d = diags
        .iter()
        .find(|d| code(d) == rule)
        .unwrap_or_else(|| panic!("no {rule} diagnostic in {diags:?}"));
    let actions = c.actions(uri, &d["range"], &["quickfix"]);
    let a = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == rule)
        .unwrap_or_else(|| panic!("no quick fix for {rule}: {actions:?}"));
    assert_eq!(a["kind"], "quickfix");
    apply(text, &edits_of(a, uri))
}

#[test]
fn seed_article_diagnostics_positions_and_quick_fixes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("samples/seed-article.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let u = uri(&path);

    // what the command line reports for the same file, as byte spans
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(root)
        .args(["check", "--format", "json", "samples/seed-article.txt"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut expected: Vec<(String, Value)> = report["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let s = d["span"]["start"].as_u64().unwrap() as usize;
            let e = d["span"]["end"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_owned(),
                range_of(&text, s, e),
            )
        })
        .collect();
    assert!(!expected.is_empty());

    let mut c = Client::start(root);
    let diags = c.open(&u, &text);
    let mut got: Vec<(String, Value)> = diags
        .iter()
        .map(|d| (code(d).to_owned(), d["range"].clone()))
        .collect();
    let key = |x: &(String, Value)| format!("{}{}", x.1, x.0);
    expected.sort_by_key(key);
    got.sort_by_key(key);
    assert_eq!(got, expected, "LSP ranges are the CLI's spans in UTF-16");
    for d in &diags {
        assert_eq!(d["source"], "copydesk");
        let href = d["codeDescription"]["href"].as_str().unwrap();
        let explain = std::fs::read_to_string(href.strip_prefix("file://").unwrap()).unwrap();
        assert!(explain.starts_with(code(d)), "{explain}");
    }

    // "Kiev’s": the curly apostrophe after it is one UTF-16 unit but three bytes
    let kiev = text.find("Kiev").unwrap();
    let d = diags
        .iter()
        .find(|d| code(d) == "house/place-names")
        .unwrap();
    assert_eq!(d["range"], range_of(&text, kiev, kiev + 4));
    let fixed = quick_fix(&mut c, &u, &text, &diags, "house/place-names");
    assert!(fixed.contains("defend Kyiv’s") && !fixed.contains("Kiev"));

    // the stray "Ta." after the first sentence: its quick fix deletes it with its space
    let ta = text.find(" Ta.").unwrap() + 1;
    let d = diags
        .iter()
        .find(|d| code(d) == "translation/stray-token")
        .expect("“Ta.” is flagged");
    assert_eq!(d["range"], range_of(&text, ta, ta + 3));
    let without_ta = quick_fix(&mut c, &u, &text, &diags, "translation/stray-token");
    let first = without_ta.lines().next().unwrap();
    assert!(!first.contains("Ta."), "{first}");
    assert!(first.ends_with("ties with Russia."), "{first}");

    // the edited buffer is re-linted
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    let after = c.diagnostics(&u);
    assert!(after.iter().all(|d| code(d) != "house/place-names"));
    c.shutdown();
}

#[test]
fn emoji_cjk_incremental_changes_fix_all_and_nearest_config() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("wire");
    let quiet = dir.path().join("quiet");
    std::fs::create_dir_all(&plain).unwrap();
    std::fs::create_dir_all(quiet.join("deeper")).unwrap();
    std::fs::write(
        quiet.join("copydesk.toml"),
        "[rules]\ndisable = [\"house/place-names\"]\n",
    )
    .unwrap();

    let text = "😀😀 北京 and Kiev today.\n한국어 Kharkov 🎉 and Odessa.\n";
    let u = uri(&plain.join("story.txt"));
    let mut c = Client::start(dir.path());
    // a malformed notification does not bring the server down
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": 5}}));
    let diags = c.open(&u, text);
    let places: Vec<&Value> = diags
        .iter()
        .filter(|d| code(d) == "house/place-names")
        .collect();
    assert_eq!(places.len(), 3, "{diags:?}");
    // 😀😀 are four UTF-16 units, then " 北京 and " eight more
    assert_eq!(
        places[0]["range"]["start"],
        json!({"line": 0, "character": 12})
    );
    assert_eq!(
        places[0]["range"]["end"],
        json!({"line": 0, "character": 16})
    );
    assert_eq!(
        places[1]["range"]["start"],
        json!({"line": 1, "character": 4})
    );
    let odessa = text.find("Odessa").unwrap();
    assert_eq!(places[2]["range"], range_of(text, odessa, odessa + 6));
    // "한국어 Kharkov " is twelve units, 🎉 two, " and " five
    assert_eq!(places[2]["range"]["start"]["character"], 19);

    // an incremental change: the editor replaces "Kiev" by "Kyiv"
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": u, "version": 2},
               "contentChanges": [{"range": places[0]["range"], "text": "Kyiv"}]}),
    );
    let text2 = text.replace("Kiev", "Kyiv");
    let diags = c.diagnostics(&u);
    assert_eq!(
        diags
            .iter()
            .filter(|d| code(d) == "house/place-names")
            .count(),
        2
    );

    // "fix all safe" fixes the rest in one edit, asked for as `source`
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}});
    let actions = c.actions(&u, &whole, &["source"]);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll.copydesk");
    let fixed = apply(&text2, &edits_of(&actions[0], &u));
    assert_eq!(
        fixed,
        "😀😀 北京 and Kyiv today.\n한국어 Kharkiv 🎉 and Odesa.\n"
    );
    // a quick-fix request at the cursor on "Kharkov" offers its fix only
    let at = json!({"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 6}});
    let quick = c.actions(&u, &at, &["quickfix"]);
    assert_eq!(quick.len(), 1, "{quick:?}");
    assert_eq!(
        apply(&text2, &edits_of(&quick[0], &u)),
        text2.replace("Kharkov", "Kharkiv")
    );

    // a document under quiet/ takes quiet/copydesk.toml, even in a directory below it
    for p in [quiet.join("story.txt"), quiet.join("deeper/unsaved.txt")] {
        let d = c.open(&uri(&p), text);
        assert!(d.iter().all(|d| code(d) != "house/place-names"), "{d:?}");
    }

    // the config is edited on disk: the next change of a document uses the new one
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(quiet.join("copydesk.toml"), "fail-on = \"error\"\n").unwrap();
    let q = uri(&quiet.join("story.txt"));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": q, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let d = c.diagnostics(&q);
    assert_eq!(
        d.iter().filter(|d| code(d) == "house/place-names").count(),
        3
    );
    c.shutdown();
}
