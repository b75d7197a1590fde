//! Markdown through pulldown-cmark: blocks, the prose view, and suppression comments.

use super::{RawBlock, Role, Suppression};
use crate::text::Span;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

pub(crate) struct Parsed {
    pub text: String,
    pub blocks: Vec<RawBlock>,
    pub suppressions: Vec<Suppression>,
}

pub(crate) fn parse(source: &str) -> Parsed {
    let mut prose = Prose::new(source);
    let mut blocks: Vec<RawBlock> = Vec::new();
    let mut comments: Vec<(Span, String)> = Vec::new();
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;

    // the innermost open container that text can fall in without a paragraph (tight list
    // items, table cells)
    let mut containers: Vec<(Span, bool)> = Vec::new();
    let mut open: Option<(Span, Role)> = None;
    let mut skip_depth = 0usize; // inside code blocks, metadata, images
    for (event, range) in Parser::new_ext(source, opts).into_offset_iter() {
        let span = Span::from(range);
        match event {
            Event::Start(Tag::Paragraph) => open = Some((span, Role::Body)),
            Event::Start(Tag::Heading { .. }) => open = Some((span, Role::Headline)),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                if let Some((sp, role)) = open.take() {
                    blocks.push(RawBlock { span: sp, role });
                }
            }
            Event::Start(Tag::Item | Tag::TableCell) => containers.push((span, false)),
            Event::End(TagEnd::Item | TagEnd::TableCell) => {
                containers.pop();
            }
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::Image { .. }) => {
                skip_depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::Image) => {
                skip_depth = skip_depth.saturating_sub(1)
            }
            Event::Text(_) if skip_depth == 0 => {
                prose.keep(span);
                if open.is_none() {
                    if let Some((sp, used)) = containers.last_mut() {
                        if !*used {
                            *used = true;
                            blocks.push(RawBlock {
                                span: *sp,
                                role: Role::Body,
                            });
                        }
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak if skip_depth == 0 => prose.keep(span),
            Event::Html(html) | Event::InlineHtml(html) => {
                let h = html.trim();
                if h.starts_with("<!--") {
                    comments.push((span, h.to_owned()));
                }
            }
            _ => {}
        }
    }
    blocks.sort_by_key(|b| b.span.start);
    // trim each block to its prose
    let text = prose.finish();
    let blocks = blocks
        .into_iter()
        .filter_map(|b| {
            let s = b.span.slice(&text);
            let trimmed = s.trim();
            if trimmed.is_empty() {
                return None;
            }
            let start = b.span.start + (s.len() - s.trim_start().len());
            Some(RawBlock {
                span: Span::new(start, start + trimmed.len()),
                role: b.role,
            })
        })
        .collect();
    let suppressions = suppressions(source, &comments);
    Parsed {
        text,
        blocks,
        suppressions,
    }
}

/// Builds the prose view: every byte blank except the ranges kept; newlines stay.
struct Prose<'a> {
    source: &'a str,
    keep: Vec<Span>,
}

impl<'a> Prose<'a> {
    fn new(source: &'a str) -> Self {
        Prose {
            source,
            keep: Vec::new(),
        }
    }

    fn keep(&mut self, span: Span) {
        self.keep.push(span);
    }

    fn finish(mut self) -> String {
        self.keep.sort();
        let mut out = String::with_capacity(self.source.len());
        let mut last = 0;
        for span in &self.keep {
            if span.start < last {
                continue;
            }
            blank(&self.source[last..span.start], &mut out);
            out.push_str(span.slice(self.source));
            last = span.end;
        }
        blank(&self.source[last..], &mut out);
        out
    }
}

fn blank(s: &str, out: &mut String) {
    for c in s.chars() {
        if c == '\n' || c == '\r' {
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
}

/// `<!-- copydesk-disable RULE -->` … `<!-- copydesk-enable RULE -->` and
/// `<!-- copydesk-disable-next-line RULE -->`; without RULE they apply to every rule.
fn suppressions(source: &str, comments: &[(Span, String)]) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut open: Vec<(Option<String>, usize)> = Vec::new();
    for (span, html) in comments {
        for body in html.split("<!--").skip(1) {
            let body = body.split("-->").next().unwrap_or("").trim();
            let mut words = body.split_whitespace();
            let directive = words.next().unwrap_or("");
            let rules: Vec<String> = words
                .flat_map(|w| w.split(','))
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect();
            let targets: Vec<Option<String>> = if rules.is_empty() {
                vec![None]
            } else {
                rules.into_iter().map(Some).collect()
            };
            match directive {
                "copydesk-disable" => open.extend(targets.into_iter().map(|t| (t, span.end))),
                "copydesk-enable" => {
                    for t in targets {
                        let matching: Vec<usize> = open
                            .iter()
                            .enumerate()
                            .filter(|(_, (r, _))| t.is_none() || *r == t)
                            .map(|(i, _)| i)
                            .collect();
                        for i in matching.into_iter().rev() {
                            let (rule, start) = open.remove(i);
                            out.push(Suppression {
                                rule,
                                span: Span::new(start, span.start),
                            });
                        }
                    }
                }
                "copydesk-disable-next-line" => {
                    let comment_end = span.start + span.slice(source).trim_end().len();
                    let line_start = source[comment_end..]
                        .find('\n')
                        .map_or(source.len(), |p| comment_end + p + 1);
                    let line_end = source[line_start..]
                        .find('\n')
                        .map_or(source.len(), |p| line_start + p);
                    for rule in targets {
                        out.push(Suppression {
                            rule,
                            span: Span::new(line_start, line_end),
                        });
                    }
                }
                _ => {}
            }
        }
    }
    for (rule, start) in open {
        out.push(Suppression {
            rule,
            span: Span::new(start, source.len()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_html_and_code_are_blanked() {
        let src = "---\ntitle: Kiev\n---\n\nText <b>Kiev</b> `x`.\n\n    code Kiev\n";
        let p = parse(src);
        assert_eq!(p.text.len(), src.len());
        assert!(!p.text.contains("title"));
        assert!(p.text.contains("Text    Kiev"));
        assert_eq!(p.text.matches("Kiev").count(), 1);
    }

    #[test]
    fn tight_list_items_are_blocks() {
        let p = parse("- one item.\n- two item.\n");
        assert_eq!(p.blocks.len(), 2);
    }

    #[test]
    fn suppression_comments() {
        let src = "<!-- copydesk-disable house/places -->\nKiev\n<!-- copydesk-enable house/places -->\n\n<!-- copydesk-disable-next-line -->\nKiev here\nKiev";
        let p = parse(src);
        assert_eq!(p.suppressions.len(), 2);
        let first = src.find("Kiev").unwrap();
        assert!(p.suppressions[0].applies("house/places", Span::new(first, first + 4)));
        assert!(!p.suppressions[0].applies("other/x", Span::new(first, first + 4)));
        let second = src.find("Kiev here").unwrap();
        assert!(p.suppressions[1].applies("any/rule", Span::new(second, second + 4)));
        let third = src.rfind("Kiev").unwrap();
        assert!(!p.suppressions[1].applies("any/rule", Span::new(third, third + 4)));
    }
}
