//! Layer 2 output: the declarations as written, with a span on everything. Names are still
//! strings here; `ir::lower` resolves them.

use crate::source::Span;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A doc comment: the `|` lines joined, each ending in a newline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    pub text: String,
    pub span: Option<Span>,
    pub refs: Vec<DocRef>,
}

/// A `[path]` cross-reference inside a doc comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocRef {
    pub path: String,
    /// The reference in the spec, brackets included.
    pub span: Span,
    /// The reference in [`Doc::text`], brackets included.
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
pub struct TypeExpr {
    pub span: Span,
    pub kind: TypeExprKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExprKind {
    Void,
    Int(IntType),
    Named(Ident),
    Pointer {
        constant: bool,
        target: Box<TypeExpr>,
    },
    Atomic(Box<TypeExpr>),
    Array {
        count: u64,
        element: Box<TypeExpr>,
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
pub struct Spec {
    pub doc: Doc,
    pub decls: Vec<Decl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl {
    pub name: Ident,
    pub doc: Doc,
    /// The declaration line.
    pub span: Span,
    pub kind: DeclKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclKind {
    IntLike(IntLikeDecl),
    Struct(Vec<MemberDecl>),
    Function(FunctionDecl),
    Syscall(SyscallDecl),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntLikeDecl {
    pub kind: IntLikeKind,
    pub base: IntType,
    pub base_span: Span,
    /// `@cprefix X` gives `Some("X")`, a bare `@cprefix` gives `Some("")`.
    pub cprefix: Option<String>,
    pub values: Vec<ValueDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueDecl {
    pub value: i128,
    pub value_span: Span,
    pub name: Ident,
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberDecl {
    pub span: Span,
    pub doc: Doc,
    pub kind: MemberDeclKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MemberDeclKind {
    Simple {
        ty: TypeExpr,
        name: Ident,
        valrefs: Vec<ValRefDecl>,
    },
    Range {
        constant: bool,
        target: TypeExpr,
        name: Ident,
    },
    Variant {
        tag: Ident,
        arms: Vec<ArmDecl>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValRefDecl {
    pub name: Ident,
    pub doc: Doc,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArmDecl {
    pub span: Span,
    pub tag_values: Vec<Ident>,
    /// `Some` for a `struct NAME` arm, `None` for an arm holding one member directly.
    pub name: Option<Ident>,
    pub members: Vec<MemberDecl>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionDecl {
    pub params: Vec<MemberDecl>,
    pub returns: Option<(TypeExpr, Doc)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyscallDecl {
    pub inputs: Vec<MemberDecl>,
    pub outputs: Vec<MemberDecl>,
    pub noreturn: bool,
}
