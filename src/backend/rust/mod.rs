//! Rust backend: the `cloudabi` crate in `generated/rust/`, a drop-in replacement for the
//! published `cloudabi` 0.1.0 (same item names, kinds, representations and wrappers), with
//! layout tests that hold on every target, and a `host` module that emulators implement.
//!
//! Everything is built as token streams with `quote` and printed with `prettyplease`; names
//! come from [`crate::naming::rust`].

mod cargo_toml;
mod docs;
mod host;
mod layout;
mod layout_tests;
mod structs;
mod syscalls;
mod types;
pub(crate) mod writer;

use super::OutputFile;
use crate::ir::Ir;
use crate::naming::rust::{self as naming, ItemKind};
use proc_macro2::TokenStream;
use writer::RustWriter;

/// The crate's version: 0.1.0 is the last published release; this one is a compatible
/// successor so that clients asking for `^0.1` pick it up.
pub const CRATE_VERSION: &str = "0.1.1";

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    vec![
        OutputFile::new("rust/Cargo.toml", cargo_toml::manifest(ir)),
        OutputFile::new("rust/README.md", cargo_toml::readme(ir)),
        OutputFile::new("rust/src/lib.rs", lib_rs(ir)),
        OutputFile::new("rust/src/layout_tests.rs", layout_tests::file(ir)),
        OutputFile::new("rust/src/host/mod.rs", render(ir, host::trait_file(ir))),
        OutputFile::new("rust/src/host/raw.rs", render(ir, host::raw_file(ir))),
        OutputFile::new("rust/src/host/trace.rs", render(ir, host::trace_file(ir))),
        OutputFile::new("rust/src/host/validate.rs", host::validate_file(ir)),
    ]
}

/// `src/lib.rs`: the crate header, the bitflags fallback, then every item.
fn lib_rs(ir: &Ir) -> String {
    let mut w = RustWriter::with_capacity(64 * 1024 + ir.types.len() * 1024);
    w.raw(&super::banner(ir, "// "));
    w.blank();
    w.inner_doc(&docs::crate_doc(ir));
    w.raw(LIB_HEAD);
    // A spec without flag sets has no use for the macro.
    let flags = ir
        .type_ids()
        .any(|id| naming::item_kind(ir, id) == ItemKind::Flags);
    if flags {
        w.raw(BITFLAGS_IMPORT);
        w.raw(types::BITFLAGS_FALLBACK);
    }
    w.blank();
    types::write_all(&mut w, ir);
    structs::write_all(&mut w, ir);
    syscalls::write_all(&mut w, ir);
    w.finish()
}

/// What follows the crate's docs: attributes, modules, imports.
const LIB_HEAD: &str = r#"
#![no_std]
#![allow(non_camel_case_types)]

#[cfg(feature = "host")]
extern crate std;

// The host modules are still printed by prettyplease, whose layout rustfmt would change.
#[cfg(feature = "host")]
#[rustfmt::skip]
pub mod host;

#[cfg(test)]
mod layout_tests;
"#;

const BITFLAGS_IMPORT: &str = r#"
#[cfg(feature = "bitflags")]
use bitflags::bitflags;
"#;

/// Pretty-prints a file's tokens under the generated-file banner.
fn render(ir: &Ir, tokens: TokenStream) -> String {
    format!(
        "{}\n{}",
        super::banner(ir, "// "),
        space_items(&unparse(tokens))
    )
}

/// prettyplease's output for tokens that form a file. Tokens that do not parse (a bug in
/// this backend) still produce text, one that names the problem and fails to compile,
/// rather than a panic.
fn unparse(tokens: TokenStream) -> String {
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        Err(e) => format!("compile_error!({:?});\n// {tokens}\n", e.to_string()),
    }
}

/// Puts a blank line between items, which prettyplease prints back to back: before an
/// item or its docs when the line above, at the same indentation, ends another item, and
/// after the crate's inner docs and attributes.
fn space_items(text: &str) -> String {
    const STARTS: &[&str] = &[
        "///",
        "#[",
        "pub ",
        "fn ",
        "impl ",
        "impl<",
        "unsafe ",
        "extern ",
        "const ",
        "mod ",
        "macro_rules!",
        "bitflags!",
        "use ",
        "trait ",
    ];
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<&str> = None;
    for line in text.lines() {
        if let Some(p) = prev {
            let indent = |l: &str| l.len() - l.trim_start().len();
            let (pt, lt) = (p.trim(), line.trim());
            let same = indent(p) == indent(line);
            let ends_item =
                pt == "}" || pt == "};" || (pt.ends_with(';') && !pt.starts_with("use "));
            let item = STARTS.iter().any(|s| lt.starts_with(s));
            let after_header = (pt.starts_with("//!") && !lt.starts_with("//!"))
                || (pt.starts_with("#![") && !lt.starts_with("#!["));
            let use_run = pt.starts_with("use ") && lt.starts_with("use ");
            if (same && ends_item && item && !use_run)
                || after_header
                || (pt.starts_with("use ") && !lt.starts_with("use ") && same)
            {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        prev = Some(line);
    }
    out
}
