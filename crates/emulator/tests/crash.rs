//! The crash classes a hostile guest reaches with legal calls alone
//! (tests/guests/c/crash.c): none may crash the launcher. Pointers into the
//! emulator's stacks (C1) and into pages that fault (C2) are EFAULT, a guest
//! that exhausted address space gets ENOMEM (C3), and a guest's own fault
//! ends the launcher with a report and a status, never the signal. (C4, an
//! executable that is no regular file, is in bad_input.rs.)
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::os::unix::process::ExitStatusExt;

use common::*;

const EFAULT: &str = "21";

fn crash(mode: &str, thread: bool) -> std::process::Output {
    run(
        &c_guest("crash"),
        &format!(
            "out: !fd stdout\nmode: {mode}\nthread: {}\n",
            u8::from(thread)
        ),
    )
}

/// The value printed for `name`.
fn value<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
        .unwrap_or_else(|| panic!("no line {name:?} in {text:?}"))
}

fn ended_well(o: &std::process::Output) -> String {
    let text = stdout(o);
    assert_eq!(o.status.code(), Some(0), "{text}\n{}", stderr(o));
    assert!(text.ends_with("done\n"), "{text}");
    text
}

#[test]
fn pointers_into_the_emulators_stacks_are_efault() {
    for thread in [false, true] {
        let text = ended_well(&crash("stacks", thread));
        assert_eq!(value(&text, "found_host_stack"), "1", "{text}");
        let tries = value(&text, "host_stack_tries");
        assert!(tries.parse::<u32>().unwrap() > 100, "{text}");
        assert_eq!(value(&text, "host_stack_refused"), tries, "{text}");
        assert_eq!(value(&text, "random_get_own_stack"), "0", "{text}");
    }
}

#[test]
fn a_shared_mapping_of_an_empty_object_is_efault_for_every_call() {
    for thread in [false, true] {
        let text = ended_well(&crash("shm", thread));
        assert_eq!(value(&text, "mem_map"), "0", "{text}");
        for call in [
            "clock_time_get",
            "clock_res_get",
            "random_get",
            "fd_write_iovec",
            "fd_write_nwritten",
            "fd_stat_get",
            "fd_stat_put",
            "file_stat_fget",
            "poll_in",
            "poll_out",
            "thread_create",
            "file_open_path",
            "lock_unlock",
            "condvar_signal",
            "again",
        ] {
            assert_eq!(value(&text, call), EFAULT, "{call}: {text}");
        }
        assert_eq!(value(&text, "ordinary_call_still_works"), "0", "{text}");
        // On the fast path (one thread) and off it (two): the same answers.
        assert_eq!(value(&text, "fast_checked"), "0", "{text}");
        for call in ["fast_nwritten", "fast_nwritten_again", "fast_iovec"] {
            assert_eq!(value(&text, call), EFAULT, "{call}: {text}");
        }
        assert_eq!(value(&text, "fast_ordinary"), "0", "{text}");
    }
}

#[test]
fn poll_after_address_space_is_exhausted_is_enomem() {
    let text = ended_well(&crash("exhaust", false));
    assert_eq!(value(&text, "buffers"), "0", "{text}");
    assert!(
        value(&text, "reserved_gib").parse::<u64>().unwrap() > 1 << 16,
        "{text}"
    );
    // ENOMEM, or the events if the emulator still had room.
    let poll = value(&text, "poll");
    assert!(poll == "48" || poll == "0", "{text}");
}

#[test]
fn an_address_space_limit_caps_the_guest_and_the_launcher_survives_it() {
    // RLIMIT_AS (`ulimit -v`) is how a user caps a guest's address space:
    // the guest's mem_map gets ENOMEM at the limit, so does a call that
    // needs memory of the emulator's, and the launcher ends well.
    use std::io::Write;
    use std::os::unix::process::CommandExt;
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_cloudabi-run"));
    cmd.arg(c_guest("crash"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs in the child.
    unsafe {
        cmd.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 512 << 20,
                rlim_max: 512 << 20,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().unwrap();
    let yaml = format!("{HEADER}out: !fd stdout\nmode: exhaust\nthread: 0\n");
    let _ = child.stdin.take().unwrap().write_all(yaml.as_bytes());
    let o = child.wait_with_output().unwrap();
    let text = ended_well(&o);
    assert_eq!(value(&text, "buffers"), "0", "{text}");
    assert_eq!(value(&text, "reserved_gib"), "0", "{text}");
    let poll = value(&text, "poll");
    assert!(poll == "48" || poll == "0", "{text}");
}

#[test]
fn a_fault_of_the_guest_ends_the_launcher_with_a_status() {
    for thread in [false, true] {
        let o = crash("fault", thread);
        assert_eq!(o.status.signal(), None, "died of a signal");
        assert_eq!(o.status.code(), Some(128 + 11), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("the program faulted: SIGSEGV at address 0x10"),
            "{}",
            stderr(&o)
        );
        assert_eq!(stdout(&o), "before 0\n");
    }
}

#[test]
fn a_page_unmapped_by_another_thread_during_a_call_is_efault() {
    // One thread's fd_write, random_get, fd_read and clock_time_get use a
    // page that another thread unmaps and maps again, in a loop: a call
    // that checked the page before it went away must answer EFAULT (as the
    // reference's copyin/copyout do), never end the launcher by a fault,
    // and never write into memory the emulator got back from the host.
    let o = crash("race", false);
    assert_eq!(o.status.signal(), None, "died of a signal: {}", stderr(&o));
    let text = ended_well(&o);
    assert_eq!(value(&text, "race_other"), "0", "{text}");
    assert_eq!(value(&text, "race_remap_failed"), "0", "{text}");
    // The unmapped page stays reserved for the guest, whose next mapping
    // gets it.
    assert_eq!(value(&text, "race_reused"), "1", "{text}");
    for counted in ["race_cycles", "race_ok", "race_efault"] {
        let n: u64 = value(&text, counted).parse().unwrap();
        assert!(n > 0, "{counted}: {text}");
    }
}
