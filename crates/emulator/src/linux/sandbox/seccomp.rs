//! The seccomp-bpf layer: an allow-list of the system calls the emulator
//! (with Rust's std and glibc under it) makes once the guest runs. Anything
//! else fails with `ENOSYS` (so glibc falls back where it can, e.g. from
//! `clone3` to `clone`, whose flags the filter can check).
//!
//! Calls allowed whatever their arguments are compiled without looking at
//! the arguments, which lets Linux ≥ 5.11 cache the verdict per system call:
//! the hot calls (`read`, `write`, `pread64`, `clock_gettime`, `futex`)
//! then cost the filter nothing. Calls that could reach beyond the grants
//! are allowed only with arguments checked ([`lists::CHECKED`]), or not at all:
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
//!
//! The lists (`seccomp/lists.rs`) are the source of truth; the BPF programs
//! are compiled from them ahead of time (by `seccomp/compile.rs`, which this
//! module's tests run) into the checked-in `seccomp/table.rs`, so that a
//! start installs a finished program with one value patched in (the
//! launcher's fd) instead of building it with seccompiler (~35 us of a
//! start). Installing costs the kernel ~0.16 us per instruction and,
//! for its per-call cache, a walk of the program for every system call
//! number; the compiled form keeps both small: a search over the ranges of
//! numbers with one verdict (109 ranges, ~7 comparisons deep), and a few
//! instructions per checked argument. A test checks that every call is
//! decided as seccompiler decides it from the same lists.

use std::os::fd::{AsRawFd, OwnedFd};

#[cfg(test)]
mod compile;
// Read by the compiler and the tests only: what runs is the table
// compiled from them.
mod lists;
mod table;

/// One instruction of a classic BPF program, as the kernel reads it.
pub(crate) type Insn = libc::sock_filter;

/// The launcher's program, with `launcher` the only fd `execveat` may run:
/// the compiled table with the fd patched in.
pub(crate) fn program(launcher: i32) -> [Insn; table::LAUNCHER.len()] {
    let mut program = table::LAUNCHER;
    program[table::LAUNCHER_FD_AT].k = launcher as u32;
    program
}

/// The acceptor's program: [`lists::ACCEPTOR`], nothing else.
pub(crate) fn acceptor_program() -> &'static [Insn] {
    &table::ACCEPTOR
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

/// Confines the acceptor process to [`lists::ACCEPTOR`].
pub(crate) fn restrict_acceptor() -> Result<(), String> {
    install(acceptor_program())
}

fn install(program: &[Insn]) -> Result<(), String> {
    // SAFETY: prctl with integer arguments.
    if unsafe { libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) } != 0 {
        return Err(format!(
            "seccomp needs no-new-privileges, which failed ({})",
            std::io::Error::last_os_error()
        ));
    }
    let fprog = libc::sock_fprog {
        len: u16::try_from(program.len()).expect("a BPF program is at most 4096 instructions"),
        filter: program.as_ptr().cast_mut(),
    };
    // SAFETY: the kernel reads `fprog` and the `len` instructions it points
    // to, both alive for the call, and copies them.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0,
            &fprog as *const libc::sock_fprog,
        )
    };
    if rc != 0 {
        return Err(format!(
            "seccomp is not available ({}): raw system calls are not filtered",
            std::io::Error::last_os_error()
        ));
    }
    Ok(())
}

/// Classic BPF operations the programs use.
pub(crate) mod op {
    /// `A = data[k]` (a 32-bit word of the call's `seccomp_data`).
    pub(crate) const LD: u16 = 0x20;
    /// `A &= k`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) const AND: u16 = 0x54;
    pub(crate) const JEQ: u16 = 0x15;
    pub(crate) const JGE: u16 = 0x35;
    pub(crate) const JSET: u16 = 0x45;
    /// Return verdict `k`.
    pub(crate) const RET: u16 = 0x06;
}

/// An instruction, for the compiled table.
pub(crate) const fn i(code: u16, jt: u8, jf: u8, k: u32) -> Insn {
    Insn { code, jt, jf, k }
}

#[cfg(test)]
mod tests {
    use super::lists::data::{ALLOW, AUDIT_ARCH_X86_64, ENOSYS, KILL_PROCESS};
    use super::lists::{Call, Checked, Cond, Value, ACCEPTOR, ALWAYS, CHECKED};
    use super::*;

    const I386: u32 = 0x4000_0003;

    /// Runs `prog` on a call `nr` with arguments `args` made on `arch`, as
    /// the kernel would (the instructions the programs use).
    fn run(prog: &[Insn], arch: u32, nr: u32, args: [u64; 6]) -> u32 {
        let word = |off: u32| -> u32 {
            match off {
                0 => nr,
                4 => arch,
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
    fn interpret(prog: &[Insn], load: impl Fn(u32) -> Option<u32>) -> Option<u32> {
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
    fn cached(prog: &[Insn], nr: u32) -> bool {
        let load = |off| match off {
            0 => Some(nr),
            4 => Some(AUDIT_ARCH_X86_64),
            _ => None,
        };
        interpret(prog, load) == Some(ALLOW)
    }

    fn nr(call: &Call) -> u32 {
        call.0 as u32
    }

    fn words(prog: &[Insn]) -> Vec<(u16, u8, u8, u32)> {
        prog.iter().map(|i| (i.code, i.jt, i.jf, i.k)).collect()
    }

    #[test]
    fn the_table_is_what_the_lists_compile_to() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/linux/sandbox/seccomp/table.rs"
        );
        let text = compile::render();
        if std::env::var_os("CLOUDABI_BLESS").is_some() {
            std::fs::write(path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap();
        assert!(
            on_disk == text,
            "{path} is not what the lists in seccomp.rs compile to: run \
             `CLOUDABI_BLESS=1 cargo test -p cloudabi-emulator --lib seccomp` to write it again"
        );
        // The table as compiled into this crate, not only its text.
        let launcher = compile::launcher();
        assert_eq!(words(&table::LAUNCHER), words(&launcher.insns));
        assert_eq!(Some(table::LAUNCHER_FD_AT), launcher.launcher_at);
        assert_eq!(words(&table::ACCEPTOR), words(&compile::acceptor().insns));
    }

    /// seccompiler's program for the same lists: every listed call a rule,
    /// conditions as they are written.
    fn seccompiler_program(launcher: i32, always: &[Call], checked: &[Checked]) -> Vec<Insn> {
        use seccompiler::{
            SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
            SeccompRule,
        };
        let mut rules = std::collections::BTreeMap::new();
        for (nr, _) in always {
            rules.insert(*nr, Vec::new());
        }
        for c in checked {
            let converted = c
                .rules
                .iter()
                .map(|conds| {
                    let conds = conds.iter().map(|c| {
                        let len = if c.qword {
                            SeccompCmpArgLen::Qword
                        } else {
                            SeccompCmpArgLen::Dword
                        };
                        let op = if c.mask == u64::MAX {
                            SeccompCmpOp::Eq
                        } else {
                            SeccompCmpOp::MaskedEq(c.mask)
                        };
                        let value = match c.value {
                            Value::Is(v) => v,
                            Value::Launcher => launcher as u64,
                        };
                        SeccompCondition::new(c.arg, len, op, value).unwrap()
                    });
                    SeccompRule::new(conds.collect()).unwrap()
                })
                .collect();
            assert!(rules.insert(c.call.0, converted).is_none());
        }
        let filter = SeccompFilter::new(
            rules,
            SeccompAction::Errno(libc::ENOSYS as u32),
            SeccompAction::Allow,
            seccompiler::TargetArch::x86_64,
        )
        .unwrap();
        let prog: seccompiler::BpfProgram = filter.try_into().unwrap();
        prog.iter()
            .map(|i| super::i(i.code, i.jt, i.jf, i.k))
            .collect()
    }

    /// Argument values around those a condition names: equal, one off,
    /// other high halves, each bit of its mask, all ones.
    fn around(c: &Cond, launcher: i32) -> Vec<u64> {
        let v = match c.value {
            Value::Is(v) => v,
            Value::Launcher => launcher as u64,
        };
        let mut out = vec![0, u64::MAX, v, v ^ 1, v.wrapping_add(1), v.wrapping_sub(1)];
        out.extend([v | 1 << 32, v | 1 << 63, (v & c.mask) | !c.mask, c.mask]);
        out.extend(
            (0..64)
                .map(|b| 1u64 << b)
                .filter(|bit| c.mask & bit != 0 && c.mask != u64::MAX),
        );
        out.extend((0..64).map(|b| v ^ (1u64 << b)));
        out
    }

    /// The calls and arguments both programs are asked about: every number
    /// below 1024, x32's, the largest, with arguments all zero and all ones;
    /// for a checked call, every combination of values around those its
    /// conditions name.
    fn cases(launcher: i32, checked: &[Checked]) -> Vec<(u32, [u64; 6])> {
        let mut out = Vec::new();
        let numbers = (0..1024)
            .chain((0..600).map(|n| 0x4000_0000 + n))
            .chain([u32::MAX, 0x8000_0000]);
        for nr in numbers {
            out.push((nr, [0; 6]));
            out.push((nr, [u64::MAX; 6]));
        }
        for c in checked {
            let conds: Vec<&Cond> = c.rules.iter().flat_map(|r| r.iter()).collect();
            let mut args: Vec<[u64; 6]> = vec![[0; 6]];
            let mut seen = [false; 6];
            for cond in &conds {
                let a = usize::from(cond.arg);
                let values: Vec<u64> = conds
                    .iter()
                    .filter(|c| c.arg == cond.arg)
                    .flat_map(|c| around(c, launcher))
                    .collect();
                if std::mem::replace(&mut seen[a], true) {
                    continue;
                }
                args = args
                    .iter()
                    .flat_map(|base| {
                        values.iter().map(move |v| {
                            let mut x = *base;
                            x[a] = *v;
                            x
                        })
                    })
                    .collect();
            }
            out.extend(args.into_iter().map(|a| (nr(&c.call), a)));
        }
        out
    }

    #[test]
    fn every_call_is_decided_as_seccompiler_decides_it_from_the_lists() {
        for fd in [3, 7, 1000] {
            let ours = program(fd);
            let theirs = seccompiler_program(fd, ALWAYS, CHECKED);
            let mut allowed = 0;
            for (nr, args) in cases(fd, CHECKED) {
                let verdict = run(&ours, AUDIT_ARCH_X86_64, nr, args);
                assert_eq!(
                    verdict,
                    run(&theirs, AUDIT_ARCH_X86_64, nr, args),
                    "call {nr} with {args:x?}"
                );
                allowed += usize::from(verdict == ALLOW);
            }
            // The cases reach both verdicts of every checked call.
            assert!(allowed > ALWAYS.len() + CHECKED.len(), "{allowed}");
            for nr in [0, libc::SYS_execveat as u32, 1 << 30] {
                for arch in [I386, 0] {
                    assert_eq!(run(&ours, arch, nr, [0; 6]), KILL_PROCESS);
                    assert_eq!(run(&theirs, arch, nr, [0; 6]), KILL_PROCESS);
                }
            }
        }
        let ours = acceptor_program();
        let theirs = seccompiler_program(0, ACCEPTOR, &[]);
        for (nr, args) in cases(0, &[]) {
            assert_eq!(
                run(ours, AUDIT_ARCH_X86_64, nr, args),
                run(&theirs, AUDIT_ARCH_X86_64, nr, args),
                "call {nr}"
            );
        }
    }

    #[test]
    fn the_launcher_fd_is_patched_where_the_compiler_put_it() {
        let compiled = compile::launcher();
        let at = compiled.launcher_at.unwrap();
        for fd in [0, 3, 7, 1 << 20] {
            let mut expected = compiled.insns.clone();
            expected[at].k = fd as u32;
            assert_eq!(words(&program(fd)), words(&expected));
        }
    }

    #[test]
    fn the_dispatcher_reaches_every_listed_call_and_no_other() {
        let prog = program(7);
        let is_checked = |n: u32| CHECKED.iter().any(|c| nr(&c.call) == n);
        for n in 0..1024 {
            let verdict = run(&prog, AUDIT_ARCH_X86_64, n, [0; 6]);
            let always = ALWAYS.iter().any(|c| nr(c) == n);
            if always {
                assert_eq!(verdict, ALLOW, "{n}");
                assert!(cached(&prog, n), "{n} is allowed without the cache");
            } else {
                assert!(!cached(&prog, n), "{n} is cached as allowed");
                if !is_checked(n) {
                    assert_eq!(verdict, ENOSYS, "{n}");
                }
            }
        }
        // The hot calls, by name: the cache is what makes them cheap.
        for n in [
            libc::SYS_read,
            libc::SYS_write,
            libc::SYS_pread64,
            libc::SYS_clock_gettime,
            libc::SYS_futex,
        ] {
            assert!(cached(&prog, n as u32), "{n}");
        }
    }

    /// Instructions the kernel's cache preparation follows, summed over
    /// the numbers below 512 (x86-64's are below ~470).
    fn walked(prog: &[Insn]) -> usize {
        (0..512u32)
            .map(|nr| {
                let steps = std::cell::Cell::new(0usize);
                let load = |off| {
                    steps.set(steps.get() + 1);
                    match off {
                        0 => Some(nr),
                        4 => Some(AUDIT_ARCH_X86_64),
                        _ => None,
                    }
                };
                let _ = interpret(prog, load);
                steps.get()
            })
            .sum()
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
        // The search: one comparison per boundary between ranges of numbers
        // with one verdict, none more. (Each listed number makes at most
        // two boundaries.)
        let listed = ALWAYS.len() + CHECKED.len();
        let on_number = prog.iter().filter(|i| i.code == op::JGE).count();
        assert!(on_number < 2 * listed, "{on_number} comparisons");
        // The argument checks: at most a load, a mask and a comparison per
        // half of a condition.
        let halves: usize = CHECKED
            .iter()
            .flat_map(|c| c.rules.iter().flat_map(|r| r.iter()))
            .map(|c| if c.qword { 2 } else { 1 })
            .sum();
        let rest = prog.len() - on_number - 4 - 2;
        assert!(rest <= 3 * halves, "{rest} instructions of argument checks");
        // The search stays shallow: on average, fewer than 12 instructions
        // walked per number for the cache (the arch check and the number
        // load are 4 of them).
        let walked = walked(&prog);
        assert!(walked < 512 * 12, "{walked} instructions walked");
    }

    #[test]
    fn the_acceptor_may_accept_and_send_and_nothing_that_reaches_further() {
        let prog = acceptor_program();
        for n in [libc::SYS_accept4, libc::SYS_sendmsg, libc::SYS_ppoll] {
            assert_eq!(run(prog, AUDIT_ARCH_X86_64, n as u32, [0; 6]), ALLOW, "{n}");
        }
        for n in [
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
            assert_ne!(run(prog, AUDIT_ARCH_X86_64, n as u32, [0; 6]), ALLOW, "{n}");
        }
    }

    #[test]
    fn checked_arguments_decide() {
        let prog = program(7);
        let run = |nr: libc::c_long, args| run(&prog, AUDIT_ARCH_X86_64, nr as u32, args);
        let unix = libc::AF_UNIX as u64;
        assert_eq!(run(libc::SYS_socketpair, [unix, 1, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_socketpair, [2, 1, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_socket, [unix, 1, 0, 0, 0, 0]), ALLOW);
        let empty = libc::AT_EMPTY_PATH as u64;
        assert_eq!(run(libc::SYS_execveat, [7, 0, 0, 0, empty, 0]), ALLOW);
        assert_ne!(run(libc::SYS_execveat, [8, 0, 0, 0, empty, 0]), ALLOW);
        assert_ne!(run(libc::SYS_execveat, [7, 0, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_execve, [0; 6]), ALLOW);
        let user_ns = libc::CLONE_NEWUSER as u64;
        assert_eq!(run(libc::SYS_clone, [0x11, 0, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_clone, [user_ns, 0, 0, 0, 0, 0]), ALLOW);
        assert_eq!(run(libc::SYS_ioctl, [3, libc::FIONREAD, 0, 0, 0, 0]), ALLOW);
        assert_eq!(run(libc::SYS_ioctl, [3, libc::FIONCLEX, 0, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_ioctl, [3, libc::TIOCSTI, 0, 0, 0, 0]), ALLOW);
        assert_eq!(run(libc::SYS_prlimit64, [0, 3, 0, 1, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_prlimit64, [0, 3, 1 << 32, 0, 0, 0]), ALLOW);
        assert_ne!(run(libc::SYS_ptrace, [0; 6]), ALLOW);
    }
}
