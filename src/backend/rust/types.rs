//! Int-like types (enums, flag sets, opaque newtypes, aliases) and function pointer types,
//! in the representations the published crate uses and its clients rely on.

use super::docs;
use crate::ir::{IntLike, IntLikeKind, IntType, Ir, TypeDef, TypeId, TypeKind, Value};
use crate::naming::rust::{self as naming, ItemKind};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// A piece of `lib.rs`: items as tokens for prettyplease, or text it cannot format
/// (macro invocations, whose bodies it prints on one line).
pub enum Chunk {
    Tokens(TokenStream),
    Text(String),
}

/// Every int-like and function type, in declaration order.
pub fn all(ir: &Ir) -> Vec<Chunk> {
    ir.type_ids()
        .map(|id| match &ir.ty(id).kind {
            TypeKind::IntLike(int) if naming::int_item_kind(int) == ItemKind::Flags => {
                Chunk::Text(flags(ir, id, int))
            }
            TypeKind::IntLike(int) => Chunk::Tokens(int_like(ir, id, int)),
            TypeKind::Function(_) => Chunk::Tokens(function(ir, ir.ty(id))),
            TypeKind::Struct(_) => Chunk::Tokens(TokenStream::new()),
        })
        .collect()
}

/// Whether an int-like type is emitted as a Rust `enum` (see [`naming::int_item_kind`]).
pub fn is_rust_enum(int: &IntLike) -> bool {
    naming::int_item_kind(int) == ItemKind::Enum
}

fn int_like(ir: &Ir, id: TypeId, int: &IntLike) -> TokenStream {
    let def = ir.ty(id);
    let doc = docs::doc(ir, &def.doc);
    let name = naming::ident(&def.name.name);
    let base = int_ident(int.base);
    if is_rust_enum(int) {
        return enum_type(ir, id, int, doc);
    }
    match naming::int_item_kind(int) {
        ItemKind::Alias => {
            let consts = free_consts(ir, int, &name);
            quote! { #doc pub type #name = #base; #consts }
        }
        _ => {
            let consts = free_consts(ir, int, &name);
            quote! {
                #doc
                #[repr(C)]
                #[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
                pub struct #name(pub #base);
                #consts
            }
        }
    }
}

pub fn int_ident(int: IntType) -> Ident {
    Ident::new(naming::int_type(int), Span::call_site())
}

/// A value as a literal of the type's base: hex for flags and opaque values (they are bit
/// patterns or handles), decimal otherwise.
pub fn literal(int: &IntLike, value: i128) -> TokenStream {
    let hex = int.is_bit_pattern() && value >= 0;
    if hex {
        let digits = int.base.hex_digits();
        let text = format!("{:#0width$x}", value, width = digits + 2);
        match text.parse::<Literal>() {
            Ok(lit) => quote!(#lit),
            Err(_) => decimal(value),
        }
    } else {
        decimal(value)
    }
}

fn decimal(value: i128) -> TokenStream {
    let lit = Literal::i128_unsuffixed(value.unsigned_abs() as i128);
    if value < 0 {
        quote!(-#lit)
    } else {
        quote!(#lit)
    }
}

fn value_doc(ir: &Ir, value: &Value) -> TokenStream {
    docs::doc(ir, &value.doc)
}

fn enum_type(ir: &Ir, id: TypeId, int: &IntLike, doc: TokenStream) -> TokenStream {
    let name = naming::ident(&ir.ty(id).name.name);
    let repr = int_ident(int.base);
    let mut seen: Vec<i128> = Vec::new();
    let mut variants = Vec::new();
    let mut aliases = Vec::new();
    for value in &int.values {
        let vname = Ident::new(&naming::value_name(int, value), Span::call_site());
        let vdoc = value_doc(ir, value);
        match seen.iter().position(|v| *v == value.value) {
            // Rust enums cannot repeat a discriminant: a second name for a value becomes
            // an associated constant equal to the first.
            Some(first) => {
                let first = &int.values[first];
                let target = Ident::new(&naming::value_name(int, first), Span::call_site());
                aliases.push(quote! { #vdoc pub const #vname: #name = #name::#target; });
            }
            None => {
                seen.push(value.value);
                let lit = decimal(value.value);
                variants.push(quote! { #vdoc #vname = #lit, });
            }
        }
    }
    let aliases = (!aliases.is_empty()).then(|| quote! { impl #name { #(#aliases)* } });
    quote! {
        #doc
        #[repr(#repr)]
        #[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
        #[non_exhaustive]
        pub enum #name { #(#variants)* }
        #aliases
    }
}

/// A `bitflags!` invocation, as text: the type (`#[repr(C)]`, as 0.1.0) and a constant per
/// flag, in hex padded to the type's width.
fn flags(ir: &Ir, id: TypeId, int: &IntLike) -> String {
    let def = ir.ty(id);
    let mut out = String::from("bitflags! {\n");
    push_doc(&mut out, "    ", &docs::lines(ir, &def.doc));
    out.push_str("    #[repr(C)]\n");
    out.push_str(&format!(
        "    pub struct {}: {} {{\n",
        naming::type_name(ir, id),
        naming::int_type(int.base)
    ));
    if int.values.is_empty() {
        // The published crate gives a flag set without flags one named constant.
        out.push_str("        const DEFAULT = 0;\n");
    }
    for (i, v) in int.values.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_doc(&mut out, "        ", &docs::lines(ir, &v.doc));
        out.push_str(&format!(
            "        const {} = {};\n",
            naming::value_name(int, v),
            literal(int, v.value)
        ));
    }
    out.push_str("    }\n}\n");
    out
}

fn push_doc(out: &mut String, indent: &str, lines: &[String]) {
    for line in lines {
        out.push_str(format!("{indent}/// {line}").trim_end());
        out.push('\n');
    }
}

/// Named values of opaque and alias types: free constants, usable in `const` contexts.
fn free_consts(ir: &Ir, int: &IntLike, ty: &Ident) -> TokenStream {
    int.values
        .iter()
        .map(|v| {
            let vdoc = value_doc(ir, v);
            let vname = Ident::new(&naming::value_name(int, v), Span::call_site());
            let lit = literal(int, v.value);
            if int.kind == IntLikeKind::Alias {
                quote! { #vdoc pub const #vname: #ty = #lit; }
            } else {
                quote! { #vdoc pub const #vname: #ty = #ty(#lit); }
            }
        })
        .collect()
}

fn function(ir: &Ir, def: &TypeDef) -> TokenStream {
    let TypeKind::Function(f) = &def.kind else {
        return TokenStream::new();
    };
    let name = naming::ident(&def.name.name);
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
    let doc = docs::attrs(&lines);
    let params = f.params.iter().map(|p| {
        let pname = naming::ident(p.name());
        let ty = match &p.kind {
            crate::ir::MemberKind::Simple { ty, .. } => naming::type_tokens(ir, ty),
            _ => quote!(()),
        };
        quote!(#pname: #ty)
    });
    let ret = match &f.returns {
        Some((ty, _)) => {
            let ty = naming::type_tokens(ir, ty);
            quote!(-> #ty)
        }
        None => TokenStream::new(),
    };
    quote! {
        #doc
        pub type #name = unsafe extern "C" fn(#(#params),*) #ret;
    }
}

/// Stands in for `bitflags!` when the `bitflags` feature is off: the same type and
/// constants, with only `bits()` and `from_bits_unchecked()` (what 0.1.0's fallback had).
/// Kept as text because prettyplease does not format macro bodies.
pub const BITFLAGS_FALLBACK: &str = r#"
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
