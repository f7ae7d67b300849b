//! The JSON document's shape. These types are the contract with people writing bindings in
//! other languages: `format_version` changes whenever a field changes meaning or goes away.
//! The JSON Schema in `generated/json/cloudabi.schema.json` is derived from them.

use schemars::JsonSchema;
use serde::Serialize;

pub const FORMAT_VERSION: u32 = 1;

/// The whole ABI.
#[derive(Serialize, JsonSchema)]
pub struct Document {
    /// Bumped on every incompatible change of this shape.
    pub format_version: u32,
    /// The spec file this was generated from.
    pub spec: String,
    /// Documentation of the ABI as a whole.
    pub doc: Doc,
    /// Every type, in declaration order.
    pub types: Vec<TypeDef>,
    /// Every syscall, in syscall-number order (alphabetical).
    pub syscalls: Vec<Syscall>,
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
pub struct Doc {
    pub text: String,
    pub links: Vec<DocLink>,
}

#[derive(Serialize, JsonSchema)]
pub struct DocLink {
    /// The dotted path between the brackets.
    pub path: String,
    /// Byte range of `[path]` (brackets included) in `text`.
    pub text_start: usize,
    pub text_end: usize,
    pub target: Target,
    pub span: Span,
}

/// What a doc reference names. Member paths are the names of the steps below the owner,
/// named variant arms included (`["clock", "timeout"]`).
#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Target {
    Type {
        name: String,
    },
    Value {
        type_name: String,
        value: String,
    },
    Member {
        type_name: String,
        path: Vec<String>,
    },
    Syscall {
        name: String,
    },
    Parameter {
        syscall: String,
        parameter: String,
    },
}

/// A type expression.
#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeRef {
    Void,
    /// One of char, int8, int16, int32, int64, uint8, uint16, uint32, uint64, size.
    Int {
        name: String,
    },
    Named {
        name: String,
    },
    Pointer {
        constant: bool,
        target: Box<TypeRef>,
    },
    Atomic {
        target: Box<TypeRef>,
    },
    Array {
        count: u64,
        element: Box<TypeRef>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct TypeDef {
    pub name: String,
    pub doc: Doc,
    pub span: Span,
    /// Absent for function types, which have no size.
    pub layout: Option<Layout>,
    pub machine_dependent: bool,
    /// Names of the types and syscalls that mention this type directly.
    pub used_by: Vec<User>,
    /// Names of the types this type's definition mentions directly.
    pub dependencies: Vec<String>,
    #[serde(flatten)]
    pub kind: TypeKind,
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum User {
    Type { name: String },
    Syscall { name: String },
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TypeKind {
    Enum(IntLike),
    Flags(IntLike),
    Opaque(IntLike),
    Alias(IntLike),
    Struct {
        members: Vec<Member>,
    },
    Function {
        parameters: Vec<Member>,
        returns: Option<Returns>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct IntLike {
    /// The integer type it is stored as.
    pub base: String,
    /// Prefix C puts between `CLOUDABI_` and each value's name.
    pub cprefix: String,
    pub values: Vec<Value>,
}

#[derive(Serialize, JsonSchema)]
pub struct Value {
    pub name: String,
    pub value: i128,
    pub doc: Doc,
    pub span: Span,
}

#[derive(Serialize, JsonSchema)]
pub struct Returns {
    #[serde(rename = "type")]
    pub ty: TypeRef,
    pub doc: Doc,
}

/// A struct member, function parameter or syscall input/output.
#[derive(Serialize, JsonSchema)]
pub struct Member {
    /// Absent only for variants.
    pub name: Option<String>,
    pub doc: Doc,
    pub span: Span,
    /// Offset in the enclosing struct (for a range: of the pointer).
    pub offset: PerMachine,
    /// Layout of the member (for a range: of the pointer; for a variant: of the union).
    pub layout: Layout,
    #[serde(flatten)]
    pub kind: MemberKind,
}

#[derive(Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MemberKind {
    Simple {
        #[serde(rename = "type")]
        ty: TypeRef,
        /// Values of the member's type singled out for this member.
        valrefs: Vec<ValRef>,
        /// Values this member names itself, which its type does not (a `proc_terminate`
        /// event's `signal` 0: the process exited).
        own_values: Vec<Value>,
    },
    /// A pointer followed by a `size` length named `<name>_len`.
    Range {
        constant: bool,
        target: TypeRef,
        length_offset: PerMachine,
    },
    Variant {
        /// Name of the earlier member that selects the arm.
        tag: String,
        tag_type: String,
        arms: Vec<Arm>,
    },
}

#[derive(Serialize, JsonSchema)]
pub struct ValRef {
    pub value: String,
    pub doc: Doc,
}

#[derive(Serialize, JsonSchema)]
pub struct Arm {
    /// Present for `struct NAME` arms; absent for arms holding one member directly.
    pub name: Option<String>,
    pub tag_values: Vec<String>,
    /// Offsets are relative to the start of the union.
    pub members: Vec<Member>,
    pub layout: Layout,
}

#[derive(Serialize, JsonSchema)]
pub struct Syscall {
    pub name: String,
    pub number: u32,
    pub doc: Doc,
    pub span: Span,
    pub inputs: Vec<Member>,
    pub outputs: Vec<Member>,
    pub noreturn: bool,
    /// A parameter points at a machine-dependent type.
    pub machine_dependent: bool,
    /// The C-level parameter list: inputs (ranges split in two), then one pointer per output.
    pub parameters: Vec<Parameter>,
}

#[derive(Serialize, JsonSchema)]
pub struct Parameter {
    pub name: String,
    /// `in`, or `out` for a pointer the result is written through.
    pub direction: String,
    /// For `out`: the type of the value written.
    #[serde(rename = "type")]
    pub ty: TypeRef,
    pub layout: Layout,
    /// What the call does with the memory a pointer parameter points at: `value` (not a
    /// pointer), `read`, `write` (outputs too), `atomic` (shared with other threads, only
    /// accessed atomically) or `address` (not accessed as data: `@address` ranges,
    /// `ptr void`, function pointers).
    pub access: String,
    /// For a pointer to several values: the name of the parameter that says how many (a
    /// range's `_len` half, or the input named by `@count`).
    pub counted_by: Option<String>,
    /// For a buffer the call fills (`@filled`): the output that says how many values it
    /// filled in.
    pub filled_by: Option<String>,
}
