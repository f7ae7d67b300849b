//! Tracing: thread ids on every line, injected calls marked, JSON lines
//! valid against the published schema, filters, times, the summary, a
//! trace file that survives proc_exec, and byte-identical traces for the
//! same `--inject` seed.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::path::Path;

use common::*;

fn run_args(args: &[&str], exe: &Path, body: &str) -> std::process::Output {
    let mut all: Vec<&str> = args.to_vec();
    all.push(exe.to_str().unwrap());
    run_with(&all, &format!("{HEADER}{body}"))
}

const HELLO: &str = "out: !fd stdout\n";

#[test]
fn every_line_names_its_thread() {
    let o = run_args(
        &["--trace"],
        &c_guest("threads"),
        "out: !fd stdout\nmode: contend\nthreads: 3\nrounds: 20\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines.len() > 5, "{err}");
    for l in &lines {
        let tid = l
            .strip_prefix('[')
            .and_then(|r| r.split_once("] "))
            .map(|(t, _)| t.parse::<u32>());
        assert!(matches!(tid, Some(Ok(_))), "no thread id: {l:?}");
    }
    let tids: std::collections::BTreeSet<&str> =
        lines.iter().map(|l| &l[..l.find(']').unwrap()]).collect();
    assert!(tids.len() >= 3, "threads: {tids:?}");
}

#[test]
fn injected_calls_are_marked_and_have_no_effect() {
    let o = run_args(&["--trace", "--inject=nth=1"], &c_guest("hello"), HELLO);
    assert_eq!(stdout(&o), "", "an injected write writes nothing");
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o)
            .contains("[1] fd_write(fd=0, iovs=[1 ciovec, 14 bytes]) = Err(EIO) [injected]\n"),
        "{}",
        stderr(&o)
    );
    // A file created by an injected call does not exist.
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: [[mkdir, made], [stat, made]]\n",
        quoted(dir.path().to_str().unwrap())
    );
    let o = run_args(&["--inject=nth=1,errno=ENOSPC"], &c_guest("fstool"), &body);
    assert!(stdout(&o).starts_with("mkdir 51\n"), "{}", stdout(&o));
    assert!(!dir.path().join("made").exists());
}

/// A poll that only waits on a lock is not failed without errno=: the
/// reference serves it with its futex code, which cannot run out of
/// anything (cloudabi64_sys_poll).
#[test]
fn lock_waits_are_not_failed_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trace");
    let o = run_args(
        &[
            "--inject=seed=1,rate=1,calls=poll",
            "--trace-calls=poll",
            "--trace-file",
            file.to_str().unwrap(),
        ],
        &c_guest("threads"),
        "out: !fd stdout\nmode: contend\nthreads: 4\nrounds: 100\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = std::fs::read_to_string(&file).unwrap();
    let waits = err
        .lines()
        .filter(|l| l.contains("type=EVENTTYPE_LOCK_WRLOCK"))
        .count();
    assert!(waits > 0, "{err}");
    assert!(!err.contains("[injected]"), "{err}");
}

#[test]
fn short_transfers_are_marked_with_what_was_asked() {
    let o = run_args(
        &["--trace", "--inject=short=1,seed=4"],
        &c_guest("hello"),
        HELLO,
    );
    // hello writes everything, however short each write.
    assert_eq!(stdout(&o), "Hello, World!\n");
    let err = stderr(&o);
    assert!(err.contains("[injected: short, 14 bytes asked]"), "{err}");
}

/// On a stream socket, sock_recv and sock_send are cut short too; a guest
/// that loops until everything went still echoes every byte.
#[test]
fn short_transfers_reach_stream_sockets() {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let msg = b"a message the guest receives and sends back in pieces";
    let peer = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        s.write_all(msg).unwrap();
        s.shutdown(std::net::Shutdown::Write).unwrap();
        let mut back = Vec::new();
        s.read_to_end(&mut back).unwrap();
        back
    });
    let o = run_args(
        &["--trace-calls=sock_*", "--inject=short=1,seed=2"],
        &rust_guest(),
        &format!("out: !fd stdout\ncmd: echo\nsock: !socket {{connect: \"{addr}\"}}\n"),
    );
    // (Its report on stdout is cut short too: it does not loop there.)
    assert_eq!(peer.join().unwrap(), msg, "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("sock_recv(") && err.contains("[injected: short, 512 bytes asked]"));
    let sends = err.lines().filter(|l| l.contains("sock_send(")).count();
    assert!(sends > 1, "one message went in several sends:\n{err}");
}

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../trace.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

/// JSON traces of guests that make every kind of line (threads, forks,
/// injected failures and short transfers, bad arguments, exec, the
/// summary) all follow the schema.
#[test]
fn json_lines_follow_the_schema() {
    let v = validator();
    let json = ["--trace-format=json", "--trace-summary"];
    let dir = tempfile::tempdir().unwrap();
    let fs_body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: [[write, f, hello], [cat, f], [ls], [stat, f], [write_unmapped, 1]]\n",
        quoted(dir.path().to_str().unwrap())
    );
    let runs = [
        run_args(&json, &c_guest("hello"), HELLO),
        run_args(
            &[
                json[0],
                json[1],
                "--inject=seed=2,rate=0.5",
                "--inject=short=0.5",
            ],
            &c_guest("fstool"),
            &fs_body,
        ),
        run_args(
            &json,
            &c_guest("threads"),
            "out: !fd stdout\nmode: contend\nthreads: 2\nrounds: 5\n",
        ),
        run_args(&json, &c_guest("fork"), "out: !fd stdout\nmode: exit\n"),
        run_args(
            &json,
            &rust_guest(),
            &format!(
                "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
                quoted(c_guest("hello").to_str().unwrap())
            ),
        ),
    ];
    let mut outcomes = std::collections::BTreeSet::new();
    for o in &runs {
        let lines = json_lines(&stderr(o));
        assert!(!lines.is_empty());
        for l in &lines {
            let errors: Vec<String> = v.iter_errors(l).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{l}: {errors:?}");
            if let Some(outcome) = l["outcome"].as_str() {
                outcomes.insert(outcome.to_string());
            }
        }
    }
    for kind in ["ok", "error", "bad_arguments", "no_return", "exec"] {
        assert!(outcomes.contains(kind), "no {kind} line in {outcomes:?}");
    }
}

#[test]
fn the_schema_is_printed_by_the_launcher() {
    let o = run_with(&["--trace-schema"], "");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), include_str!("../trace.schema.json"));
    validator();
}

#[test]
fn json_lines_carry_thread_call_arguments_result_and_timing() {
    let o = run_args(
        &["--trace-format=json", "--inject=nth=2"],
        &c_guest("fstool"),
        "out: !fd stdout\ndir: !file {path: /}\ncmds: [[stat, tmp], [stat, tmp]]\n",
    );
    let lines = json_lines(&stderr(&o));
    let first = &lines[0];
    assert_eq!(first["seq"], 1);
    assert_eq!(first["tid"], 1);
    assert_eq!(first["syscall"], "file_stat_get");
    assert_eq!(first["args"]["path"], "tmp");
    assert_eq!(first["outcome"], "ok");
    assert!(first["result"].is_null(), "{first}");
    assert!(first["duration_ns"].as_u64().is_some());
    assert_eq!(first["injected"], false);
    // The second call (fstool reporting the stat) failed on purpose, with
    // the first error a write can get.
    let second = &lines[1];
    assert_eq!(second["seq"], 2);
    assert_eq!(second["syscall"], "fd_write");
    assert_eq!(second["outcome"], "error");
    assert_eq!(second["errno"], "EIO");
    assert_eq!(second["injected"], true);
    assert!(second["result"].is_null());
}

#[test]
fn trace_calls_filters_by_name_and_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: [[write, f, hi], [cat, f], [stat, f]]\n",
        quoted(dir.path().to_str().unwrap())
    );
    let o = run_args(
        &["--trace-calls=fd_*,file_stat_get"],
        &c_guest("fstool"),
        &body,
    );
    let err = stderr(&o);
    let names: std::collections::BTreeSet<&str> = err
        .lines()
        .map(|l| {
            let call = &l[l.find("] ").unwrap() + 2..];
            &call[..call.find('(').unwrap()]
        })
        .collect();
    assert!(
        names.contains("fd_write") && names.contains("file_stat_get"),
        "{err}"
    );
    assert!(
        names
            .iter()
            .all(|n| n.starts_with("fd_") || *n == "file_stat_get"),
        "{err}"
    );
    // A pattern that matches nothing is a usage error.
    let o = run_args(&["--trace-calls=fd_wrote"], &c_guest("hello"), HELLO);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("\"fd_wrote\" matches no system call"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn trace_time_shows_each_calls_duration() {
    let o = run_args(&["--trace-time"], &c_guest("hello"), HELLO);
    let err = stderr(&o);
    let write = err.lines().find(|l| l.contains("fd_write(")).unwrap();
    let time = write
        .rsplit_once(" <")
        .map(|(_, t)| t.trim_end_matches('>'));
    let secs: f64 = time.and_then(|t| t.parse().ok()).unwrap_or(-1.0);
    assert!((0.0..10.0).contains(&secs), "{write}");
}

#[test]
fn trace_summary_counts_calls_and_errors_like_strace_c() {
    let o = run_args(
        &["--trace-summary", "--inject=nth=1,errno=EIO"],
        &c_guest("hello"),
        HELLO,
    );
    let err = stderr(&o);
    assert!(
        err.starts_with("% time     seconds  usecs/call     calls    errors syscall\n"),
        "{err}"
    );
    let row = err
        .lines()
        .find(|l| l.ends_with(" fd_write"))
        .expect("a fd_write row");
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(&cols[3..], ["1", "1", "fd_write"], "{err}");
    assert!(err.lines().last().unwrap().ends_with(" total"), "{err}");
    // Only the summary: no per-call lines.
    assert!(!err.contains("fd_write(fd="), "{err}");
}

/// The trace file gets the lines of the program proc_exec starts too.
#[test]
fn the_trace_file_follows_proc_exec() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("trace.txt");
    let body = format!(
        "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
        quoted(c_guest("hello").to_str().unwrap())
    );
    let o = run_args(
        &["--trace-file", file.to_str().unwrap()],
        &rust_guest(),
        &body,
    );
    assert_eq!(stdout(&o), "Hello, World!\n", "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "the trace goes to the file only");
    let trace = std::fs::read_to_string(&file).unwrap();
    let exec = trace.find("proc_exec(").expect("the exec is traced");
    assert!(
        trace[exec..].contains("= (executing the new program)"),
        "{trace}"
    );
    assert!(
        trace[exec..].contains("fd_write(fd=0, iovs=[1 ciovec, 14 bytes]) = Ok(14)"),
        "{trace}"
    );
    assert!(trace.ends_with("proc_exit(rval=0)\n"), "{trace}");
}

/// Injection counts on across proc_exec: nth=K reaches the new program.
#[test]
fn injection_counts_across_proc_exec() {
    let body = format!(
        "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
        quoted(c_guest("hello").to_str().unwrap())
    );
    let clean = run_args(&["--trace-format=json"], &rust_guest(), &body);
    let lines = json_lines(&stderr(&clean));
    let write = lines
        .iter()
        .rev()
        .find(|l| l["syscall"] == "fd_write")
        .expect("hello's write");
    let k = write["seq"].as_u64().unwrap();
    let o = run_args(
        &[&format!("--inject=nth={k}"), "--trace"],
        &rust_guest(),
        &body,
    );
    assert_eq!(stdout(&o), "", "{}", stderr(&o));
    assert!(
        stderr(&o).contains("= Err(EIO) [injected]"),
        "{}",
        stderr(&o)
    );
}

/// The same seed makes the same calls fail: two runs, one trace.
#[test]
fn the_same_seed_gives_byte_identical_traces() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!(
        "out: !fd stdout\ndir: !file {{path: {}}}\ncmds: [[write, a, one], [write, b, two], [cat, a], [cat, b], [ls], [stat, a], [rename, a, c], [cat, c], [unlink, b], [ls]]\n",
        quoted(dir.path().to_str().unwrap())
    );
    let trace = |n: u32| {
        let _ = std::fs::remove_dir_all(dir.path());
        std::fs::create_dir(dir.path()).unwrap();
        let file = dir.path().with_extension(format!("trace{n}"));
        run_args(
            &[
                "--inject=seed=1,rate=0.3",
                "--trace-file",
                file.to_str().unwrap(),
            ],
            &c_guest("fstool"),
            &body,
        );
        let t = std::fs::read(&file).unwrap();
        let _ = std::fs::remove_file(&file);
        t
    };
    let (a, b) = (trace(1), trace(1));
    assert!(
        String::from_utf8_lossy(&a).contains("[injected]"),
        "{}",
        String::from_utf8_lossy(&a)
    );
    assert_eq!(String::from_utf8_lossy(&a), String::from_utf8_lossy(&b));
}

#[test]
fn bad_inject_specs_exit_2_with_the_reason() {
    for (spec, says) in [
        ("nth=0", "calls are counted from 1"),
        ("seed=1,rate=7", "probability from 0 to 1"),
        ("nth=1,errno=EBOGUS", "not a CloudABI errno"),
        ("sometimes", "is not KEY=VALUE"),
    ] {
        let o = run_args(&[&format!("--inject={spec}")], &c_guest("hello"), HELLO);
        assert_eq!(o.status.code(), Some(2), "{spec}");
        let err = stderr(&o);
        assert!(
            err.contains(&format!("--inject {spec}: ")) && err.contains(says),
            "{err}"
        );
    }
}

/// Values are decoded by what the parameter means: mem_map's descriptor is
/// MAP_ANON_FD (not PROCESS_CHILD, which has the same number), a plain fd is
/// a number, and a child that exited shows in a proc_terminate event as an
/// exit, not as an invalid signal 0.
#[test]
fn values_are_decoded_by_what_they_mean() {
    let o = run_args(
        &["--trace"],
        &c_guest("errpaths"),
        "out: !fd stdout\nmode: alloc\n",
    );
    let err = stderr(&o);
    let map = err
        .lines()
        .find(|l| l.contains("mem_map("))
        .expect("a mem_map");
    assert!(map.contains(", fd=MAP_ANON_FD, "), "{map}");
    assert!(!err.contains("PROCESS_CHILD"), "{err}");

    let o = run_args(
        &["--trace"],
        &c_guest("fork"),
        "out: !fd stdout\nmode: exit\n",
    );
    let err = stderr(&o);
    assert!(err.contains("proc_fork() = Ok((PROCESS_CHILD, "), "{err}");
    let parent_fork = err
        .lines()
        .find(|l| l.contains("proc_fork() = Ok((") && !l.contains("PROCESS_CHILD"))
        .expect("the parent's proc_fork");
    assert!(
        parent_fork.starts_with("[1] proc_fork() = Ok(("),
        "{parent_fork}"
    );
    let poll = err
        .lines()
        .find(|l| l.contains("type=EVENTTYPE_PROC_TERMINATE, proc_terminate={"))
        .unwrap_or_else(|| panic!("a proc_terminate event: {err}"));
    assert!(poll.contains("signal=exited, exitcode=3}"), "{poll}");

    // A child ended by a signal shows the signal.
    let o = run_args(
        &["--trace"],
        &c_guest("fork"),
        "out: !fd stdout\nmode: signal\n",
    );
    let err = stderr(&o);
    assert!(err.contains("signal=SIGTERM, exitcode="), "{err}");
}

/// A `proc_raise` that ends the process never returns: it is traced before
/// the signal is raised, and the summary is printed then too (a forked
/// child's, then its parent's).
#[test]
fn a_raise_that_ends_the_process_is_traced_and_summed_up() {
    let o = run_args(
        &["--trace-calls=proc_*", "--trace-summary"],
        &c_guest("fork"),
        "out: !fd stdout\nmode: signal\n",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("] proc_raise(sig=SIGTERM)\n"), "{err}");
    let rows = |name: &str| err.lines().filter(|l| l.ends_with(name)).count();
    assert_eq!(rows(" total"), 2, "{err}");
    assert_eq!(rows(" proc_raise"), 1, "{err}");
    assert_eq!(rows(" proc_exit"), 1, "{err}");
}
