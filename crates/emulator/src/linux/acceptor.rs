//! `!socket {bind: ADDRESS, accept: pass}`: the launcher accepts a server's
//! connections for it and passes each one in as a descriptor.
//!
//! CloudABI has no `accept` (nor `bind` or `connect`): a server is handed
//! connected sockets by something outside it, each as a descriptor in a
//! message on a socket it holds. For a grant with `accept: pass` the
//! launcher is that something. It binds and listens at ADDRESS, makes a
//! socket pair, and gives the program one end (a plain stream socket, what
//! `cloudabi-rt`'s `net::Listener` reads); the listening socket and the
//! other end go to an **acceptor process** forked before the program is
//! loaded. The acceptor accepts a connection, sends it over its end in a
//! message of one byte (`c`) carrying the descriptor, closes its own copy,
//! and waits for the next.
//!
//! - **Nothing but connections reach the program.** The listening socket is
//!   never in the program's process, not even as a host fd that a guest
//!   which took the emulator over could use: the acceptor is a separate
//!   process, outside the program's Landlock domain (it cannot be signalled
//!   from there) and confined itself: no file system, no TCP bind or
//!   connect, and a seccomp allow-list of the few calls its loop makes.
//! - **Backpressure.** The acceptor accepts only while its end of the pair
//!   is writable, and that end's send buffer is the smallest Linux allows:
//!   Linux calls a stream socket writable while less than a quarter of its
//!   buffer is queued, which with one-byte messages means at most one
//!   connection the program has not taken yet (measured on Linux 6.18: 768
//!   bytes per message, a 4,608-byte buffer). So at most two connections
//!   wait in the pair and none in the acceptor; the rest wait in the
//!   kernel's listen queue ([`BACKLOG`]) and beyond it in the clients'
//!   own retries, as for any server that does not accept.
//! - **Lifetime.** The acceptor ends when the program's end of the pair is
//!   closed everywhere (its hang-up wakes the poll): when the program
//!   exits, closes its listener, or execs without keeping it. Across
//!   `proc_exec` that keeps the descriptor, and in children of `proc_fork`
//!   that hold it, the pair is an ordinary socket and connections keep
//!   coming (forked workers share them as they would an accept queue). A
//!   program that shuts its end down for reading ends it at the next
//!   connection, which is closed unanswered (the send fails with `EPIPE`).

use std::os::fd::{AsFd, AsRawFd, OwnedFd};

use rustix::event::{PollFd, PollFlags, Timespec};
use rustix::io::Errno;
use rustix::net::{
    AddressFamily, SendAncillaryBuffer, SendAncillaryMessage, SendFlags, SocketFlags, SocketType,
};

use crate::Sandbox;

/// The listen backlog of a socket the launcher accepts on: connections the
/// kernel completes and keeps while the program has not taken the ones
/// passed before.
pub(crate) const BACKLOG: i32 = 128;

/// The data byte of each message that carries a connection.
pub(crate) const MESSAGE: &[u8] = b"c";

/// How long the acceptor waits before trying again when the system is out
/// of descriptors or memory.
const RETRY: Timespec = Timespec {
    tv_sec: 0,
    tv_nsec: 100_000_000,
};

/// A listening socket and the launcher's end of the pair whose other end
/// the program gets; [`Acceptor::spawn`] starts the process that serves it.
#[derive(Debug)]
pub(crate) struct Acceptor {
    listener: OwnedFd,
    channel: OwnedFd,
    /// The grant, for messages: `line L, column C: !socket ADDRESS`.
    what: String,
}

impl Acceptor {
    /// Pairs `listener` (bound and listening) with a new socket pair; the
    /// second value is the program's end.
    pub(crate) fn new(listener: OwnedFd, what: String) -> std::io::Result<(Acceptor, OwnedFd)> {
        let (channel, program) = rustix::net::socketpair(
            AddressFamily::UNIX,
            SocketType::STREAM,
            SocketFlags::CLOEXEC,
            None,
        )?;
        // Numbered 3 or above, like every fd the launcher keeps: the
        // acceptor points 0 and 1 at /dev/null.
        let channel = super::resources::dup(channel.as_fd())?;
        let acceptor = Acceptor {
            listener,
            channel,
            what,
        };
        Ok((acceptor, program))
    }

    /// Forks the acceptor process; this process keeps neither socket. Call
    /// it while the launcher is single-threaded (before the observer and
    /// the program start): the child runs ordinary Rust code.
    pub(crate) fn spawn(self, sandbox: Sandbox) -> Result<(), String> {
        // SAFETY: the process is single-threaded here (see above), so the
        // child is a complete copy; it never returns from `child_main`.
        match unsafe { libc::fork() } {
            -1 => Err(format!(
                "{}: cannot start the acceptor: {}",
                self.what,
                std::io::Error::last_os_error()
            )),
            0 => self.child_main(sandbox),
            _ => Ok(()),
        }
    }

    /// The acceptor process: keeps only its two sockets and stderr,
    /// confines itself, serves, and ends.
    fn child_main(self, sandbox: Sandbox) -> ! {
        super::launch::close_all_but(&[2, self.listener.as_raw_fd(), self.channel.as_raw_fd()]);
        super::launch::detach_stdio();
        let _ = rustix::thread::set_name(c"cloudabi-accept");
        let code = match self.prepare(sandbox).and_then(|()| self.serve()) {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("cloudabi-run: {}: {e}", self.what);
                1
            }
        };
        // SAFETY: ends this process at once; it owns nothing that needs
        // dropping (the sockets close with it).
        unsafe { libc::_exit(code) }
    }

    fn prepare(&self, sandbox: Sandbox) -> Result<(), String> {
        let flags = rustix::fs::fcntl_getfl(&self.listener).map_err(|e| e.to_string())?;
        rustix::fs::fcntl_setfl(&self.listener, flags | rustix::fs::OFlags::NONBLOCK)
            .map_err(|e| e.to_string())?;
        // Linux raises it to its minimum.
        rustix::net::sockopt::set_socket_send_buffer_size(&self.channel, 0)
            .map_err(|e| e.to_string())?;
        if sandbox == Sandbox::On {
            // The program's process reports what this kernel cannot
            // enforce; the same gaps hold here.
            let _ = super::sandbox::landlock::deny_all();
            let _ = super::sandbox::seccomp::restrict_acceptor();
        }
        Ok(())
    }

    /// Accepts and passes connections until the program is gone.
    fn serve(&self) -> Result<(), String> {
        loop {
            if !self.wait(PollFlags::OUT, None)? {
                return Ok(());
            }
            let Some(connection) = self.next_connection()? else {
                return Ok(());
            };
            if !self.pass(&connection)? {
                return Ok(());
            }
            // Our copy closes here; the program's stays open.
        }
    }

    /// Waits for `events` on the channel (none: only for the timeout);
    /// false once the program's end is closed or shut down.
    fn wait(&self, events: PollFlags, timeout: Option<&Timespec>) -> Result<bool, String> {
        loop {
            let mut fds = [PollFd::new(&self.channel, events)];
            match rustix::event::poll(&mut fds, timeout) {
                Err(Errno::INTR) => continue,
                Err(e) => return Err(format!("poll: {e}")),
                Ok(_) => {}
            }
            let got = fds[0].revents();
            if got.intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL) {
                return Ok(false);
            }
            if timeout.is_some() || got.intersects(events) {
                return Ok(true);
            }
        }
    }

    /// The next connection; `None` once the program is gone meanwhile.
    fn next_connection(&self) -> Result<Option<OwnedFd>, String> {
        loop {
            let mut fds = [
                PollFd::new(&self.channel, PollFlags::empty()),
                PollFd::new(&self.listener, PollFlags::IN),
            ];
            match rustix::event::poll(&mut fds, None) {
                Err(Errno::INTR) => continue,
                Err(e) => return Err(format!("poll: {e}")),
                Ok(_) => {}
            }
            if fds[0].revents().intersects(PollFlags::HUP | PollFlags::ERR) {
                return Ok(None);
            }
            if fds[1].revents().is_empty() {
                continue;
            }
            match rustix::net::accept_with(&self.listener, SocketFlags::CLOEXEC) {
                Ok(connection) => return Ok(Some(connection)),
                Err(e) if gone_before_accepted(e) => {}
                Err(Errno::MFILE | Errno::NFILE | Errno::NOBUFS | Errno::NOMEM) => {
                    if !self.wait(PollFlags::empty(), Some(&RETRY))? {
                        return Ok(None);
                    }
                }
                Err(e) => return Err(format!("accepting a connection: {e}")),
            }
        }
    }

    /// Sends `connection` to the program; false if the program is gone.
    fn pass(&self, connection: &OwnedFd) -> Result<bool, String> {
        let fds = [connection.as_fd()];
        loop {
            let mut space = [std::mem::MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(1))];
            let mut control = SendAncillaryBuffer::new(&mut space);
            control.push(SendAncillaryMessage::ScmRights(&fds));
            let sent = rustix::net::sendmsg(
                &self.channel,
                &[std::io::IoSlice::new(MESSAGE)],
                &mut control,
                SendFlags::NOSIGNAL | SendFlags::DONTWAIT,
            );
            match sent {
                Ok(_) => return Ok(true),
                Err(Errno::INTR) => {}
                Err(Errno::PIPE | Errno::CONNRESET) => return Ok(false),
                Err(Errno::AGAIN) => {
                    if !self.wait(PollFlags::OUT, None)? {
                        return Ok(false);
                    }
                }
                // Out of memory, or too many descriptors in flight for
                // this user: the connection waits here.
                Err(Errno::NOBUFS | Errno::NOMEM | Errno::TOOMANYREFS) => {
                    if !self.wait(PollFlags::empty(), Some(&RETRY))? {
                        return Ok(false);
                    }
                }
                Err(e) => return Err(format!("passing a connection to the program: {e}")),
            }
        }
    }
}

/// Errors `accept` reports for a connection that went away before it was
/// accepted, or for network errors already pending on it (accept(2) says
/// to treat the latter like `EAGAIN`): the acceptor goes on to the next.
fn gone_before_accepted(e: Errno) -> bool {
    matches!(
        e,
        Errno::AGAIN
            | Errno::INTR
            | Errno::CONNABORTED
            | Errno::PROTO
            | Errno::PERM
            | Errno::NETDOWN
            | Errno::NOPROTOOPT
            | Errno::HOSTDOWN
            | Errno::NONET
            | Errno::HOSTUNREACH
            | Errno::OPNOTSUPP
            | Errno::NETUNREACH
    )
}
