//! Failure injection (`--inject SPEC`): which observed calls fail, or
//! transfer fewer bytes than asked, decided from the call's place in the
//! order the process serves its calls and a seeded generator of our own, so
//! that a run reproduces bit for bit (the same program, input and SPEC make
//! the same calls fail, whatever crate versions built the launcher).
//!
//! SPEC is one of
//! - `nth=K[,errno=NAME]`: the K-th call (1-based, counted over the whole
//!   process in serving order) fails;
//! - `seed=S,rate=P[,calls=NAME+NAME...][,errno=NAME]`: each call (of those
//!   named, else each that can fail, see [`FAILURES`]) fails with
//!   probability P;
//! - `short=P[,seed=S]`: each read and write transfers fewer bytes than
//!   asked (at least one) with probability P.
//!
//! Without `errno=`, a failing call gets one of the errors the reference
//! kernel can give it for valid arguments ([`FAILURES`]).

use std::fmt;

use cloudabi::errno;

/// For every system call, the errors FreeBSD's CloudABI implementation
/// (sys/compat/cloudabi*/, the reference) can return for valid arguments,
/// for reasons outside the program's control: resources, I/O, permissions,
/// other processes. The first is the default. An empty list: the call
/// fails only when its arguments are wrong, so it is not failed unless an
/// `errno=` asks for it. In syscall-number order (a test checks it).
pub(crate) const FAILURES: &[(&str, &[errno])] = &[
    // cloudabi_clock_time_get / _res_get: EINVAL for an unknown clock only.
    ("clock_res_get", &[]),
    ("clock_time_get", &[]),
    // cloudabi_futex_condvar_signal: fails on bad memory or scope only.
    ("condvar_signal", &[]),
    // cloudabi_sys_fd_close -> kern_close: the file's close may report EIO.
    ("fd_close", &[errno::IO]),
    // cloudabi_sys_fd_create1 -> kern_shm_open / kern_socket: out of
    // descriptors or memory.
    ("fd_create1", &[errno::MFILE, errno::NFILE, errno::NOMEM]),
    // cloudabi_sys_fd_create2 -> kern_pipe / kern_socketpair.
    ("fd_create2", &[errno::MFILE, errno::NFILE]),
    // cloudabi_sys_fd_datasync -> kern_fsync.
    ("fd_datasync", &[errno::IO]),
    // cloudabi_sys_fd_dup -> kern_dup.
    ("fd_dup", &[errno::MFILE]),
    // cloudabi64_sys_fd_pread -> kern_preadv.
    ("fd_pread", &[errno::IO]),
    // cloudabi64_sys_fd_pwrite -> kern_pwritev.
    (
        "fd_pwrite",
        &[errno::IO, errno::NOSPC, errno::DQUOT, errno::FBIG],
    ),
    // cloudabi64_sys_fd_read -> kern_readv (sockets: the peer reset).
    ("fd_read", &[errno::IO, errno::CONNRESET]),
    // cloudabi_sys_fd_replace -> kern_dup(FDDUP_MUSTREPLACE): EBADF only.
    ("fd_replace", &[]),
    // cloudabi_sys_fd_seek -> kern_lseek: EINVAL, ESPIPE, EOVERFLOW all
    // depend on the arguments and the file.
    ("fd_seek", &[]),
    // cloudabi_sys_fd_stat_get / _put: EBADF, or invalid flags.
    ("fd_stat_get", &[]),
    ("fd_stat_put", &[]),
    // cloudabi_sys_fd_sync -> kern_fsync.
    ("fd_sync", &[errno::IO]),
    // cloudabi64_sys_fd_write -> kern_writev (pipes and sockets: no reader).
    (
        "fd_write",
        &[errno::IO, errno::NOSPC, errno::DQUOT, errno::PIPE],
    ),
    // cloudabi_sys_file_advise -> kern_posix_fadvise: argument errors only.
    ("file_advise", &[]),
    // cloudabi_sys_file_allocate -> kern_posix_fallocate.
    (
        "file_allocate",
        &[errno::NOSPC, errno::IO, errno::DQUOT, errno::FBIG],
    ),
    // cloudabi_sys_file_create -> kern_mkdirat.
    (
        "file_create",
        &[
            errno::ACCES,
            errno::EXIST,
            errno::NOSPC,
            errno::IO,
            errno::ROFS,
        ],
    ),
    // cloudabi_sys_file_link -> kern_linkat.
    (
        "file_link",
        &[
            errno::ACCES,
            errno::EXIST,
            errno::NOENT,
            errno::NOSPC,
            errno::IO,
        ],
    ),
    // cloudabi_sys_file_open -> vn_open (and falloc_noinstall, finstall).
    (
        "file_open",
        &[
            errno::ACCES,
            errno::NOENT,
            errno::MFILE,
            errno::NFILE,
            errno::IO,
        ],
    ),
    // cloudabi_sys_file_readdir -> VOP_READDIR.
    ("file_readdir", &[errno::IO]),
    // cloudabi_sys_file_readlink -> kern_readlinkat.
    ("file_readlink", &[errno::ACCES, errno::NOENT, errno::IO]),
    // cloudabi_sys_file_rename -> kern_renameat.
    (
        "file_rename",
        &[
            errno::ACCES,
            errno::NOENT,
            errno::NOSPC,
            errno::IO,
            errno::BUSY,
        ],
    ),
    // cloudabi_sys_file_stat_fget -> fo_stat.
    ("file_stat_fget", &[errno::IO]),
    // cloudabi_sys_file_stat_fput -> kern_ftruncate / kern_futimens.
    ("file_stat_fput", &[errno::IO, errno::FBIG, errno::PERM]),
    // cloudabi_sys_file_stat_get -> kern_statat.
    ("file_stat_get", &[errno::ACCES, errno::NOENT, errno::IO]),
    // cloudabi_sys_file_stat_put -> kern_utimensat.
    (
        "file_stat_put",
        &[errno::ACCES, errno::NOENT, errno::PERM, errno::IO],
    ),
    // cloudabi_sys_file_symlink -> kern_symlinkat.
    (
        "file_symlink",
        &[errno::ACCES, errno::EXIST, errno::NOSPC, errno::IO],
    ),
    // cloudabi_sys_file_unlink -> kern_unlinkat / kern_rmdirat.
    (
        "file_unlink",
        &[
            errno::ACCES,
            errno::NOENT,
            errno::BUSY,
            errno::IO,
            errno::PERM,
        ],
    ),
    // cloudabi_futex_lock_unlock: EPERM when not the owner: the program's
    // own error.
    ("lock_unlock", &[]),
    // cloudabi_sys_mem_advise -> kern_madvise: argument errors only.
    ("mem_advise", &[]),
    // cloudabi_sys_mem_map -> kern_mmap: out of memory or of address
    // space (EACCES and ENODEV depend on the file mapped: not for
    // anonymous memory, which most mappings are).
    ("mem_map", &[errno::NOMEM]),
    // cloudabi_sys_mem_protect -> kern_mprotect: splitting a mapping may
    // need memory.
    ("mem_protect", &[errno::NOMEM]),
    // cloudabi_sys_mem_sync -> kern_msync: the write-back may fail.
    ("mem_sync", &[errno::IO]),
    // cloudabi_sys_mem_unmap -> kern_munmap: argument errors only.
    ("mem_unmap", &[]),
    // cloudabi64_sys_poll -> kern_kevent_anonymous: allocating the queue
    // (but see [`futex_wait`]: a lock or condition-variable wait cannot).
    ("poll", &[errno::NOMEM]),
    // cloudabi_sys_proc_exec -> kern_execve.
    (
        "proc_exec",
        &[errno::NOMEM, errno::IO, errno::ACCES, errno::NOEXEC],
    ),
    // cloudabi_sys_proc_exit: does not return.
    ("proc_exit", &[]),
    // cloudabi_sys_proc_fork -> fork1: process or memory limits, and
    // (RFPROCDESC) the process descriptor it allocates.
    ("proc_fork", &[errno::AGAIN, errno::NOMEM, errno::MFILE]),
    // cloudabi_sys_proc_raise: EINVAL for an unknown signal only.
    ("proc_raise", &[]),
    // cloudabi_sys_random_get: read_random_uio cannot fail.
    ("random_get", &[]),
    // cloudabi64_sys_sock_recv -> kern_recvit.
    (
        "sock_recv",
        &[errno::CONNRESET, errno::NOBUFS, errno::NOMEM],
    ),
    // cloudabi64_sys_sock_send -> kern_sendit.
    ("sock_send", &[errno::PIPE, errno::CONNRESET, errno::NOBUFS]),
    // cloudabi_sys_sock_shutdown -> sys_shutdown: the connection is gone.
    ("sock_shutdown", &[errno::NOTCONN]),
    // cloudabi64_sys_thread_create -> thread_create (kern_thr.c): ENOMEM
    // when thread_alloc fails; EPROCLIM at the per-process thread limit,
    // which cloudabi_convert_errno has no entry for and turns into ENOSYS.
    ("thread_create", &[errno::NOMEM, errno::NOSYS]),
    // cloudabi_sys_thread_exit: does not return.
    ("thread_exit", &[]),
    // cloudabi_sys_thread_yield -> sched_relinquish: cannot fail.
    ("thread_yield", &[]),
];

/// The calls a short transfer applies to: those that read or write a list
/// of buffers (on a socket, only a stream's: a message is never split).
pub(crate) const TRANSFERS: &[&str] = &[
    "fd_pread",
    "fd_pwrite",
    "fd_read",
    "fd_write",
    "sock_recv",
    "sock_send",
];

/// The errors `syscall` can get with valid arguments (empty for an unknown
/// name).
pub(crate) fn failures(syscall: &str) -> &'static [errno] {
    FAILURES
        .iter()
        .find(|(name, _)| *name == syscall)
        .map_or(&[], |(_, errs)| errs)
}

/// Whether `syscall` can fail with valid arguments.
pub(crate) fn can_fail(syscall: &str) -> bool {
    !failures(syscall).is_empty()
}

/// Whether a `poll` whose subscriptions have these event types (as the
/// trace names them) is a lock or condition-variable wait to the
/// reference: cloudabi64_sys_poll hands one CONDVAR, LOCK_RDLOCK or
/// LOCK_WRLOCK subscription, alone or followed by a CLOCK one (the
/// timeout), to cloudabi_futex_condvar_wait or cloudabi_futex_lock_rdlock /
/// _wrlock instead of kern_kevent_anonymous. Those allocate nothing that
/// can fail: the wait's outcome goes in the event, and the call itself
/// fails only on bad memory.
pub(crate) fn futex_wait(types: &[&str]) -> bool {
    let wait = |t: &str| {
        matches!(
            t,
            "EVENTTYPE_CONDVAR" | "EVENTTYPE_LOCK_RDLOCK" | "EVENTTYPE_LOCK_WRLOCK"
        )
    };
    match types {
        [t] | [t, "EVENTTYPE_CLOCK"] => wait(t),
        _ => false,
    }
}

/// The errors one call can get with valid arguments: those of its name
/// ([`failures`]), but none for a `poll` that is a [`futex_wait`]
/// (`poll_types`: its subscriptions' event types).
pub(crate) fn call_failures(syscall: &str, poll_types: &[&str]) -> &'static [errno] {
    if syscall == "poll" && futex_wait(poll_types) {
        &[]
    } else {
        failures(syscall)
    }
}

/// An errno's name (`ENOMEM`).
pub(crate) fn errno_name(e: errno) -> String {
    match cloudabi::host::trace::fmt_errno(e) {
        cloudabi::host::trace::Value::Name(name) => name.to_string(),
        other => other.to_string(),
    }
}

/// An errno by name, with or without its `E`, in any case (`ENOMEM`,
/// `enomem`, `NOMEM`).
pub(crate) fn errno_by_name(name: &str) -> Option<errno> {
    let upper = name.to_ascii_uppercase();
    let all = || (0..=u16::MAX).filter_map(cloudabi::host::validate::errno);
    let find = |wanted: &str| all().find(|e| *e != errno::SUCCESS && errno_name(*e) == wanted);
    find(&upper).or_else(|| find(&format!("E{upper}")))
}

/// A probability, kept as written (so that a SPEC prints back exactly) and
/// as the threshold a 64-bit draw must stay below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Probability {
    text: String,
    threshold: u64,
    always: bool,
}

impl Probability {
    fn parse(key: &str, text: &str) -> Result<Probability, String> {
        let p: f64 = text
            .parse()
            .ok()
            .filter(|p: &f64| (0.0..=1.0).contains(p))
            .ok_or_else(|| format!("{key}={text}: expected a probability from 0 to 1"))?;
        Ok(Probability {
            text: text.to_string(),
            // 2^64 * p, exact for the probabilities people write; p = 1 is
            // `always`, since no u64 threshold admits every draw.
            threshold: (p * 18_446_744_073_709_551_616.0) as u64,
            always: p >= 1.0,
        })
    }

    fn admits(&self, draw: u64) -> bool {
        self.always || draw < self.threshold
    }
}

impl fmt::Display for Probability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// One `--inject` SPEC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rule {
    Nth {
        k: u64,
        errno: Option<errno>,
    },
    Rate {
        seed: u64,
        rate: Probability,
        calls: Option<Vec<String>>,
        errno: Option<errno>,
    },
    Short {
        rate: Probability,
        seed: u64,
    },
}

/// What happens to one call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    Run,
    Fail(errno),
    /// Transfer fewer bytes than asked; the draw picks how many.
    Short(u64),
}

/// Streams of the generator: independent draws for one call.
const DRAW_FAIL: u64 = 1;
const DRAW_ERRNO: u64 = 2;
const DRAW_SHORT: u64 = 3;
const DRAW_LENGTH: u64 = 4;

/// SplitMix64's output function: a bijection on 64 bits whose outputs pass
/// statistical tests for consecutive inputs. Written here, not taken from a
/// crate, so that a seed means the same failures in every build.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The draw for call `n` in `stream` under `seed`: a function of the three
/// alone, so it does not depend on which other calls were drawn for.
pub(crate) fn draw(seed: u64, n: u64, stream: u64) -> u64 {
    mix(mix(seed ^ mix(stream)) ^ n)
}

impl Rule {
    /// Parses a SPEC; the error says what is wrong with it.
    pub(crate) fn parse(spec: &str, syscalls: &[&str]) -> Result<Rule, String> {
        let mut fields: Vec<(&str, &str)> = Vec::new();
        for part in spec.split(',') {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?} is not KEY=VALUE"))?;
            if fields.iter().any(|(k, _)| *k == key) {
                return Err(format!("{key} is given twice"));
            }
            fields.push((key, value));
        }
        let get = |key: &str| fields.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let keys: Vec<&str> = fields.iter().map(|(k, _)| *k).collect();
        let only = |allowed: &[&str]| match keys.iter().find(|k| !allowed.contains(k)) {
            Some(k) => Err(format!(
                "{k} does not go with {} (expected {})",
                allowed[0],
                allowed.join(", ")
            )),
            None => Ok(()),
        };
        let number = |key: &str| -> Result<u64, String> {
            let text = get(key).ok_or_else(|| format!("{key}= is missing"))?;
            text.parse()
                .map_err(|_| format!("{key}={text}: expected a whole number"))
        };
        let errno = match get("errno") {
            None => None,
            Some(name) => Some(
                errno_by_name(name)
                    .ok_or_else(|| format!("errno={name}: not a CloudABI errno (e.g. EIO)"))?,
            ),
        };
        if get("nth").is_some() {
            only(&["nth", "errno"])?;
            let k = number("nth")?;
            if k == 0 {
                return Err("nth=0: calls are counted from 1".into());
            }
            return Ok(Rule::Nth { k, errno });
        }
        if let Some(p) = get("short") {
            only(&["short", "seed"])?;
            let seed = if get("seed").is_some() {
                number("seed")?
            } else {
                0
            };
            return Ok(Rule::Short {
                rate: Probability::parse("short", p)?,
                seed,
            });
        }
        if let Some(p) = get("rate") {
            only(&["seed", "rate", "calls", "errno"])?;
            let seed = number("seed")?;
            let calls = match get("calls") {
                None => None,
                Some(list) => Some(call_list(list, syscalls, errno)?),
            };
            return Ok(Rule::Rate {
                seed,
                rate: Probability::parse("rate", p)?,
                calls,
                errno,
            });
        }
        Err("expected nth=K, seed=S,rate=P or short=P".into())
    }

    /// What this rule does to call number `n`, a `syscall` that can fail
    /// with any of its [`failures`].
    #[cfg(test)]
    pub(crate) fn decide(&self, n: u64, syscall: &str) -> Decision {
        self.decide_with(n, syscall, failures(syscall))
    }

    /// What this rule does to call number `n`, a `syscall` that can fail
    /// with `errs` ([`call_failures`]).
    pub(crate) fn decide_with(&self, n: u64, syscall: &str, errs: &[errno]) -> Decision {
        match self {
            Rule::Nth { k, errno } => {
                if n != *k {
                    return Decision::Run;
                }
                match errno.or_else(|| errs.first().copied()) {
                    Some(e) => Decision::Fail(e),
                    None => Decision::Run,
                }
            }
            Rule::Rate {
                seed,
                rate,
                calls,
                errno,
            } => {
                let chosen = match calls {
                    Some(list) => list.iter().any(|c| c == syscall),
                    None => !errs.is_empty(),
                };
                if !chosen || !rate.admits(draw(*seed, n, DRAW_FAIL)) {
                    return Decision::Run;
                }
                if let Some(e) = errno {
                    return Decision::Fail(*e);
                }
                match errs.len() {
                    0 => Decision::Run,
                    len => Decision::Fail(errs[(draw(*seed, n, DRAW_ERRNO) % len as u64) as usize]),
                }
            }
            Rule::Short { rate, seed } => {
                if TRANSFERS.contains(&syscall) && rate.admits(draw(*seed, n, DRAW_SHORT)) {
                    Decision::Short(draw(*seed, n, DRAW_LENGTH))
                } else {
                    Decision::Run
                }
            }
        }
    }
}

/// `calls=a+b`: each must be a system call, and one that can fail unless
/// `errno=` says how.
fn call_list(list: &str, syscalls: &[&str], errno: Option<errno>) -> Result<Vec<String>, String> {
    list.split('+')
        .map(|name| {
            if !syscalls.contains(&name) {
                return Err(format!("calls={list}: {name:?} is not a system call"));
            }
            if errno.is_none() && !can_fail(name) {
                return Err(format!(
                    "calls={list}: {name} cannot fail with valid arguments; \
                     give errno=NAME to fail it anyway"
                ));
            }
            Ok(name.to_string())
        })
        .collect()
}

impl fmt::Display for Rule {
    /// The SPEC again, in the form `--inject` accepts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errno_part = |e: &Option<errno>| match e {
            Some(e) => format!(",errno={}", errno_name(*e)),
            None => String::new(),
        };
        match self {
            Rule::Nth { k, errno } => write!(f, "nth={k}{}", errno_part(errno)),
            Rule::Rate {
                seed,
                rate,
                calls,
                errno,
            } => {
                write!(f, "seed={seed},rate={rate}")?;
                if let Some(calls) = calls {
                    write!(f, ",calls={}", calls.join("+"))?;
                }
                f.write_str(&errno_part(errno))
            }
            Rule::Short { rate, seed } => write!(f, "short={rate},seed={seed}"),
        }
    }
}

/// Every `--inject` of a run: the first rule that does something to a call
/// decides it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Injector {
    rules: Vec<Rule>,
}

impl Injector {
    pub(crate) fn new(rules: Vec<Rule>) -> Injector {
        Injector { rules }
    }

    /// What happens to call number `n`, a `syscall` that can fail with
    /// `errs` ([`call_failures`]).
    pub(crate) fn decide(&self, n: u64, syscall: &str, errs: &[errno]) -> Decision {
        self.rules
            .iter()
            .map(|r| r.decide_with(n, syscall, errs))
            .find(|d| *d != Decision::Run)
            .unwrap_or(Decision::Run)
    }
}

/// How many of `asked` bytes a short transfer moves: from 1 to `asked - 1`,
/// picked by `draw`; `None` when no shorter transfer exists.
pub(crate) fn short_length(asked: usize, draw: u64) -> Option<usize> {
    (asked > 1).then(|| 1 + (draw % (asked as u64 - 1)) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<&'static str> {
        crate::linux::observe::syscall_names()
    }

    fn parse(spec: &str) -> Result<Rule, String> {
        Rule::parse(spec, &names())
    }

    #[test]
    fn the_table_has_every_call_once_in_number_order() {
        let table: Vec<&str> = FAILURES.iter().map(|(n, _)| *n).collect();
        assert_eq!(table, names());
        for t in TRANSFERS {
            assert!(names().contains(t), "{t}");
        }
    }

    #[test]
    fn specs_print_back_as_given() {
        for spec in [
            "nth=7",
            "nth=1,errno=ENOMEM",
            "seed=1,rate=0.05",
            "seed=9,rate=1,calls=fd_write+mem_map,errno=EIO",
            "short=0.5,seed=3",
        ] {
            assert_eq!(parse(spec).unwrap().to_string(), spec);
        }
        // Spelling variants are accepted and printed the one way.
        assert_eq!(
            parse("nth=2,errno=nomem").unwrap().to_string(),
            "nth=2,errno=ENOMEM"
        );
        assert_eq!(
            parse("short=0.25").unwrap().to_string(),
            "short=0.25,seed=0"
        );
        assert_eq!(
            parse("nth=3,errno=EXIST").unwrap().to_string(),
            "nth=3,errno=EEXIST"
        );
    }

    #[test]
    fn bad_specs_say_what_is_wrong() {
        for (spec, says) in [
            ("", "is not KEY=VALUE"),
            ("nth", "is not KEY=VALUE"),
            ("nth=0", "counted from 1"),
            ("nth=x", "whole number"),
            ("nth=1,nth=2", "given twice"),
            ("nth=1,seed=2", "does not go with nth"),
            ("nth=1,errno=EBOGUS", "not a CloudABI errno"),
            ("rate=0.5", "seed= is missing"),
            ("seed=1,rate=2", "probability from 0 to 1"),
            ("seed=1,rate=0.1,calls=fd_wrote", "not a system call"),
            (
                "seed=1,rate=0.1,calls=clock_time_get",
                "cannot fail with valid arguments",
            ),
            ("short=-1", "probability"),
            ("bogus=1", "expected nth=K"),
        ] {
            let e = parse(spec).unwrap_err();
            assert!(e.contains(says), "{spec:?}: {e:?}");
        }
        // With errno= a call that cannot fail on its own can be named.
        assert!(parse("seed=1,rate=0.1,calls=clock_time_get,errno=EINVAL").is_ok());
    }

    #[test]
    fn nth_fails_that_call_only_with_the_first_error_of_its_kind() {
        let r = parse("nth=3").unwrap();
        assert_eq!(r.decide(2, "fd_write"), Decision::Run);
        assert_eq!(r.decide(3, "fd_write"), Decision::Fail(errno::IO));
        assert_eq!(r.decide(3, "mem_map"), Decision::Fail(errno::NOMEM));
        // A call that cannot fail is left alone without errno=...
        assert_eq!(r.decide(3, "clock_time_get"), Decision::Run);
        // ... and failed with it.
        let r = parse("nth=3,errno=EINVAL").unwrap();
        assert_eq!(r.decide(3, "clock_time_get"), Decision::Fail(errno::INVAL));
    }

    /// The generator is ours and fixed: these values are part of what a
    /// seed means, and may not change between builds.
    #[test]
    fn draws_are_pinned() {
        // SplitMix64's published first output for the state 0.
        assert_eq!(mix(0), 0xe220_a839_7b1d_cdaf);
        assert_eq!(draw(1, 1, DRAW_FAIL), draw(1, 1, DRAW_FAIL));
        let fails: Vec<u64> = (1..=200)
            .filter(|n| parse("seed=1,rate=0.05").unwrap().decide(*n, "fd_write") != Decision::Run)
            .collect();
        assert_eq!(fails, PINNED_SEED1_RATE005);
    }

    const PINNED_SEED1_RATE005: &[u64] = &[26, 40, 58, 63, 109, 117, 146, 157, 184, 189];

    #[test]
    fn rates_are_about_right_and_seeds_differ() {
        let count = |spec: &str| {
            let r = parse(spec).unwrap();
            (1..=20_000)
                .filter(|n| r.decide(*n, "fd_write") != Decision::Run)
                .count()
        };
        let n = count("seed=1,rate=0.1");
        assert!((1800..2200).contains(&n), "{n}");
        assert_eq!(count("seed=1,rate=0"), 0);
        assert_eq!(count("seed=1,rate=1"), 20_000);
        let r1 = parse("seed=1,rate=0.5").unwrap();
        let r2 = parse("seed=2,rate=0.5").unwrap();
        assert!((1..100).any(|n| r1.decide(n, "fd_write") != r2.decide(n, "fd_write")));
        // Calls that cannot fail are never chosen without calls=.
        assert_eq!(r1.decide(1, "clock_time_get"), Decision::Run);
    }

    /// A lock or condition-variable wait is not failed unless asked by
    /// errno=; other polls are.
    #[test]
    fn polls_that_wait_on_a_lock_or_condvar_do_not_fail() {
        let lock = call_failures("poll", &["EVENTTYPE_LOCK_WRLOCK"]);
        let timed = call_failures("poll", &["EVENTTYPE_CONDVAR", "EVENTTYPE_CLOCK"]);
        let fds = call_failures("poll", &["EVENTTYPE_FD_READ", "EVENTTYPE_CLOCK"]);
        let two = call_failures("poll", &["EVENTTYPE_LOCK_RDLOCK", "EVENTTYPE_FD_READ"]);
        assert_eq!((lock, timed), (&[][..], &[][..]));
        assert_eq!((fds, two), (failures("poll"), failures("poll")));
        assert_eq!(call_failures("fd_write", &[]), failures("fd_write"));
        let r = parse("seed=1,rate=1").unwrap();
        assert_eq!(r.decide_with(1, "poll", lock), Decision::Run);
        assert_eq!(r.decide_with(1, "poll", fds), Decision::Fail(errno::NOMEM));
        assert_eq!(
            parse("nth=1").unwrap().decide_with(1, "poll", lock),
            Decision::Run
        );
        let r = parse("nth=1,errno=EFAULT").unwrap();
        assert_eq!(r.decide_with(1, "poll", lock), Decision::Fail(errno::FAULT));
    }

    #[test]
    fn errors_come_from_the_table() {
        let r = parse("seed=3,rate=1").unwrap();
        for n in 1..200 {
            match r.decide(n, "file_open") {
                Decision::Fail(e) => assert!(failures("file_open").contains(&e)),
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn short_transfers_move_at_least_one_byte_and_less_than_asked() {
        assert_eq!(short_length(0, 5), None);
        assert_eq!(short_length(1, 5), None);
        for draw in 0..1000 {
            let n = short_length(10, draw).unwrap();
            assert!((1..10).contains(&n));
        }
        let r = parse("short=1,seed=1").unwrap();
        assert!(matches!(r.decide(1, "fd_read"), Decision::Short(_)));
        assert_eq!(r.decide(1, "mem_map"), Decision::Run);
    }
}
