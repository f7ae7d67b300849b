//! The `cloudabi-gen` command line: exit codes, diagnostics, and nothing half-written.

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cloudabi-gen"))
}

fn write(dir: &std::path::Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn invalid_spec_exits_2_with_every_diagnostic_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(
        dir.path(),
        "bad.txt",
        "alias uint33 a\n\t| A.\nstruct s\n\t| S.\n\tnope x\n\t\t| X.\n",
    );
    let out = dir.path().join("out");
    let run = cli().arg(&spec).arg("--out").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(stderr.contains("bad.txt:1:7"), "{stderr}");
    assert!(stderr.contains("bad.txt:5:2"), "{stderr}");
    assert!(stderr.contains("2 errors found"), "{stderr}");
    assert!(!out.exists(), "nothing may be written for an invalid spec");
}

#[test]
fn valid_spec_generates_selected_backend() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "ok.txt", "alias uint32 count\n\t| A count.\nsyscall nap\n\t| Sleep.\n\tin\n\t\tcount n\n\t\t\t| How long.\n");
    let out = dir.path().join("out");
    let run = cli()
        .arg(&spec)
        .args(["-b", "json", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json = std::fs::read_to_string(out.join("json/cloudabi.json")).unwrap();
    assert!(json.contains("\"nap\""));
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|p| p.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn every_backend_runs_on_a_small_spec() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "ok.txt", "alias uint32 count\n\t| A count.\nsyscall nap\n\t| Sleep.\n\tin\n\t\tcount n\n\t\t\t| How long.\n");
    let run = cli().arg(&spec).arg("--dry-run").output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let listed = String::from_utf8(run.stdout).unwrap();
    assert!(listed.lines().count() > 10, "{listed}");
}

#[test]
fn unknown_backend_and_missing_file_are_clear_errors() {
    let run = cli().args(["/nonexistent/spec.txt"]).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot read /nonexistent/spec.txt"));
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "ok.txt", "alias uint32 count\n\t| A count.\n");
    let run = cli().arg(&spec).args(["-b", "cobol"]).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("unknown backend `cobol`"));
}

#[test]
fn non_utf8_spec_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bin.txt");
    std::fs::write(&p, b"alias uint32 \xff\n").unwrap();
    let run = cli().arg(&p).output().unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not UTF-8 (invalid byte at offset 13)"));
}

fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}
