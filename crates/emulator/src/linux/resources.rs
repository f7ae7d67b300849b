//! Opens the resources a configuration asks for. Every fd handed to the guest
//! is a close-on-exec copy numbered 3 or above, so whatever the guest does
//! with it never touches the launcher's own stdin, stdout and stderr.

use std::fs::File;
use std::net::{SocketAddr, ToSocketAddrs};
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};

use rustix::io::fcntl_dupfd_cloexec;
use rustix::net::{self, AddressFamily, SocketAddrUnix, SocketType as NetType};

use super::acceptor::{self, Acceptor};
use crate::config::{Resource, ResourceKind, SocketAction, SocketType};

/// Lowest host fd number used for guest fds.
const MIN_FD: i32 = 3;

/// A private copy of `fd`.
pub(crate) fn dup(fd: BorrowedFd<'_>) -> std::io::Result<OwnedFd> {
    Ok(fcntl_dupfd_cloexec(fd, MIN_FD)?)
}

/// An opened resource: the program's fd and, for `accept: pass`, the
/// acceptor to start once every resource is open.
#[derive(Debug)]
pub(crate) struct Opened {
    pub(crate) fd: OwnedFd,
    pub(crate) acceptor: Option<Acceptor>,
}

/// Opens one resource. `exe` is the program being run (for `!executable`).
/// The error is the message to print, naming the YAML position.
pub(crate) fn open(r: &Resource, exe: &File) -> Result<Opened, String> {
    let fail = |what: String, e: &dyn std::fmt::Display| format!("{}: {what}: {e}", r.at);
    if let ResourceKind::Socket {
        ty,
        action: SocketAction::AcceptAndPass,
        address,
    } = &r.kind
    {
        let what = format!("!socket {address}");
        let listener = socket(*ty, SocketAction::AcceptAndPass, address)
            .map_err(|e| fail(what.clone(), &e))?;
        let (acceptor, program) = Acceptor::new(listener, format!("{}: {what}", r.at))
            .map_err(|e| fail(what.clone(), &e))?;
        let fd = dup(program.as_fd()).map_err(|e| fail(what, &e))?;
        return Ok(Opened {
            fd,
            acceptor: Some(acceptor),
        });
    }
    open_fd(r, exe).map(|fd| Opened { fd, acceptor: None })
}

fn open_fd(r: &Resource, exe: &File) -> Result<OwnedFd, String> {
    let fail = |what: String, e: &dyn std::fmt::Display| format!("{}: {what}: {e}", r.at);
    match &r.kind {
        ResourceKind::HostFd(n) => {
            // SAFETY: the fd is only borrowed for the duplication, and
            // fcntl fails cleanly with EBADF if it is not open.
            let fd = unsafe { BorrowedFd::borrow_raw(*n) };
            dup(fd).map_err(|e| fail(format!("!fd {n}"), &e))
        }
        ResourceKind::Executable => dup(exe.as_fd()).map_err(|e| fail("!executable".into(), &e)),
        ResourceKind::File { path } => File::options()
            .read(true)
            .open(path)
            .map_err(|e| fail(format!("!file {path}"), &e))
            .and_then(|f| dup(f.as_fd()).map_err(|e| fail(format!("!file {path}"), &e))),
        ResourceKind::Socket {
            ty,
            action,
            address,
        } => socket(*ty, *action, address).map_err(|e| fail(format!("!socket {address}"), &e)),
    }
}

/// A socket bound to or connected to `address`; for `AcceptAndPass` the
/// listening socket the acceptor serves.
fn socket(ty: SocketType, action: SocketAction, address: &str) -> Result<OwnedFd, String> {
    let kind = match ty {
        SocketType::Stream => NetType::STREAM,
        SocketType::Dgram => NetType::DGRAM,
    };
    let flags = net::SocketFlags::CLOEXEC;
    let sock = if address.starts_with('/') {
        let addr = SocketAddrUnix::new(address).map_err(|e| e.to_string())?;
        let sock =
            net::socket_with(AddressFamily::UNIX, kind, flags, None).map_err(|e| e.to_string())?;
        match action {
            SocketAction::Bind | SocketAction::AcceptAndPass => net::bind(&sock, &addr),
            SocketAction::Connect => net::connect(&sock, &addr),
        }
        .map_err(|e| e.to_string())?;
        sock
    } else {
        let addr = resolve(address)?;
        let family = if addr.is_ipv4() {
            AddressFamily::INET
        } else {
            AddressFamily::INET6
        };
        let sock = net::socket_with(family, kind, flags, None).map_err(|e| e.to_string())?;
        match action {
            SocketAction::Bind | SocketAction::AcceptAndPass => {
                net::sockopt::set_socket_reuseaddr(&sock, true).map_err(|e| e.to_string())?;
                net::bind(&sock, &addr)
            }
            SocketAction::Connect => net::connect(&sock, &addr),
        }
        .map_err(|e| e.to_string())?;
        sock
    };
    match (action, ty) {
        (SocketAction::Bind, SocketType::Stream) => {
            net::listen(&sock, 16).map_err(|e| e.to_string())?
        }
        (SocketAction::AcceptAndPass, _) => {
            net::listen(&sock, acceptor::BACKLOG).map_err(|e| e.to_string())?
        }
        _ => {}
    }
    dup(sock.as_fd()).map_err(|e| e.to_string())
}

/// `host:port` or `[v6]:port`, which must name exactly one address.
fn resolve(address: &str) -> Result<SocketAddr, String> {
    let addrs: Vec<SocketAddr> = address
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve (want host:port or [v6]:port): {e}"))?
        .collect();
    match addrs.as_slice() {
        [one] => Ok(*one),
        [] => Err("resolves to no address".into()),
        many => Err(format!(
            "resolves to {} addresses, want exactly one",
            many.len()
        )),
    }
}
