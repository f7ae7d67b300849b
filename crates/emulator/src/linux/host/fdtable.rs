//! The guest's file descriptors: only what was injected or created by the
//! guest's own calls exists. Each guest fd owns a host fd and carries base
//! rights (what it may be used for) and inheriting rights (what fds opened
//! through it may get). Rights only ever shrink.
//!
//! Entries sit behind an `Arc`: a system call takes its own reference before
//! a blocking host call when other guest threads exist, so another thread's
//! `fd_close` never closes a host fd under a call in progress (nor lets its
//! number be reused for something else meanwhile).

use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd, RawFd};
use std::sync::Arc;

use cloudabi::{errno, fd as Fd, filetype, rights};
use rustix::fs::FileType;

use super::errors::HostResult;

/// Highest guest fd number handed out, plus one.
const MAX_FDS: usize = 1 << 16;

/// What a guest fd refers to: a host fd, and for a process descriptor the
/// child it stands for.
#[derive(Debug)]
pub(crate) struct Object {
    pub(crate) host: OwnedFd,
    pub(crate) child: Option<super::child::Child>,
}

impl Drop for Object {
    fn drop(&mut self) {
        if let Some(child) = &self.child {
            child.kill(self.host.as_fd());
        }
    }
}

/// One open guest fd. Cloning shares the host fd (as `fd_dup` does).
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    object: Arc<Object>,
    /// `object`'s host fd, kept here too: system calls reach it with one
    /// load less.
    raw: RawFd,
    pub(crate) filetype: filetype,
    pub(crate) base: rights,
    pub(crate) inheriting: rights,
}

impl Entry {
    /// An entry with the rights of its type, limited by how `host` was
    /// opened.
    pub(crate) fn from_host(host: OwnedFd) -> Result<Entry, errno> {
        let filetype = filetype_of(host.as_fd())?;
        let (base, inheriting) = max_rights(filetype);
        let base = base & access_mode_rights(host.as_fd())?;
        Ok(Entry::new(host, filetype, base, inheriting))
    }

    /// An entry for `host` with exactly these rights.
    pub(crate) fn new(
        host: OwnedFd,
        filetype: filetype,
        base: rights,
        inheriting: rights,
    ) -> Entry {
        Entry::of(Object { host, child: None }, filetype, base, inheriting)
    }

    /// An entry for `object` with exactly these rights.
    pub(crate) fn of(
        object: Object,
        filetype: filetype,
        base: rights,
        inheriting: rights,
    ) -> Entry {
        Entry {
            raw: object.host.as_raw_fd(),
            object: Arc::new(object),
            filetype,
            base,
            inheriting,
        }
    }

    /// The child, for a process descriptor.
    pub(crate) fn child(&self) -> Option<&super::child::Child> {
        self.object.child.as_ref()
    }

    /// Fails with ENOTCAPABLE unless all of `needed` are in the base rights.
    pub(crate) fn require(&self, needed: rights) -> Result<&Entry, errno> {
        if self.base.contains(needed) {
            Ok(self)
        } else {
            Err(errno::NOTCAPABLE)
        }
    }

    #[inline]
    pub(crate) fn fd(&self) -> BorrowedFd<'_> {
        // SAFETY: `raw` is `object`'s host fd, which stays open as long as
        // `object`, and so `self`, lives.
        unsafe { BorrowedFd::borrow_raw(self.raw) }
    }
}

/// Guest fd number → entry. Each slot's entry sits behind its own `Arc`
/// (rights belong to the number, so a duplicate gets a new one), which lets
/// a system call in a multi-threaded guest hold on to an entry with one
/// reference count rather than a copy.
#[derive(Debug, Default)]
pub(crate) struct FdTable {
    slots: Vec<Option<Arc<Entry>>>,
}

impl FdTable {
    pub(crate) fn new() -> FdTable {
        FdTable::default()
    }

    fn slot(&self, fd: Fd) -> Result<&Arc<Entry>, errno> {
        self.slots
            .get(fd.0 as usize)
            .and_then(Option::as_ref)
            .ok_or(errno::BADF)
    }

    pub(crate) fn get(&self, fd: Fd) -> Result<&Entry, errno> {
        self.slot(fd).map(|e| &**e)
    }

    /// The entry, for changing: copied first if a system call in progress
    /// still holds it.
    pub(crate) fn get_mut(&mut self, fd: Fd) -> Result<&mut Entry, errno> {
        self.slots
            .get_mut(fd.0 as usize)
            .and_then(Option::as_mut)
            .map(Arc::make_mut)
            .ok_or(errno::BADF)
    }

    /// The entry for `fd` if it has all of `needed`: EBADF if there is no
    /// such fd, ENOTCAPABLE if a right is missing.
    pub(crate) fn with(&self, fd: Fd, needed: rights) -> Result<&Entry, errno> {
        self.get(fd)?.require(needed)
    }

    /// As [`FdTable::with`], as a reference of its own.
    pub(crate) fn shared(&self, fd: Fd, needed: rights) -> Result<Arc<Entry>, errno> {
        let e = self.slot(fd)?;
        e.require(needed)?;
        Ok(e.clone())
    }

    /// Adds an entry under the lowest free number.
    pub(crate) fn insert(&mut self, entry: Entry) -> Result<Fd, errno> {
        let slot = match self.slots.iter().position(Option::is_none) {
            Some(i) => i,
            None if self.slots.len() < MAX_FDS => {
                self.slots.push(None);
                self.slots.len() - 1
            }
            None => return Err(errno::MFILE),
        };
        self.slots[slot] = Some(Arc::new(entry));
        Ok(Fd(slot as u32))
    }

    /// Puts `entry` at number `fd`; returns what was there.
    pub(crate) fn put(&mut self, fd: Fd, entry: Entry) -> Result<Option<Arc<Entry>>, errno> {
        let i = fd.0 as usize;
        if i >= MAX_FDS {
            return Err(errno::BADF);
        }
        if self.slots.len() <= i {
            self.slots.resize_with(i + 1, || None);
        }
        Ok(self.slots[i].replace(Arc::new(entry)))
    }

    pub(crate) fn remove(&mut self, fd: Fd) -> Result<Arc<Entry>, errno> {
        self.slots
            .get_mut(fd.0 as usize)
            .and_then(Option::take)
            .ok_or(errno::BADF)
    }

    /// A copy of `fd`'s entry, sharing its host fd.
    pub(crate) fn duplicate(&self, fd: Fd) -> Result<Entry, errno> {
        self.get(fd).cloned()
    }

    /// (guest fd, entry) pairs in number order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (Fd, &Entry)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.as_deref().map(|e| (Fd(i as u32), e)))
    }
}

/// The CloudABI file type of a host fd.
pub(crate) fn filetype_of(host: BorrowedFd<'_>) -> Result<filetype, errno> {
    let st = rustix::fs::fstat(host).host()?;
    Ok(match FileType::from_raw_mode(st.st_mode) {
        FileType::RegularFile => filetype::REGULAR_FILE,
        FileType::Directory => filetype::DIRECTORY,
        FileType::CharacterDevice => filetype::CHARACTER_DEVICE,
        FileType::BlockDevice => filetype::BLOCK_DEVICE,
        FileType::Symlink => filetype::SYMBOLIC_LINK,
        // A pipe behaves like one direction of a stream socket.
        FileType::Fifo => filetype::SOCKET_STREAM,
        FileType::Socket => socket_type(host),
        FileType::Unknown => filetype::UNKNOWN,
    })
}

fn socket_type(host: BorrowedFd<'_>) -> filetype {
    match rustix::net::sockopt::socket_type(host) {
        Ok(t) if t == rustix::net::SocketType::DGRAM => filetype::SOCKET_DGRAM,
        Ok(_) => filetype::SOCKET_STREAM,
        Err(_) => filetype::UNKNOWN,
    }
}

/// The most rights an fd of this type can have: (base, inheriting).
pub(crate) fn max_rights(t: filetype) -> (rights, rights) {
    let file = rights::FD_DATASYNC
        | rights::FD_READ
        | rights::FD_SEEK
        | rights::FD_STAT_PUT_FLAGS
        | rights::FD_SYNC
        | rights::FD_TELL
        | rights::FD_WRITE
        | rights::FILE_ADVISE
        | rights::FILE_ALLOCATE
        | rights::FILE_STAT_FGET
        | rights::FILE_STAT_FPUT_SIZE
        | rights::FILE_STAT_FPUT_TIMES
        | rights::MEM_MAP
        | rights::MEM_MAP_EXEC
        | rights::POLL_FD_READWRITE
        | rights::PROC_EXEC;
    let directory = rights::FD_STAT_PUT_FLAGS
        | rights::FD_SYNC
        | rights::FILE_ADVISE
        | rights::FILE_CREATE_DIRECTORY
        | rights::FILE_CREATE_FILE
        | rights::FILE_LINK_SOURCE
        | rights::FILE_LINK_TARGET
        | rights::FILE_OPEN
        | rights::FILE_READDIR
        | rights::FILE_READLINK
        | rights::FILE_RENAME_SOURCE
        | rights::FILE_RENAME_TARGET
        | rights::FILE_STAT_FGET
        | rights::FILE_STAT_FPUT_TIMES
        | rights::FILE_STAT_GET
        | rights::FILE_STAT_PUT_TIMES
        | rights::FILE_SYMLINK
        | rights::FILE_UNLINK
        | rights::POLL_FD_READWRITE;
    let stream = rights::FD_READ
        | rights::FD_STAT_PUT_FLAGS
        | rights::FD_WRITE
        | rights::FILE_STAT_FGET
        | rights::POLL_FD_READWRITE
        | rights::SOCK_SHUTDOWN;
    let shared_memory = rights::FD_READ
        | rights::FD_STAT_PUT_FLAGS
        | rights::FD_WRITE
        | rights::FILE_STAT_FGET
        | rights::FILE_STAT_FPUT_SIZE
        | rights::MEM_MAP
        | rights::MEM_MAP_EXEC
        | rights::POLL_FD_READWRITE;
    match t {
        filetype::REGULAR_FILE => (file, rights::empty()),
        filetype::DIRECTORY => (directory, directory | file),
        filetype::SOCKET_STREAM | filetype::SOCKET_DGRAM => (stream, rights::all()),
        filetype::SHARED_MEMORY => (shared_memory, rights::empty()),
        filetype::CHARACTER_DEVICE => (stream - rights::SOCK_SHUTDOWN, rights::empty()),
        filetype::SYMBOLIC_LINK => (rights::FILE_STAT_FGET, rights::empty()),
        filetype::PROCESS => (
            rights::FILE_STAT_FGET | rights::POLL_PROC_TERMINATE,
            rights::empty(),
        ),
        _ => (rights::FILE_STAT_FGET, rights::empty()),
    }
}

/// Rights the host fd's access mode rules out: a read-only fd cannot write
/// and a write-only fd cannot read.
fn access_mode_rights(host: BorrowedFd<'_>) -> Result<rights, errno> {
    use rustix::fs::OFlags;
    let flags = rustix::fs::fcntl_getfl(host).host()?;
    let writes = rights::FD_DATASYNC
        | rights::FD_WRITE
        | rights::FILE_ALLOCATE
        | rights::FILE_STAT_FPUT_SIZE;
    let reads = rights::FD_READ;
    if flags.contains(OFlags::PATH) {
        return Ok(rights::all() - writes - reads - rights::MEM_MAP - rights::FILE_READDIR);
    }
    Ok(match flags & OFlags::RWMODE {
        OFlags::RDONLY => rights::all() - writes,
        OFlags::WRONLY => rights::all() - reads - rights::MEM_MAP,
        _ => rights::all(),
    })
}
