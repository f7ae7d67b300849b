//! `src/layout_tests.rs` of the generated crate: one test per struct, arm struct and union
//! checking size, alignment and every field offset against the spec's layout, per pointer
//! width where the layout depends on it.

use super::layout::{self, Field};
use super::writer::RustWriter;
use crate::ir::{Ir, Layout, Machine, Member, MemberKind, Pair, TypeKind};
use crate::naming::rust as naming;

/// A generated struct or union and the offsets of its fields (`buf.0`, `union`, ...).
struct Aggregate {
    name: String,
    layout: Layout,
    fields: Vec<(String, Pair<u64>)>,
}

const HEAD: &str = r#"//! Layout tests: every struct and union against the spec's size, alignment and
//! field offsets.

use super::*;
use core::mem::{align_of, size_of, MaybeUninit};

/// Byte offset of a (possibly nested) field, without creating a value.
macro_rules! offset_of {
    ($ty:ty, $($field:tt)+) => {{
        let value = MaybeUninit::<$ty>::uninit();
        let base = value.as_ptr();
        #[allow(unused_unsafe)]
        // SAFETY: only the field's address is taken, from a pointer to a value's storage;
        // nothing is read.
        let field = unsafe { core::ptr::addr_of!((*base).$($field)+) };
        field as usize - base as usize
    }};
}
"#;

pub(super) fn file(ir: &Ir) -> String {
    let mut aggregates = Vec::new();
    for id in ir.type_ids() {
        let def = ir.ty(id);
        if let (TypeKind::Struct(s), Some(layout)) = (&def.kind, def.layout) {
            collect(
                ir,
                &naming::type_name(ir, id),
                &s.members,
                layout,
                &mut aggregates,
            );
        }
    }
    let mut w = RustWriter::with_capacity(256 * aggregates.len() + 1024);
    w.raw(&crate::backend::banner(ir, "// "));
    w.blank();
    w.raw(HEAD);
    for agg in &aggregates {
        tests_for(&mut w, agg);
    }
    w.finish()
}

fn collect(ir: &Ir, name: &str, members: &[Member], layout: Layout, out: &mut Vec<Aggregate>) {
    let plan = layout::plan(ir, members, layout);
    let mut fields = Vec::new();
    let mut ordinal = 0;
    let mut nested = Vec::new();
    for field in &plan.fields {
        let Field::Member(member) = field else {
            continue;
        };
        match &member.kind {
            MemberKind::Simple { .. } => {
                fields.push((naming::field_name(member.name()), member.offset));
            }
            MemberKind::Range { len_offset, .. } => {
                let f = naming::field_name(member.name());
                fields.push((format!("{f}.0"), member.offset));
                fields.push((format!("{f}.1"), *len_offset));
            }
            MemberKind::Variant(variant) => {
                let union_name = naming::union_type(name, ordinal);
                fields.push((naming::variant_field(ordinal), member.offset));
                ordinal += 1;
                let mut union_fields = Vec::new();
                for (index, arm) in variant.arms.iter().enumerate() {
                    match (&arm.name, arm.members.as_slice()) {
                        (Some(arm_name), _) => {
                            union_fields.push((naming::field_name(&arm_name.name), Pair::same(0)));
                            let arm_struct = naming::arm_type(name, &arm_name.name);
                            nested.push((arm_struct, arm.members.as_slice(), arm.layout));
                        }
                        (None, [member]) if member.offset == Pair::same(0) => {
                            union_fields.push((naming::field_name(member.name()), Pair::same(0)));
                        }
                        (None, members) => {
                            union_fields.push((format!("arm{index}"), Pair::same(0)));
                            nested.push((format!("{name}_arm{index}"), members, arm.layout));
                        }
                    }
                }
                out.push(Aggregate {
                    name: union_name,
                    layout: member.layout,
                    fields: union_fields,
                });
            }
        }
    }
    out.push(Aggregate {
        name: name.to_string(),
        layout,
        fields,
    });
    for (arm_name, members, arm_layout) in nested {
        collect(ir, &arm_name, members, arm_layout, out);
    }
}

fn tests_for(w: &mut RustWriter, agg: &Aggregate) {
    let depends = agg.layout.size.differs()
        || agg.layout.align.differs()
        || agg.fields.iter().any(|(_, o)| o.differs());
    if !depends {
        return test(w, agg, Machine::Bits64, None);
    }
    test(w, agg, Machine::Bits32, Some("32"));
    test(w, agg, Machine::Bits64, Some("64"));
}

fn test(w: &mut RustWriter, agg: &Aggregate, machine: Machine, width: Option<&str>) {
    let ty = naming::ident_name(&agg.name);
    w.blank();
    w.line("#[test]");
    if let Some(width) = width {
        w.line_fmt(format_args!("#[cfg(target_pointer_width = \"{width}\")]"));
    }
    match width {
        Some(width) => w.open_fmt(format_args!("fn layout_{}_{width}() {{", agg.name)),
        None => w.open_fmt(format_args!("fn layout_{}() {{", agg.name)),
    }
    let size = agg.layout.size.get(machine).to_string();
    let align = agg.layout.align.get(machine).to_string();
    w.call("assert_eq!", &[format!("size_of::<{ty}>()"), size], ";");
    w.call("assert_eq!", &[format!("align_of::<{ty}>()"), align], ";");
    for (field, offset) in &agg.fields {
        let offset = offset.get(machine).to_string();
        w.call(
            "assert_eq!",
            &[format!("offset_of!({ty}, {field})"), offset],
            ";",
        );
    }
    w.close("}");
}
