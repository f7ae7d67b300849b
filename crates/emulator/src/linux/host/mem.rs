//! `mem_*`: the guest's own mappings.
//!
//! The reference kernel (FreeBSD's `sys/compat/cloudabi/cloudabi_mem.c` on
//! top of `kern_mmap`, `kern_munmap`, `kern_mprotect`, `kern_madvise` and
//! `kern_msync`) gives a guest its whole address space. Here the guest shares
//! the host process with the emulator, so the record below decides what is
//! the guest's:
//!
//! - **owned** ranges are the guest's mappings (its image and everything
//!   `mem_map` gave it), whatever their protection: a `PROT_NONE`
//!   reservation is as much the guest's as a committed page. The guest may
//!   replace (`MAP_FIXED`), unmap, protect, advise and sync them;
//! - **borrowed** ranges (the vDSO, the start-up data, the main thread's
//!   stack) may be read or written by system calls but never remapped;
//! - everything else is, to the guest, a hole: nothing mapped. Calls treat
//!   it as the reference treats a hole (an unmap or protect of a hole
//!   succeeds, a sync fails), except that a hole where the emulator has
//!   memory of its own cannot be mapped over or unmapped, and is refused.
//!
//! Each owned range remembers its protection, the most protection it may
//! get, and whether it is a shared mapping of a file (whose file may shrink
//! under it).
//!
//! What the guest unmaps is never given back to the host: it becomes a
//! **retired** range, still reserved (`PROT_NONE`), which to the guest is a
//! hole and which only the guest's later `mem_map` takes again. A call on
//! another guest thread may have checked a pointer into the range before it
//! went away and touch it afterwards: it then faults on the reservation,
//! which the fault handler recovers as any guest page (`EFAULT`, as the
//! reference's `copyin`/`copyout` answer for a page unmapped under them),
//! and it can never write into memory the emulator got from the host in the
//! meantime. The address space retired stays bounded by what the guest
//! had mapped: `mem_map` fills retired ranges first.

use cloudabi::{advice, errno, fd as Fd, filetype, mflags, mprot, msflags, rights, MAP_ANON_FD};
use rustix::mm::{self, MapFlags, MprotectFlags, MsyncFlags, ProtFlags};

use super::errors::HostResult;
use super::{Entry, Host};
use crate::linux::memory::page_size;
use crate::ranges::{Access, RangeMap};

/// The end of the address space a guest may map (Linux x86-64's user space
/// with four-level page tables).
const USER_END: usize = 0x7fff_ffff_f000;

/// One of the guest's own mappings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mapping {
    /// The pages' protection now.
    pub(crate) prot: mprot,
    /// The most protection `mem_protect` may give them: limited by the
    /// rights and open mode of a mapped file.
    pub(crate) max: mprot,
    /// A `MAP_SHARED` mapping of a file or shared memory object: accesses
    /// past the file's end fault.
    pub(crate) shared_file: bool,
}

impl Mapping {
    /// Anonymous memory (or the loaded image) with protection `prot`.
    pub(crate) fn anonymous(prot: mprot) -> Mapping {
        Mapping {
            prot,
            max: mprot::all(),
            shared_file: false,
        }
    }
}

/// What the memory record says of one page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct PageState {
    owned: Option<Mapping>,
    access: Option<Access>,
    retired: bool,
}

impl PageState {
    /// Whether the page is in the guest's address space: memory calls may
    /// use, one of its mappings whatever its protection now (another thread
    /// may have just taken it away), or what it retired. A fault there
    /// during a call is recovered.
    pub(crate) fn guest(&self) -> bool {
        self.owned.is_some() || self.access.is_some() || self.retired
    }

    /// Whether calls may read the page (and write it, when `write`).
    pub(crate) fn permits(&self, write: bool) -> bool {
        self.access.is_some_and(|a| a.permits(write))
    }
}

/// What the guest may touch, and what it owns.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// Every range syscalls may read or write through.
    pub(crate) accessible: RangeMap<Access>,
    /// The guest's own mappings.
    pub(crate) owned: RangeMap<Mapping>,
    /// What the guest unmapped: reserved `PROT_NONE`, never the host's
    /// again, reused for the guest's own later mappings (see the module
    /// docs).
    retired: RangeMap<()>,
}

impl Memory {
    /// Records a mapping the guest owns.
    pub(crate) fn add_owned(&mut self, start: usize, len: usize, mapping: Mapping) {
        self.owned.insert(start, start + len, mapping);
        self.accessible
            .insert(start, start + len, access(mapping.prot));
    }

    /// Records a range the guest may use but not remap (stack, vDSO,
    /// start-up data).
    pub(crate) fn add_borrowed(&mut self, start: usize, len: usize, access: Access) {
        self.accessible.insert(start, start + len, access);
    }

    fn forget(&mut self, start: usize, end: usize) {
        self.owned.remove(start, end);
        self.accessible.remove(start, end);
    }

    /// Takes `[start, end)` (the guest's own pages) away from the guest but
    /// keeps it reserved, inaccessible, for its later mappings only.
    fn retire(&mut self, start: usize, end: usize) -> Result<(), errno> {
        let flags = MapFlags::PRIVATE | MapFlags::FIXED | MapFlags::NORESERVE;
        // SAFETY: the range is the guest's own (the caller's check, under
        // the memory lock); no host reference points into it. On failure
        // Linux (since 6.12) leaves the old mapping as it was.
        unsafe { mm::mmap_anonymous(start as *mut _, end - start, ProtFlags::empty(), flags) }
            .host()?;
        self.forget(start, end);
        self.retired.insert(start, end, ());
        Ok(())
    }

    /// The start of a retired range of at least `size` bytes (the lowest),
    /// for a mapping the guest let the host place.
    fn retired_fit(&self, size: usize) -> Option<usize> {
        self.retired
            .iter()
            .find(|(s, e, ())| e - s >= size)
            .map(|(s, _, ())| s)
    }

    /// The parts of `[start, end)` that are neither the guest's mappings
    /// nor retired.
    fn unrecorded(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for s in self.owned.segments(start, end) {
            if s.value.is_none() {
                out.extend(
                    self.retired
                        .segments(s.start, s.end)
                        .into_iter()
                        .filter(|r| r.value.is_none())
                        .map(|r| (r.start, r.end)),
                );
            }
        }
        out
    }

    /// What the record says of the page at `addr` (for the fault handler:
    /// allocates nothing).
    pub(crate) fn page_state(&self, addr: usize) -> PageState {
        PageState {
            owned: self.owned.get(addr),
            access: self.accessible.get(addr),
            retired: self.retired.get(addr).is_some(),
        }
    }

    /// Unmaps every mapping the guest still has, and what it retired (the
    /// end of an in-process run; a guest run by `cloudabi-run` ends with its
    /// host process).
    pub(crate) fn release_all(&mut self) {
        let owned = self.owned.iter().map(|(s, e, _)| (s, e));
        let retired = self.retired.iter().map(|(s, e, ())| (s, e));
        let all: Vec<(usize, usize)> = owned.chain(retired).collect();
        for (start, end) in all {
            // SAFETY: the range is the guest's, and the guest no longer runs.
            let _ = unsafe { mm::munmap(start as *mut _, end - start) };
            self.forget(start, end);
        }
        self.retired = RangeMap::new();
    }

    /// Whether `[start, end)` holds something the guest borrows.
    fn borrows(&self, start: usize, end: usize) -> bool {
        self.accessible
            .segments(start, end)
            .iter()
            .any(|s| s.value.is_some())
    }
}

fn access(p: mprot) -> Access {
    Access {
        read: p.intersects(mprot::READ | mprot::WRITE | mprot::EXEC),
        write: p.contains(mprot::WRITE),
    }
}

/// The reference's `convert_mprot`: unknown bits, and write together with
/// execute (W^X), are ENOTSUP.
fn check_prot(p: mprot) -> Result<(), errno> {
    if !mprot::all().contains(p) || p.contains(mprot::WRITE | mprot::EXEC) {
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

fn mprotect_flags(p: mprot) -> MprotectFlags {
    MprotectFlags::from_bits_truncate(prot_flags(p).bits())
}

fn page_mask() -> usize {
    page_size() - 1
}

/// The pages a call on `[addr, addr + len)` covers, as the reference's
/// `kern_munmap`, `kern_mprotect`, `kern_msync` and `kern_madvise` round
/// them: the start down, the end up. EINVAL when the span wraps around or
/// leaves user space (`vm_map_range_valid`).
fn pages(mapping: *mut [u8]) -> Result<(usize, usize), errno> {
    let addr = mapping as *mut u8 as usize;
    let start = addr & !page_mask();
    let end = addr
        .checked_add(mapping.len())
        .and_then(|e| e.checked_next_multiple_of(page_size()))
        .ok_or(errno::INVAL)?;
    if end > USER_END {
        return Err(errno::INVAL);
    }
    Ok((start, end))
}

/// Whether nothing at all is mapped in `[start, end)`; if so and `keep`,
/// the span stays reserved (`PROT_NONE`) for the caller, who then owns it.
fn free(start: usize, end: usize, keep: bool) -> bool {
    let flags = MapFlags::PRIVATE | MapFlags::FIXED_NOREPLACE | MapFlags::NORESERVE;
    // SAFETY: FIXED_NOREPLACE maps nothing over an existing mapping, so no
    // memory anyone uses changes.
    let reserved =
        unsafe { mm::mmap_anonymous(start as *mut _, end - start, ProtFlags::empty(), flags) };
    match reserved {
        // An old kernel may take FIXED_NOREPLACE as a hint only.
        Ok(p) if p as usize != start => {
            // SAFETY: the mapping just made, at an address nothing else uses.
            let _ = unsafe { mm::munmap(p, end - start) };
            false
        }
        Ok(p) => {
            if !keep {
                // SAFETY: the reservation just made.
                let _ = unsafe { mm::munmap(p, end - start) };
            }
            true
        }
        Err(_) => false,
    }
}

/// The rights a file mapping needs, as the reference's `kern_mmap` asks
/// Capsicum for them (`fget_mmap`, with `CAP_MMAP_R`/`_W`/`_X`, each of
/// which includes `CAP_SEEK`) through `cloudabi_convert_rights` (the rights
/// table in `cloudabi_fd.c`: MEM_MAP is CAP_MMAP, MEM_MAP_EXEC is
/// CAP_MMAP_X, which carries CAP_SEEK itself).
fn map_rights(e: &Entry, prot: mprot, shared: bool) -> Result<(), errno> {
    let has = |r: rights| e.base.contains(r);
    let seek = has(rights::FD_SEEK) || has(rights::MEM_MAP_EXEC);
    let ok = has(rights::MEM_MAP)
        && (!prot.contains(mprot::READ) || has(rights::FD_READ) && seek)
        && (!(shared && prot.contains(mprot::WRITE)) || has(rights::FD_WRITE) && seek)
        && (!prot.contains(mprot::EXEC) || has(rights::MEM_MAP_EXEC));
    if ok {
        Ok(())
    } else {
        Err(errno::NOTCAPABLE)
    }
}

/// The most protection a mapping of `e` may get: reading if the file is
/// open for it, writing a private copy always and the file itself only if
/// open for writing, executing with MEM_MAP_EXEC (`vm_mmap_vnode` and the
/// capability's maximum in `kern_mmap`).
fn file_max(e: &Entry, shared: bool) -> Result<mprot, errno> {
    use rustix::fs::OFlags;
    let mode = rustix::fs::fcntl_getfl(e.fd()).host()? & OFlags::RWMODE;
    let has = |r: rights| e.base.contains(r);
    let seek = has(rights::FD_SEEK) || has(rights::MEM_MAP_EXEC);
    let mut max = mprot::empty();
    max.set(
        mprot::READ,
        mode != OFlags::WRONLY && has(rights::FD_READ) && seek,
    );
    max.set(
        mprot::WRITE,
        !shared || mode != OFlags::RDONLY && has(rights::FD_WRITE) && seek,
    );
    max.set(mprot::EXEC, e.base.contains(rights::MEM_MAP_EXEC));
    Ok(max)
}

/// A file to map, and what a mapping of it may become.
struct FileMap {
    entry: Entry,
    max: mprot,
}

// Calls that change mappings do the change and its record under the memory
// lock: another guest thread unmapping a range meanwhile could otherwise let
// the host reuse it, and a FIXED mapping would then replace host memory.
impl Host {
    /// `cloudabi_sys_mem_map` → `kern_mmap`, in the reference's order of
    /// checks.
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
        // Bits the reference does not know are dropped by its flag
        // translation in cloudabi_sys_mem_map, not refused.
        let anon = flags.contains(mflags::ANON);
        let shared = flags.contains(mflags::SHARED);
        if len == 0
            || anon && (f != MAP_ANON_FD || off != 0)
            || shared && flags.contains(mflags::PRIVATE)
        {
            return Err(errno::INVAL);
        }
        // A file offset inside a page maps from the page's start; the
        // result points that far into the mapping.
        let pageoff = (off as usize) & page_mask();
        let size = len
            .checked_add(pageoff)
            .and_then(|l| l.checked_next_multiple_of(page_size()))
            .ok_or(errno::NOMEM)?;
        let fixed = flags.contains(mflags::FIXED);
        let mut at = addr as usize;
        if fixed {
            at = at.wrapping_sub(pageoff);
            if at & page_mask() != 0 || at.checked_add(size).is_none_or(|e| e > USER_END) {
                return Err(errno::INVAL);
            }
        }
        let file = if anon {
            None
        } else {
            let entry = Entry::clone(&*self.entry(f, rights::empty())?);
            map_rights(&entry, prot, shared)?;
            // Files need one of SHARED and PRIVATE (P_OSREL_MAP_FSTRICT:
            // CloudABI processes run with the newest OS release).
            if !shared && !flags.contains(mflags::PRIVATE) {
                return Err(errno::INVAL);
            }
            if !matches!(
                entry.filetype,
                filetype::REGULAR_FILE | filetype::SHARED_MEMORY
            ) {
                return Err(errno::NODEV);
            }
            let max = file_max(&entry, shared)?;
            if !max.contains(prot - mprot::EXEC) {
                return Err(errno::ACCES);
            }
            Some(FileMap { entry, max })
        };
        let mapping = Mapping {
            prot,
            max: file.as_ref().map_or(mprot::all(), |m| m.max),
            shared_file: shared && file.is_some(),
        };
        let host_off = off - pageoff as u64;
        let ptr = self.memory_mut(|m| {
            let mut map = if shared {
                MapFlags::SHARED
            } else {
                MapFlags::PRIVATE
            };
            let mut at = at;
            let reserved = if fixed {
                map |= MapFlags::FIXED;
                reserve_gaps(m, at, at + size)?
            } else {
                // Address space the guest unmapped before goes first.
                if let Some(start) = m.retired_fit(size) {
                    at = start;
                    map |= MapFlags::FIXED;
                }
                Vec::new()
            };
            // SAFETY: without FIXED the kernel picks free addresses; with
            // FIXED every page of the span is the guest's own, retired by
            // it, or was free and is now reserved for it (checked above,
            // under the lock).
            let mapped = unsafe {
                match &file {
                    None => mm::mmap_anonymous(at as *mut _, size, prot_flags(prot), map),
                    Some(fm) => mm::mmap(
                        at as *mut _,
                        size,
                        prot_flags(prot),
                        map,
                        fm.entry.fd(),
                        host_off,
                    ),
                }
            };
            let ptr = match mapped {
                Ok(p) => p as usize,
                Err(e) => {
                    for (s, e) in reserved {
                        // SAFETY: reservations made above for this call.
                        let _ = unsafe { mm::munmap(s as *mut _, e - s) };
                    }
                    return Err(super::errors::from_host(e));
                }
            };
            m.retired.remove(ptr, ptr + size);
            m.add_owned(ptr, size, mapping);
            Ok(ptr)
        })?;
        Ok((ptr + pageoff) as *mut ())
    }

    /// `cloudabi_sys_mem_unmap` → `kern_munmap`: a zero length is EINVAL;
    /// holes in the span are skipped. The pages are retired, not returned
    /// to the host (see the module docs).
    pub(super) fn do_mem_unmap(&mut self, mapping: *mut [u8]) -> Result<(), errno> {
        if mapping.len() == 0 {
            return Err(errno::INVAL);
        }
        let (start, end) = pages(mapping)?;
        self.memory_mut(|m| {
            for (s, e, _) in owned_parts(m, start, end)? {
                m.retire(s, e)?;
            }
            Ok(())
        })
    }

    /// `cloudabi_sys_mem_protect` → `kern_mprotect`: every mapping in the
    /// span is checked against its maximum (EACCES, as
    /// KERN_PROTECTION_FAILURE) before any changes; holes are skipped.
    pub(super) fn do_mem_protect(&mut self, mapping: *mut [u8], prot: mprot) -> Result<(), errno> {
        check_prot(prot)?;
        let (start, end) = pages(mapping)?;
        self.memory_mut(|m| {
            let owned = owned_parts(m, start, end)?;
            if owned.iter().any(|(_, _, map)| !map.max.contains(prot)) {
                return Err(errno::ACCES);
            }
            for (s, e, map) in owned {
                // SAFETY: as in mem_unmap.
                unsafe { mm::mprotect(s as *mut _, e - s, mprotect_flags(prot)) }.host()?;
                m.add_owned(s, e - s, Mapping { prot, ..map });
            }
            Ok(())
        })
    }

    /// `cloudabi_sys_mem_advise` → `kern_madvise`. The advice values the
    /// reference accepts (the generated decoder already refused numbers that
    /// name none): NOREUSE is not among them. FreeBSD's DONTNEED only
    /// deactivates pages and keeps their contents; Linux's MADV_COLD is
    /// that, where MADV_DONTNEED would zero private memory.
    pub(super) fn do_mem_advise(&mut self, mapping: *mut [u8], a: advice) -> Result<(), errno> {
        use rustix::mm::Advice;
        let host = match a {
            advice::DONTNEED => Advice::LinuxCold,
            advice::NORMAL => Advice::Normal,
            advice::RANDOM => Advice::Random,
            advice::SEQUENTIAL => Advice::Sequential,
            advice::WILLNEED => Advice::WillNeed,
            _ => return Err(errno::INVAL),
        };
        let (start, end) = pages(mapping)?;
        self.memory_mut(|m| {
            for (s, e, _) in owned_parts(m, start, end)? {
                // SAFETY: as in mem_unmap; the advice never changes the
                // pages' contents.
                unsafe { mm::madvise(s as *mut _, e - s, host) }.host()?;
            }
            Ok(())
        })
    }

    /// `cloudabi_sys_mem_sync` → `kern_msync`: exactly one of ASYNC and
    /// SYNC, not ASYNC with INVALIDATE (EINVAL); every page must be mapped
    /// (ENOMEM, as vm_map_sync's KERN_INVALID_ADDRESS).
    pub(super) fn do_mem_sync(&mut self, mapping: *mut [u8], flags: msflags) -> Result<(), errno> {
        let async_ = flags.contains(msflags::ASYNC);
        if async_ == flags.contains(msflags::SYNC) || async_ && flags.contains(msflags::INVALIDATE)
        {
            return Err(errno::INVAL);
        }
        let mut host = MsyncFlags::empty();
        host.set(MsyncFlags::ASYNC, async_);
        host.set(MsyncFlags::SYNC, !async_);
        host.set(MsyncFlags::INVALIDATE, flags.contains(msflags::INVALIDATE));
        let (start, end) = pages(mapping)?;
        self.memory_mut(|m| {
            if !m.owned.covers(start, end) {
                return Err(errno::NOMEM);
            }
            // SAFETY: as in mem_unmap.
            unsafe { mm::msync(start as *mut _, end - start, host) }.host()
        })
    }
}

/// The guest's mappings within `[start, end)`. The gaps between them must be
/// holes (what the guest retired is one): memory the guest borrows, or that
/// the emulator uses, is refused with EINVAL (the reference's errno for a
/// span it cannot act on).
fn owned_parts(
    m: &Memory,
    start: usize,
    end: usize,
) -> Result<Vec<(usize, usize, Mapping)>, errno> {
    if m.unrecorded(start, end)
        .into_iter()
        .any(|(s, e)| m.borrows(s, e) || !free(s, e, false))
    {
        return Err(errno::INVAL);
    }
    let owned = m.owned.segments(start, end).into_iter();
    Ok(owned
        .filter_map(|s| Some((s.start, s.end, s.value?)))
        .collect())
}

/// Reserves the gaps between the guest's mappings and retired ranges in
/// `[start, end)` for a FIXED mapping; ENOMEM (nothing reserved) if memory
/// the guest does not own lies there. Returns what it reserved.
fn reserve_gaps(m: &Memory, start: usize, end: usize) -> Result<Vec<(usize, usize)>, errno> {
    let mut reserved = Vec::new();
    for (s, e) in m.unrecorded(start, end) {
        if m.borrows(s, e) || !free(s, e, true) {
            for (a, b) in reserved {
                // SAFETY: reservations made just above.
                let _ = unsafe { mm::munmap(a as *mut _, b - a) };
            }
            return Err(errno::NOMEM);
        }
        reserved.push((s, e));
    }
    Ok(reserved)
}
