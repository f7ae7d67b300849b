//! The whole guest suite under `--inject seed=S,rate=P` (and short
//! transfers): the guests of tests/guests, the conformance suite's guests
//! (crates/conformance) and the Rust runtime's examples, with the sandbox on
//! as by default. A guest may fail, crash, report errors or wait forever
//! for something an injected failure took away; the launcher stays in
//! control: it never panics, never faults in its own code, and every run
//! ends with the guest's own exit status or signal (or is a guest left
//! waiting, killed after a while).
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::Write;
use std::os::unix::process::CommandExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use common::*;

/// How long a run may take before the guest counts as left waiting.
const LIMIT: Duration = Duration::from_secs(8);

/// One run of the suite: a name, the executable, the configuration body.
type Run = (String, PathBuf, String);

/// The guests of tests/guests, in the configurations the other tests run
/// them in.
fn test_guests(dir: &Path) -> Vec<Run> {
    let d = quoted(dir.to_str().unwrap());
    let hello = quoted(c_guest("hello").to_str().unwrap());
    let fork = quoted(c_guest("fork").to_str().unwrap());
    let mut runs = vec![
        ("hello".into(), c_guest("hello"), "out: !fd stdout\n".to_string()),
        (
            "fstool".into(),
            c_guest("fstool"),
            format!(
                "out: !fd stdout\ndir: !file {{path: {d}}}\ncmds: [[write, a, one], [create, b, two], \
                 [cat, a], [ls], [mkdir, m], [rename, a, m/a], [link, b, l], [symlink, b, s], \
                 [readlink, s], [stat, m/a], [lstat, s], [keep, k, 64], [unlink, l], [rmdir, m], \
                 [write_unmapped, 1], [read_into_constant, 0]]\n"
            ),
        ),
        ("memwall".into(), c_guest("memwall"), "out: !fd stdout\n".into()),
        (
            "bench".into(),
            c_guest("bench"),
            "out: !fd stdout\nop: write\nn: 50\n".into(),
        ),
        (
            "rust poll".into(),
            rust_guest(),
            "out: !fd stdout\ncmd: poll\nms: 5\n".into(),
        ),
        (
            "rust exec".into(),
            rust_guest(),
            format!("out: !fd stdout\ncmd: exec\nprogram: !file {{path: {hello}}}\n"),
        ),
    ];
    for mode in ["contend", "main_exits", "worker_exits"] {
        runs.push((
            format!("threads {mode}"),
            c_guest("threads"),
            format!("out: !fd stdout\nmode: {mode}\nthreads: 3\nrounds: 20\n"),
        ));
    }
    for mode in ["exit", "signal", "close", "thread"] {
        runs.push((
            format!("fork {mode}"),
            c_guest("fork"),
            format!("out: !fd stdout\nmode: {mode}\n"),
        ));
    }
    runs.push((
        "fork exec".into(),
        c_guest("fork"),
        format!("out: !fd stdout\nmode: exec\nself: !file {{path: {fork}}}\n"),
    ));
    // The planted bugs of errpaths, fixed and not (one hangs on purpose).
    for mode in ["alloc", "short", "lock"] {
        for careful in [true, false] {
            runs.push((
                format!("errpaths {mode} careful={careful}"),
                c_guest("errpaths"),
                format!("out: !fd stdout\nmode: {mode}\ncareful: {careful}\n"),
            ));
        }
    }
    runs
}

/// The conformance suite's guests, each with a directory of its own under
/// `dir`, configured as the suite configures them.
fn conformance_guests(dir: &Path) -> Vec<Run> {
    let bin = Path::new(env!("CARGO_TARGET_TMPDIR")).join("conformance-inject");
    cloudabi_conformance::GUESTS
        .iter()
        .map(|g| {
            let exe = cloudabi_conformance::build(g, &bin).unwrap_or_else(|e| panic!("{e}"));
            let own = dir.join(g.name);
            std::fs::create_dir_all(&own).unwrap();
            if g.programs {
                // What proc_exec is tried on: the guest itself, an
                // executable that is no program, a file not executable.
                use std::os::unix::fs::PermissionsExt;
                let mode = |p: &Path, m| {
                    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
                };
                std::fs::copy(&exe, own.join("prog")).unwrap();
                mode(&own.join("prog"), 0o755);
                std::fs::write(own.join("notelf"), "this is no program\n").unwrap();
                mode(&own.join("notelf"), 0o755);
                std::fs::write(own.join("plain"), "plain text\n").unwrap();
            }
            let body = format!(
                "out: !fd stdout\ndir: !file {{path: {}}}\n{}",
                quoted(own.to_str().unwrap()),
                g.yaml
            );
            (format!("conformance {}", g.name), exe, body)
        })
        .collect()
}

/// The runtime's examples and test programs.
fn rt_programs(dir: &Path) -> Vec<Run> {
    let tree = dir.join("tree");
    std::fs::create_dir_all(tree.join("a/b")).unwrap();
    for (f, text) in [("x", "one\n"), ("a/y", "two\n"), ("a/b/z", "three\n")] {
        std::fs::write(tree.join(f), text).unwrap();
    }
    let file = |f: &str| format!("!file {{path: {}}}", quoted(tree.join(f).to_str().unwrap()));
    let mut runs = vec![
        (
            "rt hello".into(),
            "hello",
            "out: !fd stdout\nname: you\n".to_string(),
        ),
        (
            "rt cat".into(),
            "cat",
            format!(
                "inputs: [{}, {}]\nout: !fd stdout\nerr: !fd stderr\n",
                file("x"),
                file("a/y")
            ),
        ),
        (
            "rt tree".into(),
            "tree",
            format!("dir: {}\nout: !fd stdout\nerr: !fd stderr\n", file("")),
        ),
        (
            "rt sha256sum".into(),
            "sha256sum",
            format!(
                "inputs: {{x: {}, z: {}}}\nout: !fd stdout\nerr: !fd stderr\n",
                file("x"),
                file("a/b/z")
            ),
        ),
        (
            "rt alloc-stress".into(),
            "alloc-stress",
            "out: !fd stdout\nthreads: 2\nseconds: 1\n".into(),
        ),
    ];
    for cmd in [
        "cmd: threads\nthreads: 4\nrounds: 200\n",
        "cmd: detached\n",
        "cmd: condvar\n",
        "cmd: clock\n",
        "cmd: panic\n",
    ] {
        runs.push((
            format!("rt selftest {}", cmd.lines().next().unwrap_or_default()),
            "selftest",
            format!("out: !fd stdout\nerr: !fd stderr\n{cmd}"),
        ));
    }
    runs.into_iter()
        .map(|(name, example, body)| (name, rt_example(example), body))
        .collect()
}

/// How a run ended.
enum Ending {
    Status(std::process::ExitStatus),
    /// Killed after `LIMIT`: the guest waits for what will not come.
    Waiting,
}

/// Runs `exe` under `cloudabi-run ARGS`; how it ended and its stderr.
fn run_limited(args: &[String], exe: &Path, body: &str) -> (Ending, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .args(args)
        .arg(exe)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{HEADER}{body}").as_bytes());
    // stderr is read as it comes, so a chatty guest never blocks on it.
    let mut err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut err, &mut s);
        String::from_utf8_lossy(&s).into_owned()
    });
    let start = Instant::now();
    let ending = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Ending::Status(status);
        }
        if start.elapsed() > LIMIT {
            break Ending::Waiting;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    // The launcher and whatever the guest forked.
    // SAFETY: kill(2) of the process group made for this run.
    unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
    let _ = child.wait();
    (ending, reader.join().unwrap())
}

/// What is wrong with a run's ending, if the launcher lost control.
fn launcher_problem(ending: &Ending, stderr: &str) -> Option<String> {
    // Rust's panic message in the launcher names a thread; a guest on
    // cloudabi-rt prints its own panics without one.
    let launcher_panic = stderr
        .lines()
        .any(|l| l.starts_with("thread '") && l.contains("panicked at"));
    if launcher_panic {
        return Some(format!("the launcher panicked: {stderr}"));
    }
    if stderr.contains("while the emulator served a system call") {
        return Some(format!("the launcher faulted in its own code: {stderr}"));
    }
    match ending {
        Ending::Status(s) if s.code() == Some(101) => Some(format!("exit 101: {stderr}")),
        Ending::Status(s)
            if s.code() == Some(127) && stderr.lines().any(|l| l.starts_with("cloudabi-run: ")) =>
        {
            Some(format!("the launcher gave up: {stderr}"))
        }
        _ => None,
    }
}

/// Runs every run under `--inject SPEC`, two at a time; panics with each
/// run where the launcher lost control.
fn under(spec: &str, runs: &[Run]) {
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    let endings = Mutex::new(vec![String::new(); runs.len()]);
    let jobs = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((name, exe, body)) = runs.get(i) else {
                    return;
                };
                let (ending, err) = run_limited(&[format!("--inject={spec}")], exe, body);
                if let Some(p) = launcher_problem(&ending, &err) {
                    problems.lock().unwrap().push(format!("{name}: {p}"));
                }
                endings.lock().unwrap()[i] = match ending {
                    Ending::Status(s) => format!("{name}: {s}"),
                    Ending::Waiting => format!("{name}: still waiting after {LIMIT:?}"),
                };
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    assert!(
        problems.is_empty(),
        "under --inject {spec}:\n{}",
        problems.join("\n")
    );
    eprintln!(
        "under --inject {spec}:\n  {}",
        endings.into_inner().unwrap().join("\n  ")
    );
}

#[test]
fn the_whole_suite_under_seed_1_rate_5_percent() {
    let dir = tempfile::tempdir().unwrap();
    let fstool = dir.path().join("fstool");
    std::fs::create_dir(&fstool).unwrap();
    let mut runs = test_guests(&fstool);
    runs.extend(conformance_guests(&dir.path().join("conformance")));
    runs.extend(rt_programs(&dir.path().join("rt")));
    under("seed=1,rate=0.05", &runs);
}

#[test]
fn the_test_guests_under_other_seeds_and_short_transfers() {
    let dir = tempfile::tempdir().unwrap();
    let runs = test_guests(dir.path());
    under("seed=2,rate=0.2", &runs);
    under("short=0.5,seed=1", &runs);
}

#[test]
fn the_launcher_problems_are_told_apart_from_the_guests_endings() {
    use std::os::unix::process::ExitStatusExt;
    let status = |raw| Ending::Status(std::process::ExitStatus::from_raw(raw));
    // A guest's own endings: its exit code, its signal, its faults, waiting.
    assert!(launcher_problem(&status(1 << 8), "").is_none());
    assert!(launcher_problem(&status(libc::SIGABRT), "").is_none());
    assert!(launcher_problem(
        &status(139 << 8),
        "cloudabi-run: the program faulted: SIGSEGV at address 0x0, instruction 0x1, in the program\n"
    )
    .is_none());
    assert!(launcher_problem(&Ending::Waiting, "").is_none());
    assert!(launcher_problem(&status(127 << 8), "").is_none());
    // The launcher's.
    assert!(launcher_problem(&status(101 << 8), "thread 'main' panicked at x").is_some());
    assert!(launcher_problem(&status(134), "thread '<unnamed>' (7) panicked at x\n").is_some());
    // A guest's panic on cloudabi-rt names no thread.
    assert!(
        launcher_problem(&status(libc::SIGABRT), "panicked at src/x.rs:1:1:\nboom\n").is_none()
    );
    assert!(launcher_problem(
        &status(139 << 8),
        "cloudabi-run: the program faulted: SIGSEGV at address 0x8, instruction 0x1, while the emulator served a system call\n"
    )
    .is_some());
    assert!(launcher_problem(&status(127 << 8), "cloudabi-run: cannot map\n").is_some());
}
