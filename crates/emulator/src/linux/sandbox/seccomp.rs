//! The seccomp-bpf layer: an allow-list of the system calls the emulator
//! (with Rust's std and glibc under it) makes once the guest runs. Anything
//! else fails with `ENOSYS` (so glibc falls back where it can, e.g. from
//! `clone3` to `clone`, whose flags the filter can check).
//!
//! Calls allowed whatever their arguments are compiled without looking at
//! the arguments, which lets Linux ≥ 5.11 cache the verdict per system call:
//! the hot calls (`read`, `write`, `pread64`, `clock_gettime`, `futex`)
//! then cost the filter nothing. Calls that could reach beyond the grants
//! are allowed only with arguments checked, or not at all:
//!
//! - no `socket`, `connect`, `bind`, `listen`, `accept`: granted sockets are
//!   made before confinement; `socketpair` for `AF_UNIX` only;
//! - `execveat` only of the launcher's fd with `AT_EMPTY_PATH` (`proc_exec`),
//!   no `execve`;
//! - `clone` without namespace flags; `clone3` (whose flags sit in memory)
//!   not at all;
//! - `ioctl` only for the fd-status requests the emulator uses;
//! - `prlimit64` only to read; `prctl` only to name threads, ask the seccomp
//!   mode and set no-new-privileges;
//! - no `ptrace`, `process_vm_*`, `pidfd_getfd`, `kcmp`, `mount`, `unshare`,
//!   `setns`, `bpf`, `perf_event_open`, `userfaultfd`, `io_uring_*` (whose
//!   operations no filter sees), `keyctl`, `personality`, ...
//!
//! Signals need a pid, which no filter can compare with "this process or
//! its children" once processes fork, so `kill`, `tgkill` and the pidfd
//! calls are allowed here and scoped by Landlock (ABI ≥ 6): a signal to a
//! process outside the sandbox's domain is refused by the kernel.

use std::collections::BTreeMap;
use std::os::fd::{AsRawFd, OwnedFd};

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen as Len, SeccompCmpOp as Op, SeccompCondition,
    SeccompFilter, SeccompRule,
};

/// Allowed whatever the arguments.
const ALWAYS: &[libc::c_long] = &[
    // I/O on descriptors the process holds.
    libc::SYS_read,
    libc::SYS_write,
    libc::SYS_readv,
    libc::SYS_writev,
    libc::SYS_pread64,
    libc::SYS_pwrite64,
    libc::SYS_preadv,
    libc::SYS_pwritev,
    libc::SYS_preadv2,
    libc::SYS_pwritev2,
    libc::SYS_lseek,
    libc::SYS_close,
    libc::SYS_close_range,
    libc::SYS_dup,
    libc::SYS_dup3,
    libc::SYS_fcntl,
    libc::SYS_fstat,
    libc::SYS_newfstatat,
    libc::SYS_statx,
    libc::SYS_fsync,
    libc::SYS_fdatasync,
    libc::SYS_fallocate,
    libc::SYS_ftruncate,
    libc::SYS_fadvise64,
    libc::SYS_getdents64,
    libc::SYS_utimensat,
    libc::SYS_poll,
    libc::SYS_ppoll,
    // Paths: Landlock decides what lies beneath the grants.
    libc::SYS_openat,
    libc::SYS_openat2,
    libc::SYS_mkdirat,
    libc::SYS_unlinkat,
    libc::SYS_renameat,
    libc::SYS_renameat2,
    libc::SYS_linkat,
    libc::SYS_symlinkat,
    libc::SYS_readlinkat,
    // Sockets the process holds (no new ones, no addresses).
    libc::SYS_sendmsg,
    libc::SYS_recvmsg,
    libc::SYS_recvfrom,
    libc::SYS_shutdown,
    libc::SYS_getsockopt,
    libc::SYS_getsockname,
    libc::SYS_getpeername,
    // Memory.
    libc::SYS_mmap,
    libc::SYS_munmap,
    libc::SYS_mprotect,
    libc::SYS_madvise,
    libc::SYS_mremap,
    libc::SYS_msync,
    libc::SYS_brk,
    libc::SYS_memfd_create,
    // Threads, time, signals of this process.
    libc::SYS_futex,
    libc::SYS_clock_gettime,
    libc::SYS_clock_getres,
    libc::SYS_clock_nanosleep,
    libc::SYS_nanosleep,
    libc::SYS_gettimeofday,
    libc::SYS_sched_yield,
    libc::SYS_sched_getaffinity,
    libc::SYS_getpid,
    libc::SYS_gettid,
    libc::SYS_getppid,
    libc::SYS_getuid,
    libc::SYS_geteuid,
    libc::SYS_getgid,
    libc::SYS_getegid,
    libc::SYS_getrandom,
    libc::SYS_rt_sigaction,
    libc::SYS_rt_sigprocmask,
    libc::SYS_rt_sigreturn,
    libc::SYS_sigaltstack,
    libc::SYS_set_robust_list,
    libc::SYS_rseq,
    libc::SYS_restart_syscall,
    libc::SYS_exit,
    libc::SYS_exit_group,
    libc::SYS_uname,
    // What the dynamic loader and libc of a re-executed launcher need.
    libc::SYS_arch_prctl,
    libc::SYS_set_tid_address,
    libc::SYS_access,
    libc::SYS_faccessat,
    libc::SYS_faccessat2,
    // Children and signals (scoped by Landlock).
    libc::SYS_wait4,
    libc::SYS_waitid,
    libc::SYS_pidfd_open,
    libc::SYS_pidfd_send_signal,
    libc::SYS_kill,
    libc::SYS_tgkill,
    libc::SYS_tkill,
    // Further confinement only.
    libc::SYS_seccomp,
    libc::SYS_landlock_create_ruleset,
    libc::SYS_landlock_add_rule,
    libc::SYS_landlock_restrict_self,
];

/// `clone` flags that make namespaces: refused.
const NAMESPACES: u64 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET) as u64;

/// The `ioctl` requests the emulator makes.
const IOCTLS: &[u64] = &[libc::FIONREAD, libc::FIONBIO, libc::FIOCLEX, libc::FIONCLEX];

/// The `prctl` options the process needs after confinement.
const PRCTLS: &[u64] = &[
    libc::PR_SET_NAME as u64,
    libc::PR_GET_NAME as u64,
    libc::PR_GET_SECCOMP as u64,
    libc::PR_SET_NO_NEW_PRIVS as u64,
    libc::PR_GET_NO_NEW_PRIVS as u64,
];

fn cond(arg: u8, len: Len, op: Op, value: u64) -> SeccompCondition {
    SeccompCondition::new(arg, len, op, value).expect("argument index below 6")
}

fn one(conditions: Vec<SeccompCondition>) -> SeccompRule {
    SeccompRule::new(conditions).expect("a rule with conditions")
}

/// One rule per allowed value of argument `arg`.
fn any_of(arg: u8, len: Len, values: &[u64]) -> Vec<SeccompRule> {
    values
        .iter()
        .map(|v| one(vec![cond(arg, len.clone(), Op::Eq, *v)]))
        .collect()
}

/// The filter, with `launcher` the only fd `execveat` may run.
pub fn program(launcher: i32) -> BpfProgram {
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> =
        ALWAYS.iter().map(|nr| (*nr, Vec::new())).collect();
    rules.insert(
        libc::SYS_socketpair,
        vec![one(vec![cond(0, Len::Dword, Op::Eq, libc::AF_UNIX as u64)])],
    );
    rules.insert(
        libc::SYS_execveat,
        vec![one(vec![
            cond(0, Len::Dword, Op::Eq, launcher as u32 as u64),
            cond(4, Len::Dword, Op::Eq, libc::AT_EMPTY_PATH as u64),
        ])],
    );
    rules.insert(
        libc::SYS_clone,
        vec![one(vec![cond(0, Len::Qword, Op::MaskedEq(NAMESPACES), 0)])],
    );
    rules.insert(libc::SYS_ioctl, any_of(1, Len::Dword, IOCTLS));
    rules.insert(libc::SYS_prctl, any_of(0, Len::Dword, PRCTLS));
    // Reading a limit only: no new limit given.
    rules.insert(
        libc::SYS_prlimit64,
        vec![one(vec![cond(2, Len::Qword, Op::Eq, 0)])],
    );
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Errno(libc::ENOSYS as u32),
        SeccompAction::Allow,
        seccompiler::TargetArch::x86_64,
    )
    .expect("distinct actions");
    filter.try_into().expect("the filter fits BPF's limits")
}

/// Installs the filter (with no-new-privileges) unless one is installed
/// already: a re-executed launcher keeps its parent's, which is the same.
pub fn restrict(launcher: &OwnedFd) -> Result<(), String> {
    // SAFETY: prctl with an option that only reads.
    let mode = unsafe { libc::prctl(libc::PR_GET_SECCOMP) };
    if mode == 2 {
        return Ok(());
    }
    // SAFETY: prctl with integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(format!(
            "seccomp needs no-new-privileges, which failed ({})",
            std::io::Error::last_os_error()
        ));
    }
    seccompiler::apply_filter(&program(launcher.as_raw_fd()))
        .map_err(|e| format!("seccomp is not available ({e}): raw system calls are not filtered"))
}
