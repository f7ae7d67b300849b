//! `proc_fork`, process descriptors and `poll` on them, through the C guest
//! tests/guests/c/fork.c.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use common::*;

fn fork(mode: &str) -> std::process::Output {
    run(
        &c_guest("fork"),
        &format!("out: !fd stdout\nmode: {mode}\n"),
    )
}

const CHILD: &str = "child fd=process_child tid_nonzero=1\n";
/// What a parent reports after waiting for a child that exited with 3.
const EXITED_3: &str = "terminated signal=0 exit=3\nsame again 1\nfiletype 80\n";

/// Asserts what the guest printed, and that it ended well.
fn expect(o: &std::process::Output, want: &str) {
    assert_eq!(stdout(o), want, "{}", stderr(o));
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn the_parent_sees_the_childs_exit_code() {
    expect(&fork("exit"), &format!("{CHILD}{EXITED_3}"));
}

#[test]
fn the_parent_sees_the_signal_that_ended_the_child() {
    let o = fork("signal");
    assert_eq!(
        stdout(&o),
        format!("{CHILD}terminated signal=16 exit=0\nsame again 1\nfiletype 80\n"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn closing_the_process_descriptor_kills_the_child() {
    let o = fork("close");
    assert_eq!(
        stdout(&o),
        format!("{CHILD}child gone quickly 1\n"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn a_second_thread_can_fork_and_its_child_ends_with_its_exit() {
    let o = fork("thread");
    assert_eq!(
        stdout(&o),
        format!("{CHILD}terminated signal=0 exit=0\nsame again 1\nfiletype 80\njoined\n"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn fork_is_traced_in_parent_and_child() {
    let exe = c_guest("fork");
    let o = run_with(
        &["--trace", exe.to_str().unwrap()],
        &format!("{HEADER}out: !fd stdout\nmode: exit\n"),
    );
    let err = stderr(&o);
    assert!(err.contains("proc_fork() = Ok((PROCESS_CHILD, "), "{err}");
    assert!(err.contains("proc_exit(rval=3)"), "{err}");
}

#[test]
fn a_forked_child_of_an_in_process_run_never_returns_into_the_caller() {
    let file = std::fs::read(c_guest("fork")).unwrap();
    let out = tempfile::NamedTempFile::new().unwrap();
    let data = argdata::Value::map([
        ("out", argdata::Value::Fd(argdata::Fd::new(0))),
        ("mode", argdata::Value::from("exit")),
    ])
    .encode()
    .bytes;
    let fd = out.as_file().try_clone().unwrap();
    let code = cloudabi_emulator::run_in_process(&file, &data, vec![fd.into()]).unwrap();
    // Only the parent gets here; a child coming back would run the rest of
    // this test (and the harness) a second time.
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(out.path()).unwrap();
    assert_eq!(text, format!("{CHILD}{EXITED_3}"));
}

#[test]
fn a_process_descriptor_survives_proc_exec() {
    // The new program waits for the child through the descriptor it was
    // given: still a process descriptor (filetype 80), still our child.
    let exe = c_guest("fork");
    let o = run(
        &exe,
        &format!(
            "out: !fd stdout\nmode: exec\nself: !file {{path: {}}}\n",
            quoted(exe.to_str().unwrap())
        ),
    );
    expect(&o, &format!("{CHILD}{EXITED_3}"));
}

#[test]
fn a_forked_child_that_faults_ends_by_the_signal() {
    // The launcher the user started ends with a status (139); a forked
    // child dies of the signal, which its parent sees as CloudABI's.
    let o = fork("forkfault");
    expect(
        &o,
        &format!("{CHILD}terminated signal=13 exit=0\nsame again 1\nfiletype 80\n"),
    );
}

#[test]
fn a_forked_child_that_proc_execs_and_faults_ends_by_the_signal() {
    // The re-executed launcher is still the forked child: its fault must
    // end it by SIGSEGV (CloudABI 13) for the parent to see, not by the
    // exit status 139 the launcher the user started gives.
    let exe = c_guest("fork");
    let o = run(
        &exe,
        &format!(
            "out: !fd stdout\nmode: execfault\nself: !file {{path: {}}}\n",
            quoted(exe.to_str().unwrap())
        ),
    );
    expect(
        &o,
        &format!("{CHILD}terminated signal=13 exit=0\nsame again 1\nfiletype 80\n"),
    );
}
