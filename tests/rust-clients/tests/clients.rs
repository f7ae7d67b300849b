//! Runs the client-style code of this crate against stub `cloudabi_sys_*` symbols: the
//! bindings' wrappers call the symbols a CloudABI C library or vDSO would provide, so
//! defining them here lets the real call paths (slices to pointer+length, out-parameters,
//! enum returns) run on the host.

use cloudabi as abi;
use cloudabi_rust_clients::{console, getrandom_like, parking_lot_like, std_like};
use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::Mutex;

// Each stub is called only by the generated wrapper of its call, from this crate's client
// code, so its pointers are what that code passes: the SAFETY comments below rely on it.

/// What the stubs saw, for the tests to check.
static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn seen() -> Vec<String> {
    std::mem::take(&mut *SEEN.lock().unwrap())
}

fn record(line: String) {
    SEEN.lock().unwrap().push(line);
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_random_get(buf: *mut (), len: usize) -> abi::errno {
    if len == 13 {
        return abi::errno::NOSYS;
    }
    // SAFETY: `random_get` passes its `&mut [u8]` as `buf` and `len`: `len` writable
    // bytes, borrowed exclusively for this call.
    unsafe { std::ptr::write_bytes(buf as *mut u8, 0xa5, len) };
    abi::errno::SUCCESS
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_fd_write(
    fd: abi::fd,
    iovs: *const abi::ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> abi::errno {
    if fd.0 == 99 {
        return abi::errno::BADF;
    }
    let mut text = Vec::new();
    // SAFETY: `fd_write` passes its `&[ciovec]` as `iovs` and `iovs_len`.
    let iovs = unsafe { std::slice::from_raw_parts(iovs, iovs_len) };
    for iov in iovs {
        // SAFETY: each ciovec the console makes points at the `&[u8]` it writes, borrowed
        // for the whole call.
        text.extend_from_slice(unsafe {
            std::slice::from_raw_parts(iov.buf.0 as *const u8, iov.buf.1)
        });
    }
    // SAFETY: `nwritten` is the caller's live local `usize`.
    unsafe { *nwritten = text.len() };
    record(format!(
        "fd_write {} {}",
        fd.0,
        String::from_utf8_lossy(&text)
    ));
    abi::errno::SUCCESS
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_poll(
    r#in: *const abi::subscription,
    out: *mut abi::event,
    nsubscriptions: usize,
    nevents: *mut usize,
) -> abi::errno {
    for i in 0..nsubscriptions {
        // SAFETY: `in` points at the caller's array of `nsubscriptions` initialized
        // subscriptions, live for the call.
        let sub = unsafe { &*r#in.add(i) };
        let detail = match sub.r#type {
            abi::eventtype::LOCK_WRLOCK => {
                // SAFETY: a LOCK_WRLOCK subscription's union holds its `lock` arm.
                let lock = unsafe { sub.union.lock };
                format!("lock {:?}", lock.lock_scope)
            }
            abi::eventtype::CLOCK => {
                // SAFETY: a CLOCK subscription's union holds its `clock` arm.
                let clock = unsafe { sub.union.clock };
                format!("clock {:?} {}", clock.clock_id, clock.timeout)
            }
            other => format!("{:?}", other),
        };
        record(format!("poll {}", detail));
        // SAFETY: `out` has room for `nsubscriptions` events (poll's contract, which the
        // caller's equal-length arrays keep), and `i` is below that.
        unsafe { out.add(i).write(event_for(sub)) };
    }
    // SAFETY: `nevents` is the caller's live local `usize`.
    unsafe { *nevents = nsubscriptions };
    abi::errno::SUCCESS
}

/// The event a subscription fires, built without zeroing its enum fields.
fn event_for(sub: &abi::subscription) -> abi::event {
    abi::event {
        userdata: sub.userdata,
        error: abi::errno::SUCCESS,
        r#type: sub.r#type,
        union: abi::event_union {
            fd_readwrite: abi::event_fd_readwrite {
                nbytes: 0,
                unused: [0; 4],
                // SAFETY: every bit pattern is a valid `eventrwflags` (the method is unsafe
                // only for the bitflags crate's sake); 0 is no flags.
                flags: unsafe { abi::eventrwflags::from_bits_unchecked(0) },
            },
        },
    }
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_lock_unlock(
    lock: *mut abi::lock,
    scope: abi::scope,
) -> abi::errno {
    // SAFETY: the client passes a live `AtomicU32` as the lock (the same size and
    // alignment as `abi::lock`), and every access to it is atomic.
    let lock = unsafe { &*(lock as *const std::sync::atomic::AtomicU32) };
    lock.store(abi::LOCK_UNLOCKED.0, Ordering::Release);
    record(format!("lock_unlock {:?}", scope));
    abi::errno::SUCCESS
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_condvar_signal(
    _condvar: *mut abi::condvar,
    scope: abi::scope,
    nwaiters: abi::nthreads,
) -> abi::errno {
    record(format!("condvar_signal {:?} {}", scope, nwaiters));
    abi::errno::SUCCESS
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_clock_time_get(
    clock_id: abi::clockid,
    _precision: abi::timestamp,
    time: *mut abi::timestamp,
) -> abi::errno {
    if clock_id == abi::clockid::PROCESS_CPUTIME_ID {
        return abi::errno::INVAL;
    }
    // SAFETY: `time` is the caller's live `MaybeUninit<timestamp>`, written here.
    unsafe { *time = 3_500_000_000 };
    abi::errno::SUCCESS
}

#[no_mangle]
unsafe extern "C" fn cloudabi_sys_thread_yield() -> abi::errno {
    record("thread_yield".to_string());
    abi::errno::SUCCESS
}

/// The stubs share `SEEN`; the tests take turns.
static SERIAL: Mutex<()> = Mutex::new(());

#[test]
fn random_get_fills_and_reports_errors() {
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut buf = [0u8; 8];
    getrandom_like::fill(&mut buf).unwrap();
    assert_eq!(buf, [0xa5; 8]);
    let mut odd = [0u8; 13];
    assert_eq!(
        getrandom_like::fill(&mut odd),
        Err(abi::errno::NOSYS as u32)
    );
    let err = getrandom_like::fill_io(&mut odd).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(abi::errno::NOSYS as i32));
}

#[test]
fn console_writes_through_fd_write() {
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    seen();
    let mut out = console::Console::new(1);
    write!(out, "hello {}", 42).unwrap();
    let text: String = seen()
        .iter()
        .map(|l| l.strip_prefix("fd_write 1 ").expect("written to fd 1"))
        .collect();
    assert_eq!(text, "hello 42");
    let err = console::Console::new(99).write(b"x").unwrap_err();
    assert_eq!(err.raw_os_error(), Some(abi::errno::BADF as i32));
}

#[test]
fn parking_lot_style_lock_poll_and_signal() {
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    seen();
    assert_eq!(parking_lot_like::UNLOCKED, 0);
    assert_eq!(parking_lot_like::WRLOCKED, 0x4000_0000);
    assert_eq!(parking_lot_like::KERNEL_MANAGED, 0x8000_0000);
    assert_eq!(parking_lot_like::NO_WAITERS, 0);
    static LOCK: std::sync::atomic::AtomicU32 = parking_lot_like::new_lock();
    static CONDVAR: std::sync::atomic::AtomicU32 = parking_lot_like::new_condvar();
    assert!(parking_lot_like::try_lock(&LOCK, abi::tid(7)));
    assert_eq!(LOCK.load(Ordering::Relaxed), 7 | 0x4000_0000);
    assert!(!parking_lot_like::try_lock(&LOCK, abi::tid(8)));

    let fired = parking_lot_like::lock_or_timeout(&LOCK, 1u128 << 70).unwrap();
    assert_eq!(fired, [abi::eventtype::LOCK_WRLOCK, abi::eventtype::CLOCK]);
    assert_eq!(parking_lot_like::unlock(&LOCK), abi::errno::SUCCESS);
    assert_eq!(LOCK.load(Ordering::Relaxed), 0);
    assert_eq!(parking_lot_like::notify_one(&CONDVAR), abi::errno::SUCCESS);
    let lines = seen();
    assert_eq!(
        lines,
        [
            "poll lock PRIVATE",
            &format!("poll clock MONOTONIC {}", u64::MAX),
            "lock_unlock PRIVATE",
            "condvar_signal PRIVATE 1",
        ]
    );
}

#[test]
fn std_style_clock_yield_and_errors() {
    let _turn = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    seen();
    let t = std_like::now(abi::clockid::REALTIME).unwrap();
    assert_eq!(std_like::seconds(t), 3);
    assert_eq!(
        std_like::now(abi::clockid::PROCESS_CPUTIME_ID),
        Err(abi::errno::INVAL)
    );
    std_like::yield_now();
    assert_eq!(seen(), ["thread_yield"]);
    assert_eq!(std_like::MAX_WAITERS, u32::MAX);
    use std::io::ErrorKind;
    assert_eq!(
        std_like::kind(abi::errno::NOENT as i32),
        ErrorKind::NotFound
    );
    assert_eq!(
        std_like::kind(abi::errno::AGAIN as i32),
        ErrorKind::WouldBlock
    );
    assert_eq!(std_like::kind(abi::errno::TOOBIG as i32), ErrorKind::Other);
}

#[test]
fn representations_match_the_published_crate() {
    use std::mem::size_of;
    // Enums are C-like with their spec width; newtypes are transparent integers.
    assert_eq!(size_of::<abi::errno>(), 2);
    assert_eq!(abi::errno::TOOBIG as u16, 1);
    assert_eq!(size_of::<abi::eventtype>(), 1);
    assert_eq!(size_of::<abi::fd>(), 4);
    assert_eq!(abi::PROCESS_CHILD, abi::fd(0xffff_ffff));
    assert_eq!(abi::MAP_ANON_FD.0, u32::MAX);
    // Flag sets are bitflags types (the default feature).
    let rights = abi::rights::FD_READ | abi::rights::FD_WRITE;
    assert!(rights.contains(abi::rights::FD_READ));
    assert_eq!(abi::siflags::DEFAULT.bits(), 0);
    // Function pointer types.
    unsafe extern "C" fn entry(_tid: abi::tid, _aux: *mut ()) {}
    let _: abi::threadentry = entry;
}
