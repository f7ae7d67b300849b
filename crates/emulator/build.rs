//! Links `cloudabi-run` as a static PIE on x86-64 Linux with glibc.
//!
//! Why: a launcher's start-up is part of every program it runs, and on the
//! machine this was measured on, loading a dynamically linked Rust binary
//! (ld.so mapping libc and libgcc_s, then binding their symbols) cost about
//! 0.3 ms of the hello guest's ~2 ms, more than any other step.
//!
//! How: rustc links a static binary when the crate is compiled with
//! `-C target-feature=+crt-static`, but Cargo cannot give that flag to one
//! binary on stable, and giving it to the whole build breaks every
//! proc-macro crate ("cannot produce proc-macro ... does not support these
//! crate types") unless `--target` is passed everywhere. Without it, rustc
//! asks the linker for std's system libraries as `-lgcc_s -lutil -lrt
//! -lpthread -lm -ldl -lc` in dynamic mode. So this script makes a directory
//! in which each of those names is the static archive that crt-static would
//! link instead (`libgcc_s.a` is gcc's `libgcc_eh.a`, the others are glibc's
//! own `.a` files), puts it first in the launcher's library search path, and
//! asks the compiler driver for `-static-pie` (glibc's self-relocating
//! start file `rcrt1.o`). The linker finds only archives, so the result has
//! no interpreter and no `DT_NEEDED`; it stays position-independent, so its
//! addresses are still randomized. Only the `cloudabi-run` binary is linked
//! this way; the library and the tests are not.
//!
//! Set `CLOUDABI_RUN_DYNAMIC=1` to link it dynamically (e.g. for tools that
//! need a dynamic executable). Where a static archive cannot be found the
//! build fails, naming the archive and the packages that provide it: a
//! launcher that silently starts slower is a regression no test would see.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The system libraries std links on linux-gnu, and the archive each stands
/// for when linked statically.
const LIBRARIES: &[(&str, &str)] = &[
    ("gcc_s", "libgcc_eh.a"),
    ("util", "libutil.a"),
    ("rt", "librt.a"),
    ("pthread", "libpthread.a"),
    ("m", "libm.a"),
    ("dl", "libdl.a"),
    ("c", "libc.a"),
];

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CLOUDABI_RUN_DYNAMIC");
    println!("cargo:rerun-if-env-changed=CC");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let wanted = var("CARGO_CFG_TARGET_OS") == "linux"
        && var("CARGO_CFG_TARGET_ARCH") == "x86_64"
        && var("CARGO_CFG_TARGET_ENV") == "gnu"
        && var("CLOUDABI_RUN_DYNAMIC").is_empty();
    // With crt-static for the whole build, rustc links statically anyway.
    let already = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if !wanted || already {
        return;
    }
    let dir = PathBuf::from(var("OUT_DIR")).join("static-libs");
    match archives(&dir) {
        Ok(()) => {
            let arg = |a: &str| println!("cargo:rustc-link-arg-bin=cloudabi-run={a}");
            arg("-static-pie");
            arg(&format!("-L{}", dir.display()));
            // What crt-static adds after std's libraries.
            for lib in ["-lgcc_eh", "-lgcc", "-lc"] {
                arg(lib);
            }
        }
        Err(e) => {
            eprintln!(
                "error: cloudabi-run is linked as a static PIE and {e}.\n\
                 Install the C library's static archives (Debian: libc6-dev and gcc), \
                 or set CLOUDABI_RUN_DYNAMIC=1 to link it dynamically."
            );
            std::process::exit(1);
        }
    }
}

/// Fills `dir` with links named after std's libraries to the static
/// archives the C compiler knows.
fn archives(dir: &Path) -> Result<(), String> {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    for (name, archive) in LIBRARIES {
        let out = Command::new(&cc)
            .arg(format!("-print-file-name={archive}"))
            .output()
            .map_err(|e| format!("needs the C compiler driver, but `{cc}` cannot be run: {e}"))?;
        let found = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        // The driver echoes the bare name when it has no such file.
        if !found.is_absolute() || !found.exists() {
            return Err(format!(
                "needs {archive}, which `{cc} -print-file-name={archive}` does not find"
            ));
        }
        let link = dir.join(format!("lib{name}.a"));
        symlink(&found, &link).map_err(|e| format!("cannot link {}: {e}", link.display()))?;
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

/// Building for x86-64 Linux from another kind of host: copies instead.
#[cfg(not(unix))]
fn symlink(target: &Path, link: &Path) -> std::io::Result<()> {
    std::fs::copy(target, link).map(|_| ())
}
