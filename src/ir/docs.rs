//! Resolves `[path]` references in doc comments to what they name.
//!
//! A path starts with a type or syscall name (types win on a clash). After an int-like type
//! comes a value; after a struct or function, a member. Members of anonymous variant arms
//! are found directly (`auxv.a_val`); a named arm is a step of its own
//! (`subscription.clock.timeout`). After a syscall comes one of its inputs or outputs.
//!
//! Resolution runs over the AST while lowering, so forward references work; member, arm and
//! value indices in the AST are the same as in the IR, which lowers each one to exactly one.

use super::lower::Scope;
use super::FastMap as HashMap;
use super::*;
use crate::parse::ast;

pub(super) struct Resolver<'a> {
    scope: &'a Scope<'a>,
    decls: HashMap<&'a str, &'a ast::Decl<'a>>,
    syscalls: HashMap<&'a str, &'a ast::SyscallDecl<'a>>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(spec: &'a ast::Spec, scope: &'a Scope) -> Resolver<'a> {
        let mut decls = HashMap::default();
        let mut syscalls = HashMap::default();
        for d in &spec.decls {
            match &d.kind {
                ast::DeclKind::Syscall(s) => {
                    syscalls.entry(d.name.name).or_insert(s);
                }
                _ => {
                    decls.entry(d.name.name).or_insert(d);
                }
            }
        }
        Resolver {
            scope,
            decls,
            syscalls,
        }
    }

    /// Lowers a doc, resolving each reference or reporting it.
    pub(super) fn doc(&self, d: &ast::Doc, diags: &mut Vec<Diagnostic>) -> Doc {
        let text = joined(&d.lines);
        let mut links: Vec<DocLink> = d.refs.iter().filter_map(|r| self.link(r, diags)).collect();
        // The parser finds references in order; keep `Doc::segments`'s promise regardless.
        links.sort_by_key(|l| l.text_range.start);
        let mut end = 0;
        links.retain(|l| {
            let fits = l.text_range.start >= end && text.get(l.text_range.clone()).is_some();
            if fits {
                end = l.text_range.end;
            }
            fits
        });
        Doc {
            text,
            span: d.span,
            links,
        }
    }

    fn link(&self, r: &ast::DocRef, diags: &mut Vec<Diagnostic>) -> Option<DocLink> {
        match self.resolve(r.path) {
            Ok(target) => Some(DocLink {
                path: r.path.to_string(),
                span: r.span,
                text_range: r.text_range.clone(),
                target,
            }),
            Err(why) => {
                diags.push(
                    Diagnostic::error(r.span, format!("unresolved doc reference `[{}]`", r.path))
                        .with_label(why)
                        .with_note("a reference is `[type]`, `[type.value]`, `[struct.member]`, `[struct.arm.member]`, `[syscall]` or `[syscall.param]`"),
                );
                None
            }
        }
    }

    /// Resolves a dotted path, or says which step failed.
    pub(super) fn resolve(&self, path: &str) -> Result<Target, String> {
        let steps: Vec<&str> = path.split('.').collect();
        let (first, rest) = (steps[0], &steps[1..]);
        if let Some(decl) = self.decls.get(first) {
            return self.in_type(decl, rest);
        }
        if let Some(s) = self.syscalls.get(first) {
            let id = self.scope.syscalls[first];
            let pos = |ms: &[ast::MemberDecl], name: &str| {
                ms.iter().position(|m| member_name(m) == Some(name))
            };
            return match rest {
                [] => Ok(Target::Syscall(id)),
                [p] => pos(&s.inputs, p)
                    .map(|i| Target::Param(id, Direction::In, i))
                    .or_else(|| pos(&s.outputs, p).map(|i| Target::Param(id, Direction::Out, i)))
                    .ok_or_else(|| format!("syscall `{first}` has no parameter `{p}`")),
                _ => Err(format!("`{path}` goes deeper than a syscall parameter")),
            };
        }
        Err(format!("no type or syscall is named `{first}`"))
    }

    fn in_type(&self, decl: &ast::Decl, rest: &[&str]) -> Result<Target, String> {
        let id = self.scope.types[&decl.name.name];
        let name = &decl.name.name;
        let Some((&step, deeper)) = rest.split_first() else {
            return Ok(Target::Type(id));
        };
        let members = match &decl.kind {
            ast::DeclKind::IntLike(int) => {
                let value = int
                    .values
                    .iter()
                    .position(|v| v.name.name == step)
                    .ok_or_else(|| format!("`{name}` has no value `{step}`"))?;
                return if deeper.is_empty() {
                    Ok(Target::Value(id, value))
                } else {
                    Err(format!("`{name}.{step}` is a value; it has nothing inside"))
                };
            }
            ast::DeclKind::Struct(members) => members,
            ast::DeclKind::Function(f) => &f.params,
            ast::DeclKind::Syscall(_) => unreachable!("syscalls are not in `decls`"),
        };
        let (first, arms) = find(members, rest)
            .ok_or_else(|| format!("`{name}` has no member `{}`", rest.join(".")))?;
        Ok(Target::Member(MemberPath {
            owner: id,
            first,
            arms,
        }))
    }
}

fn member_name<'a>(m: &ast::MemberDecl<'a>) -> Option<&'a str> {
    match &m.kind {
        ast::MemberDeclKind::Simple { name, .. } | ast::MemberDeclKind::Range { name, .. } => {
            Some(name.name)
        }
        ast::MemberDeclKind::Variant { .. } => None,
    }
}

/// Finds the member `steps` names: its top-level index and the (arm, member) steps taken
/// through variants on the way.
fn find(members: &[ast::MemberDecl], steps: &[&str]) -> Option<(usize, Vec<(usize, usize)>)> {
    let (&step, deeper) = steps.split_first()?;
    for (i, m) in members.iter().enumerate() {
        if member_name(m) == Some(step) && deeper.is_empty() {
            return Some((i, Vec::new()));
        }
        let ast::MemberDeclKind::Variant { arms, .. } = &m.kind else {
            continue;
        };
        for (a, arm) in arms.iter().enumerate() {
            let inner = match &arm.name {
                Some(n) if n.name == step => deeper,
                Some(_) => continue,
                None => steps,
            };
            if let Some((j, more)) = find(&arm.members, inner) {
                let mut route = vec![(a, j)];
                route.extend(more);
                return Some((i, route));
            }
        }
    }
    None
}

/// The doc text: its lines joined, each ending in a newline.
fn joined(lines: &[&str]) -> String {
    let mut text = String::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    text
}
