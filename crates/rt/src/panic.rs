//! The panic handler: writes `panicked at FILE:LINE:COLUMN:` and the message
//! to the descriptor chosen with [`io::set_stderr`](crate::io::set_stderr)
//! (or nowhere), then ends the process the way CloudABI's C library's
//! `abort` does: `SIGABRT`, and exit status 1 should the signal not end it.
//!
//! The message is formatted into a fixed buffer on the stack (cut short if
//! longer): a panic may come from inside the allocator, with its lock held,
//! so the handler must not allocate. A panic while panicking (in a
//! `Display` implementation, say) aborts at once.

use core::fmt::{self, Write};
use core::panic::PanicInfo;
use core::sync::atomic::{AtomicBool, Ordering};

static PANICKING: AtomicBool = AtomicBool::new(false);

/// A fixed-size text buffer that keeps what fits and drops the rest.
struct Truncating {
    buf: [u8; 1024],
    len: usize,
}

impl Write for Truncating {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let room = self.buf.len() - self.len;
        let n = s.len().min(room);
        self.buf[self.len..self.len + n].copy_from_slice(&s.as_bytes()[..n]);
        self.len += n;
        Ok(())
    }
}

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    if PANICKING.swap(true, Ordering::Relaxed) {
        crate::process::abort();
    }
    let err = crate::io::stderr();
    if err.is_set() {
        let mut text = Truncating {
            buf: [0; 1024],
            len: 0,
        };
        let _ = match info.location() {
            Some(l) => write!(
                text,
                "panicked at {}:{}:{}:\n{}\n",
                l.file(),
                l.line(),
                l.column(),
                info.message()
            ),
            None => write!(text, "panicked:\n{}\n", info.message()),
        };
        let mut out = err;
        let _ = crate::io::Write::write_all(&mut out, &text.buf[..text.len]);
    }
    crate::process::abort()
}

/// The precompiled `core` of the Linux target this runtime builds on refers
/// to the unwinder's personality routine; nothing unwinds here
/// (`panic = "abort"`), so it is never called.
#[unsafe(no_mangle)]
pub extern "C" fn rust_eh_personality() {}

/// The precompiled `alloc` has clean-up paths that resume unwinding; with
/// `panic = "abort"` no unwinding ever starts, so this is never reached.
#[unsafe(no_mangle)]
#[allow(non_snake_case)]
pub extern "C" fn _Unwind_Resume() -> ! {
    crate::process::abort()
}
