//! Clocks, `poll`, randomness and yielding.

use std::mem::MaybeUninit;

use cloudabi::{
    clockid, errno, event, event_fd_readwrite, event_union, eventrwflags, eventtype, fd as Fd,
    filetype, rights, subclockflags, subscription, timestamp,
};
use rustix::event::{PollFd, PollFlags};
use rustix::time::{ClockId, Timespec};

use super::Host;

const NANOS: i128 = 1_000_000_000;

fn host_clock(c: clockid) -> Result<ClockId, errno> {
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

fn now(c: ClockId) -> i128 {
    to_nanos(rustix::time::clock_gettime(c))
}

impl Host {
    pub(super) fn do_clock_res_get(&mut self, c: clockid) -> Result<timestamp, errno> {
        Ok(to_nanos(rustix::time::clock_getres(host_clock(c)?)).max(1) as timestamp)
    }

    pub(super) fn do_clock_time_get(&mut self, c: clockid) -> Result<timestamp, errno> {
        Ok(now(host_clock(c)?).clamp(0, u64::MAX as i128) as timestamp)
    }

    pub(super) fn do_poll(
        &mut self,
        subs: &[subscription],
        out: &mut [MaybeUninit<event>],
    ) -> Result<usize, errno> {
        if subs.is_empty() {
            return Err(errno::INVAL);
        }
        let waits = self.prepare(subs);
        loop {
            let ready = self.wait_once(subs, &waits)?;
            if !ready.is_empty() {
                for (slot, ev) in out.iter_mut().zip(&ready) {
                    slot.write(*ev);
                }
                return Ok(ready.len());
            }
        }
    }

    /// What each subscription waits for, with errors decided up front.
    fn prepare(&self, subs: &[subscription]) -> Vec<Wait> {
        subs.iter()
            .map(|s| match s.r#type {
                eventtype::CLOCK => {
                    // SAFETY: the tag says which arm is active; the generated
                    // validation checked that arm's enum fields.
                    let c = unsafe { s.union.clock };
                    match host_clock(c.clock_id) {
                        Ok(clock) => {
                            let relative = !c.flags.contains(subclockflags::ABSTIME);
                            let base = if relative { now(clock) } else { 0 };
                            Wait::Clock {
                                clock,
                                deadline: base + i128::from(c.timeout),
                            }
                        }
                        Err(e) => Wait::Failed(e),
                    }
                }
                eventtype::FD_READ | eventtype::FD_WRITE => {
                    // SAFETY: as above.
                    let f = unsafe { s.union.fd_readwrite }.fd;
                    match self.fds.with(f, rights::POLL_FD_READWRITE) {
                        Ok(e) if e.filetype == filetype::REGULAR_FILE => Wait::File(f),
                        Ok(_) => Wait::Fd(f),
                        Err(e) => Wait::Failed(e),
                    }
                }
                // Locks, condition variables and process descriptors need
                // threads and processes this emulator does not have yet.
                _ => Wait::Failed(errno::NOSYS),
            })
            .collect()
    }

    /// One round of waiting: the events that are ready afterwards.
    fn wait_once(&self, subs: &[subscription], waits: &[Wait]) -> Result<Vec<event>, errno> {
        let immediate = waits
            .iter()
            .any(|w| matches!(w, Wait::Failed(_) | Wait::File(_)));
        let mut timeout: Option<i128> = immediate.then_some(0);
        for w in waits {
            if let Wait::Clock { clock, deadline } = w {
                let left = (deadline - now(*clock)).max(0);
                timeout = Some(timeout.map_or(left, |t| t.min(left)));
            }
        }
        let mut pollfds = Vec::new();
        for (s, w) in subs.iter().zip(waits) {
            if let Wait::Fd(f) = w {
                let flags = if s.r#type == eventtype::FD_READ {
                    PollFlags::IN
                } else {
                    PollFlags::OUT
                };
                pollfds.push(PollFd::from_borrowed_fd(self.fds.get(*f)?.fd(), flags));
            }
        }
        let ts = timeout.map(|t| Timespec {
            tv_sec: (t / NANOS) as i64,
            tv_nsec: (t % NANOS) as _,
        });
        match rustix::event::poll(&mut pollfds, ts.as_ref()) {
            Ok(_) | Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(super::errors::from_host(e)),
        }
        let mut ready = Vec::new();
        let mut next_fd = pollfds.iter();
        for (s, w) in subs.iter().zip(waits) {
            let ev = match w {
                Wait::Failed(e) => Some(fd_event(s, *e, 0, false)),
                Wait::File(f) => Some(fd_event(s, errno::SUCCESS, self.file_left(*f), false)),
                Wait::Clock { clock, deadline } => {
                    (now(*clock) >= *deadline).then(|| fd_event(s, errno::SUCCESS, 0, false))
                }
                Wait::Fd(f) => {
                    let revents = next_fd.next().map_or(PollFlags::empty(), PollFd::revents);
                    (!revents.is_empty()).then(|| {
                        let hangup = revents.intersects(PollFlags::HUP | PollFlags::ERR);
                        let nbytes = self.readable(*f, s.r#type);
                        fd_event(s, errno::SUCCESS, nbytes, hangup)
                    })
                }
            };
            ready.extend(ev);
        }
        Ok(ready)
    }

    /// Bytes left to read in a regular file.
    fn file_left(&self, f: Fd) -> u64 {
        let Ok(e) = self.fds.get(f) else { return 0 };
        let size = rustix::fs::fstat(e.fd()).map_or(0, |st| st.st_size as u64);
        let pos = rustix::fs::tell(e.fd()).unwrap_or(0);
        size.saturating_sub(pos)
    }

    fn readable(&self, f: Fd, ty: eventtype) -> u64 {
        if ty != eventtype::FD_READ {
            return 0;
        }
        self.fds
            .get(f)
            .ok()
            .and_then(|e| rustix::io::ioctl_fionread(e.fd()).ok())
            .unwrap_or(0)
    }

    pub(super) fn do_random_get(&mut self, buf: &mut [u8]) -> Result<(), errno> {
        crate::linux::memory::random_fill(buf).map_err(|_| errno::IO)
    }

    pub(super) fn do_thread_yield(&mut self) -> Result<(), errno> {
        rustix::thread::sched_yield();
        Ok(())
    }
}

/// What one subscription waits for.
enum Wait {
    Clock {
        clock: ClockId,
        deadline: i128,
    },
    Fd(Fd),
    /// A regular file: always ready.
    File(Fd),
    /// Reported at once with this error.
    Failed(errno),
}

fn fd_event(s: &subscription, error: errno, nbytes: u64, hangup: bool) -> event {
    let flags = if hangup {
        eventrwflags::HANGUP
    } else {
        eventrwflags::empty()
    };
    event {
        userdata: s.userdata,
        error,
        r#type: s.r#type,
        union: event_union {
            fd_readwrite: event_fd_readwrite {
                nbytes,
                unused: [0; 4],
                flags,
            },
        },
    }
}
