//! `poll`, the one blocking call: subscriptions for clocks, locks, condition
//! variables and descriptors, and events read back field by field (an event
//! holds enum-typed fields that a newer system might fill with values this
//! ABI's enums lack).

use core::mem::MaybeUninit;
use core::sync::atomic::AtomicU32;

use cloudabi::{
    clockid, eventtype, scope, subclockflags, subrwflags, subscription, subscription_clock,
    subscription_condvar, subscription_fd_readwrite, subscription_lock, subscription_union,
};

use crate::error::{check, Errno};

/// A subscription to a clock: `timeout` nanoseconds from now, or the clock
/// reading `timeout` if `absolute`.
pub(crate) fn clock(userdata: u64, id: clockid, timeout: u64, absolute: bool) -> subscription {
    subscription {
        userdata,
        unused: 0,
        r#type: eventtype::CLOCK,
        union: subscription_union {
            clock: subscription_clock {
                identifier: 0,
                clock_id: id,
                _pad0: [0; 4],
                timeout,
                precision: 0,
                flags: if absolute {
                    subclockflags::ABSTIME
                } else {
                    subclockflags::empty()
                },
            },
        },
    }
}

/// A subscription that acquires the lock `word` for writing (`write`) or
/// reading.
pub(crate) fn lock(word: &AtomicU32, write: bool) -> subscription {
    subscription {
        userdata: 0,
        unused: 0,
        r#type: if write {
            eventtype::LOCK_WRLOCK
        } else {
            eventtype::LOCK_RDLOCK
        },
        union: subscription_union {
            lock: subscription_lock {
                lock: word.as_ptr().cast(),
                lock_scope: scope::PRIVATE,
            },
        },
    }
}

/// A subscription that releases `lock` (held for writing), waits for
/// `condvar` to be signalled and takes `lock` again.
pub(crate) fn condvar(condvar: &AtomicU32, lock: &AtomicU32) -> subscription {
    subscription {
        userdata: 0,
        unused: 0,
        r#type: eventtype::CONDVAR,
        union: subscription_union {
            condvar: subscription_condvar {
                condvar: condvar.as_ptr().cast(),
                lock: lock.as_ptr().cast(),
                condvar_scope: scope::PRIVATE,
                lock_scope: scope::PRIVATE,
            },
        },
    }
}

/// A subscription to `fd` becoming readable (or writable).
pub(crate) fn fd_ready(userdata: u64, fd: u32, write: bool) -> subscription {
    subscription {
        userdata,
        unused: 0,
        r#type: if write {
            eventtype::FD_WRITE
        } else {
            eventtype::FD_READ
        },
        union: subscription_union {
            fd_readwrite: subscription_fd_readwrite {
                fd: cloudabi::fd(fd),
                flags: subrwflags::POLL,
            },
        },
    }
}

/// One event `poll` reported.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Event {
    pub userdata: u64,
    /// `errno::SUCCESS` (0) or the error of this subscription.
    pub error: u16,
    /// The raw `eventtype`.
    pub kind: u8,
    /// For fd events: bytes available (reading) or space (writing).
    pub nbytes: u64,
}

impl Event {
    pub(crate) fn is(&self, t: eventtype) -> bool {
        self.kind == t as u8
    }

    pub(crate) fn result(&self) -> Result<(), Errno> {
        if self.error == 0 {
            Ok(())
        } else {
            Err(errno_from_raw(self.error))
        }
    }
}

/// The most subscriptions the runtime polls at once.
const MAX: usize = 4;

/// Polls `subs` (at most four) and returns the events that fired.
pub(crate) fn poll(subs: &[subscription]) -> Result<([Event; MAX], usize), Errno> {
    assert!(subs.len() <= MAX, "poll: too many subscriptions");
    let mut raw = [const { MaybeUninit::<cloudabi::event>::uninit() }; MAX];
    let mut n = 0;
    // SAFETY: `raw` has room for one event per subscription; `n` is a local.
    check(unsafe { cloudabi::poll(subs.as_ptr(), raw.as_mut_ptr().cast(), subs.len(), &mut n) })?;
    let mut events = [Event {
        userdata: 0,
        error: 0,
        kind: 0,
        nbytes: 0,
    }; MAX];
    for (e, r) in events.iter_mut().zip(&raw).take(n.min(MAX)) {
        let p = r.as_ptr().cast::<u8>();
        // SAFETY: poll filled the first `n` events; the fields are read at
        // their ABI offsets as plain integers (userdata 0, error 8, type 10,
        // the fd_readwrite arm's nbytes 16).
        unsafe {
            *e = Event {
                userdata: p.cast::<u64>().read(),
                error: p.add(8).cast::<u16>().read(),
                kind: p.add(10).read(),
                nbytes: p.add(16).cast::<u64>().read(),
            };
        }
    }
    Ok((events, n.min(MAX)))
}

/// Maps a raw error number to the enum; numbers this ABI does not define
/// become `EIO` rather than an invalid enum value.
pub(crate) fn errno_from_raw(raw: u16) -> Errno {
    use cloudabi::errno;
    if raw <= errno::NOTCAPABLE as u16 {
        // SAFETY: `errno` is `repr(u16)` with every value from 0 to
        // NOTCAPABLE (76) defined, and `raw` is in that range.
        Errno::new(unsafe { core::mem::transmute::<u16, errno>(raw) })
    } else {
        Errno::new(errno::IO)
    }
}
