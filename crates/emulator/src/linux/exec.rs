//! `proc_exec` by re-executing `cloudabi-run` in a hidden mode: the new
//! process image gets the executable, the Argdata (in a memfd) and the kept
//! fds as inherited host fds, described on its command line ([`KeptFd`]) in
//! the guest's order; everything else the old guest had is closed by the
//! exec (all other host fds are close-on-exec).

use std::fs::File;
use std::io::{self, Read, Seek, Write};
use std::os::fd::{AsFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};

use cloudabi::{filetype, rights};

use super::host::fdtable::Object;
use super::host::{Child, Ended, Entry, FdTable};

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

/// What the new program must know of a kept fd besides the host fd: its
/// type and rights (which the host fd alone cannot tell: rights may have
/// been dropped, and a process descriptor is a pidfd), and for a process
/// descriptor how the child ended, if that was already collected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeptFd {
    pub filetype: filetype,
    pub base: rights,
    pub inheriting: rights,
    pub ended: Option<Ended>,
}

impl KeptFd {
    /// `RAW:FILETYPE:BASE:INHERITING`, then `:SIGNAL:EXITCODE` for a child
    /// that ended.
    pub fn spec(&self, raw: RawFd) -> String {
        let mut s = format!(
            "{raw}:{}:{}:{}",
            self.filetype as u8,
            self.base.bits(),
            self.inheriting.bits()
        );
        if let Some(e) = self.ended {
            s.push_str(&format!(":{}:{}", e.signal, e.exitcode));
        }
        s
    }

    pub fn parse(spec: &str) -> Result<(RawFd, KeptFd), String> {
        let bad = || format!("{CHILD_FLAG}: bad fd spec {spec:?}");
        let parts: Vec<&str> = spec.split(':').collect();
        let (raw, filetype, base, inheriting, ended) = match parts[..] {
            [r, t, b, i] => (r, t, b, i, None),
            [r, t, b, i, sig, code] => (r, t, b, i, Some((sig, code))),
            _ => return Err(bad()),
        };
        let raw = raw.parse().map_err(|_| bad())?;
        let filetype = filetype
            .parse()
            .ok()
            .and_then(cloudabi::host::validate::filetype)
            .ok_or_else(bad)?;
        let rights = |s: &str| s.parse().map(rights::from_bits_truncate).map_err(|_| bad());
        let ended = match ended {
            None => None,
            Some((sig, code)) => Some(Ended {
                signal: sig.parse().map_err(|_| bad())?,
                exitcode: code.parse().map_err(|_| bad())?,
            }),
        };
        let kept = KeptFd {
            filetype,
            base: rights(base)?,
            inheriting: rights(inheriting)?,
            ended,
        };
        Ok((raw, kept))
    }

    /// The entry for `host` in the new program's table.
    fn entry(self, host: OwnedFd) -> Entry {
        let child = (self.filetype == filetype::PROCESS).then(|| Child::adopted(self.ended));
        Entry::of(
            Object { host, child },
            self.filetype,
            self.base,
            self.inheriting,
        )
    }
}

/// What the hidden mode's command line describes.
pub struct ExecChild {
    pub executable: File,
    pub argdata: Vec<u8>,
    pub fds: FdTable,
}

/// Takes over the fds named on the command line (the values of
/// [`CHILD_FLAG`]).
pub fn child_from_args(args: &[String]) -> Result<ExecChild, String> {
    let mut args = args.iter();
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
        let (raw, kept) = KeptFd::parse(spec)?;
        fds.insert(kept.entry(adopt(raw)?))
            .map_err(|e| format!("{CHILD_FLAG}: {e:?}"))?;
    }
    Ok(ExecChild {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_round_trip() {
        let kept = [
            KeptFd {
                filetype: filetype::REGULAR_FILE,
                base: rights::FD_READ | rights::FD_SEEK,
                inheriting: rights::empty(),
                ended: None,
            },
            KeptFd {
                filetype: filetype::PROCESS,
                base: rights::POLL_PROC_TERMINATE,
                inheriting: rights::empty(),
                ended: Some(Ended {
                    signal: 0,
                    exitcode: 3,
                }),
            },
        ];
        for k in kept {
            assert_eq!(KeptFd::parse(&k.spec(7)), Ok((7, k)));
        }
    }

    #[test]
    fn bad_specs_are_refused() {
        for bad in [
            "",
            "3",
            "3:4:5",
            "x:0:0:0",
            "3:200:0:0",
            "3:0:0:0:1",
            "3:0:0:0:a:b",
        ] {
            assert!(KeptFd::parse(bad).is_err(), "{bad:?}");
        }
    }
}
