//! `fd_read` and `fd_write` have fast entry points (src/linux/host/fast.rs)
//! that answer from the thread's copies of fd table entries and of recent
//! memory checks. Each case here changes what a copy describes between two
//! calls (rights, the file behind a number, the mapping of a buffer) and
//! checks that the second call sees the change, as the generated path would.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::path::Path;

use common::*;

const NOTCAPABLE: &str = "76";
const FAULT: &str = "21";
const FD_READ: u64 = 0x2;
const FD_WRITE: u64 = 0x40;

/// Runs the fstool script `cmds` on a fresh directory holding `ro.txt`
/// (also injected read-only as fd 2); returns its output and the directory.
fn script(cmds: &str) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ro.txt"), "read only").unwrap();
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\nro: !file {{path: {}}}\ncmds: {cmds}\n",
        quoted(dir.path().to_str().unwrap()),
        quoted(dir.path().join("ro.txt").to_str().unwrap()),
    );
    let o = run(&c_guest("fstool"), &body);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    (stdout(&o), dir)
}

fn contents(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn rights_dropped_after_a_write_are_enforced() {
    let (out, dir) = script(&format!(
        "[[keep, a.txt, {FD_WRITE}], [write_fd, 3], [drop, 3, 0, 0], [write_fd, 3]]"
    ));
    assert_eq!(
        out,
        format!("data:fd=3\nkeep 0\nwrite_fd 0\ndrop 0\nwrite_fd {NOTCAPABLE}\n")
    );
    assert_eq!(contents(dir.path(), "a.txt"), "x");
}

#[test]
fn a_reused_number_has_the_new_files_rights() {
    let (out, dir) = script(&format!(
        "[[keep, a.txt, {FD_WRITE}], [write_fd, 3], [close, 3], [keep, b.txt, {FD_READ}], [write_fd, 3]]"
    ));
    assert_eq!(
        out,
        format!(
            "data:fd=3\nkeep 0\nwrite_fd 0\nclose 0\ndata:fd=3\nkeep 0\nwrite_fd {NOTCAPABLE}\n"
        )
    );
    assert_eq!(contents(dir.path(), "a.txt"), "x");
    assert_eq!(contents(dir.path(), "b.txt"), "");
}

#[test]
fn a_reused_number_writes_to_the_new_file() {
    let (out, dir) = script(&format!(
        "[[keep, a.txt, {FD_WRITE}], [keep, b.txt, {FD_WRITE}], [write_fd, 3], [close, 3], \
         [keep, c.txt, {FD_WRITE}], [write_fd, 3], [write_fd, 4]]"
    ));
    assert!(
        out.ends_with("data:fd=3\nkeep 0\nwrite_fd 0\nwrite_fd 0\n"),
        "{out}"
    );
    assert_eq!(contents(dir.path(), "a.txt"), "x");
    assert_eq!(contents(dir.path(), "b.txt"), "x");
    assert_eq!(contents(dir.path(), "c.txt"), "x");
}

#[test]
fn a_buffer_unmapped_after_a_write_is_a_fault() {
    let (out, dir) = script(&format!("[[keep, a.txt, {FD_WRITE}], [write_unmapped, 3]]"));
    assert_eq!(
        out,
        format!("data:fd=3\nkeep 0\ndata:first=0\nwrite_unmapped {FAULT}\n")
    );
    assert_eq!(contents(dir.path(), "a.txt"), "u");
}

#[test]
fn reading_into_read_only_memory_is_a_fault() {
    // The first read makes the fd and the stack "recent"; the second points
    // into the guest's read-only data, which may be read but not written.
    let (out, _dir) = script("[[read_fd, 2], [read_into_constant, 2]]");
    assert_eq!(out, format!("read_fd 0\nread_into_constant {FAULT}\n"));
}

#[test]
fn reading_through_the_fast_path_returns_the_data() {
    let (out, _dir) = script("[[cat, ro.txt], [cat, ro.txt]]");
    assert_eq!(out, "data:read only\ncat 0\ndata:read only\ncat 0\n");
}
