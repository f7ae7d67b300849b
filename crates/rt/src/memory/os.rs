//! The allocator's four operations on address space, each one `mem_map` or
//! `mem_unmap` call:
//!
//! - **reserve**: an anonymous `PROT_NONE` mapping, address space only;
//! - **commit**: an anonymous read-write mapping `MAP_FIXED` over reserved
//!   pages — fresh, zero-filled memory;
//! - **decommit**: a `PROT_NONE` mapping `MAP_FIXED` over committed pages,
//!   which gives their memory back to the system and keeps the addresses
//!   reserved (a `MAP_FIXED` mapping replaces the pages it covers, as on
//!   FreeBSD; see `cloudabi_sys_mem_map` in the reference kernel);
//! - **release**: `mem_unmap`.
//!
//! This is how jemalloc and dlmalloc manage memory on systems without
//! `sbrk`. The pointers passed here may refer to inaccessible pages, so no
//! Rust reference is ever made to them: the calls go to the raw symbols.

use core::sync::atomic::{AtomicUsize, Ordering};

use cloudabi::{errno, mflags, mprot, MAP_ANON_FD};

unsafe extern "C" {
    fn cloudabi_sys_mem_map(
        addr: *mut (),
        len: usize,
        prot: mprot,
        flags: mflags,
        fd: cloudabi::fd,
        off: u64,
        mem: *mut *mut (),
    ) -> errno;
    fn cloudabi_sys_mem_unmap(addr: *mut (), len: usize) -> errno;
}

/// Bytes currently committed (readable and writable) by the allocator.
pub(super) static COMMITTED: AtomicUsize = AtomicUsize::new(0);
/// Bytes of address space currently reserved by the allocator (committed or not).
pub(super) static RESERVED: AtomicUsize = AtomicUsize::new(0);

fn map(addr: usize, len: usize, prot: mprot, fixed: bool) -> Option<usize> {
    let mut flags = mflags::ANON | mflags::PRIVATE;
    if fixed {
        flags |= mflags::FIXED;
    }
    let mut out = core::ptr::null_mut();
    // SAFETY: anonymous mappings; with FIXED the callers pass pages of a
    // reservation of their own, which nothing references while they are
    // replaced. `out` is a local.
    let e = unsafe {
        cloudabi_sys_mem_map(addr as *mut (), len, prot, flags, MAP_ANON_FD, 0, &mut out)
    };
    (e == errno::SUCCESS).then_some(out as usize)
}

/// Reserves `len` bytes (a multiple of the page size) of address space.
pub(crate) fn reserve(len: usize) -> Option<usize> {
    let at = map(0, len, mprot::empty(), false)?;
    RESERVED.fetch_add(len, Ordering::Relaxed);
    Some(at)
}

/// Commits the reserved pages `[addr, addr + len)`: they become readable,
/// writable and zero.
pub(crate) fn commit(addr: usize, len: usize) -> bool {
    let ok = map(addr, len, mprot::READ | mprot::WRITE, true) == Some(addr);
    if ok {
        COMMITTED.fetch_add(len, Ordering::Relaxed);
    }
    ok
}

/// Gives the memory of the committed pages `[addr, addr + len)` back,
/// keeping them reserved. Returns false if the system refused (the pages
/// then stay committed, and count as such).
pub(crate) fn decommit(addr: usize, len: usize) -> bool {
    let ok = map(addr, len, mprot::empty(), true) == Some(addr);
    if ok {
        COMMITTED.fetch_sub(len, Ordering::Relaxed);
    }
    ok
}

/// Unmaps a reservation of `len` bytes of which `committed` are committed.
pub(crate) fn release(addr: usize, len: usize, committed: usize) {
    // SAFETY: the caller's own reservation, with nothing in use in it.
    if unsafe { cloudabi_sys_mem_unmap(addr as *mut (), len) } == errno::SUCCESS {
        RESERVED.fetch_sub(len, Ordering::Relaxed);
        COMMITTED.fetch_sub(committed, Ordering::Relaxed);
    }
}
