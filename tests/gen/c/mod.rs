//! The C family (the `c`, `c::linux` and `c::freebsd` backends): goldens of the focused
//! specs, real compilers on every header, the IR's layouts against the compiler's, and
//! FreeBSD's syscalls.master read back. This module holds what they share: the files the
//! backends produce, and running compilers with clear failures.

mod golden;
mod headers;
mod layout;
mod master;

use crate::specs;
use cloudabi_gen::backend::{c, OutputFile};
use cloudabi_gen::ir::Ir;
use std::path::Path;
use std::process::{Command, Output};

/// Our spec, then every focused spec under tests/specs/c/, each with its name.
pub(crate) fn all_irs() -> Vec<(String, Ir)> {
    specs::with_ours("c")
}

/// Everything the `c`, `linux` and `freebsd` backends produce, from memory.
pub(crate) fn c_family(ir: &Ir) -> Vec<OutputFile> {
    let mut files = c::generate(ir);
    files.extend(c::linux::generate(ir));
    files.extend(c::freebsd::generate(ir));
    files
}

/// Writes the files under `dir`, creating directories.
pub(crate) fn write_all(dir: &Path, files: &[OutputFile]) {
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("files live in a directory"))
            .expect("create output directory");
        std::fs::write(&path, &f.contents).expect("write generated file");
    }
}

/// A temporary directory holding the C-family output of `ir`.
pub(crate) fn generated_tree(ir: &Ir) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("create a temporary directory");
    write_all(dir.path(), &c_family(ir));
    dir
}

/// The Debian package that provides a tool, for failure messages.
fn package(program: &str) -> &'static str {
    match program {
        "gcc" => "gcc-multilib",
        "g++" => "g++-multilib",
        "clang" | "clang++" => "clang",
        _ => "build-essential",
    }
}

/// Runs a tool and returns its output. Fails the test, naming the package to install,
/// when the tool is missing.
pub(crate) fn run(program: &str, args: &[&str], dir: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "cannot run `{program}` ({e}): install the Debian package `{}`",
                package(program)
            )
        })
}

/// Runs a tool and fails the test with its command line and diagnostics unless it exits 0.
pub(crate) fn run_ok(program: &str, args: &[&str], dir: &Path, what: &str) -> String {
    let out = run(program, args, dir);
    assert!(
        out.status.success(),
        "{what}: `{program} {}` failed ({}):\n{}{}",
        args.join(" "),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Whether gcc can build and link a 32-bit program (gcc-multilib installed).
pub(crate) fn require_multilib(dir: &Path) {
    let src = dir.join("multilib_probe.c");
    std::fs::write(&src, "int main(void) { return 0; }\n").expect("write probe");
    let out = run(
        "gcc",
        &["-m32", "multilib_probe.c", "-o", "multilib_probe"],
        dir,
    );
    assert!(
        out.status.success(),
        "gcc -m32 cannot link a program: install the Debian package `gcc-multilib`\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
