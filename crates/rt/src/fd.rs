//! Owned file descriptors.
//!
//! [`Fd`] owns one descriptor and closes it when dropped. It reads and
//! writes (also through [`core::fmt::Write`] and the runtime's
//! [`io::Read`](crate::io::Read) / [`io::Write`](crate::io::Write)), tells
//! its type and rights, and converts into the typed wrappers
//! [`File`](crate::fs::File), [`Dir`](crate::fs::Dir) and
//! [`Socket`](crate::net::Socket) (see [`FromFd`]).

use core::fmt;
use core::mem::MaybeUninit;

use cloudabi::{ciovec, fdflags, fdstat, filetype, iovec, rights};

use crate::error::{check, Errno, Error};

/// An owned file descriptor; closed when dropped.
#[derive(PartialEq, Eq, Hash)]
pub struct Fd(u32);

impl Fd {
    /// Takes ownership of descriptor `raw`.
    ///
    /// # Safety
    ///
    /// `raw` is an open descriptor that nothing else owns or will close: it
    /// is closed when the `Fd` is dropped. (Descriptors a program received
    /// in its arguments are taken safely with [`Args::get`](crate::Args::get).)
    pub const unsafe fn from_raw(raw: u32) -> Fd {
        Fd(raw)
    }

    /// The descriptor's number.
    pub const fn as_raw(&self) -> u32 {
        self.0
    }

    /// Gives up ownership: the descriptor stays open.
    pub fn into_raw(self) -> u32 {
        let raw = self.0;
        core::mem::forget(self);
        raw
    }

    pub(crate) fn abi(&self) -> cloudabi::fd {
        cloudabi::fd(self.0)
    }

    /// Reads into `buf`; `Ok(0)` at end of file (or for an empty `buf`).
    pub fn read(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        let iov = [iovec {
            buf: (buf.as_mut_ptr().cast(), buf.len()),
        }];
        let mut n = 0;
        // SAFETY: the iovec covers `buf`, writable for the call; `n` is a local.
        check(unsafe { cloudabi::fd_read(self.abi(), &iov, &mut n) })?;
        Ok(n)
    }

    /// Writes from `buf`, returning how much was written (possibly less).
    pub fn write(&self, buf: &[u8]) -> Result<usize, Errno> {
        let iov = [ciovec {
            buf: (buf.as_ptr().cast(), buf.len()),
        }];
        let mut n = 0;
        // SAFETY: the iovec covers `buf`, readable for the call.
        check(unsafe { cloudabi::fd_write(self.abi(), &iov, &mut n) })?;
        Ok(n)
    }

    /// Writes all of `buf`, retrying short writes.
    pub fn write_all(&self, mut buf: &[u8]) -> Result<(), Error> {
        while !buf.is_empty() {
            match self.write(buf)? {
                0 => return Err(Error::msg("the descriptor accepted no more data")),
                n => buf = &buf[n..],
            }
        }
        Ok(())
    }

    /// The descriptor's type, flags and rights.
    pub fn stat(&self) -> Result<FdStat, Errno> {
        let mut st = MaybeUninit::<fdstat>::uninit();
        // SAFETY: `st` is a local the call fills on success.
        check(unsafe { cloudabi::fd_stat_get(self.abi(), st.as_mut_ptr()) })?;
        let p = st.as_ptr();
        // The fields are read one by one, the file type as a byte: a newer
        // system may report a type this ABI's enum lacks.
        // SAFETY: filled by the call; `fs_filetype` is its first byte and
        // the other fields are flag sets, valid with any bits.
        let (raw_type, flags, rights, inheriting) = unsafe {
            (
                *p.cast::<u8>(),
                (*p).fs_flags,
                (*p).fs_rights_base,
                (*p).fs_rights_inheriting,
            )
        };
        Ok(FdStat {
            file_type: FileType::from_raw(raw_type),
            flags,
            rights,
            inheriting,
        })
    }

    /// Its type (see [`stat`](Fd::stat)).
    pub fn file_type(&self) -> Result<FileType, Errno> {
        Ok(self.stat()?.file_type)
    }

    /// A second descriptor for the same open file (`fd_dup`).
    pub fn try_clone(&self) -> Result<Fd, Errno> {
        let mut new = cloudabi::fd(0);
        // SAFETY: `new` is a local.
        check(unsafe { cloudabi::fd_dup(self.abi(), &mut new) })?;
        Ok(Fd(new.0))
    }

    /// Drops rights from this descriptor; they cannot be regained.
    pub fn restrict(&self, keep: rights, keep_inheriting: rights) -> Result<(), Errno> {
        let st = self.stat()?;
        let new = fdstat {
            fs_filetype: filetype::UNKNOWN,
            fs_flags: fdflags::empty(),
            _pad0: [0; 4],
            fs_rights_base: st.rights & keep,
            fs_rights_inheriting: st.inheriting & keep_inheriting,
        };
        // SAFETY: `new` is a local, read for the call.
        check(unsafe { cloudabi::fd_stat_put(self.abi(), &new, cloudabi::fdsflags::RIGHTS) })
    }

    /// Closes the descriptor, reporting an error that dropping would ignore.
    pub fn close(self) -> Result<(), Errno> {
        let raw = self.into_raw();
        // SAFETY: we owned it; it is not used after this.
        check(unsafe { cloudabi::fd_close(cloudabi::fd(raw)) })
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        // SAFETY: we own the descriptor; an error (it was not open) leaves
        // nothing to do.
        let _ = unsafe { cloudabi::fd_close(self.abi()) };
    }
}

impl fmt::Debug for Fd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Fd({})", self.0)
    }
}

/// `write!` and `writeln!` through `core::fmt::Write`: the text goes out
/// with [`write_all`](Fd::write_all); an error becomes `fmt::Error` (use
/// [`io::Write`](crate::io::Write) to keep the error number).
impl fmt::Write for Fd {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl fmt::Write for &Fd {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.write_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}

impl crate::io::Read for Fd {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        Ok(Fd::read(self, buf)?)
    }
}

impl crate::io::Read for &Fd {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        Ok(Fd::read(self, buf)?)
    }
}

impl crate::io::Write for Fd {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        Ok(Fd::write(self, buf)?)
    }
}

impl crate::io::Write for &Fd {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        Ok(Fd::write(self, buf)?)
    }
}

/// What [`Fd::stat`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FdStat {
    /// What the descriptor refers to.
    pub file_type: FileType,
    /// Its flags (append, non-blocking, ...).
    pub flags: fdflags,
    /// The operations it permits.
    pub rights: rights,
    /// The most rights descriptors opened through it may get.
    pub inheriting: rights,
}

/// What a descriptor or directory entry refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileType {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// A symbolic link.
    Symlink,
    /// A stream socket.
    StreamSocket,
    /// A datagram socket.
    DatagramSocket,
    /// A character device (a terminal, `/dev/null`, ...).
    CharDevice,
    /// A block device.
    BlockDevice,
    /// A shared memory object.
    SharedMemory,
    /// A process descriptor.
    Process,
    /// Something else (a pipe reports this on some systems).
    Unknown,
}

impl FileType {
    pub(crate) fn from_raw(raw: u8) -> FileType {
        const fn t(f: filetype) -> u8 {
            f as u8
        }
        match raw {
            r if r == t(filetype::REGULAR_FILE) => FileType::File,
            r if r == t(filetype::DIRECTORY) => FileType::Dir,
            r if r == t(filetype::SYMBOLIC_LINK) => FileType::Symlink,
            r if r == t(filetype::SOCKET_STREAM) => FileType::StreamSocket,
            r if r == t(filetype::SOCKET_DGRAM) => FileType::DatagramSocket,
            r if r == t(filetype::CHARACTER_DEVICE) => FileType::CharDevice,
            r if r == t(filetype::BLOCK_DEVICE) => FileType::BlockDevice,
            r if r == t(filetype::SHARED_MEMORY) => FileType::SharedMemory,
            r if r == t(filetype::PROCESS) => FileType::Process,
            _ => FileType::Unknown,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            FileType::File => "a regular file",
            FileType::Dir => "a directory",
            FileType::Symlink => "a symbolic link",
            FileType::StreamSocket => "a stream socket",
            FileType::DatagramSocket => "a datagram socket",
            FileType::CharDevice => "a character device",
            FileType::BlockDevice => "a block device",
            FileType::SharedMemory => "shared memory",
            FileType::Process => "a process",
            FileType::Unknown => "of unknown type",
        }
    }
}

impl fmt::Display for FileType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.noun())
    }
}

/// Types made from an owned descriptor: [`Fd`] itself and the typed
/// wrappers, which check the descriptor's type.
pub trait FromFd: Sized {
    /// Wraps `fd`, or fails (closing it) if it has the wrong type.
    fn from_fd(fd: Fd) -> Result<Self, Error>;
}

impl FromFd for Fd {
    fn from_fd(fd: Fd) -> Result<Fd, Error> {
        Ok(fd)
    }
}

/// Fails unless `fd` has one of the types in `want`.
pub(crate) fn expect_type(fd: &Fd, want: &[FileType], noun: &str) -> Result<(), Error> {
    let t = fd.file_type()?;
    if want.contains(&t) {
        Ok(())
    } else {
        Err(Error::msg(alloc::format!(
            "descriptor {} is {t}, not {noun}",
            fd.as_raw()
        )))
    }
}
