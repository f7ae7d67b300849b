//! Process state that the guest's threads share, with a fast path for the
//! common case of a single guest thread.
//!
//! While a process has one guest thread, nothing else can reach its state,
//! so that thread uses it without locking: the hot system calls (`fd_write`
//! on an existing fd, pointer checks) then make no atomic read-modify-write
//! at all. The first `thread_create` switches the process to locking for
//! good, before the second thread exists.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::RwLock;

/// Whether a process still has a single guest thread.
#[derive(Debug, Default)]
pub(crate) struct Threading {
    /// Set once, by the only guest thread, before it starts a second one;
    /// never cleared.
    started: AtomicBool,
}

impl Threading {
    /// Whether the calling guest thread is the only one. Relaxed is enough:
    /// only that thread ever writes the flag, and every thread started
    /// afterwards sees the write through the thread spawn.
    pub(crate) fn alone(&self) -> bool {
        !self.started.load(Ordering::Relaxed)
    }

    /// Called by the only guest thread before it starts another one.
    pub(crate) fn start_second_thread(&self) {
        self.started.store(true, Ordering::Relaxed);
    }
}

/// A value shared by the guest threads of one process.
#[derive(Debug, Default)]
pub(crate) struct Shared<T> {
    lock: RwLock<()>,
    value: UnsafeCell<T>,
}

// SAFETY: every access goes through the methods below, which lock unless
// the caller is the process's only guest thread (their contract), so the
// value is shared and sent between threads only as with `RwLock<T>`.
unsafe impl<T: Send + Sync> Sync for Shared<T> {}

impl<T> Shared<T> {
    pub(crate) fn new(value: T) -> Shared<T> {
        Shared {
            lock: RwLock::new(()),
            value: UnsafeCell::new(value),
        }
    }

    /// The value, without locking.
    ///
    /// # Safety
    /// The calling thread must be the process's only guest thread
    /// ([`Threading::alone`]) for as long as the reference lives, and must
    /// not use [`Shared::alone_mut`] meanwhile.
    pub(crate) unsafe fn alone(&self) -> &T {
        // SAFETY: no other thread exists and no `&mut` is live (contract).
        unsafe { &*self.value.get() }
    }

    /// The value for writing, without locking.
    ///
    /// # Safety
    /// As for [`Shared::alone`], and no other reference to the value may be
    /// live meanwhile.
    #[allow(clippy::mut_from_ref)]
    pub(crate) unsafe fn alone_mut(&self) -> &mut T {
        // SAFETY: no other thread exists and no other reference is live
        // (contract).
        unsafe { &mut *self.value.get() }
    }

    /// Runs `f` on the value, under the read lock.
    pub(crate) fn read<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        let _guard = self.lock.read().unwrap_or_else(|e| e.into_inner());
        // SAFETY: the read lock keeps writers out while `f` runs; a thread
        // that is alone never holds a reference across the switch to
        // locking (it happens in a system call of its own).
        f(unsafe { &*self.value.get() })
    }

    /// Runs `f` on the value, under the write lock.
    pub(crate) fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let _guard = self.lock.write().unwrap_or_else(|e| e.into_inner());
        // SAFETY: as in `read`; the write lock is exclusive.
        f(unsafe { &mut *self.value.get() })
    }

    /// Runs `f` on the value for reading: locked unless `alone`.
    ///
    /// # Safety
    /// `alone` must be what [`Threading::alone`] says for the calling
    /// thread, and `f` must not reach this value another way.
    pub(crate) unsafe fn read_as<R>(&self, alone: bool, f: impl FnOnce(&T) -> R) -> R {
        if alone {
            // SAFETY: the caller is the only thread (contract).
            f(unsafe { self.alone() })
        } else {
            self.read(f)
        }
    }

    /// Runs `f` on the value for writing: locked unless `alone`.
    ///
    /// # Safety
    /// As for [`Shared::read_as`].
    pub(crate) unsafe fn write_as<R>(&self, alone: bool, f: impl FnOnce(&mut T) -> R) -> R {
        if alone {
            // SAFETY: the caller is the only thread (contract).
            f(unsafe { self.alone_mut() })
        } else {
            self.write(f)
        }
    }
}
