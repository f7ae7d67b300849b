//! `mem_*`: the guest's own mappings. The guest may only unmap, protect,
//! advise or sync memory it owns (its image and what it mapped), never the
//! emulator's, and `mflags::FIXED` never replaces memory it does not own.

use cloudabi::{advice, errno, fd as Fd, mflags, mprot, msflags, rights, MAP_ANON_FD};
use rustix::mm::{self, MapFlags, MprotectFlags, MsyncFlags, ProtFlags};

use super::errors::HostResult;
use super::{Entry, Host};
use crate::linux::memory::page_size;
use crate::ranges::{Access, RangeMap};

/// What the guest may touch, and what it may unmap.
#[derive(Debug, Default)]
pub struct Memory {
    /// Every range syscalls may read or write through.
    pub accessible: RangeMap,
    /// Ranges the guest may unmap, protect, advise and sync.
    pub owned: RangeMap,
}

impl Memory {
    /// Records a range the guest owns.
    pub fn add_owned(&mut self, start: usize, len: usize, access: Access) {
        self.owned.insert(start, start + len, access);
        self.accessible.insert(start, start + len, access);
    }

    /// Records a range the guest may use but not unmap (stack, vDSO, startup
    /// data).
    pub fn add_borrowed(&mut self, start: usize, len: usize, access: Access) {
        self.accessible.insert(start, start + len, access);
    }
}

fn access(p: mprot) -> Access {
    Access {
        read: p.intersects(mprot::READ | mprot::WRITE | mprot::EXEC),
        write: p.contains(mprot::WRITE),
    }
}

/// W^X: a page is never writable and executable at once.
fn check_prot(p: mprot) -> Result<(), errno> {
    if p.contains(mprot::WRITE | mprot::EXEC) {
        Err(errno::NOTSUP)
    } else {
        Ok(())
    }
}

fn prot_flags(p: mprot) -> ProtFlags {
    let mut f = ProtFlags::empty();
    f.set(ProtFlags::READ, p.contains(mprot::READ));
    f.set(ProtFlags::WRITE, p.contains(mprot::WRITE));
    f.set(ProtFlags::EXEC, p.contains(mprot::EXEC));
    f
}

fn rounded(len: usize) -> Result<usize, errno> {
    len.checked_next_multiple_of(page_size())
        .ok_or(errno::NOMEM)
}

/// A page-aligned range inside memory the guest owns.
fn owned_range(m: &Memory, mapping: *mut [u8]) -> Result<(usize, usize), errno> {
    let (addr, len) = (mapping as *mut u8 as usize, mapping.len());
    if !addr.is_multiple_of(page_size()) {
        return Err(errno::INVAL);
    }
    let len = rounded(len)?;
    if len != 0 && !m.owned.allows(addr, len, false) {
        return Err(errno::INVAL);
    }
    Ok((addr, len))
}

fn map_error(e: rustix::io::Errno) -> errno {
    if e == rustix::io::Errno::EXIST {
        errno::NOMEM
    } else {
        super::errors::from_host(e)
    }
}

// Calls that change mappings do the change and its record under the memory
// lock: another guest thread unmapping a range meanwhile could otherwise let
// the host reuse it, and a FIXED mapping would then replace host memory.
impl Host {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn do_mem_map(
        &mut self,
        addr: *mut (),
        len: usize,
        prot: mprot,
        flags: mflags,
        f: Fd,
        off: u64,
    ) -> Result<*mut (), errno> {
        check_prot(prot)?;
        if len == 0 || flags.contains(mflags::PRIVATE) == flags.contains(mflags::SHARED) {
            return Err(errno::INVAL);
        }
        let len = rounded(len)?;
        let fixed = flags.contains(mflags::FIXED);
        if fixed && !(addr as usize).is_multiple_of(page_size()) {
            return Err(errno::INVAL);
        }
        let file = if flags.contains(mflags::ANON) {
            if f != MAP_ANON_FD || off != 0 {
                return Err(errno::INVAL);
            }
            None
        } else {
            let mut needed = rights::MEM_MAP;
            if prot.contains(mprot::EXEC) {
                needed |= rights::MEM_MAP_EXEC;
            }
            Some(Entry::clone(&*self.entry(f, needed)?))
        };
        self.memory_mut(|m| {
            let mut map = if flags.contains(mflags::SHARED) {
                MapFlags::SHARED
            } else {
                MapFlags::PRIVATE
            };
            if fixed {
                // Replacing is only allowed within the guest's own memory.
                map |= if m.owned.allows(addr as usize, len, false) {
                    MapFlags::FIXED
                } else {
                    MapFlags::FIXED_NOREPLACE
                };
            }
            // SAFETY: without FIXED the kernel picks free addresses; with
            // FIXED the range is the guest's own (checked above, under the
            // lock) or must be free (FIXED_NOREPLACE).
            let ptr = unsafe {
                match &file {
                    None => mm::mmap_anonymous(addr.cast(), len, prot_flags(prot), map),
                    Some(e) => mm::mmap(addr.cast(), len, prot_flags(prot), map, e.fd(), off),
                }
            }
            .map_err(map_error)?;
            m.add_owned(ptr as usize, len, access(prot));
            Ok(ptr.cast())
        })
    }

    pub(super) fn do_mem_unmap(&mut self, mapping: *mut [u8]) -> Result<(), errno> {
        self.memory_mut(|m| {
            let (addr, len) = owned_range(m, mapping)?;
            if len == 0 {
                return Err(errno::INVAL);
            }
            // SAFETY: the range is the guest's own; no host reference points
            // into it.
            unsafe { mm::munmap(addr as *mut _, len) }.host()?;
            m.owned.remove(addr, addr + len);
            m.accessible.remove(addr, addr + len);
            Ok(())
        })
    }

    pub(super) fn do_mem_protect(&mut self, mapping: *mut [u8], prot: mprot) -> Result<(), errno> {
        check_prot(prot)?;
        let mut flags = MprotectFlags::empty();
        flags.set(MprotectFlags::READ, prot.contains(mprot::READ));
        flags.set(MprotectFlags::WRITE, prot.contains(mprot::WRITE));
        flags.set(MprotectFlags::EXEC, prot.contains(mprot::EXEC));
        self.memory_mut(|m| {
            let (addr, len) = owned_range(m, mapping)?;
            // SAFETY: as in mem_unmap.
            unsafe { mm::mprotect(addr as *mut _, len, flags) }.host()?;
            m.owned.change(addr, addr + len, access(prot));
            m.accessible.change(addr, addr + len, access(prot));
            Ok(())
        })
    }

    pub(super) fn do_mem_advise(&mut self, mapping: *mut [u8], a: advice) -> Result<(), errno> {
        use rustix::mm::Advice;
        let host = match a {
            advice::DONTNEED => Advice::LinuxDontNeed,
            advice::NORMAL | advice::NOREUSE => Advice::Normal,
            advice::RANDOM => Advice::Random,
            advice::SEQUENTIAL => Advice::Sequential,
            advice::WILLNEED => Advice::WillNeed,
            _ => return Err(errno::INVAL),
        };
        self.memory(|m| {
            let (addr, len) = owned_range(m, mapping)?;
            // SAFETY: as in mem_unmap; DONTNEED only discards the guest's
            // pages.
            unsafe { mm::madvise(addr as *mut _, len, host) }.host()
        })
    }

    pub(super) fn do_mem_sync(&mut self, mapping: *mut [u8], flags: msflags) -> Result<(), errno> {
        if flags.contains(msflags::ASYNC) == flags.contains(msflags::SYNC) {
            return Err(errno::INVAL);
        }
        let mut host = MsyncFlags::empty();
        host.set(MsyncFlags::ASYNC, flags.contains(msflags::ASYNC));
        host.set(MsyncFlags::SYNC, flags.contains(msflags::SYNC));
        host.set(MsyncFlags::INVALIDATE, flags.contains(msflags::INVALIDATE));
        self.memory(|m| {
            let (addr, len) = owned_range(m, mapping)?;
            // SAFETY: as in mem_unmap.
            unsafe { mm::msync(addr as *mut _, len, host) }.host()
        })
    }
}
