//! Guest threads: `thread_create`, `thread_exit` with its join lock, and
//! waiting on userspace locks and condition variables, through the C guest
//! tests/guests/c/threads.c (which follows cloudlibc's lock protocol).
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use common::*;

fn threads(mode: &str, n: u32, rounds: u32) -> std::process::Output {
    let body = format!("out: !fd stdout\nmode: {mode}\nthreads: {n}\nrounds: {rounds}\n");
    run(&c_guest("threads"), &body)
}

const CONTENDED: &str = "ready 6\njoined 6\ndistinct_tids 1\ntls_errors 0\nowner_errors 0\n\
                         lock_timeout 1\ncond_timeout 1\nfailures 0\n";

#[test]
fn threads_contend_on_a_lock_and_a_condvar_and_are_joined() {
    let o = threads("contend", 6, 3000);
    assert_eq!(
        stdout(&o),
        format!("counter 18000\n{CONTENDED}"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn contention_survives_repeated_runs() {
    // Races show up as a wrong count, a hang (the harness's timeout) or a
    // crash, not reliably in one run.
    for _ in 0..5 {
        let o = threads("contend", 6, 500);
        assert_eq!(
            stdout(&o),
            format!("counter 3000\n{CONTENDED}"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn the_first_thread_may_exit_before_the_others() {
    let o = threads("main_exits", 5, 0);
    assert_eq!(stdout(&o), "worker done\n".repeat(5), "{}", stderr(&o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn proc_exit_from_another_thread_ends_the_process() {
    let o = threads("worker_exits", 1, 0);
    assert_eq!(o.status.code(), Some(7), "{}", stderr(&o));
}

#[test]
fn thread_calls_are_traced() {
    let exe = c_guest("threads");
    let o = run_with(
        &["--trace", exe.to_str().unwrap()],
        &format!("{HEADER}out: !fd stdout\nthreads: 2\nrounds: 10\n"),
    );
    let err = stderr(&o);
    assert!(err.contains("thread_create(attr=0x"), "{err}");
    assert!(err.contains(") = Ok(2)"), "{err}");
    assert!(err.contains("thread_exit(lock=0x"), "{err}");
    assert!(err.contains("scope=SCOPE_PRIVATE)"), "{err}");
}

#[test]
fn threads_run_in_process_and_the_run_returns() {
    let file = std::fs::read(c_guest("threads")).unwrap();
    let out = tempfile::tempfile().unwrap();
    let data = argdata::Value::map([
        ("out", argdata::Value::Fd(argdata::Fd::new(0))),
        ("threads", argdata::Value::Int(3.into())),
        ("rounds", argdata::Value::Int(200.into())),
    ])
    .encode()
    .bytes;
    let copy = out.try_clone().unwrap();
    let code = cloudabi_emulator::run_in_process(&file, &data, vec![copy.into()]).unwrap();
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(format!(
        "/proc/self/fd/{}",
        std::os::fd::AsRawFd::as_raw_fd(&out)
    ))
    .unwrap();
    assert!(
        text.starts_with("counter 600\nready 3\njoined 3\n"),
        "{text}"
    );
}
