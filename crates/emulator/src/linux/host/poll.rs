//! `poll`: clocks, fds and process descriptors, any number at once; or one
//! lock or condition variable, optionally followed by a clock as its
//! timeout. As in cloudabi64_sys_poll, a lock or condition variable in any
//! other set of subscriptions is ignored (it goes to kqueue without a
//! filter, and kern_kevent_generic skips it).

use std::mem::MaybeUninit;
use std::os::fd::AsRawFd;

use cloudabi::{
    errno, event, event_fd_readwrite, event_union, eventrwflags, eventtype, filetype, rights,
    scope, subclockflags, subscription, subscription_clock,
};
use rustix::event::{PollFd, PollFlags};
use rustix::time::{ClockId, Timespec};

use super::child::Ended;
use super::futex::Deadline;
use super::time::{host_clock, now, NANOS};
use super::{Entry, Host};

/// What one subscription waits for.
enum Wait {
    Clock {
        clock: ClockId,
        deadline: i128,
    },
    Fd(Entry),
    /// A regular file: always ready.
    File(Entry),
    Process(Entry),
    /// Reported at once with this error.
    Failed(errno),
    /// Never reported.
    Ignored,
}

/// An event to report.
enum Ready {
    Event(event),
    /// A child ended. (Kept apart because its `signal` field may be 0, which
    /// the generated `signal` enum cannot hold.)
    Ended {
        userdata: u64,
        ended: Ended,
    },
}

fn is_lock_wait(t: eventtype) -> bool {
    matches!(
        t,
        eventtype::CONDVAR | eventtype::LOCK_RDLOCK | eventtype::LOCK_WRLOCK
    )
}

/// The lock or condition variable wait `subs` asks for and its timeout
/// clock, when the subscriptions have the shapes cloudabi64_sys_poll serves
/// itself: the wait alone, or the wait and then a clock.
fn lock_wait_alone(subs: &[subscription]) -> Option<(&subscription, Option<&subscription>)> {
    match subs {
        [wait] if is_lock_wait(wait.r#type) => Some((wait, None)),
        [wait, clock] if is_lock_wait(wait.r#type) && clock.r#type == eventtype::CLOCK => {
            Some((wait, Some(clock)))
        }
        _ => None,
    }
}

/// When a clock subscription fires, as a deadline on its clock.
fn deadline(c: &subscription_clock) -> Result<Deadline, errno> {
    let clock = host_clock(c.clock_id)?;
    let base = if c.flags.contains(subclockflags::ABSTIME) {
        0
    } else {
        now(clock)
    };
    Ok(Deadline {
        clock,
        at: base + i128::from(c.timeout),
    })
}

impl Host {
    pub(super) fn do_poll(
        &mut self,
        subs: &[subscription],
        out: &mut [MaybeUninit<event>],
    ) -> Result<usize, errno> {
        // kqueue with nothing to wait for returns at once
        // (cloudabi64_sys_poll → kern_kevent_anonymous).
        if subs.is_empty() {
            return Ok(0);
        }
        if let Some((lock, timeout)) = lock_wait_alone(subs) {
            let ev = self.poll_lock(lock, timeout);
            out[0].write(ev);
            return Ok(1);
        }
        // As many subscriptions as the guest passes: allocated fallibly, so
        // that a guest that exhausted memory gets ENOMEM, not an abort.
        let mut waits: Vec<Wait> = Vec::new();
        waits
            .try_reserve_exact(subs.len())
            .map_err(|_| errno::NOMEM)?;
        waits.extend(subs.iter().map(|s| self.prepare(s)));
        loop {
            let ready = wait_once(subs, &waits)?;
            if !ready.is_empty() {
                for (slot, r) in out.iter_mut().zip(&ready) {
                    write_ready(slot, r);
                }
                return Ok(ready.len());
            }
        }
    }

    /// What a subscription waits for, with errors decided up front.
    fn prepare(&self, s: &subscription) -> Wait {
        let fd_wait = |f, needed| match self.entry(f, needed) {
            Ok(e) => Ok(Entry::clone(&e)),
            Err(e) => Err(e),
        };
        let wait = match s.r#type {
            eventtype::CLOCK => {
                // SAFETY: the tag says which arm is active; the generated
                // validation checked that arm's enum fields.
                let c = unsafe { s.union.clock };
                deadline(&c).map(|d| Wait::Clock {
                    clock: d.clock,
                    deadline: d.at,
                })
            }
            eventtype::FD_READ | eventtype::FD_WRITE => {
                // SAFETY: as above.
                let f = unsafe { s.union.fd_readwrite }.fd;
                fd_wait(f, rights::POLL_FD_READWRITE).map(|e| {
                    if e.filetype == filetype::REGULAR_FILE {
                        Wait::File(e)
                    } else {
                        Wait::Fd(e)
                    }
                })
            }
            eventtype::PROC_TERMINATE => {
                // SAFETY: as above.
                let f = unsafe { s.union.proc_terminate }.fd;
                fd_wait(f, rights::POLL_PROC_TERMINATE).and_then(|e| {
                    if e.child().is_some() {
                        Ok(Wait::Process(e))
                    } else {
                        Err(errno::INVAL)
                    }
                })
            }
            // Not served by kqueue (see the module docs).
            _ => Ok(Wait::Ignored),
        };
        wait.unwrap_or_else(Wait::Failed)
    }

    /// `poll` on the lock or condition variable of `first`, with an
    /// optional clock as the timeout: the one event that ended the wait.
    fn poll_lock(&mut self, first: &subscription, timeout: Option<&subscription>) -> event {
        let deadline = match timeout {
            // SAFETY: the tag says the clock arm is active.
            Some(c) => match deadline(&unsafe { c.union.clock }) {
                Ok(d) => Some(d),
                Err(e) => return simple_event(c, e),
            },
            None => None,
        };
        match self.lock_wait(first, deadline) {
            Ok(true) => simple_event(first, errno::SUCCESS),
            Ok(false) => simple_event(timeout.unwrap_or(first), errno::SUCCESS),
            Err(e) => simple_event(first, e),
        }
    }

    /// Waits for the lock or condition variable of `s`: whether it fired
    /// (false: the deadline passed first).
    fn lock_wait(&mut self, s: &subscription, deadline: Option<Deadline>) -> Result<bool, errno> {
        if s.r#type == eventtype::CONDVAR {
            // SAFETY: the tag says which arm is active.
            let c = unsafe { s.union.condvar };
            // SAFETY: only checks; the words are then used atomically.
            unsafe {
                cloudabi::host::check(self, c.condvar, 1, true)?;
                cloudabi::host::check(self, c.lock, 1, true)?;
            }
            let (cv, lock) = (c.condvar as usize, c.lock as usize);
            // SAFETY: both words were checked above.
            unsafe {
                if shared(c.condvar_scope)? || shared(c.lock_scope)? {
                    super::futex_shared::condvar_wait(cv, lock, self.tid, deadline)
                } else {
                    self.process
                        .futex
                        .condvar_wait(cv, lock, self.tid, deadline)
                }
            }
        } else {
            // SAFETY: the tag says which arm is active.
            let l = unsafe { s.union.lock };
            let write = s.r#type == eventtype::LOCK_WRLOCK;
            // SAFETY: as above.
            unsafe {
                cloudabi::host::check(self, l.lock, 1, true)?;
                let addr = l.lock as usize;
                if shared(l.lock_scope)? {
                    super::futex_shared::lock(addr, self.tid, write, deadline)
                } else {
                    self.process.futex.lock(addr, self.tid, write, deadline)
                }
            }
        }
    }
}

/// One round of waiting: the events that are ready afterwards.
fn wait_once(subs: &[subscription], waits: &[Wait]) -> Result<Vec<Ready>, errno> {
    let immediate = waits.iter().any(|w| match w {
        Wait::Failed(_) | Wait::File(_) => true,
        Wait::Process(e) => ended(e).is_some(),
        _ => false,
    });
    let mut timeout: Option<i128> = immediate.then_some(0);
    for w in waits {
        if let Wait::Clock { clock, deadline } = w {
            let left = (deadline - now(*clock)).max(0);
            timeout = Some(timeout.map_or(left, |t| t.min(left)));
        }
    }
    let mut pollfds = Vec::new();
    pollfds
        .try_reserve_exact(waits.len())
        .map_err(|_| errno::NOMEM)?;
    for (s, w) in subs.iter().zip(waits) {
        match w {
            Wait::Fd(e) => {
                let flags = if s.r#type == eventtype::FD_READ {
                    PollFlags::IN
                } else {
                    PollFlags::OUT
                };
                pollfds.push(PollFd::from_borrowed_fd(e.fd(), flags));
            }
            Wait::Process(e) => pollfds.push(PollFd::from_borrowed_fd(e.fd(), PollFlags::IN)),
            _ => {}
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
    ready
        .try_reserve_exact(waits.len())
        .map_err(|_| errno::NOMEM)?;
    let mut next_fd = pollfds.iter();
    for (s, w) in subs.iter().zip(waits) {
        let ev = match w {
            Wait::Failed(e) => Some(Ready::Event(fd_event(s, *e, 0, false))),
            Wait::File(e) => Some(Ready::Event(fd_event(
                s,
                errno::SUCCESS,
                file_left(e),
                false,
            ))),
            Wait::Clock { clock, deadline } => (now(*clock) >= *deadline)
                .then(|| Ready::Event(fd_event(s, errno::SUCCESS, 0, false))),
            Wait::Fd(e) => {
                let revents = next_fd.next().map_or(PollFlags::empty(), PollFd::revents);
                (!revents.is_empty()).then(|| {
                    let hangup = revents.intersects(PollFlags::HUP | PollFlags::ERR);
                    let nbytes = readable(e, s.r#type);
                    Ready::Event(fd_event(s, errno::SUCCESS, nbytes, hangup))
                })
            }
            Wait::Process(e) => {
                let revents = next_fd.next().map_or(PollFlags::empty(), PollFd::revents);
                match ended(e) {
                    Some(ended) => Some(Ready::Ended {
                        userdata: s.userdata,
                        ended,
                    }),
                    // Readable but not ours to wait for (a descriptor a
                    // forked child inherited): no status to report.
                    None if !revents.is_empty() => {
                        Some(Ready::Event(simple_event(s, errno::CHILD)))
                    }
                    None => None,
                }
            }
            Wait::Ignored => None,
        };
        ready.extend(ev);
    }
    Ok(ready)
}

fn ended(e: &Entry) -> Option<Ended> {
    e.child().and_then(|c| c.ended(e.fd()))
}

/// Bytes left to read in a regular file.
fn file_left(e: &Entry) -> u64 {
    let size = rustix::fs::fstat(e.fd()).map_or(0, |st| st.st_size as u64);
    let pos = rustix::fs::tell(e.fd()).unwrap_or(0);
    size.saturating_sub(pos)
}

/// `nbytes` as kqueue reports it: bytes to read for EVFILT_READ, room in
/// the send buffer for EVFILT_WRITE on a socket.
fn readable(e: &Entry, ty: eventtype) -> u64 {
    if ty == eventtype::FD_READ {
        return rustix::io::ioctl_fionread(e.fd()).unwrap_or(0);
    }
    let Ok(size) = rustix::net::sockopt::socket_send_buffer_size(e.fd()) else {
        return 0;
    };
    let mut queued: libc::c_int = 0;
    // SAFETY: TIOCOUTQ (SIOCOUTQ on a socket) writes one int to `queued`.
    let r = unsafe { libc::ioctl(e.fd().as_raw_fd(), libc::TIOCOUTQ, &mut queued) };
    let queued = if r == 0 { queued.max(0) as usize } else { 0 };
    size.saturating_sub(queued) as u64
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

/// An event with nothing but its type and error.
fn simple_event(s: &subscription, error: errno) -> event {
    fd_event(s, error, 0, false)
}

fn write_ready(slot: &mut MaybeUninit<event>, r: &Ready) {
    match r {
        Ready::Event(ev) => {
            slot.write(*ev);
        }
        Ready::Ended { userdata, ended } => {
            let p = slot.as_mut_ptr();
            // SAFETY: `p` points at the guest's event buffer (checked as
            // writable by the entry point); every field is written through
            // raw pointers, the signal as its byte, and the bytes are never
            // read back as an `event` here.
            unsafe {
                p.write_bytes(0, 1);
                core::ptr::addr_of_mut!((*p).userdata).write(*userdata);
                core::ptr::addr_of_mut!((*p).error).write(errno::SUCCESS);
                core::ptr::addr_of_mut!((*p).r#type).write(eventtype::PROC_TERMINATE);
                let t = core::ptr::addr_of_mut!((*p).union.proc_terminate);
                core::ptr::addr_of_mut!((*t).signal)
                    .cast::<u8>()
                    .write(ended.signal);
                core::ptr::addr_of_mut!((*t).exitcode).write(ended.exitcode);
            }
        }
    }
}

/// Whether a lock or condition variable is process-shared; an unknown scope
/// is EINVAL (the reference's futex_address_create).
pub(super) fn shared(s: scope) -> Result<bool, errno> {
    match s {
        scope::PRIVATE => Ok(false),
        scope::SHARED => Ok(true),
        _ => Err(errno::INVAL),
    }
}
