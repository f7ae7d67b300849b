//! FreeBSD syscalls.master files, read back the way makesyscalls reads them: one entry per
//! syscall, numbered in order, each declaring exactly the syscall's inputs.

use super::{all_irs, c_family};
use cloudabi_gen::backend::c::freebsd;
use cloudabi_gen::ir::{Direction, Ir, Machine, MemberKind, Type};
use cloudabi_gen::naming::c::ident;

/// One parsed entry: `N\tAUE_NULL\tSTD\t{ RET NAME(ARGS); }`.
#[derive(Debug)]
struct Entry {
    number: u32,
    ret: String,
    name: String,
    args: Vec<String>,
}

/// Joins continuation lines and parses every entry; comment (`;`), preprocessor (`#`) and
/// blank lines are skipped, and so is the first line (the VCS id), as makesyscalls does.
fn parse(text: &str) -> Vec<Entry> {
    let mut logical = Vec::new();
    let mut current = String::new();
    for line in text.lines().skip(1) {
        if current.is_empty() && (line.is_empty() || line.starts_with(';') || line.starts_with('#'))
        {
            continue;
        }
        match line.strip_suffix(" \\") {
            Some(head) => {
                current.push_str(head);
                current.push(' ');
            }
            None => {
                current.push_str(line);
                logical.push(std::mem::take(&mut current));
            }
        }
    }
    assert!(
        current.is_empty(),
        "the file ends inside an entry: {current:?}"
    );
    logical.iter().map(|l| parse_entry(l)).collect()
}

fn parse_entry(line: &str) -> Entry {
    let fields: Vec<&str> = line.splitn(4, '\t').collect();
    let [number, audit, kind, decl] = fields[..] else {
        panic!("not four tab-separated fields: {line:?}")
    };
    assert_eq!((audit, kind), ("AUE_NULL", "STD"), "{line}");
    let decl = decl
        .strip_prefix("{ ")
        .and_then(|d| d.strip_suffix("); }"))
        .unwrap_or_else(|| panic!("declaration not in `{{ ...); }}`: {line:?}"));
    let (head, args) = decl.split_once('(').expect("an argument list");
    let head = collapse(head);
    let (ret, name) = head.rsplit_once(' ').expect("a return type and a name");
    let args = collapse(args);
    Entry {
        number: number.parse().expect("a syscall number"),
        ret: ret.to_string(),
        name: name.to_string(),
        args: if args.is_empty() {
            Vec::new()
        } else {
            args.split(", ").map(str::to_string).collect()
        },
    }
}

/// Whitespace runs (tabs from continuation lines) as single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn master(ir: &Ir, machine: Machine) -> String {
    let path = freebsd::path(machine);
    c_family(ir)
        .into_iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .contents
}

/// The return type an entry must declare: the single plain output, else `void`.
fn expected_ret(ir: &Ir, machine: Machine, s: &cloudabi_gen::ir::Syscall) -> String {
    let naming = freebsd::naming(machine);
    match s.outputs.as_slice() {
        [only] => match &only.kind {
            MemberKind::Simple { ty, .. } if !matches!(ty, Type::Pointer { .. }) => {
                naming.type_spelling(ir, ty)
            }
            _ => "void".into(),
        },
        _ => "void".into(),
    }
}

#[test]
fn entries_match_the_ir() {
    for (spec, ir) in all_irs() {
        for machine in Machine::BOTH {
            let naming = freebsd::naming(machine);
            let entries = parse(&master(&ir, machine));
            assert_eq!(
                entries.len(),
                ir.syscalls.len(),
                "{spec}: one entry per syscall"
            );
            for (i, (entry, s)) in entries.iter().zip(&ir.syscalls).enumerate() {
                let what = format!("{spec} {}-bit entry {i}", machine.bits());
                assert_eq!(entry.number, i as u32, "{what}: numbered in order");
                assert_eq!(entry.number, s.number, "{what}");
                let prefix = if s.machine_dep {
                    format!("cloudabi{}_sys_", machine.bits())
                } else {
                    "cloudabi_sys_".to_string()
                };
                assert_eq!(entry.name, format!("{prefix}{}", s.name.name), "{what}");
                assert_eq!(entry.ret, expected_ret(&ir, machine, s), "{what}");
                let inputs: Vec<_> = s
                    .params
                    .iter()
                    .filter(|p| p.direction == Direction::In)
                    .collect();
                assert_eq!(entry.args.len(), inputs.len(), "{what}: inputs only");
                for (arg, p) in entry.args.iter().zip(&inputs) {
                    let name = ident(&p.name);
                    assert!(
                        arg.ends_with(&format!(" {name}")) || arg.ends_with(&format!("*{name}")),
                        "{what}: {arg:?} does not declare {name}"
                    );
                    assert_eq!(*arg, naming.param_declarator(&ir, p), "{what}");
                    assert!(
                        !arg.contains("_Atomic") && !arg.contains("__user"),
                        "{what}: {arg}"
                    );
                }
            }
        }
    }
}

#[test]
fn our_spec_has_49_entries_numbered_0_to_48() {
    let ir = crate::specs::ours();
    for machine in Machine::BOTH {
        let numbers: Vec<u32> = parse(&master(&ir, machine))
            .iter()
            .map(|e| e.number)
            .collect();
        assert_eq!(numbers, (0..49).collect::<Vec<u32>>());
    }
}

/// The two files differ only where the process word size matters: the header comment and
/// includes, and the 8 machine-dependent syscalls.
#[test]
fn the_32_and_64_bit_files_differ_only_in_machine_dependent_entries() {
    let ir = crate::specs::ours();
    let e32 = parse(&master(&ir, Machine::Bits32));
    let e64 = parse(&master(&ir, Machine::Bits64));
    let differing: Vec<&str> = e32
        .iter()
        .zip(&e64)
        .filter(|(a, b)| (&a.ret, &a.name, &a.args) != (&b.ret, &b.name, &b.args))
        .map(|(a, _)| a.name.as_str())
        .collect();
    let md: Vec<String> = ir
        .syscalls
        .iter()
        .filter(|s| s.machine_dep)
        .map(|s| format!("cloudabi32_sys_{}", s.name.name))
        .collect();
    assert_eq!(differing, md);
    assert_eq!(md.len(), 8);
    let rets: std::collections::BTreeSet<&str> = e64.iter().map(|e| e.ret.as_str()).collect();
    let expected = [
        "cloudabi_fd_t",
        "cloudabi_filesize_t",
        "cloudabi_tid_t",
        "cloudabi_timestamp_t",
        "size_t",
        "void",
    ];
    assert_eq!(rets.into_iter().collect::<Vec<_>>(), expected);
}
