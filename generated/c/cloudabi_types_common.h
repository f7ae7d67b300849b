// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

#ifndef CLOUDABI_TYPES_COMMON_H
#define CLOUDABI_TYPES_COMMON_H

/**
 * # CloudABI
 *
 * CloudABI is a compact application binary interface for running programs under
 * capability-based security. It starts from the familiar POSIX model and leaves out
 * every interface that would let a program reach beyond the resources it was handed.
 * What remains is a small set of 49 system calls.
 *
 * CloudABI has no kernel of its own. Support for it can be added to existing
 * operating system kernels, or the interface can be emulated on top of them, so one
 * unmodified binary can run on several host systems.
 *
 * ## Capabilities instead of global namespaces
 *
 * A CloudABI process cannot name anything through a global namespace. There is no
 * way to open a file by its absolute path, to create a network connection out of
 * thin air, or to inspect system-wide state such as the list of running processes.
 *
 * Everything a process may touch is reachable through its file descriptors, which
 * act as capabilities. Opening a file, for instance, requires a descriptor for a
 * directory that contains it, and every descriptor carries a set of cloudabi_rights_t that
 * limits what it can be used for.
 *
 * Descriptor numbers have no predefined roles: 0, 1 and 2 are not set aside for
 * standard streams as they are in POSIX. Instead, whoever starts a process hands it
 * exactly the descriptors it needs, for example a listening socket plus a directory
 * to serve content from. As the new process cannot obtain further resources by
 * itself, its possible effects are bounded by that initial set. This makes it
 * reasonable to run untrusted binaries without wrapping them in a container, virtual
 * machine or other sandbox.
 *
 * ## Userspace
 *
 * A C library for this environment offers the standard interfaces that fit the
 * model, such as `openat` and `fprintf`, and omits those that assume global state,
 * such as `open` and `printf`. Existing software can be ported by removing its
 * dependence on global paths like `/etc` or `/dev`.
 *
 * ## About this file
 *
 * This file is the single authoritative description of the ABI. It lists every type,
 * constant, structure and system call, each with its documentation. The C headers,
 * the Rust bindings, the vDSO sources and the reference documentation are all
 * generated from it.
 */

#if defined(__FreeBSD__) && defined(_KERNEL)
#include <sys/types.h>
#include <sys/stddef.h>
#elif defined(__linux__) && defined(__KERNEL__)
#include <linux/types.h>
#include <linux/stddef.h>
#else
#include <stddef.h>
#include <stdint.h>
#endif

/* C++ has the C11 keywords these headers use under other names. */
#ifdef __cplusplus
#if __cplusplus < 201103L
#error "the CloudABI headers need C++11 or later"
#endif
#ifndef _Alignas
#define _Alignas(x) alignas(x)
#endif
#ifndef _Alignof
#define _Alignof(x) alignof(x)
#endif
#ifndef _Atomic
#define _Atomic(x) x
#endif
#ifndef _Static_assert
#define _Static_assert(x, y) static_assert(x, y)
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Hint about how a range of a file or of memory is going to be accessed. */
typedef uint8_t cloudabi_advice_t;
/** The data in question will not be needed again soon. */
#define CLOUDABI_ADVICE_DONTNEED   1
/**
 * The data in question will be used a single time and then left
 * alone.
 */
#define CLOUDABI_ADVICE_NOREUSE    2
/** No particular access pattern is expected for the data in question. */
#define CLOUDABI_ADVICE_NORMAL     3
/** The data in question will be accessed at unpredictable offsets. */
#define CLOUDABI_ADVICE_RANDOM     4
/**
 * The data in question will be read in order, going from low offsets
 * to high ones.
 */
#define CLOUDABI_ADVICE_SEQUENTIAL 5
/** The data in question will be needed soon. */
#define CLOUDABI_ADVICE_WILLNEED   6

/** Tag telling what kind of value an entry of cloudabi_auxv_t holds. */
typedef uint32_t cloudabi_auxtype_t;
/**
 * Where the binary argument data passed to cloudabi_sys_proc_exec() begins in
 * memory.
 */
#define CLOUDABI_AT_ARGDATA      256
/** Length in bytes of the binary argument data passed to cloudabi_sys_proc_exec(). */
#define CLOUDABI_AT_ARGDATALEN   257
/** Address in memory where the executable has been loaded. */
#define CLOUDABI_AT_BASE           7
/**
 * Start address of a buffer filled with random bytes, meant for uses
 * that need no cryptographic strength, such as seeding stack
 * smashing protection.
 */
#define CLOUDABI_AT_CANARY       258
/** Size in bytes of the random buffer described by CLOUDABI_AT_CANARY. */
#define CLOUDABI_AT_CANARYLEN    259
/** How many CPUs the host system has. */
#define CLOUDABI_AT_NCPUS        260
/** Marks the end of the auxiliary vector. */
#define CLOUDABI_AT_NULL           0
/**
 * Granularity of memory protection: the smallest size of a region
 * whose protection can be changed on its own.
 */
#define CLOUDABI_AT_PAGESZ         6
/** Address of the executable's first ELF program header. */
#define CLOUDABI_AT_PHDR           3
/** How many ELF program headers the executable has. */
#define CLOUDABI_AT_PHNUM          4
/**
 * Identity of the process.
 *
 * Small integer process IDs are not offered, as they carry little
 * meaning once programs are spread over many machines. A process is
 * named by a UUID instead.
 *
 * The entry points to 16 bytes of binary data: a UUID of version 4,
 * generated entirely at random.
 */
#define CLOUDABI_AT_PID          263
/**
 * Location in memory of the ELF header belonging to the vDSO.
 *
 * This vDSO is a shared object that the environment maps into every
 * process. It exports one function per system call, named with the
 * prefix `cloudabi_sys_`, and programs are expected to make their
 * system calls by calling these functions.
 *
 * Going through the vDSO instead of trapping into the kernel
 * directly has benefits. It makes CloudABI programs easy to emulate
 * on operating systems that lack native support. Where native
 * support exists, the system may still serve some calls partly or
 * fully in userspace for speed (for instance cloudabi_sys_clock_time_get()). It
 * also gives more freedom to add, remove or replace system calls
 * over time.
 */
#define CLOUDABI_AT_SYSINFO_EHDR 262
/** Thread ID of the first thread of the process. */
#define CLOUDABI_AT_TID          261

/** Selects a clock. */
typedef uint32_t cloudabi_clockid_t;
/**
 * Clock shared by the whole system that tracks real time and only
 * moves forward: it cannot be set, and it never jumps backwards.
 *
 * Its starting point is unspecified, so only the difference between
 * two of its readings is meaningful.
 */
#define CLOUDABI_CLOCK_MONOTONIC          1
/** Measures the CPU time consumed by the calling process. */
#define CLOUDABI_CLOCK_PROCESS_CPUTIME_ID 2
/** System-wide wall-clock time, counted from 1970-01-01T00:00:00Z. */
#define CLOUDABI_CLOCK_REALTIME           3
/** Measures the CPU time consumed by the calling thread. */
#define CLOUDABI_CLOCK_THREAD_CPUTIME_ID  4

/** Condition variable that lives in userspace memory. */
typedef uint32_t cloudabi_condvar_t;
/**
 * Initial state: no thread is blocked on the condition variable. Any
 * other value means sleepers may exist, and waking them requires a
 * call into the kernel.
 */
#define CLOUDABI_CONDVAR_HAS_NO_WAITERS 0

/**
 * Identifies the device that holds a file system. Paired with an cloudabi_inode_t, it
 * names a file uniquely on the local machine.
 */
typedef uint64_t cloudabi_device_t;

/** Position of an entry within a directory listing. */
typedef uint64_t cloudabi_dircookie_t;
/**
 * Stable position that always refers to the first entry of a
 * directory.
 */
#define CLOUDABI_DIRCOOKIE_START 0

/**
 * Error code reported by a system call.
 *
 * Some of these codes are never produced by the system calls in this file.
 * They exist for use by userspace code, or to keep the list in line with
 * POSIX.
 */
typedef uint16_t cloudabi_errno_t;
/** The operation finished without error. */
#define CLOUDABI_ESUCCESS         0
/** The argument list is too long. */
#define CLOUDABI_E2BIG            1
/** Access was denied. */
#define CLOUDABI_EACCES           2
/** The address is already taken. */
#define CLOUDABI_EADDRINUSE       3
/** The requested address cannot be assigned. */
#define CLOUDABI_EADDRNOTAVAIL    4
/** This address family is unsupported. */
#define CLOUDABI_EAFNOSUPPORT     5
/**
 * The resource is temporarily unavailable, or the operation would
 * block.
 */
#define CLOUDABI_EAGAIN           6
/** A connection attempt is already underway. */
#define CLOUDABI_EALREADY         7
/** The file descriptor is invalid. */
#define CLOUDABI_EBADF            8
/** The message is malformed. */
#define CLOUDABI_EBADMSG          9
/** The device or resource is in use. */
#define CLOUDABI_EBUSY           10
/** The operation was cancelled. */
#define CLOUDABI_ECANCELED       11
/** There is no child process. */
#define CLOUDABI_ECHILD          12
/** The connection was aborted. */
#define CLOUDABI_ECONNABORTED    13
/** The connection was refused. */
#define CLOUDABI_ECONNREFUSED    14
/** The connection was reset by the peer. */
#define CLOUDABI_ECONNRESET      15
/** Proceeding would cause a resource deadlock. */
#define CLOUDABI_EDEADLK         16
/** A destination address is needed. */
#define CLOUDABI_EDESTADDRREQ    17
/** A mathematical argument lies outside the function's domain. */
#define CLOUDABI_EDOM            18
/** Reserved; not used. */
#define CLOUDABI_EDQUOT          19
/** The file is already present. */
#define CLOUDABI_EEXIST          20
/** An address is invalid. */
#define CLOUDABI_EFAULT          21
/** The file is too big. */
#define CLOUDABI_EFBIG           22
/** The host cannot be reached. */
#define CLOUDABI_EHOSTUNREACH    23
/** The identifier has been removed. */
#define CLOUDABI_EIDRM           24
/** A byte sequence is invalid. */
#define CLOUDABI_EILSEQ          25
/** The operation is still underway. */
#define CLOUDABI_EINPROGRESS     26
/** The call was interrupted. */
#define CLOUDABI_EINTR           27
/** An argument is invalid. */
#define CLOUDABI_EINVAL          28
/** An input/output error happened. */
#define CLOUDABI_EIO             29
/** The socket is already connected. */
#define CLOUDABI_EISCONN         30
/** The path refers to a directory. */
#define CLOUDABI_EISDIR          31
/** Symbolic links are nested too deeply. */
#define CLOUDABI_ELOOP           32
/** The file descriptor number would be too large. */
#define CLOUDABI_EMFILE          33
/** There are too many hard links. */
#define CLOUDABI_EMLINK          34
/** The message is too long. */
#define CLOUDABI_EMSGSIZE        35
/** Reserved; not used. */
#define CLOUDABI_EMULTIHOP       36
/** The file name is too long. */
#define CLOUDABI_ENAMETOOLONG    37
/** The network is down. */
#define CLOUDABI_ENETDOWN        38
/** The network dropped the connection. */
#define CLOUDABI_ENETRESET       39
/** The network cannot be reached. */
#define CLOUDABI_ENETUNREACH     40
/** The system has too many open files. */
#define CLOUDABI_ENFILE          41
/** No buffer space is left. */
#define CLOUDABI_ENOBUFS         42
/** The device does not exist. */
#define CLOUDABI_ENODEV          43
/** The file or directory does not exist. */
#define CLOUDABI_ENOENT          44
/** The executable has an invalid format. */
#define CLOUDABI_ENOEXEC         45
/** No locks are left. */
#define CLOUDABI_ENOLCK          46
/** Reserved; not used. */
#define CLOUDABI_ENOLINK         47
/** Memory is exhausted. */
#define CLOUDABI_ENOMEM          48
/** No message of the requested type is present. */
#define CLOUDABI_ENOMSG          49
/** The protocol option is unavailable. */
#define CLOUDABI_ENOPROTOOPT     50
/** The device has run out of space. */
#define CLOUDABI_ENOSPC          51
/** The function is not implemented. */
#define CLOUDABI_ENOSYS          52
/** The socket has no connection. */
#define CLOUDABI_ENOTCONN        53
/** The path is neither a directory nor a symbolic link to one. */
#define CLOUDABI_ENOTDIR         54
/** The directory still has entries. */
#define CLOUDABI_ENOTEMPTY       55
/** The state cannot be recovered. */
#define CLOUDABI_ENOTRECOVERABLE 56
/** The file descriptor does not refer to a socket. */
#define CLOUDABI_ENOTSOCK        57
/** The operation is unsupported, either in general or on this socket. */
#define CLOUDABI_ENOTSUP         58
/** The I/O control operation does not apply to this object. */
#define CLOUDABI_ENOTTY          59
/** The device or address does not exist. */
#define CLOUDABI_ENXIO           60
/** The value does not fit in its data type. */
#define CLOUDABI_EOVERFLOW       61
/** The previous owner has died. */
#define CLOUDABI_EOWNERDEAD      62
/** The caller is not allowed to perform the operation. */
#define CLOUDABI_EPERM           63
/** The pipe is broken. */
#define CLOUDABI_EPIPE           64
/** The protocol was violated. */
#define CLOUDABI_EPROTO          65
/** The protocol is unsupported. */
#define CLOUDABI_EPROTONOSUPPORT 66
/** The protocol has the wrong type for the socket. */
#define CLOUDABI_EPROTOTYPE      67
/** The result is too large. */
#define CLOUDABI_ERANGE          68
/** The file system can only be read. */
#define CLOUDABI_EROFS           69
/** Seeking is not possible on this object. */
#define CLOUDABI_ESPIPE          70
/** The process does not exist. */
#define CLOUDABI_ESRCH           71
/** Reserved; not used. */
#define CLOUDABI_ESTALE          72
/** The connection attempt ran out of time. */
#define CLOUDABI_ETIMEDOUT       73
/** The text file is in use. */
#define CLOUDABI_ETXTBSY         74
/** The link would cross devices. */
#define CLOUDABI_EXDEV           75
/**
 * Extension: the file descriptor lacks the rights needed for the
 * operation.
 */
#define CLOUDABI_ENOTCAPABLE     76

/**
 * Status of a file descriptor watched through CLOUDABI_EVENTTYPE_FD_READ or
 * CLOUDABI_EVENTTYPE_FD_WRITE.
 */
typedef uint16_t cloudabi_eventrwflags_t;
/** The peer of the socket has disconnected or closed its end. */
#define CLOUDABI_EVENT_FD_READWRITE_HANGUP 0x0001

/** Kind of event a subscription waits for, or that has occurred. */
typedef uint8_t cloudabi_eventtype_t;
/**
 * The time given in cloudabi_subscription_t::clock.timeout has been reached on
 * clock cloudabi_subscription_t::clock.clock_id.
 */
#define CLOUDABI_EVENTTYPE_CLOCK          1
/**
 * cloudabi_subscription_t::condvar.condvar was signalled, and the lock
 * cloudabi_subscription_t::condvar.lock is now held for writing.
 */
#define CLOUDABI_EVENTTYPE_CONDVAR        2
/**
 * cloudabi_subscription_t::fd_readwrite.fd has data ready to be read. Regular
 * files always report this event.
 */
#define CLOUDABI_EVENTTYPE_FD_READ        3
/**
 * cloudabi_subscription_t::fd_readwrite.fd has room for data to be written.
 * Regular files always report this event.
 */
#define CLOUDABI_EVENTTYPE_FD_WRITE       4
/** A read lock on cloudabi_subscription_t::lock.lock is now held. */
#define CLOUDABI_EVENTTYPE_LOCK_RDLOCK    5
/** A write lock on cloudabi_subscription_t::lock.lock is now held. */
#define CLOUDABI_EVENTTYPE_LOCK_WRLOCK    6
/**
 * The process referred to by cloudabi_subscription_t::proc_terminate.fd has
 * ended.
 */
#define CLOUDABI_EVENTTYPE_PROC_TERMINATE 7

/** Status value that a process reports when it exits. */
typedef uint32_t cloudabi_exitcode_t;

/**
 * Number identifying an open file descriptor.
 *
 * No descriptor numbers have a predefined meaning here, unlike the standard
 * input, output and error streams of POSIX. The system is also free to hand
 * out new numbers in any order; they need not be ascending.
 */
typedef uint32_t cloudabi_fd_t;
/** Value that cloudabi_sys_proc_fork() returns in the new child process. */
#define CLOUDABI_PROCESS_CHILD 0xffffffff
/** Value to pass to cloudabi_sys_mem_map() when it should map anonymous memory. */
#define CLOUDABI_MAP_ANON_FD   0xffffffff

/** Flags stored with a file descriptor. */
typedef uint16_t cloudabi_fdflags_t;
/** Every write goes to the current end of the file. */
#define CLOUDABI_FDFLAG_APPEND   0x0001
/**
 * Writes complete with synchronized I/O data integrity: the contents
 * of the file are synchronized, but not necessarily its metadata.
 */
#define CLOUDABI_FDFLAG_DSYNC    0x0002
/** Operations do not block. */
#define CLOUDABI_FDFLAG_NONBLOCK 0x0004
/** Reads are performed as synchronized I/O operations. */
#define CLOUDABI_FDFLAG_RSYNC    0x0008
/**
 * Writes complete with synchronized I/O file integrity: besides the
 * contents of the file, its metadata may be synchronized too.
 */
#define CLOUDABI_FDFLAG_SYNC     0x0010

/** Selects which attributes of a file descriptor are to be changed. */
typedef uint16_t cloudabi_fdsflags_t;
/** Replace the flags of the descriptor with cloudabi_fdstat_t::fs_flags. */
#define CLOUDABI_FDSTAT_FLAGS  0x0001
/**
 * Limit the rights of the descriptor: cloudabi_fdstat_t::fs_rights_base gives
 * the new base rights, and cloudabi_fdstat_t::fs_rights_inheriting gives the
 * new inheriting rights.
 */
#define CLOUDABI_FDSTAT_RIGHTS 0x0002

/** Signed offset relative to some position in a file. */
typedef int64_t cloudabi_filedelta_t;

/** Size of a file, or length of a range within a file; never negative. */
typedef uint64_t cloudabi_filesize_t;

/** Kind of object that a file descriptor or a file refers to. */
typedef uint8_t cloudabi_filetype_t;
/** The kind is not known, or it is none of the kinds listed here. */
#define CLOUDABI_FILETYPE_UNKNOWN            0
/** A block device node. */
#define CLOUDABI_FILETYPE_BLOCK_DEVICE      16
/** A character device node. */
#define CLOUDABI_FILETYPE_CHARACTER_DEVICE  17
/** A directory. */
#define CLOUDABI_FILETYPE_DIRECTORY         32
/** A process handle (only for file descriptors). */
#define CLOUDABI_FILETYPE_PROCESS           80
/** A regular file. */
#define CLOUDABI_FILETYPE_REGULAR_FILE      96
/** A shared memory object (only for file descriptors). */
#define CLOUDABI_FILETYPE_SHARED_MEMORY    112
/** A datagram socket. */
#define CLOUDABI_FILETYPE_SOCKET_DGRAM     128
/** A byte-stream socket. */
#define CLOUDABI_FILETYPE_SOCKET_STREAM    130
/** A symbolic link (only for files). */
#define CLOUDABI_FILETYPE_SYMBOLIC_LINK    144

/** Selects which attributes of a file are to be changed. */
typedef uint16_t cloudabi_fsflags_t;
/** Set the last access time to cloudabi_filestat_t::st_atim. */
#define CLOUDABI_FILESTAT_ATIM     0x0001
/**
 * Set the last access time to the current reading of
 * CLOUDABI_CLOCK_REALTIME.
 */
#define CLOUDABI_FILESTAT_ATIM_NOW 0x0002
/** Set the last modification time to cloudabi_filestat_t::st_mtim. */
#define CLOUDABI_FILESTAT_MTIM     0x0004
/**
 * Set the last modification time to the current reading of
 * CLOUDABI_CLOCK_REALTIME.
 */
#define CLOUDABI_FILESTAT_MTIM_NOW 0x0008
/** Shrink or grow the file to the length in cloudabi_filestat_t::st_size. */
#define CLOUDABI_FILESTAT_SIZE     0x0010

/** Number identifying a file within its file system. */
typedef uint64_t cloudabi_inode_t;

/** How many hard links point to an inode. */
typedef uint32_t cloudabi_linkcount_t;

/**
 * Readers-writer lock that lives in userspace memory, in the spirit of Linux
 * futexes and FreeBSD umtx. Read locks may be taken recursively.
 */
typedef uint32_t cloudabi_lock_t;
/** Initial state: nobody holds the lock. */
#define CLOUDABI_LOCK_UNLOCKED       0x00000000
/**
 * Bit that is set while the lock is held for writing. The low 30
 * bits then contain the thread ID of the writer; otherwise they
 * count the read locks held.
 */
#define CLOUDABI_LOCK_WRLOCKED       0x40000000
/**
 * Bit that is set while the lock is held, for reading or for
 * writing, and at least one thread is blocked waiting for it. The
 * final holder has to release the lock through the kernel.
 *
 * When this bit is set on a read-locked lock, some thread is waiting
 * to take it for writing. Other threads should then refrain from
 * taking new read locks unless blocking would deadlock them.
 * Blocking is the better choice, since it keeps writers from
 * starving.
 */
#define CLOUDABI_LOCK_KERNEL_MANAGED 0x80000000
/**
 * Invalid lock state: a lock in its initial unlocked state can never
 * be managed by the kernel at the same time.
 */
#define CLOUDABI_LOCK_BOGUS          0x80000000

/** Controls how a path is resolved. */
typedef uint32_t cloudabi_lookupflags_t;
/**
 * Follow symbolic links: as long as resolution ends up at one, the
 * link is replaced by its target and resolution continues.
 */
#define CLOUDABI_LOOKUP_SYMLINK_FOLLOW 0x00000001

/** Flags for memory mappings. */
typedef uint8_t cloudabi_mflags_t;
/**
 * Map anonymous memory rather than the contents of a file. This
 * requires CLOUDABI_MAP_ANON_FD as the file descriptor and an offset of
 * zero.
 */
#define CLOUDABI_MAP_ANON    0x01
/** Place the mapping exactly at the given base address. */
#define CLOUDABI_MAP_FIXED   0x02
/** Modifications stay private to this mapping. */
#define CLOUDABI_MAP_PRIVATE 0x04
/** Modifications are shared with other mappings of the same object. */
#define CLOUDABI_MAP_SHARED  0x08

/**
 * Protection settings for memory pages.
 *
 * Writable and executable are mutually exclusive (`W^X`): a page can never
 * be mapped with both at once.
 */
typedef uint8_t cloudabi_mprot_t;
/** The page may be executed. */
#define CLOUDABI_PROT_EXEC  0x01
/** The page may be written to. */
#define CLOUDABI_PROT_WRITE 0x02
/** The page may be read from. */
#define CLOUDABI_PROT_READ  0x04

/** How mapped memory is synchronized with the underlying storage. */
typedef uint8_t cloudabi_msflags_t;
/** Write back asynchronously. */
#define CLOUDABI_MS_ASYNC      0x01
/** Discard cached copies of the data. */
#define CLOUDABI_MS_INVALIDATE 0x02
/** Write back synchronously. */
#define CLOUDABI_MS_SYNC       0x04

/** How many threads waiting on a condition variable are to be woken. */
typedef uint32_t cloudabi_nthreads_t;

/** Flags accepted by cloudabi_sys_file_open(). */
typedef uint16_t cloudabi_oflags_t;
/** Create the file when it is missing. */
#define CLOUDABI_O_CREAT     0x0001
/** Fail unless the path refers to a directory. */
#define CLOUDABI_O_DIRECTORY 0x0002
/** Fail when the file is already present. */
#define CLOUDABI_O_EXCL      0x0004
/** Cut the file down to zero length. */
#define CLOUDABI_O_TRUNC     0x0008

/** Flags passed to cloudabi_sys_sock_recv(). */
typedef uint16_t cloudabi_riflags_t;
/** Return a message but leave it in the receive queue of the socket. */
#define CLOUDABI_SOCK_RECV_PEEK    0x0004
/**
 * For byte-stream sockets, wait until the requested amount of data
 * is available in full.
 */
#define CLOUDABI_SOCK_RECV_WAITALL 0x0010

/**
 * Rights attached to a file descriptor, controlling which operations it may
 * be used for.
 */
typedef uint64_t cloudabi_rights_t;
/**
 * Permits calling cloudabi_sys_fd_datasync().
 *
 * Together with CLOUDABI_RIGHT_FILE_OPEN, also permits cloudabi_sys_file_open() with
 * CLOUDABI_FDFLAG_DSYNC.
 */
#define CLOUDABI_RIGHT_FD_DATASYNC           0x0000000000000001
/**
 * Permits calling cloudabi_sys_fd_read() and cloudabi_sys_sock_recv().
 *
 * Together with CLOUDABI_RIGHT_MEM_MAP, also permits cloudabi_sys_mem_map() with
 * protection CLOUDABI_PROT_READ.
 *
 * Together with CLOUDABI_RIGHT_FD_SEEK, also permits cloudabi_sys_fd_pread().
 */
#define CLOUDABI_RIGHT_FD_READ               0x0000000000000002
/** Permits calling cloudabi_sys_fd_seek(). Implies CLOUDABI_RIGHT_FD_TELL. */
#define CLOUDABI_RIGHT_FD_SEEK               0x0000000000000004
/** Permits calling cloudabi_sys_fd_stat_put() with CLOUDABI_FDSTAT_FLAGS. */
#define CLOUDABI_RIGHT_FD_STAT_PUT_FLAGS     0x0000000000000008
/**
 * Permits calling cloudabi_sys_fd_sync().
 *
 * Together with CLOUDABI_RIGHT_FILE_OPEN, also permits cloudabi_sys_file_open() with
 * CLOUDABI_FDFLAG_DSYNC as well as CLOUDABI_FDFLAG_RSYNC.
 */
#define CLOUDABI_RIGHT_FD_SYNC               0x0000000000000010
/**
 * Permits calling cloudabi_sys_fd_seek() only in ways that leave the file offset
 * unchanged, namely CLOUDABI_WHENCE_CUR with an offset of 0.
 */
#define CLOUDABI_RIGHT_FD_TELL               0x0000000000000020
/**
 * Permits calling cloudabi_sys_fd_write() and cloudabi_sys_sock_send().
 *
 * Together with CLOUDABI_RIGHT_MEM_MAP, also permits cloudabi_sys_mem_map() with
 * protection CLOUDABI_PROT_WRITE.
 *
 * Together with CLOUDABI_RIGHT_FD_SEEK, also permits cloudabi_sys_fd_pwrite().
 */
#define CLOUDABI_RIGHT_FD_WRITE              0x0000000000000040
/** Permits calling cloudabi_sys_file_advise(). */
#define CLOUDABI_RIGHT_FILE_ADVISE           0x0000000000000080
/** Permits calling cloudabi_sys_file_allocate(). */
#define CLOUDABI_RIGHT_FILE_ALLOCATE         0x0000000000000100
/** Permits calling cloudabi_sys_file_create() with CLOUDABI_FILETYPE_DIRECTORY. */
#define CLOUDABI_RIGHT_FILE_CREATE_DIRECTORY 0x0000000000000200
/**
 * Together with CLOUDABI_RIGHT_FILE_OPEN, permits cloudabi_sys_file_open() with
 * CLOUDABI_O_CREAT.
 */
#define CLOUDABI_RIGHT_FILE_CREATE_FILE      0x0000000000000400
/**
 * Permits calling cloudabi_sys_file_link() with this descriptor as the directory
 * of the source path.
 */
#define CLOUDABI_RIGHT_FILE_LINK_SOURCE      0x0000000000001000
/**
 * Permits calling cloudabi_sys_file_link() with this descriptor as the directory
 * of the target path.
 */
#define CLOUDABI_RIGHT_FILE_LINK_TARGET      0x0000000000002000
/** Permits calling cloudabi_sys_file_open(). */
#define CLOUDABI_RIGHT_FILE_OPEN             0x0000000000004000
/** Permits calling cloudabi_sys_file_readdir(). */
#define CLOUDABI_RIGHT_FILE_READDIR          0x0000000000008000
/** Permits calling cloudabi_sys_file_readlink(). */
#define CLOUDABI_RIGHT_FILE_READLINK         0x0000000000010000
/**
 * Permits calling cloudabi_sys_file_rename() with this descriptor as the
 * directory of the source path.
 */
#define CLOUDABI_RIGHT_FILE_RENAME_SOURCE    0x0000000000020000
/**
 * Permits calling cloudabi_sys_file_rename() with this descriptor as the
 * directory of the target path.
 */
#define CLOUDABI_RIGHT_FILE_RENAME_TARGET    0x0000000000040000
/** Permits calling cloudabi_sys_file_stat_fget(). */
#define CLOUDABI_RIGHT_FILE_STAT_FGET        0x0000000000080000
/**
 * Permits calling cloudabi_sys_file_stat_fput() with CLOUDABI_FILESTAT_SIZE.
 *
 * Together with CLOUDABI_RIGHT_FILE_OPEN, also permits cloudabi_sys_file_open() with
 * CLOUDABI_O_TRUNC.
 */
#define CLOUDABI_RIGHT_FILE_STAT_FPUT_SIZE   0x0000000000100000
/**
 * Permits calling cloudabi_sys_file_stat_fput() with any of CLOUDABI_FILESTAT_ATIM,
 * CLOUDABI_FILESTAT_MTIM, CLOUDABI_FILESTAT_ATIM_NOW or CLOUDABI_FILESTAT_MTIM_NOW.
 */
#define CLOUDABI_RIGHT_FILE_STAT_FPUT_TIMES  0x0000000000200000
/** Permits calling cloudabi_sys_file_stat_get(). */
#define CLOUDABI_RIGHT_FILE_STAT_GET         0x0000000000400000
/**
 * Permits calling cloudabi_sys_file_stat_put() with any of CLOUDABI_FILESTAT_ATIM,
 * CLOUDABI_FILESTAT_MTIM, CLOUDABI_FILESTAT_ATIM_NOW or CLOUDABI_FILESTAT_MTIM_NOW.
 */
#define CLOUDABI_RIGHT_FILE_STAT_PUT_TIMES   0x0000000000800000
/** Permits calling cloudabi_sys_file_symlink(). */
#define CLOUDABI_RIGHT_FILE_SYMLINK          0x0000000001000000
/** Permits calling cloudabi_sys_file_unlink(). */
#define CLOUDABI_RIGHT_FILE_UNLINK           0x0000000002000000
/**
 * Permits calling cloudabi_sys_mem_map() with no protection bits, that is with
 * cloudabi_mprot_t equal to 0.
 */
#define CLOUDABI_RIGHT_MEM_MAP               0x0000000004000000
/**
 * Together with CLOUDABI_RIGHT_MEM_MAP, permits cloudabi_sys_mem_map() with
 * CLOUDABI_PROT_EXEC.
 */
#define CLOUDABI_RIGHT_MEM_MAP_EXEC          0x0000000008000000
/**
 * Together with CLOUDABI_RIGHT_FD_READ, permits subscribing to
 * CLOUDABI_EVENTTYPE_FD_READ through cloudabi_sys_poll().
 *
 * Together with CLOUDABI_RIGHT_FD_WRITE, permits subscribing to
 * CLOUDABI_EVENTTYPE_FD_WRITE through cloudabi_sys_poll().
 */
#define CLOUDABI_RIGHT_POLL_FD_READWRITE     0x0000000010000000
/** Permits subscribing to CLOUDABI_EVENTTYPE_PROC_TERMINATE through cloudabi_sys_poll(). */
#define CLOUDABI_RIGHT_POLL_PROC_TERMINATE   0x0000000040000000
/** Permits calling cloudabi_sys_proc_exec(). */
#define CLOUDABI_RIGHT_PROC_EXEC             0x0000000100000000
/** Permits calling cloudabi_sys_sock_shutdown(). */
#define CLOUDABI_RIGHT_SOCK_SHUTDOWN         0x0000008000000000

/** Flags reported by cloudabi_sys_sock_recv(). */
typedef uint16_t cloudabi_roflags_t;
/**
 * Set by cloudabi_sys_sock_recv() when not every received file descriptor fit, so
 * the list was cut short.
 */
#define CLOUDABI_SOCK_RECV_FDS_TRUNCATED  0x0001
/**
 * Set by cloudabi_sys_sock_recv() when the message data did not fit and was cut
 * short.
 */
#define CLOUDABI_SOCK_RECV_DATA_TRUNCATED 0x0008

/** Tells whether an object resides in process-private or in shared memory. */
typedef uint8_t cloudabi_scope_t;
/** The object resides in memory private to the process. */
#define CLOUDABI_SCOPE_PRIVATE 4
/** The object resides in memory that may be shared between processes. */
#define CLOUDABI_SCOPE_SHARED  8

/** Selects which directions of a socket are shut down. */
typedef uint8_t cloudabi_sdflags_t;
/** Stop any further receiving. */
#define CLOUDABI_SHUT_RD 0x01
/** Stop any further sending. */
#define CLOUDABI_SHUT_WR 0x02

/** Flags for cloudabi_sys_sock_send(). No flags exist yet, so the value has to be zero. */
typedef uint16_t cloudabi_siflags_t;

/** Signal numbers. */
typedef uint8_t cloudabi_signal_t;
/**
 * The process asked to be aborted.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGABRT    1
/**
 * A timer alarm went off.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGALRM    2
/**
 * A part of a memory object that is not defined was accessed.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGBUS     3
/**
 * A child process changed state: it exited, stopped or resumed.
 *
 * Default action: none, the signal is ignored.
 */
#define CLOUDABI_SIGCHLD    4
/**
 * Request to resume a stopped process.
 *
 * Default action: execution resumes if it was stopped.
 */
#define CLOUDABI_SIGCONT    5
/**
 * An arithmetic operation failed, for example a division by zero.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGFPE     6
/**
 * The connection or terminal hung up.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGHUP     7
/**
 * An invalid instruction was executed.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGILL     8
/**
 * Interrupt request, typically coming from the terminal.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGINT     9
/**
 * Forced termination request.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGKILL   10
/**
 * An attempt was made to write to a pipe that has no reader left.
 *
 * Default action: none, the signal is ignored.
 */
#define CLOUDABI_SIGPIPE   11
/**
 * Quit request coming from the terminal.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGQUIT   12
/**
 * An invalid memory address was accessed.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGSEGV   13
/**
 * Request to suspend execution.
 *
 * Default action: execution is suspended.
 */
#define CLOUDABI_SIGSTOP   14
/**
 * An invalid system call was made.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGSYS    15
/**
 * Request to terminate.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGTERM   16
/**
 * A trace or breakpoint trap occurred.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGTRAP   17
/**
 * Suspend request coming from the terminal.
 *
 * Default action: execution is suspended.
 */
#define CLOUDABI_SIGTSTP   18
/**
 * A background process tried to read from the terminal.
 *
 * Default action: execution is suspended.
 */
#define CLOUDABI_SIGTTIN   19
/**
 * A background process tried to write to the terminal.
 *
 * Default action: execution is suspended.
 */
#define CLOUDABI_SIGTTOU   20
/**
 * Urgent (out-of-band) data has arrived on a socket.
 *
 * Default action: none, the signal is ignored.
 */
#define CLOUDABI_SIGURG    21
/**
 * First signal reserved for use by applications.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGUSR1   22
/**
 * Second signal reserved for use by applications.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGUSR2   23
/**
 * The virtual timer ran out.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGVTALRM 24
/**
 * The CPU time limit was exceeded.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGXCPU   25
/**
 * The file size limit was exceeded.
 *
 * Default action: the process is terminated.
 */
#define CLOUDABI_SIGXFSZ   26

/** Controls how the value in cloudabi_subscription_t::clock.timeout is interpreted. */
typedef uint16_t cloudabi_subclockflags_t;
/**
 * When set, cloudabi_subscription_t::clock.timeout is an absolute point in
 * time on clock cloudabi_subscription_t::clock.clock_id.
 *
 * When clear, cloudabi_subscription_t::clock.timeout is a duration measured
 * from the current reading of clock cloudabi_subscription_t::clock.clock_id.
 */
#define CLOUDABI_SUBSCRIPTION_CLOCK_ABSTIME 0x0001

/** Flags that affect how a file descriptor is polled for reading or writing. */
typedef uint16_t cloudabi_subrwflags_t;
/**
 * Kept only for compatibility: callers have to set it, and
 * implementations disregard it.
 */
#define CLOUDABI_SUBSCRIPTION_FD_READWRITE_POLL 0x0001

/**
 * Identifier of a thread, unique on the local system for as long as the
 * thread exists.
 *
 * A thread needs to know its own identifier, because taking a lock for
 * writing stores that identifier in the lock. Using these identifiers for
 * anything else is discouraged.
 *
 * Since the identifier ends up in a cloudabi_lock_t whenever CLOUDABI_LOCK_WRLOCKED is set,
 * its two most significant bits are always zero.
 */
typedef uint32_t cloudabi_tid_t;

/** A time value expressed in nanoseconds. */
typedef uint64_t cloudabi_timestamp_t;

/** Chooses between unlinking a file and removing a directory. */
typedef uint8_t cloudabi_ulflags_t;
/**
 * When set, remove a directory; when clear, unlink a file that is
 * not a directory.
 */
#define CLOUDABI_UNLINK_REMOVEDIR 0x01

/**
 * Opaque value chosen by the caller, stored with an object and handed back
 * unchanged when the object is retrieved from the kernel.
 */
typedef uint64_t cloudabi_userdata_t;

/** Reference point from which a new file offset is computed. */
typedef uint8_t cloudabi_whence_t;
/** Count the offset from the current position. */
#define CLOUDABI_WHENCE_CUR 1
/** Count the offset from the end of the file. */
#define CLOUDABI_WHENCE_END 2
/** Count the offset from the beginning of the file. */
#define CLOUDABI_WHENCE_SET 3

/** One directory entry. */
typedef struct {
	/** Offset within this directory of the entry that follows. */
	_Alignas(8) cloudabi_dircookie_t d_next;
	/** Serial number of the file this entry refers to. */
	_Alignas(8) cloudabi_inode_t d_ino;
	/** Length of the entry's name. */
	_Alignas(4) uint32_t d_namlen;
	/** Type of the file this entry refers to. */
	cloudabi_filetype_t d_type;
} cloudabi_dirent_t;
_Static_assert(offsetof(cloudabi_dirent_t, d_next) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_dirent_t, d_ino) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi_dirent_t, d_namlen) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_dirent_t, d_type) == 20, "Incorrect layout");
_Static_assert(sizeof(cloudabi_dirent_t) == 24, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_dirent_t) == 8, "Incorrect layout");

/** Describes an event that has taken place. */
typedef struct {
	/** The value the caller attached via cloudabi_subscription_t::userdata. */
	_Alignas(8) cloudabi_userdata_t userdata;
	/**
	 * Non-zero when processing the subscription failed; it then
	 * holds the error.
	 */
	_Alignas(2) cloudabi_errno_t error;
	/** What kind of event this is. */
	cloudabi_eventtype_t type;
	union {
		/**
		 * Used when type is one of:
		 * - CLOUDABI_EVENTTYPE_FD_READ
		 * - CLOUDABI_EVENTTYPE_FD_WRITE
		 */
		struct {
			/**
			 * Number of bytes that can be read or
			 * written.
			 */
			_Alignas(8) cloudabi_filesize_t nbytes;
			/** No longer used. */
			char unused[4];
			/** State of the file descriptor. */
			_Alignas(2) cloudabi_eventrwflags_t flags;
		} fd_readwrite;
		/** Used when type is CLOUDABI_EVENTTYPE_PROC_TERMINATE. */
		struct {
			/** No longer used. */
			char unused[4];
			/**
			 * Zero when the process exited on its
			 * own. Otherwise, the signal that made
			 * it terminate.
			 */
			cloudabi_signal_t signal;
			/**
			 * Exit code of the process, meaningful
			 * only when it exited.
			 */
			_Alignas(4) cloudabi_exitcode_t exitcode;
		} proc_terminate;
	};
} cloudabi_event_t;
_Static_assert(offsetof(cloudabi_event_t, userdata) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, error) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, type) == 10, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, fd_readwrite.nbytes) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, fd_readwrite.unused) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, fd_readwrite.flags) == 28, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, proc_terminate.unused) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, proc_terminate.signal) == 20, "Incorrect layout");
_Static_assert(offsetof(cloudabi_event_t, proc_terminate.exitcode) == 24, "Incorrect layout");
_Static_assert(sizeof(cloudabi_event_t) == 32, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_event_t) == 8, "Incorrect layout");

/** Attributes of a file descriptor. */
typedef struct {
	/** Type of the file. */
	cloudabi_filetype_t fs_filetype;
	/** Flags of the file descriptor. */
	_Alignas(2) cloudabi_fdflags_t fs_flags;
	/** Rights that this file descriptor carries. */
	_Alignas(8) cloudabi_rights_t fs_rights_base;
	/**
	 * Upper bound on the rights that may be granted to new file
	 * descriptors derived from this one, for example via
	 * cloudabi_sys_file_open().
	 */
	_Alignas(8) cloudabi_rights_t fs_rights_inheriting;
} cloudabi_fdstat_t;
_Static_assert(offsetof(cloudabi_fdstat_t, fs_filetype) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_fdstat_t, fs_flags) == 2, "Incorrect layout");
_Static_assert(offsetof(cloudabi_fdstat_t, fs_rights_base) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi_fdstat_t, fs_rights_inheriting) == 16, "Incorrect layout");
_Static_assert(sizeof(cloudabi_fdstat_t) == 24, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_fdstat_t) == 8, "Incorrect layout");

/** Attributes of a file. */
typedef struct {
	/** ID of the device that holds the file. */
	_Alignas(8) cloudabi_device_t st_dev;
	/** Serial number of the file. */
	_Alignas(8) cloudabi_inode_t st_ino;
	/** Type of the file. */
	cloudabi_filetype_t st_filetype;
	/** How many hard links point to the file. */
	_Alignas(4) cloudabi_linkcount_t st_nlink;
	/**
	 * Size in bytes for regular files. For symbolic links, the byte
	 * length of the target path stored in the link.
	 */
	_Alignas(8) cloudabi_filesize_t st_size;
	/** Time of the most recent data access. */
	_Alignas(8) cloudabi_timestamp_t st_atim;
	/** Time of the most recent data modification. */
	_Alignas(8) cloudabi_timestamp_t st_mtim;
	/** Time of the most recent change to the file's status. */
	_Alignas(8) cloudabi_timestamp_t st_ctim;
} cloudabi_filestat_t;
_Static_assert(offsetof(cloudabi_filestat_t, st_dev) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_ino) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_filetype) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_nlink) == 20, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_size) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_atim) == 32, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_mtim) == 40, "Incorrect layout");
_Static_assert(offsetof(cloudabi_filestat_t, st_ctim) == 48, "Incorrect layout");
_Static_assert(sizeof(cloudabi_filestat_t) == 56, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_filestat_t) == 8, "Incorrect layout");

/** Properties controlling path resolution. */
typedef struct {
	/** Directory from which path resolution begins. */
	_Alignas(4) cloudabi_fd_t fd;
	/** Flags that control how the path is resolved. */
	_Alignas(4) cloudabi_lookupflags_t flags;
} cloudabi_lookup_t;
_Static_assert(offsetof(cloudabi_lookup_t, fd) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi_lookup_t, flags) == 4, "Incorrect layout");
_Static_assert(sizeof(cloudabi_lookup_t) == 8, "Incorrect layout");
_Static_assert(_Alignof(cloudabi_lookup_t) == 4, "Incorrect layout");

#ifdef __cplusplus
}
#endif

#endif /* CLOUDABI_TYPES_COMMON_H */
