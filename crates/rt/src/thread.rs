//! Threads: [`spawn`] and [`JoinHandle::join`], as in `std::thread`.
//!
//! A thread runs on a stack the runtime maps for it: a reservation whose
//! lowest page stays inaccessible (a stack overflow faults instead of
//! overwriting other memory) and whose top holds the thread's control
//! block and shared state. The thread starts in `thread_start` through
//! `thread_create`, installs its TCB, runs the closure and ends with
//! `thread_exit`, which the system completes by releasing the thread's
//! join lock once the thread is off its stack. Joining waits for that lock
//! (a read-lock subscription, as CloudABI's C library does), then unmaps
//! the stack.
//!
//! A thread whose handle was dropped (detached) cannot be joined; when it
//! ends it joins and unmaps the previous detached thread to end instead,
//! so at most one detached thread's stack is left over at a time.

use alloc::boxed::Box;
use alloc::sync::Arc;
use core::cell::UnsafeCell;
use core::marker::PhantomData;
use core::ptr::NonNull;
use core::sync::atomic::{fence, AtomicPtr, AtomicU32, Ordering};

use cloudabi::{scope, threadattr};

use crate::error::{check, Error};
use crate::memory::os;
use crate::start::page_size;
use crate::tls::{self, Tcb};
use crate::{sys, time};

/// The stack size [`spawn`] uses: 256 KiB.
pub const DEFAULT_STACK_SIZE: usize = 256 << 10;

const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
const BOGUS: u32 = cloudabi::LOCK_BOGUS.0;

/// `Inner::state` bits.
const DETACHED: u32 = 1;
const FINISHED: u32 = 2;

/// A thread's control block and shared state, at the top of its stack
/// mapping.
struct Inner {
    tcb: UnsafeCell<Tcb>,
    /// Write-locked by the thread while it runs; `thread_exit` releases it.
    join: AtomicU32,
    /// DETACHED and FINISHED bits: whoever sets the second one frees the
    /// stack (see the module documentation).
    state: AtomicU32,
    tid: AtomicU32,
    /// The reservation holding the stack and this block.
    mapping: (usize, usize),
    /// What the thread runs; taken by the thread.
    main: UnsafeCell<Option<Box<dyn FnOnce() + Send>>>,
}

/// The last detached thread to end, whose stack is not unmapped yet.
static LAST_DETACHED: AtomicPtr<Inner> = AtomicPtr::new(core::ptr::null_mut());

/// Configures a thread before [`spawn`](Builder::spawn)ing it.
#[derive(Debug, Clone, Default)]
pub struct Builder {
    stack_size: Option<usize>,
}

impl Builder {
    /// A builder with the default settings.
    pub fn new() -> Builder {
        Builder::default()
    }

    /// The thread's stack size in bytes (rounded up to whole pages).
    pub fn stack_size(mut self, bytes: usize) -> Builder {
        self.stack_size = Some(bytes);
        self
    }

    /// Starts a thread running `f`.
    pub fn spawn<F, T>(self, f: F) -> Result<JoinHandle<T>, Error>
    where
        F: FnOnce() -> T + Send + 'static,
        T: Send + 'static,
    {
        let packet: Arc<Packet<T>> = Arc::new(Packet(UnsafeCell::new(None)));
        let their = packet.clone();
        let main: Box<dyn FnOnce() + Send> = Box::new(move || {
            let value = f();
            // SAFETY: only this thread writes the packet, once, before it
            // finishes; the joiner reads it only after the thread ended.
            unsafe { *their.0.get() = Some(value) };
        });
        let native = start(main, self.stack_size.unwrap_or(DEFAULT_STACK_SIZE))?;
        Ok(JoinHandle {
            native,
            packet,
            _not_sync: PhantomData,
        })
    }
}

/// Starts a thread running `f`, with a [`DEFAULT_STACK_SIZE`] stack.
///
/// Panics if the thread cannot be created; use [`Builder::spawn`] to handle
/// that.
pub fn spawn<F, T>(f: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    match Builder::new().spawn(f) {
        Ok(h) => h,
        Err(e) => panic!("failed to spawn a thread: {e}"),
    }
}

/// Where a thread's result goes.
struct Packet<T>(UnsafeCell<Option<T>>);

// SAFETY: written by one thread, then read by another after it ended (see
// `Builder::spawn`); `T: Send` moves it across.
unsafe impl<T: Send> Sync for Packet<T> {}

/// Owns a running thread: [`join`](JoinHandle::join) it to get its result;
/// dropping the handle lets the thread run on unjoined (detached).
pub struct JoinHandle<T> {
    native: NonNull<Inner>,
    packet: Arc<Packet<T>>,
    _not_sync: PhantomData<*const ()>,
}

// SAFETY: the handle may move to another thread and join from there.
unsafe impl<T: Send> Send for JoinHandle<T> {}

impl<T> JoinHandle<T> {
    /// The thread's ID.
    pub fn id(&self) -> u32 {
        // SAFETY: the block stays mapped while the handle exists.
        unsafe { self.native.as_ref() }.tid.load(Ordering::Relaxed)
    }

    /// Whether the thread has finished running its closure.
    pub fn is_finished(&self) -> bool {
        // SAFETY: as in `id`.
        unsafe { self.native.as_ref() }
            .state
            .load(Ordering::Acquire)
            & FINISHED
            != 0
    }

    /// Waits for the thread to end and returns what its closure returned.
    pub fn join(self) -> T {
        let me = core::mem::ManuallyDrop::new(self);
        let inner = me.native.as_ptr();
        // SAFETY: the handle owns the thread: nobody else frees its stack.
        unsafe {
            wait_for_exit(inner);
            unmap(inner);
        }
        fence(Ordering::Acquire);
        // SAFETY: the thread has ended: its write to the packet is done.
        let packet = unsafe { core::ptr::read(&me.packet) };
        let value = unsafe { (*packet.0.get()).take() };
        value.expect("a thread ended without a result")
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        let inner = self.native.as_ptr();
        // SAFETY: the block stays mapped until both bits are set.
        let prev = unsafe { &*inner }
            .state
            .fetch_or(DETACHED, Ordering::AcqRel);
        if prev & FINISHED != 0 {
            // The thread ended before it saw DETACHED: its stack is ours.
            // SAFETY: as in `join`.
            unsafe {
                wait_for_exit(inner);
                unmap(inner);
            }
        }
    }
}

/// Maps a stack, puts the control block on top and creates the thread.
fn start(main: Box<dyn FnOnce() + Send>, stack_size: usize) -> Result<NonNull<Inner>, Error> {
    let page = page_size();
    let block = core::mem::size_of::<Inner>().next_multiple_of(page);
    let stack = stack_size.max(page).next_multiple_of(page);
    let len = page + stack + block;
    let base = os::reserve(len).ok_or_else(|| Error::msg("no address space for a thread stack"))?;
    // Everything but the lowest page, which stays a guard.
    if !os::commit(base + page, len - page) {
        os::release(base, len, 0);
        return Err(Error::msg("no memory for a thread stack"));
    }
    let inner = (base + len - block) as *mut Inner;
    // SAFETY: committed, unused memory, suitably aligned (page-aligned).
    unsafe {
        inner.write(Inner {
            tcb: UnsafeCell::new(Tcb::new()),
            join: AtomicU32::new(BOGUS),
            state: AtomicU32::new(0),
            tid: AtomicU32::new(0),
            mapping: (base, len),
            main: UnsafeCell::new(Some(main)),
        });
    }
    let mut attr = threadattr {
        entry_point: thread_start,
        stack: ((base + page) as *mut (), stack),
        argument: inner.cast(),
    };
    let mut tid = cloudabi::tid(0);
    // SAFETY: `attr` and `tid` are locals; the stack and block are the new
    // thread's alone.
    if let Err(e) = check(unsafe { cloudabi::thread_create(&mut attr, &mut tid) }) {
        // SAFETY: the thread never started; the block is ours to drop.
        unsafe {
            core::ptr::drop_in_place(inner);
            os::release(base, len, len - page);
        }
        return Err(Error::from(e).context("creating a thread"));
    }
    // SAFETY: the block lives until the handle or the thread frees it.
    let r = unsafe { &*inner };
    r.tid.store(tid.0, Ordering::Relaxed);
    // The thread may have set its join lock already; either way it is
    // write-locked by it until it ends.
    let _ = r.join.compare_exchange(
        BOGUS,
        tid.0 | WRLOCKED,
        Ordering::Acquire,
        Ordering::Relaxed,
    );
    // SAFETY: not null (inside the mapping).
    Ok(unsafe { NonNull::new_unchecked(inner) })
}

/// The new thread's first function, on its own stack.
unsafe extern "C" fn thread_start(tid: cloudabi::tid, argument: *mut ()) {
    let inner = argument.cast::<Inner>();
    // SAFETY: `start` passed its block; it stays mapped until this thread
    // has ended (the join lock it holds keeps the stack alive).
    unsafe {
        let r = &*inner;
        tls::install(r.tcb.get(), tid.0);
        let _ = r.join.compare_exchange(
            BOGUS,
            tid.0 | WRLOCKED,
            Ordering::Acquire,
            Ordering::Relaxed,
        );
        r.tid.store(tid.0, Ordering::Relaxed);
        if let Some(main) = (*r.main.get()).take() {
            main();
        }
        finish(inner)
    }
}

/// Ends the calling thread, which runs on `inner`'s stack.
unsafe fn finish(inner: *mut Inner) -> ! {
    // SAFETY: our own block.
    let r = unsafe { &*inner };
    let prev = r.state.fetch_or(FINISHED, Ordering::AcqRel);
    if prev & DETACHED != 0 {
        // Nobody will join us: leave our stack to the next detached thread
        // to end, and free the previous one's.
        let previous = LAST_DETACHED.swap(inner, Ordering::AcqRel);
        if !previous.is_null() {
            // SAFETY: only this thread took `previous` out of the slot.
            unsafe {
                wait_for_exit(previous);
                unmap(previous);
            }
        }
    }
    // SAFETY: the join lock is ours (write-locked with our ID); the system
    // releases it once this thread no longer runs on the stack.
    unsafe { cloudabi::thread_exit(r.join.as_ptr().cast(), scope::PRIVATE) }
}

/// Waits until the thread of `inner` has ended and left its stack.
unsafe fn wait_for_exit(inner: *mut Inner) {
    // SAFETY: the block is mapped until `unmap`.
    let join = unsafe { &(*inner).join };
    if join.load(Ordering::Acquire) & WRLOCKED == 0 {
        return;
    }
    let result = sys::poll(&[sys::lock(join, false)])
        .and_then(|(events, n)| events[..n].iter().try_for_each(sys::Event::result));
    if let Err(e) = result {
        panic!("joining a thread failed: {e}");
    }
}

/// Drops the remains of an ended thread and unmaps its stack.
unsafe fn unmap(inner: *mut Inner) {
    // SAFETY: the thread has ended; nothing else uses the block.
    unsafe {
        let (base, len) = (*inner).mapping;
        core::ptr::drop_in_place(inner);
        os::release(base, len, len - page_size());
    }
}

/// The calling thread's ID.
pub fn id() -> u32 {
    tls::tid()
}

/// Lets other threads run.
pub fn yield_now() {
    // SAFETY: no arguments.
    let _ = unsafe { cloudabi::thread_yield() };
}

/// Sleeps for at least `d` (see [`time::sleep`]).
pub fn sleep(d: time::Duration) {
    time::sleep(d);
}

/// How many threads can usefully run at once: the CPU count the system
/// reported at start-up.
pub fn available_parallelism() -> usize {
    crate::start::cpu_count()
}
