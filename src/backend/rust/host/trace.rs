//! The generated `host/trace.rs`: one formatter per syscall (arguments, and result), built
//! from per-type formatters that print enum values and flags by name.

use super::params::{classify, Kind};
use crate::ir::{IntLike, IntLikeKind, Ir, Member, MemberKind, Syscall, Type, TypeId, TypeKind};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

pub fn file(ir: &Ir) -> TokenStream {
    let types = ir.type_ids().map(|id| type_formatter(ir, id));
    let calls = ir.syscalls.iter().map(|call| call_formatters(ir, call));
    quote! {
        //! Formats system calls for tracing: `fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
        //!
        //! The per-call functions take the decoded arguments (writable buffers by their
        //! length, since their contents are not known before the call) and return the part
        //! before ` = `; the `*_result` functions format what the call returned.
        #![allow(unused_imports)]

        use std::format;
        use std::string::String;
        use std::vec::Vec;

        /// Joins the names of the flags set in `bits`; bits without a name are printed in
        /// hex, and no bits at all as `0`.
        pub fn flags(bits: u64, names: &[(u64, &str)]) -> String {
            let mut parts: Vec<String> = Vec::new();
            let mut rest = bits;
            for &(bit, name) in names {
                if bit != 0 && rest & bit == bit {
                    parts.push(String::from(name));
                    rest &= !bit;
                }
            }
            if rest != 0 {
                parts.push(format!("{:#x}", rest));
            }
            if parts.is_empty() {
                String::from("0")
            } else {
                parts.join("|")
            }
        }

        /// A value's name if it has one, else the number.
        pub fn named(value: i128, names: &[(i128, &str)]) -> String {
            match names.iter().find(|(v, _)| *v == value) {
                Some((_, name)) => String::from(*name),
                None => format!("{}", value),
            }
        }

        /// A pointer's address.
        pub fn ptr<T: ?Sized>(p: *const T) -> String {
            format!("{:p}", p)
        }

        /// A value's `Debug` form.
        pub fn debug<T: core::fmt::Debug>(v: T) -> String {
            format!("{:?}", v)
        }

        /// `[3 bytes]`, `[2 subscription]`.
        pub fn count(n: usize, what: &str) -> String {
            format!("[{} {}]", n, what)
        }

        /// A buffer list: `[1 ciovec, 5 bytes]`.
        pub fn buffers(n: usize, what: &str, bytes: usize) -> String {
            format!("[{} {}, {} bytes]", n, what, bytes)
        }

        /// Values in brackets: `[3, 4]`.
        pub fn list<I: Iterator<Item = String>>(items: I) -> String {
            format!("[{}]", items.collect::<Vec<_>>().join(", "))
        }

        /// An address range: `0x1000+4096`.
        pub fn address_range(range: *mut [u8]) -> String {
            format!("{:p}+{}", range as *mut u8, range.len())
        }

        /// Several outputs: `(3, 4)`.
        pub fn list_tuple(parts: &[String]) -> String {
            format!("({})", parts.join(", "))
        }

        /// Bytes as a string literal, escaped.
        pub fn text(bytes: &[u8]) -> String {
            format!("{:?}", String::from_utf8_lossy(bytes))
        }

        #(#types)*
        #(#calls)*
    }
}

fn fmt_ident(name: &str) -> Ident {
    Ident::new(&format!("fmt_{name}"), Span::call_site())
}

fn type_formatter(ir: &Ir, id: TypeId) -> TokenStream {
    let def = ir.ty(id);
    let name = naming::ident(&def.name.name);
    let ty = quote!(crate::#name);
    let f = fmt_ident(&def.name.name);
    let doc = format!(" Formats a [`{0}`](crate::{0}) for a trace.", def.name.name);
    match &def.kind {
        TypeKind::IntLike(int) => int_formatter(int, &ty, &f, &doc),
        TypeKind::Struct(s) => {
            let fields = struct_fields(ir, &s.members);
            let (fmt, args): (Vec<String>, Vec<TokenStream>) = fields.into_iter().unzip();
            let fmt = format!("{{{{{}}}}}", fmt.join(", "));
            quote! {
                #[doc = #doc]
                pub fn #f(v: &#ty) -> String {
                    let _ = v;
                    format!(#fmt, #(#args),*)
                }
            }
        }
        TypeKind::Function(_) => TokenStream::new(),
    }
}

fn int_formatter(int: &IntLike, ty: &TokenStream, f: &Ident, doc: &str) -> TokenStream {
    let names: Vec<String> = int
        .values
        .iter()
        .map(|v| naming::display_value_name(int, v))
        .collect();
    match int.kind {
        _ if super::super::types::is_rust_enum(int) => {
            let mut seen = Vec::new();
            let arms = int.values.iter().zip(&names).filter_map(|(v, name)| {
                if seen.contains(&v.value) {
                    return None;
                }
                seen.push(v.value);
                let variant = Ident::new(&naming::value_name(int, v), Span::call_site());
                Some(quote!(#ty::#variant => #name,))
            });
            quote! {
                #[doc = #doc]
                pub fn #f(v: #ty) -> &'static str {
                    match v { #(#arms)* }
                }
            }
        }
        IntLikeKind::Flags => {
            let bits = if int.base == crate::ir::IntType::Uint64 {
                quote!(v.bits())
            } else {
                quote!(u64::from(v.bits()))
            };
            let pairs = int.values.iter().zip(&names).map(|(v, name)| {
                let lit = Literal::u64_unsuffixed(v.value as u64);
                quote!((#lit, #name))
            });
            quote! {
                #[doc = #doc]
                pub fn #f(v: #ty) -> String {
                    flags(#bits, &[#(#pairs),*])
                }
            }
        }
        _ => {
            let raw = if matches!(int.kind, IntLikeKind::Alias) {
                quote!(v)
            } else {
                quote!(v.0)
            };
            let pairs = int.values.iter().zip(&names).map(|(v, name)| {
                let lit = Literal::i128_unsuffixed(v.value);
                quote!((#lit, #name))
            });
            quote! {
                #[doc = #doc]
                pub fn #f(v: #ty) -> String {
                    named(#raw as i128, &[#(#pairs),*])
                }
            }
        }
    }
}

/// `("name={}", argument)` per member of a struct; padding is left out, variants show as
/// `union=..` (which arm holds data is the tag's business).
fn struct_fields(ir: &Ir, members: &[Member]) -> Vec<(String, TokenStream)> {
    members
        .iter()
        .map(|m| {
            let field = naming::ident(m.name());
            match &m.kind {
                MemberKind::Simple { ty, .. } => (
                    format!("{}={{}}", m.name()),
                    value(ir, ty, quote!(v.#field)),
                ),
                MemberKind::Range { target, .. } => {
                    let what = element_word(ir, target);
                    (format!("{}=[{{}} {what}]", m.name()), quote!(v.#field.1))
                }
                // An empty argument keeps the placeholders and arguments in step.
                MemberKind::Variant(_) => ("union=..{}".to_string(), quote!("")),
            }
        })
        .collect()
}

/// What a range's elements are called in a trace: `bytes`, or the type's name.
fn element_word(ir: &Ir, target: &Type) -> String {
    match target {
        Type::Void | Type::Int(crate::ir::IntType::Char) => "bytes".to_string(),
        other => naming::type_expr(ir, other),
    }
}

/// An expression that displays a value of `ty`.
fn value(ir: &Ir, ty: &Type, expr: TokenStream) -> TokenStream {
    match ty {
        Type::Void => quote!("()"),
        Type::Int(_) => expr,
        Type::Named(id) => {
            let def = ir.ty(*id);
            let f = fmt_ident(&def.name.name);
            match def.kind {
                TypeKind::Struct(_) => quote!(#f(&#expr)),
                TypeKind::IntLike(_) => quote!(#f(#expr)),
                TypeKind::Function(_) => quote!(ptr(#expr as *const ())),
            }
        }
        Type::Pointer { target, .. } => match &**target {
            Type::Named(id) if matches!(ir.ty(*id).kind, TypeKind::Function(_)) => {
                quote!(ptr(#expr as *const ()))
            }
            _ => quote!(ptr(#expr)),
        },
        Type::Atomic(inner) => value(ir, inner, expr),
        Type::Array { element, .. } => match &**element {
            Type::Int(_) => quote!(debug(#expr)),
            _ => quote!("[..]"),
        },
    }
}

/// The argument type the per-call formatter takes for a parameter.
pub fn view_type(ir: &Ir, kind: &Kind) -> TokenStream {
    match kind {
        Kind::Slice { mutable: true, .. } | Kind::Counted { mutable: true, .. } | Kind::Count => {
            quote!(usize)
        }
        Kind::UninitRef(ty) => {
            let t = naming::qualified_type_tokens(ir, ty);
            quote!(*const #t)
        }
        other => super::params::trait_type(ir, other),
    }
}

/// How the raw entry point passes a decoded parameter (`local`) to the formatter.
pub fn view_expr(kind: &Kind, local: &Ident) -> TokenStream {
    match kind {
        Kind::Slice { mutable: true, .. } | Kind::Counted { mutable: true, .. } => {
            quote!(#local.len())
        }
        Kind::UninitRef(_) => quote!(#local.as_ptr()),
        _ => quote!(#local),
    }
}

fn view_value(ir: &Ir, kind: &Kind, local: &Ident) -> TokenStream {
    match kind {
        Kind::Value(ty) | Kind::CheckedValue(ty) | Kind::Raw(ty) | Kind::Atomic(ty) => {
            value(ir, ty, quote!(#local))
        }
        Kind::Enum(id) => value(ir, &Type::Named(*id), quote!(#local)),
        Kind::Slice { target, mutable }
        | Kind::Counted {
            target, mutable, ..
        } => {
            if *mutable {
                let what = element_word(ir, target);
                quote!(count(#local, #what))
            } else {
                slice_value(ir, target, local)
            }
        }
        Kind::AddressRange => quote!(address_range(#local)),
        Kind::Ref(Type::Named(id)) if matches!(ir.ty(*id).kind, TypeKind::Struct(_)) => {
            let f = fmt_ident(&ir.ty(*id).name.name);
            quote!(#f(#local))
        }
        Kind::Ref(ty) => value(ir, ty, quote!(*#local)),
        Kind::UninitRef(_) => quote!(ptr(#local)),
        Kind::Count => quote!(#local),
    }
}

/// A read-only slice: text for `char`, a byte count for `void`, the values for int-like
/// elements, and for buffer lists (`iovec`, `ciovec`) the count and the total size.
fn slice_value(ir: &Ir, target: &Type, local: &Ident) -> TokenStream {
    match target {
        Type::Int(crate::ir::IntType::Char) => quote!(text(#local)),
        Type::Void => quote!(count(#local.len(), "bytes")),
        Type::Named(id) => {
            let def = ir.ty(*id);
            let name = &def.name.name;
            match &def.kind {
                TypeKind::Struct(s) => match s.members.as_slice() {
                    [Member {
                        kind: MemberKind::Range { .. },
                        name: Some(field),
                        ..
                    }] => {
                        let field = naming::ident(&field.name);
                        quote!(buffers(#local.len(), #name,
                            #local.iter().map(|e| e.#field.1).sum::<usize>()))
                    }
                    _ => quote!(count(#local.len(), #name)),
                },
                _ => {
                    let one = value(ir, target, quote!(*e));
                    quote!(
                        list(#local.iter().map(|e| #one))
                    )
                }
            }
        }
        _ => quote!(count(#local.len(), "elements")),
    }
}

fn call_formatters(ir: &Ir, call: &Syscall) -> TokenStream {
    let name = naming::ident(&call.name.name);
    let result_fn = Ident::new(&format!("{}_result", call.name.name), Span::call_site());
    let mut params = Vec::new();
    let mut parts = Vec::new();
    let mut args = Vec::new();
    for p in classify(ir, call) {
        if matches!(p.kind, Kind::Count) {
            continue;
        }
        let local = naming::ident(p.member.name());
        let ty = view_type(ir, &p.kind);
        params.push(quote!(#local: #ty));
        parts.push(format!("{}={{}}", p.member.name()));
        args.push(view_value(ir, &p.kind, &local));
    }
    let fmt = format!("{}({})", call.name.name, parts.join(", "));
    let body = if args.is_empty() {
        quote!(String::from(#fmt))
    } else {
        quote!(format!(#fmt, #(#args),*))
    };
    let doc = format!(
        " The arguments of a [`{0}`](crate::{0}) call.",
        call.name.name
    );
    let args_fn = quote! {
        #[doc = #doc]
        pub fn #name(#(#params),*) -> String {
            #body
        }
    };
    if call.noreturn {
        return args_fn;
    }
    let out = super::params::output_type(ir, call);
    let ok = ok_value(ir, call);
    let rdoc = format!(" The result of a [`{0}`](crate::{0}) call.", call.name.name);
    quote! {
        #args_fn
        #[doc = #rdoc]
        pub fn #result_fn(result: &Result<#out, crate::errno>) -> String {
            match result {
                Ok(v) => format!("Ok({})", #ok),
                Err(e) => format!("Err({})", fmt_errno(*e)),
            }
        }
    }
}

fn ok_value(ir: &Ir, call: &Syscall) -> TokenStream {
    let types: Vec<&Type> = call
        .outputs
        .iter()
        .filter_map(|m| match &m.kind {
            MemberKind::Simple { ty, .. } => Some(ty),
            _ => None,
        })
        .collect();
    match types.as_slice() {
        [] => quote!({
            let () = *v;
            "()"
        }),
        [one] => value(ir, one, quote!(*v)),
        many => {
            let parts = many.iter().enumerate().map(|(i, ty)| {
                let i = syn::Index::from(i);
                value(ir, ty, quote!(v.#i))
            });
            quote!(list_tuple(&[#(#parts),*]))
        }
    }
}
