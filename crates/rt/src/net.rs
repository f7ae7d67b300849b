//! Sockets: sending and receiving data and descriptors on connected
//! sockets.
//!
//! CloudABI has no calls to create, bind, connect or accept sockets: a
//! program gets its sockets from whoever starts it (`!socket` in
//! `cloudabi-run`'s configuration), makes connected pairs with
//! [`Socket::pair`], or receives connected sockets from another process
//! as descriptors in a message ([`Socket::recv_with_fds`],
//! [`Socket::recv_fd`]). The last is how a CloudABI server is handed its
//! connections: something outside it accepts them and passes each one in
//! (`cloudabi-run` does, for `!socket {bind: ADDRESS, accept: pass}`).

use alloc::vec::Vec;
use core::fmt;
use core::mem::MaybeUninit;

use cloudabi::{
    ciovec, filetype, iovec, recv_in, recv_out, riflags, roflags, sdflags, send_in, send_out,
    siflags,
};

use crate::error::{check, Errno, Error};
use crate::fd::{expect_type, Fd, FileType, FromFd};

/// Which directions [`Socket::shutdown`] closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shutdown {
    /// No more receiving.
    Read,
    /// No more sending: the peer reads end of file.
    Write,
    /// Both.
    Both,
}

/// What [`Socket::recv_with_fds`] received.
#[derive(Debug)]
pub struct Received {
    /// Bytes of data received (0 at end of stream).
    pub len: usize,
    /// The descriptors that came with the data, now owned.
    pub fds: Vec<Fd>,
    /// The message had more data than fitted (datagram sockets).
    pub data_truncated: bool,
    /// The message had more descriptors than asked for; the rest were closed.
    pub fds_truncated: bool,
}

/// A socket descriptor.
#[derive(Debug)]
pub struct Socket(Fd);

impl Socket {
    /// The descriptor.
    pub fn as_fd(&self) -> &Fd {
        &self.0
    }

    /// The descriptor, giving up the `Socket`.
    pub fn into_fd(self) -> Fd {
        self.0
    }

    /// A connected pair of stream sockets.
    pub fn pair() -> Result<(Socket, Socket), Errno> {
        let (mut a, mut b) = (cloudabi::fd(0), cloudabi::fd(0));
        // SAFETY: `a` and `b` are locals.
        check(unsafe { cloudabi::fd_create2(filetype::SOCKET_STREAM, &mut a, &mut b) })?;
        // SAFETY: two new descriptors the call handed to us alone.
        unsafe { Ok((Socket(Fd::from_raw(a.0)), Socket(Fd::from_raw(b.0)))) }
    }

    /// Sends `data`; returns how much was sent (possibly less).
    pub fn send(&self, data: &[u8]) -> Result<usize, Errno> {
        self.send_with_fds(data, &[])
    }

    /// Sends `data` together with copies of the descriptors `fds`, which the
    /// receiver gets as new descriptors of its own.
    pub fn send_with_fds(&self, data: &[u8], fds: &[&Fd]) -> Result<usize, Errno> {
        let raw: Vec<cloudabi::fd> = fds.iter().map(|f| f.abi()).collect();
        let iov = [ciovec {
            buf: (data.as_ptr().cast(), data.len()),
        }];
        let si = send_in {
            si_data: (iov.as_ptr(), iov.len()),
            si_fds: (raw.as_ptr(), raw.len()),
            si_flags: siflags::empty(),
        };
        let mut out = MaybeUninit::<send_out>::uninit();
        // SAFETY: every pointer refers to a local or a slice alive for the call.
        check(unsafe { cloudabi::sock_send(self.0.abi(), &si, out.as_mut_ptr()) })?;
        // SAFETY: filled by the call (a plain integer).
        Ok(unsafe { out.assume_init() }.so_datalen)
    }

    /// Sends all of `data`.
    pub fn send_all(&self, mut data: &[u8]) -> Result<(), Error> {
        while !data.is_empty() {
            match self.send(data)? {
                0 => return Err(Error::msg("the socket accepted no more data")),
                n => data = &data[n..],
            }
        }
        Ok(())
    }

    /// Receives data into `buf`; `Ok(0)` when the peer has shut down.
    pub fn recv(&self, buf: &mut [u8]) -> Result<usize, Errno> {
        Ok(self.recv_with_fds(buf, 0)?.len)
    }

    /// Receives data into `buf` and up to `max_fds` descriptors.
    pub fn recv_with_fds(&self, buf: &mut [u8], max_fds: usize) -> Result<Received, Errno> {
        let mut raw: Vec<cloudabi::fd> = alloc::vec![cloudabi::fd(u32::MAX); max_fds];
        let iov = [iovec {
            buf: (buf.as_mut_ptr().cast(), buf.len()),
        }];
        let ri = recv_in {
            ri_data: (iov.as_ptr(), iov.len()),
            ri_fds: (raw.as_mut_ptr(), raw.len()),
            ri_flags: riflags::empty(),
        };
        let mut out = MaybeUninit::<recv_out>::uninit();
        // SAFETY: every pointer refers to a local or a buffer alive for the call.
        check(unsafe { cloudabi::sock_recv(self.0.abi(), &ri, out.as_mut_ptr()) })?;
        // SAFETY: filled by the call (integers and a flag set).
        let out = unsafe { out.assume_init() };
        let nfds = out.ro_fdslen.min(raw.len());
        // SAFETY: the first `nfds` entries are new descriptors the call
        // handed to us alone.
        let fds = raw[..nfds]
            .iter()
            .map(|f| unsafe { Fd::from_raw(f.0) })
            .collect();
        Ok(Received {
            len: out.ro_datalen.min(buf.len()),
            fds,
            data_truncated: out.ro_flags.contains(roflags::DATA_TRUNCATED),
            fds_truncated: out.ro_flags.contains(roflags::FDS_TRUNCATED),
        })
    }

    /// Receives one descriptor passed in a message (with at least one byte
    /// of data, which is dropped); `Ok(None)` when the peer has shut down.
    pub fn recv_fd(&self) -> Result<Option<Fd>, Error> {
        let mut byte = [0u8; 1];
        loop {
            let mut r = self.recv_with_fds(&mut byte, 1)?;
            if let Some(fd) = r.fds.pop() {
                return Ok(Some(fd));
            }
            if r.len == 0 {
                return Ok(None);
            }
            // Data without a descriptor: keep reading.
        }
    }

    /// Closes one or both directions.
    pub fn shutdown(&self, how: Shutdown) -> Result<(), Errno> {
        let how = match how {
            Shutdown::Read => sdflags::RD,
            Shutdown::Write => sdflags::WR,
            Shutdown::Both => sdflags::RD | sdflags::WR,
        };
        // SAFETY: no pointers.
        check(unsafe { cloudabi::sock_shutdown(self.0.abi(), how) })
    }
}

impl FromFd for Socket {
    fn from_fd(fd: Fd) -> Result<Socket, Error> {
        expect_type(
            &fd,
            &[FileType::StreamSocket, FileType::DatagramSocket],
            "a socket",
        )?;
        Ok(Socket(fd))
    }
}

/// Where a server's connections come from: a socket over which something
/// outside the program (a launcher, a switchboard) passes each accepted
/// connection as a descriptor, in a message of at least one byte.
/// `cloudabi-run` gives a program one for `!socket {bind: ADDRESS, accept:
/// pass}`; several processes holding it (after `proc_fork`) share the
/// connections, each [`accept`](Listener::accept) taking the next.
///
/// CloudABI has no `accept`: a program cannot take connections from a
/// listening socket itself, so it is handed connected sockets instead, and
/// can only ever talk to peers someone else let in.
#[derive(Debug)]
pub struct Listener(Socket);

impl Listener {
    /// The next connection; `None` once the other side has shut down.
    pub fn accept(&self) -> Result<Option<Socket>, Error> {
        match self.0.recv_fd()? {
            Some(fd) => Socket::from_fd(fd).map(Some),
            None => Ok(None),
        }
    }

    /// The socket connections arrive on.
    pub fn as_socket(&self) -> &Socket {
        &self.0
    }
}

impl FromFd for Listener {
    fn from_fd(fd: Fd) -> Result<Listener, Error> {
        Socket::from_fd(fd).map(Listener)
    }
}

impl crate::io::Read for Socket {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, Error> {
        Ok(self.recv(buf)?)
    }
}

impl crate::io::Write for Socket {
    fn write(&mut self, buf: &[u8]) -> Result<usize, Error> {
        Ok(self.send(buf)?)
    }
}

impl fmt::Write for Socket {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.send_all(s.as_bytes()).map_err(|_| fmt::Error)
    }
}
