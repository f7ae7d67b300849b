//! A CloudABI test guest in Rust, on the generated `cloudabi` crate.
//!
//! Argdata: `{cmd: NAME, out: fd, ...}`. Commands:
//! - `echo` (`sock: fd`): sends back everything received, until the peer
//!   shuts down, with sock_recv/sock_send; reports the byte count.
//! - `poll` (`ms: int`): polls a relative monotonic clock; reports the event
//!   and whether at least that much time passed.
//! - `wait_readable` (`fd: fd`): polls the fd for reading with a 10 s clock
//!   as a guard; reports which fired.
//! - `exec` (`program: fd`): proc_exec's `program` with Argdata `{out: fd 0}`
//!   and the fd list `[out]`; only returns (reporting the error) on failure.
#![no_std]
#![no_main]

mod argdata;
mod mem;
mod start;

use argdata::Ad;
use cloudabi::{ciovec, errno, fd};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // SAFETY: ends the process; nothing to clean up.
    unsafe { cloudabi::proc_exit(101) }
}

/// The prebuilt libcore refers to this; no unwinding happens here.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}

/// A flag set with no flags. (Without the `bitflags` feature the generated
/// flag types only offer `from_bits_unchecked`, which accepts any bits.)
macro_rules! no_flags {
    ($t:ident) => {
        // SAFETY: zero names no flag and is valid for every flag type.
        unsafe { cloudabi::$t::from_bits_unchecked(0) }
    };
}

fn write(out: fd, bytes: &[u8]) {
    let iov = [ciovec { buf: (bytes.as_ptr() as *const (), bytes.len()) }];
    let mut n = 0;
    // SAFETY: the iovec points at `bytes`, alive for the call.
    unsafe { cloudabi::fd_write(out, &iov, &mut n) };
}

fn write_num(out: fd, mut v: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    write(out, &buf[i..]);
}

fn report(out: fd, what: &[u8], value: u64) {
    write(out, what);
    write(out, b" ");
    write_num(out, value);
    write(out, b"\n");
}

pub fn main(data: &[u8]) -> u32 {
    let root = Ad(data);
    let Some(out) = root.get(b"out").and_then(Ad::fd) else { return 2 };
    let cmd = root.get(b"cmd").and_then(Ad::str).unwrap_or(b"");
    match cmd {
        b"echo" => echo(out, root),
        b"poll" => poll_clock(out, root),
        b"wait_readable" => wait_readable(out, root),
        b"exec" => exec(out, root),
        _ => {
            write(out, b"unknown command\n");
            3
        }
    }
}

fn echo(out: fd, root: Ad<'_>) -> u32 {
    let Some(sock) = root.get(b"sock").and_then(Ad::fd) else { return 4 };
    let mut buf = [0u8; 512];
    let mut total = 0u64;
    loop {
        let iov = [cloudabi::iovec { buf: (buf.as_mut_ptr() as *mut (), buf.len()) }];
        let ri = cloudabi::recv_in {
            ri_data: (iov.as_ptr(), 1),
            ri_fds: (core::ptr::null_mut(), 0),
            ri_flags: no_flags!(riflags),
        };
        let mut ro = core::mem::MaybeUninit::<cloudabi::recv_out>::uninit();
        // SAFETY: all pointers refer to locals alive for the call.
        let e = unsafe { cloudabi::sock_recv(sock, &ri, ro.as_mut_ptr()) };
        if e != errno::SUCCESS {
            report(out, b"recv error", e as u64);
            return 5;
        }
        // SAFETY: sock_recv filled it on success.
        let n = unsafe { ro.assume_init() }.ro_datalen;
        if n == 0 {
            break;
        }
        let mut sent = 0;
        while sent < n {
            let ciov = [ciovec { buf: (buf[sent..].as_ptr() as *const (), n - sent) }];
            let si = cloudabi::send_in {
                si_data: (ciov.as_ptr(), 1),
                si_fds: (core::ptr::null(), 0),
                si_flags: no_flags!(siflags),
            };
            let mut so = core::mem::MaybeUninit::<cloudabi::send_out>::uninit();
            // SAFETY: as above.
            let e = unsafe { cloudabi::sock_send(sock, &si, so.as_mut_ptr()) };
            if e != errno::SUCCESS {
                report(out, b"send error", e as u64);
                return 6;
            }
            // SAFETY: sock_send filled it on success.
            sent += unsafe { so.assume_init() }.so_datalen;
        }
        total += n as u64;
    }
    report(out, b"echoed", total);
    0
}

fn now() -> u64 {
    let mut t = 0;
    // SAFETY: `t` is a local.
    unsafe { cloudabi::clock_time_get(cloudabi::clockid::MONOTONIC, 0, &mut t) };
    t
}

fn clock_subscription(userdata: u64, ns: u64) -> cloudabi::subscription {
    cloudabi::subscription {
        userdata,
        unused: 0,
        r#type: cloudabi::eventtype::CLOCK,
        union: cloudabi::subscription_union {
            clock: cloudabi::subscription_clock {
                identifier: 0,
                clock_id: cloudabi::clockid::MONOTONIC,
                _pad0: [0; 4],
                timeout: ns,
                precision: 0,
                flags: no_flags!(subclockflags),
            },
        },
    }
}

fn poll(subs: &[cloudabi::subscription], events: &mut [core::mem::MaybeUninit<cloudabi::event>]) -> (errno, usize) {
    let mut n = 0;
    // SAFETY: both buffers hold `subs.len()` elements.
    let e = unsafe {
        cloudabi::poll(subs.as_ptr(), events.as_mut_ptr().cast(), subs.len(), &mut n)
    };
    (e, n)
}

fn poll_clock(out: fd, root: Ad<'_>) -> u32 {
    let ms = root.get(b"ms").and_then(Ad::int).unwrap_or(50) as u64;
    let before = now();
    let subs = [clock_subscription(0x1234, ms * 1_000_000)];
    let mut events = [core::mem::MaybeUninit::uninit()];
    let (e, n) = poll(&subs, &mut events);
    let elapsed = now() - before;
    report(out, b"poll errno", e as u64);
    report(out, b"nevents", n as u64);
    if n == 1 {
        // SAFETY: poll wrote one event.
        let ev = unsafe { events[0].assume_init() };
        report(out, b"userdata", ev.userdata);
        report(out, b"type", ev.r#type as u64);
        report(out, b"error", ev.error as u64);
    }
    report(out, b"waited enough", u64::from(elapsed >= ms * 1_000_000));
    0
}

fn wait_readable(out: fd, root: Ad<'_>) -> u32 {
    let Some(f) = root.get(b"fd").and_then(Ad::fd) else { return 4 };
    let read = cloudabi::subscription {
        userdata: 7,
        unused: 0,
        r#type: cloudabi::eventtype::FD_READ,
        union: cloudabi::subscription_union {
            fd_readwrite: cloudabi::subscription_fd_readwrite {
                fd: f,
                flags: cloudabi::subrwflags::POLL,
            },
        },
    };
    let subs = [read, clock_subscription(8, 10_000_000_000)];
    let mut events = [core::mem::MaybeUninit::uninit(); 2];
    let (e, n) = poll(&subs, &mut events);
    report(out, b"poll errno", e as u64);
    for ev in &events[..n] {
        // SAFETY: poll wrote the first `n` events.
        let ev = unsafe { ev.assume_init() };
        report(out, b"fired", ev.userdata);
    }
    0
}

fn exec(out: fd, root: Ad<'_>) -> u32 {
    let Some(program) = root.get(b"program").and_then(Ad::fd) else { return 4 };
    // {"out": fd 0}
    let data = [0x06, 0x85, 0x08, b'o', b'u', b't', 0x00, 0x85, 0x03, 0, 0, 0, 0];
    // SAFETY: the slices are locals alive for the call.
    let e = unsafe { cloudabi::proc_exec(program, &data, &[out]) };
    report(out, b"exec failed", e as u64);
    1
}
