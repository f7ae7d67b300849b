//! The generated `host/trace.rs`: one decoder per syscall (arguments, and result) into
//! `Value`s, built from per-type decoders that give enum values and flags by name.
//!
//! Every value is computed by a statement of its own (`let value = f(args);`), lists and
//! sums by loops, and name tables are constants, so no generated line grows with the
//! nesting of what it decodes.

use super::params::{classify, Kind, Param};
use crate::backend::rust::writer::{RustWriter, SigEnd, ARRAY_WIDTH};
use crate::ir::{
    IntLike, IntLikeKind, IntType, Ir, Member, MemberKind, Pair, Syscall, Type, TypeId, TypeKind,
    ValueName, Variant,
};
use crate::naming::rust::{self as naming, ItemKind};

const HEAD: &str = r#"//! Decodes system calls for tracers: each call's arguments and result as [`Value`]s,
//! by what they mean (enum values and flags by name), which print as
//! `fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
//!
//! The per-call functions take the decoded arguments (writable buffers by their
//! length, since their contents are not known before the call) and return a
//! [`Call`]; the `*_result` functions decode what the call returned.

#![allow(unused_imports)]

use core::fmt;
use std::format;
use std::string::String;
use std::vec::Vec;

"#;

/// The spec-independent part: [`Value`], [`Call`], their text form, and the helpers the
/// decoders share.
const RUNTIME: &str = r#"/// A decoded argument or result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Nothing: the result of a call without outputs.
    Unit,
    /// A number: a size, an offset, a descriptor, a time.
    Int(i128),
    /// A value by its name: an enum value, or a value with a documented meaning.
    Name(&'static str),
    /// A set of flags: the names of the bits set, and the bits without a name.
    Flags(Vec<&'static str>, u64),
    /// An address.
    Pointer(usize),
    /// An address range: its start and length.
    Range(usize, usize),
    /// Bytes shown as text (a path).
    Text(String),
    /// A buffer shown by its size: how many elements, and what they are.
    Count(usize, &'static str),
    /// A list of buffers: how many, what they are, and how many bytes in all.
    Buffers(usize, &'static str, usize),
    /// The values of a list.
    List(Vec<Value>),
    /// The outputs of a call with several.
    Tuple(Vec<Value>),
    /// A structure's members.
    Struct(Vec<(&'static str, Value)>),
}

impl fmt::Display for Value {
    /// The trace's text form: `3`, `EBADF`, `O_CREAT|O_EXCL`, `0x1000+4096`,
    /// `"path"`, `[1 ciovec, 5 bytes]`, `[3, 4]`, `(3, 4)`, `{fd=3, flags=0}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unit => f.write_str("()"),
            Value::Int(v) => write!(f, "{}", v),
            Value::Name(name) => f.write_str(name),
            Value::Flags(names, rest) => {
                let mut parts: Vec<String> = names.iter().map(|n| String::from(*n)).collect();
                if *rest != 0 {
                    parts.push(format!("{:#x}", rest));
                }
                if parts.is_empty() {
                    f.write_str("0")
                } else {
                    f.write_str(&parts.join("|"))
                }
            }
            Value::Pointer(p) => write!(f, "{:#x}", p),
            Value::Range(start, len) => write!(f, "{:#x}+{}", start, len),
            Value::Text(text) => write!(f, "{:?}", text),
            Value::Count(n, what) => write!(f, "[{} {}]", n, what),
            Value::Buffers(n, what, bytes) => {
                write!(f, "[{} {}, {} bytes]", n, what, bytes)
            }
            Value::List(items) => {
                f.write_str("[")?;
                separated(f, items.iter(), |f, v| write!(f, "{}", v))?;
                f.write_str("]")
            }
            Value::Tuple(items) => {
                f.write_str("(")?;
                separated(f, items.iter(), |f, v| write!(f, "{}", v))?;
                f.write_str(")")
            }
            Value::Struct(members) => {
                f.write_str("{")?;
                separated(f, members.iter(), |f, (name, v)| {
                    write!(f, "{}={}", name, v)
                })?;
                f.write_str("}")
            }
        }
    }
}

fn separated<T>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = T>,
    mut one: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        one(f, item)?;
    }
    Ok(())
}

/// One call: the system call's name and its decoded arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub syscall: &'static str,
    /// The arguments by name, in order.
    pub args: Vec<(&'static str, Value)>,
    /// False when the arguments failed their checks (and are not shown).
    pub checked: bool,
    /// Whether the call never returns (`proc_exit`, `thread_exit`).
    pub noreturn: bool,
}

impl Call {
    /// A call whose arguments failed their checks.
    pub fn unchecked(syscall: &'static str) -> Call {
        Call {
            syscall,
            args: Vec::new(),
            checked: false,
            noreturn: false,
        }
    }
}

impl fmt::Display for Call {
    /// `fd_write(fd=3, iovs=[1 ciovec, 5 bytes])`, or `fd_write(..)` when the
    /// arguments failed their checks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.checked {
            return write!(f, "{}(..)", self.syscall);
        }
        write!(f, "{}(", self.syscall)?;
        separated(f, self.args.iter(), |f, (name, v)| {
            write!(f, "{}={}", name, v)
        })?;
        f.write_str(")")
    }
}

/// The names of the flags set in `bits` (in the order given) and the bits left.
pub fn flags(bits: u64, names: &[(u64, &'static str)]) -> Value {
    let mut set = Vec::new();
    let mut rest = bits;
    for &(bit, name) in names {
        if bit != 0 && rest & bit == bit {
            set.push(name);
            rest &= !bit;
        }
    }
    Value::Flags(set, rest)
}

/// A value's name if it has one, else the number.
pub fn named(value: i128, names: &[(i128, &'static str)]) -> Value {
    match names.iter().find(|(v, _)| *v == value) {
        Some((_, name)) => Value::Name(name),
        None => Value::Int(value),
    }
}

/// A pointer's address.
pub fn ptr<T: ?Sized>(p: *const T) -> Value {
    Value::Pointer(p as *const u8 as usize)
}

/// An array of integers.
pub fn ints<T: Copy + Into<i128>>(items: &[T]) -> Value {
    Value::List(items.iter().map(|v| Value::Int((*v).into())).collect())
}

/// An address range.
pub fn address_range(range: *mut [u8]) -> Value {
    Value::Range(range as *mut u8 as usize, range.len())
}

/// Bytes as text.
pub fn text(bytes: &[u8]) -> Value {
    Value::Text(String::from_utf8_lossy(bytes).into_owned())
}
"#;

pub(crate) fn file(ir: &Ir) -> String {
    let mut w = RustWriter::with_capacity(16 * 1024 + 1024 * (ir.types.len() + ir.syscalls.len()));
    w.raw(&crate::backend::banner(ir, "// "));
    w.blank();
    w.raw(HEAD);
    w.raw(RUNTIME);
    for id in ir.type_ids() {
        if let Some(int) = ir.int_like(id) {
            name_table(&mut w, ir, id, int);
        }
    }
    for id in ir.type_ids() {
        type_decoder(&mut w, ir, id);
    }
    for call in &ir.syscalls {
        call_decoders(&mut w, ir, call);
    }
    w.finish()
}

fn fmt_name(name: &str) -> String {
    format!("fmt_{name}")
}

/// The constant that names the values of an int-like type: `ERRNO_NAMES`.
fn table_name(ir: &Ir, id: TypeId) -> String {
    format!("{}_NAMES", ir.ty(id).name.name.to_ascii_uppercase())
}

/// `(value, "NAME")` pairs, an enum's second name for a value left out (it is never what
/// a value is shown as). Flags are paired with their bits as `u64`.
fn name_pairs(int: &IntLike, names: impl Iterator<Item = (i128, String)>) -> Vec<String> {
    let mut seen = Vec::new();
    let mut pairs = Vec::new();
    for (value, name) in names {
        if seen.contains(&value) {
            continue;
        }
        seen.push(value);
        pairs.push(match int.kind {
            IntLikeKind::Flags => format!("({}, \"{name}\")", value as u64),
            _ => format!("({value}, \"{name}\")"),
        });
    }
    pairs
}

/// `const ERRNO_NAMES: &[(i128, &str)] = &[..];`: the names of a type's values, shared
/// by its decoder and every member of the type that means what the type says.
fn name_table(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    let names = int
        .values
        .iter()
        .map(|v| (v.value, naming::display_value_name(int, v)));
    let pairs = name_pairs(int, names);
    let number = if int.kind == IntLikeKind::Flags {
        "u64"
    } else {
        "i128"
    };
    w.blank();
    w.doc(&[format!(
        "The names of [`{0}`](crate::{0})'s values.",
        ir.ty(id).name.name
    )]);
    let head = format!("const {}: &[({number}, &str)] = &", table_name(ir, id));
    w.list(&head, ("[", "]"), &pairs, ";", ARRAY_WIDTH);
}

fn type_decoder(w: &mut RustWriter, ir: &Ir, id: TypeId) {
    let def = ir.ty(id);
    let ty = format!("crate::{}", naming::type_name(ir, id));
    let f = fmt_name(&def.name.name);
    match &def.kind {
        TypeKind::IntLike(int) => {
            w.blank();
            w.doc(&[format!(
                "Decodes a [`{0}`](crate::{0}) for a trace.",
                def.name.name
            )]);
            w.signature(
                &format!("pub fn {f}"),
                &[format!("v: {ty}")],
                "Value",
                SigEnd::Body,
            );
            let table = table_name(ir, id);
            if naming::int_item_kind(int) == ItemKind::Flags {
                w.call("flags", &[flag_bits(int, "v.bits()"), table], "");
            } else {
                let raw = match naming::int_item_kind(int) {
                    ItemKind::Alias | ItemKind::Enum => "v",
                    _ => "v.0",
                };
                w.call("named", &[format!("{raw} as i128"), table], "");
            }
            w.close("}");
        }
        TypeKind::Struct(s) => {
            w.blank();
            w.doc(&[
                format!(
                    "Decodes a [`{0}`](crate::{0}) for a trace, field by field from its bytes: an \
                     enum field holding a number the enum does not name shows the number, and a \
                     variant shows the arm its tag selects.",
                    def.name.name
                ),
                String::new(),
                "# Safety".to_string(),
                String::new(),
                "`p` must be valid for reading a whole value of the type; its bytes need not be \
                 a valid Rust value."
                    .to_string(),
            ]);
            w.signature(
                &format!("pub unsafe fn {f}"),
                &[format!("p: *const {ty}")],
                "Value",
                SigEnd::Body,
            );
            if s.members.is_empty() {
                w.line("let _ = p;");
                w.line("Value::Struct(Vec::new())");
            } else {
                w.line("let mut members = Vec::new();");
                w.open_unsafe(&FIELD_BY_FIELD);
                raw_members(w, ir, &s.members, "p", "members", 0);
                w.close("}");
                w.line("Value::Struct(members)");
            }
            w.close("}");
        }
        TypeKind::Function(_) => {}
    }
}

/// `bits` (an unsigned integer of a flags type's base) as the `u64` that `flags` takes.
fn flag_bits(int: &IntLike, bits: &str) -> String {
    match int.base {
        IntType::Uint64 => bits.to_string(),
        IntType::Uint8 | IntType::Uint16 | IntType::Uint32 | IntType::Char => {
            format!("u64::from({bits})")
        }
        _ => format!("{bits} as u64"),
    }
}

/// Pushes `("name", value)` onto the vector `into` for each member of a struct or arm at
/// the raw pointer `base`, read from its bytes; padding is left out, and a variant shows
/// the arm its tag selects. `depth` counts the arms around, for the names of locals.
fn raw_members(
    w: &mut RustWriter,
    ir: &Ir,
    members: &[Member],
    base: &str,
    into: &str,
    depth: usize,
) {
    let mut ordinal = 0;
    for m in members {
        let name = m.name();
        let field = naming::field_name(name);
        match &m.kind {
            MemberKind::Simple { ty, .. } => {
                raw_value(w, ir, m, ty, base, &field);
                w.line_fmt(format_args!("{into}.push((\"{name}\", value));"));
            }
            MemberKind::Range { target, .. } => {
                w.macro_call(
                    "let at = core::ptr::addr_of!",
                    &format!("(*{base}).{field}.1"),
                    ";",
                );
                let what = element_word(ir, target);
                w.line_fmt(format_args!(
                    "let value = Value::Count(at.read(), \"{what}\");"
                ));
                w.line_fmt(format_args!("{into}.push((\"{name}\", value));"));
            }
            MemberKind::Variant(v) => {
                let union = naming::variant_field(ordinal);
                ordinal += 1;
                raw_variant(w, ir, members, v, base, &union, into, depth);
            }
        }
    }
}

/// Pushes onto `into` the arm a variant's tag selects, read from its bytes, or
/// `("union", ..)` when the tag selects none.
#[allow(clippy::too_many_arguments)]
fn raw_variant(
    w: &mut RustWriter,
    ir: &Ir,
    members: &[Member],
    variant: &Variant,
    base: &str,
    union: &str,
    into: &str,
    depth: usize,
) {
    let (Some(tag_member), Some(tag_int)) =
        (members.get(variant.tag), ir.int_like(variant.tag_type))
    else {
        w.line_fmt(format_args!(
            "{into}.push((\"union\", Value::Name(\"..\")));"
        ));
        return;
    };
    let tag = naming::field_name(tag_member.name());
    w.macro_call(
        "let at = core::ptr::addr_of!",
        &format!("(*{base}).{tag}"),
        ";",
    );
    if naming::item_kind(ir, variant.tag_type) == ItemKind::Alias {
        w.line("let tag = at.read();");
    } else {
        let int = naming::int_type(tag_int.base);
        w.line_fmt(format_args!("let tag = (at as *const {int}).read();"));
    }
    w.open("match tag {");
    let inner = depth + 1;
    let (arm_ptr, fields) = (format!("arm{inner}"), format!("fields{inner}"));
    for (index, arm) in variant.arms.iter().enumerate() {
        let mut values: Vec<String> = Vec::new();
        for v in arm
            .tag_values
            .iter()
            .filter_map(|(i, _)| tag_int.values.get(*i))
        {
            // Two names for one value are one pattern.
            let literal = crate::backend::rust::types::literal(tag_int, v.value);
            if !values.contains(&literal) {
                values.push(literal);
            }
        }
        if values.is_empty() {
            continue;
        }
        w.open_fmt(format_args!("{} => {{", values.join(" | ")));
        let (field, label) = match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => (
                Some(naming::field_name(&arm_name.name)),
                Some(arm_name.name.as_str()),
            ),
            (None, [one]) if one.offset == Pair::same(0) => (None, None),
            (None, _) => (Some(format!("arm{index}")), Some("union")),
        };
        // One field per step, so that no place is a chain rustfmt would break.
        let head = format!("let {arm_ptr} = core::ptr::addr_of!");
        w.macro_call(&head, &format!("(*{base}).{union}"), ";");
        if let Some(field) = field {
            w.macro_call(&head, &format!("(*{arm_ptr}).{field}"), ";");
        }
        match label {
            // An anonymous arm of one member is that member.
            None => raw_members(w, ir, &arm.members, &arm_ptr, into, inner),
            Some(label) if arm.members.is_empty() => {
                w.line_fmt(format_args!("let _ = {arm_ptr};"));
                w.line_fmt(format_args!(
                    "{into}.push((\"{label}\", Value::Struct(Vec::new())));"
                ));
            }
            Some(label) => {
                w.line_fmt(format_args!("let mut {fields} = Vec::new();"));
                raw_members(w, ir, &arm.members, &arm_ptr, &fields, inner);
                w.line_fmt(format_args!(
                    "{into}.push((\"{label}\", Value::Struct({fields})));"
                ));
            }
        }
        w.close("}");
    }
    w.open("_ => {");
    w.line_fmt(format_args!(
        "{into}.push((\"union\", Value::Name(\"..\")));"
    ));
    w.close("}");
    w.close("}");
}

/// `let value = ...;`: the member `field` of the struct at the raw pointer `base`, of
/// type `ty`, read from its bytes (so any bit pattern is fine) and named as `member`
/// means it.
fn raw_value(w: &mut RustWriter, ir: &Ir, member: &Member, ty: &Type, base: &str, field: &str) {
    let at = |w: &mut RustWriter| {
        w.macro_call(
            "let at = core::ptr::addr_of!",
            &format!("(*{base}).{field}"),
            ";",
        );
    };
    match ty {
        Type::Void => w.line("let value = Value::Unit;"),
        Type::Int(_) => {
            at(w);
            w.line("let value = Value::Int(at.read() as i128);");
        }
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => {
                at(w);
                // An alias is its base type already; anything else is read as one.
                if naming::item_kind(ir, *id) == ItemKind::Alias {
                    w.line("let raw = at.read();");
                } else {
                    let base = naming::int_type(int.base);
                    w.line_fmt(format_args!("let raw = (at as *const {base}).read();"));
                }
                int_value(w, ir, Some(member), *id, int, "raw");
            }
            TypeKind::Struct(_) => {
                at(w);
                let f = fmt_name(&ir.ty(*id).name.name);
                w.line_fmt(format_args!("let value = {f}(at);"));
            }
            TypeKind::Function(_) => {
                at(w);
                w.line("let value = Value::Pointer((at as *const usize).read());");
            }
        },
        Type::Pointer { .. } => {
            at(w);
            w.line("let value = Value::Pointer((at as *const usize).read());");
        }
        Type::Atomic(inner) => raw_value(w, ir, member, inner, base, field),
        Type::Array { element, .. } => match &**element {
            Type::Int(_) => {
                at(w);
                w.line("let value = ints(&*at);");
            }
            _ => w.line("let value = Value::Name(\"[..]\");"),
        },
    }
}

/// `let value = ...;` for a value of the int-like type `id` held, in its base integer
/// type, by the simple expression `raw`: flags bit by bit, anything else by the names
/// the member gives its values (without a member, its type's).
fn int_value(
    w: &mut RustWriter,
    ir: &Ir,
    member: Option<&Member>,
    id: TypeId,
    int: &IntLike,
    raw: &str,
) {
    let table = table_name(ir, id);
    if int.kind == IntLikeKind::Flags {
        w.call("let value = flags", &[flag_bits(int, raw), table], ";");
        return;
    }
    let by_table = |w: &mut RustWriter| {
        w.call(
            "let value = named",
            &[format!("{raw} as i128"), table.clone()],
            ";",
        );
    };
    let Some(member) = member else {
        by_table(w);
        return;
    };
    let names = ir.value_names(member);
    if names.is_empty() {
        w.line_fmt(format_args!("let value = Value::Int({raw} as i128);"));
        return;
    }
    let whole_type = names.len() == int.values.len()
        && names
            .iter()
            .enumerate()
            .all(|(i, (_, n))| matches!(n, ValueName::OfType(t, j) if *t == id && *j == i));
    if whole_type {
        by_table(w);
        return;
    }
    let shown = names.into_iter().map(|(value, name)| {
        let shown = match name {
            ValueName::OfType(t, i) => match ir.int_like(t) {
                Some(of) => naming::display_value_name(of, &of.values[i]),
                None => String::new(),
            },
            // A member's own value has no constant in any language: its spec name.
            ValueName::Own(v) => v.name.name.clone(),
        };
        (value, shown)
    });
    let pairs = name_pairs(int, shown);
    w.open("let value = {");
    w.list(
        "const NAMES: &[(i128, &str)] = &",
        ("[", "]"),
        &pairs,
        ";",
        ARRAY_WIDTH,
    );
    w.line_fmt(format_args!("named({raw} as i128, NAMES)"));
    w.close("};");
}

/// `expr`, a value of the int-like type `id` as the trait passes it, as its base integer.
fn base_int(ir: &Ir, id: TypeId, expr: &str) -> String {
    match naming::item_kind(ir, id) {
        ItemKind::Enum => {
            let base = ir
                .int_like(id)
                .map_or("i128", |int| naming::int_type(int.base));
            format!("{expr} as {base}")
        }
        // rustfmt spells `v.0.0` as `v.0 .0`; parentheses read better.
        ItemKind::Newtype if is_ident(expr) => format!("{expr}.0"),
        ItemKind::Newtype => format!("({expr}).0"),
        ItemKind::Flags => format!("{expr}.bits()"),
        _ => expr.to_string(),
    }
}

fn is_ident(expr: &str) -> bool {
    expr.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '#')
}

/// `let value = ...;` for a value of `ty` held by the expression `expr` (as the trait
/// passes it), named as `member` means it.
fn member_value(w: &mut RustWriter, ir: &Ir, member: &Member, ty: &Type, expr: &str) {
    if let Type::Named(id) = ty {
        if let Some(int) = ir.int_like(*id).filter(|i| i.kind != IntLikeKind::Flags) {
            w.line_fmt(format_args!("let raw = {};", base_int(ir, *id, expr)));
            int_value(w, ir, Some(member), *id, int, "raw");
            return;
        }
    }
    value(w, ir, ty, expr);
}

/// What a range's elements are called in a trace: `bytes`, or the type's name.
fn element_word(ir: &Ir, target: &Type) -> String {
    match target {
        Type::Void | Type::Int(crate::ir::IntType::Char) => "bytes".to_string(),
        other => naming::type_expr(ir, other),
    }
}

/// `let value = ...;`: decodes the value of type `ty` that `expr` reads, by its type.
fn value(w: &mut RustWriter, ir: &Ir, ty: &Type, expr: &str) {
    let call = |w: &mut RustWriter, f: &str, arg: String| {
        w.call(&format!("let value = {f}"), &[arg], ";");
    };
    match ty {
        Type::Void => w.line("let value = Value::Unit;"),
        Type::Int(_) => call(w, "Value::Int", format!("{expr} as i128")),
        Type::Named(id) => {
            let def = ir.ty(*id);
            let f = fmt_name(&def.name.name);
            match def.kind {
                TypeKind::Struct(_) => {
                    w.line("// SAFETY: a reference is valid to read.");
                    w.line_fmt(format_args!("let value = unsafe {{ {f}(&{expr}) }};"));
                }
                TypeKind::IntLike(_) => call(w, &f, expr.to_string()),
                TypeKind::Function(_) => call(w, "ptr", format!("{expr} as *const ()")),
            }
        }
        Type::Pointer { target, .. } => match &**target {
            Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Function(_)) => {
                call(w, "ptr", format!("{expr} as *const ()"))
            }
            _ => call(w, "ptr", expr.to_string()),
        },
        Type::Atomic(inner) => value(w, ir, inner, expr),
        Type::Array { element, .. } => match &**element {
            Type::Int(_) => call(w, "ints", format!("&{expr}")),
            _ => w.line("let value = Value::Name(\"[..]\");"),
        },
    }
}

/// The argument type the per-call decoder takes for a parameter.
pub(super) fn view_type(ir: &Ir, kind: &Kind) -> String {
    match kind {
        Kind::Slice { mutable: true, .. } | Kind::Counted { mutable: true, .. } | Kind::Count => {
            "usize".to_string()
        }
        Kind::UninitRef(ty) => format!("*const {}", naming::qualified_type_expr(ir, ty)),
        other => super::params::trait_type(ir, other),
    }
}

/// How the raw entry point passes a decoded parameter (`local`) to the decoder.
pub(super) fn view_expr(kind: &Kind, local: &str) -> String {
    match kind {
        Kind::Slice { mutable: true, .. } | Kind::Counted { mutable: true, .. } => {
            format!("{local}.len()")
        }
        Kind::UninitRef(_) => format!("{local}.as_ptr()"),
        _ => local.to_string(),
    }
}

/// `let value = ...;` for a parameter as the decoder receives it.
fn view_value(w: &mut RustWriter, ir: &Ir, member: &Member, kind: &Kind, local: &str) {
    let count = |w: &mut RustWriter, n: String, what: &str| {
        w.call("let value = Value::Count", &[n, format!("\"{what}\"")], ";");
    };
    match kind {
        Kind::Value(ty) | Kind::CheckedValue(ty) | Kind::Raw(ty) | Kind::Atomic(ty) => {
            member_value(w, ir, member, ty, local)
        }
        Kind::Enum(id) => member_value(w, ir, member, &Type::Named(*id), local),
        Kind::Slice { target, mutable }
        | Kind::Counted {
            target, mutable, ..
        } => {
            if *mutable {
                count(w, local.to_string(), &element_word(ir, target));
            } else {
                slice_value(w, ir, member, target, local);
            }
        }
        Kind::AddressRange => w.call("let value = address_range", &[local], ";"),
        Kind::Ref(Type::Named(id)) if matches!(ir.ty(*id).kind, TypeKind::Struct(_)) => {
            let f = fmt_name(&ir.ty(*id).name.name);
            w.line("// SAFETY: a reference is valid to read.");
            w.line_fmt(format_args!("let value = unsafe {{ {f}({local}) }};"));
        }
        Kind::Ref(ty) => member_value(w, ir, member, ty, &format!("*{local}")),
        // Field by field, whatever numbers its enum fields hold.
        Kind::Fields(Type::Named(id)) => {
            let f = fmt_name(&ir.ty(*id).name.name);
            w.line("// SAFETY: the entry point checked the whole struct as readable guest memory.");
            w.line_fmt(format_args!(
                "let value = unsafe {{ {f}({local}.as_ptr()) }};"
            ));
        }
        Kind::Fields(_) => w.call("let value = ptr", &[format!("{local}.as_ptr()")], ";"),
        Kind::UninitRef(_) => w.call("let value = ptr", &[local], ";"),
        Kind::Count => w.call("let value = Value::Int", &[format!("{local} as i128")], ";"),
    }
}

/// A read-only slice: text for `char`, a byte count for `void`, the values for int-like
/// elements and structs, and for buffer lists (`iovec`, `ciovec`) the count and the total
/// size.
fn slice_value(w: &mut RustWriter, ir: &Ir, member: &Member, target: &Type, local: &str) {
    let len = format!("{local}.len()");
    match target {
        Type::Int(crate::ir::IntType::Char) => w.call("let value = text", &[local], ";"),
        Type::Void => w.call(
            "let value = Value::Count",
            &[len, "\"bytes\"".to_string()],
            ";",
        ),
        Type::Named(id) => {
            let def = ir.ty(*id);
            let name = format!("\"{}\"", def.name.name);
            match &def.kind {
                TypeKind::Struct(s) => match s.members.as_slice() {
                    [Member {
                        kind: MemberKind::Range { .. },
                        name: Some(field),
                        ..
                    }] => {
                        w.line("let mut bytes = 0;");
                        w.open_fmt(format_args!("for e in {local} {{"));
                        w.line_fmt(format_args!(
                            "bytes += e.{}.1;",
                            naming::field_name(&field.name)
                        ));
                        w.close("}");
                        let args = [len, name, "bytes".to_string()];
                        w.call("let value = Value::Buffers", &args, ";");
                    }
                    _ => {
                        let f = fmt_name(&def.name.name);
                        w.line("let mut items = Vec::new();");
                        w.open_fmt(format_args!("for e in {local} {{"));
                        w.line("// SAFETY: the elements of a slice are valid to read.");
                        w.line_fmt(format_args!("let value = unsafe {{ {f}(e) }};"));
                        w.line("items.push(value);");
                        w.close("}");
                        w.line("let value = Value::List(items);");
                    }
                },
                _ => {
                    w.line("let mut items = Vec::new();");
                    w.open_fmt(format_args!("for &e in {local} {{"));
                    member_value(w, ir, member, target, "e");
                    w.line("items.push(value);");
                    w.close("}");
                    w.line("let value = Value::List(items);");
                }
            }
        }
        _ => w.call(
            "let value = Value::Count",
            &[len, "\"elements\"".to_string()],
            ";",
        ),
    }
}

/// Locals the decoders declare; a parameter of the same name is renamed so that none
/// hides it before it is decoded.
/// Why a struct decoder may read its fields: what its `# Safety` section asks of `p`.
const FIELD_BY_FIELD: [&str; 2] = [
    "`p` is valid for reading a whole value (this function's contract); each field",
    "is read at its own address and as its base type, so any bytes are acceptable.",
];

const LOCALS: &[&str] = &["args", "value", "raw", "items", "e", "bytes", "at", "tag"];

/// The decoders' names for a call's parameters: their field names, with `_` appended
/// where one would clash with a local or with another parameter.
fn decoder_params(names: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        let mut local = naming::field_name(name);
        while LOCALS.contains(&local.as_str()) || out.contains(&local) {
            local.push('_');
        }
        out.push(local);
    }
    out
}

fn call_decoders(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    let name = naming::field_name(&call.name.name);
    let shown: Vec<Param> = classify(ir, call)
        .into_iter()
        .filter(|p| !matches!(p.kind, Kind::Count))
        .collect();
    let names: Vec<&str> = shown.iter().map(|p| p.member.name()).collect();
    let locals = decoder_params(&names);
    let params: Vec<String> = shown
        .iter()
        .zip(&locals)
        .map(|(p, local)| format!("{local}: {}", view_type(ir, &p.kind)))
        .collect();
    w.blank();
    w.doc(&[format!(
        "The arguments of a [`{0}`](crate::{0}) call.",
        call.name.name
    )]);
    w.signature(&format!("pub fn {name}"), &params, "Call", SigEnd::Body);
    if shown.is_empty() {
        w.line("let args = Vec::new();");
    } else {
        w.line("let mut args = Vec::new();");
    }
    for (p, local) in shown.iter().zip(&locals) {
        view_value(w, ir, p.member, &p.kind, local);
        w.line_fmt(format_args!("args.push((\"{}\", value));", p.member.name()));
    }
    w.open("Call {");
    w.line_fmt(format_args!("syscall: \"{}\",", call.name.name));
    w.line("args,");
    w.line("checked: true,");
    w.line_fmt(format_args!("noreturn: {},", call.noreturn));
    w.close("}");
    w.close("}");
    if call.noreturn {
        return;
    }
    let out = super::params::output_type(ir, call);
    let filled = filled(ir, call);
    w.blank();
    w.doc(&[format!(
        "The result of a [`{0}`](crate::{0}) call.",
        call.name.name
    )]);
    let head = format!("pub fn {}_result", call.name.name);
    let mut params = vec![format!("result: &Result<{out}, crate::errno>")];
    for (p, _) in &filled {
        params.push(format!(
            "{}: (*const {}, usize)",
            filled_view(p),
            filled_type(ir, p)
        ));
    }
    w.signature(&head, &params, "Result<Value, crate::errno>", SigEnd::Body);
    w.open("let v = match result {");
    w.line("Ok(v) => v,");
    w.line("Err(e) => return Err(*e),");
    w.close("};");
    if filled.is_empty() {
        ok_value(w, ir, call);
    } else {
        filled_value(w, ir, call, &filled);
    }
    w.close("}");
}

/// The outputs of a call, each as the member it is.
fn outputs(call: &Syscall) -> Vec<(&Member, &Type)> {
    call.outputs
        .iter()
        .filter_map(|m| match &m.kind {
            MemberKind::Simple { ty, .. } => Some((m, ty)),
            _ => None,
        })
        .collect()
}

fn ok_value(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    match outputs(call).as_slice() {
        [] => {
            w.line("let () = *v;");
            w.line("Ok(Value::Unit)");
        }
        [(m, ty)] => {
            w.line("let v = *v;");
            member_value(w, ir, m, ty, "v");
            w.line("Ok(value)");
        }
        many => {
            w.line("let mut parts = Vec::new();");
            for (i, (m, ty)) in many.iter().enumerate() {
                member_value(w, ir, m, ty, &format!("v.{i}"));
                w.line("parts.push(value);");
            }
            w.line("Ok(Value::Tuple(parts))");
        }
    }
}

/// The inputs a call fills (`@filled`): each with the output that counts the values filled.
fn filled<'a>(ir: &Ir, call: &'a Syscall) -> Vec<(Param<'a>, usize)> {
    classify(ir, call)
        .into_iter()
        .filter_map(|p| p.member.filled.map(|o| (p, o)))
        .collect()
}

/// The name of a filled buffer's (pointer, capacity) pair: `out_filled`.
fn filled_view(p: &Param) -> String {
    format!("{}_filled", p.member.name())
}

/// The type of a filled buffer's elements.
fn filled_type(ir: &Ir, p: &Param) -> String {
    match &p.kind {
        Kind::Counted { target, .. } => naming::qualified_type_expr(ir, target),
        _ => "u8".to_string(),
    }
}

/// For the raw entry point: captures each buffer the call fills as (pointer, capacity)
/// before the call takes it, to be passed to the result decoder after it. Returns the
/// arguments that pass them.
pub(super) fn filled_views(w: &mut RustWriter, ir: &Ir, call: &Syscall) -> Vec<String> {
    filled(ir, call)
        .into_iter()
        .map(|(p, _)| {
            let local = naming::field_name(p.member.name());
            let view = filled_view(&p);
            let t = filled_type(ir, &p);
            w.line_fmt(format_args!("let {view} = {local}.as_ptr() as *const {t};"));
            w.line_fmt(format_args!("let {view} = ({view}, {local}.len());"));
            view
        })
        .collect()
}

/// The `Value` of a successful call that filled buffers: each output and buffer by name
/// (`{nevents=1, out=[{...}]}`).
fn filled_value(w: &mut RustWriter, ir: &Ir, call: &Syscall, filled: &[(Param, usize)]) {
    let outs = outputs(call);
    let one = outs.len() == 1;
    w.line("let mut parts = Vec::new();");
    for (i, (m, ty)) in outs.iter().enumerate() {
        let expr = if one {
            "*v".to_string()
        } else {
            format!("v.{i}")
        };
        member_value(w, ir, m, ty, &expr);
        w.line_fmt(format_args!("parts.push((\"{}\", value));", m.name()));
    }
    for (p, count) in filled {
        let Kind::Counted {
            target: Type::Named(id),
            ..
        } = &p.kind
        else {
            continue;
        };
        let f = fmt_name(&ir.ty(*id).name.name);
        let view = filled_view(p);
        let n = if one {
            "*v".to_string()
        } else {
            format!("v.{count}")
        };
        w.line("let mut items = Vec::new();");
        w.open_fmt(format_args!("for i in 0..({n}).min({view}.1) {{"));
        w.line("// SAFETY: the call filled this many values of the buffer the entry point");
        w.line("// checked as writable guest memory; they are read field by field.");
        w.line_fmt(format_args!(
            "let value = unsafe {{ {f}({view}.0.add(i)) }};"
        ));
        w.line("items.push(value);");
        w.close("}");
        w.line_fmt(format_args!(
            "parts.push((\"{}\", Value::List(items)));",
            p.member.name()
        ));
    }
    w.line("Ok(Value::Struct(parts))");
}
