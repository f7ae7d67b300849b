//! Random bytes from the system (`random_get`), of cryptographic quality.

use crate::error::{check, Errno};

/// Fills `buf` with random bytes.
pub fn fill(buf: &mut [u8]) -> Result<(), Errno> {
    // SAFETY: `buf` is writable for the call.
    check(unsafe { cloudabi::random_get(buf) })
}

/// A random `u64`.
pub fn u64() -> Result<u64, Errno> {
    let mut b = [0; 8];
    fill(&mut b)?;
    Ok(u64::from_le_bytes(b))
}
