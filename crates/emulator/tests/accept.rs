//! `!socket {bind: ADDRESS, accept: pass}`: the launcher's acceptor process
//! accepts TCP connections and passes them to the program, which holds only
//! its end of a socket pair. Programs from crates/rt: `echo-server`, and
//! `shared-listener` (the listener across `proc_exec` and `proc_fork`).
//! Everything runs with the sandbox on unless a test says otherwise.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::{Read, Write};
use std::net::{Shutdown, TcpStream};
use std::process::Child;
use std::time::{Duration, Instant};

use common::*;

const WAIT: Duration = Duration::from_secs(20);

/// `/proc/PID/status` field `name`.
fn status_field(pid: u32, name: &str) -> Option<String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .map(|v| v.trim().to_string())
}

/// The acceptor process the launcher `launcher` forked (named
/// `cloudabi-accept`), once it exists.
fn acceptor_of(launcher: u32) -> u32 {
    let deadline = Instant::now() + WAIT;
    loop {
        let children =
            std::fs::read_to_string(format!("/proc/{launcher}/task/{launcher}/children"))
                .unwrap_or_default();
        let found = children
            .split_whitespace()
            .filter_map(|p| p.parse::<u32>().ok())
            .find(|p| status_field(*p, "Name").as_deref() == Some("cloudabi-accept"));
        if let Some(pid) = found {
            return pid;
        }
        assert!(Instant::now() < deadline, "no acceptor process appeared");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Whether process `pid` has ended (gone, or a zombie not yet reaped).
fn ended(pid: u32) -> bool {
    status_field(pid, "State").is_none_or(|s| s.starts_with('Z'))
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The inodes of the sockets process `pid` holds.
fn socket_inodes(pid: u32) -> Vec<u64> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .unwrap()
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter_map(|l| {
            let l = l.to_str()?.to_string();
            l.strip_prefix("socket:[")?.strip_suffix(']')?.parse().ok()
        })
        .collect()
}

/// The listening TCP socket at 127.0.0.1:`port`: its inode and how many
/// connections wait in its accept queue.
fn listening(port: u16) -> Option<(u64, usize)> {
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
    let local = format!("0100007F:{port:04X}");
    table.lines().skip(1).find_map(|line| {
        let f: Vec<&str> = line.split_whitespace().collect();
        // local address, state 0A (LISTEN), tx_queue:rx_queue, ..., inode.
        if f[1] != local || f[3] != "0A" {
            return None;
        }
        let queued = usize::from_str_radix(f[4].split(':').nth(1)?, 16).ok()?;
        Some((f[9].parse().ok()?, queued))
    })
}

fn refused(port: u16) -> bool {
    TcpStream::connect(("127.0.0.1", port))
        .is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionRefused)
}

/// Sends `line` and returns the whole answer.
fn ask(connection: &mut TcpStream, line: &str) -> String {
    connection.write_all(line.as_bytes()).unwrap();
    connection.shutdown(Shutdown::Write).unwrap();
    let mut answer = String::new();
    connection.read_to_string(&mut answer).unwrap();
    answer
}

fn grant(port: u16) -> String {
    format!("listener: !socket {{bind: 127.0.0.1:{port}, accept: pass}}\n")
}

fn echo_server(port: u16, connections: usize, options: &[&str]) -> Child {
    let exe = rt_example("echo-server");
    let mut args = options.to_vec();
    args.push(exe.to_str().unwrap());
    let body = format!(
        "{HEADER}{}connections: {connections}\nout: !fd stdout\nerr: !fd stderr\n",
        grant(port)
    );
    spawn_with(&args, &body)
}

/// A launcher to kill if the test fails while it is stopped or waiting.
struct Guard(Option<Child>);

impl Guard {
    fn pid(&self) -> u32 {
        self.0.as_ref().unwrap().id()
    }

    fn finish(mut self) -> std::process::Output {
        wait_output(self.0.take().unwrap())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(mut c) = self.0.take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Checks that only the acceptor holds the listening socket and how it is
/// confined, serves one connection, and sees the acceptor and the port go
/// with the program.
fn serve_one(options: &[&str], confined: bool) {
    let port = free_port();
    let server = Guard(Some(echo_server(port, 1, options)));
    let acceptor = acceptor_of(server.pid());
    let mut client = connect_when_listening(port);
    let (inode, _) = listening(port).expect("a listening socket");
    assert!(socket_inodes(acceptor).contains(&inode));
    assert!(
        !socket_inodes(server.pid()).contains(&inode),
        "the program's process holds the listening socket"
    );
    // The acceptor keeps stderr, its two sockets, and /dev/null as 0 and 1.
    let fds: Vec<String> = std::fs::read_dir(format!("/proc/{acceptor}/fd"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(fds.len(), 5, "{fds:?}");
    assert_eq!(
        std::fs::read_link(format!("/proc/{acceptor}/fd/0")).unwrap(),
        std::path::Path::new("/dev/null")
    );
    let seccomp = if confined { "2" } else { "0" };
    assert_eq!(status_field(acceptor, "Seccomp").as_deref(), Some(seccomp));
    assert_eq!(
        status_field(server.pid(), "Seccomp").as_deref(),
        Some(seccomp)
    );
    assert_eq!(ask(&mut client, "just once\n"), "just once\n");
    let o = server.finish();
    assert_eq!(
        stdout(&o),
        "echoed 10 bytes over 1 connections\n",
        "{}",
        stderr(&o)
    );
    wait_until("the acceptor ends", || ended(acceptor));
    wait_until("the port closes", || refused(port));
}

#[test]
fn only_the_confined_acceptor_holds_the_listening_socket() {
    serve_one(&[], true);
}

#[test]
fn with_the_sandbox_off_the_acceptor_works_unconfined() {
    serve_one(&["--sandbox=off"], false);
}

/// While the program takes nothing (it is stopped), the launcher holds at
/// most a few connections and the rest wait in the kernel's listen queue;
/// once it runs again, every one is served.
#[test]
fn a_flood_waits_in_the_listen_queue_until_the_program_takes_connections() {
    const CLIENTS: usize = 60;
    let port = free_port();
    let server = Guard(Some(echo_server(port, CLIENTS, &[])));
    let acceptor = acceptor_of(server.pid());
    wait_until("the launcher listens", || listening(port).is_some());
    let pid = rustix::process::Pid::from_raw(server.pid() as i32).unwrap();
    rustix::process::kill_process(pid, rustix::process::Signal::STOP).unwrap();
    let mut clients: Vec<TcpStream> = (0..CLIENTS)
        .map(|_| {
            let c = TcpStream::connect(("127.0.0.1", port)).unwrap();
            c.set_read_timeout(Some(WAIT)).unwrap();
            c
        })
        .collect();
    // Every connection is complete; those not in the accept queue are the
    // acceptor's to pass. Give it time to take all it would.
    let taken = || CLIENTS - listening(port).unwrap().1;
    wait_until("the acceptor takes a connection", || taken() >= 1);
    std::thread::sleep(Duration::from_millis(300));
    let held = taken();
    eprintln!("with the program stopped, {held} of {CLIENTS} connections left the listen queue");
    assert!((1..=3).contains(&held), "{held} connections accepted");
    // None of them in the acceptor itself: only its five fds.
    assert_eq!(
        std::fs::read_dir(format!("/proc/{acceptor}/fd"))
            .unwrap()
            .count(),
        5
    );
    rustix::process::kill_process(pid, rustix::process::Signal::CONT).unwrap();
    let answers: Vec<_> = clients
        .drain(..)
        .enumerate()
        .map(|(i, mut c)| std::thread::spawn(move || ask(&mut c, &format!("client {i}\n"))))
        .collect();
    for (i, a) in answers.into_iter().enumerate() {
        assert_eq!(a.join().unwrap(), format!("client {i}\n"));
    }
    let o = server.finish();
    let bytes: usize = (0..CLIENTS).map(|i| format!("client {i}\n").len()).sum();
    assert_eq!(
        stdout(&o),
        format!("echoed {bytes} bytes over {CLIENTS} connections\n"),
        "{}",
        stderr(&o)
    );
    wait_until("the acceptor ends", || ended(acceptor));
}

/// Connections the program never took are closed when it ends, not left
/// hanging; so is the port.
#[test]
fn connections_not_taken_end_with_the_program() {
    let port = free_port();
    let server = Guard(Some(echo_server(port, 1, &[])));
    let acceptor = acceptor_of(server.pid());
    let mut first = connect_when_listening(port);
    let mut late: Vec<TcpStream> = (0..3).map(|_| connect_when_listening(port)).collect();
    assert_eq!(ask(&mut first, "first\n"), "first\n");
    let o = server.finish();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for c in &mut late {
        let mut buf = [0u8; 16];
        match c.read(&mut buf) {
            Ok(0) => {}
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {}
            other => panic!("a connection not taken: {other:?}"),
        }
    }
    wait_until("the acceptor ends", || ended(acceptor));
    wait_until("the port closes", || refused(port));
}

/// A launcher killed outright takes its acceptor with it: the program's
/// end of the pair closes with the process.
#[test]
fn the_acceptor_ends_when_the_launcher_is_killed() {
    let port = free_port();
    let server = Guard(Some(echo_server(port, 5, &[])));
    let acceptor = acceptor_of(server.pid());
    let mut client = connect_when_listening(port);
    client.write_all(b"hello\n").unwrap();
    let mut back = [0u8; 6];
    client.read_exact(&mut back).unwrap();
    drop(server);
    wait_until("the acceptor ends", || ended(acceptor));
    wait_until("the port closes", || refused(port));
}

/// A UNIX socket path works as the address, the same way.
#[test]
fn a_unix_socket_listener_passes_its_connections_too() {
    let tmp = tempfile::tempdir().unwrap();
    let sock = tmp.path().join("echo.sock");
    let exe = rt_example("echo-server");
    let body = format!(
        "{HEADER}listener: !socket {{bind: {}, accept: pass}}\nconnections: 2\nout: !fd stdout\n",
        quoted(sock.to_str().unwrap())
    );
    let server = Guard(Some(spawn_with(&[exe.to_str().unwrap()], &body)));
    for word in ["first", "second"] {
        wait_until("the socket exists", || sock.exists());
        let mut c = std::os::unix::net::UnixStream::connect(&sock).unwrap();
        c.set_read_timeout(Some(WAIT)).unwrap();
        c.write_all(word.as_bytes()).unwrap();
        c.shutdown(Shutdown::Write).unwrap();
        let mut back = String::new();
        c.read_to_string(&mut back).unwrap();
        assert_eq!(back, word);
    }
    let o = server.finish();
    assert_eq!(
        stdout(&o),
        "echoed 11 bytes over 2 connections\n",
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_port_in_use_is_a_launch_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let o = wait_output(echo_server(port, 1, &[]));
    assert_eq!(o.status.code(), Some(127));
    assert_eq!(
        stderr(&o),
        format!(
            "cloudabi-run: line 3, column 11: !socket 127.0.0.1:{port}: Address already in use (os error 98)\n"
        )
    );
}

fn shared_listener(port: u16, body: &str) -> Guard {
    let exe = rt_example("shared-listener");
    let body = format!(
        "{HEADER}{}out: !fd stdout\nerr: !fd stderr\nself: !executable\n{body}",
        grant(port)
    );
    Guard(Some(spawn_with(&[exe.to_str().unwrap()], &body)))
}

/// A program that execs another, handing on the listener: connections keep
/// coming to the new program from the same acceptor.
#[test]
fn the_listener_works_across_proc_exec() {
    let port = free_port();
    let server = shared_listener(port, "mode: exec\nkeep: true\nconnections: 2\n");
    let acceptor = acceptor_of(server.pid());
    for word in ["one", "two"] {
        let mut c = connect_when_listening(port);
        assert_eq!(
            ask(&mut c, &format!("{word}\n")),
            format!("after exec: {word}\n")
        );
    }
    let o = server.finish();
    assert_eq!(stdout(&o), "served 2 after exec\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
    wait_until("the acceptor ends", || ended(acceptor));
    wait_until("the port closes", || refused(port));
}

/// A program that execs another without the listener closes it, and the
/// acceptor ends while the new program runs on.
#[test]
fn proc_exec_without_the_listener_ends_the_acceptor() {
    let port = free_port();
    let mut server = shared_listener(port, "mode: exec\nkeep: false\nconnections: 0\n");
    let acceptor = acceptor_of(server.pid());
    let mut out = server.0.as_mut().unwrap().stdout.take().unwrap();
    let mut line = [0u8; 29];
    out.read_exact(&mut line).unwrap();
    assert_eq!(&line, b"running without the listener\n");
    wait_until("the acceptor ends", || ended(acceptor));
    assert!(refused(port));
    assert!(!ended(server.pid()), "the program ran on for 3 s");
    let o = server.finish();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

/// Pre-forked workers share the listener as an accept queue: three
/// connections held open at once reach three different workers.
#[test]
fn forked_workers_share_the_listener() {
    let port = free_port();
    let server = shared_listener(port, "mode: prefork\nworkers: 3\nconnections: 0\n");
    let acceptor = acceptor_of(server.pid());
    for i in 0..4 {
        let mut c = connect_when_listening(port);
        let answer = ask(&mut c, &format!("request {i}\n"));
        assert!(
            answer.starts_with("worker ") && answer.ends_with(&format!(": request {i}\n")),
            "{answer:?}"
        );
    }
    // A worker answers one connection at a time: three open at once are
    // in three workers. Each says who it is and ends on `quit`.
    let mut quits: Vec<TcpStream> = (0..3).map(|_| connect_when_listening(port)).collect();
    let mut who: Vec<String> = quits.iter_mut().map(|c| ask(c, "quit\n")).collect();
    who.sort();
    assert_eq!(
        who,
        ["worker 0: quit\n", "worker 1: quit\n", "worker 2: quit\n"]
    );
    let o = server.finish();
    assert_eq!(stdout(&o), "3 workers done\n", "{}", stderr(&o));
    wait_until("the acceptor ends", || ended(acceptor));
    wait_until("the port closes", || refused(port));
}
