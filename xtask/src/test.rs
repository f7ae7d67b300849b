//! `test`: the one command that runs every test. It first makes sure the system tools the
//! tests drive are present, installing them with apt-get and rustup where it can, and
//! stops with a clear message where it cannot. Nothing is skipped silently.

use std::process::Command;

pub(crate) fn run(extra: &[&str]) -> Result<(), String> {
    tools::ensure()?;
    // The Rust target CloudABI programs are compiled for, and rust-lld.
    cloudabi_guest_build::ensure_toolchain()?;
    // generated/ is the one golden of our spec's output (the tests keep goldens only for
    // the focused specs under tests/specs/), so a stale file fails the test run.
    crate::gen::run(true)?;
    cargo(&["test", "--workspace", "--all-targets"], extra)?;
    cargo(&["test", "--workspace", "--doc"], &[])?;
    // The Rust bindings promise the C layouts on i686 too, where u64 is only 4-aligned.
    let i686 = ["--target", "i686-unknown-linux-gnu"];
    for package in ["cloudabi", "cloudabi-rust-clients"] {
        cargo(
            &["test", "-p", package, "--all-features", i686[0], i686[1]],
            &[],
        )?;
    }
    // The emulator is Linux x86-64 only; elsewhere it must still build, with its parts gated.
    cargo(
        &[
            "check",
            "-p",
            "cloudabi-emulator",
            "--all-targets",
            i686[0],
            i686[1],
        ],
        &[],
    )?;
    quality()
}

/// The quality bar is part of the test run: formatting, lints, and rustdoc of the bindings
/// and of the guest runtime (crates/rt, a workspace of its own, built for CloudABI).
fn quality() -> Result<(), String> {
    cargo(&["fmt", "--all", "--", "--check"], &[])?;
    // Argdata without std: the reader alone, and with the allocating half.
    for features in [
        &["--no-default-features"][..],
        &["--no-default-features", "--features", "alloc"],
    ] {
        let mut args = vec!["clippy", "-p", "argdata"];
        args.extend_from_slice(features);
        args.extend_from_slice(&["--", "-D", "warnings"]);
        cargo(&args, &[])?;
    }
    runtime_quality()?;
    cargo(
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    rustdoc(
        &["-p", "cloudabi", "--all-features"],
        "`cargo doc -p cloudabi` has warnings (broken intra-doc links?)",
    )
}

/// `cargo doc --no-deps ARGS` with warnings as errors.
fn rustdoc(args: &[&str], failure: &str) -> Result<(), String> {
    let status = Command::new(env!("CARGO"))
        .args(["doc", "--no-deps"])
        .args(args)
        .env("RUSTDOCFLAGS", "-D warnings")
        .current_dir(crate::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !status.success() {
        return Err(failure.into());
    }
    Ok(())
}

/// Formatting, lints (examples included) and rustdoc of crates/rt, checked for the target
/// guests are compiled for.
fn runtime_quality() -> Result<(), String> {
    let root = crate::root();
    let manifest = root.join("crates/rt/Cargo.toml");
    let manifest = manifest
        .to_str()
        .ok_or("the repository path is not UTF-8")?;
    let check_dir = root.join("target/cloudabi/check");
    let check_dir = check_dir
        .to_str()
        .ok_or("the repository path is not UTF-8")?;
    let target = cloudabi_guest_build::TARGET;
    cargo(
        &["fmt", "--manifest-path", manifest, "--all", "--", "--check"],
        &[],
    )?;
    cargo(
        &[
            "clippy",
            "--manifest-path",
            manifest,
            "--target",
            target,
            "--target-dir",
            check_dir,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    rustdoc(
        &[
            "--manifest-path",
            manifest,
            "--target",
            target,
            "--target-dir",
            check_dir,
        ],
        "`cargo doc` of crates/rt has warnings (broken intra-doc links?)",
    )?;
    Ok(())
}

pub(crate) fn cargo(args: &[&str], extra: &[&str]) -> Result<(), String> {
    let status = Command::new(env!("CARGO"))
        .args(args)
        .args(extra)
        .current_dir(crate::root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed", args.join(" ")))
    }
}

pub(crate) mod tools {
    use std::process::{Command, Stdio};

    /// (command that must run, Debian package that provides it)
    const COMMANDS: &[(&[&str], &str)] = &[
        (&["gcc", "--version"], "gcc"),
        (&["clang", "--version"], "clang"),
        (&["ld.lld", "--version"], "lld"),
        (&["llvm-mc", "--version"], "llvm"),
        (&["as", "--version"], "binutils"),
        (
            &["aarch64-linux-gnu-as", "--version"],
            "binutils-aarch64-linux-gnu",
        ),
        (
            &["arm-linux-gnueabi-as", "--version"],
            "binutils-arm-linux-gnueabi",
        ),
        (&["chromium", "--version"], "chromium"),
        // The `unicorn-engine` crate (tests/gen/vdso/arm) builds its C library with cmake.
        (&["cmake", "--version"], "cmake"),
        (&["make", "--version"], "make"),
    ];

    /// 32-bit C and C++ need the multilib runtime; probed by compiling and linking.
    const MULTILIB: &[(&str, &str, &str)] =
        &[("gcc", "c", "gcc-multilib"), ("g++", "c++", "g++-multilib")];

    const RUST_TARGETS: &[&str] = &["i686-unknown-linux-gnu"];

    pub(crate) fn ensure() -> Result<(), String> {
        let missing = missing_packages();
        if !missing.is_empty() {
            install(&missing)?;
            let still = missing_packages();
            if !still.is_empty() {
                return Err(format!("still missing after install: {}", still.join(", ")));
            }
        }
        for target in RUST_TARGETS {
            ensure_rust_target(target)?;
        }
        Ok(())
    }

    fn missing_packages() -> Vec<String> {
        let mut missing: Vec<String> = COMMANDS
            .iter()
            .filter(|(cmd, _)| !runs(cmd))
            .map(|(_, pkg)| pkg.to_string())
            .collect();
        for (compiler, lang, pkg) in MULTILIB {
            if !links_32bit(compiler, lang) {
                missing.push(pkg.to_string());
            }
        }
        missing.sort();
        missing.dedup();
        missing
    }

    fn runs(cmd: &[&str]) -> bool {
        Command::new(cmd[0])
            .args(&cmd[1..])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn links_32bit(compiler: &str, lang: &str) -> bool {
        let dir = std::env::temp_dir().join(format!("xtask-probe-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let src = dir.join(format!("probe.{}", if lang == "c" { "c" } else { "cc" }));
        let ok = std::fs::write(&src, "int main(void) { return 0; }\n").is_ok()
            && runs(&[
                compiler,
                "-m32",
                src.to_str().unwrap_or(""),
                "-o",
                dir.join("probe").to_str().unwrap_or(""),
            ]);
        let _ = std::fs::remove_dir_all(&dir);
        ok
    }

    fn install(packages: &[String]) -> Result<(), String> {
        eprintln!("xtask test: installing {}", packages.join(" "));
        let is_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
        let sudo: &[&str] = if is_root { &[] } else { &["sudo", "-n"] };
        let apt = |args: &[&str]| {
            let mut full: Vec<&str> = sudo.to_vec();
            full.extend_from_slice(args);
            Command::new(full[0])
                .args(&full[1..])
                .env("DEBIAN_FRONTEND", "noninteractive")
                .status()
                .is_ok_and(|s| s.success())
        };
        let mut args = vec!["apt-get", "install", "-y", "-q", "--no-install-recommends"];
        args.extend(packages.iter().map(String::as_str));
        if !(apt(&["apt-get", "update", "-q"]) && apt(&args)) {
            return Err(format!(
                "the tests need these Debian packages and they could not be installed: {}\n\
                 install them (apt-get install {}) and run `cargo xtask test` again",
                packages.join(", "),
                packages.join(" ")
            ));
        }
        Ok(())
    }

    fn ensure_rust_target(target: &str) -> Result<(), String> {
        let installed = Command::new("rustup")
            .args(["target", "list", "--installed"])
            .output()
            .map_err(|e| format!("the tests need rustup to add the {target} target: {e}"))?;
        if String::from_utf8_lossy(&installed.stdout)
            .lines()
            .any(|l| l.trim() == target)
        {
            return Ok(());
        }
        eprintln!("xtask test: adding Rust target {target}");
        let ok = Command::new("rustup")
            .args(["target", "add", target])
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Ok(())
        } else {
            Err(format!(
                "could not add the Rust target {target}: run `rustup target add {target}`"
            ))
        }
    }
}
