//! The Rust backend: goldens of the crate generated for the focused specs under
//! tests/specs/rust/, rustfmt on every file for every spec, and the real compiler on what
//! it generates for the focused specs, on x86_64 and i686, with layout tests run. (The crate for our spec is a workspace member
//! and is built and tested by `cargo test -p cloudabi`.)

use crate::golden::Golden;
use crate::specs;
use cloudabi_gen::backend::{rust, OutputFile};
use std::path::Path;
use std::process::Command;

fn focused_specs() -> Vec<(String, cloudabi_gen::ir::Ir)> {
    specs::focused("rust")
}

fn all_irs() -> Vec<(String, cloudabi_gen::ir::Ir)> {
    specs::with_ours("rust")
}

/// Every file of the crate generated for each focused spec under tests/specs/rust/ against
/// its golden (our spec's crate is `generated/rust/`).
#[test]
fn focused_specs_match_their_goldens() {
    let mut golden = Golden::new("rust");
    for (spec, ir) in focused_specs() {
        golden.files(&spec, &rust::generate(&ir));
    }
    golden.finish();
}

#[test]
fn output_is_deterministic_and_bannered() {
    for (spec, ir) in all_irs() {
        let files = rust::generate(&ir);
        assert_eq!(files, rust::generate(&ir), "{spec}: two runs differ");
        for file in &files {
            let first = file.contents.lines().next().unwrap_or("");
            let first = first.trim_start_matches("<!-- ");
            assert!(
                first.contains("Generated from") && first.contains("Do not edit"),
                "{spec}: {} starts with {first:?}",
                file.path
            );
            assert!(
                !file.contents.contains("compile_error!"),
                "{spec}: {}",
                file.path
            );
        }
    }
}

/// `rustfmt --check` on one file's text (through stdin, so `mod` items are not followed).
fn rustfmt_check(text: &str) -> Result<(), String> {
    use std::io::Write;
    let mut child = Command::new("rustfmt")
        .args(["--edition", "2018", "--check"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("rustfmt runs (rustup component add rustfmt)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

#[test]
fn generated_rust_is_rustfmt_clean() {
    for (spec, ir) in all_irs() {
        for file in rust::generate(&ir) {
            if !file.path.ends_with(".rs") {
                continue;
            }
            if let Err(diff) = rustfmt_check(&file.contents) {
                panic!("{spec}: rustfmt would change {}:\n{diff}", file.path);
            }
        }
    }
}

#[test]
fn manifest_is_a_compatible_successor_of_0_1_0() {
    let ir = specs::ours();
    let manifest = rust::generate(&ir)
        .into_iter()
        .find(|f| f.path == "rust/Cargo.toml")
        .unwrap();
    for line in [
        "name = \"cloudabi\"",
        "version = \"0.1.1\"",
        "edition = \"2018\"",
        "default = [\"bitflags\"]",
        "bitflags = { version = \"1.2.1\", optional = true }",
    ] {
        assert!(manifest.contents.contains(line), "missing {line}");
    }
}

/// The lint tables of a manifest under `prefix` (`workspace.lints` or `lints`): each
/// table's name after the prefix, with its lines.
fn lint_tables(manifest: &str, prefix: &str) -> Vec<(String, Vec<String>)> {
    let mut tables: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in manifest.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = false;
            if let Some(tool) = header
                .strip_prefix(prefix)
                .and_then(|t| t.strip_prefix('.'))
            {
                tables.push((tool.to_string(), Vec::new()));
                inside = true;
            }
        } else if inside && !line.is_empty() && !line.starts_with('#') {
            tables.last_mut().unwrap().1.push(line.to_string());
        }
    }
    tables
}

/// The generated crate cannot inherit `[workspace.lints]` (it is published on its own), so
/// its manifest writes the same lints out.
#[test]
fn manifest_has_the_workspace_lints() {
    let root =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")).unwrap();
    let workspace = lint_tables(&root, "workspace.lints");
    assert!(!workspace.is_empty(), "no [workspace.lints] in Cargo.toml");
    let manifest = rust::generate(&specs::ours())
        .into_iter()
        .find(|f| f.path == "rust/Cargo.toml")
        .unwrap();
    assert_eq!(lint_tables(&manifest.contents, "lints"), workspace);
}

/// Writes a generated crate's sources to a fresh directory.
fn write(files: &[OutputFile]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let path = dir.path().join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &f.contents).unwrap();
    }
    dir
}

fn rustc() -> String {
    std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string())
}

fn target_installed(target: &str) -> bool {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == target)
        })
}

/// Compiles `lib.rs` as a test harness with warnings denied (and the rustc lints of the
/// crate's manifest turned on) and runs its layout tests.
fn compile_and_run(src: &Path, target: &str, cfgs: &[&str], out: &Path) {
    let mut cmd = Command::new(rustc());
    cmd.args([
        "--edition",
        "2018",
        "--crate-type",
        "lib",
        "--test",
        "-D",
        "warnings",
        "-W",
        "unsafe_op_in_unsafe_fn",
        "-W",
        "unreachable_pub",
    ])
    .args(["--target", target])
    .arg(src.join("lib.rs"))
    .arg("-o")
    .arg(out);
    for cfg in cfgs {
        cmd.args(["--cfg", cfg]);
    }
    let output = cmd.output().expect("rustc runs");
    assert!(
        output.status.success(),
        "rustc --target {target} {cfgs:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let run = Command::new(out).output().expect("the test binary runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{target}: layout tests failed:\n{stdout}"
    );
    assert!(stdout.contains("test result: ok"), "{stdout}");
}

#[test]
fn focused_specs_compile_and_pass_their_layout_tests_on_x86_64_and_i686() {
    let targets = ["x86_64-unknown-linux-gnu", "i686-unknown-linux-gnu"];
    for target in targets {
        assert!(
            target_installed(target),
            "the Rust target {target} is missing: run `rustup target add {target}` \
             (`cargo xtask test` does this)"
        );
    }
    for (spec, ir) in focused_specs() {
        let dir = write(&rust::generate(&ir));
        let src = dir.path().join("rust/src");
        for target in targets {
            // Without features (the bitflags fallback), and with the host side.
            for cfgs in [&[][..], &["feature=\"host\""][..]] {
                let out = dir.path().join(format!("{spec}-{target}-{}", cfgs.len()));
                compile_and_run(&src, target, cfgs, &out);
            }
        }
    }
}

#[test]
fn keyword_names_and_padding_in_the_edge_spec() {
    let ir = specs::one("rust", "edges");
    let files = rust::generate(&ir);
    let lib = &files
        .iter()
        .find(|f| f.path == "rust/src/lib.rs")
        .unwrap()
        .contents;
    for needle in [
        "pub r#type: u8,",
        "pub r#in: delta,",
        "pub self_: u8,",
        "pub r#match: wide,",
        "pub _pad0: [u8; 6],",
        "#[repr(C, align(8))]",
        "TOOBIG = 1,",
        "pub const HANDLE_NONE: handle = handle(0xffffffff);",
        "pub const HANDLE_INVALID: handle = handle(0xffffffff);",
        "const DEFAULT = 0;",
        "pub unsafe fn stop(k_: kind) -> ! {",
    ] {
        assert!(lib.contains(needle), "lib.rs lacks {needle:?}");
    }
}

#[test]
fn every_focused_spec_of_other_backends_generates_without_panicking() {
    for (path, ir) in specs::every_valid() {
        let files = rust::generate(&ir);
        assert_eq!(files.len(), 8, "{path}");
    }
}

#[test]
fn the_generated_crate_packages() {
    let target = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO"))
        .args([
            "package",
            "--no-verify",
            "--allow-dirty",
            "--offline",
            "-p",
            "cloudabi",
        ])
        .env("CARGO_TARGET_DIR", target.path())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo package failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
