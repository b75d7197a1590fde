//! Byte spans and a line index that converts byte offsets to lines and columns.

use serde::Serialize;

/// A half-open byte range into a source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    pub fn covers(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Which unit columns are counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Unicode scalar values (the JSON contract and the terminal).
    Chars,
    /// UTF-16 code units (LSP, SARIF's default).
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

/// Start offsets of every line of a text, for offset → line/column conversion.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        LineIndex { starts }
    }

    /// Zero-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of zero-based `line`, without its line terminator.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).map_or(text.len(), |&s| s - 1);
        if end > start && text.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }

    /// 1-based line and column of a byte offset, the column counted in `unit`.
    pub fn position(&self, text: &str, offset: usize, unit: ColumnUnit) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let prefix = &text[self.starts[line]..offset];
        let column = match unit {
            ColumnUnit::Chars => prefix.chars().count(),
            ColumnUnit::Utf16 => prefix.encode_utf16().count(),
            ColumnUnit::Bytes => prefix.len(),
        };
        Position {
            line: line + 1,
            column: column + 1,
        }
    }

    /// Byte offset of a zero-based line and column given in `unit`; clamps to the line's end.
    pub fn offset(&self, text: &str, line: usize, column: usize, unit: ColumnUnit) -> usize {
        if line >= self.starts.len() {
            return text.len();
        }
        let span = self.line_span(text, line);
        let mut seen = 0;
        for (i, c) in span.slice(text).char_indices() {
            if seen >= column {
                return span.start + i;
            }
            seen += match unit {
                ColumnUnit::Chars => 1,
                ColumnUnit::Utf16 => c.len_utf16(),
                ColumnUnit::Bytes => c.len_utf8(),
            };
        }
        span.end
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes()
        .enumerate()
        .filter_map(|(i, b)| (b == b'\n').then_some(i))
}

/// The greatest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_each_unit() {
        let text = "ab\n😀é x\n";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.position(text, x, ColumnUnit::Chars),
            Position { line: 2, column: 4 }
        );
        assert_eq!(idx.position(text, x, ColumnUnit::Utf16).column, 5);
        assert_eq!(idx.position(text, x, ColumnUnit::Bytes).column, 8);
        assert_eq!(idx.offset(text, 1, 4, ColumnUnit::Utf16), x);
        assert_eq!(idx.position(text, text.len(), ColumnUnit::Chars).line, 3);
    }

    #[test]
    fn line_span_strips_crlf() {
        let text = "one\r\ntwo";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_span(text, 0).slice(text), "one");
        assert_eq!(idx.line_span(text, 1).slice(text), "two");
    }
}
