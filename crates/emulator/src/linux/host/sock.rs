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
    pub(super) fn do_sock_recv(&mut self, sock: Fd, r#in: &recv_in) -> Result<recv_out, errno> {
        self.entry(sock, rights::FD_READ)?;
        // SAFETY: checked guest ranges, as for fd_read.
        let iovs = unsafe { cloudabi::host::slice(self, r#in.ri_data.0, r#in.ri_data.1) }?;
        let mut bufs = self.read_buffers(iovs)?;
        // SAFETY: as above.
        let fds_out = unsafe { cloudabi::host::slice_mut(self, r#in.ri_fds.0, r#in.ri_fds.1) }?;
        let nfds = fds_out.len().min(MAX_FDS);
        let mut space = vec![MaybeUninit::uninit(); rustix::cmsg_space!(ScmRights(nfds.max(1)))];
        let mut control = RecvAncillaryBuffer::new(&mut space);
        let mut flags = RecvFlags::CMSG_CLOEXEC;
        flags.set(RecvFlags::PEEK, r#in.ri_flags.contains(riflags::PEEK));
        flags.set(RecvFlags::WAITALL, r#in.ri_flags.contains(riflags::WAITALL));
        let msg = rustix::net::recvmsg(
            self.entry(sock, rights::FD_READ)?.fd(),
            &mut bufs,
            &mut control,
            flags,
        )
        .host()?;
        let mut received = Vec::new();
        for m in control.drain() {
            if let RecvAncillaryMessage::ScmRights(fds) = m {
                received.extend(fds);
            }
        }
        let mut out_flags = roflags::empty();
        out_flags.set(
            roflags::DATA_TRUNCATED,
            msg.flags.contains(ReturnFlags::TRUNC),
        );
        out_flags.set(
            roflags::FDS_TRUNCATED,
            msg.flags.contains(ReturnFlags::CTRUNC),
        );
        let mut fdslen = 0;
        for host in received {
            // Fds that do not fit are closed (dropped) here.
            if fdslen < fds_out.len() {
                let entry = Entry::from_host(host)?;
                fds_out[fdslen] = self.fds_mut(|t| t.insert(entry))?;
                fdslen += 1;
            } else {
                out_flags |= roflags::FDS_TRUNCATED;
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
        Ok(send_out { so_datalen: sent })
    }

    pub(super) fn do_sock_shutdown(&mut self, sock: Fd, how: sdflags) -> Result<(), errno> {
        let e = self.entry(sock, rights::SOCK_SHUTDOWN)?;
        let how = match (how.contains(sdflags::RD), how.contains(sdflags::WR)) {
            (true, true) => Shutdown::Both,
            (true, false) => Shutdown::Read,
            (false, true) => Shutdown::Write,
            (false, false) => return Err(errno::INVAL),
        };
        rustix::net::shutdown(e.fd(), how).host()
    }
}
