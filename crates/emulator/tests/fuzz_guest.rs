//! The fuzzer guest (tests/guests/c/fuzz.c): seeded, reproducible runs of
//! all 49 calls with hostile pointers (the emulator's stacks, state, code
//! and dispatch table, past the end of a shared mapping, unmapped, null,
//! misaligned, overlapping). Every run must end with the guest's own exit
//! and its summary: no launcher crash, no fault report. A failing seed is
//! rerun alone with `mode` and `seed` in the YAML below.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

mod common;

use std::os::unix::process::ExitStatusExt;

use common::*;

const SEEDS: u64 = 24;
const CALLS: u64 = 50_000;

#[test]
fn hostile_pointers_never_crash_the_launcher() {
    let mut total = 0u64;
    for seed in 1..=SEEDS {
        let o = run(
            &c_guest("fuzz"),
            &format!("out: !fd stdout\nseed: {seed}\ncalls: {CALLS}\n"),
        );
        let err = stderr(&o);
        assert_eq!(
            o.status.signal(),
            None,
            "seed {seed}: launcher died of a signal"
        );
        assert_eq!(o.status.code(), Some(0), "seed {seed}: {err}");
        assert!(!err.contains("faulted"), "seed {seed}: {err}");
        let text = stdout(&o);
        let summary = text
            .lines()
            .rev()
            .find(|l| l.starts_with("fuzz seed="))
            .unwrap_or_else(|| panic!("seed {seed}: no summary"));
        assert!(summary.contains(" distinct=49"), "{summary}");
        let calls: u64 = summary
            .split(' ')
            .find_map(|f| f.strip_prefix("calls="))
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(calls > CALLS * 9 / 10, "{summary}");
        total += calls;
    }
    eprintln!("{total} fuzzed calls, 0 launcher crashes");
}
