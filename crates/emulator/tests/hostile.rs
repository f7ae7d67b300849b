//! Hostile guests (tests/guests/c/hostile.c) against the kernel sandbox:
//! Linux system calls made from guest code, from the emulator's own
//! `syscall` instruction, and from guest code the emulator was tricked into
//! calling through its rewritten dispatch table; from the first thread, a
//! second one, and after `proc_exec`. None may get beyond the grants, and
//! the launcher must end with a status.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::Write;
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// A process outside the sandbox to ptrace and kill, and a TCP listener to
/// connect to; what must be unchanged afterwards.
struct Targets {
    victim: std::process::Child,
    listener: TcpListener,
    dir: tempfile::TempDir,
}

impl Targets {
    fn new() -> Targets {
        let victim = Command::new("sleep").arg("60").spawn().unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret"), "secret").unwrap();
        Targets {
            victim,
            listener,
            dir,
        }
    }

    fn yaml(&self, extra: &str) -> String {
        let d = self.dir.path();
        format!(
            "{HEADER}out: !fd stdout\nself: !executable\noutside: {}\ncreate: {}\nvictim: {}\nport: {}\ninherited: 7\n{extra}",
            quoted(d.join("secret").to_str().unwrap()),
            quoted(d.join("created").to_str().unwrap()),
            self.victim.id(),
            self.listener.local_addr().unwrap().port(),
        )
    }

    /// Nothing outside the sandbox changed.
    fn check_untouched(&mut self) {
        assert!(
            self.victim.try_wait().unwrap().is_none(),
            "the victim process was killed"
        );
        assert!(
            self.listener.accept().is_err(),
            "a connection reached the listener"
        );
        assert!(
            !self.dir.path().join("created").exists(),
            "a file was created outside the grants"
        );
    }
}

impl Drop for Targets {
    fn drop(&mut self) {
        let _ = self.victim.kill();
        let _ = self.victim.wait();
    }
}

/// Runs `cloudabi-run ARGS GUEST` with `yaml` on stdin and a host file on
/// fd 7 that the launcher inherits (and must close), killing it after 20 s.
fn run_inheriting(args: &[&str], yaml: &str) -> Output {
    let inherited = std::fs::File::open("/etc/hostname")
        .or_else(|_| std::fs::File::open("/etc/passwd"))
        .unwrap();
    let raw = std::os::fd::AsRawFd::as_raw_fd(&inherited);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"));
    cmd.args(args)
        .arg(c_guest("hostile"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: dup2 is async-signal-safe; it only places the file at fd 7.
    unsafe {
        cmd.pre_exec(move || {
            if libc::dup2(raw, 7) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let _ = child.stdin.take().unwrap().write_all(yaml.as_bytes());
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("cloudabi-run timed out");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().unwrap()
}

/// The value printed for `name`.
fn value(text: &str, name: &str) -> i64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or_else(|| panic!("no line {name:?} in {text:?}"))
}

/// Every escape refused, nothing outside changed, the launcher exited with
/// the guest's status.
fn attack(extra: &str, via_gadget: bool) {
    let mut t = Targets::new();
    let o = run_inheriting(&[], &t.yaml(extra));
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{text}\n{}", stderr(&o));
    assert!(text.ends_with("done\n"), "{text}");
    for refused in [
        "open_outside",
        "create_outside",
        "socket_tcp",
        "ptrace_attach",
        "kill_victim",
        "execve_sh",
        "inherited_fd",
    ] {
        assert!(value(&text, refused) < 0, "{refused} got through: {text}");
    }
    assert!(!text.contains("read_outside"), "{text}");
    assert!(!text.contains("connect_tcp"), "{text}");
    if !via_gadget {
        // Linux's own errors: Landlock's EACCES for paths, seccomp's ENOSYS
        // for calls off the list, Landlock's EPERM for a signal out of
        // scope, EBADF for the inherited fd the launcher closed.
        assert_eq!(value(&text, "open_outside"), -13, "{text}");
        assert_eq!(value(&text, "create_outside"), -13, "{text}");
        assert_eq!(value(&text, "socket_tcp"), -38, "{text}");
        assert_eq!(value(&text, "ptrace_attach"), -38, "{text}");
        assert_eq!(value(&text, "kill_victim"), -1, "{text}");
        assert_eq!(value(&text, "execve_sh"), -38, "{text}");
        assert_eq!(value(&text, "inherited_fd"), -9, "{text}");
        // stdin no longer holds the configuration.
        assert_eq!(value(&text, "read_stdin"), 0, "{text}");
        // Taking the emulator over works (same address space) and buys
        // nothing.
        assert_eq!(value(&text, "mprotect_vdso"), 0, "{text}");
        assert_eq!(value(&text, "open_outside_again"), -13, "{text}");
    }
    t.check_untouched();
}

#[test]
fn raw_system_calls_are_refused() {
    attack("via: raw\n", false);
}

#[test]
fn the_emulators_own_syscall_instruction_is_no_way_out() {
    attack("via: gadget\n", true);
}

#[test]
fn a_rewritten_dispatch_table_is_no_way_out() {
    attack("via: table\n", false);
}

#[test]
fn a_second_thread_gets_no_further() {
    attack("via: raw\nthread: 1\n", false);
    attack("via: table\nthread: 1\n", false);
}

#[test]
fn a_program_started_by_proc_exec_gets_no_further() {
    attack("via: raw\nexec: 1\n", false);
    attack("via: gadget\nexec: 1\n", true);
}

/// The control: without the kernel layers the same raw call does reach the
/// file (so the tests above can fail), and `--sandbox=off` says so.
#[test]
fn without_the_sandbox_the_same_call_gets_through() {
    // Each way in works when nothing confines it, so the refusals above are
    // the sandbox's (and the gadget still reaches the host and reports).
    for via in ["raw", "gadget", "table"] {
        let t = Targets::new();
        let yaml = format!(
            "{HEADER}out: !fd stdout\nvia: {via}\noutside: {}\n",
            quoted(t.dir.path().join("secret").to_str().unwrap())
        );
        let o = run_inheriting(&["--sandbox=off"], &yaml);
        assert!(
            value(&stdout(&o), "open_outside") >= 0,
            "{via}: {}",
            stdout(&o)
        );
        assert!(stderr(&o).contains("--sandbox=off"), "{}", stderr(&o));
    }
}

#[test]
fn past_landlocks_16_layers_a_proc_exec_chain_says_what_it_lacks() {
    // Each re-executed launcher adds a Landlock layer; Linux allows 16.
    let exe = c_guest("execchain");
    let body = |left: &str| {
        format!(
            "out: !fd stdout\nself: !file {{path: {}}}\nleft: {left}\n",
            quoted(exe.to_str().unwrap())
        )
    };
    // Four launchers: no warning.
    let o = run(&exe, &body("d"));
    assert_eq!(stdout(&o), "end\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    // Eighteen: the last two cannot add their layer, run inside those they
    // inherited, and say so.
    let o = run(&exe, &body("r"));
    assert_eq!(stdout(&o), "end\n", "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
    let warnings = stderr(&o)
        .lines()
        .filter(|l| l.contains("proc_exec started is confined only by the layers it inherited"))
        .count();
    assert_eq!(warnings, 2, "{}", stderr(&o));
}
