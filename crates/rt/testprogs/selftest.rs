//! Exercises the runtime the way programs use it; run by
//! crates/emulator/tests/rt.rs. Argdata: `{cmd: NAME, out: fd, ...}`; each
//! command prints what it observed, one fact per line, for the test to
//! compare.
#![no_std]
#![no_main]

use alloc::collections::VecDeque;
use alloc::sync::Arc;
use core::sync::atomic::{AtomicUsize, Ordering};

use cloudabi_rt::fs::OpenOptions;
use cloudabi_rt::net::{Listener, Socket};
use cloudabi_rt::prelude::*;
use cloudabi_rt::process::ExitCode;
use cloudabi_rt::sync::{Condvar, Mutex};
use cloudabi_rt::thread;
use cloudabi_rt::time::{Duration, Instant, SystemTime};

extern crate alloc;

cloudabi_rt::entry!(main);

fn main(args: Args) -> Result<ExitCode, Error> {
    cloudabi_rt::io::set_stderr(args.get_opt("err")?);
    let out: Fd = args.get("out")?;
    cloudabi_rt::io::set_stdout(Some(out));
    let cmd: &str = args.get("cmd")?;
    match cmd {
        "threads" => threads(args)?,
        "detached" => detached()?,
        "condvar" => condvar()?,
        "clock" => clock()?,
        "random" => random()?,
        "files" => files(args)?,
        "fdpass" => fdpass(args)?,
        "args" => bad_args(args),
        "panic" => panic!("boom: {}", 6 * 7),
        "error" => return Err(Error::msg("it went wrong").context("doing the thing")),
        "exit" => return Ok(ExitCode(7)),
        other => return Err(Error::msg(format!("unknown command {other:?}"))),
    }
    Ok(ExitCode::SUCCESS)
}

/// `threads: N, rounds: M`: N threads add 1 to a mutex-guarded counter M
/// times each; each returns its own ID.
fn threads(args: Args) -> Result<(), Error> {
    let n: usize = args.get("threads")?;
    let rounds: u64 = args.get("rounds")?;
    let counter = Arc::new(Mutex::new(0u64));
    let handles: Vec<_> = (0..n)
        .map(|_| {
            let counter = counter.clone();
            thread::spawn(move || {
                for _ in 0..rounds {
                    *counter.lock() += 1;
                }
                thread::id()
            })
        })
        .collect();
    let mut ids: Vec<u32> = handles.into_iter().map(|h| h.join()).collect();
    ids.push(thread::id());
    ids.sort_unstable();
    ids.dedup();
    println!("counter {}", *counter.lock());
    println!("distinct ids {}", ids.len());
    Ok(())
}

/// Threads whose handles are dropped still run to the end (and their
/// stacks are reclaimed by the next one to end).
fn detached() -> Result<(), Error> {
    let done = Arc::new((Mutex::new(0usize), Condvar::new()));
    for _ in 0..20 {
        let done = done.clone();
        drop(thread::spawn(move || {
            thread::sleep(Duration::from_millis(1));
            *done.0.lock() += 1;
            done.1.notify_all();
        }));
    }
    let (lock, cv) = &*done;
    let finished = cv.wait_while(lock.lock(), |n| *n < 20);
    println!("detached finished {}", *finished);
    Ok(())
}

/// A producer and three consumers on a queue with a condition variable,
/// then a wait that times out.
fn condvar() -> Result<(), Error> {
    struct Queue {
        items: VecDeque<u64>,
        closed: bool,
    }
    let shared = Arc::new((
        Mutex::new(Queue {
            items: VecDeque::new(),
            closed: false,
        }),
        Condvar::new(),
    ));
    let consumers: Vec<_> = (0..3)
        .map(|_| {
            let shared = shared.clone();
            thread::spawn(move || {
                let (lock, cv) = &*shared;
                let mut sum = 0u64;
                let mut q = lock.lock();
                loop {
                    if let Some(v) = q.items.pop_front() {
                        sum += v;
                    } else if q.closed {
                        return sum;
                    } else {
                        q = cv.wait(q);
                    }
                }
            })
        })
        .collect();
    for v in 1..=10_000u64 {
        shared.0.lock().items.push_back(v);
        shared.1.notify_one();
    }
    shared.0.lock().closed = true;
    shared.1.notify_all();
    let total: u64 = consumers.into_iter().map(|h| h.join()).sum();
    println!("consumed sum {total}");

    let (lock, cv) = &*shared;
    let start = Instant::now();
    let (_guard, result) = cv.wait_timeout(lock.lock(), Duration::from_millis(50));
    println!("timed out {}", result.timed_out());
    println!(
        "waited enough {}",
        start.elapsed() >= Duration::from_millis(50)
    );
    Ok(())
}

fn clock() -> Result<(), Error> {
    let start = Instant::now();
    thread::sleep(Duration::from_millis(30));
    println!(
        "slept enough {}",
        start.elapsed() >= Duration::from_millis(30)
    );
    let now = SystemTime::now();
    // 2020-01-01T00:00:00Z.
    println!(
        "after 2020 {}",
        now.since_epoch() > Duration::from_secs(1_577_836_800)
    );
    println!("now parses {}", now.to_string().ends_with('Z'));
    Ok(())
}

fn random() -> Result<(), Error> {
    let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
    cloudabi_rt::random::fill(&mut a)?;
    cloudabi_rt::random::fill(&mut b)?;
    println!("random differs {}", a != b);
    Ok(())
}

/// `dir: fd`: file operations beneath a directory, and the errors the
/// sandbox gives.
fn files(args: Args) -> Result<(), Error> {
    let dir: Dir = args.get("dir")?;
    dir.write("a.txt", "hello, files\n")?;
    println!("read back {:?}", String::from_utf8(dir.read("a.txt")?).ok());
    println!("size {}", dir.metadata("a.txt")?.len);
    dir.create_dir("sub")?;
    dir.rename("a.txt", &dir, "sub/b.txt")?;
    dir.symlink("sub/b.txt", "link")?;
    println!(
        "link points to {:?}",
        String::from_utf8(dir.read_link("link")?).ok()
    );
    println!(
        "through link {:?}",
        String::from_utf8(dir.read("link")?).ok()
    );
    let mut appending = dir.open_with("sub/b.txt", OpenOptions::new().append(true))?;
    writeln!(appending, "more")?;
    let sub = dir.open_dir("sub")?;
    println!("appended {:?}", String::from_utf8(sub.read("b.txt")?).ok());
    let mut names: Vec<String> = dir
        .entries()
        .map(|e| e.map(|e| String::from_utf8_lossy(e.name()).into_owned()))
        .collect::<Result<_, _>>()?;
    names.sort();
    println!("entries {names:?}");
    let missing = dir.open("nope").unwrap_err();
    println!(
        "missing is ENOENT {}: {missing}",
        missing.is(cloudabi_rt::cloudabi::errno::NOENT)
    );
    let escape = dir.open("../outside").unwrap_err();
    println!(
        "escape is ENOTCAPABLE {}",
        escape.is(cloudabi_rt::cloudabi::errno::NOTCAPABLE)
    );
    let not_dir = sub.open_dir("b.txt").unwrap_err();
    println!(
        "file as dir is ENOTDIR {}",
        not_dir.is(cloudabi_rt::cloudabi::errno::NOTDIR)
    );
    dir.remove_file("link")?;
    sub.remove_file("b.txt")?;
    dir.remove_dir("sub")?;
    println!("left {}", dir.entries().count());
    Ok(())
}

/// `file: fd`: passes descriptors over a socket pair and through a
/// [`Listener`], then reads the file through the received copy.
fn fdpass(args: Args) -> Result<(), Error> {
    let file: Fd = args.get("file")?;
    let (a, b) = Socket::pair()?;
    a.send_with_fds(b"f", &[&file])?;
    let mut got = b.recv_with_fds(&mut [0u8; 8], 4)?;
    println!(
        "received {} bytes and {} descriptors",
        got.len,
        got.fds.len()
    );
    let received = got.fds.pop().ok_or("no descriptor")?;
    println!("a new descriptor {}", received.as_raw() != file.as_raw());
    let mut text = String::new();
    cloudabi_rt::io::Read::read_to_string(&mut { received }, &mut text)?;
    println!("content {text:?}");

    // A listener fed with connected sockets by "an acceptor" (here: us).
    let (acceptor, listener_end) = Socket::pair()?;
    let listener = Listener::from_fd(listener_end.into_fd())?;
    let (client, server_end) = Socket::pair()?;
    acceptor.send_with_fds(b"c", &[server_end.as_fd()])?;
    drop(server_end);
    acceptor.shutdown(cloudabi_rt::net::Shutdown::Write)?;
    let conn = listener.accept()?.ok_or("no connection")?;
    client.send_all(b"ping")?;
    let mut buf = [0u8; 4];
    let n = conn.recv(&mut buf)?;
    println!(
        "accepted and got {:?}",
        core::str::from_utf8(&buf[..n]).ok()
    );
    println!("then end {}", listener.accept()?.is_none());
    Ok(())
}

/// Argument errors as a program sees them.
fn bad_args(args: Args) {
    let shown = |r: Result<(), Error>| match r {
        Ok(()) => String::from("ok"),
        Err(e) => e.to_string(),
    };
    println!("{}", shown(args.get::<u32>("name").map(drop)));
    println!("{}", shown(args.get::<&str>("absent").map(drop)));
    println!("{}", shown(args.get::<Fd>("name").map(drop)));
    let first = args.get::<Fd>("fd").map(drop);
    println!("{}", shown(first));
    println!("{}", shown(args.get::<Fd>("fd").map(drop)));
    println!("{}", shown(args.get::<Dir>("file").map(drop)));
    let count = AtomicUsize::new(0);
    count.fetch_add(args.get_or("n", 5usize).unwrap_or(0), Ordering::Relaxed);
    println!("default {}", count.load(Ordering::Relaxed));
}
