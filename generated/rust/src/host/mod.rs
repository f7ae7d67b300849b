// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! The host side of the ABI, for emulators and kernels written in Rust.
//!
//! An implementation of [`Syscalls`] serves the system calls of a guest whose memory is
//! part of this process. The guest calls the C-ABI functions of [`raw`] (exported to it,
//! for example through a vDSO built from [`entry_points`]); each decodes its arguments,
//! calls the matching trait method and writes the outputs back.
//!
//! # The trait
//!
//! - One method per system call. Integers, flag sets, opaque and alias types arrive as
//!   their own types. Enums arrive decoded: an unknown value is answered with
//!   [`errno::INVAL`](crate::errno::INVAL) before the method is called.
//! - A `crange`/`range` parameter arrives as `&[T]` / `&mut [T]` (`&[u8]` / `&mut [u8]` for
//!   untyped memory), except the address ranges of the `mem_*` calls, which arrive as
//!   `*mut [u8]`: they name mappings to change, and a reference could dangle during the
//!   call that unmaps them.
//! - A `cptr T` parameter arrives as `&T`. A structure with enum fields arrives as
//!   [`Fields<T>`] instead, whose accessors read and decode one field each (an enum field as
//!   an `Option`): a call reads only the fields it uses, as a kernel does, and a caller may
//!   leave the others uninitialised. A `ptr T` parameter arrives as
//!   `&mut MaybeUninit<T>`: most are buffers the call fills (write them with
//!   [`MaybeUninit::write`]); [`Syscalls::thread_create`]'s attributes are read with
//!   `as_ptr().read()` once [`validate::threadattr`] accepted them.
//! - `poll`'s subscriptions and events arrive as slices of `nsubscriptions` elements.
//! - Pointers to atomics (locks, condition variables) stay raw pointers: other guest
//!   threads use them at the same time, and `thread_exit`'s lock may be freed by another
//!   thread before the call returns. Use them through `core::sync::atomic`.
//! - Results are `Result<T, crate::errno>`: `T` is `()`, the single output, or a tuple of the
//!   outputs. `proc_exit` and `thread_exit` return `!`.
//! - Every method must be implemented: there are no default bodies, so a system call added
//!   to the spec breaks the build of every implementation until it serves the call.
//!
//! # Checks before a call
//!
//! Every pointer and length is checked before it becomes a slice or reference: a null
//! pointer or a range that wraps around the address space gives [`errno::FAULT`](crate::errno::FAULT), a pointer
//! misaligned for its type gives [`errno::INVAL`](crate::errno::INVAL), and then
//! [`Syscalls::check_guest_memory`] is asked, so an implementation can confine the guest to
//! its own memory. Empty ranges are accepted with any pointer. Output pointers are checked
//! before the call, so a call with a bad output pointer has no effect.
//!
//! A call that reads one guest buffer and writes another (`file_readlink`'s path and buffer,
//! `poll`'s subscriptions and events) never hands out a `&[T]` and a `&mut [T]` to the same
//! bytes: when the memory it reads overlaps memory it writes, the method receives a copy of
//! the input taken before the call, as a kernel copies arguments in before it works. Two
//! overlapping buffers that the call both writes are refused with
//! [`errno::INVAL`](crate::errno::INVAL).
//!
//! # Observing calls
//!
//! When [`Syscalls::observed`] returns true, each call is decoded by [`trace`] into a
//! [`trace::Call`] (enum values and flags by name: `EBADF`, `RIGHT_FD_READ|RIGHT_FD_WRITE`)
//! and passed to [`Syscalls::before`], which may make it fail without running (failure
//! injection), then with its decoded result to [`Syscalls::after`]. Both print as
//! `fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.
//!
//! # The current implementation
//!
//! The entry points are plain C functions without a context argument, so they find the
//! implementation through [`Syscalls::with_current`], which an implementation provides,
//! for example with a `thread_local!` holding the guest thread's state.

pub mod raw;
pub mod trace;
pub mod validate;

pub use self::raw::entry_points;

use core::mem::{align_of, size_of, MaybeUninit};

/// The system calls, as an emulator implements them. See the [module docs](self).
pub trait Syscalls: Sized {
    /// Runs `f` with the implementation serving the calling thread.
    fn with_current<R>(f: impl FnOnce(&mut Self) -> R) -> R;

    /// Whether the guest may access `len` bytes at `addr` (for writing when
    /// `writable`). Called for every non-empty pointer and range before it is
    /// used; the default accepts everything that passed the null, wrap-around and
    /// alignment checks.
    fn check_guest_memory(
        &mut self,
        addr: usize,
        len: usize,
        writable: bool,
    ) -> Result<(), crate::errno> {
        let _ = (addr, len, writable);
        Ok(())
    }

    /// Whether calls are observed: passed to [`Syscalls::before`] and
    /// [`Syscalls::after`] with their decoded arguments (for tracers and failure
    /// injection). Asked once per call; an unobserved call runs no observation
    /// code at all.
    fn observed(&self) -> bool {
        false
    }

    /// An observed call whose arguments passed their checks, before it runs.
    /// `Some(e)` makes it fail with `e` without running: nothing is written to the
    /// guest. Ignored for calls that do not return (`proc_exit`, `thread_exit`),
    /// which are only reported here.
    fn before(&mut self, call: &trace::Call) -> Option<crate::errno> {
        let _ = call;
        None
    }

    /// An observed call's outcome, decoded. A call whose arguments failed their
    /// checks comes here with `call.checked` false, without [`Syscalls::before`].
    fn after(&mut self, call: trace::Call, result: Result<trace::Value, crate::errno>) {
        let _ = (call, result);
    }

    /// Called when the arguments of a call that cannot return an error
    /// (`proc_exit`, `thread_exit`) fail their checks. The default aborts.
    fn noreturn_failed(&mut self, syscall: &'static str, error: crate::errno) -> ! {
        let _ = (syscall, error);
        std::process::abort()
    }

    /// Returns the resolution of a clock.
    ///
    /// # Parameters
    ///
    /// - `clock_id`: Clock whose resolution is requested.
    ///
    /// # Outputs
    ///
    /// - `resolution`: Resolution of the clock.
    fn clock_res_get(&mut self, clock_id: crate::clockid)
        -> Result<crate::timestamp, crate::errno>;

    /// Returns the current time value of a clock.
    ///
    /// # Parameters
    ///
    /// - `clock_id`: Clock whose time is requested.
    /// - `precision`: Maximum lag (exclusive) the returned value is allowed
    ///   to have relative to the real value.
    ///
    /// # Outputs
    ///
    /// - `time`: Time value of the clock.
    fn clock_time_get(
        &mut self,
        clock_id: crate::clockid,
        precision: crate::timestamp,
    ) -> Result<crate::timestamp, crate::errno>;

    /// Wakes threads that wait on a userspace condition variable.
    ///
    /// When a call wakes every waiting thread, the condition variable is set
    /// to [`CONDVAR_HAS_NO_WAITERS`](crate::CONDVAR_HAS_NO_WAITERS). While it holds that value, there is no
    /// need to make this system call.
    ///
    /// # Parameters
    ///
    /// - `condvar`: Userspace condition variable on which threads are
    ///   waiting.
    /// - `scope`: Tells whether the condition variable lives in private
    ///   or shared memory.
    /// - `nwaiters`: How many threads to wake. If this is larger than the
    ///   number of waiters, every waiting thread is woken.
    fn condvar_signal(
        &mut self,
        condvar: *mut crate::condvar,
        scope: crate::scope,
        nwaiters: crate::nthreads,
    ) -> Result<(), crate::errno>;

    /// Releases a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor to close.
    fn fd_close(&mut self, fd: crate::fd) -> Result<(), crate::errno>;

    /// Allocates a new file descriptor of a given kind.
    ///
    /// # Parameters
    ///
    /// - `r#type`:
    ///   Possible values:
    ///
    ///   - [`filetype::SHARED_MEMORY`](crate::filetype::SHARED_MEMORY): Makes a shared memory object with no name.
    ///
    /// # Outputs
    ///
    /// - `fd`: Newly created file descriptor.
    fn fd_create1(&mut self, r#type: crate::filetype) -> Result<crate::fd, crate::errno>;

    /// Allocates a connected pair of file descriptors.
    ///
    /// # Parameters
    ///
    /// - `r#type`:
    ///   Possible values:
    ///
    ///   - [`filetype::SOCKET_DGRAM`](crate::filetype::SOCKET_DGRAM): Makes a pair of connected UNIX datagram
    ///     sockets.
    ///   - [`filetype::SOCKET_STREAM`](crate::filetype::SOCKET_STREAM): Makes a pair of connected UNIX stream sockets.
    ///
    /// # Outputs
    ///
    /// - `fd1`: First descriptor of the pair.
    /// - `fd2`: Second descriptor of the pair.
    fn fd_create2(
        &mut self,
        r#type: crate::filetype,
    ) -> Result<(crate::fd, crate::fd), crate::errno>;

    /// Flushes a file's data to disk.
    ///
    /// # Parameters
    ///
    /// - `fd`: Refers to the file whose contents get flushed to disk.
    fn fd_datasync(&mut self, fd: crate::fd) -> Result<(), crate::errno>;

    /// Creates a duplicate of a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `from`: File descriptor to duplicate.
    ///
    /// # Outputs
    ///
    /// - `fd`: Newly created duplicate.
    fn fd_dup(&mut self, from: crate::fd) -> Result<crate::fd, crate::errno>;

    /// Reads from a file descriptor at a given offset, leaving the
    /// descriptor's own offset unused and unchanged.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor to read from.
    /// - `iovs`: Scatter/gather vectors that receive the data.
    /// - `offset`: Position in the file where the read begins.
    ///
    /// # Outputs
    ///
    /// - `nread`: How many bytes were read.
    fn fd_pread(
        &mut self,
        fd: crate::fd,
        iovs: &[crate::iovec],
        offset: crate::filesize,
    ) -> Result<usize, crate::errno>;

    /// Writes to a file descriptor at a given offset, leaving the
    /// descriptor's own offset unused and unchanged.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor to write to.
    /// - `iovs`: Scatter/gather vectors holding the data to write.
    /// - `offset`: Position in the file where the write begins.
    ///
    /// # Outputs
    ///
    /// - `nwritten`: How many bytes were written.
    fn fd_pwrite(
        &mut self,
        fd: crate::fd,
        iovs: &[crate::ciovec],
        offset: crate::filesize,
    ) -> Result<usize, crate::errno>;

    /// Reads data from a file descriptor at its current offset.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor to read from.
    /// - `iovs`: Scatter/gather vectors that receive the data.
    ///
    /// # Outputs
    ///
    /// - `nread`: How many bytes were read.
    fn fd_read(&mut self, fd: crate::fd, iovs: &[crate::iovec]) -> Result<usize, crate::errno>;

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
    /// - `from`: File descriptor to copy.
    /// - `to`: File descriptor to overwrite.
    fn fd_replace(&mut self, from: crate::fd, to: crate::fd) -> Result<(), crate::errno>;

    /// Changes the offset of a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor whose offset is changed.
    /// - `offset`: Number of bytes by which to move the offset.
    /// - `whence`: Reference position for the move.
    ///
    /// # Outputs
    ///
    /// - `newoffset`: Resulting offset of the file descriptor, measured from
    ///   the start of the file.
    fn fd_seek(
        &mut self,
        fd: crate::fd,
        offset: crate::filedelta,
        whence: crate::whence,
    ) -> Result<crate::filesize, crate::errno>;

    /// Retrieves the attributes of a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor whose attributes are retrieved.
    /// - `buf`: Buffer that receives the attributes of the file
    ///   descriptor.
    fn fd_stat_get(
        &mut self,
        fd: crate::fd,
        buf: &mut core::mem::MaybeUninit<crate::fdstat>,
    ) -> Result<(), crate::errno>;

    /// Changes attributes of a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor whose attributes are changed.
    /// - `buf`: New values for the attributes that are changed.
    /// - `flags`: Bitmask selecting the attributes to change.
    fn fd_stat_put(
        &mut self,
        fd: crate::fd,
        buf: crate::host::Fields<'_, crate::fdstat>,
        flags: crate::fdsflags,
    ) -> Result<(), crate::errno>;

    /// Flushes a file's data and metadata to disk.
    ///
    /// # Parameters
    ///
    /// - `fd`: Refers to the file whose contents and metadata get
    ///   flushed to disk.
    fn fd_sync(&mut self, fd: crate::fd) -> Result<(), crate::errno>;

    /// Writes data to a file descriptor at its current offset.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor to write to.
    /// - `iovs`: Scatter/gather vectors holding the data to write.
    ///
    /// # Outputs
    ///
    /// - `nwritten`: How many bytes were written.
    fn fd_write(&mut self, fd: crate::fd, iovs: &[crate::ciovec]) -> Result<usize, crate::errno>;

    /// Gives the system advice about how the data of a file descriptor will
    /// be accessed.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor the advice is about.
    /// - `offset`: Start of the file region the advice covers.
    /// - `len`: Length of the file region the advice covers.
    /// - `advice`: The advice being given.
    fn file_advise(
        &mut self,
        fd: crate::fd,
        offset: crate::filesize,
        len: crate::filesize,
        advice: crate::advice,
    ) -> Result<(), crate::errno>;

    /// Makes sure space is allocated for a region of a file.
    ///
    /// # Parameters
    ///
    /// - `fd`: File in which space is allocated.
    /// - `offset`: Position where the allocation begins.
    /// - `len`: Size of the region to allocate.
    fn file_allocate(
        &mut self,
        fd: crate::fd,
        offset: crate::filesize,
        len: crate::filesize,
    ) -> Result<(), crate::errno>;

    /// Creates a file of a given type.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory from which resolution of the new file's path
    ///   begins.
    /// - `path`: Path where the new file is created.
    /// - `r#type`:
    ///   Possible values:
    ///
    ///   - [`filetype::DIRECTORY`](crate::filetype::DIRECTORY): Makes a directory.
    fn file_create(
        &mut self,
        fd: crate::fd,
        path: &[u8],
        r#type: crate::filetype,
    ) -> Result<(), crate::errno>;

    /// Makes a hard link.
    ///
    /// # Parameters
    ///
    /// - `fd1`: Directory from which resolution of the source path
    ///   begins.
    /// - `path1`: Path of the existing file to link to.
    /// - `fd2`: Directory from which resolution of the destination
    ///   path begins.
    /// - `path2`: Path where the new hard link is placed.
    fn file_link(
        &mut self,
        fd1: crate::lookup,
        path1: &[u8],
        fd2: crate::fd,
        path2: &[u8],
    ) -> Result<(), crate::errno>;

    /// Opens a file and returns a file descriptor for it.
    ///
    /// # Parameters
    ///
    /// - `dirfd`: Directory from which resolution of the path to open
    ///   begins.
    /// - `path`: Path of the file to open.
    /// - `oflags`: How the file is to be opened.
    /// - `fds`: The initial rights of the new file descriptor come
    ///   from [`fdstat::fs_rights_base`](crate::fdstat::fs_rights_base) and
    ///   [`fdstat::fs_rights_inheriting`](crate::fdstat::fs_rights_inheriting). The operating system
    ///   may hand out fewer rights than requested, but only by
    ///   dropping rights that have no meaning for the type of
    ///   file opened.
    ///
    ///   The descriptor starts out with the flags found in
    ///   [`fdstat::fs_flags`](crate::fdstat::fs_flags).
    ///
    ///   The value of [`fdstat::fs_filetype`](crate::fdstat::fs_filetype) does not matter.
    ///
    /// # Outputs
    ///
    /// - `fd`: File descriptor of the opened file.
    fn file_open(
        &mut self,
        dirfd: crate::lookup,
        path: &[u8],
        oflags: crate::oflags,
        fds: crate::host::Fields<'_, crate::fdstat>,
    ) -> Result<crate::fd, crate::errno>;

    /// Reads entries from a directory.
    ///
    /// On success, the output buffer holds a series of directory entries.
    /// Every entry is a [`dirent`](crate::dirent) object, immediately followed by
    /// [`dirent::d_namlen`](crate::dirent::d_namlen) bytes containing the entry's name.
    ///
    /// The output buffer is filled as far as it will go, which may cut the
    /// final entry short. This lets the caller enlarge its buffer when a
    /// single big entry does not fit, or alternatively skip that entry.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory to read entries from.
    /// - `buf`: Buffer that receives the directory entries.
    /// - `cookie`: Position in the directory where reading begins.
    ///
    /// # Outputs
    ///
    /// - `bufused`: How many bytes were written into the buffer. A value
    ///   below the buffer size means the end of the directory
    ///   was reached.
    fn file_readdir(
        &mut self,
        fd: crate::fd,
        buf: &mut [u8],
        cookie: crate::dircookie,
    ) -> Result<usize, crate::errno>;

    /// Reads the target stored in a symbolic link.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory from which resolution of the symbolic link's
    ///   path begins.
    /// - `path`: Path of the symbolic link to read.
    /// - `buf`: Buffer that receives the symbolic link's contents.
    ///
    /// # Outputs
    ///
    /// - `bufused`: How many bytes were written into the buffer.
    fn file_readlink(
        &mut self,
        fd: crate::fd,
        path: &[u8],
        buf: &mut [u8],
    ) -> Result<usize, crate::errno>;

    /// Moves a file to a new name.
    ///
    /// # Parameters
    ///
    /// - `fd1`: Directory from which resolution of the source path
    ///   begins.
    /// - `path1`: Current path of the file to rename.
    /// - `fd2`: Directory from which resolution of the destination
    ///   path begins.
    /// - `path2`: New path for the file.
    fn file_rename(
        &mut self,
        fd1: crate::fd,
        path1: &[u8],
        fd2: crate::fd,
        path2: &[u8],
    ) -> Result<(), crate::errno>;

    /// Retrieves the attributes of a file, given a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor whose file attributes are retrieved.
    /// - `buf`: Buffer that receives the file's attributes.
    fn file_stat_fget(
        &mut self,
        fd: crate::fd,
        buf: &mut core::mem::MaybeUninit<crate::filestat>,
    ) -> Result<(), crate::errno>;

    /// Changes attributes of a file, given a file descriptor.
    ///
    /// # Parameters
    ///
    /// - `fd`: File descriptor whose file attributes are changed.
    /// - `buf`: New values for the file attributes that are changed.
    /// - `flags`: Bitmask selecting the attributes to change.
    fn file_stat_fput(
        &mut self,
        fd: crate::fd,
        buf: crate::host::Fields<'_, crate::filestat>,
        flags: crate::fsflags,
    ) -> Result<(), crate::errno>;

    /// Retrieves the attributes of a file, given a path.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory from which resolution of the path of the
    ///   file to inspect begins.
    /// - `path`: Path of the file whose attributes are retrieved.
    /// - `buf`: Buffer that receives the file's attributes.
    fn file_stat_get(
        &mut self,
        fd: crate::lookup,
        path: &[u8],
        buf: &mut core::mem::MaybeUninit<crate::filestat>,
    ) -> Result<(), crate::errno>;

    /// Changes attributes of a file, given a path.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory from which resolution of the path of the
    ///   file to modify begins.
    /// - `path`: Path of the file whose attributes are changed.
    /// - `buf`: New values for the file attributes that are changed.
    /// - `flags`: Bitmask selecting the attributes to change.
    fn file_stat_put(
        &mut self,
        fd: crate::lookup,
        path: &[u8],
        buf: crate::host::Fields<'_, crate::filestat>,
        flags: crate::fsflags,
    ) -> Result<(), crate::errno>;

    /// Makes a symbolic link.
    ///
    /// # Parameters
    ///
    /// - `path1`: Target text to store in the symbolic link.
    /// - `fd`: Directory from which resolution of the destination
    ///   path begins.
    /// - `path2`: Path where the new symbolic link is placed.
    fn file_symlink(
        &mut self,
        path1: &[u8],
        fd: crate::fd,
        path2: &[u8],
    ) -> Result<(), crate::errno>;

    /// Removes a directory, or unlinks a file.
    ///
    /// # Parameters
    ///
    /// - `fd`: Directory from which resolution of the path begins.
    /// - `path`: Path of the file or directory to remove.
    /// - `flags`:
    ///   Possible values:
    ///
    ///   - [`ulflags::REMOVEDIR`](crate::ulflags::REMOVEDIR): When set, tries to remove a directory. When
    ///     clear, unlinks a non-directory file.
    fn file_unlink(
        &mut self,
        fd: crate::fd,
        path: &[u8],
        flags: crate::ulflags,
    ) -> Result<(), crate::errno>;

    /// Releases a userspace lock held for writing.
    ///
    /// When a userspace lock has its [`LOCK_KERNEL_MANAGED`](crate::LOCK_KERNEL_MANAGED) flag set, it
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
    /// - `lock`: Userspace lock that the calling thread holds for
    ///   writing.
    /// - `scope`: Tells whether the lock lives in private or shared
    ///   memory.
    fn lock_unlock(
        &mut self,
        lock: *mut crate::lock,
        scope: crate::scope,
    ) -> Result<(), crate::errno>;

    /// Gives the system advice about how a region of memory will be used.
    ///
    /// # Parameters
    ///
    /// - `mapping`: Pages the advice is about.
    /// - `advice`: The advice being given.
    fn mem_advise(&mut self, mapping: *mut [u8], advice: crate::advice)
        -> Result<(), crate::errno>;

    /// Sets up a memory mapping through which a file's contents can be
    /// accessed.
    ///
    /// # Parameters
    ///
    /// - `addr`: When [`mflags::FIXED`](crate::mflags::FIXED) is set, the address at which the
    ///   file region is mapped. When it is not set, the system
    ///   picks an unused location.
    /// - `len`: Size of the mapping to create.
    /// - `prot`: Protection options the mapping starts with.
    /// - `flags`: Flags for the mapping.
    /// - `fd`: Must be [`MAP_ANON_FD`](crate::MAP_ANON_FD) when [`mflags::ANON`](crate::mflags::ANON) is set.
    ///   Otherwise, the file whose contents are mapped.
    /// - `off`: Must be zero when [`mflags::ANON`](crate::mflags::ANON) is set. Otherwise, the
    ///   position in the file where the mapping begins.
    ///
    /// # Outputs
    ///
    /// - `mem`: Address at which the mapping begins.
    fn mem_map(
        &mut self,
        addr: *mut (),
        len: usize,
        prot: crate::mprot,
        flags: crate::mflags,
        fd: crate::fd,
        off: crate::filesize,
    ) -> Result<*mut (), crate::errno>;

    /// Alters the access protection of mapped memory.
    ///
    /// # Parameters
    ///
    /// - `mapping`: Pages whose protection is altered.
    /// - `prot`: Protection options to apply.
    fn mem_protect(&mut self, mapping: *mut [u8], prot: crate::mprot) -> Result<(), crate::errno>;

    /// Flushes a region of memory to the storage backing it.
    ///
    /// # Parameters
    ///
    /// - `mapping`: Pages to flush.
    /// - `flags`: How the flush is performed.
    fn mem_sync(&mut self, mapping: *mut [u8], flags: crate::msflags) -> Result<(), crate::errno>;

    /// Removes the mapping of a region of memory.
    ///
    /// # Parameters
    ///
    /// - `mapping`: Pages to unmap.
    fn mem_unmap(&mut self, mapping: *mut [u8]) -> Result<(), crate::errno>;

    /// Waits concurrently for any of a set of events to happen.
    ///
    /// # Parameters
    ///
    /// - `r#in`: Subscriptions to wait for.
    /// - `out`: Buffer that receives the events that occurred.
    /// - `nsubscriptions`: Number of subscriptions, which is also the capacity of
    ///   the event buffer.
    ///
    /// # Outputs
    ///
    /// - `nevents`: How many events were written.
    fn poll(
        &mut self,
        r#in: &[crate::subscription],
        out: &mut [core::mem::MaybeUninit<crate::event>],
    ) -> Result<usize, crate::errno>;

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
    /// - `fd`: Executable file to run, given as a file descriptor.
    /// - `data`: Binary argument data handed to the new executable.
    /// - `fds`: File descriptor table layout the new executable starts
    ///   with.
    fn proc_exec(
        &mut self,
        fd: crate::fd,
        data: &[u8],
        fds: &[crate::fd],
    ) -> Result<(), crate::errno>;

    /// Ends the process normally.
    ///
    /// # Parameters
    ///
    /// - `rval`: Exit code of the process. Other processes can retrieve
    ///   it via [`event_proc_terminate::exitcode`](crate::event_proc_terminate::exitcode).
    fn proc_exit(&mut self, rval: crate::exitcode) -> !;

    /// Forks the process the calling thread belongs to.
    ///
    /// The fork creates a new process that contains a copy of only the
    /// calling thread. The parent receives a process descriptor; closing it
    /// sends [`signal::KILL`](crate::signal::KILL) to the child automatically.
    ///
    /// # Outputs
    ///
    /// - `fd`: In the parent: the number of the file descriptor that
    ///   refers to the process descriptor.
    ///
    ///   In the child: [`PROCESS_CHILD`](crate::PROCESS_CHILD).
    /// - `tid`: In the parent: undefined.
    ///
    ///   In the child: the ID of the child process's first
    ///   thread.
    fn proc_fork(&mut self) -> Result<(crate::fd, crate::tid), crate::errno>;

    /// Raises a signal in the process that the calling thread belongs to.
    ///
    /// # Parameters
    ///
    /// - `sig`: Signal condition to trigger. When it makes the process
    ///   terminate, other processes can retrieve the condition
    ///   via [`event_proc_terminate::signal`](crate::event_proc_terminate::signal).
    fn proc_raise(&mut self, sig: crate::signal) -> Result<(), crate::errno>;

    /// Fills a buffer with random data from the kernel's random number
    /// generator.
    ///
    /// This interface may be slow, so it is best used to seed a userspace
    /// pseudo-random number generator rather than as a direct source of
    /// randomness.
    ///
    /// # Parameters
    ///
    /// - `buf`: Buffer to fill with random data.
    fn random_get(&mut self, buf: &mut [u8]) -> Result<(), crate::errno>;

    /// Receives a message from a socket.
    ///
    /// # Parameters
    ///
    /// - `sock`: Socket to receive the message on.
    /// - `r#in`: Input arguments.
    /// - `out`: Output arguments.
    fn sock_recv(
        &mut self,
        sock: crate::fd,
        r#in: &crate::recv_in,
        out: &mut core::mem::MaybeUninit<crate::recv_out>,
    ) -> Result<(), crate::errno>;

    /// Sends a message through a socket.
    ///
    /// # Parameters
    ///
    /// - `sock`: Socket to send the message on.
    /// - `r#in`: Input arguments.
    /// - `out`: Output arguments.
    fn sock_send(
        &mut self,
        sock: crate::fd,
        r#in: &crate::send_in,
        out: &mut core::mem::MaybeUninit<crate::send_out>,
    ) -> Result<(), crate::errno>;

    /// Closes the send and/or receive channels of a socket.
    ///
    /// # Parameters
    ///
    /// - `sock`: Socket whose channels are shut down.
    /// - `how`: Which of the socket's channels to shut down.
    fn sock_shutdown(&mut self, sock: crate::fd, how: crate::sdflags) -> Result<(), crate::errno>;

    /// Starts a new thread in the current process.
    ///
    /// # Parameters
    ///
    /// - `attr`: Attributes for the new thread.
    ///
    /// # Outputs
    ///
    /// - `tid`: ID of the newly created thread.
    fn thread_create(
        &mut self,
        attr: &mut core::mem::MaybeUninit<crate::threadattr>,
    ) -> Result<crate::tid, crate::errno>;

    /// Ends the calling thread.
    ///
    /// After the thread has terminated, this system call can also release one
    /// userspace lock, which makes it possible to implement thread joining.
    ///
    /// # Parameters
    ///
    /// - `lock`: Userspace lock that the calling thread holds for
    ///   writing.
    /// - `scope`: Tells whether the lock lives in private or shared
    ///   memory.
    fn thread_exit(&mut self, lock: *mut crate::lock, scope: crate::scope) -> !;

    /// Makes the calling thread temporarily give up its turn to run.
    fn thread_yield(&mut self) -> Result<(), crate::errno>;
}

/// Checks `count` elements at `ptr`: not null, not wrapping around, aligned, and
/// accepted by [`Syscalls::check_guest_memory`].
///
/// # Safety
///
/// Only performs checks; it is `unsafe` because it is the first half of turning a
/// guest pointer into a reference.
pub unsafe fn check<S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    count: usize,
    writable: bool,
) -> Result<(), crate::errno> {
    let addr = ptr as usize;
    let len = match count.checked_mul(size_of::<T>()) {
        Some(len) if len <= isize::MAX as usize => len,
        _ => return Err(crate::errno::FAULT),
    };
    if addr == 0 || addr.checked_add(len).is_none() {
        return Err(crate::errno::FAULT);
    }
    if addr & (align_of::<T>() - 1) != 0 {
        return Err(crate::errno::INVAL);
    }
    s.check_guest_memory(addr, len, writable)
}

/// A guest range as a slice; empty ranges need no valid pointer.
///
/// # Safety
///
/// The memory must stay valid, and not be written by anyone else, for `'a`.
pub unsafe fn slice<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    len: usize,
) -> Result<&'a [T], crate::errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: `check` found `len` elements at `ptr` in bounds, aligned and not
    // wrapping; the caller keeps them valid and unwritten for `'a`.
    unsafe {
        check(s, ptr, len, false)?;
        Ok(core::slice::from_raw_parts(ptr, len))
    }
}

/// A writable guest range as a slice; empty ranges need no valid pointer.
///
/// # Safety
///
/// The memory must stay valid, and not be accessed by anyone else, for `'a`.
pub unsafe fn slice_mut<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *mut T,
    len: usize,
) -> Result<&'a mut [T], crate::errno> {
    if len == 0 {
        return Ok(&mut []);
    }
    // SAFETY: `check` found `len` writable elements at `ptr` in bounds, aligned and
    // not wrapping; the caller keeps them valid and unaliased for `'a`.
    unsafe {
        check(s, ptr, len, true)?;
        Ok(core::slice::from_raw_parts_mut(ptr, len))
    }
}

/// A guest pointer to one value as a reference.
///
/// # Safety
///
/// As for [`slice()`]; the value must also be valid for `T` (see [`validate`]).
pub unsafe fn reference<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
) -> Result<&'a T, crate::errno> {
    // SAFETY: `check` found the value in bounds and aligned; the caller guarantees
    // it is a valid `T`, kept valid and unwritten for `'a`.
    unsafe {
        check(s, ptr, 1, false)?;
        Ok(&*ptr)
    }
}

/// A structure in guest memory that a call reads field by field: the accessors
/// (generated in [`validate`]) each read and decode one field, so that fields the
/// call does not use may hold anything. [`Fields::checked`] gives the whole value
/// when every field is valid.
pub struct Fields<'a, T> {
    ptr: *const T,
    guest: core::marker::PhantomData<&'a T>,
}

impl<T> Clone for Fields<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fields<'_, T> {}
impl<'a, T> Fields<'a, T> {
    /// # Safety
    ///
    /// `ptr` must be aligned and readable for a whole `T` for `'a` (as [`check`]
    /// makes sure of guest memory).
    pub unsafe fn new(ptr: *const T) -> Self {
        Fields {
            ptr,
            guest: core::marker::PhantomData,
        }
    }

    /// Where the structure is.
    pub fn as_ptr(&self) -> *const T {
        self.ptr
    }
}

impl<'a, T: validate::Valid> Fields<'a, T> {
    /// The whole structure, if every field holds a valid value.
    pub fn checked(&self) -> Option<&'a T> {
        // SAFETY: `new`'s contract makes the whole `T` readable for `'a`, and `valid`
        // accepted its bytes before the reference is made.
        unsafe { T::valid(self.ptr).then(|| &*self.ptr) }
    }
}

/// A guest pointer to a structure read field by field.
///
/// # Safety
///
/// As for [`slice()`].
pub unsafe fn fields<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
) -> Result<Fields<'a, T>, crate::errno> {
    // SAFETY: `check` found a whole `T` at `ptr` in bounds and aligned; the caller
    // keeps it readable for `'a`.
    unsafe {
        check(s, ptr, 1, false)?;
        Ok(Fields::new(ptr))
    }
}

/// A writable guest pointer to one value, which may be uninitialised.
///
/// # Safety
///
/// As for [`slice_mut()`].
pub unsafe fn uninit<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *mut T,
) -> Result<&'a mut MaybeUninit<T>, crate::errno> {
    // SAFETY: `check` found a whole writable `T` at `ptr` in bounds and aligned; any
    // bytes are a valid `MaybeUninit<T>`; the caller keeps them unaliased for `'a`.
    unsafe {
        check(s, ptr, 1, true)?;
        Ok(&mut *(ptr as *mut MaybeUninit<T>))
    }
}
