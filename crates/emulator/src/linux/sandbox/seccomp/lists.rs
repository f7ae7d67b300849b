//! The lists the seccomp programs are compiled from (see `compile.rs`):
//! the source of truth for what the filters allow.

#![cfg_attr(not(test), allow(dead_code))]

/// A system call: its number, and its name for the compiled table.
pub(crate) type Call = (libc::c_long, &'static str);

macro_rules! sys {
    ($name:ident) => {
        (libc::$name, stringify!($name))
    };
}

/// Allowed whatever the arguments.
pub(crate) const ALWAYS: &[Call] = &[
    // I/O on descriptors the process holds.
    sys!(SYS_read),
    sys!(SYS_write),
    sys!(SYS_readv),
    sys!(SYS_writev),
    sys!(SYS_pread64),
    sys!(SYS_pwrite64),
    sys!(SYS_preadv),
    sys!(SYS_pwritev),
    sys!(SYS_preadv2),
    sys!(SYS_pwritev2),
    sys!(SYS_lseek),
    sys!(SYS_close),
    sys!(SYS_close_range),
    sys!(SYS_dup),
    sys!(SYS_dup3),
    sys!(SYS_fcntl),
    sys!(SYS_fstat),
    sys!(SYS_newfstatat),
    sys!(SYS_statx),
    sys!(SYS_fsync),
    sys!(SYS_fdatasync),
    sys!(SYS_fallocate),
    sys!(SYS_ftruncate),
    sys!(SYS_fadvise64),
    sys!(SYS_getdents64),
    sys!(SYS_utimensat),
    sys!(SYS_poll),
    sys!(SYS_ppoll),
    // Paths: Landlock decides what lies beneath the grants.
    sys!(SYS_openat),
    sys!(SYS_openat2),
    sys!(SYS_mkdirat),
    sys!(SYS_unlinkat),
    sys!(SYS_renameat),
    sys!(SYS_renameat2),
    sys!(SYS_linkat),
    sys!(SYS_symlinkat),
    sys!(SYS_readlinkat),
    // Sockets the process holds (no new ones, no addresses).
    sys!(SYS_sendmsg),
    sys!(SYS_recvmsg),
    sys!(SYS_recvfrom),
    sys!(SYS_shutdown),
    sys!(SYS_getsockopt),
    sys!(SYS_getsockname),
    sys!(SYS_getpeername),
    // Memory.
    sys!(SYS_mmap),
    sys!(SYS_munmap),
    sys!(SYS_mprotect),
    sys!(SYS_madvise),
    sys!(SYS_mremap),
    sys!(SYS_msync),
    sys!(SYS_brk),
    sys!(SYS_memfd_create),
    // Threads, time, signals of this process.
    sys!(SYS_futex),
    sys!(SYS_clock_gettime),
    sys!(SYS_clock_getres),
    sys!(SYS_clock_nanosleep),
    sys!(SYS_nanosleep),
    sys!(SYS_gettimeofday),
    sys!(SYS_sched_yield),
    sys!(SYS_sched_getaffinity),
    sys!(SYS_getpid),
    sys!(SYS_gettid),
    sys!(SYS_getppid),
    sys!(SYS_getuid),
    sys!(SYS_geteuid),
    sys!(SYS_getgid),
    sys!(SYS_getegid),
    sys!(SYS_getrandom),
    sys!(SYS_rt_sigaction),
    sys!(SYS_rt_sigprocmask),
    sys!(SYS_rt_sigreturn),
    sys!(SYS_sigaltstack),
    sys!(SYS_set_robust_list),
    sys!(SYS_rseq),
    sys!(SYS_restart_syscall),
    sys!(SYS_exit),
    sys!(SYS_exit_group),
    sys!(SYS_uname),
    // What the dynamic loader and libc of a re-executed launcher need.
    sys!(SYS_arch_prctl),
    sys!(SYS_set_tid_address),
    sys!(SYS_access),
    sys!(SYS_faccessat),
    sys!(SYS_faccessat2),
    // Children and signals (scoped by Landlock).
    sys!(SYS_wait4),
    sys!(SYS_waitid),
    sys!(SYS_pidfd_open),
    sys!(SYS_pidfd_send_signal),
    sys!(SYS_kill),
    sys!(SYS_tgkill),
    sys!(SYS_tkill),
    // Further confinement only.
    sys!(SYS_seccomp),
    sys!(SYS_landlock_create_ruleset),
    sys!(SYS_landlock_add_rule),
    sys!(SYS_landlock_restrict_self),
];

/// `clone` flags that make namespaces: refused.
const NAMESPACES: u64 = (libc::CLONE_NEWNS
    | libc::CLONE_NEWCGROUP
    | libc::CLONE_NEWUTS
    | libc::CLONE_NEWIPC
    | libc::CLONE_NEWUSER
    | libc::CLONE_NEWPID
    | libc::CLONE_NEWNET) as u64;

/// `prctl(PR_GET_AUXV)` (Linux 6.4), which the libc crate does not name.
const PR_GET_AUXV: u64 = 0x4155_5856;

/// A condition on one argument, as seccompiler's `SeccompCondition` with
/// `Eq` (a `mask` of all ones) or `MaskedEq(mask)`: `arg & mask == value`,
/// on the argument's low 32 bits (`qword: false`) or all 64.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cond {
    pub(crate) arg: u8,
    pub(crate) qword: bool,
    pub(crate) mask: u64,
    pub(crate) value: Value,
}

/// What a condition compares with.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Value {
    Is(u64),
    /// The launcher's fd, known only at start: a placeholder in the
    /// compiled table, patched in before installing.
    Launcher,
}

/// `arg == value`, on its low 32 bits.
const fn dword(arg: u8, value: u64) -> Cond {
    Cond {
        arg,
        qword: false,
        mask: u64::MAX,
        value: Value::Is(value),
    }
}

/// A call allowed when any of its rules holds, a rule holding when all its
/// conditions do.
pub(crate) struct Checked {
    pub(crate) call: Call,
    pub(crate) rules: &'static [&'static [Cond]],
}

/// The calls allowed only with some arguments (none of them in [`ALWAYS`]).
pub(crate) const CHECKED: &[Checked] = &[
    // Pairs of unix sockets only.
    Checked {
        call: sys!(SYS_socketpair),
        rules: &[&[dword(0, libc::AF_UNIX as u64)]],
    },
    // proc_exec: the launcher's own fd, no path.
    Checked {
        call: sys!(SYS_execveat),
        rules: &[&[
            Cond {
                arg: 0,
                qword: false,
                mask: u64::MAX,
                value: Value::Launcher,
            },
            dword(4, libc::AT_EMPTY_PATH as u64),
        ]],
    },
    // Threads and forks, no namespaces.
    Checked {
        call: sys!(SYS_clone),
        rules: &[&[Cond {
            arg: 0,
            qword: true,
            mask: NAMESPACES,
            value: Value::Is(0),
        }]],
    },
    // The fd-status requests the emulator makes.
    Checked {
        call: sys!(SYS_ioctl),
        rules: &[
            &[dword(1, libc::FIONREAD)],
            &[dword(1, libc::FIONBIO)],
            &[dword(1, libc::FIOCLEX)],
            &[dword(1, libc::FIONCLEX)],
        ],
    },
    // What the process needs after confinement: rustix finds the vDSO (for
    // clock_gettime without a system call) through the auxiliary vector,
    // which a re-executed launcher reads with PR_GET_AUXV; thread names; the
    // seccomp mode and no-new-privileges.
    Checked {
        call: sys!(SYS_prctl),
        rules: &[
            &[dword(0, PR_GET_AUXV)],
            &[dword(0, libc::PR_SET_NAME as u64)],
            &[dword(0, libc::PR_GET_NAME as u64)],
            &[dword(0, libc::PR_GET_SECCOMP as u64)],
            &[dword(0, libc::PR_SET_NO_NEW_PRIVS as u64)],
            &[dword(0, libc::PR_GET_NO_NEW_PRIVS as u64)],
        ],
    },
    // Reading a limit only: no new limit given.
    Checked {
        call: sys!(SYS_prlimit64),
        rules: &[&[Cond {
            arg: 2,
            qword: true,
            mask: u64::MAX,
            value: Value::Is(0),
        }]],
    },
];

/// The calls the acceptor process (`accept: pass`) makes once confined:
/// its loop, its error message, and what Rust's allocator and exit need.
pub(crate) const ACCEPTOR: &[Call] = &[
    sys!(SYS_poll),
    sys!(SYS_ppoll),
    sys!(SYS_accept4),
    sys!(SYS_sendmsg),
    sys!(SYS_close),
    sys!(SYS_write),
    sys!(SYS_mmap),
    sys!(SYS_munmap),
    sys!(SYS_mremap),
    sys!(SYS_madvise),
    sys!(SYS_brk),
    sys!(SYS_futex),
    sys!(SYS_rt_sigreturn),
    sys!(SYS_restart_syscall),
    sys!(SYS_exit),
    sys!(SYS_exit_group),
];

/// Verdicts and `seccomp_data` offsets.
pub(crate) mod data {
    pub(crate) const NR: u32 = 0;
    pub(crate) const ARCH: u32 = 4;
    /// The low half of argument `i` (x86-64 is little-endian).
    pub(crate) const fn arg_low(i: u8) -> u32 {
        16 + 8 * i as u32
    }
    pub(crate) const AUDIT_ARCH_X86_64: u32 = 0xc000_003e;
    pub(crate) const ALLOW: u32 = 0x7fff_0000;
    pub(crate) const ENOSYS: u32 = 0x0005_0000 | libc::ENOSYS as u32;
    pub(crate) const KILL_PROCESS: u32 = 0x8000_0000;
}
