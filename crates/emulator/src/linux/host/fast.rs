//! Fast entry points for the hottest calls: `fd_write` and `fd_read` of one
//! buffer, from a process with one guest thread and no tracing.
//!
//! The guest calls these directly, not through a trampoline: they run with
//! the guest's word at `%fs:0` in place, on the guest's stack, where they
//! keep nothing of the emulator's but return addresses into its code (which
//! the guest knows anyway: its vDSO points here), while the guest cannot
//! run (it has one thread). That is safe because they reach per-thread
//! state only through `%fs`-base-relative slots ([`arch::current`]), never
//! through `%fs:0`, and call nothing but the host kernel and [`from_host`]
//! (a pure function), and cannot panic.
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
use crate::linux::{arch, fault};

/// The trampolines of the calls with a fast entry point, for falling back.
static TRAMPOLINE_FD_READ: AtomicUsize = AtomicUsize::new(0);
static TRAMPOLINE_FD_WRITE: AtomicUsize = AtomicUsize::new(0);

/// For a call that has a fast entry point (by C symbol name): remembers its
/// trampoline and returns the fast entry point.
pub(crate) fn install(name: &str, trampoline: usize) -> Option<*const ()> {
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
        // SAFETY: checked above: aligned, readable guest memory. A fault
        // gives a length refused below.
        let (addr, len) = unsafe { fault::read_iovec(vecs.cast()) };
        (len <= isize::MAX as usize && self.recently_checked(addr, len, buf_writable))
            .then_some((addr, len))
    }
}

/// What tells the fast calls apart (besides the host system call and the
/// trampoline, which the entry points name themselves).
struct Call {
    /// The right the guest fd needs.
    needed: rights,
    /// Whether the host writes the buffer.
    buf_writable: bool,
}

const WRITE: Call = Call {
    needed: rights::FD_WRITE,
    buf_writable: false,
};

const READ: Call = Call {
    needed: rights::FD_READ,
    buf_writable: true,
};

/// `cloudabi_sys_fd_write`.
///
/// # Safety
/// Called by the guest (the vDSO points here), with the C signature.
#[unsafe(naked)]
pub(crate) unsafe extern "C" fn fd_write(
    fd: Fd,
    iovs: *const ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> errno {
    core::arch::naked_asm!(
        fast_entry!(),
        prepare = sym prepare::<WriteCall>,
        finish = sym finish,
        trampoline = sym TRAMPOLINE_FD_WRITE,
        nr = const libc::SYS_write,
        epipe = const -libc::EPIPE,
    )
}

/// `cloudabi_sys_fd_read`.
///
/// # Safety
/// As for [`fd_write`].
#[unsafe(naked)]
pub(crate) unsafe extern "C" fn fd_read(
    fd: Fd,
    iovs: *const iovec,
    iovs_len: usize,
    nread: *mut usize,
) -> errno {
    core::arch::naked_asm!(
        fast_entry!(),
        prepare = sym prepare::<ReadCall>,
        finish = sym finish,
        trampoline = sym TRAMPOLINE_FD_READ,
        nr = const libc::SYS_read,
        epipe = const -libc::EPIPE,
    )
}

/// The body of both entry points: [`prepare`] checks the arguments (a call
/// that also returns before the system call), the host call is made here,
/// in the entry point's own frame, [`finish`] stores the count (a call made
/// after it), and the entry point goes back to the guest by an indirect
/// jump to the return address rather than by `ret`.
///
/// Why: in the VM this was measured in, the first `ret` after a system call
/// whose `call` came before it costs ~65 ns (the processor's return
/// predictions do not survive the trip through the kernel), nearly half of
/// a 1-byte `write(2)`; an indirect jump is predicted from the branch
/// target buffer, which does survive, and costs ~2 ns. (A native loop
/// around an inlined `syscall` instruction pays no such return; one that
/// calls libc's `write` does.)
///
/// The frame, on the guest's stack below its return address: the four
/// arguments (for the fallback) and the buffer's address and length as
/// `prepare` found them; 56 bytes keep the calls 16-byte aligned.
macro_rules! fast_entry {
    () => {
        concat!(
            "sub rsp, 56\n",
            "mov qword ptr [rsp], rdi\n",
            "mov qword ptr [rsp + 8], rsi\n",
            "mov qword ptr [rsp + 16], rdx\n",
            "mov qword ptr [rsp + 24], rcx\n",
            "lea r8, [rsp + 32]\n",
            "call {prepare}\n",
            "test eax, eax\n",
            "js 2f\n",
            "mov edi, eax\n",
            "mov rsi, qword ptr [rsp + 32]\n",
            "mov rdx, qword ptr [rsp + 40]\n",
            "mov eax, {nr}\n",
            "syscall\n",
            // EPIPE: the write failed without effect; the trampoline's path
            // makes it again and raises SIGPIPE as the reference does
            // (Host::fd_write).
            "cmp rax, {epipe}\n",
            "je 2f\n",
            "mov rdi, rax\n",
            "mov rsi, qword ptr [rsp + 24]\n",
            "call {finish}\n",
            "add rsp, 56\n",
            "pop rcx\n",
            "jmp rcx\n",
            // Not for the fast path (or EPIPE): to the trampoline, with the
            // guest's arguments and return address as they came (it returns
            // to the guest itself).
            "2:\n",
            "mov rdi, qword ptr [rsp]\n",
            "mov rsi, qword ptr [rsp + 8]\n",
            "mov rdx, qword ptr [rsp + 16]\n",
            "mov rcx, qword ptr [rsp + 24]\n",
            "add rsp, 56\n",
            "jmp qword ptr [rip + {trampoline}]\n",
        )
    };
}
use fast_entry;

/// What tells the two fast calls apart, for [`prepare`].
trait FastCall {
    const CALL: Call;
    type Vec: IoVec;
}

struct WriteCall;
struct ReadCall;

impl FastCall for WriteCall {
    const CALL: Call = WRITE;
    type Vec = ciovec;
}

impl FastCall for ReadCall {
    const CALL: Call = READ;
    type Vec = iovec;
}

/// The host fd of a call the fast path can make, with its buffer's address
/// and length stored at `buf`; or -1 if any check fails.
///
/// # Safety
/// Called by the entry points only, with the guest's arguments and `buf`
/// pointing at two words of their frame.
unsafe extern "C" fn prepare<C: FastCall>(
    fd: Fd,
    vecs: *const C::Vec,
    n: usize,
    out: *mut usize,
    buf: *mut [usize; 2],
) -> i32 {
    let call = C::CALL;
    // SAFETY: the caller is a guest thread this host thread serves, so
    // `current` is null or its live Host; `one_buffer` checks the pointers.
    match unsafe { args(fd, vecs, n, out, call.needed, call.buf_writable) } {
        Some((raw, addr, len)) => {
            // SAFETY: two words of the entry point's frame.
            unsafe { buf.write([addr, len]) };
            raw
        }
        None => -1,
    }
}

/// The host fd and the one buffer of a call the fast path can make, if
/// every check passes.
///
/// # Safety
/// `arch::current()` must be null or the calling thread's live Host.
#[inline(always)]
unsafe fn args<V: IoVec>(
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
    let (addr, len) = unsafe { host.one_buffer(vecs, n, out, buf_writable) }?;
    Some((host.cached_fd(fd, needed)?, addr, len))
}

/// Stores a count and returns success, or the host error as a CloudABI one
/// (EFAULT if the count's page faults, as a shared mapping past its file's
/// end does).
///
/// # Safety
/// `out` must have passed `one_buffer`'s checks for this call.
unsafe extern "C" fn finish(r: isize, out: *mut usize) -> errno {
    if r < 0 {
        return from_host(rustix::io::Errno::from_raw_os_error(-r as i32));
    }
    // SAFETY: checked as writable and aligned by `one_buffer`.
    if unsafe { fault::write_word(out, r as usize) } {
        errno::SUCCESS
    } else {
        errno::FAULT
    }
}

/// An I/O vector: a buffer's address at offset 0 and its length at 8,
/// which [`fault::read_iovec`] reads.
trait IoVec {}

impl IoVec for ciovec {}
impl IoVec for iovec {}

const _: () = {
    assert!(size_of::<ciovec>() == 16 && core::mem::offset_of!(ciovec, buf) == 0);
    assert!(size_of::<iovec>() == 16 && core::mem::offset_of!(iovec, buf) == 0);
    // The tuple's layout is Rust's to choose: the asserts hold it to C's.
    assert!(core::mem::offset_of!((*const (), usize), 0) == 0);
    assert!(core::mem::offset_of!((*const (), usize), 1) == 8);
    assert!(core::mem::offset_of!((*mut (), usize), 0) == 0);
    assert!(core::mem::offset_of!((*mut (), usize), 1) == 8);
};
