//! Process descriptors: the parent's handle on a child made by `proc_fork`.
//! The host fd is a pidfd; `poll` waits for it to become readable, then the
//! exit status is collected once and remembered. Closing the last guest fd
//! of a child that is still running kills it (the spec's SIGKILL on close)
//! and reaps it.

use std::os::fd::BorrowedFd;
use std::sync::Mutex;

use rustix::process::{WaitId, WaitIdOptions, WaitIdStatus};

/// How a child ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ended {
    /// The CloudABI signal number that ended it, 0 if it exited.
    pub(crate) signal: u8,
    /// Its exit code, when it exited.
    pub(crate) exitcode: u32,
}

impl Ended {
    fn from_status(st: &WaitIdStatus) -> Ended {
        if let Some(code) = st.exit_status() {
            return Ended {
                signal: 0,
                exitcode: code as u32,
            };
        }
        let host = st.terminating_signal().unwrap_or(libc::SIGKILL);
        Ended {
            signal: super::signals::from_host(host)
                .map_or(cloudabi::signal::KILL as u8, |s| s as u8),
            exitcode: 0,
        }
    }
}

/// A child process of this emulator.
#[derive(Debug)]
pub(crate) struct Child {
    /// The host process that forked it: only that one may wait for it, and
    /// only there does closing the descriptor kill it (a forked grandchild
    /// inherits the table but not the child).
    parent: u32,
    ended: Mutex<Option<Ended>>,
}

impl Child {
    pub(crate) fn new() -> Child {
        Child::adopted(None)
    }

    /// A child this process took over through `proc_exec` (the process ID
    /// stays, so it is still this process's child), and how it ended if
    /// that was already collected.
    pub(crate) fn adopted(ended: Option<Ended>) -> Child {
        Child {
            parent: std::process::id(),
            ended: Mutex::new(ended),
        }
    }

    fn ours(&self) -> bool {
        self.parent == std::process::id()
    }

    /// How the child ended, if it has (`pidfd` is its descriptor); never
    /// waits.
    pub(crate) fn ended(&self, pidfd: BorrowedFd<'_>) -> Option<Ended> {
        let mut ended = self.ended.lock().unwrap_or_else(|e| e.into_inner());
        if ended.is_none() && self.ours() {
            let options = WaitIdOptions::EXITED | WaitIdOptions::NOHANG;
            if let Ok(Some(st)) = rustix::process::waitid(WaitId::PidFd(pidfd), options) {
                *ended = Some(Ended::from_status(&st));
            }
        }
        *ended
    }

    /// Kills the child unless it has ended, and reaps it.
    pub(crate) fn kill(&self, pidfd: BorrowedFd<'_>) {
        if !self.ours() || self.ended(pidfd).is_some() {
            return;
        }
        let _ = rustix::process::pidfd_send_signal(pidfd, rustix::process::Signal::KILL);
        let _ = rustix::process::waitid(WaitId::PidFd(pidfd), WaitIdOptions::EXITED);
    }
}

impl Default for Child {
    fn default() -> Child {
        Child::new()
    }
}
