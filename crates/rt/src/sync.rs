//! A mutex and a condition variable on CloudABI's userspace locks.
//!
//! The lock word protocol is the ABI's (`lock` in the spec): a free lock is
//! 0; a thread takes it for writing by storing `WRLOCKED | its thread ID`
//! with a compare-and-swap, and frees it by swapping that back to 0. Only
//! when that fails — the other party changed the word — does it call the
//! system: a waiter polls a `lock_wrlock` subscription (the system marks
//! the word `KERNEL_MANAGED` and sleeps), and the holder of a kernel-managed
//! lock releases it with `lock_unlock`, which hands it to a waiter. A
//! condition variable is a word that is 0 while no thread waits; waiting is
//! a `condvar` subscription (the system releases the lock, sleeps, and
//! takes the lock again before returning), and signalling calls
//! `condvar_signal` only if the word says someone may wait.
//!
//! With `panic = "abort"` nothing unwinds while a lock is held, so there is
//! no poisoning: [`Mutex::lock`] returns the guard directly.

use core::cell::UnsafeCell;
use core::fmt;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};
use core::sync::atomic::{AtomicU32, Ordering};
use core::time::Duration;

use cloudabi::{clockid, eventtype, scope};

use crate::{sys, tls};

const UNLOCKED: u32 = cloudabi::LOCK_UNLOCKED.0;
const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
const KERNEL_MANAGED: u32 = cloudabi::LOCK_KERNEL_MANAGED.0;
const NO_WAITERS: u32 = cloudabi::CONDVAR_HAS_NO_WAITERS.0;

/// A CloudABI lock word used as a plain (write-only) lock: the building
/// block of [`Mutex`], for code that guards data its own way.
pub struct RawMutex {
    word: AtomicU32,
}

impl RawMutex {
    /// An unlocked lock.
    pub const fn new() -> RawMutex {
        RawMutex {
            word: AtomicU32::new(UNLOCKED),
        }
    }

    /// Takes the lock, waiting as long as it takes.
    ///
    /// Panics if the calling thread holds it already (the system would
    /// report a deadlock).
    pub fn lock(&self) {
        let me = tls::tid() | WRLOCKED;
        match self
            .word
            .compare_exchange(UNLOCKED, me, Ordering::Acquire, Ordering::Relaxed)
        {
            Ok(_) => return,
            Err(now) if now & !KERNEL_MANAGED == me => {
                panic!("deadlock: this thread already holds the lock")
            }
            Err(_) => {}
        }
        // Contended: the system queues us and hands the lock over.
        let result = sys::poll(&[sys::lock(&self.word, true)])
            .and_then(|(events, n)| events[..n].iter().try_for_each(sys::Event::result));
        if let Err(e) = result {
            panic!("taking a lock failed: {e}");
        }
        debug_assert_eq!(self.word.load(Ordering::Relaxed) & !KERNEL_MANAGED, me);
    }

    /// Takes the lock if it is free.
    pub fn try_lock(&self) -> bool {
        let me = tls::tid() | WRLOCKED;
        self.word
            .compare_exchange(UNLOCKED, me, Ordering::Acquire, Ordering::Relaxed)
            .is_ok()
    }

    /// Releases the lock.
    ///
    /// # Safety
    ///
    /// The calling thread holds it.
    pub unsafe fn unlock(&self) {
        let me = tls::tid() | WRLOCKED;
        if self
            .word
            .compare_exchange(me, UNLOCKED, Ordering::Release, Ordering::Relaxed)
            .is_err()
        {
            // KERNEL_MANAGED is set: threads wait, and the system picks the
            // next holder.
            // SAFETY: the word is ours and alive; we hold it for writing.
            let e = unsafe { cloudabi::lock_unlock(self.word.as_ptr().cast(), scope::PRIVATE) };
            if let Err(e) = crate::error::check(e) {
                panic!("releasing a lock failed: {e}");
            }
        }
    }

    /// Whether some thread holds the lock (a snapshot).
    pub fn is_locked(&self) -> bool {
        self.word.load(Ordering::Relaxed) != UNLOCKED
    }
}

impl Default for RawMutex {
    fn default() -> RawMutex {
        RawMutex::new()
    }
}

/// Mutual exclusion for a value of type `T`.
pub struct Mutex<T: ?Sized> {
    raw: RawMutex,
    data: UnsafeCell<T>,
}

// SAFETY: the lock hands out access to `data` to one thread at a time.
unsafe impl<T: ?Sized + Send> Send for Mutex<T> {}
// SAFETY: as above; `T: Send` because the value moves between threads.
unsafe impl<T: ?Sized + Send> Sync for Mutex<T> {}

impl<T> Mutex<T> {
    /// A mutex holding `value`.
    pub const fn new(value: T) -> Mutex<T> {
        Mutex {
            raw: RawMutex::new(),
            data: UnsafeCell::new(value),
        }
    }

    /// The value, taking the mutex apart.
    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

impl<T: ?Sized> Mutex<T> {
    /// Locks the mutex, waiting until it is free.
    ///
    /// Panics if the calling thread holds it already.
    pub fn lock(&self) -> MutexGuard<'_, T> {
        self.raw.lock();
        MutexGuard {
            mutex: self,
            _not_send: PhantomData,
        }
    }

    /// Locks the mutex if it is free.
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        self.raw.try_lock().then_some(MutexGuard {
            mutex: self,
            _not_send: PhantomData,
        })
    }

    /// The value, through a unique reference (no locking needed).
    pub fn get_mut(&mut self) -> &mut T {
        self.data.get_mut()
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Mutex<T> {
        Mutex::new(T::default())
    }
}

impl<T: ?Sized + fmt::Debug> fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.try_lock() {
            Some(g) => f.debug_struct("Mutex").field("data", &&*g).finish(),
            None => f.write_str("Mutex { <locked> }"),
        }
    }
}

/// Access to a [`Mutex`]'s value; unlocks when dropped.
#[must_use = "the mutex unlocks as soon as the guard is dropped"]
pub struct MutexGuard<'a, T: ?Sized> {
    mutex: &'a Mutex<T>,
    /// Not `Send`: the thread that locked must be the one that unlocks
    /// (the lock word holds its thread ID).
    _not_send: PhantomData<*const ()>,
}

// SAFETY: sharing the guard shares `&T` only.
unsafe impl<T: ?Sized + Sync> Sync for MutexGuard<'_, T> {}

impl<T: ?Sized> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard proves the lock is held.
        unsafe { &*self.mutex.data.get() }
    }
}

impl<T: ?Sized> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard proves the lock is held, by this thread only.
        unsafe { &mut *self.mutex.data.get() }
    }
}

impl<T: ?Sized> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        // SAFETY: the guard proves the calling thread holds the lock (a
        // guard is not `Send`, so it is dropped where it was made).
        unsafe { self.mutex.raw.unlock() }
    }
}

/// Waiting until another thread signals, while a [`Mutex`] is released.
pub struct Condvar {
    word: AtomicU32,
}

/// Whether [`Condvar::wait_timeout`] returned because the time ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    /// True if the time ran out (rather than a signal arriving).
    pub fn timed_out(&self) -> bool {
        self.0
    }
}

impl Condvar {
    /// A condition variable nobody waits on.
    pub const fn new() -> Condvar {
        Condvar {
            word: AtomicU32::new(NO_WAITERS),
        }
    }

    /// Releases the guard's mutex, sleeps until signalled, and locks it
    /// again. Wake-ups can be spurious: check the condition in a loop (or
    /// use [`wait_while`](Condvar::wait_while)).
    pub fn wait<'a, T: ?Sized>(&self, guard: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        let sub = sys::condvar(&self.word, &guard.mutex.raw.word);
        let result = sys::poll(&[sub])
            .and_then(|(events, n)| events[..n].iter().try_for_each(sys::Event::result));
        if let Err(e) = result {
            panic!("waiting on a condition variable failed: {e}");
        }
        guard
    }

    /// Waits while `condition` holds.
    pub fn wait_while<'a, T: ?Sized>(
        &self,
        mut guard: MutexGuard<'a, T>,
        mut condition: impl FnMut(&mut T) -> bool,
    ) -> MutexGuard<'a, T> {
        while condition(&mut *guard) {
            guard = self.wait(guard);
        }
        guard
    }

    /// [`wait`](Condvar::wait), giving up after `timeout` (on the monotonic
    /// clock). The mutex is locked again either way.
    pub fn wait_timeout<'a, T: ?Sized>(
        &self,
        guard: MutexGuard<'a, T>,
        timeout: Duration,
    ) -> (MutexGuard<'a, T>, WaitTimeoutResult) {
        let nanos = u64::try_from(timeout.as_nanos()).unwrap_or(u64::MAX);
        let subs = [
            sys::condvar(&self.word, &guard.mutex.raw.word),
            sys::clock(1, clockid::MONOTONIC, nanos, false),
        ];
        let mut timed_out = false;
        match sys::poll(&subs) {
            Ok((events, n)) => {
                let mut signalled = false;
                for e in &events[..n] {
                    if let Err(err) = e.result() {
                        panic!("waiting on a condition variable failed: {err}");
                    }
                    signalled |= e.is(eventtype::CONDVAR);
                    timed_out |= e.is(eventtype::CLOCK);
                }
                timed_out &= !signalled;
            }
            Err(e) => panic!("waiting on a condition variable failed: {e}"),
        }
        (guard, WaitTimeoutResult(timed_out))
    }

    /// Wakes one waiting thread, if any.
    pub fn notify_one(&self) {
        self.signal(1);
    }

    /// Wakes every waiting thread.
    pub fn notify_all(&self) {
        self.signal(cloudabi::nthreads::MAX);
    }

    fn signal(&self, n: cloudabi::nthreads) {
        if self.word.load(Ordering::Relaxed) == NO_WAITERS {
            return;
        }
        // SAFETY: the word is ours and alive for the call.
        let e = unsafe { cloudabi::condvar_signal(self.word.as_ptr().cast(), scope::PRIVATE, n) };
        if let Err(e) = crate::error::check(e) {
            panic!("signalling a condition variable failed: {e}");
        }
    }
}

impl Default for Condvar {
    fn default() -> Condvar {
        Condvar::new()
    }
}

impl fmt::Debug for Condvar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Condvar { .. }")
    }
}
