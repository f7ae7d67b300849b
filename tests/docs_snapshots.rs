//! Snapshots of the docs backend: both Markdown files and the HTML index for our spec, and
//! every output for a small spec that has each construct once.

use cloudabi_gen::backend::{self, OutputFile};
use cloudabi_gen::ir::Ir;

const CONSTRUCTS: &str = include_str!("specs/docs/constructs.txt");

fn docs(ir: &Ir) -> Vec<OutputFile> {
    let backend = backend::find("docs").expect("the docs backend is registered");
    (backend.generate)(ir)
}

fn contents<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    files
        .iter()
        .find(|f| f.path == path)
        .map(|f| f.contents.as_str())
        .unwrap_or_else(|| panic!("the docs backend writes {path}"))
}

#[test]
fn default_spec() {
    let ir = cloudabi_gen::default_ir().expect("our spec is valid");
    let files = docs(&ir);
    insta::assert_snapshot!("default_cloudabi_md", contents(&files, "docs/cloudabi.md"));
    insta::assert_snapshot!(
        "default_cloudabi_rust_md",
        contents(&files, "docs/cloudabi-rust.md")
    );
    insta::assert_snapshot!(
        "default_html_index",
        contents(&files, "docs/html/index.html")
    );
}

#[test]
fn constructs_spec() {
    let ir = cloudabi_gen::load("tests/specs/docs/constructs.txt", CONSTRUCTS)
        .unwrap_or_else(|e| panic!("{}", e.render()));
    let files = docs(&ir);
    insta::assert_snapshot!(
        "constructs_cloudabi_md",
        contents(&files, "docs/cloudabi.md")
    );
    insta::assert_snapshot!(
        "constructs_cloudabi_rust_md",
        contents(&files, "docs/cloudabi-rust.md")
    );
    insta::assert_snapshot!(
        "constructs_html_index",
        contents(&files, "docs/html/index.html")
    );
}

#[test]
fn output_is_deterministic_and_bannered() {
    let ir = cloudabi_gen::default_ir().expect("our spec is valid");
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
