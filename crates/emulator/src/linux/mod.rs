//! The emulator proper: Linux x86-64 only.

pub mod arch;
pub mod exec;
pub mod fault;
pub mod host;
pub mod launch;
pub mod loader;
pub mod memory;
pub mod resources;
pub mod run;
pub mod sandbox;

#[cfg(test)]
mod smoke_tests;
