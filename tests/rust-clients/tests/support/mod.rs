//! Shared by the host tests.

pub(crate) mod mock;
