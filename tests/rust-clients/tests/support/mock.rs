//! A mock implementation of the generated `host::Syscalls` trait: each method records the
//! arguments it received, as text, and returns fixed outputs.

use cloudabi as abi;
use cloudabi::host::{trace, Fields, Syscalls};
use std::cell::RefCell;
use std::mem::MaybeUninit;
use std::sync::Mutex;

pub(crate) type R<T> = Result<T, abi::errno>;

#[derive(Default)]
pub(crate) struct Mock {
    pub(crate) calls: Vec<String>,
    pub(crate) traces: Vec<String>,
    pub(crate) tracing: bool,
    /// A call that `before` fails, and how.
    pub(crate) inject: Option<(&'static str, abi::errno)>,
    /// An address `check_guest_memory` refuses.
    pub(crate) denied: Option<usize>,
}

thread_local! {
    pub(crate) static MOCK: RefCell<Mock> = RefCell::new(Mock::default());
}

/// What the calls that never return saw (they run on threads of their own).
pub(crate) static NORETURN: Mutex<Vec<String>> = Mutex::new(Vec::new());

pub(crate) fn calls() -> Vec<String> {
    MOCK.with(|m| std::mem::take(&mut m.borrow_mut().calls))
}

pub(crate) fn last() -> String {
    calls().pop().unwrap_or_default()
}

pub(crate) fn setup(f: impl FnOnce(&mut Mock)) {
    MOCK.with(|m| f(&mut m.borrow_mut()));
}

pub(crate) fn bytes(s: &[u8]) -> String {
    String::from_utf8_lossy(s).into_owned()
}

/// The bytes `iovs` point at, joined by `+`. The generated layer checks the array of
/// iovecs but not the buffers they point at (an emulator checks those itself); the tests
/// that call this pass iovecs over their own live byte strings.
fn iov_text(iovs: &[abi::ciovec]) -> String {
    iovs.iter()
        // SAFETY: each ciovec points at `buf.1` readable bytes of a test's byte string,
        // alive during the call (see above).
        .map(|v| bytes(unsafe { std::slice::from_raw_parts(v.buf.0 as *const u8, v.buf.1) }))
        .collect::<Vec<_>>()
        .join("+")
}

impl Mock {
    fn log(&mut self, line: String) {
        self.calls.push(line);
    }
}

impl Syscalls for Mock {
    fn with_current<T>(f: impl FnOnce(&mut Self) -> T) -> T {
        MOCK.with(|m| f(&mut m.borrow_mut()))
    }

    fn check_guest_memory(&mut self, addr: usize, _len: usize, _writable: bool) -> R<()> {
        if Some(addr) == self.denied {
            Err(abi::errno::FAULT)
        } else {
            Ok(())
        }
    }

    fn observed(&self) -> bool {
        self.tracing
    }

    fn before(&mut self, call: &trace::Call) -> Option<abi::errno> {
        if let Some((syscall, e)) = self.inject {
            if call.syscall == syscall {
                return Some(e);
            }
        }
        None
    }

    fn after(&mut self, call: trace::Call, result: Result<trace::Value, abi::errno>) {
        let shown = match result {
            Ok(v) => format!("Ok({v})"),
            Err(e) => format!("Err({})", trace::fmt_errno(e)),
        };
        let bad = if call.checked { "" } else { " (bad argument)" };
        self.traces.push(format!("{call} = {shown}{bad}"));
    }

    fn noreturn_failed(&mut self, syscall: &'static str, error: abi::errno) -> ! {
        NORETURN
            .lock()
            .unwrap()
            .push(format!("{} failed {:?}", syscall, error));
        loop {
            std::thread::park();
        }
    }

    fn clock_res_get(&mut self, clock_id: abi::clockid) -> R<abi::timestamp> {
        self.log(format!("clock_res_get {:?}", clock_id));
        Ok(1000)
    }

    fn clock_time_get(
        &mut self,
        clock_id: abi::clockid,
        precision: abi::timestamp,
    ) -> R<abi::timestamp> {
        self.log(format!("clock_time_get {:?} {}", clock_id, precision));
        Ok(123_456_789)
    }

    fn condvar_signal(
        &mut self,
        condvar: *mut abi::condvar,
        scope: abi::scope,
        nwaiters: abi::nthreads,
    ) -> R<()> {
        // SAFETY: the decoder checked the pointer (non-null, aligned, accepted), and the
        // tests pass a live local `condvar`; no other thread uses it.
        let value = unsafe { (*condvar).0 };
        self.log(format!("condvar_signal {} {:?} {}", value, scope, nwaiters));
        Ok(())
    }

    fn fd_close(&mut self, fd: abi::fd) -> R<()> {
        self.log(format!("fd_close {}", fd.0));
        Ok(())
    }

    fn fd_create1(&mut self, r#type: abi::filetype) -> R<abi::fd> {
        self.log(format!("fd_create1 {:?}", r#type));
        Ok(abi::fd(10))
    }

    fn fd_create2(&mut self, r#type: abi::filetype) -> R<(abi::fd, abi::fd)> {
        self.log(format!("fd_create2 {:?}", r#type));
        Ok((abi::fd(11), abi::fd(12)))
    }

    fn fd_datasync(&mut self, fd: abi::fd) -> R<()> {
        self.log(format!("fd_datasync {}", fd.0));
        Ok(())
    }

    fn fd_dup(&mut self, from: abi::fd) -> R<abi::fd> {
        self.log(format!("fd_dup {}", from.0));
        Ok(abi::fd(from.0 + 100))
    }

    fn fd_pread(&mut self, fd: abi::fd, iovs: &[abi::iovec], offset: abi::filesize) -> R<usize> {
        self.log(format!("fd_pread {} {} {}", fd.0, iovs.len(), offset));
        Ok(7)
    }

    fn fd_pwrite(&mut self, fd: abi::fd, iovs: &[abi::ciovec], offset: abi::filesize) -> R<usize> {
        self.log(format!("fd_pwrite {} {} {}", fd.0, iov_text(iovs), offset));
        Ok(8)
    }

    fn fd_read(&mut self, fd: abi::fd, iovs: &[abi::iovec]) -> R<usize> {
        for iov in iovs {
            // SAFETY: as in `iov_text`: each iovec of the tests points at `buf.1` bytes of
            // a live local array, written by nothing else during the call.
            unsafe { std::ptr::write_bytes(iov.buf.0 as *mut u8, b'r', iov.buf.1) };
        }
        self.log(format!("fd_read {} {}", fd.0, iovs.len()));
        Ok(iovs.iter().map(|v| v.buf.1).sum())
    }

    fn fd_replace(&mut self, from: abi::fd, to: abi::fd) -> R<()> {
        self.log(format!("fd_replace {} {}", from.0, to.0));
        Ok(())
    }

    fn fd_seek(
        &mut self,
        fd: abi::fd,
        offset: abi::filedelta,
        whence: abi::whence,
    ) -> R<abi::filesize> {
        self.log(format!("fd_seek {} {} {:?}", fd.0, offset, whence));
        Ok(4096)
    }

    fn fd_stat_get(&mut self, fd: abi::fd, buf: &mut MaybeUninit<abi::fdstat>) -> R<()> {
        buf.write(abi::fdstat {
            fs_filetype: abi::filetype::REGULAR_FILE,
            fs_flags: abi::fdflags::APPEND,
            _pad0: [0; 4],
            fs_rights_base: abi::rights::FD_READ | abi::rights::FD_WRITE,
            fs_rights_inheriting: abi::rights::empty(),
        });
        self.log(format!("fd_stat_get {}", fd.0));
        Ok(())
    }

    fn fd_stat_put(
        &mut self,
        fd: abi::fd,
        buf: Fields<'_, abi::fdstat>,
        flags: abi::fdsflags,
    ) -> R<()> {
        let filetype = buf
            .fs_filetype()
            .map_or("invalid".to_string(), |t| format!("{t:?}"));
        self.log(format!(
            "fd_stat_put {} {filetype} {:?} {:?}",
            fd.0,
            buf.fs_flags(),
            flags
        ));
        Ok(())
    }

    fn fd_sync(&mut self, fd: abi::fd) -> R<()> {
        self.log(format!("fd_sync {}", fd.0));
        Ok(())
    }

    fn fd_write(&mut self, fd: abi::fd, iovs: &[abi::ciovec]) -> R<usize> {
        self.log(format!("fd_write {} {}", fd.0, iov_text(iovs)));
        Ok(iovs.iter().map(|v| v.buf.1).sum())
    }

    fn file_advise(
        &mut self,
        fd: abi::fd,
        offset: abi::filesize,
        len: abi::filesize,
        advice: abi::advice,
    ) -> R<()> {
        self.log(format!(
            "file_advise {} {} {} {:?}",
            fd.0, offset, len, advice
        ));
        Ok(())
    }

    fn file_allocate(&mut self, fd: abi::fd, offset: abi::filesize, len: abi::filesize) -> R<()> {
        self.log(format!("file_allocate {} {} {}", fd.0, offset, len));
        Ok(())
    }

    fn file_create(&mut self, fd: abi::fd, path: &[u8], r#type: abi::filetype) -> R<()> {
        self.log(format!("file_create {} {} {:?}", fd.0, bytes(path), r#type));
        Ok(())
    }

    fn file_link(&mut self, fd1: abi::lookup, path1: &[u8], fd2: abi::fd, path2: &[u8]) -> R<()> {
        self.log(format!(
            "file_link {} {:?} {} {} {}",
            fd1.fd.0,
            fd1.flags,
            bytes(path1),
            fd2.0,
            bytes(path2)
        ));
        Ok(())
    }

    fn file_open(
        &mut self,
        dirfd: abi::lookup,
        path: &[u8],
        oflags: abi::oflags,
        fds: Fields<'_, abi::fdstat>,
    ) -> R<abi::fd> {
        self.log(format!(
            "file_open {} {} {:?} {:?}",
            dirfd.fd.0,
            bytes(path),
            oflags,
            fds.fs_rights_base()
        ));
        Ok(abi::fd(20))
    }

    fn file_readdir(&mut self, fd: abi::fd, buf: &mut [u8], cookie: abi::dircookie) -> R<usize> {
        buf[..3].copy_from_slice(b"ent");
        self.log(format!("file_readdir {} {} {}", fd.0, buf.len(), cookie.0));
        Ok(3)
    }

    fn file_readlink(&mut self, fd: abi::fd, path: &[u8], buf: &mut [u8]) -> R<usize> {
        buf[..6].copy_from_slice(b"target");
        self.log(format!(
            "file_readlink {} {} {}",
            fd.0,
            bytes(path),
            buf.len()
        ));
        Ok(6)
    }

    fn file_rename(&mut self, fd1: abi::fd, path1: &[u8], fd2: abi::fd, path2: &[u8]) -> R<()> {
        self.log(format!(
            "file_rename {} {} {} {}",
            fd1.0,
            bytes(path1),
            fd2.0,
            bytes(path2)
        ));
        Ok(())
    }

    fn file_stat_fget(&mut self, fd: abi::fd, buf: &mut MaybeUninit<abi::filestat>) -> R<()> {
        buf.write(filestat(77));
        self.log(format!("file_stat_fget {}", fd.0));
        Ok(())
    }

    fn file_stat_fput(
        &mut self,
        fd: abi::fd,
        buf: Fields<'_, abi::filestat>,
        flags: abi::fsflags,
    ) -> R<()> {
        self.log(format!(
            "file_stat_fput {} {} {:?}",
            fd.0,
            buf.st_size(),
            flags
        ));
        Ok(())
    }

    fn file_stat_get(
        &mut self,
        fd: abi::lookup,
        path: &[u8],
        buf: &mut MaybeUninit<abi::filestat>,
    ) -> R<()> {
        buf.write(filestat(88));
        self.log(format!("file_stat_get {} {}", fd.fd.0, bytes(path)));
        Ok(())
    }

    fn file_stat_put(
        &mut self,
        fd: abi::lookup,
        path: &[u8],
        buf: Fields<'_, abi::filestat>,
        flags: abi::fsflags,
    ) -> R<()> {
        self.log(format!(
            "file_stat_put {} {} {} {:?}",
            fd.fd.0,
            bytes(path),
            buf.st_mtim(),
            flags
        ));
        Ok(())
    }

    fn file_symlink(&mut self, path1: &[u8], fd: abi::fd, path2: &[u8]) -> R<()> {
        self.log(format!(
            "file_symlink {} {} {}",
            bytes(path1),
            fd.0,
            bytes(path2)
        ));
        Ok(())
    }

    fn file_unlink(&mut self, fd: abi::fd, path: &[u8], flags: abi::ulflags) -> R<()> {
        self.log(format!("file_unlink {} {} {:?}", fd.0, bytes(path), flags));
        Ok(())
    }

    fn lock_unlock(&mut self, lock: *mut abi::lock, scope: abi::scope) -> R<()> {
        // SAFETY: the decoder checked the pointer (non-null, aligned, accepted), and the
        // tests pass a live local `lock` that no other thread uses.
        unsafe { (*lock).0 = 0 };
        self.log(format!("lock_unlock {:?}", scope));
        Ok(())
    }

    fn mem_advise(&mut self, mapping: *mut [u8], advice: abi::advice) -> R<()> {
        self.log(format!(
            "mem_advise {:p} {} {:?}",
            mapping as *mut u8,
            mapping.len(),
            advice
        ));
        Ok(())
    }

    fn mem_map(
        &mut self,
        addr: *mut (),
        len: usize,
        prot: abi::mprot,
        flags: abi::mflags,
        fd: abi::fd,
        off: abi::filesize,
    ) -> R<*mut ()> {
        self.log(format!(
            "mem_map {:p} {} {:?} {:?} {} {}",
            addr, len, prot, flags, fd.0, off
        ));
        Ok(0x7000_0000usize as *mut ())
    }

    fn mem_protect(&mut self, mapping: *mut [u8], prot: abi::mprot) -> R<()> {
        self.log(format!("mem_protect {} {:?}", mapping.len(), prot));
        Ok(())
    }

    fn mem_sync(&mut self, mapping: *mut [u8], flags: abi::msflags) -> R<()> {
        self.log(format!("mem_sync {} {:?}", mapping.len(), flags));
        Ok(())
    }

    fn mem_unmap(&mut self, mapping: *mut [u8]) -> R<()> {
        self.log(format!("mem_unmap {}", mapping.len()));
        Ok(())
    }

    fn poll(
        &mut self,
        r#in: &[abi::subscription],
        out: &mut [MaybeUninit<abi::event>],
    ) -> R<usize> {
        let types: Vec<String> = r#in.iter().map(|s| format!("{:?}", s.r#type)).collect();
        for (sub, slot) in r#in.iter().zip(out.iter_mut()) {
            slot.write(abi::event {
                userdata: sub.userdata,
                error: abi::errno::SUCCESS,
                r#type: sub.r#type,
                union: abi::event_union {
                    fd_readwrite: abi::event_fd_readwrite {
                        nbytes: 0,
                        unused: [0; 4],
                        flags: abi::eventrwflags::empty(),
                    },
                },
            });
        }
        self.log(format!("poll {} {}", types.join(","), out.len()));
        Ok(r#in.len())
    }

    fn proc_exec(&mut self, fd: abi::fd, data: &[u8], fds: &[abi::fd]) -> R<()> {
        let fds: Vec<u32> = fds.iter().map(|f| f.0).collect();
        self.log(format!("proc_exec {} {} {:?}", fd.0, data.len(), fds));
        Ok(())
    }

    fn proc_exit(&mut self, rval: abi::exitcode) -> ! {
        NORETURN.lock().unwrap().push(format!("proc_exit {}", rval));
        loop {
            std::thread::park();
        }
    }

    fn proc_fork(&mut self) -> R<(abi::fd, abi::tid)> {
        self.log("proc_fork".to_string());
        Ok((abi::PROCESS_CHILD, abi::tid(5)))
    }

    fn proc_raise(&mut self, sig: abi::signal) -> R<()> {
        self.log(format!("proc_raise {:?}", sig));
        Ok(())
    }

    fn random_get(&mut self, buf: &mut [u8]) -> R<()> {
        buf.fill(0x42);
        self.log(format!("random_get {}", buf.len()));
        Ok(())
    }

    fn sock_recv(
        &mut self,
        sock: abi::fd,
        r#in: &abi::recv_in,
        out: &mut MaybeUninit<abi::recv_out>,
    ) -> R<()> {
        out.write(abi::recv_out {
            ro_datalen: 9,
            ro_fdslen: 1,
            ro_unused: [0; 40],
            ro_flags: abi::roflags::DATA_TRUNCATED,
        });
        self.log(format!(
            "sock_recv {} {} {} {:?}",
            sock.0, r#in.ri_data.1, r#in.ri_fds.1, r#in.ri_flags
        ));
        Ok(())
    }

    fn sock_send(
        &mut self,
        sock: abi::fd,
        r#in: &abi::send_in,
        out: &mut MaybeUninit<abi::send_out>,
    ) -> R<()> {
        out.write(abi::send_out { so_datalen: 4 });
        self.log(format!(
            "sock_send {} {} {}",
            sock.0, r#in.si_data.1, r#in.si_fds.1
        ));
        Ok(())
    }

    fn sock_shutdown(&mut self, sock: abi::fd, how: abi::sdflags) -> R<()> {
        self.log(format!("sock_shutdown {} {:?}", sock.0, how));
        Ok(())
    }

    fn thread_create(&mut self, attr: &mut MaybeUninit<abi::threadattr>) -> R<abi::tid> {
        // SAFETY: `attr` is a checked, live `threadattr`-sized buffer: the validator reads
        // its bytes without assuming they are a valid `threadattr`.
        if !unsafe { cloudabi::host::validate::threadattr(attr.as_ptr()) } {
            return Err(abi::errno::INVAL);
        }
        // SAFETY: the validator accepted every field, so the bytes are a valid
        // `threadattr` (a non-null entry point among them).
        let attr = unsafe { attr.as_ptr().read() };
        self.log(format!(
            "thread_create {} {:p}",
            attr.stack.1, attr.argument
        ));
        Ok(abi::tid(33))
    }

    fn thread_exit(&mut self, lock: *mut abi::lock, scope: abi::scope) -> ! {
        // SAFETY: the decoder refused a null or misaligned lock (it reports that through
        // `noreturn_failed` instead), and the test passes a static.
        let value = unsafe { (*lock).0 };
        NORETURN
            .lock()
            .unwrap()
            .push(format!("thread_exit {:#x} {:?}", value, scope));
        loop {
            std::thread::park();
        }
    }

    fn thread_yield(&mut self) -> R<()> {
        self.log("thread_yield".to_string());
        Ok(())
    }
}

pub(crate) fn filestat(size: u64) -> abi::filestat {
    abi::filestat {
        st_dev: abi::device(1),
        st_ino: abi::inode(2),
        st_filetype: abi::filetype::DIRECTORY,
        st_nlink: 3,
        st_size: size,
        st_atim: 4,
        st_mtim: 5,
        st_ctim: 6,
    }
}
