//! Path resolution confined beneath a directory fd.
//!
//! Every lookup goes through `openat2` with `RESOLVE_BENEATH`: absolute paths,
//! `..` that climbs above the directory and symlinks (absolute or relative)
//! that lead outside all fail, which the kernel reports as EXDEV and the guest
//! sees as ENOTCAPABLE. Calls that work on a directory entry rather than a
//! file (create, unlink, rename, link, symlink) first open the entry's parent
//! the same way, then use the `*at` call on the final name only, so nothing
//! but that one component is resolved outside `openat2`.

use std::os::fd::{BorrowedFd, OwnedFd};

use cloudabi::errno;
use rustix::fs::{Mode, OFlags, ResolveFlags};
use rustix::io::Errno;

use super::errors::from_host;

fn resolve_flags() -> ResolveFlags {
    ResolveFlags::BENEATH | ResolveFlags::NO_MAGICLINKS
}

/// FreeBSD's PATH_MAX, which copyin_path (cloudabi_file.c) holds every path
/// to. It also bounds what a guest makes the emulator allocate for a path.
const PATH_MAX: usize = 1024;

/// What copyin_path refuses: a path of PATH_MAX bytes or more
/// (ENAMETOOLONG), or one holding a NUL byte (EINVAL).
pub(crate) fn copyin_path(path: &[u8]) -> Result<(), errno> {
    if path.len() >= PATH_MAX {
        Err(errno::NAMETOOLONG)
    } else if path.contains(&0) {
        Err(errno::INVAL)
    } else {
        Ok(())
    }
}

fn check_relative(path: &[u8]) -> Result<(), errno> {
    copyin_path(path)?;
    match path.first() {
        None => Err(errno::NOENT),
        Some(b'/') => Err(errno::NOTCAPABLE),
        _ if path.contains(&0) => Err(errno::INVAL),
        _ => Ok(()),
    }
}

fn confined(e: Errno) -> errno {
    if e == Errno::XDEV {
        errno::NOTCAPABLE
    } else {
        from_host(e)
    }
}

/// Opens `path` beneath `dir`. Symlinks in the last component are followed
/// only when `follow` is set (and stay confined when they are).
pub(crate) fn open(
    dir: BorrowedFd<'_>,
    path: &[u8],
    oflags: OFlags,
    mode: Mode,
    follow: bool,
) -> Result<OwnedFd, errno> {
    check_relative(path)?;
    // openat2 is strict: O_PATH takes no flags beyond these three, and a
    // mode only goes with O_CREAT.
    let mut oflags = oflags | OFlags::CLOEXEC;
    if !oflags.contains(OFlags::PATH) {
        oflags |= OFlags::NOCTTY;
    }
    let mode = if oflags.contains(OFlags::CREATE) {
        mode
    } else {
        Mode::empty()
    };
    if !follow {
        oflags |= OFlags::NOFOLLOW;
    }
    rustix::fs::openat2(dir, path, oflags, mode, resolve_flags()).map_err(confined)
}

/// An `O_PATH` handle on `path` beneath `dir`: enough to stat it or to name
/// it in a later call, whatever its permissions.
pub(crate) fn handle(dir: BorrowedFd<'_>, path: &[u8], follow: bool) -> Result<OwnedFd, errno> {
    open(dir, path, OFlags::PATH, Mode::empty(), follow)
}

/// A directory entry named by a path: the directory that holds it (opened
/// beneath the starting directory) and the entry's own name, with any
/// trailing slashes kept so the kernel applies their meaning.
pub(crate) struct Entry<'p> {
    pub(crate) parent: OwnedFd,
    pub(crate) name: &'p [u8],
}

/// Splits `path` into its parent directory (opened) and final name.
pub(crate) fn entry<'p>(dir: BorrowedFd<'_>, path: &'p [u8]) -> Result<Entry<'p>, errno> {
    check_relative(path)?;
    let trimmed_len = path.iter().rposition(|&b| b != b'/').map_or(0, |i| i + 1);
    let (parent, name) = match path[..trimmed_len].iter().rposition(|&b| b == b'/') {
        Some(slash) => (&path[..slash], &path[slash + 1..]),
        None => (&b"."[..], path),
    };
    let component = &name[..name.iter().position(|&b| b == b'/').unwrap_or(name.len())];
    if component == b".." || component == b"." {
        // Not an entry that can be created or removed. Say ENOTCAPABLE when
        // the path leads outside, as any other escape would.
        return Err(match handle(dir, path, true) {
            Err(errno::NOTCAPABLE) => errno::NOTCAPABLE,
            _ => errno::INVAL,
        });
    }
    let parent = open(
        dir,
        parent,
        OFlags::PATH | OFlags::DIRECTORY,
        Mode::empty(),
        true,
    )?;
    Ok(Entry { parent, name })
}

/// The `/proc` name of an fd, through which `*at` calls that have no
/// "empty path" form can reach a file already resolved with [`open`].
pub(crate) fn proc_path(fd: BorrowedFd<'_>) -> String {
    use std::os::fd::AsRawFd;
    format!("/proc/self/fd/{}", fd.as_raw_fd())
}
