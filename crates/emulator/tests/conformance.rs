//! The conformance suite (crates/conformance) against this launcher, or
//! against the one `CLOUDABI_RUN` names: every case of every guest must
//! pass.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

use std::path::PathBuf;

#[test]
fn every_conformance_case_passes() {
    let launcher = std::env::var_os("CLOUDABI_RUN")
        .map(PathBuf::from)
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
}
