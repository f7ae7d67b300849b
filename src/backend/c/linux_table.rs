//! `linux/cloudabi64_syscalls_table.h`: for each syscall, a `do_NAME(in, out)` that reads
//! the arguments from an array of 64-bit slots, calls the implementation and stores its
//! results in another array of slots; then `syscalls[]`, indexed by syscall number.

use super::linux::{split, LINUX};
use super::writer;
use crate::backend::OutputFile;
use crate::ir::{Ir, Param, Syscall, Type};
use crate::naming::c::ident;
use std::fmt::Write as _;

const INTRO: &str = "\
System call dispatch for 64-bit CloudABI processes on Linux.

Every argument and result travels in a 64-bit slot. A value narrower than 64 bits
holds the low-order bytes of its slot: its start on little-endian machines, its end
on big-endian ones. MEMBER declares a full-width slot, PADDED_MEMBER a narrower
value with the padding placed to match.
";

const SLOT_MACROS: &str = "\
#if defined(__LITTLE_ENDIAN)
#define MEMBER(type, name) _Alignas(8) type name
#define PADDED_MEMBER(type, name) _Alignas(8) type name
#elif defined(__BIG_ENDIAN)
#define MEMBER(type, name) _Alignas(8) type name
#define PADDED_MEMBER(type, name) \\
\t_Alignas(8) char name##_pad[8 - sizeof(type)]; \\
\ttype name
#else
#error \"<asm/byteorder.h> defines neither __LITTLE_ENDIAN nor __BIG_ENDIAN\"
#endif
";

pub(super) fn table(ir: &Ir) -> OutputFile {
    let mut out = crate::backend::banner(ir, "// ");
    out.push('\n');
    writer::doc_comment(&mut out, "", INTRO);
    out.push_str(
        "#include <asm/byteorder.h>\n\n\
         #include \"cloudabi64_syscalls.h\"\n\
         #include \"cloudabi_syscalls.h\"\n\n",
    );
    writer::require_errno(&mut out, ir);
    out.push_str(SLOT_MACROS);
    for s in &ir.syscalls {
        out.push('\n');
        out.push_str(&dispatcher(ir, s));
    }
    // C has no empty arrays: a spec without syscalls gets no table.
    if !ir.syscalls.is_empty() {
        let _ = writeln!(
            out,
            "\nstatic {} (*syscalls[])(const void *, void *) = {{",
            LINUX.errno_type(ir)
        );
        for s in &ir.syscalls {
            let _ = writeln!(out, "\tdo_{},", s.name.name);
        }
        out.push_str("};\n");
    }
    out.push_str("\n#undef MEMBER\n#undef PADDED_MEMBER\n");
    OutputFile::new("linux/cloudabi64_syscalls_table.h", out)
}

/// `static cloudabi_errno_t do_NAME(const void *in, void *out) { ... }`.
fn dispatcher(ir: &Ir, s: &Syscall) -> String {
    let (inputs, outputs) = split(s);
    let mut out = format!(
        "static {} do_{}(const void *in, void *out)\n{{\n",
        LINUX.errno_type(ir),
        s.name.name
    );
    out.push_str(&slots(ir, "const struct", "vin", "in", &inputs));
    out.push_str(&slots(ir, "struct", "vout", "out", &outputs));
    out.push('\n');
    let args: Vec<String> = s
        .params
        .iter()
        .map(|p| match p.direction {
            crate::ir::Direction::In => format!("vin->{}", ident(&p.name)),
            crate::ir::Direction::Out => format!("&vout->{}", ident(&p.name)),
        })
        .collect();
    let mut call = format!("{}({})", LINUX.syscall_name(s), args.join(", "));
    // `\treturn ` and `;` around the call: wrap what would pass 80 columns.
    if call.len() + 16 > 80 {
        call = format!("{}(\n\t\t{})", LINUX.syscall_name(s), args.join(",\n\t\t"));
    }
    if s.noreturn {
        let _ = writeln!(out, "\t{call};\n\treturn 0;\n}}");
    } else {
        let _ = writeln!(out, "\treturn {call};\n}}");
    }
    out
}

/// The struct of slots `var` overlays on `arg`, with a check that each slot is 8 bytes;
/// `(void)arg;` when there are no slots.
fn slots(ir: &Ir, kind: &str, var: &str, arg: &str, params: &[&Param]) -> String {
    if params.is_empty() {
        return format!("\t(void){arg};\n");
    }
    let mut out = format!("\t{kind} {{\n");
    for p in params {
        let _ = writeln!(out, "\t\t{};", slot(ir, p));
    }
    let _ = writeln!(out, "\t}} *{var} = {arg};");
    let _ = writeln!(
        out,
        "\t_Static_assert(sizeof(*{var}) == {}, \"one 64-bit slot per value\");",
        params.len() * 8
    );
    out
}

/// `MEMBER(type, name)` or `PADDED_MEMBER(type, name)`, by the value's 64-bit size. Any
/// pointer in a slot, argument or result, points into user space.
fn slot(ir: &Ir, p: &Param) -> String {
    let spelled = LINUX.type_spelling(ir, &p.ty);
    // A declarator like `char (*)[4]` cannot be followed by a name; name it via typeof.
    let spelled = if spelled.contains('(') || spelled.contains('[') {
        format!("__typeof__({spelled})")
    } else {
        spelled
    };
    let full_width = p.layout.size.m64 >= 8 || matches!(p.ty, Type::Void);
    let mac = if full_width {
        "MEMBER"
    } else {
        "PADDED_MEMBER"
    };
    format!("{mac}({spelled}, {})", ident(&p.name))
}
