// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Decodes system calls for tracers: each call's arguments and result as [`Value`]s,
//! by what they mean (enum values and flags by name), which print as
//! `fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
//!
//! The per-call functions take the decoded arguments (writable buffers by their
//! length, since their contents are not known before the call) and return a
//! [`Call`]; the `*_result` functions decode what the call returned.

#![allow(unused_imports)]

use core::fmt;
use std::format;
use std::string::String;
use std::vec::Vec;

/// A decoded argument or result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Nothing: the result of a call without outputs.
    Unit,
    /// A number: a size, an offset, a descriptor, a time.
    Int(i128),
    /// A value by its name: an enum value, or a value with a documented meaning.
    Name(&'static str),
    /// A set of flags: the names of the bits set, and the bits without a name.
    Flags(Vec<&'static str>, u64),
    /// An address.
    Pointer(usize),
    /// An address range: its start and length.
    Range(usize, usize),
    /// Bytes shown as text (a path).
    Text(String),
    /// A buffer shown by its size: how many elements, and what they are.
    Count(usize, &'static str),
    /// A list of buffers: how many, what they are, and how many bytes in all.
    Buffers(usize, &'static str, usize),
    /// The values of a list.
    List(Vec<Value>),
    /// The outputs of a call with several.
    Tuple(Vec<Value>),
    /// A structure's members.
    Struct(Vec<(&'static str, Value)>),
}

impl fmt::Display for Value {
    /// The trace's text form: `3`, `EBADF`, `O_CREAT|O_EXCL`, `0x1000+4096`,
    /// `"path"`, `[1 ciovec, 5 bytes]`, `[3, 4]`, `(3, 4)`, `{fd=3, flags=0}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Unit => f.write_str("()"),
            Value::Int(v) => write!(f, "{}", v),
            Value::Name(name) => f.write_str(name),
            Value::Flags(names, rest) => {
                let mut parts: Vec<String> = names.iter().map(|n| String::from(*n)).collect();
                if *rest != 0 {
                    parts.push(format!("{:#x}", rest));
                }
                if parts.is_empty() {
                    f.write_str("0")
                } else {
                    f.write_str(&parts.join("|"))
                }
            }
            Value::Pointer(p) => write!(f, "{:#x}", p),
            Value::Range(start, len) => write!(f, "{:#x}+{}", start, len),
            Value::Text(text) => write!(f, "{:?}", text),
            Value::Count(n, what) => write!(f, "[{} {}]", n, what),
            Value::Buffers(n, what, bytes) => {
                write!(f, "[{} {}, {} bytes]", n, what, bytes)
            }
            Value::List(items) => {
                f.write_str("[")?;
                separated(f, items.iter(), |f, v| write!(f, "{}", v))?;
                f.write_str("]")
            }
            Value::Tuple(items) => {
                f.write_str("(")?;
                separated(f, items.iter(), |f, v| write!(f, "{}", v))?;
                f.write_str(")")
            }
            Value::Struct(members) => {
                f.write_str("{")?;
                separated(f, members.iter(), |f, (name, v)| {
                    write!(f, "{}={}", name, v)
                })?;
                f.write_str("}")
            }
        }
    }
}

fn separated<T>(
    f: &mut fmt::Formatter<'_>,
    items: impl Iterator<Item = T>,
    mut one: impl FnMut(&mut fmt::Formatter<'_>, T) -> fmt::Result,
) -> fmt::Result {
    for (i, item) in items.enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        one(f, item)?;
    }
    Ok(())
}

/// One call: the system call's name and its decoded arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub syscall: &'static str,
    /// The arguments by name, in order.
    pub args: Vec<(&'static str, Value)>,
    /// False when the arguments failed their checks (and are not shown).
    pub checked: bool,
    /// Whether the call never returns (`proc_exit`, `thread_exit`).
    pub noreturn: bool,
}

impl Call {
    /// A call whose arguments failed their checks.
    pub fn unchecked(syscall: &'static str) -> Call {
        Call {
            syscall,
            args: Vec::new(),
            checked: false,
            noreturn: false,
        }
    }
}

impl fmt::Display for Call {
    /// `fd_write(fd=3, iovs=[1 ciovec, 5 bytes])`, or `fd_write(..)` when the
    /// arguments failed their checks.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.checked {
            return write!(f, "{}(..)", self.syscall);
        }
        write!(f, "{}(", self.syscall)?;
        separated(f, self.args.iter(), |f, (name, v)| {
            write!(f, "{}={}", name, v)
        })?;
        f.write_str(")")
    }
}

/// The names of the flags set in `bits` (in the order given) and the bits left.
pub fn flags(bits: u64, names: &[(u64, &'static str)]) -> Value {
    let mut set = Vec::new();
    let mut rest = bits;
    for &(bit, name) in names {
        if bit != 0 && rest & bit == bit {
            set.push(name);
            rest &= !bit;
        }
    }
    Value::Flags(set, rest)
}

/// A value's name if it has one, else the number.
pub fn named(value: i128, names: &[(i128, &'static str)]) -> Value {
    match names.iter().find(|(v, _)| *v == value) {
        Some((_, name)) => Value::Name(name),
        None => Value::Int(value),
    }
}

/// A pointer's address.
pub fn ptr<T: ?Sized>(p: *const T) -> Value {
    Value::Pointer(p as *const u8 as usize)
}

/// An array of integers.
pub fn ints<T: Copy + Into<i128>>(items: &[T]) -> Value {
    Value::List(items.iter().map(|v| Value::Int((*v).into())).collect())
}

/// An address range.
pub fn address_range(range: *mut [u8]) -> Value {
    Value::Range(range as *mut u8 as usize, range.len())
}

/// Bytes as text.
pub fn text(bytes: &[u8]) -> Value {
    Value::Text(String::from_utf8_lossy(bytes).into_owned())
}

/// The names of [`advice`](crate::advice)'s values.
const ADVICE_NAMES: &[(i128, &str)] = &[
    (1, "ADVICE_DONTNEED"),
    (2, "ADVICE_NOREUSE"),
    (3, "ADVICE_NORMAL"),
    (4, "ADVICE_RANDOM"),
    (5, "ADVICE_SEQUENTIAL"),
    (6, "ADVICE_WILLNEED"),
];

/// The names of [`auxtype`](crate::auxtype)'s values.
const AUXTYPE_NAMES: &[(i128, &str)] = &[
    (256, "AT_ARGDATA"),
    (257, "AT_ARGDATALEN"),
    (7, "AT_BASE"),
    (258, "AT_CANARY"),
    (259, "AT_CANARYLEN"),
    (260, "AT_NCPUS"),
    (0, "AT_NULL"),
    (6, "AT_PAGESZ"),
    (3, "AT_PHDR"),
    (4, "AT_PHNUM"),
    (263, "AT_PID"),
    (262, "AT_SYSINFO_EHDR"),
    (261, "AT_TID"),
];

/// The names of [`clockid`](crate::clockid)'s values.
const CLOCKID_NAMES: &[(i128, &str)] = &[
    (1, "CLOCK_MONOTONIC"),
    (2, "CLOCK_PROCESS_CPUTIME_ID"),
    (3, "CLOCK_REALTIME"),
    (4, "CLOCK_THREAD_CPUTIME_ID"),
];

/// The names of [`condvar`](crate::condvar)'s values.
const CONDVAR_NAMES: &[(i128, &str)] = &[(0, "CONDVAR_HAS_NO_WAITERS")];

/// The names of [`device`](crate::device)'s values.
const DEVICE_NAMES: &[(i128, &str)] = &[];

/// The names of [`dircookie`](crate::dircookie)'s values.
const DIRCOOKIE_NAMES: &[(i128, &str)] = &[(0, "DIRCOOKIE_START")];

/// The names of [`errno`](crate::errno)'s values.
const ERRNO_NAMES: &[(i128, &str)] = &[
    (0, "ESUCCESS"),
    (1, "E2BIG"),
    (2, "EACCES"),
    (3, "EADDRINUSE"),
    (4, "EADDRNOTAVAIL"),
    (5, "EAFNOSUPPORT"),
    (6, "EAGAIN"),
    (7, "EALREADY"),
    (8, "EBADF"),
    (9, "EBADMSG"),
    (10, "EBUSY"),
    (11, "ECANCELED"),
    (12, "ECHILD"),
    (13, "ECONNABORTED"),
    (14, "ECONNREFUSED"),
    (15, "ECONNRESET"),
    (16, "EDEADLK"),
    (17, "EDESTADDRREQ"),
    (18, "EDOM"),
    (19, "EDQUOT"),
    (20, "EEXIST"),
    (21, "EFAULT"),
    (22, "EFBIG"),
    (23, "EHOSTUNREACH"),
    (24, "EIDRM"),
    (25, "EILSEQ"),
    (26, "EINPROGRESS"),
    (27, "EINTR"),
    (28, "EINVAL"),
    (29, "EIO"),
    (30, "EISCONN"),
    (31, "EISDIR"),
    (32, "ELOOP"),
    (33, "EMFILE"),
    (34, "EMLINK"),
    (35, "EMSGSIZE"),
    (36, "EMULTIHOP"),
    (37, "ENAMETOOLONG"),
    (38, "ENETDOWN"),
    (39, "ENETRESET"),
    (40, "ENETUNREACH"),
    (41, "ENFILE"),
    (42, "ENOBUFS"),
    (43, "ENODEV"),
    (44, "ENOENT"),
    (45, "ENOEXEC"),
    (46, "ENOLCK"),
    (47, "ENOLINK"),
    (48, "ENOMEM"),
    (49, "ENOMSG"),
    (50, "ENOPROTOOPT"),
    (51, "ENOSPC"),
    (52, "ENOSYS"),
    (53, "ENOTCONN"),
    (54, "ENOTDIR"),
    (55, "ENOTEMPTY"),
    (56, "ENOTRECOVERABLE"),
    (57, "ENOTSOCK"),
    (58, "ENOTSUP"),
    (59, "ENOTTY"),
    (60, "ENXIO"),
    (61, "EOVERFLOW"),
    (62, "EOWNERDEAD"),
    (63, "EPERM"),
    (64, "EPIPE"),
    (65, "EPROTO"),
    (66, "EPROTONOSUPPORT"),
    (67, "EPROTOTYPE"),
    (68, "ERANGE"),
    (69, "EROFS"),
    (70, "ESPIPE"),
    (71, "ESRCH"),
    (72, "ESTALE"),
    (73, "ETIMEDOUT"),
    (74, "ETXTBSY"),
    (75, "EXDEV"),
    (76, "ENOTCAPABLE"),
];

/// The names of [`eventrwflags`](crate::eventrwflags)'s values.
const EVENTRWFLAGS_NAMES: &[(u64, &str)] = &[(1, "EVENT_FD_READWRITE_HANGUP")];

/// The names of [`eventtype`](crate::eventtype)'s values.
const EVENTTYPE_NAMES: &[(i128, &str)] = &[
    (1, "EVENTTYPE_CLOCK"),
    (2, "EVENTTYPE_CONDVAR"),
    (3, "EVENTTYPE_FD_READ"),
    (4, "EVENTTYPE_FD_WRITE"),
    (5, "EVENTTYPE_LOCK_RDLOCK"),
    (6, "EVENTTYPE_LOCK_WRLOCK"),
    (7, "EVENTTYPE_PROC_TERMINATE"),
];

/// The names of [`exitcode`](crate::exitcode)'s values.
const EXITCODE_NAMES: &[(i128, &str)] = &[];

/// The names of [`fd`](crate::fd)'s values.
const FD_NAMES: &[(i128, &str)] = &[(4294967295, "PROCESS_CHILD")];

/// The names of [`fdflags`](crate::fdflags)'s values.
const FDFLAGS_NAMES: &[(u64, &str)] = &[
    (1, "FDFLAG_APPEND"),
    (2, "FDFLAG_DSYNC"),
    (4, "FDFLAG_NONBLOCK"),
    (8, "FDFLAG_RSYNC"),
    (16, "FDFLAG_SYNC"),
];

/// The names of [`fdsflags`](crate::fdsflags)'s values.
const FDSFLAGS_NAMES: &[(u64, &str)] = &[(1, "FDSTAT_FLAGS"), (2, "FDSTAT_RIGHTS")];

/// The names of [`filedelta`](crate::filedelta)'s values.
const FILEDELTA_NAMES: &[(i128, &str)] = &[];

/// The names of [`filesize`](crate::filesize)'s values.
const FILESIZE_NAMES: &[(i128, &str)] = &[];

/// The names of [`fsflags`](crate::fsflags)'s values.
const FSFLAGS_NAMES: &[(u64, &str)] = &[
    (1, "FILESTAT_ATIM"),
    (2, "FILESTAT_ATIM_NOW"),
    (4, "FILESTAT_MTIM"),
    (8, "FILESTAT_MTIM_NOW"),
    (16, "FILESTAT_SIZE"),
];

/// The names of [`filetype`](crate::filetype)'s values.
const FILETYPE_NAMES: &[(i128, &str)] = &[
    (0, "FILETYPE_UNKNOWN"),
    (16, "FILETYPE_BLOCK_DEVICE"),
    (17, "FILETYPE_CHARACTER_DEVICE"),
    (32, "FILETYPE_DIRECTORY"),
    (80, "FILETYPE_PROCESS"),
    (96, "FILETYPE_REGULAR_FILE"),
    (112, "FILETYPE_SHARED_MEMORY"),
    (128, "FILETYPE_SOCKET_DGRAM"),
    (130, "FILETYPE_SOCKET_STREAM"),
    (144, "FILETYPE_SYMBOLIC_LINK"),
];

/// The names of [`inode`](crate::inode)'s values.
const INODE_NAMES: &[(i128, &str)] = &[];

/// The names of [`linkcount`](crate::linkcount)'s values.
const LINKCOUNT_NAMES: &[(i128, &str)] = &[];

/// The names of [`lock`](crate::lock)'s values.
const LOCK_NAMES: &[(i128, &str)] = &[
    (0, "LOCK_UNLOCKED"),
    (1073741824, "LOCK_WRLOCKED"),
    (2147483648, "LOCK_KERNEL_MANAGED"),
];

/// The names of [`lookupflags`](crate::lookupflags)'s values.
const LOOKUPFLAGS_NAMES: &[(u64, &str)] = &[(1, "LOOKUP_SYMLINK_FOLLOW")];

/// The names of [`mflags`](crate::mflags)'s values.
const MFLAGS_NAMES: &[(u64, &str)] = &[
    (1, "MAP_ANON"),
    (2, "MAP_FIXED"),
    (4, "MAP_PRIVATE"),
    (8, "MAP_SHARED"),
];

/// The names of [`scope`](crate::scope)'s values.
const SCOPE_NAMES: &[(i128, &str)] = &[(4, "SCOPE_PRIVATE"), (8, "SCOPE_SHARED")];

/// The names of [`mprot`](crate::mprot)'s values.
const MPROT_NAMES: &[(u64, &str)] = &[(1, "PROT_EXEC"), (2, "PROT_WRITE"), (4, "PROT_READ")];

/// The names of [`msflags`](crate::msflags)'s values.
const MSFLAGS_NAMES: &[(u64, &str)] = &[(1, "MS_ASYNC"), (2, "MS_INVALIDATE"), (4, "MS_SYNC")];

/// The names of [`nthreads`](crate::nthreads)'s values.
const NTHREADS_NAMES: &[(i128, &str)] = &[];

/// The names of [`oflags`](crate::oflags)'s values.
const OFLAGS_NAMES: &[(u64, &str)] = &[
    (1, "O_CREAT"),
    (2, "O_DIRECTORY"),
    (4, "O_EXCL"),
    (8, "O_TRUNC"),
];

/// The names of [`rights`](crate::rights)'s values.
const RIGHTS_NAMES: &[(u64, &str)] = &[
    (1, "RIGHT_FD_DATASYNC"),
    (2, "RIGHT_FD_READ"),
    (4, "RIGHT_FD_SEEK"),
    (8, "RIGHT_FD_STAT_PUT_FLAGS"),
    (16, "RIGHT_FD_SYNC"),
    (32, "RIGHT_FD_TELL"),
    (64, "RIGHT_FD_WRITE"),
    (128, "RIGHT_FILE_ADVISE"),
    (256, "RIGHT_FILE_ALLOCATE"),
    (512, "RIGHT_FILE_CREATE_DIRECTORY"),
    (1024, "RIGHT_FILE_CREATE_FILE"),
    (4096, "RIGHT_FILE_LINK_SOURCE"),
    (8192, "RIGHT_FILE_LINK_TARGET"),
    (16384, "RIGHT_FILE_OPEN"),
    (32768, "RIGHT_FILE_READDIR"),
    (65536, "RIGHT_FILE_READLINK"),
    (131072, "RIGHT_FILE_RENAME_SOURCE"),
    (262144, "RIGHT_FILE_RENAME_TARGET"),
    (524288, "RIGHT_FILE_STAT_FGET"),
    (1048576, "RIGHT_FILE_STAT_FPUT_SIZE"),
    (2097152, "RIGHT_FILE_STAT_FPUT_TIMES"),
    (4194304, "RIGHT_FILE_STAT_GET"),
    (8388608, "RIGHT_FILE_STAT_PUT_TIMES"),
    (16777216, "RIGHT_FILE_SYMLINK"),
    (33554432, "RIGHT_FILE_UNLINK"),
    (67108864, "RIGHT_MEM_MAP"),
    (134217728, "RIGHT_MEM_MAP_EXEC"),
    (268435456, "RIGHT_POLL_FD_READWRITE"),
    (1073741824, "RIGHT_POLL_PROC_TERMINATE"),
    (4294967296, "RIGHT_PROC_EXEC"),
    (549755813888, "RIGHT_SOCK_SHUTDOWN"),
];

/// The names of [`sdflags`](crate::sdflags)'s values.
const SDFLAGS_NAMES: &[(u64, &str)] = &[(1, "SHUT_RD"), (2, "SHUT_WR")];

/// The names of [`siflags`](crate::siflags)'s values.
const SIFLAGS_NAMES: &[(u64, &str)] = &[];

/// The names of [`signal`](crate::signal)'s values.
const SIGNAL_NAMES: &[(i128, &str)] = &[
    (1, "SIGABRT"),
    (2, "SIGALRM"),
    (3, "SIGBUS"),
    (4, "SIGCHLD"),
    (5, "SIGCONT"),
    (6, "SIGFPE"),
    (7, "SIGHUP"),
    (8, "SIGILL"),
    (9, "SIGINT"),
    (10, "SIGKILL"),
    (11, "SIGPIPE"),
    (12, "SIGQUIT"),
    (13, "SIGSEGV"),
    (14, "SIGSTOP"),
    (15, "SIGSYS"),
    (16, "SIGTERM"),
    (17, "SIGTRAP"),
    (18, "SIGTSTP"),
    (19, "SIGTTIN"),
    (20, "SIGTTOU"),
    (21, "SIGURG"),
    (22, "SIGUSR1"),
    (23, "SIGUSR2"),
    (24, "SIGVTALRM"),
    (25, "SIGXCPU"),
    (26, "SIGXFSZ"),
];

/// The names of [`subclockflags`](crate::subclockflags)'s values.
const SUBCLOCKFLAGS_NAMES: &[(u64, &str)] = &[(1, "SUBSCRIPTION_CLOCK_ABSTIME")];

/// The names of [`subrwflags`](crate::subrwflags)'s values.
const SUBRWFLAGS_NAMES: &[(u64, &str)] = &[(1, "SUBSCRIPTION_FD_READWRITE_POLL")];

/// The names of [`riflags`](crate::riflags)'s values.
const RIFLAGS_NAMES: &[(u64, &str)] = &[(4, "SOCK_RECV_PEEK"), (16, "SOCK_RECV_WAITALL")];

/// The names of [`roflags`](crate::roflags)'s values.
const ROFLAGS_NAMES: &[(u64, &str)] = &[
    (1, "SOCK_RECV_FDS_TRUNCATED"),
    (8, "SOCK_RECV_DATA_TRUNCATED"),
];

/// The names of [`tid`](crate::tid)'s values.
const TID_NAMES: &[(i128, &str)] = &[];

/// The names of [`timestamp`](crate::timestamp)'s values.
const TIMESTAMP_NAMES: &[(i128, &str)] = &[];

/// The names of [`ulflags`](crate::ulflags)'s values.
const ULFLAGS_NAMES: &[(u64, &str)] = &[(1, "UNLINK_REMOVEDIR")];

/// The names of [`userdata`](crate::userdata)'s values.
const USERDATA_NAMES: &[(i128, &str)] = &[];

/// The names of [`whence`](crate::whence)'s values.
const WHENCE_NAMES: &[(i128, &str)] = &[(1, "WHENCE_CUR"), (2, "WHENCE_END"), (3, "WHENCE_SET")];

/// Decodes a [`advice`](crate::advice) for a trace.
pub fn fmt_advice(v: crate::advice) -> Value {
    named(v as i128, ADVICE_NAMES)
}

/// Decodes a [`auxtype`](crate::auxtype) for a trace.
pub fn fmt_auxtype(v: crate::auxtype) -> Value {
    named(v as i128, AUXTYPE_NAMES)
}

/// Decodes a [`clockid`](crate::clockid) for a trace.
pub fn fmt_clockid(v: crate::clockid) -> Value {
    named(v as i128, CLOCKID_NAMES)
}

/// Decodes a [`condvar`](crate::condvar) for a trace.
pub fn fmt_condvar(v: crate::condvar) -> Value {
    named(v.0 as i128, CONDVAR_NAMES)
}

/// Decodes a [`device`](crate::device) for a trace.
pub fn fmt_device(v: crate::device) -> Value {
    named(v.0 as i128, DEVICE_NAMES)
}

/// Decodes a [`dircookie`](crate::dircookie) for a trace.
pub fn fmt_dircookie(v: crate::dircookie) -> Value {
    named(v.0 as i128, DIRCOOKIE_NAMES)
}

/// Decodes a [`errno`](crate::errno) for a trace.
pub fn fmt_errno(v: crate::errno) -> Value {
    named(v as i128, ERRNO_NAMES)
}

/// Decodes a [`eventrwflags`](crate::eventrwflags) for a trace.
pub fn fmt_eventrwflags(v: crate::eventrwflags) -> Value {
    flags(u64::from(v.bits()), EVENTRWFLAGS_NAMES)
}

/// Decodes a [`eventtype`](crate::eventtype) for a trace.
pub fn fmt_eventtype(v: crate::eventtype) -> Value {
    named(v as i128, EVENTTYPE_NAMES)
}

/// Decodes a [`exitcode`](crate::exitcode) for a trace.
pub fn fmt_exitcode(v: crate::exitcode) -> Value {
    named(v as i128, EXITCODE_NAMES)
}

/// Decodes a [`fd`](crate::fd) for a trace.
pub fn fmt_fd(v: crate::fd) -> Value {
    named(v.0 as i128, FD_NAMES)
}

/// Decodes a [`fdflags`](crate::fdflags) for a trace.
pub fn fmt_fdflags(v: crate::fdflags) -> Value {
    flags(u64::from(v.bits()), FDFLAGS_NAMES)
}

/// Decodes a [`fdsflags`](crate::fdsflags) for a trace.
pub fn fmt_fdsflags(v: crate::fdsflags) -> Value {
    flags(u64::from(v.bits()), FDSFLAGS_NAMES)
}

/// Decodes a [`filedelta`](crate::filedelta) for a trace.
pub fn fmt_filedelta(v: crate::filedelta) -> Value {
    named(v as i128, FILEDELTA_NAMES)
}

/// Decodes a [`filesize`](crate::filesize) for a trace.
pub fn fmt_filesize(v: crate::filesize) -> Value {
    named(v as i128, FILESIZE_NAMES)
}

/// Decodes a [`fsflags`](crate::fsflags) for a trace.
pub fn fmt_fsflags(v: crate::fsflags) -> Value {
    flags(u64::from(v.bits()), FSFLAGS_NAMES)
}

/// Decodes a [`filetype`](crate::filetype) for a trace.
pub fn fmt_filetype(v: crate::filetype) -> Value {
    named(v as i128, FILETYPE_NAMES)
}

/// Decodes a [`inode`](crate::inode) for a trace.
pub fn fmt_inode(v: crate::inode) -> Value {
    named(v.0 as i128, INODE_NAMES)
}

/// Decodes a [`linkcount`](crate::linkcount) for a trace.
pub fn fmt_linkcount(v: crate::linkcount) -> Value {
    named(v as i128, LINKCOUNT_NAMES)
}

/// Decodes a [`lock`](crate::lock) for a trace.
pub fn fmt_lock(v: crate::lock) -> Value {
    named(v.0 as i128, LOCK_NAMES)
}

/// Decodes a [`lookupflags`](crate::lookupflags) for a trace.
pub fn fmt_lookupflags(v: crate::lookupflags) -> Value {
    flags(u64::from(v.bits()), LOOKUPFLAGS_NAMES)
}

/// Decodes a [`mflags`](crate::mflags) for a trace.
pub fn fmt_mflags(v: crate::mflags) -> Value {
    flags(u64::from(v.bits()), MFLAGS_NAMES)
}

/// Decodes a [`scope`](crate::scope) for a trace.
pub fn fmt_scope(v: crate::scope) -> Value {
    named(v as i128, SCOPE_NAMES)
}

/// Decodes a [`mprot`](crate::mprot) for a trace.
pub fn fmt_mprot(v: crate::mprot) -> Value {
    flags(u64::from(v.bits()), MPROT_NAMES)
}

/// Decodes a [`msflags`](crate::msflags) for a trace.
pub fn fmt_msflags(v: crate::msflags) -> Value {
    flags(u64::from(v.bits()), MSFLAGS_NAMES)
}

/// Decodes a [`nthreads`](crate::nthreads) for a trace.
pub fn fmt_nthreads(v: crate::nthreads) -> Value {
    named(v as i128, NTHREADS_NAMES)
}

/// Decodes a [`oflags`](crate::oflags) for a trace.
pub fn fmt_oflags(v: crate::oflags) -> Value {
    flags(u64::from(v.bits()), OFLAGS_NAMES)
}

/// Decodes a [`rights`](crate::rights) for a trace.
pub fn fmt_rights(v: crate::rights) -> Value {
    flags(v.bits(), RIGHTS_NAMES)
}

/// Decodes a [`sdflags`](crate::sdflags) for a trace.
pub fn fmt_sdflags(v: crate::sdflags) -> Value {
    flags(u64::from(v.bits()), SDFLAGS_NAMES)
}

/// Decodes a [`siflags`](crate::siflags) for a trace.
pub fn fmt_siflags(v: crate::siflags) -> Value {
    flags(u64::from(v.bits()), SIFLAGS_NAMES)
}

/// Decodes a [`signal`](crate::signal) for a trace.
pub fn fmt_signal(v: crate::signal) -> Value {
    named(v as i128, SIGNAL_NAMES)
}

/// Decodes a [`subclockflags`](crate::subclockflags) for a trace.
pub fn fmt_subclockflags(v: crate::subclockflags) -> Value {
    flags(u64::from(v.bits()), SUBCLOCKFLAGS_NAMES)
}

/// Decodes a [`subrwflags`](crate::subrwflags) for a trace.
pub fn fmt_subrwflags(v: crate::subrwflags) -> Value {
    flags(u64::from(v.bits()), SUBRWFLAGS_NAMES)
}

/// Decodes a [`riflags`](crate::riflags) for a trace.
pub fn fmt_riflags(v: crate::riflags) -> Value {
    flags(u64::from(v.bits()), RIFLAGS_NAMES)
}

/// Decodes a [`roflags`](crate::roflags) for a trace.
pub fn fmt_roflags(v: crate::roflags) -> Value {
    flags(u64::from(v.bits()), ROFLAGS_NAMES)
}

/// Decodes a [`tid`](crate::tid) for a trace.
pub fn fmt_tid(v: crate::tid) -> Value {
    named(v.0 as i128, TID_NAMES)
}

/// Decodes a [`timestamp`](crate::timestamp) for a trace.
pub fn fmt_timestamp(v: crate::timestamp) -> Value {
    named(v as i128, TIMESTAMP_NAMES)
}

/// Decodes a [`ulflags`](crate::ulflags) for a trace.
pub fn fmt_ulflags(v: crate::ulflags) -> Value {
    flags(u64::from(v.bits()), ULFLAGS_NAMES)
}

/// Decodes a [`userdata`](crate::userdata) for a trace.
pub fn fmt_userdata(v: crate::userdata) -> Value {
    named(v as i128, USERDATA_NAMES)
}

/// Decodes a [`whence`](crate::whence) for a trace.
pub fn fmt_whence(v: crate::whence) -> Value {
    named(v as i128, WHENCE_NAMES)
}

/// Decodes a [`auxv`](crate::auxv) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_auxv(p: *const crate::auxv) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).a_type);
        let raw = (at as *const u32).read();
        let value = named(raw as i128, AUXTYPE_NAMES);
        members.push(("a_type", value));
        let at = core::ptr::addr_of!((*p).a_type);
        let tag = (at as *const u32).read();
        match tag {
            257 | 259 | 260 | 6 | 4 | 261 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let at = core::ptr::addr_of!((*arm1).a_val);
                let value = Value::Int(at.read() as i128);
                members.push(("a_val", value));
            }
            256 | 7 | 258 | 3 | 263 | 262 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let at = core::ptr::addr_of!((*arm1).a_ptr);
                let value = Value::Pointer((at as *const usize).read());
                members.push(("a_ptr", value));
            }
            _ => {
                members.push(("union", Value::Name("..")));
            }
        }
    }
    Value::Struct(members)
}

/// Decodes a [`ciovec`](crate::ciovec) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_ciovec(p: *const crate::ciovec) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).buf.1);
        let value = Value::Count(at.read(), "bytes");
        members.push(("buf", value));
    }
    Value::Struct(members)
}

/// Decodes a [`dirent`](crate::dirent) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_dirent(p: *const crate::dirent) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).d_next);
        let raw = (at as *const u64).read();
        let value = Value::Int(raw as i128);
        members.push(("d_next", value));
        let at = core::ptr::addr_of!((*p).d_ino);
        let raw = (at as *const u64).read();
        let value = Value::Int(raw as i128);
        members.push(("d_ino", value));
        let at = core::ptr::addr_of!((*p).d_namlen);
        let value = Value::Int(at.read() as i128);
        members.push(("d_namlen", value));
        let at = core::ptr::addr_of!((*p).d_type);
        let raw = (at as *const u8).read();
        let value = named(raw as i128, FILETYPE_NAMES);
        members.push(("d_type", value));
    }
    Value::Struct(members)
}

/// Decodes a [`event`](crate::event) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_event(p: *const crate::event) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).userdata);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("userdata", value));
        let at = core::ptr::addr_of!((*p).error);
        let raw = (at as *const u16).read();
        let value = named(raw as i128, ERRNO_NAMES);
        members.push(("error", value));
        let at = core::ptr::addr_of!((*p).r#type);
        let raw = (at as *const u8).read();
        let value = named(raw as i128, EVENTTYPE_NAMES);
        members.push(("type", value));
        let at = core::ptr::addr_of!((*p).r#type);
        let tag = (at as *const u8).read();
        match tag {
            3 | 4 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).fd_readwrite);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).nbytes);
                let raw = at.read();
                let value = Value::Int(raw as i128);
                fields1.push(("nbytes", value));
                let at = core::ptr::addr_of!((*arm1).unused);
                let value = ints(&*at);
                fields1.push(("unused", value));
                let at = core::ptr::addr_of!((*arm1).flags);
                let raw = (at as *const u16).read();
                let value = flags(u64::from(raw), EVENTRWFLAGS_NAMES);
                fields1.push(("flags", value));
                members.push(("fd_readwrite", Value::Struct(fields1)));
            }
            7 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).proc_terminate);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).unused);
                let value = ints(&*at);
                fields1.push(("unused", value));
                let at = core::ptr::addr_of!((*arm1).signal);
                let raw = (at as *const u8).read();
                let value = {
                    const NAMES: &[(i128, &str)] = &[
                        (1, "SIGABRT"),
                        (2, "SIGALRM"),
                        (3, "SIGBUS"),
                        (4, "SIGCHLD"),
                        (5, "SIGCONT"),
                        (6, "SIGFPE"),
                        (7, "SIGHUP"),
                        (8, "SIGILL"),
                        (9, "SIGINT"),
                        (10, "SIGKILL"),
                        (11, "SIGPIPE"),
                        (12, "SIGQUIT"),
                        (13, "SIGSEGV"),
                        (14, "SIGSTOP"),
                        (15, "SIGSYS"),
                        (16, "SIGTERM"),
                        (17, "SIGTRAP"),
                        (18, "SIGTSTP"),
                        (19, "SIGTTIN"),
                        (20, "SIGTTOU"),
                        (21, "SIGURG"),
                        (22, "SIGUSR1"),
                        (23, "SIGUSR2"),
                        (24, "SIGVTALRM"),
                        (25, "SIGXCPU"),
                        (26, "SIGXFSZ"),
                        (0, "exited"),
                    ];
                    named(raw as i128, NAMES)
                };
                fields1.push(("signal", value));
                let at = core::ptr::addr_of!((*arm1).exitcode);
                let raw = at.read();
                let value = Value::Int(raw as i128);
                fields1.push(("exitcode", value));
                members.push(("proc_terminate", Value::Struct(fields1)));
            }
            _ => {
                members.push(("union", Value::Name("..")));
            }
        }
    }
    Value::Struct(members)
}

/// Decodes a [`fdstat`](crate::fdstat) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_fdstat(p: *const crate::fdstat) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).fs_filetype);
        let raw = (at as *const u8).read();
        let value = named(raw as i128, FILETYPE_NAMES);
        members.push(("fs_filetype", value));
        let at = core::ptr::addr_of!((*p).fs_flags);
        let raw = (at as *const u16).read();
        let value = flags(u64::from(raw), FDFLAGS_NAMES);
        members.push(("fs_flags", value));
        let at = core::ptr::addr_of!((*p).fs_rights_base);
        let raw = (at as *const u64).read();
        let value = flags(raw, RIGHTS_NAMES);
        members.push(("fs_rights_base", value));
        let at = core::ptr::addr_of!((*p).fs_rights_inheriting);
        let raw = (at as *const u64).read();
        let value = flags(raw, RIGHTS_NAMES);
        members.push(("fs_rights_inheriting", value));
    }
    Value::Struct(members)
}

/// Decodes a [`filestat`](crate::filestat) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_filestat(p: *const crate::filestat) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).st_dev);
        let raw = (at as *const u64).read();
        let value = Value::Int(raw as i128);
        members.push(("st_dev", value));
        let at = core::ptr::addr_of!((*p).st_ino);
        let raw = (at as *const u64).read();
        let value = Value::Int(raw as i128);
        members.push(("st_ino", value));
        let at = core::ptr::addr_of!((*p).st_filetype);
        let raw = (at as *const u8).read();
        let value = named(raw as i128, FILETYPE_NAMES);
        members.push(("st_filetype", value));
        let at = core::ptr::addr_of!((*p).st_nlink);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("st_nlink", value));
        let at = core::ptr::addr_of!((*p).st_size);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("st_size", value));
        let at = core::ptr::addr_of!((*p).st_atim);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("st_atim", value));
        let at = core::ptr::addr_of!((*p).st_mtim);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("st_mtim", value));
        let at = core::ptr::addr_of!((*p).st_ctim);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("st_ctim", value));
    }
    Value::Struct(members)
}

/// Decodes a [`iovec`](crate::iovec) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_iovec(p: *const crate::iovec) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).buf.1);
        let value = Value::Count(at.read(), "bytes");
        members.push(("buf", value));
    }
    Value::Struct(members)
}

/// Decodes a [`lookup`](crate::lookup) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_lookup(p: *const crate::lookup) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).fd);
        let raw = (at as *const u32).read();
        let value = Value::Int(raw as i128);
        members.push(("fd", value));
        let at = core::ptr::addr_of!((*p).flags);
        let raw = (at as *const u32).read();
        let value = flags(u64::from(raw), LOOKUPFLAGS_NAMES);
        members.push(("flags", value));
    }
    Value::Struct(members)
}

/// Decodes a [`recv_in`](crate::recv_in) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_recv_in(p: *const crate::recv_in) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).ri_data.1);
        let value = Value::Count(at.read(), "iovec");
        members.push(("ri_data", value));
        let at = core::ptr::addr_of!((*p).ri_fds.1);
        let value = Value::Count(at.read(), "fd");
        members.push(("ri_fds", value));
        let at = core::ptr::addr_of!((*p).ri_flags);
        let raw = (at as *const u16).read();
        let value = flags(u64::from(raw), RIFLAGS_NAMES);
        members.push(("ri_flags", value));
    }
    Value::Struct(members)
}

/// Decodes a [`send_in`](crate::send_in) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_send_in(p: *const crate::send_in) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).si_data.1);
        let value = Value::Count(at.read(), "ciovec");
        members.push(("si_data", value));
        let at = core::ptr::addr_of!((*p).si_fds.1);
        let value = Value::Count(at.read(), "fd");
        members.push(("si_fds", value));
        let at = core::ptr::addr_of!((*p).si_flags);
        let raw = (at as *const u16).read();
        let value = flags(u64::from(raw), SIFLAGS_NAMES);
        members.push(("si_flags", value));
    }
    Value::Struct(members)
}

/// Decodes a [`send_out`](crate::send_out) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_send_out(p: *const crate::send_out) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).so_datalen);
        let value = Value::Int(at.read() as i128);
        members.push(("so_datalen", value));
    }
    Value::Struct(members)
}

/// Decodes a [`recv_out`](crate::recv_out) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_recv_out(p: *const crate::recv_out) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).ro_datalen);
        let value = Value::Int(at.read() as i128);
        members.push(("ro_datalen", value));
        let at = core::ptr::addr_of!((*p).ro_fdslen);
        let value = Value::Int(at.read() as i128);
        members.push(("ro_fdslen", value));
        let at = core::ptr::addr_of!((*p).ro_unused);
        let value = ints(&*at);
        members.push(("ro_unused", value));
        let at = core::ptr::addr_of!((*p).ro_flags);
        let raw = (at as *const u16).read();
        let value = flags(u64::from(raw), ROFLAGS_NAMES);
        members.push(("ro_flags", value));
    }
    Value::Struct(members)
}

/// Decodes a [`subscription`](crate::subscription) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_subscription(p: *const crate::subscription) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).userdata);
        let raw = at.read();
        let value = Value::Int(raw as i128);
        members.push(("userdata", value));
        let at = core::ptr::addr_of!((*p).unused);
        let value = Value::Int(at.read() as i128);
        members.push(("unused", value));
        let at = core::ptr::addr_of!((*p).r#type);
        let raw = (at as *const u8).read();
        let value = named(raw as i128, EVENTTYPE_NAMES);
        members.push(("type", value));
        let at = core::ptr::addr_of!((*p).r#type);
        let tag = (at as *const u8).read();
        match tag {
            1 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).clock);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).identifier);
                let raw = at.read();
                let value = Value::Int(raw as i128);
                fields1.push(("identifier", value));
                let at = core::ptr::addr_of!((*arm1).clock_id);
                let raw = (at as *const u32).read();
                let value = named(raw as i128, CLOCKID_NAMES);
                fields1.push(("clock_id", value));
                let at = core::ptr::addr_of!((*arm1).timeout);
                let raw = at.read();
                let value = Value::Int(raw as i128);
                fields1.push(("timeout", value));
                let at = core::ptr::addr_of!((*arm1).precision);
                let raw = at.read();
                let value = Value::Int(raw as i128);
                fields1.push(("precision", value));
                let at = core::ptr::addr_of!((*arm1).flags);
                let raw = (at as *const u16).read();
                let value = flags(u64::from(raw), SUBCLOCKFLAGS_NAMES);
                fields1.push(("flags", value));
                members.push(("clock", Value::Struct(fields1)));
            }
            2 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).condvar);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).condvar);
                let value = Value::Pointer((at as *const usize).read());
                fields1.push(("condvar", value));
                let at = core::ptr::addr_of!((*arm1).lock);
                let value = Value::Pointer((at as *const usize).read());
                fields1.push(("lock", value));
                let at = core::ptr::addr_of!((*arm1).condvar_scope);
                let raw = (at as *const u8).read();
                let value = named(raw as i128, SCOPE_NAMES);
                fields1.push(("condvar_scope", value));
                let at = core::ptr::addr_of!((*arm1).lock_scope);
                let raw = (at as *const u8).read();
                let value = named(raw as i128, SCOPE_NAMES);
                fields1.push(("lock_scope", value));
                members.push(("condvar", Value::Struct(fields1)));
            }
            3 | 4 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).fd_readwrite);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).fd);
                let raw = (at as *const u32).read();
                let value = Value::Int(raw as i128);
                fields1.push(("fd", value));
                let at = core::ptr::addr_of!((*arm1).flags);
                let raw = (at as *const u16).read();
                let value = flags(u64::from(raw), SUBRWFLAGS_NAMES);
                fields1.push(("flags", value));
                members.push(("fd_readwrite", Value::Struct(fields1)));
            }
            5 | 6 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).lock);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).lock);
                let value = Value::Pointer((at as *const usize).read());
                fields1.push(("lock", value));
                let at = core::ptr::addr_of!((*arm1).lock_scope);
                let raw = (at as *const u8).read();
                let value = named(raw as i128, SCOPE_NAMES);
                fields1.push(("lock_scope", value));
                members.push(("lock", Value::Struct(fields1)));
            }
            7 => {
                let arm1 = core::ptr::addr_of!((*p).union);
                let arm1 = core::ptr::addr_of!((*arm1).proc_terminate);
                let mut fields1 = Vec::new();
                let at = core::ptr::addr_of!((*arm1).fd);
                let raw = (at as *const u32).read();
                let value = Value::Int(raw as i128);
                fields1.push(("fd", value));
                members.push(("proc_terminate", Value::Struct(fields1)));
            }
            _ => {
                members.push(("union", Value::Name("..")));
            }
        }
    }
    Value::Struct(members)
}

/// Decodes a [`tcb`](crate::tcb) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_tcb(p: *const crate::tcb) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).parent);
        let value = Value::Pointer((at as *const usize).read());
        members.push(("parent", value));
    }
    Value::Struct(members)
}

/// Decodes a [`threadattr`](crate::threadattr) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not be a valid Rust value.
pub unsafe fn fmt_threadattr(p: *const crate::threadattr) -> Value {
    let mut members = Vec::new();
    // SAFETY: `p` is valid for reading a whole value (this function's contract); each field
    // is read at its own address and as its base type, so any bytes are acceptable.
    unsafe {
        let at = core::ptr::addr_of!((*p).entry_point);
        let value = Value::Pointer((at as *const usize).read());
        members.push(("entry_point", value));
        let at = core::ptr::addr_of!((*p).stack.1);
        let value = Value::Count(at.read(), "bytes");
        members.push(("stack", value));
        let at = core::ptr::addr_of!((*p).argument);
        let value = Value::Pointer((at as *const usize).read());
        members.push(("argument", value));
    }
    Value::Struct(members)
}

/// The arguments of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get(clock_id: crate::clockid) -> Call {
    let mut args = Vec::new();
    let raw = clock_id as u32;
    let value = named(raw as i128, CLOCKID_NAMES);
    args.push(("clock_id", value));
    Call {
        syscall: "clock_res_get",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get_result(
    result: &Result<crate::timestamp, crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get(clock_id: crate::clockid, precision: crate::timestamp) -> Call {
    let mut args = Vec::new();
    let raw = clock_id as u32;
    let value = named(raw as i128, CLOCKID_NAMES);
    args.push(("clock_id", value));
    let raw = precision;
    let value = Value::Int(raw as i128);
    args.push(("precision", value));
    Call {
        syscall: "clock_time_get",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get_result(
    result: &Result<crate::timestamp, crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal(
    condvar: *mut crate::condvar,
    scope: crate::scope,
    nwaiters: crate::nthreads,
) -> Call {
    let mut args = Vec::new();
    let value = ptr(condvar);
    args.push(("condvar", value));
    let raw = scope as u8;
    let value = named(raw as i128, SCOPE_NAMES);
    args.push(("scope", value));
    let raw = nwaiters;
    let value = Value::Int(raw as i128);
    args.push(("nwaiters", value));
    Call {
        syscall: "condvar_signal",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_close`](crate::fd_close) call.
pub fn fd_close(fd: crate::fd) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    Call {
        syscall: "fd_close",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_close`](crate::fd_close) call.
pub fn fd_close_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1(r#type: crate::filetype) -> Call {
    let mut args = Vec::new();
    let raw = r#type as u8;
    let value = named(raw as i128, FILETYPE_NAMES);
    args.push(("type", value));
    Call {
        syscall: "fd_create1",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1_result(result: &Result<crate::fd, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v.0;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2(r#type: crate::filetype) -> Call {
    let mut args = Vec::new();
    let raw = r#type as u8;
    let value = named(raw as i128, FILETYPE_NAMES);
    args.push(("type", value));
    Call {
        syscall: "fd_create2",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2_result(
    result: &Result<(crate::fd, crate::fd), crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let mut parts = Vec::new();
    let raw = (v.0).0;
    let value = Value::Int(raw as i128);
    parts.push(value);
    let raw = (v.1).0;
    let value = Value::Int(raw as i128);
    parts.push(value);
    Ok(Value::Tuple(parts))
}

/// The arguments of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync(fd: crate::fd) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    Call {
        syscall: "fd_datasync",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup(from: crate::fd) -> Call {
    let mut args = Vec::new();
    let raw = from.0;
    let value = Value::Int(raw as i128);
    args.push(("from", value));
    Call {
        syscall: "fd_dup",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup_result(result: &Result<crate::fd, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v.0;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread(fd: crate::fd, iovs: &[crate::iovec], offset: crate::filesize) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let mut bytes = 0;
    for e in iovs {
        bytes += e.buf.1;
    }
    let value = Value::Buffers(iovs.len(), "iovec", bytes);
    args.push(("iovs", value));
    let raw = offset;
    let value = Value::Int(raw as i128);
    args.push(("offset", value));
    Call {
        syscall: "fd_pread",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite(fd: crate::fd, iovs: &[crate::ciovec], offset: crate::filesize) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let mut bytes = 0;
    for e in iovs {
        bytes += e.buf.1;
    }
    let value = Value::Buffers(iovs.len(), "ciovec", bytes);
    args.push(("iovs", value));
    let raw = offset;
    let value = Value::Int(raw as i128);
    args.push(("offset", value));
    Call {
        syscall: "fd_pwrite",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`fd_read`](crate::fd_read) call.
pub fn fd_read(fd: crate::fd, iovs: &[crate::iovec]) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let mut bytes = 0;
    for e in iovs {
        bytes += e.buf.1;
    }
    let value = Value::Buffers(iovs.len(), "iovec", bytes);
    args.push(("iovs", value));
    Call {
        syscall: "fd_read",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_read`](crate::fd_read) call.
pub fn fd_read_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace(from: crate::fd, to: crate::fd) -> Call {
    let mut args = Vec::new();
    let raw = from.0;
    let value = Value::Int(raw as i128);
    args.push(("from", value));
    let raw = to.0;
    let value = Value::Int(raw as i128);
    args.push(("to", value));
    Call {
        syscall: "fd_replace",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek(fd: crate::fd, offset: crate::filedelta, whence: crate::whence) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let raw = offset;
    let value = Value::Int(raw as i128);
    args.push(("offset", value));
    let raw = whence as u8;
    let value = named(raw as i128, WHENCE_NAMES);
    args.push(("whence", value));
    Call {
        syscall: "fd_seek",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek_result(
    result: &Result<crate::filesize, crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get(fd: crate::fd, buf: *const crate::fdstat) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = ptr(buf);
    args.push(("buf", value));
    Call {
        syscall: "fd_stat_get",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put(
    fd: crate::fd,
    buf: crate::host::Fields<'_, crate::fdstat>,
    flags: crate::fdsflags,
) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    // SAFETY: the entry point checked the whole struct as readable guest memory.
    let value = unsafe { fmt_fdstat(buf.as_ptr()) };
    args.push(("buf", value));
    let value = fmt_fdsflags(flags);
    args.push(("flags", value));
    Call {
        syscall: "fd_stat_put",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync(fd: crate::fd) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    Call {
        syscall: "fd_sync",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`fd_write`](crate::fd_write) call.
pub fn fd_write(fd: crate::fd, iovs: &[crate::ciovec]) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let mut bytes = 0;
    for e in iovs {
        bytes += e.buf.1;
    }
    let value = Value::Buffers(iovs.len(), "ciovec", bytes);
    args.push(("iovs", value));
    Call {
        syscall: "fd_write",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_write`](crate::fd_write) call.
pub fn fd_write_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`file_advise`](crate::file_advise) call.
pub fn file_advise(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: crate::advice,
) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let raw = offset;
    let value = Value::Int(raw as i128);
    args.push(("offset", value));
    let raw = len;
    let value = Value::Int(raw as i128);
    args.push(("len", value));
    let raw = advice as u8;
    let value = named(raw as i128, ADVICE_NAMES);
    args.push(("advice", value));
    Call {
        syscall: "file_advise",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_advise`](crate::file_advise) call.
pub fn file_advise_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate(fd: crate::fd, offset: crate::filesize, len: crate::filesize) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let raw = offset;
    let value = Value::Int(raw as i128);
    args.push(("offset", value));
    let raw = len;
    let value = Value::Int(raw as i128);
    args.push(("len", value));
    Call {
        syscall: "file_allocate",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_create`](crate::file_create) call.
pub fn file_create(fd: crate::fd, path: &[u8], r#type: crate::filetype) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = text(path);
    args.push(("path", value));
    let raw = r#type as u8;
    let value = named(raw as i128, FILETYPE_NAMES);
    args.push(("type", value));
    Call {
        syscall: "file_create",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_create`](crate::file_create) call.
pub fn file_create_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_link`](crate::file_link) call.
pub fn file_link(fd1: crate::lookup, path1: &[u8], fd2: crate::fd, path2: &[u8]) -> Call {
    let mut args = Vec::new();
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_lookup(&fd1) };
    args.push(("fd1", value));
    let value = text(path1);
    args.push(("path1", value));
    let raw = fd2.0;
    let value = Value::Int(raw as i128);
    args.push(("fd2", value));
    let value = text(path2);
    args.push(("path2", value));
    Call {
        syscall: "file_link",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_link`](crate::file_link) call.
pub fn file_link_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_open`](crate::file_open) call.
pub fn file_open(
    dirfd: crate::lookup,
    path: &[u8],
    oflags: crate::oflags,
    fds: crate::host::Fields<'_, crate::fdstat>,
) -> Call {
    let mut args = Vec::new();
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_lookup(&dirfd) };
    args.push(("dirfd", value));
    let value = text(path);
    args.push(("path", value));
    let value = fmt_oflags(oflags);
    args.push(("oflags", value));
    // SAFETY: the entry point checked the whole struct as readable guest memory.
    let value = unsafe { fmt_fdstat(fds.as_ptr()) };
    args.push(("fds", value));
    Call {
        syscall: "file_open",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_open`](crate::file_open) call.
pub fn file_open_result(result: &Result<crate::fd, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v.0;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir(fd: crate::fd, buf: usize, cookie: crate::dircookie) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = Value::Count(buf, "bytes");
    args.push(("buf", value));
    let raw = cookie.0;
    let value = Value::Int(raw as i128);
    args.push(("cookie", value));
    Call {
        syscall: "file_readdir",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink(fd: crate::fd, path: &[u8], buf: usize) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = text(path);
    args.push(("path", value));
    let value = Value::Count(buf, "bytes");
    args.push(("buf", value));
    Call {
        syscall: "file_readlink",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink_result(result: &Result<usize, crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = Value::Int(v as i128);
    Ok(value)
}

/// The arguments of a [`file_rename`](crate::file_rename) call.
pub fn file_rename(fd1: crate::fd, path1: &[u8], fd2: crate::fd, path2: &[u8]) -> Call {
    let mut args = Vec::new();
    let raw = fd1.0;
    let value = Value::Int(raw as i128);
    args.push(("fd1", value));
    let value = text(path1);
    args.push(("path1", value));
    let raw = fd2.0;
    let value = Value::Int(raw as i128);
    args.push(("fd2", value));
    let value = text(path2);
    args.push(("path2", value));
    Call {
        syscall: "file_rename",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_rename`](crate::file_rename) call.
pub fn file_rename_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget(fd: crate::fd, buf: *const crate::filestat) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = ptr(buf);
    args.push(("buf", value));
    Call {
        syscall: "file_stat_fget",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput(
    fd: crate::fd,
    buf: crate::host::Fields<'_, crate::filestat>,
    flags: crate::fsflags,
) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    // SAFETY: the entry point checked the whole struct as readable guest memory.
    let value = unsafe { fmt_filestat(buf.as_ptr()) };
    args.push(("buf", value));
    let value = fmt_fsflags(flags);
    args.push(("flags", value));
    Call {
        syscall: "file_stat_fput",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get(fd: crate::lookup, path: &[u8], buf: *const crate::filestat) -> Call {
    let mut args = Vec::new();
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_lookup(&fd) };
    args.push(("fd", value));
    let value = text(path);
    args.push(("path", value));
    let value = ptr(buf);
    args.push(("buf", value));
    Call {
        syscall: "file_stat_get",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put(
    fd: crate::lookup,
    path: &[u8],
    buf: crate::host::Fields<'_, crate::filestat>,
    flags: crate::fsflags,
) -> Call {
    let mut args = Vec::new();
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_lookup(&fd) };
    args.push(("fd", value));
    let value = text(path);
    args.push(("path", value));
    // SAFETY: the entry point checked the whole struct as readable guest memory.
    let value = unsafe { fmt_filestat(buf.as_ptr()) };
    args.push(("buf", value));
    let value = fmt_fsflags(flags);
    args.push(("flags", value));
    Call {
        syscall: "file_stat_put",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink(path1: &[u8], fd: crate::fd, path2: &[u8]) -> Call {
    let mut args = Vec::new();
    let value = text(path1);
    args.push(("path1", value));
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = text(path2);
    args.push(("path2", value));
    Call {
        syscall: "file_symlink",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink(fd: crate::fd, path: &[u8], flags: crate::ulflags) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = text(path);
    args.push(("path", value));
    let value = fmt_ulflags(flags);
    args.push(("flags", value));
    Call {
        syscall: "file_unlink",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock(lock: *mut crate::lock, scope: crate::scope) -> Call {
    let mut args = Vec::new();
    let value = ptr(lock);
    args.push(("lock", value));
    let raw = scope as u8;
    let value = named(raw as i128, SCOPE_NAMES);
    args.push(("scope", value));
    Call {
        syscall: "lock_unlock",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise(mapping: *mut [u8], advice: crate::advice) -> Call {
    let mut args = Vec::new();
    let value = address_range(mapping);
    args.push(("mapping", value));
    let raw = advice as u8;
    let value = named(raw as i128, ADVICE_NAMES);
    args.push(("advice", value));
    Call {
        syscall: "mem_advise",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`mem_map`](crate::mem_map) call.
pub fn mem_map(
    addr: *mut (),
    len: usize,
    prot: crate::mprot,
    flags: crate::mflags,
    fd: crate::fd,
    off: crate::filesize,
) -> Call {
    let mut args = Vec::new();
    let value = ptr(addr);
    args.push(("addr", value));
    let value = Value::Int(len as i128);
    args.push(("len", value));
    let value = fmt_mprot(prot);
    args.push(("prot", value));
    let value = fmt_mflags(flags);
    args.push(("flags", value));
    let raw = fd.0;
    let value = {
        const NAMES: &[(i128, &str)] = &[(4294967295, "MAP_ANON_FD")];
        named(raw as i128, NAMES)
    };
    args.push(("fd", value));
    let raw = off;
    let value = Value::Int(raw as i128);
    args.push(("off", value));
    Call {
        syscall: "mem_map",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_map`](crate::mem_map) call.
pub fn mem_map_result(result: &Result<*mut (), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let value = ptr(v);
    Ok(value)
}

/// The arguments of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect(mapping: *mut [u8], prot: crate::mprot) -> Call {
    let mut args = Vec::new();
    let value = address_range(mapping);
    args.push(("mapping", value));
    let value = fmt_mprot(prot);
    args.push(("prot", value));
    Call {
        syscall: "mem_protect",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync(mapping: *mut [u8], flags: crate::msflags) -> Call {
    let mut args = Vec::new();
    let value = address_range(mapping);
    args.push(("mapping", value));
    let value = fmt_msflags(flags);
    args.push(("flags", value));
    Call {
        syscall: "mem_sync",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap(mapping: *mut [u8]) -> Call {
    let mut args = Vec::new();
    let value = address_range(mapping);
    args.push(("mapping", value));
    Call {
        syscall: "mem_unmap",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`poll`](crate::poll) call.
pub fn poll(r#in: &[crate::subscription], out: usize) -> Call {
    let mut args = Vec::new();
    let mut items = Vec::new();
    for e in r#in {
        // SAFETY: the elements of a slice are valid to read.
        let value = unsafe { fmt_subscription(e) };
        items.push(value);
    }
    let value = Value::List(items);
    args.push(("in", value));
    let value = Value::Count(out, "event");
    args.push(("out", value));
    Call {
        syscall: "poll",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`poll`](crate::poll) call.
pub fn poll_result(
    result: &Result<usize, crate::errno>,
    out_filled: (*const crate::event, usize),
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let mut parts = Vec::new();
    let value = Value::Int(*v as i128);
    parts.push(("nevents", value));
    let mut items = Vec::new();
    for i in 0..(*v).min(out_filled.1) {
        // SAFETY: the call filled this many values of the buffer the entry point
        // checked as writable guest memory; they are read field by field.
        let value = unsafe { fmt_event(out_filled.0.add(i)) };
        items.push(value);
    }
    parts.push(("out", Value::List(items)));
    Ok(Value::Struct(parts))
}

/// The arguments of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec(fd: crate::fd, data: &[u8], fds: &[crate::fd]) -> Call {
    let mut args = Vec::new();
    let raw = fd.0;
    let value = Value::Int(raw as i128);
    args.push(("fd", value));
    let value = Value::Count(data.len(), "bytes");
    args.push(("data", value));
    let mut items = Vec::new();
    for &e in fds {
        let raw = e.0;
        let value = Value::Int(raw as i128);
        items.push(value);
    }
    let value = Value::List(items);
    args.push(("fds", value));
    Call {
        syscall: "proc_exec",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`proc_exit`](crate::proc_exit) call.
pub fn proc_exit(rval: crate::exitcode) -> Call {
    let mut args = Vec::new();
    let raw = rval;
    let value = Value::Int(raw as i128);
    args.push(("rval", value));
    Call {
        syscall: "proc_exit",
        args,
        checked: true,
        noreturn: true,
    }
}

/// The arguments of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork() -> Call {
    let args = Vec::new();
    Call {
        syscall: "proc_fork",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork_result(
    result: &Result<(crate::fd, crate::tid), crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let mut parts = Vec::new();
    let raw = (v.0).0;
    let value = {
        const NAMES: &[(i128, &str)] = &[(4294967295, "PROCESS_CHILD")];
        named(raw as i128, NAMES)
    };
    parts.push(value);
    let raw = (v.1).0;
    let value = Value::Int(raw as i128);
    parts.push(value);
    Ok(Value::Tuple(parts))
}

/// The arguments of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise(sig: crate::signal) -> Call {
    let mut args = Vec::new();
    let raw = sig as u8;
    let value = named(raw as i128, SIGNAL_NAMES);
    args.push(("sig", value));
    Call {
        syscall: "proc_raise",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`random_get`](crate::random_get) call.
pub fn random_get(buf: usize) -> Call {
    let mut args = Vec::new();
    let value = Value::Count(buf, "bytes");
    args.push(("buf", value));
    Call {
        syscall: "random_get",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`random_get`](crate::random_get) call.
pub fn random_get_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv(sock: crate::fd, r#in: &crate::recv_in, out: *const crate::recv_out) -> Call {
    let mut args = Vec::new();
    let raw = sock.0;
    let value = Value::Int(raw as i128);
    args.push(("sock", value));
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_recv_in(r#in) };
    args.push(("in", value));
    let value = ptr(out);
    args.push(("out", value));
    Call {
        syscall: "sock_recv",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`sock_send`](crate::sock_send) call.
pub fn sock_send(sock: crate::fd, r#in: &crate::send_in, out: *const crate::send_out) -> Call {
    let mut args = Vec::new();
    let raw = sock.0;
    let value = Value::Int(raw as i128);
    args.push(("sock", value));
    // SAFETY: a reference is valid to read.
    let value = unsafe { fmt_send_in(r#in) };
    args.push(("in", value));
    let value = ptr(out);
    args.push(("out", value));
    Call {
        syscall: "sock_send",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_send`](crate::sock_send) call.
pub fn sock_send_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown(sock: crate::fd, how: crate::sdflags) -> Call {
    let mut args = Vec::new();
    let raw = sock.0;
    let value = Value::Int(raw as i128);
    args.push(("sock", value));
    let value = fmt_sdflags(how);
    args.push(("how", value));
    Call {
        syscall: "sock_shutdown",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}

/// The arguments of a [`thread_create`](crate::thread_create) call.
pub fn thread_create(attr: *const crate::threadattr) -> Call {
    let mut args = Vec::new();
    let value = ptr(attr);
    args.push(("attr", value));
    Call {
        syscall: "thread_create",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`thread_create`](crate::thread_create) call.
pub fn thread_create_result(
    result: &Result<crate::tid, crate::errno>,
) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let v = *v;
    let raw = v.0;
    let value = Value::Int(raw as i128);
    Ok(value)
}

/// The arguments of a [`thread_exit`](crate::thread_exit) call.
pub fn thread_exit(lock: *mut crate::lock, scope: crate::scope) -> Call {
    let mut args = Vec::new();
    let value = ptr(lock);
    args.push(("lock", value));
    let raw = scope as u8;
    let value = named(raw as i128, SCOPE_NAMES);
    args.push(("scope", value));
    Call {
        syscall: "thread_exit",
        args,
        checked: true,
        noreturn: true,
    }
}

/// The arguments of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield() -> Call {
    let args = Vec::new();
    Call {
        syscall: "thread_yield",
        args,
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    let v = match result {
        Ok(v) => v,
        Err(e) => return Err(*e),
    };
    let () = *v;
    Ok(Value::Unit)
}
