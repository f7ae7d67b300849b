//! What a syscall does with the memory behind each input ([`Access`]), decided once from
//! the input's type and its `@address` attribute, so that no backend infers it from names
//! or shapes.

use super::{Access, Ir, Member, MemberKind, Type, TypeKind};

/// The access of a syscall input. An `@address` range keeps the [`Access::Address`] the
/// lowering gave it.
pub(super) fn of_member(ir: &Ir, member: &Member) -> Access {
    match &member.kind {
        MemberKind::Range { .. } if member.access == Access::Address => Access::Address,
        MemberKind::Range { constant: true, .. } => Access::Read,
        MemberKind::Range {
            constant: false, ..
        } => Access::Write,
        MemberKind::Simple { ty, .. } => of_type(ir, ty),
        MemberKind::Variant(_) => Access::Value,
    }
}

/// The access a value of type `ty` stands for: pointers to values are read (`cptr`) or
/// written (`ptr`); pointers to atomics are shared; pointers to nothing in particular
/// (`void`, a function, another pointer) are addresses.
fn of_type(ir: &Ir, ty: &Type) -> Access {
    let Type::Pointer { constant, target } = ty else {
        return Access::Value;
    };
    match &**target {
        Type::Atomic(_) => Access::Atomic,
        Type::Void | Type::Pointer { .. } => Access::Address,
        Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Function(_)) => Access::Address,
        _ if *constant => Access::Read,
        _ => Access::Write,
    }
}
