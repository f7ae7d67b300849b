//! cloudabi-gen: parses `cloudabi.txt` into a typed, validated, laid-out IR and runs the
//! backends that turn it into headers, bindings, vDSOs and documentation.
//!
//! ```
//! let ir = cloudabi_gen::load("my.txt", "alias uint32 count\n\t| A count.\n").unwrap();
//! assert_eq!(ir.types[0].name.name, "count");
//! ```

pub mod diag;
pub mod fmt;
pub mod ir;
pub mod naming;
pub mod parse;
pub mod source;

use diag::Diagnostic;
use source::SourceMap;

/// Our spec, embedded so `cargo xtask gen` needs no path.
pub const DEFAULT_SPEC: &str = include_str!("../spec/cloudabi.txt");
/// The name diagnostics and generated-file headers use for [`DEFAULT_SPEC`].
pub const DEFAULT_SPEC_NAME: &str = "spec/cloudabi.txt";

/// Why a spec could not be turned into an IR: every problem found, and the sources they
/// point into.
#[derive(Debug, Clone)]
pub struct SpecErrors {
    pub sources: SourceMap,
    pub diagnostics: Vec<Diagnostic>,
}

impl SpecErrors {
    /// Plain-text rendering: `file:line:col`, the source line and a caret per problem.
    pub fn render(&self) -> String {
        diag::render(&self.sources, &self.diagnostics)
    }
}

impl SpecErrors {
    /// One JSON object per line and diagnostic (see [`diag::render_json`]).
    pub fn render_json(&self) -> String {
        diag::render_json(&self.sources, &self.diagnostics)
    }
}

impl std::fmt::Display for SpecErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for SpecErrors {}

/// Parses, resolves, validates and lays out a spec given as text.
pub fn load(name: &str, text: &str) -> Result<ir::Ir, SpecErrors> {
    let mut sources = SourceMap::default();
    let file = sources.add(name, text);
    ir::build(sources, file).map_err(|(sources, diagnostics)| SpecErrors {
        sources,
        diagnostics,
    })
}

/// [`load`] for a file's bytes: bytes that are not UTF-8 are one error, at the first bad
/// byte (`file:line:col` like any other).
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<ir::Ir, SpecErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => load(name, text),
        Err(e) => Err(not_utf8(name, bytes, e.valid_up_to())),
    }
}

/// The spec's text if it is UTF-8, or the error [`load_bytes`] gives.
pub fn spec_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, SpecErrors> {
    std::str::from_utf8(bytes).map_err(|e| not_utf8(name, bytes, e.valid_up_to()))
}

fn not_utf8(name: &str, bytes: &[u8], at: usize) -> SpecErrors {
    // The lossy text equals the bytes up to `at`, where U+FFFD stands for the bad bytes, so
    // the span points at the right line and column and the line can still be shown.
    let mut sources = SourceMap::default();
    let file = sources.add(name, String::from_utf8_lossy(bytes).into_owned());
    let span = source::Span::new(file, at..at + '\u{FFFD}'.len_utf8());
    let diagnostic = Diagnostic::error(
        span,
        format!(
            "the spec is not UTF-8: byte 0x{:02x} cannot be here",
            bytes[at]
        ),
    )
    .with_label("not valid UTF-8")
    .with_note("a spec is UTF-8 text; save it as UTF-8");
    SpecErrors {
        sources,
        diagnostics: vec![diagnostic],
    }
}

/// Whether the file at `path` holds exactly `contents`; an error if it cannot be opened or
/// read. It is read through one small buffer on the stack, so checking a large file
/// touches no fresh memory (`cloudabi-gen -o` and `xtask gen` leave such files alone).
pub fn file_holds(path: &std::path::Path, contents: &[u8]) -> std::io::Result<bool> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    if file.metadata()?.len() != contents.len() as u64 {
        return Ok(false);
    }
    let mut buf = [0u8; 64 * 1024];
    let mut rest = contents;
    loop {
        match file.read(&mut buf) {
            Ok(0) => return Ok(rest.is_empty()),
            Ok(n) if n <= rest.len() && buf[..n] == rest[..n] => rest = &rest[n..],
            Ok(_) => return Ok(false),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// The IR of our own spec.
pub fn default_ir() -> Result<ir::Ir, SpecErrors> {
    load(DEFAULT_SPEC_NAME, DEFAULT_SPEC)
}
pub mod backend;
pub mod conformance;
#[doc(hidden)]
pub mod copies;

#[cfg(test)]
mod tests {
    #[test]
    fn file_holds_compares_every_byte_and_fails_on_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        std::fs::write(&path, &big).unwrap();
        assert!(super::file_holds(&path, &big).unwrap());
        let mut last_differs = big.clone();
        *last_differs.last_mut().unwrap() ^= 1;
        assert!(!super::file_holds(&path, &last_differs).unwrap());
        assert!(!super::file_holds(&path, &big[1..]).unwrap());
        assert!(super::file_holds(&dir.path().join("missing"), &big).is_err());
    }
}
