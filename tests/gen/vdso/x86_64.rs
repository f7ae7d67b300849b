//! Behaviour of the generated stubs on this Linux host. The C harness in tests/gen/vdso/c/
//! links the x86_64 stubs (and, built with `gcc -m32`, the i686_on_64bit and i686 stubs)
//! into a test program that intercepts their traps with syscall user dispatch
//! (`PR_SET_SYSCALL_USER_DISPATCH`): a SIGSYS handler plays the kernel, checking the
//! syscall number and the arguments where the convention puts them, injecting results
//! or errors, and clobbering what a kernel may clobber. The program then checks the C
//! return values and out-parameters, and that a noreturn stub faults right after its
//! trap if the kernel comes back.
//!
//! Two kinds of cases: hand-written ones with the real C types (tests/gen/vdso/c/*.c), and a
//! sweep generated from the IR that calls every stub of our spec and of the focused
//! spec (`sweep`). The stubs come straight from the backend, not from
//! generated/. Every child process runs under a timeout: a broken stub can spin.

use super::run;
use super::sweep::{self, Convention};
use cloudabi_gen::ir::Ir;
use std::path::Path;
use std::time::Duration;

const HARNESS: [(&str, &str); 2] = [
    ("sud.h", include_str!("c/sud.h")),
    ("sud.c", include_str!("c/sud.c")),
];

const COMPILE_TIMEOUT: Duration = Duration::from_secs(120);
const RUN_TIMEOUT: Duration = Duration::from_secs(30);

/// Builds the harness for `variant` of `ir` with the cases in `cases` at each
/// optimisation level (the caller's code, and so the junk it leaves in registers and on
/// the stack, differs) and runs it.
fn build_and_run(ir: &Ir, variant: &str, cases: (&str, &str), machine: &[&str], package: &str) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    for (name, text) in HARNESS.into_iter().chain([cases]) {
        std::fs::write(dir.path().join(name), text).expect("writing the harness");
    }
    let stubs = super::vdso_file(ir, variant);
    let source = format!("{variant}.S");
    std::fs::write(dir.path().join(&source), &stubs.contents).expect("writing the stubs");
    for level in ["-O0", "-O2"] {
        let program = dir.path().join(format!("harness{level}"));
        let program = program.to_str().expect("a UTF-8 temporary path");
        let mut args = machine.to_vec();
        args.extend(["-std=gnu11", level, "-Wall", "-Wextra", "-Werror"]);
        args.extend(["sud.c", cases.0, source.as_str(), "-o", program]);
        compile(&args, dir.path(), package);
        let result = run(program, &[], dir.path(), RUN_TIMEOUT, package);
        println!("{variant} {} {level}:\n{}", cases.0, result.stdout);
        assert!(
            result.success && result.stdout.contains(" checks, 0 failed"),
            "the {variant} harness {} ({level}) failed ({}):\n{}{}",
            cases.0,
            result.status,
            result.stdout,
            result.stderr
        );
    }
}

fn compile(args: &[&str], dir: &Path, package: &str) {
    let result = run("gcc", args, dir, COMPILE_TIMEOUT, package);
    assert!(
        result.success,
        "`gcc {}` failed ({}); if gcc cannot build for this machine, install the Debian \
         package `{package}`:\n{}",
        args.join(" "),
        result.status,
        result.stderr
    );
}

/// Representative calls, written by hand with the real C types (tests/gen/vdso/c/x86_64.c).
#[test]
fn x86_64_stubs_against_a_fake_kernel() {
    let cases = ("x86_64.c", include_str!("c/x86_64.c"));
    build_and_run(&crate::specs::ours(), "x86_64", cases, &[], "gcc");
}

/// A 32-bit program's `int $0x80` on a 64-bit kernel is intercepted by syscall user
/// dispatch too (the harness checks each trap arrived).
#[test]
fn i686_on_64bit_stubs_against_a_fake_kernel() {
    let cases = ("i686_on_64bit.c", include_str!("c/i686_on_64bit.c"));
    let ir = crate::specs::ours();
    build_and_run(&ir, "i686_on_64bit", cases, &["-m32"], "gcc-multilib");
}

/// Every syscall of our spec and of the focused spec, generated from the IR (see
/// `sweep`).
#[test]
fn every_x86_64_stub() {
    for (_, ir) in super::both_specs() {
        let sweep = sweep::source(&ir, Convention::Registers);
        build_and_run(&ir, "x86_64", ("sweep.c", &sweep), &[], "gcc");
    }
}

#[test]
fn every_i686_on_64bit_stub() {
    for (_, ir) in super::both_specs() {
        let sweep = sweep::source(&ir, Convention::Slots);
        build_and_run(
            &ir,
            "i686_on_64bit",
            ("sweep.c", &sweep),
            &["-m32"],
            "gcc-multilib",
        );
    }
}

#[test]
fn every_i686_stub() {
    for (_, ir) in super::both_specs() {
        let sweep = sweep::source(&ir, Convention::Stack);
        build_and_run(&ir, "i686", ("sweep.c", &sweep), &["-m32"], "gcc-multilib");
    }
}
