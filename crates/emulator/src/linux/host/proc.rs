//! Process calls: exit, raise, exec, fork; and the lock calls that wake
//! other threads.

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

use cloudabi::{condvar, errno, fd as Fd, filetype, lock, nthreads, rights, scope, signal};

use super::child::Child;
use super::errors::HostResult;
use super::fdtable::{max_rights, Entry, Object};
use super::Host;
use crate::linux::exec;

/// Checks that `fd` is a regular file the caller may execute; when it is
/// open for execution only (O_PATH, cloudlibc's O_EXEC), the same file
/// opened for reading.
fn executable(fd: BorrowedFd<'_>) -> Result<Option<OwnedFd>, errno> {
    use rustix::fs::{Access, AtFlags, FileType, OFlags};
    let st = rustix::fs::fstat(fd).host()?;
    if FileType::from_raw_mode(st.st_mode) != FileType::RegularFile {
        return Err(errno::ACCES);
    }
    let name = super::path::proc_path(fd);
    rustix::fs::accessat(
        rustix::fs::CWD,
        name.as_str(),
        Access::EXEC_OK,
        AtFlags::empty(),
    )
    .host()?;
    let mode = rustix::fs::fcntl_getfl(fd).host()?;
    if !mode.contains(OFlags::PATH) && (mode & OFlags::RWMODE) != OFlags::WRONLY {
        return Ok(None);
    }
    // Reopened through its /proc name: the very file, now for reading.
    rustix::fs::openat(
        rustix::fs::CWD,
        name.as_str(),
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
        rustix::fs::Mode::empty(),
    )
    .host()
    .map(Some)
}

impl Host {
    pub(super) fn do_proc_exit(&mut self, code: u32) -> ! {
        self.exit(code as i32)
    }

    /// A write to a pipe or stream socket that no one can read any more
    /// (`EPIPE`) raises SIGPIPE in the writer, whose default action ends
    /// the process: FreeBSD's dofilewrite does so for pipes, soo_write for
    /// sockets without SO_NOSIGPIPE, which CloudABI has no way to set, and
    /// a CloudABI process cannot catch or ignore signals. (`sock_send` is
    /// the exception: cloudabi_sys_sock_send sends with MSG_NOSIGNAL.)
    #[cold]
    pub(super) fn broken_pipe(&mut self) {
        let _ = self.do_proc_raise(signal::PIPE);
    }

    pub(super) fn do_proc_raise(&mut self, sig: signal) -> Result<(), errno> {
        let Some(host) = super::signals::to_host(sig) else {
            return Ok(());
        };
        if super::signals::ends_process(sig) {
            // The call will not come back: its trace line and the summary
            // are written now.
            self.observe_end();
        }
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
        let process = self.process.clone();
        let reexec = process.launcher.as_ref().ok_or(errno::NOSYS)?;
        let exe = self.entry(f, rights::PROC_EXEC)?;
        // kern_execve's order: the capability (above), then
        // exec_check_permissions (EACCES for anything but a regular file
        // with execute permission), then the image activators (ENOEXEC).
        let reopened = executable(exe.fd())?;
        let readable = reopened.as_ref().map_or(exe.fd(), |f| f.as_fd());
        let bytes = exec::read_regular_file(readable).map_err(|e| e.errno())?;
        crate::elf::parse(&bytes).map_err(|_| errno::NOEXEC)?;
        // Everything the new program gets, as inheritable host fds. Dropped
        // (closed) again if the exec fails.
        let elf = rustix::io::dup(readable).host()?;
        let argdata = exec::argdata_fd(data).host()?;
        // As many as the guest names, each a fd it has: bounded by its
        // table, but allocated fallibly (the guest may have exhausted memory).
        let mut kept: Vec<(OwnedFd, String)> = Vec::new();
        kept.try_reserve_exact(fds.len())
            .map_err(|_| errno::NOMEM)?;
        for f in fds {
            let e = self.entry(*f, rights::empty())?;
            let ended = e.child().and_then(|c| c.ended(e.fd()));
            let kept_fd = exec::KeptFd {
                filetype: e.filetype,
                base: e.base,
                inheriting: e.inheriting,
                ended,
            };
            let host = rustix::io::dup(e.fd()).host()?;
            let spec = kept_fd.spec(host.as_raw_fd());
            kept.push((host, spec));
        }
        let (observing, _trace_fd) = self.observe_exec()?;
        let mut args = self.process.options.exec_args();
        args.extend(observing);
        args.push(exec::CHILD_FLAG.to_string());
        args.extend(reexec.child_args());
        args.push(elf.as_raw_fd().to_string());
        args.push(argdata.as_raw_fd().to_string());
        args.extend(kept.iter().map(|(_, spec)| spec.clone()));
        let err = reexec.exec(&args);
        Err(super::errors::from_host(
            rustix::io::Errno::from_io_error(&err).unwrap_or(rustix::io::Errno::NOEXEC),
        ))
    }

    pub(super) fn do_lock_unlock(&mut self, l: *mut lock, s: scope) -> Result<(), errno> {
        // SAFETY: the generated entry point checked the lock as writable,
        // aligned guest memory.
        unsafe {
            if super::poll::shared(s)? {
                super::futex_shared::unlock(l as usize, self.tid)
            } else {
                self.process.futex.unlock(l as usize, self.tid)
            }
        }
    }

    pub(super) fn do_condvar_signal(
        &mut self,
        c: *mut condvar,
        s: scope,
        n: nthreads,
    ) -> Result<(), errno> {
        // cloudabi_sys_condvar_signal: waking nobody is done at once.
        if n == 0 {
            return Ok(());
        }
        // SAFETY: as in lock_unlock.
        unsafe {
            if super::poll::shared(s)? {
                super::futex_shared::condvar_signal(c as usize, n);
            } else {
                self.process.futex.condvar_signal(c as usize, n);
            }
        }
        Ok(())
    }

    /// Forks the whole emulator. The child continues in this call with only
    /// the calling thread; the parent gets a process descriptor (a pidfd).
    pub(super) fn do_proc_fork(&mut self) -> Result<(Fd, cloudabi::tid), errno> {
        let child_tid = self.process.threads.new_tid();
        // Every lock another thread could hold is held across the fork, so
        // the child (where that thread does not exist) finds them free.
        let pid = self.process.quiesced(|| {
            // SAFETY: fork in a multi-threaded process: the child only runs
            // this thread, and every lock it may need is held here (glibc's
            // fork takes care of malloc's).
            unsafe { libc::fork() }
        });
        if pid < 0 {
            return Err(super::errors::from_host(
                rustix::io::Errno::from_io_error(&std::io::Error::last_os_error())
                    .unwrap_or(rustix::io::Errno::AGAIN),
            ));
        }
        if pid == 0 {
            // The child's exits end its host process directly: returning
            // through the runner would continue whatever called it (in an
            // in-process run, the caller's program) a second time.
            self.tid = child_tid;
            self.main = false;
            crate::linux::fault::report_faults_as_signals();
            self.process.threads.after_fork();
            self.process.futex.forget_waiters();
            return Ok((cloudabi::PROCESS_CHILD, cloudabi::tid(child_tid)));
        }
        let fd = self.adopt_child(pid)?;
        Ok((fd, cloudabi::tid(0)))
    }

    /// A process descriptor for child `pid`; kills the child if none can be
    /// made.
    fn adopt_child(&mut self, pid: i32) -> Result<Fd, errno> {
        let opened = rustix::process::Pid::from_raw(pid)
            .ok_or(errno::CHILD)
            .and_then(|p| {
                rustix::process::pidfd_open(p, rustix::process::PidfdFlags::empty()).host()
            });
        let pidfd = match opened {
            Ok(fd) => fd,
            Err(e) => {
                // SAFETY: `pid` is our child; killing and reaping it touches
                // nothing else.
                unsafe {
                    libc::kill(pid, libc::SIGKILL);
                    libc::waitpid(pid, core::ptr::null_mut(), 0);
                }
                return Err(e);
            }
        };
        let (base, inheriting) = max_rights(filetype::PROCESS);
        let child = Object {
            host: pidfd,
            child: Some(Child::new()),
        };
        let entry = Entry::of(child, filetype::PROCESS, base, inheriting);
        // Dropping the entry on failure kills the child.
        self.fds_mut(|t| t.insert(entry))
    }
}
