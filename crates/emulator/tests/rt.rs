//! Programs on the Rust runtime (crates/rt) under `cloudabi-run`: its
//! examples (cat, tree, echo-server, sha256sum, hello), the runtime's own
//! test programs (threads, locks, files, descriptor passing, panics, the
//! allocator under stress), and a package made like `xtask guest new`.
//! Everything is built once per test binary, in release mode, with
//! `cloudabi-guest-build` (the code behind `cargo xtask guest build`).
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::os::unix::net::UnixListener;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn path(p: &Path) -> String {
    quoted(p.to_str().unwrap())
}

/// Runs `exe` with `body` as configuration and `input` on descriptor 3
/// (`!fd 3` in the configuration), since stdin carries the configuration.
fn run_with_fd3(exe: &Path, body: &str, input: &[u8]) -> Output {
    let tmp = tempfile::tempdir().unwrap();
    let yaml = tmp.path().join("config.yaml");
    std::fs::write(&yaml, format!("{HEADER}{body}")).unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(r#"exec "$0" "$1" 3<&0 <"$2""#)
        .arg(env!("CARGO_BIN_EXE_cloudabi-run"))
        .arg(exe)
        .arg(&yaml)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let o = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    o
}

#[test]
fn hello_greets() {
    let o = run(&rt_example("hello"), "out: !fd stdout\nname: CloudABI\n");
    assert_eq!(stdout(&o), "Hello, CloudABI!\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn examples_are_cloudabi_static_pies() {
    for name in ["cat", "tree", "echo-server", "sha256sum", "hello"] {
        let bytes = std::fs::read(rt_example(name)).unwrap();
        assert_eq!(bytes[7], 17, "EI_OSABI of {name}");
        cloudabi_guest_build::check_executable(&bytes).unwrap();
    }
}

#[test]
fn cat_copies_files_and_a_pipe_in_order() {
    let tmp = tempfile::tempdir().unwrap();
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 + i / 251) as u8).collect();
    std::fs::write(tmp.path().join("big"), &big).unwrap();
    std::fs::write(tmp.path().join("small"), "small file\n").unwrap();
    let piped = b"through a pipe\n".repeat(5000);
    let body = format!(
        "inputs:\n  - !file {{path: {}}}\n  - !fd 3\n  - !file {{path: {}}}\nout: !fd stdout\nerr: !fd stderr\n",
        path(&tmp.path().join("small")),
        path(&tmp.path().join("big")),
    );
    let o = run_with_fd3(&rt_example("cat"), &body, &piped);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let mut want = b"small file\n".to_vec();
    want.extend_from_slice(&piped);
    want.extend_from_slice(&big);
    assert!(
        o.stdout == want,
        "cat wrote {} bytes, want {}",
        o.stdout.len(),
        want.len()
    );
}

#[test]
fn cat_reports_a_bad_input_by_position() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("a"), "first\n").unwrap();
    let body = format!(
        "inputs: [!file {{path: {}}}, not a descriptor]\nout: !fd stdout\nerr: !fd stderr\n",
        path(&tmp.path().join("a"))
    );
    let o = run(&rt_example("cat"), &body);
    assert_eq!(stdout(&o), "first\n");
    assert_eq!(stderr(&o), "error: inputs[1]: expected fd, found str\n");
    assert_eq!(o.status.code(), Some(1));
    // Without an `err` descriptor the program still fails, silently.
    let o = run(&rt_example("cat"), "inputs: [3]\nout: !fd stdout\n");
    assert_eq!((stdout(&o).as_str(), stderr(&o).as_str()), ("", ""));
    assert_eq!(o.status.code(), Some(1));
}

/// Every path beneath `dir`, relative, sorted bytewise, as `tree` prints it.
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        out.push(rel.clone());
        if e.file_type().unwrap().is_dir() {
            walk(&e.path(), &rel, out);
        }
    }
}

#[test]
fn tree_lists_every_path_sorted() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    for d in [
        "a",
        "a/b",
        "a/b/c",
        "a-b",
        "empty",
        "wide",
        "Z",
        "spaced name",
        "ünïcode",
    ] {
        std::fs::create_dir(root.join(d)).unwrap();
    }
    for f in [
        "a/file",
        "a/b/c/deep",
        "a-b/x",
        "top.txt",
        "spaced name/f g",
        "ünïcode/ß",
    ] {
        std::fs::write(root.join(f), f).unwrap();
    }
    // Enough entries that the listing takes several file_readdir calls.
    for i in 0..400 {
        std::fs::write(root.join(format!("wide/entry-with-a-long-name-{i:04}")), "").unwrap();
    }
    // A link to a directory is listed, not followed.
    std::os::unix::fs::symlink("a", root.join("link-to-a")).unwrap();
    let mut want = Vec::new();
    walk(root, "", &mut want);
    want.sort();
    let o = run(
        &rt_example("tree"),
        &format!(
            "dir: !file {{path: {}}}\nout: !fd stdout\nerr: !fd stderr\n",
            path(root)
        ),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let got: Vec<&str> = text.lines().collect();
    assert_eq!(got, want);
    assert!(got.contains(&"link-to-a") && !got.contains(&"link-to-a/file"));
    // Bytewise: "a-b" ('-' is 0x2d) sorts before "a/b" ('/' is 0x2f), "Z" before "a".
    let pos = |p: &str| got.iter().position(|g| *g == p).unwrap();
    assert!(pos("Z") < pos("a") && pos("a-b") < pos("a/b"));
    assert_eq!(got.len(), 9 + 6 + 400 + 1);
}

#[test]
fn tree_of_a_file_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("f"), "").unwrap();
    let body = format!(
        "dir: !file {{path: {}}}\nout: !fd stdout\nerr: !fd stderr\n",
        path(&tmp.path().join("f"))
    );
    let o = run(&rt_example("tree"), &body);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "error: argument `dir`: descriptor 0 is a regular file, not a directory\n"
    );
}

#[test]
fn sha256sum_matches_known_digests() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("empty"), "").unwrap();
    std::fs::write(tmp.path().join("abc"), "abc").unwrap();
    std::fs::write(tmp.path().join("million"), "a".repeat(1_000_000)).unwrap();
    let file = |n: &str| format!("!file {{path: {}}}", path(&tmp.path().join(n)));
    let body = format!(
        "inputs: {{empty: {}, abc: {}, a million a: {}}}\nout: !fd stdout\nerr: !fd stderr\n",
        file("empty"),
        file("abc"),
        file("million")
    );
    let o = run(&rt_example("sha256sum"), &body);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // FIPS 180-2 test vectors.
    assert_eq!(
        stdout(&o),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  empty\n\
         ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  abc\n\
         cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0  a million a\n"
    );
    let o = run_with_fd3(
        &rt_example("sha256sum"),
        "inputs: [!fd 3]\nout: !fd stdout\n",
        b"abc",
    );
    assert_eq!(
        stdout(&o),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n"
    );
}

/// Plays the part of what accepts connections for a CloudABI server: takes
/// TCP connections and passes each to the program over a UNIX socket, as a
/// descriptor with one byte of data (what `accept: pass` does in the
/// launcher).
struct Acceptor {
    tcp: TcpListener,
    channel: std::os::unix::net::UnixStream,
}

impl Acceptor {
    fn pass_next(&self) {
        let (conn, _) = self.tcp.accept().unwrap();
        let fds = [std::os::fd::AsFd::as_fd(&conn)];
        let mut space = [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
        let mut control = rustix::net::SendAncillaryBuffer::new(&mut space);
        assert!(control.push(rustix::net::SendAncillaryMessage::ScmRights(&fds)));
        let n = rustix::net::sendmsg(
            &self.channel,
            &[std::io::IoSlice::new(b"c")],
            &mut control,
            rustix::net::SendFlags::empty(),
        )
        .unwrap();
        assert_eq!(n, 1);
    }
}

/// What the echo-server test clients send: a greeting each, then this
/// payload.
fn payload() -> Vec<u8> {
    (0..200_000u32).map(|i| (i % 253) as u8).collect()
}

/// Drives an echo-server started with `connections: 3`: `connect` makes
/// each client's connection (and gets it to the server). Three clients stay
/// connected at once, each waiting for its echo before any of them closes
/// (a server that served one connection at a time would never answer the
/// second); then each sends a bigger payload and ends its stream, and must
/// get all of it back. Checks the server's summary and exit status.
fn check_echo_server(server: std::process::Child, connect: impl Fn() -> TcpStream) {
    let mut clients = Vec::new();
    for i in 0..3u8 {
        let mut c = connect();
        c.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let hello = format!("hello from client {i}\n");
        c.write_all(hello.as_bytes()).unwrap();
        let mut back = vec![0; hello.len()];
        c.read_exact(&mut back).unwrap();
        assert_eq!(back, hello.as_bytes());
        clients.push(c);
    }
    let payload = payload();
    let echoers: Vec<_> = clients
        .into_iter()
        .map(|mut c| {
            let payload = payload.clone();
            std::thread::spawn(move || {
                let mut reader = c.try_clone().unwrap();
                let back = std::thread::spawn(move || {
                    let mut all = Vec::new();
                    reader.read_to_end(&mut all).unwrap();
                    all
                });
                c.write_all(&payload).unwrap();
                c.shutdown(Shutdown::Write).unwrap();
                back.join().unwrap()
            })
        })
        .collect();
    for e in echoers {
        assert!(e.join().unwrap() == payload, "an echo differs");
    }
    let o = wait_output(server);
    let per_client = "hello from client 0\n".len() + payload.len();
    assert_eq!(
        stdout(&o),
        format!("echoed {} bytes over 3 connections\n", 3 * per_client),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(0));
}

/// Connections passed as descriptors over a socket the program was given
/// (`connect:` to a UNIX socket where this test plays the acceptor).
#[test]
fn echo_server_serves_connections_passed_to_it() {
    let tmp = tempfile::tempdir().unwrap();
    let sock = tmp.path().join("acceptor.sock");
    let unix = UnixListener::bind(&sock).unwrap();
    let tcp = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = tcp.local_addr().unwrap();
    let body = format!(
        "{HEADER}listener: !socket {{connect: {}}}\nconnections: 3\nout: !fd stdout\nerr: !fd stderr\n",
        path(&sock)
    );
    let server = spawn_with(&[rt_example("echo-server").to_str().unwrap()], &body);
    let (channel, _) = unix.accept().unwrap();
    let acceptor = Acceptor { tcp, channel };
    check_echo_server(server, || {
        let c = TcpStream::connect(addr).unwrap();
        acceptor.pass_next();
        c
    });
}

/// A real TCP listener: `accept: pass` makes the launcher accept and pass
/// the connections; the program is the same.
#[test]
fn echo_server_serves_tcp_connections_the_launcher_accepts() {
    let port = free_port();
    let body = format!(
        "{HEADER}listener: !socket {{bind: 127.0.0.1:{port}, accept: pass}}\nconnections: 3\n\
         out: !fd stdout\nerr: !fd stderr\n"
    );
    let server = spawn_with(&[rt_example("echo-server").to_str().unwrap()], &body);
    check_echo_server(server, || connect_when_listening(port));
    // The acceptor went with the program: nothing listens any more.
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_ok() {
        assert!(Instant::now() < deadline, "port {port} still listens");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Starts example `name` as the README shows, from the repository root
/// with its own `crates/rt/examples/NAME.yaml` on stdin (`edit` adjusts
/// the YAML first).
fn spawn_shipped(name: &str, edit: impl Fn(String) -> String) -> std::process::Child {
    let yaml =
        std::fs::read_to_string(repo().join(format!("crates/rt/examples/{name}.yaml"))).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .arg(rt_example(name))
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(edit(yaml).as_bytes());
    child
}

/// Each example's YAML next to it runs as shipped (echo-server's on a
/// free port instead of 8080), with the output its README line promises.
#[test]
fn the_shipped_example_configurations_run() {
    let shipped = |name: &str| {
        let o = wait_output(spawn_shipped(name, |y| y));
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        stdout(&o)
    };
    assert_eq!(shipped("hello"), "Hello, CloudABI!\n");
    let examples = repo().join("crates/rt/examples");
    assert_eq!(
        shipped("cat"),
        std::fs::read_to_string(examples.join("cat.rs")).unwrap()
    );
    let mut want = Vec::new();
    walk(&repo().join("crates/rt"), "", &mut want);
    want.sort();
    assert_eq!(shipped("tree").lines().collect::<Vec<_>>(), want);
    let sums = shipped("sha256sum");
    let names: Vec<&str> = sums
        .lines()
        .map(|l| {
            let (digest, name) = l.split_once("  ").unwrap();
            assert!(digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()));
            name
        })
        .collect();
    assert_eq!(names, ["cat.rs", "tree.rs"], "{sums}");
    let port = free_port();
    let yaml = |y: String| {
        assert!(y.contains("bind: 127.0.0.1:8080, accept: pass"), "{y}");
        y.replace("127.0.0.1:8080", &format!("127.0.0.1:{port}"))
    };
    check_echo_server(spawn_shipped("echo-server", yaml), || {
        connect_when_listening(port)
    });
}

fn selftest(body: &str) -> Output {
    run(
        &rt_example("selftest"),
        &format!("out: !fd stdout\nerr: !fd stderr\n{body}"),
    )
}

fn selftest_ok(body: &str) -> String {
    let o = selftest(body);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{body}: {}{}",
        stdout(&o),
        stderr(&o)
    );
    stdout(&o)
}

#[test]
fn threads_share_a_mutex() {
    assert_eq!(
        selftest_ok("cmd: threads\nthreads: 8\nrounds: 5000\n"),
        "counter 40000\ndistinct ids 9\n"
    );
}

#[test]
fn detached_threads_run_to_the_end() {
    assert_eq!(selftest_ok("cmd: detached\n"), "detached finished 20\n");
}

#[test]
fn condition_variables_hand_over_and_time_out() {
    assert_eq!(
        selftest_ok("cmd: condvar\n"),
        "consumed sum 50005000\ntimed out true\nwaited enough true\n"
    );
}

#[test]
fn clocks_sleep_and_random() {
    assert_eq!(
        selftest_ok("cmd: clock\n"),
        "slept enough true\nafter 2020 true\nnow parses true\n"
    );
    assert_eq!(selftest_ok("cmd: random\n"), "random differs true\n");
}

#[test]
fn files_beneath_a_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let out = selftest_ok(&format!(
        "cmd: files\ndir: !file {{path: {}}}\n",
        path(tmp.path())
    ));
    assert_eq!(
        out,
        "read back Some(\"hello, files\\n\")\nsize 13\nlink points to Some(\"sub/b.txt\")\n\
         through link Some(\"hello, files\\n\")\nappended Some(\"hello, files\\nmore\\n\")\n\
         entries [\"link\", \"sub\"]\n\
         missing is ENOENT true: opening `nope`: No such file or directory (ENOENT)\n\
         escape is ENOTCAPABLE true\nfile as dir is ENOTDIR true\nleft 0\n"
    );
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[test]
fn descriptors_pass_over_sockets() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("f"), "content\n").unwrap();
    let out = selftest_ok(&format!(
        "cmd: fdpass\nfile: !file {{path: {}}}\n",
        path(&tmp.path().join("f"))
    ));
    assert_eq!(
        out,
        "received 1 bytes and 1 descriptors\na new descriptor true\ncontent \"content\\n\"\n\
         accepted and got Some(\"ping\")\nthen end true\n"
    );
}

#[test]
fn arguments_are_checked_and_descriptors_taken_once() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("f"), "").unwrap();
    let out = selftest_ok(&format!(
        // stdin: a host fd of its own (one named twice would be one guest fd).
        "cmd: args\nname: joe\nfd: !fd stdin\nfile: !file {{path: {}}}\n",
        path(&tmp.path().join("f"))
    ));
    assert_eq!(
        out,
        "argument `name`: expected int, found str\nargument `absent` is missing\n\
         argument `name`: expected fd, found str\nok\n\
         argument `fd`: descriptor 2 was already taken from the arguments\n\
         argument `file`: descriptor 3 is a regular file, not a directory\ndefault 5\n"
    );
}

#[test]
fn main_returns_status_and_errors() {
    let o = selftest("cmd: exit\n");
    assert_eq!(o.status.code(), Some(7));
    let o = selftest("cmd: error\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o), "error: doing the thing: it went wrong\n");
}

#[test]
fn a_panic_prints_and_raises_sigabrt() {
    let o = selftest("cmd: panic\n");
    assert_eq!(
        stderr(&o),
        "panicked at testprogs/selftest.rs:38:20:\nboom: 42\n"
    );
    assert_eq!(o.status.signal(), Some(6), "{:?}", o.status);
    // Without a descriptor for it, the message goes nowhere.
    let o = run(&rt_example("selftest"), "out: !fd stdout\ncmd: panic\n");
    assert_eq!(stderr(&o), "");
    assert_eq!(o.status.signal(), Some(6));
}

#[test]
fn a_failed_print_panics_instead_of_losing_output() {
    // Descriptor 3 is the read end of a pipe: every write to it fails, and
    // `println!` must not let the program go on to exit 0 without its output.
    let body = "out: !fd 3\nerr: !fd stderr\ncmd: threads\nthreads: 1\nrounds: 1\n";
    let o = run_with_fd3(&rt_example("selftest"), body, b"");
    assert_eq!(o.status.signal(), Some(6), "{:?} {}", o.status, stderr(&o));
    assert!(
        stderr(&o).contains("failed printing to stdout: "),
        "{}",
        stderr(&o)
    );
}

/// Resident anonymous memory of a process, from /proc, in bytes.
fn rss_anon(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("RssAnon:"))
        .and_then(|v| v.trim().strip_suffix("kB"))
        .and_then(|v| v.trim().parse().ok())
        .expect("RssAnon in /proc/PID/status");
    kb * 1024
}

#[test]
fn allocator_survives_eight_threads_and_gives_memory_back() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .arg(rt_example("alloc-stress"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let body = format!("{HEADER}out: !fd stdout\nthreads: 8\nseconds: 3\n");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(body.as_bytes())
        .unwrap();
    let pid = child.id();
    let mut facts = std::collections::HashMap::new();
    let mut rss = std::collections::HashMap::new();
    let mut report = String::new();
    for line in BufReader::new(child.stdout.take().unwrap()).lines() {
        let line = line.unwrap();
        report.push_str(&line);
        report.push('\n');
        if let Some(phase) = line.strip_prefix("phase ") {
            // The program sleeps 300 ms after each phase line.
            rss.insert(phase.to_string(), rss_anon(pid));
        } else if let Some((k, v)) = line.rsplit_once(' ') {
            facts.insert(k.to_string(), v.parse::<u64>().unwrap_or(0));
        }
    }
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{report}{err}");
    eprintln!("{report}RSS (anonymous, whole emulator process): {rss:?}");
    let f = |k: &str| {
        *facts
            .get(k)
            .unwrap_or_else(|| panic!("no `{k}` in:\n{report}"))
    };
    assert_eq!(f("corrupt"), 0, "{report}");
    assert!(f("ops") > 1000, "{report}");
    // Each thread held 8 MiB at the end: 64 MiB in all.
    assert!(
        f("committed holding") >= f("committed start") + (64 << 20),
        "{report}"
    );
    assert!(f("committed peak") >= f("committed holding"), "{report}");
    // Freed: at most the 4 MiB cache and a few slabs stay committed...
    assert!(
        f("committed freed") <= f("committed start") + (8 << 20),
        "{report}"
    );
    // ...and after trim, next to nothing.
    assert!(
        f("committed trimmed") <= f("committed start") + (2 << 20),
        "{report}"
    );
    // Seen from outside: the memory really went back to the system.
    assert!(rss["freed"] + (48 << 20) < rss["holding"], "{rss:?}");
    assert!(rss["trimmed"] <= rss["freed"], "{rss:?}");
}

/// A package as `cargo xtask guest new` makes it, built and run: with its
/// greeting, then with a directory granted.
#[test]
fn a_new_guest_package_builds_and_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my-first");
    let name = cloudabi_guest_build::new_crate(&dir, &repo().join("crates/rt")).unwrap();
    assert_eq!(name, "my-first");
    // Share the examples' build directory: the runtime is built already.
    let mut build = cloudabi_guest_build::Build::new(
        &dir,
        cloudabi_guest_build::Targets::Bins,
        true,
        &rt_target(),
    );
    build.out_dir = tmp.path().join("out");
    let built = build.run().unwrap();
    assert_eq!(built, [tmp.path().join("out/my-first")]);
    let yaml = std::fs::read_to_string(dir.join("my-first.yaml")).unwrap();
    let o = run_with(&[built[0].to_str().unwrap()], &yaml);
    assert_eq!(stdout(&o), "Hello from my-first!\n", "{}", stderr(&o));
    let granted = yaml.replace(
        "# dir: !file {path: .}",
        &format!("dir: !file {{path: {}}}", path(&dir)),
    );
    let o = run_with(&[built[0].to_str().unwrap()], &granted);
    assert_eq!(
        stdout(&o),
        "Hello from my-first!\nThe directory I was given holds 5 entries:\n  .gitignore\n  Cargo.lock\n  Cargo.toml\n  my-first.yaml\n  src\n",
        "{}",
        stderr(&o)
    );
    let one = yaml.replace(
        "# dir: !file {path: .}",
        &format!("dir: !file {{path: {}}}", path(&dir.join("src"))),
    );
    let o = run_with(&[built[0].to_str().unwrap()], &one);
    assert_eq!(
        stdout(&o),
        "Hello from my-first!\nThe directory I was given holds 1 entry:\n  main.rs\n",
        "{}",
        stderr(&o)
    );
}
