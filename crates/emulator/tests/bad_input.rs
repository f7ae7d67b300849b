//! Bad executables and bad configurations: each gives exactly one error line
//! on stderr and exit code 127, never a crash.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::path::Path;

use common::*;

fn one_error_line(o: &std::process::Output, mentions: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(127), "stderr: {err}");
    assert_eq!(err.matches('\n').count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("cloudabi-run: "), "{err}");
    assert!(
        err.contains(mentions),
        "{err:?} does not mention {mentions:?}"
    );
    assert_eq!(stdout(o), "");
}

/// The hello guest with `edit` applied, written to a fresh file.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut Vec<u8>)) -> std::path::PathBuf {
    let mut bytes = std::fs::read(c_guest("hello")).unwrap();
    edit(&mut bytes);
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn run_exe(exe: &Path) -> std::process::Output {
    run(exe, "out: !fd stdout\n")
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().unwrap())
}

#[test]
fn bad_executables() {
    let tmp = tempfile::tempdir().unwrap();
    let d = tmp.path();
    let text = d.join("text");
    std::fs::write(&text, "just some text\n").unwrap();
    one_error_line(&run_exe(&text), "not an ELF file");
    let empty = d.join("empty");
    std::fs::write(&empty, "").unwrap();
    one_error_line(&run_exe(&empty), "not an ELF file");
    one_error_line(&run_exe(&edited(d, "linux", |b| b[7] = 0)), "EI_OSABI is 0");
    one_error_line(
        &run_exe(&edited(d, "arm", |b| {
            b[18..20].copy_from_slice(&183u16.to_le_bytes())
        })),
        "AArch64",
    );
    one_error_line(&run_exe(&edited(d, "class32", |b| b[4] = 1)), "ELFCLASS64");
    one_error_line(&run_exe(&edited(d, "exec", |b| b[16] = 2)), "ET_DYN");
    one_error_line(
        &run_exe(&edited(d, "short", |b| b.truncate(100))),
        "truncated",
    );
    one_error_line(
        &run_exe(&edited(d, "cut", |b| b.truncate(b.len() / 2))),
        "truncated",
    );
    let overlap = edited(d, "overlap", |b| {
        // Make the first PT_LOAD's memory size cover all the others.
        let phoff = u64_at(b, 32) as usize;
        let phnum = u16::from_le_bytes([b[56], b[57]]) as usize;
        let first = (0..phnum)
            .map(|i| phoff + i * 56)
            .find(|&p| b[p] == 1)
            .unwrap();
        b[first + 40..first + 48].copy_from_slice(&0x10_0000u64.to_le_bytes());
    });
    one_error_line(&run_exe(&overlap), "overlap");
    one_error_line(&run_exe(&d.join("missing")), "No such file");
    one_error_line(&run_exe(d), "not a regular file (a directory)");
}

/// C4: an executable that is no regular file is refused at once: a FIFO
/// neither blocks the launcher (no writer ever comes) nor is read, and a
/// device that never ends is not read until memory runs out.
#[test]
fn special_files_as_executables() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("fifo");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: mkfifo with a valid path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    one_error_line(&run_exe(&fifo), "not a regular file (a FIFO)");
    one_error_line(
        &run_exe(Path::new("/dev/zero")),
        "not a regular file (a character device)",
    );
}

#[test]
fn bad_configurations() {
    let hello = c_guest("hello");
    let exe = hello.to_str().unwrap();
    let cases = [
        (format!("{HEADER}[1, 2\n"), "line "),
        (format!("{HEADER}out: !bogus 1\n"), "unsupported tag !bogus"),
        ("---\nout: !fd stdout\n".to_string(), "%TAG"),
        (
            format!("{HEADER}out: !file {{path: /nonexistent/file}}\n"),
            "line 3, column 6",
        ),
        (format!("{HEADER}out: !fd 99\n"), "!fd 99"),
        (
            format!("{HEADER}out: !socket {{connect: \"127.0.0.1:1\"}}\n"),
            "refused",
        ),
        (format!("{HEADER}a: &x 1\nb: *x\n"), "alias"),
        (
            format!("{HEADER}out: !file {{path: /tmp, mode: rw}}\n"),
            "unsupported attribute mode",
        ),
        (String::new(), "no YAML document"),
        (format!("{HEADER}\"\\q\"\n"), "line 3"),
    ];
    for (yaml, mentions) in cases {
        let o = run_with(&[exe], &yaml);
        one_error_line(&o, mentions);
    }
}

#[test]
fn a_bad_hidden_exec_mode_is_a_launcher_failure() {
    one_error_line(
        &run_with(&["--exec-child", "999", "998", "997"], ""),
        "fd 999 is not open",
    );
}
