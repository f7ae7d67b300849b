//! `cloudabi_syscalls.h`: one prototype per syscall, valid C11 and C++11.

use super::writer::{self, ParamDoc};
use crate::backend::OutputFile;
use crate::ir::{Ir, MemberKind, Syscall};
use crate::naming::c::CNaming;

/// Lines longer than this get one parameter per line.
const WIDTH: usize = 80;

pub(super) fn header(ir: &Ir) -> OutputFile {
    let guard = "CLOUDABI_SYSCALLS_H";
    let naming = CNaming::NATIVE;
    let mut out = writer::open_header(ir, guard);
    out.push_str(
        "#include \"cloudabi_types.h\"\n\n\
         /* C++ spells C11's _Noreturn as an attribute. */\n\
         #if defined(__cplusplus) && !defined(_Noreturn)\n\
         #define _Noreturn [[noreturn]]\n\
         #endif\n\n",
    );
    writer::require_errno(&mut out, ir);
    writer::open_extern_c(&mut out);
    for s in &ir.syscalls {
        writer::doc_comment(&mut out, "", &syscall_doc(ir, &naming, s));
        out.push_str(&declaration(ir, &naming, s));
        out.push('\n');
    }
    writer::close_extern_c(&mut out);
    writer::close_header(&mut out, guard);
    OutputFile::new("c/cloudabi_syscalls.h", out)
}

/// `PROTOTYPE;` on one line, or with one parameter per line when that is too long.
pub(super) fn declaration(ir: &Ir, naming: &CNaming, s: &Syscall) -> String {
    let one_line = format!("{};\n", naming.prototype(ir, s));
    if one_line.len() <= WIDTH + 1 || s.params.is_empty() {
        return one_line;
    }
    let params: Vec<String> = s
        .params
        .iter()
        .map(|p| format!("\t{}", naming.param_declarator(ir, p)))
        .collect();
    format!(
        "{}(\n{}\n);\n",
        naming.syscall_head(ir, s),
        params.join(",\n")
    )
}

/// The syscall's doc, then its inputs and outputs as `@param` entries.
pub(super) fn syscall_doc(ir: &Ir, naming: &CNaming, s: &Syscall) -> String {
    let mut params = Vec::new();
    for (tag, members) in [("@param", &s.inputs), ("@param[out]", &s.outputs)] {
        for m in members {
            let (names, valrefs) = match &m.kind {
                MemberKind::Range { .. } => (writer::param_names(m), &[][..]),
                MemberKind::Simple { valrefs, .. } => (writer::param_names(m), &valrefs[..]),
                MemberKind::Variant(_) => continue,
            };
            params.push(ParamDoc {
                tag,
                names,
                doc: &m.doc,
                valrefs,
            });
        }
    }
    writer::function_doc(ir, naming, &s.doc, &params, None)
}
