//! The generated crate's `host` module (feature `host`): what an emulator implements.
//!
//! - `host/mod.rs`: the `Syscalls` trait (one typed method per syscall) and the helpers
//!   that turn guest pointers into slices and references after checking them.
//! - `host/raw.rs`: one generic `unsafe extern "C" fn` per syscall with the C signature of
//!   `cloudabi_sys_*`, decoding its arguments and calling the trait; `entry_points()`.
//! - `host/trace.rs`: formats each call and its result with names instead of numbers.
//! - `host/validate.rs`: enum decoding and checks of structs read from the guest.
//!
//! How a syscall parameter appears in the trait is decided once, here, by [`classify`].

mod params;
mod raw;
mod runtime;
mod trace;
mod validate;

pub(super) use raw::file as raw_file;
pub(super) use runtime::file as trait_file;
pub(super) use trace::file as trace_file;
pub(super) use validate::file as validate_file;
