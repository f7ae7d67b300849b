//! The generated crate's manifest and README.

use crate::ir::Ir;

/// `Cargo.toml`: publishable on its own (no workspace inheritance). Edition 2018 and
/// bitflags 1 keep the crate buildable by the toolchains that still had CloudABI targets.
/// Its lints are the workspace's `[workspace.lints]`, written out rather than inherited
/// (`workspace = true` would not build outside this workspace); a test in
/// `tests/gen` checks the two tables stay the same. Cargo older than 1.74 ignores them.
pub(super) fn manifest(ir: &Ir) -> String {
    let banner = crate::backend::banner(ir, "# ");
    format!(
        r#"{banner}
[package]
name = "cloudabi"
version = "{version}"
edition = "2018"
description = "Rust bindings for CloudABI: types, constants and system calls, plus a host-side interface for emulators"
license = "BSD-2-Clause"
documentation = "https://docs.rs/cloudabi"
homepage = "https://cloudabi.org/"
readme = "README.md"
keywords = ["cloudabi", "abi", "syscall", "ffi"]
categories = ["external-ffi-bindings", "no-std", "os"]
include = ["Cargo.toml", "README.md", "src/**/*.rs"]

[lib]
path = "src/lib.rs"

[features]
default = ["bitflags"]
# The host side: a `Syscalls` trait, C-ABI entry points that decode arguments and call it,
# and a tracer. Needs std.
host = ["bitflags"]

[dependencies]
bitflags = {{ version = "1.2.1", optional = true }}

[package.metadata.docs.rs]
all-features = true

[lints.rust]
unsafe_op_in_unsafe_fn = "warn"
unreachable_pub = "warn"

[lints.clippy]
undocumented_unsafe_blocks = "warn"
"#,
        version = super::CRATE_VERSION,
    )
}

pub(super) fn readme(ir: &Ir) -> String {
    let banner = crate::backend::banner(ir, "");
    let banner = format!("<!-- {} -->", banner.trim_end());
    let types = ir.types.len();
    let calls = ir.syscalls.len();
    format!(
        r#"{banner}

# cloudabi

Rust bindings for [CloudABI](https://cloudabi.org/): all {types} types and
{calls} system calls of the ABI, generated from its specification.

- `#![no_std]`, no dependencies by default except `bitflags` (optional).
- A drop-in replacement for `cloudabi` 0.1.0: the same item names, representations
  and `unsafe fn` wrappers over the `cloudabi_sys_*` symbols that the C library or
  vDSO provides.
- Struct layouts match the C headers on every target, including i686, where 64-bit
  integers are only 4-aligned by default; layout tests check it.

## Features

| feature | default | what it adds |
|---------|---------|--------------|
| `bitflags` | yes | flag sets are `bitflags` 1 types with operators; without it a minimal struct with `bits()` |
| `host` | no | the `host` module: a `Syscalls` trait with one typed method per system call, C-ABI entry points that decode arguments and call it, and a tracer that prints calls with names instead of numbers |

## Example

```rust,no_run
let mut buf = [0u8; 16];
let error = unsafe {{ cloudabi::random_get(&mut buf) }};
assert_eq!(error, cloudabi::errno::SUCCESS);
```

## License

BSD-2-Clause.
"#
    )
}
