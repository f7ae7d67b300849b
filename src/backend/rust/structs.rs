//! Structs: `#[repr(C)]` with public fields, ranges as `(pointer, usize)` tuples, and each
//! variant as a field named `union` of a `repr(C)` Rust union whose named arms are structs
//! of their own (`subscription_clock`). See [`super::layout`] for padding and alignment.

use super::docs;
use super::layout::{self, Field};
use super::writer::RustWriter;
use crate::ir::{Arm, Ir, Layout, Member, MemberKind, Pair, TypeKind, Variant};
use crate::naming::rust as naming;

pub(super) fn write_all(w: &mut RustWriter, ir: &Ir) {
    for id in ir.type_ids() {
        let def = ir.ty(id);
        let (TypeKind::Struct(s), Some(layout)) = (&def.kind, def.layout) else {
            continue;
        };
        let doc = docs::lines(ir, &def.doc);
        one(w, ir, &naming::type_name(ir, id), &doc, &s.members, layout);
    }
}

/// A struct and, after it, the unions and arm structs of its variants.
fn one(
    w: &mut RustWriter,
    ir: &Ir,
    name: &str,
    doc: &[String],
    members: &[Member],
    layout: Layout,
) {
    let plan = layout::plan(ir, members, layout);
    w.doc(doc);
    repr(w, plan.align);
    w.line("#[derive(Copy, Clone)]");
    w.open_fmt(format_args!("pub struct {} {{", naming::ident_name(name)));
    let mut ordinal = 0;
    let mut variants = Vec::new();
    for field in &plan.fields {
        match field {
            Field::Pad { index, size } => pad(w, *index, *size),
            Field::Member(m) => {
                if let Some(variant) = member_field(w, ir, name, members, m, ordinal) {
                    variants.push((ordinal, variant));
                    ordinal += 1;
                }
            }
        }
    }
    w.close("}");
    w.blank();
    for (ordinal, (variant, tag_path)) in variants {
        let union_name = naming::union_type(name, ordinal);
        union(w, ir, name, &union_name, &tag_path, variant);
    }
}

/// `#[repr(C)]`, with `align(N)` when the spec's alignment must be forced (per pointer
/// width when the machines differ).
pub(super) fn repr(w: &mut RustWriter, align: Option<Pair<u64>>) {
    match align {
        None => w.line("#[repr(C)]"),
        Some(align) if !align.differs() => {
            w.line_fmt(format_args!("#[repr(C, align({}))]", align.m32));
        }
        Some(align) => {
            w.line("#[repr(C)]");
            w.line_fmt(format_args!(
                "#[cfg_attr(target_pointer_width = \"32\", repr(align({})))]",
                align.m32
            ));
            w.line_fmt(format_args!(
                "#[cfg_attr(target_pointer_width = \"64\", repr(align({})))]",
                align.m64
            ));
        }
    }
}

pub(super) fn pad_name(index: usize) -> String {
    format!("_pad{index}")
}

const PAD_DOC: [&str; 2] = [
    "Padding that C places implicitly: spelled out so that the layout is the spec's",
    "also where 64-bit integers are only 4-aligned (i686). Set it to zero.",
];

fn pad(w: &mut RustWriter, index: usize, size: Pair<u64>) {
    let name = pad_name(index);
    if !size.differs() {
        w.doc(&PAD_DOC);
        w.line_fmt(format_args!("pub {name}: [u8; {}],", size.m32));
        return;
    }
    for (width, n) in [("32", size.m32), ("64", size.m64)] {
        w.doc(&PAD_DOC);
        w.line_fmt(format_args!("#[cfg(target_pointer_width = \"{width}\")]"));
        w.line_fmt(format_args!("pub {name}: [u8; {n}],"));
    }
}

/// A member's field; for a variant, also returns it and the link to its tag, for the
/// union written after the struct.
fn member_field<'a>(
    w: &mut RustWriter,
    ir: &Ir,
    container: &str,
    members: &[Member],
    member: &'a Member,
    ordinal: usize,
) -> Option<(&'a Variant, String)> {
    match &member.kind {
        MemberKind::Simple { ty, .. } => {
            w.doc_text(&docs::text(ir, &member.doc));
            w.line_fmt(format_args!(
                "pub {}: {},",
                naming::field_name(member.name()),
                naming::type_expr(ir, ty)
            ));
            None
        }
        MemberKind::Range { pointer, .. } => {
            w.doc_text(&docs::text(ir, &member.doc));
            w.line_fmt(format_args!(
                "pub {}: ({}, usize),",
                naming::field_name(member.name()),
                naming::type_expr(ir, pointer)
            ));
            None
        }
        MemberKind::Variant(variant) => {
            let tag = members.get(variant.tag).map_or("", |m| m.name());
            let tag_path = naming::field_link(container, &naming::field_name(tag));
            w.doc(&[format!(
                "The data that goes with {}: read the arm that it selects.",
                docs::link(&tag_path, docs::Scope::Root)
            )]);
            w.line_fmt(format_args!(
                "pub {}: {},",
                naming::variant_field(ordinal),
                naming::ident_name(&naming::union_type(container, ordinal))
            ));
            Some((variant, tag_path))
        }
    }
}

fn union(
    w: &mut RustWriter,
    ir: &Ir,
    container: &str,
    name: &str,
    tag_path: &str,
    variant: &Variant,
) {
    w.doc(&["The arms of a variant: which one holds data depends on the tag."]);
    repr(w, layout::union_align(ir, &variant.arms));
    w.line("#[derive(Copy, Clone)]");
    w.open_fmt(format_args!("pub union {} {{", naming::ident_name(name)));
    let mut nested = Vec::new();
    for (index, arm) in variant.arms.iter().enumerate() {
        let when = arm_condition(ir, variant, arm, tag_path);
        match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => {
                let struct_name = naming::arm_type(container, &arm_name.name);
                w.doc(std::slice::from_ref(&when));
                w.line_fmt(format_args!(
                    "pub {}: {},",
                    naming::field_name(&arm_name.name),
                    naming::ident_name(&struct_name)
                ));
                let sdoc = vec![format!("An arm of [`{name}`]. {when}")];
                nested.push((struct_name, sdoc, arm));
            }
            (None, [member]) if member.offset == Pair::same(0) => {
                let mut lines = docs::lines(ir, &member.doc);
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                lines.push(when);
                w.doc(&lines);
                let ty = match &member.kind {
                    MemberKind::Simple { ty, .. } => naming::type_expr(ir, ty),
                    MemberKind::Range { pointer, .. } => {
                        format!("({}, usize)", naming::type_expr(ir, pointer))
                    }
                    MemberKind::Variant(_) => "()".to_string(),
                };
                w.line_fmt(format_args!(
                    "pub {}: {ty},",
                    naming::field_name(member.name())
                ));
            }
            (None, _) => {
                // Several members without a name of their own: a struct named after the
                // arm's position.
                let struct_name = format!("{container}_arm{index}");
                w.doc(std::slice::from_ref(&when));
                w.line_fmt(format_args!(
                    "pub arm{index}: {},",
                    naming::ident_name(&struct_name)
                ));
                let sdoc = vec![format!("An arm of [`{name}`]. {when}")];
                nested.push((struct_name, sdoc, arm));
            }
        }
    }
    w.close("}");
    w.blank();
    for (struct_name, sdoc, arm) in nested {
        one(w, ir, &struct_name, &sdoc, &arm.members, arm.layout);
    }
}

/// "Used when [`tag`] is [`value`] or [`value`]."
fn arm_condition(ir: &Ir, variant: &Variant, arm: &Arm, tag_path: &str) -> String {
    let values: Vec<String> = arm
        .tag_values
        .iter()
        .map(|(index, _)| {
            docs::link(
                &naming::value_path(ir, variant.tag_type, *index),
                docs::Scope::Root,
            )
        })
        .collect();
    let list = match values.as_slice() {
        [] => "never set".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    format!(
        "Used when {} is {list}.",
        docs::link(tag_path, docs::Scope::Root)
    )
}
