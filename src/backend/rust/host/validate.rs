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
            #(#checks)*
            true
        }
    }
}

/// Statements that return `false` when a member at `base.member` is invalid.
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
                let Some(tag_member) = members.get(variant.tag) else {
                    continue;
                };
                let Some(tag_int) = ir.int_like(variant.tag_type) else {
                    continue;
                };
                let tag = naming::ident(tag_member.name());
                let base_ty = int_ident(tag_int.base);
                let mut arms = Vec::new();
                for (index, arm) in variant.arms.iter().enumerate() {
                    if !members_have_invariants(ir, &arm.members) {
                        continue;
                    }
                    let values = arm.tag_values.iter().filter_map(|(i, _)| {
                        tag_int
                            .values
                            .get(*i)
                            .map(|v| Literal::i128_unsuffixed(v.value))
                    });
                    let checks = match (&arm.name, arm.members.as_slice()) {
                        (Some(arm_name), _) => {
                            let a = naming::ident(&arm_name.name);
                            member_checks(ir, &arm.members, &quote!(#base.#union.#a))
                        }
                        (None, [one]) if one.offset == crate::ir::Pair::same(0) => {
                            member_checks(ir, &arm.members, &quote!(#base.#union))
                        }
                        (None, _) => {
                            let a = naming::ident(&format!("arm{index}"));
                            member_checks(ir, &arm.members, &quote!(#base.#union.#a))
                        }
                    };
                    arms.push(quote! {
                        if [#(#values),*].contains(&tag) {
                            #(#checks)*
                        }
                    });
                }
                if !arms.is_empty() {
                    out.push(quote! {
                        {
                            let tag = (core::ptr::addr_of!(#base.#tag) as *const #base_ty).read();
                            #(#arms)*
                        }
                    });
                }
            }
        }
    }
    out
}

/// Statements that return `false` when the value of type `ty` at `place` is invalid.
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
                    if #decode((core::ptr::addr_of!(#place) as *const #base).read()).is_none() {
                        return false;
                    }
                })
            }
            TypeKind::Struct(_) => {
                let check = naming::ident(&ir.ty(*id).name.name);
                Some(quote! {
                    if !#check(core::ptr::addr_of!(#place)) {
                        return false;
                    }
                })
            }
            TypeKind::Function(_) => Some(null_check(place)),
        },
        Type::Pointer { .. } => Some(null_check(place)),
        Type::Atomic(inner) => type_check(ir, inner, place),
        Type::Array { count, element } => {
            let count = Literal::u64_unsuffixed(*count);
            let inner = type_check(ir, element, &quote!((*item)))?;
            let elem = naming::qualified_type_tokens(ir, element);
            Some(quote! {
                for i in 0..#count {
                    let item = (core::ptr::addr_of!(#place) as *const #elem).add(i);
                    #inner
                }
            })
        }
        Type::Void | Type::Int(_) => None,
    }
}

/// A function pointer must not be null.
fn null_check(place: &TokenStream) -> TokenStream {
    quote! {
        if (core::ptr::addr_of!(#place) as *const usize).read() == 0 {
            return false;
        }
    }
}
