//! Every file the C, Linux and FreeBSD backends produce: goldens for the focused specs,
//! and the shape, banner and determinism of the output for all specs.

use super::{all_irs, c_family};
use crate::golden::Golden;
use crate::specs;

/// Every file of every focused spec under tests/specs/c/ against its golden (our spec's
/// are `generated/`).
#[test]
fn focused_specs_match_their_goldens() {
    let mut golden = Golden::new("c");
    for (spec, ir) in specs::focused("c") {
        golden.files(&spec, &c_family(&ir));
    }
    golden.finish();
}

#[test]
fn the_file_set_is_fixed() {
    let ir = crate::specs::ours();
    let paths: Vec<String> = c_family(&ir).into_iter().map(|f| f.path).collect();
    assert_eq!(
        paths,
        [
            "c/cloudabi_types_common.h",
            "c/cloudabi_types.h",
            "c/cloudabi32_types.h",
            "c/cloudabi64_types.h",
            "c/cloudabi_syscalls.h",
            "c/cloudabi_syscalls_info.h",
            "linux/cloudabi_syscalls.h",
            "linux/cloudabi64_syscalls.h",
            "linux/cloudabi64_syscalls_table.h",
            "freebsd/syscalls32.master",
            "freebsd/syscalls64.master",
        ]
    );
}

#[test]
fn output_is_deterministic() {
    for (spec, ir) in all_irs() {
        assert_eq!(c_family(&ir), c_family(&ir), "{spec}: two runs differ");
    }
}

#[test]
fn every_file_carries_the_banner() {
    for (spec, ir) in all_irs() {
        for file in c_family(&ir) {
            // syscalls.master keeps its first line for the VCS id, which makesyscalls skips.
            let first = if file.path.ends_with(".master") {
                file.contents.lines().nth(1)
            } else {
                file.contents.lines().next()
            };
            let banner = first.unwrap_or_default();
            assert!(
                banner.contains("Generated from") && banner.contains(ir.spec_name()),
                "{spec}: {} starts with {banner:?}",
                file.path
            );
        }
    }
}

#[test]
fn the_default_spec_has_its_known_shape() {
    let ir = crate::specs::ours();
    let files = c_family(&ir);
    let text = |p: &str| files.iter().find(|f| f.path == p).unwrap().contents.clone();
    let count = |p: &str, needle: &str| text(p).matches(needle).count();
    // 49 prototypes; two of them never return.
    assert_eq!(count("c/cloudabi_syscalls.h", " cloudabi_sys_"), 49);
    assert_eq!(count("c/cloudabi_syscalls.h", "_Noreturn void"), 2);
    // The Linux prototypes split 41 machine-independent and 8 machine-dependent syscalls.
    assert_eq!(count("linux/cloudabi_syscalls.h", " cloudabi_sys_"), 41);
    assert_eq!(count("linux/cloudabi64_syscalls.h", " cloudabi64_sys_"), 8);
    assert_eq!(count("linux/cloudabi64_syscalls_table.h", "\tdo_"), 49);
    // Every value of every int-like type is defined once, in the common header (plus
    // the header guard).
    let values: usize = ir
        .types
        .iter()
        .filter_map(|t| match &t.kind {
            cloudabi_gen::ir::TypeKind::IntLike(i) => Some(i.values.len()),
            _ => None,
        })
        .sum();
    assert_eq!(values, 224);
    assert_eq!(
        count("c/cloudabi_types_common.h", "#define CLOUDABI_"),
        values + 1
    );
    // Machine-dependent types only in the native and fixed-width headers.
    assert!(text("c/cloudabi32_types.h").contains("} cloudabi32_iovec_t;"));
    assert!(!text("c/cloudabi_types_common.h").contains("cloudabi_iovec_t;"));
}
