//! `copydesk check`: lint, report, show or apply fixes, and choose the exit code.

use super::args::{CheckArgs, Color};
use super::baseline::Baseline;
use super::changed::{ChangedLines, Lines};
use super::inputs::{self, Content, Input};
use super::write::{stdout_is_terminal, write_atomic};
use super::{report_config_errors, FINDINGS, OK, TROUBLE};
use copydesk::config::{Config, FailOn};
use copydesk::diagnostic::Diagnostic;
use copydesk::document::Format;
use copydesk::fix::FixMode;
use copydesk::linter::Linter;
use copydesk::pack::error::ConfigError;
use copydesk::report::{self, diff, FileReport, OutputFormat, ReportOptions, RuleMeta};
use copydesk::text::LineIndex;
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
        // a buffer's file may not exist yet: search from its nearest existing ancestor
        let dir = std::env::current_dir().map_or_else(|_| dir.to_path_buf(), |c| c.join(dir));
        let dir = dir
            .ancestors()
            .find_map(|d| std::fs::canonicalize(d).ok())
            .unwrap_or(dir.clone());
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

    /// The active rules of every config used, once each, sorted by id.
    fn rules(&self) -> Vec<RuleMeta> {
        let mut setups: Vec<Arc<Setup>> = self
            .fixed
            .iter()
            .chain(self.by_path.lock().unwrap().values())
            .filter_map(|s| s.clone().ok())
            .collect();
        if setups.is_empty() {
            setups.extend(self.for_path(Path::new("./-")).ok());
        }
        let mut out: Vec<RuleMeta> = Vec::new();
        for s in setups {
            let set = &s.linter.set;
            for &(i, sev) in &s.linter.active {
                let info = &set.rules[i].info;
                if !out.iter().any(|r| r.id == info.id) {
                    out.push(RuleMeta::of(info, sev));
                }
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }
}

/// What a run reports: only changed lines (`--diff-base`), only new findings (`--baseline`).
#[derive(Default)]
struct Gate {
    changed: Option<ChangedLines>,
    baseline: Option<Baseline>,
}

impl Gate {
    fn new(args: &CheckArgs) -> Result<Gate, String> {
        let mut g = Gate::default();
        if let Some(rev) = &args.diff_base {
            let cwd = std::env::current_dir().map_err(|e| format!("current directory: {e}"))?;
            g.changed = Some(ChangedLines::load(&cwd, rev)?);
        }
        if let Some(file) = &args.baseline {
            g.baseline = Some(Baseline::load(file)?);
        }
        Ok(g)
    }

    fn filter(
        &self,
        stdin: bool,
        path: &Path,
        shown: &str,
        text: &str,
        mut diagnostics: Vec<Diagnostic>,
    ) -> Vec<Diagnostic> {
        if diagnostics.is_empty() {
            return diagnostics;
        }
        if let Some(c) = &self.changed {
            let lines = if stdin {
                c.lines_of_buffer(path, text)
            } else {
                c.lines(path)
            };
            if lines != Lines::All {
                let idx = LineIndex::new(text);
                diagnostics.retain(|d| {
                    let first = idx.line_of(d.span.start) + 1;
                    let last = idx.line_of(d.span.end.saturating_sub(1).max(d.span.start)) + 1;
                    lines.touches(first, last)
                });
            }
        }
        if let Some(b) = &self.baseline {
            diagnostics = b.filter(shown, text, diagnostics);
        }
        diagnostics
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
    let gate = match Gate::new(&args) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return Ok(TROUBLE);
        }
    };
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

    let machine_output =
        args.diff || (args.fix && inputs.iter().any(|i| matches!(i, Input::Stdin)));
    let bar = super::progress::bar(format, machine_output, inputs.len());
    let outcomes: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| {
            let o = lint_input(input, &args, &setups, &gate, mode);
            bar.inc(1);
            o
        })
        .collect();
    bar.finish_and_clear();

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

    if let Some(file) = &args.write_baseline {
        let n = Baseline::write(file, &reports)
            .map_err(|e| io::Error::other(format!("{}: {e}", file.display())))?;
        eprintln!("copydesk: recorded {n} findings in {}", file.display());
        return Ok(if trouble { TROUBLE } else { OK });
    }

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
        let rules = if format == OutputFormat::Sarif {
            setups.rules()
        } else {
            Vec::new()
        };
        let opts = ReportOptions {
            color: match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => stdout_is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            },
            width: terminal_width(),
            rules: &rules,
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

fn lint_input(
    input: &Input,
    args: &CheckArgs,
    setups: &Setups<'_>,
    gate: &Gate,
    mode: FixMode,
) -> Outcome {
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
        let remaining = gate.filter(stdin, &path, &shown, &fixed.text, fixed.remaining);
        o.fail = remaining.iter().any(|d| setup.fail_on.fails(d.severity));
        o.report = Some(FileReport {
            path: shown,
            source: fixed.text,
            diagnostics: remaining,
        });
        return o;
    }

    let diagnostics = gate.filter(stdin, &path, &shown, &text, linter.lint(&text, format));
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
