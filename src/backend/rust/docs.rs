//! Spec docs as rustdoc: Markdown text with each `[path]` turned into an intra-doc link.

use crate::ir::{Doc, Ir, Member, MemberKind, Syscall};
use crate::naming::rust as naming;

/// Where a doc is placed: at the crate root, links are written `` [`errno::BADF`] ``
/// (rustdoc rejects an explicit target equal to what the label resolves to); in the
/// `host` modules, where the crate's items are not in scope, `` [`errno::BADF`](crate::errno::BADF) ``.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Scope {
    Root,
    Nested,
}

/// A link to `path` (relative to the crate root) as written in `scope`.
pub(super) fn link(path: &str, scope: Scope) -> String {
    let mut out = String::new();
    push_link(&mut out, path, scope);
    out
}

/// Appends [`link`]`(path, scope)`: links are written straight into a doc's text.
fn push_link(out: &mut String, path: &str, scope: Scope) {
    out.push_str("[`");
    if scope == Scope::Root && !path.contains('#') {
        out.push_str(path);
        out.push_str("`]");
    } else {
        out.push_str(&shown(path));
        out.push_str("`](crate::");
        out.push_str(path);
        out.push(')');
    }
}

/// A doc's Markdown with every resolved `[path]` replaced by an intra-doc link.
pub(super) fn markdown(ir: &Ir, doc: &Doc, scope: Scope) -> String {
    doc.render(|out, l| {
        let path = naming::doc_link_path(ir, &l.target);
        push_link(out, path.trim_start_matches("crate::"), scope);
    })
}

/// A doc's text at the crate root, for [`RustWriter::doc_text`](super::RustWriter::doc_text).
pub(super) fn text(ir: &Ir, doc: &Doc) -> String {
    markdown(ir, doc, Scope::Root)
}

/// How a link path reads in the text: `event::type` for `event#structfield.type`.
pub(super) fn shown(path: &str) -> String {
    path.replace("#structfield.", "::")
}

/// The lines of a doc, links resolved, without trailing blank lines.
pub(super) fn lines(ir: &Ir, doc: &Doc) -> Vec<String> {
    lines_in(ir, doc, Scope::Root)
}

/// [`lines`] for a doc placed in `scope`.
pub(super) fn lines_in(ir: &Ir, doc: &Doc, scope: Scope) -> Vec<String> {
    let text = markdown(ir, doc, scope);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// The crate's own doc: a note that it is generated, then the spec's root doc.
pub(super) fn crate_doc(ir: &Ir) -> Vec<String> {
    let mut lines = vec![
        "Rust bindings for CloudABI: every type, constant and system call of the ABI.".to_string(),
        String::new(),
        format!(
            "This crate is generated from `{}` by cloudabi-gen.",
            ir.spec_name()
        ),
        "With the `host` feature it also contains the `host` module, the interface an emulator"
            .to_string(),
        "implements to serve these system calls.".to_string(),
        String::new(),
    ];
    lines.extend(self::lines(ir, &ir.doc));
    lines
}

/// A syscall's doc followed by its parameters and outputs, each with its own doc and the
/// values it may take.
pub(super) fn syscall(
    ir: &Ir,
    call: &Syscall,
    param_name: fn(&str) -> String,
    scope: Scope,
) -> Vec<String> {
    let mut out = lines_in(ir, &call.doc, scope);
    let sections = [("Parameters", &call.inputs), ("Outputs", &call.outputs)];
    for (title, members) in sections {
        if members.is_empty() {
            continue;
        }
        out.extend([String::new(), format!("# {title}"), String::new()]);
        for member in members {
            out.extend(member_item(ir, member, param_name, scope));
        }
    }
    out
}

fn member_item(
    ir: &Ir,
    member: &Member,
    param_name: fn(&str) -> String,
    scope: Scope,
) -> Vec<String> {
    let mut body = lines_in(ir, &member.doc, scope);
    if let MemberKind::Simple { valrefs, .. } = &member.kind {
        if !valrefs.is_empty() {
            body.push(String::new());
            body.push("Possible values:".to_string());
            body.push(String::new());
            for v in valrefs {
                let path = link(&naming::value_path(ir, v.ty, v.value), scope);
                let mut first = true;
                let doc = lines_in(ir, &v.doc, scope);
                let text = if doc.is_empty() {
                    vec![format!("- {path}")]
                } else {
                    doc.iter()
                        .map(|l| {
                            if std::mem::take(&mut first) {
                                format!("- {path}: {l}")
                            } else {
                                format!("  {l}")
                            }
                        })
                        .collect()
                };
                body.extend(text);
            }
        }
    }
    let name = param_name(member.name());
    let mut out = Vec::new();
    let mut iter = body.into_iter();
    match iter.next() {
        Some(first) => out.push(format!("- `{name}`: {first}")),
        None => out.push(format!("- `{name}`")),
    }
    out.extend(iter.map(|l| if l.is_empty() { l } else { format!("  {l}") }));
    out
}
