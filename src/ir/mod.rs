//! The typed IR: every name resolved to an id, every doc reference resolved to its target,
//! syscalls numbered, and every type laid out for the 32-bit and the 64-bit machine.
//! Backends read it and never compute ABI facts of their own.

mod access;
mod docs;
mod layout;
mod lower;
mod meaning;
mod validate;

pub use crate::parse::ast::{IntLikeKind, IntType};
pub use layout::{Layout, Machine, Pair};
pub use meaning::ValueName;

use crate::diag::Diagnostic;
use crate::source::{SourceMap, Span};
use std::ops::Range;

/// A name and where it was declared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

impl From<&crate::parse::ast::Name<'_>> for Ident {
    fn from(n: &crate::parse::ast::Name<'_>) -> Ident {
        Ident {
            name: n.name.to_string(),
            span: n.span,
        }
    }
}

/// Index of a type in [`Ir::types`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub u32);

/// Index of a syscall in [`Ir::syscalls`], which is also its syscall number.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SyscallId(pub u32);

#[derive(Debug, Clone)]
pub struct Ir {
    pub sources: SourceMap,
    /// The documentation of the ABI as a whole (the file's leading doc block).
    pub doc: Doc,
    /// Types in declaration order.
    pub types: Vec<TypeDef>,
    /// Syscalls in number order, which is alphabetical order.
    pub syscalls: Vec<Syscall>,
    /// Type ids sorted by name, for [`Ir::find_type`] and [`Ir::types_by_name`]: backends
    /// look names up per syscall, and a scan per lookup made large specs quadratic.
    by_name: Vec<TypeId>,
}

/// A doc comment and its resolved cross-references.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The `|` lines without the bar, each ending in a newline (Markdown).
    pub text: String,
    pub span: Option<Span>,
    /// In text order, not overlapping, each within `text` (the lowering guarantees it).
    pub links: Vec<DocLink>,
}

/// A piece of a doc: text as written, or a reference to render the way a backend names
/// its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    Link(&'a DocLink),
}

impl Doc {
    /// The doc as text and links, in order. Every backend renders docs through this, so
    /// they all see the same pieces.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'_>> + '_ {
        let mut at = 0;
        let mut links = self.links.iter();
        let mut pending: Option<&DocLink> = None;
        std::iter::from_fn(move || {
            if let Some(link) = pending.take() {
                at = link.text_range.end;
                return Some(Segment::Link(link));
            }
            match links.next() {
                Some(link) if link.text_range.start > at => {
                    let text = &self.text[at..link.text_range.start];
                    pending = Some(link);
                    Some(Segment::Text(text))
                }
                Some(link) => {
                    at = link.text_range.end;
                    Some(Segment::Link(link))
                }
                None if at < self.text.len() => {
                    let text = &self.text[at..];
                    at = self.text.len();
                    Some(Segment::Text(text))
                }
                None => None,
            }
        })
    }

    /// Appends the doc to `out` with each link written by `link`: the one hook a backend
    /// provides to render docs.
    pub fn render_into(&self, out: &mut String, mut link: impl FnMut(&mut String, &DocLink)) {
        for segment in self.segments() {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Link(l) => link(out, l),
            }
        }
    }

    /// [`Doc::render_into`] a new string.
    pub fn render(&self, link: impl FnMut(&mut String, &DocLink)) -> String {
        let mut out = String::with_capacity(self.text.len() + self.text.len() / 4);
        self.render_into(&mut out, link);
        out
    }
}

/// A `[path]` in a doc comment and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLink {
    pub path: String,
    pub span: Span,
    /// Where `[path]` (brackets included) sits in [`Doc::text`].
    pub text_range: Range<usize>,
    pub target: Target,
}

/// What a doc reference points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Type(TypeId),
    Value(TypeId, usize),
    Member(MemberPath),
    Syscall(SyscallId),
    /// A syscall input or output: index into [`Syscall::inputs`] or [`Syscall::outputs`].
    Param(SyscallId, Direction, usize),
}

/// A member of a struct or of a function's parameters, reached through variant arms.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MemberPath {
    pub owner: TypeId,
    /// Member index at the top level, then (arm index, member index) per variant crossed.
    pub first: usize,
    pub arms: Vec<(usize, usize)>,
}

#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: Ident,
    pub doc: Doc,
    pub span: Span,
    pub kind: TypeKind,
    /// `None` for function types, which have no size and are only used through pointers.
    pub layout: Option<Layout>,
    pub machine_dep: bool,
    /// Types and syscalls that mention this type (without looking through other named types).
    pub used_by: Vec<User>,
    /// Named types this type's definition mentions directly (through pointers too), in id
    /// order without repeats: the other direction of `used_by`.
    pub dependencies: Vec<TypeId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum User {
    Type(TypeId),
    Syscall(SyscallId),
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    IntLike(IntLike),
    Struct(Struct),
    Function(Function),
}

/// An `enum`, `flags`, `opaque` or `alias`: an integer type with named values.
#[derive(Debug, Clone)]
pub struct IntLike {
    pub kind: IntLikeKind,
    pub base: IntType,
    /// The prefix C puts between `CLOUDABI_` and a value name: `@cprefix`, or `NAME_`.
    pub cprefix: String,
    pub cprefix_explicit: bool,
    /// Values in declaration order.
    pub values: Vec<Value>,
}

#[derive(Debug, Clone)]
pub struct Value {
    pub name: Ident,
    pub value: i128,
    pub value_span: Span,
    pub doc: Doc,
}

#[derive(Debug, Clone)]
pub struct Struct {
    pub members: Vec<Member>,
}

#[derive(Debug, Clone)]
pub struct Function {
    pub params: Vec<Member>,
    pub returns: Option<(Type, Doc)>,
}

/// A struct member, function parameter or syscall input/output.
#[derive(Debug, Clone)]
pub struct Member {
    /// `None` only for a variant, which is anonymous.
    pub name: Option<Ident>,
    pub doc: Doc,
    pub span: Span,
    pub kind: MemberKind,
    /// Offset in the enclosing struct (for a range: of its pointer half). Parameters are
    /// laid out as if they were a struct, which is what the `*_on_64bit` vDSOs marshal.
    pub offset: Pair<u64>,
    /// Layout of the member (for a range: of its pointer half; for a variant: the union).
    pub layout: Layout,
    /// What is done with the memory the member points at (see [`Access`]).
    pub access: Access,
    /// For a pointer input marked `@count NAME`: the index of the sibling input `NAME`,
    /// which says how many values it points at.
    pub count: Option<usize>,
    /// For a counted pointer input marked `@filled NAME`: the index of the output
    /// `NAME`, which says how many of the values the call filled in.
    pub filled: Option<usize>,
}

/// What a syscall does with the memory behind a parameter: a fact of the ABI that the C
/// type alone does not carry, decided once here so that no backend guesses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Access {
    /// Not a pointer: the value itself is the argument.
    Value,
    /// Memory the call only reads (`crange`, `cptr`): borrowed, shared, for the call.
    Read,
    /// Memory the call writes and may read first (`range`, `ptr`, every output):
    /// borrowed exclusively for the call.
    Write,
    /// Memory shared with other threads and only accessed atomically (`ptr atomic T`):
    /// never borrowed; another thread may change or even free it during the call.
    Atomic,
    /// An address the call does not access as data: an `@address` range (a mapping to
    /// change), a `ptr void` (a hint or a value passed on), a function pointer, a pointer
    /// to a pointer.
    Address,
}

impl Access {
    /// The name the JSON IR and the docs use: `value`, `read`, `write`, `atomic`, `address`.
    pub fn name(self) -> &'static str {
        match self {
            Access::Value => "value",
            Access::Read => "read",
            Access::Write => "write",
            Access::Atomic => "atomic",
            Access::Address => "address",
        }
    }

    /// Whether the call borrows the memory as a reference for its duration.
    pub fn borrows(self) -> bool {
        matches!(self, Access::Read | Access::Write)
    }
}

#[derive(Debug, Clone)]
pub enum MemberKind {
    Simple {
        ty: Type,
        /// Values of the member's int-like type that the member is documented to take.
        valrefs: Vec<ValRef>,
        /// Values the member names itself, which its type does not (`0 exited` for a
        /// `proc_terminate` event's `signal`: no signal, the process exited).
        own_values: Vec<Value>,
    },
    /// A pointer and a `size` length, stored as two consecutive fields `name`, `name_len`.
    Range {
        constant: bool,
        target: Type,
        /// `Pointer { constant, target }`, the type of the first half.
        pointer: Type,
        len_offset: Pair<u64>,
        len_layout: Layout,
    },
    Variant(Variant),
}

#[derive(Debug, Clone)]
pub struct ValRef {
    pub name: Ident,
    pub ty: TypeId,
    pub value: usize,
    pub doc: Doc,
}

/// A union of arms selected by the value of an earlier member (the tag).
#[derive(Debug, Clone)]
pub struct Variant {
    pub tag: usize,
    pub tag_type: TypeId,
    pub arms: Vec<Arm>,
}

#[derive(Debug, Clone)]
pub struct Arm {
    pub span: Span,
    /// Indices into the tag type's values, with where each was named.
    pub tag_values: Vec<(usize, Span)>,
    /// `Some` for a named arm (`struct NAME`), `None` for an arm holding one member directly.
    pub name: Option<Ident>,
    /// Members with offsets relative to the start of the union.
    pub members: Vec<Member>,
    pub layout: Layout,
}

/// A resolved type expression.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Void,
    Int(IntType),
    Named(TypeId),
    Pointer { constant: bool, target: Box<Type> },
    Atomic(Box<Type>),
    Array { count: u64, element: Box<Type> },
}

#[derive(Debug, Clone)]
pub struct Syscall {
    pub name: Ident,
    pub doc: Doc,
    pub span: Span,
    pub number: u32,
    pub inputs: Vec<Member>,
    pub outputs: Vec<Member>,
    pub noreturn: bool,
    /// True when a parameter points at a machine-dependent type: the kernel needs a
    /// separate entry point per machine for it.
    pub machine_dep: bool,
    /// The C-level parameter list: inputs with ranges split into pointer and length, then
    /// one pointer per output.
    pub params: Vec<Param>,
}

/// Whether a syscall member is one of its inputs or one of its outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    In,
    Out,
}

/// One C-level syscall parameter.
#[derive(Debug, Clone)]
pub struct Param {
    /// `buf`, `buf_len` for the halves of a range `buf`.
    pub name: String,
    /// For an output: the type of the value written (the parameter is a pointer to it).
    pub ty: Type,
    pub direction: Direction,
    /// Index into [`Syscall::inputs`] or [`Syscall::outputs`].
    pub member: usize,
    /// Layout of `ty`.
    pub layout: Layout,
    /// What the call does with the memory a pointer parameter points at (an output's
    /// pointer is [`Access::Write`]).
    pub access: Access,
    /// For a pointer to several values: the parameter (an index into [`Syscall::params`])
    /// that says how many: a range's length half, or the input named by `@count`.
    pub count: Option<usize>,
    /// Whether this parameter is such a count.
    pub is_count: bool,
}

impl Syscall {
    /// Its inputs or its outputs.
    pub fn members(&self, direction: Direction) -> &[Member] {
        match direction {
            Direction::In => &self.inputs,
            Direction::Out => &self.outputs,
        }
    }

    /// The C-level parameters of one input or output: one, or two for a range (the
    /// pointer, then the length), with their indices in [`Syscall::params`].
    pub fn c_params(
        &self,
        direction: Direction,
        member: usize,
    ) -> impl Iterator<Item = (usize, &Param)> + '_ {
        self.params
            .iter()
            .enumerate()
            .filter(move |(_, p)| p.direction == direction && p.member == member)
    }
}

impl Ir {
    pub fn ty(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0 as usize]
    }

    pub fn syscall(&self, id: SyscallId) -> &Syscall {
        &self.syscalls[id.0 as usize]
    }

    pub fn type_ids(&self) -> impl Iterator<Item = TypeId> + '_ {
        (0..self.types.len() as u32).map(TypeId)
    }

    /// Types sorted by name: the order backends print them in.
    pub fn types_by_name(&self) -> Vec<TypeId> {
        if self.by_name.len() == self.types.len() {
            return self.by_name.clone();
        }
        self.sorted_by_name()
    }

    fn sorted_by_name(&self) -> Vec<TypeId> {
        let mut ids: Vec<TypeId> = self.type_ids().collect();
        ids.sort_by(|a, b| self.ty(*a).name.name.cmp(&self.ty(*b).name.name));
        ids
    }

    /// Sorts the name index; the lowering calls it once the types are final.
    pub(crate) fn index_names(&mut self) {
        self.by_name = self.sorted_by_name();
    }

    /// The name of the input or output a [`Target::Param`] names (`""` if there is none).
    pub fn param_name(&self, id: SyscallId, direction: Direction, index: usize) -> &str {
        self.syscall(id)
            .members(direction)
            .get(index)
            .map_or("", Member::name)
    }

    /// The type declared as `name`. (A name declared twice is an error, and only its
    /// first declaration becomes a type.)
    pub fn find_type(&self, name: &str) -> Option<TypeId> {
        if self.by_name.len() != self.types.len() {
            return self.type_ids().find(|&id| self.ty(id).name.name == name);
        }
        let i = self
            .by_name
            .binary_search_by(|id| self.ty(*id).name.name.as_str().cmp(name))
            .ok()?;
        Some(self.by_name[i])
    }

    /// The syscall named `name`: syscalls are numbered in name order.
    pub fn find_syscall(&self, name: &str) -> Option<&Syscall> {
        match self
            .syscalls
            .binary_search_by(|s| s.name.name.as_str().cmp(name))
        {
            Ok(i) => Some(&self.syscalls[i]),
            Err(_) => self.syscalls.iter().find(|s| s.name.name == name),
        }
    }

    /// Layout of any type; `None` for `void` and function types, which have no size.
    pub fn layout_of(&self, ty: &Type) -> Option<Layout> {
        layout::of_type(self, ty)
    }

    /// Whether a type (looking through pointers, atomics and arrays) depends on the machine.
    pub fn is_machine_dep(&self, ty: &Type) -> bool {
        match ty {
            Type::Void => false,
            Type::Int(i) => i.sizes().0 != i.sizes().1,
            Type::Named(id) => self.ty(*id).machine_dep,
            Type::Pointer { .. } => true,
            Type::Atomic(t) | Type::Array { element: t, .. } => self.is_machine_dep(t),
        }
    }

    pub fn int_like(&self, id: TypeId) -> Option<&IntLike> {
        match &self.ty(id).kind {
            TypeKind::IntLike(i) => Some(i),
            _ => None,
        }
    }

    /// The member a path names.
    pub fn member(&self, path: &MemberPath) -> &Member {
        let steps = self.member_steps(path);
        let last = steps.last().expect("member paths name at least one member");
        last.member
    }

    /// The members a path goes through, from the owner's member down to the one it names,
    /// each with the members beside it and the variant arm it sits in. The IR only builds
    /// valid paths; a path that does not fit the types ends the walk early.
    pub fn member_steps(&self, path: &MemberPath) -> Vec<MemberStep<'_>> {
        let mut steps = Vec::with_capacity(1 + path.arms.len());
        let siblings: &[Member] = match &self.ty(path.owner).kind {
            TypeKind::Struct(s) => &s.members,
            TypeKind::Function(f) => &f.params,
            TypeKind::IntLike(_) => return steps,
        };
        let Some(member) = siblings.get(path.first) else {
            return steps;
        };
        steps.push(MemberStep {
            siblings,
            index: path.first,
            member,
            arm: None,
        });
        for &(arm_index, index) in &path.arms {
            let MemberKind::Variant(v) = &steps[steps.len() - 1].member.kind else {
                break;
            };
            let Some(arm) = v.arms.get(arm_index) else {
                break;
            };
            let Some(member) = arm.members.get(index) else {
                break;
            };
            steps.push(MemberStep {
                siblings: &arm.members,
                index,
                member,
                arm: Some((arm_index, arm)),
            });
        }
        steps
    }
}

impl Ir {
    /// A member path as the spec writes it after the owner's name: member names, with a
    /// named arm as a step of its own and anonymous arms and variants left out
    /// (`["clock", "timeout"]` for `subscription.clock.timeout`).
    pub fn member_names(&self, path: &MemberPath) -> Vec<&str> {
        let mut names = Vec::with_capacity(1 + path.arms.len());
        for step in self.member_steps(path) {
            if let Some((_, arm)) = step.arm {
                names.extend(arm.name.as_ref().map(|n| n.name.as_str()));
            }
            names.extend(step.member.name.as_ref().map(|n| n.name.as_str()));
        }
        names
    }
}

/// One member along a [`MemberPath`] (see [`Ir::member_steps`]).
#[derive(Debug, Clone, Copy)]
pub struct MemberStep<'a> {
    /// The members at this level: the owner's, or those of the arm this step is in.
    pub siblings: &'a [Member],
    /// The member's index among `siblings`.
    pub index: usize,
    pub member: &'a Member,
    /// The variant arm this level is inside, and its index; `None` at the top level.
    pub arm: Option<(usize, &'a Arm)>,
}

impl MemberStep<'_> {
    /// For a variant member: how many variants come before it among its siblings (Rust
    /// names them `union`, `union2`, ... by this ordinal).
    pub fn variant_ordinal(&self) -> usize {
        variant_ordinal(self.siblings, self.index)
    }
}

/// How many variants come before member `index` of `members`.
pub fn variant_ordinal(members: &[Member], index: usize) -> usize {
    members[..index.min(members.len())]
        .iter()
        .filter(|m| matches!(m.kind, MemberKind::Variant(_)))
        .count()
}

impl Member {
    /// The member's name; variants have none and print as `""`.
    pub fn name(&self) -> &str {
        self.name.as_ref().map_or("", |n| n.name.as_str())
    }

    /// The name of a range's length half: `buf` → `buf_len`. Every backend spells it so.
    pub fn len_name(&self) -> String {
        len_name(self.name())
    }
}

/// The name of the length half of a range called `name`.
pub fn len_name(name: &str) -> String {
    format!("{name}_len")
}

impl IntLike {
    /// Flags and opaque values are bit patterns or handles, best shown in hex; enum and alias
    /// values are counts and codes, best shown in decimal.
    pub fn is_bit_pattern(&self) -> bool {
        matches!(self.kind, IntLikeKind::Flags | IntLikeKind::Opaque) && !self.base.is_signed()
    }
}

/// Parses, resolves, validates and lays out one spec. Returns every problem found.
pub fn build(
    sources: SourceMap,
    file: crate::source::FileId,
) -> Result<Ir, (SourceMap, Vec<Diagnostic>)> {
    let text = sources.get(file).text.clone();
    let (spec, mut diags) = crate::parse::parse(file, &text);
    let ir = lower::lower(sources, &spec, &mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        crate::diag::sort(&mut diags);
        return Err((ir.sources, diags));
    }
    Ok(ir)
}

#[cfg(test)]
mod tests;

impl Ir {
    /// The name of the spec file this IR was built from, as given to the loader.
    pub fn spec_name(&self) -> &str {
        self.sources.files().first().map_or("", |f| f.name.as_str())
    }

    /// One-based line and column of a span's start.
    pub fn line_col(&self, span: Span) -> crate::source::LineCol {
        self.sources.line_col(span)
    }
}

/// Maps keyed by names and small integers. The keys come from the spec author, not an
/// attacker, so rustc's fast Fx hash serves better than the default DoS-resistant SipHash.
pub(crate) type FastMap<K, V> = rustc_hash::FxHashMap<K, V>;
