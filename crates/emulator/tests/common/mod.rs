//! Shared helpers of the emulator's integration tests: building the guests
//! under tests/guests/ and running them through `cloudabi-run` with a
//! timeout. A missing tool fails the test with the package to install.
#![allow(dead_code)]

use std::io::Write;
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub(crate) const HEADER: &str = "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\n";
const TIMEOUT: Duration = Duration::from_secs(20);

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cloudabi-guests");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Sets EI_OSABI to 17 (CloudABI) and moves the file into place atomically,
/// executable (proc_exec wants execute permission, as the reference does).
fn finish(built: &Path, dest: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let mut bytes = std::fs::read(built).unwrap();
    bytes[7] = 17;
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).unwrap();
    std::fs::set_permissions(&tmp, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::rename(&tmp, dest).unwrap();
}

fn build_c(name: &str) -> PathBuf {
    let src = repo().join(format!("tests/guests/c/{name}.c"));
    let dest = out_dir().join(name);
    let raw = out_dir().join(format!("{name}.raw{}", std::process::id()));
    let status = Command::new("gcc")
        .args([
            "-nostdlib",
            "-ffreestanding",
            "-fPIE",
            "-static-pie",
            "-fno-stack-protector",
        ])
        .args(["-fno-asynchronous-unwind-tables", "-O2", "-Wall", "-Werror"])
        .args(["-Wl,-z,noexecstack", "-Wl,--build-id=none", "-I"])
        .arg(repo().join("generated/c"))
        .arg("-o")
        .arg(&raw)
        .arg(&src)
        .status()
        .unwrap_or_else(|e| panic!("cannot run gcc ({e}): install the Debian package gcc"));
    assert!(status.success(), "gcc failed for {}", src.display());
    finish(&raw, &dest);
    let _ = std::fs::remove_file(&raw);
    dest
}

/// A C guest from tests/guests/c/NAME.c, built once per test binary.
pub(crate) fn c_guest(name: &'static str) -> PathBuf {
    static BUILT: OnceLock<std::sync::Mutex<std::collections::HashMap<&'static str, PathBuf>>> =
        OnceLock::new();
    let map = BUILT.get_or_init(Default::default);
    let mut map = map.lock().unwrap();
    map.entry(name).or_insert_with(|| build_c(name)).clone()
}

/// The Rust guest from tests/guests/rust, built once per test binary.
pub(crate) fn rust_guest() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let target_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rust-guest-target");
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let status = Command::new(cargo)
                .args(["build", "--release", "--target", "x86_64-unknown-linux-gnu"])
                .arg("--manifest-path")
                .arg(repo().join("tests/guests/rust/Cargo.toml"))
                .arg("--target-dir")
                .arg(&target_dir)
                .env_remove("CARGO_TARGET_DIR")
                .env_remove("CARGO_ENCODED_RUSTFLAGS")
                .env(
                    "RUSTFLAGS",
                    "-C relocation-model=pie -C target-feature=+crt-static -C panic=abort \
                     -C link-arg=-nostartfiles -C link-arg=-nostdlib",
                )
                .status()
                .expect("cannot run cargo to build the Rust guest");
            assert!(status.success(), "building tests/guests/rust failed");
            let built = target_dir.join("x86_64-unknown-linux-gnu/release/rust-guest");
            let dest = out_dir().join("rust-guest");
            finish(&built, &dest);
            dest
        })
        .clone()
}

/// The Rust runtime's example (or test program) `name` (crates/rt/examples),
/// built in release mode with `cloudabi-guest-build` on first use; test
/// binaries share the build directory, so only the first builds.
pub(crate) fn rt_example(name: &str) -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    let dir = BUILT.get_or_init(|| {
        use cloudabi_guest_build::{Build, Targets};
        let build = Build::new(
            &repo().join("crates/rt"),
            Targets::AllExamples,
            true,
            &rt_target(),
        );
        let built = build
            .run()
            .unwrap_or_else(|e| panic!("building the runtime's examples: {e}"));
        built[0].parent().unwrap().to_path_buf()
    });
    dir.join(name)
}

/// Where the runtime's examples are built for the tests: cargo's
/// directory, with the finished programs in `release/`.
pub(crate) fn rt_target() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("rt")
}

/// Starts `cloudabi-run ARGS` with `yaml` on stdin (then closed), stdout
/// and stderr piped.
pub(crate) fn spawn_with(args: &[&str], yaml: &str) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A launcher that refuses early may not read its input.
    let _ = child.stdin.take().unwrap().write_all(yaml.as_bytes());
    child
}

/// Waits for `child` to end and collects its output; kills it and fails
/// after 20 s.
pub(crate) fn wait_output(child: Child) -> Output {
    wait_labelled(child, "")
}

/// [`wait_output`], naming `label` (the arguments) if it times out.
fn wait_labelled(mut child: Child, label: &str) -> Output {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "cloudabi-run {label} timed out; stdout {:?}, stderr {:?}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Runs `cloudabi-run ARGS` with `yaml` on stdin, killing it after 20 s.
pub(crate) fn run_with(args: &[&str], yaml: &str) -> Output {
    wait_labelled(spawn_with(args, yaml), &format!("{args:?}"))
}

/// Runs `exe` with the document `body` (the %TAG header is added).
pub(crate) fn run(exe: &Path, body: &str) -> Output {
    run_with(&[exe.to_str().unwrap()], &format!("{HEADER}{body}"))
}

pub(crate) fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub(crate) fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// YAML for a string: double-quoted with escapes.
pub(crate) fn quoted(s: &str) -> String {
    format!("{s:?}")
}

/// A TCP port of 127.0.0.1 that was free a moment ago (bound, then let go).
pub(crate) fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// A connection to 127.0.0.1:`port`, tried again while it is refused (a
/// launcher listens once it has read its configuration), for up to 20 s.
pub(crate) fn connect_when_listening(port: u16) -> TcpStream {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(c) => {
                c.set_read_timeout(Some(TIMEOUT)).unwrap();
                return c;
            }
            Err(e) if Instant::now() < deadline => {
                assert_eq!(e.kind(), std::io::ErrorKind::ConnectionRefused, "{e}");
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => panic!("nothing listens at 127.0.0.1:{port}: {e}"),
        }
    }
}
