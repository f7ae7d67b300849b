//! The tracer: writes each observed call as a line of text or JSON, to
//! stderr or a file, and sums up counts, errors and times per call for
//! `--trace-summary`. One `write` per line, so that threads and forked
//! processes sharing the output never interleave within a line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::Mutex;
use std::time::Duration;

use cloudabi::errno;
use cloudabi::host::trace::{Call, Value};

use super::inject::errno_name;
use crate::TraceFormat;

/// What happened to a call besides running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Injected {
    No,
    /// It failed without running.
    Failed,
    /// It transferred fewer bytes than the `asked`.
    Short {
        asked: usize,
    },
}

/// How a traced call ended.
pub(crate) enum Ending {
    /// It returned (or failed its argument checks, `call.checked` false).
    Returned(Result<Value, errno>),
    /// A call that does not return, about to run.
    NoReturn,
    /// `proc_exec`, about to replace the program.
    Exec,
}

/// One traced call.
pub(crate) struct Record<'a> {
    /// Its place in the order the process served its calls (what
    /// `--inject nth=K` counts).
    pub(crate) seq: u64,
    pub(crate) tid: u32,
    pub(crate) call: &'a Call,
    pub(crate) ending: Ending,
    /// How long it took, where measured.
    pub(crate) duration: Option<Duration>,
    pub(crate) injected: Injected,
}

/// Per-call figures for the summary.
#[derive(Debug, Default, Clone, Copy)]
struct Stats {
    calls: u64,
    errors: u64,
    time: Duration,
}

/// Where and how calls are traced.
pub(crate) struct Tracer {
    out: Output,
    format: TraceFormat,
    /// Patterns of the calls to trace; empty: every call.
    filter: Vec<String>,
    /// Whether each call gets a line (false: only the summary).
    lines: bool,
    time: bool,
    summary: Option<Mutex<BTreeMap<&'static str, Stats>>>,
}

/// The trace's destination.
pub(crate) enum Output {
    Stderr,
    Fd(OwnedFd),
}

impl Output {
    pub(crate) fn fd(&self) -> BorrowedFd<'_> {
        match self {
            Output::Stderr => rustix::stdio::stderr(),
            Output::Fd(fd) => fd.as_fd(),
        }
    }
}

impl Tracer {
    pub(crate) fn new(
        out: Output,
        format: TraceFormat,
        filter: Vec<String>,
        lines: bool,
        time: bool,
        summary: bool,
    ) -> Tracer {
        Tracer {
            out,
            format,
            filter,
            lines,
            time,
            summary: summary.then(Mutex::default),
        }
    }

    /// Whether calls need timing (for durations or the summary).
    pub(crate) fn timed(&self) -> bool {
        self.time || self.summary.is_some() || self.format == TraceFormat::Json
    }

    /// The trace file, if the trace goes to one (for passing it on through
    /// exec).
    pub(crate) fn file(&self) -> Option<BorrowedFd<'_>> {
        match &self.out {
            Output::Stderr => None,
            Output::Fd(fd) => Some(fd.as_fd()),
        }
    }

    fn selected(&self, syscall: &str) -> bool {
        self.filter.is_empty() || self.filter.iter().any(|p| glob(p, syscall))
    }

    /// Traces one call.
    pub(crate) fn record(&self, r: &Record<'_>) {
        if !self.selected(r.call.syscall) {
            return;
        }
        if let Some(summary) = &self.summary {
            // Calls that do not return count too (`strace -c` counts
            // exit_group), with no time and no error.
            let mut s = summary.lock().unwrap_or_else(|e| e.into_inner());
            let stats = s.entry(r.call.syscall).or_default();
            stats.calls += 1;
            stats.errors += u64::from(matches!(r.ending, Ending::Returned(Err(_))));
            stats.time += r.duration.unwrap_or_default();
        }
        if !self.lines {
            return;
        }
        let line = match self.format {
            TraceFormat::Text => text_line(r, self.time),
            TraceFormat::Json => json_line(r),
        };
        self.write(&line);
    }

    /// Prints the summary, if one was asked for.
    pub(crate) fn finish(&self) {
        let Some(summary) = &self.summary else {
            return;
        };
        let stats = summary.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let text = match self.format {
            TraceFormat::Text => text_summary(&stats),
            TraceFormat::Json => json_summary(&stats),
        };
        self.write(&text);
    }

    fn write(&self, text: &str) {
        let mut bytes = text.as_bytes();
        while !bytes.is_empty() {
            match rustix::io::write(self.out.fd(), bytes) {
                Ok(0) | Err(_) => return,
                Ok(n) => bytes = &bytes[n..],
            }
        }
    }
}

/// Whether `name` matches `pattern`, in which `*` matches any run of
/// characters.
pub(crate) fn glob(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, rest)) => {
            let Some(tail) = name.strip_prefix(head) else {
                return false;
            };
            (0..=tail.len()).any(|i| tail.is_char_boundary(i) && glob(rest, &tail[i..]))
        }
    }
}

/// `[1] fd_write(fd=3, iovs=[1 ciovec, 5 bytes]) = Ok(5) <0.000004> [injected]`
fn text_line(r: &Record<'_>, time: bool) -> String {
    let mut line = format!("[{}] {}", r.tid, r.call);
    match &r.ending {
        Ending::Returned(Ok(v)) => {
            let _ = write!(line, " = Ok({v})");
        }
        Ending::Returned(Err(e)) => {
            let _ = write!(line, " = Err({})", errno_name(*e));
            if !r.call.checked {
                line.push_str(" (bad argument)");
            }
        }
        Ending::NoReturn => {}
        Ending::Exec => line.push_str(" = (executing the new program)"),
    }
    if let (true, Some(d)) = (time, r.duration) {
        let _ = write!(line, " <{}.{:06}>", d.as_secs(), d.subsec_micros());
    }
    match r.injected {
        Injected::No => {}
        Injected::Failed => line.push_str(" [injected]"),
        Injected::Short { asked } => {
            let _ = write!(line, " [injected: short, {asked} bytes asked]");
        }
    }
    line.push('\n');
    line
}

/// One JSON object: see `trace.schema.json`.
fn json_line(r: &Record<'_>) -> String {
    let mut o = String::with_capacity(160);
    let _ = write!(o, "{{\"seq\":{},\"tid\":{},\"syscall\":", r.seq, r.tid);
    json_string(&mut o, r.call.syscall);
    o.push_str(",\"args\":");
    if r.call.checked {
        json_members(&mut o, &r.call.args);
    } else {
        o.push_str("null");
    }
    let (outcome, result, error) = match &r.ending {
        Ending::Returned(Ok(v)) => ("ok", Some(v), None),
        Ending::Returned(Err(e)) if !r.call.checked => ("bad_arguments", None, Some(*e)),
        Ending::Returned(Err(e)) => ("error", None, Some(*e)),
        Ending::NoReturn => ("no_return", None, None),
        Ending::Exec => ("exec", None, None),
    };
    let _ = write!(o, ",\"outcome\":\"{outcome}\",\"result\":");
    match result {
        Some(v) => json_value(&mut o, v),
        None => o.push_str("null"),
    }
    o.push_str(",\"errno\":");
    match error {
        Some(e) => json_string(&mut o, &errno_name(e)),
        None => o.push_str("null"),
    }
    o.push_str(",\"duration_ns\":");
    match r.duration {
        Some(d) => {
            let _ = write!(o, "{}", d.as_nanos());
        }
        None => o.push_str("null"),
    }
    let (injected, short) = match r.injected {
        Injected::No => (false, None),
        Injected::Failed => (true, None),
        Injected::Short { asked } => (true, Some(asked)),
    };
    let _ = write!(o, ",\"injected\":{injected},\"short_of\":");
    match short {
        Some(n) => {
            let _ = write!(o, "{n}");
        }
        None => o.push_str("null"),
    }
    o.push_str("}\n");
    o
}

fn json_string(o: &mut String, s: &str) {
    o.push('"');
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(o, "\\u{:04x}", c as u32);
            }
            c => o.push(c),
        }
    }
    o.push('"');
}

fn json_members(o: &mut String, members: &[(&str, Value)]) {
    o.push('{');
    for (i, (name, v)) in members.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        json_string(o, name);
        o.push(':');
        json_value(o, v);
    }
    o.push('}');
}

/// A decoded value as JSON: numbers as numbers, names and text as strings,
/// flags as the list of their names (unnamed bits as one hex string).
fn json_value(o: &mut String, v: &Value) {
    match v {
        Value::Unit => o.push_str("null"),
        Value::Int(n) => {
            let _ = write!(o, "{n}");
        }
        Value::Name(name) => json_string(o, name),
        Value::Flags(names, rest) => {
            o.push('[');
            let mut first = true;
            for name in names {
                if !std::mem::take(&mut first) {
                    o.push(',');
                }
                json_string(o, name);
            }
            if *rest != 0 {
                if !first {
                    o.push(',');
                }
                json_string(o, &format!("{rest:#x}"));
            }
            o.push(']');
        }
        Value::Pointer(p) => {
            let _ = write!(o, "{p}");
        }
        Value::Range(start, len) => {
            let _ = write!(o, "{{\"address\":{start},\"length\":{len}}}");
        }
        Value::Text(t) => json_string(o, t),
        Value::Count(n, what) => {
            let _ = write!(o, "{{\"count\":{n},\"of\":");
            json_string(o, what);
            o.push('}');
        }
        Value::Buffers(n, what, bytes) => {
            let _ = write!(o, "{{\"buffers\":{n},\"of\":");
            json_string(o, what);
            let _ = write!(o, ",\"bytes\":{bytes}}}");
        }
        Value::List(items) | Value::Tuple(items) => {
            o.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    o.push(',');
                }
                json_value(o, item);
            }
            o.push(']');
        }
        Value::Struct(members) => json_members(o, members),
    }
}

/// Like `strace -c`: share of the time, seconds, microseconds per call,
/// calls, errors, name; most time first.
fn text_summary(stats: &BTreeMap<&'static str, Stats>) -> String {
    let mut rows: Vec<(&str, Stats)> = stats.iter().map(|(k, v)| (*k, *v)).collect();
    rows.sort_by(|a, b| b.1.time.cmp(&a.1.time).then(a.0.cmp(b.0)));
    let total: Duration = rows.iter().map(|r| r.1.time).sum();
    let rule = "------ ----------- ----------- --------- --------- ----------------\n";
    let mut out =
        String::from("% time     seconds  usecs/call     calls    errors syscall\n") + rule;
    let share = |t: Duration| {
        if total.is_zero() {
            0.0
        } else {
            100.0 * t.as_secs_f64() / total.as_secs_f64()
        }
    };
    for (name, s) in &rows {
        let per_call = s.time.as_micros() / u128::from(s.calls.max(1));
        let _ = writeln!(
            out,
            "{:6.2} {:11.6} {:11} {:9} {:9} {name}",
            share(s.time),
            s.time.as_secs_f64(),
            per_call,
            s.calls,
            s.errors
        );
    }
    out.push_str(rule);
    let calls: u64 = rows.iter().map(|r| r.1.calls).sum();
    let errors: u64 = rows.iter().map(|r| r.1.errors).sum();
    let _ = writeln!(
        out,
        "100.00 {:11.6} {:11} {calls:9} {errors:9} total",
        total.as_secs_f64(),
        ""
    );
    out
}

/// The summary as one JSON line: `{"summary":[{"syscall":..,"calls":..,
/// "errors":..,"seconds":..}, ...]}`, in name order.
fn json_summary(stats: &BTreeMap<&'static str, Stats>) -> String {
    let mut o = String::from("{\"summary\":[");
    for (i, (name, s)) in stats.iter().enumerate() {
        if i > 0 {
            o.push(',');
        }
        o.push_str("{\"syscall\":");
        json_string(&mut o, name);
        let _ = write!(
            o,
            ",\"calls\":{},\"errors\":{},\"seconds\":{}}}",
            s.calls,
            s.errors,
            s.time.as_secs_f64()
        );
    }
    o.push_str("]}\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob("fd_*", "fd_write"));
        assert!(glob("*", "poll"));
        assert!(glob("file_open", "file_open"));
        assert!(!glob("file_open", "file_opened"));
        assert!(glob("*_get", "fd_stat_get"));
        assert!(!glob("f*_s*x", "fd_stat_get"));
        assert!(glob("f*_s*et", "fd_stat_get"));
        assert!(!glob("fd_*", "file_open"));
    }

    #[test]
    fn json_strings_are_escaped() {
        let mut o = String::new();
        json_string(&mut o, "a\"b\\c\nd\u{1}");
        assert_eq!(o, r#""a\"b\\c\nd\u0001""#);
    }
}
