// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Decoding of enum values and checks of structs that come from the guest.
//!
//! An enum value or a struct that holds one is only a valid Rust value when the
//! number is one of the enum's: these functions check the raw bytes first.

use core::ptr::addr_of;

/// The integer stored at `p`, read as its base type `T` rather than as the field's type,
/// which could be an enum that does not hold every number.
///
/// # Safety
///
/// `p` must be valid for reading a `T`.
unsafe fn bits<T, F>(p: *const F) -> T {
    (p as *const T).read()
}

/// Decodes a [`advice`](crate::advice) from its number; `None` for numbers it does not name.
pub fn advice(raw: u8) -> Option<crate::advice> {
    match raw {
        1 => Some(crate::advice::DONTNEED),
        2 => Some(crate::advice::NOREUSE),
        3 => Some(crate::advice::NORMAL),
        4 => Some(crate::advice::RANDOM),
        5 => Some(crate::advice::SEQUENTIAL),
        6 => Some(crate::advice::WILLNEED),
        _ => None,
    }
}

/// Decodes a [`auxtype`](crate::auxtype) from its number; `None` for numbers it does not name.
pub fn auxtype(raw: u32) -> Option<crate::auxtype> {
    match raw {
        256 => Some(crate::auxtype::ARGDATA),
        257 => Some(crate::auxtype::ARGDATALEN),
        7 => Some(crate::auxtype::BASE),
        258 => Some(crate::auxtype::CANARY),
        259 => Some(crate::auxtype::CANARYLEN),
        260 => Some(crate::auxtype::NCPUS),
        0 => Some(crate::auxtype::NULL),
        6 => Some(crate::auxtype::PAGESZ),
        3 => Some(crate::auxtype::PHDR),
        4 => Some(crate::auxtype::PHNUM),
        263 => Some(crate::auxtype::PID),
        262 => Some(crate::auxtype::SYSINFO_EHDR),
        261 => Some(crate::auxtype::TID),
        _ => None,
    }
}

/// Decodes a [`clockid`](crate::clockid) from its number; `None` for numbers it does not name.
pub fn clockid(raw: u32) -> Option<crate::clockid> {
    match raw {
        1 => Some(crate::clockid::MONOTONIC),
        2 => Some(crate::clockid::PROCESS_CPUTIME_ID),
        3 => Some(crate::clockid::REALTIME),
        4 => Some(crate::clockid::THREAD_CPUTIME_ID),
        _ => None,
    }
}

/// Decodes a [`errno`](crate::errno) from its number; `None` for numbers it does not name.
pub fn errno(raw: u16) -> Option<crate::errno> {
    match raw {
        0 => Some(crate::errno::SUCCESS),
        1 => Some(crate::errno::TOOBIG),
        2 => Some(crate::errno::ACCES),
        3 => Some(crate::errno::ADDRINUSE),
        4 => Some(crate::errno::ADDRNOTAVAIL),
        5 => Some(crate::errno::AFNOSUPPORT),
        6 => Some(crate::errno::AGAIN),
        7 => Some(crate::errno::ALREADY),
        8 => Some(crate::errno::BADF),
        9 => Some(crate::errno::BADMSG),
        10 => Some(crate::errno::BUSY),
        11 => Some(crate::errno::CANCELED),
        12 => Some(crate::errno::CHILD),
        13 => Some(crate::errno::CONNABORTED),
        14 => Some(crate::errno::CONNREFUSED),
        15 => Some(crate::errno::CONNRESET),
        16 => Some(crate::errno::DEADLK),
        17 => Some(crate::errno::DESTADDRREQ),
        18 => Some(crate::errno::DOM),
        19 => Some(crate::errno::DQUOT),
        20 => Some(crate::errno::EXIST),
        21 => Some(crate::errno::FAULT),
        22 => Some(crate::errno::FBIG),
        23 => Some(crate::errno::HOSTUNREACH),
        24 => Some(crate::errno::IDRM),
        25 => Some(crate::errno::ILSEQ),
        26 => Some(crate::errno::INPROGRESS),
        27 => Some(crate::errno::INTR),
        28 => Some(crate::errno::INVAL),
        29 => Some(crate::errno::IO),
        30 => Some(crate::errno::ISCONN),
        31 => Some(crate::errno::ISDIR),
        32 => Some(crate::errno::LOOP),
        33 => Some(crate::errno::MFILE),
        34 => Some(crate::errno::MLINK),
        35 => Some(crate::errno::MSGSIZE),
        36 => Some(crate::errno::MULTIHOP),
        37 => Some(crate::errno::NAMETOOLONG),
        38 => Some(crate::errno::NETDOWN),
        39 => Some(crate::errno::NETRESET),
        40 => Some(crate::errno::NETUNREACH),
        41 => Some(crate::errno::NFILE),
        42 => Some(crate::errno::NOBUFS),
        43 => Some(crate::errno::NODEV),
        44 => Some(crate::errno::NOENT),
        45 => Some(crate::errno::NOEXEC),
        46 => Some(crate::errno::NOLCK),
        47 => Some(crate::errno::NOLINK),
        48 => Some(crate::errno::NOMEM),
        49 => Some(crate::errno::NOMSG),
        50 => Some(crate::errno::NOPROTOOPT),
        51 => Some(crate::errno::NOSPC),
        52 => Some(crate::errno::NOSYS),
        53 => Some(crate::errno::NOTCONN),
        54 => Some(crate::errno::NOTDIR),
        55 => Some(crate::errno::NOTEMPTY),
        56 => Some(crate::errno::NOTRECOVERABLE),
        57 => Some(crate::errno::NOTSOCK),
        58 => Some(crate::errno::NOTSUP),
        59 => Some(crate::errno::NOTTY),
        60 => Some(crate::errno::NXIO),
        61 => Some(crate::errno::OVERFLOW),
        62 => Some(crate::errno::OWNERDEAD),
        63 => Some(crate::errno::PERM),
        64 => Some(crate::errno::PIPE),
        65 => Some(crate::errno::PROTO),
        66 => Some(crate::errno::PROTONOSUPPORT),
        67 => Some(crate::errno::PROTOTYPE),
        68 => Some(crate::errno::RANGE),
        69 => Some(crate::errno::ROFS),
        70 => Some(crate::errno::SPIPE),
        71 => Some(crate::errno::SRCH),
        72 => Some(crate::errno::STALE),
        73 => Some(crate::errno::TIMEDOUT),
        74 => Some(crate::errno::TXTBSY),
        75 => Some(crate::errno::XDEV),
        76 => Some(crate::errno::NOTCAPABLE),
        _ => None,
    }
}

/// Decodes a [`eventtype`](crate::eventtype) from its number; `None` for numbers it does not name.
pub fn eventtype(raw: u8) -> Option<crate::eventtype> {
    match raw {
        1 => Some(crate::eventtype::CLOCK),
        2 => Some(crate::eventtype::CONDVAR),
        3 => Some(crate::eventtype::FD_READ),
        4 => Some(crate::eventtype::FD_WRITE),
        5 => Some(crate::eventtype::LOCK_RDLOCK),
        6 => Some(crate::eventtype::LOCK_WRLOCK),
        7 => Some(crate::eventtype::PROC_TERMINATE),
        _ => None,
    }
}

/// Decodes a [`filetype`](crate::filetype) from its number; `None` for numbers it does not name.
pub fn filetype(raw: u8) -> Option<crate::filetype> {
    match raw {
        0 => Some(crate::filetype::UNKNOWN),
        16 => Some(crate::filetype::BLOCK_DEVICE),
        17 => Some(crate::filetype::CHARACTER_DEVICE),
        32 => Some(crate::filetype::DIRECTORY),
        80 => Some(crate::filetype::PROCESS),
        96 => Some(crate::filetype::REGULAR_FILE),
        112 => Some(crate::filetype::SHARED_MEMORY),
        128 => Some(crate::filetype::SOCKET_DGRAM),
        130 => Some(crate::filetype::SOCKET_STREAM),
        144 => Some(crate::filetype::SYMBOLIC_LINK),
        _ => None,
    }
}

/// Decodes a [`scope`](crate::scope) from its number; `None` for numbers it does not name.
pub fn scope(raw: u8) -> Option<crate::scope> {
    match raw {
        4 => Some(crate::scope::PRIVATE),
        8 => Some(crate::scope::SHARED),
        _ => None,
    }
}

/// Decodes a [`signal`](crate::signal) from its number; `None` for numbers it does not name.
pub fn signal(raw: u8) -> Option<crate::signal> {
    match raw {
        1 => Some(crate::signal::ABRT),
        2 => Some(crate::signal::ALRM),
        3 => Some(crate::signal::BUS),
        4 => Some(crate::signal::CHLD),
        5 => Some(crate::signal::CONT),
        6 => Some(crate::signal::FPE),
        7 => Some(crate::signal::HUP),
        8 => Some(crate::signal::ILL),
        9 => Some(crate::signal::INT),
        10 => Some(crate::signal::KILL),
        11 => Some(crate::signal::PIPE),
        12 => Some(crate::signal::QUIT),
        13 => Some(crate::signal::SEGV),
        14 => Some(crate::signal::STOP),
        15 => Some(crate::signal::SYS),
        16 => Some(crate::signal::TERM),
        17 => Some(crate::signal::TRAP),
        18 => Some(crate::signal::TSTP),
        19 => Some(crate::signal::TTIN),
        20 => Some(crate::signal::TTOU),
        21 => Some(crate::signal::URG),
        22 => Some(crate::signal::USR1),
        23 => Some(crate::signal::USR2),
        24 => Some(crate::signal::VTALRM),
        25 => Some(crate::signal::XCPU),
        26 => Some(crate::signal::XFSZ),
        _ => None,
    }
}

/// Decodes a [`whence`](crate::whence) from its number; `None` for numbers it does not name.
pub fn whence(raw: u8) -> Option<crate::whence> {
    match raw {
        1 => Some(crate::whence::CUR),
        2 => Some(crate::whence::END),
        3 => Some(crate::whence::SET),
        _ => None,
    }
}

/// Whether the bytes at `p` are a valid [`auxv`](crate::auxv).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn auxv(p: *const crate::auxv) -> bool {
    let f = addr_of!((*p).a_type);
    if auxtype(bits(f)).is_none() {
        return false;
    }
    true
}

/// Whether the bytes at `p` are a valid [`dirent`](crate::dirent).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn dirent(p: *const crate::dirent) -> bool {
    let f = addr_of!((*p).d_type);
    if filetype(bits(f)).is_none() {
        return false;
    }
    true
}

/// Whether the bytes at `p` are a valid [`event`](crate::event).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn event(p: *const crate::event) -> bool {
    let f = addr_of!((*p).error);
    if errno(bits(f)).is_none() {
        return false;
    }
    let f = addr_of!((*p).r#type);
    if eventtype(bits(f)).is_none() {
        return false;
    }
    let tag: u8 = bits(addr_of!((*p).r#type));
    if tag == 7 {
        let arm = addr_of!((*p).union.proc_terminate);
        let f = addr_of!((*arm).signal);
        if signal(bits(f)).is_none() {
            return false;
        }
    }
    true
}

/// Whether the bytes at `p` are a valid [`fdstat`](crate::fdstat).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn fdstat(p: *const crate::fdstat) -> bool {
    let f = addr_of!((*p).fs_filetype);
    if filetype(bits(f)).is_none() {
        return false;
    }
    true
}

/// Whether the bytes at `p` are a valid [`filestat`](crate::filestat).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn filestat(p: *const crate::filestat) -> bool {
    let f = addr_of!((*p).st_filetype);
    if filetype(bits(f)).is_none() {
        return false;
    }
    true
}

/// Whether the bytes at `p` are a valid [`subscription`](crate::subscription).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn subscription(p: *const crate::subscription) -> bool {
    let f = addr_of!((*p).r#type);
    if eventtype(bits(f)).is_none() {
        return false;
    }
    let tag: u8 = bits(addr_of!((*p).r#type));
    if tag == 1 {
        let arm = addr_of!((*p).union.clock);
        let f = addr_of!((*arm).clock_id);
        if clockid(bits(f)).is_none() {
            return false;
        }
    }
    if tag == 2 {
        let arm = addr_of!((*p).union.condvar);
        let f = addr_of!((*arm).condvar_scope);
        if scope(bits(f)).is_none() {
            return false;
        }
        let f = addr_of!((*arm).lock_scope);
        if scope(bits(f)).is_none() {
            return false;
        }
    }
    if matches!(tag, 5 | 6) {
        let arm = addr_of!((*p).union.lock);
        let f = addr_of!((*arm).lock_scope);
        if scope(bits(f)).is_none() {
            return false;
        }
    }
    true
}

/// Whether the bytes at `p` are a valid [`threadattr`](crate::threadattr).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn threadattr(p: *const crate::threadattr) -> bool {
    let f = addr_of!((*p).entry_point);
    if bits::<usize, _>(f) == 0 {
        return false;
    }
    true
}
