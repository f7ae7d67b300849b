//! The conformance suite for CloudABI launchers.
//!
//! Guest programs under `guests/` (freestanding C on the generated headers)
//! check the system calls one group at a time: the success path and the
//! errors the reference implementation, FreeBSD's kernel
//! (`sys/compat/cloudabi*`), returns, each case citing the function it
//! follows. A guest prints one line per case (`ok CALL NAME` or
//! `FAIL CALL NAME: detail`) and `done N` at the end; this crate builds the
//! guests with gcc, runs each under a launcher (any program that takes the
//! executable as its argument and the YAML configuration on stdin, as
//! upstream `cloudabi-run` does), and collects the lines into a report.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One guest program of the suite.
#[derive(Debug, Clone, Copy)]
pub struct Guest {
    /// The source is `guests/NAME.c`.
    pub name: &'static str,
    /// Extra YAML map entries besides `out` and `dir`.
    pub yaml: &'static str,
    /// Whether the guest's directory gets `prog` (the guest itself, executable), `notelf`
    /// (text, executable) and `plain` (text, not executable), for proc_exec.
    pub programs: bool,
}

/// Every guest, in the order they are reported.
pub const GUESTS: &[Guest] = &[
    guest("mem", ""),
    guest("fd", ""),
    guest("file", ""),
    guest("sock", ""),
    guest("poll", ""),
    Guest {
        name: "proc",
        yaml: "",
        programs: true,
    },
    guest("sync", ""),
    guest("alloc", "threads: 8\nrounds: 4000\n"),
    guest("programs", ""),
];

const fn guest(name: &'static str, yaml: &'static str) -> Guest {
    Guest {
        name,
        yaml,
        programs: false,
    }
}

/// How long one guest may run.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// The repository the suite lives in.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the guests' sources are.
pub fn guests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("guests")
}

/// Builds `guest` into `out_dir`; the path of the CloudABI executable.
pub fn build(guest: &Guest, out_dir: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let src = guests_dir().join(format!("{}.c", guest.name));
    let raw = out_dir.join(format!("{}.raw{}", guest.name, std::process::id()));
    let output = Command::new("gcc")
        .args(["-nostdlib", "-ffreestanding", "-fPIE", "-static-pie"])
        .args(["-fno-stack-protector", "-fno-asynchronous-unwind-tables"])
        .args([
            "-O2",
            "-Wall",
            "-Werror",
            "-Wl,-z,noexecstack",
            "-Wl,--build-id=none",
        ])
        .arg("-I")
        .arg(repo().join("generated/c"))
        .arg("-I")
        .arg(repo().join("tests/guests/c"))
        .arg("-o")
        .arg(&raw)
        .arg(&src)
        .output()
        .map_err(|e| format!("cannot run gcc ({e}): install the Debian package gcc"))?;
    if !output.status.success() {
        return Err(format!(
            "gcc failed for {}:\n{}",
            src.display(),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let mut bytes = std::fs::read(&raw).map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&raw);
    // EI_OSABI: CloudABI.
    bytes[7] = 17;
    let dest = out_dir.join(guest.name);
    let tmp = dest.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| e.to_string())?;
    std::fs::rename(&tmp, &dest).map_err(|e| e.to_string())?;
    Ok(dest)
}

/// One case's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    pub call: String,
    pub name: String,
    pub passed: bool,
    /// A known difference from the reference (`known` lines): not passed, not
    /// failed either.
    pub known: bool,
    /// Why it failed, or why the difference is known.
    pub detail: Option<String>,
}

impl Case {
    /// Parses `ok CALL NAME`, `FAIL CALL NAME: detail` or `known CALL NAME: why`.
    pub fn parse(line: &str) -> Option<Case> {
        let (passed, known, rest) = if let Some(r) = line.strip_prefix("ok ") {
            (true, false, r)
        } else if let Some(r) = line.strip_prefix("known ") {
            (false, true, r)
        } else {
            (false, false, line.strip_prefix("FAIL ")?)
        };
        let (call, name) = rest.split_once(' ')?;
        let split = if known {
            name.split_once(": ")
        } else {
            name.rsplit_once(": ")
        };
        let (name, detail) = match split {
            Some((n, d)) if !passed => (n, Some(d.to_string())),
            _ => (name, None),
        };
        Some(Case {
            call: call.to_string(),
            name: name.to_string(),
            passed,
            known,
            detail,
        })
    }
}

/// What running one guest gave.
#[derive(Debug, Clone)]
pub struct GuestRun {
    pub guest: &'static str,
    pub cases: Vec<Case>,
    /// Output lines that are not cases.
    pub other: Vec<String>,
    /// Why the guest's run as a whole is wrong (it crashed, hung, or did
    /// not report all its cases), if it is.
    pub problem: Option<String>,
}

/// Runs the built guest `exe` under `launcher`, in a fresh directory
/// under `work`.
pub fn run_guest(launcher: &Path, guest: &Guest, exe: &Path, work: &Path) -> GuestRun {
    let mut run = GuestRun {
        guest: guest.name,
        cases: Vec::new(),
        other: Vec::new(),
        problem: None,
    };
    let dir = work.join(format!("{}-{}", guest.name, std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let made = std::fs::create_dir_all(&dir).and_then(|()| {
        if guest.programs {
            put_programs(&dir, exe)
        } else {
            Ok(())
        }
    });
    if let Err(e) = made {
        run.problem = Some(format!("cannot prepare {}: {e}", dir.display()));
        return run;
    }
    let yaml = format!(
        "%TAG ! tag:nuxi.nl,2015:cloudabi/\n---\nout: !fd stdout\ndir: !file {{path: {:?}}}\n{}",
        dir.display().to_string(),
        guest.yaml
    );
    let outcome = run_with_timeout(launcher, exe, &yaml, TIMEOUT);
    let _ = std::fs::remove_dir_all(&dir);
    let (status, stdout, stderr) = match outcome {
        Ok(o) => o,
        Err(e) => {
            run.problem = Some(e);
            return run;
        }
    };
    let mut done = None;
    for line in stdout.lines() {
        if let Some(case) = Case::parse(line) {
            run.cases.push(case);
        } else if let Some(n) = line.strip_prefix("done ") {
            done = n.parse::<usize>().ok();
        } else {
            run.other.push(line.to_string());
        }
    }
    let failed = run.cases.iter().any(|c| !c.passed && !c.known);
    run.problem = match (done, status) {
        (None, _) => Some(format!(
            "ended early (exit status {status:?}) after {} cases; stderr: {}",
            run.cases.len(),
            stderr.trim()
        )),
        (Some(n), _) if n != run.cases.len() => Some(format!(
            "reported {n} cases but printed {}",
            run.cases.len()
        )),
        (Some(_), Some(0)) => None,
        (Some(_), Some(1)) if failed => None,
        (Some(_), other) => Some(format!(
            "exit status {other:?} does not match its cases; stderr: {}",
            stderr.trim()
        )),
    };
    run
}

/// The files `proc` execs: the guest itself, an executable that is no program, and a
/// file without execute permission.
fn put_programs(dir: &Path, exe: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    std::fs::copy(exe, dir.join("prog"))?;
    mode(&dir.join("prog"), 0o755)?;
    std::fs::write(dir.join("notelf"), "this is no program\n")?;
    mode(&dir.join("notelf"), 0o755)?;
    std::fs::write(dir.join("plain"), "plain text\n")?;
    mode(&dir.join("plain"), 0o644)
}

/// Runs `launcher exe` with `yaml` on stdin: (exit code, stdout, stderr).
fn run_with_timeout(
    launcher: &Path,
    exe: &Path,
    yaml: &str,
    timeout: Duration,
) -> Result<(Option<i32>, String, String), String> {
    let mut child = Command::new(launcher)
        .arg(exe)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", launcher.display()))?;
    // A launcher that refuses early may not read its input.
    let _ = child.stdin.take().map(|mut s| s.write_all(yaml.as_bytes()));
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    match status {
        Some(s) => Ok((s.code(), stdout, stderr)),
        None => Err(format!(
            "timed out after {} s; output so far:\n{stdout}{stderr}",
            timeout.as_secs()
        )),
    }
}

/// The whole suite's results.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub runs: Vec<GuestRun>,
}

/// Cases, passes and known differences of one call.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub cases: usize,
    pub passed: usize,
    pub known: usize,
}

impl Report {
    /// Per call (in name order): cases and how many passed.
    pub fn tally(&self) -> BTreeMap<&str, Tally> {
        let mut out: BTreeMap<&str, Tally> = BTreeMap::new();
        for c in self.runs.iter().flat_map(|r| &r.cases) {
            let t = out.entry(c.call.as_str()).or_default();
            t.cases += 1;
            t.passed += usize::from(c.passed);
            t.known += usize::from(c.known);
        }
        out
    }

    pub fn total(&self) -> Tally {
        self.tally().values().fold(Tally::default(), |a, t| Tally {
            cases: a.cases + t.cases,
            passed: a.passed + t.passed,
            known: a.known + t.known,
        })
    }

    /// Whether every case passed (or is a known difference) and every guest
    /// ran to its end.
    pub fn passed(&self) -> bool {
        let t = self.total();
        t.cases == t.passed + t.known && self.runs.iter().all(|r| r.problem.is_none())
    }

    /// One line per case, then the problems of guests as a whole.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.runs {
            for c in &r.cases {
                let status = match (c.passed, c.known) {
                    (true, _) => "ok  ",
                    (false, true) => "known",
                    (false, false) => "FAIL",
                };
                let mut line = format!("{status} {:<14} {}", c.call, c.name);
                if let Some(d) = &c.detail {
                    line.push_str(&format!(" ({d})"));
                }
                out.push(line);
            }
            for o in &r.other {
                out.push(format!("note {}: {o}", r.guest));
            }
            if let Some(p) = &r.problem {
                out.push(format!("FAIL guest {}: {p}", r.guest));
            }
        }
        out
    }

    /// The summary: one row per call and the total.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        for (call, t) in self.tally() {
            s.push_str(&format!(
                "{call:<16} {:>4} cases {:>4} passed {:>3} known\n",
                t.cases, t.passed, t.known
            ));
        }
        let t = self.total();
        let calls = self.tally().keys().filter(|c| **c != "workload").count();
        s.push_str(&format!(
            "total: {calls} calls, {} cases, {} passed, {} known differences, {} guests with problems\n",
            t.cases,
            t.passed,
            t.known,
            self.runs.iter().filter(|r| r.problem.is_some()).count()
        ));
        s
    }

    /// The summary as a Markdown table (for the README).
    pub fn markdown(&self) -> String {
        let mut s =
            String::from("| call | cases | passing | known differences |\n|---|---:|---:|---:|\n");
        for (call, t) in self.tally() {
            s.push_str(&format!(
                "| `{call}` | {} | {} | {} |\n",
                t.cases, t.passed, t.known
            ));
        }
        let t = self.total();
        s.push_str(&format!(
            "| **total** | **{}** | **{}** | **{}** |\n",
            t.cases, t.passed, t.known
        ));
        s
    }
}

/// Builds and runs the guests whose names are in `only` (all when empty)
/// under `launcher`, several at once; builds go to `work`.
pub fn run(launcher: &Path, work: &Path, only: &[String]) -> Result<Report, String> {
    let chosen: Vec<&Guest> = GUESTS
        .iter()
        .filter(|g| only.is_empty() || only.iter().any(|o| o == g.name))
        .collect();
    if let Some(unknown) = only.iter().find(|o| !GUESTS.iter().any(|g| g.name == *o)) {
        let names: Vec<&str> = GUESTS.iter().map(|g| g.name).collect();
        return Err(format!(
            "no guest named {unknown:?} (there are: {})",
            names.join(", ")
        ));
    }
    let bin = work.join("bin");
    let built = chosen
        .iter()
        .map(|g| build(g, &bin).map(|exe| (*g, exe)))
        .collect::<Result<Vec<_>, _>>()?;
    let parallel = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut runs: Vec<Option<GuestRun>> = vec![None; built.len()];
    for batch in built.chunks(parallel).zip(runs.chunks_mut(parallel)) {
        std::thread::scope(|s| {
            for ((guest, exe), slot) in batch.0.iter().zip(batch.1.iter_mut()) {
                s.spawn(move || *slot = Some(run_guest(launcher, guest, exe, work)));
            }
        });
    }
    Ok(Report {
        runs: runs.into_iter().flatten().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_lines_parse() {
        assert_eq!(
            Case::parse("ok mem_map anonymous read-write"),
            Some(Case {
                call: "mem_map".into(),
                name: "anonymous read-write".into(),
                passed: true,
                known: false,
                detail: None,
            })
        );
        assert_eq!(
            Case::parse("FAIL fd_read bad fd: got EINVAL, want EBADF"),
            Some(Case {
                call: "fd_read".into(),
                name: "bad fd".into(),
                passed: false,
                known: false,
                detail: Some("got EINVAL, want EBADF".into()),
            })
        );
        let known = Case::parse("known sock_recv a case: Linux cannot: at all").unwrap();
        assert!(known.known && !known.passed);
        assert_eq!(known.detail.as_deref(), Some("Linux cannot: at all"));
        assert_eq!(Case::parse("done 3"), None);
        assert_eq!(Case::parse("ok"), None);
    }

    #[test]
    fn reports_tally_per_call() {
        let case = |call: &str, passed| Case {
            call: call.into(),
            name: "x".into(),
            passed,
            known: false,
            detail: None,
        };
        let report = Report {
            runs: vec![GuestRun {
                guest: "g",
                cases: vec![case("a", true), case("a", false), case("b", true)],
                other: vec![],
                problem: None,
            }],
        };
        assert_eq!(
            report.tally()["a"],
            Tally {
                cases: 2,
                passed: 1,
                known: 0
            }
        );
        assert_eq!(report.total().passed, 2);
        assert!(!report.passed());
        assert!(report.markdown().contains("| `b` | 1 | 1 | 0 |"));
    }
}
