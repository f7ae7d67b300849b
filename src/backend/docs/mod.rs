//! Docs backend: the ABI reference as Markdown (C naming and Rust naming) and as a
//! self-contained HTML site.
//!
//! One walk over the IR ([`model::build`]) produces a page model per naming strategy
//! ([`naming::DocNaming`]: C, Rust, and the spec's own names); the Markdown and HTML writers
//! only lay that model out. Every anchor is the dotted spec path of what it marks (`fd`,
//! `fdflags.append`, `fd_read.iovs`, `subscription.clock.timeout`), in every output.

pub mod anchors;
pub mod code;
mod doc_html;
mod highlight;
mod html;
mod html_items;
mod markdown;
pub mod model;
pub mod naming;
pub mod text;

#[cfg(test)]
mod tests;

use super::OutputFile;
use crate::ir::Ir;

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    // Each naming's model is built once: the C and Rust ones serve both the Markdown file
    // and the site.
    let c_names = naming::CDocs::new(ir);
    let rust_names = naming::RustDocs::new(ir);
    let c = model::build(ir, &c_names);
    let rust = model::build(ir, &rust_names);
    let spec = model::build(ir, &naming::SpecDocs);
    let mut files = vec![
        OutputFile::new("docs/cloudabi.md", markdown::render(ir, &c_names, &c)),
        OutputFile::new(
            "docs/cloudabi-rust.md",
            markdown::render(ir, &rust_names, &rust),
        ),
    ];
    files.extend(html::render(ir, &spec, &c, &rust));
    files
}

/// The generated-file banner as an HTML comment (Markdown and HTML).
pub fn html_banner(ir: &Ir) -> String {
    let line = super::banner(ir, "<!-- ");
    format!("{} -->\n", line.trim_end())
}
