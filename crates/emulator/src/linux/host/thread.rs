//! Guest threads: `thread_create` starts a host thread that enters the guest
//! at the given entry point on the guest's stack; `thread_exit` leaves the
//! guest, and only once off the guest's stack releases the lock it was given
//! (the joining thread may free that stack, and the lock with it, as soon as
//! the lock is released).
//!
//! The process ends when its last thread does: `thread_exit` of the last
//! thread is `exit(0)`, as in POSIX. The runner's own thread (the first guest
//! thread) cannot end early, since returning from the runner ends the
//! process; after its `thread_exit` it waits for the others.

use std::io::Write;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use cloudabi::{errno, lock, scope, threadattr};

use super::{Host, Process};
use crate::linux::arch::{self, ThreadBlock};

/// The first guest thread's ID; later ones count up from here.
pub(crate) const FIRST_TID: u32 = 1;
/// Thread IDs live in the low 30 bits of a lock word.
const TID_MASK: u32 = 0x3fff_ffff;
/// Stack of the host side of a guest thread: its handlers run here.
const HOST_STACK: usize = 1 << 20;

#[derive(Debug)]
struct Count {
    /// Guest threads that exist, including those leaving.
    live: usize,
    /// Threads past `thread_exit`: they run no more guest code, but may
    /// still release their lock in guest memory.
    leaving: usize,
    /// Whether the runner's thread is waiting to end the process when the
    /// last thread exits (not so in a forked child).
    runner: bool,
}

/// The live guest threads of a process.
#[derive(Debug)]
pub(crate) struct Threads {
    next_tid: AtomicU32,
    count: Mutex<Count>,
    changed: Condvar,
}

impl Default for Threads {
    fn default() -> Threads {
        Threads {
            next_tid: AtomicU32::new(FIRST_TID + 1),
            count: Mutex::new(Count {
                live: 1,
                leaving: 0,
                runner: true,
            }),
            changed: Condvar::new(),
        }
    }
}

impl Threads {
    fn count(&self) -> MutexGuard<'_, Count> {
        self.count.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A fresh thread ID (0 and 1 are never reused).
    pub(crate) fn new_tid(&self) -> u32 {
        loop {
            let t = self.next_tid.fetch_add(1, Ordering::Relaxed) & TID_MASK;
            if t > FIRST_TID {
                return t;
            }
        }
    }

    fn started(&self) {
        self.count().live += 1;
    }

    /// A thread called `thread_exit`.
    fn leaving(&self) {
        self.count().leaving += 1;
    }

    /// A thread is gone (`was_leaving`: it had called `thread_exit`); true
    /// if it was the last and no runner is there to end the process.
    fn ended(&self, was_leaving: bool) -> bool {
        let mut c = self.count();
        c.live -= 1;
        if was_leaving {
            c.leaving -= 1;
        }
        self.changed.notify_all();
        c.live == 0 && !c.runner
    }

    /// Waits until the calling thread is the only one left, if every other
    /// one is already leaving; false (at once) if some still run guest code.
    fn wait_alone(&self) -> bool {
        let mut c = self.count();
        if c.live - c.leaving > 1 {
            return false;
        }
        while c.live > 1 {
            c = self.changed.wait(c).unwrap_or_else(|e| e.into_inner());
        }
        true
    }

    /// The runner's thread exited: waits for the others.
    fn runner_ended(&self) {
        let mut c = self.count();
        c.live -= 1;
        c.leaving -= 1;
        while c.live > 0 {
            c = self.changed.wait(c).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Holds the count locked while `f` runs (around a fork).
    pub(crate) fn locked<R>(&self, f: impl FnOnce() -> R) -> R {
        let _count = self.count();
        f()
    }

    /// In a forked child: only the forking thread is left, and the runner
    /// does not count (the child's last exit ends its host process).
    pub(crate) fn after_fork(&self) {
        // Thread IDs stay apart from the parent's, which shared locks
        // compare across processes: the child counts on from a range of its
        // own, taken from its host process ID.
        let base = (rustix::process::getpid().as_raw_nonzero().get() as u32) << 8;
        self.next_tid
            .store((base & TID_MASK).max(FIRST_TID + 1), Ordering::Relaxed);
        *self.count() = Count {
            live: 1,
            leaving: 0,
            runner: false,
        };
    }
}

/// Ends the host process now, whatever the other threads are doing (they may
/// be in guest code, where no host code can run).
pub(crate) fn exit_process(code: i32) -> ! {
    let _ = std::io::stderr().flush();
    // SAFETY: _exit ends the process at once; no Rust state is used after.
    unsafe { libc::_exit(code) }
}

impl Host {
    pub(super) fn do_thread_create(
        &mut self,
        attr: &mut MaybeUninit<threadattr>,
    ) -> Result<cloudabi::tid, errno> {
        // SAFETY: the entry point checked that `attr` is writable guest
        // memory; it is read only once its fields are known to be valid.
        let a = unsafe {
            if !cloudabi::host::validate::threadattr(attr.as_ptr()) {
                return Err(errno::INVAL);
            }
            attr.as_ptr().read()
        };
        let entry = a.entry_point as usize;
        let (stack, stack_len) = (a.stack.0 as usize, a.stack.1);
        if stack_len == 0 {
            return Err(errno::INVAL);
        }
        // SAFETY: only checks; the guest's code and stack must be its own.
        unsafe {
            cloudabi::host::check(self, entry as *const u8, 1, false)?;
            cloudabi::host::check(self, stack as *const u8, stack_len, true)?;
        }
        let process = self.process.clone();
        let tid = process.threads.new_tid();
        self.alone = false;
        process.threading.start_second_thread();
        process.threads.started();
        let argument = a.argument as usize;
        let spawned = std::thread::Builder::new()
            .name(format!("guest thread {tid}"))
            .stack_size(HOST_STACK)
            .spawn({
                let process = process.clone();
                move || run_thread(process, tid, entry, argument, stack + stack_len)
            });
        if spawned.is_err() {
            process.threads.ended(false);
            return Err(errno::AGAIN);
        }
        Ok(cloudabi::tid(tid))
    }

    pub(super) fn do_thread_exit(&mut self, l: *mut lock, s: scope) -> ! {
        self.end_thread(Some((l as usize, s)))
    }

    /// Ends this guest thread, releasing `unlock`'s lock once off the
    /// guest's stack.
    pub(super) fn end_thread(&mut self, unlock: Option<(usize, scope)>) -> ! {
        self.exited = Some(unlock);
        self.process.threads.leaving();
        if self.block.is_null() {
            // No guest runs on this thread: nothing to leave.
            std::process::abort();
        }
        // SAFETY: as in `Host::exit`: in a handler, on the thread that is
        // inside `enter` for `block`, with nothing to drop in between.
        unsafe { arch::leave(self.block, 0) }
    }

    /// Releases `thread_exit`'s lock. Called once the thread is off the
    /// guest's stack.
    fn release_exit_lock(&mut self) {
        if let Some(Some((l, scope))) = self.exited {
            // Errors cannot be reported to a thread that is gone.
            // SAFETY: the generated entry point checked the lock as writable
            // guest memory, aligned.
            let _ = unsafe {
                if scope == cloudabi::scope::SHARED {
                    super::futex_shared::unlock(l, self.tid)
                } else {
                    self.process.futex.unlock(l, self.tid)
                }
            };
        }
    }

    /// The runner's thread left the guest with `code`; the process's exit
    /// code, once it is the process's turn to end.
    pub(crate) fn runner_finished(&mut self, code: i32) -> i32 {
        if self.exited.is_some() {
            self.release_exit_lock();
            self.process.threads.runner_ended();
            return 0;
        }
        // `_start` returned, or proc_exit came back here: with other threads
        // still in guest code the process cannot wind down in order.
        if !self.process.threads.wait_alone() {
            self.process.finish_observing();
            exit_process(code);
        }
        code
    }

    /// Whether `proc_exit` may return to the runner: this is its thread, and
    /// no other thread runs guest code (once those leaving are gone).
    pub(super) fn may_leave(&self) -> bool {
        self.main && !self.block.is_null() && self.process.threads.wait_alone()
    }

    /// A thread started by `thread_create` left the guest.
    fn thread_finished(&mut self) {
        self.release_exit_lock();
        if self.process.threads.ended(self.exited.is_some()) {
            self.process.finish_observing();
            exit_process(0);
        }
    }
}

/// The host thread of a guest thread.
fn run_thread(process: Arc<Process>, tid: u32, entry: usize, argument: usize, stack_top: usize) {
    let mut block = ThreadBlock::new();
    // Without one a fault on a bad guest stack could not be reported.
    let alt = crate::linux::fault::AltStack::new();
    let mut host = Host::new(process, tid, false);
    host.block = &mut block;
    // SAFETY: `entry` and the stack were checked as guest memory; the guest's
    // syscalls on this thread reach `host`, which `serve` installs; `block`
    // outlives the guest thread.
    host.serve(|| unsafe { arch::enter(entry, tid as usize, argument, stack_top, &mut block) });
    host.block = core::ptr::null_mut();
    drop(alt);
    host.thread_finished();
}
