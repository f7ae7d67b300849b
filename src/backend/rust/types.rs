//! Int-like types (enums, flag sets, opaque newtypes, aliases) and function pointer types,
//! in the representations the published crate uses and its clients rely on.

use super::docs;
use super::writer::RustWriter;
use crate::ir::{IntLike, Ir, MemberKind, TypeDef, TypeId, TypeKind};
use crate::naming::rust::{self as naming, ItemKind};

const INDENT: &str = "    ";

/// Every int-like and function type, in declaration order.
pub(super) fn write_all(w: &mut RustWriter, ir: &Ir) {
    for id in ir.type_ids() {
        let def = ir.ty(id);
        match &def.kind {
            TypeKind::IntLike(int) => match naming::int_item_kind(int) {
                ItemKind::Enum => enum_type(w, ir, id, int),
                ItemKind::Flags => flags(w, ir, id, int),
                ItemKind::Alias => alias(w, ir, id, int),
                _ => newtype(w, ir, id, int),
            },
            TypeKind::Function(f) => function(w, ir, def, f),
            TypeKind::Struct(_) => continue,
        }
        w.blank();
    }
}

/// Whether an int-like type is emitted as a Rust `enum` (see [`naming::int_item_kind`]).
pub(super) fn is_rust_enum(int: &IntLike) -> bool {
    naming::int_item_kind(int) == ItemKind::Enum
}

/// A value as a literal of the type's base: hex for flags and opaque values (they are bit
/// patterns or handles), decimal otherwise.
pub(super) fn literal(int: &IntLike, value: i128) -> String {
    if int.is_bit_pattern() && value >= 0 {
        let digits = int.base.hex_digits();
        format!("{:#0width$x}", value, width = digits + 2)
    } else {
        value.to_string()
    }
}

fn enum_type(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    let name = naming::type_name(ir, id);
    w.doc_text(&docs::text(ir, &ir.ty(id).doc));
    w.line_of(&["#[repr(", naming::int_type(int.base), ")]"]);
    w.line("#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]");
    w.line("#[non_exhaustive]");
    w.open_fmt(format_args!("pub enum {name} {{"));
    // Rust enums cannot repeat a discriminant: a second name for a value becomes an
    // associated constant equal to the first.
    let mut aliases = Vec::new();
    for (index, value) in int.values.iter().enumerate() {
        match int.values[..index].iter().find(|v| v.value == value.value) {
            Some(first) => aliases.push((value, first)),
            None => {
                w.doc_text(&docs::text(ir, &value.doc));
                let vname = naming::value_name(int, value);
                w.line_fmt(format_args!("{vname} = {},", value.value));
            }
        }
    }
    w.close("}");
    if aliases.is_empty() {
        return;
    }
    w.blank();
    w.open_fmt(format_args!("impl {name} {{"));
    for (i, (value, first)) in aliases.into_iter().enumerate() {
        if i > 0 {
            w.blank();
        }
        w.doc_text(&docs::text(ir, &value.doc));
        let (alias, target) = (
            naming::value_name(int, value),
            naming::value_name(int, first),
        );
        w.line_fmt(format_args!(
            "pub const {alias}: {name} = {name}::{target};"
        ));
    }
    w.close("}");
}

/// A `#[repr(C)]` newtype over the base integer, and its values as free constants.
fn newtype(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    let name = naming::type_name(ir, id);
    w.doc_text(&docs::text(ir, &ir.ty(id).doc));
    w.line("#[repr(C)]");
    w.line("#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]");
    w.line_fmt(format_args!(
        "pub struct {name}(pub {});",
        naming::int_type(int.base)
    ));
    free_consts(w, ir, int, &name, true);
}

fn alias(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    let name = naming::type_name(ir, id);
    w.doc_text(&docs::text(ir, &ir.ty(id).doc));
    w.line_fmt(format_args!(
        "pub type {name} = {};",
        naming::int_type(int.base)
    ));
    free_consts(w, ir, int, &name, false);
}

/// Named values of opaque and alias types: free constants, usable in `const` contexts.
fn free_consts(w: &mut RustWriter, ir: &Ir, int: &IntLike, ty: &str, wrapped: bool) {
    for v in &int.values {
        w.blank();
        w.doc_text(&docs::text(ir, &v.doc));
        let vname = naming::value_name(int, v);
        let lit = literal(int, v.value);
        let value = if wrapped { format!("{ty}({lit})") } else { lit };
        let head = format!("pub const {vname}: {ty} =");
        if w.fits(head.len() + 1 + value.len() + 1) {
            w.line_of(&[&head, " ", &value, ";"]);
        } else {
            // rustfmt moves a value that does not fit to the next line.
            w.line(&head);
            w.line_of(&[INDENT, &value, ";"]);
        }
    }
}

/// A `bitflags!` invocation: the type (`#[repr(C)]`, as 0.1.0) and a constant per flag, in
/// hex padded to the type's width.
fn flags(w: &mut RustWriter, ir: &Ir, id: TypeId, int: &IntLike) {
    w.open("bitflags! {");
    w.doc_text(&docs::text(ir, &ir.ty(id).doc));
    w.line("#[repr(C)]");
    w.open_fmt(format_args!(
        "pub struct {}: {} {{",
        naming::type_name(ir, id),
        naming::int_type(int.base)
    ));
    if int.values.is_empty() {
        // The published crate gives a flag set without flags one named constant.
        w.line("const DEFAULT = 0;");
    }
    for (i, v) in int.values.iter().enumerate() {
        if i > 0 {
            w.blank();
        }
        w.doc_text(&docs::text(ir, &v.doc));
        w.line_fmt(format_args!(
            "const {} = {};",
            naming::value_name(int, v),
            literal(int, v.value)
        ));
    }
    w.close("}");
    w.close("}");
}

fn function(w: &mut RustWriter, ir: &Ir, def: &TypeDef, f: &crate::ir::Function) {
    let mut lines = docs::lines(ir, &def.doc);
    if !f.params.is_empty() {
        lines.extend([String::new(), "# Parameters".to_string(), String::new()]);
        for p in &f.params {
            let mut plines = docs::lines(ir, &p.doc).into_iter();
            let first = plines.next().unwrap_or_default();
            lines.push(format!("- `{}`: {first}", p.name()).trim_end().to_string());
            lines.extend(plines.map(|l| format!("  {l}")));
        }
    }
    w.doc(&lines);
    let params: Vec<String> = f
        .params
        .iter()
        .map(|p| {
            let ty = match &p.kind {
                MemberKind::Simple { ty, .. } => naming::type_expr(ir, ty),
                _ => "()".to_string(),
            };
            format!("{}: {ty}", naming::field_name(p.name()))
        })
        .collect();
    let ret = match &f.returns {
        Some((ty, _)) => format!(" -> {}", naming::type_expr(ir, ty)),
        None => String::new(),
    };
    let head = format!(
        "pub type {} = unsafe extern \"C\" fn",
        naming::ident_name(&def.name.name)
    );
    w.call(&head, &params, &format!("{ret};"));
}

/// Stands in for `bitflags!` when the `bitflags` feature is off: the same type and
/// constants, with only `bits()` and `from_bits_unchecked()` (what 0.1.0's fallback had).
pub(super) const BITFLAGS_FALLBACK: &str = r#"
/// Stands in for the `bitflags` crate's macro when the `bitflags` feature is off: the same
/// types and constants, with `bits()` and `from_bits_unchecked()` only.
#[cfg(not(feature = "bitflags"))]
macro_rules! bitflags {
    (
        $(#[$attr:meta])*
        pub struct $name:ident: $base:ty {
            $(
                $(#[$const_attr:meta])*
                const $const:ident = $value:expr;
            )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
        pub struct $name {
            bits: $base,
        }

        impl $name {
            $(
                $(#[$const_attr])*
                pub const $const: $name = $name { bits: $value };
            )*

            /// The raw bits.
            pub const fn bits(&self) -> $base {
                self.bits
            }

            /// Makes a value from raw bits, keeping bits that name no flag.
            ///
            /// # Safety
            ///
            /// Kept `unsafe` for compatibility with the `bitflags` crate's method of the
            /// same name; any bit pattern is a valid value here.
            pub const unsafe fn from_bits_unchecked(bits: $base) -> $name {
                $name { bits }
            }
        }
    };
}
"#;
