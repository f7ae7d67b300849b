//! Owned anonymous mappings and small facts about the host's memory.

use std::io;
use std::sync::OnceLock;

use rustix::mm::{self, MapFlags, MprotectFlags, ProtFlags};

use crate::elf::Perms;

/// The host page size.
pub(crate) fn page_size() -> usize {
    static SIZE: OnceLock<usize> = OnceLock::new();
    // Asked through libc rather than rustix's auxv reader, which valgrind's
    // replacement vDSO trips up (the emulator can then be profiled there).
    // SAFETY: sysconf only reads a system value.
    *SIZE.get_or_init(|| unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize)
}

/// The CPUs this process may run on, at least 1: one system call, no file
/// read. (Not std's available_parallelism, which reads cgroup files, a good
/// part of start-up for a short program; not sysconf, which reads /sys,
/// where a sandboxed re-executed launcher may not look.)
pub(crate) fn cpu_count() -> usize {
    // SAFETY: the set is plain data, filled by the kernel for this process.
    unsafe {
        let mut set: libc::cpu_set_t = core::mem::zeroed();
        if libc::sched_getaffinity(0, size_of::<libc::cpu_set_t>(), &mut set) == 0 {
            return (libc::CPU_COUNT(&set) as usize).max(1);
        }
    }
    1
}

/// Fills `buf` from the kernel's random number generator.
pub(crate) fn random_fill(buf: &mut [u8]) -> io::Result<()> {
    let mut done = 0;
    while done < buf.len() {
        done += rustix::rand::getrandom(&mut buf[done..], rustix::rand::GetRandomFlags::empty())?;
    }
    Ok(())
}

fn mprotect_flags(p: Perms) -> MprotectFlags {
    let mut f = MprotectFlags::empty();
    f.set(MprotectFlags::READ, p.read);
    f.set(MprotectFlags::WRITE, p.write);
    f.set(MprotectFlags::EXEC, p.exec);
    f
}

/// An anonymous private mapping, unmapped on drop.
#[derive(Debug)]
pub(crate) struct Region {
    start: usize,
    len: usize,
}

impl Region {
    /// Reserves `len` bytes (rounded up to pages) with no access.
    pub(crate) fn reserve(len: usize) -> io::Result<Region> {
        Self::map(len, ProtFlags::empty())
    }

    /// Maps `len` bytes (rounded up to pages) of zeroes with `perms`.
    pub(crate) fn anonymous(len: usize, perms: Perms) -> io::Result<Region> {
        let mut prot = ProtFlags::empty();
        prot.set(ProtFlags::READ, perms.read);
        prot.set(ProtFlags::WRITE, perms.write);
        prot.set(ProtFlags::EXEC, perms.exec);
        Self::map(len, prot)
    }

    fn map(len: usize, prot: ProtFlags) -> io::Result<Region> {
        let len = len.max(1).next_multiple_of(page_size());
        // SAFETY: a fresh anonymous mapping at an address the kernel picks
        // aliases nothing.
        let ptr =
            unsafe { mm::mmap_anonymous(core::ptr::null_mut(), len, prot, MapFlags::PRIVATE) }?;
        Ok(Region {
            start: ptr as usize,
            len,
        })
    }

    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }

    fn contains(&self, addr: usize, len: usize) -> bool {
        addr >= self.start
            && addr
                .checked_add(len)
                .is_some_and(|end| end <= self.start + self.len)
    }

    /// Changes the protection of whole pages inside the region.
    pub(crate) fn protect(&self, addr: usize, len: usize, perms: Perms) -> io::Result<()> {
        assert!(
            self.contains(addr, len) && addr.is_multiple_of(page_size()),
            "protect outside region"
        );
        // SAFETY: the range lies inside this mapping, which nothing in the
        // host refers to through Rust references.
        unsafe { mm::mprotect(addr as *mut _, len, mprotect_flags(perms)) }?;
        Ok(())
    }

    /// Copies `bytes` to `addr`, which must lie in a writable part of the
    /// region.
    pub(crate) fn write(&self, addr: usize, bytes: &[u8]) {
        assert!(self.contains(addr, bytes.len()), "write outside region");
        // SAFETY: the destination is inside this mapping (checked above), the
        // caller made it writable, and it cannot overlap `bytes`, which lives
        // in host memory.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), addr as *mut u8, bytes.len()) };
    }

    /// Keeps the mapping for the rest of the process.
    pub(crate) fn leak(self) -> usize {
        let start = self.start;
        core::mem::forget(self);
        start
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: the region is ours alone; once it is dropped nothing may
        // run guest code that lives in it (the owner's responsibility).
        let _ = unsafe { mm::munmap(self.start as *mut _, self.len) };
    }
}
