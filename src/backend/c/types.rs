//! The type headers: `cloudabi_types_common.h` (machine-independent types),
//! `cloudabi_types.h` (machine-dependent types, native pointers) and
//! `cloudabi32_types.h`/`cloudabi64_types.h` (machine-dependent types as a kernel serving
//! 32- or 64-bit processes sees them).

use super::order::declaration_order;
use super::structs;
use super::writer::{self, ParamDoc};
use crate::backend::OutputFile;
use crate::ir::{Function, IntLike, Ir, Layout, Machine, MemberKind, Pair, Type, TypeId, TypeKind};
use crate::naming::c::{self as naming, ident, CNaming};
use std::fmt::Write as _;

/// Which of the four type headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Common,
    Native,
    Fixed(Machine),
}

impl Flavour {
    pub const ALL: [Flavour; 4] = [
        Flavour::Common,
        Flavour::Native,
        Flavour::Fixed(Machine::Bits32),
        Flavour::Fixed(Machine::Bits64),
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Flavour::Common => "cloudabi_types_common.h",
            Flavour::Native => "cloudabi_types.h",
            Flavour::Fixed(Machine::Bits32) => "cloudabi32_types.h",
            Flavour::Fixed(Machine::Bits64) => "cloudabi64_types.h",
        }
    }

    pub fn naming(self) -> CNaming {
        match self {
            Flavour::Common | Flavour::Native => CNaming::NATIVE,
            Flavour::Fixed(machine) => CNaming::fixed(machine),
        }
    }

    /// The common header holds the machine-independent types, the others the rest.
    fn holds(self, ir: &Ir, id: TypeId) -> bool {
        ir.ty(id).machine_dep != (self == Flavour::Common)
    }

    /// `_Alignas(N) ` when the header can state one alignment for a member: always for a
    /// fixed machine, and natively when both machines agree. This is what keeps 64-bit
    /// integers 8-aligned on i386. Byte alignment goes without saying.
    pub fn alignas(self, layout: &Layout) -> String {
        let align = match self {
            Flavour::Fixed(machine) => layout.align.get(machine),
            _ if layout.align.differs() => return String::new(),
            _ => layout.align.m64,
        };
        if align > 1 {
            format!("_Alignas({align}) ")
        } else {
            String::new()
        }
    }

    /// `_Static_assert`s that `expr` has `value`, one per line: per machine where the
    /// values differ natively (guarded by the pointer size), or the one value this header
    /// describes.
    pub fn write_asserts(self, out: &mut String, expr: std::fmt::Arguments<'_>, value: Pair<u64>) {
        const END: &str = ", \"Incorrect layout\");\n";
        match self {
            Flavour::Fixed(machine) => {
                let _ = write!(out, "_Static_assert({expr} == {}{END}", value.get(machine));
            }
            _ if value.differs() => {
                for m in Machine::BOTH {
                    let bytes = m.bits() / 8;
                    let _ = write!(
                        out,
                        "_Static_assert(sizeof(void *) != {bytes} || {expr} == {}{END}",
                        value.get(m)
                    );
                }
            }
            _ => {
                let _ = write!(out, "_Static_assert({expr} == {}{END}", value.m64);
            }
        }
    }
}

pub fn header(ir: &Ir, flavour: Flavour) -> OutputFile {
    let guard = naming::macro_name(flavour.file_name());
    let mut out = writer::open_header(ir, &guard);
    // About what our spec's headers take per type, so the text is rarely copied to grow.
    out.reserve(4096 + 768 * ir.types.len());
    if flavour == Flavour::Common {
        out.push_str(&common_preamble(ir));
    } else {
        out.push_str("#include \"cloudabi_types_common.h\"\n\n");
    }
    writer::open_extern_c(&mut out);
    let naming = flavour.naming();
    for id in declaration_order(ir) {
        if flavour.holds(ir, id) {
            definition(&mut out, ir, id, flavour, &naming);
            out.push('\n');
        }
    }
    writer::close_extern_c(&mut out);
    writer::close_header(&mut out, &guard);
    OutputFile::new(format!("c/{}", flavour.file_name()), out)
}

/// Includes for kernels and user space, plus the C11 spellings mapped to C++.
fn common_preamble(ir: &Ir) -> String {
    let mut out = String::new();
    writer::doc_comment(
        &mut out,
        "",
        &writer::doc_text(ir, &CNaming::NATIVE, &ir.doc),
    );
    if !ir.doc.text.is_empty() {
        out.push('\n');
    }
    out.push_str(
        "#if defined(__FreeBSD__) && defined(_KERNEL)\n\
         #include <sys/types.h>\n\
         #include <sys/stddef.h>\n\
         #elif defined(__linux__) && defined(__KERNEL__)\n\
         #include <linux/types.h>\n\
         #include <linux/stddef.h>\n\
         #else\n\
         #include <stddef.h>\n\
         #include <stdint.h>\n\
         #endif\n\
         \n\
         /* C++ has the C11 keywords these headers use under other names. */\n\
         #ifdef __cplusplus\n\
         #if __cplusplus < 201103L\n\
         #error \"the CloudABI headers need C++11 or later\"\n\
         #endif\n\
         #ifndef _Alignas\n\
         #define _Alignas(x) alignas(x)\n\
         #endif\n\
         #ifndef _Alignof\n\
         #define _Alignof(x) alignof(x)\n\
         #endif\n\
         #ifndef _Atomic\n\
         #define _Atomic(x) x\n\
         #endif\n\
         #ifndef _Static_assert\n\
         #define _Static_assert(x, y) static_assert(x, y)\n\
         #endif\n\
         #endif\n\n",
    );
    out
}

fn definition(out: &mut String, ir: &Ir, id: TypeId, flavour: Flavour, naming: &CNaming) {
    match &ir.ty(id).kind {
        TypeKind::IntLike(int) => int_like(out, ir, id, int, naming),
        TypeKind::Struct(s) => structs::definition(out, ir, id, &s.members, flavour, naming),
        TypeKind::Function(f) => function(out, ir, id, f, naming),
    }
}

/// `typedef BASE NAME;` and one `#define` per value, in declaration order.
fn int_like(out: &mut String, ir: &Ir, id: TypeId, int: &IntLike, naming: &CNaming) {
    writer::doc_comment(out, "", &writer::doc_text(ir, naming, &ir.ty(id).doc));
    let base = naming.int_type(int.base);
    let _ = writeln!(out, "typedef {base} {};", naming.type_name(ir, id));
    let literals = value_literals(int);
    let rows: Vec<(String, String)> = (0..int.values.len())
        .map(|i| {
            let name = naming::value_name(ir, id, i).unwrap_or_default();
            (format!("#define {name}"), literals[i].clone())
        })
        .collect();
    for (value, line) in int.values.iter().zip(writer::aligned(&rows)) {
        writer::doc_comment(out, "", &writer::doc_text(ir, naming, &value.doc));
        out.push_str(&line);
        out.push('\n');
    }
}

/// How each value is written: bit patterns (flags, opaque values) in hex as wide as the
/// type, counts and enumerations in decimal, right-aligned.
fn value_literals(int: &IntLike) -> Vec<String> {
    // A type whose only value is 0 reads better as `0` than as `0x00000000`.
    let hex = int.is_bit_pattern() && !int.values.iter().all(|v| v.value == 0);
    let digits = int.base.hex_digits();
    let literals: Vec<String> = int
        .values
        .iter()
        .map(|v| {
            if hex {
                format!("0x{:0digits$x}", v.value)
            } else {
                decimal(v.value)
            }
        })
        .collect();
    let width = literals.iter().map(String::len).max().unwrap_or(0);
    literals
        .into_iter()
        .map(|l| {
            if hex {
                return l;
            }
            let mut padded = String::with_capacity(width);
            writer::push_spaces(&mut padded, width - l.len());
            padded.push_str(&l);
            padded
        })
        .collect()
}

/// A decimal C constant for any value an int type holds: negative values parenthesized,
/// values past `long long` marked unsigned, and the most negative one built by subtraction
/// because its magnitude is not a valid signed constant.
fn decimal(value: i128) -> String {
    if value == i128::from(i64::MIN) {
        format!("({} - 1)", i64::MIN + 1)
    } else if value < 0 {
        format!("({value})")
    } else if value > i128::from(i64::MAX) {
        format!("{value}U")
    } else {
        value.to_string()
    }
}

/// `typedef RET NAME(PARAMS);`: a function type, used through pointers.
fn function(out: &mut String, ir: &Ir, id: TypeId, f: &Function, naming: &CNaming) {
    let docs: Vec<ParamDoc> = f
        .params
        .iter()
        .map(|m| ParamDoc {
            tag: "@param",
            names: writer::param_names(m),
            doc: &m.doc,
            valrefs: valrefs_of(&m.kind),
        })
        .collect();
    let returns = f.returns.as_ref().map(|(_, doc)| doc);
    let text = writer::function_doc(ir, naming, &ir.ty(id).doc, &docs, returns);
    writer::doc_comment(out, "", &text);
    let params = function_params(ir, f, naming);
    let list = if params.is_empty() {
        "void".to_string()
    } else {
        params.join(", ")
    };
    let head = format!("{}({list})", naming.type_name(ir, id));
    let ret = f.returns.as_ref().map_or(Type::Void, |(t, _)| t.clone());
    let _ = writeln!(out, "typedef {};", naming.declarator(ir, &ret, &head));
}

pub fn valrefs_of(kind: &MemberKind) -> &[crate::ir::ValRef] {
    match kind {
        MemberKind::Simple { valrefs, .. } => valrefs,
        _ => &[],
    }
}

/// C parameter declarations of a function type: a range is a pointer and a length.
fn function_params(ir: &Ir, f: &Function, naming: &CNaming) -> Vec<String> {
    let mut params = Vec::new();
    for m in &f.params {
        match &m.kind {
            MemberKind::Simple { ty, .. } => {
                params.push(naming.declarator(ir, ty, &ident(m.name())))
            }
            MemberKind::Range { pointer, .. } => {
                params.push(naming.declarator(ir, pointer, &ident(m.name())));
                let len = m.len_name();
                params.push(naming.declarator(ir, &Type::Int(crate::ir::IntType::Size), &len));
            }
            MemberKind::Variant(_) => {}
        }
    }
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_literals_are_valid_c() {
        assert_eq!(decimal(5), "5");
        assert_eq!(decimal(-1), "(-1)");
        assert_eq!(decimal(i128::from(i64::MIN)), "(-9223372036854775807 - 1)");
        assert_eq!(decimal(i128::from(u64::MAX)), "18446744073709551615U");
    }

    #[test]
    fn asserts_per_flavour() {
        let asserts = |flavour: Flavour, value| {
            let mut out = String::new();
            flavour.write_asserts(&mut out, format_args!("sizeof(x)"), value);
            out
        };
        let differs = Pair::new(4, 8);
        assert_eq!(asserts(Flavour::Native, differs).lines().count(), 2);
        assert_eq!(
            asserts(Flavour::Fixed(Machine::Bits32), differs),
            "_Static_assert(sizeof(x) == 4, \"Incorrect layout\");\n"
        );
        assert_eq!(asserts(Flavour::Common, Pair::same(8)).lines().count(), 1);
    }
}
