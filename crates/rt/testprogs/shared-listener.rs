//! A listener handed on the ways real servers hand one on: across
//! `proc_exec` (a supervisor that starts the server proper, giving it the
//! listener) and across `proc_fork` (pre-forked workers that take
//! connections from one listener, as from one accept queue). Run by
//! crates/emulator/tests/rt.rs with `cloudabi-run`'s `accept: pass`.
//!
//! Argdata: `{mode: M, listener: fd, out: fd, err: fd?, ...}`. Modes:
//! - `exec` (`self: fd`, `connections: N`, `keep: bool`): execs `self` in
//!   mode `serve` (or, with `keep: false`, mode `idle` without the
//!   listener);
//! - `serve` (`connections: N`): answers N connections one by one;
//! - `idle`: says so, sleeps 3 s and exits;
//! - `prefork` (`workers: W`): forks W workers, each answering connections
//!   until one sends `quit`; waits for all of them to end.
//!
//! Each connection sends one line; the answer is `<who>: <line>` and the
//! end of the stream.
#![no_std]
#![no_main]

use argdata::Value;
use cloudabi_rt::net::{Listener, Shutdown};
use cloudabi_rt::prelude::*;
use cloudabi_rt::time::Duration;

extern crate alloc;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<(), Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let out: Fd = args.get("out")?;
    cloudabi_rt::io::set_stdout(Some(out));
    let mode: &str = args.get("mode")?;
    match mode {
        "exec" => exec(args),
        "serve" => {
            let listener: Listener = args.get("listener")?;
            let connections: u32 = args.get("connections")?;
            for _ in 0..connections {
                let connection = listener.accept()?.ok_or("the listener ended")?;
                answer(&connection, "after exec")?;
            }
            println!("served {connections} after exec");
            Ok(())
        }
        "idle" => {
            println!("running without the listener");
            cloudabi_rt::thread::sleep(Duration::from_secs(3));
            Ok(())
        }
        "prefork" => prefork(args),
        other => Err(Error::msg(format!("unknown mode {other:?}"))),
    }
}

/// Reads one line from `connection` and answers `<who>: <line>`; returns
/// the line.
fn answer(connection: &Socket, who: &str) -> Result<String, Error> {
    let mut line = Vec::new();
    let mut buf = [0u8; 256];
    while !line.contains(&b'\n') {
        let n = connection.recv(&mut buf)?;
        if n == 0 {
            break;
        }
        line.extend_from_slice(&buf[..n]);
    }
    let line = String::from_utf8_lossy(&line).trim_end().to_string();
    connection.send_all(format!("{who}: {line}\n").as_bytes())?;
    connection.shutdown(Shutdown::Write)?;
    Ok(line)
}

/// Starts this program again in mode `serve` (or `idle`), handing on the
/// listener (or not), `out` and `err`.
fn exec(args: Args) -> Result<(), Error> {
    let program: Fd = args.get("self")?;
    let listener: Fd = args.get("listener")?;
    let keep: bool = args.get("keep")?;
    let connections: u32 = args.get("connections")?;
    let out = cloudabi_rt::io::set_stdout(None).ok_or("no out")?;
    let fd = |f: &Fd| Value::Fd(argdata::Fd::new(f.as_raw() as i32));
    let mut entries = vec![
        (Value::from("out"), fd(&out)),
        (Value::from("connections"), Value::from(connections as i64)),
    ];
    if keep {
        entries.push((Value::from("mode"), Value::from("serve")));
        entries.push((Value::from("listener"), fd(&listener)));
    } else {
        entries.push((Value::from("mode"), Value::from("idle")));
    }
    let encoded = Value::Map(entries).encode();
    let fds: Vec<cloudabi::fd> = encoded
        .fds
        .iter()
        .map(|f| cloudabi::fd(f.get().unwrap_or(-1) as u32))
        .collect();
    // SAFETY: the data and descriptor list are alive for the call.
    let e = unsafe { cloudabi::proc_exec(cloudabi::fd(program.as_raw()), &encoded.bytes, &fds) };
    Err(Error::from(e).context("proc_exec"))
}

/// Forks `workers` workers that share the listener, and waits for them.
fn prefork(args: Args) -> Result<(), Error> {
    let listener: Listener = args.get("listener")?;
    let workers: u32 = args.get("workers")?;
    // Each worker holds `alive` until it ends: reading `watch` sees the
    // end of the stream once all have.
    let (watch, alive) = Socket::pair()?;
    let mut children = Vec::new();
    for worker in 0..workers {
        let (mut fd, mut tid) = (cloudabi::fd(0), cloudabi::tid(0));
        // SAFETY: both are locals; this program is single-threaded.
        let e = unsafe { cloudabi::proc_fork(&mut fd, &mut tid) };
        if e != cloudabi::errno::SUCCESS {
            return Err(Error::from(e).context("proc_fork"));
        }
        if fd == cloudabi::PROCESS_CHILD {
            drop(watch);
            return work(worker, &listener);
        }
        // SAFETY: a new process descriptor, ours alone. (Closing it would
        // end the child: it is kept until the child is gone.)
        children.push(unsafe { Fd::from_raw(fd.0) });
    }
    drop(alive);
    drop(listener);
    let mut byte = [0u8; 1];
    while watch.recv(&mut byte)? != 0 {}
    println!("{workers} workers done");
    Ok(())
}

fn work(worker: u32, listener: &Listener) -> Result<(), Error> {
    let who = format!("worker {worker}");
    loop {
        let connection = listener.accept()?.ok_or("the listener ended")?;
        if answer(&connection, &who)? == "quit" {
            return Ok(());
        }
    }
}
