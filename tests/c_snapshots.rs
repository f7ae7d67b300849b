//! Snapshots of every file the C, Linux and FreeBSD backends produce, for our spec and for
//! each focused spec under tests/specs/c/.

mod c_support;

use c_support::{all_irs, c_family};

/// `cloudabi__c__cloudabi_types_h`: spec, then the output path, as a snapshot name.
fn snapshot_name(spec: &str, path: &str) -> String {
    let path: String = path
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    format!("{spec}__{path}")
}

#[test]
fn every_file_matches_its_snapshot() {
    for (spec, ir) in all_irs() {
        for file in c_family(&ir) {
            insta::assert_snapshot!(snapshot_name(&spec, &file.path), file.contents);
        }
    }
}

#[test]
fn the_file_set_is_fixed() {
    let ir = cloudabi_gen::default_ir().unwrap();
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
    let ir = cloudabi_gen::default_ir().unwrap();
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
