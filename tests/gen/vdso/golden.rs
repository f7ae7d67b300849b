//! The vDSO backend's six files for the focused spec tests/specs/vdso/shapes.txt (one
//! syscall per stub shape: no output, one and two outputs, 32-bit and 64-bit outputs,
//! register pairs, more arguments than registers, noreturn) against their goldens. Our
//! spec's are `generated/vdso/`.

use crate::golden::Golden;
use crate::specs;
use cloudabi_gen::backend::vdso;

#[test]
fn focused_specs_match_their_goldens() {
    let mut golden = Golden::new("vdso");
    for (spec, ir) in specs::focused("vdso") {
        golden.files(&spec, &vdso::generate(&ir));
    }
    golden.finish();
}
