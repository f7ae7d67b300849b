//! The generated `host/raw.rs`: C-ABI entry points, generic over the implementation, that
//! decode their arguments, call the `Syscalls` method, trace, and write outputs back.

use super::params::{classify, has_invariants, Kind, Param};
use super::runtime::errno;
use super::trace::view_expr;
use crate::backend::rust::types::int_ident;
use crate::ir::{Direction, Ir, Syscall, Type};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

pub fn file(ir: &Ir) -> TokenStream {
    let calls = ir.syscalls.iter().map(|call| entry(ir, call));
    let count = Literal::usize_unsuffixed(ir.syscalls.len());
    let table = ir.syscalls.iter().map(|call| {
        let symbol = naming::syscall_symbol(&call.name.name);
        let f = naming::ident(&call.name.name);
        quote!((#symbol, #f::<S> as *const ()))
    });
    let (helpers, copies) = helpers(ir);
    // `Vec` holds the copies of inputs that overlap written memory (see `read_apart`).
    let vec = copies.then(|| {
        quote!(
            use std::vec::Vec;
        )
    });
    quote! {
        //! The C-ABI entry points: `raw::fd_read::<S>` has the signature of
        //! `cloudabi_sys_fd_read` and serves it with `S`.
        //!
        //! Each checks and decodes its arguments (see the [module docs](super)), calls the
        //! [`Syscalls`] method through [`Syscalls::with_current`] (passing the call to
        //! [`Syscalls::before`] and [`Syscalls::after`] when it is observed), and writes the
        //! outputs. The body is instantiated twice, with and without observation, so that
        //! an unobserved call carries no observation code at all: the observed copy is
        //! reached through an out-of-line, cold function.

        use super::{check, trace, validate, Syscalls};
        #vec

        /// Every entry point with its C symbol name, in syscall-number order.
        pub fn entry_points<S: Syscalls>() -> [(&'static str, *const ()); #count] {
            [#(#table),*]
        }

        /// Reports a call whose arguments failed their checks to [`Syscalls::after`] (when
        /// `TRACE`), and passes the error on.
        fn failed<S: Syscalls, const TRACE: bool>(s: &mut S, name: &'static str, error: crate::errno) -> crate::errno {
            if TRACE && s.observed() {
                s.after(trace::Call::unchecked(name), Err(error));
            }
            error
        }

        #helpers

        unsafe fn writable<S: Syscalls, T>(s: &mut S, ptr: *mut T) -> Result<*mut T, crate::errno> {
            check(s, ptr, 1, true)?;
            Ok(ptr)
        }

        #(#calls)*
    }
}

/// The C parameters of input `index`: one, or two for a range.
fn c_params(call: &Syscall, index: usize) -> Vec<&crate::ir::Param> {
    call.params
        .iter()
        .filter(|p| p.direction == Direction::In && p.member == index)
        .collect()
}

/// The C-level type of a parameter, with qualified names.
fn c_param_type(ir: &Ir, ty: &Type, direction: Direction) -> TokenStream {
    let ty = naming::qualified_type_tokens(ir, ty);
    match direction {
        Direction::In => ty,
        Direction::Out => quote!(*mut #ty),
    }
}

fn c_ident(name: &str) -> Ident {
    naming::ident(name)
}

/// The type the raw entry point takes a C parameter as: enums as their base integer, and
/// structs with invariants as `MaybeUninit`, so that no invalid value is ever made.
fn raw_type(ir: &Ir, param: &Param, c: &crate::ir::Param) -> TokenStream {
    match &param.kind {
        Kind::Enum(id) => match ir.int_like(*id) {
            Some(int) => {
                let base = int_ident(int.base);
                quote!(#base)
            }
            None => c_param_type(ir, &c.ty, c.direction),
        },
        Kind::CheckedValue(ty) => {
            let t = naming::qualified_type_tokens(ir, ty);
            quote!(core::mem::MaybeUninit<#t>)
        }
        _ => c_param_type(ir, &c.ty, c.direction),
    }
}

fn validator(ir: &Ir, ty: &Type) -> TokenStream {
    let name = match ty {
        Type::Named(id) => naming::ident(&ir.ty(*id).name.name),
        _ => naming::ident("unknown"),
    };
    quote!(validate::#name)
}

/// How an input is borrowed from guest memory for the call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Borrow {
    /// A `&[T]` or `&T` the call reads.
    Read,
    /// A `&mut [T]`, `&mut [MaybeUninit<T>]` or `&mut MaybeUninit<T>` the call writes.
    Write,
    /// Passed by value or as a raw pointer: no reference into guest memory.
    None,
}

fn borrow(kind: &Kind) -> Borrow {
    match kind {
        Kind::Slice { mutable: false, .. }
        | Kind::Counted { mutable: false, .. }
        | Kind::Ref(_) => Borrow::Read,
        Kind::Slice { mutable: true, .. }
        | Kind::Counted { mutable: true, .. }
        | Kind::UninitRef(_) => Borrow::Write,
        _ => Borrow::None,
    }
}

/// Whether a call both reads and writes guest memory through references, so that its
/// read-only inputs are decoded apart from what it writes.
fn is_apart(params: &[Param]) -> bool {
    let has = |b: Borrow| params.iter().any(|p| borrow(&p.kind) == b);
    has(Borrow::Read) && has(Borrow::Write)
}

/// `span(ptr, count)`: the bytes a writable input covers, for the overlap checks.
fn written_span(ir: &Ir, call: &Syscall, param: &Param) -> Option<TokenStream> {
    let cs = c_params(call, param.index);
    let first = cs.first().map(|c| c_ident(&c.name))?;
    Some(match &param.kind {
        Kind::Slice { target, .. } => {
            let len = cs.get(1).map(|c| c_ident(&c.name))?;
            let e = super::params::element(ir, target);
            quote!(span(#first as *const #e, #len))
        }
        Kind::Counted { target, count, .. } => {
            let n = c_params(call, *count).first().map(|c| c_ident(&c.name))?;
            let e = naming::qualified_type_tokens(ir, target);
            quote!(span(#first as *const #e, #n))
        }
        Kind::UninitRef(ty) => {
            let t = naming::qualified_type_tokens(ir, ty);
            quote!(span(#first as *const #t, 1))
        }
        _ => return None,
    })
}

/// The local holding the copy of a read-only input that overlaps written memory.
fn copy_ident(param: &Param) -> Ident {
    Ident::new(&format!("{}_copy", param.member.name()), Span::call_site())
}

/// The expression that decodes an input the call only reads, in a call that also writes
/// guest memory (`written`): checked like any input, then copied when it overlaps.
fn decode_apart(ir: &Ir, call: &Syscall, param: &Param) -> Option<TokenStream> {
    let cs = c_params(call, param.index);
    let first = cs.first().map(|c| c_ident(&c.name))?;
    let copy = copy_ident(param);
    let valid = |ty: &Type| {
        if has_invariants(ir, ty) {
            let v = validator(ir, ty);
            quote!(Some(#v))
        } else {
            quote!(None)
        }
    };
    Some(match &param.kind {
        Kind::Slice { target, .. } => {
            let len = cs.get(1).map(|c| c_ident(&c.name))?;
            let ptr = match target {
                Type::Void => quote!(#first as *const u8),
                _ => quote!(#first),
            };
            let v = valid(target);
            quote!(read_apart(s, #ptr, #len, #v, &written, &mut #copy))
        }
        Kind::Counted { target, count, .. } => {
            let n = c_params(call, *count).first().map(|c| c_ident(&c.name))?;
            let v = valid(target);
            quote!(read_apart(s, #first, #n, #v, &written, &mut #copy))
        }
        Kind::Ref(ty) => {
            let v = valid(ty);
            quote!(read_apart(s, #first, 1, #v, &written, &mut #copy).map(|v| &v[0]))
        }
        _ => return decode(ir, call, param),
    })
}

/// The expression that decodes an input into what the trait takes (a `Result`).
fn decode(ir: &Ir, call: &Syscall, param: &Param) -> Option<TokenStream> {
    let cs = c_params(call, param.index);
    let first = cs.first().map(|c| c_ident(&c.name))?;
    let second = cs.get(1).map(|c| c_ident(&c.name));
    Some(match &param.kind {
        Kind::Value(_) | Kind::Count => quote!(Ok::<_, crate::errno>(#first)),
        Kind::Atomic(_) => quote!(writable(s, #first)),
        Kind::Raw(_) => quote!(Ok::<_, crate::errno>(#first)),
        Kind::Enum(id) => {
            let f = naming::ident(&ir.ty(*id).name.name);
            quote!(decoded(validate::#f(#first)))
        }
        Kind::CheckedValue(ty) => {
            let v = validator(ir, ty);
            quote!(checked_value(#first, #v))
        }
        Kind::Slice { target, mutable } => {
            let len = second?;
            let e = super::params::element(ir, target);
            // Untyped ranges are `*const ()` in C: they become byte slices.
            let ptr = match (target, mutable) {
                (Type::Void, false) => quote!(#first as *const u8),
                (Type::Void, true) => quote!(#first as *mut u8),
                _ => quote!(#first),
            };
            match (mutable, has_invariants(ir, target)) {
                (false, false) => quote!(super::slice(s, #ptr, #len)),
                (false, true) => {
                    let v = validator(ir, target);
                    quote!(checked_slice(s, #ptr, #len, #v))
                }
                (true, false) => quote!(super::slice_mut(s, #ptr, #len)),
                (true, true) => {
                    quote!(super::slice_mut(s, #first as *mut core::mem::MaybeUninit<#e>, #len))
                }
            }
        }
        Kind::AddressRange => {
            let len = second?;
            quote!(Ok::<_, crate::errno>(core::ptr::slice_from_raw_parts_mut(#first as *mut u8, #len)))
        }
        Kind::Ref(ty) => {
            if has_invariants(ir, ty) {
                let v = validator(ir, ty);
                quote!(checked_ref(s, #first, #v))
            } else {
                quote!(super::reference(s, #first))
            }
        }
        Kind::Fields(_) => quote!(super::fields(s, #first)),
        Kind::UninitRef(_) => quote!(super::uninit(s, #first)),
        Kind::Counted {
            target,
            mutable,
            count,
        } => {
            let n = c_params(call, *count).first().map(|c| c_ident(&c.name))?;
            let e = naming::qualified_type_tokens(ir, target);
            match (mutable, has_invariants(ir, target)) {
                (false, false) => quote!(super::slice(s, #first, #n)),
                (false, true) => {
                    let v = validator(ir, target);
                    quote!(checked_slice(s, #first, #n, #v))
                }
                (true, _) => {
                    quote!(super::slice_mut(s, #first as *mut core::mem::MaybeUninit<#e>, #n))
                }
            }
        }
    })
}

fn entry(ir: &Ir, call: &Syscall) -> TokenStream {
    let name = naming::ident(&call.name.name);
    let inner = Ident::new(&format!("{}_inner", call.name.name), Span::call_site());
    let traced = Ident::new(&format!("{}_traced", call.name.name), Span::call_site());
    let call_name = call.name.name.as_str();
    let params = classify(ir, call);
    let mut c_args = Vec::new();
    let mut c_names = Vec::new();
    for c in &call.params {
        let ident = c_ident(&c.name);
        let ty = match c.direction {
            Direction::In => params
                .iter()
                .find(|p| p.index == c.member)
                .map(|p| raw_type(ir, p, c))
                .unwrap_or_else(|| c_param_type(ir, &c.ty, c.direction)),
            Direction::Out => c_param_type(ir, &c.ty, c.direction),
        };
        c_args.push(quote!(#ident: #ty));
        c_names.push(ident);
    }
    // The inner function takes the implementation besides the C arguments.
    let many_args = (c_args.len() + 1 > 7).then(|| {
        quote!(#[allow(clippy::too_many_arguments)]) // mirrors the C signature
    });
    let on_error = if call.noreturn {
        quote! {{
            let e = failed::<S, true>(s, #call_name, e);
            s.noreturn_failed(#call_name, e)
        }}
    } else {
        quote!(return Err(failed::<S, TRACE>(s, #call_name, e)))
    };
    let mut decodes = Vec::new();
    let mut trait_args = Vec::new();
    let mut views = Vec::new();
    // A call that reads some guest memory and writes other guest memory must not alias the
    // two: the spans it writes are computed first, from the raw pointers.
    let spans: Vec<TokenStream> = params
        .iter()
        .filter(|p| borrow(&p.kind) == Borrow::Write)
        .filter_map(|p| written_span(ir, call, p))
        .collect();
    let apart = is_apart(&params);
    if apart || spans.len() > 1 {
        let inval = errno(ir, "inval");
        decodes.push(quote!(let written = [#(#spans),*];));
        if spans.len() > 1 {
            decodes.push(quote! {
                if !disjoint(&written) {
                    let e = #inval;
                    #on_error
                }
            });
        }
    }
    for p in &params {
        if matches!(p.kind, Kind::Count) {
            continue;
        }
        let local = naming::ident(p.member.name());
        let expr = if apart && borrow(&p.kind) == Borrow::Read {
            let copy = copy_ident(p);
            decodes.push(quote!(let mut #copy = Vec::new();));
            decode_apart(ir, call, p)
        } else {
            decode(ir, call, p)
        };
        if let Some(expr) = expr {
            decodes.push(quote! {
                let #local = match #expr { Ok(v) => v, Err(e) => #on_error };
            });
        }
        views.push(view_expr(&p.kind, &local));
        trait_args.push(local);
    }
    let outs: Vec<Ident> = call
        .params
        .iter()
        .filter(|c| c.direction == Direction::Out)
        .map(|c| c_ident(&c.name))
        .collect();
    for out in &outs {
        decodes.push(quote! {
            let #out = match writable(s, #out) { Ok(v) => v, Err(e) => #on_error };
        });
    }
    let doc = format!(
        " The C entry point `{}`, served by [`Syscalls::{}`].",
        naming::syscall_symbol(call_name),
        call.name.name
    );
    let safety = quote! {
        ///
        /// # Safety
        ///
        /// To be called by the guest with the C signature of the system call; the pointers
        /// it passes are checked as the [module docs](super) describe, and must otherwise
        /// be valid guest memory for the duration of the call.
    };
    if call.noreturn {
        return quote! {
            #[doc = #doc]
            #safety
            pub unsafe extern "C" fn #name<S: Syscalls>(#(#c_args),*) -> ! {
                let () = S::with_current(|s| #inner(s, #(#c_names),*));
                std::process::abort()
            }

            #many_args
            unsafe fn #inner<S: Syscalls>(s: &mut S, #(#c_args),*) -> ! {
                #(#decodes)*
                if s.observed() {
                    // A call that does not return cannot fail: what `before` says is moot.
                    let _ = s.before(&trace::#name(#(#views),*));
                }
                s.#name(#(#trait_args),*)
            }
        };
    }
    let result_fn = Ident::new(&format!("{}_result", call.name.name), Span::call_site());
    let (filled_captures, filled_args) = super::trace::filled_views(ir, call);
    let write = match outs.as_slice() {
        [] => quote!(let () = result?;),
        [one] => quote! { #one.write(result?); },
        many => {
            let idx = (0..many.len()).map(syn::Index::from);
            quote! {
                let value = result?;
                #(#many.write(value.#idx);)*
            }
        }
    };
    quote! {
        #[doc = #doc]
        #safety
        pub unsafe extern "C" fn #name<S: Syscalls>(#(#c_args),*) -> crate::errno {
            S::with_current(|s| {
                let result = if s.observed() {
                    #traced(s, #(#c_names),*)
                } else {
                    #inner::<S, false>(s, #(#c_names),*)
                };
                match result {
                    Ok(()) => crate::errno::SUCCESS,
                    Err(e) => e,
                }
            })
        }

        #many_args
        #[cold]
        #[inline(never)]
        unsafe fn #traced<S: Syscalls>(s: &mut S, #(#c_args),*) -> Result<(), crate::errno> {
            #inner::<S, true>(s, #(#c_names),*)
        }

        #many_args
        #[inline(always)]
        unsafe fn #inner<S: Syscalls, const TRACE: bool>(s: &mut S, #(#c_args),*) -> Result<(), crate::errno> {
            #(#decodes)*
            let call = if TRACE {
                Some(trace::#name(#(#views),*))
            } else {
                None
            };
            #(#filled_captures)*
            let result = match call.as_ref().and_then(|c| s.before(c)) {
                Some(injected) => Err(injected),
                None => s.#name(#(#trait_args),*),
            };
            if let Some(call) = call {
                let shown = trace::#result_fn(&result, #(#filled_args),*);
                s.after(call, shown);
            }
            #write
            Ok(())
        }
    }
}

/// The decoding helpers the entry points use; each only when some syscall needs it, so
/// the generated module has no dead code. Also says whether `read_apart` is among them.
fn helpers(ir: &Ir) -> (TokenStream, bool) {
    let inval = errno(ir, "inval");
    // The kinds decoded by the plain helpers: a read-only input of a call that also writes
    // guest memory goes through `read_apart` instead.
    let kinds: Vec<Kind> = ir
        .syscalls
        .iter()
        .flat_map(|call| {
            let params = classify(ir, call);
            let apart = is_apart(&params);
            params
                .into_iter()
                .map(|p| p.kind)
                .filter(move |k| !(apart && borrow(k) == Borrow::Read))
        })
        .collect();
    let checked = |ty: &Type| has_invariants(ir, ty);
    let uses_enum = kinds.iter().any(|k| matches!(k, Kind::Enum(_)));
    let uses_value = kinds.iter().any(|k| matches!(k, Kind::CheckedValue(_)));
    let uses_ref = kinds
        .iter()
        .any(|k| matches!(k, Kind::Ref(t) if checked(t)));
    let uses_slice = kinds.iter().any(|k| match k {
        Kind::Slice {
            target,
            mutable: false,
        }
        | Kind::Counted {
            target,
            mutable: false,
            ..
        } => checked(target),
        _ => false,
    });
    let mut out = TokenStream::new();
    let calls: Vec<Vec<Param>> = ir.syscalls.iter().map(|c| classify(ir, c)).collect();
    let uses_apart = calls.iter().any(|params| is_apart(params));
    let uses_disjoint = calls.iter().any(|params| {
        params
            .iter()
            .filter(|p| borrow(&p.kind) == Borrow::Write)
            .count()
            > 1
    });
    if uses_apart || uses_disjoint {
        out.extend(quote! {
        /// The address and size in bytes of `count` values at `ptr` (saturating: only
        /// compared for overlap, after or instead of the checks that reject wrap-around).
        fn span<T>(ptr: *const T, count: usize) -> (usize, usize) {
            (ptr as usize, count.saturating_mul(core::mem::size_of::<T>()))
        }

        /// Whether two spans share a byte.
        fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
            a.1 != 0 && b.1 != 0 && a.0 < b.0.saturating_add(b.1) && b.0 < a.0.saturating_add(a.1)
        }
        });
    }
    if uses_disjoint {
        out.extend(quote! {
        /// Whether no two of the spans a call writes overlap.
        fn disjoint(written: &[(usize, usize)]) -> bool {
            written.iter().enumerate().all(|(i, a)| written[i + 1..].iter().all(|b| !overlap(*a, *b)))
        }
        });
    }
    if uses_apart {
        out.extend(quote! {
        /// Guest memory the call only reads, as a slice: checked like [`slice`] (and with
        /// `valid` when `T` has invariants). When it overlaps memory the same call writes,
        /// the slice is a copy taken before the call, so that it never aliases the `&mut`
        /// the implementation writes through.
        unsafe fn read_apart<'a, S: Syscalls, T>(
            s: &mut S,
            ptr: *const T,
            len: usize,
            valid: Option<unsafe fn(*const T) -> bool>,
            written: &[(usize, usize)],
            copy: &'a mut Vec<core::mem::MaybeUninit<T>>,
        ) -> Result<&'a [T], crate::errno> {
            if len == 0 {
                return Ok(&[]);
            }
            check(s, ptr, len, false)?;
            let ptr = if written.iter().any(|w| overlap(span(ptr, len), *w)) {
                copy.reserve_exact(len);
                core::ptr::copy_nonoverlapping(ptr as *const core::mem::MaybeUninit<T>, copy.as_mut_ptr(), len);
                copy.set_len(len);
                copy.as_ptr() as *const T
            } else {
                ptr
            };
            if let Some(valid) = valid {
                for i in 0..len {
                    if !valid(ptr.add(i)) {
                        return Err(#inval);
                    }
                }
            }
            Ok(core::slice::from_raw_parts(ptr, len))
        }
        });
    }
    if uses_enum {
        out.extend(quote! {
        fn decoded<T>(value: Option<T>) -> Result<T, crate::errno> {
            value.ok_or(#inval)
        }
        });
    }
    if uses_value {
        out.extend(quote! {
        unsafe fn checked_value<T>(value: core::mem::MaybeUninit<T>, valid: unsafe fn(*const T) -> bool) -> Result<T, crate::errno> {
            if valid(value.as_ptr()) {
                Ok(value.assume_init())
            } else {
                Err(#inval)
            }
        }
        });
    }
    if uses_ref {
        out.extend(quote! {
        unsafe fn checked_ref<'a, S: Syscalls, T>(s: &mut S, ptr: *const T, valid: unsafe fn(*const T) -> bool) -> Result<&'a T, crate::errno> {
            check(s, ptr, 1, false)?;
            if valid(ptr) {
                Ok(&*ptr)
            } else {
                Err(#inval)
            }
        }
        });
    }
    if uses_slice {
        out.extend(quote! {
        unsafe fn checked_slice<'a, S: Syscalls, T>(s: &mut S, ptr: *const T, len: usize, valid: unsafe fn(*const T) -> bool) -> Result<&'a [T], crate::errno> {
            if len == 0 {
                return Ok(&[]);
            }
            check(s, ptr, len, false)?;
            for i in 0..len {
                if !valid(ptr.add(i)) {
                    return Err(#inval);
                }
            }
            Ok(core::slice::from_raw_parts(ptr, len))
        }
        });
    }
    (out, uses_apart)
}
