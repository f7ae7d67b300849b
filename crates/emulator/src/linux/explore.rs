//! `--explore`: looks for the error paths of a program that go wrong. It
//! runs the program once cleanly, recording its calls, then again and
//! again under `--inject`: failing its 1st, 2nd, ... call that can fail,
//! then with seeded random failures, then with short transfers, several
//! runs at a time. A run is a finding when it ends by a signal, hangs, or
//! exits 0 with output other than the clean run's (a failure swallowed and
//! data lost; judged only when a second clean run gives the same output);
//! a run that reports the error and exits non-zero is the
//! program doing its job. Each finding is run a second time to check that
//! its `--inject` SPEC reproduces it.

use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use cloudabi::errno;

use super::inject::{call_failures, errno_name, TRANSFERS};

pub(crate) use crate::Exploration as Settings;

/// How many trace lines are shown before each finding.
const CONTEXT: usize = 8;

/// How one run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Ending {
    Exited(i32),
    Signal(i32),
    Hung(Duration),
}

/// What one run left behind.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub(crate) ending: Ending,
    pub(crate) stdout: Vec<u8>,
    pub(crate) stderr: Vec<u8>,
    pub(crate) trace: String,
    pub(crate) took: Duration,
}

/// Why a run is a finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Finding {
    Signal(i32),
    /// The program faulted: the launcher reported it and ended with 128 +
    /// the signal.
    Fault {
        signal: i32,
        report: String,
    },
    Hang(Duration),
    /// Exited 0 with other output than the clean run.
    LostOutput {
        detail: String,
    },
    /// The launcher itself panicked (a bug in the emulator).
    LauncherCrash {
        message: String,
    },
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Signal(s) => write!(f, "killed by signal {} ({s})", signal_name(*s)),
            Finding::Fault { report, .. } => write!(f, "faulted: {report}"),
            Finding::Hang(t) => write!(f, "hung: no exit within {:.1} s", t.as_secs_f64()),
            Finding::LostOutput { detail } => {
                write!(
                    f,
                    "exited 0, but its output differs from the clean run ({detail})"
                )
            }
            Finding::LauncherCrash { message } => write!(f, "the launcher crashed: {message}"),
        }
    }
}

impl Finding {
    /// Whether `other` is the same kind of ending (a reproduction).
    fn same_kind(&self, other: &Finding) -> bool {
        match (self, other) {
            (Finding::Signal(a), Finding::Signal(b)) => a == b,
            (Finding::Fault { signal: a, .. }, Finding::Fault { signal: b, .. }) => a == b,
            (Finding::Hang(_), Finding::Hang(_)) => true,
            (Finding::LostOutput { .. }, Finding::LostOutput { .. }) => true,
            (Finding::LauncherCrash { .. }, Finding::LauncherCrash { .. }) => true,
            _ => false,
        }
    }
}

/// The result of an exploration.
pub(crate) struct Report {
    pub(crate) text: String,
    pub(crate) findings: usize,
}

/// What kind of run a SPEC makes, for the summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    FailOne,
    Seeded,
    Short,
}

/// Explores `program` with the configuration `yaml`.
pub(crate) fn explore(program: &Path, yaml: &str, settings: &Settings) -> Result<Report, String> {
    let started = Instant::now();
    let work = WorkDir::new()?;
    let runner = Runner {
        program: program.to_path_buf(),
        yaml: yaml.to_string(),
        dir: work.path.clone(),
        args: settings.run_args.clone(),
        next: AtomicUsize::new(0),
    };
    let clean_limit = settings.timeout.unwrap_or(Duration::from_secs(60));
    let clean = runner.run(None, clean_limit, true)?;
    if let Ending::Hung(t) = clean.ending {
        return Err(format!(
            "the clean run did not end within {:.0} s; give a longer --explore-timeout",
            t.as_secs_f64()
        ));
    }
    if clean.ending == Ending::Exited(crate::LAUNCH_FAILURE as i32) {
        let stderr = String::from_utf8_lossy(&clean.stderr);
        let why = stderr.trim();
        let why = why.strip_prefix("cloudabi-run: ").unwrap_or(why);
        return Err(format!("the program could not be run: {why}"));
    }
    // A second clean run: output that changes by itself (times, random
    // numbers) cannot tell lost data.
    let steady = {
        let again = runner.run(None, clean_limit, false)?;
        again.stdout == clean.stdout && again.stderr == clean.stderr
    };
    let calls = calls_of(&clean.trace)?;
    let plan = plan(&calls, settings.runs);
    let timeout = settings
        .timeout
        .unwrap_or_else(|| (clean.took * 10).max(Duration::from_secs(5)));
    let outcomes = runner.run_all(&plan, timeout, settings.jobs)?;
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    for (i, o) in outcomes.iter().enumerate() {
        if let Some(f) = judge(o, &clean, steady) {
            findings.push((i, f));
        }
    }
    // Each finding once more, to check that its SPEC reproduces it.
    let again: Vec<(String, Kind)> = findings.iter().map(|(i, _)| plan[*i].clone()).collect();
    let second = runner.run_all(&again, timeout, settings.jobs)?;
    let mut text = String::new();
    if let Some(f) = judge(&clean, &clean, steady) {
        text.push_str(&format!(
            "note: without any failure injected, the program already ended so: {f}\n"
        ));
    }
    if !steady {
        text.push_str(
            "note: two clean runs gave different output, so no run is judged by its output \
             (only signals, faults and hangs are findings)\n",
        );
    }
    let mut unsteady = 0;
    for ((i, finding), o2) in findings.iter().zip(&second) {
        let spec = &plan[*i].0;
        text.push_str(&format!("found: --inject {spec}: {finding}\n"));
        for line in last_lines(&outcomes[*i].trace, CONTEXT) {
            text.push_str(&format!("  | {line}\n"));
        }
        match judge(o2, &clean, steady) {
            Some(f) if f.same_kind(finding) => continue,
            Some(f) => text.push_str(&format!("  (a second run ended otherwise: {f})\n")),
            None => text.push_str("  (a second run ended without a finding)\n"),
        }
        unsteady += 1;
    }
    text.push_str(&summary(
        &calls,
        &plan,
        &findings,
        started.elapsed(),
        settings.jobs,
    ));
    if unsteady > 0 {
        text.push_str(&format!(
            "{unsteady} of the findings ended otherwise when run again: where threads make \
             calls at once, the order the calls are served in, and so which one is the K-th, \
             can change from run to run\n"
        ));
    }
    Ok(Report {
        text,
        findings: findings.len(),
    })
}

/// A call of the clean run: its number in serving order, its name, and
/// the errors it can get ([`call_failures`]).
type Served = (u64, String, &'static [errno]);

/// The calls of the clean run, in serving order.
fn calls_of(json_trace: &str) -> Result<Vec<Served>, String> {
    let mut calls = Vec::new();
    for line in json_trace.lines() {
        let v: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| format!("cannot read the clean run's trace: {e}: {line}"))?;
        if let (Some(seq), Some(name)) = (v["seq"].as_u64(), v["syscall"].as_str()) {
            let types: Vec<&str> = v["args"]["in"]
                .as_array()
                .map(|subs| subs.iter().filter_map(|s| s["type"].as_str()).collect())
                .unwrap_or_default();
            calls.push((seq, name.to_string(), call_failures(name, &types)));
        }
    }
    calls.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    calls.dedup_by(|a, b| (a.0, &a.1) == (b.0, &b.1));
    Ok(calls)
}

/// The SPECs to run: each call that can fail, failed with its first error
/// (as many as `runs` allows); then seeds and short transfers, half each,
/// for the runs left.
fn plan(calls: &[Served], runs: Option<usize>) -> Vec<(String, Kind)> {
    // After a fork, parent and child number their calls on from the same
    // count: one run per number (nth=K fails the K-th call of each).
    let mut failable: Vec<&Served> = calls.iter().filter(|c| !c.2.is_empty()).collect();
    failable.dedup_by_key(|c| c.0);
    let transfers = calls.iter().any(|c| TRANSFERS.contains(&c.1.as_str()));
    let runs = runs.unwrap_or(failable.len() + 16);
    let mut plan: Vec<(String, Kind)> = failable
        .iter()
        .take(runs)
        .map(|(seq, _, errs)| {
            let e = errno_name(errs[0]);
            (format!("nth={seq},errno={e}"), Kind::FailOne)
        })
        .collect();
    let left = runs - plan.len();
    let (seeded, short) = match (failable.is_empty(), transfers) {
        (false, true) => (left.div_ceil(2), left / 2),
        (false, false) => (left, 0),
        (true, true) => (0, left),
        (true, false) => (0, 0),
    };
    // About two failures a run.
    let rate = (2.0 / failable.len().max(1) as f64).clamp(0.01, 0.5);
    for seed in 1..=seeded {
        plan.push((format!("seed={seed},rate={rate:.3}"), Kind::Seeded));
    }
    for seed in 1..=short {
        plan.push((format!("short=0.5,seed={seed}"), Kind::Short));
    }
    plan
}

/// Whether a run is a finding, against the clean run (and its output, if
/// that is `steady` from run to run).
fn judge(o: &Outcome, clean: &Outcome, steady: bool) -> Option<Finding> {
    if let Some(message) = launcher_panic(&o.stderr) {
        return Some(Finding::LauncherCrash { message });
    }
    match o.ending {
        Ending::Signal(s) => Some(Finding::Signal(s)),
        Ending::Hung(t) => Some(Finding::Hang(t)),
        Ending::Exited(code) if code > 128 && fault_report(&o.stderr).is_some() => {
            Some(Finding::Fault {
                signal: code - 128,
                report: fault_report(&o.stderr).unwrap_or_default(),
            })
        }
        Ending::Exited(0) if steady && (o.stdout != clean.stdout || o.stderr != clean.stderr) => {
            let detail = if o.stdout != clean.stdout {
                difference("stdout", &o.stdout, &clean.stdout)
            } else {
                difference("stderr", &o.stderr, &clean.stderr)
            };
            Some(Finding::LostOutput { detail })
        }
        Ending::Exited(_) => None,
    }
}

/// The launcher's own panic message, if it panicked (it then exits 101,
/// or aborts when the panic was on a thread serving the guest). Rust names
/// the thread; a guest on cloudabi-rt prints its panics without one.
fn launcher_panic(stderr: &[u8]) -> Option<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .find(|l| l.starts_with("thread '") && l.contains("panicked at"))
        .map(str::to_string)
}

/// What the launcher said about a fault of the program, if it said so.
fn fault_report(stderr: &[u8]) -> Option<String> {
    String::from_utf8_lossy(stderr)
        .lines()
        .find_map(|l| l.strip_prefix(FAULT_REPORT))
        .map(str::to_string)
}

/// How the launcher's line about a fault of the program starts.
const FAULT_REPORT: &str = "cloudabi-run: the program faulted: ";

fn difference(what: &str, got: &[u8], clean: &[u8]) -> String {
    if got.len() != clean.len() {
        format!("{what}: {} bytes instead of {}", got.len(), clean.len())
    } else {
        let at = got.iter().zip(clean).position(|(a, b)| a != b).unwrap_or(0);
        format!("{what}: byte {at} differs")
    }
}

fn last_lines(trace: &str, n: usize) -> Vec<&str> {
    let lines: Vec<&str> = trace.lines().collect();
    lines[lines.len().saturating_sub(n)..].to_vec()
}

fn summary(
    calls: &[Served],
    plan: &[(String, Kind)],
    findings: &[(usize, Finding)],
    took: Duration,
    jobs: usize,
) -> String {
    let count = |k: Kind| plan.iter().filter(|p| p.1 == k).count();
    let failable = calls.iter().filter(|c| !c.2.is_empty()).count();
    let kind = |f: fn(&Finding) -> bool| findings.iter().filter(|(_, x)| f(x)).count();
    format!(
        "explored {} runs (two clean) in {:.1} s, {jobs} at a time: the clean run made {} calls, {failable} of which can fail; \
         {} runs failed one call, {} failed calls at random, {} made short transfers\n\
         {} findings: {} ended by a signal or a fault, {} hung, {} lost output, {} crashed the launcher\n",
        plan.len() + 2,
        took.as_secs_f64(),
        calls.len(),
        count(Kind::FailOne),
        count(Kind::Seeded),
        count(Kind::Short),
        findings.len(),
        kind(|f| matches!(f, Finding::Signal(_) | Finding::Fault { .. })),
        kind(|f| matches!(f, Finding::Hang(_))),
        kind(|f| matches!(f, Finding::LostOutput { .. })),
        kind(|f| matches!(f, Finding::LauncherCrash { .. })),
    )
}

/// A directory of scratch files, removed when dropped.
struct WorkDir {
    path: PathBuf,
}

impl WorkDir {
    fn new() -> Result<WorkDir, String> {
        let path = std::env::temp_dir().join(format!("cloudabi-explore-{}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(WorkDir { path })
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Runs the program under this launcher.
struct Runner {
    program: PathBuf,
    yaml: String,
    dir: PathBuf,
    /// Options every run gets (`--sandbox=off`).
    args: Vec<String>,
    /// Numbers the scratch files.
    next: AtomicUsize,
}

impl Runner {
    /// Runs every SPEC, `jobs` at a time; the outcomes in the order given.
    fn run_all(
        &self,
        specs: &[(String, Kind)],
        timeout: Duration,
        jobs: usize,
    ) -> Result<Vec<Outcome>, String> {
        let results: Mutex<Vec<Option<Result<Outcome, String>>>> =
            Mutex::new(specs.iter().map(|_| None).collect());
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            for _ in 0..jobs.max(1) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some((spec, _)) = specs.get(i) else {
                        return;
                    };
                    let r = self.run(Some(spec), timeout, false);
                    results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_else(|e| e.into_inner())
            .into_iter()
            .map(|r| r.unwrap_or_else(|| Err("a run was lost".into())))
            .collect()
    }

    /// The launcher's arguments for one run: the run options given to
    /// `--explore` (`--sandbox`), a fixed address space, the trace file,
    /// the SPEC, the program.
    fn launcher_args(&self, spec: Option<&str>, trace: &Path, json: bool) -> Vec<OsString> {
        let mut args: Vec<OsString> = self.args.iter().map(OsString::from).collect();
        if !self.args.iter().any(|a| a == "--no-aslr") {
            args.push("--no-aslr".into());
        }
        args.push("--trace-file".into());
        args.push(trace.into());
        if json {
            args.push("--trace-format=json".into());
        }
        if let Some(spec) = spec {
            args.push(format!("--inject={spec}").into());
        }
        args.push(self.program.clone().into());
        args
    }

    /// One run: with `--inject spec`, or the clean run (JSON trace).
    fn run(&self, spec: Option<&str>, timeout: Duration, json: bool) -> Result<Outcome, String> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let file = |what: &str| self.dir.join(format!("{n}.{what}"));
        let (out, err, trace) = (file("stdout"), file("stderr"), file("trace"));
        let create = |p: &Path| File::create(p).map_err(|e| format!("{}: {e}", p.display()));
        let mut cmd = Command::new("/proc/self/exe");
        cmd.args(self.launcher_args(spec, &trace, json))
            .stdin(Stdio::piped())
            .stdout(create(&out)?)
            .stderr(create(&err)?);
        // Its own process group, so a hung program and its forks all go.
        std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
        let started = Instant::now();
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start the launcher: {e}"))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A program that exits without reading its input closes the pipe.
            let _ = stdin.write_all(self.yaml.as_bytes());
        }
        let ending = loop {
            if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
                use std::os::unix::process::ExitStatusExt;
                break match (status.code(), status.signal()) {
                    (Some(code), _) => Ending::Exited(code),
                    (None, Some(sig)) => Ending::Signal(sig),
                    (None, None) => Ending::Exited(-1),
                };
            }
            if started.elapsed() > timeout {
                // SAFETY: kill(2) on the child's own process group.
                unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
                let _ = child.wait();
                break Ending::Hung(timeout);
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let took = started.elapsed();
        // Forked children of the program may outlive it: end them too.
        // SAFETY: as above; the group is ours alone.
        unsafe { libc::kill(-(child.id() as i32), libc::SIGKILL) };
        let read = |p: &Path| std::fs::read(p).unwrap_or_default();
        let outcome = Outcome {
            ending,
            stdout: read(&out),
            stderr: read(&err),
            trace: String::from_utf8_lossy(&read(&trace)).into_owned(),
            took,
        };
        for p in [&out, &err, &trace] {
            let _ = std::fs::remove_file(p);
        }
        Ok(outcome)
    }
}

/// A signal's name (`SIGSEGV`).
pub(crate) fn signal_name(sig: i32) -> String {
    let names = [
        (libc::SIGABRT, "SIGABRT"),
        (libc::SIGALRM, "SIGALRM"),
        (libc::SIGBUS, "SIGBUS"),
        (libc::SIGFPE, "SIGFPE"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGILL, "SIGILL"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGKILL, "SIGKILL"),
        (libc::SIGPIPE, "SIGPIPE"),
        (libc::SIGQUIT, "SIGQUIT"),
        (libc::SIGSEGV, "SIGSEGV"),
        (libc::SIGSYS, "SIGSYS"),
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGTRAP, "SIGTRAP"),
        (libc::SIGUSR1, "SIGUSR1"),
        (libc::SIGUSR2, "SIGUSR2"),
        (libc::SIGXCPU, "SIGXCPU"),
        (libc::SIGXFSZ, "SIGXFSZ"),
    ];
    names
        .iter()
        .find(|(n, _)| *n == sig)
        .map_or_else(|| format!("signal {sig}"), |(_, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linux::inject::failures;

    fn calls(names: &[&str]) -> Vec<Served> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| (i as u64 + 1, n.to_string(), failures(n)))
            .collect()
    }

    #[test]
    fn the_plan_fails_each_failable_call_then_seeds_then_short_transfers() {
        let c = calls(&["clock_time_get", "mem_map", "fd_write", "proc_exit"]);
        let p = plan(&c, Some(6));
        let specs: Vec<&str> = p.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            specs,
            [
                "nth=2,errno=ENOMEM",
                "nth=3,errno=EIO",
                "seed=1,rate=0.500",
                "seed=2,rate=0.500",
                "short=0.5,seed=1",
                "short=0.5,seed=2",
            ]
        );
        // By default: every failable call and 16 more.
        assert_eq!(plan(&c, None).len(), 18);
        // Fewer runs than failable calls: the first ones.
        assert_eq!(plan(&c, Some(1)).len(), 1);
        // A number two processes used after a fork is failed once.
        let forked = [(1, "proc_fork"), (2, "fd_write"), (2, "mem_map")]
            .map(|(n, name)| (n, name.to_string(), failures(name)));
        assert_eq!(plan(&forked, Some(2))[1].0, "nth=2,errno=EIO");
    }

    /// The clean run's JSON trace gives each call's number, name and
    /// errors: none for a poll that waits on a lock.
    #[test]
    fn the_clean_trace_tells_which_calls_can_fail() {
        let trace = [
            r#"{"seq":2,"syscall":"poll","args":{"in":[{"type":"EVENTTYPE_LOCK_WRLOCK"}]}}"#,
            r#"{"seq":1,"syscall":"fd_write","args":{"fd":0}}"#,
            r#"{"seq":3,"syscall":"poll","args":{"in":[{"type":"EVENTTYPE_FD_READ"}]}}"#,
            r#"{"summary":[]}"#,
        ]
        .join("\n");
        let calls = calls_of(&trace).unwrap();
        let names: Vec<(u64, &str, usize)> = calls
            .iter()
            .map(|c| (c.0, c.1.as_str(), c.2.len()))
            .collect();
        assert_eq!(
            names,
            [
                (1, "fd_write", failures("fd_write").len()),
                (2, "poll", 0),
                (3, "poll", 1)
            ]
        );
        let p = plan(&calls, Some(2));
        assert_eq!(p[0].0, "nth=1,errno=EIO");
        assert_eq!(p[1].0, "nth=3,errno=ENOMEM");
    }

    #[test]
    fn runs_left_go_to_what_can_happen() {
        let specs = |names: &[&str], runs| -> Vec<String> {
            plan(&calls(names), Some(runs))
                .into_iter()
                .map(|p| p.0)
                .collect()
        };
        assert_eq!(
            specs(&["clock_time_get", "fd_read"], 3),
            ["nth=2,errno=EIO", "seed=1,rate=0.500", "short=0.5,seed=1"]
        );
        // Without transfers, no short ones.
        assert_eq!(
            specs(&["mem_map"], 3),
            [
                "nth=1,errno=ENOMEM",
                "seed=1,rate=0.500",
                "seed=2,rate=0.500"
            ]
        );
        // Nothing can fail: nothing to run.
        assert!(specs(&["clock_time_get"], 3).is_empty());
    }

    #[test]
    fn every_run_gets_the_run_options_given() {
        let runner = |args: &[&str]| Runner {
            program: "prog".into(),
            yaml: String::new(),
            dir: "/tmp".into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            next: AtomicUsize::new(0),
        };
        let line = |r: &Runner, spec| {
            r.launcher_args(spec, Path::new("t"), spec.is_none())
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            line(&runner(&[]), None),
            "--no-aslr --trace-file t --trace-format=json prog"
        );
        assert_eq!(
            line(&runner(&["--sandbox=off"]), Some("nth=3")),
            "--sandbox=off --no-aslr --trace-file t --inject=nth=3 prog"
        );
        assert_eq!(
            line(&runner(&["--no-aslr"]), Some("nth=3")),
            "--no-aslr --trace-file t --inject=nth=3 prog"
        );
    }

    fn outcome(ending: Ending, stdout: &str) -> Outcome {
        Outcome {
            ending,
            stdout: stdout.into(),
            stderr: Vec::new(),
            trace: String::new(),
            took: Duration::ZERO,
        }
    }

    #[test]
    fn findings_are_signals_hangs_and_lost_output() {
        let clean = outcome(Ending::Exited(0), "abc");
        assert_eq!(
            judge(&outcome(Ending::Exited(0), "abc"), &clean, true),
            None
        );
        assert_eq!(judge(&outcome(Ending::Exited(1), ""), &clean, true), None);
        assert_eq!(
            judge(&outcome(Ending::Signal(11), ""), &clean, true),
            Some(Finding::Signal(11))
        );
        assert!(matches!(
            judge(&outcome(Ending::Exited(0), "ab"), &clean, true),
            Some(Finding::LostOutput { .. })
        ));
        assert!(matches!(
            judge(
                &outcome(Ending::Hung(Duration::from_secs(1)), ""),
                &clean,
                true
            ),
            Some(Finding::Hang(_))
        ));
        // A fault the launcher reports: 128 + the signal, and its line.
        let mut faulted = outcome(Ending::Exited(139), "");
        faulted.stderr = b"cloudabi-run: the program faulted: SIGSEGV at address 0x0\n".to_vec();
        assert_eq!(
            judge(&faulted, &clean, true).map(|f| f.to_string()),
            Some("faulted: SIGSEGV at address 0x0".to_string())
        );
        // The same status without the report is the program's own exit.
        assert_eq!(judge(&outcome(Ending::Exited(139), ""), &clean, true), None);
        // The launcher's panic, whatever the ending; a guest's is its own.
        let mut panicked = outcome(Ending::Signal(6), "");
        panicked.stderr = b"thread '<unnamed>' (5) panicked at src/x.rs:1:1:\nboom\n".to_vec();
        assert!(matches!(
            judge(&panicked, &clean, true),
            Some(Finding::LauncherCrash { .. })
        ));
        panicked.stderr = b"panicked at src/main.rs:1:1:\nboom\n".to_vec();
        assert_eq!(judge(&panicked, &clean, true), Some(Finding::Signal(6)));
        // Output that changes by itself judges nothing.
        assert_eq!(
            judge(&outcome(Ending::Exited(0), "ab"), &clean, false),
            None
        );
        assert!(judge(&outcome(Ending::Signal(11), ""), &clean, false).is_some());
    }
}
