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
use copydesk::report::{diff, FileReport, OutputFormat, ReportOptions, RuleMeta, Stream};
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
    /// Directory as given → its setup, so each directory is looked up once.
    by_dir: Mutex<HashMap<PathBuf, Built>>,
    errors: Mutex<Vec<ConfigError>>,
}

impl<'a> Setups<'a> {
    fn new(args: &'a CheckArgs) -> Setups<'a> {
        let mut s = Setups {
            args,
            fixed: None,
            by_path: Mutex::new(HashMap::new()),
            by_dir: Mutex::new(HashMap::new()),
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
        if let Some(s) = self.by_dir.lock().unwrap().get(dir) {
            return s.clone();
        }
        let built = self.discover_for(dir);
        self.by_dir
            .lock()
            .unwrap()
            .insert(dir.to_path_buf(), built.clone());
        built
    }

    /// The setup of the nearest config above `dir`.
    fn discover_for(&self, dir: &Path) -> Built {
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

    /// Resolves the config of every input (each directory once).
    fn prepare(&self, inputs: &[Input], stdin_name: Option<&Path>) {
        if self.fixed.is_some() {
            return;
        }
        let mut dirs = std::collections::HashSet::new();
        for input in inputs {
            let path = match input {
                Input::Stdin => stdin_name.unwrap_or(Path::new("./-")),
                Input::File { path, .. } => path.as_path(),
            };
            if dirs.insert(path.parent().map(Path::to_path_buf)) {
                let _ = self.for_path(path);
            }
        }
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

/// Files linted together before their reports are written: bounds memory on large archives
/// while keeping both cores busy.
const BATCH: usize = 256;

pub fn run(args: CheckArgs) -> io::Result<i32> {
    let mut errors = Vec::new();
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let inputs = inputs::collect(&paths, &mut errors);
    // the compiled rule sets live until the process exits: freeing their many small
    // allocations one by one would cost more than linting a short article
    let setups = std::mem::ManuallyDrop::new(Setups::new(&args));
    let gate = match Gate::new(&args) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("copydesk: {e}");
            return Ok(TROUBLE);
        }
    };
    // resolve every config before anything is written, so a broken one stops the run cleanly
    setups.prepare(&inputs, args.stdin_filename.as_deref());
    let config_errors = std::mem::take(&mut *setups.errors.lock().unwrap());
    if !config_errors.is_empty() {
        return Ok(report_config_errors(config_errors));
    }
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
    let stdin_fix = args.fix && inputs.iter().any(|i| matches!(i, Input::Stdin));
    let machine_output = args.diff || stdin_fix;
    let bar = super::progress::bar(format, machine_output, inputs.len());

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
    let reporting = !args.diff && !stdin_fix && args.write_baseline.is_none();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut stream = if reporting {
        Some(Stream::begin(format, opts, &mut out)?)
    } else {
        None
    };

    let mut trouble = !errors.is_empty();
    for e in &errors {
        eprintln!("copydesk: {e}");
    }
    let mut fail = false;
    let mut changed_files = false;
    let mut kept = Vec::new();
    for batch in inputs.chunks(BATCH) {
        let lint = |input: &Input| {
            let o = lint_input(input, &args, &setups, &gate, mode);
            bar.inc(1);
            o
        };
        // one file needs no thread pool
        let outcomes: Vec<Outcome> = if batch.len() == 1 {
            batch.iter().map(lint).collect()
        } else {
            batch.par_iter().map(lint).collect()
        };
        for o in outcomes {
            if let Some(e) = o.error {
                trouble = true;
                bar.suspend(|| eprintln!("copydesk: {e}"));
            }
            if let Some(n) = o.note {
                bar.suspend(|| eprintln!("copydesk: {n}"));
            }
            fail |= o.fail;
            if !o.diff.is_empty() {
                changed_files = true;
                out.write_all(o.diff.as_bytes())?;
            }
            if let Some(text) = o.stdout_text {
                // `--fix` on standard input: the fixed text is the output
                out.write_all(text.as_bytes())?;
            }
            if let Some(r) = o.report {
                match stream.as_mut() {
                    Some(s) => s.file(&r, &mut out)?,
                    None if args.write_baseline.is_some() => kept.push(r),
                    None => {}
                }
            }
        }
    }
    bar.finish_and_clear();
    if let Some(s) = stream {
        s.finish(&mut out)?;
    }
    out.flush()?;

    if let Some(file) = &args.write_baseline {
        let n = Baseline::write(file, &kept)
            .map_err(|e| io::Error::other(format!("{}: {e}", file.display())))?;
        eprintln!("copydesk: recorded {n} findings in {}", file.display());
        return Ok(if trouble { TROUBLE } else { OK });
    }
    Ok(if trouble {
        TROUBLE
    } else if fail || (args.diff && changed_files) {
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
