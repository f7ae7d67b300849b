//! Argdata: CloudABI's binary tree format for program arguments.
//!
//! A value is one of null, binary, bool, fd, float, int, str, timestamp, seq
//! or map. This crate provides:
//!
//! * [`Argdata`], a zero-copy reader over a `&[u8]`: typed getters that
//!   borrow from the buffer, [`Seq`] and [`Map`] iterators that step over
//!   elements by their length prefixes, and [`Map::get`] lookup. Reading never
//!   allocates and never panics; errors are typed ([`Error`], [`ErrorKind`]).
//! * [`Value`], an owned tree, encoded canonically by [`Value::encode`] with
//!   fds renumbered `0..n` in order of first appearance ([`Encoded`],
//!   [`FdTable`]), or with literal fd numbers by [`Value::encode_literal`].
//! * [`Argdata::reencode`] to pass received data on with renumbered fds.
//! * A YAML printer in the style of the C library's `argdata_print_yaml`
//!   ([`yaml`]).
//! * With the `serde` feature (on by default), `Serialize`/`Deserialize` for
//!   [`Value`] and the scalar types.
//!
//! ```
//! use argdata::{Argdata, Fd, FdMapping, Value};
//!
//! // Build a tree that refers to process fds 5 and 7, and encode it.
//! let tree = Value::map([
//!     ("args", Value::seq(["-v", "--color"])),
//!     ("log", Value::Fd(Fd::new(7))),
//!     ("socket", Value::Fd(Fd::new(5))),
//! ]);
//! let encoded = tree.encode();
//! assert_eq!(encoded.fds, [Fd::new(7), Fd::new(5)]);
//!
//! // The receiving side: fd i of the new process is encoded.fds[i].
//! let ad = Argdata::with_fds(&encoded.bytes, FdMapping::Identity);
//! let map = ad.get_map()?;
//! assert_eq!(map.get("socket")?.unwrap().get_fd()?, Fd::new(1));
//! let args: Vec<&str> = map.get("args")?.unwrap().get_seq()?
//!     .iter()
//!     .map(|a| a?.get_str())
//!     .collect::<Result<_, _>>()?;
//! assert_eq!(args, ["-v", "--color"]);
//! # Ok::<(), argdata::Error>(())
//! ```
//!
//! # How strict the reader is
//!
//! Structure is checked as strictly as the C library does: a length prefix
//! with a leading zero digit, without a stop byte, overflowing, or running
//! past its container is an [`Error::InvalidSubfield`], and a map key without
//! a value is an [`Error::MissingMapValue`]. Payloads are checked as both
//! reference implementations do (bool, fd and float lengths, the str
//! terminator, strict UTF-8). Ints follow the C library's 64-bit range: up to
//! 8 payload bytes in any form, 9 bytes only as the minimal form of a value
//! above `i64::MAX`, anything else [`Error::IntOutOfRange`] (the published
//! Rust crate accepted longer, sign-extended forms). Timestamps may have up to
//! 12 payload bytes. Validation is lazy: only what is visited is checked.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! |---------|---------|--------------|
//! | `std`   | yes | conversions between [`Timestamp`] and `std::time::SystemTime`; implies `alloc` |
//! | `alloc` | via `std` | everything that allocates: [`Value`], encoding, [`FdTable`], [`yaml`] |
//! | `serde` | yes | `Serialize`/`Deserialize` for [`Value`] and the scalar types; implies `alloc` |
//!
//! Without default features the crate is `no_std` and allocation-free: the
//! reader, its iterators and errors are all there, which is what a CloudABI
//! program needs to read its arguments (`cloudabi-rt` uses it that way).
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(feature = "alloc")]
extern crate alloc;

#[cfg(feature = "alloc")]
mod encode;
mod error;
mod fd;
mod int;
mod iter;
mod len;
mod reader;
#[cfg(feature = "serde")]
mod serde_impl;
mod timestamp;
mod types;
#[cfg(feature = "alloc")]
mod value;
#[cfg(feature = "alloc")]
pub mod yaml;

#[cfg(feature = "alloc")]
pub use encode::{Encoded, FdPolicy};
pub use error::{Errno, Error, ErrorKind};
#[cfg(feature = "alloc")]
pub use fd::FdTable;
pub use fd::{Fd, FdMapping, INVALID_ENCODED_FD};
pub use int::{ArgdataInt, Integer};
pub use iter::{Map, MapIter, MapKey, Seq, SeqIter};
pub use reader::Argdata;
pub use timestamp::Timestamp;
pub use types::Type;
#[cfg(feature = "alloc")]
pub use value::Value;

/// How deeply seqs and maps may nest in the operations that recurse
/// ([`Argdata::to_value`], the YAML printer). Reading with the getters and
/// iterators and [`Argdata::reencode`] have no limit.
pub const MAX_DEPTH: usize = 512;
