//! Observing a guest's calls: what `--trace*` and `--inject` ask for, held
//! by the process and consulted by each thread's `Host` through the
//! generated `before`/`after` hooks. A process without these options has no
//! `Observer`, and its calls run no observation code at all.

use std::os::fd::{FromRawFd, OwnedFd};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use cloudabi::host::trace::{Call, Value};

use super::inject::{Decision, Injector, Rule};
use super::trace::{Output, Tracer};
use crate::{Options, TraceFormat};

/// The process-wide state of observation.
pub(crate) struct Observer {
    pub(crate) tracer: Option<Tracer>,
    injector: Option<Injector>,
    /// Calls served so far: the last one's number in serving order.
    served: AtomicU64,
    finished: AtomicBool,
}

/// The names of all system calls, in number order.
pub(crate) fn syscall_names() -> Vec<&'static str> {
    cloudabi::host::entry_points::<super::host::Host>()
        .iter()
        .map(|(symbol, _)| {
            symbol
                .strip_prefix(crate::vdso::SYMBOL_PREFIX)
                .unwrap_or(symbol)
        })
        .collect()
}

/// Parses every `--inject` SPEC.
fn rules(options: &Options) -> Result<Vec<Rule>, String> {
    let names = syscall_names();
    options
        .inject
        .iter()
        .map(|spec| Rule::parse(spec, &names).map_err(|e| format!("--inject {spec}: {e}")))
        .collect()
}

/// Checks what clap cannot: the SPECs and the `--trace-calls` patterns.
pub(crate) fn check(options: &Options) -> Result<(), String> {
    rules(options)?;
    let names = syscall_names();
    for pattern in &options.trace_calls {
        if !names.iter().any(|n| super::trace::glob(pattern, n)) {
            return Err(format!(
                "--trace-calls: {pattern:?} matches no system call (e.g. fd_write, fd_*)"
            ));
        }
    }
    Ok(())
}

impl Observer {
    /// The observer `options` ask for, or `None` when calls need not be
    /// observed.
    pub(crate) fn new(options: &Options) -> Result<Option<Observer>, String> {
        let rules = rules(options)?;
        let tracing = options.tracing();
        let tracer = if tracing || options.trace_summary {
            Some(Tracer::new(
                output(options)?,
                options.trace_format.unwrap_or(TraceFormat::Text),
                options.trace_calls.clone(),
                tracing,
                options.trace_time,
                options.trace_summary,
            ))
        } else {
            None
        };
        let injector = (!rules.is_empty()).then(|| Injector::new(rules));
        if tracer.is_none() && injector.is_none() {
            return Ok(None);
        }
        Ok(Some(Observer {
            tracer,
            injector,
            served: AtomicU64::new(options.calls_served),
            finished: AtomicBool::new(false),
        }))
    }

    /// The trace file's fd, if the trace goes to one.
    pub(crate) fn raw_fd(&self) -> Option<std::os::fd::RawFd> {
        use std::os::fd::AsRawFd;
        self.tracer.as_ref()?.file().map(|f| f.as_raw_fd())
    }

    /// Numbers the next call in serving order (from 1).
    pub(crate) fn next_call(&self) -> u64 {
        self.served.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// How many calls were served so far.
    pub(crate) fn served(&self) -> u64 {
        self.served.load(Ordering::Relaxed)
    }

    /// What injection does to call `seq`.
    pub(crate) fn decide(&self, seq: u64, call: &Call) -> Decision {
        let Some(injector) = &self.injector else {
            return Decision::Run;
        };
        let errs = super::inject::call_failures(call.syscall, &poll_types(call));
        injector.decide(seq, call.syscall, errs)
    }

    /// The process is ending: prints the summary (once).
    pub(crate) fn finish(&self) {
        if self.finished.swap(true, Ordering::AcqRel) {
            return;
        }
        if let Some(t) = &self.tracer {
            t.finish();
        }
    }
}

/// The event types of a `poll`'s subscriptions, as the trace names them
/// (none for other calls).
fn poll_types(call: &Call) -> Vec<&'static str> {
    let subscriptions = match call.args.first() {
        Some(("in", Value::List(s))) if call.syscall == "poll" => s,
        _ => return Vec::new(),
    };
    let type_of = |s: &Value| match s {
        Value::Struct(members) => members.iter().find_map(|(name, v)| match (*name, v) {
            ("type", Value::Name(t)) => Some(*t),
            _ => None,
        }),
        _ => None,
    };
    subscriptions.iter().filter_map(type_of).collect()
}

/// Where the trace goes: an fd inherited through exec, a file (created or
/// truncated), or stderr.
fn output(options: &Options) -> Result<Output, String> {
    if let Some(raw) = options.trace_fd {
        if rustix::io::fcntl_getfd(
            // SAFETY: only borrowed to ask whether it is open.
            unsafe { std::os::fd::BorrowedFd::borrow_raw(raw) },
        )
        .is_err()
        {
            return Err(format!("--trace-fd {raw}: not open"));
        }
        // SAFETY: the launcher that exec'd us passed this fd to us alone.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        let fd = super::resources::dup(std::os::fd::AsFd::as_fd(&fd))
            .map_err(|e| format!("--trace-fd {raw}: {e}"))?;
        return Ok(Output::Fd(fd));
    }
    match &options.trace_file {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("--trace-file {}: {e}", path.display()))?;
            let fd = super::resources::dup(std::os::fd::AsFd::as_fd(&file))
                .map_err(|e| format!("--trace-file {}: {e}", path.display()))?;
            Ok(Output::Fd(fd))
        }
        None => Ok(Output::Stderr),
    }
}
