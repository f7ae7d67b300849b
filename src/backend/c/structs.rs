//! Struct definitions and the static asserts that pin their layout.

use super::types::{valrefs_of, Flavour};
use super::writer::{self, INDENT};
use crate::ir::{Arm, IntType, Ir, Member, MemberKind, Pair, Type, TypeId, Variant};
use crate::naming::c::{self as naming, ident, CNaming};
use std::fmt::Write as _;

/// `typedef struct { ... } NAME;` followed by its asserts.
pub(super) fn definition(
    out: &mut String,
    ir: &Ir,
    id: TypeId,
    members: &[Member],
    flavour: Flavour,
    naming: &CNaming,
) {
    let body = Body {
        ir,
        flavour,
        naming,
    };
    let name = naming.type_name(ir, id);
    writer::doc_comment(out, "", &writer::doc_text(ir, naming, &ir.ty(id).doc));
    out.push_str("typedef struct {\n");
    body.members(out, members, 1);
    let _ = writeln!(out, "}} {name};");
    offsets(members, Pair::same(0), "", &mut |path, offset| {
        flavour.write_asserts(out, format_args!("offsetof({name}, {path})"), offset);
    });
    if let Some(layout) = ir.ty(id).layout {
        flavour.write_asserts(out, format_args!("sizeof({name})"), layout.size);
        flavour.write_asserts(out, format_args!("_Alignof({name})"), layout.align);
    }
}

/// Calls `f` with the C member designator and offset of every field, variant arms
/// included: `userdata`, `fd_readwrite.nbytes`, `a_val`.
pub(super) fn offsets(
    members: &[Member],
    base: Pair<u64>,
    prefix: &str,
    f: &mut dyn FnMut(&str, Pair<u64>),
) {
    let at = |offset: Pair<u64>| Pair::new(base.m32 + offset.m32, base.m64 + offset.m64);
    for m in members {
        match &m.kind {
            MemberKind::Simple { .. } if is_empty(&m.layout) => {}
            MemberKind::Simple { .. } => f(&format!("{prefix}{}", ident(m.name())), at(m.offset)),
            MemberKind::Range { len_offset, .. } => {
                f(&format!("{prefix}{}", ident(m.name())), at(m.offset));
                f(&format!("{prefix}{}", m.len_name()), at(*len_offset));
            }
            MemberKind::Variant(v) => {
                for arm in &v.arms {
                    let inner = match &arm.name {
                        Some(n) => format!("{prefix}{}.", ident(&n.name)),
                        None => prefix.to_string(),
                    };
                    offsets(&arm.members, at(m.offset), &inner, f);
                }
            }
        }
    }
}

/// A member of size zero (an `array 0`), which C cannot declare.
pub(super) fn is_empty(layout: &crate::ir::Layout) -> bool {
    layout.size == Pair::same(0)
}

struct Body<'a> {
    ir: &'a Ir,
    flavour: Flavour,
    naming: &'a CNaming,
}

impl Body<'_> {
    fn members(&self, out: &mut String, members: &[Member], depth: usize) {
        for m in members {
            self.member(out, m, members, depth, "");
        }
    }

    /// One member of `siblings`; `note` is extra doc text (which tag values select an
    /// anonymous arm).
    fn member(&self, out: &mut String, m: &Member, siblings: &[Member], depth: usize, note: &str) {
        let indent = INDENT.repeat(depth);
        let mut doc = writer::member_doc(self.ir, self.naming, &m.doc, valrefs_of(&m.kind));
        if !note.is_empty() {
            if !doc.is_empty() {
                doc.push('\n');
            }
            doc.push_str(note);
        }
        writer::doc_comment(out, &indent, &doc);
        match &m.kind {
            MemberKind::Simple { ty, .. } => {
                self.field(out, &indent, ty, &ident(m.name()), &m.layout)
            }
            MemberKind::Range {
                pointer,
                len_layout,
                ..
            } => {
                self.field(out, &indent, pointer, &ident(m.name()), &m.layout);
                let len = m.len_name();
                self.field(out, &indent, &Type::Int(IntType::Size), &len, len_layout);
            }
            MemberKind::Variant(v) => self.variant(out, v, siblings, depth),
        }
    }

    fn field(
        &self,
        out: &mut String,
        indent: &str,
        ty: &Type,
        name: &str,
        layout: &crate::ir::Layout,
    ) {
        let alignas = self.flavour.alignas(layout);
        let decl = self.naming.declarator(self.ir, ty, name);
        if is_empty(layout) {
            // ISO C has no zero-length arrays; the member takes no space, so leave it out.
            let _ = writeln!(out, "{indent}/* {decl}; (takes no space) */");
            return;
        }
        // A kernel header spells pointers as integers; say what they point at. (Only a
        // fixed-width naming spells anything differently from the native one.)
        let pointee = CNaming {
            fixed_width: None,
            ..*self.naming
        };
        let native = match self.naming.fixed_width {
            Some(_) => pointee.type_spelling(self.ir, ty),
            None => String::new(),
        };
        if self.naming.fixed_width.is_none() || native == self.naming.type_spelling(self.ir, ty) {
            let _ = writeln!(out, "{indent}{alignas}{decl};");
        } else {
            let _ = writeln!(out, "{indent}{alignas}{decl}; /* {native} */");
        }
    }

    /// An anonymous union: a named arm is a struct member of it, an anonymous arm's
    /// members sit in the union directly.
    fn variant(&self, out: &mut String, v: &Variant, siblings: &[Member], depth: usize) {
        let indent = INDENT.repeat(depth);
        let _ = writeln!(out, "{indent}union {{");
        for arm in &v.arms {
            let note = self.selected_by(v, arm, siblings);
            match &arm.name {
                Some(name) => {
                    let inner = INDENT.repeat(depth + 1);
                    writer::doc_comment(out, &inner, &note);
                    let _ = writeln!(out, "{inner}struct {{");
                    self.members(out, &arm.members, depth + 2);
                    let _ = writeln!(out, "{inner}}} {};", ident(&name.name));
                }
                None => {
                    for m in &arm.members {
                        self.member(out, m, &arm.members, depth + 1, &note);
                    }
                }
            }
        }
        let _ = writeln!(out, "{indent}}};");
    }

    /// `Used when type is CLOUDABI_EVENTTYPE_CLOCK.`, or a list for several values.
    fn selected_by(&self, v: &Variant, arm: &Arm, siblings: &[Member]) -> String {
        let tag = siblings.get(v.tag).map_or("", Member::name);
        let values: Vec<String> = arm
            .tag_values
            .iter()
            .filter_map(|(i, _)| naming::value_name(self.ir, v.tag_type, *i))
            .collect();
        match values.as_slice() {
            [one] => format!("Used when {tag} is {one}.\n"),
            _ => {
                let mut text = format!("Used when {tag} is one of:\n");
                for value in values {
                    let _ = writeln!(text, "- {value}");
                }
                text
            }
        }
    }
}
