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

/// Every struct's size and alignment and every member's offset, on the 32-bit and the 64-bit
/// machine: (path, value32, value64, align32, align64) for a struct, (path, offset32,
/// offset64, 0, 0) for a member. These are what gcc -m32/-m64 reports for the C declarations
/// of these structs (the i386 and x86-64 ABIs with CloudABI's `_Alignas`), which are also
/// the upstream facts (generator.md §2.2).
const C_LAYOUTS: &[(&str, u64, u64, u64, u64)] = &[
    ("auxv", 8, 16, 4, 8),
    ("auxv.a_type", 0, 0, 0, 0),
    ("auxv.a_val", 4, 8, 0, 0),
    ("auxv.a_ptr", 4, 8, 0, 0),
    ("ciovec", 8, 16, 4, 8),
    ("ciovec.buf", 0, 0, 0, 0),
    ("ciovec.buf_len", 4, 8, 0, 0),
    ("dirent", 24, 24, 8, 8),
    ("dirent.d_next", 0, 0, 0, 0),
    ("dirent.d_ino", 8, 8, 0, 0),
    ("dirent.d_namlen", 16, 16, 0, 0),
    ("dirent.d_type", 20, 20, 0, 0),
    ("event", 32, 32, 8, 8),
    ("event.userdata", 0, 0, 0, 0),
    ("event.error", 8, 8, 0, 0),
    ("event.type", 10, 10, 0, 0),
    ("event.fd_readwrite.nbytes", 16, 16, 0, 0),
    ("event.fd_readwrite.unused", 24, 24, 0, 0),
    ("event.fd_readwrite.flags", 28, 28, 0, 0),
    ("event.proc_terminate.unused", 16, 16, 0, 0),
    ("event.proc_terminate.signal", 20, 20, 0, 0),
    ("event.proc_terminate.exitcode", 24, 24, 0, 0),
    ("fdstat", 24, 24, 8, 8),
    ("fdstat.fs_filetype", 0, 0, 0, 0),
    ("fdstat.fs_flags", 2, 2, 0, 0),
    ("fdstat.fs_rights_base", 8, 8, 0, 0),
    ("fdstat.fs_rights_inheriting", 16, 16, 0, 0),
    ("filestat", 56, 56, 8, 8),
    ("filestat.st_dev", 0, 0, 0, 0),
    ("filestat.st_ino", 8, 8, 0, 0),
    ("filestat.st_filetype", 16, 16, 0, 0),
    ("filestat.st_nlink", 20, 20, 0, 0),
    ("filestat.st_size", 24, 24, 0, 0),
    ("filestat.st_atim", 32, 32, 0, 0),
    ("filestat.st_mtim", 40, 40, 0, 0),
    ("filestat.st_ctim", 48, 48, 0, 0),
    ("iovec", 8, 16, 4, 8),
    ("iovec.buf", 0, 0, 0, 0),
    ("iovec.buf_len", 4, 8, 0, 0),
    ("lookup", 8, 8, 4, 4),
    ("lookup.fd", 0, 0, 0, 0),
    ("lookup.flags", 4, 4, 0, 0),
    ("recv_in", 20, 40, 4, 8),
    ("recv_in.ri_data", 0, 0, 0, 0),
    ("recv_in.ri_data_len", 4, 8, 0, 0),
    ("recv_in.ri_fds", 8, 16, 0, 0),
    ("recv_in.ri_fds_len", 12, 24, 0, 0),
    ("recv_in.ri_flags", 16, 32, 0, 0),
    ("send_in", 20, 40, 4, 8),
    ("send_in.si_data", 0, 0, 0, 0),
    ("send_in.si_data_len", 4, 8, 0, 0),
    ("send_in.si_fds", 8, 16, 0, 0),
    ("send_in.si_fds_len", 12, 24, 0, 0),
    ("send_in.si_flags", 16, 32, 0, 0),
    ("send_out", 4, 8, 4, 8),
    ("send_out.so_datalen", 0, 0, 0, 0),
    ("recv_out", 52, 64, 4, 8),
    ("recv_out.ro_datalen", 0, 0, 0, 0),
    ("recv_out.ro_fdslen", 4, 8, 0, 0),
    ("recv_out.ro_unused", 8, 16, 0, 0),
    ("recv_out.ro_flags", 48, 56, 0, 0),
    ("subscription", 56, 56, 8, 8),
    ("subscription.userdata", 0, 0, 0, 0),
    ("subscription.unused", 8, 8, 0, 0),
    ("subscription.type", 10, 10, 0, 0),
    ("subscription.clock.identifier", 16, 16, 0, 0),
    ("subscription.clock.clock_id", 24, 24, 0, 0),
    ("subscription.clock.timeout", 32, 32, 0, 0),
    ("subscription.clock.precision", 40, 40, 0, 0),
    ("subscription.clock.flags", 48, 48, 0, 0),
    ("subscription.condvar.condvar", 16, 16, 0, 0),
    ("subscription.condvar.lock", 20, 24, 0, 0),
    ("subscription.condvar.condvar_scope", 24, 32, 0, 0),
    ("subscription.condvar.lock_scope", 25, 33, 0, 0),
    ("subscription.fd_readwrite.fd", 16, 16, 0, 0),
    ("subscription.fd_readwrite.flags", 20, 20, 0, 0),
    ("subscription.lock.lock", 16, 16, 0, 0),
    ("subscription.lock.lock_scope", 20, 24, 0, 0),
    ("subscription.proc_terminate.fd", 16, 16, 0, 0),
    ("tcb", 4, 8, 4, 8),
    ("tcb.parent", 0, 0, 0, 0),
    ("threadattr", 16, 32, 4, 8),
    ("threadattr.entry_point", 0, 0, 0, 0),
    ("threadattr.stack", 4, 8, 0, 0),
    ("threadattr.stack_len", 8, 16, 0, 0),
    ("threadattr.argument", 12, 24, 0, 0),
];

fn ir_layout_rows(ir: &Ir) -> Vec<(String, u64, u64, u64, u64)> {
    fn walk(
        members: &[Member],
        base: Pair<u64>,
        owner: &str,
        prefix: &str,
        out: &mut Vec<(String, u64, u64, u64, u64)>,
    ) {
        for m in members {
            let at = Pair::new(base.m32 + m.offset.m32, base.m64 + m.offset.m64);
            match &m.kind {
                MemberKind::Variant(v) => {
                    for arm in &v.arms {
                        let p = match &arm.name {
                            Some(n) => format!("{prefix}{}.", n.name),
                            None => prefix.to_string(),
                        };
                        walk(&arm.members, at, owner, &p, out);
                    }
                }
                MemberKind::Range { len_offset, .. } => {
                    out.push((
                        format!("{owner}.{prefix}{}", m.name()),
                        at.m32,
                        at.m64,
                        0,
                        0,
                    ));
                    let len = Pair::new(base.m32 + len_offset.m32, base.m64 + len_offset.m64);
                    out.push((
                        format!("{owner}.{prefix}{}_len", m.name()),
                        len.m32,
                        len.m64,
                        0,
                        0,
                    ));
                }
                MemberKind::Simple { .. } => out.push((
                    format!("{owner}.{prefix}{}", m.name()),
                    at.m32,
                    at.m64,
                    0,
                    0,
                )),
            }
        }
    }
    let mut out = Vec::new();
    for t in &ir.types {
        let TypeKind::Struct(s) = &t.kind else {
            continue;
        };
        let l = t.layout.unwrap();
        out.push((
            t.name.name.clone(),
            l.size.m32,
            l.size.m64,
            l.align.m32,
            l.align.m64,
        ));
        walk(&s.members, Pair::same(0), &t.name.name, "", &mut out);
    }
    out
}

#[test]
fn every_struct_and_member_layout_matches_the_c_abi() {
    let ir = ir();
    let ours = ir_layout_rows(&ir);
    let expected: Vec<(String, u64, u64, u64, u64)> = C_LAYOUTS
        .iter()
        .map(|&(p, a, b, c, d)| (p.to_string(), a, b, c, d))
        .collect();
    assert_eq!(ours, expected);
}

#[test]
fn every_pointer_parameter_says_what_the_call_does_with_its_memory() {
    let ir = ir();
    let param = |call: &str, name: &str| -> Param {
        let s = ir.find_syscall(call).unwrap();
        s.params.iter().find(|p| p.name == name).unwrap().clone()
    };
    let access = |call: &str, name: &str| param(call, name).access;
    for call in ["mem_advise", "mem_protect", "mem_sync", "mem_unmap"] {
        assert_eq!(access(call, "mapping"), Access::Address, "{call}");
        assert!(param(call, "mapping_len").is_count);
    }
    assert_eq!(access("mem_map", "addr"), Access::Address);
    assert_eq!(access("mem_map", "mem"), Access::Write);
    assert_eq!(access("random_get", "buf"), Access::Write);
    assert_eq!(access("fd_write", "iovs"), Access::Read);
    assert_eq!(access("fd_stat_get", "buf"), Access::Write);
    assert_eq!(access("fd_stat_put", "buf"), Access::Read);
    assert_eq!(access("lock_unlock", "lock"), Access::Atomic);
    assert_eq!(access("fd_close", "fd"), Access::Value);
    let poll = ir.find_syscall("poll").unwrap();
    let count = poll
        .params
        .iter()
        .position(|p| p.name == "nsubscriptions")
        .unwrap();
    assert!(poll.params[count].is_count);
    for name in ["in", "out"] {
        assert_eq!(param("poll", name).count, Some(count), "{name}");
    }
    assert_eq!(param("poll", "in").access, Access::Read);
    assert_eq!(param("poll", "out").access, Access::Write);
    let readlink = ir.find_syscall("file_readlink").unwrap();
    let buf = readlink
        .params
        .iter()
        .position(|p| p.name == "buf")
        .unwrap();
    assert_eq!(readlink.params[buf].count, Some(buf + 1));
    assert_eq!(
        readlink
            .c_params(Direction::In, 2)
            .map(|(i, _)| i)
            .collect::<Vec<_>>(),
        [buf, buf + 1]
    );
}

#[test]
fn member_steps_and_names_follow_a_path_through_arms() {
    let ir = ir();
    let sub = ir.find_type("subscription").unwrap();
    let path = MemberPath {
        owner: sub,
        first: 3,
        arms: vec![(0, 2)],
    };
    let steps = ir.member_steps(&path);
    assert_eq!(steps.len(), 2);
    assert!(matches!(steps[0].member.kind, MemberKind::Variant(_)));
    assert_eq!(steps[0].variant_ordinal(), 0);
    assert_eq!(
        steps[1].arm.and_then(|(_, a)| a.name.clone()).unwrap().name,
        "clock"
    );
    assert_eq!(ir.member(&path).name(), "timeout");
    assert_eq!(ir.member_names(&path), ["clock", "timeout"]);
    let bad = MemberPath {
        owner: sub,
        first: 3,
        arms: vec![(9, 9)],
    };
    assert_eq!(
        ir.member_steps(&bad).len(),
        1,
        "a path that does not fit stops early"
    );
}

#[test]
fn doc_segments_alternate_text_and_links_in_order() {
    let ir = crate::load(
        "t.txt",
        "opaque uint32 fd\n\t| [fd] then [fd.none] and text.\n\t0 none\n\t\t| None.\n",
    )
    .unwrap();
    let doc = &ir.types[0].doc;
    let pieces: Vec<String> = doc
        .segments()
        .map(|s| match s {
            Segment::Text(t) => format!("text {t:?}"),
            Segment::Link(l) => format!("link {}", l.path),
        })
        .collect();
    assert_eq!(
        pieces,
        [
            "link fd",
            "text \" then \"",
            "link fd.none",
            "text \" and text.\\n\""
        ]
    );
    assert_eq!(
        doc.render(|out, l| out.push_str(&l.path.to_uppercase())),
        "FD then FD.NONE and text.\n"
    );
}
