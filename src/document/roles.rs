//! What a block is in an article: body prose, or a headline, byline, dateline or caption that
//! prose checks leave alone.

/// The part a block plays in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Body,
    /// The title, a Markdown heading, or a short line without final punctuation (a subhead).
    Headline,
    /// "By ...", "Additional reporting by ...", "Editing by ...".
    Byline,
    /// A photo caption or credit.
    Caption,
}

const BYLINE_STARTS: &[&str] = &[
    "by ",
    "additional reporting",
    "reporting by",
    "reported by",
    "writing by",
    "written by",
    "editing by",
    "edited by",
    "compiled by",
    "with reporting",
    "(reporting by",
    "(additional reporting",
];

const CAPTION_STARTS: &[&str] = &[
    "image caption",
    "image copyright",
    "image source",
    "caption:",
    "photo:",
    "photograph:",
    "picture:",
    "pictured:",
    "(photo",
    "media caption",
    "video caption",
    "getty images",
];

/// Classifies a block of body-candidate text.
pub(crate) fn classify(text: &str, index: usize, total: usize) -> Role {
    let t = text.trim();
    let lower: String = t.chars().take(40).collect::<String>().to_lowercase();
    let words = t.split_whitespace().count();
    let ends_sentence = t.ends_with(['.', '!', '?', '"', '”', '’', '\'', ')', ':', ';', '…']);
    if CAPTION_STARTS.iter().any(|p| lower.starts_with(p)) {
        return Role::Caption;
    }
    if BYLINE_STARTS.iter().any(|p| lower.starts_with(p)) && words <= 20 && !t.contains(". ") {
        return Role::Byline;
    }
    let single_line = !t.contains('\n');
    if single_line && words <= 16 && !ends_sentence && (index == 0 || total > 1) {
        return Role::Headline;
    }
    Role::Body
}

/// Length in bytes of a dateline at the start of a paragraph ("BEIJING (Reuters) - ",
/// "LONDON — "), or 0.
pub(crate) fn dateline_len(text: &str) -> usize {
    let mut caps = 0;
    for (i, c) in text.char_indices() {
        if c.is_uppercase() || (caps > 0 && matches!(c, ' ' | ',' | '.' | '\'' | '-')) {
            if c.is_uppercase() {
                caps += 1;
            }
            continue;
        }
        if caps < 3 {
            return 0;
        }
        let rest = &text[i..];
        // optional "(Agency)" then a dash
        let rest_trim = rest.trim_start();
        let rest_trim = if rest_trim.starts_with('(') {
            match rest_trim.find(')') {
                Some(p) if p < 40 => rest_trim[p + 1..].trim_start(),
                _ => return 0,
            }
        } else {
            rest_trim
        };
        for dash in ["—", "–", "-", "--"] {
            if let Some(after) = rest_trim.strip_prefix(dash) {
                if after.starts_with(' ') {
                    let after = after.trim_start();
                    return text.len() - after.len();
                }
            }
        }
        return 0;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_blocks() {
        assert_eq!(
            classify("Labour plans maternity pay rise", 0, 5),
            Role::Headline
        );
        assert_eq!(
            classify("Additional reporting from Tokyo by Leo Lewis", 9, 10),
            Role::Byline
        );
        assert_eq!(
            classify("Image caption The scene on Monday", 3, 10),
            Role::Caption
        );
        assert_eq!(classify("He said no.", 3, 10), Role::Body);
    }

    #[test]
    fn finds_datelines() {
        let t = "BEIJING (Reuters) - China said on Monday.";
        assert_eq!(&t[dateline_len(t)..], "China said on Monday.");
        let t = "LONDON — Prices rose.";
        assert_eq!(&t[dateline_len(t)..], "Prices rose.");
        assert_eq!(dateline_len("NATO said - fine."), 0);
        assert_eq!(dateline_len("The US - and others."), 0);
    }
}
