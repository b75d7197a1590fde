//! `copydesk lsp`: a language server over standard input and output. Diagnostics on open,
//! change and save; a quick fix per fix; a "fix all safe" source action; each document's config
//! from its nearest `copydesk.toml`; positions in UTF-16 code units.

mod actions;
mod convert;

use super::rules::explain_text;
use convert::{path_of, uri_of, Text};
use copydesk::config::Config;
use copydesk::diagnostic::{Diagnostic, Severity};
use copydesk::document::Format;
use copydesk::linter::Linter;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CodeDescription,
    DiagnosticRelatedInformation, DiagnosticSeverity, Location, MessageType, NumberOrString,
    PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::SystemTime;

type Result<T> = std::result::Result<T, Box<dyn Error + Send + Sync>>;

/// The code action kind of "fix all safe".
pub const FIX_ALL_KIND: &str = "source.fixAll.copydesk";

/// An open document.
struct Doc {
    uri: Uri,
    text: String,
    version: i32,
    path: Option<PathBuf>,
    format: Format,
    diagnostics: Vec<Diagnostic>,
}

struct Server {
    conn: Connection,
    docs: HashMap<String, Doc>,
    /// Linters by config file (`None`: built-in defaults), with the file's modification time
    /// when the linter was built: an edited config is reloaded.
    linters: HashMap<Option<PathBuf>, (Option<SystemTime>, Arc<Linter>)>,
    /// `{rule}` in this template becomes the rule id; else links go to explain files.
    explain_url: Option<String>,
    explain_dir: Option<tempfile::TempDir>,
    explained: HashSet<String>,
    root: PathBuf,
}

pub fn run() -> std::io::Result<i32> {
    let (conn, threads) = Connection::stdio();
    let result = serve(conn);
    threads.join()?;
    match result {
        Ok(()) => Ok(super::OK),
        Err(e) => Err(std::io::Error::other(format!("language server: {e}"))),
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(FIX_ALL_KIND),
            ]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

fn serve(conn: Connection) -> Result<()> {
    let caps = serde_json::json!({
        "capabilities": capabilities(),
        "serverInfo": ServerInfo {
            name: "copydesk".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    let (id, params) = conn.initialize_start()?;
    conn.initialize_finish(id, caps)?;
    let params: lsp_types::InitializeParams = serde_json::from_value(params)?;
    let explain_url = params
        .initialization_options
        .as_ref()
        .and_then(|o| o.get("explainUrl"))
        .and_then(|v| v.as_str())
        .map(str::to_owned);
    #[allow(deprecated)]
    let root = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .and_then(|f| path_of(&f.uri))
        .or_else(|| params.root_uri.as_ref().and_then(path_of))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."));
    let mut server = Server {
        conn,
        docs: HashMap::new(),
        linters: HashMap::new(),
        explain_url,
        explain_dir: None,
        explained: HashSet::new(),
        root,
    };
    server.main_loop()
}

impl Server {
    fn main_loop(&mut self) -> Result<()> {
        while let Ok(msg) = self.conn.receiver.recv() {
            match msg {
                Message::Request(req) => {
                    if self.conn.handle_shutdown(&req)? {
                        return Ok(());
                    }
                    self.request(req)?;
                }
                Message::Notification(n) => {
                    let method = n.method.clone();
                    // a malformed notification is logged, not fatal
                    if let Err(e) = self.notification(n) {
                        eprintln!("copydesk lsp: {method}: {e}");
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, msg: impl Into<Message>) -> Result<()> {
        self.conn.sender.send(msg.into())?;
        Ok(())
    }

    fn request(&mut self, req: Request) -> Result<()> {
        if req.method == CodeActionRequest::METHOD {
            let id = req.id.clone();
            return match req.extract::<lsp_types::CodeActionParams>(CodeActionRequest::METHOD) {
                Ok((id, params)) => {
                    let result = self.code_actions(&params);
                    self.send(Response::new_ok(id, result))
                }
                Err(e) => self.send(Response::new_err(
                    id,
                    ErrorCode::InvalidParams as i32,
                    format!("{e:?}"),
                )),
            };
        }
        self.send(Response::new_err(
            req.id,
            ErrorCode::MethodNotFound as i32,
            format!("copydesk does not handle {}", req.method),
        ))
    }

    fn notification(&mut self, n: Notification) -> Result<()> {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: lsp_types::DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                let path = path_of(&d.uri);
                let format = match &path {
                    Some(p) => Format::from_path(p),
                    None if d.language_id == "markdown" => Format::Markdown,
                    None => Format::Plain,
                };
                let key = d.uri.as_str().to_owned();
                self.docs.insert(
                    key.clone(),
                    Doc {
                        uri: d.uri,
                        text: d.text,
                        version: d.version,
                        path,
                        format,
                        diagnostics: Vec::new(),
                    },
                );
                self.lint_and_publish(&key)
            }
            DidChangeTextDocument::METHOD => {
                let p: lsp_types::DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                let key = p.text_document.uri.as_str().to_owned();
                let Some(doc) = self.docs.get_mut(&key) else {
                    return Ok(());
                };
                for change in p.content_changes {
                    match change.range {
                        Some(r) => {
                            let span = Text::new(&doc.text).span(r);
                            doc.text.replace_range(span.start..span.end, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = p.text_document.version;
                self.lint_and_publish(&key)
            }
            DidSaveTextDocument::METHOD => {
                let p: lsp_types::DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                let key = p.text_document.uri.as_str().to_owned();
                if let (Some(doc), Some(text)) = (self.docs.get_mut(&key), p.text) {
                    doc.text = text;
                }
                let saved_config = path_of(&p.text_document.uri).is_some_and(|p| {
                    p.file_name()
                        .is_some_and(|n| n == copydesk::config::CONFIG_NAME)
                });
                if saved_config {
                    // the config changed: rebuild linters and re-lint every open document
                    self.linters.clear();
                    let keys: Vec<String> = self.docs.keys().cloned().collect();
                    for k in keys {
                        self.lint_and_publish(&k)?;
                    }
                    return Ok(());
                }
                self.lint_and_publish(&key)
            }
            DidCloseTextDocument::METHOD => {
                let p: lsp_types::DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(doc) = self.docs.remove(p.text_document.uri.as_str()) {
                    self.publish(doc.uri, Vec::new(), None)?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The linter for a document at `path` (its nearest `copydesk.toml`).
    fn linter_for(&mut self, path: Option<&Path>) -> Result<Arc<Linter>> {
        let dir = path
            .and_then(Path::parent)
            .map_or_else(|| self.root.clone(), Path::to_path_buf);
        let dir = dir
            .ancestors()
            .find_map(|d| std::fs::canonicalize(d).ok())
            .unwrap_or(dir);
        let found = Config::discover(&dir);
        let mtime = found
            .as_ref()
            .and_then(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        if let Some((t, l)) = self.linters.get(&found) {
            if *t == mtime {
                return Ok(l.clone());
            }
        }
        let built = match &found {
            Some(p) => Config::load(p)
                .map_err(|e| vec![e])
                .and_then(|c| c.linter(&[])),
            None => Config::default_in(&dir).linter(&[]),
        };
        let linter = match built {
            Ok(l) => l,
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                self.send(Notification::new(
                    ShowMessage::METHOD.into(),
                    ShowMessageParams {
                        typ: MessageType::ERROR,
                        message: format!(
                            "copydesk: config error, using the built-in rules: {}",
                            text.join("; ")
                        ),
                    },
                ))?;
                Config::default_in(&dir)
                    .linter(&[])
                    .map_err(|_| "the built-in rules do not load")?
            }
        };
        let linter = Arc::new(linter);
        self.linters.insert(found, (mtime, linter.clone()));
        Ok(linter)
    }

    fn lint_and_publish(&mut self, key: &str) -> Result<()> {
        let Some(doc) = self.docs.get(key) else {
            return Ok(());
        };
        let path = doc.path.clone();
        let linter = self.linter_for(path.as_deref())?;
        let doc = self.docs.get_mut(key).expect("checked above");
        doc.diagnostics = linter.lint(&doc.text, doc.format);
        let (uri, version) = (doc.uri.clone(), doc.version);
        let doc = &self.docs[key];
        let text = Text::new(&doc.text);
        let diags: Vec<lsp_types::Diagnostic> = doc
            .diagnostics
            .iter()
            .map(|d| to_lsp(d, &text, &uri))
            .collect();
        let rules: Vec<String> = doc.diagnostics.iter().map(|d| d.rule.clone()).collect();
        let mut diags = diags;
        for (d, rule) in diags.iter_mut().zip(&rules) {
            d.code_description = self
                .explain_link(&linter, rule)
                .map(|href| CodeDescription { href });
        }
        self.publish(uri, diags, Some(version))
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<lsp_types::Diagnostic>,
        version: Option<i32>,
    ) -> Result<()> {
        self.send(Notification::new(
            PublishDiagnostics::METHOD.into(),
            PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        ))
    }

    /// Where a rule's explanation lives: the `explainUrl` template, else a text file holding
    /// what `copydesk explain RULE` prints, written once per session.
    fn explain_link(&mut self, linter: &Linter, rule: &str) -> Option<Uri> {
        if let Some(t) = &self.explain_url {
            return Uri::from_str(&t.replace("{rule}", rule)).ok();
        }
        if self.explain_dir.is_none() {
            self.explain_dir = tempfile::Builder::new()
                .prefix("copydesk-explain-")
                .tempdir()
                .ok();
        }
        let dir = self.explain_dir.as_ref()?.path();
        let file = dir.join(format!("{}.txt", rule.replace('/', "--")));
        if self.explained.insert(rule.to_owned()) {
            let info = &linter.set.find(rule)?.info;
            std::fs::write(&file, explain_text(info)).ok()?;
        }
        uri_of(&file)
    }
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A copydesk diagnostic as LSP sees it (without its explain link).
pub fn to_lsp(d: &Diagnostic, text: &Text<'_>, uri: &Uri) -> lsp_types::Diagnostic {
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(h);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), text.range(l.span)),
            message: l.message.clone(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: text.range(d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.clone())),
        code_description: None,
        source: Some("copydesk".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
