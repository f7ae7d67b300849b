//! `--explore` on guests with planted error-path bugs (tests/guests/c/
//! errpaths.c): each bug is found, each finding's `--inject` reproduces it,
//! and the same programs with the bugs fixed yield no findings.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

fn config(mode: &str, careful: bool) -> String {
    format!("{HEADER}out: !fd stdout\nerr: !fd stderr\nmode: {mode}\ncareful: {careful}\n")
}

/// `cloudabi-run --explore=... errpaths`: its exit code and report.
fn explore(mode: &str, careful: bool) -> (i32, String) {
    let exe = c_guest("errpaths");
    let o = run_with(
        &["--explore", "--explore-timeout=2", exe.to_str().unwrap()],
        &config(mode, careful),
    );
    (o.status.code().unwrap_or(-1), stdout(&o))
}

/// How a run ended, as the explorer words it.
#[derive(Debug, PartialEq)]
enum Ending {
    Exit(i32, Vec<u8>),
    Signal(i32),
    Hung,
}

/// Runs errpaths with `--inject spec`, killing it after `limit`.
fn inject(mode: &str, spec: &str, limit: Duration) -> Ending {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cloudabi-run"))
        .arg(format!("--inject={spec}"))
        .arg(c_guest("errpaths"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let _ = child
        .stdin
        .take()
        .unwrap()
        .write_all(config(mode, false).as_bytes());
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            let o = child.wait_with_output().unwrap();
            use std::os::unix::process::ExitStatusExt;
            return match (o.status.code(), o.status.signal()) {
                (Some(c), _) => Ending::Exit(c, o.stdout),
                (_, Some(s)) => Ending::Signal(s),
                _ => unreachable!(),
            };
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            return Ending::Hung;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The SPECs of the `found:` lines, each with how it ended.
fn findings(report: &str) -> Vec<(String, String)> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("found: --inject "))
        .map(|rest| {
            let (spec, how) = rest.split_once(": ").expect("found: --inject SPEC: HOW");
            (spec.to_string(), how.to_string())
        })
        .collect()
}

fn clean_output(mode: &str) -> Vec<u8> {
    let o = run_with(
        &[c_guest("errpaths").to_str().unwrap()],
        &config(mode, false),
    );
    assert_eq!(o.status.code(), Some(0));
    o.stdout
}

/// Explores `mode`, expects findings that all end as `expect` says, and
/// reproduces each with its SPEC.
fn finds_and_reproduces(mode: &str, ends: &str, reproduced: impl Fn(&Ending) -> bool + Sync) {
    let (code, report) = explore(mode, false);
    assert_eq!(code, 1, "{report}");
    let found = findings(&report);
    assert!(!found.is_empty(), "{report}");
    for (spec, how) in &found {
        assert!(how.starts_with(ends), "{spec}: {how}\n{report}");
    }
    assert!(
        !report.contains("a second run ended"),
        "every finding reproduces within the explorer:\n{report}"
    );
    // Each reproducer, outside the explorer (hangs in parallel: each
    // takes the whole limit).
    std::thread::scope(|s| {
        for (spec, how) in &found {
            let reproduced = &reproduced;
            s.spawn(move || {
                let ending = inject(mode, spec, Duration::from_secs(3));
                assert!(
                    reproduced(&ending),
                    "--inject {spec} ({how}) ended {ending:?}"
                );
            });
        }
    });
}

#[test]
fn an_unchecked_mem_map_failure_is_found_as_a_crash() {
    finds_and_reproduces(
        "alloc",
        "faulted: SIGSEGV at address 0x",
        |e| matches!(e, Ending::Exit(code, _) if *code == 128 + libc::SIGSEGV),
    );
    let (_, report) = explore("alloc", false);
    let first = report.lines().nth(1).unwrap_or_default();
    assert!(
        first.contains("mem_map(") && first.contains("= Err(ENOMEM) [injected]"),
        "the trace before the finding shows the failed call:\n{report}"
    );
}

#[test]
fn an_ignored_short_write_is_found_as_lost_output() {
    let clean = clean_output("short");
    finds_and_reproduces(
        "short",
        "exited 0, but its output differs from the clean run",
        |e| matches!(e, Ending::Exit(0, out) if *out != clean),
    );
}

#[test]
fn a_lock_leaked_on_an_error_path_is_found_as_a_hang() {
    finds_and_reproduces("lock", "hung", |e| *e == Ending::Hung);
}

#[test]
fn correct_programs_yield_no_findings() {
    for mode in ["alloc", "short", "lock"] {
        let (code, report) = explore(mode, true);
        assert_eq!(code, 0, "{mode}: {report}");
        assert!(findings(&report).is_empty(), "{mode}: {report}");
        assert!(report.contains("0 findings"), "{mode}: {report}");
    }
}

/// The report is the same from run to run (but for the time it took).
#[test]
fn exploring_twice_finds_the_same() {
    let strip = |r: String| -> String {
        r.lines()
            .filter(|l| !l.starts_with("explored "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (_, a) = explore("short", false);
    let (_, b) = explore("short", false);
    assert_eq!(strip(a), strip(b));
}

/// The explored runs are confined like any other (`--sandbox=on` is the
/// default); with `--sandbox=off` given to `--explore`, every run gets it,
/// and the findings are the same.
#[test]
fn exploring_with_the_sandbox_on_and_off_finds_the_same() {
    let exe = c_guest("errpaths");
    let exe = exe.to_str().unwrap();
    let report = |sandbox: &str| {
        let o = run_with(
            &["--explore", "--explore-timeout=2", sandbox, exe],
            &config("alloc", false),
        );
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        findings(&stdout(&o))
    };
    let on = report("--sandbox=on");
    assert!(!on.is_empty());
    assert_eq!(on, report("--sandbox=off"));
}

/// A program or configuration that cannot be run is trouble (2), not a
/// finding (1) nor a clean bill (0), as grep's statuses go.
#[test]
fn exploring_what_cannot_run_exits_2() {
    let exe = c_guest("errpaths");
    let exe = exe.to_str().unwrap();
    let o = run_with(
        &["--explore", "/nonexistent/program"],
        &config("alloc", false),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("could not be run"), "{}", stderr(&o));
    let o = run_with(
        &["--explore", exe],
        &format!(
            "{HEADER}out: !file {{path: /nonexistent}}
"
        ),
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("/nonexistent"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn explore_usage_errors_exit_2() {
    let exe = c_guest("errpaths");
    let exe = exe.to_str().unwrap();
    for (args, says) in [
        (
            vec!["--explore", "--inject=nth=1", exe],
            "cannot be used with",
        ),
        (vec!["--explore=x", exe], "invalid value"),
        (vec!["--explore-timeout=1", exe], "--explore"),
        (
            vec!["--explore", "--explore-timeout=-1", exe],
            "positive number",
        ),
        (vec!["--explore", "--jobs=0", exe], "--jobs"),
    ] {
        let o = run_with(&args, &config("short", false));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
    }
}
