//! `file_*`: everything reached by a path beneath a directory fd, plus the
//! calls on an open file's contents and attributes.

use std::os::fd::AsFd;

use cloudabi::host::Fields;
use cloudabi::{
    advice, dircookie, dirent, errno, fd as Fd, fdstat, filestat, filetype, fsflags, inode, lookup,
    lookupflags, oflags, rights, ulflags,
};
use rustix::fs::{AtFlags, Mode, OFlags, Timespec, Timestamps, CWD, UTIME_NOW, UTIME_OMIT};

use super::errors::HostResult;
use super::fdtable::{max_rights, Entry};
use super::{path, FdRef, Host};

fn follows(l: &lookup) -> bool {
    l.flags.contains(lookupflags::SYMLINK_FOLLOW)
}

/// Rights that need the fd open for reading, and for writing.
fn reads(r: rights) -> bool {
    r.intersects(rights::FD_READ | rights::FILE_READDIR | rights::MEM_MAP_EXEC)
}

fn writes(r: rights) -> bool {
    r.intersects(
        rights::FD_DATASYNC
            | rights::FD_WRITE
            | rights::FILE_ALLOCATE
            | rights::FILE_STAT_FPUT_SIZE,
    )
}

impl Host {
    /// The directory entry `dirfd` must be for a path call: it must exist, be
    /// a directory (ENOTDIR) and hold `needed`.
    fn dir(&self, dirfd: Fd, needed: rights) -> Result<FdRef<'_>, errno> {
        let e = self.entry(dirfd, needed)?;
        if e.filetype != filetype::DIRECTORY {
            return Err(errno::NOTDIR);
        }
        Ok(e)
    }

    pub(super) fn do_file_open(
        &mut self,
        dirfd: lookup,
        p: &[u8],
        of: oflags,
        want: Fields<'_, fdstat>,
    ) -> Result<Fd, errno> {
        // The call reads the rights and flags only (cloudabi_sys_file_open).
        let (want_base, want_inheriting, want_flags) = (
            want.fs_rights_base(),
            want.fs_rights_inheriting(),
            want.fs_flags(),
        );
        let mut needed = rights::FILE_OPEN;
        if of.contains(oflags::CREAT) {
            needed |= rights::FILE_CREATE_FILE;
        }
        let dir = self.dir(dirfd.fd, needed)?;
        let asked = want_base | want_inheriting;
        let mut asked_from_dir = asked;
        if of.contains(oflags::TRUNC) {
            asked_from_dir |= rights::FILE_STAT_FPUT_SIZE;
        }
        if !dir.inheriting.contains(asked_from_dir) {
            return Err(errno::NOTCAPABLE);
        }
        let mut flags = match (reads(want_base), writes(want_base)) {
            (true, true) => OFlags::RDWR,
            (false, true) => OFlags::WRONLY,
            (true, false) => OFlags::RDONLY,
            (false, false) if of.intersects(oflags::CREAT | oflags::TRUNC) => OFlags::RDONLY,
            (false, false) => OFlags::PATH,
        };
        flags.set(OFlags::CREATE, of.contains(oflags::CREAT));
        flags.set(OFlags::DIRECTORY, of.contains(oflags::DIRECTORY));
        flags.set(OFlags::EXCL, of.contains(oflags::EXCL));
        flags.set(OFlags::TRUNC, of.contains(oflags::TRUNC));
        flags.set(
            OFlags::APPEND,
            want_flags.contains(cloudabi::fdflags::APPEND),
        );
        flags.set(
            OFlags::NONBLOCK,
            want_flags.contains(cloudabi::fdflags::NONBLOCK),
        );
        let mode = Mode::from_raw_mode(0o666);
        let host = path::open(dir.fd(), p, flags, mode, follows(&dirfd))?;
        let filetype = super::fdtable::filetype_of(host.as_fd())?;
        let (max_base, max_inheriting) = max_rights(filetype);
        let entry = Entry::new(
            host,
            filetype,
            want_base & max_base,
            want_inheriting & max_inheriting,
        );
        drop(dir);
        self.fds_mut(|t| t.insert(entry))
    }

    pub(super) fn do_file_create(
        &mut self,
        dirfd: Fd,
        p: &[u8],
        ty: filetype,
    ) -> Result<(), errno> {
        if ty != filetype::DIRECTORY {
            return Err(errno::INVAL);
        }
        let dir = self.dir(dirfd, rights::FILE_CREATE_DIRECTORY)?;
        let e = path::entry(dir.fd(), p)?;
        rustix::fs::mkdirat(&e.parent, e.name, Mode::from_raw_mode(0o777)).host()
    }

    pub(super) fn do_file_unlink(
        &mut self,
        dirfd: Fd,
        p: &[u8],
        flags: ulflags,
    ) -> Result<(), errno> {
        let dir = self.dir(dirfd, rights::FILE_UNLINK)?;
        let e = path::entry(dir.fd(), p)?;
        if flags.contains(ulflags::REMOVEDIR) {
            return rustix::fs::unlinkat(&e.parent, e.name, AtFlags::REMOVEDIR).host();
        }
        // kern_unlinkat refuses a directory with EPERM, as FreeBSD's unlink
        // does (Linux says EISDIR), also when named with a trailing slash.
        match rustix::fs::unlinkat(&e.parent, e.name, AtFlags::empty()) {
            Err(rustix::io::Errno::ISDIR) => Err(errno::PERM),
            other => other.host(),
        }
    }

    pub(super) fn do_file_rename(
        &mut self,
        fd1: Fd,
        p1: &[u8],
        fd2: Fd,
        p2: &[u8],
    ) -> Result<(), errno> {
        let from = path::entry(self.dir(fd1, rights::FILE_RENAME_SOURCE)?.fd(), p1)?;
        let to = path::entry(self.dir(fd2, rights::FILE_RENAME_TARGET)?.fd(), p2)?;
        rustix::fs::renameat(&from.parent, from.name, &to.parent, to.name).host()
    }

    pub(super) fn do_file_link(
        &mut self,
        fd1: lookup,
        p1: &[u8],
        fd2: Fd,
        p2: &[u8],
    ) -> Result<(), errno> {
        let source = self.dir(fd1.fd, rights::FILE_LINK_SOURCE)?;
        let source_dir = source.fd();
        let to = path::entry(self.dir(fd2, rights::FILE_LINK_TARGET)?.fd(), p2)?;
        if follows(&fd1) {
            // Resolve the source, symlinks and all, beneath its directory,
            // then link the file that resolution reached.
            let resolved = path::handle(source_dir, p1, true)?;
            let proc = path::proc_path(resolved.as_fd());
            return rustix::fs::linkat(
                CWD,
                proc.as_str(),
                &to.parent,
                to.name,
                AtFlags::SYMLINK_FOLLOW,
            )
            .host();
        }
        let from = path::entry(source_dir, p1)?;
        rustix::fs::linkat(
            &from.parent,
            from.name,
            &to.parent,
            to.name,
            AtFlags::empty(),
        )
        .host()
    }

    pub(super) fn do_file_symlink(
        &mut self,
        target: &[u8],
        dirfd: Fd,
        p: &[u8],
    ) -> Result<(), errno> {
        // The target is only text; following it later is confined like any
        // other path.
        path::copyin_path(target)?;
        let e = path::entry(self.dir(dirfd, rights::FILE_SYMLINK)?.fd(), p)?;
        rustix::fs::symlinkat(target, &e.parent, e.name).host()
    }

    pub(super) fn do_file_readlink(
        &mut self,
        dirfd: Fd,
        p: &[u8],
        buf: &mut [u8],
    ) -> Result<usize, errno> {
        let link = path::handle(self.dir(dirfd, rights::FILE_READLINK)?.fd(), p, false)?;
        // kern_readlinkat: anything but a symbolic link is EINVAL.
        let st = rustix::fs::fstat(&link).host()?;
        if rustix::fs::FileType::from_raw_mode(st.st_mode) != rustix::fs::FileType::Symlink {
            return Err(errno::INVAL);
        }
        let target = rustix::fs::readlinkat(&link, "", Vec::new()).host()?;
        let bytes = target.as_bytes();
        let n = bytes.len().min(buf.len());
        buf[..n].copy_from_slice(&bytes[..n]);
        Ok(n)
    }

    pub(super) fn do_file_stat_get(&mut self, dirfd: lookup, p: &[u8]) -> Result<filestat, errno> {
        let file = path::handle(
            self.dir(dirfd.fd, rights::FILE_STAT_GET)?.fd(),
            p,
            follows(&dirfd),
        )?;
        stat_of(&rustix::fs::fstat(&file).host()?)
    }

    pub(super) fn do_file_stat_fget(&mut self, f: Fd) -> Result<filestat, errno> {
        let e = self.entry(f, rights::FILE_STAT_FGET)?;
        let mut st = stat_of(&rustix::fs::fstat(e.fd()).host()?)?;
        // The fd's own type wins (a pipe is a stream socket, memfd is shared
        // memory).
        st.st_filetype = e.filetype;
        Ok(st)
    }

    pub(super) fn do_file_stat_put(
        &mut self,
        dirfd: lookup,
        p: &[u8],
        st: Fields<'_, filestat>,
        flags: fsflags,
    ) -> Result<(), errno> {
        // cloudabi_sys_file_stat_put: times only, no truncateat.
        if !times_only(flags) {
            return Err(errno::INVAL);
        }
        let dir = self.dir(dirfd.fd, rights::FILE_STAT_PUT_TIMES)?;
        let file = path::handle(dir.fd(), p, follows(&dirfd))?;
        let times = timestamps(st, flags);
        // utimensat cannot work on an O_PATH fd directly; its /proc name
        // reaches the very file the confined lookup found.
        let proc = path::proc_path(file.as_fd());
        rustix::fs::utimensat(CWD, proc.as_str(), &times, AtFlags::empty()).host()
    }

    pub(super) fn do_file_stat_fput(
        &mut self,
        f: Fd,
        st: Fields<'_, filestat>,
        flags: fsflags,
    ) -> Result<(), errno> {
        // cloudabi_sys_file_stat_fput: SIZE alone (kern_ftruncate), or time
        // flags alone (kern_futimens); anything else, no flags included, is
        // EINVAL.
        if flags == fsflags::SIZE {
            let e = self.entry(f, rights::FILE_STAT_FPUT_SIZE)?;
            return rustix::fs::ftruncate(e.fd(), st.st_size()).host();
        }
        if flags.is_empty() || !times_only(flags) {
            return Err(errno::INVAL);
        }
        let e = self.entry(f, rights::FILE_STAT_FPUT_TIMES)?;
        rustix::fs::futimens(e.fd(), &timestamps(st, flags)).host()
    }

    pub(super) fn do_file_advise(
        &mut self,
        f: Fd,
        offset: u64,
        len: u64,
        a: advice,
    ) -> Result<(), errno> {
        use rustix::fs::Advice;
        let e = self.entry(f, rights::FILE_ADVISE)?;
        let host = match a {
            advice::DONTNEED => Advice::DontNeed,
            advice::NOREUSE => Advice::NoReuse,
            advice::NORMAL => Advice::Normal,
            advice::RANDOM => Advice::Random,
            advice::SEQUENTIAL => Advice::Sequential,
            advice::WILLNEED => Advice::WillNeed,
            _ => return Err(errno::INVAL),
        };
        let len = std::num::NonZeroU64::new(len);
        rustix::fs::fadvise(e.fd(), offset, len, host).host()
    }

    pub(super) fn do_file_allocate(&mut self, f: Fd, offset: u64, len: u64) -> Result<(), errno> {
        let e = self.entry(f, rights::FILE_ALLOCATE)?;
        rustix::fs::fallocate(e.fd(), rustix::fs::FallocateFlags::empty(), offset, len).host()
    }

    pub(super) fn do_file_readdir(
        &mut self,
        f: Fd,
        buf: &mut [u8],
        cookie: dircookie,
    ) -> Result<usize, errno> {
        // getvnode asks for CAP_READ, which FILE_READDIR and FD_READ both
        // are (the rights table); then the vnode must be a directory.
        let e = self.entry(f, rights::empty())?;
        if !e.base.intersects(rights::FILE_READDIR | rights::FD_READ) {
            return Err(errno::NOTCAPABLE);
        }
        if e.filetype != filetype::DIRECTORY {
            return Err(errno::NOTDIR);
        }
        let mut dir = rustix::fs::Dir::read_from(e.fd()).host()?;
        if cookie.0 != 0 {
            dir.seek(cookie.0 as i64).host()?;
        }
        let mut used = 0;
        while used < buf.len() {
            let Some(entry) = dir.read() else { break };
            let entry = entry.host()?;
            let name = entry.file_name().to_bytes();
            let header = dirent {
                d_next: dircookie(entry.offset() as u64),
                d_ino: inode(entry.ino()),
                d_namlen: name.len() as u32,
                d_type: dirent_type(entry.file_type()),
            };
            used += put_truncated(&mut buf[used..], &dirent_bytes(&header));
            used += put_truncated(&mut buf[used..], name);
        }
        Ok(used)
    }
}

/// Copies as much of `bytes` as fits; the number copied.
fn put_truncated(buf: &mut [u8], bytes: &[u8]) -> usize {
    let n = bytes.len().min(buf.len());
    buf[..n].copy_from_slice(&bytes[..n]);
    n
}

fn dirent_bytes(d: &dirent) -> [u8; size_of::<dirent>()] {
    let mut out = [0u8; size_of::<dirent>()];
    // SAFETY: dirent is plain old data (repr(C), no references); its padding
    // bytes are zeroed by writing through a zeroed copy field by field.
    let mut copy: dirent = unsafe { core::mem::zeroed() };
    copy.d_next = d.d_next;
    copy.d_ino = d.d_ino;
    copy.d_namlen = d.d_namlen;
    copy.d_type = d.d_type;
    // SAFETY: reading the bytes of a fully initialised (zeroed, then
    // assigned) value of a repr(C) type.
    let bytes = unsafe {
        core::slice::from_raw_parts((&copy as *const dirent).cast::<u8>(), size_of::<dirent>())
    };
    out.copy_from_slice(bytes);
    out
}

fn dirent_type(t: rustix::fs::FileType) -> filetype {
    use rustix::fs::FileType as T;
    match t {
        T::RegularFile => filetype::REGULAR_FILE,
        T::Directory => filetype::DIRECTORY,
        T::Symlink => filetype::SYMBOLIC_LINK,
        T::CharacterDevice => filetype::CHARACTER_DEVICE,
        T::BlockDevice => filetype::BLOCK_DEVICE,
        T::Socket | T::Fifo => filetype::SOCKET_STREAM,
        T::Unknown => filetype::UNKNOWN,
    }
}

fn nanos(secs: i64, nsecs: i64) -> u64 {
    (secs as i128 * 1_000_000_000 + nsecs as i128).clamp(0, u64::MAX as i128) as u64
}

pub(super) fn stat_of(st: &rustix::fs::Stat) -> Result<filestat, errno> {
    use rustix::fs::FileType as T;
    let t = match T::from_raw_mode(st.st_mode) {
        T::Socket | T::Fifo => filetype::SOCKET_STREAM,
        other => dirent_type(other),
    };
    Ok(filestat {
        st_dev: cloudabi::device(st.st_dev),
        st_ino: inode(st.st_ino),
        st_filetype: t,
        st_nlink: st.st_nlink as u32,
        st_size: st.st_size as u64,
        st_atim: nanos(st.st_atime, st.st_atime_nsec as i64),
        st_mtim: nanos(st.st_mtime, st.st_mtime_nsec as i64),
        st_ctim: nanos(st.st_ctime, st.st_ctime_nsec as i64),
    })
}

/// Whether `flags` holds time flags only.
fn times_only(flags: fsflags) -> bool {
    (fsflags::ATIM | fsflags::ATIM_NOW | fsflags::MTIM | fsflags::MTIM_NOW).contains(flags)
}

/// The times to set, as convert_utimens_arguments makes them: `_NOW` wins
/// over a value; a time without either flag is left alone. Only the fields
/// a flag selects are read.
fn timestamps(st: Fields<'_, filestat>, flags: fsflags) -> Timestamps {
    let one = |set: bool, now: bool, value: &dyn Fn() -> u64| -> Timespec {
        match (set, now) {
            (_, true) => Timespec {
                tv_sec: 0,
                tv_nsec: UTIME_NOW as _,
            },
            (true, false) => Timespec {
                tv_sec: (value() / 1_000_000_000) as i64,
                tv_nsec: (value() % 1_000_000_000) as _,
            },
            (false, false) => Timespec {
                tv_sec: 0,
                tv_nsec: UTIME_OMIT as _,
            },
        }
    };
    Timestamps {
        last_access: one(
            flags.contains(fsflags::ATIM),
            flags.contains(fsflags::ATIM_NOW),
            &|| st.st_atim(),
        ),
        last_modification: one(
            flags.contains(fsflags::MTIM),
            flags.contains(fsflags::MTIM_NOW),
            &|| st.st_mtim(),
        ),
    }
}
