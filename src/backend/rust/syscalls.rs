//! The `extern "C"` declarations of the `cloudabi_sys_*` symbols and the `unsafe fn`
//! wrappers over them: ranges become slices, outputs stay `*mut T`, every parameter name
//! gets a trailing underscore (as in the published crate).

use super::docs;
use crate::ir::{Direction, Ir, MemberKind, Syscall, Type};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

pub fn all(ir: &Ir) -> TokenStream {
    let decls = ir.syscalls.iter().map(|call| declaration(ir, call));
    let wrappers = ir.syscalls.iter().map(|call| wrapper(ir, call));
    quote! {
        #[allow(improper_ctypes)]
        extern "C" {
            #(#decls)*
        }
        #(#wrappers)*
    }
}

/// The C-level type of a parameter: outputs are pointers to what they receive.
pub fn c_param_type(ir: &Ir, ty: &Type, direction: Direction) -> TokenStream {
    let ty = naming::type_tokens(ir, ty);
    match direction {
        Direction::In => ty,
        Direction::Out => quote!(*mut #ty),
    }
}

fn returns(call: &Syscall) -> TokenStream {
    if call.noreturn {
        quote!(-> !)
    } else {
        quote!(-> errno)
    }
}

fn declaration(ir: &Ir, call: &Syscall) -> TokenStream {
    let symbol = Ident::new(&naming::syscall_symbol(&call.name.name), Span::call_site());
    let params = call.params.iter().map(|p| {
        let name = naming::ident(&p.name);
        let ty = c_param_type(ir, &p.ty, p.direction);
        quote!(#name: #ty)
    });
    let ret = returns(call);
    quote! { fn #symbol(#(#params),*) #ret; }
}

/// The element type of a slice standing for a range: `u8` for `void`.
pub fn slice_element(ir: &Ir, target: &Type) -> TokenStream {
    match target {
        Type::Void => quote!(u8),
        other => naming::type_tokens(ir, other),
    }
}

fn wrapper(ir: &Ir, call: &Syscall) -> TokenStream {
    let doc = docs::attrs(&docs::syscall(
        ir,
        call,
        naming::wrapper_param,
        docs::Scope::Root,
    ));
    let name = naming::ident(&naming::syscall_fn(&call.name.name));
    let symbol = Ident::new(&naming::syscall_symbol(&call.name.name), Span::call_site());
    let mut params = Vec::new();
    let mut args = Vec::new();
    for member in &call.inputs {
        let pname = Ident::new(&naming::wrapper_param(member.name()), Span::call_site());
        match &member.kind {
            MemberKind::Simple { ty, .. } => {
                let ty = naming::type_tokens(ir, ty);
                params.push(quote!(#pname: #ty));
                args.push(quote!(#pname));
            }
            MemberKind::Range {
                constant, target, ..
            } => {
                let element = slice_element(ir, target);
                let void = matches!(target, Type::Void);
                if *constant {
                    params.push(quote!(#pname: &[#element]));
                    args.push(if void {
                        quote!(#pname.as_ptr() as *const ())
                    } else {
                        quote!(#pname.as_ptr())
                    });
                } else {
                    params.push(quote!(#pname: &mut [#element]));
                    args.push(if void {
                        quote!(#pname.as_mut_ptr() as *mut ())
                    } else {
                        quote!(#pname.as_mut_ptr())
                    });
                }
                args.push(quote!(#pname.len()));
            }
            MemberKind::Variant(_) => {}
        }
    }
    for member in &call.outputs {
        let pname = Ident::new(&naming::wrapper_param(member.name()), Span::call_site());
        if let MemberKind::Simple { ty, .. } = &member.kind {
            let ty = naming::type_tokens(ir, ty);
            params.push(quote!(#pname: *mut #ty));
            args.push(quote!(#pname));
        }
    }
    let ret = returns(call);
    quote! {
        #doc
        ///
        /// # Safety
        ///
        /// This is a raw system call: pointers must be valid for what the call does
        /// with them, and the call's effects on the process are not checked by Rust.
        #[inline]
        pub unsafe fn #name(#(#params),*) #ret {
            #symbol(#(#args),*)
        }
    }
}
