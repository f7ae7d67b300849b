//! Unit tests of the docs backend's pieces on small specs: value literals, layout rows,
//! the C and Rust strategies' declarations and signatures, and Markdown details.

use super::code::Code;
use super::model::{self, Head, What};
use super::naming::{CDocs, DocNaming, RustDocs};
use crate::ir::{Ir, SyscallId, TypeKind};

const SPEC: &str = "\
enum uint16 errno
\t| Errors.
\t0 success
\t\t| Fine.

flags uint16 fl
\t| Flags.
\t0x01 a
\t\t| A.

alias int64 delta
\t| Signed.
\t-1 back
\t\t| Back one.

enum uint8 kind
\t| Kinds.
\t0 count
\t\t| A count.

struct slot
\t| A slot.
\tkind tag
\t\t| Tag.
\tvariant tag
\t\tcount
\t\t\tsize n
\t\t\t\t| Count.
\tcrange char name
\t\t| Name.

function cb
\t| Callback.
\tin
\t\tuint32 x
\t\t\t| X.

syscall go
\t| Goes.
\tin
\t\tcrange slot slots
\t\t\t| Slots.
\tout
\t\tsize n
\t\t\t| Count.

syscall halt
\t| Halts.
\tnoreturn
";

fn ir() -> Ir {
    crate::load("t.txt", SPEC).unwrap_or_else(|e| panic!("{}", e.render()))
}

fn plain(code: &Option<Code>) -> String {
    code.as_ref().map(Code::plain).unwrap_or_default()
}

#[test]
fn literals_are_hex_for_bit_patterns_and_decimal_otherwise() {
    let ir = ir();
    let m = model::build(&ir, &CDocs::new(&ir));
    let literal = |ty: &str| {
        let section = m.types.iter().find(|s| s.anchor == ty).unwrap();
        match &section.groups[0].items[0].head {
            Head::Value { literal, .. } => literal.clone(),
            _ => panic!("a value"),
        }
    };
    assert_eq!(literal("fl"), "0x0001");
    assert_eq!(literal("delta"), "-1");
    assert_eq!(literal("errno"), "0");
}

#[test]
fn layout_rows_cover_variants_and_both_halves_of_ranges() {
    let ir = ir();
    let m = model::build(&ir, &CDocs::new(&ir));
    let slot = m.types.iter().find(|s| s.anchor == "slot").unwrap();
    let rows: Vec<(String, String, u64, u64)> = slot
        .fields
        .iter()
        .map(|f| (f.path.clone(), f.anchor.clone(), f.offset.m32, f.offset.m64))
        .collect();
    let row = |p: &str, a: &str, o32, o64| (p.to_string(), a.to_string(), o32, o64);
    assert_eq!(
        rows,
        [
            row("tag", "slot.tag", 0, 0),
            row("n", "slot.n", 4, 8),
            row("name", "slot.name", 8, 16),
            row("name_len", "slot.name", 12, 24),
        ]
    );
}

#[test]
fn c_and_rust_signatures() {
    let ir = ir();
    let sig = |n: &dyn DocNaming, id| n.syscall_signature(&ir, ir.syscall(SyscallId(id))).plain();
    assert_eq!(
        sig(&CDocs::new(&ir), 0),
        // Longer than 80 columns on one line: one parameter per line.
        "cloudabi_errno_t cloudabi_sys_go(\n    const cloudabi_slot_t *slots,\n    \
         size_t slots_len,\n    size_t *n\n);"
    );
    assert_eq!(
        sig(&RustDocs::new(&ir), 0),
        "pub unsafe fn go(slots_: &[slot], n_: *mut usize) -> errno"
    );
    assert_eq!(
        sig(&CDocs::new(&ir), 1),
        "_Noreturn void cloudabi_sys_halt(void);"
    );
    assert_eq!(sig(&RustDocs::new(&ir), 1), "pub unsafe fn halt() -> !");

    let cb = ir.find_type("cb").unwrap();
    assert_eq!(
        plain(&CDocs::new(&ir).type_signature(&ir, cb)),
        "typedef void cloudabi_cb_t(uint32_t x);"
    );
    assert_eq!(
        plain(&RustDocs::new(&ir).type_signature(&ir, cb)),
        "pub type cb = unsafe extern \"C\" fn(x: u32);"
    );
    let delta = ir.find_type("delta").unwrap();
    assert_eq!(
        plain(&RustDocs::new(&ir).type_signature(&ir, delta)),
        "pub type delta = i64;"
    );
}

#[test]
fn struct_members_per_language() {
    let ir = ir();
    let decls = |n: &dyn DocNaming| -> Vec<String> {
        let m = model::build(&ir, n);
        let slot = m.types.iter().find(|s| s.anchor == "slot").unwrap();
        let mut out = Vec::new();
        for item in &slot.groups[0].items {
            let items = std::iter::once(item).chain(item.children.iter());
            for i in items {
                if let Head::Decl(d) = &i.head {
                    out.push(d.iter().map(Code::plain).collect::<Vec<_>>().join(" and "));
                }
            }
        }
        out
    };
    assert_eq!(
        decls(&CDocs::new(&ir)),
        [
            "cloudabi_kind_t tag",
            "size_t n",
            "const char *name and size_t name_len"
        ]
    );
    assert_eq!(
        decls(&RustDocs::new(&ir)),
        ["tag: kind", "union.n: usize", "name: (*const u8, usize)"]
    );
}

#[test]
fn headings_say_what_each_thing_is() {
    let ir = ir();
    let m = model::build(&ir, &RustDocs::new(&ir));
    let what: Vec<&str> = m.types.iter().map(|s| s.what.describe()).collect();
    assert_eq!(
        what,
        [
            "function type",
            "integer alias",
            "enumeration",
            "bit flags",
            "enumeration",
            "struct"
        ]
    );
    assert!(matches!(
        m.syscalls[1].what,
        What::Syscall {
            number: 1,
            noreturn: true
        }
    ));
    let TypeKind::Struct(_) = &ir.ty(ir.find_type("slot").unwrap()).kind else {
        panic!("slot is a struct")
    };
}

#[test]
fn markdown_marks_noreturn_and_escapes_code() {
    let ir = ir();
    let c = CDocs::new(&ir);
    let md = super::markdown::render(&ir, &c, &super::model::build(&ir, &c));
    assert!(md.contains("### <a id=\"halt\"></a>`cloudabi_sys_halt()`"));
    assert!(md.contains("Does not return."));
    assert!(md.contains("<code>const char \\*<strong>name</strong></code>"));
    assert!(md.contains("| [`name_len`](#slot.name) | 12 | 4 | 24 | 8 |"));
}
