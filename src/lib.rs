//! cloudabi-gen: parses `cloudabi.txt` into a typed, validated, laid-out IR and runs the
//! backends that turn it into headers, bindings, vDSOs and documentation.
//!
//! ```
//! let ir = cloudabi_gen::load("my.txt", "alias uint32 count\n\t| A count.\n").unwrap();
//! assert_eq!(ir.types[0].name.name, "count");
//! ```

pub mod diag;
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

/// The IR of our own spec.
pub fn default_ir() -> Result<ir::Ir, SpecErrors> {
    load(DEFAULT_SPEC_NAME, DEFAULT_SPEC)
}
pub mod backend;
pub mod conformance;
