//! CloudABI signals and the host's: both sides' values come from their own
//! crates (the generated `cloudabi`, libc); only the pairing of same-named
//! POSIX signals is written here.

use cloudabi::signal;

/// Each CloudABI signal whose default action does something, with the host
/// signal of the same name.
const PAIRS: [(signal, i32); 23] = [
    (signal::ABRT, libc::SIGABRT),
    (signal::ALRM, libc::SIGALRM),
    (signal::BUS, libc::SIGBUS),
    (signal::FPE, libc::SIGFPE),
    (signal::HUP, libc::SIGHUP),
    (signal::ILL, libc::SIGILL),
    (signal::INT, libc::SIGINT),
    (signal::KILL, libc::SIGKILL),
    (signal::PIPE, libc::SIGPIPE),
    (signal::QUIT, libc::SIGQUIT),
    (signal::SEGV, libc::SIGSEGV),
    (signal::STOP, libc::SIGSTOP),
    (signal::SYS, libc::SIGSYS),
    (signal::TERM, libc::SIGTERM),
    (signal::TRAP, libc::SIGTRAP),
    (signal::TSTP, libc::SIGTSTP),
    (signal::TTIN, libc::SIGTTIN),
    (signal::TTOU, libc::SIGTTOU),
    (signal::USR1, libc::SIGUSR1),
    (signal::USR2, libc::SIGUSR2),
    (signal::VTALRM, libc::SIGVTALRM),
    (signal::XCPU, libc::SIGXCPU),
    (signal::XFSZ, libc::SIGXFSZ),
];

/// The host signal for a CloudABI one; `None` for those whose default action
/// is to do nothing.
pub(crate) fn to_host(s: signal) -> Option<i32> {
    PAIRS.iter().find(|(c, _)| *c == s).map(|(_, h)| *h)
}

/// Whether raising `s` ends the process (its default action is neither to
/// do nothing nor to stop it).
pub(crate) fn ends_process(s: signal) -> bool {
    to_host(s).is_some() && ![signal::STOP, signal::TSTP, signal::TTIN, signal::TTOU].contains(&s)
}

/// The CloudABI signal for a host one (a child killed by it).
pub(crate) fn from_host(host: i32) -> Option<signal> {
    PAIRS.iter().find(|(_, h)| *h == host).map(|(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_go_both_ways() {
        for (c, h) in PAIRS {
            assert_eq!(to_host(c), Some(h));
            assert_eq!(from_host(h), Some(c));
        }
        assert_eq!(to_host(signal::CHLD), None);
        assert_eq!(from_host(0), None);
        assert!(ends_process(signal::TERM) && ends_process(signal::ABRT));
        assert!(!ends_process(signal::STOP) && !ends_process(signal::CHLD));
    }
}
