//! A doc reference that names nothing is a spec error with a `file:line:col` location, so
//! no docs are generated with a dead link, through the library or the CLI.

use std::process::Command;

/// One bad reference in each place a doc can sit, plus good ones that must not be flagged.
const SPEC: &str = "\
| Root doc, see [nowhere].

enum uint8 kind
\t| A kind; see [kind.b] and [kind.c].
\t1 a
\t\t| Value doc, see [kind.a.deeper].
\t2 b
\t\t| Fine.

struct pair
\t| A pair of [kind] values.
\tkind first
\t\t| Its sibling is [pair.third].
\tkind second
\t\t| Fine: [pair.first].

syscall go
\t| Goes.
\tin
\t\tpair p
\t\t\t| See [go.q] and [go.p].
";

/// (reference, 1-based line, 1-based column of its `[`) for each bad reference in SPEC.
fn expected() -> Vec<(String, usize, usize)> {
    let bad = [
        "[nowhere]",
        "[kind.c]",
        "[kind.a.deeper]",
        "[pair.third]",
        "[go.q]",
    ];
    let mut out = Vec::new();
    for (i, line) in SPEC.lines().enumerate() {
        for b in bad {
            if let Some(col) = line.find(b) {
                // Columns count characters; a tab counts as one.
                out.push((b.to_string(), i + 1, line[..col].chars().count() + 1));
            }
        }
    }
    assert_eq!(out.len(), bad.len());
    out
}

#[test]
fn load_rejects_each_unresolvable_reference_with_its_location() {
    let err = cloudabi_gen::load("bad_refs.txt", SPEC).expect_err("dangling references");
    let rendered = err.render();
    assert_eq!(err.diagnostics.len(), 5, "{rendered}");
    for (reference, line, col) in expected() {
        let location = format!("bad_refs.txt:{line}:{col}");
        assert!(
            rendered.contains(&location),
            "{reference} should be reported at {location}:\n{rendered}"
        );
        assert!(
            rendered.contains(&format!("unresolved doc reference `{reference}`")),
            "{rendered}"
        );
    }
    for good in ["[kind.b]", "[kind]", "[pair.first]", "[go.p]"] {
        assert!(
            !rendered.contains(&format!("`{good}`")),
            "{good} resolves:\n{rendered}"
        );
    }
}

#[test]
fn the_cli_generates_no_docs_for_such_a_spec() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let spec = dir.path().join("bad_refs.txt");
    std::fs::write(&spec, SPEC).expect("write the spec");
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_cloudabi-gen"))
        .arg(&spec)
        .args(["--backend", "docs", "--out"])
        .arg(&out)
        .output()
        .expect("run cloudabi-gen");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "{stderr}");
    let (_, line, col) = &expected()[0];
    assert!(
        stderr.contains(&format!("bad_refs.txt:{line}:{col}")),
        "{stderr}"
    );
    assert!(!out.join("docs").exists(), "no docs are written");
}
