//! `echo-server`: sends back what each client sends, one thread per
//! connection, for `connections` connections, then exits.
//!
//! Argdata: `{listener: fd, connections: int, out: fd?, err: fd?}`.
//!
//! CloudABI has no `accept` system call: a server does not take
//! connections from a listening socket itself, it is handed connected
//! sockets. `listener` is a socket over which whatever accepts the
//! connections passes each one as a descriptor (see
//! [`cloudabi_rt::net::Listener`]); in `echo-server.yaml` that is
//! `cloudabi-run` itself (`!socket {bind: 127.0.0.1:8080, accept: pass}`).
//! When all connections are done it prints a summary to `out`, if given.
#![no_std]
#![no_main]

use cloudabi_rt::net::{Listener, Shutdown, Socket};
use cloudabi_rt::prelude::*;
use cloudabi_rt::thread;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let listener: Listener = args.get("listener")?;
    let connections: u32 = args.get("connections")?;
    let mut workers = Vec::new();
    for _ in 0..connections {
        let Some(connection) = listener.accept()? else {
            break;
        };
        workers.push(thread::spawn(move || echo(connection)));
    }
    let mut served = 0;
    let mut bytes = 0;
    for worker in workers {
        bytes += worker.join().context("serving a connection")?;
        served += 1;
    }
    if let Some(mut out) = args.get_opt::<Fd>("out")? {
        writeln!(out, "echoed {bytes} bytes over {served} connections")?;
    }
    Ok(())
}

/// Echoes until the client shuts its side down; returns the byte count.
fn echo(connection: Socket) -> Result<u64, Error> {
    let mut buf = vec![0u8; 16 * 1024];
    let mut total = 0;
    loop {
        let n = connection.recv(&mut buf)?;
        if n == 0 {
            break;
        }
        connection.send_all(&buf[..n])?;
        total += n as u64;
    }
    connection.shutdown(Shutdown::Write)?;
    Ok(total)
}
