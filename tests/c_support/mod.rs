//! What the C-family integration tests share: the specs they run on, the files the C,
//! Linux and FreeBSD backends produce for them, and running compilers with clear failures.

#![allow(dead_code)]

use cloudabi_gen::backend::{c, OutputFile};
use cloudabi_gen::ir::Ir;
use std::path::Path;
use std::process::{Command, Output};

/// The focused specs under tests/specs/c/, by file name.
pub const SPECS: &[(&str, &str)] = &[
    ("arrays", include_str!("../specs/c/arrays.txt")),
    ("atomics", include_str!("../specs/c/atomics.txt")),
    ("flags", include_str!("../specs/c/flags.txt")),
    ("md_structs", include_str!("../specs/c/md_structs.txt")),
    ("noreturn", include_str!("../specs/c/noreturn.txt")),
    ("ranges", include_str!("../specs/c/ranges.txt")),
    ("variants", include_str!("../specs/c/variants.txt")),
];

/// Our spec, then every focused spec, each with a short name.
pub fn all_irs() -> Vec<(String, Ir)> {
    let mut irs = vec![(
        "cloudabi".to_string(),
        cloudabi_gen::default_ir().expect("spec/cloudabi.txt is valid"),
    )];
    for (name, text) in SPECS {
        let path = format!("tests/specs/c/{name}.txt");
        let ir = cloudabi_gen::load(&path, text)
            .unwrap_or_else(|e| panic!("{path} is invalid:\n{}", e.render()));
        irs.push((name.to_string(), ir));
    }
    irs
}

/// Everything the `c`, `linux` and `freebsd` backends produce, from memory.
pub fn c_family(ir: &Ir) -> Vec<OutputFile> {
    let mut files = c::generate(ir);
    files.extend(c::linux::generate(ir));
    files.extend(c::freebsd::generate(ir));
    files
}

/// Writes the files under `dir`, creating directories.
pub fn write_all(dir: &Path, files: &[OutputFile]) {
    for f in files {
        let path = dir.join(&f.path);
        std::fs::create_dir_all(path.parent().expect("files live in a directory"))
            .expect("create output directory");
        std::fs::write(&path, &f.contents).expect("write generated file");
    }
}

/// A temporary directory holding the C-family output of `ir`.
pub fn generated_tree(ir: &Ir) -> tempfile::TempDir {
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
pub fn run(program: &str, args: &[&str], dir: &Path) -> Output {
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
pub fn run_ok(program: &str, args: &[&str], dir: &Path, what: &str) -> String {
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
pub fn require_multilib(dir: &Path) {
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
