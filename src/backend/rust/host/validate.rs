//! The generated `host/validate.rs`: decoding of enum values the guest passes, and checks
//! that a struct in guest memory holds valid Rust values (known enum values, including in
//! the variant arm its tag selects; non-null function pointers) before a reference to it
//! is handed to the implementation.
//!
//! A check is a run of `let f = addr_of!((*p).field); if INVALID { return false; }`
//! statements, one per field with invariants, with the fields of a variant arm inside
//! `if tag == VALUE { .. }`. Each statement names one field, so lines stay short however
//! deeply the field is nested.

use super::params::{has_invariants, members_have_invariants};
use crate::backend::rust::writer::{RustWriter, SigEnd, CHAIN_WIDTH};
use crate::ir::{Arm, IntLike, Ir, Member, MemberKind, Pair, Type, TypeId, TypeKind, Variant};
use crate::naming::rust::{self as naming, ItemKind};

const HEAD: &str = r#"//! Decoding of enum values and checks of structs that come from the guest.
//!
//! An enum value or a struct that holds one is only a valid Rust value when the
//! number is one of the enum's: these functions check the raw bytes first. The same
//! structs implement [`Valid`] and get one accessor per field on [`Fields`].
"#;

/// The part of the file after `HEAD` when some struct is checked.
const READER: &str = r#"
use core::ptr::addr_of;

/// The integer stored at `p`, read as its base type `T` rather than as the field's type,
/// which could be an enum that does not hold every number.
///
/// # Safety
///
/// `p` must be valid for reading a `T`.
unsafe fn bits<T, F>(p: *const F) -> T {
    // SAFETY: the caller makes `p` valid for reading a `T`.
    unsafe { (p as *const T).read() }
}

/// Structures whose validity can be checked from their raw bytes.
pub trait Valid {
    /// Whether the bytes at `p` are a valid value.
    ///
    /// # Safety
    ///
    /// `p` must be valid for reading a whole value.
    unsafe fn valid(p: *const Self) -> bool;
}

use super::Fields;
"#;

pub(crate) fn file(ir: &Ir) -> String {
    let mut w = RustWriter::with_capacity(256 * ir.types.len() + 1024);
    w.raw(&crate::backend::banner(ir, "// "));
    w.blank();
    w.raw(HEAD);
    let checked = |id: TypeId| match &ir.ty(id).kind {
        TypeKind::Struct(s) => members_have_invariants(ir, &s.members),
        _ => false,
    };
    if ir.type_ids().any(checked) {
        w.raw(READER);
    }
    for id in ir.type_ids() {
        match &ir.ty(id).kind {
            TypeKind::IntLike(int) if naming::int_item_kind(int) == ItemKind::Enum => {
                decoder(&mut w, ir, id, int)
            }
            TypeKind::Struct(s) if checked(id) => {
                validator(&mut w, ir, id, &s.members);
                accessors(&mut w, ir, id, &s.members);
            }
            _ => {}
        }
    }
    w.finish()
}

fn decoder(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    let name = naming::type_name(ir, id);
    w.blank();
    w.doc(&[format!(
        "Decodes a [`{0}`](crate::{0}) from its number; `None` for numbers it does not name.",
        ir.ty(id).name.name
    )]);
    let param = format!("raw: {}", naming::int_type(int.base));
    let ret = format!("Option<crate::{name}>");
    w.signature(&format!("pub fn {name}"), &[param], &ret, SigEnd::Body);
    w.open("match raw {");
    for (index, v) in int.values.iter().enumerate() {
        if int.values[..index].iter().any(|e| e.value == v.value) {
            continue;
        }
        w.line_fmt(format_args!(
            "{} => Some(crate::{name}::{}),",
            v.value,
            naming::value_name(int, v)
        ));
    }
    w.line("_ => None,");
    w.close("}");
    w.close("}");
}

fn validator(w: &mut RustWriter, ir: &Ir, id: TypeId, members: &[Member]) {
    let name = naming::type_name(ir, id);
    w.blank();
    w.doc(&[
        format!(
            "Whether the bytes at `p` are a valid [`{0}`](crate::{0}).",
            ir.ty(id).name.name
        ),
        String::new(),
        "# Safety".to_string(),
        String::new(),
        "`p` must be valid for reading a whole value of the type.".to_string(),
    ]);
    let param = format!("p: *const crate::{name}");
    w.signature(
        &format!("pub unsafe fn {name}"),
        &[param],
        "bool",
        SigEnd::Body,
    );
    w.open_unsafe(&[
        "`p` is valid for reading a whole value (this function's contract):",
        "each field is read at its own address, without a reference to the whole.",
    ]);
    member_checks(w, ir, members, "p");
    w.line("true");
    w.close("}");
    w.close("}");
}

/// `impl Valid` and the field accessors of `Fields<'_, T>` for a struct with invariants:
/// plain fields are read as they are, enum fields decoded into an `Option`, struct fields
/// with invariants handed out as `Fields` again. Variants and other fields with invariants
/// (function pointers, arrays) get no accessor.
fn accessors(w: &mut RustWriter, ir: &Ir, id: TypeId, members: &[Member]) {
    let name = naming::type_name(ir, id);
    w.blank();
    w.open_fmt(format_args!("impl Valid for crate::{name} {{"));
    w.open("unsafe fn valid(p: *const Self) -> bool {");
    w.unsafe_call(&["the same contract as `valid`."], &name, &["p"], "");
    w.close("}");
    w.close("}");
    w.blank();
    w.open_fmt(format_args!("impl<'a> Fields<'a, crate::{name}> {{"));
    let mut first = true;
    for member in members {
        let MemberKind::Simple { ty, .. } = &member.kind else {
            continue;
        };
        let field = naming::field_name(member.name());
        let place = format!("addr_of!((*self.as_ptr()).{field})");
        let (ret, read) = if !has_invariants(ir, ty) {
            let t = naming::qualified_type_expr(ir, ty);
            (t, format!("unsafe {{ {place}.read() }}"))
        } else {
            match ty {
                Type::Named(inner) => match &ir.ty(*inner).kind {
                    TypeKind::IntLike(_) => {
                        let decode = naming::type_name(ir, *inner);
                        (
                            format!("Option<crate::{decode}>"),
                            format!("{decode}(unsafe {{ bits({place}) }})"),
                        )
                    }
                    TypeKind::Struct(_) => {
                        let t = naming::type_name(ir, *inner);
                        (
                            format!("Fields<'a, crate::{t}>"),
                            format!("unsafe {{ Fields::new({place}) }}"),
                        )
                    }
                    TypeKind::Function(_) => continue,
                },
                _ => continue,
            }
        };
        if !first {
            w.blank();
        }
        first = false;
        w.doc(&[format!(
            "The [`{0}`](crate::{1}#structfield.{0}) field.",
            member.name(),
            ir.ty(id).name.name
        )]);
        w.open_fmt(format_args!("pub fn {field}(&self) -> {ret} {{"));
        w.line("// SAFETY: `Fields` points at a whole value, aligned and readable.");
        w.line(&read);
        w.close("}");
    }
    w.close("}");
}

/// The checks of the members of the struct or arm the pointer variable `base` points at.
fn member_checks(w: &mut RustWriter, ir: &Ir, members: &[Member], base: &str) {
    let mut ordinal = 0;
    for member in members {
        match &member.kind {
            MemberKind::Simple { ty, .. } if has_invariants(ir, ty) => {
                let field = naming::field_name(member.name());
                w.line_fmt(format_args!("let f = addr_of!((*{base}).{field});"));
                type_check(w, ir, ty, "f");
            }
            MemberKind::Simple { .. } | MemberKind::Range { .. } => {}
            MemberKind::Variant(variant) => {
                let union = naming::variant_field(ordinal);
                ordinal += 1;
                variant_check(w, ir, members, variant, base, &union);
            }
        }
    }
}

/// The checks of the arm a variant's tag selects, inside `if tag == VALUE { .. }`.
fn variant_check(
    w: &mut RustWriter,
    ir: &Ir,
    members: &[Member],
    variant: &Variant,
    base: &str,
    union: &str,
) {
    let (Some(tag_member), Some(tag_int)) =
        (members.get(variant.tag), ir.int_like(variant.tag_type))
    else {
        return;
    };
    let checked: Vec<(usize, &Arm)> = variant
        .arms
        .iter()
        .enumerate()
        .filter(|(_, arm)| members_have_invariants(ir, &arm.members))
        .collect();
    if checked.is_empty() {
        return;
    }
    w.line_fmt(format_args!(
        "let tag: {} = bits(addr_of!((*{base}).{}));",
        naming::int_type(tag_int.base),
        naming::field_name(tag_member.name())
    ));
    for (index, arm) in checked {
        let values: Vec<String> = arm
            .tag_values
            .iter()
            .filter_map(|(i, _)| tag_int.values.get(*i).map(|v| v.value.to_string()))
            .collect();
        match values.as_slice() {
            [] => continue,
            [one] => w.open_fmt(format_args!("if tag == {one} {{")),
            many => w.open_fmt(format_args!("if matches!(tag, {}) {{", many.join(" | "))),
        }
        let place = match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => format!("{union}.{}", naming::field_name(&arm_name.name)),
            (None, [one]) if one.offset == Pair::same(0) => union.to_string(),
            (None, _) => format!("{union}.arm{index}"),
        };
        w.line_fmt(format_args!("let arm = addr_of!((*{base}).{place});"));
        member_checks(w, ir, &arm.members, "arm");
        w.close("}");
    }
}

/// The checks of the value of type `ty` the pointer variable `ptr` points at; nothing when
/// every bit pattern is valid.
fn type_check(w: &mut RustWriter, ir: &Ir, ty: &Type, ptr: &str) {
    if !has_invariants(ir, ty) {
        return;
    }
    match ty {
        Type::Named(id) => {
            let check = naming::type_name(ir, *id);
            match &ir.ty(*id).kind {
                TypeKind::IntLike(_) => {
                    let call = format!("{check}(bits({ptr}))");
                    // rustfmt puts a chain longer than `chain_width` on lines of its own.
                    if call.len() + ".is_none()".len() <= CHAIN_WIDTH {
                        invalid_if(w, &format!("{call}.is_none()"));
                    } else {
                        w.line_fmt(format_args!("if {call}"));
                        w.line("    .is_none()");
                        w.open("{");
                        w.line("return false;");
                        w.close("}");
                    }
                }
                TypeKind::Struct(_) => invalid_if(w, &format!("!{check}({ptr})")),
                TypeKind::Function(_) => invalid_if(w, &null(ptr)),
            }
        }
        Type::Pointer { .. } => invalid_if(w, &null(ptr)),
        Type::Atomic(inner) => type_check(w, ir, inner, ptr),
        Type::Array { count, element } => {
            let elem = naming::qualified_type_expr(ir, element);
            w.open_fmt(format_args!("for i in 0..{count} {{"));
            w.line_fmt(format_args!("let item = ({ptr} as *const {elem}).add(i);"));
            type_check(w, ir, element, "item");
            w.close("}");
        }
        Type::Void | Type::Int(_) => {}
    }
}

/// `if invalid { return false; }`.
fn invalid_if(w: &mut RustWriter, invalid: &str) {
    w.open_fmt(format_args!("if {invalid} {{"));
    w.line("return false;");
    w.close("}");
}

/// A function pointer must not be null.
fn null(ptr: &str) -> String {
    format!("bits::<usize, _>({ptr}) == 0")
}
