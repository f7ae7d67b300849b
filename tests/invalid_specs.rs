//! Every spec under tests/specs/invalid/ must be rejected; its rendered diagnostics are
//! snapshot-tested so a change in wording or position is a visible diff.

use std::path::Path;

fn diagnostics_for(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let name = format!(
        "tests/specs/invalid/{}",
        path.file_name().unwrap().to_string_lossy()
    );
    match cloudabi_gen::load(&name, &text) {
        Ok(_) => panic!("{name} was accepted; every spec in tests/specs/invalid must be rejected"),
        Err(e) => e.render(),
    }
}

#[test]
fn invalid_specs_are_rejected_with_exact_diagnostics() {
    insta::glob!("specs/invalid/*.txt", |path| {
        insta::assert_snapshot!(diagnostics_for(path));
    });
}

#[test]
fn every_error_in_a_file_is_reported() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/invalid/many_errors.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let errors = cloudabi_gen::load("many_errors.txt", &text).unwrap_err();
    assert!(errors.diagnostics.len() >= 7, "{}", errors.render());
}

#[test]
fn corpus_is_large_enough() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/specs/invalid");
    assert!(std::fs::read_dir(dir).unwrap().count() >= 30);
}
