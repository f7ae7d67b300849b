//! The vDSO backend: goldens of the focused spec (tests/specs/vdso/shapes.txt, one syscall
//! per stub shape), every file assembled by three assemblers, the x86 stubs run against a
//! fake kernel on this host and the ARM stubs in a CPU emulator. This module holds what
//! they share: the generated files, and running system tools with a timeout and a clear
//! failure when a tool is missing.

mod arm;
pub(crate) mod assemble;
mod golden;
mod objects;
mod sweep;
mod x86_64;

use cloudabi_gen::backend::OutputFile;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Our spec, then the focused spec (one syscall per stub shape), each with its name.
pub(crate) fn both_specs() -> Vec<(String, cloudabi_gen::ir::Ir)> {
    crate::specs::with_ours("vdso")
}

/// The vDSO backend's file for one variant, straight from the backend (not from disk).
pub(crate) fn vdso_file(ir: &cloudabi_gen::ir::Ir, variant: &str) -> OutputFile {
    let path = format!("vdso/{variant}.S");
    cloudabi_gen::backend::vdso::generate(ir)
        .into_iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("the vdso backend writes no {path}"))
}

/// What a finished tool run produced.
pub(crate) struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
    /// How the process ended, for messages.
    pub status: String,
}

/// Runs `program` with `args` in `dir`, killing it after `timeout`. Fails the test with
/// the Debian package to install when the program does not exist.
pub(crate) fn run(
    program: &str,
    args: &[&str],
    dir: &Path,
    timeout: Duration,
    package: &str,
) -> Run {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("cannot run `{program}` ({e}): install the Debian package `{package}`")
        });
    // Read both pipes on threads so a chatty child cannot block on a full pipe.
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + timeout;
    let (success, status) = loop {
        match child.try_wait().expect("waiting for a child") {
            Some(status) => break (status.success(), status.to_string()),
            None if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break (false, format!("killed after {timeout:?}"));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    Run {
        success,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
        status,
    }
}
