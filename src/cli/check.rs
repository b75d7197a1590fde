//! `copydesk check`: lint, report, show or apply fixes, and choose the exit code.

use super::args::{CheckArgs, Color};
use super::inputs::{self, Content, Input};
use super::write::{stdout_is_terminal, write_atomic};
use super::{report_config_errors, FINDINGS, OK, TROUBLE};
use copydesk::config::{Config, FailOn};
use copydesk::document::Format;
use copydesk::fix::FixMode;
use copydesk::linter::Linter;
use copydesk::pack::error::ConfigError;
use copydesk::report::{self, diff, FileReport, OutputFormat, ReportOptions};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A linter and the fail-on level of one config.
struct Setup {
    linter: Linter,
    fail_on: FailOn,
    config: Arc<Config>,
}

/// A built setup, or `Err` when its config failed (the errors are collected in `Setups`).
type Built = Result<Arc<Setup>, ()>;

/// Resolves the config of each file once per config file.
struct Setups<'a> {
    args: &'a CheckArgs,
    fixed: Option<Built>,
    by_path: Mutex<HashMap<Option<PathBuf>, Built>>,
    errors: Mutex<Vec<ConfigError>>,
}

impl<'a> Setups<'a> {
    fn new(args: &'a CheckArgs) -> Setups<'a> {
        let mut s = Setups {
            args,
            fixed: None,
            by_path: Mutex::new(HashMap::new()),
            errors: Mutex::new(Vec::new()),
        };
        if args.pack.no_config {
            s.fixed = Some(s.build(Ok(Config::default_in("."))));
        } else if let Some(p) = &args.pack.config {
            s.fixed = Some(s.build(Config::load(p)));
        }
        s
    }

    fn build(&self, config: Result<Config, ConfigError>) -> Built {
        let config = config.map_err(|e| self.errors.lock().unwrap().push(e))?;
        let linter = config
            .linter(&self.args.pack.packs)
            .map_err(|e| self.errors.lock().unwrap().extend(e))?;
        let fail_on = self
            .args
            .fail_on
            .or(config.file.fail_on)
            .unwrap_or(FailOn::Warning);
        Ok(Arc::new(Setup {
            linter,
            fail_on,
            config: Arc::new(config),
        }))
    }

    /// The setup for a file at `path` (its nearest config).
    fn for_path(&self, path: &Path) -> Built {
        if let Some(f) = &self.fixed {
            return f.clone();
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let found = Config::discover(&dir);
        if let Some(s) = self.by_path.lock().unwrap().get(&found) {
            return s.clone();
        }
        let built = self.build(match &found {
            Some(p) => Config::load(p),
            None => Ok(Config::default_in(".")),
        });
        self.by_path.lock().unwrap().insert(found, built.clone());
        built
    }
}

/// What happened to one input.
#[derive(Default)]
struct Outcome {
    report: Option<FileReport>,
    fail: bool,
    error: Option<String>,
    note: Option<String>,
    diff: String,
    stdout_text: Option<String>,
}

pub fn run(args: CheckArgs) -> io::Result<i32> {
    let mut errors = Vec::new();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let inputs = inputs::collect(&paths, &mut errors);
    let setups = Setups::new(&args);
    let mode = if args.unsafe_fixes {
        FixMode::All
    } else {
        FixMode::SafeOnly
    };
    let format = args.format.unwrap_or(if stdout_is_terminal() {
        OutputFormat::Pretty
    } else {
        OutputFormat::Concise
    });

    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| lint_input(input, &args, &setups, mode))
        .collect();

    let config_errors = std::mem::take(&mut *setups.errors.lock().unwrap());
    if !config_errors.is_empty() {
        return Ok(report_config_errors(config_errors));
    }

    let mut trouble = !errors.is_empty();
    let mut fail = false;
    let mut reports = Vec::new();
    let mut diffs = String::new();
    let mut stdout_text = None;
    let mut err = io::stderr().lock();
    for e in &errors {
        writeln!(err, "copydesk: {e}")?;
    }
    for o in outcomes {
        if let Some(e) = o.error {
            trouble = true;
            writeln!(err, "copydesk: {e}")?;
        }
        if let Some(n) = o.note {
            writeln!(err, "copydesk: {n}")?;
        }
        fail |= o.fail;
        diffs.push_str(&o.diff);
        if o.stdout_text.is_some() {
            stdout_text = o.stdout_text;
        }
        if let Some(r) = o.report {
            reports.push(r);
        }
    }
    drop(err);

    let mut out = BufWriter::new(io::stdout().lock());
    if args.diff {
        out.write_all(diffs.as_bytes())?;
        out.flush()?;
        return Ok(if trouble {
            TROUBLE
        } else if diffs.is_empty() {
            OK
        } else {
            FINDINGS
        });
    }
    if let Some(text) = stdout_text {
        // `--fix` on standard input: the fixed text is the output
        out.write_all(text.as_bytes())?;
    } else {
        let opts = ReportOptions {
            color: match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => stdout_is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            },
            width: terminal_width(),
        };
        report::write(format, &reports, opts, &mut out)?;
    }
    out.flush()?;
    Ok(if trouble {
        TROUBLE
    } else if fail {
        FINDINGS
    } else {
        OK
    })
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn lint_input(input: &Input, args: &CheckArgs, setups: &Setups<'_>, mode: FixMode) -> Outcome {
    let (path, shown, explicit, bytes) = match input {
        Input::Stdin => {
            let path = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| PathBuf::from("<stdin>"));
            match inputs::read_stdin() {
                Ok(b) => (path.clone(), path.display().to_string(), true, b),
                Err(e) => return error(format!("standard input: {e}")),
            }
        }
        Input::File { path, explicit } => match std::fs::read(path) {
            Ok(b) => (path.clone(), path.display().to_string(), *explicit, b),
            Err(e) => return error(format!("{}: {e}", path.display())),
        },
    };
    let Ok(setup) = setups.for_path(&path) else {
        return Outcome::default();
    };
    if !explicit && !setup.config.selects(&path) {
        return Outcome::default();
    }
    let (bytes, text, bom) = match inputs::decode(bytes) {
        Content::Text { bytes, text, bom } => (bytes, text, bom),
        Content::Binary if explicit => {
            return error(format!("{shown}: binary file, not linted"));
        }
        Content::Binary => {
            return Outcome {
                note: Some(format!("{shown}: binary file skipped")),
                ..Outcome::default()
            }
        }
        Content::NotUtf8 { offset } => {
            return error(format!(
                "{shown}: not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8"
            ))
        }
    };
    let format = Format::from_path(&path);
    let linter = &setup.linter;
    let stdin = matches!(input, Input::Stdin);

    if args.fix || args.diff {
        let fixed = linter.fix(&text, format, mode);
        let mut o = Outcome::default();
        if args.diff {
            o.diff = diff::unified(&shown, &text, &fixed.text);
            return o;
        }
        if stdin {
            o.stdout_text = Some(fixed.text.clone());
        } else if fixed.fixes > 0 {
            if let Err(e) = write_atomic(&path, &bytes, &inputs::with_bom(&fixed.text, bom)) {
                return error(format!("{shown}: {e}"));
            }
        }
        o.fail = fixed
            .remaining
            .iter()
            .any(|d| setup.fail_on.fails(d.severity));
        o.report = Some(FileReport {
            path: shown,
            source: fixed.text,
            diagnostics: fixed.remaining,
        });
        return o;
    }

    let diagnostics = linter.lint(&text, format);
    Outcome {
        fail: diagnostics.iter().any(|d| setup.fail_on.fails(d.severity)),
        report: Some(FileReport {
            path: shown,
            source: if diagnostics.is_empty() {
                String::new()
            } else {
                text
            },
            diagnostics,
        }),
        ..Outcome::default()
    }
}

fn error(message: String) -> Outcome {
    Outcome {
        error: Some(message),
        ..Outcome::default()
    }
}
