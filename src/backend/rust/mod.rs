//! Rust backend: the `cloudabi` crate in `generated/rust/`, a drop-in replacement for the
//! published `cloudabi` 0.1.0 (same item names, kinds, representations and wrappers), with
//! layout tests that hold on every target, and a `host` module that emulators implement.
//!
//! Every file is written as text through [`writer::RustWriter`], in rustfmt's layout; names
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
        OutputFile::new("rust/src/host/mod.rs", host::trait_file(ir)),
        OutputFile::new("rust/src/host/raw.rs", host::raw_file(ir)),
        OutputFile::new("rust/src/host/trace.rs", host::trace_file(ir)),
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

#[cfg(feature = "host")]
pub mod host;

#[cfg(test)]
mod layout_tests;
"#;

const BITFLAGS_IMPORT: &str = r#"
#[cfg(feature = "bitflags")]
use bitflags::bitflags;
"#;
