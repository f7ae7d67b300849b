//! The C compiler and the IR must agree on every layout: a C program generated here from
//! the IR prints `sizeof`, `_Alignof` and `offsetof` for every struct and field, built
//! against the generated headers at -m64 and -m32, and its output is compared with the
//! numbers the IR holds for that machine.

use super::{all_irs, generated_tree, require_multilib, run_ok};
use cloudabi_gen::ir::{Ir, Machine, Member, MemberKind, Pair, TypeKind};
use cloudabi_gen::naming::c::{ident, CNaming};

/// One line the program prints: what was measured, and the IR's number for it.
struct Probe {
    /// A C expression of type `size_t`.
    expr: String,
    label: String,
    expected: u64,
}

/// Every field of a struct as a C member designator with its offset, reached through
/// variant arms; zero-sized fields, which C cannot declare, are left out.
fn fields(members: &[Member], base: Pair<u64>, prefix: &str, out: &mut Vec<(String, Pair<u64>)>) {
    let at = |o: Pair<u64>| Pair::new(base.m32 + o.m32, base.m64 + o.m64);
    for m in members {
        let name = format!("{prefix}{}", ident(m.name()));
        match &m.kind {
            MemberKind::Simple { .. } if m.layout.size == Pair::same(0) => {}
            MemberKind::Simple { .. } => out.push((name, at(m.offset))),
            MemberKind::Range { len_offset, .. } => {
                out.push((name, at(m.offset)));
                out.push((format!("{prefix}{}_len", m.name()), at(*len_offset)));
            }
            MemberKind::Variant(v) => {
                for arm in &v.arms {
                    let inner = match &arm.name {
                        Some(n) => format!("{prefix}{}.", ident(&n.name)),
                        None => prefix.to_string(),
                    };
                    fields(&arm.members, at(m.offset), &inner, out);
                }
            }
        }
    }
}

/// What to measure for every struct, named as `naming` names it, with the IR's numbers
/// for `machine`.
fn probes(ir: &Ir, naming: &CNaming, machine: Machine) -> Vec<Probe> {
    let mut probes = Vec::new();
    for id in ir.type_ids() {
        let ty = ir.ty(id);
        let (TypeKind::Struct(s), Some(layout)) = (&ty.kind, ty.layout) else {
            continue;
        };
        let name = naming.type_name(ir, id);
        probes.push(Probe {
            expr: format!("sizeof({name})"),
            label: format!("sizeof {name}"),
            expected: layout.size.get(machine),
        });
        probes.push(Probe {
            expr: format!("_Alignof({name})"),
            label: format!("_Alignof {name}"),
            expected: layout.align.get(machine),
        });
        let mut fs = Vec::new();
        fields(&s.members, Pair::same(0), "", &mut fs);
        for (field, offset) in fs {
            probes.push(Probe {
                expr: format!("offsetof({name}, {field})"),
                label: format!("offsetof {name} {field}"),
                expected: offset.get(machine),
            });
        }
    }
    probes
}

fn program(header: &str, probes: &[Probe]) -> String {
    let mut c = format!("#include <stddef.h>\n#include <stdio.h>\n#include \"{header}\"\n\n");
    c.push_str("int main(void) {\n");
    for p in probes {
        c.push_str(&format!(
            "\tprintf(\"{}: %zu\\n\", (size_t)({}));\n",
            p.label, p.expr
        ));
    }
    c.push_str("\treturn 0;\n}\n");
    c
}

/// Builds and runs the probe program for `header` at `-m{bits}` and compares every line.
fn check(ir: &Ir, spec: &str, header: &str, naming: &CNaming, machine: Machine, bits: u32) {
    let dir = generated_tree(ir);
    let d = dir.path();
    require_multilib(d);
    let probes = probes(ir, naming, machine);
    std::fs::write(d.join("layout.c"), program(header, &probes)).unwrap();
    let m = format!("-m{bits}");
    let what = format!("{spec}: {header} at {m}");
    run_ok(
        "gcc",
        &[
            &m, "-std=c11", "-Wall", "-Wextra", "-Werror", "-I", "c", "-o", "layout", "layout.c",
        ],
        d,
        &what,
    );
    let out = run_ok("./layout", &[], d, &what);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), probes.len(), "{what}: one line per probe");
    for (line, p) in lines.iter().zip(&probes) {
        assert_eq!(
            *line,
            format!("{}: {}", p.label, p.expected),
            "{what}: the C compiler and the IR disagree"
        );
    }
}

#[test]
fn native_headers_match_the_ir_at_m64_and_m32() {
    for (spec, ir) in all_irs() {
        check(
            &ir,
            &spec,
            "cloudabi_types.h",
            &CNaming::NATIVE,
            Machine::Bits64,
            64,
        );
        check(
            &ir,
            &spec,
            "cloudabi_types.h",
            &CNaming::NATIVE,
            Machine::Bits32,
            32,
        );
    }
}

/// cloudabi32_types.h describes 32-bit processes wherever it is compiled, and
/// cloudabi64_types.h 64-bit ones: a kernel of either width can use both.
#[test]
fn fixed_width_headers_match_the_ir_on_either_host() {
    for (spec, ir) in all_irs() {
        for machine in Machine::BOTH {
            let header = format!("cloudabi{}_types.h", machine.bits());
            let naming = CNaming::fixed(machine);
            for host in [64, 32] {
                check(&ir, &spec, &header, &naming, machine, host);
            }
        }
    }
}

#[test]
fn the_probes_cover_every_struct_of_our_spec() {
    let ir = crate::specs::ours();
    let probes = probes(&ir, &CNaming::NATIVE, Machine::Bits64);
    let structs = ir
        .types
        .iter()
        .filter(|t| matches!(t.kind, TypeKind::Struct(_)))
        .count();
    assert_eq!(structs, 15);
    assert_eq!(
        probes
            .iter()
            .filter(|p| p.expr.starts_with("sizeof"))
            .count(),
        15
    );
    assert!(probes
        .iter()
        .any(|p| p.label == "offsetof cloudabi_subscription_t clock.timeout" && p.expected == 32));
}
