//! The generated `host/trace.rs`: one decoder per syscall (arguments, and result) into
//! `Value`s, built from per-type decoders that give enum values and flags by name.

use super::params::{classify, Kind, Param};
use crate::backend::rust::types::int_ident;
use crate::ir::{
    IntLike, IntLikeKind, Ir, Member, MemberKind, Syscall, Type, TypeId, TypeKind, ValueName,
};
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
    match &def.kind {
        TypeKind::IntLike(int) => {
            let doc = format!(" Decodes a [`{0}`](crate::{0}) for a trace.", def.name.name);
            int_formatter(int, &ty, &f, &doc)
        }
        TypeKind::Struct(s) => {
            let doc = format!(
                " Decodes a [`{0}`](crate::{0}) for a trace, field by field from its bytes: an \
                 enum field holding a number the enum does not name shows the number, and a \
                 variant shows the arm its tag selects.",
                def.name.name
            );
            let fields = raw_members(ir, &s.members, &quote!((*p)));
            quote! {
                #[doc = #doc]
                ///
                /// # Safety
                ///
                /// `p` must be valid for reading a whole value of the type; its bytes need not
                /// be a valid Rust value.
                pub unsafe fn #f(p: *const #ty) -> Value {
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
            let pairs = flag_pairs(int);
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

/// `("name", value)` per member at `base` (a place expression of a struct or arm read
/// through a raw pointer); padding is left out, a variant shows the arm its tag selects.
fn raw_members(ir: &Ir, members: &[Member], base: &TokenStream) -> Vec<TokenStream> {
    let mut ordinal = 0;
    members
        .iter()
        .map(|m| {
            let name = m.name();
            match &m.kind {
                MemberKind::Simple { ty, .. } => {
                    let field = naming::ident(name);
                    let v = raw_value(ir, Some(m), ty, &quote!(#base.#field));
                    quote!((#name, #v))
                }
                MemberKind::Range { target, .. } => {
                    let field = naming::ident(name);
                    let what = element_word(ir, target);
                    quote!((#name, Value::Count(core::ptr::addr_of!(#base.#field.1).read(), #what)))
                }
                MemberKind::Variant(v) => {
                    let union = naming::ident(&naming::variant_field(ordinal));
                    ordinal += 1;
                    raw_variant(ir, members, v, base, &union)
                }
            }
        })
        .collect()
}

/// The `("arm", value)` of the arm a variant's tag selects, read from its bytes.
fn raw_variant(
    ir: &Ir,
    members: &[Member],
    variant: &crate::ir::Variant,
    base: &TokenStream,
    union: &Ident,
) -> TokenStream {
    let (Some(tag_member), Some(tag_int)) =
        (members.get(variant.tag), ir.int_like(variant.tag_type))
    else {
        return quote!(("union", Value::Name("..")));
    };
    let tag = naming::ident(tag_member.name());
    let base_ty = int_ident(tag_int.base);
    let arms = variant.arms.iter().enumerate().map(|(index, arm)| {
        let values = arm.tag_values.iter().filter_map(|(i, _)| {
            tag_int
                .values
                .get(*i)
                .map(|v| Literal::i128_unsuffixed(v.value))
        });
        let shown = match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => {
                let a = naming::ident(&arm_name.name);
                let label = arm_name.name.as_str();
                let fields = raw_members(ir, &arm.members, &quote!(#base.#union.#a));
                quote!((#label, Value::Struct(std::vec![#(#fields),*])))
            }
            (None, [one]) if one.offset == crate::ir::Pair::same(0) => {
                let fields = raw_members(ir, &arm.members, &quote!(#base.#union));
                quote!(#(#fields)*)
            }
            (None, _) => {
                let a = naming::ident(&format!("arm{index}"));
                let fields = raw_members(ir, &arm.members, &quote!(#base.#union.#a));
                quote!(("union", Value::Struct(std::vec![#(#fields),*])))
            }
        };
        quote!(if [#(#values),*].contains(&tag) { #shown } else)
    });
    quote! {{
        let tag = (core::ptr::addr_of!(#base.#tag) as *const #base_ty).read();
        #(#arms)* { ("union", Value::Name("..")) }
    }}
}

/// `(bit, "NAME")` for each flag of a flags type.
fn flag_pairs(int: &IntLike) -> Vec<TokenStream> {
    int.values
        .iter()
        .map(|v| {
            let lit = Literal::u64_unsuffixed(v.value as u64);
            let name = naming::display_value_name(int, v);
            quote!((#lit, #name))
        })
        .collect()
}

/// The names a value of `member` (of the int-like type `int`) is shown with, as
/// `&[(number, "NAME")]`: what the IR says the member's values mean.
fn member_names(ir: &Ir, member: &Member, int: &IntLike) -> TokenStream {
    let pairs = ir.value_names(member).into_iter().map(|(value, name)| {
        let lit = Literal::i128_unsuffixed(value);
        let shown = match name {
            ValueName::OfType(_, i) => naming::display_value_name(int, &int.values[i]),
            // A member's own value has no constant in any language: its spec name.
            ValueName::Own(v) => v.name.name.clone(),
        };
        quote!((#lit, #shown))
    });
    quote!(&[#(#pairs),*])
}

/// The Rust integer type of an int-like type's values.
fn base_of(int: &IntLike) -> TokenStream {
    let base = int_ident(int.base);
    quote!(#base)
}

/// Decodes the value of `ty` at the place `place` (read through a raw pointer, so any bit
/// pattern is fine), named as `member` means it.
fn raw_value(ir: &Ir, member: Option<&Member>, ty: &Type, place: &TokenStream) -> TokenStream {
    let read = |t: TokenStream| quote!((core::ptr::addr_of!(#place) as *const #t).read());
    match ty {
        Type::Void => quote!(Value::Unit),
        Type::Int(_) => quote!(Value::Int(core::ptr::addr_of!(#place).read() as i128)),
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => {
                // An alias is its base type already; anything else is read as one.
                let raw = if naming::item_kind(ir, *id) == naming::ItemKind::Alias {
                    quote!(core::ptr::addr_of!(#place).read())
                } else {
                    read(base_of(int))
                };
                int_value(ir, member, int, quote!(#raw as i128))
            }
            TypeKind::Struct(_) => {
                let f = fmt_ident(&ir.ty(*id).name.name);
                quote!(#f(core::ptr::addr_of!(#place)))
            }
            TypeKind::Function(_) => {
                let r = read(quote!(usize));
                quote!(Value::Pointer(#r))
            }
        },
        Type::Pointer { .. } => {
            let r = read(quote!(usize));
            quote!(Value::Pointer(#r))
        }
        Type::Atomic(inner) => raw_value(ir, member, inner, place),
        Type::Array { element, .. } => match &**element {
            Type::Int(_) => quote!(ints(&*core::ptr::addr_of!(#place))),
            _ => quote!(Value::Name("[..]")),
        },
    }
}

/// An int-like value given as an `i128` expression: flags bit by bit, anything else by
/// the names the member gives its values (or, without a member, its type's).
fn int_value(ir: &Ir, member: Option<&Member>, int: &IntLike, raw: TokenStream) -> TokenStream {
    if int.kind == IntLikeKind::Flags {
        let pairs = flag_pairs(int);
        return quote!(flags((#raw) as u64, &[#(#pairs),*]));
    }
    match member {
        Some(m) if ir.value_names(m).is_empty() => quote!(Value::Int(#raw)),
        Some(m) => {
            let names = member_names(ir, m, int);
            quote!(named(#raw, #names))
        }
        None => {
            let names = int.values.iter().map(|v| {
                let lit = Literal::i128_unsuffixed(v.value);
                let shown = naming::display_value_name(int, v);
                quote!((#lit, #shown))
            });
            quote!(named(#raw, &[#(#names),*]))
        }
    }
}

/// `expr` (a value of the int-like type `id`, as the trait passes it) as an `i128`.
fn int_of(ir: &Ir, id: TypeId, expr: TokenStream) -> TokenStream {
    let int = ir.int_like(id).expect("an int-like type");
    let base = base_of(int);
    // A plain name needs no parentheses around it (and gets none, for clippy's sake).
    let simple = expr
        .to_string()
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_');
    let expr = if simple { expr } else { quote!((#expr)) };
    match naming::item_kind(ir, id) {
        naming::ItemKind::Enum => quote!((#expr as #base) as i128),
        naming::ItemKind::Newtype => quote!(#expr.0 as i128),
        naming::ItemKind::Flags => quote!(#expr.bits() as i128),
        _ => quote!(#expr as i128),
    }
}

/// Decodes a value of `ty` held in the expression `expr`, named as `member` means it.
fn member_value(ir: &Ir, member: &Member, ty: &Type, expr: TokenStream) -> TokenStream {
    match ty {
        Type::Named(id) => match ir.int_like(*id) {
            Some(int) if int.kind != IntLikeKind::Flags => {
                int_value(ir, Some(member), int, int_of(ir, *id, expr))
            }
            _ => value(ir, ty, expr),
        },
        _ => value(ir, ty, expr),
    }
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
                // SAFETY: a reference is valid to read.
                TypeKind::Struct(_) => quote!(unsafe { #f(&#expr) }),
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

fn view_value(ir: &Ir, member: &Member, kind: &Kind, local: &Ident) -> TokenStream {
    match kind {
        Kind::Value(ty) | Kind::CheckedValue(ty) | Kind::Raw(ty) | Kind::Atomic(ty) => {
            member_value(ir, member, ty, quote!(#local))
        }
        Kind::Enum(id) => member_value(ir, member, &Type::Named(*id), quote!(#local)),
        Kind::Slice { target, mutable }
        | Kind::Counted {
            target, mutable, ..
        } => {
            if *mutable {
                let what = element_word(ir, target);
                quote!(Value::Count(#local, #what))
            } else {
                slice_value(ir, member, target, local)
            }
        }
        Kind::AddressRange => quote!(address_range(#local)),
        Kind::Ref(Type::Named(id)) if matches!(ir.ty(*id).kind, TypeKind::Struct(_)) => {
            let f = fmt_ident(&ir.ty(*id).name.name);
            // SAFETY: a reference is valid to read.
            quote!(unsafe { #f(#local) })
        }
        Kind::Ref(ty) => member_value(ir, member, ty, quote!(*#local)),
        // Field by field, whatever numbers its enum fields hold.
        Kind::Fields(Type::Named(id)) => {
            let f = fmt_ident(&ir.ty(*id).name.name);
            // SAFETY: the entry point checked the whole struct as readable guest memory.
            quote!(unsafe { #f(#local.as_ptr()) })
        }
        Kind::Fields(_) => quote!(ptr(#local.as_ptr())),
        Kind::UninitRef(_) => quote!(ptr(#local)),
        Kind::Count => quote!(Value::Int(#local as i128)),
    }
}

/// A read-only slice: text for `char`, a byte count for `void`, the values for int-like
/// elements and structs, and for buffer lists (`iovec`, `ciovec`) the count and the total
/// size.
fn slice_value(ir: &Ir, member: &Member, target: &Type, local: &Ident) -> TokenStream {
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
                    _ => {
                        let f = fmt_ident(name);
                        // SAFETY: the elements of a slice are valid to read.
                        quote!(Value::List(#local.iter().map(|e| unsafe { #f(e) }).collect()))
                    }
                },
                _ => {
                    let one = member_value(ir, member, target, quote!(e));
                    quote!(Value::List(#local.iter().map(|&e| #one).collect()))
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
        let v = view_value(ir, p.member, &p.kind, &local);
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
    let (filled_params, filled_ok) = filled_result(ir, call);
    let ok = filled_ok.unwrap_or_else(|| ok_value(ir, call));
    let rdoc = format!(" The result of a [`{0}`](crate::{0}) call.", call.name.name);
    quote! {
        #args_fn
        #[doc = #rdoc]
        pub fn #result_fn(result: &Result<#out, crate::errno>, #(#filled_params),*) -> Result<Value, crate::errno> {
            match result {
                Ok(v) => Ok(#ok),
                Err(e) => Err(*e),
            }
        }
    }
}

fn ok_value(ir: &Ir, call: &Syscall) -> TokenStream {
    let outs: Vec<(&Member, &Type)> = call
        .outputs
        .iter()
        .filter_map(|m| match &m.kind {
            MemberKind::Simple { ty, .. } => Some((m, ty)),
            _ => None,
        })
        .collect();
    match outs.as_slice() {
        [] => quote!({
            let () = *v;
            Value::Unit
        }),
        [(m, ty)] => {
            let shown = member_value(ir, m, ty, quote!(v));
            quote!({
                let v = *v;
                #shown
            })
        }
        many => {
            let parts = many.iter().enumerate().map(|(i, (m, ty))| {
                let i = syn::Index::from(i);
                member_value(ir, m, ty, quote!(v.#i))
            });
            quote!(Value::Tuple(std::vec![#(#parts),*]))
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

/// For the raw entry point: the buffers a call fills, captured as (pointer, capacity)
/// before the call takes them, and passed to the result decoder after it. Returns the
/// statements that capture them and the arguments that pass them.
pub fn filled_views(ir: &Ir, call: &Syscall) -> (Vec<TokenStream>, Vec<TokenStream>) {
    filled(ir, call)
        .into_iter()
        .map(|(p, _)| {
            let local = naming::ident(p.member.name());
            let view = Ident::new(&format!("{}_filled", p.member.name()), Span::call_site());
            let t = match &p.kind {
                Kind::Counted { target, .. } => naming::qualified_type_tokens(ir, target),
                _ => quote!(u8),
            };
            (
                quote!(let #view = (#local.as_ptr() as *const #t, #local.len());),
                quote!(#view),
            )
        })
        .unzip()
}

/// The result decoder's parameters for the buffers the call fills, and the `Value` of a
/// successful result: the outputs, and with filled buffers each output and buffer by
/// name (`{nevents=1, out=[{...}]}`).
fn filled_result(ir: &Ir, call: &Syscall) -> (Vec<TokenStream>, Option<TokenStream>) {
    let filled = filled(ir, call);
    if filled.is_empty() {
        return (Vec::new(), None);
    }
    let mut params = Vec::new();
    let mut parts = Vec::new();
    let outs = &call.outputs;
    for (i, m) in outs.iter().enumerate() {
        let MemberKind::Simple { ty, .. } = &m.kind else {
            continue;
        };
        let name = m.name();
        let v = if outs.len() == 1 {
            member_value(ir, m, ty, quote!(*v))
        } else {
            let i = syn::Index::from(i);
            member_value(ir, m, ty, quote!(v.#i))
        };
        parts.push(quote!((#name, #v)));
    }
    for (p, count) in &filled {
        let Kind::Counted { target, .. } = &p.kind else {
            continue;
        };
        let Type::Named(id) = target else { continue };
        let f = fmt_ident(&ir.ty(*id).name.name);
        let t = naming::qualified_type_tokens(ir, target);
        let view = Ident::new(&format!("{}_filled", p.member.name()), Span::call_site());
        let name = p.member.name();
        let n = if outs.len() == 1 {
            quote!((*v))
        } else {
            let i = syn::Index::from(*count);
            quote!(v.#i)
        };
        params.push(quote!(#view: (*const #t, usize)));
        parts.push(quote! {
            (#name, Value::List(
                (0..#n.min(#view.1))
                    // SAFETY: the call filled this many values of the buffer the entry
                    // point checked as writable guest memory; they are read field by field.
                    .map(|i| unsafe { #f(#view.0.add(i)) })
                    .collect(),
            ))
        });
    }
    (params, Some(quote!(Value::Struct(std::vec![#(#parts),*]))))
}
