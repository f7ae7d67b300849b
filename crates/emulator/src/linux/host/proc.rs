//! Process calls: exit, raise, exec; and the lock calls, which with a single
//! guest thread never have anyone to wake.

use std::os::fd::{AsFd, AsRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::sync::atomic::{AtomicU32, Ordering};

use cloudabi::{condvar, errno, fd as Fd, lock, rights, signal};

use super::errors::HostResult;
use super::Host;
use crate::linux::exec;

impl Host {
    pub(super) fn do_proc_exit(&mut self, code: u32) -> ! {
        self.exit(code as i32)
    }

    pub(super) fn do_thread_exit(&mut self) -> ! {
        // With one guest thread, its exit ends the process, as the last
        // thread's exit does in POSIX.
        self.exit(0)
    }

    pub(super) fn do_proc_raise(&mut self, sig: signal) -> Result<(), errno> {
        let Some(host) = host_signal(sig) else {
            return Ok(());
        };
        // SAFETY: resetting a signal to its default action and raising it
        // runs no host handler (the default either ignores, stops, or ends
        // the process).
        unsafe {
            libc::signal(host, libc::SIG_DFL);
            libc::raise(host);
        }
        Ok(())
    }

    pub(super) fn do_proc_exec(&mut self, f: Fd, data: &[u8], fds: &[Fd]) -> Result<(), errno> {
        let launcher = self.launcher.clone().ok_or(errno::NOSYS)?;
        let exe = self.fds.with(f, rights::PROC_EXEC)?;
        let bytes = exec::read_all(exe.fd()).host()?;
        crate::elf::parse(&bytes).map_err(|_| errno::NOEXEC)?;
        // Everything the new program gets, as inheritable host fds. Dropped
        // (closed) again if the exec fails.
        let elf = rustix::io::dup(exe.fd()).host()?;
        let argdata = exec::argdata_fd(data).host()?;
        let mut kept: Vec<(OwnedFd, u64, u64)> = Vec::with_capacity(fds.len());
        for f in fds {
            let e = self.fds.get(*f)?;
            kept.push((
                rustix::io::dup(e.fd()).host()?,
                e.base.bits(),
                e.inheriting.bits(),
            ));
        }
        let mut args = vec![exec::CHILD_FLAG.to_string()];
        if self.trace {
            args.push("--trace".into());
        }
        args.push(elf.as_raw_fd().to_string());
        args.push(argdata.as_raw_fd().to_string());
        args.extend(
            kept.iter()
                .map(|(h, b, i)| format!("{}:{b}:{i}", h.as_fd().as_raw_fd())),
        );
        let err = std::process::Command::new(launcher).args(args).exec();
        Err(super::errors::from_host(
            rustix::io::Errno::from_io_error(&err).unwrap_or(rustix::io::Errno::NOEXEC),
        ))
    }

    pub(super) fn do_lock_unlock(&mut self, l: *mut lock) -> Result<(), errno> {
        // SAFETY: checked as writable guest memory; accessed atomically
        // because it is shared with the guest.
        unsafe {
            cloudabi::host::check(self, l, 1, true)?;
            AtomicU32::from_ptr(l.cast::<u32>())
                .store(cloudabi::LOCK_UNLOCKED.0, Ordering::Release);
        }
        Ok(())
    }

    pub(super) fn do_condvar_signal(&mut self, c: *mut condvar) -> Result<(), errno> {
        // SAFETY: as in lock_unlock.
        unsafe {
            cloudabi::host::check(self, c, 1, true)?;
            AtomicU32::from_ptr(c.cast::<u32>())
                .store(cloudabi::CONDVAR_HAS_NO_WAITERS.0, Ordering::Release);
        }
        Ok(())
    }
}

/// The host signal for a CloudABI one; `None` for those whose default action
/// is to do nothing.
fn host_signal(s: signal) -> Option<i32> {
    Some(match s {
        signal::ABRT => libc::SIGABRT,
        signal::ALRM => libc::SIGALRM,
        signal::BUS => libc::SIGBUS,
        signal::FPE => libc::SIGFPE,
        signal::HUP => libc::SIGHUP,
        signal::ILL => libc::SIGILL,
        signal::INT => libc::SIGINT,
        signal::KILL => libc::SIGKILL,
        signal::PIPE => libc::SIGPIPE,
        signal::QUIT => libc::SIGQUIT,
        signal::SEGV => libc::SIGSEGV,
        signal::STOP => libc::SIGSTOP,
        signal::SYS => libc::SIGSYS,
        signal::TERM => libc::SIGTERM,
        signal::TRAP => libc::SIGTRAP,
        signal::TSTP => libc::SIGTSTP,
        signal::TTIN => libc::SIGTTIN,
        signal::TTOU => libc::SIGTTOU,
        signal::USR1 => libc::SIGUSR1,
        signal::USR2 => libc::SIGUSR2,
        signal::VTALRM => libc::SIGVTALRM,
        signal::XCPU => libc::SIGXCPU,
        signal::XFSZ => libc::SIGXFSZ,
        _ => return None,
    })
}
