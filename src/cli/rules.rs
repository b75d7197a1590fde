//! `rules`, `rules test`, `explain` and `init`.

use super::args::{ExplainArgs, InitArgs, RulesAction, RulesArgs};
use super::{linter_from, report_config_errors, FINDINGS, OK, TROUBLE};
use copydesk::config::{CONFIG_NAME, STARTER};
use copydesk::examples::run_all;
use std::io::{self, BufWriter, Write};
use std::path::Path;

pub fn list_or_test(args: RulesArgs) -> io::Result<i32> {
    let mut pack_args = args.pack.clone();
    let testing: Option<Vec<String>> = match &args.action {
        Some(RulesAction::Test { packs }) => {
            pack_args.packs.extend(packs.iter().cloned());
            Some(packs.iter().map(|p| p.display().to_string()).collect())
        }
        None => None,
    };
    let linter = match linter_from(&pack_args) {
        Ok(l) => l,
        Err(e) => return Ok(report_config_errors(e)),
    };
    let set = &linter.set;
    let mut out = BufWriter::new(io::stdout().lock());
    if let Some(files) = testing {
        let report = run_all(set, |origin| {
            files.is_empty() || files.iter().any(|f| f == origin)
        });
        for f in &report.failures {
            writeln!(
                out,
                "FAIL {} example {}: {}\n     text: {:?}",
                f.rule, f.example, f.problem, f.text
            )?;
        }
        writeln!(
            out,
            "{} passed, {} failed ({} examples of {} rules)",
            report
                .examples
                .saturating_sub(count_failed_examples(&report)),
            count_failed_examples(&report),
            report.examples,
            report.rules
        )?;
        out.flush()?;
        return Ok(if report.failures.is_empty() {
            OK
        } else {
            FINDINGS
        });
    }
    let width = set
        .rules
        .iter()
        .map(|r| r.info.id.len())
        .max()
        .unwrap_or(10);
    for (i, r) in set.rules.iter().enumerate() {
        let on = linter.active.iter().find(|(a, _)| *a == i);
        let sev = on.map_or("off".to_owned(), |(_, s)| s.to_string());
        writeln!(
            out,
            "{:<width$}  {:<7}  {}",
            r.info.id, sev, r.info.description
        )?;
    }
    out.flush()?;
    Ok(OK)
}

fn count_failed_examples(report: &copydesk::examples::ExampleReport) -> usize {
    let mut seen: Vec<(&str, usize)> = report
        .failures
        .iter()
        .map(|f| (f.rule.as_str(), f.example))
        .collect();
    seen.sort();
    seen.dedup();
    seen.len()
}

pub fn explain(args: ExplainArgs) -> io::Result<i32> {
    let linter = match linter_from(&args.pack) {
        Ok(l) => l,
        Err(e) => return Ok(report_config_errors(e)),
    };
    let Some(rule) = linter.set.find(&args.rule) else {
        let ids: Vec<&str> = linter
            .set
            .rules
            .iter()
            .map(|r| r.info.id.as_str())
            .collect();
        let hint = copydesk::pack::error::nearest(&args.rule, &ids)
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        eprintln!(
            "copydesk: no rule `{}`{hint} (`copydesk rules` lists them)",
            args.rule
        );
        return Ok(TROUBLE);
    };
    let i = &rule.info;
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "{}  ({} check, {} by default)\n",
        i.id, i.kind, i.severity
    )?;
    writeln!(out, "{}\n", i.description)?;
    writeln!(out, "Message: {}", i.message)?;
    if let Some(h) = &i.help {
        writeln!(out, "Help:    {h}")?;
    }
    writeln!(out, "Defined in {}", i.origin)?;
    if !i.params.is_empty() {
        writeln!(out, "\nParameters:")?;
        for (k, v) in &i.params {
            writeln!(out, "  {k} = {v}")?;
        }
    }
    if !i.examples.is_empty() {
        writeln!(out, "\nExamples:")?;
        for ex in &i.examples {
            if ex.flag.is_empty() {
                writeln!(out, "  ok:      {}", ex.text)?;
            } else {
                writeln!(out, "  flagged: {}   [{}]", ex.text, ex.flag.join(", "))?;
            }
            if let Some(f) = &ex.fixed {
                writeln!(out, "  fixed:   {f}")?;
            }
        }
    }
    out.flush()?;
    Ok(OK)
}

pub fn init(args: InitArgs) -> io::Result<i32> {
    let path = Path::new(CONFIG_NAME);
    if path.exists() && !args.force {
        eprintln!("copydesk: {CONFIG_NAME} already exists (use --force to overwrite)");
        return Ok(TROUBLE);
    }
    std::fs::write(path, STARTER)?;
    eprintln!("copydesk: wrote {CONFIG_NAME}");
    Ok(OK)
}
