//! `path:line:col: severity [rule] message`, one diagnostic a line.

use super::FileReport;
use crate::text::{ColumnUnit, LineIndex};
use std::io::{self, Write};

pub(super) fn write(files: &[FileReport], out: &mut dyn Write) -> io::Result<()> {
    for f in files {
        if f.diagnostics.is_empty() {
            continue;
        }
        let idx = LineIndex::new(&f.source);
        for d in &f.diagnostics {
            let p = idx.position(&f.source, d.span.start, ColumnUnit::Chars);
            writeln!(
                out,
                "{}:{}:{}: {} [{}] {}",
                f.path,
                p.line,
                p.column,
                d.severity,
                d.rule,
                d.message.replace('\n', " ")
            )?;
        }
    }
    Ok(())
}
