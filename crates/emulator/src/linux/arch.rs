//! The code that switches between guest and host state: entering the guest,
//! the per-syscall trampolines the vDSO points at, and the jump back out when
//! the guest exits.
//!
//! CloudABI's x86-64 thread model (emulator.md §1, §4): `%fs` *base* points at
//! a word holding the current TCB pointer; the guest reads and writes that
//! word (`mov reg, fs:[0]` / `mov fs:[0], reg`) and never changes the base
//! register. On Linux/glibc the same word is the thread's self pointer, which
//! Rust code reads to reach its thread-locals. So while guest code runs the
//! word holds the guest's TCB, and every trampoline puts the host's value back
//! before any Rust code runs, then restores the guest's on the way out. This
//! costs two memory moves per call, where switching the base register would
//! cost a `wrfsbase` (not always enabled) or an `arch_prctl` system call.
//!
//! Because the guest never moves the base register, `%fs`-relative addresses
//! other than `%fs:0` stay the host thread's own while the guest runs. The
//! state a trampoline needs (the host's `%fs:0` value, the handler stack) and
//! the serving `Host` ([`current`]) live in such a thread-local block, each
//! one load away that depends on nothing. (They used to be reached through
//! the guest TCB's `parent` pointer: a chain of three dependent loads in
//! front of every system call.) The fast entry points in `host::fast` rely
//! on the same property to run without a trampoline.
//!
//! The guest's TCB starts with a `parent` pointer that the guest copies into
//! every TCB it makes; it points at this thread's [`ThreadBlock`], which holds
//! what [`leave`] needs.
//!
//! Every guest thread, the first included, runs guest code on a stack in
//! guest memory (the first thread's is mapped by the runner, later ones come
//! from `thread_create`), and its handlers on the host thread's own stack,
//! below the frame [`enter`] saved. So no guest memory is ever emulator
//! stack: a pointer the guest passes cannot reach a handler's frames, a
//! handler never depends on how much room the guest left, and `thread_exit`
//! can leave the guest stack before another guest thread frees it.

use core::sync::atomic::{AtomicUsize, Ordering};

/// How many syscall slots the trampoline table has (CloudABI has 49).
pub(crate) const MAX_SYSCALLS: usize = 64;
/// Bytes between consecutive trampolines.
const STUB_SIZE: usize = 128;

/// What a guest thread's TCB `parent` points at, and what [`leave`] needs;
/// the field offsets are part of the assembly's contract.
#[repr(C)]
pub(crate) struct ThreadBlock {
    /// Offset 0: what the guest copies as its TCB's `parent`: this block.
    pub(crate) parent: *mut ThreadBlock,
    /// Offset 8: the host stack pointer to return to when the guest exits.
    pub(crate) saved_rsp: usize,
}

impl ThreadBlock {
    pub(crate) const fn new() -> ThreadBlock {
        ThreadBlock {
            parent: core::ptr::null_mut(),
            saved_rsp: 0,
        }
    }
}

impl Default for ThreadBlock {
    fn default() -> ThreadBlock {
        ThreadBlock::new()
    }
}

/// Handler addresses, indexed by syscall number. Slots not filled call
/// [`no_handler`].
static HANDLERS: [AtomicUsize; MAX_SYSCALLS] = [const { AtomicUsize::new(0) }; MAX_SYSCALLS];

/// What an unfilled slot returns: ENOSYS.
extern "C" fn no_handler() -> u16 {
    cloudabi::errno::NOSYS as u16
}

core::arch::global_asm!(
    // Per host thread, addressed relative to the `%fs` base, which the guest
    // never changes (it changes only the word at `%fs:0`): so a trampoline
    // reaches them with one load that waits for nothing, where going through
    // the guest's TCB would be a chain of three dependent loads in front of
    // every system call.
    //   +0  the host's `%fs:0` value while a guest runs on this thread
    //   +8  the stack pointer handlers run at (on the host thread's stack)
    //   +16 the handler state ([`current`])
    //   +24 a byte: set by the fault handler when it patched a page of
    //       guest memory during the current call (see `fault`)
    //   +25 a byte: set while a call is being served (the fault handler
    //       recovers only then)
    ".pushsection .tbss,\"awT\",@nobits",
    ".balign 8",
    ".globl cloudabi_emu_tls",
    ".hidden cloudabi_emu_tls",
    ".type cloudabi_emu_tls, @object",
    ".size cloudabi_emu_tls, 32",
    "cloudabi_emu_tls:",
    ".zero 32",
    ".popsection",
    // Trampolines, one whole copy per syscall STUB_SIZE bytes apart (a
    // shared tail would cost every call a jump). Entered with the guest's
    // arguments in rdi..r9 and mem_map's seventh on the stack.
    ".pushsection .text.cloudabi_emu,\"ax\",@progbits",
    ".balign {stub}",
    ".globl cloudabi_emu_stubs",
    ".hidden cloudabi_emu_stubs",
    "cloudabi_emu_stubs:",
    ".set cloudabi_emu_i, 0",
    ".rept {max}",
    ".balign {stub}",
    "push rbp",
    "mov rbp, rsp",
    "push rbx",
    "mov rbx, qword ptr fs:[0]", // guest TCB
    "mov rax, qword ptr fs:[cloudabi_emu_tls@tpoff]",
    "mov qword ptr fs:[0], rax", // host value back in place
    "mov r10, qword ptr fs:[cloudabi_emu_tls@tpoff + 8]",
    "mov r11, qword ptr [rbp + 16]", // seventh argument
    "mov rsp, r10", // the host stack, 16-aligned
    "push r11",
    "push r11",
    "mov byte ptr fs:[cloudabi_emu_tls@tpoff + 25], 1",
    "call qword ptr [rip + {handlers} + 8 * cloudabi_emu_i]",
    "mov byte ptr fs:[cloudabi_emu_tls@tpoff + 25], 0",
    // A page of guest memory faulted and was patched: the answer is EFAULT.
    "cmp byte ptr fs:[cloudabi_emu_tls@tpoff + 24], 0",
    "jne 5f",
    "6:",
    "mov qword ptr fs:[0], rbx", // guest TCB again
    "mov rbx, qword ptr [rbp - 8]",
    "leave",
    "ret",
    "5:",
    "call {after_fault}",
    "jmp 6b",
    ".set cloudabi_emu_i, cloudabi_emu_i + 1",
    ".endr",
    // Checked by `install`: the copies were STUB_SIZE apart.
    ".balign {stub}",
    ".globl cloudabi_emu_stubs_end",
    ".hidden cloudabi_emu_stubs_end",
    "cloudabi_emu_stubs_end:",
    // cloudabi_emu_enter(entry, arg0, arg1, stack_top, block) -> exit code:
    // runs entry(arg0, arg1) on the guest stack ending at stack_top, with
    // handlers on this host stack below the registers saved here. Saves
    // the callee-saved registers, the thread's trampoline slots (for a
    // caller that is itself a handler) and the stack pointer in the block,
    // so that cloudabi_emu_leave can return from here at any depth of
    // guest code.
    ".globl cloudabi_emu_enter",
    ".hidden cloudabi_emu_enter",
    "cloudabi_emu_enter:",
    "push rbp",
    "push rbx",
    "push r12",
    "push r13",
    "push r14",
    "push r15",
    "push qword ptr fs:[cloudabi_emu_tls@tpoff]",
    "push qword ptr fs:[cloudabi_emu_tls@tpoff + 8]",
    "mov qword ptr [r8 + 8], rsp",
    "mov r11, qword ptr fs:[0]",
    "mov qword ptr fs:[cloudabi_emu_tls@tpoff], r11",
    "lea r11, [rsp - 64]",
    "and r11, -16",
    "mov qword ptr fs:[cloudabi_emu_tls@tpoff + 8], r11",
    "mov rbx, r8",
    "mov rax, rdi",
    "mov rdi, rsi", // arg0
    "mov rsi, rdx", // arg1
    "mov rsp, rcx",
    "and rsp, -16",
    // The guest starts as if called from 4f: rsp = 8 (mod 16).
    "lea r11, [rip + 4f]",
    "push r11",
    "xor ebp, ebp",
    "cld",
    "mov qword ptr fs:[0], rbx",
    "jmp rax",
    // The entry point returned (cloudlibc's never do): -1. rbx is
    // callee-saved, so it still holds the block.
    "4:",
    "mov r11, qword ptr fs:[cloudabi_emu_tls@tpoff]",
    "mov qword ptr fs:[0], r11",
    "mov rdi, rbx",
    "mov esi, -1",
    "jmp cloudabi_emu_leave",
    // cloudabi_emu_leave(block, code) -> !: called from host code (the host
    // value is already in %fs:0) to return `code` from cloudabi_emu_enter.
    ".globl cloudabi_emu_leave",
    ".hidden cloudabi_emu_leave",
    "cloudabi_emu_leave:",
    "mov word ptr fs:[cloudabi_emu_tls@tpoff + 24], 0",
    "mov rsp, qword ptr [rdi + 8]",
    "mov eax, esi",
    "pop qword ptr fs:[cloudabi_emu_tls@tpoff + 8]",
    "pop qword ptr fs:[cloudabi_emu_tls@tpoff]",
    "pop r15",
    "pop r14",
    "pop r13",
    "pop r12",
    "pop rbx",
    "pop rbp",
    "ret",
    ".popsection",
    max = const MAX_SYSCALLS,
    stub = const STUB_SIZE,
    handlers = sym HANDLERS,
    after_fault = sym super::fault::after_fault,
);

/// Whether a call is being served on this thread (read by the fault
/// handler).
pub(crate) fn in_call() -> bool {
    let b: u8;
    // SAFETY: reads this thread's slot, which exists in every thread.
    unsafe {
        core::arch::asm!(
            "mov {}, byte ptr fs:[cloudabi_emu_tls@tpoff + 25]",
            out(reg_byte) b,
            options(nostack, readonly, preserves_flags),
        );
    }
    b != 0
}

/// Records that a page was patched during the current call.
pub(crate) fn set_faulted() {
    // SAFETY: writes this thread's slot.
    unsafe {
        core::arch::asm!(
            "mov byte ptr fs:[cloudabi_emu_tls@tpoff + 24], 1",
            options(nostack, preserves_flags),
        );
    }
}

/// Clears what [`set_faulted`] recorded.
pub(crate) fn clear_faulted() {
    // SAFETY: writes this thread's slot.
    unsafe {
        core::arch::asm!(
            "mov byte ptr fs:[cloudabi_emu_tls@tpoff + 24], 0",
            options(nostack, preserves_flags),
        );
    }
}

/// The handler state of the guest thread running on this host thread (what
/// [`set_current`] put there), or null. One load, without a TLS lookup.
#[inline(always)]
pub(crate) fn current() -> *mut () {
    let p: *mut ();
    // SAFETY: reads this thread's slot, which exists in every thread.
    unsafe {
        core::arch::asm!(
            "mov {}, qword ptr fs:[cloudabi_emu_tls@tpoff + 16]",
            out(reg) p,
            options(nostack, readonly, preserves_flags),
        );
    }
    p
}

/// Makes `p` this thread's handler state; returns the previous one.
pub(crate) fn set_current(p: *mut ()) -> *mut () {
    let previous = current();
    // SAFETY: writes this thread's slot, which only [`current`] reads.
    unsafe {
        core::arch::asm!(
            "mov qword ptr fs:[cloudabi_emu_tls@tpoff + 16], {}",
            in(reg) p,
            options(nostack, preserves_flags),
        );
    }
    previous
}

unsafe extern "C" {
    static cloudabi_emu_stubs: [u8; STUB_SIZE * MAX_SYSCALLS];
    static cloudabi_emu_stubs_end: u8;
    fn cloudabi_emu_enter(
        entry: usize,
        arg0: usize,
        arg1: usize,
        stack_top: usize,
        block: *mut ThreadBlock,
    ) -> i32;
    fn cloudabi_emu_leave(block: *mut ThreadBlock, code: i32) -> !;
}

/// Installs the handlers, in syscall-number order, and returns the address
/// of the trampoline for each. Installing again (same handlers) is harmless.
pub(crate) fn install(handlers: &[usize]) -> Vec<u64> {
    assert!(
        handlers.len() <= MAX_SYSCALLS,
        "more syscalls than trampolines"
    );
    for (slot, cell) in HANDLERS.iter().enumerate() {
        let h = handlers
            .get(slot)
            .copied()
            .unwrap_or(no_handler as extern "C" fn() -> u16 as usize);
        cell.store(h, Ordering::Release);
    }
    let base = core::ptr::addr_of!(cloudabi_emu_stubs) as u64;
    let end = core::ptr::addr_of!(cloudabi_emu_stubs_end) as u64;
    assert_eq!(
        end - base,
        (STUB_SIZE * MAX_SYSCALLS) as u64,
        "a trampoline outgrew STUB_SIZE"
    );
    (0..handlers.len())
        .map(|i| base + (i * STUB_SIZE) as u64)
        .collect()
}

/// Runs guest code `entry(arg0, arg1)` on the guest stack ending at
/// `stack_top`, until it leaves through [`leave`]; returns the code given
/// there (-1 if `entry` returned). The guest's system calls are handled on
/// this thread's stack, below this call's frame.
///
/// # Safety
/// `entry` must be guest code that makes its syscalls through the
/// trampolines, `[.., stack_top)` guest memory it may use as its stack, and
/// `block` must stay valid and unmoved until this returns.
pub(crate) unsafe fn enter(
    entry: usize,
    arg0: usize,
    arg1: usize,
    stack_top: usize,
    block: &mut ThreadBlock,
) -> i32 {
    block.parent = block;
    // SAFETY: the caller guarantees the guest and its stack; the assembly
    // saves and restores every callee-saved register, the stack pointer and
    // the thread pointer word.
    unsafe { cloudabi_emu_enter(entry, arg0, arg1, stack_top, block) }
}

/// Abandons the guest's frames and returns `code` from [`enter`].
///
/// # Safety
/// Must be called on the thread that is inside [`enter`] for `block`, from a
/// handler (so `%fs:0` holds the host value), with no live values on the
/// stack between here and the trampoline that need dropping.
pub(crate) unsafe fn leave(block: *mut ThreadBlock, code: i32) -> ! {
    // SAFETY: see the function's contract.
    unsafe { cloudabi_emu_leave(block, code) }
}
