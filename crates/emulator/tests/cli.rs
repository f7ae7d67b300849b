//! The `cloudabi-run` command line: `--help` documents every option, the
//! configuration tags and the exit statuses; bad usage exits with 2 and
//! says what is wrong; the hidden exec mode passes the options on.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use common::*;

fn help() -> String {
    let o = run_with(&["--help"], "");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    stdout(&o)
}

#[test]
fn help_lists_the_configuration_tags_with_their_fields() {
    let help = help();
    for needed in [
        "!fd stdin | stdout | stderr | N",
        "!file {path: PATH}",
        "!socket {type: stream | dgram, bind: ADDRESS}",
        "!socket {type: stream | dgram, connect: ADDRESS}",
        "!socket {bind: ADDRESS, accept: pass}",
        "!executable",
        "%TAG ! tag:nuxi.nl,2015:cloudabi/",
    ] {
        assert!(help.contains(needed), "--help lacks {needed:?}:\n{help}");
    }
}

/// The example in `--help` is a configuration the launcher accepts.
#[test]
fn the_example_in_help_is_a_valid_configuration() {
    let help = help();
    let start = help.find("  Example:\n").expect("an example") + "  Example:\n".len();
    let example: String = help[start..]
        .lines()
        .take_while(|l| l.starts_with("    "))
        .map(|l| format!("{}\n", &l[4..]))
        .collect();
    assert!(example.contains("!socket"), "{example}");
    let o = run_with(&["--dump"], &example);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let dumped = stdout(&o);
    assert!(
        dumped.contains("? !!str \"greeting\"\n  : !!str \"hello\""),
        "{dumped}"
    );
}

#[test]
fn help_lists_the_exit_statuses() {
    let help = help();
    let statuses = &help[help.find("EXIT STATUS:").expect("an exit status section")..];
    for code in ["N ", "255", "128+S", "127", "2 "] {
        assert!(
            statuses.lines().any(|l| l.trim_start().starts_with(code)),
            "{code:?} missing:\n{statuses}"
        );
    }
}

#[test]
fn help_hides_the_exec_mode() {
    assert!(!help().contains("exec-child"));
}

/// Bad usage: status 2, a message naming the problem, the usage line, and
/// nothing on stdout.
fn bad_usage(args: &[&str], mentions: &str) {
    let o = run_with(args, "");
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert!(
        err.contains(mentions),
        "{args:?}: {err:?} lacks {mentions:?}"
    );
    assert!(err.contains("Usage: cloudabi-run"), "{err}");
    assert_eq!(stdout(&o), "");
}

#[test]
fn bad_usage_exits_2_with_a_clear_message() {
    bad_usage(&["--bogus"], "unexpected argument '--bogus'");
    bad_usage(&[], "required arguments were not provided");
    bad_usage(&["a", "b"], "unexpected argument 'b'");
    bad_usage(&["--dump", "prog"], "cannot be used with");
}

#[test]
fn exit_statuses_are_the_guests_and_127_for_the_launcher() {
    let exe = c_guest("hello");
    let o = run(&exe, "out: !fd stdout\n");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = run(&exe, "out: !file {path: /nonexistent/x}\n");
    assert_eq!(o.status.code(), Some(127));
    let o = run_with(&["/nonexistent/program"], HEADER);
    assert_eq!(o.status.code(), Some(127));
}

/// `--trace` reaches the program `proc_exec` starts (through the hidden
/// mode's command line).
#[test]
fn trace_survives_proc_exec() {
    let hello = c_guest("hello");
    let body = format!(
        "out: !fd stdout\ncmd: exec\nprogram: !file {{path: {}}}\n",
        quoted(hello.to_str().unwrap())
    );
    let o = run_with(
        &["--trace", rust_guest().to_str().unwrap()],
        &format!("{HEADER}{body}"),
    );
    assert_eq!(stdout(&o), "Hello, World!\n", "{}", stderr(&o));
    // hello's one write, traced by the re-executed launcher.
    let err = stderr(&o);
    assert!(err.contains("14 bytes]) = Ok(14)"), "{err}");
}
