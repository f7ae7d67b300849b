// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! The C-ABI entry points: `raw::fd_read::<S>` has the signature of
//! `cloudabi_sys_fd_read` and serves it with `S`.
//!
//! Each checks and decodes its arguments (see the [module docs](super)), calls the
//! [`Syscalls`] method through [`Syscalls::with_current`] (passing the call to
//! [`Syscalls::before`] and [`Syscalls::after`] when it is observed), and writes the
//! outputs. The body is instantiated twice, with and without observation, so that
//! an unobserved call carries no observation code at all: the observed copy is
//! reached through an out-of-line, cold function.

use super::{check, trace, validate, Syscalls};
use std::vec::Vec;

/// Every entry point with its C symbol name, in syscall-number order.
pub fn entry_points<S: Syscalls>() -> [(&'static str, *const ()); 49] {
    [
        (
            "cloudabi_sys_clock_res_get",
            clock_res_get::<S> as *const (),
        ),
        (
            "cloudabi_sys_clock_time_get",
            clock_time_get::<S> as *const (),
        ),
        (
            "cloudabi_sys_condvar_signal",
            condvar_signal::<S> as *const (),
        ),
        ("cloudabi_sys_fd_close", fd_close::<S> as *const ()),
        ("cloudabi_sys_fd_create1", fd_create1::<S> as *const ()),
        ("cloudabi_sys_fd_create2", fd_create2::<S> as *const ()),
        ("cloudabi_sys_fd_datasync", fd_datasync::<S> as *const ()),
        ("cloudabi_sys_fd_dup", fd_dup::<S> as *const ()),
        ("cloudabi_sys_fd_pread", fd_pread::<S> as *const ()),
        ("cloudabi_sys_fd_pwrite", fd_pwrite::<S> as *const ()),
        ("cloudabi_sys_fd_read", fd_read::<S> as *const ()),
        ("cloudabi_sys_fd_replace", fd_replace::<S> as *const ()),
        ("cloudabi_sys_fd_seek", fd_seek::<S> as *const ()),
        ("cloudabi_sys_fd_stat_get", fd_stat_get::<S> as *const ()),
        ("cloudabi_sys_fd_stat_put", fd_stat_put::<S> as *const ()),
        ("cloudabi_sys_fd_sync", fd_sync::<S> as *const ()),
        ("cloudabi_sys_fd_write", fd_write::<S> as *const ()),
        ("cloudabi_sys_file_advise", file_advise::<S> as *const ()),
        (
            "cloudabi_sys_file_allocate",
            file_allocate::<S> as *const (),
        ),
        ("cloudabi_sys_file_create", file_create::<S> as *const ()),
        ("cloudabi_sys_file_link", file_link::<S> as *const ()),
        ("cloudabi_sys_file_open", file_open::<S> as *const ()),
        ("cloudabi_sys_file_readdir", file_readdir::<S> as *const ()),
        (
            "cloudabi_sys_file_readlink",
            file_readlink::<S> as *const (),
        ),
        ("cloudabi_sys_file_rename", file_rename::<S> as *const ()),
        (
            "cloudabi_sys_file_stat_fget",
            file_stat_fget::<S> as *const (),
        ),
        (
            "cloudabi_sys_file_stat_fput",
            file_stat_fput::<S> as *const (),
        ),
        (
            "cloudabi_sys_file_stat_get",
            file_stat_get::<S> as *const (),
        ),
        (
            "cloudabi_sys_file_stat_put",
            file_stat_put::<S> as *const (),
        ),
        ("cloudabi_sys_file_symlink", file_symlink::<S> as *const ()),
        ("cloudabi_sys_file_unlink", file_unlink::<S> as *const ()),
        ("cloudabi_sys_lock_unlock", lock_unlock::<S> as *const ()),
        ("cloudabi_sys_mem_advise", mem_advise::<S> as *const ()),
        ("cloudabi_sys_mem_map", mem_map::<S> as *const ()),
        ("cloudabi_sys_mem_protect", mem_protect::<S> as *const ()),
        ("cloudabi_sys_mem_sync", mem_sync::<S> as *const ()),
        ("cloudabi_sys_mem_unmap", mem_unmap::<S> as *const ()),
        ("cloudabi_sys_poll", poll::<S> as *const ()),
        ("cloudabi_sys_proc_exec", proc_exec::<S> as *const ()),
        ("cloudabi_sys_proc_exit", proc_exit::<S> as *const ()),
        ("cloudabi_sys_proc_fork", proc_fork::<S> as *const ()),
        ("cloudabi_sys_proc_raise", proc_raise::<S> as *const ()),
        ("cloudabi_sys_random_get", random_get::<S> as *const ()),
        ("cloudabi_sys_sock_recv", sock_recv::<S> as *const ()),
        ("cloudabi_sys_sock_send", sock_send::<S> as *const ()),
        (
            "cloudabi_sys_sock_shutdown",
            sock_shutdown::<S> as *const (),
        ),
        (
            "cloudabi_sys_thread_create",
            thread_create::<S> as *const (),
        ),
        ("cloudabi_sys_thread_exit", thread_exit::<S> as *const ()),
        ("cloudabi_sys_thread_yield", thread_yield::<S> as *const ()),
    ]
}

/// Reports a call whose arguments failed their checks to [`Syscalls::after`] (when
/// `TRACE`), and passes the error on.
fn failed<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    name: &'static str,
    error: crate::errno,
) -> crate::errno {
    if TRACE && s.observed() {
        s.after(trace::Call::unchecked(name), Err(error));
    }
    error
}

/// The address and size in bytes of `count` values at `ptr` (saturating: only
/// compared for overlap, after or instead of the checks that reject wrap-around).
fn span<T>(ptr: *const T, count: usize) -> (usize, usize) {
    let size = count.saturating_mul(core::mem::size_of::<T>());
    (ptr as usize, size)
}

/// Whether two spans share a byte.
fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.1 != 0 && b.1 != 0 && a.0 < b.0.saturating_add(b.1) && b.0 < a.0.saturating_add(a.1)
}

/// Guest memory the call only reads, as a slice: checked like [`slice`] (and with
/// `valid` when `T` has invariants). When it overlaps memory the same call writes,
/// the slice is a copy taken before the call, so that it never aliases the `&mut`
/// the implementation writes through.
unsafe fn read_apart<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    len: usize,
    valid: Option<unsafe fn(*const T) -> bool>,
    written: &[(usize, usize)],
    copy: &'a mut Vec<core::mem::MaybeUninit<T>>,
) -> Result<&'a [T], crate::errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: `check` found `len` elements at `ptr` in bounds and aligned (the caller
    // keeps them readable for `'a`); the copy has room for `len` elements before they
    // are copied in and counted; `valid` is given each element in range.
    unsafe {
        check(s, ptr, len, false)?;
        let ptr = if written.iter().any(|w| overlap(span(ptr, len), *w)) {
            copy.reserve_exact(len);
            core::ptr::copy_nonoverlapping(
                ptr as *const core::mem::MaybeUninit<T>,
                copy.as_mut_ptr(),
                len,
            );
            copy.set_len(len);
            copy.as_ptr() as *const T
        } else {
            ptr
        };
        if let Some(valid) = valid {
            for i in 0..len {
                if !valid(ptr.add(i)) {
                    return Err(crate::errno::INVAL);
                }
            }
        }
        Ok(core::slice::from_raw_parts(ptr, len))
    }
}

/// An enum argument decoded by `decode`, or [`errno::INVAL`](crate::errno::INVAL).
fn decoded<R, T>(raw: R, decode: fn(R) -> Option<T>) -> Result<T, crate::errno> {
    decode(raw).ok_or(crate::errno::INVAL)
}

/// An output pointer, checked before the call.
unsafe fn writable<S: Syscalls, T>(s: &mut S, ptr: *mut T) -> Result<*mut T, crate::errno> {
    // SAFETY: only checks the pointer; it is written after the call, by the caller.
    unsafe { check(s, ptr, 1, true)? };
    Ok(ptr)
}

/// The C entry point `cloudabi_sys_clock_res_get`, served by [`Syscalls::clock_res_get`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn clock_res_get<S: Syscalls>(
    clock_id: u32,
    resolution: *mut crate::timestamp,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { clock_res_get_traced(s, clock_id, resolution) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { clock_res_get_inner::<S, false>(s, clock_id, resolution) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn clock_res_get_traced<S: Syscalls>(
    s: &mut S,
    clock_id: u32,
    resolution: *mut crate::timestamp,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { clock_res_get_inner::<S, true>(s, clock_id, resolution) }
}

#[inline(always)]
unsafe fn clock_res_get_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    clock_id: u32,
    resolution: *mut crate::timestamp,
) -> Result<(), crate::errno> {
    const NAME: &str = "clock_res_get";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let clock_id = match decoded(clock_id, validate::clockid) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let resolution = match writable(s, resolution) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::clock_res_get(clock_id);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.clock_res_get(clock_id)
        };
        if let Some(call) = call {
            let shown = trace::clock_res_get_result(&result);
            s.after(call, shown);
        }
        resolution.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_clock_time_get`, served by [`Syscalls::clock_time_get`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn clock_time_get<S: Syscalls>(
    clock_id: u32,
    precision: crate::timestamp,
    time: *mut crate::timestamp,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { clock_time_get_traced(s, clock_id, precision, time) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { clock_time_get_inner::<S, false>(s, clock_id, precision, time) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn clock_time_get_traced<S: Syscalls>(
    s: &mut S,
    clock_id: u32,
    precision: crate::timestamp,
    time: *mut crate::timestamp,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { clock_time_get_inner::<S, true>(s, clock_id, precision, time) }
}

#[inline(always)]
unsafe fn clock_time_get_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    clock_id: u32,
    precision: crate::timestamp,
    time: *mut crate::timestamp,
) -> Result<(), crate::errno> {
    const NAME: &str = "clock_time_get";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let clock_id = match decoded(clock_id, validate::clockid) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let time = match writable(s, time) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::clock_time_get(clock_id, precision);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.clock_time_get(clock_id, precision)
        };
        if let Some(call) = call {
            let shown = trace::clock_time_get_result(&result);
            s.after(call, shown);
        }
        time.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_condvar_signal`, served by [`Syscalls::condvar_signal`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn condvar_signal<S: Syscalls>(
    condvar: *mut crate::condvar,
    scope: u8,
    nwaiters: crate::nthreads,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { condvar_signal_traced(s, condvar, scope, nwaiters) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { condvar_signal_inner::<S, false>(s, condvar, scope, nwaiters) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn condvar_signal_traced<S: Syscalls>(
    s: &mut S,
    condvar: *mut crate::condvar,
    scope: u8,
    nwaiters: crate::nthreads,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { condvar_signal_inner::<S, true>(s, condvar, scope, nwaiters) }
}

#[inline(always)]
unsafe fn condvar_signal_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    condvar: *mut crate::condvar,
    scope: u8,
    nwaiters: crate::nthreads,
) -> Result<(), crate::errno> {
    const NAME: &str = "condvar_signal";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let condvar = match writable(s, condvar) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let scope = match decoded(scope, validate::scope) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::condvar_signal(condvar, scope, nwaiters);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.condvar_signal(condvar, scope, nwaiters)
        };
        if let Some(call) = call {
            let shown = trace::condvar_signal_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_close`, served by [`Syscalls::fd_close`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_close<S: Syscalls>(fd: crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_close_traced(s, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_close_inner::<S, false>(s, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_close_traced<S: Syscalls>(s: &mut S, fd: crate::fd) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_close_inner::<S, true>(s, fd) }
}

#[inline(always)]
unsafe fn fd_close_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::fd_close(fd);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.fd_close(fd)
    };
    if let Some(call) = call {
        let shown = trace::fd_close_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_fd_create1`, served by [`Syscalls::fd_create1`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_create1<S: Syscalls>(r#type: u8, fd: *mut crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_create1_traced(s, r#type, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_create1_inner::<S, false>(s, r#type, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_create1_traced<S: Syscalls>(
    s: &mut S,
    r#type: u8,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_create1_inner::<S, true>(s, r#type, fd) }
}

#[inline(always)]
unsafe fn fd_create1_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    r#type: u8,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_create1";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let r#type = match decoded(r#type, validate::filetype) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fd = match writable(s, fd) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_create1(r#type);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_create1(r#type)
        };
        if let Some(call) = call {
            let shown = trace::fd_create1_result(&result);
            s.after(call, shown);
        }
        fd.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_create2`, served by [`Syscalls::fd_create2`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_create2<S: Syscalls>(
    r#type: u8,
    fd1: *mut crate::fd,
    fd2: *mut crate::fd,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_create2_traced(s, r#type, fd1, fd2) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_create2_inner::<S, false>(s, r#type, fd1, fd2) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_create2_traced<S: Syscalls>(
    s: &mut S,
    r#type: u8,
    fd1: *mut crate::fd,
    fd2: *mut crate::fd,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_create2_inner::<S, true>(s, r#type, fd1, fd2) }
}

#[inline(always)]
unsafe fn fd_create2_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    r#type: u8,
    fd1: *mut crate::fd,
    fd2: *mut crate::fd,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_create2";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let r#type = match decoded(r#type, validate::filetype) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fd1 = match writable(s, fd1) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fd2 = match writable(s, fd2) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_create2(r#type);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_create2(r#type)
        };
        if let Some(call) = call {
            let shown = trace::fd_create2_result(&result);
            s.after(call, shown);
        }
        let value = result?;
        fd1.write(value.0);
        fd2.write(value.1);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_datasync`, served by [`Syscalls::fd_datasync`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_datasync<S: Syscalls>(fd: crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_datasync_traced(s, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_datasync_inner::<S, false>(s, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_datasync_traced<S: Syscalls>(s: &mut S, fd: crate::fd) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_datasync_inner::<S, true>(s, fd) }
}

#[inline(always)]
unsafe fn fd_datasync_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::fd_datasync(fd);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.fd_datasync(fd)
    };
    if let Some(call) = call {
        let shown = trace::fd_datasync_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_fd_dup`, served by [`Syscalls::fd_dup`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_dup<S: Syscalls>(from: crate::fd, fd: *mut crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_dup_traced(s, from, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_dup_inner::<S, false>(s, from, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_dup_traced<S: Syscalls>(
    s: &mut S,
    from: crate::fd,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_dup_inner::<S, true>(s, from, fd) }
}

#[inline(always)]
unsafe fn fd_dup_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    from: crate::fd,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_dup";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let fd = match writable(s, fd) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_dup(from);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_dup(from)
        };
        if let Some(call) = call {
            let shown = trace::fd_dup_result(&result);
            s.after(call, shown);
        }
        fd.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_pread`, served by [`Syscalls::fd_pread`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_pread<S: Syscalls>(
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    offset: crate::filesize,
    nread: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_pread_traced(s, fd, iovs, iovs_len, offset, nread) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_pread_inner::<S, false>(s, fd, iovs, iovs_len, offset, nread) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_pread_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    offset: crate::filesize,
    nread: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_pread_inner::<S, true>(s, fd, iovs, iovs_len, offset, nread) }
}

#[inline(always)]
unsafe fn fd_pread_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    offset: crate::filesize,
    nread: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_pread";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let iovs = match super::slice(s, iovs, iovs_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let nread = match writable(s, nread) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_pread(fd, iovs, offset);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_pread(fd, iovs, offset)
        };
        if let Some(call) = call {
            let shown = trace::fd_pread_result(&result);
            s.after(call, shown);
        }
        nread.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_pwrite`, served by [`Syscalls::fd_pwrite`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_pwrite<S: Syscalls>(
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    offset: crate::filesize,
    nwritten: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_pwrite_traced(s, fd, iovs, iovs_len, offset, nwritten) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_pwrite_inner::<S, false>(s, fd, iovs, iovs_len, offset, nwritten) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_pwrite_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    offset: crate::filesize,
    nwritten: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_pwrite_inner::<S, true>(s, fd, iovs, iovs_len, offset, nwritten) }
}

#[inline(always)]
unsafe fn fd_pwrite_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    offset: crate::filesize,
    nwritten: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_pwrite";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let iovs = match super::slice(s, iovs, iovs_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let nwritten = match writable(s, nwritten) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_pwrite(fd, iovs, offset);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_pwrite(fd, iovs, offset)
        };
        if let Some(call) = call {
            let shown = trace::fd_pwrite_result(&result);
            s.after(call, shown);
        }
        nwritten.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_read`, served by [`Syscalls::fd_read`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_read<S: Syscalls>(
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    nread: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_read_traced(s, fd, iovs, iovs_len, nread) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_read_inner::<S, false>(s, fd, iovs, iovs_len, nread) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_read_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    nread: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_read_inner::<S, true>(s, fd, iovs, iovs_len, nread) }
}

#[inline(always)]
unsafe fn fd_read_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::iovec,
    iovs_len: usize,
    nread: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_read";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let iovs = match super::slice(s, iovs, iovs_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let nread = match writable(s, nread) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_read(fd, iovs);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_read(fd, iovs)
        };
        if let Some(call) = call {
            let shown = trace::fd_read_result(&result);
            s.after(call, shown);
        }
        nread.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_replace`, served by [`Syscalls::fd_replace`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_replace<S: Syscalls>(from: crate::fd, to: crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_replace_traced(s, from, to) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_replace_inner::<S, false>(s, from, to) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_replace_traced<S: Syscalls>(
    s: &mut S,
    from: crate::fd,
    to: crate::fd,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_replace_inner::<S, true>(s, from, to) }
}

#[inline(always)]
unsafe fn fd_replace_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    from: crate::fd,
    to: crate::fd,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::fd_replace(from, to);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.fd_replace(from, to)
    };
    if let Some(call) = call {
        let shown = trace::fd_replace_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_fd_seek`, served by [`Syscalls::fd_seek`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_seek<S: Syscalls>(
    fd: crate::fd,
    offset: crate::filedelta,
    whence: u8,
    newoffset: *mut crate::filesize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_seek_traced(s, fd, offset, whence, newoffset) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_seek_inner::<S, false>(s, fd, offset, whence, newoffset) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_seek_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filedelta,
    whence: u8,
    newoffset: *mut crate::filesize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_seek_inner::<S, true>(s, fd, offset, whence, newoffset) }
}

#[inline(always)]
unsafe fn fd_seek_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filedelta,
    whence: u8,
    newoffset: *mut crate::filesize,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_seek";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let whence = match decoded(whence, validate::whence) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let newoffset = match writable(s, newoffset) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_seek(fd, offset, whence);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_seek(fd, offset, whence)
        };
        if let Some(call) = call {
            let shown = trace::fd_seek_result(&result);
            s.after(call, shown);
        }
        newoffset.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_stat_get`, served by [`Syscalls::fd_stat_get`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_stat_get<S: Syscalls>(
    fd: crate::fd,
    buf: *mut crate::fdstat,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_stat_get_traced(s, fd, buf) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_stat_get_inner::<S, false>(s, fd, buf) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_stat_get_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut crate::fdstat,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_stat_get_inner::<S, true>(s, fd, buf) }
}

#[inline(always)]
unsafe fn fd_stat_get_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut crate::fdstat,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_stat_get";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::uninit(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_stat_get(fd, buf.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_stat_get(fd, buf)
        };
        if let Some(call) = call {
            let shown = trace::fd_stat_get_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_stat_put`, served by [`Syscalls::fd_stat_put`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_stat_put<S: Syscalls>(
    fd: crate::fd,
    buf: *const crate::fdstat,
    flags: crate::fdsflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_stat_put_traced(s, fd, buf, flags) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_stat_put_inner::<S, false>(s, fd, buf, flags) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_stat_put_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    buf: *const crate::fdstat,
    flags: crate::fdsflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_stat_put_inner::<S, true>(s, fd, buf, flags) }
}

#[inline(always)]
unsafe fn fd_stat_put_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    buf: *const crate::fdstat,
    flags: crate::fdsflags,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_stat_put";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::fields(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_stat_put(fd, buf, flags);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_stat_put(fd, buf, flags)
        };
        if let Some(call) = call {
            let shown = trace::fd_stat_put_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_fd_sync`, served by [`Syscalls::fd_sync`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_sync<S: Syscalls>(fd: crate::fd) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_sync_traced(s, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_sync_inner::<S, false>(s, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_sync_traced<S: Syscalls>(s: &mut S, fd: crate::fd) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_sync_inner::<S, true>(s, fd) }
}

#[inline(always)]
unsafe fn fd_sync_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::fd_sync(fd);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.fd_sync(fd)
    };
    if let Some(call) = call {
        let shown = trace::fd_sync_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_fd_write`, served by [`Syscalls::fd_write`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn fd_write<S: Syscalls>(
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_write_traced(s, fd, iovs, iovs_len, nwritten) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { fd_write_inner::<S, false>(s, fd, iovs, iovs_len, nwritten) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn fd_write_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { fd_write_inner::<S, true>(s, fd, iovs, iovs_len, nwritten) }
}

#[inline(always)]
unsafe fn fd_write_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    iovs: *const crate::ciovec,
    iovs_len: usize,
    nwritten: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "fd_write";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let iovs = match super::slice(s, iovs, iovs_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let nwritten = match writable(s, nwritten) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::fd_write(fd, iovs);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.fd_write(fd, iovs)
        };
        if let Some(call) = call {
            let shown = trace::fd_write_result(&result);
            s.after(call, shown);
        }
        nwritten.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_advise`, served by [`Syscalls::file_advise`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_advise<S: Syscalls>(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: u8,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_advise_traced(s, fd, offset, len, advice) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_advise_inner::<S, false>(s, fd, offset, len, advice) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_advise_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: u8,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_advise_inner::<S, true>(s, fd, offset, len, advice) }
}

#[inline(always)]
unsafe fn file_advise_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
    advice: u8,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_advise";
    let advice = match decoded(advice, validate::advice) {
        Ok(v) => v,
        Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
    };
    let mut call = None;
    if TRACE {
        let decoded = trace::file_advise(fd, offset, len, advice);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.file_advise(fd, offset, len, advice)
    };
    if let Some(call) = call {
        let shown = trace::file_advise_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_file_allocate`, served by [`Syscalls::file_allocate`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_allocate<S: Syscalls>(
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_allocate_traced(s, fd, offset, len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_allocate_inner::<S, false>(s, fd, offset, len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_allocate_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_allocate_inner::<S, true>(s, fd, offset, len) }
}

#[inline(always)]
unsafe fn file_allocate_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    offset: crate::filesize,
    len: crate::filesize,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::file_allocate(fd, offset, len);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.file_allocate(fd, offset, len)
    };
    if let Some(call) = call {
        let shown = trace::file_allocate_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_file_create`, served by [`Syscalls::file_create`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_create<S: Syscalls>(
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    r#type: u8,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_create_traced(s, fd, path, path_len, r#type) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_create_inner::<S, false>(s, fd, path, path_len, r#type) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_create_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    r#type: u8,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_create_inner::<S, true>(s, fd, path, path_len, r#type) }
}

#[inline(always)]
unsafe fn file_create_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    r#type: u8,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_create";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path = match super::slice(s, path, path_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let r#type = match decoded(r#type, validate::filetype) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_create(fd, path, r#type);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_create(fd, path, r#type)
        };
        if let Some(call) = call {
            let shown = trace::file_create_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_link`, served by [`Syscalls::file_link`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_link<S: Syscalls>(
    fd1: crate::lookup,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_link_traced(s, fd1, path1, path1_len, fd2, path2, path2_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_link_inner::<S, false>(s, fd1, path1, path1_len, fd2, path2, path2_len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_link_traced<S: Syscalls>(
    s: &mut S,
    fd1: crate::lookup,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_link_inner::<S, true>(s, fd1, path1, path1_len, fd2, path2, path2_len) }
}

#[inline(always)]
unsafe fn file_link_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd1: crate::lookup,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_link";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path1 = match super::slice(s, path1, path1_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let path2 = match super::slice(s, path2, path2_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_link(fd1, path1, fd2, path2);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_link(fd1, path1, fd2, path2)
        };
        if let Some(call) = call {
            let shown = trace::file_link_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_open`, served by [`Syscalls::file_open`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_open<S: Syscalls>(
    dirfd: crate::lookup,
    path: *const u8,
    path_len: usize,
    oflags: crate::oflags,
    fds: *const crate::fdstat,
    fd: *mut crate::fd,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_open_traced(s, dirfd, path, path_len, oflags, fds, fd) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_open_inner::<S, false>(s, dirfd, path, path_len, oflags, fds, fd) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_open_traced<S: Syscalls>(
    s: &mut S,
    dirfd: crate::lookup,
    path: *const u8,
    path_len: usize,
    oflags: crate::oflags,
    fds: *const crate::fdstat,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_open_inner::<S, true>(s, dirfd, path, path_len, oflags, fds, fd) }
}

#[inline(always)]
unsafe fn file_open_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    dirfd: crate::lookup,
    path: *const u8,
    path_len: usize,
    oflags: crate::oflags,
    fds: *const crate::fdstat,
    fd: *mut crate::fd,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_open";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path = match super::slice(s, path, path_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fds = match super::fields(s, fds) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fd = match writable(s, fd) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_open(dirfd, path, oflags, fds);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_open(dirfd, path, oflags, fds)
        };
        if let Some(call) = call {
            let shown = trace::file_open_result(&result);
            s.after(call, shown);
        }
        fd.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_readdir`, served by [`Syscalls::file_readdir`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_readdir<S: Syscalls>(
    fd: crate::fd,
    buf: *mut (),
    buf_len: usize,
    cookie: crate::dircookie,
    bufused: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_readdir_traced(s, fd, buf, buf_len, cookie, bufused) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_readdir_inner::<S, false>(s, fd, buf, buf_len, cookie, bufused) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_readdir_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut (),
    buf_len: usize,
    cookie: crate::dircookie,
    bufused: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_readdir_inner::<S, true>(s, fd, buf, buf_len, cookie, bufused) }
}

#[inline(always)]
unsafe fn file_readdir_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut (),
    buf_len: usize,
    cookie: crate::dircookie,
    bufused: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_readdir";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::slice_mut(s, buf as *mut u8, buf_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let bufused = match writable(s, bufused) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_readdir(fd, buf.len(), cookie);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_readdir(fd, buf, cookie)
        };
        if let Some(call) = call {
            let shown = trace::file_readdir_result(&result);
            s.after(call, shown);
        }
        bufused.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_readlink`, served by [`Syscalls::file_readlink`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_readlink<S: Syscalls>(
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    buf: *mut u8,
    buf_len: usize,
    bufused: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_readlink_traced(s, fd, path, path_len, buf, buf_len, bufused) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_readlink_inner::<S, false>(s, fd, path, path_len, buf, buf_len, bufused) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_readlink_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    buf: *mut u8,
    buf_len: usize,
    bufused: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_readlink_inner::<S, true>(s, fd, path, path_len, buf, buf_len, bufused) }
}

#[inline(always)]
unsafe fn file_readlink_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    buf: *mut u8,
    buf_len: usize,
    bufused: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_readlink";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let written = [span(buf as *const u8, buf_len)];
        let mut path_copy = Vec::new();
        let path = match read_apart(s, path, path_len, None, &written, &mut path_copy) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let buf = match super::slice_mut(s, buf, buf_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let bufused = match writable(s, bufused) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_readlink(fd, path, buf.len());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_readlink(fd, path, buf)
        };
        if let Some(call) = call {
            let shown = trace::file_readlink_result(&result);
            s.after(call, shown);
        }
        bufused.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_rename`, served by [`Syscalls::file_rename`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_rename<S: Syscalls>(
    fd1: crate::fd,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_rename_traced(s, fd1, path1, path1_len, fd2, path2, path2_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe {
                file_rename_inner::<S, false>(s, fd1, path1, path1_len, fd2, path2, path2_len)
            }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_rename_traced<S: Syscalls>(
    s: &mut S,
    fd1: crate::fd,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_rename_inner::<S, true>(s, fd1, path1, path1_len, fd2, path2, path2_len) }
}

#[inline(always)]
unsafe fn file_rename_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd1: crate::fd,
    path1: *const u8,
    path1_len: usize,
    fd2: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_rename";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path1 = match super::slice(s, path1, path1_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let path2 = match super::slice(s, path2, path2_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_rename(fd1, path1, fd2, path2);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_rename(fd1, path1, fd2, path2)
        };
        if let Some(call) = call {
            let shown = trace::file_rename_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_stat_fget`, served by [`Syscalls::file_stat_fget`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_stat_fget<S: Syscalls>(
    fd: crate::fd,
    buf: *mut crate::filestat,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_fget_traced(s, fd, buf) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_fget_inner::<S, false>(s, fd, buf) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_stat_fget_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut crate::filestat,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_stat_fget_inner::<S, true>(s, fd, buf) }
}

#[inline(always)]
unsafe fn file_stat_fget_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    buf: *mut crate::filestat,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_stat_fget";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::uninit(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_stat_fget(fd, buf.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_stat_fget(fd, buf)
        };
        if let Some(call) = call {
            let shown = trace::file_stat_fget_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_stat_fput`, served by [`Syscalls::file_stat_fput`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_stat_fput<S: Syscalls>(
    fd: crate::fd,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_fput_traced(s, fd, buf, flags) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_fput_inner::<S, false>(s, fd, buf, flags) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_stat_fput_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_stat_fput_inner::<S, true>(s, fd, buf, flags) }
}

#[inline(always)]
unsafe fn file_stat_fput_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_stat_fput";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::fields(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_stat_fput(fd, buf, flags);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_stat_fput(fd, buf, flags)
        };
        if let Some(call) = call {
            let shown = trace::file_stat_fput_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_stat_get`, served by [`Syscalls::file_stat_get`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_stat_get<S: Syscalls>(
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *mut crate::filestat,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_get_traced(s, fd, path, path_len, buf) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_get_inner::<S, false>(s, fd, path, path_len, buf) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_stat_get_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *mut crate::filestat,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_stat_get_inner::<S, true>(s, fd, path, path_len, buf) }
}

#[inline(always)]
unsafe fn file_stat_get_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *mut crate::filestat,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_stat_get";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let written = [span(buf as *const crate::filestat, 1)];
        let mut path_copy = Vec::new();
        let path = match read_apart(s, path, path_len, None, &written, &mut path_copy) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let buf = match super::uninit(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_stat_get(fd, path, buf.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_stat_get(fd, path, buf)
        };
        if let Some(call) = call {
            let shown = trace::file_stat_get_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_stat_put`, served by [`Syscalls::file_stat_put`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_stat_put<S: Syscalls>(
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_put_traced(s, fd, path, path_len, buf, flags) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_stat_put_inner::<S, false>(s, fd, path, path_len, buf, flags) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_stat_put_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_stat_put_inner::<S, true>(s, fd, path, path_len, buf, flags) }
}

#[inline(always)]
unsafe fn file_stat_put_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::lookup,
    path: *const u8,
    path_len: usize,
    buf: *const crate::filestat,
    flags: crate::fsflags,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_stat_put";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path = match super::slice(s, path, path_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let buf = match super::fields(s, buf) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_stat_put(fd, path, buf, flags);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_stat_put(fd, path, buf, flags)
        };
        if let Some(call) = call {
            let shown = trace::file_stat_put_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_symlink`, served by [`Syscalls::file_symlink`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_symlink<S: Syscalls>(
    path1: *const u8,
    path1_len: usize,
    fd: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_symlink_traced(s, path1, path1_len, fd, path2, path2_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_symlink_inner::<S, false>(s, path1, path1_len, fd, path2, path2_len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_symlink_traced<S: Syscalls>(
    s: &mut S,
    path1: *const u8,
    path1_len: usize,
    fd: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_symlink_inner::<S, true>(s, path1, path1_len, fd, path2, path2_len) }
}

#[inline(always)]
unsafe fn file_symlink_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    path1: *const u8,
    path1_len: usize,
    fd: crate::fd,
    path2: *const u8,
    path2_len: usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_symlink";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path1 = match super::slice(s, path1, path1_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let path2 = match super::slice(s, path2, path2_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_symlink(path1, fd, path2);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_symlink(path1, fd, path2)
        };
        if let Some(call) = call {
            let shown = trace::file_symlink_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_file_unlink`, served by [`Syscalls::file_unlink`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn file_unlink<S: Syscalls>(
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    flags: crate::ulflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_unlink_traced(s, fd, path, path_len, flags) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { file_unlink_inner::<S, false>(s, fd, path, path_len, flags) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn file_unlink_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    flags: crate::ulflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { file_unlink_inner::<S, true>(s, fd, path, path_len, flags) }
}

#[inline(always)]
unsafe fn file_unlink_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    path: *const u8,
    path_len: usize,
    flags: crate::ulflags,
) -> Result<(), crate::errno> {
    const NAME: &str = "file_unlink";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let path = match super::slice(s, path, path_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::file_unlink(fd, path, flags);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.file_unlink(fd, path, flags)
        };
        if let Some(call) = call {
            let shown = trace::file_unlink_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_lock_unlock`, served by [`Syscalls::lock_unlock`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn lock_unlock<S: Syscalls>(
    lock: *mut crate::lock,
    scope: u8,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { lock_unlock_traced(s, lock, scope) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { lock_unlock_inner::<S, false>(s, lock, scope) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn lock_unlock_traced<S: Syscalls>(
    s: &mut S,
    lock: *mut crate::lock,
    scope: u8,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { lock_unlock_inner::<S, true>(s, lock, scope) }
}

#[inline(always)]
unsafe fn lock_unlock_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    lock: *mut crate::lock,
    scope: u8,
) -> Result<(), crate::errno> {
    const NAME: &str = "lock_unlock";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let lock = match writable(s, lock) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let scope = match decoded(scope, validate::scope) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::lock_unlock(lock, scope);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.lock_unlock(lock, scope)
        };
        if let Some(call) = call {
            let shown = trace::lock_unlock_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_mem_advise`, served by [`Syscalls::mem_advise`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn mem_advise<S: Syscalls>(
    mapping: *mut (),
    mapping_len: usize,
    advice: u8,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_advise_traced(s, mapping, mapping_len, advice) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_advise_inner::<S, false>(s, mapping, mapping_len, advice) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn mem_advise_traced<S: Syscalls>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    advice: u8,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { mem_advise_inner::<S, true>(s, mapping, mapping_len, advice) }
}

#[inline(always)]
unsafe fn mem_advise_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    advice: u8,
) -> Result<(), crate::errno> {
    const NAME: &str = "mem_advise";
    let mapping = core::ptr::slice_from_raw_parts_mut(mapping as *mut u8, mapping_len);
    let advice = match decoded(advice, validate::advice) {
        Ok(v) => v,
        Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
    };
    let mut call = None;
    if TRACE {
        let decoded = trace::mem_advise(mapping, advice);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.mem_advise(mapping, advice)
    };
    if let Some(call) = call {
        let shown = trace::mem_advise_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_mem_map`, served by [`Syscalls::mem_map`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn mem_map<S: Syscalls>(
    addr: *mut (),
    len: usize,
    prot: crate::mprot,
    flags: crate::mflags,
    fd: crate::fd,
    off: crate::filesize,
    mem: *mut *mut (),
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_map_traced(s, addr, len, prot, flags, fd, off, mem) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_map_inner::<S, false>(s, addr, len, prot, flags, fd, off, mem) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[allow(clippy::too_many_arguments)] // mirrors the C signature
#[cold]
#[inline(never)]
unsafe fn mem_map_traced<S: Syscalls>(
    s: &mut S,
    addr: *mut (),
    len: usize,
    prot: crate::mprot,
    flags: crate::mflags,
    fd: crate::fd,
    off: crate::filesize,
    mem: *mut *mut (),
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { mem_map_inner::<S, true>(s, addr, len, prot, flags, fd, off, mem) }
}

#[allow(clippy::too_many_arguments)] // mirrors the C signature
#[inline(always)]
unsafe fn mem_map_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    addr: *mut (),
    len: usize,
    prot: crate::mprot,
    flags: crate::mflags,
    fd: crate::fd,
    off: crate::filesize,
    mem: *mut *mut (),
) -> Result<(), crate::errno> {
    const NAME: &str = "mem_map";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let mem = match writable(s, mem) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::mem_map(addr, len, prot, flags, fd, off);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.mem_map(addr, len, prot, flags, fd, off)
        };
        if let Some(call) = call {
            let shown = trace::mem_map_result(&result);
            s.after(call, shown);
        }
        mem.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_mem_protect`, served by [`Syscalls::mem_protect`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn mem_protect<S: Syscalls>(
    mapping: *mut (),
    mapping_len: usize,
    prot: crate::mprot,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_protect_traced(s, mapping, mapping_len, prot) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_protect_inner::<S, false>(s, mapping, mapping_len, prot) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn mem_protect_traced<S: Syscalls>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    prot: crate::mprot,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { mem_protect_inner::<S, true>(s, mapping, mapping_len, prot) }
}

#[inline(always)]
unsafe fn mem_protect_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    prot: crate::mprot,
) -> Result<(), crate::errno> {
    let mapping = core::ptr::slice_from_raw_parts_mut(mapping as *mut u8, mapping_len);
    let mut call = None;
    if TRACE {
        let decoded = trace::mem_protect(mapping, prot);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.mem_protect(mapping, prot)
    };
    if let Some(call) = call {
        let shown = trace::mem_protect_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_mem_sync`, served by [`Syscalls::mem_sync`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn mem_sync<S: Syscalls>(
    mapping: *mut (),
    mapping_len: usize,
    flags: crate::msflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_sync_traced(s, mapping, mapping_len, flags) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_sync_inner::<S, false>(s, mapping, mapping_len, flags) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn mem_sync_traced<S: Syscalls>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    flags: crate::msflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { mem_sync_inner::<S, true>(s, mapping, mapping_len, flags) }
}

#[inline(always)]
unsafe fn mem_sync_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
    flags: crate::msflags,
) -> Result<(), crate::errno> {
    let mapping = core::ptr::slice_from_raw_parts_mut(mapping as *mut u8, mapping_len);
    let mut call = None;
    if TRACE {
        let decoded = trace::mem_sync(mapping, flags);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.mem_sync(mapping, flags)
    };
    if let Some(call) = call {
        let shown = trace::mem_sync_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_mem_unmap`, served by [`Syscalls::mem_unmap`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn mem_unmap<S: Syscalls>(
    mapping: *mut (),
    mapping_len: usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_unmap_traced(s, mapping, mapping_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { mem_unmap_inner::<S, false>(s, mapping, mapping_len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn mem_unmap_traced<S: Syscalls>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { mem_unmap_inner::<S, true>(s, mapping, mapping_len) }
}

#[inline(always)]
unsafe fn mem_unmap_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    mapping: *mut (),
    mapping_len: usize,
) -> Result<(), crate::errno> {
    let mapping = core::ptr::slice_from_raw_parts_mut(mapping as *mut u8, mapping_len);
    let mut call = None;
    if TRACE {
        let decoded = trace::mem_unmap(mapping);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.mem_unmap(mapping)
    };
    if let Some(call) = call {
        let shown = trace::mem_unmap_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_poll`, served by [`Syscalls::poll`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn poll<S: Syscalls>(
    r#in: *const crate::subscription,
    out: *mut crate::event,
    nsubscriptions: usize,
    nevents: *mut usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { poll_traced(s, r#in, out, nsubscriptions, nevents) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { poll_inner::<S, false>(s, r#in, out, nsubscriptions, nevents) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn poll_traced<S: Syscalls>(
    s: &mut S,
    r#in: *const crate::subscription,
    out: *mut crate::event,
    nsubscriptions: usize,
    nevents: *mut usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { poll_inner::<S, true>(s, r#in, out, nsubscriptions, nevents) }
}

#[inline(always)]
unsafe fn poll_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    r#in: *const crate::subscription,
    out: *mut crate::event,
    nsubscriptions: usize,
    nevents: *mut usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "poll";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let written = [span(out as *const crate::event, nsubscriptions)];
        let mut in_copy = Vec::new();
        let r#in = match read_apart(
            s,
            r#in,
            nsubscriptions,
            Some(validate::subscription),
            &written,
            &mut in_copy,
        ) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let out = match super::slice_mut(
            s,
            out as *mut core::mem::MaybeUninit<crate::event>,
            nsubscriptions,
        ) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let nevents = match writable(s, nevents) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        let out_filled = out.as_ptr() as *const crate::event;
        let out_filled = (out_filled, out.len());
        if TRACE {
            let decoded = trace::poll(r#in, out.len());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.poll(r#in, out)
        };
        if let Some(call) = call {
            let shown = trace::poll_result(&result, out_filled);
            s.after(call, shown);
        }
        nevents.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_proc_exec`, served by [`Syscalls::proc_exec`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn proc_exec<S: Syscalls>(
    fd: crate::fd,
    data: *const (),
    data_len: usize,
    fds: *const crate::fd,
    fds_len: usize,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_exec_traced(s, fd, data, data_len, fds, fds_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_exec_inner::<S, false>(s, fd, data, data_len, fds, fds_len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn proc_exec_traced<S: Syscalls>(
    s: &mut S,
    fd: crate::fd,
    data: *const (),
    data_len: usize,
    fds: *const crate::fd,
    fds_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { proc_exec_inner::<S, true>(s, fd, data, data_len, fds, fds_len) }
}

#[inline(always)]
unsafe fn proc_exec_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: crate::fd,
    data: *const (),
    data_len: usize,
    fds: *const crate::fd,
    fds_len: usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "proc_exec";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let data = match super::slice(s, data as *const u8, data_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let fds = match super::slice(s, fds, fds_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::proc_exec(fd, data, fds);
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.proc_exec(fd, data, fds)
        };
        if let Some(call) = call {
            let shown = trace::proc_exec_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_proc_exit`, served by [`Syscalls::proc_exit`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn proc_exit<S: Syscalls>(rval: crate::exitcode) -> ! {
    S::with_current(|s| {
        // SAFETY: the guest's arguments, under this entry point's contract.
        unsafe { proc_exit_inner(s, rval) };
    });
    std::process::abort()
}

unsafe fn proc_exit_inner<S: Syscalls>(s: &mut S, rval: crate::exitcode) -> ! {
    if s.observed() {
        // A call that does not return cannot fail: what `before` says is moot.
        let decoded = trace::proc_exit(rval);
        let _ = s.before(&decoded);
    }
    s.proc_exit(rval)
}

/// The C entry point `cloudabi_sys_proc_fork`, served by [`Syscalls::proc_fork`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn proc_fork<S: Syscalls>(
    fd: *mut crate::fd,
    tid: *mut crate::tid,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_fork_traced(s, fd, tid) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_fork_inner::<S, false>(s, fd, tid) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn proc_fork_traced<S: Syscalls>(
    s: &mut S,
    fd: *mut crate::fd,
    tid: *mut crate::tid,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { proc_fork_inner::<S, true>(s, fd, tid) }
}

#[inline(always)]
unsafe fn proc_fork_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    fd: *mut crate::fd,
    tid: *mut crate::tid,
) -> Result<(), crate::errno> {
    const NAME: &str = "proc_fork";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let fd = match writable(s, fd) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let tid = match writable(s, tid) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::proc_fork();
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.proc_fork()
        };
        if let Some(call) = call {
            let shown = trace::proc_fork_result(&result);
            s.after(call, shown);
        }
        let value = result?;
        fd.write(value.0);
        tid.write(value.1);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_proc_raise`, served by [`Syscalls::proc_raise`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn proc_raise<S: Syscalls>(sig: u8) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_raise_traced(s, sig) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { proc_raise_inner::<S, false>(s, sig) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn proc_raise_traced<S: Syscalls>(s: &mut S, sig: u8) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { proc_raise_inner::<S, true>(s, sig) }
}

#[inline(always)]
unsafe fn proc_raise_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    sig: u8,
) -> Result<(), crate::errno> {
    const NAME: &str = "proc_raise";
    let sig = match decoded(sig, validate::signal) {
        Ok(v) => v,
        Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
    };
    let mut call = None;
    if TRACE {
        let decoded = trace::proc_raise(sig);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.proc_raise(sig)
    };
    if let Some(call) = call {
        let shown = trace::proc_raise_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_random_get`, served by [`Syscalls::random_get`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn random_get<S: Syscalls>(buf: *mut (), buf_len: usize) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { random_get_traced(s, buf, buf_len) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { random_get_inner::<S, false>(s, buf, buf_len) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn random_get_traced<S: Syscalls>(
    s: &mut S,
    buf: *mut (),
    buf_len: usize,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { random_get_inner::<S, true>(s, buf, buf_len) }
}

#[inline(always)]
unsafe fn random_get_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    buf: *mut (),
    buf_len: usize,
) -> Result<(), crate::errno> {
    const NAME: &str = "random_get";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let buf = match super::slice_mut(s, buf as *mut u8, buf_len) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::random_get(buf.len());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.random_get(buf)
        };
        if let Some(call) = call {
            let shown = trace::random_get_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_sock_recv`, served by [`Syscalls::sock_recv`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn sock_recv<S: Syscalls>(
    sock: crate::fd,
    r#in: *const crate::recv_in,
    out: *mut crate::recv_out,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_recv_traced(s, sock, r#in, out) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_recv_inner::<S, false>(s, sock, r#in, out) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn sock_recv_traced<S: Syscalls>(
    s: &mut S,
    sock: crate::fd,
    r#in: *const crate::recv_in,
    out: *mut crate::recv_out,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { sock_recv_inner::<S, true>(s, sock, r#in, out) }
}

#[inline(always)]
unsafe fn sock_recv_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    sock: crate::fd,
    r#in: *const crate::recv_in,
    out: *mut crate::recv_out,
) -> Result<(), crate::errno> {
    const NAME: &str = "sock_recv";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let written = [span(out as *const crate::recv_out, 1)];
        let mut in_copy = Vec::new();
        let r#in = match read_apart(s, r#in, 1, None, &written, &mut in_copy) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let r#in = &r#in[0];
        let out = match super::uninit(s, out) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::sock_recv(sock, r#in, out.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.sock_recv(sock, r#in, out)
        };
        if let Some(call) = call {
            let shown = trace::sock_recv_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_sock_send`, served by [`Syscalls::sock_send`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn sock_send<S: Syscalls>(
    sock: crate::fd,
    r#in: *const crate::send_in,
    out: *mut crate::send_out,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_send_traced(s, sock, r#in, out) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_send_inner::<S, false>(s, sock, r#in, out) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn sock_send_traced<S: Syscalls>(
    s: &mut S,
    sock: crate::fd,
    r#in: *const crate::send_in,
    out: *mut crate::send_out,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { sock_send_inner::<S, true>(s, sock, r#in, out) }
}

#[inline(always)]
unsafe fn sock_send_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    sock: crate::fd,
    r#in: *const crate::send_in,
    out: *mut crate::send_out,
) -> Result<(), crate::errno> {
    const NAME: &str = "sock_send";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let written = [span(out as *const crate::send_out, 1)];
        let mut in_copy = Vec::new();
        let r#in = match read_apart(s, r#in, 1, None, &written, &mut in_copy) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let r#in = &r#in[0];
        let out = match super::uninit(s, out) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::sock_send(sock, r#in, out.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.sock_send(sock, r#in, out)
        };
        if let Some(call) = call {
            let shown = trace::sock_send_result(&result);
            s.after(call, shown);
        }
        let () = result?;
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_sock_shutdown`, served by [`Syscalls::sock_shutdown`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn sock_shutdown<S: Syscalls>(
    sock: crate::fd,
    how: crate::sdflags,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_shutdown_traced(s, sock, how) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { sock_shutdown_inner::<S, false>(s, sock, how) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn sock_shutdown_traced<S: Syscalls>(
    s: &mut S,
    sock: crate::fd,
    how: crate::sdflags,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { sock_shutdown_inner::<S, true>(s, sock, how) }
}

#[inline(always)]
unsafe fn sock_shutdown_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    sock: crate::fd,
    how: crate::sdflags,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::sock_shutdown(sock, how);
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.sock_shutdown(sock, how)
    };
    if let Some(call) = call {
        let shown = trace::sock_shutdown_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}

/// The C entry point `cloudabi_sys_thread_create`, served by [`Syscalls::thread_create`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn thread_create<S: Syscalls>(
    attr: *mut crate::threadattr,
    tid: *mut crate::tid,
) -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { thread_create_traced(s, attr, tid) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { thread_create_inner::<S, false>(s, attr, tid) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn thread_create_traced<S: Syscalls>(
    s: &mut S,
    attr: *mut crate::threadattr,
    tid: *mut crate::tid,
) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { thread_create_inner::<S, true>(s, attr, tid) }
}

#[inline(always)]
unsafe fn thread_create_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    attr: *mut crate::threadattr,
    tid: *mut crate::tid,
) -> Result<(), crate::errno> {
    const NAME: &str = "thread_create";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let attr = match super::uninit(s, attr) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let tid = match writable(s, tid) {
            Ok(v) => v,
            Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),
        };
        let mut call = None;
        if TRACE {
            let decoded = trace::thread_create(attr.as_ptr());
            call = Some(decoded);
        }
        let injected = match &call {
            Some(call) => s.before(call),
            None => None,
        };
        let result = if let Some(injected) = injected {
            Err(injected)
        } else {
            s.thread_create(attr)
        };
        if let Some(call) = call {
            let shown = trace::thread_create_result(&result);
            s.after(call, shown);
        }
        tid.write(result?);
        Ok(())
    }
}

/// The C entry point `cloudabi_sys_thread_exit`, served by [`Syscalls::thread_exit`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn thread_exit<S: Syscalls>(lock: *mut crate::lock, scope: u8) -> ! {
    S::with_current(|s| {
        // SAFETY: the guest's arguments, under this entry point's contract.
        unsafe { thread_exit_inner(s, lock, scope) };
    });
    std::process::abort()
}

unsafe fn thread_exit_inner<S: Syscalls>(s: &mut S, lock: *mut crate::lock, scope: u8) -> ! {
    const NAME: &str = "thread_exit";
    // SAFETY: every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)
    // before it is read or written, memory the call reads is copied apart when it overlaps
    // what it writes, and the guest keeps it valid for the call (the entry point's contract).
    unsafe {
        let lock = match writable(s, lock) {
            Ok(v) => v,
            Err(e) => {
                let e = failed::<S, true>(s, NAME, e);
                s.noreturn_failed(NAME, e)
            }
        };
        let scope = match decoded(scope, validate::scope) {
            Ok(v) => v,
            Err(e) => {
                let e = failed::<S, true>(s, NAME, e);
                s.noreturn_failed(NAME, e)
            }
        };
        if s.observed() {
            // A call that does not return cannot fail: what `before` says is moot.
            let decoded = trace::thread_exit(lock, scope);
            let _ = s.before(&decoded);
        }
        s.thread_exit(lock, scope)
    }
}

/// The C entry point `cloudabi_sys_thread_yield`, served by [`Syscalls::thread_yield`].
///
/// # Safety
///
/// To be called by the guest with the C signature of the system call; the pointers
/// it passes are checked as the [module docs](super) describe, and must otherwise
/// be valid guest memory for the duration of the call.
pub unsafe extern "C" fn thread_yield<S: Syscalls>() -> crate::errno {
    S::with_current(|s| {
        let result = if s.observed() {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { thread_yield_traced(s) }
        } else {
            // SAFETY: the guest's arguments, under this entry point's contract.
            unsafe { thread_yield_inner::<S, false>(s) }
        };
        match result {
            Ok(()) => crate::errno::SUCCESS,
            Err(e) => e,
        }
    })
}

#[cold]
#[inline(never)]
unsafe fn thread_yield_traced<S: Syscalls>(s: &mut S) -> Result<(), crate::errno> {
    // SAFETY: the caller upholds the entry point's contract, which this shares.
    unsafe { thread_yield_inner::<S, true>(s) }
}

#[inline(always)]
unsafe fn thread_yield_inner<S: Syscalls, const TRACE: bool>(
    s: &mut S,
) -> Result<(), crate::errno> {
    let mut call = None;
    if TRACE {
        let decoded = trace::thread_yield();
        call = Some(decoded);
    }
    let injected = match &call {
        Some(call) => s.before(call),
        None => None,
    };
    let result = if let Some(injected) = injected {
        Err(injected)
    } else {
        s.thread_yield()
    };
    if let Some(call) = call {
        let shown = trace::thread_yield_result(&result);
        s.after(call, shown);
    }
    let () = result?;
    Ok(())
}
