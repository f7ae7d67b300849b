//! How each syscall parameter is passed to the host's `Syscalls` trait.

use crate::ir::TypeKind;
use crate::ir::{Access, Direction, Ir, Member, MemberKind, Syscall, Type, TypeId};
use crate::naming::rust as naming;

/// The host-side shape of one syscall input.
#[derive(Debug, Clone)]
pub(super) enum Kind {
    /// Passed by value as its own type: integers, flags, opaque and alias types, structs
    /// without invariants (`lookup`).
    Value(Type),
    /// An enum: the C ABI passes its base integer, decoded into the enum (`EINVAL` when no
    /// value matches) because an unknown discriminant would be undefined behaviour.
    Enum(TypeId),
    /// A struct by value whose fields have invariants: taken as `MaybeUninit<T>`, checked.
    CheckedValue(Type),
    /// A `range`/`crange`: `&[T]` or `&mut [T]` (`u8` for `void`), `&mut [MaybeUninit<T>]`
    /// for a writable range of a type with invariants.
    Slice { target: Type, mutable: bool },
    /// An `@address` range (the `mem_*` syscalls' mappings): address space to map, protect
    /// or unmap, not memory the call reads or writes, so `*mut [u8]` (a reference to it
    /// could dangle during the very call that unmaps it).
    AddressRange,
    /// `cptr T`: `&T`, checked (and validated when `T` has invariants).
    Ref(Type),
    /// `cptr T` of a struct whose fields have invariants (`fdstat`, `filestat`): checked as
    /// readable guest memory and passed as `host::Fields`, whose accessors decode one field
    /// each. A kernel copies such a struct in and reads only what the call uses, so real
    /// callers leave the other fields (`st_filetype` of `file_stat_fput`) uninitialised;
    /// validating the whole struct would refuse them.
    Fields(Type),
    /// `ptr T`: memory the call may write (or read: thread_create's attributes) that the
    /// guest may hand over uninitialised: `&mut MaybeUninit<T>`.
    UninitRef(Type),
    /// A pointer marked `@count NAME`, to as many values as the `size` input `NAME` says
    /// (poll's `in` and `out`, counted by `nsubscriptions`): a slice.
    Counted {
        target: Type,
        mutable: bool,
        count: usize,
    },
    /// The `size` parameter that counts [`Kind::Counted`] pointers; not passed on.
    Count,
    /// `ptr atomic T`, passed through as a raw pointer after the checks of a writable
    /// pointer: shared with other guest threads, and for `thread_exit` freed by them
    /// before the call ends.
    Atomic(Type),
    /// An address passed through as it is: `ptr void`, a function pointer.
    Raw(Type),
}

/// One syscall input as the host sees it.
#[derive(Debug, Clone)]
pub(super) struct Param<'a> {
    pub member: &'a Member,
    /// Index into `Syscall::inputs`.
    pub index: usize,
    pub kind: Kind,
}

/// Classifies every input of a syscall from the IR's facts about it: its type, its
/// [`Access`] and, for a pointer to several values, the input that counts them.
pub(super) fn classify<'a>(ir: &Ir, call: &'a Syscall) -> Vec<Param<'a>> {
    call.inputs
        .iter()
        .enumerate()
        .map(|(index, member)| Param {
            member,
            index,
            kind: kind_of(ir, call, index, member),
        })
        .collect()
}

fn kind_of(ir: &Ir, call: &Syscall, index: usize, member: &Member) -> Kind {
    let counts = call
        .c_params(Direction::In, index)
        .next()
        .is_some_and(|(_, c)| c.is_count);
    match &member.kind {
        MemberKind::Range { .. } if member.access == Access::Address => Kind::AddressRange,
        MemberKind::Range { target, .. } => Kind::Slice {
            target: target.clone(),
            mutable: member.access == Access::Write,
        },
        MemberKind::Simple { .. } if counts => Kind::Count,
        MemberKind::Simple { ty, .. } => match (member.access, ty) {
            (Access::Value, _) => value_kind(ir, ty),
            (Access::Read | Access::Write, Type::Pointer { target, .. }) => {
                let target = (**target).clone();
                let mutable = member.access == Access::Write;
                match member.count {
                    Some(count) => Kind::Counted {
                        target,
                        mutable,
                        count,
                    },
                    None if mutable => Kind::UninitRef(target),
                    None if is_checked_struct(ir, &target) => Kind::Fields(target),
                    None => Kind::Ref(target),
                }
            }
            (Access::Atomic, _) => Kind::Atomic(ty.clone()),
            _ => Kind::Raw(ty.clone()),
        },
        MemberKind::Variant(_) => Kind::Value(Type::Void),
    }
}

fn value_kind(ir: &Ir, ty: &Type) -> Kind {
    match ty {
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) if super::super::types::is_rust_enum(int) => Kind::Enum(*id),
            TypeKind::Struct(_) if has_invariants(ir, ty) => Kind::CheckedValue(ty.clone()),
            _ => Kind::Value(ty.clone()),
        },
        other => Kind::Value(other.clone()),
    }
}

/// A struct with fields that not every bit pattern fills validly.
pub(super) fn is_checked_struct(ir: &Ir, ty: &Type) -> bool {
    matches!(ty, Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Struct(_)))
        && has_invariants(ir, ty)
}

/// Whether some bit patterns of a type are not valid Rust values: enums (unknown
/// discriminants), function pointers (null), and structs and arrays holding them.
pub(super) fn has_invariants(ir: &Ir, ty: &Type) -> bool {
    match ty {
        Type::Void | Type::Int(_) => false,
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => super::super::types::is_rust_enum(int),
            TypeKind::Struct(s) => members_have_invariants(ir, &s.members),
            TypeKind::Function(_) => true,
        },
        Type::Pointer { target, .. } => {
            matches!(**target, Type::Named(id) if matches!(ir.ty(id).kind, TypeKind::Function(_)))
        }
        Type::Atomic(inner) | Type::Array { element: inner, .. } => has_invariants(ir, inner),
    }
}

pub(super) fn members_have_invariants(ir: &Ir, members: &[Member]) -> bool {
    members.iter().any(|m| match &m.kind {
        MemberKind::Simple { ty, .. } => has_invariants(ir, ty),
        MemberKind::Range { .. } => false,
        MemberKind::Variant(v) => v
            .arms
            .iter()
            .any(|a| members_have_invariants(ir, &a.members)),
    })
}

/// The element type of a slice: `u8` for `void`.
pub(super) fn element(ir: &Ir, target: &Type) -> String {
    match target {
        Type::Void => "u8".to_string(),
        other => naming::qualified_type_expr(ir, other),
    }
}

/// The parameter's type in the trait method.
pub(super) fn trait_type(ir: &Ir, kind: &Kind) -> String {
    let qualified = |ty: &Type| naming::qualified_type_expr(ir, ty);
    match kind {
        Kind::Value(ty) | Kind::CheckedValue(ty) | Kind::Raw(ty) | Kind::Atomic(ty) => {
            qualified(ty)
        }
        Kind::Enum(id) => qualified(&Type::Named(*id)),
        Kind::Slice { target, mutable }
        | Kind::Counted {
            target, mutable, ..
        } => {
            let e = element(ir, target);
            match (mutable, has_invariants(ir, target)) {
                (false, _) => format!("&[{e}]"),
                (true, false) if matches!(kind, Kind::Slice { .. }) => format!("&mut [{e}]"),
                (true, _) => format!("&mut [core::mem::MaybeUninit<{e}>]"),
            }
        }
        Kind::AddressRange => "*mut [u8]".to_string(),
        Kind::Ref(ty) => format!("&{}", qualified(ty)),
        Kind::Fields(ty) => format!("crate::host::Fields<'_, {}>", qualified(ty)),
        Kind::UninitRef(ty) => format!("&mut core::mem::MaybeUninit<{}>", qualified(ty)),
        Kind::Count => "usize".to_string(),
    }
}

/// The `Ok` type of a syscall's result: `()`, one output, or a tuple.
pub(super) fn output_type(ir: &Ir, call: &Syscall) -> String {
    let outs: Vec<String> = call
        .outputs
        .iter()
        .map(|m| match &m.kind {
            MemberKind::Simple { ty, .. } => naming::qualified_type_expr(ir, ty),
            _ => "()".to_string(),
        })
        .collect();
    match outs.as_slice() {
        [] => "()".to_string(),
        [one] => one.clone(),
        many => format!("({})", many.join(", ")),
    }
}
