// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Formats system calls for tracing: `fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
//!
//! The per-call functions take the decoded arguments (writable buffers by their
//! length, since their contents are not known before the call) and return the part
//! before ` = `; the `*_result` functions format what the call returned.

#![allow(unused_imports)]

use std::format;
use std::string::String;
use std::vec::Vec;

/// Joins the names of the flags set in `bits`; bits without a name are printed in
/// hex, and no bits at all as `0`.
pub fn flags(bits: u64, names: &[(u64, &str)]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = bits;
    for &(bit, name) in names {
        if bit != 0 && rest & bit == bit {
            parts.push(String::from(name));
            rest &= !bit;
        }
    }
    if rest != 0 {
        parts.push(format!("{:#x}", rest));
    }
    if parts.is_empty() { String::from("0") } else { parts.join("|") }
}

/// A value's name if it has one, else the number.
pub fn named(value: i128, names: &[(i128, &str)]) -> String {
    match names.iter().find(|(v, _)| *v == value) {
        Some((_, name)) => String::from(*name),
        None => format!("{}", value),
    }
}

/// A pointer's address.
pub fn ptr<T: ?Sized>(p: *const T) -> String {
    format!("{:p}", p)
}

/// A value's `Debug` form.
pub fn debug<T: core::fmt::Debug>(v: T) -> String {
    format!("{:?}", v)
}

/// `[3 bytes]`, `[2 subscription]`.
pub fn count(n: usize, what: &str) -> String {
    format!("[{} {}]", n, what)
}

/// A buffer list: `[1 ciovec, 5 bytes]`.
pub fn buffers(n: usize, what: &str, bytes: usize) -> String {
    format!("[{} {}, {} bytes]", n, what, bytes)
}

/// Values in brackets: `[3, 4]`.
pub fn list<I: Iterator<Item = String>>(items: I) -> String {
    format!("[{}]", items.collect:: < Vec < _ >> ().join(", "))
}

/// An address range: `0x1000+4096`.
pub fn address_range(range: *mut [u8]) -> String {
    format!("{:p}+{}", range as * mut u8, range.len())
}

/// Several outputs: `(3, 4)`.
pub fn list_tuple(parts: &[String]) -> String {
    format!("({})", parts.join(", "))
}

/// Bytes as a string literal, escaped.
pub fn text(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(bytes))
}

/// Formats a [`advice`](crate::advice) for a trace.
pub fn fmt_advice(v: crate::advice) -> &'static str {
    match v {
        crate::advice::DONTNEED => "ADVICE_DONTNEED",
        crate::advice::NOREUSE => "ADVICE_NOREUSE",
        crate::advice::NORMAL => "ADVICE_NORMAL",
        crate::advice::RANDOM => "ADVICE_RANDOM",
        crate::advice::SEQUENTIAL => "ADVICE_SEQUENTIAL",
        crate::advice::WILLNEED => "ADVICE_WILLNEED",
    }
}

/// Formats a [`auxtype`](crate::auxtype) for a trace.
pub fn fmt_auxtype(v: crate::auxtype) -> &'static str {
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
    }
}

/// Formats a [`clockid`](crate::clockid) for a trace.
pub fn fmt_clockid(v: crate::clockid) -> &'static str {
    match v {
        crate::clockid::MONOTONIC => "CLOCK_MONOTONIC",
        crate::clockid::PROCESS_CPUTIME_ID => "CLOCK_PROCESS_CPUTIME_ID",
        crate::clockid::REALTIME => "CLOCK_REALTIME",
        crate::clockid::THREAD_CPUTIME_ID => "CLOCK_THREAD_CPUTIME_ID",
    }
}

/// Formats a [`condvar`](crate::condvar) for a trace.
pub fn fmt_condvar(v: crate::condvar) -> String {
    named(v.0 as i128, &[(0, "CONDVAR_HAS_NO_WAITERS")])
}

/// Formats a [`device`](crate::device) for a trace.
pub fn fmt_device(v: crate::device) -> String {
    named(v.0 as i128, &[])
}

/// Formats a [`dircookie`](crate::dircookie) for a trace.
pub fn fmt_dircookie(v: crate::dircookie) -> String {
    named(v.0 as i128, &[(0, "DIRCOOKIE_START")])
}

/// Formats a [`errno`](crate::errno) for a trace.
pub fn fmt_errno(v: crate::errno) -> &'static str {
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
    }
}

/// Formats a [`eventrwflags`](crate::eventrwflags) for a trace.
pub fn fmt_eventrwflags(v: crate::eventrwflags) -> String {
    flags(u64::from(v.bits()), &[(1, "EVENT_FD_READWRITE_HANGUP")])
}

/// Formats a [`eventtype`](crate::eventtype) for a trace.
pub fn fmt_eventtype(v: crate::eventtype) -> &'static str {
    match v {
        crate::eventtype::CLOCK => "EVENTTYPE_CLOCK",
        crate::eventtype::CONDVAR => "EVENTTYPE_CONDVAR",
        crate::eventtype::FD_READ => "EVENTTYPE_FD_READ",
        crate::eventtype::FD_WRITE => "EVENTTYPE_FD_WRITE",
        crate::eventtype::LOCK_RDLOCK => "EVENTTYPE_LOCK_RDLOCK",
        crate::eventtype::LOCK_WRLOCK => "EVENTTYPE_LOCK_WRLOCK",
        crate::eventtype::PROC_TERMINATE => "EVENTTYPE_PROC_TERMINATE",
    }
}

/// Formats a [`exitcode`](crate::exitcode) for a trace.
pub fn fmt_exitcode(v: crate::exitcode) -> String {
    named(v as i128, &[])
}

/// Formats a [`fd`](crate::fd) for a trace.
pub fn fmt_fd(v: crate::fd) -> String {
    named(v.0 as i128, &[(4294967295, "PROCESS_CHILD"), (4294967295, "MAP_ANON_FD")])
}

/// Formats a [`fdflags`](crate::fdflags) for a trace.
pub fn fmt_fdflags(v: crate::fdflags) -> String {
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

/// Formats a [`fdsflags`](crate::fdsflags) for a trace.
pub fn fmt_fdsflags(v: crate::fdsflags) -> String {
    flags(u64::from(v.bits()), &[(1, "FDSTAT_FLAGS"), (2, "FDSTAT_RIGHTS")])
}

/// Formats a [`filedelta`](crate::filedelta) for a trace.
pub fn fmt_filedelta(v: crate::filedelta) -> String {
    named(v as i128, &[])
}

/// Formats a [`filesize`](crate::filesize) for a trace.
pub fn fmt_filesize(v: crate::filesize) -> String {
    named(v as i128, &[])
}

/// Formats a [`fsflags`](crate::fsflags) for a trace.
pub fn fmt_fsflags(v: crate::fsflags) -> String {
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

/// Formats a [`filetype`](crate::filetype) for a trace.
pub fn fmt_filetype(v: crate::filetype) -> &'static str {
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
    }
}

/// Formats a [`inode`](crate::inode) for a trace.
pub fn fmt_inode(v: crate::inode) -> String {
    named(v.0 as i128, &[])
}

/// Formats a [`linkcount`](crate::linkcount) for a trace.
pub fn fmt_linkcount(v: crate::linkcount) -> String {
    named(v as i128, &[])
}

/// Formats a [`lock`](crate::lock) for a trace.
pub fn fmt_lock(v: crate::lock) -> String {
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

/// Formats a [`lookupflags`](crate::lookupflags) for a trace.
pub fn fmt_lookupflags(v: crate::lookupflags) -> String {
    flags(u64::from(v.bits()), &[(1, "LOOKUP_SYMLINK_FOLLOW")])
}

/// Formats a [`mflags`](crate::mflags) for a trace.
pub fn fmt_mflags(v: crate::mflags) -> String {
    flags(
        u64::from(v.bits()),
        &[(1, "MAP_ANON"), (2, "MAP_FIXED"), (4, "MAP_PRIVATE"), (8, "MAP_SHARED")],
    )
}

/// Formats a [`scope`](crate::scope) for a trace.
pub fn fmt_scope(v: crate::scope) -> &'static str {
    match v {
        crate::scope::PRIVATE => "SCOPE_PRIVATE",
        crate::scope::SHARED => "SCOPE_SHARED",
    }
}

/// Formats a [`mprot`](crate::mprot) for a trace.
pub fn fmt_mprot(v: crate::mprot) -> String {
    flags(u64::from(v.bits()), &[(1, "PROT_EXEC"), (2, "PROT_WRITE"), (4, "PROT_READ")])
}

/// Formats a [`msflags`](crate::msflags) for a trace.
pub fn fmt_msflags(v: crate::msflags) -> String {
    flags(u64::from(v.bits()), &[(1, "MS_ASYNC"), (2, "MS_INVALIDATE"), (4, "MS_SYNC")])
}

/// Formats a [`nthreads`](crate::nthreads) for a trace.
pub fn fmt_nthreads(v: crate::nthreads) -> String {
    named(v as i128, &[])
}

/// Formats a [`oflags`](crate::oflags) for a trace.
pub fn fmt_oflags(v: crate::oflags) -> String {
    flags(
        u64::from(v.bits()),
        &[(1, "O_CREAT"), (2, "O_DIRECTORY"), (4, "O_EXCL"), (8, "O_TRUNC")],
    )
}

/// Formats a [`rights`](crate::rights) for a trace.
pub fn fmt_rights(v: crate::rights) -> String {
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

/// Formats a [`sdflags`](crate::sdflags) for a trace.
pub fn fmt_sdflags(v: crate::sdflags) -> String {
    flags(u64::from(v.bits()), &[(1, "SHUT_RD"), (2, "SHUT_WR")])
}

/// Formats a [`siflags`](crate::siflags) for a trace.
pub fn fmt_siflags(v: crate::siflags) -> String {
    flags(u64::from(v.bits()), &[])
}

/// Formats a [`signal`](crate::signal) for a trace.
pub fn fmt_signal(v: crate::signal) -> &'static str {
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
    }
}

/// Formats a [`subclockflags`](crate::subclockflags) for a trace.
pub fn fmt_subclockflags(v: crate::subclockflags) -> String {
    flags(u64::from(v.bits()), &[(1, "SUBSCRIPTION_CLOCK_ABSTIME")])
}

/// Formats a [`subrwflags`](crate::subrwflags) for a trace.
pub fn fmt_subrwflags(v: crate::subrwflags) -> String {
    flags(u64::from(v.bits()), &[(1, "SUBSCRIPTION_FD_READWRITE_POLL")])
}

/// Formats a [`riflags`](crate::riflags) for a trace.
pub fn fmt_riflags(v: crate::riflags) -> String {
    flags(u64::from(v.bits()), &[(4, "SOCK_RECV_PEEK"), (16, "SOCK_RECV_WAITALL")])
}

/// Formats a [`roflags`](crate::roflags) for a trace.
pub fn fmt_roflags(v: crate::roflags) -> String {
    flags(
        u64::from(v.bits()),
        &[(1, "SOCK_RECV_FDS_TRUNCATED"), (8, "SOCK_RECV_DATA_TRUNCATED")],
    )
}

/// Formats a [`tid`](crate::tid) for a trace.
pub fn fmt_tid(v: crate::tid) -> String {
    named(v.0 as i128, &[])
}

/// Formats a [`timestamp`](crate::timestamp) for a trace.
pub fn fmt_timestamp(v: crate::timestamp) -> String {
    named(v as i128, &[])
}

/// Formats a [`ulflags`](crate::ulflags) for a trace.
pub fn fmt_ulflags(v: crate::ulflags) -> String {
    flags(u64::from(v.bits()), &[(1, "UNLINK_REMOVEDIR")])
}

/// Formats a [`userdata`](crate::userdata) for a trace.
pub fn fmt_userdata(v: crate::userdata) -> String {
    named(v as i128, &[])
}

/// Formats a [`whence`](crate::whence) for a trace.
pub fn fmt_whence(v: crate::whence) -> &'static str {
    match v {
        crate::whence::CUR => "WHENCE_CUR",
        crate::whence::END => "WHENCE_END",
        crate::whence::SET => "WHENCE_SET",
    }
}

/// Formats a [`auxv`](crate::auxv) for a trace.
pub fn fmt_auxv(v: &crate::auxv) -> String {
    let _ = v;
    format!("{{a_type={}, union=..{}}}", fmt_auxtype(v.a_type), "")
}

/// Formats a [`ciovec`](crate::ciovec) for a trace.
pub fn fmt_ciovec(v: &crate::ciovec) -> String {
    let _ = v;
    format!("{{buf=[{} bytes]}}", v.buf.1)
}

/// Formats a [`dirent`](crate::dirent) for a trace.
pub fn fmt_dirent(v: &crate::dirent) -> String {
    let _ = v;
    format!(
        "{{d_next={}, d_ino={}, d_namlen={}, d_type={}}}", fmt_dircookie(v.d_next),
        fmt_inode(v.d_ino), v.d_namlen, fmt_filetype(v.d_type)
    )
}

/// Formats a [`event`](crate::event) for a trace.
pub fn fmt_event(v: &crate::event) -> String {
    let _ = v;
    format!(
        "{{userdata={}, error={}, type={}, union=..{}}}", fmt_userdata(v.userdata),
        fmt_errno(v.error), fmt_eventtype(v.r#type), ""
    )
}

/// Formats a [`fdstat`](crate::fdstat) for a trace.
pub fn fmt_fdstat(v: &crate::fdstat) -> String {
    let _ = v;
    format!(
        "{{fs_filetype={}, fs_flags={}, fs_rights_base={}, fs_rights_inheriting={}}}",
        fmt_filetype(v.fs_filetype), fmt_fdflags(v.fs_flags), fmt_rights(v
        .fs_rights_base), fmt_rights(v.fs_rights_inheriting)
    )
}

/// Formats a [`filestat`](crate::filestat) for a trace.
pub fn fmt_filestat(v: &crate::filestat) -> String {
    let _ = v;
    format!(
        "{{st_dev={}, st_ino={}, st_filetype={}, st_nlink={}, st_size={}, st_atim={}, st_mtim={}, st_ctim={}}}",
        fmt_device(v.st_dev), fmt_inode(v.st_ino), fmt_filetype(v.st_filetype),
        fmt_linkcount(v.st_nlink), fmt_filesize(v.st_size), fmt_timestamp(v.st_atim),
        fmt_timestamp(v.st_mtim), fmt_timestamp(v.st_ctim)
    )
}

/// Formats a [`iovec`](crate::iovec) for a trace.
pub fn fmt_iovec(v: &crate::iovec) -> String {
    let _ = v;
    format!("{{buf=[{} bytes]}}", v.buf.1)
}

/// Formats a [`lookup`](crate::lookup) for a trace.
pub fn fmt_lookup(v: &crate::lookup) -> String {
    let _ = v;
    format!("{{fd={}, flags={}}}", fmt_fd(v.fd), fmt_lookupflags(v.flags))
}

/// Formats a [`recv_in`](crate::recv_in) for a trace.
pub fn fmt_recv_in(v: &crate::recv_in) -> String {
    let _ = v;
    format!(
        "{{ri_data=[{} iovec], ri_fds=[{} fd], ri_flags={}}}", v.ri_data.1, v.ri_fds.1,
        fmt_riflags(v.ri_flags)
    )
}

/// Formats a [`send_in`](crate::send_in) for a trace.
pub fn fmt_send_in(v: &crate::send_in) -> String {
    let _ = v;
    format!(
        "{{si_data=[{} ciovec], si_fds=[{} fd], si_flags={}}}", v.si_data.1, v.si_fds.1,
        fmt_siflags(v.si_flags)
    )
}

/// Formats a [`send_out`](crate::send_out) for a trace.
pub fn fmt_send_out(v: &crate::send_out) -> String {
    let _ = v;
    format!("{{so_datalen={}}}", v.so_datalen)
}

/// Formats a [`recv_out`](crate::recv_out) for a trace.
pub fn fmt_recv_out(v: &crate::recv_out) -> String {
    let _ = v;
    format!(
        "{{ro_datalen={}, ro_fdslen={}, ro_unused={}, ro_flags={}}}", v.ro_datalen, v
        .ro_fdslen, debug(v.ro_unused), fmt_roflags(v.ro_flags)
    )
}

/// Formats a [`subscription`](crate::subscription) for a trace.
pub fn fmt_subscription(v: &crate::subscription) -> String {
    let _ = v;
    format!(
        "{{userdata={}, unused={}, type={}, union=..{}}}", fmt_userdata(v.userdata), v
        .unused, fmt_eventtype(v.r#type), ""
    )
}

/// Formats a [`tcb`](crate::tcb) for a trace.
pub fn fmt_tcb(v: &crate::tcb) -> String {
    let _ = v;
    format!("{{parent={}}}", ptr(v.parent))
}

/// Formats a [`threadattr`](crate::threadattr) for a trace.
pub fn fmt_threadattr(v: &crate::threadattr) -> String {
    let _ = v;
    format!(
        "{{entry_point={}, stack=[{} bytes], argument={}}}", ptr(v.entry_point as * const
        ()), v.stack.1, ptr(v.argument)
    )
}

/// The arguments of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get(clock_id: crate::clockid) -> String {
    format!("clock_res_get(clock_id={})", fmt_clockid(clock_id))
}

/// The result of a [`clock_res_get`](crate::clock_res_get) call.
pub fn clock_res_get_result(result: &Result<crate::timestamp, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_timestamp(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get(clock_id: crate::clockid, precision: crate::timestamp) -> String {
    format!(
        "clock_time_get(clock_id={}, precision={})", fmt_clockid(clock_id),
        fmt_timestamp(precision)
    )
}

/// The result of a [`clock_time_get`](crate::clock_time_get) call.
pub fn clock_time_get_result(result: &Result<crate::timestamp, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_timestamp(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal(
    condvar: *mut crate::condvar,
    scope: crate::scope,
    nwaiters: crate::nthreads,
) -> String {
    format!(
        "condvar_signal(condvar={}, scope={}, nwaiters={})", ptr(condvar),
        fmt_scope(scope), fmt_nthreads(nwaiters)
    )
}

/// The result of a [`condvar_signal`](crate::condvar_signal) call.
pub fn condvar_signal_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_close`](crate::fd_close) call.
pub fn fd_close(fd: crate::fd) -> String {
    format!("fd_close(fd={})", fmt_fd(fd))
}

/// The result of a [`fd_close`](crate::fd_close) call.
pub fn fd_close_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1(r#type: crate::filetype) -> String {
    format!("fd_create1(type={})", fmt_filetype(r#type))
}

/// The result of a [`fd_create1`](crate::fd_create1) call.
pub fn fd_create1_result(result: &Result<crate::fd, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_fd(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2(r#type: crate::filetype) -> String {
    format!("fd_create2(type={})", fmt_filetype(r#type))
}

/// The result of a [`fd_create2`](crate::fd_create2) call.
pub fn fd_create2_result(
    result: &Result<(crate::fd, crate::fd), crate::errno>,
) -> String {
    match result {
        Ok(v) => format!("Ok({})", list_tuple(& [fmt_fd(v.0), fmt_fd(v.1)])),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync(fd: crate::fd) -> String {
    format!("fd_datasync(fd={})", fmt_fd(fd))
}

/// The result of a [`fd_datasync`](crate::fd_datasync) call.
pub fn fd_datasync_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup(from: crate::fd) -> String {
    format!("fd_dup(from={})", fmt_fd(from))
}

/// The result of a [`fd_dup`](crate::fd_dup) call.
pub fn fd_dup_result(result: &Result<crate::fd, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_fd(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread(
    fd: crate::fd,
    iovs: &[crate::iovec],
    offset: crate::filesize,
) -> String {
    format!(
        "fd_pread(fd={}, iovs={}, offset={})", fmt_fd(fd), buffers(iovs.len(), "iovec",
        iovs.iter().map(| e | e.buf.1).sum:: < usize > ()), fmt_filesize(offset)
    )
}

/// The result of a [`fd_pread`](crate::fd_pread) call.
pub fn fd_pread_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite(
    fd: crate::fd,
    iovs: &[crate::ciovec],
    offset: crate::filesize,
) -> String {
    format!(
        "fd_pwrite(fd={}, iovs={}, offset={})", fmt_fd(fd), buffers(iovs.len(), "ciovec",
        iovs.iter().map(| e | e.buf.1).sum:: < usize > ()), fmt_filesize(offset)
    )
}

/// The result of a [`fd_pwrite`](crate::fd_pwrite) call.
pub fn fd_pwrite_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_read`](crate::fd_read) call.
pub fn fd_read(fd: crate::fd, iovs: &[crate::iovec]) -> String {
    format!(
        "fd_read(fd={}, iovs={})", fmt_fd(fd), buffers(iovs.len(), "iovec", iovs.iter()
        .map(| e | e.buf.1).sum:: < usize > ())
    )
}

/// The result of a [`fd_read`](crate::fd_read) call.
pub fn fd_read_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace(from: crate::fd, to: crate::fd) -> String {
    format!("fd_replace(from={}, to={})", fmt_fd(from), fmt_fd(to))
}

/// The result of a [`fd_replace`](crate::fd_replace) call.
pub fn fd_replace_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek(
    fd: crate::fd,
    offset: crate::filedelta,
    whence: crate::whence,
) -> String {
    format!(
        "fd_seek(fd={}, offset={}, whence={})", fmt_fd(fd), fmt_filedelta(offset),
        fmt_whence(whence)
    )
}

/// The result of a [`fd_seek`](crate::fd_seek) call.
pub fn fd_seek_result(result: &Result<crate::filesize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_filesize(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get(fd: crate::fd, buf: *const crate::fdstat) -> String {
    format!("fd_stat_get(fd={}, buf={})", fmt_fd(fd), ptr(buf))
}

/// The result of a [`fd_stat_get`](crate::fd_stat_get) call.
pub fn fd_stat_get_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put(
    fd: crate::fd,
    buf: &crate::fdstat,
    flags: crate::fdsflags,
) -> String {
    format!(
        "fd_stat_put(fd={}, buf={}, flags={})", fmt_fd(fd), fmt_fdstat(buf),
        fmt_fdsflags(flags)
    )
}

/// The result of a [`fd_stat_put`](crate::fd_stat_put) call.
pub fn fd_stat_put_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync(fd: crate::fd) -> String {
    format!("fd_sync(fd={})", fmt_fd(fd))
}

/// The result of a [`fd_sync`](crate::fd_sync) call.
pub fn fd_sync_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`fd_write`](crate::fd_write) call.
pub fn fd_write(fd: crate::fd, iovs: &[crate::ciovec]) -> String {
    format!(
        "fd_write(fd={}, iovs={})", fmt_fd(fd), buffers(iovs.len(), "ciovec", iovs.iter()
        .map(| e | e.buf.1).sum:: < usize > ())
    )
}

/// The result of a [`fd_write`](crate::fd_write) call.
pub fn fd_write_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_advise`](crate::file_advise) call.
pub fn file_advise(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: crate::advice,
) -> String {
    format!(
        "file_advise(fd={}, offset={}, len={}, advice={})", fmt_fd(fd),
        fmt_filesize(offset), fmt_filesize(len), fmt_advice(advice)
    )
}

/// The result of a [`file_advise`](crate::file_advise) call.
pub fn file_advise_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
) -> String {
    format!(
        "file_allocate(fd={}, offset={}, len={})", fmt_fd(fd), fmt_filesize(offset),
        fmt_filesize(len)
    )
}

/// The result of a [`file_allocate`](crate::file_allocate) call.
pub fn file_allocate_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_create`](crate::file_create) call.
pub fn file_create(fd: crate::fd, path: &[u8], r#type: crate::filetype) -> String {
    format!(
        "file_create(fd={}, path={}, type={})", fmt_fd(fd), text(path),
        fmt_filetype(r#type)
    )
}

/// The result of a [`file_create`](crate::file_create) call.
pub fn file_create_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_link`](crate::file_link) call.
pub fn file_link(
    fd1: crate::lookup,
    path1: &[u8],
    fd2: crate::fd,
    path2: &[u8],
) -> String {
    format!(
        "file_link(fd1={}, path1={}, fd2={}, path2={})", fmt_lookup(& fd1), text(path1),
        fmt_fd(fd2), text(path2)
    )
}

/// The result of a [`file_link`](crate::file_link) call.
pub fn file_link_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_open`](crate::file_open) call.
pub fn file_open(
    dirfd: crate::lookup,
    path: &[u8],
    oflags: crate::oflags,
    fds: &crate::fdstat,
) -> String {
    format!(
        "file_open(dirfd={}, path={}, oflags={}, fds={})", fmt_lookup(& dirfd),
        text(path), fmt_oflags(oflags), fmt_fdstat(fds)
    )
}

/// The result of a [`file_open`](crate::file_open) call.
pub fn file_open_result(result: &Result<crate::fd, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_fd(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir(fd: crate::fd, buf: usize, cookie: crate::dircookie) -> String {
    format!(
        "file_readdir(fd={}, buf={}, cookie={})", fmt_fd(fd), count(buf, "bytes"),
        fmt_dircookie(cookie)
    )
}

/// The result of a [`file_readdir`](crate::file_readdir) call.
pub fn file_readdir_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink(fd: crate::fd, path: &[u8], buf: usize) -> String {
    format!(
        "file_readlink(fd={}, path={}, buf={})", fmt_fd(fd), text(path), count(buf,
        "bytes")
    )
}

/// The result of a [`file_readlink`](crate::file_readlink) call.
pub fn file_readlink_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_rename`](crate::file_rename) call.
pub fn file_rename(
    fd1: crate::fd,
    path1: &[u8],
    fd2: crate::fd,
    path2: &[u8],
) -> String {
    format!(
        "file_rename(fd1={}, path1={}, fd2={}, path2={})", fmt_fd(fd1), text(path1),
        fmt_fd(fd2), text(path2)
    )
}

/// The result of a [`file_rename`](crate::file_rename) call.
pub fn file_rename_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget(fd: crate::fd, buf: *const crate::filestat) -> String {
    format!("file_stat_fget(fd={}, buf={})", fmt_fd(fd), ptr(buf))
}

/// The result of a [`file_stat_fget`](crate::file_stat_fget) call.
pub fn file_stat_fget_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput(
    fd: crate::fd,
    buf: &crate::filestat,
    flags: crate::fsflags,
) -> String {
    format!(
        "file_stat_fput(fd={}, buf={}, flags={})", fmt_fd(fd), fmt_filestat(buf),
        fmt_fsflags(flags)
    )
}

/// The result of a [`file_stat_fput`](crate::file_stat_fput) call.
pub fn file_stat_fput_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get(
    fd: crate::lookup,
    path: &[u8],
    buf: *const crate::filestat,
) -> String {
    format!(
        "file_stat_get(fd={}, path={}, buf={})", fmt_lookup(& fd), text(path), ptr(buf)
    )
}

/// The result of a [`file_stat_get`](crate::file_stat_get) call.
pub fn file_stat_get_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put(
    fd: crate::lookup,
    path: &[u8],
    buf: &crate::filestat,
    flags: crate::fsflags,
) -> String {
    format!(
        "file_stat_put(fd={}, path={}, buf={}, flags={})", fmt_lookup(& fd), text(path),
        fmt_filestat(buf), fmt_fsflags(flags)
    )
}

/// The result of a [`file_stat_put`](crate::file_stat_put) call.
pub fn file_stat_put_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink(path1: &[u8], fd: crate::fd, path2: &[u8]) -> String {
    format!(
        "file_symlink(path1={}, fd={}, path2={})", text(path1), fmt_fd(fd), text(path2)
    )
}

/// The result of a [`file_symlink`](crate::file_symlink) call.
pub fn file_symlink_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink(fd: crate::fd, path: &[u8], flags: crate::ulflags) -> String {
    format!(
        "file_unlink(fd={}, path={}, flags={})", fmt_fd(fd), text(path),
        fmt_ulflags(flags)
    )
}

/// The result of a [`file_unlink`](crate::file_unlink) call.
pub fn file_unlink_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock(lock: *mut crate::lock, scope: crate::scope) -> String {
    format!("lock_unlock(lock={}, scope={})", ptr(lock), fmt_scope(scope))
}

/// The result of a [`lock_unlock`](crate::lock_unlock) call.
pub fn lock_unlock_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise(mapping: *mut [u8], advice: crate::advice) -> String {
    format!(
        "mem_advise(mapping={}, advice={})", address_range(mapping), fmt_advice(advice)
    )
}

/// The result of a [`mem_advise`](crate::mem_advise) call.
pub fn mem_advise_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
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
) -> String {
    format!(
        "mem_map(addr={}, len={}, prot={}, flags={}, fd={}, off={})", ptr(addr), len,
        fmt_mprot(prot), fmt_mflags(flags), fmt_fd(fd), fmt_filesize(off)
    )
}

/// The result of a [`mem_map`](crate::mem_map) call.
pub fn mem_map_result(result: &Result<*mut (), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", ptr(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect(mapping: *mut [u8], prot: crate::mprot) -> String {
    format!("mem_protect(mapping={}, prot={})", address_range(mapping), fmt_mprot(prot))
}

/// The result of a [`mem_protect`](crate::mem_protect) call.
pub fn mem_protect_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync(mapping: *mut [u8], flags: crate::msflags) -> String {
    format!("mem_sync(mapping={}, flags={})", address_range(mapping), fmt_msflags(flags))
}

/// The result of a [`mem_sync`](crate::mem_sync) call.
pub fn mem_sync_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap(mapping: *mut [u8]) -> String {
    format!("mem_unmap(mapping={})", address_range(mapping))
}

/// The result of a [`mem_unmap`](crate::mem_unmap) call.
pub fn mem_unmap_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`poll`](crate::poll) call.
pub fn poll(r#in: &[crate::subscription], out: usize) -> String {
    format!(
        "poll(in={}, out={})", count(r#in.len(), "subscription"), count(out, "event")
    )
}

/// The result of a [`poll`](crate::poll) call.
pub fn poll_result(result: &Result<usize, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", * v),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec(fd: crate::fd, data: &[u8], fds: &[crate::fd]) -> String {
    format!(
        "proc_exec(fd={}, data={}, fds={})", fmt_fd(fd), count(data.len(), "bytes"),
        list(fds.iter().map(| e | fmt_fd(* e)))
    )
}

/// The result of a [`proc_exec`](crate::proc_exec) call.
pub fn proc_exec_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`proc_exit`](crate::proc_exit) call.
pub fn proc_exit(rval: crate::exitcode) -> String {
    format!("proc_exit(rval={})", fmt_exitcode(rval))
}

/// The arguments of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork() -> String {
    String::from("proc_fork()")
}

/// The result of a [`proc_fork`](crate::proc_fork) call.
pub fn proc_fork_result(
    result: &Result<(crate::fd, crate::tid), crate::errno>,
) -> String {
    match result {
        Ok(v) => format!("Ok({})", list_tuple(& [fmt_fd(v.0), fmt_tid(v.1)])),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise(sig: crate::signal) -> String {
    format!("proc_raise(sig={})", fmt_signal(sig))
}

/// The result of a [`proc_raise`](crate::proc_raise) call.
pub fn proc_raise_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`random_get`](crate::random_get) call.
pub fn random_get(buf: usize) -> String {
    format!("random_get(buf={})", count(buf, "bytes"))
}

/// The result of a [`random_get`](crate::random_get) call.
pub fn random_get_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv(
    sock: crate::fd,
    r#in: &crate::recv_in,
    out: *const crate::recv_out,
) -> String {
    format!(
        "sock_recv(sock={}, in={}, out={})", fmt_fd(sock), fmt_recv_in(r#in), ptr(out)
    )
}

/// The result of a [`sock_recv`](crate::sock_recv) call.
pub fn sock_recv_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`sock_send`](crate::sock_send) call.
pub fn sock_send(
    sock: crate::fd,
    r#in: &crate::send_in,
    out: *const crate::send_out,
) -> String {
    format!(
        "sock_send(sock={}, in={}, out={})", fmt_fd(sock), fmt_send_in(r#in), ptr(out)
    )
}

/// The result of a [`sock_send`](crate::sock_send) call.
pub fn sock_send_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown(sock: crate::fd, how: crate::sdflags) -> String {
    format!("sock_shutdown(sock={}, how={})", fmt_fd(sock), fmt_sdflags(how))
}

/// The result of a [`sock_shutdown`](crate::sock_shutdown) call.
pub fn sock_shutdown_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`thread_create`](crate::thread_create) call.
pub fn thread_create(attr: *const crate::threadattr) -> String {
    format!("thread_create(attr={})", ptr(attr))
}

/// The result of a [`thread_create`](crate::thread_create) call.
pub fn thread_create_result(result: &Result<crate::tid, crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", fmt_tid(* v)),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}

/// The arguments of a [`thread_exit`](crate::thread_exit) call.
pub fn thread_exit(lock: *mut crate::lock, scope: crate::scope) -> String {
    format!("thread_exit(lock={}, scope={})", ptr(lock), fmt_scope(scope))
}

/// The arguments of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield() -> String {
    String::from("thread_yield()")
}

/// The result of a [`thread_yield`](crate::thread_yield) call.
pub fn thread_yield_result(result: &Result<(), crate::errno>) -> String {
    match result {
        Ok(v) => format!("Ok({})", { let () = * v; "()" }),
        Err(e) => format!("Err({})", fmt_errno(* e)),
    }
}
