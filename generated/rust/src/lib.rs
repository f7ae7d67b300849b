// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Rust bindings for CloudABI: every type, constant and system call of the ABI.
//!
//! This crate is generated from `spec/cloudabi.txt` by cloudabi-gen.
//! With the `host` feature it also contains the `host` module, the interface an emulator
//! implements to serve these system calls.
//!
//! # CloudABI
//!
//! CloudABI is a compact application binary interface for running programs under
//! capability-based security. It starts from the familiar POSIX model and leaves out
//! every interface that would let a program reach beyond the resources it was handed.
//! What remains is a small set of 49 system calls.
//!
//! CloudABI has no kernel of its own. Support for it can be added to existing
//! operating system kernels, or the interface can be emulated on top of them, so one
//! unmodified binary can run on several host systems.
//!
//! ## Capabilities instead of global namespaces
//!
//! A CloudABI process cannot name anything through a global namespace. There is no
//! way to open a file by its absolute path, to create a network connection out of
//! thin air, or to inspect system-wide state such as the list of running processes.
//!
//! Everything a process may touch is reachable through its file descriptors, which
//! act as capabilities. Opening a file, for instance, requires a descriptor for a
//! directory that contains it, and every descriptor carries a set of [`rights`] that
//! limits what it can be used for.
//!
//! Descriptor numbers have no predefined roles: 0, 1 and 2 are not set aside for
//! standard streams as they are in POSIX. Instead, whoever starts a process hands it
//! exactly the descriptors it needs, for example a listening socket plus a directory
//! to serve content from. As the new process cannot obtain further resources by
//! itself, its possible effects are bounded by that initial set. This makes it
//! reasonable to run untrusted binaries without wrapping them in a container, virtual
//! machine or other sandbox.
//!
//! ## Userspace
//!
//! A C library for this environment offers the standard interfaces that fit the
//! model, such as `openat` and `fprintf`, and omits those that assume global state,
//! such as `open` and `printf`. Existing software can be ported by removing its
//! dependence on global paths like `/etc` or `/dev`.
//!
//! ## About this file
//!
//! This file is the single authoritative description of the ABI. It lists every type,
//! constant, structure and system call, each with its documentation. The C headers,
//! the Rust bindings, the vDSO sources and the reference documentation are all
//! generated from it.

#![no_std]
#![allow(non_camel_case_types)]

#[cfg(feature = "host")]
extern crate std;

#[cfg(feature = "host")]
pub mod host;

#[cfg(test)]
mod layout_tests;

#[cfg(feature = "bitflags")]
use bitflags::bitflags;

/// Stands in for the `bitflags` crate's macro when the `bitflags` feature is off: the same
/// types and constants, with `bits()` and `from_bits_unchecked()` only.
#[cfg(not(feature = "bitflags"))]
macro_rules! bitflags {
    (
        $(#[$attr:meta])*
        pub struct $name:ident: $base:ty {
            $(
                $(#[$const_attr:meta])*
                const $const:ident = $value:expr;
            )*
        }
    ) => {
        $(#[$attr])*
        #[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
        pub struct $name {
            bits: $base,
        }

        impl $name {
            $(
                $(#[$const_attr])*
                pub const $const: $name = $name { bits: $value };
            )*

            /// The raw bits.
            pub const fn bits(&self) -> $base {
                self.bits
            }

            /// Makes a value from raw bits, keeping bits that name no flag.
            ///
            /// # Safety
            ///
            /// Kept `unsafe` for compatibility with the `bitflags` crate's method of the
            /// same name; any bit pattern is a valid value here.
            pub const unsafe fn from_bits_unchecked(bits: $base) -> $name {
                $name { bits }
            }
        }
    };
}

/// Hint about how a range of a file or of memory is going to be accessed.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum advice {
    /// The data in question will not be needed again soon.
    DONTNEED = 1,
    /// The data in question will be used a single time and then left
    /// alone.
    NOREUSE = 2,
    /// No particular access pattern is expected for the data in question.
    NORMAL = 3,
    /// The data in question will be accessed at unpredictable offsets.
    RANDOM = 4,
    /// The data in question will be read in order, going from low offsets
    /// to high ones.
    SEQUENTIAL = 5,
    /// The data in question will be needed soon.
    WILLNEED = 6,
}

/// Tag telling what kind of value an entry of [`auxv`] holds.
#[repr(u32)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum auxtype {
    /// Where the binary argument data passed to [`proc_exec`] begins in
    /// memory.
    ARGDATA = 256,
    /// Length in bytes of the binary argument data passed to [`proc_exec`].
    ARGDATALEN = 257,
    /// Address in memory where the executable has been loaded.
    BASE = 7,
    /// Start address of a buffer filled with random bytes, meant for uses
    /// that need no cryptographic strength, such as seeding stack
    /// smashing protection.
    CANARY = 258,
    /// Size in bytes of the random buffer described by [`auxtype::CANARY`].
    CANARYLEN = 259,
    /// How many CPUs the host system has.
    NCPUS = 260,
    /// Marks the end of the auxiliary vector.
    NULL = 0,
    /// Granularity of memory protection: the smallest size of a region
    /// whose protection can be changed on its own.
    PAGESZ = 6,
    /// Address of the executable's first ELF program header.
    PHDR = 3,
    /// How many ELF program headers the executable has.
    PHNUM = 4,
    /// Identity of the process.
    ///
    /// Small integer process IDs are not offered, as they carry little
    /// meaning once programs are spread over many machines. A process is
    /// named by a UUID instead.
    ///
    /// The entry points to 16 bytes of binary data: a UUID of version 4,
    /// generated entirely at random.
    PID = 263,
    /// Location in memory of the ELF header belonging to the vDSO.
    ///
    /// This vDSO is a shared object that the environment maps into every
    /// process. It exports one function per system call, named with the
    /// prefix `cloudabi_sys_`, and programs are expected to make their
    /// system calls by calling these functions.
    ///
    /// Going through the vDSO instead of trapping into the kernel
    /// directly has benefits. It makes CloudABI programs easy to emulate
    /// on operating systems that lack native support. Where native
    /// support exists, the system may still serve some calls partly or
    /// fully in userspace for speed (for instance [`clock_time_get`]). It
    /// also gives more freedom to add, remove or replace system calls
    /// over time.
    SYSINFO_EHDR = 262,
    /// Thread ID of the first thread of the process.
    TID = 261,
}

/// Selects a clock.
#[repr(u32)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum clockid {
    /// Clock shared by the whole system that tracks real time and only
    /// moves forward: it cannot be set, and it never jumps backwards.
    ///
    /// Its starting point is unspecified, so only the difference between
    /// two of its readings is meaningful.
    MONOTONIC = 1,
    /// Measures the CPU time consumed by the calling process.
    PROCESS_CPUTIME_ID = 2,
    /// System-wide wall-clock time, counted from 1970-01-01T00:00:00Z.
    REALTIME = 3,
    /// Measures the CPU time consumed by the calling thread.
    THREAD_CPUTIME_ID = 4,
}

/// Condition variable that lives in userspace memory.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct condvar(pub u32);

/// Initial state: no thread is blocked on the condition variable. Any
/// other value means sleepers may exist, and waking them requires a
/// call into the kernel.
pub const CONDVAR_HAS_NO_WAITERS: condvar = condvar(0x00000000);

/// Identifies the device that holds a file system. Paired with an [`inode`], it
/// names a file uniquely on the local machine.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct device(pub u64);

/// Position of an entry within a directory listing.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct dircookie(pub u64);

/// Stable position that always refers to the first entry of a
/// directory.
pub const DIRCOOKIE_START: dircookie = dircookie(0x0000000000000000);

/// Error code reported by a system call.
///
/// Some of these codes are never produced by the system calls in this file.
/// They exist for use by userspace code, or to keep the list in line with
/// POSIX.
#[repr(u16)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum errno {
    /// The operation finished without error.
    SUCCESS = 0,
    /// The argument list is too long.
    TOOBIG = 1,
    /// Access was denied.
    ACCES = 2,
    /// The address is already taken.
    ADDRINUSE = 3,
    /// The requested address cannot be assigned.
    ADDRNOTAVAIL = 4,
    /// This address family is unsupported.
    AFNOSUPPORT = 5,
    /// The resource is temporarily unavailable, or the operation would
    /// block.
    AGAIN = 6,
    /// A connection attempt is already underway.
    ALREADY = 7,
    /// The file descriptor is invalid.
    BADF = 8,
    /// The message is malformed.
    BADMSG = 9,
    /// The device or resource is in use.
    BUSY = 10,
    /// The operation was cancelled.
    CANCELED = 11,
    /// There is no child process.
    CHILD = 12,
    /// The connection was aborted.
    CONNABORTED = 13,
    /// The connection was refused.
    CONNREFUSED = 14,
    /// The connection was reset by the peer.
    CONNRESET = 15,
    /// Proceeding would cause a resource deadlock.
    DEADLK = 16,
    /// A destination address is needed.
    DESTADDRREQ = 17,
    /// A mathematical argument lies outside the function's domain.
    DOM = 18,
    /// Reserved; not used.
    DQUOT = 19,
    /// The file is already present.
    EXIST = 20,
    /// An address is invalid.
    FAULT = 21,
    /// The file is too big.
    FBIG = 22,
    /// The host cannot be reached.
    HOSTUNREACH = 23,
    /// The identifier has been removed.
    IDRM = 24,
    /// A byte sequence is invalid.
    ILSEQ = 25,
    /// The operation is still underway.
    INPROGRESS = 26,
    /// The call was interrupted.
    INTR = 27,
    /// An argument is invalid.
    INVAL = 28,
    /// An input/output error happened.
    IO = 29,
    /// The socket is already connected.
    ISCONN = 30,
    /// The path refers to a directory.
    ISDIR = 31,
    /// Symbolic links are nested too deeply.
    LOOP = 32,
    /// The file descriptor number would be too large.
    MFILE = 33,
    /// There are too many hard links.
    MLINK = 34,
    /// The message is too long.
    MSGSIZE = 35,
    /// Reserved; not used.
    MULTIHOP = 36,
    /// The file name is too long.
    NAMETOOLONG = 37,
    /// The network is down.
    NETDOWN = 38,
    /// The network dropped the connection.
    NETRESET = 39,
    /// The network cannot be reached.
    NETUNREACH = 40,
    /// The system has too many open files.
    NFILE = 41,
    /// No buffer space is left.
    NOBUFS = 42,
    /// The device does not exist.
    NODEV = 43,
    /// The file or directory does not exist.
    NOENT = 44,
    /// The executable has an invalid format.
    NOEXEC = 45,
    /// No locks are left.
    NOLCK = 46,
    /// Reserved; not used.
    NOLINK = 47,
    /// Memory is exhausted.
    NOMEM = 48,
    /// No message of the requested type is present.
    NOMSG = 49,
    /// The protocol option is unavailable.
    NOPROTOOPT = 50,
    /// The device has run out of space.
    NOSPC = 51,
    /// The function is not implemented.
    NOSYS = 52,
    /// The socket has no connection.
    NOTCONN = 53,
    /// The path is neither a directory nor a symbolic link to one.
    NOTDIR = 54,
    /// The directory still has entries.
    NOTEMPTY = 55,
    /// The state cannot be recovered.
    NOTRECOVERABLE = 56,
    /// The file descriptor does not refer to a socket.
    NOTSOCK = 57,
    /// The operation is unsupported, either in general or on this socket.
    NOTSUP = 58,
    /// The I/O control operation does not apply to this object.
    NOTTY = 59,
    /// The device or address does not exist.
    NXIO = 60,
    /// The value does not fit in its data type.
    OVERFLOW = 61,
    /// The previous owner has died.
    OWNERDEAD = 62,
    /// The caller is not allowed to perform the operation.
    PERM = 63,
    /// The pipe is broken.
    PIPE = 64,
    /// The protocol was violated.
    PROTO = 65,
    /// The protocol is unsupported.
    PROTONOSUPPORT = 66,
    /// The protocol has the wrong type for the socket.
    PROTOTYPE = 67,
    /// The result is too large.
    RANGE = 68,
    /// The file system can only be read.
    ROFS = 69,
    /// Seeking is not possible on this object.
    SPIPE = 70,
    /// The process does not exist.
    SRCH = 71,
    /// Reserved; not used.
    STALE = 72,
    /// The connection attempt ran out of time.
    TIMEDOUT = 73,
    /// The text file is in use.
    TXTBSY = 74,
    /// The link would cross devices.
    XDEV = 75,
    /// Extension: the file descriptor lacks the rights needed for the
    /// operation.
    NOTCAPABLE = 76,
}

bitflags! {
    /// Status of a file descriptor watched through [`eventtype::FD_READ`] or
    /// [`eventtype::FD_WRITE`].
    #[repr(C)]
    pub struct eventrwflags: u16 {
        /// The peer of the socket has disconnected or closed its end.
        const HANGUP = 0x0001;
    }
}

/// Kind of event a subscription waits for, or that has occurred.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum eventtype {
    /// The time given in [`subscription_clock::timeout`] has been reached on
    /// clock [`subscription_clock::clock_id`].
    CLOCK = 1,
    /// [`subscription_condvar::condvar`] was signalled, and the lock
    /// [`subscription_condvar::lock`] is now held for writing.
    CONDVAR = 2,
    /// [`subscription_fd_readwrite::fd`] has data ready to be read. Regular
    /// files always report this event.
    FD_READ = 3,
    /// [`subscription_fd_readwrite::fd`] has room for data to be written.
    /// Regular files always report this event.
    FD_WRITE = 4,
    /// A read lock on [`subscription_lock::lock`] is now held.
    LOCK_RDLOCK = 5,
    /// A write lock on [`subscription_lock::lock`] is now held.
    LOCK_WRLOCK = 6,
    /// The process referred to by [`subscription_proc_terminate::fd`] has
    /// ended.
    PROC_TERMINATE = 7,
}

/// Status value that a process reports when it exits.
pub type exitcode = u32;

/// Number identifying an open file descriptor.
///
/// No descriptor numbers have a predefined meaning here, unlike the standard
/// input, output and error streams of POSIX. The system is also free to hand
/// out new numbers in any order; they need not be ascending.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct fd(pub u32);

/// Value that [`proc_fork`] returns in the new child process.
pub const PROCESS_CHILD: fd = fd(0xffffffff);

/// Value to pass to [`mem_map`] when it should map anonymous memory.
pub const MAP_ANON_FD: fd = fd(0xffffffff);

bitflags! {
    /// Flags stored with a file descriptor.
    #[repr(C)]
    pub struct fdflags: u16 {
        /// Every write goes to the current end of the file.
        const APPEND = 0x0001;

        /// Writes complete with synchronized I/O data integrity: the contents
        /// of the file are synchronized, but not necessarily its metadata.
        const DSYNC = 0x0002;

        /// Operations do not block.
        const NONBLOCK = 0x0004;

        /// Reads are performed as synchronized I/O operations.
        const RSYNC = 0x0008;

        /// Writes complete with synchronized I/O file integrity: besides the
        /// contents of the file, its metadata may be synchronized too.
        const SYNC = 0x0010;
    }
}

bitflags! {
    /// Selects which attributes of a file descriptor are to be changed.
    #[repr(C)]
    pub struct fdsflags: u16 {
        /// Replace the flags of the descriptor with [`fdstat::fs_flags`].
        const FLAGS = 0x0001;

        /// Limit the rights of the descriptor: [`fdstat::fs_rights_base`] gives
        /// the new base rights, and [`fdstat::fs_rights_inheriting`] gives the
        /// new inheriting rights.
        const RIGHTS = 0x0002;
    }
}

/// Signed offset relative to some position in a file.
pub type filedelta = i64;

/// Size of a file, or length of a range within a file; never negative.
pub type filesize = u64;

bitflags! {
    /// Selects which attributes of a file are to be changed.
    #[repr(C)]
    pub struct fsflags: u16 {
        /// Set the last access time to [`filestat::st_atim`].
        const ATIM = 0x0001;

        /// Set the last access time to the current reading of
        /// [`clockid::REALTIME`].
        const ATIM_NOW = 0x0002;

        /// Set the last modification time to [`filestat::st_mtim`].
        const MTIM = 0x0004;

        /// Set the last modification time to the current reading of
        /// [`clockid::REALTIME`].
        const MTIM_NOW = 0x0008;

        /// Shrink or grow the file to the length in [`filestat::st_size`].
        const SIZE = 0x0010;
    }
}

/// Kind of object that a file descriptor or a file refers to.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum filetype {
    /// The kind is not known, or it is none of the kinds listed here.
    UNKNOWN = 0,
    /// A block device node.
    BLOCK_DEVICE = 16,
    /// A character device node.
    CHARACTER_DEVICE = 17,
    /// A directory.
    DIRECTORY = 32,
    /// A process handle (only for file descriptors).
    PROCESS = 80,
    /// A regular file.
    REGULAR_FILE = 96,
    /// A shared memory object (only for file descriptors).
    SHARED_MEMORY = 112,
    /// A datagram socket.
    SOCKET_DGRAM = 128,
    /// A byte-stream socket.
    SOCKET_STREAM = 130,
    /// A symbolic link (only for files).
    SYMBOLIC_LINK = 144,
}

/// Number identifying a file within its file system.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct inode(pub u64);

/// How many hard links point to an inode.
pub type linkcount = u32;

/// Readers-writer lock that lives in userspace memory, in the spirit of Linux
/// futexes and FreeBSD umtx. Read locks may be taken recursively.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct lock(pub u32);

/// Initial state: nobody holds the lock.
pub const LOCK_UNLOCKED: lock = lock(0x00000000);

/// Bit that is set while the lock is held for writing. The low 30
/// bits then contain the thread ID of the writer; otherwise they
/// count the read locks held.
pub const LOCK_WRLOCKED: lock = lock(0x40000000);

/// Bit that is set while the lock is held, for reading or for
/// writing, and at least one thread is blocked waiting for it. The
/// final holder has to release the lock through the kernel.
///
/// When this bit is set on a read-locked lock, some thread is waiting
/// to take it for writing. Other threads should then refrain from
/// taking new read locks unless blocking would deadlock them.
/// Blocking is the better choice, since it keeps writers from
/// starving.
pub const LOCK_KERNEL_MANAGED: lock = lock(0x80000000);

/// Invalid lock state: a lock in its initial unlocked state can never
/// be managed by the kernel at the same time.
pub const LOCK_BOGUS: lock = lock(0x80000000);

bitflags! {
    /// Controls how a path is resolved.
    #[repr(C)]
    pub struct lookupflags: u32 {
        /// Follow symbolic links: as long as resolution ends up at one, the
        /// link is replaced by its target and resolution continues.
        const SYMLINK_FOLLOW = 0x00000001;
    }
}

bitflags! {
    /// Flags for memory mappings.
    #[repr(C)]
    pub struct mflags: u8 {
        /// Map anonymous memory rather than the contents of a file. This
        /// requires [`MAP_ANON_FD`] as the file descriptor and an offset of
        /// zero.
        const ANON = 0x01;

        /// Place the mapping exactly at the given base address.
        const FIXED = 0x02;

        /// Modifications stay private to this mapping.
        const PRIVATE = 0x04;

        /// Modifications are shared with other mappings of the same object.
        const SHARED = 0x08;
    }
}

/// Tells whether an object resides in process-private or in shared memory.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum scope {
    /// The object resides in memory private to the process.
    PRIVATE = 4,
    /// The object resides in memory that may be shared between processes.
    SHARED = 8,
}

bitflags! {
    /// Protection settings for memory pages.
    ///
    /// Writable and executable are mutually exclusive (`W^X`): a page can never
    /// be mapped with both at once.
    #[repr(C)]
    pub struct mprot: u8 {
        /// The page may be executed.
        const EXEC = 0x01;

        /// The page may be written to.
        const WRITE = 0x02;

        /// The page may be read from.
        const READ = 0x04;
    }
}

bitflags! {
    /// How mapped memory is synchronized with the underlying storage.
    #[repr(C)]
    pub struct msflags: u8 {
        /// Write back asynchronously.
        const ASYNC = 0x01;

        /// Discard cached copies of the data.
        const INVALIDATE = 0x02;

        /// Write back synchronously.
        const SYNC = 0x04;
    }
}

/// How many threads waiting on a condition variable are to be woken.
pub type nthreads = u32;

bitflags! {
    /// Flags accepted by [`file_open`].
    #[repr(C)]
    pub struct oflags: u16 {
        /// Create the file when it is missing.
        const CREAT = 0x0001;

        /// Fail unless the path refers to a directory.
        const DIRECTORY = 0x0002;

        /// Fail when the file is already present.
        const EXCL = 0x0004;

        /// Cut the file down to zero length.
        const TRUNC = 0x0008;
    }
}

bitflags! {
    /// Rights attached to a file descriptor, controlling which operations it may
    /// be used for.
    #[repr(C)]
    pub struct rights: u64 {
        /// Permits calling [`fd_datasync`].
        ///
        /// Together with [`rights::FILE_OPEN`], also permits [`file_open`] with
        /// [`fdflags::DSYNC`].
        const FD_DATASYNC = 0x0000000000000001;

        /// Permits calling [`fd_read`] and [`sock_recv`].
        ///
        /// Together with [`rights::MEM_MAP`], also permits [`mem_map`] with
        /// protection [`mprot::READ`].
        ///
        /// Together with [`rights::FD_SEEK`], also permits [`fd_pread`].
        const FD_READ = 0x0000000000000002;

        /// Permits calling [`fd_seek`]. Implies [`rights::FD_TELL`].
        const FD_SEEK = 0x0000000000000004;

        /// Permits calling [`fd_stat_put`] with [`fdsflags::FLAGS`].
        const FD_STAT_PUT_FLAGS = 0x0000000000000008;

        /// Permits calling [`fd_sync`].
        ///
        /// Together with [`rights::FILE_OPEN`], also permits [`file_open`] with
        /// [`fdflags::DSYNC`] as well as [`fdflags::RSYNC`].
        const FD_SYNC = 0x0000000000000010;

        /// Permits calling [`fd_seek`] only in ways that leave the file offset
        /// unchanged, namely [`whence::CUR`] with an offset of 0.
        const FD_TELL = 0x0000000000000020;

        /// Permits calling [`fd_write`] and [`sock_send`].
        ///
        /// Together with [`rights::MEM_MAP`], also permits [`mem_map`] with
        /// protection [`mprot::WRITE`].
        ///
        /// Together with [`rights::FD_SEEK`], also permits [`fd_pwrite`].
        const FD_WRITE = 0x0000000000000040;

        /// Permits calling [`file_advise`].
        const FILE_ADVISE = 0x0000000000000080;

        /// Permits calling [`file_allocate`].
        const FILE_ALLOCATE = 0x0000000000000100;

        /// Permits calling [`file_create`] with [`filetype::DIRECTORY`].
        const FILE_CREATE_DIRECTORY = 0x0000000000000200;

        /// Together with [`rights::FILE_OPEN`], permits [`file_open`] with
        /// [`oflags::CREAT`].
        const FILE_CREATE_FILE = 0x0000000000000400;

        /// Permits calling [`file_link`] with this descriptor as the directory
        /// of the source path.
        const FILE_LINK_SOURCE = 0x0000000000001000;

        /// Permits calling [`file_link`] with this descriptor as the directory
        /// of the target path.
        const FILE_LINK_TARGET = 0x0000000000002000;

        /// Permits calling [`file_open`].
        const FILE_OPEN = 0x0000000000004000;

        /// Permits calling [`file_readdir`].
        const FILE_READDIR = 0x0000000000008000;

        /// Permits calling [`file_readlink`].
        const FILE_READLINK = 0x0000000000010000;

        /// Permits calling [`file_rename`] with this descriptor as the
        /// directory of the source path.
        const FILE_RENAME_SOURCE = 0x0000000000020000;

        /// Permits calling [`file_rename`] with this descriptor as the
        /// directory of the target path.
        const FILE_RENAME_TARGET = 0x0000000000040000;

        /// Permits calling [`file_stat_fget`].
        const FILE_STAT_FGET = 0x0000000000080000;

        /// Permits calling [`file_stat_fput`] with [`fsflags::SIZE`].
        ///
        /// Together with [`rights::FILE_OPEN`], also permits [`file_open`] with
        /// [`oflags::TRUNC`].
        const FILE_STAT_FPUT_SIZE = 0x0000000000100000;

        /// Permits calling [`file_stat_fput`] with any of [`fsflags::ATIM`],
        /// [`fsflags::MTIM`], [`fsflags::ATIM_NOW`] or [`fsflags::MTIM_NOW`].
        const FILE_STAT_FPUT_TIMES = 0x0000000000200000;

        /// Permits calling [`file_stat_get`].
        const FILE_STAT_GET = 0x0000000000400000;

        /// Permits calling [`file_stat_put`] with any of [`fsflags::ATIM`],
        /// [`fsflags::MTIM`], [`fsflags::ATIM_NOW`] or [`fsflags::MTIM_NOW`].
        const FILE_STAT_PUT_TIMES = 0x0000000000800000;

        /// Permits calling [`file_symlink`].
        const FILE_SYMLINK = 0x0000000001000000;

        /// Permits calling [`file_unlink`].
        const FILE_UNLINK = 0x0000000002000000;

        /// Permits calling [`mem_map`] with no protection bits, that is with
        /// [`mprot`] equal to 0.
        const MEM_MAP = 0x0000000004000000;

        /// Together with [`rights::MEM_MAP`], permits [`mem_map`] with
        /// [`mprot::EXEC`].
        const MEM_MAP_EXEC = 0x0000000008000000;

        /// Together with [`rights::FD_READ`], permits subscribing to
        /// [`eventtype::FD_READ`] through [`poll`].
        ///
        /// Together with [`rights::FD_WRITE`], permits subscribing to
        /// [`eventtype::FD_WRITE`] through [`poll`].
        const POLL_FD_READWRITE = 0x0000000010000000;

        /// Permits subscribing to [`eventtype::PROC_TERMINATE`] through [`poll`].
        const POLL_PROC_TERMINATE = 0x0000000040000000;

        /// Permits calling [`proc_exec`].
        const PROC_EXEC = 0x0000000100000000;

        /// Permits calling [`sock_shutdown`].
        const SOCK_SHUTDOWN = 0x0000008000000000;
    }
}

bitflags! {
    /// Selects which directions of a socket are shut down.
    #[repr(C)]
    pub struct sdflags: u8 {
        /// Stop any further receiving.
        const RD = 0x01;

        /// Stop any further sending.
        const WR = 0x02;
    }
}

bitflags! {
    /// Flags for [`sock_send`]. No flags exist yet, so the value has to be zero.
    #[repr(C)]
    pub struct siflags: u16 {
        const DEFAULT = 0;
    }
}

/// Signal numbers.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum signal {
    /// The process asked to be aborted.
    ///
    /// Default action: the process is terminated.
    ABRT = 1,
    /// A timer alarm went off.
    ///
    /// Default action: the process is terminated.
    ALRM = 2,
    /// A part of a memory object that is not defined was accessed.
    ///
    /// Default action: the process is terminated.
    BUS = 3,
    /// A child process changed state: it exited, stopped or resumed.
    ///
    /// Default action: none, the signal is ignored.
    CHLD = 4,
    /// Request to resume a stopped process.
    ///
    /// Default action: execution resumes if it was stopped.
    CONT = 5,
    /// An arithmetic operation failed, for example a division by zero.
    ///
    /// Default action: the process is terminated.
    FPE = 6,
    /// The connection or terminal hung up.
    ///
    /// Default action: the process is terminated.
    HUP = 7,
    /// An invalid instruction was executed.
    ///
    /// Default action: the process is terminated.
    ILL = 8,
    /// Interrupt request, typically coming from the terminal.
    ///
    /// Default action: the process is terminated.
    INT = 9,
    /// Forced termination request.
    ///
    /// Default action: the process is terminated.
    KILL = 10,
    /// An attempt was made to write to a pipe that has no reader left.
    ///
    /// Default action: none, the signal is ignored.
    PIPE = 11,
    /// Quit request coming from the terminal.
    ///
    /// Default action: the process is terminated.
    QUIT = 12,
    /// An invalid memory address was accessed.
    ///
    /// Default action: the process is terminated.
    SEGV = 13,
    /// Request to suspend execution.
    ///
    /// Default action: execution is suspended.
    STOP = 14,
    /// An invalid system call was made.
    ///
    /// Default action: the process is terminated.
    SYS = 15,
    /// Request to terminate.
    ///
    /// Default action: the process is terminated.
    TERM = 16,
    /// A trace or breakpoint trap occurred.
    ///
    /// Default action: the process is terminated.
    TRAP = 17,
    /// Suspend request coming from the terminal.
    ///
    /// Default action: execution is suspended.
    TSTP = 18,
    /// A background process tried to read from the terminal.
    ///
    /// Default action: execution is suspended.
    TTIN = 19,
    /// A background process tried to write to the terminal.
    ///
    /// Default action: execution is suspended.
    TTOU = 20,
    /// Urgent (out-of-band) data has arrived on a socket.
    ///
    /// Default action: none, the signal is ignored.
    URG = 21,
    /// First signal reserved for use by applications.
    ///
    /// Default action: the process is terminated.
    USR1 = 22,
    /// Second signal reserved for use by applications.
    ///
    /// Default action: the process is terminated.
    USR2 = 23,
    /// The virtual timer ran out.
    ///
    /// Default action: the process is terminated.
    VTALRM = 24,
    /// The CPU time limit was exceeded.
    ///
    /// Default action: the process is terminated.
    XCPU = 25,
    /// The file size limit was exceeded.
    ///
    /// Default action: the process is terminated.
    XFSZ = 26,
}

bitflags! {
    /// Controls how the value in [`subscription_clock::timeout`] is interpreted.
    #[repr(C)]
    pub struct subclockflags: u16 {
        /// When set, [`subscription_clock::timeout`] is an absolute point in
        /// time on clock [`subscription_clock::clock_id`].
        ///
        /// When clear, [`subscription_clock::timeout`] is a duration measured
        /// from the current reading of clock [`subscription_clock::clock_id`].
        const ABSTIME = 0x0001;
    }
}

bitflags! {
    /// Flags that affect how a file descriptor is polled for reading or writing.
    #[repr(C)]
    pub struct subrwflags: u16 {
        /// Kept only for compatibility: callers have to set it, and
        /// implementations disregard it.
        const POLL = 0x0001;
    }
}

bitflags! {
    /// Flags passed to [`sock_recv`].
    #[repr(C)]
    pub struct riflags: u16 {
        /// Return a message but leave it in the receive queue of the socket.
        const PEEK = 0x0004;

        /// For byte-stream sockets, wait until the requested amount of data
        /// is available in full.
        const WAITALL = 0x0010;
    }
}

bitflags! {
    /// Flags reported by [`sock_recv`].
    #[repr(C)]
    pub struct roflags: u16 {
        /// Set by [`sock_recv`] when not every received file descriptor fit, so
        /// the list was cut short.
        const FDS_TRUNCATED = 0x0001;

        /// Set by [`sock_recv`] when the message data did not fit and was cut
        /// short.
        const DATA_TRUNCATED = 0x0008;
    }
}

/// Identifier of a thread, unique on the local system for as long as the
/// thread exists.
///
/// A thread needs to know its own identifier, because taking a lock for
/// writing stores that identifier in the lock. Using these identifiers for
/// anything else is discouraged.
///
/// Since the identifier ends up in a [`lock`] whenever [`LOCK_WRLOCKED`] is set,
/// its two most significant bits are always zero.
#[repr(C)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
pub struct tid(pub u32);

/// A time value expressed in nanoseconds.
pub type timestamp = u64;

bitflags! {
    /// Chooses between unlinking a file and removing a directory.
    #[repr(C)]
    pub struct ulflags: u8 {
        /// When set, remove a directory; when clear, unlink a file that is
        /// not a directory.
        const REMOVEDIR = 0x01;
    }
}

/// Opaque value chosen by the caller, stored with an object and handed back
/// unchanged when the object is retrieved from the kernel.
pub type userdata = u64;

/// Reference point from which a new file offset is computed.
#[repr(u8)]
#[derive(Copy, Clone, Eq, PartialEq, Hash, Debug)]
#[non_exhaustive]
pub enum whence {
    /// Count the offset from the current position.
    CUR = 1,
    /// Count the offset from the end of the file.
    END = 2,
    /// Count the offset from the beginning of the file.
    SET = 3,
}

/// Entry point of a thread started in addition to the initial one.
///
/// # Parameters
///
/// - `tid`: ID of the thread that is running this function.
/// - `aux`: The value that was supplied through
///   [`threadattr::argument`].
pub type threadentry = unsafe extern "C" fn(tid: tid, aux: *mut ());

/// Process entry point (`_start`).
///
/// # Parameters
///
/// - `auxv`: Pointer to the auxiliary vector; see [`auxv`].
pub type processentry = unsafe extern "C" fn(auxv: *const auxv);

/// One entry of the auxiliary vector.
///
/// The auxiliary vector is a sequence of key-value records handed to a
/// process when it starts. Unlike a fixed structure, it can grow: new
/// record kinds may be introduced later. Its final entry always has the
/// type [`auxtype::NULL`].
///
/// The concept originates in the x86-64 ABI; this environment uses it on
/// every architecture.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct auxv {
    /// Kind of this auxiliary vector entry.
    pub a_type: auxtype,
    /// The data that goes with [`auxv::a_type`]: read the arm that it selects.
    pub union: auxv_union,
}

/// The arms of a variant: which one holds data depends on the tag.
#[repr(C)]
#[derive(Copy, Clone)]
pub union auxv_union {
    /// Integer payload.
    ///
    /// Used when [`auxv::a_type`] is [`auxtype::ARGDATALEN`], [`auxtype::CANARYLEN`], [`auxtype::NCPUS`], [`auxtype::PAGESZ`], [`auxtype::PHNUM`] or [`auxtype::TID`].
    pub a_val: usize,
    /// Pointer payload.
    ///
    /// Used when [`auxv::a_type`] is [`auxtype::ARGDATA`], [`auxtype::BASE`], [`auxtype::CANARY`], [`auxtype::PHDR`], [`auxtype::PID`] or [`auxtype::SYSINFO_EHDR`].
    pub a_ptr: *mut (),
}

/// Memory region used as a source by gather writes.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct ciovec {
    /// Start and size of the data to write.
    pub buf: (*const (), usize),
}

/// One directory entry.
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct dirent {
    /// Offset within this directory of the entry that follows.
    pub d_next: dircookie,
    /// Serial number of the file this entry refers to.
    pub d_ino: inode,
    /// Length of the entry's name.
    pub d_namlen: u32,
    /// Type of the file this entry refers to.
    pub d_type: filetype,
}

/// Describes an event that has taken place.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct event {
    /// The value the caller attached via [`subscription::userdata`].
    pub userdata: userdata,
    /// Non-zero when processing the subscription failed; it then
    /// holds the error.
    pub error: errno,
    /// What kind of event this is.
    pub r#type: eventtype,
    /// The data that goes with [`event::type`](crate::event#structfield.type): read the arm that it selects.
    pub union: event_union,
}

/// The arms of a variant: which one holds data depends on the tag.
#[repr(C)]
#[derive(Copy, Clone)]
pub union event_union {
    /// Used when [`event::type`](crate::event#structfield.type) is [`eventtype::FD_READ`] or [`eventtype::FD_WRITE`].
    pub fd_readwrite: event_fd_readwrite,
    /// Used when [`event::type`](crate::event#structfield.type) is [`eventtype::PROC_TERMINATE`].
    pub proc_terminate: event_proc_terminate,
}

/// An arm of [`event_union`]. Used when [`event::type`](crate::event#structfield.type) is [`eventtype::FD_READ`] or [`eventtype::FD_WRITE`].
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct event_fd_readwrite {
    /// Number of bytes that can be read or
    /// written.
    pub nbytes: filesize,
    /// No longer used.
    pub unused: [u8; 4],
    /// State of the file descriptor.
    pub flags: eventrwflags,
}

/// An arm of [`event_union`]. Used when [`event::type`](crate::event#structfield.type) is [`eventtype::PROC_TERMINATE`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct event_proc_terminate {
    /// No longer used.
    pub unused: [u8; 4],
    /// Zero when the process exited on its
    /// own. Otherwise, the signal that made
    /// it terminate.
    pub signal: signal,
    /// Exit code of the process, meaningful
    /// only when it exited.
    pub exitcode: exitcode,
}

/// Attributes of a file descriptor.
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct fdstat {
    /// Type of the file.
    pub fs_filetype: filetype,
    /// Flags of the file descriptor.
    pub fs_flags: fdflags,
    /// Padding that C places implicitly: spelled out so that the layout is the spec's
    /// also where 64-bit integers are only 4-aligned (i686). Set it to zero.
    pub _pad0: [u8; 4],
    /// Rights that this file descriptor carries.
    pub fs_rights_base: rights,
    /// Upper bound on the rights that may be granted to new file
    /// descriptors derived from this one, for example via
    /// [`file_open`].
    pub fs_rights_inheriting: rights,
}

/// Attributes of a file.
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct filestat {
    /// ID of the device that holds the file.
    pub st_dev: device,
    /// Serial number of the file.
    pub st_ino: inode,
    /// Type of the file.
    pub st_filetype: filetype,
    /// How many hard links point to the file.
    pub st_nlink: linkcount,
    /// Size in bytes for regular files. For symbolic links, the byte
    /// length of the target path stored in the link.
    pub st_size: filesize,
    /// Time of the most recent data access.
    pub st_atim: timestamp,
    /// Time of the most recent data modification.
    pub st_mtim: timestamp,
    /// Time of the most recent change to the file's status.
    pub st_ctim: timestamp,
}

/// Memory region used as a destination by scatter reads.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct iovec {
    /// Start and size of the buffer to fill.
    pub buf: (*mut (), usize),
}

/// Properties controlling path resolution.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct lookup {
    /// Directory from which path resolution begins.
    pub fd: fd,
    /// Flags that control how the path is resolved.
    pub flags: lookupflags,
}

/// Input arguments of [`sock_recv`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct recv_in {
    /// Scatter/gather vectors that receive the message data.
    pub ri_data: (*const iovec, usize),
    /// Buffer that receives the numbers of file descriptors passed
    /// along with the message.
    pub ri_fds: (*mut fd, usize),
    /// Flags for the message.
    pub ri_flags: riflags,
}

/// Input arguments of [`sock_send`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct send_in {
    /// Scatter/gather vectors holding the message data to send.
    pub si_data: (*const ciovec, usize),
    /// File descriptors to be attached to the message.
    pub si_fds: (*const fd, usize),
    /// Flags for the message.
    pub si_flags: siflags,
}

/// Output of [`sock_send`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct send_out {
    /// How many bytes were sent.
    pub so_datalen: usize,
}

/// Output of [`sock_recv`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct recv_out {
    /// How many bytes were written into [`recv_in::ri_data`].
    pub ro_datalen: usize,
    /// How many file descriptors were written into [`recv_in::ri_fds`].
    pub ro_fdslen: usize,
    /// Reserved; older implementations made use of these bytes.
    pub ro_unused: [u8; 40],
    /// Flags for the message.
    pub ro_flags: roflags,
}

/// A request to be notified of an event.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct subscription {
    /// Caller-chosen value that the kernel keeps with the
    /// subscription and hands back in [`event::userdata`].
    pub userdata: userdata,
    /// Left over from older implementations; ignored.
    pub unused: u16,
    /// Kind of event to subscribe to.
    ///
    /// At present, a subscription of type [`eventtype::CONDVAR`],
    /// [`eventtype::LOCK_RDLOCK`] or [`eventtype::LOCK_WRLOCK`] has to come
    /// first, and at most one further subscription may follow it,
    /// which must be of type [`eventtype::CLOCK`].
    pub r#type: eventtype,
    /// The data that goes with [`subscription::type`](crate::subscription#structfield.type): read the arm that it selects.
    pub union: subscription_union,
}

/// The arms of a variant: which one holds data depends on the tag.
#[repr(C)]
#[derive(Copy, Clone)]
pub union subscription_union {
    /// Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::CLOCK`].
    pub clock: subscription_clock,
    /// Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::CONDVAR`].
    pub condvar: subscription_condvar,
    /// Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::FD_READ`] or [`eventtype::FD_WRITE`].
    pub fd_readwrite: subscription_fd_readwrite,
    /// Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::LOCK_RDLOCK`] or [`eventtype::LOCK_WRLOCK`].
    pub lock: subscription_lock,
    /// Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::PROC_TERMINATE`].
    pub proc_terminate: subscription_proc_terminate,
}

/// An arm of [`subscription_union`]. Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::CLOCK`].
#[repr(C, align(8))]
#[derive(Copy, Clone)]
pub struct subscription_clock {
    /// Unique identifier of the clock, chosen
    /// by the user.
    pub identifier: userdata,
    /// Clock whose value the timestamp is
    /// compared with.
    pub clock_id: clockid,
    /// Padding that C places implicitly: spelled out so that the layout is the spec's
    /// also where 64-bit integers are only 4-aligned (i686). Set it to zero.
    pub _pad0: [u8; 4],
    /// Timestamp, either absolute or
    /// relative.
    pub timeout: timestamp,
    /// Extra time the kernel is allowed to
    /// wait so that it can merge this wakeup
    /// with other events.
    pub precision: timestamp,
    /// Flags telling whether the timeout is
    /// absolute or relative.
    pub flags: subclockflags,
}

/// An arm of [`subscription_union`]. Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::CONDVAR`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct subscription_condvar {
    /// Condition variable to wait on until
    /// woken.
    pub condvar: *mut condvar,
    /// Lock that is released for the duration
    /// of the wait.
    ///
    /// Once the condition variable fires, the
    /// lock is acquired again for writing.
    pub lock: *mut lock,
    /// Tells whether the condition variable
    /// lives in private or shared memory.
    pub condvar_scope: scope,
    /// Tells whether the lock lives in
    /// private or shared memory.
    pub lock_scope: scope,
}

/// An arm of [`subscription_union`]. Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::FD_READ`] or [`eventtype::FD_WRITE`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct subscription_fd_readwrite {
    /// File descriptor to wait on until it is
    /// ready for reading or writing.
    pub fd: fd,
    /// Conditions under which the event
    /// fires.
    pub flags: subrwflags,
}

/// An arm of [`subscription_union`]. Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::LOCK_RDLOCK`] or [`eventtype::LOCK_WRLOCK`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct subscription_lock {
    /// Lock to acquire, either for reading or
    /// for writing.
    pub lock: *mut lock,
    /// Tells whether the lock lives in
    /// private or shared memory.
    pub lock_scope: scope,
}

/// An arm of [`subscription_union`]. Used when [`subscription::type`](crate::subscription#structfield.type) is [`eventtype::PROC_TERMINATE`].
#[repr(C)]
#[derive(Copy, Clone)]
pub struct subscription_proc_terminate {
    /// Process descriptor to wait on until
    /// the process terminates.
    pub fd: fd,
}

/// Thread Control Block (TCB).
///
/// When a thread starts running, either at program startup or after
/// creation through [`thread_create`], the CPU registers that control
/// Thread-Local Storage (TLS) are already set up. They point at a region
/// that holds nothing but the TCB.
///
/// A thread that needs room for its own thread-specific variables may
/// allocate a bigger region and point the CPU registers at it instead,
/// provided it copies the TCB into the new TLS region.
///
/// The TCB exists so that light-weight emulators have a place to keep
/// per-thread data. An emulator could, for instance, save the CPU
/// registers there before emulation starts, so that the host system's TLS
/// can be restored later on.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct tcb {
    /// Pointer the system may set to anything. The application must
    /// not attach any meaning to its value.
    pub parent: *mut (),
}

/// Attributes used when creating a thread.
#[repr(C)]
#[derive(Copy, Clone)]
pub struct threadattr {
    /// Program counter value the thread starts at.
    pub entry_point: threadentry,
    /// Memory region to be used as the thread's stack.
    pub stack: (*mut (), usize),
    /// Value handed to the entry point function as its argument.
    pub argument: *mut (),
}

#[allow(improper_ctypes)]
extern "C" {
    fn cloudabi_sys_clock_res_get(clock_id: clockid, resolution: *mut timestamp) -> errno;

    fn cloudabi_sys_clock_time_get(
        clock_id: clockid,
        precision: timestamp,
        time: *mut timestamp,
    ) -> errno;

    fn cloudabi_sys_condvar_signal(
        condvar: *mut condvar,
        scope: scope,
        nwaiters: nthreads,
    ) -> errno;

    fn cloudabi_sys_fd_close(fd: fd) -> errno;

    fn cloudabi_sys_fd_create1(r#type: filetype, fd: *mut fd) -> errno;

    fn cloudabi_sys_fd_create2(r#type: filetype, fd1: *mut fd, fd2: *mut fd) -> errno;

    fn cloudabi_sys_fd_datasync(fd: fd) -> errno;

    fn cloudabi_sys_fd_dup(from: fd, fd: *mut fd) -> errno;

    fn cloudabi_sys_fd_pread(
        fd: fd,
        iovs: *const iovec,
        iovs_len: usize,
        offset: filesize,
        nread: *mut usize,
    ) -> errno;

    fn cloudabi_sys_fd_pwrite(
        fd: fd,
        iovs: *const ciovec,
        iovs_len: usize,
        offset: filesize,
        nwritten: *mut usize,
    ) -> errno;

    fn cloudabi_sys_fd_read(
        fd: fd,
        iovs: *const iovec,
        iovs_len: usize,
        nread: *mut usize,
    ) -> errno;

    fn cloudabi_sys_fd_replace(from: fd, to: fd) -> errno;

    fn cloudabi_sys_fd_seek(
        fd: fd,
        offset: filedelta,
        whence: whence,
        newoffset: *mut filesize,
    ) -> errno;

    fn cloudabi_sys_fd_stat_get(fd: fd, buf: *mut fdstat) -> errno;

    fn cloudabi_sys_fd_stat_put(fd: fd, buf: *const fdstat, flags: fdsflags) -> errno;

    fn cloudabi_sys_fd_sync(fd: fd) -> errno;

    fn cloudabi_sys_fd_write(
        fd: fd,
        iovs: *const ciovec,
        iovs_len: usize,
        nwritten: *mut usize,
    ) -> errno;

    fn cloudabi_sys_file_advise(fd: fd, offset: filesize, len: filesize, advice: advice) -> errno;

    fn cloudabi_sys_file_allocate(fd: fd, offset: filesize, len: filesize) -> errno;

    fn cloudabi_sys_file_create(
        fd: fd,
        path: *const u8,
        path_len: usize,
        r#type: filetype,
    ) -> errno;

    fn cloudabi_sys_file_link(
        fd1: lookup,
        path1: *const u8,
        path1_len: usize,
        fd2: fd,
        path2: *const u8,
        path2_len: usize,
    ) -> errno;

    fn cloudabi_sys_file_open(
        dirfd: lookup,
        path: *const u8,
        path_len: usize,
        oflags: oflags,
        fds: *const fdstat,
        fd: *mut fd,
    ) -> errno;

    fn cloudabi_sys_file_readdir(
        fd: fd,
        buf: *mut (),
        buf_len: usize,
        cookie: dircookie,
        bufused: *mut usize,
    ) -> errno;

    fn cloudabi_sys_file_readlink(
        fd: fd,
        path: *const u8,
        path_len: usize,
        buf: *mut u8,
        buf_len: usize,
        bufused: *mut usize,
    ) -> errno;

    fn cloudabi_sys_file_rename(
        fd1: fd,
        path1: *const u8,
        path1_len: usize,
        fd2: fd,
        path2: *const u8,
        path2_len: usize,
    ) -> errno;

    fn cloudabi_sys_file_stat_fget(fd: fd, buf: *mut filestat) -> errno;

    fn cloudabi_sys_file_stat_fput(fd: fd, buf: *const filestat, flags: fsflags) -> errno;

    fn cloudabi_sys_file_stat_get(
        fd: lookup,
        path: *const u8,
        path_len: usize,
        buf: *mut filestat,
    ) -> errno;

    fn cloudabi_sys_file_stat_put(
        fd: lookup,
        path: *const u8,
        path_len: usize,
        buf: *const filestat,
        flags: fsflags,
    ) -> errno;

    fn cloudabi_sys_file_symlink(
        path1: *const u8,
        path1_len: usize,
        fd: fd,
        path2: *const u8,
        path2_len: usize,
    ) -> errno;

    fn cloudabi_sys_file_unlink(fd: fd, path: *const u8, path_len: usize, flags: ulflags) -> errno;

    fn cloudabi_sys_lock_unlock(lock: *mut lock, scope: scope) -> errno;

    fn cloudabi_sys_mem_advise(mapping: *mut (), mapping_len: usize, advice: advice) -> errno;

    fn cloudabi_sys_mem_map(
        addr: *mut (),
        len: usize,
        prot: mprot,
        flags: mflags,
        fd: fd,
        off: filesize,
        mem: *mut *mut (),
    ) -> errno;

    fn cloudabi_sys_mem_protect(mapping: *mut (), mapping_len: usize, prot: mprot) -> errno;

    fn cloudabi_sys_mem_sync(mapping: *mut (), mapping_len: usize, flags: msflags) -> errno;

    fn cloudabi_sys_mem_unmap(mapping: *mut (), mapping_len: usize) -> errno;

    fn cloudabi_sys_poll(
        r#in: *const subscription,
        out: *mut event,
        nsubscriptions: usize,
        nevents: *mut usize,
    ) -> errno;

    fn cloudabi_sys_proc_exec(
        fd: fd,
        data: *const (),
        data_len: usize,
        fds: *const fd,
        fds_len: usize,
    ) -> errno;

    fn cloudabi_sys_proc_exit(rval: exitcode) -> !;

    fn cloudabi_sys_proc_fork(fd: *mut fd, tid: *mut tid) -> errno;

    fn cloudabi_sys_proc_raise(sig: signal) -> errno;

    fn cloudabi_sys_random_get(buf: *mut (), buf_len: usize) -> errno;

    fn cloudabi_sys_sock_recv(sock: fd, r#in: *const recv_in, out: *mut recv_out) -> errno;

    fn cloudabi_sys_sock_send(sock: fd, r#in: *const send_in, out: *mut send_out) -> errno;

    fn cloudabi_sys_sock_shutdown(sock: fd, how: sdflags) -> errno;

    fn cloudabi_sys_thread_create(attr: *mut threadattr, tid: *mut tid) -> errno;

    fn cloudabi_sys_thread_exit(lock: *mut lock, scope: scope) -> !;

    fn cloudabi_sys_thread_yield() -> errno;
}

/// Returns the resolution of a clock.
///
/// # Parameters
///
/// - `clock_id_`: Clock whose resolution is requested.
///
/// # Outputs
///
/// - `resolution_`: Resolution of the clock.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn clock_res_get(clock_id_: clockid, resolution_: *mut timestamp) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_clock_res_get(clock_id_, resolution_) }
}

/// Returns the current time value of a clock.
///
/// # Parameters
///
/// - `clock_id_`: Clock whose time is requested.
/// - `precision_`: Maximum lag (exclusive) the returned value is allowed
///   to have relative to the real value.
///
/// # Outputs
///
/// - `time_`: Time value of the clock.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn clock_time_get(
    clock_id_: clockid,
    precision_: timestamp,
    time_: *mut timestamp,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_clock_time_get(clock_id_, precision_, time_) }
}

/// Wakes threads that wait on a userspace condition variable.
///
/// When a call wakes every waiting thread, the condition variable is set
/// to [`CONDVAR_HAS_NO_WAITERS`]. While it holds that value, there is no
/// need to make this system call.
///
/// # Parameters
///
/// - `condvar_`: Userspace condition variable on which threads are
///   waiting.
/// - `scope_`: Tells whether the condition variable lives in private
///   or shared memory.
/// - `nwaiters_`: How many threads to wake. If this is larger than the
///   number of waiters, every waiting thread is woken.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn condvar_signal(condvar_: *mut condvar, scope_: scope, nwaiters_: nthreads) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_condvar_signal(condvar_, scope_, nwaiters_) }
}

/// Releases a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor to close.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_close(fd_: fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_close(fd_) }
}

/// Allocates a new file descriptor of a given kind.
///
/// # Parameters
///
/// - `type_`:
///   Possible values:
///
///   - [`filetype::SHARED_MEMORY`]: Makes a shared memory object with no name.
///
/// # Outputs
///
/// - `fd_`: Newly created file descriptor.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_create1(type_: filetype, fd_: *mut fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_create1(type_, fd_) }
}

/// Allocates a connected pair of file descriptors.
///
/// # Parameters
///
/// - `type_`:
///   Possible values:
///
///   - [`filetype::SOCKET_DGRAM`]: Makes a pair of connected UNIX datagram
///     sockets.
///   - [`filetype::SOCKET_STREAM`]: Makes a pair of connected UNIX stream sockets.
///
/// # Outputs
///
/// - `fd1_`: First descriptor of the pair.
/// - `fd2_`: Second descriptor of the pair.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_create2(type_: filetype, fd1_: *mut fd, fd2_: *mut fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_create2(type_, fd1_, fd2_) }
}

/// Flushes a file's data to disk.
///
/// # Parameters
///
/// - `fd_`: Refers to the file whose contents get flushed to disk.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_datasync(fd_: fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_datasync(fd_) }
}

/// Creates a duplicate of a file descriptor.
///
/// # Parameters
///
/// - `from_`: File descriptor to duplicate.
///
/// # Outputs
///
/// - `fd_`: Newly created duplicate.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_dup(from_: fd, fd_: *mut fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_dup(from_, fd_) }
}

/// Reads from a file descriptor at a given offset, leaving the
/// descriptor's own offset unused and unchanged.
///
/// # Parameters
///
/// - `fd_`: File descriptor to read from.
/// - `iovs_`: Scatter/gather vectors that receive the data.
/// - `offset_`: Position in the file where the read begins.
///
/// # Outputs
///
/// - `nread_`: How many bytes were read.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_pread(fd_: fd, iovs_: &[iovec], offset_: filesize, nread_: *mut usize) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_pread(fd_, iovs_.as_ptr(), iovs_.len(), offset_, nread_) }
}

/// Writes to a file descriptor at a given offset, leaving the
/// descriptor's own offset unused and unchanged.
///
/// # Parameters
///
/// - `fd_`: File descriptor to write to.
/// - `iovs_`: Scatter/gather vectors holding the data to write.
/// - `offset_`: Position in the file where the write begins.
///
/// # Outputs
///
/// - `nwritten_`: How many bytes were written.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_pwrite(
    fd_: fd,
    iovs_: &[ciovec],
    offset_: filesize,
    nwritten_: *mut usize,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_pwrite(fd_, iovs_.as_ptr(), iovs_.len(), offset_, nwritten_) }
}

/// Reads data from a file descriptor at its current offset.
///
/// # Parameters
///
/// - `fd_`: File descriptor to read from.
/// - `iovs_`: Scatter/gather vectors that receive the data.
///
/// # Outputs
///
/// - `nread_`: How many bytes were read.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_read(fd_: fd, iovs_: &[iovec], nread_: *mut usize) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_read(fd_, iovs_.as_ptr(), iovs_.len(), nread_) }
}

/// Atomically overwrites one file descriptor with a copy of another.
///
/// Because this environment is designed around thread safety, it offers
/// no way to duplicate a file descriptor onto a chosen number, as dup2()
/// does. Such an operation would be racy: another thread could be handed
/// a file descriptor with that very number at the same moment.
///
/// This system call instead offers atomic replacement of file
/// descriptors, a capability that would otherwise be lost if dup2() were
/// dropped altogether.
///
/// # Parameters
///
/// - `from_`: File descriptor to copy.
/// - `to_`: File descriptor to overwrite.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_replace(from_: fd, to_: fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_replace(from_, to_) }
}

/// Changes the offset of a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor whose offset is changed.
/// - `offset_`: Number of bytes by which to move the offset.
/// - `whence_`: Reference position for the move.
///
/// # Outputs
///
/// - `newoffset_`: Resulting offset of the file descriptor, measured from
///   the start of the file.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_seek(
    fd_: fd,
    offset_: filedelta,
    whence_: whence,
    newoffset_: *mut filesize,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_seek(fd_, offset_, whence_, newoffset_) }
}

/// Retrieves the attributes of a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor whose attributes are retrieved.
/// - `buf_`: Buffer that receives the attributes of the file
///   descriptor.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_stat_get(fd_: fd, buf_: *mut fdstat) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_stat_get(fd_, buf_) }
}

/// Changes attributes of a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor whose attributes are changed.
/// - `buf_`: New values for the attributes that are changed.
/// - `flags_`: Bitmask selecting the attributes to change.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_stat_put(fd_: fd, buf_: *const fdstat, flags_: fdsflags) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_stat_put(fd_, buf_, flags_) }
}

/// Flushes a file's data and metadata to disk.
///
/// # Parameters
///
/// - `fd_`: Refers to the file whose contents and metadata get
///   flushed to disk.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_sync(fd_: fd) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_sync(fd_) }
}

/// Writes data to a file descriptor at its current offset.
///
/// # Parameters
///
/// - `fd_`: File descriptor to write to.
/// - `iovs_`: Scatter/gather vectors holding the data to write.
///
/// # Outputs
///
/// - `nwritten_`: How many bytes were written.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn fd_write(fd_: fd, iovs_: &[ciovec], nwritten_: *mut usize) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_fd_write(fd_, iovs_.as_ptr(), iovs_.len(), nwritten_) }
}

/// Gives the system advice about how the data of a file descriptor will
/// be accessed.
///
/// # Parameters
///
/// - `fd_`: File descriptor the advice is about.
/// - `offset_`: Start of the file region the advice covers.
/// - `len_`: Length of the file region the advice covers.
/// - `advice_`: The advice being given.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_advise(fd_: fd, offset_: filesize, len_: filesize, advice_: advice) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_advise(fd_, offset_, len_, advice_) }
}

/// Makes sure space is allocated for a region of a file.
///
/// # Parameters
///
/// - `fd_`: File in which space is allocated.
/// - `offset_`: Position where the allocation begins.
/// - `len_`: Size of the region to allocate.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_allocate(fd_: fd, offset_: filesize, len_: filesize) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_allocate(fd_, offset_, len_) }
}

/// Creates a file of a given type.
///
/// # Parameters
///
/// - `fd_`: Directory from which resolution of the new file's path
///   begins.
/// - `path_`: Path where the new file is created.
/// - `type_`:
///   Possible values:
///
///   - [`filetype::DIRECTORY`]: Makes a directory.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_create(fd_: fd, path_: &[u8], type_: filetype) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_create(fd_, path_.as_ptr(), path_.len(), type_) }
}

/// Makes a hard link.
///
/// # Parameters
///
/// - `fd1_`: Directory from which resolution of the source path
///   begins.
/// - `path1_`: Path of the existing file to link to.
/// - `fd2_`: Directory from which resolution of the destination
///   path begins.
/// - `path2_`: Path where the new hard link is placed.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_link(fd1_: lookup, path1_: &[u8], fd2_: fd, path2_: &[u8]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_file_link(
            fd1_,
            path1_.as_ptr(),
            path1_.len(),
            fd2_,
            path2_.as_ptr(),
            path2_.len(),
        )
    }
}

/// Opens a file and returns a file descriptor for it.
///
/// # Parameters
///
/// - `dirfd_`: Directory from which resolution of the path to open
///   begins.
/// - `path_`: Path of the file to open.
/// - `oflags_`: How the file is to be opened.
/// - `fds_`: The initial rights of the new file descriptor come
///   from [`fdstat::fs_rights_base`] and
///   [`fdstat::fs_rights_inheriting`]. The operating system
///   may hand out fewer rights than requested, but only by
///   dropping rights that have no meaning for the type of
///   file opened.
///
///   The descriptor starts out with the flags found in
///   [`fdstat::fs_flags`].
///
///   The value of [`fdstat::fs_filetype`] does not matter.
///
/// # Outputs
///
/// - `fd_`: File descriptor of the opened file.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_open(
    dirfd_: lookup,
    path_: &[u8],
    oflags_: oflags,
    fds_: *const fdstat,
    fd_: *mut fd,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_open(dirfd_, path_.as_ptr(), path_.len(), oflags_, fds_, fd_) }
}

/// Reads entries from a directory.
///
/// On success, the output buffer holds a series of directory entries.
/// Every entry is a [`dirent`] object, immediately followed by
/// [`dirent::d_namlen`] bytes containing the entry's name.
///
/// The output buffer is filled as far as it will go, which may cut the
/// final entry short. This lets the caller enlarge its buffer when a
/// single big entry does not fit, or alternatively skip that entry.
///
/// # Parameters
///
/// - `fd_`: Directory to read entries from.
/// - `buf_`: Buffer that receives the directory entries.
/// - `cookie_`: Position in the directory where reading begins.
///
/// # Outputs
///
/// - `bufused_`: How many bytes were written into the buffer. A value
///   below the buffer size means the end of the directory
///   was reached.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_readdir(
    fd_: fd,
    buf_: &mut [u8],
    cookie_: dircookie,
    bufused_: *mut usize,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_file_readdir(
            fd_,
            buf_.as_mut_ptr() as *mut (),
            buf_.len(),
            cookie_,
            bufused_,
        )
    }
}

/// Reads the target stored in a symbolic link.
///
/// # Parameters
///
/// - `fd_`: Directory from which resolution of the symbolic link's
///   path begins.
/// - `path_`: Path of the symbolic link to read.
/// - `buf_`: Buffer that receives the symbolic link's contents.
///
/// # Outputs
///
/// - `bufused_`: How many bytes were written into the buffer.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_readlink(fd_: fd, path_: &[u8], buf_: &mut [u8], bufused_: *mut usize) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_file_readlink(
            fd_,
            path_.as_ptr(),
            path_.len(),
            buf_.as_mut_ptr(),
            buf_.len(),
            bufused_,
        )
    }
}

/// Moves a file to a new name.
///
/// # Parameters
///
/// - `fd1_`: Directory from which resolution of the source path
///   begins.
/// - `path1_`: Current path of the file to rename.
/// - `fd2_`: Directory from which resolution of the destination
///   path begins.
/// - `path2_`: New path for the file.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_rename(fd1_: fd, path1_: &[u8], fd2_: fd, path2_: &[u8]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_file_rename(
            fd1_,
            path1_.as_ptr(),
            path1_.len(),
            fd2_,
            path2_.as_ptr(),
            path2_.len(),
        )
    }
}

/// Retrieves the attributes of a file, given a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor whose file attributes are retrieved.
/// - `buf_`: Buffer that receives the file's attributes.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_stat_fget(fd_: fd, buf_: *mut filestat) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_stat_fget(fd_, buf_) }
}

/// Changes attributes of a file, given a file descriptor.
///
/// # Parameters
///
/// - `fd_`: File descriptor whose file attributes are changed.
/// - `buf_`: New values for the file attributes that are changed.
/// - `flags_`: Bitmask selecting the attributes to change.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_stat_fput(fd_: fd, buf_: *const filestat, flags_: fsflags) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_stat_fput(fd_, buf_, flags_) }
}

/// Retrieves the attributes of a file, given a path.
///
/// # Parameters
///
/// - `fd_`: Directory from which resolution of the path of the
///   file to inspect begins.
/// - `path_`: Path of the file whose attributes are retrieved.
/// - `buf_`: Buffer that receives the file's attributes.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_stat_get(fd_: lookup, path_: &[u8], buf_: *mut filestat) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_stat_get(fd_, path_.as_ptr(), path_.len(), buf_) }
}

/// Changes attributes of a file, given a path.
///
/// # Parameters
///
/// - `fd_`: Directory from which resolution of the path of the
///   file to modify begins.
/// - `path_`: Path of the file whose attributes are changed.
/// - `buf_`: New values for the file attributes that are changed.
/// - `flags_`: Bitmask selecting the attributes to change.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_stat_put(
    fd_: lookup,
    path_: &[u8],
    buf_: *const filestat,
    flags_: fsflags,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_stat_put(fd_, path_.as_ptr(), path_.len(), buf_, flags_) }
}

/// Makes a symbolic link.
///
/// # Parameters
///
/// - `path1_`: Target text to store in the symbolic link.
/// - `fd_`: Directory from which resolution of the destination
///   path begins.
/// - `path2_`: Path where the new symbolic link is placed.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_symlink(path1_: &[u8], fd_: fd, path2_: &[u8]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_file_symlink(
            path1_.as_ptr(),
            path1_.len(),
            fd_,
            path2_.as_ptr(),
            path2_.len(),
        )
    }
}

/// Removes a directory, or unlinks a file.
///
/// # Parameters
///
/// - `fd_`: Directory from which resolution of the path begins.
/// - `path_`: Path of the file or directory to remove.
/// - `flags_`:
///   Possible values:
///
///   - [`ulflags::REMOVEDIR`]: When set, tries to remove a directory. When
///     clear, unlinks a non-directory file.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn file_unlink(fd_: fd, path_: &[u8], flags_: ulflags) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_file_unlink(fd_, path_.as_ptr(), path_.len(), flags_) }
}

/// Releases a userspace lock held for writing.
///
/// When a userspace lock has its [`LOCK_KERNEL_MANAGED`] flag set, it
/// cannot simply be released in userspace. This system call must be used
/// instead, so that threads waiting on the lock get woken.
///
/// To avoid needless calls, the lock has to be held for writing. This
/// stops other threads from taking new read locks while the call runs. A
/// thread holding the lock for reading must upgrade it to a write lock
/// first.
///
/// # Parameters
///
/// - `lock_`: Userspace lock that the calling thread holds for
///   writing.
/// - `scope_`: Tells whether the lock lives in private or shared
///   memory.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn lock_unlock(lock_: *mut lock, scope_: scope) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_lock_unlock(lock_, scope_) }
}

/// Gives the system advice about how a region of memory will be used.
///
/// # Parameters
///
/// - `mapping_`: Pages the advice is about.
/// - `advice_`: The advice being given.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn mem_advise(mapping_: &mut [u8], advice_: advice) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_mem_advise(mapping_.as_mut_ptr() as *mut (), mapping_.len(), advice_) }
}

/// Sets up a memory mapping through which a file's contents can be
/// accessed.
///
/// # Parameters
///
/// - `addr_`: When [`mflags::FIXED`] is set, the address at which the
///   file region is mapped. When it is not set, the system
///   picks an unused location.
/// - `len_`: Size of the mapping to create.
/// - `prot_`: Protection options the mapping starts with.
/// - `flags_`: Flags for the mapping.
/// - `fd_`: Must be [`MAP_ANON_FD`] when [`mflags::ANON`] is set.
///   Otherwise, the file whose contents are mapped.
/// - `off_`: Must be zero when [`mflags::ANON`] is set. Otherwise, the
///   position in the file where the mapping begins.
///
/// # Outputs
///
/// - `mem_`: Address at which the mapping begins.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn mem_map(
    addr_: *mut (),
    len_: usize,
    prot_: mprot,
    flags_: mflags,
    fd_: fd,
    off_: filesize,
    mem_: *mut *mut (),
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_mem_map(addr_, len_, prot_, flags_, fd_, off_, mem_) }
}

/// Alters the access protection of mapped memory.
///
/// # Parameters
///
/// - `mapping_`: Pages whose protection is altered.
/// - `prot_`: Protection options to apply.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn mem_protect(mapping_: &mut [u8], prot_: mprot) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_mem_protect(mapping_.as_mut_ptr() as *mut (), mapping_.len(), prot_) }
}

/// Flushes a region of memory to the storage backing it.
///
/// # Parameters
///
/// - `mapping_`: Pages to flush.
/// - `flags_`: How the flush is performed.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn mem_sync(mapping_: &mut [u8], flags_: msflags) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_mem_sync(mapping_.as_mut_ptr() as *mut (), mapping_.len(), flags_) }
}

/// Removes the mapping of a region of memory.
///
/// # Parameters
///
/// - `mapping_`: Pages to unmap.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn mem_unmap(mapping_: &mut [u8]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_mem_unmap(mapping_.as_mut_ptr() as *mut (), mapping_.len()) }
}

/// Waits concurrently for any of a set of events to happen.
///
/// # Parameters
///
/// - `in_`: Subscriptions to wait for.
/// - `out_`: Buffer that receives the events that occurred.
/// - `nsubscriptions_`: Number of subscriptions, which is also the capacity of
///   the event buffer.
///
/// # Outputs
///
/// - `nevents_`: How many events were written.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn poll(
    in_: *const subscription,
    out_: *mut event,
    nsubscriptions_: usize,
    nevents_: *mut usize,
) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_poll(in_, out_, nsubscriptions_, nevents_) }
}

/// Replaces the current process with a new executable.
///
/// Compared to POSIX, CloudABI executes programs differently in two
/// respects: how arguments are passed and how file descriptors are
/// inherited.
///
/// Instead of string command line arguments, CloudABI copies a buffer of
/// binary data into the new executable's address space. The kernel
/// imposes no structure on that data; CloudABI's C library, however, uses
/// it to hold a tree structure with the same semantics as YAML.
///
/// Because of the emphasis on thread safety, file descriptors are not
/// inherited based on close-on-exec flags. The caller instead passes an
/// explicit list of the file descriptors to keep. In the new executable
/// they are numbered in the order in which they appear in that list.
/// Besides making execution deterministic, this avoids leaking
/// information about the file descriptor layout of the original process.
///
/// # Parameters
///
/// - `fd_`: Executable file to run, given as a file descriptor.
/// - `data_`: Binary argument data handed to the new executable.
/// - `fds_`: File descriptor table layout the new executable starts
///   with.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn proc_exec(fd_: fd, data_: &[u8], fds_: &[fd]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe {
        cloudabi_sys_proc_exec(
            fd_,
            data_.as_ptr() as *const (),
            data_.len(),
            fds_.as_ptr(),
            fds_.len(),
        )
    }
}

/// Ends the process normally.
///
/// # Parameters
///
/// - `rval_`: Exit code of the process. Other processes can retrieve
///   it via [`event_proc_terminate::exitcode`].
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn proc_exit(rval_: exitcode) -> ! {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_proc_exit(rval_) }
}

/// Forks the process the calling thread belongs to.
///
/// The fork creates a new process that contains a copy of only the
/// calling thread. The parent receives a process descriptor; closing it
/// sends [`signal::KILL`] to the child automatically.
///
/// # Outputs
///
/// - `fd_`: In the parent: the number of the file descriptor that
///   refers to the process descriptor.
///
///   In the child: [`PROCESS_CHILD`].
/// - `tid_`: In the parent: undefined.
///
///   In the child: the ID of the child process's first
///   thread.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn proc_fork(fd_: *mut fd, tid_: *mut tid) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_proc_fork(fd_, tid_) }
}

/// Raises a signal in the process that the calling thread belongs to.
///
/// # Parameters
///
/// - `sig_`: Signal condition to trigger. When it makes the process
///   terminate, other processes can retrieve the condition
///   via [`event_proc_terminate::signal`].
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn proc_raise(sig_: signal) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_proc_raise(sig_) }
}

/// Fills a buffer with random data from the kernel's random number
/// generator.
///
/// This interface may be slow, so it is best used to seed a userspace
/// pseudo-random number generator rather than as a direct source of
/// randomness.
///
/// # Parameters
///
/// - `buf_`: Buffer to fill with random data.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn random_get(buf_: &mut [u8]) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_random_get(buf_.as_mut_ptr() as *mut (), buf_.len()) }
}

/// Receives a message from a socket.
///
/// # Parameters
///
/// - `sock_`: Socket to receive the message on.
/// - `in_`: Input arguments.
/// - `out_`: Output arguments.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn sock_recv(sock_: fd, in_: *const recv_in, out_: *mut recv_out) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_sock_recv(sock_, in_, out_) }
}

/// Sends a message through a socket.
///
/// # Parameters
///
/// - `sock_`: Socket to send the message on.
/// - `in_`: Input arguments.
/// - `out_`: Output arguments.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn sock_send(sock_: fd, in_: *const send_in, out_: *mut send_out) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_sock_send(sock_, in_, out_) }
}

/// Closes the send and/or receive channels of a socket.
///
/// # Parameters
///
/// - `sock_`: Socket whose channels are shut down.
/// - `how_`: Which of the socket's channels to shut down.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn sock_shutdown(sock_: fd, how_: sdflags) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_sock_shutdown(sock_, how_) }
}

/// Starts a new thread in the current process.
///
/// # Parameters
///
/// - `attr_`: Attributes for the new thread.
///
/// # Outputs
///
/// - `tid_`: ID of the newly created thread.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn thread_create(attr_: *mut threadattr, tid_: *mut tid) -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_thread_create(attr_, tid_) }
}

/// Ends the calling thread.
///
/// After the thread has terminated, this system call can also release one
/// userspace lock, which makes it possible to implement thread joining.
///
/// # Parameters
///
/// - `lock_`: Userspace lock that the calling thread holds for
///   writing.
/// - `scope_`: Tells whether the lock lives in private or shared
///   memory.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn thread_exit(lock_: *mut lock, scope_: scope) -> ! {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_thread_exit(lock_, scope_) }
}

/// Makes the calling thread temporarily give up its turn to run.
///
/// # Safety
///
/// This is a raw system call: pointers must be valid for what the call does
/// with them, and the call's effects on the process are not checked by Rust.
#[inline]
pub unsafe fn thread_yield() -> errno {
    // SAFETY: the caller upholds this function's contract, which is the system call's own.
    unsafe { cloudabi_sys_thread_yield() }
}
