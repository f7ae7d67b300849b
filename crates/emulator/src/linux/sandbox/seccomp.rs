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
//!   made before confinement, and connections to a listener granted with
//!   `accept: pass` are accepted by a process of their own, which has a
//!   filter of its own ([`restrict_acceptor`]); `socketpair` for `AF_UNIX`
//!   only;
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
    // rustix finds the vDSO (for clock_gettime without a system call)
    // through the auxiliary vector, which a re-executed launcher reads so.
    PR_GET_AUXV,
    libc::PR_SET_NAME as u64,
    libc::PR_GET_NAME as u64,
    libc::PR_GET_SECCOMP as u64,
    libc::PR_SET_NO_NEW_PRIVS as u64,
    libc::PR_GET_NO_NEW_PRIVS as u64,
];

/// `prctl(PR_GET_AUXV)` (Linux 6.4), which the libc crate does not name.
const PR_GET_AUXV: u64 = 0x4155_5856;

/// How many parts the allow-list is compiled in: seccompiler writes one
/// linear chain of comparisons, and when a filter is installed the kernel
/// runs it once for every system call number to find those it may allow
/// without running it again (the per-call cache). Over one chain of ~110
/// calls that took ~0.4 ms of start-up; a short dispatcher over 8 chains
/// of ~14 takes a fraction of it, and a call's verdict the same few steps.
const PARTS: usize = 8;

/// The arch check seccompiler puts first in every program.
const ARCH_CHECK: usize = 3;

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

/// The filter, with `launcher` the only fd `execveat` may run: the arch
/// check, then a dispatcher on the system call number into one of
/// [`PARTS`] chains, each compiled by seccompiler for its range of numbers.
pub fn program(launcher: i32) -> BpfProgram {
    let rules = rules(launcher);
    let numbers: Vec<i64> = rules.keys().copied().collect();
    let per_part = numbers.len().div_ceil(PARTS);
    let mut parts: Vec<(u32, BpfProgram)> = Vec::new();
    let mut rules = rules;
    for chunk in numbers.chunks(per_part) {
        let part: BTreeMap<i64, Vec<SeccompRule>> = chunk
            .iter()
            .map(|nr| (*nr, rules.remove(nr).expect("listed")))
            .collect();
        parts.push((chunk[0] as u32, compile(part)));
    }
    let mut out: BpfProgram = parts[0].1[..ARCH_CHECK].to_vec();
    // ld [nr]: the chains load it again themselves.
    out.push(parts[0].1[ARCH_CHECK].clone());
    // For each part but the first, highest first: nr >= its first number
    // jumps to it; what is below every such number goes to the first.
    let dispatch_len = 2 * (parts.len() - 1) + 1;
    let mut at = out.len() + dispatch_len;
    let mut starts = Vec::new();
    for (_, p) in &parts {
        starts.push(at);
        at += p.len() - ARCH_CHECK;
    }
    for i in (1..parts.len()).rev() {
        out.push(jump(BPF_JGE, parts[i].0, 0, 1));
        let here = out.len();
        out.push(jump_always(starts[i] - (here + 1)));
    }
    let here = out.len();
    out.push(jump_always(starts[0] - (here + 1)));
    for (_, p) in parts {
        out.extend_from_slice(&p[ARCH_CHECK..]);
    }
    out
}

const BPF_JMP: u16 = 0x05;
const BPF_JGE: u16 = BPF_JMP | 0x30;
const BPF_JA: u16 = BPF_JMP;

fn jump(code: u16, k: u32, jt: u8, jf: u8) -> seccompiler::sock_filter {
    seccompiler::sock_filter { code, jt, jf, k }
}

fn jump_always(offset: usize) -> seccompiler::sock_filter {
    jump(BPF_JA, offset as u32, 0, 0)
}

/// One chain, as seccompiler writes it (arch check first).
fn compile(rules: BTreeMap<i64, Vec<SeccompRule>>) -> BpfProgram {
    let filter = SeccompFilter::new(
        rules,
        SeccompAction::Errno(libc::ENOSYS as u32),
        SeccompAction::Allow,
        seccompiler::TargetArch::x86_64,
    )
    .expect("distinct actions");
    filter.try_into().expect("the filter fits BPF's limits")
}

/// Every allowed call, with the conditions on its arguments.
fn rules(launcher: i32) -> BTreeMap<i64, Vec<SeccompRule>> {
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
    rules
}

/// Installs the filter (with no-new-privileges) unless one is installed
/// already: a re-executed launcher keeps its parent's, which is the same.
pub fn restrict(launcher: &OwnedFd) -> Result<(), String> {
    // SAFETY: prctl with an option that only reads.
    let mode = unsafe { libc::prctl(libc::PR_GET_SECCOMP) };
    if mode == 2 {
        return Ok(());
    }
    install(&program(launcher.as_raw_fd()))
}

/// The calls the acceptor process (`accept: pass`) makes once confined:
/// its loop, its error message, and what Rust's allocator and exit need.
const ACCEPTOR: &[libc::c_long] = &[
    libc::SYS_poll,
    libc::SYS_ppoll,
    libc::SYS_accept4,
    libc::SYS_sendmsg,
    libc::SYS_close,
    libc::SYS_write,
    libc::SYS_mmap,
    libc::SYS_munmap,
    libc::SYS_mremap,
    libc::SYS_madvise,
    libc::SYS_brk,
    libc::SYS_futex,
    libc::SYS_rt_sigreturn,
    libc::SYS_restart_syscall,
    libc::SYS_exit,
    libc::SYS_exit_group,
];

/// The acceptor's filter: [`ACCEPTOR`], nothing else.
pub fn acceptor_program() -> BpfProgram {
    compile(ACCEPTOR.iter().map(|nr| (*nr, Vec::new())).collect())
}

/// Confines the acceptor process to [`ACCEPTOR`].
pub fn restrict_acceptor() -> Result<(), String> {
    install(&acceptor_program())
}

fn install(program: &BpfProgram) -> Result<(), String> {
    // SAFETY: prctl with integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(format!(
            "seccomp needs no-new-privileges, which failed ({})",
            std::io::Error::last_os_error()
        ));
    }
    seccompiler::apply_filter(program)
        .map_err(|e| format!("seccomp is not available ({e}): raw system calls are not filtered"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALLOW: u32 = 0x7fff_0000;

    /// Runs `prog` on a call `nr` with arguments `args`, as the kernel would
    /// (the instructions seccompiler and the dispatcher use).
    fn run(prog: &[seccompiler::sock_filter], nr: i64, args: [u64; 6]) -> u32 {
        let word = |off: u32| -> u32 {
            match off {
                0 => nr as u32,
                4 => 0xc000_003e, // AUDIT_ARCH_X86_64
                o if (16..64).contains(&o) => {
                    let a = args[((o - 16) / 8) as usize];
                    if o % 8 == 0 {
                        a as u32
                    } else {
                        (a >> 32) as u32
                    }
                }
                o => panic!("load of offset {o}"),
            }
        };
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = &prog[pc];
            pc += 1;
            match i.code {
                0x20 => acc = word(i.k),
                0x54 => acc &= i.k,
                0x06 => return i.k,
                0x05 => pc += i.k as usize,
                code => {
                    let taken = match code & 0xf0 {
                        0x10 => acc == i.k,
                        0x20 => acc > i.k,
                        0x30 => acc >= i.k,
                        0x40 => acc & i.k != 0,
                        _ => panic!("instruction {code:#x}"),
                    };
                    pc += usize::from(if taken { i.jt } else { i.jf });
                }
            }
        }
    }

    #[test]
    fn the_dispatcher_reaches_every_listed_call_and_no_other() {
        let prog = program(7);
        let rules = rules(7);
        for nr in 0..500 {
            let verdict = run(&prog, nr, [0; 6]);
            let listed_free = rules.get(&nr).is_some_and(|r| r.is_empty());
            if listed_free {
                assert_eq!(verdict, ALLOW, "{nr}");
            } else if !rules.contains_key(&nr) {
                assert_ne!(verdict, ALLOW, "{nr} is not on the list");
            }
        }
    }

    #[test]
    fn the_acceptor_may_accept_and_send_and_nothing_that_reaches_further() {
        let prog = acceptor_program();
        for nr in [libc::SYS_accept4, libc::SYS_sendmsg, libc::SYS_ppoll] {
            assert_eq!(run(&prog, nr, [0; 6]), ALLOW, "{nr}");
        }
        for nr in [
            libc::SYS_socket,
            libc::SYS_connect,
            libc::SYS_bind,
            libc::SYS_recvmsg,
            libc::SYS_openat,
            libc::SYS_execveat,
            libc::SYS_clone,
            libc::SYS_kill,
            libc::SYS_ptrace,
        ] {
            assert_ne!(run(&prog, nr, [0; 6]), ALLOW, "{nr}");
        }
    }

    #[test]
    fn checked_arguments_decide() {
        let prog = program(7);
        let unix = libc::AF_UNIX as u64;
        assert_eq!(
            run(&prog, libc::SYS_socketpair, [unix, 1, 0, 0, 0, 0]),
            ALLOW
        );
        assert_ne!(run(&prog, libc::SYS_socketpair, [2, 1, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(&prog, libc::SYS_socket, [unix, 1, 0, 0, 0, 0]), ALLOW);
        let empty = libc::AT_EMPTY_PATH as u64;
        assert_eq!(
            run(&prog, libc::SYS_execveat, [7, 0, 0, 0, empty, 0]),
            ALLOW
        );
        assert_ne!(
            run(&prog, libc::SYS_execveat, [8, 0, 0, 0, empty, 0]),
            ALLOW
        );
        assert_ne!(run(&prog, libc::SYS_execve, [0; 6]), ALLOW);
        let user_ns = libc::CLONE_NEWUSER as u64;
        assert_eq!(run(&prog, libc::SYS_clone, [0x11, 0, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(&prog, libc::SYS_clone, [user_ns, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(
            run(&prog, libc::SYS_ioctl, [3, libc::FIONREAD, 0, 0, 0, 0]),
            ALLOW
        );
        assert_ne!(
            run(&prog, libc::SYS_ioctl, [3, libc::TIOCSTI, 0, 0, 0, 0]),
            ALLOW
        );
        assert_ne!(run(&prog, libc::SYS_ptrace, [0; 6]), ALLOW);
    }
}
