//! Layout for both machines: size, alignment and member offsets on the 32-bit and the 64-bit
//! machine, and whether the type depends on the machine.
//!
//! The rules are C's with one CloudABI twist: 64-bit integers are 8-aligned on both
//! machines (i386's SysV ABI would give them 4), which the C headers enforce with
//! `_Alignas` and the Rust bindings with `#[repr(align)]`-carrying field types.

use super::{Arm, Ir, Member, MemberKind, Type, TypeId, TypeKind};
use crate::diag::Diagnostic;

/// One value per machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Pair<T> {
    pub m32: T,
    pub m64: T,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Machine {
    Bits32,
    Bits64,
}

impl Machine {
    pub const BOTH: [Machine; 2] = [Machine::Bits32, Machine::Bits64];

    pub fn bits(self) -> u32 {
        match self {
            Machine::Bits32 => 32,
            Machine::Bits64 => 64,
        }
    }
}

impl<T: Copy + PartialEq> Pair<T> {
    pub fn new(m32: T, m64: T) -> Pair<T> {
        Pair { m32, m64 }
    }

    pub fn same(v: T) -> Pair<T> {
        Pair { m32: v, m64: v }
    }

    pub fn get(self, machine: Machine) -> T {
        match machine {
            Machine::Bits32 => self.m32,
            Machine::Bits64 => self.m64,
        }
    }

    pub fn differs(self) -> bool {
        self.m32 != self.m64
    }

    pub fn map<U>(self, f: impl Fn(T) -> U) -> Pair<U> {
        Pair {
            m32: f(self.m32),
            m64: f(self.m64),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Layout {
    pub size: Pair<u64>,
    pub align: Pair<u64>,
    /// Size or alignment differ between the machines, or some part of the type does.
    pub machine_dep: bool,
}

impl Layout {
    fn scalar(size: Pair<u64>) -> Layout {
        Layout {
            size,
            align: size,
            machine_dep: size.differs(),
        }
    }

    const POINTER: Pair<u64> = Pair { m32: 4, m64: 8 };
}

pub(super) fn of_type(ir: &Ir, ty: &Type) -> Option<Layout> {
    match ty {
        Type::Void => None,
        Type::Int(int) => Some(Layout::scalar(Pair::new(int.sizes().0, int.sizes().1))),
        Type::Named(id) => ir.ty(*id).layout,
        Type::Pointer { .. } => Some(Layout::scalar(Layout::POINTER)),
        Type::Atomic(inner) => of_type(ir, inner),
        Type::Array { count, element } => {
            let el = of_type(ir, element)?;
            let align = if *count == 0 { Pair::same(1) } else { el.align };
            let size = el.size.map(|s| s * count);
            Some(Layout {
                size,
                align,
                machine_dep: el.machine_dep || size.differs(),
            })
        }
    }
}

/// Places members one after another, each at the next offset its alignment allows.
struct Placer {
    end: Pair<u64>,
    align: Pair<u64>,
    machine_dep: bool,
}

impl Placer {
    fn new() -> Placer {
        Placer {
            end: Pair::same(0),
            align: Pair::same(1),
            machine_dep: false,
        }
    }

    fn place(&mut self, layout: Layout) -> Pair<u64> {
        let offset = Pair::new(
            align_up(self.end.m32, layout.align.m32),
            align_up(self.end.m64, layout.align.m64),
        );
        self.end = Pair::new(offset.m32 + layout.size.m32, offset.m64 + layout.size.m64);
        self.align = Pair::new(
            self.align.m32.max(layout.align.m32),
            self.align.m64.max(layout.align.m64),
        );
        self.machine_dep |= layout.machine_dep || offset.differs();
        offset
    }

    fn finish(self) -> Layout {
        let size = if self.end == Pair::same(0) {
            // An empty struct still occupies a byte, as in C++.
            Pair::same(1)
        } else {
            Pair::new(
                align_up(self.end.m32, self.align.m32),
                align_up(self.end.m64, self.align.m64),
            )
        };
        Layout {
            size,
            align: self.align,
            machine_dep: self.machine_dep || size.differs() || self.align.differs(),
        }
    }
}

fn align_up(offset: u64, align: u64) -> u64 {
    offset.div_ceil(align.max(1)) * align.max(1)
}

/// Lays out members in place and returns the layout of the struct they form.
pub(super) fn place_members(ir: &Ir, members: &mut [Member]) -> Layout {
    let mut placer = Placer::new();
    for member in members.iter_mut() {
        match &mut member.kind {
            MemberKind::Simple { ty, .. } => {
                member.layout = of_type(ir, ty).unwrap_or_default();
                member.offset = placer.place(member.layout);
            }
            MemberKind::Range {
                pointer,
                len_offset,
                len_layout,
                ..
            } => {
                member.layout = of_type(ir, pointer).unwrap_or_default();
                member.offset = placer.place(member.layout);
                *len_layout = of_type(ir, &Type::Int(super::IntType::Size)).unwrap_or_default();
                *len_offset = placer.place(*len_layout);
            }
            MemberKind::Variant(variant) => {
                member.layout = place_union(ir, &mut variant.arms);
                member.offset = placer.place(member.layout);
            }
        }
    }
    placer.finish()
}

/// Each arm is laid out from offset 0; the union is as large and aligned as its largest arm.
fn place_union(ir: &Ir, arms: &mut [Arm]) -> Layout {
    let mut union = Layout {
        size: Pair::same(0),
        align: Pair::same(1),
        machine_dep: false,
    };
    for arm in arms.iter_mut() {
        arm.layout = place_members(ir, &mut arm.members);
        let l = arm.layout;
        union.size = Pair::new(
            union.size.m32.max(l.size.m32),
            union.size.m64.max(l.size.m64),
        );
        union.align = Pair::new(
            union.align.m32.max(l.align.m32),
            union.align.m64.max(l.align.m64),
        );
        union.machine_dep |= l.machine_dep;
    }
    union.machine_dep |= union.size.differs() || union.align.differs();
    union
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    Todo,
    InProgress,
    Done,
}

/// Lays out every type, dependencies first. A struct that contains itself by value is an
/// error reported at the member that closes the loop.
pub(super) fn layout_all(ir: &mut Ir, diags: &mut Vec<Diagnostic>) {
    let mut states = vec![State::Todo; ir.types.len()];
    for id in ir.type_ids().collect::<Vec<_>>() {
        visit(ir, id, &mut states, diags);
    }
}

fn visit(ir: &mut Ir, id: TypeId, states: &mut [State], diags: &mut Vec<Diagnostic>) {
    states[id.0 as usize] = State::InProgress;
    for (dep, member_span) in by_value_deps(ir, id) {
        match states[dep.0 as usize] {
            State::Todo => visit(ir, dep, states, diags),
            State::InProgress => {
                let outer = &ir.ty(id).name.name;
                let inner = &ir.ty(dep).name.name;
                let message = if dep == id {
                    format!("struct `{outer}` contains itself")
                } else {
                    format!("struct `{outer}` contains itself through `{inner}`")
                };
                diags.push(
                    Diagnostic::error(member_span, message)
                        .with_label("this member holds the struct by value")
                        .with_note("a struct can refer to itself only through a pointer"),
                );
            }
            State::Done => {}
        }
    }
    compute(ir, id);
    states[id.0 as usize] = State::Done;
}

/// Named types a type holds by value (through arrays and atomics, not pointers).
fn by_value_deps(ir: &Ir, id: TypeId) -> Vec<(TypeId, crate::source::Span)> {
    fn walk(ty: &Type, span: crate::source::Span, out: &mut Vec<(TypeId, crate::source::Span)>) {
        match ty {
            Type::Named(id) => out.push((*id, span)),
            Type::Atomic(t) | Type::Array { element: t, .. } => walk(t, span, out),
            Type::Void | Type::Int(_) | Type::Pointer { .. } => {}
        }
    }
    fn members(ms: &[Member], out: &mut Vec<(TypeId, crate::source::Span)>) {
        for m in ms {
            match &m.kind {
                MemberKind::Simple { ty, .. } => walk(ty, m.span, out),
                MemberKind::Range { .. } => {}
                MemberKind::Variant(v) => v.arms.iter().for_each(|a| members(&a.members, out)),
            }
        }
    }
    let mut out = Vec::new();
    match &ir.ty(id).kind {
        TypeKind::Struct(s) => members(&s.members, &mut out),
        TypeKind::Function(f) => members(&f.params, &mut out),
        TypeKind::IntLike(_) => {}
    }
    out
}

fn compute(ir: &mut Ir, id: TypeId) {
    let i = id.0 as usize;
    // Moved out while it is laid out, so the rest of the IR can be read meanwhile; a type
    // never looks at its own layout (cycles were cut above).
    let placeholder = TypeKind::Struct(super::Struct {
        members: Vec::new(),
    });
    let mut kind = std::mem::replace(&mut ir.types[i].kind, placeholder);
    let (layout, machine_dep) = match &mut kind {
        TypeKind::IntLike(int) => {
            let l = Layout::scalar(Pair::new(int.base.sizes().0, int.base.sizes().1));
            (Some(l), l.machine_dep)
        }
        TypeKind::Struct(s) => {
            let l = place_members(ir, &mut s.members);
            (Some(l), l.machine_dep)
        }
        TypeKind::Function(f) => {
            let params = place_members(ir, &mut f.params);
            let ret_md = f
                .returns
                .as_ref()
                .is_some_and(|(ret, _)| ir.is_machine_dep(ret));
            (None, params.machine_dep || ret_md)
        }
    };
    let def = &mut ir.types[i];
    def.kind = kind;
    def.layout = layout;
    def.machine_dep = machine_dep;
}
