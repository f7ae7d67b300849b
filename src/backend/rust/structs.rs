//! Structs: `#[repr(C)]` with public fields, ranges as `(pointer, usize)` tuples, and each
//! variant as a field named `union` of a `repr(C)` Rust union whose named arms are structs
//! of their own (`subscription_clock`). See [`super::layout`] for padding and alignment.

use super::docs;
use super::layout::{self, Field};
use crate::ir::{Arm, Ir, Layout, Member, MemberKind, Pair, TypeKind, Variant};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

pub fn all(ir: &Ir) -> TokenStream {
    ir.type_ids()
        .filter_map(|id| {
            let def = ir.ty(id);
            let TypeKind::Struct(s) = &def.kind else {
                return None;
            };
            let layout = def.layout?;
            let doc = docs::lines(ir, &def.doc);
            Some(one(ir, &naming::type_name(ir, id), doc, &s.members, layout))
        })
        .collect()
}

/// A struct and, after it, the unions and arm structs of its variants.
fn one(ir: &Ir, name: &str, doc: Vec<String>, members: &[Member], layout: Layout) -> TokenStream {
    let plan = layout::plan(ir, members, layout);
    let mut nested = TokenStream::new();
    let mut ordinal = 0;
    let fields: Vec<TokenStream> = plan
        .fields
        .iter()
        .map(|field| match field {
            Field::Pad { index, size } => pad(*index, *size),
            Field::Member(m) => {
                let (tokens, extra) = member_field(ir, name, members, m, &mut ordinal);
                nested.extend(extra);
                tokens
            }
        })
        .collect();
    let ident = naming::ident(name);
    let doc = docs::attrs(&doc);
    let repr = repr(plan.align);
    quote! {
        #doc
        #repr
        #[derive(Copy, Clone)]
        pub struct #ident { #(#fields)* }
        #nested
    }
}

/// `#[repr(C)]`, with `align(N)` when the spec's alignment must be forced (per pointer
/// width when the machines differ).
pub fn repr(align: Option<Pair<u64>>) -> TokenStream {
    let Some(align) = align else {
        return quote!(#[repr(C)]);
    };
    if !align.differs() {
        let n = Literal::u64_unsuffixed(align.m32);
        return quote!(#[repr(C, align(#n))]);
    }
    let (a, b) = (
        Literal::u64_unsuffixed(align.m32),
        Literal::u64_unsuffixed(align.m64),
    );
    quote! {
        #[repr(C)]
        #[cfg_attr(target_pointer_width = "32", repr(align(#a)))]
        #[cfg_attr(target_pointer_width = "64", repr(align(#b)))]
    }
}

pub fn pad_name(index: usize) -> Ident {
    Ident::new(&format!("_pad{index}"), Span::call_site())
}

fn pad(index: usize, size: Pair<u64>) -> TokenStream {
    let name = pad_name(index);
    let doc = docs::attrs(&[
        "Padding that C places implicitly: spelled out so that the layout is the spec's"
            .to_string(),
        "also where 64-bit integers are only 4-aligned (i686). Set it to zero.".to_string(),
    ]);
    if !size.differs() {
        let n = Literal::u64_unsuffixed(size.m32);
        return quote! { #doc pub #name: [u8; #n], };
    }
    let (a, b) = (
        Literal::u64_unsuffixed(size.m32),
        Literal::u64_unsuffixed(size.m64),
    );
    quote! {
        #doc
        #[cfg(target_pointer_width = "32")]
        pub #name: [u8; #a],
        #doc
        #[cfg(target_pointer_width = "64")]
        pub #name: [u8; #b],
    }
}

/// A member's field, and the items a variant member brings along.
fn member_field(
    ir: &Ir,
    container: &str,
    members: &[Member],
    member: &Member,
    ordinal: &mut usize,
) -> (TokenStream, TokenStream) {
    let doc = docs::doc(ir, &member.doc);
    match &member.kind {
        MemberKind::Simple { ty, .. } => {
            let name = naming::ident(member.name());
            let ty = naming::type_tokens(ir, ty);
            (quote! { #doc pub #name: #ty, }, TokenStream::new())
        }
        MemberKind::Range { pointer, .. } => {
            let name = naming::ident(member.name());
            let ptr = naming::type_tokens(ir, pointer);
            (
                quote! { #doc pub #name: (#ptr, usize), },
                TokenStream::new(),
            )
        }
        MemberKind::Variant(variant) => {
            let field = naming::variant_field(*ordinal);
            let union_name = naming::union_type(container, *ordinal);
            *ordinal += 1;
            let tag = members.get(variant.tag).map_or("", |m| m.name());
            let tag_path = naming::field_link(container, &naming::field_name(tag));
            let doc = docs::attrs(&[format!(
                "The data that goes with {}: read the arm that it selects.",
                docs::link(&tag_path, docs::Scope::Root)
            )]);
            let field_ident = naming::ident(&field);
            let union_ident = naming::ident(&union_name);
            let items = union(ir, container, &union_name, &tag_path, variant);
            (quote! { #doc pub #field_ident: #union_ident, }, items)
        }
    }
}

fn union(ir: &Ir, container: &str, name: &str, tag_path: &str, variant: &Variant) -> TokenStream {
    let mut nested = TokenStream::new();
    let mut fields = Vec::new();
    for (index, arm) in variant.arms.iter().enumerate() {
        let when = arm_condition(ir, variant, arm, tag_path);
        match (&arm.name, arm.members.as_slice()) {
            (Some(arm_name), _) => {
                let struct_name = naming::arm_type(container, &arm_name.name);
                let fname = naming::ident(&arm_name.name);
                let sname = naming::ident(&struct_name);
                let doc = docs::attrs(std::slice::from_ref(&when));
                fields.push(quote! { #doc pub #fname: #sname, });
                let sdoc = vec![format!("An arm of [`{name}`]. {when}")];
                nested.extend(one(ir, &struct_name, sdoc, &arm.members, arm.layout));
            }
            (None, [member]) if member.offset == Pair::same(0) => {
                let mut lines = docs::lines(ir, &member.doc);
                if !lines.is_empty() {
                    lines.push(String::new());
                }
                lines.push(when.clone());
                let doc = docs::attrs(&lines);
                let fname = naming::ident(member.name());
                let ty = match &member.kind {
                    MemberKind::Simple { ty, .. } => naming::type_tokens(ir, ty),
                    MemberKind::Range { pointer, .. } => {
                        let p = naming::type_tokens(ir, pointer);
                        quote!((#p, usize))
                    }
                    MemberKind::Variant(_) => quote!(()),
                };
                fields.push(quote! { #doc pub #fname: #ty, });
            }
            (None, members) => {
                // Several members without a name of their own: a struct named after the
                // arm's position.
                let struct_name = format!("{container}_arm{index}");
                let fname = naming::ident(&format!("arm{index}"));
                let sname = naming::ident(&struct_name);
                let doc = docs::attrs(std::slice::from_ref(&when));
                fields.push(quote! { #doc pub #fname: #sname, });
                let sdoc = vec![format!("An arm of [`{name}`]. {when}")];
                nested.extend(one(ir, &struct_name, sdoc, members, arm.layout));
            }
        }
    }
    let ident = naming::ident(name);
    let repr = repr(layout::union_align(ir, &variant.arms));
    quote! {
        #[doc = " The arms of a variant: which one holds data depends on the tag."]
        #repr
        #[derive(Copy, Clone)]
        pub union #ident { #(#fields)* }
        #nested
    }
}

/// "Used when [`tag`] is [`value`] or [`value`]."
fn arm_condition(ir: &Ir, variant: &Variant, arm: &Arm, tag_path: &str) -> String {
    let values: Vec<String> = arm
        .tag_values
        .iter()
        .map(|(index, _)| {
            docs::link(
                &naming::value_path(ir, variant.tag_type, *index),
                docs::Scope::Root,
            )
        })
        .collect();
    let list = match values.as_slice() {
        [] => "never set".to_string(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    format!(
        "Used when {} is {list}.",
        docs::link(tag_path, docs::Scope::Root)
    )
}
