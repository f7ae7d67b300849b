//! The emulator proper: Linux x86-64 only.

pub(crate) mod acceptor;
pub(crate) mod arch;
pub(crate) mod exec;
pub(crate) mod explore;
pub(crate) mod fault;
pub(crate) mod host;
pub(crate) mod inject;
pub(crate) mod launch;
pub(crate) mod loader;
pub(crate) mod memory;
pub(crate) mod observe;
pub(crate) mod resources;
pub(crate) mod run;
pub(crate) mod sandbox;
pub(crate) mod trace;

#[cfg(test)]
mod smoke_tests;
