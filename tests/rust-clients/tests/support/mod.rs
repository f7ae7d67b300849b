//! Shared by the host tests.

pub mod mock;
