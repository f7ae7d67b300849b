//! `cloudabi-rt`: write CloudABI programs in Rust, on stable Rust.
//!
//! A `no_std` + `alloc` runtime on the generated [`cloudabi`] bindings: it
//! starts the process (relocation, system calls through the vDSO, thread
//! control block), hands `main` its [`Args`], and provides what a program
//! needs on top of the raw calls — a global allocator, owned descriptors,
//! files and directories, sockets with descriptor passing, threads, a mutex
//! and condition variable, clocks, random bytes, printing and a panic
//! handler.
//!
//! ```ignore
//! #![no_std]
//! #![no_main]
//!
//! use cloudabi_rt::prelude::*;
//!
//! cloudabi_rt::entry!(main);
//!
//! fn main(args: Args) -> Result<(), Error> {
//!     let mut out: Fd = args.get("out")?;
//!     let name: &str = args.get_or("name", "world")?;
//!     writeln!(out, "Hello, {name}!")?;
//!     Ok(())
//! }
//! ```
//!
//! Build it with `cargo xtask guest build DIR` (see the repository's README)
//! and run it with `cloudabi-run`, which grants the descriptors:
//!
//! ```yaml
//! %TAG ! tag:nuxi.nl,2015:cloudabi/
//! ---
//! out: !fd stdout
//! name: CloudABI
//! ```
//!
//! # The pieces
//!
//! - [`entry!`] defines the program's entry point; `main` takes [`Args`]
//!   (the Argdata tree, with typed access to its map) and returns anything
//!   [`Termination`](process::Termination): `()`, `Result<(), E>`, an exit
//!   code.
//! - [`fd::Fd`] owns a descriptor; [`fs::Dir`], [`fs::File`] and
//!   [`net::Socket`] add what each kind can do. [`io`] has `Read`/`Write`,
//!   buffering, and the descriptors [`print!`] and [`eprint!`] use.
//! - [`thread`], [`sync`], [`time`] and [`random`] wrap the ABI's
//!   threads, userspace locks, clocks and `random_get`.
//! - The allocator ([`memory`]) reserves address space and commits and
//!   returns memory as needed; [`memory::stats`] reports it.
//! - A panic prints to the descriptor chosen with [`io::set_stderr`] (or
//!   nowhere) and raises `SIGABRT`.
//!
//! Build with `panic = "abort"`: nothing unwinds in a CloudABI program.
#![no_std]
#![deny(missing_docs, unsafe_op_in_unsafe_fn)]

extern crate alloc;

mod args;
mod error;
pub mod fd;
pub mod fs;
pub mod io;
pub mod memory;
pub mod net;
mod panic;
pub mod process;
pub mod random;
#[doc(hidden)]
pub mod start;
mod string;
pub mod sync;
mod sys;
pub mod thread;
pub mod time;
mod tls;

pub use argdata;
pub use args::{Args, FromArg};
pub use cloudabi;
pub use error::{Errno, Error, ResultExt};

#[global_allocator]
static ALLOCATOR: memory::Allocator = memory::Allocator;

/// What most programs use, for `use cloudabi_rt::prelude::*`.
pub mod prelude {
    pub use crate::fd::{Fd, FromFd};
    pub use crate::fs::{Dir, File};
    pub use crate::io::{Read, Write};
    pub use crate::net::Socket;
    pub use crate::{eprint, eprintln, print, println};
    pub use crate::{Args, Errno, Error, FromArg, ResultExt};
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::format;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

/// Defines the program's entry point, which runs `main` (a function taking
/// [`Args`] and returning `()`, `Result<(), E: Display>`, an
/// [`ExitCode`](process::ExitCode) or a `u8`/`u32` status) and exits with
/// its status.
///
/// The crate must be `#![no_std]` and `#![no_main]`.
#[macro_export]
macro_rules! entry {
    ($main:path) => {
        const _: () = {
            /// The process entry point; the runtime's start-up does the rest.
            #[unsafe(naked)]
            #[unsafe(no_mangle)]
            unsafe extern "C" fn _start() -> ! {
        ::core::arch::naked_asm!("jmp {entry}", entry = sym $crate::start::entry);
            }

            /// `main`, as the runtime's start-up calls it.
            #[unsafe(no_mangle)]
            fn __cloudabi_rt_main(args: $crate::Args) -> u32 {
                $crate::process::Termination::report($main(args))
            }
        };
    };
}
