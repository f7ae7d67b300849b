//! The `extern "C"` declarations of the `cloudabi_sys_*` symbols and the `unsafe fn`
//! wrappers over them: ranges become slices, outputs stay `*mut T`, every parameter name
//! gets a trailing underscore (as in the published crate).

use super::docs;
use super::writer::{RustWriter, SigEnd};
use crate::ir::{Direction, Ir, MemberKind, Syscall, Type};
use crate::naming::rust as naming;

pub(super) fn write_all(w: &mut RustWriter, ir: &Ir) {
    w.line("#[allow(improper_ctypes)]");
    w.open("extern \"C\" {");
    for (i, call) in ir.syscalls.iter().enumerate() {
        if i > 0 {
            w.blank();
        }
        declaration(w, ir, call);
    }
    w.close("}");
    for call in &ir.syscalls {
        w.blank();
        wrapper(w, ir, call);
    }
}

/// The C-level type of a parameter: outputs are pointers to what they receive.
pub(super) fn c_param_type(ir: &Ir, ty: &Type, direction: Direction) -> String {
    let ty = naming::type_expr(ir, ty);
    match direction {
        Direction::In => ty,
        Direction::Out => format!("*mut {ty}"),
    }
}

fn returns(call: &Syscall) -> &'static str {
    if call.noreturn {
        "!"
    } else {
        "errno"
    }
}

fn declaration(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    let params: Vec<String> = call
        .params
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                naming::field_name(&p.name),
                c_param_type(ir, &p.ty, p.direction)
            )
        })
        .collect();
    let head = format!("fn {}", naming::syscall_symbol(&call.name.name));
    w.signature(&head, &params, returns(call), SigEnd::Decl);
}

/// The element type of a slice standing for a range: `u8` for `void`.
pub(super) fn slice_element(ir: &Ir, target: &Type) -> String {
    match target {
        Type::Void => "u8".to_string(),
        other => naming::type_expr(ir, other),
    }
}

const SAFETY: [&str; 6] = [
    "",
    "# Safety",
    "",
    "This is a raw system call: pointers must be valid for what the call does",
    "with them, and the call's effects on the process are not checked by Rust.",
    "",
];

/// Why a wrapper's call of its symbol is sound: it has the same contract as the wrapper.
const FORWARDED: [&str; 1] =
    ["the caller upholds this function's contract, which is the system call's own."];

fn wrapper(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    let mut doc = docs::syscall(ir, call, naming::wrapper_param, docs::Scope::Root);
    doc.extend(SAFETY[..5].iter().map(|l| l.to_string()));
    w.doc(&doc);
    w.line("#[inline]");
    let mut params = Vec::new();
    let mut args = Vec::new();
    for member in &call.inputs {
        let pname = naming::wrapper_param(member.name());
        match &member.kind {
            MemberKind::Simple { ty, .. } => {
                params.push(format!("{pname}: {}", naming::type_expr(ir, ty)));
                args.push(pname);
            }
            MemberKind::Range {
                constant, target, ..
            } => {
                let element = slice_element(ir, target);
                let void = matches!(target, Type::Void);
                let (slice, ptr, cast) = if *constant {
                    ("&", "as_ptr", "*const ()")
                } else {
                    ("&mut ", "as_mut_ptr", "*mut ()")
                };
                params.push(format!("{pname}: {slice}[{element}]"));
                args.push(if void {
                    format!("{pname}.{ptr}() as {cast}")
                } else {
                    format!("{pname}.{ptr}()")
                });
                args.push(format!("{pname}.len()"));
            }
            MemberKind::Variant(_) => {}
        }
    }
    for member in &call.outputs {
        let pname = naming::wrapper_param(member.name());
        if let MemberKind::Simple { ty, .. } = &member.kind {
            params.push(format!("{pname}: *mut {}", naming::type_expr(ir, ty)));
            args.push(pname);
        }
    }
    let head = format!(
        "pub unsafe fn {}",
        naming::ident_name(&naming::syscall_fn(&call.name.name))
    );
    w.signature(&head, &params, returns(call), SigEnd::Body);
    w.unsafe_call(
        &FORWARDED,
        &naming::syscall_symbol(&call.name.name),
        &args,
        "",
    );
    w.close("}");
}
