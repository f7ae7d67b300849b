//! `sock_*`: messages with data and fds on connected sockets.

use std::mem::MaybeUninit;
use std::os::fd::BorrowedFd;

use cloudabi::{
    errno, fd as Fd, recv_in, recv_out, riflags, rights, roflags, sdflags, send_in, send_out,
};
use rustix::net::{
    RecvAncillaryBuffer, RecvAncillaryMessage, RecvFlags, ReturnFlags, SendAncillaryBuffer,
    SendAncillaryMessage, SendFlags, Shutdown,
};

use super::errors::HostResult;
use super::fdtable::Entry;
use super::{FdRef, Host};

/// Most fds one message may carry (Linux's SCM_MAX_FD).
const MAX_FDS: usize = 253;

impl Host {
    /// `cloudabi_sock_recv`: data, and descriptors only where the caller made
    /// room for them. A message's descriptors that do not all fit are all
    /// dropped and FDS_TRUNCATED says so; without room asked for they are
    /// dropped silently (kern_recvit gets no control buffer). A stream read
    /// stops after a message that carried descriptors (Linux does so too);
    /// it may run into one from plain data before it, which FreeBSD keeps
    /// apart: Linux cannot tell where such a message starts without reading
    /// into it (a peek reports the next message's descriptors as soon as it
    /// reaches the end of the data before them).
    pub(super) fn do_sock_recv(&mut self, sock: Fd, r#in: &recv_in) -> Result<recv_out, errno> {
        let entry = Entry::clone(&*self.entry(sock, rights::FD_READ)?);
        // SAFETY: checked guest ranges, as for fd_read.
        let iovs = unsafe { cloudabi::host::slice(self, r#in.ri_data.0, r#in.ri_data.1) }?;
        if self.pending.short.is_none() {
            return self.recv_into(&entry, iovs, r#in);
        }
        // `--inject short=P`: fewer bytes than asked, as a stream may give.
        let mut out = None;
        self.short_transfer(sock, iovs, |h, cut| {
            let o = h.recv_into(&entry, cut, r#in)?;
            out = Some(o);
            Ok(o.ro_datalen)
        })?;
        out.ok_or(errno::IO)
    }

    /// `sock_recv` into `iovs` (the caller's buffers, or fewer bytes of
    /// them).
    fn recv_into(
        &mut self,
        entry: &Entry,
        iovs: &[cloudabi::iovec],
        r#in: &recv_in,
    ) -> Result<recv_out, errno> {
        let mut flags = RecvFlags::CMSG_CLOEXEC;
        flags.set(RecvFlags::PEEK, r#in.ri_flags.contains(riflags::PEEK));
        flags.set(RecvFlags::WAITALL, r#in.ri_flags.contains(riflags::WAITALL));
        let mut bufs = self.read_buffers(iovs)?;
        // SAFETY: as above.
        let fds_out = unsafe { cloudabi::host::slice_mut(self, r#in.ri_fds.0, r#in.ri_fds.1) }?;
        let mut space = vec![
            MaybeUninit::uninit();
            if fds_out.is_empty() {
                0
            } else {
                rustix::cmsg_space!(ScmRights(MAX_FDS))
            }
        ];
        let mut control = RecvAncillaryBuffer::new(&mut space);
        let msg = rustix::net::recvmsg(entry.fd(), &mut bufs, &mut control, flags).host()?;
        let mut out_flags = roflags::empty();
        out_flags.set(
            roflags::DATA_TRUNCATED,
            msg.flags.contains(ReturnFlags::TRUNC),
        );
        let mut fdslen = 0;
        for m in control.drain() {
            let RecvAncillaryMessage::ScmRights(fds) = m else {
                continue;
            };
            let fds: Vec<_> = fds.collect();
            if fds.len() > fds_out.len() - fdslen {
                // Dropping closes them.
                out_flags |= roflags::FDS_TRUNCATED;
                break;
            }
            for host in fds {
                let entry = Entry::from_host(host)?;
                fds_out[fdslen] = self.fds_mut(|t| t.insert(entry))?;
                fdslen += 1;
            }
        }
        Ok(recv_out {
            ro_datalen: msg.bytes,
            ro_fdslen: fdslen,
            ro_unused: [0; 40],
            ro_flags: out_flags,
        })
    }

    pub(super) fn do_sock_send(&mut self, sock: Fd, r#in: &send_in) -> Result<send_out, errno> {
        self.entry(sock, rights::FD_WRITE)?;
        // SAFETY: checked guest ranges, as for fd_write.
        let iovs = unsafe { cloudabi::host::slice(self, r#in.si_data.0, r#in.si_data.1) }?;
        let so_datalen = if self.pending.short.is_none() {
            self.send_from(sock, iovs, r#in)?
        } else {
            // `--inject short=P`: fewer bytes than asked, as a stream may take.
            self.short_transfer(sock, iovs, |h, cut| h.send_from(sock, cut, r#in))?
        };
        Ok(send_out { so_datalen })
    }

    /// `sock_send` of `iovs` (the caller's buffers, or fewer bytes of them);
    /// how many bytes went.
    fn send_from(
        &mut self,
        sock: Fd,
        iovs: &[cloudabi::ciovec],
        r#in: &send_in,
    ) -> Result<usize, errno> {
        let bufs = self.write_buffers(iovs)?;
        // SAFETY: as above.
        let passed = unsafe { cloudabi::host::slice(self, r#in.si_fds.0, r#in.si_fds.1) }?;
        if passed.len() > MAX_FDS {
            return Err(errno::INVAL);
        }
        let entries: Vec<FdRef<'_>> = passed
            .iter()
            .map(|f| self.entry(*f, rights::empty()))
            .collect::<Result<_, _>>()?;
        let hosts: Vec<BorrowedFd<'_>> = entries.iter().map(|e| e.fd()).collect();
        let mut space =
            vec![MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(hosts.len().max(1)))];
        let mut control = SendAncillaryBuffer::new(&mut space);
        if !hosts.is_empty() && !control.push(SendAncillaryMessage::ScmRights(&hosts)) {
            return Err(errno::NOBUFS);
        }
        let sent = rustix::net::sendmsg(
            self.entry(sock, rights::FD_WRITE)?.fd(),
            &bufs,
            &mut control,
            SendFlags::NOSIGNAL,
        )
        .host()?;
        Ok(sent)
    }

    pub(super) fn do_sock_shutdown(&mut self, sock: Fd, how: sdflags) -> Result<(), errno> {
        let e = self.entry(sock, rights::SOCK_SHUTDOWN)?;
        // cloudabi_sys_sock_shutdown: RD, WR or both, nothing else.
        let how = if how == sdflags::RD | sdflags::WR {
            Shutdown::Both
        } else if how == sdflags::RD {
            Shutdown::Read
        } else if how == sdflags::WR {
            Shutdown::Write
        } else {
            return Err(errno::INVAL);
        };
        rustix::net::shutdown(e.fd(), how).host()
    }
}
