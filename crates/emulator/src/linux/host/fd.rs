//! `fd_*`: reading, writing, seeking, duplicating, closing, and the
//! descriptor's own attributes (flags and rights).

use std::io::{IoSlice, IoSliceMut};

use cloudabi::host::Fields;
use cloudabi::{
    ciovec, errno, fd as Fd, fdflags, fdsflags, fdstat, filetype, iovec, rights, whence,
};
use rustix::fs::{OFlags, SeekFrom};

use super::errors::HostResult;
use super::fdtable::Entry;
use super::Host;

/// Most iovecs one call passes on (Linux's IOV_MAX).
const IOV_MAX: usize = 1024;

impl Host {
    /// The guest's iovecs as host buffers to write from, each one checked.
    pub(super) fn write_buffers<'a>(&mut self, iovs: &[ciovec]) -> Result<Vec<IoSlice<'a>>, errno> {
        if iovs.len() > IOV_MAX {
            return Err(errno::INVAL);
        }
        iovs.iter()
            .map(|v| {
                // SAFETY: checked against the guest's readable memory, which
                // stays mapped for the duration of the call.
                let s = unsafe { cloudabi::host::slice(self, v.buf.0 as *const u8, v.buf.1) }?;
                Ok(IoSlice::new(s))
            })
            .collect()
    }

    /// The guest's iovecs as host buffers to read into, each one checked.
    pub(super) fn read_buffers<'a>(
        &mut self,
        iovs: &[iovec],
    ) -> Result<Vec<IoSliceMut<'a>>, errno> {
        if iovs.len() > IOV_MAX {
            return Err(errno::INVAL);
        }
        iovs.iter()
            .map(|v| {
                // SAFETY: checked against the guest's writable memory. Only
                // the host kernel writes through it (other guest threads may
                // use it meanwhile, as with a real kernel).
                let s = unsafe { cloudabi::host::slice_mut(self, v.buf.0 as *mut u8, v.buf.1) }?;
                Ok(IoSliceMut::new(s))
            })
            .collect()
    }

    #[inline]
    pub(super) fn do_fd_write(&mut self, fd: Fd, iovs: &[ciovec]) -> Result<usize, errno> {
        // The common case, one buffer from the only guest thread: no vector,
        // no lock, and nothing else inlined into every call.
        if let ([one], true) = (iovs, self.alone) {
            // SAFETY: as in `write_buffers`.
            let buf = unsafe { cloudabi::host::slice(self, one.buf.0 as *const u8, one.buf.1) }?;
            return rustix::io::write(self.host_fd_alone(fd, rights::FD_WRITE)?, buf).host();
        }
        self.fd_write_any(fd, iovs)
    }

    #[inline(never)]
    fn fd_write_any(&mut self, fd: Fd, iovs: &[ciovec]) -> Result<usize, errno> {
        self.entry(fd, rights::FD_WRITE)?;
        let bufs = self.write_buffers(iovs)?;
        rustix::io::writev(self.entry(fd, rights::FD_WRITE)?.fd(), &bufs).host()
    }

    pub(super) fn do_fd_pwrite(
        &mut self,
        fd: Fd,
        iovs: &[ciovec],
        offset: u64,
    ) -> Result<usize, errno> {
        let needed = rights::FD_WRITE | rights::FD_SEEK;
        self.entry(fd, needed)?;
        let bufs = self.write_buffers(iovs)?;
        rustix::io::pwritev(self.entry(fd, needed)?.fd(), &bufs, offset).host()
    }

    pub(super) fn do_fd_read(&mut self, fd: Fd, iovs: &[iovec]) -> Result<usize, errno> {
        self.entry(fd, rights::FD_READ)?;
        let mut bufs = self.read_buffers(iovs)?;
        rustix::io::readv(self.entry(fd, rights::FD_READ)?.fd(), &mut bufs).host()
    }

    pub(super) fn do_fd_pread(
        &mut self,
        fd: Fd,
        iovs: &[iovec],
        offset: u64,
    ) -> Result<usize, errno> {
        let needed = rights::FD_READ | rights::FD_SEEK;
        self.entry(fd, needed)?;
        let mut bufs = self.read_buffers(iovs)?;
        rustix::io::preadv(self.entry(fd, needed)?.fd(), &mut bufs, offset).host()
    }

    pub(super) fn do_fd_seek(&mut self, fd: Fd, offset: i64, whence: whence) -> Result<u64, errno> {
        // Asking for the current offset needs only FD_TELL.
        let tell = offset == 0 && whence == whence::CUR;
        let e = self.entry(fd, rights::empty())?;
        if !(e.base.contains(rights::FD_SEEK) || tell && e.base.contains(rights::FD_TELL)) {
            return Err(errno::NOTCAPABLE);
        }
        let pos = match whence {
            whence::CUR => SeekFrom::Current(offset),
            whence::END => SeekFrom::End(offset),
            whence::SET => SeekFrom::Start(u64::try_from(offset).map_err(|_| errno::INVAL)?),
            _ => return Err(errno::INVAL),
        };
        rustix::fs::seek(e.fd(), pos).host()
    }

    pub(super) fn do_fd_stat_get(&mut self, fd: Fd) -> Result<fdstat, errno> {
        let e = self.entry(fd, rights::empty())?;
        let flags = if e.filetype == filetype::DIRECTORY {
            fdflags::empty()
        } else {
            fd_flags(rustix::fs::fcntl_getfl(e.fd()).host()?)
        };
        Ok(fdstat {
            fs_filetype: e.filetype,
            fs_flags: flags,
            _pad0: [0; 4],
            fs_rights_base: e.base,
            fs_rights_inheriting: e.inheriting,
        })
    }

    pub(super) fn do_fd_stat_put(
        &mut self,
        fd: Fd,
        new: Fields<'_, fdstat>,
        which: fdsflags,
    ) -> Result<(), errno> {
        // cloudabi_sys_fd_stat_put: exactly one of FLAGS and RIGHTS, else
        // EINVAL (checked after the fd: kern_fcntl/kern_cap_rights_limit
        // would say EBADF first only for a valid `which`).
        if which != fdsflags::FLAGS && which != fdsflags::RIGHTS {
            self.entry(fd, rights::empty())?;
            return Err(errno::INVAL);
        }
        self.fds_mut(|t| put_stat(t.get_mut(fd)?, new, which))
    }

    pub(super) fn do_fd_sync(&mut self, fd: Fd, data_only: bool) -> Result<(), errno> {
        let needed = if data_only {
            rights::FD_DATASYNC
        } else {
            rights::FD_SYNC
        };
        let e = self.entry(fd, needed)?;
        if data_only {
            rustix::fs::fdatasync(e.fd()).host()
        } else {
            rustix::fs::fsync(e.fd()).host()
        }
    }

    pub(super) fn do_fd_close(&mut self, fd: Fd) -> Result<(), errno> {
        // The entry is dropped once the table is unlocked: closing a process
        // descriptor may wait for the child to die.
        let removed = self.fds_mut(|t| t.remove(fd))?;
        drop(removed);
        Ok(())
    }

    pub(super) fn do_fd_dup(&mut self, from: Fd) -> Result<Fd, errno> {
        self.fds_mut(|t| {
            let copy = t.duplicate(from)?;
            t.insert(copy)
        })
    }

    pub(super) fn do_fd_replace(&mut self, from: Fd, to: Fd) -> Result<(), errno> {
        let replaced = self.fds_mut(|t| {
            t.get(to)?;
            let copy = t.duplicate(from)?;
            t.put(to, copy)
        })?;
        drop(replaced);
        Ok(())
    }

    pub(super) fn do_fd_create1(&mut self, ty: filetype) -> Result<Fd, errno> {
        if ty != filetype::SHARED_MEMORY {
            return Err(errno::INVAL);
        }
        let host =
            rustix::fs::memfd_create("cloudabi-shm", rustix::fs::MemfdFlags::CLOEXEC).host()?;
        // cloudabi_sys_fd_create1 gives CAP_FSTAT, CAP_FTRUNCATE and
        // CAP_MMAP_RWX, which read back (through the rights table and
        // cloudabi_remove_conflicting_rights for shared memory) as these.
        let base = rights::FD_READ
            | rights::FD_WRITE
            | rights::FILE_STAT_FGET
            | rights::FILE_STAT_FPUT_SIZE
            | rights::MEM_MAP
            | rights::MEM_MAP_EXEC;
        let entry = Entry::new(host, filetype::SHARED_MEMORY, base, rights::empty());
        self.fds_mut(|t| t.insert(entry))
    }

    pub(super) fn do_fd_create2(&mut self, ty: filetype) -> Result<(Fd, Fd), errno> {
        use rustix::net::{AddressFamily, SocketFlags, SocketType};
        let kind = match ty {
            filetype::SOCKET_DGRAM => SocketType::DGRAM,
            filetype::SOCKET_STREAM => SocketType::STREAM,
            _ => return Err(errno::INVAL),
        };
        let (a, b) = rustix::net::socketpair(AddressFamily::UNIX, kind, SocketFlags::CLOEXEC, None)
            .host()?;
        let (a, b) = (Entry::from_host(a)?, Entry::from_host(b)?);
        self.fds_mut(|t| {
            let a = t.insert(a)?;
            match t.insert(b) {
                Ok(b) => Ok((a, b)),
                Err(e) => {
                    let _ = t.remove(a);
                    Err(e)
                }
            }
        })
    }
}

/// `fd_stat_put` on one entry.
/// `fd_stat_put` on one entry. Only the fields `which` selects are read.
fn put_stat(e: &mut Entry, new: Fields<'_, fdstat>, which: fdsflags) -> Result<(), errno> {
    if which.contains(fdsflags::RIGHTS) {
        // Rights can be dropped, never added.
        let (base, inheriting) = (new.fs_rights_base(), new.fs_rights_inheriting());
        if !e.base.contains(base) || !e.inheriting.contains(inheriting) {
            return Err(errno::NOTCAPABLE);
        }
    }
    if which.contains(fdsflags::FLAGS) {
        e.require(rights::FD_STAT_PUT_FLAGS)?;
        let wanted = new.fs_flags();
        let mut flags = rustix::fs::fcntl_getfl(e.fd()).host()?;
        flags.set(OFlags::APPEND, wanted.contains(fdflags::APPEND));
        flags.set(OFlags::NONBLOCK, wanted.contains(fdflags::NONBLOCK));
        rustix::fs::fcntl_setfl(e.fd(), flags).host()?;
    }
    if which.contains(fdsflags::RIGHTS) {
        e.base = new.fs_rights_base();
        e.inheriting = new.fs_rights_inheriting();
    }
    Ok(())
}

/// The flags cloudabi_sys_fd_stat_get reports: APPEND, NONBLOCK and SYNC
/// (FreeBSD has one O_SYNC, so DSYNC and RSYNC are never reported).
fn fd_flags(host: OFlags) -> fdflags {
    let mut f = fdflags::empty();
    f.set(fdflags::APPEND, host.contains(OFlags::APPEND));
    f.set(fdflags::NONBLOCK, host.contains(OFlags::NONBLOCK));
    f.set(fdflags::SYNC, host.contains(OFlags::SYNC));
    f
}
