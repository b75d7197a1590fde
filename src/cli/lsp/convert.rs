//! Between copydesk's byte spans and LSP's UTF-16 positions, file paths and URIs.

use copydesk::report::location::{decode_uri_path, file_uri};
use copydesk::text::{ColumnUnit, LineIndex, Span};
use lsp_types::{Position, Range, TextEdit, Uri};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// A text with its line index, for position conversions.
pub struct Text<'a> {
    pub text: &'a str,
    pub idx: LineIndex,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Text<'a> {
        Text {
            text,
            idx: LineIndex::new(text),
        }
    }

    /// The zero-based line and UTF-16 column of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let p = self.idx.position(self.text, offset, ColumnUnit::Utf16);
        Position::new((p.line - 1) as u32, (p.column - 1) as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of an LSP position (clamped to the text).
    pub fn offset(&self, p: Position) -> usize {
        self.idx.offset(
            self.text,
            p.line as usize,
            p.character as usize,
            ColumnUnit::Utf16,
        )
    }

    pub fn span(&self, r: Range) -> Span {
        let start = self.offset(r.start);
        Span::new(start, self.offset(r.end).max(start))
    }

    /// One edit turning this text into `new`: the differing middle, between the longest common
    /// prefix and suffix (on character boundaries), so cursors elsewhere stay put.
    pub fn minimal_edit(&self, new: &str) -> Option<TextEdit> {
        let old = self.text;
        if old == new {
            return None;
        }
        let mut pre = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(pre) || !new.is_char_boundary(pre) {
            pre -= 1;
        }
        let max_suf = (old.len() - pre).min(new.len() - pre);
        let mut suf = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take(max_suf)
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(old.len() - suf) || !new.is_char_boundary(new.len() - suf) {
            suf -= 1;
        }
        Some(TextEdit::new(
            self.range(Span::new(pre, old.len() - suf)),
            new[pre..new.len() - suf].to_owned(),
        ))
    }
}

/// The file a `file:` URI names; `None` for other schemes (unsaved buffers).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    let path = rest.split(['?', '#']).next().unwrap_or(rest);
    let decoded = decode_uri_path(path);
    // `file:///C:/x` on Windows
    let bytes = decoded.as_bytes();
    if cfg!(windows) && bytes.len() > 2 && bytes[0] == b'/' && bytes[2] == b':' {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

pub fn uri_of(path: &Path) -> Option<Uri> {
    Uri::from_str(&file_uri(path)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_positions_with_emoji_and_cjk() {
        let s = "a😀b\n北京 Kiev\n";
        let t = Text::new(s);
        let k = s.find("Kiev").unwrap();
        assert_eq!(t.position(k), Position::new(1, 3));
        assert_eq!(t.position(s.find('b').unwrap()), Position::new(0, 3));
        assert_eq!(t.offset(Position::new(1, 3)), k);
        assert_eq!(t.offset(Position::new(0, 3)), s.find('b').unwrap());
        assert_eq!(t.offset(Position::new(9, 0)), s.len());
    }

    #[test]
    fn minimal_edit_keeps_common_ends() {
        let t = Text::new("née Kiev, 😀 end");
        let e = t.minimal_edit("née Kyiv, 😀 end").unwrap();
        assert_eq!(e.new_text, "yi");
        assert_eq!(
            e.range,
            Range::new(Position::new(0, 5), Position::new(0, 7))
        );
        let e = Text::new("a😀").minimal_edit("a😁").unwrap();
        assert_eq!(e.new_text, "😁");
        assert_eq!(e.range.start.character, 1);
        assert!(Text::new("x").minimal_edit("x").is_none());
    }

    #[test]
    fn file_uris_round_trip() {
        let p = Path::new("/news desk/北京.txt");
        let u = uri_of(p).unwrap();
        assert_eq!(u.as_str(), "file:///news%20desk/%E5%8C%97%E4%BA%AC.txt");
        assert_eq!(path_of(&u).unwrap(), p);
        assert!(path_of(&Uri::from_str("untitled:Untitled-1").unwrap()).is_none());
    }
}
