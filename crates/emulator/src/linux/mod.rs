//! The emulator proper: Linux x86-64 only.

pub mod arch;
pub mod loader;
pub mod memory;
pub mod resources;
#[cfg(test)]
mod smoke_tests;
