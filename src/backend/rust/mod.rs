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

use super::OutputFile;
use crate::ir::Ir;
use proc_macro2::TokenStream;
use quote::quote;

/// The crate's version: 0.1.0 is the last published release; this one is a compatible
/// successor so that clients asking for `^0.1` pick it up.
pub const CRATE_VERSION: &str = "0.1.1";

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    vec![
        OutputFile::new("rust/Cargo.toml", cargo_toml::manifest(ir)),
        OutputFile::new("rust/README.md", cargo_toml::readme(ir)),
        OutputFile::new("rust/src/lib.rs", render(ir, lib_rs(ir))),
        OutputFile::new(
            "rust/src/layout_tests.rs",
            render(ir, layout_tests::file(ir)),
        ),
        OutputFile::new("rust/src/host/mod.rs", render(ir, host::trait_file(ir))),
        OutputFile::new("rust/src/host/raw.rs", render(ir, host::raw_file(ir))),
        OutputFile::new("rust/src/host/trace.rs", render(ir, host::trace_file(ir))),
        OutputFile::new(
            "rust/src/host/validate.rs",
            render(ir, host::validate_file(ir)),
        ),
    ]
}

fn lib_rs(ir: &Ir) -> TokenStream {
    let crate_doc = docs::crate_doc(ir);
    let fallback = types::bitflags_fallback();
    let types = types::all(ir);
    let structs = structs::all(ir);
    let syscalls = syscalls::all(ir);
    quote! {
        #crate_doc
        #![no_std]
        #![allow(non_camel_case_types)]

        #[cfg(feature = "host")]
        extern crate std;

        #[cfg(feature = "host")]
        pub mod host;

        #[cfg(test)]
        mod layout_tests;

        #[cfg(feature = "bitflags")]
        use bitflags::bitflags;

        #fallback
        #types
        #structs
        #syscalls
    }
}

/// Pretty-prints a file's tokens under the generated-file banner. Tokens that do not parse
/// (a bug in this backend) still produce a file, one that names the problem and fails to
/// compile, rather than a panic.
fn render(ir: &Ir, tokens: TokenStream) -> String {
    let banner = super::banner(ir, "// ");
    match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => format!("{banner}\n{}", prettyplease::unparse(&file)),
        Err(e) => format!(
            "{banner}compile_error!({:?});\n// {tokens}\n",
            e.to_string()
        ),
    }
}
