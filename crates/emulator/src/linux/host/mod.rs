//! The system calls, implemented for the generated `cloudabi::host::Syscalls`
//! trait on the Linux host. The generated entry points decode and check the
//! guest's arguments and call the trait; the methods here check rights and
//! forward to the host through rustix. Each group lives in its own module;
//! this one holds the state ([`Process`], shared by a guest's threads, and
//! [`Host`], one per guest thread) and the trait's one-line delegations.

mod child;
pub(crate) mod errors;
pub(crate) mod fast;
mod fd;
mod fdcache;
pub(crate) mod fdtable;
mod file;
mod futex;
mod futex_shared;
mod mem;
mod observe_host;
mod path;
mod poll;
mod proc;
pub(crate) mod shared;
mod signals;
mod sock;
mod thread;
mod time;

use std::mem::MaybeUninit;
use std::ops::Deref;
use std::os::fd::{AsRawFd, BorrowedFd, RawFd};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use cloudabi::fd as Fd;
use cloudabi::host::trace::{Call, Value};
use cloudabi::host::{Fields, Syscalls};
use cloudabi::{
    advice, ciovec, clockid, condvar, dircookie, errno, event, exitcode, fdsflags, fdstat,
    filedelta, filesize, filestat, filetype, fsflags, iovec, lock, lookup, mflags, mprot, msflags,
    nthreads, oflags, recv_in, recv_out, rights, scope, sdflags, send_in, send_out, signal,
    subscription, threadattr, timestamp, ulflags, whence,
};

pub(crate) use child::{Child, Ended};
pub(crate) use fdtable::{Entry, FdTable};
pub(crate) use mem::{Mapping, Memory, PageState};

use super::arch::ThreadBlock;
use super::observe::Observer;
use crate::ranges::Recent;
use fdcache::FdCache;
use shared::{Shared, Threading};

/// What all threads of one guest process share: fds, memory, lock queues.
pub(crate) struct Process {
    fds: Shared<FdTable>,
    memory: Shared<Memory>,
    /// Bumped after every change of `memory`: ranges a thread remembered
    /// under an older value may be stale.
    memory_generation: AtomicU64,
    threading: Threading,
    threads: thread::Threads,
    futex: futex::Futex,
    /// The options the process was started with (passed on by `proc_exec`).
    pub(crate) options: crate::Options,
    /// Tracing and failure injection; `None` when neither was asked for, and
    /// calls are not observed at all.
    pub(crate) observer: Option<Observer>,
    /// How `proc_exec` re-executes `cloudabi-run`; `None` turns `proc_exec`
    /// off (ENOSYS).
    pub(crate) launcher: Option<crate::linux::exec::Reexec>,
}

impl Process {
    pub(crate) fn new(fds: FdTable) -> Process {
        Process {
            fds: Shared::new(fds),
            memory: Shared::new(Memory::default()),
            memory_generation: AtomicU64::new(0),
            threading: Threading::default(),
            threads: thread::Threads::default(),
            futex: futex::Futex::default(),
            options: crate::Options::default(),
            observer: None,
            launcher: None,
        }
    }

    /// Changes the memory record before the guest runs (or from the runner
    /// thread, which locks).
    pub(crate) fn memory_mut<R>(&self, f: impl FnOnce(&mut Memory) -> R) -> R {
        let r = self.memory.write(f);
        self.memory_generation.fetch_add(1, Ordering::Release);
        r
    }

    /// Runs `f` on the fd table before any guest thread runs.
    pub(crate) fn fds_before_start<R>(&self, f: impl FnOnce(&FdTable) -> R) -> R {
        self.fds.read(f)
    }

    /// Runs `f` (a fork) with every lock of the process held, so that a
    /// child left with only the calling thread finds them all free.
    fn quiesced<R>(&self, f: impl FnOnce() -> R) -> R {
        let _stderr = std::io::stderr().lock();
        self.futex.locked(|| {
            self.threads
                .locked(|| self.fds.write(|_| self.memory.write(|_| f())))
        })
    }

    /// The thread ID of the first guest thread.
    pub(crate) fn first_tid(&self) -> u32 {
        thread::FIRST_TID
    }

    /// The process is ending: the observer's last words (the summary).
    pub(crate) fn finish_observing(&self) {
        if let Some(o) = &self.observer {
            o.finish();
        }
    }
}

/// A guest fd's entry, borrowed from the table while the process has one
/// thread, or with a reference of its own otherwise.
pub(crate) enum FdRef<'a> {
    Borrowed(&'a Entry),
    Shared(Arc<Entry>),
}

impl Deref for FdRef<'_> {
    type Target = Entry;
    #[inline]
    fn deref(&self) -> &Entry {
        match self {
            FdRef::Borrowed(e) => e,
            FdRef::Shared(e) => e,
        }
    }
}

/// One guest thread's view: its process, its ID, and how to leave it.
pub(crate) struct Host {
    process: Arc<Process>,
    pub(crate) tid: u32,
    /// Whether calls are observed (the process has an observer): a copy
    /// read on every call without following `process`.
    observed: bool,
    /// The observed call in progress (set by `before`, used by `after`).
    pending: observe_host::Pending,
    /// The running guest's thread block, for leaving it on exit.
    pub(crate) block: *mut ThreadBlock,
    /// Whether this thread is the one the runner entered first (the one
    /// whose return ends an in-process run).
    main: bool,
    /// Set by `thread_exit`, with the lock to release once the thread is off
    /// the guest's stack (none when the call's lock or scope was bad).
    exited: Option<Option<(usize, scope)>>,
    /// The two ranges the latest memory checks ended in, valid while the
    /// process's memory generation is `recent_generation`: nearly every
    /// check hits one of them again (the stack, and the image or a buffer).
    recent: Recent,
    recent_generation: u64,
    /// Whether this is the process's only guest thread: a copy of the
    /// process's flag, read by every fast path without following `process`
    /// (only this thread can clear it, in `thread_create`).
    alone: bool,
    /// The fds used last, while `alone` (see [`fdcache`]).
    fd_cache: FdCache,
    /// Pages of guest memory that faulted during the current call and were
    /// patched (see `linux::fault`).
    pub(crate) faults: crate::linux::fault::Patches,
}

impl Host {
    /// The host side of guest thread `tid` of `process`.
    pub(crate) fn new(process: Arc<Process>, tid: u32, main: bool) -> Host {
        let alone = process.threading.alone();
        Host {
            observed: process.observer.is_some(),
            pending: observe_host::Pending::default(),
            alone,
            process,
            tid,
            block: core::ptr::null_mut(),
            main,
            exited: None,
            recent: Recent::EMPTY,
            recent_generation: u64::MAX,
            fd_cache: FdCache::EMPTY,
            faults: Default::default(),
        }
    }

    /// Whether the [`fast`] entry points may answer: the thread is alone
    /// and calls are not observed (traced or failed on purpose).
    #[inline(always)]
    fn fast(&self) -> bool {
        self.alone & !self.observed
    }

    pub(crate) fn process(&self) -> &Arc<Process> {
        &self.process
    }

    /// Makes `self` the implementation serving this thread's syscalls while
    /// `f` runs.
    pub(crate) fn serve<R>(&mut self, f: impl FnOnce() -> R) -> R {
        let previous = super::arch::set_current((self as *mut Host).cast());
        let r = f();
        super::arch::set_current(previous);
        r
    }

    /// The entry for `fd` if it has all of `needed`: EBADF if there is no
    /// such fd, ENOTCAPABLE if a right is missing.
    #[inline]
    fn entry(&self, fd: Fd, needed: rights) -> Result<FdRef<'_>, errno> {
        if self.alone {
            self.entry_alone(fd, needed).map(FdRef::Borrowed)
        } else {
            self.entry_shared(fd, needed).map(FdRef::Shared)
        }
    }

    /// [`Host::entry`] for the process's only guest thread.
    #[inline]
    fn entry_alone(&self, fd: Fd, needed: rights) -> Result<&Entry, errno> {
        debug_assert!(self.alone);
        // SAFETY: this is the only guest thread; the reference borrows
        // `self`, and changing the table needs `&mut self`.
        let table = unsafe { self.process.fds.alone() };
        table.with(fd, needed)
    }

    /// [`Host::entry`] once other guest threads may change the table.
    #[inline(never)]
    fn entry_shared(&self, fd: Fd, needed: rights) -> Result<Arc<Entry>, errno> {
        self.process.fds.read(|t| t.shared(fd, needed))
    }

    /// The host fd behind `fd` for a call that needs `needed`, on the
    /// process's only guest thread: from the thread's copy, or from the table
    /// (which then fills the copy).
    #[inline]
    fn host_fd_alone(&mut self, fd: Fd, needed: rights) -> Result<BorrowedFd<'_>, errno> {
        debug_assert!(self.alone);
        let (raw, base) = match self.fd_cache.get(fd) {
            Some(hit) => hit,
            None => self.remember_fd(fd)?,
        };
        if !base.contains(needed) {
            return Err(errno::NOTCAPABLE);
        }
        // SAFETY: `raw` is the host fd of the table's entry for `fd`, which
        // stays while `self` is borrowed: changing the table takes `&mut
        // self` and empties the copy.
        Ok(unsafe { BorrowedFd::borrow_raw(raw) })
    }

    #[inline(never)]
    fn remember_fd(&mut self, fd: Fd) -> Result<(RawFd, rights), errno> {
        let e = self.entry_alone(fd, rights::empty())?;
        let hit = (e.fd().as_raw_fd(), e.base);
        self.fd_cache.remember(fd, hit.0, hit.1);
        Ok(hit)
    }

    /// Runs `f` on the fd table, for changing it.
    fn fds_mut<R>(&mut self, f: impl FnOnce(&mut FdTable) -> R) -> R {
        self.fd_cache.clear();
        let alone = self.alone;
        // SAFETY: `alone` is this thread's; `&mut self` means no entry
        // borrowed through `entry` is live, and `f` cannot reach `self`.
        unsafe { self.process.fds.write_as(alone, f) }
    }

    /// Runs `f` on the memory record.
    fn memory<R>(&self, f: impl FnOnce(&Memory) -> R) -> R {
        let alone = self.alone;
        // SAFETY: as for `fds`.
        unsafe { self.process.memory.read_as(alone, f) }
    }

    /// Runs `f` on the memory record, for changing it.
    fn memory_mut<R>(&mut self, f: impl FnOnce(&mut Memory) -> R) -> R {
        let alone = self.alone;
        // SAFETY: as for `fds_mut`.
        let r = unsafe { self.process.memory.write_as(alone, f) };
        self.process
            .memory_generation
            .fetch_add(1, Ordering::Release);
        // While alone, no other thread changes memory, so the fast check
        // trusts `recent` without comparing generations: forget it here.
        self.recent = Recent::EMPTY;
        r
    }

    /// `check_guest_memory` through the memory record; remembers the range
    /// found.
    #[cold]
    #[inline(never)]
    fn check_memory_slowly(
        &mut self,
        addr: usize,
        len: usize,
        writable: bool,
    ) -> Result<(), errno> {
        let end = addr.wrapping_add(len);
        if self.recent.permits(addr, end, writable)
            && self.recent_generation == self.process.memory_generation.load(Ordering::Acquire)
        {
            return Ok(());
        }
        let generation = self.process.memory_generation.load(Ordering::Acquire);
        if generation != self.recent_generation {
            self.recent = Recent::EMPTY;
            self.recent_generation = generation;
        }
        let (allowed, range) = self.memory(|m| m.accessible.lookup(addr, len, writable));
        if let Some(r) = range {
            self.recent.remember(r);
        }
        if allowed {
            Ok(())
        } else {
            Err(errno::FAULT)
        }
    }

    /// Runs `f` on what the record says of `page`, with the record held
    /// still: no other thread maps or unmaps anything meanwhile (for the
    /// fault handler, on this thread, between a call's checks and its end).
    pub(crate) fn with_page_state<R>(&self, page: usize, f: impl FnOnce(mem::PageState) -> R) -> R {
        self.memory(|m| f(m.page_state(page)))
    }

    /// The process's memory generation (changed by every change of the
    /// record).
    pub(crate) fn memory_generation(&self) -> u64 {
        self.process.memory_generation.load(Ordering::Acquire)
    }

    /// After a fault in `page` was patched, the record saying `seen` of it
    /// then: the page becomes inaccessible to the guest and to its calls,
    /// unless the guest mapped something else there since (another thread's
    /// `mem_map`, which replaced the patch: left alone).
    pub(crate) fn forget_guest_page(&mut self, page: usize, seen: mem::PageState) {
        let len = crate::linux::memory::page_size();
        self.memory_mut(|m| {
            if m.page_state(page) != seen {
                return;
            }
            // SAFETY: the page is guest memory (it was checked before it
            // was patched) and no host reference points into it.
            unsafe {
                libc::mmap(
                    page as *mut libc::c_void,
                    len,
                    libc::PROT_NONE,
                    libc::MAP_FIXED | libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                    -1,
                    0,
                );
            }
            let none = crate::ranges::Access {
                read: false,
                write: false,
            };
            m.accessible.update(page, page + len, |_| none);
            // Still the guest's to unmap or map over: now an inaccessible
            // anonymous page.
            m.owned.update(page, page + len, |mapping| mem::Mapping {
                prot: cloudabi::mprot::empty(),
                shared_file: false,
                ..mapping
            });
        });
    }

    /// Ends the guest with `code`: back out of the guest if this is the only
    /// thread of an in-process run, or end the host process.
    fn exit(&mut self, code: i32) -> ! {
        self.process.finish_observing();
        if self.may_leave() {
            // SAFETY: `block` is the block of the guest running on this
            // thread (set by the runner around `enter`), and we are in a
            // handler called from a trampoline. The frames between here and
            // the trampoline hold nothing that needs dropping (the generated
            // entry point and `with_current` keep no guards).
            unsafe { super::arch::leave(self.block, code) }
        }
        thread::exit_process(code)
    }
}

impl Syscalls for Host {
    #[inline(always)]
    fn with_current<R>(f: impl FnOnce(&mut Self) -> R) -> R {
        let host = super::arch::current().cast::<Host>();
        if host.is_null() {
            // A trampoline was called on a thread that runs no guest: there
            // is nothing sensible to return to.
            std::process::abort();
        }
        // SAFETY: `serve` set this pointer to a live Host for as long as
        // guest code runs on this thread, and calls do not nest.
        f(unsafe { &mut *host })
    }

    /// The fast path, inlined into every entry point: one of the two ranges
    /// checked last. While the thread is alone, only its own `mem_*` calls
    /// change memory, and they forget `recent`, so a hit is current; once
    /// other threads exist, the slow path also compares generations.
    #[inline]
    fn check_guest_memory(&mut self, addr: usize, len: usize, writable: bool) -> Result<(), errno> {
        let end = addr.wrapping_add(len);
        if self.recent.permits(addr, end, writable) & self.alone {
            return Ok(());
        }
        self.check_memory_slowly(addr, len, writable)
    }

    #[inline(always)]
    fn observed(&self) -> bool {
        self.observed
    }

    // Cold: the generated entry points then keep their observing paths out
    // of the way of unobserved calls.
    #[cold]
    fn before(&mut self, call: &Call) -> Option<errno> {
        self.observe_before(call)
    }

    #[cold]
    fn after(&mut self, call: Call, result: Result<Value, errno>) {
        self.observe_after(call, result)
    }

    #[cold]
    fn noreturn_failed(&mut self, syscall: &'static str, _error: errno) -> ! {
        // cloudabi_sys_thread_exit ignores what unlocking the join lock
        // returns and ends the thread all the same.
        if syscall == "thread_exit" {
            self.end_thread(None)
        }
        self.exit(127)
    }

    fn clock_res_get(&mut self, clock_id: clockid) -> Result<timestamp, errno> {
        self.do_clock_res_get(clock_id)
    }
    fn clock_time_get(
        &mut self,
        clock_id: clockid,
        _precision: timestamp,
    ) -> Result<timestamp, errno> {
        self.do_clock_time_get(clock_id)
    }
    fn condvar_signal(&mut self, c: *mut condvar, scope: scope, n: nthreads) -> Result<(), errno> {
        self.do_condvar_signal(c, scope, n)
    }
    fn fd_close(&mut self, fd: Fd) -> Result<(), errno> {
        self.do_fd_close(fd)
    }
    fn fd_create1(&mut self, r#type: filetype) -> Result<Fd, errno> {
        self.do_fd_create1(r#type)
    }
    fn fd_create2(&mut self, r#type: filetype) -> Result<(Fd, Fd), errno> {
        self.do_fd_create2(r#type)
    }
    fn fd_datasync(&mut self, fd: Fd) -> Result<(), errno> {
        self.do_fd_sync(fd, true)
    }
    fn fd_dup(&mut self, from: Fd) -> Result<Fd, errno> {
        self.do_fd_dup(from)
    }
    fn fd_pread(&mut self, fd: Fd, iovs: &[iovec], offset: filesize) -> Result<usize, errno> {
        if self.pending.short.is_some() {
            return self.short_transfer(fd, iovs, |h, v| h.do_fd_pread(fd, v, offset));
        }
        self.do_fd_pread(fd, iovs, offset)
    }
    fn fd_pwrite(&mut self, fd: Fd, iovs: &[ciovec], offset: filesize) -> Result<usize, errno> {
        if self.pending.short.is_some() {
            return self.short_transfer(fd, iovs, |h, v| h.do_fd_pwrite(fd, v, offset));
        }
        self.do_fd_pwrite(fd, iovs, offset)
    }
    fn fd_read(&mut self, fd: Fd, iovs: &[iovec]) -> Result<usize, errno> {
        if self.pending.short.is_some() {
            return self.short_transfer(fd, iovs, |h, v| h.do_fd_read(fd, v));
        }
        self.do_fd_read(fd, iovs)
    }
    fn fd_replace(&mut self, from: Fd, to: Fd) -> Result<(), errno> {
        self.do_fd_replace(from, to)
    }
    fn fd_seek(&mut self, fd: Fd, offset: filedelta, whence: whence) -> Result<filesize, errno> {
        self.do_fd_seek(fd, offset, whence)
    }
    fn fd_stat_get(&mut self, fd: Fd, buf: &mut MaybeUninit<fdstat>) -> Result<(), errno> {
        buf.write(self.do_fd_stat_get(fd)?);
        Ok(())
    }
    fn fd_stat_put(
        &mut self,
        fd: Fd,
        buf: Fields<'_, fdstat>,
        flags: fdsflags,
    ) -> Result<(), errno> {
        self.do_fd_stat_put(fd, buf, flags)
    }
    fn fd_sync(&mut self, fd: Fd) -> Result<(), errno> {
        self.do_fd_sync(fd, false)
    }
    #[inline]
    fn fd_write(&mut self, fd: Fd, iovs: &[ciovec]) -> Result<usize, errno> {
        let result = if self.pending.short.is_some() {
            self.short_transfer(fd, iovs, |h, v| h.do_fd_write(fd, v))
        } else {
            self.do_fd_write(fd, iovs)
        };
        if result == Err(errno::PIPE) {
            self.broken_pipe();
        }
        result
    }
    fn file_advise(
        &mut self,
        fd: Fd,
        offset: filesize,
        len: filesize,
        advice: advice,
    ) -> Result<(), errno> {
        self.do_file_advise(fd, offset, len, advice)
    }
    fn file_allocate(&mut self, fd: Fd, offset: filesize, len: filesize) -> Result<(), errno> {
        self.do_file_allocate(fd, offset, len)
    }
    fn file_create(&mut self, fd: Fd, path: &[u8], r#type: filetype) -> Result<(), errno> {
        self.do_file_create(fd, path, r#type)
    }
    fn file_link(&mut self, fd1: lookup, path1: &[u8], fd2: Fd, path2: &[u8]) -> Result<(), errno> {
        self.do_file_link(fd1, path1, fd2, path2)
    }
    fn file_open(
        &mut self,
        dirfd: lookup,
        path: &[u8],
        oflags: oflags,
        fds: Fields<'_, fdstat>,
    ) -> Result<Fd, errno> {
        self.do_file_open(dirfd, path, oflags, fds)
    }
    fn file_readdir(&mut self, fd: Fd, buf: &mut [u8], cookie: dircookie) -> Result<usize, errno> {
        self.do_file_readdir(fd, buf, cookie)
    }
    fn file_readlink(&mut self, fd: Fd, path: &[u8], buf: &mut [u8]) -> Result<usize, errno> {
        self.do_file_readlink(fd, path, buf)
    }
    fn file_rename(&mut self, fd1: Fd, path1: &[u8], fd2: Fd, path2: &[u8]) -> Result<(), errno> {
        self.do_file_rename(fd1, path1, fd2, path2)
    }
    fn file_stat_fget(&mut self, fd: Fd, buf: &mut MaybeUninit<filestat>) -> Result<(), errno> {
        buf.write(self.do_file_stat_fget(fd)?);
        Ok(())
    }
    fn file_stat_fput(
        &mut self,
        fd: Fd,
        buf: Fields<'_, filestat>,
        flags: fsflags,
    ) -> Result<(), errno> {
        self.do_file_stat_fput(fd, buf, flags)
    }
    fn file_stat_get(
        &mut self,
        fd: lookup,
        path: &[u8],
        buf: &mut MaybeUninit<filestat>,
    ) -> Result<(), errno> {
        buf.write(self.do_file_stat_get(fd, path)?);
        Ok(())
    }
    fn file_stat_put(
        &mut self,
        fd: lookup,
        path: &[u8],
        buf: Fields<'_, filestat>,
        flags: fsflags,
    ) -> Result<(), errno> {
        self.do_file_stat_put(fd, path, buf, flags)
    }
    fn file_symlink(&mut self, path1: &[u8], fd: Fd, path2: &[u8]) -> Result<(), errno> {
        self.do_file_symlink(path1, fd, path2)
    }
    fn file_unlink(&mut self, fd: Fd, path: &[u8], flags: ulflags) -> Result<(), errno> {
        self.do_file_unlink(fd, path, flags)
    }
    fn lock_unlock(&mut self, l: *mut lock, scope: scope) -> Result<(), errno> {
        self.do_lock_unlock(l, scope)
    }
    fn mem_advise(&mut self, mapping: *mut [u8], advice: advice) -> Result<(), errno> {
        self.do_mem_advise(mapping, advice)
    }
    fn mem_map(
        &mut self,
        addr: *mut (),
        len: usize,
        prot: mprot,
        flags: mflags,
        fd: Fd,
        off: filesize,
    ) -> Result<*mut (), errno> {
        self.do_mem_map(addr, len, prot, flags, fd, off)
    }
    fn mem_protect(&mut self, mapping: *mut [u8], prot: mprot) -> Result<(), errno> {
        self.do_mem_protect(mapping, prot)
    }
    fn mem_sync(&mut self, mapping: *mut [u8], flags: msflags) -> Result<(), errno> {
        self.do_mem_sync(mapping, flags)
    }
    fn mem_unmap(&mut self, mapping: *mut [u8]) -> Result<(), errno> {
        self.do_mem_unmap(mapping)
    }
    fn poll(
        &mut self,
        r#in: &[subscription],
        out: &mut [MaybeUninit<event>],
    ) -> Result<usize, errno> {
        self.do_poll(r#in, out)
    }
    fn proc_exec(&mut self, fd: Fd, data: &[u8], fds: &[Fd]) -> Result<(), errno> {
        self.do_proc_exec(fd, data, fds)
    }
    fn proc_exit(&mut self, rval: exitcode) -> ! {
        self.do_proc_exit(rval)
    }
    fn proc_fork(&mut self) -> Result<(Fd, cloudabi::tid), errno> {
        self.do_proc_fork()
    }
    fn proc_raise(&mut self, sig: signal) -> Result<(), errno> {
        self.do_proc_raise(sig)
    }
    fn random_get(&mut self, buf: &mut [u8]) -> Result<(), errno> {
        self.do_random_get(buf)
    }
    fn sock_recv(
        &mut self,
        sock: Fd,
        r#in: &recv_in,
        out: &mut MaybeUninit<recv_out>,
    ) -> Result<(), errno> {
        out.write(self.do_sock_recv(sock, r#in)?);
        Ok(())
    }
    fn sock_send(
        &mut self,
        sock: Fd,
        r#in: &send_in,
        out: &mut MaybeUninit<send_out>,
    ) -> Result<(), errno> {
        out.write(self.do_sock_send(sock, r#in)?);
        Ok(())
    }
    fn sock_shutdown(&mut self, sock: Fd, how: sdflags) -> Result<(), errno> {
        self.do_sock_shutdown(sock, how)
    }
    fn thread_create(
        &mut self,
        attr: &mut MaybeUninit<threadattr>,
    ) -> Result<cloudabi::tid, errno> {
        self.do_thread_create(attr)
    }
    fn thread_exit(&mut self, l: *mut lock, s: scope) -> ! {
        self.do_thread_exit(l, s)
    }
    fn thread_yield(&mut self) -> Result<(), errno> {
        self.do_thread_yield()
    }
}
