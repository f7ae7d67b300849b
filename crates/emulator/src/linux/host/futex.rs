//! Userspace locks and condition variables: the kernel's side of them.
//!
//! The guest takes and releases its locks with atomics on its own lock words
//! and only calls in when it has to wait (`poll` with a lock or condvar
//! subscription) or wake others (`lock_unlock`, `condvar_signal`,
//! `thread_exit`). The value semantics are the spec's (`lock`, `condvar`):
//! - a lock word is 0 when free, `WRLOCKED | owner tid` when held for
//!   writing, or the number of readers; `KERNEL_MANAGED` is set while
//!   threads wait here, which sends the holder's unlock through us;
//! - a condition variable is `HAS_NO_WAITERS` (0) unless threads may wait.
//!
//! Waiters queue here per lock address, and an unlock hands the lock over
//! directly: the word is set to the next writer's tid (keeping
//! `KERNEL_MANAGED` while others still wait), or to the number of readers
//! woken. Signalling a condition variable moves its waiters onto their lock's
//! queue (or gives them the lock if it is free). One mutex guards all queues;
//! every change of a lock word made here happens under it, so the guest's
//! fast paths (compare-and-swap on the word) can only fail against it, never
//! slip between a waiter's check and its sleep.
//!
//! Only process-private locks are supported (as upstream): a lock in memory
//! shared with another process would need queues shared with it.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU32, AtomicU8, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use cloudabi::errno;
use rustix::time::ClockId;

const UNLOCKED: u32 = cloudabi::LOCK_UNLOCKED.0;
const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
const KERNEL_MANAGED: u32 = cloudabi::LOCK_KERNEL_MANAGED.0;
const BOGUS: u32 = cloudabi::LOCK_BOGUS.0;
/// The owner's tid, or the number of readers.
const LOW_BITS: u32 = !(WRLOCKED | KERNEL_MANAGED);
const NO_WAITERS: u32 = cloudabi::CONDVAR_HAS_NO_WAITERS.0;

/// When a wait gives up: a time on a clock.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    pub(crate) clock: ClockId,
    /// Nanoseconds on `clock`.
    pub(crate) at: i128,
}

impl Deadline {
    pub(super) fn remaining(&self) -> Duration {
        let left = (self.at - super::time::now(self.clock)).clamp(0, i128::from(u64::MAX));
        Duration::from_nanos(left as u64)
    }
}

/// Where a waiter is.
const ON_CONDVAR: u8 = 0;
const ON_LOCK: u8 = 1;
const GRANTED: u8 = 2;

/// One blocked thread.
struct Waiter {
    tid: u32,
    /// For a condvar waiter, the lock it gets once signalled.
    lock: usize,
    /// ON_CONDVAR, ON_LOCK or GRANTED; only changed under the table mutex.
    state: AtomicU8,
    wake: Condvar,
}

impl Waiter {
    fn new(tid: u32, lock: usize, state: u8) -> Arc<Waiter> {
        Arc::new(Waiter {
            tid,
            lock,
            state: AtomicU8::new(state),
            wake: Condvar::new(),
        })
    }

    fn state(&self) -> u8 {
        self.state.load(Ordering::Relaxed)
    }

    fn grant(&self) {
        self.state.store(GRANTED, Ordering::Relaxed);
        self.wake.notify_one();
    }
}

#[derive(Default)]
struct LockQueue {
    readers: VecDeque<Arc<Waiter>>,
    writers: VecDeque<Arc<Waiter>>,
}

impl LockQueue {
    fn is_empty(&self) -> bool {
        self.readers.is_empty() && self.writers.is_empty()
    }
}

#[derive(Default)]
struct Table {
    locks: HashMap<usize, LockQueue>,
    condvars: HashMap<usize, VecDeque<Arc<Waiter>>>,
}

/// The lock and condition variable queues of one process.
#[derive(Default)]
pub(crate) struct Futex {
    table: Mutex<Table>,
}

/// A lock word in guest memory.
///
/// # Safety
/// `addr` must be a lock word the guest handed in, checked as writable guest
/// memory and aligned.
unsafe fn word<'a>(addr: usize) -> &'a AtomicU32 {
    // SAFETY: the caller's contract; the word is only accessed atomically,
    // as the guest accesses it.
    unsafe { AtomicU32::from_ptr(addr as *mut u32) }
}

fn owner_is(v: u32, tid: u32) -> bool {
    v & WRLOCKED != 0 && v & LOW_BITS == tid
}

/// Sets `KERNEL_MANAGED` on a held lock; false if the word changed to
/// something that may now be free (look again).
fn mark_managed(w: &AtomicU32, v: u32) -> bool {
    v & KERNEL_MANAGED != 0
        || w.compare_exchange(v, v | KERNEL_MANAGED, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
}

impl Futex {
    fn table(&self) -> MutexGuard<'_, Table> {
        self.table.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the lock at `addr` for `tid` (for writing when `write`), waiting
    /// until `deadline`: whether it was taken.
    ///
    /// # Safety
    /// `addr` as for [`word`].
    pub(crate) unsafe fn lock(
        &self,
        addr: usize,
        tid: u32,
        write: bool,
        deadline: Option<Deadline>,
    ) -> Result<bool, errno> {
        let mut table = self.table();
        // SAFETY: the caller's contract.
        let w = unsafe { word(addr) };
        if try_take(&table, addr, w, tid, write)? {
            return Ok(true);
        }
        let waiter = Waiter::new(tid, addr, ON_LOCK);
        let queue = table.locks.entry(addr).or_default();
        if write {
            queue.writers.push_back(waiter.clone());
        } else {
            queue.readers.push_back(waiter.clone());
        }
        let (mut table, granted) = wait(table, &waiter, deadline);
        if !granted {
            give_up(&mut table, addr, w, &waiter);
        }
        Ok(granted)
    }

    /// Releases the lock at `addr`, which `tid` holds for writing, handing
    /// it to waiters.
    ///
    /// # Safety
    /// `addr` as for [`word`].
    pub(crate) unsafe fn unlock(&self, addr: usize, tid: u32) -> Result<(), errno> {
        let mut table = self.table();
        // SAFETY: the caller's contract.
        let w = unsafe { word(addr) };
        if !owner_is(w.load(Ordering::Relaxed), tid) {
            return Err(errno::PERM);
        }
        hand_over(&mut table, addr, w);
        Ok(())
    }

    /// Waits on the condition variable at `cv`, releasing the lock at `lock`
    /// (held by `tid` for writing) meanwhile; returns holding the lock
    /// again, with whether the condition variable was signalled (false: the
    /// deadline passed first).
    ///
    /// # Safety
    /// `cv` and `lock` as for [`word`].
    pub(crate) unsafe fn condvar_wait(
        &self,
        cv: usize,
        lock: usize,
        tid: u32,
        deadline: Option<Deadline>,
    ) -> Result<bool, errno> {
        let mut table = self.table();
        // SAFETY: the caller's contract.
        let (c, l) = unsafe { (word(cv), word(lock)) };
        if !owner_is(l.load(Ordering::Relaxed), tid) {
            return Err(errno::PERM);
        }
        // Signalling threads only call in when they see waiters.
        if c.load(Ordering::Relaxed) == NO_WAITERS {
            c.store(!NO_WAITERS, Ordering::Relaxed);
        }
        let waiter = Waiter::new(tid, lock, ON_CONDVAR);
        table
            .condvars
            .entry(cv)
            .or_default()
            .push_back(waiter.clone());
        hand_over(&mut table, lock, l);
        let (mut table, granted) = wait(table, &waiter, deadline);
        if granted {
            return Ok(true);
        }
        // Timed out: leave the condition variable, then take the lock back
        // (without a deadline), as the caller expects to hold it.
        if waiter.state() == ON_CONDVAR {
            leave_condvar(&mut table, cv, c, &waiter);
            if try_take(&table, lock, l, tid, true)? {
                return Ok(false);
            }
            waiter.state.store(ON_LOCK, Ordering::Relaxed);
            table
                .locks
                .entry(lock)
                .or_default()
                .writers
                .push_back(waiter.clone());
        }
        let _ = wait(table, &waiter, None);
        Ok(false)
    }

    /// Wakes up to `n` waiters of the condition variable at `cv`.
    ///
    /// # Safety
    /// `cv` as for [`word`].
    pub(crate) unsafe fn condvar_signal(&self, cv: usize, n: u32) {
        let mut table = self.table();
        // SAFETY: the caller's contract.
        let c = unsafe { word(cv) };
        let mut woken = Vec::new();
        if let Some(queue) = table.condvars.get_mut(&cv) {
            let n = (n as usize).min(queue.len());
            woken.extend(queue.drain(..n));
            if queue.is_empty() {
                table.condvars.remove(&cv);
            }
        }
        if !table.condvars.contains_key(&cv) {
            c.store(NO_WAITERS, Ordering::Relaxed);
        }
        for waiter in woken {
            requeue(&mut table, waiter);
        }
    }

    /// In a forked child: the other threads, and so their waits, are gone.
    pub(crate) fn forget_waiters(&self) {
        *self.table() = Table::default();
    }

    /// Holds the table locked while `f` runs (around a fork).
    pub(crate) fn locked<R>(&self, f: impl FnOnce() -> R) -> R {
        let _table = self.table();
        f()
    }
}

/// Takes the lock now if it can be taken, marking it kernel-managed if not
/// (so its holder's unlock comes here). Err for a lock the caller already
/// holds for writing, or an impossible word.
fn try_take(
    table: &Table,
    addr: usize,
    w: &AtomicU32,
    tid: u32,
    write: bool,
) -> Result<bool, errno> {
    let queue = table.locks.get(&addr);
    let waiting = queue.is_some_and(|q| !q.is_empty());
    let writers_waiting = queue.is_some_and(|q| !q.writers.is_empty());
    loop {
        let v = w.load(Ordering::Relaxed);
        if v == BOGUS {
            return Err(errno::INVAL);
        }
        let taken = if write && v == UNLOCKED {
            let managed = if waiting { KERNEL_MANAGED } else { 0 };
            Some(tid | WRLOCKED | managed)
        } else if !write && v & WRLOCKED == 0 && !writers_waiting {
            if v & LOW_BITS == LOW_BITS {
                return Err(errno::AGAIN);
            }
            Some(v + 1)
        } else {
            None
        };
        if let Some(new) = taken {
            if w.compare_exchange(v, new, Ordering::Acquire, Ordering::Relaxed)
                .is_ok()
            {
                return Ok(true);
            }
            continue;
        }
        if owner_is(v, tid) {
            return Err(errno::DEADLK);
        }
        if mark_managed(w, v) {
            return Ok(false);
        }
    }
}

/// Sleeps until `waiter` is granted its lock or `deadline` passes; whether
/// it was granted.
fn wait<'a>(
    mut table: MutexGuard<'a, Table>,
    waiter: &Waiter,
    deadline: Option<Deadline>,
) -> (MutexGuard<'a, Table>, bool) {
    loop {
        if waiter.state() == GRANTED {
            return (table, true);
        }
        table = match deadline {
            None => waiter.wake.wait(table).unwrap_or_else(|e| e.into_inner()),
            Some(d) => {
                let left = d.remaining();
                if left.is_zero() {
                    return (table, false);
                }
                waiter
                    .wake
                    .wait_timeout(table, left)
                    .unwrap_or_else(|e| e.into_inner())
                    .0
            }
        };
    }
}

/// Removes a lock waiter that gave up; the last one to leave clears
/// `KERNEL_MANAGED`, so that the holder can unlock on its own again.
fn give_up(table: &mut Table, addr: usize, w: &AtomicU32, waiter: &Arc<Waiter>) {
    let Some(queue) = table.locks.get_mut(&addr) else {
        return;
    };
    queue.readers.retain(|x| !Arc::ptr_eq(x, waiter));
    queue.writers.retain(|x| !Arc::ptr_eq(x, waiter));
    if queue.is_empty() {
        table.locks.remove(&addr);
        let _ = w.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |v| {
            (v & KERNEL_MANAGED != 0 && v != BOGUS).then_some(v & !KERNEL_MANAGED)
        });
    }
}

/// Removes a condition variable waiter that gave up.
fn leave_condvar(table: &mut Table, cv: usize, c: &AtomicU32, waiter: &Arc<Waiter>) {
    if let Some(queue) = table.condvars.get_mut(&cv) {
        queue.retain(|x| !Arc::ptr_eq(x, waiter));
        if queue.is_empty() {
            table.condvars.remove(&cv);
            c.store(NO_WAITERS, Ordering::Relaxed);
        }
    }
}

/// Releases a lock the caller holds for writing: to the first waiting
/// writer, else to all waiting readers, else free. The word is not touched
/// after the store, which matters to `thread_exit`, whose lock may be freed
/// as soon as it is released.
fn hand_over(table: &mut Table, addr: usize, w: &AtomicU32) {
    let Some(queue) = table.locks.get_mut(&addr) else {
        w.store(UNLOCKED, Ordering::Release);
        return;
    };
    if let Some(next) = queue.writers.pop_front() {
        let managed = if queue.is_empty() { 0 } else { KERNEL_MANAGED };
        w.store(next.tid | WRLOCKED | managed, Ordering::Release);
        next.grant();
    } else {
        let readers: Vec<_> = queue.readers.drain(..).collect();
        w.store(readers.len() as u32, Ordering::Release);
        for r in readers {
            r.grant();
        }
    }
    if queue.is_empty() {
        table.locks.remove(&addr);
    }
}

/// A signalled condition variable waiter: gets its lock now if it is free,
/// else waits for it as a writer.
fn requeue(table: &mut Table, waiter: Arc<Waiter>) {
    let addr = waiter.lock;
    // SAFETY: the waiter's thread checked its lock word when it started
    // waiting, and is still inside that system call.
    let w = unsafe { word(addr) };
    match try_take(table, addr, w, waiter.tid, true) {
        Ok(true) => waiter.grant(),
        Ok(false) => {
            waiter.state.store(ON_LOCK, Ordering::Relaxed);
            table
                .locks
                .entry(addr)
                .or_default()
                .writers
                .push_back(waiter);
        }
        // The word is corrupt (the guest overwrote it): let the waiter go
        // rather than hang it.
        Err(_) => waiter.grant(),
    }
}

#[cfg(test)]
#[path = "futex_tests.rs"]
mod tests;
