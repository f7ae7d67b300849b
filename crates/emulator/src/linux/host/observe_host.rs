//! A thread's side of observation: the generated `before`/`after` hooks,
//! which number each call, ask the injector about it, time it and trace
//! it; and the short transfers `--inject short=P` asks for.

use std::os::fd::{AsRawFd, OwnedFd};
use std::time::Instant;

use cloudabi::host::trace::{Call, Value};
use cloudabi::{ciovec, errno, fd as Fd, filetype, iovec, rights};

use super::errors::HostResult;
use super::Host;
use crate::linux::inject::{short_length, Decision};
use crate::linux::trace::{Ending, Injected, Record};

/// The observed call in progress on a thread.
#[derive(Default)]
pub(crate) struct Pending {
    /// Its number in the process's serving order.
    seq: u64,
    start: Option<Instant>,
    injected: Option<Injected>,
    /// For a short transfer: the draw that picks its length (taken by the
    /// transfer).
    pub(crate) short: Option<u64>,
    /// The call, kept (when tracing) for `proc_exec`, which traces it before
    /// the program is replaced.
    call: Option<Call>,
}

impl Host {
    /// Numbers the call, decides whether it fails, starts its clock; traces
    /// a call that will not return now.
    pub(super) fn observe_before(&mut self, call: &Call) -> Option<errno> {
        let process = self.process.clone();
        let observer = process.observer.as_ref()?;
        let seq = observer.next_call();
        let decision = observer.decide(seq, call);
        let tracer = observer.tracer.as_ref();
        self.pending = Pending {
            seq,
            start: tracer.filter(|t| t.timed()).map(|_| Instant::now()),
            injected: matches!(decision, Decision::Fail(_)).then_some(Injected::Failed),
            short: match decision {
                Decision::Short(draw) => Some(draw),
                _ => None,
            },
            call: None,
        };
        if let Some(t) = tracer {
            if call.noreturn {
                t.record(&Record {
                    seq,
                    tid: self.tid,
                    call,
                    ending: Ending::NoReturn,
                    duration: None,
                    injected: Injected::No,
                });
            } else {
                // Kept for a call that may not come back (proc_exec).
                self.pending.call = Some(call.clone());
            }
        }
        match decision {
            Decision::Fail(e) if !call.noreturn => Some(e),
            _ => None,
        }
    }

    /// Traces the call's outcome.
    pub(super) fn observe_after(&mut self, call: Call, result: Result<Value, errno>) {
        let process = self.process.clone();
        let Some(observer) = process.observer.as_ref() else {
            return;
        };
        let pending = std::mem::take(&mut self.pending);
        // A call whose arguments failed their checks skipped `before`.
        let seq = if call.checked {
            pending.seq
        } else {
            observer.next_call()
        };
        if let Some(t) = &observer.tracer {
            t.record(&Record {
                seq,
                tid: self.tid,
                call: &call,
                ending: Ending::Returned(result),
                duration: pending.start.map(|s| s.elapsed()),
                injected: pending.injected.unwrap_or(Injected::No),
            });
        }
    }

    /// The call in progress ends the process (`proc_raise` of a signal
    /// that kills): traces it as a call that does not return, and prints
    /// the summary.
    pub(super) fn observe_end(&mut self) {
        let process = self.process.clone();
        let Some(observer) = process.observer.as_ref() else {
            return;
        };
        self.trace_pending(Ending::NoReturn);
        observer.finish();
    }

    /// Traces the call kept by `before` as ending this way.
    fn trace_pending(&mut self, ending: Ending) {
        let process = self.process.clone();
        let Some(t) = process.observer.as_ref().and_then(|o| o.tracer.as_ref()) else {
            return;
        };
        if let Some(call) = self.pending.call.take() {
            t.record(&Record {
                seq: self.pending.seq,
                tid: self.tid,
                call: &call,
                ending,
                duration: None,
                injected: Injected::No,
            });
        }
    }

    /// `proc_exec` is about to replace the program: traces the call.
    /// Returns the options that carry observation over (the number of calls
    /// served, the trace file's fd) and an inheritable copy of that fd, to
    /// keep open until the exec.
    pub(super) fn observe_exec(&mut self) -> Result<(Vec<String>, Option<OwnedFd>), errno> {
        let process = self.process.clone();
        let Some(observer) = process.observer.as_ref() else {
            return Ok((Vec::new(), None));
        };
        let mut args = vec![format!("--calls-served={}", observer.served())];
        let Some(t) = &observer.tracer else {
            return Ok((args, None));
        };
        self.trace_pending(Ending::Exec);
        let Some(file) = t.file() else {
            return Ok((args, None));
        };
        let inherited = rustix::io::dup(file).host()?;
        args.push(format!("--trace-fd={}", inherited.as_raw_fd()));
        Ok((args, Some(inherited)))
    }

    /// Makes a read or write with fewer bytes than asked (at least one), as
    /// `--inject short=P` decided: `run` gets the buffers cut short. Left
    /// whole when no shorter transfer exists, and on datagram sockets, whose
    /// messages a kernel never splits.
    pub(super) fn short_transfer<B: Buffer>(
        &mut self,
        fd: Fd,
        bufs: &[B],
        run: impl FnOnce(&mut Host, &[B]) -> Result<usize, errno>,
    ) -> Result<usize, errno> {
        let draw = self.pending.short.take().unwrap_or(0);
        let asked: usize = bufs.iter().map(Buffer::len).sum();
        let datagram = self
            .entry(fd, rights::empty())
            .is_ok_and(|e| e.filetype == filetype::SOCKET_DGRAM);
        let Some(allowed) = short_length(asked, draw).filter(|_| !datagram) else {
            return run(self, bufs);
        };
        let mut cut = Vec::with_capacity(bufs.len());
        let mut left = allowed;
        for b in bufs {
            if left == 0 {
                break;
            }
            let n = b.len().min(left);
            cut.push(b.first(n));
            left -= n;
        }
        self.pending.injected = Some(Injected::Short { asked });
        run(self, &cut)
    }
}

/// An I/O vector whose length a short transfer can cut.
pub(super) trait Buffer: Copy {
    fn len(&self) -> usize;
    /// The same buffer, `n` bytes long.
    fn first(&self, n: usize) -> Self;
}

impl Buffer for ciovec {
    fn len(&self) -> usize {
        self.buf.1
    }
    fn first(&self, n: usize) -> Self {
        ciovec {
            buf: (self.buf.0, n),
        }
    }
}

impl Buffer for iovec {
    fn len(&self) -> usize {
        self.buf.1
    }
    fn first(&self, n: usize) -> Self {
        iovec {
            buf: (self.buf.0, n),
        }
    }
}
