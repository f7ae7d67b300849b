//! `proc_exec` by re-executing `cloudabi-run` in a hidden mode: the new
//! process image gets the executable, the Argdata (in a memfd) and the kept
//! fds as inherited host fds, described on its command line ([`KeptFd`]) in
//! the guest's order; everything else the old guest had is closed by the
//! exec (all other host fds are close-on-exec). The launcher is executed
//! through an fd opened at start-up (`execveat`), the one program the
//! sandbox lets the process execute; that fd comes first on the hidden
//! command line.

use std::fs::File;
use std::io::{self, Seek, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use cloudabi::{filetype, rights};

use super::host::fdtable::Object;
use super::host::{Child, Ended, Entry, FdTable};
use super::sandbox::Launcher;

/// The hidden first argument of the re-executed launcher.
pub(crate) const CHILD_FLAG: &str = "--exec-child";

/// The largest executable (or Argdata) the launcher reads (CloudABI
/// programs are statically linked; this is far above any real one).
pub(crate) const MAX_EXECUTABLE: u64 = 1 << 30;

/// Why an executable cannot be read.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Not a regular file: what it is instead.
    NotRegular(&'static str),
    /// Larger than [`MAX_EXECUTABLE`]: its size.
    TooLarge(u64),
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotRegular(kind) => write!(f, "not a regular file (a {kind})"),
            ReadError::TooLarge(n) => write!(
                f,
                "too large for an executable ({n} bytes; at most {MAX_EXECUTABLE})"
            ),
            ReadError::Io(e) => e.fmt(f),
        }
    }
}

impl ReadError {
    /// The CloudABI error `proc_exec` reports for it.
    pub(crate) fn errno(&self) -> cloudabi::errno {
        match self {
            ReadError::NotRegular(_) => cloudabi::errno::ACCES,
            ReadError::TooLarge(_) => cloudabi::errno::NOEXEC,
            ReadError::Io(e) => rustix::io::Errno::from_io_error(e)
                .map_or(cloudabi::errno::IO, super::host::errors::from_host),
        }
    }
}

fn kind(mode: rustix::fs::FileType) -> &'static str {
    use rustix::fs::FileType as T;
    match mode {
        T::Directory => "directory",
        T::Fifo => "FIFO",
        T::CharacterDevice => "character device",
        T::BlockDevice => "block device",
        T::Socket => "socket",
        T::Symlink => "symbolic link",
        _ => "special file",
    }
}

/// The whole contents of the executable (or Argdata file) behind `fd`,
/// read from its start (the fd's own offset is left alone). Only a regular
/// file of at most [`MAX_EXECUTABLE`] bytes is read, so a FIFO or a device
/// can neither block the caller nor make it read without end; a file that
/// shrinks meanwhile gives what is left, one that grows its first `size`
/// bytes.
pub(crate) fn read_regular_file(fd: BorrowedFd<'_>) -> Result<Vec<u8>, ReadError> {
    let st = rustix::fs::fstat(fd).map_err(|e| ReadError::Io(e.into()))?;
    let file_type = rustix::fs::FileType::from_raw_mode(st.st_mode);
    if file_type != rustix::fs::FileType::RegularFile {
        return Err(ReadError::NotRegular(kind(file_type)));
    }
    let size = st.st_size as u64;
    if size > MAX_EXECUTABLE {
        return Err(ReadError::TooLarge(size));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(size as usize)
        .map_err(|_| ReadError::Io(io::ErrorKind::OutOfMemory.into()))?;
    out.resize(size as usize, 0);
    let mut done = 0;
    while done < out.len() {
        match rustix::io::pread(fd, &mut out[done..], done as u64) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(rustix::io::Errno::INTR) => {}
            Err(e) => return Err(ReadError::Io(e.into())),
        }
    }
    out.truncate(done);
    Ok(out)
}

/// Opens the executable at `path` for [`read_regular_file`] without
/// blocking: a FIFO opens at once (and is then refused), a terminal does
/// not become the controlling one.
pub(crate) fn open_regular_file(path: &std::path::Path) -> io::Result<File> {
    use rustix::fs::{Mode, OFlags};
    let fd = rustix::fs::open(
        path,
        OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC | OFlags::NOCTTY,
        Mode::empty(),
    )?;
    Ok(File::from(fd))
}

/// An inheritable (not close-on-exec) memfd holding `data`, rewound.
pub(crate) fn argdata_fd(data: &[u8]) -> io::Result<OwnedFd> {
    let fd = rustix::fs::memfd_create("cloudabi-argdata", rustix::fs::MemfdFlags::empty())?;
    let mut f = File::from(fd);
    f.write_all(data)?;
    f.rewind()?;
    Ok(f.into())
}

/// What the new program must know of a kept fd besides the host fd: its
/// type and rights (which the host fd alone cannot tell: rights may have
/// been dropped, and a process descriptor is a pidfd), and for a process
/// descriptor how the child ended, if that was already collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct KeptFd {
    pub(crate) filetype: filetype,
    pub(crate) base: rights,
    pub(crate) inheriting: rights,
    pub(crate) ended: Option<Ended>,
}

impl KeptFd {
    /// `RAW:FILETYPE:BASE:INHERITING`, then `:SIGNAL:EXITCODE` for a child
    /// that ended.
    pub(crate) fn spec(&self, raw: RawFd) -> String {
        let mut s = format!(
            "{raw}:{}:{}:{}",
            self.filetype as u8,
            self.base.bits(),
            self.inheriting.bits()
        );
        if let Some(e) = self.ended {
            s.push_str(&format!(":{}:{}", e.signal, e.exitcode));
        }
        s
    }

    pub(crate) fn parse(spec: &str) -> Result<(RawFd, KeptFd), String> {
        let bad = || format!("{CHILD_FLAG}: bad fd spec {spec:?}");
        let parts: Vec<&str> = spec.split(':').collect();
        let (raw, filetype, base, inheriting, ended) = match parts[..] {
            [r, t, b, i] => (r, t, b, i, None),
            [r, t, b, i, sig, code] => (r, t, b, i, Some((sig, code))),
            _ => return Err(bad()),
        };
        let raw = raw.parse().map_err(|_| bad())?;
        let filetype = filetype
            .parse()
            .ok()
            .and_then(cloudabi::host::validate::filetype)
            .ok_or_else(bad)?;
        let rights = |s: &str| s.parse().map(rights::from_bits_truncate).map_err(|_| bad());
        let ended = match ended {
            None => None,
            Some((sig, code)) => Some(Ended {
                signal: sig.parse().map_err(|_| bad())?,
                exitcode: code.parse().map_err(|_| bad())?,
            }),
        };
        let kept = KeptFd {
            filetype,
            base: rights(base)?,
            inheriting: rights(inheriting)?,
            ended,
        };
        Ok((raw, kept))
    }

    /// The entry for `host` in the new program's table.
    fn entry(self, host: OwnedFd) -> Entry {
        let child = (self.filetype == filetype::PROCESS).then(|| Child::adopted(self.ended));
        Entry::of(
            Object { host, child },
            self.filetype,
            self.base,
            self.inheriting,
        )
    }
}

/// What `proc_exec` needs to re-execute the launcher.
#[derive(Debug)]
pub(crate) struct Reexec {
    pub(crate) launcher: Launcher,
}

impl Reexec {
    /// Replaces this process with the launcher run with `args` (after
    /// `argv[0]`); returns only on failure.
    pub(crate) fn exec(&self, args: &[String]) -> io::Error {
        let mut owned = Vec::with_capacity(args.len() + 1);
        owned.push(c"cloudabi-run".to_owned());
        for a in args {
            match std::ffi::CString::new(a.as_str()) {
                Ok(c) => owned.push(c),
                Err(_) => return io::ErrorKind::InvalidInput.into(),
            }
        }
        let mut argv: Vec<*const libc::c_char> = owned.iter().map(|c| c.as_ptr()).collect();
        argv.push(core::ptr::null());
        unsafe extern "C" {
            static environ: *const *const libc::c_char;
        }
        // SAFETY: argv is a null-terminated array of C strings that outlive
        // the call, environ is the process's environment; on success the
        // call does not return.
        unsafe {
            libc::syscall(
                libc::SYS_execveat,
                self.launcher.fd.as_raw_fd(),
                c"".as_ptr(),
                argv.as_ptr(),
                environ,
                libc::AT_EMPTY_PATH,
            );
        }
        io::Error::last_os_error()
    }

    /// The values of [`CHILD_FLAG`] before the executable's: the launcher
    /// fd, which the new process keeps where it is, marked `:forked` in a
    /// forked child: the new program is still that child, whose fatal fault
    /// must end it by the signal for its parent to see (not an exit status).
    pub(crate) fn child_args(&self) -> Vec<String> {
        let fd = self.launcher.fd.as_raw_fd();
        if super::fault::faults_are_signals() {
            vec![format!("{fd}{FORKED}")]
        } else {
            vec![fd.to_string()]
        }
    }
}

/// The mark on the launcher fd of a re-executed forked child.
const FORKED: &str = ":forked";

/// What the hidden mode's command line describes.
pub(crate) struct ExecChild {
    pub(crate) reexec: Reexec,
    pub(crate) executable: File,
    pub(crate) argdata: Vec<u8>,
    pub(crate) fds: FdTable,
}

/// Takes over the fds named on the command line (the values of
/// [`CHILD_FLAG`]).
pub(crate) fn child_from_args(args: &[String]) -> Result<ExecChild, String> {
    let mut args = args.iter();
    let launcher = args
        .next()
        .ok_or_else(|| format!("{CHILD_FLAG}: missing launcher fd"))?;
    let launcher = match launcher.strip_suffix(FORKED) {
        Some(fd) => {
            super::fault::report_faults_as_signals();
            fd
        }
        None => launcher,
    };
    let launcher = launcher
        .parse::<RawFd>()
        .map_err(|_| format!("{CHILD_FLAG}: bad launcher fd {launcher:?}"))?;
    let launcher = Launcher::inherited(adopt_inheritable(launcher)?);
    let mut take = |what: &str| -> Result<OwnedFd, String> {
        let raw: RawFd = args
            .next()
            .and_then(|a| a.parse().ok())
            .ok_or_else(|| format!("{CHILD_FLAG}: missing {what} fd"))?;
        adopt(raw)
    };
    let executable = File::from(take("executable")?);
    let argdata = read_regular_file(take("argdata")?.as_fd())
        .map_err(|e| format!("{CHILD_FLAG}: argdata: {e}"))?;
    let mut fds = FdTable::new();
    for spec in args {
        let (raw, kept) = KeptFd::parse(spec)?;
        fds.insert(kept.entry(adopt(raw)?))
            .map_err(|e| format!("{CHILD_FLAG}: {e:?}"))?;
    }
    Ok(ExecChild {
        reexec: Reexec { launcher },
        executable,
        argdata,
        fds,
    })
}

/// Takes ownership of an inherited fd, moving it to a close-on-exec number
/// of 3 or above.
fn adopt(raw: RawFd) -> Result<OwnedFd, String> {
    let owned = adopt_inheritable(raw)?;
    super::resources::dup(owned.as_fd()).map_err(|e| e.to_string())
}

/// Takes ownership of an inherited fd, which stays where it is (and
/// inheritable).
fn adopt_inheritable(raw: RawFd) -> Result<OwnedFd, String> {
    if raw < 0
        || rustix::io::fcntl_getfd(
            // SAFETY: only borrowed to ask whether it is open.
            unsafe { BorrowedFd::borrow_raw(raw) },
        )
        .is_err()
    {
        return Err(format!("{CHILD_FLAG}: fd {raw} is not open"));
    }
    // SAFETY: the parent passed this fd to us alone; nothing else in this
    // process owns it.
    Ok(unsafe { OwnedFd::from_raw_fd(raw) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_round_trip() {
        let kept = [
            KeptFd {
                filetype: filetype::REGULAR_FILE,
                base: rights::FD_READ | rights::FD_SEEK,
                inheriting: rights::empty(),
                ended: None,
            },
            KeptFd {
                filetype: filetype::PROCESS,
                base: rights::POLL_PROC_TERMINATE,
                inheriting: rights::empty(),
                ended: Some(Ended {
                    signal: 0,
                    exitcode: 3,
                }),
            },
        ];
        for k in kept {
            assert_eq!(KeptFd::parse(&k.spec(7)), Ok((7, k)));
        }
    }

    #[test]
    fn bad_specs_are_refused() {
        for bad in [
            "",
            "3",
            "3:4:5",
            "x:0:0:0",
            "3:200:0:0",
            "3:0:0:0:1",
            "3:0:0:0:a:b",
        ] {
            assert!(KeptFd::parse(bad).is_err(), "{bad:?}");
        }
    }
}
