//! Host (Linux) error numbers to CloudABI's. Both sides' values come from
//! their own crates (rustix, the generated `cloudabi`); only the pairing of
//! same-named POSIX errors is written here.

use cloudabi::errno;
use rustix::io::Errno;

macro_rules! same_names {
    ($host:expr; $($name:ident)*) => {{
        let host = $host;
        $(if host == Errno::$name { return errno::$name; })*
    }};
}

/// The CloudABI errno for a host error; errors CloudABI has no name for
/// become `EIO`.
pub(crate) fn from_host(e: Errno) -> errno {
    same_names!(e;
        TOOBIG ADDRINUSE ADDRNOTAVAIL AFNOSUPPORT AGAIN ALREADY BADF BADMSG BUSY
        CANCELED CHILD CONNABORTED CONNREFUSED CONNRESET DEADLK DESTADDRREQ DOM DQUOT
        EXIST FAULT FBIG HOSTUNREACH IDRM ILSEQ INPROGRESS INTR INVAL IO ISCONN ISDIR
        LOOP MFILE MLINK MSGSIZE MULTIHOP NAMETOOLONG NETDOWN NETRESET NETUNREACH
        NFILE NOBUFS NODEV NOENT NOEXEC NOLCK NOLINK NOMEM NOMSG NOPROTOOPT NOSPC
        NOSYS NOTCONN NOTDIR NOTEMPTY NOTRECOVERABLE NOTSOCK NOTSUP NOTTY NXIO
        OVERFLOW OWNERDEAD PERM PIPE PROTO PROTONOSUPPORT PROTOTYPE RANGE ROFS SPIPE
        SRCH STALE TIMEDOUT TXTBSY XDEV
    );
    if e == Errno::ACCESS {
        return errno::ACCES;
    }
    if e == Errno::OPNOTSUPP {
        return errno::NOTSUP;
    }
    errno::IO
}

/// `?`-friendly conversion of host results.
pub(crate) trait HostResult<T> {
    fn host(self) -> Result<T, errno>;
}

impl<T> HostResult<T> for rustix::io::Result<T> {
    fn host(self) -> Result<T, errno> {
        self.map_err(from_host)
    }
}

impl<T> HostResult<T> for std::io::Result<T> {
    fn host(self) -> Result<T, errno> {
        self.map_err(|e| from_host(Errno::from_io_error(&e).unwrap_or(Errno::IO)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_errors_map_by_name() {
        assert_eq!(from_host(Errno::BADF), errno::BADF);
        assert_eq!(from_host(Errno::ACCESS), errno::ACCES);
        assert_eq!(from_host(Errno::TOOBIG), errno::TOOBIG);
        assert_eq!(from_host(Errno::XDEV), errno::XDEV);
        assert_eq!(from_host(Errno::NOTBLK), errno::IO);
    }
}
