//! The `cloudabi_sys_*` symbols the `cloudabi` crate calls, bound at start-up
//! to the vDSO's functions of the same names.
//!
//! Each symbol is a one-instruction stub that jumps through a table slot.
//! Start-up fills every slot with a fallback (ENOSYS, or a trap for the two
//! calls that must not return) and then overwrites the slots the vDSO
//! provides, as CloudABI's C library does.

use core::sync::atomic::{AtomicUsize, Ordering};

macro_rules! syscalls {
    ($($index:literal $name:ident)*) => {
        /// Slot `i` holds the address the `i`-th stub jumps to.
        pub(super) static TABLE: [AtomicUsize; COUNT] = [const { AtomicUsize::new(0) }; COUNT];

        /// The stubs' names, in the ABI's (alphabetical) order, which is the
        /// table's order.
        pub(super) const NAMES: [&str; COUNT] = [$(stringify!($name)),*];

        $(
            #[unsafe(naked)]
            #[unsafe(no_mangle)]
            unsafe extern "C" fn $name() {
                core::arch::naked_asm!(
                    "jmp qword ptr [rip + {table} + {offset}]",
                    table = sym TABLE,
                    offset = const $index * 8,
                );
            }
        )*
    };
}

/// Number of system calls in the ABI.
pub(super) const COUNT: usize = 49;

/// What every vDSO symbol for a system call starts with.
pub(super) const PREFIX: &[u8] = b"cloudabi_sys_";

syscalls! {
    0 cloudabi_sys_clock_res_get 1 cloudabi_sys_clock_time_get 2 cloudabi_sys_condvar_signal
    3 cloudabi_sys_fd_close 4 cloudabi_sys_fd_create1 5 cloudabi_sys_fd_create2
    6 cloudabi_sys_fd_datasync 7 cloudabi_sys_fd_dup 8 cloudabi_sys_fd_pread
    9 cloudabi_sys_fd_pwrite 10 cloudabi_sys_fd_read 11 cloudabi_sys_fd_replace
    12 cloudabi_sys_fd_seek 13 cloudabi_sys_fd_stat_get 14 cloudabi_sys_fd_stat_put
    15 cloudabi_sys_fd_sync 16 cloudabi_sys_fd_write 17 cloudabi_sys_file_advise
    18 cloudabi_sys_file_allocate 19 cloudabi_sys_file_create 20 cloudabi_sys_file_link
    21 cloudabi_sys_file_open 22 cloudabi_sys_file_readdir 23 cloudabi_sys_file_readlink
    24 cloudabi_sys_file_rename 25 cloudabi_sys_file_stat_fget 26 cloudabi_sys_file_stat_fput
    27 cloudabi_sys_file_stat_get 28 cloudabi_sys_file_stat_put 29 cloudabi_sys_file_symlink
    30 cloudabi_sys_file_unlink 31 cloudabi_sys_lock_unlock 32 cloudabi_sys_mem_advise
    33 cloudabi_sys_mem_map 34 cloudabi_sys_mem_protect 35 cloudabi_sys_mem_sync
    36 cloudabi_sys_mem_unmap 37 cloudabi_sys_poll 38 cloudabi_sys_proc_exec
    39 cloudabi_sys_proc_exit 40 cloudabi_sys_proc_fork 41 cloudabi_sys_proc_raise
    42 cloudabi_sys_random_get 43 cloudabi_sys_sock_recv 44 cloudabi_sys_sock_send
    45 cloudabi_sys_sock_shutdown 46 cloudabi_sys_thread_create 47 cloudabi_sys_thread_exit
    48 cloudabi_sys_thread_yield
}

/// What a system call the vDSO lacks returns: ENOSYS.
extern "C" fn nosys() -> u16 {
    cloudabi::errno::NOSYS as u16
}

/// What `proc_exit` and `thread_exit` do when the vDSO lacks them: they must
/// not return, so the process traps.
extern "C" fn nosys_noreturn() -> ! {
    // SAFETY: `ud2` raises an invalid-opcode fault; nothing runs after it.
    unsafe { core::arch::asm!("ud2", options(noreturn, nomem, nostack)) }
}

/// Points every slot at its fallback.
pub(super) fn reset() {
    for (slot, name) in TABLE.iter().zip(NAMES) {
        let fallback = if name == "cloudabi_sys_proc_exit" || name == "cloudabi_sys_thread_exit" {
            nosys_noreturn as extern "C" fn() -> ! as usize
        } else {
            nosys as extern "C" fn() -> u16 as usize
        };
        slot.store(fallback, Ordering::Relaxed);
    }
}

/// Binds the system call `name` (without prefix) to `address`; names that
/// are not system calls of this ABI are ignored.
pub(super) fn bind(name: &[u8], address: usize) {
    let found = NAMES.binary_search_by(|n| n.as_bytes()[PREFIX.len()..].cmp(name));
    if let Ok(i) = found {
        TABLE[i].store(address, Ordering::Relaxed);
    }
}
