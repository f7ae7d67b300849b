//! End-to-end runs of the test guests through `cloudabi-run`.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

use common::*;

fn dir_config(dir: &std::path::Path, cmds: &str) -> String {
    format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: {cmds}\n",
        quoted(dir.to_str().unwrap())
    )
}

#[test]
fn hello_c_to_stdout() {
    let o = run(&c_guest("hello"), "out: !fd stdout\n");
    assert_eq!(stdout(&o), "Hello, World!\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn hello_whole_argdata_is_the_fd() {
    let o = run(&c_guest("hello"), "!fd stdout\n");
    assert_eq!(stdout(&o), "Hello, World!\n");
}

/// `cloudabi-run prog | head -c0`: writing into a pipe no one reads ends
/// the guest by SIGPIPE, as on the reference kernel (dofilewrite), and the
/// launcher with it.
#[test]
fn writing_into_a_pipe_with_no_reader_ends_by_sigpipe() {
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    let (reader, writer) = rustix::pipe::pipe().unwrap();
    drop(reader);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .arg(c_guest("hello"))
        .stdin(Stdio::piped())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{HEADER}out: !fd stdout\n").as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.signal(), Some(libc::SIGPIPE), "{o:?}");
}

#[test]
fn stdio_is_absent_unless_injected() {
    // Only stderr is given, so the guest's fd 0 is host stderr.
    let o = run(&c_guest("hello"), "out: !fd stderr\ngreeting: hi there\n");
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "hi there");
}

#[test]
fn trace_prints_decoded_calls() {
    let exe = c_guest("hello");
    let o = run_with(
        &["--trace", exe.to_str().unwrap()],
        &format!("{HEADER}out: !fd stdout\n"),
    );
    let err = stderr(&o);
    assert!(
        err.contains("fd_write(fd=0, iovs=[1 ciovec, 14 bytes]) = Ok(14)"),
        "{err}"
    );
    assert!(err.contains("proc_exit(rval=0)"), "{err}");
}

#[test]
fn dump_prints_the_argdata() {
    let o = run_with(
        &["--dump"],
        &format!("{HEADER}a: [1, !fd stdout, x]\nb: !fd stdout\nc: !fd stderr\n"),
    );
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.starts_with(HEADER), "{text}");
    assert!(text.contains("!fd \"0\""), "{text}");
    assert!(text.contains("!fd \"1\""), "{text}");
    assert!(text.contains("!!int \"1\""), "{text}");
}

#[test]
fn one_host_fd_named_twice_is_one_guest_fd() {
    // Numbered where it first appears, as upstream cloudabi-run's Argdata
    // serializer numbers process fds.
    let o = run_with(
        &["--dump"],
        &format!("{HEADER}a: !fd stdout\nb: !fd stderr\nc: !fd 1\n"),
    );
    let text = stdout(&o);
    let fds: Vec<&str> = text.lines().filter(|l| l.contains("!fd")).collect();
    assert_eq!(
        fds,
        [r#"  : !fd "0","#, r#"  : !fd "1","#, r#"  : !fd "0","#],
        "{text}"
    );
}

#[test]
fn reads_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a.txt"), "file contents").unwrap();
    let o = run(
        &c_guest("fstool"),
        &dir_config(tmp.path(), "[[cat, a.txt]]"),
    );
    assert_eq!(stdout(&o), "data:file contents\ncat 0\n", "{}", stderr(&o));
}

#[test]
fn reads_an_injected_file_fd() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("b.txt");
    std::fs::write(&f, "xyz").unwrap();
    let body = format!(
        "out: !fd stdout\nf: !file {{path: {}}}\ncmds: [[stat_fd, 1], [read_fd, 1]]\n",
        quoted(f.to_str().unwrap())
    );
    let o = run(&c_guest("fstool"), &body);
    let text = stdout(&o);
    assert!(text.contains("data:type=96 "), "{text}");
    assert!(text.contains("read_fd 0"), "{text}");
}

#[test]
fn lists_a_directory() {
    let tmp = tempfile::tempdir().unwrap();
    for name in ["one", "two", "three"] {
        std::fs::write(tmp.path().join(name), name).unwrap();
    }
    std::fs::create_dir(tmp.path().join("sub")).unwrap();
    let o = run(&c_guest("fstool"), &dir_config(tmp.path(), "[[ls]]"));
    let text = stdout(&o);
    let mut names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("entry:"))
        .collect();
    names.sort();
    assert_eq!(names, ["one", "sub", "three", "two"], "{text}");
    assert!(text.ends_with("ls 0\n"));
}

#[test]
fn lists_a_large_directory_in_several_calls() {
    let tmp = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(tmp.path().join(format!("file-with-a-long-name-{i:04}")), "").unwrap();
    }
    let o = run(&c_guest("fstool"), &dir_config(tmp.path(), "[[ls]]"));
    let text = stdout(&o);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("entry:")).count(),
        300
    );
}

#[test]
fn creates_renames_and_unlinks() {
    let tmp = tempfile::tempdir().unwrap();
    let cmds = "[[write, new.txt, hello], [rename, new.txt, moved.txt], [cat, moved.txt], \
                [mkdir, d], [link, moved.txt, d/hard], [symlink, ../moved.txt, d/soft], \
                [readlink, d/soft], [cat, d/soft], [stat, d/hard], [unlink, moved.txt], \
                [create, moved.txt, again], [create, moved.txt, twice], [rmdir, d]]";
    let o = run(&c_guest("fstool"), &dir_config(tmp.path(), cmds));
    let text = stdout(&o);
    let want = "write 0\nrename 0\ndata:hello\ncat 0\nmkdir 0\nlink 0\nsymlink 0\n\
                data:../moved.txt\nreadlink 0\ndata:hello\ncat 0\ndata:type=96 size=5\nstat 0\n\
                unlink 0\ncreate 0\ncreate 20\nrmdir 55\n";
    assert_eq!(text, want, "{}", stderr(&o));
    assert!(!tmp.path().join("new.txt").exists());
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("moved.txt")).unwrap(),
        "again"
    );
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("d/hard")).unwrap(),
        "hello"
    );
}

#[test]
fn tcp_echo_over_a_connected_socket() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let msg = b"ping over tcp, echoed by a CloudABI guest";
        s.write_all(msg).unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut back = Vec::new();
        s.read_to_end(&mut back).unwrap();
        assert_eq!(back, msg);
    });
    let body = format!("out: !fd stdout\ncmd: echo\nsock: !socket {{connect: \"{addr}\"}}\n");
    let o = run(&rust_guest(), &body);
    server.join().unwrap();
    assert_eq!(stdout(&o), "echoed 41\n", "{}", stderr(&o));
}

#[test]
fn tcp_socket_bound_on_loopback_accepts_connections() {
    // Pick a free port, then let the launcher bind it.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let body = format!(
        "out: !fd stdout\ncmd: wait_readable\nfd: !socket {{bind: \"127.0.0.1:{port}\"}}\n"
    );
    let exe = rust_guest();
    let client = std::thread::spawn(move || {
        for _ in 0..200 {
            if let Ok(s) = TcpStream::connect(("127.0.0.1", port)) {
                return s;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("the guest's socket never listened");
    });
    let o = run(&exe, &body);
    drop(client.join().unwrap());
    assert_eq!(stdout(&o), "poll errno 0\nfired 7\n", "{}", stderr(&o));
}

#[test]
fn unix_socket_echo() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("echo.sock");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.write_all(b"over unix").unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut back = String::new();
        s.read_to_string(&mut back).unwrap();
        back
    });
    let body = format!(
        "out: !fd stdout\ncmd: echo\nsock: !socket {{connect: {}}}\n",
        quoted(path.to_str().unwrap())
    );
    let o = run(&rust_guest(), &body);
    assert_eq!(server.join().unwrap(), "over unix");
    assert_eq!(stdout(&o), "echoed 9\n", "{}", stderr(&o));
}

#[test]
fn proc_exec_starts_a_second_guest() {
    let hello = c_guest("hello");
    let body = format!(
        "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
        quoted(hello.to_str().unwrap())
    );
    let o = run(&rust_guest(), &body);
    assert_eq!(stdout(&o), "Hello, World!\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn proc_exec_refuses_a_non_cloudabi_file() {
    let tmp = tempfile::tempdir().unwrap();
    let f = tmp.path().join("script");
    std::fs::write(&f, "#!/bin/sh\necho no\n").unwrap();
    let exec = |expected: &str| {
        let body = format!(
            "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
            quoted(f.to_str().unwrap())
        );
        let o = run(&rust_guest(), &body);
        assert_eq!(stdout(&o), expected);
    };
    // exec_check_permissions first: without execute permission, EACCES (2);
    // then the image activators: not a CloudABI program, ENOEXEC (45).
    exec("exec failed 2\n");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o755)).unwrap();
    exec("exec failed 45\n");
}

#[test]
fn poll_with_a_relative_clock_timeout() {
    let o = run(&rust_guest(), "out: !fd stdout\ncmd: poll\nms: 40\n");
    assert_eq!(
        stdout(&o),
        "poll errno 0\nnevents 1\nuserdata 4660\ntype 1\nerror 0\nwaited enough 1\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn memory_the_guest_does_not_own_stays_out_of_reach() {
    // Mapping over, unmapping or protecting the vDSO, the emulator's code,
    // the start-up data or the stack is refused (ENOMEM for MAP_FIXED,
    // EINVAL otherwise: they are not holes the guest could unmap, and not
    // its own); syncing them is ENOMEM (not the guest's mapping).
    let o = run(&c_guest("memwall"), "out: !fd stdout\n");
    let mut want = String::new();
    for what in ["vdso", "emulator", "argdata", "stack"] {
        want.push_str(&format!(
            "{what}_fixed 48\n{what}_unmap 28\n{what}_protect 28\n{what}_advise 28\n{what}_sync 48\n"
        ));
    }
    want.push_str("own 0\nalive 0\n");
    assert_eq!(stdout(&o), want, "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}
