//! The lock and condition variable model on words in host memory, with host
//! threads standing in for guest threads.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use super::*;

const MONO: ClockId = ClockId::Monotonic;

fn word(v: u32) -> Arc<AtomicU32> {
    Arc::new(AtomicU32::new(v))
}

fn addr(w: &AtomicU32) -> usize {
    w as *const AtomicU32 as usize
}

// Safe wrappers: the words below are live, aligned atomics, which is all the
// futex calls need.

fn lock(
    f: &Futex,
    w: &AtomicU32,
    tid: u32,
    write: bool,
    d: Option<Deadline>,
) -> Result<bool, errno> {
    // SAFETY: see above.
    unsafe { f.lock(addr(w), tid, write, d) }
}

fn unlock(f: &Futex, w: &AtomicU32, tid: u32) -> Result<(), errno> {
    // SAFETY: see above.
    unsafe { f.unlock(addr(w), tid) }
}

fn wait(
    f: &Futex,
    cv: &AtomicU32,
    l: &AtomicU32,
    tid: u32,
    d: Option<Deadline>,
) -> Result<bool, errno> {
    // SAFETY: see above.
    unsafe { f.condvar_wait(addr(cv), addr(l), tid, d) }
}

fn signal(f: &Futex, cv: &AtomicU32, n: u32) {
    // SAFETY: see above.
    unsafe { f.condvar_signal(addr(cv), n) }
}

fn soon(ms: u64) -> Option<Deadline> {
    Some(Deadline {
        clock: MONO,
        at: super::super::time::now(MONO) + i128::from(ms) * 1_000_000,
    })
}

/// Waits until `w` has the kernel-managed bit, i.e. someone queued on it.
fn until_managed(w: &AtomicU32) {
    for _ in 0..2000 {
        if w.load(Ordering::Relaxed) & KERNEL_MANAGED != 0 {
            return;
        }
        thread::sleep(Duration::from_millis(1));
    }
    panic!("nobody queued");
}

#[test]
fn a_free_lock_is_taken_at_once() {
    let f = Futex::default();
    let w = word(UNLOCKED);
    assert_eq!(lock(&f, &w, 7, true, None), Ok(true));
    assert_eq!(w.load(Ordering::Relaxed), 7 | WRLOCKED);
    assert_eq!(lock(&f, &w, 7, true, None), Err(errno::DEADLK));
    assert_eq!(unlock(&f, &w, 8), Err(errno::PERM));
    assert_eq!(unlock(&f, &w, 7), Ok(()));
    assert_eq!(w.load(Ordering::Relaxed), UNLOCKED);
    let r = word(2);
    assert_eq!(lock(&f, &r, 9, false, None), Ok(true));
    assert_eq!(r.load(Ordering::Relaxed), 3);
    assert_eq!(lock(&f, &word(BOGUS), 9, false, None), Err(errno::INVAL));
}

#[test]
fn a_timed_out_wait_leaves_the_lock_as_it_was() {
    let f = Futex::default();
    let w = word(5 | WRLOCKED);
    assert_eq!(lock(&f, &w, 6, true, soon(10)), Ok(false));
    assert_eq!(w.load(Ordering::Relaxed), 5 | WRLOCKED);
}

#[test]
fn unlock_hands_the_lock_to_a_waiting_writer() {
    let f = Arc::new(Futex::default());
    let w = word(5 | WRLOCKED);
    let waiter = {
        let (f, w) = (f.clone(), w.clone());
        thread::spawn(move || lock(&f, &w, 6, true, soon(10_000)))
    };
    until_managed(&w);
    assert_eq!(unlock(&f, &w, 5), Ok(()));
    assert_eq!(waiter.join().unwrap(), Ok(true));
    assert_eq!(w.load(Ordering::Relaxed), 6 | WRLOCKED);
}

#[test]
fn waiting_readers_get_the_lock_together() {
    let f = Arc::new(Futex::default());
    let w = word(5 | WRLOCKED);
    let readers: Vec<_> = (0..3)
        .map(|i| {
            let (f, w) = (f.clone(), w.clone());
            thread::spawn(move || lock(&f, &w, 10 + i, false, soon(10_000)))
        })
        .collect();
    until_managed(&w);
    // All three queued: each marks the word and sleeps under the table lock.
    while f
        .table()
        .locks
        .get(&addr(&w))
        .map_or(0, |q| q.readers.len())
        < 3
    {
        thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(unlock(&f, &w, 5), Ok(()));
    for r in readers {
        assert_eq!(r.join().unwrap(), Ok(true));
    }
    assert_eq!(w.load(Ordering::Relaxed), 3);
}

#[test]
fn a_signalled_condvar_waiter_returns_holding_the_lock() {
    let f = Arc::new(Futex::default());
    let l = word(6 | WRLOCKED);
    let cv = word(NO_WAITERS);
    let waiter = {
        let (f, l, cv) = (f.clone(), l.clone(), cv.clone());
        thread::spawn(move || wait(&f, &cv, &l, 6, soon(10_000)))
    };
    // The wait released the lock and marked the condition variable.
    while cv.load(Ordering::Relaxed) == NO_WAITERS {
        thread::sleep(Duration::from_millis(1));
    }
    assert_eq!(l.load(Ordering::Relaxed), UNLOCKED);
    // Signalled while another thread holds the lock: the waiter queues for it.
    assert_eq!(lock(&f, &l, 7, true, None), Ok(true));
    signal(&f, &cv, 1);
    assert_eq!(cv.load(Ordering::Relaxed), NO_WAITERS);
    assert_eq!(l.load(Ordering::Relaxed), 7 | WRLOCKED | KERNEL_MANAGED);
    assert_eq!(unlock(&f, &l, 7), Ok(()));
    assert_eq!(waiter.join().unwrap(), Ok(true));
    assert_eq!(l.load(Ordering::Relaxed), 6 | WRLOCKED);
}

#[test]
fn a_condvar_wait_that_times_out_takes_the_lock_back() {
    let f = Futex::default();
    let lock = word(6 | WRLOCKED);
    let cv = word(NO_WAITERS);
    let r = wait(&f, &cv, &lock, 6, soon(10));
    assert_eq!(r, Ok(false));
    assert_eq!(lock.load(Ordering::Relaxed), 6 | WRLOCKED);
    assert_eq!(cv.load(Ordering::Relaxed), NO_WAITERS);
    // Not the holder: refused.
    let r = wait(&f, &cv, &lock, 9, soon(10));
    assert_eq!(r, Err(errno::PERM));
}
