//! The `cloudabi-gen` command line: exit codes, diagnostics, and nothing half-written.

use std::process::{Command, Output};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cloudabi-gen"))
}

/// Runs `command` and fails the test, showing its stderr, unless it succeeds.
fn succeed(command: &mut Command) -> Output {
    let run = command.output().unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    run
}

/// `cloudabi-gen SPEC -b json --out OUT`, which must succeed.
fn generate_json(spec: &std::path::Path, out: &std::path::Path) -> Output {
    succeed(cli().arg(spec).args(["-b", "json", "--out"]).arg(out))
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
    generate_json(&spec, &out);
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
    let run = succeed(cli().arg(&spec).arg("--dry-run"));
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
fn a_spec_that_is_not_utf8_is_reported_at_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bin.txt");
    std::fs::write(&p, b"alias uint32 a\n\t| A caf\xe9 and \xff.\n").unwrap();
    for args in [&[][..], &["fmt", "--check"][..]] {
        let run = cli().args(args).arg(&p).output().unwrap();
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("bin.txt:2:9"), "{stderr}");
        assert!(stderr.contains("byte 0xe9"), "{stderr}");
    }
}

#[test]
fn json_diagnostics_are_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(
        dir.path(),
        "bad.txt",
        "alias uint33 a\n\t| A.\nstruct s\n\t| S.\n\tcuont x\n\t\t| X.\nalias uint8 count\n\t| C.\n",
    );
    let run = cli()
        .arg(&spec)
        .args(["--message-format", "json"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(
        run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8(run.stdout).unwrap();
    let diags: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is a JSON object"))
        .collect();
    assert_eq!(diags.len(), 2, "{stdout}");
    let unknown = &diags[1];
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["message"], "unknown type `cuont`");
    assert!(unknown["file"].as_str().unwrap().ends_with("bad.txt"));
    assert_eq!(
        (&unknown["line"], &unknown["column"]),
        (&5.into(), &2.into())
    );
    assert_eq!(
        (&unknown["end_line"], &unknown["end_column"]),
        (&5.into(), &7.into())
    );
    let text = std::fs::read_to_string(&spec).unwrap();
    let [start, end] = [0, 1].map(|i| unknown["span"][i].as_u64().unwrap() as usize);
    assert_eq!(&text[start..end], "cuont");
    assert!(unknown["notes"][0].as_str().unwrap().contains("count"));
}

#[test]
fn fmt_rewrites_a_spec_in_canonical_layout_and_check_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "\n\nalias  uint32 count\n\t| A count.   \n\n\tflags uint8 f\n";
    let messy = messy.replace("\tflags uint8 f\n", "");
    let messy =
        format!("{messy}struct s\n\t| S.\n\tcount n\n\t\t| N.\n\tcrange char name\n\t\t| Name.\n");
    let spec = write(dir.path(), "messy.txt", &messy);
    let check = cli().args(["fmt", "--check"]).arg(&spec).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stderr).contains("messy.txt"));
    assert_eq!(
        std::fs::read_to_string(&spec).unwrap(),
        messy,
        "--check writes nothing"
    );
    succeed(cli().arg("fmt").arg(&spec));
    let formatted = std::fs::read_to_string(&spec).unwrap();
    assert_eq!(
        formatted,
        "alias uint32 count\n\t| A count.\n\nstruct s\n\t| S.\n\tcount       n\n\t\t| N.\n\tcrange char name\n\t\t| Name.\n"
    );
    let again = cli().args(["fmt", "--check"]).arg(&spec).output().unwrap();
    assert!(again.status.success(), "formatting is idempotent");
}

#[test]
fn fmt_refuses_an_invalid_spec_and_leaves_it_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = "alias  uint33 a\n\t| A.\n";
    let spec = write(dir.path(), "bad.txt", text);
    let run = cli().arg("fmt").arg(&spec).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.txt:1:8"));
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), text);
}

#[test]
fn our_spec_and_every_valid_test_spec_keep_their_abi_and_docs_when_formatted() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    succeed(
        cli()
            .args(["fmt", "--check"])
            .arg(root.join("spec/cloudabi.txt")),
    );
    let mut checked = 0;
    for spec in crate::specs::every_file() {
        let text = std::fs::read_to_string(&spec).unwrap();
        let Ok(before) = cloudabi_gen::load("a.txt", &text) else {
            continue;
        };
        let formatted = cloudabi_gen::fmt::format(&text);
        assert_eq!(cloudabi_gen::fmt::format(&formatted), formatted, "{spec:?}");
        let after = cloudabi_gen::load("a.txt", &formatted).unwrap();
        let diffs = cloudabi_gen::conformance::compare(&before, &after);
        assert!(diffs.is_empty(), "{spec:?}: {diffs:?}");
        let docs = |ir: &cloudabi_gen::ir::Ir| -> Vec<String> {
            let mut d = vec![ir.doc.text.clone()];
            d.extend(ir.types.iter().map(|t| t.doc.text.clone()));
            d.extend(ir.syscalls.iter().map(|s| s.doc.text.clone()));
            d
        };
        assert_eq!(docs(&before), docs(&after), "{spec:?}");
        checked += 1;
    }
    assert!(checked > 5, "{checked}");
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

#[test]
fn a_second_run_leaves_up_to_date_files_alone_and_rewrites_changed_ones() {
    let dir = tempfile::tempdir().unwrap();
    let spec = write(dir.path(), "ok.txt", "alias uint32 count\n\t| A count.\n");
    let out = dir.path().join("out");
    let run = || String::from_utf8(generate_json(&spec, &out).stderr).unwrap();
    run();
    let json = out.join("json/cloudabi.json");
    let schema = out.join("json/cloudabi.schema.json");
    let inode =
        |p: &std::path::Path| std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p).unwrap());
    let (json_inode, schema_inode) = (inode(&json), inode(&schema));
    let good = std::fs::read(&json).unwrap();
    std::fs::write(&json, b"stale").unwrap();
    let stderr = run();
    assert!(
        stderr.contains("wrote 1 files") && stderr.contains("1 already up to date"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&json).unwrap(), good);
    assert_ne!(
        inode(&json),
        json_inode,
        "a changed file is replaced through a rename"
    );
    assert_eq!(
        inode(&schema),
        schema_inode,
        "an up-to-date file is not touched"
    );
}
