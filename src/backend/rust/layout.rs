//! Making Rust's `repr(C)` layout equal the spec's on every target.
//!
//! The spec (and the C headers, through `_Alignas`) make 64-bit integers 8-aligned on both
//! machines. Rust follows the platform instead: on i686 `u64` is 4-aligned, so a plain
//! `repr(C)` struct would put `fdstat::fs_rights_base` at offset 4 instead of 8. Field types
//! must stay what clients write (`userdata: u64`, `timeout: timestamp`), so the fix is at
//! struct level: explicit padding fields where Rust's weakest placement would fall short of
//! the spec's offset, and `#[repr(align(N))]` where the struct's alignment would.
//!
//! "Weakest" is i686: 64-bit integers 4-aligned. Padding computed for it is also right where
//! they are 8-aligned, because it only ever fills the exact gap up to the spec's offset.

use crate::ir::{Arm, IntType, Ir, Layout, Machine, Member, MemberKind, Pair, Type, TypeKind};

/// One field of a generated struct: a spec member, or padding the spec leaves implicit.
pub(super) enum Field<'a> {
    Member(&'a Member),
    /// Explicit padding of `size` bytes per machine; `index` numbers the struct's pads.
    Pad {
        index: usize,
        size: Pair<u64>,
    },
}

pub(super) struct Plan<'a> {
    pub fields: Vec<Field<'a>>,
    /// `Some` when the struct needs `#[repr(align(N))]` (per machine).
    pub align: Option<Pair<u64>>,
}

/// The smallest alignment Rust may give a type on some target of the machine.
pub(super) fn rust_align(ir: &Ir, ty: &Type, machine: Machine) -> u64 {
    let pointer = if machine == Machine::Bits32 { 4 } else { 8 };
    match ty {
        Type::Void => 1,
        Type::Int(int) => int_align(*int, machine),
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => int_align(int.base, machine),
            // Every generated struct is forced to the spec's alignment.
            TypeKind::Struct(_) => ir.ty(*id).layout.map_or(1, |l| l.align.get(machine)),
            TypeKind::Function(_) => pointer,
        },
        Type::Pointer { .. } => pointer,
        Type::Atomic(inner) | Type::Array { element: inner, .. } => rust_align(ir, inner, machine),
    }
}

fn int_align(int: IntType, machine: Machine) -> u64 {
    match int {
        IntType::Size => machine.bits() as u64 / 8,
        IntType::Int64 | IntType::Uint64 if machine == Machine::Bits32 => 4,
        other => other.sizes().0,
    }
}

fn align_up(offset: u64, align: u64) -> u64 {
    offset.div_ceil(align.max(1)) * align.max(1)
}

/// The Rust alignment of a member as a whole (for a range: its pointer half, and the
/// length half is a `usize` of the same alignment).
fn member_align(ir: &Ir, member: &Member, machine: Machine) -> u64 {
    match &member.kind {
        MemberKind::Simple { ty, .. } => rust_align(ir, ty, machine),
        MemberKind::Range { .. } => machine.bits() as u64 / 8,
        // Unions, like structs, are forced to the spec's alignment when short of it.
        MemberKind::Variant(_) => member.layout.align.get(machine),
    }
}

/// The alignment a variant's union must be forced to, if its arms fall short of the spec.
pub(super) fn union_align(ir: &Ir, arms: &[Arm]) -> Option<Pair<u64>> {
    let mut spec = Pair::same(1);
    let mut natural = Pair::same(1);
    for arm in arms {
        spec = Pair::new(
            spec.m32.max(arm.layout.align.m32),
            spec.m64.max(arm.layout.align.m64),
        );
        for machine in Machine::BOTH {
            let a = match &arm.name {
                Some(_) => arm.layout.align.get(machine),
                None => arm
                    .members
                    .iter()
                    .map(|m| member_align(ir, m, machine))
                    .max()
                    .unwrap_or(1),
            };
            natural = match machine {
                Machine::Bits32 => Pair::new(natural.m32.max(a), natural.m64),
                Machine::Bits64 => Pair::new(natural.m32, natural.m64.max(a)),
            };
        }
    }
    (natural.m32 < spec.m32 || natural.m64 < spec.m64).then_some(spec)
}

/// Lays out a struct's members as Rust would on the weakest target of each machine and
/// inserts padding wherever that placement falls short of the spec's offset.
pub(super) fn plan<'a>(ir: &Ir, members: &'a [Member], layout: Layout) -> Plan<'a> {
    let mut fields = Vec::new();
    let mut end = Pair::same(0u64);
    let mut natural_align = Pair::same(1u64);
    let mut pads = 0;
    for member in members {
        let align = Pair::new(
            member_align(ir, member, Machine::Bits32),
            member_align(ir, member, Machine::Bits64),
        );
        let natural = Pair::new(align_up(end.m32, align.m32), align_up(end.m64, align.m64));
        if natural != member.offset && member.offset.m32 >= end.m32 && member.offset.m64 >= end.m64
        {
            let size = Pair::new(member.offset.m32 - end.m32, member.offset.m64 - end.m64);
            fields.push(Field::Pad { index: pads, size });
            pads += 1;
        }
        fields.push(Field::Member(member));
        end = member_end(member);
        natural_align = Pair::new(
            natural_align.m32.max(align.m32),
            natural_align.m64.max(align.m64),
        );
    }
    let short = natural_align.m32 < layout.align.m32 || natural_align.m64 < layout.align.m64;
    Plan {
        fields,
        align: short.then_some(layout.align),
    }
}

fn member_end(member: &Member) -> Pair<u64> {
    match &member.kind {
        MemberKind::Range {
            len_offset,
            len_layout,
            ..
        } => Pair::new(
            len_offset.m32 + len_layout.size.m32,
            len_offset.m64 + len_layout.size.m64,
        ),
        _ => Pair::new(
            member.offset.m32 + member.layout.size.m32,
            member.offset.m64 + member.layout.size.m64,
        ),
    }
}
