//! Linux kernel side: the prototypes a kernel implements (machine-independent syscalls in
//! `cloudabi_syscalls.h`, the 64-bit entry points of machine-dependent ones in
//! `cloudabi64_syscalls.h`) and a dispatch table that unpacks 64-bit argument slots.

use super::syscalls::{declaration, syscall_doc};
use super::writer;
use crate::backend::OutputFile;
use crate::ir::{Direction, Ir, Param, Syscall};
use crate::naming::c::{self as naming, CNaming};
use std::fmt::Write as _;

/// Kernel naming: user pointers are `__user`, machine-dependent names are the 64-bit ones,
/// and there is no `_Atomic` (the kernel has its own atomics).
pub const LINUX: CNaming = CNaming {
    md_prefix: "cloudabi64_",
    pointer_prefix: "__user ",
    c11: false,
    fixed_width: None,
};

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    vec![
        prototypes(ir, false),
        prototypes(ir, true),
        super::linux_table::table(ir),
    ]
}

pub fn prototypes_path(machine_dep: bool) -> &'static str {
    if machine_dep {
        "linux/cloudabi64_syscalls.h"
    } else {
        "linux/cloudabi_syscalls.h"
    }
}

fn prototypes(ir: &Ir, machine_dep: bool) -> OutputFile {
    let path = prototypes_path(machine_dep);
    let guard = naming::macro_name(path);
    let mut out = writer::open_header(ir, &guard);
    let include = if machine_dep {
        "cloudabi64_types.h"
    } else {
        "cloudabi_types_common.h"
    };
    let _ = write!(out, "#include \"{include}\"\n\n");
    writer::require_errno(&mut out, ir);
    for s in ir.syscalls.iter().filter(|s| s.machine_dep == machine_dep) {
        writer::doc_comment(&mut out, "", &syscall_doc(ir, &LINUX, s));
        out.push_str(&declaration(ir, &LINUX, s));
        out.push('\n');
    }
    writer::close_header(&mut out, &guard);
    OutputFile::new(path, out)
}

/// The inputs of a syscall, then its outputs.
pub fn split(s: &Syscall) -> (Vec<&Param>, Vec<&Param>) {
    s.params.iter().partition(|p| p.direction == Direction::In)
}
