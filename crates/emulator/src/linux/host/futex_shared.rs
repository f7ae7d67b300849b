//! Process-shared locks and condition variables (`scope::SHARED`): lock and
//! condvar words in memory a process shares with its forked children.
//!
//! The reference keys such objects by the memory they live in
//! (`futex_address_create` with `AUTO_SHARE`), so any process mapping them
//! takes part. Waiter queues in one emulator process cannot see another's,
//! so here the host kernel's futexes on the words themselves do the
//! waiting, without the private flag (Linux keys them by the backing page,
//! as FreeBSD does):
//!
//! - a waiter sets `KERNEL_MANAGED` on the lock word and sleeps on it; a
//!   lock taken through here keeps `KERNEL_MANAGED` (another process may be
//!   waiting), so its holder's unlock always comes through `lock_unlock`,
//!   which frees the word and wakes every waiter to try again;
//! - a condition variable's word, non-zero while it may have waiters, counts
//!   signals: a waiter sleeps on the value it saw when it released the lock,
//!   a signal changes the value and wakes up to `n` sleepers (so a signal
//!   between the release and the sleep is not lost), and the woken take the
//!   lock again. The word never returns to `HAS_NO_WAITERS`, so signallers
//!   keep calling in; wakeups may be spurious, which condition variables
//!   allow.
//!
//! Waking everyone on unlock costs more than the private queues' direct
//! handoff; shared locks are rare.

use std::sync::atomic::{AtomicU32, Ordering};

use cloudabi::errno;
use rustix::thread::futex;

use super::futex::Deadline;

const UNLOCKED: u32 = cloudabi::LOCK_UNLOCKED.0;
const WRLOCKED: u32 = cloudabi::LOCK_WRLOCKED.0;
const KERNEL_MANAGED: u32 = cloudabi::LOCK_KERNEL_MANAGED.0;
const BOGUS: u32 = cloudabi::LOCK_BOGUS.0;
const LOW_BITS: u32 = !(WRLOCKED | KERNEL_MANAGED);
const NO_WAITERS: u32 = cloudabi::CONDVAR_HAS_NO_WAITERS.0;

/// A word in guest memory.
///
/// # Safety
/// `addr` must be a word the guest handed in, checked as writable guest
/// memory and aligned.
unsafe fn word<'a>(addr: usize) -> &'a AtomicU32 {
    // SAFETY: the caller's contract; the word is only used atomically.
    unsafe { AtomicU32::from_ptr(addr as *mut u32) }
}

/// Sleeps on `w` while it holds `seen`, until woken or `deadline`: false
/// once the deadline passed.
fn sleep(w: &AtomicU32, seen: u32, deadline: Option<Deadline>) -> bool {
    let timeout = match deadline {
        None => None,
        Some(d) => {
            let left = d.remaining();
            if left.is_zero() {
                return false;
            }
            Some(rustix::time::Timespec {
                tv_sec: left.as_secs() as i64,
                tv_nsec: left.subsec_nanos() as _,
            })
        }
    };
    // Not FUTEX_PRIVATE: the word may be shared with another process.
    !matches!(
        futex::wait(w, futex::Flags::empty(), seen, timeout.as_ref()),
        Err(rustix::io::Errno::TIMEDOUT)
    )
}

/// Takes the shared lock at `addr` for `tid` (for writing when `write`),
/// waiting until `deadline`: whether it was taken. Errors as the
/// reference's `futex_lock_trywrlock`/`tryrdlock`: EDEADLK for a lock the
/// caller holds for writing.
///
/// # Safety
/// `addr` as for [`word`].
pub(crate) unsafe fn lock(
    addr: usize,
    tid: u32,
    write: bool,
    deadline: Option<Deadline>,
) -> Result<bool, errno> {
    // SAFETY: the caller's contract.
    let w = unsafe { word(addr) };
    loop {
        let v = w.load(Ordering::Relaxed);
        if v == BOGUS {
            return Err(errno::INVAL);
        }
        let free = v & !KERNEL_MANAGED == UNLOCKED;
        let taken = if write && free {
            Some(tid | WRLOCKED | KERNEL_MANAGED)
        } else if !write && v & WRLOCKED == 0 {
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
        if v & WRLOCKED != 0 && v & LOW_BITS == tid {
            return Err(errno::DEADLK);
        }
        let managed = v | KERNEL_MANAGED;
        if v != managed
            && w.compare_exchange(v, managed, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            continue;
        }
        if !sleep(w, managed, deadline) {
            return Ok(false);
        }
    }
}

/// Releases the shared lock at `addr`, which `tid` holds for writing, and
/// wakes every waiter to try again.
///
/// # Safety
/// `addr` as for [`word`].
pub(crate) unsafe fn unlock(addr: usize, tid: u32) -> Result<(), errno> {
    // SAFETY: the caller's contract.
    let w = unsafe { word(addr) };
    let v = w.load(Ordering::Relaxed);
    if v & WRLOCKED == 0 || v & LOW_BITS != tid {
        return Err(errno::PERM);
    }
    w.store(UNLOCKED, Ordering::Release);
    let _ = futex::wake(w, futex::Flags::empty(), u32::MAX);
    Ok(())
}

/// Waits on the shared condition variable at `cv`, releasing the shared
/// lock at `lock` (held by `tid`) meanwhile; returns holding it again, with
/// whether it was woken (false: the deadline passed).
///
/// # Safety
/// `cv` and `lock` as for [`word`].
pub(crate) unsafe fn condvar_wait(
    cv: usize,
    lock: usize,
    tid: u32,
    deadline: Option<Deadline>,
) -> Result<bool, errno> {
    // SAFETY: the caller's contract.
    let c = unsafe { word(cv) };
    let seen = match c.compare_exchange(NO_WAITERS, 1, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => 1,
        Err(v) => v,
    };
    // SAFETY: the caller's contract.
    unsafe { unlock(lock, tid) }?;
    let woken = sleep(c, seen, deadline);
    // The lock is taken back whatever happened, as the caller expects.
    // SAFETY: the caller's contract.
    unsafe { self::lock(lock, tid, true, None) }?;
    Ok(woken)
}

/// Wakes up to `n` waiters of the shared condition variable at `cv`.
///
/// # Safety
/// `cv` as for [`word`].
pub(crate) unsafe fn condvar_signal(cv: usize, n: u32) {
    // SAFETY: the caller's contract.
    let c = unsafe { word(cv) };
    let bumped = c.fetch_update(Ordering::Release, Ordering::Relaxed, |v| {
        (v != NO_WAITERS).then(|| v.wrapping_add(1).max(1))
    });
    if bumped.is_ok() {
        let _ = futex::wake(c, futex::Flags::empty(), n);
    }
}
