//! Rust names for everything in the IR: the one place the Rust backend and the docs backend
//! ask how a type, value, field, syscall or type expression is spelled in Rust.
//!
//! The names are those of the published `cloudabi` crate (0.1.0): types keep their bare
//! spec names (`fd`, `errno`), enum and flag values are upper-cased (`errno::TOOBIG` for
//! `errno.2big`, `rights::FD_READ`), opaque and alias values are free constants carrying the
//! C prefix (`LOCK_UNLOCKED`), and keywords become raw identifiers (`r#type`).

use crate::ir::{IntLike, IntLikeKind, IntType, Ir, MemberPath, Target, Type, TypeId};
use crate::ir::{TypeKind, Value};

/// Whether `name` is one of Rust's strict or reserved keywords (2018 to 2024 editions), which
/// need `r#`. Every name of a spec is looked up: a `match` compiles to a comparison of
/// lengths and then of a few bytes, where a binary search of a sorted list made about six
/// calls to `memcmp` per name (a tenth of the Rust backend's time).
fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "abstract"
            | "as"
            | "async"
            | "await"
            | "become"
            | "box"
            | "break"
            | "const"
            | "continue"
            | "do"
            | "dyn"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "final"
            | "fn"
            | "for"
            | "gen"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "macro"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "override"
            | "priv"
            | "pub"
            | "ref"
            | "return"
            | "static"
            | "struct"
            | "trait"
            | "true"
            | "try"
            | "type"
            | "typeof"
            | "unsafe"
            | "unsized"
            | "use"
            | "virtual"
            | "where"
            | "while"
            | "yield"
    )
}

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["crate", "self", "super", "Self", "_"];

/// A spec identifier as a Rust identifier: `type` → `r#type`, `self` → `self_`.
pub fn ident_name(name: &str) -> String {
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// The kind of Rust item a spec type becomes. Decided here, once: the Rust backend emits by
/// it, the host side decodes by it, and the docs link to the page rustdoc makes for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// `#[repr(uN)] pub enum`: an enum with at least one value.
    Enum,
    /// A `bitflags!` struct.
    Flags,
    /// `pub struct name(pub base)`: opaque types, and enums without values (Rust cannot
    /// give an empty enum an integer representation).
    Newtype,
    /// `pub type name = base;`.
    Alias,
    /// `#[repr(C)] pub struct` with named fields.
    Struct,
    /// `pub type name = unsafe extern "C" fn(..);`.
    Function,
}

impl ItemKind {
    /// The prefix of the rustdoc page: `enum`, `struct` or `type`.
    pub fn rustdoc_kind(self) -> &'static str {
        match self {
            ItemKind::Enum => "enum",
            ItemKind::Flags | ItemKind::Newtype | ItemKind::Struct => "struct",
            ItemKind::Alias | ItemKind::Function => "type",
        }
    }
}

/// What Rust item the type `id` becomes.
pub fn item_kind(ir: &Ir, id: TypeId) -> ItemKind {
    match &ir.ty(id).kind {
        TypeKind::IntLike(int) => int_item_kind(int),
        TypeKind::Struct(_) => ItemKind::Struct,
        TypeKind::Function(_) => ItemKind::Function,
    }
}

/// [`item_kind`] of an int-like type.
pub fn int_item_kind(int: &IntLike) -> ItemKind {
    match int.kind {
        IntLikeKind::Enum if int.values.is_empty() => ItemKind::Newtype,
        IntLikeKind::Enum => ItemKind::Enum,
        IntLikeKind::Flags => ItemKind::Flags,
        IntLikeKind::Opaque => ItemKind::Newtype,
        IntLikeKind::Alias => ItemKind::Alias,
    }
}

/// The name of a type: the bare spec name.
pub fn type_name(ir: &Ir, id: TypeId) -> String {
    ident_name(&ir.ty(id).name.name)
}

/// The Rust spelling of an integer type; `char` is a byte.
pub fn int_type(int: IntType) -> &'static str {
    match int {
        IntType::Char | IntType::Uint8 => "u8",
        IntType::Int8 => "i8",
        IntType::Int16 => "i16",
        IntType::Int32 => "i32",
        IntType::Int64 => "i64",
        IntType::Uint16 => "u16",
        IntType::Uint32 => "u32",
        IntType::Uint64 => "u64",
        IntType::Size => "usize",
    }
}

/// Upper-cases a value name into an identifier. `2big` is `TOOBIG` (the published crate's
/// spelling); any other name starting with a digit gets a leading underscore.
fn upper_ident(name: &str) -> String {
    if name == "2big" {
        return "TOOBIG".to_string();
    }
    let upper = name.to_uppercase();
    if upper.starts_with(|c: char| c.is_ascii_digit()) || upper == "_" {
        format!("_{upper}")
    } else {
        upper
    }
}

/// Whether a type's values live inside the type (enum variants, flag constants) rather than
/// as free constants next to it (opaque and alias values).
pub fn values_are_associated(int: &IntLike) -> bool {
    matches!(int.kind, IntLikeKind::Enum | IntLikeKind::Flags)
}

/// The name of a value: `TOOBIG`, `FD_READ` (inside their type) or `LOCK_UNLOCKED`,
/// `PROCESS_CHILD` (free constants, C prefix included).
pub fn value_name(int: &IntLike, value: &Value) -> String {
    if values_are_associated(int) {
        upper_ident(&value.name.name)
    } else {
        upper_ident(&format!("{}{}", int.cprefix, value.name.name))
    }
}

/// The path of a value from the crate root: `errno::TOOBIG`, `rights::FD_READ`,
/// `LOCK_UNLOCKED`.
pub fn value_path(ir: &Ir, id: TypeId, index: usize) -> String {
    let Some(int) = ir.int_like(id) else {
        return type_name(ir, id);
    };
    let Some(value) = int.values.get(index) else {
        return type_name(ir, id);
    };
    if values_are_associated(int) {
        format!("{}::{}", type_name(ir, id), value_name(int, value))
    } else {
        value_name(int, value)
    }
}

/// How traces print a value: the C constant without `CLOUDABI_` (`E2BIG`, `RIGHT_FD_READ`,
/// `CLOCK_MONOTONIC`), as strace would.
pub fn display_value_name(int: &IntLike, value: &Value) -> String {
    format!("{}{}", int.cprefix, value.name.name).to_uppercase()
}

/// A struct field, function parameter or syscall parameter: `r#type`, `buf`.
pub fn field_name(name: &str) -> String {
    ident_name(name)
}

/// A syscall's wrapper function: the syscall's name.
pub fn syscall_fn(name: &str) -> String {
    ident_name(name)
}

/// The C symbol a wrapper calls and the vDSO exports: `cloudabi_sys_fd_read`.
pub fn syscall_symbol(name: &str) -> String {
    format!("cloudabi_sys_{name}")
}

/// A wrapper's parameter: the spec name with a trailing underscore (`fd_`, `in_`), which
/// also keeps keywords out of the way.
pub fn wrapper_param(name: &str) -> String {
    format!("{name}_")
}

/// The field holding the `ordinal`-th variant (counting from 0) of a struct: `union`, then
/// `union2`, `union3`, ...
pub fn variant_field(ordinal: usize) -> String {
    if ordinal == 0 {
        "union".to_string()
    } else {
        format!("union{}", ordinal + 1)
    }
}

/// The Rust `union` type of a variant of the struct `container`: `subscription_union`.
pub fn union_type(container: &str, ordinal: usize) -> String {
    format!("{container}_{}", variant_field(ordinal))
}

/// The struct of a named arm of a variant of the struct `container`: `subscription_clock`.
pub fn arm_type(container: &str, arm: &str) -> String {
    format!("{container}_{arm}")
}

/// The Rust spelling of a type expression: `*const ciovec`, `[u8; 4]`, `()`. Atomics are
/// plain (callers use the atomic operations on the pointer), and a pointer to a function
/// type is the function pointer type itself.
pub fn type_expr(ir: &Ir, ty: &Type) -> String {
    let mut out = String::new();
    write_type(&mut out, ir, ty, "");
    out
}

/// [`type_expr`] with every named type as `crate::name`: for modules where parameters
/// named like a tuple struct (`fd: crate::fd`) must not meet an import of it.
pub fn qualified_type_expr(ir: &Ir, ty: &Type) -> String {
    let mut out = String::new();
    write_type(&mut out, ir, ty, "crate::");
    out
}

/// Appends the spelling of `ty`, with `prefix` before each named type.
pub fn write_type(out: &mut String, ir: &Ir, ty: &Type, prefix: &str) {
    match ty {
        Type::Void => out.push_str("()"),
        Type::Int(int) => out.push_str(int_type(*int)),
        Type::Named(id) => {
            out.push_str(prefix);
            out.push_str(&type_name(ir, *id));
        }
        Type::Pointer { constant, target } => {
            if !is_function(ir, target) {
                out.push_str(if *constant { "*const " } else { "*mut " });
            }
            write_type(out, ir, target, prefix);
        }
        Type::Atomic(inner) => write_type(out, ir, inner, prefix),
        Type::Array { count, element } => {
            out.push('[');
            write_type(out, ir, element, prefix);
            out.push_str("; ");
            out.push_str(&count.to_string());
            out.push(']');
        }
    }
}

fn is_function(ir: &Ir, ty: &Type) -> bool {
    matches!(ty, Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Function(_)))
}

/// Where a member lives in Rust: its struct or union, and its field name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberLocation {
    pub container: String,
    /// True when the container is a Rust `union` (members of anonymous arms).
    pub in_union: bool,
    pub field: String,
}

/// The Rust struct or union holding a member, and the member's field name.
pub fn member_location(ir: &Ir, path: &MemberPath) -> MemberLocation {
    let mut location = MemberLocation {
        container: ident_name(&ir.ty(path.owner).name.name),
        in_union: false,
        field: String::new(),
    };
    let steps = ir.member_steps(path);
    for pair in steps.windows(2) {
        let (variant, inner) = (&pair[0], &pair[1]);
        let Some((_, arm)) = inner.arm else { break };
        location.in_union = arm.name.is_none();
        location.container = match &arm.name {
            Some(name) => arm_type(&location.container, &name.name),
            None => union_type(&location.container, variant.variant_ordinal()),
        };
    }
    if let Some(last) = steps.last() {
        location.field = field_name(last.member.name());
    }
    location
}

/// The rustdoc intra-doc path a doc reference links to, from the crate root:
/// `crate::errno::BADF`, `crate::fd_read`, `crate::event#structfield.type` (raw field names
/// cannot appear in intra-doc paths). A syscall parameter links
/// to its syscall, a function type's parameter to the function type.
pub fn doc_link_path(ir: &Ir, target: &Target) -> String {
    let path = match target {
        Target::Type(id) => type_name(ir, *id),
        Target::Value(id, index) => value_path(ir, *id, *index),
        Target::Member(path) => match ir.ty(path.owner).kind {
            TypeKind::Function(_) => type_name(ir, path.owner),
            _ => {
                let at = member_location(ir, path);
                field_link(&at.container, &at.field)
            }
        },
        Target::Syscall(id) | Target::Param(id, _, _) => syscall_fn(&ir.syscall(*id).name.name),
    };
    format!("crate::{path}")
}

/// The intra-doc path (without `crate::`) of a field: `event::error`, or for a raw name,
/// which intra-doc paths cannot spell, the anchor on its container's page:
/// `event#structfield.type`.
pub fn field_link(container: &str, field: &str) -> String {
    match field.strip_prefix("r#") {
        Some(bare) => format!("{container}#structfield.{bare}"),
        None => format!("{container}::{field}"),
    }
}

/// Where rustdoc puts the page of a doc reference's target, relative to the crate's doc
/// root: `enum.errno.html#variant.BADF`, `fn.fd_read.html`, `constant.LOCK_UNLOCKED.html`.
pub fn rustdoc_url(ir: &Ir, target: &Target) -> String {
    match target {
        Target::Type(id) => type_page(ir, *id),
        Target::Value(id, index) => value_url(ir, *id, *index),
        Target::Member(path) => match ir.ty(path.owner).kind {
            TypeKind::Function(_) => type_page(ir, path.owner),
            _ => {
                let at = member_location(ir, path);
                let field = at.field.trim_start_matches("r#");
                let kind = if at.in_union { "union" } else { "struct" };
                format!("{kind}.{}.html#structfield.{field}", at.container)
            }
        },
        Target::Syscall(id) | Target::Param(id, _, _) => {
            format!("fn.{}.html", ir.syscall(*id).name.name)
        }
    }
}

/// The rustdoc page of a type: `struct.fd.html`, `enum.errno.html`, `type.timestamp.html`.
pub fn type_page(ir: &Ir, id: TypeId) -> String {
    let kind = item_kind(ir, id).rustdoc_kind();
    format!("{kind}.{}.html", ir.ty(id).name.name)
}

fn value_url(ir: &Ir, id: TypeId, index: usize) -> String {
    let Some(int) = ir.int_like(id) else {
        return type_page(ir, id);
    };
    let Some(value) = int.values.get(index) else {
        return type_page(ir, id);
    };
    let name = value_name(int, value);
    match int_item_kind(int) {
        ItemKind::Enum => format!("{}#variant.{name}", type_page(ir, id)),
        ItemKind::Flags => format!("{}#associatedconstant.{name}", type_page(ir, id)),
        _ => format!("constant.{name}.html"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::MemberKind;

    fn ir() -> Ir {
        crate::default_ir().expect("our spec is valid")
    }

    #[test]
    fn keywords_at_both_ends_of_the_list() {
        assert_eq!(ident_name("abstract"), "r#abstract");
        assert_eq!(ident_name("yield"), "r#yield");
    }

    #[test]
    fn keywords_become_raw() {
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("in"), "r#in");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("union"), "union");
    }

    #[test]
    fn value_names_match_the_published_crate() {
        let ir = ir();
        let errno = ir.find_type("errno").unwrap();
        let int = ir.int_like(errno).unwrap();
        let big = int
            .values
            .iter()
            .position(|v| v.name.name == "2big")
            .unwrap();
        assert_eq!(value_path(&ir, errno, big), "errno::TOOBIG");
        assert_eq!(display_value_name(int, &int.values[big]), "E2BIG");
        let lock = ir.find_type("lock").unwrap();
        assert_eq!(value_path(&ir, lock, 0), "LOCK_UNLOCKED");
        let fd = ir.find_type("fd").unwrap();
        let paths: Vec<String> = (0..2).map(|i| value_path(&ir, fd, i)).collect();
        assert_eq!(paths, ["PROCESS_CHILD", "MAP_ANON_FD"]);
        let rights = ir.find_type("rights").unwrap();
        assert_eq!(value_path(&ir, rights, 0), "rights::FD_DATASYNC");
    }

    #[test]
    fn type_expressions() {
        let ir = ir();
        let send_in = ir.find_type("send_in").unwrap();
        let TypeKind::Struct(s) = &ir.ty(send_in).kind else {
            panic!("send_in is a struct")
        };
        let MemberKind::Range { pointer, .. } = &s.members[0].kind else {
            panic!("si_data is a range")
        };
        assert_eq!(type_expr(&ir, pointer), "*const ciovec");
        assert_eq!(qualified_type_expr(&ir, pointer), "*const crate::ciovec");
        let array = Type::Array {
            count: 4,
            element: Box::new(Type::Int(IntType::Char)),
        };
        assert_eq!(type_expr(&ir, &array), "[u8; 4]");
    }

    #[test]
    fn member_links_go_through_arms() {
        let ir = ir();
        let sub = ir.find_type("subscription").unwrap();
        let path = MemberPath {
            owner: sub,
            first: 3,
            arms: vec![(0, 2)],
        };
        assert_eq!(
            doc_link_path(&ir, &Target::Member(path.clone())),
            "crate::subscription_clock::timeout"
        );
        assert_eq!(
            rustdoc_url(&ir, &Target::Member(path)),
            "struct.subscription_clock.html#structfield.timeout"
        );
        let tag = MemberPath {
            owner: sub,
            first: 2,
            arms: vec![],
        };
        assert_eq!(
            doc_link_path(&ir, &Target::Member(tag)),
            "crate::subscription#structfield.type"
        );
    }
}
