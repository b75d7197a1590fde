//! Code actions: a quick fix for each fix in the requested range, and "fix all safe".

use super::convert::Text;
use super::{to_lsp, Server, FIX_ALL_KIND};
use copydesk::fix::{Applicability, FixMode};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};
use std::collections::HashMap;

/// Whether an action of `kind` answers a request limited to `only` (kinds are hierarchical:
/// `source` covers `source.fixAll.copydesk`).
pub fn wanted(only: Option<&[CodeActionKind]>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            kind == k || kind.starts_with(&format!("{k}."))
        })
    })
}

impl Server {
    pub(super) fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let key = p.text_document.uri.as_str().to_owned();
        let only = p.context.only.as_deref();
        let mut out = Vec::new();
        let Some(doc) = self.docs.get(&key) else {
            return out;
        };
        let text = Text::new(&doc.text);
        let asked = text.span(p.range);
        if wanted(only, CodeActionKind::QUICKFIX.as_str()) {
            for d in &doc.diagnostics {
                let Some(fix) = &d.fix else { continue };
                let touches = d.span.overlaps(asked)
                    || d.span.contains(asked.start)
                    || (asked.is_empty() && d.span.end == asked.start)
                    || (d.span.is_empty() && asked.contains(d.span.start));
                if !touches {
                    continue;
                }
                let edits: Vec<TextEdit> = fix
                    .edits
                    .iter()
                    .map(|e| TextEdit::new(text.range(e.span), e.replacement.clone()))
                    .collect();
                let safe = fix.applicability == Applicability::Safe;
                let title = if safe {
                    format!("{} ({})", fix.message, d.rule)
                } else {
                    format!("{} ({}, check the result)", fix.message, d.rule)
                };
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![to_lsp(d, &text, &doc.uri)]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(doc.uri.clone(), edits)])),
                        ..WorkspaceEdit::default()
                    }),
                    is_preferred: Some(safe),
                    ..CodeAction::default()
                }));
            }
        }
        let has_safe = doc.diagnostics.iter().any(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        });
        if has_safe && wanted(only, FIX_ALL_KIND) {
            let (path, format, uri) = (doc.path.clone(), doc.format, doc.uri.clone());
            let Ok(linter) = self.linter_for(path.as_deref()) else {
                return out;
            };
            let doc = &self.docs[&key];
            let fixed = linter.fix(&doc.text, format, FixMode::SafeOnly);
            if let Some(edit) = Text::new(&doc.text).minimal_edit(&fixed.text) {
                out.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Fix all safe copydesk findings ({})", fixed.fixes),
                    kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(uri, vec![edit])])),
                        ..WorkspaceEdit::default()
                    }),
                    ..CodeAction::default()
                }));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_hierarchical() {
        let only = [CodeActionKind::SOURCE];
        assert!(wanted(Some(&only), FIX_ALL_KIND));
        assert!(!wanted(Some(&only), "quickfix"));
        let only = [CodeActionKind::from("source.fixAll")];
        assert!(wanted(Some(&only), FIX_ALL_KIND));
        assert!(!wanted(
            Some(&[CodeActionKind::from("source.fix")]),
            FIX_ALL_KIND
        ));
        assert!(wanted(None, "quickfix"));
    }
}
