//! Errors: [`Errno`] for a failed system call, [`Error`] for everything a
//! program's `main` may return (system errors, bad arguments, messages),
//! each optionally with context.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::{String, ToString};
use core::fmt;

use cloudabi::errno;

/// The error number of a failed system call.
///
/// Displays as a sentence with the C name, e.g. `No such file or directory
/// (ENOENT)`.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Errno(errno);

impl Errno {
    /// Wraps an error number (`errno::SUCCESS` is not an error, but is
    /// accepted and displays as such).
    pub const fn new(e: errno) -> Errno {
        Errno(e)
    }

    /// The ABI's error number.
    pub const fn get(self) -> errno {
        self.0
    }

    /// The C name, e.g. `"ENOENT"`.
    pub fn name(self) -> &'static str {
        describe(self.0).0
    }

    /// A short description, e.g. `"No such file or directory"`.
    pub fn message(self) -> &'static str {
        describe(self.0).1
    }
}

impl From<errno> for Errno {
    fn from(e: errno) -> Errno {
        Errno(e)
    }
}

impl fmt::Debug for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Display for Errno {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message(), self.name())
    }
}

impl core::error::Error for Errno {}

/// `Ok(())` for `errno::SUCCESS`, the error otherwise: how every wrapper
/// turns a system call's result into a `Result`.
pub(crate) fn check(e: errno) -> Result<(), Errno> {
    if e == errno::SUCCESS {
        Ok(())
    } else {
        Err(Errno(e))
    }
}

/// Anything that went wrong: what `main` returns and most of the runtime's
/// functions fail with.
///
/// Build one from an [`Errno`], an [`argdata::Error`], with [`Error::msg`],
/// or add context to any error with [`ResultExt::context`]. It displays as
/// the chain of contexts and the cause: `reading inputs[1]: Bad file
/// descriptor (EBADF)`.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A system call failed.
    Sys(Errno),
    /// The program's arguments are not what it expects.
    Args(argdata::Error),
    /// A free-form message.
    Message(Cow<'static, str>),
    /// An error with a description of what was being done.
    Context {
        /// What was being done.
        context: String,
        /// What went wrong.
        source: Box<Error>,
    },
}

impl Error {
    /// An error with this message.
    pub fn msg(message: impl Into<Cow<'static, str>>) -> Error {
        Error::Message(message.into())
    }

    /// The system error at the root of this error, if it is one.
    pub fn errno(&self) -> Option<Errno> {
        match self {
            Error::Sys(e) => Some(*e),
            Error::Context { source, .. } => source.errno(),
            _ => None,
        }
    }

    /// Whether the root cause is the system error `e`.
    pub fn is(&self, e: errno) -> bool {
        self.errno() == Some(Errno(e))
    }

    /// This error with `context` in front.
    pub fn context(self, context: impl fmt::Display) -> Error {
        Error::Context {
            context: context.to_string(),
            source: Box::new(self),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Sys(e) => e.fmt(f),
            Error::Args(e) => e.fmt(f),
            Error::Message(m) => f.write_str(m),
            Error::Context { context, source } => write!(f, "{context}: {source}"),
        }
    }
}

impl core::error::Error for Error {
    fn source(&self) -> Option<&(dyn core::error::Error + 'static)> {
        match self {
            Error::Context { source, .. } => Some(source.as_ref()),
            Error::Args(e) => Some(e),
            Error::Sys(e) => Some(e),
            Error::Message(_) => None,
        }
    }
}

impl From<Errno> for Error {
    fn from(e: Errno) -> Error {
        Error::Sys(e)
    }
}

impl From<errno> for Error {
    fn from(e: errno) -> Error {
        Error::Sys(Errno(e))
    }
}

impl From<argdata::Error> for Error {
    fn from(e: argdata::Error) -> Error {
        Error::Args(e)
    }
}

impl From<&'static str> for Error {
    fn from(m: &'static str) -> Error {
        Error::msg(m)
    }
}

impl From<String> for Error {
    fn from(m: String) -> Error {
        Error::msg(m)
    }
}

/// A formatting trait failed: the only way `write!` to a descriptor through
/// `core::fmt::Write` reports an I/O error.
impl From<fmt::Error> for Error {
    fn from(_: fmt::Error) -> Error {
        Error::msg("formatting failed (or the descriptor refused the write)")
    }
}

/// Adds context to the error of a `Result`.
pub trait ResultExt<T> {
    /// On error, puts `context` in front of it: `file.read(..).context("reading the config")?`.
    fn context(self, context: impl fmt::Display) -> Result<T, Error>;

    /// Like [`context`](ResultExt::context), building the context only on error.
    fn with_context<C: fmt::Display>(self, f: impl FnOnce() -> C) -> Result<T, Error>;
}

impl<T, E: Into<Error>> ResultExt<T> for Result<T, E> {
    fn context(self, context: impl fmt::Display) -> Result<T, Error> {
        self.map_err(|e| e.into().context(context))
    }

    fn with_context<C: fmt::Display>(self, f: impl FnOnce() -> C) -> Result<T, Error> {
        self.map_err(|e| e.into().context(f()))
    }
}

/// The C name and a description of each error number.
fn describe(e: errno) -> (&'static str, &'static str) {
    use errno::*;
    match e {
        SUCCESS => ("0", "No error"),
        TOOBIG => ("E2BIG", "Argument list too long"),
        ACCES => ("EACCES", "Permission denied"),
        ADDRINUSE => ("EADDRINUSE", "Address in use"),
        ADDRNOTAVAIL => ("EADDRNOTAVAIL", "Address not available"),
        AFNOSUPPORT => ("EAFNOSUPPORT", "Address family not supported"),
        AGAIN => ("EAGAIN", "Resource temporarily unavailable"),
        ALREADY => ("EALREADY", "Operation already in progress"),
        BADF => ("EBADF", "Bad file descriptor"),
        BADMSG => ("EBADMSG", "Bad message"),
        BUSY => ("EBUSY", "Device or resource busy"),
        CANCELED => ("ECANCELED", "Operation canceled"),
        CHILD => ("ECHILD", "No child process"),
        CONNABORTED => ("ECONNABORTED", "Connection aborted"),
        CONNREFUSED => ("ECONNREFUSED", "Connection refused"),
        CONNRESET => ("ECONNRESET", "Connection reset by peer"),
        DEADLK => ("EDEADLK", "Resource deadlock would occur"),
        DESTADDRREQ => ("EDESTADDRREQ", "Destination address required"),
        DOM => ("EDOM", "Domain error"),
        DQUOT => ("EDQUOT", "Quota exceeded"),
        EXIST => ("EEXIST", "File exists"),
        FAULT => ("EFAULT", "Bad address"),
        FBIG => ("EFBIG", "File too large"),
        HOSTUNREACH => ("EHOSTUNREACH", "Host is unreachable"),
        IDRM => ("EIDRM", "Identifier removed"),
        ILSEQ => ("EILSEQ", "Illegal byte sequence"),
        INPROGRESS => ("EINPROGRESS", "Operation in progress"),
        INTR => ("EINTR", "Interrupted system call"),
        INVAL => ("EINVAL", "Invalid argument"),
        IO => ("EIO", "I/O error"),
        ISCONN => ("EISCONN", "Socket is connected"),
        ISDIR => ("EISDIR", "Is a directory"),
        LOOP => ("ELOOP", "Too many levels of symbolic links"),
        MFILE => ("EMFILE", "Too many open files"),
        MLINK => ("EMLINK", "Too many links"),
        MSGSIZE => ("EMSGSIZE", "Message too long"),
        MULTIHOP => ("EMULTIHOP", "Multihop attempted"),
        NAMETOOLONG => ("ENAMETOOLONG", "File name too long"),
        NETDOWN => ("ENETDOWN", "Network is down"),
        NETRESET => ("ENETRESET", "Connection reset by network"),
        NETUNREACH => ("ENETUNREACH", "Network is unreachable"),
        NFILE => ("ENFILE", "Too many open files in system"),
        NOBUFS => ("ENOBUFS", "No buffer space available"),
        NODEV => ("ENODEV", "No such device"),
        NOENT => ("ENOENT", "No such file or directory"),
        NOEXEC => ("ENOEXEC", "Exec format error"),
        NOLCK => ("ENOLCK", "No locks available"),
        NOLINK => ("ENOLINK", "Link has been severed"),
        NOMEM => ("ENOMEM", "Out of memory"),
        NOMSG => ("ENOMSG", "No message of desired type"),
        NOPROTOOPT => ("ENOPROTOOPT", "Protocol not available"),
        NOSPC => ("ENOSPC", "No space left on device"),
        NOSYS => ("ENOSYS", "Function not implemented"),
        NOTCONN => ("ENOTCONN", "Socket is not connected"),
        NOTDIR => ("ENOTDIR", "Not a directory"),
        NOTEMPTY => ("ENOTEMPTY", "Directory not empty"),
        NOTRECOVERABLE => ("ENOTRECOVERABLE", "State not recoverable"),
        NOTSOCK => ("ENOTSOCK", "Not a socket"),
        NOTSUP => ("ENOTSUP", "Not supported"),
        NOTTY => ("ENOTTY", "Inappropriate I/O control operation"),
        NXIO => ("ENXIO", "No such device or address"),
        OVERFLOW => ("EOVERFLOW", "Value too large for data type"),
        OWNERDEAD => ("EOWNERDEAD", "Previous owner died"),
        PERM => ("EPERM", "Operation not permitted"),
        PIPE => ("EPIPE", "Broken pipe"),
        PROTO => ("EPROTO", "Protocol error"),
        PROTONOSUPPORT => ("EPROTONOSUPPORT", "Protocol not supported"),
        PROTOTYPE => ("EPROTOTYPE", "Protocol wrong type for socket"),
        RANGE => ("ERANGE", "Result out of range"),
        ROFS => ("EROFS", "Read-only file system"),
        SPIPE => ("ESPIPE", "Invalid seek"),
        SRCH => ("ESRCH", "No such process"),
        STALE => ("ESTALE", "Stale file handle"),
        TIMEDOUT => ("ETIMEDOUT", "Operation timed out"),
        TXTBSY => ("ETXTBSY", "Text file busy"),
        XDEV => ("EXDEV", "Cross-device link"),
        NOTCAPABLE => ("ENOTCAPABLE", "Capabilities insufficient"),
        _ => ("E?", "Unknown error"),
    }
}
