//! Faults: a fault while the emulator touches guest memory for a system
//! call becomes `EFAULT` for that call; any other fault ends the launcher
//! with one line on stderr and an exit status, never with the signal.
//!
//! Why a fault can happen at all: every pointer is checked against the
//! guest's memory record before it is used, but the record cannot know
//! that a page of a file mapping lies past the end of the file (a shared
//! mapping of an empty or truncated shared-memory object), or that another
//! process truncated the file meanwhile: such a page passes the checks and
//! raises SIGBUS when touched.
//!
//! How it is recovered (see ARCHITECTURE.md for the alternatives weighed):
//! the generated decoders hand the trait references into guest memory, and
//! a handler may hold locks when it touches them, so unwinding out of the
//! handler is no option. Instead the signal handler replaces the faulting
//! page, if the guest's record says it is guest memory and the thread is
//! inside a call, with a fresh zero page and lets the access run again;
//! the call completes against that page, and on its way out (in the
//! trampoline) the emulator makes the page inaccessible, drops it from the
//! record, and answers the call with `EFAULT`. No host state is ever
//! abandoned half-way, and the guest loses only what it could not have read
//! either.
//!
//! The other way a checked page faults: another guest thread unmapped it
//! or took its protection away while the call ran. "Guest memory" for the
//! handler is therefore the guest's whole address space in the record
//! (accessible, owned whatever its protection, or retired by `mem_unmap`,
//! which keeps the range reserved and never gives it back to the host; see
//! `host/mem.rs`): such a fault is recovered the same way, and the call
//! answers `EFAULT`, as the reference's `copyin`/`copyout` do for a page
//! gone under them. A page the other thread has mapped again by the time
//! the handler looks is not patched: the access is retried on it.
//!
//! The fast paths (`host::fast`) touch guest memory in exactly three
//! places, with no lock held and nothing to undo: those accesses are listed
//! in an exception table (as a kernel lists its user-copy instructions), and
//! a fault there continues at its fixup code instead, which falls back to
//! the full path or answers `EFAULT`. So the fast paths need no bookkeeping
//! around a call.
//!
//! Every host thread that runs guest code has an alternate signal stack (a
//! fault may come from a guest whose stack pointer is bad), and the
//! handler's entry puts the host's word back at `%fs:0` first, so its Rust
//! code finds its thread-locals even when the guest's TCB was there.

use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use super::arch;
use super::host::PageState;
use super::memory::page_size;

/// How many pages one call may have patched before the fault is fatal.
const MAX_PATCHES: usize = 32;
/// The alternate signal stack of each guest-running thread.
const ALT_STACK: usize = 64 * 1024;

/// Pages patched during the current call, to undo when it returns, each
/// with what the memory record said of it then.
#[derive(Debug, Default)]
pub(crate) struct Patches {
    pages: [(usize, PageState); MAX_PATCHES],
    len: usize,
    /// The memory generation at the last fault retried because the record
    /// allowed the access (see `patch`); `None` before any.
    retried_at: Option<u64>,
}

impl Patches {
    fn push(&mut self, page: usize, state: PageState) -> bool {
        if self.pages[..self.len].iter().any(|(p, _)| *p == page) {
            return true;
        }
        if self.len == MAX_PATCHES {
            return false;
        }
        self.pages[self.len] = (page, state);
        self.len += 1;
        true
    }

    /// Takes the patched pages out.
    pub(crate) fn take(&mut self) -> impl Iterator<Item = (usize, PageState)> + '_ {
        let n = core::mem::take(&mut self.len);
        self.pages[..n].iter().copied()
    }
}

/// Set in forked children: a fatal fault there ends the process by the
/// signal, which the parent's emulator reports to the guest as the child's
/// end; in the launcher the user started it becomes an exit status.
static FAULTS_AS_SIGNALS: AtomicBool = AtomicBool::new(false);

/// Called in a forked child (and in the launcher it re-executes into for
/// `proc_exec`, which is still that child).
pub(crate) fn report_faults_as_signals() {
    FAULTS_AS_SIGNALS.store(true, Ordering::Relaxed);
}

/// Whether this process is a forked child (see [`report_faults_as_signals`]).
pub(crate) fn faults_are_signals() -> bool {
    FAULTS_AS_SIGNALS.load(Ordering::Relaxed)
}

const SIGNALS: [libc::c_int; 5] = [
    libc::SIGSEGV,
    libc::SIGBUS,
    libc::SIGILL,
    libc::SIGFPE,
    libc::SIGTRAP,
];

core::arch::global_asm!(
    // cloudabi_emu_on_fault(sig, info, context): the signal handler's entry.
    // While a guest runs on this thread, the host's `%fs:0` word is saved
    // at the thread block's +0 and may not be in place: put it back for
    // the Rust handler and restore whatever was there afterwards.
    ".pushsection .text.cloudabi_emu,\"ax\",@progbits",
    ".globl cloudabi_emu_on_fault",
    ".hidden cloudabi_emu_on_fault",
    "cloudabi_emu_on_fault:",
    "mov rax, qword ptr fs:[cloudabi_emu_tls@tpoff]",
    "test rax, rax",
    "jz {handler}",
    "mov r11, qword ptr fs:[0]",
    "push r11",
    "mov qword ptr fs:[0], rax",
    "call {handler}",
    "pop r11",
    "mov qword ptr fs:[0], r11",
    "ret",
    ".popsection",
    handler = sym on_fault,
);

unsafe extern "C" {
    fn cloudabi_emu_on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void);
}

/// Installs the handler for the fault signals, once per process.
pub(crate) fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        for sig in SIGNALS {
            // SAFETY: a sigaction with SA_SIGINFO and our handler, which only
            // does async-signal-safe work (see `on_fault`).
            unsafe {
                let mut sa: libc::sigaction = core::mem::zeroed();
                sa.sa_sigaction = cloudabi_emu_on_fault as *const () as usize;
                sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK;
                libc::sigemptyset(&mut sa.sa_mask);
                libc::sigaction(sig, &sa, core::ptr::null_mut());
            }
        }
    });
}

/// This thread's alternate signal stack, while it runs guest code.
pub(crate) struct AltStack {
    /// Unmapped on drop, after the stack was turned off.
    _region: super::memory::Region,
}

impl AltStack {
    /// Gives the calling thread an alternate signal stack.
    pub(crate) fn new() -> std::io::Result<AltStack> {
        let rw = crate::elf::Perms {
            read: true,
            write: true,
            exec: false,
        };
        let region = super::memory::Region::anonymous(ALT_STACK, rw)?;
        let ss = libc::stack_t {
            ss_sp: region.start() as *mut libc::c_void,
            ss_flags: 0,
            ss_size: region.len(),
        };
        // SAFETY: the stack is ours and outlives its use (dropped after the
        // guest stops running on this thread, which turns it off first).
        if unsafe { libc::sigaltstack(&ss, core::ptr::null_mut()) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(AltStack { _region: region })
    }
}

impl Drop for AltStack {
    fn drop(&mut self) {
        let ss = libc::stack_t {
            ss_sp: core::ptr::null_mut(),
            ss_flags: libc::SS_DISABLE,
            ss_size: 0,
        };
        // SAFETY: turns the alternate stack off before it is unmapped.
        unsafe { libc::sigaltstack(&ss, core::ptr::null_mut()) };
    }
}

/// The signal handler proper (reached through `cloudabi_emu_on_fault`,
/// with the host's `%fs:0` in place). Only async-signal-safe work: reads of
/// this thread's state and the memory record, `mmap`, `write`, `_exit`.
extern "C" fn on_fault(sig: libc::c_int, info: *mut libc::siginfo_t, ctx: *mut libc::c_void) {
    // SAFETY: the kernel passes a valid siginfo and ucontext.
    let (addr, pc, write) = unsafe {
        let addr = (*info).si_addr() as usize;
        let uc = ctx.cast::<libc::ucontext_t>();
        let gregs = &(*uc).uc_mcontext.gregs;
        // The page fault's error code: bit 1 is set for a write.
        let write = gregs[libc::REG_ERR as usize] & 2 != 0;
        (addr, gregs[libc::REG_RIP as usize] as usize, write)
    };
    let memory = sig == libc::SIGSEGV || sig == libc::SIGBUS;
    if memory {
        if let Some(fixup) = fixup_for(pc) {
            // SAFETY: the kernel's ucontext; the access at `pc` is one the
            // table lists, and its fixup code continues from there.
            unsafe {
                (*ctx.cast::<libc::ucontext_t>()).uc_mcontext.gregs[libc::REG_RIP as usize] =
                    fixup as i64;
            }
            return;
        }
    }
    let in_call = arch::in_call();
    if in_call && memory && recover(addr, sig == libc::SIGSEGV && write) {
        return;
    }
    fatal(sig, addr, pc, in_call);
}

/// One entry of the exception table: a guest-memory access of the fast
/// paths and where to continue if it faults, each as an offset from the
/// field itself (so the table needs no relocations).
#[repr(C)]
struct Fixup {
    access: i32,
    fixup: i32,
}

unsafe extern "C" {
    // Made by the linker around the section the accesses below add to.
    static __start_cloudabi_emu_extable: [Fixup; 0];
    static __stop_cloudabi_emu_extable: [Fixup; 0];
}

/// Where a faulting access at `pc` continues, if the table lists it.
fn fixup_for(pc: usize) -> Option<usize> {
    let start = (&raw const __start_cloudabi_emu_extable).cast::<Fixup>();
    let stop = (&raw const __stop_cloudabi_emu_extable).cast::<Fixup>();
    let mut e = start;
    while e < stop {
        // SAFETY: `e` lies within the table the linker delimits.
        let (access, fixup) = unsafe {
            let access = core::ptr::addr_of!((*e).access);
            let fixup = core::ptr::addr_of!((*e).fixup);
            (
                (access as usize).wrapping_add_signed(*access as isize),
                (fixup as usize).wrapping_add_signed(*fixup as isize),
            )
        };
        if access == pc {
            return Some(fixup);
        }
        // SAFETY: still within the table or its end.
        e = unsafe { e.add(1) };
    }
    None
}

/// The buffer address and length of the I/O vector at `v` (guest memory,
/// checked readable), or a length of `usize::MAX` if reading it faulted:
/// the fast paths refuse that length and fall back to the full path, which
/// recovers the fault as any call's. Needs no bookkeeping around it: the
/// fault handler finds these two loads in the exception table.
///
/// # Safety
/// `v` must be aligned, checked guest memory of 16 bytes.
#[inline(always)]
pub(crate) unsafe fn read_iovec(v: *const [usize; 2]) -> (usize, usize) {
    let (addr, len): (usize, usize);
    // SAFETY: the caller's; a fault continues at 4, which gives the
    // refused length.
    unsafe {
        core::arch::asm!(
            "2: mov {a}, qword ptr [{v}]",
            "3: mov {l}, qword ptr [{v} + 8]",
            "5:",
            ".pushsection cloudabi_emu_extable,\"aR\",@progbits",
            ".balign 4",
            ".long 2b - .",
            ".long 4f - .",
            ".long 3b - .",
            ".long 4f - .",
            ".popsection",
            ".pushsection .text.cloudabi_emu_fixup,\"ax\",@progbits",
            "4: mov {l}, -1",
            "jmp 5b",
            ".popsection",
            v = in(reg) v,
            a = out(reg) addr,
            l = out(reg) len,
            options(nostack, readonly, preserves_flags),
        );
    }
    (addr, len)
}

/// Stores `value` at `out` (guest memory, checked writable); false if the
/// store faulted (the page is left as it is: the call answers EFAULT, and
/// the guest's own access would fault the same way).
///
/// # Safety
/// `out` must be aligned, checked writable guest memory.
#[inline(always)]
pub(crate) unsafe fn write_word(out: *mut usize, value: usize) -> bool {
    let stored: u32;
    // SAFETY: the caller's; a fault continues at 4, which clears `stored`.
    unsafe {
        core::arch::asm!(
            "mov {s:e}, 1",
            "2: mov qword ptr [{o}], {v}",
            "5:",
            ".pushsection cloudabi_emu_extable,\"aR\",@progbits",
            ".balign 4",
            ".long 2b - .",
            ".long 4f - .",
            ".popsection",
            ".pushsection .text.cloudabi_emu_fixup,\"ax\",@progbits",
            "4: xor {s:e}, {s:e}",
            "jmp 5b",
            ".popsection",
            o = in(reg) out,
            v = in(reg) value,
            s = out(reg) stored,
            options(nostack),
        );
    }
    stored != 0
}

/// Recovers a fault at `addr` (a write if `write`) during a call, if the
/// page is in the guest's address space; false if it is not (or too many
/// were patched). Two cases:
///
/// - another guest thread mapped the page again since the access faulted
///   (the record now allows the access): the access runs again, on the
///   new mapping, as it would have had it come a moment later. Once per
///   change of the record: a fault the record cannot explain is patched;
/// - otherwise the page is replaced with a fresh zero page, and the call
///   answers EFAULT on its way out ([`after_fault`]).
///
/// The record is held still throughout, so no other thread maps anything
/// there between the look and the patch.
fn recover(addr: usize, write: bool) -> bool {
    let host = arch::current().cast::<super::host::Host>();
    if host.is_null() {
        return false;
    }
    // SAFETY: `current` is the live Host of the guest thread this host
    // thread serves; the signal interrupted its own call, so nothing else
    // uses it meanwhile (the handler only touches the patch list and reads
    // the memory record).
    let host = unsafe { &mut *host };
    let page = addr & !(page_size() - 1);
    let generation = host.memory_generation();
    // This thread's own list, out of `host` while the record is read.
    let mut faults = core::mem::take(&mut host.faults);
    let recovered = host.with_page_state(page, |state| {
        if !state.guest() {
            return false;
        }
        if state.permits(write) && faults.retried_at != Some(generation) {
            faults.retried_at = Some(generation);
            return true;
        }
        if !faults.push(page, state) {
            return false;
        }
        // SAFETY: the page is in the guest's address space (checked above,
        // with the record held still): replacing it with a fresh private
        // zero page touches no memory of the emulator's.
        let p = unsafe {
            libc::mmap(
                page as *mut libc::c_void,
                page_size(),
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_FIXED | libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return false;
        }
        arch::set_faulted();
        true
    });
    host.faults = faults;
    recovered
}

/// What ends the launcher: one line, then the status 128 + `sig` (or the
/// signal itself, in a forked child).
fn fatal(sig: libc::c_int, addr: usize, pc: usize, in_call: bool) -> ! {
    let mut msg = Line::default();
    let name = match sig {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGILL => "SIGILL",
        libc::SIGFPE => "SIGFPE",
        _ => "SIGTRAP",
    };
    let place = if in_call {
        "while the emulator served a system call"
    } else {
        "in the program"
    };
    let _ = core::fmt::write(
        &mut msg,
        format_args!(
            "cloudabi-run: the program faulted: {name} at address {addr:#x}, instruction {pc:#x}, {place}\n"
        ),
    );
    // SAFETY: write(2) of a stack buffer, then ending the process at once
    // (no Rust state is used after), or re-raising with the default action.
    unsafe {
        libc::write(2, msg.buf.as_ptr().cast(), msg.len);
        if FAULTS_AS_SIGNALS.load(Ordering::Relaxed) {
            // The signal is blocked while its handler runs: unblocked, with
            // the default action, raising it ends the process at once.
            libc::signal(sig, libc::SIG_DFL);
            let mut set: libc::sigset_t = core::mem::zeroed();
            libc::sigemptyset(&mut set);
            libc::sigaddset(&mut set, sig);
            libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, core::ptr::null_mut());
            libc::raise(sig);
            libc::_exit(128 + sig);
        }
        libc::_exit(128 + sig)
    }
}

/// A line formatted without allocating.
struct Line {
    buf: [u8; 256],
    len: usize,
}

impl Default for Line {
    fn default() -> Line {
        Line {
            buf: [0; 256],
            len: 0,
        }
    }
}

impl core::fmt::Write for Line {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let n = s.len().min(self.buf.len() - self.len);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

/// After a call during which pages were patched: makes them inaccessible,
/// forgets them in the record, and gives the call's answer, `EFAULT`.
/// Called by the trampolines.
pub(crate) extern "C" fn after_fault() -> u16 {
    arch::clear_faulted();
    let host = arch::current().cast::<super::host::Host>();
    if !host.is_null() {
        // SAFETY: the live Host of this thread, called from a trampoline
        // like any handler.
        let host = unsafe { &mut *host };
        let mut pages = [(0, PageState::default()); MAX_PATCHES];
        let mut n = 0;
        for patched in host.faults.take() {
            pages[n] = patched;
            n += 1;
        }
        for (page, seen) in &pages[..n] {
            host.forget_guest_page(*page, *seen);
        }
    }
    cloudabi::errno::FAULT as u16
}
