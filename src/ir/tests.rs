//! Checks the IR of our spec against the upstream facts (generator.md §1.4, §2.2).

use super::*;

fn ir() -> Ir {
    match crate::default_ir() {
        Ok(ir) => ir,
        Err(e) => panic!("our spec must be valid:\n{}", e.render()),
    }
}

fn layout(ir: &Ir, name: &str) -> Layout {
    ir.ty(ir.find_type(name).unwrap()).layout.unwrap()
}

#[test]
fn counts_match_the_abi() {
    let ir = ir();
    assert_eq!(ir.syscalls.len(), 49);
    let count = |f: fn(&TypeKind) -> bool| ir.types.iter().filter(|t| f(&t.kind)).count();
    assert_eq!(count(|k| matches!(k, TypeKind::Struct(_))), 15);
    assert_eq!(count(|k| matches!(k, TypeKind::Function(_))), 2);
    let int_kind = |kind| {
        ir.types
            .iter()
            .filter(|t| matches!(&t.kind, TypeKind::IntLike(i) if i.kind == kind))
            .count()
    };
    assert_eq!(int_kind(IntLikeKind::Enum), 9);
    assert_eq!(int_kind(IntLikeKind::Flags), 17);
    assert_eq!(int_kind(IntLikeKind::Opaque), 7);
    assert_eq!(int_kind(IntLikeKind::Alias), 7);
    let values: usize = ir
        .types
        .iter()
        .filter_map(|t| match &t.kind {
            TypeKind::IntLike(i) => Some(i.values.len()),
            _ => None,
        })
        .sum();
    assert_eq!(values, 224);
}

#[test]
fn syscalls_are_numbered_alphabetically() {
    let ir = ir();
    assert_eq!(ir.syscalls[0].name.name, "clock_res_get");
    assert_eq!(ir.syscalls[48].name.name, "thread_yield");
    assert!(ir
        .syscalls
        .windows(2)
        .all(|w| w[0].name.name < w[1].name.name));
    assert!(ir
        .syscalls
        .iter()
        .enumerate()
        .all(|(i, s)| s.number as usize == i));
}

#[test]
fn struct_layouts_match_upstream() {
    let ir = ir();
    // name, size32, size64, align32, align64, machine-dependent
    let expected = [
        ("auxv", 8, 16, 4, 8, true),
        ("ciovec", 8, 16, 4, 8, true),
        ("iovec", 8, 16, 4, 8, true),
        ("dirent", 24, 24, 8, 8, false),
        ("event", 32, 32, 8, 8, false),
        ("fdstat", 24, 24, 8, 8, false),
        ("filestat", 56, 56, 8, 8, false),
        ("lookup", 8, 8, 4, 4, false),
        ("recv_in", 20, 40, 4, 8, true),
        ("send_in", 20, 40, 4, 8, true),
        ("recv_out", 52, 64, 4, 8, true),
        ("send_out", 4, 8, 4, 8, true),
        ("tcb", 4, 8, 4, 8, true),
        ("subscription", 56, 56, 8, 8, true),
        ("threadattr", 16, 32, 4, 8, true),
    ];
    for (name, s32, s64, a32, a64, md) in expected {
        let l = layout(&ir, name);
        assert_eq!(
            (l.size, l.align, l.machine_dep),
            (Pair::new(s32, s64), Pair::new(a32, a64), md),
            "{name}"
        );
    }
}

#[test]
fn member_offsets() {
    let ir = ir();
    let offsets = |name: &str| -> Vec<(String, Pair<u64>)> {
        let TypeKind::Struct(s) = &ir.ty(ir.find_type(name).unwrap()).kind else {
            panic!()
        };
        s.members
            .iter()
            .map(|m| (m.name().to_string(), m.offset))
            .collect()
    };
    assert_eq!(
        offsets("subscription"),
        vec![
            ("userdata".into(), Pair::new(0, 0)),
            ("unused".into(), Pair::new(8, 8)),
            ("type".into(), Pair::new(10, 10)),
            ("".into(), Pair::new(16, 16))
        ]
    );
    let recv_out = offsets("recv_out");
    assert_eq!(
        recv_out.last().unwrap(),
        &("ro_flags".to_string(), Pair::new(48, 56))
    );
    let auxv = offsets("auxv");
    assert_eq!(auxv[1].1, Pair::new(4, 8));
}

#[test]
fn machine_dependent_syscalls() {
    let ir = ir();
    let md: Vec<&str> = ir
        .syscalls
        .iter()
        .filter(|s| s.machine_dep)
        .map(|s| s.name.name.as_str())
        .collect();
    assert_eq!(
        md,
        [
            "fd_pread",
            "fd_pwrite",
            "fd_read",
            "fd_write",
            "poll",
            "sock_recv",
            "sock_send",
            "thread_create"
        ]
    );
    let mem_map = ir.find_syscall("mem_map").unwrap();
    assert_eq!(mem_map.params.len(), 7);
    let fd_read = ir.find_syscall("fd_read").unwrap();
    let names: Vec<&str> = fd_read.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["fd", "iovs", "iovs_len", "nread"]);
}

#[test]
fn doc_references_resolve() {
    let ir = ir();
    let auxv = ir.ty(ir.find_type("auxv").unwrap());
    assert!(auxv
        .doc
        .links
        .iter()
        .any(|l| l.path == "auxtype.null" && matches!(l.target, Target::Value(..))));
    let links: usize = ir
        .syscalls
        .iter()
        .map(|s| {
            s.doc.links.len()
                + s.inputs
                    .iter()
                    .chain(&s.outputs)
                    .map(|m| m.doc.links.len())
                    .sum::<usize>()
        })
        .sum();
    assert!(links > 10, "{links}");
}

#[test]
fn used_by_is_recorded() {
    let ir = ir();
    let fd = ir.ty(ir.find_type("fd").unwrap());
    assert!(fd.used_by.len() > 30, "{}", fd.used_by.len());
    let tcb = ir.ty(ir.find_type("tcb").unwrap());
    assert!(tcb.used_by.is_empty());
}
