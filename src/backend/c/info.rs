//! `cloudabi_syscalls_info.h`: X-macros listing the syscalls and their parameters, so C
//! code can stamp out wrappers, tracers or tables without repeating the list.

use super::writer;
use crate::backend::OutputFile;
use crate::ir::{Ir, Syscall};
use crate::naming::c::{ident, CNaming};
use std::fmt::Write as _;

const USAGE: &str = "\
X-macros describing every system call.

CLOUDABI_SYSCALL_NAMES(SYSCALL) expands to SYSCALL(name) for each system call, in
number order. For each name there is also:
- CLOUDABI_SYSCALL_PARAMETERS_name: the C parameter declarations, comma-separated
  (empty when there are none);
- CLOUDABI_SYSCALL_PARAMETER_NAMES_name: just the parameter names;
- CLOUDABI_SYSCALL_HAS_PARAMETERS_name(yes, no): `yes` if it takes parameters;
- CLOUDABI_SYSCALL_RETURNS_name(yes, no): `no` if the call never returns.
";

pub(super) fn header(ir: &Ir) -> OutputFile {
    let guard = "CLOUDABI_SYSCALLS_INFO_H";
    let naming = CNaming::NATIVE;
    let mut out = writer::open_header(ir, guard);
    writer::doc_comment(&mut out, "", USAGE);
    out.push('\n');
    let mut names = vec!["#define CLOUDABI_SYSCALL_NAMES(SYSCALL)".to_string()];
    names.extend(
        ir.syscalls
            .iter()
            .map(|s| format!("\tSYSCALL({})", s.name.name)),
    );
    out.push_str(&writer::continued(&names));
    for s in &ir.syscalls {
        out.push('\n');
        out.push_str(&syscall(ir, &naming, s));
    }
    out.push('\n');
    writer::close_header(&mut out, guard);
    OutputFile::new("c/cloudabi_syscalls_info.h", out)
}

fn syscall(ir: &Ir, naming: &CNaming, s: &Syscall) -> String {
    let name = &s.name.name;
    let decls: Vec<String> = s
        .params
        .iter()
        .map(|p| naming.param_declarator(ir, p))
        .collect();
    let names: Vec<String> = s
        .params
        .iter()
        .map(|p| ident(&p.name).into_owned())
        .collect();
    let mut out = String::new();
    out.push_str(&macro_list(
        &format!("CLOUDABI_SYSCALL_PARAMETERS_{name}"),
        &decls.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
        ",\n",
    ));
    out.push_str(&macro_list(
        &format!("CLOUDABI_SYSCALL_PARAMETER_NAMES_{name}"),
        &names.iter().map(|n| n.as_str()).collect::<Vec<_>>(),
        ", ",
    ));
    let has = if s.params.is_empty() { "no" } else { "yes" };
    let returns = if s.noreturn { "no" } else { "yes" };
    let _ = writeln!(
        out,
        "#define CLOUDABI_SYSCALL_HAS_PARAMETERS_{name}(yes, no) {has}"
    );
    let _ = writeln!(
        out,
        "#define CLOUDABI_SYSCALL_RETURNS_{name}(yes, no) {returns}"
    );
    out
}

/// `#define NAME` with the items on continuation lines joined by `sep` (which may contain a
/// newline: then each item gets a line); an empty definition when there are none.
fn macro_list(name: &str, items: &[&str], sep: &str) -> String {
    if items.is_empty() {
        return format!("#define {name}\n");
    }
    let mut lines = vec![format!("#define {name}")];
    let body = items.join(sep);
    lines.extend(body.lines().map(|l| format!("\t{l}")));
    writer::continued(&lines)
}
