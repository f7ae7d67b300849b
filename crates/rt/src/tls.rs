//! The thread control block (TCB) of each thread, reached through `%fs:0`.
//!
//! On x86-64 CloudABI the `%fs` base points at a word that holds the address
//! of the running thread's TCB; a thread may point that word at a bigger
//! block of its own as long as the block starts with a copy of the TCB the
//! environment set up (`cloudabi::tcb`, whose `parent` an emulator uses to
//! find its per-thread state). The runtime's block keeps what it needs per
//! thread after that copy: the thread's ID, which write-locking stores in a
//! lock word.
//!
//! Rust's `#[thread_local]` is unstable, so this is the runtime's only
//! thread-local storage; no code here relies on the compiler's TLS model.

use core::cell::UnsafeCell;

/// One thread's control block. Lives in a static for the main thread and at
/// the top of a spawned thread's stack mapping otherwise.
#[repr(C)]
pub(crate) struct Tcb {
    /// The copy of `cloudabi::tcb`: must stay the first field.
    parent: *mut (),
    /// The thread's ID, as the environment gave it.
    tid: u32,
}

impl Tcb {
    pub(crate) const fn new() -> Tcb {
        Tcb {
            parent: core::ptr::null_mut(),
            tid: 0,
        }
    }
}

struct MainTcb(UnsafeCell<Tcb>);

// SAFETY: written once by start-up before any other thread exists, and
// afterwards only read through `%fs:0` by the main thread itself.
unsafe impl Sync for MainTcb {}

static MAIN: MainTcb = MainTcb(UnsafeCell::new(Tcb::new()));

/// The address `%fs:0` holds.
fn current_word() -> *mut Tcb {
    let tcb: *mut Tcb;
    // SAFETY: on CloudABI x86-64, `%fs:0` always holds a readable word (the
    // environment sets it before the first instruction runs).
    unsafe {
        core::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tcb, options(nostack, readonly, preserves_flags))
    };
    tcb
}

/// Makes `tcb` the running thread's TCB: copies the environment's TCB into
/// it and points `%fs:0` at it.
///
/// # Safety
///
/// `tcb` stays valid, and is used by no other thread, for as long as the
/// calling thread runs.
pub(crate) unsafe fn install(tcb: *mut Tcb, tid: u32) {
    let old = current_word();
    // SAFETY: `old` is the environment's TCB (readable), `tcb` is ours.
    unsafe {
        (*tcb).parent = (*old).parent;
        (*tcb).tid = tid;
        core::arch::asm!("mov qword ptr fs:[0], {}", in(reg) tcb, options(nostack, preserves_flags));
    }
}

/// Gives the main thread its TCB.
///
/// # Safety
///
/// Called once, by start-up, before any other thread exists.
pub(crate) unsafe fn init_main_thread(tid: u32) {
    // SAFETY: as the caller promised, nothing else touches MAIN yet.
    unsafe { install(MAIN.0.get(), tid) }
}

/// The running thread's ID.
pub(crate) fn tid() -> u32 {
    // SAFETY: after start-up every thread's `%fs:0` points at a `Tcb` of
    // ours that outlives the thread.
    unsafe { (*current_word()).tid }
}
