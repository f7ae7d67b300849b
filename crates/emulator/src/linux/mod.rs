//! The emulator proper: Linux x86-64 only.

pub mod acceptor;
pub mod arch;
pub mod exec;
pub mod explore;
pub mod fault;
pub mod host;
pub mod inject;
pub mod launch;
pub mod loader;
pub mod memory;
pub mod observe;
pub mod resources;
pub mod run;
pub mod sandbox;
pub mod trace;

#[cfg(test)]
mod smoke_tests;
