//! Conformance: our spec compared with itself, with an edited copy, and (where the shared
//! reference material is checked out beside the repo) with the upstream spec.

use cloudabi_gen::conformance::compare;
use std::path::Path;

use crate::specs::ours;

#[test]
fn our_spec_conforms_to_itself() {
    assert_eq!(compare(&ours(), &ours()), vec![]);
}

#[test]
fn editing_one_value_reports_exactly_that_difference() {
    let edited = cloudabi_gen::DEFAULT_SPEC.replacen(
        "\t0x10 size\n\t\t| Shrink",
        "\t0x20 size\n\t\t| Shrink",
        1,
    );
    assert!(
        edited != cloudabi_gen::DEFAULT_SPEC,
        "the value to edit must exist"
    );
    let theirs = cloudabi_gen::load("edited.txt", &edited).unwrap_or_else(|e| panic!("{e}"));
    let diffs = compare(&ours(), &theirs);
    let shown: Vec<String> = diffs.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["types[fsflags].values[size].value: ours 16, theirs 32"]
    );
}

#[test]
fn doc_text_is_ignored() {
    let edited = cloudabi_gen::DEFAULT_SPEC.replacen("| ", "| Reworded: ", 5);
    let theirs = cloudabi_gen::load("edited.txt", &edited).unwrap();
    assert_eq!(compare(&ours(), &theirs), vec![]);
}

#[test]
fn a_removed_member_is_reported() {
    let edited =
        cloudabi_gen::DEFAULT_SPEC.replacen("\ttimestamp st_ctim", "\ttimestamp st_xtim", 1);
    let theirs = cloudabi_gen::load("edited.txt", &edited).unwrap();
    let shown: Vec<String> = compare(&ours(), &theirs)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown
            .iter()
            .any(|d| d.contains("members[st_ctim]") && d.contains("only in ours")),
        "{shown:#?}"
    );
    assert!(
        shown
            .iter()
            .any(|d| d.contains("members[st_xtim]") && d.contains("only in theirs")),
        "{shown:#?}"
    );
}

/// Runs only where `../shared/upstream/cloudabi.txt` exists (CI has it, a fresh clone does
/// not); it says so when it does not run. `.ci/run` also runs `cargo xtask conformance`.
#[test]
fn upstream_spec_declares_the_same_abi() {
    let upstream = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/upstream/cloudabi.txt");
    let Ok(text) = std::fs::read_to_string(&upstream) else {
        eprintln!(
            "note: {} not found; upstream conformance not checked here",
            upstream.display()
        );
        return;
    };
    let theirs =
        cloudabi_gen::load("upstream/cloudabi.txt", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(compare(&ours(), &theirs), vec![]);
}
