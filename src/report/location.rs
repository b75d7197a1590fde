//! Paths as CI systems want them: relative to the repository root, with forward slashes.

use std::path::{Component, Path, PathBuf};

/// The root paths are reported relative to: the nearest ancestor of `cwd` holding `.git`,
/// else `cwd` itself.
pub fn repo_root(cwd: &Path) -> PathBuf {
    cwd.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(cwd)
        .to_path_buf()
}

/// Removes `.` and resolves `..` without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Where a file lives relative to `root`: `Ok(relative)` with forward slashes, or
/// `Err(absolute)` when it lies outside `root`. `shown` is absolute or relative to `cwd`.
pub fn relative_to_root(shown: &str, cwd: &Path, root: &Path) -> Result<String, String> {
    let abs = lexical(&cwd.join(shown));
    let slashes = |p: &Path| {
        p.components()
            .filter_map(|c| match c {
                Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    match abs.strip_prefix(lexical(root)) {
        Ok(rel) => Ok(slashes(rel)),
        Err(_) => Err(format!("/{}", slashes(&abs))),
    }
}

/// Percent-encodes a path for a URI, keeping `/` and RFC 3986 unreserved characters.
pub fn encode_uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; invalid escapes stay as they are.
pub fn decode_uri_path(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = |b: u8| char::from(b).to_digit(16);
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A `file://` URI for an absolute path.
pub fn file_uri(abs: &Path) -> String {
    let p = abs.to_string_lossy().replace('\\', "/");
    let p = if p.starts_with('/') {
        p
    } else {
        format!("/{p}")
    };
    format!("file://{}", encode_uri_path(&p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        let root = Path::new("/repo");
        let cwd = Path::new("/repo/news");
        assert_eq!(
            relative_to_root("./a/b.txt", cwd, root).unwrap(),
            "news/a/b.txt"
        );
        assert_eq!(relative_to_root("../x.md", cwd, root).unwrap(), "x.md");
        assert_eq!(relative_to_root("/repo/y.md", cwd, root).unwrap(), "y.md");
        assert_eq!(
            relative_to_root("/elsewhere/z.md", cwd, root).unwrap_err(),
            "/elsewhere/z.md"
        );
    }

    #[test]
    fn uri_encoding_round_trips() {
        let p = "news/Ünïcode file%.txt";
        let e = encode_uri_path(p);
        assert_eq!(e, "news/%C3%9Cn%C3%AFcode%20file%25.txt");
        assert_eq!(decode_uri_path(&e), p);
        assert_eq!(decode_uri_path("bad%2"), "bad%2");
        assert_eq!(file_uri(Path::new("/a b/c")), "file:///a%20b/c");
    }
}
