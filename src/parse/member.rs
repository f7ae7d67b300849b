//! Layer 2, bodies: struct members, variant arms, type expressions, function and syscall
//! sections.

use super::ast::*;
use super::decl::{Line, Parser};
use super::tree::Node;
use crate::source::Span;

impl<'t, 'a> Parser<'_, 't, 'a> {
    pub(super) fn members(
        &mut self,
        nodes: &[&Node<'a>],
        allow_variant: bool,
    ) -> Vec<MemberDecl<'a>> {
        nodes
            .iter()
            .filter_map(|n| self.member(n, allow_variant))
            .collect()
    }

    fn member(&mut self, node: &Node<'a>, allow_variant: bool) -> Option<MemberDecl<'a>> {
        let line = Line::new(node);
        match line.first() {
            "variant" if allow_variant => self.variant(&line),
            "variant" => {
                self.error(
                    line.words[0].1,
                    "a variant can only appear in a struct",
                    "not allowed here",
                );
                None
            }
            "range" | "crange" => self.range(&line),
            _ => self.simple_member(&line),
        }
    }

    fn simple_member(&mut self, line: &Line<'_, 'a>) -> Option<MemberDecl<'a>> {
        if line.words.len() < 2 {
            self.error(
                line.node.span,
                "invalid member: expected `TYPE NAME`",
                "expected a type and a name",
            );
            return None;
        }
        let last = line.words.len() - 1;
        let ty = self.type_expr(line, 0, last);
        let name = self.ident(line.words[last]);
        let (doc, rest) = self.doc_and_rest(
            self.tree.children(line.node),
            &format_args!("`{}`", line.words[last].0),
        );
        let (attrs, rest) = self.member_attrs(rest);
        let valrefs = rest.into_iter().filter_map(|n| self.valref(n)).collect();
        Some(MemberDecl {
            span: line.node.span,
            doc,
            attrs,
            kind: MemberDeclKind::Simple {
                ty: ty?,
                name: name?,
                valrefs,
            },
        })
    }

    /// Splits the attribute lines that follow a member's documentation from the rest of
    /// its body. Attributes after a value reference are reported and dropped.
    fn member_attrs<'n>(
        &mut self,
        rest: Vec<&'n Node<'a>>,
    ) -> (Vec<MemberAttr<'a>>, Vec<&'n Node<'a>>) {
        let leading = rest.iter().take_while(|n| n.text.starts_with('@')).count();
        let attrs = rest[..leading]
            .iter()
            .filter_map(|n| self.member_attr(n))
            .collect();
        let mut others = Vec::with_capacity(rest.len() - leading);
        for &node in &rest[leading..] {
            if node.text.starts_with('@') {
                self.error(
                    node.span,
                    "a member's attributes must come right after its documentation",
                    "attribute out of place",
                );
            } else {
                others.push(node);
            }
        }
        (attrs, others)
    }

    fn member_attr(&mut self, node: &Node<'a>) -> Option<MemberAttr<'a>> {
        let line = Line::new(node);
        self.no_children(
            &super::decl::refs(self.tree.children(node)),
            "an attribute cannot have lines nested under it",
        );
        let kind = match (line.first(), line.words.len()) {
            ("@address", 1) => MemberAttrKind::Address,
            ("@count", 2) => MemberAttrKind::Count(self.ident(line.words[1])?),
            ("@filled", 2) => MemberAttrKind::Filled(self.ident(line.words[1])?),
            ("@address", _) => {
                self.error(
                    line.span_from(1),
                    "`@address` takes no arguments",
                    "unexpected words",
                );
                return None;
            }
            ("@count", _) => {
                self.error(
                    node.span,
                    "`@count` takes the name of one `size` input",
                    "expected `@count NAME`",
                );
                return None;
            }
            ("@filled", _) => {
                self.error(
                    node.span,
                    "`@filled` takes the name of one `size` output",
                    "expected `@filled NAME`",
                );
                return None;
            }
            (other, _) => {
                self.error(
                    line.words[0].1,
                    format!("unknown attribute `{other}`"),
                    "a member takes `@address`, `@count NAME` or `@filled NAME`",
                );
                return None;
            }
        };
        Some(MemberAttr {
            span: node.span,
            kind,
        })
    }

    /// `VALUE` (a value of the member's type), or `NUMBER NAME` (a value the member
    /// names itself: a `proc_terminate` event's `signal` 0 is no signal but an exit).
    fn valref(&mut self, node: &Node<'a>) -> Option<ValRefDecl<'a>> {
        let line = Line::new(node);
        let own = match line.words.len() {
            1 => None,
            2 => {
                let (number, span) = line.words[0];
                Some((self.literal(number, span)?, span))
            }
            _ => {
                self.error(
                    node.span,
                    "invalid value reference: expected a value name, or a number and a name",
                    "expected `VALUE` or `NUMBER NAME`",
                );
                return None;
            }
        };
        let (text, span) = line.words[line.words.len() - 1];
        let (doc, rest) = self.doc_and_rest(self.tree.children(node), &format_args!("`{text}`"));
        self.no_children(
            &rest,
            "a value reference can only have documentation nested under it",
        );
        if !super::lexer::is_value_name(text) {
            self.error(
                span,
                format!("invalid value name `{text}`"),
                "expected a value of the member's type",
            );
            return None;
        }
        Some(ValRefDecl {
            name: Name { name: text, span },
            doc,
            own,
        })
    }

    fn range(&mut self, line: &Line<'_, 'a>) -> Option<MemberDecl<'a>> {
        let constant = line.first() == "crange";
        if line.words.len() < 3 {
            self.error(
                line.node.span,
                format!("invalid range: expected `{} TYPE NAME`", line.first()),
                "expected a type and a name",
            );
            return None;
        }
        let last = line.words.len() - 1;
        let target = self.type_expr(line, 1, last);
        let name = self.ident(line.words[last]);
        let (doc, rest) = self.doc_and_rest(
            self.tree.children(line.node),
            &format_args!("`{}`", line.words[last].0),
        );
        let (attrs, rest) = self.member_attrs(rest);
        self.no_children(
            &rest,
            "a range can only have documentation and attributes nested under it",
        );
        Some(MemberDecl {
            span: line.node.span,
            doc,
            attrs,
            kind: MemberDeclKind::Range {
                constant,
                target: target?,
                name: name?,
            },
        })
    }

    fn variant(&mut self, line: &Line<'_, 'a>) -> Option<MemberDecl<'a>> {
        let tag = self.decl_name(line, 1, 2, "`variant TAG`")?;
        let (doc, rest) = self.doc_and_rest(self.tree.children(line.node), &"a variant");
        let arms = rest.into_iter().filter_map(|n| self.arm(n)).collect();
        Some(MemberDecl {
            span: line.node.span,
            doc,
            attrs: Vec::new(),
            kind: MemberDeclKind::Variant { tag, arms },
        })
    }

    fn arm(&mut self, node: &Node<'a>) -> Option<ArmDecl<'a>> {
        let line = Line::new(node);
        let tag_values: Vec<Name<'a>> = line
            .words
            .iter()
            .map(|&(name, span)| Name { name, span })
            .collect();
        for v in tag_values
            .iter()
            .filter(|v| !super::lexer::is_value_name(v.name))
        {
            self.error(
                v.span,
                format!("invalid value name `{}` in variant arm", v.name),
                "expected values of the tag's type",
            );
        }
        let [child] = self.tree.children(node) else {
            let span = self
                .tree
                .children(node)
                .get(1)
                .map_or(node.span, |c| c.span);
            self.error(
                span,
                "a variant arm holds exactly one line: `struct NAME` or a single member",
                "expected one nested line",
            );
            return None;
        };
        let child_line = Line::new(child);
        let (name, members) = if child_line.first() == "struct" {
            let name = self.decl_name(&child_line, 1, 2, "`struct NAME`");
            (
                Some(name?),
                self.members(&super::decl::refs(self.tree.children(child)), true),
            )
        } else {
            (None, vec![self.member(child, true)?])
        };
        Some(ArmDecl {
            span: node.span,
            tag_values,
            name,
            members,
        })
    }

    /// Parses words `from..to` of `line` as one type expression.
    fn type_expr(&mut self, line: &Line<'_, 'a>, from: usize, to: usize) -> Option<TypeExpr<'a>> {
        let words = &line.words[from..to];
        let (ty, used) = self.type_prefix(words, line)?;
        if used != words.len() {
            let span = Span {
                end: words[words.len() - 1].1.end,
                ..words[used].1
            };
            self.error(
                span,
                "unexpected words after the type",
                "expected the name next",
            );
            return None;
        }
        Some(ty)
    }

    fn type_prefix(
        &mut self,
        words: &[(&'a str, Span)],
        line: &Line<'_, 'a>,
    ) -> Option<(TypeExpr<'a>, usize)> {
        let Some(&(word, span)) = words.first() else {
            self.error(
                line.node.span,
                "missing type",
                "expected a type before the name",
            );
            return None;
        };
        let wrap = |p: &mut Self, make: fn(Box<TypeExpr<'a>>) -> TypeExprKind<'a>| {
            let (inner, used) = p.type_prefix(&words[1..], line)?;
            let span = Span {
                end: inner.span.end,
                ..span
            };
            Some((
                TypeExpr {
                    span,
                    kind: make(Box::new(inner)),
                },
                used + 1,
            ))
        };
        let kind = match word {
            "ptr" => {
                return wrap(self, |t| TypeExprKind::Pointer {
                    constant: false,
                    target: t,
                })
            }
            "cptr" => {
                return wrap(self, |t| TypeExprKind::Pointer {
                    constant: true,
                    target: t,
                })
            }
            "atomic" => return wrap(self, TypeExprKind::Atomic),
            "array" => return self.array(words, line),
            "void" => TypeExprKind::Void,
            _ => match IntType::from_spec_name(word) {
                Some(int) => TypeExprKind::Int(int),
                None => TypeExprKind::Named(self.ident((word, span))?),
            },
        };
        Some((TypeExpr { span, kind }, 1))
    }

    fn array(
        &mut self,
        words: &[(&'a str, Span)],
        line: &Line<'_, 'a>,
    ) -> Option<(TypeExpr<'a>, usize)> {
        let Some(&(count_text, count_span)) = words.get(1) else {
            self.error(
                words[0].1,
                "`array` needs a length and an element type",
                "expected `array N TYPE`",
            );
            return None;
        };
        let count = self.literal(count_text, count_span)?;
        let Ok(count) = u64::try_from(count) else {
            self.error(
                count_span,
                "an array length cannot be negative",
                "negative length",
            );
            return None;
        };
        let (element, used) = self.type_prefix(&words[2..], line)?;
        let span = Span {
            end: element.span.end,
            ..words[0].1
        };
        Some((
            TypeExpr {
                span,
                kind: TypeExprKind::Array {
                    count,
                    element: Box::new(element),
                },
            },
            used + 2,
        ))
    }

    pub(super) fn function(&mut self, body: &[&Node<'a>], owner: &str) -> FunctionDecl<'a> {
        let mut params = Vec::new();
        let mut returns = None;
        let mut seen_out = false;
        for &node in body {
            match node.text {
                "in" if params.is_empty() && !seen_out => {
                    params = self.members(&super::decl::refs(self.tree.children(node)), false)
                }
                "out" if !seen_out => {
                    seen_out = true;
                    returns = self.function_out(node, owner);
                }
                _ => self.section_error(node, owner, "`in` then `out`"),
            }
        }
        FunctionDecl { params, returns }
    }

    fn function_out(&mut self, node: &Node<'a>, owner: &str) -> Option<(TypeExpr<'a>, Doc<'a>)> {
        let (doc, rest) = self.doc_and_rest(
            self.tree.children(node),
            &format_args!("the result of {owner}"),
        );
        let [ty_node] = rest[..] else {
            self.error(
                node.span,
                "a function's `out` holds exactly one type",
                "expected one type line",
            );
            return None;
        };
        self.no_children(
            &super::decl::refs(self.tree.children(ty_node)),
            "a return type cannot have lines nested under it",
        );
        let line = Line::new(ty_node);
        Some((self.type_expr(&line, 0, line.words.len())?, doc))
    }

    pub(super) fn syscall(&mut self, body: &[&Node<'a>], owner: &str) -> SyscallDecl<'a> {
        let mut decl = SyscallDecl {
            inputs: Vec::new(),
            outputs: Vec::new(),
            noreturn: false,
        };
        // 0: nothing seen, 1: `in` seen, 2: `out` or `noreturn` seen.
        let mut stage = 0;
        for &node in body {
            match (node.text, stage) {
                ("in", 0) => {
                    decl.inputs = self.members(&super::decl::refs(self.tree.children(node)), false);
                    stage = 1;
                }
                ("out", 0 | 1) => {
                    decl.outputs =
                        self.members(&super::decl::refs(self.tree.children(node)), false);
                    stage = 2;
                }
                ("noreturn", 0 | 1) => {
                    self.no_children(
                        &super::decl::refs(self.tree.children(node)),
                        "`noreturn` cannot have lines nested under it",
                    );
                    decl.noreturn = true;
                    stage = 2;
                }
                _ => self.section_error(node, owner, "`in`, then `out` or `noreturn`"),
            }
        }
        decl
    }

    fn section_error(&mut self, node: &Node<'a>, owner: &str, order: &str) {
        let known = matches!(node.text, "in" | "out" | "noreturn");
        let message = if known {
            format!("`{}` is out of order or repeated in {owner}", node.text)
        } else {
            format!("unexpected line in {owner}")
        };
        self.error(
            node.span,
            message,
            format!("expected {order}, each at most once"),
        );
    }
}
