//! Terminal detection and atomic file writes.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

pub fn stderr_color() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Writes `text` to `path` atomically (a temporary file in the same directory, then a rename),
/// keeping permissions, after checking the file still holds `original`.
pub fn write_atomic(path: &Path, original: &[u8], text: &[u8]) -> io::Result<()> {
    let now = fs::read(path)?;
    if now != original {
        return Err(io::Error::other(format!(
            "{} changed on disk while it was being linted; not written",
            path.display()
        )));
    }
    let meta = fs::metadata(path)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .tempfile_in(dir)?;
    tmp.write_all(text)?;
    tmp.as_file().sync_all()?;
    fs::set_permissions(tmp.path(), meta.permissions())?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
