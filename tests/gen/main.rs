//! The generator's integration tests: one test binary, one module per area. Each area's
//! focused specs live in `tests/specs/{area}/` and are loaded by `specs`; each area's
//! goldens live in `tests/golden/{area}/{spec}/{file}` and are checked by `golden`.
//!
//! Our own spec has no goldens here: its one golden is `generated/`, which
//! `cargo xtask gen --check` (part of `cargo xtask test`) compares byte for byte. The
//! tests below still build, compile, assemble and run our spec's output from memory.
//!
//! Run one area with `cargo test --test gen c::` (or `docs::`, `vdso::arm::`, ...).

mod c;
mod cli;
mod conformance;
mod docs;
mod golden;
mod invalid;
mod json;
mod parser;
mod rust;
mod specs;
mod vdso;
