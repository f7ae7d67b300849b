//! Clocks and sleeping.
//!
//! [`Instant`] reads the monotonic clock, [`SystemTime`] the real-time clock
//! (nanoseconds since 1970-01-01T00:00:00Z); [`sleep`] and [`sleep_until`]
//! wait with `poll` on a clock subscription, the ABI's only way to sleep.

use core::fmt;
use core::ops::{Add, Sub};
pub use core::time::Duration;

use cloudabi::clockid;

use crate::error::{check, Errno};
use crate::sys;

fn now(clock: clockid) -> u64 {
    let mut t = 0;
    // SAFETY: `t` is a local. The monotonic and real-time clocks exist on
    // every CloudABI system, so the call only fails on a broken one.
    let e = unsafe { cloudabi::clock_time_get(clock, 1, &mut t) };
    if let Err(e) = check(e) {
        panic!("reading the clock failed: {e}");
    }
    t
}

/// The resolution of `clock`.
pub fn resolution(clock: clockid) -> Result<Duration, Errno> {
    let mut r = 0;
    // SAFETY: `r` is a local.
    check(unsafe { cloudabi::clock_res_get(clock, &mut r) })?;
    Ok(Duration::from_nanos(r))
}

/// A reading of the monotonic clock, for measuring time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(u64);

impl Instant {
    /// Now.
    pub fn now() -> Instant {
        Instant(now(clockid::MONOTONIC))
    }

    /// Time passed since `self`.
    pub fn elapsed(&self) -> Duration {
        Instant::now().saturating_duration_since(*self)
    }

    /// Time from `earlier` to `self`; zero if `earlier` is later.
    pub fn saturating_duration_since(&self, earlier: Instant) -> Duration {
        Duration::from_nanos(self.0.saturating_sub(earlier.0))
    }

    /// `self + d`, if it fits.
    pub fn checked_add(&self, d: Duration) -> Option<Instant> {
        let d = u64::try_from(d.as_nanos()).ok()?;
        self.0.checked_add(d).map(Instant)
    }

    /// The clock's reading in nanoseconds.
    pub fn as_nanos(&self) -> u64 {
        self.0
    }
}

impl Add<Duration> for Instant {
    type Output = Instant;
    fn add(self, d: Duration) -> Instant {
        self.checked_add(d).expect("instant overflow")
    }
}

impl Sub for Instant {
    type Output = Duration;
    fn sub(self, earlier: Instant) -> Duration {
        self.saturating_duration_since(earlier)
    }
}

/// A reading of the real-time clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SystemTime(u64);

impl SystemTime {
    /// 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: SystemTime = SystemTime(0);

    /// Now.
    pub fn now() -> SystemTime {
        SystemTime(now(clockid::REALTIME))
    }

    /// Time since 1970-01-01T00:00:00Z.
    pub fn since_epoch(&self) -> Duration {
        Duration::from_nanos(self.0)
    }

    /// As an Argdata timestamp.
    pub fn to_timestamp(&self) -> argdata::Timestamp {
        // u64 nanoseconds always fit an i128 and an i64 of seconds.
        argdata::Timestamp::from_nanos(i128::from(self.0)).expect("u64 nanoseconds fit")
    }
}

impl fmt::Display for SystemTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.to_timestamp().fmt(f)
    }
}

/// Sleeps for at least `d`.
pub fn sleep(d: Duration) {
    let nanos = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
    wait(sys::clock(0, clockid::MONOTONIC, nanos, false));
}

/// Sleeps until the monotonic clock reaches `deadline`.
pub fn sleep_until(deadline: Instant) {
    wait(sys::clock(0, clockid::MONOTONIC, deadline.0, true));
}

fn wait(sub: cloudabi::subscription) {
    let result = sys::poll(&[sub])
        .and_then(|(events, n)| events[..n].iter().try_for_each(sys::Event::result));
    if let Err(e) = result {
        panic!("sleeping failed: {e}");
    }
}
