//! The kernel backstop: once set-up is done, the whole `cloudabi-run`
//! process is confined by the kernel, so that a guest that executes raw
//! system calls, or takes the emulator over by rewriting its memory, still
//! reaches only what it was granted. (The model is Capsicum's, which FreeBSD
//! used for CloudABI: after start-up the process holds capabilities only.)
//!
//! Two independent layers, each of which holds when the emulator's own
//! checks are bypassed:
//!
//! - **Landlock** ([`landlock`]): file system access only beneath the
//!   directories the configuration granted, with the access rights their
//!   CloudABI rights allow; execution of the launcher binary (and the
//!   objects its loader maps) alone, for `proc_exec`; no TCP bind or connect;
//!   abstract unix sockets and signals scoped to the process and its
//!   children.
//! - **seccomp-bpf** ([`seccomp`]): an allow-list of the system calls the
//!   emulator itself makes, some with their arguments checked (no `socket`
//!   but `socketpair(AF_UNIX)`, `execveat` of the launcher fd only, `clone`
//!   without namespaces, `ioctl` for `FIONREAD`-like requests only, ...).
//!
//! Both are inherited by forked children and survive `execve`, so the
//! re-executed launcher of `proc_exec` runs inside them too; it adds a
//! Landlock layer of its own for the descriptors it kept.
//!
//! The acceptor process of an `accept: pass` listener
//! ([`super::acceptor`]) is forked before they are applied and confines
//! itself instead: [`landlock::deny_all`] and
//! [`seccomp::restrict_acceptor`].
//!
//! A layer the kernel lacks (or offers in part) gives one warning on stderr
//! that names what is not enforced; `--sandbox=off` turns both off and says
//! so.

pub(crate) mod landlock;
pub(crate) mod seccomp;

use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use super::host::FdTable;

/// The launcher binary, opened before confinement: `proc_exec` executes it
/// through this fd (`execveat`), which the seccomp filter names, and
/// Landlock allows executing it and the shared objects its loader maps.
#[derive(Debug)]
pub(crate) struct Launcher {
    /// An `O_PATH` fd, inheritable: the re-executed launcher gets the same
    /// number, which its inherited filter allows.
    pub(crate) fd: OwnedFd,
    /// The shared objects the launcher was loaded with (the dynamic loader
    /// among them), each opened `O_PATH`, close-on-exec.
    objects: Vec<OwnedFd>,
}

impl Launcher {
    /// Opens the running binary and the objects it was loaded with.
    pub(crate) fn open() -> std::io::Result<Launcher> {
        let fd = open_path("/proc/self/exe", false)?;
        let objects = loaded_objects()
            .iter()
            .filter_map(|p| open_path(p, true).ok())
            .collect();
        Ok(Launcher { fd, objects })
    }

    /// Adopts the launcher fd a parent passed on (`proc_exec`'s hidden
    /// mode), and opens the loaded objects again.
    pub(crate) fn inherited(fd: OwnedFd) -> Launcher {
        let objects = loaded_objects()
            .iter()
            .filter_map(|p| open_path(p, true).ok())
            .collect();
        Launcher { fd, objects }
    }

    /// The fds this holds, which must stay open.
    pub(crate) fn raw_fds(&self) -> impl Iterator<Item = std::os::fd::RawFd> + '_ {
        self.files().map(|f| std::os::fd::AsRawFd::as_raw_fd(&f))
    }

    /// Every file executing the launcher needs to read or execute.
    fn files(&self) -> impl Iterator<Item = BorrowedFd<'_>> {
        std::iter::once(self.fd.as_fd()).chain(self.objects.iter().map(|f| f.as_fd()))
    }
}

fn open_path(path: &str, cloexec: bool) -> std::io::Result<OwnedFd> {
    use rustix::fs::{Mode as FileMode, OFlags};
    let mut flags = OFlags::PATH;
    flags.set(OFlags::CLOEXEC, cloexec);
    // openat, not open: a re-executed launcher runs under its parent's
    // filter, which has no `open`.
    Ok(rustix::fs::openat(
        rustix::fs::CWD,
        path,
        flags,
        FileMode::empty(),
    )?)
}

/// The paths of the shared objects mapped into this process (from the
/// dynamic loader's own list: no file is read), plus the loader's cache.
fn loaded_objects() -> Vec<String> {
    unsafe extern "C" fn each(
        info: *mut libc::dl_phdr_info,
        _size: usize,
        data: *mut libc::c_void,
    ) -> libc::c_int {
        // SAFETY: dl_iterate_phdr passes a valid entry and our `data`.
        unsafe {
            let out = &mut *data.cast::<Vec<String>>();
            let name = (*info).dlpi_name;
            if !name.is_null() {
                let name = std::ffi::CStr::from_ptr(name).to_string_lossy();
                if name.starts_with('/') {
                    out.push(name.into_owned());
                }
            }
        }
        0
    }
    let mut out: Vec<String> = Vec::new();
    // SAFETY: the callback only reads the entries it is given.
    unsafe { libc::dl_iterate_phdr(Some(each), (&mut out as *mut Vec<String>).cast()) };
    out.push("/etc/ld.so.cache".into());
    out
}

/// What one application of the layers achieved, for the warning.
#[derive(Debug, Default)]
pub(crate) struct Report {
    /// One line per layer the kernel lacks or offers only in part (the same
    /// for every launcher of a run).
    pub(crate) gaps: Vec<String>,
    /// One line per layer the kernel offers but that could not be applied
    /// this time (e.g. Landlock's 16 nested layers used up by a chain of
    /// `proc_exec`s).
    pub(crate) failures: Vec<String>,
}

/// Applies both layers to this (still single-threaded) process: access
/// beneath the directories of `fds` with their rights, execution of
/// `launcher` only. Nothing here fails the run: what the kernel cannot
/// enforce is returned as gaps to warn about.
pub(crate) fn confine(fds: &FdTable, launcher: &Launcher) -> Report {
    // rustix finds the vDSO lazily, through the auxiliary vector: done
    // before confinement, clock_gettime stays a vDSO call afterwards.
    let _ = rustix::time::clock_gettime(rustix::time::ClockId::Monotonic);
    let mut report = Report::default();
    match landlock::restrict(fds, launcher) {
        Ok(()) => {}
        Err(landlock::Gap::Missing(gap)) => report.gaps.push(gap),
        Err(landlock::Gap::Failed(gap)) => report.failures.push(gap),
    }
    if let Err(gap) = seccomp::restrict(&launcher.fd) {
        report.gaps.push(gap);
    }
    report
}

/// Prints the one warning for the gaps of `report`, if any: all of them in
/// the launcher the user started, only the failures in a launcher
/// re-executed for `proc_exec` (which runs inside its parent's layers, and
/// whose parent already reported what the kernel lacks).
pub(crate) fn warn(report: &Report, reexecuted: bool) {
    let mut lines: Vec<&str> = report.failures.iter().map(String::as_str).collect();
    if !reexecuted {
        lines.extend(report.gaps.iter().map(String::as_str));
    }
    if lines.is_empty() {
        return;
    }
    let what = if reexecuted {
        "the program proc_exec started is confined only by the layers it inherited"
    } else {
        "the kernel sandbox is incomplete"
    };
    eprintln!("cloudabi-run: warning: {what}: {}", lines.join("; "));
}

/// The warning `--sandbox=off` prints.
pub(crate) fn warn_off() {
    eprintln!(
        "cloudabi-run: warning: --sandbox=off: no kernel confinement; a guest that takes over \
         the emulator can do whatever this user can (for debugging only)"
    );
}
