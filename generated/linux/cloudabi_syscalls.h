// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

#ifndef LINUX_CLOUDABI_SYSCALLS_H
#define LINUX_CLOUDABI_SYSCALLS_H

#include "cloudabi_types_common.h"

/**
 * Returns the resolution of a clock.
 *
 * @param clock_id
 *     Clock whose resolution is requested.
 * @param[out] resolution
 *     Resolution of the clock.
 */
cloudabi_errno_t cloudabi_sys_clock_res_get(
	cloudabi_clockid_t clock_id,
	cloudabi_timestamp_t *resolution
);

/**
 * Returns the current time value of a clock.
 *
 * @param clock_id
 *     Clock whose time is requested.
 * @param precision
 *     Maximum lag (exclusive) the returned value is allowed
 *     to have relative to the real value.
 * @param[out] time
 *     Time value of the clock.
 */
cloudabi_errno_t cloudabi_sys_clock_time_get(
	cloudabi_clockid_t clock_id,
	cloudabi_timestamp_t precision,
	cloudabi_timestamp_t *time
);

/**
 * Wakes threads that wait on a userspace condition variable.
 *
 * When a call wakes every waiting thread, the condition variable is set
 * to CLOUDABI_CONDVAR_HAS_NO_WAITERS. While it holds that value, there is no
 * need to make this system call.
 *
 * @param condvar
 *     Userspace condition variable on which threads are
 *     waiting.
 * @param scope
 *     Tells whether the condition variable lives in private
 *     or shared memory.
 * @param nwaiters
 *     How many threads to wake. If this is larger than the
 *     number of waiters, every waiting thread is woken.
 */
cloudabi_errno_t cloudabi_sys_condvar_signal(
	cloudabi_condvar_t __user *condvar,
	cloudabi_scope_t scope,
	cloudabi_nthreads_t nwaiters
);

/**
 * Releases a file descriptor.
 *
 * @param fd
 *     File descriptor to close.
 */
cloudabi_errno_t cloudabi_sys_fd_close(cloudabi_fd_t fd);

/**
 * Allocates a new file descriptor of a given kind.
 *
 * @param type
 *     - CLOUDABI_FILETYPE_SHARED_MEMORY: Makes a shared memory object with no name.
 * @param[out] fd
 *     Newly created file descriptor.
 */
cloudabi_errno_t cloudabi_sys_fd_create1(
	cloudabi_filetype_t type,
	cloudabi_fd_t *fd
);

/**
 * Allocates a connected pair of file descriptors.
 *
 * @param type
 *     - CLOUDABI_FILETYPE_SOCKET_DGRAM: Makes a pair of connected UNIX datagram
 *       sockets.
 *     - CLOUDABI_FILETYPE_SOCKET_STREAM: Makes a pair of connected UNIX stream sockets.
 * @param[out] fd1
 *     First descriptor of the pair.
 * @param[out] fd2
 *     Second descriptor of the pair.
 */
cloudabi_errno_t cloudabi_sys_fd_create2(
	cloudabi_filetype_t type,
	cloudabi_fd_t *fd1,
	cloudabi_fd_t *fd2
);

/**
 * Flushes a file's data to disk.
 *
 * @param fd
 *     Refers to the file whose contents get flushed to disk.
 */
cloudabi_errno_t cloudabi_sys_fd_datasync(cloudabi_fd_t fd);

/**
 * Creates a duplicate of a file descriptor.
 *
 * @param from
 *     File descriptor to duplicate.
 * @param[out] fd
 *     Newly created duplicate.
 */
cloudabi_errno_t cloudabi_sys_fd_dup(cloudabi_fd_t from, cloudabi_fd_t *fd);

/**
 * Atomically overwrites one file descriptor with a copy of another.
 *
 * Because this environment is designed around thread safety, it offers
 * no way to duplicate a file descriptor onto a chosen number, as dup2()
 * does. Such an operation would be racy: another thread could be handed
 * a file descriptor with that very number at the same moment.
 *
 * This system call instead offers atomic replacement of file
 * descriptors, a capability that would otherwise be lost if dup2() were
 * dropped altogether.
 *
 * @param from
 *     File descriptor to copy.
 * @param to
 *     File descriptor to overwrite.
 */
cloudabi_errno_t cloudabi_sys_fd_replace(cloudabi_fd_t from, cloudabi_fd_t to);

/**
 * Changes the offset of a file descriptor.
 *
 * @param fd
 *     File descriptor whose offset is changed.
 * @param offset
 *     Number of bytes by which to move the offset.
 * @param whence
 *     Reference position for the move.
 * @param[out] newoffset
 *     Resulting offset of the file descriptor, measured from
 *     the start of the file.
 */
cloudabi_errno_t cloudabi_sys_fd_seek(
	cloudabi_fd_t fd,
	cloudabi_filedelta_t offset,
	cloudabi_whence_t whence,
	cloudabi_filesize_t *newoffset
);

/**
 * Retrieves the attributes of a file descriptor.
 *
 * @param fd
 *     File descriptor whose attributes are retrieved.
 * @param buf
 *     Buffer that receives the attributes of the file
 *     descriptor.
 */
cloudabi_errno_t cloudabi_sys_fd_stat_get(
	cloudabi_fd_t fd,
	cloudabi_fdstat_t __user *buf
);

/**
 * Changes attributes of a file descriptor.
 *
 * @param fd
 *     File descriptor whose attributes are changed.
 * @param buf
 *     New values for the attributes that are changed.
 * @param flags
 *     Bitmask selecting the attributes to change.
 */
cloudabi_errno_t cloudabi_sys_fd_stat_put(
	cloudabi_fd_t fd,
	const cloudabi_fdstat_t __user *buf,
	cloudabi_fdsflags_t flags
);

/**
 * Flushes a file's data and metadata to disk.
 *
 * @param fd
 *     Refers to the file whose contents and metadata get
 *     flushed to disk.
 */
cloudabi_errno_t cloudabi_sys_fd_sync(cloudabi_fd_t fd);

/**
 * Gives the system advice about how the data of a file descriptor will
 * be accessed.
 *
 * @param fd
 *     File descriptor the advice is about.
 * @param offset
 *     Start of the file region the advice covers.
 * @param len
 *     Length of the file region the advice covers.
 * @param advice
 *     The advice being given.
 */
cloudabi_errno_t cloudabi_sys_file_advise(
	cloudabi_fd_t fd,
	cloudabi_filesize_t offset,
	cloudabi_filesize_t len,
	cloudabi_advice_t advice
);

/**
 * Makes sure space is allocated for a region of a file.
 *
 * @param fd
 *     File in which space is allocated.
 * @param offset
 *     Position where the allocation begins.
 * @param len
 *     Size of the region to allocate.
 */
cloudabi_errno_t cloudabi_sys_file_allocate(
	cloudabi_fd_t fd,
	cloudabi_filesize_t offset,
	cloudabi_filesize_t len
);

/**
 * Creates a file of a given type.
 *
 * @param fd
 *     Directory from which resolution of the new file's path
 *     begins.
 * @param path, path_len
 *     Path where the new file is created.
 * @param type
 *     - CLOUDABI_FILETYPE_DIRECTORY: Makes a directory.
 */
cloudabi_errno_t cloudabi_sys_file_create(
	cloudabi_fd_t fd,
	const char __user *path,
	size_t path_len,
	cloudabi_filetype_t type
);

/**
 * Makes a hard link.
 *
 * @param fd1
 *     Directory from which resolution of the source path
 *     begins.
 * @param path1, path1_len
 *     Path of the existing file to link to.
 * @param fd2
 *     Directory from which resolution of the destination
 *     path begins.
 * @param path2, path2_len
 *     Path where the new hard link is placed.
 */
cloudabi_errno_t cloudabi_sys_file_link(
	cloudabi_lookup_t fd1,
	const char __user *path1,
	size_t path1_len,
	cloudabi_fd_t fd2,
	const char __user *path2,
	size_t path2_len
);

/**
 * Opens a file and returns a file descriptor for it.
 *
 * @param dirfd
 *     Directory from which resolution of the path to open
 *     begins.
 * @param path, path_len
 *     Path of the file to open.
 * @param oflags
 *     How the file is to be opened.
 * @param fds
 *     The initial rights of the new file descriptor come
 *     from cloudabi_fdstat_t::fs_rights_base and
 *     cloudabi_fdstat_t::fs_rights_inheriting. The operating system
 *     may hand out fewer rights than requested, but only by
 *     dropping rights that have no meaning for the type of
 *     file opened.
 *
 *     The descriptor starts out with the flags found in
 *     cloudabi_fdstat_t::fs_flags.
 *
 *     The value of cloudabi_fdstat_t::fs_filetype does not matter.
 * @param[out] fd
 *     File descriptor of the opened file.
 */
cloudabi_errno_t cloudabi_sys_file_open(
	cloudabi_lookup_t dirfd,
	const char __user *path,
	size_t path_len,
	cloudabi_oflags_t oflags,
	const cloudabi_fdstat_t __user *fds,
	cloudabi_fd_t *fd
);

/**
 * Reads entries from a directory.
 *
 * On success, the output buffer holds a series of directory entries.
 * Every entry is a cloudabi_dirent_t object, immediately followed by
 * cloudabi_dirent_t::d_namlen bytes containing the entry's name.
 *
 * The output buffer is filled as far as it will go, which may cut the
 * final entry short. This lets the caller enlarge its buffer when a
 * single big entry does not fit, or alternatively skip that entry.
 *
 * @param fd
 *     Directory to read entries from.
 * @param buf, buf_len
 *     Buffer that receives the directory entries.
 * @param cookie
 *     Position in the directory where reading begins.
 * @param[out] bufused
 *     How many bytes were written into the buffer. A value
 *     below the buffer size means the end of the directory
 *     was reached.
 */
cloudabi_errno_t cloudabi_sys_file_readdir(
	cloudabi_fd_t fd,
	void __user *buf,
	size_t buf_len,
	cloudabi_dircookie_t cookie,
	size_t *bufused
);

/**
 * Reads the target stored in a symbolic link.
 *
 * @param fd
 *     Directory from which resolution of the symbolic link's
 *     path begins.
 * @param path, path_len
 *     Path of the symbolic link to read.
 * @param buf, buf_len
 *     Buffer that receives the symbolic link's contents.
 * @param[out] bufused
 *     How many bytes were written into the buffer.
 */
cloudabi_errno_t cloudabi_sys_file_readlink(
	cloudabi_fd_t fd,
	const char __user *path,
	size_t path_len,
	char __user *buf,
	size_t buf_len,
	size_t *bufused
);

/**
 * Moves a file to a new name.
 *
 * @param fd1
 *     Directory from which resolution of the source path
 *     begins.
 * @param path1, path1_len
 *     Current path of the file to rename.
 * @param fd2
 *     Directory from which resolution of the destination
 *     path begins.
 * @param path2, path2_len
 *     New path for the file.
 */
cloudabi_errno_t cloudabi_sys_file_rename(
	cloudabi_fd_t fd1,
	const char __user *path1,
	size_t path1_len,
	cloudabi_fd_t fd2,
	const char __user *path2,
	size_t path2_len
);

/**
 * Retrieves the attributes of a file, given a file descriptor.
 *
 * @param fd
 *     File descriptor whose file attributes are retrieved.
 * @param buf
 *     Buffer that receives the file's attributes.
 */
cloudabi_errno_t cloudabi_sys_file_stat_fget(
	cloudabi_fd_t fd,
	cloudabi_filestat_t __user *buf
);

/**
 * Changes attributes of a file, given a file descriptor.
 *
 * @param fd
 *     File descriptor whose file attributes are changed.
 * @param buf
 *     New values for the file attributes that are changed.
 * @param flags
 *     Bitmask selecting the attributes to change.
 */
cloudabi_errno_t cloudabi_sys_file_stat_fput(
	cloudabi_fd_t fd,
	const cloudabi_filestat_t __user *buf,
	cloudabi_fsflags_t flags
);

/**
 * Retrieves the attributes of a file, given a path.
 *
 * @param fd
 *     Directory from which resolution of the path of the
 *     file to inspect begins.
 * @param path, path_len
 *     Path of the file whose attributes are retrieved.
 * @param buf
 *     Buffer that receives the file's attributes.
 */
cloudabi_errno_t cloudabi_sys_file_stat_get(
	cloudabi_lookup_t fd,
	const char __user *path,
	size_t path_len,
	cloudabi_filestat_t __user *buf
);

/**
 * Changes attributes of a file, given a path.
 *
 * @param fd
 *     Directory from which resolution of the path of the
 *     file to modify begins.
 * @param path, path_len
 *     Path of the file whose attributes are changed.
 * @param buf
 *     New values for the file attributes that are changed.
 * @param flags
 *     Bitmask selecting the attributes to change.
 */
cloudabi_errno_t cloudabi_sys_file_stat_put(
	cloudabi_lookup_t fd,
	const char __user *path,
	size_t path_len,
	const cloudabi_filestat_t __user *buf,
	cloudabi_fsflags_t flags
);

/**
 * Makes a symbolic link.
 *
 * @param path1, path1_len
 *     Target text to store in the symbolic link.
 * @param fd
 *     Directory from which resolution of the destination
 *     path begins.
 * @param path2, path2_len
 *     Path where the new symbolic link is placed.
 */
cloudabi_errno_t cloudabi_sys_file_symlink(
	const char __user *path1,
	size_t path1_len,
	cloudabi_fd_t fd,
	const char __user *path2,
	size_t path2_len
);

/**
 * Removes a directory, or unlinks a file.
 *
 * @param fd
 *     Directory from which resolution of the path begins.
 * @param path, path_len
 *     Path of the file or directory to remove.
 * @param flags
 *     - CLOUDABI_UNLINK_REMOVEDIR: When set, tries to remove a directory. When
 *       clear, unlinks a non-directory file.
 */
cloudabi_errno_t cloudabi_sys_file_unlink(
	cloudabi_fd_t fd,
	const char __user *path,
	size_t path_len,
	cloudabi_ulflags_t flags
);

/**
 * Releases a userspace lock held for writing.
 *
 * When a userspace lock has its CLOUDABI_LOCK_KERNEL_MANAGED flag set, it
 * cannot simply be released in userspace. This system call must be used
 * instead, so that threads waiting on the lock get woken.
 *
 * To avoid needless calls, the lock has to be held for writing. This
 * stops other threads from taking new read locks while the call runs. A
 * thread holding the lock for reading must upgrade it to a write lock
 * first.
 *
 * @param lock
 *     Userspace lock that the calling thread holds for
 *     writing.
 * @param scope
 *     Tells whether the lock lives in private or shared
 *     memory.
 */
cloudabi_errno_t cloudabi_sys_lock_unlock(
	cloudabi_lock_t __user *lock,
	cloudabi_scope_t scope
);

/**
 * Gives the system advice about how a region of memory will be used.
 *
 * @param mapping, mapping_len
 *     Pages the advice is about.
 * @param advice
 *     The advice being given.
 */
cloudabi_errno_t cloudabi_sys_mem_advise(
	void __user *mapping,
	size_t mapping_len,
	cloudabi_advice_t advice
);

/**
 * Sets up a memory mapping through which a file's contents can be
 * accessed.
 *
 * @param addr
 *     When CLOUDABI_MAP_FIXED is set, the address at which the
 *     file region is mapped. When it is not set, the system
 *     picks an unused location.
 * @param len
 *     Size of the mapping to create.
 * @param prot
 *     Protection options the mapping starts with.
 * @param flags
 *     Flags for the mapping.
 * @param fd
 *     Must be CLOUDABI_MAP_ANON_FD when CLOUDABI_MAP_ANON is set.
 *     Otherwise, the file whose contents are mapped.
 * @param off
 *     Must be zero when CLOUDABI_MAP_ANON is set. Otherwise, the
 *     position in the file where the mapping begins.
 * @param[out] mem
 *     Address at which the mapping begins.
 */
cloudabi_errno_t cloudabi_sys_mem_map(
	void __user *addr,
	size_t len,
	cloudabi_mprot_t prot,
	cloudabi_mflags_t flags,
	cloudabi_fd_t fd,
	cloudabi_filesize_t off,
	void __user **mem
);

/**
 * Alters the access protection of mapped memory.
 *
 * @param mapping, mapping_len
 *     Pages whose protection is altered.
 * @param prot
 *     Protection options to apply.
 */
cloudabi_errno_t cloudabi_sys_mem_protect(
	void __user *mapping,
	size_t mapping_len,
	cloudabi_mprot_t prot
);

/**
 * Flushes a region of memory to the storage backing it.
 *
 * @param mapping, mapping_len
 *     Pages to flush.
 * @param flags
 *     How the flush is performed.
 */
cloudabi_errno_t cloudabi_sys_mem_sync(
	void __user *mapping,
	size_t mapping_len,
	cloudabi_msflags_t flags
);

/**
 * Removes the mapping of a region of memory.
 *
 * @param mapping, mapping_len
 *     Pages to unmap.
 */
cloudabi_errno_t cloudabi_sys_mem_unmap(
	void __user *mapping,
	size_t mapping_len
);

/**
 * Replaces the current process with a new executable.
 *
 * Compared to POSIX, CloudABI executes programs differently in two
 * respects: how arguments are passed and how file descriptors are
 * inherited.
 *
 * Instead of string command line arguments, CloudABI copies a buffer of
 * binary data into the new executable's address space. The kernel
 * imposes no structure on that data; CloudABI's C library, however, uses
 * it to hold a tree structure with the same semantics as YAML.
 *
 * Because of the emphasis on thread safety, file descriptors are not
 * inherited based on close-on-exec flags. The caller instead passes an
 * explicit list of the file descriptors to keep. In the new executable
 * they are numbered in the order in which they appear in that list.
 * Besides making execution deterministic, this avoids leaking
 * information about the file descriptor layout of the original process.
 *
 * @param fd
 *     Executable file to run, given as a file descriptor.
 * @param data, data_len
 *     Binary argument data handed to the new executable.
 * @param fds, fds_len
 *     File descriptor table layout the new executable starts
 *     with.
 */
cloudabi_errno_t cloudabi_sys_proc_exec(
	cloudabi_fd_t fd,
	const void __user *data,
	size_t data_len,
	const cloudabi_fd_t __user *fds,
	size_t fds_len
);

/**
 * Ends the process normally.
 *
 * @param rval
 *     Exit code of the process. Other processes can retrieve
 *     it via cloudabi_event_t::proc_terminate.exitcode.
 */
void cloudabi_sys_proc_exit(cloudabi_exitcode_t rval);

/**
 * Forks the process the calling thread belongs to.
 *
 * The fork creates a new process that contains a copy of only the
 * calling thread. The parent receives a process descriptor; closing it
 * sends CLOUDABI_SIGKILL to the child automatically.
 *
 * @param[out] fd
 *     In the parent: the number of the file descriptor that
 *     refers to the process descriptor.
 *
 *     In the child: CLOUDABI_PROCESS_CHILD.
 * @param[out] tid
 *     In the parent: undefined.
 *
 *     In the child: the ID of the child process's first
 *     thread.
 */
cloudabi_errno_t cloudabi_sys_proc_fork(cloudabi_fd_t *fd, cloudabi_tid_t *tid);

/**
 * Raises a signal in the process that the calling thread belongs to.
 *
 * @param sig
 *     Signal condition to trigger. When it makes the process
 *     terminate, other processes can retrieve the condition
 *     via cloudabi_event_t::proc_terminate.signal.
 */
cloudabi_errno_t cloudabi_sys_proc_raise(cloudabi_signal_t sig);

/**
 * Fills a buffer with random data from the kernel's random number
 * generator.
 *
 * This interface may be slow, so it is best used to seed a userspace
 * pseudo-random number generator rather than as a direct source of
 * randomness.
 *
 * @param buf, buf_len
 *     Buffer to fill with random data.
 */
cloudabi_errno_t cloudabi_sys_random_get(void __user *buf, size_t buf_len);

/**
 * Closes the send and/or receive channels of a socket.
 *
 * @param sock
 *     Socket whose channels are shut down.
 * @param how
 *     Which of the socket's channels to shut down.
 */
cloudabi_errno_t cloudabi_sys_sock_shutdown(
	cloudabi_fd_t sock,
	cloudabi_sdflags_t how
);

/**
 * Ends the calling thread.
 *
 * After the thread has terminated, this system call can also release one
 * userspace lock, which makes it possible to implement thread joining.
 *
 * @param lock
 *     Userspace lock that the calling thread holds for
 *     writing.
 * @param scope
 *     Tells whether the lock lives in private or shared
 *     memory.
 */
void cloudabi_sys_thread_exit(
	cloudabi_lock_t __user *lock,
	cloudabi_scope_t scope
);

/** Makes the calling thread temporarily give up its turn to run. */
cloudabi_errno_t cloudabi_sys_thread_yield(void);

#endif /* LINUX_CLOUDABI_SYSCALLS_H */
