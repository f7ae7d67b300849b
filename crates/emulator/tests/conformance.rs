//! The conformance suite (crates/conformance) against this launcher, or
//! against the one `CLOUDABI_RUN` names: every case of every guest must
//! pass. Against this launcher, README.md's table of calls, cases and
//! passes must also be what the suite reports.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use cloudabi_conformance::Tally;

#[test]
fn every_conformance_case_passes() {
    let other = std::env::var_os("CLOUDABI_RUN").map(PathBuf::from);
    let launcher = other
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_cloudabi-run")));
    let work = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("conformance");
    let report = cloudabi_conformance::run(&launcher, &work, &[]).unwrap_or_else(|e| panic!("{e}"));
    let lines = report.lines();
    for line in &lines {
        println!("{line}");
    }
    print!("{}", report.summary());
    let failed: Vec<&String> = lines.iter().filter(|l| l.starts_with("FAIL")).collect();
    assert!(
        report.passed(),
        "{} failures:\n{}",
        failed.len(),
        failed
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    if other.is_none() {
        let mut measured: BTreeMap<String, Tally> = report
            .tally()
            .into_iter()
            .map(|(call, t)| (call.to_string(), t))
            .collect();
        measured.insert("total".into(), report.total());
        let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
        let rows = readme_table(&std::fs::read_to_string(&readme).unwrap());
        for (call, (tally, status)) in &rows {
            check_status(call, tally, status);
        }
        let shown: BTreeMap<String, Tally> =
            rows.into_iter().map(|(call, (t, _))| (call, t)).collect();
        let calls: std::collections::BTreeSet<&String> =
            shown.keys().chain(measured.keys()).collect();
        let differ: Vec<String> = calls
            .into_iter()
            .filter(|c| shown.get(*c) != measured.get(*c))
            .map(|c| {
                format!(
                    "  {c}: README {:?}, suite {:?}",
                    shown.get(c),
                    measured.get(c)
                )
            })
            .collect();
        assert!(
            differ.is_empty(),
            "README.md's conformance table is not the suite's result; regenerate its numbers \
             with `cargo run -p cloudabi-conformance -- --launcher target/debug/cloudabi-run \
             --markdown`:\n{}",
            differ.join("\n")
        );
    }
}

/// A call's row says whether the call is complete, partial (with what is
/// missing) or refused (with why), and a call with a known difference is not
/// called complete.
fn check_status(call: &str, tally: &Tally, status: &str) {
    if call == "total" || call == "workload" {
        return;
    }
    let explained = |word: &str| {
        status
            .strip_prefix(word)
            .is_some_and(|rest| rest.trim_start_matches([':', ' ']).len() > 3)
    };
    let ok = if tally.known > 0 || tally.passed < tally.cases {
        explained("partial") || explained("refused")
    } else {
        status.starts_with("complete") || explained("partial") || explained("refused")
    };
    assert!(
        ok,
        "README.md's conformance table: `{call}` ({tally:?}) has status {status:?}; \
         it must be `complete`, `partial: what is missing` or `refused: why`, and a call \
         with known differences is not complete"
    );
}

/// The rows of README.md's conformance table: call (or `total`) → its
/// cases, passes and known differences, and its status.
fn readme_table(readme: &str) -> BTreeMap<String, (Tally, String)> {
    let start = readme
        .find("<!-- conformance table")
        .expect("README.md has a conformance table");
    let end = start
        + readme[start..]
            .find("<!-- end of conformance table -->")
            .expect("the conformance table ends");
    let mut rows = BTreeMap::new();
    for line in readme[start..end].lines() {
        let cells: Vec<&str> = line.trim().trim_matches('|').split('|').collect();
        let name = cells[0].trim().trim_matches(|c| c == '`' || c == '*');
        let number =
            |i: usize| -> Option<usize> { cells.get(i)?.trim().trim_matches('*').parse().ok() };
        if let (Some(cases), Some(passed), Some(known)) = (number(1), number(2), number(3)) {
            let status = cells.get(4).map_or("", |s| s.trim()).to_string();
            let tally = Tally {
                cases,
                passed,
                known,
            };
            rows.insert(name.to_string(), (tally, status));
        }
    }
    rows
}
