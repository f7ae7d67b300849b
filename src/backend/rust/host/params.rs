//! How each syscall parameter is passed to the host's `Syscalls` trait.

use crate::ir::{IntLikeKind, Ir, Member, MemberKind, Syscall, Type, TypeId, TypeKind};
use crate::naming::rust as naming;
use proc_macro2::TokenStream;
use quote::quote;

/// The host-side shape of one syscall input.
#[derive(Debug, Clone)]
pub enum Kind {
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
    /// A `range void` of the `mem_*` syscalls: an address range to map, protect or unmap,
    /// not memory the call reads or writes, so `*mut [u8]` (a reference to it could dangle
    /// during the very call that unmaps it).
    AddressRange,
    /// `cptr T`: `&T`, checked (and validated when `T` has invariants).
    Ref(Type),
    /// `ptr T`: memory the call may write (or read: thread_create's attributes) that the
    /// guest may hand over uninitialised: `&mut MaybeUninit<T>`.
    UninitRef(Type),
    /// A struct pointer whose element count is a later `size` parameter (poll's `in` and
    /// `out`, counted by `nsubscriptions`): a slice.
    Counted {
        target: Type,
        mutable: bool,
        count: usize,
    },
    /// The `size` parameter that counts [`Kind::Counted`] pointers; not passed on.
    Count,
    /// Passed through as a raw pointer: `ptr void` (an address), `ptr atomic T` (shared with
    /// other guest threads, and for `thread_exit` freed by them before the call ends).
    Raw(Type),
}

/// One syscall input as the host sees it.
#[derive(Debug, Clone)]
pub struct Param<'a> {
    pub member: &'a Member,
    /// Index into `Syscall::inputs`.
    pub index: usize,
    pub kind: Kind,
}

/// Classifies every input of a syscall.
pub fn classify<'a>(ir: &Ir, call: &'a Syscall) -> Vec<Param<'a>> {
    let counted = counted_pointers(ir, call);
    call.inputs
        .iter()
        .enumerate()
        .map(|(index, member)| {
            let kind = match counted.iter().find(|(i, _)| *i == index) {
                Some((_, count)) if *count == index => Kind::Count,
                Some((_, count)) => counted_kind(member, *count),
                None => kind_of(ir, call, member),
            };
            Param {
                member,
                index,
                kind,
            }
        })
        .collect()
}

/// (input index, index of the `size` input counting it) for pointers to structs directly
/// followed by a `size` input, and the count itself as (count index, count index).
fn counted_pointers(ir: &Ir, call: &Syscall) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (index, member) in call.inputs.iter().enumerate() {
        let MemberKind::Simple {
            ty: Type::Int(crate::ir::IntType::Size),
            ..
        } = &member.kind
        else {
            continue;
        };
        let pointers: Vec<usize> = (0..index)
            .rev()
            .take_while(|&i| struct_pointer(ir, &call.inputs[i]))
            .collect();
        if !pointers.is_empty() {
            out.extend(pointers.into_iter().map(|p| (p, index)));
            out.push((index, index));
        }
    }
    out
}

fn struct_pointer(ir: &Ir, member: &Member) -> bool {
    matches!(&member.kind, MemberKind::Simple { ty: Type::Pointer { target, .. }, .. }
        if matches!(**target, Type::Named(id) if matches!(ir.ty(id).kind, TypeKind::Struct(_))))
}

fn counted_kind(member: &Member, count: usize) -> Kind {
    match &member.kind {
        MemberKind::Simple {
            ty: Type::Pointer { constant, target },
            ..
        } => Kind::Counted {
            target: (**target).clone(),
            mutable: !constant,
            count,
        },
        _ => Kind::Count,
    }
}

fn kind_of(ir: &Ir, call: &Syscall, member: &Member) -> Kind {
    match &member.kind {
        MemberKind::Range {
            constant, target, ..
        } => {
            if !constant && *target == Type::Void && call.name.name.starts_with("mem_") {
                Kind::AddressRange
            } else {
                Kind::Slice {
                    target: target.clone(),
                    mutable: !constant,
                }
            }
        }
        MemberKind::Simple { ty, .. } => simple_kind(ir, ty),
        MemberKind::Variant(_) => Kind::Value(Type::Void),
    }
}

fn simple_kind(ir: &Ir, ty: &Type) -> Kind {
    match ty {
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) if super::super::types::is_rust_enum(int) => Kind::Enum(*id),
            TypeKind::Struct(_) if has_invariants(ir, ty) => Kind::CheckedValue(ty.clone()),
            _ => Kind::Value(ty.clone()),
        },
        Type::Pointer { constant, target } => match &**target {
            Type::Void | Type::Atomic(_) | Type::Pointer { .. } => Kind::Raw(ty.clone()),
            Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Function(_)) => {
                Kind::Raw(ty.clone())
            }
            target if *constant => Kind::Ref(target.clone()),
            target => Kind::UninitRef(target.clone()),
        },
        other => Kind::Value(other.clone()),
    }
}

/// Whether some bit patterns of a type are not valid Rust values: enums (unknown
/// discriminants), function pointers (null), and structs and arrays holding them.
pub fn has_invariants(ir: &Ir, ty: &Type) -> bool {
    match ty {
        Type::Void | Type::Int(_) => false,
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => {
                int.kind == IntLikeKind::Enum && super::super::types::is_rust_enum(int)
            }
            TypeKind::Struct(s) => members_have_invariants(ir, &s.members),
            TypeKind::Function(_) => true,
        },
        Type::Pointer { target, .. } => {
            matches!(**target, Type::Named(id) if matches!(ir.ty(id).kind, TypeKind::Function(_)))
        }
        Type::Atomic(inner) | Type::Array { element: inner, .. } => has_invariants(ir, inner),
    }
}

pub fn members_have_invariants(ir: &Ir, members: &[Member]) -> bool {
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
pub fn element(ir: &Ir, target: &Type) -> TokenStream {
    match target {
        Type::Void => quote!(u8),
        other => naming::qualified_type_tokens(ir, other),
    }
}

/// The parameter's type in the trait method.
pub fn trait_type(ir: &Ir, kind: &Kind) -> TokenStream {
    match kind {
        Kind::Value(ty) | Kind::CheckedValue(ty) | Kind::Raw(ty) => {
            naming::qualified_type_tokens(ir, ty)
        }
        Kind::Enum(id) => naming::qualified_type_tokens(ir, &Type::Named(*id)),
        Kind::Slice { target, mutable }
        | Kind::Counted {
            target, mutable, ..
        } => {
            let e = element(ir, target);
            match (mutable, has_invariants(ir, target)) {
                (false, _) => quote!(&[#e]),
                (true, false) if matches!(kind, Kind::Slice { .. }) => quote!(&mut [#e]),
                (true, _) => quote!(&mut [core::mem::MaybeUninit<#e>]),
            }
        }
        Kind::AddressRange => quote!(*mut [u8]),
        Kind::Ref(ty) => {
            let t = naming::qualified_type_tokens(ir, ty);
            quote!(&#t)
        }
        Kind::UninitRef(ty) => {
            let t = naming::qualified_type_tokens(ir, ty);
            quote!(&mut core::mem::MaybeUninit<#t>)
        }
        Kind::Count => quote!(usize),
    }
}

/// The `Ok` type of a syscall's result: `()`, one output, or a tuple.
pub fn output_type(ir: &Ir, call: &Syscall) -> TokenStream {
    let outs: Vec<TokenStream> = call
        .outputs
        .iter()
        .map(|m| match &m.kind {
            MemberKind::Simple { ty, .. } => naming::qualified_type_tokens(ir, ty),
            _ => quote!(()),
        })
        .collect();
    match outs.as_slice() {
        [] => quote!(()),
        [one] => one.clone(),
        many => quote!((#(#many),*)),
    }
}
