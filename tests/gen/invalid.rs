//! Every spec under tests/specs/invalid/ must be rejected; its rendered diagnostics are
//! golden (`tests/golden/invalid/{spec}/diagnostics.snap`) so a change in wording or
//! position is a visible diff.

use crate::golden::Golden;
use crate::specs;

#[test]
fn invalid_specs_are_rejected_with_exact_diagnostics() {
    let mut golden = Golden::new("invalid");
    for path in specs::paths("invalid") {
        match specs::load(&path) {
            Ok(_) => panic!(
                "{} was accepted; every spec in tests/specs/invalid must be rejected",
                path.display()
            ),
            Err(e) => golden.text(&specs::name(&path), "diagnostics", &e.render()),
        }
    }
    golden.finish();
}

#[test]
fn every_error_in_a_file_is_reported() {
    let path = specs::root().join("invalid/many_errors.txt");
    let errors = specs::load(&path).unwrap_err();
    assert!(errors.diagnostics.len() >= 7, "{}", errors.render());
}

#[test]
fn corpus_is_large_enough() {
    assert!(specs::paths("invalid").len() >= 30);
}
