// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Decoding of enum values and checks of structs that come from the guest.
//!
//! An enum value or a struct that holds one is only a valid Rust value when the
//! number is one of the enum's: these functions check the raw bytes first. The same
//! structs implement [`Valid`] and get one accessor per field on [`Fields`].

use core::ptr::addr_of;

/// The integer stored at `p`, read as its base type `T` rather than as the field's type,
/// which could be an enum that does not hold every number.
///
/// # Safety
///
/// `p` must be valid for reading a `T`.
unsafe fn bits<T, F>(p: *const F) -> T {
    // SAFETY: the caller makes `p` valid for reading a `T`.
    unsafe { (p as *const T).read() }
}

/// Structures whose validity can be checked from their raw bytes.
pub trait Valid {
    /// Whether the bytes at `p` are a valid value.
    ///
    /// # Safety
    ///
    /// `p` must be valid for reading a whole value.
    unsafe fn valid(p: *const Self) -> bool;
}

use super::Fields;

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
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
        let f = addr_of!((*p).a_type);
        if auxtype(bits(f)).is_none() {
            return false;
        }
        true
    }
}

impl Valid for crate::auxv {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { auxv(p) }
    }
}

impl<'a> Fields<'a, crate::auxv> {
    /// The [`a_type`](crate::auxv#structfield.a_type) field.
    pub fn a_type(&self) -> Option<crate::auxtype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        auxtype(unsafe { bits(addr_of!((*self.as_ptr()).a_type)) })
    }
}

/// Whether the bytes at `p` are a valid [`dirent`](crate::dirent).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn dirent(p: *const crate::dirent) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
        let f = addr_of!((*p).d_type);
        if filetype(bits(f)).is_none() {
            return false;
        }
        true
    }
}

impl Valid for crate::dirent {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { dirent(p) }
    }
}

impl<'a> Fields<'a, crate::dirent> {
    /// The [`d_next`](crate::dirent#structfield.d_next) field.
    pub fn d_next(&self) -> crate::dircookie {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).d_next).read() }
    }

    /// The [`d_ino`](crate::dirent#structfield.d_ino) field.
    pub fn d_ino(&self) -> crate::inode {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).d_ino).read() }
    }

    /// The [`d_namlen`](crate::dirent#structfield.d_namlen) field.
    pub fn d_namlen(&self) -> u32 {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).d_namlen).read() }
    }

    /// The [`d_type`](crate::dirent#structfield.d_type) field.
    pub fn d_type(&self) -> Option<crate::filetype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        filetype(unsafe { bits(addr_of!((*self.as_ptr()).d_type)) })
    }
}

/// Whether the bytes at `p` are a valid [`event`](crate::event).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn event(p: *const crate::event) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
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
}

impl Valid for crate::event {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { event(p) }
    }
}

impl<'a> Fields<'a, crate::event> {
    /// The [`userdata`](crate::event#structfield.userdata) field.
    pub fn userdata(&self) -> crate::userdata {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).userdata).read() }
    }

    /// The [`error`](crate::event#structfield.error) field.
    pub fn error(&self) -> Option<crate::errno> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        errno(unsafe { bits(addr_of!((*self.as_ptr()).error)) })
    }

    /// The [`type`](crate::event#structfield.type) field.
    pub fn r#type(&self) -> Option<crate::eventtype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        eventtype(unsafe { bits(addr_of!((*self.as_ptr()).r#type)) })
    }
}

/// Whether the bytes at `p` are a valid [`fdstat`](crate::fdstat).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn fdstat(p: *const crate::fdstat) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
        let f = addr_of!((*p).fs_filetype);
        if filetype(bits(f)).is_none() {
            return false;
        }
        true
    }
}

impl Valid for crate::fdstat {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { fdstat(p) }
    }
}

impl<'a> Fields<'a, crate::fdstat> {
    /// The [`fs_filetype`](crate::fdstat#structfield.fs_filetype) field.
    pub fn fs_filetype(&self) -> Option<crate::filetype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        filetype(unsafe { bits(addr_of!((*self.as_ptr()).fs_filetype)) })
    }

    /// The [`fs_flags`](crate::fdstat#structfield.fs_flags) field.
    pub fn fs_flags(&self) -> crate::fdflags {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).fs_flags).read() }
    }

    /// The [`fs_rights_base`](crate::fdstat#structfield.fs_rights_base) field.
    pub fn fs_rights_base(&self) -> crate::rights {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).fs_rights_base).read() }
    }

    /// The [`fs_rights_inheriting`](crate::fdstat#structfield.fs_rights_inheriting) field.
    pub fn fs_rights_inheriting(&self) -> crate::rights {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).fs_rights_inheriting).read() }
    }
}

/// Whether the bytes at `p` are a valid [`filestat`](crate::filestat).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn filestat(p: *const crate::filestat) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
        let f = addr_of!((*p).st_filetype);
        if filetype(bits(f)).is_none() {
            return false;
        }
        true
    }
}

impl Valid for crate::filestat {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { filestat(p) }
    }
}

impl<'a> Fields<'a, crate::filestat> {
    /// The [`st_dev`](crate::filestat#structfield.st_dev) field.
    pub fn st_dev(&self) -> crate::device {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_dev).read() }
    }

    /// The [`st_ino`](crate::filestat#structfield.st_ino) field.
    pub fn st_ino(&self) -> crate::inode {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_ino).read() }
    }

    /// The [`st_filetype`](crate::filestat#structfield.st_filetype) field.
    pub fn st_filetype(&self) -> Option<crate::filetype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        filetype(unsafe { bits(addr_of!((*self.as_ptr()).st_filetype)) })
    }

    /// The [`st_nlink`](crate::filestat#structfield.st_nlink) field.
    pub fn st_nlink(&self) -> crate::linkcount {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_nlink).read() }
    }

    /// The [`st_size`](crate::filestat#structfield.st_size) field.
    pub fn st_size(&self) -> crate::filesize {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_size).read() }
    }

    /// The [`st_atim`](crate::filestat#structfield.st_atim) field.
    pub fn st_atim(&self) -> crate::timestamp {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_atim).read() }
    }

    /// The [`st_mtim`](crate::filestat#structfield.st_mtim) field.
    pub fn st_mtim(&self) -> crate::timestamp {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_mtim).read() }
    }

    /// The [`st_ctim`](crate::filestat#structfield.st_ctim) field.
    pub fn st_ctim(&self) -> crate::timestamp {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).st_ctim).read() }
    }
}

/// Whether the bytes at `p` are a valid [`subscription`](crate::subscription).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn subscription(p: *const crate::subscription) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
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
}

impl Valid for crate::subscription {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { subscription(p) }
    }
}

impl<'a> Fields<'a, crate::subscription> {
    /// The [`userdata`](crate::subscription#structfield.userdata) field.
    pub fn userdata(&self) -> crate::userdata {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).userdata).read() }
    }

    /// The [`unused`](crate::subscription#structfield.unused) field.
    pub fn unused(&self) -> u16 {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).unused).read() }
    }

    /// The [`type`](crate::subscription#structfield.type) field.
    pub fn r#type(&self) -> Option<crate::eventtype> {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        eventtype(unsafe { bits(addr_of!((*self.as_ptr()).r#type)) })
    }
}

/// Whether the bytes at `p` are a valid [`threadattr`](crate::threadattr).
///
/// # Safety
///
/// `p` must be valid for reading a whole value of the type.
pub unsafe fn threadattr(p: *const crate::threadattr) -> bool {
    // SAFETY: `p` is valid for reading a whole value (this function's contract):
    // each field is read at its own address, without a reference to the whole.
    unsafe {
        let f = addr_of!((*p).entry_point);
        if bits::<usize, _>(f) == 0 {
            return false;
        }
        true
    }
}

impl Valid for crate::threadattr {
    unsafe fn valid(p: *const Self) -> bool {
        // SAFETY: the same contract as `valid`.
        unsafe { threadattr(p) }
    }
}

impl<'a> Fields<'a, crate::threadattr> {
    /// The [`argument`](crate::threadattr#structfield.argument) field.
    pub fn argument(&self) -> *mut () {
        // SAFETY: `Fields` points at a whole value, aligned and readable.
        unsafe { addr_of!((*self.as_ptr()).argument).read() }
    }
}
