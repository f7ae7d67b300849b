//! C-family backends.
//!
//! * `c`: the user-space and kernel type headers, syscall prototypes and X-macros
//!   (`generated/c/`);
//! * `linux`: Linux kernel prototypes and dispatch table (`generated/linux/`);
//! * `freebsd`: FreeBSD syscalls.master tables (`generated/freebsd/`).
//!
//! Names and declarators come from [`crate::naming::c`]; layout numbers come from the IR.

pub mod freebsd;
mod info;
pub mod linux;
mod linux_table;
mod order;
mod structs;
mod syscalls;
pub mod types;
mod writer;

use super::OutputFile;
use crate::ir::Ir;
use types::Flavour;

/// The `c` backend: four type headers, the syscall prototypes and the X-macros.
pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = Flavour::ALL.iter().map(|&f| types::header(ir, f)).collect();
    files.push(syscalls::header(ir));
    files.push(info::header(ir));
    files
}
