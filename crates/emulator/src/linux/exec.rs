//! `proc_exec` by re-executing `cloudabi-run` in a hidden mode: the new
//! process image gets the executable, the Argdata (in a memfd) and the kept
//! fds with their rights as inherited host fds, numbered on its command line
//! in the guest's order; everything else the old guest had is closed by the
//! exec (all other host fds are close-on-exec).

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use cloudabi::rights;

use super::host::{Entry, FdTable};

/// The hidden first argument of the re-executed launcher.
pub const CHILD_FLAG: &str = "--exec-child";

/// The whole contents of the file behind `fd`, read from its start (the
/// fd's own offset is left alone).
pub fn read_all(fd: BorrowedFd<'_>) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = rustix::io::pread(fd, &mut buf, out.len() as u64)?;
        if n == 0 {
            return Ok(out);
        }
        out.extend_from_slice(&buf[..n]);
    }
}

/// An inheritable (not close-on-exec) memfd holding `data`, rewound.
pub fn argdata_fd(data: &[u8]) -> io::Result<OwnedFd> {
    let fd = rustix::fs::memfd_create("cloudabi-argdata", rustix::fs::MemfdFlags::empty())?;
    let mut f = File::from(fd);
    f.write_all(data)?;
    f.rewind()?;
    Ok(f.into())
}

/// What the hidden mode's command line describes.
pub struct Child {
    pub trace: bool,
    pub executable: File,
    pub argdata: Vec<u8>,
    pub fds: FdTable,
}

/// Takes over the fds named on the command line (after [`CHILD_FLAG`]).
pub fn child_from_args(args: &[String]) -> Result<Child, String> {
    let mut args = args.iter().peekable();
    let trace = args.next_if(|a| *a == "--trace").is_some();
    let mut take = |what: &str| -> Result<OwnedFd, String> {
        let raw: RawFd = args
            .next()
            .and_then(|a| a.parse().ok())
            .ok_or_else(|| format!("{CHILD_FLAG}: missing {what} fd"))?;
        adopt(raw)
    };
    let executable = File::from(take("executable")?);
    let mut argdata = Vec::new();
    File::from(take("argdata")?)
        .read_to_end(&mut argdata)
        .map_err(|e| e.to_string())?;
    let mut fds = FdTable::new();
    for spec in args {
        let parts: Vec<&str> = spec.split(':').collect();
        let [raw, base, inheriting] = parts[..] else {
            return Err(format!("{CHILD_FLAG}: bad fd spec {spec:?}"));
        };
        let number = |s: &str| {
            s.parse::<u64>()
                .map_err(|_| format!("{CHILD_FLAG}: bad fd spec {spec:?}"))
        };
        let host = adopt(
            raw.parse()
                .map_err(|_| format!("{CHILD_FLAG}: bad fd spec {spec:?}"))?,
        )?;
        let mut entry =
            Entry::from_host(host).map_err(|e| format!("{CHILD_FLAG}: fd {raw}: {e:?}"))?;
        entry.base = rights::from_bits_truncate(number(base)?);
        entry.inheriting = rights::from_bits_truncate(number(inheriting)?);
        fds.insert(entry)
            .map_err(|e| format!("{CHILD_FLAG}: {e:?}"))?;
    }
    Ok(Child {
        trace,
        executable,
        argdata,
        fds,
    })
}

/// Takes ownership of an inherited fd, moving it to a close-on-exec number
/// of 3 or above.
fn adopt(raw: RawFd) -> Result<OwnedFd, String> {
    if raw < 0
        || rustix::io::fcntl_getfd(
            // SAFETY: only borrowed to ask whether it is open.
            unsafe { BorrowedFd::borrow_raw(raw) },
        )
        .is_err()
    {
        return Err(format!("{CHILD_FLAG}: fd {raw} is not open"));
    }
    // SAFETY: the parent passed this fd to us alone; nothing else in this
    // process owns it.
    let owned = unsafe { OwnedFd::from_raw_fd(raw) };
    super::resources::dup(owned.as_fd()).map_err(|e| e.to_string())
}
