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
//! trampoline, or the fast path) the emulator makes the page inaccessible,
//! drops it from the record, and answers the call with `EFAULT`. No host
//! state is ever abandoned half-way, and the guest loses only what it could
//! not have read either.
//!
//! Every host thread that runs guest code has an alternate signal stack (a
//! fault may come from a guest whose stack pointer is bad), and the
//! handler's entry puts the host's word back at `%fs:0` first, so its Rust
//! code finds its thread-locals even when the guest's TCB was there.

use core::sync::atomic::{AtomicBool, Ordering};
use std::sync::Once;

use super::arch;
use super::memory::page_size;

/// How many pages one call may have patched before the fault is fatal.
const MAX_PATCHES: usize = 32;
/// The alternate signal stack of each guest-running thread.
const ALT_STACK: usize = 64 * 1024;

/// Pages patched during the current call, to undo when it returns.
#[derive(Debug, Default)]
pub struct Patches {
    pages: [usize; MAX_PATCHES],
    len: usize,
}

impl Patches {
    fn push(&mut self, page: usize) -> bool {
        if self.pages[..self.len].contains(&page) {
            return true;
        }
        if self.len == MAX_PATCHES {
            return false;
        }
        self.pages[self.len] = page;
        self.len += 1;
        true
    }

    /// Takes the patched pages out.
    pub fn take(&mut self) -> impl Iterator<Item = usize> + '_ {
        let n = core::mem::take(&mut self.len);
        self.pages[..n].iter().copied()
    }
}

/// Set in forked children: a fatal fault there ends the process by the
/// signal, which the parent's emulator reports to the guest as the child's
/// end; in the launcher the user started it becomes an exit status.
static FAULTS_AS_SIGNALS: AtomicBool = AtomicBool::new(false);

/// Called in a forked child.
pub fn report_faults_as_signals() {
    FAULTS_AS_SIGNALS.store(true, Ordering::Relaxed);
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
pub fn install() {
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
pub struct AltStack {
    /// Unmapped on drop, after the stack was turned off.
    _region: super::memory::Region,
}

impl AltStack {
    /// Gives the calling thread an alternate signal stack.
    pub fn new() -> std::io::Result<AltStack> {
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
    let (addr, pc) = unsafe {
        let addr = (*info).si_addr() as usize;
        let uc = ctx.cast::<libc::ucontext_t>();
        (
            addr,
            (*uc).uc_mcontext.gregs[libc::REG_RIP as usize] as usize,
        )
    };
    let in_call = arch::in_call();
    if in_call && (sig == libc::SIGSEGV || sig == libc::SIGBUS) && patch(addr) {
        return;
    }
    fatal(sig, addr, pc, in_call);
}

/// Replaces the page of `addr` with a zero page if it is guest memory and a
/// call is being served; false if it is not (or too many were).
fn patch(addr: usize) -> bool {
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
    if !host.is_guest_memory(page) || !host.faults.push(page) {
        return false;
    }
    // SAFETY: the page is the guest's (checked above): replacing it with a
    // fresh private zero page touches no memory of the emulator's.
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
            libc::signal(sig, libc::SIG_DFL);
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
/// Called by the trampolines (and the fast path, through its own slot).
pub extern "C" fn after_fault() -> u16 {
    arch::clear_faulted();
    let host = arch::current().cast::<super::host::Host>();
    if !host.is_null() {
        // SAFETY: the live Host of this thread, called from a trampoline
        // like any handler.
        let host = unsafe { &mut *host };
        let mut pages = [0; MAX_PATCHES];
        let mut n = 0;
        for page in host.faults.take() {
            pages[n] = page;
            n += 1;
        }
        for page in &pages[..n] {
            host.forget_guest_page(*page);
        }
    }
    cloudabi::errno::FAULT as u16
}
