//! `src/layout_tests.rs` of the generated crate: one test per struct, arm struct and union
//! checking size, alignment and every field offset against the spec's layout, per pointer
//! width where the layout depends on it.

use super::layout::{self, Field};
use crate::ir::{Ir, Layout, Machine, Member, MemberKind, Pair, TypeKind};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

/// A generated struct or union and the offsets of its fields (`buf.0`, `union`, ...).
struct Aggregate {
    name: String,
    layout: Layout,
    fields: Vec<(TokenStream, Pair<u64>)>,
}

pub fn file(ir: &Ir) -> TokenStream {
    let mut aggregates = Vec::new();
    for id in ir.type_ids() {
        let def = ir.ty(id);
        if let (TypeKind::Struct(s), Some(layout)) = (&def.kind, def.layout) {
            collect(
                ir,
                &naming::type_name(ir, id),
                &s.members,
                layout,
                &mut aggregates,
            );
        }
    }
    let tests = aggregates.iter().map(tests_for);
    quote! {
        //! Layout tests: every struct and union against the spec's size, alignment and
        //! field offsets.

        use super::*;
        use core::mem::{align_of, size_of, MaybeUninit};

        /// Byte offset of a (possibly nested) field, without creating a value.
        macro_rules! offset_of {
            ($ty:ty, $($field:tt)+) => {{
                let value = MaybeUninit::<$ty>::uninit();
                let base = value.as_ptr();
                #[allow(unused_unsafe)]
                let field = unsafe { core::ptr::addr_of!((*base).$($field)+) };
                field as usize - base as usize
            }};
        }

        #(#tests)*
    }
}

fn collect(ir: &Ir, name: &str, members: &[Member], layout: Layout, out: &mut Vec<Aggregate>) {
    let plan = layout::plan(ir, members, layout);
    let mut fields = Vec::new();
    let mut ordinal = 0;
    let mut nested = Vec::new();
    for field in &plan.fields {
        let Field::Member(member) = field else {
            continue;
        };
        match &member.kind {
            MemberKind::Simple { .. } => {
                let f = naming::ident(member.name());
                fields.push((quote!(#f), member.offset));
            }
            MemberKind::Range { len_offset, .. } => {
                let f = naming::ident(member.name());
                fields.push((quote!(#f.0), member.offset));
                fields.push((quote!(#f.1), *len_offset));
            }
            MemberKind::Variant(variant) => {
                let field = naming::ident(&naming::variant_field(ordinal));
                let union_name = naming::union_type(name, ordinal);
                ordinal += 1;
                fields.push((quote!(#field), member.offset));
                let mut union_fields = Vec::new();
                for (index, arm) in variant.arms.iter().enumerate() {
                    match (&arm.name, arm.members.as_slice()) {
                        (Some(arm_name), _) => {
                            let f = naming::ident(&arm_name.name);
                            union_fields.push((quote!(#f), Pair::same(0)));
                            let arm_struct = naming::arm_type(name, &arm_name.name);
                            nested.push((arm_struct, arm.members.as_slice(), arm.layout));
                        }
                        (None, [member]) if member.offset == Pair::same(0) => {
                            let f = naming::ident(member.name());
                            union_fields.push((quote!(#f), Pair::same(0)));
                        }
                        (None, members) => {
                            let f = naming::ident(&format!("arm{index}"));
                            union_fields.push((quote!(#f), Pair::same(0)));
                            nested.push((format!("{name}_arm{index}"), members, arm.layout));
                        }
                    }
                }
                out.push(Aggregate {
                    name: union_name,
                    layout: member.layout,
                    fields: union_fields,
                });
            }
        }
    }
    out.push(Aggregate {
        name: name.to_string(),
        layout,
        fields,
    });
    for (arm_name, members, arm_layout) in nested {
        collect(ir, &arm_name, members, arm_layout, out);
    }
}

fn tests_for(agg: &Aggregate) -> TokenStream {
    let depends = agg.layout.size.differs()
        || agg.layout.align.differs()
        || agg.fields.iter().any(|(_, o)| o.differs());
    if !depends {
        return test(agg, Machine::Bits64, None);
    }
    let t32 = test(agg, Machine::Bits32, Some("32"));
    let t64 = test(agg, Machine::Bits64, Some("64"));
    quote!(#t32 #t64)
}

fn test(agg: &Aggregate, machine: Machine, width: Option<&str>) -> TokenStream {
    let ty = naming::ident(&agg.name);
    let fn_name = match width {
        Some(w) => format!("layout_{}_{w}", agg.name),
        None => format!("layout_{}", agg.name),
    };
    let fn_name = Ident::new(&fn_name, Span::call_site());
    let cfg = width.map(|w| quote!(#[cfg(target_pointer_width = #w)]));
    let size = Literal::u64_unsuffixed(agg.layout.size.get(machine));
    let align = Literal::u64_unsuffixed(agg.layout.align.get(machine));
    let offsets = agg.fields.iter().map(|(field, offset)| {
        let offset = Literal::u64_unsuffixed(offset.get(machine));
        quote!(assert_eq!(offset_of!(#ty, #field), #offset);)
    });
    quote! {
        #[test]
        #cfg
        fn #fn_name() {
            assert_eq!(size_of::<#ty>(), #size);
            assert_eq!(align_of::<#ty>(), #align);
            #(#offsets)*
        }
    }
}
