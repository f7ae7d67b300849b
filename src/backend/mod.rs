//! Backends: pure functions from the IR to files in memory. Only xtask and the CLI write
//! files; the same output is what `gen --check` compares against.

pub mod c;
pub mod docs;
pub mod json;
pub mod rust;
pub mod vdso;

use crate::ir::Ir;

/// One generated file, with its path relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, contents: impl Into<String>) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}

/// A named backend the CLI and xtask can run.
pub struct Backend {
    pub name: &'static str,
    pub description: &'static str,
    pub generate: fn(&Ir) -> Vec<OutputFile>,
}

/// Every backend, in the order `cargo xtask gen` runs them.
pub fn all() -> &'static [Backend] {
    &[
        Backend {
            name: "json",
            description: "the whole IR as JSON, and its JSON Schema",
            generate: json::generate,
        },
        Backend {
            name: "c",
            description: "C type headers, syscall prototypes and X-macros",
            generate: c::generate,
        },
        Backend {
            name: "linux",
            description: "Linux kernel syscall prototypes and dispatch table",
            generate: c::linux::generate,
        },
        Backend {
            name: "freebsd",
            description: "FreeBSD syscalls32.master and syscalls64.master",
            generate: c::freebsd::generate,
        },
        Backend {
            name: "docs",
            description: "Markdown reference (C and Rust naming) and an HTML site",
            generate: docs::generate,
        },
        Backend {
            name: "vdso",
            description: "vDSO assembly: a stub per syscall for six architecture variants",
            generate: vdso::generate,
        },
        Backend {
            name: "rust",
            description:
                "the `cloudabi` Rust crate: bindings, layout tests and the host-side Syscalls trait",
            generate: rust::generate,
        },
    ]
}

pub fn find(name: &str) -> Option<&'static Backend> {
    all().iter().find(|b| b.name == name)
}

/// Runs every backend. Paths are unique across backends (checked by a test).
pub fn generate_all(ir: &Ir) -> Vec<OutputFile> {
    let every: Vec<&Backend> = all().iter().collect();
    run(ir, &every)
}

/// Runs `backends` on threads of their own (they are pure and share the IR read-only)
/// and returns their files in the order of `backends`, so the result does not depend on
/// which finishes first.
pub fn run(ir: &Ir, backends: &[&Backend]) -> Vec<OutputFile> {
    if backends.len() < 2 {
        return backends.iter().flat_map(|b| (b.generate)(ir)).collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = backends
            .iter()
            .map(|b| scope.spawn(move || (b.generate)(ir)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| match h.join() {
                Ok(files) => files,
                // A backend that panics is a bug; let its panic reach the caller as it
                // would without threads.
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}

/// The first line every generated file carries, in the comment syntax of its language
/// (`prefix`), naming the spec it came from.
pub fn banner(ir: &Ir, prefix: &str) -> String {
    format!(
        "{prefix}Generated from {} by cloudabi-gen. Do not edit: run `cargo xtask gen`.\n",
        ir.spec_name()
    )
}
