//! Unified diffs of fixes, with `a/` and `b/` headers that `git apply` and `patch -p1` accept.

use similar::TextDiff;

/// The unified diff turning `old` into `new` for `path`, or an empty string when equal.
pub fn unified(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    // `a/` and `b/` are prefixed to a relative path: drop "./" and a leading "/"
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let diff = TextDiff::from_lines(old, new);
    let mut out = format!("diff --git a/{path} b/{path}\n");
    out.push_str(
        &diff
            .unified_diff()
            .context_radius(3)
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_has_git_headers_and_no_newline_marker() {
        let d = unified("x.txt", "a\nb", "a\nc");
        assert!(
            d.starts_with("diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n"),
            "{d}"
        );
        assert!(
            d.contains("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file"),
            "{d}"
        );
        assert_eq!(unified("x", "same", "same"), "");
        assert!(
            unified("/abs/x.txt", "a\n", "b\n").starts_with("diff --git a/abs/x.txt b/abs/x.txt\n")
        );
    }
}
