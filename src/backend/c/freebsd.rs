//! FreeBSD `syscalls32.master` and `syscalls64.master`: the syscall tables FreeBSD's
//! makesyscalls turns into its CloudABI compat layers, one per process word size.
//!
//! Only inputs are listed: FreeBSD returns a syscall's single plain result through
//! `td_retval`, and every other result is written through a pointer by the implementation.

use crate::backend::OutputFile;
use crate::ir::{Direction, Ir, Machine, MemberKind, Syscall, Type};
use crate::naming::c::{md_prefix, CNaming};
use std::fmt::Write as _;

/// What separates an entry's parts when it continues on the next line.
const CONTINUE: &str = " \\\n\t\t\t\t\t";
/// Return types at least this long go on a line of their own.
const LONG_RETURN: usize = 16;

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    Machine::BOTH.iter().map(|&m| master(ir, m)).collect()
}

pub fn path(machine: Machine) -> String {
    format!("freebsd/syscalls{}.master", machine.bits())
}

/// FreeBSD names: `cloudabi32_`/`cloudabi64_` for machine-dependent syscalls and types,
/// native pointers and `size_t`, and no C11 atomics.
pub fn naming(machine: Machine) -> CNaming {
    CNaming {
        md_prefix: md_prefix(machine),
        c11: false,
        ..CNaming::NATIVE
    }
}

fn master(ir: &Ir, machine: Machine) -> OutputFile {
    let bits = machine.bits();
    // makesyscalls skips the first line, which holds the VCS id.
    let mut out = String::from(" $FreeBSD$\n");
    out.push_str(&crate::backend::banner(ir, "; "));
    let _ = write!(
        out,
        "; System call table for {bits}-bit CloudABI processes.\n\n\
         #include <sys/sysent.h>\n\
         #include <sys/sysproto.h>\n\
         #include <contrib/cloudabi/cloudabi{bits}_types.h>\n\
         #include <compat/cloudabi{bits}/cloudabi{bits}_proto.h>\n"
    );
    let naming = naming(machine);
    for s in &ir.syscalls {
        out.push('\n');
        out.push_str(&entry(ir, &naming, s));
    }
    OutputFile::new(path(machine), out)
}

/// `N\tAUE_NULL\tSTD\t{ RET NAME(PARAMS); }`, with a line per parameter.
fn entry(ir: &Ir, naming: &CNaming, s: &Syscall) -> String {
    let ret = return_type(ir, naming, s);
    let gap = if ret.len() >= LONG_RETURN {
        CONTINUE
    } else {
        " "
    };
    let mut text = format!(
        "{}\tAUE_NULL\tSTD\t{{ {ret}{gap}{}(",
        s.number,
        naming.syscall_name(s)
    );
    let params: Vec<String> = s
        .params
        .iter()
        .filter(|p| p.direction == Direction::In)
        .map(|p| naming.param_declarator(ir, p))
        .collect();
    for (i, p) in params.iter().enumerate() {
        let comma = if i + 1 < params.len() { "," } else { "" };
        let _ = write!(text, "{CONTINUE}{p}{comma}");
    }
    text.push_str("); }\n");
    text
}

/// The type of the only output when it is a plain value; `void` otherwise.
pub fn return_type(ir: &Ir, naming: &CNaming, s: &Syscall) -> String {
    match s.outputs.as_slice() {
        [only] => match &only.kind {
            MemberKind::Simple { ty, .. } if !matches!(ty, Type::Pointer { .. }) => {
                naming.type_spelling(ir, ty)
            }
            _ => "void".to_string(),
        },
        _ => "void".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry_of(name: &str, machine: Machine) -> String {
        let ir = crate::default_ir().unwrap();
        let s = ir.find_syscall(name).unwrap();
        entry(&ir, &naming(machine), s)
    }

    #[test]
    fn long_return_types_get_their_own_line() {
        assert_eq!(
            entry_of("clock_res_get", Machine::Bits64),
            "0\tAUE_NULL\tSTD\t{ cloudabi_timestamp_t \\\n\t\t\t\t\tcloudabi_sys_clock_res_get( \\\n\t\t\t\t\tcloudabi_clockid_t clock_id); }\n"
        );
        assert_eq!(
            entry_of("fd_dup", Machine::Bits32),
            "7\tAUE_NULL\tSTD\t{ cloudabi_fd_t cloudabi_sys_fd_dup( \\\n\t\t\t\t\tcloudabi_fd_t from); }\n"
        );
    }

    #[test]
    fn only_inputs_are_listed_and_md_names_follow_the_machine() {
        let read = entry_of("fd_read", Machine::Bits32);
        assert!(read.contains("{ size_t cloudabi32_sys_fd_read("));
        assert!(read.contains("const cloudabi32_iovec_t *iovs, \\"));
        assert!(!read.contains("nread"));
        assert!(
            entry_of("thread_yield", Machine::Bits64).ends_with("cloudabi_sys_thread_yield(); }\n")
        );
        assert!(entry_of("mem_map", Machine::Bits64).contains("{ void cloudabi_sys_mem_map("));
    }
}
