//! Pieces every C-family file shares: header guards, `extern "C"`, doc comments with spec
//! references turned into C names, and column alignment.

use crate::ir::{Doc, Ir, MemberKind, MemberPath, Target, ValRef};
use crate::naming::c::{self, CNaming};
use std::fmt::Write as _;

/// The indentation of one nesting level.
pub(super) const INDENT: &str = "\t";

/// Banner, then `#ifndef GUARD`/`#define GUARD`.
pub(super) fn open_header(ir: &Ir, guard: &str) -> String {
    format!(
        "{}\n#ifndef {guard}\n#define {guard}\n\n",
        crate::backend::banner(ir, "// ")
    )
}

/// The end of a header opened with [`open_header`].
pub(super) fn close_header(out: &mut String, guard: &str) {
    let _ = writeln!(out, "#endif /* {guard} */");
}

pub(super) fn open_extern_c(out: &mut String) {
    out.push_str("#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n");
}

pub(super) fn close_extern_c(out: &mut String) {
    out.push_str("#ifdef __cplusplus\n}\n#endif\n\n");
}

/// Syscalls return `cloudabi_errno_t`, which only a spec declaring `errno` defines: say so
/// at compile time rather than through an unknown type name.
pub(super) fn require_errno(out: &mut String, ir: &Ir) {
    if !ir.syscalls.is_empty() && ir.find_type("errno").is_none() {
        out.push_str(
            "#error \"the spec declares syscalls but no errno type for them to return\"\n\n",
        );
    }
}

/// Writes `text` as a `/** ... */` comment: on one line when it is one short line, else as a
/// block. Nothing for empty text.
pub(super) fn doc_comment(out: &mut String, indent: &str, text: &str) {
    let escaped;
    let text = match escape_comment(text.trim_end()) {
        Some(e) => {
            escaped = e;
            escaped.as_str()
        }
        None => text.trim_end(),
    };
    if text.trim().is_empty() {
        return;
    }
    let single = !text.contains('\n') && indent.len() * 8 + text.len() + 7 <= 96;
    if single {
        push_all(out, &[indent, "/** ", text, " */\n"]);
        return;
    }
    push_all(out, &[indent, "/**\n"]);
    for line in text.lines() {
        if line.is_empty() {
            push_all(out, &[indent, " *\n"]);
        } else {
            push_all(out, &[indent, " * ", line, "\n"]);
        }
    }
    push_all(out, &[indent, " */\n"]);
}

/// Appends the pieces in turn.
fn push_all(out: &mut String, pieces: &[&str]) {
    pieces.iter().for_each(|p| out.push_str(p));
}

/// Doc text kept from ending the comment early or opening a nested one (`-Wcomment`);
/// `None` when it needs no change (nearly always, so no copy is made).
fn escape_comment(text: &str) -> Option<String> {
    if !text.contains("*/") && !text.contains("/*") {
        return None;
    }
    Some(text.replace("*/", "* /").replace("/*", "/ *"))
}

/// A doc's Markdown with each `[path]` replaced by the C name of what it refers to.
pub(super) fn doc_text(ir: &Ir, naming: &CNaming, doc: &Doc) -> String {
    doc.render(|out, link| out.push_str(&target_name(ir, naming, &link.target)))
}

/// How C code spells what a doc reference names.
pub(super) fn target_name(ir: &Ir, naming: &CNaming, target: &Target) -> String {
    match target {
        Target::Type(id) => naming.type_name(ir, *id),
        Target::Value(id, i) => c::value_name(ir, *id, *i).unwrap_or_default(),
        Target::Member(path) => member_path_name(ir, naming, path),
        Target::Syscall(id) => format!("{}()", naming.syscall_name(ir.syscall(*id))),
        Target::Param(id, direction, i) => {
            c::ident(ir.param_name(*id, *direction, *i)).into_owned()
        }
    }
}

/// `cloudabi_subscription_t::clock.timeout`: the type, then the C member designator.
fn member_path_name(ir: &Ir, naming: &CNaming, path: &MemberPath) -> String {
    let owner = naming.type_name(ir, path.owner);
    let parts: Vec<String> = ir
        .member_names(path)
        .into_iter()
        .map(|n| c::ident(n).into_owned())
        .collect();
    if parts.is_empty() {
        return owner;
    }
    format!("{owner}::{}", parts.join("."))
}

/// The doc of a member followed by the values it is documented to take.
pub(super) fn member_doc(ir: &Ir, naming: &CNaming, doc: &Doc, valrefs: &[ValRef]) -> String {
    let mut text = doc_text(ir, naming, doc);
    if !valrefs.is_empty() && !text.is_empty() {
        text.push('\n');
    }
    for v in valrefs {
        let name = c::value_name(ir, v.ty, v.value).unwrap_or_default();
        let body = doc_text(ir, naming, &v.doc);
        push_all(&mut text, &["- ", &name]);
        for (i, line) in body.lines().enumerate() {
            let lead = if i == 0 { ": " } else { "\n  " };
            push_all(&mut text, &[lead, line]);
        }
        text.push('\n');
    }
    text
}

/// How a parameter doc names a member: `fd`, or `buf, buf_len` for a range.
pub(super) fn param_names(m: &crate::ir::Member) -> String {
    match &m.kind {
        MemberKind::Range { .. } => format!("{}, {}", c::ident(m.name()), m.len_name()),
        _ => c::ident(m.name()).into_owned(),
    }
}

/// One documented parameter: its Doxygen tag (`@param`, `@param[out]`), the names it
/// stands for, and its doc.
pub(super) struct ParamDoc<'a> {
    pub tag: &'static str,
    pub names: String,
    pub doc: &'a Doc,
    pub valrefs: &'a [ValRef],
}

/// A function's doc followed by one `@param` entry per parameter and an `@return`.
pub(super) fn function_doc(
    ir: &Ir,
    naming: &CNaming,
    doc: &Doc,
    params: &[ParamDoc],
    returns: Option<&Doc>,
) -> String {
    let mut text = doc_text(ir, naming, doc);
    let mut entries = Vec::new();
    for p in params {
        let body = member_doc(ir, naming, p.doc, p.valrefs);
        entries.push((format!("{} {}", p.tag, p.names), body));
    }
    if let Some(ret) = returns {
        entries.push(("@return".to_string(), doc_text(ir, naming, ret)));
    }
    if !entries.is_empty() && !text.is_empty() {
        text.push('\n');
    }
    for (head, body) in entries {
        text.push_str(&head);
        text.push('\n');
        for line in body.lines() {
            if line.is_empty() {
                text.push('\n');
            } else {
                push_all(&mut text, &["    ", line, "\n"]);
            }
        }
    }
    text
}

/// Lines `left<pad>right`, each `left` padded to the longest plus one space.
pub(super) fn aligned(rows: &[(String, String)]) -> Vec<String> {
    let width = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(l, r)| {
            let mut line = String::with_capacity(width + 1 + r.len());
            line.push_str(l);
            push_spaces(&mut line, width.saturating_sub(l.chars().count()) + 1);
            line.push_str(r);
            line.truncate(line.trim_end().len());
            line
        })
        .collect()
}

/// Appends `n` spaces: the padding `format!("{text:width$}")` would add, without going
/// through the formatting machinery once per line (every value and member is aligned).
pub(super) fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

/// Lines ending in a backslash aligned one column past the longest line: the body of a
/// multi-line macro.
pub(super) fn continued(lines: &[String]) -> String {
    let width = lines.iter().map(|l| tab_width(l)).max().unwrap_or(0);
    let mut out = String::with_capacity(lines.len() * (width + 3));
    for (i, line) in lines.iter().enumerate() {
        if i + 1 == lines.len() {
            out.push_str(line);
            out.push('\n');
        } else {
            let pad = width - tab_width(line);
            let _ = writeln!(out, "{line}{:pad$} \\", "");
        }
    }
    out
}

/// Display width of a line whose leading tabs count as eight columns.
fn tab_width(line: &str) -> usize {
    let tabs = line.chars().take_while(|&c| c == '\t').count();
    tabs * 8 + line.len() - tabs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeKind;

    #[test]
    fn comments_are_escaped_and_shaped() {
        let mut out = String::new();
        doc_comment(&mut out, "", "Reads */ and /* stuff.\n");
        assert_eq!(out, "/** Reads * / and / * stuff. */\n");
        let mut out = String::new();
        doc_comment(&mut out, "\t", "One.\n\nTwo.\n");
        assert_eq!(out, "\t/**\n\t * One.\n\t *\n\t * Two.\n\t */\n");
        let mut out = String::new();
        doc_comment(&mut out, "", "");
        assert_eq!(out, "");
    }

    #[test]
    fn links_become_c_names() {
        let ir = crate::default_ir().unwrap();
        let naming = CNaming::NATIVE;
        let auxv = &ir.ty(ir.find_type("auxv").unwrap()).doc;
        assert!(doc_text(&ir, &naming, auxv).contains("CLOUDABI_AT_NULL"));
        let fdstat = ir.ty(ir.find_type("fdstat").unwrap());
        let TypeKind::Struct(s) = &fdstat.kind else {
            panic!("fdstat is a struct")
        };
        let text = doc_text(&ir, &naming, &s.members[3].doc);
        assert!(text.contains("cloudabi_sys_file_open()"), "{text}");
    }

    #[test]
    fn continuation_lines_line_up() {
        let lines = vec![
            "#define X".to_string(),
            "\tA(a)".to_string(),
            "\tB(b)".to_string(),
        ];
        assert_eq!(continued(&lines), "#define X    \\\n\tA(a) \\\n\tB(b)\n");
    }
}
