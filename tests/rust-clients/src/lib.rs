//! Code written against the generated `cloudabi` crate the way its real clients use the
//! published 0.1.0: each module follows one client's usage (items, casts, field names,
//! const contexts), in our own words. `tests/clients.rs` links it against stub
//! `cloudabi_sys_*` symbols and runs it.

pub mod getrandom_like {
    //! getrandom 0.1 / rand_os 0.1 / rand 0.5: `random_get` on a byte slice, the error
    //! compared with `errno::SUCCESS` and cast to an integer.

    pub fn fill(dest: &mut [u8]) -> Result<(), u32> {
        // SAFETY: random_get writes at most `dest.len()` bytes into `dest`, which this
        // function borrows exclusively, and changes nothing else in the process.
        let error = unsafe { cloudabi::random_get(dest) };
        if error == cloudabi::errno::SUCCESS {
            Ok(())
        } else {
            Err(error as u32)
        }
    }

    pub fn fill_io(dest: &mut [u8]) -> std::io::Result<()> {
        // SAFETY: as in `fill`: the call writes only into the borrowed `dest`.
        let error = unsafe { cloudabi::random_get(dest) };
        if error == cloudabi::errno::SUCCESS {
            Ok(())
        } else {
            Err(std::io::Error::from_raw_os_error(error as i32))
        }
    }
}

pub mod console {
    //! The cloudabi.org example: a console that writes through `fd_write` with a `ciovec`
    //! whose `buf` is a `(pointer, length)` tuple.

    use std::io;

    pub struct Console {
        fd: cloudabi::fd,
    }

    impl Console {
        pub fn new(fd: u32) -> Console {
            Console {
                fd: cloudabi::fd(fd),
            }
        }
    }

    impl io::Write for Console {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let iovs = [cloudabi::ciovec {
                buf: (buf.as_ptr() as *const (), buf.len()),
            }];
            let mut nwritten = 0;
            // SAFETY: the one ciovec points at `buf`, borrowed for this call, and fd_write
            // only reads it; `nwritten` is a live local the call writes once.
            let error = unsafe { cloudabi::fd_write(self.fd, &iovs, &mut nwritten) };
            if error == cloudabi::errno::SUCCESS {
                Ok(nwritten)
            } else {
                Err(io::Error::from_raw_os_error(error as i32))
            }
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
}

pub mod parking_lot_like {
    //! parking_lot_core 0.8's CloudABI parker: lock and condvar constants through `.0` in
    //! const contexts, subscriptions built with `r#type` and `union`, `poll` with arrays of
    //! events, `lock_unlock` and `condvar_signal`.

    use cloudabi as abi;
    use core::convert::TryFrom;
    use core::mem::{self, MaybeUninit};
    use core::sync::atomic::{AtomicU32, Ordering};

    pub const UNLOCKED: u32 = abi::LOCK_UNLOCKED.0;
    pub const WRLOCKED: u32 = abi::LOCK_WRLOCKED.0;
    pub const KERNEL_MANAGED: u32 = abi::LOCK_KERNEL_MANAGED.0;
    pub const NO_WAITERS: u32 = abi::CONDVAR_HAS_NO_WAITERS.0;

    pub const fn new_lock() -> AtomicU32 {
        AtomicU32::new(abi::LOCK_UNLOCKED.0)
    }

    pub const fn new_condvar() -> AtomicU32 {
        AtomicU32::new(abi::CONDVAR_HAS_NO_WAITERS.0)
    }

    pub fn try_lock(lock: &AtomicU32, thread: abi::tid) -> bool {
        lock.compare_exchange(
            UNLOCKED,
            thread.0 | WRLOCKED,
            Ordering::Acquire,
            Ordering::Relaxed,
        )
        .is_ok()
    }

    fn lock_subscription(lock: &AtomicU32) -> abi::subscription {
        abi::subscription {
            userdata: 0,
            unused: 0,
            r#type: abi::eventtype::LOCK_WRLOCK,
            union: abi::subscription_union {
                lock: abi::subscription_lock {
                    lock: lock as *const AtomicU32 as *mut abi::lock,
                    lock_scope: abi::scope::PRIVATE,
                },
            },
        }
    }

    /// The client's own spelling: struct update over `mem::zeroed()`. It compiles against
    /// this crate as it did against 0.1.0; running it aborts on today's Rust because
    /// `eventtype` has no zero value (a known client bug, see the research notes), so this
    /// function is only compiled, never called.
    #[allow(invalid_value)]
    pub fn lock_subscription_as_written(lock: &AtomicU32) -> abi::subscription {
        abi::subscription {
            r#type: abi::eventtype::LOCK_WRLOCK,
            union: abi::subscription_union {
                lock: abi::subscription_lock {
                    lock: lock as *const AtomicU32 as *mut abi::lock,
                    lock_scope: abi::scope::PRIVATE,
                },
            },
            // SAFETY: not sound if run: `eventtype` has no zero value (the client's bug
            // described above), which is why this function is only compiled.
            ..unsafe { mem::zeroed() }
        }
    }

    /// Like [`lock_subscription_as_written`], for the clock arm (compiled, not run).
    #[allow(invalid_value)]
    pub fn clock_subscription_as_written(timeout: abi::timestamp) -> abi::subscription {
        abi::subscription {
            r#type: abi::eventtype::CLOCK,
            union: abi::subscription_union {
                clock: abi::subscription_clock {
                    clock_id: abi::clockid::MONOTONIC,
                    timeout,
                    // SAFETY: the remaining clock fields are integers and flags, for
                    // which all-zero is valid.
                    ..unsafe { mem::zeroed() }
                },
            },
            // SAFETY: not sound if run, as in `lock_subscription_as_written` (a zeroed
            // `eventtype`), which is why this function is only compiled.
            ..unsafe { mem::zeroed() }
        }
    }

    fn clock_subscription(timeout_ns: u128) -> abi::subscription {
        let timeout = abi::timestamp::try_from(timeout_ns).unwrap_or(abi::timestamp::MAX);
        abi::subscription {
            userdata: 0,
            unused: 0,
            r#type: abi::eventtype::CLOCK,
            union: abi::subscription_union {
                clock: abi::subscription_clock {
                    identifier: 0,
                    clock_id: abi::clockid::MONOTONIC,
                    _pad0: [0; 4],
                    timeout,
                    precision: 0,
                    // SAFETY: every bit pattern is a valid `subclockflags` (the method is
                    // unsafe only for the bitflags crate's sake); 0 is no flags.
                    flags: unsafe { abi::subclockflags::from_bits_unchecked(0) },
                },
            },
        }
    }

    /// Waits for the lock or a timeout; returns the types of the events that fired.
    pub fn lock_or_timeout(
        lock: &AtomicU32,
        timeout_ns: u128,
    ) -> Result<Vec<abi::eventtype>, abi::errno> {
        let subscriptions = [lock_subscription(lock), clock_subscription(timeout_ns)];
        let mut events: [MaybeUninit<abi::event>; 2] = [MaybeUninit::uninit(); 2];
        let mut nevents = 0;
        // SAFETY: `subscriptions` and `events` both hold `subscriptions.len()` elements
        // and live until the call returns; poll reads the former, writes at most that many
        // events into the latter and the count into `nevents`. The lock subscription
        // points at `lock`, a live atomic the call may change as a lock.
        let error = unsafe {
            abi::poll(
                subscriptions.as_ptr(),
                events.as_mut_ptr() as *mut abi::event,
                subscriptions.len(),
                &mut nevents,
            )
        };
        if error != abi::errno::SUCCESS {
            return Err(error);
        }
        let mut fired = Vec::new();
        for event in &events[..nevents] {
            // SAFETY: poll wrote the first `nevents` events, and only those are read.
            let event = unsafe { event.assume_init() };
            assert_eq!(event.error, abi::errno::SUCCESS);
            fired.push(event.r#type);
        }
        Ok(fired)
    }

    pub fn unlock(lock: &AtomicU32) -> abi::errno {
        // SAFETY: `lock` is a live, 4-byte aligned atomic, which is what `abi::lock` is;
        // lock_unlock changes it only atomically, so the shared borrow stays sound.
        unsafe {
            abi::lock_unlock(
                lock as *const AtomicU32 as *mut abi::lock,
                abi::scope::PRIVATE,
            )
        }
    }

    pub fn notify_one(condvar: &AtomicU32) -> abi::errno {
        // SAFETY: as in `unlock`: `condvar` is a live atomic of `abi::condvar`'s size and
        // alignment, which the call changes only atomically.
        unsafe {
            abi::condvar_signal(
                condvar as *const AtomicU32 as *mut abi::condvar,
                abi::scope::PRIVATE,
                1,
            )
        }
    }
}

pub mod std_like {
    //! Rust std's old CloudABI module: `clock_time_get` into a `MaybeUninit`, timestamps as
    //! `u64` arithmetic, `nthreads::MAX`, `thread_yield`, and errno values cast to `i32` to
    //! classify OS errors.

    use cloudabi as abi;
    use core::mem::MaybeUninit;
    use std::io::ErrorKind;

    pub const NSEC_PER_SEC: abi::timestamp = 1_000_000_000;
    pub const MAX_WAITERS: abi::nthreads = abi::nthreads::MAX;

    pub fn now(clock: abi::clockid) -> Result<abi::timestamp, abi::errno> {
        let mut t = MaybeUninit::<abi::timestamp>::uninit();
        // SAFETY: `t` is a live local of the type clock_time_get writes through the pointer.
        let error = unsafe { abi::clock_time_get(clock, 0, t.as_mut_ptr()) };
        if error == abi::errno::SUCCESS {
            // SAFETY: on success the call has written the time into `t`.
            Ok(unsafe { t.assume_init() })
        } else {
            Err(error)
        }
    }

    pub fn seconds(t: abi::timestamp) -> u64 {
        t / NSEC_PER_SEC
    }

    pub fn yield_now() {
        // SAFETY: thread_yield takes no pointers and only gives up the CPU.
        let error = unsafe { abi::thread_yield() };
        assert_eq!(error, abi::errno::SUCCESS, "thread_yield failed");
    }

    pub fn kind(code: i32) -> ErrorKind {
        match code {
            x if x == abi::errno::ACCES as i32 => ErrorKind::PermissionDenied,
            x if x == abi::errno::PERM as i32 => ErrorKind::PermissionDenied,
            x if x == abi::errno::ADDRINUSE as i32 => ErrorKind::AddrInUse,
            x if x == abi::errno::ADDRNOTAVAIL as i32 => ErrorKind::AddrNotAvailable,
            x if x == abi::errno::AGAIN as i32 => ErrorKind::WouldBlock,
            x if x == abi::errno::CONNABORTED as i32 => ErrorKind::ConnectionAborted,
            x if x == abi::errno::CONNREFUSED as i32 => ErrorKind::ConnectionRefused,
            x if x == abi::errno::CONNRESET as i32 => ErrorKind::ConnectionReset,
            x if x == abi::errno::EXIST as i32 => ErrorKind::AlreadyExists,
            x if x == abi::errno::INTR as i32 => ErrorKind::Interrupted,
            x if x == abi::errno::INVAL as i32 => ErrorKind::InvalidInput,
            x if x == abi::errno::NOENT as i32 => ErrorKind::NotFound,
            x if x == abi::errno::NOTCONN as i32 => ErrorKind::NotConnected,
            x if x == abi::errno::PIPE as i32 => ErrorKind::BrokenPipe,
            x if x == abi::errno::TIMEDOUT as i32 => ErrorKind::TimedOut,
            x if x == abi::errno::BADF as i32 => ErrorKind::Other,
            _ => ErrorKind::Other,
        }
    }
}
