//! GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line per
//! diagnostic, which the Actions runner turns into annotations on the pull request.

use super::location::relative_to_root;
use super::FileReport;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{ColumnUnit, LineIndex};
use std::io::{self, Write};
use std::path::Path;

/// Escapes a command's message (its data): `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value: as data, plus `:` and `,`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// The workflow command of one diagnostic; columns count Unicode scalar values.
pub fn annotation(file: &str, text: &str, idx: &LineIndex, d: &Diagnostic) -> String {
    let s = idx.position(text, d.span.start, ColumnUnit::Chars);
    let e = idx.position(text, d.span.end, ColumnUnit::Chars);
    let mut message = d.message.clone();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(h);
    }
    format!(
        "::{} file={},line={},endLine={},col={},endColumn={},title={}::{}",
        command(d.severity),
        escape_property(file),
        s.line,
        e.line,
        s.column,
        e.column,
        escape_property(&format!("copydesk {}", d.rule)),
        escape_data(&message)
    )
}

/// Writes the annotations of one file; paths are made relative to `root`.
pub(super) fn write_file(
    f: &FileReport,
    cwd: &Path,
    root: &Path,
    out: &mut dyn Write,
) -> io::Result<()> {
    if f.diagnostics.is_empty() {
        return Ok(());
    }
    let file = relative_to_root(&f.path, cwd, root).unwrap_or_else(|abs| abs);
    let idx = LineIndex::new(&f.source);
    for d in &f.diagnostics {
        writeln!(out, "{}", annotation(&file, &f.source, &idx, d))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// What the Actions runner does to a property value or message.
    fn unescape(s: &str) -> String {
        s.replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%25", "%")
    }

    /// Splits a workflow command into its name, properties and message, as the runner does.
    fn parse(line: &str) -> (String, Vec<(String, String)>, String) {
        let rest = line.strip_prefix("::").unwrap();
        let (head, message) = rest.split_once("::").unwrap();
        let (name, props) = head.split_once(' ').unwrap();
        let props = props
            .split(',')
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                (k.to_owned(), unescape(v))
            })
            .collect();
        (name.to_owned(), props, unescape(message))
    }

    #[test]
    fn awkward_message_and_path_survive_the_runner() {
        let text = "one\ntwo Kiev, three\n";
        let s = text.find("Kiev").unwrap();
        let d = Diagnostic {
            rule: "house/place-names".into(),
            severity: Severity::Info,
            message: "100% sure: \"Kiev\", a name,\r\nnow Kyiv".into(),
            help: Some("see: the style guide, 50%".into()),
            span: Span::new(s, s + 4),
            labels: vec![],
            fix: None,
        };
        let line = annotation("news/a,b:c%.txt", text, &LineIndex::new(text), &d);
        assert!(!line.contains('\n') && !line.contains('\r'), "{line}");
        let (name, props, message) = parse(&line);
        assert_eq!(name, "notice");
        let get = |k: &str| props.iter().find(|(n, _)| n == k).unwrap().1.clone();
        assert_eq!(get("file"), "news/a,b:c%.txt");
        assert_eq!(get("line"), "2");
        assert_eq!(get("col"), "5");
        assert_eq!(get("endColumn"), "9");
        assert_eq!(get("title"), "copydesk house/place-names");
        assert_eq!(
            message,
            "100% sure: \"Kiev\", a name,\r\nnow Kyiv\nsee: the style guide, 50%"
        );
    }
}
