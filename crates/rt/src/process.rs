//! Ending the process, and what `main` may return.

use core::fmt;

/// Ends the process with `status` (0 means success). Other threads end too.
pub fn exit(status: u32) -> ! {
    // SAFETY: ends the process; nothing of ours runs afterwards.
    unsafe { cloudabi::proc_exit(status) }
}

/// Ends the process abnormally, the way CloudABI's C library does: raises
/// `SIGABRT`, and exits with status 1 should the signal not end it.
pub fn abort() -> ! {
    // SAFETY: raising a signal has no memory effects.
    let _ = unsafe { cloudabi::proc_raise(cloudabi::signal::ABRT) };
    exit(1)
}

/// An exit status, for a `main` that returns one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExitCode(pub u32);

impl ExitCode {
    /// Status 0.
    pub const SUCCESS: ExitCode = ExitCode(0);
    /// Status 1.
    pub const FAILURE: ExitCode = ExitCode(1);
}

/// What `main` may return: `()`, an [`ExitCode`], a `u8`/`u32` status, or a
/// `Result` of any of these whose error displays. An error is printed (to
/// the descriptor chosen with [`io::set_stderr`](crate::io::set_stderr)) as
/// `error: ...` and gives status 1.
pub trait Termination {
    /// The exit status, after reporting an error.
    fn report(self) -> u32;
}

impl Termination for () {
    fn report(self) -> u32 {
        0
    }
}

impl Termination for ExitCode {
    fn report(self) -> u32 {
        self.0
    }
}

impl Termination for u8 {
    fn report(self) -> u32 {
        self.into()
    }
}

impl Termination for u32 {
    fn report(self) -> u32 {
        self
    }
}

impl<T: Termination, E: fmt::Display> Termination for Result<T, E> {
    fn report(self) -> u32 {
        match self {
            Ok(t) => t.report(),
            Err(e) => {
                crate::eprintln!("error: {e}");
                1
            }
        }
    }
}
