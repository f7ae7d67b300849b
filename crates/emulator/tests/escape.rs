//! The escape suite: each case tries to reach outside the injected
//! directory, or beyond an fd's rights, and must fail with the right errno
//! while leaving every file, inside and outside, exactly as it was.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::*;

const NOTCAPABLE: &str = "76";
const BADF: &str = "8";
const LOOP: &str = "32";

/// root/{outside.txt, outdir/, box/{inside.txt, sub/, out_link, abs_link,
/// loop1, loop2, updir}}; `box` is the guest's directory.
fn sandbox() -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let r = root.path();
    std::fs::write(r.join("outside.txt"), "secret").unwrap();
    std::fs::create_dir(r.join("outdir")).unwrap();
    let b = r.join("box");
    std::fs::create_dir_all(b.join("sub")).unwrap();
    std::fs::write(b.join("inside.txt"), "inside").unwrap();
    symlink("../outside.txt", b.join("out_link")).unwrap();
    symlink(r.join("outside.txt"), b.join("abs_link")).unwrap();
    symlink("loop2", b.join("loop1")).unwrap();
    symlink("loop1", b.join("loop2")).unwrap();
    symlink("..", b.join("updir")).unwrap();
    root
}

/// Every path under `dir` with its kind and contents (or link target).
fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&p).unwrap();
            let what = if meta.file_type().is_symlink() {
                format!("link {:?}", std::fs::read_link(&p).unwrap())
            } else if meta.is_dir() {
                stack.push(p.clone());
                "dir".to_string()
            } else {
                format!("file {:?}", std::fs::read(&p).unwrap())
            };
            out.push((p.strip_prefix(dir).unwrap().to_path_buf(), what));
        }
    }
    out.sort();
    out
}

/// Runs `cmds` (a YAML list; `ROOT` stands for the sandbox's absolute path)
/// and checks the output ends with `want`, with nothing changed on disk.
fn attempt(cmds: &str, want: &str) {
    let root = sandbox();
    let r = root.path();
    let before = snapshot(r);
    let cmds = cmds.replace("ROOT", r.to_str().unwrap());
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\nro: !file {{path: {}}}\ncmds: {cmds}\n",
        quoted(r.join("box").to_str().unwrap()),
        quoted(r.join("box/inside.txt").to_str().unwrap()),
    );
    let o = run(&c_guest("fstool"), &body);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.ends_with(want),
        "{cmds}: got {text:?}, want it to end with {want:?}"
    );
    assert_eq!(snapshot(r), before, "{cmds} changed the file system");
}

macro_rules! cases {
    ($($name:ident: $cmds:expr => $want:expr;)*) => {
        $(
            #[test]
            fn $name() {
                attempt($cmds, &$want);
            }
        )*
    };
}

cases! {
    dotdot_read: "[[cat, ../outside.txt]]" => format!("cat {NOTCAPABLE}\n");
    dotdot_after_subdir: "[[cat, sub/../../outside.txt]]" => format!("cat {NOTCAPABLE}\n");
    absolute_path: "[[cat, \"ROOT/outside.txt\"]]" => format!("cat {NOTCAPABLE}\n");
    symlink_relative_outside: "[[cat, out_link]]" => format!("cat {NOTCAPABLE}\n");
    symlink_absolute: "[[cat, abs_link]]" => format!("cat {NOTCAPABLE}\n");
    symlink_loop: "[[cat, loop1]]" => format!("cat {LOOP}\n");
    symlinked_parent_dir: "[[cat, updir/outside.txt]]" => format!("cat {NOTCAPABLE}\n");
    create_outside: "[[write, ../created.txt, x]]" => format!("write {NOTCAPABLE}\n");
    create_through_symlinked_dir: "[[write, updir/created.txt, x]]" => format!("write {NOTCAPABLE}\n");
    write_over_symlink_without_following: "[[write, out_link, x]]" => format!("write {LOOP}\n");
    mkdir_outside: "[[mkdir, ../newdir]]" => format!("mkdir {NOTCAPABLE}\n");
    mkdir_absolute: "[[mkdir, \"ROOT/newdir\"]]" => format!("mkdir {NOTCAPABLE}\n");
    unlink_outside: "[[unlink, ../outside.txt]]" => format!("unlink {NOTCAPABLE}\n");
    rmdir_parent: "[[rmdir, ..]]" => format!("rmdir {NOTCAPABLE}\n");
    rename_out_of_the_directory: "[[rename, inside.txt, ../stolen.txt]]" => format!("rename {NOTCAPABLE}\n");
    rename_into_the_directory: "[[rename, ../outside.txt, grabbed.txt]]" => format!("rename {NOTCAPABLE}\n");
    rename_into_symlinked_dir: "[[rename, inside.txt, updir/stolen.txt]]" => format!("rename {NOTCAPABLE}\n");
    hard_link_to_outside: "[[link, ../outside.txt, hard]]" => format!("link {NOTCAPABLE}\n");
    symlink_placed_outside: "[[symlink, x, ../evil]]" => format!("symlink {NOTCAPABLE}\n");
    readlink_outside: "[[readlink, ../outdir]]" => format!("readlink {NOTCAPABLE}\n");
    stat_outside: "[[stat, ../outside.txt]]" => format!("stat {NOTCAPABLE}\n");
    stat_following_link_outside: "[[stat, out_link]]" => format!("stat {NOTCAPABLE}\n");
    list_parent: "[[ls, ..]]" => format!("ls {NOTCAPABLE}\n");
    write_to_read_only_fd: "[[write_fd, 2]]" => format!("write_fd {NOTCAPABLE}\n");
    fd_never_injected: "[[write_fd, 9]]" => format!("write_fd {BADF}\n");
    fd_never_injected_read: "[[read_fd, 3]]" => format!("read_fd {BADF}\n");
    directory_without_lookup_rights: "[[drop, 1, 0x8000, 0], [cat, inside.txt]]" => format!("drop 0\ncat {NOTCAPABLE}\n");
    fd_stat_put_adds_base_rights: "[[drop, 2, 0x42, 0]]" => format!("drop {NOTCAPABLE}\n");
    fd_stat_put_adds_inheriting_rights: "[[drop, 1, 0x8000, 0], [drop, 1, 0x8000, 2]]" => format!("drop 0\ndrop {NOTCAPABLE}\n");
    open_beyond_inheriting_rights: "[[drop, 1, 0x4000, 2], [open_rights, inside.txt, 0x40]]" => format!("drop 0\nopen_rights {NOTCAPABLE}\n");
}

#[test]
fn allowed_operations_still_work() {
    // The same sandbox, used legitimately: the link itself may be inspected,
    // files inside read.
    let root = sandbox();
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: [[lstat, out_link], [readlink, out_link], [cat, sub/../inside.txt]]\n",
        quoted(root.path().join("box").to_str().unwrap())
    );
    let o = run(&c_guest("fstool"), &body);
    assert_eq!(
        stdout(&o),
        "data:type=144 size=14\nlstat 0\ndata:../outside.txt\nreadlink 0\ndata:inside\ncat 0\n"
    );
}
