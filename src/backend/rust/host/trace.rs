//! The generated `host/trace.rs`: one decoder per syscall (arguments, and result) into
//! `Value`s, built from per-type decoders that give enum values and flags by name.

use super::params::{classify, Kind};
use crate::ir::{IntLike, IntLikeKind, Ir, Member, MemberKind, Syscall, Type, TypeId, TypeKind};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

pub fn file(ir: &Ir) -> TokenStream {
    let types = ir.type_ids().map(|id| type_formatter(ir, id));
    let calls = ir.syscalls.iter().map(|call| call_formatters(ir, call));
    let runtime = runtime();
    quote! {
        //! Decodes system calls for tracers: each call's arguments and result as [`Value`]s,
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

        #runtime
        #(#types)*
        #(#calls)*
    }
}

/// The spec-independent part: [`Value`], [`Call`], their text form, and the helpers the
/// decoders share.
fn runtime() -> TokenStream {
    quote! {
        /// A decoded argument or result.
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
                        let mut parts: Vec<String> =
                            names.iter().map(|n| String::from(*n)).collect();
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
                        separated(f, members.iter(), |f, (name, v)| write!(f, "{}={}", name, v))?;
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
                separated(f, self.args.iter(), |f, (name, v)| write!(f, "{}={}", name, v))?;
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
    let doc = format!(" Decodes a [`{0}`](crate::{0}) for a trace.", def.name.name);
    match &def.kind {
        TypeKind::IntLike(int) => int_formatter(int, &ty, &f, &doc),
        TypeKind::Struct(s) => {
            let fields = struct_fields(ir, &s.members);
            quote! {
                #[doc = #doc]
                pub fn #f(v: &#ty) -> Value {
                    let _ = v;
                    Value::Struct(std::vec![#(#fields),*])
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
                pub fn #f(v: #ty) -> Value {
                    Value::Name(match v { #(#arms)* })
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
                pub fn #f(v: #ty) -> Value {
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
                pub fn #f(v: #ty) -> Value {
                    named(#raw as i128, &[#(#pairs),*])
                }
            }
        }
    }
}

/// `("name", value)` per member of a struct; padding is left out, variants show as
/// `union=..` (which arm holds data is the tag's business).
fn struct_fields(ir: &Ir, members: &[Member]) -> Vec<TokenStream> {
    members
        .iter()
        .map(|m| {
            let field = naming::ident(m.name());
            let name = m.name();
            match &m.kind {
                MemberKind::Simple { ty, .. } => {
                    let v = value(ir, ty, quote!(v.#field));
                    quote!((#name, #v))
                }
                MemberKind::Range { target, .. } => {
                    let what = element_word(ir, target);
                    quote!((#name, Value::Count(v.#field.1, #what)))
                }
                MemberKind::Variant(_) => quote!(("union", Value::Name(".."))),
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

/// An expression that decodes a value of `ty` into a `Value`.
fn value(ir: &Ir, ty: &Type, expr: TokenStream) -> TokenStream {
    match ty {
        Type::Void => quote!(Value::Unit),
        Type::Int(_) => quote!(Value::Int(#expr as i128)),
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
            Type::Int(_) => quote!(ints(&#expr)),
            _ => quote!(Value::Name("[..]")),
        },
    }
}

/// The argument type the per-call decoder takes for a parameter.
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

/// How the raw entry point passes a decoded parameter (`local`) to the decoder.
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
                quote!(Value::Count(#local, #what))
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
        // Shown whole when every field is valid, else as where it is.
        Kind::Fields(Type::Named(id)) => {
            let f = fmt_ident(&ir.ty(*id).name.name);
            quote!(match #local.checked() { Some(v) => #f(v), None => ptr(#local.as_ptr()) })
        }
        Kind::Fields(_) => quote!(ptr(#local.as_ptr())),
        Kind::UninitRef(_) => quote!(ptr(#local)),
        Kind::Count => quote!(Value::Int(#local as i128)),
    }
}

/// A read-only slice: text for `char`, a byte count for `void`, the values for int-like
/// elements, and for buffer lists (`iovec`, `ciovec`) the count and the total size.
fn slice_value(ir: &Ir, target: &Type, local: &Ident) -> TokenStream {
    match target {
        Type::Int(crate::ir::IntType::Char) => quote!(text(#local)),
        Type::Void => quote!(Value::Count(#local.len(), "bytes")),
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
                        quote!(Value::Buffers(#local.len(), #name,
                            #local.iter().map(|e| e.#field.1).sum::<usize>()))
                    }
                    _ => quote!(Value::Count(#local.len(), #name)),
                },
                _ => {
                    let one = value(ir, target, quote!(*e));
                    quote!(Value::List(#local.iter().map(|e| #one).collect()))
                }
            }
        }
        _ => quote!(Value::Count(#local.len(), "elements")),
    }
}

fn call_formatters(ir: &Ir, call: &Syscall) -> TokenStream {
    let name = naming::ident(&call.name.name);
    let call_name = call.name.name.as_str();
    let result_fn = Ident::new(&format!("{}_result", call.name.name), Span::call_site());
    let mut params = Vec::new();
    let mut args = Vec::new();
    for p in classify(ir, call) {
        if matches!(p.kind, Kind::Count) {
            continue;
        }
        let local = naming::ident(p.member.name());
        let ty = view_type(ir, &p.kind);
        params.push(quote!(#local: #ty));
        let arg = p.member.name();
        let v = view_value(ir, &p.kind, &local);
        args.push(quote!((#arg, #v)));
    }
    let doc = format!(
        " The arguments of a [`{0}`](crate::{0}) call.",
        call.name.name
    );
    let noreturn = call.noreturn;
    let args_fn = quote! {
        #[doc = #doc]
        pub fn #name(#(#params),*) -> Call {
            Call {
                syscall: #call_name,
                args: std::vec![#(#args),*],
                checked: true,
                noreturn: #noreturn,
            }
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
        pub fn #result_fn(result: &Result<#out, crate::errno>) -> Result<Value, crate::errno> {
            match result {
                Ok(v) => Ok(#ok),
                Err(e) => Err(*e),
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
            Value::Unit
        }),
        [one] => value(ir, one, quote!(*v)),
        many => {
            let parts = many.iter().enumerate().map(|(i, ty)| {
                let i = syn::Index::from(i);
                value(ir, ty, quote!(v.#i))
            });
            quote!(Value::Tuple(std::vec![#(#parts),*]))
        }
    }
}
