//! Fast entry points for the hottest calls: `fd_write` and `fd_read` of one
//! buffer, from a process with one guest thread and no tracing.
//!
//! The guest calls these directly, not through a trampoline: they run with
//! the guest's word at `%fs:0` in place, on the guest's stack, where they
//! keep nothing of the emulator's (only the guest's own registers, saved
//! and restored, and the guest's return address). That is safe because they
//! reach per-thread state only through `%fs`-base-relative slots
//! ([`arch::current`]), never through `%fs:0`, and call nothing but the
//! host kernel and [`from_host`] (a pure function), and cannot panic.
//! Anything else (more buffers, an fd or range not checked recently, a
//! missing right, tracing, other threads) jumps to the trampoline, and so to
//! the generated entry point, which checks and reports errors in full. The
//! fast path only answers when every check the generated path would make
//! passes, and then makes the same host call, so the two cannot disagree.
//!
//! Why: an emulated call costs the work between two host system calls, and
//! in the VM this was measured in, that work was the whole price: the
//! trampoline and the generated entry point run ~190 instructions around a
//! 1-byte write, this path ~70, against a `write(2)` of ~90 ns.

use core::sync::atomic::{AtomicUsize, Ordering};

use cloudabi::{ciovec, errno, fd as Fd, iovec, rights};

use super::errors::from_host;
use super::Host;
use crate::linux::arch;

/// The trampolines of the calls with a fast entry point, for falling back.
static TRAMPOLINE_FD_READ: AtomicUsize = AtomicUsize::new(0);
static TRAMPOLINE_FD_WRITE: AtomicUsize = AtomicUsize::new(0);

/// For a call that has a fast entry point (by C symbol name): remembers its
/// trampoline and returns the fast entry point.
pub fn install(name: &str, trampoline: usize) -> Option<*const ()> {
    let (slot, fast) = match name {
        "cloudabi_sys_fd_read" => (&TRAMPOLINE_FD_READ, fd_read as *const ()),
        "cloudabi_sys_fd_write" => (&TRAMPOLINE_FD_WRITE, fd_write as *const ()),
        _ => return None,
    };
    slot.store(trampoline, Ordering::Release);
    Some(fast)
}

impl Host {
    /// Whether `len` bytes at `addr` lie in a range the thread checked
    /// recently: enough for the fast paths, which only run while the thread
    /// is alone (so `recent` is current).
    #[inline(always)]
    fn recently_checked(&self, addr: usize, len: usize, write: bool) -> bool {
        let end = addr.wrapping_add(len);
        addr != 0 && end > addr && self.recent.permits(addr, end, write)
    }

    /// The host fd for `fd` if the thread's copy has it with `needed`.
    #[inline(always)]
    fn cached_fd(&self, fd: Fd, needed: rights) -> Option<i32> {
        let (raw, base) = self.fd_cache.get(fd)?;
        base.contains(needed).then_some(raw)
    }

    /// The one buffer of a call, if the arguments pass every check on the
    /// fast path: `n == 1`, both pointers aligned and recently checked, and
    /// a non-empty buffer recently checked.
    #[inline(always)]
    unsafe fn one_buffer<V>(
        &self,
        vecs: *const V,
        n: usize,
        out: *mut usize,
        buf_writable: bool,
        buf: impl FnOnce(&V) -> (usize, usize),
    ) -> Option<(usize, usize)> {
        let (v, o) = (vecs as usize, out as usize);
        let args = self.fast()
            && n == 1
            && v % align_of::<V>() == 0
            && o % align_of::<usize>() == 0
            && self.recently_checked(v, size_of::<V>(), false)
            && self.recently_checked(o, size_of::<usize>(), true);
        if !args {
            return None;
        }
        // SAFETY: checked above: aligned, readable guest memory.
        let (addr, len) = buf(unsafe { &*vecs });
        (len <= isize::MAX as usize && self.recently_checked(addr, len, buf_writable))
            .then_some((addr, len))
    }
}

/// What tells the fast calls apart.
struct Call {
    /// The host system call.
    nr: libc::c_long,
    /// The right the guest fd needs.
    needed: rights,
    /// Whether the host writes the buffer.
    buf_writable: bool,
    trampoline: &'static AtomicUsize,
}

const WRITE: Call = Call {
    nr: libc::SYS_write,
    needed: rights::FD_WRITE,
    buf_writable: false,
    trampoline: &TRAMPOLINE_FD_WRITE,
};

const READ: Call = Call {
    nr: libc::SYS_read,
    needed: rights::FD_READ,
    buf_writable: true,
    trampoline: &TRAMPOLINE_FD_READ,
};

/// `cloudabi_sys_fd_write`.
///
/// # Safety
/// Called by the guest (the vDSO points here), with the C signature.
pub unsafe extern "C" fn fd_write(
    fd: Fd,
    iovs: *const ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> errno {
    // SAFETY: the function's contract.
    unsafe { serve(&WRITE, fd, iovs, iovs_len, nwritten) }
}

/// `cloudabi_sys_fd_read`.
///
/// # Safety
/// As for [`fd_write`].
pub unsafe extern "C" fn fd_read(
    fd: Fd,
    iovs: *const iovec,
    iovs_len: usize,
    nread: *mut usize,
) -> errno {
    // SAFETY: the function's contract.
    unsafe { serve(&READ, fd, iovs, iovs_len, nread) }
}

/// Makes `call` on the fast path, or through its trampoline.
///
/// # Safety
/// As for the entry points.
#[inline(always)]
unsafe fn serve<V: BufParts>(
    call: &Call,
    fd: Fd,
    vecs: *const V,
    n: usize,
    out: *mut usize,
) -> errno {
    // While the guest's memory is touched, a fault in it is recovered
    // (see `fault`): the patched call is then answered with EFAULT, by the
    // trampoline this falls back to or by the fault slot's.
    arch::set_in_call(true);
    // SAFETY: the caller is a guest thread this host thread serves, so
    // `current` is null or its live Host; `one_buffer` checks the pointers.
    let found = unsafe { args(fd, vecs, n, out, call.needed, call.buf_writable) };
    let Some((raw, addr, len)) = found else {
        arch::set_in_call(false);
        // SAFETY: as for this function.
        return unsafe { trampoline(call.trampoline, fd, vecs, n, out) };
    };
    // SAFETY: `raw` stays open while the thread is alone and in this call;
    // the buffer is checked guest memory (writable if the host writes it).
    let r = unsafe { syscall3(call.nr, raw, addr, len) };
    if r == -(libc::EPIPE as isize) {
        // The write failed without effect; the trampoline's path makes it
        // again and raises SIGPIPE as the reference does (Host::fd_write).
        arch::set_in_call(false);
        // SAFETY: as for this function.
        return unsafe { trampoline(call.trampoline, fd, vecs, n, out) };
    }
    let e = finish(r, out);
    arch::set_in_call(false);
    if arch::faulted() {
        return fault_answer();
    }
    e
}

/// EFAULT for a call whose `out` fell on a faulting page, through the
/// fault slot's trampoline (which forgets the page on the host side).
#[cold]
#[inline(never)]
fn fault_answer() -> errno {
    // SAFETY: the fault slot's trampoline takes no arguments and returns an
    // errno; it restores the host's state itself.
    let f: unsafe extern "C" fn() -> errno =
        unsafe { core::mem::transmute::<usize, _>(arch::fault_trampoline()) };
    unsafe { f() }
}

/// The entry point's type, for falling back to the trampoline.
type Entry<V> = unsafe extern "C" fn(Fd, *const V, usize, *mut usize) -> errno;

/// Calls the trampoline in `slot` (set by [`install`] before any guest runs).
///
/// # Safety
/// As for the entry points.
#[inline(always)]
unsafe fn trampoline<V>(
    slot: &AtomicUsize,
    fd: Fd,
    vecs: *const V,
    n: usize,
    out: *mut usize,
) -> errno {
    let f = slot.load(Ordering::Relaxed);
    // SAFETY: `install` stored the address of a trampoline with this
    // signature; it restores the host's state itself.
    let f: Entry<V> = unsafe { core::mem::transmute::<usize, Entry<V>>(f) };
    unsafe { f(fd, vecs, n, out) }
}

/// The host fd and the one buffer of a call the fast path can make, if
/// every check passes.
///
/// # Safety
/// `arch::current()` must be null or the calling thread's live Host.
#[inline(always)]
unsafe fn args<V: BufParts>(
    fd: Fd,
    vecs: *const V,
    n: usize,
    out: *mut usize,
    needed: rights,
    buf_writable: bool,
) -> Option<(i32, usize, usize)> {
    // SAFETY: see the function's contract.
    let host = unsafe { arch::current().cast::<Host>().as_ref() }?;
    // SAFETY: as for this function.
    let (addr, len) = unsafe { host.one_buffer(vecs, n, out, buf_writable, V::buf_parts) }?;
    Some((host.cached_fd(fd, needed)?, addr, len))
}

/// A host system call with three arguments; the result, or `-errno`.
///
/// The `syscall` instruction sits at a fixed offset in its cache line, near
/// its end (the padding before it is jumped over). In the VM this was
/// measured in, how long the instructions after a system call take depends
/// on where they sit: by up to 15 ns for the same code placed differently,
/// which made the fast path's cost change with unrelated code changes.
/// With the instruction here, its cost no longer does (see the notes in
/// `benches/emulator.rs`).
///
/// # Safety
/// As for the system call `nr`.
#[inline(always)]
unsafe fn syscall3(nr: libc::c_long, a: i32, b: usize, c: usize) -> isize {
    let r: isize;
    // SAFETY: the caller's.
    unsafe {
        core::arch::asm!(
            "jmp 2f",
            ".p2align 6",
            ".skip 46, 0xcc",
            "2:",
            "syscall",
            inlateout("rax") nr as isize => r,
            in("rdi") a as isize,
            in("rsi") b,
            in("rdx") c,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack),
        );
    }
    r
}

/// Stores a count and returns success, or the host error as a CloudABI one.
#[inline(always)]
fn finish(r: isize, out: *mut usize) -> errno {
    if r < 0 {
        return from_host(rustix::io::Errno::from_raw_os_error(-r as i32));
    }
    // SAFETY: checked as writable by `one_buffer`.
    unsafe { out.write(r as usize) };
    errno::SUCCESS
}

/// The address and length of an I/O vector's buffer.
trait BufParts {
    fn buf_parts(&self) -> (usize, usize);
}

impl BufParts for ciovec {
    fn buf_parts(&self) -> (usize, usize) {
        (self.buf.0 as usize, self.buf.1)
    }
}

impl BufParts for iovec {
    fn buf_parts(&self) -> (usize, usize) {
        (self.buf.0 as usize, self.buf.1)
    }
}
