//! Files and directories, reached only beneath a directory descriptor.
//!
//! A CloudABI program cannot open a path by itself: it needs a [`Dir`] it
//! was given (or opened beneath one), and every path is resolved beneath
//! it — `..` cannot leave it, absolute paths are refused. Paths are bytes
//! (`&str`, `&[u8]`, `String` and `Vec<u8>` all do).
//!
//! Rights follow CloudABI's C library: a new descriptor asks for every
//! right its access mode allows, limited to what the directory may pass on
//! (its inheriting rights); the open fails with `ENOTCAPABLE` when the
//! directory cannot pass on the rights the mode needs.

use alloc::vec::Vec;
use core::fmt;
use core::mem::MaybeUninit;

use cloudabi::{fdflags, fdstat, filetype, lookup, lookupflags, oflags, rights, ulflags, whence};

use crate::error::{check, Errno, Error, ResultExt};
use crate::fd::{expect_type, Fd, FileType, FromFd};

/// Rights that need the file open for writing.
const WRITE_RIGHTS: rights = rights::FD_DATASYNC
    .union(rights::FD_WRITE)
    .union(rights::FILE_ALLOCATE)
    .union(rights::FILE_STAT_FPUT_SIZE);
/// Rights that need the file open for reading.
const READ_RIGHTS: rights = rights::FD_READ.union(rights::FILE_READDIR);

/// Shows a path for error messages: as text where it is UTF-8.
struct ShowPath<'a>(&'a [u8]);

impl fmt::Display for ShowPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match core::str::from_utf8(self.0) {
            Ok(s) => write!(f, "`{s}`"),
            Err(_) => write!(f, "{:?}", self.0),
        }
    }
}

/// How to open a file; see [`Dir::open_with`].
#[derive(Debug, Clone)]
pub struct OpenOptions {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    create_new: bool,
    truncate: bool,
    directory: bool,
    follow: bool,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions::new()
    }
}

impl OpenOptions {
    /// Nothing set (except following symbolic links).
    pub fn new() -> OpenOptions {
        OpenOptions {
            read: false,
            write: false,
            append: false,
            create: false,
            create_new: false,
            truncate: false,
            directory: false,
            follow: true,
        }
    }
    /// Open for reading.
    pub fn read(&mut self, on: bool) -> &mut Self {
        self.read = on;
        self
    }
    /// Open for writing.
    pub fn write(&mut self, on: bool) -> &mut Self {
        self.write = on;
        self
    }
    /// Writes go to the end of the file (implies writing).
    pub fn append(&mut self, on: bool) -> &mut Self {
        self.append = on;
        self
    }
    /// Create the file if it does not exist.
    pub fn create(&mut self, on: bool) -> &mut Self {
        self.create = on;
        self
    }
    /// Create the file, failing if it exists.
    pub fn create_new(&mut self, on: bool) -> &mut Self {
        self.create_new = on;
        self
    }
    /// Empty the file when opening it.
    pub fn truncate(&mut self, on: bool) -> &mut Self {
        self.truncate = on;
        self
    }
    /// Fail unless the path is a directory.
    pub fn directory(&mut self, on: bool) -> &mut Self {
        self.directory = on;
        self
    }
    /// Whether a symbolic link at the end of the path is followed (default).
    pub fn follow_symlinks(&mut self, on: bool) -> &mut Self {
        self.follow = on;
        self
    }

    fn oflags(&self) -> oflags {
        let mut o = oflags::empty();
        o.set(oflags::CREAT, self.create || self.create_new);
        o.set(oflags::EXCL, self.create_new);
        o.set(oflags::TRUNC, self.truncate);
        o.set(oflags::DIRECTORY, self.directory);
        o
    }

    /// The rights to ask for (at most, and at least) given the directory's
    /// inheriting rights, as the C library's `openat` does.
    fn rights(&self) -> (rights, rights) {
        let write = self.write || self.append;
        let mut max = rights::all();
        let mut min = rights::empty();
        if !write {
            max -= WRITE_RIGHTS;
        } else {
            min |= rights::FD_WRITE;
        }
        if self.read || !write {
            min |= if self.directory {
                rights::empty()
            } else {
                rights::FD_READ
            };
        } else {
            max -= READ_RIGHTS;
        }
        (max, min)
    }
}

/// A directory descriptor: everything the program may reach beneath it.
#[derive(Debug)]
pub struct Dir(Fd);

impl Dir {
    /// The descriptor.
    pub fn as_fd(&self) -> &Fd {
        &self.0
    }

    /// The descriptor, giving up the `Dir`.
    pub fn into_fd(self) -> Fd {
        self.0
    }

    /// Opens `path` for reading.
    pub fn open(&self, path: impl AsRef<[u8]>) -> Result<File, Error> {
        let fd = self.open_with(path, OpenOptions::new().read(true))?;
        Ok(File(fd))
    }

    /// Creates (or empties) `path` and opens it for writing.
    pub fn create(&self, path: impl AsRef<[u8]>) -> Result<File, Error> {
        let fd = self.open_with(
            path,
            OpenOptions::new().write(true).create(true).truncate(true),
        )?;
        Ok(File(fd))
    }

    /// Opens the directory `path` beneath this one.
    pub fn open_dir(&self, path: impl AsRef<[u8]>) -> Result<Dir, Error> {
        let fd = self.open_with(path, OpenOptions::new().directory(true))?;
        Ok(Dir(fd))
    }

    /// Opens `path` as `options` say.
    pub fn open_with(&self, path: impl AsRef<[u8]>, options: &OpenOptions) -> Result<Fd, Error> {
        let path = path.as_ref();
        self.open_raw(path, options)
            .with_context(|| alloc::format!("opening {}", ShowPath(path)))
    }

    fn open_raw(&self, path: &[u8], options: &OpenOptions) -> Result<Fd, Errno> {
        let inheriting = self.0.stat()?.inheriting;
        let (max, min) = options.rights();
        if !inheriting.contains(min) {
            return Err(Errno::new(cloudabi::errno::NOTCAPABLE));
        }
        let mut flags = fdflags::empty();
        flags.set(fdflags::APPEND, options.append);
        let want = fdstat {
            fs_filetype: filetype::UNKNOWN,
            fs_flags: flags,
            _pad0: [0; 4],
            fs_rights_base: max & inheriting,
            fs_rights_inheriting: inheriting,
        };
        let mut fd = cloudabi::fd(0);
        // SAFETY: `want` and `fd` are locals; the path is read for the call.
        check(unsafe {
            cloudabi::file_open(
                self.lookup(options.follow),
                path,
                options.oflags(),
                &want,
                &mut fd,
            )
        })?;
        // SAFETY: a new descriptor the call handed to us alone.
        Ok(unsafe { Fd::from_raw(fd.0) })
    }

    fn lookup(&self, follow: bool) -> lookup {
        lookup {
            fd: self.0.abi(),
            flags: if follow {
                lookupflags::SYMLINK_FOLLOW
            } else {
                lookupflags::empty()
            },
        }
    }

    /// The whole contents of the file `path`.
    pub fn read(&self, path: impl AsRef<[u8]>) -> Result<Vec<u8>, Error> {
        let path = path.as_ref();
        let mut data = Vec::new();
        let mut f = self.open(path)?;
        crate::io::Read::read_to_end(&mut f, &mut data)
            .with_context(|| alloc::format!("reading {}", ShowPath(path)))?;
        Ok(data)
    }

    /// Makes `path` a file holding `data`.
    pub fn write(&self, path: impl AsRef<[u8]>, data: impl AsRef<[u8]>) -> Result<(), Error> {
        let path = path.as_ref();
        let f = self.create(path)?;
        f.0.write_all(data.as_ref())
            .with_context(|| alloc::format!("writing {}", ShowPath(path)))
    }

    /// The entries of this directory, without `.` and `..`, in the order
    /// the system returns them.
    pub fn entries(&self) -> ReadDir<'_> {
        ReadDir {
            dir: &self.0,
            buf: alloc::vec![0; 4096],
            used: 0,
            pos: 0,
            cookie: cloudabi::DIRCOOKIE_START.0,
            last_read: false,
            failed: false,
        }
    }

    /// What `path` refers to, following a symbolic link at its end.
    pub fn metadata(&self, path: impl AsRef<[u8]>) -> Result<Metadata, Error> {
        self.stat(path.as_ref(), true)
    }

    /// What `path` refers to, not following a symbolic link at its end.
    pub fn symlink_metadata(&self, path: impl AsRef<[u8]>) -> Result<Metadata, Error> {
        self.stat(path.as_ref(), false)
    }

    fn stat(&self, path: &[u8], follow: bool) -> Result<Metadata, Error> {
        let mut st = MaybeUninit::<cloudabi::filestat>::uninit();
        // SAFETY: `st` is a local the call fills.
        check(unsafe { cloudabi::file_stat_get(self.lookup(follow), path, st.as_mut_ptr()) })
            .with_context(|| alloc::format!("looking up {}", ShowPath(path)))?;
        // SAFETY: filled by the call.
        Ok(unsafe { Metadata::read(st.as_ptr()) })
    }

    /// Creates the directory `path`.
    pub fn create_dir(&self, path: impl AsRef<[u8]>) -> Result<(), Error> {
        let path = path.as_ref();
        // SAFETY: the path is read for the call.
        check(unsafe { cloudabi::file_create(self.0.abi(), path, filetype::DIRECTORY) })
            .with_context(|| alloc::format!("creating directory {}", ShowPath(path)))
    }

    /// Removes the file (not directory) `path`.
    pub fn remove_file(&self, path: impl AsRef<[u8]>) -> Result<(), Error> {
        self.unlink(path.as_ref(), ulflags::empty())
    }

    /// Removes the empty directory `path`.
    pub fn remove_dir(&self, path: impl AsRef<[u8]>) -> Result<(), Error> {
        self.unlink(path.as_ref(), ulflags::REMOVEDIR)
    }

    fn unlink(&self, path: &[u8], flags: ulflags) -> Result<(), Error> {
        // SAFETY: the path is read for the call.
        check(unsafe { cloudabi::file_unlink(self.0.abi(), path, flags) })
            .with_context(|| alloc::format!("removing {}", ShowPath(path)))
    }

    /// Moves `from` (beneath this directory) to `to` beneath `to_dir`.
    pub fn rename(
        &self,
        from: impl AsRef<[u8]>,
        to_dir: &Dir,
        to: impl AsRef<[u8]>,
    ) -> Result<(), Error> {
        let (from, to) = (from.as_ref(), to.as_ref());
        // SAFETY: the paths are read for the call.
        check(unsafe { cloudabi::file_rename(self.0.abi(), from, to_dir.0.abi(), to) })
            .with_context(|| alloc::format!("renaming {} to {}", ShowPath(from), ShowPath(to)))
    }

    /// Creates the symbolic link `path` pointing at `target`.
    pub fn symlink(&self, target: impl AsRef<[u8]>, path: impl AsRef<[u8]>) -> Result<(), Error> {
        let (target, path) = (target.as_ref(), path.as_ref());
        // SAFETY: the paths are read for the call.
        check(unsafe { cloudabi::file_symlink(target, self.0.abi(), path) })
            .with_context(|| alloc::format!("creating symbolic link {}", ShowPath(path)))
    }

    /// Where the symbolic link `path` points.
    pub fn read_link(&self, path: impl AsRef<[u8]>) -> Result<Vec<u8>, Error> {
        let path = path.as_ref();
        let mut buf = alloc::vec![0u8; 256];
        loop {
            let mut used = 0;
            // SAFETY: `buf` is writable and `used` a local for the call.
            check(unsafe { cloudabi::file_readlink(self.0.abi(), path, &mut buf, &mut used) })
                .with_context(|| alloc::format!("reading symbolic link {}", ShowPath(path)))?;
            // A full buffer may mean a longer target: try again, bigger.
            if used < buf.len() {
                buf.truncate(used);
                return Ok(buf);
            }
            buf.resize(buf.len() * 2, 0);
        }
    }
}

impl FromFd for Dir {
    fn from_fd(fd: Fd) -> Result<Dir, Error> {
        expect_type(&fd, &[FileType::Dir], "a directory")?;
        Ok(Dir(fd))
    }
}

/// A directory's entries; see [`Dir::entries`].
///
/// `file_readdir` fills a buffer with entries (a header, then the name) and
/// may cut the last one short; reading resumes from the cookie of the last
/// whole entry, with a bigger buffer if a single entry did not fit.
pub struct ReadDir<'a> {
    dir: &'a Fd,
    buf: Vec<u8>,
    used: usize,
    pos: usize,
    cookie: u64,
    /// The buffer holds the end of the directory (the system did not fill it).
    last_read: bool,
    failed: bool,
}

/// The fixed part of an entry: d_next (8), d_ino (8), d_namlen (4),
/// d_type (1), padding.
const DIRENT: usize = core::mem::size_of::<cloudabi::dirent>();

impl Iterator for ReadDir<'_> {
    type Item = Result<DirEntry, Error>;

    fn next(&mut self) -> Option<Result<DirEntry, Error>> {
        while !self.failed {
            if let Some(e) = self.parse() {
                match e.name.as_slice() {
                    b"." | b".." => continue,
                    _ => return Some(Ok(e)),
                }
            }
            if self.last_read {
                return None;
            }
            if self.pos == 0 && self.used == self.buf.len() {
                // Not even one entry fits.
                let n = self.buf.len() * 2;
                self.buf.resize(n, 0);
            }
            let mut used = 0;
            // SAFETY: `buf` is writable for the call; `used` is a local.
            let e = unsafe {
                cloudabi::file_readdir(
                    self.dir.abi(),
                    &mut self.buf,
                    cloudabi::dircookie(self.cookie),
                    &mut used,
                )
            };
            if let Err(e) = check(e) {
                self.failed = true;
                return Some(Err(Error::from(e).context("reading a directory")));
            }
            self.used = used.min(self.buf.len());
            self.pos = 0;
            self.last_read = used < self.buf.len();
        }
        None
    }
}

impl ReadDir<'_> {
    /// The next whole entry in the buffer.
    fn parse(&mut self) -> Option<DirEntry> {
        let rest = &self.buf[self.pos..self.used];
        if rest.len() < DIRENT {
            return None;
        }
        let word = |at: usize| u64::from_le_bytes(rest[at..at + 8].try_into().expect("8 bytes"));
        let namlen = u32::from_le_bytes(rest[16..20].try_into().expect("4 bytes")) as usize;
        let name = rest.get(DIRENT..DIRENT.checked_add(namlen)?)?;
        let entry = DirEntry {
            name: name.to_vec(),
            file_type: FileType::from_raw(rest[20]),
            inode: word(8),
        };
        self.cookie = word(0);
        self.pos += DIRENT + namlen;
        Some(entry)
    }
}

/// One entry of a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirEntry {
    name: Vec<u8>,
    file_type: FileType,
    inode: u64,
}

impl DirEntry {
    /// The entry's name (bytes; see [`name_str`](DirEntry::name_str)).
    pub fn name(&self) -> &[u8] {
        &self.name
    }

    /// The name, if it is UTF-8.
    pub fn name_str(&self) -> Option<&str> {
        core::str::from_utf8(&self.name).ok()
    }

    /// What the entry is (a symbolic link is reported as such).
    pub fn file_type(&self) -> FileType {
        self.file_type
    }

    /// The inode number.
    pub fn inode(&self) -> u64 {
        self.inode
    }
}

/// What a file is, from `file_stat_get` or `file_stat_fget`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metadata {
    /// What kind of file.
    pub file_type: FileType,
    /// Size in bytes.
    pub len: u64,
    /// The device holding it.
    pub device: u64,
    /// The inode number.
    pub inode: u64,
    /// Number of hard links.
    pub links: u32,
    /// Last access, in nanoseconds since the epoch.
    pub accessed: u64,
    /// Last modification, in nanoseconds since the epoch.
    pub modified: u64,
    /// Last status change, in nanoseconds since the epoch.
    pub changed: u64,
}

impl Metadata {
    /// # Safety
    ///
    /// `p` points at a `filestat` the system filled.
    unsafe fn read(p: *const cloudabi::filestat) -> Metadata {
        let b = p.cast::<u8>();
        // SAFETY: as the caller promised; the fields are read at their ABI
        // offsets as plain integers (the file type as a byte, as a newer
        // system may report a type this ABI's enum lacks).
        unsafe {
            let u64_at = |at: usize| b.add(at).cast::<u64>().read();
            Metadata {
                device: u64_at(0),
                inode: u64_at(8),
                file_type: FileType::from_raw(b.add(16).read()),
                links: b.add(20).cast::<u32>().read(),
                len: u64_at(24),
                accessed: u64_at(32),
                modified: u64_at(40),
                changed: u64_at(48),
            }
        }
    }
}

/// A file (or anything else that reads, writes and seeks).
#[derive(Debug)]
pub struct File(Fd);

/// Where [`File::seek`] counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeekFrom {
    /// From the start.
    Start(u64),
    /// From the end.
    End(i64),
    /// From the current position.
    Current(i64),
}

impl File {
    /// The descriptor.
    pub fn as_fd(&self) -> &Fd {
        &self.0
    }

    /// The descriptor, giving up the `File`.
    pub fn into_fd(self) -> Fd {
        self.0
    }

    /// Reads at `offset`, leaving the file position alone.
    pub fn read_at(&self, buf: &mut [u8], offset: u64) -> Result<usize, Errno> {
        let iov = [cloudabi::iovec {
            buf: (buf.as_mut_ptr().cast(), buf.len()),
        }];
        let mut n = 0;
        // SAFETY: the iovec covers `buf`, writable for the call.
        check(unsafe { cloudabi::fd_pread(self.0.abi(), &iov, offset, &mut n) })?;
        Ok(n)
    }

    /// Writes at `offset`, leaving the file position alone.
    pub fn write_at(&self, buf: &[u8], offset: u64) -> Result<usize, Errno> {
        let iov = [cloudabi::ciovec {
            buf: (buf.as_ptr().cast(), buf.len()),
        }];
        let mut n = 0;
        // SAFETY: the iovec covers `buf`, readable for the call.
        check(unsafe { cloudabi::fd_pwrite(self.0.abi(), &iov, offset, &mut n) })?;
        Ok(n)
    }

    /// Moves the file position; returns the new one.
    pub fn seek(&self, to: SeekFrom) -> Result<u64, Errno> {
        let (offset, how) = match to {
            SeekFrom::Start(o) => (o as i64, whence::SET),
            SeekFrom::End(o) => (o, whence::END),
            SeekFrom::Current(o) => (o, whence::CUR),
        };
        let mut at = 0;
        // SAFETY: `at` is a local.
        check(unsafe { cloudabi::fd_seek(self.0.abi(), offset, how, &mut at) })?;
        Ok(at)
    }

    /// What the file is.
    pub fn metadata(&self) -> Result<Metadata, Errno> {
        let mut st = MaybeUninit::<cloudabi::filestat>::uninit();
        // SAFETY: `st` is a local the call fills.
        check(unsafe { cloudabi::file_stat_fget(self.0.abi(), st.as_mut_ptr()) })?;
        // SAFETY: filled by the call.
        Ok(unsafe { Metadata::read(st.as_ptr()) })
    }

    /// Makes the file `len` bytes long.
    pub fn set_len(&self, len: u64) -> Result<(), Errno> {
        let mut st = MaybeUninit::<cloudabi::filestat>::zeroed();
        // SAFETY: only st_size is read for FILESTAT_SIZE; it is at offset 24.
        unsafe {
            st.as_mut_ptr()
                .cast::<u8>()
                .add(24)
                .cast::<u64>()
                .write(len)
        };
        // SAFETY: `st` is a local, read for the call.
        check(unsafe {
            cloudabi::file_stat_fput(self.0.abi(), st.as_ptr(), cloudabi::fsflags::SIZE)
        })
    }

    /// Writes the file's data and metadata to the device.
    pub fn sync_all(&self) -> Result<(), Errno> {
        // SAFETY: no pointers.
        check(unsafe { cloudabi::fd_sync(self.0.abi()) })
    }
}

impl FromFd for File {
    fn from_fd(fd: Fd) -> Result<File, Error> {
        expect_type(&fd, &[FileType::File], "a regular file")?;
        Ok(File(fd))
    }
}

impl crate::io::Read for File {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        Ok(self.0.read(buf)?)
    }
}

impl crate::io::Write for File {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        Ok(self.0.write(buf)?)
    }
}

impl fmt::Write for File {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.write_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}
