//! The generated `host/mod.rs`: module docs describing the interface, the `Syscalls` trait,
//! and the checked conversions from guest pointers.

use super::params::{self, classify, Kind};
use crate::backend::rust::docs;
use crate::backend::rust::writer::{RustWriter, SigEnd};
use crate::ir::{Ir, Syscall};
use crate::naming::rust as naming;

/// The path of a named errno value (`crate::errno::FAULT`), looked up in the spec by its
/// spec name.
pub(super) fn errno_path(ir: &Ir, name: &str) -> String {
    let path = ir
        .find_type("errno")
        .and_then(|id| {
            let int = ir.int_like(id)?;
            let index = int.values.iter().position(|v| v.name.name == name)?;
            Some(naming::value_path(ir, id, index))
        })
        .unwrap_or_else(|| format!("errno::{}", name.to_uppercase()));
    format!("crate::{path}")
}

const MODULE_DOC: &str = r#"The host side of the ABI, for emulators and kernels written in Rust.

An implementation of [`Syscalls`] serves the system calls of a guest whose memory is
part of this process. The guest calls the C-ABI functions of [`raw`] (exported to it,
for example through a vDSO built from [`entry_points`]); each decodes its arguments,
calls the matching trait method and writes the outputs back.

# The trait

- One method per system call. Integers, flag sets, opaque and alias types arrive as
  their own types. Enums arrive decoded: an unknown value is answered with
  [`errno::INVAL`](crate::errno::INVAL) before the method is called.
- A `crange`/`range` parameter arrives as `&[T]` / `&mut [T]` (`&[u8]` / `&mut [u8]` for
  untyped memory), except the address ranges of the `mem_*` calls, which arrive as
  `*mut [u8]`: they name mappings to change, and a reference could dangle during the
  call that unmaps them.
- A `cptr T` parameter arrives as `&T`. A structure with enum fields arrives as
  [`Fields<T>`] instead, whose accessors read and decode one field each (an enum field as
  an `Option`): a call reads only the fields it uses, as a kernel does, and a caller may
  leave the others uninitialised. A `ptr T` parameter arrives as
  `&mut MaybeUninit<T>`: most are buffers the call fills (write them with
  [`MaybeUninit::write`]); [`Syscalls::thread_create`]'s attributes are read with
  `as_ptr().read()` once [`validate::threadattr`] accepted them.
- `poll`'s subscriptions and events arrive as slices of `nsubscriptions` elements.
- Pointers to atomics (locks, condition variables) stay raw pointers: other guest
  threads use them at the same time, and `thread_exit`'s lock may be freed by another
  thread before the call returns. Use them through `core::sync::atomic`.
- Results are `Result<T, crate::errno>`: `T` is `()`, the single output, or a tuple of the
  outputs. `proc_exit` and `thread_exit` return `!`.
- Every method must be implemented: there are no default bodies, so a system call added
  to the spec breaks the build of every implementation until it serves the call.

# Checks before a call

Every pointer and length is checked before it becomes a slice or reference: a null
pointer or a range that wraps around the address space gives [`errno::FAULT`](crate::errno::FAULT), a pointer
misaligned for its type gives [`errno::INVAL`](crate::errno::INVAL), and then
[`Syscalls::check_guest_memory`] is asked, so an implementation can confine the guest to
its own memory. Empty ranges are accepted with any pointer. Output pointers are checked
before the call, so a call with a bad output pointer has no effect.

A call that reads one guest buffer and writes another (`file_readlink`'s path and buffer,
`poll`'s subscriptions and events) never hands out a `&[T]` and a `&mut [T]` to the same
bytes: when the memory it reads overlaps memory it writes, the method receives a copy of
the input taken before the call, as a kernel copies arguments in before it works. Two
overlapping buffers that the call both writes are refused with
[`errno::INVAL`](crate::errno::INVAL).

# Observing calls

When [`Syscalls::observed`] returns true, each call is decoded by [`trace`] into a
[`trace::Call`] (enum values and flags by name: `EBADF`, `RIGHT_FD_READ|RIGHT_FD_WRITE`)
and passed to [`Syscalls::before`], which may make it fail without running (failure
injection), then with its decoded result to [`Syscalls::after`]. Both print as
`fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5)`.

# The current implementation

The entry points are plain C functions without a context argument, so they find the
implementation through [`Syscalls::with_current`], which an implementation provides,
for example with a `thread_local!` holding the guest thread's state."#;

/// From the module docs to the last provided method of the trait (rustfmt's layout).
const HEAD: &str = r#"
pub mod raw;
pub mod trace;
pub mod validate;

pub use self::raw::entry_points;

use core::mem::{align_of, size_of, MaybeUninit};

/// The system calls, as an emulator implements them. See the [module docs](self).
pub trait Syscalls: Sized {
    /// Runs `f` with the implementation serving the calling thread.
    fn with_current<R>(f: impl FnOnce(&mut Self) -> R) -> R;

    /// Whether the guest may access `len` bytes at `addr` (for writing when
    /// `writable`). Called for every non-empty pointer and range before it is
    /// used; the default accepts everything that passed the null, wrap-around and
    /// alignment checks.
    fn check_guest_memory(
        &mut self,
        addr: usize,
        len: usize,
        writable: bool,
    ) -> Result<(), crate::errno> {
        let _ = (addr, len, writable);
        Ok(())
    }

    /// Whether calls are observed: passed to [`Syscalls::before`] and
    /// [`Syscalls::after`] with their decoded arguments (for tracers and failure
    /// injection). Asked once per call; an unobserved call runs no observation
    /// code at all.
    fn observed(&self) -> bool {
        false
    }

    /// An observed call whose arguments passed their checks, before it runs.
    /// `Some(e)` makes it fail with `e` without running: nothing is written to the
    /// guest. Ignored for calls that do not return (`proc_exit`, `thread_exit`),
    /// which are only reported here.
    fn before(&mut self, call: &trace::Call) -> Option<crate::errno> {
        let _ = call;
        None
    }

    /// An observed call's outcome, decoded. A call whose arguments failed their
    /// checks comes here with `call.checked` false, without [`Syscalls::before`].
    fn after(&mut self, call: trace::Call, result: Result<trace::Value, crate::errno>) {
        let _ = (call, result);
    }

    /// Called when the arguments of a call that cannot return an error
    /// (`proc_exit`, `thread_exit`) fail their checks. The default aborts.
    fn noreturn_failed(&mut self, syscall: &'static str, error: crate::errno) -> ! {
        let _ = (syscall, error);
        std::process::abort()
    }
"#;

/// The helpers after the trait; `{FAULT}` and `{INVAL}` stand for the errno paths.
const TAIL: &str = r#"
/// Checks `count` elements at `ptr`: not null, not wrapping around, aligned, and
/// accepted by [`Syscalls::check_guest_memory`].
///
/// # Safety
///
/// Only performs checks; it is `unsafe` because it is the first half of turning a
/// guest pointer into a reference.
pub unsafe fn check<S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    count: usize,
    writable: bool,
) -> Result<(), crate::errno> {
    let addr = ptr as usize;
    let len = match count.checked_mul(size_of::<T>()) {
        Some(len) if len <= isize::MAX as usize => len,
        _ => return Err({FAULT}),
    };
    if addr == 0 || addr.checked_add(len).is_none() {
        return Err({FAULT});
    }
    if addr & (align_of::<T>() - 1) != 0 {
        return Err({INVAL});
    }
    s.check_guest_memory(addr, len, writable)
}

/// A guest range as a slice; empty ranges need no valid pointer.
///
/// # Safety
///
/// The memory must stay valid, and not be written by anyone else, for `'a`.
pub unsafe fn slice<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    len: usize,
) -> Result<&'a [T], crate::errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: `check` found `len` elements at `ptr` in bounds, aligned and not
    // wrapping; the caller keeps them valid and unwritten for `'a`.
    unsafe {
        check(s, ptr, len, false)?;
        Ok(core::slice::from_raw_parts(ptr, len))
    }
}

/// A writable guest range as a slice; empty ranges need no valid pointer.
///
/// # Safety
///
/// The memory must stay valid, and not be accessed by anyone else, for `'a`.
pub unsafe fn slice_mut<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *mut T,
    len: usize,
) -> Result<&'a mut [T], crate::errno> {
    if len == 0 {
        return Ok(&mut []);
    }
    // SAFETY: `check` found `len` writable elements at `ptr` in bounds, aligned and
    // not wrapping; the caller keeps them valid and unaliased for `'a`.
    unsafe {
        check(s, ptr, len, true)?;
        Ok(core::slice::from_raw_parts_mut(ptr, len))
    }
}

/// A guest pointer to one value as a reference.
///
/// # Safety
///
/// As for [`slice()`]; the value must also be valid for `T` (see [`validate`]).
pub unsafe fn reference<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
) -> Result<&'a T, crate::errno> {
    // SAFETY: `check` found the value in bounds and aligned; the caller guarantees
    // it is a valid `T`, kept valid and unwritten for `'a`.
    unsafe {
        check(s, ptr, 1, false)?;
        Ok(&*ptr)
    }
}

/// A structure in guest memory that a call reads field by field: the accessors
/// (generated in [`validate`]) each read and decode one field, so that fields the
/// call does not use may hold anything. [`Fields::checked`] gives the whole value
/// when every field is valid.
pub struct Fields<'a, T> {
    ptr: *const T,
    guest: core::marker::PhantomData<&'a T>,
}

impl<T> Clone for Fields<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Fields<'_, T> {}
impl<'a, T> Fields<'a, T> {
    /// # Safety
    ///
    /// `ptr` must be aligned and readable for a whole `T` for `'a` (as [`check`]
    /// makes sure of guest memory).
    pub unsafe fn new(ptr: *const T) -> Self {
        Fields {
            ptr,
            guest: core::marker::PhantomData,
        }
    }

    /// Where the structure is.
    pub fn as_ptr(&self) -> *const T {
        self.ptr
    }
}

impl<'a, T: validate::Valid> Fields<'a, T> {
    /// The whole structure, if every field holds a valid value.
    pub fn checked(&self) -> Option<&'a T> {
        // SAFETY: `new`'s contract makes the whole `T` readable for `'a`, and `valid`
        // accepted its bytes before the reference is made.
        unsafe { T::valid(self.ptr).then(|| &*self.ptr) }
    }
}

/// A guest pointer to a structure read field by field.
///
/// # Safety
///
/// As for [`slice()`].
pub unsafe fn fields<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
) -> Result<Fields<'a, T>, crate::errno> {
    // SAFETY: `check` found a whole `T` at `ptr` in bounds and aligned; the caller
    // keeps it readable for `'a`.
    unsafe {
        check(s, ptr, 1, false)?;
        Ok(Fields::new(ptr))
    }
}

/// A writable guest pointer to one value, which may be uninitialised.
///
/// # Safety
///
/// As for [`slice_mut()`].
pub unsafe fn uninit<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *mut T,
) -> Result<&'a mut MaybeUninit<T>, crate::errno> {
    // SAFETY: `check` found a whole writable `T` at `ptr` in bounds and aligned; any
    // bytes are a valid `MaybeUninit<T>`; the caller keeps them unaliased for `'a`.
    unsafe {
        check(s, ptr, 1, true)?;
        Ok(&mut *(ptr as *mut MaybeUninit<T>))
    }
}
"#;

pub(crate) fn file(ir: &Ir) -> String {
    let mut w = RustWriter::with_capacity(16 * 1024 + 1024 * ir.syscalls.len());
    w.raw(&crate::backend::banner(ir, "// "));
    w.blank();
    let doc: Vec<&str> = MODULE_DOC.lines().collect();
    w.inner_doc(&doc);
    w.raw(HEAD);
    w.indent_in();
    for call in &ir.syscalls {
        w.blank();
        method(&mut w, ir, call);
    }
    w.close("}");
    w.raw(
        &TAIL
            .replace("{FAULT}", &errno_path(ir, "fault"))
            .replace("{INVAL}", &errno_path(ir, "inval")),
    );
    w.finish()
}

fn method(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    w.doc(&docs::syscall(
        ir,
        call,
        naming::field_name,
        docs::Scope::Nested,
    ));
    let mut params = vec!["&mut self".to_string()];
    for p in classify(ir, call) {
        if matches!(p.kind, Kind::Count) {
            continue;
        }
        let ty = params::trait_type(ir, &p.kind);
        params.push(format!("{}: {ty}", naming::field_name(p.member.name())));
    }
    let ret = if call.noreturn {
        "!".to_string()
    } else {
        format!("Result<{}, crate::errno>", params::output_type(ir, call))
    };
    let head = format!("fn {}", naming::field_name(&call.name.name));
    w.signature(&head, &params, &ret, SigEnd::Decl);
}
