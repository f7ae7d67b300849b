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

/// How many parts the listed numbers are split in. When a filter is
/// installed the kernel checks, converts and compiles every instruction,
/// and runs the filter once for every system call number (under a lock,
/// with interrupts off) to find those it may allow without running it again
/// (the per-call cache): both grow with the filter. So a call allowed
/// whatever its arguments is one comparison (where seccompiler writes five:
/// 595 instructions in all, ~150 us to install on the VM this was measured
/// on), and the comparisons are split in 16 parts behind a binary search on
/// the number, so that a number meets ~4 + ~8 comparisons, not ~120.
const PARTS: usize = 16;

/// The arch check seccompiler puts first in every program.
const ARCH_CHECK: usize = 3;

/// The verdicts the dispatcher returns itself (seccompiler's for the rest).
const RET_ALLOW: u32 = 0x7fff_0000;
const RET_ENOSYS: u32 = 0x0005_0000 | libc::ENOSYS as u32;

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
/// check; a binary search on the system call number down to one of
/// [`PARTS`] parts, each a comparison per listed number of its range (a
/// number allowed whatever the arguments jumps to "allow", one with checked
/// arguments to the rules seccompiler compiled, any other ends at
/// `ENOSYS`); then those rules. The path to "allow" of an unconditional call
/// loads nothing but the number, so the kernel caches it.
pub(crate) fn program(launcher: i32) -> BpfProgram {
    let checked = rules(launcher);
    let mut listed: Vec<(u32, bool)> = ALWAYS
        .iter()
        .map(|nr| (*nr as u32, true))
        .chain(checked.keys().map(|nr| (*nr as u32, false)))
        .collect();
    listed.sort_unstable();
    let checked = compile(checked);
    let parts: Vec<&[(u32, bool)]> = listed.chunks(listed.len().div_ceil(PARTS)).collect();
    // The arch check, and ld [nr] (the checked rules load it again).
    let mut out: BpfProgram = checked[..=ARCH_CHECK].to_vec();
    let mut search = Vec::new();
    let mut pending = Vec::new();
    emit_search(&parts, &mut search, &mut pending);
    // After the search: "ENOSYS", "to the checked rules", "allow", all
    // within a conditional jump's reach (255) of every comparison.
    let (enosys, to_checked, allow) = (search.len(), search.len() + 1, search.len() + 2);
    for (at, target) in pending {
        let to = match target {
            Target::Enosys => enosys,
            Target::Checked => to_checked,
            Target::Allow => allow,
        };
        let skip = to - at - 1;
        let i = &mut search[at];
        if i.code == BPF_JA {
            i.k = skip as u32;
        } else {
            i.jt = u8::try_from(skip).expect("the search fits a conditional jump's reach");
        }
    }
    out.extend(search);
    out.push(ret(RET_ENOSYS));
    out.push(jump_always(1)); // over "allow", to the checked rules
    out.push(ret(RET_ALLOW));
    out.extend_from_slice(&checked[ARCH_CHECK..]);
    out
}

/// Where a comparison of the search goes when it matches.
enum Target {
    Enosys,
    Checked,
    Allow,
}

/// Appends the search over `parts` to `out`: a `jge` on the first number
/// of the upper half (the lower half follows it, the upper half is its
/// jump's target), down to the comparisons of one part and a jump to
/// `ENOSYS`. Jumps past the search are left in `pending` to be filled in.
fn emit_search(parts: &[&[(u32, bool)]], out: &mut BpfProgram, pending: &mut Vec<(usize, Target)>) {
    if let [part] = parts {
        for (nr, free) in part.iter() {
            pending.push((
                out.len(),
                if *free {
                    Target::Allow
                } else {
                    Target::Checked
                },
            ));
            out.push(jump(BPF_JEQ, *nr, 0, 0));
        }
        pending.push((out.len(), Target::Enosys));
        out.push(jump_always(0));
        return;
    }
    let (low, high) = parts.split_at(parts.len() / 2);
    let node = out.len();
    out.push(jump(BPF_JGE, high[0][0].0, 0, 0));
    emit_search(low, out, pending);
    out[node].jt = u8::try_from(out.len() - node - 1).expect("the search fits a jump's reach");
    emit_search(high, out, pending);
}

const BPF_JMP: u16 = 0x05;
const BPF_JEQ: u16 = BPF_JMP | 0x10;
const BPF_JGE: u16 = BPF_JMP | 0x30;
const BPF_JA: u16 = BPF_JMP;
const BPF_RET_K: u16 = 0x06;

fn jump(code: u16, k: u32, jt: u8, jf: u8) -> seccompiler::sock_filter {
    seccompiler::sock_filter { code, jt, jf, k }
}

fn jump_always(offset: u32) -> seccompiler::sock_filter {
    jump(BPF_JA, offset, 0, 0)
}

fn ret(verdict: u32) -> seccompiler::sock_filter {
    seccompiler::sock_filter {
        code: BPF_RET_K,
        jt: 0,
        jf: 0,
        k: verdict,
    }
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

/// The calls allowed only with some arguments, with the conditions on them
/// (seccompiler compiles these; [`ALWAYS`] are not among them).
fn rules(launcher: i32) -> BTreeMap<i64, Vec<SeccompRule>> {
    let mut rules: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
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
pub(crate) fn restrict(launcher: &OwnedFd) -> Result<(), String> {
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
pub(crate) fn acceptor_program() -> BpfProgram {
    compile(ACCEPTOR.iter().map(|nr| (*nr, Vec::new())).collect())
}

/// Confines the acceptor process to [`ACCEPTOR`].
pub(crate) fn restrict_acceptor() -> Result<(), String> {
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
        interpret(prog, |off| Some(word(off))).expect("instructions the kernel runs")
    }

    /// Follows `prog` from the start as the kernel does, with `load` giving
    /// the word at an offset of the call's data; the verdict, or None at a
    /// load `load` refuses or an instruction these filters do not use.
    fn interpret(
        prog: &[seccompiler::sock_filter],
        load: impl Fn(u32) -> Option<u32>,
    ) -> Option<u32> {
        let (mut pc, mut acc) = (0usize, 0u32);
        loop {
            let i = &prog[pc];
            pc += 1;
            match i.code {
                0x20 => acc = load(i.k)?,
                0x54 => acc &= i.k,
                0x06 => return Some(i.k),
                0x05 => pc += i.k as usize,
                code => {
                    let taken = match code & 0xf0 {
                        0x10 => acc == i.k,
                        0x20 => acc > i.k,
                        0x30 => acc >= i.k,
                        0x40 => acc & i.k != 0,
                        _ => return None,
                    };
                    pc += usize::from(if taken { i.jt } else { i.jf });
                }
            }
        }
    }

    /// Whether the kernel caches "allow" for `nr`: what its
    /// `seccomp_is_const_allow` does, following the program from the start
    /// with only the number and the arch known, giving up at any other load.
    fn cached(prog: &[seccompiler::sock_filter], nr: i64) -> bool {
        let load = |off| match off {
            0 => Some(nr as u32),
            4 => Some(0xc000_003e),
            _ => None,
        };
        interpret(prog, load) == Some(ALLOW)
    }

    #[test]
    fn the_dispatcher_reaches_every_listed_call_and_no_other() {
        let prog = program(7);
        let checked = rules(7);
        for nr in 0..1024 {
            let verdict = run(&prog, nr, [0; 6]);
            if ALWAYS.contains(&nr) {
                assert_eq!(verdict, ALLOW, "{nr}");
                assert!(cached(&prog, nr), "{nr} is allowed without the cache");
            } else if !checked.contains_key(&nr) {
                assert_eq!(verdict, 0x0005_0000 | libc::ENOSYS as u32, "{nr}");
            }
            if !ALWAYS.contains(&nr) {
                assert!(!cached(&prog, nr), "{nr} is cached as allowed");
            }
        }
        // The hot calls, by name: the cache is what makes them cheap.
        for nr in [
            libc::SYS_read,
            libc::SYS_write,
            libc::SYS_pread64,
            libc::SYS_clock_gettime,
            libc::SYS_futex,
        ] {
            assert!(cached(&prog, nr), "{nr}");
        }
    }

    #[test]
    fn every_jump_stays_in_the_program_and_it_is_small() {
        let prog = program(7);
        for (pc, i) in prog.iter().enumerate() {
            let next = pc + 1;
            let targets: Vec<usize> = match i.code {
                0x06 => vec![],
                0x05 => vec![next + i.k as usize],
                c if c & 0x07 == 0x05 => vec![next + usize::from(i.jt), next + usize::from(i.jf)],
                _ => vec![next],
            };
            for t in targets {
                assert!(t < prog.len(), "instruction {pc} jumps out");
            }
        }
        assert_eq!(prog.last().unwrap().code, 0x06);
        // One comparison per unconditional call, not seccompiler's five.
        assert!(
            prog.len() < 2 * ALWAYS.len() + 120,
            "{} instructions",
            prog.len()
        );
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
