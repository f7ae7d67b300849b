// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

//! Layout tests: every struct and union against the spec's size, alignment and
//! field offsets.

use super::*;
use core::mem::{align_of, size_of, MaybeUninit};

/// Byte offset of a (possibly nested) field, without creating a value.
macro_rules! offset_of {
    ($ty:ty, $($field:tt)+) => {{
        let value = MaybeUninit::<$ty>::uninit();
        let base = value.as_ptr();
        #[allow(unused_unsafe)]
        // SAFETY: only the field's address is taken, from a pointer to a value's storage;
        // nothing is read.
        let field = unsafe { core::ptr::addr_of!((*base).$($field)+) };
        field as usize - base as usize
    }};
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_auxv_union_32() {
    assert_eq!(size_of::<auxv_union>(), 4);
    assert_eq!(align_of::<auxv_union>(), 4);
    assert_eq!(offset_of!(auxv_union, a_val), 0);
    assert_eq!(offset_of!(auxv_union, a_ptr), 0);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_auxv_union_64() {
    assert_eq!(size_of::<auxv_union>(), 8);
    assert_eq!(align_of::<auxv_union>(), 8);
    assert_eq!(offset_of!(auxv_union, a_val), 0);
    assert_eq!(offset_of!(auxv_union, a_ptr), 0);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_auxv_32() {
    assert_eq!(size_of::<auxv>(), 8);
    assert_eq!(align_of::<auxv>(), 4);
    assert_eq!(offset_of!(auxv, a_type), 0);
    assert_eq!(offset_of!(auxv, union), 4);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_auxv_64() {
    assert_eq!(size_of::<auxv>(), 16);
    assert_eq!(align_of::<auxv>(), 8);
    assert_eq!(offset_of!(auxv, a_type), 0);
    assert_eq!(offset_of!(auxv, union), 8);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_ciovec_32() {
    assert_eq!(size_of::<ciovec>(), 8);
    assert_eq!(align_of::<ciovec>(), 4);
    assert_eq!(offset_of!(ciovec, buf.0), 0);
    assert_eq!(offset_of!(ciovec, buf.1), 4);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_ciovec_64() {
    assert_eq!(size_of::<ciovec>(), 16);
    assert_eq!(align_of::<ciovec>(), 8);
    assert_eq!(offset_of!(ciovec, buf.0), 0);
    assert_eq!(offset_of!(ciovec, buf.1), 8);
}

#[test]
fn layout_dirent() {
    assert_eq!(size_of::<dirent>(), 24);
    assert_eq!(align_of::<dirent>(), 8);
    assert_eq!(offset_of!(dirent, d_next), 0);
    assert_eq!(offset_of!(dirent, d_ino), 8);
    assert_eq!(offset_of!(dirent, d_namlen), 16);
    assert_eq!(offset_of!(dirent, d_type), 20);
}

#[test]
fn layout_event_union() {
    assert_eq!(size_of::<event_union>(), 16);
    assert_eq!(align_of::<event_union>(), 8);
    assert_eq!(offset_of!(event_union, fd_readwrite), 0);
    assert_eq!(offset_of!(event_union, proc_terminate), 0);
}

#[test]
fn layout_event() {
    assert_eq!(size_of::<event>(), 32);
    assert_eq!(align_of::<event>(), 8);
    assert_eq!(offset_of!(event, userdata), 0);
    assert_eq!(offset_of!(event, error), 8);
    assert_eq!(offset_of!(event, r#type), 10);
    assert_eq!(offset_of!(event, union), 16);
}

#[test]
fn layout_event_fd_readwrite() {
    assert_eq!(size_of::<event_fd_readwrite>(), 16);
    assert_eq!(align_of::<event_fd_readwrite>(), 8);
    assert_eq!(offset_of!(event_fd_readwrite, nbytes), 0);
    assert_eq!(offset_of!(event_fd_readwrite, unused), 8);
    assert_eq!(offset_of!(event_fd_readwrite, flags), 12);
}

#[test]
fn layout_event_proc_terminate() {
    assert_eq!(size_of::<event_proc_terminate>(), 12);
    assert_eq!(align_of::<event_proc_terminate>(), 4);
    assert_eq!(offset_of!(event_proc_terminate, unused), 0);
    assert_eq!(offset_of!(event_proc_terminate, signal), 4);
    assert_eq!(offset_of!(event_proc_terminate, exitcode), 8);
}

#[test]
fn layout_fdstat() {
    assert_eq!(size_of::<fdstat>(), 24);
    assert_eq!(align_of::<fdstat>(), 8);
    assert_eq!(offset_of!(fdstat, fs_filetype), 0);
    assert_eq!(offset_of!(fdstat, fs_flags), 2);
    assert_eq!(offset_of!(fdstat, fs_rights_base), 8);
    assert_eq!(offset_of!(fdstat, fs_rights_inheriting), 16);
}

#[test]
fn layout_filestat() {
    assert_eq!(size_of::<filestat>(), 56);
    assert_eq!(align_of::<filestat>(), 8);
    assert_eq!(offset_of!(filestat, st_dev), 0);
    assert_eq!(offset_of!(filestat, st_ino), 8);
    assert_eq!(offset_of!(filestat, st_filetype), 16);
    assert_eq!(offset_of!(filestat, st_nlink), 20);
    assert_eq!(offset_of!(filestat, st_size), 24);
    assert_eq!(offset_of!(filestat, st_atim), 32);
    assert_eq!(offset_of!(filestat, st_mtim), 40);
    assert_eq!(offset_of!(filestat, st_ctim), 48);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_iovec_32() {
    assert_eq!(size_of::<iovec>(), 8);
    assert_eq!(align_of::<iovec>(), 4);
    assert_eq!(offset_of!(iovec, buf.0), 0);
    assert_eq!(offset_of!(iovec, buf.1), 4);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_iovec_64() {
    assert_eq!(size_of::<iovec>(), 16);
    assert_eq!(align_of::<iovec>(), 8);
    assert_eq!(offset_of!(iovec, buf.0), 0);
    assert_eq!(offset_of!(iovec, buf.1), 8);
}

#[test]
fn layout_lookup() {
    assert_eq!(size_of::<lookup>(), 8);
    assert_eq!(align_of::<lookup>(), 4);
    assert_eq!(offset_of!(lookup, fd), 0);
    assert_eq!(offset_of!(lookup, flags), 4);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_recv_in_32() {
    assert_eq!(size_of::<recv_in>(), 20);
    assert_eq!(align_of::<recv_in>(), 4);
    assert_eq!(offset_of!(recv_in, ri_data.0), 0);
    assert_eq!(offset_of!(recv_in, ri_data.1), 4);
    assert_eq!(offset_of!(recv_in, ri_fds.0), 8);
    assert_eq!(offset_of!(recv_in, ri_fds.1), 12);
    assert_eq!(offset_of!(recv_in, ri_flags), 16);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_recv_in_64() {
    assert_eq!(size_of::<recv_in>(), 40);
    assert_eq!(align_of::<recv_in>(), 8);
    assert_eq!(offset_of!(recv_in, ri_data.0), 0);
    assert_eq!(offset_of!(recv_in, ri_data.1), 8);
    assert_eq!(offset_of!(recv_in, ri_fds.0), 16);
    assert_eq!(offset_of!(recv_in, ri_fds.1), 24);
    assert_eq!(offset_of!(recv_in, ri_flags), 32);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_send_in_32() {
    assert_eq!(size_of::<send_in>(), 20);
    assert_eq!(align_of::<send_in>(), 4);
    assert_eq!(offset_of!(send_in, si_data.0), 0);
    assert_eq!(offset_of!(send_in, si_data.1), 4);
    assert_eq!(offset_of!(send_in, si_fds.0), 8);
    assert_eq!(offset_of!(send_in, si_fds.1), 12);
    assert_eq!(offset_of!(send_in, si_flags), 16);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_send_in_64() {
    assert_eq!(size_of::<send_in>(), 40);
    assert_eq!(align_of::<send_in>(), 8);
    assert_eq!(offset_of!(send_in, si_data.0), 0);
    assert_eq!(offset_of!(send_in, si_data.1), 8);
    assert_eq!(offset_of!(send_in, si_fds.0), 16);
    assert_eq!(offset_of!(send_in, si_fds.1), 24);
    assert_eq!(offset_of!(send_in, si_flags), 32);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_send_out_32() {
    assert_eq!(size_of::<send_out>(), 4);
    assert_eq!(align_of::<send_out>(), 4);
    assert_eq!(offset_of!(send_out, so_datalen), 0);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_send_out_64() {
    assert_eq!(size_of::<send_out>(), 8);
    assert_eq!(align_of::<send_out>(), 8);
    assert_eq!(offset_of!(send_out, so_datalen), 0);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_recv_out_32() {
    assert_eq!(size_of::<recv_out>(), 52);
    assert_eq!(align_of::<recv_out>(), 4);
    assert_eq!(offset_of!(recv_out, ro_datalen), 0);
    assert_eq!(offset_of!(recv_out, ro_fdslen), 4);
    assert_eq!(offset_of!(recv_out, ro_unused), 8);
    assert_eq!(offset_of!(recv_out, ro_flags), 48);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_recv_out_64() {
    assert_eq!(size_of::<recv_out>(), 64);
    assert_eq!(align_of::<recv_out>(), 8);
    assert_eq!(offset_of!(recv_out, ro_datalen), 0);
    assert_eq!(offset_of!(recv_out, ro_fdslen), 8);
    assert_eq!(offset_of!(recv_out, ro_unused), 16);
    assert_eq!(offset_of!(recv_out, ro_flags), 56);
}

#[test]
fn layout_subscription_union() {
    assert_eq!(size_of::<subscription_union>(), 40);
    assert_eq!(align_of::<subscription_union>(), 8);
    assert_eq!(offset_of!(subscription_union, clock), 0);
    assert_eq!(offset_of!(subscription_union, condvar), 0);
    assert_eq!(offset_of!(subscription_union, fd_readwrite), 0);
    assert_eq!(offset_of!(subscription_union, lock), 0);
    assert_eq!(offset_of!(subscription_union, proc_terminate), 0);
}

#[test]
fn layout_subscription() {
    assert_eq!(size_of::<subscription>(), 56);
    assert_eq!(align_of::<subscription>(), 8);
    assert_eq!(offset_of!(subscription, userdata), 0);
    assert_eq!(offset_of!(subscription, unused), 8);
    assert_eq!(offset_of!(subscription, r#type), 10);
    assert_eq!(offset_of!(subscription, union), 16);
}

#[test]
fn layout_subscription_clock() {
    assert_eq!(size_of::<subscription_clock>(), 40);
    assert_eq!(align_of::<subscription_clock>(), 8);
    assert_eq!(offset_of!(subscription_clock, identifier), 0);
    assert_eq!(offset_of!(subscription_clock, clock_id), 8);
    assert_eq!(offset_of!(subscription_clock, timeout), 16);
    assert_eq!(offset_of!(subscription_clock, precision), 24);
    assert_eq!(offset_of!(subscription_clock, flags), 32);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_subscription_condvar_32() {
    assert_eq!(size_of::<subscription_condvar>(), 12);
    assert_eq!(align_of::<subscription_condvar>(), 4);
    assert_eq!(offset_of!(subscription_condvar, condvar), 0);
    assert_eq!(offset_of!(subscription_condvar, lock), 4);
    assert_eq!(offset_of!(subscription_condvar, condvar_scope), 8);
    assert_eq!(offset_of!(subscription_condvar, lock_scope), 9);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_subscription_condvar_64() {
    assert_eq!(size_of::<subscription_condvar>(), 24);
    assert_eq!(align_of::<subscription_condvar>(), 8);
    assert_eq!(offset_of!(subscription_condvar, condvar), 0);
    assert_eq!(offset_of!(subscription_condvar, lock), 8);
    assert_eq!(offset_of!(subscription_condvar, condvar_scope), 16);
    assert_eq!(offset_of!(subscription_condvar, lock_scope), 17);
}

#[test]
fn layout_subscription_fd_readwrite() {
    assert_eq!(size_of::<subscription_fd_readwrite>(), 8);
    assert_eq!(align_of::<subscription_fd_readwrite>(), 4);
    assert_eq!(offset_of!(subscription_fd_readwrite, fd), 0);
    assert_eq!(offset_of!(subscription_fd_readwrite, flags), 4);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_subscription_lock_32() {
    assert_eq!(size_of::<subscription_lock>(), 8);
    assert_eq!(align_of::<subscription_lock>(), 4);
    assert_eq!(offset_of!(subscription_lock, lock), 0);
    assert_eq!(offset_of!(subscription_lock, lock_scope), 4);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_subscription_lock_64() {
    assert_eq!(size_of::<subscription_lock>(), 16);
    assert_eq!(align_of::<subscription_lock>(), 8);
    assert_eq!(offset_of!(subscription_lock, lock), 0);
    assert_eq!(offset_of!(subscription_lock, lock_scope), 8);
}

#[test]
fn layout_subscription_proc_terminate() {
    assert_eq!(size_of::<subscription_proc_terminate>(), 4);
    assert_eq!(align_of::<subscription_proc_terminate>(), 4);
    assert_eq!(offset_of!(subscription_proc_terminate, fd), 0);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_tcb_32() {
    assert_eq!(size_of::<tcb>(), 4);
    assert_eq!(align_of::<tcb>(), 4);
    assert_eq!(offset_of!(tcb, parent), 0);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_tcb_64() {
    assert_eq!(size_of::<tcb>(), 8);
    assert_eq!(align_of::<tcb>(), 8);
    assert_eq!(offset_of!(tcb, parent), 0);
}

#[test]
#[cfg(target_pointer_width = "32")]
fn layout_threadattr_32() {
    assert_eq!(size_of::<threadattr>(), 16);
    assert_eq!(align_of::<threadattr>(), 4);
    assert_eq!(offset_of!(threadattr, entry_point), 0);
    assert_eq!(offset_of!(threadattr, stack.0), 4);
    assert_eq!(offset_of!(threadattr, stack.1), 8);
    assert_eq!(offset_of!(threadattr, argument), 12);
}

#[test]
#[cfg(target_pointer_width = "64")]
fn layout_threadattr_64() {
    assert_eq!(size_of::<threadattr>(), 32);
    assert_eq!(align_of::<threadattr>(), 8);
    assert_eq!(offset_of!(threadattr, entry_point), 0);
    assert_eq!(offset_of!(threadattr, stack.0), 8);
    assert_eq!(offset_of!(threadattr, stack.1), 16);
    assert_eq!(offset_of!(threadattr, argument), 24);
}
