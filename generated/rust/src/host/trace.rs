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
                let mut parts: Vec<String> = names
                    .iter()
                    .map(|n| String::from(*n))
                    .collect();
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
                separated(
                    f,
                    members.iter(),
                    |f, (name, v)| write!(f, "{}={}", name, v),
                )?;
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
        separated(f, self.args.iter(), |f, (name, v)| write!(f, "{}={}", name, v))?;
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

/// Decodes a [`advice`](crate::advice) for a trace.
pub fn fmt_advice(v: crate::advice) -> Value {
    Value::Name(
        match v {
            crate::advice::DONTNEED => "ADVICE_DONTNEED",
            crate::advice::NOREUSE => "ADVICE_NOREUSE",
            crate::advice::NORMAL => "ADVICE_NORMAL",
            crate::advice::RANDOM => "ADVICE_RANDOM",
            crate::advice::SEQUENTIAL => "ADVICE_SEQUENTIAL",
            crate::advice::WILLNEED => "ADVICE_WILLNEED",
        },
    )
}

/// Decodes a [`auxtype`](crate::auxtype) for a trace.
pub fn fmt_auxtype(v: crate::auxtype) -> Value {
    Value::Name(
        match v {
            crate::auxtype::ARGDATA => "AT_ARGDATA",
            crate::auxtype::ARGDATALEN => "AT_ARGDATALEN",
            crate::auxtype::BASE => "AT_BASE",
            crate::auxtype::CANARY => "AT_CANARY",
            crate::auxtype::CANARYLEN => "AT_CANARYLEN",
            crate::auxtype::NCPUS => "AT_NCPUS",
            crate::auxtype::NULL => "AT_NULL",
            crate::auxtype::PAGESZ => "AT_PAGESZ",
            crate::auxtype::PHDR => "AT_PHDR",
            crate::auxtype::PHNUM => "AT_PHNUM",
            crate::auxtype::PID => "AT_PID",
            crate::auxtype::SYSINFO_EHDR => "AT_SYSINFO_EHDR",
            crate::auxtype::TID => "AT_TID",
        },
    )
}

/// Decodes a [`clockid`](crate::clockid) for a trace.
pub fn fmt_clockid(v: crate::clockid) -> Value {
    Value::Name(
        match v {
            crate::clockid::MONOTONIC => "CLOCK_MONOTONIC",
            crate::clockid::PROCESS_CPUTIME_ID => "CLOCK_PROCESS_CPUTIME_ID",
            crate::clockid::REALTIME => "CLOCK_REALTIME",
            crate::clockid::THREAD_CPUTIME_ID => "CLOCK_THREAD_CPUTIME_ID",
        },
    )
}

/// Decodes a [`condvar`](crate::condvar) for a trace.
pub fn fmt_condvar(v: crate::condvar) -> Value {
    named(v.0 as i128, &[(0, "CONDVAR_HAS_NO_WAITERS")])
}

/// Decodes a [`device`](crate::device) for a trace.
pub fn fmt_device(v: crate::device) -> Value {
    named(v.0 as i128, &[])
}

/// Decodes a [`dircookie`](crate::dircookie) for a trace.
pub fn fmt_dircookie(v: crate::dircookie) -> Value {
    named(v.0 as i128, &[(0, "DIRCOOKIE_START")])
}

/// Decodes a [`errno`](crate::errno) for a trace.
pub fn fmt_errno(v: crate::errno) -> Value {
    Value::Name(
        match v {
            crate::errno::SUCCESS => "ESUCCESS",
            crate::errno::TOOBIG => "E2BIG",
            crate::errno::ACCES => "EACCES",
            crate::errno::ADDRINUSE => "EADDRINUSE",
            crate::errno::ADDRNOTAVAIL => "EADDRNOTAVAIL",
            crate::errno::AFNOSUPPORT => "EAFNOSUPPORT",
            crate::errno::AGAIN => "EAGAIN",
            crate::errno::ALREADY => "EALREADY",
            crate::errno::BADF => "EBADF",
            crate::errno::BADMSG => "EBADMSG",
            crate::errno::BUSY => "EBUSY",
            crate::errno::CANCELED => "ECANCELED",
            crate::errno::CHILD => "ECHILD",
            crate::errno::CONNABORTED => "ECONNABORTED",
            crate::errno::CONNREFUSED => "ECONNREFUSED",
            crate::errno::CONNRESET => "ECONNRESET",
            crate::errno::DEADLK => "EDEADLK",
            crate::errno::DESTADDRREQ => "EDESTADDRREQ",
            crate::errno::DOM => "EDOM",
            crate::errno::DQUOT => "EDQUOT",
            crate::errno::EXIST => "EEXIST",
            crate::errno::FAULT => "EFAULT",
            crate::errno::FBIG => "EFBIG",
            crate::errno::HOSTUNREACH => "EHOSTUNREACH",
            crate::errno::IDRM => "EIDRM",
            crate::errno::ILSEQ => "EILSEQ",
            crate::errno::INPROGRESS => "EINPROGRESS",
            crate::errno::INTR => "EINTR",
            crate::errno::INVAL => "EINVAL",
            crate::errno::IO => "EIO",
            crate::errno::ISCONN => "EISCONN",
            crate::errno::ISDIR => "EISDIR",
            crate::errno::LOOP => "ELOOP",
            crate::errno::MFILE => "EMFILE",
            crate::errno::MLINK => "EMLINK",
            crate::errno::MSGSIZE => "EMSGSIZE",
            crate::errno::MULTIHOP => "EMULTIHOP",
            crate::errno::NAMETOOLONG => "ENAMETOOLONG",
            crate::errno::NETDOWN => "ENETDOWN",
            crate::errno::NETRESET => "ENETRESET",
            crate::errno::NETUNREACH => "ENETUNREACH",
            crate::errno::NFILE => "ENFILE",
            crate::errno::NOBUFS => "ENOBUFS",
            crate::errno::NODEV => "ENODEV",
            crate::errno::NOENT => "ENOENT",
            crate::errno::NOEXEC => "ENOEXEC",
            crate::errno::NOLCK => "ENOLCK",
            crate::errno::NOLINK => "ENOLINK",
            crate::errno::NOMEM => "ENOMEM",
            crate::errno::NOMSG => "ENOMSG",
            crate::errno::NOPROTOOPT => "ENOPROTOOPT",
            crate::errno::NOSPC => "ENOSPC",
            crate::errno::NOSYS => "ENOSYS",
            crate::errno::NOTCONN => "ENOTCONN",
            crate::errno::NOTDIR => "ENOTDIR",
            crate::errno::NOTEMPTY => "ENOTEMPTY",
            crate::errno::NOTRECOVERABLE => "ENOTRECOVERABLE",
            crate::errno::NOTSOCK => "ENOTSOCK",
            crate::errno::NOTSUP => "ENOTSUP",
            crate::errno::NOTTY => "ENOTTY",
            crate::errno::NXIO => "ENXIO",
            crate::errno::OVERFLOW => "EOVERFLOW",
            crate::errno::OWNERDEAD => "EOWNERDEAD",
            crate::errno::PERM => "EPERM",
            crate::errno::PIPE => "EPIPE",
            crate::errno::PROTO => "EPROTO",
            crate::errno::PROTONOSUPPORT => "EPROTONOSUPPORT",
            crate::errno::PROTOTYPE => "EPROTOTYPE",
            crate::errno::RANGE => "ERANGE",
            crate::errno::ROFS => "EROFS",
            crate::errno::SPIPE => "ESPIPE",
            crate::errno::SRCH => "ESRCH",
            crate::errno::STALE => "ESTALE",
            crate::errno::TIMEDOUT => "ETIMEDOUT",
            crate::errno::TXTBSY => "ETXTBSY",
            crate::errno::XDEV => "EXDEV",
            crate::errno::NOTCAPABLE => "ENOTCAPABLE",
        },
    )
}

/// Decodes a [`eventrwflags`](crate::eventrwflags) for a trace.
pub fn fmt_eventrwflags(v: crate::eventrwflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "EVENT_FD_READWRITE_HANGUP")])
}

/// Decodes a [`eventtype`](crate::eventtype) for a trace.
pub fn fmt_eventtype(v: crate::eventtype) -> Value {
    Value::Name(
        match v {
            crate::eventtype::CLOCK => "EVENTTYPE_CLOCK",
            crate::eventtype::CONDVAR => "EVENTTYPE_CONDVAR",
            crate::eventtype::FD_READ => "EVENTTYPE_FD_READ",
            crate::eventtype::FD_WRITE => "EVENTTYPE_FD_WRITE",
            crate::eventtype::LOCK_RDLOCK => "EVENTTYPE_LOCK_RDLOCK",
            crate::eventtype::LOCK_WRLOCK => "EVENTTYPE_LOCK_WRLOCK",
            crate::eventtype::PROC_TERMINATE => "EVENTTYPE_PROC_TERMINATE",
        },
    )
}

/// Decodes a [`exitcode`](crate::exitcode) for a trace.
pub fn fmt_exitcode(v: crate::exitcode) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`fd`](crate::fd) for a trace.
pub fn fmt_fd(v: crate::fd) -> Value {
    named(v.0 as i128, &[(4294967295, "PROCESS_CHILD"), (4294967295, "MAP_ANON_FD")])
}

/// Decodes a [`fdflags`](crate::fdflags) for a trace.
pub fn fmt_fdflags(v: crate::fdflags) -> Value {
    flags(
        u64::from(v.bits()),
        &[
            (1, "FDFLAG_APPEND"),
            (2, "FDFLAG_DSYNC"),
            (4, "FDFLAG_NONBLOCK"),
            (8, "FDFLAG_RSYNC"),
            (16, "FDFLAG_SYNC"),
        ],
    )
}

/// Decodes a [`fdsflags`](crate::fdsflags) for a trace.
pub fn fmt_fdsflags(v: crate::fdsflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "FDSTAT_FLAGS"), (2, "FDSTAT_RIGHTS")])
}

/// Decodes a [`filedelta`](crate::filedelta) for a trace.
pub fn fmt_filedelta(v: crate::filedelta) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`filesize`](crate::filesize) for a trace.
pub fn fmt_filesize(v: crate::filesize) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`fsflags`](crate::fsflags) for a trace.
pub fn fmt_fsflags(v: crate::fsflags) -> Value {
    flags(
        u64::from(v.bits()),
        &[
            (1, "FILESTAT_ATIM"),
            (2, "FILESTAT_ATIM_NOW"),
            (4, "FILESTAT_MTIM"),
            (8, "FILESTAT_MTIM_NOW"),
            (16, "FILESTAT_SIZE"),
        ],
    )
}

/// Decodes a [`filetype`](crate::filetype) for a trace.
pub fn fmt_filetype(v: crate::filetype) -> Value {
    Value::Name(
        match v {
            crate::filetype::UNKNOWN => "FILETYPE_UNKNOWN",
            crate::filetype::BLOCK_DEVICE => "FILETYPE_BLOCK_DEVICE",
            crate::filetype::CHARACTER_DEVICE => "FILETYPE_CHARACTER_DEVICE",
            crate::filetype::DIRECTORY => "FILETYPE_DIRECTORY",
            crate::filetype::PROCESS => "FILETYPE_PROCESS",
            crate::filetype::REGULAR_FILE => "FILETYPE_REGULAR_FILE",
            crate::filetype::SHARED_MEMORY => "FILETYPE_SHARED_MEMORY",
            crate::filetype::SOCKET_DGRAM => "FILETYPE_SOCKET_DGRAM",
            crate::filetype::SOCKET_STREAM => "FILETYPE_SOCKET_STREAM",
            crate::filetype::SYMBOLIC_LINK => "FILETYPE_SYMBOLIC_LINK",
        },
    )
}

/// Decodes a [`inode`](crate::inode) for a trace.
pub fn fmt_inode(v: crate::inode) -> Value {
    named(v.0 as i128, &[])
}

/// Decodes a [`linkcount`](crate::linkcount) for a trace.
pub fn fmt_linkcount(v: crate::linkcount) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`lock`](crate::lock) for a trace.
pub fn fmt_lock(v: crate::lock) -> Value {
    named(
        v.0 as i128,
        &[
            (0, "LOCK_UNLOCKED"),
            (1073741824, "LOCK_WRLOCKED"),
            (2147483648, "LOCK_KERNEL_MANAGED"),
            (2147483648, "LOCK_BOGUS"),
        ],
    )
}

/// Decodes a [`lookupflags`](crate::lookupflags) for a trace.
pub fn fmt_lookupflags(v: crate::lookupflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "LOOKUP_SYMLINK_FOLLOW")])
}

/// Decodes a [`mflags`](crate::mflags) for a trace.
pub fn fmt_mflags(v: crate::mflags) -> Value {
    flags(
        u64::from(v.bits()),
        &[(1, "MAP_ANON"), (2, "MAP_FIXED"), (4, "MAP_PRIVATE"), (8, "MAP_SHARED")],
    )
}

/// Decodes a [`scope`](crate::scope) for a trace.
pub fn fmt_scope(v: crate::scope) -> Value {
    Value::Name(
        match v {
            crate::scope::PRIVATE => "SCOPE_PRIVATE",
            crate::scope::SHARED => "SCOPE_SHARED",
        },
    )
}

/// Decodes a [`mprot`](crate::mprot) for a trace.
pub fn fmt_mprot(v: crate::mprot) -> Value {
    flags(u64::from(v.bits()), &[(1, "PROT_EXEC"), (2, "PROT_WRITE"), (4, "PROT_READ")])
}

/// Decodes a [`msflags`](crate::msflags) for a trace.
pub fn fmt_msflags(v: crate::msflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "MS_ASYNC"), (2, "MS_INVALIDATE"), (4, "MS_SYNC")])
}

/// Decodes a [`nthreads`](crate::nthreads) for a trace.
pub fn fmt_nthreads(v: crate::nthreads) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`oflags`](crate::oflags) for a trace.
pub fn fmt_oflags(v: crate::oflags) -> Value {
    flags(
        u64::from(v.bits()),
        &[(1, "O_CREAT"), (2, "O_DIRECTORY"), (4, "O_EXCL"), (8, "O_TRUNC")],
    )
}

/// Decodes a [`rights`](crate::rights) for a trace.
pub fn fmt_rights(v: crate::rights) -> Value {
    flags(
        v.bits(),
        &[
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
        ],
    )
}

/// Decodes a [`sdflags`](crate::sdflags) for a trace.
pub fn fmt_sdflags(v: crate::sdflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "SHUT_RD"), (2, "SHUT_WR")])
}

/// Decodes a [`siflags`](crate::siflags) for a trace.
pub fn fmt_siflags(v: crate::siflags) -> Value {
    flags(u64::from(v.bits()), &[])
}

/// Decodes a [`signal`](crate::signal) for a trace.
pub fn fmt_signal(v: crate::signal) -> Value {
    Value::Name(
        match v {
            crate::signal::ABRT => "SIGABRT",
            crate::signal::ALRM => "SIGALRM",
            crate::signal::BUS => "SIGBUS",
            crate::signal::CHLD => "SIGCHLD",
            crate::signal::CONT => "SIGCONT",
            crate::signal::FPE => "SIGFPE",
            crate::signal::HUP => "SIGHUP",
            crate::signal::ILL => "SIGILL",
            crate::signal::INT => "SIGINT",
            crate::signal::KILL => "SIGKILL",
            crate::signal::PIPE => "SIGPIPE",
            crate::signal::QUIT => "SIGQUIT",
            crate::signal::SEGV => "SIGSEGV",
            crate::signal::STOP => "SIGSTOP",
            crate::signal::SYS => "SIGSYS",
            crate::signal::TERM => "SIGTERM",
            crate::signal::TRAP => "SIGTRAP",
            crate::signal::TSTP => "SIGTSTP",
            crate::signal::TTIN => "SIGTTIN",
            crate::signal::TTOU => "SIGTTOU",
            crate::signal::URG => "SIGURG",
            crate::signal::USR1 => "SIGUSR1",
            crate::signal::USR2 => "SIGUSR2",
            crate::signal::VTALRM => "SIGVTALRM",
            crate::signal::XCPU => "SIGXCPU",
            crate::signal::XFSZ => "SIGXFSZ",
        },
    )
}

/// Decodes a [`subclockflags`](crate::subclockflags) for a trace.
pub fn fmt_subclockflags(v: crate::subclockflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "SUBSCRIPTION_CLOCK_ABSTIME")])
}

/// Decodes a [`subrwflags`](crate::subrwflags) for a trace.
pub fn fmt_subrwflags(v: crate::subrwflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "SUBSCRIPTION_FD_READWRITE_POLL")])
}

/// Decodes a [`riflags`](crate::riflags) for a trace.
pub fn fmt_riflags(v: crate::riflags) -> Value {
    flags(u64::from(v.bits()), &[(4, "SOCK_RECV_PEEK"), (16, "SOCK_RECV_WAITALL")])
}

/// Decodes a [`roflags`](crate::roflags) for a trace.
pub fn fmt_roflags(v: crate::roflags) -> Value {
    flags(
        u64::from(v.bits()),
        &[(1, "SOCK_RECV_FDS_TRUNCATED"), (8, "SOCK_RECV_DATA_TRUNCATED")],
    )
}

/// Decodes a [`tid`](crate::tid) for a trace.
pub fn fmt_tid(v: crate::tid) -> Value {
    named(v.0 as i128, &[])
}

/// Decodes a [`timestamp`](crate::timestamp) for a trace.
pub fn fmt_timestamp(v: crate::timestamp) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`ulflags`](crate::ulflags) for a trace.
pub fn fmt_ulflags(v: crate::ulflags) -> Value {
    flags(u64::from(v.bits()), &[(1, "UNLINK_REMOVEDIR")])
}

/// Decodes a [`userdata`](crate::userdata) for a trace.
pub fn fmt_userdata(v: crate::userdata) -> Value {
    named(v as i128, &[])
}

/// Decodes a [`whence`](crate::whence) for a trace.
pub fn fmt_whence(v: crate::whence) -> Value {
    Value::Name(
        match v {
            crate::whence::CUR => "WHENCE_CUR",
            crate::whence::END => "WHENCE_END",
            crate::whence::SET => "WHENCE_SET",
        },
    )
}

/// Decodes a [`auxv`](crate::auxv) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_auxv(p: *const crate::auxv) -> Value {
    Value::Struct(
        std::vec![
            ("a_type", named((core::ptr::addr_of!((* p).a_type) as * const u32).read() as
            i128, & [(256, "AT_ARGDATA"), (257, "AT_ARGDATALEN"), (7, "AT_BASE"), (258,
            "AT_CANARY"), (259, "AT_CANARYLEN"), (260, "AT_NCPUS"), (0, "AT_NULL"), (6,
            "AT_PAGESZ"), (3, "AT_PHDR"), (4, "AT_PHNUM"), (263, "AT_PID"), (262,
            "AT_SYSINFO_EHDR"), (261, "AT_TID")])), { let tag = (core::ptr::addr_of!((*
            p).a_type) as * const u32).read(); if [257, 259, 260, 6, 4, 261].contains(&
            tag) { ("a_val", Value::Int(core::ptr::addr_of!((* p).union.a_val) .read() as
            i128)) } else if [256, 7, 258, 3, 263, 262].contains(& tag) { ("a_ptr",
            Value::Pointer((core::ptr::addr_of!((* p).union.a_ptr) as * const usize)
            .read())) } else { ("union", Value::Name("..")) } }
        ],
    )
}

/// Decodes a [`ciovec`](crate::ciovec) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_ciovec(p: *const crate::ciovec) -> Value {
    Value::Struct(
        std::vec![
            ("buf", Value::Count(core::ptr::addr_of!((* p).buf.1) .read(), "bytes"))
        ],
    )
}

/// Decodes a [`dirent`](crate::dirent) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_dirent(p: *const crate::dirent) -> Value {
    Value::Struct(
        std::vec![
            ("d_next", Value::Int((core::ptr::addr_of!((* p).d_next) as * const u64)
            .read() as i128)), ("d_ino", Value::Int((core::ptr::addr_of!((* p).d_ino) as
            * const u64).read() as i128)), ("d_namlen", Value::Int(core::ptr::addr_of!((*
            p).d_namlen) .read() as i128)), ("d_type", named((core::ptr::addr_of!((* p)
            .d_type) as * const u8).read() as i128, & [(0, "FILETYPE_UNKNOWN"), (16,
            "FILETYPE_BLOCK_DEVICE"), (17, "FILETYPE_CHARACTER_DEVICE"), (32,
            "FILETYPE_DIRECTORY"), (80, "FILETYPE_PROCESS"), (96,
            "FILETYPE_REGULAR_FILE"), (112, "FILETYPE_SHARED_MEMORY"), (128,
            "FILETYPE_SOCKET_DGRAM"), (130, "FILETYPE_SOCKET_STREAM"), (144,
            "FILETYPE_SYMBOLIC_LINK")]))
        ],
    )
}

/// Decodes a [`event`](crate::event) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_event(p: *const crate::event) -> Value {
    Value::Struct(
        std::vec![
            ("userdata", Value::Int(core::ptr::addr_of!((* p).userdata) .read() as
            i128)), ("error", named((core::ptr::addr_of!((* p).error) as * const u16)
            .read() as i128, & [(0, "ESUCCESS"), (1, "E2BIG"), (2, "EACCES"), (3,
            "EADDRINUSE"), (4, "EADDRNOTAVAIL"), (5, "EAFNOSUPPORT"), (6, "EAGAIN"), (7,
            "EALREADY"), (8, "EBADF"), (9, "EBADMSG"), (10, "EBUSY"), (11, "ECANCELED"),
            (12, "ECHILD"), (13, "ECONNABORTED"), (14, "ECONNREFUSED"), (15,
            "ECONNRESET"), (16, "EDEADLK"), (17, "EDESTADDRREQ"), (18, "EDOM"), (19,
            "EDQUOT"), (20, "EEXIST"), (21, "EFAULT"), (22, "EFBIG"), (23,
            "EHOSTUNREACH"), (24, "EIDRM"), (25, "EILSEQ"), (26, "EINPROGRESS"), (27,
            "EINTR"), (28, "EINVAL"), (29, "EIO"), (30, "EISCONN"), (31, "EISDIR"), (32,
            "ELOOP"), (33, "EMFILE"), (34, "EMLINK"), (35, "EMSGSIZE"), (36,
            "EMULTIHOP"), (37, "ENAMETOOLONG"), (38, "ENETDOWN"), (39, "ENETRESET"), (40,
            "ENETUNREACH"), (41, "ENFILE"), (42, "ENOBUFS"), (43, "ENODEV"), (44,
            "ENOENT"), (45, "ENOEXEC"), (46, "ENOLCK"), (47, "ENOLINK"), (48, "ENOMEM"),
            (49, "ENOMSG"), (50, "ENOPROTOOPT"), (51, "ENOSPC"), (52, "ENOSYS"), (53,
            "ENOTCONN"), (54, "ENOTDIR"), (55, "ENOTEMPTY"), (56, "ENOTRECOVERABLE"),
            (57, "ENOTSOCK"), (58, "ENOTSUP"), (59, "ENOTTY"), (60, "ENXIO"), (61,
            "EOVERFLOW"), (62, "EOWNERDEAD"), (63, "EPERM"), (64, "EPIPE"), (65,
            "EPROTO"), (66, "EPROTONOSUPPORT"), (67, "EPROTOTYPE"), (68, "ERANGE"), (69,
            "EROFS"), (70, "ESPIPE"), (71, "ESRCH"), (72, "ESTALE"), (73, "ETIMEDOUT"),
            (74, "ETXTBSY"), (75, "EXDEV"), (76, "ENOTCAPABLE")])), ("type",
            named((core::ptr::addr_of!((* p).r#type) as * const u8).read() as i128, &
            [(1, "EVENTTYPE_CLOCK"), (2, "EVENTTYPE_CONDVAR"), (3, "EVENTTYPE_FD_READ"),
            (4, "EVENTTYPE_FD_WRITE"), (5, "EVENTTYPE_LOCK_RDLOCK"), (6,
            "EVENTTYPE_LOCK_WRLOCK"), (7, "EVENTTYPE_PROC_TERMINATE")])), { let tag =
            (core::ptr::addr_of!((* p).r#type) as * const u8).read(); if [3, 4]
            .contains(& tag) { ("fd_readwrite", Value::Struct(std::vec![("nbytes",
            Value::Int(core::ptr::addr_of!((* p).union.fd_readwrite.nbytes) .read() as
            i128)), ("unused", ints(& * core::ptr::addr_of!((* p).union.fd_readwrite
            .unused))), ("flags", flags(((core::ptr::addr_of!((* p).union.fd_readwrite
            .flags) as * const u16).read() as i128) as u64, & [(1,
            "EVENT_FD_READWRITE_HANGUP")]))])) } else if [7].contains(& tag) {
            ("proc_terminate", Value::Struct(std::vec![("unused", ints(& *
            core::ptr::addr_of!((* p).union.proc_terminate.unused))), ("signal",
            named((core::ptr::addr_of!((* p).union.proc_terminate.signal) as * const u8)
            .read() as i128, & [(1, "SIGABRT"), (2, "SIGALRM"), (3, "SIGBUS"), (4,
            "SIGCHLD"), (5, "SIGCONT"), (6, "SIGFPE"), (7, "SIGHUP"), (8, "SIGILL"), (9,
            "SIGINT"), (10, "SIGKILL"), (11, "SIGPIPE"), (12, "SIGQUIT"), (13,
            "SIGSEGV"), (14, "SIGSTOP"), (15, "SIGSYS"), (16, "SIGTERM"), (17,
            "SIGTRAP"), (18, "SIGTSTP"), (19, "SIGTTIN"), (20, "SIGTTOU"), (21,
            "SIGURG"), (22, "SIGUSR1"), (23, "SIGUSR2"), (24, "SIGVTALRM"), (25,
            "SIGXCPU"), (26, "SIGXFSZ"), (0, "exited")])), ("exitcode",
            Value::Int(core::ptr::addr_of!((* p).union.proc_terminate.exitcode) .read()
            as i128))])) } else { ("union", Value::Name("..")) } }
        ],
    )
}

/// Decodes a [`fdstat`](crate::fdstat) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_fdstat(p: *const crate::fdstat) -> Value {
    Value::Struct(
        std::vec![
            ("fs_filetype", named((core::ptr::addr_of!((* p).fs_filetype) as * const u8)
            .read() as i128, & [(0, "FILETYPE_UNKNOWN"), (16, "FILETYPE_BLOCK_DEVICE"),
            (17, "FILETYPE_CHARACTER_DEVICE"), (32, "FILETYPE_DIRECTORY"), (80,
            "FILETYPE_PROCESS"), (96, "FILETYPE_REGULAR_FILE"), (112,
            "FILETYPE_SHARED_MEMORY"), (128, "FILETYPE_SOCKET_DGRAM"), (130,
            "FILETYPE_SOCKET_STREAM"), (144, "FILETYPE_SYMBOLIC_LINK")])), ("fs_flags",
            flags(((core::ptr::addr_of!((* p).fs_flags) as * const u16).read() as i128)
            as u64, & [(1, "FDFLAG_APPEND"), (2, "FDFLAG_DSYNC"), (4, "FDFLAG_NONBLOCK"),
            (8, "FDFLAG_RSYNC"), (16, "FDFLAG_SYNC")])), ("fs_rights_base",
            flags(((core::ptr::addr_of!((* p).fs_rights_base) as * const u64).read() as
            i128) as u64, & [(1, "RIGHT_FD_DATASYNC"), (2, "RIGHT_FD_READ"), (4,
            "RIGHT_FD_SEEK"), (8, "RIGHT_FD_STAT_PUT_FLAGS"), (16, "RIGHT_FD_SYNC"), (32,
            "RIGHT_FD_TELL"), (64, "RIGHT_FD_WRITE"), (128, "RIGHT_FILE_ADVISE"), (256,
            "RIGHT_FILE_ALLOCATE"), (512, "RIGHT_FILE_CREATE_DIRECTORY"), (1024,
            "RIGHT_FILE_CREATE_FILE"), (4096, "RIGHT_FILE_LINK_SOURCE"), (8192,
            "RIGHT_FILE_LINK_TARGET"), (16384, "RIGHT_FILE_OPEN"), (32768,
            "RIGHT_FILE_READDIR"), (65536, "RIGHT_FILE_READLINK"), (131072,
            "RIGHT_FILE_RENAME_SOURCE"), (262144, "RIGHT_FILE_RENAME_TARGET"), (524288,
            "RIGHT_FILE_STAT_FGET"), (1048576, "RIGHT_FILE_STAT_FPUT_SIZE"), (2097152,
            "RIGHT_FILE_STAT_FPUT_TIMES"), (4194304, "RIGHT_FILE_STAT_GET"), (8388608,
            "RIGHT_FILE_STAT_PUT_TIMES"), (16777216, "RIGHT_FILE_SYMLINK"), (33554432,
            "RIGHT_FILE_UNLINK"), (67108864, "RIGHT_MEM_MAP"), (134217728,
            "RIGHT_MEM_MAP_EXEC"), (268435456, "RIGHT_POLL_FD_READWRITE"), (1073741824,
            "RIGHT_POLL_PROC_TERMINATE"), (4294967296, "RIGHT_PROC_EXEC"), (549755813888,
            "RIGHT_SOCK_SHUTDOWN")])), ("fs_rights_inheriting",
            flags(((core::ptr::addr_of!((* p).fs_rights_inheriting) as * const u64)
            .read() as i128) as u64, & [(1, "RIGHT_FD_DATASYNC"), (2, "RIGHT_FD_READ"),
            (4, "RIGHT_FD_SEEK"), (8, "RIGHT_FD_STAT_PUT_FLAGS"), (16, "RIGHT_FD_SYNC"),
            (32, "RIGHT_FD_TELL"), (64, "RIGHT_FD_WRITE"), (128, "RIGHT_FILE_ADVISE"),
            (256, "RIGHT_FILE_ALLOCATE"), (512, "RIGHT_FILE_CREATE_DIRECTORY"), (1024,
            "RIGHT_FILE_CREATE_FILE"), (4096, "RIGHT_FILE_LINK_SOURCE"), (8192,
            "RIGHT_FILE_LINK_TARGET"), (16384, "RIGHT_FILE_OPEN"), (32768,
            "RIGHT_FILE_READDIR"), (65536, "RIGHT_FILE_READLINK"), (131072,
            "RIGHT_FILE_RENAME_SOURCE"), (262144, "RIGHT_FILE_RENAME_TARGET"), (524288,
            "RIGHT_FILE_STAT_FGET"), (1048576, "RIGHT_FILE_STAT_FPUT_SIZE"), (2097152,
            "RIGHT_FILE_STAT_FPUT_TIMES"), (4194304, "RIGHT_FILE_STAT_GET"), (8388608,
            "RIGHT_FILE_STAT_PUT_TIMES"), (16777216, "RIGHT_FILE_SYMLINK"), (33554432,
            "RIGHT_FILE_UNLINK"), (67108864, "RIGHT_MEM_MAP"), (134217728,
            "RIGHT_MEM_MAP_EXEC"), (268435456, "RIGHT_POLL_FD_READWRITE"), (1073741824,
            "RIGHT_POLL_PROC_TERMINATE"), (4294967296, "RIGHT_PROC_EXEC"), (549755813888,
            "RIGHT_SOCK_SHUTDOWN")]))
        ],
    )
}

/// Decodes a [`filestat`](crate::filestat) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_filestat(p: *const crate::filestat) -> Value {
    Value::Struct(
        std::vec![
            ("st_dev", Value::Int((core::ptr::addr_of!((* p).st_dev) as * const u64)
            .read() as i128)), ("st_ino", Value::Int((core::ptr::addr_of!((* p).st_ino)
            as * const u64).read() as i128)), ("st_filetype",
            named((core::ptr::addr_of!((* p).st_filetype) as * const u8).read() as i128,
            & [(0, "FILETYPE_UNKNOWN"), (16, "FILETYPE_BLOCK_DEVICE"), (17,
            "FILETYPE_CHARACTER_DEVICE"), (32, "FILETYPE_DIRECTORY"), (80,
            "FILETYPE_PROCESS"), (96, "FILETYPE_REGULAR_FILE"), (112,
            "FILETYPE_SHARED_MEMORY"), (128, "FILETYPE_SOCKET_DGRAM"), (130,
            "FILETYPE_SOCKET_STREAM"), (144, "FILETYPE_SYMBOLIC_LINK")])), ("st_nlink",
            Value::Int(core::ptr::addr_of!((* p).st_nlink) .read() as i128)), ("st_size",
            Value::Int(core::ptr::addr_of!((* p).st_size) .read() as i128)), ("st_atim",
            Value::Int(core::ptr::addr_of!((* p).st_atim) .read() as i128)), ("st_mtim",
            Value::Int(core::ptr::addr_of!((* p).st_mtim) .read() as i128)), ("st_ctim",
            Value::Int(core::ptr::addr_of!((* p).st_ctim) .read() as i128))
        ],
    )
}

/// Decodes a [`iovec`](crate::iovec) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_iovec(p: *const crate::iovec) -> Value {
    Value::Struct(
        std::vec![
            ("buf", Value::Count(core::ptr::addr_of!((* p).buf.1) .read(), "bytes"))
        ],
    )
}

/// Decodes a [`lookup`](crate::lookup) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_lookup(p: *const crate::lookup) -> Value {
    Value::Struct(
        std::vec![
            ("fd", Value::Int((core::ptr::addr_of!((* p).fd) as * const u32).read() as
            i128)), ("flags", flags(((core::ptr::addr_of!((* p).flags) as * const u32)
            .read() as i128) as u64, & [(1, "LOOKUP_SYMLINK_FOLLOW")]))
        ],
    )
}

/// Decodes a [`recv_in`](crate::recv_in) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_recv_in(p: *const crate::recv_in) -> Value {
    Value::Struct(
        std::vec![
            ("ri_data", Value::Count(core::ptr::addr_of!((* p).ri_data.1) .read(),
            "iovec")), ("ri_fds", Value::Count(core::ptr::addr_of!((* p).ri_fds.1)
            .read(), "fd")), ("ri_flags", flags(((core::ptr::addr_of!((* p).ri_flags) as
            * const u16).read() as i128) as u64, & [(4, "SOCK_RECV_PEEK"), (16,
            "SOCK_RECV_WAITALL")]))
        ],
    )
}

/// Decodes a [`send_in`](crate::send_in) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_send_in(p: *const crate::send_in) -> Value {
    Value::Struct(
        std::vec![
            ("si_data", Value::Count(core::ptr::addr_of!((* p).si_data.1) .read(),
            "ciovec")), ("si_fds", Value::Count(core::ptr::addr_of!((* p).si_fds.1)
            .read(), "fd")), ("si_flags", flags(((core::ptr::addr_of!((* p).si_flags) as
            * const u16).read() as i128) as u64, & []))
        ],
    )
}

/// Decodes a [`send_out`](crate::send_out) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_send_out(p: *const crate::send_out) -> Value {
    Value::Struct(
        std::vec![
            ("so_datalen", Value::Int(core::ptr::addr_of!((* p).so_datalen) .read() as
            i128))
        ],
    )
}

/// Decodes a [`recv_out`](crate::recv_out) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_recv_out(p: *const crate::recv_out) -> Value {
    Value::Struct(
        std::vec![
            ("ro_datalen", Value::Int(core::ptr::addr_of!((* p).ro_datalen) .read() as
            i128)), ("ro_fdslen", Value::Int(core::ptr::addr_of!((* p).ro_fdslen) .read()
            as i128)), ("ro_unused", ints(& * core::ptr::addr_of!((* p).ro_unused))),
            ("ro_flags", flags(((core::ptr::addr_of!((* p).ro_flags) as * const u16)
            .read() as i128) as u64, & [(1, "SOCK_RECV_FDS_TRUNCATED"), (8,
            "SOCK_RECV_DATA_TRUNCATED")]))
        ],
    )
}

/// Decodes a [`subscription`](crate::subscription) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_subscription(p: *const crate::subscription) -> Value {
    Value::Struct(
        std::vec![
            ("userdata", Value::Int(core::ptr::addr_of!((* p).userdata) .read() as
            i128)), ("unused", Value::Int(core::ptr::addr_of!((* p).unused) .read() as
            i128)), ("type", named((core::ptr::addr_of!((* p).r#type) as * const u8)
            .read() as i128, & [(1, "EVENTTYPE_CLOCK"), (2, "EVENTTYPE_CONDVAR"), (3,
            "EVENTTYPE_FD_READ"), (4, "EVENTTYPE_FD_WRITE"), (5,
            "EVENTTYPE_LOCK_RDLOCK"), (6, "EVENTTYPE_LOCK_WRLOCK"), (7,
            "EVENTTYPE_PROC_TERMINATE")])), { let tag = (core::ptr::addr_of!((* p)
            .r#type) as * const u8).read(); if [1].contains(& tag) { ("clock",
            Value::Struct(std::vec![("identifier", Value::Int(core::ptr::addr_of!((* p)
            .union.clock.identifier) .read() as i128)), ("clock_id",
            named((core::ptr::addr_of!((* p).union.clock.clock_id) as * const u32).read()
            as i128, & [(1, "CLOCK_MONOTONIC"), (2, "CLOCK_PROCESS_CPUTIME_ID"), (3,
            "CLOCK_REALTIME"), (4, "CLOCK_THREAD_CPUTIME_ID")])), ("timeout",
            Value::Int(core::ptr::addr_of!((* p).union.clock.timeout) .read() as i128)),
            ("precision", Value::Int(core::ptr::addr_of!((* p).union.clock.precision)
            .read() as i128)), ("flags", flags(((core::ptr::addr_of!((* p).union.clock
            .flags) as * const u16).read() as i128) as u64, & [(1,
            "SUBSCRIPTION_CLOCK_ABSTIME")]))])) } else if [2].contains(& tag) {
            ("condvar", Value::Struct(std::vec![("condvar",
            Value::Pointer((core::ptr::addr_of!((* p).union.condvar.condvar) as * const
            usize).read())), ("lock", Value::Pointer((core::ptr::addr_of!((* p).union
            .condvar.lock) as * const usize).read())), ("condvar_scope",
            named((core::ptr::addr_of!((* p).union.condvar.condvar_scope) as * const u8)
            .read() as i128, & [(4, "SCOPE_PRIVATE"), (8, "SCOPE_SHARED")])),
            ("lock_scope", named((core::ptr::addr_of!((* p).union.condvar.lock_scope) as
            * const u8).read() as i128, & [(4, "SCOPE_PRIVATE"), (8,
            "SCOPE_SHARED")]))])) } else if [3, 4].contains(& tag) { ("fd_readwrite",
            Value::Struct(std::vec![("fd", Value::Int((core::ptr::addr_of!((* p).union
            .fd_readwrite.fd) as * const u32).read() as i128)), ("flags",
            flags(((core::ptr::addr_of!((* p).union.fd_readwrite.flags) as * const u16)
            .read() as i128) as u64, & [(1, "SUBSCRIPTION_FD_READWRITE_POLL")]))])) }
            else if [5, 6].contains(& tag) { ("lock", Value::Struct(std::vec![("lock",
            Value::Pointer((core::ptr::addr_of!((* p).union.lock.lock) as * const usize)
            .read())), ("lock_scope", named((core::ptr::addr_of!((* p).union.lock
            .lock_scope) as * const u8).read() as i128, & [(4, "SCOPE_PRIVATE"), (8,
            "SCOPE_SHARED")]))])) } else if [7].contains(& tag) { ("proc_terminate",
            Value::Struct(std::vec![("fd", Value::Int((core::ptr::addr_of!((* p).union
            .proc_terminate.fd) as * const u32).read() as i128))])) } else { ("union",
            Value::Name("..")) } }
        ],
    )
}

/// Decodes a [`tcb`](crate::tcb) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_tcb(p: *const crate::tcb) -> Value {
    Value::Struct(
        std::vec![
            ("parent", Value::Pointer((core::ptr::addr_of!((* p).parent) as * const
            usize).read()))
        ],
    )
}

/// Decodes a [`threadattr`](crate::threadattr) for a trace, field by field from its bytes: an enum field holding a number the enum does not name shows the number, and a variant shows the arm its tag selects.
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type; its bytes need not
/// be a valid Rust value.
pub unsafe fn fmt_threadattr(p: *const crate::threadattr) -> Value {
    Value::Struct(
        std::vec![
            ("entry_point", Value::Pointer((core::ptr::addr_of!((* p).entry_point) as *
            const usize).read())), ("stack", Value::Count(core::ptr::addr_of!((* p).stack
            .1) .read(), "bytes")), ("argument", Value::Pointer((core::ptr::addr_of!((*
            p).argument) as * const usize).read()))
        ],
    )
}

/// The arguments of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get(clock_id: crate::clockid) -> Call {
    Call {
        syscall: "clock_res_get",
        args: std::vec![
            ("clock_id", named((clock_id as u32) as i128, & [(1, "CLOCK_MONOTONIC"), (2,
            "CLOCK_PROCESS_CPUTIME_ID"), (3, "CLOCK_REALTIME"), (4,
            "CLOCK_THREAD_CPUTIME_ID")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get_result(
    result: &Result<crate::timestamp, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get(clock_id: crate::clockid, precision: crate::timestamp) -> Call {
    Call {
        syscall: "clock_time_get",
        args: std::vec![
            ("clock_id", named((clock_id as u32) as i128, & [(1, "CLOCK_MONOTONIC"), (2,
            "CLOCK_PROCESS_CPUTIME_ID"), (3, "CLOCK_REALTIME"), (4,
            "CLOCK_THREAD_CPUTIME_ID")])), ("precision", Value::Int(precision as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get_result(
    result: &Result<crate::timestamp, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal(
    condvar: *mut crate::condvar,
    scope: crate::scope,
    nwaiters: crate::nthreads,
) -> Call {
    Call {
        syscall: "condvar_signal",
        args: std::vec![
            ("condvar", ptr(condvar)), ("scope", named((scope as u8) as i128, & [(4,
            "SCOPE_PRIVATE"), (8, "SCOPE_SHARED")])), ("nwaiters", Value::Int(nwaiters as
            i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_close`](crate::fd_close) call.
pub fn fd_close(fd: crate::fd) -> Call {
    Call {
        syscall: "fd_close",
        args: std::vec![("fd", Value::Int(fd.0 as i128))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_close`](crate::fd_close) call.
pub fn fd_close_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1(r#type: crate::filetype) -> Call {
    Call {
        syscall: "fd_create1",
        args: std::vec![
            ("type", named(((r#type) as u8) as i128, & [(0, "FILETYPE_UNKNOWN"), (16,
            "FILETYPE_BLOCK_DEVICE"), (17, "FILETYPE_CHARACTER_DEVICE"), (32,
            "FILETYPE_DIRECTORY"), (80, "FILETYPE_PROCESS"), (96,
            "FILETYPE_REGULAR_FILE"), (112, "FILETYPE_SHARED_MEMORY"), (128,
            "FILETYPE_SOCKET_DGRAM"), (130, "FILETYPE_SOCKET_STREAM"), (144,
            "FILETYPE_SYMBOLIC_LINK")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1_result(
    result: &Result<crate::fd, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v.0 as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2(r#type: crate::filetype) -> Call {
    Call {
        syscall: "fd_create2",
        args: std::vec![
            ("type", named(((r#type) as u8) as i128, & [(0, "FILETYPE_UNKNOWN"), (16,
            "FILETYPE_BLOCK_DEVICE"), (17, "FILETYPE_CHARACTER_DEVICE"), (32,
            "FILETYPE_DIRECTORY"), (80, "FILETYPE_PROCESS"), (96,
            "FILETYPE_REGULAR_FILE"), (112, "FILETYPE_SHARED_MEMORY"), (128,
            "FILETYPE_SOCKET_DGRAM"), (130, "FILETYPE_SOCKET_STREAM"), (144,
            "FILETYPE_SYMBOLIC_LINK")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2_result(
    result: &Result<(crate::fd, crate::fd), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok(
                Value::Tuple(
                    std::vec![Value::Int((v.0).0 as i128), Value::Int((v.1).0 as i128)],
                ),
            )
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync(fd: crate::fd) -> Call {
    Call {
        syscall: "fd_datasync",
        args: std::vec![("fd", Value::Int(fd.0 as i128))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup(from: crate::fd) -> Call {
    Call {
        syscall: "fd_dup",
        args: std::vec![("from", Value::Int(from.0 as i128))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup_result(
    result: &Result<crate::fd, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v.0 as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread(fd: crate::fd, iovs: &[crate::iovec], offset: crate::filesize) -> Call {
    Call {
        syscall: "fd_pread",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("iovs", Value::Buffers(iovs.len(),
            "iovec", iovs.iter().map(| e | e.buf.1).sum:: < usize > ())), ("offset",
            Value::Int(offset as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite(
    fd: crate::fd,
    iovs: &[crate::ciovec],
    offset: crate::filesize,
) -> Call {
    Call {
        syscall: "fd_pwrite",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("iovs", Value::Buffers(iovs.len(),
            "ciovec", iovs.iter().map(| e | e.buf.1).sum:: < usize > ())), ("offset",
            Value::Int(offset as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_read`](crate::fd_read) call.
pub fn fd_read(fd: crate::fd, iovs: &[crate::iovec]) -> Call {
    Call {
        syscall: "fd_read",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("iovs", Value::Buffers(iovs.len(),
            "iovec", iovs.iter().map(| e | e.buf.1).sum:: < usize > ()))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_read`](crate::fd_read) call.
pub fn fd_read_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace(from: crate::fd, to: crate::fd) -> Call {
    Call {
        syscall: "fd_replace",
        args: std::vec![
            ("from", Value::Int(from.0 as i128)), ("to", Value::Int(to.0 as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek(fd: crate::fd, offset: crate::filedelta, whence: crate::whence) -> Call {
    Call {
        syscall: "fd_seek",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("offset", Value::Int(offset as i128)),
            ("whence", named((whence as u8) as i128, & [(1, "WHENCE_CUR"), (2,
            "WHENCE_END"), (3, "WHENCE_SET")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek_result(
    result: &Result<crate::filesize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get(fd: crate::fd, buf: *const crate::fdstat) -> Call {
    Call {
        syscall: "fd_stat_get",
        args: std::vec![("fd", Value::Int(fd.0 as i128)), ("buf", ptr(buf))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put(
    fd: crate::fd,
    buf: crate::host::Fields<'_, crate::fdstat>,
    flags: crate::fdsflags,
) -> Call {
    Call {
        syscall: "fd_stat_put",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("buf", unsafe { fmt_fdstat(buf.as_ptr())
            }), ("flags", fmt_fdsflags(flags))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync(fd: crate::fd) -> Call {
    Call {
        syscall: "fd_sync",
        args: std::vec![("fd", Value::Int(fd.0 as i128))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync_result(result: &Result<(), crate::errno>) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`fd_write`](crate::fd_write) call.
pub fn fd_write(fd: crate::fd, iovs: &[crate::ciovec]) -> Call {
    Call {
        syscall: "fd_write",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("iovs", Value::Buffers(iovs.len(),
            "ciovec", iovs.iter().map(| e | e.buf.1).sum:: < usize > ()))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`fd_write`](crate::fd_write) call.
pub fn fd_write_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_advise`](crate::file_advise) call.
pub fn file_advise(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: crate::advice,
) -> Call {
    Call {
        syscall: "file_advise",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("offset", Value::Int(offset as i128)),
            ("len", Value::Int(len as i128)), ("advice", named((advice as u8) as i128, &
            [(1, "ADVICE_DONTNEED"), (2, "ADVICE_NOREUSE"), (3, "ADVICE_NORMAL"), (4,
            "ADVICE_RANDOM"), (5, "ADVICE_SEQUENTIAL"), (6, "ADVICE_WILLNEED")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_advise`](crate::file_advise) call.
pub fn file_advise_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
) -> Call {
    Call {
        syscall: "file_allocate",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("offset", Value::Int(offset as i128)),
            ("len", Value::Int(len as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_create`](crate::file_create) call.
pub fn file_create(fd: crate::fd, path: &[u8], r#type: crate::filetype) -> Call {
    Call {
        syscall: "file_create",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("path", text(path)), ("type",
            named(((r#type) as u8) as i128, & [(0, "FILETYPE_UNKNOWN"), (16,
            "FILETYPE_BLOCK_DEVICE"), (17, "FILETYPE_CHARACTER_DEVICE"), (32,
            "FILETYPE_DIRECTORY"), (80, "FILETYPE_PROCESS"), (96,
            "FILETYPE_REGULAR_FILE"), (112, "FILETYPE_SHARED_MEMORY"), (128,
            "FILETYPE_SOCKET_DGRAM"), (130, "FILETYPE_SOCKET_STREAM"), (144,
            "FILETYPE_SYMBOLIC_LINK")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_create`](crate::file_create) call.
pub fn file_create_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_link`](crate::file_link) call.
pub fn file_link(
    fd1: crate::lookup,
    path1: &[u8],
    fd2: crate::fd,
    path2: &[u8],
) -> Call {
    Call {
        syscall: "file_link",
        args: std::vec![
            ("fd1", unsafe { fmt_lookup(& fd1) }), ("path1", text(path1)), ("fd2",
            Value::Int(fd2.0 as i128)), ("path2", text(path2))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_link`](crate::file_link) call.
pub fn file_link_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_open`](crate::file_open) call.
pub fn file_open(
    dirfd: crate::lookup,
    path: &[u8],
    oflags: crate::oflags,
    fds: crate::host::Fields<'_, crate::fdstat>,
) -> Call {
    Call {
        syscall: "file_open",
        args: std::vec![
            ("dirfd", unsafe { fmt_lookup(& dirfd) }), ("path", text(path)), ("oflags",
            fmt_oflags(oflags)), ("fds", unsafe { fmt_fdstat(fds.as_ptr()) })
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_open`](crate::file_open) call.
pub fn file_open_result(
    result: &Result<crate::fd, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v.0 as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir(fd: crate::fd, buf: usize, cookie: crate::dircookie) -> Call {
    Call {
        syscall: "file_readdir",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("buf", Value::Count(buf, "bytes")),
            ("cookie", Value::Int(cookie.0 as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink(fd: crate::fd, path: &[u8], buf: usize) -> Call {
    Call {
        syscall: "file_readlink",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("path", text(path)), ("buf",
            Value::Count(buf, "bytes"))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink_result(
    result: &Result<usize, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_rename`](crate::file_rename) call.
pub fn file_rename(fd1: crate::fd, path1: &[u8], fd2: crate::fd, path2: &[u8]) -> Call {
    Call {
        syscall: "file_rename",
        args: std::vec![
            ("fd1", Value::Int(fd1.0 as i128)), ("path1", text(path1)), ("fd2",
            Value::Int(fd2.0 as i128)), ("path2", text(path2))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_rename`](crate::file_rename) call.
pub fn file_rename_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget(fd: crate::fd, buf: *const crate::filestat) -> Call {
    Call {
        syscall: "file_stat_fget",
        args: std::vec![("fd", Value::Int(fd.0 as i128)), ("buf", ptr(buf))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput(
    fd: crate::fd,
    buf: crate::host::Fields<'_, crate::filestat>,
    flags: crate::fsflags,
) -> Call {
    Call {
        syscall: "file_stat_fput",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("buf", unsafe { fmt_filestat(buf.as_ptr())
            }), ("flags", fmt_fsflags(flags))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get(
    fd: crate::lookup,
    path: &[u8],
    buf: *const crate::filestat,
) -> Call {
    Call {
        syscall: "file_stat_get",
        args: std::vec![
            ("fd", unsafe { fmt_lookup(& fd) }), ("path", text(path)), ("buf", ptr(buf))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put(
    fd: crate::lookup,
    path: &[u8],
    buf: crate::host::Fields<'_, crate::filestat>,
    flags: crate::fsflags,
) -> Call {
    Call {
        syscall: "file_stat_put",
        args: std::vec![
            ("fd", unsafe { fmt_lookup(& fd) }), ("path", text(path)), ("buf", unsafe {
            fmt_filestat(buf.as_ptr()) }), ("flags", fmt_fsflags(flags))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink(path1: &[u8], fd: crate::fd, path2: &[u8]) -> Call {
    Call {
        syscall: "file_symlink",
        args: std::vec![
            ("path1", text(path1)), ("fd", Value::Int(fd.0 as i128)), ("path2",
            text(path2))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink(fd: crate::fd, path: &[u8], flags: crate::ulflags) -> Call {
    Call {
        syscall: "file_unlink",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("path", text(path)), ("flags",
            fmt_ulflags(flags))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock(lock: *mut crate::lock, scope: crate::scope) -> Call {
    Call {
        syscall: "lock_unlock",
        args: std::vec![
            ("lock", ptr(lock)), ("scope", named((scope as u8) as i128, & [(4,
            "SCOPE_PRIVATE"), (8, "SCOPE_SHARED")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise(mapping: *mut [u8], advice: crate::advice) -> Call {
    Call {
        syscall: "mem_advise",
        args: std::vec![
            ("mapping", address_range(mapping)), ("advice", named((advice as u8) as i128,
            & [(1, "ADVICE_DONTNEED"), (2, "ADVICE_NOREUSE"), (3, "ADVICE_NORMAL"), (4,
            "ADVICE_RANDOM"), (5, "ADVICE_SEQUENTIAL"), (6, "ADVICE_WILLNEED")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
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
    Call {
        syscall: "mem_map",
        args: std::vec![
            ("addr", ptr(addr)), ("len", Value::Int(len as i128)), ("prot",
            fmt_mprot(prot)), ("flags", fmt_mflags(flags)), ("fd", named(fd.0 as i128, &
            [(4294967295, "MAP_ANON_FD")])), ("off", Value::Int(off as i128))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_map`](crate::mem_map) call.
pub fn mem_map_result(
    result: &Result<*mut (), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                ptr(v)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect(mapping: *mut [u8], prot: crate::mprot) -> Call {
    Call {
        syscall: "mem_protect",
        args: std::vec![("mapping", address_range(mapping)), ("prot", fmt_mprot(prot))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync(mapping: *mut [u8], flags: crate::msflags) -> Call {
    Call {
        syscall: "mem_sync",
        args: std::vec![
            ("mapping", address_range(mapping)), ("flags", fmt_msflags(flags))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap(mapping: *mut [u8]) -> Call {
    Call {
        syscall: "mem_unmap",
        args: std::vec![("mapping", address_range(mapping))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`poll`](crate::poll) call.
pub fn poll(r#in: &[crate::subscription], out: usize) -> Call {
    Call {
        syscall: "poll",
        args: std::vec![
            ("in", Value::List(r#in.iter().map(| e | unsafe { fmt_subscription(e) })
            .collect())), ("out", Value::Count(out, "event"))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`poll`](crate::poll) call.
pub fn poll_result(
    result: &Result<usize, crate::errno>,
    out_filled: (*const crate::event, usize),
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok(
                Value::Struct(
                    std::vec![
                        ("nevents", Value::Int(* v as i128)), ("out", Value::List((0.. (*
                        v).min(out_filled.1)).map(| i | unsafe { fmt_event(out_filled.0
                        .add(i)) }).collect(),))
                    ],
                ),
            )
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec(fd: crate::fd, data: &[u8], fds: &[crate::fd]) -> Call {
    Call {
        syscall: "proc_exec",
        args: std::vec![
            ("fd", Value::Int(fd.0 as i128)), ("data", Value::Count(data.len(),
            "bytes")), ("fds", Value::List(fds.iter().map(| & e | Value::Int(e.0 as
            i128)).collect()))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`proc_exit`](crate::proc_exit) call.
pub fn proc_exit(rval: crate::exitcode) -> Call {
    Call {
        syscall: "proc_exit",
        args: std::vec![("rval", Value::Int(rval as i128))],
        checked: true,
        noreturn: true,
    }
}

/// The arguments of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork() -> Call {
    Call {
        syscall: "proc_fork",
        args: std::vec![],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork_result(
    result: &Result<(crate::fd, crate::tid), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok(
                Value::Tuple(
                    std::vec![
                        named((v.0).0 as i128, & [(4294967295, "PROCESS_CHILD")]),
                        Value::Int((v.1).0 as i128)
                    ],
                ),
            )
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise(sig: crate::signal) -> Call {
    Call {
        syscall: "proc_raise",
        args: std::vec![
            ("sig", named((sig as u8) as i128, & [(1, "SIGABRT"), (2, "SIGALRM"), (3,
            "SIGBUS"), (4, "SIGCHLD"), (5, "SIGCONT"), (6, "SIGFPE"), (7, "SIGHUP"), (8,
            "SIGILL"), (9, "SIGINT"), (10, "SIGKILL"), (11, "SIGPIPE"), (12, "SIGQUIT"),
            (13, "SIGSEGV"), (14, "SIGSTOP"), (15, "SIGSYS"), (16, "SIGTERM"), (17,
            "SIGTRAP"), (18, "SIGTSTP"), (19, "SIGTTIN"), (20, "SIGTTOU"), (21,
            "SIGURG"), (22, "SIGUSR1"), (23, "SIGUSR2"), (24, "SIGVTALRM"), (25,
            "SIGXCPU"), (26, "SIGXFSZ")]))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`random_get`](crate::random_get) call.
pub fn random_get(buf: usize) -> Call {
    Call {
        syscall: "random_get",
        args: std::vec![("buf", Value::Count(buf, "bytes"))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`random_get`](crate::random_get) call.
pub fn random_get_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv(
    sock: crate::fd,
    r#in: &crate::recv_in,
    out: *const crate::recv_out,
) -> Call {
    Call {
        syscall: "sock_recv",
        args: std::vec![
            ("sock", Value::Int(sock.0 as i128)), ("in", unsafe { fmt_recv_in(r#in) }),
            ("out", ptr(out))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`sock_send`](crate::sock_send) call.
pub fn sock_send(
    sock: crate::fd,
    r#in: &crate::send_in,
    out: *const crate::send_out,
) -> Call {
    Call {
        syscall: "sock_send",
        args: std::vec![
            ("sock", Value::Int(sock.0 as i128)), ("in", unsafe { fmt_send_in(r#in) }),
            ("out", ptr(out))
        ],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_send`](crate::sock_send) call.
pub fn sock_send_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown(sock: crate::fd, how: crate::sdflags) -> Call {
    Call {
        syscall: "sock_shutdown",
        args: std::vec![("sock", Value::Int(sock.0 as i128)), ("how", fmt_sdflags(how))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`thread_create`](crate::thread_create) call.
pub fn thread_create(attr: *const crate::threadattr) -> Call {
    Call {
        syscall: "thread_create",
        args: std::vec![("attr", ptr(attr))],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`thread_create`](crate::thread_create) call.
pub fn thread_create_result(
    result: &Result<crate::tid, crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let v = *v;
                Value::Int(v.0 as i128)
            })
        }
        Err(e) => Err(*e),
    }
}

/// The arguments of a [`thread_exit`](crate::thread_exit) call.
pub fn thread_exit(lock: *mut crate::lock, scope: crate::scope) -> Call {
    Call {
        syscall: "thread_exit",
        args: std::vec![
            ("lock", ptr(lock)), ("scope", named((scope as u8) as i128, & [(4,
            "SCOPE_PRIVATE"), (8, "SCOPE_SHARED")]))
        ],
        checked: true,
        noreturn: true,
    }
}

/// The arguments of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield() -> Call {
    Call {
        syscall: "thread_yield",
        args: std::vec![],
        checked: true,
        noreturn: false,
    }
}

/// The result of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield_result(
    result: &Result<(), crate::errno>,
) -> Result<Value, crate::errno> {
    match result {
        Ok(v) => {
            Ok({
                let () = *v;
                Value::Unit
            })
        }
        Err(e) => Err(*e),
    }
}
