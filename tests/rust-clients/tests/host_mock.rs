//! Implements the generated `host::Syscalls` trait with a mock and calls every raw entry
//! point once, as a guest would through the vDSO: checks that arguments arrive decoded
//! (enums, slices, strings, struct references) and that outputs are written back. Then
//! checks the failure paths (null and denied pointers, unknown enum values, invalid
//! structs) and the trace lines.

mod support;

use cloudabi as abi;
use cloudabi::host::raw;
use std::mem::MaybeUninit;
use std::sync::Mutex;
use support::mock::{calls, filestat, last, setup, Mock, MOCK, NORETURN};

type M = Mock;
const OK: abi::errno = abi::errno::SUCCESS;

fn ciovec(s: &[u8]) -> abi::ciovec {
    abi::ciovec {
        buf: (s.as_ptr() as *const (), s.len()),
    }
}

fn lookup(fd: u32) -> abi::lookup {
    abi::lookup {
        fd: abi::fd(fd),
        flags: abi::lookupflags::SYMLINK_FOLLOW,
    }
}

fn fdstat() -> abi::fdstat {
    abi::fdstat {
        fs_filetype: abi::filetype::DIRECTORY,
        fs_flags: abi::fdflags::NONBLOCK,
        _pad0: [0; 4],
        fs_rights_base: abi::rights::FILE_OPEN,
        fs_rights_inheriting: abi::rights::FD_READ,
    }
}

#[test]
fn clocks_condvars_locks() {
    // SAFETY: each entry point gets pointers to live locals of the types it writes (`t`)
    // or changes (`condvar`, `lock`); the mock writes only through those.
    unsafe {
        let mut t = 0;
        assert_eq!(
            raw::clock_res_get::<M>(abi::clockid::MONOTONIC as u32, &mut t),
            OK
        );
        assert_eq!((last(), t), ("clock_res_get MONOTONIC".to_string(), 1000));
        assert_eq!(
            raw::clock_time_get::<M>(abi::clockid::REALTIME as u32, 5, &mut t),
            OK
        );
        assert_eq!(
            (last(), t),
            ("clock_time_get REALTIME 5".to_string(), 123_456_789)
        );

        let mut condvar = abi::condvar(0x55);
        let scope = abi::scope::SHARED as u8;
        assert_eq!(raw::condvar_signal::<M>(&mut condvar, scope, 3), OK);
        assert_eq!(last(), "condvar_signal 85 SHARED 3");
        let mut lock = abi::lock(0x4000_0001);
        assert_eq!(
            raw::lock_unlock::<M>(&mut lock, abi::scope::PRIVATE as u8),
            OK
        );
        assert_eq!((last(), lock.0), ("lock_unlock PRIVATE".to_string(), 0));
    }
}

#[test]
fn descriptors() {
    // SAFETY: the entry points get pointers to live locals of the types they read or
    // write. `stat`, `junk` and `st` are read (assume_init, or by the call) only once
    // written: by fd_stat_get, and by the byte writes here, which stay within the struct.
    unsafe {
        let (mut a, mut b) = (abi::fd(0), abi::fd(0));
        assert_eq!(raw::fd_close::<M>(abi::fd(3)), OK);
        assert_eq!(last(), "fd_close 3");
        let shm = abi::filetype::SHARED_MEMORY as u8;
        assert_eq!(raw::fd_create1::<M>(shm, &mut a), OK);
        assert_eq!((last(), a.0), ("fd_create1 SHARED_MEMORY".to_string(), 10));
        let stream = abi::filetype::SOCKET_STREAM as u8;
        assert_eq!(raw::fd_create2::<M>(stream, &mut a, &mut b), OK);
        assert_eq!(
            (last(), a.0, b.0),
            ("fd_create2 SOCKET_STREAM".to_string(), 11, 12)
        );
        assert_eq!(raw::fd_datasync::<M>(abi::fd(4)), OK);
        assert_eq!(last(), "fd_datasync 4");
        assert_eq!(raw::fd_dup::<M>(abi::fd(5), &mut a), OK);
        assert_eq!((last(), a.0), ("fd_dup 5".to_string(), 105));
        assert_eq!(raw::fd_replace::<M>(abi::fd(6), abi::fd(7)), OK);
        assert_eq!(last(), "fd_replace 6 7");
        let mut pos = 0;
        assert_eq!(
            raw::fd_seek::<M>(abi::fd(8), -16, abi::whence::END as u8, &mut pos),
            OK
        );
        assert_eq!((last(), pos), ("fd_seek 8 -16 END".to_string(), 4096));
        assert_eq!(raw::fd_sync::<M>(abi::fd(9)), OK);
        assert_eq!(last(), "fd_sync 9");

        let mut stat = MaybeUninit::<abi::fdstat>::uninit();
        assert_eq!(raw::fd_stat_get::<M>(abi::fd(1), stat.as_mut_ptr()), OK);
        let stat = stat.assume_init();
        assert_eq!(last(), "fd_stat_get 1");
        assert_eq!(stat.fs_filetype, abi::filetype::REGULAR_FILE);
        assert_eq!(
            stat.fs_rights_base,
            abi::rights::FD_READ | abi::rights::FD_WRITE
        );
        let put = fdstat();
        assert_eq!(
            raw::fd_stat_put::<M>(abi::fd(2), &put, abi::fdsflags::FLAGS),
            OK
        );
        assert_eq!(last(), "fd_stat_put 2 DIRECTORY NONBLOCK FLAGS");
        // A call reads only the fields it uses, as a kernel does: a file type that is no
        // `filetype` does not stop the call, and reads as `None` when asked for.
        let mut junk = MaybeUninit::<abi::fdstat>::zeroed();
        junk.as_mut_ptr().cast::<u8>().write(0xee);
        assert_eq!(
            raw::fd_stat_put::<M>(abi::fd(2), junk.as_ptr(), abi::fdsflags::FLAGS),
            OK
        );
        assert_eq!(last(), "fd_stat_put 2 invalid (empty) FLAGS");
        let mut st = MaybeUninit::<abi::filestat>::zeroed();
        let bytes = st.as_mut_ptr().cast::<u8>();
        for i in 0..size_of::<abi::filestat>() {
            bytes.add(i).write(0xee);
        }
        (*st.as_mut_ptr()).st_size = 5;
        assert_eq!(
            raw::file_stat_fput::<M>(abi::fd(3), st.as_ptr(), abi::fsflags::SIZE),
            OK
        );
        assert_eq!(last(), "file_stat_fput 3 5 SIZE");
    }
}

#[test]
fn reads_and_writes() {
    // SAFETY: the iovecs point at `b1`, `b2` and the literals, alive to the end of the
    // block, with their own lengths (the mock's fd_read writes exactly those); `n` and
    // `buf` are live locals of the types written.
    unsafe {
        let mut n = 0;
        let (mut b1, mut b2) = ([0u8; 3], [0u8; 2]);
        let iovs = [
            abi::iovec {
                buf: (b1.as_mut_ptr() as *mut (), b1.len()),
            },
            abi::iovec {
                buf: (b2.as_mut_ptr() as *mut (), b2.len()),
            },
        ];
        assert_eq!(raw::fd_read::<M>(abi::fd(3), iovs.as_ptr(), 2, &mut n), OK);
        assert_eq!(
            (last(), n, &b1, &b2),
            ("fd_read 3 2".to_string(), 5, b"rrr", b"rr")
        );
        assert_eq!(
            raw::fd_pread::<M>(abi::fd(3), iovs.as_ptr(), 1, 64, &mut n),
            OK
        );
        assert_eq!((last(), n), ("fd_pread 3 1 64".to_string(), 7));
        let out = [ciovec(b"ab"), ciovec(b"cde")];
        assert_eq!(raw::fd_write::<M>(abi::fd(1), out.as_ptr(), 2, &mut n), OK);
        assert_eq!((last(), n), ("fd_write 1 ab+cde".to_string(), 5));
        assert_eq!(
            raw::fd_pwrite::<M>(abi::fd(1), out.as_ptr(), 1, 9, &mut n),
            OK
        );
        assert_eq!((last(), n), ("fd_pwrite 1 ab 9".to_string(), 8));
        let mut buf = [0u8; 16];
        assert_eq!(
            raw::random_get::<M>(buf.as_mut_ptr() as *mut (), buf.len()),
            OK
        );
        assert_eq!((last(), buf), ("random_get 16".to_string(), [0x42; 16]));
    }
}

#[test]
fn files() {
    // SAFETY: every path is a byte literal passed with its own length; every output
    // pointer is a live local of the type the call writes, and every input struct a
    // live local the call only reads.
    unsafe {
        let p = b"dir/file";
        let q = b"other";
        let normal = abi::advice::NORMAL as u8;
        assert_eq!(raw::file_advise::<M>(abi::fd(3), 1, 2, normal), OK);
        assert_eq!(last(), "file_advise 3 1 2 NORMAL");
        assert_eq!(raw::file_allocate::<M>(abi::fd(3), 10, 20), OK);
        assert_eq!(last(), "file_allocate 3 10 20");
        let dir = abi::filetype::DIRECTORY as u8;
        assert_eq!(
            raw::file_create::<M>(abi::fd(3), p.as_ptr(), p.len(), dir),
            OK
        );
        assert_eq!(last(), "file_create 3 dir/file DIRECTORY");
        assert_eq!(
            raw::file_link::<M>(
                lookup(3),
                p.as_ptr(),
                p.len(),
                abi::fd(4),
                q.as_ptr(),
                q.len()
            ),
            OK
        );
        assert_eq!(last(), "file_link 3 SYMLINK_FOLLOW dir/file 4 other");
        let mut fd = abi::fd(0);
        let fds = fdstat();
        assert_eq!(
            raw::file_open::<M>(
                lookup(3),
                p.as_ptr(),
                p.len(),
                abi::oflags::CREAT,
                &fds,
                &mut fd
            ),
            OK
        );
        assert_eq!(
            (last(), fd.0),
            ("file_open 3 dir/file CREAT FILE_OPEN".to_string(), 20)
        );
        let mut buf = [0u8; 32];
        let mut used = 0;
        assert_eq!(
            raw::file_readdir::<M>(
                abi::fd(3),
                buf.as_mut_ptr() as *mut (),
                32,
                abi::DIRCOOKIE_START,
                &mut used
            ),
            OK
        );
        assert_eq!(
            (last(), used, &buf[..3]),
            ("file_readdir 3 32 0".to_string(), 3, &b"ent"[..])
        );
        assert_eq!(
            raw::file_readlink::<M>(
                abi::fd(3),
                q.as_ptr(),
                q.len(),
                buf.as_mut_ptr(),
                10,
                &mut used
            ),
            OK
        );
        assert_eq!(
            (last(), used, &buf[..6]),
            ("file_readlink 3 other 10".to_string(), 6, &b"target"[..])
        );
        assert_eq!(
            raw::file_rename::<M>(
                abi::fd(3),
                p.as_ptr(),
                p.len(),
                abi::fd(4),
                q.as_ptr(),
                q.len()
            ),
            OK
        );
        assert_eq!(last(), "file_rename 3 dir/file 4 other");
        let mut st = MaybeUninit::<abi::filestat>::uninit();
        assert_eq!(raw::file_stat_fget::<M>(abi::fd(3), st.as_mut_ptr()), OK);
        assert_eq!(
            (last(), st.assume_init().st_size),
            ("file_stat_fget 3".to_string(), 77)
        );
        assert_eq!(
            raw::file_stat_get::<M>(lookup(5), p.as_ptr(), p.len(), st.as_mut_ptr()),
            OK
        );
        assert_eq!(
            (last(), st.assume_init().st_ino),
            ("file_stat_get 5 dir/file".to_string(), abi::inode(2))
        );
        let put = filestat(99);
        assert_eq!(
            raw::file_stat_fput::<M>(abi::fd(3), &put, abi::fsflags::SIZE),
            OK
        );
        assert_eq!(last(), "file_stat_fput 3 99 SIZE");
        assert_eq!(
            raw::file_stat_put::<M>(lookup(3), p.as_ptr(), p.len(), &put, abi::fsflags::MTIM),
            OK
        );
        assert_eq!(last(), "file_stat_put 3 dir/file 5 MTIM");
        assert_eq!(
            raw::file_symlink::<M>(q.as_ptr(), q.len(), abi::fd(3), p.as_ptr(), p.len()),
            OK
        );
        assert_eq!(last(), "file_symlink other 3 dir/file");
        assert_eq!(
            raw::file_unlink::<M>(abi::fd(3), p.as_ptr(), p.len(), abi::ulflags::REMOVEDIR),
            OK
        );
        assert_eq!(last(), "file_unlink 3 dir/file REMOVEDIR");
    }
}

#[test]
fn memory() {
    // SAFETY: `base` is no memory of ours, but the mem_* calls hand it to the mock as a
    // raw `*mut [u8]`, which it only prints; `mem` is a live local written by mem_map.
    unsafe {
        let base = 0x1000 as *mut ();
        let willneed = abi::advice::WILLNEED as u8;
        assert_eq!(raw::mem_advise::<M>(base, 4096, willneed), OK);
        assert_eq!(last(), "mem_advise 0x1000 4096 WILLNEED");
        let mut mem = std::ptr::null_mut();
        let prot = abi::mprot::READ | abi::mprot::WRITE;
        assert_eq!(
            raw::mem_map::<M>(
                std::ptr::null_mut(),
                8192,
                prot,
                abi::mflags::ANON | abi::mflags::PRIVATE,
                abi::MAP_ANON_FD,
                0,
                &mut mem
            ),
            OK
        );
        assert_eq!(
            last(),
            format!(
                "mem_map 0x0 8192 WRITE | READ ANON | PRIVATE {} 0",
                u32::MAX
            )
        );
        assert_eq!(mem as usize, 0x7000_0000);
        assert_eq!(raw::mem_protect::<M>(base, 4096, abi::mprot::READ), OK);
        assert_eq!(last(), "mem_protect 4096 READ");
        assert_eq!(raw::mem_sync::<M>(base, 4096, abi::msflags::SYNC), OK);
        assert_eq!(last(), "mem_sync 4096 SYNC");
        assert_eq!(raw::mem_unmap::<M>(base, 4096), OK);
        assert_eq!(last(), "mem_unmap 4096");
    }
}

fn clock_subscription(userdata: u64) -> abi::subscription {
    abi::subscription {
        userdata,
        unused: 0,
        r#type: abi::eventtype::CLOCK,
        union: abi::subscription_union {
            clock: abi::subscription_clock {
                identifier: 0,
                clock_id: abi::clockid::MONOTONIC,
                _pad0: [0; 4],
                timeout: 1_000_000,
                precision: 0,
                flags: abi::subclockflags::ABSTIME,
            },
        },
    }
}

#[test]
fn poll_and_processes() {
    // SAFETY: `subs` and `events` hold the 2 elements passed; `events[1]` is read after
    // poll wrote both (n == 2). proc_exec's data and fds are live arrays with their
    // lengths; the mock's proc_exec and proc_fork only log, and its proc_raise raises
    // nothing.
    unsafe {
        let subs = [clock_subscription(1), clock_subscription(2)];
        let mut events = [MaybeUninit::<abi::event>::uninit(); 2];
        let mut n = 0;
        let out = events.as_mut_ptr() as *mut abi::event;
        assert_eq!(raw::poll::<M>(subs.as_ptr(), out, 2, &mut n), OK);
        assert_eq!((last(), n), ("poll CLOCK,CLOCK 2".to_string(), 2));
        assert_eq!(events[1].assume_init().userdata, 2);

        let fds = [abi::fd(1), abi::fd(2)];
        let data = b"argdata";
        assert_eq!(
            raw::proc_exec::<M>(
                abi::fd(9),
                data.as_ptr() as *const (),
                data.len(),
                fds.as_ptr(),
                2
            ),
            OK
        );
        assert_eq!(last(), "proc_exec 9 7 [1, 2]");
        let (mut fd, mut tid) = (abi::fd(0), abi::tid(0));
        assert_eq!(raw::proc_fork::<M>(&mut fd, &mut tid), OK);
        assert_eq!(
            (last(), fd, tid.0),
            ("proc_fork".to_string(), abi::PROCESS_CHILD, 5)
        );
        assert_eq!(raw::proc_raise::<M>(abi::signal::TERM as u8), OK);
        assert_eq!(last(), "proc_raise TERM");
        assert_eq!(raw::thread_yield::<M>(), OK);
        assert_eq!(last(), "thread_yield");
    }
}

#[test]
fn sockets_and_threads() {
    // SAFETY: `rin`/`sin` point at `iov`, `buf`, `fds` and `data`, all alive to the end
    // of the block, with their lengths; `rout`/`sout` are read after the calls wrote
    // them. The mock's thread_create starts no thread: it only validates and reads
    // `attr` (an all-zero `bad` is refused by the validator before it is read).
    unsafe {
        let data = [ciovec(b"hello")];
        let mut buf = [0u8; 4];
        let mut iov = [abi::iovec {
            buf: (buf.as_mut_ptr() as *mut (), 4),
        }];
        let mut fds = [abi::fd(0); 2];
        let rin = abi::recv_in {
            ri_data: (iov.as_mut_ptr() as *const abi::iovec, 1),
            ri_fds: (fds.as_mut_ptr(), 2),
            ri_flags: abi::riflags::PEEK,
        };
        let mut rout = MaybeUninit::<abi::recv_out>::uninit();
        assert_eq!(raw::sock_recv::<M>(abi::fd(5), &rin, rout.as_mut_ptr()), OK);
        assert_eq!(last(), "sock_recv 5 1 2 PEEK");
        assert_eq!(rout.assume_init().ro_datalen, 9);
        let sin = abi::send_in {
            si_data: (data.as_ptr(), 1),
            si_fds: (fds.as_ptr(), 0),
            si_flags: abi::siflags::DEFAULT,
        };
        let mut sout = abi::send_out { so_datalen: 0 };
        assert_eq!(raw::sock_send::<M>(abi::fd(5), &sin, &mut sout), OK);
        assert_eq!(
            (last(), sout.so_datalen),
            ("sock_send 5 1 0".to_string(), 4)
        );
        assert_eq!(raw::sock_shutdown::<M>(abi::fd(5), abi::sdflags::WR), OK);
        assert_eq!(last(), "sock_shutdown 5 WR");

        unsafe extern "C" fn entry(_tid: abi::tid, _aux: *mut ()) {}
        let mut stack = [0u8; 64];
        let mut attr = abi::threadattr {
            entry_point: entry,
            stack: (stack.as_mut_ptr() as *mut (), stack.len()),
            argument: 0x99 as *mut (),
        };
        let mut tid = abi::tid(0);
        assert_eq!(raw::thread_create::<M>(&mut attr, &mut tid), OK);
        assert_eq!((last(), tid.0), ("thread_create 64 0x99".to_string(), 33));
        // A null entry point is not a valid `threadattr`: the validator says so.
        let mut bad = MaybeUninit::<abi::threadattr>::zeroed();
        assert_eq!(
            raw::thread_create::<M>(bad.as_mut_ptr(), &mut tid),
            abi::errno::INVAL
        );
        assert!(calls().is_empty());
    }
}

/// Runs a call that does not return on a thread of its own and waits for what it recorded.
fn noreturn(f: fn()) -> String {
    let before = NORETURN.lock().unwrap().len();
    std::thread::spawn(f);
    for _ in 0..500 {
        if let Some(line) = NORETURN.lock().unwrap().get(before) {
            return line.clone();
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("the call recorded nothing");
}

static NORETURN_TURN: Mutex<()> = Mutex::new(());

#[test]
fn calls_that_do_not_return() {
    let _turn = NORETURN_TURN.lock().unwrap();
    assert_eq!(
        // SAFETY: proc_exit takes no pointers; the mock records it and parks the
        // thread `noreturn` made for it.
        noreturn(|| unsafe { raw::proc_exit::<M>(7) }),
        "proc_exit 7"
    );
    static mut LOCK: abi::lock = abi::lock(0x4000_0003);
    // SAFETY: LOCK is a static, so it outlives the parked thread; the only access
    // to it is the mock's read through this pointer.
    let line = noreturn(|| unsafe {
        raw::thread_exit::<M>(std::ptr::addr_of_mut!(LOCK), abi::scope::PRIVATE as u8)
    });
    assert_eq!(line, "thread_exit 0x40000003 PRIVATE");
    // SAFETY: the null lock is refused (FAULT) before the mock would read it.
    let line = noreturn(|| unsafe { raw::thread_exit::<M>(std::ptr::null_mut(), 4) });
    assert_eq!(line, "thread_exit failed FAULT");
}

#[test]
fn an_input_overlapping_an_output_buffer_arrives_as_it_was_before_the_call() {
    // The guest passes its path inside the very buffer readlink fills: the mock writes the
    // buffer first and logs the path after, so it must hold a copy, not an alias.
    let mut memory = *b"linkpath..";
    let mut used = 0;
    // SAFETY: path and buffer are 8 bytes each inside `memory` (10 bytes), overlapping
    // on purpose: the generated decoder copies the path before handing out the buffer,
    // so the mock never holds a `&[u8]` and a `&mut [u8]` to the same bytes. `used` is
    // a live local.
    unsafe {
        let at = memory.as_mut_ptr();
        assert_eq!(
            raw::file_readlink::<M>(abi::fd(3), at, 8, at.add(2), 8, &mut used),
            OK
        );
    }
    assert_eq!(last(), "file_readlink 3 linkpath 8");
    assert_eq!((used, &memory), (6, b"litarget.."));
}

#[test]
fn bad_arguments_are_refused_before_the_call() {
    // SAFETY: every pointer is null, misaligned, denied by the mock, or a live local:
    // the first three are refused before any access (what this test checks), and the
    // last are used as in the tests above. `odd` stays inside `words`.
    unsafe {
        let mut t = 0;
        // No clockid has the number 99.
        assert_eq!(raw::clock_res_get::<M>(99, &mut t), abi::errno::INVAL);
        // A null output pointer.
        let monotonic = abi::clockid::MONOTONIC as u32;
        assert_eq!(
            raw::clock_res_get::<M>(monotonic, std::ptr::null_mut()),
            abi::errno::FAULT
        );
        // A misaligned output pointer.
        let mut words = [0u64; 2];
        let odd = (words.as_mut_ptr() as *mut u8).add(1) as *mut u64;
        assert_eq!(raw::clock_res_get::<M>(monotonic, odd), abi::errno::INVAL);
        // A range the implementation refuses.
        let p = b"x";
        setup(|m| m.denied = Some(p.as_ptr() as usize));
        assert_eq!(
            raw::file_unlink::<M>(abi::fd(3), p.as_ptr(), 1, abi::ulflags::empty()),
            abi::errno::FAULT
        );
        setup(|m| m.denied = None);
        // A null range with a length, and an empty one without a pointer.
        assert_eq!(
            raw::file_unlink::<M>(abi::fd(3), std::ptr::null(), 1, abi::ulflags::empty()),
            abi::errno::FAULT
        );
        assert_eq!(
            raw::file_unlink::<M>(abi::fd(3), std::ptr::null(), 0, abi::ulflags::empty()),
            OK
        );
        assert_eq!(last(), "file_unlink 3  (empty)");
    }
}

#[test]
fn invalid_structs_are_refused() {
    // SAFETY: the byte and u32 writes stay inside `subs[0]`'s `type` and `clock_id`
    // fields; poll refuses the invalid values they make before calling the mock (whose
    // subscriptions slice is thus never built), and `events` has room for the one
    // event it could write.
    unsafe {
        // A subscription whose type byte names no eventtype.
        let mut subs = [clock_subscription(1)];
        let type_byte = std::ptr::addr_of_mut!(subs[0].r#type) as *mut u8;
        *type_byte = 200;
        let mut events = [MaybeUninit::<abi::event>::uninit(); 1];
        let mut n = 0;
        let out = events.as_mut_ptr() as *mut abi::event;
        assert_eq!(
            raw::poll::<M>(subs.as_ptr(), out, 1, &mut n),
            abi::errno::INVAL
        );
        // A clock subscription whose clock id is unknown: the arm the tag selects is checked.
        let mut subs = [clock_subscription(1)];
        let clock = std::ptr::addr_of_mut!(subs[0].union.clock.clock_id) as *mut u32;
        *clock = 77;
        assert_eq!(
            raw::poll::<M>(subs.as_ptr(), out, 1, &mut n),
            abi::errno::INVAL
        );
        assert!(calls().is_empty());
    }
}

#[test]
fn traces_name_values() {
    setup(|m| m.tracing = true);
    // SAFETY: the ciovec and path point at literals, passed with their lengths; `n`,
    // `fd`, `a`, `b` and the `&mut 0` are live locals of the types written.
    unsafe {
        let out = [ciovec(b"hello")];
        let mut n = 0;
        assert_eq!(raw::fd_write::<M>(abi::fd(3), out.as_ptr(), 1, &mut n), OK);
        let fds = fdstat();
        let mut fd = abi::fd(0);
        let p = b"a\"b";
        let creat = abi::oflags::CREAT | abi::oflags::EXCL;
        assert_eq!(
            raw::file_open::<M>(lookup(3), p.as_ptr(), p.len(), creat, &fds, &mut fd),
            OK
        );
        assert_eq!(raw::clock_res_get::<M>(99, &mut 0), abi::errno::INVAL);
        let (mut a, mut b) = (abi::fd(0), abi::fd(0));
        let stream = abi::filetype::SOCKET_STREAM as u8;
        assert_eq!(raw::fd_create2::<M>(stream, &mut a, &mut b), OK);
    }
    let traces = MOCK.with(|m| std::mem::take(&mut m.borrow_mut().traces));
    setup(|m| m.tracing = false);
    calls();
    assert_eq!(
        traces,
        [
            "fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)",
            "file_open(dirfd={fd=3, flags=LOOKUP_SYMLINK_FOLLOW}, path=\"a\\\"b\", \
             oflags=O_CREAT|O_EXCL, fds={fs_filetype=FILETYPE_DIRECTORY, \
             fs_flags=FDFLAG_NONBLOCK, fs_rights_base=RIGHT_FILE_OPEN, \
             fs_rights_inheriting=RIGHT_FD_READ}) = Ok(20)",
            "clock_res_get(..) = Err(EINVAL) (bad argument)",
            "fd_create2(type=FILETYPE_SOCKET_STREAM) = Ok((11, 12))",
        ]
    );
}

/// A call that `before` fails is not run and writes no output; `after` sees the error.
#[test]
fn a_call_failed_by_before_has_no_effect() {
    setup(|m| {
        m.tracing = true;
        m.inject = Some(("fd_write", abi::errno::IO));
    });
    // SAFETY: the ciovec points at a literal with its length, `n` at a live `usize`.
    unsafe {
        let out = [ciovec(b"hello")];
        let mut n = 77;
        assert_eq!(
            raw::fd_write::<M>(abi::fd(3), out.as_ptr(), 1, &mut n),
            abi::errno::IO
        );
        assert_eq!(n, 77, "nothing written");
    }
    let traces = MOCK.with(|m| std::mem::take(&mut m.borrow_mut().traces));
    setup(|m| {
        m.tracing = false;
        m.inject = None;
    });
    assert!(calls().is_empty(), "the method must not run");
    assert_eq!(
        traces,
        ["fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Err(EIO)"]
    );
}

#[test]
fn entry_points_are_in_syscall_order() {
    let table = cloudabi::host::entry_points::<M>();
    assert_eq!(table.len(), 49);
    assert_eq!(table[0].0, "cloudabi_sys_clock_res_get");
    assert_eq!(table[48].0, "cloudabi_sys_thread_yield");
    let fd_write = raw::fd_write::<M> as *const ();
    assert!(table
        .iter()
        .any(|&(name, f)| name == "cloudabi_sys_fd_write" && f == fd_write));
    let mut names: Vec<&str> = table.iter().map(|e| e.0).collect();
    let sorted = {
        let mut s = names.clone();
        s.sort_unstable();
        s
    };
    assert_eq!(names, sorted);
    names.dedup();
    assert_eq!(names.len(), 49);
}
