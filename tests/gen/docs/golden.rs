//! The docs backend's files: goldens of the focused spec (tests/specs/docs/constructs.txt,
//! each construct once), and the file set, banner and determinism for our spec.

use super::docs;
use crate::golden::Golden;
use crate::specs;
use cloudabi_gen::backend::OutputFile;

/// The outputs that depend on the spec (the stylesheet and the script do not).
const PER_SPEC: [&str; 3] = [
    "docs/cloudabi.md",
    "docs/cloudabi-rust.md",
    "docs/html/index.html",
];

fn contents<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("the docs backend writes {path}"))
}

/// The spec-dependent files of every focused spec under tests/specs/docs/ against their
/// goldens (our spec's are `generated/docs/`).
#[test]
fn focused_specs_match_their_goldens() {
    let mut golden = Golden::new("docs");
    for (spec, ir) in specs::focused("docs") {
        let files = docs(&ir);
        for path in PER_SPEC {
            golden.text(&spec, path, contents(&files, path));
        }
    }
    golden.finish();
}

#[test]
fn output_is_deterministic_and_bannered() {
    let ir = specs::ours();
    let first = docs(&ir);
    assert_eq!(first, docs(&ir));
    let paths: Vec<&str> = first.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "docs/cloudabi.md",
            "docs/cloudabi-rust.md",
            "docs/html/index.html",
            "docs/html/style.css",
            "docs/html/search.js"
        ]
    );
    for f in &first {
        let first_line = f.contents.lines().next().unwrap_or("");
        assert!(
            first_line.contains("Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit"),
            "{} starts with {first_line:?}",
            f.path
        );
    }
}
