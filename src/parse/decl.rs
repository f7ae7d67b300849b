//! Layer 2: indentation tree → declarations. Each top-level node is parsed on its own, so an
//! error in one declaration never hides errors in the next.

use super::ast::*;
use super::lexer::{self, LiteralError, Word};
use super::tree::{Node, Tree};
use crate::diag::Diagnostic;
use crate::source::Span;

pub struct Parser<'d, 't, 'a> {
    pub(super) diags: &'d mut Vec<Diagnostic>,
    pub(super) tree: &'t Tree<'a>,
}

/// A node split into its words, each with its span in the file.
pub(super) struct Line<'n, 'a> {
    pub node: &'n Node<'a>,
    pub words: Words<'a>,
}

/// The words of one line, kept inline.
pub(super) type Words<'a> = smallvec::SmallVec<[(&'a str, Span); 6]>;

impl<'n, 'a> Line<'n, 'a> {
    pub(super) fn new(node: &'n Node<'a>) -> Line<'n, 'a> {
        let words = lexer::words(node.text)
            .map(|Word { text, range }| (text, node.span.slice(range.0..range.1)))
            .collect();
        Line { node, words }
    }

    pub(super) fn first(&self) -> &'a str {
        self.words.first().map_or("", |w| w.0)
    }

    /// The span from word `i` to the end of the line (or the line's end when `i` is past it).
    pub(super) fn span_from(&self, i: usize) -> Span {
        let end = self.node.span;
        match self.words.get(i) {
            Some(w) => Span {
                start: w.1.start,
                ..end
            },
            None => Span {
                start: end.end,
                ..end
            },
        }
    }
}

const DECL_KEYWORDS: &str = "`enum`, `flags`, `opaque`, `alias`, `struct`, `function` or `syscall`";

impl<'d, 't, 'a> Parser<'d, 't, 'a> {
    pub fn new(diags: &'d mut Vec<Diagnostic>, tree: &'t Tree<'a>) -> Parser<'d, 't, 'a> {
        Parser { diags, tree }
    }

    pub(super) fn error(
        &mut self,
        span: Span,
        message: impl Into<String>,
        label: impl Into<String>,
    ) {
        self.diags
            .push(Diagnostic::error(span, message).with_label(label));
    }

    pub fn spec(&mut self) -> Spec<'a> {
        let nodes = self.tree.roots();
        let (doc, rest) = self.doc_and_rest(nodes, &"the file");
        let decls = rest.into_iter().filter_map(|n| self.decl(n)).collect();
        Spec { doc, decls }
    }

    /// Splits leading `|` lines off `nodes`; a doc line after anything else is an error.
    pub(super) fn doc_and_rest<'n>(
        &mut self,
        nodes: &'n [Node<'a>],
        owner: &dyn std::fmt::Display,
    ) -> (Doc<'a>, Vec<&'n Node<'a>>) {
        let count = nodes.iter().take_while(|n| is_doc_line(n.text)).count();
        let (doc_nodes, rest) = nodes.split_at(count);
        for stray in rest.iter().filter(|n| is_doc_line(n.text)) {
            self.error(
                stray.span,
                format!("documentation for {owner} must come before everything else in its body"),
                "doc line out of place",
            );
        }
        let rest = rest.iter().filter(|n| !is_doc_line(n.text)).collect();
        (self.doc(doc_nodes), rest)
    }

    fn doc(&mut self, nodes: &[Node<'a>]) -> Doc<'a> {
        let mut doc = Doc::default();
        if nodes.is_empty() {
            return doc;
        }
        // Length of the joined text so far: where the next line's references will sit.
        let mut text_len = 0;
        // Most docs have no references; one scan of the whole block skips the per-line search.
        let block = nodes[0].span.start as usize..nodes[nodes.len() - 1].span.end as usize;
        let has_refs = memchr::memchr(b'[', &self.tree.source().as_bytes()[block]).is_some();
        for node in nodes {
            if let Some(child) = self.tree.children(node).first() {
                self.error(
                    child.span,
                    "a doc line cannot have lines nested under it",
                    "unexpected nesting",
                );
            }
            let body = match node.text.strip_prefix("| ") {
                Some(body) => body,
                None if node.text == "|" => "",
                None => {
                    self.error(
                        node.span.slice(0..1),
                        "a doc line starts with `| ` (a bar and a space) or is a lone `|`",
                        "missing space after `|`",
                    );
                    &node.text[1..]
                }
            };
            let body_span = node
                .span
                .slice(node.text.len() - body.len()..node.text.len());
            let refs = if has_refs {
                lexer::doc_refs(body)
            } else {
                Vec::new()
            };
            for (range, path) in refs {
                doc.refs.push(DocRef {
                    path,
                    span: body_span.slice(range.clone()),
                    text_range: text_len + range.start..text_len + range.end,
                });
            }
            doc.lines.push(body);
            text_len += body.len() + 1;
            doc.span = Some(match doc.span {
                Some(s) => Span {
                    end: node.span.end,
                    ..s
                },
                None => node.span,
            });
        }
        doc
    }

    fn decl(&mut self, node: &Node<'a>) -> Option<Decl<'a>> {
        let line = Line::new(node);
        let keyword = line.first();
        let int_like = match keyword {
            "enum" => Some(IntLikeKind::Enum),
            "flags" => Some(IntLikeKind::Flags),
            "opaque" => Some(IntLikeKind::Opaque),
            "alias" => Some(IntLikeKind::Alias),
            _ => None,
        };
        if let Some(kind) = int_like {
            return self.int_like(&line, kind);
        }
        match keyword {
            "struct" | "function" | "syscall" => {}
            _ => {
                self.error(
                    line.words[0].1,
                    format!("unknown declaration keyword `{keyword}`"),
                    format!("expected {DECL_KEYWORDS}"),
                );
                return None;
            }
        }
        let name = self.decl_name(&line, 1, 2, &format!("`{keyword} NAME`"))?;
        let owner = format!("`{}`", name.name);
        let (doc, body) = self.doc_and_rest(self.tree.children(node), &owner.as_str());
        let kind = match keyword {
            "struct" => DeclKind::Struct(self.members(&body, true)),
            "function" => DeclKind::Function(self.function(&body, &owner)),
            _ => DeclKind::Syscall(self.syscall(&body, &owner)),
        };
        Some(Decl {
            name,
            doc,
            span: node.span,
            kind,
        })
    }

    /// Checks that the line has exactly `count` words and that word `at` is a valid name.
    pub(super) fn decl_name(
        &mut self,
        line: &Line<'_, 'a>,
        at: usize,
        count: usize,
        shape: &str,
    ) -> Option<Name<'a>> {
        if line.words.len() != count {
            let span = if line.words.len() > count {
                line.span_from(count)
            } else {
                line.node.span
            };
            let what = if line.words.len() > count {
                "unexpected words at the end of the line"
            } else {
                "too few words"
            };
            self.error(
                span,
                format!("{what}: expected {shape}"),
                format!("expected {shape}"),
            );
            return None;
        }
        self.ident(line.words[at])
    }

    pub(super) fn ident(&mut self, (text, span): (&'a str, Span)) -> Option<Name<'a>> {
        if !lexer::is_identifier(text) {
            self.error(
                span,
                format!("invalid name `{text}`"),
                "a name is a letter or `_` followed by letters, digits and `_`",
            );
            return None;
        }
        Some(Name { name: text, span })
    }

    fn int_like(&mut self, line: &Line<'_, 'a>, kind: IntLikeKind) -> Option<Decl<'a>> {
        let shape = format!("`{} INTTYPE NAME`", kind.keyword());
        let name = self.decl_name(line, 2, 3, &shape)?;
        let (base_text, base_span) = line.words[1];
        let Some(base) = IntType::from_spec_name(base_text) else {
            self.error(base_span, format!("unknown integer type `{base_text}`"), "expected one of char, int8, int16, int32, int64, uint8, uint16, uint32, uint64 or size");
            return None;
        };
        let (doc, body) = self.doc_and_rest(
            self.tree.children(line.node),
            &format_args!("`{}`", name.name),
        );
        let (cprefix, body) = self.cprefix(&body);
        // Misplaced attributes were reported by `cprefix`; they are not values.
        let values = body
            .iter()
            .filter(|n| !n.text.starts_with('@'))
            .filter_map(|n| self.value(n))
            .collect();
        let kind = DeclKind::IntLike(IntLikeDecl {
            kind,
            base,
            base_span,
            cprefix,
            values,
        });
        Some(Decl {
            name,
            doc,
            span: line.node.span,
            kind,
        })
    }

    fn cprefix<'n>(&mut self, body: &'n [&'n Node<'a>]) -> (Option<&'a str>, &'n [&'n Node<'a>]) {
        for late in body.iter().skip(1).filter(|n| n.text.starts_with('@')) {
            self.error(
                late.span,
                "`@cprefix` must come right after the documentation, before any value",
                "attribute out of place",
            );
        }
        let Some(first) = body.first().filter(|n| n.text.starts_with('@')) else {
            return (None, body);
        };
        let line = Line::new(first);
        if line.first() != "@cprefix" {
            self.error(
                line.words[0].1,
                format!("unknown attribute `{}`", line.first()),
                "an integer type takes only `@cprefix`",
            );
            return (None, &body[1..]);
        }
        if let Some(child) = self.tree.children(first).first() {
            self.error(
                child.span,
                "`@cprefix` cannot have lines nested under it",
                "unexpected nesting",
            );
        }
        match line.words.len() {
            1 => (Some(""), &body[1..]),
            2 => {
                let (prefix, span) = line.words[1];
                if !prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                {
                    self.error(
                        span,
                        format!("invalid C prefix `{prefix}`"),
                        "a C prefix is letters, digits and `_`",
                    );
                }
                (Some(prefix), &body[1..])
            }
            _ => {
                self.error(
                    line.span_from(2),
                    "`@cprefix` takes at most one prefix",
                    "unexpected words",
                );
                (None, &body[1..])
            }
        }
    }

    fn value(&mut self, node: &Node<'a>) -> Option<ValueDecl<'a>> {
        let line = Line::new(node);
        if line.words.len() != 2 {
            self.error(
                node.span,
                "invalid value line: expected `NUMBER NAME`",
                "expected `NUMBER NAME`",
            );
            return None;
        }
        let (number, value_span) = line.words[0];
        let (name, name_span) = line.words[1];
        let value = self.literal(number, value_span);
        let name_ok = lexer::is_value_name(name);
        if !name_ok {
            self.error(
                name_span,
                format!("invalid value name `{name}`"),
                "a value name is letters, digits and `_`, not only digits",
            );
        }
        let (doc, rest) =
            self.doc_and_rest(self.tree.children(node), &format_args!("value `{name}`"));
        self.no_children(&rest, "a value can only have documentation nested under it");
        Some(ValueDecl {
            value: value?,
            value_span,
            name: Name {
                name,
                span: name_span,
            },
            doc,
        })
        .filter(|_| name_ok)
    }

    pub(super) fn literal(&mut self, text: &str, span: Span) -> Option<i128> {
        match lexer::int_literal(text) {
            Ok(v) => Some(v),
            Err(e) => {
                let (message, label) = match e {
                    LiteralError::Malformed => (
                        format!("invalid number `{text}`"),
                        "expected a decimal, 0x, 0o or 0b integer",
                    ),
                    LiteralError::LeadingZero => (
                        format!(
                            "invalid number `{text}`: decimal numbers cannot have leading zeros"
                        ),
                        "write 0o for octal",
                    ),
                    LiteralError::TooLarge => (
                        format!("number `{text}` is too large"),
                        "does not fit in 128 bits",
                    ),
                };
                self.error(span, message, label);
                None
            }
        }
    }

    pub(super) fn no_children(&mut self, nodes: &[&Node<'a>], message: &str) {
        for n in nodes {
            self.error(n.span, message, "unexpected line");
        }
    }
}

pub(super) fn is_doc_line(text: &str) -> bool {
    text.starts_with('|')
}

/// Borrows each node, for the functions that take lists of nodes from several sources.
pub(super) fn refs<'n, 'a>(nodes: &'n [Node<'a>]) -> Vec<&'n Node<'a>> {
    nodes.iter().collect()
}
