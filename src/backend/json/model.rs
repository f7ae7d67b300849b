//! The JSON document's shape. These types are the contract with people writing bindings in
//! other languages: `format_version` changes whenever a field changes meaning or goes away.
//! The JSON Schema in `generated/json/cloudabi.schema.json` is derived from them.
//!
//! Their text is borrowed from the IR (`'a`), so that building a document copies no strings:
//! it is serialized once and dropped.

use schemars::JsonSchema;
use serde::Serialize;

pub const FORMAT_VERSION: u32 = 1;

/// The whole ABI.
#[derive(Serialize, JsonSchema)]
pub struct Document<'a> {
    /// Bumped on every incompatible change of this shape.
    pub format_version: u32,
    /// The spec file this was generated from.
    pub spec: &'a str,
    /// Documentation of the ABI as a whole.
    pub doc: Doc<'a>,
    /// Every type, in declaration order.
    pub types: Vec<TypeDef<'a>>,
    /// Every syscall, in syscall-number order (alphabetical).
    pub syscalls: Vec<Syscall<'a>>,
}

/// A position in the spec file (one-based line and column of the first character).
#[derive(Serialize, JsonSchema)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    /// Byte offsets of the start and end (exclusive) in the file.
    pub start: u32,
    pub end: u32,
}

/// A value for each of the two machines.
#[derive(Serialize, JsonSchema)]
pub struct PerMachine {
    #[serde(rename = "32")]
    pub m32: u64,
    #[serde(rename = "64")]
    pub m64: u64,
}

#[derive(Serialize, JsonSchema)]
pub struct Layout {
    pub size: PerMachine,
    pub align: PerMachine,
    /// Size, alignment or some member offset differs between the machines.
    pub machine_dependent: bool,
}

/// Markdown documentation and its resolved `[references]`.
#[derive(Serialize, JsonSchema)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub links: Vec<DocLink<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub struct DocLink<'a> {
    /// The dotted path between the brackets.
    pub path: &'a str,
    /// Byte range of `[path]` (brackets included) in `text`.
    pub text_start: usize,
    pub text_end: usize,
    pub target: Target<'a>,
    pub span: Span,
}

/// What a doc reference names. Member paths are the names of the steps below the owner,
/// named variant arms included (`["clock", "timeout"]`).
#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target<'a> {
    Type {
        name: &'a str,
    },
    Value {
        type_name: &'a str,
        value: &'a str,
    },
    Member {
        type_name: &'a str,
        path: Vec<&'a str>,
    },
    Syscall {
        name: &'a str,
    },
    Parameter {
        syscall: &'a str,
        parameter: &'a str,
    },
}

/// A type expression.
#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeRef<'a> {
    Void,
    /// One of char, int8, int16, int32, int64, uint8, uint16, uint32, uint64, size.
    Int {
        name: &'a str,
    },
    Named {
        name: &'a str,
    },
    Pointer {
        constant: bool,
        target: Box<TypeRef<'a>>,
    },
    Atomic {
        target: Box<TypeRef<'a>>,
    },
    Array {
        count: u64,
        element: Box<TypeRef<'a>>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct TypeDef<'a> {
    pub name: &'a str,
    pub doc: Doc<'a>,
    pub span: Span,
    /// Absent for function types, which have no size.
    pub layout: Option<Layout>,
    pub machine_dependent: bool,
    /// Names of the types and syscalls that mention this type directly.
    pub used_by: Vec<User<'a>>,
    /// Names of the types this type's definition mentions directly.
    pub dependencies: Vec<&'a str>,
    #[serde(flatten)]
    pub kind: TypeKind<'a>,
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum User<'a> {
    Type { name: &'a str },
    Syscall { name: &'a str },
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind<'a> {
    Enum(IntLike<'a>),
    Flags(IntLike<'a>),
    Opaque(IntLike<'a>),
    Alias(IntLike<'a>),
    Struct {
        members: Vec<Member<'a>>,
    },
    Function {
        parameters: Vec<Member<'a>>,
        returns: Option<Returns<'a>>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct IntLike<'a> {
    /// The integer type it is stored as.
    pub base: &'a str,
    /// Prefix C puts between `CLOUDABI_` and each value's name.
    pub cprefix: &'a str,
    pub values: Vec<Value<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub struct Value<'a> {
    pub name: &'a str,
    pub value: i128,
    pub doc: Doc<'a>,
    pub span: Span,
}

#[derive(Serialize, JsonSchema)]
pub struct Returns<'a> {
    #[serde(rename = "type")]
    pub ty: TypeRef<'a>,
    pub doc: Doc<'a>,
}

/// A struct member, function parameter or syscall input/output.
#[derive(Serialize, JsonSchema)]
pub struct Member<'a> {
    /// Absent only for variants.
    pub name: Option<&'a str>,
    pub doc: Doc<'a>,
    pub span: Span,
    /// Offset in the enclosing struct (for a range: of the pointer).
    pub offset: PerMachine,
    /// Layout of the member (for a range: of the pointer; for a variant: of the union).
    pub layout: Layout,
    #[serde(flatten)]
    pub kind: MemberKind<'a>,
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MemberKind<'a> {
    Simple {
        #[serde(rename = "type")]
        ty: TypeRef<'a>,
        /// Values of the member's type singled out for this member.
        valrefs: Vec<ValRef<'a>>,
        /// Values this member names itself, which its type does not (a `proc_terminate`
        /// event's `signal` 0: the process exited).
        own_values: Vec<Value<'a>>,
    },
    /// A pointer followed by a `size` length named `<name>_len`.
    Range {
        constant: bool,
        target: TypeRef<'a>,
        length_offset: PerMachine,
    },
    Variant {
        /// Name of the earlier member that selects the arm.
        tag: &'a str,
        tag_type: &'a str,
        arms: Vec<Arm<'a>>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct ValRef<'a> {
    pub value: &'a str,
    pub doc: Doc<'a>,
}

#[derive(Serialize, JsonSchema)]
pub struct Arm<'a> {
    /// Present for `struct NAME` arms; absent for arms holding one member directly.
    pub name: Option<&'a str>,
    pub tag_values: Vec<&'a str>,
    /// Offsets are relative to the start of the union.
    pub members: Vec<Member<'a>>,
    pub layout: Layout,
}

#[derive(Serialize, JsonSchema)]
pub struct Syscall<'a> {
    pub name: &'a str,
    pub number: u32,
    pub doc: Doc<'a>,
    pub span: Span,
    pub inputs: Vec<Member<'a>>,
    pub outputs: Vec<Member<'a>>,
    pub noreturn: bool,
    /// A parameter points at a machine-dependent type.
    pub machine_dependent: bool,
    /// The C-level parameter list: inputs (ranges split in two), then one pointer per output.
    pub parameters: Vec<Parameter<'a>>,
}

#[derive(Serialize, JsonSchema)]
pub struct Parameter<'a> {
    pub name: &'a str,
    /// `in`, or `out` for a pointer the result is written through.
    pub direction: &'a str,
    /// For `out`: the type of the value written.
    #[serde(rename = "type")]
    pub ty: TypeRef<'a>,
    pub layout: Layout,
    /// What the call does with the memory a pointer parameter points at: `value` (not a
    /// pointer), `read`, `write` (outputs too), `atomic` (shared with other threads, only
    /// accessed atomically) or `address` (not accessed as data: `@address` ranges,
    /// `ptr void`, function pointers).
    pub access: &'a str,
    /// For a pointer to several values: the name of the parameter that says how many (a
    /// range's `_len` half, or the input named by `@count`).
    pub counted_by: Option<&'a str>,
    /// For a buffer the call fills (`@filled`): the output that says how many values it
    /// filled in.
    pub filled_by: Option<&'a str>,
}
