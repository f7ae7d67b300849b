//! Layer 2 output: the declarations as written, with a span on everything. Names are still
//! strings here; `ir::lower` resolves them.

use crate::source::Span;
use std::ops::Range;

/// A name as written in the spec, borrowed from the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    pub name: &'a str,
    pub span: Span,
}

/// A doc comment: the `|` lines without their bars, borrowed from the source. The IR joins
/// them into one text, each line ending in a newline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc<'a> {
    pub lines: Vec<&'a str>,
    pub span: Option<Span>,
    pub refs: Vec<DocRef<'a>>,
}

/// A `[path]` cross-reference inside a doc comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRef<'a> {
    pub path: &'a str,
    /// The reference in the spec, brackets included.
    pub span: Span,
    /// The reference in the joined doc text, brackets included.
    pub text_range: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IntType {
    Char,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Size,
}

impl IntType {
    pub const ALL: [IntType; 10] = [
        IntType::Char,
        IntType::Int8,
        IntType::Int16,
        IntType::Int32,
        IntType::Int64,
        IntType::Uint8,
        IntType::Uint16,
        IntType::Uint32,
        IntType::Uint64,
        IntType::Size,
    ];

    /// The spelling in cloudabi.txt.
    pub fn spec_name(self) -> &'static str {
        match self {
            IntType::Char => "char",
            IntType::Int8 => "int8",
            IntType::Int16 => "int16",
            IntType::Int32 => "int32",
            IntType::Int64 => "int64",
            IntType::Uint8 => "uint8",
            IntType::Uint16 => "uint16",
            IntType::Uint32 => "uint32",
            IntType::Uint64 => "uint64",
            IntType::Size => "size",
        }
    }

    pub fn from_spec_name(name: &str) -> Option<IntType> {
        IntType::ALL.into_iter().find(|t| t.spec_name() == name)
    }

    pub fn is_signed(self) -> bool {
        matches!(
            self,
            IntType::Int8 | IntType::Int16 | IntType::Int32 | IntType::Int64
        )
    }

    /// Size in bytes on the 32-bit and the 64-bit machine.
    pub fn sizes(self) -> (u64, u64) {
        match self {
            IntType::Char | IntType::Int8 | IntType::Uint8 => (1, 1),
            IntType::Int16 | IntType::Uint16 => (2, 2),
            IntType::Int32 | IntType::Uint32 => (4, 4),
            IntType::Int64 | IntType::Uint64 => (8, 8),
            IntType::Size => (4, 8),
        }
    }

    /// Hex digits that show every bit of a value of this type (`0x0001` for uint16).
    pub fn hex_digits(self) -> usize {
        self.sizes().0 as usize * 2
    }

    /// The range of values a spec value of this type may take. `size` and `char` take the
    /// range that fits both machines (32-bit unsigned, and a byte).
    pub fn value_range(self) -> (i128, i128) {
        let bits = self.sizes().0 * 8;
        if self.is_signed() {
            (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
        } else {
            (0, (1i128 << bits) - 1)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExpr<'a> {
    pub span: Span,
    pub kind: TypeExprKind<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExprKind<'a> {
    Void,
    Int(IntType),
    Named(Name<'a>),
    Pointer {
        constant: bool,
        target: Box<TypeExpr<'a>>,
    },
    Atomic(Box<TypeExpr<'a>>),
    Array {
        count: u64,
        element: Box<TypeExpr<'a>>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntLikeKind {
    Enum,
    Flags,
    Opaque,
    Alias,
}

impl IntLikeKind {
    pub fn keyword(self) -> &'static str {
        match self {
            IntLikeKind::Enum => "enum",
            IntLikeKind::Flags => "flags",
            IntLikeKind::Opaque => "opaque",
            IntLikeKind::Alias => "alias",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec<'a> {
    pub doc: Doc<'a>,
    pub decls: Vec<Decl<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl<'a> {
    pub name: Name<'a>,
    pub doc: Doc<'a>,
    /// The declaration line.
    pub span: Span,
    pub kind: DeclKind<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclKind<'a> {
    IntLike(IntLikeDecl<'a>),
    Struct(Vec<MemberDecl<'a>>),
    Function(FunctionDecl<'a>),
    Syscall(SyscallDecl<'a>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntLikeDecl<'a> {
    pub kind: IntLikeKind,
    pub base: IntType,
    pub base_span: Span,
    /// `@cprefix X` gives `Some("X")`, a bare `@cprefix` gives `Some("")`.
    pub cprefix: Option<&'a str>,
    pub values: Vec<ValueDecl<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueDecl<'a> {
    pub value: i128,
    pub value_span: Span,
    pub name: Name<'a>,
    pub doc: Doc<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDecl<'a> {
    pub span: Span,
    pub doc: Doc<'a>,
    /// `@address`, `@count NAME`: what a syscall does with the memory behind an input,
    /// which its type alone does not say.
    pub attrs: Vec<MemberAttr<'a>>,
    pub kind: MemberDeclKind<'a>,
}

/// An attribute line in a member's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberAttr<'a> {
    pub span: Span,
    pub kind: MemberAttrKind<'a>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberAttrKind<'a> {
    /// `@address`: a `range void` that names address space (a mapping to change), not
    /// memory the call reads or writes.
    Address,
    /// `@count NAME`: a pointer to as many values as the `size` input `NAME` says.
    Count(Name<'a>),
    /// `@filled NAME`: of the values a counted pointer points at, the call fills as
    /// many as the `size` output `NAME` says.
    Filled(Name<'a>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberDeclKind<'a> {
    Simple {
        ty: TypeExpr<'a>,
        name: Name<'a>,
        valrefs: Vec<ValRefDecl<'a>>,
    },
    Range {
        constant: bool,
        target: TypeExpr<'a>,
        name: Name<'a>,
    },
    Variant {
        tag: Name<'a>,
        arms: Vec<ArmDecl<'a>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValRefDecl<'a> {
    pub name: Name<'a>,
    pub doc: Doc<'a>,
    /// For `NUMBER NAME`: a value the member itself names (its type does not), with
    /// where the number was written.
    pub own: Option<(i128, Span)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmDecl<'a> {
    pub span: Span,
    pub tag_values: Vec<Name<'a>>,
    /// `Some` for a `struct NAME` arm, `None` for an arm holding one member directly.
    pub name: Option<Name<'a>>,
    pub members: Vec<MemberDecl<'a>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionDecl<'a> {
    pub params: Vec<MemberDecl<'a>>,
    pub returns: Option<(TypeExpr<'a>, Doc<'a>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyscallDecl<'a> {
    pub inputs: Vec<MemberDecl<'a>>,
    pub outputs: Vec<MemberDecl<'a>>,
    pub noreturn: bool,
}
