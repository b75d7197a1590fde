//! Finding the files to lint and reading them.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Extensions linted when walking directories.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown"];

/// Something to lint.
#[derive(Debug, Clone)]
pub enum Input {
    Stdin,
    /// `explicit`: named on the command line (always linted, errors reported).
    File {
        path: PathBuf,
        explicit: bool,
    },
}

/// Expands `paths` into inputs: directories are walked with `ignore` (honouring `.gitignore`,
/// `.ignore` and `.copydeskignore`), sorted by path.
pub fn collect(paths: &[PathBuf], errors: &mut Vec<String>) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            let walker = ignore::WalkBuilder::new(p)
                .add_custom_ignore_filename(".copydeskignore")
                .require_git(false)
                .build();
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                        let path = e.into_path();
                        if has_lintable_extension(&path) {
                            found.push(path);
                        }
                    }
                    Ok(_) => {}
                    Err(e) => errors.push(format!("{e}")),
                }
            }
            found.sort();
            out.extend(found.into_iter().map(|path| Input::File {
                path,
                explicit: false,
            }));
        } else if p.exists() {
            out.push(Input::File {
                path: p.clone(),
                explicit: true,
            });
        } else {
            errors.push(format!("{}: no such file or directory", p.display()));
        }
    }
    out
}

fn has_lintable_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// A file's content, decoded.
#[derive(Debug)]
pub enum Content {
    /// UTF-8 text; `bom` when the file starts with a byte-order mark (kept out of `text`).
    Text {
        bytes: Vec<u8>,
        text: String,
        bom: bool,
    },
    /// Holds a NUL byte in its first 8 KiB.
    Binary,
    /// Not valid UTF-8 at `offset`.
    NotUtf8 { offset: usize },
}

const BOM: &str = "\u{feff}";

pub fn decode(bytes: Vec<u8>) -> Content {
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Content::Binary;
    }
    match std::str::from_utf8(&bytes) {
        Ok(s) => {
            let bom = s.starts_with(BOM);
            let text = s.strip_prefix(BOM).unwrap_or(s).to_owned();
            Content::Text { bytes, text, bom }
        }
        Err(e) => Content::NotUtf8 {
            offset: e.valid_up_to(),
        },
    }
}

pub fn read_stdin() -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    io::stdin().read_to_end(&mut buf)?;
    Ok(buf)
}

/// Puts a byte-order mark back in front of fixed text when the file had one.
pub fn with_bom(text: &str, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice(BOM.as_bytes());
    }
    out.extend_from_slice(text.as_bytes());
    out
}
