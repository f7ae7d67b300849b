//! The generated `host/validate.rs`: decoding of enum values the guest passes, and checks
//! that a struct in guest memory holds valid Rust values (known enum values, including in
//! the variant arm its tag selects; non-null function pointers) before a reference to it
//! is handed to the implementation.

use super::params::{has_invariants, members_have_invariants};
use crate::backend::rust::types::{int_ident, is_rust_enum};
use crate::ir::{IntLike, Ir, Member, MemberKind, Type, TypeId, TypeKind};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

pub fn file(ir: &Ir) -> TokenStream {
    let items = ir.type_ids().map(|id| {
        let def = ir.ty(id);
        match &def.kind {
            TypeKind::IntLike(int) if is_rust_enum(int) => decoder(ir, id, int),
            TypeKind::Struct(s) if members_have_invariants(ir, &s.members) => {
                validator(ir, id, &s.members)
            }
            _ => TokenStream::new(),
        }
    });
    quote! {
        //! Decoding of enum values and checks of structs that come from the guest.
        //!
        //! An enum value or a struct that holds one is only a valid Rust value when the
        //! number is one of the enum's: these functions check the raw bytes first.

        #(#items)*
    }
}

fn decoder(ir: &Ir, id: TypeId, int: &IntLike) -> TokenStream {
    let name = naming::ident(&ir.ty(id).name.name);
    let base = int_ident(int.base);
    let mut seen = Vec::new();
    let arms = int.values.iter().filter_map(|v| {
        if seen.contains(&v.value) {
            return None;
        }
        seen.push(v.value);
        let lit = Literal::i128_unsuffixed(v.value);
        let variant = Ident::new(&naming::value_name(int, v), Span::call_site());
        Some(quote!(#lit => Some(crate::#name::#variant),))
    });
    let doc = format!(
        " Decodes a [`{0}`](crate::{0}) from its number; `None` for numbers it does not name.",
        ir.ty(id).name.name
    );
    quote! {
        #[doc = #doc]
        pub fn #name(raw: #base) -> Option<crate::#name> {
            match raw {
                #(#arms)*
                _ => None,
            }
        }
    }
}

fn validator(ir: &Ir, id: TypeId, members: &[Member]) -> TokenStream {
    let name = naming::ident(&ir.ty(id).name.name);
    let checks = member_checks(ir, members, &quote!((*p)));
    let doc = format!(
        " Whether the bytes at `p` are a valid [`{0}`](crate::{0}).",
        ir.ty(id).name.name
    );
    quote! {
        #[doc = #doc]
        ///
        /// # Safety
        ///
        /// `p` must be valid for reading a whole value of the type.
        pub unsafe fn #name(p: *const crate::#name) -> bool {
            #(#checks)&&*
        }
    }
}

/// Boolean expressions, all true when the members at `base.member` are valid.
fn member_checks(ir: &Ir, members: &[Member], base: &TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut ordinal = 0;
    for member in members {
        match &member.kind {
            MemberKind::Simple { ty, .. } => {
                let field = naming::ident(member.name());
                out.extend(type_check(ir, ty, &quote!(#base.#field)));
            }
            MemberKind::Range { .. } => {}
            MemberKind::Variant(variant) => {
                let union = naming::ident(&naming::variant_field(ordinal));
                ordinal += 1;
                out.extend(variant_check(ir, members, variant, base, &union));
            }
        }
    }
    out
}

/// The check of the arm a variant's tag selects: `{ let tag = ..; (![..].contains(&tag) || ..) }`.
fn variant_check(
    ir: &Ir,
    members: &[Member],
    variant: &crate::ir::Variant,
    base: &TokenStream,
    union: &Ident,
) -> Option<TokenStream> {
    let tag_member = members.get(variant.tag)?;
    let tag_int = ir.int_like(variant.tag_type)?;
    let tag = naming::ident(tag_member.name());
    let base_ty = int_ident(tag_int.base);
    let mut arms = Vec::new();
    for (index, arm) in variant.arms.iter().enumerate() {
        let place = match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => {
                let a = naming::ident(&arm_name.name);
                quote!(#base.#union.#a)
            }
            (None, [one]) if one.offset == crate::ir::Pair::same(0) => quote!(#base.#union),
            (None, _) => {
                let a = naming::ident(&format!("arm{index}"));
                quote!(#base.#union.#a)
            }
        };
        let checks = member_checks(ir, &arm.members, &place);
        if checks.is_empty() {
            continue;
        }
        let values = arm.tag_values.iter().filter_map(|(i, _)| {
            tag_int
                .values
                .get(*i)
                .map(|v| Literal::i128_unsuffixed(v.value))
        });
        let all = if checks.len() == 1 {
            quote!(#(#checks)*)
        } else {
            quote!((#(#checks)&&*))
        };
        arms.push(quote!(![#(#values),*].contains(&tag) || #all));
    }
    if arms.is_empty() {
        return None;
    }
    if arms.len() > 1 {
        arms = arms.into_iter().map(|a| quote!((#a))).collect();
    }
    Some(quote! {{
        let tag = (core::ptr::addr_of!(#base.#tag) as *const #base_ty).read();
        #(#arms)&&*
    }})
}

/// A boolean expression, true when the value of type `ty` at `place` is valid; `None` when
/// every bit pattern is.
fn type_check(ir: &Ir, ty: &Type, place: &TokenStream) -> Option<TokenStream> {
    if !has_invariants(ir, ty) {
        return None;
    }
    match ty {
        Type::Named(id) => match &ir.ty(*id).kind {
            TypeKind::IntLike(int) => {
                let decode = naming::ident(&ir.ty(*id).name.name);
                let base = int_ident(int.base);
                Some(quote! {
                    #decode((core::ptr::addr_of!(#place) as *const #base).read()).is_some()
                })
            }
            TypeKind::Struct(_) => {
                let check = naming::ident(&ir.ty(*id).name.name);
                Some(quote!(#check(core::ptr::addr_of!(#place))))
            }
            TypeKind::Function(_) => Some(non_null(place)),
        },
        Type::Pointer { .. } => Some(non_null(place)),
        Type::Atomic(inner) => type_check(ir, inner, place),
        Type::Array { count, element } => {
            let count = Literal::u64_unsuffixed(*count);
            let inner = type_check(ir, element, &quote!((*item)))?;
            let elem = naming::qualified_type_tokens(ir, element);
            Some(quote! {
                (0..#count).all(|i| {
                    let item = (core::ptr::addr_of!(#place) as *const #elem).add(i);
                    #inner
                })
            })
        }
        Type::Void | Type::Int(_) => None,
    }
}

/// A function pointer must not be null.
fn non_null(place: &TokenStream) -> TokenStream {
    quote!((core::ptr::addr_of!(#place) as *const usize).read() != 0)
}
