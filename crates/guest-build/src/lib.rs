//! Builds Rust crates written on `cloudabi-rt` into CloudABI executables, on
//! stable Rust: the one place that knows how (used by `cargo xtask guest`
//! and by the tests that run the examples).
//!
//! There is no CloudABI target in Rust any more, so a program is compiled
//! for `x86_64-unknown-linux-gnu` — the same instruction set and calling
//! convention — and linked differently: by `rust-lld` directly (no C
//! compiler, no C library, no start files) as a static position-independent
//! executable. The runtime brings its own `_start`, memory functions and
//! system call stubs, and relocates the program itself. Finally the ELF
//! header's EI_OSABI byte is set to 17 (CloudABI), which no linker option
//! can do. [`check_executable`] then verifies the result is what a CloudABI
//! loader accepts.

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The Rust target guests are compiled for.
pub const TARGET: &str = "x86_64-unknown-linux-gnu";

/// EI_OSABI of a CloudABI executable.
pub const ELFOSABI_CLOUDABI: u8 = 17;

/// What the compiler and linker are told: a static PIE (`crt-static` with
/// the PIE relocation model), linked by `rust-lld` as `ld.lld` (so no `cc`
/// adds start files or libraries), aborting on panic.
const RUSTFLAGS: &[&str] = &[
    "-Ctarget-feature=+crt-static",
    "-Crelocation-model=pie",
    "-Cpanic=abort",
    "-Clinker=rust-lld",
    "-Clinker-flavor=ld.lld",
];

/// Which executables of a package to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Targets {
    /// The example with this name.
    Example(String),
    /// Every example.
    AllExamples,
    /// Every binary.
    Bins,
}

/// One build: a package, what of it to build, and where things go.
#[derive(Debug, Clone)]
pub struct Build {
    /// The directory holding the package's `Cargo.toml`.
    pub package: PathBuf,
    pub targets: Targets,
    pub release: bool,
    /// Cargo's target directory for the build.
    pub target_dir: PathBuf,
    /// Where the finished executables go (`NAME` each).
    pub out_dir: PathBuf,
}

impl Build {
    /// `package`'s executables into `<target>/cloudabi/{debug,release}/`,
    /// with cargo's own files under `<target>/cloudabi/build/`.
    pub fn new(package: &Path, targets: Targets, release: bool, target: &Path) -> Build {
        let profile = if release { "release" } else { "debug" };
        Build {
            package: package.to_path_buf(),
            targets,
            release,
            target_dir: target.join("cloudabi").join("build"),
            out_dir: target.join("cloudabi").join(profile),
        }
    }

    /// Compiles, links, checks and stamps; returns the executables written.
    pub fn run(&self) -> Result<Vec<PathBuf>, String> {
        ensure_toolchain()?;
        let manifest = self.package.join("Cargo.toml");
        if !manifest.is_file() {
            return Err(format!("{} has no Cargo.toml", self.package.display()));
        }
        let mut cmd = Command::new(cargo());
        cmd.args([
            "build",
            "--message-format=json-render-diagnostics",
            "--target",
            TARGET,
        ])
        .arg("--manifest-path")
        .arg(&manifest)
        .arg("--target-dir")
        .arg(&self.target_dir);
        if self.release {
            cmd.arg("--release");
        }
        match &self.targets {
            Targets::Example(name) => cmd.args(["--example", name]),
            Targets::AllExamples => cmd.arg("--examples"),
            Targets::Bins => cmd.arg("--bins"),
        };
        // The flags are for the guest only: with --target, cargo does not
        // pass them to build scripts and proc macros, which run on the host.
        cmd.env("CARGO_ENCODED_RUSTFLAGS", RUSTFLAGS.join("\x1f"))
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS")
            .env_remove("CARGO_TARGET_DIR")
            .stdout(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| format!("cannot run cargo: {e}"))?;
        let built = executables(child.stdout.take().expect("piped"))?;
        let status = child
            .wait()
            .map_err(|e| format!("waiting for cargo: {e}"))?;
        if !status.success() {
            return Err(format!("building {} failed", self.package.display()));
        }
        if built.is_empty() {
            return Err(format!(
                "{} has nothing to build as asked ({:?})",
                self.package.display(),
                self.targets
            ));
        }
        std::fs::create_dir_all(&self.out_dir)
            .map_err(|e| format!("cannot create {}: {e}", self.out_dir.display()))?;
        built
            .into_iter()
            .map(|(name, path)| {
                let dest = self.out_dir.join(name);
                stamp(&path, &dest)?;
                Ok(dest)
            })
            .collect()
    }
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// The (name, path) of each executable cargo reports building.
fn executables(stdout: impl std::io::Read) -> Result<Vec<(String, PathBuf)>, String> {
    let mut out = Vec::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.map_err(|e| format!("reading cargo's output: {e}"))?;
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        if let (Some(exe), Some(name)) =
            (msg["executable"].as_str(), msg["target"]["name"].as_str())
        {
            out.push((name.to_string(), PathBuf::from(exe)));
        }
    }
    Ok(out)
}

/// Checks that the Rust target is installed (adding it with rustup if it
/// is not) and that `rust-lld` is there.
pub fn ensure_toolchain() -> Result<(), String> {
    let sysroot = rustc_print(&["--print", "sysroot"])?;
    let libdir = Path::new(&sysroot)
        .join("lib/rustlib")
        .join(TARGET)
        .join("lib");
    if !has_core(&libdir) {
        eprintln!("adding the Rust target {TARGET} (rustup target add {TARGET})");
        let ok = Command::new("rustup")
            .args(["target", "add", TARGET])
            .status()
            .is_ok_and(|s| s.success());
        if !ok || !has_core(&libdir) {
            return Err(format!(
                "the Rust target {TARGET} is not installed and could not be added: \
                 run `rustup target add {TARGET}`"
            ));
        }
    }
    let host = rustc_print(&["-vV"])?
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .ok_or("rustc -vV does not name the host")?;
    let lld = Path::new(&sysroot)
        .join("lib/rustlib")
        .join(&host)
        .join("bin/rust-lld");
    if !lld.exists() {
        return Err(format!(
            "rust-lld is missing from the toolchain ({} not found); it ships with every \
             rustup toolchain: reinstall it with `rustup toolchain install stable`",
            lld.display()
        ));
    }
    Ok(())
}

fn has_core(libdir: &Path) -> bool {
    std::fs::read_dir(libdir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("libcore-"))
    })
}

fn rustc_print(args: &[&str]) -> Result<String, String> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let out = Command::new(&rustc)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {rustc}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{rustc} {} failed", args.join(" ")));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Checks the linked file `built`, sets EI_OSABI to CloudABI and writes it
/// to `dest` (atomically, executable).
pub fn stamp(built: &Path, dest: &Path) -> Result<(), String> {
    let mut bytes =
        std::fs::read(built).map_err(|e| format!("cannot read {}: {e}", built.display()))?;
    check_executable(&bytes).map_err(|e| format!("{}: {e}", built.display()))?;
    bytes[7] = ELFOSABI_CLOUDABI;
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, &bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", tmp.display()))?;
    }
    std::fs::rename(&tmp, dest).map_err(|e| format!("cannot write {}: {e}", dest.display()))
}

/// What a CloudABI x86-64 loader needs of an executable: a 64-bit
/// little-endian ELF of type ET_DYN (position independent) for x86-64,
/// without an interpreter (static) and without needed libraries.
pub fn check_executable(bytes: &[u8]) -> Result<(), String> {
    let u16_at = |at: usize| {
        bytes
            .get(at..at + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let u64_at = |at: usize| {
        bytes
            .get(at..at + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
    };
    if bytes.len() < 64 || &bytes[..4] != b"\x7fELF" {
        return Err("not an ELF file".into());
    }
    if bytes[4] != 2 || bytes[5] != 1 {
        return Err("not a 64-bit little-endian ELF file".into());
    }
    if u16_at(16) != Some(3) {
        return Err("not position independent (ELF type is not ET_DYN)".into());
    }
    if u16_at(18) != Some(62) {
        return Err("not an x86-64 executable".into());
    }
    let phoff = u64_at(32).unwrap_or(0) as usize;
    let phentsize = u16_at(54).unwrap_or(0) as usize;
    let phnum = u16_at(56).unwrap_or(0) as usize;
    if phentsize < 56 {
        return Err("bad program header size".into());
    }
    for i in 0..phnum {
        let at = phoff + i * phentsize;
        match u32_at(at) {
            None => return Err("program headers run past the end of the file".into()),
            Some(3) => {
                return Err(
                    "it asks for a dynamic loader (PT_INTERP): not linked statically".into(),
                )
            }
            Some(7) => {
                return Err(
                    "it has thread-local storage (PT_TLS), which the runtime does not set up"
                        .into(),
                )
            }
            _ => {}
        }
    }
    Ok(())
}

/// Files of a new guest crate, from `template/`; `{{name}}` and `{{rt}}`
/// are replaced.
const TEMPLATE: &[(&str, &str)] = &[
    ("Cargo.toml", include_str!("../template/Cargo.toml.in")),
    ("src/main.rs", include_str!("../template/main.rs.in")),
    ("{{name}}.yaml", include_str!("../template/hello.yaml.in")),
    (".gitignore", "/target\n"),
];

/// Creates a new guest crate in `dir` (which must not exist or be empty),
/// depending on the runtime at `rt` (the `crates/rt` directory); returns
/// its name.
pub fn new_crate(dir: &Path, rt: &Path) -> Result<String, String> {
    if dir.exists()
        && dir
            .read_dir()
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some()
    {
        return Err(format!("{} exists and is not empty", dir.display()));
    }
    let name = crate_name(dir)?;
    let rt = rt
        .canonicalize()
        .map_err(|e| format!("cannot find the runtime at {}: {e}", rt.display()))?;
    let rt = rt.to_str().ok_or("the runtime's path is not UTF-8")?;
    for (path, text) in TEMPLATE {
        let path = dir.join(path.replace("{{name}}", &name));
        let text = text
            .replace("{{name}}", &name)
            .replace("{{rt}}", &rt.replace('\\', "\\\\"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(name)
}

/// A package name from the directory's name: lower case, `-` for anything
/// that is not a letter, digit or `_`, starting with a letter.
fn crate_name(dir: &Path) -> Result<String, String> {
    let base = dir
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("{} has no usable name", dir.display()))?;
    let name: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    match name.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => Ok(name),
        _ => Err(format!(
            "{base:?} does not make a crate name (it must start with a letter)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crate_names() {
        assert_eq!(crate_name(Path::new("/tmp/My App")).unwrap(), "my-app");
        assert_eq!(crate_name(Path::new("hello_world")).unwrap(), "hello_world");
        assert!(crate_name(Path::new("/tmp/1st")).is_err());
    }

    #[test]
    fn refuses_what_a_loader_would() {
        assert!(check_executable(b"#!/bin/sh\n").is_err());
        let mut elf = vec![0u8; 64];
        elf[..4].copy_from_slice(b"\x7fELF");
        elf[4] = 2;
        elf[5] = 1;
        elf[16] = 2; // ET_EXEC
        elf[18] = 62;
        elf[54] = 56;
        assert!(check_executable(&elf).unwrap_err().contains("ET_DYN"));
        elf[16] = 3;
        assert!(check_executable(&elf).is_ok());
        // A PT_INTERP program header.
        elf[32] = 64;
        elf[56] = 1;
        elf.extend_from_slice(&[0u8; 56]);
        elf[64] = 3;
        assert!(check_executable(&elf).unwrap_err().contains("PT_INTERP"));
    }

    #[test]
    fn new_crate_refuses_a_non_empty_directory() {
        let dir = std::env::temp_dir().join(format!("guest-new-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("x"), "").unwrap();
        let rt = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rt");
        assert!(new_crate(&dir, &rt).unwrap_err().contains("not empty"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
