//! Fingerprints that identify a finding across unrelated edits: the rule plus the normalised
//! text of the span and a little context around it, never line numbers. SARIF's
//! `partialFingerprints` and baselines share them.

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

/// Characters of normalised context kept on each side of the span.
pub const CONTEXT_CHARS: usize = 24;

/// The key SARIF stores the fingerprint under.
pub const SARIF_KEY: &str = "copydesk/v1";

/// Lower-cases `chars` and collapses every run of whitespace into one space.
fn normalise(chars: impl Iterator<Item = char>) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in chars {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    if space && !out.is_empty() {
        out.push(' ');
    }
    out
}

/// The normalised span with up to [`CONTEXT_CHARS`] characters of context on each side, taken
/// from the lines the span is on, so edits on other lines never change it.
pub fn context(source: &str, d: &Diagnostic) -> (String, String, String) {
    let start = crate::text::floor_char_boundary(source, d.span.start.min(source.len()));
    let end = crate::text::floor_char_boundary(source, d.span.end.min(source.len())).max(start);
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[end..].find('\n').map_or(source.len(), |i| end + i);
    let before: String = {
        let rev = normalise(source[line_start..start].chars().rev());
        rev.chars()
            .take(CONTEXT_CHARS)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect()
    };
    let after: String = normalise(source[end..line_end].chars())
        .chars()
        .take(CONTEXT_CHARS)
        .collect();
    (before, normalise(source[start..end].chars()), after)
}

/// FNV-1a, 64 bits: small, stable across Rust versions and platforms.
fn fnv1a(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The fingerprint of one finding: 32 hex digits from the rule and the normalised text.
pub fn fingerprint(source: &str, d: &Diagnostic) -> String {
    let (before, span, after) = context(source, d);
    let mut input = Vec::new();
    for part in [d.rule.as_str(), &before, &span, &after] {
        input.extend_from_slice(part.as_bytes());
        input.push(0);
    }
    let a = fnv1a(&input, 0xcbf2_9ce4_8422_2325);
    let b = fnv1a(&input, 0x6c62_272e_07bb_0142);
    format!("{a:016x}{b:016x}")
}

/// Fingerprints of every diagnostic of one file, each with its occurrence number among equal
/// fingerprints (`hash:1`, `hash:2`, ...) so identical findings stay distinct.
pub fn fingerprints(source: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let f = fingerprint(source, d);
            let n = seen.entry(f.clone()).or_insert(0);
            *n += 1;
            format!("{f}:{n}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::text::Span;

    fn at(text: &str, needle: &str, rule: &str) -> Diagnostic {
        let s = text.find(needle).unwrap();
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Warning,
            message: String::new(),
            help: None,
            span: Span::new(s, s + needle.len()),
            labels: vec![],
            fix: None,
        }
    }

    #[test]
    fn stable_across_unrelated_edits_and_moves() {
        let a = "First paragraph.\n\nThe army said troops massed near Kiev on Friday.\n";
        let b = "A new opening line.\nFirst paragraph, longer now.\n\n\nThe ARMY said troops  massed near Kiev on Friday.\nMore.";
        assert_eq!(
            fingerprint(a, &at(a, "Kiev", "house/place-names")),
            fingerprint(b, &at(b, "Kiev", "house/place-names"))
        );
    }

    #[test]
    fn differs_by_rule_and_by_nearby_text() {
        let a = "Troops massed near Kiev on Friday.";
        let b = "Troops gathered near Kiev on Friday.";
        let fa = fingerprint(a, &at(a, "Kiev", "house/place-names"));
        assert_ne!(fa, fingerprint(b, &at(b, "Kiev", "house/place-names")));
        assert_ne!(fa, fingerprint(a, &at(a, "Kiev", "house/other")));
        assert_eq!(fa.len(), 32);
    }

    #[test]
    fn repeated_findings_are_numbered() {
        let t = "Kiev. Kiev. Kiev.";
        let d = vec![at(t, "Kiev", "r/r"), at(t, "Kiev", "r/r")];
        let f = fingerprints(t, &d);
        assert!(f[0].ends_with(":1") && f[1].ends_with(":2"));
        assert_eq!(f[0][..32], f[1][..32]);
    }

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(normalise("  A\n\tB  c ".chars()), "a b c ");
    }
}
