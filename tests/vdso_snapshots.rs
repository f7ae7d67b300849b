//! Snapshots of the vDSO backend's six files, for our spec and for the focused spec
//! tests/specs/vdso/shapes.txt (one syscall per stub shape: no output, one and two
//! outputs, 32-bit and 64-bit outputs, register pairs, more arguments than registers,
//! noreturn).

mod vdso_support;

use cloudabi_gen::backend::vdso;

fn snapshot_all(prefix: &str, ir: &cloudabi_gen::ir::Ir) {
    for variant in vdso::variants() {
        let file = vdso_support::vdso_file(ir, variant);
        insta::assert_snapshot!(format!("{prefix}_{variant}"), file.contents);
    }
}

#[test]
fn default_spec() {
    snapshot_all("default", &vdso_support::default_ir());
}

#[test]
fn focused_spec() {
    snapshot_all("shapes", &vdso_support::shapes_ir());
}
