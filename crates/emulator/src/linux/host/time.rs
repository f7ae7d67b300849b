//! Clocks, randomness and yielding.

use cloudabi::{clockid, errno, timestamp};
use rustix::time::{ClockId, Timespec};

use super::Host;

pub(super) const NANOS: i128 = 1_000_000_000;

pub(super) fn host_clock(c: clockid) -> Result<ClockId, errno> {
    Ok(match c {
        clockid::MONOTONIC => ClockId::Monotonic,
        clockid::REALTIME => ClockId::Realtime,
        clockid::PROCESS_CPUTIME_ID => ClockId::ProcessCPUTime,
        clockid::THREAD_CPUTIME_ID => ClockId::ThreadCPUTime,
        _ => return Err(errno::INVAL),
    })
}

fn to_nanos(t: Timespec) -> i128 {
    i128::from(t.tv_sec) * NANOS + i128::from(t.tv_nsec)
}

pub(super) fn now(c: ClockId) -> i128 {
    to_nanos(rustix::time::clock_gettime(c))
}

impl Host {
    pub(super) fn do_clock_res_get(&mut self, c: clockid) -> Result<timestamp, errno> {
        Ok(to_nanos(rustix::time::clock_getres(host_clock(c)?)).max(1) as timestamp)
    }

    pub(super) fn do_clock_time_get(&mut self, c: clockid) -> Result<timestamp, errno> {
        Ok(now(host_clock(c)?).clamp(0, u64::MAX as i128) as timestamp)
    }

    /// A buffer the host cannot write (another guest thread unmapped it
    /// since it was checked) is EFAULT, as the reference's `copyout` of the
    /// random bytes answers; other failures are EIO.
    pub(super) fn do_random_get(&mut self, buf: &mut [u8]) -> Result<(), errno> {
        use super::errors::HostResult;
        crate::linux::memory::random_fill(buf).host()
    }

    pub(super) fn do_thread_yield(&mut self) -> Result<(), errno> {
        rustix::thread::sched_yield();
        Ok(())
    }
}
